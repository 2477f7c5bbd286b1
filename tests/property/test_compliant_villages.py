"""A village (or community) that does exactly what its jurisdiction's catalog says is never told it fails.

For every shipped jurisdiction and every place its chain covers, the place built from the
effective catalog itself (the plaques and marks it lists, in their type, orientation, sizes and
colours and within the counts; a facility at exactly the largest minimum, or above it; the duties
it performs or assists with; only the certificates it may issue; the tasks the catalog lets in)
has no 不符合 and no 提示 in ``audit``, ``check facility``, ``check signage`` and ``admit``, from
Python and from the command line on a ledger written as docs/guides/audit-ledgers.md describes.
Then one step off that place gives exactly the finding the rule's words give: 不符合 where they
bind (必须、应当…, ``must``), 提示 where they advise or do not say, never 不符合 then. Binding
forms of the shipped rules come from a county layer below that makes them ``must`` (a tightening
merge allows), so the binding paths are walked for every jurisdiction too.

Every expectation is derived from the catalog (items, fields, modalities): no number, name or
quote of the shipped data is written here.
"""

from __future__ import annotations

import csv
import functools
import json
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import villagecat
from conftest import invoke
from layers import child_layer
from villagecat._names import name_forms
from villagecat.checks import admit, audit, check_facility, read_ledger
from villagecat.checks._modality import level, strength, suffix
from villagecat.checks.audit import POST_ALLOWED
from villagecat.checks.facility import FacilityFigures
from villagecat.checks.signage import sign_modality
from villagecat.models import CertificateStatus, DutyKind, Modality, Orientation, Placement, Scope, SignType
from villagecat.package import save_layer
from villagecat.registry import shipped_registry

if TYPE_CHECKING:
    from pathlib import Path

    from villagecat.checks import CheckReport, Finding
    from villagecat.merging import EffectiveCatalog
    from villagecat.models import FacilityStandard, Sign, SignQuota

#: Every shipped jurisdiction with each place its chain covers (a layer of villages has no community).
PLACES = [(p.layer.id, scope) for p in shipped_registry() for scope in p.layer.covers if scope is not Scope.BOTH]
IDS = [f"{code}-{scope.value}" for code, scope in PLACES]

