"""The ``villagecat`` command: thin subcommands over the library.

``main`` only calls :func:`run`, which tests call directly with their own streams.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, TextIO

from villagecat import __version__
from villagecat.cli import authoring as authoring_command
from villagecat.cli import catalog as catalog_command
from villagecat.cli import checks as checks_command
from villagecat.cli import diff as diff_command
from villagecat.cli import explain as explain_command
from villagecat.cli import impact as impact_command
from villagecat.cli import layers as layers_command
from villagecat.cli import patch as patch_command
from villagecat.cli import schema as schema_command
from villagecat.cli import upgrade as upgrade_command
from villagecat.cli import validate as validate_command
from villagecat.errors import VillagecatError

if TYPE_CHECKING:
    from collections.abc import Sequence

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
    authoring_command,
    schema_command,
    upgrade_command,
)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="villagecat",
        description="村级组织工作事务、机制牌子和证明事项指导目录工具。"
        " Village governance catalogs: validate, inspect, publish.",
    )
    parser.add_argument("--version", action="version", version=f"villagecat {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for command in _COMMANDS:
        command.register(sub)
    return parser


class _UsageError(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise _UsageError(message)


def run(argv: Sequence[str] | None, stdout: TextIO, stderr: TextIO) -> int:
    """Run the command line and return its exit status.

    0: success; 1: invalid data or a failed check; 2: input that cannot be read,
    or a usage error.
    """
    parser = _parser()
    for action in [parser, *_subparsers(parser)]:
        action.__class__ = _Parser
    try:
        args = parser.parse_args(argv)
    except _UsageError as exc:
        stderr.write(f"villagecat: error: {exc.message}\n")
        stderr.write("Try 'villagecat --help'.\n")
        return 2
    except SystemExit as exc:  # --help and --version
        return int(exc.code or 0)
    try:
        status: int = args.handler(args, stdout, stderr)
    except VillagecatError as exc:
        stderr.write(f"villagecat: {exc}\n")
        return exc.exit_code
    return status


def _subparsers(parser: argparse.ArgumentParser) -> list[argparse.ArgumentParser]:
    found: list[argparse.ArgumentParser] = []
    for action in parser._actions:  # noqa: SLF001 - argparse exposes no public walk
        if isinstance(action, argparse._SubParsersAction):  # noqa: SLF001
            for sub in action.choices.values():
                found.append(sub)
                found.extend(_subparsers(sub))
    return found


def main(argv: Sequence[str] | None = None) -> None:
    """Entry point of the console script."""
    sys.exit(run(argv, sys.stdout, sys.stderr))
