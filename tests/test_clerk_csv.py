"""A package's CSV opened and saved again by a spreadsheet: what the clerk did not do is never held against her.

Excel's "CSV UTF-8" writes a BOM, CRLF line ends, TRUE/FALSE, and a row of commas for every
row whose cells were cleared (the Delete key, not 删除行) — at the end of the sheet, where the
clerk sees nothing. frictionless refuses such a row (blank-row), so ``validate`` does too; the
refusal must then be one Chinese line per run of blank rows saying how to remove them, and
the rewrite it names (``villagecat upgrade``) must remove them. LibreOffice Calc, saving the
package's CSV again, must leave a valid package valid.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
from typing import TYPE_CHECKING

import pytest
from openpyxl.utils import get_column_letter

from conftest import NATIONAL, REPO, invoke, libreoffice
from villagecat.package import RESOURCES, load_layer

if TYPE_CHECKING:
    from pathlib import Path

#: Words a clerk who reads Chinese only cannot act on, in a Chinese line.
_FOREIGN = ("frictionless", "Table Schema", "schema", "True", "'", "\\")


def _excel_saved(path: Path, *, blank_after: int, trailing: int) -> None:
    """Save a CSV as Excel's CSV UTF-8 does: a cleared row after data row ``blank_after``, ``trailing`` at the end."""
    rows = list(csv.reader(io.StringIO(path.read_text("utf-8"), newline="")))
    rows = [["TRUE" if c == "true" else "FALSE" if c == "false" else c for c in row] for row in rows]
    empty = [""] * len(rows[0])
    rows = [*rows[: blank_after + 1], empty, *rows[blank_after + 1 :], *[empty] * trailing]
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    path.write_bytes(b"\xef\xbb\xbf" + out.getvalue().encode("utf-8"))


def _set_sign_cell(package: Path, column: str, cell: str) -> None:
    """Write ``cell`` in ``column`` of the first sign, as a text editor would."""
    signs = package / "signs.csv"
    rows = list(csv.reader(io.StringIO(signs.read_text("utf-8"), newline="")))
    rows[1][rows[0].index(column)] = cell
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    signs.write_text(out.getvalue(), "utf-8")


def _problem_lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.startswith("    ")]


def test_rows_excel_left_blank_are_one_line_a_run_and_upgrade_removes_them(national_copy: Path) -> None:
    signs = national_copy / "signs.csv"
    count = len(signs.read_text("utf-8").splitlines())  # header and rows
    _excel_saved(signs, blank_after=2, trailing=40)

    result = invoke("validate", str(national_copy))
    assert result.code == 1
    lines = _problem_lines(result.out)
    assert lines == [
        (
            "第 4 行：空行；请删去这一行（右键点行号，选“删除”整行；只按 Delete 键清除内容，"
            "另存后仍会留下空行），或运行 villagecat upgrade 加数据包文件夹，自动删去全部空行"
        ),
        (
            f"第 {count + 2} 行：从这一行到第 {count + 41} 行共 40 行是空行；请删去这些行（选中这些行号，"
            "右键选“删除”整行；只按 Delete 键清除内容，另存后仍会留下空行），或运行 villagecat upgrade 加数据包文件夹，"
            "自动删去全部空行"
        ),
    ], result.out
    for line in lines:
        assert not any(word in line for word in _FOREIGN), line

    assert invoke("upgrade", str(national_copy)).code == 0  # the rewrite the message names removes them
    assert invoke("validate", str(national_copy)).code == 0
    assert "\n\n" not in signs.read_text("utf-8")
    assert load_layer(national_copy).resource("signs") == load_layer(NATIONAL).resource("signs")


