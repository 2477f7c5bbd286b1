from __future__ import annotations

import itertools
import json
import os
from typing import TYPE_CHECKING

import pytest

from conftest import REPO, invoke
from layers import write_child
from villagecat.models import Milestone
from villagecat.registry import shipped_layer_paths, shipped_registry

if TYPE_CHECKING:
    from pathlib import Path

FIXTURES = REPO / "tests" / "fixtures"
NATIONAL_SIGNS = (
    "一般在村级综合服务设施外部显著位置悬挂村党组织、村民委员会、村集体经济组织、"
    "村务监督委员会和村党群服务中心、村新时代文明实践站标识。"
)
JURISDICTIONS = ["cn", "120000", "120117", "140000", "140404", "220000", "340000", "340403"]


def _version(layer_id: str) -> str:
    """The shipped layer's version, read from its package: a data release does not break these tests."""
    return shipped_registry().find(layer_id).layer.version


def _parent_range(layer_id: str) -> str:
    parent = shipped_registry().find(layer_id).layer.parent
    assert parent is not None
    return f"{parent.id} {parent.version_range}"


def test_ninghe_catalog_json_holds_what_the_issue_names() -> None:
    result = invoke("catalog", "120117", "--format", "json")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert data["scope"] == "village"
    assert [c["id"] for c in data["chain"]] == ["cn", "120000", "120117"]
    items = data["items"]
    prohibited = {d["id"] for d in items["duties"] if d["duty_kind"] == "prohibited"}
    assert prohibited == {
        "cn.duty.no-law-enforcement",
        "cn.duty.no-demolition",
        "cn.duty.no-investment-attraction",
        "cn.duty.no-work-safety",
    }
    assert sum(c["status"] == "not_to_issue" for c in items["certificates"]) == 20
    assert any(d["id"].startswith("120117.document.annex-") for d in items["documents"])
    assert max(f.get("min_floor_area_m2", 0) for f in items["facilities"]) == 300
    outside = [s for s in items["signs"] if s["placement"] == "outside"]
    assert sum(s.get("orientation") == "horizontal" for s in outside) == 1
    assert sum(s.get("orientation") == "vertical" for s in outside) == 4
    assert sum(s["sign_type"] == "mark" for s in outside) == 2
    assert data["admission"]["layer"] == "120117"
    assert data["provenance"]["cn.sign.party-service-centre"]["orientation"] == {
        "layer": "120117",
        "version": _version("120117"),
        "action": "set",
    }
    assert data["conflicts"] == []


def test_jilin_catalog_json() -> None:
    data = json.loads(invoke("catalog", "吉林省", "--format", "json").out)
    facilities = {f["id"]: f for f in data["items"]["facilities"]}
    area, share = facilities["220000.facility.village"], facilities["220000.facility.village-activity-share"]
    # 「面积一般应达到200平方米且每百户……不低于30平方米」 advises; 「村民活动区域面积不低于……60％」 has no binding word
    # of its own (不低于 is a bound): its modality is empty, the source does not say.
    assert (area["min_floor_area_m2"], area["min_area_per_100_households_m2"], area["modality"]) == (200, 30, "should")
    assert (share["min_activity_area_pct"], share.get("modality")) == (60, None)
    plaques = {
        s["organisation"]: s
        for s in data["items"]["signs"]
        if s["placement"] == "outside" and s["sign_type"] == "plaque"
    }
    assert {
        (p["max_long_side_cm"], p["max_short_side_cm"], p["size_modality"], p["background_colour"])
        for p in plaques.values()
    } == {(200, 30, "should", "white")}
    assert {o: p["text_colour"] for o, p in plaques.items()} == {
        "村党组织": "red",
        "村民委员会": "black",
        "村集体经济组织": "black",
        "村务监督委员会": "black",
    }


