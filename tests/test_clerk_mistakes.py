"""A workbook with the common clerk mistakes: every problem at once, each told in Chinese, never as a regex."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import pytest

from conftest import REPO, exported, invoke
from villagecat.package import load_layer

if TYPE_CHECKING:
    from pathlib import Path

openpyxl = pytest.importorskip("openpyxl")

#: What a clerk must never be shown: a regular expression, a Python repr, an English sentence.
_REGEX = re.compile(r"\^|\$'|\\[dswS]|\[\^|\(\?:|\{\d")
_ENGLISH = re.compile(r"\b(must|expected|invalid|value|citation|field|not|should|written)\b")


def test_every_mistake_is_told_in_chinese_with_sheet_row_column_and_an_example(tmp_path: Path) -> None:
    folder, path = tmp_path / "wq", tmp_path / "wq.xlsx"
    assert invoke("init", str(folder), "--level", "county", "--code", "120114", "--name", "武清区").code == 0
    book = exported(folder, path)
    documents = book["来源文件"]
    cols = {c.value: c.column for c in documents[1]}
    for title, value in {
        "标识": "120114.document.plan",
        "标题": "方案",
        "发布日期": "2023/9/1",
        "效力层级": "文件",
    }.items():
        documents.cell(row=2, column=cols[title], value=value)
    duties = book["工作事务"]
    cols = {c.value: c.column for c in duties[1]}
    for title, value in {
        "标识": "120114.duty.Grid",
        "名称": "网格巡查",
        "出处": "方案第三条",
        "事项类别": "协助",
        "适用范围": "全部",
    }.items():
        duties.cell(row=2, column=cols[title], value=value)
    book.create_sheet("证明事项清单").append(["名称"])  # a sheet of its own name, with content: refused
    book.save(path)

    result = invoke("import", str(path), "-o", str(folder))
    assert result.code == 1
    lines = [line.strip() for line in result.out.splitlines()[1:] if line.startswith("    ")]
    # All at once: the unknown sheet, the authority, and four problems of the duty row (the date
    # typed as 2023/9/1 is understood).
    assert len(lines) == 6, result.out
    assert "未知的工作表“证明事项清单”" in result.out
    for fragment in (
        "第 2 行 字段 G（效力层级）：取值不在允许范围内，应为 法律、行政法规、",
        "第 2 行 字段 A（标识）：标识写作“层级代码.duty.",
        "如 cn.duty.example-1；也可以留空",
        "第 2 行 字段 C（出处）：取值无效：出处写作“文件标识#条款”",
        (
            "第 2 行 字段 G（事项类别）：取值不在允许范围内，应为 依法履行职责事项、依法协助政府工作事项、委托事项、"
            "履职负面事项之一（实际为“协助”）"
        ),
        "第 2 行 字段 I（适用范围）：取值不在允许范围内，应为 村、社区、村和社区之一（实际为“全部”）",
    ):
        assert fragment in result.out, fragment
    # The cell takes the Chinese label, so the values are listed as the clerk writes them: 依法履行职责事项（performs）
    # showed the code a package's CSV holds (and validate of a CSV still shows, since there the code is written).
    assert "（performs）" not in result.out
    assert "（village）" not in result.out
    for line in lines:
        assert not _REGEX.search(line), line
        assert not _ENGLISH.search(line), line


def test_a_formula_never_computed_is_refused_not_read_as_empty(tmp_path: Path) -> None:
    """A workbook written by a program keeps no formula values: the cell once imported as empty, silently."""
    path, broken = tmp_path / "ninghe.xlsx", tmp_path / "formula.xlsx"
    ninghe = "data/provinces/120000-tianjin/120117-ninghe"
    assert invoke("export", str(REPO / ninghe), "-o", str(path)).code == 0
    book = openpyxl.load_workbook(path)
    sheet = book["综合服务设施标准"]
    column = next(c.column for c in sheet[1] if c.value == "最小建筑面积（平方米）")
    sheet.cell(row=2, column=column, value="=100*3")
    book.save(broken)  # openpyxl stores the formula and no value, as a script would
    result = invoke("import", str(broken), "-o", str(tmp_path / "out"))
    assert result.code == 2
    assert f"工作表“综合服务设施标准”：单元格 {sheet.cell(row=2, column=column).coordinate} 是公式" in result.err
    assert not (tmp_path / "out").exists()
    assert invoke("import", str(path), "-o", str(tmp_path / "plain")).code == 0


def _xihu(tmp_path: Path, *, released: bool = False) -> tuple[Path, Path]:
    """A new county's folder and its workbook; ``released``: released once (0.1.0), then exported again."""
    folder, path = tmp_path / "xihu", tmp_path / "xihu.xlsx"
    assert invoke("init", str(folder), "--level", "county", "--code", "330106", "--name", "西湖区").code == 0
    if released:
        assert invoke("release", str(folder)).code == 0
    assert invoke("export", str(folder), "-o", str(path)).code == 0
    return folder, path


def test_a_column_given_twice_is_refused_never_read_as_the_later_one(tmp_path: Path) -> None:
    """A second 名称 column (pasted at the end) silently won over the first: 甲 was lost, 乙 imported."""
    folder, path = _xihu(tmp_path)
    book = openpyxl.load_workbook(path)
    duties = book["工作事务"]
    duties.cell(1, 17).value = "名称"
    duties.append([None, "甲", None, None, None, None, "依法协助政府工作事项", None, "村", *[None] * 7, "乙"])
    book.save(path)
    result = invoke("import", str(path), "-o", str(folder))
    assert result.code == 1
    assert result.out.splitlines()[1:] == [
        "  工作事务",
        "    第 1 行 字段 Q：列“名称”与 B 列重复：同一列只能出现一次；请删去其中一列，或把内容合到一列中",
    ]


