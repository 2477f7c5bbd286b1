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
import io
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from villagecat._i18n import MESSAGES, Both, pair, reader_error, say
from villagecat.checks.facility import FacilityFigures
from villagecat.checks.signage import ActualSign
from villagecat.errors import PackageReadError, VillagecatError
from villagecat.models import Colour, MechanismBasis, Orientation, Placement, SignType

if TYPE_CHECKING:
    from villagecat.models._base import Vocab

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
_ZH_WORDS = sorted(name for name in _CATEGORIES if not name.isascii())
_HEADERS = {
    "村": "village", "村名": "village", "村（社区）": "village", "类别": "category", "名称": "name", "文字": "text",
    "位置": "placement", "悬挂位置": "placement", "类型": "sign_type", "标牌类型": "sign_type", "版式": "orientation",
    "宽度": "width_cm", "宽（厘米）": "width_cm", "高度": "height_cm", "高（厘米）": "height_cm",
    "底色": "background_colour",
    "字色": "text_colour", "所属组织": "organisation", "专人专岗": "dedicated_post", "设立依据": "basis",
    "建筑面积": "floor_area_m2", "户数": "households", "活动区域面积": "activity_area_m2", "功能区域": "function_areas",
    "部门": "department",
}  # fmt: skip
_SHORT = {"横": "horizontal", "竖": "vertical", "室外": "outside", "室内": "inside", "是": "true", "否": "false"}


class LedgerError(VillagecatError, ValueError):
    """A ledger entry cannot be understood; names the file, row and field."""

    def __init__(self, file: str, row: int | None, field_name: str | None, key: str, /, **values: object) -> None:
        """Record where the problem is, and what: ``key`` of the message catalog, filled from ``values``."""
        places = {
            lang: [
                file,
                say("where-ledger-row", lang, row=row) if row else "",
                say("where-field", lang, field=field_name) if field_name else "",
            ]
            for lang in ("zh", "en")
        }
        self.where_zh = "，".join(p for p in places["zh"] if p)
        self.where_en = ", ".join(p for p in places["en"] if p)
        super().__init__(*pair(key, **values))

    def describe(self, lang: str = "zh") -> str:
        """Return the one line, with the place in the same language as the message."""
        if lang == "en":
            return f"{self.where_en}: {self.message_en}"
        detail = "" if self.message_en == self.message_zh else f"（{self.message_en}）"
        return f"{self.where_zh}：{self.message_zh}{detail}"


@dataclass(frozen=True)
class LedgerMechanism:
    """A mechanism a village keeps, as its ledger records it."""

    name: str
    dedicated_post: bool = False
    basis: MechanismBasis | None = None


@dataclass
class VillageLedger:
    """One village's entries."""

    village: str
    duties: list[str] = field(default_factory=list)
    mechanisms: list[LedgerMechanism] = field(default_factory=list)
    signs: list[ActualSign] = field(default_factory=list)
    certificates: list[str] = field(default_factory=list)
    facility: FacilityFigures | None = None


@dataclass
class Ledger:
    """A ledger of one or many villages."""

    villages: list[VillageLedger] = field(default_factory=list)
    _index: dict[str, VillageLedger] = field(default_factory=dict, repr=False, compare=False)

    def village(self, name: str) -> VillageLedger:
        """Return (creating it) the entry of a village: constant time, so reading is linear in rows."""
        entry = self._index.get(name)
        if entry is None and len(self._index) != len(self.villages):  # villages added directly: index them once
            self._index = {v.village: v for v in self.villages}
            entry = self._index.get(name)
        if entry is None:
            entry = VillageLedger(name)
            self.villages.append(entry)
            self._index[name] = entry
        return entry


