"""The workbook is a form a clerk fills in Chinese: no ids, Excel dates, 、-separated values."""

from __future__ import annotations

import dataclasses
import datetime as dt
import warnings
from typing import TYPE_CHECKING

import pytest

from conftest import NATIONAL, exported, invoke
from villagecat.models import Release
from villagecat.package import load_layer, save_layer

if TYPE_CHECKING:
    from pathlib import Path

openpyxl = pytest.importorskip("openpyxl")


def _header(sheet: object) -> dict[str, int]:
    return {cell.value: cell.column for cell in sheet[1]}  # type: ignore[index]


def test_a_clerk_fills_the_form_with_chinese_labels_only_and_publishes(tmp_path: Path) -> None:
    folder, book_path = tmp_path / "wq", tmp_path / "wq.xlsx"
    assert invoke("init", str(folder), "--level", "county", "--code", "120114", "--name", "武清区").code == 0
    book = exported(folder, book_path)
    assert book.sheetnames[:2] == ["层信息", "填写说明"]
    duties = book["工作事务"]
    assert duties.freeze_panes == "A2"
    cols = _header(duties)
    kinds = [v for v in duties.data_validations.dataValidation if "依法协助政府工作事项" in (v.formula1 or "")]
    assert kinds, "the 事项类别 column offers its Chinese labels"

    documents = book["来源文件"]
    dcols = _header(documents)
    row = documents.max_row + 1
    for title, value in {
        "标识": "120114.document.plan",
        "标题": "武清区规范村（社区）组织工作事务的工作方案",
        "发布日期": dt.datetime(2023, 9, 1),  # noqa: DTZ001 - a naive date cell, as Excel and LibreOffice store one
        "效力层级": "规范性文件",
        "全文可得": "是",
    }.items():
        documents.cell(row=row, column=dcols[title], value=value)
    for title, value in {
        "名称": "网格巡查中发现问题的报告",  # no 标识: one is made from the name
        "出处": "120114.document.plan#三(一)2",
        "事项类别": "依法协助政府工作事项",
        "适用范围": "村（社区）",  # the sources' own words for both
        "协助方式": "非专业性工作的发现报告、协调联络",  # separated as Chinese text separates
        "责任部门": "区城管局",
    }.items():
        duties.cell(row=2, column=cols[title], value=value)
    book.save(book_path)

    result = invoke("import", str(book_path), "-o", str(folder))
    assert result.code == 0, result.err
    assert invoke("validate", str(folder)).code == 0
    package = load_layer(folder)
    (duty,) = package.duties
    assert duty.id == "120114.duty.wang-ge-xun-cha-zhong-fa-xian-wen"
    assert (duty.applies_to.value, [a.value for a in duty.assist_activities]) == (  # type: ignore[union-attr]
        "both",
        ["report_findings", "coordinate_liaise"],
    )
    assert package.documents[0].issued == "2023-09-01"
    released = invoke("release", str(folder), "--date", "2026-11-22")
    assert released.code == 0, released.err
    assert "首次发布" in released.out


def test_the_layer_sheet_is_labelled_rows_not_json(tmp_path: Path) -> None:
    from conftest import REPO  # noqa: PLC0415

    ninghe = REPO / "data" / "provinces" / "120000-tianjin" / "120117-ninghe"
    path = tmp_path / "ninghe.xlsx"
    assert invoke("export", str(ninghe), "-o", str(path)).code == 0
    rows = {row[0]: row[1] for row in openpyxl.load_workbook(path)["层信息"].iter_rows(min_row=2, values_only=True)}
    assert rows["上级层 · 标识"] == "120000"
    assert rows["层级"] == "县级"
    assert rows["准入审批程序 · 步骤"].startswith("由区民政局会同区委组织部、区委农办进行初审|")
    assert rows["发布记录 1 · 版本"] == "0.1.0"
    assert not [v for v in rows.values() if isinstance(v, str) and v.lstrip().startswith(("{", "["))]
    assert invoke("import", str(path), "-o", str(tmp_path / "back")).code == 0
    assert load_layer(tmp_path / "back") == load_layer(ninghe)


