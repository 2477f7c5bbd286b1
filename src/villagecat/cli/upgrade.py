"""``villagecat upgrade PATH [-o OUT]``: rewrite a package of any earlier format in the current one."""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from villagecat._i18n import say
from villagecat.cli._common import given
from villagecat.format import FORMAT_VERSION
from villagecat.upgrading import upgrade_package

if TYPE_CHECKING:
    import argparse

    from villagecat._i18n import Lang
    from villagecat.upgrading import UpgradeResult

__all__ = ["register"]


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the subcommand to the parser."""
    parser = sub.add_parser(
        "upgrade",
        help="升级数据包格式 / rewrite a package in the current format",
        description=f"把任一旧格式的数据包改写为当前格式（格式 {FORMAT_VERSION}）。"
        "不指定 -o 时就地改写，只改动数据包自己的文件。"
        " Rewrite a package of any earlier format in the current one; in place unless -o is given."
        " Exit 0 written, 1 invalid (nothing written), 2 unreadable.",
    )
    parser.add_argument(
        "path",
        type=given,
        help="数据包：文件夹、其 datapackage.json，或 zip（需 -o）"
        " / the package: a folder, its datapackage.json, or a zip (with -o)",
    )
    parser.add_argument(
        "-o",
        "--output",
        default=None,
        type=given,
        help="写入的文件夹（默认原地改写） / folder to write to (default: the package itself)",
    )
    parser.add_argument(
        "--format",
        choices=("csv", "json"),
        default=None,
        help="写出的资源格式（默认与读入相同） / resource format written (default: as read)",
    )
    parser.set_defaults(handler=handle, format_written=True)  # --format is the form written: it prints a report


def handle(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    """Upgrade the package, or report why it cannot be."""
    result = upgrade_package(args.path, args.output, fmt=args.format)
    if not result.report.valid:
        stderr.write(result.report.format_text(args.lang) + "\n")
        return result.report.exit_code
    stdout.write(said(result, args.lang))
    return 0


def said(result: UpgradeResult, lang: Lang) -> str:
    """What the upgrade did, in lines: the format, then each file's repairs counted by kind, and what stayed.

    ``格式 2 → 2`` said nothing of the blank rows dropped and the dates rewritten: a package already in the
    current format says so, names what the rewrite mended file by file, and that no other data changed.
    """
    current = result.from_format == result.to_format
    by_file: dict[str, list[str]] = {}
    for file, code, count in result.repaired:
        by_file.setdefault(file, []).append(say(f"repaired-{code}", lang, count=count))
    if current and not by_file:
        return say("upgraded-current-nothing", lang, path=result.written, new=result.to_format) + "\n"
    key = "upgraded-current" if current else "upgraded"
    lines = [say(key, lang, path=result.written, old=result.from_format, new=result.to_format)]
    if by_file:
        lines[0] += say("upgraded-repaired", lang)
        comma = "，" if lang == "zh" else ", "
        lines += [say("repaired-file", lang, file=file, kinds=comma.join(kinds)) for file, kinds in by_file.items()]
        if current:
            lines.append(say("upgraded-nothing-else", lang))
    return "\n".join(lines) + "\n"
