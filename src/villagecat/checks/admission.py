"""Admission (准入): may this task be given to a village, on what conditions, by which route?

A task is matched against whole listed items, by meaning as far as names carry it: the
task's normalised text (traditional to simplified, full- and half-width forms, spaces) must
equal a listed item's name or one of its aliases. A task is asked for a village or for an
urban community (``scope``): only the items that apply to it count, and a community reads the
catalog's words for a village as its own (实行居民自治 is 实行村民自治, see
:func:`villagecat._names.place_form`). A word the task shares with an item is
never enough: 「安全生产宣传」 is not 「作为安全生产事务的责任主体」, and no category decides
anything. What a shared word does give is a pointer: a prohibited item whose subject the task
mentions is named beside the answer, so the reader can judge.

Certificates are answered too: 「居民养犬证明」 is a certificate a village does not issue,
with its basis and how the matter is handled instead. A task only alike to such a certificate
(「养犬证明」) is pointed at it, for the reader to judge (:func:`similar_certificates`, which
``audit`` uses for the certificates a ledger records).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from villagecat._arguments import need_catalog, need_items, need_member
from villagecat._i18n import Both, pair, say
from villagecat._names import alike, looked_up, normalise_name, place_form
from villagecat._shown import shown
from villagecat.checks import _codes as codes
from villagecat.checks._report import CheckReport, Finding, judged
from villagecat.checks._rules import by_reference, obligation, reference_clause, referenced
from villagecat.errors import InvalidRequestError
from villagecat.format.registry import kind_of_model
from villagecat.models import CertificateStatus, DutyKind, Scope

if TYPE_CHECKING:
    from collections.abc import Iterable

    from villagecat.checks._modality import Strength
    from villagecat.checks._report import FindingLevel
    from villagecat.merging import EffectiveCatalog
    from villagecat.models import AdmissionRoute, Certificate, Citation, Document, Duty, Obligation

__all__ = [
    "admission_findings",
    "admit",
    "match_certificates",
    "match_duties",
    "match_obligations",
    "org_words",
    "similar_certificates",
    "unrecorded_lists",
]

#: A task shorter than this (after normalising) names nothing: 「的」 is not a task.
_MIN_TASK = 2


def _names(item: Duty | Certificate, scope: Scope) -> set[str]:
    return {place_form(item.name, scope), *(place_form(a, scope) for a in item.aliases)}


def _task(task: str) -> str:
    key = normalise_name(looked_up(task, "task"))
    if len(key) < _MIN_TASK:
        raise InvalidRequestError.because("task-too-short", task=task)
    return key


def match_duties(catalog: EffectiveCatalog, task: str, scope: Scope = Scope.VILLAGE) -> list[Duty]:
    """Return the listed duties that apply to ``scope`` whose name or an alias is the task, normalised.

    Raises:
        InvalidRequestError: if the task is empty or a single character.
    """
    scope = need_member(scope, Scope)
    key = place_form(_task(task), scope)
    return [d for d in catalog.duties(scope) if key in _names(d, scope)]


def match_certificates(catalog: EffectiveCatalog, task: str, scope: Scope = Scope.VILLAGE) -> list[Certificate]:
    """Return the certificates whose name or an alias is the task, normalised (as ``scope`` reads names)."""
    scope = need_member(scope, Scope)
    key = place_form(_task(task), scope)
    return [c for c in catalog.certificates(scope) if not c.catch_all and key in _names(c, scope)]


def _related_prohibitions(catalog: EffectiveCatalog, key: str, scope: Scope) -> list[Duty]:
    """Prohibited duties (of ``scope``) whose name is alike to the task (a pointer, not a verdict)."""
    prohibited = [d for d in catalog.duties(scope) if d.duty_kind is DutyKind.PROHIBITED]
    return alike(key, prohibited, lambda d: (d.name,))


def similar_certificates(catalog: EffectiveCatalog, name: str, scope: Scope = Scope.VILLAGE) -> list[Certificate]:
    """Certificates a village does not issue (不应出具, 已取消) whose name or alias is most alike to ``name``.

    A pointer, never a match: 养犬证明 is not the listed 居民养犬证明 by name, and the reader is
    asked whether it is that one. Only the closest are given: a name names one certificate.
    """
    scope = need_member(scope, Scope)
    looked_up(name, "task")
    stopped = [c for c in catalog.certificates(scope) if c.status is not CertificateStatus.RETAINED and not c.catch_all]
    return alike(name, stopped, lambda c: (c.name, *c.aliases), closest=True)


def similar_names(certificates: list[Certificate]) -> Both:
    """The certificates :func:`similar_certificates` found, each with its status: “居民养犬证明”（不应出具）."""
    return Both(
        "、".join(f"“{c.name}”（{c.status.words.zh}）" for c in certificates),
        ", ".join(f"{c.name} ({c.status.words.en})" for c in certificates),
    )


def _by_reference(catalog: EffectiveCatalog, task: str, item: Duty | Certificate, scope: Scope) -> tuple[Citation, ...]:
    """The clause a community's task rests on when it matched a village's words only by reference, else ``()``.

    「规范城市社区组织……参照本意见精神执行」 (national 三): a community's 实行居民自治 is the
    catalog's 实行村民自治 by reference, and the finding says so; so is a duty named as written
    (作为拆迁拆违事务的责任主体) whose clause words it for villages (「不得将村级组织作为……」). A name
    the source writes for both (村（居）民) matches directly, and a duty a layer states for
    communities (村（社区）) is the community's own (:func:`~villagecat.checks._rules.by_reference`).
    """
    if scope is not Scope.COMMUNITY:
        return ()
    own = place_form(task, scope, by_reference=False)
    if own in {place_form(n, scope, by_reference=False) for n in (item.name, *item.aliases)}:
        return by_reference(catalog, scope, item)
    return reference_clause(catalog, scope)


def _reference_words(reference: tuple[Citation, ...]) -> Both:
    return Both(*pair("admission-by-reference")) if reference else Both("", "")


def org_words(scope: Scope) -> Both:
    """Whom a task is asked of, in words: 村级组织, or 社区组织 for an urban community (admit's and audit's)."""
    return Both(*pair("admission-org-community" if scope is Scope.COMMUNITY else "admission-org-village"))


def _duty_finding(
    task: str, duty: Duty, subject: str, reference: tuple[Citation, ...] = (), scope: Scope = Scope.VILLAGE
) -> Finding:
    if duty.duty_kind is DutyKind.PROHIBITED:
        # by reference: the source's own words (不得交由村级组织), then what they are for a community (a 提示)
        finding = Finding(
            codes.PROHIBITED.code,
            "fail",
            *pair(
                "admission-prohibited",
                task=task,
                duty=duty.name,
                reference=Both("", ""),
                org=org_words(Scope.VILLAGE if reference else scope),
            ),
            subject,
            rule=duty.duty_kind,
            observed=task,
            citations=duty.citations,
            item=duty.id,
        )
        return referenced(finding, reference)
    conditions: list[tuple[str, str]] = []
    if duty.duty_kind is DutyKind.ASSISTS and duty.assist_activities:
        activities = Both(
            "、".join(a.label for a in duty.assist_activities), ", ".join(a.value for a in duty.assist_activities)
        )
        conditions.append(pair("admission-condition-only", activities=activities))
    if duty.duty_kind is DutyKind.ENTRUSTED:
        conditions.append(pair("admission-condition-consent", org=org_words(scope)))
    if duty.duty_kind in (DutyKind.ASSISTS, DutyKind.ENTRUSTED) and duty.funding is not None:
        conditions.append((str(duty.funding.words.zh), str(duty.funding.words.en)))
    extra = (
        Both(
            say("admission-conditions", "zh", conditions="；".join(c[0] for c in conditions)),
            say("admission-conditions", "en", conditions="; ".join(c[1] for c in conditions)),
        )
        if conditions
        else ""
    )
    return Finding(
        codes.LISTED.code,
        "pass",
        *pair(
            "admission-listed",
            task=task,
            kind=duty.duty_kind.words,
            duty=duty.name,
            conditions=extra,
            reference=_reference_words(reference),
        ),
        subject,
        rule=duty.duty_kind,
        observed=task,
        citations=(*duty.citations, *reference),
        item=duty.id,
    )


def _certificate_finding(
    catalog: EffectiveCatalog, task: str, cert: Certificate, subject: str, scope: Scope = Scope.VILLAGE
) -> Finding:
    if cert.status is CertificateStatus.RETAINED:
        return Finding(
            codes.CERTIFICATE_RETAINED.code,
            "pass",
            *pair("admission-certificate-retained", task=task, certificate=cert.name, org=org_words(scope)),
            subject,
            rule=cert.status,
            observed=task,
            citations=(*cert.citations, *cert.basis),
            item=cert.id,
        )
    instead = Both("、".join(a.label for a in cert.alternatives), ", ".join(a.value for a in cert.alternatives))
    how = (
        Both(
            say("admission-certificate-instead", "zh", instead=instead),
            say("admission-certificate-instead", "en", instead=instead),
        )
        if cert.alternatives
        else ""
    )
    explain = obligation(catalog, "certificate-explain")
    finding = Finding(
        codes.CERTIFICATE_NOT_ISSUED.code,
        "fail",
        *pair(
            "admission-certificate-not-issued",
            task=task,
            status=cert.status.words,
            certificate=cert.name,
            instead=how,
            org=org_words(scope),
        ),
        subject,
        rule=cert.status,
        observed=task,
        citations=(*cert.citations, *(explain.citations if explain is not None else ())),
        item=cert.id,
    )
    # 「……村级组织要做好解释说明工作」 (national 二(三)8): a community explains by reference
    return referenced(finding, by_reference(catalog, scope, explain), own_basis=True)


def _notes(related: list[Duty], certificates: list[Certificate], scope: Scope) -> Both:
    """The prohibited duties and stopped certificates a task is alike to, to be checked, in both languages."""
    org = org_words(scope)
    similar = [pair("admission-note-certificate", similar=similar_names(certificates), org=org)] if certificates else []
    prohibited = [pair("admission-note-prohibited", duty=d.name, org=org) for d in related]
    return Both("".join(z for z, _ in (*prohibited, *similar)), "".join(e for _, e in (*prohibited, *similar)))


#: The words of a list a task may be in (a 工作事务清单, 履行职责事项指导目录, 证明事项指导目录), in an annex's title:
#: not a 机制牌子清单 or a 自查工作台账.
_TASK_LIST_WORDS = ("事务", "事项", "职责")


def unrecorded_lists(catalog: EffectiveCatalog, scope: Scope = Scope.VILLAGE) -> list[Document]:
    """The lists of tasks of the chain that are named but not recorded: annexes whose text the source lacks.

    A task not in the catalog as recorded may be in one of them (Ninghe's 附件1, Shanxi's 履行职责事项指导目录):
    whether it needs approval cannot then be told. Only the lists of layers that cover ``scope``: a layer of
    villages lists no community's tasks.
    """
    covering = {layer.id for layer in catalog.chain if layer.reach in (Scope.BOTH, scope)}
    return [
        d
        for d in catalog.documents()
        if not d.included
        and d.part_of is not None
        and d.id.split(".", 1)[0] in covering
        and any(word in d.title for word in _TASK_LIST_WORDS)
    ]


def _lists_said(catalog: EffectiveCatalog, lists: list[Document]) -> Both:
    """The lists named as a clerk finds them: whose, the annex's number, its title (宁河区附件1《…》)."""
    names = {layer.id: (layer.name_zh, layer.name_en) for layer in catalog.chain}
    zh, en = [], []
    for d in lists:
        whose = names.get(d.id.split(".", 1)[0], ("", ""))
        zh.append(f"{whose[0]}{d.number or ''}《{d.title}》")
        en.append(f"{whose[1]} {d.number or ''}《{d.title}》".replace("  ", " ").strip())
    return Both("、".join(zh), ", ".join(en))


