"""``villagecat validate PATH...``: check packages and report every problem at once."""

from __future__ import annotations

import argparse
import json
from typing import TextIO

from villagecat._i18n import pair
from villagecat.cli._common import (
    add_format_option,
    add_layer_options,
    add_package_paths,
    package_roots,
    parent_hint,
)
from villagecat.package import load_layer
from villagecat.validation import validate_many

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
    """Validate every path; exit with the worst status."""
    del stderr
    # A --layer package is used, not reported; one listed as a PATH is checked too.
    parents = [load_layer(path, max_bytes=args.max_bytes) for path in args.layer]
    reports = validate_many(package_roots(args.paths), parents=parents, max_bytes=args.max_bytes)
    if args.format == "json":
        payload = {
            "valid": all(r.valid for r in reports),
            "reports": [r.to_dict(args.lang) for r in reports],
        }
        stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    else:
        texts = [r.format_text(args.lang) for r in reports]
        hints = [parent_hint(r, args.lang, "validate", path=r.target) for r in reports]
        stdout.write("\n".join(t if h is None else f"{t}\n{h}" for t, h in zip(texts, hints, strict=True)) + "\n")
    return max(r.exit_code for r in reports)
