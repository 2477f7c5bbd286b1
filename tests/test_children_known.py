"""A revision of a layer with no known layer below says so, not 新冲突 0 项.

``diff`` and ``release`` of Jilin (no county of it shipped, none given) read ``下级层：新冲突 0 项``,
as if every county below had been merged and none broke; nothing had been looked at.
"""

from __future__ import annotations

import json
import shutil
from typing import TYPE_CHECKING

from conftest import NINGHE, REPO, edit, invoke

if TYPE_CHECKING:
    from pathlib import Path

JILIN = REPO / "data" / "provinces" / "220000-jilin"
TIANJIN = NINGHE.parent

NONE_KNOWN = "下级层：没有已知的下级层，未核对"


def _raised(source: Path, tmp_path: Path, old: str, new: str) -> Path:
    copy = tmp_path / source.name
    shutil.copytree(source, copy, ignore=shutil.ignore_patterns("1*"))  # the layer alone, not its counties
    edit(copy / "facilities.csv", old, new)
    return copy


def test_a_layer_with_no_known_layer_below_says_none_was_checked(tmp_path: Path) -> None:
    revised = _raised(JILIN, tmp_path, ",village,should,200,30,", ",village,should,250,30,")
    text = invoke("diff", str(JILIN), str(revised))
    assert NONE_KNOWN in text.out, text.out
    assert "新冲突 0 项" not in text.out
    audiences = json.loads(invoke("diff", str(JILIN), str(revised), "--format", "json").out)["audiences"]
    assert (audiences["child_layers"], audiences["checked_child_layers"]) == ([], [])


def test_a_layer_whose_counties_were_merged_names_them(tmp_path: Path) -> None:
    revised = tmp_path / "tianjin"
    shutil.copytree(TIANJIN, revised, ignore=shutil.ignore_patterns("1*"))
    with (revised / "documents.csv").open("a", encoding="utf-8") as out:
        out.write(
            "120000.document.new-notice,天津市测试通知,津民发〔2024〕1号,市民政局,2024,,normative_document,,,false\n"
        )
    text = invoke("diff", str(TIANJIN), str(revised))
    assert "下级层：新冲突 0 项" in text.out, text.out
    assert NONE_KNOWN not in text.out
    audiences = json.loads(invoke("diff", str(TIANJIN), str(revised), "--format", "json").out)["audiences"]
    assert audiences["checked_child_layers"] == ["120117"]


def test_impact_of_a_layer_with_no_known_layer_below_says_none_was_checked(tmp_path: Path) -> None:
    revised = _raised(JILIN, tmp_path, ",village,should,200,30,", ",village,should,250,30,")
    text = invoke("impact", str(JILIN), str(revised))
    assert text.out.splitlines()[-1] == "  没有已知的下级层，未核对任何下级层的目录（要核对，请用 --layer 给出下级层）"
    assert json.loads(invoke("impact", str(JILIN), str(revised), "--format", "json").out)["checked"] == []
    below = invoke("impact", str(TIANJIN), str(TIANJIN), "--format", "json")
    assert json.loads(below.out)["checked"] == ["120117"]
