"""Every command and option explains itself in Chinese first (with English)."""

from __future__ import annotations

import argparse
import re

import pytest

from conftest import REPO, invoke
from villagecat.cli import _parser
from villagecat.registry import shipped_registry

_HAN = re.compile(r"[\u4e00-\u9fff]")


def _parsers(parser: argparse.ArgumentParser, prefix: str = "villagecat") -> list[tuple[str, argparse.ArgumentParser]]:
    found = [(prefix, parser)]
    for action in parser._actions:  # noqa: SLF001 - argparse offers no public walk
        if isinstance(action, argparse._SubParsersAction):  # noqa: SLF001
            for name, sub in action.choices.items():
                found += _parsers(sub, f"{prefix} {name}")
    return found


def test_every_option_has_chinese_help() -> None:
    missing = [
        f"{name} {'/'.join(action.option_strings) or action.dest}"
        for name, parser in _parsers(_parser())
        for action in parser._actions  # noqa: SLF001
        if action.help and action.help != argparse.SUPPRESS and action.dest != "help" and not _HAN.search(action.help)
    ]
    assert not missing, missing


def test_the_message_language_follows_the_locale_and_lang_overrides_it(monkeypatch: pytest.MonkeyPatch) -> None:
    national = str(REPO / "data" / "national")
    assert invoke("validate", national).out.strip().endswith("有效")
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    assert invoke("validate", national).out.strip().endswith("valid")
    assert invoke("validate", national, "--lang", "zh").out.strip().endswith("有效")
    monkeypatch.setenv("LC_ALL", "zh_CN.UTF-8")  # LC_ALL wins over LANG, as in the C library
    assert invoke("validate", national).out.strip().endswith("有效")


def _leaves(parser: argparse.ArgumentParser, prefix: str = "") -> list[tuple[str, argparse.ArgumentParser]]:
    found = []
    for action in parser._actions:  # noqa: SLF001
        if isinstance(action, argparse._SubParsersAction):  # noqa: SLF001
            for name, sub in action.choices.items():
                below = _leaves(sub, f"{prefix}{name} ")
                found += below or [(f"{prefix}{name}", sub)]
    return found


def test_every_command_takes_lang() -> None:
    leaves = _leaves(_parser())
    assert len(leaves) >= 19
    for name, leaf in leaves:
        options = {o for action in leaf._actions for o in action.option_strings}  # noqa: SLF001
        assert "--lang" in options, name


def test_the_text_commands_speak_english_when_asked() -> None:
    layers = invoke("layers", "--lang", "en").out.splitlines()
    assert layers[0] == "id\tlevel\tname\tversion\tparent\titems"
    assert any(line.startswith("120117\tcounty\tNinghe\t") for line in layers)
    timeline = invoke("timeline", "-j", "140404", "--lang", "en").out
    deadlines = len(shipped_registry().find("140404").milestones)
    assert timeline.startswith(f"Shangdang (140404) · {deadlines} deadlines")
    assert "(as written: 8月 10日前)" in timeline
    assert "basis: 长上民字〔2023〕17号" in timeline
    explain = invoke("explain", "120117", "cn.sign.party-service-centre", "orientation", "--lang", "en").out
    assert "  120000 Tianjin " in explain
    assert ": inherited" in explain
    assert ": set horizontal" in explain
    catalog = invoke("catalog", "220000", "--lang", "en").out
    assert catalog.startswith("Jilin (220000) effective catalog · applies to: village")
    assert "approval route (Jilin):" in catalog
    for chinese in ("层级链", "有效目录", "准入审批程序", "：继承", "：改为", "依据：", "原文：", "时间节点"):
        assert chinese not in catalog + explain + timeline, chinese


def test_errors_speak_the_chosen_language() -> None:
    unknown = invoke("catalog", "nowhere", "--lang", "en")
    assert (unknown.code, unknown.err.startswith("villagecat: no layer matches 'nowhere'")) == (2, True)
    assert "没有" not in unknown.err
    chinese = invoke("catalog", "nowhere")
    assert chinese.err.startswith("villagecat: 没有与“nowhere”对应的目录层")
    usage = invoke("frobnicate", "--lang", "en")
    assert usage.err.startswith("villagecat: error: argument COMMAND: invalid choice")


def test_every_description_and_help_line_is_in_chinese_too() -> None:
    cjk = re.compile(r"[\u4e00-\u9fff]")
    for name, leaf in [("villagecat", _parser()), *_leaves(_parser())]:
        if leaf.description:
            assert cjk.search(leaf.description), f"{name}: {leaf.description}"
        for action in leaf._actions:  # noqa: SLF001
            if action.help and action.help != argparse.SUPPRESS:
                assert cjk.search(action.help), f"{name} {action.option_strings}: {action.help}"


