"""A county gating its own revision in its own git repository: what the gate must not pass over in silence.

The repository holds a copy of Tianjin with Ninghe inside it, and files that are no package, committed; each test
edits the work tree as a clerk does and runs the commands of docs/guides/review-revision.md on it.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from typing import TYPE_CHECKING

import pytest

from conftest import NINGHE, edit, invoke
from villagecat.diff import renumbering_said
from villagecat.package import load_layer

if TYPE_CHECKING:
    from pathlib import Path

TIANJIN = NINGHE.parent


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args], cwd=repo, check=True)  # noqa: S607


@pytest.fixture
def county(tmp_path: Path) -> Path:
    """A git repository with Tianjin (Ninghe inside it) and unrelated files, committed."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    repo = tmp_path / "county"
    shutil.copytree(TIANJIN, repo / "120000-tianjin")
    (repo / "README.md").write_text("# 宁河区村级组织指导目录\n", encoding="utf-8")
    (repo / "notes").mkdir()
    (repo / "notes" / "会议纪要.txt").write_text("与目录无关的文件。\n", encoding="utf-8")
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "init"]):
        _git(repo, *args)
    return repo


def _next_minor(version: str) -> str:
    major, minor, _ = version.split(".")
    return f"{major}.{int(minor) + 1}.0"


def test_a_package_version_raised_by_hand_in_one_place_is_said_and_fails_the_version_gate(county: Path) -> None:
    """Top-level version raised, layer.version not: validate refused it, the gate printed 无变化 and exited 0."""
    ninghe = county / "120000-tianjin" / "120117-ninghe"
    version = load_layer(ninghe).layer.version
    raised = _next_minor(version)
    descriptor = ninghe / "datapackage.json"
    data = json.loads(descriptor.read_text(encoding="utf-8"))
    data["version"] = raised
    descriptor.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    assert invoke("validate", str(ninghe)).code == 1

    gated = invoke("diff", f"HEAD:{ninghe}", str(ninghe), "--fail-on", "unannounced")
    assert gated.code == 1, (gated.out, gated.err)
    assert f"数据包版本为“{raised}”，但本层版本（layer.version）为“{version}”" in gated.err
    assert "villagecat release" in gated.err
    assert "villagecat upgrade" in gated.err
    assert "未通过审查（--fail-on unannounced）" in gated.err

    merge_rules_only = invoke("diff", f"HEAD:{ninghe}", str(ninghe))  # the default gate judges merge rules alone
    assert merge_rules_only.code == 0
    assert f"数据包版本为“{raised}”" in merge_rules_only.err  # but the reviewer is told all the same

    english = invoke("diff", f"HEAD:{ninghe}", str(ninghe), "--fail-on", "unannounced", "--lang", "en")
    assert english.code == 1
    assert f'the package\'s version is "{raised}" but its layer\'s (layer.version) is "{version}"' in english.err

    assert invoke("upgrade", str(ninghe)).code == 0  # mended as the note says: the gate passes again
    assert invoke("diff", f"HEAD:{ninghe}", str(ninghe), "--fail-on", "unannounced").err == ""


def test_an_old_side_with_its_version_raised_by_hand_is_compared_without_a_note(county: Path) -> None:
    """An earlier release is compared as it is: only the revision gated (the new side) is the reviewer's to mend."""
    ninghe = county / "120000-tianjin" / "120117-ninghe"
    descriptor = ninghe / "datapackage.json"
    data = json.loads(descriptor.read_text(encoding="utf-8"))
    data["version"] = _next_minor(data["version"])
    descriptor.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    _git(county, "commit", "-qam", "raised by hand")
    assert invoke("upgrade", str(ninghe)).code == 0
    result = invoke("diff", f"HEAD:{ninghe}", str(ninghe), "--fail-on", "unannounced")
    assert (result.code, result.err) == (0, "")


