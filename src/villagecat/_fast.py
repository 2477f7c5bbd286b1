"""Reading many packages fast, for a verdict only: "certainly valid", or "read it in full".

:func:`villagecat.validation.validate_many` reads every package through :func:`open_fast`
and :func:`read_fast` first. Each resource's rows are validated in one call into pydantic-core, one tuple per row
(per column in CSV, whose cells are decoded column by column) typed by the model's own field annotations and
constraints (the same rules, applied by the same engine as the models); ids, citations and names across
layers are then checked on the columns (:func:`villagecat.validation.verified`), without building a model per item.

This path never words a problem. Whatever it does not read, or finds anything wrong with,
or does not expect, it hands to the full reader (:func:`villagecat.package.read_package`
and :func:`villagecat.validation.check_package`), which finds every problem and says where
it is. Its verdict is therefore the full reader's: the tests mutate packages cell by cell
and require that this path never calls valid what the full reader does not.

It reads packages in the current format whose ``resources`` are exactly those villagecat
writes (then the Table Schemas embedded in the descriptor, two thirds of its bytes, are not
parsed again), in CSV or JSON. The few rows the merge needs whole (documents, clauses,
cancellations, rows that restate inherited items) become models built from their validated
values; overrides, whose value is typed by the field it targets, are read by the full
reader's own functions. A certificate with a template is left to the full reader (its
model checks the template against its placeholders).
"""

from __future__ import annotations

import codecs
import functools
import json
import operator
import typing
from dataclasses import dataclass
from itertools import chain, repeat
from typing import TYPE_CHECKING, Any, Literal, Optional

from pydantic import BaseModel, TypeAdapter, ValidationError

from villagecat._budget import csv_reader, fixed_limits, limit, load_json
from villagecat._fields import field_annotation, value_config
from villagecat._source import open_source
from villagecat.format import FORMAT_VERSION
from villagecat.format.codec import FALSE_VALUES, TRUE_VALUES, split_list
from villagecat.format.registry import Kind, kind_by_resource, kinds
from villagecat.format.upgrade import declared_format
from villagecat.models import Clause, Layer
from villagecat.models.document import JSON_FORM
from villagecat.package import LayerPackage, read_raw, resource_specs, validate_rows, version_disagrees

if TYPE_CHECKING:
    import os
    from collections.abc import Collection, Mapping

    from pydantic.fields import FieldInfo

    from villagecat._source import PackageSource
    from villagecat.models import Citation

__all__ = ["FastPackage", "Opened", "Table", "open_fast", "read_fast"]

#: The kinds read into models: sources (documents, clauses) and operations on inherited items.
MODEL_RESOURCES = tuple(k.resource for k in kinds() if k.role in ("source", "operation"))
#: Stands for the resources in the part of a descriptor that is parsed (see :func:`_descriptor`). JSON
#: can write its first character only as ``\u0000``: a descriptor without that escape cannot hold it.
_SENTINEL = "\x00villagecat: the resources villagecat writes"
_NUL_ESCAPE = b"\\u0000"
_JSON_SPACE = b" \t\n\r"


@dataclass(frozen=True)
class Table:
    """The validated rows of one resource, as columns: field name -> one value per row.

    ``cells`` keeps a CSV resource's cells (by column), from which the fields each row gave
    are known when models are built; a JSON row gives every field of its header.
    """

    columns: dict[str, tuple[Any, ...]]
    cells: dict[str, tuple[str, ...]] | None = None
    #: A JSON resource's nulls in fields that cannot be None, by column: read as the field's default, not given.
    nulls: dict[str, tuple[bool, ...]] | None = None

    @classmethod
    def of(cls, header: tuple[str, ...], rows: list[tuple[Any, ...]], cells: list[tuple[str, ...]] | None) -> Table:
        """Turn rows (tuples in the order of ``header``) into columns."""
        values = list(zip(*rows, strict=True)) if rows else [() for _ in header]
        by_name = None if cells is None else dict(zip(header, cells, strict=True))
        return cls(dict(zip(header, values, strict=True)), by_name)

    def column(self, name: str) -> tuple[Any, ...] | None:
        """Return the values of one field, or None if the header does not have it."""
        return self.columns.get(name)

    def select(self, rows: list[int]) -> Table:
        """Return the table of some of the rows, by index."""
        pick = operator.itemgetter(*rows) if len(rows) > 1 else None

        def chosen(values: tuple[Any, ...]) -> tuple[Any, ...]:
            return pick(values) if pick is not None else tuple(values[i] for i in rows)

        cells = None if self.cells is None else {name: chosen(values) for name, values in self.cells.items()}
        nulls = None if self.nulls is None else {name: chosen(values) for name, values in self.nulls.items()}
        return Table({name: chosen(values) for name, values in self.columns.items()}, cells, nulls)

    def __len__(self) -> int:
        """The number of rows."""
        return len(self.columns["id"])


