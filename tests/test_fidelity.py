"""The shipped data says what the sources say: verdicts on compliant villages (issue: source fidelity).

Each test is one example of a village that complies with its sources, or a task the sources
allow, that an earlier transcription judged wrongly.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest

import villagecat
from conftest import REPO, invoke
from villagecat.checks.admission import admit
from villagecat.checks.facility import FacilityFigures, check_facility
from villagecat.checks.signage import ActualSign, check_signage, sign_modality
from villagecat.models import (
    Certificate,
    Duty,
    DutyKind,
    FacilityStandard,
    Funding,
    Mechanism,
    Modality,
    Orientation,
    Placement,
    Scope,
    Sign,
    SignType,
)
from villagecat.models.vocab import BINDING_WORDS
from villagecat.registry import shipped_registry
from villagecat.resolution import resolve

if TYPE_CHECKING:
    from pathlib import Path

    from pydantic import BaseModel


def _levels(report: object) -> list[tuple[str, str]]:
    return [(f.level, f.code) for f in report.findings]  # type: ignore[attr-defined]


def _jilin_plaque(width: float, height: float, orientation: Orientation) -> ActualSign:
    return ActualSign(
        "榆树村村民委员会",
        Placement.OUTSIDE,
        SignType.PLAQUE,
        orientation=orientation,
        width_cm=width,
        height_cm=height,
        organisation="村民委员会",
        village="榆树村",
    )


def test_a_vertical_30_by_200_plaque_passes_jilin() -> None:
    """「村级组织标牌以长条竖排为宜，一般应在200cm×30cm以内」: 30 wide and 200 tall is within it."""
    report = check_signage(villagecat.resolve("220000"), [_jilin_plaque(30, 200, Orientation.VERTICAL)])
    assert not [code for level, code in _levels(report) if level in ("fail", "warn") and "oversize" in code]
    assert not [code for level, code in _levels(report) if code.startswith("signage-orientation")]


def test_a_horizontal_200_by_30_plaque_is_only_advised_to_hang_vertically_in_jilin() -> None:
    report = check_signage(villagecat.resolve("220000"), [_jilin_plaque(200, 30, Orientation.HORIZONTAL)])
    assert ("warn", "signage-orientation-advised") in _levels(report)
    assert not [code for level, code in _levels(report) if "oversize" in code]
    assert "宜为" in next(f.message_zh for f in report.findings if f.code == "signage-orientation-advised")


def test_a_plaque_over_200_by_30_in_jilin_is_a_hint_not_a_failure() -> None:
    report = check_signage(villagecat.resolve("220000"), [_jilin_plaque(40, 220, Orientation.VERTICAL)])
    assert ("warn", "signage-oversize-advised") in _levels(report)
    finding = next(f for f in report.findings if f.code == "signage-oversize-advised")
    assert "长边 220 > 200" in finding.message_zh
    assert "短边 40 > 30" in finding.message_zh


def test_a_ninghe_village_of_1500_households_with_320_m2_passes() -> None:
    """Ninghe asks a village for 300 m²; 「城市社区每百户居民……30平方米以上」 is for urban communities."""
    report = check_facility(villagecat.resolve("120117"), [FacilityFigures(320, 1500)])
    assert not [f for f in report.findings if f.level == "fail"]
    assert not [f for f in report.findings if f.item == "120117.facility.community"]
    # the only shortfall is the nation's planning target (no grading word): a 提示 that says so
    assert [(f.code, f.item) for f in report.findings if f.level != "pass"] == [
        ("facility-floor-area-unstated", "cn.facility.community-service-facility")
    ]
    floor = next(f for f in check_facility(villagecat.resolve("120117"), [FacilityFigures(320, 900)]).findings)
    assert (floor.code, floor.level, floor.rule, floor.item) == (
        "facility-floor-area",
        "pass",
        300,
        "120117.facility.village",
    )


def test_the_urban_community_rule_still_holds_for_ninghes_communities_as_a_rule_of_unstated_strength() -> None:
    """「城市社区每百户居民……30平方米以上」 holds for communities; with no binding word, a miss is told, not failed."""
    report = check_facility(villagecat.resolve("120117"), [FacilityFigures(400, 1500, scope=Scope.COMMUNITY)])
    floor = next(f for f in report.findings if f.code == "facility-floor-area-unstated")
    assert (floor.level, floor.rule, floor.item) == ("warn", 450, "120117.facility.community")


def test_a_shanxi_village_of_600_households_with_150_m2_is_not_failed_by_the_ndrc_planning_target() -> None:
    """The NDRC briefing asked localities to plan at 30 m² per 100 households with no grading word: a shortfall is
    told as a rule whose source does not say how strongly it binds, never failed and never called 一般."""
    for code in ("140404", "140000", "340403"):
        report = check_facility(villagecat.resolve(code), [FacilityFigures(150, 600)])
        assert not [f for f in report.findings if f.level == "fail"], code
        unstated = next(f for f in report.findings if f.code == "facility-floor-area-unstated")
        assert (unstated.level, unstated.item) == ("warn", "cn.facility.community-service-facility")


def test_an_ordinary_inside_plaque_passes_tianjiaan() -> None:
    """「内部标牌9个」 gives a count, not names: 文体活动室 may hang (up to nine inside)."""
    catalog = villagecat.resolve("340403")
    signs = [
        ActualSign(name, Placement.INSIDE, SignType.PLAQUE, village="舜耕村") for name in ("文体活动室", "村民议事厅")
    ]
    report = check_signage(catalog, signs)
    assert not [f for f in report.findings if f.level == "fail"], report.findings
    ten = [ActualSign(f"功能室{n}", Placement.INSIDE, SignType.PLAQUE, village="舜耕村") for n in range(10)]
    # only the count: ten is over nine, a 提示 (the source states the count, binding or advising with no word)
    assert ("warn", "signage-count-unstated") in _levels(check_signage(catalog, ten))
    assert not [code for _, code in _levels(check_signage(catalog, ten[:9])) if code.startswith("signage-count")]


def test_party_building_assessment_materials_need_approval_in_ninghe() -> None:
    """No source calls anything 党的建设 a category; the task is unlisted and takes Ninghe's route."""
    (finding,) = admit(villagecat.resolve("120117"), ["党的建设考核材料报送"]).findings
    assert finding.code == "admission-lists-not-included"  # if not in Ninghe's unrecorded 附件1–3
    assert "由区民政局会同区委组织部、区委农办进行初审" in finding.message_zh
    assert finding.citations[0].section == "五(二)"


