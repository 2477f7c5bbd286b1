"""Every package villagecat ever wrote stays readable: format 0 is upgraded through the chain."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from typing import TYPE_CHECKING, Any

import pytest

import villagecat
from conftest import NATIONAL, REPO, edit, invoke
from villagecat.format import FORMAT_VERSION
from villagecat.format.upgrade import (
    RawPackage,
    RawTable,
    UnknownFormatError,
    declared_format,
    upgrade_0_1,
    upgrade_1_2,
)
from villagecat.package import load_layer, package_files, save_layer
from villagecat.registry import shipped_layer_paths

if TYPE_CHECKING:
    from pathlib import Path

_GIT = shutil.which("git") is not None and (REPO / ".git").exists()
needs_history = pytest.mark.skipif(not _GIT, reason="needs the repository's git history")


def _git(*args: str) -> str:
    return subprocess.run(["git", "-C", str(REPO), *args], capture_output=True, text=True, check=True).stdout  # noqa: S607


def _revisions(path: str) -> list[str]:
    return [line for line in _git("log", "--format=%h", "--", f"{path}/datapackage.json").split() if line]


def _layer_dirs() -> list[str]:
    return [p.relative_to(REPO / "src" / "villagecat").as_posix() for p in shipped_layer_paths()]


@needs_history
@pytest.mark.parametrize("path", _layer_dirs() if _GIT else [])
def test_every_revision_in_history_diffs_against_today(path: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """`villagecat diff REV:path path` reads every revision of every shipped layer, format 0 included."""
    monkeypatch.chdir(REPO)
    revisions = _revisions(path)
    assert revisions, path
    for revision in revisions:
        result = invoke("diff", f"{revision}:{path}", path, "--format", "json")
        assert result.code == 0, (revision, result.err)
        assert "Traceback" not in result.err


@needs_history
def test_the_first_shipped_national_layer_upgrades_and_validates(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(REPO)
    first = _revisions("data/national")[-1]
    result = invoke("upgrade", f"{first}:data/national", "-o", str(tmp_path / "national"))
    assert result.code == 0, result.err
    assert f"格式 0 → {FORMAT_VERSION}" in result.out
    assert villagecat.validate(tmp_path / "national").valid
    assert (tmp_path / "national" / "clauses.csv").is_file()


def test_shipped_layers_are_what_a_fresh_upgrade_writes(tmp_path: Path) -> None:
    """The shipped data is format 1, byte for byte what `villagecat upgrade` produces."""
    for path in shipped_layer_paths():
        out = tmp_path / path.name
        result = invoke("upgrade", str(path), "-o", str(out))
        assert result.code == 0, result.err
        for name in package_files(load_layer(path)):
            assert (out / name).read_bytes() == (path / name).read_bytes(), (path, name)


def test_format_declarations() -> None:
    assert declared_format({"profile": "tabular-data-package", "resources": []}) == 0
    assert declared_format({"villagecat": {"format": FORMAT_VERSION}}) == FORMAT_VERSION
    with pytest.raises(UnknownFormatError, match="upgrade villagecat"):
        declared_format({"villagecat": {"format": FORMAT_VERSION + 1}})
    with pytest.raises(UnknownFormatError):
        declared_format({"villagecat": {"format": "1"}})


def test_a_newer_format_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    package = tmp_path / "pkg"
    shutil.copytree(NATIONAL, package)
    text = (package / "datapackage.json").read_text(encoding="utf-8")
    (package / "datapackage.json").write_text(
        text.replace(f'"format": {FORMAT_VERSION}', '"format": 99'), encoding="utf-8"
    )
    result = invoke("validate", str(package))
    assert result.code == 2
    assert "请升级 villagecat" in result.out


def test_upgrade_0_1_renames_and_types_as_documented() -> None:
    raw = RawPackage(
        {"layer": {}},
        {
            "duties": RawTable(
                "csv", [(2, {"id": "cn.duty.x", "report_frequency": "monthly", "departments": "a|b\\c"})]
            ),
            "overrides": RawTable(
                "json",
                [
                    (1, {"target": "220000.facility.v", "field": "min_floor_area_m2", "value": "300"}),
                    (2, {"target": "220000.facility.v", "field": "function_areas", "op": "add", "value": "甲|乙"}),
                    (3, {"target": "cn.duty.x", "field": "report_frequency", "op": "add", "value": "yearly"}),
                ],
            ),
        },
    )
    upgraded = upgrade_0_1(raw)
    assert upgraded.descriptor["villagecat"] == {"format": 1}
    ((_, duty),) = upgraded.tables["duties"].rows
    assert duty == {"id": "cn.duty.x", "report_frequencies": "monthly", "departments": "a|b\\\\c"}
    values = [row["value"] for _, row in upgraded.tables["overrides"].rows]
    assert values == [300, ["甲", "乙"], ["yearly"]]
    assert upgraded.tables["overrides"].rows[2][1]["field"] == "report_frequencies"


def test_a_format_1_package_reads_as_format_2_and_upgrades_to_it(tmp_path: Path) -> None:
    """Format 2 adds sign_quotas.modality; a format-1 quota, which said nothing of it, reads as before."""
    ninghe = REPO / "data" / "provinces" / "120000-tianjin" / "120117-ninghe"
    old = tmp_path / "format-1"
    shutil.copytree(ninghe, old)
    descriptor = json.loads((old / "datapackage.json").read_text(encoding="utf-8"))
    descriptor["villagecat"] = {"format": 1}
    for resource in descriptor["resources"]:
        resource["villagecat"]["rowSchema"] = resource["villagecat"]["rowSchema"].replace(":2:", ":1:")
        if resource["name"] == "sign_quotas":  # format 1 had no such column
            fields = resource["schema"]["fields"]
            resource["schema"]["fields"] = [f for f in fields if f["name"] != "modality"]
    (old / "datapackage.json").write_text(json.dumps(descriptor, ensure_ascii=False, indent=2), encoding="utf-8")
    quotas = old / "sign_quotas.csv"
    lines = quotas.read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    at = header.index("modality")
    kept = [",".join(c for i, c in enumerate(line.split(",")) if i != at) for line in lines]
    quotas.write_text("\n".join(kept) + "\n", encoding="utf-8")
    raw = RawPackage({"villagecat": {"format": 1}}, {"sign_quotas": RawTable("csv", [(2, {"id": "x"})])})
    assert upgrade_1_2(raw).descriptor["villagecat"] == {"format": 2}
    assert upgrade_1_2(raw).tables["sign_quotas"].rows == [(2, {"id": "x"})]
    result = invoke("upgrade", str(old), "-o", str(tmp_path / "format-2"))
    assert result.code == 0, result.err
    assert "格式 1 → 2" in result.out
    upgraded = load_layer(tmp_path / "format-2")
    assert [q.modality for q in upgraded.sign_quotas] == [None, None, None]  # format 1 said nothing: must
    assert [q.id for q in upgraded.sign_quotas] == [q.id for q in load_layer(ninghe).sign_quotas]


def test_a_zip_is_not_upgraded_in_place_and_says_to_give_a_folder(tmp_path: Path) -> None:
    """Without -o, a zip's upgrade was written beside it, as a foreign folder with --force advised."""
    import zipfile  # noqa: PLC0415

    archive = tmp_path / "national.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        for file in NATIONAL.iterdir():
            zipped.write(file, file.name)
    result = invoke("upgrade", str(archive))
    assert (result.code, result.out) == (1, "")
    assert "是压缩包，不能就地改写；请用 -o 给出要写入的文件夹" in result.err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["national.zip"]
    assert invoke("upgrade", str(archive), "-o", str(tmp_path / "out")).code == 0


