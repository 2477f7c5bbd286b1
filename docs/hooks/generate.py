"""MkDocs hook: generate the reference pages and the browsable catalog from code and data.

Pages are built in memory at every ``mkdocs build``, so they cannot drift:

- ``reference/cli.md`` from the argparse parser;
- ``reference/library.md`` from the public API's signatures and docstrings;
- ``reference/schemas.md`` from the published JSON Schemas;
- ``catalog/`` one page per shipped layer and per jurisdiction's effective catalog, with
  citations linking to the documents;
- ``changelog.md`` from CHANGELOG.md.
"""

from __future__ import annotations

import argparse
import inspect
import json
import os
import typing
from pathlib import Path
from typing import Any

from mkdocs.structure.files import File, Files

import villagecat
import villagecat.checks
import villagecat.coverage
import villagecat.diff
import villagecat.errors
import villagecat.merging
import villagecat.models
import villagecat.quotes
import villagecat.registry
import villagecat.render
import villagecat.validation
from villagecat._columns import columns, target_column
from villagecat._shown import shown
from villagecat.cli import _parser
from villagecat.merging import merge
from villagecat.package import RESOURCE_TITLES, RESOURCES
from villagecat.registry import shipped_registry
from villagecat.render import reading_order

REPO = Path(__file__).resolve().parents[2]


def _cli() -> str:
    os.environ["COLUMNS"] = "100"
    parser = _parser()
    lines = [
        "# CLI reference",
        "",
        "Generated from the command's own parser.",
        "",
        "```text",
        parser.format_help(),
        "```",
    ]

    def walk(p: argparse.ArgumentParser, prefix: str) -> None:
        for action in p._actions:  # noqa: SLF001
            if isinstance(action, argparse._SubParsersAction):  # noqa: SLF001
                for name, sub in action.choices.items():
                    lines.extend(["", f"## {prefix} {name}".strip(), "", "```text", sub.format_help(), "```"])
                    walk(sub, f"{prefix} {name}")

    walk(parser, "villagecat")
    return "\n".join(lines) + "\n"


def _library() -> str:
    modules = [
        ("villagecat", villagecat, list(villagecat.__all__)),
        ("villagecat.models", villagecat.models, list(villagecat.models.__all__)),
        ("villagecat.checks", villagecat.checks, list(villagecat.checks.__all__)),
        ("villagecat.diff", villagecat.diff, list(villagecat.diff.__all__)),
        ("villagecat.quotes", villagecat.quotes, list(villagecat.quotes.__all__)),
        # The modules the guides import from: the types of an effective catalog (a provenance ``Step``),
        # the registry of shipped layers, the renderers, validation of many packages, the errors.
        ("villagecat.merging", villagecat.merging, list(villagecat.merging.__all__)),
        ("villagecat.registry", villagecat.registry, list(villagecat.registry.__all__)),
        ("villagecat.render", villagecat.render, list(villagecat.render.__all__)),
        ("villagecat.validation", villagecat.validation, list(villagecat.validation.__all__)),
        ("villagecat.errors", villagecat.errors, list(villagecat.errors.__all__)),
        ("villagecat.coverage", villagecat.coverage, list(villagecat.coverage.__all__)),
    ]
    lines = [
        "# Library reference",
        "",
        "Generated from the public API (`__all__`) of each module: signature and docstring.",
        "",
        "```python",
        "import villagecat",
        'catalog = villagecat.resolve("120117")',
        "```",
    ]
    for title, module, names in modules:
        lines += ["", f"## {title}", "", (inspect.getdoc(module) or "").split("\n\n")[0]]
        for name in names:
            obj = getattr(module, name)
            if name.startswith("__"):
                continue
            alias = typing.get_origin(obj) is not None  # ChangeLevel = Literal[...]: a type, not a function
            kind = "type" if alias else "class" if inspect.isclass(obj) else "function" if callable(obj) else "constant"
            try:
                signature = str(inspect.signature(obj)) if kind == "function" else ""
            except (TypeError, ValueError):
                signature = ""
            if alias:
                signature = f" = {_alias(obj)}"
            doc = inspect.getdoc(obj) if kind != "constant" else None
            lines += ["", f"### `{title}.{name}`", "", f"*{kind}* `{name}{signature}`"]
            if doc and (kind != "class" or obj.__doc__):
                lines += ["", "```text", doc, "```"]
            if kind == "class":
                lines += _methods(f"{title}.{name}", obj)
    return "\n".join(lines) + "\n"


