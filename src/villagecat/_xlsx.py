"""Opening Excel workbooks within the budgets: checked as a zip first, read row by row, bounded.

A workbook is a zip of XML. A 5 KB file with one cell at XFD1048576 declares sixteen
thousand columns and a million rows; a small file can inflate to gigabytes. Both are
refused before openpyxl builds anything, with the budget they exceed.
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import TYPE_CHECKING, Any

from villagecat._budget import exceeded, limit
from villagecat.errors import PackageReadError

if TYPE_CHECKING:
    from openpyxl.workbook.workbook import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

__all__ = ["PercentCell", "bounded_rows", "open_workbook"]


def _openpyxl() -> Any:  # noqa: ANN401 - the module
    try:
        import openpyxl  # noqa: PLC0415 - only workbooks need it
    except ImportError:
        raise PackageReadError.at("openpyxl", "openpyxl-missing") from None
    return openpyxl


def open_workbook(where: object, data: bytes) -> Workbook:
    """Return a read-only workbook from its bytes, once its zip has passed the budgets.

    Raises:
        PackageReadError: if it is not a readable workbook.
        BudgetExceededError: if it would inflate beyond the budgets.
    """
    from villagecat._source import check_archive  # noqa: PLC0415

    label = str(where)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            check_archive(archive, label)
    except zipfile.BadZipFile:
        raise PackageReadError.at(label, "not-a-workbook") from None
    openpyxl = _openpyxl()
    try:
        book: Workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds for a broken file
        raise PackageReadError.at(label, "workbook-unreadable", detail=exc) from None
    return book


def bounded_rows(sheet: Worksheet, where: str) -> list[list[Any]]:
    """Return a sheet's rows as lists of values, refusing a sheet beyond the row or column budget.

    The sheet's declared size is checked first, then every row as it is read, so neither a
    lying dimension nor a far-away cell costs more than the budgets.
    """
    rows_budget, columns_budget = limit("rows"), limit("columns")
    label = f"{where}:{sheet.title}"
    if sheet.max_row is None or sheet.max_column is None:  # no declared size: measure it (one pass over the XML)
        sheet.calculate_dimension(force=True)
    declared_rows, declared_columns = sheet.max_row or 0, sheet.max_column or 0
    if declared_rows > rows_budget + 1:
        raise exceeded("rows", label, declared_rows)
    if declared_columns > columns_budget:
        raise exceeded("columns", label, declared_columns)
    _refuse_uncomputed_formulas(sheet, label)
    return [[_value(cell) for cell in cells] for cells in sheet.iter_rows(max_col=max(declared_columns, 1))]


class PercentCell(float):
    """A number in a cell formatted as a percentage: 0.7 that the clerk sees as 70%."""

    def shown(self) -> str:
        """The cell as the clerk sees it: ``70%``."""
        return f"{round(self * 100, 10):g}%"


def _value(cell: Any) -> Any:  # noqa: ANN401 - a cell of any kind
    value = getattr(cell, "value", None)
    if (
        isinstance(value, int | float)
        and not isinstance(value, bool)
        and "%" in (getattr(cell, "number_format", None) or "")
    ):
        return PercentCell(value)
    return value


#: A formula cell without a computed value: ``<f>…</f>`` then no ``<v>``, or an empty ``<v/>``.
_UNCOMPUTED = re.compile(rb'<c r="([A-Z]{1,3}[0-9]+)"[^>]*>\s*<f(?:\s[^>]*)?(?:/>|>[^<]*</f>)\s*(?:<v\s*/>\s*)?</c>')


def _refuse_uncomputed_formulas(sheet: Worksheet, label: str) -> None:
    """Refuse a sheet with a formula whose value was never computed: it would read as an empty cell.

    Excel, WPS and LibreOffice store each formula's value when they save; a workbook written
    by a program may not, and its formula cells would be imported as empty, silently.
    """
    archive = getattr(sheet.parent, "_archive", None)
    path = getattr(sheet, "_worksheet_path", None)
    if archive is None or path is None:  # not a read-only sheet from a file: nothing to look at
        return
    found = _UNCOMPUTED.search(archive.read(path))
    if found is not None:
        raise PackageReadError.at(label, "workbook-uncomputed-formula", cell=found.group(1).decode())
