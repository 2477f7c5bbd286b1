"""Layer packages: Frictionless data packages holding one layer, read and written.

A package is a folder (or a zip) with ``datapackage.json``: the layer's metadata
under the key ``layer``, and one tabular resource per item kind, in CSV or JSON.
Reading collects every problem rather than stopping at the first; writing is
atomic (a temporary folder renamed into place).
"""

from __future__ import annotations

import collections.abc
import contextlib
import copy
import csv
import functools
import gc
import io
import json
import operator
import re
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, TypeAdapter, ValidationError

from villagecat._arguments import kind_of, need, need_items, need_path, need_resource
from villagecat._budget import (
    csv_error_line,
    csv_reader,
    exceeded,
    fixed_limits,
    given_max_bytes,
    limit,
    load_json,
    over,
)
from villagecat._columns import (
    cells_to_input,
    columns,
    json_kind,
    model_to_cells,
    override_cell_value,
    refusal_values,
    table_schema,
    target_column,
    unsaid,
)
from villagecat._contract import MEDIATYPES, resource_refusals
from villagecat._delimiter import other_delimiter
from villagecat._i18n import Both, pair, reader_error, shape_of
from villagecat._ids import assign_ids
from villagecat._source import PackageSource, UnsafePathError, open_source
from villagecat._xlsx import column_letter
from villagecat.errors import ArgumentTypeError, BudgetExceededError, PackageReadError, ValidationFailedError
from villagecat.format import FORMAT_VERSION
from villagecat.format.clauses import ClauseBook
from villagecat.format.codec import join_list, parse_bool
from villagecat.format.registry import fields_of, kind_by_resource, kinds
from villagecat.format.upgrade import FORMAT_KEY, RawPackage, RawTable, UnknownFormatError, declared_format, upgrade
from villagecat.models import (
    Cancellation,
    Certificate,
    Citation,
    Clause,
    Document,
    Duty,
    FacilityStandard,
    Layer,
    Mechanism,
    Milestone,
    Obligation,
    Override,
    Sign,
    SignQuota,
)
from villagecat.models._problems import problems_in
from villagecat.models.document import CLAUSE_ID_PATTERN, JSON_FORM
from villagecat.report import Problem, ValidationReport

if TYPE_CHECKING:
    import os
    from collections.abc import Iterable, Iterator, Mapping
    from pathlib import Path

__all__ = [
    "DEPENDENCIES",
    "ID_KINDS",
    "ITEM_RESOURCES",
    "RESOURCES",
    "RESOURCE_TITLES",
    "RESOURCE_TITLES_EN",
    "Clauses",
    "LayerPackage",
    "Origin",
    "Unread",
    "bulk",
    "carry_citations",
    "descriptor",
    "descriptor_files",
    "load_layer",
    "package_files",
    "read_package",
    "resource_specs",
    "save_layer",
    "version_raised",
]

#: The resources a package may hold: resource name -> model of its rows (from the format registry).
RESOURCES: dict[str, type[BaseModel]] = {kind.resource: kind.model for kind in kinds()}
#: The resources that hold sources and catalog items (not operations on inherited ones, not clauses).
ITEM_RESOURCES = tuple(kind.resource for kind in kinds() if kind.role != "operation" and kind.in_catalog)
#: The Chinese title of each resource: its sheet in a workbook, its heading in reports.
RESOURCE_TITLES = {kind.resource: kind.sheet for kind in kinds()}
#: The English title of each resource, for English reports.
RESOURCE_TITLES_EN = {kind.resource: kind.title_en for kind in kinds()}
#: The kind segment in item ids, per resource.
ID_KINDS = {kind.resource: kind.segment for kind in kinds()}
#: Data Package v2 profiles that a format-1 descriptor declares.
_V2 = "https://datapackage.org/profiles/2.0/"


@dataclass(frozen=True)
class Origin:
    """Where a resource's items were read from: the file, and each item's line or row."""

    file: str
    unit: Literal["line", "row"]
    positions: tuple[int, ...]

    def locate(self, index: int) -> dict[str, int]:
        """Return ``{"line": n}`` or ``{"row": n}`` for the item at ``index``."""
        return {self.unit: self.positions[index]} if index < len(self.positions) else {}


#: The checks that look an id up in another resource, by the code of their problem, and the
#: message that says, once, that a reference into a resource its reader lost was not judged.
#: ``None`` stands for the resource of the item the reference names (an override's target).
DEPENDENCIES: dict[str, tuple[str | None, str]] = {
    "unknown-document": ("documents", "unchecked-documents"),  # citations, clauses, annexes, the admission route
    "unknown-clause": ("clauses", "unchecked-clauses"),  # citation cells (judged as they are read: Clauses)
    "merge-unknown-target": (None, "unchecked-targets"),  # overrides, cancellations, restating rows
}


@dataclass(frozen=True)
class Unread:
    """What reading a package lost: resources not read at all, and rows refused.

    A check that looks an id up in another resource (a citation's document, a cell's clause,
    an override's target) does not judge a reference into what was lost: the reader has
    reported why it was lost, once, and "does not exist" a hundred times more would drown it.

    Attributes:
        files: Each resource that could not be read at all (a file missing or unreadable, a
            table of the wrong shape, a header without a required column), with the file
            where the reason was reported.
        rows: Per resource, the ids its refused rows were written with.
    """

    files: Mapping[str, str] = field(default_factory=dict)
    rows: Mapping[str, frozenset[str]] = field(default_factory=dict)

    def hides(self, resource: str, item_id: str) -> bool:
        """Whether ``item_id`` of ``resource`` may have been lost in reading (so its absence proves nothing)."""
        return resource in self.files or item_id in self.rows.get(resource, ())

    def __bool__(self) -> bool:
        """Whether anything was lost."""
        return bool(self.files or self.rows)


