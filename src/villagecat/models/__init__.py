"""Typed models of every kind of catalog item, and the layer that holds them."""

from __future__ import annotations

from villagecat.models._problems import problems_of
from villagecat.models.certificate import Certificate, template_placeholders
from villagecat.models.document import Citation, Clause, Document
from villagecat.models.duty import Duty
from villagecat.models.facility import FacilityStandard
from villagecat.models.layer import AdmissionRoute, Layer, ParentRef, Release
from villagecat.models.mechanism import Mechanism
from villagecat.models.obligation import Milestone, Obligation
from villagecat.models.operation import Cancellation, MergeOp, Override
from villagecat.models.sign import Sign, SignQuota
from villagecat.models.vocab import (
    AlternativeHandling,
    AssistActivity,
    Authority,
    CertificateStatus,
    CharacterStandard,
    Colour,
    DutyKind,
    Funding,
    Level,
    MechanismBasis,
    MechanismType,
    Modality,
    Orientation,
    Placement,
    ReportFrequency,
    Scope,
    SignType,
)

#: Every kind of item, in the order a package lists its resources. The format registry
#: (:mod:`villagecat.format.registry`) is built from these models and nothing else.
KIND_MODELS = (
    Document,
    Clause,
    Duty,
    Mechanism,
    Sign,
    SignQuota,
    Certificate,
    FacilityStandard,
    Obligation,
    Milestone,
    Override,
    Cancellation,
)

__all__ = [
    "KIND_MODELS",
    "AdmissionRoute",
    "AlternativeHandling",
    "AssistActivity",
    "Authority",
    "Cancellation",
    "Certificate",
    "CertificateStatus",
    "CharacterStandard",
    "Citation",
    "Clause",
    "Colour",
    "Document",
    "Duty",
    "DutyKind",
    "FacilityStandard",
    "Funding",
    "Layer",
    "Level",
    "Mechanism",
    "MechanismBasis",
    "MechanismType",
    "MergeOp",
    "Milestone",
    "Modality",
    "Obligation",
    "Orientation",
    "Override",
    "ParentRef",
    "Placement",
    "Release",
    "ReportFrequency",
    "Scope",
    "Sign",
    "SignQuota",
    "SignType",
    "problems_of",
    "template_placeholders",
]
