"""Merging layers: overrides, cancellations, direction rules, provenance."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

import pytest
from pydantic import ValidationError

import villagecat
from layers import child_layer, write_child
from villagecat.merging import merge
from villagecat.models import Colour, Modality, Scope
from villagecat.registry import shipped_registry

if TYPE_CHECKING:
    from pathlib import Path


def chain(key: str) -> list[villagecat.LayerPackage]:
    registry = shipped_registry()
    return registry.chain(registry.find(key))


def test_ninghe_village_signage_is_one_horizontal_four_vertical_two_marks_outside() -> None:
    catalog = villagecat.resolve("120117")
    outside = [s for s in catalog.signs(Scope.VILLAGE) if s.placement.value == "outside"]
    kinds = sorted((s.sign_type.value, s.orientation.value if s.orientation else None) for s in outside)
    assert kinds == [("mark", None)] * 2 + [("plaque", "horizontal")] + [("plaque", "vertical")] * 4
    community = [s for s in catalog.signs(Scope.COMMUNITY) if s.placement.value == "outside"]
    assert sorted(s.organisation or "" for s in community if s.orientation and s.orientation.value == "vertical") == [
        "居务监督委员会",
        "居民委员会",
        "社区党组织",
        "社区工作站",
    ]


def test_ninghe_keeps_every_national_prohibited_duty_and_certificate() -> None:
    catalog = villagecat.resolve("宁河区")
    national = villagecat.resolve("cn")
    for resource in ("certificates", "duties"):
        assert set(national.items[resource]) <= set(catalog.items[resource])
    assert not catalog.conflicts


def test_ninghe_village_facility_minimum_is_300() -> None:
    catalog = villagecat.resolve("ninghe")
    floors = [f.min_floor_area_m2 for f in catalog.facilities(Scope.VILLAGE) if f.min_floor_area_m2]
    assert max(floors) == 300


def test_jilin_plaques_are_at_most_200_by_30_with_party_red_on_white() -> None:
    catalog = villagecat.resolve("220000")
    plaques = {
        s.organisation: s for s in catalog.signs() if s.sign_type.value == "plaque" and s.placement.value == "outside"
    }
    # 「一般应在200cm×30cm以内」: sides, not axes, and advised.
    assert {(s.max_long_side_cm, s.max_short_side_cm, s.size_modality) for s in plaques.values()} == {
        (200, 30, Modality.SHOULD)
    }
    party = plaques["村党组织"]
    assert (party.background_colour, party.text_colour) == (Colour.WHITE, Colour.RED)
    for org in ("村民委员会", "村集体经济组织", "村务监督委员会"):
        assert plaques[org].text_colour is Colour.BLACK
    (facility,) = [f for f in catalog.facilities(Scope.VILLAGE) if f.min_floor_area_m2]
    assert (facility.min_floor_area_m2, facility.min_area_per_100_households_m2, facility.modality) == (
        200,
        30,
        Modality.SHOULD,
    )


@pytest.mark.parametrize("reverse", [False, True])
def test_a_layers_operations_are_judged_alike_in_any_row_order(reverse: bool) -> None:
    """A directive made 可以 and then given a condition, as a permission may be, was accepted in one
    row order and refused in the other; so was a permission made 必须 with its condition dropped."""
    manufactured = [
        {"target": "cn.obligation.sort-public-services", "field": "modality", "value": "may"},
        {"target": "cn.obligation.sort-public-services", "field": "condition", "value": "条件具备的"},
    ]
    bound = [
        {"target": "cn.obligation.certificate-unlisted", "field": "modality", "value": "must"},
        {"target": "cn.obligation.certificate-unlisted", "field": "condition", "value": ""},
    ]
    if reverse:
        manufactured.reverse()
        bound.reverse()
    refused = merge([*chain("220000"), child_layer("220000", overrides=manufactured)]).conflicts
    assert sorted((c.field, c.rule) for c in refused) == [("condition", "qualifier"), ("modality", "graded")]
    assert merge([*chain("220000"), child_layer("220000", overrides=bound)]).conflicts == ()


def test_an_item_that_does_not_say_its_scope_applies_where_its_layer_does() -> None:
    """Shangdang (villages only) gives a deadline no scope: a township of villages and communities below
    writing 村 was refused as narrowing it, though it never applied to communities."""
    ops = [{"target": "140404.milestone.signs", "field": "applies_to", "value": "village"}]
    town = child_layer("140404", "140404100", overrides=ops, level="township")
    everywhere = {"covers": (Scope.VILLAGE, Scope.COMMUNITY)}
    both = dataclasses.replace(town, layer=town.layer.model_copy(update=everywhere))
    assert merge([*chain("140404"), both]).conflicts == ()
    narrowed = [{"target": "220000.milestone.survey", "field": "applies_to", "value": "village"}]
    county = child_layer("220000", overrides=narrowed)  # Jilin applies to both: this narrows, for communities
    wide = dataclasses.replace(
        county, layer=county.layer.model_copy(update={"covers": (Scope.VILLAGE, Scope.COMMUNITY)})
    )
    assert [c.rule for c in merge([*chain("220000"), wide]).conflicts] == ["red_line_scope"]


def test_adding_list_entries_already_inherited_restates_them() -> None:
    """A county listing 填报表格 again was told 增加 [填报表格、提供材料]: it added nothing."""
    target = "cn.obligation.no-forms-without-deployment"
    ops = [{"target": target, "field": "tasks", "op": "add", "value": "填报表格"}]
    entry = merge([*chain("220000"), child_layer("220000", overrides=ops)]).get(target)
    assert entry is not None
    assert [s.action for s in entry.provenance["tasks"]][-1] == "restated"
    grown = [{"target": target, "field": "tasks", "op": "add", "value": "报送数据"}]
    entry = merge([*chain("220000"), child_layer("220000", overrides=grown)]).get(target)
    assert entry is not None
    assert [s.action for s in entry.provenance["tasks"]][-1] == "added"


def test_restated_and_inherited_values_stay_distinguishable() -> None:
    catalog = villagecat.resolve("120117")
    entry = catalog.get("cn.duty.no-law-enforcement")
    assert entry is not None
    assert [(s.layer, s.action) for s in entry.provenance["duty_kind"]] == [
        ("cn", "introduced"),
        ("120117", "restated"),
    ]
    assert [(s.layer, s.action) for s in entry.provenance["funding"]] == [("cn", "default")]


@pytest.mark.parametrize(
    ("target", "field", "value", "rule"),
    [
        ("220000.facility.village", "min_floor_area_m2", "150", "increase_only"),
        ("220000.facility.village-activity-share", "min_activity_area_pct", "50", "increase_only"),
        ("cn.sign.party-organisation", "max_long_side_cm", "240", "decrease_only"),
        ("220000.facility.village-activity-share", "modality", "should", "graded"),
        ("cn.duty.no-work-safety", "duty_kind", "assists", "sticky"),
        ("cn.certificate.proof-of-life", "status", "retained", "increase_only"),
        ("cn.sign.villagers-committee", "mandatory", "false", "sticky"),
        # a should made a may, a binding rule narrowed to communities, a plaque's style recoloured,
        # a prohibition made a requirement: each loosened what the layer above says, unrefused
        ("220000.facility.village-function-areas", "modality", "may", "graded"),
        ("220000.facility.village-activity-share", "applies_to", "community", "red_line_scope"),
        ("cn.obligation.no-forms-without-deployment", "forbidden", "false", "fixed"),
        ("cn.sign.party-organisation", "text_colour", "black", "fixed"),
        # an empty modality of an inherited size limit binds: may softens it; truncated would switch a rule off
        ("cn.sign.villagers-committee", "size_modality", "may", "graded"),
        ("cn.obligation.no-forms-without-deployment", "truncated", "true", "fixed"),
        # a condition or exception given to a rule that had none: it no longer holds whenever it is met
        ("cn.obligation.no-screenshot-evaluation", "condition", "未经县级党委和政府同意", "qualifier"),
        ("cn.obligation.no-plaques-forms-traces", "exceptions", "上级另有要求的除外", "qualifier"),
        ("cn.obligation.certificate-unlisted", "condition", "", "qualifier"),  # a permission widened
        ("cn.obligation.sort-public-services", "modality", "may", "graded"),  # a directive made a permission
        # who is bound released, a deadline put off, a plaque moved inside or laid flat
        ("cn.obligation.no-forms-without-deployment", "bound", "党政群机构", "grow_only"),
        ("220000.milestone.survey", "bound", "各市（州）、县（市、区）", "grow_only"),
        ("220000.milestone.survey", "due", "2023-06-01", "earlier_only"),
        ("220000.milestone.survey", "due", "2024", "earlier_only"),
        ("220000.milestone.survey", "applies_to", "community", "red_line_scope"),
        ("cn.sign.party-organisation", "placement", "inside", "fixed"),
        ("cn.sign.party-organisation", "orientation", "horizontal", "fixed"),
        ("cn.sign.party-organisation", "orientation", "", "fixed"),
        ("220000.facility.village", "min_floor_area_m2", "", "increase_only"),
        ("220000.facility.village-function-areas", "function_areas", "文体活动室", "grow_only"),
        ("cn.certificate.kinship", "aliases", "亲属证明", "list_replace"),
        ("cn.duty.nothing", "name", "x", "unknown_target"),
        ("cn.duty.self-building", "colour", "red", "unknown_field"),
        ("cn.duty.self-building", "replaces", "cn.duty.party-policy", "unknown_field"),  # which item it succeeds
    ],
)
def test_loosening_yields_a_structured_conflict_and_keeps_the_inherited_value(
    target: str, field: str, value: str, rule: str
) -> None:
    op = "remove" if rule == "grow_only" else "set"
    layers = [
        *chain("220000"),
        child_layer("220000", overrides=[{"target": target, "field": field, "value": value, "op": op}]),
    ]
    catalog = merge(layers)
    (conflict,) = catalog.conflicts
    assert (conflict.layer, conflict.item, conflict.rule) == ("220102", target, rule)
    assert conflict.citations[0].document == "cn.document.tingzi-2022-28"
    before = merge(layers[:-1]).get(target)
    after = catalog.get(target)
    if before is not None:
        assert after is not None
        assert after.item == before.item


@pytest.mark.parametrize(
    ("target", "field", "value"),
    [
        ("cn.obligation.certificate-alternatives", "condition", "村民同意的"),  # a permission narrowed
        ("cn.obligation.no-new-mechanisms", "exceptions", ""),  # a prohibition's exception dropped
        ("cn.obligation.no-unassigned-tasks", "condition", "未经市、区党委和政府统一部署"),  # reworded, as Ninghe does
        ("220000.milestone.survey", "due", "2023-05-20"),  # brought forward within the month it was due in
        ("220000.milestone.survey", "due", "2023-05-31"),  # 2023-05 is due by its last day
    ],
)
def test_a_qualifier_or_a_deadline_may_tighten_or_be_reworded(target: str, field: str, value: str) -> None:
    county = child_layer("220000", overrides=[{"target": target, "field": field, "value": value}])
    catalog = merge([*chain("220000"), county])
    assert catalog.conflicts == ()
    entry = catalog.get(target)
    assert entry is not None
    assert getattr(entry.item, field) == (value or None)


def test_tightening_is_applied_with_provenance() -> None:
    layers = [
        *chain("220000"),
        child_layer(
            "220000",
            overrides=[
                {"target": "220000.facility.village", "field": "min_floor_area_m2", "value": "260"},
                {"target": "220000.facility.village", "field": "function_areas", "value": "老年活动室", "op": "add"},
                {"target": "cn.certificate.kinship", "field": "aliases", "value": "亲属证明", "op": "add"},
            ],
        ),
    ]
    catalog = merge(layers)
    assert not catalog.conflicts
    entry = catalog.get("220000.facility.village")
    assert entry is not None
    assert entry.item.min_floor_area_m2 == 260  # type: ignore[attr-defined]
    assert entry.item.function_areas[-1] == "老年活动室"  # type: ignore[attr-defined]
    step = entry.set_by("min_floor_area_m2")
    assert step is not None
    assert (step.layer, step.action, step.operation) == ("220102", "set", "220102.override.o0")
    assert any(c.section == "二(二)5" for c in entry.item.citations)  # type: ignore[attr-defined]


def test_cancelling_a_prohibited_duty_is_a_conflict_but_a_mechanism_may_go() -> None:
    layers = [
        *chain("220000"),
        child_layer(
            "220000",
            cancellations=[
                {"target": "cn.duty.no-law-enforcement"},
                {"target": "220000.mechanism.convenience-service-station"},
                {"target": "220000.milestone.survey"},  # a deadline is a rule: it stays
            ],
        ),
    ]
    catalog = merge(layers)
    assert [(c.item, c.field, c.rule) for c in catalog.conflicts] == [
        ("cn.duty.no-law-enforcement", None, "cancel_forbidden"),
        ("220000.milestone.survey", None, "cancel_forbidden"),
    ]
    assert catalog.get("cn.duty.no-law-enforcement") is not None
    assert catalog.get("220000.mechanism.convenience-service-station") is None
    (cancelled,) = catalog.cancelled
    assert (cancelled.layer, cancelled.cancellation.reason) == ("220102", "测试")


def test_operations_may_not_target_the_layers_own_items() -> None:
    layers = [
        *chain("cn"),
        child_layer("cn", code="220199", overrides=[{"target": "220199.duty.x", "field": "name", "value": "y"}]),
    ]
    assert [c.rule for c in merge(layers).conflicts] == ["own_item"]


def test_a_parent_range_is_judged_by_merging() -> None:
    """A parent outside the declared range strands a layer only if the layer no longer fits it."""
    assert not merge([*chain("cn"), child_layer("cn", version_range=">=2.0")]).conflicts
    loosening = {"target": "cn.certificate.proof-of-life", "field": "status", "value": "retained"}
    layers = [*chain("cn"), child_layer("cn", version_range=">=2.0", overrides=[loosening])]
    rules = sorted(c.rule for c in merge(layers).conflicts)
    assert rules == ["increase_only", "parent_version"]
    national = shipped_registry().get("cn")
    assert national is not None
    (mismatch,) = [c for c in merge(layers).conflicts if c.rule == "parent_version"]
    assert mismatch.inherited == national.layer.version


def test_merging_out_of_order_is_reported() -> None:
    jilin = chain("220000")
    rules = [c.rule for c in merge(jilin[::-1]).conflicts]
    assert rules[0] == "chain_order"
    assert rules.count("chain_order") == 2


def test_merge_needs_a_layer() -> None:
    with pytest.raises(ValueError, match="at least one"):
        merge([])


def test_validate_reports_a_layers_own_conflicts_at_the_override_row(tmp_path: Path) -> None:
    path = write_child(
        tmp_path,
        "220000",
        overrides=[{"target": "220000.facility.village", "field": "min_floor_area_m2", "value": "150"}],
    )
    (problem,) = villagecat.validate(path).problems
    assert (problem.file, problem.line, problem.code) == ("overrides.csv", 2, "merge-increase-only")
    assert "220000.facility.village（村级综合服务设施面积）的“最小建筑面积（平方米）”" in problem.message_zh
    assert problem.message_zh.endswith("；请改为不低于 200，或删去这条覆盖（整行删除）")


def test_validate_reports_a_field_the_kind_lacks_at_the_override_rows_field_cell(tmp_path: Path) -> None:
    """The cell at fault is the field named, not the value (it read 字段 value)."""
    override = {"target": "cn.certificate.kinship", "field": "applies_to", "value": "community"}
    (problem,) = villagecat.validate(write_child(tmp_path, "cn", overrides=[override])).problems
    assert (problem.file, problem.line, problem.field, problem.code) == (
        "overrides.csv",
        2,
        "field",
        "merge-unknown-field",
    )


def test_jilins_reports_are_mainly_monthly_quarterly_yearly_and_not_an_assisted_duty() -> None:
    """一(三) 「村级组织报表以月报、季报、年报为主」 is a rule (为主), and never calls filling in reports 协助."""
    catalog = villagecat.resolve("jilin")
    assert catalog.get("220000.duty.forms-and-reports") is None
    assert not [d for d in catalog.duties() if any(c.section == "一(三)" for c in d.citations)]
    reports = catalog.get("220000.obligation.reports-mainly")
    assert reports is not None
    assert (reports.item.modality, reports.item.tasks) == (Modality.MAINLY, ("月报", "季报", "年报"))  # type: ignore[attr-defined]
    assert reports.item.citations[0].section == "一(三)"  # type: ignore[attr-defined]
    integrate = catalog.get("cn.obligation.integrate-forms")
    assert integrate is not None
    assert [s.layer for s in integrate.provenance["name"]] == ["cn", "220000"]


def test_an_override_value_is_typed_by_its_target_field_when_read() -> None:
    """Found by fuzzing once: an invalid value met the direction check in merge. Now it never reaches merge."""
    with pytest.raises(ValidationError, match=r"not a valid value for certificates\.status"):
        child_layer(
            "120117", code="120199", overrides=[{"target": "cn.certificate.birth", "field": "status", "value": "0"}]
        )


@pytest.mark.parametrize("value", [float("nan"), float("inf"), float("-inf")])
def test_an_override_value_is_finite_as_the_field_it_targets_is(value: float) -> None:
    """``value=float("nan")`` was taken (a bare float adapter allows it, the models do not): saved in JSON
    it became null, and the package was then told 本层值 空, not what the override said."""
    with pytest.raises(ValidationError, match=r"not a valid value for facilities\.min_floor_area_m2: must be a finite"):
        child_layer(
            "220000",
            overrides=[{"target": "220000.facility.village", "field": "min_floor_area_m2", "value": value}],
        )


def test_an_override_of_a_document_merges_without_exceptions() -> None:
    """Found by fuzzing: documents have no citations of their own."""
    layers = [
        *chain("120117"),
        child_layer(
            "120117",
            code="120199",
            overrides=[{"target": "120000.document.certificate-opinion", "field": "number", "value": None}],
        ),
    ]
    catalog = merge(layers)
    assert [c.rule for c in catalog.conflicts] in (["invalid_value"], [])


def _catalog_state(catalog: object) -> object:
    """Everything an effective catalog says: items with their full provenance, cancellations, conflicts."""
    return (
        catalog.layer,  # type: ignore[attr-defined]
        catalog.chain,  # type: ignore[attr-defined]
        {
            name: {i: (e.item, e.introduced_by, e.provenance) for i, e in entries.items()}
            for name, entries in catalog.items.items()  # type: ignore[attr-defined]
        },
        catalog.cancelled,  # type: ignore[attr-defined]
        catalog.conflicts,  # type: ignore[attr-defined]
    )


def test_merging_shared_prefixes_once_gives_what_merging_each_chain_gives() -> None:
    """MergeCache forks the merged nation and province for each county; no county's change leaks into another's."""
    from villagecat.merging import MergeCache  # noqa: PLC0415

    registry = shipped_registry()
    jilin = registry.find("220000")
    # Two counties change the same inherited item in different ways; a third cancels what the others change.
    area = {"target": "cn.facility.community-service-facility", "field": "min_area_per_100_households_m2"}
    counties = [
        child_layer("220000", "220102", overrides=[{**area, "op": "set", "value": "40"}]),
        child_layer("220000", "220103", overrides=[{**area, "op": "set", "value": "50"}]),
        child_layer(
            "220000",
            "220104",
            overrides=[{"target": "cn.sign.party-organisation", "field": "modality", "op": "set", "value": "must"}],
        ),
    ]
    chains = [registry.chain(p) for p in registry] + [[*registry.chain(jilin), c] for c in counties]
    cache = MergeCache()
    cached = [cache.merge(chain) for chain in chains]
    again = [cache.merge(chain) for chain in reversed(chains)][::-1]
    for chain, first, second in zip(chains, cached, again, strict=True):
        plain = merge(chain)
        assert _catalog_state(first) == _catalog_state(plain), chain[-1].layer.id
        assert _catalog_state(second) == _catalog_state(plain), chain[-1].layer.id

    def per_100(catalog: object) -> object:
        (facility,) = [f for f in catalog.facilities() if f.id == "cn.facility.community-service-facility"]  # type: ignore[attr-defined]
        return facility.min_area_per_100_households_m2

    values = [per_100(c) for c in cached[-3:]]
    assert values[0] == 40
    assert values[1] == 50
    assert values[2] == per_100(merge(registry.chain(jilin)))


@pytest.mark.parametrize(
    ("field", "value"), [("orientation", "vertical"), ("placement", "inside"), ("sign_type", "mark")]
)
def test_a_quota_keeps_what_it_counts(field: str, value: str) -> None:
    """A county made Tianjia'an's 4 outside plaques count only vertical ones: six horizontal plaques passed."""
    from villagecat.registry import shipped_registry  # noqa: PLC0415

    registry = shipped_registry()
    tianjiaan = registry.find("340403")
    town = child_layer(
        "340403",
        "340403001",
        level="township",
        version_range=f"=={tianjiaan.layer.version}",
        overrides=[{"target": "340403.quota.outside-plaques", "field": field, "op": "set", "value": value}],
    )
    conflicts = merge([*registry.chain(tianjiaan), town]).conflicts
    assert [(c.item, c.field, c.rule) for c in conflicts] == [("340403.quota.outside-plaques", field, "frozen")]


def test_a_restating_row_that_turns_a_requirement_into_a_prohibition_conflicts() -> None:
    """禁止性=是 on a restatement of an 应当 rule equals the column's default, and was dropped silently."""
    from villagecat.models import Obligation  # noqa: PLC0415
    from villagecat.registry import shipped_registry  # noqa: PLC0415

    registry = shipped_registry()
    requirement = next(o for o in registry.find("cn").obligations if not o.forbidden)
    row = Obligation.model_validate(
        {
            "id": "220102.obligation.restated",
            "name": requirement.name,
            "citations": ["220000.document.measures#一"],
            "restates": requirement.id,
            "forbidden": True,
        }
    )
    county = child_layer("220000", "220102", obligations=[row])
    conflicts = merge([*registry.chain(registry.find("220000")), county]).conflicts
    assert [(c.item, c.field, c.rule) for c in conflicts] == [(requirement.id, "forbidden", "fixed")]


