"""Quotes against their documents' texts: the two rules, where a problem is, and reading the texts."""

from __future__ import annotations

import shutil
from typing import TYPE_CHECKING

import pytest

from conftest import NATIONAL, REPO, edit
from villagecat.coverage import source_texts
from villagecat.errors import PackageReadError, UnknownItemError
from villagecat.package import load_layer
from villagecat.quotes import (
    Difference,
    bare,
    check_quotes,
    iter_quote_problems,
    iter_quotes,
    joined,
    require_cited,
    where_differs,
)

if TYPE_CHECKING:
    from pathlib import Path

    from villagecat.package import LayerPackage
    from villagecat.quotes import QuoteProblem

#: The first national clause, and the duty whose row is the first to cite it.
CLAUSE = "cn.clause.tingzi-2022-28-2-1-1"
DOCUMENT = "cn.document.tingzi-2022-28"


def _own_texts(package: LayerPackage) -> dict[str, str]:
    """A text for each quoted document that holds exactly the package's quotes, one a line."""
    texts: dict[str, list[str]] = {}
    for quote in iter_quotes(package):
        texts.setdefault(quote.document, []).append(quote.text)
    return {document: "\n".join(lines) for document, lines in texts.items()}


def _judged(quote: str, text: str, section: str | None = None) -> list[QuoteProblem]:
    """The problems ``quote`` (cited to ``section``, if given) has against ``text`` (a national clause)."""
    national = load_layer(NATIONAL)
    clause = next(c for c in national.clauses if c.id == CLAUSE)
    update = {"quote": quote} if section is None else {"quote": quote, "section": section}
    package = national.__class__(layer=national.layer, clauses=(clause.model_copy(update=update),))
    return list(iter_quote_problems(package, {DOCUMENT: text}))


def _found(quote: str, text: str, section: str | None = None) -> str | None:
    """The code of the problem ``quote`` has against ``text``, if any (one clause of the national layer)."""
    problems = _judged(quote, text, section)
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


#: A text numbered as the sources number it: 二、 then （一）, then 1.; its lines wrapped.
NUMBERED = (
    "二、实施步骤\n（一）开展摸排自查（8月 10日前）\n各乡镇指导自查，8月 10\n日前区民政局汇总。\n"
    "（二）集中清理整治\n1.集中规范标识牌。对照台账\n分类清理。\n2.清理证明事项。\n"
    "三、组织保障\n（一）加强组织领导\n要加强领导。\n"
)


def test_a_quote_is_in_the_section_it_cites_or_a_section_below_it() -> None:
    """The section is part of the citation: 二(二)1 holds 「对照台账分类清理。」, and so do 二(二) and 二."""
    for section in ("二(二)1", "二(二)", "二"):
        assert _found("对照台账分类清理。", NUMBERED, section) is None, section
    assert _found("（一）开展摸排自查（8月 10日前）", NUMBERED, "二(一)") is None  # its heading is its own


def test_a_quote_cited_to_another_section_is_refused_naming_where_the_text_has_it() -> None:
    (problem,) = _judged("对照台账分类清理。", NUMBERED, "三(一)")
    assert (problem.code, problem.level, problem.field) == ("quote-wrong-section", "fail", "section")
    assert problem.message_zh == (
        f"引文见于 {DOCUMENT} 原文的 二(二)1，不在所引的 三(一)：「对照台账分类清理。」（条款 {CLAUSE}，没有条目引用）"
    )
    (problem,) = _judged("对照台账分类清理。", NUMBERED, "二(一)")  # a sibling
    assert problem.code == "quote-wrong-section"
    assert _found("对照台账分类清理。", NUMBERED, "二(二)2") == "quote-wrong-section"


def test_a_quote_cited_to_a_section_the_text_has_not_is_refused() -> None:
    (problem,) = _judged("对照台账分类清理。", NUMBERED, "二(二)9")
    assert problem.code == "quote-wrong-section"
    assert problem.message_zh.startswith(f"{DOCUMENT} 的原文没有 二(二)9 这一节，引文见于其 二(二)1：")


def test_a_section_is_not_judged_where_the_text_is_not_numbered_so() -> None:
    """A page of a newspaper (第4版), a text numbered 1. 一是…, or one without the heading 三、: nothing to judge by."""
    assert _found("对照台账分类清理。", NUMBERED, "第4版") is None
    assert _found("一是不得摊派。", "1. 一是不得摊派。\n2. 二是不得考核。", "一") is None
    assert _found("对照台账分类清理。", "集中规范标识牌。对照台账分类清理。", "三(一)") is None
    assert _found("对照台账分类清理。", NUMBERED, "四(一)") is None


