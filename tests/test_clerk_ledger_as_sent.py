"""Ledgers as clerks send them, after the day's changes to summaries, merged titles and （%） columns.

A footer merged across the table (以下空白, 填表人：张三) or a note row merged across it was refused as a
column holding values under a merged title, or as an entry of category 以下空白. A township's 小计 row in
the 乡镇 column of a 汇总 was a row found nowhere else. A 统计 sheet of facility figures, without a 类别
column beside a sheet named 设施, was found nowhere else row by row. A merged title over a hidden column was
refused naming a column the clerk cannot see. 1 under 活动区域面积（%） was read as 1 %, where 0.6 is asked.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest

from conftest import invoke
from test_clerk_ledger_merged_title import _calc
from villagecat.checks import read_facility_file, read_ledger

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

openpyxl = pytest.importorskip("openpyxl")

Sheet = tuple[str, list[Any], list[str]]


def _book(path: Path, *sheets: Sheet, edit: Callable[[Any], None] | None = None) -> Path:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows, merged in sheets:
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(list(row))
        for cells in merged:
            sheet.merge_cells(cells)
        if edit is not None:
            edit(sheet)
    book.save(path)
    return path


LEDGER: list[list[object]] = [
    ["柳树村", "组织开展村级换届选举", None, "事项"],
    ["柳树村", "居民养犬证明", None, "证明"],
]
WIDE = ["村名", "名称", None, "类别"]


@pytest.mark.parametrize("saved_by", ["openpyxl", "calc"])
@pytest.mark.parametrize(
    ("rows", "merged", "said"),
    [
        ([WIDE, *LEDGER, ["以下空白"]], ["B1:C1", "A4:D4"], "第 4 行（“以下空白”）"),
        ([WIDE, *LEDGER, ["填表人：张三  审核人：李四"]], ["A4:D4"], "第 4 行（“填表人：张三  审核人：李四”）"),
        ([WIDE, LEDGER[0], ["注：以下为证明事项"], LEDGER[1]], ["B1:C1", "A3:D3"], "第 3 行（“注：以下为证明事项”）"),
    ],
)
def test_a_row_merged_across_the_table_is_a_note_named_not_an_entry(
    tmp_path: Path, saved_by: str, rows: list[list[object]], merged: list[str], said: str
) -> None:
    book = _book(tmp_path / "ledger.xlsx", ("台账", rows, merged))
    book = _calc(book) if saved_by == "calc" else book
    with pytest.warns(UserWarning, match="只有一个合并单元格") as caught:
        (village,) = read_ledger(book).villages
    assert (village.duties, village.certificates) == (["组织开展村级换届选举"], ["居民养犬证明"])
    assert any(said in str(w.message) for w in caught)
    result = invoke("audit", str(book), "-j", "120117")
    assert result.code == 1, result.err  # 居民养犬证明 may not be issued in 宁河区: checked, not refused
    assert "“居民养犬证明”" in result.out
    assert f"{said}只有一个合并单元格，是表格的说明或落款，不是一项记录，未读" in result.err
    assert "也填有内容" not in result.err
    english = invoke("audit", str(book), "-j", "120117", "--lang", "en")
    assert "holds one merged cell alone: a note or sign-off, not an entry, not read" in english.err


def test_a_vertical_merge_and_a_wide_name_merged_row_by_row_are_no_notes(tmp_path: Path) -> None:
    """名称 merged over B:C in a sheet of one title: a row merged over it is an entry, never a note."""
    book = _book(
        tmp_path / "ledger.xlsx", ("事项", [["名称", None], ["组织开展村级换届选举", None]], ["A1:B1", "A2:B2"])
    )
    assert read_ledger(book).villages[0].duties == ["组织开展村级换届选举"]


def test_a_township_subtotal_in_a_summary_is_a_totals_row(tmp_path: Path) -> None:
    header = ["乡镇", "村名", "名称", "类别"]
    summary = [
        ["甲镇", "柳树村", "组织开展村级换届选举", "事项"],
        ["小计", None, None, None],
        ["乙镇", "西村", "拆迁拆违", "事项"],
        ["合计", None, None, None],
    ]
    ledger = [["村名", "名称", "类别"], ["柳树村", "组织开展村级换届选举", "事项"], ["西村", "拆迁拆违", "事项"]]
    book = _calc(_book(tmp_path / "ledger.xlsx", ("台账", ledger, []), ("汇总", [header, *summary], [])))
    result = invoke("audit", str(book), "-j", "120117")
    assert "没有相同的记录" not in result.err
    assert "其 2 行与其他工作表中的记录相同" in result.err
    assert "第 3、5 行是合计行，未读" in result.err


def test_a_summary_without_categories_beside_sheets_named_by_them(tmp_path: Path) -> None:
    """统计 of facility figures (no 类别 column) beside the sheet 设施: its rows are the 设施 rows."""
    header = ["村名", "建筑面积（平方米）", "户数"]
    figures = [["东村", 300, 500], ["西村", 400, 600]]
    book = _calc(
        _book(
            tmp_path / "ledger.xlsx",
            ("设施", [header, *figures], []),
            ("统计", [header, *figures, ["合计", 700, 1100]], []),
        )
    )
    with pytest.warns(UserWarning, match="其 2 行与其他工作表中的记录相同"):
        assert [f.floor_area_m2 for f in read_facility_file(book)] == [300, 400]
    result = invoke("audit", str(book), "-j", "120117")
    assert "没有相同的记录" not in result.err
    assert "第 4 行是合计行，未读" in result.err


def test_a_merged_title_over_a_hidden_column_says_it_is_hidden(tmp_path: Path) -> None:
    def hide(sheet: Any) -> None:
        sheet.column_dimensions["C"].hidden = True

    rows = [WIDE, ["柳树村", "组织开展村级换届选举", "旧名称", "事项"]]
    book = _calc(_book(tmp_path / "ledger.xlsx", ("台账", rows, ["B1:C1"]), edit=hide))
    result = invoke("audit", str(book), "-j", "120117")
    assert result.code == 1
    assert "而 C 列（已隐藏）也填有内容（第 2 行：“旧名称”）" in result.err
    assert "请取消隐藏和合并" in result.err


@pytest.mark.parametrize("written", [1, 1.0, "1"])
def test_one_under_a_percent_title_is_asked_as_a_fraction_is(tmp_path: Path, written: object) -> None:
    header = ["村名", "建筑面积（平方米）", "活动区域面积（%）"]
    book = _calc(_book(tmp_path / "ledger.xlsx", ("设施", [header, ["东村", 300, written]], [])))
    result = invoke("check", "facility", "--file", str(book), "-j", "120117")
    assert (result.code, result.out) == (1, "")
    assert "“1”可能是 1%，也可能是 100%（把比例写成了小数）；若是 100%，请填 100；若确是 1%，请填“1%”" in result.err
    explicit = _calc(_book(tmp_path / "explicit.xlsx", ("设施", [header, ["东村", 300, "1%"]], [])))
    assert invoke("check", "facility", "--file", str(explicit), "-j", "120117").code in (0, 1)
    assert "可能是" not in invoke("check", "facility", "--file", str(explicit), "-j", "120117").err


def test_a_summary_of_fewer_columns_is_compared_on_its_own(tmp_path: Path) -> None:
    """汇总 of 村名 and 建筑面积 beside 设施 (户数, 活动区域面积 too): its rows are the 设施 rows, as it shows them."""
    header = ["村名", "建筑面积（平方米）", "户数", "活动区域面积"]
    summary = [["村名", "建筑面积（平方米）"], ["东村", 300], ["西村", 400], ["合计", 700]]
    book = _calc(
        _book(
            tmp_path / "ledger.xlsx",
            ("设施", [header, ["东村", 300, 500, 200], ["西村", 400, 600, 300]], []),
            ("汇总", summary, []),
        )
    )
    result = invoke("check", "facility", "--file", str(book), "-j", "120117")
    assert "没有相同的记录" not in result.err
    assert "其 2 行与其他工作表中的记录相同" in result.err
    differs = _calc(
        _book(
            tmp_path / "differs.xlsx",
            ("设施", [header, ["东村", 300, 500, 200]], []),
            ("汇总", [["村名", "建筑面积（平方米）"], ["东村", 350]], []),
        )
    )
    refused = invoke("check", "facility", "--file", str(differs), "-j", "120117")
    assert refused.code == 1
    assert "其中第 2 行在其他工作表中没有相同的记录" in refused.err


def test_a_title_merged_over_three_columns_written_only_in_the_third_is_read_from_it(tmp_path: Path) -> None:
    """名称 over B:D, B and C empty in every row: the names are in D, as the sheet shows; told to delete D, the clerk
    deleted every name."""
    rows = [["村名", "名称", None, None, "类别"], ["柳树村", None, None, "居民养犬证明", "证明"]]
    book = _calc(_book(tmp_path / "ledger.xlsx", ("台账", rows, ["B1:D1"])))
    (village,) = read_ledger(book).villages
    assert village.certificates == ["居民养犬证明"]
    result = invoke("audit", str(book), "-j", "120117")
    assert (result.code, "合并" in result.err) == (1, False)
    assert "“居民养犬证明”" in result.out


def test_a_footer_merged_over_part_of_the_table_is_a_note(tmp_path: Path) -> None:
    """以下空白 merged over 村名 and 名称 (A:B of A:C), C empty: no entry whose 类别 is 必填."""
    rows = [["村名", "名称", "类别"], ["柳树村", "居民养犬证明", "证明"], ["以下空白"]]
    book = _calc(_book(tmp_path / "ledger.xlsx", ("台账", rows, ["A3:B3"])))
    result = invoke("audit", str(book), "-j", "120117")
    assert result.code == 1
    assert "第 3 行（“以下空白”）只有一个合并单元格" in result.err
    assert "必填" not in result.err


@pytest.mark.parametrize(
    "written", ["活动区域面积占比（%）", "活动区域面积（百分比）", "活动区域面积%", "活动区域占比"]
)
def test_a_share_s_title_unknown_is_told_the_title_of_a_share(tmp_path: Path, written: str) -> None:
    """Told 是否应为“活动区域面积”, a clerk renamed the column and its 60 (%) was read as 60 square metres."""
    ledger = tmp_path / "设施.csv"
    ledger.write_text(f"村名,建筑面积,{written}\n东村,300,60\n", encoding="utf-8-sig")
    result = invoke("check", "facility", "--file", str(ledger), "-j", "120117")
    assert (result.code, result.out) == (1, "")
    assert "是否应为“活动区域面积（%）”？" in result.err


FOOTERS = ["以下空白", "填表人：张三", "注：以上由镇政府统一安排"]


@pytest.mark.parametrize("footer", FOOTERS)
def test_a_footer_of_a_csv_saved_by_excel_is_a_note(tmp_path: Path, footer: str) -> None:
    """Excel saves a merged 以下空白 as 以下空白,, : no entry whose 类别 is 必填 (the clerk would write one in)."""
    ledger = tmp_path / "台账.csv"
    ledger.write_text(f"村名,名称,类别\r\n柳树村,居民养犬证明,证明\r\n{footer},,\r\n", encoding="utf-8-sig")
    result = invoke("audit", str(ledger), "-j", "120117")
    assert result.code == 1
    assert "“居民养犬证明”" in result.out
    assert f"第 3 行（“{footer}”）是表格的说明或落款，不是一项记录，未读" in result.err
    assert "必填" not in result.err


def test_a_footer_typed_in_one_cell_of_a_workbook_is_a_note(tmp_path: Path) -> None:
    rows = [["村名", "名称", None, "类别"], ["柳树村", "居民养犬证明", None, "证明"], [None, None, "填表人：张三"]]
    book = _calc(_book(tmp_path / "ledger.xlsx", ("台账", rows, ["B1:C1"])))
    result = invoke("audit", str(book), "-j", "120117")
    assert result.code == 1
    assert "第 3 行（“填表人：张三”）是表格的说明或落款，不是一项记录，未读" in result.err
    assert "也填有内容" not in result.err
