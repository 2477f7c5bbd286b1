"""villagecat's exceptions and warnings.

Every exception villagecat raises on purpose derives from :class:`VillagecatError`,
and also from the built-in it behaves like, so ``except ValueError`` keeps working.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from villagecat._i18n import Both
    from villagecat.report import ValidationReport

__all__ = [
    "ArgumentTypeError",
    "BudgetExceededError",
    "EmptySheetWarning",
    "HiddenCellsWarning",
    "InterruptedSaveWarning",
    "InvalidRequestError",
    "LayerChainError",
    "MergedCellsWarning",
    "PackageReadError",
    "StrayFileWarning",
    "UnknownItemError",
    "UnknownLayerError",
    "ValidationFailedError",
    "VillagecatError",
    "VillagecatWarning",
    "WorkbookNotice",
    "WriteRefusedError",
]

_E = TypeVar("_E", bound=BaseException)


def _rebuilt(cls: type[_E], args: tuple[Any, ...]) -> _E:
    """An error or notice of ``cls`` as pickled: its ``args``, its attributes set by pickle after (its own state).

    Pickle's default calls ``cls(*args)``, and ``args`` is the message, not the constructor's arguments (a
    ledger's file, row and field): every class with a constructor of its own failed to unpickle (a
    developer's multiprocessing pool lost the error). Its ``__init__`` is not called again: the state is whole.
    """
    error = cls.__new__(cls)
    error.args = args
    return error


_V = TypeVar("_V", bound="VillagecatError")


def _keyed(error: _V, key: str) -> _V:
    """``error``, said by ``key`` of the message catalog: its stable code (the JSON error document's ``key``)."""
    error.key = key
    return error


def _by_state(self: BaseException) -> tuple[Any, ...]:
    """Pickle by ``args`` and the attributes (:func:`_rebuilt`): a problem listing itself among its problems too."""
    return _rebuilt, (type(self), self.args), dict(vars(self))


class VillagecatError(Exception):
    """Base of every error villagecat raises on purpose, with its message in Chinese and English.

    ``str(error)`` is the Chinese message with the English detail (one line, for a developer's
    log or traceback); :meth:`describe` gives either language alone, as the CLI prints it: a
    clerk reading Chinese is told in Chinese alone.
    """

    #: The exit status the CLI uses for this error.
    exit_code: int = 1

    __reduce__ = _by_state

    def __init__(
        self, message_zh: str, message_en: str | None = None, *, where: str | None = None, zh_alone: bool = False
    ) -> None:
        """Record the message in both languages (one only where the other was not given), and where.

        With ``zh_alone`` even ``str(error)`` leaves the English detail out (it holds a parser's
        own words, say, that no reader of Chinese can act on); ``describe("en")`` still gives it.
        """
        self.message_zh = message_zh
        self.message_en = message_zh if message_en is None else message_en
        self.where = where
        self.zh_alone = zh_alone
        #: The message catalog's key for the message, where it was said by key (:meth:`said`).
        self.key: str | None = None
        super().__init__(self._both())

    @classmethod
    def said(cls, key: str, /, *, where: str | None = None, **values: object) -> VillagecatError:
        """The error whose message is ``key`` of the message catalog, filled from ``values``."""
        from villagecat._i18n import pair  # noqa: PLC0415 - the catalog loads with the first error, not with villagecat

        zh, en = pair(key, **values)
        return _keyed(cls(zh, en, where=where), key)

    def problem_dicts(self, lang: str = "zh") -> list[dict[str, Any]]:
        """Each problem the error carries, as a validation report writes one in JSON; none for a single message.

        A package read but not valid, and a ledger refused, carry every problem found: the JSON error
        document lists them (``error.schema.json``), where and what.
        """
        from villagecat._arguments import need_lang  # noqa: PLC0415 - the arguments module imports this one

        need_lang(lang)
        return []

    def describe(self, lang: str = "zh") -> str:
        """Return the one line, naming where, in ``lang`` alone: ``zh`` Chinese, ``en`` English."""
        from villagecat._arguments import need_lang  # noqa: PLC0415 - the arguments module imports this one

        lang = need_lang(lang)
        if lang == "en":
            return f"{self.where}: {self.message_en}" if self.where else self.message_en
        return f"{self.where}：{self.message_zh}" if self.where else self.message_zh

    def _both(self) -> str:
        """The Chinese line with the English detail after it (``str(error)``), where the two differ.

        An error that says itself otherwise (its own :meth:`describe`: a ledger's problems, a line each) is
        ``str``-ed as it describes itself in Chinese.
        """
        own = type(self).describe is not VillagecatError.describe
        if own or self.message_en == self.message_zh or self.zh_alone:
            return self.describe("zh")
        return f"{self.describe('zh')}（{self.message_en}）"


class PackageReadError(VillagecatError, OSError):
    """The input cannot be read at all: missing, not a package, not JSON, too large."""

    exit_code = 2

    def __init__(self, path: str, message: str, message_zh: str | None = None, *, zh_alone: bool = False) -> None:
        """Record the path that could not be read and why, in Chinese and English (``zh_alone``: as the base's)."""
        super().__init__(message_zh or message, message, where=path, zh_alone=zh_alone)
        self.path = path
        self.message = message
        #: The line the problem is on, where known (malformed JSON).
        self.line: int | None = None

    @classmethod
    def at(cls, path: str, key: str, /, *, zh_alone: bool = False, **values: object) -> PackageReadError:
        """The error for ``path`` whose message is ``key`` of the message catalog."""
        from villagecat._i18n import pair  # noqa: PLC0415

        zh, en = pair(key, **values)
        return _keyed(cls(path, en, zh, zh_alone=zh_alone), key)


class BudgetExceededError(PackageReadError):
    """Reading would take more work than a budget allows (size, rows, cells, nesting, ...).

    Raised before the work is done. ``budget`` names the limit, ``limit`` its value; the
    message says how to raise it (a CLI option or an environment variable).
    """

    def __init__(self, path: str, budget: str, limit: int, message: str, message_zh: str) -> None:
        """Record which budget was exceeded, where, and its limit."""
        super().__init__(path, message, message_zh)
        self.budget = budget
        self.limit = limit


class WriteRefusedError(VillagecatError, OSError):
    """villagecat will not write there: the target holds files it does not own, or is a file.

    Nothing was written or removed.
    """

    exit_code = 2

    def __init__(self, path: str, message: str, message_zh: str) -> None:
        """Record the target and why it was refused, in Chinese and English."""
        super().__init__(message_zh, message, where=path)
        self.path = path
        self.message = message

    @classmethod
    def at(cls, path: str, key: str, /, **values: object) -> WriteRefusedError:
        """The refusal for ``path`` whose message is ``key`` of the message catalog."""
        from villagecat._i18n import pair  # noqa: PLC0415

        zh, en = pair(key, **values)
        return _keyed(cls(path, en, zh), key)


class ValidationFailedError(VillagecatError, ValueError):
    """A package was read but is not valid; carries the full report."""

    def __init__(self, report: ValidationReport) -> None:
        """Keep the report; the message is its first problem."""
        self.report = report
        more = len(report.problems) - 1
        from villagecat._i18n import pair, say  # noqa: PLC0415

        # the package, when its files are named within it: a diff reads two versions and the layers below,
        # each with an overrides.csv; a problem whose file names the package itself, or a file by its path
        # under the package's (x.zip, bad/datapackage.json), is placed by that file alone, not after the package
        where = report.target if report.problems and report.target else None
        if not report.problems:
            zh, en = pair("invalid")
        elif where is not None and _names_package(report.problems[0].file, where):
            where = report.problems[0].file
            zh, en = (report.problems[0].describe(lang, with_file=False) for lang in ("zh", "en"))
        else:
            zh, en = report.problems[0].describe("zh"), report.problems[0].describe("en")
        if more > 0:
            zh, en = zh + say("more-problems", "zh", count=more), en + say("more-problems", "en", count=more)
        super().__init__(zh, en, where=where)

    def problem_dicts(self, lang: str = "zh") -> list[dict[str, Any]]:
        """Every problem of the report, as ``validate --format json`` writes it."""
        from villagecat._arguments import need_lang  # noqa: PLC0415 - the arguments module imports this one

        return [problem.to_dict(need_lang(lang)) for problem in self.report.problems]


def _names_package(file: str | None, package: str) -> bool:
    """Whether a problem's ``file`` already names the package: its own path, or a path under it."""
    if not file:
        return False
    return file == package or file.startswith((package.rstrip("/\\") + "/", package.rstrip("/\\") + "\\"))


class UnknownLayerError(VillagecatError, LookupError):
    """No shipped or given layer matches a code, name or slug."""

    exit_code = 2


class UnknownItemError(VillagecatError, KeyError):
    """No item (or field) with this id is in the effective catalog."""

    exit_code = 2

    def __str__(self) -> str:
        """Return the message without KeyError's quotes."""
        return str(self.args[0]) if self.args else ""


class LayerChainError(VillagecatError, ValueError):
    """A layer's parents cannot be followed: a parent is missing or they form a cycle."""


class InvalidRequestError(VillagecatError, ValueError):
    """A question villagecat cannot answer as asked (an empty or one-character task)."""

    def __init__(self, message: str, message_zh: str) -> None:
        """Record why, in Chinese and English."""
        super().__init__(message_zh, message)
        self.message = message

    @classmethod
    def because(cls, key: str, /, **values: object) -> InvalidRequestError:
        """The refusal whose message is ``key`` of the message catalog."""
        from villagecat._i18n import pair  # noqa: PLC0415

        zh, en = pair(key, **values)
        return _keyed(cls(en, zh), key)


class ArgumentTypeError(InvalidRequestError, TypeError):
    """A library function was given a value of the wrong kind (None or a number for a path, one item for a list).

    A ``TypeError`` as Python says it, and villagecat's: the message names what to pass.
    """


class VillagecatWarning(UserWarning):
    """Base of the warnings villagecat issues."""

    __reduce__ = _by_state


class _FolderNotice(VillagecatWarning):
    """A notice about a package folder, said in one line that names the folder."""

    folder: str
    message_zh: str
    message_en: str

    def describe(self, lang: str = "zh") -> str:
        """Return the one line, naming the folder, in ``lang`` alone (a notice is no error: no English detail)."""
        from villagecat._arguments import need_lang  # noqa: PLC0415 - the arguments module imports this one

        lang = need_lang(lang)
        if lang == "en":
            return f"{self.folder}: {self.message_en}"
        return f"{self.folder}：{self.message_zh}"


class StrayFileWarning(_FolderNotice):
    """A package was written beside resource files by villagecat's names that it does not list.

    They are left: nothing (neither the package nor the journal of an interrupted write)
    proves villagecat wrote them. The CLI prints it as one line on stderr (注意：…).
    """

    def __init__(self, folder: str, names: tuple[str, ...]) -> None:
        """Record the folder and the files left there."""
        from villagecat._i18n import Both, pair  # noqa: PLC0415

        self.folder, self.names = folder, names
        self.message_zh, self.message_en = pair("stray-files", names=Both("、".join(names), ", ".join(names)))
        super().__init__(self.describe("zh"))


class InterruptedSaveWarning(_FolderNotice):
    """A package was read where a save killed outright (SIGKILL, a power cut) left its journal.

    The package is read as the next write will leave it: the old version if the save's new
    ``datapackage.json`` had not landed (each file moved before the kill read from its old
    version kept aside), else the new one. The CLI prints it as one line on stderr (注意：…).
    """

    def __init__(self, folder: str, *, finished: bool) -> None:
        """Record the folder and whether the interrupted save had landed its descriptor."""
        from villagecat._i18n import pair  # noqa: PLC0415

        self.folder, self.finished = folder, finished
        key = "interrupted-save-new" if finished else "interrupted-save-old"
        self.message_zh, self.message_en = pair(key, folder=folder)
        super().__init__(self.describe("zh"))


class WorkbookNotice(VillagecatWarning):
    """Something the import of a workbook did that its clerk should know, naming the sheet.

    The CLI prints each as one line on stderr (注意：…); the package is written all the same.
    """

    def __init__(self, sheet: str | Both, message_zh: str, message_en: str) -> None:
        """Record the sheet (or a ledger's file and sheet, worded in each language) and what to say of it."""
        self.sheet = sheet
        self.message_zh, self.message_en = message_zh, message_en
        super().__init__(self.describe("zh"))

    def describe(self, lang: str = "zh") -> str:
        """Return the one line, naming the sheet, in ``lang`` alone: a clerk reading Chinese is told in Chinese."""
        from villagecat._arguments import need_lang  # noqa: PLC0415 - the arguments module imports this one

        lang = need_lang(lang)
        zh, en = (self.sheet, self.sheet) if isinstance(self.sheet, str) else self.sheet
        if lang == "en":
            return f"{en}: {self.message_en}"
        return f"{zh}：{self.message_zh}"


class MergedCellsWarning(WorkbookNotice):
    """A workbook's merged cells were read as they show: their top-left value in every cell they cover.

    A package imported from a workbook says so, since a value may then stand in a cell the
    clerk meant to leave empty (a 出处 merged over rows of which one has none).
    """

    def __init__(self, sheet: str, ranges: tuple[str, ...]) -> None:
        """Record the sheet and its ranges that were filled (``A2:A5``)."""
        from villagecat._i18n import pair  # noqa: PLC0415

        self.ranges = ranges
        super().__init__(sheet, *pair("workbook-merged-read", ranges=_shown(ranges, "workbook-ranges-more")))


class HiddenCellsWarning(WorkbookNotice):
    """A workbook's hidden rows, columns or sheet were read all the same: hiding is no deletion.

    A clerk who hides a row to "remove" it would publish it without a word; the import reads it,
    as the file holds it, and names the sheet and the rows (or columns) so hidden.
    """

    def __init__(
        self,
        sheet: str | Both,
        *,
        rows: tuple[int, ...] = (),
        columns: tuple[tuple[str, str], ...] = (),
        very_hidden: bool = False,
        ledger: bool = False,
    ) -> None:
        """Record the sheet and its hidden rows (numbers) or columns (letter, heading); neither: the sheet is hidden.

        ``very_hidden``: hidden so that Excel's 取消隐藏 does not list it (``veryHidden``): the words say how
        to see it all the same. ``ledger``: a ledger's, audited (核查; last year's sheet moved out of the
        file), not a workbook's, imported.
        """
        from villagecat._i18n import Both, pair  # noqa: PLC0415

        self.rows, self.columns = rows, columns
        said = "ledger" if ledger else "workbook"
        if rows:
            words = pair("workbook-hidden-rows", rows=_shown(_runs(rows), "workbook-rows-more", count=len(rows)))
        elif columns:
            named = [pair("workbook-hidden-column", letter=letter, heading=heading) for letter, heading in columns]
            words = pair(
                f"{said}-hidden-columns",
                columns=Both("、".join(zh for zh, _ in named), ", ".join(en for _, en in named)),
            )
        else:
            words = pair(f"{said}-very-hidden-sheet" if very_hidden else f"{said}-hidden-sheet")
        super().__init__(sheet, *words)


#: How many rows' runs or ranges a workbook notice names before it says how many in all: one line a clerk reads.
_NOTICE_SHOWN = 10


def _shown(entries: list[str] | tuple[str, ...], more: str, *, count: int | None = None) -> Both:
    """The entries joined (、 or commas); past the first few, those and how many in all (``more`` words it)."""
    from villagecat._i18n import Both, pair  # noqa: PLC0415

    if len(entries) <= _NOTICE_SHOWN:
        return Both("、".join(entries), ", ".join(entries))
    head = entries[:_NOTICE_SHOWN]
    zh, en = pair(more, shown=Both("、".join(head), ", ".join(head)), count=len(entries) if count is None else count)
    return Both(zh, en)


def _runs(numbers: tuple[int, ...]) -> list[str]:
    """Row numbers as a clerk reads them: consecutive ones as one run (4, 5, 6, 9 → 4-6, 9)."""
    runs: list[list[int]] = []
    for n in sorted(numbers):
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    return [str(run[0]) if len(run) == 1 else f"{run[0]}-{run[-1]}" for run in runs]


class ListEntryNotice(WorkbookNotice):
    """A list cell's entry holds a comma or 、 and was read as one entry (区城管局，区民政局): only ``|`` separates.

    Said of an entry the package does not hold yet: the import of a workbook exported from a
    package whose entry holds one (the source's 区委、区政府) says nothing again.
    """

    def __init__(self, sheet: str, field: str, entry: str, words: tuple[str, str]) -> None:
        """Record the sheet, the field (``departments``) and the entry read, and what to say of them."""
        self.field, self.entry = field, entry
        super().__init__(sheet, *words)


class EmptySheetWarning(WorkbookNotice):
    """A workbook's sheet that is none of the catalog's and holds nothing was left out of the import.

    Office suites add a blank ``Sheet1`` (or 工作表1); refusing the workbook for it would make
    a clerk hunt for a sheet with nothing in it. A sheet of another name with content is
    still refused: its rows would not be imported.
    """

    def __init__(self, sheet: str) -> None:
        """Record the sheet left out."""
        from villagecat._i18n import pair  # noqa: PLC0415

        super().__init__(sheet, *pair("workbook-empty-sheet"))
