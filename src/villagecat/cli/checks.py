"""The check commands: ``check facility``, ``check signage``, ``certificate render``, ``audit``, ``admit``, ``lint``.

Each resolves the jurisdiction, runs one library check, prints its report and exits 1
when anything fails.
"""

from __future__ import annotations

import argparse
import json
import math
from typing import TYPE_CHECKING, TextIO

from villagecat._i18n import Both, pair, say
from villagecat.checks._fields import title
from villagecat.cli._argparse import Parser
from villagecat.cli._common import (
    add_changed_option,
    add_format_option,
    add_jurisdiction,
    add_layer_options,
    add_package_paths,
    add_scope_option,
    given,
    package_roots,
)
from villagecat.models import Scope
from villagecat.resolution import registry_with, resolve

if TYPE_CHECKING:
    from villagecat.checks import CheckReport

__all__ = ["register"]


def _common(parser: argparse.ArgumentParser, *, jurisdiction: bool = True) -> None:
    if jurisdiction:
        add_jurisdiction(parser)
    add_format_option(parser, ("text", "json", "markdown"))
    parser.add_argument("--all", action="store_true", help="同时列出符合的项目 / also list what passed")
    add_layer_options(parser)


def _emit(report: CheckReport, args: argparse.Namespace, stdout: TextIO) -> int:
    stdout.write(report.format(args.format, show_passes=args.all, lang=args.lang))
    return 1 if report.failed else 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the check subcommands."""
    check = sub.add_parser(
        "check",
        help="核查设施、标牌 / check a facility or signage against the catalog",
        description="对照有效目录核查一个村（社区）的综合服务设施（facility）或标牌标识（signage）。"
        " Check a village's (or an urban community's) facility or its signage against the effective catalog.",
    )
    kinds = check.add_subparsers(dest="check", metavar="CHECK", required=True, help="核查的对象 / what to check")
    facility = kinds.add_parser(
        "facility",
        help="综合服务设施面积核查 / facility areas",
        description="核查一个村（社区）的综合服务设施数据，或用 --file 核查多个村（社区）的 CSV、YAML、XLSX 文件。"
        " Check a village's (or an urban community's) facility figures, or a CSV/YAML/XLSX file of many (--file).",
    )
    # each titled as a --file column may be (villagecat.checks._fields), so the help names a column the file takes
    facility.add_argument("--floor-area", type=_measure, help=f"{title('floor_area_m2')}（平方米） / floor area, m²")
    facility.add_argument("--households", type=_count, help=f"{title('households')} / number of households")
    facility.add_argument(
        "--activity-area",
        type=_measure,
        help=f"{title('activity_area_m2')}（平方米） / area for residents' activities, m²",
    )
    facility.add_argument(
        "--function-areas",
        type=given,
        help="已有的功能区域，用 | 或 、 分隔 / function areas present, joined by | or 、",
    )
    facility.add_argument(
        "--file",
        type=given,
        help="多个村（社区）的数据文件（CSV、YAML 或 XLSX） / figures of many villages or communities"
        " (CSV, YAML or XLSX)",
    )
    add_scope_option(facility, listing=False)
    _common(facility)
    if isinstance(facility, Parser):  # the figures given both ways, or neither: a usage error (exit 2)
        facility.add_rule(_figures_given)
    facility.set_defaults(handler=_facility)
    signage = kinds.add_parser(
        "signage",
        help="标牌核查 / signage",
        description="核查一个村（社区）悬挂的标牌标识（YAML、CSV 或 XLSX）。"
        " Check a village's (or an urban community's) plaques and marks (YAML, CSV or XLSX).",
    )
    signage.add_argument(
        "file", type=given, help="标牌文件（YAML、JSON、CSV 或 XLSX） / the signs (YAML, JSON, CSV or XLSX)"
    )
    add_scope_option(signage, listing=False)
    _common(signage)
    signage.set_defaults(handler=_signage)

    cert = sub.add_parser(
        "certificate",
        help="证明事项 / certificates",
        description="村（社区）出具的证明事项：按范本出具（render）。"
        " The certificates a village issues: fill one in (render).",
    )
    actions = cert.add_subparsers(
        dest="action", metavar="ACTION", required=True, help="对证明事项的操作 / what to do with a certificate"
    )
    render = actions.add_parser(
        "render",
        help="按范本出具证明 / fill a retained certificate's template",
        description="按范本生成保留的证明；不应出具的证明则拒绝，并说明应如何办理。"
        " Fill a retained certificate's template; refuse, saying what to do instead,"
        " one the village must not issue.",
    )
    render.add_argument("certificate", type=given, help="证明事项的标识、名称或别名 / id, name or alias")
    add_jurisdiction(render)
    add_scope_option(render, listing=False, issuer=True)
    render.add_argument(
        "--set",
        action="append",
        default=[],
        type=_setting,
        metavar="NAME=VALUE",
        help="占位符的取值 / a placeholder's value",
    )
    add_format_option(render, ("text", "html"))
    render.add_argument(
        "-o",
        "--output",
        type=given,
        help="写入该文件（原子写入），而不是输出到屏幕 / write to this file (atomically) instead of standard output",
    )
    render.add_argument(
        "--force",
        action="store_true",
        help="覆盖已存在的 -o 文件（默认拒绝） / replace an existing -o file (refused by default)",
    )
    add_layer_options(render)
    render.set_defaults(handler=_render)

    audit = sub.add_parser(
        "audit",
        help="自查台账核查 / audit a self-inspection ledger",
        description="对照有效目录核查一个或多个村（社区）的自查台账（YAML、CSV 或 XLSX）。"
        " Check a ledger (YAML, CSV or XLSX) of one or many villages or urban communities against the effective"
        " catalog.",
    )
    audit.add_argument(
        "ledger", type=given, help="台账文件（YAML、JSON、CSV 或 XLSX） / the ledger (YAML, JSON, CSV or XLSX)"
    )
    add_scope_option(audit, listing=False)
    _common(audit)
    audit.set_defaults(handler=_audit)

    admit = sub.add_parser(
        "admit",
        help="准入判断 / may this task be given to a village?",
        description="判断一项或多项工作能否交由村级组织（--scope 社区：社区组织）承担（准入）。"
        " Decide admission for one or more tasks, asked of a village (or, with --scope 社区, an urban community).",
    )
    admit.add_argument(
        "tasks",
        nargs="+",
        metavar="TASK",
        type=given,
        help="要交由村级组织承担的工作事项，写出完整名称（可多个），如 代办社会保险登记"
        " / the task's whole name (one or more), such as 代办社会保险登记",
    )
    add_scope_option(admit, listing=False, rows=False)
    _common(admit)
    admit.set_defaults(handler=_admit)

    lint = sub.add_parser(
        "lint",
        help="政策规则检查 / policy lint of a layer",
        description="用来源文件规定的规则检查目录层数据；--format json 检查多个数据包时输出一个对象："
        "failed（是否有不符合）与 reports（各数据包的报告）。"
        " Apply the national opinion's rules to layer packages; with --format json, several packages"
        " give one object: failed, and reports (each package's report).",
    )
    add_package_paths(lint)
    add_changed_option(lint)
    _common(lint, jurisdiction=False)
    lint.set_defaults(handler=_lint)


def _facility(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    from villagecat.checks import FacilityFigures, check_facility, read_facility_file  # noqa: PLC0415

    del stderr
    catalog = resolve(args.jurisdiction, layers=args.layer)
    scope = Scope(args.scope)
    if args.file:
        figures = read_facility_file(args.file, scope=scope)
    else:
        areas = (
            tuple(p.strip() for p in args.function_areas.replace("、", "|").split("|")) if args.function_areas else None
        )
        figures = [FacilityFigures(args.floor_area, args.households, args.activity_area, areas, scope=scope)]
    return _emit(check_facility(catalog, figures), args, stdout)


#: The figures of one village, by option: none of them may be given with ``--file``.
_FIGURES = {
    "--floor-area": "floor_area",
    "--households": "households",
    "--activity-area": "activity_area",
    "--function-areas": "function_areas",
}


def _figures_given(args: argparse.Namespace) -> Both | None:
    """The usage error of ``check facility``'s figures: one village's beside ``--file``, or no floor area at all."""
    given = [flag for flag, value in _FIGURES.items() if getattr(args, value) is not None]
    if args.file and given:
        return Both(*pair("facility-file-and-figures", flags=Both("、".join(given), ", ".join(given))))
    if not args.file and args.floor_area is None:
        return Both(*pair("facility-figures-needed"))
    return None


def _signage(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    from villagecat.checks import check_signage, read_signs  # noqa: PLC0415

    del stderr
    signs = read_signs(args.file, scope=Scope(args.scope))
    return _emit(check_signage(resolve(args.jurisdiction, layers=args.layer), signs), args, stdout)


def _measure(text: str) -> float:
    """An argparse type: a finite number that is not negative."""
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or value < 0:
        raise argparse.ArgumentTypeError(" / ".join(pair("argument-number", text=text)))
    return value


def _count(text: str) -> int:
    """An argparse type: a whole number that is not negative."""
    if not text.strip().isdigit():
        raise argparse.ArgumentTypeError(" / ".join(pair("argument-integer", text=text)))
    return int(text)


def _setting(text: str) -> tuple[str, str]:
    """An argparse type: a placeholder's ``NAME=VALUE``, its name not blank (else a usage error, exit 2)."""
    name, sep, value = text.partition("=")
    if not sep or not name.strip():
        raise argparse.ArgumentTypeError(" / ".join(pair("set-form", item=text)))
    return name.strip(), value


