"""A developer's mistake in calling the library is a villagecat error saying what to pass, not a deep TypeError.

A path left None or given as a number, one set of figures where a list goes, an area typed
in a web form ("280"): each was a bare ``TypeError`` or ``AttributeError`` raised in
``pathlib``, a comprehension or ``math`` (``expected str, bytes or os.PathLike object, not
NoneType``; ``'FacilityFigures' object is not iterable``; ``must be real number, not str``).
"""

from __future__ import annotations

import ast
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from pydantic import ValidationError

import villagecat
from villagecat._i18n import ModelRuleError
from villagecat.checks import (
    ActualSign,
    FacilityFigures,
    InvalidMeasurementError,
    Ledger,
    admit,
    audit,
    check_facility,
    check_signage,
    lint,
    read_facility_file,
    read_ledger,
    read_signs,
    render_certificate,
)
from villagecat.checks.admission import match_certificates, match_duties, similar_certificates
from villagecat.diff import (
    diff_catalogs,
    diff_packages,
    format_report,
    load_accepted,
    load_levels,
    required_bump,
    rule_violations,
)
from villagecat.errors import ArgumentTypeError, InvalidRequestError, VillagecatError
from villagecat.models import Citation, Colour, Orientation, Placement, Scope, SignType
from villagecat.registry import shipped_registry
from villagecat.render import catalog_to_dict, format_catalog, format_explain, reading_order
from villagecat.report import Problem, ValidationReport
from villagecat.resolution import registry_with
from villagecat.validation import validate_many

REPO = Path(__file__).resolve().parents[2]
LEDGERS = REPO / "tests" / "fixtures" / "ledgers"

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
    assert str(raised.value) == f"{zh}（{en}）"  # Chinese first, the English detail after it
    assert en not in zh  # as the CLI says it: Chinese alone
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
    "applies(entry, 'x')": (
        lambda: _catalog().applies(next(iter(_catalog().items["duties"].values())), "x"),
        "“x”",
    ),
    "match_duties(scope='x')": (lambda: match_duties(_catalog(), "协助开展工作", "x"), "“x”"),  # type: ignore[arg-type]
    "match_certificates(scope='x')": (lambda: match_certificates(_catalog(), "居民养犬证明", "x"), "“x”"),  # type: ignore[arg-type]
    "similar_certificates(scope='x')": (lambda: similar_certificates(_catalog(), "养犬证明", "x"), "“x”"),  # type: ignore[arg-type]
    "get(None)": (lambda: _catalog().get(None), "不能为空"),  # type: ignore[call-overload]
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


