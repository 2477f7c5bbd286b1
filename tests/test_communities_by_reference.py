"""A rule the sources word for villages reaches an urban community by reference (national 三), and says so.

National 三 (last paragraph): 「规范城市社区组织工作事务、机制牌子和证明事项相关工作，参照本意见精神执行。」
Every such finding says it applies 参照 and cites national 三 besides the rule's own clause. The clause
states no binding force for a community (the data leaves its modality empty: 不是逐条适用), so a rule
that binds villages (不得, 应当) is a 提示 for a community, never 不符合; a hedge stays a hedge. A rule a layer
states for communities itself (村（社区）, Ninghe) is the community's own: its strength stands, no note.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest

import villagecat
from villagecat.checks import (
    CertificateRefusedError,
    Ledger,
    NoTemplateError,
    admit,
    audit,
    read_ledger,
    render_certificate,
)
from villagecat.checks.ledger import VillageLedger
from villagecat.errors import UnknownItemError
from villagecat.models import Obligation, Scope

if TYPE_CHECKING:
    from pathlib import Path

    from villagecat.checks import Finding

REFERENCE = "城市社区参照执行"
ADVISORY = "未写明对社区的约束力，只作提示"


def _national_three(finding: Finding) -> bool:
    return any(c.document == "cn.document.tingzi-2022-28" and c.section == "三" for c in finding.citations)


def _said_by_reference(finding: Finding) -> bool:
    return REFERENCE in finding.message_zh and "by reference" in finding.message_en and _national_three(finding)


def test_a_prohibited_duty_named_as_written_reaches_a_community_by_reference() -> None:
    """`admit 作为拆迁拆违事务的责任主体 --scope 社区 -j 220000`: 不得交由社区组织承担, on 「不得将村级组织……」."""
    (finding,) = admit(villagecat.resolve("220000"), ["作为拆迁拆违事务的责任主体"], Scope.COMMUNITY).findings
    assert finding.level == "warn"  # 不得 binds villages; a community follows it in spirit: a note
    assert _said_by_reference(finding)
    assert ADVISORY in finding.message_zh
    assert "不得交由村级组织承担" in finding.message_zh  # the source's own words, not 社区组织
    assert "不得交由社区组织承担" not in finding.message_zh
    (village,) = admit(villagecat.resolve("220000"), ["作为拆迁拆违事务的责任主体"]).findings
    assert village.level == "fail"
    assert REFERENCE not in village.message_zh
    assert not _national_three(village)


def test_a_rule_on_departments_reaches_a_community_by_reference_at_its_own_strength() -> None:
    """`admit 填报表格 --scope 社区 -j 220000` failed on 「不得要求村级组织填报表格」 without saying 参照."""
    findings = admit(villagecat.resolve("220000"), ["填报表格"], Scope.COMMUNITY).findings
    assert [f.level for f in findings] == ["warn", "warn"]  # the village's 不符合 is a community's 提示
    assert [f.level for f in admit(villagecat.resolve("220000"), ["填报表格"]).findings] == ["fail", "warn"]
    assert all(_said_by_reference(f) for f in findings)
    assert ADVISORY in findings[0].message_zh
    assert ADVISORY not in findings[1].message_zh  # a hedge already: said as by reference alone
    # a graded code says how strongly the missed rule binds (docs/finding-codes.md): for the community, unstated
    village = admit(villagecat.resolve("220000"), ["填报表格"]).findings
    assert village[0].code == "admission-conditional"
    assert findings[0].code == "admission-conditional-unstated"


def test_an_unlisted_task_of_a_community_rests_on_the_village_rule_by_reference() -> None:
    """`admit 拆迁拆违 --scope 社区 -j 340403` failed on 「不得将自身权责事项派交村级组织承担」 without 参照."""
    (finding,) = admit(villagecat.resolve("340403"), ["拆迁拆违"], Scope.COMMUNITY).findings
    assert finding.level == "warn"
    assert _said_by_reference(finding)
    assert ADVISORY in finding.message_zh
    assert "no binding force for communities" in finding.message_en
    assert [f.level for f in admit(villagecat.resolve("340403"), ["拆迁拆违"]).findings] == ["fail"]


def test_a_rule_ninghe_states_for_communities_needs_no_reference() -> None:
    """Ninghe 三(一)1 writes 村（社区）: the community's own rule, cited as Ninghe's, no 参照 note."""
    (finding,) = admit(villagecat.resolve("120117"), ["以上传工作场景截图"], Scope.COMMUNITY).findings
    assert finding.item == "cn.obligation.no-screenshot-evaluation"
    assert finding.level == "fail"
    assert REFERENCE not in finding.message_zh
    assert not _national_three(finding)
    (jilin,) = admit(villagecat.resolve("220000"), ["以上传工作场景截图"], Scope.COMMUNITY).findings
    assert _said_by_reference(jilin)  # Jilin words it for villages only


def test_entrusted_work_asks_the_communitys_consent_not_the_villages() -> None:
    """`admit 党政群机构委托村级组织开展的工作事务 --scope 社区 -j 220000` said 须征得村级组织同意."""
    (finding,) = admit(villagecat.resolve("220000"), ["党政群机构委托村级组织开展的工作事务"], Scope.COMMUNITY).findings
    assert "须征得社区组织同意" in finding.message_zh
    assert "须征得村级组织同意" not in finding.message_zh.split("（", 1)[1].split("）", 1)[1]
    assert _said_by_reference(finding)


def test_a_certificate_a_community_does_not_issue_explains_by_reference() -> None:
    """`admit 健在证明 --scope 社区 -j 220000` said 社区组织要做好解释说明 on 「村级组织要做好解释说明工作」 alone."""
    (finding,) = admit(villagecat.resolve("220000"), ["健在证明"], Scope.COMMUNITY).findings
    assert finding.level == "fail"  # the Ministry's list names 基层群众性自治组织: a community's own rule
    assert _said_by_reference(finding)  # only its 「村级组织要做好解释说明工作」 is the village's
    assert ADVISORY not in finding.message_zh
    (ninghe,) = admit(villagecat.resolve("120117"), ["健在证明"], Scope.COMMUNITY).findings
    assert REFERENCE not in ninghe.message_zh  # Ninghe 三(三)9: 村（社区）组织要做好解释说明工作


def test_a_communitys_ledger_says_which_rules_reach_it_by_reference(tmp_path: Path) -> None:
    """`audit --scope 社区 -j 220000`: 专人专岗 and 居住证明 rested on 村级 rules without 参照; 该村 for a community."""
    ledger = tmp_path / "ledger.yaml"
    ledger.write_text(
        "villages:\n"
        "  - village: 长春社区\n"
        "    mechanisms:\n"
        "      - {name: 社区禁毒工作站, dedicated_post: 是, basis: 无依据}\n"
        "    certificates: [居住证明]\n",
        encoding="utf-8",
    )
    for code, reached in (("220000", True), ("140404", True), ("120117", False)):
        report = audit(villagecat.resolve(code), read_ledger(ledger, scope=Scope.COMMUNITY))
        mechanisms = [f for f in report.findings if f.code.startswith("audit-mechanism")]
        # 不得新设村级工作机制 binds villages; by reference, a community's is a note. Ninghe's 村（社区）: its own.
        assert [f.level for f in mechanisms] == (["warn", "warn"] if reached else ["fail", "fail"]), code
        assert all(_said_by_reference(f) is reached for f in mechanisms), code
        (unlisted,) = [f for f in report.findings if f.observed == "居住证明"]
        assert unlisted.level == "warn"
        assert _said_by_reference(unlisted)  # 「村级组织可……据实出具」: no layer says it for communities
    village = audit(villagecat.resolve("220000"), read_ledger(ledger))
    assert not any(REFERENCE in f.message_zh or _national_three(f) for f in village.findings)
    assert [f.level for f in village.findings if f.code.startswith("audit-mechanism")] == ["fail", "fail"]


def test_a_community_the_ledger_records_nothing_of_is_called_a_community() -> None:
    """An empty community's entry said 台账未记录该村的任何……."""
    ledger = Ledger([VillageLedger("南关社区", scope=Scope.COMMUNITY), VillageLedger("榆树村")])
    community, village = audit(villagecat.resolve("220000"), ledger).findings
    assert "该社区" in community.message_zh
    assert "该村" not in community.message_zh
    assert "this community" in community.message_en
    assert "该村" in village.message_zh


