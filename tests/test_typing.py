"""What a type checker sees of the models is what pydantic enforces: the required fields, the known ones, frozen.

A system that imports villagecat checks its code with mypy strict, with or without pydantic's
plugin. Every field is declared through villagecat's ``field()``, which mypy took for a default,
so ``Duty(id=…, name=…)`` without ``duty_kind`` type-checked and failed only when it ran (and with
the plugin, an unknown keyword type-checked too). These tests run mypy on snippets, both ways.
"""

from __future__ import annotations

import re
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest
from pydantic import BaseModel

from conftest import REPO
from villagecat import models

if TYPE_CHECKING:
    from pathlib import Path

pytest.importorskip("mypy", reason="mypy is a development dependency (pip install -e '.[dev]')")

#: The mypy configurations a system may have: strict alone, and strict with pydantic's plugin.
#: jsonschema ships no types (types-jsonschema has them): ignored, as villagecat's own configuration does.
UNTYPED = "[mypy-jsonschema.*]\nignore_missing_imports = True\n"
CONFIGS = {
    "strict": "[mypy]\nstrict = True\n" + UNTYPED,
    "pydantic-plugin": "[mypy]\nstrict = True\nplugins = pydantic.mypy\n" + UNTYPED,
}
#: Every model the public ``villagecat.models`` exports.
MODELS = sorted(
    name
    for name in models.__all__
    if isinstance(getattr(models, name), type) and issubclass(getattr(models, name), BaseModel)
)