@dataclass(frozen=True)
class LayerPackage:
    """One layer and its items, as read from a package.

    Attributes:
        layer: The layer's metadata.
        documents: The source documents the layer introduces.
        clauses: The passages its items cite, each written once (see :mod:`villagecat.format.clauses`).
        duties: Work affairs.
        mechanisms: Work mechanisms.
        signs: Plaques and marks.
        sign_quotas: How many signs of a kind a place holds.
        certificates: Certificate items.
        facilities: Facility standards.
        obligations: Rules on departments (减负措施).
        milestones: Deadlines (时间节点).
        overrides: Changes to fields of inherited items.
        cancellations: Inherited items this layer removes.
        source: Where the package was read from, if it was.
        unread: What its reader could not read (see :class:`Unread`); nothing for a package built in memory.

    Each resource is given as any iterable of its model (a list from a database, a generator)
    and kept as a tuple, so two packages of the same items are equal however they were given.
    Anything else (one item where a list goes, an item of another kind, a row as a ``dict``,
    the layer's id for its :class:`~villagecat.models.Layer`) raises
    :class:`~villagecat.errors.ArgumentTypeError`, naming what to pass.
    """

    layer: Layer
    documents: tuple[Document, ...] = ()
    clauses: tuple[Clause, ...] = ()
    duties: tuple[Duty, ...] = ()
    mechanisms: tuple[Mechanism, ...] = ()
    signs: tuple[Sign, ...] = ()
    sign_quotas: tuple[SignQuota, ...] = ()
    certificates: tuple[Certificate, ...] = ()
    facilities: tuple[FacilityStandard, ...] = ()
    obligations: tuple[Obligation, ...] = ()
    milestones: tuple[Milestone, ...] = ()
    overrides: tuple[Override, ...] = ()
    cancellations: tuple[Cancellation, ...] = ()
    source: str | None = field(default=None, compare=False)
    origins: dict[str, Origin] = field(default_factory=dict, compare=False, repr=False)
    unread: Unread = field(default_factory=Unread, compare=False, repr=False)
    _identities: dict[str, tuple[tuple[str, ...], ...]] = field(
        default_factory=dict, init=False, compare=False, repr=False
    )

    if TYPE_CHECKING:  # what a caller may pass, as __post_init__ keeps it: any iterable of the model, as a tuple

        def __init__(  # noqa: PLR0913, PLR0917 - one argument per resource of the format, as dataclass writes it
            self,
            layer: Layer,
            documents: Iterable[Document] = (),
            clauses: Iterable[Clause] = (),
            duties: Iterable[Duty] = (),
            mechanisms: Iterable[Mechanism] = (),
            signs: Iterable[Sign] = (),
            sign_quotas: Iterable[SignQuota] = (),
            certificates: Iterable[Certificate] = (),
            facilities: Iterable[FacilityStandard] = (),
            obligations: Iterable[Obligation] = (),
            milestones: Iterable[Milestone] = (),
            overrides: Iterable[Override] = (),
            cancellations: Iterable[Cancellation] = (),
            source: str | None = None,
            origins: dict[str, Origin] = ...,
            unread: Unread = ...,
        ) -> None:
            """The dataclass's own ``__init__``, typed as :meth:`__post_init__` takes its resources."""

    def __post_init__(self) -> None:
        """Keep each resource as a tuple of its model; refuse a layer or a resource of another kind."""
        need(self.layer, Layer, "argument-not-layer-model")
        _no_own_fields("layer", Layer, self.layer)
        need(self.source, (str, type(None)), "argument-not-package-field", name="source", expected="str | None")
        need(self.origins, dict, "argument-not-package-field", name="origins", expected="dict[str, Origin]")
        need(self.unread, Unread, "argument-not-package-field", name="unread", expected="Unread")
        for name, model in RESOURCES.items():
            given = getattr(self, name)
            if type(given) is not tuple or not all(type(item) is model for item in given):  # the readers' path: as is
                object.__setattr__(self, name, _resource_items(name, model, given))

    def identities(self, name: str) -> tuple[tuple[str, ...], ...]:
        """Return, per item of a resource, the normalised names that identify it across layers (computed once)."""
        found = self._identities.get(name)
        if found is None:
            from villagecat._names import normalise_names  # noqa: PLC0415
            from villagecat.format.registry import kind_by_resource  # noqa: PLC0415

            kind = kind_by_resource(name)
            fields = kind.rules.identity_fields if kind is not None else ()
            texts = [
                [text for field_name in fields for text in _texts(getattr(item, field_name, None)) if text.strip()]
                for item in self.resource(name)
            ]
            flat = iter(normalise_names([text for item_texts in texts for text in item_texts]))  # one call for all
            found = tuple(tuple(next(flat) for _ in item_texts) for item_texts in texts)
            self._identities[name] = found
        return found

    @classmethod
    def of(
        cls, layer: Layer, resources: Mapping[str, Iterable[BaseModel]], *, source: str | None = None
    ) -> LayerPackage:
        """Build a package from its resources by name (``{"duties": [...], ...}``), as the registry names them.

        Raises:
            InvalidRequestError: (a ValueError) for a resource name the format does not have.
            ArgumentTypeError: (a TypeError) if ``resources`` is no mapping, or a resource no iterable of its model.
        """
        if not isinstance(resources, collections.abc.Mapping):
            raise ArgumentTypeError.because("argument-not-resources-mapping", kind=kind_of(resources))
        unknown = sorted(str(name) for name in resources if name not in RESOURCES)
        if unknown:
            from villagecat.errors import InvalidRequestError  # noqa: PLC0415

            raise InvalidRequestError.because(
                "unknown-resources",
                unknown=Both("、".join(unknown), ", ".join(unknown)),
                known=Both("、".join(RESOURCES), ", ".join(RESOURCES)),
            )
        return cls(layer=layer, source=source, **resources)  # type: ignore[arg-type]  # each checked as it is kept

    def resource(self, name: str) -> tuple[BaseModel, ...]:
        """Return the items of one resource by its name (``duties``, ...).

        Raises:
            InvalidRequestError: for a name that is no resource (``"dutys"``, ``"layer"``).
        """
        if type(name) is not str or name not in RESOURCES:  # the hot path (thousands of calls a run): one dict test
            need_resource(name, RESOURCES)
        items: tuple[BaseModel, ...] = getattr(self, name)
        return items

    def iter_items(self) -> Iterator[tuple[str, BaseModel]]:
        """Yield ``(resource name, item)`` for every item, documents first."""
        for name in RESOURCES:
            for item in self.resource(name):
                yield name, item

    def where(self, resource: str, index: int) -> dict[str, Any]:
        """Return the file and line (or row) an item was read from, for a Problem."""
        origin = self.origins.get(resource)
        if origin is None:
            return {"file": resource}
        return {"file": origin.file, **origin.locate(index)}

    def counts(self) -> dict[str, int]:
        """Return the number of items per resource (not of clauses: they are how citations are stored)."""
        return {k.resource: len(self.resource(k.resource)) for k in kinds() if k.in_catalog or k.role == "operation"}


def _resource_items(name: str, model: type[BaseModel], given: object) -> tuple[BaseModel, ...]:
    """A resource given to :class:`LayerPackage` as a tuple of its model; one item or another kind is refused."""
    kind = kind_by_resource(name)
    title = Both(kind.title_zh, kind.title_en) if kind is not None else Both(name, name)
    values = {"resource": name, "title": title, "model": model.__name__}
    if isinstance(given, BaseModel):  # iterable (its fields): one item, of this kind or another, is no list
        raise ArgumentTypeError.because("argument-not-resource-items", kind=type(given).__name__, **values)
    items = tuple(need_items(given, model, "argument-not-resource-items", **values))
    for item in items:
        if type(item) is not model:
            _no_own_fields(name, model, item)
    return items


def _no_own_fields(name: str, model: type[BaseModel], item: BaseModel) -> None:
    """Refuse an item of a subclass of ``model`` with fields of its own: a package would lose them, or fail writing.

    A subclass that adds methods alone is kept as it is.
    """
    own = [f for f in type(item).model_fields if f not in model.model_fields]
    if own:
        raise ArgumentTypeError.because(
            "argument-model-own-fields",
            resource=name,
            kind=type(item).__name__,
            model=model.__name__,
            fields=Both("、".join(own), ", ".join(own)),
        )


def _texts(value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, tuple | list):
        return tuple(v for v in value if isinstance(v, str))
    return ()


# -- reading ---------------------------------------------------------------------------


def _problem(file: str, code: str, zh: str, en: str, **where: Any) -> Problem:  # noqa: ANN401
    return Problem(file=file, code=code, message_zh=zh, message_en=en, **where)


