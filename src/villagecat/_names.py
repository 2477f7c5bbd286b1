"""Normalising names for lookups and for identity across layers.

Two names are the same item's when they differ only in script (traditional 健在證明 and
simplified 健在证明, converted with OpenCC), width (full-width ``（）`` and ASCII ``()``),
compatibility forms, case or white space.

For a community, the words a village's item uses read as the community's (:func:`place_form`):
实行村民自治 is a community's 实行居民自治, as the sources write both at once (村（居）民, 村（社区）)
and communities follow the national opinion by reference (厅字〔2022〕28号 三).

Two names that are not the same may still be *alike* (:func:`alike`): a pointer for a reader
to judge, never a verdict. 养犬证明 is alike to 居民养犬证明, 无犯罪证明 to 无犯罪记录证明.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from difflib import SequenceMatcher, get_close_matches
from typing import TYPE_CHECKING, Any, Literal, TypeVar

from villagecat._text import SURROGATES, UNSAFE_TEXT_CLASS, class_of

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence

__all__ = [
    "ALIKE",
    "alike",
    "looked_up",
    "name_forms",
    "normalise_name",
    "normalise_names",
    "place_form",
    "same_name",
    "shared_characters",
    "title_key",
]

_T = TypeVar("_T")

#: How many characters two names must share, in order and in runs of two or more, to be alike.
ALIKE = 4
#: And what share of both names that is, at least (twice the shared over both lengths): 安全生产宣传
#: and 作为安全生产事务的责任主体 share 0.44, 养犬证明 and 居民养犬证明 0.8; 学生参加活动情况反馈证明
#: and 社区戒毒社区康复人员情况证明 share only 情况 and 证明, 0.31, and name different things.
ALIKE_SHARE = 0.4

#: What a name copied from a web page or a chat carries unseen, dropped from a name compared as white
#: space is (looked for first: one pass finds none in most texts): the characters no name may hold
#: (:data:`villagecat._text.UNSAFE_TEXT`: zero-width, bidirectional, control; tab and line break are
#: white space), and the soft hyphen, a hint where a line may break, which is no part of a name.
_INVISIBLE = re.compile(f"[{UNSAFE_TEXT_CLASS}]+")  # the soft hyphen among them (_text.FORMAT)
#: White space other than the line break (``re``'s ``\s`` is ``str.isspace``, what ``str.split`` drops).
_SPACE_BUT_LINE_BREAK = re.compile(r"[^\S\n]+")


def _visible(text: str) -> str:
    """``text`` without the invisible characters."""
    return _INVISIBLE.sub("", text) if _INVISIBLE.search(text) else text


@functools.cache
def _converter() -> Any:  # noqa: ANN401 - OpenCC's converter
    import opencc  # noqa: PLC0415 - loaded on the first lookup, not at import

    return opencc.OpenCC("t2s")


#: Names up to this long are remembered: item names are short; a long text (a task asked of
#: ``admit``) is normalised each time, so the cache holds at most 65,536 × 256 characters.
_CACHED_LENGTH = 256


def looked_up(key: object, what: Literal["layer", "item", "field", "task"]) -> str:
    """Return ``key``, the name something is looked up by, if it names anything: text that is not blank.

    Every lookup by a caller's name passes here (a layer: :meth:`LayerRegistry.find
    <villagecat.registry.LayerRegistry.find>`; an item or a certificate:
    :meth:`EffectiveCatalog.find <villagecat.merging.EffectiveCatalog.find>`; a field of
    ``explain``; a task of ``admit``), so an empty one is one error wherever it is given, as an
    empty argument is one usage error of the CLI (``villagecat.cli._common.given``): not an item
    called nothing, every field, or a task too short.

    Raises:
        InvalidRequestError: if ``key`` is None, empty or only spaces.
        ArgumentTypeError: if ``key`` is something other than text (a code as an ``int``): it is not
            empty, and is not said to be.
    """
    if key is not None and not isinstance(key, str):
        from villagecat.errors import ArgumentTypeError  # noqa: PLC0415 - errors import the message catalog

        raise ArgumentTypeError.because(f"argument-not-{what}", kind=type(key).__name__, value=key)
    if key is None or not key.strip():
        from villagecat.errors import InvalidRequestError  # noqa: PLC0415

        raise InvalidRequestError.because(f"empty-{what}")
    return key


def normalise_name(name: str) -> str:
    """Return the form of ``name`` that lookups and identity compare.

    Traditional characters become simplified, then NFKC (full-width to half-width), case
    folding, and no white space or invisible character (a zero-width space copied with a name).
    """
    return _cached_normalise(name) if len(name) <= _CACHED_LENGTH else _normalise(name)


@functools.lru_cache(maxsize=65_536)
def _cached_normalise(name: str) -> str:
    return _normalise(name)


#: A lone surrogate: what Python makes of bytes that are not UTF-8 (an argument typed in a GBK console).
_SURROGATE = re.compile(f"[{class_of(SURROGATES)}]")


def _normalise(name: str) -> str:
    # The converter takes UTF-8 only: a lone surrogate, which names nothing, is compared as U+FFFD.
    simplified = _converter().convert(_SURROGATE.sub("\ufffd", name))
    folded = unicodedata.normalize("NFKC", simplified).casefold()
    return _visible("".join(folded.split()))


#: The words for the same thing in a village's and in a community's names, normalised: the
#: combined form the sources write for both (村（居）民, 村（社区）: Ninghe throughout), the
#: village's word and the community's. Longest first.
_PLACE_WORDS: tuple[tuple[str, str, str], ...] = (
    ("村(居)民", "村民", "居民"),
    ("村(居)务", "村务", "居务"),
    ("村(居)", "村", "居"),
    ("村(社区)", "村", "社区"),
)


def place_form(name: str, scope: object = None, *, by_reference: bool = True) -> str:
    """Return the normalised ``name`` with the words for a place read as ``scope`` reads them.

    A combined form (村（居）民, 村（社区）) reads as the village's word, or for a community
    (``scope`` is ``Scope.COMMUNITY``) as the community's. A community also reads a village's
    words as its own (``by_reference``, national 三: 参照执行): both are then compared in the
    village's words, so a community's 实行居民自治 is the catalog's 实行村民自治. Compare two
    names by their forms in one scope: a village's 居民 stays 居民.
    """
    form = normalise_name(name)
    community = getattr(scope, "value", scope) == "community"
    for combined, village, own in _PLACE_WORDS:
        form = form.replace(combined, own if community and not by_reference else village)
    if community and by_reference:
        for _, village, own in _PLACE_WORDS:
            if own != "居":  # 居 alone is no word (居住); 居民 and 居务 are read by their own rows
                form = form.replace(own, village)
    return form


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
    folded: str = converted.casefold()
    # Every character the two steps below clear is " " or unprintable (a test holds each code point to it):
    # a printable text without " " has none to clear, and most names are such a text.
    if " " in folded or not folded.replace("\n", "").isprintable():
        folded = _visible(_SPACE_BUT_LINE_BREAK.sub("", folded))
    normalised = folded.split("\n")
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


def shared_characters(a: str, b: str) -> int:
    """How many characters the normalised names share in order, counting runs of two or more only.

    A lone character in common (的, 证) says nothing: 无犯罪证明 and 无犯罪记录证明 share 5
    (无犯罪, 证明); 招商引资任务 and 作为招商引资事务的责任主体 share 4 (招商引资).
    """
    x, y = normalise_name(a), normalise_name(b)
    blocks = SequenceMatcher(None, x, y, autojunk=False).get_matching_blocks()
    return sum(block.size for block in blocks if block.size >= 2)


def alike(name: str, items: Iterable[_T], names: Callable[[_T], Iterable[str]], *, closest: bool = False) -> list[_T]:
    """Return the items one of whose ``names`` shares at least :data:`ALIKE` characters with ``name``.

    And at least :data:`ALIKE_SHARE` of both: two long names that share a generic 情况 and 证明
    are not alike.

    A pointer, never a match: the caller says "check whether it is this one". With ``closest``,
    only the items most alike (the largest share of both names in common) are returned: a
    name names one thing, and 婚姻状况证明书 is 婚姻状况证明 rather than 婚育状况证明.
    """
    length = len(normalise_name(name))
    scored: list[tuple[float, _T]] = []
    for item in items:
        best = 0.0
        for other in names(item):
            total = length + len(normalise_name(other))
            if 2 * min(length, total - length) < ALIKE_SHARE * total:  # not alike however much they share
                continue  # (a cell of a million characters is compared with no name: bounded time)
            shared = shared_characters(name, other)
            share = 2 * shared / total
            if shared >= ALIKE and share >= ALIKE_SHARE:
                best = max(best, share)
        if best:
            scored.append((best, item))
    if closest and scored:
        top = max(score for score, _ in scored)
        return [item for score, item in scored if score == top]
    return [item for _, item in scored]


#: How alike an id must be to one known to be told as it, mistyped (``120117.document.workplan`` for ``…work-plan``).
MISSPELT = 0.8
#: How alike a column title must be to a known one to be suggested: lower than an id's, as a title is two or four
#: characters, each carrying much (字体颜色 is 字色 at 0.67, 适用 适用范围; 悬挂地点 and 位置 share nothing).
TITLE_MISSPELT = 0.6


def title_key(title: str) -> str:
    """A column's or field's title as typed and as compared: as names are (:func:`normalise_name`).

    宽（厘米） is 宽(厘米), 最小建筑面积 （平方米） is 最小建筑面积(平方米), 名 称 is 名称, ID is id, and
    别名 typed in traditional characters (別名) is 别名: a sheet's column, a ledger's and explain's field alike.
    """
    return normalise_name(title)


def misspelt(given: str, known: Iterable[str], *, cutoff: float = MISSPELT) -> str | None:
    """The known id ``given`` most likely mistypes (difflib's ratio at least ``cutoff``), or None."""
    alike = get_close_matches(given, list(known), n=1, cutoff=cutoff)
    return alike[0] if alike else None
