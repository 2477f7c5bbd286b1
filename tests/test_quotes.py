"""Quotes against their documents' texts: the two rules, where a problem is, and reading the texts."""

from __future__ import annotations

import shutil
from typing import TYPE_CHECKING

import pytest

from conftest import NATIONAL, REPO, edit
from villagecat.coverage import source_texts
from villagecat.errors import PackageReadError
from villagecat.package import load_layer
from villagecat.quotes import bare, check_quotes, iter_quote_problems, iter_quotes, joined

if TYPE_CHECKING:
    from pathlib import Path

    from villagecat.package import LayerPackage

#: The first national clause, and the duty whose row is the first to cite it.
CLAUSE = "cn.clause.tingzi-2022-28-2-1-1"
DOCUMENT = "cn.document.tingzi-2022-28"


def _own_texts(package: LayerPackage) -> dict[str, str]:
    """A text for each quoted document that holds exactly the package's quotes, one a line."""
    texts: dict[str, list[str]] = {}
    for quote in iter_quotes(package):
        texts.setdefault(quote.document, []).append(quote.text)
    return {document: "\n".join(lines) for document, lines in texts.items()}


def _found(quote: str, text: str) -> str | None:
    """The code of the problem ``quote`` has against ``text``, if any (one clause of the national layer)."""
    national = load_layer(NATIONAL)
    clause = next(c for c in national.clauses if c.id == CLAUSE)
    package = national.__class__(layer=national.layer, clauses=(clause.model_copy(update={"quote": quote}),))
    problems = list(iter_quote_problems(package, {DOCUMENT: text}))
    return problems[0].code if problems else None


def test_a_wrapped_line_may_be_joined_and_white_space_is_otherwise_no_matter() -> None:
    """「8月 10」 / 「日前」 in the text: 「8月 10日前」 is the text as written, with its line joined."""
    text = "集中规范标识牌，8月 10\n日前完成。"
    assert _found("8月 10日前完成。", text) is None
    assert _found("8月 10\n日前", text) is None
    assert joined("8月 10 \n  日前") == "8月 10日前"


def test_a_space_within_a_line_is_never_dropped_nor_added() -> None:
    """The space of 「8月 10」 is the text's: 「8月10日前」 is found only when spaces are ignored."""
    text = "集中规范标识牌，8月 10\n日前完成。"
    assert _found("8月10日前", text) == "quote-spacing"
    assert _found("规范 标识牌", text) == "quote-spacing"
    assert bare("8月 10\n日前") == "8月10日前"


def test_a_quote_the_text_does_not_hold_is_not_found() -> None:
    assert _found("集中整治标识牌", "集中规范标识牌，8月 10\n日前完成。") == "quote-not-found"


def test_every_quote_is_found_in_a_text_made_of_the_quotes() -> None:
    """The law the check rests on: a package's quotes are in a text made of them."""
    national = load_layer(NATIONAL)
    report = check_quotes(national, _own_texts(national))
    assert report.quotes == len(list(iter_quotes(national))) > 20
    assert report.problems == []
    assert report.exit_code() == 0


def test_a_clause_is_judged_once_at_its_row_naming_the_items_that_cite_it(national_copy: Path) -> None:
    texts = _own_texts(load_layer(NATIONAL))
    edit(national_copy / "clauses.csv", "村级组织工作事务包括", "村级组织工作事务包含")
    package = load_layer(national_copy)
    (problem,) = iter_quote_problems(package, texts)
    citing = [
        item.id
        for item in package.duties
        if any(c.quote and c.quote.startswith("村级组织工作事务包含") for c in item.citations)
    ]
    assert (problem.file, problem.line, problem.field, problem.code, problem.level) == (
        "clauses.csv",
        2,
        "quote",
        "quote-not-found",
        "fail",
    )
    assert problem.clause == CLAUSE
    assert list(problem.items) == citing
    assert len(citing) > 3
    assert problem.message_zh.startswith(f"引文不见于 {DOCUMENT} 的原文：「村级组织工作事务包含")
    assert problem.message_zh.endswith(f"（条款 {CLAUSE}，引用它的条目：{'、'.join(citing[:3])} 等 {len(citing)} 项）")


