r"""The flat, column form of each item kind: CSV cells, JSON rows and Table Schemas.

The columns are the fields of the format registry (:mod:`villagecat.format.registry`);
cells follow the format's cell codec (:mod:`villagecat.format.codec`): a list is one cell
with entries joined by ``|`` (``\|`` and ``\\`` inside an entry), a citation is
``DOCUMENT#SECTION`` or ``DOCUMENT#SECTION「quote」``, a boolean is ``true``/``false``, an
empty cell means "not given".
"""

from __future__ import annotations

import functools
import re
import typing
from decimal import Decimal, InvalidOperation
from typing import Any, Literal

from villagecat._i18n import Both, pair
from villagecat._shown import shown
from villagecat._text import published_pattern
from villagecat.format.codec import (
    FALSE_VALUES,
    LIST_DELIMITER,
    TRUE_VALUES,
    format_number,
    join_list,
    local_date,
    parse_bool,
    split_list,
)
from villagecat.format.registry import FieldSpec, fields_of, kind_of_id
from villagecat.models._base import DATE_PATTERN, impossible_date

if typing.TYPE_CHECKING:
    from pydantic import BaseModel

    from villagecat.format.registry import Kind
    from villagecat.models.document import Citation

__all__ = [
    "LIST_DELIMITER",
    "Column",
    "as_written",
    "cells_to_input",
    "columns",
    "json_kind",
    "model_to_cells",
    "neutralise",
    "override_cell_value",
    "override_value_cell",
    "refusal_values",
    "spreadsheet_date",
    "table_schema",
    "target_column",
    "unknown_field",
    "unsaid",
]

#: A column of a kind's flat form is a field of the format registry.
Column = FieldSpec


def columns(model: type[BaseModel]) -> tuple[Column, ...]:
    """Return the columns of a model's flat form, in field order."""
    return fields_of(model)


def _parse_cell(column: Column, cell: str) -> object:
    if column.is_list:
        return split_list(cell)
    text = cell.strip()
    if column.shape == "bool":
        parsed = parse_bool(text)
        return text if parsed is None else parsed
    return text


def as_written(column: Column, cell: str) -> str | None:
    """Why the published Table Schema refuses a cell villagecat reads otherwise: a message key, or None.

    villagecat reads a cell without the spaces around it, and pydantic reads ``3.0`` as the whole
    number 3; a Table Schema reads the cell as written (``frictionless`` strips a number's spaces
    only). So a cell of only spaces is refused where the type or the constraints refuse it, spaces
    around a true/false, a vocabulary value or a text whose pattern refuses them are refused, and a
    whole number is written without a point. The reader asks only of a cell with spaces around it,
    or of a whole number with a point: what is clean costs nothing.
    """
    text = cell.strip()
    if column.is_list or column.shape == "json":  # a list of texts, an override's value: a string as written
        return None
    if not text:
        takes = column.shape not in ("bool", "number", "integer") and column.vocab is None
        return None if takes and _takes_pattern(column, cell) else "cell-only-spaces"
    if column.shape == "integer" and "." in text:  # 3.5 is not a whole number: the model says so
        return "cell-whole-number-point" if _whole(text) is not None else None
    if text == cell or column.shape in ("number", "integer"):
        return None
    if column.shape == "bool" or column.vocab is not None:
        return "cell-spaces"
    if not _takes_pattern(column, cell) and _takes_pattern(column, text):  # else the value is wrong, not its spaces
        return "cell-spaces"
    return None


def _whole(text: str) -> int | None:
    """The whole number ``text`` writes with a point (``3.0`` → 3), or None if it writes no whole number."""
    try:
        number = Decimal(text)
    except InvalidOperation:
        return None
    return int(number) if number.is_finite() and number == number.to_integral_value() else None


#: A year and month with a point, which a spreadsheet reads as a number: 2023.10 is saved as 2023.1.
_NUMBER_LIKE = re.compile(r"^[0-9]{4}\.[0-9]{1,2}$")


def spreadsheet_date(cell: str) -> str | None:
    """The date a date column's cell means, if a spreadsheet wrote it in its own form and it means one date; else None.

    Excel reads a CSV's 2023-09-01 as a date and saves it as its locale writes dates (2023/9/1
    in Chinese), another tool as 2023年9月1日: such a cell is read as :func:`local_date` reads
    it, to the form the format writes. Never a guess: a year and month with a point is a number
    to a spreadsheet (2023.10 saved as 2023.1), a date the calendar lacks is no repair, and a
    day or month first, or a two-digit year, is not read (see :func:`local_date`).
    """
    repaired = local_date(cell)
    if repaired is None or repaired == cell or _NUMBER_LIKE.match(cell) or impossible_date(repaired) is not None:
        return None
    return repaired