@pytest.mark.parametrize(
    ("overrides", "cancellations", "fragment"),
    [
        (
            [{"target": "220000.facility.village", "field": "min_floor_area_m2", "value": "150"}],
            [],
            (
                "层 220102（0.1.0）的条目 220000.facility.village（村级综合服务设施面积）的“最小建筑面积（平方米）”"
                "不符合合并规则：该字段只能提高，不能降低（上级值 200，本层值 150）；"
                "请改为不低于 200，或删去这条覆盖（整行删除）"
            ),
        ),
        (
            [],
            [{"target": "cn.duty.no-work-safety"}],
            (
                "层 220102（0.1.0）的条目 cn.duty.no-work-safety（作为安全生产事务的责任主体）不符合合并规则："
                "该条目不得由下级层取消；请删去这条取消（整行删除）"
            ),
        ),
    ],
)
def test_a_loosening_layer_makes_catalog_exit_non_zero_naming_layer_item_field_rule(
    tmp_path: Path, overrides: list[dict[str, str]], cancellations: list[dict[str, str]], fragment: str
) -> None:
    path = write_child(tmp_path, "220000", overrides=overrides, cancellations=cancellations)
    result = invoke("catalog", "220102", "--layer", str(path))
    assert result.code == 1
    assert fragment in result.err
    assert "Traceback" not in result.err


#: Ninghe's work plan as a citation names it: it has no 文号, so by its title.
NINGHE_PLAN = "天津市宁河区规范村（社区）组织工作事务、机制牌子和证明事项的工作方案"


def _override(layer_id: str, target: str, field: str) -> str:
    """The id of the shipped layer's override of the field: the row a clerk edits (read, never pinned)."""
    return next(o.id for o in shipped_registry().find(layer_id).overrides if (o.target, o.field) == (target, field))


def test_explain_shows_each_layer_with_its_citation() -> None:
    result = invoke("explain", "120117", "cn.sign.party-service-centre", "orientation")
    assert result.code == 0
    row = _override("120117", "cn.sign.party-service-centre", "orientation")
    assert result.out.splitlines() == [
        "宁河区（120117） · cn.sign.party-service-centre",
        "  版式（orientation） = 横牌（horizontal）",
        f"    cn 全国 {_version('cn')}：未设定",  # nothing said, nothing cited
        f"    120000 天津市 {_version('120000')}：继承",
        f"    120117 宁河区 {_version('120117')}：设定 横牌（horizontal）",  # none before: set, not changed
        f"      所在行：“覆盖”表（overrides.csv）{row}",  # the row a clerk edits to change it
        f"      出处：{NINGHE_PLAN} 三(二)8「“一横”：XX村（社区）党群服务中心。」",
    ]
    changed = invoke("explain", "120117", "cn.sign.party-service-centre", "sign_type").out
    assert f"    120117 宁河区 {_version('120117')}：改为 标牌（plaque）" in changed


def test_explain_catalog_and_timeline_read_a_citation_as_check_does(tmp_path: Path) -> None:
    """explain printed 出处：cn.document.minfa-2020-20-annex 第5项 where check and admit print the
    document's title, and repeated the item's citations under every field its row left 未设定."""
    annex = "不应由基层群众性自治组织出具证明事项清单（第一批）"
    item = invoke("explain", "120117", "无犯罪记录证明").out
    assert f"      出处：{annex} 第5项" in item
    assert "cn.document.minfa-2020-20-annex" not in item
    lines = item.splitlines()
    notes = lines.index("  备注（notes） = 空")
    assert lines[notes + 1 : notes + 3] == [
        f"    cn 全国 {_version('cn')}：未设定",
        f"    120000 天津市 {_version('120000')}：继承",
    ]
    for before, after in itertools.pairwise(lines):
        assert not (before.endswith("：未设定") and after.startswith("      出处：")), before
    assert item.count("出处：") == 2 * 6  # two clauses, under each field the row gave (id, name, status, basis…)
    citations = invoke("explain", "120117", "无犯罪记录证明", "citations").out.splitlines()
    assert citations[2].startswith(f"    cn 全国 {_version('cn')}：设立 {annex} 第5项；")
    assert not citations[3].startswith("      出处")  # the value is the citations: not cited again beneath
    assert f"| {annex} 第5项；" in invoke("catalog", "120117", "--format", "markdown").out
    milestone = {
        "id": "220102.milestone.m",
        "name": "清理证明事项",
        "citations": ["cn.document.minfa-2020-20-annex#第4项"],
        "due": "2024-06",
        "due_text": "2024年6月底前",
    }
    county = write_child(tmp_path, "220000", milestones=[Milestone.model_validate(milestone)])
    timeline = invoke("timeline", "-j", "220102", "--layer", str(county)).out
    assert f"      依据：{annex} 第4项" in timeline


