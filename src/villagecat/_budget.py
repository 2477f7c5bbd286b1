"""Budgets on the work a read may cost, and the one place that opens a user's file.

A small input must not cost unbounded time or memory: a 5 KB workbook with one cell at
XFD1048576, a 200 KB zip that inflates to gigabytes, a JSON file nested ten thousand deep,
``/dev/zero`` given as a ledger. Every read is bounded by the budgets below, each with a
default and an environment variable to raise it; exceeding one is a
:class:`~villagecat.errors.BudgetExceededError` (exit 2) that names the file, the budget
and how to raise it.

| budget | default | environment variable |
|---|---|---|
| bytes of one file | 64 MiB | ``VILLAGECAT_MAX_BYTES`` (or ``--max-bytes``) |
| bytes of a zip once inflated | 256 MiB | ``VILLAGECAT_MAX_INFLATED`` |
| inflation ratio of a zip member | 200 | ``VILLAGECAT_MAX_RATIO`` |
| files in a zip | 1,000 | ``VILLAGECAT_MAX_MEMBERS`` |
| resources in a descriptor | 32 | ``VILLAGECAT_MAX_RESOURCES`` |
| rows of one resource, ledger or sheet | 500,000 | ``VILLAGECAT_MAX_ROWS`` |
| columns of one table or sheet | 200 | ``VILLAGECAT_MAX_COLUMNS`` |
| entries of one list | 10,000 | ``VILLAGECAT_MAX_LIST`` |
| nesting of a JSON patch or levels file (any JSON: the parser's limit, about 1,000) | 64 | ``VILLAGECAT_MAX_DEPTH`` |

Only regular files are read: a FIFO, a device or a folder given as a file is refused
before it is opened, and no read takes more than the byte budget, whatever the file
system says its size is.
"""

from __future__ import annotations

import contextlib
import csv
import errno
import io
import json
import json.scanner
import os
import stat
import sys
from contextvars import ContextVar
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from villagecat._i18n import Both, os_reason, pair, reader_error
from villagecat.errors import BudgetExceededError, InvalidRequestError, PackageReadError

if TYPE_CHECKING:
    from _csv import Reader
    from collections.abc import Iterator

__all__ = [
    "BUDGETS",
    "AtLeast",
    "Budget",
    "csv_error_line",
    "csv_reader",
    "default_limits",
    "exceeded",
    "fixed_limits",
    "limit",
    "load_json",
    "over",
    "read_regular_file",
]

_FIXED: ContextVar[dict[str, int] | None] = ContextVar("villagecat_budgets", default=None)


@dataclass(frozen=True)
class Budget:
    """One bound on the work a read may cost: what it counts, in words a sentence takes (文件大小, the file's size)."""

    name: str
    default: int
    env: str
    zh: str
    en: str
    #: The unit a count of it is said in, with its space (" 字节", " bytes"); none for a number of things.
    unit: tuple[str, str] = ("", "")


class AtLeast(int):
    """A count known only to be at least this much: reading stopped past the limit (see :func:`over`)."""

    __slots__ = ()


