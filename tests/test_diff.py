"""Diffs between versions: codes, levels, bumps, renames, effective attribution, impact."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import re
import shutil
from typing import TYPE_CHECKING, Any, Literal

import jsonschema
import pytest

from conftest import NATIONAL, REPO, edit, invoke
from layers import child_layer, write_child
from villagecat.authoring import bump_version
from villagecat.diff import (
    CHANGE_LEVELS,
    codes_markdown,
    diff_catalogs,
    diff_packages,
    format_report,
    load_accepted,
    load_levels,
    rate_operations,
    rule_violations,
)
from villagecat.errors import InvalidRequestError, PackageReadError
from villagecat.format.registry import kind_of_id
from villagecat.format.rules import Effect
from villagecat.impact import impact
from villagecat.merging import merge
from villagecat.models import (
    Citation,
    Duty,
    DutyKind,
    MechanismType,
    Modality,
    Placement,
    Release,
    Scope,
    SignQuota,
    SignType,
)
from villagecat.package import LayerPackage, load_layer, package_files, save_layer
from villagecat.patch import PatchError, apply_patch, from_document, make_patch, to_document
from villagecat.registry import shipped_registry

if TYPE_CHECKING:
    from pathlib import Path

    from villagecat.diff import DiffReport

FOUR = [
    ("certificate-cancelled", "breaking", "cn.certificate.no-criminal-record", "status"),
    ("duty-added", "info", "cn.duty.village-affairs-disclosure", None),
    (  # the nation's 30 m² per 100 households is a planning target (一般: advised): a shortfall is a 提示
        "facility-min-area-per-households-raised-unstated",
        "warning",
        "cn.facility.community-service-facility",
        "min_area_per_100_households_m2",
    ),
    ("sign-text-changed", "breaking", "cn.sign.villagers-committee", "text_pattern"),
]


def _replace(items: tuple, item_id: str, **update: object) -> tuple:  # type: ignore[type-arg]
    return tuple(i.model_copy(update=update) if i.id == item_id else i for i in items)


def revised(version: str = "1.0.0") -> LayerPackage:
    """The national layer with one certificate cancelled, one duty added, the facility minimum
    raised and one plaque's text reworded."""
    old = load_layer(NATIONAL)
    duty = Duty(
        id="cn.duty.village-affairs-disclosure",
        name="测试新增事项",
        duty_kind=DutyKind.PERFORMS,
        citations=(Citation(document="cn.document.tingzi-2022-28", section="二(二)6"),),
    )
    layer = old.layer.model_copy(
        update={"version": version, "releases": (*old.layer.releases, Release(version=version, notes="测试修订"))}
    )
    return dataclasses.replace(
        old,
        layer=layer,
        duties=(*old.duties, duty),
        signs=_replace(old.signs, "cn.sign.villagers-committee", text_pattern="XX村民委员会"),
        certificates=_replace(old.certificates, "cn.certificate.no-criminal-record", status="cancelled"),
        facilities=_replace(
            old.facilities, "cn.facility.community-service-facility", min_area_per_100_households_m2=35.0
        ),
    )


def test_the_four_changes_with_codes_and_levels() -> None:
    report = diff_packages(load_layer(NATIONAL), revised())
    assert sorted((c.code, c.level, c.item, c.field) for c in report.changes) == FOUR
    assert report.suggested_bump == "major"
    assert report.version_ok


def test_every_code_is_documented_with_a_level() -> None:
    report = diff_packages(load_layer(NATIONAL), revised())
    for change in report.changes:
        assert CHANGE_LEVELS[change.code][0] == change.level


@pytest.fixture
def revision(tmp_path: Path) -> Path:
    return save_layer(revised(), tmp_path / "revised")


def test_cli_text_and_fail_on_breaking(revision: Path) -> None:
    result = invoke("diff", str(NATIONAL), str(revision), "--fail-on", "breaking")
    assert result.code == 1
    lines = result.out.splitlines()
    # No shipped child conflicts with the revision and no id goes away: a minor release, by compatibility.
    assert lines[1] == "破坏性 2 · 需关注 1 · 一般 1 · 建议版本升级：次版本号（minor）"
    assert lines[2].startswith("对村：收紧 ")  # who is affected, before the changes
    below = [line for line in lines[3:] if "声明的上级层版本范围" in line]  # 1.0.0 leaves each province's range behind
    assert below
    assert all(line.startswith("    ") for line in below)  # under the layers below, before the changes
    changes = [line for line in lines[3:] if line not in below]
    assert sorted(line.split()[1] for line in changes) == sorted(f"[{code}]" for code, *_ in FOUR)
    assert "\033[" not in result.out
    assert invoke("diff", str(NATIONAL), str(revision)).code == 0
    assert invoke("diff", str(NATIONAL), str(NATIONAL), "--fail-on", "warning").code == 0


def test_cli_json_validates_against_its_published_schema(revision: Path) -> None:
    payload = json.loads(invoke("diff", str(NATIONAL), str(revision), "--format", "json").out)
    schema = json.loads((REPO / "schemas" / "diff-report.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(payload)
    assert sorted((c["code"], c["level"], c["item"], c["field"]) for c in payload["changes"]) == FOUR
    assert (payload["summary"], payload["suggested_bump"], payload["declared_bump"]) == (
        {"violation": 0, "breaking": 2, "warning": 1, "info": 1},
        "minor",
        "major",
    )
    assert payload["audiences"]["child_layers"] == []
    assert payload["audiences"]["villages"]["tightens"] == ["cn.facility.community-service-facility"]


def test_cli_markdown_groups_by_level(revision: Path) -> None:
    out = invoke("diff", str(NATIONAL), str(revision), "--format", "markdown").out
    assert out.startswith("## 全国 1.0.0（cn）\n")
    assert out.index("### 破坏性（breaking）") < out.index("### 一般（info）")
    assert "- `duty-added` cn.duty.village-affairs-disclosure" in out


def test_cli_csv_is_one_row_per_change(revision: Path) -> None:
    out = invoke("diff", str(NATIONAL), str(revision), "--format", "csv", "--lang", "en").out
    assert out.startswith(
        "\ufeffaction,level,code,resource,id,name,field,old,new,layer,accepted,meaning\n"
    )  # a BOM: Excel
    rows = list(csv.DictReader(io.StringIO(out.removeprefix("\ufeff"))))
    assert sorted((r["code"], r["level"], r["id"], r["field"] or None) for r in rows) == FOUR
    assert {r["action"] for r in rows} == {"added", "changed"}
    assert {r["resource"] for r in rows} == {kind_of_id(item).resource for _, _, item, _ in FOUR}  # type: ignore[union-attr]


def test_cli_csv_in_chinese_titles_its_columns_and_says_each_change_and_level_in_words(revision: Path) -> None:
    """The CSV a Chinese clerk opens in Excel was English only: action,level,… and added, breaking."""
    out = invoke("diff", str(NATIONAL), str(revision), "--format", "csv").out
    assert out.startswith("\ufeff变更,级别,变更代码,表,标识,名称,字段,原值,新值,变更层,接受理由,说明\n")
    rows = list(csv.DictReader(io.StringIO(out.removeprefix("\ufeff"))))
    words = {"breaking": "破坏性", "warning": "需关注", "info": "一般"}

    def title(item: str, field: str | None) -> str:  # the workbook's column title
        spec = kind_of_id(item).field(field) if field else None  # type: ignore[union-attr]
        return spec.title_zh if spec else ""

    assert sorted((r["变更代码"], r["级别"], r["标识"], r["字段"]) for r in rows) == sorted(
        (code, words[level], item, title(item, field)) for code, level, item, field in FOUR
    )  # the code stays the code
    assert "状态" in {r["字段"] for r in rows}
    assert {(r["变更代码"], r["变更"], r["表"]) for r in rows} >= {
        ("duty-added", "新增", "工作事务"),
        ("certificate-cancelled", "修改", "证明事项"),
    }


def test_cli_csv_names_each_item_and_shows_what_an_added_item_holds(revision: Path, tmp_path: Path) -> None:
    """An added item's row had old and new ∅ and no name: a reviewer could not see what was added."""
    out = invoke("diff", str(NATIONAL), str(revision), "--format", "csv").out
    rows = {r["标识"]: r for r in csv.DictReader(io.StringIO(out.removeprefix("\ufeff")))}
    added = rows["cn.duty.village-affairs-disclosure"]
    assert (added["变更"], added["名称"], added["原值"], added["新值"]) == (
        "新增",
        "测试新增事项",
        "（空）",
        (
            "标识：cn.duty.village-affairs-disclosure；名称：测试新增事项；出处：cn.document.tingzi-2022-28 二(二)6；"
            "事项类别：依法履行职责事项（performs）；原文不全：否；兜底条目：否"
        ),
    )
    cancelled = rows["cn.certificate.no-criminal-record"]
    assert (cancelled["名称"], cancelled["原值"], cancelled["新值"]) == (
        "无犯罪记录证明",
        "不应出具（not_to_issue）",
        "取消（cancelled）",
    )
    back = invoke("diff", str(revision), str(NATIONAL), "--format", "csv", "--lang", "en").out
    removed = next(r for r in csv.DictReader(io.StringIO(back.removeprefix("\ufeff"))) if r["action"] == "removed")
    assert (removed["id"], removed["name"], removed["new"]) == (
        "cn.duty.village-affairs-disclosure",
        "测试新增事项",
        "(empty)",
    )
    assert removed["old"].startswith("Id: cn.duty.village-affairs-disclosure; Name: 测试新增事项; ")
    # An item whose name a spreadsheet would run as a formula is still only text.
    duty = load_layer(revision).duties[-1].model_copy(update={"name": "=HYPERLINK(1)"})
    formula = save_layer(
        dataclasses.replace(load_layer(revision), duties=(*load_layer(revision).duties[:-1], duty)), tmp_path / "f"
    )
    out = invoke("diff", str(NATIONAL), str(formula), "--format", "csv").out
    (row,) = [r for r in csv.DictReader(io.StringIO(out.removeprefix("\ufeff"))) if r["变更"] == "新增"]
    assert row["名称"] == "'=HYPERLINK(1)"
    assert row["新值"].startswith("标识：")


def test_cli_patch_reproduces_the_new_package(revision: Path, tmp_path: Path) -> None:
    patch_file = tmp_path / "change.json"
    patch_file.write_text(invoke("diff", str(NATIONAL), str(revision), "--format", "patch").out, encoding="utf-8")
    result = invoke("patch", str(NATIONAL), str(patch_file), "-o", str(tmp_path / "patched"))
    assert result.code == 0, result.err
    assert load_layer(tmp_path / "patched") == load_layer(revision)
    for file in revision.iterdir():
        assert (tmp_path / "patched" / file.name).read_bytes() == file.read_bytes()


def test_a_patch_gives_the_new_packages_data_written_as_villagecat_writes_any_package(
    national_copy: Path, tmp_path: Path
) -> None:
    """The guide said a patch reproduces the new package "exactly"; its README was gone, an inline
    citation came back as a clause row, an empty cell as false. What it reproduces is the data: the
    layer and every item, field by field (the law the guide now states); the files are those
    villagecat writes for that data, nothing else carried."""
    new = national_copy
    (new / "README.md").write_text("# 说明\n", encoding="utf-8")  # a file villagecat does not own
    edit(new / "duties.csv", "cn.clause.tingzi-2022-28-2-1-1", "cn.document.tingzi-2022-28#二(一)9")  # inline
    edit(new / "duties.csv", ",false,false,\n", ",,false,\n")  # an empty cell: its field's default, false
    patch_file = tmp_path / "change.json"
    patch_file.write_text(invoke("diff", str(NATIONAL), str(new), "--format", "patch").out, encoding="utf-8")
    result = invoke("patch", str(NATIONAL), str(patch_file), "-o", str(tmp_path / "patched"))
    assert result.code == 0, result.err
    patched, wanted = load_layer(tmp_path / "patched"), load_layer(new)
    assert dataclasses.replace(patched, clauses=wanted.clauses) == wanted  # the layer and every item, in order
    (added,) = set(patched.clauses) - set(wanted.clauses)  # the inline citation, written as a clause
    assert (added.document, added.section, added.quote) == ("cn.document.tingzi-2022-28", "二(一)9", None)
    for name, text in package_files(wanted).items():  # the new package as villagecat writes it
        assert (tmp_path / "patched" / name).read_text(encoding="utf-8") == text, name
    assert not (tmp_path / "patched" / "README.md").exists()
    assert wanted.duties[0].truncated is False  # the empty cell read as false, and written so


def test_a_bad_patch_is_one_clear_error(tmp_path: Path) -> None:
    patch_file = tmp_path / "bad.json"
    patch_file.write_text('[{"op": "remove", "path": "/items/duties/cn.duty.nothing"}]', encoding="utf-8")
    result = invoke("patch", str(NATIONAL), str(patch_file), "-o", str(tmp_path / "out"))
    assert (result.code, result.err) == (
        1,
        (f"villagecat: {patch_file}：第 1 项操作：路径 /items/duties/cn.duty.nothing 不存在\n"),
    )
    english = invoke("patch", str(NATIONAL), str(patch_file), "-o", str(tmp_path / "out"), "--lang", "en")
    assert english.err == f"villagecat: {patch_file}: operation 1: path /items/duties/cn.duty.nothing does not exist\n"
    assert not (tmp_path / "out").exists()


def test_every_json_patch_operation_applies_and_an_unknown_one_is_named_first() -> None:
    """RFC 6902's move and copy were refused; an unknown op on a missing path was told as a missing path."""
    document: dict[str, Any] = {"a": {"b": [1, 2]}, "c": "x"}
    patch: list[dict[str, Any]] = [
        {"op": "copy", "from": "/a/b/0", "path": "/a/b/-"},
        {"op": "move", "from": "/c", "path": "/a/d"},
        {"op": "test", "path": "/a", "value": {"b": [1, 2, 1], "d": "x"}},
    ]
    assert apply_patch(document, patch) == {"a": {"b": [1, 2, 1], "d": "x"}}
    assert document == {"a": {"b": [1, 2]}, "c": "x"}  # the original is left as it was
    refusals: dict[str, list[dict[str, Any]]] = {
        "第 2 项操作：不支持的操作“frobnicate”（可用：add、remove、replace、move、copy、test）": [
            {"op": "test", "path": "/c", "value": "x"},
            {"op": "frobnicate", "path": "/nowhere"},
        ],
        "第 1 项操作（copy /a/e）缺少 from": [{"op": "copy", "path": "/a/e"}],
        "第 1 项操作：不能把 /a 移到它自己的下级 /a/b/x": [{"op": "move", "from": "/a", "path": "/a/b/x"}],
        "第 1 项操作：路径 /z 不存在": [{"op": "move", "from": "/z", "path": "/y"}],
        "第 1 项操作：不支持的操作“null”（可用：add、remove、replace、move、copy、test）": [{"op": None, "path": "/c"}],
        "JSON 指针应以“/”开头：“null”": [{"op": "remove", "path": None}],
        "JSON 指针“”指整个文档；补丁只能修改其中的部分，如 /layer/version": [{"op": "remove", "path": ""}],
        "第 1 项操作：/a/b/01 处的序号 01 超出范围": [{"op": "remove", "path": "/a/b/01"}],
    }
    for message, ops in refusals.items():
        with pytest.raises(PatchError) as caught:
            apply_patch(document, ops)
        assert caught.value.message_zh == message


def test_declared_version_too_small_fails_at_the_level_it_hides(tmp_path: Path) -> None:
    patch = bump_version(load_layer(NATIONAL).layer.version, "patch")
    path = save_layer(revised(version=patch), tmp_path / "patch-only")
    result = invoke("diff", str(NATIONAL), str(path), "--fail-on", "breaking", "--format", "json")
    payload = json.loads(result.out)
    assert (result.code, payload["declared_bump"], payload["version_ok"]) == (1, "patch", False)


def test_level_overrides(tmp_path: Path, revision: Path) -> None:
    levels = tmp_path / "levels.yaml"
    levels.write_text(
        "sign-text-changed: info\ncertificate-cancelled: warning\nfacility-min-area-per-households-raised: info\n",
        encoding="utf-8",
    )
    result = invoke("diff", str(NATIONAL), str(revision), "--levels", str(levels), "--fail-on", "breaking")
    assert result.code == 0
    assert "建议版本升级：次版本号（minor）" in result.out
    levels.write_text("no-such-code: info\n", encoding="utf-8")
    bad = invoke("diff", str(NATIONAL), str(revision), "--levels", str(levels))
    assert bad.code == 2
    assert "no-such-code" in bad.err


def test_a_levels_file_takes_the_chinese_level_words_as_fail_on_does(tmp_path: Path, revision: Path) -> None:
    """``sign-text-changed: 一般`` was refused (…级别（breaking、warning、info）); ``--fail-on 破坏性`` worked."""
    levels = tmp_path / "levels.yaml"
    levels.write_text(
        "sign-text-changed: 一般\ncertificate-cancelled: 需关注\nfacility-min-area-per-households-raised: ｉｎｆｏ\n",
        encoding="utf-8",
    )
    result = invoke("diff", str(NATIONAL), str(revision), "--levels", str(levels), "--fail-on", "破坏性")
    assert result.code == 0, result.err
    assert "建议版本升级：次版本号（minor）" in result.out
    levels.write_text("sign-text-changed: 严重\n", encoding="utf-8")
    bad = invoke("diff", str(NATIONAL), str(revision), "--levels", str(levels))
    assert (bad.code, bad.err) == (
        2,
        (
            f"villagecat: {levels}：sign-text-changed: 严重 不是已知的变更代码或级别"
            "（breaking（破坏性）、warning（需关注）、info（一般））\n"
        ),
    )
    levels.write_text("sign-text-changed: 违反规则\n", encoding="utf-8")  # merge's verdict, never a team's
    assert invoke("diff", str(NATIONAL), str(revision), "--levels", str(levels)).code == 2


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        ("sign-text-changed: null", "sign-text-changed: null"),
        ("sign-text-changed:", "sign-text-changed: null"),
        ("sign-text-changed: true", "sign-text-changed: true"),
        ("sign-text-changed: [一般, info]", 'sign-text-changed: ["一般", "info"]'),
        ("sign-text-changed: {level: info}", 'sign-text-changed: {"level": "info"}'),
    ],
)
def test_a_levels_file_s_wrong_value_is_shown_as_the_file_writes_it(tmp_path: Path, written: str, shown: str) -> None:
    """``sign-text-changed: null`` was told ``sign-text-changed: None``, a list ``['一般', 'info']``: Python's words."""
    levels = tmp_path / "levels.yaml"
    levels.write_text(written + "\n", encoding="utf-8")
    with pytest.raises(PackageReadError) as raised:
        load_levels(levels)  # a Path, as every other reader of a file takes
    assert raised.value.path == str(levels)
    assert raised.value.describe("zh").startswith(f"{levels}：{shown} 不是已知的变更代码或级别")


