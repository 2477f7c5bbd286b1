"""Policy lint: the national opinion's own rules turned on a layer's data.

- ``lint-certificate-basis`` (warn): a retained certificate whose basis is not a law,
  regulation or State Council decision. 厅字〔2022〕28号 二(三)7 says 「缺乏法律法规或国务院决定
  **等**依据」: the list is open (Shanxi retains 入党外调政审等发展党员证明, resting on Party
  regulations), so another kind of basis is a hint to check, never a failure; a certificate
  whose source names no basis is ``lint-certificate-basis-unknown`` (warn), unknown, not wanting;
- ``lint-mechanism-dedicated-post`` (fail): a dedicated post only where the Party Centre,
  the State Council or a law requires it, or the province consented (二(二)4): fails where the
  basis is recorded as 无依据; where no basis is recorded it is not known, and
  ``lint-mechanism-post-basis-unknown`` (warn) asks for it;
- ``lint-assist-funding`` (warn): an assisted duty names its department and funding (吉林 一(一));
- ``lint-report-frequency`` (warn): reports are monthly, quarterly or yearly (吉林 一(三));
- ``lint-missing-citation`` (fail): every item cites its basis (三(二)).

A rule applies only to layers whose chain holds the document that states it: Jilin's two
rules lint Jilin's layers, not Tianjin's or Shanxi's. 「以月报、季报、年报为主」 says
*mainly*, so an other frequency is a hint (提示), never a failure.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from villagecat._arguments import need, need_registry
from villagecat._i18n import Both, pair, say
from villagecat.checks import _codes as codes
from villagecat.checks._report import CheckReport, Finding
from villagecat.checks._rules import RULES, obligation, rule
from villagecat.checks.audit import POST_ALLOWED, consent
from villagecat.errors import LayerChainError
from villagecat.models import (
    Authority,
    Cancellation,
    Certificate,
    CertificateStatus,
    Citation,
    Clause,
    Document,
    Duty,
    DutyKind,
    Mechanism,
    Obligation,
    Override,
)
from villagecat.models import ReportFrequency as Freq

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from villagecat.package import LayerPackage
    from villagecat.registry import LayerRegistry

__all__ = ["LEGAL_BASIS", "LINT_RULES", "lint"]

#: Authorities that count as a basis in law for a certificate (法律法规或国务院决定).
LEGAL_BASIS = frozenset(
    {Authority.LAW, Authority.ADMINISTRATIVE_REGULATION, Authority.STATE_COUNCIL_DECISION, Authority.LOCAL_REGULATION}
)
#: code -> (level, the name of the rule it applies in :mod:`villagecat.checks._rules`).
LINT_RULES = {
    codes.LINT_CERTIFICATE_BASIS.code: ("warn", "certificate-basis"),
    codes.LINT_CERTIFICATE_BASIS_UNKNOWN.code: ("warn", "certificate-basis"),
    codes.LINT_MECHANISM_DEDICATED_POST.code: ("fail", "mechanism-basis"),
    codes.LINT_MECHANISM_POST_BASIS_UNKNOWN.code: ("warn", "mechanism-basis"),
    codes.LINT_ASSIST_FUNDING.code: ("warn", "assist-funding"),
    codes.LINT_REPORT_FREQUENCY.code: ("warn", "reports-frequency"),
    codes.LINT_MISSING_CITATION.code: ("fail", "basis-required"),
}


def _main_frequencies(rules: Mapping[str, Obligation]) -> frozenset[Freq] | None:
    """The report frequencies a layer in the chain names as the main ones (为主), if any does.

    「除紧急突发工作外，村级组织报表以月报、季报、年报为主」: the frequencies are read from the
    obligation's matters by their Chinese labels; emergencies are outside the rule.
    """
    found = obligation(rules, "reports-frequency")
    if found is None:
        return None
    by_label = {f.label: f for f in Freq}
    return frozenset(by_label[t] for t in found.tasks if t in by_label) | {Freq.EMERGENCY}


def _partial_lists(package: LayerPackage) -> list[Finding]:
    """Say, for each of the layer's documents with a known list size, how many entries are recorded."""
    found = []
    for document in package.documents:
        if document.list_size is None:
            continue
        # One entry per item citing the list; operations (restating inherited items) by the passage they cite.
        entries: dict[object, bool] = {}
        for _, item in package.iter_items():
            for citation in getattr(item, "citations", None) or ():
                if citation.document == document.id:
                    restating = isinstance(item, Override | Cancellation) or getattr(item, "restates", None)
                    key = (citation.section, citation.quote) if restating else item
                    entries[key] = entries.get(key, False) or bool(getattr(item, "truncated", False))
        cut = sum(entries.values())
        if len(entries) - cut >= document.list_size:
            continue
        found.append(
            Finding(
                codes.LINT_PARTIAL_LIST.code,
                "warn",
                *pair(
                    "lint-partial-list",
                    title=document.title,
                    size=document.list_size,
                    full=len(entries) - cut,
                    cut=Both(say("lint-partial-cut", "zh", cut=cut) if cut else "", f", {cut} in part"),
                    unknown=document.list_size - len(entries),
                ),
                document.id,
                rule=document.list_size,
                observed=len(entries),
                item=document.id,
            )
        )
    return found