@pytest.mark.parametrize("values", [("400", "300"), ("300", "400")])
def test_a_layer_that_sets_one_field_twice_is_told_whichever_the_order(values: tuple[str, str]) -> None:
    """400 then 300 conflicted, 300 then 400 did not: the row order decided, silently."""
    ops = [
        {"target": "220000.facility.village", "field": "min_floor_area_m2", "op": "set", "value": value}
        for value in values
    ]
    conflicts = merge([*chain("220000"), child_layer("220000", overrides=ops)]).conflicts
    assert [(c.item, c.field, c.rule) for c in conflicts] == [
        ("220000.facility.village", "min_floor_area_m2", "set_twice")
    ]


def test_a_field_set_twice_names_the_other_override_and_both_values() -> None:
    """It read 同一层对同一字段设定了两次，取值不明（上级值 空，本层值 300）: the other setting unnamed."""
    ops = [
        {"target": "220000.facility.village", "field": "min_floor_area_m2", "op": "set", "value": value}
        for value in ("400", "300")
    ]
    (conflict,) = merge([*chain("220000"), child_layer("220000", overrides=ops)]).conflicts
    assert conflict.describe("zh") == (
        "层 220102（0.1.0）的条目 220000.facility.village（村级综合服务设施面积）的“最小建筑面积（平方米）”"
        "不符合合并规则：同一层对同一字段设定了两次，取值不明："
        "本层的覆盖 220102.override.o0已设为 400，此处又设为 300（上级值 200）；"
        "同一层对同一字段只能设定一次，请删去其中一处"
    )
    assert conflict.describe("en").endswith(
        "this layer already sets this field to 400 (override 220102.override.o0), and this sets it to 300"
        " (inherited 200); a layer sets a field once: drop one of them"
    )


