"""A 汇总 sheet beside the ledger's own sheets, headed with the ledger's titles: it was read as more of the ledger.

A township's workbook keeps its entries on 证明 and 设施 (or on one sheet per village) and a 汇总 sheet copying them
all. Read as a ledger too, each entry was judged twice: 和平村's 设施 was refused as 已在前面一行记过 (pointing at the
汇总 row), and in a workbook of one sheet per village the 汇总 rows without 村名 were a village named 汇总, judged
不符合 beside 和平村. A clerk expects each entry checked once: a summary row that repeats a row of the other sheets
is checked there, and the sheet is named with how many of its rows were so; a summary row found nowhere else is a
problem (which sheet is right?), never dropped in silence. A workbook whose only ledger sheet is named 汇总 is read
as the ledger (``test_clerk_ledger_columns``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest

from conftest import invoke, libreoffice
from test_libreoffice import _save_with_calc

if TYPE_CHECKING:
    from pathlib import Path

openpyxl = pytest.importorskip("openpyxl")

SUMMARY_HEADER: list[Any] = ["村名", "类别", "名称", "建筑面积", "户数", "活动区域面积"]
SUMMARY: list[list[Any]] = [
    ["和平村", "证明", "健在证明", None, None, None],
    ["和平村", "证明", "居住证明", None, None, None],
    ["和平村", "设施", None, 300, 500, 200],
]


def _ledger(path: Path, summary: list[list[Any]] | None, *, title: str = "汇总") -> Path:
    """证明 and 设施 sheets of 和平村, and (if given) a summary sheet of their rows under the ledger's titles."""
    book = openpyxl.Workbook()
    book.active.title = "证明"
    for row in (["村名", "名称"], ["和平村", "健在证明"], ["和平村", "居住证明"]):
        book.active.append(row)
    facility = book.create_sheet("设施")
    facility.append(["村名", "建筑面积", "户数", "活动区域面积"])
    facility.append(["和平村", 300, 500, 200])
    if summary is not None:
        sheet = book.create_sheet(title)
        for row in (SUMMARY_HEADER, *summary):
            sheet.append(row)
    book.save(path)
    return path


@pytest.mark.parametrize("title", ["汇总", "统计表"])
def test_a_summary_repeating_the_ledger_is_checked_once_and_named(tmp_path: Path, title: str) -> None:
    alone = invoke("audit", str(_ledger(tmp_path / "alone.xlsx", None)), "-j", "120117")
    assert alone.code == 1, alone.err  # 健在证明 不应出具
    path = _ledger(tmp_path / "台账.xlsx", SUMMARY, title=title)
    result = invoke("audit", str(path), "-j", "120117")
    assert (result.code, result.out) == (alone.code, alone.out), result.err
    said = (
        f"villagecat: 注意：{path}，工作表“{title}”：按工作表的名称，这是汇总表，其 3 行与其他工作表中的记录相同，"
        "不重复核查（每项按其所在的工作表核查一次）\n"
    )
    assert result.err == said, result.err
    english = invoke("audit", str(path), "-j", "120117", "--lang", "en")
    assert "its 3 rows are the same as the other sheets' rows and are not checked twice" in english.err, english.err
    facility = invoke("check", "facility", "--file", str(path), "-j", "120117")
    assert facility.code == 0, facility.err  # its 设施 row was refused as 已在前面一行记过
    assert "已在前面一行记过" not in facility.err
    assert f"工作表“{title}”：按工作表的名称，这是汇总表，其 3 行" in facility.err, facility.err


def test_a_summary_without_village_names_is_no_village_named_summary(tmp_path: Path) -> None:
    """One sheet per village and a 汇总 of their rows without 村名: its rows were a village named 汇总."""
    book = openpyxl.Workbook()
    book.active.title = "和平村"
    for row in (["类别", "名称"], ["证明", "健在证明"]):
        book.active.append(row)
    summary = book.create_sheet("汇总")
    for row in (["类别", "名称"], ["证明", "健在证明"]):
        summary.append(row)
    book.save(tmp_path / "台账.xlsx")
    result = invoke("audit", str(tmp_path / "台账.xlsx"), "-j", "120117")
    assert result.code == 1
    assert "汇总" not in result.out, result.out
    assert "不符合 1 项" in result.out, result.out
    assert "工作表“汇总”：按工作表的名称，这是汇总表，其 1 行与其他工作表中的记录相同" in result.err, result.err


def test_a_summary_row_found_in_no_other_sheet_is_a_problem_naming_it(tmp_path: Path) -> None:
    """Which is right, the 汇总 or the sheet it sums? Neither is guessed: the rows are named, nothing is judged."""
    rows = [
        *SUMMARY,
        ["和平村", "证明", "亲属关系证明", None, None, None],
        ["东村", "证明", "居住证明", None, None, None],
    ]
    path = _ledger(tmp_path / "台账.xlsx", rows)
    result = invoke("audit", str(path), "-j", "120117")
    assert result.code == 1
    assert result.out == ""
    said = (
        f"villagecat: {path}，工作表“汇总”：按工作表的名称，这是汇总表，而其中第 5、6 行在其他工作表中没有相同的记录："
        "汇总表与台账不一致，无法确定以哪张为准；请把这些记录补进相应的工作表（或从汇总表中删去），"
        "或把汇总表移出本文件\n"
    )
    assert result.err == said, result.err


def test_a_summary_saved_by_libreoffice_is_checked_once(tmp_path: Path) -> None:
    soffice = libreoffice()
    _ledger(tmp_path / "台账.xlsx", SUMMARY)
    _save_with_calc(soffice, [tmp_path / "台账.xlsx"], tmp_path / "saved")
    path = tmp_path / "saved" / "台账.xlsx"
    result = invoke("audit", str(path), "-j", "120117")
    assert result.code == 1, result.err
    assert "不符合 1 项" in result.out, result.out
    assert "工作表“汇总”：按工作表的名称，这是汇总表，其 3 行与其他工作表中的记录相同" in result.err, result.err


def test_a_totals_row_of_a_summary_beside_the_ledger_is_named_not_refused(tmp_path: Path) -> None:
    """A 汇总 ends in 合计 as summaries do: beside the ledger it is named as not read, never a reason to check nothing.

    Alone (the 汇总 is the ledger), its 合计 row is refused as any ledger's is.
    """
    path = _ledger(tmp_path / "台账.xlsx", [*SUMMARY, ["合计", None, "3项", 300, 500, 200]])
    result = invoke("audit", str(path), "-j", "120117")
    assert result.code == 1, result.err
    assert "不符合 1 项" in result.out, result.out
    assert result.err == (
        f"villagecat: 注意：{path}，工作表“汇总”：按工作表的名称，这是汇总表，其 3 行与其他工作表中的记录相同，"
        "不重复核查（每项按其所在的工作表核查一次）；第 5 行是合计行，未读\n"
    ), result.err
    english = invoke("audit", str(path), "-j", "120117", "--lang", "en")
    assert "(each entry is checked once, from its own sheet); row 5 is a totals row, not read" in english.err
    book = openpyxl.Workbook()
    book.active.title = "汇总"
    for row in (["村名", "类别", "名称"], ["和平村", "证明", "健在证明"], ["合计", None, "1项"]):
        book.active.append(row)
    book.save(tmp_path / "alone.xlsx")
    alone = invoke("audit", str(tmp_path / "alone.xlsx"), "-j", "120117")
    assert alone.code == 1
    assert "第 3 行，字段 村名：这一行是合计行（“合计”）" in alone.err, alone.err
