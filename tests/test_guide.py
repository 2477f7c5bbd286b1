"""The Chinese guide for civil-affairs staff, followed step by step from an empty folder."""

from __future__ import annotations

import re
import shlex
from typing import TYPE_CHECKING

import pytest

from conftest import REPO, invoke

if TYPE_CHECKING:
    from pathlib import Path

GUIDE = REPO / "docs" / "guides" / "zh-publish.md"
_BLOCK = re.compile(r"```(?P<lang>\w+)(?: title=\"(?P<title>[^\"]+)\")?\n(?P<body>.*?)```", re.DOTALL)


def steps() -> list[tuple[str, str, str | None]]:
    """Return the guide's console commands and file additions, in order."""
    found: list[tuple[str, str, str | None]] = []
    for match in _BLOCK.finditer(GUIDE.read_text(encoding="utf-8")):
        if match["lang"] == "console":
            found += [("run", line[2:], None) for line in match["body"].splitlines() if line.startswith("$ ")]
        elif match["lang"] == "csv":
            found.append(("append", match["body"], match["title"]))
        elif match["lang"] == "text" and match["title"]:  # a file the reader saves beside the package
            found.append(("write", match["body"], match["title"]))
    return found


def test_following_the_guide_gives_a_package_that_both_validators_accept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    frictionless = pytest.importorskip("frictionless")
    monkeypatch.chdir(tmp_path)
    package = tmp_path / "西湖区目录"
    ran = []
    for kind, text, title in steps():
        if kind == "append":
            with (package / str(title)).open("a", encoding="utf-8") as handle:
                handle.write(text)
            continue
        if kind == "write":
            (tmp_path / str(title)).write_text(text, encoding="utf-8")
            continue
        argv = shlex.split(text)
        if argv[0] != "villagecat":
            continue  # installing is CI's job
        result = invoke(*argv[1:])
        assert result.code == 0, f"{text}\n{result.out}{result.err}"
        if argv[1] == "quotes":  # what the guide says it prints, it prints
            assert f"“{result.out.strip()}”" in GUIDE.read_text(encoding="utf-8"), result.out
        ran.append(argv[1])
    assert ran == ["init", "export", "import", "validate", "lint", "quotes", "catalog", "explain", "release"]
    assert invoke("validate", str(package)).out.strip().endswith("有效")
    report = frictionless.validate(str(package / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    catalog = invoke("catalog", "330106", "--layer", str(package), "--format", "json").out
    assert "330106.duty.grid-patrol" in catalog