#: Every budget, declared once: the table above is this table.
BUDGETS: dict[str, Budget] = {
    b.name: b
    for b in (
        Budget("bytes", 64 * 1024 * 1024, "VILLAGECAT_MAX_BYTES", "文件大小", "the file's size", (" 字节", " bytes")),
        Budget(
            "inflated",
            256 * 1024 * 1024,
            "VILLAGECAT_MAX_INFLATED",
            "zip 解压后的大小",
            "the zip's size once inflated",
            (" 字节", " bytes"),
        ),
        Budget("ratio", 200, "VILLAGECAT_MAX_RATIO", "zip 成员的压缩比", "a zip member's inflation ratio"),
        Budget("members", 1000, "VILLAGECAT_MAX_MEMBERS", "zip 中的文件数", "the number of files in the zip"),
        Budget(
            "resources", 32, "VILLAGECAT_MAX_RESOURCES", "数据包中的资源数", "the number of resources in the descriptor"
        ),
        Budget("rows", 500_000, "VILLAGECAT_MAX_ROWS", "表格行数", "the number of rows of one table"),
        Budget("columns", 200, "VILLAGECAT_MAX_COLUMNS", "表格列数", "the number of columns of one table"),
        Budget("list", 10_000, "VILLAGECAT_MAX_LIST", "一个列表的条目数", "the number of entries of one list"),
        Budget(
            "operations",
            1_000,
            "VILLAGECAT_MAX_OPERATIONS",
            "一层对同一条目同一字段的覆盖操作数",
            "the number of one layer's overrides of one field of one item",
        ),
        Budget(
            "depth", 64, "VILLAGECAT_MAX_DEPTH", "JSON 嵌套层数", "the nesting depth of the JSON", (" 层", " levels")
        ),
    )
}


def limit(name: str) -> int:
    """Return a budget's value: its environment variable if set to a whole number, else its default."""
    fixed = _FIXED.get()
    if fixed is not None:
        return fixed[name]
    budget = BUDGETS[name]
    raw = os.environ.get(budget.env, "").strip()
    return int(raw) if raw.isascii() and raw.isdigit() else budget.default  # ² is a digit, not a number


@contextlib.contextmanager
def _limits(values: dict[str, int]) -> Iterator[None]:
    """Hold every budget at ``values`` for what runs inside."""
    token = _FIXED.set(values)
    try:
        yield
    finally:
        _FIXED.reset(token)


@contextlib.contextmanager
def fixed_limits() -> Iterator[None]:
    """Read every budget once for a bulk read (a package, many packages): each check is then cheap."""
    if _FIXED.get() is not None:
        yield
        return
    with _limits({name: limit(name) for name in BUDGETS}):
        yield


def default_limits() -> contextlib.AbstractContextManager[None]:
    """Read at the default budgets, whatever the environment says (villagecat's own shipped data).

    A user's budgets bound the work their inputs may cost; the shipped layers are
    villagecat's own and are read as they were tested. The list budget is the exception: it
    is fixed in the models when they are imported (see :func:`villagecat.models._base.field`).
    """
    return _limits({name: budget.default for name, budget in BUDGETS.items()})


def given_max_bytes(max_bytes: int | None) -> int | None:
    """Return a caller's ``max_bytes`` (None: the budget's), refusing what no file could be read under.

    Raises:
        InvalidRequestError: (a ValueError) if it is not a whole number of one byte or more: not 0, -1,
            1.5, ``True`` or ``"10"`` (which ended in a TypeError, or in 超过上限 -1, where it was not checked).
    """
    if max_bytes is not None and (type(max_bytes) is not int or max_bytes < 1):
        raise InvalidRequestError.because("max-bytes-positive", value=max_bytes)
    return max_bytes


def over(limit_: int) -> AtLeast:
    """What was found when reading stopped past a limit: at least one more than it."""
    return AtLeast(limit_ + 1)


def exceeded(name: str, where: str, got: int, value: int | None = None) -> BudgetExceededError:
    """Return the error for a budget exceeded at ``where`` (``got`` is what was found, or :func:`over` a lower bound).

    One sentence per budget: 文件大小为 150 字节，超过上限 100 字节 (or 至少为, when reading stopped past the limit).
    """
    budget = BUDGETS[name]
    value = limit(name) if value is None else value
    key = "budget-exceeded-at-least" if isinstance(got, AtLeast) else "budget-exceeded"
    words = {"budget": Both(budget.zh, budget.en), "unit": Both(*budget.unit), "env": budget.env}
    zh, en = pair(key, got=int(got), limit=value, **words)
    return BudgetExceededError(where, name, value, en, zh)


