"""Whatever bytes a user hands the CLI, it answers with an exit code and one clear message.

Laws: for arbitrary bytes as a package file, a zip, a workbook or a YAML ledger, ``validate``,
``import`` and ``audit`` exit 0, 1 or 2 (never 3, the bug status) and print no traceback,
within the budgets (the bounds keep every example small and quick).
"""

from __future__ import annotations

import io
import shutil
import tempfile
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import NATIONAL, invoke

openpyxl = pytest.importorskip("openpyxl")

cell_text = st.text(max_size=40)
cells = st.one_of(cell_text, st.integers(), st.floats(allow_nan=True), st.booleans(), st.none())


def _answered(*argv: str) -> None:
    result = invoke(*argv)
    text = result.out + result.err
    assert result.code in (0, 1, 2), text
    assert "Traceback" not in text
    assert "内部错误" not in text


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(["duties.csv", "clauses.csv", "datapackage.json", "overrides.csv"]), st.binary(max_size=400))
def test_any_bytes_in_a_package_file(name: str, content: bytes) -> None:
    """validate answers any bytes in any file of a package."""
    with tempfile.TemporaryDirectory() as tmp:
        package = Path(tmp) / "pkg"
        shutil.copytree(NATIONAL, package)
        (package / name).write_bytes(content)
        _answered("validate", str(package))


@settings(max_examples=40, deadline=None)
@given(st.dictionaries(st.sampled_from(["datapackage.json", "duties.csv", "a/b.csv", "x"]), st.binary(max_size=200)))
def test_any_small_zip(members: dict[str, bytes]) -> None:
    """validate answers any small zip, with or without a descriptor."""
    with tempfile.TemporaryDirectory() as tmp:
        archive = Path(tmp) / "p.zip"
        with zipfile.ZipFile(archive, "w") as zf:
            for name, data in members.items():
                zf.writestr(name, data)
        _answered("validate", str(archive))


@settings(max_examples=25, deadline=None)
@given(
    st.sampled_from(["层信息", "工作事务", "证明事项", "标牌", "证明", "随便"]),
    st.lists(st.lists(cells, max_size=6), max_size=6),
)
def test_any_small_workbook(title: str, rows: list[list[object]]) -> None:
    """import and audit answer any small workbook."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        try:
            sheet.append(row)
        except Exception:  # noqa: BLE001, S112 - a value openpyxl will not store is no workbook a user has
            continue
    buffer = io.BytesIO()
    book.save(buffer)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "w.xlsx"
        path.write_bytes(buffer.getvalue())
        _answered("import", str(path), "-o", str(Path(tmp) / "out"))
        _answered("audit", str(path), "-j", "120117")


@settings(max_examples=40, deadline=None)
@given(
    st.one_of(
        st.text(max_size=200),
        st.recursive(
            st.none() | st.booleans() | st.integers() | st.text(max_size=10),
            lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
            max_leaves=12,
        ).map(repr),
    )
)
def test_any_yaml_ledger(text: str) -> None:
    """audit answers any YAML text."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "ledger.yaml"
        path.write_text(text, encoding="utf-8")
        _answered("audit", str(path), "-j", "120117")
