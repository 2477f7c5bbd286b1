"""A renamed item (``replaces``) is the item it replaces for the layers below: their operations follow it.

A province that renumbered an item broke every county below: their overrides, cancellations and restating
rows on the old id were ``unknown_target`` conflicts, and the county no longer validated.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

from layers import child_layer
from villagecat.merging import merge
from villagecat.package import save_layer
from villagecat.registry import shipped_registry
from villagecat.validation import validate, validate_layer

if TYPE_CHECKING:
    from pathlib import Path

    from pydantic import BaseModel

    from villagecat.package import LayerPackage

FACILITY = "220000.facility.village"
MECHANISM = "220000.mechanism.convenience-service-station"
MILESTONE = "220000.milestone.survey"


def _jilin() -> LayerPackage:
    found = shipped_registry().get("220000")
    assert found is not None
    return found


def _renumbered(package: LayerPackage, resource: str, renames: dict[str, list[str]]) -> LayerPackage:
    """``package`` with items of ``resource`` renumbered: each old id's item under new ids, each replacing the last.

    ``{"a": ["b", "c"]}`` puts the item under ``b`` (replaces ``a``) and a copy under ``c`` (replaces ``b``).
    """
    items: list[BaseModel] = []
    for item in package.resource(resource):
        old = str(getattr(item, "id", ""))
        if old not in renames:
            items.append(item)
            continue
        before = old
        for n, new in enumerate(renames[old]):
            name = str(getattr(item, "name", "")) + (f"（{n}）" if n else "")  # two items of one layer: two names
            items.append(item.model_copy(update={"id": new, "replaces": before, "name": name}))
            before = new
    changed: dict[str, Any] = {resource: tuple(items)}
    return dataclasses.replace(package, **changed)


def _county(**items: Any) -> LayerPackage:
    return child_layer(
        "220000",
        overrides=[{"target": FACILITY, "field": "min_floor_area_m2", "value": "300"}],
        cancellations=[{"target": MECHANISM}],
        **items,
    )


def _restating(jilin: LayerPackage) -> tuple[BaseModel, ...]:
    survey = next(m for m in jilin.milestones if m.id == MILESTONE)
    return (survey.model_copy(update={"id": "220102.milestone.survey", "restates": MILESTONE, "due": "2023-05"}),)


def test_a_county_operates_on_its_provinces_renamed_items_as_before() -> None:
    """Jilin renumbers three items; a county's override, cancellation and restating row on the old ids still apply."""
    original = _jilin()
    jilin = _renumbered(original, "facilities", {FACILITY: [f"{FACILITY}-new"]})
    jilin = _renumbered(jilin, "mechanisms", {MECHANISM: [f"{MECHANISM}-new"]})
    jilin = _renumbered(jilin, "milestones", {MILESTONE: [f"{MILESTONE}-new"]})
    county = _county(milestones=_restating(original))
    national = shipped_registry().get("cn")
    assert national is not None
    catalog = merge([national, jilin, county])
    assert catalog.conflicts == ()
    facility = catalog.get(f"{FACILITY}-new")
    assert facility is not None
    assert getattr(facility.item, "min_floor_area_m2", None) == 300
    (step,) = facility.changes["min_floor_area_m2"]
    assert (step.layer, step.operation) == ("220102", "220102.override.o0")
    assert catalog.get(FACILITY) is None  # the old id names no item of its own
    assert [(c.item.id, c.layer) for c in catalog.cancelled] == [(f"{MECHANISM}-new", "220102")]  # type: ignore[attr-defined]
    survey = catalog.get(f"{MILESTONE}-new")
    assert survey is not None
    assert [s.operation for s in survey.changes["due"]] == ["220102.milestone.survey"]
    assert validate_layer(county, parents=[jilin]).valid


def test_validate_passes_a_county_on_disk_under_its_renumbered_province(tmp_path: Path) -> None:
    """``villagecat validate COUNTY --layer PROVINCE``: the county's rows on the old ids are no problem."""
    jilin = _renumbered(_jilin(), "facilities", {FACILITY: [f"{FACILITY}-new"]})
    province = save_layer(jilin, tmp_path / "jilin")
    county = save_layer(_county(), tmp_path / "county")
    report = validate(county, parents=[province])
    assert report.problems == []
    assert report.valid


def test_a_chain_of_renames_is_followed_to_the_item_that_stands() -> None:
    """A replaced by B replaced by C: an operation on A applies to the item B names, still present, not to C."""
    jilin = _renumbered(_jilin(), "facilities", {FACILITY: [f"{FACILITY}-b", f"{FACILITY}-c"]})
    national = shipped_registry().get("cn")
    assert national is not None
    catalog = merge([national, jilin, _county()])
    assert catalog.conflicts == ()
    b, c = catalog.get(f"{FACILITY}-b"), catalog.get(f"{FACILITY}-c")
    assert b is not None
    assert c is not None
    assert getattr(b.item, "min_floor_area_m2", None) == 300
    assert "min_floor_area_m2" not in c.changes


def test_a_replaced_id_still_present_is_that_item() -> None:
    """An id some item replaces but that the layer still has names that item: nothing is renamed."""
    jilin = _jilin()
    facility = next(f for f in jilin.facilities if f.id == FACILITY)
    twin = facility.model_copy(
        update={"id": f"{FACILITY}-twin", "replaces": FACILITY, "name": "另一设施", "aliases": ()}
    )
    jilin = dataclasses.replace(jilin, facilities=(*jilin.facilities, twin))
    national = shipped_registry().get("cn")
    assert national is not None
    catalog = merge([national, jilin, _county()])
    assert catalog.conflicts == ()
    kept, other = catalog.get(FACILITY), catalog.get(f"{FACILITY}-twin")
    assert kept is not None
    assert other is not None
    assert getattr(kept.item, "min_floor_area_m2", None) == 300
    assert "min_floor_area_m2" not in other.changes


