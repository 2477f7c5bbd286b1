"""Self-inspection ledgers (自查工作台账): what villages really have, read from YAML, CSV or XLSX.

A ledger lists, per village, the duties it was assigned, its mechanisms, its plaques and
marks, the certificates it issues and its facility figures. The tabular form (CSV, or
each sheet of a workbook) has one row per entry::

    village,category,name,placement,sign_type,orientation,width_cm,height_cm,...

``category`` is ``sign``, ``duty``, ``mechanism``, ``certificate`` or ``facility`` (or
标牌、事项、机制、证明、设施); a workbook sheet named after a category needs no category
column. Column headers may be the English names or their Chinese titles (村名, 类别, 名称…);
vocabulary cells take the slug or the Chinese label (外部, 竖牌, 白, 红…). The YAML form is
``{villages: [{village, facility: {...}, signs: [...], duties: [...], mechanisms: [...],
certificates: [...]}]}``.
"""

from __future__ import annotations

import csv
import datetime as dt
import itertools
import math
import re
import unicodedata
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from villagecat._arguments import need_member, need_path
from villagecat._delimiter import other_delimiter
from villagecat._i18n import Both, pair, reader_error, shape_of
from villagecat._names import TITLE_MISSPELT, misspelt, normalise_name, title_key
from villagecat._xlsx import HEADER_SEARCH, ErrorCell, PercentCell
from villagecat.checks._fields import FIELDS as _FIELDS
from villagecat.checks._fields import PERCENT, UNITS, title
from villagecat.checks._ledger_errors import LedgerError, _Problems, _sheet_place
from villagecat.checks._measure import MEASURE_LIMIT
from villagecat.checks.facility import FacilityFigures
from villagecat.checks.signage import ActualSign
from villagecat.errors import PackageReadError
from villagecat.models import Colour, MechanismBasis, Orientation, Placement, Scope, SignType

if TYPE_CHECKING:
    import os
    from collections.abc import Callable, Iterator

    from openpyxl.worksheet.worksheet import Worksheet

    from villagecat._xlsx import SheetRows
    from villagecat.models._base import Vocab

_T = TypeVar("_T")

__all__ = [
    "Ledger",
    "LedgerError",
    "LedgerMechanism",
    "VillageLedger",
    "read_facility_file",
    "read_ledger",
    "read_signs",
]

#: The kinds a ledger records, with the short words clerks use for them besides the kind's own
#: names in the format registry (segment, slug, resource, Chinese title, sheet).
_LEDGER_WORDS = {
    "sign": ("标牌", "标识", "牌子"),
    "duty": ("事项",),
    "mechanism": ("机制",),
    "certificate": ("证明",),
    "facility": ("设施", "综合服务设施"),
}


def _categories() -> dict[str, str]:
    from villagecat.format.registry import kinds  # noqa: PLC0415

    found: dict[str, str] = {}
    for kind in kinds():
        words = _LEDGER_WORDS.get(kind.segment)
        if words is not None:
            for name in (kind.segment, kind.slug, kind.resource, kind.title_zh, kind.sheet, *words):
                found[name] = kind.segment
    return found


_CATEGORIES = _categories()
#: Each category's words as compared (證明 is 证明, as a 類別 title is 类别).
_CATEGORY_KEYS = {title_key(name): segment for name, segment in _CATEGORIES.items()}
#: Each category as a message names it: its first word in a ledger (标牌), in English its code.
_KIND_WORDS = {segment: Both(words[0], segment) for segment, words in _LEDGER_WORDS.items()}
_ZH_WORDS = sorted(name for name in _CATEGORIES if not name.isascii())


_HEADERS = {title_key(title): name for name, titles in _FIELDS.items() for title in (*titles, name)}
#: A unit written after a title, as spreadsheets head their columns: 宽度（厘米）, 建筑面积(平方米), 户数（户）.
_UNIT_WORDS = sorted({word for unit in UNITS.values() for word in unit.words} | {PERCENT}, key=len, reverse=True)
_UNIT = re.compile(rf"^(?P<title>.+?)\((?P<unit>{'|'.join(map(re.escape, _UNIT_WORDS))})\)$")
#: A title written with its unit (宽（厘米）) names its field with any word of that unit (宽（cm）), never alone (宽).
_SHORT = {
    short["title"]: name
    for title, name in _HEADERS.items()
    if (short := _UNIT.match(title)) is not None and short["title"] not in _HEADERS
}


def _column(written: str) -> tuple[str, str] | None:
    """The field a column title names and the unit the title gives ("" if none): 宽度（厘米） is width_cm in cm."""
    heading = title_key(written)
    name = _HEADERS.get(heading)
    if name is not None:
        return name, ""
    unit = _UNIT.match(heading)
    if unit is None or (name := _HEADERS.get(unit["title"], _SHORT.get(unit["title"]))) is None:
        return None
    return name, unit["unit"]


def _field_name(written: str) -> str | None:
    """The field a column title names (its title, its English name, either with its unit), or None."""
    column = _column(written)
    return column[0] if column is not None else None


def _quantity(name: str) -> Both:
    """What a column holds, in its unit: 面积，以平方米计 (or, for a column of text, 文字)."""
    unit = UNITS.get(name)
    return Both(*pair(unit.key if unit is not None else "unit-none"))


def _unit_fits(name: str, unit: str) -> bool:
    """Whether a unit written in a title or after a number is the field's own (a share only where one may be)."""
    own = UNITS.get(name)
    if not unit:
        return True
    return own is not None and (unit in own.words or (unit == PERCENT and own.share_of is not None))


_KNOWN = Both("、".join(titles[0] for titles in _FIELDS.values()), ", ".join(_FIELDS))
#: Each column title and English name as compared, with the title a suggestion shows and the field it names.
_SUGGESTED = {
    title_key(t): (t if not t.isascii() else titles[0], name)
    for name, titles in _FIELDS.items()
    for t in (*titles, name)
}


_COLOURS = ("background_colour", "text_colour")
_SIZE = ("width_cm", "height_cm")
#: What clerks head a column with that is no title of it (悬挂地点), or one column for two (颜色 for 底色 and 字色,
#: 尺寸 for 宽度 and 高度), compared as typed (:func:`title_key`) and without a unit (尺寸（厘米）): told the
#: column it is, or to split it in the two. Never read as them: a cell of 白底红字 is no colour the check reads.
_CLERKS_WORDS: dict[str, tuple[str, ...]] = {
    "悬挂地点": ("placement",), "地点": ("placement",), "挂牌地点": ("placement",), "悬挂处": ("placement",),
    "文字颜色": ("text_colour",), "字体颜色": ("text_colour",), "字体色": ("text_colour",),
    "背景颜色": ("background_colour",), "背景色": ("background_colour",), "底色颜色": ("background_colour",),
    "颜色": _COLOURS, "色彩": _COLOURS,
    "尺寸": _SIZE, "规格": _SIZE, "大小": _SIZE, "尺寸规格": _SIZE, "规格尺寸": _SIZE,
}  # fmt: skip
#: A title with a note in brackets after it: 位置（外部/内部）, 专人专岗（是/否）.
_NOTED = re.compile(r"^(?P<title>[^(]+)\(.*\)$")
#: A title holding one of these words, and like no column (标牌颜色, 牌子尺寸), is one column for both.
_HOLDING = {"颜色": _COLOURS, "尺寸": _SIZE, "规格": _SIZE}
#: How the cell of a column for two is written in the two (白底红字: 底色 白, 字色 红).
_SPLIT_EXAMPLE: dict[tuple[str, ...], str] = {_COLOURS: "ledger-split-colours", _SIZE: "ledger-split-size"}


#: What a title says of a share besides （%）: 活动区域面积占比, 活动区域面积（百分比）.
_SHARE_WORDS = (PERCENT, "百分比", "占比", "比例", "比重")


def _unknown(written: str, key: str) -> tuple[str, dict[str, Any]]:
    """The message of an unknown column or key, and its values: the column (or two) it likely is, if any.

    字体颜色 is likely 字色; 颜色 holds 底色 and 字色, and is to be split in them.

    Given the column, the message names it (是否应为“字色”？); given two, says to split it in them; else it lists
    every column (``known``).
    """
    heading = title_key(written)
    unit = _UNIT.match(heading)
    bare = unit["title"] if unit is not None else heading
    names = _CLERKS_WORDS.get(heading) or _CLERKS_WORDS.get(bare)
    noted = _NOTED.match(heading)  # 位置（外部/内部）: the values it takes noted; never a measure's (宽度（米）)
    if names is None and noted is not None and (name := _field_name(noted["title"])) and name not in UNITS:
        names = (name,)
    if names is None:
        meant = misspelt(heading, _SUGGESTED, cutoff=TITLE_MISSPELT)
        if meant is not None:
            shown, name = _SUGGESTED[meant]
            share = UNITS.get(name)
            if share is not None and share.share_of is not None and any(word in heading for word in _SHARE_WORDS):
                shown = f"{title(name)}（{PERCENT}）"  # told 活动区域面积, its 60 (%) would be read as 60 m²
            return f"{key}-meant", {"meant": Both(shown, name)}
        names = next((both for word, both in _HOLDING.items() if word in bare), None)
    if names is None:
        return key, {"known": _KNOWN}
    if len(names) == 1:
        return f"{key}-meant", {"meant": Both(title(names[0]), names[0])}
    first, second = names
    return f"{key}-split", {
        "first": Both(title(first), first),
        "second": Both(title(second), second),
        "example": Both(*pair(_SPLIT_EXAMPLE[names])),
    }


