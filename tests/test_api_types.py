"""The public Python API takes what its annotations say, and refuses the rest in villagecat's own words.

A provincial system builds its layers from its database (lists of models), looks items up in
the effective catalog and builds models in code. Each of these said one thing to mypy and did
another when it ran: a ``LayerPackage`` kept the list it was given (so it was unequal to the
same package of tuples, and unhashable), kept a sign among its duties, and failed deep inside
``merge`` for one duty where a list goes; ``catalog.get`` gave an item typed ``BaseModel``.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

import pytest
from pydantic import ValidationError

import villagecat
from villagecat.errors import ArgumentTypeError, InvalidRequestError
from villagecat.models import FacilityStandard, Sign
from villagecat.registry import shipped_registry

if TYPE_CHECKING:
    from collections.abc import Callable


def _national() -> villagecat.LayerPackage:
    return shipped_registry().find("cn")


def test_a_package_built_from_lists_is_the_package_built_from_tuples() -> None:
    national = _national()
    documents, signs = list(national.documents), list(national.signs)
    listed = villagecat.LayerPackage(layer=national.layer, documents=documents, signs=signs)
    assert type(listed.signs) is tuple
    assert type(listed.documents) is tuple
    assert listed == villagecat.LayerPackage(layer=national.layer, documents=national.documents, signs=national.signs)
    assert hash(listed) == hash(dataclasses.replace(listed))
    generated = villagecat.LayerPackage(layer=national.layer, signs=(s for s in national.signs))
    assert generated.signs == national.signs
    assert villagecat.merge([listed]).signs() == villagecat.merge([generated]).signs()


WRONG: dict[str, tuple[Callable[[], object], str]] = {
    "one duty": (
        lambda: villagecat.LayerPackage(layer=_national().layer, signs=_national().signs[0]),  # type: ignore[arg-type]
        "signs（标牌标识）应为若干 Sign（列表、元组或其他可迭代对象；一项也写作 [item]），而不是 Sign",
    ),
    "signs as duties": (
        lambda: villagecat.LayerPackage(layer=_national().layer, duties=_national().signs),  # type: ignore[arg-type]
        "duties（工作事务）应为若干 Duty（列表、元组或其他可迭代对象；一项也写作 [item]），而不是 Sign",
    ),
    "rows as dicts": (
        lambda: villagecat.LayerPackage(
            layer=_national().layer,
            signs=[s.model_dump() for s in _national().signs],  # type: ignore[misc]
        ),
        "signs（标牌标识）应为若干 Sign（列表、元组或其他可迭代对象；一项也写作 [item]），而不是 dict",
    ),
    "a text": (
        lambda: villagecat.LayerPackage(layer=_national().layer, duties="村务"),  # type: ignore[arg-type]
        "duties（工作事务）应为若干 Duty（列表、元组或其他可迭代对象；一项也写作 [item]），而不是 str",
    ),
    "the layer by its id": (
        lambda: villagecat.LayerPackage(layer="cn"),  # type: ignore[arg-type]
        "layer 应为 Layer（层的元数据，villagecat.models.Layer），而不是 str",
    ),
}


@pytest.mark.parametrize("call", WRONG)
def test_a_package_of_the_wrong_kinds_is_refused_at_the_door(call: str) -> None:
    make, said = WRONG[call]
    with pytest.raises(ArgumentTypeError) as raised:
        make()
    assert raised.value.describe("zh").startswith(said), raised.value.describe("zh")
    assert isinstance(raised.value, TypeError)


def test_get_with_a_kind_types_the_item_and_refuses_an_id_of_another_kind() -> None:
    catalog = villagecat.resolve("120117")
    sign = catalog.get("cn.sign.party-service-centre", Sign)
    assert sign is not None
    assert sign.item.orientation is not None  # typed: mypy checks the field (see test_typing)
    assert catalog.get("cn.sign.no-such-sign", Sign) is None
    assert catalog.get("cn.sign.party-service-centre") is sign
    with pytest.raises(InvalidRequestError) as raised:
        catalog.get("cn.sign.party-service-centre", FacilityStandard)
    assert raised.value.describe("zh").startswith(
        "cn.sign.party-service-centre 是标牌标识（Sign），不是综合服务设施标准（FacilityStandard）"
    ), raised.value.describe("zh")
    with pytest.raises(ArgumentTypeError) as refused:
        catalog.get("cn.sign.party-service-centre", dict)  # type: ignore[type-var]
    assert "应为条目的类型" in refused.value.describe("zh")


def test_a_model_built_in_code_gets_villagecats_problems_for_pydantics_own_checks() -> None:
    """What ``validate`` says of a package's row, a system says of the model it built: Chinese, no regex."""
    from villagecat.models import Duty, Layer, problems_of  # noqa: PLC0415

    with pytest.raises(ValidationError) as raised:
        Duty.model_validate({"id": "330000.sign.x", "name": "", "duty_kind": "执行", "nmae": "村务"})
    problems = problems_of(raised.value)
    said = [p.describe("zh") for p in problems]
    assert [p.field for p in problems] == ["id", "name", "duty_kind", "nmae"], said
    assert all(p.file == "工作事务（Duty）" for p in problems), said
    assert all(p.message_zh and p.message_en for p in problems)
    assert not any("^" in line or "pattern" in line for line in said), said  # the id's rule in words, not its regex
    assert problems[2].message_zh.startswith("取值不在允许范围内，应为 依法履行职责事项（performs）"), said
    assert problems[1].describe("zh") == "工作事务（Duty） 字段 name：不能为空（实际为“”）"
    # A model's id is required: the file's advice 「也可以留空，由系统按名称生成」 is not given in code.
    assert problems[0].message_zh.startswith("标识写作“层级代码.duty.小写英文字母或数字"), said
    assert "留空" not in problems[0].message_zh, said
    (layer,) = problems_of(_raised(lambda: Layer.model_validate({**_national().layer.model_dump(), "slug": None})))
    assert layer.describe("zh").startswith("目录层（Layer） 字段 slug："), layer.describe("zh")
    with pytest.raises(ArgumentTypeError):
        problems_of(ValueError("x"))  # type: ignore[arg-type]


def _raised(make: Callable[[], object]) -> ValidationError:
    with pytest.raises(ValidationError) as raised:
        make()
    return raised.value
