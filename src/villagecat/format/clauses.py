"""Clauses: each cited passage written once in a package, cited by id from items.

In memory an item carries :class:`~villagecat.models.Citation` objects. When a package
is written, every distinct citation becomes (or reuses) a :class:`~villagecat.models.Clause`
of the package's ``clauses`` resource and the item's cell holds the clause's id; when it is
read, ids are turned back into citations. A clause keeps its id once written, so ids stay
stable across revisions; a new clause's id is made from its document and section
(``cn.clause.tingzi-2022-28-2-1-1`` for 二(一)1 of 厅字〔2022〕28号).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from villagecat.models.document import Citation, Clause

if TYPE_CHECKING:
    from collections.abc import Container, Iterable

__all__ = ["ClauseBook", "chinese_number", "new_clause_id", "section_slug"]

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_NUMERAL = re.compile(r"[零〇一二两三四五六七八九十百]+|[0-9]+")


def chinese_number(text: str) -> int:
    """Return the value of a Chinese numeral up to the hundreds (十二 → 12, 二十 → 20, 一十三 → 13)."""
    total, current = 0, 0
    for char in text:
        if char == "百":
            total += (current or 1) * 100
            current = 0
        elif char == "十":
            total += (current or 1) * 10
            current = 0
        else:
            current = _DIGITS[char]
    return total + current


def section_slug(section: str | None) -> str:
    """Return the numbers of a section, joined by hyphens: ``二(一)1`` → ``2-1-1``; none → ``""``."""
    if not section:
        return ""
    numbers = []
    for match in _NUMERAL.finditer(section):
        token = match.group()
        numbers.append(token if token.isdigit() else str(chinese_number(token)))
    return "-".join(numbers)


def new_clause_id(layer_id: str, document: str, section: str | None, taken: Container[str]) -> str:
    """Return a new clause's id, made from its document and section, that ``taken`` does not hold.

    ``cn.clause.tingzi-2022-28-2-1-1`` for 二(一)1 of ``cn.document.tingzi-2022-28``; a second
    clause of that section gets ``…-2-1-1-b``.
    """
    local = document.split(".", 2)[-1]
    slug = section_slug(section)
    base = f"{layer_id}.clause.{local}{'-' + slug if slug else ''}"
    clause_id, suffix = base, 0
    while clause_id in taken:
        suffix += 1
        clause_id = f"{base}-{_letters(suffix)}"
    return clause_id


class ClauseBook:
    """The clauses of one layer's package: the existing ones, and new ones as citations need them."""

    def __init__(self, layer_id: str, existing: Iterable[Clause] = ()) -> None:
        """Start from the clauses a package already has (their ids are kept)."""
        self.layer_id = layer_id
        self._clauses: dict[str, Clause] = {}
        self._by_citation: dict[tuple[str, str | None, str | None], str] = {}
        for clause in existing:
            self._clauses[clause.id] = clause
            self._by_citation.setdefault(_key(clause.citation()), clause.id)

    def id_for(self, citation: Citation) -> str:
        """Return the id of the clause for ``citation``, adding a clause if there is none."""
        key = _key(citation)
        found = self._by_citation.get(key)
        if found is not None:
            return found
        clause_id = new_clause_id(self.layer_id, citation.document, citation.section, self._clauses)
        self._clauses[clause_id] = Clause(
            id=clause_id, document=citation.document, section=citation.section, quote=citation.quote
        )
        self._by_citation[key] = clause_id
        return clause_id

    def clauses(self) -> tuple[Clause, ...]:
        """Return every clause, the existing ones first, then new ones in the order they were needed."""
        return tuple(self._clauses.values())


def _key(citation: Citation) -> tuple[str, str | None, str | None]:
    return (citation.document, citation.section, citation.quote)


def _letters(number: int) -> str:
    """Return 1 → ``b``, 2 → ``c``, … 25 → ``z``, 26 → ``ba``: a suffix that never looks like a section number."""
    letters = ""
    while True:
        number, rest = divmod(number, 26)
        letters = "abcdefghijklmnopqrstuvwxyz"[rest] + letters
        if number == 0:
            return letters
