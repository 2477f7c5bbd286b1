"""Each finding says whether it judged a village or an urban community (村 or 社区): a stored verdict tells whom.

``admit 实行居民自治 -j 120117 --scope 社区 --format json`` wrote findings whose only trace of the
community was the Chinese message: a county system storing verdicts could not read which place each
judged. Now every finding carries ``scope`` (``village``, ``community``, or ``null`` where it judges no
place, as lint's findings on a package), set where each check knows it: admit's argument, each facility's
figures, each place's signs, each ledger entry (and its signs' and facility's own 村或社区).
"""

from __future__ import annotations

import json
import pickle
from typing import TYPE_CHECKING

import pytest

from conftest import invoke
from layers import write_child
from villagecat.checks import ActualSign, CheckReport, FacilityFigures, Finding, check_facility, check_signage
from villagecat.errors import InvalidRequestError
from villagecat.models import Authority, Certificate, Document, Placement, Scope
from villagecat.resolution import resolve

if TYPE_CHECKING:
    from pathlib import Path

#: A ledger of one village's rows (村) and one community's (社区), each kind of row for each.
MIXED = (
    "村名,类别,名称,位置,村或社区,建筑面积\n"
    "柳树村,事项,拆迁拆违,,村,\n"
    "柳树村,证明,健在证明,,村,\n"
    "柳树村,标牌,柳树村民委员会,外部,村,\n"
    "柳树村,设施,,,村,100\n"
    "和平社区,事项,实行居民自治,,社区,\n"
    "和平社区,证明,健在证明,,社区,\n"
    "和平社区,标牌,和平社区居民委员会,外部,社区,\n"
    "和平社区,设施,,,社区,100\n"
)


def _json(*argv: str) -> dict[str, object]:
    result = invoke(*argv, "--format", "json")
    assert result.code in (0, 1), result.err
    payload: dict[str, object] = json.loads(result.out)
    return payload


def _findings(payload: dict[str, object]) -> list[dict[str, object]]:
    findings = payload["findings"]
    assert isinstance(findings, list)
    assert findings
    return findings


def test_admit_for_a_community_says_community_on_every_finding() -> None:
    payload = _json("admit", "实行居民自治", "安全生产监管", "代办社会保险登记", "-j", "120117", "--scope", "社区")
    assert {f["scope"] for f in _findings(payload)} == {"community"}
    village = _json("admit", "实行村民自治", "安全生产监管", "-j", "120117")
    assert {f["scope"] for f in _findings(village)} == {"village"}


def test_an_audit_says_each_finding_s_own_scope(tmp_path: Path) -> None:
    ledger = tmp_path / "ledger.csv"
    ledger.write_text(MIXED, encoding="utf-8")
    findings = _findings(_json("audit", str(ledger), "-j", "120117"))
    by_place = {(f["subject"], f["scope"]) for f in findings}
    assert by_place == {("柳树村", "village"), ("和平社区", "community")}
    # every kind of row is stamped: the admission, the certificate, the signs and the facility
    codes = {(f["subject"], str(f["code"]).split("-")[0]) for f in findings}
    assert {("和平社区", "signage"), ("和平社区", "facility"), ("和平社区", "audit")} <= codes


def test_a_sign_s_own_scope_is_its_finding_s_in_an_audit(tmp_path: Path) -> None:
    """An entry whose duty row says 村 and whose sign's own cell says 社区: each finding says what it judged."""
    ledger = tmp_path / "ledger.csv"
    ledger.write_text(
        "村名,类别,名称,位置,村或社区\n和平,事项,拆迁拆违,,村\n和平,标牌,和平社区居民委员会,外部,社区\n",
        encoding="utf-8",
    )
    findings = _findings(_json("audit", str(ledger), "-j", "120117"))
    by_kind = {(str(f["code"]).split("-")[0], f["scope"]) for f in findings}
    assert by_kind == {("audit", "village"), ("signage", "community")}


def test_facility_findings_carry_each_figures_scope() -> None:
    payload = _json("check", "facility", "-j", "120117", "--floor-area", "900", "--scope", "社区")
    assert {f["scope"] for f in _findings(payload)} == {"community"}
    catalog = resolve("120117")
    figures = [
        FacilityFigures(100, village="柳树村"),
        FacilityFigures(100, village="和平社区", scope=Scope.COMMUNITY),
    ]
    report = check_facility(catalog, figures)
    assert {(f.subject, f.scope) for f in report.findings} == {
        ("柳树村", Scope.VILLAGE),
        ("和平社区", Scope.COMMUNITY),
    }


