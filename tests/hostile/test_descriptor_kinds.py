"""A ``datapackage.json`` that is there but is no file is said to be what it is, not to be missing.

A FIFO or a folder by that name was reported as 该文件夹中没有 datapackage.json: the user, who can
see the name in the folder, is told something false and not what to fix.
"""

from __future__ import annotations

import os
import shutil
import sys
from typing import TYPE_CHECKING

import pytest

from conftest import NATIONAL, invoke

if TYPE_CHECKING:
    from pathlib import Path


@pytest.mark.skipif(sys.platform == "win32", reason="no FIFOs on Windows")
def test_a_fifo_for_a_descriptor_is_named_as_a_pipe(tmp_path: Path) -> None:
    folder = tmp_path / "pkg"
    shutil.copytree(NATIONAL, folder)
    (folder / "datapackage.json").unlink()
    os.mkfifo(folder / "datapackage.json")
    result = invoke("validate", str(folder))
    assert result.code == 2
    assert "datapackage.json" in result.out
    assert "不是普通文件" in result.out
    assert "没有 datapackage.json" not in result.out


def test_a_folder_for_a_descriptor_is_named_as_a_folder(tmp_path: Path) -> None:
    folder = tmp_path / "pkg"
    shutil.copytree(NATIONAL, folder)
    (folder / "datapackage.json").unlink()
    (folder / "datapackage.json").mkdir()
    result = invoke("validate", str(folder))
    assert result.code == 2
    assert "这是文件夹，不是文件" in result.out
    assert "没有 datapackage.json" not in result.out