#: Few examples, no database, the same ones every run: the whole file stays within a minute on a loaded machine.
FAST = settings(
    max_examples=6,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

#: Characters of place names, simplified and standard, none of them a word of a plaque (党, 委, 民…).
_NAME_CHARACTERS = "榆柳杨桃李光明东西南北红星河山岭湾前后大小"


@functools.cache
def catalog_of(code: str) -> EffectiveCatalog:
    return villagecat.resolve(code)


# ---------------------------------------------------------------------------------------------
# The compliant place, as a ledger's rows
# ---------------------------------------------------------------------------------------------


@dataclass
class Place:
    """One village or community, every entry as a ledger row writes it (field name -> cell)."""

    base: str
    scope: Scope
    signs: list[dict[str, str]] = field(default_factory=list)
    facility: dict[str, str] = field(default_factory=dict)
    duties: list[str] = field(default_factory=list)
    mechanisms: list[dict[str, str]] = field(default_factory=list)
    certificates: list[str] = field(default_factory=list)
    #: Which spec each sign row is (its index in ``signs``), for the violations.
    spec_of: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.base + self.scope.label

    def figures(self) -> FacilityFigures:
        row = self.facility
        floor = float(row["floor_area_m2"])
        activity = row.get("activity_area_m2")
        if activity is not None and activity.endswith("%"):
            activity = str(Decimal(activity[:-1]) / 100 * Decimal(row["floor_area_m2"]))
        areas = row.get("function_areas")
        return FacilityFigures(
            floor,
            int(row["households"]) if "households" in row else None,
            float(activity) if activity is not None else None,
            tuple(areas.split("、")) if areas else None,
            village=self.name,
            scope=self.scope,
        )


def _words(value: Any) -> str:
    """A vocabulary's value as a clerk writes it: its Chinese label."""
    return str(value.label)


def _core(organisation: str) -> str:
    for prefix in ("村（社区）", "村(社区)"):
        if organisation.startswith(prefix):
            return organisation.removeprefix(prefix)
    return organisation


def _legal_names(organisation: str, place: str) -> list[str]:
    """The names a plaque of an organisation bears: 中共榆树村委员会, 榆树村股份经济合作社."""
    if organisation.endswith("党组织"):
        return [f"中共{place}委员会", f"中共{place}支部委员会", f"{place}党支部", f"{place}党委"]
    if organisation.endswith("集体经济组织"):
        return [f"{place}股份经济合作社", f"{place}经济合作社", f"{place}经济联合社"]
    return []


@st.composite
def _sign_text(draw: st.DrawFn, spec: Sign, base: str, place: str) -> dict[str, str]:
    """The cells by which a ledger names a listed sign: its text, perhaps its organisation or catalog entry."""
    forms: list[dict[str, str]] = [{"text": spec.name}, *({"text": a} for a in spec.aliases)]
    forms.append({"text": f"{place}{spec.name}", "sign": spec.id})
    if spec.text_pattern:
        forms.append({"text": spec.text_pattern.replace("XX村（社区）", place).replace("XX", base)})
    if spec.organisation:
        core = _core(spec.organisation)
        legal = _legal_names(spec.organisation, place)
        texts = legal or [place + core.removeprefix(place[-1]) if core.startswith(place[-1]) else place + core]
        forms += [{"text": t} for t in texts]
        forms += [{"text": t, "organisation": spec.organisation} for t in texts]
    return draw(st.sampled_from(forms))


def _size_limits(spec: Sign, orientation: Orientation | None) -> tuple[float | None, float | None]:
    """The most a sign of ``spec`` may measure across and up, hung as ``orientation`` (None: either way)."""
    width, height = spec.max_width_cm, spec.max_height_cm
    long, short = spec.max_long_side_cm, spec.max_short_side_cm
    if long is not None or short is not None:
        across, up = (long, short) if orientation is Orientation.HORIZONTAL else (short, long)
        if orientation is None:  # either way up: within the shorter side both ways
            across = up = short if short is not None else long
        width = across if width is None else min(width, across) if across is not None else width
        height = up if height is None else min(height, up) if up is not None else height
    return width, height


@st.composite
def _measure(draw: st.DrawFn, limit: float | None) -> str:
    if limit is None:
        return draw(st.sampled_from(["", "60", "120", "240"]))
    return draw(st.sampled_from([_plain(limit), _plain(Decimal(str(limit)) / 2), _plain(Decimal(str(limit)) - 1)]))


def _plain(value: float | Decimal) -> str:
    """A number as a clerk writes it: 303.9, 300 (never 3E+2 or 300.0)."""
    text = format(Decimal(str(value)).normalize(), "f")
    return text.removesuffix(".0") if "." in text else text


@st.composite
def _sign_row(draw: st.DrawFn, spec: Sign, base: str, place: str) -> dict[str, str]:
    row = {"placement": _words(spec.placement), **draw(_sign_text(spec, base, place))}
    if draw(st.booleans()):
        row["sign_type"] = _words(spec.sign_type)
    orientation = spec.orientation
    if orientation is None and spec.sign_type is SignType.PLAQUE and spec.max_long_side_cm is None:
        orientation = draw(st.sampled_from([None, *Orientation]))
    if orientation is not None and (spec.orientation is None or draw(st.booleans())):
        row["orientation"] = _words(orientation)
    across, up = _size_limits(spec, orientation if "orientation" in row or spec.orientation else None)
    row["width_cm"], row["height_cm"] = draw(_measure(across)), draw(_measure(up))
    for part in ("background_colour", "text_colour"):
        colour = getattr(spec, part)
        if colour is not None and draw(st.booleans()):
            row[part] = _words(colour)
    return {k: v for k, v in row.items() if v}


def _required(standards: list[FacilityStandard], households: int) -> Decimal:
    """The largest floor area any area rule asks for, exactly as the decimals are written."""
    asked = [Decimal(0)]
    for s in standards:
        if s.min_floor_area_m2 is not None:
            asked.append(Decimal(str(s.min_floor_area_m2)))
        if s.min_area_per_100_households_m2 is not None:
            asked.append(Decimal(households) * Decimal(str(s.min_area_per_100_households_m2)) / 100)
    return max(asked)


def _share(standards: list[FacilityStandard]) -> Decimal | None:
    shares = [Decimal(str(s.min_activity_area_pct)) for s in standards if s.min_activity_area_pct is not None]
    return max(shares) if shares else None


@st.composite
def _facility(draw: st.DrawFn, catalog: EffectiveCatalog, scope: Scope) -> dict[str, str]:
    standards = catalog.facilities(scope)
    households = draw(st.one_of(st.integers(1, 3000), st.sampled_from([13, 607, 1013, 2900])))
    floor = _required(standards, households) + draw(st.sampled_from([Decimal(0), Decimal("0.01"), Decimal(25)]))
    if floor == 0:
        floor = Decimal(draw(st.sampled_from([80, 300])))
    row = {"floor_area_m2": _plain(floor), "households": str(households)}
    share = _share(standards)
    if share is not None or draw(st.booleans()):
        pct = min(
            Decimal(100), (share or Decimal(40)) + draw(st.sampled_from([Decimal(0), Decimal("0.5"), Decimal(10)]))
        )
        written = draw(st.booleans())
        row["activity_area_m2"] = f"{_plain(pct)}%" if written else _plain(floor * pct / 100)
    areas = [a for s in standards for a in s.function_areas]
    listed_anyway: bool = draw(st.booleans())
    if areas or listed_anyway:
        shown = [draw(st.sampled_from(sorted(name_forms(a)))) if "（" in a else a for a in dict.fromkeys(areas)]
        row["function_areas"] = "、".join(shown or ["便民服务大厅"])
    return row


def community_words(name: str) -> str:
    """A village's name as a community writes it (national 三, 参照执行): 村民 is 居民, 村党群… 社区党群…."""
    name = name.replace("村（社区）", "社区").replace("村民", "居民").replace("村务", "居务")
    return "社区" + name[1:] if name.startswith("村") and not name.startswith(("村级", "村（")) else name


@st.composite
def _named(draw: st.DrawFn, names: list[str], scope: Scope) -> str:
    """One of an item's names, or for a community that name in the community's words."""
    name = draw(st.sampled_from(names))
    return community_words(name) if scope is Scope.COMMUNITY and draw(st.booleans()) else name


@st.composite
def compliant(draw: st.DrawFn, code: str, scope: Scope) -> Place:
    """The place that does exactly what ``code``'s catalog lists for ``scope``, drawn in the ledger's many forms."""
    catalog = catalog_of(code)
    base = draw(st.text(_NAME_CHARACTERS, min_size=1, max_size=3))
    place = Place(base, scope)
    for spec in catalog.signs(scope):
        copies = 1 if spec.placement is Placement.OUTSIDE else draw(st.integers(0, 2))
        for _ in range(copies):
            place.signs.append(draw(_sign_row(spec, base, place.name)))
            place.spec_of.append(spec.id)
    place.facility = draw(_facility(catalog, scope))
    duties = [d for d in catalog.duties(scope) if d.duty_kind is not DutyKind.PROHIBITED and not d.catch_all]
    place.duties = [draw(_named([d.name, *d.aliases], scope)) for d in duties if draw(st.booleans())]
    for mechanism in catalog.mechanisms(scope):
        if draw(st.booleans()):
            row = {"name": draw(_named([mechanism.name, *mechanism.aliases], scope))}
            basis = mechanism.basis
            allowed = [b for b in POST_ALLOWED if basis is None or b is basis]
            if basis in POST_ALLOWED or draw(st.booleans()):
                row["dedicated_post"] = "是"
                if basis is None:
                    row["basis"] = _words(draw(st.sampled_from(sorted(allowed))))
            place.mechanisms.append(row)
    retained = [c for c in catalog.certificates(scope) if c.status is CertificateStatus.RETAINED and not c.catch_all]
    place.certificates = [c.name for c in retained if draw(st.booleans())]
    return place


# ---------------------------------------------------------------------------------------------
# Writing the ledger as the guide describes, and reading the verdicts
# ---------------------------------------------------------------------------------------------

#: The guide's Chinese column titles, by field.
_TITLES = {
    "village": "村名", "category": "类别", "name": "名称", "text": "文字", "placement": "位置", "sign_type": "标牌类型",
    "orientation": "版式", "width_cm": "宽度（厘米）", "height_cm": "高度（厘米）", "background_colour": "底色",
    "text_colour": "字色", "organisation": "所属组织", "sign": "目录条目", "dedicated_post": "专人专岗",
    "basis": "设立依据", "floor_area_m2": "建筑面积（平方米）", "households": "户数",
    "activity_area_m2": "活动区域面积", "function_areas": "功能区域", "scope": "村或社区",
}  # fmt: skip


def ledger_rows(place: Place) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    common = {"village": place.name, "scope": place.scope.label}
    rows += [{**common, "category": "标牌", **s} for s in place.signs]
    rows += [{**common, "category": "事项", "name": d} for d in place.duties]
    rows += [{**common, "category": "机制", **m} for m in place.mechanisms]
    rows += [{**common, "category": "证明", "name": c} for c in place.certificates]
    rows.append({**common, "category": "设施", **place.facility})
    return rows


def write_csv(path: Path, rows: list[dict[str, str]], *, chinese: bool = True) -> Path:
    columns = list(dict.fromkeys(k for r in rows for k in r))
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow([_TITLES[c] if chinese else c for c in columns])
        writer.writerows([r.get(c, "") for c in columns] for r in rows)
    return path


def not_passed(report: CheckReport) -> list[Finding]:
    return [f for f in report.findings if f.level != "pass"]


def said(findings: list[Finding]) -> str:
    return "\n".join(f"{f.level} {f.code} {f.item}: {f.message_zh}" for f in findings)


def audited(tmp_path: Path, code: str, place: Place, *, chinese: bool = True) -> CheckReport:
    return audit(catalog_of(code), read_ledger(write_csv(tmp_path / "台账.csv", ledger_rows(place), chinese=chinese)))


# ---------------------------------------------------------------------------------------------
# 1. The compliant place passes everything
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("code", "scope"), PLACES, ids=IDS)
@FAST
@given(data=st.data())
def test_a_compliant_place_has_no_failure_and_nothing_to_act_on(
    tmp_path: Path, code: str, scope: Scope, data: st.DataObject
) -> None:
    place = data.draw(compliant(code, scope))
    chinese = data.draw(st.booleans())
    report = audited(tmp_path, code, place, chinese=chinese)
    assert not not_passed(report), said(not_passed(report))
    ledger = tmp_path / "台账.csv"
    result = invoke("audit", str(ledger), "-j", code, "--format", "json")
    assert result.code == 0, result.out + result.err
    assert not [f for f in json.loads(result.out)["findings"] if f["level"] != "pass"]