#: A flag's words (the vocabularies' own, 竖排 or 白色, are their ``__synonyms__``), and the ticks and crosses
#: a clerk marks a form with.
_FLAGS = {"是": "true", "否": "false", **dict.fromkeys("√✓✔☑", "true"), **dict.fromkeys("×✗✘☒", "false")}


@dataclass(frozen=True)
class LedgerMechanism:
    """A mechanism a village keeps, as its ledger records it."""

    name: str
    dedicated_post: bool = False
    basis: MechanismBasis | None = None


@dataclass
class VillageLedger:
    """One village's entries.

    ``scope`` is what the place is, so what its duties, mechanisms and certificates are judged
    as: a village, or an urban community where such a row's 村或社区 cell (or the ledger's
    ``scope``) says so, or a sign's or the facility's own 村或社区 cell does. Signs and the
    facility carry their own too (a sign's row without the cell: the ledger's ``scope``).
    """

    village: str
    duties: list[str] = field(default_factory=list)
    mechanisms: list[LedgerMechanism] = field(default_factory=list)
    signs: list[ActualSign] = field(default_factory=list)
    certificates: list[str] = field(default_factory=list)
    facility: FacilityFigures | None = None
    scope: Scope = Scope.VILLAGE

    def recorded(self) -> bool:
        """Whether the ledger records anything of this village to check."""
        return bool(self.duties or self.mechanisms or self.signs or self.certificates or self.facility)


@dataclass
class Ledger:
    """A ledger of one or many villages.

    ``scope`` is what the ledger was read as (``read_ledger(..., scope=)``, ``--scope``): what an
    entry is until one of its rows says otherwise (a duty's 村或社区 cell). An entry recording
    nothing stays it: 和平社区 of a ledger read as 社区 is a community, never called 村.
    """

    villages: list[VillageLedger] = field(default_factory=list)
    scope: Scope = Scope.VILLAGE
    _index: dict[str, VillageLedger] = field(default_factory=dict, repr=False, compare=False)
    #: The entries a row has said the scope of (a duty's, mechanism's or certificate's row, or a sign's or
    #: facility's own 村或社区 cell): a sign's or facility's cell makes the entry its place only where none has.
    _said: set[str] = field(default_factory=set, repr=False, compare=False)

    def village(self, name: str) -> VillageLedger:
        """Return (creating it, of the ledger's scope) the entry of a village: constant time, so reading is linear."""
        entry = self._index.get(name)
        if entry is None and len(self._index) != len(self.villages):  # villages added directly: index them once
            self._index = {v.village: v for v in self.villages}
            entry = self._index.get(name)
        if entry is None:
            entry = VillageLedger(name, scope=self.scope)
            self.villages.append(entry)
            self._index[name] = entry
        return entry


#: A number as a clerk writes it: thousands grouped by commas or not, then perhaps a unit (300平方米, 65%).
_WRITTEN_NUMBER = re.compile(
    r"(?P<number>[-+]?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?|[-+]?\.[0-9]+)"
    r"\s*(?P<unit>(?:[^\s0-9.,+-][^\s.,+-]*)?)"  # a unit starts with a letter, and may hold one (m2)
)


#: Below this, a whole float is exactly its integer: a number cell 300.0 is shown 300.
_EXACT = 2**53


def _shown(value: object) -> str:
    """A cell as the clerk sees it: a date 2024-02-01 (not Python's 2024-02-01 00:00:00), 300 (not 300.0).

    YAML's true and false read as written, not as Python's True.
    """
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.datetime):  # a date cell: its time only where it has one
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ", "minutes")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        return value.isoformat("minutes") if not value.second and not value.microsecond else value.isoformat()
    if isinstance(value, float) and value.is_integer() and abs(value) < _EXACT:
        return str(int(value))
    return str(value).strip()


def _quoted(value: object) -> str:
    """A cell as the clerk sees it (:func:`_shown`), cut short as a message quotes it."""
    shown = _shown(value)
    return shown if len(shown) <= _QUOTED else f"{shown[:_QUOTED]}…"


def _written_number(text: str) -> tuple[float, str] | None:
    """A cell's number and the unit written after it (compared half-width, case-folded: ㎡ is m2), or None."""
    folded = unicodedata.normalize("NFKC", text).casefold().strip()
    try:
        return float(folded), ""  # as Python reads numbers: 300, 3e2, inf (refused later as not finite)
    except ValueError:
        pass
    found = _WRITTEN_NUMBER.fullmatch(folded)
    if found is None:
        return None
    return float(found["number"].replace(",", "")), found["unit"]


#: A number in Chinese numerals up to the hundreds as :func:`~villagecat.format.clauses.chinese_number` reads
#: it (六十, 一百二十, 三百零五), perhaps a percentage (百分之六十) or with a unit after it (三百平方米): told what
#: to write, never read as it (六六 or 十十 is no numeral: no suggestion).
_CHINESE_NUMBER = re.compile(
    r"(?P<percent>百分之)?(?P<number>(?:[一二两三四五六七八九]百)?(?:[零〇]?[一二三四五六七八九]?十)?[零〇]?[一二三四五六七八九]?)"
    r"(?P<unit>[^\s零〇一二两三四五六七八九十百]*)"
)


def _chinese_written(text: str, name: str) -> str | None:
    """What a cell of ``name`` in Chinese numerals is to be written as (60, 60%, 300), or None if none read here.

    A unit after it must be one the column takes (三百平方米 in an area, not 三百厘米).
    """
    from villagecat.format.clauses import chinese_number  # noqa: PLC0415

    found = _CHINESE_NUMBER.fullmatch("".join(unicodedata.normalize("NFKC", text).split()))
    if found is None or (not found["number"].strip("零〇") and found["number"] not in ("零", "〇")):
        return None
    unit = _written_number(f"0{found['unit']}") if found["unit"] else (0.0, "")
    if unit is None or (found["percent"] and unit[1]):
        return None
    percent = PERCENT if found["percent"] else unit[1] if unit[1] == PERCENT else ""  # 百分之六十 and 六十% alike
    if not _unit_fits(name, percent or unit[1]):
        return None
    return f"{chinese_number(found['number'])}{percent}"


