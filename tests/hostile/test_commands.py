"""Hostile use of the less-tested commands: patch, lint, init, catalog and the checks' Markdown, YAML inputs.

Each test is a mistake a clerk, a script or a reviewer makes, run as they would run it;
the law is the README's: one clear Chinese line naming the file and what is wrong, exit 1
(invalid) or 2 (unreadable), never a traceback, never unbounded time.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest

from conftest import NATIONAL, REPO, edit, invoke

if TYPE_CHECKING:
    from pathlib import Path


def _cli(*argv: str) -> tuple[int, str]:
    """Run the CLI in a new process, bounded in time: a hang is a failure, not a stuck test run."""
    code = "import sys\nfrom villagecat.cli import main\nmain(sys.argv[1:])"
    done = subprocess.run(
        [sys.executable, "-c", code, *argv],
        env={**os.environ, "LANG": "C.UTF-8"},
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    text = done.stdout + done.stderr
    assert "Traceback" not in text
    assert "内部错误" not in text
    return done.returncode, text


#: Every reader of a user's YAML file, each given a document whose alias contains itself.
_YAML_READERS = {
    "audit": ("audit", "{file}", "-j", "120117"),
    "check signage": ("check", "signage", "{file}", "-j", "120117"),
    "check facility --file": ("check", "facility", "--file", "{file}", "-j", "220000"),
    "diff --accept": ("diff", str(NATIONAL), str(NATIONAL), "--accept", "{file}"),
    "quotes --texts": ("quotes", str(NATIONAL), "--texts", "{file}"),
}


@pytest.mark.parametrize("command", list(_YAML_READERS))
def test_a_yaml_alias_that_contains_itself_is_refused_not_walked_forever(tmp_path: Path, command: str) -> None:
    """``&a [*a]`` is a list holding itself: every reader refuses it at once, naming the file and line (exit 2)."""
    file = tmp_path / "loop.yaml"
    file.write_text("- 甲村\n- &a [*a]\n", encoding="utf-8")
    code, text = _cli(*(part.format(file=file) for part in _YAML_READERS[command]))
    assert code == 2
    assert "loop.yaml" in text
    assert "第 2 行" in text
    assert "别名（*）引用了包含它自身的内容" in text


def _patch(tmp_path: Path, *operations: dict[str, object], base: Path = NATIONAL) -> tuple[int, str]:
    """Apply ``operations`` to ``base`` with ``villagecat patch``, as a script would; nothing written on failure."""
    patch = tmp_path / "change.json"
    patch.write_text(json.dumps(list(operations), ensure_ascii=False), encoding="utf-8")
    result = invoke("patch", str(base), str(patch), "-o", str(tmp_path / "out"))
    assert "Traceback" not in result.err
    if result.code:
        assert not (tmp_path / "out").exists()
    return result.code, result.err


@pytest.mark.parametrize(
    ("operation", "said"),
    [
        ({"op": "replace", "path": "/items", "value": []}, "/items 应为键值表，补丁后却是一个列表"),
        ({"op": "replace", "path": "/items/duties", "value": "x"}, "/items/duties 应为键值表，补丁后却是一段文字"),
        ({"op": "replace", "path": "/order/duties", "value": "x"}, "/order/duties 应为一个列表，补丁后却是一段文字"),
        (
            {"op": "add", "path": "/order/duties/-", "value": {"a": 1}},
            "/order/duties/12 应为一段文字，补丁后却是键值表",
        ),
        ({"op": "replace", "path": "/layer", "value": None}, "/layer 应为键值表，补丁后却是其他值"),
        ({"op": "remove", "path": "/order/signs"}, "缺少 /order/signs"),
    ],
)
def test_a_patch_that_breaks_the_documents_shape_names_the_part(
    tmp_path: Path, operation: dict[str, object], said: str
) -> None:
    """A part of the document form made the wrong shape was told as 缺少 TypeError, or as items the patch adds."""
    code, err = _patch(tmp_path, operation)
    assert code == 1
    assert err == f"villagecat: 打补丁后的文档不是有效的数据包：{said}\n"
    assert "TypeError" not in err


def test_lint_of_several_packages_in_json_is_one_json_document() -> None:
    """Several packages printed one JSON object after another, which no JSON reader takes."""
    jilin = str(REPO / "data" / "provinces" / "220000-jilin")
    result = invoke("lint", str(NATIONAL), jilin, "--format", "json")
    payload = json.loads(result.out)
    assert [r["jurisdiction"] for r in payload["reports"]] == ["cn", "220000"]
    assert payload["failed"] is any(r["failed"] for r in payload["reports"])
    alone = json.loads(invoke("lint", jilin, "--format", "json").out)
    assert alone == payload["reports"][1]  # one package's report is as every check's


@pytest.mark.parametrize(
    ("level", "code", "said"),
    [
        ("county", "140405000", "--code “140405000” 与 --level county（县级）不符：县级代码为 6 位"),
        ("township", "140405", "--code “140405” 与 --level township（乡镇级）不符：乡镇级代码为 9 位"),
        ("province", "140405", "--code “140405” 与 --level province（省级）不符：省级代码后 4 位为 0"),
        ("prefecture", "140000", "--code “140000” 与 --level prefecture（市级）不符：市级代码后 2 位为 0"),
        ("county", "140000", "--code “140000” 与 --level county（县级）不符：县级代码后 2 位不全为 0"),
        ("county", "000101", "--code “000101”：不是行政区划代码：前 2 位是省级代码，不能为 00"),
    ],
)
def test_init_refuses_a_code_that_does_not_fit_its_level(tmp_path: Path, level: str, code: str, said: str) -> None:
    """The help says 6 digits, 9 for a township; a county got a township's code, a province a county's."""
    result = invoke("init", str(tmp_path / "new"), "--level", level, "--code", code, "--name", "测试")
    assert result.code == 1
    assert result.err.startswith(f"villagecat: {said}")
    assert not (tmp_path / "new").exists()


def test_init_refuses_a_parent_that_is_not_above_the_code(tmp_path: Path) -> None:
    """A Shanxi county (1404..) was declared under Tianjin (120000) without a word."""
    result = invoke(
        "init", str(tmp_path / "new"), "--level", "county", "--code", "140405", "--name", "测试县", "--parent", "120000"
    )
    assert result.code == 1
    assert result.err.startswith(
        "villagecat: 上级层 120000 不是 140405 的上级行政区划；上级层应为 140400、140000 或 cn"
    )
    assert not (tmp_path / "new").exists()
    assert (
        invoke(
            "init", str(tmp_path / "ok"), "--level", "county", "--code", "140405", "--name", "测试县", "--parent", "cn"
        ).code
        == 0
    )


def _table_rows_fit(markdown: str) -> None:
    """Every row of every Markdown table has its header's cells: a | in a value is escaped."""
    header: int | None = None
    for line in markdown.splitlines():
        if not line.startswith("|"):
            header = None
            continue
        cells = len(re.findall(r"(?<!\\)\|", line))
        header = cells if header is None else header
        assert cells == header, line


