"""Reading a ledger as the clerk sees it: percentages, merged cells, units and thousands written in cells."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from conftest import REPO, invoke
from villagecat.checks import LedgerError, read_facility_file, read_ledger, read_signs
from villagecat.models import Colour

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

openpyxl = pytest.importorskip("openpyxl")

SIGN_HEADER: list[object] = ["村名", "名称", "位置", "标牌类型", "版式", "宽度", "高度", "底色", "字色"]
#: Jilin's four vertical plaques, each 白底黑字: the Party's must be 白底红字 (「村党组织标牌用白底红字」).
PLAQUES: list[Sequence[object]] = [
    ["和平村", "和平村民委员会", "外部", "标牌", "竖牌", 30, 200, "白", "黑"],
    ["和平村", "中共和平村支部委员会", "外部", "标牌", "竖牌", 30, 200, "白", "黑"],
    ["和平村", "和平村股份经济合作社", "外部", "标牌", "竖牌", 30, 200, "白", "黑"],
    ["和平村", "和平村务监督委员会", "外部", "标牌", "竖牌", 30, 200, "白", "黑"],
    ["和平村", "和平村党群服务中心", "外部", "标识", None, None, None, None, None],
    ["和平村", "和平村新时代文明实践站", "外部", "标识", None, None, None, None, None],
]


def _book(path: Path, title: str, rows: Sequence[Sequence[object]], *, merged: tuple[str, ...] = ()) -> Path:
    """Save one sheet of rows; each range in ``merged`` is merged as Excel does (the covered cells emptied)."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    for cells in merged:
        sheet.merge_cells(cells)
    book.save(path)
    return path


def _facility_book(path: Path, *, column: str, value: float, number_format: str) -> Path:
    """A facility sheet of one village, 300 m² for 500 households, with one cell formatted."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "设施"
    sheet.append(["村名", "建筑面积", "户数", "活动区域面积"])
    sheet.append(["东村", 300, 500, 180])
    cell = sheet.cell(2, ["村名", "建筑面积", "户数", "活动区域面积"].index(column) + 1)
    cell.value = value
    cell.number_format = number_format
    book.save(path)
    return path


def test_a_percentage_in_the_activity_area_is_its_share_of_the_floor_area(tmp_path: Path) -> None:
    """65% in 活动区域面积 was read as 0.65 m² (村民活动区域占 0.2%, 不符合): Ninghe words the rule as a share.

    The rule is 「村（居）民活动区域面积占…总建筑面积60%以上」, so a share can only be of the
    row's floor area: 65% of 300 m² is 195 m², and the check reports 65.0%.
    """
    book = _facility_book(tmp_path / "pct.xlsx", column="活动区域面积", value=0.65, number_format="0%")
    (figures,) = read_facility_file(book)
    assert figures.activity_area_m2 == 195
    result = invoke("check", "facility", "-j", "120117", "--file", str(book), "--format", "json")
    assert result.code == 0, result.out
    assert "村民活动区域占 65.0%，达到来源所载的 60%" in result.out
    typed = tmp_path / "typed.csv"  # typed as text, in a CSV or under a title that says （%）
    typed.write_text("村名,建筑面积,户数,活动区域面积\n东村,300,500,65%\n西村,300,500,５５％\n", encoding="utf-8")
    assert [f.activity_area_m2 for f in read_facility_file(typed)] == [195, 165]
    titled = tmp_path / "titled.csv"
    titled.write_text("村名,建筑面积,户数,活动区域面积（%）\n东村,300,500,65\n", encoding="utf-8")
    assert [f.activity_area_m2 for f in read_facility_file(titled)] == [195]
    over = tmp_path / "over.csv"
    over.write_text("村名,建筑面积,户数,活动区域面积\n东村,300,500,130%\n", encoding="utf-8")
    with pytest.raises(LedgerError, match=r"第 2 行，字段 活动区域面积：“130%”读作占建筑面积的比例，不能超过 100%"):
        read_facility_file(over)


@pytest.mark.parametrize(
    ("column", "quantity"),
    [("建筑面积", "面积，以平方米计"), ("户数", "户数"), ("活动区域面积", None)],
)
def test_a_percentage_in_any_other_measure_is_refused_naming_sheet_row_and_column(
    tmp_path: Path, column: str, quantity: str | None
) -> None:
    """3 formatted as 300% in 建筑面积 was read as 3 m²: a share has no meaning there."""
    book = _facility_book(tmp_path / "pct.xlsx", column=column, value=3, number_format="0%")
    if quantity is None:  # 300% of the floor area: the share is refused, not the column
        with pytest.raises(LedgerError, match="“300%”读作占建筑面积的比例，不能超过 100%"):
            read_facility_file(book)
        return
    result = invoke("check", "facility", "-j", "120117", "--file", str(book))
    assert result.code == 1
    assert result.err.startswith(
        f"villagecat: {book}，工作表“设施”，第 2 行，字段 {column}：“300%”是百分比，而此列是{quantity}；"
        "百分比只能填在“活动区域面积”一列（读作占建筑面积的比例）"
    ), result.err
    english = invoke("check", "facility", "-j", "120117", "--file", str(book), "--lang", "en")
    assert f"row 2, field {column}: '300%' is a percentage" in english.err


def test_a_percentage_in_a_plaque_s_size_is_refused(tmp_path: Path) -> None:
    rows = [SIGN_HEADER, ["和平村", "和平村民委员会", "外部", "标牌", "竖牌", 0.3, 200, "白", "黑"]]
    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    sheet["F2"].number_format = "0%"
    book.save(tmp_path / "signs.xlsx")
    with pytest.raises(LedgerError, match="字段 宽度：“30%”是百分比，而此列是长度，以厘米计"):
        read_signs(tmp_path / "signs.xlsx")


def test_merged_cells_read_as_the_clerk_sees_them(tmp_path: Path) -> None:
    """宽度、高度、底色、字色 merged down four plaques read as empty below the first: 白底黑字 on the Party's passed."""
    rows: list[Sequence[object]] = [SIGN_HEADER, *PLAQUES]
    plain = _book(tmp_path / "plain.xlsx", "标牌", rows)
    merged = _book(tmp_path / "merged.xlsx", "标牌", rows, merged=("F2:F5", "G2:G5", "H2:H5", "I2:I5"))
    assert read_signs(merged) == read_signs(plain)
    party = next(s for s in read_signs(merged) if s.text.startswith("中共"))
    assert (party.width_cm, party.height_cm, party.text_colour) == (30, 200, Colour.BLACK)
    result = invoke("check", "signage", str(merged), "-j", "220000")
    assert result.code == 0  # 「用白底红字」 names no binding word: a 提示, not 不符合
    assert "不符合 0 项，提示 1 项" in result.out
    assert "“中共和平村支部委员会”颜色与来源所载的不同：字色为黑，来源所载为红（来源未写明约束力）" in result.out


