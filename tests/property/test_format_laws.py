"""Laws of the format: lossless cells, one definition of tightening, red lines that hold.

Items are generated from the format registry itself, field by field, so a kind or a field
added to the registry is covered without touching this file.
"""

from __future__ import annotations

import tempfile
import typing
import warnings
from pathlib import Path
from typing import Any

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError
from strategies import CITE, child, national

from villagecat._columns import override_cell_value
from villagecat._text import FILLED_LINE_PATTERN, FILLED_TEXT_PATTERN, MARKS, REFUSED_TEXT
from villagecat.diff import diff_packages
from villagecat.errors import ListEntryNotice
from villagecat.format.registry import FieldSpec, Kind, kinds
from villagecat.format.rules import Effect, FieldRule, Graded
from villagecat.merging import merge
from villagecat.models import Authority, Citation, Document, Layer, Level, Override, ParentRef, Scope
from villagecat.models._base import DATE_PATTERN
from villagecat.package import LayerPackage, load_layer, save_layer

LAYER = "220102"
DOCUMENT = f"{LAYER}.document.d0"
#: Text with every delimiter the formats know: | \\ 「」 quotes, commas, newlines, # and spaces inside.
#: Less what no text holds (blanks such as U+3164, noncharacters), and no text begins with a mark (U+0301).
_ALPHABET = st.characters(
    codec="utf-8",
    exclude_categories=("Cc", "Cf", "Cs", "Zl", "Zp"),
    exclude_characters="".join(chr(c) for c in REFUSED_TEXT if c not in (0x09, 0x0A)),
    include_characters="|\\「」\"',#\n\t ",
)
multi_line = (
    st.text(alphabet=_ALPHABET, min_size=1, max_size=30)
    .map(str.strip)
    .filter(lambda t: t[:1] and ord(t[0]) not in MARKS)
)
#: Patterns that only keep out control and invisible characters: any text of the alphabet passes them.
FREE_TEXT = (FILLED_TEXT_PATTERN, FILLED_LINE_PATTERN)
one_line = multi_line.map(lambda t: " ".join(t.split())).filter(lambda t: t[:1] and ord(t[0]) not in MARKS)


def _text(spec: FieldSpec) -> st.SearchStrategy[str]:
    if spec.name in ("name", "title", "aliases", "name_zh", "name_en"):
        return one_line
    return multi_line


def draw_len(day: object) -> int:
    """Cut a date to the precision a source may give: year, month or day (chosen from the day itself)."""
    return (4, 7, 10)[hash(day) % 3]


def _value(spec: FieldSpec) -> st.SearchStrategy[Any] | None:
    """A valid value of one field, or None where the field must stay empty (patterns, cross-field rules)."""
    if spec.shape == "citations":
        section = one_line.filter(lambda t: "「" not in t and "」" not in t)
        citation = st.builds(
            Citation, document=st.just(DOCUMENT), section=st.none() | section, quote=st.none() | multi_line
        )
        return st.lists(citation, min_size=spec.min_length or 0, max_size=3).map(tuple)
    inner: st.SearchStrategy[Any]
    if spec.vocab is not None:
        inner = st.sampled_from(list(spec.vocab))
    elif spec.pattern == DATE_PATTERN:
        inner = st.dates().map(lambda d: d.isoformat()[: draw_len(d)])
    elif spec.pattern not in (None, *FREE_TEXT) or spec.name in ("template", "placeholders", "value"):
        return None
    elif spec.shape == "number":
        low = spec.minimum if spec.minimum is not None else 0.0
        high = spec.maximum if spec.maximum is not None else 1e6
        inner = st.floats(min_value=low, max_value=high, allow_nan=False).filter(
            lambda x: spec.exclusive_minimum is None or x > spec.exclusive_minimum
        )
    elif spec.shape == "integer":
        inner = st.integers(min_value=int(spec.minimum or 0), max_value=10_000)
    elif spec.shape == "bool":
        inner = st.booleans()
    else:
        inner = _text(spec)
    if spec.is_list:
        return st.lists(inner, min_size=spec.min_length or 0, max_size=4).map(tuple)
    return inner


@st.composite
def item_of(draw: st.DrawFn, kind: Kind, n: int = 0) -> Any:
    data: dict[str, Any] = {"id": f"{LAYER}.{kind.segment}.x{n}"}
    for spec in kind.fields:
        if spec.name in ("id", "restates", "replaces"):  # a restating row merges into another item, and an earlier
            continue  # id (a pattern on each entry of a list) renumbers one: not this law's subject
        if kind.name == "clause" and spec.name == "document":
            data["document"] = DOCUMENT
            continue
        if kind.role == "operation" and spec.name == "target":
            data["target"] = "cn.facility.f"
            continue
        strategy = _value(spec)
        if strategy is None:
            continue
        if not spec.required and draw(st.booleans()):
            continue
        data[spec.name] = draw(strategy)
    if kind.name == "override":
        data.update(field="function_areas", op="add", value=draw(st.lists(one_line, min_size=1, max_size=3)))
    return kind.model.model_validate(data)