def test_work_safety_publicity_is_not_prohibited() -> None:
    """The sources forbid making the village the 责任主体 of work safety, not publicity about it."""
    (finding,) = admit(villagecat.resolve("120117"), ["安全生产宣传"]).findings
    assert finding.code != "admission-prohibited"
    assert "作为安全生产事务的责任主体属于履职负面事项" in finding.message_zh  # pointed at, not decided


def test_jilin_names_its_joint_review() -> None:
    result = invoke("admit", "村级报表新增统计", "-j", "220000")
    assert "须经吉林省规定的准入程序" in result.out
    assert "联审" in result.out
    assert "四(十二)" in result.out


@pytest.mark.parametrize(
    ("task", "code", "said"), [("", 2, "参数 TASK：不能为空"), (" ", 2, "参数 TASK：不能为空"), ("的", 1, "过短")]
)
def test_an_empty_or_one_character_task_is_an_error(task: str, code: int, said: str) -> None:
    """An empty task is a usage error (exit 2), as every empty argument is; one character is too short to look up."""
    result = invoke("admit", task, "-j", "120117")
    assert result.code == code
    assert said in result.err
    assert "Traceback" not in result.err


def test_a_certificate_question_gets_the_certificate_answer() -> None:
    (finding,) = admit(villagecat.resolve("120117"), ["居民养犬证明"]).findings
    assert (finding.code, finding.level, finding.item) == (
        "admission-certificate-not-issued",
        "fail",
        "cn.certificate.dog-keeping",
    )
    assert "解释说明" in finding.message_zh


def test_forms_need_the_county_deployment_in_shangdang() -> None:
    result = invoke("admit", "填报表格", "-j", "140404")
    assert result.code == 1
    assert "未经县级党委和政府统一部署，党政群机构不得要求村级组织填报表格、提供材料" in result.out
    assert "厅字〔2022〕28号 二(一)3" in result.out
    assert "相关部门应按程序报告区政府批准" in result.out


def test_shangdang_timeline_lists_its_deadlines_in_date_order() -> None:
    result = invoke("timeline", "-j", "140404")
    assert result.code == 0
    dates = [line.split("（")[0].strip() for line in result.out.splitlines()[1:] if line.startswith("  2")]
    shipped = [str(m.due) for m in shipped_registry().find("140404").milestones]
    assert dates == sorted(shipped)
    assert "2024 年 6月 15 日前" in result.out
    assert "长上民字〔2023〕17号 二(三)" in result.out


def test_jilins_report_frequency_rule_lints_only_jilin() -> None:
    from villagecat.checks import lint  # noqa: PLC0415
    from villagecat.package import load_layer  # noqa: PLC0415
    from villagecat.registry import shipped_layer_paths, shipped_registry  # noqa: PLC0415

    for path in shipped_layer_paths():
        package = load_layer(path)
        report = lint(package, shipped_registry())
        jilin = [f for f in report.findings if any(c.document.startswith("220000.") for c in f.citations)]
        if not package.layer.id.startswith("22"):
            assert not jilin, (package.layer.id, jilin)


def test_shanxis_published_certificates_and_burden_rules_with_what_is_not_known() -> None:
    catalog = villagecat.resolve("140404")  # Shangdang resolves under the new Shanxi layer
    shanxi = [c for c in catalog.certificates() if c.id.startswith("140000.")]
    assert [(c.name, c.status.value, c.catch_all) for c in shanxi] == [
        ("在职党员干部到居住地报到情况反馈", "retained", False),
        ("入党外调政审等发展党员证明", "retained", False),
        ("收养人婚姻状况和抚养教育能力、收养状况证明", "retained", False),
        ("学生参加活动情况反馈证明", "retained", False),
        ("其他依法依规需要出具的证明事项", "retained", True),
    ]
    assert all(not c.basis and not c.template for c in shanxi)  # the report gives none: none is made up
    (eighth,) = [o for o in catalog.obligations() if o.id.startswith("140000.")]
    assert (eighth.truncated, eighth.modality, eighth.tasks) == (True, None, ())
    restated = catalog.get("cn.obligation.no-forms-without-deployment")
    assert restated is not None
    assert [s.layer for s in restated.provenance["modality"]] == ["cn", "140000"]
    result = invoke("lint", str(REPO / "data" / "provinces" / "140000-shanxi"))
    assert "清单共 9 项，本层完整记录 7 项、原文不全 1 项，其余 1 项来源未见" in result.out