def refusal_values(key: str, cell: str) -> dict[str, object]:
    """The values that fill the message ``key`` of :func:`as_written` for ``cell``: the cell, and what to write."""
    if key == "cell-whole-number-point":
        return {"value": cell, "whole": _whole(cell.strip())}
    if key == "spreadsheet-date":
        return {"value": cell, "date": spreadsheet_date(cell)}
    return {"value": cell}


def _takes_pattern(column: Column, cell: str) -> bool:
    """Whether the column's published pattern takes the cell, matched as a Table Schema reader matches it."""
    pattern = _table_pattern(column)
    return pattern is None or re.match(f"^{pattern}$", cell) is not None


def _table_pattern(column: Column) -> str | None:
    """The column's pattern as its Table Schema publishes it (a reader anchors it with ``^…$``)."""
    if column.pattern is None:
        return None
    return published_pattern(column.pattern.removeprefix("^").removesuffix("$"))


def cells_to_input(
    model: type[BaseModel], row: dict[str, str], refused: dict[str, str] | None = None
) -> dict[str, object]:
    """Turn a CSV row of strings into model input; empty cells are left out.

    Vocabulary cells hold slugs (``retained``), exactly as the Table Schema's enum
    says, so villagecat and ``frictionless validate`` agree on every cell.

    Args:
        model: The row's model.
        row: The cells, by column.
        refused: If given, each cell the published Table Schema refuses as written (see
            :func:`as_written`) is put here, column -> message key; the row still holds what
            villagecat reads from it. So is a date a spreadsheet rewrote (see :func:`spreadsheet_date`),
            read as the date it means: in a date column, and in an override's ``value`` that sets a
            date field (its cell is a cell of that field).
    """
    by_name, whole, dates = _by_name(model)
    if "value" in by_name and (spec := target_column(row.get("target"), row.get("field"))) is not None:
        dates = dates | {"value"} if spec.pattern == DATE_PATTERN else dates - {"value"}
    data: dict[str, object] = {}
    for name, cell in row.items():
        column = by_name.get(name)
        if column is None:
            data[name] = cell
            continue
        if cell is None:
            continue
        text = cell.strip()  # the cell itself when nothing is stripped
        if refused is not None and (text is not cell or (name in whole and "." in text)):
            why = as_written(column, cell)  # the rare cell with spaces around it, or 3.0
            if why is not None:
                refused[name] = why
        elif refused is not None and name in dates and (repaired := spreadsheet_date(cell)) is not None:
            refused[name] = "spreadsheet-date"
            data[name] = repaired
            continue
        if not text:
            continue
        data[name] = _parse_cell(column, cell)
    return data


@functools.cache
def _by_name(model: type[BaseModel]) -> tuple[dict[str, Column], frozenset[str], frozenset[str]]:
    """A model's columns by name, and the names of its whole-number and its date columns (once per model)."""
    found = columns(model)
    return (
        {c.name: c for c in found},
        frozenset(c.name for c in found if c.shape == "integer"),
        frozenset(c.name for c in found if c.pattern == DATE_PATTERN),
    )


def neutralise(cell: str) -> str:
    """Return a cell safe to open in a spreadsheet: text starting with ``= + - @`` gets a ``'``.

    Spreadsheets run such text as a formula (CSV injection); the leading apostrophe
    makes Excel and LibreOffice show it as text.
    """
    return f"'{cell}" if cell[:1] in ("=", "+", "-", "@", "\t", "\r") else cell


def _cell(column: Column, value: object) -> str:
    if value is None:
        return ""
    if column.shape == "citations":
        return join_list(c.to_text() for c in typing.cast("list[Citation]", value))
    if column.shape == "list":
        return join_list(typing.cast("list[object]", value))
    if column.shape == "bool":
        return "true" if value else "false"
    if column.shape == "number":
        return format_number(typing.cast("float", value))
    if column.shape == "integer":
        return str(int(typing.cast("int", value)))
    return str(value)


def unsaid(item: BaseModel) -> frozenset[str]:
    """The fields a row leaves unsaid: written empty (null in JSON), they are read back unsaid.

    A row that restates an inherited item leaves a field as inherited by leaving it empty;
    written out with the model's defaults (列入悬挂=否, 禁止性=是), it would be read back as given
    and change the inherited item. A new item's empty 全文可得 is the source's silence, not 是:
    provenance tells the two apart (未设定, 设立). So what a row did not say stays unsaid.
    """
    return frozenset(type(item).model_fields) - item.model_fields_set


