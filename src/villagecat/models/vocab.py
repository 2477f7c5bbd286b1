"""Closed vocabularies of the domain (DOMAIN.md), each value with its Chinese label."""

from __future__ import annotations

import re
from typing import ClassVar

from villagecat.models._base import Vocab

__all__ = [
    "BINDING",
    "BINDING_WORDS",
    "MODALITY_GRADES",
    "UNSTATED_BELOW",
    "UNSTATED_GRADE",
    "AlternativeHandling",
    "AssistActivity",
    "Authority",
    "CertificateStatus",
    "CharacterStandard",
    "Colour",
    "DutyKind",
    "Funding",
    "Level",
    "MechanismBasis",
    "MechanismType",
    "Modality",
    "Orientation",
    "Placement",
    "ReportFrequency",
    "Scope",
    "SignType",
]


class Authority(Vocab):
    """The level of authority of a source document."""

    __titles__ = ("文件效力层级", "Level of authority")

    LAW = "law", "法律"
    ADMINISTRATIVE_REGULATION = "administrative_regulation", "行政法规"
    STATE_COUNCIL_DECISION = "state_council_decision", "国务院决定"
    PARTY_REGULATION = "party_regulation", "党内法规"
    DEPARTMENTAL_RULE = "departmental_rule", "部门规章"
    LOCAL_REGULATION = "local_regulation", "地方性法规"
    NORMATIVE_DOCUMENT = "normative_document", "规范性文件"
    POLICY_INTERPRETATION = "policy_interpretation", "政策解读"
    NEWS_REPORT = "news_report", "新闻报道（转述文件内容，非文件本身）"


class Level(Vocab):
    """The level of government that publishes a layer."""

    __titles__ = ("层级", "Level")

    NATIONAL = "national", "国家"
    PROVINCE = "province", "省级"
    PREFECTURE = "prefecture", "市级"
    COUNTY = "county", "县级"
    TOWNSHIP = "township", "乡镇级"

    __synonyms__: ClassVar[dict[str, str]] = {
        "国家级": "national",
        "省": "province",
        "市": "prefecture",
        "县": "county",
        "区县": "county",
        "乡镇": "township",
        "街道": "township",
    }


class Scope(Vocab):
    """What an item or a layer applies to: villages, urban communities, or both."""

    __titles__ = ("适用范围", "Applies to")

    VILLAGE = "village", "村"
    COMMUNITY = "community", "社区"
    BOTH = "both", "村和社区"

    __synonyms__: ClassVar[dict[str, str]] = {
        "村（社区）": "both",
        # both places however listed, as 覆盖范围 takes them: 村、社区, 社区、村, 村|社区
        **{f"{a}{mark}{b}": "both" for a, b in (("村", "社区"), ("社区", "村")) for mark in ("、", "|", "，", ",")},
        "村级": "village",
        "城市社区": "community",
    }


#: How hard each modality binds, for the merge rule on modalities: may, then should and mainly
#: (both advise), then must.
MODALITY_GRADES = (("may", 0), ("mainly", 2), ("should", 2), ("must", 4))

#: Where a facility's or a sign's empty modality ranks: the source does not say how strongly its rule
#: binds, so it does not bind (a miss is a 提示 that says so), yet nothing says it only advises. Above
#: should (a lower layer may not soften it to 一般 or 可以), below must (making it must tightens).
UNSTATED_GRADE = 3
#: What :data:`UNSTATED_GRADE` means for a layer below, in the words of the fields it grades (Chinese, English).
UNSTATED_BELOW = (
    "下级层比较时，空值介于一般应当与必须之间：可改为必须，不得改为一般或可以。",
    "Below, an empty one ranks between should and must: a lower layer may make it must, never should or may.",
)

