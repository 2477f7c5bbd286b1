"""Resolving a jurisdiction to its effective catalog: find its layers, merge them."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from villagecat._arguments import kind_of, need_registry
from villagecat._names import looked_up
from villagecat.errors import ArgumentTypeError, UnknownLayerError, ValidationFailedError
from villagecat.merging import EffectiveCatalog, merge
from villagecat.package import LayerPackage, load_layer
from villagecat.registry import LayerRegistry, shipped_registry

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["registry_with", "resolve"]


def registry_with(
    layers: Iterable[str | os.PathLike[str] | LayerPackage] | str | os.PathLike[str] | LayerPackage = (),
    base: LayerRegistry | None = None,
) -> LayerRegistry:
    """Return the shipped layers (or ``base``'s, left unchanged) plus ``layers`` (which win on a clash).

    ``layers`` are packages' paths, or packages held in memory. One path or package given alone
    (``"/srv/catalogs/220102"``, a ``Path``) is one package, not the characters of its name (a
    ``str`` is an iterable of strings too, so mypy lets it through). A package held in memory is
    checked as one read from its path is (its ids, namespaces and the citations of its own
    documents: :func:`~villagecat.load_layer`); the merge rules are judged by merging
    (``catalog.conflicts``).

    Raises:
        PackageReadError: if a path cannot be read.
        ValidationFailedError: if a package is not valid.
        ArgumentTypeError: if ``layers`` is neither a path, a package, nor an iterable of them.
    """
    if isinstance(layers, str | os.PathLike | LayerPackage):
        layers = [layers]
    elif isinstance(layers, bytes) or not hasattr(layers, "__iter__"):
        raise ArgumentTypeError.because("argument-not-joining-layers", kind=kind_of(layers))
    packages = []
    for layer in layers:
        if isinstance(layer, LayerPackage):
            packages.append(_checked(layer))
        elif isinstance(layer, str | os.PathLike):
            packages.append(load_layer(layer))
        else:
            raise ArgumentTypeError.because("argument-not-joining-layer", kind=kind_of(layer))
    if base is None:
        return shipped_registry(packages)
    joined = LayerRegistry(base)
    for package in packages:
        joined.add(package)
    return joined


def _checked(package: LayerPackage) -> LayerPackage:
    """A package held in memory, checked as :func:`~villagecat.load_layer` checks one read from its path."""
    from villagecat.report import ValidationReport  # noqa: PLC0415
    from villagecat.validation import check_package  # noqa: PLC0415 - validation imports the registry

    report = ValidationReport(target=package.source or package.layer.id)
    check_package(package, report)
    if report.problems:
        raise ValidationFailedError(report)
    return package


def resolve(
    jurisdiction: str,
    *,
    layers: Iterable[str | os.PathLike[str] | LayerPackage] | str | os.PathLike[str] | LayerPackage = (),
    registry: LayerRegistry | None = None,
) -> EffectiveCatalog:
    """Return the effective catalog of a jurisdiction.

    Args:
        jurisdiction: A division code (``120117``), Chinese name (``宁河区``), slug
            (``ninghe``) or ``cn``.
        layers: Packages outside the shipped data that join the chain, so a province or
            county that is not shipped can see its effective catalog: their paths, or
            packages held in memory (one may be given alone).
        registry: The layers to resolve against (default the shipped ones); ``layers`` join them, the
            registry given left unchanged.

    Returns:
        The merged catalog; ``catalog.conflicts`` lists every rule a layer broke.

    Raises:
        UnknownLayerError: if no layer matches, or ``jurisdiction`` is an ``int`` (a code read as a number
            is named as such: pass ``"120117"``).
        ArgumentTypeError: if ``jurisdiction`` is neither text nor an ``int`` (a ``LayerPackage`` is
            given in ``layers``, its code as the jurisdiction).
        InvalidRequestError: if ``jurisdiction`` is empty or blank.
        LayerChainError: if a parent is missing or the parents form a cycle.
        PackageReadError: if a layer given in ``layers`` cannot be read.
        ValidationFailedError: if a layer given in ``layers`` is not valid by itself (an id out of its
            namespace, a citation of a document it does not register), read from its path or held in memory.
    """
    if jurisdiction is not None and not isinstance(jurisdiction, str):
        raise _not_a_name(jurisdiction)
    looked_up(jurisdiction, "layer")  # before any layer is read
    need_registry(registry, optional=True)
    known = registry if registry is not None and not _given(layers) else registry_with(layers, registry)
    package = known.find(jurisdiction)
    return merge(known.chain(package))


def _not_a_name(jurisdiction: object) -> Exception:
    """The error for a jurisdiction that is no text, naming its kind, never its repr."""
    if isinstance(jurisdiction, int) and not isinstance(jurisdiction, bool):  # a code read from a database as an int
        return UnknownLayerError.said("jurisdiction-not-text", kind=type(jurisdiction).__name__, value=jurisdiction)
    if isinstance(jurisdiction, LayerPackage):  # the package meant to join the chain
        return ArgumentTypeError.because("jurisdiction-is-package", code=jurisdiction.layer.id)
    return ArgumentTypeError.because("jurisdiction-not-name", kind=kind_of(jurisdiction))


def _given(layers: object) -> bool:
    """Whether ``layers`` names any layer: the default empty tuple, or an empty list, does not."""
    return not (isinstance(layers, tuple | list) and not layers)
