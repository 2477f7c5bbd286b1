"""Auditing self-inspection ledgers against a jurisdiction's effective catalog."""

from __future__ import annotations

from typing import TYPE_CHECKING

from villagecat._names import same_name
from villagecat.checks._report import CheckReport, Finding
from villagecat.checks._rules import rule
from villagecat.checks.admission import admission_findings
from villagecat.checks.facility import facility_findings
from villagecat.checks.signage import signage_findings
from villagecat.models import CertificateStatus, MechanismBasis

if TYPE_CHECKING:
    from villagecat.checks.ledger import Ledger, LedgerMechanism, VillageLedger
    from villagecat.merging import EffectiveCatalog

__all__ = ["audit"]


def _mechanism(catalog: EffectiveCatalog, entry: LedgerMechanism, village: str) -> list[Finding]:
    listed = next((m for m in catalog.mechanisms() if m.name == entry.name), None)
    found: list[Finding] = []
    basis = listed.basis if listed is not None and listed.basis is not None else entry.basis
    if (
        entry.dedicated_post
        and basis not in (MechanismBasis.CENTRAL, MechanismBasis.LAW)
        and rule(catalog, "mechanism-basis")
    ):
        found.append(
            Finding(
                "audit-mechanism-dedicated-post",
                "fail",
                f"工作机制“{entry.name}”要求专人专岗，但无党中央、国务院明确要求或法律法规明确规定，不得要求",
                f"mechanism {entry.name} requires a dedicated post nobody may require",
                village,
                rule=["central", "law"],
                observed=basis.value if basis else None,
                citations=rule(catalog, "mechanism-basis"),
            )
        )
    if listed is None:
        if basis in (None, MechanismBasis.NONE) and rule(catalog, "mechanism-basis"):
            found.append(
                Finding(
                    "audit-mechanism-without-basis",
                    "fail",
                    f"工作机制“{entry.name}”不在目录中且无设立依据，应予清理",
                    f"mechanism {entry.name} is not in the catalog and has no basis",
                    village,
                    observed=entry.name,
                    citations=rule(catalog, "mechanism-basis"),
                )
            )
        elif basis not in (None, MechanismBasis.NONE):
            found.append(
                Finding(
                    "audit-mechanism-unlisted",
                    "warn",
                    f"工作机制“{entry.name}”不在目录中（依据：{basis.label}），请核实",
                    f"mechanism {entry.name} is not in the catalog (basis: {basis.value}); check it",
                    village,
                    observed=entry.name,
                    citations=rule(catalog, "mechanism-basis"),
                )
            )
    return found


def _certificate(catalog: EffectiveCatalog, name: str, village: str) -> list[Finding]:
    listed = next((c for c in catalog.certificates() if same_name(name, c.name, *c.aliases)), None)
    if listed is None:
        return (
            [
                Finding(
                    "audit-certificate-unlisted",
                    "warn",
                    f"出具的“{name}”不在证明事项目录中；仅限职责范围内且能够核实的事项据实出具",
                    f"{name} is not in the certificate catalog; issue it only where the facts can be verified",
                    village,
                    observed=name,
                    citations=rule(catalog, "certificate-unlisted"),
                )
            ]
            if rule(catalog, "certificate-unlisted")
            else []
        )
    if listed.status is CertificateStatus.RETAINED:
        return [
            Finding(
                "audit-certificate-retained",
                "pass",
                f"“{name}”为保留的证明事项",
                f"{name} is retained",
                village,
                item=listed.id,
            )
        ]
    return [
        Finding(
            "audit-certificate-must-not-issue",
            "fail",
            f"“{name}”{listed.status.label}，应停止出具",
            f"{name} is {listed.status.value}: stop issuing it",
            village,
            rule=listed.status,
            observed=name,
            citations=tuple(listed.citations),
            item=listed.id,
        )
    ]


def _village(catalog: EffectiveCatalog, entry: VillageLedger) -> list[Finding]:
    village = entry.village
    found: list[Finding] = []
    for duty in entry.duties:
        found.extend(
            Finding(**{**finding.__dict__, "code": "audit-duty-" + finding.code.removeprefix("admission-")})
            for finding in admission_findings(catalog, duty, village)
        )
    for mechanism in entry.mechanisms:
        found.extend(_mechanism(catalog, mechanism, village))
    if entry.signs:
        found.extend(signage_findings(catalog, entry.signs, village))
    for name in entry.certificates:
        found.extend(_certificate(catalog, name, village))
    if entry.facility is not None:
        found.extend(facility_findings(catalog, entry.facility))
    return found


def audit(catalog: EffectiveCatalog, ledger: Ledger) -> CheckReport:
    """Check every village of a ledger; the report's summary is the per-village table."""
    report = CheckReport("audit", catalog.layer.id, catalog.layer.name_zh)
    for entry in ledger.villages:
        report.findings.extend(_village(catalog, entry))
    return report
