"""Text that is safe to keep and to show: no control, bidirectional or invisible characters.

A name or an id with an ANSI escape sequence could clear a clerk's screen or print a fake
"全部合规"; a right-to-left override could make one name look like another. Validation
refuses such characters in names and ids (:data:`SafeText`), and every text output shows
any that reach it escaped (:func:`printable`), never raw.
"""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING, Annotated

from pydantic import AfterValidator

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = ["ONE_LINE", "TEXT", "SafeLine", "SafeText", "printable", "unsafe_character"]

#: Bidirectional embeddings, overrides, isolates and marks; zero-width and invisible characters.
_INVISIBLE = frozenset(
    "\u061c\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2061\u2062\u2063\u2064"
    "\u2066\u2067\u2068\u2069\ufeff"
)
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f" + "".join(re.escape(c) for c in sorted(_INVISIBLE)) + "]")
_UNSAFE_LINE = re.compile("[\x00-\x1f\x7f-\x9f" + "".join(re.escape(c) for c in sorted(_INVISIBLE)) + "]")


def unsafe_character(text: str, *, multiline: bool = True) -> str | None:
    """Return the first character of ``text`` that must not be kept, or None.

    Tab and newline are allowed where ``multiline`` (templates, procedures, quotes).
    """
    match = (_UNSAFE if multiline else _UNSAFE_LINE).search(text)
    return match.group() if match else None


def _describe(char: str) -> str:
    name = unicodedata.name(char, "")
    return f"U+{ord(char):04X}{' ' + name if name else ''}"


def _check(multiline: bool) -> Callable[[str], str]:
    def check(text: str) -> str:
        char = unsafe_character(text, multiline=multiline)
        if char is not None:
            raise ValueError(
                f"contains the invisible or control character {_describe(char)}; remove it "
                f"/ 含有不可见字符或控制字符 {_describe(char)}，请删去"
            )
        return text

    return check


#: The validators, to put after a type's own constraints (which then stay in pydantic-core).
ONE_LINE = AfterValidator(_check(multiline=False))
TEXT = AfterValidator(_check(multiline=True))
#: Text of one line (names, ids, titles): no control, bidirectional or invisible characters.
SafeLine = Annotated[str, ONE_LINE]
#: Text that may run over lines (templates, quotes): tab and newline allowed, nothing else of the kind.
SafeText = Annotated[str, TEXT]


def printable(text: str) -> str:
    r"""Return ``text`` with every control, bidirectional or invisible character shown as ``\u202e``.

    Newlines and tabs stay: they lay a report out.
    """
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
