"""``villagecat quotes PATH... --texts SOURCES.yml``: every quote verbatim in its document's own text."""

from __future__ import annotations

import argparse
import json
from typing import TextIO

from villagecat._i18n import pair
from villagecat.cli._common import add_format_option, add_package_paths, given, package_roots

__all__ = ["register"]


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the subcommand to the parser."""
    parser = sub.add_parser(
        "quotes",
        help="核对引文是否逐字见于原文 / check every quote against its document's text",
        description="核对数据包中的每一处引文是否逐字见于所引文件的原文（空白不计；原文换行处可以连写，"
        "同一行内的空格不可省去），且在所引的节中（原文按 二、（一）1. 编号时）。"
        "时间节点的时限原文（due_text）须逐字见于所引条款的引文（无引文时见于所引文件的原文），"
        "截止日期（due）的年、月、日须是时限原文所写的年、月、日之一（原文未写的部分、读不懂的写法不比较）。"
        "没有原文的文件只作提示，不影响结果（--strict 时判为不通过）。"
        "--text 给出的文件没有任何数据包引用时拒绝执行（退出码 2），并列出数据包引用的文件标识。"
        "\n\nCheck that every quote of the packages is verbatim in the text of the document it cites"
        " (white space aside; a wrapped line may be joined, a space within a line is kept),"
        " and in the section it cites (where the text is numbered 二、（一）1.)."
        " A milestone's due_text must be verbatim in the quote of a clause it cites (else in the cited document's"
        " text), and its due's year, month and day among those the due_text writes (a part it does not write,"
        " or wording not understood, is not compared)."
        " A quoted document"
        " whose text is not given is a note (a failure with --strict). A --text for a document no package cites"
        " is refused, naming the ids they cite."
        " Exit 0 all found, 1 some not found or a deadline not as written,"
        " 2 a text or package that cannot be read, or a --text no package cites.",
    )
    add_package_paths(parser)
    parser.add_argument(
        "--texts",
        type=given,
        metavar="SOURCES.yml",
        help="原文清单：每条写明 document（文件标识）和 source（原文文本文件），格式同 docs/coverage/sources.yml"
        " / where each document's text is, in the form of docs/coverage/sources.yml",
    )
    parser.add_argument(
        "--root",
        type=given,
        metavar="DIR",
        help="--texts 中 source 路径的起点（默认为该清单所在的文件夹），如 ../shared"
        " / the folder the --texts sources are relative to (default: its own folder), such as ../shared",
    )
    parser.add_argument(
        "--text",
        action="append",
        default=[],
        type=_document_text,
        metavar="DOC_ID=FILE",
        help="一份文件的原文（UTF-8 文本文件，可重复；优先于 --texts）"
        " / one document's text, a UTF-8 file (repeatable; wins over --texts)",
    )
    parser.add_argument(
        "--strict",
        action="store_true",
        help="被引文件没有原文时也判为不通过（退出码 1） / a quoted document without text fails too (exit 1)",
    )
    add_format_option(parser, ("text", "json"))
    parser.set_defaults(handler=handle)


def _document_text(text: str) -> tuple[str, str]:
    """An argparse type: ``DOC_ID=FILE``, both parts given."""
    document, sep, path = text.partition("=")
    if not sep or not document.strip() or not path.strip():
        raise argparse.ArgumentTypeError(" / ".join(pair("text-option-form", text=text)))
    return document.strip(), path


def handle(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    """Read the texts, check every package's quotes; exit with the worst status."""
    from villagecat.coverage import source_texts  # noqa: PLC0415
    from villagecat.package import load_layer  # noqa: PLC0415
    from villagecat.quotes import check_quotes, cited_documents, require_cited  # noqa: PLC0415

    del stderr
    given = dict(args.text)
    texts = source_texts(args.texts, args.root, given)
    packages = [(path, load_layer(path)) for path in package_roots(args.paths)]
    require_cited((p for _, p in packages), given)  # a mistyped --text checks nothing: refused, exit 2
    cited = {d for _, p in packages for d in cited_documents(p)}
    spare = [d for d in texts if d not in cited]  # a shared list's other documents, or a misspelt entry
    reports = [check_quotes(package, texts, target=path, spare=spare) for path, package in packages]
    if args.format == "json":
        payload = {
            "passed": not any(r.exit_code(strict=args.strict) for r in reports),
            "reports": [r.to_dict(args.lang) for r in reports],
        }
        stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    else:
        stdout.write("\n".join(r.format_text(args.lang, strict=args.strict) for r in reports) + "\n")
    return max(r.exit_code(strict=args.strict) for r in reports)
