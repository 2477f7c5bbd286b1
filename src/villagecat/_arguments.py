"""The arguments a library function is given, checked where they come in: a wrong kind is said, not met deep inside.

A system calling villagecat passes what its own code holds: a path left ``None``, a division
code as an ``int``, one set of figures where a list goes. Python would fail far from the call
(``expected str, bytes or os.PathLike object, not NoneType`` in ``pathlib``); these checks
raise :class:`~villagecat.errors.ArgumentTypeError` at the door, its message naming what to pass.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from villagecat._i18n import Both
from villagecat.errors import ArgumentTypeError, InvalidRequestError
from villagecat.models.vocab import Scope

if TYPE_CHECKING:
    from collections.abc import Collection

__all__ = ["kind_of", "need", "need_items", "need_path", "need_paths", "need_resource", "need_scope"]


def kind_of(value: object) -> str:
    """The name of a value's type, as a message shows it (``None``, ``int``, ``FacilityFigures``)."""
    return "None" if value is None else type(value).__name__


def need(value: object, expected: type | tuple[type, ...], key: str, /, **values: object) -> None:
    """Refuse ``value`` unless it is an ``expected``: message ``key``, filled with its kind and ``values``."""
    if not isinstance(value, expected):
        raise ArgumentTypeError.because(key, kind=kind_of(value), **values)


def need_path(path: object) -> None:
    """Refuse a package's path that is no path (None, a number, bytes)."""
    need(path, (str, os.PathLike), "argument-not-path")


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


def need_items(items: object, expected: type, key: str, /) -> list[Any]:
    """An iterable of ``expected`` (read once), as a list; one ``expected`` alone or another kind is refused."""
    if isinstance(items, expected | str | bytes) or not hasattr(items, "__iter__"):
        raise ArgumentTypeError.because(key, kind=kind_of(items))
    listed = list(items)
    for item in listed:
        need(item, expected, key)
    return listed


def need_scope(scope: object) -> Scope | None:
    """A scope given to a library function as the member, its code or its Chinese word (村, 社区); None is every place.

    ``"villag"`` is refused, naming the three: compared as it was, it matched no item's scope and
    left only the items that apply everywhere, silently.
    """
    if scope is None or isinstance(scope, Scope):
        return scope
    need(scope, str, "argument-not-scope")
    try:
        return Scope(Scope.from_text(str(scope)).value)
    except ValueError:
        raise InvalidRequestError.because("argument-unknown-scope", text=scope) from None


def need_resource(name: object, known: Collection[str]) -> str:
    """A resource's name (``duties``, ``signs`` …) among ``known``; another is refused, naming the known ones."""
    need(name, str, "argument-not-resource")
    if name not in known:
        listed = "、".join(known)
        raise InvalidRequestError.because(
            "unknown-resources", unknown=Both(str(name), str(name)), known=Both(listed, ", ".join(known))
        )
    return str(name)
