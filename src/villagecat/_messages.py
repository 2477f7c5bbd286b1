"""Plain messages, in Chinese and English, for the problems a validation finds."""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import TYPE_CHECKING, Any

from villagecat._i18n import MESSAGES, Both, ModelRuleError, pair, say
from villagecat._patterns import words_for
from villagecat._text import MARKS, SAFE_TEXT_PATTERN, WHITE_SPACE, describe_character, unsafe_character

if TYPE_CHECKING:
    from collections.abc import Iterable

    from pydantic import ValidationError

    from villagecat.models._base import Vocab

__all__ = ["field_path", "first_message", "pydantic_message"]


def _vocabulary(ctx: dict[str, Any]) -> tuple[list[str], type[Vocab] | None]:
    """The allowed values an enum error lists, and the vocabulary they are (None if no vocabulary is exactly they)."""
    import re  # noqa: PLC0415

    from villagecat.models._base import Vocab  # noqa: PLC0415 - the models import this module's users

    slugs = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
    stack = list(Vocab.__subclasses__())
    while stack:
        vocab = stack.pop()
        stack.extend(vocab.__subclasses__())
        if {m.value for m in vocab} == set(slugs):
            return slugs, vocab
    return slugs, None


def _expected(slugs: list[str], vocab: type[Vocab] | None, *, labels: bool) -> str:
    """The allowed values in words: each vocabulary value as its Chinese label, with its code where a cell holds codes.

    A workbook's cell takes the label (依法协助政府工作事项), so its clerk is shown the labels alone
    (:attr:`Vocab.words`); a package's cell holds the code, so a CSV's reader is shown both
    (依法协助政府工作事项（assists）).
    """
    words = {m.value: m for m in vocab} if vocab is not None else {}
    said = [(str(words[s].words.zh) if labels else words[s].shown("zh")) if s in words else s for s in slugs]
    return "、".join(said) + "之一"


def _code_for(vocab: type[Vocab] | None, value: object) -> Vocab | None:
    """The member a clerk meant by a Chinese label (联系村民) or another word for it, where a code belongs."""
    if vocab is None or not isinstance(value, str):
        return None
    try:
        return vocab.from_text(value)
    except ValueError:
        return None


def field_path(loc: Iterable[object]) -> str:
    """A field's place as every report writes it: ``citations[0].quote``, never ``citations.0.quote``.

    The one form of a nested field's name: the README, the guides, ``quotes`` and the package's own
    problems (``resources[0].path``) write a list's entry by its index in brackets.
    """
    path = ""
    for part in loc:
        if isinstance(part, int):
            path += f"[{part}]"
        else:
            path += f".{part}" if path else str(part)
    return path


def first_message(exc: ValidationError) -> tuple[str, str, str]:
    """Return where the first error of ``exc`` is (:func:`field_path`) and its message in Chinese and English."""
    error = exc.errors(include_url=False)[0]
    zh, en = pydantic_message(dict(error))
    return field_path(error["loc"]), zh, en


def pydantic_message(error: dict[str, Any], *, labels: bool = False, in_code: bool = False) -> tuple[str, str]:
    """Return the Chinese and English message for one pydantic error.

    Args:
        error: One entry of ``ValidationError.errors()``.
        labels: Whether the value was written as a vocabulary's Chinese label (a workbook's cell): the
            allowed values are then listed as labels alone, without the codes a package's cell holds.
        in_code: Whether the value was given in code (a model built by a developer), not read from a file:
            advice true only of a file's cell (an id left empty is made from the name) is not given.

    Returns:
        ``(zh, en)``, each naming the offending value where it helps.
    """
    kind = str(error.get("type", ""))
    ctx: dict[str, Any] = dict(error.get("ctx") or {})
    if kind == "enum":
        value = error.get("input")
        slugs, vocab = _vocabulary(ctx)
        meant = _code_for(vocab, value)
        if meant is not None:  # the workbook's word in a package's cell, or the code written otherwise: say which
            from villagecat._names import normalise_name  # noqa: PLC0415 - only for a refused cell

            spelt = normalise_name(str(value)) == meant.value
            key = "value-code-written-otherwise" if spelt else "value-label-not-code"
            return pair(key, got=value, code=Both(f"{meant.value}（{meant.label}）", f"'{meant.value}'"))
        expected_en = str(ctx.get("expected", "")).replace("' or '", "', '")
        return pair(
            "value-not-allowed",
            expected=Both(_expected(slugs, vocab, labels=labels), expected_en),
            got=Both(*(_got(value) if isinstance(value, str | int | float) else ("", ""))),
        )
    if kind == "value_error":  # a model's own rule, in both languages; another's, as it was said
        cause = ctx.get("error")
        if isinstance(cause, ModelRuleError):
            return pair("value-invalid", detail=Both(cause.zh, cause.en))
        detail = str(cause if cause is not None else error.get("msg", ""))
        return pair("value-invalid", detail=Both(detail, detail))
    if kind == "string_pattern_mismatch":  # described in words, never as the pattern itself
        return _pattern_message(str(ctx.get("pattern", "")), error.get("input"), in_code=in_code)
    if kind == "string_unicode":  # a lone surrogate, which no text holds: a hidden character, named
        value = error.get("input")
        char = unsafe_character(value) if isinstance(value, str) else None
        if char is not None:
            rule = Both(*words_for(SAFE_TEXT_PATTERN))
            return pair("value-hidden-character", rule=rule, character=_character(char))
    if kind == "int_parsing_size":  # a number past any integer (1e20): every integer field's bound is the count's
        from villagecat.models._base import MAX_COUNT  # noqa: PLC0415 - the models import this module's users

        ctx = {"le": MAX_COUNT}
    if f"pydantic-{kind}" not in MESSAGES:
        msg = str(error.get("msg", kind))
        return pair("value-invalid-other", detail=msg)
    # A bound as the cell reads it: 100, never Python's 100.0
    ctx = {k: int(v) if isinstance(v, float) and v.is_integer() else v for k, v in ctx.items()}
    zh, en = pair(f"pydantic-{kind}", **ctx)
    value = error.get("input")
    if kind not in ("missing", "extra_forbidden") and isinstance(value, (str, int, float)):
        got_zh, got_en = _got(value)
        zh, en = zh + got_zh, en + got_en
    return zh, en