def test_a_catch_all_is_not_a_certificate_to_render_or_admit() -> None:
    result = invoke("certificate", "render", "其他依法依规需要出具的证明事项", "-j", "140000")
    assert result.code == 2  # nothing to generate; not a refusal (the catalog retains what it stands for)
    assert "兜底条目" in result.err
    assert "拒绝出具" not in result.err
    (finding,) = admit(villagecat.resolve("140000"), ["其他依法依规需要出具的证明事项"]).findings
    assert finding.code == "admission-lists-not-included"  # never the catch-all's retained; Shanxi's lists unrecorded


def test_a_truncated_rule_never_decides_a_task() -> None:
    (finding,) = admit(villagecat.resolve("140000"), ["省级党委和政府"]).findings
    assert finding.item != "140000.obligation.item-8"


def test_titles_and_issuers_are_the_sources_own() -> None:
    """Each level issues its own 《……工作措施》: same title, two documents; 「等三部门」 stays as written."""
    catalog = villagecat.resolve("340403")
    docs = {d.id: d for d in catalog.documents()}
    title = "关于规范村级组织工作事务、机制牌子和证明事项的工作措施"
    assert docs["340000.document.work-measures"].title == docs["340403.document.implementation-opinion"].title == title
    assert docs["340000.document.work-measures"].issuers == ("省民政厅等三部门",)
    ndrc = villagecat.load_layer(REPO / "data" / "national").documents
    assert "来源未给出正式标题" in next(d.title for d in ndrc if d.id == "cn.document.ndrc-briefing-2022-02-09")


def test_the_checks_rules_are_shipped_obligations_not_quotes_in_code() -> None:
    from villagecat.checks._rules import RULES  # noqa: PLC0415
    from villagecat.package import load_layer  # noqa: PLC0415
    from villagecat.registry import shipped_layer_paths  # noqa: PLC0415

    shipped = {o.id for path in shipped_layer_paths() for o in load_layer(path).obligations}
    assert set(RULES.values()) <= shipped
    source = (REPO / "src" / "villagecat" / "checks" / "_rules.py").read_text(encoding="utf-8")
    assert "quote=" not in source
    assert "Citation(" not in source


def test_report_frequencies_beside_jilins_main_ones_are_a_hint_in_jilin_and_nothing_elsewhere() -> None:
    import dataclasses  # noqa: PLC0415

    from villagecat.checks import lint  # noqa: PLC0415
    from villagecat.models import Duty, ReportFrequency  # noqa: PLC0415
    from villagecat.package import load_layer  # noqa: PLC0415
    from villagecat.registry import shipped_registry  # noqa: PLC0415

    provinces = REPO / "data" / "provinces"
    for folder, expected in (("220000-jilin", 1), ("120000-tianjin", 0), ("140000-shanxi", 0)):
        package = load_layer(provinces / folder)
        code = package.layer.id
        weekly = Duty(
            id=f"{code}.duty.weekly-forms",
            name="每周填报的表格",
            duty_kind=DutyKind.ASSISTS,
            departments=("某局",),
            funding=Funding.FEE_FOLLOWS_TASK,
            report_frequencies=(ReportFrequency.WEEKLY,),
            citations=package.duties[0].citations if package.duties else (),
        )
        found = [
            f
            for f in lint(dataclasses.replace(package, duties=(*package.duties, weekly)), shipped_registry()).findings
            if f.code == "lint-report-frequency"
        ]
        assert len(found) == expected, (folder, found)
        if found:
            (finding,) = found
            assert finding.level == "warn"
            assert "并未禁止" in finding.message_zh
            assert [c.section for c in finding.citations] == ["一(三)"]


def test_the_catalog_text_says_how_strongly_each_value_binds() -> None:
    """「一般在……悬挂」 is not 必须悬挂; Jilin's 200cm×30cm is by long and short side, 一般."""
    national = invoke("catalog", "cn").out
    line = next(x for x in national.splitlines() if "村党组织标牌" in x)
    assert "一般应悬挂" in line
    assert "必须悬挂" not in line
    jilin = next(x for x in invoke("catalog", "220000").out.splitlines() if "村党组织标牌" in x)
    assert "长边≤200cm、短边≤30cm（一般）" in jilin
    assert "[竖牌（一般）]" in jilin


@pytest.mark.parametrize(
    ("jurisdiction", "scope"), [("cn", "村"), ("120117", "社区"), ("120117", "村"), ("220000", "村")]
)
def test_the_catalog_says_must_hang_only_of_a_sign_the_source_binds(jurisdiction: str, scope: str) -> None:
    """A sign listed to hang says 必须悬挂 only where its modality is must; an unstated one says so, never 必须.

    Ninghe lists the community's 四竖 without a binding word (modality empty): 必须悬挂 hardened it.
    """
    catalog = resolve(jurisdiction)
    listed = [e.item for e in catalog.items["signs"].values() if isinstance(e.item, Sign) and e.item.mandatory]
    assert listed
    lines = invoke("catalog", jurisdiction, "--scope", scope).out.splitlines()
    for sign in listed:
        line = next((x for x in lines if x.rstrip().endswith(sign.id) or f" {sign.id} " in x), None)
        if line is None:  # not listed for this scope
            continue
        assert ("必须悬挂" in line) == (sign.modality is Modality.MUST), line
        if sign.modality is None:
            assert "约束力未写明" in line, line


