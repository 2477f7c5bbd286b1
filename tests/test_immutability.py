"""An effective catalog cannot be changed by what a caller does to it: the next resolve() is the same."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
from pydantic import ValidationError

import villagecat


def _try(action: Any) -> bool:
    """Run ``action``; return whether it was refused."""
    try:
        action()
    except (AttributeError, TypeError, ValidationError, dataclasses.FrozenInstanceError):
        return True
    return False


def test_nothing_reachable_from_a_resolved_catalog_can_be_changed() -> None:
    catalog = villagecat.resolve("120117")
    before = villagecat.resolve("120117")
    duty = catalog.duties()[0]
    entry = catalog.get(duty.id)
    assert entry is not None
    attempts = [
        lambda: duty.departments.append("某部门"),  # type: ignore[attr-defined]
        lambda: duty.citations.append(duty.citations[0]),  # type: ignore[attr-defined]
        lambda: setattr(duty, "name", "改名"),
        lambda: catalog.items["duties"].clear(),  # type: ignore[attr-defined]  # noqa: PLW0108
        lambda: catalog.items.pop("duties"),  # type: ignore[attr-defined]
        lambda: setattr(entry, "item", duty),
        lambda: catalog.conflicts.append(None),  # type: ignore[attr-defined]
        lambda: catalog.layer.releases.append(None),  # type: ignore[attr-defined]
        lambda: catalog.layer.covers.append("community"),  # type: ignore[attr-defined]
        lambda: setattr(catalog, "layer", catalog.chain[0]),
    ]
    refused = [_try(action) for action in attempts]
    assert all(refused), [i for i, r in enumerate(refused) if not r]
    ninghe = catalog.get("cn.sign.party-service-centre")
    assert ninghe is not None
    assert ninghe.changes, "Ninghe renames this sign, so it has steps"
    assert _try(lambda: ninghe.changes["name"].append(None))  # type: ignore[attr-defined]
    assert _try(lambda: ninghe.changes.clear())  # type: ignore[attr-defined]  # noqa: PLW0108
    after = villagecat.resolve("120117")
    assert [d.model_dump() for d in after.duties()] == [d.model_dump() for d in before.duties()]
    assert after.get(duty.id) is not None


@pytest.mark.parametrize("name", ["duties", "certificates", "signs"])
def test_list_fields_are_tuples(name: str) -> None:
    for item in villagecat.resolve("120117").resource(name):
        for field_name in type(item).model_fields:
            assert not isinstance(getattr(item, field_name), list), (item, field_name)