def test_the_overrides_sheet_speaks_chinese_and_reads_what_a_clerk_types(tmp_path: Path) -> None:
    """覆盖 showed 字段 duty_kind and 取值 prohibited, and refused the Chinese label a clerk typed."""
    ninghe = "data/provinces/120000-tianjin/120117-ninghe"
    book_path = tmp_path / "nh.xlsx"
    assert invoke("export", ninghe, "-o", str(book_path)).code == 0
    book = openpyxl.load_workbook(book_path)
    sheet = book["覆盖"]
    cols = _header(sheet)
    shown = {(row[cols["字段"] - 1], row[cols["取值"] - 1]) for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert ("事项类别", "履职负面事项") in shown
    assert ("版式", "横牌") in shown
    assert not any(field and field.isascii() for field, _ in shown), shown
    first = sheet.cell(row=2, column=cols["目标条目"]).value
    assert first == "cn.duty.no-law-enforcement"
    orientation = next(n for n in range(2, sheet.max_row + 1) if sheet.cell(row=n, column=cols["字段"]).value == "版式")
    sheet.cell(row=orientation, column=cols["取值"], value="竖牌")  # a clerk types the label
    sheet.cell(row=3, column=cols["字段"], value="duty_kind")  # an older workbook's field name still reads
    sheet.cell(row=3, column=cols["取值"], value="prohibited")  # and so does a code
    book.save(book_path)
    result = invoke("import", str(book_path), "-o", str(tmp_path / "out"))
    assert result.code == 0, result.err
    values = {(o.target, o.field): o.value for o in load_layer(tmp_path / "out").overrides}
    assert values["cn.sign.party-service-centre", "orientation"] == "vertical"
    assert values["cn.duty.no-demolition", "duty_kind"] == "prohibited"


def test_a_field_the_target_lacks_lists_its_column_titles_never_the_codes_pattern(tmp_path: Path) -> None:
    """字段 面积 read 字段名为小写英文字母、数字和下划线，如 min_area_m2: English to write, and no such field."""
    from villagecat.format.registry import kind_of_id  # noqa: PLC0415

    folder, book_path = tmp_path / "wq", tmp_path / "wq.xlsx"
    assert invoke("init", str(folder), "--level", "county", "--code", "120114", "--name", "武清区").code == 0
    book = exported(folder, book_path)
    sheet = book["覆盖"]
    cols = _header(sheet)
    target = "cn.facility.community-service-facility"
    for row, written in ((2, target), (3, "村级综合服务设施")):  # the second names the item, not its id
        for title, value in {
            "名称": "提高面积下限",
            "出处": "cn.document.tingzi-2022-28#二(二)5",
            "目标条目": written,
            "字段": "面积",
            "取值": "250",
        }.items():
            sheet.cell(row=row, column=cols[title], value=value)
    book.save(book_path)
    result = invoke("import", str(book_path), "-o", str(folder))
    assert result.code == 1
    kind = kind_of_id(target)
    assert kind is not None
    titles = "、".join(f.title_zh for f in kind.fields if f.overridable)  # the column titles alone: no code
    said = f"综合服务设施标准没有可覆盖的字段“面积”（本层给出的值 250）；可覆盖的字段：{titles}"
    assert f"第 2 行 字段 H（字段）：{said}\n" in result.out
    assert "最小建筑面积（平方米）、" in titles
    assert (  # a name for the target: one problem, on 目标条目, saying where its id is found (字段 waits for it)
        "第 3 行 字段 G（目标条目）：目标条目填上级条目的标识，不是名称；运行 villagecat explain 120114 "
        "村级综合服务设施 可查到它的标识（实际为“村级综合服务设施”）\n"
    ) in result.out
    assert "第 3 行 字段 H" not in result.out
    assert "下划线" not in result.out  # the code's pattern


def test_an_import_that_would_lose_rows_break_a_rule_or_go_back_writes_nothing(tmp_path: Path) -> None:
    """A deleted 覆盖 sheet dropped all 17 overrides; a broken rule and an old version were written too."""
    import shutil  # noqa: PLC0415

    ninghe = tmp_path / "ninghe"
    shutil.copytree("data/provinces/120000-tianjin/120117-ninghe", ninghe)
    before = {p.name: p.read_bytes() for p in ninghe.iterdir()}
    book_path = tmp_path / "nh.xlsx"
    assert invoke("export", str(ninghe), "-o", str(book_path)).code == 0

    book = openpyxl.load_workbook(book_path)
    del book["覆盖"]
    book.save(tmp_path / "no-overrides.xlsx")
    result = invoke("import", str(tmp_path / "no-overrides.xlsx"), "-o", str(ninghe))
    assert result.code == 1
    assert "缺少工作表“覆盖”；如本类没有条目，请保留该表、只留表头" in result.out

    book = openpyxl.load_workbook(book_path)
    sheet = book["证明事项"]
    cols = _header(sheet)
    row = sheet.max_row + 1
    for title, value in {"名称": "健在证明", "出处": "120117.document.work-plan#三(一)3", "状态": "保留"}.items():
        sheet.cell(row=row, column=cols[title], value=value)
    book.save(tmp_path / "loosened.xlsx")
    result = invoke("import", str(tmp_path / "loosened.xlsx"), "-o", str(ninghe))
    assert result.code == 1, result.out
    assert "  证明事项\n" in result.out
    letter = openpyxl.utils.get_column_letter(cols["名称"])
    assert f"第 {row} 行 字段 {letter}（名称）：" in result.out  # the sheet, its row and column, as the clerk sees them
    assert "cn.certificate.proof-of-life" in result.out

    assert {p.name: p.read_bytes() for p in ninghe.iterdir()} == before
    released = load_layer(ninghe)  # a release after the workbook was exported
    newer = released.layer.model_copy(
        update={"version": "9.0.0", "releases": (*released.layer.releases, Release(version="9.0.0", notes="修订"))}
    )
    save_layer(dataclasses.replace(released, layer=newer), ninghe)
    after_release = {p.name: p.read_bytes() for p in ninghe.iterdir()}
    result = invoke("import", str(book_path), "-o", str(ninghe))
    assert result.code == 1
    assert "比" in result.err
    assert "旧，导入会改回旧版本并删去发布记录 9.0.0" in result.err
    assert {p.name: p.read_bytes() for p in ninghe.iterdir()} == after_release
    assert invoke("import", str(book_path), "-o", str(ninghe), "--force").code == 0
    assert load_layer(ninghe).layer.version == released.layer.version


def test_a_workbook_whose_parent_is_not_shipped_says_how_to_give_it(tmp_path: Path) -> None:
    """The import checks the parents: one outside the shipped data is named on 层信息, with --layer as the way."""
    province, county = tmp_path / "zj", tmp_path / "hz"
    assert invoke("init", str(province), "--level", "province", "--code", "330000", "--name", "浙江省").code == 0
    county_args = ("--level", "county", "--code", "330102", "--name", "上城区", "--parent", "330000")
    made = invoke("init", str(county), *county_args, "--layer", str(province))
    assert made.code == 0, made.err
    assert invoke("export", str(county), "-o", str(tmp_path / "hz.xlsx")).code == 0
    alone = invoke("import", str(tmp_path / "hz.xlsx"), "-o", str(tmp_path / "out"))
    assert alone.code == 1
    assert "  层信息\n    字段 上级层 · 标识：上级层 330000 不存在" in alone.out  # the 项目, not parent.id
    assert "--layer" in alone.out
    given = invoke("import", str(tmp_path / "hz.xlsx"), "-o", str(tmp_path / "out"), "--layer", str(province))
    assert given.code == 0, given.out


def test_a_deleted_column_is_refused_not_read_as_emptied(tmp_path: Path) -> None:
    """Deleting 标牌数量's 约束力 column emptied Ninghe's should: its quotas bound again, silently."""
    book_path = tmp_path / "nh.xlsx"
    assert invoke("export", "data/provinces/120000-tianjin/120117-ninghe", "-o", str(book_path)).code == 0
    book = openpyxl.load_workbook(book_path)
    sheet = book["标牌数量"]
    sheet.delete_cols(_header(sheet)["约束力"])
    book.save(tmp_path / "no-modality.xlsx")
    result = invoke("import", str(tmp_path / "no-modality.xlsx"), "-o", str(tmp_path / "out"))
    assert result.code == 1
    assert "  标牌数量\n    第 1 行：缺少列“约束力”" in result.out
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("over", ["the package", "nothing"])
def test_a_quote_edited_on_the_clause_sheet_reaches_the_items_that_cite_it(tmp_path: Path, over: str) -> None:
    """The edit was left in an uncited clause: the items kept the old quote and diff said 无变化."""
    import shutil  # noqa: PLC0415

    ninghe = tmp_path / "ninghe"
    if over == "the package":
        shutil.copytree("data/provinces/120000-tianjin/120117-ninghe", ninghe)
    book_path = tmp_path / "nh.xlsx"
    assert invoke("export", "120117", "-o", str(book_path)).code == 0
    book = openpyxl.load_workbook(book_path)
    sheet = book["条款"]
    (row,) = [r for r in sheet.iter_rows(min_row=2) if r[0].value == "120117.clause.work-plan-3-2-7"]
    row[3].value = str(row[3].value).replace("每个村拥有", "每个行政村拥有")
    book.save(tmp_path / "edited.xlsx")
    for _ in range(2):  # the same workbook imported again must not bring the old quote back
        result = invoke("import", str(tmp_path / "edited.xlsx"), "-o", str(ninghe))
        assert result.code == 0, result.out
        quotes = {c.quote for f in load_layer(ninghe).facilities for c in f.citations}
        assert any("每个行政村拥有" in (q or "") for q in quotes)
        assert not any("，每个村拥有" in (q or "") for q in quotes)
    assert "[clause-changed] 120117.clause.work-plan-3-2-7" in invoke("diff", "120117", str(ninghe)).out
    assert not any("，每个村拥有" in c.quote for c in load_layer(ninghe).clauses if c.quote)  # no stale clause


def test_a_percentage_reads_as_the_clerk_sees_it(tmp_path: Path) -> None:
    """0.7 formatted as 70% imported as 0.7: the activity share fell from 60 to 0.7, exit 0."""
    book_path = tmp_path / "nh.xlsx"
    assert invoke("export", "120117", "-o", str(book_path)).code == 0
    book = openpyxl.load_workbook(book_path)
    sheet = book["综合服务设施标准"]
    columns = _header(sheet)
    share, floor = columns["村民活动区域最小占比（%）"], columns["最小建筑面积（平方米）"]
    rows = [r for r in range(2, sheet.max_row + 1) if sheet.cell(r, share).value is not None]
    sheet.cell(rows[0], share).value = 0.7
    sheet.cell(rows[0], share).number_format = "0%"
    sheet.cell(rows[1], share).value = "65%"
    book.save(tmp_path / "pct.xlsx")
    assert invoke("import", str(tmp_path / "pct.xlsx"), "-o", str(tmp_path / "out")).code == 0
    shares = sorted(f.min_activity_area_pct for f in load_layer(tmp_path / "out").facilities if f.min_activity_area_pct)
    assert 70 in shares
    assert 65 in shares
    assert 0.7 not in shares
    floor_row = next(r for r in range(2, sheet.max_row + 1) if sheet.cell(r, floor).value is not None)
    sheet.cell(floor_row, floor).value = 3
    sheet.cell(floor_row, floor).number_format = "0%"
    book.save(tmp_path / "area.xlsx")
    result = invoke("import", str(tmp_path / "area.xlsx"), "-o", str(tmp_path / "area"))
    assert result.code == 1
    assert "300%" in result.out
    assert not (tmp_path / "area").exists()


def test_an_import_over_a_json_package_keeps_it_json(tmp_path: Path) -> None:
    """The default ``--format csv`` silently rewrote a JSON package as CSV."""
    json_package = save_layer(load_layer("data/provinces/120000-tianjin/120117-ninghe"), tmp_path / "nh", fmt="json")
    book = tmp_path / "nh.xlsx"
    assert invoke("export", str(json_package), "-o", str(book)).code == 0
    assert invoke("import", str(book), "-o", str(json_package)).code == 0
    assert sorted(p.suffix for p in json_package.iterdir()) == [".json"] * len(list(json_package.iterdir()))
    fresh = tmp_path / "fresh"
    assert invoke("import", str(book), "-o", str(fresh)).code == 0
    assert (fresh / "duties.csv").is_file()


def test_a_quote_typed_once_on_the_clause_sheet_is_the_one_its_section_is_cited_with(tmp_path: Path) -> None:
    """Items citing 文件标识#条款 got new clauses with empty quotes; the quotes typed on 条款 were left uncited."""
    book_path = tmp_path / "nh.xlsx"
    assert invoke("export", "120117", "-o", str(book_path)).code == 0
    book = openpyxl.load_workbook(book_path)
    clauses = book["条款"]
    clauses.append([None, "120117.document.work-plan", "五(一)", "全面梳理村（社区）组织工作事务。"])
    duties = book["工作事务"]
    header = _header(duties)
    row = duties.max_row + 1
    duties.cell(row, header["名称"]).value = "梳理工作事务"
    duties.cell(row, header["出处"]).value = "120117.document.work-plan#五(一)"
    duties.cell(row, header["事项类别"]).value = "依法履行职责事项"
    book.save(tmp_path / "typed.xlsx")
    result = invoke("import", str(tmp_path / "typed.xlsx"), "-o", str(tmp_path / "out"))
    assert result.code == 0, result.out
    package = load_layer(tmp_path / "out")
    (duty,) = [d for d in package.duties if d.name == "梳理工作事务"]
    assert [c.quote for c in duty.citations] == ["全面梳理村（社区）组织工作事务。"]
    assert not [c for c in package.clauses if c.section == "五(一)" and not c.quote]


def test_a_bad_layer_sheet_is_one_problem_on_its_row_and_its_dates_read_as_elsewhere(tmp_path: Path) -> None:
    """A bad version also gave 15 false 标识 missing errors; 2023年9月1日 was refused in 层信息 only, by its key."""
    book_path = tmp_path / "nh.xlsx"
    assert invoke("export", "120117", "-o", str(book_path)).code == 0
    book = openpyxl.load_workbook(book_path)
    for row in book["层信息"].iter_rows(min_row=2):
        if row[2].value == "published":
            row[1].value = "2023年3月23日"
        if row[2].value == "version":
            row[1].value = "bad"
    for row in book["工作事务"].iter_rows(min_row=2):
        row[0].value = None  # 标识 may be left blank
    book.save(tmp_path / "bad.xlsx")
    result = invoke("import", str(tmp_path / "bad.xlsx"), "-o", str(tmp_path / "out"))
    assert result.code == 1
    assert result.out.count("行 字段") == 1, result.out
    assert "字段 B（版本）" in result.out
    assert "published" not in result.out


def test_merged_cells_import_as_they_show_and_the_import_says_so(tmp_path: Path) -> None:
    """出处 and 承担组织 merged over four committees imported as empty below the first: citations lost, exit 0.

    A clerk merges a value shared by neighbouring rows; every row shows it, so every row gets
    it. A package records the source, and a covered cell may have been meant empty: the import
    names each range it read so, on stderr (the path written stays stdout's one line).
    """
    from villagecat.errors import MergedCellsWarning  # noqa: PLC0415
    from villagecat.workbook import import_workbook  # noqa: PLC0415

    jilin = "data/provinces/220000-jilin"
    book_path = tmp_path / "jl.xlsx"
    assert invoke("export", jilin, "-o", str(book_path)).code == 0
    book = openpyxl.load_workbook(book_path)
    sheet = book["工作机制"]
    columns = _header(sheet)
    rows = [r for r in range(2, sheet.max_row + 1) if sheet.cell(r, columns["机制类型"]).value == "委员会"][:4]
    assert len(rows) == 4
    ranges = []
    for title in ("出处", "承担组织"):
        values = {sheet.cell(r, columns[title]).value for r in rows}
        assert len(values) == 1, title  # the same in each row: what a clerk merges
        letter = openpyxl.utils.get_column_letter(columns[title])
        ranges.append(f"{letter}{rows[0]}:{letter}{rows[-1]}")
        sheet.merge_cells(ranges[-1])
    book.save(tmp_path / "merged.xlsx")
    result = invoke("import", str(tmp_path / "merged.xlsx"), "-o", str(tmp_path / "out"))
    assert result.code == 0, result.out
    assert result.out == f"{tmp_path / 'out'}\n"
    assert result.err == (
        f"villagecat: 注意：工作机制：合并单元格 {'、'.join(ranges)} 已按所见读取："
        "左上角的值填入了合并区域的每一格；若其中某格本应留空，请取消合并后再导入\n"
    )  # a notice in Chinese is Chinese alone: it carried the English in brackets
    english = invoke("import", str(tmp_path / "merged.xlsx"), "-o", str(tmp_path / "en"), "--lang", "en")
    assert english.err == (
        f"villagecat: note: 工作机制: the merged cells {', '.join(ranges)} were read as they show: their top-left "
        "value fills every cell they cover; if a cell should be empty, unmerge them and import again\n"
    )
    assert load_layer(tmp_path / "out").mechanisms == load_layer(jilin).mechanisms
    with warnings.catch_warnings(record=True) as caught:  # Jilin's 各市（州）、县（市、区） is said too: a 、 in a list
        warnings.simplefilter("always")
        import_workbook(tmp_path / "merged.xlsx")
    (warning,) = [w for w in caught if isinstance(w.message, MergedCellsWarning)]
    assert isinstance(warning.message, MergedCellsWarning)
    assert (warning.message.sheet, len(warning.message.ranges)) == ("工作机制", 2)
    assert not invoke("import", str(book_path), "-o", str(tmp_path / "plain")).err  # nothing merged, nothing said


def test_an_unknown_column_lists_the_sheets_column_titles(tmp_path: Path) -> None:
    """未知的列“我的列” said nothing of the columns the sheet has."""
    from villagecat._columns import columns  # noqa: PLC0415
    from villagecat.models import Duty  # noqa: PLC0415

    folder, book_path = tmp_path / "wq", tmp_path / "wq.xlsx"
    assert invoke("init", str(folder), "--level", "county", "--code", "120114", "--name", "武清区").code == 0
    book = exported(folder, book_path)
    sheet = book["工作事务"]
    sheet.cell(row=1, column=sheet.max_column + 1, value="我的列")
    book.save(book_path)
    result = invoke("import", str(book_path), "-o", str(folder))
    assert result.code == 1
    titles = "、".join(c.title_zh for c in columns(Duty))
    assert titles.startswith("标识、名称、出处、")
    letter = openpyxl.utils.get_column_letter(sheet.max_column)
    assert result.out.endswith(
        f"  工作事务\n    第 1 行 字段 {letter}：未知的列“我的列”：请改正列名或删去该列；本表的列名：{titles}\n"
    )


def test_a_blank_sheet_an_office_suite_added_is_left_out_and_said(tmp_path: Path) -> None:
    """A blank Sheet1 blocked the import: 未知的工作表“Sheet1”…请改正表名."""
    from villagecat.errors import EmptySheetWarning  # noqa: PLC0415
    from villagecat.workbook import import_workbook  # noqa: PLC0415

    folder, book_path = tmp_path / "wq", tmp_path / "wq.xlsx"
    assert invoke("init", str(folder), "--level", "county", "--code", "120114", "--name", "武清区").code == 0
    book = exported(folder, book_path)
    book.create_sheet("Sheet1").cell(row=3, column=2, value="  ")  # white space is nothing
    book.save(book_path)
    result = invoke("import", str(book_path), "-o", str(folder))
    assert result.code == 0, result.out
    assert result.err == ("villagecat: 注意：Sheet1：不是目录的工作表，且没有内容，导入时已略过\n")
    with pytest.warns(EmptySheetWarning) as caught:
        import_workbook(book_path)
    assert [w.message.sheet for w in caught] == ["Sheet1"]  # type: ignore[union-attr]
    book = openpyxl.load_workbook(book_path)
    book["Sheet1"].cell(row=3, column=2, value="备忘")  # with content, it is refused: its rows would be lost
    book.save(book_path)
    result = invoke("import", str(book_path), "-o", str(folder))
    assert result.code == 1
    assert "  Sheet1\n    未知的工作表“Sheet1”：工作表应为 层信息、填写说明、" in result.out


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("2023/9/1", "2023-09-01"),
        ("2023/9", "2023-09"),
        ("2023年9月1日", "2023-09-01"),
        ("2023年9月", "2023-09"),
        ("2023.9.1", "2023-09-01"),
        ("2023-9-1", "2023-09-01"),
        ("1/9/2023", None),  # day or month first: never guessed
        ("23/9/1", None),  # a two-digit year: never guessed
    ],
)
def test_a_date_typed_as_text_in_a_spreadsheets_form_is_read_year_first_only(
    tmp_path: Path, typed: str, read: str | None
) -> None:
    """A date typed as text (a cell formatted 文本, or pasted) in the forms Excel and WPS show dates in."""
    folder, path = tmp_path / "wq", tmp_path / "wq.xlsx"
    assert invoke("init", str(folder), "--level", "county", "--code", "120114", "--name", "武清区").code == 0
    book = exported(folder, path)
    documents = book["来源文件"]
    cols = _header(documents)
    filled = {"标识": "120114.document.plan", "标题": "方案", "发布日期": typed, "效力层级": "规范性文件"}
    for title, value in filled.items():
        documents.cell(row=2, column=cols[title], value=value)
    book.save(path)
    result = invoke("import", str(path), "-o", str(folder))
    if read is None:
        assert result.code == 1
        said = f"日期写作 2023-09-01、2023-09 或 2023，也可以用表格的日期格式（实际为“{typed}”）"
        assert said in result.out, result.out
        return
    assert result.code == 0, result.out
    (document,) = load_layer(folder).documents
    assert document.issued == read