@dataclass(frozen=True)
class FastPackage:
    """A package read for a verdict.

    Attributes:
        skeleton: The layer, with its documents, clauses, overrides and cancellations as models,
            and the rows that restate inherited items (they merge field by field, as overrides do).
        tables: The rows of the other resources, as columns.
        citations: The package's clauses as citations, by clause id (to build models of the rows).
    """

    skeleton: LayerPackage
    tables: dict[str, Table]
    citations: dict[str, Citation]

    def materialise(self) -> LayerPackage:
        """Return the package with every row a model, as :func:`villagecat.package.read_package` reads it.

        The rows were validated; the models are built from their values, with the fields
        each row gave (what provenance tells apart from defaults).
        """
        built = {name: _build(name, table, self.citations) for name, table in self.tables.items()}
        models = {name: self.skeleton.resource(name) for name in MODEL_RESOURCES}
        return LayerPackage.of(self.skeleton.layer, {**models, **built}, source=self.skeleton.source)

    def ids(self) -> list[str]:
        """Return the id of every row, each once (a restating row is in its table and in the skeleton)."""
        found = [str(getattr(item, "id", "")) for name in MODEL_RESOURCES for item in self.skeleton.resource(name)]
        for table in self.tables.values():
            found.extend(table.column("id") or ())
        return found


@dataclass(frozen=True)
class Opened:
    """A package whose descriptor was read fast: where its files are, its layer, its form."""

    path: str
    source: PackageSource
    layer: Layer
    fmt: Literal["csv", "json"]


def open_fast(path: str | os.PathLike[str], max_bytes: int | None = None) -> Opened | None:
    """Read a package's descriptor for a verdict; None if the full reader must read the package.

    Nothing raised here is a user's mistake to report: the full reader reads the package
    again and reports what is wrong, so any exception means "read it in full".
    """
    try:
        with fixed_limits():
            source = open_source(path, max_bytes)
            found = _descriptor(source.read("datapackage.json"), source.label)
            if found is None:
                return None
            data, fmt = found
            if declared_format(data) != FORMAT_VERSION or len(resource_specs(fmt)) > limit("resources"):
                return None
            layer = Layer.model_validate(data.get("layer"), context=JSON_FORM)
            return None if version_disagrees(data, layer) is not None else Opened(str(path), source, layer, fmt)
    except Exception:  # noqa: BLE001 - an optimisation: the full reader judges whatever this did not expect
        return None


def read_fast(opened: Opened | str | os.PathLike[str], max_bytes: int | None = None) -> FastPackage | None:
    """Read a package's rows for a verdict; None if the full reader must read it (anything but the common case).

    Args:
        opened: A package opened by :func:`open_fast`, or its path.
        max_bytes: The largest file read, when a path is given.
    """
    if not isinstance(opened, Opened):
        found = open_fast(opened, max_bytes)
        if found is None:
            return None
        opened = found
    try:
        with fixed_limits():
            return _read_rows(opened)
    except Exception:  # noqa: BLE001 - as in open_fast
        return None


