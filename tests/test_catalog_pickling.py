"""An effective catalog and its items pickle, so a process pool can return them.

A provincial system that resolved its counties in a ``ProcessPoolExecutor`` got ``TypeError: cannot
pickle 'mappingproxy' object`` for every catalog (and every item with a history): the read-only
mappings that keep a catalog immutable cannot be pickled. Unpickled, a catalog is equal in every
answer and still read-only all the way down.
"""

from __future__ import annotations

import pickle
from concurrent.futures import ProcessPoolExecutor
from types import MappingProxyType
from typing import TYPE_CHECKING

import pytest

import villagecat

if TYPE_CHECKING:
    from villagecat.merging import EffectiveCatalog


def _resolved(code: str) -> EffectiveCatalog:
    return villagecat.resolve(code)


@pytest.mark.parametrize("code", ["cn", "120117", "220000", "140404"])
def test_a_catalog_pickles_with_its_items_history_and_conflicts(code: str) -> None:
    catalog = villagecat.resolve(code)
    back = pickle.loads(pickle.dumps(catalog))  # noqa: S301 - our own object
    assert back == catalog
    assert back.layer == catalog.layer
    assert [e.id for items in back.items.values() for e in items.values()] == [
        e.id for items in catalog.items.values() for e in items.values()
    ]
    for items in catalog.items.values():
        for entry in items.values():
            again = back.get(entry.id)
            assert again is not None
            assert again.provenance == entry.provenance
            assert again == entry
    assert back.conflicts == catalog.conflicts
    assert back.renumbered == catalog.renumbered
    assert isinstance(back.items, MappingProxyType)
    assert all(isinstance(items, MappingProxyType) for items in back.items.values())
    changed = [e for items in back.items.values() for e in items.values() if e.changes]
    assert all(isinstance(e.changes, MappingProxyType) for e in changed)
    with pytest.raises(TypeError):
        back.items["duties"] = {}  # type: ignore[index]


def test_a_changed_item_pickles_alone() -> None:
    catalog = villagecat.resolve("120117")
    entry = next(e for items in catalog.items.values() for e in items.values() if e.changes)
    again = pickle.loads(pickle.dumps(entry))  # noqa: S301 - our own object
    assert again == entry
    assert again.provenance == entry.provenance


def test_a_process_pool_returns_catalogs() -> None:
    with ProcessPoolExecutor(max_workers=2) as pool:
        catalogs = list(pool.map(_resolved, ["120117", "340403"]))
    assert [c.layer.id for c in catalogs] == ["120117", "340403"]
    assert catalogs[0] == villagecat.resolve("120117")
