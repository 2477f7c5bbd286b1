"""The reference of the package format, written from the registry (``docs/format.md``)."""

from __future__ import annotations

from villagecat.format import FORMAT_VERSION
from villagecat.format.registry import FieldSpec, Kind, kinds

__all__ = ["format_markdown"]

_SHAPES = {
    "text": "文字 text",
    "list": "列表 list",
    "citations": "出处列表 citations",
    "bool": "是否 boolean",
    "number": "数字 number",
    "integer": "整数 integer",
    "json": "按目标字段 typed by its target",
}
_INTRO = """# 数据包格式 {format} / The package format, version {format}

<!-- Generated from villagecat.format.registry by villagecat.format.reference.format_markdown(); a test fails
when it drifts. -->

A layer is a [Data Package v2](https://datapackage.org/) folder (or a zip of one):

- `datapackage.json` declares `"$schema": "https://datapackage.org/profiles/2.0/datapackage.json"` and
  `"villagecat": {"format": {format}}` (the format). A package without it is format 0 only when it looks like what
  villagecat wrote before the key existed (`"profile": "tabular-data-package"`) and shows nothing a later format
  added (a `clauses` resource, a `rowSchema`, the Data Package v2 `$schema`, a later column): it is read through
  the upgraders, and `villagecat upgrade` rewrites it. Any other descriptor without the key is refused (exit 2),
  never guessed (未声明格式的数据包只有确像格式 0 时才按格式 0 读取，否则拒绝读取). The layer is under
  `layer` (its JSON Schema: `schemas/layer.schema.json`), and one resource per kind below, each with its Table
  Schema and, under `villagecat.rowSchema`, the `$id` of the JSON Schema its rows follow.
- Each resource is CSV (UTF-8, a header row, the dialect the descriptor declares) or JSON (an array whose first
  element names the columns and each further element holds one row's values). Both forms are what
  `frictionless validate` checks as they are. An empty CSV cell and a JSON `null` say the same: the field is
  not given (its default; in a row that restates an inherited item, the field as inherited, except that a
  restating row fills the columns marked required, as every row of its kind does: it is the layer's list as
  published), and a row is checked against its JSON Schema without its nulls. 空单元格与 JSON 的 null 同义：该字段
  未填写（重申上级条目的一行中，未填写的字段沿用上级的值；必填列仍须填写）。
- Citations are written once, as rows of `clauses` (document, section, verbatim quote), and items cite them by
  clause id. A CSV citations cell may also hold citation text (`DOCUMENT#SECTION「quote」`): it is read, and
  written back as a clause. The JSON form is the machine form and holds what its schemas say, a clause id or a
  citation object (`{"document": …, "section": …, "quote": …}`), never citation text: one spelling per citation,
  read without parsing a cell's mini-language (在 JSON 形式中出处只写作条款标识或出处对象).
- An override's `value` is typed by the field it targets: in JSON a JSON value, in CSV that field's own cell.

## Cells

- **list**: one cell, entries joined by `|`; a `|` or `\\` inside an entry is written `\\|` or `\\\\`. Spaces
  around entries and empty entries are dropped.
- **boolean**: `true`/`false`; `TRUE`/`True`, `FALSE`/`False` (as spreadsheets write them) and `是`/`否` are read
  too, exactly as the descriptor's `trueValues`/`falseValues` list them (no other case, no spaces around).
  **number**: the shortest form that reads back the same (`300`, `2.5`); a whole number has no point (`3`, not
  `3.0`). **empty**: not given; a cell of spaces only is not empty (布尔值只认 true/TRUE/True/是 和
  false/FALSE/False/否；整数不写小数点；只有空白的单元格不算空).
- A cell is checked as written, as a Table Schema reads it: spaces around a true/false, a vocabulary value or a
  date are refused (villagecat drops them only where the schema takes them, around a name).
- A CSV resource is UTF-8 with a header row; its dialect may declare another delimiter, quote or escape
  character, nothing else that changes what is read (no `header: false`, `headerRows`, `commentChar`,
  `nullSequence`), and a resource declares no `encoding` but UTF-8, no `compression`, `hash`, `bytes` or inline
  `data`, and embeds the Table Schema villagecat publishes for it: what frictionless would read otherwise,
  villagecat refuses, naming the property.
- Text refuses control characters (but tab and newline), the line separators U+2028 and U+2029 (a line break is
  a newline), bidirectional controls, invisible and other format characters (zero-width ones, the soft hyphen
  U+00AD, U+180E, U+FFF9 to U+FFFB, the tag characters U+E0000 to U+E007F), characters that show as blank yet
  are no space (the Hangul fillers U+115F, U+1160, U+3164, U+FFA0, the blank braille pattern U+2800),
  the noncharacters U+FDD0 to U+FDEF, U+FFFE and U+FFFF, and lone surrogates
  (`"\\ud800"` in JSON: half of a UTF-16 pair, no character; the published patterns refuse them too). A text
  never begins with a mark that attaches to the character before it (a combining accent such as U+0301, a
  variation selector, U+034F): after a character it stays (an emoji with U+FE0F). Unassigned code points and
  private-use characters are kept: which are assigned changes with each Unicode version (rare ideographs are
  added), and a rare character may need a private-use one. Names and titles are one line; a section never
  holds `「」`.
- **date**: `2023-09-01`, `2023-09` or `2023`, as precise as the source; the year is never `0000`.
  **whole numbers** (a count of plaques, a rank, a list's size) are at most {max_count}, in the schemas too.

## Validating outside Python

In Node, with [Ajv](https://ajv.js.org/) 2020 in strict mode (CI runs this on every shipped layer):

```js
const ajv = new (require("ajv/dist/2020"))({strict: true}).addVocabulary(require("./schemas/vocabulary.json").keywords);
const valid = ajv.compile(require("./schemas/duty.schema.json"))(row);  // row: one JSON-form row, as an object
```

`frictionless validate datapackage.json` checks either form against the Table Schemas.

What the schemas cannot say, `villagecat validate` checks besides: ids unique, namespaces,
citations that name a registered clause, the merge rules against the parent layers, and the rules below.
Everything else a model refuses, the schemas refuse too (a test checks it value by value).

模式无法表达、由 villagecat 检查的规则 / Rules of the models the schemas do not check:

{unsaid}

## Kinds

"""

