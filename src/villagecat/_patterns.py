"""Every text pattern the models use, declared once with what it means in words.

A clerk is never shown a regular expression: when a value does not match, the message
is the pattern's description here, with an example of a right value. The patterns are
written so that Python ``re``, pydantic-core (Rust ``regex``) and JSON Schema validators
(ECMA-262, as Ajv runs them) read them alike.
"""

from __future__ import annotations

from villagecat._i18n import MESSAGES

__all__ = ["described", "words_for"]


def described(pattern: str, zh: str, en: str, *, in_files: str = "") -> str:
    """Register what ``pattern`` means, in Chinese and English, in the message catalog; return the pattern.

    The words are written beside the pattern they describe, and kept with every other
    message (``pattern <regex>`` keys of :data:`villagecat._i18n.MESSAGES`). ``in_files`` is Chinese
    said after them only of a value read from a file (a package's cell, a workbook's), where it
    holds: 「也可以留空，由系统按名称生成」 is true of a cell, not of a model built in code.
    """
    MESSAGES[f"pattern {pattern}"] = (zh, en)
    if in_files:
        MESSAGES[f"pattern-in-files {pattern}"] = (zh + in_files, en)
    return pattern


def words_for(pattern: str, *, in_code: bool = False) -> tuple[str, str]:
    """Return the description of a registered pattern (a plain one for an unknown pattern).

    Args:
        pattern: The pattern a value missed.
        in_code: Whether the value was given in code, not read from a file (:func:`described`'s ``in_files``).
    """
    if not in_code and f"pattern-in-files {pattern}" in MESSAGES:
        return MESSAGES[f"pattern-in-files {pattern}"]
    return MESSAGES.get(f"pattern {pattern}", MESSAGES["wrong-format"])
