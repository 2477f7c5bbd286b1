"""Does a village's service facility meet every area rule of its effective catalog at once?"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

from villagecat._arguments import need, need_catalog, need_items, need_member
from villagecat._i18n import Both, pair
from villagecat._names import name_forms
from villagecat.checks import _codes as codes
from villagecat.checks._measure import InvalidMeasurementError, check_measurement, place
from villagecat.checks._modality import Strength, level, reported, strength, suffix
from villagecat.checks._report import CheckReport, Finding, FindingLevel, judged
from villagecat.models import Modality, Scope

if TYPE_CHECKING:
    from collections.abc import Iterable

    from villagecat.merging import EffectiveCatalog
    from villagecat.models import Citation, FacilityStandard

__all__ = ["FacilityFigures", "check_facility", "facility_findings"]


@dataclass(frozen=True)
class FacilityFigures:
    """What a village's facility has.

    Attributes:
        village: The village's name (for reports on many villages).
        floor_area_m2: The facility's floor area.
        households: The number of households the village has.
        activity_area_m2: The area for residents' activities, if known.
        function_areas: The function areas the facility has, if known.
    """

    floor_area_m2: float
    households: int | None = None
    activity_area_m2: float | None = None
    function_areas: tuple[str, ...] | None = None
    village: str = ""
    scope: Scope = Scope.VILLAGE

    def __post_init__(self) -> None:
        """Refuse impossible figures: NaN, infinite or negative areas and counts; function areas that are no list.

        ``function_areas`` is any iterable of names, kept as a tuple; one name alone (a ``str``)
        is refused: it was read as its characters (文, 体, 活 …), none an area, so every area
        the catalog asks for was reported missing. The scope may be given as its code or its
        Chinese word (``"社区"``), as everywhere.
        """
        need(self.village, str, "argument-not-text", name="village")
        object.__setattr__(self, "scope", need_member(self.scope, Scope))
        if self.function_areas is not None:
            areas = need_items(self.function_areas, str, "argument-not-function-areas")
            object.__setattr__(self, "function_areas", tuple(areas))
        for name in ("floor_area_m2", "households", "activity_area_m2"):
            check_measurement(name, getattr(self, name), village=self.village, required=name == "floor_area_m2")
        if self.activity_area_m2 is not None and self.activity_area_m2 > self.floor_area_m2:
            raise InvalidMeasurementError.said(
                "measure-activity-over-floor",
                village=place(self.village),
                activity=_fmt(self.activity_area_m2),
                floor=_fmt(self.floor_area_m2),
            )

    extra: dict[str, str] = field(default_factory=dict)


def _fmt(value: float) -> str:
    """A figure as written: 300, 299.96, 0.04 (never 300.0 for 299.96, nor 306.90000000000003)."""
    text = f"{value:.6f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


#: How far two figures may differ by floating-point arithmetic alone (1013/100 × 30 is 303.90000000000003).
_NOISE = 1e-9


def _reaches(value: float, minimum: float) -> bool:
    """Whether ``value`` reaches ``minimum``: a figure at exactly the minimum does, whatever float arithmetic adds."""
    return value >= minimum or math.isclose(value, minimum, rel_tol=_NOISE, abs_tol=_NOISE)


def _share_shown(observed: float, pct: float, *, ok: bool) -> float:
    """A share to one decimal on the side of its verdict: 59.97 % short of 60 % is 59.9, never 60.0."""
    shown = round(observed, 1)
    if not ok and shown >= pct:
        return math.floor(observed * 10) / 10
    if ok and shown < pct:
        return math.ceil(observed * 10) / 10
    return shown


def _field_citations(catalog: EffectiveCatalog, item_id: str, name: str) -> tuple[Citation, ...]:
    """The clauses behind a field's value: of the step that set it (its provenance), those that state it.

    An item may cite several clauses (Ninghe's facility cites its area clause and its 60 % clause;
    the national one a briefing and 二(二)5, which leaves the standard to the provinces). A number
    is cited by the clauses whose quoted words hold it; if none does, by those quoted nowhere (the
    words are not at hand); if every clause is quoted and none holds it, by all, as nothing tells.
    """
    entry = catalog.get(item_id)
    step = entry.set_by(name) if entry is not None else None
    if step is None:
        return ()
    value = getattr(entry.item, name, None) if entry is not None else None
    if not isinstance(value, int | float) or isinstance(value, bool):
        return step.citations
    number = re.compile(rf"(?<![\d.]){re.escape(_fmt(value))}(?![\d.]*\d)")
    stating = [c for c in step.citations if c.quote and number.search(unicodedata.normalize("NFKC", c.quote))]
    unquoted = [c for c in step.citations if not c.quote]
    return tuple(stating or unquoted or step.citations)


#: The activity share's message by how it binds: 村（居）民活动区域 (Ninghe 三(二)7), a community's
#: residents being 居民 (the key then ends ``-community``).
_ACTIVITY_SHARE: dict[Strength, str] = {
    "binds": "facility-activity-share-required",
    "advises": "facility-activity-share-advised",
    "unstated": "facility-activity-share-unstated",
}


def _binding(standard: FacilityStandard) -> bool:
    """Whether a standard binds (``must``); ``should`` advises, and an empty modality does not say."""
    return standard.modality is Modality.MUST


#: An area rule: the m² it requires, the item and field that require it, how, the formula said, and every
#: (item, field) the formula names (the larger of 300 m² and 5 × 30 m²: both figures' clauses are cited).
_AreaRule = tuple[float, str, str, str, "str | Both", tuple[tuple[str, str], ...]]


def _area_rule(standards: list[FacilityStandard], households: int | None) -> _AreaRule | None:
    """Return the strictest area rule of ``standards``: (required m², item, field, how, formula, figures named)."""
    best: tuple[float, str, str, str] | None = None  # (required, item, field, how)
    for standard in standards:
        if standard.min_floor_area_m2 is not None:
            value = standard.min_floor_area_m2
            if best is None or value >= best[0]:  # on a tie, the more specific layer's rule is cited
                best = (value, standard.id, "min_floor_area_m2", f"≥ {_fmt(value)} m²")
        per100 = standard.min_area_per_100_households_m2
        if per100 is not None and households is not None:
            value = households / 100 * per100
            if best is None or value >= best[0]:
                best = (value, standard.id, "min_area_per_100_households_m2", f"{households}/100 × {_fmt(per100)} m²")
    if best is None:
        return None
    floors = [s.min_floor_area_m2 for s in standards if s.min_floor_area_m2 is not None]
    pers = [s.min_area_per_100_households_m2 for s in standards if s.min_area_per_100_households_m2 is not None]
    per_parts = [f"{households / 100:g} × {_fmt(p)}" for p in pers] if households is not None else []
    parts = list(dict.fromkeys([_fmt(v) for v in floors] + per_parts))
    if len(parts) < 2:  # one figure is said as it is
        return (*best, best[3], ((best[1], best[2]),))
    named = [(s.id, "min_floor_area_m2") for s in standards if s.min_floor_area_m2 is not None]
    if households is not None:
        named += [(s.id, "min_area_per_100_households_m2") for s in standards if s.min_area_per_100_households_m2]
    larger = "、".join(f"{p} m²" for p in parts[:-1]) + f" 与 {parts[-1]} m² 中较大者"
    return (*best, Both(larger, f"max({', '.join(parts)})"), tuple(dict.fromkeys([(best[1], best[2]), *named])))


def _area_finding(catalog: EffectiveCatalog, figures: FacilityFigures, rule: _AreaRule, of: Strength) -> Finding:
    """The floor area against the strictest rule of one strength: met, or missed as that strength says.

    It cites the clause of the figure that decides first, then those of the other figures its formula names.
    """
    required, item_id, _, _, formula, named = rule
    area, subject = figures.floor_area_m2, figures.village
    cites = tuple(dict.fromkeys(c for item, field in named for c in _field_citations(catalog, item, field)))
    figures_said = {"area": _fmt(area), "required": _fmt(required), "formula": formula}
    verdict: FindingLevel
    met = _reaches(area, required)
    if met:
        verdict, key = "pass", "facility-floor-area-met"
    elif of == "binds":
        verdict, key = "fail", "facility-floor-area-short"
    else:  # advised, or the source does not say: a shortfall is told, not failed
        verdict, key = "warn", f"facility-floor-area{suffix(of)}"
    if not met:
        figures_said["shortfall"] = _fmt(required - area)
    return Finding(
        codes.FLOOR_AREA.code if met else codes.FLOOR_AREA.missed(of),
        verdict,
        *pair(key, **figures_said),
        subject,
        rule=round(required, 6),  # 303.9, not the 303.90000000000003 of 1013/100 × 30
        observed=area,
        citations=cites,
        item=item_id,
    )


#: The strengths in the order their rules are reported: a weaker one only where it asks for more.
_STRENGTHS: tuple[Strength, ...] = ("binds", "unstated", "advises")

_Tier = TypeVar("_Tier", bound=tuple[Any, ...])


def _told(tiers: dict[Strength, _Tier], order: list[str]) -> list[tuple[Strength, _Tier]]:
    """The strictest rule of each strength, in the order they are told (each tier: figure, item, …).

    A rule that does not say how strongly it binds is told before advice, as it may bind; but where
    both ask the same figure, only the more specific layer's rule is told (``order``: the items, the
    nation's first): a county's own 「一般应达到」 is what its village is told, not a silence above it.
    """
    unstated, advised = tiers.get("unstated"), tiers.get("advises")
    if unstated is not None and advised is not None and unstated[0] == advised[0]:
        less = "unstated" if order.index(advised[1]) > order.index(unstated[1]) else "advises"
        tiers = {of: tier for of, tier in tiers.items() if of != less}
    return [(of, tiers[of]) for of in _STRENGTHS if of in tiers]


def facility_findings(catalog: EffectiveCatalog, figures: FacilityFigures) -> list[Finding]:
    """Return the findings of one facility against the standards that apply to it, each of the figures' scope.

    Every binding area rule holds at once: the floor area must reach each binding standard's
    minimum and per-100-households minimum; the strictest one decides (不符合 when missed).
    A standard that does not bind is reported as 提示 when missed, never as 不符合, where it asks
    more than every stronger one (a source that does not say how strongly it binds, modality empty:
    「……300平方米以上」, before advice): advice (``should``: 一般, 原则上) says it advises, and a
    standard of unstated strength says the source does not say. Where a rule of unstated strength
    and advice ask the same figure, the more specific layer's rule is the one told.
    """
    subject = figures.village
    standards = catalog.facilities(figures.scope)
    findings: list[Finding] = []
    stricter: _AreaRule | None = None  # the strictest rule of a stronger strength
    tiers = {
        of: _area_rule([s for s in standards if strength(s.modality) == of], figures.households) for of in _STRENGTHS
    }
    for of, tier in _told({of: t for of, t in tiers.items() if t is not None}, [s.id for s in standards]):
        if stricter is not None and tier[0] <= stricter[0]:
            continue
        # each rule that asks more than the stronger ones is told, met or missed: --all records every rule checked
        findings.append(_area_finding(catalog, figures, tier, of))
        stricter = tier
    per_households = [
        s for s in standards if s.min_area_per_100_households_m2 is not None and reported(strength(s.modality))
    ]
    if figures.households is None and per_households:  # the rule was not checked: say so, never pass silently
        # The rule named is the lowest layer's binding one (or, if none binds, the lowest layer's).
        standard = ([s for s in per_households if _binding(s)] or per_households)[-1]
        findings.append(
            Finding(
                codes.HOUSEHOLDS_NEEDED.code,
                "warn",
                *pair(
                    f"facility-households-needed{suffix(strength(standard.modality))}",
                    per100=_fmt(standard.min_area_per_100_households_m2 or 0),
                ),
                subject,
                rule=standard.min_area_per_100_households_m2,
                citations=_field_citations(catalog, standard.id, "min_area_per_100_households_m2"),
                item=standard.id,
            )
        )
    shares = [
        (s.min_activity_area_pct, s.id, strength(s.modality)) for s in standards if s.min_activity_area_pct is not None
    ]
    if shares and figures.activity_area_m2 is not None:
        findings.extend(_share_findings(catalog, figures, shares))
    if figures.function_areas is not None:
        present = frozenset().union(*map(name_forms, figures.function_areas))  # 妇女（儿童）之家 or 妇女儿童之家
        for standard in (s for s in standards if s.function_areas and reported(strength(s.modality))):
            missing = [a for a in standard.function_areas if name_forms(a).isdisjoint(present)]
            of = strength(standard.modality)
            findings.append(
                Finding(
                    codes.FUNCTION_AREAS.missed(of) if missing else codes.FUNCTION_AREAS.code,
                    level(of) if missing else "pass",
                    *(
                        pair(
                            f"facility-function-areas-missing{suffix(of)}",
                            missing=Both("、".join(missing), ", ".join(missing)),
                        )
                        if missing
                        else pair("facility-function-areas-present")
                    ),
                    subject,
                    rule=list(standard.function_areas),
                    observed=list(figures.function_areas),
                    citations=_field_citations(catalog, standard.id, "function_areas"),
                    item=standard.id,
                )
            )
    if stricter is None and not shares:
        findings.append(
            Finding(
                codes.NO_STANDARD.code,
                "warn",
                *pair("facility-no-standard"),
                subject,
            )
        )
    return judged(findings, figures.scope)


def _share_findings(
    catalog: EffectiveCatalog, figures: FacilityFigures, shares: list[tuple[float, str, Strength]]
) -> list[Finding]:
    """The activity share against each strength's strictest share that is stricter than the stronger ones'."""
    found: list[Finding] = []
    activity = figures.activity_area_m2 or 0.0
    observed = activity / figures.floor_area_m2 * 100 if figures.floor_area_m2 else 0.0
    stricter: float | None = None
    # The strictest share of each strength; on a tie, the more specific layer's (``max`` keeps the first).
    tiers = {
        of: max(reversed([s for s in shares if s[2] == of]), key=lambda s: s[0], default=None) for of in _STRENGTHS
    }
    for of, tier in _told({of: t for of, t in tiers.items() if t is not None}, [s[1] for s in shares]):
        if stricter is not None and tier[0] <= stricter:
            continue
        pct, item_id, _ = tier
        ok = _reaches(observed, pct)
        shown = _share_shown(observed, pct, ok=ok)
        met_stronger, stricter = stricter is not None, pct
        if ok and met_stronger:  # a weaker rule met is said only where no stronger one is
            continue
        met = "-met" if ok and of == "unstated" else ""  # 「未达到」 is said of a miss only
        key = _ACTIVITY_SHARE[of] + met + ("-community" if figures.scope is Scope.COMMUNITY else "")
        found.append(
            Finding(
                codes.ACTIVITY_SHARE.code if ok else codes.ACTIVITY_SHARE.missed(of),
                "pass" if ok else level(of),
                *pair(key, share=f"{shown:.1f}", pct=_fmt(pct)),
                figures.village,
                rule=pct,
                observed=shown,
                citations=_field_citations(catalog, item_id, "min_activity_area_pct"),
                item=item_id,
            )
        )
    return found


def check_facility(catalog: EffectiveCatalog, figures: Iterable[FacilityFigures]) -> CheckReport:
    """Check one or many villages' facilities; the report has one subject per village.

    Raises:
        ArgumentTypeError: if ``figures`` is not an iterable of :class:`FacilityFigures` (one alone included).
    """
    need_catalog(catalog)
    figures = need_items(figures, FacilityFigures, "argument-not-figures")
    report = CheckReport.against("facility", catalog)
    for entry in figures:
        report.findings.extend(facility_findings(catalog, entry))
    return report
