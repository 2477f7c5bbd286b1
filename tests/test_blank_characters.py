"""Characters that show as nothing, invisible format characters and noncharacters are refused as U+0085 is.

A milestone named only U+3164 HANGUL FILLER looked empty in a clerk's table, yet was valid; a soft hyphen, a tag
character or U+FFFE hid inside a name; a name could begin with a combining accent that attaches to nothing. Each is
refused in every text by the models, the fast path (``tests/test_fast.py``, AIMED), the published schemas and
frictionless, and named to the clerk in Chinese; ordinary text (CJK, full-width space and punctuation, an emoji
with U+FE0F, a private-use character, é written with a combining accent) stays valid.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import frictionless
import jsonschema
import pytest

from conftest import REPO, invoke
from test_line_separators import _ONE_LINE, SHANGDANG, _package, _set
from villagecat._text import MARKS, describe_character, printable
from villagecat.package import load_layer

if TYPE_CHECKING:
    from pathlib import Path

REFUSED = {
    "\u3164": "韩文填充符（U+3164）",
    "\uffa0": "半角韩文填充符（U+FFA0）",
    "\u115f": "韩文初声填充符（U+115F）",
    "\u1160": "韩文中声填充符（U+1160）",
    "\u2800": "空白盲文符（U+2800）",
    "摸排\u00ad自查": "软连字符（U+00AD）",
    "摸排\u180e自查": "蒙古文元音分隔符（U+180E）",
    "摸排\ufff9自查": "行间注释起始符（U+FFF9）",
    "摸排\ufffb自查": "行间注释终止符（U+FFFB）",
    "摸排\U000e0041自查": "标签字符（U+E0041）",
    "摸排\ufffe自查": "非字符（U+FFFE）",
    "摸排\ufdd0自查": "非字符（U+FDD0）",
    "\ufe0f": "变体选择符（U+FE0F）",
    "\u0301": "〔U+0301〕",
    "\u034f": "组合字素连接符（U+034F）",
    "\u0301摸排自查": "〔U+0301〕",
}
KEPT = [
    "摸排自查",
    "村民委员会（社区）",
    "村\u3000委",
    "ＡＢＣ：１２３",
    "平安☺\ufe0f",
    "\ue000字",
    "café",
    "葛\U000e0100",
]


@pytest.mark.parametrize("value", list(REFUSED))
def test_a_name_with_a_blank_or_invisible_character_is_refused_and_named(tmp_path: Path, value: str) -> None:
    package = _package(tmp_path, "csv")
    _set(package, "csv", "milestones", "name", value)
    result = invoke("validate", str(package))
    assert result.code == 1, result.out
    said = "开头是" if ord(value[0]) in MARKS else "含有"  # a mark is refused only where it comes first
    assert f"第 2 行 字段 name（名称）：{_ONE_LINE}：{said} {REFUSED[value]}" in result.out, result.out
    assert "两端有空格" not in result.out


@pytest.mark.parametrize("value", KEPT)
def test_ordinary_text_stays_valid(tmp_path: Path, value: str) -> None:
    package = _package(tmp_path, "csv")
    _set(package, "csv", "milestones", "name", value)
    _set(package, "csv", "milestones", "notes", f"第一行\n{value}")
    result = invoke("validate", str(package))
    assert result.code == 0, result.out


def test_a_note_refuses_them_too(tmp_path: Path) -> None:
    package = _package(tmp_path, "csv")
    _set(package, "csv", "milestones", "notes", "第一行\n第二\u00ad行")
    result = invoke("validate", str(package))
    assert result.code == 1
    assert "字段 notes（备注）：" in result.out
    assert "含有 软连字符（U+00AD），请删去" in result.out


def test_spaces_around_a_zero_width_space_name_the_zero_width_space(tmp_path: Path) -> None:
    """ "\u3000\u200b" was told 单元格两端有空格; the zero-width space is what must go."""
    package = _package(tmp_path, "csv")
    _set(package, "csv", "milestones", "name", "\u3000\u200b")
    result = invoke("validate", str(package))
    assert result.code == 1
    assert "含有 零宽空格（U+200B），请删去" in result.out, result.out
    assert "两端有空格" not in result.out


def test_a_surrogate_is_named_in_chinese_without_english() -> None:
    assert describe_character("\ud800", "zh") == "单独的代理码位（U+D800）"
    assert describe_character("\u0001", "zh") == "〔U+0001〕"
    assert describe_character("\u202e", "zh") == "右至左覆盖（U+202E）"


@pytest.mark.parametrize("value", list(REFUSED))
def test_the_published_schemas_refuse_it(value: str) -> None:
    milestone = load_layer(SHANGDANG).milestones[0].model_dump(mode="json", exclude_none=True)
    for folder in (REPO / "schemas", REPO / "tests" / "fixtures" / "released-schemas" / "2"):
        schema = json.loads((folder / "milestone.schema.json").read_text("utf-8"))
        validator = jsonschema.validators.validator_for(schema)(schema)
        assert not validator.is_valid({**milestone, "name": value}), (folder.name, value)
        for kept in KEPT:
            assert validator.is_valid({**milestone, "name": kept}), (folder.name, kept)


@pytest.mark.parametrize("value", ["\u3164", "摸排\U000e0041自查", "\u0301摸排"])
def test_frictionless_refuses_it(tmp_path: Path, value: str) -> None:
    package = _package(tmp_path, "csv")
    _set(package, "csv", "milestones", "name", value)
    resource = frictionless.Package(str(package / "datapackage.json")).get_resource("milestones")
    assert not resource.validate().valid


def test_reports_show_them_as_code_points_and_data_as_json_escapes() -> None:
    assert printable("甲\u3164乙\U000e0041", data=False) == "甲〔U+3164〕乙〔U+E0041〕"
    assert printable("甲\u00ad乙\U000e0041") == "甲\\u00ad乙\\udb40\\udc41"
    tag = "甲\U000e0041"
    assert json.loads(f'"{printable(tag)}"') == tag


def test_no_shipped_csv_holds_one() -> None:
    from villagecat._text import REFUSED_TEXT  # noqa: PLC0415

    for path in (REPO / "data").rglob("*.csv"):
        text = path.read_text("utf-8")
        assert not [hex(ord(c)) for c in set(text) if ord(c) in REFUSED_TEXT - {0x09, 0x0A, 0x0D}], path


@pytest.mark.parametrize("value", ["\u0301摸排自查", " \u0301摸排", "\ufe0f"])
def test_a_mark_at_the_start_is_told_as_at_the_start(tmp_path: Path, value: str) -> None:
    """A combining accent first was told 含有 〔U+0301〕，请删去, though the same accent after a letter is kept."""
    package = _package(tmp_path, "csv")
    _set(package, "csv", "milestones", "name", value)
    result = invoke("validate", str(package))
    assert result.code == 1, result.out
    assert "：开头是 " in result.out, result.out
    assert "它附在前一个字上，放在开头无所依附" in result.out, result.out
