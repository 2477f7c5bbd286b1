"""``villagecat explain JURISDICTION ITEM [FIELD]``: where a value came from."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, TextIO

from villagecat.cli._common import add_format_option, add_jurisdiction, add_layer_options, given
from villagecat.render import explain_to_dict, format_explain
from villagecat.resolution import resolve

if TYPE_CHECKING:
    import argparse

__all__ = ["register"]


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the subcommand to the parser."""
    parser = sub.add_parser(
        "explain",
        help="说明取值来源 / show which layer set a value and on what basis",
        description="自国家层而下，列出每一层对某条目（某字段）所做的设定及其出处；某层被合并规则拒绝的改动"
        "一并列出（被拒）。退出码：0 已说明（有被拒的改动也是 0，判定请用 catalog 或 validate）；2 没有该条目或字段、"
        "数据包无法读取。"
        " Show, from the national layer down, what each layer did to an item's fields, with citations, and a"
        " layer's change a merge rule refused. Exit 0 explained (refused changes too: catalog and validate judge"
        " them); 2 no such item or field, or a package unreadable.",
    )
    add_jurisdiction(parser, option=False, then=("item", "field"))
    parser.add_argument(
        "item",
        type=given,
        help="条目标识、名称或别名，如 cn.facility.community-service-facility 或 居民养犬证明"
        " / item id, name or alias, e.g. cn.facility.community-service-facility or 居民养犬证明",
    )
    parser.add_argument("field", nargs="?", type=given, help="某一字段（默认全部） / one field (default: all)")
    add_format_option(parser, ("text", "json"))
    add_layer_options(parser)
    parser.set_defaults(handler=handle)


def handle(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    """Print the chain of the item's fields."""
    del stderr
    catalog = resolve(args.jurisdiction, layers=args.layer)
    if args.format == "json":
        stdout.write(json.dumps(explain_to_dict(catalog, args.item, args.field), ensure_ascii=False, indent=2) + "\n")
    else:
        stdout.write(format_explain(catalog, args.item, args.field, args.lang))
    return 0
