"""Signage (牌子 / 标识): plaques and marks, outside and inside the service facility."""

from __future__ import annotations

from typing import Annotated, ClassVar

from pydantic import StrictBool, StringConstraints

from villagecat.format.registry import KindSpec
from villagecat.format.rules import DecreaseOnly, Fixed, Frozen, Graded, ItemRules, Sticky
from villagecat.models._base import MAX_COUNT, field, model_meta
from villagecat.models._item import CatalogItem, id_pattern, restates_field
from villagecat.models.document import Name, NonEmpty
from villagecat.models.vocab import (
    MODALITY_GRADES,
    UNSTATED_BELOW,
    UNSTATED_GRADE,
    CharacterStandard,
    Colour,
    Modality,
    Orientation,
    Placement,
    Scope,
    SignType,
)

__all__ = ["Sign", "SignId", "SignQuota"]

SignId = Annotated[str, StringConstraints(pattern=id_pattern("sign"))]


class Sign(CatalogItem):
    """One plaque or mark a village keeps, with its spec (DOMAIN.md §3)."""

    model_config = model_meta(
        "标牌标识",
        "Sign",
        "村级综合服务设施内外悬挂的一块标牌或一个标识及其式样。",
        "A plaque or mark on or in the village service facility, with its spec.",
    )
    spec: ClassVar[KindSpec] = KindSpec(
        resource="signs",
        segment="sign",
        slug="sign",
        role="item",
        rules=ItemRules(sticky_when={"mandatory": (True,)}),
    )

    id: SignId = field(
        "标识",
        "Id",
        desc_zh="形如 <层标识>.sign.<名>。",
        desc_en="Of the form <layer>.sign.<name>.",
    )
    # where a plaque hangs and its form are the province's (national 二(二)6): a county moves
    # none, nor turns a vertical one horizontal. Its type is not ruled: Ninghe's 一横 names as a
    # plaque the 党群服务中心 the nation calls a mark (标识), in its own source's words.
    sign_type: SignType = field("标牌类型", "Sign type")
    placement: Placement = field("悬挂位置", "Placement", rule=Fixed())
    orientation: Orientation | None = field("版式", "Orientation", default=None, rule=Fixed())
    applies_to: Scope | None = field("适用范围", "Applies to", default=None)
    organisation: NonEmpty | None = field(
        "所属组织",
        "Organisation",
        desc_zh="标牌所标示的组织或机构。",
        desc_en="The organisation it names.",
        default=None,
    )
    text_pattern: NonEmpty | None = field(
        "文字样式",
        "Text pattern",
        desc_zh="标牌文字，XX 代表村（社区）名，例如 XX村民委员会。",
        desc_en="The sign's text; XX stands for the village's name, e.g. XX村民委员会.",
        default=None,
    )
    max_width_cm: float | None = field(
        "最大宽度（厘米）",
        "Maximum width (cm)",
        unit="cm",
        gt=0,
        default=None,
        rule=DecreaseOnly(),
        change="max-width",
    )
    max_height_cm: float | None = field(
        "最大高度（厘米）",
        "Maximum height (cm)",
        unit="cm",
        gt=0,
        default=None,
        rule=DecreaseOnly(),
        change="max-height",
    )
    max_long_side_cm: float | None = field(
        "长边上限（厘米）",
        "Maximum long side (cm)",
        desc_zh="来源只给出“长×宽以内”而不分横竖时，较长一边的上限（如 200cm×30cm 的 200）。",
        desc_en="Where a source gives a size without saying which side is up, the longer side's limit.",
        unit="cm",
        gt=0,
        default=None,
        rule=DecreaseOnly(),
        change="max-long-side",
    )
    max_short_side_cm: float | None = field(
        "短边上限（厘米）",
        "Maximum short side (cm)",
        desc_zh="同上，较短一边的上限（如 200cm×30cm 的 30）。",
        desc_en="Likewise, the shorter side's limit.",
        unit="cm",
        gt=0,
        default=None,
        rule=DecreaseOnly(),
        change="max-short-side",
    )
    size_modality: Modality | None = field(
        "尺寸约束力",
        "Size modality",
        desc_zh="尺寸要求的约束力（“一般应在……以内”为 should，只作提示）；留空表示来源未写明约束力："
        "超出时作提示并写明，不判不符合。" + UNSTATED_BELOW[0],
        desc_en="How the size binds (一般应在…以内 is should: advisory); empty: the source does not say, and an "
        "oversize sign is a note that says so, never 不符合. " + UNSTATED_BELOW[1],
        default=None,
        rule=Graded(
            grades=MODALITY_GRADES,
            empty=UNSTATED_GRADE,
            governs=("max_width_cm", "max_height_cm", "max_long_side_cm", "max_short_side_cm"),
        ),
    )
    orientation_modality: Modality | None = field(
        "版式约束力",
        "Orientation modality",
        desc_zh="版式要求的约束力（“以长条竖排为宜”为 should，只作提示）；留空表示来源未写明约束力："
        "不符时作提示并写明，不判不符合。" + UNSTATED_BELOW[0],
        desc_en="How the orientation binds (以长条竖排为宜 is should: advisory); empty: the source does not say, and "
        "another orientation is a note that says so, never 不符合. " + UNSTATED_BELOW[1],
        default=None,
        rule=Graded(grades=MODALITY_GRADES, empty=UNSTATED_GRADE, governs=("orientation",)),
    )
    background_colour: Colour | None = field("底色", "Background colour", default=None, rule=Fixed())
    text_colour: Colour | None = field("字色", "Text colour", default=None, rule=Fixed())
    colour_modality: Modality | None = field(
        "颜色约束力",
        "Colour modality",
        desc_zh="底色、字色要求的约束力；留空表示来源未写明约束力（如吉林“村党组织标牌用白底红字”）："
        "不符时作提示并写明，不判不符合。" + UNSTATED_BELOW[0],
        desc_en="How the colours bind; empty: the source does not say (as Jilin's 村党组织标牌用白底红字), and other "
        "colours are a note that says so, never 不符合. " + UNSTATED_BELOW[1],
        default=None,
        rule=Graded(grades=MODALITY_GRADES, empty=UNSTATED_GRADE, governs=("background_colour", "text_colour")),
    )
    character_standard: CharacterStandard | None = field("用字规范", "Character standard", default=None, rule=Fixed())
    precedence: int | None = field(
        "悬挂次序",
        "Order of precedence",
        desc_zh="依主次悬挂的次序，1 为首。",
        desc_en="Order of precedence when hung, 1 first.",
        ge=1,
        le=MAX_COUNT,
        default=None,
    )
    # listed, not how strongly: 「一般在……悬挂」 lists a sign as advice, and its modality says so
    mandatory: StrictBool = field(
        "列入悬挂",
        "Listed to hang",
        desc_zh="目录是否将该标牌列为悬挂的标牌；列入后下级不得取消。悬挂要求的约束力（必须、一般应当或来源未写明）"
        "见“悬挂约束力”。",
        desc_en="Whether the catalog lists the sign as one to hang; once listed, lower layers may not remove it. How "
        "strongly it is to hang (must, should, or unstated by the source) is its modality of hanging.",
        default=False,
        rule=Sticky(values=(True,)),
        former_titles=("必须悬挂",),
    )
    modality: Modality | None = field(
        "悬挂约束力",
        "Modality of hanging",
        desc_zh="悬挂要求的约束力：必须、应当为 must，缺少时不符合；“一般在……悬挂”为 should，缺少时只作提示；"
        "留空表示来源未写明约束力：缺少时作提示并写明，不判不符合。" + UNSTATED_BELOW[0],
        desc_en="How the requirement to hang binds: must (a missing sign is 不符合); 一般在…悬挂 is should (a "
        "missing sign is advisory); empty: the source does not say, and a missing sign is a note that says so. "
        + UNSTATED_BELOW[1],
        default=None,
        rule=Graded(grades=MODALITY_GRADES, empty=UNSTATED_GRADE),
    )
    restates: Name | None = restates_field()


