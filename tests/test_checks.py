"""Checks against effective catalogs: each finding cited, none resting on a rule the layers lack."""

from __future__ import annotations

import dataclasses
import json
from typing import TYPE_CHECKING, Any

import pytest

import villagecat
from conftest import REPO, invoke
from layers import child_layer, write_child
from villagecat._names import place_form
from villagecat.checks import (
    ActualSign,
    CertificateRefusedError,
    FacilityFigures,
    LedgerError,
    NoTemplateError,
    admit,
    audit,
    check_facility,
    check_signage,
    lint,
    read_ledger,
    render_certificate,
)
from villagecat.models import (
    Authority,
    Certificate,
    Citation,
    Document,
    FacilityStandard,
    Mechanism,
    MechanismBasis,
    MechanismType,
    Modality,
    Obligation,
    Orientation,
    Placement,
    Scope,
    Sign,
    SignQuota,
    SignType,
)
from villagecat.package import load_layer, save_layer
from villagecat.registry import shipped_layer_paths
from villagecat.resolution import registry_with

if TYPE_CHECKING:
    from pathlib import Path

LEDGERS = REPO / "tests" / "fixtures" / "ledgers"


#: Ninghe's work plan as a citation names it (no 文号: its title).
NINGHE_PLAN = "天津市宁河区规范村（社区）组织工作事务、机制牌子和证明事项的工作方案"


def fails(report: villagecat.checks.CheckReport) -> list[tuple[str, str]]:
    return sorted((f.subject, f.code) for f in report.findings if f.level == "fail")


def test_jilin_village_of_900_households_is_advised_270_and_missing_it_by_20_is_a_hint() -> None:
    """「面积一般应达到200平方米且每百户……不低于30平方米」: 一般 advises, so a miss is 提示, not 不符合."""
    report = check_facility(villagecat.resolve("220000"), [FacilityFigures(250, 900, 160)])
    (floor,) = [f for f in report.findings if f.code == "facility-floor-area-advised"]
    assert (floor.level, floor.rule, floor.observed) == ("warn", 270, 250)
    assert not [f for f in report.findings if f.level == "fail"]
    assert "差 20 m²" in floor.message_zh
    assert floor.citations[0].document == "220000.document.measures"
    share = next(f for f in report.findings if f.code == "facility-activity-share")
    assert (share.level, share.rule, share.observed) == ("pass", 60, 64.0)


def test_the_same_figures_are_told_against_300_in_ninghe_whose_source_does_not_say_it_binds() -> None:
    """「每个村拥有……300平方米以上标准」 has no binding word (以上 is a bound): a miss is a 提示 that says so."""
    report = check_facility(villagecat.resolve("120117"), [FacilityFigures(250, 900, 160)])
    (floor,) = [f for f in report.findings if f.code == "facility-floor-area-unstated"]
    assert (floor.level, floor.rule) == ("warn", 300)
    assert "（来源未写明约束力，只作提示）" in floor.message_zh
    assert floor.citations[0].section == "三(二)7"
    assert not report.failed


def test_facility_cli_and_batch_file(tmp_path: Path) -> None:
    result = invoke(
        "check",
        "facility",
        "--jurisdiction",
        "220000",
        "--floor-area",
        "250",
        "--households",
        "900",
        "--activity-area",
        "160",
    )
    assert result.code == 0  # only advised: 提示
    # The larger of two figures in words, not a function a clerk has to read (max(200, 9 × 30)).
    said = "270 m²（200 m² 与 9 × 30 m² 中较大者），差 20 m²；非硬性要求：来源用语为“一般”“原则上”等建议性用语\n"
    assert said in result.out
    assert "[提示]" in result.out
    batch = tmp_path / "villages.csv"
    batch.write_text(
        "village,floor_area_m2,households,activity_area_m2\n甲村,300,900,200\n乙村,250,900,160\n", encoding="utf-8"
    )
    result = invoke("check", "facility", "-j", "jilin", "--file", str(batch))
    assert result.code == 0
    assert "甲村\t0\t0\t2" in result.out
    assert "乙村\t0\t1\t1" in result.out
    batch.write_text("village,floor_area_m2,households,activity_area_m2\n丙村,300,900,150\n", encoding="utf-8")
    result = invoke("check", "facility", "-j", "jilin", "--file", str(batch))
    assert result.code == 0  # 「村民活动区域面积不低于总建筑面积的60％」 has no binding word: 50 % is told, not failed
    assert "[提示] 丙村：村民活动区域占 50.0%，未达到来源所载的 60%（来源未写明约束力）" in result.out


def test_ninghe_audit_finds_the_fifth_vertical_plaque_and_the_proof_of_life_certificate() -> None:
    """Ninghe: 外部除按照“一横四竖两标识”挂牌外，原则上不得悬挂其他标牌: the fifth plaque is a 提示, not 不符合."""
    report = audit(villagecat.resolve("120117"), read_ledger(LEDGERS / "ninghe_village.yaml"))
    assert fails(report) == [("东棘坨村", "audit-certificate-must-not-issue")]
    (extra,) = [f for f in report.findings if f.level == "warn"]
    assert extra.code == "signage-not-allowed-advised"
    assert "原则上不得悬挂（来源用语为“原则上”，非硬性要求）" in extra.message_zh
    assert any("原则上不得悬挂其他标牌" in (c.quote or "") for c in extra.citations)
    for finding in report.findings:
        if finding.level == "fail":
            assert finding.citations, finding.code
    cert = next(f for f in report.findings if f.code == "audit-certificate-must-not-issue")
    assert cert.citations[0].document == "cn.document.minfa-2020-20-annex"


def test_jilin_audit_finds_oversize_and_wrong_text_colour_only_each_a_hint() -> None:
    report = audit(villagecat.resolve("220000"), read_ledger(LEDGERS / "jilin_village.csv"))
    # 「村党组织标牌用白底红字」 names no binding word: other colours are a 提示 saying so, not 不符合.
    # 「一般应在200cm×30cm以内」 advises: an oversize plaque is 提示.
    assert fails(report) == []
    assert sorted((f.subject, f.code) for f in report.findings if f.level == "warn") == [
        ("榆树村", "signage-colour-unstated"),
        ("榆树村", "signage-oversize-advised"),
    ]
    colour = next(f for f in report.findings if f.code == "signage-colour-unstated")
    assert "字色为黑，来源所载为红（来源未写明约束力）" in colour.message_zh
    assert "应为" not in colour.message_zh
    for finding in report.findings:
        if finding.level != "pass":  # the plaque hung as listed rests on the nation's 二(二)6
            assert finding.citations[-1].document == "220000.document.measures"
    result = invoke("audit", str(LEDGERS / "jilin_village.csv"), "--jurisdiction", "220000", "--format", "markdown")
    assert result.code == 0  # hints only
    table = "| 对象 | 结论 | 说明 | 依据 |\n|---|---|---|---|\n| 榆树村 | 提示 | 外部竖牌标牌“中共XX村支部委员会”超出"
    assert table in result.out
    assert "signage-" not in result.out  # a code is a slug a clerk cannot read
    english = invoke(
        "audit", str(LEDGERS / "jilin_village.csv"), "-j", "220000", "--format", "markdown", "--lang", "en"
    )
    assert "| subject | verdict | code | finding | basis |\n|---|---|---|---|---|\n" in english.out
    assert "| 榆树村 | note | `signage-oversize-advised` |" in english.out


def test_no_finding_rests_on_a_rule_the_jurisdiction_lacks() -> None:
    """The Jilin plaque sizes and colours do not apply in Ninghe, whose layers set none."""
    ledger = read_ledger(LEDGERS / "jilin_village.csv")
    report = audit(villagecat.resolve("120117"), ledger)
    # the 警务室 mark Ninghe lists (三(二)8, no binding word: modality empty) is missing, and no more is said
    assert {f.code for f in report.findings} >= {"signage-missing-unstated"}
    assert not {f.code for f in report.findings if f.code.startswith(("signage-oversize", "signage-colour"))}


