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


def test_a_quote_edited_to_drop_a_hedge_or_an_open_list_is_for_a_reviewer_to_read(tmp_path: Path) -> None:
    revised = tmp_path / "ninghe"
    shutil.copytree(NINGHE, revised)
    # a clause three sign quotas cite loses its 原则上; another loses the 等 that left its list open
    edit(revised / "clauses.csv", "挂牌外，原则上不得悬挂其他标牌。", "挂牌外，不得悬挂其他标牌。")
    edit(revised / "clauses.csv", "诉求反映等辅助性工作", "诉求反映辅助性工作")
    assert invoke("release", str(revised), "--against", str(NINGHE), "--notes", "修改引文。Quotes.").code == 0
    result = invoke("diff", str(NINGHE), str(revised), "--fail-on", "warning")
    assert result.code == 1, result.out  # it read 一般: the quote's force words edited, no item's requirement changed
    assert result.out.count("需关注 [clause-force-words-changed]") == 2
    assert "〔删：原则上〕" in result.out
    assert "引用它的条目 3 项" in result.out
    assert "villagecat quotes" in result.out  # what to do: check the quote against the source's text
    assert invoke("diff", str(NINGHE), str(revised), "--fail-on", "breaking").code == 0
    payload = json.loads(invoke("diff", str(NINGHE), str(revised), "--format", "json").out)
    changed = [c for c in payload["changes"] if c["code"] == "clause-force-words-changed"]
    assert len(changed) == 2
    assert all(c["cited_by"] for c in changed)


def test_a_quote_edited_without_touching_its_force_words_stays_info(tmp_path: Path) -> None:
    revised = tmp_path / "ninghe"
    shutil.copytree(NINGHE, revised)
    edit(revised / "clauses.csv", "挂牌外，原则上不得悬挂其他标牌。", "挂牌外，原则上不得悬挂其它标牌。")
    assert invoke("release", str(revised), "--against", str(NINGHE), "--notes", "修改引文。Quotes.").code == 0
    result = invoke("diff", str(NINGHE), str(revised), "--fail-on", "warning")
    assert result.code == 0, result.out
    assert "一般 [clause-changed]" in result.out


def test_a_restating_row_removed_breaks_no_integrator(tmp_path: Path) -> None:
    """The row's id is in no effective catalog (the inherited item keeps its own): its removal is no major release."""
    revised = tmp_path / "ninghe"
    shutil.copytree(NINGHE, revised)
    signs = revised / "signs.csv"
    lines = signs.read_text(encoding="utf-8").splitlines(keepends=True)
    signs.write_text("".join(x for x in lines if not x.startswith("120117.sign.service-guide-at-entrance,")), "utf-8")
    catalog = invoke("catalog", "120117", "--layer", str(NINGHE), "--format", "json").out
    assert "120117.sign.service-guide-at-entrance" not in catalog  # no system sees the row's id
    payload = json.loads(invoke("diff", str(NINGHE), str(revised), "--format", "json").out)
    assert [c["code"] for c in payload["changes"]] == ["sign-removed"]
    assert payload["audiences"]["integrators"] == []
    assert payload["suggested_bump"] != "major"
    effective = json.loads(invoke("diff", str(NINGHE), str(revised), "--effective", "--format", "json").out)
    assert effective["suggested_bump"] == payload["suggested_bump"]  # the two views agree on the release it needs
