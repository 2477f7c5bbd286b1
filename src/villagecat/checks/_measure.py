"""Measurements a check is given: finite, not negative, refused clearly otherwise."""

from __future__ import annotations

import math

from villagecat._i18n import Both
from villagecat.errors import VillagecatError

__all__ = ["InvalidMeasurementError", "check_measurement"]


class InvalidMeasurementError(VillagecatError, ValueError):
    """A size, area or count that is not a finite, non-negative number (NaN, infinite, negative)."""


def check_measurement(name: str, value: float | None, *, village: str = "") -> None:
    """Refuse a measurement that no facility or plaque can have.

    Raises:
        InvalidMeasurementError: naming the village (if any), the field and the value.
    """
    if value is None:
        return
    if isinstance(value, bool) or not math.isfinite(value) or value < 0:
        where = f"{village}：" if village else ""
        raise InvalidMeasurementError.said(
            "measure-not-finite", village=Both(where, f"{village}: " if village else ""), name=name, value=value
        )