def test_a_heading_retyped_with_a_space_reads_and_a_missing_column_is_named_by_its_title(tmp_path: Path) -> None:
    """名 称 (a space typed in) was an unknown column, and every row's problem named the field ``name``."""
    folder, path = _xihu(tmp_path)
    book = openpyxl.load_workbook(path)
    duties = book["工作事务"]
    duties.cell(1, 2).value = "名 称"
    duties.append([None, "环境整治", None, None, None, None, "依法协助政府工作事项", None, "村"])
    book.save(path)
    assert invoke("import", str(path), "-o", str(folder)).code == 0
    assert [d.name for d in load_layer(folder).duties] == ["环境整治"]
    duties.cell(1, 2).value = "事项名称"
    book.save(path)
    result = invoke("import", str(path), "-o", str(folder))
    assert result.code == 1
    assert result.out.splitlines()[1:] == [  # one mistake, one problem: not 未知的列, 缺少列 and 缺少必填字段 a row
        "  工作事务",
        (
            "    第 1 行 字段 B：列名“事项名称”不是本表的列名，而本表缺少列“名称”：像是改了列名；"
            "请把列名改回“名称”（列名不能修改）"
        ),
    ]
    assert not _ENGLISH.search(result.out.replace("xihu", "")), result.out


def _ole2_with_entry(name: str, at: int) -> bytes:
    """An OLE2 file (its magic) with one directory entry named ``name`` at ``at``: name, then its length at 64."""
    encoded = f"{name}\0".encode("utf-16-le")
    entry = encoded.ljust(64, b"\0") + len(encoded).to_bytes(2, "little")
    head = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    return head + bytes(at - len(head)) + entry.ljust(128, b"\0")


@pytest.mark.parametrize(
    ("content", "said"),
    [
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504),
            "是 Excel 97-2003 格式（.xls）的工作簿，不能读取；请在 Excel 或 WPS 中另存为",
        ),
        (None, "是 LibreOffice 的 ODF 电子表格（.ods），不能读取；请在 LibreOffice 中选“文件 → 另存为”"),
        (  # a workbook saved with a password to open it: its zip is encrypted inside an OLE2 file
            _ole2_with_entry("EncryptedPackage", 1024),
            "工作簿设置了打开密码（已加密），不能读取；请在 Excel 或 WPS 中取消打开密码后保存",
        ),
        (  # a large one, whose directory lies past its first mebibyte: it was called an .xls
            _ole2_with_entry("EncryptedPackage", (3 << 20) + 512),
            "工作簿设置了打开密码（已加密），不能读取；请在 Excel 或 WPS 中取消打开密码后保存",
        ),
        (  # an .xls whose cell reads EncryptedPackage is no encrypted workbook
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(1001) + "EncryptedPackage".encode("utf-16-le"),
            "是 Excel 97-2003 格式（.xls）的工作簿，不能读取",
        ),
    ],
)
def test_a_workbook_of_another_format_says_how_to_save_it(tmp_path: Path, content: bytes | None, said: str) -> None:
    """An .ods read as a zip without [Content_Types].xml: the clerk was shown openpyxl's English."""
    import zipfile  # noqa: PLC0415

    path = tmp_path / "目录.xlsx"
    if content is None:
        with zipfile.ZipFile(path, "w") as ods:
            ods.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
            ods.writestr("content.xml", "<office:document-content/>")
    else:
        path.write_bytes(content)
    for argv in (["import", str(path), "-o", str(tmp_path / "out")], ["audit", str(path), "-j", "120117"]):
        result = invoke(*argv)
        assert result.code == 2
        assert result.err.startswith(f"villagecat: {path}：{said}"), result.err
        assert "Content_Types" not in result.err
    assert not (tmp_path / "out").exists()


def _info_row(book: Any, label: str) -> Any:
    return next(row for row in book["层信息"].iter_rows() if row[0].value == label)


def test_a_layer_field_typed_as_a_number_reads_as_the_text_it_shows(tmp_path: Path) -> None:
    """Every 层信息 field is text: 330106 retyped (a number to Calc and Excel) was 应为文字（实际为“330106”）,
    and a version typed 1 was 应为文字 where the version's own words say how to write it."""
    folder, path = _xihu(tmp_path)
    book = openpyxl.load_workbook(path)
    _info_row(book, "行政区划代码")[1].value = 330106
    book.save(path)
    assert invoke("import", str(path), "-o", str(folder)).code == 0
    assert load_layer(folder).layer.division_code == "330106"
    _info_row(book, "版本")[1].value = 1
    book.save(path)
    result = invoke("import", str(path), "-o", str(folder))
    assert result.code == 1
    assert result.out.splitlines()[-1].endswith(
        "字段 B（版本）：版本号写作“主版本.次版本.修订号”，如 1.0.0（实际为“1”）"
    )


def test_the_layer_sheet_without_its_field_column_reads_by_its_labels(tmp_path: Path) -> None:
    """The 字段 column (id, level…) deleted as clutter: 20 problems, each naming a field by its code."""
    folder, path = _xihu(tmp_path)
    book = openpyxl.load_workbook(path)
    _info_row(book, "发布机关")[1].value = "西湖区民政局"
    book["层信息"].delete_cols(3)
    book.save(path)
    result = invoke("import", str(path), "-o", str(folder))
    assert result.code == 0, result.out
    layer = load_layer(folder).layer
    assert (layer.publisher, layer.parent.id if layer.parent else None) == ("西湖区民政局", "cn")
    book["层信息"].delete_rows(_info_row(book, "版本")[0].row)
    book.save(path)
    result = invoke("import", str(path), "-o", str(folder))
    assert result.out.splitlines()[1:] == ["  层信息", "    字段 版本：缺少必填字段"]