def _render(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    from villagecat.checks import CertificateRefusedError, render_certificate  # noqa: PLC0415

    values = dict(args.set)
    try:
        catalog = resolve(args.jurisdiction, layers=args.layer)
        scope = None if args.scope is None else Scope(args.scope)
        rendered = render_certificate(catalog, args.certificate, values, scope=scope)
    except CertificateRefusedError as exc:
        stderr.write(f"villagecat: {say('refused', args.lang, detail=exc.describe(args.lang))}\n")
        return 1
    text = rendered.html if args.format == "html" else rendered.text
    if args.output:
        from villagecat._write import atomic_write  # noqa: PLC0415

        stdout.write(f"{atomic_write(args.output, text.encode('utf-8'), replace=args.force)}\n")
    else:
        stdout.write(text)
    return 0


def _audit(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    from villagecat.checks import audit, read_ledger  # noqa: PLC0415

    del stderr
    ledger = read_ledger(args.ledger, scope=Scope(args.scope))
    return _emit(audit(resolve(args.jurisdiction, layers=args.layer), ledger), args, stdout)


def _admit(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    from villagecat.checks import admit  # noqa: PLC0415

    del stderr
    args.all = True
    catalog = resolve(args.jurisdiction, layers=args.layer)
    return _emit(admit(catalog, args.tasks, Scope(args.scope)), args, stdout)


def _lint(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    from villagecat.checks import lint  # noqa: PLC0415
    from villagecat.package import load_layer  # noqa: PLC0415

    del stderr
    registry = registry_with(args.layer)
    paths = package_roots(args.paths, changed=args.changed)
    if not paths:  # --changed, and no changed file is a package's
        stdout.write(say("changed-no-package", args.lang) + "\n")
        return 0
    if args.format == "json" and len(paths) > 1:  # one document, as validate and quotes give for several
        reports = [lint(load_layer(path), registry) for path in paths]
        payload = {"failed": any(r.failed for r in reports), "reports": [r.to_dict() for r in reports]}
        stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
        return max(int(r.failed) for r in reports)
    status = 0
    for path in paths:
        status = max(status, _emit(lint(load_layer(path), registry), args, stdout))
    return status
