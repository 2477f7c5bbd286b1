"""Work affairs (工作事务): what a village performs, assists with, is entrusted with, or may never be given."""

from __future__ import annotations

from typing import Annotated, ClassVar

from pydantic import StrictBool, StringConstraints

from villagecat.format.registry import KindSpec
from villagecat.format.rules import ItemRules, Sticky
from villagecat.models._base import field, model_meta
from villagecat.models._item import CatalogItem, catch_all_field, id_pattern, restates_field, truncated_field
from villagecat.models.document import Name, NonEmpty
from villagecat.models.vocab import AssistActivity, DutyKind, Funding, ReportFrequency, Scope

__all__ = ["Duty", "DutyId"]

DutyId = Annotated[str, StringConstraints(pattern=id_pattern("duty"))]


class Duty(CatalogItem):
    """One work affair in a catalog (DOMAIN.md §1)."""

    model_config = model_meta(
        "工作事务",
        "Duty",
        "村级组织依法履行、协助、受委托承担或不得承担的一项工作事务。",
        "A work affair a village performs, assists with, is entrusted with, or may never be given.",
    )
    spec: ClassVar[KindSpec] = KindSpec(
        resource="duties",
        segment="duty",
        slug="duty",
        role="item",
        rules=ItemRules(sticky_when={"duty_kind": ("prohibited",)}),
    )

    id: DutyId = field(
        "标识",
        "Id",
        desc_zh="形如 <层标识>.duty.<名>。",
        desc_en="Of the form <layer>.duty.<name>.",
    )
    duty_kind: DutyKind = field(
        "事项类别",
        "Kind of duty",
        desc_zh="履职负面事项只增不减：下级层不得改变其类别。",
        desc_en="Prohibited duties may only grow: a lower layer may not change their kind.",
        rule=Sticky(values=("prohibited",)),
        change="kind",
    )
    category: NonEmpty | None = field(
        "领域",
        "Category",
        desc_zh="事项所属领域，例如 党的建设、社会治理。",
        desc_en="Field of work.",
        default=None,
    )
    applies_to: Scope | None = field(
        "适用范围",
        "Applies to",
        desc_zh="留空表示与所在层的适用范围相同。",
        desc_en="Empty means the layer's own coverage.",
        default=None,
    )
    departments: tuple[NonEmpty, ...] = field(
        "责任部门",
        "Departments",
        desc_zh="主管或提出事项的党政群机构。",
        desc_en="Departments involved.",
        default_factory=tuple,
    )
    assist_activities: tuple[AssistActivity, ...] = field(
        "协助方式",
        "Assist activities",
        desc_zh="来源列出的协助事项中村级组织做的工作，取自固定词表；来源写“等”“主要”或“原则上只”时，所列不一定是全部，备注说明。",
        desc_en="What the source lists the village as doing when assisting, from a fixed vocabulary; where the "
        "source says 等, 主要 or 原则上只, the list need not be all (the notes say so).",
        default_factory=tuple,
    )
    funding: Funding | None = field("经费保障", "Funding", default=None)
    report_frequencies: tuple[ReportFrequency, ...] = field(
        "填报频次",
        "Report frequencies",
        former=("report_frequency",),
        desc_zh="涉及报表时允许的填报频次。",
        desc_en="For forms and reports: the frequencies allowed.",
        default_factory=tuple,
    )
    truncated: StrictBool = truncated_field()
    catch_all: StrictBool = catch_all_field()
    restates: Name | None = restates_field()
