"""The rules the checks enforce that are rules on the catalog rather than fields of its items.

Each rule is data: an :class:`~villagecat.models.Obligation` of the layer whose document
states it, with its citation. Here is only which obligation each check rests on. A check
applies a rule only where that obligation is in the jurisdiction's chain (a lower layer
that restates it keeps the id, with its own wording and citation merged in), so no
finding rests on a clause the jurisdiction's layers do not hold: Jilin's report
frequencies are never applied to Tianjin.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import TYPE_CHECKING

from villagecat._i18n import say
from villagecat.checks._codes import FINDING_CODES
from villagecat.models import Citation, Document, Obligation, Scope

if TYPE_CHECKING:
    from pydantic import BaseModel

    from villagecat.checks._report import Finding
    from villagecat.merging import EffectiveCatalog

__all__ = ["RULES", "by_reference", "obligation", "reference_clause", "referenced", "rule"]

#: check rule name -> the id of the obligation that states it.
RULES: dict[str, str] = {
    "no-matching-plaques": "cn.obligation.no-matching-plaques",
    "no-unassigned-tasks": "cn.obligation.no-unassigned-tasks",
    "mechanism-basis": "cn.obligation.no-new-mechanisms",
    "certificate-basis": "cn.obligation.no-unfounded-certificates",
    "certificate-alternatives": "cn.obligation.certificate-alternatives",
    "certificate-explain": "cn.obligation.explain-not-to-issue",
    "certificate-unlisted": "cn.obligation.certificate-unlisted",
    "certificate-within-duties": "cn.obligation.issue-within-duties",
    "reports-frequency": "220000.obligation.reports-mainly",
    "assist-funding": "220000.obligation.assist-funding",
    "basis-required": "cn.obligation.remove-unfounded",
    "communities-by-reference": "cn.obligation.communities-by-reference",
}


def obligation(source: EffectiveCatalog | Mapping[str, Obligation] | None, name: str) -> Obligation | None:
    """Return the obligation a rule rests on, or ``None`` where the chain does not hold it.

    ``source`` is a jurisdiction's effective catalog, or the obligations by id of a layer
    and its ancestors (for lint).
    """
    ident = RULES[name]
    if source is None:
        return None
    if isinstance(source, Mapping):
        return source.get(ident)
    effective = source.get(ident)
    return effective.item if effective is not None and isinstance(effective.item, Obligation) else None


def rule(source: EffectiveCatalog | Mapping[str, Obligation] | None, name: str) -> tuple[Citation, ...]:
    """Return the citations of the obligation a rule rests on, or ``()`` where the chain does not hold it."""
    found = obligation(source, name)
    return tuple(found.citations) if found is not None else ()


#: The words by which a clause states its rule for an urban community itself (村（社区）, 社区, 村（居）民).
_COMMUNITY_WORDS = ("社区", "（居）", "(居)")
#: The words by which a whole document addresses communities and villages alike: a 基层群众性自治组织 is a villagers'
#: or a residents' committee (村民委员会组织法 and 城市居民委员会组织法), so the Ministry's list of certificates not to
#: issue (民发〔2020〕20号附件) names the community itself, entry by entry, though no entry says 社区.
_BOTH_BODIES = "基层群众性自治组织"


def _for_communities(item: BaseModel, catalog: EffectiveCatalog | None = None) -> bool:
    """Whether a layer states an item's rule for communities itself, not only in the village's words.

    Its ``applies_to`` says so (``both``, ``community``: Ninghe's 村（社区）), or one of the clauses it
    cites names the community (一横四竖 of 村（社区）, 不能将村（社区）组织作为……责任主体), or the document a
    clause is of, or the one that document is part of, is addressed to 基层群众性自治组织 (the Ministry's list: its
    entries are certificates, the subject is the list's). A quote that only names that list (《不应由基层群众性自治
    组织出具证明事项清单》) is not its subject: the clause's own words say whose (村级组织要做好解释说明工作).
    """
    if getattr(item, "applies_to", None) in (Scope.BOTH, Scope.COMMUNITY):
        return True
    citations: tuple[Citation, ...] = tuple(getattr(item, "citations", ()))
    if any(c.quote and any(word in c.quote for word in _COMMUNITY_WORDS) for c in citations):
        return True
    return catalog is not None and any(_BOTH_BODIES in title for title in _addressed(catalog, citations))


def _addressed(catalog: EffectiveCatalog, citations: tuple[Citation, ...]) -> list[str]:
    """The titles of the documents the citations are of, and of the documents those are part of."""

    def document(document_id: str | None) -> Document | None:
        entry = catalog.get(document_id, Document) if document_id else None
        return entry.item if entry is not None else None

    seen: dict[str, str] = {}
    for citation in citations:
        found = document(citation.document)
        while found is not None and found.id not in seen:
            seen[found.id] = found.title
            found = document(found.part_of)
    return list(seen.values())


def by_reference(catalog: EffectiveCatalog | None, scope: Scope, *items: BaseModel | None) -> tuple[Citation, ...]:
    """The clause a community's finding rests on by reference, or ``()`` where none does.

    National 三: 「规范城市社区组织工作事务、机制牌子和证明事项相关工作，参照本意见精神执行。」 A
    rule the sources word for villages reaches an urban community by reference, at the strength its
    words give; the finding then says so and cites this clause besides the rule's own. A rule a
    layer states for communities itself is the community's own (:func:`_for_communities`), and a rule
    restricted to villages never reaches a community (the catalog does not give it one). This is the
    one place that decides it: every check asks here and words it with :func:`referenced`.
    """
    worded_for_villages = any(item is not None and not _for_communities(item, catalog) for item in items)
    if scope is not Scope.COMMUNITY or not worded_for_villages:
        return ()
    return reference_clause(catalog, scope)


def reference_clause(catalog: EffectiveCatalog | None, scope: Scope) -> tuple[Citation, ...]:
    """National 三's clause, for a community given a rule by reference; ``()`` for a village."""
    return rule(catalog, "communities-by-reference") if scope is Scope.COMMUNITY else ()


def referenced(finding: Finding, reference: tuple[Citation, ...], *, own_basis: bool = False) -> Finding:
    """A finding that says its rule reaches the community by reference, citing the clause that makes it so.

    ``reference`` is what :func:`by_reference` gave: ``()`` leaves the finding as it is. National 三
    asks a community to follow the opinion's spirit (参照本意见精神执行) and states no binding force for
    it, as the data records (its modality left empty): a rule worded for villages that binds them
    (不得, 应当) is a 提示 for a community, never 不符合. ``own_basis``: the verdict rests on a rule that
    names communities itself (the Ministry's list of certificates, 基层群众性自治组织), and only a rule
    beside it is the village's: its level stands.
    """
    if not reference:
        return finding
    advisory = finding.level == "fail" and not own_basis
    key = "by-reference-advisory" if advisory else "by-reference"
    declared = FINDING_CODES[finding.code]
    # a graded code says how strongly the missed rule binds: for a community by reference, unstated
    code = declared.missed("unstated") if advisory and declared.graded else finding.code
    return dataclasses.replace(
        finding,
        code=code,
        level="warn" if advisory else finding.level,
        message_zh=finding.message_zh + say(key, "zh"),
        message_en=finding.message_en + say(key, "en"),
        citations=(*finding.citations, *reference),
    )
