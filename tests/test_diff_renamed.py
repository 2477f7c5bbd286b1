"""A layer's diff rates an operation on an item its parent renumbered (``replaces``) as on any other.

Merge follows the old id a row holds to the item that replaces it; the diff looked the row's target up by that
old id, found nothing in the effective catalogs, and so left a cancellation unnamed and rated as a loosening,
kept a cancellation merge refused as a change, and rated an override by its row alone (一般 where it tightens).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest

from layers import child_layer
from test_merge_renamed import _jilin, _renumbered
from villagecat.diff import diff_packages, rate_operations, rule_violations
from villagecat.format.rules import Effect
from villagecat.registry import shipped_registry

if TYPE_CHECKING:
    from villagecat.diff import Change

MECHANISM = "220000.mechanism.convenience-service-station"
RULE = "220000.obligation.no-veto-items"  # a rule on departments: merge refuses its cancellation
FACILITY = "220000.facility.village"
OPERATIONS: list[dict[str, Any]] = [
    {"cancellations": [{"target": MECHANISM}]},
    {"cancellations": [{"target": RULE}]},
    {"overrides": [{"target": FACILITY, "field": "min_floor_area_m2", "value": "900"}]},
]


def _rated(operations: dict[str, Any], *, renumbered: bool, added: bool) -> list[tuple[object, ...]]:
    """The county's diff (the operation added, or withdrawn): each change as a reviewer reads it."""
    jilin = _jilin()
    if renumbered:
        for resource, item in (("mechanisms", MECHANISM), ("obligations", RULE), ("facilities", FACILITY)):
            jilin = _renumbered(jilin, resource, {item: [f"{item}-new"]})
    registry = shipped_registry([jilin])
    without, with_it = child_layer("220000"), child_layer("220000", **operations)
    old, new = (without, with_it) if added else (with_it, without)
    report = rate_operations(diff_packages(old, new), old, new, registry)
    changes: list[Change] = [*rule_violations(old, new, registry), *report.changes]
    return [
        (c.code, c.level, c.effect, c.label, c.scope, c.bound, c.does, c.describe("zh").replace("-new", ""))
        for c in changes
    ]


@pytest.mark.parametrize("added", [True, False], ids=["added", "withdrawn"])
@pytest.mark.parametrize("operations", OPERATIONS, ids=["cancellation", "refused-cancellation", "override"])
def test_an_operation_on_a_renumbered_item_is_rated_as_before(operations: dict[str, Any], *, added: bool) -> None:
    """Jilin renumbers an item; a county's row on its old id is rated, named and counted as before the renumbering."""
    before = _rated(operations, renumbered=False, added=added)
    assert before  # each is a change: the comparison below is no comparison of two empty lists
    assert _rated(operations, renumbered=True, added=added) == before


def test_a_cancellation_moved_to_the_new_id_of_its_target_cancels_nothing_more_and_restores_nothing() -> None:
    """Jilin renumbers a mechanism; a county that writes the new id in its cancellation (the same item, still
    cancelled) was told it cancelled one item (破坏性, 对村放宽) and restored another (对村收紧), a major release."""
    jilin = _renumbered(_jilin(), "mechanisms", {MECHANISM: [f"{MECHANISM}-new"]})
    registry = shipped_registry([jilin])
    old = child_layer("220000", cancellations=[{"target": MECHANISM}])
    new = child_layer("220000", cancellations=[{"target": f"{MECHANISM}-new"}])
    report = rate_operations(diff_packages(old, new), old, new, registry)
    (change,) = report.changes
    assert (change.code, change.field, change.old, change.new) == (
        "cancellation-target-renumbered",
        "target",
        MECHANISM,
        f"{MECHANISM}-new",
    )
    assert change.effect is Effect.NEUTRAL
    assert change.label == "便民服务站（大厅）"
    assert report.suggested_bump != "major"
    assert "放宽" not in change.describe("zh")
    assert "收紧" not in change.describe("zh")


def test_rows_moved_to_the_new_ids_of_their_targets_change_nothing_and_say_so() -> None:
    """Jilin renumbers a mechanism and a facility; a county writes the new ids in its cancellation and override.

    Merge applies each row to the same item before and after, and the catalog shows no change: yet each was
    需关注 (字段变化，影响无法由数据判断) and the release a minor one, though the data tells it changes nothing.
    """
    jilin = _renumbered(_jilin(), "mechanisms", {MECHANISM: [f"{MECHANISM}-new"]})
    jilin = _renumbered(jilin, "facilities", {FACILITY: [f"{FACILITY}-new"]})
    registry = shipped_registry([jilin])
    override = {"field": "min_floor_area_m2", "value": "900"}
    old = child_layer("220000", cancellations=[{"target": MECHANISM}], overrides=[{"target": FACILITY, **override}])
    new = child_layer(
        "220000",
        cancellations=[{"target": f"{MECHANISM}-new"}],
        overrides=[{"target": f"{FACILITY}-new", **override}],
    )
    report = rate_operations(diff_packages(old, new), old, new, registry)
    assert sorted((c.code, c.field) for c in report.changes) == [
        ("cancellation-target-renumbered", "target"),
        ("override-target-renumbered", "target"),
    ]
    assert {(c.level, c.effect) for c in report.changes} == {("info", Effect.NEUTRAL)}
    assert report.suggested_bump == "patch"
    for change in report.changes:  # the report, and a release's notes (no codes), say it is the same item
        for said in (change.describe("zh"), change.describe("zh", codes=False)):
            assert "无法由数据判断" not in said
        assert "仍指同一条目" in change.describe("zh", codes=False)


def test_a_row_moved_to_another_item_is_still_a_change_the_data_cannot_rate() -> None:
    """An override's target moved from one facility to another: not the same item, so not told it changes nothing."""
    registry = shipped_registry([_jilin()])
    override = {"field": "min_floor_area_m2", "value": "900"}
    old = child_layer("220000", overrides=[{"target": FACILITY, **override}])
    new = child_layer("220000", overrides=[{"target": "220000.facility.village-activity-share", **override}])
    report = rate_operations(diff_packages(old, new), old, new, registry)
    assert all(c.level != "info" for c in report.changes if c.field == "target")
