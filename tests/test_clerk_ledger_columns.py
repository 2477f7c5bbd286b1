"""A township clerk's own words for a ledger's columns, and the sheets a workbook holds beside its ledger.

悬挂地点, 颜色 and 尺寸 were each told 不认识这一列 with all twenty-four accepted titles listed, where a near title
(字体颜色) is told the one column it likely is; 颜色 and 尺寸 name two columns each. A 汇总 sheet beside the ledger
was told column by column (标牌数, 证明数: 不认识这一列 each, with every title), never that the sheet is no ledger.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from conftest import invoke, libreoffice
from test_libreoffice import _save_with_calc

if TYPE_CHECKING:
    from pathlib import Path


@pytest.mark.parametrize(
    ("written", "meant", "slug"),
    [
        ("悬挂地点", "位置", "placement"),
        ("地点", "位置", "placement"),
        ("文字颜色", "字色", "text_colour"),  # it was told 文字, the sign's text
        ("背景颜色", "底色", "background_colour"),
        ("位置（外部/内部）", "位置", "placement"),  # its values noted in its title: it was handed every column
        ("版式（竖牌/横牌）", "版式", "orientation"),
    ],
)
def test_a_clerks_word_for_one_column_is_told_that_column(tmp_path: Path, written: str, meant: str, slug: str) -> None:
    (tmp_path / "台账.csv").write_text(f"村名,类别,名称,{written}\n和平村,标牌,和平村民委员会,外部\n", encoding="utf-8")
    result = invoke("audit", str(tmp_path / "台账.csv"), "-j", "220000")
    assert result.code == 1
    assert result.err == (
        f"villagecat: {tmp_path / '台账.csv'}，第 1 行，字段 {written}：不认识这一列（这一列的内容将无法核查）；"
        f"是否应为“{meant}”？\n"
    )
    english = invoke("audit", str(tmp_path / "台账.csv"), "-j", "220000", "--lang", "en")
    assert f"did you mean {slug}?" in english.err, english.err


@pytest.mark.parametrize(
    ("written", "first", "second", "example"),
    [
        ("颜色", "底色", "字色", "白底红字"),
        ("标牌颜色", "底色", "字色", "白底红字"),
        ("尺寸", "宽度", "高度", "240×35"),
        ("尺寸（厘米）", "宽度", "高度", "240×35"),  # it was told 是否应为“高（厘米）”, half of it
        ("规格", "宽度", "高度", "240×35"),
    ],
)
def test_a_column_holding_two_columns_is_told_to_be_split_into_both(
    tmp_path: Path, written: str, first: str, second: str, example: str
) -> None:
    (tmp_path / "标牌.csv").write_text(f"名称,位置,{written}\n和平村民委员会,外部,{example}\n", encoding="utf-8")
    for command in (("audit",), ("check", "signage")):
        result = invoke(*command, str(tmp_path / "标牌.csv"), "-j", "220000")
        assert result.code == 1, result.err
        said = result.err.removeprefix(f"villagecat: {tmp_path / '标牌.csv'}，第 1 行，字段 {written}：")
        assert said.startswith("不认识这一列（这一列的内容将无法核查）；"), result.err
        assert f"应分为“{first}”“{second}”两列" in said, said
        assert example in said  # how the cell it holds is written in the two
        assert "可用的列名" not in said
        assert "是否应为" not in said
        assert "_" not in said  # no English name before a clerk
    english = invoke("audit", str(tmp_path / "标牌.csv"), "-j", "220000", "--lang", "en")
    assert "split it into two columns" in english.err, english.err


def test_a_yaml_key_holding_two_fields_is_told_to_be_split(tmp_path: Path) -> None:
    (tmp_path / "台账.yaml").write_text(
        "villages:\n- village: 和平村\n  signs:\n  - {名称: 和平村民委员会, 位置: 外部, 颜色: 白底红字}\n",
        encoding="utf-8",
    )
    result = invoke("audit", str(tmp_path / "台账.yaml"), "-j", "220000")
    assert result.code == 1
    assert "字段 颜色：不认识这个键（其中的内容将无法核查）；应分为“底色”“字色”两个键" in result.err, result.err


def test_a_column_like_none_still_lists_every_column(tmp_path: Path) -> None:
    (tmp_path / "台账.csv").write_text("村名,位置,悬挂时间\n和平村,外部,2024\n", encoding="utf-8")
    result = invoke("audit", str(tmp_path / "台账.csv"), "-j", "220000")
    assert "可用的列名：村名、类别、名称" in result.err
    assert "应分为" not in result.err


def test_a_measure_titled_with_another_unit_is_not_told_its_bare_title(tmp_path: Path) -> None:
    """宽度（米）: told 是否应为“宽度”, a clerk would keep 2.4 under it, read as 2.4 cm."""
    (tmp_path / "台账.csv").write_text("名称,位置,宽度（米）\n和平村民委员会,外部,2.4\n", encoding="utf-8")
    result = invoke("audit", str(tmp_path / "台账.csv"), "-j", "220000")
    assert result.code == 1
    assert "是否应为“宽度”" not in result.err, result.err


def _book(tmp_path: Path, title: str, rows: list[list[object]]) -> Path:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    book.active.title = "证明"
    book.active.append(["村名", "名称"])
    book.active.append(["和平村", "健在证明"])
    other = book.create_sheet(title)
    for row in rows:
        other.append(row)
    path = tmp_path / "台账.xlsx"
    book.save(path)
    return path


@pytest.mark.parametrize(
    ("title", "rows", "kind"),
    [
        ("汇总", [["村名", "标牌数", "证明数", "不符合项数"], ["和平村", 4, 1, 0], ["合计", 4, 1, 0]], "汇总表"),
        ("汇总表", [["东棘坨镇自查台账汇总"], ["村名", "标牌数"], ["和平村", 4]], "汇总表"),  # its title above
        ("统计", [["村名", "标牌数"], ["和平村", 4]], "汇总表"),
        ("填表说明", [["1. 请如实填写本村出具的证明"], ["2. 不得漏报"]], "填表说明"),
    ],
)
def test_a_sheet_that_is_no_ledger_is_one_problem_saying_what_to_do(
    tmp_path: Path, title: str, rows: list[list[object]], kind: str
) -> None:
    path = _book(tmp_path, title, rows)
    result = invoke("audit", str(path), "-j", "120117")
    assert result.code == 1
    assert result.err.count("\n") == 1, result.err  # one problem, not one a column
    said = f"villagecat: {path}，工作表“{title}”：按工作表的名称，这是{kind}，不是台账"
    assert result.err.startswith(said), result.err
    assert "请把这张工作表移出本文件" in result.err
    assert "不认识这一列" not in result.err
    assert "请把列名写在第 1 行" not in result.err  # not told to make a ledger of it
    english = invoke("audit", str(path), "-j", "120117", "--lang", "en")
    assert "move it out of this file" in english.err, english.err
    facility = invoke("check", "facility", "--file", str(path), "-j", "120117")
    assert facility.code == 1
    assert f"工作表“{title}”：按工作表的名称，这是{kind}" in facility.err, facility.err


def test_a_ledger_sheet_named_summary_is_read_as_a_ledger(tmp_path: Path) -> None:
    """All villages' entries on one sheet a clerk called 汇总: its columns are a ledger's, and it is checked."""
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    book.active.title = "汇总"
    book.active.append(["村名", "类别", "名称"])
    book.active.append(["和平村", "证明", "健在证明"])
    book.save(tmp_path / "台账.xlsx")
    result = invoke("audit", str(tmp_path / "台账.xlsx"), "-j", "120117")
    assert result.code == 1, result.err
    assert result.err == ""
    assert "“健在证明”不应出具" in result.out


def _garbled(text: str) -> str:
    """What Excel on a Chinese desktop shows of a UTF-8 CSV opened without its encoding: its bytes read as GBK."""
    return text.encode("utf-8").decode("gbk", errors="replace")


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_titles_garbled_by_opening_a_utf8_csv_as_gbk_are_told_so(tmp_path: Path, suffix: str) -> None:
    """A township's UTF-8 export opened in Excel (鏉戝悕 for 村名) and saved.

    It was told 第 1 行没有一个可用的列名, 请把列名写在第 1 行 (and of a workbook's sheet, to move it out of the
    file): its titles are all there, garbled.
    """
    header, row = ["村名", "类别", "名称"], ["和平村", "证明", "健在证明"]
    path = tmp_path / f"台账{suffix}"
    if suffix == ".csv":
        lines = [",".join(map(_garbled, header)), ",".join(map(_garbled, row))]
        path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8-sig")  # saved again as 「CSV UTF-8」
        where = ""
    else:
        openpyxl = pytest.importorskip("openpyxl")
        book = openpyxl.Workbook()
        book.active.title = "台账"
        book.active.append([_garbled(t) for t in header])
        book.active.append([_garbled(t) for t in row])
        book.save(path)
        where = "工作表“台账”"
    result = invoke("audit", str(path), "-j", "120117")
    assert result.code == 2, result.err
    said = f"villagecat: {path}：{where}第 1 行的列名是乱码（“鏉戝悕”原是“村名”）"
    assert result.err.startswith(said), result.err
    assert "UTF-8" in result.err
    assert "请把列名写在第 1 行" not in result.err
    english = invoke("audit", str(path), "-j", "120117", "--lang", "en")
    assert "garbled" in english.err, english.err


def test_a_flag_cell_not_understood_is_quoted_as_written(tmp_path: Path) -> None:
    """专人专岗 written Y was quoted “y”: a clerk searching the sheet for it finds no such cell."""
    (tmp_path / "台账.csv").write_text("村名,类别,名称,专人专岗\n和平村,机制,网格站,Y\n", encoding="utf-8")
    result = invoke("audit", str(tmp_path / "台账.csv"), "-j", "220000")
    assert result.code == 1
    said = "“Y”应为 是 或 否（也可写 √ 或 ×）"
    assert result.err == f"villagecat: {tmp_path / '台账.csv'}，第 2 行，字段 专人专岗：{said}\n", result.err


def test_a_cell_showing_a_formulas_error_is_no_name_nor_figure(tmp_path: Path) -> None:
    """名称 =VLOOKUP(...) showing #N/A was audited as a certificate named “#N/A” (不在证明事项目录中, a 提示)."""
    openpyxl = pytest.importorskip("openpyxl")
    soffice = libreoffice()
    book = openpyxl.Workbook()
    book.active.title = "台账"
    book.active.append(["村名", "类别", "名称", "建筑面积"])
    book.active.append(["和平村", "证明", "健在证明", None])
    book.active.append(["和平村", "证明", '=VLOOKUP("无",C2:C2,1,0)', None])
    book.active.append(["和平村", "设施", None, "=1/0"])
    book.save(tmp_path / "typed.xlsx")
    _save_with_calc(soffice, [tmp_path / "typed.xlsx"], tmp_path / "saved")
    path = tmp_path / "saved" / "typed.xlsx"
    result = invoke("audit", str(path), "-j", "120117")
    assert result.code == 1, result.out
    assert result.out == ""
    lines = result.err.splitlines()
    where = f"  {path}，工作表“台账”"
    said = "单元格显示的是错误值 #N/A（公式出错），不是取值；请改正公式，或删去公式直接填写"
    assert lines[1] == f"{where}，第 3 行，字段 名称：{said}", result.err
    assert lines[2] == f"{where}，第 4 行，字段 建筑面积：{said.replace('#N/A', '#DIV/0!')}", result.err