def test_explain_shows_values_as_a_clerk_reads_them_never_as_json() -> None:
    """``null``, ``[]`` and ``[{"document": …}]`` were JSON literals in a Chinese report."""
    result = invoke("explain", "120117", "cn.sign.party-service-centre")
    assert result.code == 0
    assert not any(word in result.out for word in ("null", "[]", '{"', '"horizontal"')), result.out
    assert "  替代条目（replaces） = 空" in result.out
    assert "  别名（aliases） = 村党群服务中心标识" in result.out  # a list as a clerk writes one
    english = invoke("explain", "120117", "cn.sign.party-service-centre", "--lang", "en").out
    assert "  replaces = empty" in english
    assert "  orientation = horizontal" in english


def test_explain_names_the_row_of_each_step_the_items_own_or_an_override() -> None:
    """A clerk who would change a value must know which row of which layer to edit: explain named the layer only.

    The JSON had the override's id (``operation``); the text had nothing of it.
    """
    item = "cn.duty.no-law-enforcement"
    lines = invoke("explain", "120117", item, "duty_kind").out.splitlines()
    row = _override("120117", item, "duty_kind")
    assert [line for line in lines if not line.startswith("      出处：")] == [
        f"宁河区（120117） · {item}",
        "  事项类别（duty_kind） = 履职负面事项（prohibited）",
        f"    cn 全国 {_version('cn')}：设立 履职负面事项（prohibited）",
        f"      所在行：“工作事务”表（duties.csv）{item}，本条目自身的行",
        f"    120000 天津市 {_version('120000')}：继承",
        f"    120117 宁河区 {_version('120117')}：重申（取值不变） 履职负面事项（prohibited）",
        f"      所在行：“覆盖”表（overrides.csv）{row}",
    ]
    assert lines[4].startswith("      出处：厅字〔2022〕28号")  # the row first, then what backs it
    english = invoke("explain", "120117", item, "duty_kind", "--lang", "en").out
    assert f"      row: {item} in Duty (duties.csv), the item's own row" in english
    assert f"      row: {row} in Override (overrides.csv)" in english
    data = json.loads(invoke("explain", "120117", item, "duty_kind", "--format", "json").out)
    assert [s.get("operation") for s in data["fields"]["duty_kind"]["chain"]] == [None, None, row]


def test_explain_of_a_list_a_layer_added_to_says_what_it_added() -> None:
    """Ninghe adds its plan to the national duty's citations: explain said 增加 followed by both, the national one
    too, as if Ninghe had added it (the value after the step), and cited Ninghe's plan beneath again."""
    item = "cn.duty.no-law-enforcement"
    lines = invoke("explain", "120117", item, "citations").out.splitlines()
    ninghe = next(n for n, line in enumerate(lines) if line.startswith("    120117 "))
    assert lines[ninghe].startswith(f"    120117 宁河区 {_version('120117')}：增加 {NINGHE_PLAN} 三(一)3「")
    assert "厅字〔2022〕28号" not in lines[ninghe]
    assert "厅字〔2022〕28号" in lines[1]  # the field's value: both
    assert not any(line.startswith("      出处") for line in lines[ninghe + 1 :])  # what it added is its basis


def test_explain_of_entries_a_layer_removed_says_which(tmp_path: Path) -> None:
    """A county drops 说服劝导 from Jilin's assist activities: explain said 删除 followed by the five that remain."""
    item = "220000.duty.assist-government-work"
    override = {"target": item, "field": "assist_activities", "op": "remove", "value": "persuade"}
    county = write_child(tmp_path, "220000", overrides=[override])
    lines = invoke("explain", "220102", item, "assist_activities", "--layer", str(county)).out.splitlines()
    assert "说服劝导" not in lines[1]  # the value now
    assert lines[-3:-1] == [
        "    220102 测试区 0.1.0：删除 说服劝导（persuade）",
        "      所在行：“覆盖”表（overrides.csv）220102.override.o0",
    ]


