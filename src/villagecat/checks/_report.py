"""Findings of a check and the report that collects them, with text, JSON and Markdown forms."""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING, Literal, TypedDict, cast, get_args

from villagecat._arguments import need_format, need_lang, need_member
from villagecat._i18n import MESSAGES, Both, Lang, pair, say
from villagecat._shown import cited, document_titles, markdown_cell
from villagecat.checks._codes import FINDING_CODES
from villagecat.errors import InvalidRequestError
from villagecat.models import Scope

if TYPE_CHECKING:
    from collections.abc import Iterable

    from villagecat.merging import EffectiveCatalog
    from villagecat.models import Citation

__all__ = [
    "CheckName",
    "CheckReport",
    "CheckReportDict",
    "CitationDict",
    "Finding",
    "FindingDict",
    "FindingLevel",
    "FindingScope",
    "FindingValue",
    "LevelCounts",
    "judged",
]

FindingLevel = Literal["fail", "warn", "pass"]
#: The checks a report can be of (its ``check``): ``check facility``, ``check signage``, ``admit``, ``audit``, ``lint``.
CheckName = Literal["facility", "signage", "admission", "audit", "lint"]
#: The forms a report is written in (:meth:`CheckReport.format`).
ReportFormat = Literal["text", "json", "markdown"]
REPORT_FORMATS: tuple[ReportFormat, ...] = get_args(ReportFormat)

#: The subject JSON gives a finding on the one place a check was given without a name (``check
#: facility --floor-area 250``, a signage file that names no village): a key a system can read, never "".
UNNAMED = "village"

#: The place a finding judged, as JSON writes it (``Scope.VILLAGE`` or ``Scope.COMMUNITY``); ``None`` judges none.
FindingScope = Literal["village", "community"]
_Scalar = str | int | float | None
#: A finding's rule or observed value as JSON writes it: a number, a text (a vocabulary's value), a list of them.
FindingValue = _Scalar | list[_Scalar]


class _CitationRequired(TypedDict):
    document: str


class CitationDict(_CitationRequired, total=False):
    """A citation as a finding's JSON gives it (``citation.schema.json``): its section and quote where it has them."""

    section: str
    quote: str


#: A subject's number of findings per level (``fail``, ``warn``, ``pass``: ``pass`` is a keyword, hence this form).
LevelCounts = TypedDict("LevelCounts", {"fail": int, "warn": int, "pass": int})


class FindingDict(TypedDict):
    """:meth:`Finding.to_dict`: one of ``check-report.schema.json``'s ``findings``, key for key."""

    code: str
    level: FindingLevel
    subject: str
    scope: FindingScope | None
    message_zh: str
    message_en: str
    rule: FindingValue
    observed: FindingValue
    item: str | None
    citations: list[CitationDict]


class CheckReportDict(TypedDict):
    """:meth:`CheckReport.to_dict`: ``check-report.schema.json``, key for key."""

    check: CheckName
    jurisdiction: str
    jurisdiction_name: str
    failed: bool
    summary: dict[str, LevelCounts]
    findings: list[FindingDict]


@dataclass(frozen=True)
class Finding:
    """One finding: what was checked, against which rule, and the rule's citation.

    Attributes:
        code: A stable code, e.g. ``facility-floor-area``: one declared in
            :mod:`villagecat.checks._codes` (``docs/finding-codes.md``), as the report's JSON Schema enumerates.
        level: ``fail`` (the CLI exits 1), ``warn`` or ``pass``.
        message_zh: The finding in Chinese.
        message_en: The finding in English.
        subject: The village (or task, or item) the finding is about.
        rule: The rule's value (e.g. the required area).
        observed: The observed value.
        citations: The clauses the rule rests on.
        item: The catalog item that holds the rule, if any.
        scope: The place the finding judged, a village or an urban community (``Scope.VILLAGE``,
            ``Scope.COMMUNITY``, given as the member, its code or its word 村, 社区); ``None`` where it
            judges no place (lint's findings on a package). Each check sets it (:func:`judged`).
    """

    code: str
    level: FindingLevel
    message_zh: str
    message_en: str
    subject: str = ""
    rule: object = None
    observed: object = None
    citations: tuple[Citation, ...] = ()
    item: str | None = None
    scope: Scope | None = None

    def __post_init__(self) -> None:
        """Cite each clause once: a rule and the item it rests on may cite the same clause.

        Raises:
            InvalidRequestError: for a code not declared in :mod:`villagecat.checks._codes`, or a scope
                that is no place or both (a finding judges one village or one community).
        """
        if self.code not in FINDING_CODES:
            raise InvalidRequestError.because("finding-code-undeclared", code=self.code)
        object.__setattr__(self, "citations", tuple(dict.fromkeys(self.citations)))
        if self.scope is not None:
            scope = need_member(self.scope, Scope)
            if scope is Scope.BOTH:
                raise InvalidRequestError.because("finding-scope-one")
            object.__setattr__(self, "scope", scope)

    def to_dict(self) -> FindingDict:
        """Return the finding as a JSON-ready dict."""
        return {
            "code": self.code,
            "level": self.level,
            "subject": self.subject or UNNAMED,
            "scope": cast("FindingScope", self.scope.value) if self.scope is not None else None,
            "message_zh": self.message_zh,
            "message_en": self.message_en,
            "rule": _plain(self.rule),
            "observed": _plain(self.observed),
            "item": self.item,
            "citations": [cast("CitationDict", c.model_dump(mode="json", exclude_none=True)) for c in self.citations],
        }


