"""The publishing workflow: init, export and import, release."""

from __future__ import annotations

import dataclasses
import json
import re
from typing import TYPE_CHECKING

import pytest
import yaml

from conftest import NATIONAL, REPO, invoke
from layers import series
from villagecat.authoring import bump_version
from villagecat.package import load_layer, save_layer
from villagecat.registry import shipped_layer_paths
from villagecat.workbook import export_workbook, import_workbook

if TYPE_CHECKING:
    from pathlib import Path


def test_init_declares_the_nearest_known_parent(tmp_path: Path) -> None:
    assert invoke("init", str(tmp_path / "zj"), "--level", "province", "--code", "330000", "--name", "浙江省").code == 0
    layer = json.loads((tmp_path / "zj" / "datapackage.json").read_text(encoding="utf-8"))["layer"]
    assert (layer["parent"], layer["name_en"], layer["slug"]) == (
        {"id": "cn", "version_range": series("cn")},
        "Zhejiang",  # it read 浙江省: Chinese in the English field
        "d330000",
    )
    assert invoke("init", str(tmp_path / "wq"), "--level", "county", "--code", "120114", "--name", "武清区").code == 0
    county = json.loads((tmp_path / "wq" / "datapackage.json").read_text(encoding="utf-8"))["layer"]
    assert county["parent"]["id"] == "120000"
    again = invoke("init", str(tmp_path / "zj"), "--level", "province", "--code", "330000", "--name", "浙江省")
    assert again.code == 2  # refused: nothing is written into a folder that already holds files
    assert "文件夹不是空的" in again.err
    (tmp_path / "笔记.txt").write_text("我的笔记", encoding="utf-8")  # a file where the folder would be: said so
    onto = invoke("init", str(tmp_path / "笔记.txt"), "--level", "county", "--code", "120114", "--name", "武清区")
    assert onto.code == 2
    assert "这是一个文件而不是文件夹" in onto.err
    assert (tmp_path / "笔记.txt").read_text(encoding="utf-8") == "我的笔记"


def test_init_takes_a_code_and_a_parent_typed_full_width_as_minus_j_does(tmp_path: Path) -> None:
    """``init --code １４０４０５`` was refused as no division code, while ``-j １４０４０５`` names a layer."""
    result = invoke(
        "init",
        str(tmp_path / "sx"),
        "--level",
        "county",
        "--code",
        " １４０４０５",
        "--name",
        "测试区",
        "--parent",
        "１４００００",
    )
    assert (result.code, result.err) == (0, "")
    layer = json.loads((tmp_path / "sx" / "datapackage.json").read_text(encoding="utf-8"))["layer"]
    assert (layer["id"], layer["division_code"], layer["slug"], layer["parent"]["id"]) == (
        "140405",
        "140405",
        "d140405",
        "140000",
    )


@pytest.mark.parametrize("path", shipped_layer_paths()[1:], ids=lambda p: p.name)
def test_init_names_a_layer_in_english_as_the_shipped_layers_are_named(tmp_path: Path, path: Path) -> None:
    """英文名称 西湖区: init wrote the Chinese name into name_en when no English name was given."""
    shipped = load_layer(path).layer
    assert shipped.level.value != "national"
    folder = tmp_path / "new"
    code = shipped.division_code or ""
    made = invoke("init", str(folder), "--level", shipped.level.value, "--code", code, "--name", shipped.name_zh)
    assert made.code == 0, made.err
    assert load_layer(folder).layer.name_en == shipped.name_en  # 田家庵区 → Tianjia'an, 宁河区 → Ninghe


@pytest.mark.parametrize("path", shipped_layer_paths(), ids=lambda p: p.name)
def test_export_then_import_gives_back_the_same_package(tmp_path: Path, path: Path) -> None:
    result = invoke("export", str(path), "-o", str(tmp_path / "layer.xlsx"))
    assert result.code == 0, result.err
    assert invoke("import", str(tmp_path / "layer.xlsx"), "-o", str(tmp_path / "back")).code == 0
    assert load_layer(tmp_path / "back") == load_layer(path)


