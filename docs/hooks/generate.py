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
import villagecat.diff
import villagecat.models
import villagecat.quotes
from villagecat._columns import columns
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
    return "\n".join(lines) + "\n"


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


def _cite_link(citation: Any, depth: str) -> str:  # noqa: ANN401 - a Citation
    namespace = citation.document.partition(".")[0]
    text = citation.document + (f" {citation.section}" if citation.section else "")
    return f"[{text}]({depth}layers/{namespace}.md#{citation.document.replace('.', '-')})"


def _cell(value: Any) -> str:  # noqa: ANN401 - any field value
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return "、".join(_cell(v) for v in value)
    if isinstance(value, bool):
        return "是" if value else "否"
    label = getattr(value, "label", None)
    text = label if isinstance(label, str) else str(value)
    return text.replace("|", "\\|").replace("\n", " ")


def _items_table(items: list[Any], depth: str, provenance: dict[str, str] | None = None) -> list[str]:
    if not items:
        return ["", "（无 / none）"]
    model = type(items[0])
    skip = {"citations", "notes", "basis", "template", "placeholders"}
    fields = [
        n for n in model.model_fields if n not in skip and any(getattr(i, n) not in (None, [], False) for i in items)
    ]
    titles = {c.name: c.title_zh for c in columns(model)}  # the fields' Chinese titles, from the registry
    header = [titles.get(n, n) for n in fields] + ["出处"] + (["设定层"] if provenance is not None else [])
    lines = ["", "| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for item in items:
        cells = [_cell(getattr(item, n)) for n in fields]
        anchor = f'<a id="{item.id.replace(".", "-")}"></a>' if model.__name__ == "Document" else ""
        cells[0] = f"{anchor}`{cells[0]}`"
        cites = "；".join(_cite_link(c, depth) for c in getattr(item, "citations", []))
        cells.append(cites)
        if provenance is not None:
            cells.append(provenance.get(item.id, ""))
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def _catalog_pages() -> dict[str, str]:
    registry = shipped_registry()
    pages: dict[str, str] = {}
    index = [
        "# 目录浏览 / Catalog",
        "",
        "每个内置目录层一页，每个辖区的有效目录一页。",
        "One page per shipped layer and per jurisdiction's effective catalog.",
        "",
        "| 层 | 层级 | 版本 | 上级层 | 有效目录 |",
        "|---|---|---|---|---|",
    ]
    for package in registry:
        layer = package.layer
        parent = (
            f"[{layer.parent.id}](layers/{layer.parent.id}.md) `{layer.parent.version_range}`" if layer.parent else "—"
        )
        index.append(
            f"| [{layer.name_zh} {layer.id}](layers/{layer.id}.md) | {layer.level.label} | {layer.version} | {parent} "
            f"| [{layer.name_zh}](jurisdictions/{layer.id}.md) |"
        )
        lines = [f"# {layer.name_zh}（{layer.id}） {layer.version}", "", f"{layer.name_en} · {layer.level.label}"]
        if layer.publisher:
            lines.append(f" · 发布：{layer.publisher} {layer.published or ''}")
        for release in layer.releases:
            lines += ["", f"- {release.version}（{release.date or ''}）：{release.notes}"]
        for resource in reading_order(RESOURCES):
            items = list(package.resource(resource))
            if items:
                lines += ["", f"## {RESOURCE_TITLES.get(resource, resource)}"]
                lines += _items_table(items, "../")
        pages[f"catalog/layers/{layer.id}.md"] = "\n".join(lines) + "\n"

        catalog = merge(registry.chain(package))
        eff = [
            f"# {layer.name_zh}（{layer.id}）有效目录",
            "",
            "层级链：" + " → ".join(f"[{x.name_zh} {x.version}](../layers/{x.id}.md)" for x in catalog.chain),
        ]
        for resource in reading_order(catalog.items):
            entries = catalog.items[resource]
            items = [e.item for e in entries.values()]
            setters = {
                e.id: "、".join(
                    dict.fromkeys([e.introduced_by, *(s.layer for steps in e.changes.values() for s in steps)])
                )
                for e in entries.values()
            }
            eff += ["", f"## {RESOURCE_TITLES.get(resource, resource)}（{len(items)}）"]
            eff += _items_table(items, "../", setters)
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