class _Row:
    """One record with where it came from, for error messages, and the problems found in it so far."""

    def __init__(
        self,
        data: dict[str, Any],
        file: str | Both,
        row: int | None,
        *,
        entry: bool = False,
        place: Both | None = None,
    ) -> None:
        self.entry = entry
        self.data: dict[str, Any] = {}
        #: Each field's column as the clerk wrote it (宽度, or width_cm), for messages.
        self.columns: dict[str, str] = {}
        #: The unit each field's title gives (平方米 of 建筑面积（平方米）, % of 活动区域面积（%）), if any.
        self.units: dict[str, str] = {}
        self.file = file
        self.row = row
        self.place = place
        #: Every problem of the record, so that all its cells are reported, not its first.
        self.problems: list[LedgerError] = []
        for key, value in data.items():
            if key is not None and str(key).strip():
                written = str(key).strip()
                column = _column(written)
                if column is None:  # a misspelt 字体颜色 would be a rule never checked: refuse it
                    said, values = _unknown(written, "ledger-unknown-key" if entry else "ledger-unknown-column")
                    self.problems.append(self._at(Both(written, written), said, **values))
                    continue
                name, unit = column
                if not _unit_fits(name, unit):
                    self.problems.append(
                        self._at(Both(written, written), "ledger-column-unit", unit=unit, quantity=_quantity(name))
                    )
                    continue
                self.data[name] = value
                self.columns[name] = written
                self.units[name] = unit

    def _at(self, field_name: Both | None, key: str, /, **values: object) -> LedgerError:
        return LedgerError(self.file, self.row, field_name, key, entry=self.entry, place=self.place, **values)

    def error(self, name: str | None, key: str, /, **values: object) -> LedgerError:
        """The error of ``name``, named by its column as written, or by its Chinese title if it has none."""
        if name is None:
            return self._at(None, key, **values)
        written = self.columns.get(name)
        shown = Both(written, written) if written is not None else Both(_FIELDS.get(name, (name,))[0], name)
        return self._at(shown, key, **values)

    def cell(self, read: Callable[..., _T], /, *args: Any) -> _T | None:  # noqa: ANN401 - ``read``'s own arguments
        """``read(*args)``, or None with its problem kept: a record's every bad cell is reported, not its first."""
        try:
            return read(*args)
        except LedgerError as exc:
            for problem in exc.problems:  # once each: a share's floor area is read twice
                if all((p.where_zh, p.message_zh) != (problem.where_zh, problem.message_zh) for p in self.problems):
                    self.problems.append(problem)
            return None

    def failed(self) -> LedgerError:
        """The error of every problem found in the record."""
        return LedgerError.collected(str(self.file), self.problems)

    def text(self, name: str, *, required: bool = False) -> str | None:
        value = self.data.get(name)
        if isinstance(value, list | tuple | dict):  # a YAML list or mapping where one value belongs
            raise self.error(name, "ledger-not-one-value", shape=shape_of(value))
        if isinstance(value, ErrorCell):  # #N/A is no certificate's name, #DIV/0! no area
            raise self.error(name, "workbook-error-cell", value=str(value))
        if value is None or str(value).strip() == "":
            if required:
                raise self.error(name, "ledger-required")
            return None
        return _shown(value)

    def number(self, name: str) -> float | None:
        """A measure in its column's unit: 300, 1,200, 300平方米 (the column's own unit), or a share where one may be.

        A percentage (65%, a cell formatted as one, or any number under a title headed （%）) is
        read only in a column whose unit says what it is a share of (the activity area: of the
        row's floor area); in any other column it is refused, never read as its fraction (0.65).
        Under a title headed （%）, a plain number between 0 and 1 (0.6: 0.6 % or the fraction 60 %?)
        or 1 (1 % or the whole?) is asked about: 0 is none either way, more than 1 a percentage as typed (65).
        """
        written = self.measure(name)
        if written is None:
            return None
        number, percent, shown = written
        own = UNITS.get(name)
        if percent and (own is None or own.share_of is None):
            shares = [
                pair("ledger-share-column", column=Both(title(f), f), of=Both(title(unit.share_of), unit.share_of))
                for f, unit in UNITS.items()
                if unit.share_of is not None
            ]
            raise self.error(
                name,
                "ledger-percent-not-here",
                value=shown,
                quantity=_quantity(name),
                shares=Both("、".join(zh for zh, _ in shares), ", ".join(en for _, en in shares)),
            )
        if percent and own is not None and own.share_of is not None:
            if number > 100:  # a share is at most the whole
                raise self.error(name, "ledger-share-over", value=shown, of=Both(title(own.share_of), own.share_of))
            whole = self.number(own.share_of)
            if whole is None:
                raise self.error(own.share_of, "ledger-required")
            number = round(number / 100 * whole, 10)  # 65% of 300: 195, not 195.00000000000003
        if number > MEASURE_LIMIT:
            raise self.error(name, "ledger-too-large", value=shown, limit=MEASURE_LIMIT)
        return number

    def measure(self, name: str) -> tuple[float, bool, str] | None:
        """A measure as written: its number, whether it is a percentage, and the cell as the clerk sees it.

        Thousands are grouped or not (1,200; 1，200); a unit after the number must be the
        column's own (300平方米, 300㎡, 300 m² in an area) or % where a share may be written.
        """
        value = self.data.get(name)
        if isinstance(value, PercentCell):  # 0.65 formatted as 65%: the clerk wrote 65%
            number, percent, shown = round(value * 100, 10), True, value.shown()
        else:
            text = self.text(name)
            if text is None:
                return None
            parsed = _written_number(text)
            if parsed is None:
                meant = _chinese_written(text, name)
                if meant is not None:  # 百分之六十: said what to write, never read as it
                    raise self.error(name, "ledger-not-a-number-meant", value=text, meant=meant)
                raise self.error(name, "ledger-not-a-number", value=text)
            number, unit = parsed
            if unit and unit != PERCENT and not _unit_fits(name, unit):
                raise self.error(name, "ledger-unit", value=text, unit=unit, quantity=_quantity(name))
            titled = unit != PERCENT and self.units.get(name) == PERCENT  # a share only by the column's title
            percent, shown = unit == PERCENT or titled, text
            if titled and 0 < number <= 1:  # 0.6 under 活动区域面积（%）: 0.6 % or 60 %? asked, never guessed
                meant = f"{round(number * 100, 10):g}"
                raise self.error(name, "ledger-percent-fraction", value=text, meant=meant)
        if not math.isfinite(number) or number < 0:
            raise self.error(name, "ledger-not-finite", value=shown)
        return number, percent, shown

    def whole(self, name: str) -> int | None:
        """A count: a number that is whole (900, or 900.0 as a spreadsheet may store it; never 9.5)."""
        number = self.number(name)
        if number is None:
            return None
        if not number.is_integer():
            raise self.error(name, "ledger-not-whole", value=self.text(name))
        return int(number)

    def vocab(self, name: str, vocab: type[Vocab]) -> Any:  # noqa: ANN401 - a member of ``vocab``
        value = self.text(name)
        if value is None:
            return None
        try:
            return vocab.from_text(value)
        except ValueError:
            labels = "、".join(m.label for m in vocab)
            codes = ", ".join(m.value for m in vocab)
            raise self.error(name, "ledger-not-one-of", value=value, allowed=Both(labels, codes)) from None

    def flag(self, name: str) -> bool:
        written = self.text(name) or "false"
        value = _FLAGS.get(written, written.lower())
        if value not in ("true", "false", "1", "0"):
            raise self.error(name, "ledger-not-a-flag", value=written)  # as written: Y, never the y compared
        return value in ("true", "1")

    def items(self, name: str) -> tuple[str, ...] | None:
        """A list: a YAML list, or a cell joined with | or 、; an empty cell is not given (None), not “none”."""
        value = self.data.get(name)
        if value is None or (not isinstance(value, list) and not str(value).strip()):
            return None
        if isinstance(value, list):
            return tuple(str(v).strip() for v in value)
        if isinstance(value, ErrorCell):
            raise self.error(name, "workbook-error-cell", value=str(value))
        return tuple(p.strip() for p in str(value).replace("、", "|").split("|") if p.strip())


def _sign_text(row: _Row) -> str:
    return row.text("text") or row.text("name", required=True) or ""


def _placement(row: _Row) -> Placement:
    placement: Placement | None = row.vocab("placement", Placement)
    if placement is None:
        raise row.error("placement", "ledger-placement-required")
    return placement


def _sign(row: _Row, village: str, scope: Scope = Scope.VILLAGE) -> ActualSign:
    """A plaque or mark, every cell read (each bad one reported, not only the first)."""
    cell = row.cell
    text, placement = cell(_sign_text, row), cell(_placement, row)
    sign_type, orientation = cell(row.vocab, "sign_type", SignType), cell(row.vocab, "orientation", Orientation)
    width, height = cell(row.number, "width_cm"), cell(row.number, "height_cm")
    colours = cell(row.vocab, "background_colour", Colour), cell(row.vocab, "text_colour", Colour)
    organisation, sign, given = cell(row.text, "organisation"), cell(row.text, "sign"), cell(_one_scope, row)
    if text is None or placement is None or row.problems:
        raise row.failed()
    return ActualSign(
        text=text,
        placement=placement,
        sign_type=sign_type,
        orientation=orientation,
        width_cm=width,
        height_cm=height,
        background_colour=colours[0],
        text_colour=colours[1],
        organisation=organisation,
        sign=sign,
        village=village,
        scope=given or scope,
    )


def _floor(row: _Row) -> float:
    floor = row.number("floor_area_m2")
    if floor is None:
        raise row.error("floor_area_m2", "ledger-required")
    return floor


def _facility(row: _Row, village: str, scope: Scope = Scope.VILLAGE) -> FacilityFigures:
    """A village's facility figures, every cell read (each bad one reported, not only the first)."""
    cell = row.cell
    floor, households = cell(_floor, row), cell(row.whole, "households")
    activity, areas = cell(row.number, "activity_area_m2"), cell(row.items, "function_areas")
    given = cell(_one_scope, row)
    if floor is None or row.problems:
        raise row.failed()
    return FacilityFigures(
        floor_area_m2=floor,
        households=households,
        activity_area_m2=activity,
        function_areas=areas,
        village=village,
        scope=given or scope,
    )


def _one_scope(row: _Row) -> Scope | None:
    """A facility's row may say whether it serves a village or a community, never both."""
    scope: Scope | None = row.vocab("scope", Scope)
    if scope is Scope.BOTH:
        labels, codes = (f"{Scope.VILLAGE.label}、{Scope.COMMUNITY.label}", "village, community")
        raise row.error("scope", "ledger-not-one-of", value=row.text("scope"), allowed=Both(labels, codes))
    return scope


def _kind(row: _Row, category: str | None) -> str:
    kind = _category(category or row.text("category", required=True) or "")
    if kind is None:
        raise row.error(
            "category",
            "ledger-not-one-of",
            value=row.text("category"),
            allowed=Both("、".join(_ZH_WORDS), ", ".join(_LEDGER_WORDS)),
        )
    return kind


def _add(ledger: Ledger, row: _Row, category: str | None, scope: Scope = Scope.VILLAGE) -> None:
    """Add a record to its village, or raise every problem found in it."""
    village, kind = row.cell(row.text, "village") or "", row.cell(_kind, row, category)
    if kind is None or row.problems:  # an unknown column of a YAML entry, a list for a village's name
        raise row.failed()
    entry = ledger.village(village)
    if kind == "sign":
        sign = _sign(row, village, scope)
        _say_scope(ledger, entry, row, row.cell(_one_scope, row), own=True)
        entry.signs.append(sign)
    elif kind == "facility":
        if entry.facility is not None:  # a second row would silently replace the first
            raise row.error(None, "ledger-facility-twice", village=village or "—")
        facility = _facility(row, village, scope)
        _say_scope(ledger, entry, row, row.cell(_one_scope, row), own=True)
        entry.facility = facility
    else:
        name, given = row.cell(_name, row), row.cell(_one_scope, row)
        post = row.cell(row.flag, "dedicated_post") if kind == "mechanism" else None
        basis = row.cell(row.vocab, "basis", MechanismBasis) if kind == "mechanism" else None
        if name is None or row.problems:
            raise row.failed()
        _say_scope(ledger, entry, row, given or scope)
        if kind == "mechanism":
            entry.mechanisms.append(LedgerMechanism(name, bool(post), basis))
        elif kind == "duty":
            entry.duties.append(name)
        else:
            entry.certificates.append(name)


