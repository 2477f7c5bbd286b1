"""What a developer of a provincial system meets when a call goes wrong: one clear line, in the library's terms.

A developer review found a package given as the jurisdiction answered with its whole Python repr
(three times, some 200,000 characters), a library error advising a command-line flag, a wrong
kind of item worded "is of Sign (Sign)", public classes named by private modules in tracebacks,
and a citation's inline diff cut inside a document's id.
"""

from __future__ import annotations

import pickle
import traceback
from typing import TYPE_CHECKING

import pytest

import villagecat
from villagecat import checks
from villagecat.checks import CheckReport, Finding, InvalidMeasurementError, LedgerError
from villagecat.diff import diff_packages, diff_versions, inline_diff
from villagecat.errors import ArgumentTypeError, InvalidRequestError, UnknownLayerError
from villagecat.models import FacilityStandard
from villagecat.registry import shipped_registry

if TYPE_CHECKING:
    from pathlib import Path


def test_a_package_given_as_the_jurisdiction_says_to_name_its_code_and_give_it_in_layers() -> None:
    jilin = shipped_registry().find("220000")
    with pytest.raises(ArgumentTypeError) as caught:
        villagecat.resolve(jilin)  # type: ignore[arg-type]
    said = caught.value
    assert said.message_zh == (
        '辖区应写作行政区划代码、中文名称或简称（如 "220000"），而不是 LayerPackage（220000 层）：'
        '层包请放在 layers 中，如 villagecat.resolve("220000", layers=[package])'
    )
    assert said.describe("en") == (
        "a jurisdiction is a division code, Chinese name or slug (such as '220000'), not a LayerPackage "
        "(layer 220000): give the package in layers, as villagecat.resolve('220000', layers=[package])"
    )
    assert isinstance(said, TypeError)


@pytest.mark.parametrize("given", [["220000"], b"220000", {"id": "220000"}])
def test_a_jurisdiction_of_another_kind_is_named_by_its_kind_never_its_repr(given: object) -> None:
    with pytest.raises(ArgumentTypeError) as caught:
        villagecat.resolve(given)  # type: ignore[arg-type]
    kind = type(given).__name__
    assert caught.value.message_zh == f'辖区应写作行政区划代码、中文名称或简称（如 "120117"），而不是 {kind}'
    assert "220000" not in str(caught.value)


def test_a_code_given_as_a_number_is_still_an_unknown_layer() -> None:
    with pytest.raises(UnknownLayerError, match='请写作 "120117"'):
        villagecat.resolve(120117)  # type: ignore[arg-type]


def test_two_layers_given_to_the_library_diff_name_diff_catalogs_not_a_flag() -> None:
    registry = shipped_registry()
    national, jilin = registry.find("cn"), registry.find("220000")
    in_memory = villagecat.LayerPackage(layer=jilin.layer, documents=jilin.documents, duties=jilin.duties)
    for diff in (diff_packages, diff_versions):
        with pytest.raises(InvalidRequestError) as caught:
            diff(national, in_memory)
        said = caught.value
        assert "--effective" not in str(said), said
        assert "diff_catalogs" in said.message_zh, said
        assert "diff_catalogs" in said.describe("en"), said
        assert "220000 是 220000 层" not in said.message_zh, said
        assert "吉林省（220000 层）" in said.message_zh, said
        assert f"{national.source}（cn 层）" in said.message_zh, said
        assert "Jilin (layer 220000)" in said.describe("en"), said


def test_an_item_of_another_kind_is_worded_by_its_model_and_says_how_to_get_it() -> None:
    catalog = villagecat.resolve("cn")
    with pytest.raises(InvalidRequestError) as caught:
        catalog.get("cn.sign.party-service-centre", FacilityStandard)
    assert caught.value.message_zh == (
        "cn.sign.party-service-centre 是标牌标识（Sign），不是综合服务设施标准（FacilityStandard）："
        '请写作 catalog.get("cn.sign.party-service-centre", Sign)，或不给出种类'
    )
    assert caught.value.describe("en") == (
        "cn.sign.party-service-centre is among the Sign items, not the Facility standard ones: "
        "write catalog.get('cn.sign.party-service-centre', Sign), not FacilityStandard, or give no kind"
    )


