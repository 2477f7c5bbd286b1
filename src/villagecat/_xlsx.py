"""Opening Excel workbooks within the budgets: checked as a zip first, read row by row, bounded.

A workbook is a zip of XML. A 5 KB file with one cell at XFD1048576 declares sixteen
thousand columns and a million rows; a small file can inflate to gigabytes. Both are
refused before openpyxl builds anything, with the budget they exceed.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from typing import TYPE_CHECKING, Any, NamedTuple

from villagecat._budget import exceeded, limit
from villagecat.errors import PackageReadError

if TYPE_CHECKING:
    from collections.abc import Callable

    from openpyxl.workbook.workbook import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

__all__ = [
    "HEADER_SEARCH",
    "ErrorCell",
    "PercentCell",
    "SheetRows",
    "bounded_rows",
    "column_letter",
    "header_below",
    "open_workbook",
    "read_sheet",
]


def column_letter(index: int) -> str:
    """The letter a spreadsheet shows over the column at 0-based ``index``: 0 → A, 25 → Z, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


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
    name = label.replace("\\", "/").rsplit("/", 1)[-1]
    if locked := lock_file_of(name):  # LibreOffice's .~lock.X#, Excel's ~$X: X is open, and this is no workbook
        raise PackageReadError.at(label, "workbook-lock-file", workbook=locked)
    if name.lower().endswith(".csv") and not data.startswith(b"PK"):  # one sheet saved alone: the others are not in it
        raise PackageReadError.at(label, "workbook-csv")
    if data.startswith(_OLE2):  # Excel 97-2003 (.xls), WPS (.et), or a workbook with a password: not a zip
        raise PackageReadError.at(label, "workbook-encrypted" if _encrypted(data) else "workbook-xls")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            check_archive(archive, label)
            if _opendocument(archive):  # LibreOffice's own .ods, whatever the file is called
                raise PackageReadError.at(label, "workbook-ods")
    except zipfile.BadZipFile:
        raise PackageReadError.at(label, "not-a-workbook") from None
    openpyxl = _openpyxl()
    try:
        book: Workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds for a broken file
        raise PackageReadError.at(label, "workbook-unreadable", detail=exc) from None
    return book


#: The lock file a spreadsheet keeps beside a workbook it has open: LibreOffice's ``.~lock.X#``, Excel's ``~$X``.
_LOCK_FILE = re.compile(r"\.~lock\.(.+)#|~\$(.+)")


def lock_file_of(name: str) -> str | None:
    """The workbook a lock file's name says is open (``.~lock.蜀山区目录.xlsx#``: 蜀山区目录.xlsx), else None."""
    found = _LOCK_FILE.fullmatch(name)
    return None if found is None else found.group(1) or found.group(2)


def lock_files(workbook: str) -> tuple[str, ...]:
    """The names a spreadsheet gives the lock file of ``workbook`` while it has it open.

    Excel writes ``~$`` over a long name's first two characters (``~$山区目录.xlsx``), else before it.
    """
    trimmed = (f"~${workbook[2:]}",) if len(workbook.rsplit(".", 1)[0]) > _EXCEL_TRIMS else ()
    return tuple(dict.fromkeys((f".~lock.{workbook}#", f"~${workbook}", *trimmed)))


#: A name longer than this (its extension aside) Excel's lock file writes without its first two characters.
_EXCEL_TRIMS = 6


#: The first bytes of an OLE2 compound file: an Excel 97-2003 workbook (.xls), WPS's .et, or an
#: .xlsx saved with a password to open it (its zip encrypted inside, as ``EncryptedPackage``).
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
#: An OLE2 directory entry: 128 bytes, at a multiple of 128 from the file's start (sectors follow a 512- or
#: 4096-byte header), its name in UTF-16 with its terminator first, the name's length in bytes at offset 64.
_OLE2_ENTRY = 128
_ENCRYPTED_NAME = "EncryptedPackage\0".encode("utf-16-le")


def _encrypted(data: bytes) -> bool:
    """Whether an OLE2 file holds an ``EncryptedPackage`` stream: an .xlsx saved with a password to open it.

    The directory may lie anywhere in the file (a large workbook's beyond its first mebibyte), so the whole file
    is searched, and only a directory entry counts: the name at an entry's start, its length beside it (a cell of
    an .xls that reads EncryptedPackage is no entry).
    """
    length = len(_ENCRYPTED_NAME).to_bytes(2, "little")
    at = data.find(_ENCRYPTED_NAME)
    while at != -1:
        if at % _OLE2_ENTRY == 0 and data[at + 64 : at + 66] == length:
            return True
        at = data.find(_ENCRYPTED_NAME, at + 1)
    return False