def test_an_accepted_changes_file_may_be_given_as_a_path(tmp_path: Path) -> None:
    accepted = tmp_path / "accepted.yaml"
    accepted.write_text("- code: duty-added\n  item: cn.duty.x\n  reason: 同意\n", encoding="utf-8")
    assert [(a.code, a.item, a.reason) for a in load_accepted(accepted)] == [("duty-added", "cn.duty.x", "同意")]


@pytest.mark.parametrize("fmt", ["JSON", "jsno", "patch", "xml"])
def test_a_report_format_it_cannot_write_is_refused_not_written_as_text(fmt: str) -> None:
    """``format_report(report, "JSON")`` returned the text report, which a system then failed to parse."""
    old = load_layer(NATIONAL)
    with pytest.raises(InvalidRequestError, match=f"报告格式“{fmt}”无法写出：可选 text, markdown, json, csv"):
        format_report(diff_packages(old, old), fmt)  # type: ignore[arg-type]


def test_a_renumbered_item_is_a_rename_not_a_delete_and_insert() -> None:
    old = load_layer(NATIONAL)
    moved = old.duties[0].model_copy(update={"id": "cn.duty.party-policy", "replaces": old.duties[0].id})
    new = dataclasses.replace(old, duties=(moved, *old.duties[1:]))
    (change,) = diff_packages(old, new).changes
    assert (change.code, change.level, change.old, change.new) == (
        "duty-renamed",
        "warning",
        old.duties[0].id,
        "cn.duty.party-policy",
    )


def test_shipped_layer_and_git_revision_sides() -> None:
    result = invoke("diff", "HEAD:data/national", "cn")
    assert result.code == 0, result.err
    assert "cn" in result.out.splitlines()[0]


def test_an_effective_diff_of_a_git_revision_merges_it_with_its_parents_of_that_revision(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``diff --effective 38d47d7:data/provinces/120000-tianjin data/provinces/120000-tianjin`` said 无变化.

    Tianjin 0.7.0 changed only its parent's range, while national 0.6.0 gave its communities 二(二)5 and added
    二(二)6's rule: the old side was merged with today's national, so its catalog was today's. At a revision, a
    parent from the same repository is read at that revision, as the side is.
    """
    import subprocess  # noqa: PLC0415

    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    repo = tmp_path / "repo"
    shutil.copytree(NATIONAL, repo / "national")
    shutil.copytree(REPO / "data/provinces/120000-tianjin", repo / "tianjin", ignore=shutil.ignore_patterns("1*"))
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True)  # noqa: S607
    subprocess.run([*git, "add", "-A"], cwd=repo, check=True)
    subprocess.run([*git, "commit", "-qm", "old"], cwd=repo, check=True)
    national = load_layer(repo / "national")
    dropped = national.duties[0]
    save_layer(dataclasses.replace(national, duties=national.duties[1:]), repo / "national")
    subprocess.run([*git, "commit", "-qam", "new"], cwd=repo, check=True)
    monkeypatch.chdir(repo)
    result = invoke("diff", "--effective", "HEAD~1:tianjin", "tianjin", "--layer", "national", "--format", "json")
    assert result.code == 0, result.err
    changes = [(c["code"], c["item"], c["layer"]) for c in json.loads(result.out)["changes"]]
    assert changes == [("duty-removed", dropped.id, "cn")]
    # the same revision on both sides: nothing changed, whatever the parents of today
    same = invoke("diff", "--effective", "HEAD~1:tianjin", "HEAD~1:tianjin", "--layer", "national")
    assert "无变化" in same.out, same.out


@pytest.mark.parametrize("command", ["diff", "impact"])
def test_a_git_revision_outside_a_repository_says_so_naming_it(
    command: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """REV:path where the folder is in no git repository was read as a layer's name: 没有与…对应的目录层."""
    outside = tmp_path / "work"
    shutil.copytree(NATIONAL, outside / "national")
    monkeypatch.chdir(outside)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))  # no repository above, wherever tmp_path is
    result = invoke(command, "HEAD~1:national", "national")
    assert (result.code, result.out) == (2, "")
    assert result.err == (
        "villagecat: HEAD~1:national：national 不在 git 仓库中，读不到它在 git 版本 HEAD~1 中的内容\n"
    )


def test_a_path_a_git_revision_does_not_hold_is_said_so(monkeypatch: pytest.MonkeyPatch) -> None:
    """HEAD:不存在 was told 缺少 datapackage.json, as if the folder were there without its descriptor.

    The path is read from the current folder, as git's REV:./path: from a subfolder the one named is that one's.
    """
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    monkeypatch.chdir(REPO)
    result = invoke("diff", "HEAD:不存在", str(NATIONAL))
    assert (result.code, result.out) == (2, "")
    said = "git 版本 HEAD 中没有 不存在（“版本:路径”中的路径按当前文件夹计）"
    assert result.err == f"villagecat: HEAD:不存在：无法读取：{said}\n"
    monkeypatch.chdir(REPO / "docs")
    below = invoke("diff", "HEAD:data/national", str(NATIONAL), "--lang", "en")
    assert below.code == 2
    assert "git revision HEAD holds no docs/data/national (the path after REV: is read from the current folder)" in (
        below.err
    )
    assert invoke("diff", "HEAD:../data/national", str(NATIONAL)).code == 0


def test_a_git_revision_without_git_installed_says_so_naming_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # no git on the path
    result = invoke("diff", "HEAD~1:data/national", str(NATIONAL), "--lang", "en")
    assert (result.code, result.out) == (2, "")
    assert result.err == "villagecat: HEAD~1:data/national: reading REV:path needs git, which is not installed\n"