def test_a_field_set_twice_names_the_restating_row_and_its_sheet() -> None:
    """A restating row's id may be made on import: the clerk finds it by its sheet (综合服务设施标准)."""
    from villagecat.models import FacilityStandard  # noqa: PLC0415

    row = FacilityStandard.model_validate(
        {
            "id": "220102.facility.restated",
            "name": "村级综合服务设施面积",
            "citations": ["220000.document.measures#二"],
            "restates": "220000.facility.village",
            "applies_to": "village",
            "min_floor_area_m2": 300,
        }
    )
    override = {"target": "220000.facility.village", "field": "min_floor_area_m2", "value": "250"}
    county = child_layer("220000", overrides=[override], facilities=[row])
    (conflict,) = merge([*chain("220000"), county]).conflicts
    assert conflict.rule == "set_twice"
    assert conflict.describe("zh").endswith(
        "不符合合并规则：同一层对同一字段设定了两次，取值不明："
        "本层的“综合服务设施标准”表中重申该条目的行（标识 220102.facility.restated）已设为 300，此处又设为 250"
        "（上级值 200）；同一层对同一字段只能设定一次，请删去其中一处"
    )
    assert "to 300 (the row 220102.facility.restated of facilities that restates the item)" in conflict.describe("en")


def test_two_items_of_one_name_in_one_layer_conflict() -> None:
    """A second 宣传推广 in one layer was accepted: lookups by that name found either."""
    from villagecat.models import Duty  # noqa: PLC0415

    duties = [
        Duty.model_validate(
            {
                "id": f"220102.duty.d{n}",
                "name": "宣传推广",
                "duty_kind": "performs",
                "citations": ["220102.document.d#一"],
            }
        )
        for n in (1, 2)
    ]
    conflicts = merge([*chain("220000"), child_layer("220000", duties=duties)]).conflicts
    assert [(c.item, c.rule, c.inherited) for c in conflicts] == [("220102.duty.d2", "same_name", "220102.duty.d1")]
    assert "本层已有同名的同类条目 220102.duty.d1" in conflicts[0].describe("zh")
    assert "上级层" not in conflicts[0].describe("zh")  # the other item is this layer's own


