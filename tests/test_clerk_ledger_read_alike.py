"""Ledgers that say the same thing in other characters, units or words, as clerks write them.

A 汇总 row in traditional characters (健在證明, 類別 證明) or with its unit (300平方米, 60%) was 没有相同的记录 beside
the ledger row it repeats. 百分之六十 or 六十 in a number column was 不是数字 without a word of what to write. A footer
of 制表日期, 联系电话 or 盖章 was read as an entry, and a village whose name starts as a footer does (联系人村) was
dropped as one. A sign or facility row's own 村或社区 did not make its place a community in the API's result. The
mechanism finding of Ninghe, whose clause says 未经市委市政府同意, said 未经省级党委和政府同意.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest

from conftest import invoke, libreoffice
from test_libreoffice import _save_with_calc
from villagecat.checks import read_ledger
from villagecat.models import Scope

if TYPE_CHECKING:
    from pathlib import Path

openpyxl = pytest.importorskip("openpyxl")


def _ledger(path: Path, summary: list[list[Any]]) -> Path:
    """证明 and 设施 sheets of 和平村 (activity area 180 of 300), and a 汇总 sheet of the given rows."""
    book = openpyxl.Workbook()
    book.active.title = "证明"
    for row in (["村名", "名称"], ["和平村", "健在证明"], ["和平村", "居住证明"]):
        book.active.append(row)
    facility = book.create_sheet("设施")
    facility.append(["村名", "建筑面积", "户数", "活动区域面积"])
    facility.append(["和平村", 300, 500, 180])
    sheet = book.create_sheet("汇总")
    for row in summary:
        sheet.append(row)
    book.save(path)
    return path


TRADITIONAL: list[list[Any]] = [
    ["村名", "類別", "名稱", "建築面積", "戶數", "活動區域面積"],
    ["和平村", "證明", "健在證明", None, None, None],
    ["和平村", "证明", "居住证明", None, None, None],
    ["和平村", "設施", None, "300平方米", "500户", "60%"],
]
UNITS: list[list[Any]] = [
    ["村名", "类别", "名称", "建筑面积", "户数", "活动区域面积"],
    ["和平村", "证明", "健在证明", None, None, None],
    ["和平村", "证明", "居住证明", None, None, None],
    ["和平村", "设施", None, "300 ㎡", 500, "180平方米"],
]


@pytest.mark.parametrize("summary", [TRADITIONAL, UNITS], ids=["traditional", "units"])
def test_a_summary_row_saying_the_same_in_other_characters_or_units_is_the_ledger_s(
    tmp_path: Path, summary: list[list[Any]]
) -> None:
    path = _ledger(tmp_path / "台账.xlsx", summary)
    result = invoke("audit", str(path), "-j", "120117")
    assert result.code == 1, result.err  # 健在证明 不应出具
    assert "没有相同的记录" not in result.err, result.err
    assert "工作表“汇总”：按工作表的名称，这是汇总表，其 3 行与其他工作表中的记录相同" in result.err, result.err


def test_a_summary_saved_by_libreoffice_with_units_is_the_ledger_s(tmp_path: Path) -> None:
    soffice = libreoffice()
    _ledger(tmp_path / "台账.xlsx", TRADITIONAL)
    _save_with_calc(soffice, [tmp_path / "台账.xlsx"], tmp_path / "saved")
    result = invoke("audit", str(tmp_path / "saved" / "台账.xlsx"), "-j", "120117")
    assert result.code == 1, result.err
    assert "不符合 1 项" in result.out, result.out
    assert "其 3 行与其他工作表中的记录相同" in result.err, result.err


def test_a_summary_row_of_a_unit_the_ledger_refuses_is_told_as_the_ledger_would(tmp_path: Path) -> None:
    rows: list[list[Any]] = [*UNITS[:3], ["和平村", "设施", None, "300厘米", 500, 180]]
    path = _ledger(tmp_path / "台账.xlsx", rows)
    result = invoke("audit", str(path), "-j", "120117")
    assert result.code == 1
    assert result.out == ""
    assert "没有相同的记录" not in result.err, result.err
    assert "工作表“汇总”，第 4 行，字段 建筑面积：“300厘米”的单位“厘米”不是此列的单位" in result.err, result.err


def test_a_summary_row_that_differs_is_still_alone(tmp_path: Path) -> None:
    rows: list[list[Any]] = [*UNITS[:3], ["和平村", "设施", None, "301平方米", 500, 180]]
    result = invoke("audit", str(_ledger(tmp_path / "台账.xlsx", rows)), "-j", "120117")
    assert result.code == 1
    assert "第 4 行在其他工作表中没有相同的记录" in result.err, result.err


def test_a_category_in_traditional_characters_is_read(tmp_path: Path) -> None:
    ledger = tmp_path / "台账.csv"
    ledger.write_text("村名,類別,名稱\n和平村,證明,健在證明\n", encoding="utf-8")
    (entry,) = read_ledger(ledger).villages
    assert entry.certificates == ["健在證明"]


@pytest.mark.parametrize(
    ("written", "meant"), [("六十", "60"), ("百分之六十", "60%"), ("一百二十", "120"), ("三百平方米", "300")]
)
def test_a_number_in_chinese_numerals_is_refused_saying_what_to_write(tmp_path: Path, written: str, meant: str) -> None:
    ledger = tmp_path / "台账.csv"
    ledger.write_text(f"村名,建筑面积,户数,活动区域面积\n和平村,300,500,{written}\n", encoding="utf-8")
    result = invoke("check", "facility", "--file", str(ledger), "-j", "120117")
    assert result.code == 1
    said = f"第 2 行，字段 活动区域面积：“{written}”不是数字：若指 {meant}，请填写 {meant}"
    assert said in result.err, result.err
    english = invoke("check", "facility", "--file", str(ledger), "-j", "120117", "--lang", "en")
    assert f"{written!r} is not a number: if it means {meant}, write {meant}" in english.err, english.err


@pytest.mark.parametrize("written", ["六六", "十十", "百分之", "六十点五"])
def test_text_that_is_no_numeral_read_here_has_no_suggestion(tmp_path: Path, written: str) -> None:
    ledger = tmp_path / "台账.csv"
    ledger.write_text(f"村名,建筑面积\n和平村,{written}\n", encoding="utf-8")
    result = invoke("check", "facility", "--file", str(ledger), "-j", "120117")
    assert result.code == 1
    assert f"“{written}”不是数字\n" in result.err, result.err


@pytest.mark.parametrize(
    "footer",
    [
        ["制表日期：2024年3月1日"],
        ["联系电话：0554-2698"],
        ["（盖章）"],
        ["负责人签字："],
        ["填表人：", "张三", "审核人：", "李四"],
        ["审核日期"],
    ],
)
def test_a_footer_as_real_ledgers_carry_it_is_a_note(tmp_path: Path, footer: list[str]) -> None:
    ledger = tmp_path / "台账.csv"
    cells = ",".join([*footer, "", "", ""][:4])
    ledger.write_text(f"村名,名称,类别,备注\n柳树村,居民养犬证明,证明,\n{cells}\n", encoding="utf-8")
    result = invoke("audit", str(ledger), "-j", "120117")
    assert result.code == 1
    assert "“居民养犬证明”" in result.out, result.out
    assert "第 3 行（“" in result.err, result.err
    assert "是表格的说明或落款，不是一项记录，未读" in result.err, result.err


@pytest.mark.parametrize("village", ["联系人村", "盖章村", "审核人村"])
def test_a_village_whose_name_starts_as_a_footer_is_no_footer(tmp_path: Path, village: str) -> None:
    """Its row is read: an entry (judged), or with its name alone a row whose 类别 is 必填, never a note dropped."""
    ledger = tmp_path / "台账.csv"
    ledger.write_text(f"村名,名称,类别\n柳树村,居民养犬证明,证明\n{village},健在证明,证明\n", encoding="utf-8")
    result = invoke("audit", str(ledger), "-j", "120117")
    assert "落款" not in result.err, result.err
    assert f"{village}：“健在证明”不应出具" in result.out, result.out
    ledger.write_text(f"村名,名称,类别\n柳树村,居民养犬证明,证明\n{village},,\n", encoding="utf-8")
    alone = invoke("audit", str(ledger), "-j", "120117")
    assert "落款" not in alone.err, alone.err
    assert "第 3 行，字段 类别：必填" in alone.err, alone.err


@pytest.mark.parametrize(
    ("row", "kind"),
    [("和平社区,标牌,和平社区居民委员会,外部,,社区", "sign"), ("和平社区,设施,,,300,社区", "facility")],
)
def test_a_sign_or_facility_row_s_own_scope_is_its_entry_s(tmp_path: Path, row: str, kind: str) -> None:
    ledger = tmp_path / "台账.csv"
    ledger.write_text(f"村名,类别,名称,位置,建筑面积,村或社区\n{row}\n", encoding="utf-8")
    (entry,) = read_ledger(ledger).villages
    assert entry.scope is Scope.COMMUNITY
    own = entry.signs[0].scope if kind == "sign" else entry.facility.scope if entry.facility else None
    assert own is Scope.COMMUNITY


MECHANISM = "村名,类别,名称,专人专岗,设立依据\n和平村,机制,某某工作站,是,无依据\n"


def test_the_dedicated_post_finding_says_the_consent_in_the_words_of_the_layer_s_clause(tmp_path: Path) -> None:
    """Ninghe (a municipality's district) says 未经市委市政府同意; the national opinion 未经省级党委和政府同意."""
    ledger = tmp_path / "台账.csv"
    ledger.write_text(MECHANISM, encoding="utf-8")
    ninghe = invoke("audit", str(ledger), "-j", "120117")
    assert "也未经市委市政府同意，不得要求" in ninghe.out, ninghe.out
    assert "省级党委和政府同意，不得" not in ninghe.out, ninghe.out
    national = invoke("audit", str(ledger), "-j", "cn")
    assert "也未经省级党委和政府同意，不得要求" in national.out, national.out
    english = invoke("audit", str(ledger), "-j", "120117", "--lang", "en")
    assert "未经市委市政府同意" in english.out, english.out