def model_to_cells(item: BaseModel) -> dict[str, str]:
    """Return an item as a CSV row of strings, one per column.

    An override's value is written as a cell of the field it targets; a row's unsaid fields
    (:func:`unsaid`) are empty.
    """
    empty = unsaid(item)
    cells = {c.name: "" if c.name in empty else _cell(c, getattr(item, c.name)) for c in columns(type(item))}
    if "value" in cells and "target" in cells and "field" in cells:
        cells["value"] = override_value_cell(item)
    return cells


def json_kind(column: Column, value: object) -> str | None:
    """The JSON type a cell should have, if it has another: ``number``, ``integer`` or ``bool``; None if right.

    Only what validation would otherwise coerce is judged here (``true`` or ``"300"`` for a
    number, ``1`` for a boolean): every other wrong type validation refuses by itself.
    """
    if value is None:
        return None
    if column.shape == "number":
        right = isinstance(value, int | float) and not isinstance(value, bool)
    elif column.shape == "integer":
        right = (isinstance(value, int) and not isinstance(value, bool)) or (
            isinstance(value, float) and value.is_integer()
        )
    elif column.shape == "bool":
        right = isinstance(value, bool)
    else:
        return None
    return None if right else column.shape


def target_column(target: object, name: object) -> Column | None:
    """The column an override's ``value`` is a cell of: field ``name`` of the kind of item ``target``.

    ``name`` may be the field's name or its Chinese title (类型 for ``duty_kind``), as a clerk
    reads it in a workbook, or a title it had before (必须悬挂 for ``mandatory``), as a workbook exported then has it.
    """
    if not isinstance(target, str) or not isinstance(name, str):
        return None
    kind = kind_of_id(target)
    if kind is None:
        return None
    titled = [spec for spec in kind.fields if spec.title_zh == name.strip()]
    formerly = [spec for spec in kind.fields if name.strip() in spec.former_titles]
    return kind.field(name.strip()) or next((t[0] for t in (titled, formerly) if len(t) == 1), None)


def unknown_field(kind: Kind, name: str, value: object) -> tuple[str, str]:
    """What to say of an override of a field ``kind`` lacks: the value given, and the fields it has.

    Each field is named by its Chinese title (the workbook's column) with its code (the CSV's
    column): 证明事项没有可覆盖的字段“面积”…；可覆盖的字段：名称（name）、…. The merge says it of
    an override it cannot apply, the workbook of a 字段 cell that names no field.
    """
    fields = [spec for spec in kind.fields if spec.overridable]
    return pair(
        "detail-unknown-field",
        kind=Both(kind.title_zh, kind.title_en.lower()),
        field=name,
        value=Both(shown(value, "zh"), shown(value, "en")),
        fields=Both("、".join(f"{s.title_zh}（{s.name}）" for s in fields), ", ".join(s.name for s in fields)),
    )


def override_cell_value(row: dict[str, Any]) -> object:
    """Return the value of an override row's CSV ``value`` cell, decoded by the field it targets."""
    cell = row.get("value")
    spec = target_column(row.get("target"), row.get("field"))
    if not isinstance(cell, str) or spec is None:
        return cell
    if not cell.strip():
        return None
    return _parse_cell(spec, cell)


def override_value_cell(override: BaseModel) -> str:
    """Return an override's typed value as a cell of the field it targets."""
    value = getattr(override, "value", None)
    spec = target_column(getattr(override, "target", None), getattr(override, "field", None))
    if spec is None:
        return "" if value is None else str(value)
    return _cell(spec, value)


def _bounds(column: Column) -> dict[str, float]:
    """A number column's bounds as Table Schema (v2) constraints."""
    bounds = {"minimum": column.minimum, "exclusiveMinimum": column.exclusive_minimum, "maximum": column.maximum}
    return {name: bound for name, bound in bounds.items() if bound is not None}


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
        if column.is_list:
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
            constraints.update(_bounds(column))
        elif column.shape == "json":
            spec["type"] = "any" if fmt == "json" else "string"  # in CSV: the target field's own cell
        else:
            spec["type"] = "string"
            if column.vocab is not None:
                constraints["enum"] = [m.value for m in column.vocab]
            if column.pattern is not None:
                constraints["pattern"] = _table_pattern(column)
        if column.required:
            constraints["required"] = True
        if constraints:
            spec["constraints"] = constraints
        fields.append(spec)
    # Table Schema v2: exclusiveMinimum (a size above zero) is a v2 constraint.
    profile = "https://datapackage.org/profiles/2.0/tableschema.json"
    return {"$schema": profile, "fields": fields, "primaryKey": ["id"], "missingValues": [""]}