def test_effective_diff_attributes_each_change_to_its_layer() -> None:
    registry = shipped_registry()
    chain = registry.chain(registry.find("120117"))
    tianjin = chain[1]
    duty = Duty(
        id="120000.duty.new-task",
        name="新增协助事项",
        duty_kind=DutyKind.ASSISTS,
        citations=(Citation(document="cn.document.tingzi-2022-28", section="二(一)1"),),
    )
    revised_tianjin = LayerPackage(layer=tianjin.layer, documents=tianjin.documents, duties=(duty,))
    before, after = merge(chain), merge([chain[0], revised_tianjin, chain[2]])
    (change,) = diff_catalogs(before, after).changes
    assert (change.code, change.layer) == ("duty-added", "120000")


def test_impact_names_changed_jurisdictions_and_overrides_that_stop_holding() -> None:
    registry = shipped_registry(
        [
            child_layer(
                "220000",
                overrides=[{"target": "220000.facility.village", "field": "min_floor_area_m2", "value": "260"}],
            )
        ]
    )
    jilin = registry.find("220000")
    raised = jilin.facilities[0].model_copy(update={"min_floor_area_m2": 280.0})
    new = LayerPackage(
        layer=jilin.layer,
        documents=jilin.documents,
        duties=jilin.duties,
        mechanisms=jilin.mechanisms,
        facilities=(raised,),
        overrides=jilin.overrides,
    )
    result = impact(jilin, new, registry)
    assert [j.jurisdiction for j in result.jurisdictions] == ["220000", "220102"]
    county = result.jurisdictions[1]
    assert [(c.layer, c.item, c.field, c.rule) for c in county.new_conflicts] == [
        ("220102", "220000.facility.village", "min_floor_area_m2", "increase_only")
    ]
    assert result.broken


def test_impact_cli_on_a_national_revision(revision: Path) -> None:
    """A major national release that no layer below conflicts with strands none of them.

    Their declared parent ranges (the nation's current series) are behind 1.0.0, but a range is judged by
    merging: every province and county still merges without a conflict of its own.
    """
    result = invoke("impact", str(NATIONAL), str(revision), "--format", "json")
    assert result.code == 0
    payload = json.loads(result.out)
    assert len(payload["jurisdictions"]) == 8
    for entry in payload["jurisdictions"]:
        assert {c["layer"] for c in entry["changes"] if c["level"] == "breaking"} == {"cn"}
    conflicts = {e["jurisdiction"]: e["new_conflicts"] for e in payload["jurisdictions"]}
    assert conflicts["cn"] == []
    for code in ("120000", "140000", "220000", "340000"):
        assert conflicts[code] == []
    # Ninghe's community standard is its own item (城市社区, 30 m² per 100 households), not an
    # override of the national planning target, so raising that target conflicts with nothing there.
    assert [c for c in conflicts["120117"] if c["layer"] == "120117"] == []
    text = invoke("impact", str(NATIONAL), str(revision)).out
    assert text.startswith(f"全国（cn） {load_layer(NATIONAL).layer.version} → 1.0.0：影响 8 个辖区的有效目录")


def test_document_form_round_trips() -> None:
    package = load_layer(NATIONAL)
    assert from_document(to_document(package)) == package
    assert apply_patch(to_document(package), make_patch(package, package)) == to_document(package)


def test_change_codes_page_is_generated_from_the_code_table() -> None:
    page = (REPO / "docs" / "change-codes.md").read_text(encoding="utf-8")
    assert page == codes_markdown(), "regenerate docs/change-codes.md from villagecat.diff.codes_markdown()"
    assert "| `certificate-cancelled` | 破坏性 `breaking` |" in page


def test_a_patch_that_adds_an_item_without_placing_it_is_refused_not_dropped(tmp_path: Path) -> None:
    """An item added to /items but not to /order was once dropped, with exit 0."""
    duty = {
        "id": "cn.duty.new",
        "name": "新事项",
        "duty_kind": "performs",
        "citations": [{"document": "cn.document.tingzi-2022-28", "section": "二(二)5"}],
    }
    patch = tmp_path / "p.json"
    patch.write_text(json.dumps([{"op": "add", "path": "/items/duties/cn.duty.new", "value": duty}]), encoding="utf-8")
    result = invoke("patch", str(NATIONAL), str(patch), "-o", str(tmp_path / "out"))
    assert result.code == 1
    assert "cn.duty.new" in result.err
    assert "/order/duties" in result.err
    assert not (tmp_path / "out").exists()
    placed = [
        {"op": "add", "path": "/items/duties/cn.duty.new", "value": duty},
        {"op": "add", "path": "/order/duties/-", "value": "cn.duty.new"},
    ]
    patch.write_text(json.dumps(placed), encoding="utf-8")
    assert invoke("patch", str(NATIONAL), str(patch), "-o", str(tmp_path / "out")).code == 0
    assert any(d.id == "cn.duty.new" for d in load_layer(tmp_path / "out").duties)


def test_an_empty_value_and_a_list_read_in_chinese_as_other_commands_show_them() -> None:
    """Text, Markdown and CSV showed an empty value as ∅ and a list in brackets ([文体活动室、多功能室]).

    A Chinese reader sees （空） and the entries joined with 、 (with ； where an entry holds a 、 itself);
    JSON keeps real values (null, a list).
    """
    jilin = load_layer(REPO / "data" / "provinces" / "220000-jilin")
    share, areas = "220000.facility.village-activity-share", "220000.facility.village-function-areas"
    new = dataclasses.replace(
        jilin,
        facilities=_replace(
            _replace(jilin.facilities, share, min_floor_area_m2=100.0), areas, function_areas=("文体活动室", "多功能室")
        ),
    )
    old = dataclasses.replace(jilin, facilities=_replace(jilin.facilities, areas, function_areas=("文体活动室",)))
    report = diff_packages(old, new)
    (floor,) = [c for c in report.changes if c.field == "min_floor_area_m2"]
    (listed,) = [c for c in report.changes if c.field == "function_areas"]
    assert "：（空） → 100（" in floor.describe("zh")
    assert ": (empty) -> 100 (" in floor.describe("en")
    assert "：文体活动室 → 文体活动室、多功能室（" in listed.describe("zh")
    for fmt in ("text", "markdown", "csv"):
        shown = format_report(report, fmt)
        assert "∅" not in shown
        assert "[" not in shown.replace("[facility-", "")
    rows = list(csv.DictReader(io.StringIO(format_report(report, "csv").removeprefix("\ufeff"))))
    assert {(r["原值"], r["新值"]) for r in rows} == {("（空）", "100"), ("文体活动室", "文体活动室、多功能室")}
    changes = {c["field"]: c for c in report.to_dict()["changes"]}
    assert (changes["min_floor_area_m2"]["old"], changes["function_areas"]["new"]) == (None, ["文体活动室", "多功能室"])
    # entries that hold a 、 themselves are told apart with ；
    rule = next(o for o in jilin.obligations if not o.tasks)
    tasked = dataclasses.replace(
        jilin, obligations=_replace(jilin.obligations, rule.id, tasks=("填报表格、提供材料", "留痕"))
    )
    (tasks,) = diff_packages(jilin, tasked).changes
    assert "：（空） → 填报表格、提供材料；留痕" in tasks.describe("zh")


def test_a_restating_row_s_note_edited_beside_its_rule_is_no_second_relaxation() -> None:
    """Jilin 2.2.0 made 三(十)'s 要认真调查核实 unbound and said why in the row's note: the report counted 放宽 2 项.

    The note of a row restating an inherited rule changes nothing of the rule; it took the effect (and the level)
    of the modality changed beside it, so one rule relaxed was counted twice, and a rule tightened would have
    shown its note as 破坏性 too.
    """
    registry = shipped_registry()
    jilin = registry.find("220000")
    row = "220000.obligation.certificate-risky"
    assert next(o for o in jilin.obligations if o.id == row).restates is not None
    old = dataclasses.replace(jilin, obligations=_replace(jilin.obligations, row, modality=Modality.MUST, notes=None))
    for before, after, effect in ((old, jilin, "loosens"), (jilin, old, "tightens")):
        report = rate_operations(diff_packages(before, after), before, after, registry)
        by_field = {c.field: c for c in report.changes}
        assert (by_field["notes"].effect.value, by_field["notes"].level) == ("neutral", "info")
        assert by_field["modality"].effect.value == effect
        assert [c.field for c in report.audiences()["villages"][effect]] == ["modality"]


def test_a_vocabulary_value_in_a_change_reads_as_its_label_in_chinese() -> None:
    """It read ∅ → should; in Chinese a word is its label with its code, in English its code."""
    from villagecat.models._base import Vocab  # noqa: PLC0415

    registry = shipped_registry()
    report = diff_catalogs(
        merge(registry.chain(registry.find("120117"))), merge(registry.chain(registry.find("220000")))
    )
    change = next(c for c in report.changes if isinstance(c.new, Vocab))
    assert isinstance(change.new, Vocab)  # a change's value is any field's: mypy asks to narrow it
    assert f"{change.new.label}（{change.new.value}）" in change.describe("zh")
    assert change.new.label not in change.describe("en")


def test_a_changed_parent_or_admission_route_is_shown_by_its_fields_never_as_a_python_dict(tmp_path: Path) -> None:
    ninghe = REPO / "data" / "provinces" / "120000-tianjin" / "120117-ninghe"
    old = load_layer(ninghe)
    assert old.layer.parent is not None
    assert old.layer.admission is not None
    declared = re.fullmatch(r">=([0-9.]+),<0\.([0-9]+)\.0", old.layer.parent.version_range)
    assert declared is not None  # the range ``init`` writes: the parent's series
    lower, upper = declared.groups()
    parent = old.layer.parent.model_copy(update={"version_range": f">={lower},<0.{int(upper) + 1}.0"})
    admission = old.layer.admission.model_copy(update={"steps": ("区民政局初审",)})
    layer = old.layer.model_copy(update={"parent": parent, "admission": admission})
    revised = save_layer(dataclasses.replace(old, layer=layer), tmp_path / "ninghe")
    for lang, words in (
        ("zh", ("上级层标识：120000；版本范围：", "审批步骤：")),
        ("en", (f"{lower},<0.{int(upper) + 1}.0", "Steps: [")),
    ):
        result = invoke("--lang", lang, "diff", str(ninghe), str(revised))
        assert "{'" not in result.out, result.out
        # the range is shown as a word diff of its text (deleted [-…-], inserted {+…+}); read as it now is
        shown = re.sub(r"\[-.*?-\]", "", result.out).replace("{+", "").replace("+}", "")
        assert all(w in shown for w in words), result.out


def test_making_a_rule_bind_is_breaking_like_raising_a_minimum() -> None:
    """should -> must was an undeclared code at 需关注 while raising a minimum was 破坏性."""
    old = load_layer(NATIONAL)
    sign = next(s for s in old.signs if s.modality is not None and s.modality.value == "should")
    new = dataclasses.replace(old, signs=_replace(old.signs, sign.id, modality="must"))
    (change,) = diff_packages(old, new).changes
    assert (change.code, change.level, change.effect.value) == ("sign-modality-tightened", "breaking", "tightens")
    (back,) = diff_packages(new, old).changes
    assert (back.code, back.level, back.effect.value) == ("sign-modality-loosened", "info", "loosens")


@pytest.mark.parametrize(
    ("item", "field", "value", "code", "level"),
    [
        # a rule given a condition holds less often: it relaxes those it binds; dropping one binds them more
        (
            "cn.obligation.no-screenshot-evaluation",
            "condition",
            "未经县级党委同意",
            "obligation-condition-loosened",
            "info",
        ),
        ("cn.obligation.no-new-mechanisms", "exceptions", None, "obligation-exceptions-tightened", "breaking"),
        # a permission (可以) given a condition allows less; yet 可以 binds no one (it only advises, as 一般 does):
        # what it tightens is no obligation, 需关注
        (
            "cn.obligation.certificate-alternatives",
            "condition",
            "村民同意的",
            "obligation-condition-tightened-advised",
            "warning",
        ),
        # a condition reworded: which way it goes, words cannot tell; a reviewer reads it
        (
            "cn.obligation.no-unassigned-tasks",
            "condition",
            "未经市、区党委和政府统一部署",
            "obligation-condition-changed",
            "warning",
        ),
    ],
)
def test_a_rules_condition_or_exceptions_change_by_what_they_do(
    item: str, field: str, value: str | None, code: str, level: str
) -> None:
    """A condition or exception was 一般 (obligation-changed) whether it was given, dropped or reworded."""
    old = load_layer(NATIONAL)
    new = dataclasses.replace(old, obligations=_replace(old.obligations, item, **{field: value}))
    (change,) = diff_packages(old, new).changes
    assert (change.code, change.level) == (code, level)