def _say_scope(ledger: Ledger, entry: VillageLedger, row: _Row, said: Scope | None, *, own: bool = False) -> None:
    """Make the entry the place its row says (a village or a community).

    A duty's, mechanism's or certificate's row says it always (its 村或社区 cell, or the scope the ledger is
    read as), and one saying the other of such a row is refused. A sign's or facility's row (``own``) says it
    by its own cell, where no row has yet: its place is then the entry's, as the API returns it (signs saying
    both are the signage check's to tell, naming them).
    """
    if said is None:
        return
    if own:
        if entry.village not in ledger._said:  # noqa: SLF001 - the ledger being read
            ledger._said.add(entry.village)  # noqa: SLF001
            entry.scope = said
        return
    if (entry.duties or entry.mechanisms or entry.certificates) and said is not entry.scope:
        raise row.error("scope", "ledger-place-scopes", village=entry.village or "—")  # a village or a community
    ledger._said.add(entry.village)  # noqa: SLF001
    entry.scope = said


def _name(row: _Row) -> str:
    """An entry's name: its 名称, or the 文字 column a ledger of signs also uses for it."""
    name = row.text("name") or row.text("text")
    if name is None:
        raise row.error("name", "ledger-required")
    return name


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    """Read a ledger: a regular file within the byte budget (no FIFOs, devices or folders)."""
    from villagecat._budget import read_regular_file  # noqa: PLC0415

    return read_regular_file(path, max_bytes)


def _text(path: Path, data: bytes) -> str:
    """A ledger's text: UTF-8 (with or without its BOM), or for a CSV the GBK that Excel and WPS save.

    Excel's and WPS's 「CSV（逗号分隔）」 on Chinese Windows is GBK, and Excel 2010 and 2013 offer no
    CSV UTF-8 at all: such a CSV is read as GB18030 (GBK's superset), but only where its header (or a line of
    its first few, below a title) then names a column: Latin-1 or damaged bytes that decode by chance are
    refused, never read as garbled titles. A UTF-8 file with a line or two of other bytes, or Big5 and
    Shift-JIS that GB18030 decodes into rare characters and kana, are refused too (see :func:`_mostly_utf8`).
    A NUL byte is refused naming its line: no text table holds one (a UTF-16 file without its mark, a
    damaged file), and one in a cell was read past, then shown as a Python escape.
    """
    csv_file = path.suffix.lower() == ".csv"
    if csv_file and data.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel's "Unicode 文本", not GBK
        raise PackageReadError.at(str(path), "encoding-utf16")
    nul = data.find(b"\x00")
    if nul >= 0:
        raise PackageReadError.at(str(path), "ledger-nul", line=data.count(b"\n", 0, nul) + 1)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if not csv_file:
            raise PackageReadError.at(str(path), "ledger-text-not-utf8") from None
        line = data.count(b"\n", 0, exc.start) + 1  # where UTF-8 first fails
        if _mostly_utf8(data):  # a GBK row pasted in, a damaged byte: the rest would be read as mojibake
            raise PackageReadError.at(str(path), "ledger-utf8-damaged", line=line) from None
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:  # a file too short to judge by its share of UTF-8 says where UTF-8 fails
        if line > 1:
            raise PackageReadError.at(str(path), "ledger-not-text-at", line=line) from None
        raise PackageReadError.at(str(path), "ledger-not-text") from None
    if _rarely_gbk(text):  # Big5, Shift-JIS: double bytes GB18030 decodes too, into rare characters and kana
        raise PackageReadError.at(str(path), "ledger-not-gbk")
    lines = text.split("\n", _HEAD)[:_HEAD]  # the header, or a title above it (told where the header is)
    if not any(_field_name(title.strip().strip('"')) for line in lines for title in line.split(",")):
        raise PackageReadError.at(str(path), "ledger-not-utf8")
    return text


def _mostly_utf8(data: bytes) -> bool:
    """Whether bytes that are not UTF-8 throughout are UTF-8 text with a few bytes wrong, not GBK.

    GBK's Chinese decodes as UTF-8 only by chance: far more of its characters are refused than read
    (about four to one in the shipped texts). UTF-8 with one row of GBK pasted in reads mostly.
    """
    text = data.decode("utf-8", errors="replace")
    wrong = text.count("\ufffd")
    read = len(text) - len(text.encode("ascii", errors="ignore")) - wrong
    return read > 2 * wrong


def _rarely_gbk(text: str) -> bool:
    """Whether text decoded as GB18030 is mostly characters GB2312 lacks, or kana: another encoding read by chance.

    GB2312's 6,763 characters hold nearly all Chinese as written (every shipped text); Big5 read as
    GBK is a third or more outside it or kana, Shift-JIS nearly all. A rare character in a village's name is not.
    """
    wide = len(text) - len(text.encode("ascii", errors="ignore"))
    outside = text.encode("gb2312", errors="replace").count(b"?") - text.count("?") + len(_KANA.findall(text))
    return outside >= _RARE_AT_LEAST and outside * 10 > wide


#: Japanese kana: Big5's commonest characters read as GBK (their lead bytes are GB2312's kana rows).
_KANA = re.compile("[\u3040-\u30ff]")
#: How many characters outside GB2312 a GBK ledger may hold, whatever its length (rare names of villages).
_RARE_AT_LEAST = 3


def _tabular(path: Path, data: bytes, problems: _Problems) -> list[tuple[str | None, list[_Row]]]:
    """Return (sheet name, rows) for a CSV file or each sheet of a workbook; a header's problems are kept.

    The rows of a sheet whose header has a problem are not read: which column is which is not known.
    """
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        from villagecat._xlsx import header_below, open_workbook, read_sheet  # noqa: PLC0415

        book = open_workbook(path, data)
        sheets: list[tuple[str | None, list[_Row]]] = []
        beside: list[_Beside] = []
        for sheet in book.worksheets:
            read = read_sheet(sheet, str(path), ledger=True)
            values = read.rows
            if not any(v not in (None, "") for row in values for v in row):  # an empty sheet, not one whose row 1 is
                continue
            header = [str(h).strip() if h is not None else "" for h in values[0]]
            where = _sheet_place(path, sheet.title)
            kind = _no_ledger(sheet.title)
            if kind is not None and not _ledger_header(header):  # a 汇总 beside the ledger: one problem
                problems.add(LedgerError(where, 0, None, "ledger-sheet-no-ledger", kind=kind))
                continue
            lower = header_below(values, lambda text: _field_name(text.strip()) is not None)
            if lower is not None:  # a title above the header: one line, not every heading unknown
                problems.add(LedgerError(where, 1, None, "workbook-header-row", row=lower, above=lower - 1))
                continue
            if not any(header):  # nor below it, among the first rows: every row would be of no column
                problems.add(LedgerError(where, 1, None, "ledger-header-empty"))
                continue
            if _no_header(header, len(values) - 1):
                _garbled(path, header, sheet.title)
                problems.add(_header_unknown(where, len(values) - 1, sheet=True))
                continue
            notes = _note_rows(header, values, read.merged)
            footers = {n: text for n, r in enumerate(values[1:], start=2) if n not in notes and (text := _footer(r))}
            notes |= footers
            merged_title = _merged_titles(header, read, where, problems, notes)
            if _header_problems(where, str(where.zh), header, problems) or merged_title:
                continue
            _say_hidden(sheet, read, where)
            rows, untitled = [], _Untitled(header, where, problems)
            totals = _Problems(path) if kind is not None else problems  # a 汇总's 合计: told when it is read
            _say_notes({n: t for n, t in notes.items() if n not in footers}, where)
            _say_notes(footers, where, "ledger-footer-rows")
            for n, r in enumerate(values[1:], start=2):
                if n not in notes and any(v not in (None, "") for v in r):
                    untitled(n, r)
                    row = _Row(dict(zip(header, ["" if v is None else v for v in r], strict=False)), where, n)
                    if _entry(row, totals):
                        rows.append(row)
            if kind is not None:
                beside.append((where, kind, rows, totals.kept))
                continue
            sheets.append((sheet.title.strip(), rows))
        return _beside(sheets, beside, problems)
    return [(None, _csv_rows(path, _text(path, data), problems))]


#: What a sheet beside the ledger is by the word its name holds (汇总, 填表说明), and what it is as messages say it.
_NO_LEDGER = {
    "汇总": "ledger-kind-summary", "统计": "ledger-kind-summary",
    "说明": "ledger-kind-notes", "封面": "ledger-kind-cover",
}  # fmt: skip


def _no_ledger(name: str) -> Both | None:
    """What a workbook's sheet is by its name, if its name says it is no ledger (汇总, 统计表, 填表说明, 封面)."""
    written = title_key(name)
    return next((Both(*pair(kind)) for word, kind in _NO_LEDGER.items() if word in written), None)


#: The columns a row of a summary is told the same as a ledger's row by: not its 序号, 备注, 乡镇 or 部门.
_UNCOMPARED = frozenset(("number", "notes", "township", "department"))
#: How many rows of a summary found in no other sheet a message names (the rest counted).
_ROWS_NAMED = 10


#: The vocabulary of each column a ledger reads by one (外部 and external alike).
_VOCABS: dict[str, type[Vocab]] = {
    "placement": Placement, "sign_type": SignType, "orientation": Orientation, "background_colour": Colour,
    "text_colour": Colour, "basis": MechanismBasis, "scope": Scope,
}  # fmt: skip