#: The words that make a rule ``must`` (DOMAIN.md, "How strongly a rule binds": 必须、应当、不得、一律、
#: 严禁), with their short and kindred forms, each with the characters before and after it that
#: make it no binding word: 应 (应当's short form, not in 相应、对应、适应、响应、供应、反应、
#: 不应、回应、照应、答应、呼应、感应 or 应急、应用、应对), 须 (not 无须、不须), 禁止, 不准, and
#: 坚决 (坚决杜绝、坚决取消). A bound (不低于、以上、以内) is not among them: it says how far a rule
#: reaches, not how strongly it binds. Declared once: the pattern that finds them
#: (:data:`BINDING_WORDS`), the words a clerk may write for ``must`` and the guides' lists derive from it.
BINDING: dict[str, tuple[str, str]] = {
    "必须": ("", ""),
    "应当": ("", ""),
    "应": ("相对适响供反不回照答呼感", "急用对"),
    "须": ("无不", ""),
    "不得": ("", ""),
    "一律": ("", ""),
    "严禁": ("", ""),
    "禁止": ("", ""),
    "不准": ("", ""),
    "坚决": ("", ""),
}
BINDING_WORDS = re.compile(
    "|".join(
        (f"(?<![{before}])" if before else "") + word + (f"(?![{after}])" if after else "")
        for word, (before, after) in BINDING.items()
    )
)


class Modality(Vocab):
    """How strongly the source's words bind: 必须/应当/不得 bind, 一般/原则上/为宜 advise, 为主 means mainly.

    鼓励/可以 permit or encourage and bind no one (``may``).
    A check reports a broken ``must`` as 不符合 and a broken ``should`` or ``mainly`` as 提示;
    ``may`` is never broken. An empty modality is a source that does not say how strongly its rule
    binds (no binding word: 「……60%以上」): a broken one is a 提示 that says so, never 不符合.
    """

    __titles__ = ("约束力", "Modality")

    MUST = "must", "必须（应当、不得、一律）"
    SHOULD = "should", "一般应当（一般、原则上、为宜）"
    MAINLY = "mainly", "为主"
    MAY = "may", "可以（鼓励、可）"

    __synonyms__: ClassVar[dict[str, str]] = {
        **dict.fromkeys(BINDING, "must"),  # 严禁 or 一律 written as the source words it: must
        "一般": "should",
        "原则上": "should",
        "为宜": "should",
        "鼓励": "may",
        "可以": "may",
        "可": "may",
    }


class DutyKind(Vocab):
    """The four kinds of work affairs (national 二(一)1, Ninghe 三(一))."""

    __titles__ = ("事项类别", "Kind of duty")

    PERFORMS = "performs", "依法履行职责事项"
    ASSISTS = "assists", "依法协助政府工作事项"
    ENTRUSTED = "entrusted", "委托事项"
    PROHIBITED = "prohibited", "履职负面事项"


class AssistActivity(Vocab):
    """What a village may do when it assists a department (Jilin 一(一), Ninghe 三(一)2)."""

    __titles__ = ("协助方式", "Assist activity")

    CONTACT_VILLAGERS = "contact_villagers", "联系村民"
    GUIDE_HOME_VISITS = "guide_home_visits", "引导入户"
    ORGANISE_MOBILISE = "organise_mobilise", "组织动员"
    PUBLICISE_EDUCATE = "publicise_educate", "宣传教育"
    PERSUADE = "persuade", "说服劝导"
    REPORT_FINDINGS = "report_findings", "非专业性工作的发现报告"
    COORDINATE_LIAISE = "coordinate_liaise", "协调联络"
    REFLECT_DEMANDS = "reflect_demands", "诉求反映"


class Funding(Vocab):
    """Who pays for and equips the work a village does for others."""

    __titles__ = ("经费保障方式", "Funding")

    FEE_FOLLOWS_TASK = "fee_follows_task", "费随事转（部门提供经费和工作条件）"
    COUNTY_GUARANTEE = "county_guarantee", "县级党委和政府统筹保障"
    TOWNSHIP_CONDITIONS = "township_conditions", "乡镇党委和政府提供必要工作条件"


