"""A workbook saved by LibreOffice Calc reads back to the same package: the round trip is lossless.

Clerks open the exported workbook in LibreOffice as often as in Excel. Calc rewrites the
whole file on save (its own styles, shared strings, data validations, dates), so the test
saves real exports through ``soffice --headless`` and imports what Calc wrote. It needs
LibreOffice (Debian: ``libreoffice-calc-nogui``); CI installs it, and under ``CI=true`` a
missing ``soffice`` fails instead of skipping.
"""

from __future__ import annotations

import subprocess
from typing import TYPE_CHECKING, Any

import pytest

from conftest import REPO, invoke, libreoffice
from villagecat.package import RESOURCES, load_layer

if TYPE_CHECKING:
    from pathlib import Path

LAYERS = {
    "cn": REPO / "data" / "national",
    "220000": REPO / "data" / "provinces" / "220000-jilin",
    "120117": REPO / "data" / "provinces" / "120000-tianjin" / "120117-ninghe",
    "140000": REPO / "data" / "provinces" / "140000-shanxi",
}


def _save_with_calc(soffice: str, books: list[Path], out: Path) -> None:
    """Open each workbook in Calc and save it again as .xlsx, as a clerk's Save does."""
    profile = out.parent / "lo-profile"  # a private profile: no clash with a running LibreOffice
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--calc",
            "--convert-to",
            "xlsx:Calc MS Excel 2007 XML",
            "--outdir",
            str(out),
            *map(str, books),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )


def _new_county(tmp_path: Path, openpyxl: Any) -> tuple[Path, Any]:
    """A new county's package (西湖区, 330106), made by ``init``, and the workbook ``export`` writes of it, opened."""
    folder, book_path = tmp_path / "xihu", tmp_path / "xihu.xlsx"
    assert invoke("init", str(folder), "--level", "county", "--code", "330106", "--name", "西湖区").code == 0
    assert invoke("export", str(folder), "-o", str(book_path)).code == 0
    return folder, openpyxl.load_workbook(book_path)


def test_export_saved_by_libreoffice_imports_to_the_same_package(tmp_path: Path) -> None:
    soffice = libreoffice()
    books = []
    for layer_id, path in LAYERS.items():
        book = tmp_path / f"{layer_id}.xlsx"
        assert invoke("export", str(path), "-o", str(book)).code == 0
        books.append(book)
    saved = tmp_path / "saved"
    _save_with_calc(soffice, books, saved)
    for layer_id, path in LAYERS.items():
        calc_book = saved / f"{layer_id}.xlsx"
        assert calc_book.read_bytes() != (tmp_path / f"{layer_id}.xlsx").read_bytes()  # Calc rewrote it
        result = invoke("import", str(calc_book), "-o", str(tmp_path / f"pkg-{layer_id}"))
        assert result.code == 0, result.err
        original, back = load_layer(path), load_layer(tmp_path / f"pkg-{layer_id}")
        assert back.layer == original.layer, layer_id
        for name in RESOURCES:
            assert back.resource(name) == original.resource(name), (layer_id, name)


def test_ledgers_saved_by_libreoffice_read_percentages_and_merged_cells_as_shown(tmp_path: Path) -> None:
    """Calc writes a percentage's format and a merged range its own way: both read as the clerk sees them."""
    openpyxl = pytest.importorskip("openpyxl")
    from villagecat.checks import read_facility_file, read_ledger, read_signs  # noqa: PLC0415

    soffice = libreoffice()
    facility = openpyxl.Workbook()
    sheet = facility.active
    sheet.title = "设施"
    sheet.append(["村名", "建筑面积", "户数", "活动区域面积"])
    sheet.append(["东村", 300, 500, 0.65])
    sheet["D2"].number_format = "0%"
    sheet.append(["西村", 3, 500, 180])
    sheet["B3"].number_format = "0%"
    facility.save(tmp_path / "facility.xlsx")
    signs = openpyxl.Workbook()
    sheet = signs.active
    sheet.title = "标牌"
    sheet.append(["村名", "名称", "位置", "标牌类型", "版式", "宽度", "高度", "底色", "字色"])
    for name in ("和平村民委员会", "中共和平村支部委员会", "和平村股份经济合作社", "和平村务监督委员会"):
        sheet.append([None, name, "外部", "标牌", "竖牌", 30, 200, "白", "黑"])
    sheet["A2"] = "和平村"
    for column in "AFGHI":
        sheet.merge_cells(f"{column}2:{column}5")
    signs.save(tmp_path / "signs.xlsx")
    _save_with_calc(soffice, [tmp_path / "facility.xlsx", tmp_path / "signs.xlsx"], tmp_path / "saved")
    with pytest.raises(ValueError, match="第 3 行，字段 建筑面积：“300%”是百分比"):
        read_facility_file(tmp_path / "saved" / "facility.xlsx")
    saved = tmp_path / "saved" / "signs.xlsx"
    assert [(s.village, s.width_cm, s.text_colour.label if s.text_colour else None) for s in read_signs(saved)] == [
        ("和平村", 30, "黑")
    ] * 4
    assert len(read_ledger(saved).villages) == 1
    result = invoke("check", "signage", str(saved), "-j", "220000")
    assert "“中共和平村支部委员会”颜色与来源所载的不同：字色为黑，来源所载为红（来源未写明约束力）" in result.out
    (tmp_path / "one.xlsx").write_bytes((tmp_path / "saved" / "facility.xlsx").read_bytes())
    book = openpyxl.load_workbook(tmp_path / "one.xlsx")
    book["设施"].delete_rows(3)  # openpyxl keeps Calc's percentage format of D2
    book.save(tmp_path / "one.xlsx")
    (figures,) = read_facility_file(tmp_path / "one.xlsx")
    assert figures.activity_area_m2 == 195


