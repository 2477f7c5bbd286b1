"""A value's provenance is read-only, in its type as at run time; an unknown field is named, never an AttributeError.

``EffectiveItem.provenance`` was typed ``dict[str, list[Step]]``: mypy let a caller append a step or replace a
field's history, which changed nothing of the catalog (the mapping was built afresh on each read) but read as
if it could; the catalog is documented immutable all the way down. ``set_by("orient")`` raised Python's bare
``AttributeError: 'Sign' object has no attribute 'orient'``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

import villagecat
from villagecat.errors import ArgumentTypeError, InvalidRequestError, UnknownItemError, VillagecatError

if TYPE_CHECKING:
    from pathlib import Path

SIGN = "cn.sign.party-service-centre"


def test_a_fields_history_is_a_read_only_mapping_of_tuples() -> None:
    entry = villagecat.resolve("120117").get(SIGN)
    assert entry is not None
    history = entry.provenance
    assert isinstance(history["orientation"], tuple)
    assert [(s.layer, s.action) for s in history["orientation"]] == [("cn", "default"), ("120117", "set")]
    with pytest.raises(TypeError):
        history["orientation"] = ()  # type: ignore[index]
    with pytest.raises(AttributeError):
        history["orientation"].append(history["orientation"][0])  # type: ignore[attr-defined]


def test_a_second_resolve_is_untouched_by_what_a_caller_did_with_the_first() -> None:
    first = villagecat.resolve("120117").get(SIGN)
    assert first is not None
    steps = first.provenance["orientation"]
    with pytest.raises(AttributeError):
        steps[-1].citations.append(steps[0])  # type: ignore[attr-defined]
    again = villagecat.resolve("120117").get(SIGN)
    assert again is not None
    assert again.provenance == first.provenance
    assert [s.action for s in again.provenance["orientation"]] == ["default", "set"]


@pytest.mark.parametrize("name", ["orient", "nope"])
def test_set_by_an_unknown_field_names_the_fields(name: str) -> None:
    entry = villagecat.resolve("120117").get(SIGN)
    assert entry is not None
    with pytest.raises(UnknownItemError) as raised:
        entry.set_by(name)
    assert isinstance(raised.value, VillagecatError)
    assert raised.value.message_zh.startswith(f"条目 {SIGN} 没有字段 {name}")
    assert "版式（orientation）" in raised.value.message_zh
    assert f"{SIGN} has no field {name}" in raised.value.message_en


def test_set_by_a_field_named_by_nothing_or_no_text_is_one_typed_error() -> None:
    entry = villagecat.resolve("120117").get(SIGN)
    assert entry is not None
    with pytest.raises(InvalidRequestError) as empty:
        entry.set_by(None)  # type: ignore[arg-type]
    assert empty.value.message_zh == "字段名不能为空"
    with pytest.raises(ArgumentTypeError) as number:
        entry.set_by(3)  # type: ignore[arg-type]
    assert isinstance(number.value, TypeError)
    assert "int" in number.value.message_en


def test_mypy_refuses_changing_a_history(tmp_path: Path) -> None:
    from test_typing import _mypy  # noqa: PLC0415 - the helper that runs mypy on a snippet

    pytest.importorskip("mypy")
    code = """\
import villagecat
catalog = villagecat.resolve("宁河区")
entry = catalog.get("cn.sign.party-service-centre")
assert entry is not None
entry.provenance["orientation"].append(entry.provenance["orientation"][0])
entry.provenance["orientation"] = ()
[step.layer for step in entry.provenance["orientation"]]
"""
    errors = _mypy(tmp_path, "strict", code)
    assert sorted(errors) == [5, 6], errors


def _steps_stored() -> list[tuple[str, object]]:
    """Every stored history of every item of three shipped catalogs, merged alone and through one MergeCache."""
    from villagecat.merging import MergeCache  # noqa: PLC0415
    from villagecat.registry import shipped_registry  # noqa: PLC0415

    shipped = shipped_registry()
    cache = MergeCache()
    catalogs = [villagecat.resolve(code) for code in ("cn", "120117", "220000")]
    catalogs += [cache.merge(shipped.chain(shipped.find(code))) for code in ("120117", "140404")]
    return [(entry.id, entry.changes) for c in catalogs for items in c.items.values() for entry in items.values()]


def test_no_items_stored_history_can_be_changed_even_an_empty_one() -> None:
    """An item no layer below changed kept a plain ``{}``: ``entry.changes["name"] = …`` rewrote its provenance."""
    mutable = [item for item, changes in _steps_stored() if isinstance(changes, dict)]
    assert mutable == []


def test_catalogs_merged_through_one_cache_cannot_corrupt_each_other() -> None:
    from villagecat.merging import MergeCache, Step  # noqa: PLC0415
    from villagecat.registry import shipped_registry  # noqa: PLC0415

    shipped = shipped_registry()
    cache = MergeCache()
    ninghe = cache.merge(shipped.chain(shipped.find("120117")))
    shangdang = cache.merge(shipped.chain(shipped.find("140404")))
    dog = ninghe.get("cn.certificate.dog-keeping")
    assert dog is not None
    with pytest.raises(TypeError):
        dog.changes["name"] = (Step("x", "1.0.0", "set", "改名"),)  # type: ignore[index]
    other = shangdang.get("cn.certificate.dog-keeping")
    assert other is not None
    step = other.set_by("name")
    assert step is not None
    assert step.layer == "cn"


def test_an_unpickled_item_without_changes_is_read_only_too() -> None:
    import pickle  # noqa: PLC0415

    entry = villagecat.resolve("cn").get("cn.certificate.dog-keeping")
    again = pickle.loads(pickle.dumps(entry))  # noqa: S301 - our own bytes
    assert not isinstance(again.changes, dict)
    assert again == entry


def test_applies_asked_of_an_id_is_told_to_take_the_item_first() -> None:
    """`catalog.applies("cn.sign.party-service-centre", "village")` raised a bare AttributeError ('str' … 'item')."""
    catalog = villagecat.resolve("120117")
    with pytest.raises(ArgumentTypeError) as refused:
        catalog.applies("cn.sign.party-service-centre", "village")  # type: ignore[arg-type]
    assert "EffectiveItem" in str(refused.value)
    assert "catalog.get" in refused.value.describe("zh")
    entry = catalog.get("cn.sign.party-service-centre")
    assert entry is not None
    assert catalog.applies(entry, "village")