def test_a_section_numbered_with_full_width_digits_or_written_otherwise_is_the_same_section() -> None:
    """１． as an IME types it, 二（二）１ as a clerk cites it, 四（一十三） for 四(十三): one section, not refused."""
    full_width = NUMBERED.replace("1.集中", "１．集中")
    assert _found("对照台账分类清理。", full_width, "二(二)1") is None
    assert _found("对照台账分类清理。", NUMBERED, "二（二）１") is None
    assert _found("对照台账分类清理。", NUMBERED, "二(二)01") is None
    thirteen = (
        "".join(f"（{n}）第{i}项。\n" for i, n in enumerate("一二三四五六七八九", 1))
        + "（十）甲。\n（十一）乙。\n（十二）丙。\n"
        + "（十三）丁。\n"
    )
    text = "四、任务\n" + thirteen
    for section in ("四(十三)", "四（十三）", "四（一十三）"):
        assert _found("丁。", text, section) is None, section
    assert _found("丁。", text, "四(十二)") == "quote-wrong-section"
    assert _found("丁。", text, "四（一十二）") == "quote-wrong-section"


def test_a_documents_sections_are_read_once_however_many_quotes_cite_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each quote's section was judged by reading the whole text's sections again: quotes times text, unbounded."""
    import villagecat.quotes as quotes_module  # noqa: PLC0415
    from villagecat.coverage import split_statements as split  # noqa: PLC0415

    reads: list[int] = []

    def counted(lines: list[str]) -> list[tuple[str, str]]:
        reads.append(len(lines))
        return split(lines)

    monkeypatch.setattr(quotes_module, "split_statements", counted)
    lines = ["二、任务"]
    for n, numeral in enumerate("一二三四五六七八九", 1):
        lines += [f"（{numeral}）第{n}部分", *(f"{j}.第{n}部分第{j}条，编号{n}-{j}。" for j in range(1, 30))]
    text = "\n".join(lines)
    national = load_layer(NATIONAL)
    clause = next(c for c in national.clauses if c.id == CLAUSE)
    clauses = tuple(
        clause.model_copy(update={"id": f"{CLAUSE}-{n}-{j}", "quote": f"第{n}部分第{j}条，", "section": section})
        for n in range(1, 10)
        for j in range(1, 30)
        for section in [f"二({'一二三四五六七八九'[n - 1]}){j}" if j % 2 else "二(一)1"]
    )
    package = national.__class__(layer=national.layer, clauses=clauses)
    problems = list(iter_quote_problems(package, {DOCUMENT: text}))
    assert len(problems) == sum(1 for n in range(1, 10) for j in range(1, 30) if not j % 2 and (n, j) != (1, 1))
    assert {p.code for p in problems} == {"quote-wrong-section"}
    assert len(reads) <= 1


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
    clause = next(c for c in package.clauses if c.id == CLAUSE)
    assert (
        problem.message_zh
        == (
            f"引文不见于 {DOCUMENT} 的原文：「{clause.quote}」"  # whole: it is the clerk's evidence
            f"（条款 {CLAUSE}，引用它的条目：{'、'.join(citing[:3])} 等 {len(citing)} 项）；"
            "从“含宣传贯彻执行党的理…”起与原文不同，原文此处为“括宣传贯彻执行党的理…”"
        )
    )
    assert problem.quote == clause.quote
    assert problem.difference == Difference(9, "含宣传贯彻执行党的理…", "括宣传贯彻执行党的理…")


def test_a_quote_in_an_items_own_cell_is_judged_at_the_items_row(national_copy: Path) -> None:
    texts = _own_texts(load_layer(NATIONAL))
    edit(national_copy / "duties.csv", CLAUSE, f"{DOCUMENT}#二(一)1「村级组织工作事务包含宣传」")
    (problem,) = iter_quote_problems(load_layer(national_copy), texts)
    assert (problem.file, problem.line, problem.field) == ("duties.csv", 2, "citations[0].quote")
    assert problem.items == ("cn.duty.publicise-party-policy",)
    assert problem.clause is None
    assert problem.describe("en") == (
        "duties.csv, line 2, field citations[0].quote: the quote is not in the text of "
        f"{DOCUMENT}: 「村级组织工作事务包含宣传」 (item cn.duty.publicise-party-policy);"
        " it parts from the text at “含宣传”, where the text has “括宣传贯彻执行党的理…”"
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
    assert caught.value.describe("zh") == f"{tmp_path / 'plan.txt'}：不是 UTF-8 编码的文本"
    assert str(caught.value) == f"{tmp_path / 'plan.txt'}：不是 UTF-8 编码的文本（not UTF-8 text）"


def test_the_approval_routes_quote_is_judged_in_the_descriptor(tmp_path: Path) -> None:
    ninghe = REPO / "data" / "provinces" / "120000-tianjin" / "120117-ninghe"
    texts = _own_texts(load_layer(ninghe))
    shutil.copytree(ninghe, tmp_path / "ninghe")
    # the quote's words, not the first step's (the same words, up to its comma)
    edit(tmp_path / "ninghe" / "datapackage.json", "区委农办进行初审，初审通过的", "进行初审，初审通过的")
    (problem,) = iter_quote_problems(load_layer(tmp_path / "ninghe"), texts)
    assert (problem.file, problem.line, problem.row, problem.field) == (
        "datapackage.json",
        None,
        None,
        "layer.admission.citations[0].quote",
    )
    assert problem.items == ()
    assert "」（本层的准入审批程序）；从“" in problem.message_zh
    assert "…」" not in problem.message_zh  # the quote whole, never cut


def test_where_a_quote_parts_from_its_text_is_after_its_longest_beginning_the_text_holds() -> None:
    """The quote's longest beginning in the text, white space aside; then the quote and the text from there."""
    text = "集中规范标识牌，8月 10\n日前完成。"
    assert where_differs("集中整治标识牌", text) == Difference(2, "整治标识牌", "规范标识牌，8月 10…")
    assert where_differs("8月 10日前完成了。", text) == Difference(9, "了。", "。")
    assert where_differs("日前完成。之后", text) == Difference(5, "之后", "")  # the text ends there
    assert where_differs("全面规范", text) == Difference(0, "全面规范", None)  # no beginning of it is in the text
    # The offset counts the quote as written (its spaces too); the context is as the text writes it.
    assert where_differs("集中 规范标 牌", text) == Difference(7, "牌", "识牌，8月 10日前完…")


