"""Checks that put the catalog to work: facilities, signage, certificates, ledgers, admission, lint.

Every check takes an effective catalog (see :func:`villagecat.resolve`) and returns a
:class:`CheckReport` of :class:`Finding` objects, each with a stable code, a level, the
rule's value, the observed value, and the citation of the rule.
"""

from __future__ import annotations

from villagecat.checks._measure import MEASURE_LIMIT, InvalidMeasurementError
from villagecat.checks._report import CheckReport, Finding
from villagecat.checks.admission import admit
from villagecat.checks.audit import audit
from villagecat.checks.certificate import (
    CertificateNotRenderedError,
    CertificateRefusedError,
    NoTemplateError,
    Rendered,
    render_certificate,
)
from villagecat.checks.facility import FacilityFigures, check_facility
from villagecat.checks.ledger import Ledger, LedgerError, read_facility_file, read_ledger, read_signs
from villagecat.checks.lint import lint
from villagecat.checks.signage import ActualSign, check_signage

__all__ = [
    "MEASURE_LIMIT",
    "ActualSign",
    "CertificateNotRenderedError",
    "CertificateRefusedError",
    "CheckReport",
    "FacilityFigures",
    "Finding",
    "InvalidMeasurementError",
    "Ledger",
    "LedgerError",
    "NoTemplateError",
    "Rendered",
    "admit",
    "audit",
    "check_facility",
    "check_signage",
    "lint",
    "read_facility_file",
    "read_ledger",
    "read_signs",
    "render_certificate",
]
