"""Which parent ``villagecat validate`` checked a county against, said where a clerk would look for it.

A county kept inside its province's folder (a copy of data/provinces/120000-tianjin with both edited)
was checked against the shipped province, silently: the verdict was about a province the clerk had
not edited, and nothing said how to point at the one above the county's folder.
"""

from __future__ import annotations

import json
import re
import shutil
from typing import TYPE_CHECKING

from conftest import NINGHE, edit, invoke
from layers import child_layer
from villagecat.package import save_layer

if TYPE_CHECKING:
    from pathlib import Path

    import pytest

TIANJIN = NINGHE.parent
NOTICE = "注意：上级层 120000（天津市"


def _edited_tianjin(folder: Path) -> Path:
    """A copy of Tianjin with a document of its own that its county Ninghe now cites: valid only together."""
    shutil.copytree(TIANJIN, folder)
    with (folder / "documents.csv").open("a", encoding="utf-8") as out:
        out.write(
            "120000.document.new-notice,天津市测试通知,津民发〔2024〕1号,市民政局,2024,,normative_document,,,false\n"
        )
    with (folder / NINGHE.name / "clauses.csv").open("a", encoding="utf-8") as out:
        out.write("120117.clause.new-notice-1,120000.document.new-notice,一,测试\n")
    return folder


def test_a_county_inside_an_edited_province_says_the_parent_was_the_shipped_one(tmp_path: Path) -> None:
    province = _edited_tianjin(tmp_path / "tj")
    county = province / NINGHE.name
    alone = invoke("validate", str(county))
    assert alone.code == 1  # true of the shipped province, which has no such document
    last = alone.out.splitlines()[-1]
    assert last.startswith(NOTICE)
    assert "取自 villagecat 内置数据" in last
    assert f"villagecat validate {province} {county}" in last
    assert f"villagecat validate {county} --layer {province}" in last
    # What the notice says to type works, and then no notice is needed.
    both = invoke("validate", str(province), str(county))
    assert (both.code, both.out) == (0, f"{province}：有效\n{county}：有效\n")
    layered = invoke("validate", str(county), "--layer", str(province))
    assert (layered.code, layered.out) == (0, f"{county}：有效\n")
    english = invoke("validate", str(county), "--lang", "en")
    assert english.out.splitlines()[-1].startswith("note: parent 120000 (Tianjin")


def test_a_valid_verdict_against_the_shipped_province_says_so_too(tmp_path: Path) -> None:
    """Valid against the shipped province is no verdict on the edited one: the clerk is told which was used."""
    province = tmp_path / "tj"
    shutil.copytree(TIANJIN, province)
    edit(province / "documents.csv", "天津市规范村", "天津市规范村 ")  # an edit the county does not notice
    county = province / NINGHE.name
    result = invoke("validate", str(county))
    assert result.code == 0
    first, notice = result.out.splitlines()
    assert first == f"{county}：有效"
    assert notice.startswith(NOTICE)


def test_an_unedited_copy_or_the_shipped_folder_itself_needs_no_notice(tmp_path: Path) -> None:
    province = tmp_path / "tj"
    shutil.copytree(TIANJIN, province)
    for county in (province / NINGHE.name, NINGHE):
        result = invoke("validate", str(county))
        assert (result.code, result.out) == (0, f"{county}：有效\n")


def test_relative_paths_with_chinese_and_spaces_are_typed_back_as_a_shell_takes_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _edited_tianjin(tmp_path / "天津 副本")
    monkeypatch.chdir(tmp_path)
    county = f"天津 副本/{NINGHE.name}"
    result = invoke("validate", county + "/clauses.csv")  # a pre-commit hook passes the changed file
    assert result.code == 1
    last = result.out.splitlines()[-1]
    assert f"villagecat validate '天津 副本' '{county}'" in last
    assert "--layer '天津 副本'" in last
    both = invoke("validate", "天津 副本", county)
    assert both.code == 0


def test_a_symlinked_county_folder_is_judged_where_it_points(tmp_path: Path) -> None:
    province = _edited_tianjin(tmp_path / "tj")
    link = tmp_path / "county-link"
    link.symlink_to(province / NINGHE.name)
    result = invoke("validate", str(link))
    assert result.code == 1
    assert f"--layer {province}" in result.out.splitlines()[-1]


def test_json_stdout_is_the_report_alone_and_the_notice_goes_to_stderr(tmp_path: Path) -> None:
    province = _edited_tianjin(tmp_path / "tj")
    county = province / NINGHE.name
    result = invoke("validate", str(county), "--format", "json")
    payload = json.loads(result.out)  # nothing but the report on stdout
    assert set(payload) == {"valid", "reports"}
    assert set(payload["reports"][0]) == {"target", "valid", "readable", "problem_count", "files", "notes"}
    assert result.code == 1
    assert result.err.startswith(NOTICE)


def test_a_county_inside_an_unshipped_province_is_told_that_folder(tmp_path: Path) -> None:
    """The hint said --layer 上级层数据包的文件夹 though the province was the folder the county sits in."""
    province = save_layer(child_layer("cn", "330000", level="province"), tmp_path / "zj")
    county = save_layer(child_layer("330000", "330106"), province / "330106")
    result = invoke("validate", str(county))
    assert result.code == 1
    assert result.out.splitlines()[-1] == (
        f"提示：用 --layer 给出上级层的数据包：villagecat validate {county} --layer {province}；"
        f"也可以把上级层的数据包写在 {county} 之前，一并校验"
    )


