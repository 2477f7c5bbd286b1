"""Builders of small layer packages for tests: a child of any shipped layer."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from packaging.version import Version

from villagecat._columns import override_cell_value
from villagecat.models import Cancellation, Layer, Level, Override, ParentRef, Scope
from villagecat.package import LayerPackage, save_layer

if TYPE_CHECKING:
    from pathlib import Path


def series(layer_id: str = "cn") -> str:
    """The range ``init`` declares for a shipped layer: its current version up to its next series.

    Derived from the shipped data, so a release of that layer moves no test.
    """
    from villagecat.registry import shipped_registry  # noqa: PLC0415

    found = shipped_registry().get(layer_id)
    assert found is not None, layer_id
    current = Version(found.layer.version)
    upper = f"{current.major + 1}.0.0" if current.major else f"0.{current.minor + 1}.0"
    return f">={found.layer.version},<{upper}"


def province(parent_range: str | None = None) -> Layer:
    """A province under the nation (Hunan, not shipped), covering villages, in the nation's current series."""
    return Layer(
        id="430000",
        level=Level.PROVINCE,
        division_code="430000",
        name_zh="湖南省",
        name_en="Hunan",
        slug="hunan",
        version="0.1.0",
        parent=ParentRef(id="cn", version_range=parent_range or series("cn")),
        covers=(Scope.VILLAGE,),
    )


def child_layer(
    parent: str,
    code: str = "220102",
    *,
    overrides: list[dict[str, Any]] = (),  # type: ignore[assignment]
    cancellations: list[dict[str, Any]] = (),  # type: ignore[assignment]
    version_range: str = ">=0.1.0,<3.0.0",
    level: str = "county",
    **items: Any,
) -> LayerPackage:
    """Return a layer under ``parent`` (a county unless ``level`` says otherwise) with the given operations and items.

    An override's ``value`` given as a string is read as the CSV cell of its target field.
    """
    layer = Layer(
        id=code,
        level=Level(level),
        division_code=code,
        name_zh="测试区",
        name_en="Test",
        slug="test",
        version="0.1.0",
        parent=ParentRef(id=parent, version_range=version_range),
        covers=(Scope.VILLAGE,),
    )
    ops = tuple(
        Override.model_validate(
            {
                "id": f"{code}.override.o{i}",
                "name": "测试覆盖",
                "citations": ["cn.document.tingzi-2022-28#二(二)5"],
                **o,
                "value": override_cell_value(o) if isinstance(o.get("value"), str) else o.get("value"),
            }
        )
        for i, o in enumerate(overrides)
    )
    cancels = tuple(
        Cancellation.model_validate(
            {
                "id": f"{code}.cancellation.c{i}",
                "name": "测试取消",
                "reason": "测试",
                "citations": ["cn.document.tingzi-2022-28#三(二)"],
                **c,
            }
        )
        for i, c in enumerate(cancellations)
    )
    return LayerPackage(layer=layer, overrides=ops, cancellations=cancels, **items)


def write_child(tmp_path: Path, parent: str, **kwargs: Any) -> Path:
    """Write a child layer package and return its folder."""
    return save_layer(child_layer(parent, **kwargs), tmp_path / "child")