def test_a_line_break_pasted_into_a_name_is_named_in_words(tmp_path: Path) -> None:
    folder, path = _xihu(tmp_path)
    book = openpyxl.load_workbook(path)
    book["工作事务"].append([None, "协助开展\n环境整治", None, None, None, None, "依法协助政府工作事项", None, "村"])
    book.save(path)
    result = invoke("import", str(path), "-o", str(folder))
    assert result.code == 1
    assert result.out.splitlines()[-1].endswith(
        "字段 B（名称）：应为一行文字，不能含换行、控制字符或不可见字符"
        "（如零宽字符、方向控制符）：含有 换行（U+000A），请删去"
    )


@pytest.mark.parametrize("command", [["validate"], ["lint"], ["diff", str(REPO / "data" / "national")]])
def test_a_workbook_given_where_a_package_belongs_says_to_import_it(tmp_path: Path, command: list[str]) -> None:
    """A workbook is a zip: ``validate 目录.xlsx`` said zip 中须有且仅有一个 datapackage.json."""
    _, path = _xihu(tmp_path)
    result = invoke(*command, str(path))
    assert result.code == 2
    said = f"是 Excel 工作簿，不是数据包；请先导入（villagecat import {path} -o 数据包文件夹），再对数据包文件夹运行"
    assert said in result.out + result.err, result.out + result.err
    assert "zip" not in result.out + result.err


def test_a_yes_no_column_is_told_by_its_words(tmp_path: Path) -> None:
    """A 是/否 column (兜底条目) with a tick said 应为 true 或 false: the package's words, not the sheet's."""
    folder, path = _xihu(tmp_path)
    book = openpyxl.load_workbook(path)
    duties = book["工作事务"]
    duties.append([None, "环境整治", None, None, None, None, "依法协助政府工作事项", None, "村", *[None] * 5, "√"])
    book.save(path)
    result = invoke("import", str(path), "-o", str(folder))
    assert result.out.splitlines()[1:] == ["  工作事务", "    第 2 行 字段 O（兜底条目）：应填“是”或“否”（实际为“√”）"]
    duties["O2"] = True  # TRUE, as Calc and Excel write a boolean cell
    book.save(path)
    assert invoke("import", str(path), "-o", str(folder)).code == 0
    assert load_layer(folder).duties[0].catch_all is True


def test_a_section_cited_with_full_width_brackets_takes_the_clause_sheet_s_quote(tmp_path: Path) -> None:
    """The 条款 sheet quotes 三(一)2; the 出处 typed 三（一）2 (a Chinese input method's brackets) became a
    second clause without the quote, silently, and the sheet's clause, its 标识 left blank, was called
    ``330106.clause.item``."""
    folder, path = _xihu(tmp_path)
    book = openpyxl.load_workbook(path)
    book["来源文件"].append(["330106.document.work-plan", "工作方案", None, None, None, None, "规范性文件"])
    book["条款"].append([None, "330106.document.work-plan", "三(一)2", "网格员在巡查中发现的问题，及时报告街道。"])
    cited = "330106.document.work-plan#三（一） 2"
    book["工作事务"].append([None, "网格巡查", cited, None, None, None, "依法协助政府工作事项", None, "村"])
    book.save(path)
    assert invoke("import", str(path), "-o", str(folder)).code == 0
    package = load_layer(folder)
    (clause,) = package.clauses
    assert (clause.id, clause.section) == ("330106.clause.work-plan-3-1-2", "三(一)2")
    assert package.duties[0].citations == (clause.citation(),)


def test_a_sheet_of_notes_says_what_to_do_and_a_hidden_one_how_to_see_it(tmp_path: Path) -> None:
    """备注 said 请改正表名，否则其中的内容不会导入, as if the import went on without it (it stopped); a hidden
    sheet was named as any other, though the clerk cannot see it."""
    folder, path = _xihu(tmp_path)
    book = openpyxl.load_workbook(path)
    book.create_sheet("备注")["A1"] = "本表由张三填写"
    hidden = book.create_sheet("Sheet2")
    hidden["A1"] = "草稿"
    hidden.sheet_state = "hidden"
    book.save(path)
    result = invoke("import", str(path), "-o", str(folder))
    assert result.code == 1
    lines = result.out.splitlines()
    assert lines[lines.index("  备注") + 1].startswith("    未知的工作表“备注”：工作表应为 层信息、")
    assert lines[lines.index("  备注") + 1].endswith(
        "是目录的内容请改正表名，是备注等其他内容请删去该表或移到别的文件，再导入"
    )
    assert lines[lines.index("  Sheet2") + 1].startswith(
        "    未知的工作表“Sheet2”（隐藏的工作表：在表名处右键选“取消隐藏”可以看到）：工作表应为"
    )


