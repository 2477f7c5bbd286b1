"""``villagecat timeline JURISDICTION``: the deadlines a jurisdiction's layers set, in date order."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, TextIO

from villagecat._i18n import say
from villagecat._shown import cited, document_titles
from villagecat.cli._common import add_format_option, add_jurisdiction, add_layer_options
from villagecat.resolution import resolve

if TYPE_CHECKING:
    import argparse

__all__ = ["register"]


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the subcommand to the parser."""
    parser = sub.add_parser(
        "timeline",
        help="列出时间节点 / list the deadlines the layers set, in date order",
        description="按日期先后列出本辖区各层文件规定的时间节点：做什么、由谁做、何时前完成，并附出处。"
        " List the deadlines a jurisdiction's layers set, earliest first, with who, what and the source.",
    )
    add_jurisdiction(parser, option=False)
    add_format_option(parser, ("text", "json"))
    add_layer_options(parser)
    parser.set_defaults(handler=handle)


def handle(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    """Print the milestones, earliest first."""
    del stderr
    catalog = resolve(args.jurisdiction, layers=args.layer)
    milestones = catalog.milestones()
    if args.format == "json":
        rows = [{**m.model_dump(mode="json", exclude_none=True), "layer": m.id.partition(".")[0]} for m in milestones]
        stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return 0
    lang, titles = args.lang, document_titles(catalog)
    name = catalog.layer.name_en if lang == "en" else catalog.layer.name_zh
    lines = [say("timeline-title", lang, name=name, id=catalog.layer.id, count=len(milestones))]
    if not milestones:
        lines.append("  " + say("timeline-none", lang))
    for m in milestones:
        who = (f" ({', '.join(m.bound)})" if lang == "en" else f"（{'、'.join(m.bound)}）") if m.bound else ""
        lines.append("  " + say("timeline-entry", lang, due=m.due, due_text=m.due_text, what=m.name, who=who))
        lines.extend("      " + say("basis", lang, citation=cited(c, titles)) for c in m.citations)
        if m.notes:
            lines.append("      " + say("note", lang, text=m.notes))
    stdout.write("\n".join(lines) + "\n")
    return 0