@pytest.mark.parametrize(
    ("key", "target", "field", "op", "value", "said"),
    [
        (
            "cn",
            "cn.obligation.no-new-mechanisms",
            "exceptions",
            "remove",
            "{inherited}",
            (
                "“例外”是单一文本，不能用 删除条目（remove），请用 设为（set）写出完整的新值"
                "（上级值 {inherited}，本层给出的值 {inherited}）"
            ),
        ),
        (
            "cn",
            "cn.obligation.no-forms-without-deployment",
            "exceptions",
            "add",
            "区里的",
            (
                "“例外”是单一文本，不能用 增加条目（add），请用 设为（set）写出完整的新值"
                "（上级值 空，本层给出的值 {value}）"
            ),
        ),
        (
            "220000",
            "220000.milestone.survey",
            "due",
            "set",
            "",
            "“截止日期”是必填字段，不能为空（上级值 {inherited}）；要修改，请在取值（value）中写出新值",
        ),
    ],
)
def test_an_operation_that_does_not_fit_a_single_value_says_so_by_the_fields_title(  # noqa: PLR0917
    key: str, target: str, field: str, op: str, value: str, said: str
) -> None:
    """add/remove on a single text, or nothing for a required field, read 取值不符合字段要求（上级值 X，本层值 X）."""
    before = merge(chain(key)).get(target)
    assert before is not None
    inherited = getattr(before.item, field) or "空"
    override = {"target": target, "field": field, "op": op, "value": value.format(inherited=inherited)}
    (conflict,) = merge([*chain(key), child_layer(key, overrides=[override])]).conflicts
    assert conflict.rule == "invalid_value"
    title = type(before.item).model_fields[field].title
    assert conflict.describe("zh") == (
        f"层 220102（0.1.0）的条目 {target}（{before.item.name}）的“{title}”不符合合并规则："  # type: ignore[attr-defined]
        + said.format(inherited=inherited, value=value)
    )
    assert "“" not in conflict.describe("en")


