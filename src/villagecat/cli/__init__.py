"""The ``villagecat`` command: thin subcommands over the library.

``main`` only calls :func:`run`, which tests call directly with their own streams.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import signal
import sys
import threading
import traceback
import typing
import warnings
from typing import TYPE_CHECKING, TextIO

from villagecat import __version__
from villagecat._arguments import need_lang
from villagecat._i18n import os_reason, pair, say
from villagecat._text import printable
from villagecat.cli import authoring as authoring_command
from villagecat.cli import catalog as catalog_command
from villagecat.cli import checks as checks_command
from villagecat.cli import diff as diff_command
from villagecat.cli import explain as explain_command
from villagecat.cli import impact as impact_command
from villagecat.cli import layers as layers_command
from villagecat.cli import patch as patch_command
from villagecat.cli import quotes as quotes_command
from villagecat.cli import schema as schema_command
from villagecat.cli import timeline as timeline_command
from villagecat.cli import upgrade as upgrade_command
from villagecat.cli import validate as validate_command
from villagecat.cli._argparse import Parser, UsageError
from villagecat.cli._common import DATA_FORMATS, add_lang_option, default_lang
from villagecat.errors import (
    InterruptedSaveWarning,
    StrayFileWarning,
    UnknownLayerError,
    VillagecatError,
    WorkbookNotice,
)

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

__all__ = ["main", "run"]

_COMMANDS = (
    validate_command,
    catalog_command,
    explain_command,
    layers_command,
    diff_command,
    patch_command,
    impact_command,
    checks_command,
    quotes_command,
    timeline_command,
    authoring_command,
    schema_command,
    upgrade_command,
)


def _parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="villagecat",
        description="村级组织工作事务、机制牌子和证明事项指导目录工具。"
        " Village governance catalogs: validate, inspect, publish.",
    )
    parser.add_argument(
        "--version", action="version", version=f"villagecat {__version__}", help="显示版本 / show the version"
    )
    parser.add_argument(
        "--debug", action="store_true", help="出错时显示完整的回溯信息 / show the full traceback when something fails"
    )
    add_lang_option(parser, top=True)
    sub = parser.add_subparsers(
        dest="command", metavar="COMMAND", required=True, help="要运行的命令 / the command to run"
    )
    for command in _COMMANDS:
        command.register(sub)
    for leaf in _subparsers(parser):  # every command speaks both languages: --lang, declared once
        if not any(isinstance(a, argparse._SubParsersAction) for a in leaf._actions):  # noqa: SLF001
            add_lang_option(leaf)
    return parser


def run(argv: Sequence[str] | None, stdout: TextIO, stderr: TextIO) -> int:
    """Run the command line and return its exit status; nothing a user does ends in a traceback.

    0: success; 1: invalid data or a failed check; 2: input that cannot be read, a usage
    error, or an environment problem (a file that cannot be written, a full disk); 3: a bug
    in villagecat (one line asks for a report; ``--debug`` shows the traceback); 130:
    interrupted (Ctrl-C); 143: terminated (SIGTERM). Either signal ends the command where it
    is, so a package being written is rolled back.
    """
    shown = _Printable(stdout)
    stdout, stderr = typing.cast("TextIO", shown), typing.cast("TextIO", _Printable(stderr))
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except UsageError as exc:  # one line, in the language asked for, naming the subcommand's --help
        stderr.write(f"{exc.describe(_lang_in(argv))}\n")
        if _json_in(parser, argv):  # a program reading --format json reads why, not an empty stdout
            shown.data = True  # data: a character the command line held is JSON's escape, as in every document
            stdout.write(_error_document(2, exc.describe("zh"), exc.describe("en"), exc))
        return 2
    except SystemExit as exc:  # --help and --version
        return int(exc.code or 0)
    shown.data = getattr(args, "format", None) in DATA_FORMATS and not getattr(args, "format_written", False)
    try:
        caught: list[warnings.WarningMessage] = []
        with _terminate_as_interrupt():
            try:
                with warnings.catch_warnings(record=True) as caught:
                    warnings.simplefilter("always", StrayFileWarning)
                    warnings.simplefilter("always", InterruptedSaveWarning)
                    warnings.simplefilter("always", WorkbookNotice)  # a ledger's hidden rows, checked all the same
                    status: int = args.handler(args, stdout, stderr)
            finally:
                _notices(caught, stderr, args.lang)
    except BrokenPipeError:
        raise  # the reader went away: main() leaves quietly
    except _Terminated:
        stderr.write(f"\nvillagecat: {say('terminated', args.lang)}\n")
        return 143
    except KeyboardInterrupt:
        stderr.write(f"\nvillagecat: {say('interrupted', args.lang)}\n")
        return 130
    except Exception as exc:  # noqa: BLE001 - the one boundary: every failure becomes one line
        if args.debug:
            traceback.print_exc(file=stderr)
        told = _with_hint(exc, args)
        code, line = _explain(told, args.lang)
        stderr.write(f"villagecat: {line}\n")
        if _prints_json(args) and not shown.started:
            stdout.write(_error_document(code, _explain(told, "zh")[1], _explain(told, "en")[1], told, args.lang))
        return code
    return status


class _Terminated(KeyboardInterrupt):
    """SIGTERM, raised where the program is: a write in progress rolls back as on Ctrl-C."""


@contextlib.contextmanager
def _terminate_as_interrupt() -> Iterator[None]:
    """For the command's run, make SIGTERM (``kill``'s default, a CI timeout's) end it as Ctrl-C does.

    Killed by the default SIGTERM, a write would stop between two moves, its rollback never
    run. The handler is installed only in the main thread and only over the default one (a
    program that embeds ``run`` keeps its own), and the previous handler is put back after.
    """
    if threading.current_thread() is not threading.main_thread() or signal.getsignal(signal.SIGTERM) is not (
        signal.SIG_DFL
    ):
        yield
        return

    def terminated(_signum: int, _frame: object) -> None:
        raise _Terminated

    previous = signal.signal(signal.SIGTERM, terminated)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _notices(caught: list[warnings.WarningMessage], stderr: TextIO, lang: str) -> None:
    """Say, one line each, what the user should know: files a write could not prove its own, a sheet's hidden rows."""
    said: set[str] = set()
    for warning in caught:
        if isinstance(warning.message, StrayFileWarning | InterruptedSaveWarning | WorkbookNotice):
            line = f"villagecat: {say('notice', lang, what=warning.message.describe(lang))}\n"
            if line not in said:  # a folder read twice (diff, release) is said once
                said.add(line)
                stderr.write(line)
        else:
            warnings.warn_explicit(warning.message, warning.category, warning.filename, warning.lineno)


