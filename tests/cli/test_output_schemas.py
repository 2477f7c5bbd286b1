"""Every ``--format json`` output is a published contract: real outputs validate against their schema.

Each command's outputs, passing and failing, in both languages, validate against the schema
published for it (with every other published schema at hand for its ``$ref``s), and a
mutated output (a wrong type, a key the schema does not know) does not.
"""

from __future__ import annotations

import copy
import dataclasses
import json
import shutil
from typing import TYPE_CHECKING, Any, get_args, get_type_hints

import jsonschema
import pytest
from referencing import Registry, Resource

from conftest import NATIONAL, NINGHE, REPO, edit, invoke, quote_texts
from layers import write_child
from villagecat.checks import CheckReportDict, FindingDict, FindingScope, LevelCounts
from villagecat.package import load_layer, save_layer
from villagecat.schema import generate_schemas

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

LEDGERS = REPO / "tests" / "fixtures" / "ledgers"
JILIN = REPO / "data" / "provinces" / "220000-jilin"
JURISDICTIONS = ["cn", "120000", "120117", "140000", "140404", "220000", "340000", "340403"]


def validator(name: str) -> jsonschema.Draft202012Validator:
    """The validator of the published schema ``name``, every published schema resolvable by its ``$id``."""
    schemas = {k: v for k, v in generate_schemas().items() if k.endswith(".schema.json")}
    registry: Registry[Any] = Registry().with_resources(
        (schema["$id"], Resource.from_contents(schema)) for schema in schemas.values()
    )
    return jsonschema.Draft202012Validator(schemas[f"{name}.schema.json"], registry=registry)


def valid(name: str, out: str) -> Any:
    """The output, parsed, after checking it against the schema ``name`` (all its errors shown)."""
    payload = json.loads(out)
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator(name).iter_errors(payload)]
    assert errors == [], f"{name}: {errors[:5]}"
    return payload


def refused(name: str, payload: Any, mutate: Callable[[Any], None]) -> None:
    """A copy of ``payload`` changed by ``mutate`` does not validate against ``name``."""
    changed = copy.deepcopy(payload)
    mutate(changed)
    assert not validator(name).is_valid(changed), f"{name} took {mutate.__name__}"


