"""Rules that bind departments rather than villages (减负措施), and deadlines (时间节点).

Much of what the sources say binds the 党政群机构 — the departments that hand work to
villages — not the villages themselves: 「未经县级党委和政府统一部署，党政群机构不得要求村级组织
填报表格、提供材料」. An :class:`Obligation` holds one such rule: who is bound, what is
forbidden or required, under what condition and with which exceptions, and how strongly.
A :class:`Milestone` holds one date a source sets: what is to be done, by whom, by when.
"""

from __future__ import annotations

from typing import Annotated, ClassVar

from pydantic import StrictBool, StringConstraints

from villagecat.format.registry import KindSpec
from villagecat.format.rules import EarlierOnly, Fixed, Graded, GrowOnly, ItemRules, Qualifier
from villagecat.models._base import DateText, field, model_meta
from villagecat.models._item import CatalogItem, catch_all_field, id_pattern, restates_field, truncated_field
from villagecat.models.document import Name, NonEmpty
from villagecat.models.vocab import MODALITY_GRADES, Modality, Scope

__all__ = ["Milestone", "Obligation"]

#: A condition or exceptions narrow where a rule holds: never given to a requirement that had none.
_QUALIFIER = Qualifier(of="modality", permits=(Modality.MAY.value,))


class Obligation(CatalogItem):
    """One rule on departments (减负措施): who is bound, what, under what condition, how strongly."""

    model_config = model_meta(
        "减负措施",
        "Obligation",
        "约束党政群机构等部门（而非村级组织）的规定：谁受约束、不得或应当做什么、在什么条件下、有何例外。",
        "A rule binding departments rather than villages: who, what is forbidden or required, "
        "under what condition, with which exceptions.",
    )
    spec: ClassVar[KindSpec] = KindSpec(
        resource="obligations",
        segment="obligation",
        slug="obligation",
        role="item",
        rules=ItemRules(cancel_forbidden=True),
    )

    id: Annotated[str, StringConstraints(pattern=id_pattern("obligation"))] = field(
        "标识", "Id", desc_zh="形如 <层标识>.obligation.<名>。", desc_en="Of the form <layer>.obligation.<name>."
    )
    bound: tuple[NonEmpty, ...] = field(
        "受约束者",
        "Bound",
        desc_zh="来源所说受约束的机构，原文照录，如 党政群机构、县级党委和政府；来源未写明时留空。",
        desc_en="Who the source binds, in its words, e.g. 党政群机构; empty where the source does not say.",
        default_factory=tuple,
        rule=GrowOnly(),
    )
    forbidden: StrictBool = field(
        "禁止性",
        "Forbidden",
        desc_zh="为是时规定“不得”做某事；为否时规定“应当”做某事。",
        desc_en="True: the rule forbids (不得); false: it requires (应当).",
        default=True,
        rule=Fixed(),
    )
    modality: Modality | None = field(
        "约束力",
        "Modality",
        desc_zh="来源用语的约束力：不得、一律、须、坚决杜绝为 must；原则上、一般为 should；可以为 may；"
        "来源未用约束力用语（如“要……”）或原文不全时留空。下级层比较时，空值视为一般应当："
        "可改为必须，不得改为可以。",
        desc_en="How the source binds: 不得/一律/须 are must; 原则上/一般 are should; 可以 is may; empty where "
        "the source uses no such word (要……) or the words are not visible (a truncated entry). Below, an empty "
        "one ranks as should: a lower layer may make it must, never may.",
        default=None,
        # A directive of unstated strength is no permission: made 可以 below, then given a condition as a
        # permission may be, it would be loosened twice unrefused.
        rule=Graded(grades=MODALITY_GRADES, empty="should"),
    )
    condition: NonEmpty | None = field(
        "条件",
        "Condition",
        desc_zh="规则成立的条件，原文照录，如 未经县级党委和政府统一部署；无条件时留空。",
        desc_en="When the rule holds, in the source's words; empty when unconditional.",
        default=None,
        rule=_QUALIFIER,
    )
    exceptions: NonEmpty | None = field(
        "例外",
        "Exceptions",
        desc_zh="来源写明的例外，如 党中央、国务院明确要求或者法律法规明确规定的除外。",
        desc_en="The exceptions the source states.",
        default=None,
        rule=_QUALIFIER,
    )
    tasks: tuple[NonEmpty, ...] = field(
        "涉及事项",
        "Tasks",
        desc_zh="规则所管的事项，取来源用词，如 填报表格、提供材料；准入查询按整项匹配。",
        desc_en="What the rule governs, in the source's words; admission matches whole entries.",
        default_factory=tuple,
        rule=GrowOnly(),
    )
    applies_to: Scope | None = field("适用范围", "Applies to", default=None)
    truncated: StrictBool = truncated_field()
    catch_all: StrictBool = catch_all_field()
    restates: Name | None = restates_field()


class Milestone(CatalogItem):
    """One deadline a source sets (时间节点): what, by whom, by when."""

    model_config = model_meta(
        "时间节点",
        "Milestone",
        "来源规定的一个完成时限：做什么、由谁做、何时前完成。",
        "A deadline a source sets: what, by whom, by when.",
    )
    spec: ClassVar[KindSpec] = KindSpec(
        resource="milestones",
        segment="milestone",
        slug="milestone",
        role="item",
        rules=ItemRules(cancel_forbidden=True, binding=True),  # a deadline is a rule: it stays, for every place
    )

    id: Annotated[str, StringConstraints(pattern=id_pattern("milestone"))] = field(
        "标识", "Id", desc_zh="形如 <层标识>.milestone.<名>。", desc_en="Of the form <layer>.milestone.<name>."
    )
    due: DateText = field(
        "截止日期",
        "Due",
        desc_zh="来源给出的最晚日期，精确到来源所给（2023-08-10、2023-05 或 2024）；“5月底前”记为 2023-05。",
        desc_en="The latest date, as precise as the source gives it; 5月底前 is 2023-05.",
        rule=EarlierOnly(),
    )
    due_text: NonEmpty = field(
        "时限原文",
        "Due, as written",
        desc_zh="来源对时限的原话，如 2023 年 8 月 10 日前、2024年上半年。",
        desc_en="The source's own words for the deadline.",
    )
    bound: tuple[NonEmpty, ...] = field(
        "责任主体",
        "Who",
        desc_zh="来源写明的承办者，原文照录；未写明时留空。",
        desc_en="Who is to do it, in the source's words; empty where the source does not say.",
        default_factory=tuple,
        rule=GrowOnly(),
    )
    applies_to: Scope | None = field("适用范围", "Applies to", default=None)
    restates: Name | None = restates_field()
