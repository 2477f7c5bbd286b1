"""Every help page and every usage error reads Chinese first; nothing is left in argparse's English.

The parser tree is walked, not listed: a command added later is held to the same rules.
"""

from __future__ import annotations

import argparse
import re
import unicodedata
from typing import TYPE_CHECKING

import pytest

from conftest import invoke
from villagecat.cli import _parser

if TYPE_CHECKING:
    from pathlib import Path

_HAN = re.compile(r"[\u4e00-\u9fff]")
#: argparse's own headings, alone on their line (villagecat's read 用法 / usage:, 位置参数 / positional arguments:).
_ENGLISH_HEADING = re.compile(r"^(usage|positional arguments|optional arguments|options):", re.MULTILINE)
_ENGLISH_WORDS = re.compile(r"\b(argument|arguments|the following|invalid|unrecognized|expected|error|Try)\b")


def _tree(
    parser: argparse.ArgumentParser, path: tuple[str, ...] = ()
) -> list[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    found = [(path, parser)]
    for action in parser._actions:  # noqa: SLF001 - argparse offers no public walk
        if isinstance(action, argparse._SubParsersAction):  # noqa: SLF001
            for name, sub in action.choices.items():
                found += _tree(sub, (*path, name))
    return found


def _is_leaf(parser: argparse.ArgumentParser) -> bool:
    return not any(isinstance(a, argparse._SubParsersAction) for a in parser._actions)  # noqa: SLF001


PARSERS = _tree(_parser())
COMMANDS = [path for path, _ in PARSERS if path]
LEAVES = [path for path, parser in PARSERS if path and _is_leaf(parser)]


def _name(path: tuple[str, ...]) -> str:
    return " ".join(("villagecat", *path))


def _columns(line: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)


def test_the_tree_is_walked() -> None:
    assert len(LEAVES) >= 19
    assert ("diff",) in LEAVES
    assert ("check", "facility") in LEAVES
    assert ("check",) in COMMANDS


@pytest.mark.parametrize("path", [(), *COMMANDS], ids=_name)
def test_every_help_page_has_chinese_headings(path: tuple[str, ...], monkeypatch: pytest.MonkeyPatch) -> None:
    """It read usage:, positional arguments: and options:, as argparse writes them."""
    monkeypatch.setenv("COLUMNS", "80")
    page = dict(PARSERS)[path].format_help()
    assert page.startswith("用法 / usage: " + _name(path)), page
    assert "选项 / options:" in page
    assert not _ENGLISH_HEADING.search(page), page


@pytest.mark.parametrize("path", [(), *COMMANDS], ids=_name)
def test_every_argument_and_command_explains_itself_chinese_first(path: tuple[str, ...]) -> None:
    """diff's old and new, lint's PATH, --format, init's --level had no help; check and certificate no description."""
    parser = dict(PARSERS)[path]
    assert parser.description, f"{_name(path)} has no description"
    assert _HAN.match(parser.description), f"{_name(path)}: {parser.description}"
    for action in parser._actions:  # noqa: SLF001
        what = f"{_name(path)} {'/'.join(action.option_strings) or action.dest}"
        assert action.help, f"{what} has no help"
        assert action.help != argparse.SUPPRESS, what
        chinese, slash, english = action.help.partition("/ ")
        assert slash, f"{what}: not 中文 / English: {action.help}"
        assert _HAN.search(chinese), f"{what}: Chinese first: {action.help}"
        assert re.search(r"[A-Za-z]{3}", english), f"{what}: English after: {action.help}"


@pytest.mark.parametrize("path", [(), *COMMANDS], ids=_name)
def test_help_fits_a_terminal_of_80_columns(path: tuple[str, ...], monkeypatch: pytest.MonkeyPatch) -> None:
    """argparse wrapped by characters at spaces only: a Chinese line ran to twice the width, or broke mid-word."""
    monkeypatch.setenv("COLUMNS", "80")
    for line in dict(PARSERS)[path].format_help().splitlines():
        one_usage_part = line.strip().startswith("[") and line.count("[") == 1  # argparse never breaks one [--x {a,b}]
        assert _columns(line) <= 80 or one_usage_part, line


def test_the_choices_are_shown_with_their_chinese_labels() -> None:
    page = dict(PARSERS)[("init",)].format_help()
    joined = re.sub(r"\s*\n\s*", "", page)  # the lines of a help text, put back together
    assert "省级（province）、市级（prefecture）、县级（county）、乡镇级（township）" in joined
    assert "村（village）、社区（community）、村和社区（both）" in joined
    assert "--level {province,prefecture,county,township}" in page  # the values themselves are unchanged


@pytest.mark.parametrize("path", LEAVES, ids=_name)
def test_a_usage_error_names_the_command_and_its_help_in_chinese(path: tuple[str, ...]) -> None:
    """It read ``villagecat: 用法错误：…`` and ``请运行 'villagecat --help'``: not the command the clerk ran."""
    result = invoke(*path, "--no-such-option")
    assert result.code == 2
    assert result.out == ""
    assert result.err.startswith(f"{_name(path)}: 用法错误："), result.err
    assert f"请运行 {_name(path)} --help 查看用法" in result.err
    assert result.err.count("\n") == 1, result.err
    assert not _ENGLISH_WORDS.search(result.err), result.err


@pytest.mark.parametrize("path", LEAVES, ids=_name)
def test_a_usage_error_is_english_when_asked(path: tuple[str, ...]) -> None:
    result = invoke("--lang", "en", *path, "--no-such-option")
    assert result.code == 2
    assert result.err.startswith(f"{_name(path)}: error: "), result.err
    assert f"try '{_name(path)} --help'" in result.err
    assert not _HAN.search(result.err), result.err


def test_every_option_that_takes_text_refuses_it_empty() -> None:
    """An empty value (a variable unset in a script) is a usage error, never read as "not given" or as ".".

    ``init --slug ''`` took the default slug, ``schema -o ''`` wrote into the current folder and
    ``quotes --texts ''`` said 文件不存在 of a file called nothing. An option whose value is text
    (a name, a path, notes) is read by ``given``, or by a type of its own that refuses it empty.
    """
    unread = [
        (" ".join(path), action.dest)
        for path, parser in _tree(_parser())
        for action in parser._actions  # noqa: SLF001 - argparse offers no public walk
        if action.nargs != 0 and action.type is None and not action.choices and action.dest != "help"
    ]
    assert unread == []


#: ``init`` with every required option, for the cases of its other options.
_INIT = ["init", "x", "--level", "county", "--code", "140405", "--name", "x"]


@pytest.mark.parametrize(
    ("argv", "zh", "en"),
    [
        (["diff"], "villagecat diff: 用法错误：缺少必需的参数：old、new；", "required: old, new;"),
        (["diff", "a", "b", "c"], "无法识别的参数：c", "unrecognized arguments: c"),
        (
            ["check", "facility", "-j", "120117", "--x"],
            "villagecat check facility: 用法错误：",
            "check facility --help",
        ),
        (
            ["check", "nothing"],
            "参数 CHECK：无效的取值“nothing”（可选：facility、signage）",
            "invalid choice: 'nothing'",
        ),
        (
            ["init", "x", "--code", "1", "--name", "x", "--level", "town"],
            "参数 --level：无效的取值“town”（可选：省级（province）、市级（prefecture）、县级（county）、乡镇级",
            "(choose from province, prefecture, county, township)",
        ),
        (["catalog", "120117", "--format", "pdf"], "（可选：text、json、yaml、markdown）", "choose from text, json"),
        (
            ["diff", "a", "b", "--fail-on", "breakng"],
            "（可选：违反规则（violation）、版本号未反映变更（unannounced）、破坏性（breaking）、需关注（warning））",
            "(choose from violation, unannounced, breaking, warning)",
        ),
        (["layers", "--format"], "参数 --format：后面需要给出一个值", "argument --format: expected one argument"),
        (
            ["validate", "x", "--max-bytes", "many"],
            "参数 --max-bytes：读取上限应为正整数（不是 many）",
            "the read limit must be a positive number, not many",
        ),
        (["admit", "-j", "120117"], "缺少必需的参数：TASK", "required: TASK"),
        (["explain", "120117", ""], "参数 item：不能为空", "argument item: must not be empty"),
        (["explain", "120117", " \u3000"], "参数 item：不能为空", "argument item: must not be empty"),
        (["explain", "120117", "cn.duty.x", ""], "参数 field：不能为空", "argument field: must not be empty"),
        (["certificate", "render", "", "-j", "120117"], "参数 certificate：不能为空", "argument certificate: must"),
        (["admit", "代办社会保险登记", " ", "-j", "120117"], "参数 TASK：不能为空", "argument TASK: must not be empty"),
        (["catalog", ""], "参数 jurisdiction：不能为空", "argument jurisdiction: must not be empty"),
        (["timeline", "-j", " "], "参数 --jurisdiction/-j：不能为空", "argument --jurisdiction/-j: must not be empty"),
        (["audit", "", "-j", "120117"], "参数 ledger：不能为空", "argument ledger: must not be empty"),
        (["validate", ""], "参数 PATH：不能为空", "argument PATH: must not be empty"),
        (["diff", "", "cn"], "参数 old：不能为空", "argument old: must not be empty"),
        (["init", "", "--level", "county", "--code", "140405", "--name", "x"], "参数 path：不能为空", "path: must not"),
        (["export", " "], "参数 layer：不能为空", "argument layer: must not be empty"),
        (["catalog", "120117", "--layer", ""], "参数 --layer：不能为空", "argument --layer: must not be empty"),
        ([*_INIT, "--slug", ""], "参数 --slug：不能为空", "argument --slug: must not be empty"),
        ([*_INIT, "--name-en", " "], "参数 --name-en：不能为空", "argument --name-en: must not be empty"),
        ([*_INIT, "--parent", ""], "参数 --parent：不能为空", "argument --parent: must not be empty"),
        (["schema", "-o", ""], "参数 -o/--output：不能为空", "argument -o/--output: must not be empty"),
        (["upgrade", "x", "-o", ""], "参数 -o/--output：不能为空", "argument -o/--output: must not be empty"),
        (["export", "cn", "-o", ""], "参数 -o/--output：不能为空", "argument -o/--output: must not be empty"),
        (["quotes", "x", "--texts", ""], "参数 --texts：不能为空", "argument --texts: must not be empty"),
        (["quotes", "x", "--root", " "], "参数 --root：不能为空", "argument --root: must not be empty"),
        (["release", "x", "--notes", ""], "参数 --notes：不能为空", "argument --notes: must not be empty"),
        (["diff", "a", "b", "--accept", ""], "参数 --accept：不能为空", "argument --accept: must not be empty"),
        (["diff", "a", "b", "--levels", ""], "参数 --levels：不能为空", "argument --levels: must not be empty"),
        (["check", "facility", "-j", "120117", "--file", ""], "参数 --file：不能为空", "argument --file: must not"),
        (
            ["check", "facility", "-j", "120117", "--floor-area", "300", "--function-areas", ""],
            "参数 --function-areas：不能为空",
            "argument --function-areas: must not be empty",
        ),
        (
            ["certificate", "render", "X", "-j", "120117", "-o", ""],
            "参数 -o/--output：不能为空",
            "argument -o/--output: must not be empty",
        ),
        (
            ["certificate", "render", "X", "-j", "120117", "--set", "=x"],
            "参数 --set：应写作 名称=取值，名称不能为空（不是“=x”）",
            "argument --set: takes NAME=VALUE, with a name, not '=x'",
        ),
        (
            ["certificate", "render", "X", "-j", "120117", "--set", "x"],
            "参数 --set：应写作 名称=取值，名称不能为空（不是“x”）",
            "argument --set: takes NAME=VALUE, with a name, not 'x'",
        ),
    ],
)
def test_argparse_errors_are_told_in_the_catalog_words(argv: list[str], zh: str, en: str) -> None:
    chinese = invoke(*argv)
    assert (chinese.code, chinese.out) == (2, "")
    assert zh in chinese.err
    assert not _ENGLISH_WORDS.search(chinese.err), chinese.err
    english = invoke(*argv, "--lang", "en")
    assert english.code == 2
    assert en in english.err
    assert not _HAN.search(english.err), english.err


def test_a_level_is_given_as_a_clerk_says_it(tmp_path: Path) -> None:
    """The value stays the contract (county); its Chinese label is taken for it, as --scope takes 社区."""
    result = invoke(
        "init", str(tmp_path / "new"), "--level", "县级", "--code", "120118", "--name", "新区", "--covers", "村"
    )
    assert result.code == 0, result.err
    package = (tmp_path / "new" / "datapackage.json").read_text(encoding="utf-8")
    assert '"county"' in package


def test_argparse_itself_is_left_as_it_was() -> None:
    """villagecat is a library too: building its parser changes nothing for another program's argparse."""
    _parser()
    other = argparse.ArgumentParser(prog="other")
    other.add_argument("name")
    page = other.format_help()
    assert page.startswith("usage: other")
    assert "positional arguments:" in page


def test_a_level_is_taken_as_people_say_it(tmp_path: Path) -> None:
    """``--level 乡镇`` was refused while ``--covers 村和社区`` was taken."""
    result = invoke("init", str(tmp_path / "town"), "--level", "乡镇", "--code", "120117001", "--name", "芦台镇")
    assert result.code == 0, result.err
    assert '"township"' in (tmp_path / "town" / "datapackage.json").read_text(encoding="utf-8")
