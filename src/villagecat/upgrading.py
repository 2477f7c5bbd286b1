"""Upgrading a package on disk to the current format: read through the upgraders, write format 1.

:mod:`villagecat.format.upgrade` holds the steps themselves; this module reads a package
of any format, checks it, and writes it back in the current format.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from villagecat.format import FORMAT_VERSION

if TYPE_CHECKING:
    import os

    from villagecat.report import ValidationReport

__all__ = ["UpgradeResult", "upgrade_package"]


@dataclass(frozen=True)
class UpgradeResult:
    """What an upgrade did: the report of reading, the folder written, the formats, and what it repaired.

    Attributes:
        repaired: What the rewrite mended, as ``(file, code, count)`` in the order read: each problem of
            the package as written that the current format's writing replaces (:data:`~villagecat.package.REWRITTEN`:
            a blank row or a run of them, a column without a name, a date a spreadsheet rewrote, an older
            format's yes or no, the descriptor's table schema), counted as ``validate`` lists them.
    """

    report: ValidationReport
    written: Path | None
    from_format: int | None
    to_format: int = FORMAT_VERSION
    repaired: tuple[tuple[str, str, int], ...] = ()


def _declared(path: str | os.PathLike[str]) -> int | None:
    from villagecat._source import open_source  # noqa: PLC0415
    from villagecat.format.upgrade import UnknownFormatError, declared_format  # noqa: PLC0415
    from villagecat.package import _read_descriptor  # noqa: PLC0415

    try:
        return declared_format(_read_descriptor(open_source(path)))
    except (UnknownFormatError, OSError):
        return None


def upgrade_package(
    path: str | os.PathLike[str],
    output: str | os.PathLike[str] | None = None,
    *,
    fmt: Literal["csv", "json"] | None = None,
) -> UpgradeResult:
    """Read a package of any format and write it in the current one.

    Nothing is written when the package cannot be read or is not valid once upgraded.

    Args:
        path: The package (a folder, its ``datapackage.json``, or a zip when ``output`` is given).
        output: Where to write; default the package's own folder.
        fmt: ``csv`` or ``json``; default the form the package was in.

    Returns:
        The report, and the folder written (None if nothing was).

    Raises:
        InvalidRequestError: for a zip without ``output``: a zip is not rewritten in place.
    """
    from villagecat.package import REWRITTEN, package_form, read_package, save_layer  # noqa: PLC0415
    from villagecat.validation import check_package  # noqa: PLC0415

    source = Path(path)
    if output is None and source.is_file() and source.name != "datapackage.json":
        from villagecat.errors import InvalidRequestError  # noqa: PLC0415

        raise InvalidRequestError.because("upgrade-zip-needs-output", path=str(source))
    from_format = _declared(path)
    package, report = read_package(path)
    mended = Counter((p.file, p.code) for p in report.problems if p.code in REWRITTEN)
    report.problems[:] = [p for p in report.problems if p.code not in REWRITTEN]  # what the rewrite replaces
    if package is not None and report.readable:
        check_package(package, report)
    if package is None or not report.valid:
        return UpgradeResult(report, None, None)
    target = Path(output) if output is not None else (source.parent if source.is_file() else source)
    written = save_layer(package, target, fmt=fmt or package_form(path))
    return UpgradeResult(report, written, from_format, repaired=tuple((f, c, n) for (f, c), n in mended.items()))
