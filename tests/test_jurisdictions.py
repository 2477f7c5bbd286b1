"""Finding a jurisdiction's layer by the words people use for it."""

from __future__ import annotations

import dataclasses

import pytest

from conftest import invoke
from layers import child_layer
from villagecat.errors import UnknownLayerError
from villagecat.registry import LayerRegistry, shipped_registry


def test_a_jurisdiction_is_found_by_the_name_people_say() -> None:
    """宁河 is 宁河区 and NINGHE is ninghe; 吉林市 is not 吉林省."""
    registry = shipped_registry()
    found = {key: registry.find(key).layer.id for key in ("宁河", "天津", "吉林", "NINGHE", " 上党 ", "全国")}
    assert found == {
        "宁河": "120117",
        "天津": "120000",
        "吉林": "220000",
        "NINGHE": "120117",
        " 上党 ": "140404",
        "全国": "cn",
    }
    for key in ("吉林市", "宁河县", "宁", "宁河区区", ""):
        with pytest.raises(UnknownLayerError, match="没有与"):
            registry.find(key)
    result = invoke("catalog", "宁河")
    assert result.code == 0
    assert result.out.startswith("宁河区（120117）")


def test_a_short_name_two_layers_share_is_refused_not_guessed() -> None:
    registry = LayerRegistry(shipped_registry())
    city = child_layer("220000", "220200", level="prefecture")
    registry.add(
        dataclasses.replace(city, layer=city.layer.model_copy(update={"name_zh": "吉林市", "slug": "jilin-city"}))
    )
    assert registry.find("吉林市").layer.id == "220200"
    assert registry.find("吉林省").layer.id == "220000"
    with pytest.raises(UnknownLayerError, match="“吉林”对应多个目录层：220000 吉林省、220200 吉林市"):
        registry.find("吉林")


def test_a_full_name_two_layers_share_is_refused_too() -> None:
    """朝阳区 is a district of Beijing and of Changchun: the first one found was returned."""
    registry = LayerRegistry(shipped_registry())
    twin = child_layer("130000", "130117")
    registry.add(
        dataclasses.replace(twin, layer=twin.layer.model_copy(update={"name_zh": "宁河区", "slug": "ninghe-2"}))
    )
    with pytest.raises(
        UnknownLayerError, match="“宁河区”对应多个目录层：120117 宁河区、130117 宁河区；请给出行政区划代码"
    ):
        registry.find("宁河区")
    assert registry.find("120117").layer.name_zh == "宁河区"
    assert registry.find("130117").layer.slug == "ninghe-2"