def _decode_text(data: bytes, file: str, problems: list[Problem]) -> str | None:
    """Decode UTF-8 (with or without BOM); name GBK files instead of reading mojibake."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel's "Unicode 文本": UTF-16, tab-separated
            problems.append(_problem(file, "encoding-utf16", *pair("encoding-utf16")))
            return None
        try:
            data.decode("gb18030")
        except UnicodeDecodeError:
            problems.append(
                _problem(
                    file,
                    "encoding",
                    *pair("encoding", byte=exc.start + 1),
                )
            )
        else:
            problems.append(
                _problem(
                    file,
                    "encoding-gbk",
                    *pair("encoding-gbk"),
                )
            )
        return None
    return text


def _validation_problems(
    exc: ValidationError, file: str, *, line: int | None = None, row: int | None = None
) -> list[Problem]:
    return [replace(problem, line=line, row=row) for problem in problems_in(exc, file, in_code=False)]


def _dialect(spec: dict[str, Any]) -> dict[str, Any]:
    """Return ``csv.reader`` options for a resource's declared CSV dialect (Frictionless names)."""
    dialect = spec.get("dialect")
    options: dict[str, Any] = {"strict": True}
    if not isinstance(dialect, dict):
        return options
    delimiter = dialect.get("delimiter")
    if isinstance(delimiter, str) and len(delimiter) == 1:
        options["delimiter"] = delimiter
    quote = dialect.get("quoteChar")
    if isinstance(quote, str) and len(quote) == 1:
        options["quotechar"] = quote
    if isinstance(dialect.get("doubleQuote"), bool):
        options["doublequote"] = dialect["doubleQuote"]
    escape = dialect.get("escapeChar")
    if isinstance(escape, str) and len(escape) == 1:
        options["escapechar"] = escape
    if isinstance(dialect.get("skipInitialSpace"), bool):
        options["skipinitialspace"] = dialect["skipInitialSpace"]
    return options


def _read_csv(
    text: str, file: str, model: type[BaseModel], problems: list[Problem], options: dict[str, Any] | None = None
) -> list[tuple[int, dict[str, Any]]]:
    """Return ``(line, cells)`` per data row, adding header and syntax problems.

    Columns are known by their current names or by a name they had in an earlier format
    (the upgraders rename them).
    """
    known = _known_columns(model)
    reader = csv_reader(text, **(options or {}))
    rows: list[tuple[int, dict[str, Any]]] = []
    start = 1  # the line the record being read begins on
    try:
        header = next(reader, None)
        if header is None:
            problems.append(
                _problem(
                    file,
                    "empty-file",
                    *pair("empty-file"),
                    line=1,
                )
            )
            return rows
        header = [h.strip() for h in header]
        if len(header) > limit("columns"):
            raise exceeded("columns", file, len(header))
        separator = (
            other_delimiter(header, known.__contains__) if (options or {}).get("delimiter", ",") == "," else None
        )
        if separator is not None:  # every line would read as one cell: say why once, not column by column
            problems.append(_problem(file, "csv-delimiter", *pair("csv-delimiter", separator=separator), line=1))
            return rows
        _check_header([h for h in header if h], model, file, problems, "line")
        unnamed = [i for i, h in enumerate(header) if not h]  # said below, once: empty, or filled
        filled = False
        start = reader.line_num + 1
        blank: list[int] = []  # the lines of the run of blank rows being read
        for record in reader:
            line = start
            start = reader.line_num + 1
            if not any(cell.strip() for cell in record):
                blank.append(line)
                continue
            _blank_rows(file, blank, problems)
            filled = filled or any(i < len(record) and record[i].strip() for i in unnamed)
            if len(record) != len(header):
                problems.append(
                    _problem(
                        file,
                        "row-width",
                        *pair("row-width", cells=len(record), header=len(header)),
                        line=line,
                    )
                )
                continue
            rows.append((line, {h: c for h, c in zip(header, record, strict=True) if h in known}))
            if len(rows) > limit("rows"):
                raise exceeded("rows", file, over(limit("rows")))
        _blank_rows(file, blank, problems)
        _unnamed_columns(file, unnamed, filled=filled, problems=problems)
    except csv.Error as exc:
        problems.append(
            _problem(
                file,
                "csv-syntax",
                *pair("csv-syntax", detail=reader_error(exc)),
                line=csv_error_line(exc, start, reader.line_num),
            )
        )
    return rows


def _blank_rows(file: str, lines: list[int], problems: list[Problem]) -> None:
    """Name a run of blank rows once, at its first line, and empty ``lines`` for the next run.

    A spreadsheet writes a row of commas for every row whose cells were cleared, often many at
    the end of the sheet: one line each would bury the other problems.
    """
    if len(lines) == 1:
        problems.append(_problem(file, "blank-row", *pair("blank-row"), line=lines[0]))
    elif lines:
        zh, en = pair("blank-rows", last=lines[-1], count=len(lines))
        problems.append(_problem(file, "blank-row", zh, en, line=lines[0]))
    lines.clear()


def _unnamed_columns(file: str, positions: list[int], *, filled: bool, problems: list[Problem]) -> None:
    """Name, once, the columns without a name in the header: empty ones (a spreadsheet saved them), or filled.

    Excel writes a comma more on every line when a cell right of the table was touched; such a
    column holds nothing and a rewrite leaves it out. One that holds something wants a name.
    """
    if not positions:
        return
    shown = Both(
        "、".join(f"第 {i + 1} 列（{column_letter(i)} 列）" for i in positions),
        ", ".join(f"column {i + 1} ({column_letter(i)})" for i in positions),
    )
    if filled:
        problems.append(_problem(file, "unknown-column", *pair("unnamed-column-filled", columns=shown), line=1))
    else:
        problems.append(_problem(file, "unnamed-column", *pair("unnamed-column", columns=shown), line=1))


def _known_columns(model: type[BaseModel]) -> set[str]:
    """The column names a resource's header may hold: each field's current name and its former ones."""
    return {name for c in columns(model) for name in (c.name, *c.former)}


def _check_header(
    header: list[str], model: type[BaseModel], file: str, problems: list[Problem], unit: Literal["line", "row"]
) -> None:
    """Name, once at the header, each unknown, duplicated or missing required column.

    Said here, a column's mistake is not said again in every row: the reader leaves unknown
    columns out, and a table without a required column is not read (see :class:`Unread`).
    """
    known = _known_columns(model)
    at: dict[str, Any] = {unit: 1}
    problems.extend(
        _problem(file, "unknown-column", *pair("unknown-column"), field=name, **at)
        for name in header
        if name not in known
    )
    seen = set()
    for name in header:
        if name in seen:
            problems.append(_problem(file, "duplicate-column", *pair("duplicate-column"), field=name, **at))
        seen.add(name)
    problems.extend(
        _problem(file, "missing-column", *pair("missing-column"), field=column.name, **at)
        for column in columns(model)
        if column.required and not ({column.name, *column.former} & set(header))
    )


def _read_json_rows(text: str, file: str, model: type[BaseModel], problems: list[Problem]) -> RawTable:
    try:
        data = load_json(text, file, measure_depth=False)
    except BudgetExceededError:
        raise
    except PackageReadError as exc:
        if exc.line is not None:
            zh, en = exc.message_zh.split("：", 1)[-1], exc.message.split(": ", 1)[-1]
            problems.append(_problem(file, "json-syntax", *pair("json-syntax", detail=Both(zh, en)), line=exc.line))
        else:
            problems.append(_problem(file, "json-syntax", exc.message_zh, exc.message))
        return RawTable("json")
    if not isinstance(data, list):
        problems.append(_problem(file, "json-shape", *pair("json-not-array")))
        return RawTable("json")
    if len(data) > limit("rows"):
        raise exceeded("rows", file, len(data))
    if data and isinstance(data[0], list):
        return _json_array_rows(data, file, model, problems)
    rows = []
    for index, record in enumerate(data, start=1):
        if not isinstance(record, dict):
            problems.append(_problem(file, "json-shape", *pair("json-not-object"), row=index))
            continue
        rows.append((index, record))
    return RawTable("json", rows)