def test_an_operation_on_the_layers_own_renamed_item_is_still_its_own() -> None:
    """A county that renames its own item and overrides the old id: its own item, not an inherited one."""
    national = shipped_registry().get("cn")
    jilin = _jilin()
    assert national is not None
    facility = next(f for f in jilin.facilities if f.id == FACILITY)
    own = facility.model_copy(update={"id": "220102.facility.hall", "name": "本县设施", "aliases": ()})
    county = child_layer(
        "220000",
        overrides=[{"target": "220102.facility.old-hall", "field": "min_floor_area_m2", "value": "300"}],
        facilities=(own.model_copy(update={"replaces": "220102.facility.old-hall"}),),
    )
    assert [c.rule for c in merge([national, jilin, county]).conflicts] == ["own_item"]


def test_a_rename_to_an_item_of_another_kind_is_not_followed() -> None:
    """As a diff reads it, an id replaced by an item of another kind is gone: an override of it finds nothing."""
    jilin = _jilin()
    mechanism = next(m for m in jilin.mechanisms if m.id == MECHANISM)
    moved = mechanism.model_copy(update={"replaces": FACILITY})
    jilin = dataclasses.replace(
        jilin,
        facilities=tuple(f for f in jilin.facilities if f.id != FACILITY),
        mechanisms=tuple(moved if m.id == MECHANISM else m for m in jilin.mechanisms),
    )
    national = shipped_registry().get("cn")
    assert national is not None
    catalog = merge(
        [national, jilin, child_layer("220000", overrides=[{"target": FACILITY, "field": "name", "value": "x"}])]
    )
    assert [(c.rule, c.item) for c in catalog.conflicts] == [("unknown_target", FACILITY)]


def test_a_conflict_through_a_rename_names_the_id_in_the_row(tmp_path: Path) -> None:
    """The row says 220000.facility.village; the conflict named only the new id, which the clerk's sheet never shows."""
    jilin = _renumbered(_jilin(), "facilities", {FACILITY: [f"{FACILITY}-new"]})
    county = child_layer("220000", overrides=[{"target": FACILITY, "field": "min_floor_area_m2", "value": "150"}])
    province = save_layer(jilin, tmp_path / "jilin")
    (problem,) = validate(save_layer(county, tmp_path / "county"), parents=[province]).problems
    assert (problem.file, problem.line) == ("overrides.csv", 2)
    assert problem.message_zh.startswith(
        f"层 220102（0.1.0）的条目 {FACILITY}-new（村级综合服务设施面积，本行所填旧标识 {FACILITY}）"
        "的“最小建筑面积（平方米）”不符合合并规则"
    )
    assert f"(村级综合服务设施面积, named in the row by its former id {FACILITY})" in problem.message_en


def test_an_id_replaced_by_two_items_is_refused_by_validate_fast_or_full(tmp_path: Path) -> None:
    """Two items replacing one old id: which one the old id's operations follow is unknown, so the layer is invalid.

    merge follows neither and diff took the last: a layer validate called valid meant one thing to each.
    """
    from villagecat.package import bulk  # noqa: PLC0415
    from villagecat.validation import validate_many  # noqa: PLC0415

    original = _jilin()
    twice = [
        item.model_copy(update={"id": f"{FACILITY}-{n}", "replaces": FACILITY, "name": f"{item.name}（{n}）"})
        for n in (1, 2)
        for item in original.facilities
        if item.id == FACILITY
    ]
    jilin = dataclasses.replace(
        original, facilities=tuple(i for i in original.facilities if i.id != FACILITY) + tuple(twice)
    )
    path = save_layer(jilin, tmp_path / "jilin")
    report = validate(path)
    (problem,) = [p for p in report.problems if p.code == "replaces-twice"]
    assert problem.field == "replaces"
    assert f"{FACILITY}-1" in problem.message_zh
    assert f"{FACILITY}-2" in problem.message_zh
    assert FACILITY in problem.message_zh
    with bulk():
        (fast,) = validate_many([path])  # the fast path never calls valid what the full reader refuses
    assert "replaces-twice" in [p.code for p in fast.problems]


def test_a_replaces_naming_an_item_still_there_or_another_kind_is_refused(tmp_path: Path) -> None:
    """An id both replaced and present, or replaced by an item of another kind, read two ways: refused, fast or full.

    Jilin renumbered 公共卫生 and later added a new item under the old id: a county's override on it moved to
    the new item without a word. A replaces naming a mechanism from an obligation was valid and did nothing.
    """
    from villagecat.package import bulk  # noqa: PLC0415
    from villagecat.validation import validate_many  # noqa: PLC0415

    original = _jilin()
    facility = next(i for i in original.facilities if i.id == FACILITY)
    present = dataclasses.replace(
        original,
        facilities=(
            *original.facilities,
            facility.model_copy(update={"id": f"{FACILITY}-b", "replaces": FACILITY, "name": "新"}),
        ),
    )
    kind = dataclasses.replace(
        original,
        facilities=tuple(
            i.model_copy(update={"replaces": MECHANISM}) if i.id == FACILITY else i for i in original.facilities
        ),
    )
    for package, code, words in (
        (present, "replaces-present", (f"{FACILITY}-b", FACILITY)),
        (kind, "replaces-other-kind", (FACILITY, MECHANISM)),
    ):
        path = save_layer(package, tmp_path / code)
        report = validate(path)
        (problem,) = [p for p in report.problems if p.code == code]
        assert problem.field == "replaces"
        assert all(word in problem.message_zh for word in words), problem.message_zh
        with bulk():
            (fast,) = validate_many([path])
        assert code in [p.code for p in fast.problems]