def test_a_formula_never_computed_names_the_sheet_as_a_ledger_does(tmp_path: Path) -> None:
    """It said 台账.xlsx:设施：…请…保存后再导入: a programmer's place, and an import the clerk never asked for."""
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    book.active.title = "设施"
    book.active.append(["村名", "建筑面积", "户数"])
    book.active.append(["和平村", "=200+100", 420])  # written by a program: no value stored
    book.save(tmp_path / "台账.xlsx")
    for command in (("audit",), ("check", "facility", "--file")):
        result = invoke(*command, str(tmp_path / "台账.xlsx"), "-j", "220000")
        assert result.code == 2
        said = f"villagecat: {tmp_path / '台账.xlsx'}，工作表“设施”：单元格 B2 是公式"
        assert result.err.startswith(said), result.err
        assert "保存后再核查" in result.err
        assert "导入" not in result.err


def test_check_signage_of_a_workbook_whose_sheets_all_have_problems_tells_them(tmp_path: Path) -> None:
    """Every sheet's header refused, ``check signage`` said 字段 signs：应为标牌的列表 (a YAML ledger's words) alone."""
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    book.active.title = "标牌"
    book.active.append(["村名", "名称", "悬挂地点", "颜色"])
    book.active.append(["和平村", "和平村村民委员会", "外部", "白底黑字"])
    book.create_sheet("汇总").append(["村名", "标牌数"])
    book.save(tmp_path / "标牌.xlsx")
    result = invoke("check", "signage", str(tmp_path / "标牌.xlsx"), "-j", "220000")
    assert result.code == 1
    assert "signs" not in result.err, result.err
    assert result.err.startswith(f"villagecat: {tmp_path / '标牌.xlsx'}：发现 3 个问题，未作核查："), result.err
    assert "字段 悬挂地点：不认识这一列（这一列的内容将无法核查）；是否应为“位置”？" in result.err
    assert "工作表“汇总”：按工作表的名称，这是汇总表" in result.err