def _json_array_rows(data: list[Any], file: str, model: type[BaseModel], problems: list[Problem]) -> RawTable:
    """Read the array form: a header array of field names, then one array of values per row.

    The header is checked as a CSV file's is: an unknown column is named once and left out.
    """
    header = data[0]
    if not all(isinstance(name, str) for name in header) or len(set(header)) != len(header):
        problems.append(_problem(file, "json-shape", *pair("json-header"), row=1))
        return RawTable("json")
    _check_header(header, model, file, problems, "row")
    width = len(header)
    body = data[1:]
    known = _known_columns(model)
    kept = None if known.issuperset(header) else [i for i, name in enumerate(header) if name in known]
    if set(map(type, body)) <= {list} and set(map(len, body)) <= {width}:  # the common case, checked in C
        if kept is None:
            return RawTable("json", header=tuple(header), arrays=body)
        return RawTable("json", header=tuple(header[i] for i in kept), arrays=[[v[i] for i in kept] for v in body])
    rows = []
    for index, values in enumerate(body, start=2):
        if not isinstance(values, list) or len(values) != width:
            problems.append(
                _problem(
                    file,
                    "json-shape",
                    *pair("json-row-width", width=width),
                    row=index,
                )
            )
            continue
        rows.append((index, {name: value for name, value in zip(header, values, strict=True) if name in known}))
    return RawTable("json", rows)


def _resource_format(spec: dict[str, Any]) -> str:
    fmt = spec.get("format")
    if isinstance(fmt, str):  # as written: frictionless reads no format "CSV"
        return fmt
    path = str(spec.get("path", ""))
    return path.rsplit(".", 1)[-1].lower() if "." in path else ""


def read_raw(
    source: PackageSource, spec: dict[str, Any], index: int, problems: list[Problem], *, current: bool = True
) -> tuple[str, RawTable, str] | None:
    """Read one resource's raw rows (CSV cells or JSON records): ``(name, table, file)``.

    Each property of its description frictionless would read otherwise is a problem too
    (:mod:`villagecat._contract`); its embedded Table Schema is compared with the published
    one when the package is in the ``current`` format.
    """
    name = spec.get("name")
    if name not in RESOURCES:
        problems.append(
            _problem(
                "datapackage.json",
                "unknown-resource",
                *pair(
                    "unknown-resource",
                    name=name,
                    known=Both("、".join(RESOURCE_TITLES[r] + f"（{r}）" for r in RESOURCES), ", ".join(RESOURCES)),
                ),
                field=f"resources[{index}].name",
            )
        )
        return None
    model = RESOURCES[name]
    path = spec.get("path")
    if not isinstance(path, str) or not path:
        problems.append(
            _problem(
                "datapackage.json",
                "resource-path",
                *(
                    pair("resource-no-path")
                    if path is None or path == ""
                    else pair("resource-path-not-one", shape=shape_of(path))
                ),
                field=f"resources[{index}].path",
            )
        )
        return None
    try:
        data = source.read(path)
    except UnsafePathError as exc:
        problems.append(
            _problem(
                "datapackage.json",
                "resource-path",
                *pair("resource-unsafe-path", path=path, reason=Both(exc.message_zh, exc.message_en)),
                field=f"resources[{index}].path",
            )
        )
        return None
    except FileNotFoundError:
        problems.append(
            _problem(
                "datapackage.json",
                "resource-missing",
                *pair("resource-missing", path=path),
                field=f"resources[{index}].path",
            )
        )
        return None
    _check_resource(spec, index, name, current=current, problems=problems)
    text = _decode_text(data, path, problems)
    if text is None:
        return name, RawTable("csv"), path
    fmt = _resource_format(spec)
    if fmt == "csv":
        table = RawTable("csv", _read_csv(text, path, model, problems, _dialect(spec)))
        if not current:  # the published schema of its own format, which may take fewer spellings than today's
            _check_declared_booleans(spec, table, path, problems)
        return name, table, path
    if fmt == "json":
        return name, _read_json_rows(text, path, model, problems), path
    problems.append(
        _problem(
            "datapackage.json",
            "resource-format",
            *pair("resource-format", format=fmt),
            field=f"resources[{index}].format",
        )
    )
    return None


#: What Table Schema reads as true and false where a boolean field declares no trueValues or falseValues.
_TABLE_SCHEMA_BOOLEANS = (("true", "True", "TRUE", "1"), ("false", "False", "FALSE", "0"))


def _check_declared_booleans(spec: dict[str, Any], table: RawTable, file: str, problems: list[Problem]) -> None:
    """Name each boolean cell villagecat reads but the resource's own Table Schema does not take.

    A package of an older format declares the true and false spellings of its own format (format 1:
    ``true``/``是`` and ``false``/``否``), by which frictionless judges it; villagecat reads every
    format's rows with today's wider list (TRUE, True …). Such a cell is a problem of the package
    as written, which ``upgrade`` rewrites (:data:`REWRITTEN`): the current format takes it, written
    ``true`` or ``false``.
    """
    schema = spec.get("schema")
    fields = schema.get("fields") if isinstance(schema, dict) else None
    declared = {
        f["name"]: (
            f.get("trueValues", _TABLE_SCHEMA_BOOLEANS[0]),
            f.get("falseValues", _TABLE_SCHEMA_BOOLEANS[1]),
        )
        for f in (fields if isinstance(fields, list) else [])
        if isinstance(f, dict) and f.get("type") == "boolean" and isinstance(f.get("name"), str)
    }
    if not declared:
        return
    for position, record in table.rows:
        for name, (true, false) in declared.items():
            cell = record.get(name)
            if not isinstance(cell, str) or not cell or parse_bool(cell) is None:
                continue  # empty, or not a boolean villagecat reads either: the model names it
            if not isinstance(true, list) or not isinstance(false, list) or cell in (*true, *false):
                continue
            values = Both("、".join(map(str, [*true, *false])), ", ".join(map(str, [*true, *false])))
            fix = "true" if parse_bool(cell) else "false"
            zh, en = pair("older-format-boolean", value=cell, values=values, fix=fix)
            problems.append(_problem(file, "older-format-boolean", zh, en, field=name, line=position))


#: Problems of a package's form that saving the layer rewrites: an embedded Table Schema other than the published
#: one (as a revision written before an amendment of the format holds), a blank row (a spreadsheet writes one
#: for every row whose cells were cleared) and an empty column without a name (one for a cell touched right of the
#: table), which hold nothing and are not written again, and a date a spreadsheet wrote in its own form (2023/9/1),
#: read as the one date it means (:func:`villagecat._columns.spreadsheet_date`) and written as the format writes
#: dates, and a package's own ``version`` that is not its layer's (raised by hand: the layer's is the layer's version,
#: and saving writes it in both). ``validate`` reports them,
#: as frictionless would judge the package by that schema and refuses a blank row; reading a layer to use it (diff,
#: merge, catalog) and rewriting it (upgrade, release) pass over them, since its rows were read and checked by the
#: published rules: an earlier release with such a version is still compared with, and releasing mends it.
REWRITTEN = frozenset(
    {"resource-schema", "blank-row", "unnamed-column", "spreadsheet-date", "older-format-boolean", "descriptor-version"}
)


def _check_resource(spec: dict[str, Any], index: int, name: str, *, current: bool, problems: list[Problem]) -> None:
    """Name each property of a resource that frictionless would read otherwise than villagecat (see ``_contract``)."""
    fmt = _resource_format(spec)
    known = current and fmt in ("csv", "json")  # another format is refused alone, not by a schema it has not
    published = next((s["schema"] for s in resource_specs(fmt) if s["name"] == name), None) if known else None
    for where, key, values in resource_refusals(spec, fmt, published):
        problems.append(_problem("datapackage.json", key, *pair(key, **values), field=f"resources[{index}].{where}"))


_CLAUSE_ID = re.compile(CLAUSE_ID_PATTERN)


