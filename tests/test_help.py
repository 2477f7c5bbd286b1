"""Every command and option explains itself in Chinese first (with English)."""

from __future__ import annotations

import argparse
import re

from villagecat.cli import _parser

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
