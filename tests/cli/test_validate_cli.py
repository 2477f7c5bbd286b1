from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from conftest import NATIONAL, edit, invoke
from layers import child_layer
from villagecat.package import save_layer
from villagecat.schema import generate_schemas

if TYPE_CHECKING:
    import pytest


def test_valid_package_exits_zero() -> None:
    result = invoke("validate", str(NATIONAL))
    assert result.code == 0
    assert result.out == f"{NATIONAL}：有效\n"


def test_invalid_package_exits_one_with_grouped_english_report(national_copy: Path) -> None:
    edit(national_copy / "duties.csv", ",performs,", ",performz,")
    result = invoke("validate", str(national_copy), "--lang", "en")
    assert result.code == 1
    assert result.out.splitlines() == [
        f"{national_copy}: 1 problem",
        "  duties.csv",
        (
            "    line 2, field duty_kind: not an allowed value; expected one of 'performs', 'assists', 'entrusted', "
            "'prohibited' (got 'performz')"
        ),
    ]


def test_json_report_is_machine_readable(national_copy: Path) -> None:
    edit(national_copy / "signs.csv", ",plaque,outside,", ",plaque,outdoors,")
    result = invoke("validate", str(national_copy), "--format", "json")
    payload = json.loads(result.out)
    assert result.code == 1
    assert payload["valid"] is False
    (file_report,) = payload["reports"][0]["files"]
    assert file_report["file"] == "signs.csv"
    (problem,) = file_report["problems"]
    assert problem | {"message": None, "message_zh": None, "message_en": None} == {
        "file": "signs.csv",
        "line": 2,
        "row": None,
        "field": "placement",
        "code": "enum",
        "message": None,
        "message_zh": None,
        "message_en": None,
    }
    # Both languages, whatever --lang chose, as integrate.md promises of every problem; message is --lang's.
    assert problem["message_zh"].startswith("取值不在允许范围内")
    assert problem["message_en"].startswith("not an allowed value")
    assert problem["message"] == problem["message_zh"]
    english = json.loads(invoke("validate", str(national_copy), "--format", "json", "--lang", "en").out)
    assert english["reports"][0]["files"][0]["problems"] == [problem | {"message": problem["message_en"]}]


def test_unreadable_input_exits_two(tmp_path: Path) -> None:
    result = invoke("validate", str(tmp_path / "missing"))
    assert result.code == 2
    assert "无法读取：文件或文件夹不存在" in result.out


def test_worst_status_wins_over_several_paths(tmp_path: Path) -> None:
    result = invoke("validate", str(NATIONAL), str(tmp_path / "missing"))
    assert result.code == 2


def test_usage_error_is_one_line_and_exit_two() -> None:
    result = invoke("frobnicate")
    assert result.code == 2
    assert result.err.startswith("villagecat: 用法错误：参数 COMMAND：无效的取值“frobnicate”")
    assert result.err.count("\n") == 1
    assert "Traceback" not in result.err


def test_schema_command_writes_every_schema(tmp_path: Path) -> None:
    result = invoke("schema", "-o", str(tmp_path))
    assert result.code == 0
    assert (tmp_path / "duty.schema.json").is_file()
    assert (tmp_path / "table" / "duties.tableschema.json").is_file()
    assert len(result.out.splitlines()) == len(generate_schemas())


def test_a_file_that_is_no_part_of_a_package_is_not_called_valid(tmp_path: Path) -> None:
    """``validate 工作方案.pdf`` beside a package printed 有效 for the package, exit 0."""
    import shutil  # noqa: PLC0415

    package = tmp_path / "national"
    shutil.copytree(NATIONAL, package)
    (package / "工作方案.pdf").write_bytes(b"%PDF-1.4")
    result = invoke("validate", str(package / "工作方案.pdf"))
    assert result.code == 2
    assert "有效" not in result.out
    assert invoke("validate", str(package / "duties.csv")).code == 0


def test_a_ledger_beside_a_package_is_not_called_valid(tmp_path: Path) -> None:
    """``validate jilin/台账.csv`` (a file the descriptor does not list) printed jilin：有效."""
    import shutil  # noqa: PLC0415

    package = tmp_path / "national"
    shutil.copytree(NATIONAL, package)
    (package / "台账.csv").write_text("村名,类别,名称\n甲村,标牌,村民委员会\n", encoding="utf-8")
    result = invoke("validate", str(package / "台账.csv"))
    assert result.code == 2
    assert "有效" not in result.out


