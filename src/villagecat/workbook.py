"""Excel workbooks of a layer, for the clerks who keep catalogs in spreadsheets.

``export_workbook`` writes one sheet per resource, titled in Chinese (工作事务, 证明事项…),
with Chinese column titles and vocabulary values as their Chinese labels, plus a sheet
层信息 with the layer's metadata. ``import_workbook`` reads such a workbook back into a
package, reporting every problem with its sheet, row and column. Text that a spreadsheet
would run as a formula (starting with ``= + - @``) is written as a text cell, never as a
formula.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import io
import json
import re
import unicodedata
import warnings
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ValidationError

from villagecat._columns import Column, columns, override_value_cell, target_column, unknown_field, unsaid
from villagecat._i18n import Both, ModelRuleError, pair, say
from villagecat._ids import assign_ids, stray_in_id
from villagecat._messages import date_advice, pydantic_message
from villagecat._names import TITLE_MISSPELT, misspelt, title_key
from villagecat._text import describe_character, printable
from villagecat._write import atomic_write
from villagecat._xlsx import ErrorCell, column_letter, header_below
from villagecat.errors import (
    EmptySheetWarning,
    HiddenCellsWarning,
    ListEntryNotice,
    MergedCellsWarning,
    PackageReadError,
    ValidationFailedError,
    WorkbookNotice,
    WriteRefusedError,
)
from villagecat.errors import _runs as _row_runs
from villagecat.errors import _shown as _shown_runs
from villagecat.format.codec import format_number, join_list, local_date, split_list
from villagecat.format.registry import kind_of_id
from villagecat.models import Citation, Clause, Layer, Level, Override, Scope
from villagecat.models._base import DATE_PATTERN, LAYER_ID_PATTERN, Vocab
from villagecat.models.document import runs_together
from villagecat.package import RESOURCE_TITLES, RESOURCES, LayerPackage, Origin, carry_citations
from villagecat.report import Problem, ValidationReport

if TYPE_CHECKING:
    import os
    from collections.abc import Iterator, Sequence

    from openpyxl.worksheet.worksheet import Worksheet
    from pydantic_core import ErrorDetails

__all__ = [
    "SHEET_TITLES",
    "drop_deleted_rows_clauses",
    "export_workbook",
    "import_workbook",
    "say_renumbered",
    "titled",
]

#: Sheet title of each resource (the resources' Chinese titles).
SHEET_TITLES = RESOURCE_TITLES
LAYER_SHEET = "层信息"
#: The 层信息 sheet's headings a reader needs (its third, 字段, may be deleted: the labels say the same).
_LAYER_HEADINGS = ("项目", "取值")
_LAYER_FIELDS = list(Layer.model_fields)


def _openpyxl() -> Any:  # noqa: ANN401 - the module
    try:
        import openpyxl  # noqa: PLC0415 - only workbooks need it
    except ImportError:
        raise PackageReadError.at("openpyxl", "openpyxl-missing") from None
    return openpyxl


def _cell_value(column: Column, value: object) -> object:
    """Return a value as a workbook cell: the format's cell codec, with Chinese labels for vocabularies."""
    if value is None:
        return None
    if column.shape == "citations":
        return join_list(c.to_text() for c in value) or None  # type: ignore[attr-defined]
    if column.shape == "list":
        cell = join_list(v.label if column.vocab else str(v) for v in value)  # type: ignore[attr-defined]
        if "|" not in cell and (len(cell.strip().splitlines()) > 1 or _outside_brackets(cell)[1] is not None):
            # One entry over lines, or holding a comma or 、 (not entries pasted a line each, or joined
            # with commas): the bar says it is a list of one (an empty entry is dropped when read).
            cell += "|"
        return cell or None
    if column.shape == "bool":
        return "是" if value else "否"
    if column.shape == "number" and isinstance(value, float) and float(f"{value:.15g}") != value:
        return format_number(value)  # Excel keeps 15 significant digits: a longer number goes in as text
    if column.vocab is not None:
        return value.label  # type: ignore[attr-defined]
    return value


#: Characters a workbook cannot hold (openpyxl refuses them): C0 controls but tab, newline, return.
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


#: The most characters an Excel cell holds; Excel, WPS and LibreOffice cut a longer text without a word.
_EXCEL_CELL_CHARACTERS = 32_767


def _write_text_cell(sheet: Worksheet, row: int, col: int, value: object) -> None:
    from villagecat.errors import VillagecatError  # noqa: PLC0415

    if isinstance(value, str) and _ILLEGAL.search(value):
        code = ord(_ILLEGAL.search(value).group())  # type: ignore[union-attr]
        raise VillagecatError.said("sheet-control-character", sheet=sheet.title, row=row, col=col, code=f"U+{code:04X}")
    if isinstance(value, str) and len(value) > _EXCEL_CELL_CHARACTERS:
        raise VillagecatError.said(
            "sheet-cell-too-long",
            sheet=sheet.title,
            row=row,
            col=col,
            title=sheet.cell(1, col).value,
            length=len(value),
            limit=_EXCEL_CELL_CHARACTERS,
        )
    cell = sheet.cell(row=row, column=col)
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"  # never a formula, whatever the text starts with


#: The sheet that tells a clerk how to fill the workbook (not read back).
GUIDE_SHEET = "填写说明"
_GUIDE = (
    "填写说明",
    "",
    "1. 每个工作表是一类条目（工作事务、证明事项……），每行一个条目；第一行是列名，请勿修改。",
    "2. 标识可以留空：导入时按名称的拼音自动生成（如 430000.duty.wang-ge-xun-cha），保存后固定不变。",
    "3. 有下拉箭头的列只能选列出的取值，也可直接输入中文，如 适用范围 填 村、社区 或 村（社区）。",
    "4. 一格填多项时用 | 分隔；取值列（如 协助方式）也可用 、，； 分隔。",
    (
        "5. 出处写作 文件标识#条款「原文」，原文照来源逐字填写；“条款”表中已有原文的条款可只写 文件标识#条款，"
        "如 cn.document.tingzi-2022-28#二(一)1；多个出处用 | 分隔。"
    ),
    (
        "6. 日期写作 2023-09-01、2023-09 或 2023，也可直接用 Excel 的日期格式；来源写“2023年6月底前”的，"
        "截止日期填 2023-06，“2023年6月底前”照原文写在“时限原文”一列。"
    ),
    "7. 来源没有写明的内容请留空，不要凭推测填写。",
    "8. 删除条目请删除整行（右键点行号，选“删除行”）：隐藏的行、列和工作表照样导入。",
    "9. 填好后运行：villagecat import 本文件.xlsx -o 目录，再运行 villagecat validate 目录。",
    "10. “层信息”表中的发布记录由 villagecat release 在发布时写入，请勿手工添加：导入后运行 villagecat release 目录。",
)


def _instructions(sheet: Worksheet) -> None:
    for number, line in enumerate(_GUIDE, start=1):
        _write_text_cell(sheet, number, 1, line)
    sheet.column_dimensions["A"].width = 100


#: The last row a drop-down reaches: a sheet's last (Excel and LibreOffice alike), so a 1001st row has one too.
_FORM_ROWS = 1_048_576


def _form(sheet: Worksheet, cols: Sequence[Column]) -> None:
    """Make a sheet a form: frozen header, readable widths, drop-downs of Chinese labels for vocabularies."""
    from openpyxl.worksheet.datavalidation import DataValidation  # noqa: PLC0415

    sheet.freeze_panes = "A2"
    for index, column in enumerate(cols):
        letter = column_letter(index)
        sheet.column_dimensions[letter].width = min(max(len(column.title_zh) * 2 + 4, 14), 40)
        if column.is_list or (column.vocab is None and column.shape != "bool"):
            continue
        choices = ["是", "否"] if column.shape == "bool" else [m.label for m in column.vocab]  # type: ignore[union-attr]
        formula = '"' + ",".join(choices) + '"'
        if len(formula) > 255 or any("," in c or '"' in c for c in choices):
            continue
        check = DataValidation(type="list", formula1=formula, allow_blank=True, showErrorMessage=False)
        check.add(f"{letter}2:{letter}{_FORM_ROWS}")
        sheet.add_data_validation(check)


def export_workbook(package: LayerPackage, path: str | os.PathLike[str], *, force: bool = False) -> Path:
    """Write a layer as an Excel workbook (``.xlsx``), atomically.

    An existing file is never overwritten unless ``force`` is given: it may be a workbook a
    clerk has been filling in, or any other file of theirs.

    Returns:
        The file written.

    Raises:
        WriteRefusedError: if the name does not end in ``.xlsx``, the file exists (without
            ``force``), or it is a package's own file.
    """
    if Path(path).suffix.lower() != ".xlsx":
        raise WriteRefusedError.at(str(path), "write-not-xlsx")
    openpyxl = _openpyxl()
    book = openpyxl.Workbook()
    info = book.active
    info.title = LAYER_SHEET
    info.append([*_LAYER_HEADINGS, "字段"])
    for label, value, key in _layer_rows(package.layer):
        row = info.max_row + 1
        for col, cell in enumerate([label, value, key], start=1):
            _write_text_cell(info, row, col, cell)
    info.column_dimensions["A"].width = 24
    info.column_dimensions["B"].width = 60
    _instructions(book.create_sheet(GUIDE_SHEET))
    for resource, model in RESOURCES.items():
        sheet = book.create_sheet(SHEET_TITLES[resource])
        cols = columns(model)
        sheet.append([c.title_zh for c in cols])
        _form(sheet, cols)
        for item in _clauses_of(package) if model is Clause else package.resource(resource):
            row = sheet.max_row + 1
            empty = unsaid(item)  # what a row did not say stays empty
            for col, column in enumerate(cols, start=1):
                value = (
                    _override_cell(item, column.name)
                    if isinstance(item, Override) and column.name in ("field", "value")
                    else None
                    if column.name in empty
                    else _cell_value(column, getattr(item, column.name))
                )
                _write_text_cell(sheet, row, col, value)
            if isinstance(item, Clause):  # the clause as exported, hidden: import tells an edit on this sheet
                _write_text_cell(sheet, row, len(cols) + 1, item.citation().to_text())
        if model is Clause:
            sheet.cell(1, len(cols) + 1, EXPORTED_CLAUSE)
            sheet.column_dimensions[column_letter(len(cols))].hidden = True
    _stamp(book, package.layer)
    buffer = io.BytesIO()
    book.save(buffer)
    return atomic_write(path, buffer.getvalue(), replace=force)


