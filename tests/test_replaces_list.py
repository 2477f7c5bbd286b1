"""``replaces`` holds every earlier id of an item: a county two renumberings back still finds it.

A province renumbered a facility in 0.8 (X -> Y, replaces X) and again in 0.9 (Y -> Z, replaces Y). A county whose
override was written against 0.7 still names X: merge refused it as ``unknown_target`` (the chain X -> Y was lost
when ``replaces`` could hold one id). Now Z lists both (``Y|X`` in its CSV cell) and every reader follows the list.
"""

from __future__ import annotations

import csv
import dataclasses
import json
from typing import TYPE_CHECKING, Any

import pytest

from layers import child_layer
from villagecat.diff import diff_packages
from villagecat.models import FacilityStandard
from villagecat.package import bulk, load_layer, save_layer
from villagecat.registry import shipped_registry
from villagecat.render import explain_to_dict, format_explain
from villagecat.resolution import resolve
from villagecat.validation import validate, validate_many

if TYPE_CHECKING:
    from pathlib import Path

    from villagecat.package import LayerPackage

X = "220000.facility.village"
Y = f"{X}-y"
Z = f"{X}-z"
MECHANISM = "220000.mechanism.convenience-service-station"


def _jilin() -> LayerPackage:
    found = shipped_registry().get("220000")
    assert found is not None
    return found


def _facility(package: LayerPackage, item_id: str) -> FacilityStandard:
    found = next(f for f in package.facilities if f.id == item_id)
    assert isinstance(found, FacilityStandard)
    return found


def _renumber(package: LayerPackage, old: str, new: str, replaces: tuple[str, ...]) -> LayerPackage:
    """``package`` with its facility ``old`` under the id ``new``, listing ``replaces`` as its earlier ids."""
    item = _facility(package, old).model_copy(update={"id": new, "replaces": replaces})
    facilities = tuple(item if f.id == old else f for f in package.facilities)
    return dataclasses.replace(package, facilities=facilities)


def _releases() -> tuple[LayerPackage, LayerPackage, LayerPackage]:
    """Jilin as shipped (0.7 in the story), renumbered once (0.8) and twice (0.9), each listing every earlier id."""
    first = _jilin()
    second = _renumber(first, X, Y, (X,))
    third = _renumber(second, Y, Z, (Y, X))
    return first, second, third


def _county() -> LayerPackage:
    """A county whose override names the facility by the id of 0.7."""
    return child_layer("220000", overrides=[{"target": X, "field": "min_floor_area_m2", "value": "300"}])


def test_a_county_two_renumberings_back_still_applies_its_override(tmp_path: Path) -> None:
    _, _, third = _releases()
    province = save_layer(third, tmp_path / "jilin")
    county = save_layer(_county(), tmp_path / "county")
    catalog = resolve("220102", layers=[province, county])
    assert catalog.conflicts == ()
    item = catalog.get(Z)
    assert item is not None
    assert getattr(item.item, "min_floor_area_m2", None) == 300
    (step,) = item.changes["min_floor_area_m2"]
    assert step.renamed_from == X
    report = validate(county, parents=[province])
    assert report.problems == []


def test_a_diff_across_both_renumberings_shows_one_rename() -> None:
    """0.7 against 0.9 (a county's reviewer skipping 0.8): X renamed to Z, not X removed and Z added."""
    first, second, third = _releases()
    codes = [(c.code, c.old, c.new) for c in diff_packages(first, third).changes if c.resource == "facilities"]
    assert ("facility-renamed", X, Z) in codes
    assert not [c for c in codes if c[0] in {"facility-removed", "facility-added"}]
    later = [(c.code, c.old, c.new) for c in diff_packages(second, third).changes if c.resource == "facilities"]
    assert ("facility-renamed", Y, Z) in later
    assert not [c for c in later if c[0] in {"facility-removed", "facility-added"}]


def test_the_old_sides_own_replaces_is_no_rename() -> None:
    """0.8's Y lists X; 0.9 keeps Y unchanged: nothing is renamed (Y's list says what Y was, not what Y became)."""
    _, second, _ = _releases()
    other = dataclasses.replace(second, facilities=second.facilities)
    assert [c.code for c in diff_packages(second, other).changes] == []


@pytest.mark.parametrize("asked", [X, Y])
def test_explain_finds_the_item_by_either_earlier_id(asked: str) -> None:
    _, _, third = _releases()
    national = shipped_registry().find("cn")
    from villagecat.merging import merge  # noqa: PLC0415

    catalog = merge([national, third, _county()])
    heading = format_explain(catalog, asked, "min_floor_area_m2").splitlines()[0]
    assert heading.endswith(Z)
    assert explain_to_dict(catalog, asked)["item"] == Z


def _cell(path: Path, item_id: str) -> str:
    with (path / "facilities.csv").open(encoding="utf-8", newline="") as file:
        row = next(r for r in csv.DictReader(file) if r["id"] == item_id)
    return row["replaces"]


