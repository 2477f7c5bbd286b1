"""Reading the two sides of a diff: a folder, a datapackage.json, a zip, a shipped layer, or REV:path."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from villagecat._source import split_git_spec
from villagecat.cli._common import given
from villagecat.errors import PackageReadError, ValidationFailedError
from villagecat.package import load_layer

if TYPE_CHECKING:
    import argparse

    from villagecat.package import LayerPackage
    from villagecat.registry import LayerRegistry

__all__ = ["SIDE_FORMS", "add_sides", "chain_of_side", "load_side"]

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


def chain_of_side(spec: str, package: LayerPackage, registry: LayerRegistry) -> list[LayerPackage]:
    """Return the layers from the national one down to the side ``spec`` names (``package``), as they stood with it.

    A side read at a git revision (``REV:path``) was written against its parents of that revision: merged with
    today's, its effective catalog would be today's but for its own rows, and a diff of the two would miss every
    change the parents made since. Each parent read from the same repository is read at that revision too (the
    registry's path of it); a parent from elsewhere, or not in the repository then, is the registry's.
    """
    chain = registry.chain(package)
    git = None if Path(spec).exists() else split_git_spec(spec)
    if git is None or len(chain) == 1:
        return chain
    repo, rev, _ = git
    top = repo.resolve()
    found = [package]
    current = package
    while current.layer.parent is not None:
        parent = registry.get(current.layer.parent.id)
        if parent is None:  # pragma: no cover - registry.chain found it above
            return chain
        current = _at_revision(parent, rev, top) or parent
        found.append(current)
    return found[::-1]


def _at_revision(parent: LayerPackage, rev: str, top: Path) -> LayerPackage | None:
    """``parent`` as git revision ``rev`` of the repository at ``top`` holds it, or None where it does not."""
    if parent.source is None or split_git_spec(parent.source) is not None:
        return None
    where = Path(parent.source).resolve()
    if where.name == "datapackage.json":
        where = where.parent
    if not where.is_relative_to(top) or not where.is_dir():  # a zip, or a package from elsewhere
        return None
    try:
        then = load_layer(f"{rev}:{where}")
    except (PackageReadError, ValidationFailedError):  # not there then, or not a valid package then
        return None
    return then if then.layer.id == parent.layer.id else None
