"""Does a village's service facility meet every area rule of its effective catalog at once?"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from villagecat.checks._measure import check_measurement
from villagecat.checks._report import CheckReport, Finding
from villagecat.models import Scope

if TYPE_CHECKING:
    from villagecat.merging import EffectiveCatalog
    from villagecat.models import Citation

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
        """Refuse impossible figures: NaN, infinite or negative areas and counts."""
        for name in ("floor_area_m2", "households", "activity_area_m2"):
            check_measurement(name, getattr(self, name), village=self.village)

    extra: dict[str, str] = field(default_factory=dict)


def _fmt(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"


def _field_citations(catalog: EffectiveCatalog, item_id: str, name: str) -> tuple[Citation, ...]:
    entry = catalog.get(item_id)
    step = entry.set_by(name) if entry is not None else None
    return step.citations if step is not None else ()


def facility_findings(catalog: EffectiveCatalog, figures: FacilityFigures) -> list[Finding]:
    """Return the findings of one facility against the standards that apply to it.

    Every area rule holds at once: the floor area must reach each standard's minimum and
    each standard's per-100-households minimum; the strictest one decides.
    """
    subject = figures.village
    standards = catalog.facilities(figures.scope)
    findings: list[Finding] = []
    best: tuple[float, str, str, str] | None = None  # (required, item, field, how)
    for standard in standards:
        if standard.min_floor_area_m2 is not None:
            value = standard.min_floor_area_m2
            if best is None or value >= best[0]:  # on a tie, the more specific layer's rule is cited
                best = (value, standard.id, "min_floor_area_m2", f"≥ {_fmt(value)} m²")
        per100 = standard.min_area_per_100_households_m2
        if per100 is not None and figures.households is not None:
            value = figures.households / 100 * per100
            if best is None or value >= best[0]:
                best = (
                    value,
                    standard.id,
                    "min_area_per_100_households_m2",
                    f"{figures.households}/100 × {_fmt(per100)} m²",
                )
    if best is not None:
        required, item_id, name, how = best
        floors = [s.min_floor_area_m2 for s in standards if s.min_floor_area_m2 is not None]
        pers = [s.min_area_per_100_households_m2 for s in standards if s.min_area_per_100_households_m2 is not None]
        parts = list(
            dict.fromkeys(
                [_fmt(v) for v in floors]
                + (
                    [f"{figures.households / 100:g} × {_fmt(p)}" for p in pers]
                    if figures.households is not None
                    else []
                )
            )
        )
        formula = f"max({', '.join(parts)})" if len(parts) > 1 else how
        cites = _field_citations(catalog, item_id, name)
        shortfall = required - figures.floor_area_m2
        if shortfall > 0:
            findings.append(
                Finding(
                    "facility-floor-area",
                    "fail",
                    f"建筑面积 {_fmt(figures.floor_area_m2)} m²，应不少于 {_fmt(required)} m²（{formula}），"
                    f"差 {_fmt(shortfall)} m²",
                    f"floor area {_fmt(figures.floor_area_m2)} m² is below the required {_fmt(required)} m² "
                    f"({formula}) by {_fmt(shortfall)} m²",
                    subject,
                    rule=required,
                    observed=figures.floor_area_m2,
                    citations=cites,
                    item=item_id,
                )
            )
        else:
            findings.append(
                Finding(
                    "facility-floor-area",
                    "pass",
                    f"建筑面积 {_fmt(figures.floor_area_m2)} m²，达到 {_fmt(required)} m²（{formula}）",
                    f"floor area {_fmt(figures.floor_area_m2)} m² meets the required {_fmt(required)} m² ({formula})",
                    subject,
                    rule=required,
                    observed=figures.floor_area_m2,
                    citations=cites,
                    item=item_id,
                )
            )
    shares = [(s.min_activity_area_pct, s.id) for s in standards if s.min_activity_area_pct is not None]
    if shares and figures.activity_area_m2 is not None:
        pct, item_id = max(shares)
        observed = figures.activity_area_m2 / figures.floor_area_m2 * 100 if figures.floor_area_m2 else 0.0
        ok = observed >= pct - 1e-9
        findings.append(
            Finding(
                "facility-activity-share",
                "pass" if ok else "fail",
                f"村民活动区域占 {observed:.1f}%，应不低于 {_fmt(pct)}%",
                f"activity area is {observed:.1f}% of the floor area; at least {_fmt(pct)}% is required",
                subject,
                rule=pct,
                observed=round(observed, 1),
                citations=_field_citations(catalog, item_id, "min_activity_area_pct"),
                item=item_id,
            )
        )
    if figures.function_areas is not None:
        for standard in (s for s in standards if s.function_areas):
            missing = [a for a in standard.function_areas if a not in figures.function_areas]
            findings.append(
                Finding(
                    "facility-function-areas",
                    "fail" if missing else "pass",
                    f"缺少功能区域：{'、'.join(missing)}" if missing else "功能区域齐全",
                    f"missing function areas: {', '.join(missing)}" if missing else "all function areas present",
                    subject,
                    rule=list(standard.function_areas),
                    observed=list(figures.function_areas),
                    citations=_field_citations(catalog, standard.id, "function_areas"),
                    item=standard.id,
                )
            )
    if best is None and not shares:
        findings.append(
            Finding(
                "facility-no-standard",
                "warn",
                "本辖区各层未规定适用的设施面积标准",
                "no layer of this jurisdiction sets an applicable facility standard",
                subject,
            )
        )
    return findings


def check_facility(catalog: EffectiveCatalog, figures: list[FacilityFigures]) -> CheckReport:
    """Check one or many villages' facilities; the report has one subject per village."""
    report = CheckReport("facility", catalog.layer.id, catalog.layer.name_zh)
    for entry in figures:
        report.findings.extend(facility_findings(catalog, entry))
    return report