class _Row:
    """One record with where it came from, for error messages."""

    def __init__(self, data: dict[str, Any], file: str, row: int | None) -> None:
        self.data = {_HEADERS.get(str(k).strip(), str(k).strip()): v for k, v in data.items() if k is not None}
        self.file = file
        self.row = row

    def error(self, name: str | None, key: str, /, **values: object) -> LedgerError:
        return LedgerError(self.file, self.row, name, key, **values)

    def text(self, name: str, *, required: bool = False) -> str | None:
        value = self.data.get(name)
        if value is None or str(value).strip() == "":
            if required:
                raise self.error(name, "ledger-required")
            return None
        if isinstance(value, bool):  # YAML's true and false, as the clerk wrote them (not Python's True)
            return "true" if value else "false"
        return str(value).strip()

    def number(self, name: str) -> float | None:
        value = self.text(name)
        if value is None:
            return None
        try:
            number = float(value)
        except ValueError:
            raise self.error(name, "ledger-not-a-number", value=value) from None
        if not math.isfinite(number) or number < 0:
            raise self.error(name, "ledger-not-finite", value=value)
        return number

    def vocab(self, name: str, vocab: type[Vocab]) -> Any:  # noqa: ANN401 - a member of ``vocab``
        value = self.text(name)
        if value is None:
            return None
        try:
            return vocab.from_text(_SHORT.get(value, value))
        except ValueError:
            labels = "、".join(m.label for m in vocab)
            codes = ", ".join(m.value for m in vocab)
            raise self.error(name, "ledger-not-one-of", value=value, allowed=Both(labels, codes)) from None

    def flag(self, name: str) -> bool:
        value = (self.text(name) or "false").lower()
        value = _SHORT.get(value, value)
        if value not in ("true", "false", "1", "0"):
            raise self.error(name, "ledger-not-a-flag", value=value)
        return value in ("true", "1")

    def items(self, name: str) -> tuple[str, ...] | None:
        value = self.data.get(name)
        if value is None:
            return None
        if isinstance(value, list):
            return tuple(str(v).strip() for v in value)
        return tuple(p.strip() for p in str(value).replace("、", "|").split("|") if p.strip())


def _sign(row: _Row, village: str) -> ActualSign:
    text = row.text("text") or row.text("name", required=True) or ""
    placement = row.vocab("placement", Placement)
    if placement is None:
        raise row.error("placement", "ledger-placement-required")
    return ActualSign(
        text=text,
        placement=placement,
        sign_type=row.vocab("sign_type", SignType) or SignType.PLAQUE,
        orientation=row.vocab("orientation", Orientation),
        width_cm=row.number("width_cm"),
        height_cm=row.number("height_cm"),
        background_colour=row.vocab("background_colour", Colour),
        text_colour=row.vocab("text_colour", Colour),
        organisation=row.text("organisation"),
        sign=row.text("sign"),
        village=village,
    )


def _facility(row: _Row, village: str) -> FacilityFigures:
    floor = row.number("floor_area_m2")
    if floor is None:
        raise row.error("floor_area_m2", "ledger-required")
    households = row.number("households")
    return FacilityFigures(
        floor_area_m2=floor,
        households=int(households) if households is not None else None,
        activity_area_m2=row.number("activity_area_m2"),
        function_areas=row.items("function_areas"),
        village=village,
    )


def _add(ledger: Ledger, row: _Row, category: str | None) -> None:
    village = row.text("village") or ""
    kind = _CATEGORIES.get(category or row.text("category", required=True) or "")
    if kind is None:
        raise row.error(
            "category",
            "ledger-not-one-of",
            value=row.text("category"),
            allowed=Both("、".join(_ZH_WORDS), ", ".join(_LEDGER_WORDS)),
        )
    entry = ledger.village(village)
    if kind == "sign":
        entry.signs.append(_sign(row, village))
    elif kind == "facility":
        entry.facility = _facility(row, village)
    elif kind == "mechanism":
        name = row.text("name", required=True) or ""
        entry.mechanisms.append(LedgerMechanism(name, row.flag("dedicated_post"), row.vocab("basis", MechanismBasis)))
    elif kind == "duty":
        entry.duties.append(row.text("name", required=True) or "")
    else:
        entry.certificates.append(row.text("name", required=True) or "")


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    """Read a ledger: a regular file within the byte budget (no FIFOs, devices or folders)."""
    from villagecat._budget import read_regular_file  # noqa: PLC0415

    return read_regular_file(path, max_bytes)


