"""validate(): every problem at once, each with file, line or row, and field."""

from __future__ import annotations

import json
import socket
import zipfile
from typing import TYPE_CHECKING

import pytest

import villagecat
from conftest import NATIONAL, REPO, edit
from villagecat.errors import InvalidRequestError, PackageReadError, ValidationFailedError
from villagecat.format import FORMAT_VERSION
from villagecat.package import RESOURCES, LayerPackage, descriptor, load_layer, read_package, save_layer
from villagecat.validation import _check_ids, validate_many

LEDGER = REPO / "tests" / "fixtures" / "ledgers" / "jilin_village.csv"

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from villagecat.report import Problem


def where(problem: Problem) -> tuple[str, int | None, str | None, str]:
    return (problem.file, problem.line, problem.field, problem.code)


def test_shipped_national_is_valid() -> None:
    report = villagecat.validate(NATIONAL)
    assert report.valid
    assert report.exit_code == 0


def test_three_faults_are_all_reported_with_file_line_and_field(national_copy: Path) -> None:
    edit(national_copy / "duties.csv", ",performs,", ",performz,")
    edit(
        national_copy / "certificates.csv",
        "cn.certificate.identity-information,居民身份信息证明",
        "cn.certificate.identity-information,",
    )
    edit(
        national_copy / "certificates.csv",
        "cn.clause.minfa-2020-20-annex-5|",
        "cn.document.nonexistent#一|",
    )
    report = villagecat.validate(national_copy)
    assert report.exit_code == 1
    assert sorted(where(p) for p in report.problems) == [
        ("certificates.csv", 3, "name", "missing"),
        ("certificates.csv", 6, "citations[0]", "unknown-document"),
        ("duties.csv", 2, "duty_kind", "enum"),
    ]
    text = report.format_text("zh")
    assert "第 2 行 字段 duty_kind（事项类别）：取值不在允许范围内" in text
    assert "cn.document.nonexistent 不存在" in text


def test_load_layer_raises_with_the_report(national_copy: Path) -> None:
    edit(national_copy / "signs.csv", "outside", "outsider")
    with pytest.raises(ValidationFailedError) as info:
        load_layer(national_copy)
    assert isinstance(info.value, ValueError)
    assert info.value.report.problems[0].field == "placement"
    assert "signs.csv, line 2, field placement" in str(info.value)


def test_missing_package_cannot_be_read(tmp_path: Path) -> None:
    report = villagecat.validate(tmp_path / "nowhere")
    assert report.exit_code == 2
    with pytest.raises(PackageReadError):
        load_layer(tmp_path / "nowhere")


def test_malformed_descriptor_cannot_be_read(national_copy: Path) -> None:
    (national_copy / "datapackage.json").write_text("{ not json", encoding="utf-8")
    report = villagecat.validate(national_copy)
    assert report.exit_code == 2
    assert "malformed JSON at line 1" in report.problems[0].message_en


def test_duplicate_ids_and_foreign_namespace(national_copy: Path) -> None:
    edit(national_copy / "duties.csv", "cn.duty.self-building,", "cn.duty.publicise-party-policy,")
    edit(
        national_copy / "mechanisms.csv",
        "cn.mechanism.party-service-centre,",
        "120117.mechanism.party-service-centre,",
    )
    codes = sorted(where(p) for p in villagecat.validate(national_copy).problems)
    assert codes == [
        ("duties.csv", 3, "id", "duplicate-id"),
        ("mechanisms.csv", 2, "id", "id-namespace"),
    ]


def test_unknown_column_and_missing_required_column(national_copy: Path) -> None:
    path = national_copy / "mechanisms.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[0] = lines[0].replace("mechanism_type", "type")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    problems = villagecat.validate(national_copy).problems
    assert ("mechanisms.csv", 1, "type", "unknown-column") in [where(p) for p in problems]
    assert ("mechanisms.csv", 1, "mechanism_type", "missing-column") in [where(p) for p in problems]


def test_gbk_csv_is_named_not_read_as_mojibake(national_copy: Path) -> None:
    path = national_copy / "duties.csv"
    path.write_bytes(path.read_text(encoding="utf-8").encode("gb18030"))
    (problem,) = villagecat.validate(national_copy).problems
    assert (problem.file, problem.code) == ("duties.csv", "encoding-gbk")
    assert "CSV UTF-8" in problem.message_zh


