"""A ledger as Excel, WPS and LibreOffice save it on a Chinese desktop: its encoding, its bytes, its two-row header."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from conftest import invoke

if TYPE_CHECKING:
    from pathlib import Path

LEDGER = "村名,类别,名称\r\n榆树村,证明,健在证明\r\n柳树村,证明,居住证明\r\n"


@pytest.mark.parametrize("encoding", ["gbk", "gb18030"])
def test_a_csv_saved_by_excel_or_wps_in_gbk_is_read(tmp_path: Path, encoding: str) -> None:
    """Excel's and WPS's 「CSV（逗号分隔）」 on Chinese Windows is GBK; Excel 2010/2013 offer no CSV UTF-8 at all."""
    (tmp_path / "台账.csv").write_bytes(LEDGER.encode(encoding))
    (tmp_path / "utf8.csv").write_bytes(LEDGER.encode("utf-8-sig"))
    read = invoke("audit", str(tmp_path / "台账.csv"), "-j", "120117")
    same = invoke("audit", str(tmp_path / "utf8.csv"), "-j", "120117")
    assert read.code == same.code == 1, read.err
    assert read.err == ""
    assert "“健在证明”不应出具" in read.out
    assert read.out == same.out


def test_a_gbk_facility_file_is_read_too(tmp_path: Path) -> None:
    (tmp_path / "设施.csv").write_bytes("村名,建筑面积,户数\r\n东村,300,500\r\n".encode("gbk"))
    (tmp_path / "utf8.csv").write_bytes("村名,建筑面积,户数\r\n东村,300,500\r\n".encode())
    read = invoke("check", "facility", "--file", str(tmp_path / "设施.csv"), "-j", "120117", "--all")
    same = invoke("check", "facility", "--file", str(tmp_path / "utf8.csv"), "-j", "120117", "--all")
    assert read.err == ""
    assert "东村" in read.out
    assert read.out == same.out


def test_a_file_that_is_neither_utf8_nor_gbk_text_says_so(tmp_path: Path) -> None:
    """Bytes no encoding reads (a renamed picture, a damaged file): not told it is GBK, which would read."""
    (tmp_path / "台账.csv").write_bytes(b"\x89PNG\r\n\x1a\n\xff\xfe\x80\x80\xff" * 50)
    result = invoke("audit", str(tmp_path / "台账.csv"), "-j", "120117")
    assert result.code == 2
    assert "台账.csv" in result.err
    assert "既不是 UTF-8 也不是 GBK" in result.err
    assert "Traceback" not in result.err


def test_latin_text_that_only_decodes_as_gbk_by_chance_is_not_read_as_a_ledger(tmp_path: Path) -> None:
    """A Latin-1 file decodes as GB18030 into nonsense: refused as not UTF-8, never a list of garbled columns."""
    (tmp_path / "台账.csv").write_bytes("fa\xe7ade,pr\xe9nom\nm\xe9tro,caf\xe9s\n".encode("latin-1"))
    result = invoke("audit", str(tmp_path / "台账.csv"), "-j", "120117")
    assert result.code == 2
    assert "不是 UTF-8 编码" in result.err
    assert "不认识这一列" not in result.err


@pytest.mark.parametrize(
    ("data", "line"),
    [
        ("村名,类别,名称\n榆树村,证明,健在\x00证明\n".encode(), 2),
        ("村名,类别,名称\n".encode("utf-16-le"), 1),  # Excel's 「Unicode 文本」 without its mark
    ],
    ids=["nul-in-a-cell", "utf16-without-bom"],
)
def test_a_nul_byte_is_refused_naming_its_line_never_shown_as_an_escape(tmp_path: Path, data: bytes, line: int) -> None:
    """健在\\x00证明 was matched as 健在证明 and printed “健在\\u0000证明”: a Python escape before the clerk."""
    (tmp_path / "台账.csv").write_bytes(data)
    result = invoke("audit", str(tmp_path / "台账.csv"), "-j", "120117")
    assert result.code == 2
    assert f"台账.csv：第 {line} 行" in result.err
    assert "空字符" in result.err
    assert "\\u0000" not in result.out + result.err
    assert "\\x00" not in result.out + result.err


def test_a_two_row_header_of_merged_group_titles_is_one_problem(tmp_path: Path) -> None:
    """标牌信息 merged over 名称 and 位置, 尺寸 over 宽度 and 高度: four 不认识这一列 lines, each title twice."""
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "标牌"
    sheet.append(["村名", "标牌信息", None, "尺寸", None])
    sheet.append([None, "名称", "位置", "宽度", "高度"])
    sheet.append(["榆树村", "榆树村民委员会", "外部", 30, 200])
    sheet.merge_cells("A1:A2")
    sheet.merge_cells("B1:C1")
    sheet.merge_cells("D1:E1")
    book.save(tmp_path / "台账.xlsx")
    result = invoke("audit", str(tmp_path / "台账.xlsx"), "-j", "220000")
    assert result.code == 1
    said = "第 1 行：应为列名，而本表的列名在第 2 行；请删去列名上方的 1 行（如表格标题）"
    assert result.err == f"villagecat: {tmp_path / '台账.xlsx'}，工作表“标牌”，{said}\n", result.err


def test_an_unknown_title_merged_over_two_columns_is_one_problem(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "标牌"
    sheet.append(["村名", "名称", "字体颜色", None])
    sheet.append(["榆树村", "榆树村民委员会", "黑", "红"])
    sheet.merge_cells("C1:D1")
    book.save(tmp_path / "台账.xlsx")
    result = invoke("audit", str(tmp_path / "台账.xlsx"), "-j", "220000")
    assert result.code == 1
    assert result.err.count("字段 字体颜色：不认识这一列") == 1, result.err
    # and D's own 红 under it is said, so both are fixed in one pass (not found once 字体颜色 is renamed 字色)
    assert result.err.count("字段 字体颜色：列名“字体颜色”合并了 C 列至 D 列，而 D 列也填有内容（第 2 行：“红”）") == 1


@pytest.mark.parametrize(
    "top",
    ["和平村标牌自查台账,,,\n", "村名,标牌信息,,宽度\n"],
    ids=["title-row", "group-titles"],
)
def test_a_csv_saved_from_a_workbook_with_rows_above_its_header_is_one_problem(tmp_path: Path, top: str) -> None:
    """The workbook's title (or group titles) saved as CSV was told 不认识这一列 and never where the header is."""
    (tmp_path / "台账.csv").write_text(top + "村名,名称,位置,宽度\n和平村,和平村民委员会,外部,30\n", encoding="utf-8")
    result = invoke("audit", str(tmp_path / "台账.csv"), "-j", "220000")
    assert result.code == 1
    said = "第 1 行：应为列名，而本表的列名在第 2 行；请删去列名上方的 1 行（如表格标题）"
    assert result.err == f"villagecat: {tmp_path / '台账.csv'}，{said}\n", result.err


