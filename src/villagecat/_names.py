"""Normalising names for lookups and for identity across layers.

Two names are the same item's when they differ only in width (full-width ``（）`` and
ASCII ``()``), compatibility forms, or white space: ``健在证明 `` and ``健在证明``,
``社区戒毒社区康复人员情况证明(表现证明)`` and its full-width form.
"""

from __future__ import annotations

import unicodedata

__all__ = ["normalise_name"]


def normalise_name(name: str) -> str:
    """Return the form of ``name`` that lookups and identity compare: NFKC, no white space, case folded."""
    folded = unicodedata.normalize("NFKC", name).casefold()
    return "".join(folded.split())