def _unlisted(catalog: EffectiveCatalog, task: str, key: str, subject: str, scope: Scope) -> Finding:
    from villagecat.render import effective_admission  # noqa: PLC0415

    related = _related_prohibitions(catalog, key, scope)
    certificates = similar_certificates(catalog, key, scope)
    notes = _notes(related, certificates, scope)
    explain = obligation(catalog, "certificate-explain") if certificates else None
    # A name alike to one not to issue cites what the exact name does: 要做好解释说明 (Ninghe's for 村（社区）).
    cites = (
        *(c for item in (*related, *certificates) for c in item.citations),
        *(explain.citations if explain is not None else ()),
    )
    route = effective_admission(catalog, scope)
    lists = unrecorded_lists(catalog, scope)
    # Not in a list the data does not hold is no verdict: a note naming the lists, the route if it is not there.
    declared, unknown = (codes.LISTS_NOT_INCLUDED, "-lists-not-included") if lists else (codes.NEEDS_APPROVAL, "")
    level: FindingLevel = "warn" if lists else "fail"
    said = {"lists": _lists_said(catalog, lists)} if lists else {}
    unassigned = obligation(catalog, "no-unassigned-tasks")
    # The rules a community's finding rests on in the village's words: the prohibited duties it names, and the
    # route (「党政群机构涉及村级的年度工作事项……」) or, where none is set, 不得将自身权责事项派交村级组织承担.
    basis = route[1] if route is not None else unassigned
    reference = by_reference(catalog, scope, *related, basis)
    # The verdict rests on the route (or the rule on unassigned tasks): stated for communities, it keeps its level.
    own_basis = basis is not None and not by_reference(catalog, scope, basis)
    if route is not None:
        layer, admission = route
        finding = Finding(
            declared.code,
            level,
            *pair(
                f"admission-needs-route{unknown}",
                **said,
                task=task,
                layer=Both(layer.name_zh, layer.name_en),
                steps=" → ".join(admission.steps),
                notes=notes,
            ),
            subject,
            rule=list(admission.steps),
            observed=task,
            citations=(*admission.citations, *cites),
        )
        return referenced(finding, reference, own_basis=own_basis)
    if unassigned is not None:  # the chain's own rule: 未经县级党委和政府统一部署，不得……
        rule_text = Both(
            f"；{_rule_text(unassigned)}",
            f"; {unassigned.condition + ', ' if unassigned.condition else ''}{unassigned.name}",
        )
    else:
        rule_text = Both("", "")
    finding = Finding(
        declared.code,
        level,
        *pair(f"admission-no-route{unknown}", **said, task=task, rule=rule_text, notes=notes),
        subject,
        observed=task,
        citations=(*(unassigned.citations if unassigned is not None else ()), *cites),
    )
    return referenced(finding, reference, own_basis=own_basis)


