"""The published schemas refuse what the models refuse, and take what they take.

A county that validates with the published JSON Schemas (jsonschema, Ajv) or the Table Schemas
(frictionless) must reach villagecat's verdict on every value, but for the rules declared in
:data:`villagecat.schema.NOT_IN_SCHEMAS`. Every field of every published model (nested ones
included) is tried with values that break its rules and values that keep them.
"""

from __future__ import annotations

import functools
import json
import re
import typing
from dataclasses import dataclass
from typing import Any

import frictionless
import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

from villagecat._columns import cells_to_input, model_to_cells, table_schema
from villagecat._text import WHITE_SPACE
from villagecat.format.registry import FieldSpec, fields_of, kind_of_model
from villagecat.models import Certificate, Layer, Override
from villagecat.models._base import DATE_PATTERN
from villagecat.models.layer import VERSION_RANGE_PATTERN
from villagecat.package import load_layer
from villagecat.registry import shipped_layer_paths
from villagecat.schema import NOT_IN_SCHEMAS, generate_schemas, json_schema_models

CITATION = {"document": "cn.document.base", "section": "一"}
#: A valid value of each nested model, to vary one of its fields in.
NESTED: dict[str, dict[str, Any]] = {
    "Citation": CITATION,
    "ParentRef": {"id": "cn", "version_range": ">=0.1.0"},
    "AdmissionRoute": {"steps": ["县级审批"], "citations": [CITATION]},
    "Release": {"version": "0.1.0", "notes": "首版"},
}
#: No shipped layer cancels an item yet.
CANCELLATION = {
    "id": "120000.cancellation.x",
    "name": "取消",
    "target": "cn.duty.x",
    "reason": "已由部门办理",
    "citations": [CITATION],
}
#: Values that broke, or nearly broke, a rule once: blank text, spaces a model strips, hidden characters,
#: version ranges, dates, ids with a newline after them, braces.
SPECIAL = (
    *("", " ", "   ", "\t", "\n", "\u3000", "\xa0", "\x85", "\ufeff", "\u200b", "\x1c"),
    *(" 名称 ", "\u3000名称\n", "名\n称", "名\t称", "名\x00称", "名\u202e称", "「引」", "a b", "https://a\x85"),
    *("nope", ">=0.1.0,<0.2.0", " >=0.1, <1 ", "==0.4.*", "~=1", "~=1.0", "===1", ">=", ">=1.0rc1", ","),
    *("0000", "0000-05", "0001", "a\ud800b", "\udfff", "a\U0001f600b"),
    *("2023-02-30", "2023-13", "2023-09", "2023", "1.0.0", "1.0.0\n", "cn.duty.x", "cn.duty.x\n", "a-b", "a_b"),
    *("{姓名}", "{ }", "{a", "a}", "{{a}}", "https://www.gov.cn/", "https://a b", "https://a\x00"),
)
NUMBERS = (0, -1, 0.5, 1, 2, 100, 101, -0.0, 1.5, 10_000, 10_001, 1e20, 2**63)
#: Characters worth drawing text from: every space a model strips, hidden ones, ASCII, CJK.
ALPHABET = st.sampled_from([*WHITE_SPACE, "\x00", "\x1c", "\u200b", "\ufeff", "{", "}", "「", "」", "|", "\\"]) | (
    st.characters(min_codepoint=0x20, max_codepoint=0x7E) | st.characters(min_codepoint=0x4E00, max_codepoint=0x4E10)
)


@dataclass(frozen=True)
class Slot:
    """One place a value goes: a published schema, the path to the field, and the field."""

    schema: str
    path: tuple[str | int, ...]
    spec: FieldSpec
    scalar: bool  # the field holds one value (else: a list; the value is its one entry)

    def __str__(self) -> str:
        return f"{self.schema}:{'.'.join(map(str, self.path))}"


def _inner_model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    return next((m for a in typing.get_args(annotation) if (m := _inner_model(a)) is not None), None)


def _slots(schema: str, model: type[BaseModel], path: tuple[str | int, ...] = ()) -> list[Slot]:
    found = []
    for spec in fields_of(model):
        annotation = model.model_fields[spec.name].annotation
        nested = _inner_model(annotation)
        if nested is not None:
            at: tuple[str | int, ...] = (*path, spec.name, 0) if spec.is_list else (*path, spec.name)
            found += _slots(schema, nested, at)
        else:
            found.append(Slot(schema, (*path, spec.name), spec, scalar=not spec.is_list))
    return found


SLOTS = [slot for name, model in json_schema_models().items() for slot in _slots(name, model)]


