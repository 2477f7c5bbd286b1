"""A save killed outright (SIGKILL, a power cut) leaves the old package to every reader, and they say so.

Before the next write finishes or rolls it back (by its journal), a reader found some files
new and the others old: ``validate`` reported a duty citing a clause that "is not in the
package", with nothing saying a save had been interrupted or what to do.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest

import villagecat
from conftest import NINGHE, invoke, kill_save_after
from villagecat.errors import InterruptedSaveWarning
from villagecat.package import load_layer, package_files, save_layer

if TYPE_CHECKING:
    from pathlib import Path

_RENAMED = ("120117.clause.work-plan-3-1-2", "120117.clause.work-plan-renamed")


def _old_and_new(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """A county's package whose clause is renamed (the old one), and the files of the package as shipped (the new)."""
    new = package_files(load_layer(NINGHE))
    folder = tmp_path / "pkg"
    save_layer(load_layer(NINGHE), folder)
    for csv in folder.glob("*.csv"):  # every file's bytes differ (CRLF): a save moves only the files that change
        text = csv.read_text(encoding="utf-8").replace(*_RENAMED)
        csv.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    descriptor["title"] += "（修订前）"  # the descriptor changes too: its landing is what finishes a save
    (folder / "datapackage.json").write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")
    (folder / "README.md").write_text("本县目录的说明", encoding="utf-8")
    assert villagecat.validate(folder).valid
    return folder, new


@pytest.mark.parametrize("moves", [2, 3, 4, 8, 12])  # the journal is the first move; the descriptor the last
def test_a_save_killed_between_its_moves_reads_as_the_old_package_with_a_notice(tmp_path: Path, moves: int) -> None:
    folder, new = _old_and_new(tmp_path)
    old = load_layer(folder)
    kill_save_after(folder, moves, new)
    assert (folder / ".villagecat-journal.json").is_file()  # the write was interrupted: the next one needs it

    with pytest.warns(InterruptedSaveWarning):
        report = villagecat.validate(folder)
    assert report.valid, [p.describe("zh") for p in report.problems]
    with pytest.warns(InterruptedSaveWarning):
        assert load_layer(folder) == old

    result = invoke("validate", str(folder))
    assert result.code == 0, result.out + result.err
    assert "有效" in result.out
    assert ".villagecat-journal.json" in result.err
    assert "中断" in result.err
    assert result.err.count("\n") == 1, result.err  # one line, however often the folder is read

    # The next write rolls the interrupted one back and goes on; nothing is said any more.
    save_layer(load_layer(NINGHE), folder)
    assert not (folder / ".villagecat-journal.json").exists()
    assert invoke("validate", str(folder)).err == ""
    assert (folder / "README.md").read_text(encoding="utf-8") == "本县目录的说明"


def test_a_save_killed_once_its_descriptor_landed_reads_as_the_new_package(tmp_path: Path) -> None:
    folder, new = _old_and_new(tmp_path)
    kill_save_after(folder, len(new) + 1, new)  # the journal, then every file, the descriptor last
    assert (folder / ".villagecat-journal.json").is_file()
    with pytest.warns(InterruptedSaveWarning):
        assert load_layer(folder) == load_layer(NINGHE)