@pytest.mark.parametrize("key", ["220000.mechanism.convenience-service-station", "便民服务站（大厅）"])
def test_explain_of_an_item_a_layer_cancelled_names_the_cancellation(tmp_path: Path, key: str) -> None:
    """A clerk asks why the village has no 便民服务站: explain said 没有条目, not who cancelled it, by which row."""
    target = "220000.mechanism.convenience-service-station"
    county = write_child(tmp_path, "220000", cancellations=[{"target": target, "reason": "本区已并入党群服务中心"}])
    result = invoke("explain", "220102", key, "--layer", str(county))
    assert result.code == 2
    assert result.err.strip() == (
        f"villagecat: 测试区（220102）的有效目录中没有条目 {key}：220102 测试区 以“取消”表（cancellations.csv）"
        f"220102.cancellation.c0 取消了 {target}（便民服务站（大厅）），理由：本区已并入党群服务中心"
    )
    english = invoke("explain", "220102", key, "--layer", str(county), "--lang", "en").err
    assert "220102.cancellation.c0" in english
    assert "Traceback" not in result.err + english


def test_a_catalogs_cancelled_item_is_named_with_who_cancelled_it_by_which_row(tmp_path: Path) -> None:
    """``catalog`` listed a cancelled item as the id its row holds and a layer code (x（220102）：测试), with Chinese
    brackets in English too: not its name, nor the row to edit."""
    target = "220000.mechanism.convenience-service-station"
    county = write_child(tmp_path, "220000", cancellations=[{"target": target, "reason": "本区已并入党群服务中心"}])
    lines = invoke("catalog", "220102", "--layer", str(county)).out.splitlines()
    assert lines[lines.index("已取消：") + 1] == (
        f"  {target}（便民服务站（大厅））：220102 测试区 以“取消”表（cancellations.csv）220102.cancellation.c0 取消，"
        "理由：本区已并入党群服务中心"
    )
    english = invoke("catalog", "220102", "--layer", str(county), "--lang", "en").out.splitlines()
    assert english[english.index("cancelled:") + 1] == (
        f"  {target} (便民服务站（大厅）): cancelled by 220102 Test with 220102.cancellation.c0 (cancellations.csv),"
        " because: 本区已并入党群服务中心"
    )


def test_explain_json_lists_the_chain() -> None:
    data = json.loads(invoke("explain", "ninghe", "cn.duty.no-work-safety", "duty_kind", "--format", "json").out)
    chain = data["fields"]["duty_kind"]["chain"]
    assert [(s["layer"], s["action"]) for s in chain] == [
        ("cn", "introduced"),
        ("120000", "inherited"),
        ("120117", "restated"),
    ]
    assert chain[2]["citations"][0]["section"] == "三(一)3"


@pytest.mark.parametrize(
    "argv",
    [
        ("catalog", "nowhere"),
        ("explain", "120117", "cn.duty.nope"),
        ("explain", "120117", "cn.duty.self-building", "colour"),
    ],
)
def test_unknown_jurisdiction_item_or_field_exits_two(argv: tuple[str, ...]) -> None:
    result = invoke(*argv)
    assert result.code == 2
    assert result.err.startswith("villagecat: ")
    assert len(result.err.splitlines()) == 1


def test_layers_lists_every_shipped_layer() -> None:
    rows = json.loads(invoke("layers", "--format", "json").out)
    assert [r["id"] for r in rows] == JURISDICTIONS
    assert len(rows) == len(shipped_layer_paths())
    ninghe = next(r for r in rows if r["id"] == "120117")
    assert (ninghe["level"], ninghe["parent"]) == ("county", _parent_range("120117"))
    text = invoke("layers").out
    assert f"120117\t县级\t宁河区（Ninghe）\t{_version('120117')}\t{_parent_range('120117')}" in text