def test_a_comma_in_a_list_cell_is_one_entry_and_said_so_with_the_bar_that_separates(tmp_path: Path) -> None:
    """区城管局，区民政局 in 责任部门 imported as one department, without a word. A comma or 、 may belong to an
    entry (an alias, a text field's 例外 or 条件 hold them), so it is read as written and said, never refused."""
    folder, path = _xihu(tmp_path)
    book = openpyxl.load_workbook(path)
    row = [
        None,
        "环境整治",
        None,
        None,
        "环境卫生、村容整治",
        None,
        "依法协助政府工作事项",
        None,
        "村",
        "区城管局，区民政局",
    ]
    book["工作事务"].append(
        [*row, "协调联络、宣传教育"]
    )  # a vocabulary list: 、 separates its words, as the guide says
    obligation = [None, "不得擅自增加事项", None, None, None, None, "区级部门", "是", "必须"]
    book["减负措施"].append([*obligation, "未经批准，不得增加", "党中央、国务院明确要求的除外", "评比达标"])
    book.save(path)
    result = invoke("import", str(path), "-o", str(folder))
    assert result.code == 0, result.out
    assert result.err == (
        "villagecat: 注意：工作事务：第 2 行 字段 E（别名）中的顿号“、”不分隔多项，“环境卫生、村容整治”"
        "已作为一项读入；若是几项，请用半角竖线 | 分隔，如 环境卫生|村容整治\n"
        "villagecat: 注意：工作事务：第 2 行 字段 J（责任部门）中的逗号“，”不分隔多项，“区城管局，区民政局”"
        "已作为一项读入；若是几项，请用半角竖线 | 分隔，如 区城管局|区民政局\n"
    )  # 条件 and 例外 are text, not lists: their commas are said nothing of
    (duty,) = load_layer(folder).duties
    assert (duty.aliases, duty.departments) == (("环境卫生、村容整治",), ("区城管局，区民政局",))
    assert [a.value for a in duty.assist_activities or ()] == ["coordinate_liaise", "publicise_educate"]
    english = invoke("import", str(path), "-o", str(tmp_path / "en"), "--lang", "en")
    assert "row 2, column J（责任部门）: the ， separates nothing" in english.err
    again = invoke("import", str(path), "-o", str(folder))  # the package written holds the entries: said once
    assert (again.code, again.err) == (0, "")
    book = openpyxl.load_workbook(path)
    book["工作事务"].cell(row=2, column=2).value = None  # a blank 名称: this import fails, for that alone
    book.save(path)
    failed = invoke("import", str(path), "-o", str(folder))
    assert failed.code == 1
    assert "缺少必填字段" in failed.out
    assert failed.err == ""  # not the entries said before, as a failed import printed every notice again


def test_a_full_width_bar_is_a_separator_of_values_and_said_of_other_lists(tmp_path: Path) -> None:
    """A Chinese input method types ｜ for |: 协调联络｜宣传教育 was refused as one unknown value, and
    区城管局｜区民政局 ran two departments into one, silently."""
    folder, path = _xihu(tmp_path)
    book = openpyxl.load_workbook(path)
    row = [None, "环境整治", None, None, None, None, "依法协助政府工作事项", None, "村", "区城管局｜区民政局"]
    book["工作事务"].append([*row, "协调联络｜宣传教育"])
    book.save(path)
    result = invoke("import", str(path), "-o", str(folder))
    assert result.code == 0, result.out
    assert result.err == (
        "villagecat: 注意：工作事务：第 2 行 字段 J（责任部门）中的全角竖线“｜”不分隔多项，已作为文字读入；"
        "若要填多项，请改用半角竖线 |\n"
    )
    (duty,) = load_layer(folder).duties
    assert (duty.departments, [a.value for a in duty.assist_activities or ()]) == (
        ("区城管局｜区民政局",),
        ["coordinate_liaise", "publicise_educate"],
    )


def test_a_value_written_as_the_source_writes_it_reads_without_its_label_s_explanation(tmp_path: Path) -> None:
    """经费保障 费随事转 (厅字〔2022〕28号's words) was refused: the label is 费随事转（部门提供经费和工作条件）."""
    folder, path = _xihu(tmp_path)
    book = openpyxl.load_workbook(path)
    row = [None, "环境整治", None, None, None, None, "依法协助政府工作事项", None, "村", None, None, "费随事转"]
    book["工作事务"].append(row)
    book.save(path)
    result = invoke("import", str(path), "-o", str(folder))
    assert result.code == 0, result.out
    assert load_layer(folder).duties[0].funding == "fee_follows_task"


def test_entries_pasted_a_line_each_are_told_to_be_joined_by_a_bar(tmp_path: Path) -> None:
    """Two 出处 pasted from Word, a line each, were told 条款号应为一行文字，不能含「」: about a section; two
    departments so were read as one, silently; two values of 协助方式 so were one unknown value."""
    folder, path = _xihu(tmp_path)
    book = openpyxl.load_workbook(path)
    cited = "cn.document.tingzi-2022-28#二(一)1\ncn.document.tingzi-2022-28#二(一)2"
    row = [None, "环境整治", cited, None, None, None, "依法协助政府工作事项", None, "村", "区城管局\n区民政局"]
    book["工作事务"].append([*row, "协调联络\n宣传教育"])
    book.save(path)
    result = invoke("import", str(path), "-o", str(folder))
    assert result.out.splitlines()[1:] == [
        "  工作事务",
        (
            "    第 2 行 字段 C（出处）：几个出处分在了几行（可能是从 Word 粘贴的）；"
            "一格中的几个出处请用半角竖线 | 连在一行，如 文件标识#二(一)1|文件标识#二(一)2"
        ),
        (
            "    第 2 行 字段 J（责任部门）：几项分在了几行（可能是从 Word 粘贴的），会被读成带换行的一项；"
            "一格中的几项请用半角竖线 | 连在一行，如 甲|乙"
        ),
    ]