def test_formula_like_text_is_kept_as_text_in_the_workbook(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    package = load_layer(NATIONAL)
    tricky = package.duties[0].model_copy(update={"notes": '=HYPERLINK("http://x")', "category": "+1"})
    changed = dataclasses.replace(package, duties=(tricky, *package.duties[1:]), origins={})
    path = export_workbook(changed, tmp_path / "t.xlsx")
    sheet = openpyxl.load_workbook(path)["工作事务"]
    cells = [c for row in sheet.iter_rows() for c in row if isinstance(c.value, str) and c.value[:1] in "=+"]
    assert {c.value for c in cells} == {'=HYPERLINK("http://x")', "+1"}
    assert {c.data_type for c in cells} == {"s"}
    assert import_workbook(path).duties[0] == tricky


def test_import_names_sheet_row_and_column(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    path = export_workbook(load_layer(NATIONAL), tmp_path / "n.xlsx")
    book = openpyxl.load_workbook(path)
    book["工作事务"]["G3"] = "协助"
    book["证明事项"]["B2"] = None
    book.save(path)
    result = invoke("import", str(path), "-o", str(tmp_path / "out"))
    assert result.code == 1
    assert "工作事务\n    第 3 行 字段 G（事项类别）：取值不在允许范围内" in result.out
    assert "证明事项\n    第 2 行 字段 B（名称）：缺少必填字段" in result.out
    assert not (tmp_path / "out").exists()


def test_release_bumps_by_what_changed_and_records_the_entry(tmp_path: Path) -> None:
    target = save_layer(load_layer(NATIONAL), tmp_path / "n")
    text = (target / "facilities.csv").read_text(encoding="utf-8").replace(",30,", ",35,")
    (target / "facilities.csv").write_text(text, encoding="utf-8")
    result = invoke("release", str(target), "--against", str(NATIONAL))
    assert result.code == 0, result.err
    shipped = load_layer(NATIONAL).layer.version
    minor = bump_version(shipped, "minor")  # a tightening no layer below conflicts with: minor
    assert result.out.startswith(f"cn {shipped} → {minor}\n")
    layer = load_layer(target).layer
    assert (layer.version, layer.releases[-1].version) == (minor, minor)
    notes = layer.releases[-1].notes
    assert (
        "对村和社区收紧：加严要求，来源未写明约束力，未达到只作提示"
        "（城乡社区综合服务设施 · 村和社区 的“每百户最小面积（平方米）”）" in notes
    )  # read by clerks and the public: the field's column title, never facility-min-area-per-households-raised
    assert not re.search(r"[a-z]+-[a-z]+|（[a-z]+）", notes), notes
    assert "破坏性 0 · 需关注 0 · 一般 0" not in notes
    assert "· 版本升级：次版本号。" in notes
    assert not re.search(r"`[a-z-]+`|（(?!cn）)[a-z]+）", result.out), result.out  # its output: words (and the id)
    assert "- 城乡社区综合服务设施 · 村和社区 的“每百户最小面积（平方米）”：" in result.out
    unchanged = invoke("release", str(NATIONAL), "--against", str(NATIONAL))
    assert unchanged.code == 1
    version = load_layer(NATIONAL).layer.version
    assert unchanged.err == f"villagecat: 与上一版本（{version}）相比没有变化，未发布，文件未作改动\n"


def test_pre_commit_hooks_check_the_packages_of_the_changed_files(tmp_path: Path) -> None:
    """pre-commit passes changed files; each names the package it belongs to, checked once."""
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert [h["id"] for h in hooks] == ["villagecat-validate", "villagecat-lint"]
    files = [str(NATIONAL / "duties.csv"), str(NATIONAL / "signs.csv"), str(NATIONAL / "datapackage.json")]
    for hook in hooks:
        program, *command = hook["entry"].split()
        assert program == "villagecat"
        assert hook.get("pass_filenames", True)
        assert invoke(*command, *files).code == 0
    assert invoke("validate", *files).out.count("有效") == 1
    broken = save_layer(load_layer(NATIONAL), tmp_path / "broken")
    text = (broken / "duties.csv").read_text(encoding="utf-8").replace(",performs,", ",perform,", 1)
    (broken / "duties.csv").write_text(text, encoding="utf-8")
    assert invoke("validate", str(broken / "duties.csv")).code == 1