def _opendocument(archive: zipfile.ZipFile) -> bool:
    """Whether a zip is an OpenDocument file (.ods): its first member, ``mimetype``, says so."""
    try:
        kind = archive.read("mimetype")[:100] if "mimetype" in archive.namelist() else b""
    except (zipfile.BadZipFile, OSError, RuntimeError, ValueError, NotImplementedError):
        return False
    return kind.startswith(b"application/vnd.oasis.opendocument")


class SheetRows(NamedTuple):
    """A sheet's rows as values, merged cells read as the clerk sees them.

    Attributes:
        rows: Each row's values; every cell of a merged range holds its top-left value.
        merged: The merged ranges whose value was so copied into other cells (``A2:A8``).
        hidden_rows: The hidden rows (1-based, as the sheet numbers them) that hold a value: read all the same.
        hidden_columns: The hidden columns (0-based) that hold a value below row 1: read all the same.
    """

    rows: list[list[Any]]
    merged: tuple[str, ...]
    hidden_rows: tuple[int, ...] = ()
    hidden_columns: tuple[int, ...] = ()


def bounded_rows(sheet: Worksheet, where: str) -> list[list[Any]]:
    """Return a sheet's rows as lists of values (as :func:`read_sheet`), without the ranges that were merged."""
    return read_sheet(sheet, where).rows


def read_sheet(sheet: Worksheet, where: str, *, ledger: bool = False) -> SheetRows:
    """Return a sheet's rows as lists of values, refusing a sheet beyond the row or column budget.

    The sheet's declared size is checked first, then every row as it is read, so neither a
    lying dimension nor a far-away cell costs more than the budgets.

    A merged range (宽度 merged down four plaques, 村名 down a village's rows) shows its
    top-left value in every cell it covers, and the file holds the value only there: each
    covered cell is given that value, in each row that holds a value of its own (a spare
    row the range runs into stays empty).

    ``ledger``: a ledger's sheet, audited: to be checked again (再核查), not imported.

    Raises:
        PackageReadError: if a formula was never computed, or two merged ranges overlap.
        BudgetExceededError: if the sheet is beyond the row or column budget.
    """
    label = f"{where}，工作表“{sheet.title}”"  # as every problem of a sheet names it, never 台账.xlsx:设施
    try:  # the sheet's XML is parsed as it is read
        return _read_sheet(sheet, label, "ledger" if ledger else "workbook")
    except SyntaxError as exc:  # xml.etree's ParseError: a character XML cannot hold, a file cut short
        raise PackageReadError.at(label, "workbook-sheet-damaged", zh_alone=True, detail=exc) from None


def _read_sheet(sheet: Worksheet, label: str, said: str) -> SheetRows:
    rows_budget, columns_budget = limit("rows"), limit("columns")
    if sheet.max_row is None or sheet.max_column is None:  # no declared size: measure it (one pass over the XML)
        sheet.calculate_dimension(force=True)
    declared_rows, declared_columns = sheet.max_row or 0, sheet.max_column or 0
    if declared_rows > rows_budget + 1:
        raise exceeded("rows", label, declared_rows)
    if declared_columns > columns_budget:
        raise exceeded("columns", label, declared_columns)
    xml = _sheet_xml(sheet)
    _refuse_uncomputed_formulas(xml, label, said)
    rows = [[_value(cell) for cell in cells] for cells in sheet.iter_rows(max_col=max(declared_columns, 1))]
    merged = _fill_merged(rows, _merged_ranges(xml), label)
    return SheetRows(rows, merged, *_hidden(xml, rows))


#: A row's or a column's opening tag in a sheet's XML, and its attributes (with or without a namespace prefix).
_ROW_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?row\s([^>]*)>")
_COL_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?col\s([^>]*)>")
#: ``hidden="1"`` (Excel, openpyxl) or ``hidden="true"`` (LibreOffice), and the numbers a tag gives.
_HIDDEN = re.compile(rb'\bhidden\s*=\s*["\'](?:1|true)["\']')
_NUMBER = {name: re.compile(rb"\b" + name + rb'\s*=\s*["\']([0-9]{1,7})["\']') for name in (b"r", b"min", b"max")}