# Each was an AttributeError or TypeError from deep inside (``'NoneType' object has no attribute
# 'documents'``, ``KeyError: 'b'``, ``'LayerPackage' object is not iterable``).
MORE_CALLS: dict[str, tuple[Callable[[], object], str]] = {
    "lint(None)": (lambda: lint(None), "LayerPackage"),  # type: ignore[arg-type]
    "lint(catalog)": (lambda: lint(_catalog()), "LayerPackage"),  # type: ignore[arg-type]
    "lint(package, str)": (lambda: lint(_national(), "x"), "LayerRegistry"),  # type: ignore[arg-type]
    "audit(catalog, None)": (lambda: audit(_catalog(), None), "Ledger"),  # type: ignore[arg-type]
    "audit(catalog, path)": (lambda: audit(_catalog(), "ledger.csv"), "read_ledger"),  # type: ignore[arg-type]
    "audit(None, ledger)": (lambda: audit(None, Ledger()), "EffectiveCatalog"),  # type: ignore[arg-type]
    "admit(None, tasks)": (lambda: admit(None, ["人口普查"]), "EffectiveCatalog"),  # type: ignore[arg-type]
    "check_facility(package, figures)": (
        lambda: check_facility(_national(), [FacilityFigures(floor_area_m2=1)]),  # type: ignore[arg-type]
        "EffectiveCatalog",
    ),
    "check_signage(None, signs)": (lambda: check_signage(None, []), "EffectiveCatalog"),  # type: ignore[arg-type]
    "render_certificate(catalog, key, None)": (
        lambda: render_certificate(_catalog(), "亲属关系证明", None),  # type: ignore[arg-type]
        "dict",
    ),
    "read_ledger(None)": (lambda: read_ledger(None), "台账的路径"),  # type: ignore[arg-type]
    "read_signs(None)": (lambda: read_signs(None), "台账的路径"),  # type: ignore[arg-type]
    "read_facility_file(None)": (lambda: read_facility_file(None), "台账的路径"),  # type: ignore[arg-type]
    "load_levels(None)": (lambda: load_levels(None), "变更级别文件的路径"),  # type: ignore[arg-type]
    "load_accepted(None)": (lambda: load_accepted(None), "接受变更的文件的路径"),  # type: ignore[arg-type]
    "FacilityFigures(function_areas=str)": (
        lambda: FacilityFigures(floor_area_m2=300, function_areas="党员活动室"),  # type: ignore[arg-type]
        '["党员活动室"]',
    ),
    "FacilityFigures(village=None)": (lambda: FacilityFigures(floor_area_m2=1, village=None), "village"),  # type: ignore[arg-type]
    "ActualSign(placement=None)": (lambda: ActualSign(text="x", placement=None), "悬挂位置"),  # type: ignore[arg-type]
    "ActualSign(organisation=int)": (
        lambda: ActualSign(text="x", placement=Placement.OUTSIDE, organisation=3),  # type: ignore[arg-type]
        "organisation",
    ),
    "diff_catalogs(package, package)": (lambda: diff_catalogs(_national(), _national()), "EffectiveCatalog"),  # type: ignore[arg-type]
    "diff_packages(levels=list)": (lambda: diff_packages(_national(), _national(), levels=["x"]), "映射"),  # type: ignore[arg-type]
    "format_report(None)": (lambda: format_report(None), "DiffReport"),  # type: ignore[arg-type]
    "required_bump(str)": (lambda: required_bump("breaking"), "级别的列表"),
    "accept(None)": (lambda: diff_packages(_national(), _national()).accept(None), "Accepted"),  # type: ignore[arg-type]
    "rule_violations(registry=None)": (
        lambda: rule_violations(None, _national(), None),  # type: ignore[arg-type]
        "LayerRegistry",
    ),
    "resolve(registry=str)": (lambda: villagecat.resolve("120117", registry="x"), "LayerRegistry"),  # type: ignore[arg-type]
    "catalog_to_dict(None)": (lambda: catalog_to_dict(None), "EffectiveCatalog"),  # type: ignore[arg-type]
    "reading_order(str)": (lambda: reading_order("duties"), "资源名的列表"),
    "merge(package)": (lambda: villagecat.merge(_national()), "LayerPackage 的列表"),  # type: ignore[arg-type]
    "shipped_registry(None)": (lambda: shipped_registry(None), "LayerPackage 的列表"),  # type: ignore[arg-type]
    "registry.chain(None)": (lambda: shipped_registry().chain(None), "LayerPackage"),  # type: ignore[arg-type]
    "validate(parents=package)": (
        lambda: villagecat.validate(_national().source or "", parents=_national()),  # type: ignore[arg-type]
        "上级层",
    ),
    "registry.find(int)": (lambda: shipped_registry().find(120117), '"120117"'),  # type: ignore[arg-type]
    "catalog.find(id, int)": (lambda: _catalog().find("cn.duty.x", 3), "资源名"),  # type: ignore[arg-type]
}


@pytest.mark.parametrize("call", MORE_CALLS)
def test_every_public_call_refuses_a_wrong_kind_at_the_door(call: str) -> None:
    function, named = MORE_CALLS[call]
    with pytest.raises(InvalidRequestError) as raised:
        function()
    assert isinstance(raised.value, TypeError)
    zh, en = raised.value.describe("zh"), raised.value.describe("en")
    assert named in zh
    assert str(raised.value) == f"{zh}（{en}）"
    assert en not in zh
    assert "\n" not in zh


