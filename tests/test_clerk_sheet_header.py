"""A catalog sheet's row 1 as a clerk leaves it: deleted, emptied or retyped, each one mistake told once, in Chinese."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest

from conftest import NINGHE, invoke, ninghe_workbook
from villagecat.package import load_layer

if TYPE_CHECKING:
    from pathlib import Path

openpyxl = pytest.importorskip("openpyxl")


def _told(out: str, sheet: str) -> list[str]:
    """The lines told under ``sheet`` in an import's report."""
    told: list[str] = []
    for line in out.splitlines()[out.splitlines().index(f"  {sheet}") + 1 :]:
        if not line.startswith("    "):
            break
        told.append(line.strip())
    return told


@pytest.mark.parametrize("edit", ["deleted", "emptied"])
def test_a_sheet_without_its_header_row_is_one_problem_saying_what_row_1_must_hold(tmp_path: Path, edit: str) -> None:
    """Row 1 deleted (the first item's cells read as titles) was one 未知的列 a cell, each with every column listed;
    row 1 emptied was one 缺少列 a column: 9 and 16 lines for one mistake, none saying the header was gone."""
    folder, path, book = ninghe_workbook(tmp_path)
    duties = book["工作事务"]
    titles = [c.value for c in duties[1]]
    if edit == "deleted":
        duties.delete_rows(1)
    else:
        for cell in duties[1]:
            cell.value = None
    book.save(path)
    before = (folder / "duties.csv").read_bytes()
    result = invoke("import", str(path), "-o", str(folder))
    assert result.code == 1, result.out + result.err
    assert result.out.splitlines()[0].endswith("发现 1 个问题"), result.out
    (line,) = _told(result.out, "工作事务")
    assert line.startswith("第 1 行："), line
    assert "工作表“工作事务”的第 1 行应为列名" in line, line
    assert "、".join(titles) in line, line  # what row 1 must hold, in the form's order
    assert "未知的列" not in result.out
    assert "缺少列" not in result.out
    assert (folder / "duties.csv").read_bytes() == before  # nothing written


def test_column_titles_retyped_are_told_as_the_columns_they_likely_are(tmp_path: Path) -> None:
    """名字 for 名称 and 适用 for 适用范围 were two 未知的列 and two 缺少列, none naming the column meant."""
    folder, path, book = ninghe_workbook(tmp_path)
    duties = book["工作事务"]
    letters = {}
    for cell in duties[1]:
        if cell.value in ("名称", "适用范围"):
            letters[cell.value] = cell.column_letter
            cell.value = {"名称": "名字", "适用范围": "适用"}[cell.value]
    book.save(path)
    result = invoke("import", str(path), "-o", str(folder))
    assert result.code == 1, result.out + result.err
    assert _told(result.out, "工作事务") == [
        (
            f"第 1 行 字段 {letters['名称']}：列名“名字”不是本表的列名，而本表缺少列“名称”：像是改了列名；"
            "请把列名改回“名称”（列名不能修改）"
        ),
        (
            f"第 1 行 字段 {letters['适用范围']}：列名“适用”不是本表的列名，而本表缺少列“适用范围”：像是改了列名；"
            "请把列名改回“适用范围”（列名不能修改）"
        ),
    ]


def test_an_unknown_column_beside_the_one_it_likely_is_names_it(tmp_path: Path) -> None:
    """字体颜色 added beside 字色: 未知的列 with every title listed, not the one it is like."""
    folder, path, book = ninghe_workbook(tmp_path)
    signs = book["标牌标识"]
    column = signs.max_column + 1
    signs.cell(1, column).value = "字体颜色"
    signs.cell(2, column).value = "红色"
    book.save(path)
    result = invoke("import", str(path), "-o", str(folder))
    assert result.code == 1, result.out + result.err
    letter = openpyxl.utils.get_column_letter(column)
    assert _told(result.out, "标牌标识") == [
        f"第 1 行 字段 {letter}：未知的列“字体颜色”：是否应为“字色”？请改正列名或删去该列"
    ]


def _admission_cited(book: Any) -> Any:
    return next(row for row in book["层信息"].iter_rows() if row[0].value == "准入审批程序 · 出处")


def test_the_admission_route_s_citation_typed_without_its_quote_is_said_on_its_row(tmp_path: Path) -> None:
    """准入审批程序 · 出处 typed 文件标识#条款 was read without its words, silently, where an item's 出处 is said."""
    folder, path, book = ninghe_workbook(tmp_path)
    cited = _admission_cited(book)
    cited[1].value = "120117.document.work-plan#五(九)"
    book.save(path)
    result = invoke("import", str(path), "-o", str(folder))
    assert result.code == 0, result.out + result.err
    (notice,) = [line for line in result.err.splitlines() if "原文" in line]
    assert notice.startswith("villagecat: 注意：层信息："), notice
    said = f"第 {cited[0].row} 行 字段 B（准入审批程序 · 出处）的出处 120117.document.work-plan#五(九) 没有原文"
    assert said in notice, notice
    assert "120117.document.work-plan#五(九)「" in notice
    admission = load_layer(folder).layer.admission
    assert admission is not None
    assert [c.quote for c in admission.citations] == [None]  # never invented


