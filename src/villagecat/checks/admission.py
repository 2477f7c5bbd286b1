"""Admission (准入): may this task be given to a village, on what conditions, by which route?

A task is matched against whole listed items, by meaning as far as names carry it: the
task's normalised text (traditional to simplified, full- and half-width forms, spaces) must
equal a listed item's name or one of its aliases. A word the task shares with an item is
never enough: 「安全生产宣传」 is not 「作为安全生产事务的责任主体」, and no category decides
anything. What a shared word does give is a pointer: a prohibited item whose subject the task
mentions is named beside the answer, so the reader can judge.

Certificates are answered too: 「居民养犬证明」 is a certificate a village does not issue,
with its basis and how the matter is handled instead.
"""

from __future__ import annotations

from difflib import SequenceMatcher
from typing import TYPE_CHECKING, Literal

from villagecat._names import normalise_name
from villagecat.checks._report import CheckReport, Finding
from villagecat.checks._rules import obligation, rule
from villagecat.errors import InvalidRequestError
from villagecat.models import CertificateStatus, DutyKind, Scope

if TYPE_CHECKING:
    from villagecat.merging import EffectiveCatalog
    from villagecat.models import Certificate, Duty, Obligation

__all__ = ["admission_findings", "admit", "match_certificates", "match_duties", "match_obligations"]

#: A task shorter than this (after normalising) names nothing: 「的」 is not a task.
_MIN_TASK = 2
#: How many characters a task must share with a prohibited item's name to point at it.
_RELATED = 4


def _names(item: Duty | Certificate) -> set[str]:
    return {normalise_name(item.name), *(normalise_name(a) for a in item.aliases)}


def _task(task: str) -> str:
    key = normalise_name(task)
    if len(key) < _MIN_TASK:
        raise InvalidRequestError(
            f"the task {task!r} is too short to look up; write the task's whole name, such as 代办社会保险登记",
            f"事项“{task}”过短，无法查找；请写出事项的完整名称，如 代办社会保险登记",
        )
    return key


def match_duties(catalog: EffectiveCatalog, task: str) -> list[Duty]:
    """Return the listed duties (for villages) whose name or an alias is the task, normalised.

    Raises:
        InvalidRequestError: if the task is empty or a single character.
    """
    key = _task(task)
    return [d for d in catalog.duties(Scope.VILLAGE) if key in _names(d)]


def match_certificates(catalog: EffectiveCatalog, task: str) -> list[Certificate]:
    """Return the certificates whose name or an alias is the task, normalised."""
    key = _task(task)
    return [c for c in catalog.certificates() if not c.catch_all and key in _names(c)]


def _related_prohibitions(catalog: EffectiveCatalog, key: str) -> list[Duty]:
    """Prohibited duties whose name shares a run of characters with the task (a pointer, not a verdict)."""
    found = []
    for duty in catalog.duties(Scope.VILLAGE):
        if duty.duty_kind is not DutyKind.PROHIBITED:
            continue
        name = normalise_name(duty.name)
        match = SequenceMatcher(None, key, name, autojunk=False).find_longest_match(0, len(key), 0, len(name))
        if match.size >= _RELATED:
            found.append(duty)
    return found