def test_a_short_utf8_ledger_with_one_gbk_row_pasted_in_names_the_row(tmp_path: Path) -> None:
    """Two rows of UTF-8 and one of GBK were refused as 既不是 UTF-8 也不是 GBK alone: too short to judge by the share
    of UTF-8 it reads, it now says where UTF-8 stops (a long file is told the damaged line already)."""
    data = "村名,类别,名称\n榆树村,证明,健在证明\n".encode() + "杨树村,证明,健在证明\n".encode("gbk")
    (tmp_path / "台账.csv").write_bytes(data)
    result = invoke("audit", str(tmp_path / "台账.csv"), "-j", "120117")
    assert result.code == 2
    assert "第 3 行起不是 UTF-8" in result.err


def test_a_tables_problems_are_told_in_its_row_order(tmp_path: Path) -> None:
    """A missing 村名 on row 4 was told before the empty 名称 on row 2: a clerk going down the sheet met row 4 first."""
    (tmp_path / "台账.csv").write_text(
        "村名,类别,名称\n榆树村,证明,\n榆树村,,健在证明\n,证明,健在证明\n柳树村,证明,居住证明\n", encoding="utf-8"
    )
    result = invoke("audit", str(tmp_path / "台账.csv"), "-j", "120117")
    assert result.code == 1
    rows = [int(line.split("第 ")[1].split(" 行")[0]) for line in result.err.splitlines() if "第 " in line]
    assert rows == [2, 3, 4], result.err


