"""The merge's shortcuts give what the plain merge gives (found by a hostile test of each).

``MergeCache`` merges a province once and forks it per county, copying an entry only when a
lower layer changes it; an override that adds list entries rebuilds the tuple without
validating the item again. Neither may change an outcome, nor let one caller's result
change another's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest

from layers import child_layer
from villagecat.merging import EffectiveCatalog, MergeCache, merge
from villagecat.models import Duty
from villagecat.registry import LayerRegistry, shipped_registry

if TYPE_CHECKING:
    from villagecat.package import LayerPackage

CITE = "cn.document.tingzi-2022-28#二(二)5"


@pytest.fixture(scope="module")
def registry() -> LayerRegistry:
    return shipped_registry()


def _max_length(model: type[Duty], name: str) -> int | None:
    """The most entries a list field takes: its bound, as the model declares it."""
    bounds = [getattr(m, "max_length", None) for m in model.model_fields[name].metadata]
    return min((b for b in bounds if isinstance(b, int)), default=None)


def _below(parent: str, code: str, **changes: Any) -> LayerPackage:
    """A township under ``parent`` with one override (``changes``), or none."""
    return child_layer(parent, code, level="township", overrides=[changes] if changes else [])


def _histories(catalog: EffectiveCatalog) -> dict[str, Any]:
    return {e.id: e.changes for entries in catalog.items.values() for e in entries.values()}


def test_an_override_that_conflicts_leaves_cached_histories_as_the_plain_merge_has_them(
    registry: LayerRegistry,
) -> None:
    """The entry copied for the operation was once left with lists for histories, shared by later results."""
    chain = registry.chain(registry.find("220000"))
    target = next(e for e in merge(chain).items["signs"].values() if e.changes)
    county = child_layer(
        "220000", overrides=[{"target": target.id, "field": "no_such_field", "op": "set", "value": "x"}]
    )
    first, second = _below("220102", "220102001"), _below("220102", "220102002")
    cache = MergeCache()
    cached = cache.merge([*chain, county, first])
    assert _histories(cached) == _histories(merge([*chain, county, first]))
    entry = cached.get(target.id)
    assert entry is not None
    history: Any = entry.changes
    field = next(iter(history))
    with pytest.raises((TypeError, AttributeError)):
        history[field].clear()  # a caller's mistake, refused
    assert _histories(cache.merge([*chain, county, second])) == _histories(merge([*chain, county, second]))


def _own_duty(**fields: Any) -> tuple[LayerPackage, Duty]:
    duty = Duty.model_validate({"id": "220102.duty.big", "name": "大事项", "duty_kind": "performs", **fields})
    return child_layer("220000", duties=(duty,)), duty


@pytest.mark.parametrize("grown", ["aliases", "citations"])
def test_a_list_grown_past_its_bound_by_a_rename_or_a_citation_is_a_conflict(
    registry: LayerRegistry, grown: str
) -> None:
    """A rename keeps the old name as an alias, and an override adds its citations: both within the bound."""
    bound = _max_length(Duty, grown)
    assert bound is not None
    if grown == "aliases":
        county, duty = _own_duty(citations=[CITE], aliases=[f"别名{i}" for i in range(bound)])
        change = {"field": "name", "op": "set", "value": "新名称"}
    else:
        cites = [{"document": "cn.document.tingzi-2022-28", "section": f"{i}"} for i in range(bound)]
        county, duty = _own_duty(citations=cites)
        change = {"field": "category", "op": "set", "value": "党的建设"}
    town = _below("220102", "220102001", target=duty.id, **change)
    catalog = merge([*registry.chain(registry.find("220000")), county, town])
    assert [c.rule for c in catalog.conflicts if c.layer == "220102001"] == ["invalid_value"]
    entry = catalog.get(duty.id)
    assert entry is not None
    item = entry.item
    assert item == duty  # the inherited value stays
    assert len(getattr(item, grown)) == bound


def test_list_entries_added_are_bounded_by_the_models_own_bound(
    registry: LayerRegistry, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The models take the list budget at import; a later environment does not move the merge's bound."""
    bound = _max_length(Duty, "departments")
    assert bound is not None
    county, duty = _own_duty(citations=[CITE])
    add = [f"部门{i}" for i in range(bound + 1)]
    town = _below("220102", "220102001", target=duty.id, field="departments", op="add", value=add)
    chain = [*registry.chain(registry.find("220000")), county, town]
    monkeypatch.setenv("VILLAGECAT_MAX_LIST", str(2 * bound))
    catalog = merge(chain)
    assert [c.rule for c in catalog.conflicts if c.layer == "220102001"] == ["invalid_value"]
    entry = catalog.get(duty.id)
    assert entry is not None
    assert getattr(entry.item, "departments", None) == ()


def test_the_inherited_names_a_cache_gives_cannot_change_its_merges(registry: LayerRegistry) -> None:
    chain = registry.chain(registry.find("220000"))
    county = child_layer("220000")
    cache = MergeCache()
    names = cache.inherited_names([*chain, county])
    assert names["duties"]
    with pytest.raises(TypeError):
        names["duties"]["新名称"] = "cn.duty.x"  # type: ignore[index]
    assert "新名称" not in cache.inherited_names([*chain, county])["duties"]


def test_a_conflict_shows_values_as_a_clerk_reads_them(registry: LayerRegistry) -> None:
    """Never a Python repr: an empty list is 空 (it read ()), a list is as a clerk writes one (部门0、部门1 in
    Chinese, bracketed in English), a boolean is true or false."""
    bound = _max_length(Duty, "departments")
    assert bound is not None
    county, duty = _own_duty(citations=[CITE])
    add = [f"部门{i}" for i in range(bound + 1)]  # one too many: the merge's invalid_value conflict
    town = _below("220102", "220102001", target=duty.id, field="departments", op="add", value=add)
    catalog = merge([*registry.chain(registry.find("220000")), county, town])
    conflict = next(c for c in catalog.conflicts if c.layer == "220102001")
    assert isinstance(conflict.attempted, tuple)  # shared by cached results: held as a tuple
    zh, en = conflict.describe("zh"), conflict.describe("en")
    assert "上级值 空" in zh
    assert "本层值 部门0、部门1、" in zh
    assert "[" not in zh
    assert "()" not in zh
    assert "[部门0, 部门1, " in en
    assert "、" not in en


def test_a_vocabulary_value_in_a_conflict_reads_as_its_label() -> None:
    """上级值 不应出具（not_to_issue）, as validation shows vocabulary words; English keeps the code."""
    from villagecat.merging import Conflict  # noqa: PLC0415
    from villagecat.models import CertificateStatus  # noqa: PLC0415

    conflict = Conflict(
        layer="120117",
        version="1.1.1",
        item="cn.certificate.x",
        field="status",
        rule="increase_only",
        inherited=CertificateStatus.NOT_TO_ISSUE,
        attempted=CertificateStatus.RETAINED,
    )
    assert f"（{CertificateStatus.NOT_TO_ISSUE.value}）" in conflict.describe("zh")
    assert CertificateStatus.NOT_TO_ISSUE.label in conflict.describe("zh")
    assert CertificateStatus.NOT_TO_ISSUE.label not in conflict.describe("en")
