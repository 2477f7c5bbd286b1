"""Readable ids for items a clerk left without one.

A clerk publishing a list should not have to invent ASCII slugs. An item row with an empty
标识, or one whose local part is written in Chinese (``430000.duty.不得签订责任状``), gets an
id made from its name in pinyin (``430000.duty.bu-de-qian-ding-ze-ren-zhuang``), unique in
its resource. The id is computed the same way every time the same file is read, and is
written into the package the next time villagecat saves it (``import``, ``upgrade``,
``release``); from then on it is stored, and renaming the item never changes it.
"""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["assign_ids", "place_name_pinyin", "readable_slug", "stray_in_id"]

#: At most this many syllables: a long name gives a long id, and its start is what tells it apart.
_SYLLABLES = 8
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_ASCII_LOCAL = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def readable_slug(text: str) -> str:
    """Return a lower-case ASCII slug for ``text``: pinyin for Chinese, words kept for the rest."""
    from pypinyin import lazy_pinyin  # noqa: PLC0415 - imported only when an id is to be made

    text = unicodedata.normalize("NFKC", text)
    words = []
    for part in lazy_pinyin(text, errors="default"):
        words += [w for w in _NOT_SLUG.split(part.lower()) if w]
    return "-".join(words[:_SYLLABLES]) or "item"


#: Generic parts of an administrative name, longest first: the romanised name leaves them out
#: (宁河区 is Ninghe, 吉林省 Jilin), as the shipped layers and the place-name standard write them.
_GENERIC = (
    "特别行政区",
    "街道办事处",
    "自治区",
    "自治州",
    "自治县",
    "自治旗",
    "街道",
    "地区",
    "省",
    "市",
    "区",
    "县",
    "旗",
    "盟",
    "镇",
    "乡",
)
#: A syllable that starts with a, o or e takes an apostrophe after another (田家庵 Tianjia'an, 西安 Xi'an).
_VOWEL_START = ("a", "o", "e")


def place_name_pinyin(name: str) -> str:
    """Return a place's name in Hanyu Pinyin, as the shipped layers write their English names.

    The generic part (省, 市, 区, 县, 镇…) is left out unless only one character would remain
    (和县 is Hexian); syllables are written together, an apostrophe marking where one starting
    with a, o or e would run into the one before: 西湖区 → Xihu, 田家庵区 → Tianjia'an. Anything
    not Chinese is kept as written.
    """
    from pypinyin import lazy_pinyin  # noqa: PLC0415 - imported only when a name is to be made

    text = unicodedata.normalize("NFKC", name).strip()
    generic = next((g for g in _GENERIC if text.endswith(g) and len(text) - len(g) >= 2), "")
    syllables = lazy_pinyin(text[: len(text) - len(generic)], v_to_u=True, errors="default")
    written = ""
    for syllable in syllables:
        if written and written[-1].isalpha() and syllable.startswith(_VOWEL_START):
            written += "'"
        written += syllable
    return written[:1].upper() + written[1:]


def stray_in_id(text: str) -> str | None:
    """Return the first character of an id cell that no id may hold and that reading it would silently drop or change.

    An id is ASCII; a full-width one (３３０１０６, ｃｎ) is read as its ASCII, and a local part in Chinese is
    made into pinyin. Anything else is the clerk's to see, never to be dropped unseen: a space inside it
    (全角空格 U+3000, a no-break space pasted from a web page), an invisible character (零宽连字, a
    variation selector), a combining mark, or a letter or digit of another script (Devanagari, Cyrillic).
    """
    for char in text.strip():
        if char.isascii():  # an ASCII space or line break is the id pattern's to refuse, shown as typed
            continue
        category = unicodedata.category(char)
        if char.isspace() or category[0] in "CMZ":
            return char
        folded = unicodedata.normalize("NFKC", char)
        if category[0] in "LN" and not folded.isascii() and not _is_han(char):
            return char
    return None


def _is_han(char: str) -> bool:
    """A Chinese character (a CJK ideograph or 〇): what pinyin makes an id from."""
    return char == "〇" or unicodedata.name(char, "").startswith("CJK ")


def _needs_id(value: Any, prefix: str) -> str | None:  # noqa: ANN401 - a raw cell
    """Return the text to make an id from, if the cell holds no usable id: '' for none."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return ""
    if isinstance(value, str) and value.startswith(prefix):
        local = value[len(prefix) :]
        if local and not _ASCII_LOCAL.match(local) and any(ord(c) > 127 for c in local):
            return local
    return None


def assign_ids(layer_id: str, segment: str, records: Iterable[dict[str, Any]]) -> None:
    """Give every record without a usable id one made from its name (in place, in row order).

    Records whose id is set and ASCII are left alone; a generated id never takes one that a
    record of the resource already holds.
    """
    rows = list(records)
    if all(type(i) is str and i and i.isascii() for i in [r.get("id") for r in rows]):
        return  # the common case: every row has an id
    prefix = f"{layer_id}.{segment}."
    taken = {r.get("id") for r in rows if isinstance(r.get("id"), str)}
    for row in rows:
        source = _needs_id(row.get("id"), prefix)
        if source is None:
            continue
        name = source or str(row.get("name") or row.get("title") or "")
        base = f"{prefix}{readable_slug(name)}"
        candidate, n = base, 2
        while candidate in taken:
            candidate, n = f"{base}-{n}", n + 1
        taken.add(candidate)
        row["id"] = candidate