def _signs_below(rows_above: int) -> list[list[object]]:
    """A 标牌 sheet as a township hands it down: a title, then notes on how to fill it in, then the header."""
    notes: list[list[object]] = [[f"填表说明{n}：请如实填写本村悬挂的标牌，不得漏报"] for n in range(1, rows_above)]
    return [
        ["和平村标牌自查台账"],
        *notes,
        ["村名", "名称", "位置", "标牌类型", "版式", "宽度", "高度", "底色", "字色"],
        ["和平村", "和平村民委员会", "外部", "标牌", "竖牌", 30, 200, "白", "黑"],
    ]


@pytest.mark.parametrize("above", [12, 50])
def test_a_header_below_a_long_title_block_is_found_and_told_once(tmp_path: Path, above: int) -> None:
    """A title and ten-odd rows of 填表说明 above the header: the title was told 不认识这一列 with every column listed,
    and where the header is was never said (it was looked for on the first six rows only)."""
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    book.active.title = "标牌"
    for row in _signs_below(above):
        book.active.append(row)
    book.active.merge_cells("A1:I1")
    book.save(tmp_path / "台账.xlsx")
    text = "\n".join(",".join(str(v) for v in row) for row in _signs_below(above)) + "\n"
    (tmp_path / "台账.csv").write_text(text, encoding="utf-8")
    (tmp_path / "gbk.csv").write_bytes(text.encode("gbk"))  # as Excel and WPS save a CSV on Chinese Windows
    said = f"第 1 行：应为列名，而本表的列名在第 {above + 1} 行；请删去列名上方的 {above} 行（如表格标题）"
    for name, where in (("台账.xlsx", "，工作表“标牌”"), ("台账.csv", ""), ("gbk.csv", "")):
        result = invoke("audit", str(tmp_path / name), "-j", "220000")
        assert result.code == 1, result.err
        assert result.err == f"villagecat: {tmp_path / name}{where}，{said}\n", result.err


def test_a_sheet_without_any_header_is_one_problem(tmp_path: Path) -> None:
    """Rows of plaques with no header at all (or one further down than is looked for): each cell of row 1 was told
    an unknown column, every column listed nine times over; it is one problem, which says what row 1 must hold."""
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    book.active.title = "标牌"
    for n in range(3000):
        book.active.append([f"村{n}", "和平村民委员会", "外部", "标牌", "竖牌", 30, 200, "白", "黑"])
    book.active.append(["村名", "名称", "位置", "宽度"])  # far below: not looked for
    book.save(tmp_path / "台账.xlsx")
    (tmp_path / "台账.csv").write_text("和平村,和平村民委员会,外部,标牌,竖牌,30,200,白,黑\n" * 3000, encoding="utf-8")
    for name, where in (("台账.xlsx", "，工作表“标牌”"), ("台账.csv", "")):
        result = invoke("audit", str(tmp_path / name), "-j", "220000")
        assert result.code == 1, result.err
        assert result.err.count("\n") == 1, result.err
        assert result.err.startswith(f"villagecat: {tmp_path / name}{where}，第 1 行：应为列名"), result.err
        assert "不认识这一列" not in result.err
        english = invoke("audit", str(tmp_path / name), "-j", "220000", "--lang", "en")
        assert "row 1 must hold the column titles" in english.err


@pytest.mark.parametrize(
    ("written", "meant", "slug"),
    [("字体颜色", "字色", "text_colour"), ("标牌名称", "名称", "name"), ("宽", "宽度", "width_cm")],
)
def test_an_unknown_column_is_told_the_column_it_likely_is(tmp_path: Path, written: str, meant: str, slug: str) -> None:
    """字体颜色 was told 不认识这一列 and handed all twenty-four titles to find 字色 among."""
    (tmp_path / "台账.csv").write_text(f"村名,位置,{written}\n和平村,外部,黑\n", encoding="utf-8")
    result = invoke("audit", str(tmp_path / "台账.csv"), "-j", "220000")
    assert result.code == 1
    assert f"字段 {written}：不认识这一列" in result.err
    assert f"是否应为“{meant}”？" in result.err, result.err
    assert "可用的列名" not in result.err  # not the whole list as well
    assert slug not in result.err  # Chinese first: no English name before a clerk
    english = invoke("audit", str(tmp_path / "台账.csv"), "-j", "220000", "--lang", "en")
    assert f"did you mean {slug}?" in english.err, english.err


