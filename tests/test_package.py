"""Load -> save -> load is identity, in CSV and JSON; writing is atomic."""

from __future__ import annotations

import csv
import dataclasses
import gc
from typing import TYPE_CHECKING

import pytest
from pydantic import ValidationError

import villagecat
from conftest import NATIONAL
from villagecat.errors import InvalidRequestError
from villagecat.package import load_layer, save_layer
from villagecat.registry import shipped_layer_paths

if TYPE_CHECKING:
    from pathlib import Path


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_round_trip_every_shipped_layer(tmp_path: Path, fmt: str) -> None:
    for path in shipped_layer_paths():
        original = load_layer(path)
        written = save_layer(original, tmp_path / f"{original.layer.id}-{fmt}", fmt=fmt)  # type: ignore[arg-type]
        assert load_layer(written) == original
        assert villagecat.validate(written).valid


def test_saving_over_an_existing_package_replaces_it(tmp_path: Path) -> None:
    target = tmp_path / "out"
    package = load_layer(NATIONAL)
    save_layer(package, target, fmt="json")
    save_layer(package, target, fmt="csv")
    assert sorted(p.name for p in target.iterdir()) == sorted(p.name for p in NATIONAL.iterdir())
    assert [p.name for p in tmp_path.iterdir()] == ["out"]


def test_a_failed_save_leaves_nothing_behind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    package = load_layer(NATIONAL)

    def boom(*_: object, **__: object) -> str:
        raise RuntimeError("disk full")

    monkeypatch.setattr("villagecat.package.package_files", boom)
    with pytest.raises(RuntimeError):
        save_layer(package, tmp_path / "out")
    assert list(tmp_path.iterdir()) == []


def test_shipped_csv_files_are_byte_identical_to_a_fresh_save(tmp_path: Path) -> None:
    written = save_layer(load_layer(NATIONAL), tmp_path / "n")
    for file in NATIONAL.iterdir():
        assert (written / file.name).read_bytes() == file.read_bytes(), file.name


def test_bulk_pauses_the_collector_and_restores_it_even_on_error() -> None:
    assert gc.isenabled()
    with villagecat.bulk():
        assert not gc.isenabled()
        with villagecat.bulk():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(RuntimeError), villagecat.bulk():
        raise RuntimeError
    assert gc.isenabled()


def test_rows_of_one_table_share_their_fields_set_and_a_copy_never_leaks_into_the_others() -> None:
    """Memory: rows read from one table share pydantic's set of given fields; copies get their own."""
    duties = load_layer(NATIONAL).duties
    first, second = duties[0], duties[1]
    assert first.__pydantic_fields_set__ is second.__pydantic_fields_set__
    before = set(second.model_fields_set)
    changed = first.model_copy(update={"notes": "改过"})
    assert changed.model_fields_set is not first.model_fields_set
    assert second.model_fields_set == before
    assert "notes" in changed.model_fields_set
    with pytest.raises(ValidationError):
        first.notes = "冻结"  # type: ignore[misc]  # frozen: mypy says so too
    assert second.model_fields_set == before


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_a_cell_longer_than_the_csv_modules_own_limit_reads_back(tmp_path: Path, fmt: str) -> None:
    """A note or quote of 200,000 characters (a whole annex quoted) is written and read back, in any process.

    The csv module refuses a field over 131,072 characters unless someone raised its limit (frictionless
    does on import), so the package villagecat wrote could be read only where frictionless had been imported.
    """
    package = load_layer(NATIONAL)
    long_note = "村级组织工作事务。" * 22_000
    duty = package.duties[0].model_copy(update={"notes": long_note})
    package = dataclasses.replace(package, duties=(duty, *package.duties[1:]))
    written = save_layer(package, tmp_path / "out", fmt=fmt)  # type: ignore[arg-type]
    before = csv.field_size_limit(131_072)  # the module's default, as in a process without frictionless
    try:
        assert load_layer(written).duties[0].notes == long_note
        assert villagecat.validate(written).valid
    finally:
        csv.field_size_limit(max(before, csv.field_size_limit()))


@pytest.mark.parametrize("fmt", ["JSON", "Json", "xlsx", ""])
def test_a_format_other_than_csv_or_json_is_refused_before_anything_is_written(tmp_path: Path, fmt: str) -> None:
    """``save_layer(package, folder, fmt="JSON")`` wrote CSV files under a descriptor listing ``duties.JSON``:
    a package that could not be read, over the one that was there."""
    package = load_layer(NATIONAL)
    folder = save_layer(package, tmp_path / "n")
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    with pytest.raises(InvalidRequestError, match=f"数据包格式“{fmt}”无法写出：只能是 csv 或 json"):
        save_layer(package, folder, fmt=fmt)  # type: ignore[arg-type]
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
    assert villagecat.validate(folder).valid
