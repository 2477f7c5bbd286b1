"""A clerk's workbook: an id cell with a character it cannot hold is refused by name, never silently changed.

A full-width space (U+3000) or a no-break space typed inside an id, a zero-width joiner, a combining mark,
a variation selector or a letter of another script (Devanagari): each is named in Chinese with its code
point and cell, and nothing is written. A drop-down list reaches every row a clerk may fill, not just the
first thousand.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from conftest import exported, invoke

if TYPE_CHECKING:
    from pathlib import Path

openpyxl = pytest.importorskip("openpyxl")


def _book_with_duty(tmp_path: Path, duty_id: str) -> tuple[Path, Path]:
    folder, book_path = tmp_path / "xh", tmp_path / "xh.xlsx"
    assert invoke("init", str(folder), "--level", "county", "--code", "330106", "--name", "西湖区").code == 0
    book = exported(folder, book_path)
    documents = book["来源文件"]
    dcols = {cell.value: cell.column for cell in documents[1]}
    documents.cell(row=2, column=dcols["标识"], value="330106.document.plan")
    documents.cell(row=2, column=dcols["标题"], value="西湖区规范村（社区）组织工作事务的工作方案")
    documents.cell(row=2, column=dcols["效力层级"], value="规范性文件")
    duties = book["工作事务"]
    cols = {cell.value: cell.column for cell in duties[1]}
    for title, value in {
        "标识": duty_id,
        "名称": "网格巡查中发现问题的报告",
        "出处": "330106.document.plan#三(一)2",
        "事项类别": "依法协助政府工作事项",
        "责任部门": "区城管局",
    }.items():
        duties.cell(row=2, column=cols[title], value=value)
    book.save(book_path)
    return folder, book_path


@pytest.mark.parametrize(
    ("typed", "named"),
    [
        ("330106.duty.grid\u3000patrol", "全角空格（U+3000）"),
        ("330106.duty.grid\u00a0patrol", "不换行空格（U+00A0）"),
        ("330106.duty.grid\u200dpatrol", "零宽连字（U+200D）"),
        ("330106.duty.grid\ufe0f", "变体选择符（U+FE0F）"),
        ("330106.duty.gri\u0301d", "组合用附加符号（U+0301）"),
        ("330106.duty.grid\u2003patrol", "空白字符（U+2003）"),
        ("330106.duty.\u0917\u094d\u0930\u093f\u0921", "“\u0917”（U+0917）"),
        ("330106.duty.不得签订\u200d责任状", "零宽连字（U+200D）"),
    ],
)
def test_an_id_cell_with_a_character_it_cannot_hold_is_refused_by_name(tmp_path: Path, typed: str, named: str) -> None:
    folder, book_path = _book_with_duty(tmp_path, typed)
    before = {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}
    result = invoke("import", str(book_path), "-o", str(folder))
    assert result.code == 1, (result.out, result.err)
    report = result.out + result.err
    assert "工作事务" in report
    assert "第 2 行 字段 A（标识）" in report
    assert named in report, report
    assert "Traceback" not in report
    assert {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()} == before  # nothing written


def test_an_id_written_in_chinese_or_full_width_still_reads(tmp_path: Path) -> None:
    from villagecat.package import load_layer  # noqa: PLC0415

    folder, book_path = _book_with_duty(tmp_path, "３３０１０６.duty.网格巡查")
    result = invoke("import", str(book_path), "-o", str(folder))
    assert result.code == 0, result.err
    assert [d.id for d in load_layer(folder).duties] == ["330106.duty.wang-ge-xun-cha"]


def test_every_drop_down_reaches_past_the_thousandth_row(tmp_path: Path) -> None:
    folder = tmp_path / "xh"
    assert invoke("init", str(folder), "--level", "county", "--code", "330106", "--name", "西湖区").code == 0
    book = exported(folder, tmp_path / "xh.xlsx")
    for sheet in book.worksheets:
        for check in sheet.data_validations.dataValidation:
            for cells in check.sqref.ranges:
                assert cells.min_row == 2
                assert cells.max_row >= 100_000, (sheet.title, str(cells))


def test_rows_citing_one_unquoted_section_get_one_notice_not_one_each(tmp_path: Path) -> None:
    """50,000 rows citing 文件#三(一)2 without its words: one notice naming the rows, not 50,000 lines."""
    folder, book_path = _book_with_duty(tmp_path, "330106.duty.a")
    book = openpyxl.load_workbook(book_path)
    duties = book["工作事务"]
    first = [cell.value for cell in duties[2]]
    for n in range(3, 30):
        duties.append([f"330106.duty.a{n}", f"事务{n}", *first[2:]])
    book.save(book_path)
    result = invoke("import", str(book_path), "-o", str(folder))
    assert result.code == 0, result.err
    said = [line for line in result.err.splitlines() if "没有原文" in line]
    assert len(said) == 1, said
    assert "第 2-29 行 字段 C（出处）的出处 330106.document.plan#三(一)2 没有原文" in said[0]