def test_a_layer_outside_the_repo_joins_the_chain(tmp_path: Path) -> None:
    path = write_child(
        tmp_path,
        "220000",
        overrides=[{"target": "220000.facility.village", "field": "min_floor_area_m2", "value": "260"}],
    )
    data = json.loads(invoke("catalog", "220102", "--layer", str(path), "--format", "json").out)
    assert [c["id"] for c in data["chain"]] == ["cn", "220000", "220102"]
    assert any(f.get("min_floor_area_m2") == 260 for f in data["items"]["facilities"])


@pytest.mark.parametrize("fmt", ["text", "yaml", "markdown"])
def test_other_formats_render(fmt: str) -> None:
    result = invoke("catalog", "120117", "--format", fmt)
    assert result.code == 0
    assert "宁河区" in result.out
    assert "村（社区）党群服务中心标牌（一横）" in result.out


@pytest.mark.parametrize("jurisdiction", JURISDICTIONS)
def test_golden_catalog_of_each_shipped_jurisdiction(jurisdiction: str) -> None:
    """The effective catalog of every shipped jurisdiction, reviewed and committed.

    Regenerate after a reviewed data change with VILLAGECAT_UPDATE_GOLDEN=1.
    """
    result = invoke("catalog", jurisdiction, "--format", "json", "--scope", "all")
    assert result.code == 0
    golden = FIXTURES / f"catalog_{jurisdiction}.json"
    if os.environ.get("VILLAGECAT_UPDATE_GOLDEN") == "1":
        golden.write_text(result.out, encoding="utf-8")
    assert result.out == golden.read_text(encoding="utf-8")


def test_catalog_text_puts_duties_first_and_layers_name_their_counts_in_chinese() -> None:
    out = invoke("catalog", "140404").out
    assert out.index("\n工作事务（") < out.index("\n来源文件（")
    layers = invoke("layers").out
    assert "工作事务 12" in layers
    assert "duties=" not in layers


def test_explain_takes_a_field_by_its_chinese_title() -> None:
    """``explain 宁河 … 版式`` was refused, listing English field names only."""
    result = invoke("explain", "宁河", "cn.sign.party-service-centre", "版式")
    assert result.code == 0, result.err
    assert result.out.splitlines()[1] == "  版式（orientation） = 横牌（horizontal）"
    unknown = invoke("explain", "宁河", "cn.sign.party-service-centre", "颜色")
    assert unknown.code != 0
    assert "版式（orientation）" in unknown.err


@pytest.mark.parametrize(
    "key",
    [
        "村（社区）党群服务中心标牌（一横）",  # its name in Ninghe, renamed there
        "村(社區)党群服务中心标牌(一横)",  # traditional, half-width: normalised, as certificate render does
        "村党群服务中心标识",  # the name it inherited, kept as an alias
        "cn.sign.party-service-centre",  # and its id, still
    ],
)
def test_explain_takes_an_items_name_or_alias(key: str) -> None:
    """``explain 330106 养犬登记证明`` said 没有条目 of an item ``certificate render 养犬登记证明`` found."""
    result = invoke("explain", "120117", key, "版式")
    assert result.code == 0, result.err
    assert result.out.splitlines()[:2] == [
        "宁河区（120117） · cn.sign.party-service-centre",
        "  版式（orientation） = 横牌（horizontal）",
    ]
    data = json.loads(invoke("explain", "120117", key, "orientation", "--format", "json").out)
    assert data["item"] == "cn.sign.party-service-centre"