class _Printable(io.TextIOBase):
    """A stream that shows control, bidirectional and invisible characters escaped, never raw.

    Whatever a ledger or a layer holds, nothing villagecat prints can move the cursor,
    clear the screen or reorder text. Inside JSON output the escape reads back as the
    same character.
    """

    def __init__(self, stream: TextIO) -> None:
        super().__init__()
        self._stream = stream
        self.started = False
        #: Whether what is written is data (JSON, YAML, CSV, a patch), where a character is shown as
        #: its JSON escape, or a report a person reads, where it is shown as its code point.
        self.data = False

    def write(self, text: str) -> int:
        if not self.started and text.startswith("\ufeff"):  # a CSV's byte-order mark, first of all: kept
            self._stream.write("\ufeff")
            self._stream.write(printable(text[1:], data=self.data))
        else:
            self._stream.write(printable(text, data=self.data))
        self.started = self.started or bool(text)
        return len(text)

    def flush(self) -> None:
        self._stream.flush()

    def writable(self) -> bool:
        return True


def _lang_in(argv: Sequence[str] | None) -> str:
    """The language asked for on a command line that did not parse (else the locale's)."""
    words = list(argv if argv is not None else sys.argv[1:])
    for n, word in enumerate(words):
        if word == "--lang" and n + 1 < len(words) and words[n + 1] in ("zh", "en"):
            return words[n + 1]
        if word in ("--lang=zh", "--lang=en"):
            return word.partition("=")[2]
    return default_lang()


def _prints_json(args: argparse.Namespace) -> bool:
    """Whether the command prints JSON: ``--format json`` where it is the output's form, not the files written."""
    return getattr(args, "format", None) == "json" and not getattr(args, "format_written", False)