def test_a_certificate_only_villages_issue_is_not_said_to_be_a_communitys() -> None:
    """`certificate render 入党外调政审等发展党员证明 -j 140404` said 村（社区）可按目录据实出具.

    Shanxi's five certificates are its villages' (the layer covers villages only): no community's.
    """
    catalog = villagecat.resolve("140404")
    with pytest.raises(NoTemplateError) as raised:
        render_certificate(catalog, "入党外调政审等发展党员证明", {})
    assert "村可按目录据实出具" in raised.value.message_zh
    assert "村（社区）" not in raised.value.message_zh
    with pytest.raises(UnknownItemError) as unknown:
        render_certificate(catalog, "入党外调政审等发展党员证明", {}, scope=Scope.COMMUNITY)
    assert "只适用于村" in unknown.value.message_zh


def test_a_community_refuses_a_certificate_by_reference_where_the_explaining_rule_is_the_villages() -> None:
    """A community's refusal rests on 「村级组织要做好解释说明工作」: it says 参照 and cites national 三."""
    with pytest.raises(CertificateRefusedError) as village:
        render_certificate(villagecat.resolve("220000"), "健在证明", {})
    assert village.value.message_zh.startswith("村（社区）不应出具")  # the Ministry's list: 基层群众性自治组织
    assert not any(c.section == "三" for c in village.value.citations)
    with pytest.raises(CertificateRefusedError) as community:
        render_certificate(villagecat.resolve("220000"), "健在证明", {}, scope=Scope.COMMUNITY)
    assert community.value.message_zh.startswith("社区不应出具")
    assert REFERENCE in community.value.message_zh
    assert any(c.document == "cn.document.tingzi-2022-28" and c.section == "三" for c in community.value.citations)
    with pytest.raises(CertificateRefusedError) as ninghe:
        render_certificate(villagecat.resolve("120117"), "健在证明", {}, scope=Scope.COMMUNITY)
    assert REFERENCE not in ninghe.value.message_zh  # Ninghe 三(三)9: 村（社区）组织要做好解释说明工作


