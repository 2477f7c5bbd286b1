"""A shipped layer exported, edited as a clerk edits it, and imported back: nothing typed is lost without a word."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest

from conftest import NINGHE, exported, invoke, ninghe_workbook
from villagecat.package import load_layer

if TYPE_CHECKING:
    from pathlib import Path

openpyxl = pytest.importorskip("openpyxl")


def _column(sheet: Any, title: str) -> int:
    return int(next(c.column for c in sheet[1] if c.value == title))


@pytest.mark.parametrize("typed", ["|", "| |", " | \n| "])
def test_a_list_cell_of_bars_alone_is_refused_naming_sheet_row_and_column(tmp_path: Path, typed: str) -> None:
    """责任主体 typed as ``|`` emptied the field, as a blank cell does, without a word: what was typed was not read."""
    folder, path, book = ninghe_workbook(tmp_path)
    milestones = book["时间节点"]
    bound = _column(milestones, "责任主体")
    milestones.cell(2, bound).value = typed
    book.save(path)
    before = (folder / "milestones.csv").read_bytes()
    result = invoke("import", str(path), "-o", str(folder))
    assert result.code == 1, result.out + result.err
    assert "时间节点" in result.out
    letter = openpyxl.utils.get_column_letter(bound)
    assert f"第 2 行 字段 {letter}（责任主体）：" in result.out, result.out
    assert "没有任何一项" in result.out, result.out
    assert (folder / "milestones.csv").read_bytes() == before  # nothing written


@pytest.mark.parametrize(
    ("section", "said"), [("五(九)", "没有原文"), ("三(一)2", "有 3 段原文")], ids=["unquoted", "quoted-thrice"]
)
def test_a_citation_typed_without_its_quote_is_read_without_one_and_the_quote_asked_for(
    tmp_path: Path, section: str, said: str
) -> None:
    """出处 typed 文件标识#条款 (as the form's 填写说明 shows) for a section the 条款 sheet does not quote, or
    quotes three times, added a clause with no text, silently. No text is invented: the clerk is asked for it."""
    folder, path, book = ninghe_workbook(tmp_path)
    milestones = book["时间节点"]
    cited = _column(milestones, "出处")
    milestones.cell(2, cited).value = f"120117.document.work-plan#{section}"
    book.save(path)
    result = invoke("import", str(path), "-o", str(folder))
    assert result.code == 0, result.out + result.err
    letter = openpyxl.utils.get_column_letter(cited)
    (notice,) = [line for line in result.err.splitlines() if "原文" in line]
    assert notice.startswith("villagecat: 注意：时间节点："), notice
    assert f"第 2 行 字段 {letter}（出处）的出处 120117.document.work-plan#{section} 没有原文" in notice, notice
    assert said in notice
    assert f"120117.document.work-plan#{section}「" in notice  # how to give the quote
    assert [c.quote for c in load_layer(folder).milestones[0].citations] == [None]  # never invented
    again = tmp_path / "again.xlsx"  # exported again, the sheet lists it without a quote: said once, not every time
    exported(folder, again)
    assert "原文" not in invoke("import", str(again), "-o", str(folder)).err


def test_a_citation_of_a_section_the_clause_sheet_quotes_once_takes_its_quote(tmp_path: Path) -> None:
    """The refusal is only where no one quote is known: a section the 条款 sheet quotes once is that quote."""
    folder, path, book = ninghe_workbook(tmp_path)
    rows = [[c.value for c in row] for row in book["条款"].iter_rows(min_row=2)]
    sections = [(r[1], r[2]) for r in rows]
    document, section, quote = next(r[1:4] for r in rows if r[3] and r[2] and sections.count((r[1], r[2])) == 1)
    duties = book["工作事务"]
    duties.cell(2, _column(duties, "出处")).value = f"{document}#{section}"
    book.save(path)
    result = invoke("import", str(path), "-o", str(folder))
    assert result.code == 0, result.out + result.err
    assert [c.quote for c in load_layer(folder).duties[0].citations] == [quote]


def test_a_duplicate_id_names_both_rows(tmp_path: Path) -> None:
    folder, path, book = ninghe_workbook(tmp_path)
    milestones = book["时间节点"]
    ids = _column(milestones, "标识")
    first = milestones.cell(2, ids).value
    milestones.cell(4, ids).value = first
    book.save(path)
    result = invoke("import", str(path), "-o", str(folder))
    assert result.code == 1, result.out + result.err
    letter = openpyxl.utils.get_column_letter(ids)
    line = next(line for line in result.out.splitlines() if "重复" in line)
    assert f"第 4 行 字段 {letter}（标识）" in line, result.out
    assert "第 2 行" in line, line
    assert first in line


def test_a_deleted_row_takes_the_clauses_only_it_cited_with_a_notice(tmp_path: Path) -> None:
    """The 条款 sheet still lists the clauses of a row deleted: they stayed in clauses.csv, cited by nothing."""
    folder, path, book = ninghe_workbook(tmp_path)
    package = load_layer(folder)
    gone = package.milestones[0]
    others = {c for _, item in package.iter_items() if item is not gone for c in getattr(item, "citations", ()) or ()}
    only = [c for c in package.clauses if c.citation() in gone.citations and c.citation() not in others]
    assert only  # the shipped data has such clauses: the test would pass vacuously otherwise
    book["时间节点"].delete_rows(2)
    book.save(path)
    result = invoke("import", str(path), "-o", str(folder))
    assert result.code == 0, result.out + result.err
    after = load_layer(folder)
    assert gone.id not in {m.id for m in after.milestones}
    assert {c.id for c in after.clauses} == {c.id for c in package.clauses} - {c.id for c in only}
    for clause in only:
        assert clause.id in result.err, result.err
    assert "条款" in result.err
    assert gone.id in result.err
    assert invoke("validate", str(folder)).code == 0


def test_a_clause_edited_on_its_sheet_is_kept_when_its_item_is_deleted(tmp_path: Path) -> None:
    """Only the clause as exported is dropped with its item: a quote the clerk retyped is theirs, and kept."""
    folder, path, book = ninghe_workbook(tmp_path)
    package = load_layer(folder)
    gone = package.milestones[0]
    cited = {c.id for c in package.clauses if c.citation() in gone.citations}
    clauses = book["条款"]
    row = next(r for r in clauses.iter_rows(min_row=2) if r[0].value in cited)
    row[3].value = str(row[3].value) + "（核对）"
    kept = row[0].value
    book["时间节点"].delete_rows(2)
    book.save(path)
    result = invoke("import", str(path), "-o", str(folder))
    assert result.code == 0, result.out + result.err
    assert kept in {c.id for c in load_layer(folder).clauses}


def _info(book: Any, label: str) -> Any:
    return next(row for row in book["层信息"].iter_rows() if row[0].value == label)


def test_a_release_record_typed_by_hand_with_the_version_raised_is_refused_on_its_row(tmp_path: Path) -> None:
    """A 发布记录 typed after the last, 版本 raised to match, was written as a release villagecat release never made:
    no check of the layer's could tell it, the record and the version agreeing. The workbook knows the last release
    it was exported with (a document property that a save in Excel, WPS or LibreOffice keeps)."""
    folder, path, book = ninghe_workbook(tmp_path)
    last = str(_info(book, "版本")[1].value)
    sheet = book["层信息"]
    end = max(row[0].row for row in sheet.iter_rows() if str(row[0].value or "").startswith("发布记录"))
    number = sum(1 for row in sheet.iter_rows() if str(row[0].value or "").endswith("· 版本")) + 1
    raised = f"{int(last.split('.', maxsplit=1)[0]) + 1}.0.0"
    sheet.insert_rows(end + 1, 3)
    for offset, (part, key, value) in enumerate(
        [("版本", "version", raised), ("日期", "date", "2027-01-01"), ("说明", "notes", "手填的发布")]
    ):
        row = sheet[end + 1 + offset]
        row[0].value, row[1].value, row[2].value = f"发布记录 {number} · {part}", value, f"releases.{number}.{key}"
    _info(book, "版本")[1].value = raised
    book.save(path)
    before = (folder / "datapackage.json").read_bytes()
    result = invoke("import", str(path), "-o", str(folder))
    assert result.code == 1, result.out + result.err
    line = next(line for line in result.out.splitlines() if "发布记录" in line)
    assert f"第 {end + 1} 行 字段 B（发布记录 {number} · 版本）" in line, result.out
    assert raised in line
    assert last in line  # the version to put back
    assert "villagecat release" in line
    assert (folder / "datapackage.json").read_bytes() == before


def test_a_release_made_after_the_export_is_read_from_a_workbook_exported_again(tmp_path: Path) -> None:
    """The refusal is of records typed by hand alone: a workbook exported after a release imports as it was."""
    folder, path, _ = ninghe_workbook(tmp_path)
    book = openpyxl.load_workbook(path)
    duties = book["工作事务"]
    duties.cell(2, _column(duties, "备注")).value = "改过的备注"
    book.save(path)
    assert invoke("import", str(path), "-o", str(folder)).code == 0
    assert invoke("release", str(folder), "--against", str(NINGHE), "--notes", "改备注。Notes.").code == 0
    again = tmp_path / "again.xlsx"
    exported(folder, again)
    result = invoke("import", str(again), "-o", str(folder))
    assert result.code == 0, result.out + result.err
