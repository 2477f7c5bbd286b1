"""``villagecat layers``: list the shipped layers (and any given with ``--layer``)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, TextIO

from villagecat.cli._common import add_layer_options
from villagecat.models import Level
from villagecat.package import RESOURCE_TITLES
from villagecat.resolution import registry_with

if TYPE_CHECKING:
    import argparse

__all__ = ["register"]


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the subcommand to the parser."""
    parser = sub.add_parser(
        "layers",
        help="列出内置各层 / list the shipped layers",
        description="List the layers: code, level, name, version, parent and item counts.",
    )
    parser.add_argument("--format", choices=("text", "json"), default="text")
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
    stdout.write("层标识\t层级\t名称\t版本\t上级层\t条目数\n")
    for row in rows:
        counts = "、".join(f"{RESOURCE_TITLES.get(k, k)} {v}" for k, v in row["counts"].items())
        level = Level(row["level"]).label
        parent = row["parent"] or "—"
        name = f"{row['name_zh']}（{row['name_en']}）"
        stdout.write(f"{row['id']}\t{level}\t{name}\t{row['version']}\t{parent}\t{counts}\n")
    return 0
