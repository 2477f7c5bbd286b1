"""A workbook saved by LibreOffice Calc reads back to the same package: the round trip is lossless.

Clerks open the exported workbook in LibreOffice as often as in Excel. Calc rewrites the
whole file on save (its own styles, shared strings, data validations, dates), so the test
saves real exports through ``soffice --headless`` and imports what Calc wrote. It needs
LibreOffice (Debian: ``libreoffice-calc-nogui``); CI installs it, and under ``CI=true`` a
missing ``soffice`` fails instead of skipping.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from typing import TYPE_CHECKING

import pytest

from conftest import REPO, invoke
from villagecat.package import RESOURCES, load_layer

if TYPE_CHECKING:
    from pathlib import Path

LAYERS = {
    "cn": REPO / "data" / "national",
    "220000": REPO / "data" / "provinces" / "220000-jilin",
    "120117": REPO / "data" / "provinces" / "120000-tianjin" / "120117-ninghe",
    "140000": REPO / "data" / "provinces" / "140000-shanxi",
}


def _soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found:
        return found
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail("LibreOffice (soffice) must be installed in CI: apt-get install libreoffice-calc-nogui")
    pytest.skip("LibreOffice (soffice) is not installed")


def _save_with_calc(soffice: str, books: list[Path], out: Path) -> None:
    """Open each workbook in Calc and save it again as .xlsx, as a clerk's Save does."""
    profile = out.parent / "lo-profile"  # a private profile: no clash with a running LibreOffice
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--calc",
            "--convert-to",
            "xlsx:Calc MS Excel 2007 XML",
            "--outdir",
            str(out),
            *map(str, books),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )


def test_export_saved_by_libreoffice_imports_to_the_same_package(tmp_path: Path) -> None:
    soffice = _soffice()
    books = []
    for layer_id, path in LAYERS.items():
        book = tmp_path / f"{layer_id}.xlsx"
        assert invoke("export", str(path), "-o", str(book)).code == 0
        books.append(book)
    saved = tmp_path / "saved"
    _save_with_calc(soffice, books, saved)
    for layer_id, path in LAYERS.items():
        calc_book = saved / f"{layer_id}.xlsx"
        assert calc_book.read_bytes() != (tmp_path / f"{layer_id}.xlsx").read_bytes()  # Calc rewrote it
        result = invoke("import", str(calc_book), "-o", str(tmp_path / f"pkg-{layer_id}"))
        assert result.code == 0, result.err
        original, back = load_layer(path), load_layer(tmp_path / f"pkg-{layer_id}")
        assert back.layer == original.layer, layer_id
        for name in RESOURCES:
            assert back.resource(name) == original.resource(name), (layer_id, name)
