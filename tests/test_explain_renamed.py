"""``explain`` of an item its layer renumbered (``replaces``), asked by the id a lower layer's row still holds.

Merge follows the old id to the item that replaces it, and a county's rows on it apply; explain said 没有条目
of the id the clerk reads in that row.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

import pytest

from layers import child_layer
from test_merge_renamed import _jilin, _renumbered
from villagecat.errors import UnknownItemError
from villagecat.merging import merge
from villagecat.registry import shipped_registry
from villagecat.render import explain_to_dict, format_explain

if TYPE_CHECKING:
    from villagecat.merging import EffectiveCatalog

FACILITY = "220000.facility.village"


def _catalog() -> EffectiveCatalog:
    """The effective catalog of a county whose override names a facility by the id Jilin has since renumbered."""
    jilin = _renumbered(_jilin(), "facilities", {FACILITY: [f"{FACILITY}-c"]})
    county = child_layer("220000", overrides=[{"target": FACILITY, "field": "min_floor_area_m2", "value": "900"}])
    national = shipped_registry().find("cn")
    return merge([national, jilin, county])


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_explain_of_an_old_id_explains_the_item_that_replaces_it_and_says_so(lang: str) -> None:
    catalog = _catalog()
    assert catalog.conflicts == ()
    text = format_explain(catalog, FACILITY, "min_floor_area_m2", lang)  # type: ignore[arg-type]
    heading = text.splitlines()[0]
    assert heading.endswith(f"{FACILITY}-c")
    said = {
        "zh": f"（按旧标识 {FACILITY} 查到：该条目已重新编号）",
        "en": f"(found by its former id {FACILITY}: renumbered)",
    }
    assert text.splitlines()[1] == "  " + said[lang]
    assert "900" in text
    assert explain_to_dict(catalog, FACILITY)["item"] == f"{FACILITY}-c"


def test_an_id_no_item_has_or_replaces_is_still_no_item() -> None:
    with pytest.raises(UnknownItemError, match="没有条目"):
        format_explain(_catalog(), f"{FACILITY}-x")


@pytest.mark.parametrize(
    ("lang", "said"),
    [("zh", f"，本行所填旧标识 {FACILITY}"), ("en", f", named in the row by its former id {FACILITY}")],
)
def test_a_step_made_through_a_renumbering_says_the_id_its_row_holds(lang: str, said: str) -> None:
    """The county's override holds the old id: its row line named the override, and the clerk sought the new id."""
    text = format_explain(_catalog(), f"{FACILITY}-c", "min_floor_area_m2", lang)  # type: ignore[arg-type]
    (line,) = [line for line in text.splitlines() if "overrides.csv" in line]
    assert line.endswith(said)
    step = _catalog().get(f"{FACILITY}-c").changes["min_floor_area_m2"][-1]  # type: ignore[union-attr]
    assert step.renamed_from == FACILITY
    own = format_explain(_catalog(), f"{FACILITY}-c", "name", lang)  # type: ignore[arg-type]
    assert "旧标识" not in own
    assert "former id" not in own


MECHANISM = "220000.mechanism.convenience-service-station"


@pytest.mark.parametrize("written", [MECHANISM, f"{MECHANISM}-b"], ids=["old-id-in-row", "new-id-in-row"])
def test_explain_of_the_old_id_of_a_cancelled_renumbered_item_says_who_cancelled_it(written: str) -> None:
    """The county cancels the station by the old id Jilin has since renumbered, or by the new one; asked by the old.

    explain of the new id named the cancellation row and its reason; of the old id, the one in the clerk's row,
    it said 没有条目 alone, as of an id no item ever had.
    """
    jilin = _renumbered(_jilin(), "mechanisms", {MECHANISM: [f"{MECHANISM}-b"]})
    county = child_layer("220000", cancellations=[{"target": written}])
    catalog = merge([shipped_registry().find("cn"), jilin, county])
    assert catalog.conflicts == ()
    with pytest.raises(UnknownItemError) as raised:
        format_explain(catalog, MECHANISM)
    said = raised.value.describe("zh")
    assert "取消" in said
    assert f"{county.layer.id}.cancellation." in said
    assert f"{MECHANISM}-b" in said  # the item it is now, as merge followed the row


@pytest.mark.parametrize(
    ("lang", "said"),
    [("zh", f"，本行所填旧标识 {MECHANISM}"), ("en", f", named in the row by its former id {MECHANISM}")],
)
def test_the_catalog_names_the_old_id_a_cancellation_row_holds(lang: Literal["zh", "en"], said: str) -> None:
    """The cancelled list named the item by its new id alone: the clerk's cancellations.csv holds the old one."""
    from villagecat.render import format_catalog  # noqa: PLC0415

    jilin = _renumbered(_jilin(), "mechanisms", {MECHANISM: [f"{MECHANISM}-b"]})
    county = child_layer("220000", cancellations=[{"target": MECHANISM}])
    catalog = merge([shipped_registry().find("cn"), jilin, county])
    (line,) = [line for line in format_catalog(catalog, lang=lang).splitlines() if f"{MECHANISM}-b" in line]
    assert said in line
    plain = merge([shipped_registry().find("cn"), _jilin(), county])
    (line,) = [
        line for line in format_catalog(plain, lang=lang).splitlines() if MECHANISM in line and "cancellation" in line
    ]
    assert said not in line
