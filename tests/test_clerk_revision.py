"""A clerk revising a county from its workbook: what the import and the release say is in the words of the form."""

from __future__ import annotations

import re
import shutil
from typing import TYPE_CHECKING

import pytest

from conftest import NINGHE, exported, invoke
from villagecat.package import load_layer

if TYPE_CHECKING:
    from pathlib import Path

openpyxl = pytest.importorskip("openpyxl")


#: A code in brackets after Chinese words (履职负面事项（prohibited）, 名称（name）): the CSV's word, not the form's.
_CODE_IN_BRACKETS = re.compile(r"（[a-z][a-z0-9_]*）")


def _ninghe(tmp_path: Path) -> tuple[Path, Path]:
    folder, path = tmp_path / "宁河", tmp_path / "宁河.xlsx"
    shutil.copytree(NINGHE, folder)
    assert invoke("export", str(folder), "-o", str(path)).code == 0
    return folder, path


def _override_row(sheet: object, target: str, field: str) -> int:
    for row in sheet.iter_rows(min_row=2):  # type: ignore[attr-defined]
        if row[6].value == target and row[7].value == field:
            return int(row[0].row)
    raise AssertionError((target, field))


def test_a_conflict_shows_the_values_as_the_clerk_wrote_them_labels_without_codes(tmp_path: Path) -> None:
    """An override changing a red line's 事项类别 said 上级值 履职负面事项（prohibited），本层值 委托事项（entrusted）:
    the clerk writes and reads the labels; the codes are the CSV's."""
    folder, path = _ninghe(tmp_path)
    book = openpyxl.load_workbook(path)
    overrides = book["覆盖"]
    overrides.cell(_override_row(overrides, "cn.duty.no-law-enforcement", "事项类别"), 10).value = "委托事项"
    book.save(path)
    result = invoke("import", str(path), "-o", str(folder))
    assert result.code == 1
    assert "（上级值 履职负面事项，本层值 委托事项）" in result.out, result.out
    assert not _CODE_IN_BRACKETS.search(result.out), result.out


def test_a_name_reused_from_the_parent_is_told_in_the_form_s_words(tmp_path: Path) -> None:
    """The same-name conflict told a clerk to fill 重申条目 “（restates）” or to use 覆盖（overrides）."""
    folder, path = _ninghe(tmp_path)
    book = openpyxl.load_workbook(path)
    duties = book["工作事务"]
    citation = duties.cell(2, 3).value
    duties.append([None, "作为行政执法事务的责任主体", citation, None, None, None, "依法履行职责事项", None, "村"])
    book.save(path)
    result = invoke("import", str(path), "-o", str(folder))
    assert result.code == 1
    assert "请在“重申条目”一列填它的名称或标识" in result.out, result.out
    assert not _CODE_IN_BRACKETS.search(result.out), result.out


def test_an_unknown_override_field_lists_the_column_titles_alone(tmp_path: Path) -> None:
    """字段 “颜色” listed the fields a clerk may name as 名称（name）、备注（notes）…: an English slug list."""
    folder, path = _ninghe(tmp_path)
    book = openpyxl.load_workbook(path)
    overrides = book["覆盖"]
    overrides.cell(_override_row(overrides, "cn.sign.party-organisation", "版式"), 8).value = "颜色"
    book.save(path)
    result = invoke("import", str(path), "-o", str(folder))
    assert result.code == 1
    assert "可覆盖的字段：名称、备注、别名、标牌类型、" in result.out, result.out
    assert not _CODE_IN_BRACKETS.search(result.out), result.out


def test_a_label_typed_in_traditional_characters_reads_as_its_simplified_label(tmp_path: Path) -> None:
    """依法協助政府工作事項 (typed with a traditional input method) was refused, listing what looks the same."""
    folder, path = tmp_path / "xihu", tmp_path / "xihu.xlsx"
    assert invoke("init", str(folder), "--level", "county", "--code", "330106", "--name", "西湖区").code == 0
    book = exported(folder, path)
    book["工作事务"].append([None, "环境整治", None, None, None, None, "依法協助政府工作事項", None, "村（社區）"])
    book.save(path)
    result = invoke("import", str(path), "-o", str(folder))
    assert result.code == 0, result.out
    (duty,) = load_layer(folder).duties
    assert (duty.duty_kind, duty.applies_to) == ("assists", "both")


def test_an_id_with_a_line_break_is_shown_on_one_line(tmp_path: Path) -> None:
    """A 标识 cell holding a line break was echoed raw in （实际为“…”）, breaking the report's line in two."""
    folder, path = tmp_path / "xihu", tmp_path / "xihu.xlsx"
    assert invoke("init", str(folder), "--level", "county", "--code", "330106", "--name", "西湖区").code == 0
    book = exported(folder, path)
    row = ["330106.duty.a\nb", "环境整治", None, None, None, None, "依法协助政府工作事项", None, "村"]
    book["工作事务"].append(row)
    book.save(path)
    result = invoke("import", str(path), "-o", str(folder))
    assert result.code == 1
    assert result.out.splitlines()[-1].endswith("（实际为“330106.duty.a↵b”）"), result.out


def test_a_bound_is_said_as_the_number_the_clerk_reads(tmp_path: Path) -> None:
    """A share of 150 % was told 应不大于 100.0: a Python float, where the column reads 100."""
    folder, path = tmp_path / "xihu", tmp_path / "xihu.xlsx"
    assert invoke("init", str(folder), "--level", "county", "--code", "330106", "--name", "西湖区").code == 0
    book = exported(folder, path)
    book["综合服务设施标准"].append([None, "村级综合服务设施", None, None, None, None, "村", None, 300, None, 150])
    book.save(path)
    result = invoke("import", str(path), "-o", str(folder))
    assert result.code == 1
    assert "字段 K（村民活动区域最小占比（%））：应不大于 100（实际为“150”）" in result.out, result.out


def test_the_first_release_s_notes_are_a_chinese_note_as_every_release_s(tmp_path: Path) -> None:
    """The first release was noted 首次发布 / first release; every later release's notes are Chinese alone."""
    folder = tmp_path / "xihu"
    assert invoke("init", str(folder), "--level", "county", "--code", "330106", "--name", "西湖区").code == 0
    released = invoke("release", str(folder), "--date", "2026-12-07")
    assert (released.code, released.out) == (0, "330106 首次发布 0.1.0\n")
    (entry,) = load_layer(folder).layer.releases
    assert entry.notes == "首次发布"