def test_a_value_wrapped_in_its_cell_reads_and_one_unknown_is_shown_on_one_line(tmp_path: Path) -> None:
    """依法协助政府⏎工作事项 (a label wrapped by Word) was refused, and the report echoed the line break raw,
    breaking its line in two."""
    folder, path = _xihu(tmp_path)
    book = openpyxl.load_workbook(path)
    book["工作事务"].append([None, "环境整治", None, None, None, None, "依法协助政府\n工作事项", None, "村"])
    book.save(path)
    assert invoke("import", str(path), "-o", str(folder)).code == 0
    assert load_layer(folder).duties[0].duty_kind == "assists"
    book["工作事务"]["G2"] = "依法协助\n政务"
    book.save(path)
    result = invoke("import", str(path), "-o", str(folder))
    assert result.code == 1
    assert result.out.splitlines()[-1].endswith("（实际为“依法协助↵政务”）"), result.out


def test_a_package_given_to_import_for_its_workbook_says_which_way_each_command_goes(tmp_path: Path) -> None:
    """``import 西湖区目录 -o …`` (the folder for the workbook) said only 这是文件夹，不是文件."""
    folder, _ = _xihu(tmp_path)
    result = invoke("import", str(folder), "-o", str(tmp_path / "out"))
    assert result.code == 2
    assert result.err == (
        f"villagecat: {folder}：是文件夹，不是工作簿：导入读取 Excel 工作簿"
        f"（villagecat import 工作簿.xlsx -o {folder}）；"
        f"把数据包写成工作簿请用 villagecat export {folder} -o 工作簿.xlsx\n"
    ), result.err
    assert not (tmp_path / "out").exists()


def test_a_column_of_row_numbers_is_left_out_with_a_notice(tmp_path: Path) -> None:
    """A 序号 column a clerk adds to a sheet was 未知的列, though ledgers read it: the import stopped.

    It numbers the rows and holds no catalog data: left out, said once, and the package is
    what the workbook without it makes.
    """
    ninghe = REPO / "data/provinces/120000-tianjin/120117-ninghe"
    plain, numbered = tmp_path / "plain.xlsx", tmp_path / "numbered.xlsx"
    book = exported(ninghe, plain)
    duties = book["工作事务"]
    duties.insert_cols(1)
    duties.cell(row=1, column=1, value="序号")
    for row in range(2, duties.max_row + 1):
        duties.cell(row=row, column=1, value=row - 1)
    book.save(numbered)
    assert invoke("import", str(plain), "-o", str(tmp_path / "a")).code == 0
    result = invoke("import", str(numbered), "-o", str(tmp_path / "b"))
    assert result.code == 0, result.out
    assert "工作事务：A 列“序号”是行的编号，不属于目录数据，未导入" in result.err
    for made in sorted((tmp_path / "a").iterdir()):
        assert (tmp_path / "b" / made.name).read_bytes() == made.read_bytes(), made.name
    assert load_layer(tmp_path / "b").duties == load_layer(ninghe).duties


@pytest.mark.parametrize("joined", ["，", "、", "；", "｜", ",", " "])
def test_two_citations_joined_by_anything_but_a_bar_are_refused_never_read_as_one_section(
    tmp_path: Path, joined: str
) -> None:
    """出处 typed ``…#三(一)2，…#二`` (a full-width comma, as Chinese text separates) was imported as one
    citation of section 三(一)2，330106.document.notice#二, a clause no document has: silently."""
    folder, path = _xihu(tmp_path)
    book = openpyxl.load_workbook(path)
    book["来源文件"].append(["330106.document.plan", "工作方案", *[None] * 4, "规范性文件"])
    book["来源文件"].append(["330106.document.notice", "通知", *[None] * 4, "规范性文件"])
    cell = f"330106.document.plan#三(一)2{joined}330106.document.notice#二"
    book["工作事务"].append([None, "环境整治", cell, None, None, None, "依法协助政府工作事项", None, "村"])
    book.save(path)
    result = invoke("import", str(path), "-o", str(folder))
    assert result.code == 1, result.out
    assert result.out.splitlines()[1:] == [
        "  工作事务",
        (
            f"    第 2 行 字段 C（出处）：取值无效：“{cell}”中有不止一个“#”，是几个出处连在了一起："
            "几个出处之间请用半角竖线 | 分隔（逗号、顿号、全角竖线“｜”都不能分隔）"
        ),
    ]
    assert "全角竖线" not in result.err  # one message: the notice that ｜ separates nothing is not said beside it
    assert load_layer(folder).duties == ()  # nothing written
    csv_path = folder / "duties.csv"
    csv_path.write_text(
        csv_path.read_text("utf-8") + f'330106.duty.x,环境整治,"{cell}",,,,assists,,village,,,,,,,\n', "utf-8"
    )
    result = invoke("validate", str(folder))
    assert result.code == 1
    assert "第 2 行 字段 citations[0]（出处）：" in result.out, result.out
    assert "中有不止一个“#”，是几个出处连在了一起" in result.out


def test_a_deleted_column_is_one_problem_not_one_a_row(tmp_path: Path) -> None:
    """事项类别 deleted: 缺少列“事项类别” and then 缺少必填字段 on every row, for one mistake."""
    folder, path = _xihu(tmp_path)
    book = openpyxl.load_workbook(path)
    duties = book["工作事务"]
    for name in ("环境整治", "人口普查"):
        duties.append([None, name, None, None, None, None, "依法协助政府工作事项", None, "村"])
    duties.delete_cols(7)
    book.save(path)
    result = invoke("import", str(path), "-o", str(folder))
    assert result.code == 1
    assert result.out.splitlines()[1:] == [
        "  工作事务",
        "    第 1 行：缺少列“事项类别”；该列没有内容时，请保留列名、内容留空（缺少该列会被当作清空每一行的这一项）",
    ]


