"""Problems found in a package, and the report that collects them all."""

from __future__ import annotations

import re
import typing
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any

from villagecat._arguments import need_lang
from villagecat._i18n import Lang, say

__all__ = ["Lang", "Problem", "ValidationReport"]


@dataclass(frozen=True)
class Problem:
    """One problem, with where it is: file, line (CSV) or row (JSON), and field.

    Attributes:
        file: The file, relative to the package, or the package itself.
        code: A stable code, e.g. ``missing``, ``unknown-document``.
        message_zh: The message in Chinese.
        message_en: The message in English.
        line: The line in a text file (a CSV row's line, header = 1).
        row: The 1-based position of a record in a JSON array.
        field: The column or the dotted path of the field.
    """

    file: str
    code: str
    message_zh: str
    message_en: str
    line: int | None = None
    row: int | None = None
    field: str | None = None

    def where(self, lang: Lang = "zh", *, with_file: bool = True) -> str:
        """Return the location: file, line or row, and field."""
        lang = need_lang(lang)
        parts = [self.file] if with_file else []
        if self.line is not None:
            parts.append(say("where-line", lang, line=self.line))
        if self.row is not None:
            parts.append(say("where-row", lang, row=self.row))
        if self.field:
            title = None
            if lang == "zh":
                title = _column_title(self.file, self.field) or _descriptor_title(self.file, self.field)
            field = self.field if title is None else f"{self.field}（{title}）"
            parts.append(say("where-field", lang, field=field))
        return (" " if lang == "zh" else ", ").join(parts)

    def describe(self, lang: Lang = "zh", *, with_file: bool = True) -> str:
        """Return one line: where, then what."""
        lang = need_lang(lang)
        message = self.message_zh if lang == "zh" else self.message_en
        where = self.where(lang, with_file=with_file)
        if not where:
            return message
        return say("where-what", lang, where=where, what=message)

    def to_dict(self, lang: Lang = "zh") -> dict[str, Any]:
        """Return the problem as a JSON-ready dict.

        ``message_zh`` and ``message_en`` are the message in each language, as every finding and
        problem carries them; ``message`` is the one in ``lang`` (kept for systems that read it).
        """
        lang = need_lang(lang)
        return {
            "file": self.file,
            "line": self.line,
            "row": self.row,
            "field": self.field,
            "code": self.code,
            "message": self.message_zh if lang == "zh" else self.message_en,
            "message_zh": self.message_zh,
            "message_en": self.message_en,
        }


#: How many problems of one file the text report lists: past them it says how many more (JSON lists all).
SHOWN_PER_FILE = 100


def _column_title(file: str, field: str) -> str | None:
    """The Chinese title of a resource file's column, as the workbook heads it: duties.csv's duty_kind is 事项类别.

    A clerk editing a package's CSV sees the column's name; the title says what it holds. None for
    a field that is no column of a resource (the descriptor's, a sheet's already titled).
    """
    from villagecat.format.registry import kind_by_resource  # noqa: PLC0415 - the registry imports the models

    kind = kind_by_resource(PurePosixPath(file).stem)
    spec = kind.field(re.split(r"[.\[]", field, maxsplit=1)[0]) if kind is not None else None
    return None if spec is None else spec.title_zh


def _descriptor_title(file: str, field: str) -> str | None:
    """The Chinese title of a descriptor's field: ``layer.releases[3].notes`` is 发布记录第 4 条的变更说明.

    A clerk reads the path as the descriptor writes it, and the title as the workbook's 层信息 sheet
    heads it. None for a path the layer's model does not hold.
    """
    from pydantic import BaseModel  # noqa: PLC0415 - only where a descriptor's problem is told

    from villagecat.models import Layer  # noqa: PLC0415 - the models import this module's neighbours

    steps = field.split(".")
    if PurePosixPath(file).name != "datapackage.json" or len(steps) < 2 or steps[0] != "layer":
        return None
    model: type[BaseModel] | None = Layer
    said: list[str] = []
    for step in steps[1:]:
        found = re.fullmatch(r"(\w+)(?:\[(\d+)\])?", step)
        info = None if found is None or model is None else model.model_fields.get(found[1])
        if found is None or info is None or not info.title:
            return None
        if said and found[2] is None and info.title.startswith(said[-1]):
            said.pop()  # the parent's 上级层标识, not 上级层的上级层标识
        said.append(info.title if found[2] is None else f"{info.title}第 {int(found[2]) + 1} 条")
        inner = [a for a in typing.get_args(info.annotation) or (info.annotation,) if isinstance(a, type)]
        model = next((a for a in inner if issubclass(a, BaseModel)), None)
    return "的".join(said)


@dataclass
class ValidationReport:
    """Everything wrong with one package, grouped by file.

    Attributes:
        target: The path that was validated.
        problems: Every problem found, in file order.
        readable: False when the input could not be read at all.
        notes: What a clerk should know that does not make the package invalid (a parent
            outside the declared range that the layer still merges onto).
    """

    target: str
    problems: list[Problem] = field(default_factory=list)
    readable: bool = True
    notes: list[Problem] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        """Whether the package was read and has no problem."""
        return self.readable and not self.problems

    @property
    def exit_code(self) -> int:
        """0 valid, 1 invalid, 2 unreadable."""
        if not self.readable:
            return 2
        return 1 if self.problems else 0

    def by_file(self) -> dict[str, list[Problem]]:
        """Return the problems grouped by file, in the order files were met."""
        groups: dict[str, list[Problem]] = {}
        for problem in self.problems:
            groups.setdefault(problem.file, []).append(problem)
        return groups

    def raise_for_problems(self) -> None:
        """Raise :class:`~villagecat.errors.ValidationFailedError` if anything is wrong."""
        if self.problems or not self.readable:
            from villagecat.errors import ValidationFailedError  # noqa: PLC0415 - avoid a cycle

            raise ValidationFailedError(self)

    def to_dict(self, lang: Lang = "zh") -> dict[str, Any]:
        """Return the report as a JSON-ready dict."""
        lang = need_lang(lang)
        return {
            "target": self.target,
            "valid": self.valid,
            "readable": self.readable,
            "problem_count": len(self.problems),
            "files": [
                {"file": name, "problems": [p.to_dict(lang) for p in problems]}
                for name, problems in self.by_file().items()
            ],
            "notes": [n.to_dict(lang) for n in self.notes],
        }

    def format_text(self, lang: Lang = "zh") -> str:
        """Return the report as text for a terminal, grouped by file."""
        lang = need_lang(lang)
        said = [f"  {say('notice', lang, what=n.describe(lang))}" for n in self.notes]
        if self.valid:
            return "\n".join([say("report-valid", lang, target=self.target), *said])
        lines = []
        count = len(self.problems)
        lines.append(say("report-problems" if count != 1 else "report-problem", lang, target=self.target, count=count))
        for name, problems in self.by_file().items():
            lines.append(f"  {name}")
            lines.extend(f"    {p.describe(lang, with_file=False)}" for p in problems[:SHOWN_PER_FILE])
            if len(problems) > SHOWN_PER_FILE:  # a screenful a clerk reads; the JSON holds every one
                lines.append("    " + say("report-more-in-file", lang, count=len(problems) - SHOWN_PER_FILE))
        return "\n".join([*lines, *said])