@pytest.mark.parametrize("jurisdiction", ["cn", "220000", "120117", "140000"])
def test_taking_a_screenshot_is_not_what_the_screenshot_rule_forbids(jurisdiction: str) -> None:
    """「不得简单以上传工作场景截图或者录制视频等作为评价…的依据」 forbids evaluating by them, not taking them."""
    catalog = villagecat.resolve(jurisdiction)
    for task in ("上传工作场景截图", "录制视频"):
        (finding,) = admit(catalog, [task]).findings
        assert finding.item is None or not finding.item.endswith("no-screenshot-evaluation"), finding
        assert finding.code != "admission-forbidden-to-departments"
    for task in ("以上传工作场景截图作为评价依据", "以录制视频作为评价村级组织是否落实工作的依据"):
        (finding,) = admit(catalog, [task]).findings
        assert (finding.code, finding.level) == ("admission-forbidden-to-departments", "fail")
        assert finding.item == "cn.obligation.no-screenshot-evaluation"


def test_ninghes_inside_plaques_are_a_community_s_too() -> None:
    """三(二)8: 「村（社区）党群服务中心根据实际情况确定内部挂牌，在入口醒目位置设置……在功能区入口悬挂简明标牌」."""
    catalog = villagecat.resolve("120117")
    inside = {s.id: s for s in catalog.signs(Scope.COMMUNITY) if s.placement is Placement.INSIDE}
    assert set(inside) == {"cn.sign.service-organisation", "cn.sign.service-guide", "cn.sign.function-area"}
    assert {s.name for s in inside.values()} == {"综合服务机构标牌", "集成式服务功能指引标牌", "功能区入口简明标牌"}
    # 根据实际情况确定, with no 一般: the nation's 一般 stands for villages (Ninghe says nothing else of them); for a
    # community, to which Ninghe extends them with no binding word, the source states none. None is required.
    assert all((s.modality, s.mandatory) == (Modality.SHOULD, False) for s in inside.values())
    for sign in inside.values():
        assert sign_modality(catalog, sign, Scope.VILLAGE)[0] is Modality.SHOULD
        unstated, cited = sign_modality(catalog, sign, Scope.COMMUNITY)
        assert unstated is None
        assert {c.document for c in cited} == {"120117.document.work-plan"}
    assert {s.id for s in villagecat.resolve("cn").signs(Scope.COMMUNITY)} == set()  # the nation's are villages'


def test_the_nations_inside_plaques_are_generally_hung_not_must() -> None:
    """二(二)6: 「村级组织根据实际情况确定…内部悬挂的标牌，一般在内部显著位置悬挂…」."""
    for jurisdiction in ("cn", "220000", "140404", "340403"):  # Ninghe's own sentence has no 一般
        inside = [s for s in villagecat.resolve(jurisdiction).signs() if s.placement is Placement.INSIDE]
        assert len(inside) == 3
        assert all(s.modality is Modality.SHOULD for s in inside), jurisdiction


def test_ninghes_evaluation_and_publicity_are_the_three_district_offices() -> None:
    """四(三) 「区民政局、区委组织部、区委农办组建联合检查组……」 and 四(五) name who does them."""
    milestones = {m.id: m for m in villagecat.resolve("120117").milestones()}
    for key, section in (("evaluation", "四(三)"), ("publicity", "四(五)")):
        milestone = milestones[f"120117.milestone.{key}"]
        assert milestone.bound == ("区民政局", "区委组织部", "区委农办")
        assert section in [c.section for c in milestone.citations]
        assert "未写明" not in (milestone.notes or "")


def test_tianjiaans_counts_are_stated_not_graded_so_a_village_over_them_is_told_not_failed(tmp_path: Path) -> None:
    """五(一) 「规范挂牌后,村级组织共保留办公场所外部标牌4个,外部标识2个,内部标牌9个」.

    The interpretation states the outcome of 规范挂牌 with neither 必须/不得 nor 一般/原则上, and the
    measures it explains are not published. The ten inside plaques of a village were 不符合 on a rule the
    source never words as binding, then a 提示 that claimed 原则上 (should, because empty read as must):
    the modality is empty (the source does not say) and the 提示 says so.
    """
    catalog = villagecat.resolve("340403")
    quotas = {q.id: q for q in catalog.sign_quotas(Scope.VILLAGE)}
    counts = {"outside-plaques": 4, "outside-marks": 2, "inside-plaques": 9}
    assert {k: (quotas[f"340403.quota.{k}"].max_count, quotas[f"340403.quota.{k}"].exact) for k in counts} == {
        k: (n, False) for k, n in counts.items()
    }
    assert all(q.modality is None for q in quotas.values())
    assert all("未用“必须”“不得”" in (q.notes or "") for q in quotas.values())
    rows = ["村名,名称,位置,类型", *(f"舜耕村,功能室{n},内部,标牌" for n in range(10))]
    ledger = tmp_path / "inside.csv"
    ledger.write_text("\n".join(rows) + "\n", encoding="utf-8")
    result = invoke("check", "signage", str(ledger), "-j", "340403")
    assert result.code == 0, result.out
    assert "[提示] 舜耕村：办公场所内部标牌共 10 个，超过来源所载的 9 个（来源未写明约束力）" in result.out
    assert "「规范挂牌后,村级组织共保留办公场所外部标牌4个,外部标识2个,内部标牌9个。」" in result.out
    assert "来源用语为“原则上”，非硬性要求" not in result.out
    nine = tmp_path / "nine.csv"
    nine.write_text("\n".join(rows[:-1]) + "\n", encoding="utf-8")
    assert "内部标牌" not in invoke("check", "signage", str(nine), "-j", "340403").out


