"""Every text pattern the models use, declared once with what it means in words.

A clerk is never shown a regular expression: when a value does not match, the message
is the pattern's description here, with an example of a right value. The patterns are
written so that Python ``re``, pydantic-core (Rust ``regex``) and JSON Schema validators
(ECMA-262, as Ajv runs them) read them alike.
"""

from __future__ import annotations

__all__ = ["PATTERN_WORDS", "described", "words_for"]

#: pattern -> (Chinese description, English description), each with an example.
PATTERN_WORDS: dict[str, tuple[str, str]] = {}


def described(pattern: str, zh: str, en: str) -> str:
    """Register what ``pattern`` means, in Chinese and English, and return the pattern."""
    PATTERN_WORDS[pattern] = (zh, en)
    return pattern


def words_for(pattern: str) -> tuple[str, str]:
    """Return the description of a registered pattern (a plain one for an unknown pattern)."""
    return PATTERN_WORDS.get(pattern, ("格式不正确", "wrong format"))