@pytest.mark.parametrize(("delimiter", "said"), [(";", "分号（;）"), ("\t", "制表符（Tab）")])
def test_csv_saved_with_another_delimiter_is_one_problem_saying_how_to_save_it(
    national_copy: Path, delimiter: str, said: str
) -> None:
    """A CSV saved with semicolons (LibreOffice's choice, or Excel's where 1,5 is a number) read as one
    column a line: an unknown column named by the whole header, then every required column and field missing."""
    import csv  # noqa: PLC0415
    import io  # noqa: PLC0415

    path = national_copy / "duties.csv"
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter).writerows(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    path.write_bytes(b"\xef\xbb\xbf" + out.getvalue().encode("utf-8"))
    (problem,) = villagecat.validate(national_copy).problems
    assert (problem.file, problem.line, problem.code) == ("duties.csv", 1, "csv-delimiter")
    assert problem.message_zh.startswith(f"各列之间用的是{said}，应为逗号；请在 Excel 中另存为“CSV UTF-8（逗号分隔）”")


def test_utf16_csv_is_named_with_how_to_save_it(national_copy: Path, tmp_path: Path) -> None:
    """Excel's 另存为“Unicode 文本” writes UTF-16: 不是 UTF-8 编码的文本（第 1 个字节无法解码） said nothing to do."""
    path = national_copy / "duties.csv"
    path.write_bytes(path.read_text(encoding="utf-8").encode("utf-16"))
    (problem,) = villagecat.validate(national_copy).problems
    assert (problem.file, problem.code) == ("duties.csv", "encoding-utf16")
    assert (
        problem.message_zh
        == "文件是 UTF-16 编码（Excel 另存为“Unicode 文本”的格式）；请在 Excel 中另存为“CSV UTF-8（逗号分隔）”"
    )
    from villagecat.checks import read_ledger  # noqa: PLC0415
    from villagecat.errors import PackageReadError  # noqa: PLC0415

    ledger = tmp_path / "台账.csv"
    ledger.write_bytes("村名,类别,名称\n甲村,证明,健在证明\n".encode("utf-16"))
    with pytest.raises(PackageReadError, match="UTF-16"):
        read_ledger(ledger)


def test_csv_with_bom_and_crlf_is_read(national_copy: Path) -> None:
    path = national_copy / "duties.csv"
    text = path.read_text(encoding="utf-8").replace("\n", "\r\n")
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert villagecat.validate(national_copy).valid
    assert load_layer(national_copy) == load_layer(NATIONAL)


@pytest.mark.parametrize(
    ("path", "fragment"),
    [
        ("../outside.csv", "holds “..”"),
        ("sub/../duties.csv", "holds “..”"),
        ("/etc/passwd", "absolute"),
        ("https://example.org/duties.csv", "remote data is not fetched"),
    ],
)
def test_unsafe_resource_paths_are_refused(national_copy: Path, path: str, fragment: str) -> None:
    descriptor_path = national_copy / "datapackage.json"
    data = json.loads(descriptor_path.read_text(encoding="utf-8"))
    index = next(n for n, r in enumerate(data["resources"]) if r["name"] == "duties")
    data["resources"][index]["path"] = path
    descriptor_path.write_text(json.dumps(data), encoding="utf-8")
    (problem,) = villagecat.validate(national_copy).problems
    assert (problem.file, problem.field, problem.code) == (
        "datapackage.json",
        f"resources[{index}].path",
        "resource-path",
    )
    assert fragment in problem.message_en


def test_symlink_leading_outside_is_refused(national_copy: Path, tmp_path: Path) -> None:
    outside = tmp_path / "secret.csv"
    outside.write_text("id\n", encoding="utf-8")
    (national_copy / "duties.csv").unlink()
    (national_copy / "duties.csv").symlink_to(outside)
    (problem,) = villagecat.validate(national_copy).problems
    assert "link that leads out" in problem.message_en


@pytest.mark.parametrize("target", ["the package's folder", "a file that is gone", "a socket"])
def test_a_file_that_is_a_link_to_no_file_or_a_socket_is_named_as_the_package_lists_it(
    national_copy: Path, target: str
) -> None:
    """A clerk is told which of the package's files it is, never the folder it lives in or a target's path alone."""
    duties = national_copy / "duties.csv"
    duties.unlink()
    if target == "a socket":
        with socket.socket(socket.AF_UNIX) as bound:
            bound.bind(str(duties))
            reports = [villagecat.validate(national_copy), *validate_many([national_copy])]
    else:
        duties.symlink_to(national_copy if target == "the package's folder" else national_copy / "gone.csv")
        reports = [villagecat.validate(national_copy), *validate_many([national_copy])]
    for report in reports:
        (problem,) = report.problems
        assert report.exit_code == 2
        assert problem.file == str(duties), target
        if target == "a socket":
            assert problem.message_zh.startswith("无法读取：不是普通文件")
        elif target == "a file that is gone":
            assert "gone.csv" in problem.message_zh
            assert "不存在" in problem.message_zh


def test_size_limit_is_clear_and_configurable(national_copy: Path) -> None:
    report = villagecat.validate(national_copy, max_bytes=1000)
    assert report.exit_code == 2
    assert "over the limit of 1000" in report.problems[0].message_en
    assert villagecat.validate(national_copy, max_bytes=10_000_000).valid


def test_zip_of_a_package_validates(tmp_path: Path) -> None:
    archive = tmp_path / "national.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for file in NATIONAL.iterdir():
            zf.write(file, f"national/{file.name}")
    assert villagecat.validate(archive).valid
    assert load_layer(archive) == load_layer(NATIONAL)


def _county(tmp_path: Path, parent: dict[str, str]) -> Path:
    national = load_layer(NATIONAL)
    layer = villagecat.Layer.model_validate(
        {
            "id": "120117",
            "level": "county",
            "division_code": "120117",
            "name_zh": "宁河区",
            "name_en": "Ninghe",
            "slug": "ninghe",
            "version": "0.1.0",
            "covers": ["village"],
            "parent": parent,
        }
    )
    duty = villagecat.Duty.model_validate(
        {
            "id": "120117.duty.test",
            "name": "测试",
            "duty_kind": "performs",
            "citations": ["cn.document.tingzi-2022-28#二(一)1"],
        }
    )
    del national
    return save_layer(LayerPackage(layer=layer, duties=(duty,)), tmp_path / "county")


def test_citing_a_parent_document_is_valid(tmp_path: Path) -> None:
    path = _county(tmp_path, {"id": "cn", "version_range": ">=0.1,<1"})
    assert villagecat.validate(path).valid


def test_unknown_parent_is_reported(tmp_path: Path) -> None:
    path = _county(tmp_path, {"id": "110000", "version_range": ">=0.1"})
    (problem,) = villagecat.validate(path).problems
    assert (problem.code, problem.field) == ("unknown-parent", "layer.parent.id")


def test_a_parent_outside_the_range_that_the_layer_still_fits_is_not_a_problem(tmp_path: Path) -> None:
    path = _county(tmp_path, {"id": "cn", "version_range": ">=2.0"})
    assert villagecat.validate(path).valid  # judged by merging: the county's rows still fit
    overrides = path / "overrides.csv"
    header = overrides.read_text(encoding="utf-8").splitlines()[0]
    overrides.write_text(
        header + "\n120117.override.loosen,改为保留,cn.document.tingzi-2022-28#二(三)8,,,,"
        "cn.certificate.proof-of-life,status,set,retained\n",
        encoding="utf-8",
    )
    codes = sorted(p.code for p in villagecat.validate(path).problems)
    assert codes == ["merge-increase-only", "parent-version"]
    problem = next(p for p in villagecat.validate(path).problems if p.code == "parent-version")
    assert load_layer(NATIONAL).layer.version in problem.message_en


def test_descriptor_declares_format_layer_and_tabular_resources() -> None:
    data = descriptor(load_layer(NATIONAL))
    assert data["layer"]["id"] == "cn"
    assert data["villagecat"] == {"format": FORMAT_VERSION}
    assert data["$schema"] == "https://datapackage.org/profiles/2.0/datapackage.json"
    assert [r["name"] for r in data["resources"]] == [
        "documents",
        "clauses",
        "duties",
        "mechanisms",
        "signs",
        "sign_quotas",
        "certificates",
        "facilities",
        "obligations",
        "milestones",
        "overrides",
        "cancellations",
    ]
    assert json.loads((NATIONAL / "datapackage.json").read_text(encoding="utf-8")) == data


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_a_date_the_calendar_lacks_is_refused_in_every_date_field(tmp_path: Path, fmt: str) -> None:
    """2023-02-30 and 2023-13 had the shape of a date and were valid; the schemas still check only the shape."""
    from pydantic import ValidationError  # noqa: PLC0415

    from villagecat.models import Document, Milestone  # noqa: PLC0415

    shangdang = load_layer(NATIONAL.parent / "provinces" / "140000-shanxi" / "140404-shangdang")
    assert shangdang.milestones
    assert shangdang.layer.published is not None
    for good in ("2024", "2024-02", "2024-02-29", "2023-12-31"):
        assert Milestone.model_validate({**shangdang.milestones[0].model_dump(), "due": good}).due == good
    for bad, words in (("2023-02-29", "日历上没有 2023-02-29 这一天"), ("2023-13", "没有 2023-13 这个月")):
        with pytest.raises(ValidationError, match=words):
            Document.model_validate({**shangdang.documents[0].model_dump(), "issued": bad})
    folder = save_layer(shangdang, tmp_path / "shangdang", fmt=fmt)  # type: ignore[arg-type]
    edit(folder / f"milestones.{fmt}", "2023-08-10", "2023-02-30")
    descriptor_path = folder / "datapackage.json"
    data = json.loads(descriptor_path.read_text(encoding="utf-8"))
    data["layer"]["published"] = "2023-13"
    descriptor_path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    report = villagecat.validate(folder)
    found = {(p.file, p.field, p.message_zh.split("：")[-1]) for p in report.problems}
    assert found == {
        ("datapackage.json", "layer.published", "没有 2023-13 这个月（月份应为 01 至 12）"),
        (f"milestones.{fmt}", "due", "日历上没有 2023-02-30 这一天"),
    }
    many = validate_many([folder])[0]  # the fast path, as `villagecat validate` reads
    assert {(p.file, p.field) for p in many.problems} == {(f, fld) for f, fld, _ in found}


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_year_0000_is_no_date_for_villagecat_nor_for_the_published_schemas(tmp_path: Path, fmt: str) -> None:
    """0000 was valid while 0000-05 was refused, and diff rated a due date moved to 0000 as put off."""
    import jsonschema  # noqa: PLC0415

    from villagecat.schema import generate_schemas  # noqa: PLC0415

    shangdang = load_layer(NATIONAL.parent / "provinces" / "140000-shanxi" / "140404-shangdang")
    folder = save_layer(shangdang, tmp_path / "shangdang", fmt=fmt)  # type: ignore[arg-type]
    edit(folder / f"milestones.{fmt}", "2023-08-10", "0000")
    report = villagecat.validate(folder)
    assert [(p.file, p.field, p.message_zh.split("：")[-1]) for p in report.problems] == [
        (f"milestones.{fmt}", "due", "日期写作 2023-09-01、2023-09 或 2023（年份不能为 0000）（实际为“0000”）")
    ]
    assert validate_many([folder])[0].problems == report.problems
    milestone = {k: v for k, v in shangdang.milestones[0].model_dump(mode="json").items() if v is not None}
    schema = jsonschema.Draft202012Validator(generate_schemas()["milestone.schema.json"])
    assert schema.is_valid({**milestone, "due": "0001"})
    for bad in ("0000", "0000-05", "0000-05-07"):
        assert not schema.is_valid({**milestone, "due": bad}), bad


_SHANGDANG = NATIONAL.parent / "provinces" / "140000-shanxi" / "140404-shangdang"
_TEXT = "140404.document.implementation-plan#二(三)「相关部门应按程序报告区政府批准。」"


def _json_rows(path: Path) -> list[list[object]]:
    rows: list[list[object]] = json.loads(path.read_text(encoding="utf-8"))
    return rows


def _set_json_cell(path: Path, column: str, value: object, row: int = 1) -> None:
    rows = _json_rows(path)
    rows[row][rows[0].index(column)] = value
    path.write_text(json.dumps(rows), encoding="utf-8")  # ASCII: a lone surrogate is written \\ud800


def test_citation_text_is_for_csv_cells_the_json_form_holds_a_clause_id_or_an_object(tmp_path: Path) -> None:
    """In JSON villagecat took DOC#SECTION「quote」, which Ajv strict refuses: the JSON form follows its schema."""
    import jsonschema  # noqa: PLC0415

    from villagecat.schema import generate_schemas  # noqa: PLC0415

    folder = save_layer(load_layer(_SHANGDANG), tmp_path / "json", fmt="json")
    _set_json_cell(folder / "duties.json", "citations", [_TEXT])
    descriptor_path = folder / "datapackage.json"
    data = json.loads(descriptor_path.read_text(encoding="utf-8"))
    data["layer"]["admission"]["citations"] = [_TEXT]
    descriptor_path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    report = villagecat.validate(folder)
    words = (
        "在 JSON 形式中，出处应为条款标识（如 cn.clause.opinion-2-1）或出处对象 "
        '{"document": …, "section": …, "quote": …}，不能写作出处文字（实际为“' + _TEXT + "”）；"
        "“文件标识#条款「原文」”只用于 CSV 单元格"
    )
    found = {(p.file, p.row, p.field, p.message_zh) for p in report.problems}
    assert ("datapackage.json", None, "layer.admission.citations[0]", f"取值无效：{words}") in found
    assert ("duties.json", 2, "citations[0]", f"取值无效：{words}") in found
    assert {(p.file, p.field) for p in validate_many([folder])[0].problems} == {
        (p.file, p.field) for p in report.problems
    }
    duty = dict(zip(*(_json_rows(folder / "duties.json")[:2]), strict=True))
    duty = {k: v for k, v in duty.items() if v is not None}
    assert not jsonschema.Draft202012Validator(generate_schemas()["duty.schema.json"]).is_valid(duty)
    # The same text in a CSV cell is the cell's form, read and written back as a clause.
    csv = save_layer(load_layer(_SHANGDANG), tmp_path / "csv")
    first = (csv / "duties.csv").read_text(encoding="utf-8").splitlines()[1].split(",")[2]
    edit(csv / "duties.csv", first, _TEXT)
    assert villagecat.validate(csv).valid


def test_citation_text_of_a_format_1_json_package_is_read_as_the_object_it_wrote(tmp_path: Path) -> None:
    """Format 1's reader took citation text in JSON: upgrading to format 2 turns it into the object, nothing is lost."""
    folder = save_layer(load_layer(_SHANGDANG), tmp_path / "json", fmt="json")
    _set_json_cell(folder / "duties.json", "citations", [_TEXT])
    descriptor_path = folder / "datapackage.json"
    data = json.loads(descriptor_path.read_text(encoding="utf-8"))
    data["villagecat"] = {"format": 1}
    data["layer"]["admission"]["citations"] = [_TEXT]
    for resource in data["resources"]:
        resource["villagecat"]["rowSchema"] = resource["villagecat"]["rowSchema"].replace(":2:", ":1:")
    descriptor_path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    layer = load_layer(folder)
    quoted = "相关部门应按程序报告区政府批准。"
    assert [(c.section, c.quote) for c in layer.duties[0].citations] == [("二(三)", quoted)]
    assert layer.layer.admission is not None
    assert [(c.section, c.quote) for c in layer.layer.admission.citations] == [("二(三)", quoted)]


def test_every_integer_field_is_bounded_alike_by_villagecat_and_its_schemas(tmp_path: Path) -> None:
    """max_count 1e20 passed Ajv and was refused in pydantic English; 2⁶³ passed both."""
    import jsonschema  # noqa: PLC0415

    from villagecat.format.registry import kinds  # noqa: PLC0415
    from villagecat.models._base import MAX_COUNT  # noqa: PLC0415
    from villagecat.schema import generate_schemas  # noqa: PLC0415

    integers = [(k, f) for k in kinds() for f in k.fields if f.shape == "integer"]
    assert {f"{k.resource}.{f.name}" for k, f in integers} >= {"sign_quotas.max_count", "signs.precedence"}
    schemas = generate_schemas()
    for kind, spec in integers:
        assert spec.maximum == MAX_COUNT, spec.name
        prop = schemas[f"{kind.slug}.schema.json"]["properties"][spec.name]
        assert MAX_COUNT in [prop.get("maximum"), *(p.get("maximum") for p in prop.get("anyOf", []))], spec.name
    ninghe = NATIONAL.parent / "provinces" / "120000-tianjin" / "120117-ninghe"
    folder = save_layer(load_layer(ninghe), tmp_path / "json", fmt="json")
    quota = dict(zip(*(_json_rows(folder / "sign_quotas.json")[:2]), strict=True))
    quota = {k: v for k, v in quota.items() if v is not None}
    validator = jsonschema.Draft202012Validator(schemas["sign-quota.schema.json"])
    assert validator.is_valid({**quota, "max_count": MAX_COUNT})
    for big in (1e20, 2**63, MAX_COUNT + 1):
        assert not validator.is_valid({**quota, "max_count": big}), big
        _set_json_cell(folder / "sign_quotas.json", "max_count", big)
        (problem,) = villagecat.validate(folder).problems
        assert problem.field == "max_count"
        words = f"应为不大于 {MAX_COUNT} 的整数" if isinstance(big, float) else f"应不大于 {MAX_COUNT}"
        assert problem.message_zh.endswith(f"{words}（实际为“{big}”）"), problem.message_zh
    csv = save_layer(load_layer(ninghe), tmp_path / "csv")
    lines = (csv / "sign_quotas.csv").read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    cells = lines[1].split(",")
    cells[header.index("max_count")] = str(2**63)
    (csv / "sign_quotas.csv").write_text("\n".join([lines[0], ",".join(cells), *lines[2:]]) + "\n", encoding="utf-8")
    (problem,) = villagecat.validate(csv).problems
    assert (problem.field, problem.message_zh) == ("max_count", f"应不大于 {MAX_COUNT}（实际为“{2**63}”）")


def test_a_lone_surrogate_is_a_hidden_character_for_villagecat_and_for_its_schemas(tmp_path: Path) -> None:
    """ "a\\ud800b" in JSON was refused in pydantic English, and the published pattern took it."""
    import jsonschema  # noqa: PLC0415

    from villagecat.schema import generate_schemas  # noqa: PLC0415

    folder = save_layer(load_layer(_SHANGDANG), tmp_path / "json", fmt="json")
    _set_json_cell(folder / "duties.json", "name", "a\ud800b")
    (problem,) = villagecat.validate(folder).problems
    assert (problem.file, problem.row, problem.field) == ("duties.json", 2, "name")
    assert problem.message_zh.endswith(
        "不能含控制字符或不可见字符（如从网页复制带入的零宽字符、方向控制符）：含有 单独的代理码位（U+D800），请删去"
    )
    assert problem.message_en.endswith("it contains U+D800 SURROGATE")
    duty = dict(zip(*(_json_rows(folder / "duties.json")[:2]), strict=True))
    duty = {k: v for k, v in duty.items() if v is not None}
    validator = jsonschema.Draft202012Validator(generate_schemas()["duty.schema.json"])
    assert not validator.is_valid(duty)
    assert validator.is_valid({**duty, "name": "a\U0001f600b"})  # a pair is a character


def test_a_json_cell_of_the_wrong_type_is_refused_as_the_schemas_refuse_it(tmp_path: Path) -> None:
    """``true`` for an area, ``"1"`` for a count and ``1`` for a yes/no were coerced, and the package was valid."""
    ninghe = NATIONAL.parent / "provinces" / "120000-tianjin" / "120117-ninghe"
    folder = save_layer(load_layer(ninghe), tmp_path / "ninghe", fmt="json")
    edit(folder / "facilities.json", '"village", null, 300.0', '"village", null, true')
    edit(folder / "sign_quotas.json", '"horizontal", null, 1, true', '"horizontal", null, "1", 1')
    overrides = folder / "overrides.json"
    text = overrides.read_text(encoding="utf-8").rstrip().removesuffix("]")
    row = '["120117.override.t", "测试", ["120117.clause.work-plan-3-2-7"], null, [], null,'
    row += ' "cn.facility.community-service-facility", "min_floor_area_m2", "set", "300"]'
    overrides.write_text(f"{text},\n{row}\n]\n", encoding="utf-8")
    rows = len(load_layer(ninghe).overrides) + 2  # the header is row 1
    assert villagecat.validate(folder).valid is False
    for report in (villagecat.validate(folder), validate_many([folder])[0]):
        found = {(p.file, p.row, p.field, p.message_zh) for p in report.problems}
        assert found == {
            ("facilities.json", 2, "min_floor_area_m2", "应为数字（JSON 中不加引号，如 300），而不是真假值 true"),
            ("sign_quotas.json", 2, "max_count", '应为整数（JSON 中不加引号，如 3），而不是一段文字 "1"'),
            ("sign_quotas.json", 2, "exact", "应为真假值 true 或 false（不加引号），而不是一个数字 1"),
            ("overrides.json", rows, "value", '应为数字（JSON 中不加引号，如 300），而不是一段文字 "300"'),
        }, found


def test_one_bad_cell_in_a_document_row_is_one_problem(tmp_path: Path) -> None:
    """An impossible date in documents.csv also gave 99 problems saying the document does not exist."""
    import shutil  # noqa: PLC0415

    from conftest import NATIONAL  # noqa: PLC0415

    package = tmp_path / "national"
    shutil.copytree(NATIONAL, package)
    documents = package / "documents.csv"
    lines = documents.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[1] = lines[1].replace(",2022-08,", ",2022-02-30,")
    documents.write_text("".join(lines), encoding="utf-8")
    report = villagecat.validate(package)
    assert [(p.file, p.field) for p in report.problems] == [("documents.csv", "issued")]


def test_library_misuse_is_refused_with_villagecat_errors() -> None:
    """``validate(max_bytes=-1)`` was accepted, ``LayerPackage.of`` raised a bare ValueError, CHANGE_LEVELS mutable."""
    import pytest  # noqa: PLC0415

    from conftest import NATIONAL, invoke  # noqa: PLC0415
    from villagecat.diff import CHANGE_LEVELS  # noqa: PLC0415
    from villagecat.errors import InvalidRequestError  # noqa: PLC0415
    from villagecat.package import LayerPackage, load_layer  # noqa: PLC0415

    for bad in (-1, float("nan"), "10", True, 1.5):
        with pytest.raises(InvalidRequestError, match="读取上限应为正整数"):
            villagecat.validate(NATIONAL, max_bytes=bad)  # type: ignore[arg-type]
    assert invoke("validate", str(NATIONAL), "--max-bytes", "-1").code == 2  # a usage error
    with pytest.raises(InvalidRequestError, match="dutie"):
        LayerPackage.of(load_layer(NATIONAL).layer, {"dutie": ()})
    with pytest.raises(TypeError):
        CHANGE_LEVELS["duty-added"] = ("breaking", "")  # type: ignore[index]


def test_a_field_that_is_no_column_name_is_told_with_a_real_columns_example(tmp_path: Path) -> None:
    """It read 如 min_area_m2: no field is called so."""
    path = _county(tmp_path, {"id": "cn", "version_range": ">=0.1,<1"})
    overrides = path / "overrides.csv"
    header = overrides.read_text(encoding="utf-8").splitlines()[0]
    overrides.write_text(
        header + "\n120117.override.area,提高面积,cn.document.tingzi-2022-28#二(二)5,,,,"
        "cn.facility.community-service-facility,面积,set,250\n",
        encoding="utf-8",
    )
    (problem,) = villagecat.validate(path).problems
    assert (problem.file, problem.line, problem.field) == ("overrides.csv", 2, "field")
    assert problem.message_zh == (
        "字段写目标条目所在 CSV 文件的列名（小写英文字母、数字和下划线），"
        "如 min_floor_area_m2（见 docs/format.md 各字段）（实际为“面积”）"
    )
    assert villagecat.FacilityStandard.model_fields["min_floor_area_m2"]  # the example is a real field


def test_validate_many_takes_one_path_alone_as_one_package() -> None:
    """``validate_many("data/national")`` validated each character of the path (d, a, t, …), all unreadable."""
    for given in (NATIONAL, str(NATIONAL)):
        reports = validate_many(given)
        assert [(r.target, r.valid) for r in reports] == [(str(NATIONAL), True)]


@pytest.mark.parametrize("max_bytes", [0, -1, 1.5, "10", True])
def test_every_reader_refuses_a_read_limit_no_file_fits_under_as_validate_does(max_bytes: object) -> None:
    """``validate`` refused ``max_bytes=0``; ``load_layer`` and ``read_ledger`` said 超过上限 -1, or raised
    ``TypeError: '>' not supported`` for ``"10"``."""
    from villagecat.checks import read_ledger  # noqa: PLC0415 - the checks' reader, beside the package's

    readers: list[Callable[[], object]] = [
        lambda: villagecat.validate(NATIONAL, max_bytes=max_bytes),  # type: ignore[arg-type]
        lambda: load_layer(NATIONAL, max_bytes=max_bytes),  # type: ignore[arg-type]
        lambda: read_package(NATIONAL, max_bytes=max_bytes),  # type: ignore[arg-type]
        lambda: read_ledger(LEDGER, max_bytes=max_bytes),  # type: ignore[arg-type]
    ]
    for read in readers:
        with pytest.raises(InvalidRequestError, match=f"读取上限应为正整数（不是 {max_bytes}）"):
            read()


def _json_copy(tmp_path: Path, source: Path = NATIONAL) -> Path:
    return save_layer(load_layer(source), tmp_path / f"{source.name}-json", fmt="json")


def _lose_documents_id_column(package: Path) -> None:
    edit(package / "documents.csv", "id,title,", "idd,title,")


def _lose_documents_file(package: Path) -> None:
    (package / "documents.csv").unlink()


def _lose_clauses_file(package: Path) -> None:
    (package / "clauses.csv").unlink()


@pytest.mark.parametrize(
    ("mistake", "root", "unchecked"),
    [
        (
            _lose_documents_id_column,
            [("documents.csv", 1, "idd", "unknown-column"), ("documents.csv", 1, "id", "missing-column")],
            ("documents.csv", "因来源文件（documents）无法读取，未检查各条目引用的文件是否存在"),
        ),
        (
            _lose_documents_file,
            [("datapackage.json", None, "resources[0].path", "resource-missing")],
            ("datapackage.json", "因来源文件（documents）无法读取，未检查各条目引用的文件是否存在"),
        ),
        (
            _lose_clauses_file,
            [("datapackage.json", None, "resources[1].path", "resource-missing")],
            ("datapackage.json", "因条款（clauses）无法读取，未检查各条目引用的条款是否存在"),
        ),
    ],
)
def test_a_resource_not_read_is_its_mistake_and_one_line_not_a_hundred(
    national_copy: Path,
    mistake: Callable[[Path], None],
    root: list[tuple[str, int | None, str | None, str]],
    unchecked: tuple[str, str],
) -> None:
    """A table lost whole (its file, its id column) made every citation into it 'does not exist': 100-270 lines."""
    mistake(national_copy)
    problems = villagecat.validate(national_copy).problems
    assert [where(p) for p in problems] == [*root, (unchecked[0], None, None, "unchecked")]
    assert (problems[-1].file, problems[-1].message_zh) == unchecked


@pytest.mark.parametrize(
    ("text", "root"),
    [
        ('{"rows": []}', ("documents.json", None, None, "json-shape")),
        ("[{]", ("documents.json", 1, None, "json-syntax")),
    ],
)
def test_a_json_documents_file_of_the_wrong_shape_is_one_problem_and_one_note(
    tmp_path: Path, text: str, root: tuple[str, int | None, str | None, str]
) -> None:
    package = _json_copy(tmp_path)
    (package / "documents.json").write_text(text, encoding="utf-8")
    problems = villagecat.validate(package).problems
    assert [where(p) for p in problems] == [root, ("documents.json", None, None, "unchecked")]


def test_a_json_header_is_checked_once_not_in_every_row(tmp_path: Path) -> None:
    """A misspelt column in the header array was two problems in every row (unknown, and required missing)."""
    package = _json_copy(tmp_path)
    edit(package / "duties.json", '["id", "name",', '["id", "nmae",')
    problems = villagecat.validate(package).problems
    assert [where(p) for p in problems] == [
        ("duties.json", None, "nmae", "unknown-column"),
        ("duties.json", None, "name", "missing-column"),
    ]
    assert [p.row for p in problems] == [1, 1]


def test_an_unknown_clause_id_is_one_problem(national_copy: Path) -> None:
    """A clause id that names no clause was said twice: not in clauses, and not a citation's form."""
    edit(national_copy / "duties.csv", "cn.clause.villagers-committee-law", "cn.clause.villagers-committee-lav")
    problems = villagecat.validate(national_copy).problems
    assert [(p.file, p.field, p.code) for p in problems] == [("duties.csv", "citations[2]", "unknown-clause")]


def test_a_refused_clause_row_is_one_problem_not_one_per_citing_item(national_copy: Path) -> None:
    lines = (national_copy / "clauses.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    cells = lines[1].split(",")
    assert cells[0] == "cn.clause.tingzi-2022-28-2-1-1"
    lines[1] = ",".join([cells[0], "not-a-document-id", *cells[2:]])
    (national_copy / "clauses.csv").write_text("".join(lines), encoding="utf-8")
    problems = villagecat.validate(national_copy).problems
    assert [(p.file, p.line, p.field) for p in problems] == [("clauses.csv", 2, "document")]


def test_a_parent_given_with_a_resource_lost_is_said_once_in_its_child(tmp_path: Path) -> None:
    """The county was judged against its province's empty documents: each citation of them 'did not exist'."""
    import shutil  # noqa: PLC0415

    province = tmp_path / "140000"
    shutil.copytree(REPO / "data" / "provinces" / "140000-shanxi", province, ignore=shutil.ignore_patterns("140404*"))
    county = REPO / "data" / "provinces" / "140000-shanxi" / "140404-shangdang"
    (province / "documents.csv").unlink()
    _, child = validate_many([province, county])
    assert [(where(p), p.message_zh) for p in child.problems] == [
        (
            ("datapackage.json", None, "layer.parent.id", "unchecked"),
            "因上级层 140000 的来源文件（documents）无法读取，未检查各条目引用的文件是否存在",
        )
    ]


def test_a_parent_given_with_its_items_lost_leaves_the_operations_on_them_unjudged(
    national_copy: Path,
) -> None:
    """Every override of a national sign was an unknown target when the nation's signs.csv was missing."""
    county = REPO / "data" / "provinces" / "140000-shanxi" / "140404-shangdang"
    (national_copy / "signs.csv").unlink()
    _, child = validate_many([national_copy, county])
    assert [(where(p), p.message_zh) for p in child.problems] == [
        (
            ("datapackage.json", None, "layer.parent.id", "unchecked"),
            "因上级层 cn 的标牌标识（signs）无法读取，未检查以其中条目为目标的覆盖、取消和重申",
        )
    ]


def test_parents_may_be_given_by_their_paths_as_resolve_and_validate_layer_take_them(tmp_path: Path) -> None:
    # ``validate("xihu", parents=["zhejiang"])`` was refused (上级层应为 LayerPackage 的列表…，而不是 str)
    # while ``resolve(…, layers=["zhejiang"])`` and ``villagecat validate --layer zhejiang`` take the path.
    from layers import child_layer, province  # noqa: PLC0415
    from villagecat.validation import validate_layer  # noqa: PLC0415

    parent = save_layer(LayerPackage(layer=province()), tmp_path / "province")
    county = child_layer("430000", "430102")
    child = save_layer(county, tmp_path / "county")
    assert not villagecat.validate(child).valid
    assert villagecat.validate(child, parents=[parent]).valid
    assert villagecat.validate(child, parents=[str(parent)]).valid
    assert validate_layer(county, parents=[parent]).valid
    with pytest.raises(PackageReadError):
        villagecat.validate(child, parents=[tmp_path / "nowhere"])


def test_a_mistyped_document_id_is_told_with_the_registered_one_it_most_likely_means(tmp_path: Path) -> None:
    """``120117.document.workplan`` for ``work-plan`` was told 不存在 alone; ``quotes`` already named the likely one."""
    import shutil  # noqa: PLC0415

    folder = tmp_path / "ninghe"
    shutil.copytree(REPO / "data" / "provinces" / "120000-tianjin" / "120117-ninghe", folder)
    clauses = folder / "clauses.csv"
    lines = clauses.read_text(encoding="utf-8").split("\n")
    lines[1] = lines[1].replace(",120117.document.work-plan,", ",120117.document.workplan,", 1)
    clauses.write_text("\n".join(lines), encoding="utf-8")
    report = villagecat.validate(folder)
    (problem,) = [p for p in report.problems if p.file == "clauses.csv"]
    assert problem.message_zh.endswith("是否应为已登记的 120117.document.work-plan？"), problem.message_zh
    assert "did you mean 120117.document.work-plan" in problem.message_en


class _CountedId(str):
    """An id that counts how often it is compared for equality (the work of finding its duplicates)."""

    __slots__ = ()
    compared = 0

    def __eq__(self, other: object) -> bool:
        type(self).compared += 1
        return str.__eq__(self, other)

    __hash__ = str.__hash__


def test_many_rows_of_one_id_are_told_apart_at_a_cost_linear_in_the_rows() -> None:
    """A spreadsheet's row filled down 8,000 times took `validate` 4 s, 400,000 rows hours: each duplicate was
    compared with every row before it. One comparison a row (or a few) is what it takes.
    """
    package = load_layer(NATIONAL)
    duty = package.duties[0]
    rows = 2_000
    same = _CountedId(duty.id)
    duties = [duty.model_copy() for _ in range(rows)]
    for copy in duties:
        copy.__dict__["id"] = same  # as read: model_copy(update=...) would make it a plain str
    copied = LayerPackage.of(package.layer, {**{n: package.resource(n) for n in RESOURCES}, "duties": duties})
    problems: list[Problem] = []
    _CountedId.compared = 0
    _check_ids(copied, problems)
    assert [p.code for p in problems].count("duplicate-id") == rows - 1
    assert _CountedId.compared < 10 * rows


def test_a_key_written_twice_in_a_json_file_is_told_with_its_line(national_copy: Path, tmp_path: Path) -> None:
    """A hand-edited JSON file with a key twice was told without a place: 同一对象中键“id”出现两次, in which row?"""
    package = save_layer(load_layer(national_copy), tmp_path / "json", fmt="json")
    duties = package / "duties.json"
    rows = json.loads(duties.read_text(encoding="utf-8"))
    objects = [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]
    lines = [json.dumps(o, ensure_ascii=False) for o in objects]
    lines[2] = lines[2].replace("{", '{"id": "cn.duty.twice", ', 1)
    duties.write_text("[\n" + ",\n".join(lines) + "\n]\n", encoding="utf-8")
    for report in (villagecat.validate(package), *validate_many([package])):
        (problem,) = report.problems
        assert (problem.file, problem.line) == ("duties.json", 4)
        assert "“id”出现两次" in problem.message_zh
    descriptor = package / "datapackage.json"
    edit(descriptor, '"slug": ', '"slug": "twice", "slug": ')
    text = descriptor.read_text(encoding="utf-8")
    line = 1 + text[: text.index('"layer": {')].count("\n")  # the object that holds the key twice begins there
    with pytest.raises(PackageReadError) as raised:
        load_layer(package)
    assert f"第 {line} 行" in raised.value.message_zh
    assert "“slug”出现两次" in raised.value.message_zh


@pytest.mark.parametrize("many", [False, True])
def test_a_package_version_raised_by_hand_without_a_release_is_refused(national_copy: Path, many: bool) -> None:
    """A reviewer raised the descriptor's version (0.9.1 → 0.10.0) by hand: valid, the layer still 0.9.1, no release.

    The package's version and the layer's are one number, written together by ``villagecat release``.
    """
    path = national_copy / "datapackage.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    layer_version = data["layer"]["version"]
    data["version"] = "99.0.0"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    report = validate_many([national_copy])[0] if many else villagecat.validate(national_copy)
    (problem,) = report.problems
    assert where(problem) == ("datapackage.json", None, "version", "descriptor-version")
    assert "99.0.0" in problem.message_zh
    assert layer_version in problem.message_zh
    assert "villagecat release" in problem.message_zh


def test_a_hand_raised_version_is_read_to_use_and_mended_by_a_save(national_copy: Path) -> None:
    """Reading a layer to use it (diff, an earlier release) passes over it; a save writes the layer's in both."""
    path = national_copy / "datapackage.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["version"] = "99.0.0"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    package = load_layer(national_copy)  # as diff reads an earlier release: not refused
    assert package.layer.version == data["layer"]["version"]
    save_layer(package, national_copy)
    assert json.loads(path.read_text(encoding="utf-8"))["version"] == data["layer"]["version"]
    assert villagecat.validate(national_copy).valid


def test_upgrade_puts_a_hand_raised_version_back_and_says_so(national_copy: Path) -> None:
    """The refusal says villagecat upgrade puts it back: it does, and says what it mended."""
    from conftest import invoke  # noqa: PLC0415

    path = national_copy / "datapackage.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["version"] = "99.0.0"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    assert "villagecat upgrade" in invoke("validate", str(national_copy)).out
    result = invoke("upgrade", str(national_copy))
    assert result.code == 0, result.err
    assert "datapackage.json：数据包版本改为本层版本（手改的版本号）1 处" in result.out
    assert invoke("validate", str(national_copy)).code == 0