def test_an_unknown_column_like_none_is_still_given_every_column(tmp_path: Path) -> None:
    (tmp_path / "台账.csv").write_text("村名,位置,悬挂时间\n和平村,外部,2024\n", encoding="utf-8")
    result = invoke("audit", str(tmp_path / "台账.csv"), "-j", "220000")
    assert result.code == 1
    assert "字段 悬挂时间：不认识这一列" in result.err
    assert "可用的列名：村名、类别、名称" in result.err
    assert "是否应为" not in result.err


def test_an_unknown_key_of_a_yaml_entry_is_told_the_key_it_likely_is(tmp_path: Path) -> None:
    (tmp_path / "台账.yaml").write_text(
        "villages:\n- village: 和平村\n  signs:\n  - {名称: 和平村民委员会, 位置: 外部, 字体颜色: 黑}\n",
        encoding="utf-8",
    )
    result = invoke("audit", str(tmp_path / "台账.yaml"), "-j", "220000")
    assert result.code == 1
    assert "字段 字体颜色：不认识这个键" in result.err
    assert "是否应为“字色”？" in result.err, result.err


def test_a_misspelt_key_of_a_yaml_village_is_told_the_key_it_likely_is(tmp_path: Path) -> None:
    """``sign:`` for ``signs:`` was told with every key listed; it is told the key it likely is."""
    (tmp_path / "台账.yaml").write_text(
        "villages:\n- village: 和平村\n  sign:\n  - {名称: 和平村民委员会, 位置: 外部}\n", encoding="utf-8"
    )
    result = invoke("audit", str(tmp_path / "台账.yaml"), "-j", "220000")
    assert result.code == 1
    assert "字段 sign：不认识这个键" in result.err
    assert "是否应为“标牌（signs）”？" in result.err, result.err


def test_a_totals_row_is_not_read_as_a_village(tmp_path: Path) -> None:
    """合计 under the villages' figures was checked as a village named 合计 (符合 2 项) and reported beside them."""
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    book.active.title = "设施"
    for row in (["村名", "建筑面积", "户数"], ["和平村", 300, 500], ["东村", 800, 900], ["合计：", 1100, 1400]):
        book.active.append(row)
    book.save(tmp_path / "设施.xlsx")
    (tmp_path / "台账.csv").write_text("序号,村名,类别,名称\n1,和平村,证明,居住证明\n总计,,,1\n", encoding="utf-8")
    for argv, name, where in (
        (["check", "facility", "--file"], "设施.xlsx", "，工作表“设施”，第 4 行，字段 村名"),
        (["audit"], "台账.csv", "，第 3 行，字段 序号"),
    ):
        result = invoke(*argv, str(tmp_path / name), "-j", "220000")
        assert result.code == 1, result.out
        assert result.err.startswith(f"villagecat: {tmp_path / name}{where}：这一行是合计行"), result.err
        assert result.err.count("\n") == 1, result.err


@pytest.mark.parametrize("written", ["合计（2个村）", "合计(2个村)", "总计：3项", "合计2个村", "小计 共2项"])
def test_a_totals_row_saying_what_it_counts_is_not_read_as_a_village(tmp_path: Path, written: str) -> None:
    """合计（2个村） under the villages' facilities was checked as a third village of that name (符合 1 项)."""
    (tmp_path / "设施.csv").write_text(
        f"村名,建筑面积,户数\n东村,350,420\n西村,350,420\n{written},700,840\n", encoding="utf-8"
    )
    result = invoke("check", "facility", "--file", str(tmp_path / "设施.csv"), "-j", "120117")
    assert result.code == 1, result.out
    assert result.err.startswith(f"villagecat: {tmp_path / '设施.csv'}，第 4 行，字段 村名：这一行是合计行"), result.err
    assert written not in result.out


def test_a_village_whose_name_begins_like_a_total_is_still_a_village(tmp_path: Path) -> None:
    """Only a totals word alone, or followed by what it counts, is a totals row: 合计村 may be a village's name."""
    (tmp_path / "设施.csv").write_text("村名,建筑面积,户数\n合计村,350,420\n", encoding="utf-8")
    result = invoke("check", "facility", "--file", str(tmp_path / "设施.csv"), "-j", "120117", "--all")
    assert result.err == ""
    assert "合计村" in result.out


