"""Options shared by the subcommands that resolve a jurisdiction."""

from __future__ import annotations

import argparse
import functools
import os
from typing import TYPE_CHECKING, Literal

from villagecat._i18n import Both, pair, say
from villagecat.cli._argparse import Parser
from villagecat.models import Scope

if TYPE_CHECKING:
    from pathlib import Path

    from villagecat._i18n import Lang
    from villagecat.report import ValidationReport

__all__ = [
    "DATA_FORMATS",
    "add_changed_option",
    "add_format_option",
    "add_jurisdiction",
    "add_layer_options",
    "add_package_paths",
    "add_scope_option",
    "given",
    "package_roots",
    "parent_hint",
    "scope_of",
    "shown_path",
]


def default_lang() -> str:
    """The language of messages when ``--lang`` is not given: English under an English locale, else Chinese.

    The locale is read as the C library does: ``LC_ALL``, then ``LC_MESSAGES``, then ``LANG``.
    """
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "")
        if value:
            return "en" if value.lower().startswith("en") else "zh"
    return "zh"


def add_lang_option(parser: argparse.ArgumentParser, *, top: bool = False) -> None:
    """Add ``--lang zh|en``, defaulting to the locale's language (zh when unset).

    The top-level parser holds the default; a command's own ``--lang`` (after its name)
    overrides it, and ``villagecat --lang en COMMAND`` works as well.
    """
    parser.add_argument(
        "--lang",
        choices=("zh", "en"),
        default=default_lang() if top else argparse.SUPPRESS,
        help="提示与报告的语言（默认随系统语言环境，未设定时为中文） / language of messages and reports "
        "(default: the locale's, zh when unset)",
    )


def given(text: str) -> str:
    """An argparse type: a name, a task or a path that is not empty or blank (else a usage error, exit 2).

    ``explain 120117 ''`` looked up an item called nothing and said 没有条目 （…）: an empty
    argument (a variable not set in a script, a cell copied empty) is the caller's mistake.
    """
    if not text.strip():
        raise argparse.ArgumentTypeError(" / ".join(pair("argument-empty")))
    return text


def add_jurisdiction(parser: argparse.ArgumentParser, *, option: bool = True, then: tuple[str, ...] = ()) -> None:
    """Add the jurisdiction: ``--jurisdiction/-j`` (required); with ``option=False``, as the first positional too.

    ``-j`` is how every command that resolves a jurisdiction takes it (``admit``, ``audit``,
    ``check``…); those whose positionals start with it (``catalog 120117``, ``explain 120117
    ITEM``) take it either way. ``then`` names the positionals after it, shifted into place
    when ``-j`` gave it: ``explain -j 120117 ITEM FIELD``.
    """
    words = (
        "行政区划代码（120117）、中文名称（宁河区，或宁河）或简称（ninghe）"
        " / division code (120117), Chinese name (宁河区, or 宁河) or slug (ninghe)"
    )
    if option:
        parser.add_argument("--jurisdiction", "-j", required=True, type=given, help=words)
        return
    parser.add_argument("jurisdiction", nargs="?", type=given, help=f"{words}；也可写作 -j / or give it as -j")
    parser.add_argument(
        "--jurisdiction", "-j", dest="jurisdiction_option", metavar="JURISDICTION", type=given, help=words
    )
    if isinstance(parser, Parser):
        parser.add_rule(functools.partial(_one_jurisdiction, then=then))


def _jurisdiction_like(text: str | None) -> bool:
    """Whether a word typed alone names a jurisdiction: a division code (or cn), or a shipped layer's name."""
    import re  # noqa: PLC0415

    from villagecat.errors import VillagecatError  # noqa: PLC0415
    from villagecat.registry import shipped_registry  # noqa: PLC0415

    if text is None:
        return False
    if re.fullmatch(r"\d{6}|cn", text.strip()):
        return True
    try:
        shipped_registry().find(text)
    except VillagecatError:
        return False
    return True


def _one_jurisdiction(args: argparse.Namespace, then: tuple[str, ...]) -> Both | None:
    """The jurisdiction given once, positionally or by ``-j``; with ``-j``, the positionals moved up one."""
    given = args.jurisdiction_option
    del args.jurisdiction_option
    if given is None:
        if args.jurisdiction is None and then and _jurisdiction_like(getattr(args, then[0])):
            # ``explain 120117``: argparse fills the required ITEM first, so what was typed is the jurisdiction
            # and the item is what is missing, not the jurisdiction
            typed = [getattr(args, name) for name in then]
            args.jurisdiction = typed[0]
            for name, value in zip(then, [*typed[1:], None], strict=True):
                setattr(args, name, value)
            return Both(*pair("usage-required", names=Both(then[0], then[0])))
        if args.jurisdiction is None:
            return Both(*pair("usage-required", names=Both("jurisdiction（-j）", "jurisdiction (-j)")))
        return None
    if args.jurisdiction is None:
        args.jurisdiction = given
        return None
    shifted = [args.jurisdiction, *(getattr(args, name) for name in then)]
    if not then or shifted[-1] is not None:  # a positional jurisdiction beside -j
        return Both(*pair("usage-jurisdiction-twice", first=args.jurisdiction, second=given))
    args.jurisdiction = given
    for name, value in zip(then, shifted, strict=False):
        setattr(args, name, value)
    return None


