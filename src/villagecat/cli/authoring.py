"""``villagecat init``, ``export``, ``import`` and ``release``: the publishing workflow."""

from __future__ import annotations

import argparse
import datetime as dt
import re
import subprocess
import warnings
from typing import TYPE_CHECKING, TextIO

from villagecat._i18n import Both, pair, say
from villagecat._write import package_folder, package_lock
from villagecat.cli._argparse import listed, vocabulary
from villagecat.cli._common import (
    add_format_option,
    add_layer_options,
    given,
    parent_hint,
    shown_path,
    written_form,
)
from villagecat.cli._sides import SIDE_FORMS, load_side
from villagecat.errors import InvalidRequestError, ListEntryNotice, PackageReadError, VillagecatError, WorkbookNotice
from villagecat.models import Level, Scope
from villagecat.resolution import registry_with

if TYPE_CHECKING:
    from pathlib import Path

    from villagecat.package import LayerPackage
    from villagecat.registry import LayerRegistry

__all__ = ["register"]


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the publishing subcommands."""
    init = sub.add_parser(
        "init",
        help="新建目录层数据包 / scaffold a new layer package",
        description="新建一个空的目录层数据包，声明上级层。 Scaffold an empty layer package with its parent declared.",
    )
    init.add_argument(
        "path", type=given, help="新数据包的文件夹（须不存在或为空） / folder of the new package (absent or empty)"
    )
    levels = tuple(m for m in Level if m is not Level.NATIONAL)
    init.add_argument(
        "--level",
        required=True,
        type=vocabulary(Level),
        choices=levels,
        help=f"新层的层级：{listed(levels).zh} / the new layer's level: {listed(levels).en}",
    )
    init.add_argument(
        "--code",
        required=True,
        type=given,
        help="6 位行政区划代码（乡镇为 9 位） / 6-digit division code (9 for a township)",
    )
    init.add_argument("--name", required=True, type=given, help="中文名称，如 浙江省 / Chinese name, e.g. 浙江省")
    init.add_argument(
        "--name-en",
        type=given,
        help="英文名称（默认为中文名称的拼音，如 西湖区 → Xihu） / English name (default: the Chinese name in pinyin)",
    )
    init.add_argument("--slug", type=given, help="小写简称（默认 d<代码>） / lower-case slug (default: d<code>)")
    init.add_argument(
        "--parent",
        type=given,
        help="上级层标识（默认最近的已知上级层） / parent layer id (default: the nearest known layer above)",
    )
    init.add_argument(
        "--covers",
        type=vocabulary(Scope),
        choices=tuple(Scope),
        default="both",
        help=f"新层适用于：{listed(Scope).zh}；默认 %(default)s"
        f" / what the new layer applies to: {listed(Scope).en} (default: %(default)s)",
    )
    add_layer_options(init)
    init.set_defaults(handler=_init)

    export = sub.add_parser(
        "export",
        help="导出为 Excel 工作簿 / export a layer as an Excel workbook",
        description="把目录层（数据包路径或内置层）写成工作簿：每类条目一张工作表，中文表头。"
        " Write a layer (package path or shipped layer) as a workbook:"
        " one sheet per item kind, with Chinese titles.",
    )
    export.add_argument(
        "layer", type=given, help=f"要导出的目录层：{SIDE_FORMS[0]} / the layer to export: {SIDE_FORMS[1]}"
    )
    add_format_option(export, ("xlsx",), default="xlsx")
    export.add_argument(
        "-o",
        "--output",
        type=given,
        help="要写出的工作簿（默认 <标识>.xlsx） / the workbook to write (default: <id>.xlsx)",
    )
    export.add_argument(
        "--force",
        action="store_true",
        help="覆盖已存在的同名工作簿（默认拒绝，以免覆盖填写过的表格）"
        " / replace an existing workbook (refused by default)",
    )
    export.set_defaults(handler=_export)

    imp = sub.add_parser(
        "import",
        help="由 Excel 工作簿生成数据包 / turn a workbook back into a package",
        description="把（export 写出的）工作簿读成数据包；每个问题都写明工作表、行和列。"
        " Read a workbook (as written by export) into a package; every problem names sheet, row and column.",
    )
    imp.add_argument(
        "workbook",
        type=given,
        help="要读入的工作簿（.xlsx，由 export 写出） / the workbook to read (.xlsx, as export writes it)",
    )
    imp.add_argument(
        "-o", "--output", required=True, type=given, help="要写入的数据包文件夹 / the package folder to write"
    )
    add_format_option(imp, ("csv", "json"), default=None, written=True)
    imp.add_argument(
        "--force",
        action="store_true",
        help="写入不是数据包的非空文件夹（不删除其中任何文件），以较旧的版本覆盖较新的版本，"
        "或照工作簿写入删去、改动了已发布的发布记录（datapackage.json 中的这些记录随之删去或改写）"
        " / write into a non-empty folder that holds no package (nothing in it is removed),"
        " an older version over a newer one, or the workbook's release records where published ones were"
        " deleted or edited (they are then deleted or rewritten in datapackage.json)",
    )
    add_layer_options(imp)
    imp.set_defaults(handler=_import)

    release = sub.add_parser(
        "release",
        help="发布新版本 / bump the version by what changed and add a changelog entry",
        description="将数据包与上一版本（默认为 git 中已提交的版本）比较，"
        "按变更需要升级版本号，并在发布记录中增加一条。从未发布过（发布记录为空）的数据包，"
        "无论 git 中是否已提交，都以声明的版本记为首次发布。"
        "退出码：0 已发布；1 未发布（与上一版本没有变化、违反合并规则或数据包有问题，文件不作改动）；2 无法读取。"
        " Compare PATH with its previous release (default: the committed version in git) and bump the"
        " version by what the changes require, adding an entry to layer.releases. A package that records"
        " no release, committed or not, records its declared version as its first release. Exit 0 released;"
        " 1 not released (nothing changed, a merge rule broken, or the package has problems; no file is"
        " changed); 2 unreadable.",
    )
    release.add_argument(
        "path",
        type=given,
        help="要发布的数据包：文件夹或其 datapackage.json / the package to release: a folder or its datapackage.json",
    )
    release.add_argument(
        "--against",
        type=given,
        help="上一版本（路径、版本:路径或内置层；默认 HEAD:路径，从未发布过则为首次发布）"
        " / the previous release (path, REV:path or shipped layer); default HEAD:PATH,"
        " or a first release if the package records none",
    )
    release.add_argument(
        "--notes",
        type=given,
        help="发布说明（默认按变更自动汇总） / changelog text (default: a summary of the changes)",
    )
    release.add_argument(
        "--date",
        type=_date,
        help="发布日期 YYYY-MM-DD（默认北京时间今天）"
        " / release date YYYY-MM-DD (default: today in China Standard Time, UTC+8)",
    )
    add_layer_options(release)  # the layers above a package not shipped, and those below that its bump must count
    release.set_defaults(handler=_release)


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        shaped = re.fullmatch(r"\d{4}-\d{2}-\d{2}", text.strip()) is not None  # the form is right, the day is not
        key = "date-impossible" if shaped else "date-form"
        raise argparse.ArgumentTypeError(" / ".join(pair(key, text=text))) from None


def _layer_named(registry: LayerRegistry, layer_id: str) -> Both:
    """A layer as a clerk knows it: 220000 吉林省 (220000 Jilin)."""
    found = registry.get(layer_id)
    if found is None:
        return Both(layer_id, layer_id)
    return Both(f"{layer_id} {found.layer.name_zh}", f"{layer_id} {found.layer.name_en}")


def _listed(registry: LayerRegistry, layer_ids: list[str]) -> Both:
    named = [_layer_named(registry, i) for i in layer_ids]
    return Both("、".join(str(n.zh) for n in named), ", ".join(str(n.en) for n in named))


def _init(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    from villagecat.authoring import init_layer, skipped_layers  # noqa: PLC0415
    from villagecat.package import load_layer  # noqa: PLC0415

    covers = (Scope.VILLAGE, Scope.COMMUNITY) if args.covers == "both" else (Scope(args.covers),)
    registry = registry_with(args.layer)
    written = init_layer(
        args.path,
        level=Level(args.level),
        code=args.code,
        name_zh=args.name,
        name_en=args.name_en,
        slug=args.slug,
        parent=args.parent,
        covers=covers,
        registry=registry,
    )
    layer = load_layer(written).layer  # the parent as init resolved it (by default, or a name given)
    if layer.parent is not None and (skipped := skipped_layers(layer.level, layer.id, layer.parent.id, registry)):
        told = say(
            "init-parent-skips",
            args.lang,
            parent=_layer_named(registry, layer.parent.id),
            between=_listed(registry, [p.layer.id for p in skipped]),
            code=layer.id,
            nearest=skipped[0].layer.id,
            path=shown_path(written),
        )
        stderr.write(f"villagecat: {say('notice', args.lang, what=told)}\n")
    stdout.write(f"{written}\n")
    return 0


def _export(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    from villagecat.workbook import export_workbook  # noqa: PLC0415

    del stderr
    package = load_side(args.layer, registry_with())
    written = export_workbook(package, args.output or f"{package.layer.id}.xlsx", force=args.force)
    stdout.write(f"{written}\n")
    return 0


def _import(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    from villagecat.authoring import carry_clause_edits, carry_earlier_ids, earlier_ids_carried  # noqa: PLC0415
    from villagecat.errors import ValidationFailedError  # noqa: PLC0415
    from villagecat.package import save_layer  # noqa: PLC0415
    from villagecat.report import ValidationReport  # noqa: PLC0415
    from villagecat.validation import check_package  # noqa: PLC0415
    from villagecat.workbook import (  # noqa: PLC0415
        drop_deleted_rows_clauses,
        import_workbook,
        say_renumbered,
        titled,
    )

    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", WorkbookNotice)
            package = import_workbook(args.workbook)
    except ValidationFailedError as exc:  # the package written there, if any, says which notices were said before
        there = _package_in(package_folder(args.output))
        _notices([w for w in caught if not _held(w.message, there)], stderr, args.lang)
        stdout.write(exc.report.format_text(args.lang) + "\n")
        return 1
    registry = registry_with(args.layer)
    folder = package_folder(args.output)
    previous = _previous_version(package, folder, registry)
    _notices([w for w in caught if not _held(w.message, previous)], stderr, args.lang)
    if previous is not None:  # a quote edited on the 条款 sheet reaches the items that cite it
        package = carry_clause_edits(package, previous)
        with warnings.catch_warnings(record=True) as dropped:
            warnings.simplefilter("always", WorkbookNotice)
            package = drop_deleted_rows_clauses(package, previous)  # a row deleted takes its clauses
            say_renumbered(package, previous, args.workbook)
        _notices(dropped, stderr, args.lang)
        # renumbered again: the layers below validate against the package imported, not only the one released
        carried = carry_earlier_ids(package, previous)
        said = earlier_ids_carried(package, carried)
        stderr.writelines(
            f"villagecat: {say('notice', args.lang, what=w.en if args.lang == 'en' else w.zh)}\n" for w in said
        )
        package = carried
    report = ValidationReport(target=str(args.workbook))
    check_package(package, report, registry)  # against its parents: merge rules too
    if not report.valid:
        stdout.write(titled(report).format_text(args.lang) + "\n")
        hint = parent_hint(report, args.lang, "import", workbook=args.workbook, output=args.output)
        stdout.write("" if hint is None else hint + "\n")
        return 1
    if not args.force and previous is not None and not (folder / "datapackage.json").is_file():
        _refuse_rewritten_history(package, previous, None)  # a new folder, for a layer known: before it is made
    with package_lock(folder):
        if not args.force:
            _refuse_going_back(package, folder)
        form = written_form(args.format, args.output)
        stdout.write(f"{save_layer(package, args.output, fmt=form, force=args.force)}\n")
    return 0


def _held(notice: Warning | str, previous: LayerPackage | None) -> bool:
    """Whether a list entry's comma was said before: the package written holds the entry, as one, in that field.

    A workbook exported from Jilin holds 各市（州）、县（市、区）, one entry as the source names it: its
    import says so once, when the entry is new, not at every round trip.
    """
    if not isinstance(notice, ListEntryNotice) or previous is None:
        return False
    from villagecat.package import RESOURCE_TITLES  # noqa: PLC0415

    resource = next((r for r, title in RESOURCE_TITLES.items() if title == notice.sheet), None)
    items = getattr(previous, resource, ()) if resource is not None else ()
    return any(notice.entry in (getattr(item, notice.field, None) or ()) for item in items)


def _notices(caught: list[warnings.WarningMessage], stderr: TextIO, lang: str) -> None:
    """Say what the import did that the clerk should know (merged cells read as filled, a blank sheet left out).

    One line each, naming the sheet; any other warning is passed on.
    """
    for warning in caught:
        if isinstance(warning.message, WorkbookNotice):
            stderr.write(f"villagecat: {say('notice', lang, what=warning.message.describe(lang))}\n")
        else:
            warnings.warn_explicit(warning.message, warning.category, warning.filename, warning.lineno)


def _package_in(folder: Path) -> LayerPackage | None:
    """The package in ``folder``, or None where there is none villagecat reads (the writer's own guard decides)."""
    from villagecat.package import load_layer  # noqa: PLC0415

    if not (folder / "datapackage.json").is_file():
        return None
    try:
        return load_layer(folder)
    except VillagecatError:
        return None


def _previous_version(package: LayerPackage, folder: Path, registry: LayerRegistry) -> LayerPackage | None:
    """The version a workbook was exported from: the package being written over, else the shipped layer of its id."""
    if (folder / "datapackage.json").is_file():
        there = _package_in(folder)
        return there if there is not None and there.layer.id == package.layer.id else None
    return registry.get(package.layer.id)


def _refuse_going_back(package: LayerPackage, folder: Path) -> None:
    """Refuse to write an older version over a newer one: the workbook was exported before a release."""
    from packaging.version import Version  # noqa: PLC0415

    from villagecat.package import load_layer  # noqa: PLC0415

    if not (folder / "datapackage.json").is_file():
        return
    try:
        there = load_layer(folder)
    except VillagecatError:
        return  # not a package villagecat reads: the writer's own guard decides
    if there.layer.id != package.layer.id:
        return
    if Version(there.layer.version) <= Version(package.layer.version):
        _refuse_rewritten_history(package, there, folder)
        return
    kept = {r.version for r in package.layer.releases}
    dropped = [r.version for r in there.layer.releases if r.version not in kept] or [there.layer.version]
    lost = Both("、".join(dropped), ", ".join(dropped))
    raise InvalidRequestError.because(
        "import-older", new=package.layer.version, old=there.layer.version, folder=str(folder), lost=lost
    )


def _refuse_rewritten_history(package: LayerPackage, there: LayerPackage, folder: Path | None) -> None:
    """Refuse a workbook whose 发布记录 rows lost or changed a release the folder's package published.

    The rows (three a release) were deleted as clutter, or a past 说明 rewritten, and the published
    history was gone from ``datapackage.json`` without a word. (An older workbook is told by
    ``import-older`` before, which names the releases it would drop.) ``folder`` None: a new folder, and
    ``there`` the layer of the workbook's id (shipped, or given by --layer), up to the workbook's version,
    since a workbook exported before a release lost none.
    """
    from packaging.version import Version  # noqa: PLC0415

    ours = {r.version: r for r in package.layer.releases}
    upto = Version(package.layer.version)
    changed = [
        (r.version, r.version in ours)
        for r in there.layer.releases
        if ours.get(r.version) != r and Version(r.version) <= upto
    ]
    if not changed:
        return
    zh = "、".join(f"发布记录 {v} 被{'改动' if kept else '删去'}" for v, kept in changed)
    en = ", ".join(f"release {v} {'edited' if kept else 'removed'}" for v, kept in changed)
    if folder is None:
        layer = f"{there.layer.id} {there.layer.version}"
        raise InvalidRequestError.because("import-history-layer", layer=layer, changed=Both(zh, en))
    raise InvalidRequestError.because("import-history", folder=str(folder), changed=Both(zh, en))


def _release(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    from villagecat.authoring import earlier_ids_carried, first_release, release_layer  # noqa: PLC0415
    from villagecat.diff import format_report  # noqa: PLC0415
    from villagecat.impact import outgrown_ranges  # noqa: PLC0415
    from villagecat.package import load_layer  # noqa: PLC0415
    from villagecat.report import ValidationReport  # noqa: PLC0415
    from villagecat.validation import check_package  # noqa: PLC0415

    folder = package_folder(args.path)  # a datapackage.json names its folder; a zip is refused
    if not folder.exists():  # the lock would make the folder: a release publishes what is there, never nothing
        raise PackageReadError.at(str(args.path), "no-such-path")
    registry = registry_with(args.layer)
    with package_lock(folder):  # the whole read-modify-write: concurrent releases lose nothing
        current = load_layer(folder)
        checked = ValidationReport(target=str(args.path))
        # a release is published: never one validate refuses (the merge rules against its parents included)
        check_package(current, checked, registry)
        if not checked.valid:  # refused, as a release breaking a merge rule is: on stderr
            hint = parent_hint(checked, args.lang, "release", path=args.path)
            stderr.write(checked.format_text(args.lang) + "\n" + ("" if hint is None else hint + "\n"))
            stderr.write(say("release-invalid", args.lang) + "\n")
            return 1
        # A package that records no release has no previous one to compare with, whatever git holds:
        # committing before releasing is the normal order. Only --against names a previous release.
        against = args.against or (_committed(folder) if current.layer.releases else None)
        if against is None:  # never released: the declared version is the first release
            if current.layer.releases:  # released before, yet no committed version to compare with
                raise InvalidRequestError.because(
                    "release-no-previous", version=current.layer.releases[-1].version, path=str(folder)
                )
            released = first_release(current, folder, notes=args.notes, date=args.date)
            key = "release-already" if released is current else "release-first"
            stdout.write(say(key, args.lang, id=released.layer.id, version=released.layer.version) + "\n")
            return 0
        previous = load_side(against, registry)
        released, report = release_layer(previous, current, folder, notes=args.notes, date=args.date, registry=registry)
    if released is current:
        stdout.write(say("release-already", args.lang, id=released.layer.id, version=released.layer.version) + "\n")
        return 0
    stdout.write(f"{released.layer.id} {previous.layer.version} → {released.layer.version}\n")
    # the version is set by the release: the layers below whose parent range it leaves behind are named with it
    report.children_outgrown = outgrown_ranges(previous.layer, released.layer.version, registry)
    carried = earlier_ids_carried(current, released)  # what release wrote into the clerk's rows, said
    stdout.writelines(f"{said.en if args.lang == 'en' else said.zh}\n" for said in carried)
    stdout.write(format_report(report, "markdown", lang=args.lang, codes=False))  # read by clerks: words, no codes
    return 0


def _git_in(folder: Path, *args: str) -> bool:
    """Whether git, run in the package's own folder (wherever the command runs), succeeds."""
    try:
        done = subprocess.run(["git", "-C", str(folder), *args], capture_output=True, check=False)  # noqa: S603, S607
    except OSError:  # no git: no repository to read
        return False
    return done.returncode == 0


def _in_git(folder: Path) -> bool:
    return folder.is_dir() and _git_in(folder, "rev-parse", "--show-toplevel")


def _committed(folder: Path) -> str | None:
    """Return ``HEAD:folder`` if the package was committed in its repository before, else None (a first release)."""
    if not _in_git(folder) or not _git_in(folder, "rev-parse", "--verify", "--quiet", "HEAD"):
        return None
    known = _git_in(folder, "cat-file", "-e", "HEAD:./datapackage.json")
    return f"HEAD:{folder.resolve()}" if known else None