@pytest.mark.parametrize(
    ("number_format", "read"),
    [
        ('yyyy"年"m"月"', "2024-06"),  # 2024年6月 typed in Excel (Chinese): a date cell of June 1st, shown as a month
        ("yyyy\\年m\\月", "2024-06"),  # the same format as LibreOffice Calc writes it
        ("[$-804]yyyy年m月;@", "2024-06"),  # with a locale tag and a text section
        ("mmm-yy", "2024-06"),  # 2024-06 typed in Excel (English): Jun-24
        ("YYYY-MM", "2024-06"),
        ('yyyy"年"', "2024"),
        ("yyyy/m/d", "2024-06-01"),  # the day is shown: it is the clerk's
        ('yyyy"年"m"月"d"日"', "2024-06-01"),
        ("yyyy-mm-dd h:mm:ss", "2024-06-01"),
    ],
)
def test_a_date_cell_is_read_as_precisely_as_it_shows(tmp_path: Path, number_format: str, read: str) -> None:
    """A date typed to the month (2024年6月, 2024-06) is stored by the spreadsheet as the month's first day
    and shown without it; the cell is read as the clerk sees it, to the month.

    It was read as 2024-06-01: a day the clerk never wrote (and, for 2024年6月底前, the wrong one).
    """
    folder, path = tmp_path / "wq", tmp_path / "wq.xlsx"
    assert invoke("init", str(folder), "--level", "county", "--code", "120114", "--name", "武清区").code == 0
    book = exported(folder, path)
    documents = book["来源文件"]
    cols = _header(documents)
    filled = {"标识": "120114.document.plan", "标题": "方案", "效力层级": "规范性文件"}
    for title, value in filled.items():
        documents.cell(row=2, column=cols[title], value=value)
    cell = documents.cell(row=2, column=cols["发布日期"], value=dt.datetime(2024, 6, 1))  # noqa: DTZ001 - as Excel stores it
    cell.number_format = number_format
    info = next(row for row in book["层信息"].iter_rows() if row[0].value == "发布日期")
    info[1].value = dt.datetime(2024, 6, 1)  # noqa: DTZ001 - as Excel stores it
    info[1].number_format = number_format
    book.save(path)
    result = invoke("import", str(path), "-o", str(folder))
    assert result.code == 0, result.out
    package = load_layer(folder)
    assert (package.documents[0].issued, package.layer.published) == (read, read)


