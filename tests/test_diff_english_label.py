"""An English diff names an item's scope in English: 全面自查 · villages and communities, not · 村和社区.

The label a change carries (JSON ``label``) is the Chinese one; the English text, Markdown and CSV read the scope
in English, the item's own name as written.
"""

from __future__ import annotations

import json
import shutil
from typing import TYPE_CHECKING

from conftest import NINGHE, invoke

if TYPE_CHECKING:
    from pathlib import Path


def test_an_english_line_says_the_scope_in_english(tmp_path: Path) -> None:
    revised = tmp_path / "ninghe"
    shutil.copytree(NINGHE, revised)
    milestones = revised / "milestones.csv"
    text = milestones.read_text(encoding="utf-8")
    milestones.write_text(text.replace(",2023-03,2023年3月,", ",2023-04,2023年4月,", 1), encoding="utf-8")
    english = invoke("diff", str(NINGHE), str(revised), "--lang", "en")
    line = next(x for x in english.out.splitlines() if "120117.milestone.self-inspection" in x)
    assert "全面自查 · villages and communities" in line
    assert "村和社区" not in line
    chinese = invoke("diff", str(NINGHE), str(revised))
    assert "全面自查 · 村和社区" in chinese.out
    report = json.loads(invoke("diff", str(NINGHE), str(revised), "--format", "json").out)
    assert any(c["label"] == "全面自查 · 村和社区" for c in report["changes"])  # the JSON label stays the Chinese one
