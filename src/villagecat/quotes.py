"""Quotes: every quoted passage is verbatim in the text of the very document it cites.

A package writes each quote once: on a clause (the ``clauses`` resource, cited by id from
items), or in an item's own cell (``DOCUMENT#SECTION「quote」``), or in the layer's admission
route. :func:`iter_quotes` walks them where they are written; :func:`iter_quote_problems`
judges each against its document's text, by two rules, declared here once:

- **white space aside** (:func:`bare`), the quote is in the text, else ``quote-not-found``;
- **as the text writes it** (:func:`joined`): a line the text wraps may be joined to the
  next (「8月 10」 / 「日前」 quoted as 「8月 10日前」), a space within a line is never dropped
  or added (not 「8月10日前」), else ``quote-spacing``;
- **in the section it cites** (:func:`sections_holding`): where the text numbers its sections as
  the citation does (二、 (一) 1., read by :func:`~villagecat.coverage.split_statements`, as the
  coverage pages read them), the quote lies in that section or one below it (二 holds 二(二)1),
  else ``quote-wrong-section``, naming the section the text has it in. A section the text is not
  numbered by (第4版 of a newspaper, 一 of a list written 一是…) is not judged.

A quote not found is shown whole, with where it stops matching (:func:`where_differs`): the
longest beginning of the quote the text holds, compared as the rule compares, then a few of
the quote's characters from there and what the nearest passage of the text has instead.

A quoted document whose text is not given is one ``quote-no-text`` per document, a warning:
the quote is not known to be wrong, only not checked. Texts of laws, of another province's
documents and of annexes never published are at hand to no one, and a reviewer holding the
county's own plan should still be able to check the county's quotes; ``villagecat quotes
--strict`` makes the warning fail where every text is expected (the shipped data's tests).

A milestone's deadline is held to its source by two more rules (:func:`iter_due_problems`):

- **due_text quoted** (``due-text-not-quoted``): the milestone's 时限原文 is in the quote of
  one of the clauses it cites, compared as a quote is compared with its text (:func:`joined`:
  a wrapped line joined, a space within a line kept; nothing looser); where none of its
  citations is quoted, in the cited document's text, when given (else it is counted
  unchecked, as a quote is);
- **due as due_text writes it** (``due-disagrees``): ``due``'s year, month and day, as precise
  as ``due`` is, are among those due_text writes, a range's where it ends (:func:`dates_written`: 2023 年, 8月, 10日,
  十二月, 二〇二三年; 上半年 month 6, 下半年 and 年底/年末 month 12; 7月底 month 7). A part
  due_text does not write is not compared (8月 10日前 writes no year: the year is not); a
  due_text not wholly read as dates and the words between them (前、以前、之前、底、至、到、和、
  及、或、、, a dash and spaces) compares nothing: 30日内, 次年3月, 8月上旬 are never guessed at.

A rule recorded as ``must`` is held to the words it quotes (:func:`iter_modality_problems`,
``modality-not-worded``): one of its quotes holds a binding word (:data:`~villagecat.models.vocab.BINDING_WORDS`)
that no hedge governs (:func:`unhedged_binding`: 一般、原则上、为宜 before it in its clause, 一般应、原则上不得
advise). A hedge written as must is the source's word hardened; it needs no text at hand, only the item's quotes.

A text given for a document that no package checked cites or holds is a mistake in the
command, never a finding about a package: :func:`require_cited` refuses it (exit 2), naming
the ids the packages do cite, closest first.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Literal

from villagecat._arguments import need_lang
from villagecat._i18n import Both, pair, say
from villagecat._names import misspelt
from villagecat.coverage import split_statements
from villagecat.errors import UnknownItemError
from villagecat.format.clauses import chinese_number
from villagecat.models import Citation, Clause, Document, Milestone, Modality, Override
from villagecat.models.vocab import BINDING, BINDING_WORDS
from villagecat.package import RESOURCES
from villagecat.report import Problem

if TYPE_CHECKING:
    from collections.abc import Collection, Iterable, Iterator, Mapping

    from villagecat.package import LayerPackage
    from villagecat.report import Lang

__all__ = [
    "CODES",
    "Difference",
    "Quote",
    "QuoteLevel",
    "QuoteProblem",
    "QuoteReport",
    "bare",
    "check_quotes",
    "cited_documents",
    "dates_written",
    "iter_due_problems",
    "iter_modality_problems",
    "iter_quote_problems",
    "iter_quotes",
    "joined",
    "require_cited",
    "sections_holding",
    "unhedged_binding",
    "where_differs",
]

_SPACE = re.compile(r"\s+")
_LINE_BREAK = re.compile(r"[ \t\u3000]*\n\s*")
#: How many citing items a message names before it counts the rest.
_NAMED = 3
#: How many characters of the quote, and of the text, a difference shows from where they part.
_CONTEXT = 10
#: How many places of the text holding the quote's matching beginning are weighed for the nearest passage.
_PLACES = 200
#: How many document ids a refused ``--text`` lists (closest first) before it counts the rest.
_LISTED = 8


#: Every problem ``quotes`` reports, by code: what it means, in Chinese and in English (the report schema names them).
CODES: dict[str, tuple[str, str]] = {
    "quote-not-found": ("引文不见于所引文件的原文", "the quote is not in the cited document's text"),
    "quote-spacing": ("引文与原文的空格不同", "the quote does not keep the text's spaces"),
    "quote-wrong-section": ("引文不在所引的节中", "the quote is not in the section it cites"),
    "quote-no-text": ("被引文件没有原文，引文未核对（提示）", "no text of the quoted document: not checked (a note)"),
    "due-text-not-quoted": (
        "时间节点的时限原文不见于所引条款的引文（条款无引文时，不见于所引文件的原文）",
        "a milestone's due_text is not in the quote of a clause it cites (else in the cited document's text)",
    ),
    "due-disagrees": (
        "时间节点的截止日期与时限原文所写的年、月、日不符",
        "a milestone's due is not among the years, months and days its due_text writes",
    ),
    "modality-not-worded": (
        "约束力记为必须，所引原文却没有不受“一般”“原则上”等限定的约束力用语",
        "a rule recorded as must quotes no binding word that a hedge (一般, 原则上…) does not govern",
    ),
}


def bare(text: str) -> str:
    """The text without any white space: the first rule compares quotes and texts so."""
    return _SPACE.sub("", text)


def joined(text: str) -> str:
    """The text with its line breaks undone (a wrapped line joined to the next), spaces within a line kept."""
    return _LINE_BREAK.sub("", text)


#: A section as citations write it and the text numbers it: 二, 二(一), 二(一)1 (the numbering split_statements reads).
_SECTION = re.compile(r"[一二三四五六七八九十]+(?:\([一二三四五六七八九十]+\)(?:\d+)?)?")
_NUMERALS = "一二三四五六七八九十"


def _section_form(section: str) -> str:
    """A section as it is compared: no spaces, full-width brackets as half, numbers as the text's are written.

    二（一）1, 二(一)１ and 二(一)01 are 二(一)1; 四（一十三） is 四(十三): a number written
    otherwise is the same section.
    """
    form = bare(section).replace("（", "(").replace("）", ")")
    form = re.sub(r"\d+", lambda m: str(int(m.group())), form)
    return re.sub(f"[{_NUMERALS}]+", lambda m: _numeral(m.group()), form)


def _numeral(written: str) -> str:
    """A Chinese number up to 99 as sections are numbered (一十三 is 十三); anything else as it is written."""
    if not re.fullmatch("[一二三四五六七八九]?十[一二三四五六七八九]?|[一二三四五六七八九]", written):
        return written
    tens, ones = divmod(chinese_number(written), 10)
    head = "" if tens < 2 else _NUMERALS[tens - 1]
    return (head + "十" if tens else "") + (_NUMERALS[ones - 1] if ones else "")


def _below(label: str, section: str) -> bool:
    """Whether the text's section ``label`` is ``section`` or below it (二(二)1 below 二(二); 十二 not below 十)."""
    if label == section:
        return True
    rest = label[len(section) :] if label.startswith(section) else ""
    return bool(rest) and (
        (section[-1] in _NUMERALS and rest.startswith("(")) or (section[-1] == ")" and rest[0].isdigit())
    )