@st.composite
def layers(draw: st.DrawFn) -> LayerPackage:
    """A county layer holding one or two items of every kind, each field drawn from the registry."""
    resources: dict[str, tuple[Any, ...]] = {}
    for kind in kinds():
        count = draw(st.integers(min_value=1, max_value=2))
        resources[kind.resource] = tuple(draw(item_of(kind, n)) for n in range(count))
    resources["documents"] = (
        Document(id=DOCUMENT, title="测试文件", authority=Authority.NORMATIVE_DOCUMENT),
        *resources["documents"][1:],
    )
    layer = Layer(
        id=LAYER,
        level=Level.COUNTY,
        division_code=LAYER,
        name_zh=draw(one_line),
        name_en="Test",
        slug="test",
        version="0.1.0",
        parent=ParentRef(id="220100", version_range=">=0.1.0"),
        covers=(Scope.VILLAGE,),
    )
    return LayerPackage.of(layer, resources)


def _items(package: LayerPackage) -> dict[str, Any]:
    """Everything but the clauses, which are how a package stores its citations."""
    return {
        kind.resource: package.resource(kind.resource)
        for kind in kinds()
        if kind.in_catalog or kind.role == "operation"
    }


@settings(max_examples=20, deadline=None)
@given(layers(), st.sampled_from(["csv", "json", "xlsx"]))
def test_save_then_load_is_identity_in_every_form(package: LayerPackage, form: str) -> None:
    """For every field of every kind, arbitrary text with | 「」 quotes and newlines survives CSV, JSON and xlsx."""
    with tempfile.TemporaryDirectory() as tmp:
        if form == "xlsx":
            from villagecat.workbook import export_workbook, import_workbook  # noqa: PLC0415

            export_workbook(package, Path(tmp) / "w.xlsx")
            with warnings.catch_warnings():  # a list entry holding a comma is said (and read as written)
                warnings.simplefilter("ignore", ListEntryNotice)
                back = import_workbook(Path(tmp) / "w.xlsx")
        else:
            back = load_layer(save_layer(package, Path(tmp) / "p", fmt=form))  # type: ignore[arg-type]
        assert _items(back) == _items(package)
        assert back.layer == package.layer
        if form != "xlsx":
            again = load_layer(save_layer(back, Path(tmp) / "q", fmt=form))  # type: ignore[arg-type]
            assert again == back


_RULED = [(k, s) for k in kinds() if k.role == "item" for s in k.fields if s.rule is not None and _value(s) is not None]


def _pair(kind: Kind, spec: FieldSpec) -> st.SearchStrategy[tuple[Any, Any]]:
    value = _value(spec)
    assert value is not None, spec.name
    nullable = type(None) in typing.get_args(kind.model.model_fields[spec.name].annotation)
    return st.tuples(st.none() | value, st.none() | value) if nullable else st.tuples(value, value)