def _hidden(xml: bytes | None, rows: list[list[Any]]) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """The hidden rows that hold a value (1-based) and the hidden columns that hold one below row 1 (0-based).

    A clerk hides a row to "remove" it; it is read all the same, so the import must say so.
    Bounded by the rows and columns read, whatever ranges the XML declares.
    """

    def number(attributes: bytes, name: bytes) -> int | None:
        found = _NUMBER[name].search(attributes)
        return int(found.group(1)) if found else None

    def filled(value: object) -> bool:
        return value is not None and str(value).strip() != ""

    if xml is None:
        return (), ()
    hidden_rows: list[int] = []
    for tag in _ROW_TAG.finditer(xml):
        row = number(tag.group(1), b"r")
        if _HIDDEN.search(tag.group(1)) and row is not None and row <= len(rows) and any(map(filled, rows[row - 1])):
            hidden_rows.append(row)
    width = max((len(row) for row in rows), default=0)
    hidden_columns: set[int] = set()
    looked: set[int] = set()  # each column is looked at once, however many tags declare it
    for tag in _COL_TAG.finditer(xml):
        first, last = number(tag.group(1), b"min"), number(tag.group(1), b"max")
        if not _HIDDEN.search(tag.group(1)) or first is None:
            continue
        for col in range(first - 1, min(last or first, width)):
            if col not in looked and any(col < len(row) and filled(row[col]) for row in rows[1:]):
                hidden_columns.add(col)
            looked.add(col)
    return tuple(sorted(set(hidden_rows))), tuple(sorted(hidden_columns))


#: A merged range in a sheet's XML: ``<mergeCell ref="A2:A8"/>`` (with or without a namespace prefix).
_MERGED = re.compile(rb'<(?:[A-Za-z_][\w.-]*:)?mergeCell\s[^>]*?\bref="([A-Za-z]{1,3}[0-9]+:[A-Za-z]{1,3}[0-9]+)"')


def _merged_ranges(xml: bytes | None) -> list[str]:
    return [found.decode().upper() for found in _MERGED.findall(xml)] if xml is not None else []


def _fill_merged(rows: list[list[Any]], ranges: list[str], label: str) -> tuple[str, ...]:
    """Give every covered cell of each range its top-left value; return the ranges that filled a cell.

    Each cell is covered at most once (overlapping ranges are a damaged file, refused), so the
    work is bounded by the cells read, whatever the ranges declare.
    """
    from openpyxl.utils.cell import range_boundaries  # noqa: PLC0415 - openpyxl is loaded by now

    own = [any(v not in (None, "") for v in row) for row in rows]
    covered: set[tuple[int, int]] = set()
    filled: list[tuple[int, int, str]] = []
    for ref in ranges:
        first_col, first_row, last_col, last_row = (int(n) for n in range_boundaries(ref))
        top = rows[first_row - 1] if first_row <= len(rows) else []
        value = top[first_col - 1] if first_col <= len(top) else None
        copied = False
        for number in range(first_row, min(last_row, len(rows)) + 1):
            row = rows[number - 1]
            for col in range(first_col, min(last_col, len(row)) + 1):
                if (number, col) in covered:
                    raise PackageReadError.at(label, "workbook-merged-overlap", cell=ref)
                covered.add((number, col))
                if (number, col) != (first_row, first_col) and own[number - 1]:
                    row[col - 1] = value
                    copied = copied or value not in (None, "")
        if copied:
            filled.append((first_row, first_col, ref))
    return tuple(ref for *_, ref in sorted(filled))  # as the sheet reads: by row, then column


#: How many rows below row 1 a header moved down by a title block (a title, 填表说明, a date line) is looked
#: for: fifty rows of notes are found, and a sheet with no header costs at most these rows, whatever its length.
HEADER_SEARCH = 100
#: The longest cell compared with the column titles while the header is looked for: a title is a few
#: characters, and a cell of a note or a pasted paragraph is never one (nor costs its length to compare).
_TITLE_LONGEST = 40