def _decode_rows(  # noqa: PLR0913, PLR0917 - one resource, and where to report
    table: RawTable,
    model: type[BaseModel],
    file: str,
    clauses: dict[str, Citation],
    problems: list[Problem],
    named: set[tuple[int, str]],
) -> list[dict[str, Any]]:
    """Turn raw rows into model input: cells through the codec, clause ids into citations.

    A clause id the package's clauses do not hold is a problem naming the row and the entry;
    so is a CSV cell the published Table Schema refuses as written (spaces around it, a whole
    number with a point), which is added to ``named``: the model's own error on it would say
    a second thing of one cell.
    """
    cited = [c.name for c in columns(model) if c.shape == "citations"]
    if table.header is not None:
        decoded = _decode_arrays(table.header, table.arrays, cited, file, clauses, problems)
        _drop_nulls(model, table.header, table.arrays, decoded)
        return decoded
    unit = "line" if table.form == "csv" else "row"
    decoded = []
    never_null = _never_null(model)
    refused: dict[str, str] = {}
    for position, record in table.rows:
        row: dict[str, Any] = (
            cells_to_input(model, record, refused)
            if table.form == "csv"
            else {k: v for k, v in record.items() if v is not None or k not in never_null}
        )
        if refused:  # rare: a cell with spaces around it, or 3.0
            for name, key in refused.items():
                zh, en = pair(key, **refusal_values(key, record[name]))
                problems.append(_problem(file, key, zh, en, field=name, line=position))
                if key not in REWRITTEN:  # a rewritten cell holds a value the model takes: never hide its refusal
                    named.add((position, name))
            refused.clear()
        if model is Override and table.form == "csv":
            row["value"] = override_cell_value({**record, **row})
        for name in cited:
            entries = row.get(name)
            if isinstance(entries, list) and entries:
                row[name] = _resolve(entries, name, clauses, file, unit, position, problems)
        decoded.append(row)
    return decoded


def _decode_arrays(  # noqa: PLR0913, PLR0917 - one resource in the array form, and where to report
    header: tuple[str, ...],
    arrays: list[list[Any]],
    cited: list[str],
    file: str,
    clauses: dict[str, Citation],
    problems: list[Problem],
) -> list[dict[str, Any]]:
    """Decode the JSON array form in one pass: clause ids resolved in place, then one dict per row."""
    holds, get = clauses.__contains__, clauses.__getitem__
    at = [header.index(name) for name in cited if name in header]
    for number, values in enumerate(arrays, start=2) if at else ():
        for i in at:
            entries = values[i]
            if type(entries) is not list or not entries:
                continue
            try:
                known = all(map(holds, entries))  # in C; citations are not compared, only looked up
            except TypeError:  # an entry that is a list or an object: described by _resolve
                known = False
            if known:  # every entry a known clause id: the common case
                values[i] = list(map(get, entries))
            else:
                values[i] = _resolve(entries, header[i], clauses, file, "row", number, problems)
    return [dict(zip(header, values, strict=True)) for values in arrays]


@functools.cache
def _never_null(model: type[BaseModel]) -> frozenset[str]:
    """The fields of ``model`` that cannot be None (a yes/no, a list, a required value)."""
    return frozenset(spec.name for spec in fields_of(model) if not spec.nullable)


def _drop_nulls(
    model: type[BaseModel], header: tuple[str, ...], arrays: list[list[Any]], decoded: list[dict[str, Any]]
) -> None:
    """Leave out of each decoded row the nulls of fields that cannot be None: a JSON null is an empty cell.

    In CSV an empty cell is a field not given (its default, or as inherited in a row that
    restates an inherited item); in JSON the same is null, as Ajv and frictionless read it.
    """
    never_null = _never_null(model)
    at = [i for i, name in enumerate(header) if name in never_null]
    if not at:
        return
    pick = operator.itemgetter(*at) if len(at) > 1 else lambda values: (values[at[0]],)
    for row, values in zip(decoded, arrays, strict=True):
        if None in pick(values):  # rare: one check per row, in C
            for i in at:
                if values[i] is None:
                    del row[header[i]]


def _resolve(  # noqa: PLR0913, PLR0917 - the entries, and where to report a problem
    entries: list[Any],
    name: str,
    clauses: dict[str, Citation],
    file: str,
    unit: str,
    position: int,
    problems: list[Problem],
) -> list[Any]:
    """Resolve clause ids to citations; an unknown clause id is a problem naming the row and the entry.

    An unknown clause id is left out of the citations (said once, not again as a citation of
    the wrong form); one that reading the clauses may have lost (:class:`Clauses`) is left out
    unsaid, and counted.
    """
    resolved: list[Any] = []
    for n, entry in enumerate(entries):
        found = clauses.get(entry) if isinstance(entry, str) else None
        if found is not None:
            resolved.append(found)
            continue
        if isinstance(entry, str) and _CLAUSE_ID.match(entry):
            if isinstance(clauses, Clauses) and clauses.unread.hides("clauses", entry):
                clauses.passed_over += 1
                continue
            zh, en = pair("unknown-clause", clause=entry)
            problems.append(_problem(file, "unknown-clause", zh, en, field=f"{name}[{n}]", **{unit: position}))
            continue
        resolved.append(entry)
    return resolved


class Clauses(dict[str, "Citation"]):
    """A package's clauses as citations, by clause id, with what reading them lost.

    Attributes:
        unread: What the reader lost (only its clauses matter here).
        passed_over: How many citations named a clause that may have been lost, and were not judged.
    """

    def __init__(self, found: Mapping[str, Citation], unread: Unread) -> None:
        """Hold ``found`` and what was lost."""
        super().__init__(found)
        self.unread = unread
        self.passed_over = 0


def _share_fields_set(items: list[BaseModel]) -> None:
    """Let the rows of one table that set the same fields share one set of their names.

    pydantic keeps, per model, the set of fields its input gave: for rows read from one
    table it is nearly always the same set, and it takes more memory than the row's values.
    The models are frozen, so nothing adds to the set in place (a copy gets a set of its
    own); a whole nation's packages take about a third less memory.
    """
    shared: set[str] | None = None
    for item in items:
        own = item.__pydantic_fields_set__
        if shared is None:
            shared = own
        elif own is not shared and own == shared:
            object.__setattr__(item, "__pydantic_fields_set__", shared)


def _check_json_kinds(
    model: type[BaseModel],
    records: list[dict[str, Any]],
    positions: tuple[int, ...],
    file: str,
    problems: list[Problem],
) -> set[tuple[int, str]]:
    """Name each JSON cell whose type the schema does not allow and validation would coerce (true as 1.0).

    Returns:
        The cells named, as ``(row, field)``: the model's own error for one (``"x"`` is no
        boolean either) would say the same thing twice.
    """
    named: set[tuple[int, str]] = set()
    judged = [c for c in columns(model) if c.shape in ("number", "integer", "bool")]
    for position, record in zip(positions, records, strict=False):
        targets = [target_column(record.get("target"), record.get("field"))] if "value" in record else []
        for column, name in [*((c, c.name) for c in judged), *((t, "value") for t in targets if t is not None)]:
            expected = json_kind(column, record.get(name))
            if expected is not None:
                value = record[name]
                expected_words = Both(*pair(f"json-{expected}"))
                zh, en = pair("json-kind", expected=expected_words, shape=shape_of(value), value=_json_text(value))
                problems.append(Problem(file, "json-kind", zh, en, row=position, field=name))
                named.add((position, name))
    return named


def _json_text(value: object) -> str:
    """A JSON value as it is written in the file: true, "300"."""
    return json.dumps(value, ensure_ascii=False)