@pytest.mark.parametrize(("code", "scope"), PLACES, ids=IDS)
@FAST
@given(data=st.data())
def test_each_check_alone_passes_the_compliant_place(
    tmp_path: Path, code: str, scope: Scope, data: st.DataObject
) -> None:
    catalog = catalog_of(code)
    place = data.draw(compliant(code, scope))
    figures = place.figures()
    facility = check_facility(catalog, [figures])
    assert not not_passed(facility), said(not_passed(facility))
    options = ["--floor-area", place.facility["floor_area_m2"], "--households", place.facility["households"]]
    if figures.activity_area_m2 is not None:
        options += ["--activity-area", _plain(figures.activity_area_m2)]
    if figures.function_areas:
        options += ["--function-areas", place.facility["function_areas"]]
    result = invoke("check", "facility", "-j", code, "--scope", scope.label, *options)
    assert (result.code, result.out.count("[提示]")) == (0, 0), result.out + result.err
    if place.signs:
        signs = write_csv(
            tmp_path / "标牌.csv", [{"village": place.name, "scope": place.scope.label, **s} for s in place.signs]
        )
        result = invoke("check", "signage", str(signs), "-j", code, "--format", "json")
        assert result.code == 0, result.out + result.err
        assert not [f for f in json.loads(result.out)["findings"] if f["level"] != "pass"], result.out
    tasks = [*place.duties, *place.certificates]
    if tasks:
        report = admit(catalog, tasks, scope)
        assert not not_passed(report), said(not_passed(report))
        result = invoke("admit", *tasks, "-j", code, "--scope", scope.label)
        assert result.code == 0, result.out + result.err


