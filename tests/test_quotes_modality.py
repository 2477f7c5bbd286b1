"""A rule recorded as must is worded so in what it quotes: `quotes` says where a hedge was hardened.

The source's 一般、原则上、为宜 advise (should); a binding word they govern (一般应、原则上不得) advises too.
Jilin 二(六) 「面积一般应达到200平方米……」 recorded as must is a hedge hardened: the reviewer's quote check
finds it, at the row and field where the modality is written; every shipped layer passes.
"""

from __future__ import annotations

import shutil
from typing import TYPE_CHECKING

import pytest

from conftest import REPO, edit, invoke
from villagecat.package import load_layer
from villagecat.quotes import check_quotes, iter_modality_problems, unhedged_binding

if TYPE_CHECKING:
    from pathlib import Path

JILIN = REPO / "data" / "provinces" / "220000-jilin"


@pytest.mark.parametrize(
    ("quote", "binds"),
    [
        ("面积一般应达到200平方米且每百户村民拥有综合服务设施面积不低于30平方米", False),
        ("原则上不得在村级设立专门工作机制或者要求专人专岗", False),
        ("村级组织标牌以长条竖排为宜，一般应在200cm×30cm以内", False),
        ("村民活动区域面积不低于总建筑面积的60％", False),
        ("村级组织原则上只负责联系村民，党政群机构应当为其提供必要的经费和工作条件", True),
        ("未经县级党委和政府统一部署，党政群机构不得将自身权责事项派交给村级组织承担", True),
        ("所用文字应为国务院公布的通用规范汉字", True),
    ],
)
def test_a_binding_word_a_hedge_governs_in_its_clause_binds_no_one(quote: str, *, binds: bool) -> None:
    assert unhedged_binding(quote) is binds


@pytest.mark.parametrize(
    "folder",
    sorted(p.parent for p in (REPO / "data").rglob("datapackage.json")),
    ids=lambda p: p.name,
)
def test_every_shipped_layers_must_is_worded_so(folder: Path) -> None:
    assert list(iter_modality_problems(load_layer(folder))) == []


@pytest.fixture
def jilin_copy(tmp_path: Path) -> Path:
    target = tmp_path / "jilin"
    shutil.copytree(JILIN, target)
    return target


def test_a_hedge_written_as_must_fails_at_its_row_and_field(jilin_copy: Path) -> None:
    """「面积一般应达到200平方米……」 recorded as must (was should): 不符合, exit 1, in Chinese alone."""
    edit(jilin_copy / "facilities.csv", ",village,should,200,", ",village,must,200,")
    package = load_layer(jilin_copy)
    (problem,) = iter_modality_problems(package)
    assert (problem.file, problem.line, problem.field, problem.code, problem.level) == (
        "facilities.csv",
        2,
        "modality",
        "modality-not-worded",
        "fail",
    )
    assert problem.items == ("220000.facility.village",)
    assert "“一般应”" in problem.message_zh
    assert "一般应当" in problem.message_zh
    assert check_quotes(package, {}).exit_code() == 1  # no text needed: the item's own quote says it


def test_the_command_names_the_hardened_hedge_and_exits_1(jilin_copy: Path) -> None:
    edit(jilin_copy / "facilities.csv", ",village,should,200,", ",village,must,200,")
    result = invoke("quotes", str(jilin_copy))
    out = result.out
    assert result.code == 1
    assert "[不符合]" in out
    assert "第 2 行 字段 modality（约束力）" in out
    assert "220000.facility.village" in out
    for english in ("should", "must", "Traceback", "re.compile"):
        assert english not in out, english


def test_an_override_making_a_hedge_must_fails_too(jilin_copy: Path) -> None:
    """An override citing 二(七) 「……一般在显著位置悬挂……」 alone that makes the function-area plaque must."""
    with (jilin_copy / "overrides.csv").open("a", encoding="utf-8") as rows:
        rows.write("220000.override.function-area-must,功能区入口简明标牌：约束力,220000.clause.measures-2-7-b,,,,")
        rows.write("cn.sign.function-area,modality,set,must\n")
    (problem,) = iter_modality_problems(load_layer(jilin_copy))
    assert (problem.file, problem.line, problem.field, problem.items) == (
        "overrides.csv",
        len((jilin_copy / "overrides.csv").read_text(encoding="utf-8").splitlines()),
        "value",
        ("220000.override.function-area-must",),
    )
    assert "“一般”" in problem.message_zh


def test_a_must_beside_a_binding_clause_of_the_same_quote_is_not_judged(jilin_copy: Path) -> None:
    """「……为宜，一般应在……以内……；……所用文字应为……」 binds somewhere: which clause the rule rests on is not known."""
    edit(
        jilin_copy / "overrides.csv",
        "cn.sign.party-organisation,orientation_modality,set,should",
        "cn.sign.party-organisation,orientation_modality,set,must",
    )
    assert list(iter_modality_problems(load_layer(jilin_copy))) == []
