"""What a reviewer reads of a rule whose binding word the source leaves unstated (review of national 0.8.0)."""

from __future__ import annotations

import csv
import dataclasses
import io

from conftest import NATIONAL
from villagecat.diff import CHANGE_LEVELS, diff_packages, format_report
from villagecat.models import Modality
from villagecat.package import LayerPackage, load_layer


def _replace(items: tuple, item_id: str, **update: object) -> tuple:  # type: ignore[type-arg]
    return tuple(i.model_copy(update=update) if i.id == item_id else i for i in items)


def _emptied() -> tuple[LayerPackage, LayerPackage]:
    old = load_layer(NATIONAL)
    sign = next(s for s in old.signs if s.modality is Modality.SHOULD)
    return old, dataclasses.replace(old, signs=_replace(old.signs, sign.id, modality=None))


def test_an_emptied_modality_says_the_source_does_not_state_it() -> None:
    """should → ∅ read 一般应当（…）（should） → （空）: 空 says nothing of what an empty modality means."""
    old, new = _emptied()
    report = diff_packages(old, new)
    (change,) = report.changes
    assert "→ （空：来源未写明约束力）" in change.describe("zh")
    assert "-> (empty: the source states no binding word)" in change.describe("en")
    rows = list(csv.DictReader(io.StringIO(format_report(report, "csv").removeprefix("\ufeff"))))
    assert [r["新值"] for r in rows] == ["（空：来源未写明约束力）"]


def test_advice_made_unstated_says_what_it_means_in_the_report_line() -> None:
    """The text and Markdown line of should → ∅ (需关注) gave no words at all: the reviewer saw a code alone.

    A miss stays a 提示 for villages; what changes is for the layers below: they may no longer write 一般 or 可以.
    """
    old, new = _emptied()
    report = diff_packages(old, new)
    (change,) = report.changes
    for text in (change.describe("zh"), format_report(report, "text"), format_report(report, "markdown")):
        assert "检查仍只作提示" in text
        assert "下级层不得改为一般或可以" in text
    assert "a lower layer may no longer make it should or may" in change.describe("en")
    assert "下级层" in CHANGE_LEVELS["sign-modality-unstated"][1]


def _with_obligation(modality: Modality | None) -> tuple[LayerPackage, LayerPackage]:
    old = load_layer(NATIONAL)
    model = next(o for o in old.obligations if o.id == "cn.obligation.integrate-forms")
    added = model.model_copy(update={"id": "cn.obligation.test-added", "modality": modality})
    return old, dataclasses.replace(old, obligations=(*old.obligations, added))


def test_a_rule_added_on_the_county_of_unstated_force_is_counted_against_it() -> None:
    """cn.obligation.county-secures-conditions (bound 县级党委和政府, modality empty) was 一般, counted against no one.

    The national 0.8.0 summary read 对未写明的承办者：收紧 0 项，放宽 1 项 and nothing else: a rule added on the county
    government was in no count. As a sign to hang added by an unstated rule, it tightens what binds on neither
    side: 需关注, counted against those it binds.
    """
    old, new = _with_obligation(None)
    report = diff_packages(old, new)
    (change,) = report.changes
    assert (change.code, change.level, change.effect.value) == ("obligation-added-unstated", "warning", "tightens")
    assert change.bound == "县级党委和政府"
    assert "对县级党委和政府收紧：" in change.describe("zh")
    assert "来源未写明约束力" in change.describe("zh")
    assert report.to_dict()["audiences"]["others"]["tightens"] == ["cn.obligation.test-added"]
    assert report.suggested_bump == "minor"


def test_a_rule_added_as_advice_is_advice_and_a_permission_is_no_tightening() -> None:
    """原则上 added: advice tightened (需关注); 可、鼓励 added binds and advises no one: 一般, neutral."""
    old, new = _with_obligation(Modality.SHOULD)
    (change,) = diff_packages(old, new).changes
    assert (change.code, change.level, change.effect.value) == ("obligation-added-advised", "warning", "tightens")
    assert "加严建议" in change.describe("zh")
    old, new = _with_obligation(Modality.MAY)
    (change,) = diff_packages(old, new).changes
    assert (change.code, change.level, change.effect.value) == ("obligation-added", "info", "neutral")
    old, new = _with_obligation(Modality.MUST)
    (change,) = diff_packages(old, new).changes
    assert (change.code, change.level, change.effect.value) == ("obligation-binding-added", "breaking", "tightens")


def test_a_rule_removed_mirrors_the_rule_added_relaxing_what_it_asked_as_it_asked_it() -> None:
    """Adding a rule of unstated force tightens for those it binds; removing one was neutral, counted for no one.

    The reverse of an addition is a relaxation of the same kind: advice relaxed, or a rule of unstated force
    relaxed, counted against those it bound. A permission removed relaxes nothing.
    """
    for modality, flag in ((None, "unstated"), (Modality.SHOULD, "advised")):
        old, new = _with_obligation(modality)
        report = diff_packages(new, old)
        (change,) = report.changes
        assert (change.code, change.effect.value) == ("obligation-removed", "loosens"), modality
        assert (change.advised, change.unstated) == (flag == "advised", flag == "unstated")
        assert change.bound == "县级党委和政府"
        assert report.to_dict()["audiences"]["others"]["loosens"] == ["cn.obligation.test-added"]
    old, new = _with_obligation(Modality.MAY)
    (change,) = diff_packages(new, old).changes
    assert change.effect.value == "neutral"


def test_an_override_line_says_what_it_does_to_its_target_not_only_that_a_row_was_added() -> None:
    """Ninghe 1.11.0's three overrides emptying the nation's 一般 read 需关注 [override-added] …（新增条目）:

    a reviewer read 需关注 of a row added, with no word of what it does. The line says the change it makes to its
    target (悬挂约束力由建议改为来源未写明…), and JSON names that change's code (``does``).
    """
    from conftest import REPO  # noqa: PLC0415
    from villagecat.diff import diff_versions  # noqa: PLC0415
    from villagecat.models import Citation, MergeOp, Override  # noqa: PLC0415

    old = load_layer(REPO / "data" / "provinces" / "120000-tianjin" / "120117-ninghe")
    emptying = [  # as Ninghe 1.11.0–1.13.0 wrote them (1.13.1 withdrew them: the nation's 一般 stands for villages)
        Override(
            id=f"120117.override.{name}-unstated",
            name=f"{name}：悬挂约束力",
            citations=(Citation(document="120117.document.work-plan", section="三(二)8"),),
            target=f"cn.sign.{name}",
            field="modality",
            op=MergeOp.SET,
            value=None,
        )
        for name in ("service-organisation", "service-guide", "function-area")
    ]
    new = dataclasses.replace(old, overrides=(*old.overrides, *emptying))
    added = [c for c in diff_versions(old, new).changes if c.code == "override-added"]
    assert [c.item for c in added] == [o.id for o in emptying]
    for change in added:
        assert change.does == "sign-modality-unstated"
        assert change.to_dict()["does"] == "sign-modality-unstated"
        assert "（新增条目）" not in change.describe("zh")
        assert "下级层不得改为一般或可以" in change.describe("zh")