def test_a_package_with_blank_rows_is_read_to_use_and_its_release_writes_them_no_more(tmp_path: Path) -> None:
    """A blank row holds nothing: ``catalog`` reads the package, and ``release``, which rewrites it, drops the row."""
    folder = tmp_path / "xihu"
    assert invoke("init", str(folder), "--level", "county", "--code", "330106", "--name", "西湖区").code == 0
    documents = folder / "documents.csv"
    documents.write_text(
        documents.read_text("utf-8") + "330106.document.plan,西湖区工作方案,,,2023-09-01,,normative_document,,,true\n",
        "utf-8",
    )
    _excel_saved(documents, blank_after=0, trailing=5)
    assert invoke("validate", str(folder)).code == 1
    assert invoke("catalog", "-j", "330106", "--layer", str(folder)).code == 0
    result = invoke("release", str(folder))
    assert result.code == 0, result.err
    assert invoke("validate", str(folder)).code == 0
    assert documents.read_text("utf-8").splitlines()[1:] == [
        "330106.document.plan,西湖区工作方案,,,2023-09-01,,normative_document,,,true"
    ]


@pytest.mark.parametrize(
    ("cell", "said"),
    [
        (" 是", "第 2 行 字段 mandatory（列入悬挂）：单元格两端有空格（实际为“ 是”）；请删去空格"),
        ("true ", "第 2 行 字段 mandatory（列入悬挂）：单元格两端有空格（实际为“true ”）；请删去空格"),
        ("  ", "第 2 行 字段 mandatory（列入悬挂）：单元格只有空格；不填请删去空格，留空（什么也不写）"),
    ],
)
def test_spaces_in_a_cell_are_told_in_words_a_clerk_reads(national_copy: Path, cell: str, said: str) -> None:
    _set_sign_cell(national_copy, "mandatory", cell)
    result = invoke("validate", str(national_copy))
    assert result.code == 1
    (line,) = _problem_lines(result.out)
    assert line.startswith(said), line
    assert not any(word in line for word in _FOREIGN), line


@pytest.mark.parametrize(
    ("cell", "said"),
    [
        ("2.0", "第 2 行 字段 precedence（悬挂次序）：整数不写小数点（实际为“2.0”）；请写作 2"),
        ("2.", "第 2 行 字段 precedence（悬挂次序）：整数不写小数点（实际为“2.”）；请写作 2"),
        ("2.5", "第 2 行 字段 precedence（悬挂次序）：应为整数（实际为“2.5”）"),
    ],
)
def test_a_number_with_a_point_says_what_to_write(national_copy: Path, cell: str, said: str) -> None:
    """A spreadsheet shows 2.0 where a clerk typed 2 with a number format: the line says to write 2."""
    _set_sign_cell(national_copy, "precedence", cell)
    result = invoke("validate", str(national_copy))
    assert _problem_lines(result.out) == [said], result.out


def test_a_format_written_in_capitals_is_one_problem_not_one_per_dialect_property(national_copy: Path) -> None:
    descriptor = national_copy / "datapackage.json"
    data = json.loads(descriptor.read_text("utf-8"))
    index = next(i for i, r in enumerate(data["resources"]) if r["name"] == "signs")
    data["resources"][index]["format"] = "CSV"
    descriptor.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    result = invoke("validate", str(national_copy))
    assert _problem_lines(result.out) == [f"字段 resources[{index}].format：不支持的格式“CSV”，应为 csv 或 json"]


def test_csv_saved_again_by_libreoffice_stays_valid(national_copy: Path) -> None:
    """Calc quotes every text, writes TRUE/FALSE and keeps 2022-08 as written: the package is valid and the same."""
    soffice = libreoffice()
    out = national_copy.parent / "calc"
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{national_copy.parent / 'lo-profile'}",
            "--headless",
            "--infilter=CSV:44,34,76,1",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76,1",
            "--outdir",
            str(out),
            *(str(p) for p in sorted(national_copy.glob("*.csv"))),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    for saved in out.glob("*.csv"):
        assert saved.read_bytes() != (national_copy / saved.name).read_bytes() or saved.stat().st_size < 200
        shutil.copy(saved, national_copy / saved.name)
    result = invoke("validate", str(national_copy))
    assert result.code == 0, result.out
    for name in RESOURCES:
        assert load_layer(national_copy).resource(name) == load_layer(NATIONAL).resource(name), name