def _text(path: Path, data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise PackageReadError.at(str(path), "ledger-not-utf8") from None


def _tabular(path: Path, data: bytes) -> list[tuple[str | None, list[_Row]]]:
    """Return (sheet name, rows) for a CSV file or each sheet of a workbook."""
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        from villagecat._xlsx import bounded_rows, open_workbook  # noqa: PLC0415

        book = open_workbook(path, data)
        sheets = []
        for sheet in book.worksheets:
            values = bounded_rows(sheet, str(path))
            if not values or not any(values[0]):
                continue
            header = [str(h).strip() if h is not None else "" for h in values[0]]
            _check_header(f"{path}:{sheet.title}", header)
            rows = [
                _Row(dict(zip(header, ["" if v is None else v for v in r], strict=False)), f"{path}:{sheet.title}", n)
                for n, r in enumerate(values[1:], start=2)
                if any(v not in (None, "") for v in r)
            ]
            sheets.append((sheet.title.strip(), rows))
        return sheets
    try:
        rows = _csv_rows(path, _text(path, data))
    except csv.Error as exc:
        raise PackageReadError.at(str(path), "csv-syntax", detail=reader_error(exc)) from None
    return [(None, rows)]


def _check_header(where: str, header: list[str]) -> None:
    """Refuse a header too wide, or naming a column twice (also as 村名 and village): never merge silently."""
    from villagecat._budget import exceeded, limit  # noqa: PLC0415

    if len(header) > limit("columns"):
        raise exceeded("columns", where, len(header))
    mapped = [_HEADERS.get(h, h) for h in header]
    duplicated = sorted({h for h in mapped if h and mapped.count(h) > 1})
    if duplicated:
        raise LedgerError(where, 1, duplicated[0], "ledger-duplicate-column")


def _csv_rows(path: Path, text: str) -> list[_Row]:
    """Read a CSV ledger strictly: a duplicated header or a row of the wrong width is an error, never dropped."""
    from villagecat._budget import exceeded, limit, over  # noqa: PLC0415

    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    header = [h.strip() for h in next(reader, [])]
    _check_header(str(path), header)
    rows = []
    for record in reader:
        line = reader.line_num
        if not any(cell.strip() for cell in record):
            continue
        if len(record) != len(header):
            raise LedgerError(str(path), line, None, "row-width", cells=len(record), header=len(header))
        rows.append(_Row(dict(zip(header, record, strict=True)), str(path), line))
        if len(rows) > limit("rows"):
            raise exceeded("rows", str(path), over(limit("rows")))
    return rows


def _yaml(path: Path, data: bytes) -> Any:  # noqa: ANN401 - whatever the YAML holds
    import yaml  # noqa: PLC0415

    from villagecat._yaml import safe_load  # noqa: PLC0415

    try:
        return safe_load(_text(path, data))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = Both(*pair("yaml-at-line", line=mark.line + 1)) if mark is not None else ""
        found = getattr(exc, "problem", None) or str(exc)  # PyYAML's English: after the Chinese advice
        problem = getattr(exc, "problem_both", None) or Both(*pair("yaml-parse-problem", problem=found))
        raise PackageReadError.at(str(path), "yaml-malformed", line=line, detail=problem) from None


def _limit(max_bytes: int | None) -> int:
    from villagecat._source import max_bytes_default  # noqa: PLC0415

    return max_bytes_default() if max_bytes is None else max_bytes


def read_ledger(path: str | Path, *, max_bytes: int | None = None) -> Ledger:
    """Read a ledger of one or many villages from YAML, CSV or XLSX.

    Raises:
        PackageReadError: if the file cannot be read (exit 2).
        LedgerError: if an entry is not understood (exit 1), naming file, row and field.
    """
    target = Path(path)
    data = _read_bytes(target, _limit(max_bytes))
    ledger = Ledger()
    if target.suffix.lower() in (".yaml", ".yml"):
        document = _yaml(target, data)
        villages = document.get("villages", [document]) if isinstance(document, dict) else document
        if not isinstance(villages, list):
            raise LedgerError(str(target), None, "villages", "ledger-villages-list")
        for number, village in enumerate(villages, start=1):
            if not isinstance(village, dict):
                raise LedgerError(str(target), number, None, "ledger-village-mapping")
            name = str(village.get("village", village.get("村名", "")))
            label = f"{target} villages[{number}]"
            entry = ledger.village(name)
            for key, category in (
                ("signs", "sign"),
                ("duties", "duty"),
                ("mechanisms", "mechanism"),
                ("certificates", "certificate"),
            ):
                entries = village.get(key) or []
                if not isinstance(entries, list):
                    kind = type(entries).__name__
                    shape = Both(*pair(f"shape-{kind}" if f"shape-{kind}" in MESSAGES else "shape-other"))
                    raise LedgerError(str(target), number, key, "ledger-list", shape=shape)
                for index, value in enumerate(entries, start=1):
                    record = value if isinstance(value, dict) else {"name": value}
                    _add(ledger, _Row({**record, "village": name}, f"{label}.{key}", index), category)
            if village.get("facility"):
                if not isinstance(village["facility"], dict):
                    raise LedgerError(str(target), number, "facility", "ledger-facility-mapping")
                entry.facility = _facility(_Row(dict(village["facility"]), f"{label}.facility", None), name)
        return ledger
    for sheet, rows in _tabular(target, data):
        sheet_category = _CATEGORIES.get(sheet or "")
        for row in rows:
            _add(ledger, row, sheet_category)
    return ledger


def read_signs(path: str | Path, *, max_bytes: int | None = None) -> list[ActualSign]:
    """Read a village's (or many villages') signs: a YAML list, or CSV/XLSX rows."""
    target = Path(path)
    if target.suffix.lower() in (".yaml", ".yml"):
        document = _yaml(target, _read_bytes(target, _limit(max_bytes)))
        entries = document.get("signs", []) if isinstance(document, dict) else document
        if not isinstance(entries, list):
            raise LedgerError(str(target), None, "signs", "ledger-signs-list")
        return [
            _sign(
                _Row(e if isinstance(e, dict) else {}, str(target), n),
                str(e.get("village", "")) if isinstance(e, dict) else "",
            )
            for n, e in enumerate(entries, start=1)
        ]
    rows = [row for _, sheet in _tabular(target, _read_bytes(target, _limit(max_bytes))) for row in sheet]
    return [_sign(row, row.text("village") or "") for row in rows]


def read_facility_file(path: str | Path, *, max_bytes: int | None = None) -> list[FacilityFigures]:
    """Read many villages' facility figures: a YAML list, or CSV/XLSX rows (one per village)."""
    target = Path(path)
    data = _read_bytes(target, _limit(max_bytes))
    if target.suffix.lower() in (".yaml", ".yml"):
        document = _yaml(target, data)
        entries = document.get("villages", []) if isinstance(document, dict) else document
        if not isinstance(entries, list):
            raise LedgerError(str(target), None, "villages", "ledger-villages-list")
        rows = [_Row(e if isinstance(e, dict) else {}, str(target), n) for n, e in enumerate(entries, start=1)]
    else:
        rows = [row for _, sheet_rows in _tabular(target, data) for row in sheet_rows]
    return [_facility(row, row.text("village") or "") for row in rows]
