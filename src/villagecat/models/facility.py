"""Standards of the village comprehensive service facility (村级综合服务设施)."""

from __future__ import annotations

from typing import Annotated, ClassVar

from pydantic import StringConstraints

from villagecat.format.registry import KindSpec
from villagecat.format.rules import Graded, GrowOnly, IncreaseOnly, ItemRules
from villagecat.models._base import field, model_meta
from villagecat.models._item import CatalogItem, id_pattern, restates_field
from villagecat.models.document import Name, NonEmpty
from villagecat.models.vocab import MODALITY_GRADES, UNSTATED_BELOW, UNSTATED_GRADE, Modality, Scope

__all__ = ["FacilityStandard", "FacilityStandardId"]

FacilityStandardId = Annotated[str, StringConstraints(pattern=id_pattern("facility"))]

_RISE = IncreaseOnly()


class FacilityStandard(CatalogItem):
    """Minimum sizes and functions of a village's service facility (DOMAIN.md §5).

    All area rules hold at once: a facility needs at least
    ``max(min_floor_area_m2, households / 100 * min_area_per_100_households_m2)``.
    """

    model_config = model_meta(
        "综合服务设施标准",
        "Facility standard",
        "村（社区）综合服务设施的面积下限和功能区要求；各项面积要求同时成立。",
        "Minimum areas and function areas of a village's service facility; all area rules hold at once.",
    )
    spec: ClassVar[KindSpec] = KindSpec(
        resource="facilities",
        segment="facility",
        slug="facility",
        role="item",
        rules=ItemRules(cancel_forbidden=True),
        sheet="综合服务设施标准",
    )

    id: FacilityStandardId = field(
        "标识",
        "Id",
        desc_zh="形如 <层标识>.facility.<名>。",
        desc_en="Of the form <layer>.facility.<name>.",
    )
    applies_to: Scope = field("适用范围", "Applies to")
    modality: Modality | None = field(
        "约束力",
        "Modality",
        desc_zh="来源用语的约束力：必须、应当、不得为 must，未达到为不符合；一般、原则上为 should，未达到只作提示。"
        "“不低于”“以上”只给出下限，不是约束力用语。留空表示来源未写明约束力：未达到时作提示并写明来源未说明，"
        "不判不符合。" + UNSTATED_BELOW[0],
        desc_en="How the source binds: must (必须, 应当, 不得; a miss is 不符合) or should (一般, 原则上; a miss is "
        "advisory). 不低于 and 以上 give a bound, not how it binds. Empty: the source does not say how strongly the "
        "rule binds; a miss is a note that says so, never 不符合. " + UNSTATED_BELOW[1],
        default=None,
        rule=Graded(grades=MODALITY_GRADES, empty=UNSTATED_GRADE),
    )
    min_floor_area_m2: float | None = field(
        "最小建筑面积（平方米）",
        "Minimum floor area (m²)",
        unit="m2",
        ge=0,
        default=None,
        rule=_RISE,
        change="min-floor-area",
    )
    min_area_per_100_households_m2: float | None = field(
        "每百户最小面积（平方米）",
        "Minimum area per 100 households (m²)",
        unit="m2",
        ge=0,
        default=None,
        rule=_RISE,
        change="min-area-per-households",
    )
    min_activity_area_pct: float | None = field(
        "村民活动区域最小占比（%）",
        "Minimum share of activity area (%)",
        desc_zh="村民活动区域面积占总建筑面积的最小百分比。",
        desc_en="Minimum share of the floor area for residents' activities, in percent.",
        unit="percent",
        ge=0,
        le=100,
        default=None,
        rule=_RISE,
        change="min-activity-share",
    )
    function_areas: tuple[NonEmpty, ...] = field(
        "功能区域",
        "Function areas",
        desc_zh="应设置的功能区域，例如 文体活动室。",
        desc_en="Function areas the facility should have.",
        default_factory=tuple,
        rule=GrowOnly(),
    )
    restates: Name | None = restates_field()
