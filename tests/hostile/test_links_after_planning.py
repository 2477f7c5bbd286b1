"""A link put in a package file's place after a write has looked at it is never replaced with a file.

Two ways a user's link was turned into a copy, silently:

- a save killed outright left its journal; the user then moved ``duties.csv`` (already the new
  one) to a folder of their own and linked it back. The next command that writes the package
  (``villagecat upgrade pkg``, which printed 已是当前格式…数据未改动) rolled the killed save back by
  replacing the link with the old file: the link was gone and the package no longer read the
  user's file;
- a link made in a file's place between the write's plan (which refuses a link whose bytes
  change) and its move was replaced as a plain file would be.
"""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest

import villagecat
from conftest import NATIONAL, invoke, kill_save_after
from villagecat import _write
from villagecat.errors import WriteRefusedError
from villagecat.package import load_layer, package_files, save_layer


def _package(tmp_path: Path) -> tuple[Path, villagecat.LayerPackage]:
    folder = tmp_path / "pkg"
    shutil.copytree(NATIONAL, folder)
    package = load_layer(folder)
    return folder, dataclasses.replace(package, duties=package.duties[:-1], signs=package.signs[:-1])


def _state(folder: Path) -> dict[str, tuple[bool, bytes]]:
    return {
        str(p.relative_to(folder)): (p.is_symlink(), p.read_bytes()) for p in sorted(folder.rglob("*")) if p.is_file()
    }


def test_a_killed_save_whose_moved_file_is_now_a_link_is_not_rolled_back_over_the_link(tmp_path: Path) -> None:
    folder, changed = _package(tmp_path)
    kill_save_after(folder, 2, package_files(changed))  # the journal is the first move, duties.csv the second
    assert (folder / ".villagecat-journal.json").is_file()

    # The user keeps the (new) duties.csv in a folder of their own, and links it back.
    (folder / "data").mkdir()
    (folder / "duties.csv").rename(folder / "data" / "d.csv")
    (folder / "duties.csv").symlink_to(Path("data", "d.csv"))
    before = _state(folder)

    result = invoke("upgrade", str(folder))
    assert result.code == 2, result.out + result.err
    assert (folder / "duties.csv").is_symlink()  # the link is the user's: never replaced with a file
    assert _state(folder) == before  # all or none: nothing rolled back, the journal kept
    said = result.err.strip().splitlines()[-1]
    assert "duties.csv" in said
    assert "链接" in said
    assert "data/d.csv" in said
    assert "中断" in said
    assert "Traceback" not in result.err

    with pytest.raises(WriteRefusedError) as caught:
        save_layer(changed, folder)
    assert "link" in caught.value.describe("en")
    assert _state(folder) == before


def test_a_link_made_between_the_plan_and_the_move_is_not_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, changed = _package(tmp_path)
    (folder / "data").mkdir()
    journal = _write._write_journal  # noqa: SLF001 - the moment between the plan and the moves

    def link_then_journal(where: Path, plan: object) -> None:
        # duties.csv is planned as a plain file; the user links it to a copy of their own now
        (folder / "data" / "d.csv").write_bytes((folder / "duties.csv").read_bytes())
        (folder / "duties.csv").replace(folder / "data" / "gone.csv")
        (folder / "duties.csv").symlink_to(Path("data", "d.csv"))
        journal(where, plan)  # type: ignore[arg-type]

    monkeypatch.setattr(_write, "_write_journal", link_then_journal)
    with pytest.raises(WriteRefusedError) as caught:
        save_layer(changed, folder)
    assert "duties.csv" in caught.value.describe("zh")
    assert "链接" in caught.value.describe("zh")
    assert (folder / "duties.csv").is_symlink()
    assert (folder / "data" / "d.csv").read_bytes() == (folder / "data" / "gone.csv").read_bytes()
    assert not (folder / ".villagecat-journal.json").exists()  # rolled back: the package is the old one
    monkeypatch.undo()
    assert load_layer(folder).signs == load_layer(NATIONAL).signs