def judged(findings: Iterable[Finding], scope: Scope) -> list[Finding]:
    """The findings a check made of one place, each saying it judged ``scope`` (a village or a community).

    Each check calls it once where it knows the place: ``admit`` its argument, the facility check each
    figures' scope, the signage check each place's signs', ``audit`` each ledger entry's. A finding that
    already says its place keeps it: an audited entry's signs and facility judged by their own 村或社区.
    """
    return [f if f.scope is not None else dataclasses.replace(f, scope=scope) for f in findings]


def _plain(value: object) -> FindingValue:
    if isinstance(value, list | tuple):
        return [_scalar(v) for v in value]
    return _scalar(value)


def _scalar(value: object) -> _Scalar:
    """A number, a text, or a vocabulary's member as its value (a plain ``str``, as JSON reads it back)."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, Enum):
        return cast("_Scalar", value.value)
    return cast("_Scalar", value)


@dataclass
class CheckReport:
    """The findings of one check against one jurisdiction's effective catalog."""

    check: CheckName
    jurisdiction: str
    jurisdiction_name: str
    findings: list[Finding] = field(default_factory=list)
    #: The title of each document the findings may cite, by id: a citation that quotes nothing reads as it.
    titles: dict[str, str] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def against(cls, check: CheckName, catalog: EffectiveCatalog) -> CheckReport:
        """The empty report of ``check`` against ``catalog``, knowing its documents' titles."""
        return cls(check, catalog.layer.id, catalog.layer.name_zh, titles=document_titles(catalog))

    def cited(self, citation: Citation) -> str:
        """A citation as the report shows it, as every command does (:func:`villagecat._shown.cited`)."""
        return cited(citation, self.titles)

    @property
    def failed(self) -> bool:
        """Whether any finding fails."""
        return any(f.level == "fail" for f in self.findings)

    def subjects(self) -> list[str]:
        """Return the subjects (villages) in the order they were checked."""
        return list(dict.fromkeys(f.subject for f in self.findings))

    def summary(self) -> dict[str, LevelCounts]:
        """Return, per subject, the number of findings per level."""
        result: dict[str, LevelCounts] = {}
        for finding in self.findings:
            counts = result.setdefault(finding.subject, {"fail": 0, "warn": 0, "pass": 0})
            counts[finding.level] += 1
        return result

    def places(self) -> dict[str, Scope]:
        """Return, per subject, the place its findings judged: ``Scope.BOTH`` where they judged both; none, left out."""
        result: dict[str, Scope] = {}
        for finding in self.findings:
            if finding.scope is not None:
                seen = result.setdefault(finding.subject, finding.scope)
                if seen is not finding.scope:
                    result[finding.subject] = Scope.BOTH
        return result

    def to_dict(self) -> CheckReportDict:
        """Return the report as a JSON-ready dict."""
        return {
            "check": self.check,
            "jurisdiction": self.jurisdiction,
            "jurisdiction_name": self.jurisdiction_name,
            "failed": self.failed,
            "summary": {subject or UNNAMED: counts for subject, counts in self.summary().items()},
            "findings": [f.to_dict() for f in self.findings],
        }

    def format(
        self,
        fmt: ReportFormat = "text",
        *,
        show_passes: bool = False,
        lang: Lang = "zh",
    ) -> str:
        """Return the report as text (in Chinese, or English with ``lang``), JSON or Markdown.

        Each finding's code (``signage-missing``) is for machines and support: JSON always has
        it, and English text and Markdown show it; Chinese, read by clerks, shows the words alone.
        Whom the findings judged (:meth:`places`) is said where it is not villages alone: a report of
        communities says （适用：社区） in its head; one of both （适用：村和社区）, and its per-subject
        table names each subject's place (适用). JSON says it on every finding (``scope``).
        """
        lang = need_lang(lang)
        need_format(fmt, REPORT_FORMATS)
        if fmt == "json":
            return json.dumps(self.to_dict(), ensure_ascii=False, indent=2) + "\n"
        shown = [f for f in self.findings if show_passes or f.level != "pass"]
        fails = sum(f.level == "fail" for f in self.findings)
        warns = sum(f.level == "warn" for f in self.findings)
        key = f"check-{self.check}"
        check = Both(say(key, "zh") if key in MESSAGES else self.check, self.check)
        # Whom the verdicts judged, where it is not only villages (the default a clerk assumes): a community's
        # report says so in its head; one of villages and communities too, and its summary names each one's place.
        places = self.places()
        judged_places = set(places.values())
        mixed = Scope.BOTH in judged_places or judged_places == {Scope.VILLAGE, Scope.COMMUNITY}
        if mixed or judged_places == {Scope.COMMUNITY}:
            place = _place_words(Scope.BOTH if mixed else Scope.COMMUNITY)
            check = Both(*pair("report-for", check=check, place=place))
        name = Both(f"{self.jurisdiction_name}（{self.jurisdiction}）", self.jurisdiction)
        head = say("report-head", lang, name=name, check=check, fails=fails, warns=warns)
        summed = len(self.subjects()) > 1 or mixed

        def row(subject: str, counts: LevelCounts) -> list[str]:
            """A subject's summary: its name, its place where the report mixes them, its counts."""
            words = _place_words(places[subject]) if subject in places else Both("", "")
            place = [str(words.en if lang == "en" else words.zh)] if mixed else []
            return [subject, *place, str(counts["fail"]), str(counts["warn"]), str(counts["pass"])]

        if fmt == "markdown":
            lines = [f"## {head}", ""]
            if summed:
                table = say("report-table-summary-places" if mixed else "report-table-summary", lang)
                lines += [table, "|---" * (table.count("|") - 1) + "|"]
                lines.extend("| " + " | ".join(map(markdown_cell, row(s, c))) + " |" for s, c in self.summary().items())
                lines.append("")
            head_row = say("report-table-head", lang)
            lines += [head_row, "|---" * (head_row.count("|") - 1) + "|"]
            for f in shown:
                cites = markdown_cell("；".join(self.cited(c) for c in f.citations))
                message = markdown_cell(f.message_en if lang == "en" else f.message_zh)
                code = f" `{f.code}` |" if lang == "en" else ""  # a slug a clerk cannot read: English and JSON only
                subject = markdown_cell(f.subject)
                lines.append(f"| {subject} | {say(f'level-{f.level}', lang)} |{code} {message} | {cites} |")
            return "\n".join(lines) + "\n"
        lines = [head]
        if summed:
            lines.append(say("report-summary-head-places" if mixed else "report-summary-head", lang))
            lines.extend("\t".join(row(s, c)) for s, c in self.summary().items())
        for f in shown:
            message = f.message_en if lang == "en" else f.message_zh
            lines.append(
                "  "
                + say(
                    "report-finding",
                    lang,
                    level=say(f"level-{f.level}", lang),
                    subject=Both(f"{f.subject}：" if f.subject else "", f"{f.subject}: " if f.subject else ""),
                    message=message,
                    code=f.code,
                )
            )
            lines.extend("      " + say("basis", lang, citation=self.cited(c)) for c in f.citations)
        return "\n".join(lines) + "\n"


def _place_words(scope: Scope) -> Both:
    """A place in words: 村, 社区, or for both 村和社区 (village and community)."""
    return Both(*pair("report-places-both")) if scope is Scope.BOTH else scope.words


# Named by the module that exports them, as a traceback and a repr show them (not this private one); pickled so too.
Finding.__module__ = CheckReport.__module__ = "villagecat.checks"
