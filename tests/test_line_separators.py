"""U+2028 LINE SEPARATOR and U+2029 PARAGRAPH SEPARATOR break a line as U+0085 (NEL) does, and are refused where it is.

A name holding one was accepted while NEL was refused: a clerk's report, a terminal or an editor then
showed one name on two lines. Each is refused in every text (a one-line name, a multi-line note) by the
models, the fast path (``tests/test_fast.py``, AIMED), the published JSON Schemas and Table Schemas alike,
and named to the clerk in words; an ordinary line break stays allowed in a multi-line text.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path
from typing import Literal

import frictionless
import jsonschema
import pytest

from conftest import REPO, exported, invoke
from villagecat._text import printable
from villagecat.package import load_layer, save_layer

SHANXI = REPO / "data" / "provinces" / "140000-shanxi"
SHANGDANG = SHANXI / "140404-shangdang"
SEPARATORS = {"\x85": "下一行符（U+0085）", "\u2028": "行分隔符（U+2028）", "\u2029": "段分隔符（U+2029）"}
_ONE_LINE = "应为一行文字，不能含换行、控制字符或不可见字符（如零宽字符、方向控制符）"


def _package(tmp_path: Path, fmt: Literal["csv", "json"]) -> Path:
    """Shangdang as villagecat writes it today (its descriptor carries today's Table Schemas)."""
    return save_layer(load_layer(SHANGDANG), tmp_path / "shangdang", fmt=fmt)


def _set(package: Path, fmt: str, resource: str, field: str, value: str) -> None:
    """Set the first row's ``field`` of ``resource`` to ``value``."""
    path = package / f"{resource}.{fmt}"
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(path.read_text("utf-8"), newline="")))
        rows[1][rows[0].index(field)] = value
        out = io.StringIO()
        csv.writer(out, lineterminator="\n").writerows(rows)
        path.write_text(out.getvalue(), "utf-8")
    else:
        data = json.loads(path.read_text("utf-8"))
        data[1][data[0].index(field)] = value
        path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")


@pytest.mark.parametrize("fmt", ["csv", "json"])
@pytest.mark.parametrize("char", list(SEPARATORS))
def test_a_name_with_a_line_separator_is_refused_and_the_character_named(
    tmp_path: Path, fmt: Literal["csv", "json"], char: str
) -> None:
    package = _package(tmp_path, fmt)
    _set(package, fmt, "milestones", "name", f"摸排自查{char}分类建立工作台账")
    result = invoke("validate", str(package))
    assert result.code == 1, result.out
    where = "第 2 行" if fmt == "csv" else "第 2 条"
    assert f"milestones.{fmt}" in result.out
    assert f"{where} 字段 name（名称）：{_ONE_LINE}：含有 {SEPARATORS[char]}，请删去" in result.out
    assert char not in result.out
    written = tmp_path / "upgraded"
    assert invoke("upgrade", str(package), "-o", str(written)).code == 1  # never rewritten, never written
    assert not written.exists()


@pytest.mark.parametrize("char", list(SEPARATORS))
def test_a_note_may_break_lines_but_not_with_a_line_separator(tmp_path: Path, char: str) -> None:
    package = _package(tmp_path, "csv")
    for ordinary in ("第一行\n第二行", "第一行\n\n第三行", "第一行\t第二列"):
        _set(package, "csv", "milestones", "notes", ordinary)
        assert invoke("validate", str(package)).code == 0, repr(ordinary)
    _set(package, "csv", "milestones", "notes", f"第一行{char}第二行")
    result = invoke("validate", str(package))
    assert result.code == 1
    assert "字段 notes（备注）：" in result.out
    assert f"含有 {SEPARATORS[char]}，请删去" in result.out


@pytest.mark.parametrize("char", list(SEPARATORS))
def test_the_published_schemas_refuse_it(char: str) -> None:
    milestone = load_layer(SHANGDANG).milestones[0].model_dump(mode="json", exclude_none=True)
    for folder in (REPO / "schemas", REPO / "tests" / "fixtures" / "released-schemas" / "2"):
        schema = json.loads((folder / "milestone.schema.json").read_text("utf-8"))
        validator = jsonschema.validators.validator_for(schema)(schema)
        assert validator.is_valid(milestone)
        for field, value in (("name", f"摸排{char}自查"), ("notes", f"第一行{char}第二行")):
            assert not validator.is_valid({**milestone, field: value}), (folder.name, field)
        assert validator.is_valid({**milestone, "notes": "第一行\n第二行"})


@pytest.mark.parametrize("char", list(SEPARATORS))
def test_frictionless_refuses_it_by_the_descriptor_villagecat_writes(tmp_path: Path, char: str) -> None:
    package = _package(tmp_path, "csv")
    resource = frictionless.Package(str(package / "datapackage.json")).get_resource("milestones")
    assert resource.validate().valid
    _set(package, "csv", "milestones", "name", f"摸排{char}自查")
    resource = frictionless.Package(str(package / "datapackage.json")).get_resource("milestones")
    assert not resource.validate().valid


def test_a_report_shows_it_as_its_code_point_and_data_as_an_escape() -> None:
    for char in SEPARATORS:
        assert printable(f"甲{char}乙", data=False) == f"甲〔U+{ord(char):04X}〕乙"
        assert printable(f"甲{char}乙") == f"甲\\u{ord(char):04x}乙"
    assert printable("甲\n乙", data=False) == "甲\n乙"


@pytest.mark.parametrize("char", ["\u2028", "\u2029"])
def test_a_workbook_name_with_a_line_separator_is_refused_with_sheet_row_and_column(tmp_path: Path, char: str) -> None:
    folder = Path(shutil.copytree(SHANGDANG, tmp_path / "shangdang"))
    book = exported(folder, tmp_path / "上党区.xlsx")
    sheet = book["时间节点"]
    sheet["B2"] = f"摸排自查{char}分类建立工作台账"
    book.save(tmp_path / "上党区.xlsx")
    result = invoke("import", str(tmp_path / "上党区.xlsx"), "-o", str(folder))
    assert result.code == 1, result.out
    assert f"第 2 行 字段 B（名称）：{_ONE_LINE}：含有 {SEPARATORS[char]}，请删去" in result.out


@pytest.mark.parametrize(
    ("char", "named"),
    [("\u202e", "右至左覆盖（U+202E）"), ("\u200e", "左至右标记（U+200E）"), ("\u2066", "左至右隔离（U+2066）")],
)
def test_a_direction_control_is_named_in_chinese(tmp_path: Path, char: str, named: str) -> None:
    """A clerk was told 含有 U+202E RIGHT-TO-LEFT OVERRIDE，请删去: the character's English name in a Chinese report."""
    package = _package(tmp_path, "csv")
    _set(package, "csv", "milestones", "name", f"摸排{char}自查")
    result = invoke("validate", str(package))
    assert result.code == 1
    assert f"{_ONE_LINE}：含有 {named}，请删去" in result.out
