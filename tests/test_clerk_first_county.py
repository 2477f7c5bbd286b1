"""A county's first catalog, filled in LibreOffice by a clerk who reads Chinese only (h22a's walk under Anhui).

Each test is a mistake she made, or a step of renumbering an item, and what the import tells her.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest

from conftest import exported, invoke
from villagecat.package import load_layer

if TYPE_CHECKING:
    from pathlib import Path

openpyxl = pytest.importorskip("openpyxl")

_DOC = "340104.document.work-plan"


def _county(tmp_path: Path) -> tuple[Path, Path, Any]:
    """蜀山区 under Anhui, its workbook with one document and one duty filled in (opened to edit)."""
    folder, path = tmp_path / "蜀山区目录", tmp_path / "蜀山区目录.xlsx"
    code = invoke(
        "init", str(folder), "--level", "county", "--code", "340104", "--name", "蜀山区", "--parent", "340000"
    )
    assert code.code == 0, code.err
    book = exported(folder, path)
    book["来源文件"].append([_DOC, "工作方案", None, None, "2024年3月1日", None, "规范性文件", None, None, "是"])
    duty: dict[str, object] = {
        "标识": "340104.duty.elderly-visits",
        "名称": "独居老人定期探访",
        "出处": f"{_DOC}#三(一)2",
    }
    _fill(book["工作事务"], 2, duty)
    _fill(book["工作事务"], 2, {"事项类别": "依法协助政府工作事项", "适用范围": "村"})
    return folder, path, book


def _fill(sheet: Any, row: int, values: dict[str, object]) -> None:
    cols = {c.value: c.column for c in sheet[1]}
    for title, value in values.items():
        sheet.cell(row=row, column=cols[title], value=value)


def _imported(folder: Path, path: Path, book: Any) -> None:
    book.save(path)
    result = invoke("import", str(path), "-o", str(folder))
    assert result.code == 0, result.out + result.err


def _renumbered(folder: Path, path: Path, old: str, new: str, replaces: str | None) -> Any:
    """Export again (a new workbook, as the guide says after a release) and type the new id over the old one."""
    path.unlink()
    book = exported(folder, path)
    sheet = book["工作事务"]
    cols = {c.value: c.column for c in sheet[1]}
    row = next(r for r in range(2, sheet.max_row + 1) if sheet.cell(row=r, column=cols["标识"]).value == old)
    _fill(sheet, row, {"标识": new, "替代条目": replaces})
    return book


def _imported_with_header_merged(tmp_path: Path, cells: str) -> str:
    """Import the county's workbook with header cells ``cells`` of 工作事务 merged: what import printed (exit 1)."""
    folder, path, book = _county(tmp_path)
    book["工作事务"].merge_cells(cells)
    book.save(path)
    result = invoke("import", str(path), "-o", str(folder))
    assert result.code == 1
    assert "重复" not in result.out, result.out  # a merge to undo, never a column given twice
    return result.out


def test_a_header_cell_merged_over_the_next_column_is_told_as_a_merge_to_undo(tmp_path: Path) -> None:
    """备注 merged over 别名 (D1:E1) was told 列“备注”与 D 列重复：请删去其中一列: deleting one lost 别名 for good."""
    out = _imported_with_header_merged(tmp_path, "D1:E1")
    assert "删去其中一列" not in out
    line = next(line for line in out.splitlines() if "D1:E1" in line)
    assert "字段 E" in line, line
    assert "取消合并" in line, line
    assert "别名" in line, line  # the title E1 must hold again, the one column missing
    assert "缺少列" not in out  # one mistake, said once


def test_a_header_merged_over_two_columns_names_the_range_and_lists_what_is_missing(tmp_path: Path) -> None:
    out = _imported_with_header_merged(tmp_path, "D1:F1")
    merged = [line for line in out.splitlines() if "D1:F1" in line]
    assert len(merged) == 2, out  # E1 and F1, each on its column
    assert "缺少列“别名”" in out
    assert "缺少列“替代条目”" in out


def test_libreoffice_s_lock_file_given_for_the_workbook_names_the_workbook(tmp_path: Path) -> None:
    """Tab completion offers .~lock.蜀山区目录.xlsx#: it was told 请在 Excel 中打开，另存为 .xlsx, which it cannot."""
    folder, path, book = _county(tmp_path)
    book.save(path)
    lock = tmp_path / ".~lock.蜀山区目录.xlsx#"
    lock.write_text(",王芳,wf-pc,08.12.2026 09:00,file:///home/wf/.config/libreoffice/4;", encoding="utf-8")
    result = invoke("import", str(lock), "-o", str(folder))
    assert result.code == 2
    assert "另存为" not in result.err, result.err
    assert "锁定文件" in result.err
    assert "蜀山区目录.xlsx" in result.err.replace(".~lock.蜀山区目录.xlsx#", "")
    assert lock.read_text(encoding="utf-8").startswith(",王芳,")  # hers, untouched
    excel = tmp_path / "~$蜀山区目录.xlsx"
    excel.write_bytes(b"\x05wangf" + b"\x00" * 40)
    result = invoke("import", str(excel), "-o", str(folder))
    assert result.code == 2
    assert "锁定文件" in result.err, result.err