def match_obligations(catalog: EffectiveCatalog, task: str, scope: Scope = Scope.VILLAGE) -> list[Obligation]:
    """Return the rules on departments (of ``scope``) that govern the task: one of their matters, whole, is in it."""
    key = place_form(_task(task), scope)
    found = []
    for candidate in catalog.obligations(scope):
        if candidate.truncated:  # never decide on words the source does not show
            continue
        matters = [place_form(t, scope) for t in candidate.tasks]
        if any(len(m) >= _MIN_TASK and m in key for m in matters):
            found.append(candidate)
    return found


def _rule_text(obligation: Obligation) -> str:
    """The rule in one sentence: condition, who, what — each once, as the name may already say it."""
    text = obligation.name
    if obligation.bound and not any(b in text for b in obligation.bound):
        # as every command lists them: 、 between names, ； where a name holds a 、 itself (区委、区政府；街镇)
        text = shown(obligation.bound, "zh") + text
    elif not obligation.bound:
        text += say("bound-unstated", "zh")
    if obligation.condition and obligation.condition not in text:
        text = f"{obligation.condition}，{text}"
    if obligation.exceptions and obligation.exceptions not in text:
        text += f"（{obligation.exceptions}）"
    return text


def _obligation_finding(
    catalog: EffectiveCatalog, task: str, obligation: Obligation, subject: str, scope: Scope = Scope.VILLAGE
) -> Finding:
    """A rule on departments that governs the task.

    A forbidding rule with a condition (未经县级党委和政府统一部署) sends the task down the
    jurisdiction's approval route; one without a condition forbids it outright; a requiring
    rule (应当、由……提供) is advice to the department, not a verdict on the task. A forbidding
    rule binds only as its words do: 原则上不得 (should) is a 提示, not 不符合; one whose source does
    not say how strongly it binds (modality empty) is a 提示 that says so.
    """
    from villagecat.render import effective_admission  # noqa: PLC0415

    rule_text = Both(
        _rule_text(obligation),
        f"{obligation.condition + ', ' if obligation.condition else ''}"
        f"{', '.join(obligation.bound) or say('bound-unstated', 'en').strip()} "
        f"{'may not' if obligation.forbidden else 'is to'}: {obligation.name}",
    )
    citations = tuple(obligation.citations)
    route_taken: AdmissionRoute | None = None
    then: object = ""
    level: Literal["fail", "warn"]
    declared: codes.FindingCode
    if not obligation.forbidden:
        declared, level, lead = codes.RULE_ON_DEPARTMENTS, "warn", "admission-lead-requirement"
        if obligation.modality is None:  # 由……协调解决, 清理整合……: no binding word, and the note says so
            lead = "admission-lead-requirement-unstated"
    elif obligation.condition:
        declared, level, lead = codes.CONDITIONAL, "fail", "admission-lead-rule"
        route = effective_admission(catalog, scope)
        if route is not None:
            layer, admission = route
            steps = " → ".join(admission.steps)
            then = Both(
                say("admission-then-route", "zh", layer=layer.name_zh, steps=steps, org=org_words(scope)),
                say("admission-then-route", "en", layer=layer.name_en, steps=steps, org=org_words(scope)),
            )
            citations += tuple(admission.citations)
            route_taken = admission
        else:
            then = Both(say("admission-then-condition", "zh"), say("admission-then-condition", "en"))
    else:
        declared, level, lead = codes.FORBIDDEN_TO_DEPARTMENTS, "fail", "admission-lead-rule"
    of: Strength = "binds"  # a forbidding rule's code says how strongly it binds (villagecat.checks._codes)
    if level == "fail" and obligation.modality is None:  # the source does not say it binds: told so, not failed
        of, level, lead = "unstated", "warn", "admission-lead-rule-unstated"
    elif level == "fail" and not kind_of_model(type(obligation)).binds(obligation):
        of, level = "advises", "warn"
    finding = Finding(
        declared.missed(of) if declared.graded else declared.code,
        level,
        *pair(lead, task=task, rule=rule_text, then=then, id=obligation.id),
        subject,
        rule=obligation.modality,
        observed=task,
        citations=citations,
        item=obligation.id,
    )
    own_basis = not by_reference(catalog, scope, obligation)  # the rule a layer states for communities: its level
    return referenced(finding, by_reference(catalog, scope, obligation, route_taken), own_basis=own_basis)