# ---------------------------------------------------------------------------------------------
# The binding forms of the shipped rules: a layer below that makes each one ``must``
# ---------------------------------------------------------------------------------------------

#: The graded fields of each kind a layer below may tighten to ``must``, with the fields whose rule each grades.
_GRADED: dict[str, dict[str, tuple[str, ...]]] = {
    "facility": {"modality": ()},
    "quota": {"modality": ()},
    "sign": {
        "modality": ("mandatory",),
        "size_modality": ("max_width_cm", "max_height_cm", "max_long_side_cm", "max_short_side_cm"),
        "orientation_modality": ("orientation",),
        "colour_modality": ("background_colour", "text_colour"),
    },
}


@functools.cache
def binding_child(code: str) -> Any:
    """A layer below ``code`` (a county, or a township below a county) that makes every graded rule ``must``."""
    registry = shipped_registry()
    parent = registry.get(code)
    assert parent is not None
    catalog = catalog_of(code)
    overrides = []
    for scope in (Scope.VILLAGE, Scope.COMMUNITY):
        items = [*catalog.facilities(scope), *catalog.sign_quotas(scope), *catalog.signs(scope)]
        for item in items:
            kind = item.id.split(".")[-2]
            for graded, governs in _GRADED[kind].items():
                ruled = not governs or any(getattr(item, g) not in (None, False) for g in governs)
                if ruled and getattr(item, graded) is not Modality.MUST:
                    overrides.append({"target": item.id, "field": graded, "value": "must"})
    unique = list({(o["target"], o["field"]): o for o in overrides}.values())
    county = parent.layer.level.value == "county"
    child = child_layer(
        code,
        ("990000" if code == "cn" else code[:4] + ("99" if code.endswith("00") else "")) + ("01" if county else ""),
        overrides=unique,
        level="province" if code == "cn" else "township" if county else "county",
        version_range=f">={parent.layer.version}",
    )
    return replace(child, layer=child.layer.model_copy(update={"covers": parent.layer.covers}))


