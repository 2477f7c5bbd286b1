"""One package, two forms: what is valid in JSON is valid in CSV, and each converts to the other unchanged.

Found by fuzzing the shipped packages in both forms (cells replaced by odd values, then
``upgrade --format`` to the other form, ``validate`` and ``diff`` of the two).
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from typing import TYPE_CHECKING

import pytest

from conftest import NATIONAL, invoke

if TYPE_CHECKING:
    from pathlib import Path

#: What an Excel cell holds at most (Excel's specifications and limits; LibreOffice and WPS cut there too).
EXCEL_CELL = 32_767


def _json_package(tmp_path: Path) -> Path:
    target = tmp_path / "json"
    assert invoke("upgrade", str(NATIONAL), "-o", str(target), "--format", "json").code == 0
    return target


def _set_cell(package: Path, resource: str, row: int, field: str, value: object) -> None:
    path = package / f"{resource}.json"
    rows = json.loads(path.read_text(encoding="utf-8"))
    rows[row][rows[0].index(field)] = value
    path.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")


def test_a_cell_longer_than_pythons_csv_limit_is_written_and_read_back(tmp_path: Path) -> None:
    """A note of 140,000 characters (Python's CSV reader stops at 131,072) survives JSON → CSV → JSON."""
    package = _json_package(tmp_path)
    _set_cell(package, "duties", 1, "notes", "长" * 140_000)
    assert invoke("validate", str(package)).code == 0
    as_csv = tmp_path / "csv"
    assert invoke("upgrade", str(package), "-o", str(as_csv), "--format", "csv").code == 0
    result = invoke("validate", str(as_csv))
    assert (result.code, result.out, result.err) == (0, f"{as_csv}：有效\n", "")
    same = invoke("diff", str(package), str(as_csv))
    assert same.code == 0
    assert "无变化" in same.out
    back = tmp_path / "back"
    assert invoke("upgrade", str(as_csv), "-o", str(back), "--format", "json").code == 0
    assert invoke("diff", str(package), str(back)).out == same.out


def test_a_text_longer_than_an_excel_cell_is_refused_by_export(tmp_path: Path) -> None:
    """A note of 40,000 characters was exported; LibreOffice kept 32,767 of them and the import lost the rest."""
    package = _json_package(tmp_path)
    _set_cell(package, "duties", 1, "notes", "长" * (EXCEL_CELL + 1))
    assert invoke("validate", str(package)).code == 0
    book = tmp_path / "目录.xlsx"
    result = invoke("export", str(package), "-o", str(book))
    assert result.code == 1
    assert result.err.startswith(
        "villagecat: 工作表“工作事务”第 2 行第 4 列（备注）的文字有 32768 个字，超过 Excel 单元格所能容纳的 32767 个字"
    )
    assert len(result.err.splitlines()) == 1
    assert not book.exists()
    _set_cell(package, "duties", 1, "notes", "长" * EXCEL_CELL)
    assert invoke("export", str(package), "-o", str(book)).code == 0


@pytest.mark.parametrize("bad", ["\ud800", "\u202e", "\x01", "\n"])
def test_a_restates_cell_is_a_name_and_refuses_what_a_name_refuses(tmp_path: Path, bad: str) -> None:
    """``restates`` took any text: a lone surrogate in a JSON package ended validate in UnicodeEncodeError (exit 3).

    It names an inherited item by id, name or alias, so it holds what a name may: one line
    of visible text, as the published JSON Schema already said of surrogates.
    """
    package = _json_package(tmp_path)
    path = package / "duties.json"
    rows = json.loads(path.read_text(encoding="utf-8"))
    rows[1][rows[0].index("restates")] = "@@"
    path.write_text(json.dumps(rows).replace('"@@"', json.dumps(f"实行{bad}村民自治")), encoding="utf-8")
    result = invoke("validate", str(package))
    assert result.code == 1, result.err
    assert "第 2 条 字段 restates（重申条目）：" in result.out
    assert "控制字符或不可见字符" in result.out
    written = tmp_path / "csv"
    assert invoke("upgrade", str(package), "-o", str(written), "--format", "csv").code == 1
    assert not written.exists()


def _damaged_sheet(tmp_path: Path) -> Path:
    """An exported workbook with a character reference in one sheet that XML does not allow (a lone surrogate)."""
    book = tmp_path / "目录.xlsx"
    assert invoke("export", str(NATIONAL), "-o", str(book)).code == 0
    damaged = tmp_path / "damaged.xlsx"
    with zipfile.ZipFile(book) as source, zipfile.ZipFile(damaged, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "xl/worksheets/sheet5.xml":
                data = data.replace(b"<t>", b"<t>&#55296;", 1)
            target.writestr(info, data)
    return damaged


def test_a_sheet_whose_xml_is_damaged_is_unreadable_input_not_a_defect(tmp_path: Path) -> None:
    """A sheet with ``&#55296;`` (a workbook written by another program) ended import in ParseError (exit 3)."""
    damaged = _damaged_sheet(tmp_path)
    result = invoke("import", str(damaged), "-o", str(tmp_path / "out"))
    assert result.code == 2
    assert result.err == (
        f"villagecat: {damaged}，工作表“工作事务”：该工作表的内容已损坏（不是有效的 XML），无法读取；"
        "请用 Excel 或 WPS 打开工作簿，另存一次后再导入\n"
    )
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(("field", "value"), [("truncated", "x"), ("catch_all", "是的"), ("truncated", [])])
def test_a_json_cell_of_the_wrong_type_is_one_problem(tmp_path: Path, field: str, value: object) -> None:
    """``"truncated": "x"`` was told twice: 应为真假值…而不是一段文字 "x", then 应为 true 或 false（实际为“x”）."""
    package = _json_package(tmp_path)
    _set_cell(package, "duties", 3, field, value)
    result = invoke("validate", str(package))
    assert result.code == 1
    title = {"truncated": "原文不全", "catch_all": "兜底条目"}[field]
    head = f"{package}：发现 1 个问题\n  duties.json\n    第 4 条 字段 {field}（{title}）：应为真假值"
    assert result.out.startswith(head)
    assert len(result.out.splitlines()) == 3


def test_a_true_or_false_cell_in_a_number_column_is_refused_not_read_as_one_or_zero(tmp_path: Path) -> None:
    """A TRUE cell in 数量上限 was imported as 1 (FALSE as 0), where CSV and JSON refuse true in a number column."""
    openpyxl = pytest.importorskip("openpyxl")
    book = tmp_path / "宁河.xlsx"
    assert invoke("export", "120117", "-o", str(book)).code == 0
    workbook = openpyxl.load_workbook(book)
    quotas, signs = workbook["标牌数量"], workbook["标牌标识"]
    signs.cell(2, [c.value for c in signs[1]].index("列入悬挂") + 1).value = True  # a 是/否 column takes it
    workbook.save(book)
    assert invoke("import", str(book), "-o", str(tmp_path / "signs")).code == 0
    quotas.cell(2, [c.value for c in quotas[1]].index("数量上限") + 1).value = True
    workbook.save(book)
    result = invoke("import", str(book), "-o", str(tmp_path / "out"))
    assert result.code == 1
    assert result.out == (
        f"{book}：发现 1 个问题\n  标牌数量\n    第 2 行 字段 K（数量上限）：应为整数（实际为“TRUE”）\n"
    )
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("cell", ["yes", "on", "1", "0", "n"])
def test_a_boolean_cell_holds_the_words_the_table_schema_lists(tmp_path: Path, cell: str) -> None:
    """``yes``, ``on``, ``1``… passed as pydantic reads them, where the Table Schema lists true/是 and false/否.

    ``frictionless validate`` refused what villagecat called valid.
    """
    package = tmp_path / "pkg"
    assert invoke("upgrade", str(NATIONAL), "-o", str(package)).code == 0
    path = package / "duties.csv"
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
    rows[2][rows[0].index("truncated")] = cell
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")
    result = invoke("validate", str(package))
    assert result.code == 1
    assert f"第 3 行 字段 truncated（原文不全）：应为 true 或 false（是/否）（实际为“{cell}”）" in result.out