def test_a_renamed_sheet_is_one_problem_naming_both_names(tmp_path: Path) -> None:
    """工作事务 renamed 工作事务清单: 未知的工作表 and 缺少工作表, two problems for one mistake."""
    folder, path = _xihu(tmp_path)
    book = openpyxl.load_workbook(path)
    book["工作事务"].append([None, "环境整治", None, None, None, None, "依法协助政府工作事项", None, "村"])
    book["工作事务"].title = "工作事务清单"
    book.save(path)
    result = invoke("import", str(path), "-o", str(folder))
    assert result.code == 1
    assert result.out.splitlines()[1:] == [
        "  工作事务清单",
        "    工作表“工作事务清单”的列名与“工作事务”表相同，像是改了表名；请把表名改回“工作事务”（表名不能修改）",
    ]


@pytest.mark.parametrize("typed", ["村和社区", "村（社区）", "村、社区、村和社区", "社区、村", "村|社区", "社区|村"])
def test_covers_typed_as_both_reads_as_villages_and_communities(tmp_path: Path, typed: str) -> None:
    """覆盖范围 typed 村和社区 (the 适用范围 word) was written ``["both"]``: the same reach, yet ``diff`` called it a
    change needing a major version (村（village）、社区（community） → 村和社区（both）); typed 社区、村 it was
    written in that order, which ``diff`` told the same way, and 村|社区 (every other list's bar) was refused."""
    folder, path = _xihu(tmp_path)
    book = openpyxl.load_workbook(path)
    _info_row(book, "覆盖范围")[1].value = typed
    book.save(path)
    result = invoke("import", str(path), "-o", str(folder))
    assert result.code == 0, result.out
    assert [s.value for s in load_layer(folder).layer.covers] == ["village", "community"]


@pytest.mark.parametrize("typed", ["0.2.0", "0.0.9"])
def test_a_version_typed_by_hand_is_told_on_its_row_with_what_to_do(tmp_path: Path, typed: str) -> None:
    """A clerk raising 版本 by hand got ``层信息 取值无效：最近一次发布记录是 0.1.0，但本层版本为 0.2.0``:
    no row, no column, no word of what to do (``release`` sets the version)."""
    folder, path = _xihu(tmp_path, released=True)
    book = openpyxl.load_workbook(path)
    row = _info_row(book, "版本")
    row[1].value = typed
    book.save(path)
    result = invoke("import", str(path), "-o", str(folder))
    assert result.code == 1
    assert result.out.splitlines()[1:] == [
        "  层信息",
        (
            f"    第 {row[0].row} 行 字段 B（版本）：最近一次发布记录是 0.1.0，但本层版本为 {typed}；"
            "版本号由 villagecat release 在发布时按变更确定，请改回 0.1.0"
        ),
    ]


def test_a_full_width_hash_in_a_citation_and_full_width_digits_in_a_date_read_as_typed(tmp_path: Path) -> None:
    """A Chinese input method types ＃ and ２０２３: the 出处 ``文件＃三(一)2`` and the date ``２０２３年３月`` were
    refused (出处写作“文件标识#条款”…, 日期写作 2023-09-01…) though a clerk sees no difference from # and 2023."""
    folder, path = _xihu(tmp_path)
    book = openpyxl.load_workbook(path)
    book["来源文件"].append(["330106.document.plan", "工作方案", None, None, "２０２３年３月", None, "规范性文件"])
    cited = "330106.document.plan＃三(一)2"
    book["工作事务"].append([None, "环境整治", cited, None, None, None, "依法协助政府工作事项"])
    book.save(path)
    result = invoke("import", str(path), "-o", str(folder))
    assert result.code == 0, result.out
    package = load_layer(folder)
    assert package.documents[0].issued == "2023-03"
    (citation,) = package.duties[0].citations
    assert (citation.document, citation.section) == ("330106.document.plan", "三(一)2")
    book["工作事务"].cell(2, 3).value = "330106.document.plan＃三(一)2，330106.document.plan＃二"
    book.save(path)
    result = invoke("import", str(path), "-o", str(folder))
    assert result.code == 1  # two run together, refused as such: never one section 三(一)2，330106.document.plan＃二
    assert "是几个出处连在了一起" in result.out, result.out


def _override_row(book: Any, target: str, field: str, value: object) -> None:
    sheet = book["覆盖"]
    titles = [c.value for c in sheet[1]]
    row = dict.fromkeys(titles)
    row.update({"名称": "改动", "出处": "cn.document.tingzi-2022-28#二(二)6", "目标条目": target})
    row.update({"字段": field, "操作": "设为", "取值": value})
    sheet.append([row[t] for t in titles])


def test_an_override_s_target_typed_as_its_name_is_one_problem_saying_how_to_find_the_id(tmp_path: Path) -> None:
    """目标条目 typed 功能区入口简明标牌 (the name a clerk knows) was two problems, one a pattern's words
    (层级代码.种类.小写英文字母或数字) and one about 字段, which was right; neither said where the id is found."""
    folder, path = _xihu(tmp_path)
    book = openpyxl.load_workbook(path)
    _override_row(book, "功能区入口简明标牌", "版式", "横牌")
    book.save(path)
    result = invoke("import", str(path), "-o", str(folder))
    assert result.code == 1
    assert result.out.splitlines()[1:] == [
        "  覆盖",
        (
            "    第 2 行 字段 G（目标条目）：目标条目填上级条目的标识，不是名称；运行 villagecat explain 330106 "
            "功能区入口简明标牌 可查到它的标识（实际为“功能区入口简明标牌”）"
        ),
    ]


