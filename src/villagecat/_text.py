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

from pydantic import StringConstraints

from villagecat._patterns import described, words_for

if TYPE_CHECKING:
    from collections.abc import Collection, Iterable

__all__ = [
    "BLANKS",
    "FILLED_LINE_PATTERN",
    "FILLED_TEXT_PATTERN",
    "FORMAT",
    "LINE_SEPARATORS",
    "MARKS",
    "NONCHARACTERS",
    "ONE_LINE",
    "REFUSED_LINE",
    "REFUSED_TEXT",
    "SAFE_LINE_PATTERN",
    "SAFE_TEXT_PATTERN",
    "SPACES",
    "SPACE_CLASS",
    "SURROGATES",
    "TEXT",
    "UNSAFE_LINE",
    "UNSAFE_TEXT",
    "UNSAFE_TEXT_CLASS",
    "WHITE_SPACE",
    "SafeLine",
    "SafeText",
    "class_of",
    "describe_character",
    "filled",
    "printable",
    "published_pattern",
    "unsafe_character",
]

#: Bidirectional embeddings, overrides, isolates and marks; zero-width and invisible characters.
_INVISIBLE = frozenset(
    "\u061c\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2061\u2062\u2063\u2064"
    "\u2066\u2067\u2068\u2069\ufeff"
)
#: Characters that end a line as a newline does, yet are none: U+0085 (NEL, a C1 control), U+2028 LINE SEPARATOR
#: and U+2029 PARAGRAPH SEPARATOR. An editor, a terminal or a report shows a text holding one on two lines, where
#: a spreadsheet or a CSV reader sees one: refused in every text, a multi-line one too (its line break is ``\n``).
LINE_SEPARATORS = frozenset({0x85, 0x2028, 0x2029})
#: Lone surrogates: halves of a UTF-16 pair, no character on their own, yet a JSON string may hold one
#: (``"a\\ud800b"``). pydantic-core refuses one in any text before a pattern is tried, and Rust's regex cannot
#: name them, so the models' patterns leave them out and the published ones add them (:func:`published_pattern`).
SURROGATES = frozenset(range(0xD800, 0xE000))
#: Format characters that show as nothing (Unicode's Cf, as of Unicode 15.1, besides those above and the signs
#: of Arabic numbers and Kaithi, which show): the soft hyphen, the Mongolian vowel separator, invisible operators
#: and deprecated format controls, interlinear annotation marks, hieroglyph, shorthand and music format controls,
#: and the tag characters (U+E0000 to U+E007F). A fixed list, not the running Python's table: every reader, schema
#: and version of Python refuses the same characters.
FORMAT = frozenset(
    {0xAD, 0x180E, *range(0x206A, 0x2070), 0xFFF9, 0xFFFA, 0xFFFB, *range(0x13430, 0x13440)}
    | {*range(0x1BCA0, 0x1BCA4), *range(0x1D173, 0x1D17B), *range(0xE0000, 0xE0080)}
)
#: Noncharacters Unicode keeps for ever from being characters, in the Basic Multilingual Plane: U+FDD0 to U+FDEF,
#: U+FFFE (a byte-swapped byte order mark, what a UTF-16 file read the wrong way round begins with) and U+FFFF (a
#: program's end marker). The last two of the other planes (U+1FFFE …) are kept as unassigned code points are: each
#: would be written out in every text pattern of every descriptor, for planes that hold almost no character.
NONCHARACTERS = frozenset({*range(0xFDD0, 0xFDF0), 0xFFFE, 0xFFFF})
#: Letters and symbols that show as blank space, yet are no space: the Hangul fillers (U+115F, U+1160, U+3164,
#: U+FFA0) and the blank braille pattern (U+2800). A name of only these looks empty in a table; none is
#: needed in a Chinese text. Printable as Python sees them, so a name compared does not drop them
#: (:data:`UNSAFE_TEXT_CLASS`): a name holding one is refused before any is compared.
BLANKS = frozenset({0x115F, 0x1160, 0x2800, 0x3164, 0xFFA0})
#: Marks that attach to the character before them (combining diacritics, variation selectors, the combining
#: grapheme joiner, kana voicing marks, ideographic tone marks): one may not begin a text, where it attaches to
#: nothing and shows as nothing or as a stray accent. After a character it stays (é written e + U+0301, an emoji
#: with U+FE0F, an ideograph with its variation selector). Whole blocks, not one version's table.
MARKS = frozenset(
    {*range(0x300, 0x370), *range(0x1AB0, 0x1B00), *range(0x1DC0, 0x1E00), *range(0x20D0, 0x2100)}
    | {*range(0x302A, 0x3030), 0x3099, 0x309A, *range(0xFE00, 0xFE10), *range(0xFE20, 0xFE30)}
    | set(range(0xE0100, 0xE01F0))
)


def unsafe_character(text: str, *, multiline: bool = True) -> str | None:
    """Return the first character of ``text`` that must not be kept, or None.

    Tab and newline are allowed where ``multiline`` (templates, procedures, quotes).
    """
    match = (_REFUSED if multiline else _REFUSED_LINE).search(text)
    if match:
        return match.group()
    start = text.lstrip(WHITE_SPACE)[:1]
    return start if start and ord(start) in MARKS else None


