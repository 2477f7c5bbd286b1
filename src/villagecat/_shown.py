"""A field's value as a reader reads it: one way, for merge conflicts, diffs and ``explain``.

Never a Python repr or a JSON literal: a vocabulary word is 标牌（plaque） in Chinese and its
code in English, a list is its entries joined with 、 in Chinese (with ； where an entry holds a 、, so that
no entry reads as two) and bracketed with commas in English, citations read as
``DOCUMENT SECTION「quote」`` (the document as a reader knows it, its 文号 or title, where they are
known: :func:`cited`, the one reading of a citation every report and command uses), a part of
a layer (its parent, its admission route) reads field by field with its fields' titles, a yes
or no is 是 or 否 in Chinese (true or false in English), and 300.0 is 300.
"""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from villagecat._i18n import Lang, say
from villagecat.models._base import Vocab
from villagecat.models.document import Citation

if TYPE_CHECKING:
    from collections.abc import Mapping

    from villagecat.merging import EffectiveCatalog

__all__ = ["cited", "document_titles", "markdown_cell", "shown"]


def markdown_cell(text: object) -> str:
    """A value as one cell of a Markdown table: a ``|`` in it escaped, so the row keeps its columns."""
    return str(text).replace("|", "\\|")


def document_titles(catalog: EffectiveCatalog) -> dict[str, str]:
    """Every document of the catalog's chain as a reader knows it (its 文号, or its title), by id: a citation's name."""
    return {d.id: d.known_as() for d in catalog.documents()}


def cited(citation: Citation, titles: Mapping[str, str] | None = None) -> str:
    """A citation as a reader reads it: ``DOCUMENT SECTION「quote」``, or, quoting nothing, its document's title.

    ``厅字〔2022〕28号 二(一)1「……」`` and ``不应由基层群众性自治组织出具证明事项清单（第一批） 第4项``, not
    ``cn.document.minfa-2020-20-annex 第4项``: an id says nothing to the reader. ``titles``
    (:func:`document_titles`) names the documents by id; a document it does not name reads as its id.
    """
    return citation.readable((titles or {}).get(citation.document))


def shown(
    value: Any,  # noqa: ANN401 - any field value
    lang: Lang,
    *,
    empty: str | None = None,
    titles: Mapping[str, str] | None = None,
) -> str:
    """Return ``value`` as a reader reads it in ``lang``; nothing (None, an empty list) is ``empty`` or 空.

    Citations read as :func:`cited` reads them, by the documents' ``titles`` where given.
    """
    if value is None or (isinstance(value, list | tuple) and not value):
        return say("empty-value", lang) if empty is None else empty
    if isinstance(value, list | tuple):
        return _listed(value, lang, titles)
    if isinstance(value, bool):  # as the workbook writes it for a clerk: 是 or 否
        return ("是" if value else "否") if lang == "zh" else ("true" if value else "false")
    if isinstance(value, Enum):
        return value.shown(lang) if isinstance(value, Vocab) else str(value.value)
    if isinstance(value, BaseModel):
        return cited(value, titles) if isinstance(value, Citation) else _fields(value, lang)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _listed(value: list[Any] | tuple[Any, ...], lang: Lang, titles: Mapping[str, str] | None) -> str:
    """A list: citations as :func:`cited` reads them, joined with ；; other entries as a clerk writes a list.

    In Chinese 文体活动室、多功能室 (with ； where an entry holds a 、 itself, so that no entry reads as
    two), in English bracketed with commas.
    """
    if all(isinstance(v, Citation) for v in value):
        return "；".join(cited(v, titles) for v in value)
    entries = [shown(v, lang) for v in value]
    if lang == "zh":
        return ("；" if any("、" in e for e in entries) else "、").join(entries)
    return "[" + ", ".join(entries) + "]"


def _fields(value: BaseModel, lang: Lang) -> str:
    """A model as its fields' titles and values (上级层标识：120000；版本范围：>=0.4.0)."""
    from villagecat.format.registry import fields_of  # noqa: PLC0415

    parts = []
    for spec in fields_of(type(value)):
        part = getattr(value, spec.name)
        if part is not None and part != ():
            title = spec.title_zh if lang == "zh" else spec.title_en
            parts.append(say("change-part", lang, field=title, value=shown(part, lang)))
    return ("；" if lang == "zh" else "; ").join(parts)