def test_a_column_without_a_title_that_holds_something_is_refused_not_dropped(tmp_path: Path) -> None:
    """已停开 written beside 健在证明 under a column without a title (or of spaces) was dropped without a word."""
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    book.active.title = "证明"
    for row in (["村名", "名称", "   "], ["和平村", "居住证明", None], ["和平村", "健在证明", "已停开"]):
        book.active.append(row)
    book.save(tmp_path / "台账.xlsx")
    (tmp_path / "台账.csv").write_text(
        "村名,类别,名称,\n和平村,证明,居住证明,\n和平村,证明,健在证明,已停开\n", encoding="utf-8"
    )
    (tmp_path / "空列.csv").write_text("村名,类别,名称, \n和平村,证明,健在证明,\n", encoding="utf-8")
    for name, where, letter in (("台账.xlsx", "，工作表“证明”", "C"), ("台账.csv", "", "D")):
        result = invoke("audit", str(tmp_path / name), "-j", "120117")
        assert result.code == 1
        said = f"第 1 行：{letter} 列没有列名，而第 3 行在这一列写了“已停开”"
        assert result.err.startswith(f"villagecat: {tmp_path / name}{where}，{said}"), result.err
        assert result.err.count("\n") == 1, result.err
    empty = invoke("audit", str(tmp_path / "空列.csv"), "-j", "120117")  # a trailing column of nothing: read
    assert empty.err == ""
    assert "健在证明" in empty.out


def test_a_sheet_of_notes_beside_the_ledger_is_told_what_to_do(tmp_path: Path) -> None:
    """The township's notes kept as a second sheet was told 请把列名写在第 1 行, as though it were a ledger.

    A sheet whose name says what it is (填表说明, 汇总) is told so: ``test_clerk_ledger_columns``; here, one named
    nothing of the kind.
    """
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    book.active.title = "证明"
    book.active.append(["村名", "名称"])
    book.active.append(["和平村", "健在证明"])
    notes = book.create_sheet("附件")
    notes.append(["1. 请如实填写本村出具的证明"])
    notes.append(["2. 不得漏报"])
    book.save(tmp_path / "台账.xlsx")
    result = invoke("audit", str(tmp_path / "台账.xlsx"), "-j", "120117")
    assert result.code == 1
    assert "工作表“附件”，第 1 行：应为列名" in result.err
    assert "不是台账的工作表（如填表说明）请移出本文件" in result.err, result.err


def test_hidden_rows_columns_and_sheets_of_a_ledger_are_checked_and_said(tmp_path: Path) -> None:
    """A row hidden to "remove" 健在证明 was judged 不符合 without a word: hiding is no deletion, and it is told."""
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    book.active.title = "证明"
    header = ["村名", "类别", "名称", "备注"]
    for row in (header, ["和平村", "证明", "健在证明", "已停开"], ["和平村", "证明", "居住证明"]):
        book.active.append(row)
    book.active.row_dimensions[2].hidden = True
    book.active.column_dimensions["D"].hidden = True
    other = book.create_sheet("旧账")
    for row in (["村名", "类别", "名称"], ["东村", "证明", "亲属关系证明"]):
        other.append(row)
    other.sheet_state = "hidden"
    book.save(tmp_path / "台账.xlsx")
    for lang, words in (
        ("zh", ("“证明”：第 2 行是隐藏行，照样读入", "“证明”：D 列（备注）是隐藏列", "“旧账”：这张工作表是隐藏")),
        ("en", ("sheet 证明: ", "sheet 旧账: ")),
    ):
        result = invoke("audit", str(tmp_path / "台账.xlsx"), "-j", "220000", "--lang", lang)
        assert result.code == 1, result.err
        assert "健在证明" in result.out  # judged all the same: the file holds it
        assert "亲属关系证明" in result.out
        for said in words:
            assert said in result.err, result.err
        assert "Warning" not in result.err


