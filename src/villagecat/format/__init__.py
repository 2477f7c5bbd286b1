"""The villagecat package format: its version, its registry of kinds and fields, its rules.

- :mod:`villagecat.format.registry`: every kind of item and every field, declared once.
- :mod:`villagecat.format.rules`: typed merge rules and the one definition of tightening.
- :mod:`villagecat.format.codec`: how a value is written in a CSV or workbook cell.
- :mod:`villagecat.format.upgrade`: reading any earlier format through a chain of upgraders.

Every package villagecat writes declares :data:`FORMAT_VERSION` in its descriptor.
Everything written before the declaration existed is format 0.
"""

from __future__ import annotations

__all__ = ["FORMAT_VERSION"]

#: The format this version of villagecat writes.
FORMAT_VERSION = 2