#: The characters a clerk's text picks up unseen (a line break pasted from Word, a tab, a direction mark from a
#: web page), named in Chinese.
_NAMED_ZH = {
    0x09: "制表符",
    0x0A: "换行",
    0x0D: "回车",
    0x00A0: "不换行空格",
    0x202F: "窄不换行空格",
    0x3000: "全角空格",
    0x85: "下一行符",
    0x061C: "阿拉伯字母标记",
    0x200B: "零宽空格",
    0x200C: "零宽不连字",
    0x200D: "零宽连字",
    0x200E: "左至右标记",
    0x200F: "右至左标记",
    0x2028: "行分隔符",
    0x2029: "段分隔符",
    0x00AD: "软连字符",
    0x034F: "组合字素连接符",
    0x115F: "韩文初声填充符",
    0x1160: "韩文中声填充符",
    0x180E: "蒙古文元音分隔符",
    0x2800: "空白盲文符",
    0x3164: "韩文填充符",
    0xFFA0: "半角韩文填充符",
    0xFFF9: "行间注释起始符",
    0xFFFA: "行间注释分隔符",
    0xFFFB: "行间注释终止符",
    0x202A: "左至右嵌入",
    0x202B: "右至左嵌入",
    0x202C: "方向格式结束",
    0x202D: "左至右覆盖",
    0x202E: "右至左覆盖",
    0x2060: "字连接符",
    0x2066: "左至右隔离",
    0x2067: "右至左隔离",
    0x2068: "首强字符隔离",
    0x2069: "方向隔离结束",
    0xFEFF: "零宽不换行空格",
}


def _named_zh(code: int) -> str | None:
    """The Chinese name of a character a text must not hold, where one is natural: 换行, 标签字符, 非字符."""
    if code in _NAMED_ZH:
        return _NAMED_ZH[code]
    if 0xE0000 <= code < 0xE0080:
        return "标签字符"
    if code in NONCHARACTERS:
        return "非字符"
    if code in SURROGATES:
        return "单独的代理码位"
    if 0xFE00 <= code < 0xFE10 or 0xE0100 <= code < 0xE01F0:
        return "变体选择符"
    return None


def describe_character(char: str, lang: str = "en") -> str:
    """Name a character for a message: ``U+202E RIGHT-TO-LEFT OVERRIDE``, in Chinese 换行（U+000A）.

    In Chinese a character without a natural Chinese name is its code point in brackets, 〔U+0301〕, never
    an English name.
    """
    code = f"U+{ord(char):04X}"
    if lang == "zh":
        named = _named_zh(ord(char))
        return f"{named}（{code}）" if named else f"〔{code}〕"
    name = unicodedata.name(char, "") or ("SURROGATE" if ord(char) in SURROGATES else "")
    return f"{code}{' ' + name if name else ''}"


def _unsafe(*, multiline: bool) -> frozenset[int]:
    """The code points of the unsafe characters (tab and newline are safe where ``multiline``)."""
    codes = [*range(0x09), *range(0x0B, 0x20)] if multiline else list(range(0x20))
    hidden = [*range(0x7F, 0xA0), *LINE_SEPARATORS, *(ord(c) for c in _INVISIBLE), *FORMAT, *NONCHARACTERS]
    return frozenset([*codes, *hidden])


def class_of(codes: Iterable[int]) -> str:
    """Code points as a regex class body of ``uXXXX`` escapes (read alike by re, Rust and ECMA).

    Neighbours make one range: a shorter pattern in every descriptor. A code point past U+FFFF has no escape
    the three read alike: it is written as itself (ECMA-262 reads it so with the ``u`` flag, as Ajv does).
    """
    runs: list[list[int]] = []
    for code in sorted(set(codes)):
        if runs and code == runs[-1][1] + 1:
            runs[-1][1] = code
        else:
            runs.append([code, code])
    return "".join(_one(low) if low == high else f"{_one(low)}-{_one(high)}" for low, high in runs)


def _one(code: int) -> str:
    """One code point of a class: an escape (``u00ad``), or the character itself past U+FFFF."""
    return f"\\u{code:04x}" if code <= 0xFFFF else chr(code)


_NEGATED_CLASS = re.compile(r"(?<!\\)\[\^")


def published_pattern(pattern: str) -> str:
    """Return a model's pattern as the schemas publish it: every class of what text must not hold refuses surrogates.

    A validator of the schemas (Ajv with its ``u`` flag, Python's ``re``) sees a lone surrogate as a
    character, which ``[^…]`` would take; villagecat refuses it in every text, as a hidden character.
    """
    return _NEGATED_CLASS.sub(lambda _: f"[^{class_of(SURROGATES)}", pattern)


