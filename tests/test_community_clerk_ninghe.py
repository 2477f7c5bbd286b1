"""A Ninghe community clerk (李静, 宁河区, a 社区) checks her tasks, ledger and certificates (helper h23a).

Ninghe's plan states its certificate rules for 村（社区）: 三(三)9「对不应出具证明事项清单的，村（社区）组织要做好解释
说明工作。」 and 「属于村（社区）组织职责范围内的事项，村（社区）组织原则上应依法及时据实出具证明。」 A community's
finding on a certificate cites the rule stated for it, not only the village's wording it would follow by reference.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import villagecat
from villagecat.checks import admit, audit, read_ledger
from villagecat.models import Scope

if TYPE_CHECKING:
    from pathlib import Path

    from villagecat.checks import Finding

NINGHE_PLAN = "120117.document.work-plan"


def _cites(finding: Finding, document: str, section: str) -> bool:
    return any(c.document == document and c.section == section for c in finding.citations)


def test_a_task_alike_to_a_certificate_not_to_issue_cites_the_communitys_own_explaining_rule() -> None:
    """`admit 开具无犯罪记录证明 -j 120117 --scope 社区` cited 「……村级组织要做好解释说明工作」 (national 二(三)8)
    alone, while `admit 无犯罪记录证明` cites Ninghe 三(三)9 「……村（社区）组织要做好解释说明工作。」 too."""
    catalog = villagecat.resolve("120117")
    (exact,) = admit(catalog, ["无犯罪记录证明"], Scope.COMMUNITY).findings
    assert _cites(exact, NINGHE_PLAN, "三(三)9")
    (alike,) = admit(catalog, ["开具无犯罪记录证明"], Scope.COMMUNITY).findings
    assert "无犯罪记录证明" in alike.message_zh
    assert _cites(alike, NINGHE_PLAN, "三(三)9"), [(c.document, c.section) for c in alike.citations]
    sections = [(c.document, c.section, c.quote) for c in alike.citations]
    assert len(sections) == len(set(sections))  # each clause once


def test_a_certificate_a_community_issues_off_the_catalog_cites_ninghes_rule_for_communities(tmp_path: Path) -> None:
    """`audit 台账 -j 120117` of a 社区 row 证明 居住证明 said 仅限职责范围内……据实出具（城市社区参照执行） on national
    二(三)8 and 三 alone: Ninghe 三(三)9 states the 职责范围内 rule for 村（社区）."""
    path = tmp_path / "台账.csv"
    path.write_text("社区名称,村或社区,类别,名称\n光明社区,社区,证明,居住证明\n", encoding="utf-8")
    (finding,) = audit(villagecat.resolve("120117"), read_ledger(path)).findings
    assert finding.level == "warn"
    assert _cites(finding, NINGHE_PLAN, "三(三)9"), [(c.document, c.section) for c in finding.citations]
    assert "社区" in finding.message_zh


def test_rendering_a_certificate_off_the_catalog_tells_the_community_it_may_issue_it_and_on_what() -> None:
    """`certificate render 居住证明 -j 120117 --scope 社区` said only 目录中没有证明事项“居住证明” (exit 2): not whether
    she may issue it. It is on no list not to issue: Ninghe 三(三)9 「属于村（社区）组织职责范围内的事项，村（社区）组织
    原则上应依法及时据实出具证明。」, national 二(三)8 (by reference) 「……对能够核实的事项据实出具相关证明。」"""
    from conftest import invoke  # noqa: PLC0415

    missing = invoke("certificate", "render", "居住证明", "-j", "120117", "--scope", "社区")
    assert missing.code == 2
    assert "宁河区（120117）的目录中没有证明事项“居住证明”" in missing.err
    assert "不在已收录的不应出具证明事项之列" in missing.err
    assert "属于社区职责范围内" in missing.err
    assert "依据：天津市宁河区规范村（社区）组织工作事务、机制牌子和证明事项的工作方案 三(三)9" in missing.err
    assert "城市社区参照执行" in missing.err  # 能够核实……据实出具 is the village's, by reference
    assert "Traceback" not in missing.err
    assert "the village" not in missing.err  # Chinese alone, and 社区 where she is a community
    assert "属于村职责" not in missing.err
    alike = invoke("certificate", "render", "开具无犯罪记录证明", "-j", "120117", "--scope", "社区")
    assert alike.code == 2
    assert "名称与“无犯罪记录证明”（不应出具）相近" in alike.err, alike.err
    assert "社区组织不应出具" in alike.err
    assert "不在已收录的不应出具证明事项之列" not in alike.err
    assert "三(三)9「对不应出具证明事项清单的，村（社区）组织要做好解释说明工作。」" in alike.err