class SignQuota(CatalogItem):
    """How many signs of one kind a village keeps in one place (一横四竖两标识; 4/2/9).

    A quota counts the signs of one type (and orientation, if given) in one
    placement. ``exact`` says whether the count is the whole set, nothing else
    allowed ("原则上不得悬挂其他标牌"), or only a ceiling.
    """

    model_config = model_meta(
        "标牌数量",
        "Sign quota",
        "某一位置某类标牌或标识的数量规定。",
        "The number of signs of one kind allowed in one place.",
    )
    spec: ClassVar[KindSpec] = KindSpec(
        resource="sign_quotas",
        segment="quota",
        slug="sign-quota",
        role="item",
        rules=ItemRules(cancel_forbidden=True),
    )

    id: Annotated[str, StringConstraints(pattern=id_pattern("quota"))] = field(
        "标识", "Id", desc_zh="形如 <层标识>.quota.<名>。", desc_en="Of the form <layer>.quota.<name>."
    )
    sign_type: SignType = field("标牌类型", "Sign type", rule=Frozen())
    placement: Placement = field("悬挂位置", "Placement", rule=Frozen())
    orientation: Orientation | None = field("版式", "Orientation", default=None, rule=Frozen())
    applies_to: Scope | None = field("适用范围", "Applies to", default=None)
    max_count: int = field(
        "数量上限", "Maximum count", ge=0, le=MAX_COUNT, unit="count", rule=DecreaseOnly(), change="max-count"
    )
    exact: StrictBool = field(
        "限定全集",
        "Closed set",
        desc_zh="为是时，除目录列出的标牌外不得悬挂其他标牌；只有来源列出了全部名称时才可为是，只给数量的是上限。",
        desc_en="When true, no other signs of this kind may hang in this place; only where the source names "
        "them all (a count without names is a ceiling).",
        default=False,
        rule=Sticky(values=(True,)),
    )
    modality: Modality | None = field(
        "约束力",
        "Modality",
        desc_zh="数量与限定全集的约束力：“原则上不得悬挂其他标牌”为 should，多出或未列的标牌只作提示；留空表示来源"
        "未写明约束力（如只陈述数量）：多出或未列的标牌作提示并写明，不判不符合。" + UNSTATED_BELOW[0],
        desc_en="How the count and the closed set bind: 原则上不得悬挂其他标牌 is should (an extra or unlisted "
        "sign is advisory); empty: the source does not say (a count stated as an outcome), and an extra or unlisted "
        "sign is a note that says so. " + UNSTATED_BELOW[1],
        default=None,
        rule=Graded(grades=MODALITY_GRADES, empty=UNSTATED_GRADE),
    )
    restates: Name | None = restates_field()