@functools.cache
def binding_catalog(code: str) -> EffectiveCatalog:
    from villagecat.merging import merge  # noqa: PLC0415

    registry = shipped_registry()
    parent = registry.get(code)
    assert parent is not None
    catalog = merge([*registry.chain(parent), binding_child(code)])
    assert not catalog.conflicts, catalog.conflicts
    return catalog


def spec_in(catalog: EffectiveCatalog, ident: str | None) -> Any:
    """The effective item of an id the place or a finding names."""
    assert ident is not None
    entry = catalog.get(ident)
    assert entry is not None, ident
    return entry.item


def catalog_for(code: str, *, binding: bool) -> EffectiveCatalog:
    return binding_catalog(code) if binding else catalog_of(code)


@pytest.mark.parametrize(("code", "scope"), PLACES, ids=IDS)
@FAST
@given(data=st.data())
def test_the_compliant_place_passes_the_binding_forms_too(
    tmp_path: Path, code: str, scope: Scope, data: st.DataObject
) -> None:
    """The layer below tightens, never loosens: it merges without conflict, and what complied still complies."""
    catalog = binding_catalog(code)
    for standard in catalog.facilities(scope):
        assert standard.modality is Modality.MUST, standard.id
    for quota in catalog.sign_quotas(scope):
        assert quota.modality is Modality.MUST, quota.id
    place = data.draw(compliant(code, scope))
    ledger = write_csv(tmp_path / "台账.csv", ledger_rows(place))
    report = audit(catalog, read_ledger(ledger))
    assert not not_passed(report), said(not_passed(report))
    child = save_layer(binding_child(code), tmp_path / "child")
    result = invoke("audit", str(ledger), "-j", binding_child(code).layer.id, "--layer", str(child))
    assert result.code == 0, result.out + result.err


# ---------------------------------------------------------------------------------------------
# 2. One step off the compliant place: exactly the finding the rule's words give
# ---------------------------------------------------------------------------------------------


def _expected_level(*modalities: Modality | None) -> str:
    """不符合 if any of the rules missed binds, else 提示."""
    return "fail" if any(strength(m) == "binds" for m in modalities) else "warn"


def _only(report: CheckReport) -> Finding:
    found = not_passed(report)
    assert len(found) == 1, said(found)
    return found[0]


BOTH_FORMS = [(code, scope, binding) for code, scope in PLACES for binding in (False, True)]
BOTH_IDS = [f"{code}-{scope.value}-{'must' if binding else 'shipped'}" for code, scope, binding in BOTH_FORMS]


@pytest.mark.parametrize(("code", "scope", "binding"), BOTH_FORMS, ids=BOTH_IDS)
@FAST
@given(data=st.data())
def test_a_floor_area_one_step_below_the_largest_minimum_is_one_finding_of_that_rule(
    tmp_path: Path, code: str, scope: Scope, binding: bool, data: st.DataObject
) -> None:
    catalog = catalog_for(code, binding=binding)
    place = data.draw(compliant(code, scope))
    standards = catalog.facilities(scope)
    households = int(place.facility["households"])
    largest = _required(standards, households)
    missed = [s for s in standards if _required([s], households) == largest]
    floor = largest - Decimal("0.01")
    place.facility["floor_area_m2"] = _plain(floor)
    share = _share(standards)
    if share is not None:
        place.facility["activity_area_m2"] = f"{_plain(share)}%"
    else:
        place.facility.pop("activity_area_m2", None)
    finding = _only(audit(catalog, read_ledger(write_csv(tmp_path / "台账.csv", ledger_rows(place)))))
    assert finding.code == f"facility-floor-area{suffix(strength(spec_in(catalog, finding.item).modality))}"
    assert finding.level == _expected_level(*(s.modality for s in missed)), finding.message_zh
    strongest = [s for s in missed if strength(s.modality) == strength(spec_in(catalog, finding.item).modality)]
    assert finding.item in {s.id for s in strongest}
    assert finding.citations
    assert f"建筑面积 {_plain(floor)} m²" in finding.message_zh
    assert "差 0.01 m²" in finding.message_zh