def validate_rows(  # noqa: PLR0913, PLR0917 - one resource, and what it is read against
    name: str,
    table: RawTable,
    file: str,
    clauses: dict[str, Citation],
    problems: list[Problem],
    layer_id: str | None = None,
    refused: set[str] | None = None,
) -> tuple[list[BaseModel], Origin]:
    """Validate one resource's rows: the models built, and where each was read.

    Args:
        name: The resource.
        table: Its raw rows.
        file: Its file, for the problems.
        clauses: The package's clauses as citations, by id (to resolve citation cells).
        problems: Where problems are added.
        layer_id: The layer's id, to give rows without one a readable id.
        refused: Where to add the id of each row refused, as it was written.
    """
    model = RESOURCES[name]
    locate: Literal["line", "row"] = "line" if table.form == "csv" else "row"
    named: set[tuple[int, str]] = set()
    records = _decode_rows(table, model, file, clauses, problems, named)
    context = JSON_FORM if table.form == "json" else None  # in JSON a citation is never text
    if table.form == "json":
        named |= _check_json_kinds(model, records, table.positions(), file, problems)
    if layer_id is not None:  # rows a clerk left without an id get a readable one
        assign_ids(layer_id, model.spec.segment, records)  # type: ignore[attr-defined]
    try:
        # One call into pydantic-core for the whole resource; per row only when something is wrong.
        items: list[BaseModel] = _list_adapter(model).validate_python(records, context=context)
        _share_fields_set(items)
        return items, Origin(file, locate, table.positions())
    except ValidationError:
        pass
    items = []
    positions: list[int] = []
    for position, record in zip(table.positions(), records, strict=True):
        try:
            items.append(model.model_validate(record, context=context))
            positions.append(position)
        except ValidationError as exc:
            found = _validation_problems(exc, file, **{locate: position})
            problems.extend(p for p in found if (position, p.field) not in named)
            if refused is not None:
                refused.add(str(record.get("id")))
    return items, Origin(file, locate, tuple(positions))


@functools.cache
def _list_adapter(model: type[BaseModel]) -> TypeAdapter[list[BaseModel]]:
    return TypeAdapter(list[model])  # type: ignore[valid-type]