def test_signage_findings_carry_the_place_s_scope() -> None:
    catalog = resolve("120117")
    signs = [
        ActualSign("柳树村民委员会", Placement.OUTSIDE, village="柳树村"),
        ActualSign("和平社区居民委员会", Placement.OUTSIDE, village="和平社区", scope=Scope.COMMUNITY),
    ]
    report = check_signage(catalog, signs)
    assert {(f.subject, f.scope) for f in report.findings} == {
        ("柳树村", Scope.VILLAGE),
        ("和平社区", Scope.COMMUNITY),
    }
    assert {f["scope"] for f in report.to_dict()["findings"]} == {"village", "community"}


def test_lint_judges_no_place(tmp_path: Path) -> None:
    """A retained certificate resting on a Party regulation: lint's note is on the package, of no place."""
    doc = Document(id="220102.document.basis", title="测试依据", authority=Authority.PARTY_REGULATION)
    cert = Certificate.model_validate(
        {
            "id": "220102.certificate.residence",
            "name": "居住证明",
            "status": "retained",
            "basis": ["220102.document.basis#第一条"],
            "citations": ["cn.document.tingzi-2022-28#二(三)8"],
        }
    )
    county = write_child(tmp_path, "220000", documents=(doc,), certificates=(cert,))
    assert {f["scope"] for f in _findings(_json("lint", str(county)))} == {None}


def test_a_finding_judges_one_place_given_as_its_code_or_word() -> None:
    assert Finding("facility-floor-area", "fail", "面积不足", "too small", scope="社区").scope is Scope.COMMUNITY  # type: ignore[arg-type]
    assert Finding("facility-floor-area", "fail", "面积不足", "too small").scope is None
    with pytest.raises(InvalidRequestError, match="一个村或一个社区"):
        Finding("facility-floor-area", "fail", "面积不足", "too small", scope=Scope.BOTH)


def test_a_report_with_scopes_still_pickles() -> None:
    finding = Finding("facility-floor-area", "fail", "面积不足", "too small", subject="和平社区", scope=Scope.COMMUNITY)
    report = CheckReport("facility", "cn", "全国", [finding])
    assert pickle.loads(pickle.dumps(finding)) == finding  # noqa: S301 - our own object
    assert pickle.loads(pickle.dumps(report)).findings[0].scope is Scope.COMMUNITY  # noqa: S301


def test_the_text_report_of_a_community_says_so_in_its_head() -> None:
    """A clerk reads whom a verdict judged without the JSON: 适用：社区 in the head; a village's report is as it was."""
    community = invoke("admit", "实行居民自治", "-j", "120117", "--scope", "社区")
    assert community.out.splitlines()[0].startswith("宁河区（120117）· 准入查询（适用：社区）：")
    village = invoke("admit", "实行村民自治", "-j", "120117")
    assert "适用" not in village.out.splitlines()[0]
    english = invoke("admit", "实行居民自治", "-j", "120117", "--scope", "社区", "--lang", "en")
    assert "(for: community)" in english.out.splitlines()[0]
    markdown = invoke("admit", "实行居民自治", "-j", "120117", "--scope", "社区", "--format", "markdown")
    assert markdown.out.startswith("## 宁河区（120117）· 准入查询（适用：社区）：")


def test_a_report_mixing_villages_and_communities_says_each_subject_s_place(tmp_path: Path) -> None:
    ledger = tmp_path / "ledger.csv"
    ledger.write_text(MIXED, encoding="utf-8")
    text = invoke("audit", str(ledger), "-j", "120117").out.splitlines()
    assert "（适用：村和社区）" in text[0]
    assert text[1] == "对象\t适用\t不符合\t提示\t符合"
    assert text[2].startswith("柳树村\t村\t")
    assert text[3].startswith("和平社区\t社区\t")
    markdown = invoke("audit", str(ledger), "-j", "120117", "--format", "markdown").out.splitlines()
    assert "| 对象 | 适用 | 不符合 | 提示 | 符合 |" in markdown
    assert any(line.startswith("| 和平社区 | 社区 | ") for line in markdown)