def test_an_override_on_a_field_the_kind_lacks_shows_the_value_and_the_fields_it_has() -> None:
    """It read 目标条目没有该字段…（上级值 空，本层值 空）: the value written hidden, the kind's fields unnamed."""
    override = {"target": "cn.certificate.kinship", "field": "applies_to", "value": "community"}
    (conflict,) = merge([*chain("cn"), child_layer("cn", overrides=[override])]).conflicts
    assert conflict.rule == "unknown_field"
    assert conflict.describe("zh") == (
        "层 220102（0.1.0）的条目 cn.certificate.kinship.applies_to 不符合合并规则："
        "证明事项没有可覆盖的字段“applies_to”（本层给出的值 community）；可覆盖的字段："
        "名称（name）、备注（notes）、别名（aliases）、状态（status）、办理用途（purpose）、开具单位（issuer）、"
        "有效时限（validity）、政策法规依据（basis）、证明内容范本（template）、占位符（placeholders）、"
        "办理程序（procedure）、办理时限（time_limit）、替代办理方式（alternatives）、解释说明（resident_guidance）、"
        "原文不全（truncated）、兜底条目（catch_all）"
    )
    assert conflict.describe("en").endswith(
        "(given community); its overridable fields: name, notes, aliases, status, purpose, issuer, validity, basis, "
        "template, placeholders, procedure, time_limit, alternatives, resident_guidance, truncated, catch_all"
    )


