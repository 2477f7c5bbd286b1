"""``villagecat impact OLD NEW``: which shipped jurisdictions a revision changes or breaks."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, TextIO

from villagecat._i18n import Both, say
from villagecat.cli._common import add_format_option, add_layer_options
from villagecat.cli._sides import add_sides, load_side
from villagecat.errors import VillagecatError
from villagecat.impact import impact
from villagecat.resolution import registry_with

if TYPE_CHECKING:
    import argparse

__all__ = ["register"]


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the subcommand to the parser."""
    parser = sub.add_parser(
        "impact",
        help="修订对各辖区的影响 / which jurisdictions a revision changes or breaks",
        description="对修订层以下的每个辖区，分别用旧版本和新版本合并有效目录，列出变化与新冲突；"
        "有新冲突，或有下级层因缺少其上级层而未能核对时，以 1 退出。"
        " Merge every jurisdiction below the revised layer with the old and the new version;"
        " list what changes and which lower-layer overrides stop holding. Exit 1 if any does,"
        " or if a layer below could not be checked (a parent of it not given).",
    )
    add_sides(parser)
    add_format_option(parser, ("text", "json"))
    add_layer_options(parser)
    parser.set_defaults(handler=handle)


def handle(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    """Print the impact; exit 1 when a jurisdiction gains a conflict or a layer below could not be checked."""
    registry = registry_with(args.layer)
    old, new = load_side(args.old, registry), load_side(args.new, registry)
    if old.layer.id != new.layer.id:
        raise VillagecatError.said("impact-two-layers", old=old.layer.id, new=new.layer.id)
    result = impact(old, new, registry)
    if args.format == "json":
        stdout.write(json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        stdout.write(result.format_text(args.lang))
    if result.unchecked:  # never "no conflict" where it could not be looked for
        named = [result.names.get(u.layer, Both(u.layer, u.layer)) for u in result.unchecked]  # 测试区（330106）
        shown = Both("、".join(str(n.zh) for n in named), ", ".join(str(n.en) for n in named))
        stderr.write(say("gate-children-unchecked", args.lang, count=len(named), layers=shown) + "\n")
    return 1 if result.broken or result.unchecked else 0