def _signs(tmp_path: Path) -> Path:
    path = tmp_path / "signs.csv"
    path.write_text(
        "village,text,placement,sign_type,orientation,width_cm,height_cm,background_colour,text_colour\n"
        "甲村,中共甲村支部委员会,outside,plaque,vertical,400,35,red,black\n"
        "甲村,甲村民委员會,outside,plaque,horizontal,200,30,white,black\n"
        "甲村,甲村综治中心,outside,plaque,vertical,,,,\n"
        "甲村,甲村老年人协会,outside,,vertical,,,,\n"
        "乙村,中共乙村支部委员会,outside,plaque,vertical,200,30,white,black\n",
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_check_reports_validate(tmp_path: Path, lang: str) -> None:
    facility = tmp_path / "villages.csv"
    facility.write_text(
        "village,floor_area_m2,households,activity_area_m2,function_areas\n"
        "甲村,300,900,200,便民服务|党员活动\n乙村,150,900,10,\n丙村,0,,,\n",
        encoding="utf-8",
    )
    runs = [
        ("check", "facility", "-j", "220000", "--floor-area", "250", "--households", "900", "--activity-area", "160"),
        ("check", "facility", "-j", "120117", "--floor-area", "80.5", "--function-areas", "便民服务、党员活动"),
        ("check", "facility", "-j", "120117", "--floor-area", "900", "--scope", "社区"),
        ("check", "facility", "-j", "cn", "--floor-area", "100"),
        ("check", "facility", "-j", "jilin", "--file", str(facility)),
        ("check", "signage", str(_signs(tmp_path)), "-j", "120117"),
        ("check", "signage", str(_signs(tmp_path)), "-j", "220000"),
        ("check", "signage", str(_signs(tmp_path)), "-j", "340403"),
        ("audit", str(LEDGERS / "ninghe_village.yaml"), "-j", "120117"),
        ("audit", str(LEDGERS / "jilin_village.csv"), "-j", "220000"),
        ("admit", "代办社会保险登记", "人口普查入户登记", "开具无犯罪记录证明", "养犬证明", "-j", "120117"),
        ("admit", "实行居民自治", "安全生产监管", "-j", "140404", "--scope", "社区"),
        ("admit", "代办社会保险登记", "-j", "220000"),
        ("lint", str(NINGHE)),
        ("lint", str(NATIONAL)),
    ]
    codes, levels, scopes = set(), set(), set()
    for argv in runs:
        result = invoke(*argv, "--format", "json", "--lang", lang)
        assert result.code in (0, 1), (argv, result.err)
        payload = valid("check-report", result.out)
        assert payload["failed"] is (result.code == 1)
        levels |= {f["level"] for f in payload["findings"]}
        scopes |= {f["scope"] for f in payload["findings"]}
        codes.add(result.code)
        if argv[0] == "lint":
            valid("lint-report", result.out)
    assert codes == {0, 1}
    assert levels == {"fail", "warn", "pass"}
    assert {"village", "community"} <= scopes <= {"village", "community", None}  # whom each verdict judged


def test_check_report_refuses_what_no_check_writes() -> None:
    argv = ("check", "facility", "-j", "220000", "--floor-area", "250", "--households", "900", "--format", "json")
    payload = valid("check-report", invoke(*argv).out)

    def unknown_key(p: Any) -> None:
        p["findings"][0]["severity"] = "high"

    def wrong_level(p: Any) -> None:
        p["findings"][0]["level"] = "error"

    def failed_as_text(p: Any) -> None:
        p["failed"] = "false"

    def empty_subject(p: Any) -> None:
        p["summary"] = {"": {"fail": 0, "warn": 1, "pass": 0}}

    def object_observed(p: Any) -> None:
        p["findings"][0]["observed"] = {"area": 250}

    def both_places(p: Any) -> None:
        p["findings"][0]["scope"] = "both"  # a finding judges one place

    def no_scope(p: Any) -> None:
        del p["findings"][0]["scope"]

    for mutate in (unknown_key, wrong_level, failed_as_text, empty_subject, object_observed, both_places, no_scope):
        refused("check-report", payload, mutate)


def test_the_report_s_typed_dicts_are_its_schema() -> None:
    """``CheckReportDict`` and ``FindingDict`` (what ``to_dict`` returns, typed) name exactly the schema's keys."""
    schema = generate_schemas()["check-report.schema.json"]
    finding = schema["properties"]["findings"]["items"]
    for typed, described in ((CheckReportDict, schema), (FindingDict, finding)):
        assert list(get_type_hints(typed)) == list(described["properties"]), typed.__name__
        assert typed.__required_keys__ == set(described["required"]), typed.__name__
    counts = schema["properties"]["summary"]["additionalProperties"]["properties"]
    assert list(get_type_hints(LevelCounts)) == list(counts)
    assert [*get_args(FindingScope), None] == finding["properties"]["scope"]["enum"]


def test_lint_of_several_packages_validates(tmp_path: Path) -> None:
    paths = [str(NATIONAL), str(JILIN), str(NINGHE)]
    result = invoke("lint", *paths, "--format", "json", "--lang", "en")
    payload = valid("lint-report", result.out)
    assert [r["jurisdiction"] for r in payload["reports"]] == ["cn", "220000", "120117"]
    assert not validator("check-report").is_valid(payload)  # several: not one check report
    refused("lint-report", payload, lambda p: p.update(passed=True))
    refused("lint-report", payload, lambda p: p["reports"][0].update(check="audit"))
    del tmp_path


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_quotes_reports_validate(national_copy: Path, tmp_path: Path, lang: str) -> None:
    texts = quote_texts(tmp_path)
    edit(national_copy / "clauses.csv", "村级组织工作事务包括", "村级组织工作事务包含")
    all_found = valid("quotes-report", invoke("quotes", str(NATIONAL), *texts, "--format", "json").out)
    assert all_found["passed"] is True
    result = invoke("quotes", str(national_copy), str(NINGHE), *texts, "--format", "json", "--lang", lang)
    assert result.code == 1
    payload = valid("quotes-report", result.out)
    problems = [p for r in payload["reports"] for p in r["problems"]]
    assert {p["level"] for p in problems} == {"fail", "warn"}
    assert any(p["text_there"] is not None for p in problems)
    refused("quotes-report", payload, lambda p: p["reports"][1]["problems"][0].update(level="error"))
    refused("quotes-report", payload, lambda p: p["reports"][1]["problems"][0].update(items="cn.duty.x"))
    refused("quotes-report", payload, lambda p: p["reports"][0].update(quotes="12"))
    refused("quotes-report", payload, lambda p: p["reports"][0]["problems"][0].update(page=3))


def test_quotes_reports_name_a_milestones_deadline_problems(tmp_path: Path) -> None:
    shangdang = tmp_path / "shangdang"
    shutil.copytree(REPO / "data" / "provinces" / "140000-shanxi" / "140404-shangdang", shangdang)
    edit(shangdang / "milestones.csv", ",8月 10日前,", ",8月 10日左右,")
    edit(shangdang / "milestones.csv", "2023-12-10,2023 年 12 月 10 日前", "2023-11-30,2023 年 12 月 10 日前")
    payload = valid("quotes-report", invoke("quotes", str(shangdang), "--format", "json").out)
    codes = [p["code"] for p in payload["reports"][0]["problems"]]
    assert codes == ["due-text-not-quoted", "due-disagrees", "quote-no-text"]
    refused("quotes-report", payload, lambda p: p["reports"][0]["problems"][0].update(code="due-wrong"))


@pytest.fixture
def jilin_revision(tmp_path: Path) -> tuple[Path, Path]:
    """Jilin raising its village floor area to 280 m², and a county below that had raised it to 250."""
    jilin = load_layer(JILIN)
    raised = tuple(
        f.model_copy(update={"min_floor_area_m2": 280.0}) if f.id == "220000.facility.village" else f
        for f in jilin.facilities
    )
    revision = save_layer(dataclasses.replace(jilin, facilities=raised), tmp_path / "jilin")
    override = {"target": "220000.facility.village", "field": "min_floor_area_m2", "value": "250"}
    county = write_child(tmp_path, "220000", overrides=[override])
    return revision, county


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_impact_reports_validate(jilin_revision: tuple[Path, Path], lang: str) -> None:
    revision, county = jilin_revision
    result = invoke("impact", str(JILIN), str(revision), "--layer", str(county), "--format", "json", "--lang", lang)
    assert result.code == 1
    payload = valid("impact-report", result.out)
    (conflict,) = [c for j in payload["jurisdictions"] for c in j["new_conflicts"]]
    assert (conflict["rule"], conflict["inherited"], conflict["attempted"]) == ("increase_only", 280, 250)
    valid("conflict", json.dumps(conflict))
    quiet = invoke("impact", str(JILIN), str(JILIN), "--format", "json", "--lang", lang)
    assert quiet.code == 0
    valid("impact-report", quiet.out)
    refused("impact-report", payload, lambda p: p["jurisdictions"][1]["new_conflicts"][0].update(rule=7))
    refused("impact-report", payload, lambda p: p["jurisdictions"][1]["changes"][0].update(level="fatal"))
    refused("impact-report", payload, lambda p: p.update(broken=True))


def test_diff_child_layers_hold_conflicts(jilin_revision: tuple[Path, Path]) -> None:
    """``audiences.child_layers`` was a list of any objects: a merge conflict was described nowhere."""
    revision, county = jilin_revision
    result = invoke("diff", str(JILIN), str(revision), "--layer", str(county), "--format", "json")
    payload = valid("diff-report", result.out)
    (conflict,) = payload["audiences"]["child_layers"]
    assert conflict["layer"] == "220102"
    refused("diff-report", payload, lambda p: p["audiences"]["child_layers"][0].pop("rule"))
    refused("diff-report", payload, lambda p: p["audiences"]["child_layers"][0].update(note="x"))
    refused("diff-report", payload, lambda p: p["audiences"]["child_layers"].append({}))


@pytest.mark.parametrize("jurisdiction", JURISDICTIONS)
def test_catalogs_validate(jurisdiction: str) -> None:
    for scope in ("村", "社区", "全部"):
        result = invoke("catalog", jurisdiction, "--format", "json", "--scope", scope)
        assert result.code == 0, result.err
        valid("catalog", result.out)


def test_a_catalog_with_conflicts_and_cancellations_validates(tmp_path: Path) -> None:
    override = {"target": "220000.facility.village", "field": "min_floor_area_m2", "value": "150"}
    cancellations = [{"target": "cn.duty.no-work-safety"}, {"target": "220000.duty.grid-management"}]
    path = write_child(tmp_path, "220000", overrides=[override], cancellations=cancellations)
    result = invoke("catalog", "220102", "--layer", str(path), "--format", "json", "--lang", "en")
    assert result.code == 1
    payload = valid("catalog", result.out)
    assert {c["rule"] for c in payload["conflicts"]} >= {"increase_only", "cancel_forbidden"}
    refused("catalog", payload, lambda p: p["conflicts"][0].update(field=["min_floor_area_m2"]))
    refused("catalog", payload, lambda p: p["items"]["duties"][0].update(duty_kind="performz"))
    refused("catalog", payload, lambda p: p["items"].update(widgets=[]))
    refused("catalog", payload, lambda p: p.update(scope="town"))
    refused("catalog", payload, lambda p: next(iter(p["provenance"].values())).update(id={"layer": "cn"}))


@pytest.mark.parametrize(
    "argv",
    [
        ("120117", "cn.facility.community-service-facility"),
        ("120117", "居民养犬证明"),
        ("120117", "cn.facility.community-service-facility", "min_area_per_100_households_m2"),
        ("220000", "220000.facility.village", "min_floor_area_m2"),
        ("cn", "cn.document.tingzi-2022-28"),
        ("140404", "cn.duty.no-work-safety"),
    ],
)
def test_explanations_validate(argv: tuple[str, ...]) -> None:
    for lang in ("zh", "en"):
        valid("explain", invoke("explain", *argv, "--format", "json", "--lang", lang).out)


def test_an_explanation_through_an_override_validates(tmp_path: Path) -> None:
    override = {"target": "220000.facility.village", "field": "min_floor_area_m2", "value": "250"}
    path = write_child(tmp_path, "220000", overrides=[override])
    argv = ("explain", "220102", "220000.facility.village", "--layer", str(path), "--format", "json")
    payload = valid("explain", invoke(*argv).out)
    actions = {s["action"] for f in payload["fields"].values() for s in f["chain"]}
    assert {"introduced", "set", "inherited", "absent"} <= actions
    refused("explain", payload, lambda p: p["fields"].update(colour={"value": 1, "chain": []}))
    refused("explain", payload, lambda p: p["fields"]["min_floor_area_m2"]["chain"][0].update(action="kept"))
    refused("explain", payload, lambda p: p["fields"]["min_floor_area_m2"].update(why="x"))


def test_an_explanation_with_refused_operations_validates(tmp_path: Path) -> None:
    """A county's override that loosens a value, and its cancellation of a red line: both refused, both listed."""
    override = {"target": "220000.facility.village", "field": "min_floor_area_m2", "value": "10"}
    cancel = {"target": "220000.facility.village"}
    path = write_child(tmp_path, "220000", overrides=[override], cancellations=[cancel])
    argv = ("explain", "220102", "220000.facility.village", "--layer", str(path), "--format", "json")
    payload = valid("explain", invoke(*argv).out)
    county = payload["fields"]["min_floor_area_m2"]["chain"][-1]
    assert [c["operation"] for c in county["refused"]] == ["220102.override.o0"]
    assert [c["rule"] for c in payload["refused"]] == ["cancel_forbidden"]
    refused("explain", payload, lambda p: p.update(refused=[]))
    refused("explain", payload, lambda p: p["fields"]["min_floor_area_m2"]["chain"][-1].update(refused=[]))
    refused("explain", payload, lambda p: p["fields"]["min_floor_area_m2"]["chain"][-1].update(refused=[{"x": 1}]))


@pytest.mark.parametrize("jurisdiction", JURISDICTIONS)
def test_timelines_validate(jurisdiction: str) -> None:
    payload = valid("timeline", invoke("timeline", jurisdiction, "--format", "json").out)
    if payload:
        refused("timeline", payload, lambda p: p[0].update(layer=120117))
        refused("timeline", payload, lambda p: p[0].update(owner="x"))
        refused("timeline", payload, lambda p: p[0].pop("due"))


def test_layers_validate(tmp_path: Path) -> None:
    payload = valid("layers", invoke("layers", "--format", "json").out)
    assert len(payload) == len(JURISDICTIONS)
    child = write_child(tmp_path, "220000", overrides=[], cancellations=[{"target": "220000.duty.grid-management"}])
    valid("layers", invoke("layers", "--layer", str(child), "--format", "json", "--lang", "en").out)
    refused("layers", payload, lambda p: p[0].update(level="nation"))
    refused("layers", payload, lambda p: p[0]["counts"].update(widgets=1))
    refused("layers", payload, lambda p: p[0]["counts"].update(duties=0))
    refused("layers", payload, lambda p: p[0].update(extra=None))


def test_diff_patches_validate(tmp_path: Path) -> None:
    """``diff --format patch`` had no published schema. Real patches (one changing a value, adding and removing items,
    and one of no change) validate against ``patch.schema.json``; a patch without its leading tests of the layer, an
    operation villagecat does not write, or a remove with a value, does not."""
    old, new = tmp_path / "old", tmp_path / "new"
    shanxi = REPO / "data" / "provinces" / "140000-shanxi"
    for side in (old, new):
        shutil.copytree(shanxi / "140404-shangdang", side)
    edit(new / "milestones.csv", ",2023-08-10,8月 10日前,", ",2023-08-10,8月 10日起,")
    lines = (new / "obligations.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    (new / "obligations.csv").write_text("".join(lines[:-1]), encoding="utf-8")
    patch = valid("patch", invoke("diff", str(old), str(new), "--format", "patch").out)
    assert [op["op"] for op in patch[:2]] == ["test", "test"]
    assert {op["op"] for op in patch} == {"test", "replace", "remove"}
    assert valid("patch", invoke("diff", str(old), str(old), "--format", "patch").out) == []
    added = valid("patch", invoke("diff", str(new), str(old), "--format", "patch").out)
    assert "add" in {op["op"] for op in added}

    def untested(p: Any) -> None:
        del p[1]

    def moved(p: Any) -> None:
        p[2] = {"op": "move", "from": "/items", "path": p[2]["path"]}

    def valued_removal(p: Any) -> None:
        p.append({"op": "remove", "path": "/items/duties/x", "value": 1})

    def relative(p: Any) -> None:
        p[2]["path"] = "items/milestones"

    for mutate in (untested, moved, valued_removal, relative):
        refused("patch", patch, mutate)


def _json_commands() -> set[tuple[str, ...]]:
    """Every (sub)command that prints JSON with ``--format json``, read from the parser (not written forms)."""
    import argparse  # noqa: PLC0415

    from villagecat.cli import _parser  # noqa: PLC0415

    found: set[tuple[str, ...]] = set()

    def walk(parser: argparse.ArgumentParser, names: tuple[str, ...]) -> None:
        for action in parser._actions:  # noqa: SLF001
            if isinstance(action, argparse._SubParsersAction):  # noqa: SLF001
                for name, sub in action.choices.items():
                    walk(sub, (*names, name))
                return
        formats = [a for a in parser._actions if a.dest == "format"]  # noqa: SLF001
        if formats and "json" in (formats[0].choices or ()) and not parser.get_default("format_written"):
            found.add(names)

    walk(_parser(), ())
    return found


def _failing_runs(tmp_path: Path) -> dict[tuple[str, ...], list[str]]:
    """For each JSON-printing command, a command line that fails before its report: an unreadable input."""
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "datapackage.json").write_text("{", encoding="utf-8")
    missing = str(tmp_path / "missing.csv")
    return {
        ("validate",): ["validate", str(NATIONAL), "--layer", str(bad)],
        ("catalog",): ["catalog", "120117", "--layer", str(bad)],
        ("explain",): ["explain", "120117", "--layer", str(bad)],
        ("layers",): ["layers", "--layer", str(bad)],
        ("diff",): ["diff", str(bad), str(NATIONAL)],
        ("impact",): ["impact", str(NATIONAL), str(bad)],
        ("check", "facility"): ["check", "facility", "-j", "120117", "--file", missing],
        ("check", "signage"): ["check", "signage", "-j", "120117", missing],
        ("audit",): ["audit", "-j", "120117", missing],
        ("admit",): ["admit", "代办社会保险登记", "-j", "999999"],
        ("lint",): ["lint", str(bad)],
        ("quotes",): ["quotes", str(bad)],
        ("timeline",): ["timeline", "-j", "120117", "--layer", str(bad)],
    }


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_failure_before_the_report_prints_an_error_document(tmp_path: Path, lang: str) -> None:
    """``lint``, ``diff`` or ``check`` with ``--format json`` printed nothing on stdout for an input that could not be
    read (the line was on stderr alone): a program reading the JSON read an empty document. Every command that
    prints JSON now prints ``error.schema.json``'s document there, the same line in both languages, its exit status
    and the file; the run is judged the same (exit 2)."""
    runs = _failing_runs(tmp_path)
    assert set(runs) == _json_commands()
    for names, argv in runs.items():
        result = invoke(*argv, "--format", "json", "--lang", lang)
        assert result.code == 2, (names, result)
        payload = valid("error", result.out)["error"]
        assert payload["exit_code"] == 2, names
        line = result.err.strip().removeprefix("villagecat: ")
        assert payload[f"message_{lang}"] == line, names
        assert payload["problems"] == [], names
    unreadable = valid("error", invoke(*runs[("lint",)], "--format", "json").out)["error"]
    assert unreadable["where"] == str(tmp_path / "bad" / "datapackage.json")
    assert unreadable["key"] == "unreadable"
    unknown = valid("error", invoke(*runs[("admit",)], "--format", "json").out)["error"]
    assert unknown["key"] == "no-layer"
    assert "--layer" in unknown["message_zh"]
    refused("error", unreadable, lambda p: p.update(exit_code=0))
    refused("error", unreadable, lambda p: p.update(extra=None))


def test_an_invalid_package_prints_its_problems_in_the_error_document(tmp_path: Path) -> None:
    """A package read but not valid (exit 1): the document lists every problem, where and what."""
    copy_ = tmp_path / "national"
    shutil.copytree(NATIONAL, copy_)
    edit(copy_ / "duties.csv", "cn.duty.self-building", "Bad Id")
    result = invoke("lint", str(copy_), "--format", "json")
    assert result.code == 1
    payload = valid("error", result.out)["error"]
    assert payload["exit_code"] == 1
    assert [(p["file"], p["field"]) for p in payload["problems"]] == [("duties.csv", "id")]


def test_no_error_document_where_the_report_was_printed_or_json_is_not_the_output(tmp_path: Path) -> None:
    """validate prints its own report for an unreadable package (no second document after it); a usage error of a
    JSON command prints the document; ``--format json`` of upgrade, the form of the files written, prints none, nor
    does a text report."""
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "datapackage.json").write_text("{", encoding="utf-8")
    report = invoke("validate", str(bad), "--format", "json")
    assert report.code == 2
    assert valid("validation-report", report.out)["valid"] is False
    usage = invoke("timeline", "--format", "json")
    assert usage.code == 2
    assert "timeline" in valid("error", usage.out)["error"]["message_zh"]
    assert invoke("timeline", "--format=json").out.strip().startswith("{")
    written = invoke("upgrade", str(bad), "--format", "json")
    assert written.code == 2
    assert not written.out.lstrip().startswith("{")
    assert invoke("lint", str(bad)).out == ""


