"""``resolve(…, layers=…)`` takes the packages a system built in memory, as well as their paths.

A province's system that builds its layers from the models (``LayerPackage(...)``) passed them
as ``layers=[province, county]`` and was told a package's path must be text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

import villagecat
from layers import child_layer
from villagecat.errors import ArgumentTypeError
from villagecat.models import DutyKind
from villagecat.package import save_layer

if TYPE_CHECKING:
    from pathlib import Path


def test_resolve_takes_packages_held_in_memory(tmp_path: Path) -> None:
    county = child_layer(
        "220000", overrides=[{"target": "220000.facility.village", "field": "min_floor_area_m2", "value": 250}]
    )
    from_memory = villagecat.resolve("220102", layers=[county])
    from_disk = villagecat.resolve("220102", layers=[save_layer(county, tmp_path / "county")])
    alone = villagecat.resolve("220102", layers=county)
    for catalog in (from_memory, from_disk, alone):
        facility = catalog.get("220000.facility.village")
        assert facility is not None
        assert getattr(facility.item, "min_floor_area_m2", None) == 250
    assert from_memory.conflicts == from_disk.conflicts == ()


def test_resolve_still_refuses_what_is_neither_a_path_nor_a_package() -> None:
    with pytest.raises(ArgumentTypeError) as caught:
        villagecat.resolve("220102", layers=[3])  # type: ignore[list-item]
    assert "LayerPackage" in str(caught.value)


def test_a_conflict_says_its_rule_in_chinese_in_python_as_in_json() -> None:
    # A system that showed ``conflict.detail_zh`` beside ``conflict.detail`` showed an empty string
    # for a lowered minimum (detail 'may only rise'), while the JSON's detail_zh said 该字段只能提高.
    county = child_layer(
        "220000", overrides=[{"target": "220000.facility.village", "field": "min_floor_area_m2", "value": 1}]
    )
    (conflict,) = villagecat.resolve("220102", layers=[county]).conflicts
    assert conflict.detail == "may only rise"
    assert conflict.detail_zh == conflict.to_dict()["detail_zh"] == conflict.label_zh
    assert "只能提高" in conflict.detail_zh
    assert "上级值" in conflict.describe("zh")  # the values are still told: the rule's words do not hold them


def test_resolve_adds_the_layers_to_a_registry_given_with_them() -> None:
    # ``resolve("220102", registry=mine, layers=[county])`` ignored the county: its override was not applied.
    county = child_layer(
        "220000", overrides=[{"target": "220000.facility.village", "field": "min_floor_area_m2", "value": 250}]
    )
    mine = villagecat.registry.shipped_registry()
    catalog = villagecat.resolve("220102", registry=mine, layers=[county])
    facility = catalog.get("220000.facility.village", villagecat.FacilityStandard)
    assert facility is not None
    assert facility.item.min_floor_area_m2 == 250
    assert "220102" not in mine  # the registry given is not changed


def test_resolve_checks_a_package_held_in_memory_as_it_checks_one_read_from_its_path(tmp_path: Path) -> None:
    # A county built in code with a duty in its province's namespace, citing a document it never
    # registered, resolved silently; the same package saved and given by its path was refused.
    ghost = villagecat.Citation(document="220102.document.ghost", section="一")
    foreign = villagecat.Duty(
        id="220000.duty.sneaked", name="某项事务", duty_kind=DutyKind.PERFORMS, citations=(ghost,)
    )
    county = child_layer("220000", duties=[foreign])
    path = save_layer(county, tmp_path / "county")
    with pytest.raises(villagecat.ValidationFailedError) as from_disk:
        villagecat.resolve("220102", layers=[path])
    with pytest.raises(villagecat.ValidationFailedError) as from_memory:
        villagecat.resolve("220102", layers=[county])
    codes = {p.code for p in from_memory.value.report.problems}
    assert codes == {p.code for p in from_disk.value.report.problems}  # on disk the clause row is told too
    assert codes == {"id-namespace", "unknown-document"}
    assert "220000.duty.sneaked" in str(from_memory.value)


def test_find_takes_an_id_typed_in_capitals_or_full_width_letters() -> None:
    """`explain` found ``CN.FACILITY.…`` and ``ｃｎ.facility…`` (h17b); ``EffectiveCatalog.find`` (the API, and
    ``certificate render``) compared ids exactly and found nothing. Ids are lower case by the format: one item."""
    catalog = villagecat.resolve("120117")
    wanted = "cn.facility.community-service-facility"
    for typed in (wanted.upper(), "ｃｎ.facility.community-service-facility", f" {wanted} "):
        assert [e.id for e in catalog.find(typed)] == [wanted], typed
    certificate = catalog.certificates()[0]
    assert [e.id for e in catalog.find(certificate.id.upper())] == [certificate.id]
    assert catalog.find("cn.facility.community-service-facilitx") == []
