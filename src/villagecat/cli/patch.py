"""``villagecat patch OLD PATCH -o NEW``: apply a JSON Patch from ``villagecat diff --format patch``."""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from villagecat._budget import load_json, read_regular_file
from villagecat._i18n import say
from villagecat.cli._common import add_format_option, given, written_form
from villagecat.cli._sides import load_side
from villagecat.errors import PackageReadError
from villagecat.package import save_layer
from villagecat.patch import PatchError, apply_patch, from_document, to_document
from villagecat.resolution import registry_with
from villagecat.validation import validate_layer

if TYPE_CHECKING:
    import argparse

__all__ = ["register"]


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the subcommand to the parser."""
    parser = sub.add_parser(
        "patch",
        help="应用 JSON Patch / apply a JSON Patch to a package",
        description="把 RFC 6902 JSON Patch（由 villagecat diff --format patch 生成）应用到数据包。"
        " Apply an RFC 6902 JSON Patch (from `villagecat diff --format patch`) to a package"
        " and write the result.",
    )
    parser.add_argument("old", type=given, help="要修改的数据包 / the package to patch")
    parser.add_argument("patch", type=given, help="JSON Patch 文件 / the JSON Patch file")
    parser.add_argument(
        "-o",
        "--output",
        required=True,
        type=given,
        help="写出修改后数据包的文件夹 / folder to write the patched package to",
    )
    add_format_option(parser, ("csv", "json"), default=None, written=True)
    parser.add_argument(
        "--force",
        action="store_true",
        help="写入不含数据包的非空文件夹（不删除其中文件） / write into a non-empty folder that holds no package",
    )
    parser.set_defaults(handler=handle)


def handle(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    """Apply the patch, check the result as validate would, and write it only if it is valid."""
    registry = registry_with()
    old = load_side(args.old, registry)
    raw = read_regular_file(args.patch)
    try:
        operations = load_json(raw.decode("utf-8-sig"), args.patch)
    except UnicodeDecodeError as exc:
        raise PackageReadError.at(args.patch, "not-utf8") from exc
    if not isinstance(operations, list):
        raise PatchError.said("patch-not-array", where=args.patch)
    try:
        patched = apply_patch(to_document(old), operations)
    except PatchError as exc:  # an operation of the file: named with the file, as a reader's error is
        exc.where = args.patch
        raise
    new = from_document(patched)
    report = validate_layer(new, parents=[p for p in registry if p.layer.id != new.layer.id])
    if not report.valid:
        stderr.write(report.format_text(args.lang) + "\n")
        stderr.write(f"villagecat: {say('patch-result-invalid', args.lang)}\n")
        return 1
    written = save_layer(new, args.output, fmt=written_form(args.format, args.output, args.old), force=args.force)
    stdout.write(f"{written}\n")
    return 0
