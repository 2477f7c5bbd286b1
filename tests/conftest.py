"""Shared fixtures: the national package, copies to break, and a CLI runner."""

from __future__ import annotations

import io
import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

from villagecat.cli import run

# CI runs a modest number of examples; `HYPOTHESIS_PROFILE=fuzz pytest tests/property` runs 10,000.
settings.register_profile("ci", max_examples=100, deadline=None)
settings.register_profile(
    "fuzz", max_examples=10_000, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

REPO = Path(__file__).resolve().parent.parent
NATIONAL = REPO / "data" / "national"
NINGHE = REPO / "data" / "provinces" / "120000-tianjin" / "120117-ninghe"


@dataclass
class Result:
    """What a CLI run returned and printed."""

    code: int
    out: str
    err: str


@pytest.fixture(autouse=True)
def _chinese_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    """The messages' default language follows the locale: tests run under a neutral one (zh)."""
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")


def invoke(*argv: str) -> Result:
    """Run the villagecat CLI in-process and capture its streams."""
    out, err = io.StringIO(), io.StringIO()
    code = run(list(argv), out, err)
    return Result(code, out.getvalue(), err.getvalue())


def exported(layer: Path, book_path: Path) -> Any:
    """Export ``layer`` as the clerk's workbook at ``book_path`` and open it with openpyxl, to edit as a clerk would."""
    import openpyxl  # noqa: PLC0415 - the workbook tests' own

    assert invoke("export", str(layer), "-o", str(book_path)).code == 0
    return openpyxl.load_workbook(book_path)


def ninghe_workbook(tmp_path: Path) -> tuple[Path, Path, Any]:
    """A copy of Ninghe (the folder a clerk imports into), its workbook's path, and the workbook exported and opened."""
    folder, path = tmp_path / "ninghe", tmp_path / "ninghe.xlsx"
    shutil.copytree(NINGHE, folder)
    return folder, path, exported(folder, path)


@pytest.fixture
def national_copy(tmp_path: Path) -> Path:
    """A writable copy of the shipped national package."""
    target = tmp_path / "national"
    shutil.copytree(NATIONAL, target)
    return target


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    """Replace text in a file, failing loudly if the text is not there."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def libreoffice() -> str:
    """LibreOffice's command, for the tests that save files as a clerk's Calc does; skipped where it is not installed.

    CI installs it (``.ci/run``), so there a missing LibreOffice fails rather than skips.
    """
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found:
        return found
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail("LibreOffice (soffice) must be installed in CI: apt-get install libreoffice-calc-nogui")
    pytest.skip("LibreOffice (soffice) is not installed")


def quote_texts(folder: Path) -> list[str]:
    """``--text`` options giving each document the national layer quotes a text made of its quotes."""
    from villagecat.package import load_layer  # noqa: PLC0415
    from villagecat.quotes import iter_quotes  # noqa: PLC0415

    lines: dict[str, list[str]] = {}
    for quote in iter_quotes(load_layer(NATIONAL)):
        lines.setdefault(quote.document, []).append(quote.text)
    options = []
    for n, (document, quoted) in enumerate(lines.items()):
        path = folder / f"text-{n}.txt"
        path.write_text("\n".join(quoted), encoding="utf-8")
        options += ["--text", f"{document}={path}"]
    return options


# The child writes a package's files and dies (SIGKILL, no clean-up) right after the n-th move.
_KILLED_SAVE = textwrap.dedent(
    """
    import json, os, signal, sys
    from pathlib import Path
    from villagecat import _write

    folder, at = sys.argv[1], int(sys.argv[2])
    files = {k: v.encode("utf-8") for k, v in json.loads(Path(sys.argv[3]).read_text(encoding="utf-8")).items()}
    commit, moves = _write._commit, [0]

    def commit_then_die(temporary, target, *, replace=True):
        commit(temporary, target, replace=replace)
        moves[0] += 1
        if moves[0] == at:
            os.kill(os.getpid(), signal.SIGKILL)

    _write._commit = commit_then_die
    _write.write_package(folder, files)
    """
)


def kill_save_after(folder: Path, moves: int, files: dict[str, str]) -> None:
    """Save ``files`` (name -> text) into ``folder`` in a child killed outright right after its ``moves``-th move.

    The journal is the first move, the descriptor the last.
    """
    given = folder.parent / "new.json"
    given.write_text(json.dumps(files, ensure_ascii=False), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", _KILLED_SAVE, str(folder), str(moves), str(given)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == -signal.SIGKILL, done.stderr
