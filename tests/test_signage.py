"""The signage check: a compliant village never fails, and no verdict says more than its source."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

import villagecat
from conftest import invoke
from villagecat.checks import ActualSign, audit, check_signage, read_ledger, read_signs
from villagecat.checks.signage import signage_findings
from villagecat.models import Colour, Orientation, Placement, Scope, SignType

if TYPE_CHECKING:
    from pathlib import Path

#: 田家庵区's village: the four plaques and the two marks of national 二(二)6, 五(一)'s 4 and 2.
_QUANSHAN = [
    "村名,名称,位置,类型,版式",
    "泉山村,中共泉山村支部委员会,外部,标牌,竖牌",
    "泉山村,泉山村民委员会,外部,标牌,竖牌",
    "泉山村,泉山村股份经济合作社,外部,标牌,竖牌",
    "泉山村,泉山村务监督委员会,外部,标牌,竖牌",
]


def _levels(report: villagecat.checks.CheckReport) -> list[tuple[str, str]]:
    """What the report finds wrong or notes (a listed sign hung is recorded as met: not among them)."""
    return sorted((f.level, f.code) for f in report.findings if f.level != "pass")


def _signs(tmp_path: Path, *rows: str, name: str = "signs.csv") -> list[ActualSign]:
    path = tmp_path / name
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return read_signs(path)


def test_a_sign_of_the_catalog_counts_as_the_type_the_catalog_gives_it(tmp_path: Path) -> None:
    """党群服务中心 with its type cell empty, or written as a 横牌 plaque, was counted a fifth and sixth plaque.

    National 二(二)6 calls the 党群服务中心 and the 新时代文明实践站 marks (标识); Tianjia'an 五(一)
    keeps 4 plaques and 2 marks: the village hangs exactly those.
    """
    catalog = villagecat.resolve("340403")
    empty = _signs(tmp_path, *_QUANSHAN, "泉山村,泉山村党群服务中心,外部,,", "泉山村,泉山村新时代文明实践站,外部,,")
    assert empty[-1].sign_type is None  # an empty cell is not silently 标牌
    assert _levels(check_signage(catalog, empty)) == []
    plaque = _signs(
        tmp_path, *_QUANSHAN, "泉山村,泉山村党群服务中心,外部,标牌,横牌", "泉山村,泉山村新时代文明实践站,外部,标识,"
    )
    assert _levels(check_signage(catalog, plaque)) == []
    # Ninghe's 一横 re-types the 党群服务中心 as a plaque: its quota of one horizontal plaque counts it
    ninghe = [ActualSign("榆树村党群服务中心", Placement.OUTSIDE, village="榆树村")]
    findings = [f for f in check_signage(villagecat.resolve("120117"), ninghe).findings if f.level != "pass"]
    assert not [f for f in findings if f.item == "cn.sign.party-service-centre" or "count" in f.code], findings


def test_an_unlisted_sign_of_unknown_type_leaves_the_count_open_and_says_so(tmp_path: Path) -> None:
    """A fifth outside sign with no type is neither counted as a plaque (不符合) nor passed over in silence."""
    catalog = villagecat.resolve("340403")
    signs = _signs(tmp_path, *_QUANSHAN, "泉山村,泉山村老年人协会,外部,,")
    findings = check_signage(catalog, signs).findings
    assert not [f for f in findings if f.level == "fail"], findings
    (plaques,) = [
        f for f in findings if f.code == "signage-count-unknown-type" and f.item == "340403.quota.outside-plaques"
    ]
    assert plaques.level == "warn"
    assert "另有 1 个未填写标牌类型（标牌或标识）：“泉山村老年人协会”" in plaques.message_zh
    assert "数量核对未能完成" in plaques.message_zh
    # written as a plaque (or as a 竖牌, which is a plaque), it is the fifth: over the count (提示, as the
    # source states the count without a binding word: it does not say how strongly the count binds)
    for row in ("泉山村,泉山村老年人协会,外部,标牌,", "泉山村,泉山村老年人协会,外部,,竖牌"):
        fifth = _signs(tmp_path, *_QUANSHAN, row)
        assert ("warn", "signage-count-unstated") in _levels(check_signage(catalog, fifth))


def test_the_inside_service_guide_is_a_mark_not_a_tenth_inside_plaque(tmp_path: Path) -> None:
    """集合式服务功能指引标识 (national 二(二)6, a mark) with no type was counted among the 9 inside plaques."""
    rows = [*_QUANSHAN, *(f"泉山村,功能室{n},内部,标牌," for n in range(9)), "泉山村,集合式服务功能指引标识,内部,,"]
    report = check_signage(villagecat.resolve("340403"), _signs(tmp_path, *rows))
    assert not [f for f in report.findings if f.level == "fail"], report.findings
    assert not [f for f in report.findings if f.code == "signage-count-unknown-type"], report.findings


def test_a_village_only_quota_is_no_community_s(tmp_path: Path) -> None:
    """「规范挂牌后,村级组织共保留办公场所外部标牌4个」 judged a community's five plaques 不符合.

    Tianjia'an's layer covers villages only: its quotas, which do not say whom they apply to,
    apply to villages, as the layer does.
    """
    catalog = villagecat.resolve("340403")
    assert len(catalog.sign_quotas(Scope.VILLAGE)) == 3
    assert catalog.sign_quotas(Scope.COMMUNITY) == []
    assert len(villagecat.resolve("120117").sign_quotas(Scope.COMMUNITY)) == 3  # Ninghe covers communities
    rows = ["村（社区）,名称,位置,类型,版式"]
    rows += [
        f"舜耕社区,{text},外部,标牌,竖牌"
        for text in ("中共舜耕社区委员会", "舜耕社区居民委员会", "舜耕社区居务监督委员会", "舜耕社区工作站")
    ]
    rows += ["舜耕社区,舜耕社区股份经济合作社,外部,标牌,竖牌", "舜耕社区,舜耕社区党群服务中心,外部,标识,"]
    path = tmp_path / "community.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    result = invoke("check", "signage", str(path), "-j", "340403", "--scope", "社区", "--format", "json")
    assert result.code == 0, result.out
    assert "signage-count" not in result.out


def test_a_community_s_signs_are_not_called_departmental_where_none_are_listed(tmp_path: Path) -> None:
    """Each of a Shangdang community's own plaques got 请核实是否属于对口挂牌: 7 notes for a compliant community.

    The catalog lists no sign of communities there: an unlisted sign is no evidence, and one
    note says the signs could not be checked.
    """
    signs = _signs(
        tmp_path,
        "村（社区）,村或社区,名称,位置,类型,版式",
        *(
            f"光明社区,社区,{text}"
            for text in (
                "光明社区党群服务中心,外部,标牌,横牌",
                "中共光明社区委员会,外部,标牌,竖牌",
                "光明社区居民委员会,外部,标牌,竖牌",
                "光明社区新时代文明实践站,外部,标识,",
            )
        ),
    )
    findings = check_signage(villagecat.resolve("140404"), signs).findings
    assert [f.code for f in findings] == ["signage-none-listed"]
    assert findings[0].level == "warn"
    assert (
        findings[0].message_zh == "本辖区指导目录未列出社区的标牌标识，4 块外部标牌标识无从核对，不据此认定为对口挂牌"
    )
    assert "村级组织" not in findings[0].message_zh
    village = [ActualSign("东棘坨村警务室", Placement.OUTSIDE, SignType.MARK, village="东棘坨村")]
    asked = [f.code for f in check_signage(villagecat.resolve("140404"), village).findings]
    assert "signage-unlisted" in asked  # against the villages' list, an unlisted sign is still asked about


def test_a_character_of_the_standard_table_is_never_a_failure() -> None:
    """甯家村's four plaques got 不符合: 使用了非通用规范汉字（繁体字）：甯.

    甯 is standard character 7442 of the 通用规范汉字表; its 附件1 lists it as a variant of 宁,
    standard for surnames and given names: a place named after the family is for a person to
    judge (提示). 畬 (7398) is standard without condition; 國 is not in the table.
    """
    pytest.importorskip("hanzidentifier")
    catalog = villagecat.resolve("220000")

    def plaque(text: str) -> ActualSign:
        return ActualSign(text, Placement.OUTSIDE, SignType.PLAQUE, Orientation.VERTICAL, 30, 200, Colour.WHITE)

    findings = check_signage(catalog, [plaque("甯家村民委员会")]).findings
    (noted,) = [f for f in findings if f.code.startswith("signage-characters")]
    assert (noted.code, noted.level, noted.observed) == ("signage-characters-noted", "warn", "甯")
    assert "“甯”是《通用规范汉字表》所收规范字（7442），但表的附件1 又将它列为“宁”的异体字" in noted.message_zh
    for text in ("陞家村民委员会", "甦家村民委员会"):  # CC-CEDICT calls them traditional-only too
        assert [f.level for f in check_signage(catalog, [plaque(text)]).findings if "characters" in f.code] == ["warn"]
    standard = check_signage(catalog, [plaque("畬家村民委员会")]).findings
    assert not [f for f in standard if "characters" in f.code]
    traditional = check_signage(catalog, [plaque("國家村民委员会")]).findings
    assert [(f.level, f.observed) for f in traditional if "characters" in f.code] == [("fail", ["國"])]


def test_the_words_clerks_write_for_orientation_and_colour_are_read(tmp_path: Path) -> None:
    """竖排 (Jilin's own 「以长条竖排为宜」), 横排, 白色, 红色 were refused as not one of 竖牌、横牌 / 白、红…."""
    path = tmp_path / "words.csv"
    path.write_text(
        "村名,名称,位置,类型,版式,底色,字色\n"
        "和平村,中共和平村支部委员会,外部,标牌,竖排,白色,红色\n"
        "和平村,和平村党群服务中心,外部,标牌,横排,白色,黑色\n",
        encoding="utf-8",
    )
    party, centre = read_signs(path)
    assert (party.orientation, party.background_colour, party.text_colour) == (
        Orientation.VERTICAL,
        Colour.WHITE,
        Colour.RED,
    )
    assert (centre.orientation, centre.text_colour) == (Orientation.HORIZONTAL, Colour.BLACK)
    assert Orientation.from_text("竖排") is Orientation.VERTICAL  # the vocabulary's, not the check's
    assert invoke("check", "signage", str(path), "-j", "220000").code == 0


def test_a_colour_finding_cites_the_clause_that_set_the_colour(tmp_path: Path) -> None:
    """白底红字 failed citing national 二(二)6, which says nothing about colours, beside Jilin 二(七)."""
    sign = ActualSign("中共甲村支部委员会", Placement.OUTSIDE, text_colour=Colour.BLACK, village="甲村")
    findings = check_signage(villagecat.resolve("220000"), [sign]).findings
    (colour,) = [f for f in findings if f.code == "signage-colour-unstated"]
    assert [(c.document, c.section) for c in colour.citations] == [("220000.document.measures", "二(七)")]
    missing = [f for f in findings if f.code == "signage-missing-advised"]  # 「一般在…悬挂」 is national 二(二)6's
    assert missing
    assert {c.document for f in missing for c in f.citations} == {"cn.document.tingzi-2022-28"}
    ledger = tmp_path / "jilin.csv"
    ledger.write_text("村名,类别,名称,位置,底色,字色\n甲村,标牌,中共甲村支部委员会,外部,白,黑\n", encoding="utf-8")
    (audited,) = [
        f
        for f in audit(villagecat.resolve("220000"), read_ledger(ledger)).findings
        if f.code == "signage-colour-unstated"
    ]
    assert [c.document for c in audited.citations] == ["220000.document.measures"]


def test_a_community_s_activity_area_is_its_residents() -> None:
    """A Ninghe community's facility was told 村民活动区域占 40.0%: its residents are 居民 (村（居）民活动区域)."""
    figures = villagecat.checks.FacilityFigures(500, 1500, 200, scope=Scope.COMMUNITY)
    report = villagecat.checks.check_facility(villagecat.resolve("120117"), [figures])
    (share,) = [f for f in report.findings if f.code == "facility-activity-share-unstated"]
    assert share.message_zh == "居民活动区域占 40.0%，未达到来源所载的 60%（来源未写明约束力）"


@pytest.mark.parametrize("text", ["村（社区）党群服务中心", "村党群服务中心", "村(社区)党群服务中心"])
def test_a_plaque_written_in_the_sources_words_of_its_organisation_is_that_plaque(text: str) -> None:
    """Ninghe's 一横 is 「XX村（社区）党群服务中心」: a plaque recorded in those words was told twice, as a plaque not
    among the signs and as the 党群服务中心 plaque missing."""
    plaque = ActualSign(text, Placement.OUTSIDE, SignType.PLAQUE, Orientation.HORIZONTAL, village="甲村")
    report = check_signage(villagecat.resolve("120117"), [plaque])
    said = {f.code for f in report.findings}
    assert not {c for c in said if c.startswith("signage-not-allowed")}, said
    missing = [f for f in report.findings if f.code.startswith("signage-missing")]
    assert "cn.sign.party-service-centre" not in {f.item for f in missing}


def test_a_listed_plaque_hung_is_recorded_as_met() -> None:
    """`check signage --all` (同时列出符合的项目) listed nothing for the listed plaques a village hangs."""
    plaque = ActualSign(
        "东棘坨村党群服务中心", Placement.OUTSIDE, SignType.PLAQUE, Orientation.HORIZONTAL, village="东棘坨村"
    )
    report = check_signage(villagecat.resolve("120117"), [plaque])
    (met,) = [f for f in report.findings if f.level == "pass" and f.code == "signage-present"]
    assert met.item == "cn.sign.party-service-centre"
    assert met.message_zh == "已悬挂目录所列的村（社区）党群服务中心标牌（一横）"


def test_a_village_only_yiban_is_no_community_s_word(tmp_path: Path) -> None:
    """A Ninghe community was told 未悬挂……新时代文明实践站标识（来源用语为“一般”）, citing national 二(二)6
    「一般在村级综合服务设施外部……悬挂」: that 一般 is the nation's for villages. Ninghe 三(二)8 lists the
    station among a 村（社区）'s two marks without a binding word: for the community a 提示 that says so, citing it.
    A village keeps the nation's 一般.
    """
    catalog = villagecat.resolve("120117")
    rows = ["名称,位置,标牌类型,版式,所属组织", "光明社区党群服务中心,外部,标牌,横牌,"]
    community = _signs(tmp_path, *rows, name="community.csv")
    findings = signage_findings(catalog, community, "光明社区", Scope.COMMUNITY)
    station = [f for f in findings if f.item == "cn.sign.civilisation-practice-station"]
    assert [(f.level, f.code) for f in station] == [("warn", "signage-missing-unstated")]
    assert station[0].message_zh == "未悬挂目录所列的村（社区）新时代文明实践站标识（来源未写明约束力）"
    assert {(c.document, c.section) for c in station[0].citations} == {("120117.document.work-plan", "三(二)8")}
    centre = [f for f in findings if f.item == "cn.sign.party-service-centre"]
    assert [f.level for f in centre] == ["pass"]
    assert "cn.document.tingzi-2022-28" not in {c.document for c in centre[0].citations}
    village = check_signage(catalog, _signs(tmp_path, "名称,位置,标牌类型,版式", "甲村党群服务中心,外部,标牌,横牌"))
    station = [f for f in village.findings if f.item == "cn.sign.civilisation-practice-station"]
    assert [(f.level, f.code) for f in station] == [("warn", "signage-missing-advised")]
    assert "cn.document.tingzi-2022-28" in {c.document for c in station[0].citations}