def test_a_list_of_one_entry_over_two_lines_survives_the_workbook(tmp_path: Path) -> None:
    """A task 「填报表格⏎提供材料」 (one entry with a line break) was written as it is.

    The import then refused it as entries pasted a line each (几项分在了几行): the workbook lost what the
    package held. Written with a bar, it reads back.
    """
    from villagecat.workbook import export_workbook, import_workbook  # noqa: PLC0415

    national = load_layer(NATIONAL)
    rule = national.obligations[0].model_copy(update={"tasks": ("填报表格\n提供材料",)})
    package = dataclasses.replace(national, obligations=(rule, *national.obligations[1:]))
    book = export_workbook(package, tmp_path / "cn.xlsx")
    assert import_workbook(book).obligations[0].tasks == ("填报表格\n提供材料",)


@pytest.mark.parametrize("word", ["一律", "严禁", "须", "坚决", "禁止"])
def test_a_binding_word_of_the_source_typed_as_the_modality_reads_must(tmp_path: Path, word: str) -> None:
    """The guide tells a clerk 「必须、应当、不得、一律、严禁……填 必须」; one who typed the source's own 一律 or
    须 into 约束力 was refused, though 应当 and 不得 were read as must."""
    book_path = tmp_path / "cn.xlsx"
    book = exported(NATIONAL, book_path)
    sheet = book["减负措施"]
    column = _header(sheet)["约束力"]
    item = sheet.cell(row=3, column=1).value
    sheet.cell(row=3, column=column).value = word
    book.save(book_path)
    result = invoke("import", str(book_path), "-o", str(tmp_path / "out"))
    assert result.code == 0, result.out
    (rule,) = [o for o in load_layer(tmp_path / "out").obligations if o.id == item]
    assert rule.modality is not None
    assert rule.modality.value == "must"