def _mypy(tmp_path: Path, config: str, code: str) -> dict[int, list[str]]:
    """mypy's errors on ``code``, by line."""
    (tmp_path / "mypy.ini").write_text(CONFIGS[config], encoding="utf-8")
    (tmp_path / "snippet.py").write_text(code, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--config-file", "mypy.ini", "--no-incremental", "snippet.py"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    errors: dict[int, list[str]] = {}
    for line in result.stdout.splitlines():
        found = re.match(r"snippet\.py:(\d+): error: (.*)", line)
        if found:
            errors.setdefault(int(found[1]), []).append(found[2])
    assert result.returncode in (0, 1), result.stdout + result.stderr
    return errors


@pytest.mark.parametrize("config", CONFIGS)
def test_mypy_requires_what_pydantic_requires_of_every_model(tmp_path: Path, config: str) -> None:
    """Law: calling a model with no arguments, mypy names as missing exactly the fields ``is_required()``."""
    code = f"from villagecat.models import {', '.join(MODELS)}\n" + "".join(f"{name}()\n" for name in MODELS)
    errors = _mypy(tmp_path, config, code)
    for line, name in enumerate(MODELS, start=2):
        required = {n for n, f in getattr(models, name).model_fields.items() if f.is_required()}
        said = errors.get(line, [])
        missing = [re.match(rf'Missing named arguments? (.*) for "{name}"', message) for message in said]
        assert all(missing), f"{name}: mypy said {said!r}"
        named = {argument for found in missing if found for argument in re.findall(r'"(\w+)"', found[1])}
        assert named == required, f"{name}: mypy said {said!r}"


@pytest.mark.parametrize("config", CONFIGS)
def test_mypy_refuses_a_missing_required_field_an_unknown_one_and_an_assignment(tmp_path: Path, config: str) -> None:
    code = """\
from villagecat.models import Authority, Document, Duty, DutyKind, FacilityStandard, Scope

duty = Duty(id="330000.duty.x", name="村务", duty_kind=DutyKind.PERFORMS, departments=("民政",))
Duty(id="330000.duty.x", name="村务")
FacilityStandard(id="330000.facility.x", name="设施")
Document(id="330000.document.x", title="文件")
Document(id="330000.document.x", title="文件", authority=Authority.NORMATIVE_DOCUMENT)
Duty(id="330000.duty.x", name="村务", duty_kind=DutyKind.PERFORMS, nmae="x")
duty.name = "改名"
FacilityStandard(id="330000.facility.x", name="设施", applies_to=Scope.VILLAGE, min_floor_area_m2=300)
Duty.model_validate({"id": "330000.duty.x", "name": "村务", "duty_kind": "performs", "departments": ["民政"]})
duty.model_copy(update={"name": "宣传政策"}).name.upper()
"""
    errors = _mypy(tmp_path, config, code)
    assert {line: " ".join(said) for line, said in errors.items()} == {
        4: 'Missing named argument "duty_kind" for "Duty"  [call-arg]',
        5: 'Missing named argument "applies_to" for "FacilityStandard"  [call-arg]',
        6: 'Missing named argument "authority" for "Document"  [call-arg]',
        8: 'Unexpected keyword argument "nmae" for "Duty"  [call-arg]',
        9: 'Property "name" defined in "Duty" is read-only  [misc]',
    }


@pytest.mark.parametrize("config", CONFIGS)
@pytest.mark.parametrize("page", ["README.md", "docs/guides/integrate.md"])
def test_the_python_examples_type_check(tmp_path: Path, config: str, page: str) -> None:
    """A system checks its code with mypy strict: the examples it copies from these pages pass (one module per page)."""
    blocks = re.findall(r"```python\n(.*?)```", (REPO / page).read_text(encoding="utf-8"), flags=re.DOTALL)
    assert blocks
    errors = _mypy(tmp_path, config, "\n".join(blocks))
    assert not errors, errors


@pytest.mark.parametrize("config", CONFIGS)
def test_mypy_takes_a_package_of_lists_and_types_an_item_got_by_its_kind(tmp_path: Path, config: str) -> None:
    """A package takes any iterable of its models, as it keeps them; ``get(id, Kind)`` gives the kind's item."""
    code = """\
import villagecat
from villagecat.models import Duty, Sign
from villagecat.registry import shipped_registry

national = shipped_registry().find("cn")
package = villagecat.LayerPackage(layer=national.layer, duties=list(national.duties), signs=(s for s in national.signs))
villagecat.LayerPackage(layer=national.layer, duties=national.signs)
catalog = villagecat.merge([package])
found = catalog.get("cn.sign.party-service-centre", Sign)
assert found is not None
found.item.orientation
found.item.min_floor_area_m2
any_kind = catalog.get("cn.sign.party-service-centre")
assert any_kind is not None
any_kind.item.orientation
package.duties + (national.duties[0],)
"""
    errors = _mypy(tmp_path, config, code)
    assert {line: " ".join(said) for line, said in errors.items()} == {
        7: 'Argument "duties" to "LayerPackage" has incompatible type "tuple[Sign, ...]"; '
        'expected "Iterable[Duty]"  [arg-type]',
        12: '"Sign" has no attribute "min_floor_area_m2"  [attr-defined]',
        15: '"BaseModel" has no attribute "orientation"  [attr-defined]',
    }


@pytest.mark.parametrize("config", CONFIGS)
def test_a_provenance_steps_and_a_conflicts_values_are_no_any(tmp_path: Path, config: str) -> None:
    """A field's value in a step, a conflict or a diff's change may be of any field's type: mypy asks to narrow it.

    Typed ``Any``, ``step.value + 1``, ``conflict.inherited.upper()`` or ``change.old.upper()`` type-checked and
    failed when it ran (a value left empty is None, an orientation an enum member, a removed item the item itself):
    ``Any`` switched mypy strict off there.
    """
    code = """\
import villagecat
from villagecat.diff import diff_packages
catalog = villagecat.resolve("宁河区")
found = catalog.get("cn.facility.community-service-facility")
assert found is not None
step = found.provenance["min_floor_area_m2"][0]
step.value + 1
conflict = catalog.conflicts[0] if catalog.conflicts else None
assert conflict is not None
conflict.inherited.upper()
conflict.attempted.upper()
if isinstance(step.value, float):
    step.value + 1
national = villagecat.load_layer("data/national")
change = diff_packages(national, national).changes[0]
change.old.upper()
change.new + 1
if isinstance(change.new, float):
    change.new + 1
"""
    errors = _mypy(tmp_path, config, code)
    assert sorted(errors) == [7, 10, 11, 16, 17], errors


@pytest.mark.parametrize("config", CONFIGS)
def test_a_findings_values_an_explanation_a_report_format_and_a_ledgers_path_are_typed(
    tmp_path: Path, config: str
) -> None:
    """What a check found, what ``explain`` says and what a report is written as: mypy checks their use.

    ``Finding.rule`` and ``.observed`` were ``Any`` (``finding.rule + 1`` type-checked, and failed on a
    rule that is a list of names), ``explain_to_dict`` a ``dict[str, Any]``, ``format_report``'s
    ``fmt`` any ``str`` (``"jsno"`` type-checked), and the ledger readers took no ``os.PathLike``.
    """
    code = """\
import os
from pathlib import PurePath

import villagecat
from villagecat.checks import Finding, read_facility_file, read_ledger, read_signs
from villagecat.diff import diff_packages, format_report
from villagecat.render import explain_to_dict

finding = Finding("facility-floor-area", "fail", "面积不足", "too small", rule=300, observed=280)
finding.rule + 1
finding.observed + 1
catalog = villagecat.resolve("宁河区")
explained = explain_to_dict(catalog, "村党群服务中心标识", "版式")
explained["fields"]["orientation"]["value"] + 1
explained["fields"]["orientation"]["chain"][0]["layer"].upper()
explained["jurisdiction"].upper()
explained["jurisdcition"]
national = villagecat.load_layer(os.fspath("national"))
format_report(diff_packages(national, national), "jsno")
format_report(diff_packages(national, national), "json").upper()


class Where(os.PathLike[str]):
    def __fspath__(self) -> str:
        return "ledger.csv"


read_ledger(Where())
read_signs(Where())
read_facility_file(Where())
read_ledger(PurePath("ledger.csv"))
"""
    errors = _mypy(tmp_path, config, code)
    assert sorted(errors) == [10, 11, 14, 17, 19], errors


@pytest.mark.parametrize("config", CONFIGS)
def test_a_check_report_s_dict_is_typed(tmp_path: Path, config: str) -> None:
    """``CheckReport.to_dict()`` was ``dict[str, Any]``: every value read from it was Any, so nothing was checked."""
    code = """\
from villagecat.checks import CheckReport

data = CheckReport("facility", "cn", "全国").to_dict()
finding = data["findings"][0]
scope: int = finding["scope"]
failed: str = data["failed"]
fails: str = data["summary"]["甲村"]["fail"]
data["unknown"]
"""
    errors = _mypy(tmp_path, config, code)
    assert "Incompatible types in assignment" in errors.get(5, [""])[0], errors
    assert "'village', 'community'" in errors[5][0], errors
    assert "Incompatible types in assignment" in errors.get(6, [""])[0], errors
    assert "Incompatible types in assignment" in errors.get(7, [""])[0], errors
    assert any("unknown" in message for message in errors.get(8, [])), errors