def test_an_override_s_value_of_the_wrong_kind_names_the_column_not_its_code(tmp_path: Path) -> None:
    """取值 400平方米 for 最小建筑面积 said ``不是 facilities.min_floor_area_m2 的有效取值``: the CSV's code."""
    folder, path = _xihu(tmp_path)
    book = openpyxl.load_workbook(path)
    _override_row(book, "cn.facility.community-service-facility", "最小建筑面积（平方米）", "400平方米")
    book.save(path)
    result = invoke("import", str(path), "-o", str(folder))
    assert result.code == 1
    assert result.out.splitlines()[1:] == [
        "  覆盖",
        "    第 2 行 字段 J（取值）：不是“最小建筑面积（平方米）”的有效取值：应为数字（实际为“400平方米”）",
    ]


@pytest.mark.parametrize("edit", ["delete", "notes"])
def test_a_published_release_record_edited_or_deleted_in_the_workbook_is_refused(tmp_path: Path, edit: str) -> None:
    """The 发布记录 rows of 层信息 (three a release, 60 for Ninghe) deleted as clutter, or a past 说明 rewritten,
    imported without a word: the published history of the layer was gone from datapackage.json."""
    folder, path = _xihu(tmp_path, released=True)
    before = (folder / "datapackage.json").read_bytes()
    book = openpyxl.load_workbook(path)
    if edit == "delete":
        book["层信息"].delete_rows(_info_row(book, "发布记录 1 · 版本")[0].row, 3)
        said = "发布记录 0.1.0 被删去"
    else:
        _info_row(book, "发布记录 1 · 说明")[1].value = "改写的说明"
        said = "发布记录 0.1.0 被改动"
    book.save(path)
    result = invoke("import", str(path), "-o", str(folder))
    assert result.code == 1, result.out
    assert f"{said}；已发布的记录不能在工作簿中修改或删除，请在“层信息”表中改回" in result.err, result.err
    assert (folder / "datapackage.json").read_bytes() == before
    assert invoke("import", str(path), "-o", str(folder), "--force").code == 0


def _add_release(book: Any, version: str) -> Any:
    """Three 发布记录 rows typed by hand after the last, numbered on; the 版本 row returned."""
    sheet = book["层信息"]
    last = max(row[0].row for row in sheet.iter_rows() if str(row[0].value or "").startswith("发布记录"))
    number = sum(1 for row in sheet.iter_rows() if str(row[0].value or "").endswith("· 版本")) + 1
    sheet.insert_rows(last + 1, 3)
    for offset, (part, key, value) in enumerate(
        [("版本", "version", version), ("日期", "date", "2027-01-01"), ("说明", "notes", "手填的发布")]
    ):
        row = sheet[last + 1 + offset]
        row[0].value, row[1].value, row[2].value = f"发布记录 {number} · {part}", value, f"releases.{number}.{key}"
    return sheet[last + 1]


@pytest.mark.parametrize("version", ["0.2.0", "1.0.0"])
def test_a_release_record_typed_after_the_last_is_told_on_its_row_not_as_the_version_s(
    tmp_path: Path, version: str
) -> None:
    """A 发布记录 added by hand (0.2.0), or one copied again (0.1.0), was told as 版本 typed by hand:
    ``第 8 行 字段 B（版本）：最近一次发布记录是 0.2.0，但本层版本为 0.1.0……请改回 0.2.0``, advice that is wrong
    (版本 was as exported) and, followed, publishes a release villagecat release never made."""
    folder, path = _xihu(tmp_path, released=True)
    book = openpyxl.load_workbook(path)
    row = _add_release(book, version)
    book.save(path)
    result = invoke("import", str(path), "-o", str(folder))
    assert result.code == 1
    assert result.out.splitlines()[1:] == [
        "  层信息",
        (
            f"    第 {row[0].row} 行 字段 B（发布记录 2 · 版本）：发布记录 2（{version}）排在本层版本 0.1.0 的发布记录"
            "之后；发布记录由 villagecat release 在发布时写入：这一条若是手填的，请删去它的各行，否则请把版本改回"
            f" {version}"
        ),
    ]


@pytest.mark.parametrize("version", ["0.0.9", "0.1.0"])
def test_release_records_out_of_order_are_told_on_the_row_never_as_the_version_s(tmp_path: Path, version: str) -> None:
    """The last two 发布记录 swapped, or one copied again: ``请改回 0.0.9`` on 版本, which was as exported;
    written, the history read newest-first in datapackage.json."""
    folder, path = _xihu(tmp_path, released=True)
    book = openpyxl.load_workbook(path)
    first = _add_release(book, version)
    book.save(path)
    result = invoke("import", str(path), "-o", str(folder))
    assert result.code == 1
    assert result.out.splitlines()[1:] == [
        "  层信息",
        (
            f"    第 {first[0].row} 行 字段 B（发布记录 2 · 版本）：发布记录 2 的版本 {version} 不比前一条 0.1.0 新；"
            "发布记录按版本从旧到新排列，每个版本一条，请改回导出时的样子"
        ),
    ]


