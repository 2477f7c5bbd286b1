"""A provincial reviewer gating each revision of a county's package (issue: review gate, every format alike)."""

from __future__ import annotations

import csv
import io
import json
import shutil
from typing import TYPE_CHECKING

from conftest import NINGHE, edit, invoke

if TYPE_CHECKING:
    from pathlib import Path

HEDGED = "120117.obligation.issue-within-duties"


def _hardened(tmp_path: Path) -> Path:
    """Ninghe with 原则上应 made must: a rule that binds where it advised, breaking."""
    revised = tmp_path / "ninghe"
    shutil.copytree(NINGHE, revised)
    old, new = ("false,should,属于村（社区）组织职责范围内的事项", "false,must,属于村（社区）组织职责范围内的事项")
    edit(revised / "obligations.csv", old, new)
    released = invoke(
        "release", str(revised), "--against", str(NINGHE), "--notes", "“原则上应”改为“应”。Hedge hardened."
    )
    assert released.code == 0, released.err  # the version raised as the change needs: only the change is gated
    return revised


def test_the_patch_format_is_gated_as_every_other_format(tmp_path: Path) -> None:
    revised = _hardened(tmp_path)
    gated = invoke("diff", str(NINGHE), str(revised), "--fail-on", "breaking", "--format", "patch")
    assert gated.code == 1, gated.err  # the same revision the text gate stops
    assert "未通过审查（--fail-on breaking）" in gated.err
    patch = json.loads(gated.out)  # the patch is still written whole, the verdict on stderr
    assert any(op.get("value") == "must" for op in patch)
    accepted = tmp_path / "accepted.yaml"
    accepted.write_text(f"- {{code: obligation-modality-tightened, item: {HEDGED}, reason: 经审核同意}}\n", "utf-8")
    assert (
        invoke(
            "diff", str(NINGHE), str(revised), "--fail-on", "breaking", "--format", "patch", "--accept", str(accepted)
        ).code
        == 0
    )
    levels = tmp_path / "levels.yaml"
    levels.write_text("obligation-modality-tightened: 一般\n", "utf-8")
    assert (
        invoke(
            "diff", str(NINGHE), str(revised), "--fail-on", "breaking", "--format", "patch", "--levels", str(levels)
        ).code
        == 0
    )
    assert invoke("diff", str(NINGHE), str(revised), "--format", "patch").code == 0  # the default gate: violation


def test_an_item_added_as_advice_is_a_row_added_in_the_csv(tmp_path: Path) -> None:
    revised = tmp_path / "ninghe"
    shutil.copytree(NINGHE, revised)
    edit(revised / "obligations.csv", "120117.obligation.offices-in-centre,", "120117.obligation.offices-in-hall,")
    out = invoke("diff", str(NINGHE), str(revised), "--format", "csv").out
    rows = {row["标识"]: row for row in csv.DictReader(io.StringIO(out.lstrip("\ufeff")))}
    assert rows["120117.obligation.offices-in-hall"]["变更代码"] == "obligation-added-advised"
    assert rows["120117.obligation.offices-in-hall"]["变更"] == "新增"  # not 修改: the item is new
    assert rows["120117.obligation.offices-in-centre"]["变更"] == "删除"
    english = invoke("--lang", "en", "diff", str(NINGHE), str(revised), "--format", "csv").out
    actions = {row["id"]: row["action"] for row in csv.DictReader(io.StringIO(english.lstrip("\ufeff")))}
    assert actions["120117.obligation.offices-in-hall"] == "added"