#: The workbook's document property naming the layer and its last release as exported (``120117 1.12.0``).
#: A release record after that one was typed by hand: ``release`` writes records in the package, never in
#: a workbook. A property, not a cell: a clerk never sees or moves it, and Excel, WPS and LibreOffice keep it.
EXPORTED_RELEASE = "villagecat-exported-release"


def _stamp(book: Any, layer: Layer) -> None:  # noqa: ANN401 - an openpyxl workbook
    from openpyxl.packaging.custom import StringProperty  # noqa: PLC0415

    last = layer.releases[-1].version if layer.releases else "-"
    book.custom_doc_props.append(StringProperty(name=EXPORTED_RELEASE, value=f"{layer.id} {last}"))


def _stamped(book: Any) -> tuple[str, str | None] | None:  # noqa: ANN401 - an openpyxl workbook
    """The layer id and last release (None: none) a workbook was exported with, else None (made by hand, older)."""
    props = getattr(getattr(book, "custom_doc_props", None), "props", None) or ()
    value = next((p.value for p in props if p.name == EXPORTED_RELEASE and isinstance(p.value, str)), None)
    parts = value.split() if value else []
    if len(parts) != 2:
        return None
    return parts[0], None if parts[1] == "-" else parts[1]


def _override_cell(item: Override, name: str) -> object:
    """An override's field as its Chinese title (类型), its value as a cell of that field (labels, 是/否)."""
    target = target_column(item.target, item.field)
    if target is None:
        return (item.field if name == "field" else override_value_cell(item)) or None
    return target.title_zh if name == "field" else _cell_value(target, item.value)


def _override_input(data: dict[str, Any], raw: object) -> None:
    """Read an override row's field (its name or Chinese title) and value (a cell of that field) into ``data``."""
    target = target_column(data.get("target"), data.get("field"))
    if target is None:  # an unknown target or field: the model says which, the value is kept as written
        return
    data["field"] = target.name
    value = _parse(target, raw)
    if value is None:
        data.pop("value", None)
    else:
        data["value"] = value


def _override_words(name: str, error: dict[str, Any], data: dict[str, Any], code: str | None) -> tuple[str, str] | None:
    """An override's 目标条目 typed as a name, or its 取值 of the wrong kind, told in the form's words (else None).

    A clerk knows an item by its name: the pattern of an id (层级代码.种类.…) says nothing of where
    its id is found. A value's message named the field by the CSV's code (facilities.min_floor_area_m2).
    """
    value = error.get("input")
    if name == "target" and error["type"] == "string_pattern_mismatch" and isinstance(value, str):
        if value.isascii():
            return None
        zh, en = pair("workbook-override-target-name", code=code or "本层代码", name=value.strip())
        got = pair("value-got", value=value.strip())
        return zh + got[0], en + got[1]
    cause = (error.get("ctx") or {}).get("error")
    target, field = data.get("target"), data.get("field")
    kind = kind_of_id(target) if isinstance(target, str) else None
    column = target_column(target, field) if isinstance(field, str) else None
    if name != "value" or not isinstance(cause, ModelRuleError) or kind is None or column is None:
        return None
    coded = f"{kind.resource}.{column.name}"  # 不是 facilities.min_floor_area_m2 的: spaced as a code is, not a title
    return cause.zh.replace(f" {coded} ", f"“{column.title_zh}”"), cause.en


def _override_field_words(data: dict[str, Any]) -> tuple[str, str]:
    """A 字段 cell that names no field of the target: the fields it may name, as the merge lists them.

    A clerk writes the column title (事项类别), never the field's code, so the words are never the
    code's pattern: the target's overridable fields by title and code where its kind is known,
    else where to find the titles.
    """
    target, name = data.get("target"), str(data.get("field", ""))
    kind = kind_of_id(target) if isinstance(target, str) else None
    if kind is None:
        return pair("workbook-override-field", field=name)
    zh, en = unknown_field(kind, name, data.get("value"))
    return form_words(zh), en


def _parse(column: Column, raw: object) -> object:  # noqa: PLR0911 - one return per kind of cell
    """Turn a workbook cell into model input; labels become slugs."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    if isinstance(raw, bool):  # a TRUE or FALSE cell is read as the clerk sees it: never as the number 1 or 0
        raw = "TRUE" if raw else "FALSE"
    if isinstance(raw, dt.datetime | dt.date):  # a date typed in Excel or LibreOffice is a date cell
        return _date_text(raw)
    if column.is_list:
        parts = split_list(str(raw))
        if column.vocab is not None:
            # A clerk separates values as Chinese text does: 、，；as well as |.
            return [_slug(column, p) for part in parts for p in _VOCAB_SEPARATORS.split(part) if p.strip()]
        return [_half_width_hash(part) for part in parts] if column.shape == "citations" else parts
    if column.shape == "bool":
        text = str(raw).strip().lower()
        return {"是": True, "否": False, "true": True, "false": False}.get(text, raw)
    if column.vocab is not None:
        return _slug(column, str(raw).strip())
    if column.pattern == DATE_PATTERN and isinstance(raw, str):
        # else left for the pattern's message, which says how; ２０２３年３月 as a Chinese input method types it
        return local_date(unicodedata.normalize("NFKC", raw).strip()) or raw.strip()
    if column.shape in ("number", "integer"):
        return _number(column, raw)
    if isinstance(raw, str) and column.pattern is not None and column.pattern.startswith(_ID_START):
        return _half_width(raw.strip())  # an id: ｃｎ.duty.x as full-width typing writes it
    return str(raw).strip() if not isinstance(raw, str) else raw.strip()


def _stray_in_code(column: Column, raw: object) -> tuple[str, str] | None:
    """The words for an id cell holding a character no id may hold (a full-width space, a joiner), or None."""
    if not isinstance(raw, str) or column.pattern is None or not column.pattern.startswith(_ID_START):
        return None
    char = stray_in_id(raw)
    if char is None:
        return None
    code = f"U+{ord(char):04X}"
    category = unicodedata.category(char)
    seen = category[0] in "LNPS"  # a letter of another script is shown itself; a space or mark by its name
    zh = f"“{char}”（{code}）" if seen else describe_character(char, "zh")
    if zh.startswith("〔"):  # no name of its own: what kind it is, never a bare code point
        zh = f"{ {'M': '组合用附加符号', 'Z': '空白字符'}.get(category[0], '不可见字符') }（{code}）"
    en = f"“{char}” ({code})" if seen else describe_character(char)
    return pair("workbook-id-character", character=Both(zh, en), value=printable(raw.strip(), data=False))


#: How an id column's pattern starts (cn.duty.…, 220000.document.…): a code, never the source's words.
_ID_START = f"^(?:{LAYER_ID_PATTERN})"


def _half_width(code: str) -> str:
    """A code (an id, a division code, a version) typed in full width (３３０１０６, ｃｎ) as its ASCII.

    NFKC, as names are compared and dates read. Only where the field is a code: a name, a note or
    a quote keeps every character as typed.
    """
    return unicodedata.normalize("NFKC", code)


_PERCENT_TEXT = re.compile(r"^\s*([0-9]+(?:\.[0-9]+)?)\s*[%％]\s*$")


def _half_width_hash(citation: str) -> str:
    """A citation typed with a Chinese input method's ＃ (文件＃三(一)2): the ``#`` it stands for.

    Every ＃ before the quote is one (a document id is ASCII, a section holds none), so two citations
    run together with it (文件＃三，文件＃二) are refused as run together, never read as one section.
    A quote keeps its own ＃.
    """
    head, bracket, quote = citation.partition("「")
    return head.replace("＃", "#") + bracket + quote


def _number(column: Column, raw: object) -> object:
    """A number cell: a percentage, as a clerk formats or types it (70%), is a percent field's 70.

    In any other field a percentage is left as the text the clerk sees, for the field's
    message to refuse, never read as its fraction (0.7).
    """
    from villagecat._xlsx import PercentCell  # noqa: PLC0415

    if isinstance(raw, str):  # ３００ and ６０％, as a Chinese input method types them
        raw = unicodedata.normalize("NFKC", raw).strip()
    typed = _PERCENT_TEXT.match(raw) if isinstance(raw, str) else None
    if isinstance(raw, PercentCell):
        return round(raw * 100, 10) if column.unit == "percent" else raw.shown()
    if typed is not None and column.unit == "percent":
        return float(typed.group(1))
    return raw


_VOCAB_SEPARATORS = re.compile(r"\s*[、，；,;｜\n]\s*")


def _date_text(value: dt.date) -> str:
    """A date cell as the format writes dates: 2023-09-01 (a time of day, as spreadsheets add, is dropped)."""
    day = value.date() if isinstance(value, dt.datetime) else value
    return day.isoformat()


def _slug(column: Column, text: str) -> str:
    """A value's code, from its label, another word for it or its code.

    No label holds a space or a line break, so one wrapped inside the cell (依法协助政府⏎工作事项,
    pasted from Word) is read without it.
    """
    assert column.vocab is not None  # noqa: S101 - callers check
    try:
        return str(column.vocab.from_text("".join(text.split())).value)
    except ValueError:
        pass
    # Typed with a traditional input method (依法協助政府工作事項, 村（社區）): the label it is, as names compare.
    from villagecat._names import normalise_name  # noqa: PLC0415

    key = normalise_name(text)
    words = [(m.label, str(m.value)) for m in column.vocab] + list(column.vocab.__synonyms__.items())
    meant = {code for word, code in words if normalise_name(word) == key}
    return meant.pop() if len(meant) == 1 else text


#: The rows a nested layer field is spelled out on: each part's key and the words after its title (上级层 · 标识).
_PARTS = {
    "parent": (("id", "标识"), ("version_range", "版本范围")),
    "admission": (("steps", "步骤"), ("citations", "出处")),
    "releases": (("version", "版本"), ("date", "日期"), ("notes", "说明")),
}


def _layer_key(label: str) -> str | None:
    """The key a 项目 label names (上级层 · 标识 -> parent.id, 发布记录 2 · 日期 -> releases.2.date), or None.

    Read where the 字段 column was deleted or emptied: the labels say the same as the keys.
    """
    fields = Layer.model_fields
    by_title = {fields[name].title: name for name in _LAYER_FIELDS}
    head, _, part = (p.strip() for p in label.partition("·"))
    if not part:
        return by_title.get(head)
    title, _, number = head.rpartition(" ")
    name = by_title.get(head) or (by_title.get(title.strip()) if number.isdigit() else None)
    key = next((k for k, words in _PARTS.get(name or "", ()) if words == part), None)
    if key is None or (name == "releases") != number.isdigit():
        return None
    return f"releases.{number}.{key}" if name == "releases" else f"{name}.{key}"


def _layer_label(key: str) -> str:
    """The 项目 label of a layer key (parent.id -> 上级层 · 标识, releases.2.date -> 发布记录 2 · 日期), else the key.

    The inverse of :func:`_layer_key`: a problem of 层信息 names the row the clerk reads, not its code.
    """
    name, _, rest = key.partition(".")
    field = Layer.model_fields.get(name)
    if field is None:
        return key
    title = field.title or name
    if rest.isdigit():  # releases.1: the whole entry
        return f"{title} {rest}"
    number, _, part = rest.rpartition(".")
    words = dict(_PARTS.get(name, ())).get(part)
    if not rest or words is None:
        return title if not rest else key
    return f"{title} {number} · {words}" if number else f"{title} · {words}"


def _layer_rows(layer: Layer) -> list[tuple[str, object, str]]:
    """The layer as labelled rows (项目, 取值, 字段): nested values spelled out, vocabularies as labels, no JSON."""
    fields = Layer.model_fields
    rows: list[tuple[str, object, str]] = []
    for name in _LAYER_FIELDS:
        value = getattr(layer, name)
        title = fields[name].title or name
        if value is None or value == ():
            rows.append((title, None, name))
        elif name == "parent":
            rows += [(f"{title} · {part}", getattr(value, key), f"parent.{key}") for key, part in _PARTS[name]]
        elif name == "admission":
            cells = {"steps": join_list(value.steps), "citations": join_list(c.to_text() for c in value.citations)}
            rows += [(f"{title} · {part}", cells[key], f"admission.{key}") for key, part in _PARTS[name]]
        elif name == "releases":
            for n, release in enumerate(value, start=1):
                rows += [
                    (f"{title} {n} · {part}", getattr(release, key), f"releases.{n}.{key}")
                    for key, part in _PARTS[name]
                ]
        elif name == "covers":
            rows.append((title, "、".join(v.label for v in value), name))
        else:
            rows.append((title, value.label if hasattr(value, "label") else value, name))
    return rows


#: The 层信息 fields that are codes, read as ASCII where typed in full width.
_LAYER_CODES = frozenset({"id", "division_code", "slug", "version", "parent.id", "parent.version_range"})


def _layer_value(key: str, value: object) -> object:
    """A labelled row's value as model input: lists split, labels turned into slugs."""
    if isinstance(value, str) and (key in _LAYER_CODES or re.fullmatch(r"releases\.\d+\.version", key)):
        return _half_width(value)
    if key == "admission.steps":
        return split_list(str(value))
    if key == "admission.citations":  # ＃ as every other sheet's 出处 reads it
        return [_half_width_hash(part) for part in split_list(str(value))]
    if key == "covers":
        return _covers(str(value))
    if key == "level" and _known(Level, str(value)):
        return str(Level.from_text(str(value)).value)
    return value


