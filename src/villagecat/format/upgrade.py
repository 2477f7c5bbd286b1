"""Reading any earlier format: a chain of upgraders over a package's raw rows.

A package declares its format in its descriptor (``"villagecat": {"format": 1}``).
Everything villagecat wrote before that key existed is **format 0**, recognised by what it
looked like (:func:`declared_format`); a descriptor that lacks the key and is not
recognisably format 0 is refused, never guessed. A reader takes the
descriptor and the raw rows of each resource (CSV cells as strings, JSON rows as JSON),
and :func:`upgrade` applies one small function per step (``upgrade_0_1``, …) until the
rows are in the current format; only then are they decoded into models. Nothing old
becomes unreadable, and each step is tested on real old data (the git history of
``data/``).

Each step is frozen: it says what changed in that step, in that step's terms, and is
never edited when a later format changes again.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from villagecat._i18n import Both, pair
from villagecat.format import FORMAT_VERSION
from villagecat.format.codec import join_list

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = [
    "FORMAT_KEY",
    "RawPackage",
    "RawTable",
    "UnknownFormatError",
    "declared_format",
    "later_feature",
    "upgrade",
    "upgrade_0_1",
    "upgrade_1_2",
]

#: The descriptor key that declares the format: ``{"villagecat": {"format": 1}}``.
FORMAT_KEY = "villagecat"


class UnknownFormatError(ValueError):
    """The descriptor declares a format this version of villagecat cannot read; the reason in both languages."""

    def __init__(self, key: str, /, **values: object) -> None:
        """Record the reason, a key of the message catalog."""
        self.message_zh, self.message_en = pair(key, **values)
        super().__init__(self.message_en)


@dataclass
class RawTable:
    """One resource's rows before decoding: CSV cells (strings) or JSON values.

    A JSON resource in the array form (a header array, then one array per row) is kept as
    it was read, ``header`` and ``arrays``, and turned into records only when asked
    (:meth:`records`): the reader decodes the common case straight from the arrays.

    Attributes:
        form: ``csv`` or ``json``.
        rows: ``(line or row number, record)`` per row (empty in the array form).
        header: The field names of the array form, else None.
        arrays: The rows of the array form, each as long as ``header`` (row 2 onwards).
    """

    form: Literal["csv", "json"]
    rows: list[tuple[int, dict[str, Any]]] = field(default_factory=list)
    header: tuple[str, ...] | None = None
    arrays: list[list[Any]] = field(default_factory=list)

    def records(self) -> list[tuple[int, dict[str, Any]]]:
        """Return ``(line or row number, record)`` per row, in either form."""
        if self.header is None:
            return self.rows
        header = self.header
        return [(n, dict(zip(header, values, strict=True))) for n, values in enumerate(self.arrays, start=2)]

    def positions(self) -> tuple[int, ...]:
        """Return the line or row number of every row."""
        if self.header is None:
            return tuple(p for p, _ in self.rows)
        return tuple(range(2, len(self.arrays) + 2))


@dataclass
class RawPackage:
    """A package's descriptor and the raw rows of its resources, by resource name."""

    descriptor: dict[str, Any]
    tables: dict[str, RawTable] = field(default_factory=dict)


def declared_format(descriptor: dict[str, Any]) -> int:
    """Return the format a descriptor declares, or format 0 when it is recognisably format 0.

    A descriptor without the declaration (or with ``"villagecat": null``) is format 0 only
    when it looks like what villagecat wrote before the declaration existed (the Data
    Package v1 profile ``tabular-data-package``) and shows nothing a later format added: a
    later package that lost its declaration would otherwise be read as format 0 and its
    list cells split again on every ``|`` (see :func:`later_feature`).

    Raises:
        UnknownFormatError: if the declaration is missing and the format cannot be told, is
            malformed, or names a newer format.
    """
    block = descriptor.get(FORMAT_KEY)
    if block is None:
        return _undeclared(descriptor)
    if isinstance(block, dict) and "format" not in block:
        raise UnknownFormatError("format-key-missing", key=FORMAT_KEY, newest=FORMAT_VERSION)
    version = block.get("format") if isinstance(block, dict) else None
    if not isinstance(version, int) or isinstance(version, bool) or version < 0:
        shown = json.dumps(version, ensure_ascii=False)  # as the descriptor writes it: true, null, -1
        raise UnknownFormatError("format-not-integer", key=FORMAT_KEY, version=shown)
    if version > FORMAT_VERSION:
        raise UnknownFormatError("format-too-new", version=version, newest=FORMAT_VERSION)
    return version