def header_below(rows: list[list[Any]], known: Callable[[str], bool]) -> int | None:
    """The row a sheet's header is on, where it is below row 1; ``None`` where row 1 is the header.

    Chinese tables put a title above the header (西湖区村级组织工作事务清单, merged across the
    columns), often with rows of 填表说明 below it; read as the header, it makes every heading
    unknown and every column missing. Or group titles (标牌信息 merged over 名称 and 位置) beside
    columns merged down both rows (村名): row 1 names some columns beside titles it does not
    know, and row 2 names only columns, more of them. Either is one problem, never each title an
    unknown column. Only the first :data:`HEADER_SEARCH` rows below row 1 are looked at.
    """

    def titles(row: list[Any]) -> list[str]:
        return [str(v).strip() for v in row if v is not None and str(v).strip()]

    def named(row: list[Any]) -> int:
        return sum(len(t) <= _TITLE_LONGEST and known(t) for t in titles(row))

    if not rows:
        return None
    first = named(rows[0])
    if not first:
        return next((n for n, row in enumerate(rows[1 : HEADER_SEARCH + 1], start=2) if named(row) >= 2), None)
    if len(rows) < 2 or first == len(titles(rows[0])):
        return None
    second = titles(rows[1])
    below = named(rows[1])
    return 2 if below >= 2 and below == len(second) and below > first else None


class PercentCell(float):
    """A number in a cell formatted as a percentage: 0.7 that the clerk sees as 70%."""

    def shown(self) -> str:
        """The cell as the clerk sees it: ``70%``."""
        return f"{round(self * 100, 10):g}%"


class ErrorCell(str):
    """A cell showing a formula's error (``#DIV/0!``, ``#N/A``, ``#REF!``): what the clerk sees is no value."""

    __slots__ = ()


#: What a number format shows besides its date codes: a quoted or escaped literal (``"年"``, ``\\月``),
#: a locale or colour tag (``[$-804]``), a padding or fill character (``_)``, ``*-``), an AM/PM marker.
_FORMAT_LITERALS = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]|[_*].|am/pm|a/p', re.IGNORECASE)


def _date_shown(value: dt.date, number_format: str | None) -> str | None:
    """A date cell as precisely as its format shows it, where that is less than a day: ``2024-06``, ``2024``.

    A spreadsheet stores a date typed to the month (2024年6月, 2024-06) as the month's first day
    and shows it without the day; read to the day, it would hold a day the clerk never wrote.
    None where the format shows the day (or is no date format villagecat can read: a time, a
    month without its year), so the cell is read as the date it holds.
    """
    codes = _FORMAT_LITERALS.sub("", (number_format or "").split(";")[0]).lower()
    if "d" in codes or "h" in codes or "s" in codes or "a" in codes or not ("y" in codes or "e" in codes):
        return None
    return f"{value.year:04d}-{value.month:02d}" if "m" in codes else f"{value.year:04d}"


def _value(cell: Any) -> Any:  # noqa: ANN401 - a cell of any kind
    value = getattr(cell, "value", None)
    if getattr(cell, "data_type", None) == "e" and isinstance(value, str):
        return ErrorCell(value)
    if isinstance(value, dt.date) and (shown := _date_shown(value, getattr(cell, "number_format", None))) is not None:
        return shown  # a date typed to the month, read as the clerk sees it
    if (
        isinstance(value, int | float)
        and not isinstance(value, bool)
        and "%" in (getattr(cell, "number_format", None) or "")
    ):
        return PercentCell(value)
    return value


#: A formula cell without a computed value: ``<f>…</f>`` then no ``<v>``, or an empty ``<v/>``.
_UNCOMPUTED = re.compile(rb'<c r="([A-Z]{1,3}[0-9]+)"[^>]*>\s*<f(?:\s[^>]*)?(?:/>|>[^<]*</f>)\s*(?:<v\s*/>\s*)?</c>')


def _sheet_xml(sheet: Worksheet) -> bytes | None:
    """The XML of a read-only sheet from a file, or None (a sheet built in memory)."""
    archive = getattr(sheet.parent, "_archive", None)
    path = getattr(sheet, "_worksheet_path", None)
    if archive is None or path is None:
        return None
    data: bytes = archive.read(path)
    return data


def _refuse_uncomputed_formulas(xml: bytes | None, label: str, said: str) -> None:
    """Refuse a sheet with a formula whose value was never computed: it would read as an empty cell.

    Excel, WPS and LibreOffice store each formula's value when they save; a workbook written
    by a program may not, and its formula cells would be imported as empty, silently.
    """
    found = _UNCOMPUTED.search(xml) if xml is not None else None
    if found is not None:
        raise PackageReadError.at(label, f"{said}-uncomputed-formula", cell=found.group(1).decode())