def _methods(qualified: str, cls: type) -> list[str]:
    """The public methods and properties a class defines itself (``EffectiveCatalog.get``), each with its docstring.

    What a class inherits (pydantic's ``model_copy``, ``Exception``'s) is documented where it is defined.
    """
    lines: list[str] = []
    for name, member in vars(cls).items():
        if name.startswith("_"):
            continue
        function = member.__func__ if isinstance(member, classmethod | staticmethod) else member
        if isinstance(function, property):
            signature, function = "", function.fget
        elif inspect.isfunction(function):
            signature = str(inspect.signature(function))
        else:
            continue
        doc = inspect.getdoc(function)
        if not doc:
            continue
        lines += ["", f"#### `{qualified}.{name}`", "", f"`{name}{signature}`", "", "```text", doc, "```"]
    return lines


def _alias(obj: Any) -> str:  # noqa: ANN401 - a typing alias
    """A type alias as it is written: ``Literal['violation', 'breaking', 'warning', 'info']``."""
    return repr(obj).removeprefix("typing.")


def _schemas() -> str:
    lines = [
        "# Schema reference",
        "",
        (
            "Generated from the published JSON Schemas under `schemas/` (draft 2020-12). Each field has "
            "its Chinese title (`title`), English title (`x-title-en`), unit (`x-unit`) and merge rule (`x-merge`)."
        ),
    ]
    for path in sorted((REPO / "schemas").glob("*.schema.json")):
        schema = json.loads(path.read_text(encoding="utf-8"))
        lines += [
            "",
            f"## {schema.get('title', path.stem)} / {schema.get('x-title-en', '')}",
            "",
            f"`{path.name}` · `$id` `{schema['$id']}`",
            "",
            (schema.get("description") or "").replace("\n\n", " / "),
            "",
            "| field | 中文 | English | type | unit | merge | 说明 / description |",
            "|---|---|---|---|---|---|---|",
        ]
        required = set(schema.get("required", []))
        for name, prop in schema.get("properties", {}).items():
            kind = _type(prop, schema)
            merge = json.dumps(prop.get("x-merge"), ensure_ascii=False) if prop.get("x-merge") else ""
            desc = (prop.get("description") or "").replace("\n\n", " / ").replace("|", "\\|").replace("\n", " ")
            star = " *" if name in required else ""
            lines.append(
                f"| `{name}`{star} | {prop.get('title', '')} | {prop.get('x-title-en', '')} | {kind} | "
                f"{prop.get('x-unit', '')} | {merge.replace('|', '/')} | {desc} |"
            )
    lines += ["", "Fields marked * are required. Table Schemas for the CSV form are under `schemas/table/`."]
    return "\n".join(lines) + "\n"


def _type(prop: dict[str, Any], schema: dict[str, Any]) -> str:
    if "enum" in prop:
        return f"enum ({', '.join('null' if v is None else str(v) for v in prop['enum'])})"
    if "$ref" in prop and not prop["$ref"].startswith("#"):  # another published schema: its name (and the part)
        return prop["$ref"].rpartition(":")[2]
    if "$ref" in prop:
        ref = schema.get("$defs", {}).get(prop["$ref"].split("/")[-1], {})
        return f"enum ({', '.join(ref['enum'])})" if "enum" in ref else prop["$ref"].split("/")[-1]
    if "anyOf" in prop:
        return " or ".join(_type(p, schema) for p in prop["anyOf"] if p.get("type") != "null")
    if prop.get("type") == "array":
        return f"list of {_type(prop.get('items', {}), schema)}"
    return str(prop.get("type", "any"))


