"""A 时间节点 date written as the source words it (2023年6月底前) says where each part goes.

It was told 日期写作 2023-09-01、2023-09 或 2023（年份不能为 0000）: the year-0000 remark is noise
there, and nothing said that 底前 belongs in the 时限原文 column and the date in the date column.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from conftest import NINGHE, invoke

if TYPE_CHECKING:
    from pathlib import Path

openpyxl = pytest.importorskip("openpyxl")


def _import_dates(tmp_path: Path, dates: list[str], *lang: str) -> list[str]:
    book_path = tmp_path / "ninghe.xlsx"
    if not book_path.exists():
        assert invoke("export", str(NINGHE), "-o", str(book_path)).code == 0
    book = openpyxl.load_workbook(book_path)
    sheet = book["时间节点"]
    column = next(c.column for c in sheet[1] if c.value == "截止日期")
    for row, date in enumerate(dates, start=2):
        sheet.cell(row, column, date)
    book.save(tmp_path / "dates.xlsx")
    result = invoke("import", str(tmp_path / "dates.xlsx"), "-o", str(tmp_path / "out"), *lang)
    assert result.code == 1, result.out + result.err
    return [line.strip() for line in result.out.splitlines() if line.startswith("    ")]


def test_a_date_with_the_source_s_words_says_to_put_the_words_in_the_due_text_column(tmp_path: Path) -> None:
    said = _import_dates(tmp_path, ["2023年6月底前", "2023年底", "6月底前", "下半年"])
    assert said == [
        (
            "第 2 行 字段 G（截止日期）：日期只写年月日，应写作 2023-06；“底前”等字不能写在日期中，"
            "请照来源原文写在“时限原文”一列（实际为“2023年6月底前”）"
        ),
        (
            "第 3 行 字段 G（截止日期）：日期只写年月日，应写作 2023；“底”等字不能写在日期中，"
            "请照来源原文写在“时限原文”一列（实际为“2023年底”）"
        ),
        (
            "第 4 行 字段 G（截止日期）：日期须写明年份，写作 年-月 或 年-月-日，如 2023-06；“底前”等字不能写在日期中，"
            "请照来源原文写在“时限原文”一列（实际为“6月底前”）"
        ),
        "第 5 行 字段 G（截止日期）：日期写作 2023-09-01、2023-09 或 2023，也可以用表格的日期格式（实际为“下半年”）",
    ]
    assert not any("0000" in line for line in said)
    english = _import_dates(tmp_path, ["2023年6月底前"], "--lang", "en")
    assert english[0].endswith(
        "a date holds the date alone: 2023-06; words such as 底前 do not belong in it:"
        " write the source's words in the 时限原文 column (got '2023年6月底前')"
    ), english
