"""A workbook with the common clerk mistakes: every problem at once, each told in Chinese, never as a regex."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest

from conftest import REPO, invoke

if TYPE_CHECKING:
    from pathlib import Path

openpyxl = pytest.importorskip("openpyxl")

#: What a clerk must never be shown: a regular expression, a Python repr, an English sentence.
_REGEX = re.compile(r"\^|\$'|\\[dswS]|\[\^|\(\?:|\{\d")
_ENGLISH = re.compile(r"\b(must|expected|invalid|value|citation|field|not|should|written)\b")


def test_every_mistake_is_told_in_chinese_with_sheet_row_column_and_an_example(tmp_path: Path) -> None:
    folder, path = tmp_path / "wq", tmp_path / "wq.xlsx"
    assert invoke("init", str(folder), "--level", "county", "--code", "120114", "--name", "武清区").code == 0
    assert invoke("export", str(folder), "-o", str(path)).code == 0
    book = openpyxl.load_workbook(path)
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
        "第 2 行 字段 G（效力层级）：取值不在允许范围内，应为 法律（law）",
        "第 2 行 字段 A（标识）：标识写作“层级代码.duty.",
        "如 cn.duty.example-1；也可以留空",
        "第 2 行 字段 C（出处）：取值无效：出处写作“文件标识#条款”",
        "第 2 行 字段 G（事项类别）：取值不在允许范围内，应为 依法履行职责事项（performs）",
        "第 2 行 字段 I（适用范围）：取值不在允许范围内，应为 村（village）、社区（community）、村和社区（both）之一",
    ):
        assert fragment in result.out, fragment
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
    assert f"综合服务设施标准：单元格 {sheet.cell(row=2, column=column).coordinate} 是公式" in result.err
    assert not (tmp_path / "out").exists()
    assert invoke("import", str(path), "-o", str(tmp_path / "plain")).code == 0