def test_a_ledger_s_hidden_sheet_and_columns_are_told_in_the_words_of_an_audit(tmp_path: Path) -> None:
    """A ledger's hidden column was told 核对后再导入 and last year's hidden sheet 不要删除工作表: an import's words."""
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    book.active.title = "证明"
    for row in (["村名", "名称", "备注"], ["东棘坨村", "健在证明", "已停开"]):
        book.active.append(row)
    book.active.column_dimensions["C"].hidden = True
    old = book.create_sheet("2025年")
    for row in (["村名", "类别", "名称"], ["东棘坨村", "证明", "养犬证明"]):
        old.append(row)
    old.sheet_state = "hidden"
    book.save(tmp_path / "台账.xlsx")
    result = invoke("audit", str(tmp_path / "台账.xlsx"), "-j", "120117")
    assert result.code == 1, result.err
    assert "“养犬证明”" in result.out  # read and judged all the same: the file holds it
    assert "导入" not in result.err, result.err
    assert "不要删除工作表" not in result.err, result.err
    assert "“证明”：C 列（备注）是隐藏列，其中的内容照样读入；请取消隐藏，核对后再核查" in result.err, result.err
    said = (
        "“2025年”：这张工作表是隐藏的，其中各行照样核查；"
        "请在表名处右键选“取消隐藏”核对，不属于本台账的工作表（如往年的台账）请移出本文件"
    )
    assert said in result.err, result.err


def test_a_whole_ledger_given_to_one_check_is_read_for_that_check_alone(tmp_path: Path) -> None:
    """check signage given the ledger audit reads took its 证明 and 事项 rows for signs (位置：必填 on each)."""
    (tmp_path / "台账.csv").write_text(
        "村名,类别,名称,位置,建筑面积\n"
        "东棘坨村,标牌,东棘坨村村民委员会,外部,\n"
        "东棘坨村,证明,健在证明,,\n"
        "东棘坨村,事项,防汛,,\n"
        "东棘坨村,设施,党群服务中心,,450\n",
        encoding="utf-8",
    )
    signs = invoke("check", "signage", str(tmp_path / "台账.csv"), "-j", "120117")
    assert "位置：必填" not in signs.out + signs.err
    assert signs.code == 0, signs.err
    assert "3 行的类别不是标牌（证明、事项、设施），本检查不核查这些行；整本台账请用 villagecat audit 核查" in signs.err
    facility = invoke("check", "facility", "--file", str(tmp_path / "台账.csv"), "-j", "120117", "--lang", "en")
    assert "3 rows are not of the facility category" in facility.err, facility.err
    assert "Traceback" not in facility.err


def test_the_rows_one_check_leaves_are_counted_by_category_however_they_are_worded(tmp_path: Path) -> None:
    """证明事项 and 证明 rows were listed as two categories (证明事项、设施、证明), 牌子 and 标识 as two signs."""
    (tmp_path / "台账.csv").write_text(
        "村名,类别,名称,位置,建筑面积\n"
        "东棘坨村,牌子,东棘坨村村民委员会,外部,\n"
        "东棘坨村,证明事项,健在证明,,\n"
        "东棘坨村,设施,,,450\n"
        "东棘坨村,证明,居住证明,,\n"
        "东棘坨村,标识,警务室,外部,\n",
        encoding="utf-8",
    )
    signs = invoke("check", "signage", str(tmp_path / "台账.csv"), "-j", "120117")
    assert "3 行的类别不是标牌（证明、设施），本检查不核查这些行" in signs.err, signs.err
    facility = invoke("check", "facility", "--file", str(tmp_path / "台账.csv"), "-j", "120117", "--lang", "en")
    assert "4 rows are not of the facility category (sign, certificate)" in facility.err, facility.err


@pytest.mark.parametrize("title", ["社区名称", "社区", "村（社区）名称"])
def test_a_communitys_ledger_headed_by_its_own_word_is_read(tmp_path: Path, title: str) -> None:
    """社区名称 was told 是否应为“名称”？ (the certificate's column): a community's clerk following it had two 名称."""
    (tmp_path / "台账.csv").write_text(f"{title},类别,名称\n芦台镇第一社区,证明,健在证明\n", encoding="utf-8")
    result = invoke("audit", str(tmp_path / "台账.csv"), "-j", "120117")
    assert result.code == 1, result.err
    assert "芦台镇第一社区：“健在证明”不应出具" in result.out