@dataclass(frozen=True)
class _Numbered:
    """A text's sentences as :func:`sections_holding` reads them: white space aside, one after another, each's section.

    Attributes:
        whole: The sentences joined, white space aside.
        starts: Where each sentence begins in ``whole``.
        labels: Each sentence's section, as compared (:func:`_section_form`).
        sections: Every section the text numbers.
    """

    whole: str
    starts: tuple[int, ...]
    labels: tuple[str, ...]
    sections: frozenset[str]

    def sections_of(self, start: int, length: int) -> tuple[str, ...]:
        """The sections of the sentences that ``whole[start : start + length]`` spans, in order."""
        first = bisect_right(self.starts, start) - 1
        last = bisect_right(self.starts, start + length - 1) - 1
        return self.labels[first : last + 1]


@lru_cache(maxsize=4)
def _numbered(text: str) -> _Numbered:
    """The text's sentences and sections, read once per text however many quotes cite it."""
    whole: list[str] = []
    starts: list[int] = []
    labels: list[str] = []
    size = 0
    for label, sentence in split_statements(text.splitlines()):
        piece = bare(sentence)
        if not piece:
            continue
        whole.append(piece)
        starts.append(size)
        labels.append(_section_form(label))
        size += len(piece)
    return _Numbered("".join(whole), tuple(starts), tuple(labels), frozenset(labels))


