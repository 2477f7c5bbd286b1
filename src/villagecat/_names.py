"""Normalising names for lookups and for identity across layers.

Two names are the same item's when they differ only in script (traditional 健在證明 and
simplified 健在证明, converted with OpenCC), width (full-width ``（）`` and ASCII ``()``),
compatibility forms, case or white space.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["name_forms", "normalise_name", "normalise_names", "same_name"]

#: White space other than the line break (``re``'s ``\s`` is ``str.isspace``, what ``str.split`` drops).
_SPACE_BUT_LINE_BREAK = re.compile(r"[^\S\n]+")


@functools.cache
def _converter() -> Any:  # noqa: ANN401 - OpenCC's converter
    import opencc  # noqa: PLC0415 - loaded on the first lookup, not at import

    return opencc.OpenCC("t2s")


#: Names up to this long are remembered: item names are short; a long text (a task asked of
#: ``admit``) is normalised each time, so the cache holds at most 65,536 × 256 characters.
_CACHED_LENGTH = 256


def normalise_name(name: str) -> str:
    """Return the form of ``name`` that lookups and identity compare.

    Traditional characters become simplified, then NFKC (full-width to half-width), case
    folding, and no white space.
    """
    return _cached_normalise(name) if len(name) <= _CACHED_LENGTH else _normalise(name)


@functools.lru_cache(maxsize=65_536)
def _cached_normalise(name: str) -> str:
    return _normalise(name)


def _normalise(name: str) -> str:
    simplified = _converter().convert(name)
    folded = unicodedata.normalize("NFKC", simplified).casefold()
    return "".join(folded.split())


def normalise_names(names: Sequence[str]) -> list[str]:
    """Return :func:`normalise_name` of each name, normalising them all as one text.

    The names are joined by line breaks and converted, normalised, case-folded and cleared
    of white space at once (a line break is a character none of these steps joins with its
    neighbours or produces), which costs a fraction of one call per name. Names that hold a
    line break themselves are normalised one by one.
    """
    if not names:
        return []
    joined = "\n".join(names)
    if joined.count("\n") != len(names) - 1:
        return [normalise_name(name) for name in names]
    converted = _converter().convert(joined)
    if not unicodedata.is_normalized("NFKC", converted):
        # Normalised name by name: a long text is normalised all the slow way when any part needs it.
        converted = "\n".join(map(functools.partial(unicodedata.normalize, "NFKC"), converted.split("\n")))
    normalised = _SPACE_BUT_LINE_BREAK.sub("", converted.casefold()).split("\n")
    if len(normalised) != len(names):  # never expected: a converter that adds or drops line breaks
        return [normalise_name(name) for name in names]
    return normalised


def same_name(name: str, *candidates: str) -> bool:
    """Whether ``name`` names the same thing as any of ``candidates``, once all are normalised."""
    wanted = normalise_name(name)
    return any(normalise_name(candidate) == wanted for candidate in candidates)


#: A part of a name in brackets, once normalised (（） is ()): 妇女（儿童）之家's 儿童.
_BRACKETED = re.compile(r"\(([^()]*)\)")
#: At most this many bracketed parts are expanded (2 ** 4 forms): names have one, rarely two.
_MOST_BRACKETS = 4


def name_forms(name: str) -> frozenset[str]:
    """Return the normalised forms of a name whose bracketed part may be written or left out.

    The sources name a function area 妇女（儿童）之家: a village's ledger writes it so, or
    妇女儿童之家, or 妇女之家. Each form is :func:`normalise_name`'s; two names are the same
    area when their forms meet. Not for item identity: there 村（居）民委员会 is one name.
    """
    written = normalise_name(name)
    parts = _BRACKETED.split(written)  # text, bracketed, text, bracketed, ..., text
    groups = len(parts) // 2
    if not groups or groups > _MOST_BRACKETS:
        return frozenset((written,))
    forms = {written}
    for kept in itertools.product((False, True), repeat=groups):
        form = "".join(part if i % 2 == 0 or kept[i // 2] else "" for i, part in enumerate(parts))
        if form:
            forms.add(form)
    return frozenset(forms)