def test_a_descriptor_an_older_villagecat_wrote_says_which_command_rewrites_it(national_copy: Path) -> None:
    """The embedded Table Schema of an older release of villagecat: the clerk is told the command, not frictionless."""
    descriptor = national_copy / "datapackage.json"
    data = json.loads(descriptor.read_text("utf-8"))
    index = next(i for i, r in enumerate(data["resources"]) if r["name"] == "signs")
    data["resources"][index]["schema"]["fields"][0]["title"] = "旧的标题"
    descriptor.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    result = invoke("validate", str(national_copy))
    assert _problem_lines(result.out) == [
        (
            f"字段 resources[{index}].schema：数据包描述文件中各列的定义与本版 villagecat 所写的不同"
            "（多半由旧版 villagecat 写成），别的软件会按它核对数据；"
            "请运行 villagecat upgrade 加数据包文件夹，重写描述文件"
        )
    ]
    assert invoke("upgrade", str(national_copy)).code == 0
    assert invoke("validate", str(national_copy)).code == 0


def _with_column(path: Path, header: str, cell: str) -> None:
    """Add a column at the right of every line: Excel's when a cell right of the table was touched."""
    lines = path.read_text("utf-8").splitlines()
    path.write_text("\n".join([f"{lines[0]},{header}", *(f"{line},{cell}" for line in lines[1:])]) + "\n", "utf-8")


def test_an_empty_column_without_a_name_is_one_line_and_upgrade_removes_it(national_copy: Path) -> None:
    signs = national_copy / "signs.csv"
    width = signs.read_text("utf-8").splitlines()[0].count(",") + 1
    _with_column(signs, "", "")
    result = invoke("validate", str(national_copy))
    assert _problem_lines(result.out) == [
        (
            f"第 1 行：第 {width + 1} 列（{get_column_letter(width + 1)} 列）没有列名，"
            "整列是空的（多半是表格软件另存时带出的）；请删去这一列（右键点列标，选“删除”整列），"
            "或运行 villagecat upgrade 加数据包文件夹，自动删去"
        )
    ], result.out
    assert invoke("upgrade", str(national_copy)).code == 0
    assert invoke("validate", str(national_copy)).code == 0
    assert load_layer(national_copy).resource("signs") == load_layer(NATIONAL).resource("signs")


def test_a_column_without_a_name_that_holds_cells_asks_for_its_name_and_is_not_dropped(national_copy: Path) -> None:
    signs = national_copy / "signs.csv"
    width = signs.read_text("utf-8").splitlines()[0].count(",") + 1
    _with_column(signs, "", "已核对")
    said = [
        (
            f"第 1 行：第 {width + 1} 列（{get_column_letter(width + 1)} 列）没有列名，却填有内容；"
            "请在第 1 行写上列名（各列见“表结构参考”页），或删去这一列"
        )
    ]
    assert _problem_lines(invoke("validate", str(national_copy)).out) == said
    assert invoke("upgrade", str(national_copy)).code == 1  # what the clerk wrote is never dropped by a rewrite


def _set_document_issued(package: Path, document: str, cell: str) -> None:
    """Write ``cell`` as the date ``document`` was issued, as a spreadsheet saving documents.csv would."""
    documents = package / "documents.csv"
    rows = list(csv.reader(io.StringIO(documents.read_text("utf-8"), newline="")))
    (row,) = [r for r in rows if r[0] == document]
    row[rows[0].index("issued")] = cell
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    documents.write_text(out.getvalue(), "utf-8")


#: The national documents issued on a day (民发〔2020〕20号, 2020-04-28) and in a month (厅字〔2022〕28号, 2022-08).
_ON_A_DAY, _IN_A_MONTH = "cn.document.minfa-2020-20", "cn.document.tingzi-2022-28"


