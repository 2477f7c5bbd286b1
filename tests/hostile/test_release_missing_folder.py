"""`release nope` made an empty folder ``nope`` and then said it held no datapackage.json."""

from __future__ import annotations

from typing import TYPE_CHECKING

from conftest import invoke

if TYPE_CHECKING:
    from pathlib import Path


def test_releasing_a_folder_that_is_not_there_says_so_and_makes_nothing(tmp_path: Path) -> None:
    missing = tmp_path / "nope"
    result = invoke("release", str(missing))
    assert result.code == 2
    assert str(missing) in result.err
    assert "不存在" in result.err
    assert "datapackage.json" not in result.err
    assert not missing.exists()