def read_regular_file(path: str | os.PathLike[str], max_bytes: int | None = None, *, follow: bool = True) -> bytes:
    """Return the bytes of a regular file, refusing anything else and anything over the byte budget.

    The file is opened first (without blocking, so a FIFO cannot hang the reader) and what
    was opened is checked, so nothing can be swapped in between the check and the read.
    With ``follow=False`` a symbolic link is not opened, and the opening's own ``OSError``
    is raised as it is (``ELOOP`` for a link, ``FileNotFoundError``), for the caller to judge.

    Raises:
        PackageReadError: if the path is missing, not a regular file (a folder, a FIFO, a
            device), or unreadable.
        BudgetExceededError: if it holds more than the byte budget.
        OSError: when ``follow`` is false and the path cannot be opened (a link, a missing file).
    """
    target = os.fspath(path)
    budget = limit("bytes") if max_bytes is None else max_bytes
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    if not follow:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(target, flags)
    except OSError as exc:
        if not follow:
            raise
        if isinstance(exc, IsADirectoryError):
            raise PackageReadError.at(target, "read-folder") from None
        if isinstance(exc, FileNotFoundError):
            raise PackageReadError.at(target, "read-missing") from None
        if exc.errno == errno.ENXIO and _not_regular(target):  # a socket cannot be opened: said as what it is
            raise PackageReadError.at(target, "read-not-regular") from None
        raise PackageReadError.at(target, "read-os", reason=os_reason(exc)) from None
    try:
        data = _read_open(fd, target, budget)
    finally:
        os.close(fd)
    size = len(data)
    if size > budget:
        raise exceeded("bytes", target, over(budget), budget)
    return data


def _not_regular(target: str) -> bool:
    """Whether ``target`` is there and neither a regular file nor a folder (a socket, a FIFO, a device)."""
    try:
        mode = os.stat(target).st_mode  # noqa: PTH116 - a string path, as opened
    except OSError:
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def _read_open(fd: int, target: str, budget: int) -> bytes:
    """Read an opened file, if it is a regular one within the budget (at most ``budget + 1`` bytes)."""
    try:
        info = os.fstat(fd)
    except OSError as exc:
        raise PackageReadError.at(target, "read-os", reason=os_reason(exc)) from None
    if stat.S_ISDIR(info.st_mode):
        raise PackageReadError.at(target, "read-folder")
    if not stat.S_ISREG(info.st_mode):
        raise PackageReadError.at(target, "read-not-regular")
    if info.st_size > budget:
        raise exceeded("bytes", target, info.st_size, budget)
    chunks: list[bytes] = []
    size = 0
    try:
        while size <= budget:  # never more than the budget, even if the size stat gave was wrong
            # What stat says, plus one byte to notice growth; never a buffer the size of the budget.
            wanted = min(budget + 1 - size, max(info.st_size + 1 - size, 65536))
            chunk = os.read(fd, wanted)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
            if len(chunk) < wanted and size >= info.st_size:  # all that stat promised, and no more: the end
                break
    except OSError as exc:
        raise PackageReadError.at(target, "read-os", reason=os_reason(exc)) from None
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


def csv_reader(text: str, **options: Any) -> Reader:  # noqa: ANN401 - csv.reader's own options
    """Return a strict CSV reader of ``text`` that takes a cell of any length the byte budget allows.

    Python's reader refuses a cell of more than 131,072 characters, a limit of its own that no
    writer of villagecat's knows: a note that long, valid in a JSON package or a workbook, was
    written to CSV and could not be read back. The file is bounded by the byte budget, and so
    is every cell in it; the process-wide limit is only ever raised, never lowered.
    """
    cells = min(limit("bytes"), 2**31 - 1)  # a C long, even where it is 32 bits
    if csv.field_size_limit() < cells:
        csv.field_size_limit(cells)
    return csv.reader(io.StringIO(text, newline=""), **{"strict": True, **options})


