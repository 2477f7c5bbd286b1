"""The shipped national layer holds what the national opinion states, each item cited."""

from __future__ import annotations

import villagecat
from conftest import NATIONAL
from villagecat.models import CertificateStatus, Clause, DutyKind
from villagecat.registry import shipped_layer_paths

NOT_TO_ISSUE = [
    "亲属关系证明",
    "居民身份信息证明",
    "户口登记项目内容变更申请证明",
    "居民养犬证明",
    "无犯罪记录证明",
    "社区戒毒社区康复人员情况证明",
    "人员失踪证明",
    "婚姻状况证明",
    "出生证明",
    "健在证明",
    "死亡证明",
    "疾病状况证明",
    "残疾状况证明",
    "婚育状况证明",
    "居民就业状况证明",
    "居民个人档案证明",
    "居民财产证明",
    "遗产继承权证明",
    "市场主体住所证明",
    "证件遗失证明",
]


def test_national_holds_the_twenty_not_to_issue_certificates_in_order() -> None:
    package = villagecat.load_layer(NATIONAL)
    certs = [c for c in package.certificates if c.status is CertificateStatus.NOT_TO_ISSUE]
    assert [c.name for c in certs] == NOT_TO_ISSUE
    for number, cert in enumerate(certs, start=1):
        assert any(
            c.document == "cn.document.minfa-2020-20-annex" and c.section == f"第{number}项" for c in cert.citations
        ), cert.id


def test_item_six_keeps_its_qualifier_as_an_alias() -> None:
    package = villagecat.load_layer(NATIONAL)
    cert = next(c for c in package.certificates if c.id == "cn.certificate.drug-rehabilitation-conduct")
    assert cert.aliases == ("社区戒毒社区康复人员情况证明（表现证明）",)


def test_national_holds_the_four_prohibited_responsibilities() -> None:
    package = villagecat.load_layer(NATIONAL)
    prohibited = [d for d in package.duties if d.duty_kind is DutyKind.PROHIBITED]
    assert sorted(d.name for d in prohibited) == sorted(
        f"作为{x}事务的责任主体" for x in ("行政执法", "拆迁拆违", "招商引资", "安全生产")
    )
    # No source gives these items a category: the field stays empty (an invented one decided admission once).
    assert {d.category for d in package.duties} == {None}
    for duty in prohibited:
        assert [(c.document, c.section) for c in duty.citations] == [("cn.document.tingzi-2022-28", "二(一)1")]


def test_every_shipped_item_cites_a_document_of_its_chain() -> None:
    for path in shipped_layer_paths():
        package = villagecat.load_layer(path)
        for _, item in package.iter_items():
            if isinstance(item, villagecat.Document | Clause):
                continue
            assert getattr(item, "citations", []), f"{path}: {getattr(item, 'id', item)} has no citation"


def test_every_shipped_layer_validates_against_its_parents() -> None:
    for path in shipped_layer_paths():
        report = villagecat.validate(path)
        assert report.valid, report.format_text("en")


def test_no_news_article_leaked_into_the_data() -> None:
    text = "".join(p.read_text(encoding="utf-8") for p in NATIONAL.glob("*.csv"))
    for word in ("长春", "电影节", "宽城"):
        assert word not in text