#: The class bodies, for patterns that forbid more (a section also refuses 「」).
UNSAFE_TEXT = _unsafe(multiline=True)
UNSAFE_LINE = _unsafe(multiline=False)
#: The class of the characters no text may hold that cannot be seen (what a name compared drops: :mod:`._names`).
UNSAFE_TEXT_CLASS = class_of(UNSAFE_TEXT)
#: What no text may hold: those, and the printable blanks (:data:`BLANKS`).
REFUSED_TEXT = UNSAFE_TEXT | BLANKS
REFUSED_LINE = UNSAFE_LINE | BLANKS
#: The same, with lone surrogates, for text already in Python (which holds them: :data:`SURROGATES`).
_REFUSED = re.compile(f"[{class_of(REFUSED_TEXT | SURROGATES)}]")
_REFUSED_LINE = re.compile(f"[{class_of(REFUSED_LINE | SURROGATES)}]")


def _safe(refused: frozenset[int]) -> str:
    """A whole value, maybe empty, without a character of ``refused`` and not beginning with a mark."""
    return f"^(?:[^{class_of(refused | MARKS)}][^{class_of(refused)}]*)?$"


#: Text without control, bidirectional or invisible characters (tab and newline allowed).
SAFE_TEXT_PATTERN = described(
    _safe(REFUSED_TEXT),
    "不能含控制字符或不可见字符（如从网页复制带入的零宽字符、方向控制符）",
    "must not contain control or invisible characters (such as zero-width or direction marks pasted from a web page)",
)
#: One line of such text: no newline or tab either.
SAFE_LINE_PATTERN = described(
    _safe(REFUSED_LINE),
    "应为一行文字，不能含换行、控制字符或不可见字符（如零宽字符、方向控制符）",
    "must be one line, without line breaks, control or invisible characters (such as zero-width or direction marks)",
)
#: The spaces around text that pydantic-core drops from a field declared ``strip_whitespace`` (Rust's
#: ``str::trim``: the Unicode White_Space property), so a value made of them alone is empty.
WHITE_SPACE = (
    "\t\n\x0b\x0c\r \x85\xa0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + "\u2028\u2029\u202f\u205f\u3000"
)
#: The same characters as a class body. Written out, not ``\s``: Python, Rust and ECMA-262 each
#: read ``\s`` differently (U+0085, U+FEFF, U+001C to U+001F).
SPACES = frozenset(map(ord, WHITE_SPACE))
SPACE_CLASS = class_of(SPACES)


def filled(forbidden: Collection[int]) -> str:
    """A whole value with a character besides spaces, and none of the code points ``forbidden``, nor a mark first.

    Spaces may surround it (:data:`WHITE_SPACE`): the model drops them before it checks
    the value, and a schema checks the value as written, so both take ``" 名称 "`` and both
    refuse ``"   "``. Each part starts where the one before must end, so no validator
    backtracks more than once over a character.
    """
    refused = {*forbidden, *BLANKS}
    first = f"[^{class_of({*refused, *SPACES, *MARKS})}]"
    word = f"[^{class_of({*refused, *SPACES})}]"
    return f"^[{SPACE_CLASS}]*(?:{first}(?:[^{class_of(refused)}]*{word})?)[{SPACE_CLASS}]*$"


#: Text with some character besides spaces, and no control, bidirectional or invisible characters.
#: A blank value is told apart by its length (pydantic checks it first), so the words are the safe text's.
FILLED_TEXT_PATTERN = described(filled(REFUSED_TEXT), *words_for(SAFE_TEXT_PATTERN))
#: One line of such text.
FILLED_LINE_PATTERN = described(filled(REFUSED_LINE), *words_for(SAFE_LINE_PATTERN))
#: The constraints, to merge into a type's own (pydantic-core checks them, in Rust).
ONE_LINE = StringConstraints(pattern=SAFE_LINE_PATTERN)
TEXT = StringConstraints(pattern=SAFE_TEXT_PATTERN)
#: Text of one line (names, ids, titles): no control, bidirectional or invisible characters.
SafeLine = Annotated[str, ONE_LINE]
#: Text that may run over lines (templates, quotes): tab and newline allowed, nothing else of the kind.
SafeText = Annotated[str, TEXT]


def printable(text: str, *, data: bool = True) -> str:
    r"""Return ``text`` with every control, bidirectional or invisible character shown, never raw.

    In data (``data``: JSON, YAML, CSV, a patch) a character is shown as ``\u202e``, the escape
    JSON reads back as the character itself; in a report a person reads it is shown as its code
    point in brackets, 〔U+202E〕, no programming language's escape. Newlines and tabs stay: they lay a report out.
    """
    if data:
        return _REFUSED.sub(lambda m: _json_escape(m.group()), text)
    return _REFUSED.sub(lambda m: f"〔U+{ord(m.group()):04X}〕", text)


def _json_escape(char: str) -> str:
    r"""The escape JSON reads back as ``char``: ``\u202e``; past U+FFFF, its UTF-16 pair (``\udb40\udc41``)."""
    units = char.encode("utf-16-le", "surrogatepass")
    return "".join(f"\\u{int.from_bytes(units[i : i + 2], 'little'):04x}" for i in range(0, len(units), 2))