def _read_rows(opened: Opened) -> FastPackage | None:
    source, layer, fmt = opened.source, opened.layer, opened.fmt
    reader = _json_table if fmt == "json" else _csv_table
    rows_limit, header_rows = limit("rows"), 1 if fmt == "json" else 0  # a JSON table's header is a row
    tables: dict[str, Table] = {}
    models: dict[str, list[BaseModel]] = {}
    citations: dict[str, Citation] = {}
    for index, spec in enumerate(_in_reading_order(fmt)):
        name = spec["name"]
        kind = kind_by_resource(name)
        if kind is None:
            return None
        if not _positional(name):  # validators across fields this path cannot run: the model reads the rows
            problems: list[Any] = []
            found_raw = read_raw(source, dict(spec), index, problems)
            if found_raw is None or problems:
                return None
            _, raw_table, file = found_raw
            models[name], _ = validate_rows(name, raw_table, file, citations, problems, layer.id)
            if problems:
                return None
            continue
        table = reader(kind, source.read(spec["path"]), citations.keys())
        if table is None or len(table) + header_rows > rows_limit:  # the budget as the full reader counts
            return None
        if name in MODEL_RESOURCES:
            models[name] = _build(name, table, citations)
            if name == "clauses":
                citations = {c.id: c.citation() for c in models[name] if isinstance(c, Clause)}
            continue
        tables[name] = table
        restates = table.column("restates") or ()
        if restates.count(None) != len(restates):  # merged field by field like overrides: the merge needs models
            restating = [i for i, key in enumerate(restates) if key is not None]
            models[name] = _build(name, table.select(restating), citations)
    skeleton = LayerPackage.of(layer, models, source=opened.path)
    return FastPackage(skeleton, tables, citations)


@functools.cache
def _in_reading_order(fmt: Literal["csv", "json"]) -> tuple[dict[str, Any], ...]:
    """The resources villagecat writes, clauses first (the others cite them)."""
    return tuple(sorted(resource_specs(fmt), key=lambda spec: spec["name"] != "clauses"))


def _build(name: str, table: Table, citations: Mapping[str, Citation]) -> list[BaseModel]:
    """Build the models of validated rows: their values as they are, defaults for the fields not given.

    Each model holds the set of the fields its row gave, as pydantic would (a JSON row gives
    its header's fields; a CSV row those whose cells are not empty); rows that gave the same
    fields share one set.
    """
    kind = kind_by_resource(name)
    if kind is None or not len(table):  # nothing to build (a county's empty cancellations, say)
        return []
    model = kind.model
    columns: list[Any] = []
    for field_name, info in model.model_fields.items():
        values = table.columns.get(field_name)
        if values is None:
            columns.append(repeat(info.get_default(call_default_factory=True)))
        elif field_name in _cited(name):
            columns.append([tuple(map(citations.__getitem__, ids)) for ids in values])
        else:
            columns.append(values)
    names = tuple(model.model_fields)
    given = _given(table, len(table))
    new, put = model.__new__, object.__setattr__
    built: list[BaseModel] = []
    for row, fields_set in zip(zip(*columns, strict=False), given, strict=False):  # defaults repeat without end
        item = new(model)
        put(item, "__dict__", dict(zip(names, row, strict=True)))
        put(item, "__pydantic_fields_set__", fields_set)
        put(item, "__pydantic_extra__", None)
        put(item, "__pydantic_private__", None)
        built.append(item)
    return built


def _given(table: Table, rows: int) -> list[set[str]]:
    """The fields each row gave, one shared set per distinct set of fields."""
    if table.cells is None and not table.nulls:
        return [set(table.columns)] * rows if rows else []
    if table.cells is None:  # JSON: every field of the header but the nulls read as not given
        names = tuple(table.nulls or {})
        flags = zip(*(table.nulls or {}).values(), strict=True)
        every = frozenset(table.columns)
        unshared: dict[frozenset[str], set[str]] = {}
        return [
            unshared.setdefault(key, set(key))
            for key in (every - {n for n, null in zip(names, row, strict=True) if null} for row in flags)
        ]
    shared: dict[frozenset[str], set[str]] = {}
    found = []
    header = tuple(table.cells)
    for row in zip(*table.cells.values(), strict=True):
        key = frozenset(name for name, cell in zip(header, row, strict=True) if cell.strip())
        found.append(shared.setdefault(key, set(key)))
    return found


@functools.cache
def _cited(resource: str) -> frozenset[str]:
    """The fields of a resource's kind that hold citations."""
    kind = kind_by_resource(resource)
    return frozenset(spec.name for spec in kind.fields if spec.shape == "citations") if kind else frozenset()


