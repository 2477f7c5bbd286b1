"""A ``datapackage.json`` that is there but is no file is said to be what it is, not to be missing.

A FIFO or a folder by that name was reported as 该文件夹中没有 datapackage.json: the user, who can
see the name in the folder, is told something false and not what to fix.
"""

from __future__ import annotations

import json
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


@pytest.mark.parametrize("path", [["duties.csv", "more-duties.csv"], 7, {"file": "duties.csv"}])
def test_a_resource_path_that_is_not_one_name_is_said_so_not_said_missing(tmp_path: Path, path: object) -> None:
    """A multipart path (a list, as Data Package allows) was reported as 资源缺少 path: it has one."""
    folder = tmp_path / "pkg"
    shutil.copytree(NATIONAL, folder)
    descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    index = next(i for i, spec in enumerate(descriptor["resources"]) if spec["name"] == "duties")
    descriptor["resources"][index]["path"] = path
    (folder / "datapackage.json").write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")
    result = invoke("validate", str(folder))
    assert result.code == 1
    assert f"resources[{index}].path" in result.out
    assert "缺少" not in result.out
    assert "一个文件名" in result.out


def test_a_resource_without_a_path_is_still_said_to_have_none(tmp_path: Path) -> None:
    folder = tmp_path / "pkg"
    shutil.copytree(NATIONAL, folder)
    descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    del descriptor["resources"][0]["path"]
    (folder / "datapackage.json").write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")
    result = invoke("validate", str(folder))
    assert result.code == 1
    assert "资源缺少 path" in result.out