def test_a_parent_release_names_the_children_whose_range_no_longer_admits_it(county: Path) -> None:
    """Tianjin's minor release left Ninghe's parent.version_range behind; diff, impact and release said nothing."""
    tianjin = county / "120000-tianjin"
    ninghe = tianjin / "120117-ninghe"
    declared = load_layer(ninghe).layer.parent
    assert declared is not None
    edit(tianjin / "documents.csv", ",2023,,normative_document", ",2023,https://example.org/plan,normative_document")
    released = invoke("release", str(tianjin), "--notes", "测试。Test.", "--layer", str(ninghe))
    assert released.code == 0, released.err
    new = load_layer(tianjin).layer.version
    said = f"宁河区（120117）声明的上级层版本范围 {declared.version_range} 不含新版本 {new}"
    todo = "更新 layer.parent.version_range（上级层版本范围），再用 villagecat release 发布"
    assert said in released.out
    assert todo in released.out

    diffed = invoke("diff", f"HEAD:{tianjin}", str(tianjin), "--layer", str(ninghe))
    assert diffed.code == 0
    assert said in diffed.out
    assert todo in diffed.out
    impacted = invoke("impact", f"HEAD:{tianjin}", str(tianjin), "--layer", str(ninghe))
    assert impacted.code == 0  # it still merges: told, not a conflict
    assert said in impacted.out
    english = invoke("diff", f"HEAD:{tianjin}", str(tianjin), "--layer", str(ninghe), "--lang", "en")
    assert f"does not admit the new version {new}" in english.out

    unchanged = invoke("diff", f"HEAD:{ninghe}", str(ninghe))  # the county's own diff: no parent released
    assert "版本范围" not in unchanged.out


def test_a_renumbering_in_a_layer_s_own_diff_names_the_item_as_its_own() -> None:
    """A county renumbering its own item was told to fill 替代条目 「在上级层」."""
    own = renumbering_said("120117.obligation.a", "120117.obligation.b", own=True)
    assert "请在本层 120117.obligation.b 的“替代条目”中填写 120117.obligation.a" in own
    assert "上级层" not in own.split("（")[0]
    parents = renumbering_said("120000.duty.a", "120000.duty.b", own=False)
    assert "请在上级层 120000.duty.b 的“替代条目”中填写 120000.duty.a" in parents
    assert "in this layer" in renumbering_said("120117.obligation.a", "120117.obligation.b", "en", own=True)


def test_a_county_s_own_diff_says_the_renumbered_item_is_its_own(county: Path) -> None:
    ninghe = county / "120000-tianjin" / "120117-ninghe"
    edit(ninghe / "obligations.csv", "\n120117.obligation.fee-follows-task,", "\n120117.obligation.fee-follows-task-x,")
    result = invoke("diff", f"HEAD:{ninghe}", str(ninghe))
    assert "请在本层 120117.obligation.fee-follows-task-x 的“替代条目”中填写 120117.obligation.fee-follows-task" in (
        result.out
    )
    assert "上级层 120117" not in result.out


def test_a_mistyped_code_in_a_levels_file_gets_the_closest_code(tmp_path: Path) -> None:
    levels = tmp_path / "levels.yml"
    levels.write_text("duty-remvoed: warning\n", encoding="utf-8")
    result = invoke("diff", "120117", "120117", "--levels", str(levels))
    assert result.code == 2
    assert "duty-remvoed" in result.err
    assert "是否指 duty-removed？" in result.err
    english = invoke("diff", "120117", "120117", "--levels", str(levels), "--lang", "en")
    assert "did you mean duty-removed?" in english.err
    levels.write_text("duty-removed: warnig\n", encoding="utf-8")  # a level mistyped: the closest level
    assert "是否指 warning？" in invoke("diff", "120117", "120117", "--levels", str(levels)).err
    levels.write_text("zzzzzz: warning\n", encoding="utf-8")  # nothing alike: no guess
    assert "是否指" not in invoke("diff", "120117", "120117", "--levels", str(levels)).err