def _format_0(*, columns: dict[str, list[str]]) -> dict[str, Any]:
    """A descriptor as villagecat wrote it before the format was declared."""
    return {
        "profile": "tabular-data-package",
        "resources": [
            {"name": name, "profile": "tabular-data-resource", "schema": {"fields": [{"name": c} for c in cols]}}
            for name, cols in columns.items()
        ],
    }


def test_format_0_is_recognised_by_what_it_looked_like() -> None:
    """A descriptor without the key is format 0 only when it looks like format 0 and shows nothing later."""
    old = _format_0(columns={"duties": ["id", "report_frequency"], "sign_quotas": ["id", "max_count", "exact"]})
    assert declared_format(old) == 0
    assert declared_format({**old, "villagecat": None}) == 0
    with pytest.raises(UnknownFormatError, match="format could not be determined") as undetermined:
        declared_format({"resources": []})
    assert undetermined.value.message_zh == (
        'datapackage.json 未声明格式（缺少 "villagecat": {"format": …}），也无法判断其格式（不像格式 0 那样声明 '
        f'"profile": "tabular-data-package"）；请写明所用的格式，如 "villagecat": {{"format": {FORMAT_VERSION}}}'
    )
    later: dict[str, dict[str, Any]] = {
        "有 clauses 资源，应为格式 1 或以上": _format_0(columns={"clauses": ["id"]}),
        "资源 duties 有 aliases 列，应为格式 1 或以上": _format_0(columns={"duties": ["id", "aliases"]}),
        "资源 sign_quotas 有 modality 列，应为格式 2 或以上": _format_0(columns={"sign_quotas": ["modality"]}),
        "声明了 Data Package v2 的 $schema，应为格式 1 或以上": {
            "$schema": "https://datapackage.org/profiles/2.0/datapackage.json"
        },
        "资源 duties 的 rowSchema 为 urn:villagecat:schema:2:duty，应为格式 2 或以上": {
            **_format_0(columns={}),
            "resources": [{"name": "duties", "villagecat": {"rowSchema": "urn:villagecat:schema:2:duty"}}],
        },
    }
    for seen, descriptor in later.items():
        with pytest.raises(UnknownFormatError) as refused:
            declared_format(descriptor)
        assert f"但{seen}；villagecat 不猜格式" in refused.value.message_zh