@pytest.mark.parametrize(
    ("document", "cell", "repaired"),
    [
        (_ON_A_DAY, "2020/4/28", "2020-04-28"),  # Excel under a Chinese locale
        (_IN_A_MONTH, "2022/8", "2022-08"),
        (_ON_A_DAY, "2020年4月28日", "2020-04-28"),  # a long date format (WPS, Excel)
        (_IN_A_MONTH, "2022年8月", "2022-08"),
        (_ON_A_DAY, "2020.4.28", "2020-04-28"),
        (_ON_A_DAY, "2020/04/28", "2020-04-28"),
        (_ON_A_DAY, "2020-4-28", "2020-04-28"),
    ],
)
def test_a_date_a_spreadsheet_rewrote_says_so_and_upgrade_writes_it_back(
    national_copy: Path, document: str, cell: str, repaired: str
) -> None:
    """Excel reads 2020-04-28 as a date and saves it as its locale writes dates: the line names the repair.

    ``validate`` refuses the cell, as frictionless does; reading the layer to use it passes over
    it, and ``upgrade``, the rewrite the line names, writes the date as the format does.
    """
    ids = [line.split(",", 1)[0] for line in (national_copy / "documents.csv").read_text("utf-8").splitlines()]
    row = 1 + ids.index(document)
    _set_document_issued(national_copy, document, cell)
    result = invoke("validate", str(national_copy))
    assert result.code == 1
    assert _problem_lines(result.out) == [
        (
            f"第 {row} 行 字段 issued（发布日期）：日期“{cell}”多半是表格软件（如 Excel）另存时改写的，"
            f"应写作 {repaired}；"
            "请改回，或运行 villagecat upgrade 加数据包文件夹，自动改写全部这样的日期"
        )
    ], result.out
    assert not any(word in result.out for word in _FOREIGN), result.out
    assert load_layer(national_copy).resource("documents") == load_layer(NATIONAL).resource("documents")

    assert invoke("upgrade", str(national_copy)).code == 0
    assert invoke("validate", str(national_copy)).code == 0
    assert f",{repaired}," in (national_copy / "documents.csv").read_text("utf-8")


@pytest.mark.parametrize(
    "cell",
    [
        "28/4/2020",  # day first, or month first: which, a line cannot tell
        "4/28/2020",
        "20/4/28",  # a two-digit year is never guessed
        "2020/4/31",  # no such day: a repair would invent one
        "2020.1",  # a number to a spreadsheet: 2020.10 is saved as 2020.1
        "2020/4/28 0:00",
        "２０２０/4/28",  # full-width digits: once read as the year ２０２０, a repair the model refused, and upgrade
        # wrote the package without the row
    ],
)
def test_a_date_whose_repair_is_not_certain_stays_a_plain_refusal(national_copy: Path, cell: str) -> None:
    _set_document_issued(national_copy, _ON_A_DAY, cell)
    result = invoke("validate", str(national_copy))
    (line,) = _problem_lines(result.out)
    assert line.endswith(f"日期写作 2023-09-01、2023-09 或 2023（实际为“{cell}”）"), line
    assert invoke("upgrade", str(national_copy)).code == 1


def test_a_date_a_spreadsheet_rewrote_is_read_to_use_and_released_as_the_format_writes_it(tmp_path: Path) -> None:
    folder = tmp_path / "xihu"
    assert invoke("init", str(folder), "--level", "county", "--code", "330106", "--name", "西湖区").code == 0
    documents = folder / "documents.csv"
    row = "330106.document.plan,西湖区工作方案,,,{},,normative_document,,,true\n"
    documents.write_text(documents.read_text("utf-8") + row.format("2023/9/1"), "utf-8")
    assert invoke("validate", str(folder)).code == 1
    assert invoke("catalog", "-j", "330106", "--layer", str(folder)).code == 0
    result = invoke("release", str(folder))
    assert result.code == 0, result.err
    assert invoke("validate", str(folder)).code == 0
    assert documents.read_text("utf-8").splitlines()[1:] == [row.format("2023-09-01").rstrip("\n")]


