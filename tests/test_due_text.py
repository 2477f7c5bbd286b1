"""A milestone's deadline held to its source: due_text quoted verbatim, due as due_text writes it."""

from __future__ import annotations

import json
import shutil
from typing import TYPE_CHECKING

import pytest

from conftest import REPO, edit, invoke
from villagecat.coverage import source_texts
from villagecat.package import load_layer
from villagecat.quotes import check_quotes, dates_written, iter_quote_problems
from villagecat.registry import shipped_layer_paths

if TYPE_CHECKING:
    from pathlib import Path

SHANGDANG = REPO / "data" / "provinces" / "140000-shanxi" / "140404-shangdang"
SHARED = REPO.parent / "shared"
CONFIG = REPO / "docs" / "coverage" / "sources.yml"
DUE = ("due-text-not-quoted", "due-disagrees")


@pytest.fixture
def shangdang(tmp_path: Path) -> Path:
    target = tmp_path / "shangdang"
    shutil.copytree(SHANGDANG, target)
    return target


def _due_problems(path: Path, texts: dict[str, str] | None = None) -> list[tuple[str, str, int | None, str | None]]:
    package = load_layer(path)
    problems = iter_quote_problems(package, texts or {})
    return [(p.code, p.message_zh, p.line, p.field) for p in problems if p.code in DUE]


def test_a_hedged_due_text_the_source_never_writes_is_not_quoted(shangdang: Path) -> None:
    edit(shangdang / "milestones.csv", ",8月 10日前,", ",8月 10日左右,")
    [(code, message, line, field)] = _due_problems(shangdang)
    assert (code, line, field) == ("due-text-not-quoted", 2, "due_text")
    assert message.startswith("时限原文不见于所引条款 140404.clause.implementation-plan-2-1 的引文：「8月 10日左右」")
    assert "从“左右”起与原文不同，原文此处为“前区民政局汇总。”" in message


def test_a_due_text_dropping_a_space_its_source_keeps_is_not_quoted(shangdang: Path) -> None:
    edit(shangdang / "milestones.csv", ",8月 10日前,", ",8月10日前,")
    [(code, message, _, _)] = _due_problems(shangdang)
    assert code == "due-text-not-quoted"
    assert "空格" in message


def test_a_due_the_due_text_does_not_write_disagrees(shangdang: Path) -> None:
    edit(shangdang / "milestones.csv", "2023-12-10,2023 年 12 月 10 日前", "2023-11-30,2023 年 12 月 10 日前")
    [(code, message, line, field)] = _due_problems(shangdang)
    assert (code, line, field) == ("due-disagrees", 5, "due")
    assert message == (
        "截止日期 2023-11-30 与时限原文「2023 年 12 月 10 日前」不符：原文写的月为 12，日为 10"
        "（条目 140404.milestone.mechanisms）"
    )


def test_the_year_is_not_compared_where_the_due_text_writes_none(shangdang: Path) -> None:
    edit(shangdang / "milestones.csv", "2023-08-10,8月 10日前", "2024-08-10,8月 10日前")
    assert _due_problems(shangdang) == []
    edit(shangdang / "milestones.csv", "2024-08-10,8月 10日前", "2024-08-11,8月 10日前")
    assert [code for code, *_ in _due_problems(shangdang)] == ["due-disagrees"]


def test_a_due_text_without_a_quoted_clause_is_held_to_the_documents_text(shangdang: Path) -> None:
    edit(
        shangdang / "milestones.csv",
        "140404.clause.implementation-plan-2-1,",
        "140404.document.implementation-plan#二(一),",
    )
    package = load_layer(shangdang)
    plan = "140404.document.implementation-plan"
    unchecked = check_quotes(package, {})
    assert unchecked.unchecked == 1 + check_quotes(load_layer(SHANGDANG), {}).unchecked
    assert not any(p.code in DUE for p in unchecked.problems)
    assert _due_problems(shangdang, {plan: "二、工作步骤\n8月 10\n日前区民政局汇总。"}) == []
    [(code, message, line, field)] = _due_problems(shangdang, {plan: "二、工作步骤\n8月 15日前区民政局汇总。"})
    assert (code, line, field) == ("due-text-not-quoted", 2, "due_text")
    assert message.startswith(f"时限原文不见于所引文件 {plan} 的原文：「8月 10日前」")


