"""A title merged across columns in a ledger's header.

A clerk merges 名称 over B:C to make a wide column. The reader fills a merged range with its
top-left value, so the header read 名称 twice: 「第 1 行，字段 名称：表头中列名重复」, for a title
the clerk wrote once. A merge over an empty column is the width alone: read with its first
column. A merge over a column holding values is refused naming both columns: which of them
is 名称 is not guessed.
"""

from __future__ import annotations

import subprocess
from typing import TYPE_CHECKING

import pytest

from conftest import invoke, libreoffice
from villagecat.checks import LedgerError, read_facility_file, read_ledger, read_signs

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

openpyxl = pytest.importorskip("openpyxl")

#: Two duties of 柳树村, 名称 merged over B:C (C empty below it).
COSMETIC: list[Sequence[object]] = [
    ["村名", "名称", None, "类别"],
    ["柳树村", "组织开展村级换届选举", None, "事项"],
    ["柳树村", "居民养犬证明", None, "证明"],
]
#: The same, C holding a note of the clerk's in row 3.
FILLED: list[Sequence[object]] = [
    ["村名", "名称", None, "类别"],
    ["柳树村", "组织开展村级换届选举", None, "事项"],
    ["柳树村", "居民养犬证明", "2023年起不再开具", "证明"],
]
REFUSED = (
    "第 1 行，字段 名称：列名“名称”合并了 B 列至 C 列，而 C 列也填有内容（第 3 行：“2023年起不再开具”）："
    "每一列只能有一个列名；请取消合并，给 C 列写上它自己的列名，若其中的内容不需要，删除该列"
)


def _book(path: Path, rows: Sequence[Sequence[object]], merged: Sequence[str], title: str = "台账") -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(list(row))
    for cells in merged:
        sheet.merge_cells(cells)
    book.save(path)
    return path


def _calc(path: Path) -> Path:
    """``path`` opened and saved again by LibreOffice Calc, as a clerk's Save does (its own merge and cell XML)."""
    out = path.parent / "calc"
    subprocess.run(
        [
            libreoffice(),
            f"-env:UserInstallation=file://{path.parent / 'lo-profile'}",
            "--headless",
            "--convert-to",
            "xlsx:Calc MS Excel 2007 XML",
            "--outdir",
            str(out),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    saved = out / path.name
    assert saved.read_bytes() != path.read_bytes()
    return saved


@pytest.mark.parametrize("saved_by", ["openpyxl", "calc"])
def test_a_title_merged_over_an_empty_column_reads_with_its_first_column(tmp_path: Path, saved_by: str) -> None:
    """名称 over B:C, C empty in every row: the merge is the column's width, nothing to say and nothing dropped."""
    book = _book(tmp_path / "ledger.xlsx", COSMETIC, ["B1:C1"])
    book = _calc(book) if saved_by == "calc" else book
    (village,) = read_ledger(book).villages
    assert (village.village, village.duties) == ("柳树村", ["组织开展村级换届选举"])
    assert village.certificates == ["居民养犬证明"]
    result = invoke("audit", str(book), "-j", "120117")
    assert "重复" not in result.err
    assert "合并" not in result.err  # the clerk's layout: no notice to read past
    assert "“居民养犬证明”" in result.out  # checked: 宁河区 lists it among those never to be issued
    assert result.code == 1, result.err


@pytest.mark.parametrize("saved_by", ["openpyxl", "calc"])
def test_a_title_merged_over_a_column_holding_values_is_refused_naming_both(tmp_path: Path, saved_by: str) -> None:
    """C holds a note under 名称 merged over B:C: which column is 名称 is not guessed, nor C's cells dropped."""
    book = _book(tmp_path / "ledger.xlsx", FILLED, ["B1:C1"])
    book = _calc(book) if saved_by == "calc" else book
    with pytest.raises(LedgerError) as caught:
        read_ledger(book)
    assert str(caught.value) == f"{book}，工作表“台账”，{REFUSED}"
    assert "重复" not in str(caught.value)
    result = invoke("audit", str(book), "-j", "120117")
    assert (result.code, result.out) == (1, "")
    assert REFUSED in result.err
    assert "重复" not in result.err
    english = invoke("audit", str(book), "-j", "120117", "--lang", "en")
    assert "merged across columns B to C, and column C holds values too (row 3: '2023年起不再开具')" in english.err


def test_a_title_merged_over_three_columns_names_each_column_holding_values(tmp_path: Path) -> None:
    rows = [
        ["村名", "名称", None, None],
        ["柳树村", "组织开展村级换届选举", None, "备注甲"],
        ["柳树村", "拆迁拆违", "乙", None],
    ]
    book = _book(tmp_path / "ledger.xlsx", rows, ["B1:D1"], title="事项")
    with pytest.raises(LedgerError) as caught:
        read_ledger(book)
    assert "合并了 B 列至 D 列，而 C 列、D 列也填有内容（第 3 行：“乙”）" in str(caught.value)
    assert "请取消合并，给 C 列、D 列写上各自的列名" in str(caught.value)
    english = invoke("audit", str(book), "-j", "120117", "--lang", "en")
    assert "each of columns C, D holds values too (row 3: '乙')" in english.err


def test_a_wide_column_merged_row_by_row_and_a_village_merged_down_its_rows(tmp_path: Path) -> None:
    """名称 merged over B:C in the header and in each row, 村名 merged down the village's rows: read as shown."""
    rows = [
        ["村名", "名称", None, "类别"],
        ["柳树村", "组织开展村级换届选举", None, "事项"],
        [None, "居民养犬证明", None, "证明"],
        ["西村", "拆迁拆违", None, "事项"],
    ]
    book = _book(tmp_path / "ledger.xlsx", rows, ["B1:C1", "B2:C2", "B3:C3", "B4:C4", "A2:A3"])
    for saved in (book, _calc(book)):
        assert [(v.village, v.duties, v.certificates) for v in read_ledger(saved).villages] == [
            ("柳树村", ["组织开展村级换届选举"], ["居民养犬证明"]),
            ("西村", ["拆迁拆违"], []),
        ]


def test_a_merged_title_in_the_files_of_check_signage_and_check_facility(tmp_path: Path) -> None:
    """The two other checks read a ledger's sheets the same way: 名称 and 建筑面积 each merged over two columns."""
    signs = _book(
        tmp_path / "signs.xlsx",
        [["村名", "名称", None, "位置"], ["和平村", "和平村民委员会", None, "外部"]],
        ["B1:C1"],
        title="标牌",
    )
    assert [s.text for s in read_signs(signs)] == ["和平村民委员会"]
    assert invoke("check", "signage", str(signs), "-j", "220000").code in (0, 1)
    facility = _book(
        tmp_path / "facility.xlsx",
        [["村名", "建筑面积", None, "户数"], ["东村", 300, 120, 500]],
        ["B1:C1"],
        title="设施",
    )
    result = invoke("check", "facility", "--file", str(facility), "-j", "120117")
    assert result.code == 1
    assert "合并了 B 列至 C 列，而 C 列也填有内容（第 2 行：“120”）" in result.err
    with pytest.raises(LedgerError, match="字段 建筑面积：列名“建筑面积”合并了 B 列至 C 列"):
        read_facility_file(facility)
