"""The arguments a library function is given, checked where they come in: a wrong kind is said, not met deep inside.

A system calling villagecat passes what its own code holds: a path left ``None``, a division
code as an ``int``, one set of figures where a list goes. Python would fail far from the call
(``expected str, bytes or os.PathLike object, not NoneType`` in ``pathlib``); these checks
raise :class:`~villagecat.errors.ArgumentTypeError` at the door, its message naming what to pass.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any, TypeVar

from villagecat._i18n import LANGS, Both, Lang
from villagecat.errors import ArgumentTypeError, InvalidRequestError

if TYPE_CHECKING:
    from collections.abc import Collection

    from villagecat.models._base import Vocab
    from villagecat.models.vocab import Scope

    V = TypeVar("V", bound=Vocab)

__all__ = [
    "kind_of",
    "need",
    "need_catalog",
    "need_format",
    "need_items",
    "need_lang",
    "need_member",
    "need_optional_text",
    "need_path",
    "need_paths",
    "need_registry",
    "need_resource",
    "need_scope",
]


def kind_of(value: object) -> str:
    """The name of a value's type, as a message shows it (``None``, ``int``, ``FacilityFigures``)."""
    return "None" if value is None else type(value).__name__


def need(value: object, expected: type | tuple[type, ...], key: str, /, **values: object) -> None:
    """Refuse ``value`` unless it is an ``expected``: message ``key``, filled with its kind and ``values``."""
    if not isinstance(value, expected):
        raise ArgumentTypeError.because(key, kind=kind_of(value), **values)


#: What a path given to the library is of, as its refusal names it.
_PACKAGE = Both("数据包", "a package")


def need_path(path: object, what: Both = _PACKAGE) -> None:
    """Refuse the path of a package (or of ``what``: a ledger, a levels file) that is no path (None, a number)."""
    need(path, (str, os.PathLike), "argument-not-path", what=what)


def need_paths(paths: object) -> list[Any]:
    """One path or an iterable of paths, as a list (a ``str`` alone is one path, not its characters)."""
    if isinstance(paths, str | os.PathLike):
        return [paths]
    if isinstance(paths, bytes) or not hasattr(paths, "__iter__"):
        raise ArgumentTypeError.because("argument-not-paths", kind=kind_of(paths))
    listed = list(paths)
    for path in listed:
        need_path(path)
    return listed


def need_items(items: object, expected: type, key: str, /, **values: object) -> list[Any]:
    """An iterable of ``expected`` (read once), as a list; one ``expected`` alone or another kind is refused.

    A ``str`` is refused as a whole, even where ``expected`` is ``str``: its characters are no list of names.
    """
    if isinstance(items, expected | str | bytes) or not hasattr(items, "__iter__"):
        raise ArgumentTypeError.because(key, kind=kind_of(items), **values)
    listed = list(items)
    for item in listed:
        need(item, expected, key, **values)
    return listed


def need_optional_text(value: object, name: str, /) -> None:
    """Refuse a text field (a village's name, an organisation) given as something other than ``str`` or None."""
    if value is not None:
        need(value, str, "argument-not-text", name=name)


def need_lang(lang: object) -> Lang:
    """A language given to the library: one of :data:`~villagecat._i18n.LANGS` (``zh``, ``en``).

    Another (``"fr"``, ``"EN"``, ``"zh-CN"``) is refused: it was answered in Chinese, or half in each.
    """
    if isinstance(lang, str) and lang in LANGS:
        return lang
    known = Both("、".join(LANGS), ", ".join(LANGS))
    need(lang, str, "argument-not-lang", known=known)
    raise InvalidRequestError.because("argument-unknown-lang", text=lang, known=known)


def need_format(fmt: object, known: Collection[str]) -> str:
    """An output form (``text``, ``json`` …) among ``known``; another is refused, not written as text."""
    if not isinstance(fmt, str) or fmt not in known:
        raise InvalidRequestError.because("unknown-report-format", fmt=fmt, known=", ".join(known))
    return fmt


def need_member(value: object, vocab: type[V]) -> V:
    """A member of a closed vocabulary, given as the member, its code or its Chinese word (外部, 室外, 横牌).

    Anything else is refused, naming the vocabulary's values: compared as it was, a code or word
    matched no rule of the catalog (a sign's placement ``"outside"`` is no ``Placement.OUTSIDE``).
    """
    if isinstance(value, vocab):
        return value
    title = Both(*vocab.__titles__)
    need(value, str, "argument-not-member", title=title, vocab=vocab.__name__, example=next(iter(vocab)).name)
    try:
        return vocab(vocab.from_text(str(value)).value)
    except ValueError:
        allowed = Both("、".join(m.shown("zh") for m in vocab), ", ".join(m.value for m in vocab))
        raise InvalidRequestError.because("argument-unknown-member", title=title, allowed=allowed, text=value) from None


def need_scope(scope: object) -> Scope | None:
    """A scope given to a library function as the member, its code or its Chinese word (村, 社区); None is every place.

    ``"villag"`` is refused, naming the three: compared as it was, it matched no item's scope and
    left only the items that apply everywhere, silently.
    """
    from villagecat.models.vocab import Scope  # noqa: PLC0415 - the models load with the first scope, not with errors

    return None if scope is None else need_member(scope, Scope)


def need_catalog(catalog: object) -> None:
    """Refuse a catalog that is no :class:`~villagecat.merging.EffectiveCatalog` (None, a package, a code)."""
    from villagecat.merging import EffectiveCatalog  # noqa: PLC0415 - a caller holding a catalog has loaded it

    need(catalog, EffectiveCatalog, "argument-not-catalog")


def need_registry(registry: object, *, optional: bool = False) -> None:
    """Refuse a registry of layers that is no :class:`~villagecat.registry.LayerRegistry` (None where one is needed)."""
    from villagecat.registry import LayerRegistry  # noqa: PLC0415

    if not (optional and registry is None):
        need(registry, LayerRegistry, "argument-not-registry")


def need_resource(name: object, known: Collection[str]) -> str:
    """A resource's name (``duties``, ``signs`` …) among ``known``; another is refused, naming the known ones."""
    need(name, str, "argument-not-resource")
    if name not in known:
        listed = "、".join(known)
        raise InvalidRequestError.because(
            "unknown-resources", unknown=Both(str(name), str(name)), known=Both(listed, ", ".join(known))
        )
    return str(name)
