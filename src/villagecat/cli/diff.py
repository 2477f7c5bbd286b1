"""``villagecat diff OLD NEW``: what changed between two versions, and what breaks."""

from __future__ import annotations

import json
import os
from typing import TYPE_CHECKING, TextIO

from villagecat.cli._common import add_layer_options
from villagecat.cli._sides import load_side
from villagecat.diff import diff_catalogs, diff_packages, format_report, load_levels
from villagecat.merging import merge
from villagecat.patch import make_patch
from villagecat.resolution import registry_with

if TYPE_CHECKING:
    import argparse

    from villagecat.merging import EffectiveCatalog
    from villagecat.package import LayerPackage
    from villagecat.registry import LayerRegistry

__all__ = ["register"]


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the subcommand to the parser."""
    parser = sub.add_parser(
        "diff",
        help="比较两个版本 / what changed between two versions, and what breaks",
        description="比较两个版本的目录层（或有效目录），按变更代码和级别列出。"
        " Each side is a package folder, a datapackage.json, a zip, a shipped layer (120117) or a git"
        " revision of a path (v0.1.0:data/national).",
    )
    parser.add_argument("old")
    parser.add_argument("new")
    parser.add_argument("--effective", action="store_true", help="diff the resolved catalogs of the two sides")
    parser.add_argument("--format", choices=("text", "markdown", "json", "patch", "csv"), default="text")
    parser.add_argument(
        "--fail-on", choices=("breaking", "warning"), default=None, help="exit 1 at this level or above"
    )
    parser.add_argument("--levels", metavar="FILE", help="YAML or JSON mapping change codes to levels")
    add_layer_options(parser)
    parser.set_defaults(handler=handle)


def handle(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    """Print the report; exit 1 when --fail-on is reached."""
    del stderr
    registry = registry_with(args.layer)
    old, new = load_side(args.old, registry), load_side(args.new, registry)
    levels = load_levels(args.levels) if args.levels else None
    if args.format == "patch":
        stdout.write(json.dumps(make_patch(old, new), ensure_ascii=False, indent=2) + "\n")
        return 0
    if args.effective:
        report = diff_catalogs(_effective(old, registry), _effective(new, registry), levels=levels)
    else:
        report = diff_packages(old, new, levels=levels)
    colour = args.format == "text" and stdout.isatty() and "NO_COLOR" not in os.environ
    stdout.write(format_report(report, args.format, colour=colour))
    return 1 if report.fails(args.fail_on) else 0


def _effective(package: LayerPackage, registry: LayerRegistry) -> EffectiveCatalog:
    from villagecat.registry import LayerRegistry  # noqa: PLC0415

    scoped = LayerRegistry(registry)
    scoped.add(package)
    return merge(scoped.chain(package))