def test_jilins_report_rule_holds_except_for_emergencies_it_is_not_conditional_on_them() -> None:
    """一(三) 「除紧急突发工作外，村级组织报表以月报、季报、年报为主」: 除……外 is an exception, not a condition."""
    rule = next(o for o in villagecat.resolve("220000").obligations() if o.id == "220000.obligation.reports-mainly")
    assert (rule.condition, rule.exceptions, rule.modality) == (None, "除紧急突发工作外", Modality.MAINLY)


def _shipped_layers() -> list[villagecat.LayerPackage]:
    return [villagecat.load_layer(p.parent) for p in sorted((REPO / "data").rglob("datapackage.json"))]


@pytest.mark.parametrize("layer", _shipped_layers(), ids=lambda layer: layer.layer.id)
def test_an_exception_is_written_whole_as_the_source_writes_it(layer: villagecat.LayerPackage) -> None:
    """An exception is the source's 「除……外」 whole, never a paraphrase nor the words between 除 and 外.

    The nation wrote 二(二)4's as 「党中央、国务院明确要求或者法律法规明确规定的除外」, and Ninghe 三(一)5's
    「除中央及国家有关部委、市委市政府明确要求开展的评比达标、示范创建项目外」 had lost its 除 and 外.
    """
    for rule in layer.obligations:
        if rule.exceptions is None:
            continue
        quotes = [c.quote or "" for c in rule.citations]
        assert any(rule.exceptions in q for q in quotes), (rule.id, rule.exceptions)
        assert not any(f"除{rule.exceptions}" in q or f"{rule.exceptions}外" in q for q in quotes), rule.id


def _graded_fields(item: BaseModel) -> list[str]:
    from villagecat.format.registry import kind_of_model  # noqa: PLC0415
    from villagecat.format.rules import Graded  # noqa: PLC0415

    return [spec.name for spec in kind_of_model(type(item)).fields if isinstance(spec.rule, Graded)]


@pytest.mark.parametrize("layer", _shipped_layers(), ids=lambda layer: layer.layer.id)
def test_a_rule_recorded_as_binding_is_worded_so(layer: villagecat.LayerPackage) -> None:
    """A rule is must only where a quote it cites binds; 「村级组织要做好解释说明工作」 (要) was must.

    The model leaves modality empty where the source uses no binding word (「要……」): the nation's
    二(三)8 twice, Jilin 三(十), Ninghe 三(三)9 and Shangdang 二(二)4 had hardened 要 into must. Facilities,
    signs and quotas too: Ninghe's 「……300平方米以上」 and 「……60%以上」 were must on 以上 alone.
    """
    for _, item in layer.iter_items():
        for name in _graded_fields(item):
            if getattr(item, name) is Modality.MUST:
                quotes = [c.quote or "" for c in getattr(item, "citations", ())]
                assert any(BINDING_WORDS.search(q) for q in quotes), (item.id, name)  # type: ignore[attr-defined]
    for override in layer.overrides:
        if override.field.endswith("modality") and override.value == "must":
            assert any(BINDING_WORDS.search(c.quote or "") for c in override.citations), override.id


def test_a_bound_is_no_binding_word_and_a_hedge_is_none_either() -> None:
    """DOMAIN.md: 必须、应当、不得、一律、严禁 bind; 不低于 and 以上 say how far a rule reaches, not how strongly."""
    for words in ("必须", "应当", "不得", "一律", "严禁", "应协调提供", "禁止", "不准", "坚决杜绝"):
        assert BINDING_WORDS.search(words), words
    for words in (
        "不低于30平方米",
        "60%以上",
        "200cm×30cm以内",
        "原则上",
        "一般",
        "为宜",
        "相应的",
        "不应由",
        "应急",
        "无须",
        "积极回应社会关切",  # Shangdang 三(三): 回应 answers, it binds no one (the coverage page read 应 in it)
        "前后照应",
        "群众答应",
    ):
        assert not BINDING_WORDS.search(words), words


def test_jilins_and_ninghes_facility_rules_say_the_source_does_not_say_how_they_bind() -> None:
    """Jilin's 「……村民活动区域面积不低于总建筑面积的60％」 and Ninghe's 「……300平方米以上」「……60%以上」 were must.

    No binding word governs them (不低于, 以上 are bounds; Jilin's 一般应 governs the clause before the
    comma): the modality is empty, and the note says why, quoting the source's words.
    """
    for jurisdiction, ident in [
        ("220000", "220000.facility.village-activity-share"),
        ("120117", "120117.facility.village"),
        ("120117", "120117.facility.community"),
    ]:
        entry = villagecat.resolve(jurisdiction).get(ident)
        assert entry is not None, ident
        facility = entry.item
        assert isinstance(facility, FacilityStandard)
        assert facility.modality is None, ident
        assert "约束力留空（来源未写明）" in (facility.notes or ""), ident
        assert all(f"「{c.quote}」" in (facility.notes or "") for c in facility.citations), ident


