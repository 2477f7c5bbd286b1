"""``villagecat validate PATH...``: check packages and report every problem at once."""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from villagecat._i18n import Both, pair, say
from villagecat.cli._common import (
    add_changed_option,
    add_format_option,
    add_layer_options,
    add_package_paths,
    package_roots,
    parent_hint,
    shown_path,
)
from villagecat.package import load_layer
from villagecat.validation import validate_noting_parents

if TYPE_CHECKING:
    from villagecat._i18n import Lang
    from villagecat.report import ValidationReport
    from villagecat.validation import ParentTaken

__all__ = ["register"]


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the subcommand to the parser."""
    parser = sub.add_parser(
        "validate",
        help="校验数据包 / validate layer packages",
        description="校验一个或多个数据包（文件夹、datapackage.json 或 zip）；非内置的上级层可与之一并列出，"
        "或用 --layer 给出（只用于校验下级层，本身不报告）。"
        " Validate packages: schemas, ids, citations and parents. A parent that is not shipped is listed"
        " among the PATHs (and validated too) or given with --layer (used, not reported)."
        " Exit 0 valid, 1 invalid, 2 unreadable.",
    )
    add_package_paths(parser)
    add_changed_option(parser)
    add_layer_options(parser)  # an ancestor that joins the chain, as every command that merges one takes it
    add_format_option(parser, ("text", "json"))
    parser.add_argument(
        "--max-bytes",
        type=_positive,
        default=None,
        help="读取文件的大小上限（字节，默认 64 MiB） / largest file read, in bytes (default 64 MiB)",
    )
    parser.set_defaults(handler=handle)


def _positive(text: str) -> int:
    """A read limit as typed: a whole number above 0 (else a usage error, exit 2)."""
    value = int(text) if text.strip().isascii() and text.strip().isdigit() else 0
    if value < 1:
        raise argparse.ArgumentTypeError(" / ".join(pair("max-bytes-positive", value=text)))
    return value


def handle(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    """Validate every path; exit with the worst status.

    Each report is followed by what a clerk needs to point at the right parent: where it was taken
    from when the shipped one stood in for a package beside the county (or its problems are the
    parent's), and the folder to give when it was not found. With ``--format json`` those lines go
    to stderr: stdout is the report alone, for a program to read.
    """
    # A --layer package is used, not reported; one listed as a PATH is checked too.
    parents = [load_layer(path, max_bytes=args.max_bytes) for path in args.layer]
    roots = package_roots(args.paths, changed=args.changed)
    if not roots:  # --changed, and no changed file is a package's
        stdout.write(say("changed-no-package", args.lang) + "\n")
        return 0
    reports, parents_of = validate_noting_parents(list(roots), parents=parents, max_bytes=args.max_bytes)
    readable = [r for r in reports if r.readable]  # an unreadable one's report says why: nothing to add
    taken = dict(zip(map(id, readable), parents_of, strict=True))
    notes = [_parent_lines(r, taken[id(r)], args.lang) if r.readable else [] for r in reports]
    if args.format == "json":
        payload = {
            "valid": all(r.valid for r in reports),
            "reports": [r.to_dict(args.lang) for r in reports],
        }
        stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
        stderr.write("".join(f"{line}\n" for lines in notes for line in lines))
    else:
        texts = ["\n".join([r.format_text(args.lang), *lines]) for r, lines in zip(reports, notes, strict=True)]
        stdout.write("\n".join(texts) + "\n")
    return max(r.exit_code for r in reports)


#: The problems that depend on which parent a package was checked against.
_PARENT_CODES = frozenset({"unknown-document", "parent-version", "parent-chain", "unchecked"})


def _parent_lines(report: ValidationReport, taken: ParentTaken | None, lang: Lang) -> list[str]:
    """The lines after a readable report that say which parent it was checked against, or how to give it; often none."""
    around = None if taken is None or taken.around is None else _as_typed(taken.around, report.target)
    hint = parent_hint(report, lang, "validate", folder=around, path=report.target)
    if hint is not None:  # a zip's too, for which no folder is known
        return [hint]
    if taken is not None and taken.used is not None:  # the parent given more than once, not the same each time
        return [_given_more(taken, taken.used, report.target, lang)]
    if taken is None or not taken.shipped:
        return []
    values = {"parent": taken.parent, "name": taken.name, "version": taken.version, "path": shown_path(report.target)}
    if around is not None:
        return [say("note-parent-shipped-not-around", lang, folder=shown_path(around), **values)]
    if any(p.code in _PARENT_CODES or p.code.startswith("merge-") for p in report.problems):
        return [say("hint-parent-shipped", lang, folder=Both(*pair("parent-folder")), **values)]
    return []


def _given_more(taken: ParentTaken, used: tuple[Path, str | None], target: str, lang: Lang) -> str:
    """The note that the parent was given more than once: which was used (the last given), which were not."""

    def named(folder: Path, version: str | None) -> tuple[str, str]:
        shown = shown_path(_as_typed(folder, target))
        return (f"{shown}（{version}）", f"{shown} ({version})") if version else (shown, shown)

    unused = [named(*u) for u in taken.unused]
    return say(
        "note-parent-given-more",
        lang,
        parent=taken.parent,
        count=len(taken.unused) + 1,
        used=Both(*named(*used)),
        unused=Both("、".join(zh for zh, _ in unused), ", ".join(en for _, en in unused)),
        path=shown_path(target),
    )


def _as_typed(folder: Path, target: str) -> str:
    """A folder as the user would type it beside ``target``: relative to here (``..``) when the target was typed so."""
    if Path(target).is_absolute():
        return str(folder)
    try:
        return os.path.relpath(folder, Path.cwd().resolve())
    except ValueError:  # another drive (Windows): no relative path leads there
        return str(folder)