@functools.cache
def _bases() -> dict[str, dict[str, Any]]:
    """A valid JSON-form document of every published model, from the shipped layers."""
    models = json_schema_models()
    bases: dict[str, dict[str, Any]] = {"citation": CITATION, "cancellation": CANCELLATION}
    for path in shipped_layer_paths():
        package = load_layer(path)
        if package.layer.parent is not None:
            bases.setdefault("layer", package.layer.model_dump(mode="json", exclude_none=True))
        for _, item in package.iter_items():
            name = next(n for n, m in models.items() if type(item) is m)
            bases.setdefault(name, item.model_dump(mode="json", exclude_none=True))
    # Nested models present once, so each of their fields can be varied.
    bases["layer"] |= {"admission": NESTED["AdmissionRoute"], "releases": [dict(NESTED["Release"])]}
    bases["layer"]["releases"][0]["version"] = bases["layer"]["version"]
    bases["certificate"] |= {"basis": [CITATION], "placeholders": []}
    bases["certificate"].pop("template", None)
    return bases


@functools.cache
def _validator(name: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(generate_schemas()[f"{name}.schema.json"])


def _document(slot: Slot, value: object) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(json.dumps(_bases()[slot.schema]))
    node: Any = doc
    for key, following in zip(slot.path, slot.path[1:], strict=False):
        if isinstance(key, int):
            node = node[key]
            continue
        if key not in node:
            node[key] = [json.loads(json.dumps(NESTED[_nested_name(slot, key)]))] if following == 0 else {}
        if following != 0 and not node[key]:
            node[key] = json.loads(json.dumps(NESTED[_nested_name(slot, key)]))
        node = node[key]
    node[slot.spec.name] = value if slot.scalar else [value]
    return doc


def _nested_name(slot: Slot, key: str | int) -> str:
    model: type[BaseModel] = json_schema_models()[slot.schema]
    for step in slot.path:
        if isinstance(step, int):
            continue
        inner = _inner_model(model.model_fields[step].annotation)
        if step == key and inner is not None:
            return inner.__name__
        if inner is not None:
            model = inner
    raise KeyError(key)


def _model_errors(model: type[BaseModel], doc: dict[str, Any]) -> list[Any] | None:
    try:
        model.model_validate_json(json.dumps(doc))
    except ValidationError as exc:
        return list(exc.errors(include_url=False))
    return None


_DATE = re.compile(DATE_PATTERN)


def _known_json_difference(slot: Slot, value: object, errors: list[Any] | None) -> str | None:
    """The rule of NOT_IN_SCHEMAS that explains why the JSON Schema's verdict differs, or None."""
    if errors is None:
        return None  # the model takes it: a schema that refuses it is always wrong
    if slot.spec.pattern == DATE_PATTERN and isinstance(value, str) and _DATE.match(value):
        return "calendar"
    model = json_schema_models()[slot.schema]
    if all(e["type"] == "value_error" for e in errors):  # a model's own rule across fields
        rules: dict[type[BaseModel], str] = {
            Layer: "layer-consistency",
            Certificate: "certificate-template",
            Override: "override-value",
        }
        return rules.get(model)
    return None


def _values(spec: FieldSpec) -> st.SearchStrategy[object]:
    """Values of the field's JSON type: from its pattern, its vocabulary, its bounds, and anything."""
    if spec.shape == "bool":
        return st.booleans()
    if spec.shape in ("number", "integer"):
        near = [
            b + d for b in (spec.minimum, spec.exclusive_minimum, spec.maximum) if b is not None for d in (-1, 0, 1)
        ]
        numbers = st.integers(-(2**40), 2**40) if spec.shape == "integer" else st.floats(-1e9, 1e9)
        return st.sampled_from([int(n) for n in near] or [0]) | numbers
    strategies: list[st.SearchStrategy[object]] = [st.text(ALPHABET, max_size=12), st.sampled_from(SPECIAL)]
    if spec.pattern is not None:
        strategies.append(st.from_regex(spec.pattern, fullmatch=True))
    if spec.vocab is not None:
        strategies.append(st.sampled_from([m.value for m in spec.vocab]))
    return st.one_of(strategies)


def _judge(slot: Slot, value: object) -> None:
    model = json_schema_models()[slot.schema]
    errors = _model_errors(model, _document(slot, value))
    schema_takes = _validator(slot.schema).is_valid(_document(slot, value))
    if (errors is None) != schema_takes:
        known = _known_json_difference(slot, value, errors)
        declared = {rule.key for rule in NOT_IN_SCHEMAS}
        side = "the model takes it, the schema refuses it" if errors is None else "the schema takes it"
        assert known in declared, f"{slot} = {value!r}: {side} ({errors})"


JSON_SLOTS = [s for s in SLOTS if s.spec.shape != "json"]  # an override's value: typed by its target


@pytest.mark.parametrize("slot", JSON_SLOTS, ids=str)
def test_the_json_schema_agrees_with_the_model_on_every_special_value(slot: Slot) -> None:
    """For each field, each value that once broke a rule: model and JSON Schema agree (but for NOT_IN_SCHEMAS)."""
    values: tuple[object, ...] = NUMBERS if slot.spec.shape in ("number", "integer") else SPECIAL
    for value in (True, False) if slot.spec.shape == "bool" else values:
        _judge(slot, value)


@settings(max_examples=300)
@given(st.data())
def test_the_json_schema_agrees_with_the_model_on_any_value(data: st.DataObject) -> None:
    """Any field, any value of its JSON type: the model refuses it if and only if the JSON Schema does."""
    slot = data.draw(st.sampled_from(JSON_SLOTS), label="slot")
    _judge(slot, data.draw(_values(slot.spec), label="value"))


# The CSV form: the Table Schema's verdict on one cell against villagecat's on the row holding it.
TABLE_SLOTS = [
    s
    for s in SLOTS
    if len(s.path) == 1 and s.spec.shape not in ("citations", "json") and s.schema not in ("layer", "citation")
]


@functools.cache
def _table_field(slot: Slot) -> frictionless.Field:
    model = json_schema_models()[slot.schema]
    return frictionless.Schema.from_descriptor(table_schema(model, "csv")).get_field(slot.spec.name)


def _cell(spec: FieldSpec, value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value).replace("\\", "\\\\").replace("|", "\\|") if spec.is_list else str(value)


def _judge_cell(slot: Slot, value: object) -> None:
    model = json_schema_models()[slot.schema]
    base = model.model_validate(_bases()[slot.schema])
    row = model_to_cells(base) | {slot.spec.name: _cell(slot.spec, value)}
    refused: dict[str, str] = {}  # cells the Table Schema refuses as written (spaces around, 2.0): villagecat too
    try:
        model.model_validate(cells_to_input(model, row, refused))
        villagecat_takes = not refused
    except ValidationError:
        villagecat_takes = False
    cell = row[slot.spec.name]
    _, notes = _table_field(slot).read_cell(cell)
    if villagecat_takes != (not notes):
        # villagecat reads a list's entries one by one.
        known = "csv-cells" if slot.spec.is_list else None
        if slot.spec.pattern == DATE_PATTERN and _DATE.match(cell):
            known = "calendar"
        if model is Certificate and not villagecat_takes:  # the template and its placeholders
            known = known or "certificate-template"
        assert known in {rule.key for rule in NOT_IN_SCHEMAS}, f"{slot} cell {cell!r}: villagecat {villagecat_takes}"


@pytest.mark.parametrize("slot", TABLE_SLOTS, ids=str)
def test_the_table_schema_agrees_with_villagecat_on_every_special_cell(slot: Slot) -> None:
    """For each column, each value that once broke a rule: villagecat and the Table Schema agree on the cell."""
    values: tuple[object, ...] = NUMBERS if slot.spec.shape in ("number", "integer") else SPECIAL
    for value in (True, False) if slot.spec.shape == "bool" else values:
        _judge_cell(slot, value)


@settings(max_examples=200)
@given(st.data())
def test_the_table_schema_agrees_with_villagecat_on_any_cell(data: st.DataObject) -> None:
    """Any column, any cell: villagecat refuses the row if and only if the Table Schema refuses the cell."""
    slot = data.draw(st.sampled_from(TABLE_SLOTS), label="slot")
    _judge_cell(slot, data.draw(_values(slot.spec), label="value"))


def test_every_published_model_has_a_document_to_vary() -> None:
    """The parity tests reach every published model, and every known difference is declared and met."""
    assert set(_bases()) == set(json_schema_models())
    for name, doc in _bases().items():
        assert _model_errors(json_schema_models()[name], doc) is None, name
        assert _validator(name).is_valid(doc), name
    assert kind_of_model(Certificate).resource == "certificates"


@given(st.from_regex(VERSION_RANGE_PATTERN, fullmatch=True))
def test_every_version_range_the_pattern_takes_is_one_packaging_reads(text: str) -> None:
    """The model checks a version range by its pattern alone, so each it takes is a PEP 440 specifier set."""
    from packaging.specifiers import SpecifierSet  # noqa: PLC0415

    from villagecat.models import ParentRef  # noqa: PLC0415

    kept = ParentRef(id="cn", version_range=text).version_range
    assert ParentRef(id="cn", version_range=text).admits("0.1.0") in (True, False)
    SpecifierSet(kept)  # raises InvalidSpecifier if not