@pytest.mark.parametrize(
    ("text", "years", "months", "days"),
    [
        ("2023 年 8 月 10 日前", {2023}, {8}, {10}),
        ("8月 10日前", set(), {8}, {10}),
        ("2023年4月至7月", {2023}, {7}, set()),  # a range ends where it ends: a deadline is its latest date
        ("2023年12月至2024年3月", {2024}, {3}, set()),
        ("8月10日至8月20日前", set(), {8}, {20}),
        ("7月底前", set(), {7}, set()),
        ("2024年上半年", {2024}, {6}, set()),
        ("2023年底前", {2023}, {12}, set()),
        ("年末", set(), {12}, set()),
        ("二〇二三年十二月三十一日前", {2023}, {12}, {31}),
        ("十二月二十日", set(), {12}, {20}),
        ("２０２３年１２月", {2023}, {12}, set()),  # full-width digits, as an IME types them
        ("12月10日至20日", set(), {12}, {20}),  # a range's end takes the month written before it
        ("2023年12月1日至20日", {2023}, {12}, {20}),
        ("8月 10日-12 月 10日", set(), {12}, {10}),  # a range written with a dash, as the sources head a stage
        ("2023年8月—9月", {2023}, {9}, set()),
        ("2023年12月至3月", set(), {3}, set()),  # the range crosses a year it does not write: the year is not compared
    ],
)
def test_the_dates_a_due_text_writes(text: str, years: set[int], months: set[int], days: set[int]) -> None:
    assert dates_written(text) == (years, months, days)


@pytest.mark.parametrize("text", ["30日内", "次年3月", "2023年3月左右", "13月", "2023年第三季度", "2023年8月上旬"])
def test_a_due_text_not_understood_compares_nothing(text: str) -> None:
    assert dates_written(text) is None


def test_a_range_whose_end_writes_the_day_alone_is_held_to_the_month_before_it(shangdang: Path) -> None:
    """12月1日至10日 ends on 12-10: a due of 11-10 is not the month the text writes, never a silent pass."""
    clauses = shangdang / "clauses.csv"
    edit(
        clauses,
        "3.集中整治村级组织工作机制（2023 年 12 月 10 日前）。",
        "3.集中整治村级组织工作机制（2023 年 12 月 1 日至 10 日）。",
    )
    edit(shangdang / "milestones.csv", "2023-12-10,2023 年 12 月 10 日前", "2023-11-10,2023 年 12 月 1 日至 10 日")
    [(code, message, _, field)] = _due_problems(shangdang)
    assert (code, field) == ("due-disagrees", "due")
    assert "原文写的月为 12" in message


def test_every_shipped_milestone_keeps_to_its_source() -> None:
    """No false refusal: every shipped due_text is quoted, every due as its due_text writes it."""
    texts = source_texts(CONFIG, SHARED) if (SHARED / "seeds").is_dir() else {}
    milestones = 0
    for path in shipped_layer_paths():
        package = load_layer(path)
        milestones += len(package.milestones)
        wrong = [p.describe("zh") for p in iter_quote_problems(package, texts) if p.code in DUE]
        assert not wrong, "\n".join(wrong)
        understood = [m.id for m in package.milestones if dates_written(m.due_text) is None]
        assert not understood, f"{path.name}: due_text not understood: {understood}"
    assert milestones > 15


def test_quotes_fails_on_a_due_text_not_quoted_chinese_first_and_in_json(shangdang: Path) -> None:
    edit(shangdang / "milestones.csv", ",8月 10日前,", ",8月 10日左右,")
    result = invoke("quotes", str(shangdang))
    assert result.code == 1
    assert "时限原文不见于所引条款" in result.out
    payload = json.loads(invoke("quotes", str(shangdang), "--format", "json").out)
    [problem] = [p for p in payload["reports"][0]["problems"] if p["level"] == "fail"]
    assert problem["code"] == "due-text-not-quoted"
    assert problem["field"] == "due_text"
    assert problem["quote"] == "8月 10日左右"
    assert problem["items"] == ["140404.milestone.self-inspection"]
    assert problem["clause"] == "140404.clause.implementation-plan-2-1"
    assert (problem["differs"], problem["text_there"]) == ("左右", "前区民政局汇总。")
    assert payload["reports"][0]["not_found"] == 1
    assert not payload["passed"]
