"""Which parent each package of one ``validate`` run was checked against, found with each descriptor read once.

The look-up read every given path's descriptor once per package: 300 packages of the bench's
nation took 35 s in it, and the whole nation hours, before a verdict was printed.
"""

from __future__ import annotations

import json
import shutil
from typing import TYPE_CHECKING, Any

from conftest import NINGHE
from villagecat import validation

if TYPE_CHECKING:
    from pathlib import Path

    import pytest


def test_each_descriptor_is_read_once_however_many_packages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    counties = []
    for n in range(12):
        county = tmp_path / f"county-{n}"
        shutil.copytree(NINGHE, county)
        counties.append(county)
    reads: list[Path] = []
    layer_ids = validation._layer_ids  # noqa: SLF001 - counted, to hold the reads linear

    def counted(folder: Path) -> tuple[str, str | None, str | None] | None:
        reads.append(folder)
        return layer_ids(folder)

    monkeypatch.setattr(validation, "_layer_ids", counted)
    taken = validation.parents_taken(counties, counties)
    assert [t.shipped if t is not None else None for t in taken] == [True] * len(counties)  # Tianjin, shipped
    assert len(reads) == len(set(reads))  # linear: once each, never once per package asked about
    assert len(reads) <= 2 * len(counties)  # each county, and at most the folder above each


def test_a_given_parent_is_found_for_every_county(tmp_path: Path) -> None:
    tianjin = tmp_path / "tj"
    shutil.copytree(NINGHE.parent, tianjin)
    county = tianjin / NINGHE.name
    [alone, beside] = validation.parents_taken([county, county], [tianjin])
    assert alone == beside
    assert alone is not None
    assert (alone.parent, alone.shipped) == ("120000", False)


def test_the_resources_of_a_descriptor_villagecat_wrote_are_not_parsed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The notes need a layer's id and its parent's; the Table Schemas (most of a descriptor's
    # bytes) were parsed for each package too, which made `validate` over the bench's nation
    # take 1.7 times what validating it took.
    counties = []
    for n in range(3):
        county = tmp_path / f"county-{n}"
        shutil.copytree(NINGHE, county)
        counties.append(county)
    parsed: list[str] = []
    loads = json.loads

    def counted(text: str | bytes, **kwargs: Any) -> Any:
        parsed.append(text if isinstance(text, str) else text.decode())
        return loads(text, **kwargs)

    monkeypatch.setattr(json, "loads", counted)
    taken = validation.parents_taken(counties, counties)
    assert [t.parent if t is not None else None for t in taken] == ["120000"] * len(counties)
    assert parsed  # each descriptor is read, for its layer
    assert not any('"schema"' in text for text in parsed)  # but not its resources' Table Schemas


def test_validate_reads_a_package_descriptor_once_for_the_verdict_and_the_parent_notes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`villagecat validate PATH…` read each descriptor twice: for the verdict, then again for the notes saying which
    parent each package was checked against (a tenth of the command on the bench's nation). The notes now take
    what the verdict read, and say the same."""
    from conftest import invoke  # noqa: PLC0415

    tianjin = tmp_path / "tj"
    shutil.copytree(NINGHE.parent, tianjin)
    edited = json.loads((tianjin / "datapackage.json").read_text(encoding="utf-8"))
    edited["title"] += "（改）"  # an edited copy of the province around the counties: the shipped one is used, and said
    (tianjin / "datapackage.json").write_text(json.dumps(edited, ensure_ascii=False), encoding="utf-8")
    counties = []
    for n in range(4):
        county = tianjin / f"county-{n}"
        shutil.copytree(NINGHE, county)
        counties.append(county)
    expected = validation.parents_taken(counties, counties)
    reads: list[Path] = []
    layer_ids = validation._layer_ids  # noqa: SLF001 - counted: the targets' own are read by the verdict

    def counted(folder: Path) -> tuple[str, str | None, str | None] | None:
        reads.append(folder)
        return layer_ids(folder)

    monkeypatch.setattr(validation, "_layer_ids", counted)
    reports, taken = validation.validate_noting_parents(list(counties), parents=[])
    assert taken == expected
    assert all(t is not None and t.around == tianjin.resolve() for t in taken)  # the notice is still given
    assert not {c.resolve() for c in counties} & set(reads)  # read once, by the verdict, not again for the notes
    assert [r.target for r in reports] == [str(c) for c in counties]
    result = invoke("validate", *map(str, counties))
    assert result.out.count(str(tianjin.name)) >= len(counties)  # each county's notice names the folder above