def test_a_workbook_still_open_in_libreoffice_is_imported_as_last_saved_and_said_so(tmp_path: Path) -> None:
    folder, path, book = _county(tmp_path)
    lock = tmp_path / ".~lock.蜀山区目录.xlsx#"
    lock.write_text(",王芳,wf-pc,08.12.2026 09:00,file:///home/wf/.config/libreoffice/4;", encoding="utf-8")
    book.save(path)
    result = invoke("import", str(path), "-o", str(folder))
    assert result.code == 0, result.out
    notice = next(line for line in result.err.splitlines() if "打开" in line)
    assert "王芳" in notice, notice
    assert "保存" in notice, notice
    assert lock.is_file()


def test_an_item_renumbered_without_its_old_id_is_told_to_write_it_in_the_replaces_column(tmp_path: Path) -> None:
    """A new id typed over the old: release counted it removed (a major release), the layers below's rows lost."""
    folder, path, book = _county(tmp_path)
    _imported(folder, path, book)
    book = _renumbered(folder, path, "340104.duty.elderly-visits", "340104.duty.lonely-elderly-visits", None)
    book.save(path)
    result = invoke("import", str(path), "-o", str(folder))
    assert result.code == 0, result.out
    notice = next(line for line in result.err.splitlines() if "340104.duty.elderly-visits" in line)
    assert "工作事务" in notice, notice
    assert "第 2 行" in notice, notice
    assert "F 列（替代条目）" in notice, notice
    book = _renumbered(folder, path, "340104.duty.lonely-elderly-visits", "340104.duty.lonely-elderly-visits", None)
    _fill(book["工作事务"], 2, {"替代条目": "340104.duty.elderly-visits"})
    book.save(path)
    result = invoke("import", str(path), "-o", str(folder))
    assert result.code == 0, result.out
    assert "340104.duty.elderly-visits" not in result.err, result.err  # written as the notice said: nothing more


def test_an_item_renumbered_twice_keeps_its_first_id_on_import_not_only_on_release(tmp_path: Path) -> None:
    """The layers below validate against the package as imported: the first id was carried only by release."""
    folder, path, book = _county(tmp_path)
    _imported(folder, path, book)
    first, second, third = (f"340104.duty.{n}" for n in ("elderly-visits", "lonely-elderly-visits", "visits-alone"))
    _imported(folder, path, _renumbered(folder, path, first, second, first))
    book = _renumbered(folder, path, second, third, second)  # the clerk writes the id she just replaced
    book.save(path)
    result = invoke("import", str(path), "-o", str(folder))
    assert result.code == 0, result.out
    (item,) = load_layer(folder).duties
    assert item.id == third
    assert item.replaces == (second, first)
    assert first in result.err, result.err  # said, as release says it


def test_a_row_renumbered_again_keeping_its_earlier_replaces_is_told_too(tmp_path: Path) -> None:
    """The row's 替代条目 still held the id of the renumbering before: the one just typed over went unsaid."""
    folder, path, book = _county(tmp_path)
    _imported(folder, path, book)
    first, second, third = (f"340104.duty.{n}" for n in ("elderly-visits", "lonely-elderly-visits", "visits-alone"))
    _imported(folder, path, _renumbered(folder, path, first, second, first))
    book = _renumbered(folder, path, second, third, first)  # 替代条目 left as exported
    book.save(path)
    result = invoke("import", str(path), "-o", str(folder))
    assert result.code == 0, result.out
    notice = next(line for line in result.err.splitlines() if "第 2 行的标识改成了" in line)
    assert f"F 列（替代条目）填写 {second}" in notice, notice


def test_a_sheet_saved_as_csv_is_told_that_the_other_sheets_are_not_in_it(tmp_path: Path) -> None:
    folder, path, book = _county(tmp_path)
    book.save(path)
    csv = tmp_path / "蜀山区目录.csv"
    csv.write_text("项目,取值,字段\n层标识,340104,id\n", encoding="utf-8")
    result = invoke("import", str(csv), "-o", str(folder))
    assert result.code == 2
    assert "CSV" in result.err, result.err
    assert "其他各表" in result.err