def _compared(row: _Row, name: str) -> str:
    """A cell as the ledger reads it, to tell a summary's row the same as a ledger's.

    A measure is its number (300平方米, 300 ㎡ and 300 alike; 60% of the row's 300 is 180), a vocabulary cell its
    member, a flag true or false, any other cell its text as names compare (健在證明 is 健在证明). Raises the
    ledger's own error where the ledger refuses the cell (300厘米 in an area).
    """
    if name in UNITS:
        number = row.number(name)
        return "" if number is None else repr(number)
    if name in _VOCABS:
        member = row.vocab(name, _VOCABS[name])
        return "" if member is None else str(member.value)
    if name == "dedicated_post":
        return str(row.flag(name)) if row.text(name) is not None else ""
    if name == "function_areas":
        return "|".join(normalise_name(area) for area in row.items(name) or ())
    text = row.text(name)
    return "" if text is None else normalise_name(text)


def _category(written: str) -> str | None:
    """The category a sheet's name or a 类别 cell says (证明, 證明 alike), or None."""
    return _CATEGORIES.get(written) or _CATEGORY_KEYS.get(title_key(written))


def _entry_key(
    row: _Row, sheet: str | None, *, village: str, problems: _Problems | None = None
) -> tuple[str, frozenset[tuple[str, str]]] | None:
    """A row as an entry: its village, and its category and every other cell it writes, as the ledger reads them.

    Given ``problems`` (a summary's row), a cell the ledger refuses is kept there, and the row is no entry (None);
    a ledger's own row is compared as written where it is refused (its sheet's reading says why).
    """
    cells = {}
    for name in row.data:
        if name in _UNCOMPARED | {"village", "category"}:
            continue
        try:
            cells[name] = _compared(row, name)
        except LedgerError as exc:
            if problems is None:
                cells[name] = normalise_name(_shown(row.data[name]))
                continue
            for problem in exc.problems:
                problems.add(problem)
            return None
    written = _shown(row.data.get("category") or "")
    category = _category(sheet or "") or _category(written) or written
    entry = frozenset({*((n, v) for n, v in cells.items() if v), ("category", category)})
    return normalise_name(village), entry


#: A sheet named 汇总 headed as a ledger: where, what its name says it is, its rows, and its totals rows' problems.
_Beside = tuple[Both, Both, list[_Row], list[LedgerError]]


def _beside(
    sheets: list[tuple[str | None, list[_Row]]], beside: list[_Beside], problems: _Problems
) -> list[tuple[str | None, list[_Row]]]:
    """The ledger's sheets, a summary beside them told (:func:`_repeated`); a summary alone is the ledger."""
    if not sheets:  # a workbook whose one ledger sheet is named 汇总: it is the ledger, its 合计 row refused
        for *_, totals in beside:
            for problem in totals:
                problems.add(problem)
        return [(None, rows) for _, _, rows, _ in beside]
    for summary in beside:
        _repeated(summary, sheets, problems)
    return sheets


def _repeated(beside: _Beside, sheets: list[tuple[str | None, list[_Row]]], problems: _Problems) -> None:
    """Tell a summary sheet headed as a ledger beside the ledger's own sheets: each entry is checked once, there.

    A row is compared on the summary's columns (a 汇总 of 村名 and 建筑面积 beside 设施), and on its category
    only where it writes one. Its rows the other sheets hold too (a row without 村名 the same as any village's) are
    one notice, with its totals rows (合计) named as not read; a row found in none of them is one problem naming
    it: which sheet is right is not guessed, nor the row dropped.
    """
    from collections import Counter  # noqa: PLC0415

    from villagecat.errors import WorkbookNotice  # noqa: PLC0415

    where, kind, summary, said = beside
    totals = [problem.row or 0 for problem in said]
    many = len(sheets) > 1
    keys = [
        key
        for sheet, rows in sheets
        for row in rows
        if (
            key := _entry_key(
                row, sheet, village=_village_of(row) or (sheet if many and sheet not in _CATEGORIES else "") or ""
            )
        )
        is not None
    ]
    columns = {name for row in summary for name in row.data} - {"category"}
    unsaid = ("category", "")  # a summary without 类别 beside sheets named 设施, 证明: compared without theirs
    tables = {}
    for category in (True, False):  # each ledger row as the summary writes it: its columns only (汇总 of 建筑面积)
        shown = [
            (village, frozenset(c for c in entry if c[0] in columns or (category and c[0] == "category")))
            for village, entry in keys
        ]
        tables[category] = (Counter(shown), Counter(entry for _, entry in shown))
    alone = []
    refused = problems.total
    for row in summary:
        key = _entry_key(row, None, village=_village_of(row), problems=problems)
        if key is None:  # a cell the ledger refuses (300厘米): told as the ledger tells it
            continue
        village, entry = key
        exact, somewhere = tables[unsaid not in entry]
        entry = entry - {unsaid}
        if village and exact[village, entry] > 0:
            exact[village, entry] -= 1
            somewhere[entry] -= 1
        elif not village and somewhere[entry] > 0:
            somewhere[entry] -= 1
        else:
            alone.append(row.row or 0)
    if alone:
        zh, en = "、".join(map(str, alone[:_ROWS_NAMED])), ", ".join(map(str, alone[:_ROWS_NAMED]))
        more = len(alone) - _ROWS_NAMED
        rows = Both(f"{zh} 行等 {len(alone)}", f"{en} and {more} more") if more > 0 else Both(zh, en)
        problems.add(LedgerError(where, 0, None, "ledger-summary-alone", kind=kind, rows=rows))
        return
    if problems.total > refused:
        return
    told = Both("", "")
    if totals:
        rows = Both("、".join(map(str, totals)), ", ".join(map(str, totals)))
        told = Both(*pair("ledger-summary-totals", rows=rows, count=len(totals)))
    zh, en = pair("ledger-summary-repeated", kind=kind, count=len(summary), totals=told)
    warnings.warn(WorkbookNotice(where, zh, en), stacklevel=6)


def _ledger_header(header: list[str]) -> bool:
    """Whether row 1 is a ledger's header: it has titles, each a column's (a sheet named 汇总 may hold all entries)."""
    return any(header) and all(_field_name(h) is not None for h in header if h)


def _say_hidden(sheet: Worksheet, read: SheetRows, where: Both) -> None:
    """Say the hidden sheet, rows and columns of a ledger that hold something: checked all the same.

    A clerk hides a row to "remove" a certificate no longer issued; the file still holds it and
    it is judged, so a 不符合 on it must not come without a word of why.
    """
    from villagecat._xlsx import column_letter  # noqa: PLC0415
    from villagecat.errors import HiddenCellsWarning  # noqa: PLC0415

    if sheet.sheet_state != "visible":
        warnings.warn(
            HiddenCellsWarning(where, very_hidden=sheet.sheet_state == "veryHidden", ledger=True), stacklevel=4
        )
    if read.hidden_rows:
        warnings.warn(HiddenCellsWarning(where, rows=read.hidden_rows, ledger=True), stacklevel=4)
    header = read.rows[0] if read.rows else []
    hidden = tuple(
        (column_letter(col), str(header[col]).strip() if col < len(header) and header[col] is not None else "")
        for col in read.hidden_columns
    )
    if hidden:
        warnings.warn(HiddenCellsWarning(where, columns=hidden, ledger=True), stacklevel=4)


#: What a totals row writes where a village's name or an entry's number belongs (合计, 总计：).
_TOTALS = frozenset(("合计", "总计", "小计", "共计"))
#: A totals word followed by what it counts (合计（2个村）, 总计：3项, 小计共2项), once half-width and without spaces:
#: never a word going on into a name (合计村 may be a village).
_TOTALS_COUNTING = re.compile(rf"^(?:{'|'.join(sorted(_TOTALS))})[:(\[【\d共]")
#: The columns a totals row names itself in.
_TOTALS_IN = ("village", "number", "name", "category", "township")  # a township's 小计 in 乡镇
#: How much of a cell a message quotes.
_QUOTED = 30


def _entry(row: _Row, problems: _Problems) -> bool:
    """Whether a table's row is an entry; a totals row (合计) is a problem, never read as a village named 合计."""
    for name in _TOTALS_IN:
        value = row.data.get(name)
        written = "".join(unicodedata.normalize("NFKC", str(value)).split()).rstrip(":") if value is not None else ""
        if written in _TOTALS or _TOTALS_COUNTING.match(written):
            problems.add(row.error(name, "ledger-totals-row", value=_shown(value)))
            return False
    return True


class _Untitled:
    """Keeps a problem for a column without a title that holds something: its cells would be dropped without a word.

    Told once a column, at the first row that writes in it; a column of nothing (a title of spaces) is read past.
    """

    def __init__(self, header: list[str], where: Both, problems: _Problems) -> None:
        self.header, self.where, self.problems = header, where, problems
        self.told: set[int] = set()

    def __call__(self, row: int, cells: list[Any]) -> None:
        from villagecat._xlsx import column_letter  # noqa: PLC0415

        for index, value in enumerate(cells):
            titled = index < len(self.header) and self.header[index]
            if index in self.told or titled or value is None or not str(value).strip():
                continue
            self.told.add(index)
            shown = _quoted(value)
            letter = column_letter(index)
            self.problems.add(
                LedgerError(self.where, 1, None, "ledger-untitled-column", letter=letter, row=row, value=shown)
            )


def _no_header(header: list[str], below: int) -> bool:
    """Whether row 1, with rows below it, names no column at all: rows of data, or a header beyond the search.

    Each of its cells told as an unknown column (和平村, 外部, 30…), each with every column listed,
    would hide the one mistake: the sheet has no header where it must be.
    """
    return below > 0 and not any(_field_name(h) for h in header if h)


