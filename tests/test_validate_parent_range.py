"""A parent outside the range a county declares, which the county still fits, is said, not judged.

``validate`` drops a ``parent-version`` problem when the county merges onto the parent it was given
(the parent moved on, and the county is not stranded). It dropped it without a word: a county
declaring ``>=0.11.0,<0.12.0`` checked against Tianjin 0.10.0 read 有效 alone, and its clerk was never
told to bring the declared range in line before the next release.
"""

from __future__ import annotations

import json
import re
import shutil
from typing import TYPE_CHECKING

from conftest import NINGHE, invoke
from villagecat import validate
from villagecat.package import load_layer

if TYPE_CHECKING:
    from pathlib import Path


def _out_of_range(tmp_path: Path) -> tuple[Path, str, str]:
    county = tmp_path / "宁河"
    shutil.copytree(NINGHE, county)
    descriptor = county / "datapackage.json"
    data = json.loads(descriptor.read_text(encoding="utf-8"))
    parent = load_layer(NINGHE.parent).layer.version
    major, minor, _ = (int(n) for n in parent.split("."))
    declared = f">={major}.{minor + 1}.0,<{major}.{minor + 2}.0"
    data["layer"]["parent"]["version_range"] = declared
    descriptor.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    return county, parent, declared


def test_a_parent_outside_the_declared_range_that_still_merges_is_a_note(tmp_path: Path) -> None:
    county, parent, declared = _out_of_range(tmp_path)
    report = validate(county)
    assert report.valid  # the county still merges onto the parent: not stranded, not invalid
    [note] = report.notes
    assert (note.code, note.field) == ("parent-version-merges", "layer.parent.version_range")
    assert f"上级层 120000 的版本 {parent} 不在声明的范围 {declared} 内" in note.message_zh
    assert "仍可合并" in note.message_zh
    assert report.to_dict()["notes"][0]["code"] == "parent-version-merges"

    shown = invoke("validate", str(county))
    assert shown.code == 0
    lines = shown.out.splitlines()
    assert lines[0] == f"{county}：有效"
    assert any(re.search(rf"注意：.*{re.escape(declared)}.*version_range", line) for line in lines[1:])


def test_the_note_is_in_the_json_report_and_not_a_problem(tmp_path: Path) -> None:
    county, _, _ = _out_of_range(tmp_path)
    shown = invoke("validate", str(county), "--format", "json")
    assert shown.code == 0
    [report] = json.loads(shown.out)["reports"]
    assert (report["valid"], report["problem_count"], report["files"]) == (True, 0, [])
    assert [n["code"] for n in report["notes"]] == ["parent-version-merges"]


def test_a_parent_in_range_gives_no_note() -> None:
    report = validate(NINGHE)
    assert (report.valid, report.notes) == (True, [])
