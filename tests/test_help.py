"""Every command and option explains itself in Chinese first (with English)."""

from __future__ import annotations

import argparse
import re
from typing import TYPE_CHECKING

from conftest import REPO, invoke
from villagecat.cli import _parser

if TYPE_CHECKING:
    import pytest

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