#: The output formats that are data a program reads back, not a report a person reads.
DATA_FORMATS = frozenset({"json", "yaml", "csv", "patch"})


def add_format_option(
    parser: argparse.ArgumentParser, choices: tuple[str, ...], *, default: str | None = "text", written: bool = False
) -> None:
    """Add ``--format``: what the command prints in, or (``written=True``) the format of the resources it writes."""
    words = (
        "写出的资源格式（默认沿用所写数据包原来的格式，否则为 csv） / resource format written"
        " (default: the form of the package written over or read, else csv)"
        if written
        else "输出格式（默认 %(default)s） / output format (default: %(default)s)"
    )
    parser.add_argument("--format", choices=choices, default=default, help=words)
    if written:  # the form of the files written: what the command prints is a report
        parser.set_defaults(format_written=True)


def written_form(requested: str | None, output: str, source: str | None = None) -> Literal["csv", "json"]:
    """The form to write a package in: as asked, else that of the package written over, else the source's, else csv."""
    from pathlib import Path  # noqa: PLC0415

    from villagecat.errors import VillagecatError  # noqa: PLC0415
    from villagecat.package import package_form  # noqa: PLC0415

    if requested in ("csv", "json"):
        return "json" if requested == "json" else "csv"
    for candidate in (output, source):
        if candidate is not None and (Path(candidate).is_dir() or Path(candidate).is_file()):
            try:
                return package_form(candidate)
            except (VillagecatError, OSError):
                continue
    return "csv"


def add_package_paths(parser: argparse.ArgumentParser) -> None:
    """Add the packages a command reads, ``PATH`` one or more (see :func:`package_roots`)."""
    parser.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        type=given,
        help="数据包文件夹、datapackage.json、zip，或数据包中的文件（可多个）"
        " / package folder, datapackage.json, zip, or a file inside a package (one or more)",
    )


def add_layer_options(parser: argparse.ArgumentParser) -> None:
    """Add ``--layer PATH`` (repeatable)."""
    parser.add_argument(
        "--layer",
        action="append",
        default=[],
        metavar="PATH",
        type=given,
        help="加入层级链的非内置数据包（可重复）"
        " / a package outside the shipped data that joins the chain (repeatable)",
    )


def add_scope_option(
    parser: argparse.ArgumentParser, *, listing: bool = True, rows: bool = True, issuer: bool = False
) -> None:
    """Add ``--scope``: 村 or 社区 (``village``, ``community``), and, to list items, 全部 (``all``).

    The default is villages; in a check of a file, a row's own 村或社区 column decides before it
    (``rows=False`` for a check that reads no file, such as ``admit``). ``issuer``: the place that
    issues a certificate, unset by default (the certificate's words name whom it applies to).
    """
    if issuer:
        words = (
            "出具证明的是村还是社区（不给出时，证明按其适用范围称呼：村（社区），只适用于村的写村）"
            " / the place issuing it, a village or an urban community (unset: named by whom the certificate"
            " applies to)"
        )
    elif listing:
        words = (
            "只列适用于村（默认）、社区或全部的条目 / items that apply to villages (default), to communities, or all"
        )
    elif not rows:
        words = "按村（默认）或社区的目录判断 / decide for a village (default) or an urban community"
    else:
        words = (
            "按村（默认）或社区的规则核查；文件中填了“村或社区”一列的行以该列为准"
            " / check by the rules of a village (default) or a community; a row's own scope column wins"
        )
    parser.add_argument(
        "--scope",
        type=functools.partial(_scope_word, listing=listing),
        default=None if issuer else "village",
        metavar="{村,社区" + (",全部}" if listing else "}"),
        help=words,
    )


def _scope_word(text: str, *, listing: bool) -> str:
    """An argparse type: 村, 社区 (or 全部 for a listing), in Chinese or as the code; the code is kept."""
    word = text.strip()
    if listing and word in ("all", "全部"):
        return "all"
    try:
        scope: Scope | None = Scope(Scope.from_text(word).value)
    except ValueError:
        scope = None
    if scope in (Scope.VILLAGE, Scope.COMMUNITY):
        return str(scope.value)
    allowed = Both("村、社区、全部", "village, community, all") if listing else Both("村、社区", "village, community")
    raise argparse.ArgumentTypeError(" / ".join(pair("argument-scope", text=text, allowed=allowed)))


def scope_of(value: str) -> Scope | None:
    """Return the Scope for a ``--scope`` value (None for ``all``)."""
    return None if value == "all" else Scope(value)