@pytest.mark.parametrize(("written", "meant"), [("√", True), ("✓", True), ("✔", True), ("×", False), ("✗", False)])
def test_a_tick_or_a_cross_in_a_yes_no_column_is_read_as_the_clerk_means(
    tmp_path: Path, written: str, meant: bool
) -> None:
    """√ and × in 专人专岗 were refused (“√”应为 是 或 否): the marks a clerk ticks a form with."""
    from villagecat.checks.ledger import read_ledger  # noqa: PLC0415

    (tmp_path / "台账.csv").write_text(f"村名,类别,名称,专人专岗\n和平村,机制,网格站,{written}\n", encoding="utf-8")
    [village] = read_ledger(tmp_path / "台账.csv").villages
    assert [m.dedicated_post for m in village.mechanisms] == [meant]


def test_a_title_typed_in_traditional_characters_is_the_columns(tmp_path: Path) -> None:
    """explain read a field's title typed in traditional characters (別名); a ledger's column (類別, 名稱) was refused
    as unknown. Column and field titles are compared alike (``title_key``), traditional as simplified."""
    from villagecat.checks import read_ledger  # noqa: PLC0415

    ledger = tmp_path / "台账.csv"
    ledger.write_text("村名,類別,名稱\n甲村,证明,居住证明\n", encoding="utf-8")
    (entry,) = read_ledger(ledger).villages
    assert entry.certificates == ["居住证明"]