#: How a text's UTF-8 bytes were read when they show garbled: as GBK (Excel on a Chinese desktop opening a UTF-8 CSV:
#: 鏉戝悕 for 村名), or as Windows' Western code page.
_MISREAD_AS = ("gbk", "cp1252")


def _garbled(path: Path, header: list[str], sheet: str | None = None) -> None:
    """Refuse a header none of whose titles is known but one is, read back as UTF-8: UTF-8 read as GBK and saved.

    Told 请把列名写在第 1 行 (and of a sheet, to move it out), a clerk would retype titles that are all there.

    Raises:
        PackageReadError: naming a garbled title and what it was (exit 2: the file's encoding, as a CSV's).
    """
    for written in header:
        for encoding in _MISREAD_AS:
            try:
                meant = written.encode(encoding).decode("utf-8")
            except UnicodeError:
                continue
            if meant != written and _field_name(meant) is not None:
                place = Both(f"工作表“{sheet}”", f"sheet {sheet}, ") if sheet is not None else Both("", "")
                raise PackageReadError.at(str(path), "ledger-garbled-header", place=place, written=written, meant=meant)


def _header_unknown(where: Both, below: int, *, sheet: bool = False) -> LedgerError:
    """Row 1 names no column; a workbook's sheet may be no ledger at all (the township's 填表说明): say what to do."""
    rows = min(below, HEADER_SEARCH)
    if not sheet:
        return LedgerError(where, 1, None, "ledger-header-unknown", rows=rows, known=_KNOWN)
    said = Both(*pair("ledger-header-unknown", rows=rows, known=_KNOWN))
    return LedgerError(where, 1, None, "ledger-header-unknown-sheet", said=said)


def _spans(merged: tuple[str, ...]) -> list[tuple[int, int, int, int]]:
    """A sheet's merged ranges (B1:C1) as their first column, first row, last column and last row, 1-based."""
    from openpyxl.utils.cell import range_boundaries  # noqa: PLC0415 - openpyxl is loaded by now

    spans = []
    for ref in merged:
        first_col, first_row, last_col, last_row = (int(n or 0) for n in range_boundaries(ref))
        spans.append((first_col, first_row, last_col, last_row))
    return spans


def _note_rows(header: list[str], values: list[list[Any]], merged: tuple[str, ...]) -> dict[int, str]:
    """The rows of one merged cell alone (以下空白, 填表人：张三, a note 注：…), each with its text as shown.

    A range below the header over two columns or more of different titles, the row holding nothing
    outside it, is a note or a sign-off, never an entry: not read, and named (:func:`_say_notes`). A
    range over one wide column (名称 over B:C, row by row) is an entry.
    """
    notes: dict[int, str] = {}
    for first_col, first_row, last_col, last_row in _spans(merged):
        titles = {header[col - 1] for col in range(first_col, min(last_col, len(header)) + 1) if header[col - 1]}
        if first_row == 1 or len(titles) < 2:
            continue
        for number in range(first_row, min(last_row, len(values)) + 1):
            row = values[number - 1]
            text = _quoted(row[first_col - 1]) if first_col <= len(row) and row[first_col - 1] is not None else ""
            outside = (v for col, v in enumerate(row, start=1) if not first_col <= col <= last_col)
            if text and all(v is None or not str(v).strip() for v in outside):
                notes[number] = text
    return notes


#: What a table's footer or sign-off begins with, as ledgers carry them (以下空白, 填表人：张三, 审核人：,
#: 制表日期：…, 联系电话：…, 负责人签字：, （盖章）), compared half-width without spaces. Each word stands alone
#: or is followed by a colon, a bracket, a blank line (___) or a figure, perhaps after 签字, 签名 or 盖章: never
#: by more of a name (联系人村, 盖章村 are villages).
_FOOTER_WORDS = (
    "以下空白", "以下无", "此页无", "以下无内容",
    "填表人", "填报人", "制表人", "审核人", "审批人", "负责人", "联系人", "经办人", "统计人",
    "填表日期", "填报日期", "制表日期", "审核日期", "报送日期", "日期",
    "联系电话", "联系方式", "电话", "填报单位", "填表单位", "单位", "签字", "签名", "盖章",
)  # fmt: skip
#: What a note begins with: the word and its colon (注：…, 备注：…, 说明：…, 注1：…).
_NOTE_WORDS = ("注", "备注", "说明")
_FOOTER = re.compile(
    rf"^\(?(?:(?:{'|'.join(map(re.escape, _FOOTER_WORDS))})(?:\(?(?:签字|签名|签章|盖章)\)?)?(?:$|[:()\[【_0-9])"
    rf"|(?:{'|'.join(map(re.escape, _NOTE_WORDS))})[0-9]*:)"
)


def _footer(cells: list[Any]) -> str | None:
    """A row's footer (以下空白, 填表人：张三, 注：…, or 填表人： 张三 审核人： 李四 in cells of their own) as shown.

    Its first filled cell is text beginning as a footer does: the row is never an entry.
    """
    filled = [cell for cell in cells if cell is not None and str(cell).strip()]
    if not filled or not isinstance(filled[0], str):
        return None
    if not _FOOTER.match("".join(unicodedata.normalize("NFKC", _shown(filled[0])).split())):
        return None
    return _quoted(" ".join(_shown(cell) for cell in filled))


def _say_notes(notes: dict[int, str], where: Both, key: str = "ledger-note-rows") -> None:
    """Name the rows merged across the table that were not read: a footer dropped without a word may be an entry."""
    from villagecat.errors import WorkbookNotice  # noqa: PLC0415

    if not notes:
        return
    named = [pair("ledger-note-row", row=number, value=text) for number, text in sorted(notes.items())]
    rows = Both("、".join(zh for zh, _ in named), ", ".join(en for _, en in named))
    zh, en = pair(key, rows=rows)
    warnings.warn(WorkbookNotice(where, zh, en), stacklevel=4)


def _merged_titles(header: list[str], read: SheetRows, where: Both, problems: _Problems, notes: dict[int, str]) -> bool:
    """Read a title merged across columns (名称 over B:C, for a wide column) as the first column's alone.

    The reader fills a merged range with its top-left value, so the header would name 名称 twice
    (表头中列名重复, for a title written once). The other columns are read as untitled, and so are
    their cells copied from a merge of the same wide column row by row (B2:C2): a column of nothing
    is the column's width, read past without a word. A column holding a value of its own is a
    problem naming the merge and the column (which of them is 名称 is not guessed, nor its cells
    dropped), and saying it is hidden where it is (the clerk sees no value in it). A row merged across
    the table (``notes``: 以下空白, 填表人：张三) is no column's value. Returns whether there was a problem.
    Bounded by the cells read, whatever the ranges declare.
    """
    from villagecat._xlsx import column_letter  # noqa: PLC0415

    values = read.rows
    spans = _spans(read.merged)
    copied: dict[tuple[int, int], int] = {}  # each cell a range filled (1-based row, column), and the range's column
    for first_col, first_row, last_col, last_row in spans:
        for number in range(first_row, min(last_row, len(values)) + 1):
            for col in range(first_col, min(last_col, len(values[number - 1])) + 1):
                if (number, col) != (first_row, first_col):
                    copied[number, col] = first_col
    told = False
    for first_col, first_row, last_col, _ in spans:
        if first_row != 1 or last_col == first_col or first_col > len(header):
            continue
        filled: list[tuple[int, int, Any]] = []  # each column holding a value of its own: the first such row
        first_holds = any(
            n not in notes
            and first_col <= len(r)
            and r[first_col - 1] not in (None, "")
            and str(r[first_col - 1]).strip()
            for n, r in enumerate(values[1:], start=2)
        )
        for col in range(first_col + 1, min(last_col, len(header)) + 1):
            header[col - 1] = ""
            for number, row in enumerate(values[1:], start=2):
                value = row[col - 1] if col <= len(row) else None
                if number in notes or value is None or not str(value).strip():
                    continue
                if first_col <= copied.get((number, col), col) < col:  # the wide column's own value, copied
                    row[col - 1] = None
                elif not any(c == col for c, _, _ in filled):
                    filled.append((col, number, value))
        if not first_holds and len(filled) == 1:  # 名称 over B:D, only D written in: D is 名称, as it shows
            header[filled[0][0] - 1], header[first_col - 1] = header[first_col - 1], ""
            continue
        if filled:
            told = True
            heading = header[first_col - 1]
            _, number, value = filled[0]
            hidden = [col for col, _, _ in filled if col - 1 in read.hidden_columns]  # a column the clerk cannot see
            named = [
                pair(f"ledger-merged-column{'-hidden' if col in hidden else ''}", letter=column_letter(col - 1))
                for col, _, _ in filled
            ]
            many = "each" if len(filled) > 1 else "one"
            columns = Both("、".join(zh for zh, _ in named), ", ".join(en for _, en in named))
            problems.add(
                LedgerError(
                    where,
                    1,
                    Both(heading, heading),
                    "ledger-merged-title",
                    heading=heading,
                    first=column_letter(first_col - 1),
                    last=column_letter(last_col - 1),
                    filled=Both(*pair(f"ledger-merged-filled-{many}", columns=columns)),
                    own=Both(*pair(f"ledger-merged-own-{many}")),
                    unhide=Both(*pair("ledger-merged-unhide")) if hidden else Both("", ""),
                    row=number,
                    value=_quoted(value),
                )
            )
    return told