def test_where_spaces_part_is_judged_as_the_text_writes_it() -> None:
    text = "集中规范标识牌，8月 10\n日前完成。"
    assert where_differs("8月10日前", text, spaces=True) == Difference(2, "10日前", " 10日前完成。")
    assert where_differs("规范 标识牌", text, spaces=True) == Difference(2, " 标识牌", "标识牌，8月 10日…")


def test_the_nearest_passage_is_the_one_whose_sequel_is_most_like_the_rest_of_the_quote() -> None:
    """村级组织 opens three sentences: the one going on as the quote does is the text shown."""
    text = "村级组织要减负。村级组织工作事务包括宣传。村级组织不得出具证明。"
    assert where_differs("村级组织工作事务包含宣传", text) == Difference(9, "含宣传", "括宣传。村级组织不得…")
    assert where_differs("村级组织不得出示证明", text) == Difference(7, "示证明", "具证明。")


def test_a_quote_that_parts_from_its_text_says_where_in_both_languages_and_in_json() -> None:
    (problem,) = _problems("集中整治标识牌", "集中规范标识牌，8月 10\n日前完成。")
    assert problem.message_zh.endswith("；从“整治标识牌”起与原文不同，原文此处为“规范标识牌，8月 10…”")
    assert problem.message_en.endswith(
        "; it parts from the text at “整治标识牌”, where the text has “规范标识牌，8月 10…”"
    )
    shown = problem.to_dict()
    assert (shown["quote"], shown["differs_at"], shown["differs"], shown["text_there"]) == (
        "集中整治标识牌",
        2,
        "整治标识牌",
        "规范标识牌，8月 10…",
    )
    (start,) = _problems("全面规范", "集中规范标识牌")
    assert start.message_zh.endswith("；开头“全面规范”即不见于原文")
    (spacing,) = _problems("8月10日前", "集中规范标识牌，8月 10\n日前完成。")
    assert spacing.message_zh.endswith("；从“10日前”起与原文的空格不同，原文此处为“ 10日前完成。”")


def test_a_text_given_for_a_document_no_package_cites_is_refused_naming_those_they_cite(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A mistyped id (workplan for work-plan) checked nothing and said only that the text was missing."""
    monkeypatch.setattr("villagecat.quotes._LISTED", 2)
    national = load_layer(NATIONAL)
    require_cited([national], [DOCUMENT, "cn.document.minfa-2020-20-annex"])  # cited, or held: no complaint
    with pytest.raises(UnknownItemError) as caught:
        require_cited([national], ["cn.document.tingzi-2022-82"])
    assert caught.value.exit_code == 2
    assert caught.value.message_zh.startswith(
        "给出了 cn.document.tingzi-2022-82 的原文，但所查的数据包均未引用或收录该文件，请核对文件标识；"
        f"数据包引用的文件有（最接近的在前）：{DOCUMENT}、"
    )
    cited = len({c.document for c in national.clauses} | {d.id for d in national.documents})
    assert caught.value.message_zh.endswith(f" 等 {cited} 份")  # the rest counted, not listed


def test_a_document_without_text_names_an_unused_text_whose_id_reads_like_its_own() -> None:
    national = load_layer(NATIONAL)
    report = check_quotes(national, {}, spare=["cn.document.tingzi-2022-82", "330106.document.work-plan"])
    first = next(p for p in report.problems if p.document == DOCUMENT)
    assert first.misspelt == "cn.document.tingzi-2022-82"
    assert first.message_zh.endswith(
        "；清单中有 cn.document.tingzi-2022-82 的原文，但没有数据包引用 cn.document.tingzi-2022-82："
        "是否即此文件、文件标识写错了？"
    )
    assert all(p.misspelt is None for p in report.problems if p.document != DOCUMENT)


def _problems(quote: str, text: str) -> list[QuoteProblem]:
    """The problems of one national clause quoting ``quote`` against ``text``."""
    national = load_layer(NATIONAL)
    clause = next(c for c in national.clauses if c.id == CLAUSE)
    package = national.__class__(layer=national.layer, clauses=(clause.model_copy(update={"quote": quote}),))
    return list(iter_quote_problems(package, {DOCUMENT: text}))
