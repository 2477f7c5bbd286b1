"""``ValidationFailedError`` names the package once: a problem whose file is the package (or a file in it) named by
its path is not put after the package's path again.

``villagecat.validate("x.zip").raise_for_problems()`` said ``x.zip：x.zip：无法读取：…`` and, of a folder whose
``datapackage.json`` is no JSON, ``bad：bad/datapackage.json：无法读取：…``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

import villagecat
from villagecat.errors import ValidationFailedError

if TYPE_CHECKING:
    from pathlib import Path


def _refused(path: Path | str) -> ValidationFailedError:
    report = villagecat.validate(path)
    with pytest.raises(ValidationFailedError) as raised:
        report.raise_for_problems()
    return raised.value


def test_a_file_that_is_no_package_is_named_once(tmp_path: Path) -> None:
    (tmp_path / "x.zip").write_bytes(b"no zip")
    error = _refused(tmp_path / "x.zip")
    named = str(tmp_path / "x.zip")
    assert error.describe("zh") == f"{named}：无法读取：不是数据包文件夹、datapackage.json 或 zip"
    assert error.describe("en") == f"{named}: cannot read: not a package folder, a datapackage.json or a zip"
    assert str(error).count(named) == 1
    assert error.where == named


def test_a_descriptor_in_the_package_is_named_once(tmp_path: Path) -> None:
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / "datapackage.json").write_text("{", encoding="utf-8")
    error = _refused(tmp_path / "bad")
    descriptor = str(tmp_path / "bad" / "datapackage.json")
    assert error.describe("zh").startswith(f"{descriptor}：无法读取：JSON 格式错误")
    assert str(tmp_path / "bad") + "：" not in error.describe("zh")
    assert error.where == descriptor


def test_a_rows_problem_still_names_the_package_then_its_file(tmp_path: Path) -> None:
    national = villagecat.load_layer("data/national")
    villagecat.save_layer(national, tmp_path / "pkg")
    duties = tmp_path / "pkg" / "duties.csv"
    lines = duties.read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    row = lines[1].split(",")
    row[header.index("duty_kind")] = "performz"
    duties.write_text("\n".join([lines[0], ",".join(row), *lines[2:]]) + "\n", encoding="utf-8")
    error = _refused(tmp_path / "pkg")
    assert error.where == str(tmp_path / "pkg")
    assert error.describe("zh").startswith(f"{tmp_path / 'pkg'}：duties.csv 第 2 行")