def test_a_chain_out_of_order_is_said_in_chinese_with_the_parents_named() -> None:
    """``merge([national, ninghe])`` (Tianjin left out) said only 层的上下级顺序有误 in Chinese; the English named
    the parent (merged onto cn, but its parent is 120000), and the nation below Tianjin had "its parent is none"."""
    national, tianjin, ninghe = chain("120117")
    skipped = merge([national, ninghe]).conflicts
    assert [c.describe("zh") for c in skipped if c.rule == "chain_order"] == [
        (
            f"层 120117 宁河区（{ninghe.layer.version}）不符合合并规则：层的上下级顺序有误："
            "它的上级层 120000 天津市 不在合并的层中，合并时直接放在了 cn 全国 之下；"
            "请把 120000 天津市 加在 cn 全国 与本层之间"
        )
    ]
    first = merge([tianjin, ninghe]).conflicts
    assert [c.to_dict()["detail_zh"] for c in first if c.rule == "chain_order"] == [
        "层的上下级顺序有误：第一层写有上级层 cn 全国，合并应从全国层开始，逐级向下"
    ]
    upside_down = merge([tianjin, national]).conflicts
    said = [c.describe("zh") for c in upside_down if c.rule == "chain_order" and c.layer == "cn"]
    assert said == [
        (
            f"层 cn 全国（{national.layer.version}）不符合合并规则：层的上下级顺序有误："
            "它没有上级层（全国层），合并时却放在了 120000 天津市 之下；合并应从全国层开始，逐级向下"
        )
    ]


