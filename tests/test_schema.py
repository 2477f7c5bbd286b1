"""Published schemas: generated from the models, valid, versioned, and not drifting."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import jsonschema
import pytest

from conftest import NATIONAL, REPO
from villagecat.format.registry import kinds
from villagecat.package import load_layer, package_files
from villagecat.registry import shipped_layer_paths
from villagecat.schema import SCHEMA_VERSION, dumps, generate_schemas

if TYPE_CHECKING:
    from pathlib import Path

SCHEMAS = REPO / "schemas"


def test_committed_schemas_match_the_models() -> None:
    generated = generate_schemas()
    committed = {p.relative_to(SCHEMAS).as_posix() for p in SCHEMAS.rglob("*.json")}
    assert committed == set(generated), "run `villagecat schema` and commit schemas/"
    for relpath, schema in generated.items():
        assert (SCHEMAS / relpath).read_text(encoding="utf-8") == dumps(schema), (
            f"schemas/{relpath} drifted from the models: run `villagecat schema`"
        )


@pytest.mark.parametrize("path", sorted(SCHEMAS.glob("*.schema.json")), ids=lambda p: p.name)
def test_json_schemas_are_valid_draft_2020_12_with_versioned_id(path: Path) -> None:
    schema = json.loads(path.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == f"urn:villagecat:schema:{SCHEMA_VERSION}:{path.name.removesuffix('.schema.json')}"
    for name, prop in schema.get("properties", {}).items():
        assert prop.get("title"), f"{path.name}: {name} has no Chinese title"
        assert prop.get("x-title-en"), f"{path.name}: {name} has no English title"


@pytest.mark.parametrize("path", sorted(SCHEMAS.rglob("*.json")), ids=lambda p: p.relative_to(SCHEMAS).as_posix())
def test_every_file_under_schemas_passes_the_metaschema_and_has_an_id(path: Path) -> None:
    schema = json.loads(path.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$id"].startswith(f"urn:villagecat:schema:{SCHEMA_VERSION}:")


@pytest.mark.parametrize("path", sorted((SCHEMAS / "table").glob("*.json")), ids=lambda p: p.name)
def test_table_schemas_key_rows_by_id(path: Path) -> None:
    schema = json.loads(path.read_text(encoding="utf-8"))
    assert schema["primaryKey"] == ["id"]
    assert schema["fields"][0]["constraints"]["required"] is True


def test_units_are_explicit_in_names_and_schemas() -> None:
    schema = json.loads((SCHEMAS / "facility.schema.json").read_text(encoding="utf-8"))
    assert schema["properties"]["min_floor_area_m2"]["x-unit"] == "m2"
    sign = json.loads((SCHEMAS / "sign.schema.json").read_text(encoding="utf-8"))
    assert sign["properties"]["max_width_cm"]["x-unit"] == "cm"


def test_enums_have_chinese_titles() -> None:
    schema = json.loads((SCHEMAS / "duty.schema.json").read_text(encoding="utf-8"))
    kind = schema["$defs"]["DutyKind"]
    assert kind["title"] == "事项类别"
    assert kind["x-enum-titles"]["prohibited"] == "履职负面事项"


def test_every_shipped_layer_in_json_form_validates_against_the_published_json_schemas() -> None:
    """The JSON Schemas describe a package's JSON rows: citations are clause ids (or citation objects)."""
    for path in shipped_layer_paths():
        package = load_layer(path)
        files = package_files(package, "json")
        for kind in kinds():
            validator = jsonschema.Draft202012Validator(
                json.loads((SCHEMAS / f"{kind.slug}.schema.json").read_text(encoding="utf-8"))
            )
            header, *rows = json.loads(files[f"{kind.resource}.json"])
            assert header == [spec.name for spec in kind.fields]
            for row in rows:  # a null is a field not given, as an empty cell is (and as .ci/ajv-check.mjs reads it)
                validator.validate({k: v for k, v in zip(header, row, strict=True) if v is not None})
    layer = json.loads((SCHEMAS / "layer.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(layer).validate(package.layer.model_dump(mode="json", exclude_none=True))


def test_frictionless_finds_the_national_package_valid() -> None:
    frictionless = pytest.importorskip("frictionless")
    report = frictionless.validate(str(NATIONAL / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
