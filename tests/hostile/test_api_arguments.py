"""A developer's mistake in calling the library is a villagecat error saying what to pass, not a deep TypeError.

A path left None or given as a number, one set of figures where a list goes, an area typed
in a web form ("280"): each was a bare ``TypeError`` or ``AttributeError`` raised in
``pathlib``, a comprehension or ``math`` (``expected str, bytes or os.PathLike object, not
NoneType``; ``'FacilityFigures' object is not iterable``; ``must be real number, not str``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest

import villagecat
from villagecat.checks import ActualSign, FacilityFigures, InvalidMeasurementError, admit, check_facility, check_signage
from villagecat.diff import diff_packages
from villagecat.errors import InvalidRequestError, VillagecatError
from villagecat.models import Placement, Scope
from villagecat.registry import shipped_registry
from villagecat.render import catalog_to_dict, format_catalog
from villagecat.resolution import registry_with
from villagecat.validation import validate_many

if TYPE_CHECKING:
    from collections.abc import Callable


def _national() -> villagecat.LayerPackage:
    return shipped_registry().find("cn")


def _catalog() -> villagecat.EffectiveCatalog:
    return villagecat.resolve("120117")


CALLS: dict[str, tuple[Callable[[], object], str]] = {
    "load_layer(None)": (lambda: villagecat.load_layer(None), "数据包的路径"),  # type: ignore[arg-type]
    "load_layer(int)": (lambda: villagecat.load_layer(120117), "数据包的路径"),  # type: ignore[arg-type]
    "validate(None)": (lambda: villagecat.validate(None), "数据包的路径"),  # type: ignore[arg-type]
    "validate_many(None)": (lambda: validate_many(None), "数据包的路径"),  # type: ignore[arg-type]
    "resolve(layers=[None])": (lambda: villagecat.resolve("120117", layers=[None]), "数据包的路径"),  # type: ignore[list-item]
    "registry_with(int)": (lambda: registry_with(5), "数据包的路径"),  # type: ignore[arg-type]
    "save_layer(package, None)": (lambda: villagecat.save_layer(_national(), None), "数据包的路径"),  # type: ignore[arg-type]
    "save_layer(None, path)": (lambda: villagecat.save_layer(None, "out"), "LayerPackage"),  # type: ignore[arg-type]
    "merge(str)": (lambda: villagecat.merge("120117"), "LayerPackage"),  # type: ignore[arg-type]
    "diff_packages(package, str)": (lambda: diff_packages(_national(), "x"), "LayerPackage"),  # type: ignore[arg-type]
    "check_facility(one figures)": (
        lambda: check_facility(_catalog(), FacilityFigures(floor_area_m2=280)),  # type: ignore[arg-type]
        "FacilityFigures",
    ),
    "check_facility(None)": (lambda: check_facility(_catalog(), None), "FacilityFigures"),  # type: ignore[arg-type]
    "check_signage(one sign)": (
        lambda: check_signage(_catalog(), ActualSign(text="x", placement=Placement.OUTSIDE)),  # type: ignore[arg-type]
        "ActualSign",
    ),
    "admit(None)": (lambda: admit(_catalog(), None), "事项"),  # type: ignore[arg-type]
    "ActualSign(text=None)": (lambda: ActualSign(text=None, placement=Placement.OUTSIDE), "标牌文字"),  # type: ignore[arg-type]
    "duties(int)": (lambda: _catalog().duties(3), "适用范围"),  # type: ignore[arg-type]
    "resource(None)": (lambda: _catalog().resource(None), "资源名"),  # type: ignore[arg-type]
}


@pytest.mark.parametrize("call", CALLS)
def test_a_wrong_argument_is_a_villagecat_error_naming_what_to_pass(call: str) -> None:
    function, named = CALLS[call]
    with pytest.raises(InvalidRequestError) as raised:
        function()
    assert isinstance(raised.value, TypeError)  # a wrong type, as Python says it, and villagecat's error
    zh, en = raised.value.describe("zh"), raised.value.describe("en")
    assert named in zh
    assert zh.endswith(f"（{en}）")  # Chinese first, the English detail after it
    assert "\n" not in zh


@pytest.mark.parametrize(
    ("figures", "field"),
    [
        ({"floor_area_m2": "280"}, "floor_area_m2"),
        ({"floor_area_m2": 280, "households": "九百"}, "households"),
        ({"floor_area_m2": None}, "floor_area_m2"),
    ],
)
def test_a_figure_that_is_not_a_number_is_refused_naming_it(figures: dict[str, Any], field: str) -> None:
    """An area typed into a web form arrives as text; None is no floor area."""
    with pytest.raises(InvalidMeasurementError) as raised:
        FacilityFigures(**figures)
    assert isinstance(raised.value, VillagecatError)
    assert field in raised.value.describe("en")


def test_a_sign_size_that_is_not_a_number_is_refused() -> None:
    with pytest.raises(InvalidMeasurementError, match="width_cm"):
        ActualSign(text="x", placement=Placement.OUTSIDE, width_cm="30")  # type: ignore[arg-type]


# A misspelt scope or resource matched nothing and gave a list all the same: the items that apply
# everywhere (as though no scope were given), or none at all.
MISNAMED: dict[str, tuple[Callable[[], object], str]] = {
    "duties('villag')": (lambda: _catalog().duties("villag"), "“villag”"),
    "resource('duties', 'villag')": (lambda: _catalog().resource("duties", "villag"), "“villag”"),
    "resource('dutys')": (lambda: _catalog().resource("dutys"), "dutys"),
    "catalog_to_dict(scope='x')": (lambda: catalog_to_dict(_catalog(), scope="x"), "“x”"),
    "format_catalog(scope='x')": (lambda: format_catalog(_catalog(), scope="x"), "“x”"),
}


@pytest.mark.parametrize("call", MISNAMED)
def test_a_misnamed_scope_or_resource_is_refused_not_an_unfiltered_list(call: str) -> None:
    function, named = MISNAMED[call]
    with pytest.raises(InvalidRequestError) as raised:
        function()
    assert named in raised.value.describe("zh")


def test_a_scope_may_be_its_member_its_code_or_its_chinese_word() -> None:
    catalog = _catalog()
    villages = [item.id for item in catalog.duties(Scope.VILLAGE)]
    assert villages  # Ninghe covers villages
    assert [item.id for item in catalog.duties("village")] == villages
    assert [item.id for item in catalog.duties("村")] == villages
    assert [getattr(i, "id", "") for i in catalog.resource("duties", "社区")] == [
        i.id for i in catalog.duties(Scope.COMMUNITY)
    ]