def _json_in(parser: argparse.ArgumentParser, argv: Sequence[str] | None) -> bool:
    """Whether a command line that did not parse asked a command that prints JSON for ``--format json``.

    A command whose output has no JSON form (``certificate render``, ``export``, ``init``) is told on stderr alone.
    """
    words = list(argv if argv is not None else sys.argv[1:])
    if "--format=json" not in words and not any(
        word == "--format" and n + 1 < len(words) and words[n + 1] == "json" for n, word in enumerate(words)
    ):
        return False
    at = parser
    for word in words:  # down the (sub)commands named, to the one whose --format was given
        action = next((a for a in at._actions if isinstance(a, argparse._SubParsersAction)), None)  # noqa: SLF001
        if action is None or word not in action.choices:
            continue
        at = action.choices[word]
    formats = [a for a in at._actions if a.dest == "format"]  # noqa: SLF001 - argparse exposes no public lookup
    prints_json = bool(formats) and "json" in (formats[0].choices or ())  # render, export, init: no JSON to read
    return prints_json and not at.get_default("format_written")


def _error_document(code: int, zh: str, en: str, exc: BaseException, lang: str = "zh") -> str:
    """The JSON document ``--format json`` prints when the command fails before its report (``error.schema.json``).

    The line standard error shows, in both languages, with the exit status, the file it names, the message
    catalog's key where it said it, and every problem the error carries (a package read but not valid, a ledger
    refused: :meth:`~villagecat.errors.VillagecatError.problem_dicts`).
    """
    where = exc.where if isinstance(exc, VillagecatError) else getattr(exc, "filename", None)
    problems = exc.problem_dicts(need_lang(lang)) if isinstance(exc, VillagecatError) else []
    error = {
        "exit_code": code,
        "message_zh": zh,
        "message_en": en,
        "where": None if where is None else str(where),
        "key": exc.key if isinstance(exc, VillagecatError) else None,
        "problems": problems,
    }
    return json.dumps({"error": error}, ensure_ascii=False, indent=2) + "\n"


def _with_hint(exc: BaseException, args: argparse.Namespace) -> BaseException:
    """``exc``, with what to try next where the command offers it: --layer for a layer that is not shipped."""
    takes_layers = isinstance(getattr(args, "layer", None), list)  # the shared --layer PATH (repeatable)
    if isinstance(exc, UnknownLayerError) and exc.key == "no-layer" and takes_layers:
        zh, en = pair("hint-layer-option")
        hinted = UnknownLayerError(exc.message_zh + zh, exc.message_en + en, where=exc.where)
        hinted.key = exc.key
        return hinted
    return exc


def _explain(exc: BaseException, lang: str = "zh") -> tuple[int, str]:
    """Return the exit status and the one line that explain an exception, in ``lang``."""
    if isinstance(exc, VillagecatError):
        return exc.exit_code, exc.describe(lang)
    if isinstance(exc, OSError):
        where = exc.filename if exc.filename is not None else ""
        return 2, say("cannot-read-or-write", lang, where=where, reason=os_reason(exc)).lstrip(": ")
    if isinstance(exc, MemoryError | RecursionError):
        return 2, say("too-large", lang)
    return 3, say("internal-error", lang, kind=type(exc).__name__, detail=exc)


def _subparsers(parser: argparse.ArgumentParser) -> list[argparse.ArgumentParser]:
    found: list[argparse.ArgumentParser] = []
    for action in parser._actions:  # noqa: SLF001 - argparse exposes no public walk
        if isinstance(action, argparse._SubParsersAction):  # noqa: SLF001
            for sub in action.choices.values():
                found.append(sub)
                found.extend(_subparsers(sub))
    return found


def main(argv: Sequence[str] | None = None) -> None:
    """Entry point of the console script.

    The streams replace what the console cannot show (a GBK console and a rare character)
    instead of failing; when the reader of a pipe goes away (``villagecat catalog | head``)
    villagecat stops quietly with status 141, as a program killed by SIGPIPE would.
    """
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")
    try:
        code = run(argv, sys.stdout, sys.stderr)
        sys.stdout.flush()
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # the interpreter's own last flush must not fail again
        code = 141
    except KeyboardInterrupt:
        code = 130
    sys.exit(code)