def test_a_county_merged_without_its_province_is_told_once_of_the_missing_layer() -> None:
    """``merge([national, county])``, the province left out, called the county an item (的条目 220102) and then gave
    an unknown_target conflict for each of its operations on the province's items, burying the one real problem."""
    national = chain("cn")[0]
    county = child_layer(
        "220000",
        overrides=[
            {"target": "220000.facility.village", "field": "min_floor_area_m2", "value": "300"},
            {"target": "cn.duty.nothing", "field": "name", "value": "x"},  # the nation was merged: it is checked
        ],
        cancellations=[{"target": "220000.mechanism.convenience-service-station"}],
    )
    conflicts = merge([national, county]).conflicts
    assert [(c.rule, c.item) for c in conflicts] == [("chain_order", "220102"), ("unknown_target", "cn.duty.nothing")]
    assert conflicts[0].describe("zh") == (
        "层 220102 测试区（0.1.0）不符合合并规则：层的上下级顺序有误：它的上级层 220000 吉林省 不在合并的层中，"
        "合并时直接放在了 cn 全国 之下；请把 220000 吉林省 加在 cn 全国 与本层之间。"
        "本层另有 2 条覆盖、取消或重申指向未合并的层中的条目，未予核对"
    )
    assert conflicts[0].describe("en") == (
        "layer 220102 测试区 (0.1.0): breaks rule chain_order: its parent 220000 Jilin is not among the layers merged;"
        " it was merged straight onto cn National: put 220000 Jilin between cn National and this layer."
        " 2 more of its operations name items of layers not merged, and were not checked"
    )


def test_a_parent_version_conflict_is_said_of_the_layer_not_of_an_item() -> None:
    """It read 层 220102（0.1.0）的条目 220102.parent.version_range 不符合合并规则."""
    national, jilin = chain("220000")
    loosening = {"target": "cn.certificate.proof-of-life", "field": "status", "value": "retained"}
    county = child_layer("220000", version_range=">=9.0", overrides=[loosening])
    (mismatch,) = [c for c in merge([national, jilin, county]).conflicts if c.rule == "parent_version"]
    assert mismatch.describe("zh") == (
        f"层 220102 测试区（0.1.0）不符合合并规则：上级层版本不在声明的范围内：本层按 220000 吉林省 >=9.0 编写，"
        f"合并在其 {jilin.layer.version} 版之下"
    )
