"""A descriptor's field is told with its Chinese title, as a resource's column is.

A release record without its notes read ``字段 layer.releases[19].notes：缺少必填字段``: a clerk had to
count the records to find it, and read an English path alone.
"""

from __future__ import annotations

import json
import shutil
from typing import TYPE_CHECKING

import pytest

from conftest import REPO, invoke
from villagecat.report import Problem

if TYPE_CHECKING:
    from pathlib import Path

JILIN = REPO / "data" / "provinces" / "220000-jilin"


def test_a_release_record_without_notes_is_named_by_its_number_and_title(tmp_path: Path) -> None:
    copy = tmp_path / "jilin"
    shutil.copytree(JILIN, copy)
    descriptor = copy / "datapackage.json"
    data = json.loads(descriptor.read_text(encoding="utf-8"))
    del data["layer"]["releases"][3]["notes"]
    descriptor.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    shown = invoke("validate", str(copy))
    assert shown.code == 1
    assert "字段 layer.releases[3].notes（发布记录第 4 条的变更说明）：缺少必填字段" in shown.out
    english = invoke("validate", str(copy), "--lang", "en")
    assert "layer.releases[3].notes" in english.out
    assert "发布记录" not in english.out


@pytest.mark.parametrize(
    ("field", "title"),
    [
        ("layer.parent.version_range", "上级层的版本范围"),
        ("layer.parent.id", "上级层标识"),
        ("layer.releases[0].version", "发布记录第 1 条的版本"),
        ("layer.covers[1]", "覆盖范围第 2 条"),
    ],
)
def test_descriptor_paths_have_titles(field: str, title: str) -> None:
    where = Problem("datapackage.json", "x", "错", "wrong", field=field).where("zh")
    assert where == f"datapackage.json 字段 {field}（{title}）"


@pytest.mark.parametrize("field", ["layer", "layer.nope", "resources[0].path", "layer.releases[x]"])
def test_a_path_the_layer_does_not_hold_is_told_as_written(field: str) -> None:
    where = Problem("datapackage.json", "x", "错", "wrong", field=field).where("zh")
    assert where == f"datapackage.json 字段 {field}"
