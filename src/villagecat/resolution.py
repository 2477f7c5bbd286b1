"""Resolving a jurisdiction to its effective catalog: find its layers, merge them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from villagecat._arguments import need_paths, need_registry
from villagecat._names import looked_up
from villagecat.errors import UnknownLayerError
from villagecat.merging import EffectiveCatalog, merge
from villagecat.package import load_layer
from villagecat.registry import LayerRegistry, shipped_registry

if TYPE_CHECKING:
    import os
    from collections.abc import Iterable

__all__ = ["registry_with", "resolve"]


def registry_with(layer_paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str] = ()) -> LayerRegistry:
    """Return the shipped layers plus the packages at ``layer_paths`` (which win on a clash).

    One path given alone (``"/srv/catalogs/220102"``, a ``Path``) is one package, not the
    characters of its name (a ``str`` is an iterable of strings too, so mypy lets it through).

    Raises:
        PackageReadError: if a path cannot be read.
        ValidationFailedError: if a package is not valid.
        ArgumentTypeError: if ``layer_paths`` is neither a path nor an iterable of paths.
    """
    return shipped_registry([load_layer(path) for path in need_paths(layer_paths)])


def resolve(
    jurisdiction: str,
    *,
    layers: Iterable[str | os.PathLike[str]] | str | os.PathLike[str] = (),
    registry: LayerRegistry | None = None,
) -> EffectiveCatalog:
    """Return the effective catalog of a jurisdiction.

    Args:
        jurisdiction: A division code (``120117``), Chinese name (``宁河区``), slug
            (``ninghe``) or ``cn``.
        layers: Paths of packages outside the shipped data that join the chain, so a
            province or county that is not shipped can see its effective catalog (one
            path may be given alone).
        registry: The layers to resolve against; default the shipped ones plus ``layers``.

    Returns:
        The merged catalog; ``catalog.conflicts`` lists every rule a layer broke.

    Raises:
        UnknownLayerError: if no layer matches, or ``jurisdiction`` is not text (a code as an ``int``
            is named as such: pass ``"120117"``).
        InvalidRequestError: if ``jurisdiction`` is empty or blank.
        LayerChainError: if a parent is missing or the parents form a cycle.
        PackageReadError: if a layer given in ``layers`` cannot be read.
    """
    if jurisdiction is not None and not isinstance(jurisdiction, str):  # a code read from a database as an int
        raise UnknownLayerError.said("jurisdiction-not-text", kind=type(jurisdiction).__name__, value=jurisdiction)
    looked_up(jurisdiction, "layer")  # before any layer is read
    need_registry(registry, optional=True)
    known = registry if registry is not None else registry_with(layers)
    package = known.find(jurisdiction)
    return merge(known.chain(package))