def test_group_titles_above_the_header_are_one_problem_not_each_an_unknown_column(tmp_path: Path) -> None:
    """A clerk grouped 名称、出处、备注 under 基本信息 (merged across them), 标识 merged down both rows.

    Each group title was told an unknown column (19 problems); the ledgers said it in one line.
    """
    book_path = tmp_path / "cn.xlsx"
    book = exported(NATIONAL, book_path)
    sheet = book["工作事务"]
    sheet.insert_rows(1)
    sheet["A1"], sheet["B1"] = "标识", "基本信息"
    sheet.merge_cells("B1:D1")
    book.save(book_path)
    result = invoke("import", str(book_path), "-o", str(tmp_path / "out"))
    assert result.code == 1
    assert "发现 1 个问题" in result.out, result.out
    assert "第 1 行：应为列名，而本表的列名在第 2 行" in result.out


def test_a_list_of_one_entry_with_a_comma_survives_the_workbook_without_a_notice(tmp_path: Path) -> None:
    """An alias 「不得将自身权责事项，派交村级组织承担」 (one entry holding a comma) was written as it is.

    The import then told the clerk the comma does not separate entries, for a cell villagecat wrote: a
    shipped layer that holds such an alias could not be exported and imported quietly. Written with a bar
    (the list's own separator), it reads back as one entry and says nothing.
    """
    from villagecat.errors import ListEntryNotice  # noqa: PLC0415
    from villagecat.workbook import export_workbook, import_workbook  # noqa: PLC0415

    national = load_layer(NATIONAL)
    rule = national.obligations[0].model_copy(update={"aliases": ("不得将自身权责事项，派交村级组织承担",)})
    package = dataclasses.replace(national, obligations=(rule, *national.obligations[1:]))
    book = export_workbook(package, tmp_path / "cn.xlsx")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        read = import_workbook(book)
    assert read.obligations[0].aliases == ("不得将自身权责事项，派交村级组织承担",)
    assert not [w for w in caught if isinstance(w.message, ListEntryNotice)]


@pytest.mark.parametrize("written", ["社区、村", "村|社区", "村，社区"])
def test_a_scope_of_both_places_reads_however_listed_as_the_coverage_does(tmp_path: Path, written: str) -> None:
    """适用范围 took 村、社区 and refused 社区、村 or 村|社区, which 覆盖范围 reads: the same two places, listed so."""
    book_path = tmp_path / "cn.xlsx"
    book = exported(NATIONAL, book_path)
    sheet = book["工作事务"]
    item = sheet.cell(row=2, column=1).value
    sheet.cell(row=2, column=_header(sheet)["适用范围"]).value = written
    book.save(book_path)
    result = invoke("import", str(book_path), "-o", str(tmp_path / "out"))
    assert result.code == 0, result.out
    (duty,) = [d for d in load_layer(tmp_path / "out").duties if d.id == item]
    assert duty.applies_to is not None
    assert duty.applies_to.value == "both"
