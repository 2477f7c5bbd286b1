"""Finding a jurisdiction's layer by the words people use for it."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

import pytest

import villagecat
from conftest import invoke
from layers import child_layer
from villagecat.errors import UnknownLayerError
from villagecat.package import save_layer
from villagecat.registry import LayerRegistry, shipped_registry

if TYPE_CHECKING:
    from pathlib import Path


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
    for key in ("吉林市", "宁河县", "宁", "宁河区区"):  # an empty one is no name at all: test_names
        with pytest.raises(UnknownLayerError, match="没有与"):
            registry.find(key)
    result = invoke("catalog", "宁河")
    assert result.code == 0
    assert result.out.startswith("宁河区（120117）")


def test_a_jurisdiction_is_found_as_an_input_method_types_it() -> None:
    """Full-width digits and letters, traditional characters and spaces: compared as merge compares names.

    ``villagecat catalog １２０１１７`` (a Chinese input method's digits) and ``寧河區`` said 没有与…对应的目录层,
    though the item lookups (``explain``, ``EffectiveCatalog.find``) compare names so.
    """
    registry = shipped_registry()
    for key in ("１２０１１７", "寧河區", "寧河", "宁 河 区", "ＮＩＮＧＨＥ", "全國"):
        assert registry.find(key).layer.id == ("cn" if key == "全國" else "120117"), key
    for key in ("吉林市", "宁河县", "宁", "寧河區區", "１２０１１"):
        with pytest.raises(UnknownLayerError, match="没有与"):
            registry.find(key)
    result = invoke("catalog", "寧河區", "--format", "json")
    assert result.code == 0, result.err


def test_one_path_given_alone_as_layers_is_one_package(tmp_path: Path) -> None:
    """``resolve(code, layers="/srv/county")`` read the characters of the path as paths (/ has no datapackage.json)."""
    folder = save_layer(child_layer("220000"), tmp_path / "220102")
    for given in (folder, str(folder)):
        assert villagecat.resolve("220102", layers=given).layer.id == "220102"


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