# -- the descriptor ----------------------------------------------------------------------


@functools.cache
def _canonical(fmt: Literal["csv", "json"]) -> bytes:
    """The ``"resources": [...]`` member exactly as :func:`villagecat.package.package_files` writes it."""
    text = json.dumps({"resources": list(resource_specs(fmt))}, ensure_ascii=False, indent=2)
    return text.removeprefix("{\n  ").removesuffix("\n}").encode()


def _descriptor(raw: bytes, label: str) -> tuple[dict[str, Any], Literal["csv", "json"]] | None:
    """Parse a descriptor whose resources are the ones villagecat writes, without parsing them again.

    The resources member is recognised by its bytes, and a string that nothing else in the
    descriptor can hold stands in for it while the rest (the layer, the format, the title)
    is parsed as the full reader parses it, duplicate keys refused. The stand-in must come
    back as the top level's ``resources``: the member recognised was that one.
    """
    at = raw.find(b'"resources": [')
    for fmt in ("json", "csv"):
        canonical = _canonical(fmt)
        if at != -1 and raw[at : at + len(canonical)] == canonical:
            break
    else:
        return None
    head, tail = raw[:at], raw[at + len(canonical) :]
    if _NUL_ESCAPE in head or _NUL_ESCAPE in tail:  # the stand-in could be written there: never taken for it
        return None
    text = (head + b'"resources": ' + json.dumps(_SENTINEL).encode() + tail).decode("utf-8-sig")
    data = load_json(text, f"{label}/datapackage.json", measure_depth=False)
    if not isinstance(data, dict) or data.get("resources") != _SENTINEL:
        return None
    return data, fmt


# -- rows --------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Plan:
    """How one resource's rows with one header are validated positionally."""

    adapter: TypeAdapter[list[tuple[Any, ...]]]
    #: The same rules column by column (a CSV's cells are decoded by column): one tuple of values per column.
    by_column: TypeAdapter[tuple[tuple[Any, ...], ...]]
    defaults: tuple[Any, ...]  # per column: the value of an empty CSV cell (``_REQUIRED`` if none)
    shapes: tuple[str, ...]
    cited: tuple[str, ...]  # the columns of clause ids
    together: tuple[tuple[str, Any], ...]  # the columns the model's own validators read, with their defaults
    #: The columns that cannot be None but have a default, with it: a JSON null there is an empty cell.
    blank: tuple[tuple[str, Any], ...] = ()


_REQUIRED = object()


def _keyed_otherwise(info: FieldInfo) -> bool:
    """Whether the model reads a field under another key, or picks its type by a discriminator."""
    return info.alias is not None or info.validation_alias is not None or info.discriminator is not None


def _has_model(annotation: Any) -> bool:  # noqa: ANN401 - typing objects
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return True
    return any(_has_model(arg) for arg in typing.get_args(annotation))


@functools.cache
def _positional(resource: str) -> bool:
    """Whether a kind's rows can be validated positionally: its settings known, its own rules covered."""
    kind = kind_by_resource(resource)
    return kind is not None and value_config(kind.model) is not None and _own_rules_covered(kind)


def _own_rules_covered(kind: Kind) -> bool:
    """Whether the model's own validators read only fields declared ``checked_together`` (see the registry)."""
    decorators = kind.model.__pydantic_decorators__
    together = set(kind.checked_together)
    if decorators.root_validators or decorators.validators:
        return False
    if not decorators.model_validators and not decorators.field_validators:
        return True
    if any(d.info.mode != "after" for d in decorators.model_validators.values()):
        return False
    fields = {f for d in decorators.field_validators.values() for f in d.info.fields}
    return bool(together) and fields <= together


