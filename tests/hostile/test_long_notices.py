"""A workbook notice is one line a clerk reads, however many rows are hidden or ranges merged.

A sheet with every other row hidden (a filter left on, 2,000 rows) was said in one line of
13,898 bytes, every row's number listed: 第 19、21、23、…、4017 行是隐藏行; at the row budget
(500,000 rows) it would be megabytes. The first few are named, then how many there are in all.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from conftest import NINGHE, exported, invoke
from villagecat.errors import HiddenCellsWarning, MergedCellsWarning

if TYPE_CHECKING:
    from pathlib import Path

openpyxl = pytest.importorskip("openpyxl")


def test_many_hidden_rows_are_said_in_a_short_line_with_their_count(tmp_path: Path) -> None:
    book_path = tmp_path / "ninghe.xlsx"
    book = exported(NINGHE, book_path)
    sheet = book["减负措施"]
    first = sheet.max_row + 1
    for row in range(first, first + 2000):
        sheet.cell(row, 4, "备注")
        if row % 2:
            sheet.row_dimensions[row].hidden = True
    book.save(book_path)

    result = invoke("import", str(book_path), "-o", str(tmp_path / "out"))
    said = [line for line in result.err.splitlines() if "隐藏行" in line]
    assert len(said) == 1, result.err[:2000]
    assert len(said[0]) < 400, said[0]
    assert "等 1000 行是隐藏行" in said[0]  # how many there are in all
    hidden = [r for r in range(first, first + 2000) if r % 2]
    assert f"第 {hidden[0]}、{hidden[1]}、" in said[0]  # the first ones named

    english = invoke("--lang", "en", "import", str(book_path), "-o", str(tmp_path / "out-en"))
    line = next(line for line in english.err.splitlines() if "hidden rows" in line)
    assert "(1000 rows in all)" in line
    assert len(line) < 400


def test_a_short_list_is_said_whole() -> None:
    assert "第 4-6、9 行" in HiddenCellsWarning("表", rows=(4, 5, 6, 9)).describe("zh")
    ranges = tuple(f"A{2 * n}:B{2 * n}" for n in range(1, 31))
    merged = MergedCellsWarning("表", ranges)
    assert "A2:B2、A4:B4、" in merged.describe("zh")
    assert "等 30 处" in merged.describe("zh")
    assert "A60:B60" not in merged.describe("zh")
    assert "(30 in all)" in merged.describe("en")
    assert merged.ranges == ranges  # the program still has every range