def test_an_approval_route_worded_for_villages_reaches_a_community_by_reference() -> None:
    """`admit 代收代缴水费 --scope 社区 -j 220000` sent it down 「党政群机构涉及村级的年度工作事项……」 without 参照."""
    (jilin,) = admit(villagecat.resolve("220000"), ["代收代缴水费"], Scope.COMMUNITY).findings
    assert jilin.level == "warn"  # Jilin's 附件 are not recorded: a note, as for a village
    assert _said_by_reference(jilin)
    (ninghe,) = admit(villagecat.resolve("120117"), ["代收代缴水费"], Scope.COMMUNITY).findings
    assert REFERENCE not in ninghe.message_zh  # Ninghe 五(二): 需要村（社区）协助的专项任务


def test_certificate_render_takes_the_issuing_place_on_the_command_line() -> None:
    """`certificate render` had no --scope: the API's scope could not be asked for; a community read 村（社区）."""
    from conftest import invoke  # noqa: PLC0415

    refused = invoke("certificate", "render", "健在证明", "-j", "220000", "--scope", "社区")
    assert refused.code == 1
    assert "社区不应出具“健在证明”" in refused.err
    assert REFERENCE in refused.err
    village = invoke("certificate", "render", "健在证明", "-j", "220000", "--scope", "村")
    assert "拒绝出具：村不应出具“健在证明”" in village.err
    assert REFERENCE not in village.err
    unset = invoke("certificate", "render", "健在证明", "-j", "220000")
    assert "村（社区）不应出具“健在证明”" in unset.err
    only = invoke("certificate", "render", "入党外调政审等发展党员证明", "-j", "140404", "--scope", "社区")
    assert only.code == 2
    assert "只适用于村，不是社区的证明事项" in only.err
    wrong = invoke("certificate", "render", "健在证明", "-j", "220000", "--scope", "街道")
    assert wrong.code == 2
    assert "应为 村、社区 之一" in wrong.err


def test_jilins_own_by_reference_sentence_is_cited_for_its_communities() -> None:
    """Jilin 四 (last paragraph) extends the opinion and its own measures to communities in its own words
    (「……参照《意见》和本措施精神执行」): a Jilin community's by-reference finding cites it beside national 三."""
    (jilin,) = admit(villagecat.resolve("220000"), ["作为拆迁拆违事务的责任主体"], Scope.COMMUNITY).findings
    sections = {(c.document, c.section) for c in jilin.citations}
    assert ("cn.document.tingzi-2022-28", "三") in sections
    assert ("220000.document.measures", "四") in sections
    (anhui,) = admit(villagecat.resolve("340403"), ["作为拆迁拆违事务的责任主体"], Scope.COMMUNITY).findings
    assert not any(c.document.startswith("220000.") for c in anhui.citations)


