"""Finding layers: the shipped ones and any the caller adds, by id, name or slug."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from villagecat._arguments import need, need_items
from villagecat._i18n import Both
from villagecat._names import looked_up, normalise_name
from villagecat._resources import data_root
from villagecat.errors import LayerChainError, PackageReadError, UnknownLayerError, ValidationFailedError

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from villagecat.models import Layer
    from villagecat.package import LayerPackage

__all__ = ["LayerRegistry", "shipped_layer_paths", "shipped_registry"]


def shipped_layer_paths() -> list[Path]:
    """Return the folders of every shipped layer package, national first."""
    root = Path(str(data_root()))
    found = sorted(p.parent for p in root.rglob("datapackage.json"))
    return sorted(found, key=lambda p: (len(p.relative_to(root).parts), str(p)))


#: The words a Chinese division's name ends in by its level, longest first: 天津市 is 天津 when people say it.
_LEVEL_WORDS = (
    "特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "自治州", "自治县", "自治旗",
    "地区", "街道", "省", "市", "区", "县", "旗", "盟", "镇", "乡",
)  # fmt: skip


def _short_name(name: str) -> str:
    """A division's name without its level's word (宁河区 → 宁河), if two characters or more remain."""
    for word in _LEVEL_WORDS:
        short = name.removesuffix(word)
        if short != name and len(short) > 1:  # a one-character name is no name
            return short
    return name


def _answers_to(layer: Layer, key: str, *, normalised: bool = False) -> bool:
    """Whether a layer answers to a key people would use: its short Chinese name, or its slug in any case.

    With ``normalised``, ``key`` is :func:`~villagecat._names.normalise_name`'s form and is compared with
    the layer's names in that form, its division code and full Chinese name too: names compared as merge
    compares them (traditional or simplified, full- or half-width, spaces ignored).
    """
    if normalised:
        names = (layer.division_code or layer.id, layer.name_zh, _short_name(layer.name_zh), layer.slug, layer.name_en)
        return key in {normalise_name(name) for name in names}
    if key.isascii():
        return key.casefold() in (layer.slug.casefold(), layer.name_en.casefold())
    return key == _short_name(layer.name_zh)  # 吉林 is 吉林省; 吉林市 is not: a level word given must be the layer's


class LayerRegistry:
    """A set of layers, looked up by id, Chinese name or slug."""

    def __init__(self, packages: Iterable[LayerPackage] = ()) -> None:
        """Start with the given packages."""
        self._by_id: dict[str, LayerPackage] = {}
        for package in packages:
            self.add(package)

    def add(self, package: LayerPackage) -> None:
        """Add or replace a layer (a later one with the same id wins).

        Raises:
            ArgumentTypeError: if ``package`` is no LayerPackage.
        """
        _need_package(package)
        self._by_id[package.layer.id] = package

    def __contains__(self, layer_id: object) -> bool:
        """Whether a layer with this id is known."""
        return layer_id in self._by_id

    def __iter__(self) -> Iterator[LayerPackage]:
        """Iterate over the layers, national first, then by id."""
        return iter(sorted(self._by_id.values(), key=lambda p: (p.layer.id != "cn", p.layer.id)))

    def __len__(self) -> int:
        """The number of layers."""
        return len(self._by_id)

    def get(self, layer_id: str) -> LayerPackage | None:
        """Return the layer with this id, or None."""
        return self._by_id.get(layer_id)

    def find(self, key: str) -> LayerPackage:
        """Return the layer whose id, division code, Chinese name or slug is ``key``.

        The Chinese name may be given without its level's word, as people say it (宁河 for
        宁河区, 天津 for 天津市), and the slug or English name in any case (Ninghe, NINGHE),
        as long as only one layer answers to it. Failing that, every one of them is compared
        as merge compares names (traditional or simplified, full- or half-width, spaces
        ignored), so ``１２０１１７`` and ``寧河區`` as an input method types them name 宁河区 too.

        Raises:
            UnknownLayerError: if none matches, or a short name matches several layers.
            InvalidRequestError: if ``key`` is empty or blank.
        """
        key = looked_up(key, "layer").strip()
        if key in self._by_id:  # an id names one layer
            return self._by_id[key]
        exact = [p for p in self if key in (p.layer.division_code, p.layer.name_zh, p.layer.slug, p.layer.name_en)]
        loose = exact or [p for p in self if _answers_to(p.layer, key)]  # 朝阳区 is two districts' name
        if not loose:  # as an input method may type it: ２２０１０２, 寧河區, 宁 河 区, Ｎｉｎｇｈｅ
            wanted = normalise_name(key)
            loose = [p for p in self if _answers_to(p.layer, wanted, normalised=True)]
        if len(loose) == 1:
            return loose[0]
        if loose:
            names = Both(
                "、".join(f"{p.layer.id} {p.layer.name_zh}" for p in loose), ", ".join(p.layer.id for p in loose)
            )
            raise UnknownLayerError.said("layer-ambiguous", key=key, layers=names)
        known = Both(
            "、".join(f"{p.layer.id} {p.layer.name_zh}" for p in self),
            ", ".join(f"{p.layer.id} {p.layer.name_en}" for p in self),
        )
        raise UnknownLayerError.said("no-layer", key=key, known=known)

    def chain(self, package: LayerPackage) -> list[LayerPackage]:
        """Return the layers from the national one down to ``package``.

        Raises:
            LayerChainError: if a parent is missing or the parents form a cycle.
            ArgumentTypeError: if ``package`` is no LayerPackage.
        """
        _need_package(package)
        chain = [package]
        seen = {package.layer.id}
        current = package
        while current.layer.parent is not None:
            parent_id = current.layer.parent.id
            if parent_id in seen:
                raise LayerChainError.said("chain-cycle", layer=package.layer.id, parent=parent_id)
            parent = self.get(parent_id)
            if parent is None:
                raise LayerChainError.said("chain-missing-parent", layer=current.layer.id, parent=parent_id)
            chain.append(parent)
            seen.add(parent_id)
            current = parent
        return chain[::-1]


@cache
def _shipped() -> tuple[LayerPackage, ...]:
    from villagecat._budget import BUDGETS, default_limits, exceeded, limit, over  # noqa: PLC0415
    from villagecat.package import load_layer  # noqa: PLC0415 - package imports are heavy-ish

    packages = []
    for path in shipped_layer_paths():
        try:
            # The shipped data is villagecat's own: a user's lower budgets are for their inputs.
            with default_limits():
                packages.append(load_layer(path))
        except (PackageReadError, ValidationFailedError) as exc:
            if limit("list") < BUDGETS["list"].default:
                # The one budget fixed in the models at import: the user's, which the shipped lists exceed.
                raise exceeded("list", os.fspath(path), over(limit("list"))) from exc
            msg = f"shipped layer {os.fspath(path)} is broken: {exc}"  # pragma: no cover - tested via data tests
            raise RuntimeError(msg) from exc  # pragma: no cover
    return tuple(packages)


def _need_package(package: object) -> None:
    """Refuse a layer that is no LayerPackage (None, a layer's code: find it with :meth:`LayerRegistry.find`)."""
    from villagecat.package import LayerPackage  # noqa: PLC0415

    need(package, LayerPackage, "argument-not-package", what=Both("层", "the layer"))


def shipped_registry(extra: Iterable[LayerPackage] = ()) -> LayerRegistry:
    """Return a registry of the shipped layers plus ``extra`` (which win on a clash).

    Raises:
        ArgumentTypeError: if ``extra`` is no list of LayerPackage (one alone included).
    """
    from villagecat.package import LayerPackage  # noqa: PLC0415

    extra = need_items(extra, LayerPackage, "argument-not-packages", what=Both("加入的层", "the layers added"))
    registry = LayerRegistry(_shipped())
    for package in extra:
        registry.add(package)
    return registry