def _undeclared(descriptor: dict[str, Any]) -> int:
    """Return 0 for a descriptor that is recognisably format 0; else refuse, naming what was seen."""
    seen = later_feature(descriptor)
    if seen is not None:
        least, zh, en = seen
        raise UnknownFormatError(
            "format-undeclared-later", seen=Both(zh, en), least=least, key=FORMAT_KEY, newest=FORMAT_VERSION
        )
    if descriptor.get("profile") != _PROFILE_0:
        raise UnknownFormatError("format-undetermined", key=FORMAT_KEY, newest=FORMAT_VERSION)
    return 0


# -- what format 0 looked like, and what later formats added (frozen facts, from git history) --------------
#
# Every format-0 descriptor villagecat wrote declared the Data Package v1 profile
# ``"profile": "tabular-data-package"`` and had no ``$schema``; its resources were the nine
# of _LISTS_0 (the earliest had six), and their columns those below.

_PROFILE_0 = "tabular-data-package"
#: Resources format 1 added.
_RESOURCES_ADDED = {1: ("clauses", "obligations", "milestones")}
#: Columns later formats added to resources format 0 had: format -> resource -> columns.
_COLUMNS_ADDED: dict[int, dict[str, tuple[str, ...]]] = {
    1: {
        "documents": ("list_size",),
        "duties": ("aliases", "truncated", "catch_all", "restates"),
        "mechanisms": ("aliases", "restates"),
        "signs": (
            "aliases",
            "max_long_side_cm",
            "max_short_side_cm",
            "size_modality",
            "orientation_modality",
            "modality",
            "restates",
        ),
        "sign_quotas": ("aliases", "restates"),
        "certificates": ("truncated", "catch_all", "restates"),
        "facilities": ("aliases", "modality", "restates"),
        "overrides": ("aliases",),
        "cancellations": ("aliases",),
    },
    2: {"sign_quotas": ("modality",), "signs": ("colour_modality",)},
}
#: The Data Package v2 profile, which format 1 took up.
_PROFILE_2_0 = "https://datapackage.org/profiles/2.0/datapackage.json"
#: A resource's row schema names the format it was written in: ``urn:villagecat:schema:2:duty``.
_ROW_SCHEMA = re.compile(r"urn:villagecat:schema:([0-9]+):")


def later_feature(descriptor: dict[str, Any]) -> tuple[int, str, str] | None:
    """Return what in a descriptor only a later format than 0 has: ``(format, zh, en)``, the latest one seen.

    A resource's row schema naming a format, a column or resource a later format added,
    the Data Package v2 profile, a resource's own ``villagecat`` block. None if there is none.
    """
    seen: list[tuple[int, str, str]] = []
    if descriptor.get("$schema") == _PROFILE_2_0:
        seen.append((1, "声明了 Data Package v2 的 $schema", "it declares the Data Package v2 $schema"))
    resources = descriptor.get("resources")
    for index, spec in enumerate(resources if isinstance(resources, list) else []):
        if not isinstance(spec, dict):
            continue
        name = spec.get("name")
        label = name if isinstance(name, str) else f"resources[{index}]"
        block = spec.get(FORMAT_KEY)
        row_schema = block.get("rowSchema") if isinstance(block, dict) else None
        match = _ROW_SCHEMA.match(row_schema) if isinstance(row_schema, str) else None
        if match is not None:
            seen.append(
                (
                    int(match.group(1)),
                    f"资源 {label} 的 rowSchema 为 {row_schema}",
                    f"the resource {label} has the rowSchema {row_schema}",
                )
            )
        elif block is not None:
            seen.append((1, f"资源 {label} 有 villagecat 块", f"the resource {label} has a villagecat block"))
        for version, names in _RESOURCES_ADDED.items():
            if name in names:
                seen.append((version, f"有 {name} 资源", f"it has a {name} resource"))
        schema = spec.get("schema")
        fields = schema.get("fields") if isinstance(schema, dict) else None
        columns = {f.get("name") for f in fields if isinstance(f, dict)} if isinstance(fields, list) else set()
        seen.extend(
            (version, f"资源 {name} 有 {column} 列", f"the resource {name} has a {column} column")
            for version, added in _COLUMNS_ADDED.items()
            for column in (added.get(name, ()) if isinstance(name, str) else ())
            if column in columns
        )
    return max(seen, key=lambda s: s[0]) if seen else None