def sections_holding(quote: str, text: str, section: str) -> list[str] | None:
    """Return where ``text`` has ``quote`` if not within ``section`` (empty: in it), or None when not judged.

    The text's sections are read as :func:`~villagecat.coverage.split_statements` reads them
    (white space aside), once per text; a section is judged only when it is written as the text
    numbers its own (二, 二(一), 二(一)1, full-width brackets as half) and the text has its heading 二、.

    Returns:
        None when the section cannot be judged against this text; an empty list when the
        quote lies in the section (or one below it); else the sections that hold the quote
        (empty too when it straddles them: it is then not refused).
    """
    section = _section_form(section)
    numbered = _numbered(text)
    top = _SECTION.fullmatch(section) and re.match(f"[{_NUMERALS}]+", section)
    if not top or not any(_below(label, top.group(0)) for label in numbered.sections):
        return None  # not a section the text numbers: its top level (二、) is not among the text's headings
    wanted = bare(quote)
    if not wanted:
        return []
    held: dict[str, None] = {}
    found = numbered.whole.find(wanted)
    while found >= 0:
        spanned = numbered.sections_of(found, len(wanted))
        if all(_below(label, section) for label in spanned):
            return []
        if spanned[0] == spanned[-1] and spanned[0]:
            held[spanned[0]] = None
        found = numbered.whole.find(wanted, found + 1)
    return list(held)


def _kept(text: str, dropped: re.Pattern[str]) -> tuple[str, list[int]]:
    """``text`` without what ``dropped`` matches, and where each character left stands in ``text``."""
    kept: list[str] = []
    places: list[int] = []
    start = 0
    for match in [*dropped.finditer(text), None]:
        end = match.start() if match is not None else len(text)
        kept.append(text[start:end])
        places.extend(range(start, end))
        if match is not None:
            start = match.end()
    return "".join(kept), places


def _shown(text: str, start: int, places: list[int], count: int) -> str:
    """``count`` characters of the compared form from ``start``, as ``text`` writes them (lines joined), … if cut."""
    if start >= len(places):
        return ""
    end = min(start + count, len(places))
    written = joined(text[places[start] : places[end - 1] + 1])
    return written + ("…" if end < len(places) else "")


@dataclass(frozen=True)
class Difference:
    """Where a quote stops matching its document's text, compared as a rule compares them.

    Attributes:
        offset: How many characters of the quote (as written) match the text before it parts from it.
        quote: A few characters of the quote from there, … if it goes on.
        text: What the nearest passage of the text has there (the place holding the quote's
            matching beginning whose sequel is most like the rest of the quote), or None when no
            beginning of the quote is in the text at all.
    """

    offset: int
    quote: str
    text: str | None


def where_differs(quote: str, text: str, *, spaces: bool = False) -> Difference:
    """Return where ``quote`` stops matching ``text``: white space aside, or (``spaces``) as the text writes it.

    The quote's longest beginning the text holds is found (every shorter one is held too, so
    halving finds it); the quote parts from the text just after it.
    """
    dropped = _LINE_BREAK if spaces else _SPACE
    wanted, quote_places = _kept(quote, dropped)
    haystack, text_places = _kept(text, dropped)
    low, high = 0, len(wanted)  # wanted[:low] is in the text; wanted[:high + 1] is not (or is all of it)
    while low < high:
        middle = (low + high + 1) // 2
        if wanted[:middle] in haystack:
            low = middle
        else:
            high = middle - 1
    offset = quote_places[low] if low < len(quote_places) else len(quote)
    shown = _shown(quote, low, quote_places, _CONTEXT)
    if low == 0:
        return Difference(offset, shown, None)
    rest = wanted[low : low + _CONTEXT]
    best, best_score, found = -1, -1.0, haystack.find(wanted[:low])
    for _ in range(_PLACES):
        if found < 0:
            break
        after = found + low
        score = SequenceMatcher(None, rest, haystack[after : after + len(rest)], autojunk=False).ratio()
        if score > best_score:
            best, best_score = after, score
        found = haystack.find(wanted[:low], found + 1)
    return Difference(offset, shown, _shown(text, best, text_places, _CONTEXT))


@dataclass(frozen=True)
class Quote:
    """One quoted passage, where it is written, and the items that cite it.

    Attributes:
        document: The id of the document quoted.
        text: The quote.
        file: The file it is written in, relative to the package.
        field: The column or dotted path it is written in (``quote``, ``citations[0].quote``).
        items: The items that cite it: a clause's citing items, or the item whose cell holds it
            (none for the layer's approval route).
        clause: The clause's id, when the quote is written as a clause.
        line: Its line (CSV), if known.
        row: Its row (JSON), if known.
        section: The section of the document it is cited to, if any.
    """

    document: str
    text: str
    file: str
    field: str
    items: tuple[str, ...] = ()
    clause: str | None = None
    line: int | None = None
    row: int | None = None
    section: str | None = None


def _key(document: str, section: str | None, quote: str | None) -> tuple[str, str | None, str | None]:
    return document, section, quote


