"""A field's value as a reader reads it: one way, for merge conflicts, diffs and ``explain``.

Never a Python repr or a JSON literal: a vocabulary word is 标牌（plaque） in Chinese and its
code in English, a list is bracketed and joined with 、 (or commas), citations read as
``DOCUMENT SECTION「quote」``, a part of a layer (its parent, its admission route) reads field
by field with its fields' titles, a yes or no is 是 or 否 in Chinese (true or false in English),
and 300.0 is 300.
"""

from __future__ import annotations

from enum import Enum
from typing import Any

from pydantic import BaseModel

from villagecat._i18n import Lang, say
from villagecat.models._base import Vocab

__all__ = ["shown"]


def shown(value: Any, lang: Lang, *, empty: str | None = None) -> str:  # noqa: ANN401 - any field value
    """Return ``value`` as a reader reads it in ``lang``; nothing (None, an empty list) is ``empty`` or 空."""
    if value is None or (isinstance(value, list | tuple) and not value):
        return say("empty-value", lang) if empty is None else empty
    if isinstance(value, list | tuple):
        if all(hasattr(v, "readable") for v in value):  # citations, as a reader writes them
            return "；".join(v.readable() for v in value)
        return "[" + ("、" if lang == "zh" else ", ").join(shown(v, lang) for v in value) + "]"
    if isinstance(value, bool):  # as the workbook writes it for a clerk: 是 or 否
        return ("是" if value else "否") if lang == "zh" else ("true" if value else "false")
    if isinstance(value, Enum):
        return value.shown(lang) if isinstance(value, Vocab) else str(value.value)
    if isinstance(value, BaseModel):
        return str(value.readable()) if hasattr(value, "readable") else _fields(value, lang)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


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
