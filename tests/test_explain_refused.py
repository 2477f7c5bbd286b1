"""``explain`` of a field whose override a merge rule refused: the refused row is named, with the conflict's words.

A county two levels down (under Tianjin) lowers the national 每百户 area (lower layers may tighten, never
loosen): merge refuses it and the value stays the national one. explain showed the county's step as 继承 alone,
so a reviewer could not tell that the county had tried, by which row, or why it was refused.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Literal

import pytest

from conftest import invoke
from layers import child_layer, write_child
from villagecat.merging import merge
from villagecat.registry import shipped_registry
from villagecat.render import explain_to_dict, format_explain

if TYPE_CHECKING:
    from pathlib import Path

    from villagecat.merging import EffectiveCatalog

FACILITY = "cn.facility.community-service-facility"
FIELD = "min_area_per_100_households_m2"
LOOSEN = {"target": FACILITY, "field": FIELD, "value": "20"}
CANCEL = {"target": "cn.duty.no-law-enforcement"}  # a red line: a lower layer may not cancel it


def _catalog(**kwargs: object) -> EffectiveCatalog:
    registry = shipped_registry()
    county = child_layer("120000", version_range=f">={registry.find('120000').layer.version}", **kwargs)  # type: ignore[arg-type]
    return merge([registry.find("cn"), registry.find("120000"), county])


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_refused_override_is_named_under_its_layer_with_the_conflicts_own_words(lang: Literal["zh", "en"]) -> None:
    catalog = _catalog(overrides=[LOOSEN])
    (conflict,) = catalog.conflicts
    lines = format_explain(catalog, FACILITY, FIELD, lang).splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("    220102 "))
    said = {
        "zh": "继承（本层的改动被拒，取值仍为上级的）",
        "en": "inherited (this layer's change was refused: the value stays the parent's)",
    }
    assert lines[at].endswith(said[lang])
    rows = {"zh": "所在行：“覆盖”表（overrides.csv）220102.override.o0", "en": "row: 220102.override.o0 in"}
    assert lines[at + 1].strip().startswith(rows[lang])
    refused = {"zh": "被拒：", "en": "refused: "}[lang]
    assert lines[at + 2].strip() == refused + conflict.describe(lang)
    assert "20" in lines[at + 2]
    assert "30" in lines[at + 2]


def test_a_field_no_layer_refused_says_inherited_alone() -> None:
    text = format_explain(_catalog(overrides=[LOOSEN]), FACILITY, "min_floor_area_m2")
    assert "被拒" not in text
    assert text.splitlines()[-1].endswith("：继承")


def test_a_refused_cancellation_is_named_for_the_whole_item() -> None:
    catalog = _catalog(cancellations=[CANCEL])
    (conflict,) = catalog.conflicts
    text = format_explain(catalog, CANCEL["target"], "name")
    assert "所在行：“取消”表（cancellations.csv）220102.cancellation.c0" in text
    assert "被拒：" + conflict.describe("zh") in text
    refused = explain_to_dict(catalog, CANCEL["target"], "name")["refused"]
    assert refused == [conflict.to_dict()]


def test_json_lists_the_refused_override_on_its_layers_entry() -> None:
    catalog = _catalog(overrides=[LOOSEN])
    explained = explain_to_dict(catalog, FACILITY, FIELD)
    chain = explained["fields"][FIELD]["chain"]
    county = chain[-1]
    assert county["action"] == "inherited"
    assert county["refused"] == [catalog.conflicts[0].to_dict()]
    assert all("refused" not in entry for entry in chain[:-1])
    assert "refused" not in explained


def test_the_cli_names_the_refused_row_and_exits_0(tmp_path: Path) -> None:
    registry = shipped_registry()
    child = write_child(
        tmp_path, "120000", overrides=[LOOSEN], version_range=f">={registry.find('120000').layer.version}"
    )
    result = invoke("explain", "220102", FACILITY, "每百户最小面积", "--layer", str(child))
    assert result.code == 0, result.err
    assert "被拒：" in result.out
    assert "220102.override.o0" in result.out
    as_json = invoke("explain", "220102", FACILITY, FIELD, "--layer", str(child), "--format", "json")
    assert as_json.code == 0, as_json.err
    assert json.loads(as_json.out)["fields"][FIELD]["chain"][-1]["refused"][0]["rule"] == "increase_only"


@pytest.mark.parametrize(
    ("asked", "meant"),
    [
        ("cn.facility.comunity-service-facility", FACILITY),  # an id mistyped
        ("综合服务设施", FACILITY),  # part of the item's name (城乡社区综合服务设施)
    ],
)
def test_an_item_not_found_suggests_the_one_likely_meant(asked: str, meant: str) -> None:
    """A reviewer's typo, or a shortened name, said 没有条目 alone: the id to ask for had to be found elsewhere."""
    result = invoke("explain", "120117", asked)
    assert result.code == 2
    (line,) = result.err.splitlines()
    assert line.startswith(f"villagecat: 宁河区（120117）的有效目录中没有条目 {asked}；是否指")
    assert meant in line


