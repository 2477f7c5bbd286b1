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

A text given for a document that no package checked cites or holds is a mistake in the
command, never a finding about a package: :func:`require_cited` refuses it (exit 2), naming
the ids the packages do cite, closest first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import TYPE_CHECKING, Any, Literal

from villagecat._arguments import need_lang
from villagecat._i18n import Both, pair, say
from villagecat._names import misspelt
from villagecat.coverage import split_statements
from villagecat.errors import UnknownItemError
from villagecat.models import Citation, Clause, Document
from villagecat.package import RESOURCES
from villagecat.report import Problem

if TYPE_CHECKING:
    from collections.abc import Collection, Iterable, Iterator, Mapping

    from villagecat.package import LayerPackage
    from villagecat.report import Lang

__all__ = [
    "Difference",
    "Quote",
    "QuoteLevel",
    "QuoteProblem",
    "QuoteReport",
    "bare",
    "check_quotes",
    "cited_documents",
    "iter_quote_problems",
    "iter_quotes",
    "joined",
    "require_cited",
    "sections_holding",
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


def bare(text: str) -> str:
    """The text without any white space: the first rule compares quotes and texts so."""
    return _SPACE.sub("", text)


def joined(text: str) -> str:
    """The text with its line breaks undone (a wrapped line joined to the next), spaces within a line kept."""
    return _LINE_BREAK.sub("", text)


#: A section as citations write it and the text numbers it: 二, 二(一), 二(一)1 (the numbering split_statements reads).
_SECTION = re.compile(r"[一二三四五六七八九十]+(?:\([一二三四五六七八九十]+\)(?:\d+)?)?")
_NUMERALS = "一二三四五六七八九十"


def _below(label: str, section: str) -> bool:
    """Whether the text's section ``label`` is ``section`` or below it (二(二)1 below 二(二); 十二 not below 十)."""
    if label == section:
        return True
    rest = label[len(section) :] if label.startswith(section) else ""
    return bool(rest) and (
        (section[-1] in _NUMERALS and rest.startswith("(")) or (section[-1] == ")" and rest[0].isdigit())
    )


def sections_holding(quote: str, text: str, section: str) -> list[str] | None:
    """Return where ``text`` has ``quote`` if not within ``section`` (empty: in it), or None when not judged.

    The text's sections are read as :func:`~villagecat.coverage.split_statements` reads them
    (white space aside); a section is judged only when it is written as the text numbers its
    own (二, 二(一), 二(一)1, full-width brackets as half) and the text has its heading 二、.

    Returns:
        None when the section cannot be judged against this text; an empty list when the
        quote lies in the section (or one below it); else the sections that hold the quote
        (empty too when it straddles them: it is then not refused).
    """
    section = bare(section).replace("（", "(").replace("）", ")")
    statements = split_statements(text.splitlines())
    top = _SECTION.fullmatch(section) and re.match(f"[{_NUMERALS}]+", section)
    if not top or not any(_below(label, top.group(0)) for label, _ in statements):
        return None  # not a section the text numbers: its top level (二、) is not among the text's headings
    wanted = bare(quote)
    within = "".join(bare(sentence) for label, sentence in statements if _below(label, section))
    if wanted in within:
        return []
    whole, labels = "", []
    for label, sentence in statements:
        piece = bare(sentence)
        whole += piece
        labels += [label] * len(piece)
    places = [m.start() for m in re.finditer(f"(?={re.escape(wanted)})", whole)] if wanted else []
    return list(dict.fromkeys(labels[n] for n in places if labels[n] == labels[n + len(wanted) - 1] and labels[n]))


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
    numbered = {label for label, _ in split_statements(text.splitlines())}
    section = bare(quote.section).replace("（", "(").replace("）", ")")
    there = Both("、".join(held), ", ".join(held))
    exists = any(_below(label, section) for label in numbered)
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
        if not self.quotes:
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
    return QuoteReport(
        target or package.source or package.layer.id,
        len(quotes),
        sum(q.document not in texts for q in quotes),
        list(iter_quote_problems(package, texts, spare=spare)),
    )