def test_a_csv_cell_lists_every_earlier_id_and_reads_back(tmp_path: Path) -> None:
    _, _, third = _releases()
    path = save_layer(third, tmp_path / "jilin")
    assert _cell(path, Z) == f"{Y}|{X}"
    assert _facility(load_layer(path), Z).replaces == (Y, X)


def test_a_cell_of_one_id_written_before_reads_as_a_list_of_one(tmp_path: Path) -> None:
    """A format-2 package written before ``replaces`` took a list holds one id in the cell: the same id, read alike."""
    _, second, _ = _releases()
    path = save_layer(second, tmp_path / "jilin")
    assert _cell(path, Y) == X
    assert _facility(load_layer(path), Y).replaces == (X,)
    assert validate(path).valid


def test_a_json_row_of_one_id_written_before_reads_as_a_list_of_one(tmp_path: Path) -> None:
    """The JSON form held the id as a string, not a list: it reads as a list of one, as the CSV cell does."""
    _, second, _ = _releases()
    path = save_layer(second, tmp_path / "jilin", fmt="json")
    rows = json.loads((path / "facilities.json").read_text(encoding="utf-8"))
    at = rows[0].index("replaces")
    for values in rows[1:]:
        if values[at] == [X]:
            values[at] = X
    assert any(values[at] == X for values in rows[1:])
    (path / "facilities.json").write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    assert _facility(load_layer(path), Y).replaces == (X,)
    assert FacilityStandard.model_validate({**_facility(second, Y).model_dump(), "replaces": X}).replaces == (X,)


def _problems(path: Path, code: str) -> list[Any]:
    full = [p for p in validate(path).problems if p.code == code]
    with bulk():
        (fast,) = validate_many([path])  # the fast path never calls valid what the full reader refuses
    assert code in [p.code for p in fast.problems]
    return full


@pytest.mark.parametrize(
    ("listed", "code", "named"),
    [
        ((Y, MECHANISM), "replaces-other-kind", MECHANISM),
        ((Y, "cn.facility.village"), "replaces-other-layer", "cn.facility.village"),
        ((Y, "220000.facility.village-activity-share"), "replaces-present", "220000.facility.village-activity-share"),
    ],
)
def test_each_earlier_id_is_checked_and_named(tmp_path: Path, listed: tuple[str, ...], code: str, named: str) -> None:
    """The second id of the list is the wrong one: the problem names it, the row and the field."""
    _, second, _ = _releases()
    package = _renumber(second, Y, Z, listed)
    path = save_layer(package, tmp_path / code)
    (problem,) = _problems(path, code)
    assert problem.field == "replaces"
    assert problem.file == "facilities.csv"
    line = 2 + [f.id for f in package.facilities].index(Z)
    assert problem.line == line
    assert named in problem.message_zh
    assert Y not in problem.message_zh.replace(Z, "")


def test_an_earlier_id_listed_by_two_items_is_refused(tmp_path: Path) -> None:
    first, _, third = _releases()
    other = next(f for f in first.facilities if f.id != X)
    twin = other.model_copy(update={"replaces": (f"{other.id}-old", X)})
    package = dataclasses.replace(third, facilities=tuple(twin if f.id == other.id else f for f in third.facilities))
    path = save_layer(package, tmp_path / "twice")
    (problem,) = _problems(path, "replaces-twice")
    assert problem.field == "replaces"
    assert X in problem.message_zh
    ids = [f.id for f in package.facilities]
    assert problem.line == 2 + max(ids.index(Z), ids.index(other.id))  # the second row listing X


def test_release_carries_the_earlier_ids_of_the_item_renumbered_and_says_so(tmp_path: Path) -> None:
    """The clerk renumbers Y (which lists X) to Z and writes only Y: release lists X too, and says so in Chinese.

    Without it 0.9 would name X nowhere, and a county's row on X would be ``unknown_target`` again.
    """
    from conftest import invoke  # noqa: PLC0415

    _, second, _ = _releases()
    previous = save_layer(second, tmp_path / "previous")
    current = save_layer(_renumber(second, Y, Z, (Y,)), tmp_path / "current")
    result = invoke("release", str(current), "--against", str(previous), "--date", "2026-12-08")
    assert result.code == 0, result.err
    assert _facility(load_layer(current), Z).replaces == (Y, X)
    assert _cell(current, Z) == f"{Y}|{X}"
    (line,) = [line for line in result.out.splitlines() if line.startswith("已把")]  # Chinese first, no English
    assert line == f"已把 {Y} 原有的替代条目 {X} 一并写入 {Z} 的“替代条目”：下级层按 {X} 填写的行仍归 {Z}"


def test_a_workbook_round_trips_every_earlier_id(tmp_path: Path) -> None:
    """The clerk's sheet shows the list in one cell, joined by |, and import reads it back as the list."""
    from villagecat.workbook import export_workbook, import_workbook  # noqa: PLC0415

    _, _, third = _releases()
    book = export_workbook(third, tmp_path / "jilin.xlsx")
    assert _facility(import_workbook(book), Z).replaces == (Y, X)
