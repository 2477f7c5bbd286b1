"""The rules the checks enforce that are rules on the catalog rather than fields of its items.

Each rule is data: an :class:`~villagecat.models.Obligation` of the layer whose document
states it, with its citation. Here is only which obligation each check rests on. A check
applies a rule only where that obligation is in the jurisdiction's chain (a lower layer
that restates it keeps the id, with its own wording and citation merged in), so no
finding rests on a clause the jurisdiction's layers do not hold: Jilin's report
frequencies are never applied to Tianjin.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from villagecat.models import Citation, Obligation

if TYPE_CHECKING:
    from villagecat.merging import EffectiveCatalog

__all__ = ["RULES", "obligation", "rule"]

#: check rule name -> the id of the obligation that states it.
RULES: dict[str, str] = {
    "no-matching-plaques": "cn.obligation.no-matching-plaques",
    "no-unassigned-tasks": "cn.obligation.no-unassigned-tasks",
    "mechanism-basis": "cn.obligation.no-new-mechanisms",
    "certificate-basis": "cn.obligation.no-unfounded-certificates",
    "certificate-alternatives": "cn.obligation.certificate-alternatives",
    "certificate-explain": "cn.obligation.explain-not-to-issue",
    "certificate-unlisted": "cn.obligation.certificate-unlisted",
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