def iter_quotes(package: LayerPackage) -> Iterator[Quote]:
    """Yield every quote of ``package`` once, where it is written.

    A clause's quote is at the clause's row (field ``quote``) and names the items citing it;
    a quote in an item's own cell is at the item's row (``citations[0].quote``, ``basis[1].quote``);
    the admission route's are in ``datapackage.json`` (``layer.admission.citations[0].quote``).
    """
    clauses = {_key(c.document, c.section, c.quote): c.id for c in package.clauses if c.quote}
    citing: dict[str, list[str]] = {}
    inline: list[Quote] = []
    for resource in RESOURCES:
        model = RESOURCES[resource]
        if model is Clause or model is Document:
            continue
        for index, item in enumerate(package.resource(resource)):
            item_id = str(getattr(item, "id", ""))
            for name in ("citations", "basis"):
                values = getattr(item, name, None)
                for n, citation in enumerate(values if isinstance(values, tuple) else ()):
                    if not isinstance(citation, Citation) or not citation.quote:  # a mechanism's basis is a word
                        continue
                    clause_id = clauses.get(_key(citation.document, citation.section, citation.quote))
                    if clause_id is not None:
                        citing.setdefault(clause_id, []).append(item_id)
                        continue
                    where = package.where(resource, index)
                    inline.append(
                        Quote(
                            citation.document,
                            citation.quote,
                            field=f"{name}[{n}].quote",
                            items=(item_id,),
                            section=citation.section,
                            **where,
                        )
                    )
    for index, clause in enumerate(package.clauses):
        if clause.quote:
            items = tuple(dict.fromkeys(citing.get(clause.id, ())))
            where = package.where("clauses", index)
            yield Quote(
                clause.document,
                clause.quote,
                field="quote",
                items=items,
                clause=clause.id,
                section=clause.section,
                **where,
            )
    yield from inline
    admission = package.layer.admission
    for n, citation in enumerate(admission.citations if admission else ()):
        if citation.quote:  # the layer's approval route: no item cites it
            field = f"layer.admission.citations[{n}].quote"
            yield Quote(citation.document, citation.quote, "datapackage.json", field, section=citation.section)


#: A quote problem's level: ``fail``, a quote not found; ``warn``, a quoted document whose text is not given.
QuoteLevel = Literal["fail", "warn"]


@dataclass(frozen=True)
class QuoteProblem(Problem):
    """A quote not found in its document's text (``fail``), or a document whose text is not given (``warn``).

    Besides a :class:`~villagecat.report.Problem`'s file, line or row and field: the level,
    the document quoted, the clause the quote is written on (if it is), the items that cite
    it, and the quote itself.
    """

    level: QuoteLevel = "fail"
    document: str = ""
    clause: str | None = None
    items: tuple[str, ...] = ()
    quote: str | None = None
    difference: Difference | None = None
    #: For a document without text: the id of a text given that no package cites and that reads like it.
    misspelt: str | None = None

    def to_dict(self, lang: Lang = "zh") -> dict[str, Any]:
        """Return the problem as a JSON-ready dict.

        A quote not found carries, besides the whole quote, where it parts from the text:
        ``differs_at`` (characters of the quote that match first), ``differs`` (the quote from
        there, a few characters) and ``text_there`` (what the text has there; null when no
        beginning of the quote is in it, empty where the text ends). A document without text
        carries ``misspelt``: the given text's id that reads like its own, if any.
        """
        lang = need_lang(lang)
        difference = self.difference
        return {
            **super().to_dict(lang),
            "level": self.level,
            "document": self.document,
            "clause": self.clause,
            "items": list(self.items),
            "quote": self.quote,
            "differs_at": difference.offset if difference else None,
            "differs": difference.quote if difference else None,
            "text_there": difference.text if difference else None,
            "misspelt": self.misspelt,
        }


def _subject(quote: Quote) -> Both:
    """Who quotes it, in both languages: the clause and the items citing it, or the item itself."""
    named = list(quote.items[:_NAMED])
    rest = len(quote.items) - len(named)
    items = Both("、".join(named), ", ".join(named))
    if rest:
        items = Both(*pair("quote-items-more", items=items, count=len(quote.items), more=rest))
    if quote.clause is None:
        return Both(*pair("quote-subject-item", item=items) if named else pair("quote-subject-admission"))
    if not quote.items:
        return Both(*pair("quote-subject-clause-uncited", clause=quote.clause))
    return Both(*pair("quote-subject-clause", clause=quote.clause, items=items))


def _parted(difference: Difference, code: str) -> Both:
    """Where a quote parts from its text, in both languages: from which characters, and what the text has there."""
    spaces = "-spacing" if code == "quote-spacing" else ""
    if difference.text is None:
        return Both(*pair("quote-differs-start", differs=difference.quote))
    if not difference.text:
        return Both(*pair(f"quote-differs{spaces}-end", differs=difference.quote))
    return Both(*pair(f"quote-differs{spaces}", differs=difference.quote, there=difference.text))


