"""``explain`` of a field typed almost right says the one it likely is, before the whole list.

每百户面积 (for 每百户最小面积) was answered with every field of the item, thirteen of them, to read through.
"""

from __future__ import annotations

import pytest

from conftest import invoke

FACILITY = "cn.facility.community-service-facility"


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("每百户面积", "每百户最小面积（平方米）（min_area_per_100_households_m2）"),
        ("min_floor_area", "最小建筑面积（平方米）（min_floor_area_m2）"),
        ("约束", "约束力（modality）"),
    ],
)
def test_a_field_typed_almost_right_is_told_the_likely_one(typed: str, meant: str) -> None:
    result = invoke("explain", "120117", FACILITY, typed)
    assert result.code == 2
    assert f"没有字段 {typed}；是否指 {meant}？已有字段：" in result.err


def test_a_field_like_none_gets_the_list_alone() -> None:
    result = invoke("explain", "120117", FACILITY, "xyz")
    assert result.code == 2
    assert "是否指" not in result.err
    assert "没有字段 xyz；已有字段：标识（id）" in result.err
