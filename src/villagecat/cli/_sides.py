"""Reading the two sides of a diff: a folder, a datapackage.json, a zip, a shipped layer, or REV:path."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from villagecat._source import split_git_spec
from villagecat.cli._common import given
from villagecat.package import load_layer

if TYPE_CHECKING:
    import argparse

    from villagecat.package import LayerPackage
    from villagecat.registry import LayerRegistry

__all__ = ["SIDE_FORMS", "add_sides", "load_side"]

#: The forms of a side :func:`load_side` reads, in both languages.
SIDE_FORMS = (
    "数据包文件夹、datapackage.json、zip、内置层（如 120117），或 git 版本中的路径（如 HEAD~1:data/national）",
    (
        "a package folder, datapackage.json, zip, shipped layer (120117) or a git revision of a path"
        " (HEAD~1:data/national)"
    ),
)


def add_sides(parser: argparse.ArgumentParser) -> None:
    """Add the two sides compared, ``old`` and ``new``."""
    parser.add_argument("old", type=given, help=f"旧版本：{SIDE_FORMS[0]} / the old version: {SIDE_FORMS[1]}")
    parser.add_argument("new", type=given, help="新版本，写法同上 / the new version, in the same forms")


def load_side(spec: str, registry: LayerRegistry) -> LayerPackage:
    """Return the package a diff side names.

    Raises:
        UnknownLayerError: if ``spec`` is neither a path, a git revision nor a known layer.
    """
    if Path(spec).exists() or split_git_spec(spec) is not None:
        return load_layer(spec)
    return registry.find(spec)