def iter_quote_problems(
    package: LayerPackage, texts: Mapping[str, str], *, spare: Collection[str] = ()
) -> Iterator[QuoteProblem]:
    """Yield one problem per quote of ``package`` not in its document's text, and per quoted document without text.

    Args:
        package: A loaded layer package.
        texts: The text of each document at hand, by document id (see
            :func:`villagecat.coverage.source_texts`).
        spare: Ids of texts given that no package checked cites (a shared list's other
            documents): a document without text names the one that reads like its id, if any.

    Yields:
        A ``fail`` per quote not in its document's text (``quote-not-found``), or in it only
        when spaces are ignored (``quote-spacing``), in the order the quotes are written, the
        quote whole and where it parts from the text (:func:`where_differs`); then a ``warn``
        per quoted document whose text is not in ``texts`` (``quote-no-text``), at its first quote.
    """
    bare_texts: dict[str, str] = {}
    joined_texts: dict[str, str] = {}
    unchecked: dict[str, list[Quote]] = {}
    for quote in iter_quotes(package):
        if quote.document not in texts:
            unchecked.setdefault(quote.document, []).append(quote)
            continue
        if quote.document not in bare_texts:
            bare_texts[quote.document] = bare(texts[quote.document])
            joined_texts[quote.document] = joined(texts[quote.document])
        if bare(quote.text) not in bare_texts[quote.document]:
            code = "quote-not-found"
        elif joined(quote.text) not in joined_texts[quote.document]:
            code = "quote-spacing"
        else:
            wrong = _wrong_section(quote, texts[quote.document])
            if wrong is not None:
                yield wrong
            continue
        difference = where_differs(quote.text, texts[quote.document], spaces=code == "quote-spacing")
        zh, en = pair(
            code,
            subject=_subject(quote),
            document=quote.document,
            quote=quote.text,
            parted=_parted(difference, code),
        )
        yield QuoteProblem(
            quote.file,
            code,
            zh,
            en,
            line=quote.line,
            row=quote.row,
            field=quote.field,
            document=quote.document,
            clause=quote.clause,
            items=quote.items,
            quote=quote.text,
            difference=difference,
        )
    yield from iter_due_problems(package, texts)
    for due in _dues(package):
        if not due.quoted and not any(d in texts for d in due.documents):
            unchecked.setdefault(due.documents[0], []).append(due.unquoted())
    for document, quotes in unchecked.items():
        first = quotes[0]
        mistyped = misspelt(document, spare)
        zh, en = pair("quote-no-text", document=document, count=len(quotes))
        if mistyped is not None:
            zh, en = pair("quote-no-text-misspelt", unchecked=Both(zh, en), given=mistyped)
        items = tuple(dict.fromkeys(i for q in quotes for i in q.items))
        yield QuoteProblem(
            first.file,
            "quote-no-text",
            zh,
            en,
            line=first.line,
            row=first.row,
            field=first.field,
            level="warn",
            document=document,
            items=items,
            misspelt=mistyped,
        )


def _wrong_section(quote: Quote, text: str) -> QuoteProblem | None:
    """A ``quote-wrong-section`` problem at the quote's section field, if the text has the quote elsewhere."""
    if not quote.section:
        return None
    held = sections_holding(quote.text, text, quote.section)
    if not held:
        return None
    section = _section_form(quote.section)
    there = Both("、".join(held), ", ".join(held))
    exists = any(_below(label, section) for label in _numbered(text).sections)
    zh, en = pair(
        "quote-wrong-section" if exists else "quote-no-section",
        document=quote.document,
        section=quote.section,
        there=there,
        quote=quote.text,
        subject=_subject(quote),
    )
    return QuoteProblem(
        quote.file,
        "quote-wrong-section",
        zh,
        en,
        line=quote.line,
        row=quote.row,
        field=quote.field.removesuffix("quote") + "section",
        document=quote.document,
        clause=quote.clause,
        items=quote.items,
        quote=quote.text,
    )


#: What a due_text is read as: dates (2023 年, 二〇二三年, 8月, 十二月, 10日, 上半年, 年底) and the words between them.
_DATE_TOKEN = re.compile(
    r"(?P<year>\d{4}|[〇零一二三四五六七八九]{4})\s*年(?P<yearend>底|末)?"
    r"|(?P<half>[上下])半年"
    r"|(?P<end>年底|年末)"
    r"|(?P<month>\d{1,2}|十[一二]?|[一二三四五六七八九])\s*月"
    r"|(?P<day>\d{1,2}|三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])\s*日"
    r"|(?P<range>至|到|[-－—–~～]+)"
    r"|(?P<joint>以前|之前|前|底|和|及|或|、|\s+)"
)
_Dates = tuple[set[int], set[int], set[int]]
_CN_DIGITS = {c: n for n, c in enumerate("〇一二三四五六七八九")} | {"零": 0}


def _number(written: str) -> int:
    """A number as a date writes it: 2023, ２０２３, 二〇二三 (digit by digit), 十二, 二十一, 三十."""
    if written.isdigit():
        return int(written)
    if "十" in written:
        return chinese_number(written)
    return int("".join(str(_CN_DIGITS[c]) for c in written))


