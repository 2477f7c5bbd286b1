"""villagecat: machine-checkable guiding catalogs for village organisations in China.

Typed models of every kind of catalog item, the published schemas, the shipped
layers, and validation of data packages::

    import villagecat

    package = villagecat.load_layer("data/national")
    report = villagecat.validate("path/to/package")
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from villagecat.errors import (
    PackageReadError,
    UnknownLayerError,
    ValidationFailedError,
    VillagecatError,
)

if TYPE_CHECKING:
    from villagecat.merging import EffectiveCatalog, merge
    from villagecat.models import (
        Certificate,
        Citation,
        Document,
        Duty,
        FacilityStandard,
        Layer,
        Mechanism,
        Sign,
    )
    from villagecat.package import LayerPackage, bulk, load_layer, save_layer
    from villagecat.report import ValidationReport
    from villagecat.resolution import resolve
    from villagecat.validation import validate

    __version__: str

__all__ = [
    "Certificate",
    "Citation",
    "Document",
    "Duty",
    "EffectiveCatalog",
    "FacilityStandard",
    "Layer",
    "LayerPackage",
    "Mechanism",
    "PackageReadError",
    "Sign",
    "UnknownLayerError",
    "ValidationFailedError",
    "ValidationReport",
    "VillagecatError",
    "__version__",
    "bulk",
    "load_layer",
    "merge",
    "resolve",
    "save_layer",
    "validate",
]

_LAZY = {
    **dict.fromkeys(
        ("Certificate", "Citation", "Document", "Duty", "FacilityStandard", "Layer", "Mechanism", "Sign"),
        "villagecat.models",
    ),
    "EffectiveCatalog": "villagecat.merging",
    "merge": "villagecat.merging",
    "resolve": "villagecat.resolution",
    "LayerPackage": "villagecat.package",
    "bulk": "villagecat.package",
    "load_layer": "villagecat.package",
    "save_layer": "villagecat.package",
    "ValidationReport": "villagecat.report",
    "validate": "villagecat.validation",
}


if not TYPE_CHECKING:  # a type checker sees the names above, so a misspelt one is an error

    def __getattr__(name: str) -> Any:  # noqa: ANN401 - module attributes of any kind
        """Import the models, the reading and validation machinery, and look the version up, on first use.

        ``import villagecat`` stays light: nothing of pydantic is built until a name is used.
        """
        if name == "__version__":
            from importlib.metadata import PackageNotFoundError, version  # noqa: PLC0415 - costs ~10 ms at import

            try:
                return version("villagecat")
            except PackageNotFoundError:  # pragma: no cover - a source tree without install
                return "0+unknown"
        module = _LAZY.get(name)
        if module is None:
            raise AttributeError(f"module 'villagecat' has no attribute {name!r}")
        from importlib import import_module  # noqa: PLC0415

        return getattr(import_module(module), name)
