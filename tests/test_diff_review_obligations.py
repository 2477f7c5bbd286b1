"""What a reviewer reads of a rule on those it names (减负措施: a department, a county government), tightened.

No check measures a department, a county government or a township against such a rule: 未达到只作提示 (a shortfall
is a note), said of a facility's minimum or a sign to hang, is said of nothing here. Its lines say what changes
for those it binds: more is advised, or asked in words of unstated force, and no check fails on it.
"""

from __future__ import annotations

import dataclasses

from conftest import NATIONAL, REPO
from villagecat.diff import CHANGE_LEVELS, diff_packages, diff_versions, format_report
from villagecat.models import Citation, MergeOp, Modality, Override
from villagecat.package import LayerPackage, load_layer

JILIN = REPO / "data" / "provinces" / "220000-jilin"
_NOTE = "未达到只作提示"


def _revised(item_id: str, **update: object) -> tuple[LayerPackage, LayerPackage]:
    old = load_layer(NATIONAL)
    items = tuple(o.model_copy(update=update) if o.id == item_id else o for o in old.obligations)
    return old, dataclasses.replace(old, obligations=items)


def test_advice_on_others_tightened_says_what_changes_for_them_not_a_shortfall_noted() -> None:
    """原则上 on both sides, tasks extended: read 对……收紧：加严建议，未达到只作提示, though no check measures them."""
    old = load_layer(NATIONAL)
    model = next(o for o in old.obligations if o.id == "cn.obligation.integrate-forms")
    advice = model.model_copy(update={"id": "cn.obligation.test-advice", "modality": Modality.SHOULD, "tasks": ()})
    old = dataclasses.replace(old, obligations=(*old.obligations, advice))
    item = advice.id
    extended = tuple(o.model_copy(update={"tasks": ("填报表格",)}) if o.id == item else o for o in old.obligations)
    new = dataclasses.replace(old, obligations=extended)
    report = diff_packages(old, new)
    (change,) = report.changes
    assert (change.code, change.level) == ("obligation-tasks-extended-advised", "warning")
    assert change.effect.value == "tightens"
    assert change.bound == "县级党委和政府"
    for text in (change.describe("zh"), change.describe("zh", codes=False), format_report(report, "markdown")):
        assert _NOTE not in text
        assert "对县级党委和政府收紧：加严建议，不具强制力" in text
    assert "a shortfall is a note" not in change.describe("en")
    assert "not binding" in change.describe("en")


def test_a_rule_of_unstated_force_added_on_others_is_no_shortfall_noted() -> None:
    """由……保障 added on the county (modality empty): read 加严要求，来源未写明约束力，未达到只作提示."""
    old = load_layer(NATIONAL)
    model = next(o for o in old.obligations if o.id == "cn.obligation.integrate-forms")
    added = model.model_copy(update={"id": "cn.obligation.test-added", "modality": None})
    (change,) = diff_packages(old, dataclasses.replace(old, obligations=(*old.obligations, added))).changes
    assert change.code == "obligation-added-unstated"
    assert _NOTE not in change.describe("zh")
    assert "对县级党委和政府收紧：加严要求，来源未写明约束力" in change.describe("zh")
    assert "a shortfall is a note" not in change.describe("en")


def test_a_rule_on_villages_among_the_obligations_is_checked_by_nothing_either() -> None:
    """村级组织……原则上全部在综合服务设施中办公 is an obligation too: no check tells a village's miss of it."""
    old, new = _revised("cn.obligation.offices-in-facility", tasks=("办公",))
    (change,) = diff_packages(old, new).changes
    assert change.code == "obligation-tasks-extended-advised"
    assert _NOTE not in change.describe("zh")
    assert "加严建议，不具强制力" in change.describe("zh")


def test_every_obligation_code_means_what_it_does_to_those_it_binds() -> None:
    """The code table (docs/change-codes.md, the JSON schema) read 未达到只作提示 and 新适用的村或社区可能不再符合
    for rules that bind departments: those newly covered are the places they act on, not who must comply."""
    for code, (_, meaning) in CHANGE_LEVELS.items():
        if code.startswith(("obligation-", "milestone-")):
            assert _NOTE not in meaning, code
            assert "a shortfall is a note" not in meaning, code
            assert "新适用的村或社区可能不再符合" not in meaning, code
    assert "受约束者" in CHANGE_LEVELS["obligation-scope-widened"][1]
    assert "受约束者" in CHANGE_LEVELS["obligation-scope-widened-advised"][1]
    assert "受约束者" in CHANGE_LEVELS["obligation-condition-tightened-advised"][1]
    # a facility's minimum is checked: a shortfall is a 提示, as its code says
    assert _NOTE in CHANGE_LEVELS["facility-min-floor-area-raised-advised"][1]
    assert _NOTE in CHANGE_LEVELS["facility-scope-widened-advised"][1]


def test_an_override_tightening_advice_on_others_says_so_in_its_target_s_words() -> None:
    """An override rated by what it does to a rule on others reads as that rule's change does."""
    old = load_layer(JILIN)
    national = load_layer(NATIONAL)
    target = next(o for o in national.obligations if o.modality is Modality.SHOULD and o.condition and o.bound == ())
    override = Override(
        id="220000.override.test-unconditional",
        name="测试：删去条件",
        citations=(Citation(document=old.documents[0].id, section="一(一)"),),
        target=target.id,
        field="condition",
        op=MergeOp.SET,
        value=None,
    )
    new = dataclasses.replace(old, overrides=(*old.overrides, override))
    (change,) = [c for c in diff_versions(old, new).changes if c.item == override.id]
    assert change.does == "obligation-condition-tightened-advised"
    assert change.effect.value == "tightens"
    assert _NOTE not in change.describe("zh")
    assert "加严建议，不具强制力" in change.describe("zh")


def test_a_rule_of_unstated_force_tightened_is_what_it_is_added_as_not_a_new_obligation() -> None:
    """cn.obligation.county-secures-conditions (由县级党委和政府统筹予以保障: no binding word), its tasks extended, read
    破坏性 … 新增或加严义务, while the same rule added reads 需关注 … 来源未写明约束力: no check fails on a rule whose
    source states no binding word (admit tells a task it governs as a 提示 that says so), so --fail-on breaking
    stopped a revision that fails no one.
    """
    from villagecat.checks.admission import admission_findings  # noqa: PLC0415
    from villagecat.merging import merge  # noqa: PLC0415

    old, new = _revised("cn.obligation.county-secures-conditions", tasks=("经费保障",))
    assert next(o for o in old.obligations if o.id == "cn.obligation.county-secures-conditions").modality is None
    report = diff_packages(old, new)
    (change,) = report.changes
    assert (change.code, change.level) == ("obligation-tasks-extended-unstated", "warning")
    assert (change.effect.value, change.unstated, change.advised) == ("tightens", True, False)
    assert "对县级党委和政府收紧：加严要求，来源未写明约束力，不判不符合" in change.describe("zh")
    assert report.worst == "warning"  # what --fail-on breaking passes and --fail-on warning stops
    # the ground truth: a forbidding rule of unstated force, asked about a task it governs, is a 提示, never 不符合
    forbidding = dataclasses.replace(
        new,
        obligations=tuple(
            o.model_copy(update={"forbidden": True}) if o.id == "cn.obligation.county-secures-conditions" else o
            for o in new.obligations
        ),
    )
    found = [f for f in admission_findings(merge([forbidding]), "经费保障") if f.item == change.item]
    assert found
    assert {f.level for f in found} == {"warn"}
