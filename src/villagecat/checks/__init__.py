"""Checks that put the catalog to work: facilities, signage, certificates, ledgers, admission, lint.

Every check takes an effective catalog (see :func:`villagecat.resolve`) and returns a
:class:`CheckReport` of :class:`Finding` objects, each with a stable code, a level, the
rule's value, the observed value, the citation of the rule, and the place it judged (``scope``:
a village or an urban community). ``to_dict()`` returns a :class:`CheckReportDict` of
:class:`FindingDict` (typed dicts, key for key ``check-report.schema.json``).
"""

from __future__ import annotations

from villagecat.checks._measure import MEASURE_LIMIT, InvalidMeasurementError
from villagecat.checks._report import (
    CheckReport,
    CheckReportDict,
    CitationDict,
    Finding,
    FindingDict,
    FindingScope,
    FindingValue,
    LevelCounts,
)
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
    "CheckReportDict",
    "CitationDict",
    "FacilityFigures",
    "Finding",
    "FindingDict",
    "FindingScope",
    "FindingValue",
    "InvalidMeasurementError",
    "Ledger",
    "LedgerError",
    "LevelCounts",
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