@contextlib.contextmanager
def bulk() -> Iterator[None]:
    """Pause the cyclic garbage collector for a bulk operation (reading, diffing, merging many packages).

    Catalog objects form no reference cycles, so the collector's passes over hundreds of
    thousands of them find nothing, yet at that scale they are most of the cost. Wrap a
    loop over many packages in ``with villagecat.bulk():``; the collector is restored (not
    run) afterwards. Nesting is safe.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _read_descriptor(source: PackageSource) -> dict[str, Any]:
    try:
        raw = source.read("datapackage.json")
    except FileNotFoundError as exc:
        raise PackageReadError.at(source.label, "no-descriptor") from exc
    try:
        # The descriptor's shape is validated next; only the parser's own nesting limit applies.
        descriptor = load_json(raw.decode("utf-8-sig"), f"{source.label}/datapackage.json", measure_depth=False)
    except UnicodeDecodeError as exc:
        raise PackageReadError.at(f"{source.label}/datapackage.json", "not-utf8") from exc
    if not isinstance(descriptor, dict):
        raise PackageReadError.at(f"{source.label}/datapackage.json", "descriptor-not-object")
    return descriptor


def _current_layer(descriptor: dict[str, Any]) -> Layer:
    """The descriptor's layer as the current format reads it (an older format's is upgraded as its rows are)."""
    return Layer.model_validate(upgrade(RawPackage(descriptor)).descriptor.get("layer"), context=JSON_FORM)


def read_package(
    path: str | os.PathLike[str], *, max_bytes: int | None = None
) -> tuple[LayerPackage | None, ValidationReport]:
    """Read a package, collecting every problem of form and content.

    Cross-references between packages (citations, parents) are checked by
    :func:`villagecat.validation.validate`, which calls this first.

    Args:
        path: A package folder, its ``datapackage.json``, or a zip.
        max_bytes: The largest file read; default ``VILLAGECAT_MAX_BYTES`` or 64 MiB.

    Returns:
        The package (None if it could not be built) and the report.

    Raises:
        InvalidRequestError: if ``max_bytes`` is not a whole number of one byte or more.
    """
    given_max_bytes(max_bytes)
    with bulk(), fixed_limits():
        return _read_package(path, max_bytes)


def _read_package(path: str | os.PathLike[str], max_bytes: int | None) -> tuple[LayerPackage | None, ValidationReport]:
    try:
        return _read_package_checked(path, max_bytes)
    except PackageReadError as exc:  # a budget exceeded, or a resource that cannot be read at all
        report = ValidationReport(target=str(path), readable=False)
        report.problems.append(
            _problem(exc.path, "unreadable", *pair("unreadable", detail=Both(exc.message_zh, exc.message)))
        )
        return None, report


def _read_package_checked(
    path: str | os.PathLike[str], max_bytes: int | None
) -> tuple[LayerPackage | None, ValidationReport]:
    report = ValidationReport(target=str(path))
    try:
        source = open_source(path, max_bytes)
        descriptor = _read_descriptor(source)
        try:
            declared_format(descriptor)
        except UnknownFormatError as exc:
            raise PackageReadError(f"{source.label}/datapackage.json", exc.message_en, exc.message_zh) from exc
    except PackageReadError as exc:
        report.readable = False
        report.problems.append(
            _problem(exc.path, "unreadable", *pair("unreadable", detail=Both(exc.message_zh, exc.message)))
        )
        return None, report
    problems = report.problems
    layer: Layer | None = None
    try:
        layer = _current_layer(descriptor)
    except ValidationError as exc:
        for problem in _validation_problems(exc, "datapackage.json"):
            field_name = f"layer.{problem.field}" if problem.field else "layer"
            problems.append(Problem(**{**problem.__dict__, "field": field_name}))
    if layer is not None and (declared := version_disagrees(descriptor, layer)) is not None:
        said = pair("descriptor-version", declared=declared, version=layer.version)
        problems.append(_problem("datapackage.json", "descriptor-version", *said, field="version"))
    resources = descriptor.get("resources")
    if not isinstance(resources, list):
        problems.append(
            _problem(
                "datapackage.json",
                "descriptor",
                *pair("descriptor-no-resources"),
                field="resources",
            )
        )
    elif len(resources) > limit("resources"):
        raise exceeded("resources", f"{source.label}/datapackage.json", len(resources))
    raw, files, lost = _read_tables(source, descriptor, problems)
    items, origins, refused = _validate_tables(upgrade(raw), files, lost, layer, problems)
    if layer is None:
        return None, report
    package = LayerPackage(
        layer=layer,
        **{name: tuple(found) for name, found in items.items()},  # type: ignore[arg-type]
        source=str(path),
        origins=origins,
        unread=Unread(lost, refused),
    )
    return package, report


def version_disagrees(descriptor: Mapping[str, Any], layer: Layer) -> str | None:
    """The package's own ``version`` where it is not its layer's, as written; None where they agree or it has none.

    They are one number: :func:`descriptor` writes the layer's, and ``villagecat release`` raises both with a release
    record. One raised by hand (the package's, which frictionless and a reader of the descriptor see first) would
    announce a release the layer never made.
    """
    declared = descriptor.get("version", layer.version)
    if declared == layer.version:
        return None
    return declared if isinstance(declared, str) else json.dumps(declared, ensure_ascii=False)


def version_raised(package: LayerPackage) -> tuple[str, str] | None:
    """What ``validate`` says of ``package``'s own ``version`` where it is not its layer's (``descriptor-version``).

    Reading a layer to use it passes over that problem (:data:`REWRITTEN`): a gate of a revision reads the
    descriptor it was read from again, to say it in the very words ``validate`` does, in Chinese and English.
    None where they agree, or the package was built in memory or can no longer be read.
    """
    if package.source is None:
        return None
    try:
        declared = version_disagrees(_read_descriptor(open_source(package.source)), package.layer)
    except PackageReadError:  # read a moment ago: gone since, nothing to say of it
        return None
    return None if declared is None else pair("descriptor-version", declared=declared, version=package.layer.version)


def _read_tables(
    source: PackageSource, descriptor: dict[str, Any], problems: list[Problem]
) -> tuple[RawPackage, dict[str, str], dict[str, str]]:
    """Read the raw rows of every resource the descriptor lists.

    Returns:
        The raw package, each resource's file, and the resources lost (see :class:`Unread`),
        each with the file where the reason is said. When a resource entry is itself wrong
        (not an object, a name villagecat does not know), any resource not read may be the one
        it meant: all of them count as lost.
    """
    raw = RawPackage(descriptor)
    files: dict[str, str] = {}
    lost: dict[str, str] = {}
    resources = descriptor.get("resources")
    unnamed = not isinstance(resources, list)
    for index, spec in enumerate(resources if isinstance(resources, list) else []):
        if not isinstance(spec, dict):
            problems.append(
                _problem(
                    "datapackage.json",
                    "descriptor",
                    *pair("descriptor-resource-object"),
                    field=f"resources[{index}]",
                )
            )
            unnamed = True
            continue
        if spec.get("name") in raw.tables:
            problems.append(
                _problem(
                    "datapackage.json",
                    "duplicate-resource",
                    *pair("duplicate-resource", name=spec.get("name")),
                    field=f"resources[{index}].name",
                )
            )
            continue
        before = len(problems)
        result = read_raw(source, spec, index, problems, current=declared_format(descriptor) == FORMAT_VERSION)
        if result is None:
            if spec.get("name") in RESOURCES:
                lost.setdefault(str(spec.get("name")), "datapackage.json")
            else:
                unnamed = True
            continue
        name, table, file = result
        raw.tables[name], files[name] = table, file
        whole = _table_lost(table, problems[before:])
        if whole is not None:
            lost.setdefault(name, whole)
    if unnamed:
        lost.update({name: "datapackage.json" for name in RESOURCES if name not in raw.tables and name not in lost})
    return raw, files, lost


def _validate_tables(
    raw: RawPackage, files: dict[str, str], lost: dict[str, str], layer: Layer | None, problems: list[Problem]
) -> tuple[dict[str, list[BaseModel]], dict[str, Origin], dict[str, frozenset[str]]]:
    """Validate the rows of every table not lost, clauses first (the others cite them).

    Returns:
        The items and origins by resource, and the ids of the rows refused, by resource.
    """
    items: dict[str, list[BaseModel]] = {name: [] for name in RESOURCES}
    origins: dict[str, Origin] = {}
    refused: dict[str, set[str]] = {name: set() for name in RESOURCES}
    clauses = Clauses({}, Unread(lost))
    for name in sorted(raw.tables, key=lambda n: n != "clauses"):
        if name in lost:  # its rows, if any, would each be refused for the reason already said
            continue
        layer_id = layer.id if layer is not None else None
        found, origin = validate_rows(name, raw.tables[name], files[name], clauses, problems, layer_id, refused[name])
        if name == "clauses":
            found_clauses = {c.id: c.citation() for c in found if isinstance(c, Clause)}
            clauses = Clauses(found_clauses, Unread(lost, {"clauses": frozenset(refused[name])}))
        origins[name] = origin
        items[name] = found
    if clauses.passed_over and "clauses" in lost:
        message = DEPENDENCIES["unknown-clause"][1]
        problems.append(_problem(lost["clauses"], "unchecked", *pair(message, resource=resource_words("clauses"))))
    return items, origins, {name: frozenset(ids) for name, ids in refused.items() if ids}


def resource_words(name: str, layer: str | None = None) -> Both:
    """A resource as a report names it: 来源文件（documents）, or a parent layer's."""
    title = Both(RESOURCE_TITLES[name], RESOURCE_TITLES_EN[name])
    if layer is None:
        return Both(*pair("resource-words", title=title, name=name))
    return Both(*pair("resource-of-parent", title=title, name=name, layer=layer))


def _table_lost(table: RawTable, said: list[Problem]) -> str | None:
    """The file where a table was said to be lost as a whole, if it was; else None.

    Lost: a problem was found and no row was read (a file not UTF-8, a CSV without its header
    or with the wrong delimiter, JSON that is not a table), or its header lacks a required
    column, so that every row would be refused for it.
    """
    if not said:
        return None
    if not table.records() or any(p.code == "missing-column" for p in said):
        return said[0].file
    return None


def load_layer(path: str | os.PathLike[str], *, max_bytes: int | None = None) -> LayerPackage:
    """Load a layer package, raising if anything is wrong with it.

    Args:
        path: A package folder, its ``datapackage.json``, a zip, or a git revision of a package's folder,
            ``REV:PATH`` (``HEAD~1:data/national``, a tag or a commit; the path read from the current folder,
            with ``git show``, no checkout), as ``villagecat diff`` reads each side: an earlier release to
            compare with :func:`villagecat.diff.diff_versions`.
        max_bytes: The largest file read.

    Returns:
        The layer and its items.

    Raises:
        PackageReadError: if the input cannot be read at all.
        ValidationFailedError: if it was read but is not valid; ``.report`` has every problem.
        InvalidRequestError: if ``max_bytes`` is not a whole number of one byte or more.
    """
    from villagecat.validation import check_package  # noqa: PLC0415 - validate imports this module

    package, report = read_package(path, max_bytes=max_bytes)
    if not report.readable:
        problem = report.problems[0]
        error = PackageReadError(problem.file, problem.message_en, problem.message_zh)
        error.key = problem.code
        raise error
    report.problems[:] = [p for p in report.problems if p.code not in REWRITTEN]
    if package is not None:
        check_package(package, report)
    if report.problems or package is None:
        raise ValidationFailedError(report)
    return package


# -- writing ---------------------------------------------------------------------------


@functools.cache
def resource_specs(fmt: Literal["csv", "json"] = "csv") -> tuple[dict[str, Any], ...]:
    """Return the ``resources`` of a descriptor in ``fmt``: the same for every layer (format 1, Data Package v2).

    Each resource embeds its Table Schema (for Frictionless tools) and names its row schema;
    the reader reads only the name, path and format (and the CSV dialect).
    """
    resources = []
    for name, model in RESOURCES.items():
        spec: dict[str, Any] = {
            "name": name,
            "type": "table",
            "path": f"{name}.{fmt}",
            "format": fmt,
            "mediatype": MEDIATYPES[fmt],
            "encoding": "utf-8",
        }
        if fmt == "csv":
            spec["dialect"] = {
                "$schema": f"{_V2}tabledialect.json",
                "delimiter": ",",
                "quoteChar": '"',
                "doubleQuote": True,
                "header": True,
            }
        spec["schema"] = table_schema(model, fmt)
        kind = kind_by_resource(name)
        if kind is not None:  # the JSON Schema that describes each row (the JSON form's rows, as objects)
            spec[FORMAT_KEY] = {
                "kind": kind.segment,
                "rowSchema": f"urn:villagecat:schema:{FORMAT_VERSION}:{kind.slug}",
            }
        resources.append(spec)
    return tuple(resources)


def descriptor(package: LayerPackage, fmt: Literal["csv", "json"] = "csv") -> dict[str, Any]:
    """Return the ``datapackage.json`` of a package written in ``fmt`` (format 1, Data Package v2)."""
    layer = package.layer
    return {
        "$schema": f"{_V2}datapackage.json",
        "name": f"villagecat-{layer.id}",
        "title": f"{layer.name_zh}村级组织工作事务、机制牌子和证明事项指导目录",
        "version": layer.version,
        FORMAT_KEY: {"format": FORMAT_VERSION},
        "layer": layer.model_dump(mode="json", exclude_none=True),
        "resources": copy.deepcopy(list(resource_specs(fmt))),
    }


def _json_row(item: BaseModel, cited: dict[str, list[str]]) -> dict[str, Any]:
    row = item.model_dump(mode="json")
    row.update(cited)
    row.update(dict.fromkeys(unsaid(item)))  # null: a field the row did not say
    return row


def _rows(package: LayerPackage, book: ClauseBook) -> dict[str, list[tuple[BaseModel, dict[str, list[str]]]]]:
    """Return each resource's items with their citations as clause ids (clauses themselves last filled)."""
    rows: dict[str, list[tuple[BaseModel, dict[str, list[str]]]]] = {}
    for name, model in RESOURCES.items():
        if name == "clauses":
            continue
        cited = [c.name for c in columns(model) if c.shape == "citations"]
        rows[name] = [
            (item, {field: [book.id_for(c) for c in getattr(item, field)] for field in cited})
            for item in package.resource(name)
        ]
    rows["clauses"] = [(clause, {}) for clause in book.clauses()]
    return rows


def package_files(package: LayerPackage, fmt: Literal["csv", "json"] = "csv") -> dict[str, str]:
    """Return the text of every file of a package written in ``fmt``: the descriptor and one file per resource.

    Citations are written once, as the package's clauses, and cited by id.

    Raises:
        InvalidRequestError: (a ValueError) for a ``fmt`` other than ``csv`` or ``json``: the files would
            be CSV and the descriptor would list ``duties.JSON``, a package that cannot be read.
    """
    if fmt not in ("csv", "json"):
        from villagecat.errors import InvalidRequestError  # noqa: PLC0415

        raise InvalidRequestError.because("unknown-package-format", fmt=fmt)
    book = ClauseBook(package.layer.id, package.clauses)
    rows = _rows(package, book)
    files: dict[str, str] = {}
    for name, model in RESOURCES.items():
        if fmt == "json":
            header = [c.name for c in columns(model)]
            records = [_json_row(item, cited) for item, cited in rows[name]]
            lines = [json.dumps(header, ensure_ascii=False)]
            lines += [json.dumps([record[h] for h in header], ensure_ascii=False) for record in records]
            files[f"{name}.json"] = "[\n  " + ",\n  ".join(lines) + "\n]\n"
            continue
        buffer = io.StringIO(newline="")
        writer = csv.DictWriter(buffer, fieldnames=[c.name for c in columns(model)], lineterminator="\n")
        writer.writeheader()
        for item, cited in rows[name]:
            cells = model_to_cells(item)
            cells.update({field: join_list(ids) for field, ids in cited.items()})
            writer.writerow(cells)
        files[f"{name}.csv"] = buffer.getvalue()
    files["datapackage.json"] = json.dumps(descriptor(package, fmt), ensure_ascii=False, indent=2) + "\n"
    return files


def carry_citations(package: LayerPackage, edits: Mapping[Citation, Citation]) -> LayerPackage:
    """Return ``package`` with every citation equal to a key of ``edits`` replaced by its value.

    A clause edited where the clauses are shown (the workbook's 条款 sheet) reaches every item
    that still cites it as it was; a citation edited in the item itself is left as it is.
    """
    if not edits:
        return package
    changed: dict[str, tuple[BaseModel, ...]] = {}
    for name in RESOURCES:
        items = package.resource(name)
        carried = tuple(
            item.model_copy(update={"citations": tuple(edits.get(c, c) for c in getattr(item, "citations", ()))})
            if any(c in edits for c in getattr(item, "citations", None) or ())
            else item
            for item in items
        )
        if any(a is not b for a, b in zip(items, carried, strict=True)):
            changed[name] = carried
    return replace(package, **changed)  # type: ignore[arg-type]


def descriptor_files(folder: Path) -> frozenset[str] | None:
    """The files a package folder's descriptor lists, itself among them; None if it does not read.

    Read as text alone, for what names the package's files (a pre-commit hook's changed file, two
    copies compared), never to validate it.
    """
    try:
        data = json.loads((folder / "datapackage.json").read_text(encoding="utf-8-sig"))
    except (OSError, ValueError, RecursionError):  # the reader says what is wrong with it
        return None
    resources = data.get("resources") if isinstance(data, dict) else None
    return frozenset({"datapackage.json", *(str(r.get("path")) for r in resources or () if isinstance(r, dict))})


def foreign_descriptor(folder: Path) -> bool:
    """Whether a folder's ``datapackage.json`` is another tool's data package, not villagecat's.

    It declares no villagecat format, holds no layer, and names none of villagecat's resources
    (``duties``, ``documents``…, as every format wrote them): a ledger or a statistics table kept as
    a standard data package beside the catalog. A descriptor that does not read is not judged foreign:
    the reader says what is wrong with it.
    """
    from villagecat.format.upgrade import FORMAT_KEY  # noqa: PLC0415

    try:
        data = json.loads((folder / "datapackage.json").read_text(encoding="utf-8-sig"))
    except (OSError, ValueError, RecursionError):
        return False
    if not isinstance(data, dict) or FORMAT_KEY in data or "layer" in data:
        return False
    ours = {spec["name"] for spec in resource_specs()}
    resources = data.get("resources")
    listed = resources if isinstance(resources, list) else []
    return not any(isinstance(r, dict) and r.get("name") in ours for r in listed)


def package_form(path: str | os.PathLike[str]) -> Literal["csv", "json"]:
    """The form a package's resources are written in: ``json`` if any resource is a JSON file, else ``csv``.

    Raises:
        PackageReadError: if there is no package at ``path``.
    """
    resources = _read_descriptor(open_source(path)).get("resources")
    if isinstance(resources, list) and any(
        isinstance(r, dict) and str(r.get("path", "")).endswith(".json") for r in resources
    ):
        return "json"
    return "csv"


def save_layer(
    package: LayerPackage,
    path: str | os.PathLike[str],
    *,
    fmt: Literal["csv", "json"] = "csv",
    force: bool = False,
) -> Path:
    """Write a layer package to a folder, touching only the files the package owns.

    Every file whose bytes change is written aside first (a file that keeps its bytes is left
    as it is, and one that is a link is never replaced by a copy: such a write is refused);
    then each (the resources, then ``datapackage.json``) is moved into place atomically,
    and a move that fails puts back the files moved before it, so a failure leaves the old
    package whole and no file is ever half-written. The moves are one file at a time: a
    reader meanwhile reads the old package (the new once its descriptor has landed), and a
    writer killed between two moves (SIGKILL) leaves each file old
    or new, and a journal by which the next write of the package finishes or rolls back
    the killed one before its own. Nothing else in the folder is touched: notes, a README, ``.git``
    and nested child packages stay. A non-empty folder that holds no villagecat package
    is refused unless ``force`` is given (which still removes nothing). Concurrent
    writers of one folder are serialised. See :mod:`villagecat._write`.

    Args:
        package: The layer and its items.
        path: The folder to write (or its ``datapackage.json``).
        fmt: ``csv`` (spreadsheet-friendly) or ``json``.
        force: Write into a non-empty folder that is not a villagecat package.

    Returns:
        The folder written.

    Raises:
        WriteRefusedError: the folder is someone else's, the path is a file, or the disk refuses.
        InvalidRequestError: (a ValueError) for a ``fmt`` other than ``csv`` or ``json``; nothing is written.
        ArgumentTypeError: if ``package`` is no LayerPackage or ``path`` no path; nothing is written.
    """
    need(package, LayerPackage, "argument-not-package", what=Both("要保存的数据包", "the package to save"))
    need_path(path)
    from villagecat._write import write_package  # noqa: PLC0415 - only writers need it

    files = {name: text.encode("utf-8") for name, text in package_files(package, fmt).items()}
    return write_package(path, files, force=force)