def _duty_finding(task: str, duty: Duty, subject: str) -> Finding:
    if duty.duty_kind is DutyKind.PROHIBITED:
        return Finding(
            "admission-prohibited",
            "fail",
            f"“{task}”属于履职负面事项（{duty.name}），不得交由村级组织承担",
            f"{task!r} is a prohibited duty ({duty.name}); it may not be given to a village",
            subject,
            rule=duty.duty_kind,
            observed=task,
            citations=tuple(duty.citations),
            item=duty.id,
        )
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
    return Finding(
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


def _certificate_finding(catalog: EffectiveCatalog, task: str, cert: Certificate, subject: str) -> Finding:
    if cert.status is CertificateStatus.RETAINED:
        return Finding(
            "admission-certificate-retained",
            "pass",
            f"“{task}”是村级组织可以出具的证明事项（{cert.name}）",
            f"{task!r} is a certificate a village may issue ({cert.name})",
            subject,
            rule=cert.status,
            observed=task,
            citations=(*cert.citations, *cert.basis),
            item=cert.id,
        )
    instead = "、".join(a.label for a in cert.alternatives)
    how_zh = f"；改由{instead}等方式办理" if instead else ""
    how_en = f"; handled instead by {', '.join(a.value for a in cert.alternatives)}" if instead else ""
    return Finding(
        "admission-certificate-not-issued",
        "fail",
        f"“{task}”是村级组织{cert.status.label}的证明事项（{cert.name}）{how_zh}；村级组织应做好解释说明",
        f"{task!r} is a certificate villages do not issue ({cert.status.value}: {cert.name}){how_en}",
        subject,
        rule=cert.status,
        observed=task,
        citations=(*cert.citations, *rule(catalog, "certificate-explain")),
        item=cert.id,
    )


def _unlisted(catalog: EffectiveCatalog, task: str, key: str, subject: str) -> Finding:
    from villagecat.render import effective_admission  # noqa: PLC0415

    related = _related_prohibitions(catalog, key)
    note_zh = "".join(f"；另请注意：{d.name}属于履职负面事项，须核实本事项不致使村级组织成为责任主体" for d in related)
    note_en = "".join(f"; note: {d.name} is a prohibited duty, check the task does not amount to it" for d in related)
    cites = tuple(c for d in related for c in d.citations)
    route = effective_admission(catalog)
    if route is not None:
        layer, admission = route
        steps = " → ".join(admission.steps)
        return Finding(
            "admission-needs-approval",
            "fail",
            f"“{task}”不在目录中，须经{layer.name_zh}规定的准入程序：{steps}{note_zh}",
            f"{task!r} is not in the catalog; it needs the approval route of {layer.name_en}: {steps}{note_en}",
            subject,
            rule=list(admission.steps),
            observed=task,
            citations=(*admission.citations, *cites),
        )
    unassigned = obligation(catalog, "no-unassigned-tasks")
    if unassigned is not None:  # the chain's own rule: 未经县级党委和政府统一部署，不得……
        rule_zh = f"；{_rule_text(unassigned)}"
        rule_en = f"; {unassigned.condition + ', ' if unassigned.condition else ''}{unassigned.name}"
    else:
        rule_zh = rule_en = ""
    return Finding(
        "admission-needs-approval",
        "fail",
        f"“{task}”不在目录中；本辖区各层未规定准入程序{rule_zh}{note_zh}",
        f"{task!r} is not in the catalog; no layer sets an approval route{rule_en}{note_en}",
        subject,
        observed=task,
        citations=(*(unassigned.citations if unassigned is not None else ()), *cites),
    )


def match_obligations(catalog: EffectiveCatalog, task: str) -> list[Obligation]:
    """Return the rules on departments that govern the task: one of their matters, whole, is in it."""
    key = _task(task)
    found = []
    for candidate in catalog.obligations(Scope.VILLAGE):
        if candidate.truncated:  # never decide on words the source does not show
            continue
        matters = [normalise_name(t) for t in candidate.tasks]
        if any(len(m) >= _MIN_TASK and m in key for m in matters):
            found.append(candidate)
    return found


def _rule_text(obligation: Obligation) -> str:
    """The rule in one sentence: condition, who, what — each once, as the name may already say it."""
    text = obligation.name
    if obligation.bound and not any(b in text for b in obligation.bound):
        text = "、".join(obligation.bound) + text
    elif not obligation.bound:
        text = f"{text}（来源未写明受约束者）"
    if obligation.condition and obligation.condition not in text:
        text = f"{obligation.condition}，{text}"
    if obligation.exceptions and obligation.exceptions not in text:
        text += f"（{obligation.exceptions}）"
    return text


def _obligation_finding(catalog: EffectiveCatalog, task: str, obligation: Obligation, subject: str) -> Finding:
    """A rule on departments that governs the task.

    A forbidding rule with a condition (未经县级党委和政府统一部署) sends the task down the
    jurisdiction's approval route; one without a condition forbids it outright; a requiring
    rule (应当、由……提供) is advice to the department, not a verdict on the task.
    """
    from villagecat.render import effective_admission  # noqa: PLC0415

    rule_zh = _rule_text(obligation)
    who_en = ", ".join(obligation.bound) or "(the source does not say who)"
    citations = tuple(obligation.citations)
    then_zh = then_en = ""
    level: Literal["fail", "warn"]
    if not obligation.forbidden:
        code, level = "admission-rule-on-departments", "warn"
        lead_zh = f"“{task}”涉及对部门的要求："
    elif obligation.condition:
        code, level = "admission-conditional", "fail"
        lead_zh = f"“{task}”受减负措施约束："
        route = effective_admission(catalog)
        if route is not None:
            layer, admission = route
            then_zh = f"；确需村级组织承担的，须经{layer.name_zh}规定的程序：{' → '.join(admission.steps)}"
            steps = " → ".join(admission.steps)
            then_en = f"; where a village is truly needed, it takes the route of {layer.name_en}: {steps}"
            citations += tuple(admission.citations)
        else:
            then_zh, then_en = "；须先满足上述条件", "; the condition must be met first"
    else:
        code, level = "admission-forbidden-to-departments", "fail"
        lead_zh = f"“{task}”受减负措施约束："
    return Finding(
        code,
        level,
        f"{lead_zh}{rule_zh}{then_zh}",
        f"{task!r} is governed by a rule on departments ({obligation.id}): "
        f"{obligation.condition + ', ' if obligation.condition else ''}{who_en} "
        f"{'may not' if obligation.forbidden else 'is to'}: {obligation.name}{then_en}",
        subject,
        rule=obligation.modality,
        observed=task,
        citations=citations,
        item=obligation.id,
    )


def admission_findings(catalog: EffectiveCatalog, task: str, subject: str = "") -> list[Finding]:
    """Return the findings for one task: a listed duty or certificate, or the route it needs.

    Raises:
        InvalidRequestError: if the task is empty or a single character.
    """
    subject = subject or task
    key = _task(task)
    duties = match_duties(catalog, task)
    certificates = match_certificates(catalog, task)
    findings = [_duty_finding(task, d, subject) for d in duties]
    findings += [_certificate_finding(catalog, task, c, subject) for c in certificates]
    if not findings:
        findings = [_obligation_finding(catalog, task, o, subject) for o in match_obligations(catalog, task)]
    return findings or [_unlisted(catalog, task, key, subject)]


def admit(catalog: EffectiveCatalog, tasks: list[str]) -> CheckReport:
    """Decide admission for each task.

    Raises:
        InvalidRequestError: if a task is empty or a single character (nothing is decided).
    """
    for task in tasks:
        _task(task)
    report = CheckReport("admission", catalog.layer.id, catalog.layer.name_zh)
    for task in tasks:
        report.findings.extend(admission_findings(catalog, task))
    return report
