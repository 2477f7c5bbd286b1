"""One registry of the format: every consumer derives its kinds and fields from it."""

from __future__ import annotations

import json

from conftest import NATIONAL, REPO
from villagecat.diff import CHANGE_LEVELS
from villagecat.format.reference import format_markdown
from villagecat.format.registry import kinds
from villagecat.package import ID_KINDS, RESOURCE_TITLES, RESOURCES, descriptor, load_layer, package_files
from villagecat.schema import generate_schemas, json_schema_models, table_schema_models
from villagecat.workbook import SHEET_TITLES


def test_the_format_page_is_generated_from_the_registry() -> None:
    page = (REPO / "docs" / "format.md").read_text(encoding="utf-8")
    assert page == format_markdown(), "regenerate docs/format.md from villagecat.format.reference.format_markdown()"


def test_every_consumer_sees_every_kind_and_every_field() -> None:
    """The package reader and writer, both schema families, the workbook, diff and the docs all list
    exactly the registry's kinds, with exactly their fields: none keeps a list of its own."""
    package = load_layer(NATIONAL)
    files = package_files(package, "json")
    csv_files = package_files(package, "csv")
    published = generate_schemas()
    page = format_markdown()
    described = {r["name"]: r for r in descriptor(package)["resources"]}
    assert list(RESOURCES) == [k.resource for k in kinds()]
    assert RESOURCE_TITLES == SHEET_TITLES == {k.resource: k.sheet for k in kinds()}
    assert {k.resource: k.segment for k in kinds()} == ID_KINDS
    assert table_schema_models() == {k.resource: k.model for k in kinds()}
    assert set(json_schema_models()) == {"citation", "layer", *(k.slug for k in kinds())}
    for kind in kinds():
        names = [f.name for f in kind.fields]
        assert json.loads(files[f"{kind.resource}.json"])[0] == names
        assert csv_files[f"{kind.resource}.csv"].splitlines()[0] == ",".join(names)
        assert [f["name"] for f in described[kind.resource]["schema"]["fields"]] == names
        assert [f["name"] for f in published[f"table/{kind.resource}.tableschema.json"]["fields"]] == names
        assert set(published[f"{kind.slug}.schema.json"]["properties"]) == set(names)
        assert described[kind.resource]["villagecat"]["rowSchema"].endswith(f":{kind.slug}")
        assert f"## `{kind.resource}`" in page
        assert all(f"| `{name}` |" in page for name in names)
        if kind.in_catalog:
            assert f"{kind.slug}-added" in CHANGE_LEVELS
        for spec in kind.fields:
            words = [c for c in CHANGE_LEVELS if c.startswith(f"{kind.slug}-{spec.slug}-")]
            if spec.rule is not None and spec.rule.name in ("increase_only", "decrease_only", "grow_only"):
                # one code for each direction; a tightening that binds on neither side (advice, or a modality
                # the source leaves empty) has its own beside it, -advised or -unstated
                directions = [c for c in words if not c.endswith(("-advised", "-unstated"))]
                assert len(directions) == 2, (kind.slug, spec.name)
                assert all(c.split("-")[-1] in ("advised", "unstated") for c in set(words) - set(directions))