def _covers(text: str) -> list[str]:
    """覆盖范围 as typed: 村、社区, or 村和社区 (村（社区）), the 适用范围 word for both, read as 村 and 社区.

    ``both`` kept as written was the same reach in another spelling, which ``diff`` told as a change
    needing a major version.
    """
    read: list[str] = []
    for part in (p for entry in split_list(text) for p in _VOCAB_SEPARATORS.split(entry)):
        if not part.strip():
            continue
        scope = Scope.from_text(part) if _known(Scope, part) else None
        words = [Scope.VILLAGE, Scope.COMMUNITY] if scope is Scope.BOTH else [scope] if scope else []
        read += [str(w.value) for w in words] if words else [part]
    # 社区、村 is the same reach as 村、社区: written in the form's order, never as a change diff tells
    order = [str(s.value) for s in (Scope.VILLAGE, Scope.COMMUNITY)]
    return sorted(dict.fromkeys(read), key=lambda w: order.index(w) if w in order else len(order))


def _known(vocab: type[Vocab], text: str) -> bool:
    try:
        vocab.from_text(text)
    except ValueError:
        return False
    return True


def _put(data: dict[str, Any], key: str, value: object) -> None:
    """Set a dotted key (parent.id, releases.2.notes) in nested model input."""
    parts = key.split(".")
    if parts[0] == "releases" and len(parts) == 3:
        entries = data.setdefault("releases", {})
        entries.setdefault(int(parts[1]), {})[parts[2]] = value
    elif len(parts) == 2:
        data.setdefault(parts[0], {})[parts[1]] = value
    else:
        data[key] = value