@pytest.mark.parametrize("declaration", ["removed", None])
def test_a_later_package_that_lost_its_declaration_is_refused_not_read_as_format_0(
    national_copy: Path, declaration: str | None
) -> None:
    """Read as format 0, a list entry with an escaped | was split in three and upgrade wrote it so."""
    descriptor_path = national_copy / "datapackage.json"
    descriptor = json.loads(descriptor_path.read_text(encoding="utf-8"))
    documents = national_copy / "documents.csv"
    lines = documents.read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    cells = lines[1].split(",")
    cells[header.index("issuers")] = "A\\|B|C\\\\D"
    documents.write_text("\n".join([lines[0], ",".join(cells), *lines[2:]]) + "\n", encoding="utf-8")
    assert villagecat.load_layer(national_copy).documents[0].issuers == ("A|B", "C\\D")
    if declaration == "removed":
        del descriptor["villagecat"]
    else:
        descriptor["villagecat"] = None
    descriptor_path.write_text(json.dumps(descriptor, ensure_ascii=False, indent=2), encoding="utf-8")
    before = {p.name: p.read_bytes() for p in national_copy.iterdir()}
    for command in ("validate", "upgrade"):
        result = invoke(command, str(national_copy))
        assert result.code == 2, (command, result.out, result.err)
        shown = result.out + result.err
        assert "未声明格式" in shown
        assert f"应为格式 {FORMAT_VERSION} 或以上" in shown
        assert f'请写明所用的格式，如 "villagecat": {{"format": {FORMAT_VERSION}}}' in shown
    assert {p.name: p.read_bytes() for p in national_copy.iterdir()} == before


