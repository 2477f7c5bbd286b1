"""Every public error and notice villagecat raises survives pickling: a developer's multiprocessing pool sends it home.

``LedgerError`` could not be unpickled (``__init__() missing 3 required positional arguments``): a pool that ran
``read_ledger`` on a clerk's file in a worker lost the clerk's problems and raised a TypeError of its own instead.
Pickle rebuilds an exception by calling its class with ``args``, which holds the message, not the constructor's own
arguments; every class with a constructor of its own failed so.
"""

from __future__ import annotations

import importlib
import pickle
import pkgutil
import warnings
from typing import TYPE_CHECKING

import pytest

import villagecat
from villagecat.checks import (
    CertificateNotRenderedError,
    CertificateRefusedError,
    InvalidMeasurementError,
    LedgerError,
    NoTemplateError,
    read_ledger,
)
from villagecat.errors import (
    ArgumentTypeError,
    BudgetExceededError,
    EmptySheetWarning,
    HiddenCellsWarning,
    InterruptedSaveWarning,
    InvalidRequestError,
    LayerChainError,
    ListEntryNotice,
    MergedCellsWarning,
    PackageReadError,
    StrayFileWarning,
    UnknownItemError,
    UnknownLayerError,
    ValidationFailedError,
    VillagecatError,
    VillagecatWarning,
    WorkbookNotice,
    WriteRefusedError,
)
from villagecat.patch import PatchError
from villagecat.report import Problem, ValidationReport

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path


def _ledger_problems() -> LedgerError:
    one = LedgerError("台账.csv", 2, "名称", "ledger-required")
    other = LedgerError("台账.csv", 3, "村名", "ledger-village-missing")
    return LedgerError.collected("台账.csv", [one, other])


def _report() -> ValidationReport:
    problem = Problem("items.csv", "missing", "必填", "required", line=3, field="name")
    return ValidationReport("pkg", [problem])


#: One of each public class, as villagecat makes it.
SAMPLES: dict[type[BaseException], Callable[[], BaseException]] = {
    VillagecatError: lambda: VillagecatError("出错", "went wrong", where="a.csv"),
    PackageReadError: lambda: PackageReadError.at("a.csv", "ledger-suffix", suffix=".txt"),
    BudgetExceededError: lambda: BudgetExceededError("a.csv", "rows", 10, "too many rows", "行数过多"),
    WriteRefusedError: lambda: WriteRefusedError("out", "not ours", "不是本工具的文件"),
    ValidationFailedError: lambda: ValidationFailedError(_report()),
    UnknownLayerError: lambda: UnknownLayerError("没有这一层", "no such layer"),
    UnknownItemError: lambda: UnknownItemError("没有这一项", "no such item"),
    LayerChainError: lambda: LayerChainError("上级层缺失", "a parent is missing"),
    InvalidRequestError: lambda: InvalidRequestError.because("empty-task"),
    ArgumentTypeError: lambda: ArgumentTypeError("pass a path", "应给出路径"),
    PatchError: lambda: PatchError.said("patch-invalid-result", detail="items.csv：必填"),
    LedgerError: _ledger_problems,
    InvalidMeasurementError: lambda: InvalidMeasurementError("面积不是数字", "area is no number"),
    CertificateNotRenderedError: lambda: CertificateNotRenderedError("缺少姓名", "name missing", titles={"a": "b"}),
    CertificateRefusedError: lambda: CertificateRefusedError("不应出具", "must not be issued"),
    NoTemplateError: lambda: NoTemplateError("没有模板", "no template"),
    VillagecatWarning: lambda: VillagecatWarning("注意"),
    StrayFileWarning: lambda: StrayFileWarning("pkg", ("x.csv",)),
    InterruptedSaveWarning: lambda: InterruptedSaveWarning("pkg", finished=True),
    WorkbookNotice: lambda: WorkbookNotice("标牌", "注意", "note"),
    MergedCellsWarning: lambda: MergedCellsWarning("标牌", ("A2:A5",)),
    HiddenCellsWarning: lambda: HiddenCellsWarning("标牌", rows=(2, 3), ledger=True),
    ListEntryNotice: lambda: ListEntryNotice("事项", "departments", "区城管局，区民政局", ("一项", "one entry")),
    EmptySheetWarning: lambda: EmptySheetWarning("Sheet1"),
}


def _public_classes() -> set[type[BaseException]]:
    """Every public subclass of villagecat's error and warning bases, in every module of the package."""
    for module in pkgutil.walk_packages(villagecat.__path__, "villagecat."):
        if ".cli" not in module.name and not module.name.endswith("__main__"):
            importlib.import_module(module.name)
    found: set[type[BaseException]] = set()
    stack: list[type[BaseException]] = [VillagecatError, VillagecatWarning]
    while stack:
        cls = stack.pop()
        if not cls.__name__.startswith("_"):
            found.add(cls)
        stack.extend(cls.__subclasses__())
    return {cls for cls in found if cls.__module__.startswith("villagecat")}


def test_every_public_error_class_has_a_sample() -> None:
    """A new public error must be added here: its pickling is then tested too."""
    assert _public_classes() == set(SAMPLES)


@pytest.mark.parametrize("cls", list(SAMPLES), ids=lambda cls: cls.__name__)
def test_a_public_error_survives_a_pickle_round_trip(cls: type[BaseException]) -> None:
    error = SAMPLES[cls]()
    assert type(error) is cls
    back = pickle.loads(pickle.dumps(error))  # noqa: S301 - our own object
    assert type(back) is cls
    assert str(back) == str(error)
    assert back.args == error.args
    if isinstance(error, VillagecatError | WorkbookNotice):
        assert isinstance(back, VillagecatError | WorkbookNotice)
        assert back.describe("zh") == error.describe("zh")
        assert back.describe("en") == error.describe("en")
    mine = {k: v for k, v in vars(error).items() if k != "problems"}
    assert {k: v for k, v in vars(back).items() if k != "problems"} == mine
    if isinstance(error, VillagecatError):
        assert isinstance(back, VillagecatError)
        assert back.exit_code == error.exit_code


def test_a_ledger_error_keeps_each_problem_through_a_pool(tmp_path: Path) -> None:
    """What a worker raises reaches the parent whole: each problem with its file, row and field."""
    (tmp_path / "台账.csv").write_text("村名,类别,名称\n和平村,证件,健在证明\n和平村,证明,\n", encoding="utf-8")
    with pytest.raises(LedgerError) as caught:
        read_ledger(tmp_path / "台账.csv")
    back = pickle.loads(pickle.dumps(caught.value))  # noqa: S301
    assert back.describe("zh") == caught.value.describe("zh")
    assert [p.describe("zh") for p in back.problems] == [p.describe("zh") for p in caught.value.problems]
    assert [p.row for p in back.problems] == [2, 3]
    assert back.total == 2
    one = back.problems[0]
    assert one.problems == (one,)  # a problem is its own only problem, after pickling as before


def test_a_warning_caught_in_a_worker_pickles_as_its_message() -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        warnings.warn(HiddenCellsWarning("标牌", columns=(("C", "备注"),)), stacklevel=1)
    back = pickle.loads(pickle.dumps(caught[0].message))  # noqa: S301
    assert isinstance(back, HiddenCellsWarning)
    assert back.describe("zh") == caught[0].message.describe("zh")  # type: ignore[union-attr]