def _document_name(document: Any) -> str:  # noqa: ANN401 - a Document
    """A document as a clerk knows it: its 文号 (厅字〔2022〕28号), or its title; an annex (附件2) by its title."""
    return str(document.known_as())


def _cite_links(citations: Any, depth: str, documents: dict[str, Any]) -> str:  # noqa: ANN401 - Citations
    """An item's citations as links to its documents, named as a clerk knows them, the quotes on hover.

    Citations of one section of one document (two clauses of 三(二)8) are one link, their quotes together.
    """
    quotes: dict[tuple[str, str], list[str]] = {}
    for citation in citations:
        quotes.setdefault((citation.document, citation.section or ""), [])
        if citation.quote:
            quotes[(citation.document, citation.section or "")].append(citation.quote)
    links = []
    for (document, section), said in quotes.items():
        known = documents.get(document)
        text = (_document_name(known) if known is not None else document) + (f" {section}" if section else "")
        target = f"{depth}layers/{document.partition('.')[0]}.md#{document.replace('.', '-')}"
        title = "……".join(said).replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")
        links.append(f'[{text}]({target} "{title}")' if title else f"[{text}]({target})")
    return "；".join(links).replace("|", "\\|")


def _silent(field: str, rule: object) -> bool:
    """Whether a field left empty is the source's silence: how strongly a rule binds, or whom it binds."""
    return type(rule).__name__ == "Graded" or field == "bound"


def _cell(value: Any, field: str = "", rule: object = None, reach: Any = None) -> str:  # noqa: ANN401 - a value
    """A field's value as a clerk reads it: labels, not codes; an empty value said as the source being silent."""
    if value is None or value == "" or (isinstance(value, list | tuple) and not value):
        if _silent(field, rule):
            return "来源未写明"
        if field == "applies_to" and reach is not None:  # 留空表示与所在层的适用范围相同
            return f"同所在层（{reach.label}）"
        return ""
    if isinstance(value, list | tuple):
        return "、".join(_cell(v) for v in value)
    label = getattr(value, "label", None)
    text = label if isinstance(label, str) else shown(value, "zh")
    return text.replace("|", "\\|").replace("\n", " ")