def test_a_clerks_edits_saved_by_calc_read_as_the_clerk_sees_them(tmp_path: Path) -> None:
    """Full-width digits typed through a Chinese input method, a heading retyped with half-width brackets,
    and a formula gone wrong (#DIV/0!), in a workbook as Calc writes it.

    The digits were refused as 应为数字 and the heading as an unknown column; the error value
    was imported as the text of a department, silently.
    """
    openpyxl = pytest.importorskip("openpyxl")
    soffice = libreoffice()
    folder, book = _new_county(tmp_path, openpyxl)
    book["来源文件"].append(["330106.document.plan", "工作方案", *[None] * 4, "规范性文件"])
    facilities = book["综合服务设施标准"]
    facilities.cell(1, 9).value = "最小建筑面积(平方米)"  # retyped: half-width brackets
    facilities.append([None, "村级综合服务设施", "330106.document.plan#三", None, None, None, "村", "应当", "３００"])
    facilities.cell(2, 11).value = "６０％"
    duties = book["工作事务"]
    duties.append([None, "环境整治", "330106.document.plan#三", *[None] * 3, "依法协助政府工作事项", None, "村"])
    duties.cell(2, 10).value = "=1/0"
    book.save(tmp_path / "broken.xlsx")
    duties.cell(2, 10).value = "区城管局"
    book.save(tmp_path / "fixed.xlsx")
    _save_with_calc(soffice, [tmp_path / "broken.xlsx", tmp_path / "fixed.xlsx"], tmp_path / "saved")

    result = invoke("import", str(tmp_path / "saved" / "broken.xlsx"), "-o", str(folder))
    assert result.code == 1
    assert result.out.splitlines()[1:] == [
        "  工作事务",
        (
            "    第 2 行 字段 J（责任部门）：单元格显示的是错误值 #DIV/0!（公式出错），不是取值；"
            "请改正公式，或删去公式直接填写"
        ),
    ]
    assert load_layer(folder).duties == ()  # nothing written
    result = invoke("import", str(tmp_path / "saved" / "fixed.xlsx"), "-o", str(folder))
    assert result.code == 0, result.out
    (facility,) = load_layer(folder).facilities
    assert (facility.min_floor_area_m2, facility.min_activity_area_pct) == (300, 60)
    assert load_layer(folder).duties[0].departments == ("区城管局",)


def test_a_workbook_laid_out_as_a_clerk_lays_it_out_is_told_once_or_read(tmp_path: Path) -> None:
    """A title row merged above the header gave 38 problems, none saying why; 层信息 without its 字段
    column gave 20, each naming a field by its code (字段 id); a 行政区划代码 Calc took for a number
    was 应为文字; a name pasted from Word with a line break was said to hold U+000A."""
    openpyxl = pytest.importorskip("openpyxl")
    soffice = libreoffice()
    folder, book = _new_county(tmp_path, openpyxl)
    info = book["层信息"]
    info.delete_cols(3)  # 字段: codes a clerk does not read
    code_row = next(row for row in info.iter_rows() if row[0].value == "行政区划代码")
    code_row[1].value = 330106
    duties = book["工作事务"]
    duties.insert_rows(1)
    duties["A1"] = "西湖区村级组织工作事务清单"
    duties.merge_cells("A1:P1")
    duties.append([None, "协助开展\n环境整治", None, None, None, None, "依法协助政府工作事项", None, "村"])
    book.save(tmp_path / "titled.xlsx")
    duties.unmerge_cells("A1:P1")
    duties.delete_rows(1)
    duties["B2"] = "协助开展环境整治"
    book.save(tmp_path / "plain.xlsx")
    _save_with_calc(soffice, [tmp_path / "titled.xlsx", tmp_path / "plain.xlsx"], tmp_path / "saved")

    result = invoke("import", str(tmp_path / "saved" / "titled.xlsx"), "-o", str(folder))
    assert result.code == 1
    assert result.out.splitlines()[1:] == [
        "  工作事务",
        "    第 1 行：应为列名，而本表的列名在第 2 行；请删去列名上方的 1 行（如表格标题）",
    ]
    result = invoke("import", str(tmp_path / "saved" / "plain.xlsx"), "-o", str(folder))
    assert result.code == 0, result.out
    package = load_layer(folder)
    assert (package.layer.division_code, [d.name for d in package.duties]) == ("330106", ["协助开展环境整治"])
    book = openpyxl.load_workbook(tmp_path / "saved" / "plain.xlsx")
    book["工作事务"]["B2"] = "协助开展\n环境整治"
    book.save(tmp_path / "pasted.xlsx")
    result = invoke("import", str(tmp_path / "pasted.xlsx"), "-o", str(folder))
    assert result.code == 1
    assert result.out.splitlines()[-1].endswith("含有 换行（U+000A），请删去"), result.out