# Each was answered all the same: written as text, ignored, or compared as it was and matching nothing.
WRONG_VALUES: dict[str, tuple[Callable[[], object], str]] = {
    "ActualSign(placement='外')": (
        lambda: ActualSign(text="x", placement="外"),  # type: ignore[arg-type]
        "外部（outside）、内部（inside）",
    ),
    "ActualSign(orientation='斜')": (
        lambda: ActualSign(text="x", placement=Placement.OUTSIDE, orientation="斜"),  # type: ignore[arg-type]
        "横牌（horizontal）",
    ),
    "FacilityFigures(scope='villag')": (
        lambda: FacilityFigures(floor_area_m2=1, scope="villag"),  # type: ignore[arg-type]
        "“villag”",
    ),
    "read_ledger(scope='x')": (lambda: read_ledger(LEDGERS / "ninghe_village.yaml", scope="x"), "适用范围"),  # type: ignore[arg-type]
    "format_catalog(fmt='xml')": (lambda: format_catalog(_catalog(), "xml"), "“xml”"),  # type: ignore[arg-type]
    "CheckReport.format('xml')": (lambda: admit(_catalog(), ["人口普查入户登记"]).format("xml"), "“xml”"),  # type: ignore[arg-type]
    "diff_packages(levels=unknown level)": (
        lambda: diff_packages(_national(), _national(), levels={"duty-name-changed": "huge"}),  # type: ignore[dict-item]
        "huge",
    ),
    "diff_packages(levels=unknown code)": (
        lambda: diff_packages(_national(), _national(), levels={"duty-name-chagned": "info"}),
        "duty-name-chagned",
    ),
    "required_bump(['huge'])": (lambda: required_bump(["huge"]), "“huge”"),
    "fails('x')": (lambda: diff_packages(_national(), _national()).fails("x"), "“x”"),  # type: ignore[arg-type]
    "catalog.find(key, 'dutys')": (lambda: _catalog().find("党", "dutys"), "dutys"),
    "package.resource('dutys')": (lambda: _national().resource("dutys"), "dutys"),
}


@pytest.mark.parametrize("call", WRONG_VALUES)
def test_a_value_outside_what_is_allowed_is_refused_naming_the_allowed(call: str) -> None:
    function, named = WRONG_VALUES[call]
    with pytest.raises(InvalidRequestError) as raised:
        function()
    assert named in raised.value.describe("zh")


def test_a_sign_word_may_be_its_member_its_code_or_its_chinese_word_and_matches_as_the_member() -> None:
    """``placement="outside"`` matched no catalog sign (compared with ``is``): a hung plaque was reported missing."""
    catalog = _catalog()

    def missing(placement: object) -> list[str]:
        sign = ActualSign(text="中共宁河村委员会", placement=placement, village="宁河村")  # type: ignore[arg-type]
        return [f.item or "" for f in check_signage(catalog, [sign]).findings if f.code.startswith("signage-missing")]

    expected = missing(Placement.OUTSIDE)
    assert "cn.sign.party-organisation" not in expected  # the plaque hung is found
    for word in ("outside", "外部", "室外"):
        assert missing(word) == expected
    sign = ActualSign(text="x", placement="室内", orientation="竖", background_colour="红", scope="社区")  # type: ignore[arg-type]
    assert (sign.placement, sign.orientation, sign.background_colour) == (
        Placement.INSIDE,
        Orientation.VERTICAL,
        Colour.RED,
    )
    assert sign.sign_type is SignType.PLAQUE
    assert sign.scope is Scope.COMMUNITY


def test_function_areas_are_any_list_of_names_and_one_name_alone_is_refused() -> None:
    """A bare str was iterated as its characters (文, 体, 活 …): every area read as missing."""
    catalog = villagecat.resolve("220000")  # Jilin lists the function areas a village's facility has
    (standard,) = [f for f in catalog.facilities() if f.function_areas]
    areas = list(standard.function_areas)
    figures = FacilityFigures(floor_area_m2=600, households=100, function_areas=areas)  # type: ignore[arg-type]
    assert figures.function_areas == tuple(areas)
    (finding,) = [f for f in check_facility(catalog, [figures]).findings if f.item == standard.id]
    assert finding.level == "pass"
    with pytest.raises(InvalidRequestError, match="党员活动室"):
        FacilityFigures(floor_area_m2=600, function_areas=areas[0])  # type: ignore[arg-type]