PUBLIC = {"villagecat.checks": (CheckReport, Finding, InvalidMeasurementError, LedgerError)}


@pytest.mark.parametrize("public", PUBLIC["villagecat.checks"], ids=lambda c: c.__name__)
def test_public_classes_are_named_by_the_module_that_exports_them(public: type) -> None:
    assert public.__module__ == "villagecat.checks"
    assert getattr(checks, public.__name__) is public


def test_a_ledger_error_reads_in_a_traceback_by_its_public_name() -> None:
    error = LedgerError("ledger.csv", 2, "name", "ledger-required")
    shown = "".join(traceback.format_exception_only(error))
    assert shown.startswith("villagecat.checks.LedgerError: ledger.csv，第 2 行"), shown


def test_the_public_classes_still_pickle_and_repr() -> None:
    finding = Finding("facility-floor-area", "fail", "面积不足", "too small", subject="榆树村", rule=300, observed=280)
    report = CheckReport("facility", "cn", "全国", [finding])
    assert pickle.loads(pickle.dumps(finding)) == finding  # noqa: S301 - our own object
    assert pickle.loads(pickle.dumps(report)) == report  # noqa: S301
    assert repr(finding).startswith("Finding(code='facility-floor-area'")
    measured = InvalidMeasurementError("面积", "area")
    assert str(pickle.loads(pickle.dumps(measured))) == str(measured)  # noqa: S301


ID = "cn.document.tingzi-2022-28-measures"


@pytest.mark.parametrize(
    ("old", "new", "shown"),
    [
        (  # inside a quote: the context is the quote's own, from its 「
            f"{ID} 一(三)「除紧急突发情况外，不得要求村级组织填报各类表格」",
            f"{ID} 一(三)「除紧急情况外，不得要求村级组织填报各类表格」",
            "……「除紧急〔删：突发〕情况外，不得要求村级组织……",
        ),
        (  # a section changed: its context never starts inside the document's id
            f"{ID} 一(三)「除紧急突发情况外，不得要求村级组织填报各类表格」",
            f"{ID} 一(四)「除紧急突发情况外，不得要求村级组织填报各类表格」",
            "……一(〔删：三〕〔增：四〕)「除紧急突发情况外，不……",
        ),
        (  # the context after a change ends at the quote's end, not inside the next citation's id
            f"{ID} 一(三)「不得摊派」；{ID} 二(一)「应当公开」",
            f"{ID} 一(三)「严禁摊派」；{ID} 二(一)「应当公开」",
            "……「〔删：不得〕〔增：严禁〕摊派」……",
        ),
    ],
    ids=["in a quote", "in a section", "before the next citation"],
)
def test_an_inline_diff_of_a_citation_is_cut_where_a_reader_can_follow(old: str, new: str, shown: str) -> None:
    assert inline_diff(old, new) == shown


def test_load_layer_reads_a_release_from_git_as_its_docstring_says(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Comparing two releases in Python needs the older one: ``load_layer("HEAD~1:…")`` reads it, as ``diff`` does.

    Its docstring named a folder, a ``datapackage.json`` and a zip alone, so a developer checked out a second
    tree to find what the function already reads.
    """
    import shutil  # noqa: PLC0415
    import subprocess  # noqa: PLC0415

    from conftest import REPO  # noqa: PLC0415

    shutil.copytree(REPO / "data" / "national", tmp_path / "national")
    monkeypatch.chdir(tmp_path)
    git = shutil.which("git")
    if git is None:
        pytest.skip("git is not installed")
    for command in (["init", "-q"], ["add", "."], ["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "x"]):
        subprocess.run([git, *command], check=True, cwd=tmp_path)
    released = villagecat.load_layer("HEAD:national")
    assert released.layer.version == villagecat.load_layer("national").layer.version
    assert "``HEAD~1:data/national``" in (villagecat.load_layer.__doc__ or "")