def add_changed_option(parser: argparse.ArgumentParser) -> None:
    """Add ``--changed``: the paths are the files a commit changed (a pre-commit hook's), see :func:`package_roots`."""
    parser.add_argument(
        "--changed",
        action="store_true",
        help="所给路径是改动过的文件（pre-commit 钩子所给）：只检查它们所属的数据包，不属于数据包的文件"
        "（说明、台账、其他 JSON）略过 / the paths are changed files (a pre-commit hook's): check the packages"
        " they belong to, and pass over files of no package (notes, ledgers, other JSON)",
    )


def package_roots(paths: list[str], *, changed: bool = False) -> list[str]:
    """Return the packages that ``paths`` name, each once, in order.

    A folder or a zip names itself; a file a package is made of (its ``datapackage.json``, a
    resource its descriptor lists, as ``signs.csv`` or ``./signs.csv``) names the nearest folder
    above it that holds a ``datapackage.json``, so a pre-commit hook can pass the changed files;
    any other file (a PDF or a ledger beside the package) and a file outside every package are
    kept, to be reported as no package; with ``changed`` (the files a commit changed,
    ``--changed``) they are passed over, as not villagecat's, and the list may be empty. With
    ``changed``, a package folder's file that is gone (deleted, or renamed: ``git diff
    --name-only`` names it) names the package, as does any of its files while its descriptor
    lists one that is gone (the new name of a resource renamed, the descriptor left as it was);
    a file gone with its package is passed over, as is a file of another tool's data package
    (:func:`~villagecat.package.foreign_descriptor`: a ledger kept as a standard data package).
    """
    import posixpath  # noqa: PLC0415
    from pathlib import Path  # noqa: PLC0415

    from villagecat.package import descriptor_files, foreign_descriptor  # noqa: PLC0415

    cwd = Path.cwd().resolve()
    roots: dict[str, None] = {}
    owned: dict[Path, tuple[frozenset[str], bool] | None] = {}  # each descriptor read once: its files, one gone
    foreign: dict[Path, bool] = {}  # each descriptor judged once: another tool's data package
    for raw in paths:
        try:
            path = Path(raw).resolve()
        except RuntimeError:  # a loop of links (Python before 3.13): the reader says so, as it reads it
            roots[raw] = None
            continue
        # The folder the file sits in as named, not where a link leads: a package's file that is a link out of
        # it belongs to the package (which refuses the link), not to wherever the link points.
        named = Path(os.path.abspath(raw))  # noqa: PTH100 - lexical: no link followed
        link = named.is_symlink()
        if link:
            path = named.parent.resolve() / named.name
        gone = changed and not path.exists() and not link
        # only a file (.csv, .json) can be a package's member: a folder is not looked above (the nation: 17,000 stats)
        member = (path.is_file() or link or gone) and path.suffix.lower() in (".csv", ".json")
        owner = next((p for p in path.parents if (p / "datapackage.json").is_file()), None) if member else None
        if owner is None:
            if not (changed and (gone or (path.is_file() and path.suffix.lower() != ".zip"))):  # a zip names itself
                roots[raw] = None
            continue
        if changed and owner not in foreign:
            foreign[owner] = foreign_descriptor(owner)
        if changed and foreign[owner]:
            continue  # a file of another tool's data package (a ledger kept as one): not villagecat's
        if owner not in owned:
            files = descriptor_files(owner)
            listed_files = None if files is None else frozenset(posixpath.normpath(f) for f in files)
            one_gone = listed_files is not None and any(not (owner / f).exists() for f in listed_files)
            owned[owner] = None if listed_files is None else (listed_files, one_gone)
        own = owned[owner]  # None: a descriptor that does not read, for validate to say why
        listed = own is None or path.relative_to(owner).as_posix() in own[0] or (changed and (gone or own[1]))
        if listed:
            roots[str(owner.relative_to(cwd)) if owner.is_relative_to(cwd) else str(owner)] = None
        elif not changed:
            roots[raw] = None
    return list(roots)


def shown_path(path: object) -> str:
    """A path as a command line types it: quoted only where a shell would split or expand it (``'西湖 区.xlsx'``)."""
    import re  # noqa: PLC0415
    import shlex  # noqa: PLC0415

    text = str(path)
    return shlex.quote(text) if re.search(r"[\s'\"$`\\|&;<>()*?!#~{}\[\]]", text) or not text else text


def parent_hint(report: ValidationReport, lang: Lang, key: str, folder: object = None, **command: object) -> str | None:
    """The line that says how the command that printed ``report`` takes a parent it did not know; else None.

    The problem (``unknown-parent``) is the library's, the same for every caller; the hint is the
    command's own (``validate`` takes the parent listed before the package, ``import`` only by --layer).
    ``folder``: the parent's folder when it is known (the one the package sits in), else the words for it.
    """
    if not any(p.code == "unknown-parent" for p in report.problems):
        return None
    paths = {name: shown_path(value) for name, value in command.items()}
    where = Both(*pair("parent-folder")) if folder is None else shown_path(folder)
    return say(f"hint-unknown-parent-{key}", lang, folder=where, **paths)
