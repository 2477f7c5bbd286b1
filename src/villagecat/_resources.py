"""Access to the data and schemas shipped inside the package, via importlib.resources."""

from __future__ import annotations

import sys  # noqa: TC003 - used at type-checking time only, but by a version test
from importlib.resources import files
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    if sys.version_info >= (3, 11):
        from importlib.resources.abc import Traversable
    else:  # pragma: no cover - Python 3.10
        from importlib.abc import Traversable

__all__ = ["data_root", "schemas_root"]


def data_root() -> Traversable:
    """Return the folder of shipped layer packages."""
    return files("villagecat") / "data"


def schemas_root() -> Traversable:
    """Return the folder of published schemas."""
    return files("villagecat") / "schemas"
