"""Clauses the checks enforce that are rules on the catalog rather than fields of its items.

Each is a citation of a shipped document, quoted verbatim (a test checks the quotes
against the sources). A check uses a clause only when its document is in the
jurisdiction's chain, so no finding rests on a rule the jurisdiction's layers do not hold.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from villagecat.models import Citation

if TYPE_CHECKING:
    from villagecat.merging import EffectiveCatalog

__all__ = ["RULES", "rule"]

_T = "cn.document.tingzi-2022-28"

#: name -> the clause it rests on.
RULES: dict[str, Citation] = {
    "no-matching-plaques": Citation(
        document=_T,
        section="二(二)6",
        quote="省级党委和政府统一规定村级组织和工作机制挂牌数量、名称和式样,党政群机构不得要求村级组织对口挂牌。",
    ),
    "no-unassigned-tasks": Citation(
        document=_T,
        section="二(一)1",
        quote="未经县级党委和政府统一部署,党政群机构不得将自身权责事项派交村级组织承担。",
    ),
    "mechanism-basis": Citation(
        document=_T,
        section="二(二)4",
        quote="除党中央、国务院明确要求或者法律法规明确规定外,未经省级党委和政府同意,党政群机构不得新设村级工作机制,不得要求专人专岗。",
    ),
    "certificate-basis": Citation(
        document=_T,
        section="二(三)7",
        quote="凡缺乏法律法规或国务院决定等依据的证明事项,党政群机构一律不得要求村级组织出具。",
    ),
    "certificate-alternatives": Citation(
        document=_T,
        section="二(三)7",
        quote="鼓励党政群机构采取网上核验、主动调查、告知承诺等方式,最大限度减少村级组织出具证明事项。",
    ),
    "certificate-explain": Citation(
        document=_T,
        section="二(三)8",
        quote="列入《不应由基层群众性自治组织出具证明事项清单》和省级不应出具证明事项清单的,村级组织要做好解释说明工作",
    ),
    "certificate-unlisted": Citation(
        document=_T,
        section="二(三)8",
        quote="省级层面未统一规范,但涉及村民群众工作、学习、生活等仍需出具证明的,村级组织可本着便利村民群众办事创业的原则,对能够核实的事项据实出具相关证明。",
    ),
    "reports-frequency": Citation(
        document="220000.document.measures",
        section="一(三)",
        quote="除紧急突发工作外，村级组织报表以月报、季报、年报为主",
    ),
    "assist-funding": Citation(
        document="220000.document.measures",
        section="一(一)",
        quote="党政群机构应当为其提供必要的经费和工作条件。",
    ),
    "basis-required": Citation(
        document=_T,
        section="三(二)",
        quote="坚决取消没有法律法规或政策依据、没有经费保障、没有实际效用、村民群众不认可的工作事务、机制牌子和证明事项。",
    ),
}


def rule(catalog: EffectiveCatalog | None, name: str) -> tuple[Citation, ...]:
    """Return the clause as a one-citation tuple, or ``()`` if its document is not in the chain.

    With no catalog (linting a lone package), the clause is returned as it stands.
    """
    citation = RULES[name]
    if catalog is None:
        return (citation,)
    documents = {d.id for d in catalog.documents()}
    return (citation,) if citation.document in documents else ()