def test_the_admission_route_s_citation_takes_a_full_width_hash_and_a_wrong_one_is_one_problem_on_its_row(
    tmp_path: Path,
) -> None:
    """准入审批程序 · 出处 typed with ＃ was refused where every other 出处 reads it as #, and told twice: once as
    ``字段 admission.citations.0`` (a code, no row) and once as 至少需要 1 项 on its row."""
    folder, path = _xihu(tmp_path)
    book = openpyxl.load_workbook(path)
    steps = _info_row(book, "准入审批程序")  # a layer without a route: one empty row, filled as its two
    steps[0].value, steps[1].value, steps[2].value = "准入审批程序 · 步骤", "初审|审批", "admission.steps"
    book["层信息"].append(["准入审批程序 · 出处", "cn.document.tingzi-2022-28＃二(二)6", "admission.citations"])
    cited = _info_row(book, "准入审批程序 · 出处")
    book.save(path)
    result = invoke("import", str(path), "-o", str(folder))
    assert result.code == 0, result.out
    admission = load_layer(folder).layer.admission
    assert admission is not None
    assert [(c.document, c.section) for c in admission.citations] == [("cn.document.tingzi-2022-28", "二(二)6")]
    cited[1].value = "二(二)6"
    book.save(path)
    result = invoke("import", str(path), "-o", str(folder))
    assert result.code == 1
    lines = result.out.splitlines()[1:]
    assert len(lines) == 2, lines
    assert lines[1].startswith(f"    第 {cited[0].row} 行 字段 B（准入审批程序 · 出处）：取值无效"), lines


def test_import_s_force_says_it_writes_release_records_deleted_or_edited() -> None:
    """The refusal of a rewritten 发布记录 says --force writes it, and --help said --force was for a folder
    holding no package or an older version: nothing of the history it then erases."""
    from villagecat.cli import _parser  # noqa: PLC0415

    actions = _parser()._actions  # noqa: SLF001 - argparse offers no public walk
    (imports,) = [a.choices["import"] for a in actions if isinstance(a.choices, dict) and "import" in a.choices]
    (force,) = [a.help for a in imports._actions if "--force" in a.option_strings]  # noqa: SLF001
    assert "发布记录" in str(force), force


@pytest.mark.parametrize("edit", ["delete", "notes"])
def test_a_shipped_layer_s_release_record_edited_is_refused_imported_into_a_new_folder(
    tmp_path: Path, edit: str
) -> None:
    """Imported into a new folder (``-o 宁河区目录-新``), a workbook of Ninghe whose first 发布记录 was deleted or
    rewritten was written without a word: the check looked only at the folder written over."""
    path, folder = tmp_path / "ninghe.xlsx", tmp_path / "new"
    assert invoke("export", "120117", "-o", str(path)).code == 0
    book = openpyxl.load_workbook(path)
    first = _info_row(book, "发布记录 1 · 版本")[1].value
    if edit == "delete":
        book["层信息"].delete_rows(_info_row(book, "发布记录 1 · 版本")[0].row, 3)
    else:
        _info_row(book, "发布记录 1 · 说明")[1].value = "改写的说明"
    book.save(path)
    result = invoke("import", str(path), "-o", str(folder))
    assert result.code == 1, result.out
    said = "删去" if edit == "delete" else "改动"
    assert f"已发布的不同：发布记录 {first} 被{said}；" in result.err, result.err
    assert not folder.exists()
    assert invoke("import", str(path), "-o", str(folder), "--force").code == 0


def test_a_shipped_layer_s_older_workbook_imports_into_a_new_folder(tmp_path: Path) -> None:
    """A workbook exported before the layer's last release holds fewer 发布记录: none of them was lost."""
    path, folder = tmp_path / "ninghe.xlsx", tmp_path / "new"
    assert invoke("export", "120117", "-o", str(path)).code == 0
    book = openpyxl.load_workbook(path)
    labels = [row[0].value for row in book["层信息"].iter_rows()]
    count = sum(1 for label in labels if str(label).endswith("· 版本") and str(label).startswith("发布记录"))
    before = _info_row(book, f"发布记录 {count - 1} · 版本")[1].value
    book["层信息"].delete_rows(_info_row(book, f"发布记录 {count} · 版本")[0].row, 3)
    _info_row(book, "版本")[1].value = before
    book.save(path)
    result = invoke("import", str(path), "-o", str(folder))
    assert result.code == 0, result.out + result.err
    assert load_layer(folder).layer.version == before


def test_a_code_typed_in_full_width_reads_as_typed_and_a_name_keeps_its_full_width(tmp_path: Path) -> None:
    """行政区划代码 １２０１１７ and 目标条目 ｃｎ.sign.function-area, as a Chinese input method's full-width mode types
    them, were refused with the form's example, which looks the same to a clerk; the target was even told to be a
    name (目标条目填上级条目的标识，不是名称). A name's full-width digits are the source's and stay."""
    folder, path = _xihu(tmp_path)
    book = openpyxl.load_workbook(path)
    _info_row(book, "行政区划代码")[1].value = "３３０１０６"
    _info_row(book, "上级层 · 标识")[1].value = "ｃｎ"
    _override_row(book, "ｃｎ.sign.function-area", "备注", "附件２所列")
    book.save(path)
    result = invoke("import", str(path), "-o", str(folder))
    assert result.code == 0, result.out
    package = load_layer(folder)
    assert package.layer.division_code == "330106"
    assert package.layer.parent is not None
    assert package.layer.parent.id == "cn"
    (override,) = package.overrides
    assert (override.target, override.value) == ("cn.sign.function-area", "附件２所列")