def test_a_pipe_in_a_name_keeps_the_catalogs_markdown_table_whole(tmp_path: Path) -> None:
    """An item's name with a | split its row into one cell too many (citations alone were escaped)."""
    jilin = tmp_path / "jilin"
    shutil.copytree(REPO / "data" / "provinces" / "220000-jilin", jilin)
    edit(jilin / "duties.csv", ",协助党政群机构开展的工作事务,", ",协助党政群机构|开展的工作事务,")
    result = invoke("catalog", "220000", "--layer", str(jilin), "--format", "markdown")
    assert result.code == 0, result.err
    assert "协助党政群机构\\|开展的工作事务" in result.out
    _table_rows_fit(result.out)


def test_a_pipe_in_a_ledger_keeps_the_check_reports_markdown_tables_whole(tmp_path: Path) -> None:
    """A village named with a | (or a sign's text) split the summary and findings rows of ``--format markdown``."""
    ledger = tmp_path / "villages.csv"
    ledger.write_text("村名,建筑面积,户数\n甲|村,150,900\n乙村,400,900\n", encoding="utf-8")
    result = invoke("check", "facility", "-j", "220000", "--file", str(ledger), "--format", "markdown", "--all")
    assert "甲\\|村" in result.out
    _table_rows_fit(result.out)


def _diff_patch(tmp_path: Path, old: Path, new: Path) -> Path:
    """The patch ``villagecat diff --format patch`` writes from ``old`` to ``new``, in a file."""
    made = invoke("diff", str(old), str(new), "--format", "patch")
    assert made.code == 0, made.err
    patch = tmp_path / "change.json"
    patch.write_text(made.out, encoding="utf-8")
    return patch


def _renamed(tmp_path: Path, source: Path, name: str) -> Path:
    """A copy of ``source`` with its first duty renamed (a patch-level change a diff gives as one operation)."""
    copy = tmp_path / name
    shutil.copytree(source, copy)
    edit(copy / "duties.csv", ",宣传贯彻执行党的理论", ",宣传贯彻落实党的理论")
    return copy