_ROLES = {"source": "来源 source", "item": "目录条目 catalog item", "operation": "对上级条目的操作 operation"}


def _cell(spec: FieldSpec) -> str:
    parts = [_SHAPES[spec.shape]]
    if spec.vocab is not None:
        parts.append("取值 values: " + "、".join(f"`{m.value}` {m.label}" for m in spec.vocab))
    if spec.unit:
        parts.append(f"单位 unit: {spec.unit}")
    if spec.minimum is not None:
        parts.append(f"≥ {spec.minimum:g}")
    if spec.exclusive_minimum is not None:
        parts.append(f"> {spec.exclusive_minimum:g}")
    if spec.maximum is not None:
        parts.append(f"≤ {spec.maximum:g}")
    return "; ".join(parts)


def _rule(spec: FieldSpec) -> str:
    if spec.rule is None:
        return ""
    zh, en = spec.rule.explain()
    return f"`{spec.rule.name}`: {zh} / {en}"


def _kind(kind: Kind) -> list[str]:
    rules = kind.rules
    red = "; ".join(f"`{name}` ∈ {', '.join(map(str, values))}" for name, values in rules.sticky_when.items())
    lines = [
        f"## `{kind.resource}` — {kind.title_zh} / {kind.title_en}",
        "",
        f"- ids: `<layer>.{kind.segment}.<name>`; role: {_ROLES[kind.role]}; workbook sheet: {kind.sheet}",
        f"- change codes start `{kind.slug}-`; identity across layers by: {', '.join(rules.identity_fields) or '—'}",
    ]
    if red:
        lines.append(f"- a red line (cannot be cancelled, narrowed in scope or loosened) when {red}")
    if rules.cancel_forbidden:
        lines.append("- never cancelled by a lower layer")
    if not kind.in_catalog:
        lines.append("- storage only: not merged into catalogs, not compared by diff")
    lines += [
        "",
        "| column | 标题 / title | cell | required | merge rule | formerly |",
        "|---|---|---|---|---|---|",
    ]
    lines += [
        f"| `{s.name}` | {s.title_zh} / {s.title_en} | {_cell(s)} | {'yes' if s.required else ''} | {_rule(s)} "
        f"| {', '.join([*(f'`{f}`' for f in s.former), *(f'标题 title {t}' for t in s.former_titles)])} |"
        for s in kind.fields
    ]
    return [*lines, ""]


def format_markdown() -> str:
    """Return ``docs/format.md``: what a package of the current format is, cell by cell."""
    from villagecat.schema import NOT_IN_SCHEMAS  # noqa: PLC0415 - the schemas import the registry

    unsaid = "\n".join(f"- {rule.zh}\n  {rule.en}" for rule in NOT_IN_SCHEMAS)
    from villagecat.models._base import MAX_COUNT  # noqa: PLC0415 - the models import the format

    intro = _INTRO.replace("{format}", str(FORMAT_VERSION)).replace("{max_count}", f"{MAX_COUNT:,}")
    lines = intro.replace("{unsaid}", unsaid).splitlines()
    for kind in kinds():
        lines += _kind(kind)
    return "\n".join(lines).rstrip() + "\n"