def test_an_item_nothing_resembles_suggests_nothing() -> None:
    result = invoke("explain", "120117", "cn.nothing.like-this-at-all")
    assert result.code == 2
    assert result.err.strip() == "villagecat: 宁河区（120117）的有效目录中没有条目 cn.nothing.like-this-at-all"


def test_a_word_many_names_hold_lists_a_few_and_says_how_many() -> None:
    result = invoke("explain", "120117", "服务")
    assert result.code == 2
    line = result.err.strip()
    assert "等，共 " in line
    assert line.endswith("个条目的名称含有此词？")


@pytest.mark.parametrize(
    ("jurisdiction", "row", "item", "said"),
    [
        (  # the province's row that restates a national duty, whose id a reviewer reads in its duties.csv
            "140404",
            "140000.duty.burden-2-no-law-enforcement",
            "cn.duty.no-law-enforcement",
            "（按 140000.duty.burden-2-no-law-enforcement 查到：该行重申本条目）",
        ),
        (  # the county's override, read in its overrides.csv
            "120117",
            "120117.override.service-centre-horizontal",
            "cn.sign.party-service-centre",
            "（按 120117.override.service-centre-horizontal 查到：该行覆盖本条目的字段 版式（orientation））",
        ),
    ],
)
def test_explain_of_a_row_that_acts_on_an_item_explains_that_item(
    jurisdiction: str, row: str, item: str, said: str
) -> None:
    """explain said 没有条目 of the id of a restating or override row, the id the reviewer reads in the sheet."""
    result = invoke("explain", jurisdiction, row)
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[0].endswith(f" · {item}")
    assert lines[1] == "  " + said
    assert row in result.out
    as_json = invoke("explain", jurisdiction, row, "--format", "json")
    assert json.loads(as_json.out)["item"] == item


def test_explain_of_a_refused_rows_id_explains_the_item_it_tried_to_change() -> None:
    catalog = _catalog(overrides=[LOOSEN], cancellations=[CANCEL])
    cancelled = format_explain(catalog, "220102.cancellation.c0", "name").splitlines()
    assert cancelled[0].endswith(f" · {CANCEL['target']}")
    assert cancelled[1] == "  （按 220102.cancellation.c0 查到：该行取消本条目，被合并规则拒绝）"
    assert explain_to_dict(catalog, "220102.override.o0")["item"] == FACILITY


def test_a_second_value_refused_is_named_after_the_layers_step() -> None:
    """One layer sets the field twice: the first stands (改为 40), the second is refused, and explain says both."""
    twice = [{**LOOSEN, "value": "40"}, {**LOOSEN, "value": "50"}]
    catalog = _catalog(overrides=twice)
    (conflict,) = catalog.conflicts
    lines = format_explain(catalog, FACILITY, FIELD).splitlines()
    at = lines.index("      本层另有改动被拒：")
    assert lines[at - 3].endswith("：改为 40")
    assert lines[at + 1] == "        所在行：“覆盖”表（overrides.csv）220102.override.o1"
    assert lines[at + 2] == "        被拒：" + conflict.describe("zh")
    chain = explain_to_dict(catalog, FACILITY, FIELD)["fields"][FIELD]["chain"]
    (county,) = [e for e in chain if e["layer"] == "220102"]
    assert county["refused"] == [conflict.to_dict()]
