"""A stray double quote in a CSV is named at the line it opens, not at the end of the file.

A clerk's 「"村级」 in row 3 of a 21-line table made the reader take every line after it as one
cell; the error said 第 21 行 (where the file ended), so the clerk looked at the last row.
"""

from __future__ import annotations

import shutil
from typing import TYPE_CHECKING

import villagecat
from conftest import NATIONAL, invoke

if TYPE_CHECKING:
    from pathlib import Path


def test_a_quote_never_closed_in_a_package_is_named_at_its_line(tmp_path: Path) -> None:
    folder = tmp_path / "pkg"
    shutil.copytree(NATIONAL, folder)
    table = folder / "certificates.csv"
    lines = table.read_text(encoding="utf-8").split("\n")
    assert len(lines) > 10
    assert not any('"' in line for line in lines[3:])  # nothing after it closes the quote
    lines[2] = lines[2].replace(",", ',"', 1)
    table.write_text("\n".join(lines), encoding="utf-8")

    [problem] = villagecat.validate(folder).problems
    assert (problem.file, problem.line) == ("certificates.csv", 3)
    result = invoke("validate", str(folder))
    assert result.code == 1
    assert "第 3 行" in result.out
    assert "引号" in result.out


def test_a_quote_never_closed_in_a_ledger_is_named_at_its_line(tmp_path: Path) -> None:
    ledger = tmp_path / "台账.csv"
    ledger.write_text(
        '村名,类别,名称,位置,类型\n某村,标牌,"村党组织,外部,标牌\n某村,标牌,村民委员会,外部,标牌\n某村,标牌,村务监督委员会,外部,标牌\n',
        encoding="utf-8",
    )
    result = invoke("audit", str(ledger), "-j", "120117")
    assert result.code == 2
    assert result.err.count("\n") == 1, result.err
    assert "台账.csv" in result.err
    assert "第 2 行" in result.err
    assert "引号" in result.err