def test_a_json_file_that_is_not_a_descriptor_is_named_never_its_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``validate change.json`` (a JSON Patch) said ``.：缺少 datapackage.json``; beside a package, read the package."""
    import shutil  # noqa: PLC0415

    monkeypatch.chdir(tmp_path)
    Path("change.json").write_text('[{"op": "replace", "path": "/layer/version", "value": "9.0.0"}]', encoding="utf-8")
    result = invoke("validate", "change.json")
    assert (result.code, result.out) == (
        2,
        "change.json：发现 1 个问题\n  change.json\n    无法读取：不是数据包文件夹、datapackage.json 或 zip\n",
    )
    shutil.copytree(NATIONAL, "national")
    Path("national/change.json").write_text("{}", encoding="utf-8")  # beside a package: not the package
    result = invoke("validate", "national/change.json")
    assert result.code == 2
    assert "有效" not in result.out
    assert "national/change.json\n    无法读取：不是数据包文件夹" in result.out
    impact = invoke("impact", "change.json", "national")
    assert (impact.code, impact.out) == (2, "")
    assert impact.err == "villagecat: change.json：无法读取：不是数据包文件夹、datapackage.json 或 zip\n"


def test_a_county_whose_parent_is_not_shipped_validates_with_the_parent_as_the_hint_says(tmp_path: Path) -> None:
    """The hint said 「PATH，或 --layer 路径」, but validate refused --layer as 无法识别的参数."""
    province = save_layer(child_layer("cn", "330000", level="province"), tmp_path / "province")
    county = save_layer(child_layer("330000", "330106"), tmp_path / "county")
    alone = invoke("validate", str(county))
    assert alone.code == 1
    assert alone.out.endswith(
        "上级层 330000 不存在（既非内置层，也未随同给出）；请把上级层的数据包一并给出\n"
        f"提示：用 --layer 给出上级层的数据包：villagecat validate {county} --layer 上级层数据包的文件夹；"
        f"也可以把上级层的数据包写在 {county} 之前，一并校验\n"
    )  # it said 「PATH，或 --layer 路径」: PATH is English, and import takes no package before the workbook
    assert "PATH" not in alone.out
    with_layer = invoke("validate", str(county), "--layer", str(province))
    assert (with_layer.code, with_layer.out) == (0, f"{county}：有效\n")  # the parent is used, not reported
    listed = invoke("validate", str(province), str(county))
    assert (listed.code, listed.out) == (0, f"{province}：有效\n{county}：有效\n")


def test_an_import_whose_parent_is_not_shipped_says_the_import_with_layer(tmp_path: Path) -> None:
    """import printed 「PATH，或 --layer 路径」 too: it reads one workbook and takes the parent by --layer only."""
    province = save_layer(child_layer("cn", "330000", level="province"), tmp_path / "province")
    county = save_layer(child_layer("330000", "330106"), tmp_path / "county")
    book = tmp_path / "西湖 区.xlsx"
    assert invoke("export", str(county), "-o", str(book)).code == 0
    alone = invoke("import", str(book), "-o", str(tmp_path / "out"))
    assert alone.code == 1
    assert alone.out.endswith(
        "上级层 330000 不存在（既非内置层，也未随同给出）；请把上级层的数据包一并给出\n"
        f"提示：用 --layer 给出上级层的数据包：villagecat import '{book}' -o {tmp_path / 'out'}"
        " --layer 上级层数据包的文件夹\n"
    )
    english = invoke("import", str(book), "-o", str(tmp_path / "out"), "--lang", "en")
    assert english.out.endswith(
        f"hint: give the parent's package with --layer: villagecat import '{book}' -o {tmp_path / 'out'}"
        " --layer PARENT_FOLDER\n"
    )
    assert invoke("import", str(book), "-o", str(tmp_path / "out"), "--layer", str(province)).code == 0


def test_json_reports_validate_against_their_published_schema(national_copy: Path, tmp_path: Path) -> None:
    """``validate --format json`` had no published schema: a CI system reading it had only examples."""
    import jsonschema  # noqa: PLC0415

    schema = generate_schemas()["validation-report.schema.json"]
    edit(national_copy / "duties.csv", "performs", "performz")
    missing = tmp_path / "missing"
    for paths, code in (([str(NATIONAL)], 0), ([str(national_copy)], 1), ([str(NATIONAL), str(missing)], 2)):
        result = invoke("validate", *paths, "--format", "json", "--lang", "en")
        assert result.code == code
        payload = json.loads(result.out)
        jsonschema.Draft202012Validator(schema).validate(payload)
        assert payload["valid"] is (code == 0)
        assert [r["target"] for r in payload["reports"]] == paths
    broken = dict(payload["reports"][0], problem_count=-1)
    assert not jsonschema.Draft202012Validator(schema).is_valid({"valid": True, "reports": [broken]})