def _items_table(
    items: list[Any],
    depth: str,
    documents: dict[str, Any],
    reach: dict[str, Any],
    setters: dict[str, str] | None = None,
) -> list[str]:
    """A table of items; ``reach`` gives where each item's own layer applies, ``setters`` the layers that set it."""
    if not items:
        return ["", "（无）"]
    model = type(items[0])
    skip = {"citations", "notes", "basis", "template", "placeholders"}
    specs = {c.name: c for c in columns(model)}  # the fields' titles and merge rules, from the registry
    fields = [
        n
        for n in model.model_fields
        if n not in skip and (n == "modality" or any(getattr(i, n) not in (None, [], (), "", False) for i in items))
    ]
    header = [specs[n].title_zh if n in specs else n for n in fields] + ["出处"]
    header += ["设定层"] if setters is not None else []
    lines = ["", "| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for item in items:
        rule = {n: specs[n].rule if n in specs else None for n in fields}
        cells = [_cell(getattr(item, n), n, rule[n], reach.get(item.id)) for n in fields]
        if "target" in fields and "field" in fields:  # an override's field, by its column's title in the workbook
            column = target_column(item.target, item.field)
            cells[fields.index("field")] = column.title_zh if column is not None else item.field
        anchor = f'<a id="{item.id.replace(".", "-")}"></a>' if model.__name__ == "Document" else ""
        cells[0] = f"{anchor}`{cells[0]}`"
        cells.append(_cite_links(getattr(item, "citations", ()), depth, documents))
        if setters is not None:
            cells.append(setters.get(item.id, ""))
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def _catalog_pages() -> dict[str, str]:
    registry = shipped_registry()
    layers = {package.layer.id: package.layer for package in registry}
    documents = {d.id: d for package in registry for d in package.documents}
    pages: dict[str, str] = {}
    index = [
        "# 目录浏览 / Catalog",
        "",
        (
            "每个内置目录层一页（本层自己发布的条目和对上级条目的改动），每个辖区的有效目录一页"
            "（自国家层起逐层合并后、在该辖区实际适用的全部条目）。"
        ),
        "出处一列链接到所引文件，鼠标停在链接上可见原文；“来源未写明”表示来源没有说，不是没有要求。",
        "",
        "One page per shipped layer and per jurisdiction's effective catalog.",
        "",
        "| 层 | 层级 | 版本 | 上级层（所依据的上级版本） | 有效目录 |",
        "|---|---|---|---|---|",
    ]
    for package in registry:
        layer = package.layer
        parent = (
            f"[{layers[layer.parent.id].name_zh}](layers/{layer.parent.id}.md)（`{layer.parent.version_range}`）"
            if layer.parent
            else "—"
        )
        index.append(
            f"| [{layer.name_zh} {layer.id}](layers/{layer.id}.md) | {layer.level.label} | {layer.version} | {parent} "
            f"| [{layer.name_zh}有效目录](jurisdictions/{layer.id}.md) |"
        )
        lines = [
            f"# {layer.name_zh}（{layer.id}） {layer.version}",
            "",
            f"{layer.level.label} · 适用于{layer.reach.label} · {layer.name_en}",
        ]
        if layer.publisher:
            lines.append(f" · 发布：{layer.publisher} {layer.published or ''}")
        effective = f"[{layer.name_zh}的有效目录](../jurisdictions/{layer.id}.md)（与上级各层合并后）"
        lines += ["", effective, "", "## 发布记录"]
        lines += [""] + [f"- {release.version}（{release.date or ''}）：{release.notes}" for release in layer.releases]
        reach = {item.id: layer.reach for resource in RESOURCES for item in package.resource(resource)}
        for resource in reading_order(RESOURCES):
            items = list(package.resource(resource))
            if items:
                lines += ["", f"## {RESOURCE_TITLES.get(resource, resource)}"]
                lines += _items_table(items, "../", documents, reach)
        pages[f"catalog/layers/{layer.id}.md"] = "\n".join(lines) + "\n"

        catalog = merge(registry.chain(package))
        eff = [
            f"# {layer.name_zh}（{layer.id}）有效目录",
            "",
            "层级链：" + " → ".join(f"[{x.name_zh} {x.version}](../layers/{x.id}.md)" for x in catalog.chain),
            "",
            (
                f"{layer.name_zh}适用于{layer.reach.label}。下列为适用于村和社区的全部条目，"
                "“适用范围”写明各条目适用于哪里；“设定层”为引入或改动该条目的各层。"
            ),
        ]
        for resource in reading_order(catalog.items):
            entries = catalog.items[resource]
            items = [e.item for e in entries.values()]
            setters = {
                e.id: "、".join(
                    layers[x].name_zh if x in layers else x
                    for x in dict.fromkeys([e.introduced_by, *(s.layer for steps in e.changes.values() for s in steps)])
                )
                for e in entries.values()
            }
            reach = {e.id: layers[e.introduced_by].reach for e in entries.values() if e.introduced_by in layers}
            eff += ["", f"## {RESOURCE_TITLES.get(resource, resource)}（{len(items)}）"]
            eff += _items_table(items, "../", documents, reach, setters)
        pages[f"catalog/jurisdictions/{layer.id}.md"] = "\n".join(eff) + "\n"
    pages["catalog/index.md"] = "\n".join(index) + "\n"
    return pages


def on_files(files: Files, config: Any) -> Files:  # noqa: ANN401 - mkdocs config
    """Add the generated pages to the site."""
    pages = {
        "reference/cli.md": _cli(),
        "reference/library.md": _library(),
        "reference/schemas.md": _schemas(),
        "changelog.md": (REPO / "CHANGELOG.md").read_text(encoding="utf-8"),
        **_catalog_pages(),
    }
    for src_uri, content in pages.items():
        files.append(File.generated(config, src_uri, content=content))
    return files