def csv_error_line(error: csv.Error, start: int, current: int) -> int:
    """The line to name for a CSV reader's ``error``: the record's first (``start``) for a quote never closed.

    The reader notices an unclosed quote only at the end of the file (``current``); the quote
    is in the record that begins at ``start``, where the clerk must look.
    """
    return start if str(error).startswith("unexpected end of data") else current


class _DuplicateKeyError(ValueError):
    pass


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        raise _DuplicateKeyError(next(key for key, _ in pairs if key in seen or seen.add(key)))  # type: ignore[func-returns-value]
    return result


class _Found(Exception):  # noqa: N818 - not an error: the line sought, found
    pass


def _duplicate_line(text: str) -> int | None:
    """The line on which the first object holding a key twice begins; read again only when one does.

    The C parser tells no position to the hook that finds the key; Python's own parser, used
    here alone, gives each object's start. It stops at the first such object.
    """

    def parse_object(
        s_and_end: tuple[str, int],
        strict: object,
        scan_once: object,
        object_hook: object,
        _pairs: object,
        memo: object,
    ) -> tuple[dict[str, Any], int]:
        pairs, end = json.decoder.JSONObject(s_and_end, strict, scan_once, object_hook, list, memo)  # type: ignore[attr-defined]
        if len({key for key, _ in pairs}) != len(pairs):
            text_, start = s_and_end
            raise _Found(text_.count("\n", 0, start) + 1)
        return dict(pairs), end

    decoder = json.JSONDecoder()
    decoder.parse_object = parse_object  # type: ignore[attr-defined]
    decoder.scan_once = json.scanner.py_make_scanner(decoder)  # type: ignore[attr-defined]
    try:
        decoder.decode(text)
    except _Found as found:
        return int(found.args[0])
    except (ValueError, RecursionError):
        return None
    return None


def _depth(value: Any) -> int:  # noqa: ANN401 - any JSON value
    """Return the nesting depth of a parsed JSON value, without recursion (only containers are visited)."""
    deepest = 0
    stack: list[tuple[Any, int]] = [(value, 1)] if isinstance(value, dict | list) else []
    while stack:
        current, level = stack.pop()
        deepest = max(deepest, level)
        children = current.values() if isinstance(current, dict) else current
        stack.extend((child, level + 1) for child in children if isinstance(child, dict | list))
    return deepest


def load_json(text: str, where: str, *, measure_depth: bool = True) -> Any:  # noqa: ANN401 - any JSON value
    """Parse JSON with the budgets: no duplicate keys, bounded nesting, integers of sane length.

    ``measure_depth=False`` skips walking the parsed value (for resources, whose rows the
    models then bound); nesting beyond the parser's own limit is refused either way.

    Raises:
        PackageReadError: on malformed JSON (with line and column), a duplicate key, or an
            integer too long to read.
        BudgetExceededError: if the nesting is deeper than the depth budget.
    """
    try:
        data = json.loads(text, object_pairs_hook=_no_duplicates)
    except json.JSONDecodeError as exc:
        detail = reader_error(exc.msg)
        error = PackageReadError.at(where, "json-malformed", line=exc.lineno, column=exc.colno, detail=detail)
        error.line = exc.lineno
        raise error from None
    except _DuplicateKeyError as exc:
        line = _duplicate_line(text)
        if line is None:
            raise PackageReadError.at(where, "json-duplicate-key", key=exc.args[0]) from None
        error = PackageReadError.at(where, "json-duplicate-key-at", key=exc.args[0], line=line)
        error.line = line
        raise error from None
    except RecursionError:
        raise exceeded("depth", where, over(899)) from None
    except ValueError:  # an integer over Python's limit of digits
        raise PackageReadError.at(where, "json-number-too-long", digits=sys.get_int_max_str_digits()) from None
    if measure_depth:
        depth = _depth(data)
        if depth > limit("depth"):
            raise exceeded("depth", where, depth)
    return data
