"""Plain messages, in Chinese and English, for the problems a validation finds."""

from __future__ import annotations

from typing import Any

from villagecat._patterns import words_for
from villagecat._text import UNSAFE_LINE_CLASS, describe_character, unsafe_character

__all__ = ["pydantic_message"]


def _expected(ctx: dict[str, Any]) -> str:
    """The allowed values in words: each vocabulary value as its Chinese label, with its code."""
    import re  # noqa: PLC0415

    from villagecat.models._base import Vocab  # noqa: PLC0415 - the models import this module's users

    slugs = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
    labels: dict[str, str] = {}
    stack = list(Vocab.__subclasses__())
    while stack:
        vocab = stack.pop()
        stack.extend(vocab.__subclasses__())
        if {m.value for m in vocab} == set(slugs):
            labels = {m.value: m.label for m in vocab}
            break
    return "、".join(f"{labels[s]}（{s}）" if s in labels else s for s in slugs) + "之一"


# pydantic error type -> (Chinese template, English template); {fields} come from ctx.
_TEMPLATES: dict[str, tuple[str, str]] = {
    "missing": ("缺少必填字段", "required field is missing"),
    "extra_forbidden": ("未知字段，不允许出现", "unknown field, not allowed"),
    "string_too_short": ("不能为空", "must not be empty"),
    "too_short": ("至少需要 {min_length} 项", "needs at least {min_length} entries"),
    "string_type": ("应为文字", "must be text"),
    "float_parsing": ("应为数字", "must be a number"),
    "float_type": ("应为数字", "must be a number"),
    "int_parsing": ("应为整数", "must be a whole number"),
    "int_type": ("应为整数", "must be a whole number"),
    "int_from_float": ("应为整数", "must be a whole number"),
    "bool_parsing": ("应为 true 或 false（是/否）", "must be true or false"),
    "bool_type": ("应为 true 或 false", "must be true or false"),
    "greater_than": ("应大于 {gt}", "must be greater than {gt}"),
    "greater_than_equal": ("应不小于 {ge}", "must be at least {ge}"),
    "less_than_equal": ("应不大于 {le}", "must be at most {le}"),
    "list_type": ("应为列表", "must be a list"),
    "dict_type": ("应为对象", "must be an object"),
    "model_type": ("应为对象", "must be an object"),
    "model_attributes_type": ("应为对象", "must be an object"),
}


def pydantic_message(error: dict[str, Any]) -> tuple[str, str]:
    """Return the Chinese and English message for one pydantic error.

    Args:
        error: One entry of ``ValidationError.errors()``.

    Returns:
        ``(zh, en)``, each naming the offending value where it helps.
    """
    kind = str(error.get("type", ""))
    ctx: dict[str, Any] = dict(error.get("ctx") or {})
    if kind == "enum":
        value = error.get("input")
        got = f"（实际为“{value}”）" if isinstance(value, str | int | float) else ""
        expected_en = str(ctx.get("expected", "")).replace("' or '", "', '")
        return (
            f"取值不在允许范围内，应为 {_expected(ctx)}{got}",
            f"not an allowed value; expected one of {expected_en}" + (f" (got {value!r})" if got else ""),
        )
    if kind == "value_error":  # a model's own rule: "English / 中文" where it says both
        detail = str(ctx.get("error", error.get("msg", "")))
        en, _, zh = detail.partition(" / ")
        return f"取值无效：{zh or en}", f"invalid value: {en}"
    if kind == "string_pattern_mismatch":  # described in words, never as the pattern itself
        return _pattern_message(str(ctx.get("pattern", "")), error.get("input"))
    template = _TEMPLATES.get(kind)
    if template is None:
        msg = str(error.get("msg", kind))
        return f"取值无效（{msg}）", msg
    zh, en = (t.format(**ctx) if ctx else t for t in template)
    value = error.get("input")
    if kind not in ("missing", "extra_forbidden") and isinstance(value, (str, int, float)):
        zh += f"（实际为“{value}”）"
        en += f" (got {value!r})"
    return zh, en


def _pattern_message(pattern: str, value: object) -> tuple[str, str]:
    zh, en = words_for(pattern)
    if isinstance(value, str):
        char = unsafe_character(value, multiline=UNSAFE_LINE_CLASS not in pattern)
        if char is not None:  # name the character: it cannot be seen
            return f"{zh}：含有 {describe_character(char)}，请删去", f"{en}: it contains {describe_character(char)}"
        return f"{zh}（实际为“{value}”）", f"{en} (got {value!r})"
    return zh, en