@pytest.mark.parametrize(
    ("field", "value", "code", "level"),
    [
        ("due", "2023-06-30", "milestone-due-put-off", "info"),
        ("due", "2023-04", "milestone-due-brought-forward", "breaking"),
        ("bound", ("各市（州）",), "milestone-bound-shortened", "info"),
    ],
)
def test_a_deadline_put_off_or_brought_forward_says_so(field: str, value: object, code: str, level: str) -> None:
    """A deadline two years later was 需关注 (milestone-changed), neither tightening nor loosening."""
    old = load_layer(REPO / "data" / "provinces" / "220000-jilin")
    new = dataclasses.replace(old, milestones=_replace(old.milestones, "220000.milestone.survey", **{field: value}))
    (change,) = diff_packages(old, new).changes
    assert (change.code, change.level) == (code, level)


@pytest.mark.parametrize(
    ("modality", "code", "level"),
    [
        ("must", "sign-quota-binding-added", "breaking"),
        # advice added, or a limit of unstated force: over it is a 提示, nothing fails, yet it tightens (需关注)
        ("should", "sign-quota-added-advised", "warning"),
        (None, "sign-quota-added-unstated", "warning"),
    ],
)
def test_a_binding_item_added_tightens_as_one_removed_relaxes(modality: str | None, code: str, level: str) -> None:
    """A new quota of at most 4 plaques (must) was 一般 / 新增条目, while removing it relaxed."""
    old = load_layer(NATIONAL)
    quota = SignQuota(
        id="cn.quota.outside-plaques",
        name="外部标牌",
        citations=(Citation(document="cn.document.tingzi-2022-28", section="二(二)6"),),
        sign_type=SignType.PLAQUE,
        placement=Placement.OUTSIDE,
        max_count=4,
        modality=Modality(modality) if modality else None,
    )
    new = dataclasses.replace(old, sign_quotas=(*old.sign_quotas, quota))
    (change,) = diff_packages(old, new).changes
    assert (change.code, change.level) == (code, level)
    (back,) = diff_packages(new, old).changes
    # removed, it relaxes as it was added: an obligation, advice, or a limit of unstated force
    assert (back.effect.value, back.advised, back.unstated) == ("loosens", modality == "should", modality is None)


def test_every_sticky_field_change_has_a_declared_code() -> None:
    from villagecat.format.registry import kinds  # noqa: PLC0415
    from villagecat.format.rules import Sticky  # noqa: PLC0415

    declared = set(CHANGE_LEVELS)
    for kind in kinds():
        for spec in kind.fields:
            if isinstance(spec.rule, Sticky) and kind.role == "item":
                made = {c for c in declared if c.startswith((f"{kind.slug}-{spec.slug}-", f"{kind.slug}-made-"))}
                assert made or (kind.resource, spec.name) == ("duties", "duty_kind"), (kind.resource, spec.name)


def test_a_change_to_a_community_s_item_is_said_of_communities(tmp_path: Path) -> None:
    """Softening Ninghe's 社区“四竖” was reported as 对村放宽."""
    ninghe = REPO / "data" / "provinces" / "120000-tianjin" / "120117-ninghe"
    old = load_layer(ninghe)
    sign = next(s for s in old.signs if s.applies_to is not None and s.applies_to.value == "community")
    new = dataclasses.replace(old, signs=_replace(old.signs, sign.id, modality="must"))
    (change,) = diff_packages(new, old).changes
    assert change.scope is not None
    assert change.scope.value == "community"
    assert change.describe().endswith("（对社区放宽：义务减少或放松）")
    audiences = diff_packages(new, old).to_dict()["audiences"]
    assert (audiences["villages"]["loosens"], audiences["communities"]["loosens"]) == ([], [sign.id])
    revised = save_layer(new, tmp_path / "ninghe")
    text = invoke("diff", str(revised), str(ninghe)).out.splitlines()[3]
    assert text.startswith("对村：收紧 0 项，放宽 0 项 · 对社区：收紧 0 项，放宽 1 项")
    payload = json.loads(invoke("diff", str(revised), str(ninghe), "--format", "json").out)
    jsonschema.validate(payload, json.loads((REPO / "schemas" / "diff-report.schema.json").read_text(encoding="utf-8")))


@pytest.mark.parametrize(
    ("modality", "suffix", "level", "words"),
    [
        (Modality.MUST, "", "breaking", "对村收紧：新增或加严义务"),
        (Modality.SHOULD, "-advised", "warning", "对村收紧：加严建议，未达到只作提示"),  # 一般在……悬挂
        (None, "-unstated", "warning", "对村收紧：加严要求，来源未写明约束力，未达到只作提示"),
    ],
)
def test_a_sign_to_hang_is_as_grave_as_its_hanging_binds(
    modality: Modality | None, suffix: str, level: str, words: str
) -> None:
    """Every shipped mandatory sign hangs 一般 (should) or by no binding word (empty): a village without one gets a
    提示 (signage-missing-advised, -unstated), yet adding such a sign, or making one mandatory, read 破坏性
    新增或加严义务 and failed --fail-on breaking."""
    national = load_layer(NATIONAL)
    optional = next(s for s in national.signs if not s.mandatory)
    old = dataclasses.replace(national, signs=_replace(national.signs, optional.id, modality=modality))
    made = dataclasses.replace(old, signs=_replace(old.signs, optional.id, mandatory=True))
    (change,) = diff_packages(old, made).changes
    assert (change.code, change.level) == (f"sign-made-mandatory{suffix}", level)
    assert words in change.describe("zh")
    said = change.to_dict()  # the JSON says which of the two it is, not only the code's suffix
    assert (said["advised"], said["unstated"]) == (suffix == "-advised", suffix == "-unstated")
    added = next(s for s in made.signs if s.id == optional.id).model_copy(update={"id": "cn.sign.new-mandatory"})
    (new,) = diff_packages(old, dataclasses.replace(old, signs=(*old.signs, added))).changes
    assert (new.code, new.level, new.effect.value) == (f"sign-mandatory-added{suffix}", level, "tightens")
    assert words in new.describe("zh")
    assert CHANGE_LEVELS[new.code][0] == level


def test_widening_where_a_mandatory_sign_hangs_tightens_for_the_places_added() -> None:
    """社区工作站标牌 from 社区 to 村和社区 was 需关注 [sign-changed] with 对村：收紧 0 项.

    Its hanging names no binding word (modality empty): a village without it gets a 提示 that says so, so the
    places added are told, not failed (``-unstated``, 需关注); made must, they would be failed (破坏性).
    """
    ninghe = REPO / "data" / "provinces" / "120000-tianjin" / "120117-ninghe"
    old = load_layer(ninghe)
    new = dataclasses.replace(
        old, signs=_replace(old.signs, "120117.sign.community-workstation", applies_to=Scope.BOTH)
    )
    (widened,) = diff_packages(old, new).changes
    assert (widened.code, widened.level, widened.effect.value) == (
        "sign-scope-widened-unstated",
        "warning",
        "tightens",
    )
    assert "对村收紧：加严要求，来源未写明约束力" in widened.describe("zh")
    bound = dataclasses.replace(old, signs=_replace(old.signs, "120117.sign.community-workstation", modality="must"))
    bound_new = dataclasses.replace(
        bound, signs=_replace(bound.signs, "120117.sign.community-workstation", applies_to=Scope.BOTH)
    )
    (failed,) = diff_packages(bound, bound_new).changes
    assert (failed.code, failed.level) == ("sign-scope-widened", "breaking")
    assert widened.scope is not None
    assert widened.scope.value == "village"
    assert diff_packages(old, new).audiences()["villages"]["tightens"] == [widened]
    (narrowed,) = diff_packages(new, old).changes
    assert (narrowed.code, narrowed.level, narrowed.effect.value) == ("sign-scope-narrowed", "info", "loosens")
    moved = dataclasses.replace(
        old, signs=_replace(old.signs, "120117.sign.community-workstation", applies_to=Scope.VILLAGE)
    )
    assert sorted(c.code for c in diff_packages(old, moved).changes) == [
        "sign-scope-narrowed",
        "sign-scope-widened-unstated",
    ]


def test_a_rule_on_departments_is_not_said_to_bind_villages() -> None:
    """Making 党政群机构不得… bind was reported as 对村收紧：新增或加严义务."""
    old = load_layer(NATIONAL)
    rule = next(
        o for o in old.obligations
        if o.bound and all("村" not in b for b in o.bound) and (o.modality is None or o.modality.value != "must")
    )  # fmt: skip
    new = dataclasses.replace(old, obligations=_replace(old.obligations, rule.id, modality=Modality.MUST))
    report = diff_packages(old, new)
    (change,) = report.changes
    assert change.bound == "、".join(rule.bound)
    assert change.describe().endswith(f"（对{change.bound}收紧：新增或加严义务）")
    audiences = report.audiences()
    assert (audiences["villages"]["tightens"], audiences["others"]["tightens"]) == ([], [change])


def test_the_library_compares_only_two_versions_of_one_layer_and_a_renumbering_is_major() -> None:
    """``diff_packages(cn, 120117)`` returned 145 changes; a renumbered id suggested a minor release."""
    from villagecat.errors import InvalidRequestError  # noqa: PLC0415

    ninghe = load_layer(REPO / "data" / "provinces" / "120000-tianjin" / "120117-ninghe")
    with pytest.raises(InvalidRequestError, match="不是同一层的两个版本"):
        diff_packages(load_layer(NATIONAL), ninghe)
    old = load_layer(NATIONAL)
    first = old.duties[0]
    renumbered = first.model_copy(update={"id": first.id + "-renumbered", "replaces": first.id})
    report = diff_packages(old, dataclasses.replace(old, duties=(renumbered, *old.duties[1:])))
    assert [c.code for c in report.changes] == ["duty-renamed"]
    assert report.suggested_bump == "major"


def test_removing_a_sign_a_village_must_hang_relaxes_its_obligations() -> None:
    """Removing 警务室标识 (mandatory) showed no effect on villages."""
    ninghe = load_layer(REPO / "data" / "provinces" / "120000-tianjin" / "120117-ninghe")
    removed = dataclasses.replace(ninghe, signs=tuple(s for s in ninghe.signs if s.id != "120117.sign.police-office"))
    (change,) = diff_packages(ninghe, removed).changes
    assert (change.code, change.effect.value) == ("sign-removed", "loosens")
    optional = next(s for s in ninghe.signs if not s.mandatory)
    gone = dataclasses.replace(ninghe, signs=tuple(s for s in ninghe.signs if s.id != optional.id))
    assert [c.effect.value for c in diff_packages(ninghe, gone).changes] == ["neutral"]


def test_advice_said_to_be_unstated_needs_attention_but_breaks_no_one() -> None:
    """should -> ∅ (Tianjia'an's counts) was 破坏性 对村收紧: ∅ ranks above should, yet a miss is a 提示 both ways."""
    old = load_layer(NATIONAL)
    sign = next(s for s in old.signs if s.modality is not None and s.modality.value == "should")
    unstated = dataclasses.replace(old, signs=_replace(old.signs, sign.id, modality=None))
    (change,) = diff_packages(old, unstated).changes
    assert (change.code, change.level, change.effect.value) == ("sign-modality-unstated", "warning", "neutral")
    assert "检查仍只作提示" in CHANGE_LEVELS["sign-modality-unstated"][1]
    binding = dataclasses.replace(old, signs=_replace(old.signs, sign.id, modality=Modality.MUST))
    (made,) = diff_packages(unstated, binding).changes  # ∅ -> must: a miss is 不符合 now
    assert (made.code, made.level, made.effect.value) == ("sign-modality-tightened", "breaking", "tightens")
    (eased,) = diff_packages(binding, unstated).changes  # must -> ∅: 不符合 becomes a 提示
    assert (eased.code, eased.level, eased.effect.value) == ("sign-modality-loosened", "info", "loosens")


