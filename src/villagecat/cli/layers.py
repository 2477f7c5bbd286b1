"""``villagecat layers``: list the shipped layers (and any given with ``--layer``)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, TextIO

from villagecat._i18n import say
from villagecat.cli._common import add_format_option, add_layer_options
from villagecat.models import Level
from villagecat.package import RESOURCE_TITLES, RESOURCE_TITLES_EN
from villagecat.resolution import registry_with

if TYPE_CHECKING:
    import argparse

__all__ = ["register"]


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the subcommand to the parser."""
    parser = sub.add_parser(
        "layers",
        help="列出内置各层 / list the shipped layers",
        description="列出各目录层：标识、层级、名称、版本、上级层与条目数。"
        " List the layers: code, level, name, version, parent and item counts.",
    )
    add_format_option(parser, ("text", "json"))
    add_layer_options(parser)
    parser.set_defaults(handler=handle)


def handle(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    """Print one row per layer."""
    del stderr
    rows = []
    for package in registry_with(args.layer):
        layer = package.layer
        rows.append(
            {
                "id": layer.id,
                "level": layer.level.value,
                "name_zh": layer.name_zh,
                "name_en": layer.name_en,
                "slug": layer.slug,
                "version": layer.version,
                "parent": f"{layer.parent.id} {layer.parent.version_range}" if layer.parent else None,
                "counts": {name: n for name, n in package.counts().items() if n},
            }
        )
    if args.format == "json":
        stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return 0
    english = args.lang == "en"
    titles = RESOURCE_TITLES_EN if english else RESOURCE_TITLES
    stdout.write(say("layers-header", args.lang) + "\n")
    for row in rows:
        counts = ("; " if english else "、").join(f"{titles.get(k, k)} {v}" for k, v in row["counts"].items())
        level = row["level"] if english else Level(row["level"]).label
        parent = row["parent"] or "—"
        name = row["name_en"] if english else f"{row['name_zh']}（{row['name_en']}）"
        stdout.write(f"{row['id']}\t{level}\t{name}\t{row['version']}\t{parent}\t{counts}\n")
    return 0
