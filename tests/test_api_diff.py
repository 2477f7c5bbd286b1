"""What ``villagecat diff OLD NEW`` reports is one call in Python too, for a layer built in code.

``diff_packages`` compares a layer's own rows: a county's override that raises its province's
binding minimum is one changed row (需关注). The command rates it by what it does to the catalog
(破坏性, 对村收紧), adds the rule violations and checks the layers below. An integrator who took
``diff_packages`` for the command got another level than the command: ``diff_versions`` is
the command's report, and the command is built on it.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import jsonschema
import pytest

from conftest import REPO, invoke
from layers import province
from villagecat.diff import diff_packages, diff_versions, format_report
from villagecat.errors import ArgumentTypeError
from villagecat.models import (
    Authority,
    Citation,
    Document,
    FacilityStandard,
    Layer,
    Level,
    Modality,
    Override,
    ParentRef,
    Release,
    Scope,
)
from villagecat.package import LayerPackage, save_layer
from villagecat.registry import shipped_registry

if TYPE_CHECKING:
    from pathlib import Path

CITE = Citation(document="cn.document.tingzi-2022-28", section="二(二)5")


def _province() -> LayerPackage:
    facility = FacilityStandard(
        id="430000.facility.village",
        name="村级综合服务设施面积",
        applies_to=Scope.VILLAGE,
        modality=Modality.MUST,
        min_floor_area_m2=350.0,
        citations=(CITE,),
    )
    return LayerPackage(layer=province(), facilities=(facility,))


def _county(version: str, area: float) -> LayerPackage:
    releases = [Release(version="1.0.0", notes="首次发布")]
    if version != "1.0.0":
        releases.append(Release(version=version, notes="提高面积下限"))
    layer = Layer(
        id="430102",
        level=Level.COUNTY,
        division_code="430102",
        name_zh="芙蓉区",
        name_en="Furong",
        slug="furong",
        version=version,
        parent=ParentRef(id="430000", version_range=">=0.1.0,<1.0.0"),
        releases=tuple(releases),
        covers=(Scope.VILLAGE,),
    )
    document = Document(id="430102.document.plan", title="工作方案", authority=Authority.NORMATIVE_DOCUMENT)
    override = Override(
        id="430102.override.floor",
        name="村级综合服务设施面积：下限",
        target="430000.facility.village",
        field="min_floor_area_m2",
        value=area,
        citations=(Citation(document=document.id, section="二"),),
    )
    return LayerPackage(layer=layer, documents=(document,), overrides=(override,))


def test_diff_versions_reports_what_the_command_reports(tmp_path: Path) -> None:
    hunan, old, new = _province(), _county("1.0.0", 400.0), _county("1.1.0", 450.0)
    report = diff_versions(old, new, registry=shipped_registry([hunan]))
    assert [(c.code, c.level) for c in report.changes] == [("override-changed", "breaking")]
    assert report.child_conflicts == []
    assert report.children_unchecked == []

    paths = [save_layer(package, tmp_path / name) for package, name in ((hunan, "p"), (old, "old"), (new, "new"))]
    command = invoke("diff", str(paths[1]), str(paths[2]), "--layer", str(paths[0]), "--format", "json")
    assert command.code == 0, command.err
    assert json.loads(format_report(report, "json")) == json.loads(command.out)
    # the rows alone, as diff_packages compares them, rate the override by itself
    assert [c.level for c in diff_packages(old, new).changes] == ["warning"]


def test_diff_versions_takes_the_shipped_layers_by_default() -> None:
    hunan = _province()
    with_parent = diff_versions(hunan, hunan)
    assert with_parent.changes == []


def test_diff_versions_refuses_what_is_not_a_package() -> None:
    with pytest.raises(ArgumentTypeError):
        diff_versions("old", "new")  # type: ignore[arg-type]
    with pytest.raises(ArgumentTypeError):
        diff_versions(_province(), _province(), registry=[_province()])  # type: ignore[arg-type]


def test_an_override_the_diff_cannot_rate_is_said_and_fails_the_gate(tmp_path: Path) -> None:
    """Without the unshipped province, the county's raised binding minimum read 需关注, 对村：收紧 0 项, and
    passed ``--fail-on breaking``: nothing said the override could not be rated."""
    hunan, old, new = _province(), _county("1.0.0", 400.0), _county("1.1.0", 450.0)
    paths = [save_layer(package, tmp_path / name) for package, name in ((hunan, "p"), (old, "old"), (new, "new"))]
    blind = invoke("diff", str(paths[1]), str(paths[2]), "--fail-on", "breaking")
    assert blind.code == 1, blind.out
    assert "1 项覆盖、取消或重申的影响未核对" in blind.out
    assert "请用 --layer 给出上级层的数据包" in blind.out
    said = json.loads(invoke("diff", str(paths[1]), str(paths[2]), "--format", "json").out)
    assert said["unrated_operations"]["items"] == ["430102.override.floor"]
    schema = json.loads((REPO / "schemas" / "diff-report.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(said)
    seen = invoke("diff", str(paths[1]), str(paths[2]), "--layer", str(paths[0]), "--format", "json")
    assert json.loads(seen.out)["unrated_operations"] is None
    report = diff_versions(old, new)  # the shipped layers alone: the province is not among them
    assert report.unrated is not None
    assert report.fails("breaking")
    assert "未核对" in (report.why_fails("breaking") or "")
