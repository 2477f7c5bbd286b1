"""Every text pattern the models use, declared once with what it means in words.

A clerk is never shown a regular expression: when a value does not match, the message
is the pattern's description here, with an example of a right value. The patterns are
written so that Python ``re``, pydantic-core (Rust ``regex``) and JSON Schema validators
(ECMA-262, as Ajv runs them) read them alike.
"""

from __future__ import annotations

from villagecat._i18n import MESSAGES

__all__ = ["described", "words_for"]


def described(pattern: str, zh: str, en: str) -> str:
    """Register what ``pattern`` means, in Chinese and English, in the message catalog; return the pattern.

    The words are written beside the pattern they describe, and kept with every other
    message (``pattern <regex>`` keys of :data:`villagecat._i18n.MESSAGES`).
    """
    MESSAGES[f"pattern {pattern}"] = (zh, en)
    return pattern


def words_for(pattern: str) -> tuple[str, str]:
    """Return the description of a registered pattern (a plain one for an unknown pattern)."""
    return MESSAGES.get(f"pattern {pattern}", MESSAGES["wrong-format"])
