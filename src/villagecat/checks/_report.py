"""Findings of a check and the report that collects them, with text, JSON and Markdown forms."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal, get_args

from villagecat._arguments import need_format, need_lang
from villagecat._i18n import MESSAGES, Both, Lang, say
from villagecat._shown import cited, document_titles, markdown_cell
from villagecat.checks._codes import FINDING_CODES
from villagecat.errors import InvalidRequestError

if TYPE_CHECKING:
    from villagecat.merging import EffectiveCatalog
    from villagecat.models import Citation

__all__ = ["CheckName", "CheckReport", "Finding", "FindingLevel"]

FindingLevel = Literal["fail", "warn", "pass"]
#: The checks a report can be of (its ``check``): ``check facility``, ``check signage``, ``admit``, ``audit``, ``lint``.
CheckName = Literal["facility", "signage", "admission", "audit", "lint"]
#: The forms a report is written in (:meth:`CheckReport.format`).
ReportFormat = Literal["text", "json", "markdown"]
REPORT_FORMATS: tuple[ReportFormat, ...] = get_args(ReportFormat)

#: The subject JSON gives a finding on the one place a check was given without a name (``check
#: facility --floor-area 250``, a signage file that names no village): a key a system can read, never "".
UNNAMED = "village"


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

    def __post_init__(self) -> None:
        """Cite each clause once: a rule and the item it rests on may cite the same clause.

        Raises:
            InvalidRequestError: for a code not declared in :mod:`villagecat.checks._codes`.
        """
        if self.code not in FINDING_CODES:
            raise InvalidRequestError.because("finding-code-undeclared", code=self.code)
        object.__setattr__(self, "citations", tuple(dict.fromkeys(self.citations)))

    def to_dict(self) -> dict[str, Any]:
        """Return the finding as a JSON-ready dict."""
        return {
            "code": self.code,
            "level": self.level,
            "subject": self.subject or UNNAMED,
            "message_zh": self.message_zh,
            "message_en": self.message_en,
            "rule": _plain(self.rule),
            "observed": _plain(self.observed),
            "item": self.item,
            "citations": [c.model_dump(mode="json", exclude_none=True) for c in self.citations],
        }


def _plain(value: object) -> object:
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return getattr(value, "value", value) if not isinstance(value, str | int | float | bool) else value


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

    def summary(self) -> dict[str, dict[str, int]]:
        """Return, per subject, the number of findings per level."""
        result: dict[str, dict[str, int]] = {}
        for finding in self.findings:
            counts = result.setdefault(finding.subject, {"fail": 0, "warn": 0, "pass": 0})
            counts[finding.level] += 1
        return result

    def to_dict(self) -> dict[str, Any]:
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
        name = Both(f"{self.jurisdiction_name}（{self.jurisdiction}）", self.jurisdiction)
        head = say("report-head", lang, name=name, check=check, fails=fails, warns=warns)
        if fmt == "markdown":
            lines = [f"## {head}", ""]
            if len(self.subjects()) > 1:
                lines += [say("report-table-summary", lang), "|---|---|---|---|"]
                lines.extend(
                    f"| {markdown_cell(s)} | {c['fail']} | {c['warn']} | {c['pass']} |"
                    for s, c in self.summary().items()
                )
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
        if len(self.subjects()) > 1:
            lines.append(say("report-summary-head", lang))
            lines.extend(f"{s}\t{c['fail']}\t{c['warn']}\t{c['pass']}" for s, c in self.summary().items())
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


# Named by the module that exports them, as a traceback and a repr show them (not this private one); pickled so too.
Finding.__module__ = CheckReport.__module__ = "villagecat.checks"
