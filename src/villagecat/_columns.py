"""The flat, column form of each item kind: CSV cells, JSON rows and Table Schemas.

One description of each model's columns serves three purposes: parsing CSV cells
into model input, writing models back as cells, and generating the Table Schema of
the resource. Cell conventions (documented in docs/concepts.md):

- a list is one cell with items joined by ``|``;
- a citation is ``DOCUMENT#SECTION`` or ``DOCUMENT#SECTION「quote」``;
- a boolean is ``true``/``false`` (``是``/``否`` are read too);
- an empty cell means "not given".
"""

from __future__ import annotations

import types
import typing
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

from annotated_types import Ge, Gt, Le, MinLen

from villagecat.models._base import Vocab, merge_rules
from villagecat.models.document import Citation

if typing.TYPE_CHECKING:
    from pydantic import BaseModel

__all__ = [
    "LIST_DELIMITER",
    "Column",
    "cells_to_input",
    "columns",
    "model_to_cells",
    "neutralise",
    "table_schema",
]

LIST_DELIMITER = "|"
TRUE_VALUES = ("true", "是")
FALSE_VALUES = ("false", "否")

Shape = Literal["text", "list", "citations", "bool", "number", "integer"]


@dataclass(frozen=True)
class Column:
    """One column of an item kind's flat form."""

    name: str
    shape: Shape
    required: bool
    title_zh: str
    title_en: str
    description: str
    vocab: type[Vocab] | None
    pattern: str | None
    minimum: float | None
    exclusive_minimum: float | None
    maximum: float | None
    min_length: int | None
    merge: dict[str, Any]


def _strip_optional(annotation: Any) -> Any:  # noqa: ANN401 - typing objects
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return annotation


def _unwrap(annotation: Any) -> tuple[Any, list[Any]]:  # noqa: ANN401 - typing objects
    """Return the bare type and the metadata of an ``Annotated`` type."""
    metadata: list[Any] = []
    while typing.get_origin(annotation) is typing.Annotated:
        args = typing.get_args(annotation)
        annotation, metadata = args[0], [*metadata, *args[1:]]
    return annotation, metadata


def _shape(annotation: Any) -> tuple[Shape, Any]:  # noqa: ANN401 - typing objects
    bare, _ = _unwrap(_strip_optional(annotation))
    if typing.get_origin(bare) is list:
        (inner,) = typing.get_args(bare)
        inner_bare, _ = _unwrap(inner)
        return ("citations" if inner_bare is Citation else "list"), inner_bare
    if bare is bool:
        return "bool", bare
    if bare is int:
        return "integer", bare
    if bare is float:
        return "number", bare
    return "text", bare


@cache
def columns(model: type[BaseModel]) -> tuple[Column, ...]:
    """Return the columns of a model's flat form, in field order."""
    result = []
    for name, info in model.model_fields.items():
        shape, inner = _shape(info.annotation)
        _, meta = _unwrap(_strip_optional(info.annotation))
        meta = [*meta, *info.metadata]
        pattern = next((str(getattr(m, "pattern", None)) for m in meta if getattr(m, "pattern", None)), None)
        extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
        result.append(
            Column(
                name=name,
                shape=shape,
                required=info.is_required(),
                title_zh=info.title or name,
                title_en=str(extra.get("x-title-en", name)),
                description=info.description or "",
                vocab=inner if isinstance(inner, type) and issubclass(inner, Vocab) else None,
                pattern=pattern if shape == "text" else None,
                minimum=next((float(m.ge) for m in meta if isinstance(m, Ge)), None),  # type: ignore[arg-type]
                exclusive_minimum=next((float(m.gt) for m in meta if isinstance(m, Gt)), None),  # type: ignore[arg-type]
                maximum=next((float(m.le) for m in meta if isinstance(m, Le)), None),  # type: ignore[arg-type]
                min_length=next((m.min_length for m in meta if isinstance(m, MinLen)), None),
                merge=merge_rules(extra),
            )
        )
    return tuple(result)