def test_a_patch_applied_to_another_layer_says_so_naming_the_patch_file(tmp_path: Path) -> None:
    """A diff's patch of the national layer, applied to Jilin, was told as 路径 … 不存在, no file, no operation."""
    patch = _diff_patch(tmp_path, NATIONAL, _renamed(tmp_path, NATIONAL, "national-new"))
    jilin = REPO / "data" / "provinces" / "220000-jilin"
    result = invoke("patch", str(jilin), str(patch), "-o", str(tmp_path / "out"))
    assert result.code == 1
    assert result.err.startswith(
        f"villagecat: {patch}：第 1 项操作：/layer/id 应为“cn”，实际为“220000”（test 不成立）：补丁不是对这个层写的"
    )
    assert not (tmp_path / "out").exists()
    applied = invoke("patch", str(NATIONAL), str(patch), "-o", str(tmp_path / "right"))  # its own base still takes it
    assert applied.code == 0, applied.err


def test_a_patch_applied_to_another_version_of_its_layer_says_so(tmp_path: Path) -> None:
    """The same layer at another version: the patch's first operations test the id and the version it was made on."""
    newer = tmp_path / "newer"
    shutil.copytree(NATIONAL, newer)
    descriptor = json.loads((newer / "datapackage.json").read_text(encoding="utf-8"))
    shipped = descriptor["layer"]["version"]
    major, minor, patch_number = map(int, shipped.split("."))
    revised = f"{major}.{minor}.{patch_number + 1}"
    descriptor["version"] = descriptor["layer"]["version"] = revised
    descriptor["layer"]["releases"].append({"version": revised, "date": "2026-12-08", "notes": "修订"})
    (newer / "datapackage.json").write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")
    patch = _diff_patch(tmp_path, newer, _renamed(tmp_path, newer, "newer-renamed"))
    result = invoke("patch", str(NATIONAL), str(patch), "-o", str(tmp_path / "out"))
    assert result.code == 1
    said = f"第 2 项操作：/layer/version 应为“{revised}”，实际为“{shipped}”（test 不成立）：补丁不是对这个版本写的"
    assert said in result.err


def test_every_failing_operation_of_a_patch_file_is_named_by_file_and_number(tmp_path: Path) -> None:
    """A path missing halfway (/items/nothing/x) was told without the operation's number or the file."""
    code, err = _patch(
        tmp_path, {"op": "test", "path": "/layer/id", "value": "cn"}, {"op": "remove", "path": "/items/x/y"}
    )
    assert code == 1
    assert err == f"villagecat: {tmp_path / 'change.json'}：第 2 项操作：路径 /items/x/y 不存在\n"


@pytest.mark.parametrize("mine", [b'{"title": "my own duty schema"}', b"not json at all", b"\xff\xfe"])
def test_schema_never_replaces_a_file_it_did_not_write(tmp_path: Path, mine: bytes) -> None:
    """``schema -o`` into a user's folder replaced their own duty.schema.json, and wrote half before any refusal."""
    folder = tmp_path / "work"
    folder.mkdir()
    (folder / "duty.schema.json").write_bytes(mine)
    result = invoke("schema", "-o", str(folder))
    assert result.code == 2
    assert result.err.startswith(f"villagecat: {folder / 'duty.schema.json'}：不是 villagecat 写出的 schema 文件")
    assert (folder / "duty.schema.json").read_bytes() == mine
    assert sorted(p.name for p in folder.iterdir()) == ["duty.schema.json"]  # nothing written before the refusal


def test_schema_replaces_what_it_wrote_and_writes_beside_other_files(tmp_path: Path) -> None:
    """Its own files, of this format or an earlier one, are replaced; a README beside them is left."""
    folder = tmp_path / "schemas"
    assert invoke("schema", "-o", str(folder)).code == 0
    (folder / "README.md").write_text("说明", encoding="utf-8")
    older = (folder / "duty.schema.json").read_text(encoding="utf-8").replace(":schema:2:", ":schema:1:")
    (folder / "duty.schema.json").write_text(older, encoding="utf-8")
    again = invoke("schema", "-o", str(folder))
    assert again.code == 0, again.err
    assert ":schema:2:duty" in (folder / "duty.schema.json").read_text(encoding="utf-8")
    assert (folder / "README.md").read_text(encoding="utf-8") == "说明"
