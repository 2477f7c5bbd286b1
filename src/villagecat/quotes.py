"""Quotes: every quoted passage is verbatim in the text of the very document it cites.

A package writes each quote once: on a clause (the ``clauses`` resource, cited by id from
items), or in an item's own cell (``DOCUMENT#SECTION「quote」``), or in the layer's admission
route. :func:`iter_quotes` walks them where they are written; :func:`iter_quote_problems`
judges each against its document's text, by two rules, declared here once:

- **white space aside** (:func:`bare`), the quote is in the text, else ``quote-not-found``;
- **as the text writes it** (:func:`joined`): a line the text wraps may be joined to the
  next (「8月 10」 / 「日前」 quoted as 「8月 10日前」), a space within a line is never dropped
  or added (not 「8月10日前」), else ``quote-spacing``.

A quoted document whose text is not given is one ``quote-no-text`` per document, a warning:
the quote is not known to be wrong, only not checked. Texts of laws, of another province's
documents and of annexes never published are at hand to no one, and a reviewer holding the
county's own plan should still be able to check the county's quotes; ``villagecat quotes
--strict`` makes the warning fail where every text is expected (the shipped data's tests).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from villagecat._i18n import Both, pair, say
from villagecat.models import Citation, Clause, Document
from villagecat.package import RESOURCES
from villagecat.report import Problem

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping

    from villagecat.package import LayerPackage
    from villagecat.report import Lang

__all__ = [
    "Quote",
    "QuoteProblem",
    "QuoteReport",
    "bare",
    "check_quotes",
    "iter_quote_problems",
    "iter_quotes",
    "joined",
]

_SPACE = re.compile(r"\s+")
_LINE_BREAK = re.compile(r"[ \t\u3000]*\n\s*")
#: How many citing items a message names before it counts the rest; how much of a quote it shows.
_NAMED = 3
_SHOWN = 40


def bare(text: str) -> str:
    """The text without any white space: the first rule compares quotes and texts so."""
    return _SPACE.sub("", text)


def joined(text: str) -> str:
    """The text with its line breaks undone (a wrapped line joined to the next), spaces within a line kept."""
    return _LINE_BREAK.sub("", text)


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
    """

    document: str
    text: str
    file: str
    field: str
    items: tuple[str, ...] = ()
    clause: str | None = None
    line: int | None = None
    row: int | None = None


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
                        Quote(citation.document, citation.quote, field=f"{name}[{n}].quote", items=(item_id,), **where)
                    )
    for index, clause in enumerate(package.clauses):
        if clause.quote:
            items = tuple(dict.fromkeys(citing.get(clause.id, ())))
            where = package.where("clauses", index)
            yield Quote(clause.document, clause.quote, field="quote", items=items, clause=clause.id, **where)
    yield from inline
    admission = package.layer.admission
    for n, citation in enumerate(admission.citations if admission else ()):
        if citation.quote:  # the layer's approval route: no item cites it
            yield Quote(citation.document, citation.quote, "datapackage.json", f"layer.admission.citations[{n}].quote")


@dataclass(frozen=True)
class QuoteProblem(Problem):
    """A quote not found in its document's text (``fail``), or a document whose text is not given (``warn``).

    Besides a :class:`~villagecat.report.Problem`'s file, line or row and field: the level,
    the document quoted, the clause the quote is written on (if it is), the items that cite
    it, and the quote itself.
    """

    level: Literal["fail", "warn"] = "fail"
    document: str = ""
    clause: str | None = None
    items: tuple[str, ...] = ()
    quote: str | None = None

    def to_dict(self, lang: Lang = "zh") -> dict[str, Any]:
        """Return the problem as a JSON-ready dict."""
        return {
            **super().to_dict(lang),
            "level": self.level,
            "document": self.document,
            "clause": self.clause,
            "items": list(self.items),
            "quote": self.quote,
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


def iter_quote_problems(package: LayerPackage, texts: Mapping[str, str]) -> Iterator[QuoteProblem]:
    """Yield one problem per quote of ``package`` not in its document's text, and per quoted document without text.

    Args:
        package: A loaded layer package.
        texts: The text of each document at hand, by document id (see
            :func:`villagecat.coverage.source_texts`).

    Yields:
        A ``fail`` per quote not in its document's text (``quote-not-found``), or in it only
        when spaces are ignored (``quote-spacing``), in the order the quotes are written; then
        a ``warn`` per quoted document whose text is not in ``texts`` (``quote-no-text``), at
        its first quote.
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
            continue
        shown = quote.text if len(quote.text) <= _SHOWN else quote.text[:_SHOWN] + "…"
        zh, en = pair(code, subject=_subject(quote), document=quote.document, quote=shown)
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
        )
    for document, quotes in unchecked.items():
        first = quotes[0]
        zh, en = pair("quote-no-text", document=document, count=len(quotes))
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
        )


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


def check_quotes(package: LayerPackage, texts: Mapping[str, str], *, target: str | None = None) -> QuoteReport:
    """Check every quote of ``package`` against ``texts`` (document id → text), collecting the problems.

    ``target`` names the package in the report (default: its source, else its layer's id).
    """
    quotes = list(iter_quotes(package))
    return QuoteReport(
        target or package.source or package.layer.id,
        len(quotes),
        sum(q.document not in texts for q in quotes),
        list(iter_quote_problems(package, texts)),
    )