def dates_written(text: str) -> tuple[set[int], set[int], set[int]] | None:
    """Return the years, months and days ``text`` writes, or None where it is not wholly read as dates.

    Read are years (2023 年, 二〇二三年), months (8月, 十二月; 上半年 is 6, 下半年 and 年底 or
    年末 are 12), days (10日, 三十一日) and, between them, only 前、以前、之前、底、至、到、和、及、
    或、、, a dash (- — ～) and white space. Anything else (30日内, 次年, 上旬, 左右, 第三季度) is not understood:
    None, and nothing is compared. A month past 12 or a day past 31 is not understood either.

    A range (2023年12月至2024年3月, 8月 10日-12 月 10日) ends a deadline where it ends: only what follows
    its last 至, 到 or dash counts, with what it leaves out taken from before it (2023年8月至12月 is 2023, 12;
    12月1日至20日 is 12, 20), except a year a range crosses without writing it (2023年12月至3月: no year).
    """
    dates: _Dates = (set(), set(), set())
    start: _Dates = (set(), set(), set())  # a range's beginning, as far as it is written
    place = 0
    while place < len(text):
        token = _DATE_TOKEN.match(text, place)
        if token is None:
            return None
        place = token.end()
        years, months, days = dates
        if token["range"]:
            start, dates = _ended(dates, start), (set(), set(), set())
        elif token["year"]:
            years.add(_number(token["year"]))
            if token["yearend"]:
                months.add(12)
        elif token["half"]:
            months.add(6 if token["half"] == "上" else 12)
        elif token["end"]:
            months.add(12)
        elif token["month"]:
            months.add(_number(token["month"]))
        elif token["day"]:
            days.add(_number(token["day"]))
    years, months, days = _ended(dates, start)
    if not (years or months or days) or not months <= set(range(1, 13)) or not days <= set(range(1, 32)):
        return None
    return years, months, days


def _ended(end: _Dates, start: _Dates) -> _Dates:
    """A range's end, with the parts larger than any it writes taken from its ``start`` (none from an empty start).

    A year is not taken where the end's month comes before the start's: the range crosses into a year it does not
    write (2023年12月至3月).
    """
    years, months, days = end
    if years:
        return end
    if not months:
        return start[0], set(start[1]) if days else months, days
    crosses = bool(start[1]) and min(months) < max(start[1])
    return (set() if crosses else start[0]), months, days


@dataclass(frozen=True)
class _Due:
    """A milestone's deadline and what it is held to: the quotes it cites, else the documents it cites."""

    milestone: Milestone
    where: dict[str, Any]
    quoted: tuple[tuple[str | None, str, str], ...]  # (clause or None, document, quote)
    documents: tuple[str, ...]

    def unquoted(self) -> Quote:
        """The due_text as a quote of the first document cited: where no citation is quoted, it is one."""
        return Quote(
            self.documents[0], self.milestone.due_text, field="due_text", items=(self.milestone.id,), **self.where
        )


def _dues(package: LayerPackage) -> Iterator[_Due]:
    """Every milestone of ``package`` that cites a document, with the quotes it cites (their clauses, if any)."""
    clauses = {_key(c.document, c.section, c.quote): c.id for c in package.clauses if c.quote}
    for index, milestone in enumerate(package.milestones):
        quoted = tuple(
            (clauses.get(_key(c.document, c.section, c.quote)), c.document, c.quote)
            for c in milestone.citations
            if c.quote
        )
        documents = tuple(dict.fromkeys(c.document for c in milestone.citations))
        if documents:
            yield _Due(milestone, package.where("milestones", index), quoted, documents)


def iter_due_problems(package: LayerPackage, texts: Mapping[str, str]) -> Iterator[QuoteProblem]:
    """Yield, per milestone of ``package``, a ``fail`` where its due_text is not quoted or its due disagrees.

    ``due-text-not-quoted``: the due_text is in none of the quotes the milestone cites (or,
    where none is quoted, in none of the cited documents' texts given; with none given, it is
    not checked), compared as :func:`joined` compares; ``due-disagrees``: ``due``'s year, month
    or day is not among those the due_text writes (:func:`dates_written`).
    """
    for due in _dues(package):
        milestone = due.milestone
        subject = Both(*pair("quote-subject-item", item=milestone.id))
        sources = [(c, d, q, False) for c, d, q in due.quoted] or [
            (None, d, texts[d], True) for d in due.documents if d in texts
        ]
        wanted = joined(milestone.due_text)
        if sources and not any(wanted in joined(source) for _, _, source, _ in sources):
            spacing = [s for s in sources if bare(milestone.due_text) in bare(s[2])]
            weighed = [(where_differs(milestone.due_text, s[2], spaces=bool(spacing)), s) for s in spacing or sources]
            difference, (clause, document, _, whole) = max(weighed, key=lambda w: w[0].offset)
            code = "quote-spacing" if spacing else "quote-not-found"
            if whole:
                named = Both(*pair("due-source-text", document=document))
            elif clause is not None:
                named = Both(*pair("due-source-clause", clause=clause))
            else:
                named = Both(*pair("due-source-quote", document=document))
            zh, en = pair(
                "due-text-spacing" if spacing else "due-text-not-quoted",
                source=named,
                due_text=milestone.due_text,
                subject=subject,
                parted=_parted(difference, code),
            )
            yield QuoteProblem(
                field="due_text",
                code="due-text-not-quoted",
                message_zh=zh,
                message_en=en,
                document=document,
                clause=clause,
                items=(milestone.id,),
                quote=milestone.due_text,
                difference=difference,
                **due.where,
            )
        wrong = _disagreeing(milestone.due, milestone.due_text)
        if wrong is not None:
            zh, en = pair(
                "due-disagrees", due=milestone.due, due_text=milestone.due_text, written=wrong, subject=subject
            )
            yield QuoteProblem(
                field="due",
                code="due-disagrees",
                message_zh=zh,
                message_en=en,
                document=due.documents[0],
                clause=next((c for c, _, _ in due.quoted if c is not None), None),
                items=(milestone.id,),
                quote=milestone.due_text,
                **due.where,
            )


