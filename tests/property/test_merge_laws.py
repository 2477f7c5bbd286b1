"""The laws of merging, checked on generated layers."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from strategies import child, directed_override, names, national, override

from villagecat.merging import merge
from villagecat.models import ParentRef
from villagecat.package import LayerPackage


def _state(packages: list[LayerPackage]) -> dict[str, object]:
    catalog = merge(packages)
    return {i: e.item for items in catalog.items.values() for i, e in items.items()}


@given(national())
def test_an_empty_layer_changes_nothing(base: LayerPackage) -> None:
    """Merging a layer with no items and no operations leaves every item as it was."""
    catalog = merge([base, child()])
    assert _state([base, child()]) == _state([base])
    assert catalog.conflicts == ()


@given(national(), names, names)
def test_the_most_specific_layer_wins_where_the_rules_allow(base: LayerPackage, first: str, second: str) -> None:
    """An undirected field takes the value of the lowest layer that sets it."""
    upper = child((override("cn.sign.s", "name", first),))
    lower_layer = upper.layer.model_copy(
        update={
            "id": "220100",
            "division_code": "220100",
            "level": "prefecture",
            "parent": ParentRef(id="220000", version_range=">=0.1.0"),
        }
    )
    lower = LayerPackage(
        layer=lower_layer,
        overrides=(override("cn.sign.s", "name", second).model_copy(update={"id": "220100.override.o0"}),),
    )
    catalog = merge([base, upper, lower])
    entry = catalog.get("cn.sign.s")
    assert entry is not None
    assert entry.item.name == second  # type: ignore[attr-defined]
    assert [s.layer for s in entry.provenance["name"]] == ["cn", "220000", "220100"]


@given(national(), st.lists(directed_override(), max_size=4))
def test_merging_is_deterministic(base: LayerPackage, ops: list[tuple[str, str, bool, float | None]]) -> None:
    """The same layers always merge to the same catalog and the same conflicts."""
    overrides = tuple(override(t, f, None if v is None else str(v), n) for n, (t, f, _, v) in enumerate(ops))
    layers = [base, child(overrides)]
    assert _state(layers) == _state(layers)
    assert merge(layers).conflicts == merge(layers).conflicts


@given(national(), directed_override())
def test_every_loosening_is_a_conflict_and_every_tightening_applies(
    base: LayerPackage, op: tuple[str, str, bool, float | None]
) -> None:
    """A directed field conflicts exactly when the new value loosens the inherited one."""
    target, field_name, rises, value = op
    before = getattr(next(i for _, i in base.iter_items() if getattr(i, "id", None) == target), field_name)
    catalog = merge([base, child((override(target, field_name, None if value is None else str(value)),))])
    if before is None:
        loosens = False
    elif value is None:
        loosens = True
    else:
        loosens = value < before if rises else value > before
    assert [c.rule for c in catalog.conflicts] == ([("increase_only" if rises else "decrease_only")] if loosens else [])
    entry = catalog.get(target)
    assert entry is not None
    assert getattr(entry.item, field_name) == (before if loosens else value)