def test_a_declaration_without_its_format_says_it_is_missing(national_copy: Path) -> None:
    """{"villagecat": {"x": 1}} was reported as villagecat.format being null."""
    edit(national_copy / "datapackage.json", f'"format": {FORMAT_VERSION}', '"x": 1')
    result = invoke("validate", str(national_copy))
    assert result.code == 2
    assert f'villagecat 中缺少 format，应写明数据包的格式版本，如 "villagecat": {{"format": {FORMAT_VERSION}}}' in (
        result.out
    )
    assert "null" not in result.out


def test_upgrade_writes_beside_a_lower_layers_package_and_never_touches_it(tmp_path: Path) -> None:
    """A province upgraded into a new folder holding its county's package was refused as not villagecat's."""
    anhui = REPO / "data" / "provinces" / "340000-anhui"
    county = anhui / "340403-tianjiaan"
    out = tmp_path / "anhui"
    shutil.copytree(county, out / county.name)
    child = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in (out / county.name).iterdir()}
    result = invoke("upgrade", str(anhui), "-o", str(out))
    assert result.code == 0, result.err
    assert load_layer(out) == load_layer(anhui)
    assert {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in (out / county.name).iterdir()} == child
    assert sorted(p.name for p in out.iterdir() if p.is_dir()) == [county.name]
    # Anything else in the folder is still someone else's: --force, or another folder.
    stray = tmp_path / "stray"
    shutil.copytree(county, stray / county.name)
    (stray / "notes.txt").write_text("a clerk's notes", encoding="utf-8")
    refused = invoke("upgrade", str(anhui), "-o", str(stray))
    assert refused.code == 2
    assert "其中有 notes.txt" in refused.err


def test_upgrade_in_the_current_format_says_what_it_repaired_and_that_nothing_else_changed(tmp_path: Path) -> None:
    """upgrade printed 格式 2 → 2 after deleting blank rows and rewriting Excel's dates: the clerk could not tell
    what it had done, nor that nothing else had changed."""
    folder = save_layer(load_layer(NATIONAL), tmp_path / "pkg")
    documents = folder / "documents.csv"
    lines = documents.read_text(encoding="utf-8").splitlines()
    dated = [i for i, line in enumerate(lines) if re.search(r",\d{4}-\d{2}-\d{2},", line)][:2]
    for i in dated:  # as Excel saves an ISO date in a Chinese locale
        lines[i] = re.sub(r",(\d{4})-0?(\d+)-0?(\d+),", r",\1/\2/\3,", lines[i], count=1)
    blank = "," * (lines[0].count(","))
    documents.write_text("\n".join([*lines[:2], blank, *lines[2:], blank, blank]) + "\n", encoding="utf-8")
    duties = folder / "duties.csv"
    text = duties.read_text(encoding="utf-8")
    duties.write_text(text + "," * text.split("\n")[0].count(",") + "\n", encoding="utf-8")
    assert len(dated) == 2
    result = invoke("upgrade", str(folder))
    assert result.code == 0, result.err
    assert result.out == (
        f"{folder}：已是当前格式（格式 {FORMAT_VERSION}），重新写出时修复了：\n"
        "  documents.csv：空行 2 处，表格软件改写的日期 2 处\n"
        "  duties.csv：空行 1 处\n"
        "其余数据未改动\n"
    )
    assert load_layer(folder) == load_layer(NATIONAL)
    again = invoke("upgrade", str(folder))
    assert again.out == f"{folder}：已是当前格式（格式 {FORMAT_VERSION}），没有需要修复的内容，数据未改动\n"
    english = invoke("upgrade", str(folder), "--lang", "en")
    assert (
        english.out
        == f"{folder}: already in the current format ({FORMAT_VERSION}); nothing to repair, no data changed\n"
    )
    from villagecat._i18n import MESSAGES  # noqa: PLC0415
    from villagecat.package import REWRITTEN  # noqa: PLC0415

    assert {f"repaired-{code}" for code in REWRITTEN} <= set(MESSAGES)  # every kind it mends has its words