def test_ledger_as_an_xlsx_workbook_with_chinese_headers(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "证明"
    sheet.append(["村名", "名称"])
    sheet.append(["东棘坨村", "健在证明"])
    sheet.append(["西村", "居民养犬证明"])
    duties = book.create_sheet("事项")
    duties.append(["村名", "名称"])
    duties.append(["西村", "拆迁拆违"])
    path = tmp_path / "ledger.xlsx"
    book.save(path)
    report = audit(villagecat.resolve("120117"), read_ledger(path))
    assert fails(report) == [
        ("东棘坨村", "audit-certificate-must-not-issue"),
        ("西村", "audit-certificate-must-not-issue"),
    ]
    # 「拆迁拆违」 names no listed item, and Ninghe's lists (附件1–3) are not recorded: a note, naming the prohibition
    duty = next(f for f in report.findings if f.code == "audit-duty-lists-not-included")
    assert (duty.subject, duty.level) == ("西村", "warn")
    assert "作为拆迁拆违事务的责任主体属于履职负面事项" in duty.message_zh
    assert report.summary()["西村"]["fail"] == 1


def test_a_bad_ledger_row_names_file_row_and_field(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("village,category,text,placement,width_cm\n甲村,sign,XX村民委员会,outside,wide\n", encoding="utf-8")
    with pytest.raises(LedgerError, match=r"bad\.csv，第 2 行，字段 width_cm：“wide”不是数字"):
        read_ledger(path)
    result = invoke("audit", str(path), "-j", "220000")
    assert result.code == 1
    assert result.err.startswith("villagecat: ")
    assert "第 2 行，字段 width_cm" in result.err
    english = invoke("audit", str(path), "-j", "220000", "--lang", "en")
    assert english.err.endswith("bad.csv, row 2, field width_cm: 'wide' is not a number\n")
    gbk = tmp_path / "gbk.csv"
    gbk.write_bytes("village,category,name\n甲村,certificate,健在证明\n".encode("gb18030"))
    result = invoke("audit", str(gbk), "-j", "220000")  # Excel's and WPS's CSV on Chinese Windows: read
    assert result.code == 1
    assert result.err == ""
    assert "“健在证明”不应出具" in result.out


def test_a_ledger_saved_with_semicolons_says_so_once(tmp_path: Path) -> None:
    """Read with commas, the header was one unknown column named 村名;类别;名称, and nothing said why."""
    path = tmp_path / "台账.csv"
    path.write_text("村名;类别;名称\n甲村;证明;健在证明\n", encoding="utf-8-sig")
    result = invoke("audit", str(path), "-j", "220000")
    assert result.code == 2
    assert result.err.startswith(f"villagecat: {path}：各列之间用的是分号（;），应为逗号；请在 Excel 中"), result.err


def test_certificate_refusal_says_why_and_what_to_do_instead() -> None:
    with pytest.raises(CertificateRefusedError) as info:
        render_certificate(villagecat.resolve("120117"), "无犯罪记录证明", {"姓名": "张三"})
    assert "要向群众做好解释说明" in info.value.message_zh
    assert "网上核验" in info.value.message_zh
    # Ninghe restates the national duty to explain (三(三)9): both clauses are cited.
    assert [c.section for c in info.value.citations] == ["第5项", "二(三)8", "三(三)9", "二(三)7"]
    result = invoke("certificate", "render", "无犯罪记录证明", "--jurisdiction", "120117", "--set", "姓名=张三")
    assert result.code == 1
    assert "村（社区）不应出具“无犯罪记录证明”" in result.err


def _county_with_certificate(tmp_path: Path, basis: str, authority: str = "law") -> Path:
    doc = Document(id="220102.document.basis", title="测试依据", authority=Authority(authority))
    cert = Certificate.model_validate(
        {
            "id": "220102.certificate.residence",
            "name": "居住证明",
            "status": "retained",
            "template": "兹证明{姓名}（身份证号：{身份证号}）居住在本村。",
            "placeholders": ["姓名", "身份证号"],
            "basis": [basis],
            "citations": ["cn.document.tingzi-2022-28#二(三)8"],
        }
    )
    return write_child(tmp_path, "220000", documents=(doc,), certificates=(cert,))


def test_render_fills_a_retained_template_and_refuses_missing_or_unknown_values(tmp_path: Path) -> None:
    path = _county_with_certificate(tmp_path, "220102.document.basis#第一条")
    result = invoke(
        "certificate",
        "render",
        "居住证明",
        "-j",
        "220102",
        "--layer",
        str(path),
        "--set",
        "姓名=张三",
        "--set",
        "身份证号=220102199001011234",
    )
    assert (result.code, result.out) == (0, "兹证明张三（身份证号：220102199001011234）居住在本村。\n")
    html = invoke(
        "certificate",
        "render",
        "居住证明",
        "-j",
        "220102",
        "--layer",
        str(path),
        "--format",
        "html",
        "--set",
        "姓名=<b>张三</b>",
        "--set",
        "身份证号=1",
    )
    assert "<strong>&lt;b&gt;张三&lt;/b&gt;</strong>" in html.out
    missing = invoke("certificate", "render", "居住证明", "-j", "220102", "--layer", str(path), "--set", "姓名=张三")
    assert missing.code == 1
    assert "缺少：身份证号" in missing.err
    unknown = invoke(
        "certificate",
        "render",
        "居住证明",
        "-j",
        "220102",
        "--layer",
        str(path),
        "--set",
        "姓名=张三",
        "--set",
        "身份证号=1",
        "--set",
        "住址=x",
    )
    assert "范本中没有：住址" in unknown.err


def test_admission_prohibited_listed_and_unlisted_with_the_route() -> None:
    report = admit(
        villagecat.resolve("120117"),
        ["作为拆迁拆违事务的责任主体", "组织群众、宣传群众、凝聚群众、服务群众", "人口普查入户登记"],
    )
    codes = [(f.subject, f.code, f.level) for f in report.findings]
    assert codes == [
        ("作为拆迁拆违事务的责任主体", "admission-prohibited", "fail"),
        ("组织群众、宣传群众、凝聚群众、服务群众", "admission-listed", "pass"),
        ("人口普查入户登记", "admission-lists-not-included", "warn"),  # Ninghe's 附件1、2 are not recorded
    ]
    assert "附件1《宁河区村（社区）组织依法履职工作事务清单》" in report.findings[2].message_zh
    assert report.findings[2].citations[0].section == "五(二)"
    assist = admit(villagecat.resolve("220000"), ["协助党政群机构开展的工作事务"]).findings[0]
    assert "费随事转" in assist.message_zh
    assert "联系村民" in assist.message_zh
    cli = invoke("admit", "招商引资任务", "-j", "shangdang")
    assert cli.code == 0  # Shanxi's catalogs are not recorded: if not in them, the district's route; a note
    assert "山西省《村级组织履行职责事项指导目录》" in cli.out
    assert "如不在其中，须经上党区规定的准入程序" in cli.out
    assert "作为招商引资事务的责任主体属于履职负面事项" in cli.out


def test_lint_asks_about_a_retained_certificate_resting_on_another_kind_of_basis(tmp_path: Path) -> None:
    """「缺乏法律法规或国务院决定等依据」: 等 leaves the list open, so a Party regulation was 不符合 wrongly.

    A basis of another kind (党内法规, 规范性文件) is a hint to check; a law passes.
    """
    for authority, label in (("party_regulation", "党内法规"), ("normative_document", "规范性文件")):
        path = _county_with_certificate(tmp_path / authority, "220102.document.basis#第一条", authority=authority)
        report = lint(load_layer(path), registry_with([path]))
        (finding,) = [f for f in report.findings if f.code == "lint-certificate-basis"]
        assert (finding.level, finding.item) == ("warn", "220102.certificate.residence")
        assert finding.citations[0].section == "二(三)7"
        result = invoke("lint", str(path))
        assert result.code == 0
        assert f"依据为{label}，不是法律法规或国务院决定" in result.out
        assert "未列尽，请核实该依据" in result.out
    ok = _county_with_certificate(tmp_path / "ok", "220102.document.basis#第一条", authority="law")
    assert not [f for f in lint(load_layer(ok), registry_with([ok])).findings if f.code == "lint-certificate-basis"]


def test_shipped_layers_pass_lint() -> None:
    for path in shipped_layer_paths():
        assert invoke("lint", str(path)).code == 0, path


def test_a_ledger_that_records_nothing_is_refused_not_passed(tmp_path: Path) -> None:
    """An empty file, a table with only its header or villages with only their names checked nothing: never 0 项."""
    openpyxl = pytest.importorskip("openpyxl")
    (tmp_path / "empty.csv").write_text("", encoding="utf-8")
    (tmp_path / "header.csv").write_text("村名,类别,名称\n", encoding="utf-8")
    (tmp_path / "names.yaml").write_text("villages:\n  - village: 甲村\n  - village: 乙村\n", encoding="utf-8")
    book = openpyxl.Workbook()
    book.active.append(["村名", "类别", "名称"])
    book.save(tmp_path / "header.xlsx")
    for name in ("empty.csv", "header.csv", "names.yaml", "header.xlsx"):
        with pytest.raises(LedgerError, match="台账中没有任何可核查的记录"):
            read_ledger(tmp_path / name)
        result = invoke("audit", str(tmp_path / name), "-j", "120117")
        assert result.code == 1, name
        assert "没有任何可核查的记录" in result.err
        assert result.out == ""


def test_a_village_the_ledger_records_nothing_of_is_told_not_silently_passed(tmp_path: Path) -> None:
    path = tmp_path / "ledger.yaml"
    path.write_text("villages:\n  - village: 甲村\n    certificates: [健在证明]\n  - village: 乙村\n", encoding="utf-8")
    report = audit(villagecat.resolve("120117"), read_ledger(path))
    empty = [f for f in report.findings if f.code == "audit-village-empty"]
    assert [(f.subject, f.level) for f in empty] == [("乙村", "warn")]
    assert "未作核查" in empty[0].message_zh


def test_a_row_without_its_village_in_a_ledger_of_many_is_refused(tmp_path: Path) -> None:
    """Rows without a name were lumped into one nameless village; now the row is named."""
    path = tmp_path / "ledger.csv"
    path.write_text("村名,类别,名称\n甲村,证明,健在证明\n,证明,居民养犬证明\n", encoding="utf-8")
    with pytest.raises(LedgerError, match=r"ledger\.csv，第 3 行，字段 村名：未填写村名"):
        read_ledger(path)
    listed = tmp_path / "ledger.yaml"
    listed.write_text("villages:\n  - village: 甲村\n    duties: [x]\n  - duties: [y]\n", encoding="utf-8")
    with pytest.raises(LedgerError, match=r"第 2 个村，字段 村名：未填写村名"):
        read_ledger(listed)
    one = tmp_path / "one.csv"  # no row names a village: one village's ledger
    one.write_text("类别,名称\n证明,健在证明\n证明,居民养犬证明\n", encoding="utf-8")
    assert [v.village for v in read_ledger(one).villages] == [""]


def test_a_ledger_of_another_kind_is_unreadable_and_json_is_read_as_yaml_is(tmp_path: Path) -> None:
    """A .json ledger was read as CSV (a header of ``{`` and no rows: 0 项); a .txt as well."""
    broken = tmp_path / "ledger.json"
    broken.write_text("{not json", encoding="utf-8")
    result = invoke("audit", str(broken), "-j", "120117")
    assert (result.code, result.out) == (2, "")
    assert "JSON 格式错误" in result.err
    text = tmp_path / "ledger.txt"
    text.write_text("村名,类别,名称\n甲村,证明,健在证明\n", encoding="utf-8")
    result = invoke("audit", str(text), "-j", "120117")
    assert result.code == 2
    assert "不支持的台账文件类型“.txt”" in result.err
    good = tmp_path / "good.json"
    good.write_text('{"villages": [{"village": "甲村", "certificates": ["健在证明"]}]}', encoding="utf-8")
    yaml_twin = tmp_path / "good.yaml"
    yaml_twin.write_text("villages:\n  - village: 甲村\n    certificates: [健在证明]\n", encoding="utf-8")
    assert read_ledger(good) == read_ledger(yaml_twin)
    report = audit(villagecat.resolve("120117"), read_ledger(good))
    assert fails(report) == [("甲村", "audit-certificate-must-not-issue")]


def test_a_ledger_error_names_the_column_as_the_clerk_wrote_it(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    import datetime as dt  # noqa: PLC0415

    path = tmp_path / "ledger.csv"
    path.write_text("村名,类别,名称,位置,宽度\n甲村,标牌,村委会,外部,宽\n", encoding="utf-8")
    with pytest.raises(LedgerError, match=r"第 2 行，字段 宽度：“宽”不是数字"):
        read_ledger(path)
    missing = tmp_path / "missing.csv"
    missing.write_text("村名,类别\n甲村,证明\n", encoding="utf-8")
    with pytest.raises(LedgerError, match=r"第 2 行，字段 名称：必填"):
        read_ledger(missing)
    for value, shown in ((True, "true"), (dt.date(2023, 1, 5), "2023-01-05")):  # a true/false or date is no width
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.title = "标牌"
        sheet.append(["村名", "名称", "位置", "宽度"])
        sheet.append(["甲村", "村委会", "外部", value])
        book.save(tmp_path / "signs.xlsx")
        with pytest.raises(LedgerError, match=rf"signs\.xlsx，工作表“标牌”，第 2 行，字段 宽度：“{shown}”不是数字$"):
            read_ledger(tmp_path / "signs.xlsx")


def test_facility_file_counts_households_whole_and_takes_the_scope(tmp_path: Path) -> None:
    """9.5 households was read as 9; ``--scope`` and the village's own figures were ignored with --file."""
    half = tmp_path / "half.csv"
    half.write_text("村名,建筑面积,户数\n甲村,300,9.5\n", encoding="utf-8")
    result = invoke("check", "facility", "--file", str(half), "-j", "120117")
    assert result.code == 1
    assert "第 2 行，字段 户数：“9.5”应为整数" in result.err
    figures = tmp_path / "figures.csv"  # Ninghe: a village needs 300 m²; a community of 900 households 270 m²
    figures.write_text("村名,建筑面积,户数\n甲社区,280,900.0\n", encoding="utf-8")
    as_village = invoke("check", "facility", "--file", str(figures), "-j", "120117")
    as_community = invoke("check", "facility", "--file", str(figures), "-j", "120117", "--scope", "community")
    assert "差 20 m²" in as_village.out  # 300 m² a village (told: the source does not say it binds)
    assert "差" not in as_community.out, as_community.out
    own = tmp_path / "own.csv"
    own.write_text("村名,建筑面积,户数,村或社区\n甲社区,280,900,社区\n乙村,280,900,村\n", encoding="utf-8")
    report = invoke("check", "facility", "--file", str(own), "-j", "120117", "--format", "json")
    short = {f["subject"] for f in json.loads(report.out)["findings"] if f["code"] == "facility-floor-area-unstated"}
    assert short == {"乙村"}
    both = tmp_path / "both.csv"
    both.write_text("村名,建筑面积,户数,村或社区\n甲,280,900,村和社区\n", encoding="utf-8")
    assert (
        "字段 村或社区：“村和社区”应为 村、社区 之一"
        in invoke("check", "facility", "--file", str(both), "-j", "120117").err
    )


def test_one_unnamed_village_has_a_subject_systems_can_read(tmp_path: Path) -> None:
    """``check facility --floor-area …`` (and a signage file naming no village) gave JSON ``"summary": {"": …}``
    and ``"subject": ""``: a key no system can tell from a missing one."""
    argv = ("check", "facility", "-j", "220000", "--floor-area", "250", "--households", "900", "--format", "json")
    payload = json.loads(invoke(*argv).out)
    assert payload["summary"] == {"village": {"fail": 0, "warn": 1, "pass": 0}}
    assert [f["subject"] for f in payload["findings"]] == ["village"]
    signs = tmp_path / "signs.yaml"
    signs.write_text("signs:\n  - {name: 村党组织, sign_type: plaque, placement: outside}\n", encoding="utf-8")
    signage = json.loads(invoke("check", "signage", str(signs), "-j", "120117", "--format", "json").out)
    assert list(signage["summary"]) == ["village"]
    assert {f["subject"] for f in signage["findings"]} == {"village"}
    # The text names no subject it was not given: the one village's findings read as before.
    text = invoke(*argv[:-2]).out
    assert "  [提示] 建筑面积 250 m²" in text


def test_check_facility_figures_given_both_ways_or_not_at_all_is_a_usage_error(tmp_path: Path) -> None:
    """An options mistake exits 2 with the 用法错误 line and the command's --help, as argparse's own do."""
    figures = tmp_path / "villages.csv"
    figures.write_text("村名,建筑面积,户数\n甲村,300,900\n", encoding="utf-8")
    given = invoke("check", "facility", "--file", str(figures), "-j", "120117", "--floor-area", "5")
    assert (given.code, given.out) == (2, "")
    assert given.err == (
        "villagecat check facility: 用法错误：--file 给出多个村的数据，不能同时给出一个村的 --floor-area；请二选一；"
        "请运行 villagecat check facility --help 查看用法\n"
    )
    neither = invoke("check", "facility", "-j", "120117", "--households", "900", "--lang", "en")
    assert (neither.code, neither.out) == (2, "")
    assert neither.err.startswith("villagecat check facility: error: give --floor-area (with --households)")


def test_a_yaml_ledger_not_in_utf8_gets_advice_for_a_text_file_not_for_a_csv(tmp_path: Path) -> None:
    path = tmp_path / "ledger.yaml"
    path.write_bytes("villages:\n  - village: 甲村\n    certificates: [健在证明]\n".encode("gb18030"))
    result = invoke("audit", str(path), "-j", "120117")
    assert result.code == 2
    assert "以 UTF-8 编码另存" in result.err
    assert "CSV" not in result.err


def test_a_figure_past_any_real_one_is_refused_not_checked_into_float_noise(tmp_path: Path) -> None:
    """``--households 99999999999999999999999999`` was checked: 未达到建议的 30000000000000000570425344 m²."""
    result = invoke("check", "facility", "-j", "220000", "--floor-area", "250", "--households", "9" * 26)
    assert (result.code, result.out) == (1, "")
    assert "户数为 " + "9" * 26 + "，超出合理范围（不超过 10000000）" in result.err
    ledger = tmp_path / "big.csv"
    ledger.write_text("村名,建筑面积,户数\n甲村,300,1e9\n", encoding="utf-8")
    result = invoke("check", "facility", "-j", "220000", "--file", str(ledger))
    assert result.code == 1
    assert "big.csv，第 2 行，字段 户数：“1e9”超出合理范围" in result.err
    with pytest.raises(villagecat.checks.InvalidMeasurementError, match="宽度为 20000000，"):
        villagecat.checks.ActualSign(text="村委会", placement=Placement.OUTSIDE, width_cm=2e7)
    assert (
        "户数为 10000000"
        not in invoke("check", "facility", "-j", "220000", "--floor-area", "250", "--households", "10000000").err
    )


def test_a_column_or_key_the_ledger_does_not_know_is_refused_not_ignored(tmp_path: Path) -> None:
    """字体颜色 (for 字色) and ``sign:`` (for ``signs:``) were dropped: Jilin's red-text rule went unchecked."""
    misspelt = tmp_path / "misspelt.csv"
    misspelt.write_text("村名,类别,名称,位置,字体颜色\n甲村,标牌,村委会,外部,黑\n", encoding="utf-8")
    with pytest.raises(LedgerError, match=r"misspelt\.csv，第 1 行，字段 字体颜色：不认识这一列.*字色"):
        read_ledger(misspelt)
    remarks = tmp_path / "remarks.csv"  # a clerk's 备注 and 序号 are read and left alone
    remarks.write_text("序号,村名,类别,名称,备注\n1,甲村,证明,健在证明,已停开\n", encoding="utf-8")
    assert read_ledger(remarks).villages[0].certificates == ["健在证明"]
    key = tmp_path / "key.yaml"
    key.write_text("villages:\n  - village: 甲村\n    sign: [{text: 村委会, placement: 外部}]\n", encoding="utf-8")
    with pytest.raises(LedgerError, match=r"第 1 个村，字段 sign：不认识这个键"):
        read_ledger(key)
    chinese = tmp_path / "chinese.yaml"  # the Chinese keys a clerk writes
    chinese.write_text("villages:\n  - 村名: 甲村\n    证明: [健在证明]\n    设施: {建筑面积: 250}\n", encoding="utf-8")
    (village,) = read_ledger(chinese).villages
    assert (village.village, village.certificates, village.facility.floor_area_m2) == ("甲村", ["健在证明"], 250)  # type: ignore[union-attr]
    entry = tmp_path / "entry.yaml"
    entry.write_text("signs:\n  - {text: 村委会, placement: 外部, 字体颜色: 黑}\n", encoding="utf-8")
    with pytest.raises(LedgerError, match="第 1 项，字段 字体颜色：不认识这个键"):
        villagecat.checks.read_signs(entry)


def test_a_list_where_one_value_belongs_is_refused_not_read_as_its_repr(tmp_path: Path) -> None:
    """``certificates: [[无犯罪记录证明]]`` was the unlisted “['无犯罪记录证明']”: a 提示 for a banned certificate."""
    for text, where in (
        (
            "villages:\n  - village: 甲村\n    certificates: [[无犯罪记录证明]]\n",
            "字段 名称：应为一个值，而不是一个列表",
        ),
        ("villages:\n  - village: [甲村]\n    certificates: [健在证明]\n", "字段 村名：应为一个值，而不是一个列表"),
        ("villages:\n  - village: 甲村\n    facility: {floor_area_m2: [300]}\n", "字段 floor_area_m2：应为一个值"),
    ):
        path = tmp_path / "ledger.yaml"
        path.write_text(text, encoding="utf-8")
        with pytest.raises(LedgerError, match=where):
            read_ledger(path)


def test_a_village_s_facility_twice_or_a_sheet_per_village_is_never_silently_merged(tmp_path: Path) -> None:
    """A second facility row replaced the first (100 m² gone); sheets 榆树村 and 柳树村 became one nameless village."""
    twice = tmp_path / "twice.csv"
    twice.write_text("村名,类别,建筑面积\n甲村,设施,100\n甲村,设施,400\n", encoding="utf-8")
    with pytest.raises(LedgerError, match=r"twice\.csv，第 3 行：甲村 的设施已在前面一行记过"):
        read_ledger(twice)
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    for index, (name, area) in enumerate((("榆树村", 150), ("柳树村", 400))):
        sheet = book.active if index == 0 else book.create_sheet()
        sheet.title = name
        sheet.append(["类别", "建筑面积", "活动区域面积"])
        sheet.append(["设施", area, area * 0.7])
    book.save(tmp_path / "villages.xlsx")
    ledger = read_ledger(tmp_path / "villages.xlsx")
    assert {v.village: v.facility.floor_area_m2 for v in ledger.villages} == {"榆树村": 150, "柳树村": 400}  # type: ignore[union-attr]
    told = audit(villagecat.resolve("120117"), ledger).findings
    assert [(f.subject, f.code) for f in told if f.rule == 300 and f.level == "warn"] == [
        ("榆树村", "facility-floor-area-unstated")
    ]


def test_the_guide_s_first_ledger_reads_as_the_guide_writes_it(tmp_path: Path) -> None:
    """Its certificate row names the certificate in ``text``, as its signs do: it was refused (名称 必填)."""
    guide = (REPO / "docs" / "guides" / "audit-ledgers.md").read_text(encoding="utf-8")
    block = guide.split("```csv\n", 1)[1].split("```", 1)[0]
    path = tmp_path / "guide.csv"
    path.write_text(block, encoding="utf-8")
    (village,) = read_ledger(path).villages
    assert village.certificates == ["健在证明"]
    assert len(village.signs) == 1


def test_names_in_a_ledger_match_as_names_do_everywhere_else(tmp_path: Path) -> None:
    """村黨群服務中心 was a mechanism without basis (不符合); 妇女(儿童)之家 was a missing area; an empty cell, none."""
    ledger = tmp_path / "ledger.yaml"
    ledger.write_text(
        "villages:\n  - village: 甲村\n    mechanisms: [{name: 村黨群服務中心, dedicated_post: false}]\n",
        encoding="utf-8",
    )
    assert fails(audit(villagecat.resolve("120117"), read_ledger(ledger))) == []
    catalog = villagecat.resolve("220000")  # Jilin lists 妇女（儿童）之家 among its function areas
    areas = next(f.function_areas for f in catalog.facilities() if f.function_areas)
    typed = tuple(a.replace("（", "(").replace("）", ")") for a in areas)
    report = check_facility(catalog, [FacilityFigures(400, 100, 300, typed)])
    assert not [f for f in report.findings if f.code.startswith("facility-function-areas") and f.level != "pass"]
    blank = tmp_path / "blank.csv"
    blank.write_text("村名,建筑面积,户数,活动区域面积,功能区域\n甲村,400,100,300,\n", encoding="utf-8")
    (figures,) = villagecat.checks.read_facility_file(blank)
    assert figures.function_areas is None  # not given: nothing to check, not “has none”


def test_figures_that_cannot_be_or_leave_a_rule_unchecked_are_told(tmp_path: Path) -> None:
    """An activity area larger than the floor passed; a community without 户数 got 不符合 0 项，提示 0 项."""
    result = invoke("check", "facility", "-j", "120117", "--floor-area", "300", "--activity-area", "400")
    assert (result.code, result.out) == (1, "")
    assert "活动区域面积 400 大于建筑面积 300" in result.err
    community = invoke("check", "facility", "-j", "120117", "--floor-area", "10", "--scope", "community")
    assert community.code == 0
    assert "未给出户数，未核查来源所载的“每百户不少于 30 平方米”（来源未写明约束力）" in community.out
    assert f"{NINGHE_PLAN} 三(二)7" in community.out  # Ninghe's own rule, not the nation's
    counted = invoke(
        "check", "facility", "-j", "120117", "--floor-area", "10", "--households", "100", "--scope", "community"
    )
    assert "facility-households-needed" not in counted.out
    ledger = tmp_path / "swapped.csv"
    ledger.write_text("村名,建筑面积,活动区域面积\n甲村,300,400\n", encoding="utf-8")
    assert "活动区域面积 400 大于建筑面积 300" in invoke("check", "facility", "-j", "120117", "--file", str(ledger)).err


def test_a_community_s_plaques_are_checked_by_the_community_s_rules(tmp_path: Path) -> None:
    """A Ninghe community with exactly its four plaques and 警务室 got 不符合 4 项 by the villages' rules."""
    rows = ["村名,类别,名称,位置,标牌类型,版式,所属组织,村或社区"]
    plaques = ("社区党组织", "居民委员会", "社区工作站", "居务监督委员会")
    rows += [f"甲社区,标牌,{o},外部,标牌,竖牌,{o},社区" for o in plaques]
    rows.append("甲社区,标牌,警务室,外部,标识,,警务室,社区")
    ledger = tmp_path / "community.csv"
    ledger.write_text("\n".join(rows) + "\n", encoding="utf-8")
    report = audit(villagecat.resolve("120117"), read_ledger(ledger))
    assert fails(report) == []
    # Ninghe's 一横 and 两标识 are 村（社区）'s, without a binding word: the nation's 一般 is a village's, so a
    # community is told its source does not say how strongly they bind (a 提示)
    missing = {(f.item, f.level) for f in report.findings if f.code == "signage-missing-unstated"}
    assert missing == {("cn.sign.party-service-centre", "warn"), ("cn.sign.civilisation-practice-station", "warn")}
    plain = tmp_path / "plain.csv"  # no 村或社区 column: --scope says it
    plain.write_text("\n".join(line.rsplit(",", 1)[0] for line in rows) + "\n", encoding="utf-8")
    assert invoke("check", "signage", str(plain), "-j", "120117", "--scope", "community").code == 0
    as_village = invoke("check", "signage", str(plain), "-j", "120117", "--format", "json")  # not a village's plaques
    assert "signage-not-allowed-advised" in as_village.out
    mixed = tmp_path / "mixed.csv"
    mixed.write_text("\n".join([*rows, "甲社区,标牌,村委会,外部,标牌,竖牌,村民委员会,村"]) + "\n", encoding="utf-8")
    result = invoke("audit", str(mixed), "-j", "120117")
    assert result.code == 1
    assert "甲社区 的标牌有的写“村”，有的写“社区”" in result.err


def test_a_ceiling_on_plaques_whose_names_are_not_given_counts_every_plaque(tmp_path: Path) -> None:
    """Tianjia'an's 办公场所内部标牌 至多9个 was never enforced: inside plaques match no named sign."""
    rows = ["村名,类别,名称,位置,标牌类型"]
    rows += [f"甲村,标牌,内部标牌{n},内部,标牌" for n in range(10)]
    ledger = tmp_path / "inside.csv"
    ledger.write_text("\n".join(rows) + "\n", encoding="utf-8")
    report = audit(villagecat.resolve("340403"), read_ledger(ledger))
    assert fails(report) == []  # 「规范挂牌后……内部标牌9个」 states the count with no binding word: 提示
    assert [(f.subject, f.code, f.level) for f in report.findings if f.item == "340403.quota.inside-plaques"] == [
        ("甲村", "signage-count-unstated", "warn")
    ]
    nine = tmp_path / "nine.csv"
    nine.write_text("\n".join(rows[:-1]) + "\n", encoding="utf-8")
    counted = audit(villagecat.resolve("340403"), read_ledger(nine)).findings
    assert not [f for f in counted if f.item == "340403.quota.inside-plaques"]


def test_a_plaque_is_recognised_by_the_legal_name_its_organisation_bears(tmp_path: Path) -> None:
    """中共榆树村委员会 and 榆树村股份经济合作社 were 不得悬挂 in Ninghe, and their plaques reported missing."""
    ledger = tmp_path / "plaques.csv"
    rows = ["村名,类别,名称,位置,标牌类型,版式"]
    rows += [
        f"榆树村,标牌,{text},外部,标牌,竖牌"
        for text in ("中共榆树村委员会", "榆树村村民委员会", "榆树村股份经济合作社", "榆树村村务监督委员会")
    ]
    ledger.write_text("\n".join(rows) + "\n", encoding="utf-8")
    report = audit(villagecat.resolve("120117"), read_ledger(ledger))
    assert not [f for f in report.findings if f.code in ("signage-not-allowed", "signage-unlisted")], report.findings
    missing = {f.rule for f in report.findings if f.code.startswith("signage-missing")}
    assert not missing & {"村党组织标牌", "村集体经济组织标牌"}, missing
    jilin = tmp_path / "jilin.csv"  # and so Jilin's colour rule reaches the Party plaque
    jilin.write_text("村名,类别,名称,位置,底色,字色\n甲村,标牌,中共甲村支部委员会,外部,白,黑\n", encoding="utf-8")
    found = audit(villagecat.resolve("220000"), read_ledger(jilin)).findings
    assert ("甲村", "signage-colour-unstated") in [(f.subject, f.code) for f in found]


def test_a_column_twice_is_named_as_the_clerk_wrote_it(tmp_path: Path) -> None:
    """村名 and 村 both name the village: it was reported as 字段 village."""
    path = tmp_path / "dup.csv"
    path.write_text("村名,村,类别,名称\n甲,甲,证明,健在证明\n", encoding="utf-8")
    with pytest.raises(LedgerError, match="第 1 行，字段 村名：表头中列名重复"):
        read_ledger(path)


def test_signs_and_figures_by_village_sheet_and_the_names_they_must_bear(tmp_path: Path) -> None:
    """check signage / facility --file merged a workbook's village sheets; a 纪律检查委员会 passed for the Party."""
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    for index, village in enumerate(("甲村", "乙村")):
        sheet = book.active if index == 0 else book.create_sheet()
        sheet.title = village
        sheet.append(["名称", "位置"])
        for n in range(6):
            sheet.append([f"内部牌{n}", "内部"])
    book.save(tmp_path / "signs.xlsx")
    signs = villagecat.checks.read_signs(tmp_path / "signs.xlsx")
    assert {s.village for s in signs} == {"甲村", "乙村"}
    assert invoke("check", "signage", str(tmp_path / "signs.xlsx"), "-j", "340403").code == 0  # 6 each, not 12
    book = openpyxl.Workbook()
    for index, (village, area) in enumerate((("榆树村", 400), ("柳树村", 250))):
        sheet = book.active if index == 0 else book.create_sheet()
        sheet.title = village
        sheet.append(["建筑面积（平方米）", "户数（户）"])  # titles with their units, as spreadsheets head them
        sheet.append([area, 300])
    book.save(tmp_path / "figures.xlsx")
    figures = villagecat.checks.read_facility_file(tmp_path / "figures.xlsx")
    assert {(f.village, f.floor_area_m2) for f in figures} == {("榆树村", 400), ("柳树村", 250)}
    twice = tmp_path / "twice.csv"
    twice.write_text("乡镇,村名,建筑面积,户数\n东棘坨镇,榆树村,400,300\n东棘坨镇,榆树村,250,300\n", encoding="utf-8")
    with pytest.raises(LedgerError, match="第 3 行：榆树村 的设施已在前面一行记过"):
        villagecat.checks.read_facility_file(twice)
    plaques = tmp_path / "plaques.csv"
    plaques.write_text("名称,位置\n中共榆树村纪律检查委员会,外部\n榆树村股份经济合作社监事会,外部\n", encoding="utf-8")
    report = check_signage_of(plaques, "120117")
    assert {f.observed for f in report.findings if f.code == "signage-unlisted"} == {
        "中共榆树村纪律检查委员会",
        "榆树村股份经济合作社监事会",
    }


def check_signage_of(path: Path, jurisdiction: str) -> villagecat.checks.CheckReport:
    return villagecat.checks.check_signage(villagecat.resolve(jurisdiction), villagecat.checks.read_signs(path))


def test_ordinary_column_titles_a_county_writes_are_read(tmp_path: Path) -> None:
    """A 乡镇 column, a title with its unit (宽度（厘米）, 宽(厘米)) or in another case (Width_CM) was refused."""
    path = tmp_path / "ledger.csv"
    path.write_text(
        "乡镇,村名,类别,名称,位置,宽度（厘米）,高(厘米),Text_Colour\n东棘坨镇,榆树村,标牌,村委会,外部,300,80,黑\n",
        encoding="utf-8",
    )
    (village,) = read_ledger(path).villages
    (sign,) = village.signs
    assert (sign.width_cm, sign.height_cm, sign.text_colour) == (300, 80, villagecat.models.Colour.BLACK)


@pytest.mark.parametrize(("width", "height"), [("宽（cm）", "高（cm）"), ("宽(公分)", "高(CM)")])
def test_a_short_title_with_another_unit_word_is_read(tmp_path: Path, width: str, height: str) -> None:
    """宽（cm） was told 不认识这一列；是否应为“宽（厘米）”: 宽（厘米） was read, 厘米 written as cm was not."""
    path = tmp_path / "ledger.csv"
    path.write_text(f"村名,类别,名称,位置,{width},{height}\n榆树村,标牌,村委会,外部,300,80\n", encoding="utf-8")
    (village,) = read_ledger(path).villages
    (sign,) = village.signs
    assert (sign.width_cm, sign.height_cm) == (300, 80)


def test_a_pattern_written_for_village_and_community_reads_either(tmp_path: Path) -> None:
    """XX村（社区）党群服务中心: 光明社区党群服务中心 was not recognised, so it was unlisted and its 一横 missing."""
    path = tmp_path / "community.yaml"
    path.write_text(
        "- {text: 光明社区党群服务中心, placement: 外部, sign_type: 标牌, orientation: 横牌, village: 光明社区}\n"
        "- {text: 榆树村党群服务中心, placement: 外部, sign_type: 标牌, orientation: 横牌, village: 榆树村}\n",
        encoding="utf-8",
    )
    signs = villagecat.checks.read_signs(path)
    from villagecat.checks.signage import signage_findings  # noqa: PLC0415
    from villagecat.models import Scope  # noqa: PLC0415

    community = signage_findings(villagecat.resolve("120117"), signs[:1], scope=Scope.COMMUNITY)
    village = signage_findings(villagecat.resolve("120117"), signs[1:], "榆树村")
    for findings in (community, village):
        assert not [f for f in findings if f.item == "cn.sign.party-service-centre" and f.level != "pass"]
        assert not [f for f in findings if "not-allowed" in f.code]


def test_ninghe_grades_a_community_s_plaques_as_it_grades_a_village_s(tmp_path: Path) -> None:
    """One sentence lists 村“四竖” and 社区“四竖”: a village without one got a 提示, a community 不符合."""
    rows = ["村名,类别,名称,位置,标牌类型,版式,所属组织,村或社区"]
    rows += [f"甲社区,标牌,{o},外部,标牌,竖牌,{o},社区" for o in ("社区党组织", "居民委员会", "居务监督委员会")]
    rows += [f"乙村,标牌,{o},外部,标牌,竖牌,{o},村" for o in ("村党组织", "村民委员会", "村务监督委员会")]
    ledger = tmp_path / "plaques.csv"
    ledger.write_text("\n".join(rows) + "\n", encoding="utf-8")
    report = audit(villagecat.resolve("120117"), read_ledger(ledger))
    # 一般 for a village's (national 二(二)6); the plan grades none of its own (三(二)8): both are 提示, neither 不符合
    missing = {(f.subject, f.item): f.level for f in report.findings if f.code.startswith("signage-missing")}
    assert missing[("甲社区", "120117.sign.community-workstation")] == "warn"
    assert missing[("乙村", "cn.sign.collective-economic-organisation")] == "warn"
    assert missing[("甲社区", "120117.sign.police-office")] == missing[("乙村", "120117.sign.police-office")] == "warn"
    assert fails(report) == []


def test_a_count_without_names_does_not_close_the_set(tmp_path: Path) -> None:
    """Tianjia'an's 共保留外部标牌4个 names none: a village's four plaques, one not the nation's, were 不符合."""
    rows = ["村名,类别,名称,位置,标牌类型,版式,所属组织"]
    rows += [f"甲村,标牌,{o},外部,标牌,竖牌,{o}" for o in ("村党组织", "村民委员会", "村务监督委员会")]
    rows.append("甲村,标牌,便民服务中心,外部,标牌,竖牌,")
    ledger = tmp_path / "outside.csv"
    ledger.write_text("\n".join(rows) + "\n", encoding="utf-8")
    assert fails(audit(villagecat.resolve("340403"), read_ledger(ledger))) == []
    five = tmp_path / "five.csv"
    five.write_text("\n".join([*rows, "甲村,标牌,老年人协会,外部,标牌,竖牌,"]) + "\n", encoding="utf-8")
    report = audit(villagecat.resolve("340403"), read_ledger(five))
    assert fails(report) == []  # the fifth is over the count the source states, which it does not grade: 提示
    assert ("甲村", "signage-count-unstated") in [(f.subject, f.code) for f in report.findings if f.level == "warn"]


def test_a_value_with_an_invisible_control_character_is_refused(tmp_path: Path) -> None:
    """A U+202E in a placeholder's value reached the certificate's text and page unescaped."""
    path = _county_with_certificate(tmp_path, "220102.document.basis#第一条")
    args = ["certificate", "render", "居住证明", "-j", "220102", "--layer", str(path), "--set", "身份证号=1"]
    result = invoke(*args, "--set", "姓名=张\u202e三")
    assert result.code == 1
    assert "含有看不见的控制字符（U+202E）" in result.err
    assert result.out == ""
    for hidden in ("\u2029", "\u3164", "\u2800", "\u00ad"):  # a new paragraph, blanks that show as nothing
        refused = invoke(*args, "--set", f"姓名=张三{hidden}兹证明李四")
        assert (refused.code, refused.out) == (1, ""), hidden
    for alone in ("\ufe0f", "\u034f张三"):  # a variation selector or joiner with no character before it
        refused = invoke(*args, "--set", f"姓名={alone}")
        assert (refused.code, refused.out) == (1, ""), alone


def test_an_open_list_of_assist_activities_is_not_called_the_only_ones() -> None:
    """主要负责协调联络、组织动员、宣传教育、诉求反映等 was answered as 村级组织仅负责…."""
    result = invoke("admit", "依法协助政府工作事务（附件2所列事项）", "-j", "120117")
    assert result.code == 0
    assert "仅负责" not in result.out
    assert (
        "来源列出的村级组织协助工作：协调联络、组织动员、宣传教育、诉求反映（是否仅限于此，以出处原文为准）"
        in result.out
    )


def test_a_dedicated_post_the_province_consented_to_is_allowed(tmp_path: Path) -> None:
    """未经省级党委和政府同意……不得要求专人专岗: a post with the province's consent was 不符合."""
    ledger = tmp_path / "ledger.yaml"
    rows = "villages:\n  - village: 甲村\n    mechanisms:\n"
    rows += "      - {name: 甲工作站, dedicated_post: true, basis: 省级党委和政府同意}\n"
    rows += "      - {name: 乙工作站, dedicated_post: true, basis: 无依据}\n"
    ledger.write_text(rows, encoding="utf-8")
    result = invoke("audit", str(ledger), "-j", "220000")
    assert "工作机制“甲工作站”要求专人专岗" not in result.out
    assert "工作机制“乙工作站”要求专人专岗" in result.out


def test_an_encouraged_alternative_is_not_told_as_done() -> None:
    """鼓励……网上核验、主动调查、告知承诺 was told the resident as 该事项改由有关部门……办理, a fact."""
    result = invoke("certificate", "render", "无犯罪记录证明", "-j", "120117")
    assert result.code == 1
    assert "来源鼓励有关部门通过网上核验、主动调查、告知承诺等方式办理该事项" in result.err
    assert "改由有关部门" not in result.err


def test_a_mechanism_whose_basis_the_ledger_leaves_empty_is_asked_for_it_not_ordered_removed(tmp_path: Path) -> None:
    """人民调解委员会 with an empty 设立依据 was 不在目录中且无设立依据，应予清理 (不符合) in Ninghe.

    National 二(二)4 names 村民委员会及其下属委员会 as bodies that carry duties; an empty cell
    says nothing either way. Only a basis written 无依据 fails; Jilin lists the committees.
    """
    ledger = tmp_path / "mech.csv"
    ledger.write_text(
        "村名,类别,名称,专人专岗,设立依据\n"
        "甲村,机制,人民调解委员会,否,\n"
        "甲村,机制,网格化服务管理站,是,\n"
        "甲村,机制,乙工作站,是,无依据\n",
        encoding="utf-8",
    )
    report = audit(villagecat.resolve("120117"), read_ledger(ledger))
    codes = [(f.observed, f.code, f.level) for f in report.findings]
    assert codes == [
        ("人民调解委员会", "audit-mechanism-basis-unknown", "warn"),
        ("网格化服务管理站", "audit-mechanism-basis-unknown", "warn"),
        ("none", "audit-mechanism-dedicated-post", "fail"),
        ("乙工作站", "audit-mechanism-without-basis", "fail"),
    ]
    assert "台账未写明设立依据，未核查" in report.findings[0].message_zh
    assert "“无依据”" in report.findings[0].message_zh
    jilin = audit(villagecat.resolve("220000"), read_ledger(ledger))
    assert [f.code for f in jilin.findings] == [code for _, code, _ in codes[1:]]  # 人民调解委员会 is listed
    # A listed mechanism with a dedicated post and no basis anywhere: asked for, not failed.
    post = tmp_path / "post.csv"
    post.write_text("村名,类别,名称,专人专岗,设立依据\n甲村,机制,人民调解委员会,是,\n", encoding="utf-8")
    (finding,) = audit(villagecat.resolve("220000"), read_ledger(post)).findings
    assert (finding.code, finding.level) == ("audit-mechanism-post-basis-unknown", "warn")
    result = invoke("audit", str(ledger), "-j", "120117")
    assert result.code == 1  # 乙工作站's written 无依据 still fails
    assert "人民调解委员会”不在目录中且无设立依据" not in result.out


@pytest.mark.parametrize(
    ("issued", "listed"),
    [
        ("养犬证明", "居民养犬证明"),
        ("无犯罪证明", "无犯罪记录证明"),
        ("居民死亡证明", "死亡证明"),
        ("婚姻状况证明书", "婚姻状况证明"),
    ],
)
def test_a_short_name_of_a_certificate_not_to_be_issued_is_pointed_at_it(
    tmp_path: Path, issued: str, listed: str
) -> None:
    """养犬证明 got only 不在证明事项目录中；仅限……据实出具, which reads as permission.

    The name is alike, not the same: a 提示 naming the listed item (and only the closest one:
    婚姻状况证明书 is not 婚育状况证明), never 不符合.
    """
    ledger = tmp_path / "cert.csv"
    ledger.write_text(f"村名,类别,名称\n东村,证明,{issued}\n", encoding="utf-8")
    (finding,) = audit(villagecat.resolve("120117"), read_ledger(ledger)).findings
    assert (finding.code, finding.level) == ("audit-certificate-alike", "warn")
    assert f"名称与“{listed}”（不应出具）相近：请核实是否即该项，如是应停止出具" in finding.message_zh
    assert finding.citations[0].document == "cn.document.minfa-2020-20-annex"
    assert invoke("audit", str(ledger), "-j", "120117").code == 0
    # admit finds the same, by the same measure
    (answer,) = admit(villagecat.resolve("120117"), [issued]).findings
    assert f"名称与“{listed}”（不应出具）相近" in answer.message_zh


@pytest.mark.parametrize("name", ["居住证明", "学生参加活动情况反馈证明"])
def test_a_certificate_alike_to_none_is_told_only_that_it_is_unlisted(tmp_path: Path, name: str) -> None:
    """学生参加活动情况反馈证明 was 相近 to 社区戒毒社区康复人员情况证明: they share only 情况 and 证明."""
    ledger = tmp_path / "cert.csv"
    ledger.write_text(f"村名,类别,名称\n东村,证明,{name}\n", encoding="utf-8")
    (finding,) = audit(villagecat.resolve("120117"), read_ledger(ledger)).findings
    assert (finding.code, finding.level) == ("audit-certificate-unlisted", "warn")
    assert "相近" not in finding.message_zh
    (answer,) = admit(villagecat.resolve("120117"), [name]).findings
    assert "相近" not in answer.message_zh


def test_a_retained_certificate_without_a_template_is_not_refused() -> None:
    """Shanxi's 收养人……证明 is 由村级组织出具; render said 拒绝出具：……没有证明内容范本, exit 1.

    The village may issue it; villagecat only has no template to fill in: said so, exit 2 (as an
    item or field that is not there), never as a refusal.
    """
    name = "收养人婚姻状况和抚养教育能力、收养状况证明"
    with pytest.raises(NoTemplateError) as info:
        render_certificate(villagecat.resolve("140404"), name, {})
    assert not isinstance(info.value, CertificateRefusedError)
    result = invoke("certificate", "render", name, "-j", "140404")
    assert (result.code, result.out) == (2, "")
    assert "拒绝" not in result.err
    assert (  # Shanxi's list: villages only
        f"目录中没有“{name}”的证明内容范本，无法生成；该事项是目录保留的证明事项，村可按目录据实出具" in result.err
    )
    assert "山西出台措施为村级组织减负 明确五项由村级出具的证明事项" in result.err
    refused = invoke("certificate", "render", "健在证明", "-j", "140404")
    assert refused.code == 1
    assert "拒绝出具：" in refused.err


def test_values_that_do_not_fit_a_template_are_not_a_refusal(tmp_path: Path) -> None:
    path = _county_with_certificate(tmp_path, "220102.document.basis#第一条")
    result = invoke("certificate", "render", "居住证明", "-j", "220102", "--layer", str(path), "--set", "姓名=张三")
    assert result.code == 1
    assert "“居住证明”的填写项有误（缺少：身份证号）" in result.err
    assert "拒绝出具" not in result.err


def test_a_communitys_own_duty_is_listed_for_a_community_by_reference(tmp_path: Path) -> None:
    """`admit 实行居民自治 -j 120117` was 不在目录中，须经……准入程序, and admit had no --scope.

    Ninghe 三(一)1 writes 实行村（居）民依法自治; national 三 says communities follow the opinion
    by reference. For a community the catalog's 实行村民自治 is its 实行居民自治, and says so.
    """
    catalog = villagecat.resolve("120117")
    (village,) = admit(catalog, ["实行居民自治"]).findings
    assert (village.code, village.level) == ("admission-lists-not-included", "warn")  # a village's word is 村民
    (community,) = admit(catalog, ["实行居民自治"], Scope.COMMUNITY).findings
    assert (community.code, community.level, community.item) == (
        "admission-listed",
        "pass",
        "cn.duty.villager-autonomy",
    )
    assert "（实行村民自治，城市社区参照执行）" in community.message_zh
    assert community.citations[-1].section == "三"
    (own,) = admit(catalog, ["实行村民自治"], Scope.COMMUNITY).findings
    # Written as the catalog writes it, the duty is still the village's (national 二(一)1): a community's by reference
    assert "（实行村民自治，城市社区参照执行）" in own.message_zh
    assert own.citations[-1].section == "三"
    (village_own,) = admit(catalog, ["实行村民自治"]).findings
    assert "参照执行" not in village_own.message_zh
    result = invoke("admit", "实行居民自治", "-j", "120117", "--scope", "社区")
    assert result.code == 0
    assert invoke("admit", "实行居民自治", "-j", "120117").code == 0  # a note: Ninghe's 附件1–3 are not recorded
    ledger = tmp_path / "duties.csv"
    ledger.write_text("村名,村或社区,类别,名称\n光明社区,社区,事项,实行居民自治\n", encoding="utf-8")
    assert fails(audit(catalog, read_ledger(ledger))) == []
    plain = tmp_path / "plain.csv"
    plain.write_text("村名,类别,名称\n光明社区,事项,实行居民自治\n", encoding="utf-8")
    assert invoke("audit", str(plain), "-j", "120117", "--scope", "community").code == 0
    mixed = tmp_path / "mixed.csv"
    mixed.write_text(
        "村名,村或社区,类别,名称\n光明社区,社区,事项,实行居民自治\n光明社区,村,事项,实行村民自治\n", encoding="utf-8"
    )
    refused = invoke("audit", str(mixed), "-j", "120117")
    assert refused.code == 1
    assert "第 3 行，字段 村或社区：光明社区的事项、机制、证明行有的写村、有的写社区" in refused.err


def test_a_layer_of_villages_only_judges_no_communitys_certificates_or_route(tmp_path: Path) -> None:
    """Shanxi's list (a layer that covers villages only) told a community 是村级组织可以出具的证明事项.

    A certificate says nothing of whom it applies to, so it applies where the layer that listed
    it does, as duties and signs already did; Shangdang's admission route, a layer of villages,
    is no community's either; and a community's findings name 社区组织, not 村级组织.
    """
    catalog = villagecat.resolve("140404")
    shanxi = "学生参加活动情况反馈证明"
    assert shanxi in {c.name for c in catalog.certificates(Scope.VILLAGE)}
    assert shanxi not in {c.name for c in catalog.certificates(Scope.COMMUNITY)}
    assert len(catalog.certificates(Scope.COMMUNITY)) == 20  # the national list, which covers both
    (village,) = admit(catalog, [shanxi]).findings
    assert (village.code, village.level) == ("admission-certificate-retained", "pass")
    assert "是村级组织可以出具的证明事项" in village.message_zh
    (community,) = admit(catalog, [shanxi], Scope.COMMUNITY).findings
    assert community.code == "admission-needs-approval"
    told = community.message_zh.split("；", 1)[1].replace("派交村级组织承担", "")
    assert "村级组织" not in told.replace("此条写的是村级组织", "")  # the rule's words, and whom they are for
    assert "上党区" not in community.message_zh  # not Shangdang's route
    assert "本辖区各层未规定准入程序" in community.message_zh
    (route,) = admit(catalog, ["代为办理低保申请"]).findings
    assert "须经上党区规定的准入程序" in route.message_zh
    (stopped,) = admit(catalog, ["居民养犬证明"], Scope.COMMUNITY).findings
    assert "是社区组织不应出具的证明事项" in stopped.message_zh
    assert "社区组织要做好解释说明" in stopped.message_zh
    ledger = tmp_path / "certificates.csv"
    ledger.write_text(f"村名,村或社区,类别,名称\n甲村,村,证明,{shanxi}\n乙社区,社区,证明,{shanxi}\n", encoding="utf-8")
    village_finding, community_finding = audit(catalog, read_ledger(ledger)).findings
    assert (village_finding.subject, village_finding.code) == ("甲村", "audit-certificate-retained")
    assert (community_finding.subject, community_finding.level) == ("乙社区", "warn")  # not listed for it
    assert community_finding.code == "audit-certificate-unlisted"


def test_a_mechanism_listed_for_communities_only_is_not_a_villages(tmp_path: Path) -> None:
    """audit matched a village's mechanism against one listed for communities only, and took its basis."""
    doc = Document(id="220102.document.basis", title="测试依据", authority=Authority.LAW)
    station = Mechanism(
        id="220102.mechanism.community-station",
        name="社区工作站",
        mechanism_type=MechanismType.STATION,
        applies_to=Scope.COMMUNITY,
        basis=MechanismBasis.LAW,
        dedicated_post=True,
        citations=(Citation(document="220102.document.basis", section="第一条"),),
    )
    package = child_layer("220000", documents=(doc,), mechanisms=(station,))
    covers = (Scope.VILLAGE, Scope.COMMUNITY)
    both = dataclasses.replace(package, layer=package.layer.model_copy(update={"covers": covers}))
    path = save_layer(both, tmp_path / "child")
    catalog = villagecat.resolve("220102", layers=[path])
    ledger = tmp_path / "mechanisms.csv"
    ledger.write_text(
        "村名,村或社区,类别,名称,专人专岗,设立依据\n甲村,村,机制,社区工作站,是,\n乙社区,社区,机制,社区工作站,是,\n",
        encoding="utf-8",
    )
    found = sorted((f.subject, f.code) for f in audit(catalog, read_ledger(ledger)).findings)
    assert found == [("甲村", "audit-mechanism-basis-unknown")]  # unlisted for a village: its basis is asked for


def test_names_read_the_words_for_a_place_as_the_scope_reads_them() -> None:
    """村（居）民 is 村民 for a village and 居民 for a community; a community reads 村民 as its 居民."""
    assert place_form("实行村（居）民依法自治") == place_form("实行村民依法自治")
    assert place_form("实行村（居）民依法自治", Scope.COMMUNITY, by_reference=False) == place_form("实行居民依法自治")
    assert place_form("实行居民自治", Scope.COMMUNITY) == place_form("实行村民自治", Scope.COMMUNITY)
    assert place_form("实行居民自治") != place_form("实行村民自治")  # a village's 居民 stays 居民
    assert place_form("居住证明", Scope.COMMUNITY) == "居住证明"


def test_a_facility_finding_says_when_the_rule_is_advice_and_cites_the_clause_that_sets_it() -> None:
    """A Ninghe village without 户数 was told 未核查“每百户不少于 30 平方米”的要求, as if binding, citing
    二(二)5 「以省…为单位制定…标准」 (which sets no value); a community's 30 m² cited the 60 % clause too.
    """
    catalog = villagecat.resolve("120117")
    (village,) = [f for f in check_facility(catalog, [FacilityFigures(350)]).findings if f.level != "pass"]
    assert (village.code, village.level) == ("facility-households-needed", "warn")
    # the nation's planning target names no grading word: told as a rule whose source does not say how it binds
    assert "未核查来源所载的“每百户不少于 30 平方米”（来源未写明约束力）" in village.message_zh
    assert [c.document for c in village.citations] == ["cn.document.ndrc-briefing-2022-02-09"]
    (target,) = [f for f in check_facility(catalog, [FacilityFigures(350, 2000)]).findings if f.level != "pass"]
    assert (target.code, target.level, target.rule) == ("facility-floor-area-unstated", "warn", 600)
    # the figure that decides (20 × 30 m², the briefing) is cited first; the formula's other figure (300 m², Ninghe's
    # 三(二)7) after it: a reader checks each number said against its clause
    cited = [c.document for c in target.citations]
    assert cited == ["cn.document.ndrc-briefing-2022-02-09", "120117.document.work-plan"]
    assert "300平方米" in (target.citations[1].quote or "")
    community = check_facility(catalog, [FacilityFigures(350, 2000, 100, scope=Scope.COMMUNITY)]).findings
    floor = next(f for f in community if f.code == "facility-floor-area-unstated")
    share = next(f for f in community if f.code == "facility-activity-share-unstated")
    assert floor.level == share.level == "warn"  # 「……30平方米以上」「……60%以上」: no binding word
    assert [c.quote and "30平方米" in c.quote for c in floor.citations] == [True]
    assert [c.quote and "60%" in c.quote for c in share.citations] == [True]
    (own,) = [
        f for f in check_facility(catalog, [FacilityFigures(350, scope=Scope.COMMUNITY)]).findings if f.level != "pass"
    ]
    assert "未核查来源所载的“每百户不少于 30 平方米”（来源未写明约束力）" in own.message_zh  # Ninghe's own rule


def test_lint_fails_a_dedicated_post_only_where_the_basis_is_recorded_as_none(tmp_path: Path) -> None:
    """A mechanism with 专人专岗 and no basis recorded was 不符合; the basis is not known, not wanting."""
    cite = (Citation(document="cn.document.tingzi-2022-28", section="二(二)4"),)
    for basis, code, level in (
        (None, "lint-mechanism-post-basis-unknown", "warn"),
        ("none", "lint-mechanism-dedicated-post", "fail"),
    ):
        station = Mechanism(
            id="220102.mechanism.station",
            name="网格化服务管理站",
            mechanism_type=MechanismType.STATION,
            dedicated_post=True,
            basis=MechanismBasis(basis) if basis else None,
            citations=cite,
        )
        path = write_child(tmp_path / code, "220000", mechanisms=(station,))
        (finding,) = [f for f in lint(load_layer(path), registry_with([path])).findings if "mechanism" in f.code]
        assert (finding.code, finding.level) == (code, level)


@pytest.mark.parametrize(
    "argv",
    [
        ("admit", "人口普查入户登记", "-j", "120117"),
        ("audit", str(LEDGERS / "jilin_village.csv"), "-j", "220000"),
        ("check", "facility", "-j", "120117", "--floor-area", "250"),
        ("lint", str(REPO / "data" / "provinces" / "220000-jilin")),
    ],
)
def test_a_chinese_report_says_each_finding_in_words_and_leaves_its_code_to_english_and_json(
    argv: tuple[str, ...],
) -> None:
    """A code (signage-missing) is a slug a clerk cannot read; support and machines have it in English and JSON."""
    chinese = invoke(*argv)
    english = invoke(*argv, "--lang", "en")
    data = json.loads(invoke(*argv, "--format", "json").out)
    codes = {f["code"] for f in data["findings"] if f["level"] != "pass"}
    assert codes
    for code in codes:
        assert code not in chinese.out
        assert f"({code})" in english.out


def test_a_citation_that_quotes_nothing_reads_as_its_document_s_title_never_a_bare_id() -> None:
    """The national per-household advice cites the NDRC briefing, whose clause has no section and no quote.

    The report said 依据：cn.document.ndrc-briefing-2022-02-09, an id a clerk cannot read; it names the
    document by its title (as the data gives it), adds no section or quote, and JSON keeps the id.
    """
    clauses = (REPO / "data" / "national" / "clauses.csv").read_text(encoding="utf-8")
    assert "\ncn.clause.ndrc-briefing-2022-02-09,cn.document.ndrc-briefing-2022-02-09,,\n" in clauses
    argv = ("check", "facility", "-j", "120117", "--floor-area", "350", "--households", "2000")
    text = invoke(*argv).out
    assert "cn.document.ndrc-briefing" not in text
    title = "国家发展改革委2022年2月9日新闻发布会（谈《“十四五”城乡社区服务体系建设规划》；来源未给出正式标题）"
    assert f"\n      依据：{title}\n" in text
    assert "| 国家发展改革委2022年2月9日新闻发布会（" in invoke(*argv, "--format", "markdown").out
    (advised,) = [f for f in json.loads(invoke(*argv, "--format", "json").out)["findings"] if f["level"] == "warn"]
    assert advised["citations"][0] == {"document": "cn.document.ndrc-briefing-2022-02-09"}  # the deciding figure's
    refused = invoke("certificate", "render", "无犯罪记录证明", "-j", "120117")  # a section, no quote: title, section
    assert "\n  依据：不应由基层群众性自治组织出具证明事项清单（第一批） 第5项\n" in refused.err
    quoted = invoke("check", "facility", "-j", "120117", "--floor-area", "250").out  # a quote: the title too
    assert f"依据：{NINGHE_PLAN} 三(二)7「按照城市社区每百户居民" in quoted


def test_a_finding_cites_each_clause_once() -> None:
    """admit 居民养犬证明 printed 依据：…二(三)8… twice: the certificate's basis and the rule cite one clause."""
    from villagecat.checks import admit  # noqa: PLC0415

    report = admit(villagecat.resolve("120117"), ["居民养犬证明"])
    for finding in report.findings:
        assert len(finding.citations) == len(set(finding.citations)), finding.citations
    assert report.findings


def test_the_checks_read_what_they_are_given_once_a_generator_included() -> None:
    """``admit(catalog, (t for t in tasks))`` found nothing: the tasks were read once to check them, again to decide.

    ``check_signage`` grouped the signs by village the same way; both now read their input once.
    """
    catalog = villagecat.resolve("120117")
    tasks = ["人口普查入户登记", "招商引资"]
    listed = [(f.code, f.subject) for f in admit(catalog, tasks).findings]
    assert listed
    assert [(f.code, f.subject) for f in admit(catalog, (t for t in tasks)).findings] == listed
    alone = [(f.code, f.subject) for f in admit(catalog, "人口普查入户登记").findings]  # one task, not its characters
    assert alone == [(f.code, f.subject) for f in admit(catalog, ["人口普查入户登记"]).findings]
    signs = [
        ActualSign(text=text, placement=Placement.OUTSIDE, village=village)
        for village in ("东村", "西村")
        for text in (
            "中共东村支部委员会",
            "东村村民委员会",
            "东村村务监督委员会",
            "乡村振兴工作站",
            "综治中心",
            "志愿服务站",
        )
    ]
    findings = [(f.code, f.subject, f.level) for f in check_signage(catalog, signs).findings]
    assert findings
    assert [(f.code, f.subject, f.level) for f in check_signage(catalog, iter(signs)).findings] == findings


def test_a_refused_certificate_names_its_status_as_the_catalog_does(tmp_path: Path) -> None:
    """A clerk reads 不应出具, never the code; in English the status is its code, as the English catalog shows it."""
    import re  # noqa: PLC0415

    from villagecat.models import CertificateStatus  # noqa: PLC0415

    ledger = tmp_path / "台账.csv"
    ledger.write_text("村名,类别,名称\n甲村,证明,居民养犬证明\n甲村,证明,养犬情况证明\n", encoding="utf-8")
    commands = (
        ["certificate", "render", "居民养犬证明", "-j", "120117"],
        ["admit", "出具居民养犬证明", "-j", "120117"],
        ["audit", str(ledger), "-j", "120117"],
    )
    status = CertificateStatus.NOT_TO_ISSUE
    catalog = {lang: invoke("catalog", "120117", "--lang", lang).out for lang in ("zh", "en")}
    assert f"[{status.words.zh}] 居民养犬证明" in catalog["zh"]
    assert f"[{status.words.en}] 居民养犬证明" in catalog["en"]
    for argv in commands:
        chinese = invoke(*argv)
        said = chinese.out + chinese.err
        assert status.label in said, argv
        assert not re.search(r"\b[a-z]+_[a-z_]+\b", said), (argv, said)  # no code for a clerk
        english = invoke(*argv, "--lang", "en")
        assert str(status.words.en) in english.out + english.err, argv
        assert "not_to_issue" not in english.out + english.err, argv  # a code in running English read as words


# How strongly a rule binds (DOMAIN.md): only a binding word fails; an empty modality is a source that does
# not say, told as such (a 提示), never 不符合 and never a silent pass.

_CITE = (Citation(document="cn.document.tingzi-2022-28", section="二(二)5"),)


def _graded(tmp_path: Path, modality: str | None) -> tuple[villagecat.EffectiveCatalog, Path]:
    """A province under the nation whose facility, sign, quota and department rules have ``modality`` (None: unsaid).

    Returns its effective catalog and its package's folder.
    """
    graded: dict[str, Any] = {"modality": Modality(modality)} if modality else {}
    sized: dict[str, Any] = (
        {"size_modality": Modality(modality), "orientation_modality": Modality(modality)} if modality else {}
    )
    facility = FacilityStandard(
        id="430000.facility.village",
        name="村级综合服务设施",
        citations=_CITE,
        applies_to=Scope.VILLAGE,
        min_floor_area_m2=500,
        min_activity_area_pct=70,
        function_areas=("图书室",),
        **graded,
    )
    sign = Sign(
        id="430000.sign.library",
        name="农家书屋",
        citations=_CITE,
        sign_type=SignType.PLAQUE,
        placement=Placement.OUTSIDE,
        orientation=Orientation.VERTICAL,
        organisation="农家书屋",
        max_long_side_cm=100,
        max_short_side_cm=20,
        mandatory=True,
        **graded,
        **sized,
    )
    quota = SignQuota(
        id="430000.quota.outside-plaques",
        name="外部标牌",
        citations=_CITE,
        sign_type=SignType.PLAQUE,
        placement=Placement.OUTSIDE,
        max_count=1,
        exact=True,
        **graded,
    )
    rule = Obligation(
        id="430000.obligation.no-tests",
        name="不得要求村级组织开展测试评比",
        citations=_CITE,
        bound=("党政群机构",),
        tasks=("测试评比",),
        **graded,
    )
    package = child_layer(
        "cn",
        "430000",
        level="province",
        facilities=(facility,),
        signs=(sign,),
        sign_quotas=(quota,),
        obligations=(rule,),
    )
    path = save_layer(package, tmp_path / "430000")
    return villagecat.resolve("430000", layers=[path]), path


def _ours(report: villagecat.checks.CheckReport) -> dict[str, tuple[str, str]]:
    return {
        f.code: (f.level, f.message_zh)
        for f in report.findings
        if (f.item or "").startswith("430000.") and f.level != "pass"  # what is met is recorded apart
    }


#: The ending of a missed rule's code by the rule's modality (villagecat.checks._codes).
_ENDING = {"must": "", "should": "-advised", None: "-unstated"}


@pytest.mark.parametrize(("modality", "verdict"), [("must", "fail"), ("should", "warn"), (None, "warn")])
def test_only_a_binding_word_fails_a_facility_and_an_unsaid_one_says_so(
    tmp_path: Path, modality: str | None, verdict: str
) -> None:
    """Ninghe's 「……300平方米以上」 (no binding word, modality empty) was 不符合: empty read as must."""
    catalog, _ = _graded(tmp_path, modality)
    report = check_facility(catalog, [FacilityFigures(400, 100, 200, ("文体活动室",))])
    ours = _ours(report)
    assert {level for level, _ in ours.values()} == {verdict}
    assert report.failed is (verdict == "fail")
    # one rule grades every missed rule's code: the base code where it binds, else -advised or -unstated
    assert sorted(ours) == [
        f"{base}{_ENDING[modality]}"
        for base in ("facility-activity-share", "facility-floor-area", "facility-function-areas")
    ]
    unsaid = [code for code, (_, said) in ours.items() if "（来源未写明约束力" in said]
    if modality is None:
        assert (
            sorted(unsaid)
            == sorted(ours)
            == [
                "facility-activity-share-unstated",
                "facility-floor-area-unstated",
                "facility-function-areas-unstated",
            ]
        )
        assert ours["facility-floor-area-unstated"][1] == (
            # the nation's 30 m² per 100 households is of unstated strength too: both are the floor
            "建筑面积 400 m²，未达到来源所载的 500 m²（500 m² 与 1 × 30 m² 中较大者），差 100 m²"
            "（来源未写明约束力，只作提示）"
        )
        assert (
            ours["facility-activity-share-unstated"][1]
            == "村民活动区域占 50.0%，未达到来源所载的 70%（来源未写明约束力）"
        )
    else:
        assert unsaid == []
    if modality == "should":  # advice says so: a missing function area was told in the binding rule's words
        assert all("建议" in said for _, said in ours.values()), ours


@pytest.mark.parametrize(("modality", "verdict"), [("must", "fail"), ("should", "warn"), (None, "warn")])
def test_only_a_binding_word_fails_a_sign_and_an_unsaid_one_says_so(
    tmp_path: Path, modality: str | None, verdict: str
) -> None:
    """A sign, a closed set and a count whose source says nothing of how they bind were 不符合."""
    catalog, _ = _graded(tmp_path, modality)
    wide = ActualSign("农家书屋", Placement.OUTSIDE, SignType.PLAQUE, Orientation.HORIZONTAL, 150, 30, village="甲村")
    extra = ActualSign("老年协会", Placement.OUTSIDE, SignType.PLAQUE, village="甲村")
    oversize = _ours(check_signage(catalog, [wide, extra]))
    missing = _ours(check_signage(catalog, [extra]))
    levels = {level for level, _ in (*oversize.values(), *missing.values())}
    assert levels == {verdict}
    ending = _ENDING[modality]
    assert set(oversize) == {f"signage-{c}{ending}" for c in ("oversize", "orientation", "not-allowed")}
    assert set(missing) == {f"signage-{c}{ending}" for c in ("missing", "not-allowed")}
    if modality is None:
        assert set(oversize) == {
            "signage-oversize-unstated",
            "signage-orientation-unstated",
            "signage-not-allowed-unstated",
        }
        assert set(missing) == {"signage-missing-unstated", "signage-not-allowed-unstated"}
        assert missing["signage-missing-unstated"][1] == "未悬挂目录所列的农家书屋（来源未写明约束力）"
        assert all("（来源未写明约束力" in said for _, said in (*oversize.values(), *missing.values()))
    two = [
        ActualSign(t, Placement.OUTSIDE, SignType.PLAQUE, sign="430000.sign.library", village="甲村") for t in "甲乙"
    ]
    count = _ours(check_signage(catalog, two))
    expected = {"must": "signage-count", "should": "signage-count-advised", None: "signage-count-unstated"}[modality]
    assert {code: level for code, (level, _) in count.items()} == {expected: verdict}


@pytest.mark.parametrize(("modality", "verdict"), [("must", "fail"), ("should", "warn"), (None, "warn")])
def test_a_rule_on_departments_whose_source_does_not_say_it_binds_is_told_so(
    tmp_path: Path, modality: str | None, verdict: str
) -> None:
    """A forbidding rule binds only as its words do; an empty modality says the source does not say."""
    (finding,) = admit(_graded(tmp_path, modality)[0], "开展测试评比活动").findings
    assert finding.level == verdict
    assert finding.code == f"admission-forbidden-to-departments{_ENDING[modality]}"
    if modality is None:
        assert finding.code == "admission-forbidden-to-departments-unstated"
        assert finding.message_zh.startswith("“开展测试评比活动”受减负措施约束（来源未写明约束力，只作提示）：")
    else:
        assert "来源未写明" not in finding.message_zh


@pytest.mark.parametrize("command", ["facility", "signage", "audit"])
def test_a_rule_whose_source_does_not_say_it_binds_exits_0_as_a_hint_does(tmp_path: Path, command: str) -> None:
    """Exit 1 only for 不符合: an empty modality's miss is a 提示 in ``check facility``, ``check signage``, audit."""
    _, package = _graded(tmp_path, None)
    signs = tmp_path / "signs.csv"
    signs.write_text("村名,名称,位置,标牌类型\n甲村,老年协会,外部,标牌\n", encoding="utf-8")
    ledger = tmp_path / "ledger.yaml"
    ledger.write_text(
        "villages:\n  - village: 甲村\n    facility: {floor_area_m2: 400}\n"
        "    signs: [{text: 老年协会, placement: outside, sign_type: plaque}]\n",
        encoding="utf-8",
    )
    argv = {
        "facility": ["check", "facility", "--floor-area", "400"],
        "signage": ["check", "signage", str(signs)],
        "audit": ["audit", str(ledger)],
    }[command]
    result = invoke(*argv, "-j", "430000", "--layer", str(package))
    assert result.code == 0, result.out + result.err
    assert "来源未写明约束力" in result.out


@pytest.mark.parametrize(
    ("code", "households", "area"), [("220000", 1013, 303.9), ("cn", 13, 3.9), ("120117", 1023, 306.9)]
)
def test_a_facility_at_exactly_its_per_household_minimum_meets_it(code: str, households: int, area: float) -> None:
    """1013 households × 30 m² per hundred is 303.9 m²: 303.9 meets it.

    Not 「未达到 303.9 m²，差 0.0 m²」: 1013/100 × 30 is 303.90000000000003 in floating point.
    """
    report = check_facility(villagecat.resolve(code), [FacilityFigures(area, households)])
    assert not [f for f in report.findings if f.code.startswith("facility-floor-area") and f.level != "pass"]


def test_a_shortfall_is_said_in_the_figures_written_never_rounded_up_to_the_minimum() -> None:
    """299.96 m² of 300 is 差 0.04 m².

    Not 「建筑面积 300.0 m²，未达到 300 m²，差 0.0 m²」; a share of 59.99 % is not 「占 60.0%，未达到 60%」.
    """
    report = check_facility(villagecat.resolve("120117"), [FacilityFigures(299.96, 900, 179.97)])
    floor = next(f for f in report.findings if f.code.startswith("facility-floor-area"))
    assert floor.level == "warn"
    assert "建筑面积 299.96 m²，未达到来源所载的 300 m²（300 m² 与 9 × 30 m² 中较大者），差 0.04 m²" in floor.message_zh
    share = next(f for f in report.findings if f.code.startswith("facility-activity-share"))
    assert share.level == "warn"
    assert "村民活动区域占 59.9%，未达到来源所载的 60%" in share.message_zh
    assert share.observed == 59.9
    met = check_facility(villagecat.resolve("120117"), [FacilityFigures(333, 900, 199.8)])
    (share,) = [f for f in met.findings if f.code.startswith("facility-activity-share")]
    assert (share.level, share.observed) == ("pass", 60.0)


def test_a_community_s_listed_mechanism_in_its_own_words_is_found(tmp_path: Path) -> None:
    """A community keeps the 村党群服务中心 by reference (national 三) and writes it 社区党群服务中心.

    It is found, as its 实行居民自治 is the listed 实行村民自治, not told 不在目录中，台账未写明设立依据.
    """
    ledger = tmp_path / "ledger.csv"
    ledger.write_text(
        "村名,类别,名称,专人专岗,村或社区\n光明社区,机制,社区党群服务中心,是,社区\n光明社区,机制,社区新时代文明实践站,,社区\n",
        encoding="utf-8",
    )
    report = audit(villagecat.resolve("cn"), read_ledger(ledger))
    assert [f.code for f in report.findings if f.level != "pass"] == []
    village = tmp_path / "village.csv"
    village.write_text("村名,类别,名称\n榆树村,机制,社区党群服务中心\n", encoding="utf-8")  # a village's is its own
    (unlisted,) = audit(villagecat.resolve("cn"), read_ledger(village)).findings
    assert unlisted.code == "audit-mechanism-basis-unknown"


def test_a_permission_is_never_missed_by_a_facility_or_a_sign(tmp_path: Path) -> None:
    """可、可以 (may) binds no one: a rule that only permits was reported as advice (提示), as if it said 一般.

    A village below the permitted area, without the permitted plaque, with another plaque beside the
    permitted set: nothing of these rules is said.
    """
    catalog, _ = _graded(tmp_path, "may")
    assert not _ours(check_facility(catalog, [FacilityFigures(400, 100, 200, ("文体活动室",))]))
    assert not _ours(check_facility(catalog, [FacilityFigures(400, None, 200, ("文体活动室",))]))
    wide = ActualSign("农家书屋", Placement.OUTSIDE, SignType.PLAQUE, Orientation.HORIZONTAL, 150, 30, village="甲村")
    extra = ActualSign("老年协会", Placement.OUTSIDE, SignType.PLAQUE, village="甲村")
    assert not {c for c in _ours(check_signage(catalog, [wide, extra])) if not c.startswith("signage-unlisted")}
    assert not _ours(check_signage(catalog, [extra]))


def test_an_equal_figure_is_told_as_the_most_specific_layer_grades_it(tmp_path: Path) -> None:
    """A province's 30 m² per hundred households whose source does not say how strongly it binds, and its
    county's own 一般 rule of the same figure: the county's shortfall is told as its own rule says (advice),
    citing the county, not as the province's unstated rule.

    The nation's NDRC target (no grading word) under Jilin's 「面积一般应达到……不低于30平方米」 is this case.
    """

    def standard(code: str, modality: Modality | None) -> FacilityStandard:
        return FacilityStandard(
            id=f"{code}.facility.per-household",
            name=f"{code}村级综合服务设施面积",
            citations=_CITE,
            applies_to=Scope.VILLAGE,
            modality=modality,
            min_area_per_100_households_m2=30,
        )

    province = save_layer(
        child_layer("cn", "430000", level="province", facilities=(standard("430000", None),)), tmp_path / "p"
    )
    county = save_layer(
        child_layer("430000", "430102", facilities=(standard("430102", Modality.SHOULD),)), tmp_path / "c"
    )
    catalog = villagecat.resolve("430102", layers=[province, county])
    assert not catalog.conflicts
    (floor,) = [f for f in check_facility(catalog, [FacilityFigures(250, 900)]).findings if "floor-area" in f.code]
    assert (floor.code, floor.level, floor.item) == (
        "facility-floor-area-advised",
        "warn",
        "430102.facility.per-household",
    )
    # Where the unstated rule asks more, it is told as unstated (a source that does not say may bind).
    raised = save_layer(
        child_layer(
            "cn",
            "430000",
            level="province",
            facilities=(standard("430000", None).model_copy(update={"min_area_per_100_households_m2": 40}),),
        ),
        tmp_path / "p2",
    )
    catalog = villagecat.resolve("430102", layers=[raised, county])
    codes = [
        (f.code, f.item)
        for f in check_facility(catalog, [FacilityFigures(250, 900)]).findings
        if "floor-area" in f.code
    ]
    assert codes[0] == ("facility-floor-area-unstated", "430000.facility.per-household")


@pytest.mark.parametrize("heading", ["村民活动区域面积（平方米）", "居民活动区域面积", "活动区域面积"])
def test_a_facility_file_takes_the_activity_area_by_the_sources_words(tmp_path: Path, heading: str) -> None:
    """`check facility --help` said 村民活动区域面积（平方米）, the sources' words; a file headed so was refused
    (不认识这一列), only 活动区域面积 was read."""
    figures = tmp_path / "villages.csv"
    figures.write_text(f"村名,建筑面积,户数,{heading}\n甲村,400,900,100\n", encoding="utf-8")
    result = invoke("check", "facility", "-j", "220000", "--file", str(figures), "--format", "json")
    assert result.code == 0, result.out + result.err
    (share,) = [f for f in json.loads(result.out)["findings"] if f["code"].startswith("facility-activity-share")]
    assert share["observed"] == 25.0


def test_every_area_rule_a_facility_meets_is_recorded_not_only_the_first() -> None:
    """At 600 m² for 350 households, a Jilin village meets the nation's 105 m² (no grading word) and Jilin's own
    200 m² (一般): only the nation's pass was recorded; `--all`'s record of what was checked left Jilin's out."""
    report = check_facility(villagecat.resolve("220000"), [FacilityFigures(600, 350, 400)])
    met = [(f.item, f.rule) for f in report.findings if f.code == "facility-floor-area" and f.level == "pass"]
    assert ("220000.facility.village", 200) in met, met
    assert ("cn.facility.community-service-facility", 105) in met, met


def test_a_task_outside_lists_that_are_not_recorded_is_a_note_not_a_verdict() -> None:
    """Ninghe's 附件1 and 附件2 (the lists of what villages do and assist with) are named, not recorded.

    ``admit 代办社会保险登记 -j 120117`` said 不符合：不在目录中，须经宁河区规定的准入程序 (exit 1), though the task
    may be in a list villagecat does not hold. Where every list is recorded (Tianjia'an), it still fails.
    """
    from villagecat.checks.admission import unrecorded_lists  # noqa: PLC0415

    ninghe = villagecat.resolve("120117")
    assert [d.number for d in unrecorded_lists(ninghe)] == ["附件1", "附件2", "附件3"]
    (note,) = admit(ninghe, ["代办社会保险登记"]).findings
    assert (note.code, note.level) == ("admission-lists-not-included", "warn")
    assert "无从判断它是否在其中（提示，不判不符合）；如不在其中，须经宁河区规定的准入程序" in note.message_zh
    assert invoke("admit", "代办社会保险登记", "-j", "120117").code == 0
    tianjiaan = villagecat.resolve("340403")
    assert unrecorded_lists(tianjiaan) == []
    (verdict,) = admit(tianjiaan, ["代办社会保险登记"]).findings
    assert (verdict.code, verdict.level) == ("admission-needs-approval", "fail")
    assert invoke("admit", "代办社会保险登记", "-j", "340403").code == 1
    # A layer of villages lists no community's tasks: Shangdang's community is judged on what is recorded.
    assert unrecorded_lists(villagecat.resolve("140404"), Scope.COMMUNITY) == []


@pytest.mark.parametrize(
    ("parent", "consent", "not_said"),
    [("120117", "未经市委市政府同意", "省级党委和政府"), ("220000", "未经省级党委和政府同意", "市委市政府")],
)
def test_lint_says_whose_consent_a_dedicated_post_lacks_in_the_words_of_the_rule_it_rests_on(
    tmp_path: Path, parent: str, consent: str, not_said: str
) -> None:
    """Under Ninghe, whose clause says 未经市委市政府同意, lint said 也未经省级党委和政府同意 (the national words)."""
    station = Mechanism(
        id="999999.mechanism.station",
        name="网格化服务管理站",
        mechanism_type=MechanismType.STATION,
        dedicated_post=True,
        basis=MechanismBasis.NONE,
        citations=(Citation(document="cn.document.tingzi-2022-28", section="二(二)4"),),
    )
    path = write_child(tmp_path / parent, parent, code="999999", mechanisms=(station,))
    (finding,) = [f for f in lint(load_layer(path), registry_with([path])).findings if "mechanism" in f.code]
    assert finding.code == "lint-mechanism-dedicated-post"
    assert consent in finding.message_zh
    assert not_said not in finding.message_zh
    assert any(c.quote and consent in c.quote for c in finding.citations)  # the words said are the words cited