def _character(char: str) -> Both:
    """A hidden character as each language names it: 换行（U+000A）, U+000A."""
    return Both(describe_character(char, "zh"), describe_character(char))


def _got(value: str | float) -> tuple[str, str]:
    """（实际为“…”）: the value as the file writes it (true, not Python's True)."""
    shown = ("true" if value else "false") if isinstance(value, bool) else value
    if isinstance(shown, str):  # one line, as the report lays it out: a line break in the value shows as ↵
        shown = shown.replace("\r\n", "↵").replace("\n", "↵").replace("\r", "↵")
    return say("value-got", "zh", value=shown), say("value-got", "en", value=shown)


#: A date as a source words it: 2023年6月底前, 2023年底, 6月30日前 (the year, month and day, then the words).
_WORDED_DATE = re.compile(
    r"^(?:(?P<year>[0-9]{4})\s*年)?\s*(?:(?P<month>[0-9]{1,2})\s*月)?\s*(?:(?P<day>[0-9]{1,2})\s*[日号])?\s*(?P<words>.*)$"
)


def date_advice(text: str, *, form: str = "cell-date-form") -> tuple[str, str, bool] | None:
    """What to write instead of a date cell that is no date, without the value: (zh, en, whether words were split off).

    2023年6月底前 is the date 2023-06 and the words 底前 (which a milestone's 时限原文 holds); 6月底前 lacks
    its year. Any other text is told the date's form (the message ``form``: a workbook's adds its date
    cells), without the remark on year 0000; a year 0000 is None, the pattern's own words being about it.
    """
    value = unicodedata.normalize("NFKC", text).strip()
    if value.startswith("0000"):
        return None
    found = _WORDED_DATE.match(value)
    year, month, day, words = (found.group(n) for n in ("year", "month", "day", "words")) if found else ("",) * 4
    if not (year or month) or (day and not month) or not words or re.search(r"[0-9]", words):
        zh, en = pair(form)
        return zh, en, False
    date = "-".join([year or "2023", *(f"{int(n):02d}" for n in (month, day) if n)])
    zh, en = pair("date-with-words" if year else "date-without-year", date=date, words=words)
    return zh, en, True


@functools.cache
def _multiline(pattern: str) -> bool:
    """Whether a line break is no hidden character to name for a pattern: text that may run over lines, or no text.

    A one-line text (a name, a section) names a line break as it names U+200B; a pattern of no free text
    (an id, a date) shows the whole value instead (330106.duty.a↵b).
    """
    return re.search(pattern, "甲\n乙") is not None or re.search(pattern, "甲乙") is None


def _pattern_message(pattern: str, value: object, *, in_code: bool = False) -> tuple[str, str]:
    from villagecat.models._base import DATE_PATTERN  # noqa: PLC0415 - the models import this module's users

    zh, en = words_for(pattern, in_code=in_code)
    if isinstance(value, str) and pattern == DATE_PATTERN and (advice := date_advice(value)) is not None:
        zh, en, _ = advice
    if isinstance(value, str):
        char = unsafe_character(value, multiline=_multiline(pattern))
        if char is not None:  # name the character: it cannot be seen; a mark is refused only where it comes first
            first = ord(char) in MARKS and value.lstrip(WHITE_SPACE)[:1] == char
            key = "value-leading-mark" if first else "value-hidden-character"
            return pair(key, rule=Both(zh, en), character=_character(char))
        got_zh, got_en = _got(value)
        return zh + got_zh, en + got_en
    return zh, en