@pytest.mark.parametrize("layer", _shipped_layers(), ids=lambda layer: layer.layer.id)
def test_whoever_a_row_names_as_bound_is_named_by_what_it_cites(layer: villagecat.LayerPackage) -> None:
    """Ninghe's 组织实施、整改落实 and 全面自查 named 各相关部门、各街镇 citing only their headings."""
    named = [(m.id, m.bound, m.citations) for m in layer.milestones]
    named += [(o.id, o.bound, o.citations) for o in layer.obligations]
    for ident, bound, citations in named:
        for who in bound:
            assert any(who in (c.quote or "") for c in citations), (ident, who)


def test_the_exception_of_new_mechanisms_is_whole_from_the_nation_down() -> None:
    """The whole 「除……外」 of 二(二)4: the nation, Jilin 二(五), Ninghe 三(二)6 and Shanxi's sixth rule."""
    whole = "除党中央、国务院明确要求或者法律法规明确规定外"
    for jurisdiction, ident in [
        ("cn", "cn.obligation.no-new-mechanisms"),
        ("140000", "cn.obligation.no-new-mechanisms"),
        ("220000", "220000.obligation.no-new-mechanisms"),
        ("120117", "cn.obligation.no-new-mechanisms"),  # Ninghe's 三(二)6 restates it
    ]:
        rule = next(o for o in villagecat.resolve(jurisdiction).obligations() if o.id == ident)
        assert rule.exceptions == whole, (jurisdiction, rule.exceptions)


def test_jilins_committees_are_an_open_list_silent_on_dedicated_posts() -> None:
    """二(五) 「建立健全人民调解、公共卫生、治安保卫、妇女和儿童工作等村民委员会下属委员会」.

    The sentence names four committees and leaves the list open (等); it says nothing of whether
    they need a dedicated post, so 专人专岗 stays empty (it read 否).
    """
    committees = [m for m in villagecat.resolve("220000").mechanisms() if m.carried_by == "村民委员会"]
    named = {"人民调解委员会", "公共卫生委员会", "治安保卫委员会", "妇女和儿童工作委员会"}
    assert {m.name for m in committees} == named
    assert all(m.dedicated_post is None for m in committees)
    assert all("未穷尽" in (m.notes or "") for m in committees)


def test_ninghes_self_inspection_ledgers_are_due_on_31_march() -> None:
    """四(一) 「……准确填报自查工作台账（详见附件6）……并于3月31日盖章报送至区民政局」 set a date no item held."""
    milestones = {m.id: m for m in villagecat.resolve("120117").milestones()}
    ledger = milestones["120117.milestone.self-inspection-ledger"]
    assert (ledger.due, ledger.due_text, ledger.bound) == ("2023-03-31", "3月31日", ("各相关部门", "各街镇"))
    assert [c.section for c in ledger.citations] == ["四(一)"]
    assert "并于3月31日盖章报送至区民政局" in (ledger.citations[0].quote or "")
    out = invoke("timeline", "-j", "120117").out
    assert "2023-03-31（原文：3月31日）" in out


@pytest.mark.parametrize("jurisdiction", ["cn", "140404", "120117"])
def test_a_rule_that_forbids_in_principle_is_told_not_failed(jurisdiction: str) -> None:
    """二(二)4 「……原则上不得在村级设立专门工作机制或者要求专人专岗」 is should, yet admit answered 不符合."""
    (finding,) = admit(villagecat.resolve(jurisdiction), ["在村级设立专门工作机制"]).findings
    assert (finding.code, finding.level, finding.rule) == ("admission-conditional-advised", "warn", Modality.SHOULD)
    assert "原则上不得" in finding.message_zh
    result = invoke("admit", "在村级设立专门工作机制", "-j", jurisdiction)
    assert result.code == 0, result.out
    assert "[提示]" in result.out
    # 「……不得新设村级工作机制，不得要求专人专岗」 binds (must): still 不符合
    (binding,) = admit(villagecat.resolve(jurisdiction), ["新设村级工作机制"]).findings
    assert binding.level == "fail"


def test_jilin_cancels_one_vote_vetoes_on_village_organisations() -> None:
    """一(四) 「……取消对村级组织的“一票否决”事项」 was held by no item: 一票否决 took the approval route."""
    rule = next(o for o in villagecat.resolve("220000").obligations() if o.id == "220000.obligation.no-veto-items")
    assert (rule.bound, rule.forbidden, rule.modality, rule.tasks) == ((), False, None, ("一票否决",))
    (finding,) = admit(villagecat.resolve("220000"), ["一票否决"]).findings
    assert (finding.code, finding.level, finding.item) == (
        "admission-rule-on-departments",
        "warn",
        "220000.obligation.no-veto-items",
    )