def _disagreeing(due: str, due_text: str) -> Both | None:
    """What ``due_text`` writes of the parts ``due`` has differently (year, month, day), or None when all agree.

    A part is compared only where both write it: due as precise as it is, due_text as far as it is understood.
    """
    written = dates_written(due_text)
    if written is None:
        return None
    parts = [int(part) for part in due.split("-")]
    wrong = [
        (name, values)
        for name, value, values in zip(("year", "month", "day"), parts, written, strict=False)
        if values and value not in values
    ]
    if not wrong:
        return None
    said = [pair(f"due-written-{name}", values=Both(*_listed(values))) for name, values in wrong]
    return Both("，".join(zh for zh, _ in said), ", ".join(en for _, en in said))


def _listed(values: set[int]) -> tuple[str, str]:
    ordered = [str(v) for v in sorted(values)]
    return "、".join(ordered), ", ".join(ordered)


#: The source's hedges (Modality's synonyms for ``should``: 一般、原则上、为宜), declared once in the vocabulary.
_HEDGES = tuple(word for word, value in Modality.__synonyms__.items() if value == Modality.SHOULD.value)
_HEDGE = re.compile("|".join(map(re.escape, _HEDGES)))
#: What ends a clause: a hedge governs the binding words after it up to here.
_CLAUSE_END = re.compile(r"[，。；：！？,;:!?\n]")


def unhedged_binding(quote: str) -> bool:
    """Whether ``quote`` holds a binding word no hedge governs: none of 一般、原则上、为宜 before it in its clause.

    「面积一般应达到……」 and 「原则上不得……」 advise; 「……为宜，一般应在……以内」 too; 「……党政群机构应当为其提供……」
    after 「原则上只负责……，」 binds, its clause unhedged.
    """
    for found in BINDING_WORDS.finditer(quote):
        clause_start = max((m.end() for m in _CLAUSE_END.finditer(quote, 0, found.start())), default=0)
        if not _HEDGE.search(quote, clause_start, found.start()):
            return True
    return False


def _modality_problem(
    where: dict[str, Any], ident: str, citations: tuple[Citation, ...], field_name: str
) -> QuoteProblem:
    """A ``modality-not-worded`` problem at item ``ident``'s row (``where``) and ``field_name``."""
    quotes = [c.quote for c in citations if c.quote]
    hedges = list(dict.fromkeys(m.group() + _binding_after(q, m.end()) for q in quotes for m in _HEDGE.finditer(q)))
    worded = Both(*pair("modality-hedges", hedges=Both("、".join(f"“{h}”" for h in hedges), ", ".join(hedges))))
    if not hedges:
        worded = Both(*pair("modality-no-words"))
    zh, en = pair(
        "modality-not-worded",
        binding=Both("、".join(BINDING), ", ".join(BINDING)),
        worded=worded,
        quote=Both("」「".join(quotes), "」「".join(quotes)),
        subject=Both(*pair("quote-subject-item", item=ident)),
    )
    return QuoteProblem(
        code="modality-not-worded",
        message_zh=zh,
        message_en=en,
        field=field_name,
        document=citations[0].document,
        items=(ident,),
        quote=quotes[0],
        **where,
    )


def _binding_after(quote: str, at: int) -> str:
    """The binding word right after a hedge at ``at`` (一般 + 应), if any: the hedge as the source writes it."""
    found = BINDING_WORDS.match(quote, at)
    return found.group() if found else ""


def iter_modality_problems(package: LayerPackage) -> Iterator[QuoteProblem]:
    """Yield a ``fail`` per rule of ``package`` recorded as must whose quotes hold no unhedged binding word.

    Every graded field (``modality``, ``size_modality`` … :class:`~villagecat.format.rules.Graded`) of an item,
    and an override's ``value`` setting such a field, that is ``must`` while the item quotes its source and
    none of its quotes binds (:func:`unhedged_binding`). An item quoting nothing is not judged: its words are
    not at hand.
    """
    from villagecat.format.registry import kind_of_model, kinds  # noqa: PLC0415 - the registry imports the models
    from villagecat.format.rules import Graded  # noqa: PLC0415

    graded_names = {s.name for k in kinds() for s in k.fields if isinstance(s.rule, Graded)}
    for resource, model in RESOURCES.items():
        if model is Clause or model is Document:
            continue
        graded = [s.name for s in kind_of_model(model).fields if isinstance(s.rule, Graded)]
        for index, item in enumerate(package.resource(resource)):
            citations: tuple[Citation, ...] = getattr(item, "citations", ())
            quotes = [c.quote for c in citations if c.quote]
            if not quotes or any(unhedged_binding(q) for q in quotes):
                continue
            ident = str(getattr(item, "id", ""))
            if isinstance(item, Override):
                if item.field in graded_names and item.value == Modality.MUST.value:
                    yield _modality_problem(package.where(resource, index), ident, citations, "value")
                continue
            for name in graded:
                if getattr(item, name) is Modality.MUST:
                    yield _modality_problem(package.where(resource, index), ident, citations, name)