class ReportFrequency(Vocab):
    """How often a form or report is filled in (Jilin 一(三), national 二(一)3)."""

    __titles__ = ("填报频次", "Report frequency")

    MONTHLY = "monthly", "月报"
    QUARTERLY = "quarterly", "季报"
    YEARLY = "yearly", "年报"
    EMERGENCY = "emergency", "紧急突发工作"
    WEEKLY = "weekly", "周报"
    DAILY = "daily", "日报"
    AD_HOC = "ad_hoc", "不定期"


class MechanismType(Vocab):
    """The kind of a village work mechanism (national 二(二)4: 分支机构和中心、站、所)."""

    __titles__ = ("机制类型", "Mechanism type")

    COMMITTEE = "committee", "委员会"
    CENTRE = "centre", "中心"
    STATION = "station", "站"
    OFFICE = "office", "所（室）"
    BRANCH = "branch", "分支机构"
    TEAM = "team", "服务团队（岗位）"
    OTHER = "other", "其他"


class MechanismBasis(Vocab):
    """What allows a mechanism to be set up in a village (national 二(二)4)."""

    __titles__ = ("设立依据", "Basis")

    CENTRAL = "central", "党中央、国务院明确要求"
    LAW = "law", "法律法规明确规定"
    PROVINCIAL_APPROVAL = "provincial_approval", "省级党委和政府同意"
    NONE = "none", "无依据"


class SignType(Vocab):
    """A plaque (牌子, 标牌) or a mark (标识)."""

    __titles__ = ("标牌类型", "Sign type")

    PLAQUE = "plaque", "标牌"
    MARK = "mark", "标识"


class Placement(Vocab):
    """Where a sign hangs."""

    __titles__ = ("悬挂位置", "Placement")

    OUTSIDE = "outside", "外部"
    INSIDE = "inside", "内部"

    __synonyms__: ClassVar[dict[str, str]] = {"室外": "outside", "室内": "inside"}


class Orientation(Vocab):
    """How a plaque's text runs."""

    __titles__ = ("版式", "Orientation")

    HORIZONTAL = "horizontal", "横牌"
    VERTICAL = "vertical", "竖牌"

    #: Jilin 二(七) writes 「以长条竖排为宜」.
    __synonyms__: ClassVar[dict[str, str]] = {
        "横": "horizontal",
        "横排": "horizontal",
        "竖": "vertical",
        "竖排": "vertical",
    }


class Colour(Vocab):
    """Colours of a sign's background and text."""

    __titles__ = ("颜色", "Colour")

    WHITE = "white", "白"
    RED = "red", "红"
    BLACK = "black", "黑"
    YELLOW = "yellow", "黄"
    GOLD = "gold", "金"
    BLUE = "blue", "蓝"
    GREEN = "green", "绿"

    #: 白色 as clerks write it; the sources write 白底红字.
    __synonyms__: ClassVar[dict[str, str]] = {
        "白色": "white", "红色": "red", "黑色": "black", "黄色": "yellow",
        "金色": "gold", "蓝色": "blue", "绿色": "green",
    }  # fmt: skip


class CharacterStandard(Vocab):
    """The character standard a sign's text follows (Jilin 二(七))."""

    __titles__ = ("用字规范", "Character standard")

    TONGYONG_GUIFAN = "tongyong_guifan", "通用规范汉字（国务院公布）"


class CertificateStatus(Vocab):
    """Whether a village issues a certificate (national 二(三)7-8)."""

    __titles__ = ("证明事项状态", "Certificate status")

    RETAINED = "retained", "保留"
    CANCELLED = "cancelled", "取消"
    NOT_TO_ISSUE = "not_to_issue", "不应出具"


class AlternativeHandling(Vocab):
    """How a matter is handled once a village no longer certifies it (national 二(三)7)."""

    __titles__ = ("替代办理方式", "Alternative handling")

    ONLINE_VERIFICATION = "online_verification", "网上核验"
    ACTIVE_INVESTIGATION = "active_investigation", "主动调查"
    NOTIFICATION_COMMITMENT = "notification_commitment", "告知承诺"
    INFORMATION_SHARING = "information_sharing", "部门间信息共享"