def test_shangdangs_service_guide_is_the_plaque_its_plan_names() -> None:
    """二(二)1 「……在综合服务站设置集合式服务功能指引标牌……」 kept the nation's 集合式服务功能指引标识, a mark."""
    guide = next(s for s in villagecat.resolve("140404").signs() if s.id == "cn.sign.service-guide")
    assert (guide.name, guide.sign_type, guide.modality, guide.mandatory) == (
        "集合式服务功能指引标牌",
        SignType.PLAQUE,
        Modality.SHOULD,
        False,
    )
    assert "集合式服务功能指引标识" in guide.aliases
    assert "一般应当（should）" in (guide.notes or "")
    assert any("根据村级组织实际情况确定" in (c.quote or "") for c in guide.citations)


def test_the_nations_office_rule_is_its_own_advised_item() -> None:
    """二(二)5 「村级组织和工作机制原则上全部在综合服务设施中办公」 was held only by the quote of 村党群服务中心."""
    catalog = villagecat.resolve("cn")
    rule = next(o for o in catalog.obligations() if o.id == "cn.obligation.offices-in-facility")
    assert (rule.bound, rule.forbidden, rule.modality, rule.applies_to) == (
        ("村级组织", "工作机制"),
        False,
        Modality.SHOULD,
        None,  # the layer's own scope, as every national item: communities follow by reference (三, last paragraph)
    )
    assert [(c.section, c.quote) for c in rule.citations] == [
        ("二(二)5", "村级组织和工作机制原则上全部在综合服务设施中办公。")
    ]
    centre = next(m for m in catalog.mechanisms() if m.id == "cn.mechanism.party-service-centre")
    assert not any("办公" in (c.quote or "") for c in centre.citations)


def test_jilins_function_area_plaque_keeps_why_it_is_only_advised() -> None:
    """二(七)'s 插入式简明标牌 replaced the nation's note (why it is should) with the bare sentence.

    Shangdang's service guide had lost the same note the same way (fixed in Shangdang 0.5.0).
    """
    plaque = next(s for s in villagecat.resolve("220000").signs() if s.id == "cn.sign.function-area")
    assert (plaque.modality, plaque.mandatory) == (Modality.SHOULD, False)
    assert "可更换的插入式简明标牌" in (plaque.notes or "")
    assert "一般应当（should）" in (plaque.notes or "")
    assert any("由村级组织根据实际情况确定，一般在显著位置" in (c.quote or "") for c in plaque.citations)


def test_ninghes_office_rule_is_a_community_s_too() -> None:
    """三(二)7 「村（社区）组织原则上全部在村（社区）党群服务中心办公」 was held by no item (a coverage reason
    pointed to the nation's 二(二)5, which names neither communities nor the 党群服务中心)."""
    catalog = villagecat.resolve("120117")
    for scope in (Scope.VILLAGE, Scope.COMMUNITY):
        rule = next(o for o in catalog.obligations(scope) if o.id == "120117.obligation.offices-in-centre")
        assert (rule.bound, rule.forbidden, rule.modality) == (("村（社区）组织",), False, Modality.SHOULD)
    # the nation's 二(二)5 reaches Ninghe's communities as every national item does (by reference); Ninghe's own
    # sentence names them and their 党群服务中心
    national = [o.id for o in catalog.obligations(Scope.COMMUNITY) if o.id == "cn.obligation.offices-in-facility"]
    assert national == ["cn.obligation.offices-in-facility"]


def test_the_nations_items_take_the_layer_s_scope_but_the_rule_for_communities() -> None:
    """The national text speaks of 村级组织 throughout and has communities follow it by reference (三, last
    paragraph): its items leave ``applies_to`` empty (the layer's own), the one rule on communities aside.
    二(二)5's office rule alone said 村."""
    national = villagecat.load_layer(REPO / "data" / "national")
    scoped = {
        str(getattr(item, "id", "")): getattr(item, "applies_to", None)
        for resource in ("duties", "mechanisms", "obligations", "milestones")
        for item in national.resource(resource)
        if getattr(item, "applies_to", None) is not None
    }
    assert scoped == {"cn.obligation.communities-by-reference": Scope.COMMUNITY}


def test_the_provinces_setting_of_plaques_is_an_item_of_its_own() -> None:
    """二(二)6 「省级党委和政府统一规定村级组织和工作机制挂牌数量、名称和式样」 was held by no item."""
    rule = next(o for o in villagecat.resolve("cn").obligations() if o.id == "cn.obligation.province-sets-plaques")
    assert (rule.bound, rule.forbidden, rule.modality) == (("省级党委和政府",), False, None)  # no binding word
    assert [(c.section, c.quote) for c in rule.citations] == [
        ("二(二)6", "省级党委和政府统一规定村级组织和工作机制挂牌数量、名称和式样")
    ]


def test_jilins_service_hall_alternatives_are_quoted_whole() -> None:
    """二(七) 「在村级综合服务大厅设置相关服务类站（点）标牌、标识或集合式服务功能索引牌」 was cut from its quote."""
    guide = next(s for s in villagecat.resolve("220000").signs() if s.id == "cn.sign.service-guide")
    assert "相关服务类站（点）标牌、标识或集合式服务功能索引牌" in (guide.notes or "")
    assert any("集合式服务功能索引牌" in (c.quote or "") for c in guide.citations)
    assert (guide.modality, guide.mandatory) == (Modality.SHOULD, False)


