"""A package with thousands of bad rows printed thousands of lines: the text report lists a screenful per file."""

from __future__ import annotations

import json
import shutil
from typing import TYPE_CHECKING

from conftest import NATIONAL, invoke
from villagecat.report import SHOWN_PER_FILE

if TYPE_CHECKING:
    from pathlib import Path


def test_a_file_with_many_problems_lists_the_first_and_says_how_many_more(tmp_path: Path) -> None:
    package = tmp_path / "pkg"
    shutil.copytree(NATIONAL, package)
    duties = package / "duties.csv"
    header, *rows = duties.read_text(encoding="utf-8").splitlines()
    columns = header.split(",")
    bad = []
    for n in range(SHOWN_PER_FILE + 50):  # each row's 事项类别 misspelt: one problem a row
        cells = [""] * len(columns)
        cells[columns.index("id")] = f"cn.duty.extra-{n}"
        cells[columns.index("name")] = f"事项{n}"
        cells[columns.index("duty_kind")] = "assist"
        bad.append(",".join(cells))
    duties.write_text("\n".join([header, *rows, *bad]) + "\n", encoding="utf-8")
    text = invoke("validate", str(package))
    assert text.code == 1
    listed = [line for line in text.out.splitlines() if "字段 duty_kind" in line]
    assert len(listed) == SHOWN_PER_FILE
    assert "另有 50 个问题未列出" in text.out
    assert f"发现 {SHOWN_PER_FILE + 50} 个问题" in text.out
    whole = json.loads(invoke("validate", str(package), "--format", "json").out)
    assert whole["reports"][0]["problem_count"] == SHOWN_PER_FILE + 50