@pytest.mark.parametrize(("code", "scope", "binding"), BOTH_FORMS, ids=BOTH_IDS)
@FAST
@given(data=st.data())
def test_an_activity_share_one_step_below_is_one_finding_of_that_rule(
    tmp_path: Path, code: str, scope: Scope, binding: bool, data: st.DataObject
) -> None:
    catalog = catalog_for(code, binding=binding)
    standards = catalog.facilities(scope)
    share = _share(standards)
    if share is None:
        return
    place = data.draw(compliant(code, scope))
    place.facility["activity_area_m2"] = f"{_plain(share - Decimal('0.1'))}%"
    finding = _only(audit(catalog, read_ledger(write_csv(tmp_path / "台账.csv", ledger_rows(place)))))
    missed = [
        s for s in standards if s.min_activity_area_pct is not None and Decimal(str(s.min_activity_area_pct)) == share
    ]
    assert finding.code == f"facility-activity-share{suffix(strength(spec_in(catalog, finding.item).modality))}"
    assert finding.level == _expected_level(*(s.modality for s in missed))
    assert finding.item in {s.id for s in missed}
    assert f"{_plain(share - Decimal('0.1'))}%" in finding.message_zh


@pytest.mark.parametrize(("code", "scope", "binding"), BOTH_FORMS, ids=BOTH_IDS)
@FAST
@given(data=st.data())
def test_a_function_area_left_out_is_a_finding_of_each_rule_that_lists_it(
    tmp_path: Path, code: str, scope: Scope, binding: bool, data: st.DataObject
) -> None:
    catalog = catalog_for(code, binding=binding)
    standards = catalog.facilities(scope)
    areas = list(dict.fromkeys(a for s in standards for a in s.function_areas))
    if not areas:
        return
    place = data.draw(compliant(code, scope))
    left_out = data.draw(st.sampled_from(areas))
    kept = [a for a in place.facility["function_areas"].split("、") if name_forms(a).isdisjoint(name_forms(left_out))]
    place.facility["function_areas"] = "、".join(kept)
    found = not_passed(audit(catalog, read_ledger(write_csv(tmp_path / "台账.csv", ledger_rows(place)))))
    listing = [
        s for s in standards if any(not name_forms(a).isdisjoint(name_forms(left_out)) for a in s.function_areas)
    ]
    assert sorted((f.item or "", f.level) for f in found) == sorted(
        (s.id, level(strength(s.modality))) for s in listing
    ), said(found)
    assert all(left_out in f.message_zh for f in found)


@pytest.mark.parametrize(("code", "scope", "binding"), BOTH_FORMS, ids=BOTH_IDS)
@FAST
@given(data=st.data())
def test_a_listed_sign_taken_down_is_one_finding_of_that_sign(
    tmp_path: Path, code: str, scope: Scope, binding: bool, data: st.DataObject
) -> None:
    catalog = catalog_for(code, binding=binding)
    mandatory = [s for s in catalog.signs(scope) if s.mandatory]
    if not mandatory:
        return
    place = data.draw(compliant(code, scope))
    gone = data.draw(st.sampled_from(mandatory))
    place.signs = [s for s, spec in zip(place.signs, place.spec_of, strict=True) if spec != gone.id]
    finding = _only(audit(catalog, read_ledger(write_csv(tmp_path / "台账.csv", ledger_rows(place)))))
    of = strength(sign_modality(catalog, gone, scope)[0])  # as stated for the place: 一般 for villages only
    assert (finding.code, finding.item) == (f"signage-missing{suffix(of)}", gone.id)
    assert finding.level == level(of)


def _counts(quota: SignQuota, sign_type: SignType, placement: Placement, orientation: Orientation | None) -> bool:
    return (
        quota.placement is placement
        and quota.sign_type is sign_type
        and (quota.orientation is None or quota.orientation is orientation)
    )


