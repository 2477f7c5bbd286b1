"""``import villagecat`` stays light: heavy libraries load only when used."""

from __future__ import annotations

import json
import subprocess
import sys

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
