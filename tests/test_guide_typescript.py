"""The TypeScript guide's program is the one CI compiles and runs, and names what villagecat writes.

CI (``.ci/run``) extracts the guide's one ``ts`` block, compiles it with ``tsc --strict`` and runs it
with Ajv on every shipped package's JSON form and every command's ``--format json``. Here, without
Node: the block is there, CI reads it, and the ids and keys it names are the ones villagecat writes.
"""

from __future__ import annotations

import json
import re

from conftest import REPO
from villagecat.schema import SCHEMA_VERSION, generate_schemas, schema_id

GUIDE = REPO / "docs" / "guides" / "typescript.md"


def _program() -> str:
    blocks = re.findall(r"```ts\n(.*?)```", GUIDE.read_text(encoding="utf-8"), re.DOTALL)
    assert len(blocks) == 1, "the guide holds one program, the one CI runs"
    return str(blocks[0])


def test_ci_compiles_and_runs_the_guides_program() -> None:
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert "docs/guides/typescript.md" in ci
    assert "tsc --strict" in ci
    assert "node validate.js" in ci
    assert "guides/typescript.md" in (REPO / "mkdocs.yml").read_text(encoding="utf-8")


def test_the_program_names_the_ids_files_and_keys_villagecat_writes() -> None:
    program = _program()
    assert f"urn:villagecat:schema:{SCHEMA_VERSION}:${{name}}" in program
    assert schema_id("catalog") == f"urn:villagecat:schema:{SCHEMA_VERSION}:catalog"
    assert '"vocabulary.json"' in program
    assert "vocabulary.json" in generate_schemas()
    national = json.loads((REPO / "data" / "national" / "datapackage.json").read_text(encoding="utf-8"))
    assert "descriptor.villagecat.format" in program
    assert national["villagecat"]["format"] == int(SCHEMA_VERSION)
    assert "resource.villagecat.rowSchema" in program
    assert all(r["villagecat"]["rowSchema"].startswith("urn:villagecat:schema:") for r in national["resources"])


def test_the_messages_the_guide_quotes_name_published_ids() -> None:
    page = GUIDE.read_text(encoding="utf-8")
    for quoted in re.findall(r"urn:villagecat:schema:[0-9]+:[a-z-]+", page):
        assert quoted.rsplit(":", 1)[1] + ".schema.json" in generate_schemas(), quoted
