"""A CSV saved with another delimiter than the comma: told once, by the delimiter, never column by column.

LibreOffice offers the semicolon when it saves a CSV, and Excel uses it where the comma is
the decimal mark; a tab-separated export is saved as ``.csv`` too. Read with commas, every
line is one cell, and the header one unknown column whose name is the whole line.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from villagecat._i18n import Both

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = ["other_delimiter"]

#: Delimiters a spreadsheet may save a CSV with instead of the comma, as each language names them.
_OTHER = {";": Both("分号（;）", "semicolons (;)"), "\t": Both("制表符（Tab）", "tabs")}


def other_delimiter(header: list[str], known: Callable[[str], bool]) -> Both | None:
    """The words for the delimiter a comma-read header was written with, or None.

    Args:
        header: The header as read with commas.
        known: Whether a column name is one the file may have.

    Returns:
        The delimiter in words, where the header is one cell that, split at it, names only
        known columns.
    """
    if len(header) != 1:
        return None
    for delimiter, words in _OTHER.items():
        names = [name.strip().strip('"') for name in header[0].split(delimiter)]
        if len(names) > 1 and all(known(name) for name in names):
            return words
    return None