def test_a_communitys_ledger_explains_a_certificate_it_must_not_issue_by_reference_as_admit_does(
    tmp_path: Path,
) -> None:
    """`audit` of a 社区 row 证明,健在证明 (-j 220000) said 不应出具 on 「村级组织要做好解释说明工作」 without 参照,
    while `admit 健在证明 --scope 社区` said it by reference: the same certificate, two answers."""
    ledger = tmp_path / "ledger.csv"
    rows = ("村名,村或社区,类别,名称", "长春社区,社区,证明,健在证明", "榆树村,村,证明,健在证明")
    ledger.write_text("\n".join(rows) + "\n", encoding="utf-8")
    for code, reached in (("cn", True), ("220000", True), ("340403", True), ("140404", True), ("120117", False)):
        catalog = villagecat.resolve(code)
        community, village = audit(catalog, read_ledger(ledger)).findings
        assert community.level == village.level == "fail", code  # the Ministry's list: 基层群众性自治组织
        assert _said_by_reference(community) is reached, code  # only 「村级组织要做好解释说明工作」 is the village's
        assert ADVISORY not in community.message_zh, code
        # the note is the explaining rule's, not the verdict's: 应停止出具（城市社区参照执行） read as 参照 alone
        assert ("社区组织要做好解释说明（城市社区参照执行）" in community.message_zh) is reached, code
        assert "应停止出具（" not in community.message_zh, code
        (admitted,) = admit(catalog, ["健在证明"], Scope.COMMUNITY).findings
        assert (REFERENCE in admitted.message_zh) is reached, code
        assert {(c.document, c.section) for c in community.citations} >= {
            (c.document, c.section) for c in admitted.citations
        }, code
        assert REFERENCE not in village.message_zh, code
        assert not _national_three(village), code


def test_a_certificate_not_in_the_catalog_names_the_place_in_chinese() -> None:
    """`certificate render 居住证明 -j cn --scope 社区` said “cn 的目录中没有证明事项 居住证明”: an id, not 全国."""
    from conftest import invoke  # noqa: PLC0415

    missing = invoke("certificate", "render", "居住证明", "-j", "cn", "--scope", "社区")
    assert missing.code == 2
    assert "全国（cn）的目录中没有证明事项“居住证明”" in missing.err


def test_a_rule_ninghe_restates_is_said_once() -> None:
    """`admit 专人专岗 -j 120117 --scope 社区` gave two 提示 for one rule: the national one by reference and Ninghe's
    rewording of it (三(二)6, both 原则上): Ninghe's row restates the national one. Its forms sentence does not:
    it has no binding word and reaches communities, where the national 应 is written for villages' forms."""
    catalog = villagecat.resolve("120117")
    for scope in (Scope.VILLAGE, Scope.COMMUNITY):
        said = [f for f in admit(catalog, ["专人专岗"], scope).findings if "原则上不得" in f.message_zh]
        assert len(said) == 1, (scope, [f.message_zh for f in said])
    forms = catalog.get("120117.obligation.integrate-forms", Obligation)
    assert forms is not None
    assert forms.item.modality is None  # 「区委、区政府整合……」: no 应 of its own, none carried from above


#: National rules Ninghe's plan words for 村（社区） itself (the clause each restating row cites), with the binding
#: force Ninghe's own words give: 应 is must; 由……协调解决, 由……依法购买服务, 由……统筹予以保障 and a bare 清理整合
#: use no binding word, and stay unstated (None), never hardened to the national ones' words.
NINGHE_RESTATED = {
    "cn.obligation.township-coordinates-changed-needs": ("三(三)9", "must"),
    "cn.obligation.township-resolves-unmet-needs": ("三(一)4", None),
    "cn.obligation.purchase-public-services": ("三(一)4", None),
    "cn.obligation.county-secures-conditions": ("三(二)6", None),
    "cn.obligation.consolidate-work-groups": ("三(一)5", None),
}


@pytest.mark.parametrize(("item_id", "expected"), sorted(NINGHE_RESTATED.items()))
def test_a_rule_ninghe_words_for_communities_is_not_said_by_reference(
    item_id: str, expected: tuple[str, str | None]
) -> None:
    """`catalog 120117 --scope 社区` marked these （参照执行）, though Ninghe's plan states each for 村（社区）."""
    from conftest import invoke  # noqa: PLC0415

    section, modality = expected
    catalog = villagecat.resolve("120117")
    rule = catalog.get(item_id, Obligation)
    assert rule is not None
    assert rule.item.applies_to is Scope.BOTH
    assert any(c.document == "120117.document.work-plan" and c.section == section for c in rule.item.citations)
    assert (rule.item.modality.value if rule.item.modality else None) == modality
    listing = invoke("catalog", "120117", "--scope", "社区", "--format", "json")
    assert listing.code == 0
    assert item_id not in json.loads(listing.out)["by_reference"]


def test_ninghe_binds_the_village_to_report_and_the_town_to_coordinate() -> None:
    """「村（社区）组织应及时向街镇反映情况，街镇应联系有关党政群机构协调处理」: two subjects, two rules.

    Ninghe's row for the first half named 街镇 among those bound (the recipient of the report); the second half is
    the national township rule, restated, and binds 街镇."""
    catalog = villagecat.resolve("120117")
    report = catalog.get("cn.obligation.report-changed-needs", Obligation)
    coordinate = catalog.get("cn.obligation.township-coordinates-changed-needs", Obligation)
    assert report is not None
    assert coordinate is not None
    assert report.item.bound == ("村（社区）组织",)
    assert "街镇" in coordinate.item.bound