def test_ninghes_community_plaques_and_police_mark_say_the_plan_does_not_grade_them(tmp_path: Path) -> None:
    """三(二)8 lists 社区“四竖” and “两标识” (村（社区）新时代文明实践站、警务室) with no binding word.

    They were `should` (1.3.1) only because an empty modality then bound, by the nation's 「一般在……悬挂」, which
    lists village plaques and no 警务室: a missing one was told 来源用语为“一般”, citing a sentence without 一般.
    As Tianjia'an's counts (0.6.0), the modality is empty and the 提示 says the source does not say.
    """
    catalog = villagecat.resolve("120117")
    own = ("community-party-organisation", "residents-committee", "community-workstation",
           "residents-supervision-committee", "police-office")  # fmt: skip
    signs = {s.id: s for s in catalog.signs(Scope.COMMUNITY)}
    for slug in own:
        sign = signs[f"120117.sign.{slug}"]
        assert (sign.modality, sign.mandatory) == (None, True)
        assert "来源未写明" in (sign.notes or "")
        assert all("一般" not in (c.quote or "") for c in sign.citations)  # so no 提示 may say the source says 一般
    rows = ["名称,位置,类型,版式,所属组织", "和平社区居民委员会,外部,标牌,竖牌,居民委员会"]
    ledger = tmp_path / "signs.csv"
    ledger.write_text("\n".join(rows) + "\n", encoding="utf-8")
    result = invoke("check", "signage", str(ledger), "-j", "120117", "--scope", "社区")
    assert result.code == 0, result.out
    for name in ("社区工作站标牌", "警务室标识"):
        line = next(line for line in result.out.splitlines() if f"未悬挂目录所列的{name}" in line)
        assert "来源未写明约束力" in line
        assert "一般" not in line


_OPEN_LIST = re.compile(r"、[^，,。；;：:“”]*?等(?![级待同])")  # 「甲、乙、丙等」: the list goes on


@pytest.mark.parametrize("layer", _shipped_layers(), ids=lambda layer: layer.layer.id)
def test_an_item_that_is_one_of_a_list_ending_in_deng_says_the_list_is_open(layer: villagecat.LayerPackage) -> None:
    """「行政执法、拆迁拆违、招商引资、安全生产等事务」 names four of an open list; the nation's four said nothing.

    An item of a kind that lists things (a duty, a mechanism, a sign, a certificate) whose name
    leaves out the 等 of the quote it cites says so in its notes, or restates an item that does.
    """
    listed = (Duty, Mechanism, Sign, Certificate)
    notes = {
        getattr(item, "id", ""): getattr(item, "notes", None) or ""
        for each in _shipped_layers()
        for _, item in each.iter_items()
    }
    for _, item in layer.iter_items():
        if not isinstance(item, listed) or "等" in item.name:
            continue
        if any(_OPEN_LIST.search(c.quote or "") for c in item.citations):
            said = (item.notes or "") + notes.get(item.restates or "", "")
            assert "等" in said, item.id


def test_the_nations_consolidation_of_work_groups_is_held_as_a_rule_of_unstated_strength() -> None:
    """二(一)3's first half 「以县(市、区、旗)为单位,清理整合……微信工作群、政务APP」 was held by no item.

    It names no one and uses no binding word: no bound, modality empty, and the note says so.
    """
    national = villagecat.load_layer(REPO / "data" / "national")
    held = [
        item
        for item in national.obligations
        if any("清理整合面向村级组织的微信工作群、政务APP" in (c.quote or "") for c in item.citations)
    ]
    assert [(item.bound, item.modality) for item in held] == [((), None)]
    assert "来源未写明" in (held[0].notes or "")


@pytest.mark.parametrize("layer", _shipped_layers(), ids=lambda layer: layer.layer.id)
def test_an_override_is_named_in_chinese_not_by_its_target_and_column(layer: villagecat.LayerPackage) -> None:
    """Release notes and `diff` read 「220000.override.service-guide-in-hall（cn.sign.service-guide notes）」.

    An override's name is what a reader sees of it: the item's name and the column's title
    (「集合式服务功能指引标识：备注」), never the placeholder of an id and a field.
    """
    for override in layer.overrides:
        assert override.name != f"{override.target} {override.field}", override.id
        assert re.search(r"[\u4e00-\u9fff]", override.name), override.id


def test_jilins_function_areas_are_a_rule_of_unstated_strength() -> None:
    """「以村民群众需求为导向，合理划分……等功能区域」 has no grading word; the function areas were should (一般), and
    a village without one was told 非硬性要求：来源用语为“一般”…, which the source does not say of them."""
    jilin = villagecat.load_layer(REPO / "data" / "provinces" / "220000-jilin")
    (areas,) = [f for f in jilin.facilities if f.function_areas]
    assert areas.modality is None
    assert "未用约束力用语" in (areas.notes or "")
    assert all("一般" not in (c.quote or "") for c in areas.citations)


@pytest.mark.parametrize("layer", _shipped_layers(), ids=lambda layer: layer.layer.id)
def test_an_admission_route_s_steps_are_the_sources_words(layer: villagecat.LayerPackage) -> None:
    """Jilin 四(十二) 「每年年初须提交本级联审机制」 read 每年年初提交本级准入联审机制 (须 dropped, 准入 added).

    Shangdang 二(三) 「相关部门应按程序报告区政府批准」 lost its 应; Ninghe 五(二)'s steps left out 初审通过的.
    """
    admission = layer.layer.admission
    if admission is None:
        return
    quotes = [c.quote or "" for c in admission.citations]
    assert all(any(step in quote for quote in quotes) for step in admission.steps), admission.steps
