"""Hostile use of the less-tested commands: patch, lint, init, catalog and the checks' Markdown, YAML inputs.

Each test is a mistake a clerk, a script or a reviewer makes, run as they would run it;
the law is the README's: one clear Chinese line naming the file and what is wrong, exit 1
(invalid) or 2 (unreadable), never a traceback, never unbounded time.
"""

from __future__ import annotations

import os
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest

from conftest import NATIONAL

if TYPE_CHECKING:
    from pathlib import Path


def _cli(*argv: str) -> tuple[int, str]:
    """Run the CLI in a new process, bounded in time: a hang is a failure, not a stuck test run."""
    code = "import sys\nfrom villagecat.cli import main\nmain(sys.argv[1:])"
    done = subprocess.run(
        [sys.executable, "-c", code, *argv],
        env={**os.environ, "LANG": "C.UTF-8"},
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    text = done.stdout + done.stderr
    assert "Traceback" not in text
    assert "内部错误" not in text
    return done.returncode, text


#: Every reader of a user's YAML file, each given a document whose alias contains itself.
_YAML_READERS = {
    "audit": ("audit", "{file}", "-j", "120117"),
    "check signage": ("check", "signage", "{file}", "-j", "120117"),
    "check facility --file": ("check", "facility", "--file", "{file}", "-j", "220000"),
    "diff --accept": ("diff", str(NATIONAL), str(NATIONAL), "--accept", "{file}"),
    "quotes --texts": ("quotes", str(NATIONAL), "--texts", "{file}"),
}


@pytest.mark.parametrize("command", list(_YAML_READERS))
def test_a_yaml_alias_that_contains_itself_is_refused_not_walked_forever(tmp_path: Path, command: str) -> None:
    """``&a [*a]`` is a list holding itself: every reader refuses it at once, naming the file and line (exit 2)."""
    file = tmp_path / "loop.yaml"
    file.write_text("- 甲村\n- &a [*a]\n", encoding="utf-8")
    code, text = _cli(*(part.format(file=file) for part in _YAML_READERS[command]))
    assert code == 2
    assert "loop.yaml" in text
    assert "第 2 行" in text
    assert "别名（*）引用了包含它自身的内容" in text