def _header_problems(where: Both, budget_where: str, header: list[str], problems: _Problems) -> bool:
    """Keep every problem of a header (a column unknown, of another unit, or twice): never merge silently.

    Returns whether there was one. Raises the column budget's error (exit 2) at once.
    """
    from villagecat._budget import exceeded, limit  # noqa: PLC0415

    if len(header) > limit("columns"):
        raise exceeded("columns", budget_where, len(header))
    mapped = [_field_name(h) or "" if h else "" for h in header]
    before = problems.total
    unknown: set[str] = set()
    for written, name in zip(header, mapped, strict=True):
        if written and not name:  # a misspelt 字体颜色 would be a rule never checked: refuse it
            if written in unknown:  # one title merged over two columns: said once
                continue
            unknown.add(written)
            said, values = _unknown(written, "ledger-unknown-column")
            problems.add(LedgerError(where, 1, Both(written, written), said, **values))
            continue
        unit = (_column(written) or ("", ""))[1] if written else ""
        if name and not _unit_fits(name, unit):  # 宽度（平方米）: which unit would its numbers be in?
            problems.add(
                LedgerError(where, 1, Both(written, written), "ledger-column-unit", unit=unit, quantity=_quantity(name))
            )
    for name in dict.fromkeys(n for n in mapped if n and mapped.count(n) > 1):
        duplicated = header[mapped.index(name)]  # named as written: 村名, even when the other is 村 or village
        problems.add(LedgerError(where, 1, Both(duplicated, duplicated), "ledger-duplicate-column"))
    return problems.total > before


def _csv_rows(path: Path, text: str, problems: _Problems) -> list[_Row]:
    """Read a CSV ledger strictly: a duplicated header or a row of the wrong width is a problem, never dropped."""
    from villagecat._budget import exceeded, limit, over  # noqa: PLC0415
    from villagecat._xlsx import header_below  # noqa: PLC0415

    records = _csv_records(path, text)
    head = list(itertools.islice(records, _HEAD))  # a title above the header, as a workbook saved as CSV has it
    header = [h.strip() for h in (head[0][1] if head else [])]
    separator = other_delimiter(header, lambda name: _field_name(name) is not None)
    if separator is not None:  # one column a line: say so once, never as one unknown column
        raise PackageReadError.at(str(path), "csv-delimiter", separator=separator)
    table = [record for _, record in head]
    lower = header_below(table, lambda title: _field_name(title.strip()) is not None)
    if lower is not None:
        line = head[lower - 1][0]
        problems.add(LedgerError(str(path), 1, None, "workbook-header-row", row=line, above=line - 1))
        return []
    if not any(header):  # nor below it, among the first lines: every row would be of the wrong width
        if any(any(cell.strip() for cell in record) for _, record in itertools.chain(head[1:], records)):
            problems.add(LedgerError(str(path), 1, None, "ledger-header-empty"))
        return []
    if _no_header(header, len(head) - 1):
        _garbled(path, header)
        problems.add(_header_unknown(Both(str(path), str(path)), len(head) - 1))
        return []
    if _header_problems(Both(str(path), str(path)), str(path), header, problems):
        return []
    rows, untitled = [], _Untitled(header, Both(str(path), str(path)), problems)
    footers: dict[int, str] = {}
    for line, record in itertools.chain(head[1:], records):
        if not any(cell.strip() for cell in record):
            continue
        footer = _footer(record)
        if footer is not None:  # Excel's CSV of a merged 以下空白: 以下空白,,
            footers[line] = footer
            continue
        if len(record) != len(header):
            problems.add(LedgerError(str(path), line, None, "row-width", cells=len(record), header=len(header)))
            continue
        untitled(line, record)
        row = _Row(dict(zip(header, record, strict=True)), str(path), line)
        if _entry(row, problems):
            rows.append(row)
        if len(rows) > limit("rows"):
            raise exceeded("rows", str(path), over(limit("rows")))
    _say_notes(footers, Both(str(path), str(path)), "ledger-footer-rows")
    return rows


#: The records of a CSV read before its header is known: the header may be below a title (as in a workbook).
_HEAD = HEADER_SEARCH + 1


def _csv_records(path: Path, text: str) -> Iterator[tuple[int, list[str]]]:
    """Each record of a CSV ledger with the line it begins on; a syntax error names the line (exit 2).

    A quote never closed is named at the line it opens on, not at the end of the file where
    the reader notices it.
    """
    from villagecat._budget import csv_error_line, csv_reader  # noqa: PLC0415

    reader = csv_reader(text)
    start = 1
    try:
        for record in reader:
            yield start, record
            start = reader.line_num + 1
    except csv.Error as exc:
        line = csv_error_line(exc, start, reader.line_num)
        error = PackageReadError.at(str(path), "csv-syntax-at", line=line, detail=reader_error(exc))
        error.line = line
        raise error from None


def _yaml(path: Path, data: bytes) -> Any:  # noqa: ANN401 - whatever the YAML holds
    from villagecat._yaml import load_file_text  # noqa: PLC0415

    return load_file_text(_text(path, data), str(path))


def _limit(max_bytes: int | None) -> int:
    from villagecat._budget import given_max_bytes  # noqa: PLC0415
    from villagecat._source import max_bytes_default  # noqa: PLC0415

    given = given_max_bytes(max_bytes)
    return max_bytes_default() if given is None else given


#: The files a ledger may be, by suffix: a document (YAML or JSON) or a table (CSV or a workbook).
_DOCUMENTS = (".yaml", ".yml", ".json")
_TABLES = (".csv", ".xlsx", ".xlsm")


def _load(path: Path, max_bytes: int | None, problems: _Problems) -> tuple[Any, list[tuple[str | None, list[_Row]]]]:
    """Read a ledger file: its document (YAML or JSON), or its sheets of rows (CSV or a workbook).

    Raises:
        PackageReadError: if the file is of another kind (a ``.txt``, a ``.xls``), or cannot be read.
    """
    suffix = path.suffix.lower()
    if suffix not in _DOCUMENTS + _TABLES:
        raise PackageReadError.at(str(path), "ledger-suffix", suffix=Both(suffix or "（无）", suffix or "(none)"))
    data = _read_bytes(path, _limit(max_bytes))
    if suffix == ".json":
        from villagecat._budget import load_json  # noqa: PLC0415

        return load_json(_text(path, data), str(path)), []
    if suffix in _DOCUMENTS:
        return _yaml(path, data), []
    return None, _tabular(path, data, problems)


def _village_of(row: _Row) -> str:
    """The village a row names ("" if none); a list or mapping where its name belongs is kept as a problem."""
    return row.cell(row.text, "village") or ""


def _of(target: Path, sheets: list[tuple[str | None, list[_Row]]], segment: str) -> list[tuple[str | None, list[_Row]]]:
    """The rows of one category of a whole ledger (by its sheet's name, or its 类别 cell); a row saying none is kept.

    ``check signage`` given the ledger ``audit`` reads took its 证明 and 事项 rows for signs (位置：必填 on
    each). A row of another category is another check's: left out, and one notice says how many and which.
    """
    from villagecat.errors import WorkbookNotice  # noqa: PLC0415

    kept: list[tuple[str | None, list[_Row]]] = []
    left: dict[str, int] = {}  # each category left out (证明事项 and 证明 alike: certificate), and its rows
    for sheet, rows in sheets:
        by_sheet = sheet if sheet in _CATEGORIES else None
        mine = []
        for row in rows:
            words = by_sheet or _shown(row.data.get("category") or "").strip()
            category = _category(words) or segment
            if category == segment:
                mine.append(row)
            else:
                left[category] = left.get(category, 0) + 1
        kept.append((sheet, mine))
    if left:
        named = Both("、".join(str(_KIND_WORDS[c].zh) for c in left), ", ".join(left))
        zh, en = pair("ledger-other-categories", count=sum(left.values()), categories=named, kind=_KIND_WORDS[segment])
        warnings.warn(WorkbookNotice(str(target), zh, en), stacklevel=3)
    return kept


def _sheet_rows(sheets: list[tuple[str | None, list[_Row]]]) -> list[_Row]:
    """Every row of a CSV or workbook, a row of a village's own sheet given that village.

    In a workbook of several sheets, one not named after a category (标牌、设施…) is one
    village's (榆树村): a row that names no village is its sheet's.
    """
    if len(sheets) > 1:
        for sheet, rows in sheets:
            if sheet and sheet not in _CATEGORIES:
                for row in (r for r in rows if not _village_of(r)):
                    row.data["village"] = sheet
    return [row for _, rows in sheets for row in rows]


def _named(rows: list[_Row], problems: _Problems, *, one_per_row: bool = False) -> None:
    """Keep a problem for each row without its village in a ledger of many: never lump them into a nameless one.

    A ledger where no row names a village is one village's. With ``one_per_row`` (facility
    figures: each row is a village) two rows without names are two villages nobody can tell apart.
    """
    unnamed = [row for row in rows if not _village_of(row)]
    if unnamed and (len(unnamed) < len(rows) or (one_per_row and len(rows) > 1)):
        for row in unnamed:
            problems.add(row.error("village", "ledger-village-missing"))