@functools.lru_cache(maxsize=128)  # the headers villagecat writes, and a few others; never without bound
def _plan(resource: str, header: tuple[str, ...]) -> _Plan | None:
    kind = kind_by_resource(resource)
    if kind is None:
        return None
    fields = kind.model.model_fields
    config = value_config(kind.model)
    if config is None or not _own_rules_covered(kind) or len(set(header)) != len(header):
        return None
    if not set(header) <= set(fields) or any(i.is_required() and n not in header for n, i in fields.items()):
        return None
    annotations: list[Any] = []
    defaults: list[Any] = []
    shapes: list[str] = []
    blank: list[tuple[str, Any]] = []
    for name in header:
        info, spec = fields[name], kind.field(name)
        if spec is None or spec.shape == "json" or _keyed_otherwise(info):
            return None
        if spec.shape == "citations":
            bare: Any = tuple[str, ...]  # clause ids, each checked against the package's clauses
        elif _has_model(info.annotation):
            return None
        else:
            bare = info.annotation
        default = _REQUIRED if info.is_required() else info.get_default(call_default_factory=True)
        if isinstance(default, list | dict | set):  # one default serves many rows: only an immutable one
            return None
        annotation = field_annotation(info, bare)
        if default is not _REQUIRED and not spec.nullable:
            annotation = Optional[annotation]  # noqa: UP045 - a typing object built at run time
            blank.append((name, default))
        annotations.append(annotation)
        defaults.append(default)
        shapes.append(spec.shape)
    row: Any = tuple.__class_getitem__(tuple(annotations))
    by_column: Any = tuple.__class_getitem__(tuple(tuple.__class_getitem__((a, ...)) for a in annotations))
    return _Plan(
        TypeAdapter(list[row], config=config),
        TypeAdapter(by_column, config=config),
        tuple(defaults),
        tuple(shapes),
        cited=tuple(name for name, shape in zip(header, shapes, strict=True) if shape == "citations"),
        together=tuple((n, d) for n, d in zip(header, defaults, strict=True) if n in kind.checked_together),
        blank=tuple(blank),
    )


def _table(plan: _Plan, table: Table, clauses: Collection[str]) -> Table | None:
    """The table, if its rows need nothing the full reader does: known clause ids, own rules at their defaults."""
    if table.cells is None:  # JSON: a null where a field cannot be None is an empty cell (its default, not given)
        nulls = {}
        for name, default in plan.blank:
            values = table.columns[name]
            if None not in values:  # found in C
                continue
            if values.count(None) == len(values):  # a column no row says: the default throughout, in C
                nulls[name] = (True,) * len(values)
                table.columns[name] = (default,) * len(values)
            else:
                nulls[name] = tuple(v is None for v in values)
                table.columns[name] = tuple(default if v is None else v for v in values)
        if nulls:
            table = Table(table.columns, None, nulls)
    for name in plan.cited:
        if not set(chain.from_iterable(table.columns[name])).issubset(clauses):
            return None
    for name, default in plan.together:
        values = table.columns[name]
        if values.count(default) != len(values):
            return None
    return table


def _json_table(kind: Kind, raw: bytes, clauses: Collection[str]) -> Table | None:
    """Validate a JSON resource in the array form: the header array, then the rows after it."""
    raw = raw.removeprefix(codecs.BOM_UTF8)
    start = len(raw) - len(raw.lstrip(_JSON_SPACE))
    if raw[start : start + 1] != b"[":
        return None
    rest = raw[start + 1 :]
    opened = len(rest) - len(rest.lstrip(_JSON_SPACE))
    if rest[opened : opened + 1] != b"[":
        return None
    end = rest.find(b"]", opened)
    header = _header(rest[opened : end + 1])
    if header is None:
        return None
    after = rest[end + 1 :].lstrip(_JSON_SPACE)
    if after.startswith(b","):
        if after[1:].lstrip(_JSON_SPACE).startswith(b"]"):  # a comma and no row after it: not JSON
            return None
        body = b"[" + after[1:]
    elif after.startswith(b"]") and not after[1:].strip(_JSON_SPACE):
        body = b"[]"
    else:
        return None
    plan = _plan(kind.resource, header)
    if plan is None:
        return None
    try:
        # Strict: a JSON cell of the wrong type (true or "300" for a number) is not coerced, as
        # the published schemas say; the full reader then names it.
        rows = plan.adapter.validate_json(body, strict=True)
    except ValidationError:
        return None
    return _table(plan, Table.of(header, rows, None), clauses)


def _header(text: bytes) -> tuple[str, ...] | None:
    """The field names of a JSON header array (the same few headers recur in every package: kept when short)."""
    return _known_header(text) if len(text) <= 4096 else _parse_header(text)