@pytest.mark.parametrize(
    ("target", "field", "cell", "repaired"),
    [
        ("220000.milestone.survey", "due", "2023/4/30", "2023-04-30"),  # a deadline brought forward
        ("220000.milestone.survey", "due", "2023年4月", "2023-04"),
        ("cn.document.tingzi-2022-28", "issued", "2022/8/1", "2022-08-01"),
    ],
)
def test_an_override_value_of_a_date_a_spreadsheet_rewrote_is_told_and_repaired_as_a_date_column_is(
    tmp_path: Path, target: str, field: str, cell: str, repaired: str
) -> None:
    """An override's value typed by a date field, rewritten by Excel (2023/4/30), was a conflict with the parent
    (取值不符合字段要求) and refused by every command; a date column's cell was repaired. The same rule holds."""
    folder = tmp_path / "nanguan"
    assert invoke("init", str(folder), "--level", "county", "--code", "220102", "--name", "南关区").code == 0
    overrides = folder / "overrides.csv"
    row = f"220102.override.o1,提前,cn.document.tingzi-2022-28#二(二)5,,,,{target},{field},set,{{}}\n"
    overrides.write_text(overrides.read_text("utf-8") + row.format(cell), "utf-8")
    result = invoke("validate", str(folder))
    assert result.code == 1
    assert _problem_lines(result.out) == [
        (
            f"第 2 行 字段 value（取值）：日期“{cell}”多半是表格软件（如 Excel）另存时改写的，应写作 {repaired}；"
            "请改回，或运行 villagecat upgrade 加数据包文件夹，自动改写全部这样的日期"
        )
    ], result.out
    assert invoke("catalog", "-j", "220102", "--layer", str(folder)).code == 0
    assert invoke("upgrade", str(folder)).code == 0
    assert invoke("validate", str(folder)).code == 0
    ((written,),) = [r[-1:] for r in csv.reader(io.StringIO(overrides.read_text("utf-8")))][1:]
    assert written == repaired


@pytest.mark.parametrize(
    ("cell", "said"),
    [
        ("2023年8月10日前", "字段 due（截止日期）：日期只写年月日，应写作 2023-08-10；“前”等字不能写在日期中（实际为"),
        ("8月10日前", "字段 due（截止日期）：日期须写明年份，写作 年-月 或 年-月-日，如 2023-08-10；“前”等字不能写"),
        ("soon", "字段 due（截止日期）：日期写作 2023-09-01、2023-09 或 2023（实际为“soon”）"),
        ("0000-08-10", "字段 due（截止日期）：日期写作 2023-09-01、2023-09 或 2023（年份不能为 0000）（实际为“0000-"),
    ],
)
def test_a_csv_date_written_with_the_sources_words_says_where_each_part_goes(
    tmp_path: Path, cell: str, said: str
) -> None:
    """2023年6月底前 in a CSV's date was told 日期写作 2023-09-01、2023-09 或 2023（年份不能为 0000）: the year-0000
    remark was noise, and the words 底前 were not said to be no part of a date. The workbook said so already."""
    package = tmp_path / "sd"
    shutil.copytree(REPO / "data" / "provinces" / "140000-shanxi" / "140404-shangdang", package)
    path = package / "milestones.csv"
    lines = path.read_text(encoding="utf-8").split("\n")
    assert ",2023-08-10," in lines[1]
    lines[1] = lines[1].replace(",2023-08-10,", f",{cell},", 1)
    path.write_text("\n".join(lines), encoding="utf-8")
    result = invoke("validate", str(package))
    assert result.code == 1
    assert said in result.out