# -- format 0 -> 1 ---------------------------------------------------------------------
#
# What changed:
# - the descriptor declares {"villagecat": {"format": 1}} (and follows Data Package v2);
# - duties.report_frequency (one value) became duties.report_frequencies (a list);
# - list cells escape "|" and "\" inside entries (format 0 had no escaping, so a "\" in a
#   format-0 entry is literal and a "|" always split entries);
# - an override's value is typed by its target field: in the JSON form a JSON value (a
#   list for a list field, a number for a number field), in CSV the field's own cell;
# - citations may be stored once as clauses and cited by id (format-0 citation text stays
#   readable: the format-1 reader accepts it).

#: Fields of format 0 that were lists, per resource (their cells were joined by a bare "|").
_LISTS_0 = {
    "documents": ("issuers",),
    "duties": ("citations", "departments", "assist_activities", "report_frequencies"),
    "mechanisms": ("citations", "departments"),
    "signs": ("citations",),
    "sign_quotas": ("citations",),
    "certificates": ("citations", "aliases", "basis", "placeholders", "alternatives"),
    "facilities": ("citations", "function_areas"),
    "overrides": ("citations",),
    "cancellations": ("citations",),
}
#: Format-0 field renames: resource -> {old name: (new name, whether the new one is a list)}.
_RENAMED_0_1 = {"duties": {"report_frequency": ("report_frequencies", True)}}
#: The kind segment of ids -> resource, as format 0 had them.
_SEGMENTS_0 = {
    "document": "documents",
    "duty": "duties",
    "mechanism": "mechanisms",
    "sign": "signs",
    "quota": "sign_quotas",
    "certificate": "certificates",
    "facility": "facilities",
}
#: Number fields of format 0, per resource (override values targeting them become numbers in JSON).
_NUMBERS_0 = {
    "signs": ("max_width_cm", "max_height_cm", "precedence"),
    "sign_quotas": ("max_count",),
    "facilities": ("min_floor_area_m2", "min_area_per_100_households_m2", "min_activity_area_pct"),
}
_BOOLS_0 = {
    "documents": ("included",),
    "mechanisms": ("dedicated_post",),
    "signs": ("mandatory",),
    "sign_quotas": ("exact",),
}


def _split_0(cell: str) -> list[str]:
    return [part.strip() for part in cell.split("|") if part.strip()]


def _number_0(text: str) -> Any:  # noqa: ANN401 - the number, or the text as it was
    try:
        number = float(text)
    except ValueError:
        return text
    return int(number) if number.is_integer() else number


def _override_value_0_1(target: str, name: str, value: Any, form: str) -> Any:  # noqa: ANN401
    """Return a format-0 override value (a CSV cell, even in JSON) in format 1."""
    if not isinstance(value, str):
        return value
    resource = _SEGMENTS_0.get(target.split(".")[1] if target.count(".") >= 2 else "")
    renamed = _RENAMED_0_1.get(resource or "", {})
    is_list = name in _LISTS_0.get(resource or "", ()) or (name in renamed and renamed[name][1])
    if form == "csv":
        return join_list(_split_0(value)) if is_list else value
    if is_list:
        return _split_0(value)
    if name in _NUMBERS_0.get(resource or "", ()):
        return _number_0(value.strip())
    if name in _BOOLS_0.get(resource or "", ()) and value.strip().lower() in ("true", "false", "是", "否"):
        return value.strip().lower() in ("true", "是")
    return value


def _upgrade_row_0_1(resource: str, record: dict[str, Any], form: str) -> dict[str, Any]:
    row: dict[str, Any] = {}
    for name, value in record.items():
        new_name, to_list = _RENAMED_0_1.get(resource, {}).get(name, (name, False))
        upgraded = value
        if form == "csv" and isinstance(value, str) and (name in _LISTS_0.get(resource, ()) or to_list):
            upgraded = join_list(_split_0(value))
        elif form == "json" and to_list and isinstance(value, str):
            upgraded = [value]
        row[new_name] = upgraded
    if resource == "overrides" and isinstance(row.get("target"), str) and isinstance(row.get("field"), str):
        old_field = row["field"]
        new_field, _ = _RENAMED_0_1.get(_SEGMENTS_0.get(row["target"].split(".")[1], ""), {}).get(
            old_field, (old_field, False)
        )
        row["field"] = new_field
        if "value" in row:
            row["value"] = _override_value_0_1(row["target"], old_field, row["value"], form)
    return row