@functools.lru_cache(maxsize=256)
def _known_header(text: bytes) -> tuple[str, ...] | None:
    return _parse_header(text)


def _parse_header(text: bytes) -> tuple[str, ...] | None:
    header = json.loads(text)
    if not isinstance(header, list) or not all(isinstance(h, str) for h in header):
        return None
    return tuple(header)


def _csv_table(kind: Kind, raw: bytes, clauses: Collection[str]) -> Table | None:
    """Validate a CSV resource: cells decoded by the format's cell codec, column by column."""
    records = _records(raw.decode("utf-8-sig"))
    if not records:
        return None
    header = tuple(h.strip() for h in records[0])
    body = records[1:]
    if len(header) > limit("columns") or len(body) > limit("rows"):
        return None
    plan = _plan(kind.resource, header)
    if plan is None or (body and set(map(len, body)) != {len(header)}):
        return None
    cells: list[tuple[str, ...]] = list(zip(*body, strict=True)) if body else [() for _ in header]
    decoded: list[list[Any]] = []
    for shape, default, column in zip(plan.shapes, plan.defaults, cells, strict=True):
        values = _decode_column(shape, default, column)
        if values is None:
            return None
        decoded.append(values)
    try:  # column by column: the cells were decoded so, and the table is kept so (no rows built, none taken apart)
        validated = plan.by_column.validate_python(decoded)
    except ValidationError:
        return None
    table = Table(dict(zip(header, validated, strict=True)), dict(zip(header, cells, strict=True)))
    return _table(plan, table, clauses)


def _records(text: str) -> list[list[str]]:
    """The records :func:`villagecat._budget.csv_reader` reads from ``text``, split in C where that is the same.

    A text without a quote, a carriage return or a NUL (most of what villagecat writes) holds
    a record per line and a cell between commas, and the reader reads an empty line as a
    record without cells; anything else is read by the reader itself.
    """
    if '"' in text or "\r" in text or "\x00" in text:  # each sought in C
        return list(csv_reader(text))
    lines = text.split("\n")
    if lines[-1] == "":  # the line feed that ends the last record
        lines.pop()
    return [line.split(",") if line else [] for line in lines]


def _decode_column(shape: str, default: Any, cells: tuple[str, ...]) -> list[Any] | None:  # noqa: ANN401
    """Decode one column's cells as :func:`villagecat._columns.cells_to_input` does; None if a required cell is empty.

    An empty cell is "not given": the field's default. The common cases (no empty cell, no
    list delimiter, the spellings of a boolean) are decoded in C. A cell with spaces around it
    (or of spaces only) outside a list, and a whole number with a point, are for the full
    reader: the published Table Schema reads them as written (:func:`villagecat._columns.as_written`).
    """
    stripped = list(map(str.strip, cells))
    blanks = stripped.count("")
    if (
        (blanks and default is _REQUIRED)
        or (shape not in ("list", "citations") and stripped != list(cells))  # a clean cell is its own strip: in C
        or (shape == "integer" and "." in "".join(stripped))
    ):
        return None
    if blanks == len(stripped):
        return [default] * blanks
    if shape in ("list", "citations"):
        joined = "".join(cells)
        if "\\" in joined:
            return [split_list(cell) if text else default for cell, text in zip(cells, stripped, strict=True)]
        if "|" not in joined:
            return [(text,) if text else default for text in stripped]
        return [[e for e in map(str.strip, text.split("|")) if e] if text else default for text in stripped]
    if shape == "bool":
        values = list(map(_BOOLEANS.get, stripped))
        if None in values:  # a word the published trueValues and falseValues do not hold: the full reader names it
            return None
        return [default if value is _BLANK else value for value in values] if blanks else values
    return [text or default for text in stripped] if blanks else stripped


_BLANK = object()
#: The cells a boolean column holds, as :func:`villagecat.format.codec.parse_bool` reads them (and the empty cell).
_BOOLEANS: dict[str, Any] = {
    **dict.fromkeys(TRUE_VALUES, True),
    **dict.fromkeys(FALSE_VALUES, False),
    "": _BLANK,
}
