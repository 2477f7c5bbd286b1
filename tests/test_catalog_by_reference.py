"""``catalog --scope 社区`` says which items reach an urban community by reference (national 三: 参照执行)."""

from __future__ import annotations

import json

import pytest

from conftest import invoke
from villagecat.checks._rules import by_reference
from villagecat.models import Scope
from villagecat.resolution import resolve


def _line(out: str, item_id: str) -> str:
    return next(x for x in out.splitlines() if f"  {item_id}  " in x)


def test_a_village_worded_item_is_marked_for_a_community_and_its_own_are_not() -> None:
    """A community clerk read 实行村民自治 and 亲属关系证明 alike: one reaches them by reference, one is theirs."""
    out = invoke("catalog", "120117", "--scope", "社区").out
    assert "（参照执行）" in _line(out, "cn.duty.villager-autonomy")  # the opinion's words for villages
    assert "参照" not in _line(out, "cn.certificate.kinship")  # the Ministry's list: 基层群众性自治组织, theirs too
    assert "参照" not in _line(out, "120117.sign.community-party-organisation")  # Ninghe's own, for 社区
    assert "参照" not in _line(out, "cn.obligation.no-unassigned-tasks")  # Ninghe restates it for 村（社区）
    head = out.split("\n\n", 1)[0]
    assert "参照本意见精神执行" in head  # the clause that makes it so, verbatim
    marked = sum("（参照执行）  " in x for x in out.splitlines())  # an item line: its mark, then its id
    assert f"{marked} 项" in head


@pytest.mark.parametrize("scope", ["村", "全部"])
def test_no_item_is_marked_where_the_listing_is_not_a_communitys(scope: str) -> None:
    out = invoke("catalog", "120117", "--scope", scope).out
    assert "参照执行）" not in out


def test_the_json_catalog_lists_the_items_a_community_has_by_reference() -> None:
    catalog = resolve("120117")
    data = json.loads(invoke("catalog", "120117", "--scope", "社区", "--format", "json").out)
    listed = {i["id"] for items in data["items"].values() for i in items}
    expected = {
        e.id
        for resource, entries in catalog.items.items()
        if resource != "documents"
        for e in entries.values()
        if e.id in listed and by_reference(catalog, Scope.COMMUNITY, e.item)
    }
    assert set(data["by_reference"]) == expected
    assert "cn.duty.villager-autonomy" in expected
    assert "cn.certificate.kinship" not in expected
    village = json.loads(invoke("catalog", "120117", "--format", "json").out)
    assert village["by_reference"] == []


def test_the_english_listing_marks_them_too() -> None:
    out = invoke("catalog", "120117", "--scope", "社区", "--lang", "en").out
    assert "(by reference)" in _line(out, "cn.duty.villager-autonomy")


def test_markdown_marks_them() -> None:
    out = invoke("catalog", "120117", "--scope", "社区", "--format", "markdown").out
    row = next(x for x in out.splitlines() if "`cn.duty.villager-autonomy`" in x)
    assert "（参照执行）" in row