@pytest.mark.parametrize(("code", "scope", "binding"), BOTH_FORMS, ids=BOTH_IDS)
@FAST
@given(data=st.data())
def test_an_unlisted_plaque_outside_is_what_the_count_or_the_closed_list_says(
    tmp_path: Path, code: str, scope: Scope, binding: bool, data: st.DataObject
) -> None:
    """A count without names (外部标牌4个) is a quota: a fifth is over it, not 「不得悬挂」; a closed list says so."""
    catalog = catalog_for(code, binding=binding)
    place = data.draw(compliant(code, scope))
    sign_type = data.draw(st.sampled_from(list(SignType)))
    orientation = data.draw(st.sampled_from([None, *Orientation])) if sign_type is SignType.PLAQUE else None
    row = {"placement": _words(Placement.OUTSIDE), "text": f"{place.name}老年人协会", "sign_type": _words(sign_type)}
    if orientation is not None:
        row["orientation"] = _words(orientation)
    place.signs.append(row)
    found = not_passed(audit(catalog, read_ledger(write_csv(tmp_path / "台账.csv", ledger_rows(place)))))
    quotas = [q for q in catalog.sign_quotas(scope) if _counts(q, sign_type, Placement.OUTSIDE, orientation)]
    closing = [q for q in quotas if q.exact]
    if closing:
        expected = [
            (f"signage-not-allowed{suffix(strength(closing[0].modality))}", level(strength(closing[0].modality)))
        ]
    else:
        expected = [("signage-unlisted" if catalog.signs(scope) else "signage-none-listed", "warn")]
        for quota in quotas:
            held = sum(
                _counts(quota, spec.sign_type, spec.placement, spec.orientation)
                for spec in (spec_in(catalog, i) for i in place.spec_of)
            )
            if held + 1 > quota.max_count:
                expected.append((f"signage-count{suffix(strength(quota.modality))}", level(strength(quota.modality))))
    assert sorted((f.code, f.level) for f in found) == sorted(expected), said(found)


@pytest.mark.parametrize(("code", "scope", "binding"), BOTH_FORMS, ids=BOTH_IDS)
@FAST
@given(data=st.data())
def test_a_second_copy_of_a_listed_sign_outside_is_over_each_count_it_fills(
    tmp_path: Path, code: str, scope: Scope, binding: bool, data: st.DataObject
) -> None:
    catalog = catalog_for(code, binding=binding)
    outside = [s for s in catalog.signs(scope) if s.placement is Placement.OUTSIDE]
    if not outside:
        return
    place = data.draw(compliant(code, scope))
    copied = data.draw(st.sampled_from(outside))
    index = place.spec_of.index(copied.id)
    place.signs.append(dict(place.signs[index]))
    place.spec_of.append(copied.id)
    found = not_passed(audit(catalog, read_ledger(write_csv(tmp_path / "台账.csv", ledger_rows(place)))))
    expected = []
    for quota in catalog.sign_quotas(scope):
        if not _counts(quota, copied.sign_type, copied.placement, copied.orientation):
            continue
        held = sum(
            _counts(quota, spec.sign_type, spec.placement, spec.orientation)
            for spec in (spec_in(catalog, i) for i in place.spec_of)
        )
        if held > quota.max_count:
            expected.append((f"signage-count{suffix(strength(quota.modality))}", level(strength(quota.modality))))
    assert sorted((f.code, f.level) for f in found) == sorted(expected), said(found)


@pytest.mark.parametrize(("code", "scope", "binding"), BOTH_FORMS, ids=BOTH_IDS)
@FAST
@given(data=st.data())
def test_a_listed_sign_one_step_off_its_spec_is_one_finding_of_that_spec(
    tmp_path: Path, code: str, scope: Scope, binding: bool, data: st.DataObject
) -> None:
    """One centimetre over a size, another colour, the other orientation: one finding, at the strength of its words."""
    catalog = catalog_for(code, binding=binding)
    place = data.draw(compliant(code, scope))
    choices = []
    for index, spec_id in enumerate(place.spec_of):
        spec = spec_in(catalog, spec_id)
        if spec.max_long_side_cm is not None or spec.max_width_cm is not None or spec.max_height_cm is not None:
            choices.append((index, "size"))
        if spec.background_colour is not None or spec.text_colour is not None:
            choices.append((index, "colour"))
        if spec.orientation is not None:
            choices.append((index, "orientation"))
    if not choices:
        return
    index, what = data.draw(st.sampled_from(choices))
    spec = spec_in(catalog, place.spec_of[index])
    row = place.signs[index]
    if what == "size":
        across, up = _size_limits(spec, spec.orientation)
        if up is not None:
            row["height_cm"] = _plain(Decimal(str(up)) + 1)
        else:
            row["width_cm"] = _plain(Decimal(str(across)) + 1)
        modality, code_of = spec.size_modality, "signage-oversize"
    elif what == "colour":
        part = "background_colour" if spec.background_colour is not None else "text_colour"
        other = next(c for c in type(getattr(spec, part)) if c is not getattr(spec, part))
        row[part] = _words(other)
        modality, code_of = spec.colour_modality, "signage-colour"
    else:
        row["orientation"] = _words(next(o for o in Orientation if o is not spec.orientation))
        modality, code_of = spec.orientation_modality, "signage-orientation"
    finding = _only(audit(catalog, read_ledger(write_csv(tmp_path / "台账.csv", ledger_rows(place)))))
    assert (finding.level, finding.item) == (level(strength(modality)), spec.id), finding.message_zh
    assert finding.code == f"{code_of}{suffix(strength(modality))}"
    assert finding.citations