def read_ledger(path: str | os.PathLike[str], *, max_bytes: int | None = None, scope: Scope = Scope.VILLAGE) -> Ledger:
    """Read a ledger of one or many villages from YAML, JSON, CSV or XLSX.

    ``scope`` is what a row serves, and what a village's entry is, when it does not say (a 村或社区
    column): an entry recording nothing, or only signs, is of it too (:attr:`Ledger.scope`).
    Every problem of the file is found before any is raised (the first :data:`MAX_PROBLEMS`
    listed, the rest counted), so a clerk fixes them all in one pass.

    Raises:
        PackageReadError: if the file cannot be read, or is of no kind a ledger may be (exit 2).
        LedgerError: if entries are not understood, a village is not named in a ledger of
            many, or the ledger records nothing to check (exit 1), naming file (and sheet),
            row and field of each problem.
    """
    need_path(path, Both("台账", "a ledger"))
    scope = need_member(scope, Scope)
    target = Path(path)
    problems = _Problems(target)
    document, sheets = _load(target, max_bytes, problems)
    ledger = Ledger(scope=scope)
    if target.suffix.lower() in _DOCUMENTS:  # not "no sheets": a workbook's sheets may all have been left unread
        problems.read(_read_villages, ledger, target, document, scope, problems)
    else:
        _named(_sheet_rows(sheets), problems)
        for sheet, rows in sheets:
            sheet_category = _category(sheet or "")
            for row in rows:
                problems.read(_add, ledger, row, sheet_category, scope)
    problems.raise_any()
    if not any(entry.recorded() for entry in ledger.villages):
        raise LedgerError(str(target), None, None, "ledger-empty")
    return ledger


#: The keys of one village in a YAML or JSON ledger, with the Chinese a clerk may write for them.
_VILLAGE_KEYS: dict[str, tuple[str, ...]] = {
    "village": _FIELDS["village"], "signs": ("标牌",), "duties": ("事项",), "mechanisms": ("机制",),
    "certificates": ("证明",), "facility": ("设施",), "notes": _FIELDS["notes"],
}  # fmt: skip
#: Each word a village's key may be written as, with the key it is.
_VILLAGE_WORDS = {word: key for key, words in _VILLAGE_KEYS.items() for word in (key, *words)}
_VILLAGE_FIELD = Both(_FIELDS["village"][0], "village")
_LISTED = {"signs": "sign", "duties": "duty", "mechanisms": "mechanism", "certificates": "certificate"}


def _key_field(key: str) -> Both:
    """A village's key as messages name it: 证明（certificates）."""
    return Both(f"{_VILLAGE_KEYS[key][0]}（{key}）", key)


def _village_place(number: int, name: str, key: str | None = None, index: int | None = None) -> Both:
    """Where in a YAML or JSON ledger: 第 2 个村（柳树村）, its 证明第 1 项, or its 设施."""
    named = Both(*pair("where-ledger-village-name", name=name)) if name else Both("", "")
    if key == "facility":
        return Both(*pair("where-ledger-village-facility", number=number, name=named))
    if key is not None:
        kind = Both(_VILLAGE_KEYS[key][0], key)
        return Both(*pair("where-ledger-village-entry", number=number, name=named, kind=kind, row=index))
    return Both(*pair("where-ledger-village", number=number, name=named))


def _village_keys(target: Path, number: int, village: dict[Any, Any], problems: _Problems) -> dict[str, Any]:
    """A village's entries by their English keys; a key neither English nor Chinese names is a problem."""
    found: dict[str, Any] = {}
    for key, value in village.items():
        written = str(key).strip()
        name = _VILLAGE_WORDS.get(written)
        if name is None:  # a misspelt ``sign:`` would leave every plaque unchecked
            place = _village_place(number, "")
            meant = misspelt(written, _VILLAGE_WORDS)
            said = "ledger-unknown-key" if meant is None else "ledger-unknown-key-meant"
            own = _VILLAGE_WORDS.get(meant or "")  # named as the list of every key names it: 标牌（signs）
            known = Both("、".join(f"{w[0]}（{k}）" for k, w in _VILLAGE_KEYS.items()), ", ".join(_VILLAGE_KEYS))
            shown = Both(f"{_VILLAGE_KEYS[own][0]}（{own}）", own) if own else None
            problems.add(
                LedgerError(str(target), None, Both(written, written), said, place=place, known=known, meant=shown)
            )
            continue
        found[name] = value
    return found


def _read_villages(ledger: Ledger, target: Path, document: Any, scope: Scope, problems: _Problems) -> None:  # noqa: ANN401
    """Read a YAML or JSON ledger: ``{villages: [...]}``, a list of villages, or one village's mapping."""
    villages = document.get("villages", [document]) if isinstance(document, dict) else document
    if not isinstance(villages, list):
        raise LedgerError(str(target), None, "villages", "ledger-villages-list")
    for number, village in enumerate(villages, start=1):
        if not isinstance(village, dict):
            problems.add(
                LedgerError(str(target), None, None, "ledger-village-mapping", place=_village_place(number, ""))
            )
            continue
        keys = _village_keys(target, number, village, problems)
        raw = keys.get("village")
        if isinstance(raw, list | tuple | dict | bool):
            where = _village_place(number, "")
            problems.add(
                LedgerError(str(target), None, _VILLAGE_FIELD, "ledger-not-one-value", place=where, shape=shape_of(raw))
            )
            continue
        name = str(raw or "").strip()
        if not name and len(villages) > 1:
            where = _village_place(number, "")
            problems.add(LedgerError(str(target), None, _VILLAGE_FIELD, "ledger-village-missing", place=where))
        ledger.village(name)  # kept when it records nothing: audit says it went unchecked
        for key, category in _LISTED.items():
            entries = keys.get(key) or []
            if not isinstance(entries, list):
                where = _village_place(number, name)
                problems.add(
                    LedgerError(str(target), None, _key_field(key), "ledger-list", place=where, shape=shape_of(entries))
                )
                continue
            for index, value in enumerate(entries, start=1):
                record = value if isinstance(value, dict) else {_FIELDS["name"][0]: value}
                where = _village_place(number, name, key, index)
                row = _Row({**record, _FIELDS["village"][0]: name}, str(target), index, entry=True, place=where)
                problems.read(_add, ledger, row, category, scope)
        facility = keys.get("facility")
        if facility:
            if not isinstance(facility, dict):
                where = _village_place(number, name)
                problems.add(
                    LedgerError(str(target), None, _key_field("facility"), "ledger-facility-mapping", place=where)
                )
                continue
            where = _village_place(number, name, "facility")
            row = _Row({**facility, _FIELDS["village"][0]: name}, str(target), None, entry=True, place=where)
            problems.read(_add, ledger, row, "facility", scope)


def _entries(target: Path, document: Any, key: str, message: str) -> list[_Row]:  # noqa: ANN401
    """The rows of a YAML or JSON list of entries: the document itself, or its ``key``."""
    entries = document.get(key, []) if isinstance(document, dict) else document
    if not isinstance(entries, list):
        raise LedgerError(str(target), None, key, message)
    return [_Row(e if isinstance(e, dict) else {}, str(target), n, entry=True) for n, e in enumerate(entries, start=1)]


def read_signs(
    path: str | os.PathLike[str], *, max_bytes: int | None = None, scope: Scope = Scope.VILLAGE
) -> list[ActualSign]:
    """Read a village's (or many villages') signs: a YAML or JSON list, or CSV/XLSX rows.

    ``scope`` is what a sign hangs at when its row does not say (a 村或社区 column).

    Raises:
        PackageReadError: as :func:`read_ledger`.
        LedgerError: as :func:`read_ledger` (every problem at once); also when the file lists no sign.
    """
    need_path(path, Both("台账", "a ledger"))
    scope = need_member(scope, Scope)
    target = Path(path)
    problems = _Problems(target)
    document, sheets = _load(target, max_bytes, problems)
    if target.suffix.lower() in _DOCUMENTS:  # not "no sheets": a workbook's sheets may all have been left unread
        rows = _entries(target, document, "signs", "ledger-signs-list")
    else:
        rows = _sheet_rows(_of(target, sheets, "sign"))
    if not rows:
        problems.raise_any()  # a header's problems first: its rows were not read
        raise LedgerError(str(target), None, None, "ledger-empty")
    _named(rows, problems)
    signs = [problems.read(_sign, row, _village_of(row), scope) for row in rows]
    problems.raise_any()
    return [sign for sign in signs if sign is not None]


def read_facility_file(
    path: str | os.PathLike[str], *, max_bytes: int | None = None, scope: Scope = Scope.VILLAGE
) -> list[FacilityFigures]:
    """Read many villages' facility figures: a YAML or JSON list, or CSV/XLSX rows (one per village).

    ``scope`` is what a row serves when it does not say (a ``scope`` or 村或社区 column).

    Raises:
        PackageReadError: as :func:`read_ledger`.
        LedgerError: as :func:`read_ledger` (every problem at once); also when the file has no
            row, or two rows without a village's name.
    """
    need_path(path, Both("台账", "a ledger"))
    scope = need_member(scope, Scope)
    target = Path(path)
    problems = _Problems(target)
    document, sheets = _load(target, max_bytes, problems)
    documented = target.suffix.lower() in _DOCUMENTS
    rows = (
        _entries(target, document, "villages", "ledger-villages-list")
        if documented
        else _sheet_rows(_of(target, sheets, "facility"))
    )
    if not rows:
        problems.raise_any()  # a header's problems first: its rows were not read
        raise LedgerError(str(target), None, None, "ledger-empty")
    _named(rows, problems, one_per_row=True)
    ledger = Ledger(scope=scope)
    for row in rows:  # one row per village, as in any ledger: a second is refused, never checked beside the first
        problems.read(_add, ledger, row, "facility", scope)
    problems.raise_any()
    return [entry.facility for entry in ledger.villages if entry.facility is not None]
