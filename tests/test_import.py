"""``import villagecat`` stays light: heavy libraries load only when used."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

import villagecat


def test_import_villagecat_does_not_load_heavy_libraries() -> None:
    code = "import sys, json, villagecat; print(json.dumps(sorted(sys.modules)))"
    loaded = set(
        json.loads(subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout)
    )
    for heavy in ("frictionless", "jsonschema", "yaml", "villagecat.package", "villagecat.cli"):
        assert heavy not in loaded, heavy


def test_lazy_names_resolve_to_functions() -> None:
    assert callable(villagecat.validate)
    assert callable(villagecat.load_layer)
    assert villagecat.validate.__module__ == "villagecat.validation"


def test_every_lazy_name_is_declared_to_a_type_checker_and_no_other_resolves() -> None:
    """The lazy ``__getattr__`` returned ``Any`` to mypy, so ``villagecat.laod_layer`` type-checked."""
    import ast  # noqa: PLC0415
    from pathlib import Path  # noqa: PLC0415

    source = Path(villagecat.__file__).read_text(encoding="utf-8")
    tree = ast.parse(source)
    guarded = [n for n in tree.body if isinstance(n, ast.If) and "TYPE_CHECKING" in ast.unparse(n.test)]
    hidden = [n for n in guarded if ast.unparse(n.test).startswith("not ")]
    assert any(isinstance(s, ast.FunctionDef) and s.name == "__getattr__" for n in hidden for s in n.body)
    declared = {
        alias.asname or alias.name
        for n in guarded
        if not ast.unparse(n.test).startswith("not ")
        for s in n.body
        if isinstance(s, ast.ImportFrom)
        for alias in s.names
    }
    assert set(villagecat._LAZY) <= declared  # noqa: SLF001 - the lazy table is what is checked
    assert isinstance(villagecat.__version__, str)
    with pytest.raises(AttributeError, match="laod_layer"):
        villagecat.laod_layer  # type: ignore[attr-defined]  # noqa: B018 - the attribute is the test