def test_a_usage_errors_document_escapes_a_control_character_as_json_does() -> None:
    """A usage error's document is data like any other: a bidirectional character the command line held is the
    escape JSON reads back as it (README), not the 〔U+202E〕 a person reads on stderr. It was written as 〔U+202E〕."""
    result = invoke("timeline", "-j", "120117", "--format", "json", "--bo\u202egus")
    assert result.code == 2
    assert "\u202e" not in result.out
    assert "--bo\\u202egus" in result.out
    payload = valid("error", result.out)["error"]
    assert "--bo\u202egus" in payload["message_zh"]
    assert "〔U+202E〕" in result.err


@pytest.mark.parametrize(
    "argv",
    [
        ("certificate", "render", "无犯罪记录证明", "-j", "120117", "--format", "json"),
        ("export", str(NATIONAL), "--format", "json"),
        ("init", "浙江", "--format", "json"),
        ("release", str(NATIONAL), "--format", "json"),
    ],
)
def test_a_command_that_prints_no_json_prints_no_error_document(argv: tuple[str, ...]) -> None:
    """``--format json`` given to a command that has no JSON output is a usage error told on stderr alone, as every
    usage error of a text command is: it printed ``error.schema.json``'s document, for a command no program reads."""
    result = invoke(*argv)
    assert result.code == 2
    assert result.out == ""
    assert "用法错误" in result.err


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_refused_ledger_lists_its_problems_in_the_error_document(tmp_path: Path, lang: str) -> None:
    """A ledger refused (exit 1) gave ``where: null, key: null, problems: []``: its rows and fields were only inside
    the message. Each problem is now one entry, where (file, row, field) and what (code, both languages)."""
    ledger = tmp_path / "台账.csv"
    ledger.write_text("村名,类别,名称\n甲村,证件,居住证明\n乙村,,居住证明\n", encoding="utf-8")
    for argv in (["audit", str(ledger), "-j", "120117"], ["check", "signage", str(ledger), "-j", "120117"]):
        result = invoke(*argv, "--format", "json", "--lang", lang)
        assert result.code == 1, result
        error = valid("error", result.out)["error"]
        assert error["where"] == str(ledger)
        assert error["problems"], argv
        assert all(p["file"] == str(ledger) for p in error["problems"])
    audited = valid("error", invoke("audit", str(ledger), "-j", "120117", "--format", "json").out)["error"]
    assert [(p["line"], p["field"], p["code"]) for p in audited["problems"]] == [
        (2, "类别", "ledger-not-one-of"),
        (3, "类别", "ledger-required"),
    ]
    assert audited["key"] == "ledger-problems"


def test_a_refusal_by_key_carries_its_key() -> None:
    """``diff`` of two different layers gave ``key: null`` where ``impact``'s same refusal gave its key."""
    two = invoke("diff", str(NATIONAL), str(JILIN), "--format", "json")
    assert two.code != 0
    assert valid("error", two.out)["error"]["key"] == "diff-two-layers"
