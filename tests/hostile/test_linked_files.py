"""A write replaces only the files whose bytes change, and never a user's link with a copy.

`upgrade` of a package whose ``duties.csv`` was a link to the user's own ``data/d.csv`` printed
已是当前格式…数据未改动, yet replaced the link with a copy of the file (and rewrote every other
file with the same bytes): the user's later edits of ``data/d.csv`` no longer reached the package.
"""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest

import villagecat
from conftest import NATIONAL, invoke
from villagecat.errors import WriteRefusedError


def _linked(tmp_path: Path) -> Path:
    """The national package with duties.csv and obligations.csv links to files of the user's in it.

    (A link leading out of the package is refused when read.)
    """
    folder = tmp_path / "pkg"
    shutil.copytree(NATIONAL, folder)
    (folder / "data").mkdir()
    (folder / "duties.csv").rename(folder / "data" / "d.csv")
    (folder / "duties.csv").symlink_to(Path("data", "d.csv"))
    (folder / "obligations.csv").rename(folder / "data" / "o.csv")
    (folder / "obligations.csv").symlink_to(Path("data", "o.csv"))
    return folder


def _state(tmp_path: Path) -> dict[str, tuple[bool, int, bytes]]:
    """Every file under tmp_path: whether it is a link, its inode and its bytes."""
    return {
        str(path.relative_to(tmp_path)): (path.is_symlink(), path.lstat().st_ino, path.read_bytes())
        for path in sorted(tmp_path.rglob("*"))
        if path.is_file()
    }


def test_upgrade_of_a_current_package_leaves_its_links_and_files_as_they_are(tmp_path: Path) -> None:
    folder = _linked(tmp_path)
    before = _state(tmp_path)
    result = invoke("upgrade", str(folder))
    assert result.code == 0, result.out
    assert _state(tmp_path) == before  # the links are links, no file is rewritten with its own bytes


def test_a_save_that_changes_a_linked_file_is_refused_and_nothing_is_touched(tmp_path: Path) -> None:
    folder = _linked(tmp_path)
    package = villagecat.load_layer(folder)
    changed = dataclasses.replace(package, duties=package.duties[:-1])
    before = _state(tmp_path)
    with pytest.raises(WriteRefusedError) as caught:
        villagecat.save_layer(changed, folder)
    said = caught.value.describe("zh")
    assert "duties.csv" in said
    assert "链接" in said
    assert _state(tmp_path) == before


def test_a_save_that_changes_only_regular_files_leaves_a_linked_file_alone(tmp_path: Path) -> None:
    folder = _linked(tmp_path)
    package = villagecat.load_layer(folder)
    changed = dataclasses.replace(package, signs=package.signs[:-1])
    before = _state(tmp_path)
    villagecat.save_layer(changed, folder)
    after = _state(tmp_path)
    assert after["pkg/duties.csv"] == before["pkg/duties.csv"]
    assert after["pkg/obligations.csv"] == before["pkg/obligations.csv"]
    assert after["pkg/signs.csv"] != before["pkg/signs.csv"]
    assert after["pkg/clauses.csv"] == before["pkg/clauses.csv"]  # unchanged bytes: the same file
    assert len(villagecat.load_layer(folder).signs) == len(package.signs) - 1