def cited_documents(package: LayerPackage) -> set[str]:
    """Return the ids of the documents ``package`` holds or cites: in its items, its clauses or its approval route."""
    found = {d.id for d in package.documents} | {c.document for c in package.clauses}
    for resource in RESOURCES:
        for item in package.resource(resource):
            for name in ("citations", "basis"):
                values = getattr(item, name, None)
                found.update(c.document for c in values or () if isinstance(c, Citation))
    admission = package.layer.admission
    found.update(c.document for c in (admission.citations if admission else ()))
    return found


def require_cited(packages: Iterable[LayerPackage], documents: Iterable[str]) -> None:
    """Refuse texts given for documents that none of ``packages`` cites or holds: a mistyped id checks nothing.

    Raises:
        UnknownItemError: (exit 2) naming every such id and the ids the packages do cite,
            the closest to the first first.
    """
    cited: set[str] = set()
    for package in packages:
        cited |= cited_documents(package)
    unknown = [d for d in dict.fromkeys(documents) if d not in cited]
    if not unknown:
        return
    known = sorted(cited, key=lambda d: (-SequenceMatcher(None, unknown[0], d, autojunk=False).ratio(), d))
    listed = known[:_LISTED]
    names = Both("、".join(listed), ", ".join(listed))
    if len(known) > len(listed):
        names = Both(*pair("text-cited-more", ids=names, count=len(known)))
    if not known:
        names = Both(*pair("none"))
    raise UnknownItemError.said("text-not-cited", documents=Both("、".join(unknown), ", ".join(unknown)), cited=names)


@dataclass
class QuoteReport:
    """The quotes of one package checked against the texts at hand.

    Attributes:
        target: The package as it was named.
        quotes: How many quotes the package writes.
        unchecked: How many of them were not checked: their document's text was not given.
        problems: Every quote not found (``fail``) and every quoted document without text (``warn``).
    """

    target: str
    quotes: int = 0
    unchecked: int = 0
    problems: list[QuoteProblem] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        """Whether some quote is not in its document's text."""
        return any(p.level == "fail" for p in self.problems)

    def exit_code(self, *, strict: bool = False) -> int:
        """1 when a quote is not found (or, with ``strict``, a quoted document has no text), else 0."""
        return 1 if self.failed or (strict and any(p.level == "warn" for p in self.problems)) else 0

    def to_dict(self, lang: Lang = "zh") -> dict[str, Any]:
        """Return the report as a JSON-ready dict."""
        lang = need_lang(lang)
        return {
            "target": self.target,
            "quotes": self.quotes,
            "not_found": sum(p.level == "fail" for p in self.problems),
            "unchecked": self.unchecked,
            "problems": [p.to_dict(lang) for p in self.problems],
        }

    def format_text(self, lang: Lang = "zh", *, strict: bool = False) -> str:
        """Return the report as text for a terminal: a summary line, then the problems grouped by file.

        With ``strict`` a quoted document without text is shown as failing, as it then is.
        """
        lang = need_lang(lang)
        failed = sum(p.level == "fail" for p in self.problems)
        if not self.quotes and not self.problems:
            return say("quotes-none", lang, target=self.target)
        if not self.problems:
            return say("quotes-all-found", lang, target=self.target, count=self.quotes)
        lines = [
            say(
                "quotes-summary",
                lang,
                target=self.target,
                count=self.quotes,
                failed=failed,
                unchecked=self.unchecked,
            )
        ]
        groups: dict[str, list[QuoteProblem]] = {}
        for problem in self.problems:
            groups.setdefault(problem.file, []).append(problem)
        for name, problems in groups.items():
            lines.append(f"  {name}")
            for p in problems:
                level = say("level-fail" if strict else f"level-{p.level}", lang)
                lines.append(f"    [{level}] {p.describe(lang, with_file=False)}")
        return "\n".join(lines)


def check_quotes(
    package: LayerPackage, texts: Mapping[str, str], *, target: str | None = None, spare: Collection[str] = ()
) -> QuoteReport:
    """Check every quote of ``package`` against ``texts`` (document id → text), collecting the problems.

    ``target`` names the package in the report (default: its source, else its layer's id);
    ``spare`` as for :func:`iter_quote_problems`.
    """
    quotes = list(iter_quotes(package))
    unquoted = [d for d in _dues(package) if not d.quoted]  # a due_text held to its document's text is a quote of it
    return QuoteReport(
        target or package.source or package.layer.id,
        len(quotes) + len(unquoted),
        sum(q.document not in texts for q in quotes) + sum(not any(d in texts for d in u.documents) for u in unquoted),
        [*iter_modality_problems(package), *iter_quote_problems(package, texts, spare=spare)],
    )
