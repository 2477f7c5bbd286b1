"""``villagecat patch OLD PATCH -o NEW``: apply a JSON Patch from ``villagecat diff --format patch``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from villagecat.cli._sides import load_side
from villagecat.errors import PackageReadError
from villagecat.package import save_layer
from villagecat.patch import PatchError, apply_patch, from_document, to_document
from villagecat.resolution import registry_with

if TYPE_CHECKING:
    import argparse

__all__ = ["register"]


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the subcommand to the parser."""
    parser = sub.add_parser(
        "patch",
        help="应用 JSON Patch / apply a JSON Patch to a package",
        description="Apply an RFC 6902 JSON Patch (from `villagecat diff --format patch`) to a package"
        " and write the result.",
    )
    parser.add_argument("old", help="the package to patch")
    parser.add_argument("patch", help="the JSON Patch file")
    parser.add_argument("-o", "--output", required=True, help="folder to write the patched package to")
    parser.add_argument(
        "--format", choices=("csv", "json"), default="csv", help="resource format written (default csv)"
    )
    parser.set_defaults(handler=handle)


def handle(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    """Apply the patch and write the package atomically."""
    del stderr
    old = load_side(args.old, registry_with())
    try:
        operations = json.loads(Path(args.patch).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise PackageReadError(args.patch, f"cannot read the patch: {exc}", f"无法读取补丁文件：{exc}") from exc
    if not isinstance(operations, list):
        raise PatchError(f"{args.patch}: a JSON Patch is an array of operations")
    new = from_document(apply_patch(to_document(old), operations))
    written = save_layer(new, args.output, fmt=args.format)
    stdout.write(f"{written}\n")
    return 0
