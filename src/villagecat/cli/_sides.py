"""Reading the two sides of a diff: a folder, a datapackage.json, a zip, a shipped layer, or REV:path."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from villagecat._source import split_git_spec
from villagecat.package import load_layer

if TYPE_CHECKING:
    from villagecat.package import LayerPackage
    from villagecat.registry import LayerRegistry

__all__ = ["load_side"]


def load_side(spec: str, registry: LayerRegistry) -> LayerPackage:
    """Return the package a diff side names.

    Raises:
        UnknownLayerError: if ``spec`` is neither a path, a git revision nor a known layer.
    """
    if Path(spec).exists() or split_git_spec(spec) is not None:
        return load_layer(spec)
    return registry.find(spec)