def admission_findings(
    catalog: EffectiveCatalog, task: str, subject: str = "", scope: Scope = Scope.VILLAGE
) -> list[Finding]:
    """Return the findings for one task asked of a village (or, with ``scope``, a community), each saying so.

    A listed duty or certificate, a rule on departments that governs it, or the route it needs.

    Raises:
        InvalidRequestError: if the task is empty or a single character.
    """
    subject = subject or task
    key = _task(task)
    duties = match_duties(catalog, task, scope)
    certificates = match_certificates(catalog, task, scope)
    findings = [_duty_finding(task, d, subject, _by_reference(catalog, task, d, scope), scope) for d in duties]
    findings += [_certificate_finding(catalog, task, c, subject, scope) for c in certificates]
    if not findings:
        findings = [
            _obligation_finding(catalog, task, o, subject, scope) for o in match_obligations(catalog, task, scope)
        ]
    return judged(findings or [_unlisted(catalog, task, key, subject, scope)], scope)


def admit(catalog: EffectiveCatalog, tasks: Iterable[str] | str, scope: Scope = Scope.VILLAGE) -> CheckReport:
    """Decide admission for each task, asked of a village (or, with ``scope``, an urban community).

    ``tasks`` is read once (a generator is fine); one task may be given alone, as a ``str``.

    Raises:
        InvalidRequestError: if a task is empty or a single character (nothing is decided).
    """
    need_catalog(catalog)
    scope = need_member(scope, Scope)
    if scope is Scope.BOTH:
        raise InvalidRequestError.because("admit-scope-one")
    tasks = [tasks] if isinstance(tasks, str) else need_items(tasks, str, "argument-not-tasks")  # read twice
    for task in tasks:
        _task(task)
    report = CheckReport.against("admission", catalog)
    for task in tasks:
        report.findings.extend(admission_findings(catalog, task, scope=scope))
    return report
