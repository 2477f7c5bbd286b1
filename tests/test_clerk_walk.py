"""What a clerk met walking the guide once more (export, edit, save in LibreOffice, import, validate, release)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from conftest import NINGHE, exported, invoke

if TYPE_CHECKING:
    from pathlib import Path

openpyxl = pytest.importorskip("openpyxl")


def test_a_citation_of_a_document_not_registered_says_to_register_it_or_correct_the_id(tmp_path: Path) -> None:
    """It said only 引用的文件 120117.document.plan 不存在（本包及上级层均无此文件）: not what to do."""
    book_path = tmp_path / "ninghe.xlsx"
    book = exported(NINGHE, book_path)
    sheet = book["工作事务"]
    columns = {c.value: c.column for c in sheet[1]}
    row = sheet.max_row + 1
    for title, value in {
        "名称": "网格巡查",
        "出处": "120117.document.plan#三(一)3",
        "事项类别": "依法协助政府工作事项",
        "适用范围": "村",
    }.items():
        sheet.cell(row, columns[title], value)
    book.save(book_path)
    result = invoke("import", str(book_path), "-o", str(tmp_path / "out"))
    assert result.code == 1
    (line,) = [line.strip() for line in result.out.splitlines() if line.startswith("    ")]
    assert line.endswith(
        "引用的文件 120117.document.plan 不存在（本包及上级层均无此文件）；"
        "请先在来源文件中登记这份文件，或把出处改为已登记的文件标识；是否应为已登记的 120117.document.work-plan？"
    ), line
