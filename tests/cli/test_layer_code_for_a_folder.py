"""A shipped layer's code typed where a package folder is wanted (``villagecat lint 120117``) is told the folder.

``lint 120117`` said only 120117：无法读取：文件或文件夹不存在, though ``catalog 120117`` takes the code: a clerk
could not tell that lint wants a folder, nor where the shipped one is (h24a, a county clerk).
"""

from __future__ import annotations

import pytest

from conftest import invoke
from villagecat.registry import shipped_registry


@pytest.mark.parametrize("command", ["lint", "validate", "quotes"])
def test_a_shipped_layers_code_is_told_its_folder(command: str) -> None:
    result = invoke(command, "120117")
    assert result.code == 2
    said = result.out + result.err
    assert "“120117”是内置层宁河区的代码" in said
    folder = shipped_registry().get("120117")
    assert folder is not None
    assert str(folder.source) in said


def test_a_path_that_is_no_code_is_told_only_that_it_is_not_there() -> None:
    result = invoke("lint", "120118")
    assert result.code == 2
    assert "文件或文件夹不存在" in result.err
    assert "内置层" not in result.err