def test_markdown_reports_follow_the_language_too() -> None:
    english = invoke("catalog", "120117", "--format", "markdown", "--lang", "en").out
    assert english.startswith("# Ninghe (120117) effective catalog\n")
    assert "| item | id | source | set by |" in english
    assert english.index("## Duty") < english.index("## Source document")  # duties first, as in Chinese
    report = invoke("admit", "填报表格", "-j", "140404", "--format", "markdown", "--lang", "en").out
    assert "| subject | verdict | code | finding | basis |" in report
    assert "| fail |" in report
    chinese = invoke("admit", "填报表格", "-j", "140404", "--format", "markdown").out
    assert "| 对象 | 结论 | 说明 | 依据 |\n|---|---|---|---|\n" in chinese  # codes in English and JSON only


def test_lang_may_come_before_the_command_too(monkeypatch: pytest.MonkeyPatch) -> None:
    assert invoke("--lang", "en", "layers").out.startswith("id\tlevel\tname")
    assert invoke("layers").out.startswith("层标识")
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    assert invoke("--lang", "zh", "layers").out.startswith("层标识")
    assert invoke("--lang", "en", "layers", "--lang", "zh").out.startswith("层标识")  # the command's own wins
    unknown = invoke("catalog", "nowhere")
    assert "Ninghe" in unknown.err
    assert "宁河区" not in unknown.err


@pytest.mark.parametrize(
    ("argv", "zh", "en"),
    [
        (["validate"], "缺少必需的参数：PATH", "the following arguments are required: PATH"),
        (
            ["catalog", "120117", "--scope", "town"],
            "参数 --scope：应为 村、社区、全部 之一（不是“town”）",
            "must be one of village, community, all",
        ),
        (
            ["audit", "x.csv", "-j", "120117", "--scope", "all"],
            "参数 --scope：应为 村、社区 之一（不是“all”）",
            "not 'all'",
        ),
        (["check", "facility", "-j", "220000", "--floor-area", "abc"], "应为不小于 0 的数字", "must be a number"),
        (["layers", "--bogus"], "无法识别的参数：--bogus", "unrecognized arguments: --bogus"),
        (["frobnicate"], "参数 COMMAND：无效的取值“frobnicate”", "invalid choice: 'frobnicate'"),
    ],
)
def test_usage_errors_are_worded_in_the_chosen_language(argv: list[str], zh: str, en: str) -> None:
    """argparse speaks English; a clerk reads a usage error in Chinese (it read 用法错误：the following …)."""
    chinese = invoke(*argv)
    assert chinese.code == 2
    assert zh in chinese.err
    assert not re.search(r"\b(argument|the following|invalid|must|unrecognized)\b", chinese.err), chinese.err
    english = invoke("--lang", "en", *argv)
    assert english.code == 2
    assert en in english.err
    assert not re.search(r"[\u4e00-\u9fff]", english.err), english.err


def test_a_scope_is_given_in_chinese_as_a_clerk_says_it() -> None:
    """``--scope 社区`` was refused: 无效的选项 '社区'（可选：'village', 'community'）."""
    assert invoke("catalog", "120117", "--scope", "社区").out.startswith("宁河区（120117）有效目录 · 适用：社区")
    assert invoke("catalog", "120117", "--scope", "全部").code == 0
    community = invoke(
        "check", "facility", "-j", "120117", "--floor-area", "40", "--households", "100", "--scope", "社区"
    )
    assert "差" not in community.out, community.out  # 30 m² per 100 households; a village would need 300
    village = invoke("check", "facility", "-j", "120117", "--floor-area", "40", "--households", "100", "--scope", "村")
    assert "差 260 m²" in village.out  # told, not failed: 「……300平方米以上」 has no binding word


@pytest.mark.parametrize(
    "command", ["villagecat check", "villagecat check facility", "villagecat check signage", "villagecat audit"]
)
def test_the_checks_a_community_takes_say_so(command: str) -> None:
    """A community's clerk read 核查一个村悬挂的标牌标识 in `check signage --help`, though --scope 社区 checks hers."""
    (parser,) = [p for name, p in _parsers(_parser()) if name == command]
    assert "村（社区）" in (parser.description or ""), parser.description
    assert "communit" in (parser.description or "")


def test_admit_says_a_task_may_be_asked_of_a_community() -> None:
    """`admit --help` said only 交由村级组织承担, though --scope 社区 asks it of a community's organisations."""
    (parser,) = [p for name, p in _parsers(_parser()) if name == "villagecat admit"]
    assert "社区" in (parser.description or ""), parser.description