@pytest.mark.parametrize("modality", [Modality.SHOULD, Modality.MAINLY, Modality.MAY])
def test_unstated_said_to_be_advice_relaxes_no_one(modality: Modality) -> None:
    """∅ -> should (Tianjia'an 0.6.0's counts, read backwards) said 对村放宽：义务减少或放松, counted 放宽 1 项:
    a miss was a 提示 (来源未写明约束力) before and is one (advice) after, so no village's verdict changes."""
    tianjiaan = load_layer(REPO / "data" / "provinces" / "340000-anhui" / "340403-tianjiaan")
    quota = tianjiaan.sign_quotas[0]
    assert quota.modality is None
    advised = dataclasses.replace(tianjiaan, sign_quotas=_replace(tianjiaan.sign_quotas, quota.id, modality=modality))
    report = diff_packages(tianjiaan, advised)
    (change,) = report.changes
    assert (change.code, change.level, change.effect.value) == ("sign-quota-modality-stated", "info", "neutral")
    assert "检查仍只作提示" in change.meaning("zh")
    assert "对村：收紧 0 项，放宽 0 项" in format_report(report, "text")
    assert report.suggested_bump == "patch"


def test_an_empty_modality_binds_only_where_its_requirement_is_given() -> None:
    """∅ → may on a sign with a size limit was 'size-modality-tightened'; it grades a limit the source left ungraded."""
    jilin = load_layer(REPO / "data" / "provinces" / "220000-jilin")
    national = load_layer(NATIONAL)
    sign = next(s for s in national.signs if s.max_long_side_cm is None and s.size_modality is None)
    limited = dataclasses.replace(national, signs=_replace(national.signs, sign.id, max_long_side_cm=200.0))
    softened = dataclasses.replace(limited, signs=_replace(limited.signs, sign.id, size_modality=Modality.MAY))
    (change,) = diff_packages(limited, softened).changes  # ∅ (a 提示, 来源未写明) -> may (a 提示, advice)
    assert (change.code, change.effect.value) == ("sign-size-modality-stated", "neutral")
    bound = dataclasses.replace(limited, signs=_replace(limited.signs, sign.id, size_modality=Modality.MUST))
    (eased,) = diff_packages(bound, softened).changes  # must -> may: 不符合 becomes a 提示
    assert (eased.code, eased.effect.value) == ("sign-size-modality-loosened", "loosens")
    graded = dataclasses.replace(national, signs=_replace(national.signs, sign.id, size_modality=Modality.SHOULD))
    (given,) = diff_packages(national, graded).changes  # no size limit yet: grading it adds a rule
    assert given.effect.value == "tightens"
    assert not _own_conflicts(jilin)  # Jilin gives its limits and their modality (should) where the nation gave none


def _own_conflicts(package: LayerPackage) -> list[object]:
    """The conflicts a shipped layer's own rows cause when merged onto its parents."""
    from villagecat.registry import shipped_registry  # noqa: PLC0415

    return [c for c in merge(shipped_registry().chain(package)).conflicts if c.layer == package.layer.id]


def test_an_override_concerns_whom_its_target_concerns() -> None:
    """An override making a rule on 党政群机构 bind was counted 对村和社区收紧; --effective said 对其他承办者."""
    from layers import child_layer  # noqa: PLC0415
    from villagecat.diff import rate_operations  # noqa: PLC0415

    registry = shipped_registry()
    target = "cn.obligation.certificate-alternatives"
    old = child_layer("220000", "220102")
    new = child_layer(
        "220000", "220102", overrides=[{"target": target, "field": "modality", "op": "set", "value": "must"}]
    )
    registry.add(old)
    report = rate_operations(diff_packages(old, new), old, new, registry)
    (change,) = report.changes
    assert change.bound is not None
    assert (change.effect.value, report.audiences()["villages"]["tightens"]) == ("tightens", [])
    assert report.audiences()["others"]["tightens"] == [change]


def test_a_name_changed_without_keeping_the_old_one_is_told() -> None:
    """Renaming 收养人…证明 to 收养证明 was 一般 [certificate-citation-changed]; render by the old name then failed."""
    old = load_layer(NATIONAL)
    certificate = old.certificates[0]
    renamed = dataclasses.replace(old, certificates=_replace(old.certificates, certificate.id, name="新名称证明"))
    (change,) = diff_packages(old, renamed).changes
    assert (change.code, change.level) == ("certificate-name-changed", "warning")
    kept = dataclasses.replace(
        old,
        certificates=_replace(
            old.certificates, certificate.id, name="新名称证明", aliases=(*certificate.aliases, certificate.name)
        ),
    )
    assert {c.code for c in diff_packages(old, kept).changes} == {"certificate-citation-changed"}


def _province_and_county(tmp_path: Path, county_parent: str = "330000") -> tuple[Path, Path, Path]:
    """A province that raises 35 m² per 100 households to 45, outside the registry; a county below that set 40.

    The province makes the nation's advised standard binding (must) on both sides: raising it is 破坏性.
    """
    facility = "cn.facility.community-service-facility"
    target = {"target": facility, "field": "min_area_per_100_households_m2"}
    binding = {"target": facility, "field": "modality", "value": "must"}
    old, new = (
        save_layer(
            child_layer("cn", "330000", level="province", overrides=[{**target, "value": value}, binding]),
            tmp_path / side,
        )
        for side, value in (("old", "35"), ("new", "45"))
    )
    county = child_layer(county_parent, "330106", overrides=[{**target, "value": "40"}], version_range=">=0.1.0,<1.0.0")
    return old, new, save_layer(county, tmp_path / "county")


def test_a_county_below_the_diffed_layer_is_checked_without_the_old_side_registered(tmp_path: Path) -> None:
    """The county could not be attached (330000 was no registered layer): 新冲突 0 项, minor; impact failed."""
    old, new, county = _province_and_county(tmp_path)
    result = invoke("diff", str(old), str(new), "--layer", str(county), "--fail-on", "unannounced")
    assert "下级层：新冲突 1 项" in result.out
    assert "层 测试区（330106）0.1.0 版的条目 cn.facility.community-service-facility" in result.out
    assert "建议版本升级：主版本号（major）" in result.out
    assert result.code == 1  # the version (0.1.0) does not announce a major change
    shown = invoke("impact", str(old), str(new), "--layer", str(county))
    assert shown.code == 1, shown.err
    assert shown.err == ""
    assert "测试区（330106）：" in shown.out
    assert "冲突：层 测试区（330106）0.1.0 版的条目 cn.facility.community-service-facility" in shown.out
    # JSON carries the conflict's Chinese words as text describes it, beside the English (detail_zh was empty).
    payload = json.loads(invoke("impact", str(old), str(new), "--layer", str(county), "--format", "json").out)
    (conflict,) = [c for j in payload["jurisdictions"] for c in j["new_conflicts"]]
    assert (conflict["rule"], conflict["detail"], conflict["detail_zh"]) == (
        "increase_only",
        "may only rise",
        "该字段只能提高，不能降低",
    )
    assert f"不符合合并规则：{conflict['detail_zh']}（上级值 45，本层值 40）" in shown.out