def _parse_cell(column: Column, cell: str) -> object:
    if column.shape in ("list", "citations"):
        return [part.strip() for part in cell.split(LIST_DELIMITER) if part.strip()]
    if column.shape == "bool":
        lowered = cell.strip().lower()
        if lowered in TRUE_VALUES:
            return True
        if lowered in FALSE_VALUES:
            return False
        return cell
    return cell.strip()


def cells_to_input(model: type[BaseModel], row: dict[str, str]) -> dict[str, object]:
    """Turn a CSV row of strings into model input; empty cells are left out.

    Vocabulary cells hold slugs (``retained``), exactly as the Table Schema's enum
    says, so villagecat and ``frictionless validate`` agree on every cell.
    """
    by_name = {c.name: c for c in columns(model)}
    data: dict[str, object] = {}
    for name, cell in row.items():
        column = by_name.get(name)
        if column is None:
            data[name] = cell
            continue
        if cell is None or not cell.strip():
            continue
        data[name] = _parse_cell(column, cell)
    return data


def neutralise(cell: str) -> str:
    """Return a cell safe to open in a spreadsheet: text starting with ``= + - @`` gets a ``'``.

    Spreadsheets run such text as a formula (CSV injection); the leading apostrophe
    makes Excel and LibreOffice show it as text.
    """
    return f"'{cell}" if cell[:1] in ("=", "+", "-", "@", "\t", "\r") else cell


def _format_number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def _cell(column: Column, value: object) -> str:
    if value is None:
        return ""
    if column.shape == "citations":
        return LIST_DELIMITER.join(c.to_text() for c in typing.cast("list[Citation]", value))
    if column.shape == "list":
        return LIST_DELIMITER.join(str(v) for v in typing.cast("list[object]", value))
    if column.shape == "bool":
        return "true" if value else "false"
    if column.shape == "number":
        return _format_number(typing.cast("float", value))
    return str(value)


def model_to_cells(item: BaseModel) -> dict[str, str]:
    """Return an item as a CSV row of strings, one per column."""
    return {c.name: _cell(c, getattr(item, c.name)) for c in columns(type(item))}


def table_schema(model: type[BaseModel], fmt: Literal["csv", "json"] = "csv") -> dict[str, Any]:
    """Return the Table Schema of a model's resource in CSV or JSON form.

    In the CSV form lists are ``list`` fields delimited by ``|``; in the JSON form
    they are ``array`` fields holding JSON arrays (citations as objects).
    """
    fields: list[dict[str, Any]] = []
    for column in columns(model):
        spec: dict[str, Any] = {
            "name": column.name,
            "title": column.title_zh,
            "description": column.description,
        }
        constraints: dict[str, Any] = {}
        if column.shape in ("list", "citations"):
            if fmt == "csv":
                spec.update(type="list", delimiter=LIST_DELIMITER, itemType="string")
            else:
                spec["type"] = "array"
        elif column.shape == "bool":
            spec["type"] = "boolean"
            if fmt == "csv":
                spec.update(trueValues=list(TRUE_VALUES), falseValues=list(FALSE_VALUES))
        elif column.shape in ("number", "integer"):
            spec["type"] = column.shape
            if column.minimum is not None:
                constraints["minimum"] = column.minimum
            if column.maximum is not None:
                constraints["maximum"] = column.maximum
        else:
            spec["type"] = "string"
            if column.vocab is not None:
                constraints["enum"] = [m.value for m in column.vocab]
            if column.pattern is not None:
                constraints["pattern"] = column.pattern.removeprefix("^").removesuffix("$")
        if column.required:
            constraints["required"] = True
        if constraints:
            spec["constraints"] = constraints
        fields.append(spec)
    return {"fields": fields, "primaryKey": ["id"], "missingValues": [""]}
