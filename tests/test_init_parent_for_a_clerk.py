"""A county clerk starts a layer on top of a shipped province (张伟 of 南关区, 220102, under Jilin 220000)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest

from conftest import invoke

if TYPE_CHECKING:
    from pathlib import Path


def _parent(folder: Path) -> str:
    layer = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))["layer"]
    return str(layer["parent"]["id"])


@pytest.mark.parametrize("named", ["吉林省", "吉林", "Jilin", "２２００００"])
def test_init_takes_the_parent_by_its_name_as_minus_j_does(tmp_path: Path, named: str) -> None:
    """``--parent 吉林省`` was refused as 「上级层 吉林省 不是 220102 的上级行政区划」: Jilin is its province."""
    folder = tmp_path / "南关区目录"
    made = invoke("init", str(folder), "--level", "county", "--code", "220102", "--name", "南关区", "--parent", named)
    assert (made.code, made.err) == (0, "")
    assert _parent(folder) == "220000"


def test_a_parent_named_that_is_no_layer_above_is_still_refused_naming_the_ones_above(tmp_path: Path) -> None:
    made = invoke("init", str(tmp_path / "x"), "--level", "county", "--code", "220102", "--name", "南关区",
                  "--parent", "宁河区")  # fmt: skip
    assert made.code == 1
    assert "上级层应为 220100、220000 或 cn" in made.err
    assert not (tmp_path / "x").exists()


def test_a_parent_that_skips_a_shipped_province_is_told_with_the_command_to_use(tmp_path: Path) -> None:
    """``--parent cn``, as the guide wrote for 西湖区, silently left Jilin's items out of 南关区's catalog."""
    folder = tmp_path / "南关区目录"
    made = invoke("init", str(folder), "--level", "county", "--code", "220102", "--name", "南关区", "--parent", "cn")
    assert made.code == 0  # a choice the clerk may mean: written, and told
    assert _parent(folder) == "cn"
    assert "220000 吉林省" in made.err
    assert "--parent 220000" in made.err
    assert "Traceback" not in made.err
    english = invoke("init", str(tmp_path / "en"), "--level", "county", "--code", "220102", "--name", "南关区",
                     "--parent", "cn", "--lang", "en")  # fmt: skip
    assert "220000" in english.err
    assert not any("\u4e00" <= ch <= "\u9fff" for ch in english.err.replace("吉林省", ""))


def test_the_default_parent_is_the_shipped_province_and_says_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "南关区目录"
    made = invoke("init", str(folder), "--level", "county", "--code", "220102", "--name", "南关区")
    assert (made.code, made.err, _parent(folder)) == (0, "", "220000")
