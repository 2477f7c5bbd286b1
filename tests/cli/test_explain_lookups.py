"""``explain`` finds what a clerk types as a clerk types it, or says what it likely is.

A hostile review found lookups that got a bare 没有条目 (没有字段), or a refusal where the thing could simply be
found: a row id off by one character, a field title in traditional characters, an id in capitals (ids are lower
case by the format: it is found), an id typed in full-width letters with a Chinese input method.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest

from conftest import invoke
from layers import write_child

if TYPE_CHECKING:
    from pathlib import Path

FACILITY = "cn.facility.community-service-facility"
ROW = "120117.override.no-demolition-restated"


def test_a_row_id_off_by_one_character_is_told_the_row() -> None:
    """The suggestion offered item ids only, though the id of an override row is found when exact."""
    typed = ROW[:-1] + "c"
    result = invoke("explain", "120117", typed)
    assert result.code == 2
    assert f"没有条目 {typed}；是否指 {ROW}（" in result.err
    assert "Traceback" not in result.err


def test_a_cancellation_rows_id_is_found_and_told_when_off_by_one(tmp_path: Path) -> None:
    """The id of a row that cancelled an item said 没有条目, not who cancelled it: a reviewer reads it in the sheet."""
    target = "220000.mechanism.convenience-service-station"
    county = write_child(tmp_path, "220000", cancellations=[{"target": target, "reason": "本区已并入党群服务中心"}])
    exact = invoke("explain", "220102", "220102.cancellation.c0", "--layer", str(county))
    assert exact.code == 2
    assert "220102.cancellation.c0 取消了 220000.mechanism.convenience-service-station（" in exact.err
    near = invoke("explain", "220102", "220102.cancellation.cO", "--layer", str(county))
    assert near.code == 2
    assert "没有条目 220102.cancellation.cO；是否指 220102.cancellation.c0（便民服务站（大厅））？" in near.err


@pytest.mark.parametrize(
    ("item", "typed", "field"),
    [
        (FACILITY, "每百戶最小面積", "每百户最小面积（平方米）（min_area_per_100_households_m2）"),
        ("居民養犬證明", "別名", "别名（aliases）"),
        (FACILITY, "最小建築面積（平方米）", "最小建筑面积（平方米）（min_floor_area_m2）"),
    ],
)
def test_a_field_in_traditional_characters_is_found(item: str, typed: str, field: str) -> None:
    """Item names in traditional characters were found, field titles not: 没有字段 別名."""
    result = invoke("explain", "120117", item, typed)
    assert result.code == 0, result.err
    assert result.out.splitlines()[1].startswith(f"  {field} = ")


def test_a_field_in_traditional_characters_typed_almost_right_is_told_the_likely_one() -> None:
    result = invoke("explain", "120117", FACILITY, "每百戶面積")
    assert result.code == 2
    assert "没有字段 每百戶面積；是否指 每百户最小面积（平方米）（min_area_per_100_households_m2）？" in result.err


@pytest.mark.parametrize(
    "typed",
    [FACILITY.upper(), "Cn.Facility.Community-Service-Facility", "ｃｎ.facility.community-service-facility"],
)
def test_an_id_in_capitals_or_full_width_letters_is_found(typed: str) -> None:
    """Ids are lower case by the format, so one in capitals, or typed with a Chinese IME, names one item only."""
    result = invoke("explain", "120117", typed, "name")
    assert result.code == 0, result.err
    assert result.out.splitlines()[0].endswith(f" · {FACILITY}")
    as_json = invoke("explain", "120117", typed, "--format", "json")
    assert json.loads(as_json.out)["item"] == FACILITY


@pytest.mark.parametrize("typed", [ROW.upper(), "１２０１１７.override.no-demolition-restated"])
def test_a_row_id_in_capitals_or_full_width_is_found(typed: str) -> None:
    result = invoke("explain", "120117", typed)
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[0].endswith(" · cn.duty.no-demolition")
    assert lines[1] == f"  （按 {ROW} 查到：该行覆盖本条目的字段 事项类别（duty_kind））"


def test_an_id_in_capitals_off_by_one_is_told_the_lower_case_id_and_shown_as_typed() -> None:
    typed = "ＣＮ.FACILITY.COMMUNITY-SERVICE-FACILITX"
    result = invoke("explain", "120117", typed)
    assert result.code == 2
    assert f"没有条目 {typed}；是否指 {FACILITY}（城乡社区综合服务设施）？" in result.err


@pytest.mark.parametrize(
    ("typed", "field"),
    [
        ("ｍｉｎ_floor_area_m2", "min_floor_area_m2"),
        ("MIN_FLOOR_AREA_M2", "min_floor_area_m2"),
        ("Minimum floor area", "min_floor_area_m2"),  # its English title, as --lang en shows the columns
        ("Applies to", "applies_to"),
    ],
)
def test_a_field_in_full_width_capitals_or_by_its_english_title_is_found(typed: str, field: str) -> None:
    result = invoke("explain", "120117", FACILITY, typed)
    assert result.code == 0, result.err
    assert result.out.splitlines()[1].startswith("  ")
    assert f"（{field}） = " in result.out.splitlines()[1]


def test_a_field_not_found_is_shown_as_typed() -> None:
    result = invoke("explain", "120117", FACILITY, "ｘｙｚ")
    assert result.code == 2
    assert "没有字段 ｘｙｚ；已有字段：" in result.err


@pytest.mark.parametrize(
    ("typed", "meant"),
    [  # the source's name with its 等 left out, as a clerk retypes a name from memory
        ("缺乏法律法规或国务院决定依据的证明事项", "cn.obligation.no-unfounded-certificates"),
        (
            "不得简单以上传工作场景截图或者录制视频作为评价村级组织是否落实工作的依据",
            "cn.obligation.no-screenshot-evaluation",
        ),
    ],
)
def test_a_name_retyped_without_its_deng_is_told_the_likely_item(typed: str, meant: str) -> None:
    """A name that is no item's, nor part of one, got a bare 没有条目 where one item's name is nearly it."""
    result = invoke("explain", "120117", typed)
    assert result.code == 2
    assert f"没有条目 {typed}；是否指 {meant}（" in result.err


def test_an_override_row_asked_for_names_the_field_it_overrides() -> None:
    """Asked by an override's id, explain listed all the item's fields (138 lines) and never said which one the row
    changes: the reviewer had to find it among them."""
    result = invoke("explain", "120117", "120117.override.service-centre-horizontal", "--lang", "en")
    assert result.code == 0, result.err
    assert result.out.splitlines()[1] == (
        "  (found by 120117.override.service-centre-horizontal: the row overrides this item's field orientation)"
    )
