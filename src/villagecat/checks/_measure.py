"""Measurements a check is given: finite, not negative, refused clearly otherwise."""

from __future__ import annotations

import math
import numbers

from villagecat._i18n import Both, pair
from villagecat.checks._fields import title
from villagecat.errors import VillagecatError

__all__ = ["MEASURE_LIMIT", "InvalidMeasurementError", "check_measurement", "place"]

#: No facility, sign or village measures more: 10 km² of floor, 100 km of plaque, ten million
#: households. A figure past it is a typing mistake, and a check on it would print float noise.
MEASURE_LIMIT = 10_000_000


class InvalidMeasurementError(VillagecatError, ValueError):
    """A size, area or count that is not a finite, non-negative number (NaN, infinite, negative)."""

    __module__ = "villagecat.checks"  # as a traceback names it: the module that exports it


def place(village: str) -> Both:
    """Where a measurement is, before its message: 榆树村：, or nothing for one unnamed village."""
    return Both(f"{village}：" if village else "", f"{village}: " if village else "")


def check_measurement(name: str, value: float | None, *, village: str = "", required: bool = False) -> None:
    """Refuse a measurement that no facility or plaque can have, or that is no number (``"280"`` from a form).

    Raises:
        InvalidMeasurementError: naming the village (if any), the field and the value.
    """
    where = place(village)
    if value is None and not required:
        return
    if not isinstance(value, numbers.Real):  # None where a figure is required, text, a Decimal's cousin
        kind = "None" if value is None else type(value).__name__
        raise InvalidMeasurementError.said(
            "measure-not-number", village=where, name=Both(title(name), name), kind=kind, value=value
        )
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e18:  # as written: 20000000, not 2e+07
        value = int(value)
    shown = Both(title(name), name)
    finite = isinstance(value, int) or math.isfinite(value)  # a huge int has no float: compare it as it is
    if isinstance(value, bool) or not finite or value < 0:
        raise InvalidMeasurementError.said("measure-not-finite", village=where, name=shown, value=value)
    if value > MEASURE_LIMIT:
        digits = len(str(int(value))) if isinstance(value, int) else 0
        said = Both(*pair("measure-digits", digits=digits)) if digits > 40 else value  # never 400 digits in a message
        raise InvalidMeasurementError.said(
            "measure-too-large", village=where, name=shown, value=said, limit=MEASURE_LIMIT
        )
