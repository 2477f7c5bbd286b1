"""Today's surfaces attacked (2026-12-07/08): replaces as a list, descriptor-version, catalog by reference, vocabulary.

Each test is a bug confirmed by trying to break the surface as a clerk or a developer would, marked
``xfail(strict=True)`` until it is fixed (then the mark is removed).
"""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest

from conftest import invoke

REPO = Path(__file__).resolve().parents[2]
NATIONAL = REPO / "data" / "national"
JILIN = REPO / "data" / "provinces" / "220000-jilin"


def _set_version(folder: Path, version: str) -> str:
    """Write ``version`` as the package's own version (not its layer's); return the layer's."""
    path = folder / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    descriptor["version"] = version
    path.write_text(json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return str(descriptor["layer"]["version"])


def _edit_first_row(folder: Path, file: str, **cells: str) -> None:
    path = folder / file
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    rows[0].update(cells)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def test_a_version_with_a_trailing_space_is_shown_so_the_clerk_sees_the_difference(tmp_path: Path) -> None:
    folder = tmp_path / "jilin"
    shutil.copytree(JILIN, folder)
    layer_version = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))["layer"]["version"]
    _set_version(folder, f"{layer_version} ")
    result = invoke("validate", str(folder))
    assert result.code == 1
    # a value other messages quote (实际为“…”): the trailing space must be visible, or named
    assert f"“{layer_version} ”" in result.out or "空格" in result.out, result.out


def test_release_after_fixing_the_version_as_told_is_not_refused_for_the_old_release(tmp_path: Path) -> None:
    old, new = tmp_path / "old", tmp_path / "new"
    shutil.copytree(JILIN, old)
    layer_version = _set_version(old, "9.9.9")  # raised by hand, committed: the old release as a clerk left it
    shutil.copytree(JILIN, new)  # the working copy, put back to the layer's version as the message said
    _edit_first_row(new, "facilities.csv", notes="补充说明。")
    assert invoke("validate", str(new)).code == 0
    diffed = invoke("diff", str(old), str(new))
    assert diffed.code == 0, diffed.err
    released = invoke("release", str(new), "--against", str(old), "--notes", "补充说明。Notes added.")
    assert released.code == 0, released.err
    assert layer_version in released.out


@pytest.mark.parametrize("written", ["Plaque", "ＰＬＡＱＵＥ"])
def test_a_code_in_capitals_is_not_called_a_chinese_label(tmp_path: Path, written: str) -> None:
    folder = tmp_path / "national"
    shutil.copytree(NATIONAL, folder)
    _edit_first_row(folder, "signs.csv", sign_type=written)
    result = invoke("validate", str(folder))
    assert result.code == 1
    assert "plaque" in result.out
    assert "是中文名称" not in result.out, result.out


def test_a_provinces_own_items_by_reference_cite_the_provinces_clause() -> None:
    result = invoke("catalog", "220000", "--scope", "社区")
    assert result.code == 0, result.err
    head = result.out.split("\n\n", 1)[0]
    assert "（参照执行）" in result.out
    marked_own = [line for line in result.out.splitlines() if "（参照执行）" in line and "← 220000" in line]
    assert marked_own, "Jilin's own items are marked by reference"
    assert "本措施精神执行" in head, head