def _layer_cell(key: str, value: object) -> object:
    """A 层信息 cell as text: a date cell or a typed date in the format's form, a number as it shows."""
    if isinstance(value, dt.datetime | dt.date):
        return _date_text(value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return format_number(value)  # every layer field is text: a code or a version Calc took for a number
    if isinstance(value, str) and key.rpartition(".")[2] in ("published", "effective", "date"):
        # 2023年9月1日 (or ２０２３年９月１日), as every other sheet takes it
        return local_date(unicodedata.normalize("NFKC", value).strip()) or value.strip()
    return value


def _row_key(row: list[Any]) -> tuple[str, bool]:
    """The key a 层信息 row gives (parent.id), or its label where it names no key, and whether it names one."""
    given = str(row[2]).strip() if len(row) > 2 and isinstance(row[2], str) else ""
    key = given or _layer_key(str(row[0]).strip())  # the 字段 column deleted: the label says which
    return key or str(row[0]).strip(), key is not None


def _layer_row(rows: list[list[Any]], key: str) -> tuple[int, str] | None:
    """The row number and label of the 层信息 row giving ``key`` (admission.citations), else None."""
    return next(((n, str(row[0]).strip()) for n, row in _layer_body(rows) if _row_key(row)[0] == key), None)


def _layer_body(rows: list[list[Any]]) -> Iterator[tuple[int, list[Any]]]:
    """The 层信息 rows that give something, with their numbers: all below the header, row 1 too where it is none.

    The sheet is read by its labels (项目): row 1 deleted, its first row (标识) was skipped as the header,
    and the clerk told 层标识 was missing from a sheet that shows it.
    """
    header = bool(rows) and bool(rows[0]) and title_key(str(rows[0][0])) == _LAYER_HEADINGS[0]
    for number, row in enumerate(rows[1:] if header else rows, start=2 if header else 1):
        if row and row[0] is not None:
            yield number, row


def _read_layer(
    rows: list[list[Any]], problems: list[Problem], stamp: tuple[str, str | None] | None = None
) -> Layer | None:
    data: dict[str, Any] = {}
    rows_of: dict[str, tuple[int, str]] = {}  # a key -> its row and the label a clerk reads there
    for number, row in _layer_body(rows):
        value = row[1] if len(row) > 1 else None
        name, labelled = _row_key(row)
        rows_of[name] = (number, str(row[0]).strip())
        if value is None or value == "":
            continue
        if isinstance(value, ErrorCell):
            words = pair("workbook-error-cell", value=value)
            problems.append(Problem(LAYER_SHEET, "error-cell", *words, line=number, field=f"B（{rows_of[name][1]}）"))
            continue
        value = _layer_cell(name, value)
        if labelled and (name.count(".") or name in ("covers", "level", *_LAYER_CODES)):
            _put(data, name, _layer_value(name, value))
            continue
        if name in ("parent", "admission", "releases", "covers") and isinstance(value, str):
            try:
                value = json.loads(value)
            except json.JSONDecodeError:
                problems.append(
                    Problem(LAYER_SHEET, "json-syntax", *pair("sheet-json", name=name), line=number, field="B")
                )
                continue
        data[name] = value
    if isinstance(data.get("releases"), dict):
        # told on the release's row: the 版本 was as exported, or raised with a record typed by hand
        wrong = _releases_misplaced(data["releases"], data.get("version"), rows_of) or _release_typed(
            data["releases"], data.get("id"), stamp, rows_of
        )
        if wrong is not None:
            problems.append(wrong)
            return None
        data["releases"] = [data["releases"][n] for n in sorted(data["releases"])]
    try:
        return Layer.model_validate(data)
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
        for error in errors:
            if not error["loc"] and (moved := _version_moved(data)) is not None:  # the last release's rule
                number, label = rows_of["version"]
                words = pair("workbook-layer-version", last=moved[0], version=moved[1])
                problems.append(Problem(LAYER_SHEET, "layer-version", *words, line=number, field=f"B（{label}）"))
                continue
            if _said_of_an_entry(error, errors):
                continue
            zh, en = pydantic_message(dict(error), labels=True)
            key = ".".join(str(p) for p in error["loc"])
            found = rows_of.get(key) or _row_of(tuple(error["loc"]), rows_of)
            top = Layer.model_fields.get(str(error["loc"][0])) if error["loc"] else None
            unnamed = top.title if top is not None and top.title and len(error["loc"]) == 1 else key  # a row deleted
            where = {"line": found[0], "field": f"B（{found[1]}）"} if found else {"field": unnamed}
            problems.append(Problem(LAYER_SHEET, str(error["type"]), zh, en, **where))
        return None


def _row_of(loc: tuple[int | str, ...], rows_of: dict[str, tuple[int, str]]) -> tuple[int, str] | None:
    """The row a nested value was read from (admission.citations.0: the 准入审批程序 · 出处 row), else None."""
    keys = (".".join(str(p) for p in loc[:n]) for n in range(len(loc), 0, -1))
    return next((rows_of[k] for k in keys if k in rows_of), None)


def _said_of_an_entry(error: ErrorDetails, errors: list[ErrorDetails]) -> bool:
    """Whether ``error`` is a list's 至少需要 1 项 left by its one entry's own problem (one mistake, one problem)."""
    loc = tuple(error["loc"])
    return error["type"] == "too_short" and any(
        len(other["loc"]) > len(loc) and tuple(other["loc"][: len(loc)]) == loc for other in errors
    )


def _releases_misplaced(
    releases: dict[int, Any], version: object, rows_of: dict[str, tuple[int, str]]
) -> Problem | None:
    """A 发布记录 out of order, given twice, or after the layer's version's: one problem on its row, else None.

    Each was told as 版本 typed by hand (``请改回`` the last record's version): advice that is wrong, since
    版本 was as exported, and that, followed, publishes a release villagecat release never made.
    """
    from packaging.version import InvalidVersion, Version  # noqa: PLC0415

    def parsed(entry: object) -> Version | None:
        typed = entry.get("version") if isinstance(entry, dict) else None
        try:
            return Version(typed) if isinstance(typed, str) else None
        except InvalidVersion:
            return None  # its own problem, from the model

    numbers = sorted(releases)
    versions = [parsed(releases[n]) for n in numbers]
    texts = [str(releases[n]["version"]) for n in numbers] if None not in versions else []
    for i in range(1, len(texts)):
        if versions[i] <= versions[i - 1]:  # type: ignore[operator]  # none is None here
            return _release_problem(numbers[i], texts[i], "workbook-release-order", {"previous": texts[i - 1]}, rows_of)
    if isinstance(version, str) and version in texts and version != texts[-1]:
        n = numbers[texts.index(version) + 1]
        words = {"layer": version, "last": texts[-1]}
        return _release_problem(n, texts[texts.index(version) + 1], "workbook-release-after", words, rows_of)
    return None


def _release_typed(
    releases: dict[int, Any],
    layer_id: object,
    stamp: tuple[str, str | None] | None,
    rows_of: dict[str, tuple[int, str]],
) -> Problem | None:
    """The first 发布记录 after the last one the workbook was exported with: typed by hand, one problem on its row.

    With 版本 raised to match, the layer's rules all held and a release villagecat release never made
    was written as published. Only a workbook exported by villagecat knows its last release (:func:`_stamped`).
    """
    from packaging.version import InvalidVersion, Version  # noqa: PLC0415

    if stamp is None or stamp[0] != layer_id:
        return None
    exported = Version(stamp[1]) if stamp[1] else None
    for number in sorted(releases):
        typed = releases[number].get("version") if isinstance(releases[number], dict) else None
        try:
            version = Version(typed) if isinstance(typed, str) else None
        except InvalidVersion:
            continue  # its own problem, from the model
        if version is not None and (exported is None or version > exported):
            back = stamp[1] or say("workbook-no-release", "zh")
            words = {"exported": Both(back, stamp[1] or say("workbook-no-release", "en"))}
            return _release_problem(number, str(typed), "workbook-release-typed", words, rows_of)
    return None


def _release_problem(
    number: int, version: str, key: str, words: dict[str, Any], rows_of: dict[str, tuple[int, str]]
) -> Problem:
    row, label = rows_of.get(f"releases.{number}.version", (0, f"发布记录 {number} · 版本"))
    zh, en = pair(key, number=number, version=version, **words)
    return Problem(LAYER_SHEET, "release-order", zh, en, line=row or None, field=f"B（{label}）")


def _version_moved(data: dict[str, Any]) -> tuple[str, str] | None:
    """The last release's version and the 版本 typed, where a clerk changed one without the other (else None).

    ``release`` sets the version; one typed by hand broke the layer's rule without a row or a word of what to do.
    """
    releases, version = data.get("releases"), data.get("version")
    entry = releases[-1] if isinstance(releases, list) and releases else None
    last = entry.get("version") if isinstance(entry, dict) else None
    if not isinstance(last, str) or not isinstance(version, str) or last == version:
        return None
    return last, version


def _clauses_of(package: LayerPackage) -> tuple[Clause, ...]:
    """Every clause the package's citations need, as a written package lists them (its own first)."""
    from villagecat.format.clauses import ClauseBook  # noqa: PLC0415

    book = ClauseBook(package.layer.id, package.clauses)
    for _, item in package.iter_items():
        for citation in getattr(item, "citations", None) or ():
            book.id_for(citation)
    return tuple(book.clauses())


#: The 条款 sheet's hidden column: each clause as it was exported (``DOCUMENT#SECTION「quote」``).
#: A row whose clause differs from it was edited on the sheet, and the edit reaches every item
#: whose 出处 still reads as exported. (A workbook shows each quote twice: there, and in the items.)
EXPORTED_CLAUSE = "导出时的条款（请勿修改）"


def _exported_clauses(title: str, sheet_rows: list[list[Any]]) -> tuple[list[list[Any]], dict[int, str]]:
    """The 条款 sheet without its hidden column, and that column's text by row number."""
    header = sheet_rows[0] if sheet_rows else []
    where = next((i for i, h in enumerate(header) if isinstance(h, str) and h.strip() == EXPORTED_CLAUSE), None)
    if title != SHEET_TITLES["clauses"] or where is None:
        return sheet_rows, {}
    texts = {
        number: str(row[where]).strip()
        for number, row in enumerate(sheet_rows[1:], start=2)
        if where < len(row) and row[where] not in (None, "")
    }
    return [row[:where] + row[where + 1 :] for row in sheet_rows], texts


def _missing_columns(
    title: str, model: type[BaseModel], mapped: list[Column | None], sheet_rows: list[list[Any]]
) -> list[Problem]:
    """A sheet with rows must keep every column: one deleted would read as emptied, in every row."""
    if not any(v not in (None, "") for row in sheet_rows[1:] for v in row):
        return []
    given = {c.name for c in mapped if c is not None}
    return [
        Problem(title, "missing-column", *pair("workbook-missing-column", column=column.title_zh), line=1)
        for column in columns(model)
        if column.name not in given
    ]


def _header(
    title: str, header: Sequence[object], model: type[BaseModel], problems: list[Problem]
) -> list[Column | None]:
    """Each heading's column (None where it names none): an unknown or repeated heading is a problem of row 1."""
    from villagecat.checks._fields import FIELDS  # noqa: PLC0415 - a clerk's 序号, as ledgers read it

    by_title = {title_key(c.title_zh): c for c in columns(model)} | {c.name: c for c in columns(model)}
    by_title |= {title_key(t): c for c in columns(model) for t in c.former_titles}  # a workbook exported before
    row_numbers = {title_key(t) for t in FIELDS["number"]}  # the clerk's own row numbers: no catalog data
    known = Both("、".join(c.title_zh for c in columns(model)), ", ".join(c.name for c in columns(model)))
    titles = {title_key(c.title_zh): c.title_zh for c in columns(model)}
    mapped: list[Column | None] = []
    for index, heading in enumerate(header):
        column = by_title.get(title_key(str(heading))) if heading is not None else None
        first = next((i for i, c in enumerate(mapped) if column is not None and c is column), None)
        if isinstance(heading, _MergedHeading):  # covered by the title left of it: no title of its own
            words = pair("workbook-merged-heading", cell=heading.cell, range=heading.range, heading=str(heading))
            problems.append(Problem(title, "merged-heading", *words, line=1, field=column_letter(index)))
            column = None
        elif first is not None:  # read twice, the later column would win and the earlier be lost, silently
            words = pair("workbook-duplicate-column", heading=heading, first=column_letter(first))
            problems.append(Problem(title, "duplicate-column", *words, line=1, field=column_letter(index)))
            column = None
        elif heading is not None and column is None and title_key(str(heading)) in row_numbers:
            words = pair("workbook-row-numbers", heading=heading, column=column_letter(index))
            warnings.warn(WorkbookNotice(title, *words), stacklevel=4)
        elif heading is not None and column is None:
            meant = misspelt(title_key(str(heading)), titles, cutoff=TITLE_MISSPELT)  # 字体颜色: 字色
            words = (
                pair("sheet-unknown-column-meant", heading=heading, meant=titles[meant])
                if meant is not None
                else pair("sheet-unknown-column", heading=heading, known=known)
            )
            problems.append(Problem(title, "unknown-column", *words, line=1, field=column_letter(index)))
        mapped.append(column)
    return mapped


def _row_input(
    title: str, number: int, mapped: list[Column | None], values: list[Any], problems: list[Problem]
) -> dict[str, Any]:
    """A row's cells as model input, by the columns they are under; a cell showing an error is a problem."""
    data: dict[str, Any] = {}
    for index, (column, raw) in enumerate(zip(mapped, values, strict=False)):
        if column is None:
            continue
        label = f"{column_letter(index)}（{column.title_zh}）"
        where: dict[str, Any] = {"line": number, "field": label}
        if isinstance(raw, ErrorCell):  # #DIV/0!, #N/A: a formula gone wrong, no value
            problems.append(
                Problem(title, "error-cell", *pair("workbook-error-cell", value=raw), line=number, field=label)
            )
            continue
        if column.pattern == DATE_PATTERN and isinstance(raw, float) and not raw.is_integer():  # 2023.10 is 2023.1
            words = pair("workbook-date-number", value=format_number(raw), year=int(raw))
            problems.append(Problem(title, "date-number", *words, **where))
            continue
        stray = _stray_in_code(column, raw)
        if stray is not None:  # ｇｒｉｄ　patrol, grid\u200dpatrol: named, never read as grid patrol or grid-patrol
            problems.append(Problem(title, "id-character", *stray, **where))
            continue
        if column.is_list and column.vocab is None and _list_lines(column, raw):  # pasted from Word, one a line
            key = "workbook-citation-lines" if column.shape == "citations" else "workbook-list-lines"
            problems.append(Problem(title, "list-lines", *pair(key), line=number, field=label))
            continue
        bar = column.is_list and column.vocab is None and isinstance(raw, str) and "｜" in raw
        if bar and not _runs_together(column, raw):  # citations run together are refused, in words that say ｜ too
            _full_width_bar(title, number, label)
        elif column.is_list and column.vocab is None and column.shape != "citations" and isinstance(raw, str):
            _list_comma(title, number, (label, column.name), raw)
        parsed = _parse(column, raw)
        if parsed == [] and isinstance(raw, str):  # | alone: something typed, nothing read, as if left blank
            cell = " ".join(raw.split())
            problems.append(Problem(title, "list-no-entry", *pair("workbook-list-no-entry", cell=cell), **where))
            continue
        if parsed is not None:
            data[column.name] = parsed
    return data


def _read_sheet(
    title: str,
    sheet_rows: list[list[Any]],
    model: type[BaseModel],
    problems: list[Problem],
    layer_id: str | None = None,
) -> tuple[list[BaseModel], tuple[int, ...]]:
    titles = {title_key(c.title_zh) for c in columns(model)}
    lower = header_below(sheet_rows, lambda text: title_key(text) in titles)
    if lower is not None:  # a title row above the header: every heading unknown, every column missing
        problems.append(Problem(title, "header-row", *pair("workbook-header-row", row=lower, above=lower - 1), line=1))
        return [], ()
    if _no_header(sheet_rows, model):  # row 1 deleted, or emptied: one problem, not each cell an unknown column
        known = Both("、".join(c.title_zh for c in columns(model)), ", ".join(c.name for c in columns(model)))
        problems.append(Problem(title, "no-header", *pair("workbook-no-header", sheet=title, known=known), line=1))
        return [], ()
    rows = iter(sheet_rows)
    said = len(problems)
    mapped = _header(title, next(rows, []), model, problems)
    missing = _missing_columns(title, model, mapped, sheet_rows)
    problems.extend(missing)
    given = {c.name for c in mapped if c is not None}
    absent = [c for c in columns(model) if c.name not in given] if missing else []
    _renamed_columns(title, sheet_rows[0] if sheet_rows else [], absent, problems, said)
    _said_merged_headings(title, sheet_rows[0] if sheet_rows else [], absent, problems, said)
    items: list[BaseModel] = []
    records: list[tuple[int, dict[str, Any]]] = []
    for number, values in enumerate(rows, start=2):
        if not any(v not in (None, "") for v in values):
            continue
        data = _row_input(title, number, mapped, values, problems)
        if model is Override:
            cells = zip(mapped, values, strict=False)
            raw_value = next((v for c, v in cells if c and c.name == "value" and not isinstance(v, ErrorCell)), None)
            _override_input(data, raw_value)  # an override's value, read by the field it targets
        records.append((number, data))
    if layer_id is not None:
        _give_ids(layer_id, model, [data for _, data in records])
    rows_read: list[int] = []
    title_of = {c.name: c.title_zh for c in columns(model)}
    told = {(p.line, p.field) for p in problems[said:] if p.file == title}  # each cell's own problem, read above
    for number, data in records:
        try:
            items.append(model.model_validate(data))
            rows_read.append(number)
        except ValidationError as exc:
            errors = exc.errors(include_url=False)
            for error in errors:
                name = str(error["loc"][0]) if error["loc"] else ""
                if layer_id is None and name == "id" and error["type"] == "missing":
                    continue  # a blank 标识 gets one from the layer's id: 层信息 is at fault, said once there
                if any(c.name == name for c in absent) and error["type"] == "missing":
                    continue  # the column is not there: 缺少列 said so once, not again on every row
                if model is Override and name == "field" and any(e["loc"][:1] == ("target",) for e in errors):
                    continue  # 字段 cannot be told without its target: the 目标条目 problem says what to fix
                override_words = _override_words(name, dict(error), data, layer_id) if model is Override else None
                zh, en = override_words or (
                    _override_field_words(data)
                    if model is Override and name == "field" and error["type"] == "string_pattern_mismatch"
                    else _sheet_message(dict(error), model)
                )
                where = next((i for i, c in enumerate(mapped) if c is not None and c.name == name), None)
                column_label = (
                    f"{column_letter(where)}（{mapped[where].title_zh}）"  # type: ignore[union-attr]
                    if where is not None
                    else title_of.get(name, name)  # a column the sheet lacks: its title, as 缺少列 names it
                )
                if error["type"] == "missing" and (number, column_label) in told:
                    continue  # the cell's own problem (#N/A, a date typed as a number) said why it was not read
                problems.append(Problem(title, str(error["type"]), zh, en, line=number, field=column_label))
    return items, tuple(rows_read)


def _no_header(sheet_rows: list[list[Any]], model: type[BaseModel]) -> bool:
    """Whether a sheet that holds something has no header: row 1 names none of its columns (deleted, or emptied).

    Each of the first item's cells was told as an unknown column (120117.duty.…, 否, 否), each with
    every title listed, or each column as missing: one mistake, told as many, none saying which.
    """
    from villagecat.checks._fields import FIELDS  # noqa: PLC0415 - a clerk's 序号, as ledgers read it

    if _blank(sheet_rows):
        return False
    named = {title_key(c.title_zh) for c in columns(model)} | {c.name for c in columns(model)}
    named |= {title_key(t) for t in (EXPORTED_CLAUSE, *FIELDS["number"])}
    header = sheet_rows[0] if sheet_rows else []
    return not any(h is not None and title_key(str(h)) in named for h in header)


#: How alike a title must be to one the sheet lacks to be read as it retyped: lower than a suggestion's
#: (:data:`villagecat._names.TITLE_MISSPELT`), as a column missing beside an unknown one makes a retyping likely:
#: 名字 for 名称 shares one character of two (0.5).
_RENAMED_MISSPELT = 0.5


def _renamed_columns(
    title: str, header: Sequence[object], absent: list[Column], problems: list[Problem], said: int
) -> None:
    """Say each heading retyped (名字 for 名称) once: an unknown column where the column it is like is missing.

    It was two problems of one mistake, 未知的列 and 缺少列, neither naming the other. One unknown
    column where one column is missing is that column, however it reads (事项名称 for 名称).
    """
    unknown = [p for p in problems[said:] if p.code == "unknown-column"]
    # 缺少列 is said of each absent column, in its order
    told = [p for p in problems[said:] if p.code == "missing-column"]
    missing = dict(zip((c.name for c in absent), told, strict=False))
    left = {title_key(c.title_zh): c for c in absent}
    for problem in unknown:
        letter = problem.field or ""
        heading = next((h for i, h in enumerate(header) if column_letter(i) == letter), "")
        meant = misspelt(title_key(str(heading)), left, cutoff=_RENAMED_MISSPELT)
        if meant is None and len(unknown) == 1 and len(left) == 1:
            meant = next(iter(left))
        if meant is None:
            continue
        column = left.pop(meant)
        gone = missing.pop(column.name, None)
        words = pair("workbook-renamed-column", heading=heading, column=column.title_zh)
        at = problems.index(problem)
        problems[at] = Problem(title, "renamed-column", *words, line=1, field=letter)
        if gone is not None:
            problems.remove(gone)


def _section(section: str | None) -> str | None:
    """A section as compared: full- and half-width alike, spaces ignored (三（一）2 is 三(一)2)."""
    return None if section is None else "".join(unicodedata.normalize("NFKC", section).split())


def _list_lines(column: Column, raw: object) -> bool:
    """Whether a list cell holds its entries a line each, not joined by | (区城管局⏎区民政局 read as one).

    A 出处 is so only where each line is a citation (文件标识#条款): a quote may run over lines.
    """
    if not isinstance(raw, str) or "|" in raw:
        return False
    lines = [line.strip() for line in raw.strip().splitlines() if line.strip()]
    return len(lines) > 1 and (column.shape != "citations" or all("#" in line for line in lines))


def _runs_together(column: Column, raw: str) -> bool:
    """Whether a 出处 cell holds citations run together (文件#三｜文件#二), which the citation refuses."""
    return column.shape == "citations" and any(runs_together(entry) for entry in split_list(raw))


def _full_width_bar(sheet: str, row: int, column: str) -> None:
    """Say that a list cell's full-width ｜ (a Chinese input method's) was read as text, not as a separator.

    Only ``|`` separates entries, so every text survives a save and a load; a ｜ typed for it
    would run two departments into one, silently.
    """
    warnings.warn(WorkbookNotice(sheet, *pair("workbook-full-width-bar", row=row, column=column)), stacklevel=4)


#: The marks that separate entries in Chinese text (区城管局，区民政局) and never in a list cell, where only | does.
_LIST_COMMAS = "，、,"
_OPENING, _CLOSING = "（(〔【", "）)〕】"


def _list_comma(sheet: str, row: int, column: tuple[str, str], raw: str) -> None:
    """Say that a list cell's entry holding a comma or 、 was read as one entry: only ``|`` separates.

    Not refused: an entry may hold one (the source's 区委、区政府 named as one body); the notice shows
    the entry written with ``|``, for the clerk who meant several. A mark within brackets (县（市、区）)
    is part of its entry; a cell that uses ``|`` already meant its commas (an export writes one entry
    holding a comma so: 区委、区政府|). A 出处 joined so is refused elsewhere.
    """
    if "|" in raw:  # written with the list's own separator: a comma inside an entry is the entry's
        return
    for entry in split_list(raw):
        parts, mark = _outside_brackets(entry)
        if mark is None or len(parts) < 2:
            continue
        words = pair(
            "workbook-list-comma",
            row=row,
            column=column[0],
            mark=Both(*pair(f"mark-{mark}")),
            cell=entry,
            example="|".join(parts),
        )
        warnings.warn(ListEntryNotice(sheet, column[1], entry, words), stacklevel=4)


def _outside_brackets(entry: str) -> tuple[list[str], str | None]:
    """The entry's parts between commas or 、 outside brackets, and the first such mark (None if there is none).

    各市（州）、县（市、区） is 各市（州） and 县（市、区）, at 、.
    """
    parts, depth, start, mark = [], 0, 0, None
    for i, char in enumerate(entry):
        if char in _OPENING:
            depth += 1
        elif char in _CLOSING:
            depth = max(depth - 1, 0)
        elif depth == 0 and char in _LIST_COMMAS:
            parts.append(entry[start:i])
            start, mark = i + 1, mark or char
    parts.append(entry[start:])
    return [p.strip() for p in parts if p.strip()], mark


def _give_ids(layer_id: str, model: type[BaseModel], records: list[dict[str, Any]]) -> None:
    """Give rows left without an id a readable one: a clause's from its document and section, else its name's pinyin."""
    if model is Clause:
        _clause_ids(layer_id, records)
    assign_ids(layer_id, model.spec.segment, records)  # type: ignore[attr-defined]


def _clause_ids(layer_id: str, records: list[dict[str, Any]]) -> None:
    """Give each 条款 row without an id the one a citation of it would get (``330106.clause.work-plan-3-1-2``).

    It has no name to make one from: by name it was ``330106.clause.item``, ``item-2``…
    """
    from villagecat.format.clauses import new_clause_id  # noqa: PLC0415

    taken = {r["id"] for r in records if isinstance(r.get("id"), str) and r["id"]}
    for record in records:
        document, section = record.get("document"), record.get("section")
        if record.get("id") in (None, "") and isinstance(document, str) and isinstance(section, str | None):
            record["id"] = new_clause_id(layer_id, document, section, taken)
            taken.add(record["id"])


#: A number typed with words after it: its unit (200平方米, as the column's title says) or the source's 以上.
#: Never a number written otherwise (1,000, 1e5): the words start with no mark a number holds.
_NUMBER_WITH_WORDS = re.compile(r"^\s*([0-9]+(?:\.[0-9]+)?)\s*([^\d\s,.，。eE+\-].*?)\s*$", re.DOTALL)


def _unit_first(words: str, error: dict[str, Any], model: type[BaseModel] | None) -> bool:
    """Whether ``words`` typed after a number start with the unit its column's title gives (平方米 of 面积（平方米）).

    Only then is the number the one meant: 3.5米 in a column of 平方米 is no area to copy.
    """
    name = str(error["loc"][0]) if error.get("loc") else ""
    title = next((c.title_zh for c in columns(model) if c.name == name), "") if model is not None else ""
    unit = unicodedata.normalize("NFKC", title).rpartition("(")[2].rstrip(")") if title.endswith("）") else ""
    return bool(unit) and words.startswith(unit)


def _sheet_message(error: dict[str, Any], model: type[BaseModel] | None = None) -> tuple[str, str]:
    """A pydantic error as a sheet's cell is told: a 是/否 column by its drop-down's words, a date as it was written."""
    if error.get("type") in ("bool_parsing", "bool_type"):  # not the package's true/false, which no clerk types here
        return pair("workbook-bool", got=error.get("input"))
    value = error.get("input")
    worded = _NUMBER_WITH_WORDS.match(unicodedata.normalize("NFKC", value)) if isinstance(value, str) else None
    if error.get("type") in ("float_parsing", "int_parsing") and worded and _unit_first(worded.group(2), error, model):
        zh, en = pair("workbook-number-words", number=worded.group(1), words=worded.group(2).strip())
        got = pair("value-got", value=value)
        return zh + got[0], en + got[1]
    if (
        error.get("type") == "string_pattern_mismatch"
        and (error.get("ctx") or {}).get("pattern") == DATE_PATTERN
        and isinstance(value, str)
        and (words := _date_words(value, model)) is not None
    ):
        return words
    return pydantic_message(error, labels=True)  # the cell takes the label: the labels alone, as the drop-down


def _date_words(text: str, model: type[BaseModel] | None) -> tuple[str, str] | None:
    """A date cell that holds words a clerk copied from the source, told where each part goes.

    :func:`villagecat._messages.date_advice`'s words, and where a milestone's sheet has a 时限原文
    column, that the source's words go there.
    """
    advice = date_advice(text, form="workbook-date-form")
    if advice is None:
        return None
    zh, en, split = advice
    column = next((c.title_zh for c in columns(model) if c.name == "due_text"), None) if model else None
    if split and column is not None:
        zh += say("workbook-date-words-to-text", "zh", column=column)
        en += say("workbook-date-words-to-text", "en", column=column)
    got = pair("value-got", value=text)
    return zh + got[0], en + got[1]


@functools.cache
def _coded_words() -> tuple[re.Pattern[str], dict[str, str]]:
    """Each Chinese word a package's CSV writes with its code in brackets, as the form writes it: the word alone.

    A vocabulary value (履职负面事项（prohibited）), a column (名称（name）, “重申条目”一列（restates）) and
    a sheet (覆盖（overrides）): the words the CSV's reader is told with the code beside, from the same
    labels and titles the form's cells and headings are made of.
    """
    from villagecat.format.registry import kinds  # noqa: PLC0415

    pairs: dict[str, str] = {}
    stack = list(Vocab.__subclasses__())
    while stack:
        vocab = stack.pop()
        stack.extend(vocab.__subclasses__())
        for member in vocab:
            pairs[f"{member.label}（{member.value}）"] = member.label
    for kind in kinds():
        pairs[f"{kind.title_zh}（{kind.resource}）"] = kind.title_zh
        for spec in kind.fields:
            pairs[f"{spec.title_zh}（{spec.name}）"] = spec.title_zh
            pairs[f"“{spec.title_zh}”一列（{spec.name}）"] = f"“{spec.title_zh}”一列"
    for resource, title in SHEET_TITLES.items():
        pairs[f"{title}（{resource}）"] = title
    alternatives = "|".join(re.escape(coded) for coded in sorted(pairs, key=len, reverse=True))
    return re.compile(alternatives), pairs


def form_words(text: str) -> str:
    """``text`` in the form's words: a value, a column or a sheet by its Chinese label alone, without the CSV's code.

    The merge and the checks tell a package's reader 上级值 履职负面事项（prohibited）: the code is
    what that CSV cell holds. A clerk writes and reads the label (the drop-down's), so the same
    conflict told of a workbook says 上级值 履职负面事项.
    """
    pattern, words = _coded_words()
    return pattern.sub(lambda found: words[found.group(0)], text) if "（" in text else text


def titled(report: ValidationReport) -> ValidationReport:
    """The report of a package read from a workbook, in the form's words.

    Each field is named by its sheet's column title (名称), and each value, column or sheet a
    message names with its CSV code is named by its label alone (:func:`form_words`).
    """
    by_sheet = {SHEET_TITLES[r]: {c.name: c.title_zh for c in columns(m)} for r, m in RESOURCES.items()}
    letters = _column_letters(report.target) if any(p.file in by_sheet for p in report.problems) else {}

    def column(sheet: str, name: str) -> str:  # J（取值）, as a problem found reading the sheet names it
        title = by_sheet[sheet][name]
        letter = letters.get(sheet, {}).get(name)
        return f"{letter}（{title}）" if letter else title

    def on_sheet(problem: Problem) -> Problem:
        problem = dataclasses.replace(problem, message_zh=form_words(problem.message_zh))
        if problem.file == "datapackage.json":  # the layer's fields are 层信息's rows, by their keys (parent.id)
            key = (problem.field or "").removeprefix("layer.")
            return dataclasses.replace(problem, file=LAYER_SHEET, field=_layer_label(key) if key else None)
        titles = by_sheet.get(problem.file, {})
        name, _, entry = (problem.field or "").partition("[")  # citations[0]: the 出处's first entry
        if entry.rstrip("]").isdigit() and name in titles:
            number = int(entry.rstrip("]")) + 1
            return dataclasses.replace(problem, field=f"{column(problem.file, name)}第 {number} 项")
        if (problem.field or "") in titles:
            return dataclasses.replace(problem, field=column(problem.file, problem.field or ""))
        return problem

    return dataclasses.replace(report, problems=[on_sheet(p) for p in report.problems])


def import_workbook(path: str | os.PathLike[str]) -> LayerPackage:
    """Read a workbook written by :func:`export_workbook` (or filled in by hand) into a package.

    Every sheet of the export must be there: a kind without items keeps its sheet with only
    its header, so a sheet deleted by mistake never reads as "delete every row of its kind".
    Merged cells are read as they show, their top-left value in every cell they cover.

    Raises:
        PackageReadError: if the file is not a readable workbook.
        ValidationFailedError: with every problem, each naming sheet, row and column.

    Warns:
        MergedCellsWarning: for each sheet whose merged cells filled other cells, naming the ranges.
        EmptySheetWarning: for each sheet of another name that holds nothing, left out.
    """
    from villagecat._xlsx import open_workbook  # noqa: PLC0415

    source = Path(path)
    if source.is_dir():  # the package given for the workbook: say which way each command goes
        raise PackageReadError.at(str(source), "workbook-is-folder", folder=str(source))
    book = open_workbook(source, _read_said_open(source))
    report = ValidationReport(target=str(source))
    sheets = {sheet.title.strip(): sheet for sheet in book.worksheets}
    known = [LAYER_SHEET, GUIDE_SHEET, *SHEET_TITLES.values()]
    renamed = _renamed_sheets(sheets, known)
    for title in list(sheets):
        if title not in known and _blank(_rows(sheets[title], source)):  # a spreadsheet's own Sheet1
            warnings.warn(EmptySheetWarning(title), stacklevel=2)
            del sheets[title]
        elif title in renamed:
            words = pair("workbook-renamed-sheet", title=title, sheet=renamed[title])
            report.problems.append(Problem(title, "renamed-sheet", *words))
        elif title not in known:
            report.problems.append(
                Problem(
                    title,
                    "unknown-sheet",
                    *pair(
                        "unknown-hidden-sheet" if sheets[title].sheet_state != "visible" else "unknown-sheet",
                        title=title,
                        known=Both("、".join(known), ", ".join(known)),
                    ),
                )
            )
    if LAYER_SHEET not in sheets:
        if LAYER_SHEET not in renamed.values():  # else said once, on the sheet that bears another name
            report.problems.append(Problem(str(source), "missing-sheet", *pair("missing-sheet", sheet=LAYER_SHEET)))
        raise ValidationFailedError(report)
    layer_rows = _rows(sheets[LAYER_SHEET], source)
    _say_hidden_sheet(sheets[LAYER_SHEET], layer_rows)
    layer = _read_layer(layer_rows, report.problems, _stamped(book))
    resources: dict[str, tuple[BaseModel, ...]] = {}
    origins: dict[str, Origin] = {}
    exported: dict[Citation, Citation] = {}
    headers: dict[str, list[Any]] = {}
    for resource, model in RESOURCES.items():
        title = SHEET_TITLES[resource]
        if title not in sheets and title in renamed.values():
            continue  # said once, on the sheet that bears another name
        if title not in sheets:  # read as "no rows", it would delete every row of its kind on import
            report.problems.append(Problem(str(source), "missing-sheet", *pair("missing-resource-sheet", sheet=title)))
            continue
        rows, exported_texts = _exported_clauses(title, _rows(sheets[title], source))
        _say_hidden_sheet(sheets[title], rows)
        layer_id = layer.id if layer is not None else None
        found, positions = _read_sheet(title, rows, model, report.problems, layer_id)
        resources[resource] = tuple(found)
        origins[resource] = Origin(file=title, unit="line", positions=positions)  # a later check names sheet and row
        exported.update(_edited_clauses(found, positions, exported_texts))
        headers[resource] = rows[0] if rows else []  # the columns as the clerk left them: a problem's letter
    _duplicate_ids(resources, origins, headers, report.problems)
    if layer is None or report.problems:
        raise ValidationFailedError(report)
    package = dataclasses.replace(LayerPackage.of(layer, resources), origins=origins)
    package = _take_quotes(carry_citations(package, exported))
    _say_without_quote(package, headers, _layer_row(layer_rows, "admission.citations"))
    return package


def say_renumbered(package: LayerPackage, previous: LayerPackage, workbook: str | os.PathLike[str]) -> None:
    """Say each item whose id was typed anew without its old id in 替代条目 (a notice naming sheet, row, column).

    An item of the folder's package is gone and one new item of the same kind bears its name: a renumbering the
    clerk did not declare. Written so, release counts the old id removed (a major release) and the layers below
    lose every row they wrote on it; in 替代条目 it is the same item, and their rows follow it.
    """
    from villagecat.diff import suspected_renumberings  # noqa: PLC0415 - as a diff finds them, for a notice
    from villagecat.package import ITEM_RESOURCES  # noqa: PLC0415

    letters: dict[str, dict[str, str]] | None = None
    for resource in ITEM_RESOURCES:
        if "replaces" not in RESOURCES[resource].model_fields:  # 来源文件 has no 替代条目 to write it in
            continue
        items = package.resource(resource)
        now = {str(getattr(i, "id", "")): n for n, i in enumerate(items)}
        was = {str(getattr(i, "id", "")): i for i in previous.resource(resource)}
        # a renumbering declared, as a diff reads it: an id of the previous package, gone, listed by a new item
        renamed = {
            old: i
            for i, n in now.items()
            for old in getattr(items[n], "replaces", ())
            if old in was.keys() - now.keys()
        }
        pairs = suspected_renumberings(was, {i: items[n] for i, n in now.items()}, renamed)
        gone, came = Counter(g for g, _ in pairs), Counter(c for _, c in pairs)
        for old_id, new_id in pairs:
            if gone[old_id] != 1 or came[new_id] != 1:  # one name, several items: which is which is a guess
                continue
            index, old, title = now[new_id], was[old_id], SHEET_TITLES[resource]
            item = items[index]
            letters = _column_letters(str(workbook)) if letters is None else letters
            letter = letters.get(title, {}).get("replaces")
            column = (
                Both(f"{letter} 列（替代条目）", f"column {letter} (替代条目)")
                if letter
                else Both("替代条目", "替代条目")
            )
            origin = package.origins.get(resource)
            row = origin.positions[index] if origin is not None and index < len(origin.positions) else None
            words = pair(
                "workbook-renumbered-unsaid",
                row=row if row is not None else "?",
                id=str(getattr(item, "id", "")),
                old=str(getattr(old, "id", "")),
                column=column,
            )
            warnings.warn(WorkbookNotice(title, *words), stacklevel=2)


def _read_said_open(source: Path) -> bytes:
    """A workbook's bytes, saying (:func:`_say_open`) where it is still open in a spreadsheet."""
    from villagecat._budget import read_regular_file  # noqa: PLC0415

    data = read_regular_file(source)
    _say_open(source)
    return data


def _say_open(source: Path) -> None:
    """Say a workbook still open in a spreadsheet (its lock file beside it): the import reads what was last saved.

    The lock file is the spreadsheet's: read (its first bytes, for the name of who has the workbook open), never
    touched.
    """
    from villagecat._xlsx import lock_files  # noqa: PLC0415

    for name in lock_files(source.name):
        lock = source.parent / name
        try:
            if not lock.is_file():
                continue
            with lock.open("rb") as held:
                fields = held.read(_LOCK_READ).decode("utf-8", errors="replace").split(",")
        except OSError:  # unreadable, or gone meanwhile: the workbook is open all the same
            fields = []
        who = next((f.strip() for f in fields[:2] if f.strip() and f.isprintable()), "") if name[0] == "." else ""
        words = pair("workbook-open", lock=name, who=Both(f"{who}，", f"{who}; ") if who else "")
        warnings.warn(WorkbookNotice(Both(source.name, source.name), *words), stacklevel=4)
        return


#: How much of a LibreOffice lock file is read for the name of who has the workbook open (its first field).
_LOCK_READ = 1024


def _field_label(header: Sequence[object], name: str, model: type[BaseModel]) -> str:
    """A field as a problem names it: its column's letter and title (C（出处）), or the title where no column has it."""
    column = next(c for c in columns(model) if c.name == name)
    wanted = {title_key(column.title_zh), column.name}
    found = (column_letter(i) for i, h in enumerate(header) if h is not None and title_key(str(h)) in wanted)
    letter = next(found, None)
    return f"{letter}（{column.title_zh}）" if letter else column.title_zh


def _duplicate_ids(
    resources: dict[str, tuple[BaseModel, ...]],
    origins: dict[str, Origin],
    headers: dict[str, list[Any]],
    problems: list[Problem],
) -> None:
    """An id typed on two rows: one problem on the later row, naming the row (and sheet) that has it already.

    Told by the package's check, it named the sheet alone (已在 时间节点 中出现): the clerk hunted for the other row.
    """
    first: dict[str, tuple[str, int]] = {}
    for resource, items in resources.items():
        title = SHEET_TITLES[resource]
        field = _field_label(headers.get(resource, []), "id", RESOURCES[resource])
        for item, number in zip(items, origins[resource].positions, strict=True):
            key = getattr(item, "id", None)
            if not isinstance(key, str):
                continue
            if key not in first:
                first[key] = (title, number)
                continue
            sheet, row = first[key]
            said = "workbook-row" if sheet == title else "workbook-sheet-row"  # the sheet named where it is another
            where = pair(said, sheet=sheet, row=row)
            words = pair("workbook-duplicate-id", id=key, first=Both(*where))
            problems.append(Problem(title, "duplicate-id", *words, line=number, field=field))


def drop_deleted_rows_clauses(package: LayerPackage, previous: LayerPackage) -> LayerPackage:
    """``package`` without the clauses only its deleted rows cited, each dropped said (a notice naming its row).

    The 条款 sheet lists every clause the export's items cite, so a row deleted left its clauses in
    ``clauses.csv``, cited by nothing, without a word. A clause is dropped only where ``previous`` (the
    version the workbook was exported from) holds it as it reads now and every item that cited it there
    is gone: a clause edited on the sheet, one typed there, or one cited by nothing before is the clerk's
    and kept. Its words stay in the releases before, as the deleted row's do.
    """
    cited_now = _cited(package)
    before = {clause.id: clause for clause in previous.clauses}
    present = {str(getattr(item, "id", "")) for _, item in package.iter_items()}
    citing: dict[Citation, list[BaseModel]] = {}
    for _, item in previous.iter_items():
        for citation in getattr(item, "citations", None) or ():
            citing.setdefault(citation, []).append(item)
    kept_by_admission = _cited_by_admission(previous)
    origin = package.origins.get("clauses")
    kept: list[Clause] = []
    positions: list[int] = []
    for index, clause in enumerate(package.clauses):
        old = before.get(clause.id)
        items = citing.get(clause.citation(), []) if old == clause else []
        gone = bool(items) and all(str(getattr(i, "id", "")) not in present for i in items)
        if clause.citation() in cited_now or not gone or clause.citation() in kept_by_admission:
            kept.append(clause)
            if origin is not None and index < len(origin.positions):
                positions.append(origin.positions[index])
            continue
        named = "、".join(f"{getattr(i, 'name', '')}（{getattr(i, 'id', '')}）" for i in items)
        row = origin.locate(index).get("line") if origin is not None else None
        words = pair("workbook-clause-of-deleted", row=row or "?", clause=clause.id, items=named)
        warnings.warn(WorkbookNotice(SHEET_TITLES["clauses"], *words), stacklevel=2)
    if len(kept) == len(package.clauses):
        return package
    origins = dict(package.origins)
    if origin is not None:
        origins["clauses"] = dataclasses.replace(origin, positions=tuple(positions))
    return dataclasses.replace(package, clauses=tuple(kept), origins=origins)


def _cited(package: LayerPackage) -> set[Citation]:
    found = {c for _, item in package.iter_items() for c in getattr(item, "citations", None) or ()}
    return found | _cited_by_admission(package)


def _cited_by_admission(package: LayerPackage) -> set[Citation]:
    admission = package.layer.admission
    return set(admission.citations) if admission is not None else set()


def _column_letters(target: str) -> dict[str, dict[str, str]]:
    """Each catalog sheet's columns as the workbook at ``target`` has them: field name -> letter (J for value).

    A problem found after the workbook was read (a merge conflict of an override) names its
    column as one found reading it does; a clerk may have moved the columns, so they are read
    from the file's header rows. Empty where the workbook cannot be read again.
    """
    from villagecat._budget import read_regular_file  # noqa: PLC0415
    from villagecat._xlsx import open_workbook  # noqa: PLC0415

    source = Path(target)
    if source.suffix.lower() != ".xlsx" or not source.is_file():
        return {}
    try:
        book = open_workbook(source, read_regular_file(source))
    except OSError:  # PackageReadError too: the report is told without letters
        return {}
    by_title = {title: resource for resource, title in SHEET_TITLES.items()}
    letters: dict[str, dict[str, str]] = {}
    try:
        for sheet in book.worksheets:
            resource = by_title.get(sheet.title.strip())
            if resource is None:
                continue
            named = {title_key(c.title_zh): c.name for c in columns(RESOURCES[resource])}
            named |= {c.name: c.name for c in columns(RESOURCES[resource])}
            header = next(sheet.iter_rows(max_row=1, values_only=True), ())
            found = ((named.get(title_key(str(h))), i) for i, h in enumerate(header) if h is not None)
            letters[sheet.title.strip()] = {name: column_letter(i) for name, i in found if name is not None}
    finally:
        book.close()
    return letters


def _say_hidden_sheet(sheet: Worksheet, rows: list[list[Any]]) -> None:
    """Say that a hidden sheet of the catalog's was read all the same, where it has rows below its header."""
    if sheet.sheet_state != "visible" and not _blank(rows[1:]):
        very = sheet.sheet_state == "veryHidden"  # Excel's 取消隐藏 does not list it
        warnings.warn(HiddenCellsWarning(sheet.title.strip(), very_hidden=very), stacklevel=3)


def _renamed_sheets(sheets: dict[str, Worksheet], known: list[str]) -> dict[str, str]:
    """The sheets renamed by the clerk (工作事务清单 for 工作事务), each to the missing sheet whose headings it has.

    An unknown sheet and a missing one were two problems of one mistake, neither naming the other.
    A sheet is taken for a missing one only where its first row holds every heading of that sheet
    and not of another missing one (the sheets share only 标识, 名称, 出处 and the like).
    """
    missing = {SHEET_TITLES[r]: {title_key(c.title_zh) for c in columns(m)} for r, m in RESOURCES.items()}
    missing[LAYER_SHEET] = set(_LAYER_HEADINGS)  # 层信息 by its 项目 and 取值 (字段 may be deleted)
    missing = {title: headings for title, headings in missing.items() if title not in sheets}
    found: dict[str, str] = {}
    for title, sheet in sheets.items():
        if title in known or not missing:
            continue
        first = next(sheet.iter_rows(max_row=1, values_only=True), ())
        headings = {title_key(str(v)) for v in first if v is not None}
        fits = [wanted for wanted, needed in missing.items() if needed <= headings]
        if len(fits) == 1 and fits[0] not in found.values():
            found[title] = fits[0]
    return found


def _blank(rows: list[list[Any]]) -> bool:
    """Whether a sheet's rows hold nothing: every cell empty or white space."""
    return not any(v is not None and str(v).strip() for row in rows for v in row)


def _rows(sheet: Worksheet, source: Path) -> list[list[Any]]:
    """A sheet's rows, merged cells read as they show; a warning names the ranges so read.

    Filling is the faithful reading (the clerk sees the value in every row of the range),
    but a package is a record of the source: where a covered cell was meant empty the value
    would now stand there too, so the import says which ranges it read so.
    """
    from villagecat._xlsx import read_sheet  # noqa: PLC0415
    from villagecat.checks._fields import FIELDS  # noqa: PLC0415 - a clerk's 序号, as ledgers read it

    read = read_sheet(sheet, str(source))
    title = sheet.title.strip()
    heads = _merged_headings(read.rows, read.merged)
    if shown := tuple(ref for ref in read.merged if ref not in heads):  # a header merged is a problem, not read so
        warnings.warn(MergedCellsWarning(title, shown), stacklevel=3)
    if read.hidden_rows:  # hiding is no deletion: the row is read, and would be published
        warnings.warn(HiddenCellsWarning(title, rows=read.hidden_rows), stacklevel=3)
    header = read.rows[0] if read.rows else []
    unread = {title_key(t) for t in (EXPORTED_CLAUSE, *FIELDS["number"])}  # the export's own, the clerk's 序号
    hidden = [
        (column_letter(col), str(heading).strip() if heading is not None else "")
        for col in read.hidden_columns
        if title_key(str(heading := header[col] if col < len(header) else "")) not in unread
    ]
    if hidden:
        warnings.warn(HiddenCellsWarning(title, columns=tuple(hidden)), stacklevel=3)
    return read.rows


class _MergedHeading(str):
    """A column title copied from the merge that covers its cell (备注 over 别名: D1:E1): no title of its own."""

    __slots__ = ("cell", "range")

    cell: str
    range: str


def _merged_headings(rows: list[list[Any]], merged: tuple[str, ...]) -> set[str]:
    """Mark row 1's cells that a merge across columns filled (:class:`_MergedHeading`); return those ranges.

    Calc shows one title over the range; the cells it covers hold none. Read as filled they were
    the same column twice (列“备注”与 D 列重复：请删去其中一列), and a clerk who deleted one lost 别名 for good.
    """
    from openpyxl.utils.cell import range_boundaries  # noqa: PLC0415 - openpyxl is loaded by now

    heads: set[str] = set()
    header = rows[0] if rows else []
    for ref in merged:
        first_col, first_row, last_col, _ = (int(n) for n in range_boundaries(ref))
        if first_row != 1 or last_col == first_col:
            continue
        for col in range(first_col + 1, min(last_col, len(header)) + 1):
            heading = _MergedHeading(str(header[col - 1]))
            heading.cell, heading.range = f"{column_letter(col - 1)}1", ref
            header[col - 1] = heading
            heads.add(ref)
    return heads


def _said_merged_headings(
    title: str, header: Sequence[object], absent: list[Column], problems: list[Problem], said: int
) -> None:
    """A title merged over one missing column names that column: one mistake, said once (not 缺少列 besides)."""
    merged = [p for p in problems[said:] if p.code == "merged-heading"]
    told = [p for p in problems[said:] if p.code == "missing-column"]
    heads = [h for h in header if isinstance(h, _MergedHeading)]
    if len(merged) != 1 or len(told) != 1 or len(absent) != 1 or len(heads) != 1:
        return
    (problem,), (column,), (heading,) = merged, absent, heads
    words = pair("workbook-merged-heading-meant", cell=heading.cell, range=heading.range, column=column.title_zh)
    problems[problems.index(problem)] = Problem(title, "merged-heading", *words, line=1, field=problem.field)
    problems.remove(told[0])


def _quoted(package: LayerPackage) -> dict[Citation, Citation]:
    """A 出处 written 文件标识#条款 takes the quote the 条款 sheet gives that section, where it gives one.

    A clerk types the sentence once, on the 条款 sheet, and cites it by document and section;
    where the sheet quotes the section more than once, the 出处 must say which (its quote). A
    section the sheet also lists without a quote is cited so on purpose (an exported package
    lists every citation it has): it stays as it is. Sections compare as they read, brackets
    full- or half-width and spaces aside (三（一）2 is the sheet's 三(一)2).
    """
    clauses = package.clauses
    cited = {c for _, item in package.iter_items() for c in getattr(item, "citations", None) or () if not c.quote}
    cited |= {c for c in _cited_by_admission(package) if not c.quote}  # 准入审批程序 · 出处, as every other 出处
    by_section: dict[tuple[str, str | None], list[Citation]] = {}
    unquoted: set[tuple[str, str | None]] = set()
    for clause in clauses:
        if clause.quote:
            by_section.setdefault((clause.document, _section(clause.section)), []).append(clause.citation())
        else:
            unquoted.add((clause.document, _section(clause.section)))
    keys = {citation: (citation.document, _section(citation.section)) for citation in cited}
    return {
        citation: by_section[key][0]
        for citation, key in keys.items()
        if len(by_section.get(key, ())) == 1 and key not in unquoted
    }


def _take_quotes(package: LayerPackage) -> LayerPackage:
    """``package`` with each 出处 entry the 条款 sheet quotes (:func:`_quoted`) taking its quote, 准入审批程序's too."""
    quoted = _quoted(package)
    package = carry_citations(package, quoted)
    admission = package.layer.admission
    if admission is None or not any(c in quoted for c in admission.citations):
        return package
    citations = tuple(quoted.get(c, c) for c in admission.citations)
    layer = package.layer.model_copy(update={"admission": admission.model_copy(update={"citations": citations})})
    return dataclasses.replace(package, layer=layer)


def _citation_cells(
    package: LayerPackage, headers: dict[str, list[Any]], admission_row: tuple[int, str] | None
) -> Iterator[tuple[str, int, str, tuple[Citation, ...]]]:
    """Each 出处 cell read: its sheet, row, column (C（出处）) and entries; 层信息's 准入审批程序 · 出处 last."""
    for resource, model in RESOURCES.items():
        if not any(c.name == "citations" for c in columns(model)):
            continue
        column = _field_label(headers.get(resource, []), "citations", model)
        rows = package.origins[resource].positions if resource in package.origins else ()
        for item, number in zip(package.resource(resource), rows, strict=False):
            yield SHEET_TITLES[resource], number, column, tuple(getattr(item, "citations", None) or ())
    admission = package.layer.admission
    if admission is not None and admission_row is not None:
        yield LAYER_SHEET, admission_row[0], f"B（{admission_row[1]}）", admission.citations


def _say_without_quote(
    package: LayerPackage, headers: dict[str, list[Any]], admission_row: tuple[int, str] | None = None
) -> None:
    """Say each 出处 entry citing a section that the 条款 sheet gives no quote, or several: it is read without one.

    A clerk types 文件标识#条款 as the form's 填写说明 shows, expecting the sentence to be found; it was
    written as a new clause without its text, silently. Nothing is invented: the notice asks for the
    source's words. A section the sheet lists without a quote is cited so on purpose, and a whole
    document (文件标识 alone) has no one sentence to quote: neither is said. 层信息's 准入审批程序 · 出处
    (on ``admission_row``) is a 出处 as every sheet's is.
    """
    quoted: dict[tuple[str, str | None], int] = {}
    unquoted: set[tuple[str, str | None]] = set()
    for clause in package.clauses:
        key = (clause.document, _section(clause.section))
        if clause.quote:
            quoted[key] = quoted.get(key, 0) + 1
        else:
            unquoted.add(key)
    said: dict[tuple[str, str, str, int], list[int]] = {}  # one notice per sheet, column and citation: its rows
    for title, number, column, citations in _citation_cells(package, headers, admission_row):
        for entry in citations:
            key = (entry.document, _section(entry.section))
            if entry.quote or not entry.section or key in unquoted:
                continue
            rows = said.setdefault((title, column, entry.to_text(), quoted.get(key, 0)), [])
            if number not in rows:
                rows.append(number)
    for (title, column, citation, count), rows in said.items():
        words = pair(
            "workbook-citation-unquoted" if count == 0 else "workbook-citation-quoted-often",
            row=_shown_runs(_row_runs(tuple(rows)), "workbook-rows-more", count=len(rows)),
            column=column,
            citation=citation,
            count=count,
            example=f"{citation}「……」",
        )
        warnings.warn(WorkbookNotice(title, *words), stacklevel=3)


def _edited_clauses(
    found: list[BaseModel], positions: tuple[int, ...], texts: dict[int, str]
) -> dict[Citation, Citation]:
    """Each clause edited on the sheet: its citation as exported -> as it reads now."""
    edits: dict[Citation, Citation] = {}
    for clause, number in zip(found, positions, strict=True):
        text = texts.get(number)
        if not isinstance(clause, Clause) or text is None:
            continue
        try:
            before = Citation.model_validate(text)
        except ValidationError:
            continue  # a hidden cell someone typed over: nothing to carry
        if before != clause.citation():
            edits[before] = clause.citation()
    return edits
