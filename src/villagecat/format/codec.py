r"""The cell codec of format 1: how one value is written in one CSV (or workbook) cell.

- A **list** is one cell, its entries joined by ``|``. A ``|`` or ``\`` inside an entry
  is written ``\|`` or ``\\``, so every text survives a save and a load: ``a\|b|c`` is
  the two entries ``a|b`` and ``c``. Spaces around entries are not kept, and empty entries
  are dropped (``a||b|`` is ``a``, ``b``); a ``\`` before any other character stands for
  itself.
- A **boolean** is ``true`` or ``false``; ``TRUE``/``True``, ``FALSE``/``False`` (as spreadsheets
  write them) and ``是``/``否`` are read too, exactly so: the descriptor declares these spellings as the
  Table Schema's ``trueValues`` and ``falseValues``, which ``frictionless`` reads as written (no other
  case, no spaces around).
- A **number** is written in the shortest form that reads back as the same value
  (``300``, ``2.5``).
- **Text** is the text itself: quotes, ``「」``, ``#`` and newlines need no escaping (the CSV
  layer quotes the cell).
- A **date** is written ``2023-09-01``, ``2023-09`` or ``2023``. A date as a spreadsheet or a clerk writes
  it, year first (``2023/9/1``, ``2023年9月1日``, ``2023.9.1``, ``2023/9``), is read by :func:`local_date`
  where villagecat rewrites it (a workbook's cell, a CSV cell a spreadsheet saved); the published
  Table Schema refuses it.
- An **empty** cell means "not given".

Everything structured (a citation, an override's value) is written with these same
rules; the JSON form of a package holds JSON values instead and needs no codec.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = [
    "ESCAPE",
    "FALSE_VALUES",
    "LIST_DELIMITER",
    "TRUE_VALUES",
    "format_number",
    "join_list",
    "local_date",
    "parse_bool",
    "split_list",
]

LIST_DELIMITER = "|"
ESCAPE = "\\"
#: The spellings of true and of false a CSV cell may hold, the first the one written (published as the Table
#: Schema's trueValues and falseValues, which a reader of the schema matches exactly).
TRUE_VALUES = ("true", "TRUE", "True", "是")
FALSE_VALUES = ("false", "FALSE", "False", "否")
_BOOLEANS = {**dict.fromkeys(TRUE_VALUES, True), **dict.fromkeys(FALSE_VALUES, False)}


def join_list(values: Iterable[object]) -> str:
    r"""Return the cell holding ``values``: entries joined by ``|``, ``|`` and ``\`` escaped."""
    return LIST_DELIMITER.join(
        str(value).replace(ESCAPE, ESCAPE + ESCAPE).replace(LIST_DELIMITER, ESCAPE + LIST_DELIMITER) for value in values
    )


def split_list(cell: str) -> list[str]:
    """Return the entries of a list cell (the inverse of :func:`join_list`).

    Entries are stripped of surrounding spaces; empty entries are dropped.
    """
    entries: list[str] = []
    current: list[str] = []
    chars = iter(cell)
    for char in chars:
        if char == ESCAPE:
            following = next(chars, None)
            if following in (ESCAPE, LIST_DELIMITER):
                current.append(following)
            else:
                current.append(ESCAPE)
                if following is not None:
                    current.append(following)
        elif char == LIST_DELIMITER:
            entries.append("".join(current))
            current = []
        else:
            current.append(char)
    entries.append("".join(current))
    return [entry.strip() for entry in entries if entry.strip()]


def parse_bool(cell: str) -> bool | None:
    """Return the boolean a cell holds, or None if it holds none of the accepted spellings (as written)."""
    return _BOOLEANS.get(cell)


def format_number(value: float) -> str:
    """Return a number in the shortest form that reads back as the same value."""
    number = float(value)
    return str(int(number)) if number.is_integer() and abs(number) < 2**53 else repr(number)


#: A date year first, as a spreadsheet or a clerk writes it: 2023/9/1, 2023年9月1日, 2023.9.1, 2023-9-1, 2023/9.
#: Digits are ASCII (``\d`` would take ２０２３, which no date of the format holds).
_LOCAL_DATE = re.compile(r"^([0-9]{4})\s*[年/.\-]\s*([0-9]{1,2})\s*(?:[月/.\-]\s*([0-9]{1,2})\s*日?|月)?$")


def local_date(text: str) -> str | None:
    """Return the format's form (2023-09-01, 2023-09) of a date written year first otherwise; None if it is not one.

    The year has four digits and comes first: a two-digit year, or a day or a month first
    (1/9/2023, which a locale reads either way), is never guessed. The calendar is not checked.
    """
    match = _LOCAL_DATE.match(text)
    if match is None:
        return None
    year, month, day = match.groups()
    return f"{year}-{int(month):02d}" + (f"-{int(day):02d}" if day else "")