def test_a_quote_in_an_items_own_cell_is_judged_at_the_items_row(national_copy: Path) -> None:
    texts = _own_texts(load_layer(NATIONAL))
    edit(national_copy / "duties.csv", CLAUSE, f"{DOCUMENT}#二(一)1「村级组织工作事务包含宣传」")
    (problem,) = iter_quote_problems(load_layer(national_copy), texts)
    assert (problem.file, problem.line, problem.field) == ("duties.csv", 2, "citations[0].quote")
    assert problem.items == ("cn.duty.publicise-party-policy",)
    assert problem.clause is None
    assert problem.describe("en") == (
        "duties.csv, line 2, field citations[0].quote: the quote is not in the text of "
        f"{DOCUMENT}: 「村级组织工作事务包含宣传」 (item cn.duty.publicise-party-policy)"
    )


def test_a_quoted_document_without_text_is_one_warning_counting_its_quotes() -> None:
    national = load_layer(NATIONAL)
    report = check_quotes(national, {})
    quoted = {q.document for q in iter_quotes(national)}
    assert [(p.code, p.level) for p in report.problems] == [("quote-no-text", "warn")] * len(quoted)
    assert report.unchecked == report.quotes
    assert report.exit_code() == 0
    assert report.exit_code(strict=True) == 1
    first = report.problems[0]
    assert first.message_en == (
        f"no text of {first.document} at hand: {report.quotes} quotes not checked (give it with --texts or --text)"
    )


def test_source_texts_take_the_kept_lines_the_tables_entries_and_the_given_files(tmp_path: Path) -> None:
    (tmp_path / "page.txt").write_text("报纸标题\n正文第一句。\n  正文第二句。\n其他新闻。\n", encoding="utf-8")
    (tmp_path / "list.md").write_text(
        "## 清单\n\n| no. | name |\n|---|---|\n| 1 | 甲证明 |\n| 2 | 乙证明 |\n", encoding="utf-8"
    )
    (tmp_path / "plan.txt").write_text("方案全文", encoding="utf-8")
    (tmp_path / "sources.yml").write_text(
        "- document: a.document.page\n  source: page.txt\n  keep: [[正文第一句, 正文第二句]]\n"
        "- document: a.document.list\n  source: list.md\n  table: 清单\n"
        "- document: a.document.plan\n  source: page.txt\n",
        encoding="utf-8",
    )
    texts = source_texts(tmp_path / "sources.yml", files={"a.document.plan": tmp_path / "plan.txt"})
    assert texts == {
        "a.document.page": "正文第一句。\n正文第二句。",
        "a.document.list": "甲证明\n乙证明",
        "a.document.plan": "方案全文",
    }


def test_a_text_that_is_not_utf8_is_unreadable_naming_the_file(tmp_path: Path) -> None:
    (tmp_path / "plan.txt").write_bytes("方案".encode("gb18030"))
    with pytest.raises(PackageReadError) as caught:
        source_texts(files={"a.document.plan": tmp_path / "plan.txt"})
    assert caught.value.exit_code == 2
    assert caught.value.describe("zh") == f"{tmp_path / 'plan.txt'}：不是 UTF-8 编码的文本（not UTF-8 text）"


def test_the_approval_routes_quote_is_judged_in_the_descriptor(tmp_path: Path) -> None:
    ninghe = REPO / "data" / "provinces" / "120000-tianjin" / "120117-ninghe"
    texts = _own_texts(load_layer(ninghe))
    shutil.copytree(ninghe, tmp_path / "ninghe")
    edit(tmp_path / "ninghe" / "datapackage.json", "会同区委组织部、区委农办进行初审", "会同区委组织部进行初审")
    (problem,) = iter_quote_problems(load_layer(tmp_path / "ninghe"), texts)
    assert (problem.file, problem.line, problem.row, problem.field) == (
        "datapackage.json",
        None,
        None,
        "layer.admission.citations[0].quote",
    )
    assert problem.items == ()
    assert problem.message_zh.endswith("…」（本层的准入审批程序）")
