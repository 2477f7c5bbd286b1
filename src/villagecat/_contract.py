"""What a resource's description in ``datapackage.json`` may say: only what villagecat reads as frictionless does.

A descriptor is a contract read by two tools. villagecat reads a resource as UTF-8 CSV with
a header row (in the delimiter, quote and escape character its dialect names) or as JSON, and
checks its rows against the Table Schema it publishes; ``frictionless validate`` reads the
same resource by every property it is given. So a property that would make frictionless read
other data, or check it by other rules, is refused here, naming it, rather than ignored: an
encoding other than UTF-8, a dialect without a header row, a compression, a hash, an embedded
schema other than the published one. Titles, descriptions and a publisher's own properties
change nothing read, and pass.
"""

from __future__ import annotations

import codecs
import json
from typing import Any

__all__ = ["MEDIATYPES", "Refusal", "descriptive", "resource_refusals"]

#: The resource properties frictionless (5.x) reads data or checks it by, beyond those villagecat reads as it
#: does (``format``, ``mediatype``, ``encoding``, ``dialect``, ``schema``, judged below): inline data, a
#: compression, a file inside an archive or across files, a size, a hash, a count of fields or rows. Any
#: other property (a title, a licence, a system's own ``x-…`` note) describes and changes nothing read: the
#: Data Package standard lets a publisher add them, and both tools pass them by.
_READ_BY_FRICTIONLESS = frozenset(
    {"data", "scheme", "datatype", "compression", "extrapaths", "innerpath", "hash", "bytes", "fields", "rows"}
    | {"stats", "control", "basepath", "dialect_profile", "schema_profile", "jsonSchema", "checklist", "pipeline"}
)
#: The resource properties villagecat writes itself (and those earlier formats wrote): a rewrite sets them anew.
_WRITTEN = frozenset(
    {"name", "type", "path", "format", "mediatype", "encoding", "dialect", "schema", "villagecat", "profile", "$schema"}
)


def descriptive(key: str) -> bool:
    """Whether a resource property is a publisher's description (a title, a licence, an ``x-…`` note).

    villagecat neither writes it nor reads the data by it, and neither does frictionless: a
    rewrite of the package keeps it as it was.
    """
    return key not in _WRITTEN and key not in _READ_BY_FRICTIONLESS


#: The media type of each format villagecat reads.
MEDIATYPES = {"csv": "text/csv", "json": "application/json"}
#: CSV dialect properties villagecat reads (``villagecat.package`` gives them to ``csv.reader``), by their values.
_ONE_CHARACTER = ("delimiter", "quoteChar", "escapeChar")
_FLAGS = ("doubleQuote", "skipInitialSpace", "caseSensitiveHeader")
#: Line ends Python's csv reader (as villagecat and frictionless run it) recognises whatever is declared.
_LINE_ENDS = ("\n", "\r\n", "\r")

#: One property refused: its path under the resource (``encoding``, ``dialect.header``), a message key, its fields.
Refusal = tuple[str, str, dict[str, Any]]


def resource_refusals(spec: dict[str, Any], fmt: str, schema: dict[str, Any] | None) -> list[Refusal]:
    """The properties of a resource that would make frictionless read other data than villagecat, or judge it otherwise.

    Args:
        spec: The resource, as the descriptor holds it.
        fmt: The format villagecat reads it in (``csv`` or ``json``).
        schema: The Table Schema villagecat publishes for it, in the current format; None for an
            older format (its schemas are rewritten by ``villagecat upgrade``) or a format villagecat
            does not read (``CSV``), which is refused on its own.
    """
    refused: list[Refusal] = [
        (str(key), "resource-property", {"property": str(key), "value": _shown(spec[key])})
        for key in spec
        if key in _READ_BY_FRICTIONLESS
    ]
    encoding = spec.get("encoding")
    if encoding is not None and not _utf8(encoding):
        refused.append(("encoding", "resource-encoding", {"value": _shown(encoding)}))
    mediatype = spec.get("mediatype")
    expected = MEDIATYPES.get(fmt)
    if mediatype is not None and expected is not None and mediatype != expected:
        refused.append(("mediatype", "resource-mediatype", {"value": _shown(mediatype), "expected": expected}))
    dialect = spec.get("dialect")
    if dialect is not None and expected is not None:  # a format not read is said alone: its dialect is not judged
        refused.extend(
            (f"dialect.{key}" if key else "dialect", "resource-dialect", {"property": key or "dialect", "value": shown})
            for key, shown in _dialect_refusals(dialect, fmt)
        )
    if schema is not None and spec.get("schema") != schema:
        refused.append(("schema", "resource-schema", {}))
    return refused


def _utf8(encoding: object) -> bool:
    if not isinstance(encoding, str):
        return False
    try:
        return codecs.lookup(encoding).name in ("utf-8", "utf-8-sig")
    except LookupError:
        return False


def _dialect_refusals(dialect: object, fmt: str) -> list[tuple[str, str]]:
    """The dialect's properties villagecat does not read as frictionless does: ``(property, value shown)``."""
    if not isinstance(dialect, dict):
        return [("", _shown(dialect))]
    refused = []
    for key, value in dialect.items():
        if key == "$schema":
            continue
        if fmt != "csv":
            takes = False
        elif key in _ONE_CHARACTER:
            takes = isinstance(value, str) and len(value) == 1
        elif key in _FLAGS:
            takes = isinstance(value, bool)
        elif key == "header":
            takes = value is True
        elif key == "headerRows":
            takes = value == [1]
        elif key == "lineTerminator":
            takes = value in _LINE_ENDS
        else:
            takes = False
        if not takes:
            refused.append((str(key), _shown(value)))
    return refused


def _shown(value: object) -> str:
    """A property's value as the descriptor writes it, cut short."""
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 40 else text[:39] + "…"
