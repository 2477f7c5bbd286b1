"""Normalising names for lookups and for identity across layers.

Two names are the same item's when they differ only in script (traditional 健在證明 and
simplified 健在证明, converted with OpenCC), width (full-width ``（）`` and ASCII ``()``),
compatibility forms, case or white space.
"""

from __future__ import annotations

import functools
import unicodedata
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["normalise_name", "same_name"]


@functools.cache
def _converter() -> Any:  # noqa: ANN401 - OpenCC's converter
    import opencc  # noqa: PLC0415 - loaded on the first lookup, not at import

    return opencc.OpenCC("t2s")


@functools.lru_cache(maxsize=65_536)
def normalise_name(name: str) -> str:
    """Return the form of ``name`` that lookups and identity compare.

    Traditional characters become simplified, then NFKC (full-width to half-width), case
    folding, and no white space.
    """
    simplified = _converter().convert(name)
    folded = unicodedata.normalize("NFKC", simplified).casefold()
    return "".join(folded.split())


def normalise_names(names: Sequence[str]) -> list[str]:
    """Return :func:`normalise_name` of each name, converting them in one call to the converter.

    One conversion of the names joined by line breaks costs a fraction of one call per
    name; a name that holds a line break itself is converted on its own.
    """
    if not names or any("\n" in name for name in names):
        return [normalise_name(name) for name in names]
    simplified = _converter().convert("\n".join(names)).split("\n")
    if len(simplified) != len(names):  # never expected: a converter that adds or drops line breaks
        return [normalise_name(name) for name in names]
    return ["".join(unicodedata.normalize("NFKC", text).casefold().split()) for text in simplified]


def same_name(name: str, *candidates: str) -> bool:
    """Whether ``name`` names the same thing as any of ``candidates``, once all are normalised."""
    wanted = normalise_name(name)
    return any(normalise_name(candidate) == wanted for candidate in candidates)
