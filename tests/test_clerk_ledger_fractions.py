"""A fraction typed in a column titled （%）: 0.6 under 活动区域面积（%） was read as 0.6 %, and the village failed.

A clerk who types 0.6 where the title says （%） almost surely means 60 % (or copied the fraction a formula gave),
yet 0.6 % may be meant: villagecat does not guess, it asks, naming the cell. A number above 0 and up to 1 is the only
one asked about (1 is 1 % or the whole): 0 is 0 % read either way, and more than 1 is how a percentage is typed (65
for 65 %). A cell that
says what it is (0.6% typed with its sign, or a cell formatted as a percentage) is read as it shows.
"""

from __future__ import annotations

import subprocess
from typing import TYPE_CHECKING

import pytest

from conftest import invoke, libreoffice
from villagecat.checks import LedgerError, read_facility_file, read_ledger

if TYPE_CHECKING:
    from pathlib import Path


def _calc(soffice: str, typed: Path, out: Path) -> Path:
    """Open a UTF-8 CSV in Calc (comma-separated, as a clerk's import does) and save it as .xlsx."""
    profile = out.parent / "lo-profile"  # a private profile: no clash with a running LibreOffice
    subprocess.run(
        [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--infilter=CSV:44,34,76",
         "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(out), str(typed)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    return out / f"{typed.stem}.xlsx"


ASKED = (
    "字段 活动区域面积（%）：此列的列名带“%”，“0.6”可能是 0.6%，也可能是 60%（把比例写成了小数）；"
    "若是 60%，请填 60；若确是 0.6%，请填“0.6%”（带百分号）"
)


def test_a_fraction_under_a_percent_title_is_asked_about_naming_file_row_and_column(tmp_path: Path) -> None:
    ledger = tmp_path / "设施.csv"
    ledger.write_text("村名,建筑面积,户数,活动区域面积（%）\n东村,300,500,0.6\n西村,300,500,65\n", encoding="utf-8")
    result = invoke("check", "facility", "-j", "120117", "--file", str(ledger))
    assert result.code == 1, result.out
    assert result.out == ""  # never 村民活动区域占 0.6%
    assert result.err == f"villagecat: {ledger}，第 2 行，{ASKED}\n", result.err
    english = invoke("check", "facility", "-j", "120117", "--file", str(ledger), "--lang", "en")
    assert "row 2, field 活动区域面积（%）: the column's title says %, so '0.6' may be 0.6% or 60%" in english.err
    audited = tmp_path / "台账.csv"
    audited.write_text(
        "村名,类别,名称,建筑面积,户数,活动区域面积（%）\n东村,设施,,300,500,0.6\n东村,证明,健在证明,,,\n西村,设施,,300,500,.25\n",
        encoding="utf-8",
    )
    result = invoke("audit", str(audited), "-j", "120117")
    assert result.code == 1, result.out
    assert f"第 2 行，{ASKED}" in result.err  # every such cell, and the other rows read all the same
    assert "第 4 行，字段 活动区域面积（%）：此列的列名带“%”，“.25”可能是 .25%，也可能是 25%" in result.err
    assert "发现 2 个问题" in result.err, result.err


@pytest.mark.parametrize(
    ("written", "share"), [("0", 0), ("1%", 1), ("1.5", 1.5), ("60", 60), ("0.6%", 0.6), ("１００", 100)]
)
def test_what_says_its_share_is_read_as_written(tmp_path: Path, written: str, share: float) -> None:
    """0 is no share either way; more than 1 is a typed percentage; 0.6% and 1% say what they are."""
    ledger = tmp_path / "设施.csv"
    ledger.write_text(f"村名,建筑面积,户数,活动区域面积（%）\n东村,300,500,{written}\n", encoding="utf-8")
    (figures,) = read_facility_file(ledger)
    assert figures.activity_area_m2 == pytest.approx(share / 100 * 300)


def test_a_yaml_ledger_s_fraction_under_a_percent_key_is_asked_about(tmp_path: Path) -> None:
    ledger = tmp_path / "台账.yaml"
    ledger.write_text("村名: 东村\n设施:\n  建筑面积: 300\n  活动区域面积（%）: 0.6\n", encoding="utf-8")
    with pytest.raises(LedgerError, match=r"东村）的设施，字段 活动区域面积（%）：此列的列名带“%”，“0.6”可能是"):
        read_ledger(ledger)


def test_a_workbook_saved_by_libreoffice_asks_only_about_the_plain_fraction(tmp_path: Path) -> None:
    """Calc reads 60% and 0.6% typed in a CSV as cells formatted as percentages: those say what they are."""
    soffice = libreoffice()
    typed = tmp_path / "设施.csv"
    typed.write_text(
        "村名,建筑面积,户数,活动区域面积（%）\n东村,300,500,0.6\n西村,300,500,60%\n南村,300,500,0.6%\n北村,300,500,65\n",
        encoding="utf-8",
    )
    out = tmp_path / "saved"
    book = _calc(soffice, typed, out)
    with pytest.raises(LedgerError) as raised:
        read_facility_file(book)
    assert [p.describe() for p in raised.value.problems] == [f"{book}，工作表“设施”，第 2 行，{ASKED}"]
    fixed = tmp_path / "fixed.csv"
    fixed.write_text(typed.read_text(encoding="utf-8").replace(",0.6\n", ",60\n"), encoding="utf-8")
    figures = read_facility_file(_calc(soffice, fixed, out))
    assert [f.activity_area_m2 for f in figures] == pytest.approx([180, 180, 1.8, 195])


def test_a_cell_formatted_as_a_percentage_is_the_share_it_shows(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "设施"
    sheet.append(["村名", "建筑面积", "户数", "活动区域面积（%）"])
    sheet.append(["东村", 300, 500, 0.6])
    sheet["D2"].number_format = "0%"
    book.save(tmp_path / "设施.xlsx")
    (figures,) = read_facility_file(tmp_path / "设施.xlsx")
    assert figures.activity_area_m2 == 180
    sheet["D2"].number_format = "General"
    book.save(tmp_path / "plain.xlsx")
    with pytest.raises(LedgerError, match=r"第 2 行，字段 活动区域面积（%）：此列的列名带“%”，“0.6”可能是 0.6%"):
        read_facility_file(tmp_path / "plain.xlsx")