def upgrade_0_1(raw: RawPackage) -> RawPackage:
    """Return a format-0 package's rows in format 1 (see the notes above this function)."""
    descriptor = {**raw.descriptor, FORMAT_KEY: {"format": 1}}
    tables = {
        name: RawTable(
            table.form, [(pos, _upgrade_row_0_1(name, record, table.form)) for pos, record in table.records()]
        )
        for name, table in raw.tables.items()
    }
    return RawPackage(descriptor, tables)


# -- format 1 -> 2 ---------------------------------------------------------------------
#
# What changed:
# - the descriptor declares {"villagecat": {"format": 2}}, and each resource's rowSchema the
#   format-2 schema ($id urn:villagecat:schema:2:<kind>);
# - sign_quotas has a column of its own, modality: how the quota binds (原则上不得悬挂其他
#   标牌 is should). A format-1 quota said nothing about it, which reads as it always has
#   (empty counts as must), so the rows are kept as they are;
# - in the JSON form (rows, and the layer's admission route in the descriptor) a citation is a
#   clause id or a citation object, as the published schemas always said. The format-1 reader
#   also took citation text there (DOCUMENT#SECTION「quote」, the CSV cell's form), so such an
#   entry becomes the object it wrote.

#: The citation text of format 1: ``DOCUMENT#SECTION`` or ``DOCUMENT#SECTION「quote」``.
_CITATION_TEXT_1 = re.compile(r"^(?P<document>[^#「」]+)#(?P<section>[^「」]*)(?:「(?P<quote>.*)」)?$", re.DOTALL)
#: The JSON columns of format 1 holding citations, per resource (every item's citations; a certificate's basis).
_CITED_1 = ("citations", "basis")


def _citation_1_2(entry: Any) -> Any:  # noqa: ANN401 - a JSON value, as read
    """Return a format-1 JSON citation entry in format 2: citation text becomes an object; the rest is kept."""
    match = _CITATION_TEXT_1.match(entry.strip()) if isinstance(entry, str) else None
    if match is None:
        return entry
    return {k: v.strip() for k, v in match.groupdict().items() if v and v.strip()}


def _cited_1_2(value: Any) -> Any:  # noqa: ANN401 - a JSON value, as read
    return [_citation_1_2(e) for e in value] if isinstance(value, list) else value


def _json_table_1_2(table: RawTable) -> RawTable:
    if table.form != "json":
        return table
    if table.header is not None:
        at = [i for i, name in enumerate(table.header) if name in _CITED_1]
        if not at:
            return table
        arrays = [[_cited_1_2(v) if i in at else v for i, v in enumerate(values)] for values in table.arrays]
        return RawTable(table.form, header=table.header, arrays=arrays)
    rows = [(n, {k: _cited_1_2(v) if k in _CITED_1 else v for k, v in record.items()}) for n, record in table.rows]
    return RawTable(table.form, rows)


def _layer_1_2(layer: Any) -> Any:  # noqa: ANN401 - the descriptor's layer, as read
    admission = layer.get("admission") if isinstance(layer, dict) else None
    if not isinstance(admission, dict) or "citations" not in admission:
        return layer
    return {**layer, "admission": {**admission, "citations": _cited_1_2(admission["citations"])}}


def upgrade_1_2(raw: RawPackage) -> RawPackage:
    """Return a format-1 package's rows in format 2: the declaration changes, and JSON citation text becomes objects."""
    descriptor = {**raw.descriptor, FORMAT_KEY: {"format": 2}}
    if "layer" in descriptor:
        descriptor["layer"] = _layer_1_2(descriptor["layer"])
    return RawPackage(descriptor, {name: _json_table_1_2(table) for name, table in raw.tables.items()})


#: One step per format: the function that takes a package of that format to the next.
UPGRADERS: dict[int, Callable[[RawPackage], RawPackage]] = {0: upgrade_0_1, 1: upgrade_1_2}


def upgrade(raw: RawPackage) -> RawPackage:
    """Return ``raw`` in the current format, applying each step from its declared format on.

    Raises:
        UnknownFormatError: if the declared format is malformed or newer than this villagecat.
    """
    version = declared_format(raw.descriptor)
    while version < FORMAT_VERSION:
        raw = UPGRADERS[version](raw)
        version += 1
    return raw
