"""Admission (准入): may this task be given to a village, on what conditions, by which route?"""

from __future__ import annotations

from typing import TYPE_CHECKING

from villagecat.checks._report import CheckReport, Finding
from villagecat.checks._rules import rule
from villagecat.models import DutyKind, Scope

if TYPE_CHECKING:
    from villagecat.merging import EffectiveCatalog
    from villagecat.models import Duty

__all__ = ["admission_findings", "admit", "match_duties"]


def match_duties(catalog: EffectiveCatalog, task: str) -> list[Duty]:
    """Return the duties a task names: by name, or by a category or name the task contains."""
    task = task.strip()
    duties = catalog.duties(Scope.VILLAGE)
    exact = [d for d in duties if task == d.name]
    if exact:
        return exact
    return [d for d in duties if (d.category and d.category in task) or d.name in task or task in d.name]


def admission_findings(catalog: EffectiveCatalog, task: str, subject: str = "") -> list[Finding]:
    """Return one finding: the task is prohibited, listed (with its conditions), or unlisted."""
    subject = subject or task
    matches = match_duties(catalog, task)
    prohibited = [d for d in matches if d.duty_kind is DutyKind.PROHIBITED]
    if prohibited:
        duty = prohibited[0]
        return [
            Finding(
                "admission-prohibited",
                "fail",
                f"“{task}”属于履职负面事项（{duty.name}），不得交由村（社区）承担",
                f"{task!r} is a prohibited duty ({duty.name}); it may not be given to a village",
                subject,
                rule=duty.duty_kind,
                observed=task,
                citations=tuple(duty.citations),
                item=duty.id,
            )
        ]
    if matches:
        duty = matches[0]
        conditions = []
        if duty.duty_kind is DutyKind.ASSISTS:
            if duty.assist_activities:
                conditions.append("村级组织仅负责" + "、".join(a.label for a in duty.assist_activities))
            if duty.funding is not None:
                conditions.append(duty.funding.label)
        if duty.duty_kind is DutyKind.ENTRUSTED:
            conditions.append("须征得村级组织同意")
            if duty.funding is not None:
                conditions.append(duty.funding.label)
        extra = f"；条件：{'；'.join(conditions)}" if conditions else ""
        return [
            Finding(
                "admission-listed",
                "pass",
                f"“{task}”在目录中：{duty.duty_kind.label}（{duty.name}）{extra}",
                f"{task!r} is listed as {duty.duty_kind.value} ({duty.name})",
                subject,
                rule=duty.duty_kind,
                observed=task,
                citations=tuple(duty.citations),
                item=duty.id,
            )
        ]
    from villagecat.render import effective_admission  # noqa: PLC0415

    route = effective_admission(catalog)
    if route is not None:
        layer, admission = route
        steps = " → ".join(admission.steps)
        return [
            Finding(
                "admission-unlisted",
                "fail",
                f"“{task}”不在目录中，须经{layer.name_zh}规定的准入程序：{steps}；未经批准不得进入村（社区）",
                f"{task!r} is not in the catalog; it needs the approval route of {layer.name_en}: {steps}",
                subject,
                rule=list(admission.steps),
                observed=task,
                citations=tuple(admission.citations),
            )
        ]
    return [
        Finding(
            "admission-unlisted",
            "fail",
            f"“{task}”不在目录中；本辖区各层未规定准入程序，未经县级党委和政府统一部署不得派交村级组织",
            f"{task!r} is not in the catalog; no layer sets an approval route, and without the county's deployment "
            "no department may pass it to a village",
            subject,
            observed=task,
            citations=rule(catalog, "no-unassigned-tasks"),
        )
    ]


def admit(catalog: EffectiveCatalog, tasks: list[str]) -> CheckReport:
    """Decide admission for each task."""
    report = CheckReport("admission", catalog.layer.id, catalog.layer.name_zh)
    for task in tasks:
        report.findings.extend(admission_findings(catalog, task))
    return report