def _duty_findings(item: Duty, main_frequencies: frozenset[Freq] | None, make: Callable[..., Finding]) -> list[Finding]:
    """An assisted duty without department or funding; report frequencies beside the main ones."""
    found: list[Finding] = []
    if item.duty_kind is DutyKind.ASSISTS and (not item.departments or item.funding is None):
        lacking = [
            key
            for key, ok in (("lint-lacks-departments", item.departments), ("lint-lacks-funding", item.funding))
            if not ok
        ]
        what = Both("、".join(say(k, "zh") for k in lacking), " or ".join(say(k, "en") for k in lacking))
        found.append(
            make(codes.LINT_ASSIST_FUNDING, item.id, *pair("lint-assist-funding", duty=item.name, lacking=what))
        )
    odd = [f for f in item.report_frequencies if main_frequencies and f not in main_frequencies]
    if odd:
        found.append(
            make(
                codes.LINT_REPORT_FREQUENCY,
                item.id,
                *pair(
                    "lint-report-frequency",
                    duty=item.name,
                    odd=Both("、".join(f.label for f in odd), ", ".join(f.value for f in odd)),
                    main=Both(
                        "、".join(f.label for f in sorted(main_frequencies or (), key=list(Freq).index)),
                        ", ".join(f.value for f in sorted(main_frequencies or (), key=list(Freq).index)),
                    ),
                ),
                observed=[f.value for f in odd],
            )
        )
    return found


def lint(package: LayerPackage, registry: LayerRegistry | None = None) -> CheckReport:
    """Lint one layer package; documents of its ancestors are looked up in ``registry``.

    Raises:
        ArgumentTypeError: if ``package`` is no :class:`~villagecat.package.LayerPackage` (an
            effective catalog included: lint reads one layer as written), or ``registry`` is
            neither None nor a :class:`~villagecat.registry.LayerRegistry`.
    """
    from villagecat.package import LayerPackage  # noqa: PLC0415 - the package module is loaded by whoever has one

    need(package, LayerPackage, "argument-not-package", what=Both("要检查的数据包", "the package to lint"))
    need_registry(registry, optional=True)
    documents = {d.id: d for d in package.documents}
    rules = {o.id: o for o in package.obligations}
    chain = [package]
    if registry is not None and package.layer.parent is not None:
        try:
            chain = registry.chain(package)
            for ancestor in chain:
                documents = {d.id: d for d in ancestor.documents} | documents
                rules = {o.id: o for o in ancestor.obligations} | rules
        except LayerChainError:
            pass  # a broken chain is validate's to report; lint what is here
    # A rule a lower layer restates in its own words (Ninghe's 未经市委市政府同意): the lowest restatement, as merged.
    restated = {o.restates: o for layer in chain for o in layer.obligations if o.restates is not None}
    basis_rule = restated.get(RULES["mechanism-basis"]) or obligation(rules, "mechanism-basis")
    titles = {i: d.known_as() for i, d in documents.items()}
    report = CheckReport("lint", package.layer.id, package.layer.name_zh, titles=titles)
    findings = report.findings
    main_frequencies = _main_frequencies(rules)

    def _finding(
        declared: codes.FindingCode, item_id: str, zh: str, en: str, *, also: tuple[Citation, ...] = (), **kw: object
    ) -> Finding:
        level, name = LINT_RULES[declared.code]
        cites = (*rule(rules, name), *also)
        return Finding(declared.code, level, zh, en, item_id, citations=cites, item=item_id, **kw)  # type: ignore[arg-type]

    for _, item in package.iter_items():
        if isinstance(item, Document | Clause):
            continue
        item_id = str(getattr(item, "id", ""))
        if not getattr(item, "citations", None):
            findings.append(_finding(codes.LINT_MISSING_CITATION, item_id, *pair("lint-missing-citation")))
        if isinstance(item, Certificate) and item.status is CertificateStatus.RETAINED and not item.catch_all:
            authorities = [documents[c.document].authority for c in item.basis if c.document in documents]
            if not item.basis:  # the source names no basis: unknown, not wanting
                findings.append(
                    _finding(
                        codes.LINT_CERTIFICATE_BASIS_UNKNOWN,
                        item_id,
                        *pair("lint-certificate-basis-unknown", certificate=item.name),
                    )
                )
            elif not any(a in LEGAL_BASIS for a in authorities):
                have = Both(
                    "、".join(a.label for a in authorities) or say("lint-authority-unknown", "zh"),
                    ", ".join(a.value for a in authorities) or say("lint-authority-unknown", "en"),
                )
                findings.append(
                    _finding(
                        codes.LINT_CERTIFICATE_BASIS,
                        item_id,
                        *pair("lint-certificate-basis", certificate=item.name, have=have),
                        observed=[a.value for a in authorities],
                    )
                )
        if isinstance(item, Mechanism) and item.dedicated_post and item.basis not in POST_ALLOWED:
            known = item.basis is not None
            findings.append(
                _finding(
                    codes.LINT_MECHANISM_DEDICATED_POST if known else codes.LINT_MECHANISM_POST_BASIS_UNKNOWN,
                    item_id,
                    *pair(
                        "lint-mechanism-dedicated-post" if known else "lint-mechanism-post-unstated",
                        mechanism=item.name,
                        consent=consent(basis_rule.condition if basis_rule is not None else None),
                    ),
                    observed=item.basis.value if item.basis else None,
                    also=tuple(basis_rule.citations) if known and basis_rule is not None else (),
                )
            )
        if isinstance(item, Duty):
            findings += _duty_findings(item, main_frequencies, _finding)
    findings.extend(_partial_lists(package))
    # A rule applies only where the layer that states it is in the chain: Jilin's report
    # frequencies are not Tianjin's.
    findings[:] = [f for f in findings if f.code not in LINT_RULES or f.citations]
    return report
