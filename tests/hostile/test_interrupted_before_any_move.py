"""A save killed after its journal but before it moved any file is no save at all, and is not said to be one.

``validate`` of such a folder printed 上次保存在收尾时被中断…新版本已保存，现按新版本读取 (the new
version is saved and read): false, every file was the old one, and the next write rolls the
journal back, it does not finish it.
"""

from __future__ import annotations

import dataclasses
import json
import shutil
import signal
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest

from conftest import NATIONAL, invoke
from villagecat.errors import InterruptedSaveWarning
from villagecat.package import load_layer, package_files

if TYPE_CHECKING:
    from pathlib import Path

_KILLED_AFTER_JOURNAL = """
import json, os, signal, sys
from pathlib import Path
from villagecat import _write

files = {k: v.encode("utf-8") for k, v in json.loads(Path(sys.argv[2]).read_text(encoding="utf-8")).items()}
journal = _write._write_journal

def journal_then_die(folder, plan):
    journal(folder, plan)
    os.kill(os.getpid(), signal.SIGKILL)

_write._write_journal = journal_then_die
_write.write_package(sys.argv[1], files)
"""


def test_a_save_killed_before_its_first_move_reads_as_the_old_package_without_saying_it_saved(tmp_path: Path) -> None:
    folder = tmp_path / "pkg"
    shutil.copytree(NATIONAL, folder)
    package = load_layer(folder)
    changed = dataclasses.replace(package, duties=package.duties[:-1])
    new = tmp_path / "new.json"
    new.write_text(json.dumps(package_files(changed), ensure_ascii=False), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", _KILLED_AFTER_JOURNAL, str(folder), str(new)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == -signal.SIGKILL, done.stderr
    assert (folder / ".villagecat-journal.json").is_file()

    result = invoke("validate", str(folder))
    assert result.code == 0, result.out + result.err
    assert "新版本" not in result.err
    assert "保存前的版本" in result.err  # what is read, and that the next write rolls the journal back
    assert "撤销" in result.err
    with pytest.warns(InterruptedSaveWarning) as said:
        assert load_layer(folder) == package
    assert not any(w.message.finished for w in said if isinstance(w.message, InterruptedSaveWarning))