def test_explain_of_a_name_two_items_bear_lists_both_and_asks_for_the_id(tmp_path: Path) -> None:
    from villagecat.models import Mechanism  # noqa: PLC0415

    named = Mechanism.model_validate(
        {
            "id": "220102.mechanism.dog",
            "name": "居民養犬證明",
            "citations": ["cn.document.tingzi-2022-28#二(二)5"],
            "mechanism_type": "centre",
        }
    )
    path = write_child(tmp_path, "cn", mechanisms=(named,))
    result = invoke("explain", "220102", "居民养犬证明", "--layer", str(path))
    assert result.code == 2
    assert result.err == (
        "villagecat: 测试区（220102）的有效目录中有多个条目名为 居民养犬证明："
        "220102.mechanism.dog（工作机制：居民養犬證明）、cn.certificate.dog-keeping（证明事项：居民养犬证明）；请改用其标识\n"
    )
    assert invoke("explain", "220102", "220102.mechanism.dog", "--layer", str(path)).code == 0


@pytest.mark.parametrize(
    "argv",
    [
        ("catalog", "330106"),
        ("explain", "330106", "cn.duty.self-building"),
        ("check", "facility", "-j", "330106", "--floor-area", "300"),
        ("timeline", "-j", "330106"),
        ("impact", "330106", "cn"),
    ],
)
def test_a_jurisdiction_not_shipped_is_told_to_come_with_layer(argv: tuple[str, ...]) -> None:
    """It listed the shipped layers and stopped: a clerk with a province not shipped was not told of --layer."""
    last = list(shipped_registry())[-1].layer
    result = invoke(*argv)
    assert result.code == 2
    assert result.err.startswith("villagecat: 没有与“330106”对应的目录层，已知的层：cn 全国、"), result.err
    assert result.err.endswith(
        f"{last.name_zh}；不是内置层的，请用 --layer 路径 给出它的数据包（非内置的上级层也一并给出）\n"
    )
    english = invoke(*argv, "--lang", "en")
    assert english.err.endswith(
        f"{last.name_en}; for a layer that is not shipped, give its package with --layer PATH"
        " (and its parents that are not shipped)\n"
    )


def test_every_command_that_resolves_a_jurisdiction_takes_it_as_j() -> None:
    """`catalog -j 140404` was 无法识别的参数：-j, though admit, audit and check take only -j.

    catalog, explain and timeline take it either way; given twice, or not at all, it is a
    usage error (exit 2) naming the command's help.
    """
    for positional, option in (
        (("catalog", "120117"), ("catalog", "-j", "120117")),
        (("explain", "120117", "居民养犬证明", "状态"), ("explain", "-j", "120117", "居民养犬证明", "状态")),
        (("explain", "120117", "居民养犬证明"), ("explain", "居民养犬证明", "--jurisdiction", "宁河")),
        (("timeline", "120117"), ("timeline", "-j", "ninghe")),
    ):
        first, second = invoke(*positional), invoke(*option)
        assert (first.code, first.out) == (second.code, second.out), option
        assert first.code == 0
        assert "宁河区（120117）" in first.out
    twice = invoke("catalog", "140404", "-j", "120117")
    assert twice.code == 2
    assert "辖区给了两次：140404 与 -j 120117，只能给一个；请运行 villagecat catalog --help 查看用法" in twice.err
    assert invoke("explain", "120117", "居民养犬证明", "状态", "-j", "120117").code == 2
    missing = invoke("explain", "居民养犬证明")
    assert missing.code == 2
    assert "缺少必需的参数：jurisdiction（-j）" in missing.err
    for place in ("120117", "宁河", "220102"):  # a jurisdiction typed alone: the item is missing, not it
        no_item = invoke("explain", place)
        assert no_item.code == 2
        assert "缺少必需的参数：item；" in no_item.err, no_item.err
        assert "jurisdiction" not in no_item.err


@pytest.mark.parametrize(
    "typed",
    [
        "最小建筑面积",
        "最小建筑面积(平方米)",
        "最小建筑面积 （平方米）",
        "min_floor_area_m2",
    ],
)
def test_explain_takes_a_field_title_as_a_clerk_types_it(typed: str) -> None:
    """最小建筑面积 without its unit was 没有字段: the title is 最小建筑面积（平方米）, and a clerk types the words."""
    result = invoke("explain", "220000", "220000.facility.village", typed)
    assert result.code == 0, result.err
    assert result.out.splitlines()[1].startswith("  最小建筑面积（平方米）（min_floor_area_m2） = ")
