"""``resolve(…, layers=…)`` takes the packages a system built in memory, as well as their paths.

A province's system that builds its layers from the models (``LayerPackage(...)``) passed them
as ``layers=[province, county]`` and was told a package's path must be text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

import villagecat
from layers import child_layer
from villagecat.errors import ArgumentTypeError
from villagecat.package import save_layer

if TYPE_CHECKING:
    from pathlib import Path


def test_resolve_takes_packages_held_in_memory(tmp_path: Path) -> None:
    county = child_layer(
        "220000", overrides=[{"target": "220000.facility.village", "field": "min_floor_area_m2", "value": 250}]
    )
    from_memory = villagecat.resolve("220102", layers=[county])
    from_disk = villagecat.resolve("220102", layers=[save_layer(county, tmp_path / "county")])
    alone = villagecat.resolve("220102", layers=county)
    for catalog in (from_memory, from_disk, alone):
        facility = catalog.get("220000.facility.village")
        assert facility is not None
        assert getattr(facility.item, "min_floor_area_m2", None) == 250
    assert from_memory.conflicts == from_disk.conflicts == ()


def test_resolve_still_refuses_what_is_neither_a_path_nor_a_package() -> None:
    with pytest.raises(ArgumentTypeError) as caught:
        villagecat.resolve("220102", layers=[3])  # type: ignore[list-item]
    assert "LayerPackage" in str(caught.value)
