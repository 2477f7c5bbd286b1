"""``villagecat catalog JURISDICTION``: print a jurisdiction's effective catalog."""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from villagecat._i18n import say
from villagecat.cli._common import add_format_option, add_jurisdiction, add_layer_options, add_scope_option, scope_of
from villagecat.render import format_catalog
from villagecat.resolution import resolve

if TYPE_CHECKING:
    import argparse

__all__ = ["register"]


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the subcommand to the parser."""
    parser = sub.add_parser(
        "catalog",
        help="打印有效目录 / print a jurisdiction's effective catalog",
        description="合并国家、省、市、县各层，打印某地的有效目录。"
        " Merge the layers from national down and print the effective catalog."
        " Exit 1 if any layer breaks a merge rule.",
    )
    add_jurisdiction(parser, option=False)
    add_format_option(parser, ("text", "json", "yaml", "markdown"))
    add_scope_option(parser)
    add_layer_options(parser)
    parser.set_defaults(handler=handle)


def handle(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    """Print the catalog; report conflicts on stderr and exit 1 if there are any."""
    catalog = resolve(args.jurisdiction, layers=args.layer)
    stdout.write(format_catalog(catalog, args.format, scope_of(args.scope), args.lang))
    stderr.writelines(
        f"villagecat: {say('conflict', args.lang, detail=conflict.describe(args.lang))}\n"
        for conflict in catalog.conflicts
    )
    return 1 if catalog.conflicts else 0