def test_the_admission_route_s_citation_of_a_section_the_clause_sheet_quotes_once_takes_its_quote(
    tmp_path: Path,
) -> None:
    """As an item's 出处 does: the form's 填写说明 says a section quoted on the 条款 sheet may be cited without it."""
    folder, path, book = ninghe_workbook(tmp_path)
    cited = _admission_cited(book)
    quote = str(cited[1].value).partition("「")[2].removesuffix("」")
    cited[1].value = "120117.document.work-plan#五(二)"
    book["条款"].append([None, "120117.document.work-plan", "五（二）", quote])
    book.save(path)
    result = invoke("import", str(path), "-o", str(folder))
    assert result.code == 0, result.out + result.err
    assert "原文" not in result.err, result.err
    admission = load_layer(folder).layer.admission
    assert admission is not None
    assert [c.quote for c in admission.citations] == [quote]


def test_the_layer_sheet_renamed_is_one_problem_naming_both_names(tmp_path: Path) -> None:
    """层信息 renamed 基本信息 was 未知的工作表 and 缺少工作表“层信息”: two problems of one mistake."""
    folder, path, book = ninghe_workbook(tmp_path)
    book["层信息"].title = "基本信息"
    book.save(path)
    result = invoke("import", str(path), "-o", str(folder))
    assert result.code == 1, result.out + result.err
    assert result.out.splitlines()[1:] == [
        "  基本信息",
        "    工作表“基本信息”的列名与“层信息”表相同，像是改了表名；请把表名改回“层信息”（表名不能修改）",
    ]


@pytest.mark.parametrize(
    ("title", "typed", "number", "words"),
    [("最小建筑面积（平方米）", "200平方米", "200", "平方米"), ("村民活动区域最小占比（%）", "60%以上", "60", "%以上")],
    ids=["unit", "percent-and-words"],
)
def test_a_number_typed_with_its_unit_says_to_write_the_number_alone(
    tmp_path: Path, title: str, typed: str, number: str, words: str
) -> None:
    """200平方米 was told 应为数字, without a word of what to write: the unit is in the column's title already."""
    folder, path, book = ninghe_workbook(tmp_path)
    facilities = book["综合服务设施标准"]
    column = next(c for c in facilities[1] if c.value == title)
    facilities.cell(2, column.column).value = typed
    book.save(path)
    result = invoke("import", str(path), "-o", str(folder))
    assert result.code == 1, result.out + result.err
    assert _told(result.out, "综合服务设施标准") == [
        (
            f"第 2 行 字段 {column.column_letter}（{title}）：应为数字：请只填数字 {number}，“{words}”不写在这一格"
            f"（列名已写明单位和含义）（实际为“{typed}”）"
        )
    ]


def test_the_layer_sheet_without_its_header_row_reads_its_first_row(tmp_path: Path) -> None:
    """层信息 is read by its labels: row 1 deleted, its first row (标识) was skipped as the header, and the clerk told
    层标识：缺少必填字段 of a sheet that shows it."""
    folder, path, book = ninghe_workbook(tmp_path)
    book["层信息"].delete_rows(1)
    book.save(path)
    result = invoke("import", str(path), "-o", str(folder))
    assert result.code == 0, result.out + result.err
    assert load_layer(folder).layer == load_layer(NINGHE).layer


@pytest.mark.parametrize("typed", [2023.1, 2023.6])
def test_a_date_typed_as_a_number_is_one_problem_saying_why_it_is_not_read(tmp_path: Path, typed: float) -> None:
    """2023.10 typed in Calc or Excel is the number 2023.1: read as a date it would be January. Refused, as before,
    but the message showed only the form of a date, not why the cell shown 2023.1 (or 2023.6) is none."""
    folder, path, book = ninghe_workbook(tmp_path)
    milestones = book["时间节点"]
    column = next(c for c in milestones[1] if c.value == "截止日期")
    milestones.cell(2, column.column).value = typed
    book.save(path)
    result = invoke("import", str(path), "-o", str(folder))
    assert result.code == 1, result.out + result.err
    assert _told(result.out, "时间节点") == [
        (
            f"第 2 行 字段 {column.column_letter}（截止日期）：单元格是数字 {typed}，不是日期：表格把 2023.10 存作数字 "
            "2023.1，看不出是几月；请写成“年-月”的文字，如 2023-10，或用表格的日期格式"
        )
    ]