@pytest.mark.parametrize(("code", "scope"), PLACES, ids=IDS)
@FAST
@given(data=st.data())
def test_a_prohibited_duty_or_a_certificate_not_to_issue_in_the_ledger_is_one_failure_of_that_item(
    tmp_path: Path, code: str, scope: Scope, data: st.DataObject
) -> None:
    """Prohibited duties (不得) and certificates not to be issued bind: each is 不符合, the rest passing."""
    catalog = catalog_of(code)
    prohibited = [d for d in catalog.duties(scope) if d.duty_kind is DutyKind.PROHIBITED]
    stopped = [c for c in catalog.certificates(scope) if c.status is not CertificateStatus.RETAINED and not c.catch_all]
    items = [("duty", d) for d in prohibited] + [("certificate", c) for c in stopped]
    if not items:
        return
    kind, item = data.draw(st.sampled_from(items))
    place = data.draw(compliant(code, scope))
    written = data.draw(st.sampled_from([item.name, *item.aliases]))
    (place.duties if kind == "duty" else place.certificates).append(written)
    finding = _only(audit(catalog, read_ledger(write_csv(tmp_path / "台账.csv", ledger_rows(place)))))
    wanted = "audit-duty-prohibited" if kind == "duty" else "audit-certificate-must-not-issue"
    # A duty the sources forbid for villages alone reaches a community by reference (national 三), which states no
    # binding force for it: a 提示 that says so and cites 三. The Ministry's certificates name communities: 不符合.
    by_reference = finding.level == "warn"
    if by_reference:
        assert (scope, kind) == (Scope.COMMUNITY, "duty"), finding.message_zh
        assert "城市社区参照执行，来源未写明对社区的约束力" in finding.message_zh
        assert any(c.document == "cn.document.tingzi-2022-28" and c.section == "三" for c in finding.citations)
    assert (finding.code, finding.level, finding.item) == (wanted, "warn" if by_reference else "fail", item.id)
    result = invoke("audit", str(tmp_path / "台账.csv"), "-j", code)
    assert result.code == (0 if by_reference else 1), result.out + result.err
    asked = admit(catalog, [written], scope)
    assert [(f.level, f.item) for f in asked.findings] == [(finding.level, item.id)]


@pytest.mark.parametrize(("code", "scope", "binding"), BOTH_FORMS, ids=BOTH_IDS)
@FAST
@given(data=st.data())
def test_a_count_without_names_is_a_ceiling_met_at_its_number_and_passed_by_one_more(
    tmp_path: Path, code: str, scope: Scope, binding: bool, data: st.DataObject
) -> None:
    """Signs of a quota's kind up to its number (within the quota) are no finding of it; one more is over it."""
    catalog = catalog_for(code, binding=binding)
    ceilings = [q for q in catalog.sign_quotas(scope) if not q.exact]
    if not ceilings:
        return
    quota = data.draw(st.sampled_from(ceilings))
    place = data.draw(compliant(code, scope))
    listed = [spec_in(catalog, i) for i in place.spec_of]
    held = sum(_counts(quota, s.sign_type, s.placement, s.orientation) for s in listed)
    others = [q for q in catalog.sign_quotas(scope) if q is not quota]
    orientation = quota.orientation or (Orientation.VERTICAL if quota.sign_type is SignType.PLAQUE else None)
    row = {"placement": _words(quota.placement), "sign_type": _words(quota.sign_type)}
    if orientation is not None:
        row["orientation"] = _words(orientation)
    unlisted = "signage-unlisted" if catalog.signs(scope) else "signage-none-listed"
    for extra in (quota.max_count - held, quota.max_count - held + 1):
        place.signs = place.signs[: len(place.spec_of)] + [{**row, "text": f"其他{n}室"} for n in range(extra)]
        found = not_passed(audit(catalog, read_ledger(write_csv(tmp_path / "台账.csv", ledger_rows(place)))))
        over = [f for f in found if f.code.startswith("signage-count")]
        if extra <= quota.max_count - held:
            assert not over, said(found)
        else:
            assert [(f.item, f.level) for f in over] == [(quota.id, level(strength(quota.modality)))], said(found)
        outside = quota.placement is Placement.OUTSIDE
        closing = any(q.exact and _counts(q, quota.sign_type, quota.placement, orientation) for q in others)
        assert all(f in over or (outside and (closing or f.code == unlisted)) for f in found), said(found)
