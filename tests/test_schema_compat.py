"""The published schemas are a contract: a breaking change must come with a new format version.

``tests/fixtures/released-schemas/<format>/`` keeps the schemas as the format was released.
A change that can make a valid package invalid (a field removed, a field newly required,
an allowed value taken away, a type changed) fails this test unless the format version was
raised, with its upgrader, and the snapshot refreshed for the new version.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from villagecat.format import FORMAT_VERSION
from villagecat.schema import generate_schemas

RELEASED = Path(__file__).parent / "fixtures" / "released-schemas"


def _breaking(old: Any, new: Any, path: str = "") -> list[str]:
    """Return the changes from ``old`` to ``new`` that can make valid data invalid."""
    found: list[str] = []
    if not isinstance(old, dict) or not isinstance(new, dict):
        return found
    for name in old.get("properties", {}):
        if name not in new.get("properties", {}):
            found.append(f"{path}/properties/{name}: removed")
        else:
            found += _breaking(old["properties"][name], new["properties"][name], f"{path}/properties/{name}")
    for name in set(new.get("required", [])) - set(old.get("required", [])):
        found.append(f"{path}/required/{name}: newly required")
    if "enum" in old and "enum" in new:
        found += [f"{path}/enum: {value!r} no longer allowed" for value in old["enum"] if value not in new["enum"]]
    if old.get("type") != new.get("type") and "type" in old:
        found.append(f"{path}/type: {old.get('type')} -> {new.get('type')}")
    for key in ("$defs", "items"):
        if isinstance(old.get(key), dict) and isinstance(new.get(key), dict):
            if key == "items":
                found += _breaking(old[key], new[key], f"{path}/items")
            else:
                for name, schema in old[key].items():
                    found += _breaking(schema, new[key].get(name, {}), f"{path}/$defs/{name}")
    return found


def test_no_undeclared_breaking_change_since_the_last_released_format() -> None:
    released = sorted(int(p.name) for p in RELEASED.iterdir() if p.name.isdigit())
    assert released, "keep a snapshot of the released schemas"
    last = released[-1]
    assert last <= FORMAT_VERSION
    current = generate_schemas()
    problems = []
    for file in sorted((RELEASED / str(last)).glob("*.schema.json")):
        old = json.loads(file.read_text(encoding="utf-8"))
        new = current.get(file.name)
        if new is None:
            problems.append(f"{file.name}: removed")
            continue
        problems += [f"{file.name}{change}" for change in _breaking(old, new)]
    if last == FORMAT_VERSION:
        assert problems == [], (
            "breaking changes to the published schemas: raise FORMAT_VERSION, add its upgrader in "
            "villagecat.format.upgrade, and keep a snapshot of the new schemas under tests/fixtures/released-schemas/"
        )


def test_the_comparison_finds_what_breaks() -> None:
    old: dict[str, Any] = {"properties": {"a": {"type": "string", "enum": ["x", "y"]}, "b": {}}, "required": ["a"]}
    new: dict[str, Any] = {"properties": {"a": {"type": "string", "enum": ["x"]}}, "required": ["a", "c"]}
    assert sorted(_breaking(old, new)) == [
        "/properties/a/enum: 'y' no longer allowed",
        "/properties/b: removed",
        "/required/c: newly required",
    ]
    assert _breaking(new, {**new, "properties": {**new["properties"], "d": {}}}) == []
