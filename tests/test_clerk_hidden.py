"""What a clerk hides in a workbook is still imported, and the import says so.

A clerk who hides a row (or a column, or a sheet) to "remove" it would publish it without a word:
the import reads every row, as it reads merged cells as they show, and names what was hidden, the
sheet and rows, with what to do (delete the whole row). The hidden column an export writes itself
(the 条款 sheet's clauses as exported) is not said.
"""

from __future__ import annotations

import shutil
import subprocess
from typing import TYPE_CHECKING

import pytest

from conftest import NINGHE, exported, invoke, libreoffice
from villagecat.package import load_layer

if TYPE_CHECKING:
    from pathlib import Path

openpyxl = pytest.importorskip("openpyxl")


def _hide(tmp_path: Path) -> Path:
    """Ninghe's workbook with 减负措施's rows 5 and 7 and column B hidden, and the 时间节点 sheet hidden."""
    book_path = tmp_path / "ninghe.xlsx"
    book = exported(NINGHE, book_path)
    sheet = book["减负措施"]
    assert sheet.max_row >= 8
    for row in (5, 7):
        sheet.row_dimensions[row].hidden = True
    sheet.column_dimensions["B"].hidden = True
    book["时间节点"].sheet_state = "hidden"
    book.save(book_path)
    return book_path


def _said(err: str) -> list[str]:
    return [line for line in err.splitlines() if "隐藏" in line or "hidden" in line]


def test_hidden_rows_columns_and_sheets_are_imported_and_said(tmp_path: Path) -> None:
    book_path = _hide(tmp_path)
    result = invoke("import", str(book_path), "-o", str(tmp_path / "out"))
    assert result.code == 0, result.out + result.err
    assert _said(result.err) == [
        (
            "villagecat: 注意：减负措施：第 5、7 行是隐藏行，照样读入；"
            "如要删除，请取消隐藏后删除整行（右键点行号，选“删除行”）；要保留的，请取消隐藏以便核对"
        ),
        "villagecat: 注意：减负措施：B 列（名称）是隐藏列，其中的内容照样读入；请取消隐藏，核对后再导入",
        (
            "villagecat: 注意：时间节点：这张工作表是隐藏的，其中各行照样读入；"
            "请在表名处右键选“取消隐藏”核对，不要的行请删除整行（不要删除工作表）"
        ),
    ], result.err
    assert load_layer(tmp_path / "out").obligations == load_layer(NINGHE).obligations  # imported all the same
    english = invoke("import", str(book_path), "-o", str(tmp_path / "en"), "--lang", "en")
    assert _said(english.err) == [
        (
            "villagecat: note: 减负措施: these hidden rows are read all the same: 5, 7;"
            " to delete a row, unhide it and delete the whole row"
        ),
        "villagecat: note: 减负措施: these hidden columns are read all the same: B (名称); unhide them and check them",
        (
            "villagecat: note: 时间节点: the sheet is hidden and its rows are read all the same; unhide it and check it"
            " (delete the rows you do not want, not the sheet)"
        ),
    ], english.err


def test_an_exported_workbook_says_nothing_of_its_own_hidden_column(tmp_path: Path) -> None:
    book_path = tmp_path / "ninghe.xlsx"
    assert invoke("export", str(NINGHE), "-o", str(book_path)).code == 0
    result = invoke("import", str(book_path), "-o", str(tmp_path / "out"))
    assert (result.code, result.err) == (0, "")


def test_a_hidden_row_that_holds_nothing_is_not_said(tmp_path: Path) -> None:
    book_path = tmp_path / "ninghe.xlsx"
    book = exported(NINGHE, book_path)
    sheet = book["工作事务"]
    sheet.row_dimensions[sheet.max_row + 3].hidden = True  # a spare row below the table
    book.save(book_path)
    result = invoke("import", str(book_path), "-o", str(tmp_path / "out"))
    assert (result.code, result.err) == (0, "")


def test_hidden_rows_saved_by_libreoffice_are_said_too(tmp_path: Path) -> None:
    """Calc writes ``hidden="true"`` where openpyxl writes ``hidden="1"``; a run of rows is said as one range."""
    soffice = libreoffice()
    book_path = tmp_path / "ninghe.xlsx"
    book = exported(NINGHE, book_path)
    for row in (4, 5, 6, 9):
        book["减负措施"].row_dimensions[row].hidden = True
    book.save(book_path)
    out = tmp_path / "calc"
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}",
            "--headless",
            "--convert-to",
            "xlsx:Calc MS Excel 2007 XML",
            "--outdir",
            str(out),
            str(book_path),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    shutil.rmtree(tmp_path / "lo-profile", ignore_errors=True)
    result = invoke("import", str(out / "ninghe.xlsx"), "-o", str(tmp_path / "out"))
    assert result.code == 0, result.out + result.err
    assert _said(result.err) == [
        (
            "villagecat: 注意：减负措施：第 4-6、9 行是隐藏行，照样读入；"
            "如要删除，请取消隐藏后删除整行（右键点行号，选“删除行”）；要保留的，请取消隐藏以便核对"
        ),
    ], result.err


def test_a_very_hidden_sheet_is_said_with_how_to_see_it(tmp_path: Path) -> None:
    """A sheet set to veryHidden was told to unhide it by right-clicking its name: Excel does not list it there."""
    book_path = tmp_path / "ninghe.xlsx"
    book = exported(NINGHE, book_path)
    book["时间节点"].sheet_state = "veryHidden"
    book.save(book_path)
    result = invoke("import", str(book_path), "-o", str(tmp_path / "out"))
    assert result.code == 0, result.out + result.err
    (line,) = _said(result.err)
    assert "深度隐藏" in line
    assert "Visible 改为 -1" in line
    assert "右键" not in line