LANGUAGE_CALLS: dict[str, Callable[[str], object]] = {
    "Problem.describe": lambda lang: Problem("datapackage.json", "x", "中", "en", field="f").describe(lang),  # type: ignore[arg-type]
    "ValidationReport.format_text": lambda lang: ValidationReport("p").format_text(lang),  # type: ignore[arg-type]
    "ValidationReport.to_dict": lambda lang: ValidationReport("p").to_dict(lang),  # type: ignore[arg-type]
    "VillagecatError.describe": lambda lang: VillagecatError("中", "en").describe(lang),
    "CheckReport.format": lambda lang: admit(_catalog(), ["人口普查入户登记"]).format(lang=lang),  # type: ignore[arg-type]
    "format_catalog": lambda lang: format_catalog(_catalog(), lang=lang),  # type: ignore[arg-type]
    "format_explain": lambda lang: format_explain(_catalog(), "cn.sign.party-service-centre", lang=lang),  # type: ignore[arg-type]
    "format_report": lambda lang: format_report(diff_packages(_national(), _national()), lang=lang),  # type: ignore[arg-type]
    "DiffReport.summary": lambda lang: diff_packages(_national(), _national()).summary(lang),  # type: ignore[arg-type]
    "Vocab.shown": Placement.OUTSIDE.shown,
}


@pytest.mark.parametrize("call", LANGUAGE_CALLS)
@pytest.mark.parametrize("lang", ["fr", "EN", "zh-CN"])
def test_an_unknown_language_is_refused_not_answered_in_chinese(call: str, lang: str) -> None:
    """``describe("fr")`` gave a line half in each language; ``format_explain(lang="fr")`` answered in Chinese."""
    with pytest.raises(InvalidRequestError) as raised:
        LANGUAGE_CALLS[call](lang)
    assert f"“{lang}”" in raised.value.describe("zh")
    assert "zh、en" in raised.value.describe("zh")


@pytest.mark.parametrize("call", LANGUAGE_CALLS)
def test_a_language_that_is_not_text_is_an_argument_type_error(call: str) -> None:
    with pytest.raises(ArgumentTypeError):
        LANGUAGE_CALLS[call](None)  # type: ignore[arg-type]


def test_every_public_function_that_takes_a_language_checks_it() -> None:
    """A ``lang`` parameter of a public function or method is checked by need_lang, the one check of a language."""
    unchecked = []
    for path in sorted((REPO / "src" / "villagecat").rglob("*.py")):
        if (path.name.startswith("_") and path.name != "__init__.py") or "cli" in path.parts:
            continue  # private modules are reached through public ones; the CLI's --lang is argparse's choice
        tree = ast.parse(path.read_text(encoding="utf-8"))
        scopes: list[tuple[str, ast.AST]] = [("", tree)]
        scopes += [(f"{n.name}.", n) for n in tree.body if isinstance(n, ast.ClassDef) and not n.name.startswith("_")]
        for prefix, scope in scopes:
            for node in getattr(scope, "body", []):
                if not isinstance(node, ast.FunctionDef) or node.name.startswith("_"):
                    continue
                if "lang" in [a.arg for a in (*node.args.args, *node.args.kwonlyargs)] and "need_lang(lang)" not in (
                    ast.unparse(node)
                ):
                    unchecked.append(f"{path.name}:{prefix}{node.name}")
    assert unchecked == []


def test_a_models_own_rule_reads_chinese_first_in_pydantics_error() -> None:
    """A model built in code: pydantic's ValidationError carries villagecat's rule as ``中文（English）``."""
    with pytest.raises(ValidationError) as raised:
        Citation.model_validate("cn.clause.x,cn.clause.y")
    (error,) = raised.value.errors()
    cause = error["ctx"]["error"]
    assert isinstance(cause, ModelRuleError)
    assert isinstance(cause, ValueError)  # pydantic's contract: a validator raises ValueError
    assert error["msg"] == f"Value error, {cause.zh}（{cause.en}）"