@pytest.mark.parametrize(("kind", "spec"), _RULED, ids=[f"{k.slug}.{s.name}" for k, s in _RULED])
@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_merge_and_diff_agree_on_the_direction_of_every_ruled_field(
    kind: Kind, spec: FieldSpec, data: st.DataObject
) -> None:
    """One law, every field: merge refuses a change exactly when the rule does not allow it, and diff
    reports the change with the rule's effect."""
    old, new = data.draw(_pair(kind, spec))
    rule: FieldRule = spec.rule  # type: ignore[assignment]
    base = data.draw(item_of(kind))
    before = base.model_copy(update={spec.name: old})
    after = base.model_copy(update={spec.name: new})
    for version in (before, after):  # only values the field can hold
        try:
            kind.model.model_validate(version.model_dump())
        except ValidationError:
            assume(False)  # noqa: FBT003 - hypothesis's own signature
    rule = rule.for_item(before)  # as it holds on this item (a condition turns on a permission)
    layer = Layer(
        id=LAYER,
        level=Level.COUNTY,
        division_code=LAYER,
        name_zh="测",
        name_en="T",
        slug="t",
        version="0.1.0",
        parent=ParentRef(id="220100", version_range=">=0.1.0"),
        covers=(Scope.VILLAGE,),
    )
    report = diff_packages(
        LayerPackage.of(layer, {kind.resource: (before,)}), LayerPackage.of(layer, {kind.resource: (after,)})
    )
    changes = [c for c in report.changes if c.field == spec.name]
    if before == after:
        assert changes == []
        return
    # an empty modality of a requirement the item does not give grades nothing: giving one adds a rule
    ungraded = isinstance(rule, Graded) and old is None and not rule.in_force(before)

    # advice (should, mainly, may) said to be unstated ranks higher, as merge needs it to, yet a miss is a 提示
    # on either side (only must is 不符合): diff says so under its own code, tightening no one's rule; and back
    # (unstated said to be advice, where the requirement it grades is given) relaxing no one's
    def advice(value: object) -> bool:
        return isinstance(rule, Graded) and rule.grade(value) is not None and not rule.binds(value)

    told = isinstance(rule, Graded) and isinstance(rule.empty, int) and (old is None) != (new is None)
    if told and new is None and advice(old):
        assert [(c.code, c.effect) for c in changes] == [(f"{kind.slug}-{spec.slug}-unstated", Effect.NEUTRAL)]
        assert rule.effect(old, new) is Effect.TIGHTENS
    elif told and old is None and advice(new) and not ungraded:
        assert [(c.code, c.effect) for c in changes] == [(f"{kind.slug}-{spec.slug}-stated", Effect.NEUTRAL)]
        assert rule.effect(old, new) is Effect.LOOSENS
    else:
        assert [c.effect for c in changes] == [Effect.TIGHTENS if ungraded else rule.effect(old, new)]
    if rule.name == "keep_entries":
        assert rule.allows(old, new) == (set(old or ()) <= set(new or ()))
    elif rule.name == "fixed":  # neither tightens nor loosens: once given, it stays
        assert rule.allows(old, new) == (old is None)
    elif rule.name == "frozen":  # what a rule is about: it stays as it is
        assert not rule.allows(old, new)
    else:
        assert rule.allows(old, new) == (rule.effect(old, new) is not Effect.LOOSENS)
    if not spec.is_list:
        # Merge enforces exactly what the rule allows: an override making the change conflicts iff it loosens.
        parent = LayerPackage.of(layer, {kind.resource: (before,)})
        operation = Override(
            id="220103.override.o", name="覆盖", target=before.id, field=spec.name, value=new, citations=(CITE,)
        )
        county = Layer(
            id="220103",
            level=Level.COUNTY,
            division_code="220103",
            name_zh="子",
            name_en="C",
            slug="c",
            version="0.1.0",
            parent=ParentRef(id=LAYER, version_range=">=0.1.0"),
            covers=(Scope.VILLAGE,),
        )
        conflicts = merge([parent, LayerPackage(layer=county, overrides=(operation,))]).conflicts
        refused = [c for c in conflicts if c.rule == rule.name]
        assert bool(refused) == (not rule.allows(old, new) and not ungraded)


def _override(field: str, value: Any, n: int) -> Override:
    return Override(
        id=f"220000.override.o{n}",
        name="覆盖",
        target="cn.sign.s" if field in ("max_width_cm", "max_height_cm", "mandatory") else "cn.facility.f",
        field=field,
        value=override_cell_value({"target": "cn.facility.f", "field": field, "value": value})
        if isinstance(value, str)
        else value,
        citations=(CITE,),
    )


@settings(max_examples=60, deadline=None)
@given(
    national(),
    st.lists(
        st.tuples(
            st.sampled_from(
                ["min_floor_area_m2", "min_area_per_100_households_m2", "max_width_cm", "max_height_cm", "mandatory"]
            ),
            st.one_of(st.none(), st.integers(min_value=1, max_value=3000).map(float), st.booleans()),
        ),
        max_size=6,
    ),
)
def test_no_override_sequence_loosens_anything(base: LayerPackage, ops: list[tuple[str, Any]]) -> None:
    """Whatever overrides a lower layer stacks, every ruled field of every inherited item ends no looser."""
    overrides = []
    for n, (name, value) in enumerate(ops):
        if (name == "mandatory") != isinstance(value, bool):
            continue
        overrides.append(_override(name, value, n))
    catalog = merge([base, child(tuple(overrides))])
    for resource in ("signs", "facilities"):
        for inherited in base.resource(resource):
            entry = catalog.get(str(getattr(inherited, "id", "")))
            assert entry is not None
            for spec in kinds()[[k.resource for k in kinds()].index(resource)].fields:
                if spec.rule is None:
                    continue
                old, new = getattr(inherited, spec.name), getattr(entry.item, spec.name)
                assert spec.rule.effect(old, new) is not Effect.LOOSENS, (spec.name, old, new)


@settings(max_examples=30, deadline=None)
@given(
    national(), st.integers(min_value=1, max_value=3000).map(float), st.integers(min_value=1, max_value=3000).map(float)
)
def test_merging_unrelated_layers_in_either_order_gives_the_same_catalog(
    base: LayerPackage, a: float, b: float
) -> None:
    """Two overrides of unrelated fields commute: which comes first does not change the result."""
    first = _override("min_floor_area_m2", a, 0)
    second = _override("max_width_cm", b, 1)
    one = merge([base, child((first, second))])
    other = merge([base, child((second, first))])
    for resource in ("signs", "facilities"):
        assert [e.item for e in one.items[resource].values()] == [e.item for e in other.items[resource].values()]
    assert sorted(c.rule for c in one.conflicts) == sorted(c.rule for c in other.conflicts)
