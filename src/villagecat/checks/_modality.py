"""How strongly a rule binds, as a check reports it: 不符合, 提示, or 提示 that the source does not say.

DOMAIN.md, "How strongly a rule binds": only a binding word (必须、应当、不得、一律、严禁) makes a
missed rule 不符合; 一般、原则上、为宜 and 为主 advise (提示). An empty modality is a source that does
not say how strongly its rule binds (「……60%以上」, a count stated as an outcome): it is no binding
word, so a miss is a 提示 of its own, that says so, never 不符合 and never a silent pass. A
permission (可、可以: may) binds no one: a village that does not use it misses nothing, and no
check reports it (:func:`reported`).
"""

from __future__ import annotations

from typing import Literal

from villagecat.models import Modality

__all__ = ["Strength", "level", "reported", "strength", "suffix"]

#: ``binds`` (must), ``advises`` (should, mainly), ``unstated`` (empty: the source does not say),
#: ``permits`` (may: never missed).
Strength = Literal["binds", "advises", "unstated", "permits"]


def strength(modality: Modality | None) -> Strength:
    """How a rule of ``modality`` binds: only ``must`` binds; empty is unstated, never binding; may permits."""
    if modality is None:
        return "unstated"
    if modality is Modality.MAY:
        return "permits"
    return "binds" if modality is Modality.MUST else "advises"


def reported(of: Strength) -> bool:
    """Whether a rule of this strength is reported when a place does otherwise: all but a permission."""
    return of != "permits"


def level(of: Strength) -> Literal["fail", "warn"]:
    """The level of a missed rule: 不符合 only where it binds."""
    return "fail" if of == "binds" else "warn"


def suffix(of: Strength) -> str:
    """The ending of a message key or finding code for a missed rule: ``""``, ``-advised`` or ``-unstated``."""
    return {"binds": "", "advises": "-advised", "unstated": "-unstated"}[of]