def test_a_layer_below_that_cannot_be_checked_is_not_counted_as_free_of_conflicts(tmp_path: Path) -> None:
    """Its parent not given, the county was silently left out: 下级层：新冲突 0 项, and the gate passed."""
    old, new, county = _province_and_county(tmp_path, county_parent="330100")  # a city that is not given
    result = invoke("diff", str(old), str(new), "--layer", str(county), "--fail-on", "breaking")
    assert "下级层：新冲突 0 项，另有 1 个未核对" in result.out
    assert (
        "下级层未核对：测试区（330106）：层 330106 的上级层 330100 不存在；请用 --layer 一并给出其上级层" in result.out
    )
    assert result.code == 1
    assert "1 个下级层未核对（测试区（330106）），无从判断新版本是否与之冲突" in result.err
    # Announced and accepted, the change would pass: the layer not checked alone fails the gate.
    announced = load_layer(new)
    save_layer(dataclasses.replace(announced, layer=announced.layer.model_copy(update={"version": "0.2.0"})), new)
    accepted = tmp_path / "accepted.yaml"
    accepted.write_text("- {code: override-changed, item: 330000.override.o0, reason: 省里统一提高}\n", "utf-8")
    sides = (str(old), str(new), "--layer", str(county))
    gated = invoke("diff", *sides, "--fail-on", "breaking", "--accept", str(accepted))
    assert gated.code == 1
    assert (
        gated.err
        == "未通过审查（--fail-on breaking）：1 个下级层未核对（测试区（330106）），无从判断新版本是否与之冲突\n"
    )
    assert invoke("diff", *sides, "--fail-on", "unannounced").code == 0
    payload = json.loads(invoke("diff", str(old), str(new), "--layer", str(county), "--format", "json").out)
    (unchecked,) = payload["audiences"]["unchecked_child_layers"]
    assert (unchecked["layer"], unchecked["reason"]) == ("330106", "层 330106 的上级层 330100 不存在")
    schema = json.loads((REPO / "schemas" / "diff-report.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(payload, schema)
    shown = invoke("impact", str(old), str(new), "--layer", str(county))
    assert shown.code == 1
    assert "下级层未核对：测试区（330106）" in shown.out
    assert "1 个下级层未核对（测试区（330106））" in shown.err
    # A layer elsewhere (Jilin's county, its city not given) is no layer below Zhejiang: nothing to say of it.
    elsewhere = save_layer(child_layer("220100", "220102"), tmp_path / "jilin-county")
    quiet = invoke("diff", str(old), str(new), "--layer", str(elsewhere), "--fail-on", "breaking")
    assert "下级层未核对" not in quiet.out
    assert "220102" not in quiet.out
    assert "下级层：没有已知的下级层，未核对" in quiet.out  # and none below Zhejiang is known
    assert "1 项破坏性" in quiet.err
    assert "未核对" not in quiet.err


def test_release_counts_the_layers_below_given_with_layer(tmp_path: Path) -> None:
    """release took no --layer: a county in the province's repository did not count, and it bumped minor
    where diff --layer said major."""
    old, new, county = _province_and_county(tmp_path)
    released = invoke("release", str(new), "--against", str(old), "--layer", str(county), "--date", "2026-12-07")
    assert released.code == 0, released.err
    assert released.out.startswith("330000 0.1.0 → 1.0.0\n")
    assert load_layer(new).layer.version == "1.0.0"


def test_a_release_made_major_by_a_layer_below_says_which_in_its_report_and_notes(tmp_path: Path) -> None:
    """release --layer 西湖 bumped major for the county's conflict, yet its Markdown report and its notes
    showed only the province's own change, a minor release by itself: nothing said why."""
    old, new, county = _province_and_county(tmp_path)
    released = invoke("release", str(new), "--against", str(old), "--layer", str(county), "--date", "2026-12-07")
    assert released.code == 0, released.err
    # the row to change is named: the county's files are not what the reviewer has open
    said = (
        "· 下级层：新冲突 1 项\n\n- 下级层冲突（330106.override.o0）：层 测试区（330106）0.1.0 版的条目"
        " cn.facility.community"
    )
    assert said in released.out
    notes = load_layer(new).layer.releases[-1].notes
    summary = "破坏性 1 · 需关注 0 · 一般 0 · 版本升级：主版本号"  # the notes' own words: done, no English
    assert notes.startswith(f"{summary}。下级层新冲突 1 项（测试区（330106））。")
    markdown = invoke("diff", str(old), str(new), "--layer", str(county), "--format", "markdown", "--lang", "en").out
    said = (
        "child layers: 1 new conflicts\n\n- child layer conflict (330106.override.o0): "
        "layer Test (330106), version 0.1.0"
    )
    assert said in markdown
    # A county that could not be merged (its city not given) is said unchecked in both, never free of conflicts.
    old, new, county = _province_and_county(tmp_path / "unchecked", county_parent="330100")
    released = invoke("release", str(new), "--against", str(old), "--layer", str(county), "--date", "2026-12-07")
    assert released.code == 0, released.err
    unchecked = "- 下级层未核对：测试区（330106）：层 330106 的上级层 330100 不存在"
    assert f"下级层：新冲突 0 项，另有 1 个未核对\n\n{unchecked}" in released.out
    assert "。下级层未核对 1 个（测试区（330106））。" in load_layer(new).layer.releases[-1].notes


def _county_restating(tmp_path: Path, **fields: object) -> tuple[Path, Path]:
    """An empty county under Jilin, and the same county with one row restating Jilin's survey deadline."""
    from villagecat.models import Milestone  # noqa: PLC0415

    empty = save_layer(child_layer("220000"), tmp_path / "old")
    row = Milestone.model_validate(
        {
            "id": "220102.milestone.survey",
            "name": "深入开展相关调研，摸清村级组织工作事项底数",
            "citations": ["220000.document.measures#四(十三)"],
            "due": "2023-05",
            "due_text": "2023年5月底前",
            "restates": "220000.milestone.survey",
            **fields,
        }
    )
    return empty, save_layer(child_layer("220000", milestones=[row]), tmp_path / "new")


@pytest.mark.parametrize(
    ("fields", "level"),
    [
        ({}, "info"),  # restated as it is: nothing changes
        ({"due": "2023-05-31"}, "info"),  # the same deadline written to the day: reworded
        ({"due": "2023-04"}, "breaking"),  # brought forward: for those it binds, tighter
    ],
)
def test_a_restating_row_is_rated_by_what_it_does_to_the_item_it_restates(
    tmp_path: Path, fields: dict[str, object], level: str
) -> None:
    """A restatement of Jilin's deadline, as it is, was 破坏性 milestone-binding-added 对村和社区收紧."""
    old, new = _county_restating(tmp_path, **fields)
    payload = json.loads(invoke("diff", str(old), str(new), "--format", "json").out)
    (change,) = payload["changes"]
    assert (change["code"], change["level"]) == ("milestone-restated", level)
    if level == "breaking":
        assert change["bound"] == "各市（州）、县（市、区）"  # those it binds, not the villages


def test_a_deadline_written_to_the_day_is_the_same_deadline(tmp_path: Path) -> None:
    """2023-05 written 2023-05-31 was 需关注 (milestone-changed) and provenance said 改为."""
    old = load_layer(REPO / "data" / "provinces" / "220000-jilin")
    new = dataclasses.replace(old, milestones=_replace(old.milestones, "220000.milestone.survey", due="2023-05-31"))
    (change,) = diff_packages(old, new).changes
    assert (change.code, change.level, change.effect.value) == ("milestone-due-reworded", "info", "neutral")
    _, county = _county_restating(tmp_path, due="2023-05-31")
    explained = invoke("explain", "220102", "220000.milestone.survey", "due", "--layer", str(county))
    assert "220102 测试区 0.1.0：重申（取值不变） 2023-05-31" in explained.out


@pytest.mark.parametrize(
    ("bound", "whom"),
    [((), "对各市（州）、县（市、区）放宽"), (("各市（州）、县（市、区）", "乡镇党委和政府"), "对乡镇党委和政府收紧")],
)
def test_a_change_of_who_is_bound_concerns_those_added_or_dropped(bound: tuple[str, ...], whom: str) -> None:
    """Emptying who a deadline binds said 对村和社区放宽; adding one said 收紧 for all it binds."""
    old = load_layer(REPO / "data" / "provinces" / "220000-jilin")
    new = dataclasses.replace(old, milestones=_replace(old.milestones, "220000.milestone.survey", bound=bound))
    changes = [c for c in diff_packages(old, new).changes if c.field == "bound"]
    assert [whom in c.describe("zh") for c in changes] == [True]


def test_an_item_a_lower_layer_cancels_is_attributed_to_that_layer_in_the_effective_diff() -> None:
    """The effective diff names the layer that made each change: a cancelled item was removed by its canceller."""
    national = load_layer(NATIONAL)
    before = merge([national, child_layer("cn")])
    after = merge([national, child_layer("cn", cancellations=[{"target": "cn.duty.collective-economy"}])])
    (change,) = diff_catalogs(before, after).changes
    assert (change.code, change.item, change.layer) == ("duty-removed", "cn.duty.collective-economy", "220102")
    assert "（220102 层）" in change.describe("zh")
    (back,) = diff_catalogs(after, before).changes  # the cancellation dropped: the item is back, by the same layer
    assert (back.code, back.layer) == ("duty-added", "220102")


@pytest.mark.parametrize(
    ("parent", "target", "name", "effect", "words"),
    [
        # a duty the villages perform binds no one: its removal relaxes nothing, in the effective diff alike
        ("cn", "cn.duty.collective-economy", "发展壮大农村集体经济", Effect.NEUTRAL, None),
        # an optional plaque (一般 hung: advised) binds no one either
        ("cn", "cn.sign.service-guide", "集合式服务功能指引标识", Effect.NEUTRAL, None),
    ],
)
def test_a_cancellation_is_rated_by_what_removing_its_target_does_and_named_by_it(
    parent: str, target: str, name: str, effect: Effect, words: str | None
) -> None:
    """A layer's diff rates a cancellation as the effective diff rates its target's removal, and names the target."""
    old, new = child_layer(parent), child_layer(parent, cancellations=[{"target": target}])
    registry = shipped_registry()
    (removed,) = diff_catalogs(merge(registry.chain(old)), merge(registry.chain(new))).changes
    (change,) = rate_operations(diff_packages(old, new), old, new, registry).changes
    assert (change.item, change.effect, change.label) == (target, removed.effect, removed.label)
    assert change.effect is effect
    line = change.describe("zh")
    assert name in line
    assert (words is None and "放宽" not in line) or (words is not None and words in line)
    summary = format_report(rate_operations(diff_packages(old, new), old, new, registry), "text")
    assert "对村：收紧 0 项，放宽 0 项" in summary


@pytest.mark.parametrize(
    ("modality", "code", "level", "advised", "words", "eased"),
    [
        # 一般应达到: a shortfall is a 提示 before and after, so no village that complied is out of line
        (
            "should",
            "raised-advised",
            "warning",
            True,
            "对村收紧：加严建议，未达到只作提示",
            "对村放宽：建议放松，不具强制力",
        ),
        ("must", "raised", "breaking", False, "对村收紧：新增或加严义务", "对村放宽：义务减少或放松"),
        # the source states no binding word: a miss is a 提示 that says so (来源未写明约束力), never 不符合, and
        # never called advice either
        (
            None,
            "raised-unstated",
            "warning",
            False,
            "对村收紧：加严要求，来源未写明约束力，未达到只作提示",
            "对村放宽：要求放松，来源未写明约束力",
        ),
    ],
)
def test_a_tightened_value_binds_as_strongly_as_its_modality_says(  # noqa: PLR0917
    modality: str | None, code: str, level: str, advised: bool, words: str, eased: str
) -> None:
    """Raising Jilin's 60 % (modality empty: a miss is a 提示) read 破坏性 新增或加严义务, failing --fail-on breaking.

    Only a binding minimum raised puts a village that complied out of line (不符合); one advised (一般) or one
    whose binding word the source does not state is a 提示 before and after: 需关注, with a code of its own.
    """
    jilin = load_layer(REPO / "data" / "provinces" / "220000-jilin")
    old = dataclasses.replace(
        jilin, facilities=_replace(jilin.facilities, "220000.facility.village", modality=modality)
    )
    new = dataclasses.replace(
        old, facilities=_replace(old.facilities, "220000.facility.village", min_floor_area_m2=250.0)
    )
    report = diff_packages(old, new)
    (change,) = report.changes
    assert (change.code, change.level, change.advised, change.to_dict()["advised"]) == (
        f"facility-min-floor-area-{code}",
        level,
        advised,
        advised,
    )
    assert CHANGE_LEVELS[change.code][0] == level  # a level is its code's
    assert words in change.describe("zh")
    assert words in format_report(report, "text")
    report.declared_bump = "minor"  # announced: only the levels decide the gate
    assert report.fails("breaking") is (level == "breaking")
    assert report.fails("warning")
    (back,) = diff_packages(new, old).changes
    assert (back.code, back.level) == ("facility-min-floor-area-lowered", "info")
    assert eased in back.describe("zh")


@pytest.mark.parametrize(
    ("modality", "widened", "narrowed"),
    [
        # 原则上 (should): the places added are advised; no obligation is added or dropped, and no check measures
        # anyone against a rule among the obligations (减负措施), so no shortfall is noted either
        ("should", "对社区收紧：加严建议，不具强制力，不判不符合", "对社区放宽：建议放松，不具强制力"),
        ("must", "对社区收紧：新增或加严义务", "对社区放宽：义务减少或放松"),
    ],
)
def test_a_rule_reaching_more_places_is_said_as_advice_where_its_modality_binds_on_neither_side(
    modality: str, widened: str, narrowed: str
) -> None:
    """National 0.6.0 left 二(二)5's 原则上 rule's scope empty (村 → 村和社区): communities get advice, not a duty."""
    national = load_layer(NATIONAL)
    rule = "cn.obligation.offices-in-facility"
    old = dataclasses.replace(
        national,
        obligations=_replace(national.obligations, rule, applies_to=Scope.VILLAGE, modality=Modality(modality)),
    )
    new = dataclasses.replace(old, obligations=_replace(old.obligations, rule, applies_to=None))
    for before, after, code, words in ((old, new, "widened", widened), (new, old, "narrowed", narrowed)):
        (change,) = diff_packages(before, after).changes
        # widening advice adds a 提示 where a miss was nothing: 需关注 with its own code, not 破坏性
        advice = "-advised" if modality == "should" and code == "widened" else ""
        assert change.code == f"obligation-scope-{code}{advice}"
        assert change.level == ("breaking" if code == "widened" and not advice else "warning" if advice else "info")
        assert (change.advised, change.to_dict()["advised"]) == ((modality == "should"),) * 2
        assert words in change.describe("zh")
        assert words in format_report(diff_packages(before, after), "text")


def test_an_override_of_an_advised_size_is_said_as_advice_in_the_layers_diff_and_the_effective_one() -> None:
    """Jilin's plaques are 一般应在 200 × 30 cm 以内 (should): an override lowering the long side tightens advice."""
    jilin = load_layer(REPO / "data" / "provinces" / "220000-jilin")
    target = "220000.override.party-organisation-long-side"
    new = dataclasses.replace(jilin, overrides=_replace(jilin.overrides, target, value=180.0))
    registry = shipped_registry()
    (change,) = rate_operations(diff_packages(jilin, new), jilin, new, registry).changes
    (effective,) = diff_catalogs(merge(registry.chain(jilin)), merge(registry.chain(new))).changes
    for found in (change, effective):
        assert found.advised
        assert "对村收紧：加严建议" in found.describe("zh")
        assert "tightens what is advised to villages" in found.describe("en")


def test_a_package_a_diff_cannot_read_is_named_with_the_file_and_line(tmp_path: Path) -> None:
    """A diff reads two versions and the layers below, each with an overrides.csv: the error names the package too."""
    jilin = REPO / "data" / "provinces" / "220000-jilin"
    county = write_child(
        tmp_path,
        "220000",
        overrides=[{"target": "220000.facility.village", "field": "min_floor_area_m2", "op": "set", "value": "220"}],
    )
    edit(county / "overrides.csv", ",测试覆盖,", ",,")  # a clerk left the override's name empty
    result = invoke("diff", str(jilin), str(jilin), "--layer", str(county))
    assert result.code == 1
    assert result.err == (f"villagecat: {county}：overrides.csv 第 2 行 字段 name（名称）：缺少必填字段\n")


@pytest.mark.parametrize(
    ("due", "due_text", "codes", "bump"),
    [
        # put off, in the source's words too: one change, a patch (the words were 需关注 and made it minor)
        ("2023-06", "2023年6月底前", ["milestone-due-put-off", "milestone-due-text-changed"], "patch"),
        ("2023-04", "2023年4月底前", ["milestone-due-brought-forward", "milestone-due-text-changed"], "major"),
        # the words alone changed, the date not: which is right the data cannot tell, and the words may say another
        # deadline: 需关注 under a code that says so
        ("2023-05", "2023年6月底前", ["milestone-due-text-rewritten"], "minor"),
    ],
)
def test_a_deadline_s_words_changed_with_its_date_are_the_same_change(
    due: str, due_text: str, codes: list[str], bump: str
) -> None:
    """A deadline put off with its words (2023-05 → 2023-06, 5月底前 → 6月底前) is not 需关注 for the words."""
    old = load_layer(REPO / "data" / "provinces" / "220000-jilin")
    new = dataclasses.replace(
        old, milestones=_replace(old.milestones, "220000.milestone.survey", due=due, due_text=due_text)
    )
    report = diff_packages(old, new)
    assert [c.code for c in report.changes] == codes
    assert report.suggested_bump == bump
    assert {c.code: c.level for c in report.changes}.get("milestone-due-text-changed", "info") == "info"


def test_a_violation_names_the_item_it_breaks_as_every_change_does() -> None:
    """A violation showed the item by its id alone, where every other change shows its Chinese name and scope."""
    lowered = child_layer(
        "cn",
        overrides=[
            {
                "target": "cn.facility.community-service-facility",
                "field": "min_area_per_100_households_m2",
                "op": "set",
                "value": "20",
            }
        ],
    )
    (violation,) = rule_violations(child_layer("cn"), lowered, shipped_registry())
    assert violation.label == "城乡社区综合服务设施 · 村和社区"
    assert violation.describe("zh").startswith(
        "[rule-violated] cn.facility.community-service-facility（城乡社区综合服务设施 · 村和社区）"
        "的“每百户最小面积（平方米）”：30 → 20"
    )


def test_a_restating_row_says_each_thing_it_does_and_counts_it_for_whom_it_concerns() -> None:
    """A row restating 村党群服务中心 for villages only (communities dropped) and with a dedicated post was one
    需关注 change, neither tightening nor relaxing: 对社区放宽 0 项, where ``--effective`` said 1."""
    from villagecat.models import Mechanism  # noqa: PLC0415

    row = Mechanism(
        id="220102.mechanism.party-service-centre",
        name="村党群服务中心",
        citations=(Citation(document="cn.document.tingzi-2022-28", section="二(二)5"),),
        mechanism_type=MechanismType.CENTRE,
        applies_to=Scope.VILLAGE,
        dedicated_post=True,
        restates="cn.mechanism.party-service-centre",
    )
    old = child_layer("cn")
    old = dataclasses.replace(old, layer=old.layer.model_copy(update={"covers": [Scope.BOTH]}))
    new = dataclasses.replace(old, mechanisms=(row,))
    registry = shipped_registry()
    effective = diff_catalogs(merge(registry.chain(old)), merge(registry.chain(new)))
    report = rate_operations(diff_packages(old, new), old, new, registry)

    def counts(found: DiffReport) -> dict[str, dict[str, int]]:
        audiences = found.audiences()
        return {
            whom: {how: len(changes) for how, changes in audiences[whom].items()}
            for whom in ("villages", "communities")
        }

    assert counts(report) == counts(effective)
    assert counts(report)["communities"]["loosens"] == 1
    lines = format_report(report, "text").splitlines()
    assert any("[mechanism-restated]" in line and "对社区放宽" in line for line in lines)
    assert report.worst == effective.worst == "warning"


def test_a_restating_row_that_tightens_for_some_and_relaxes_for_others_says_both() -> None:
    """Restating a province's advised facility for villages only, at 35 m² per 100 households: 对村收紧 and 对社区放宽.

    (An advised rule may be narrowed; one of unstated strength, as the nation's NDRC target now is, may not.)
    """
    from villagecat.models import FacilityStandard, Layer  # noqa: PLC0415

    def both(layer: Layer) -> Layer:
        return layer.model_copy(update={"covers": (Scope.VILLAGE, Scope.COMMUNITY)})

    advised = FacilityStandard(
        id="430000.facility.service-facility",
        name="城乡社区综合服务设施面积",
        citations=(Citation(document="cn.document.tingzi-2022-28", section="二(二)5"),),
        applies_to=Scope.BOTH,
        modality=Modality.SHOULD,
        min_area_per_100_households_m2=30,
    )
    province = child_layer("cn", "430000", level="province", facilities=(advised,))
    province = dataclasses.replace(province, layer=both(province.layer))
    row = FacilityStandard(
        id="430102.facility.service-facility",
        name="城乡社区综合服务设施面积",
        citations=(Citation(document="cn.document.tingzi-2022-28", section="二(二)5"),),
        applies_to=Scope.VILLAGE,
        modality=Modality.SHOULD,
        min_area_per_100_households_m2=35,
        restates="430000.facility.service-facility",
    )
    old = child_layer("430000", "430102")
    old = dataclasses.replace(old, layer=both(old.layer))
    new = dataclasses.replace(old, facilities=(row,))
    registry = shipped_registry([province])
    merged = merge(registry.chain(new))
    assert not merged.conflicts
    effective = diff_catalogs(merge(registry.chain(old)), merged)
    report = rate_operations(diff_packages(old, new), old, new, registry)
    said = {(c.effect, c.scope) for c in report.changes if c.effect is not Effect.NEUTRAL}
    assert said == {(c.effect, c.scope) for c in effective.changes if c.effect is not Effect.NEUTRAL}
    assert said == {(Effect.TIGHTENS, Scope.VILLAGE), (Effect.LOOSENS, Scope.COMMUNITY)}
    assert {c.code for c in report.changes} == {"facility-restated"}


def test_an_override_removed_is_rated_by_what_it_did_to_its_own_field() -> None:
    """Dropping Jilin's 200 cm limit on the Party plaque relaxes advice (一般) and breaks no integrator, yet it was
    破坏性, a major release, and took the level of another override of the same plaque (its colour)."""
    jilin = load_layer(REPO / "data" / "provinces" / "220000-jilin")
    gone = {"220000.override.party-organisation-long-side", "220000.override.party-organisation-text"}
    new = dataclasses.replace(jilin, overrides=tuple(o for o in jilin.overrides if o.id not in gone))
    registry = shipped_registry()
    report = rate_operations(diff_packages(jilin, new), jilin, new, registry)
    rated = {c.item: (c.code, c.level, c.effect) for c in report.changes}
    assert rated == {
        "220000.override.party-organisation-long-side": ("override-removed", "info", Effect.LOOSENS),
        "220000.override.party-organisation-text": ("override-removed", "breaking", Effect.NEUTRAL),
    }
    assert report.audiences()["integrators"] == []  # an override's id is no catalog item's
    only_the_limit = dataclasses.replace(
        jilin, overrides=tuple(o for o in jilin.overrides if o.id != "220000.override.party-organisation-long-side")
    )
    relaxed = rate_operations(diff_packages(jilin, only_the_limit), jilin, only_the_limit, registry)
    assert relaxed.suggested_bump == "patch"
    assert "对村放宽：建议放松" in format_report(relaxed, "text")


def test_an_english_report_names_the_layer_in_english(revision: Path) -> None:
    """`diff --lang en` headed its text and Markdown with 全国, where `catalog --lang en` says National."""
    text = invoke("diff", str(NATIONAL), str(revision), "--lang", "en").out
    assert text.splitlines()[0].startswith("National cn ")
    markdown = invoke("diff", str(NATIONAL), str(revision), "--format", "markdown", "--lang", "en").out
    assert markdown.startswith("## National ")
    assert invoke("diff", str(NATIONAL), str(revision)).out.startswith("全国 cn ")
    report = json.loads(invoke("diff", str(NATIONAL), str(revision), "--format", "json").out)
    assert (report["old"]["name_zh"], report["old"]["name_en"]) == ("全国", "National")


def test_a_rule_that_names_no_one_is_not_said_to_bind_villages() -> None:
    """Removing Shangdang's deadline 集中规范村级组织标识牌, which names no one, said 对村收紧 / 对村放宽.

    Its source sets the deadline for those carrying out the plan; it names no one, so the
    report says so (对未写明的承办者) and counts it apart from villages and from named others.
    """
    old = load_layer(REPO / "data" / "provinces" / "140000-shanxi" / "140404-shangdang")
    milestone = next(m for m in old.milestones if not m.bound)
    new = dataclasses.replace(old, milestones=tuple(m for m in old.milestones if m.id != milestone.id))
    report = diff_packages(old, new)
    (change,) = report.changes
    assert change.bound == ""
    assert change.describe("zh").endswith("（对未写明的承办者放宽：义务减少或放松）")
    assert "those the source does not name" in change.describe("en")
    audiences = report.audiences()
    assert (audiences["villages"]["loosens"], audiences["others"]["loosens"]) == ([], [])
    assert audiences["unnamed"]["loosens"] == [change]
    assert "对未写明的承办者：收紧 0 项，放宽 1 项" in format_report(report, "text", lang="zh")
    assert report.to_dict()["audiences"]["unnamed"] == {"tightens": [], "loosens": [milestone.id]}
    national = load_layer(NATIONAL)
    rule = next(o for o in national.obligations if not o.bound and o.modality is not None)
    loosened = dataclasses.replace(national, obligations=_replace(national.obligations, rule.id, modality=None))
    (relaxed,) = diff_packages(national, loosened).changes
    assert relaxed.bound == ""


@pytest.mark.parametrize(
    "target",
    [
        "cn.obligation.no-plaques-forms-traces",  # bound empty: names no one
        "cn.obligation.no-matching-plaques",  # binds departments
    ],
)
def test_a_refused_cancellation_of_a_rule_is_the_violation_alone(target: str, tmp_path: Path) -> None:
    """A cancellation merge refuses (a rule may not be cancelled) left the rule where it was, yet its row was also
    rated 破坏性, a relaxation (对党政群机构放宽) and an integrator's change, making the release major. Nothing
    changed in the catalog: the report is the violation alone, and asks for no bump."""
    old, new = child_layer("cn"), child_layer("cn", cancellations=[{"target": target}])
    registry = shipped_registry()
    rule = next(o for o in load_layer(NATIONAL).obligations if o.id == target)
    report = rate_operations(diff_packages(old, new), old, new, registry)
    report.changes[:0] = rule_violations(old, new, registry)
    (violation,) = report.changes
    assert (violation.code, violation.level, violation.item, violation.label) == (
        "rule-violated",
        "violation",
        target,
        rule.name,
    )
    audiences = report.audiences()
    assert [c for who in ("villages", "communities", "others", "unnamed") for c in audiences[who]["loosens"]] == []
    assert audiences["integrators"] == []
    assert report.suggested_bump == "none"
    shown = invoke("diff", str(save_layer(old, tmp_path / "old")), str(save_layer(new, tmp_path / "new")))
    assert shown.code == 1
    assert shown.out.splitlines()[1] == "违反规则 1 · 破坏性 0 · 需关注 0 · 一般 0 · 建议版本升级：无需升级（none）"


def test_a_renumbered_item_names_the_layer_that_renumbered_it_in_the_effective_diff() -> None:
    """`diff --effective` names the layer that made each change; a renumbered item (replaces) named none."""
    jilin = load_layer(REPO / "data" / "provinces" / "220000-jilin")
    old_id = "220000.milestone.review"
    new = dataclasses.replace(
        jilin,
        milestones=_replace(jilin.milestones, old_id, id="220000.milestone.look-back", replaces=old_id),
    )
    registry = shipped_registry()
    report = diff_catalogs(merge(registry.chain(jilin)), merge(registry.chain(new)))
    (renamed,) = [c for c in report.changes if c.code == "milestone-renamed"]
    assert renamed.layer == "220000"
    assert "（220000 层）" in renamed.describe("zh")


def test_cli_csv_says_whom_each_change_concerns_as_the_text_report_does() -> None:
    """The CSV had no word of whom a change binds: a deadline naming no one, brought forward, read 破坏性 alone,
    where the text says 对未写明的承办者收紧; a clerk reading it in Excel took it for the villages'."""
    jilin = load_layer(REPO / "data" / "provinces" / "220000-jilin")
    milestone = next(m for m in jilin.milestones if not m.bound)
    earlier = f"{int(milestone.due[:4]) - 1}{milestone.due[4:]}"
    new = dataclasses.replace(
        jilin,
        milestones=_replace(jilin.milestones, milestone.id, due=earlier),
        facilities=_replace(jilin.facilities, "220000.facility.village-activity-share", min_activity_area_pct=65.0),
    )
    report = diff_packages(jilin, new)
    columns: tuple[tuple[Literal["zh", "en"], str], ...] = (("zh", "说明"), ("en", "meaning"))
    for lang, column in columns:
        rows = list(csv.DictReader(io.StringIO(format_report(report, "csv", lang=lang).removeprefix("\ufeff"))))
        said = {r["标识" if lang == "zh" else "id"]: r[column] for r in rows}
        assert said == {c.item: c.meaning(lang) for c in report.changes}
    assert said[milestone.id] == "tightens the obligations of those the source does not name"
    zh = format_report(report, "csv")
    assert "对未写明的承办者收紧：新增或加严义务" in zh
    assert "对村收紧：加严要求，来源未写明约束力，未达到只作提示" in zh  # Jilin's 60 % names no binding word


@pytest.mark.parametrize("effective", [False, True])
def test_writing_out_the_places_an_empty_applies_to_already_reaches_changes_no_one_s_rule(effective: bool) -> None:
    """An obligation's empty 适用范围 written 村和社区 in a layer covering both was 需关注 (影响无法由数据判断):
    the places it reaches are the same, so it is one 一般 change saying so, and no bump beyond a patch."""
    national = load_layer(NATIONAL)
    rule = next(o for o in national.obligations if o.applies_to is None)
    assert national.layer.reach is Scope.BOTH
    new = dataclasses.replace(national, obligations=_replace(national.obligations, rule.id, applies_to=Scope.BOTH))
    if effective:
        registry = shipped_registry()
        report = diff_catalogs(merge(registry.chain(national)), merge([new]))
    else:
        report = diff_packages(national, new)
    (change,) = report.changes
    assert (change.code, change.level, change.effect) == ("obligation-scope-reworded", "info", Effect.NEUTRAL)
    assert change.meaning("zh") == (
        "适用范围换了写法，所及之处相同（留空表示与条目所在层的适用范围相同：如留空与写明本层所适用的村和社区）"
    )
    assert report.suggested_bump == "patch"


def test_impact_says_whom_each_jurisdiction_s_changes_concern_as_diff_does(revision: Path) -> None:
    """`impact` counted each jurisdiction's changes by level only, and its JSON had no audiences: a reviewer could
    not see whom the revision tightens or relaxes there, as `diff` says it. Each jurisdiction now says it, alike."""
    registry = shipped_registry()
    result = impact(load_layer(NATIONAL), load_layer(revision), registry)
    text = invoke("impact", str(NATIONAL), str(revision)).out.splitlines()
    payload = json.loads(invoke("impact", str(NATIONAL), str(revision), "--format", "json").out)
    for entry, listed in zip(result.jurisdictions, payload["jurisdictions"], strict=True):
        said = format_report(entry.diff, "text").splitlines()[2].split(" · 下级层")[0]
        assert said.startswith("对村：收紧 ")
        (at,) = [i for i, line in enumerate(text) if line.startswith(f"  {entry.name_zh}（{entry.jurisdiction}）：")]
        assert text[at + 1] == f"    {said}"  # under the jurisdiction's counts
        assert listed["audiences"] == {
            whom: {effect: [c.item for c in found] for effect, found in entry.diff.audiences()[whom].items()}
            for whom in ("villages", "communities", "others", "unnamed")
        } | {"integrators": []}
    tightened = payload["jurisdictions"][0]["audiences"]["villages"]["tightens"]
    assert tightened == ["cn.facility.community-service-facility"]
    en = invoke("impact", str(NATIONAL), str(revision), "--lang", "en").out
    assert "    villages: 1 tightened, 1 relaxed" in en


SHANGDANG = REPO / "data" / "provinces" / "140000-shanxi" / "140404-shangdang"


@pytest.mark.parametrize(
    ("resource", "row", "item"),
    [
        (  # a red line cancelled: merge refused it, and the next revision takes the row out
            "cancellations.csv",
            (
                "140404.cancellation.no-work-safety,不再列为负面事项,140404.clause.implementation-plan-2-2-4,,,,"
                "cn.duty.no-work-safety,本区不再列为负面事项"
            ),
            "cn.duty.no-work-safety",
        ),
        (  # a red line's kind overridden: refused alike
            "overrides.csv",
            (
                "140404.override.ws-kind,cn.duty.no-work-safety duty_kind,140404.clause.implementation-plan-2-2-4,,,,"
                "cn.duty.no-work-safety,duty_kind,set,performs"
            ),
            "140404.override.ws-kind",
        ),
    ],
)
def test_withdrawing_an_operation_merge_refused_is_the_violation_withdrawn(
    resource: str, row: str, item: str, tmp_path: Path
) -> None:
    """A county's cancellation (or override) that merge refused never applied: withdrawing it changes nothing for the
    villages. It was reported 需关注 [duty-restored] 对村收紧 (the override 破坏性 [override-removed]), asking a minor
    release; it is the violation withdrawn, 一般, tightening or relaxing no one."""
    old, new = tmp_path / "old", tmp_path / "new"
    shutil.copytree(SHANGDANG, old)
    shutil.copytree(SHANGDANG, new)
    with (old / resource).open("a", encoding="utf-8") as f:
        f.write(row + "\n")
    assert invoke("diff", str(new), str(old)).out.splitlines()[1].startswith("违反规则 1 ")  # the refusal, as it was
    report = json.loads(invoke("diff", str(old), str(new), "--format", "json").out)
    (change,) = report["changes"]
    assert (change["code"], change["level"], change["effect"], change["item"]) == (
        "rule-violation-withdrawn",
        "info",
        "neutral",
        item,
    )
    assert report["suggested_bump"] == "patch"
    assert all(report["audiences"][who][way] == [] for who in ("villages",) for way in ("tightens", "loosens"))
    text = invoke("diff", str(old), str(new)).out.splitlines()
    assert text[3].startswith("对村：收紧 0 项，放宽 0 项")
    assert text[4].startswith(f"  一般 [rule-violation-withdrawn] {item}（")
    cells = invoke("diff", str(old), str(new), "--format", "csv").out.splitlines()[1].split(",")
    assert cells[:3] == ["删除", "一般", "rule-violation-withdrawn"]


def test_a_deadline_s_words_rewritten_alone_say_what_to_check(tmp_path: Path) -> None:
    """Shangdang's 8月 10日前 rewritten 8月 10日起, the date kept: a deadline became a start, and the report said only
    [milestone-changed] 字段变化，影响无法由数据判断. It is 需关注 (the data cannot tell which is right, and it is no
    mere wording), under a code of its own that says the words may state another deadline than the date."""
    old, new = tmp_path / "old", tmp_path / "new"
    shutil.copytree(SHANGDANG, old)
    shutil.copytree(SHANGDANG, new)
    edit(new / "milestones.csv", ",2023-08-10,8月 10日前,", ",2023-08-10,8月 10日起,")
    text = invoke("diff", str(old), str(new)).out.splitlines()
    assert text[1] == "破坏性 0 · 需关注 1 · 一般 0 · 建议版本升级：次版本号（minor）"
    assert text[4].startswith("  需关注 [milestone-due-text-rewritten] 140404.milestone.self-inspection（")
    assert "的“时限原文”" in text[4]
    row = next(csv.reader(io.StringIO(invoke("diff", str(old), str(new), "--format", "csv").out.splitlines()[1])))
    assert row[2] == "milestone-due-text-rewritten"
    assert row[-1] == (
        "时限原文改写而截止日期未变：原文可能说的是另一时限（如“8月10日前”改为“8月10日起”），请核对截止日期是否仍与原文相符"
    )


def test_an_empty_scope_is_where_the_item_s_own_layer_applies_in_a_catalog_below(tmp_path: Path) -> None:
    """Shanxi covers villages only; its rule 140000.obligation.item-8 written 村, then left empty (留空表示与所在层的
    适用范围相同), reaches the same villages. In the catalog of a county below that covers villages and communities, the
    effective diff read the empty scope as the county's coverage: 破坏性 [obligation-scope-widened], 收紧, as if the
    province's rule now bound communities. It is worded otherwise (一般 [obligation-scope-reworded]), for every
    jurisdiction below."""
    shanxi = REPO / "data" / "provinces" / "140000-shanxi"
    old, new = tmp_path / "old", tmp_path / "new"
    shutil.copytree(shanxi, old, ignore=shutil.ignore_patterns("140404-*"))
    shutil.copytree(shanxi, new, ignore=shutil.ignore_patterns("140404-*"))
    rows = list(csv.reader(io.StringIO((old / "obligations.csv").read_text(encoding="utf-8"))))
    own = next(r for r in rows[1:] if not r[rows[0].index("restates")])
    assert own[rows[0].index("applies_to")] == ""
    own[rows[0].index("applies_to")] = "village"
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    (old / "obligations.csv").write_text(buffer.getvalue(), encoding="utf-8")
    county = tmp_path / "county"
    made = invoke(
        "init", str(county), "--level", "county", "--code", "140405", "--name", "测试区", "--parent", "140000",
        "--covers", "both", "--layer", str(new),
    )  # fmt: skip
    assert made.code == 0, made.err
    shown = json.loads(invoke("impact", str(old), str(new), "--layer", str(county), "--format", "json").out)
    for jurisdiction in shown["jurisdictions"]:
        codes = {(c["item"], c["code"], c["level"], c["effect"]) for c in jurisdiction["changes"]}
        assert codes == {(own[0], "obligation-scope-reworded", "info", "neutral")}, jurisdiction["jurisdiction"]
    assert "140405" in {j["jurisdiction"] for j in shown["jurisdictions"]}


def test_an_empty_scope_says_it_is_the_layers_own() -> None:
    """An applies_to emptied read 村（village） → （空）: empty is the scope of the item's layer, and diff says so."""
    national = load_layer(NATIONAL)
    sign = next(s for s in national.signs if s.applies_to is not None)
    emptied = dataclasses.replace(national, signs=_replace(national.signs, sign.id, applies_to=None))
    (change,) = [c for c in diff_packages(national, emptied).changes if c.field == "applies_to"]
    assert "（空：同所在层的适用范围）" in change.describe("zh")
    assert "(empty: the scope of its layer)" in change.describe("en")
    rows = list(
        csv.DictReader(io.StringIO(format_report(diff_packages(national, emptied), "csv").removeprefix("\ufeff")))
    )
    assert "（空：同所在层的适用范围）" in {r["新值"] for r in rows}


def test_the_change_codes_page_says_an_operation_is_rated_by_what_it_does(tmp_path: Path) -> None:
    """The page gave ``override-removed`` as 破坏性 (引用其标识的系统将失效) alone; diff rates it by what it does."""
    from villagecat.diff import CHANGE_LEVELS  # noqa: PLC0415

    ninghe = REPO / "data" / "provinces" / "120000-tianjin" / "120117-ninghe"
    old, new = tmp_path / "old", tmp_path / "new"
    shutil.copytree(ninghe, old)
    shutil.copytree(ninghe, new)
    overrides = new / "overrides.csv"
    lines = overrides.read_text(encoding="utf-8").splitlines(keepends=True)
    overrides.write_text("".join([lines[0], *lines[2:]]), encoding="utf-8")  # one override fewer
    report = json.loads(invoke("diff", str(old), str(new), "--format", "json").out)
    (removed,) = [c for c in report["changes"] if c["code"] == "override-removed"]
    assert removed["does"], removed
    assert removed["level"] != CHANGE_LEVELS["override-removed"][0]  # the table's level is not what it gets
    page = codes_markdown()
    assert "`does`" in page, "the page says an operation's level is what it does to its target"


def test_a_change_of_the_layer_itself_is_named_by_the_layer_s_name_in_release_notes() -> None:
    """Jilin's parent range widened read, in release's notes, 220000 的“上级层”：…: a clerk's notes named the layer
    by a code only integrators know, where every item is named by its Chinese name."""
    old = load_layer(REPO / "data" / "provinces" / "220000-jilin")
    assert old.layer.parent is not None
    parent = old.layer.parent.model_copy(update={"version_range": ">=0.1.0,<9.0.0"})
    new = dataclasses.replace(old, layer=old.layer.model_copy(update={"parent": parent}))
    (change,) = diff_packages(old, new).changes
    assert change.code == "layer-parent-changed"
    assert change.describe("zh", codes=False).startswith("吉林省 的“上级层”")
    assert change.describe("zh").startswith("[layer-parent-changed] 220000（吉林省）的“上级层”")


def test_a_value_back_to_the_parents_is_attributed_to_the_layer_that_dropped_its_override() -> None:
    """Ninghe dropped its override of a sign's modality: --effective said (cn 层), as if the nation had changed it.

    The layer that set the old value and no longer does made the change; the parent's value only shows again.
    """
    from layers import child_layer  # noqa: PLC0415

    registry = shipped_registry()
    target = "cn.obligation.certificate-alternatives"
    setting = child_layer("220000", "220102", overrides=[{"target": target, "field": "modality", "value": "must"}])
    plain = child_layer("220000", "220102")
    with_override, without = merge(registry.chain(setting)), merge(registry.chain(plain))
    (dropped,) = (c for c in diff_catalogs(with_override, without).changes if c.field == "modality")
    assert (dropped.item, dropped.layer) == (target, "220102")
    assert "（220102 层）" in dropped.describe("zh")
    (added,) = (c for c in diff_catalogs(without, with_override).changes if c.field == "modality")
    assert added.layer == "220102"