def test_a_county_copied_out_alone_with_a_parent_problem_says_where_the_parent_came_from(tmp_path: Path) -> None:
    province = _edited_tianjin(tmp_path / "tj")
    county = tmp_path / "宁河"
    shutil.copytree(province / NINGHE.name, county)
    result = invoke("validate", str(county))
    assert result.code == 1
    last = result.out.splitlines()[-1]
    assert last.startswith("提示：上级层 120000（天津市")
    assert "取自 villagecat 内置数据" in last
    assert f"villagecat validate {county} --layer 上级层数据包的文件夹" in last
    # A problem of the county's own (a value misspelt) is not the parent's: no such line.
    plain = tmp_path / "plain"
    shutil.copytree(NINGHE, plain)
    edit(plain / "duties.csv", ",assists,", ",assistz,")
    own = invoke("validate", str(plain))
    assert own.code == 1
    assert "内置数据" not in own.out


def test_the_guide_quotes_the_notice_as_validate_prints_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """zh-publish.md shows the note for tj/120117-ninghe; the shipped version in it is whichever is current."""
    guide = (TIANJIN.parents[2] / "docs" / "guides" / "zh-publish.md").read_text(encoding="utf-8")
    (shown,) = [line for line in guide.splitlines() if line.startswith(NOTICE)]
    _edited_tianjin(tmp_path / "tj")
    monkeypatch.chdir(tmp_path)
    printed = invoke("validate", f"tj/{NINGHE.name}").out.splitlines()[-1]
    assert re.sub(r"\d+\.\d+\.\d+", "X", printed) == re.sub(r"\d+\.\d+\.\d+", "X", shown)


def test_a_parent_given_as_a_zip_is_never_called_the_shipped_one(tmp_path: Path) -> None:
    province = _edited_tianjin(tmp_path / "tj")
    county = tmp_path / "宁河"
    shutil.copytree(province / NINGHE.name, county)
    edit(county / "clauses.csv", "120000.document.new-notice", "120000.document.nowhere")
    zipped = shutil.make_archive(str(tmp_path / "tj"), "zip", province.parent, province.name)
    result = invoke("validate", str(county), "--layer", zipped)
    assert result.code == 1  # a document in neither: true of the zipped province
    assert "内置数据" not in result.out


def test_a_county_checked_from_inside_its_folder_is_told_the_folder_above_as_dot_dot(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    province = _edited_tianjin(tmp_path / "tj")
    monkeypatch.chdir(province / NINGHE.name)
    result = invoke("validate", ".")
    typed = "villagecat validate .. .（两者一并校验），或 villagecat validate . --layer .."
    assert result.out.splitlines()[-1].endswith(typed)
    assert invoke("validate", "..", ".").code == 0


def test_a_zipped_county_whose_parent_is_not_shipped_keeps_the_hint(tmp_path: Path) -> None:
    save_layer(child_layer("330000", "330106"), tmp_path / "county")
    zipped = shutil.make_archive(str(tmp_path / "county"), "zip", tmp_path, "county")
    result = invoke("validate", zipped)
    assert result.code == 1
    assert result.out.splitlines()[-1].startswith(f"提示：用 --layer 给出上级层的数据包：villagecat validate {zipped}")


def test_a_parent_given_twice_says_which_one_the_county_was_checked_against(tmp_path: Path) -> None:
    """Two copies of the province given (an old and an edited one): the last given is used, and the clerk is told
    which, and which was not; the verdict otherwise changed with the order of the paths, silently."""
    edited = _edited_tianjin(tmp_path / "新 天津")
    county = tmp_path / NINGHE.name
    shutil.move(edited / NINGHE.name, county)
    old = tmp_path / "旧天津"
    shutil.copytree(TIANJIN, old, ignore=shutil.ignore_patterns(NINGHE.name))
    result = invoke("validate", str(edited), str(old), str(county))
    assert result.code == 1  # the old province has no such document
    notice = result.out.splitlines()[-1]
    assert notice.startswith("注意：上级层 120000 给出了 2 份，")
    assert f"按最后给出的 {old}（" in notice
    assert f"未用 '{edited}'（" in notice
    other = invoke("validate", str(old), str(county), "--layer", str(edited))  # a PATH wins over a --layer
    assert other.code == 1
    assert f"按最后给出的 {old}（" in other.out.splitlines()[-1]
    right = invoke("validate", str(old), str(edited), str(county))
    assert right.code == 0
    assert f"按最后给出的 '{edited}'（" in right.out.splitlines()[-1]
    english = invoke("validate", str(old), str(edited), str(county), "--lang", "en")
    assert english.out.splitlines()[-1].startswith("note: parent 120000 is given 2 times")
    once = invoke("validate", str(edited), f"{edited}/", str(county))  # the same folder twice is one parent
    assert (once.code, len(once.out.splitlines())) == (0, 3), once.out
