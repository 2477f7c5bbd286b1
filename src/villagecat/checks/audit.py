"""Auditing self-inspection ledgers against a jurisdiction's effective catalog."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from villagecat._arguments import need, need_catalog
from villagecat._i18n import Both, pair
from villagecat._names import place_form
from villagecat.checks import _codes as codes
from villagecat.checks._report import CheckReport, Finding, judged
from villagecat.checks._rules import by_reference, obligation, referenced, rule
from villagecat.checks.admission import admission_findings, org_words, similar_certificates, similar_names
from villagecat.checks.facility import facility_findings
from villagecat.checks.ledger import Ledger
from villagecat.checks.signage import signage_findings
from villagecat.models import CertificateStatus, MechanismBasis, Scope
from villagecat.models._item import CatalogItem

if TYPE_CHECKING:
    from collections.abc import Sequence

    from villagecat.checks.ledger import LedgerMechanism, VillageLedger
    from villagecat.merging import EffectiveCatalog

__all__ = ["audit"]

_Named = TypeVar("_Named", bound=CatalogItem)

#: What allows a dedicated post (专人专岗): 除党中央、国务院明确要求或者法律法规明确规定外，未经省级党委和
#: 政府同意，……不得要求专人专岗 (national 二(二)4): the Centre, a law, or the province's consent.
POST_ALLOWED = frozenset({MechanismBasis.CENTRAL, MechanismBasis.LAW, MechanismBasis.PROVINCIAL_APPROVAL})
#: What a ledger's 设立依据 may say, for a finding that asks for it.
_BASIS_CHOICES = Both("、".join(f"“{b.label}”" for b in MechanismBasis), ", ".join(b.value for b in MechanismBasis))


def _listed(name: str, items: Sequence[_Named], scope: Scope) -> _Named | None:
    """The item a ledger's name is, its words read as the place reads them, as ``admit`` matches a task.

    A community's 社区党群服务中心 is the catalog's 村党群服务中心 by reference (national 三), as its
    实行居民自治 is 实行村民自治; a village's words stay its own.
    """
    key = place_form(name, scope)
    return next((i for i in items if key in {place_form(n, scope) for n in (i.name, *i.aliases)}), None)


def consent(condition: str | None) -> Both:
    """Whose consent allows a dedicated post, in the words of the rule's own clause (its ``condition``).

    The national 未经省级党委和政府同意; Ninghe, a municipality's district, 未经市委市政府同意 (its clause, merged into
    the rule it restates). A rule stating no condition says none: never the national words for another layer's.
    """
    return Both(*pair("mechanism-consent", condition=condition)) if condition else Both("", "")


def _mechanism(catalog: EffectiveCatalog, entry: LedgerMechanism, village: str, scope: Scope) -> list[Finding]:
    """A mechanism's dedicated post and its basis, as far as the ledger and the catalog say.

    An empty 设立依据 is not known, not wanting: the villagers' committee's own committees
    (人民调解、治安保卫…) are bodies that carry duties (national 二(二)4), and a ledger that
    does not give a basis says nothing either way. Only a basis written as 无依据 fails.
    """
    listed = _listed(entry.name, catalog.mechanisms(scope), scope)
    cites = rule(catalog, "mechanism-basis")
    if not cites:
        return []
    # 「不得新设村级工作机制，不得要求专人专岗」: a community's mechanisms by reference, unless a layer says 村（社区）
    stated = obligation(catalog, "mechanism-basis")
    reference = by_reference(catalog, scope, stated)
    basis = listed.basis if listed is not None and listed.basis is not None else entry.basis
    found: list[Finding] = []
    if entry.dedicated_post and basis not in POST_ALLOWED and (listed is not None or basis is not None):
        # 无依据 written: not allowed; left empty: not known, so the ledger is asked for it (once: an
        # unlisted mechanism's note below asks for the same basis).
        none = basis is MechanismBasis.NONE
        found.append(
            Finding(
                (codes.MECHANISM_DEDICATED_POST if none else codes.MECHANISM_POST_BASIS_UNKNOWN).code,
                "fail" if none else "warn",
                *pair(
                    "audit-mechanism-dedicated-post" if none else "audit-mechanism-post-unstated",
                    mechanism=entry.name,
                    choices=_BASIS_CHOICES,
                    consent=consent(stated.condition if stated is not None else None),
                ),
                village,
                rule=[b.value for b in POST_ALLOWED],
                observed=basis.value if basis else None,
                citations=cites,
            )
        )
    if listed is None:
        if basis is None:
            declared, key, values = (
                codes.MECHANISM_BASIS_UNKNOWN,
                "audit-mechanism-basis-unstated",
                {"choices": _BASIS_CHOICES},
            )
        elif basis is MechanismBasis.NONE:
            declared, key, values = codes.MECHANISM_WITHOUT_BASIS, "audit-mechanism-without-basis", {}
        else:
            declared, key, values = codes.MECHANISM_UNLISTED, "audit-mechanism-unlisted", {"basis": basis.words}
        found.append(
            Finding(
                declared.code,
                "fail" if basis is MechanismBasis.NONE else "warn",
                *pair(key, mechanism=entry.name, **values),
                village,
                observed=entry.name,
                citations=cites,
            )
        )
    return [referenced(f, reference) for f in found]


def _certificate(catalog: EffectiveCatalog, name: str, village: str, scope: Scope) -> list[Finding]:
    listed = _listed(name, catalog.certificates(scope), scope)
    if listed is None:
        if not rule(catalog, "certificate-unlisted"):
            return []
        # A name only alike to one the village must not issue (养犬证明, 居民养犬证明) is a pointer
        # for the clerk to judge, never a match: a 提示 naming it, never 不符合.
        similar = similar_certificates(catalog, name, scope)
        words = (
            pair("audit-certificate-alike", certificate=name, similar=similar_names(similar))
            if similar
            else pair("audit-certificate-unlisted", certificate=name)
        )
        unlisted = rule(catalog, "certificate-unlisted")
        # A community's 职责范围内 rule where a layer states it for 村（社区） (Ninghe 三(三)9), besides the village's
        # 二(三)8 it follows by reference: a clause of a section already cited is not said twice.
        cited = {(c.document, c.section) for c in unlisted}
        within = tuple(
            c
            for c in (rule(catalog, "certificate-within-duties") if scope is Scope.COMMUNITY else ())
            if (c.document, c.section) not in cited
        )
        finding = Finding(
            (codes.CERTIFICATE_ALIKE if similar else codes.CERTIFICATE_UNLISTED).code,
            "warn",
            *words,
            village,
            observed=name,
            citations=(*(c for s in similar for c in s.citations), *unlisted, *within),
            item=similar[0].id if len(similar) == 1 else None,
        )
        # 「……村级组织可……据实出具」 (national 二(三)8): a community's by reference
        return [referenced(finding, by_reference(catalog, scope, obligation(catalog, "certificate-unlisted")))]
    if listed.status is CertificateStatus.RETAINED:
        return [
            Finding(
                codes.AUDIT_CERTIFICATE_RETAINED.code,
                "pass",
                *pair("audit-certificate-retained", certificate=name),
                village,
                item=listed.id,
            )
        ]
    explain = obligation(catalog, "certificate-explain")
    # The list names 基层群众性自治组织 (its verdict stands); its 「村级组织要做好解释说明工作」 (national
    # 二(三)8) reaches a community by reference, as admit says it: the note follows that duty, not the verdict
    reference = by_reference(catalog, scope, explain)
    org = org_words(scope)
    finding = Finding(
        codes.CERTIFICATE_MUST_NOT_ISSUE.code,
        "fail",
        *pair(
            "audit-certificate-must-not-issue",
            certificate=name,
            status=listed.status.words,
            explain=Both(*pair("audit-certificate-explain", org=org)) if reference else "",
        ),
        village,
        rule=listed.status,
        observed=name,
        citations=(*listed.citations, *(explain.citations if explain is not None else ())),
        item=listed.id,
    )
    return [referenced(finding, reference, own_basis=True)]


def _village(catalog: EffectiveCatalog, entry: VillageLedger) -> list[Finding]:
    """One entry's findings, each saying the place it judged: the entry's, or its signs' and facility's own 村或社区."""
    return judged(_entry_findings(catalog, entry), entry.scope)


def _entry_findings(catalog: EffectiveCatalog, entry: VillageLedger) -> list[Finding]:
    village = entry.village
    if not entry.recorded():
        return [
            Finding(codes.VILLAGE_EMPTY.code, "warn", *pair("audit-village-empty", place=entry.scope.words), village)
        ]
    found: list[Finding] = []
    for duty in entry.duties:
        found.extend(
            Finding(**{**finding.__dict__, "code": codes.in_audit(finding.code)})
            for finding in admission_findings(catalog, duty, village, entry.scope)
        )
    for mechanism in entry.mechanisms:
        found.extend(_mechanism(catalog, mechanism, village, entry.scope))
    if entry.signs:
        found.extend(signage_findings(catalog, entry.signs, village))  # by the scope its rows give
    for name in entry.certificates:
        found.extend(_certificate(catalog, name, village, entry.scope))
    if entry.facility is not None:
        found.extend(facility_findings(catalog, entry.facility))  # by its own scope
    return found


def audit(catalog: EffectiveCatalog, ledger: Ledger) -> CheckReport:
    """Check every village of a ledger; the report's summary is the per-village table.

    Raises:
        ArgumentTypeError: if ``catalog`` is no effective catalog or ``ledger`` no
            :class:`~villagecat.checks.Ledger` (a path included: read it with :func:`read_ledger`).
    """
    need_catalog(catalog)
    need(ledger, Ledger, "argument-not-ledger")
    report = CheckReport.against("audit", catalog)
    for entry in ledger.villages:
        report.findings.extend(_village(catalog, entry))
    return report
