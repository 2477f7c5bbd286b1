"""The shipped data holds the whole of what five sentences say (issue: source fidelity, third audit).

Each test names the source's words and asserts on the shipped data (or a check on it), never on a version.
"""

from __future__ import annotations

import villagecat
from villagecat.checks.facility import FacilityFigures, check_facility
from villagecat.models import Modality, Obligation, Scope, Sign
from villagecat.registry import shipped_registry


def _item(package: str, item_id: str) -> object:
    layer = shipped_registry().find(package)
    return next(item for _, item in layer.iter_items() if getattr(item, "id", None) == item_id)


def _quotes(item: object) -> str:
    return "".join(c.quote or "" for c in getattr(item, "citations", ()))


def _holding(package: str, words: str) -> list[Obligation]:
    """The obligations of ``package`` whose own quotes hold ``words``."""
    return [o for o in shipped_registry().find(package).obligations if words in _quotes(o)]


def test_the_ndrc_planning_target_says_no_grade() -> None:
    """The NDRC briefing asked localities to plan at no less than 30 m² per 100 households: no 一般, 原则上 or 应当.

    It was graded should with a note 「按一般应当（should）记录」 that no source says.
    """
    facility = _item("cn", "cn.facility.community-service-facility")
    assert getattr(facility, "modality", "?") is None
    notes = getattr(facility, "notes", "") or ""
    assert "should" not in notes
    assert "按一般应当" not in notes
    assert "来源未写明" in notes


def test_a_jilin_village_short_of_30_m2_per_hundred_households_is_told_jilins_own_advice() -> None:
    """Jilin's 「面积一般应达到200平方米且每百户……不低于30平方米」 is told, citing Jilin, not the nation's
    unstated target of the same figure."""
    report = check_facility(villagecat.resolve("220000"), [FacilityFigures(250, 900)])
    floor = [f for f in report.findings if f.code.startswith("facility-floor-area") and f.level != "pass"]
    assert floor
    assert (floor[0].code, floor[0].level, floor[0].item) == (
        "facility-floor-area-advised",
        "warn",
        "220000.facility.village",
    )


def test_the_county_securing_working_conditions_is_an_item() -> None:
    """二(二)4 「……承担相应职责的必要工作条件由县级党委和政府统筹予以保障。」 was only in a note: its bound is
    县级党委和政府, its 由……统筹予以保障 no binding word."""
    (rule,) = [o for o in _holding("cn", "统筹予以保障") if "县级党委和政府" in o.bound]
    assert rule.bound == ("县级党委和政府",)
    assert (rule.forbidden, rule.modality) == (False, None)
    assert rule.condition
    assert rule.condition in _quotes(rule)


def test_the_national_purchase_and_service_rules_carry_their_whole_condition() -> None:
    """二(一)2 「……在征求村级组织意见基础上,由县乡级政府依法购买服务」 and 二(二)5 「以村民群众为对象、村级组织
    能够承接的公共服务事项,原则上全部在综合服务设施中提供」: each lacked one of its qualifiers."""
    purchase = _item("cn", "cn.obligation.purchase-public-services")
    services = _item("cn", "cn.obligation.services-in-facility")
    # the consultation is how the purchase is made (the rule's own act, in its name), not when the rule holds:
    # as a condition it read as narrowing the rule to purchases made after consulting
    assert getattr(purchase, "condition", None) == "属于政府职责范围且适合通过市场化方式提供的村级公共服务事项"
    assert "在征求村级组织意见基础上" in getattr(purchase, "name", "")
    assert "以村民群众为对象" in (getattr(services, "condition", None) or "")
    assert getattr(services, "modality", None) == Modality.SHOULD
    for rule in (purchase, services):
        for part in (getattr(rule, "condition", None) or "").split("，"):
            assert part in _quotes(rule), (getattr(rule, "id", ""), part)


def test_jilins_entrusting_departments_must_consider_what_villages_can_take_on() -> None:
    """一(一) 「党政群机构委托村级组织开展的工作事务，应充分考虑村级组织承接能力……」: 应 binds (must)."""
    (rule,) = _holding("220000", "应充分考虑村级组织承接能力")
    assert (rule.bound, rule.forbidden, rule.modality) == (("党政群机构",), False, Modality.MUST)
    assert "承接能力" in rule.name


def test_jilins_departments_provide_the_template_of_a_retained_certificate() -> None:
    """三(十) 「列入保留清单的证明事项，由相关党政群机构提供出具证明的具体式样、办理程序和操作规范……」: its bound
    is named, 由……提供 is no binding word."""
    (rule,) = _holding("220000", "具体式样")
    assert (rule.bound, rule.forbidden, rule.modality) == (("相关党政群机构",), False, None)
    assert rule.condition == "列入保留清单的证明事项"


def test_ninghes_inside_signs_hold_for_villages_and_communities_with_no_grade() -> None:
    """三(二)8 「村（社区）党群服务中心根据实际情况确定内部挂牌，在入口醒目位置设置集成式服务功能指引标牌，在综合服务
    大厅悬挂综合服务机构标牌……」: no 一般, so the nation's 一般 stands for villages, and is not carried to communities.

    Ninghe 1.11.0–1.13.0 emptied the strength for both, which took the nation's word from villages too.
    """
    from villagecat.checks.signage import sign_modality  # noqa: PLC0415

    catalog = villagecat.resolve("120117")
    for name in ("综合服务机构标牌", "集成式服务功能指引标牌"):
        (entry,) = catalog.find(name, "signs")
        sign = entry.item
        assert getattr(sign, "applies_to", None) == Scope.BOTH, name
        assert getattr(sign, "modality", "?") is Modality.SHOULD, name
        assert isinstance(sign, Sign)
        assert sign_modality(catalog, sign, Scope.COMMUNITY)[0] is None, name