def test_a_village_s_name_merged_down_its_rows_names_each_row(tmp_path: Path) -> None:
    """村名 merged over a village's rows was 「第 3 行…未填写村名」; a spare row the merge runs into stays empty."""
    rows: list[list[object]] = [
        ["村名", "类别", "名称"],
        ["东棘坨村", "证明", "健在证明"],
        [None, "证明", "居民养犬证明"],
        [None, None, None],  # a spare row inside the merge: nothing of its own, nothing read
        ["西村", "事项", "拆迁拆违"],
        [None, "证明", "在职党员到居住地报到情况反馈"],
    ]
    book = _book(tmp_path / "ledger.xlsx", "台账", rows, merged=("A2:A4", "A5:A6"))
    ledger = read_ledger(book)
    assert [(v.village, v.certificates, v.duties) for v in ledger.villages] == [
        ("东棘坨村", ["健在证明", "居民养犬证明"], []),
        ("西村", ["在职党员到居住地报到情况反馈"], ["拆迁拆违"]),
    ]
    assert invoke("audit", str(book), "-j", "120117").code == 1  # 健在证明 must not be issued: checked, not refused


def test_overlapping_merged_ranges_are_a_damaged_workbook(tmp_path: Path) -> None:
    """Excel never writes two ranges over one cell; a file that does is refused, not filled twice."""
    book = _book(tmp_path / "ledger.xlsx", "证明", [["村名", "名称"], ["东村", "健在证明"], ["", "x"]])
    import zipfile  # noqa: PLC0415

    damaged = tmp_path / "damaged.xlsx"
    with zipfile.ZipFile(book) as source, zipfile.ZipFile(damaged, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                merges = b'<mergeCells count="2"><mergeCell ref="A2:A3"/><mergeCell ref="A3:B3"/></mergeCells>'
                data = data.replace(b"</sheetData>", b"</sheetData>" + merges)
            target.writestr(item, data)
    result = invoke("audit", str(damaged), "-j", "120117")
    assert result.code == 2
    assert "合并单元格 A3:B3 与另一个合并区域重叠" in result.err


def test_thousands_and_the_column_s_own_unit_are_read_in_a_cell(tmp_path: Path) -> None:
    """1,200 and 300平方米 were 「不是数字」: a clerk groups thousands and writes the unit the column is in."""
    path = tmp_path / "villages.csv"
    path.write_text(
        "村名,建筑面积,户数,活动区域面积\n"
        '甲村,"1,200",500户,800平方米\n'
        "乙村,１，２００,1200,300 ㎡\n"
        "丙村,300m²,500 户,180 M2\n",
        encoding="utf-8",
    )
    figures = read_facility_file(path)
    assert [(f.floor_area_m2, f.households, f.activity_area_m2) for f in figures] == [
        (1200, 500, 800),
        (1200, 1200, 300),
        (300, 500, 180),
    ]
    signs = tmp_path / "signs.csv"
    signs.write_text("村名,名称,位置,宽度,高度\n和平村,和平村民委员会,外部,30厘米,200cm\n", encoding="utf-8")
    (sign,) = read_signs(signs)
    assert (sign.width_cm, sign.height_cm) == (30, 200)


@pytest.mark.parametrize(
    ("cells", "message"),
    [
        ("3米,200", "字段 宽度：“3米”的单位“米”不是此列的单位：此列是长度，以厘米计"),
        ("30平方米,200", "字段 宽度：“30平方米”的单位“平方米”不是此列的单位：此列是长度，以厘米计"),
        ("1,20", None),
    ],
)
def test_another_unit_or_a_misgrouped_number_is_refused(tmp_path: Path, cells: str, message: str | None) -> None:
    path = tmp_path / "signs.csv"
    if message is None:
        path.write_text('村名,名称,位置,宽度,高度\n和平村,村委会,外部,"1,20",200\n', encoding="utf-8")
        message = "字段 宽度：“1,20”不是数字"
    else:
        path.write_text(f"村名,名称,位置,宽度,高度\n和平村,村委会,外部,{cells}\n", encoding="utf-8")
    with pytest.raises(LedgerError, match=message):
        read_signs(path)


def test_a_unit_in_a_title_must_be_the_column_s(tmp_path: Path) -> None:
    """宽度（平方米） was read as 宽度, and 活动区域面积（%） as square metres: 65 then failed as 65 m²."""
    path = tmp_path / "signs.csv"
    path.write_text("村名,名称,位置,宽度（平方米）\n和平村,村委会,外部,30\n", encoding="utf-8")
    with pytest.raises(LedgerError, match=r"第 1 行，字段 宽度（平方米）：列名中的单位“平方米”与此列不符：此列是长度"):
        read_signs(path)
    ledger = tmp_path / "ledger.yaml"
    ledger.write_text("村名: 东村\n设施:\n  建筑面积（%）: 300\n", encoding="utf-8")
    with pytest.raises(LedgerError, match="字段 建筑面积（%）：列名中的单位“%”与此列不符：此列是面积，以平方米计"):
        read_ledger(ledger)


def test_the_guide_s_wording_of_passed_findings_is_what_its_commands_print(tmp_path: Path) -> None:
    """The guide said the report says 村民活动区域占 65.0% and 城市社区参照执行; its command printed neither.

    Passed findings are counted, not listed: what the guide quotes of them appears with ``--all``
    (the command it gives for the record to file), never in the list of what to act on.
    """
    guide = (REPO / "docs" / "guides" / "audit-ledgers.md").read_text(encoding="utf-8")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "设施"
    sheet.append(["村名", "建筑面积", "户数", "活动区域面积"])
    sheet.append(["东村", 300, 500, 0.65])
    sheet["D2"].number_format = "0%"
    duties = book.create_sheet("事项")
    duties.append(["村名", "名称", "村或社区"])
    duties.append(["芦台社区", "实行居民自治", "社区"])
    book.save(tmp_path / "ledger.xlsx")
    lines = [line for line in guide.splitlines() if line.startswith("$ villagecat audit")]
    commands = [line[2:].split(" > ")[0].split() for line in lines]
    assert len(commands) == 2
    listed, record = (invoke(*argv[1:]).out for argv in ([*c[:2], str(tmp_path / c[2]), *c[3:]] for c in commands))
    for said in ("村民活动区域占 65.0%，达到来源所载的 60%", "依法履行职责事项（实行村民自治，城市社区参照执行）"):
        assert said in guide.replace("\n", "")
        assert said in record
        assert said not in listed
    assert "--all" in commands[1]


def test_every_problem_of_a_ledger_is_reported_at_once_and_nothing_is_judged(tmp_path: Path) -> None:
    """A ledger with three bad cells (two in one row) reported only the first: fix, run, fix, run."""
    two = tmp_path / "two.csv"
    two.write_text("村名,类别,建筑面积,户数\n榆树村,设施,30%,9.5\n柳树村,设施,abc,100\n", encoding="utf-8")
    for argv in (("audit", str(two)), ("check", "facility", "--file", str(two))):
        result = invoke(*argv, "-j", "120117")
        assert (result.code, result.out) == (1, "")  # no report: nothing is judged on a ledger misread
        assert result.err == (
            f"villagecat: {two}：发现 3 个问题，未作核查：\n"
            f"  {two}，第 2 行，字段 建筑面积：“30%”是百分比，而此列是面积，以平方米计；"
            "百分比只能填在“活动区域面积”一列（读作占建筑面积的比例）\n"
            f"  {two}，第 2 行，字段 户数：“9.5”应为整数\n"
            f"  {two}，第 3 行，字段 建筑面积：“abc”不是数字\n"
        )
    english = invoke("audit", str(two), "-j", "120117", "--lang", "en")
    assert english.err.startswith(
        f"villagecat: {two}: 3 problems; nothing was checked:\n  {two}, row 2, field 建筑面积:"
    )
    with pytest.raises(LedgerError) as caught:
        read_ledger(two)
    assert caught.value.total == 3
    assert [p.where_zh.removeprefix(str(two)) for p in caught.value.problems] == [
        "，第 2 行，字段 建筑面积",
        "，第 2 行，字段 户数",
        "，第 3 行，字段 建筑面积",
    ]


def test_a_ledger_s_problems_are_listed_up_to_a_bound_and_the_rest_counted(tmp_path: Path) -> None:
    many = tmp_path / "many.csv"
    many.write_text("村名,类别,建筑面积\n" + "".join(f"村{n},设施,宽\n" for n in range(25)), encoding="utf-8")
    result = invoke("audit", str(many), "-j", "120117")
    lines = result.err.splitlines()
    assert lines[0] == f"villagecat: {many}：发现 25 个问题，未作核查："
    assert len(lines) == 1 + 20 + 1
    assert lines[-2] == f"  {many}，第 21 行，字段 建筑面积：“宽”不是数字"
    assert lines[-1] == "  （另有 5 个问题）"


def test_a_workbook_s_problems_name_each_sheet_and_a_date_as_the_clerk_sees_it(tmp_path: Path) -> None:
    """A date in 宽度 read “2024-02-01 00:00:00”不是数字 after date.xlsx:标牌 (an ASCII colon, Python's datetime).

    A header's problem and the cells of other sheets are all reported; the rows under a
    header with a problem are not read (which column is which is not known).
    """
    import datetime as dt  # noqa: PLC0415

    book = openpyxl.Workbook()
    signs = book.active
    signs.title = "标牌"
    signs.append(["村名", "名称", "位置", "宽度", "高度"])
    signs.append(["甲村", "甲村村民委员会", "外部", dt.datetime(2024, 2, 1), 200.0])  # noqa: DTZ001 - a cell's date
    signs.append(["甲村", "甲村股份经济合作社", "楼上", 30, "高"])
    facility = book.create_sheet("设施")
    facility.append(["村名", "建筑面积", "字体颜色"])
    facility.append(["甲村", "三百", "红"])
    path = tmp_path / "date.xlsx"
    book.save(path)
    result = invoke("audit", str(path), "-j", "120117")
    assert result.code == 1
    lines = result.err.splitlines()
    assert lines[0] == f"villagecat: {path}：发现 4 个问题，未作核查："
    assert lines[1].startswith(f"  {path}，工作表“设施”，第 1 行，字段 字体颜色：不认识这一列")  # headers first
    assert lines[2] == f"  {path}，工作表“标牌”，第 2 行，字段 宽度：“2024-02-01”不是数字"
    assert lines[3].startswith(f"  {path}，工作表“标牌”，第 3 行，字段 位置：“楼上”应为 外部、内部 之一")
    assert lines[4] == f"  {path}，工作表“标牌”，第 3 行，字段 高度：“高”不是数字"
    assert ":标牌" not in result.err
    assert "00:00:00" not in result.err
    english = invoke("audit", str(path), "-j", "120117", "--lang", "en")
    assert f"  {path}, sheet 标牌, row 2, field 宽度: '2024-02-01' is not a number" in english.err


def test_a_yaml_ledger_names_the_village_and_its_entry_in_words(tmp_path: Path) -> None:
    """It read l.yaml villages[1].certificates，第 1 项: a programmer's path, not where a clerk looks."""
    path = tmp_path / "l.yaml"
    path.write_text(
        "villages:\n"
        "  - village: 榆树村\n    certificates: [[无犯罪记录证明]]\n"
        "  - village: 柳树村\n    signs:\n      - {name: 柳树村村民委员会, placement: 外部, width_cm: 宽}\n"
        "    facility: {建筑面积: 三百}\n"
        "  - village: [桃村]\n",
        encoding="utf-8",
    )
    result = invoke("audit", str(path), "-j", "120117")
    assert result.code == 1
    assert result.err.splitlines() == [
        f"villagecat: {path}：发现 4 个问题，未作核查：",
        f"  {path}，第 1 个村（榆树村）的证明第 1 项，字段 名称：应为一个值，而不是一个列表",
        f"  {path}，第 2 个村（柳树村）的标牌第 1 项，字段 width_cm：“宽”不是数字",
        f"  {path}，第 2 个村（柳树村）的设施，字段 建筑面积：“三百”不是数字：若指 300，请填写 300",
        f"  {path}，第 3 个村，字段 村名：应为一个值，而不是一个列表",
    ]
    assert "villages[" not in result.err
    english = invoke("audit", str(path), "-j", "120117", "--lang", "en")
    assert f"  {path}, village 1 (榆树村), certificates entry 1, field 名称: must be one value" in english.err


def test_a_signs_file_reports_every_problem_too(tmp_path: Path) -> None:
    path = tmp_path / "signs.csv"
    path.write_text("村名,名称,位置,宽度\n甲村,村委会,楼上,宽\n乙村,,外部,30\n", encoding="utf-8")
    with pytest.raises(LedgerError) as caught:
        read_signs(path)
    assert [p.message_zh for p in caught.value.problems] == [
        "“楼上”应为 外部、内部 之一",
        "“宽”不是数字",
        "必填",
    ]


def test_a_title_above_a_ledger_s_header_is_one_problem_and_nothing_else(tmp_path: Path) -> None:
    """和平村标牌自查台账 merged above the header: nine lines of 不认识这一列 and 字段 villages：应为村的列表
    (the workbook read as a YAML document once its only sheet was left unread); a facility file said only that."""
    signs = openpyxl.Workbook()
    sheet = signs.active
    sheet.title = "标牌"
    sheet.append(["和平村标牌自查台账"])
    sheet.merge_cells("A1:I1")
    sheet.append(["村名", "名称", "位置", "标牌类型", "版式", "宽度", "高度", "底色", "字色"])
    sheet.append(["和平村", "和平村民委员会", "外部", "标牌", "竖牌", 30, 200, "白", "黑"])
    signs.save(tmp_path / "signs.xlsx")
    sheet["A1"].value = "设施统计表"
    sheet.unmerge_cells("A1:I1")
    sheet.title = "设施"
    sheet.delete_rows(2, 2)
    sheet.append(["村名", "建筑面积", "户数"])
    sheet.append(["东村", 300, 500])
    signs.save(tmp_path / "facility.xlsx")
    said = "第 1 行：应为列名，而本表的列名在第 2 行；请删去列名上方的 1 行（如表格标题）"
    for argv, name, sheet_title in (
        (["audit", "{}", "-j", "220000"], "signs.xlsx", "标牌"),
        (["check", "facility", "--file", "{}", "-j", "220000"], "facility.xlsx", "设施"),
    ):
        path = str(tmp_path / name)
        result = invoke(*(path if a == "{}" else a for a in argv))
        assert result.code == 1
        assert result.err == f"villagecat: {path}，工作表“{sheet_title}”，{said}\n", result.err


def test_a_one_sheet_workbook_with_an_unknown_column_is_not_also_told_it_lacks_villages(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.active.title = "标牌"
    book.active.append(["村名", "名称", "字体颜色"])
    book.active.append(["和平村", "和平村民委员会", "黑"])
    book.save(tmp_path / "ledger.xlsx")
    with pytest.raises(LedgerError) as info:
        read_ledger(tmp_path / "ledger.xlsx")
    assert len(info.value.problems) == 1
    assert "villages" not in info.value.message_zh
