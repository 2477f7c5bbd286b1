"""A ledger's problems: each names the file (and sheet), row and field; all of a file are reported at once."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar

from villagecat._arguments import need_lang
from villagecat._i18n import Both, pair, say
from villagecat.errors import VillagecatError

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

__all__ = ["MAX_PROBLEMS", "LedgerError"]

_T = TypeVar("_T")

#: The most problems a ledger's error lists one by one; the rest are counted (另有 N 个问题).
MAX_PROBLEMS = 20


class LedgerError(VillagecatError, ValueError):
    """A ledger cannot be understood: every problem found, each naming the file (and sheet), row and field.

    Attributes:
        problems: Each problem, one error each (at most :data:`MAX_PROBLEMS`); a single
            problem's error is its own only problem.
        total: How many problems were found in all (beyond ``problems``: 另有 N 个问题).
    """

    __module__ = "villagecat.checks"  # as a traceback names it: the module that exports it

    def __init__(  # noqa: PLR0913 - where (file, row or place, field) and what (key, values)
        self,
        file: str | Both,
        row: int | None,
        field_name: str | Both | None,
        key: str,
        /,
        *,
        entry: bool = False,
        place: Both | None = None,
        **values: object,
    ) -> None:
        """Record where the problem is, and what: ``key`` of the message catalog, filled from ``values``.

        ``file`` is the file, or the file and its sheet (:func:`_sheet_place`). ``row`` is a
        table's row (第 2 行), or with ``entry`` the place in a YAML or JSON list (第 2 项);
        ``place`` says the place in words instead (第 1 个村（榆树村）的证明第 2 项).
        """
        unit = "where-ledger-entry" if entry else "where-ledger-row"
        files = file if isinstance(file, Both) else Both(file, file)
        places = {
            lang: [
                str(files.zh if lang == "zh" else files.en),
                (str(place.zh if lang == "zh" else place.en) if place else say(unit, lang, row=row) if row else ""),
                say("where-field", lang, field=field_name) if field_name else "",
            ]
            for lang in ("zh", "en")
        }
        self.file = files
        #: A table's row, to tell a table's problems in its order (0: the file or its header; None: a document's
        #: entry or a place in words, told in the order found, village by village).
        self.row: int | None = None if entry or place is not None else row or 0
        self.where_zh = "，".join(p for p in places["zh"] if p)
        self.where_en = ", ".join(p for p in places["en"] if p)
        self.problems: tuple[LedgerError, ...] = (self,)
        self.total = 1
        #: The field (column title) the problem is in, as the ledger wrote it, where one is named.
        self.field_name = field_name
        super().__init__(*pair(key, **values), where=str(files.zh))
        self.key = key

    @classmethod
    def collected(cls, file: str, problems: list[LedgerError], total: int | None = None) -> LedgerError:
        """One error for every problem of ``file``: the problem itself when there is one."""
        if len(problems) == 1 and (total or 1) == 1:
            return problems[0]
        count = total if total is not None else len(problems)
        error = cls(file, None, None, "ledger-problems", count=count)
        error.problems = tuple(problems)
        error.total = count
        error.args = (error.describe("zh"),)
        return error

    def to_dict(self, lang: str = "zh") -> dict[str, Any]:
        """One problem as a validation report's problem is written in JSON (:meth:`villagecat.report.Problem.to_dict`).

        ``line`` is a table's row (a CSV's line, a sheet's row); a YAML entry or a place said in words has none.
        """
        from villagecat.report import Problem  # noqa: PLC0415

        lang = need_lang(lang)
        named = self.field_name
        problem = Problem(
            file=str(self.file.zh if lang == "zh" else self.file.en),
            code=self.key or "ledger",
            message_zh=self.message_zh,
            message_en=self.message_en,
            line=self.row or None,
            field=None if named is None else str(named.zh if isinstance(named, Both) else named),
        )
        return problem.to_dict(lang)

    def problem_dicts(self, lang: str = "zh") -> list[dict[str, Any]]:
        """Every problem of the ledger, each as :meth:`to_dict` writes it."""
        return [problem.to_dict(lang) for problem in self.problems]

    def describe(self, lang: str = "zh") -> str:
        """Return the problem, in one language: one line, or a line per problem under a count of them.

        The Chinese is whole on its own (a clerk reads it; ``--lang en`` gives the English), as
        a validation's problems are.
        """
        lang = need_lang(lang)
        if len(self.problems) == 1 and self.total == 1 and self.problems[0] is self:
            if lang == "en":
                return f"{self.where_en}: {self.message_en}"
            return f"{self.where_zh}：{self.message_zh}"
        lines = [self.describe_head(lang)]
        lines.extend(f"  {problem.describe(lang)}" for problem in self.problems)
        if self.total > len(self.problems):
            lines.append("  " + say("more-problems", lang, count=self.total - len(self.problems)).strip())
        return "\n".join(lines)

    def describe_head(self, lang: str) -> str:
        """The line above several problems: the file and how many."""
        lang = need_lang(lang)
        message = self.message_en if lang == "en" else self.message_zh
        return f"{self.where_en}: {message}" if lang == "en" else f"{self.where_zh}：{message}"


def _sheet_place(path: Path, sheet: str) -> Both:
    """A workbook's sheet as messages name it: 台账.xlsx，工作表“标牌” (never 台账.xlsx:标牌)."""
    return Both(*pair("where-ledger-sheet", file=str(path), sheet=sheet))


class _Problems:
    """Every problem of one ledger file, kept (the first :data:`MAX_PROBLEMS`) and counted, raised at once."""

    def __init__(self, path: Path) -> None:
        self.file = str(path)
        self.kept: list[LedgerError] = []
        self.total = 0

    def add(self, error: LedgerError) -> None:
        """Keep each problem of ``error`` (while fewer than the cap are kept) and count it."""
        for problem in error.problems:
            self.total += 1
            if len(self.kept) < MAX_PROBLEMS:
                self.kept.append(problem)

    def read(self, read: Callable[..., _T], /, *args: Any) -> _T | None:  # noqa: ANN401 - ``read``'s own arguments
        """``read(*args)``, or None with its problems kept."""
        try:
            return read(*args)
        except LedgerError as exc:
            self.add(exc)
            return None

    def raise_any(self) -> None:
        """Raise every problem found, if any: a ledger with one is judged on nothing (exit 1)."""
        if self.total:
            if all(problem.row is not None for problem in self.kept):  # a table's, sheet by sheet and row by row
                sheets = list(dict.fromkeys(str(problem.file.zh) for problem in self.kept))
                self.kept.sort(key=lambda problem: (sheets.index(str(problem.file.zh)), problem.row or 0))
            raise LedgerError.collected(self.file, self.kept, self.total)
