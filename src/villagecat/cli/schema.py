"""``villagecat schema``: write the published JSON Schemas and Table Schemas."""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from villagecat.cli._common import given
from villagecat.schema import write_schemas

if TYPE_CHECKING:
    import argparse

__all__ = ["register"]


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the subcommand to the parser."""
    parser = sub.add_parser(
        "schema",
        help="生成 JSON Schema 与 Table Schema / write the published schemas",
        description="写出由模型生成的 JSON Schema（2020-12）和 Table Schema。"
        " Write the JSON Schemas (draft 2020-12) and the Table Schemas generated from the models.",
    )
    parser.add_argument(
        "-o",
        "--output",
        default="schemas",
        type=given,
        help="写入的文件夹（默认 schemas） / folder to write (default: schemas)",
    )
    parser.set_defaults(handler=handle)


def handle(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    """Write the schemas and list them."""
    del stderr
    stdout.writelines(f"{path}\n" for path in write_schemas(args.output))
    return 0
