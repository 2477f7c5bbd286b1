"""``villagecat diff OLD NEW``: what changed between two versions, and what breaks."""

from __future__ import annotations

import json
import os
from typing import TYPE_CHECKING, TextIO

from villagecat._i18n import Both, say
from villagecat.cli._argparse import labelled
from villagecat.cli._common import add_format_option, add_layer_options, given, shown_path
from villagecat.cli._sides import add_sides, chain_of_side, load_side
from villagecat.diff import (
    GATE_WORDS,
    LEVEL_WORDS,
    SETTABLE_LEVELS,
    diff_catalogs,
    diff_versions,
    format_report,
    load_accepted,
    load_levels,
    rule_violations,
)
from villagecat.errors import InvalidRequestError
from villagecat.merging import merge
from villagecat.package import version_raised
from villagecat.patch import make_patch
from villagecat.resolution import registry_with

if TYPE_CHECKING:
    import argparse

__all__ = ["register"]


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the subcommand to the parser."""
    parser = sub.add_parser(
        "diff",
        help="比较两个版本 / what changed between two versions, and what breaks",
        description="比较两个版本的目录层（或有效目录），按变更代码和级别列出。"
        "每一边可以是数据包文件夹、datapackage.json、zip、内置层（如 120117），或 git 版本中的路径"
        "（如 HEAD~1:data/national）。"
        "何时以 1 退出（--fail-on）：violation（默认）：新版本违反合并规则；"
        "unannounced：另加版本号的升级小于变更所需；"
        "breaking（破坏性）、warning（需关注）：另加有该级别及以上、"
        "未经已接受变更文件（--accept）认可的变更，以及下级层的新冲突。违反合并规则的变更不能被认可。"
        "\n\n"
        "Each side is a package folder, a datapackage.json, a zip, a shipped layer (120117) or a git"
        " revision of a path (HEAD~1:data/national). The gate (--fail-on): violation (default) fails a revision"
        " that breaks a merge rule; unannounced also fails a version smaller than the changes need; breaking and"
        " warning also fail changes at that level that no accepted-changes file (--accept) approves, and any new"
        " conflict in a layer below.",
    )
    add_sides(parser)
    parser.add_argument(
        "--effective",
        action="store_true",
        help="比较两边的有效目录（可为不同层） / diff the resolved catalogs of the two sides",
    )
    add_format_option(parser, ("text", "markdown", "json", "patch", "csv"))
    parser.add_argument(
        "--fail-on",
        **labelled(GATE_WORDS),
        default="violation",
        help="何时以 1 退出 / when to exit 1: violation（违反合并规则，默认）, unannounced（另加版本号未反映变更）,"
        " breaking, warning（另加该级别及以上、未被接受的变更）；也可写中文，如 破坏性 / or its Chinese word",
    )
    parser.add_argument(
        "--accept",
        metavar="FILE",
        type=given,
        help="已接受变更文件（YAML/JSON 列表：code、item、reason）/ accepted changes: a list of code, item, reason",
    )
    parser.add_argument(
        "--levels",
        metavar="FILE",
        type=given,
        help="变更代码到级别的对照文件（YAML 或 JSON；级别写 "
        + "、".join(f"{level}（{LEVEL_WORDS[level][0]}）" for level in SETTABLE_LEVELS)
        + "） / YAML or JSON mapping change codes to levels ("
        + ", ".join(SETTABLE_LEVELS)
        + ", or their Chinese words)",
    )
    add_layer_options(parser)
    parser.set_defaults(handler=handle)


def handle(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    """Print the report; exit 1, saying why on stderr, when --fail-on is reached."""
    registry = registry_with(args.layer)
    old, new = load_side(args.old, registry), load_side(args.new, registry)
    levels = load_levels(args.levels) if args.levels else None
    if not args.effective:  # two versions of one layer: the library's report of them, as an integrator gets it
        if old.layer.id != new.layer.id:
            raise InvalidRequestError.because(
                "diff-two-layers", old=args.old, old_layer=old.layer.id, new=args.new, new_layer=new.layer.id
            )
        report = diff_versions(old, new, registry=registry, levels=levels)
    else:
        report = diff_catalogs(
            merge(chain_of_side(args.old, old, registry)), merge(chain_of_side(args.new, new, registry)), levels=levels
        )
        report.changes[:0] = rule_violations(old, new, registry)
        if old.layer.id == new.layer.id:  # two versions of one layer, effective or not: the layers below count alike
            from villagecat.impact import children  # noqa: PLC0415

            report.judge_children(children(old, new, registry))
    if args.accept:
        entries = load_accepted(args.accept)
        unused = report.accept(entries)
        for number, entry in enumerate(entries, start=1):  # a mistyped or stale entry is no approval: said, not dropped
            if entry in unused:
                shown = shown_path(args.accept)
                stderr.write(
                    say("accepted-unused", args.lang, path=shown, number=number, code=entry.code, item=entry.item)
                    + "\n"
                )
    if args.format == "patch":  # the patch in place of the report, gated as every format is: a CI gate may ask for it
        stdout.write(json.dumps(make_patch(old, new), ensure_ascii=False, indent=2) + "\n")
    else:
        colour = args.format == "text" and stdout.isatty() and "NO_COLOR" not in os.environ
        stdout.write(format_report(report, args.format, colour=colour, lang=args.lang))
    why = report.why_fails(args.fail_on, args.lang)
    if (raised := version_raised(new)) is not None:  # validate refuses it; read to be used, it was passed over
        stderr.write(
            say("side-version-raised", args.lang, path=args.new, detail=Both(*raised), version=new.layer.version) + "\n"
        )
        if why is None and args.fail_on != "violation":  # the version gates judge the version: which one, of two?
            why = say("gate-failed", args.lang, gate=args.fail_on, reason=say("gate-version-raised", args.lang))
    if why is not None:  # the gate's verdict, said once, where a CI log shows it
        stderr.write(why + "\n")
        return 1
    return 0
