"""Commands that write never destroy what villagecat did not write, and refuse clearly.

Each case asserts the exit code, the message (the path, in Chinese) and that nothing
outside the package's own files was touched.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import villagecat
from conftest import NATIONAL, invoke
from villagecat import authoring
from villagecat.package import load_layer, save_layer

TIANJIN = NATIONAL.parent / "provinces" / "120000-tianjin"


def _users_folder(tmp_path: Path) -> Path:
    """A package folder as a user keeps it: a git repository with notes and a nested child package."""
    folder = tmp_path / "repo"
    save_layer(load_layer(TIANJIN), folder)
    save_layer(load_layer(TIANJIN / "120117-ninghe"), folder / "120117-ninghe")
    (folder / "笔记.md").write_text("会议纪要", encoding="utf-8")
    (folder / "原文.pdf").write_bytes(b"%PDF-1.7 source")
    (folder / ".git").mkdir()
    (folder / ".git" / "config").write_text("[core]\n", encoding="utf-8")
    return folder


def _foreign(folder: Path) -> dict[str, bytes]:
    return {
        "笔记.md": (folder / "笔记.md").read_bytes(),
        "原文.pdf": (folder / "原文.pdf").read_bytes(),
        ".git/config": (folder / ".git" / "config").read_bytes(),
    }


def _assert_kept(folder: Path, before: dict[str, bytes]) -> None:
    assert _foreign(folder) == before
    assert villagecat.validate(folder / "120117-ninghe").valid


def test_import_into_a_users_package_keeps_everything_else(tmp_path: Path) -> None:
    folder = _users_folder(tmp_path)
    before = _foreign(folder)
    assert invoke("export", str(folder), "-o", str(tmp_path / "tj.xlsx")).code == 0
    result = invoke("import", str(tmp_path / "tj.xlsx"), "-o", str(folder))
    assert result.code == 0, result.out + result.err
    _assert_kept(folder, before)
    assert load_layer(folder) == load_layer(TIANJIN)


def test_patch_into_a_users_package_keeps_everything_else(tmp_path: Path) -> None:
    folder = _users_folder(tmp_path)
    before = _foreign(folder)
    (tmp_path / "empty.json").write_text("[]", encoding="utf-8")
    result = invoke("patch", str(folder), str(tmp_path / "empty.json"), "-o", str(folder))
    assert result.code == 0, result.err
    _assert_kept(folder, before)


def test_release_of_a_users_package_keeps_everything_else(tmp_path: Path) -> None:
    folder = _users_folder(tmp_path)
    before = _foreign(folder)
    text = (folder / "documents.csv").read_text(encoding="utf-8")
    (folder / "documents.csv").write_text(text.replace("津民发〔2023〕3号", "津民发〔2023〕3 号"), encoding="utf-8")
    result = invoke("release", str(folder / "datapackage.json"), "--against", str(TIANJIN), "--date", "2026-11-22")
    assert result.code == 0, result.err
    _assert_kept(folder, before)
    assert load_layer(folder).layer.releases[-1].date == "2026-11-22"


def test_import_into_the_current_folder_made_by_init(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The README that init writes recommends `villagecat import 目录.xlsx -o .`."""
    folder = tmp_path / "西湖区"
    assert invoke("init", str(folder), "--level", "county", "--code", "330106", "--name", "西湖区").code == 0
    readme = (folder / "README.md").read_bytes()
    assert invoke("export", str(folder), "-o", str(tmp_path / "目录.xlsx")).code == 0
    monkeypatch.chdir(folder)
    result = invoke("import", str(tmp_path / "目录.xlsx"), "-o", ".")
    assert result.code == 0, result.out + result.err
    assert (folder / "README.md").read_bytes() == readme
    assert villagecat.validate(folder).valid


def test_a_foreign_folder_is_refused_unless_forced(tmp_path: Path) -> None:
    assert invoke("export", str(NATIONAL), "-o", str(tmp_path / "n.xlsx")).code == 0
    folder = tmp_path / "文件"
    folder.mkdir()
    (folder / "合同.docx").write_bytes(b"docx")
    refused = invoke("import", str(tmp_path / "n.xlsx"), "-o", str(folder))
    assert refused.code == 2
    assert "文件夹不是空的，也不是 villagecat 数据包" in refused.err
    assert "合同.docx" in refused.err
    assert "Traceback" not in refused.err
    assert [p.name for p in folder.iterdir()] == ["合同.docx"]
    forced = invoke("import", str(tmp_path / "n.xlsx"), "-o", str(folder), "--force")
    assert forced.code == 0, forced.err
    assert (folder / "合同.docx").read_bytes() == b"docx"


def test_release_of_a_zip_is_refused_and_the_zip_kept(tmp_path: Path) -> None:
    archive = tmp_path / "pkg.zip"
    import zipfile  # noqa: PLC0415

    with zipfile.ZipFile(archive, "w") as zf:
        for file in NATIONAL.iterdir():
            zf.write(file, file.name)
    before = archive.read_bytes()
    result = invoke("release", str(archive), "--against", str(NATIONAL))
    assert result.code == 2
    assert "这是一个文件而不是文件夹" in result.err
    assert archive.read_bytes() == before


@pytest.mark.parametrize(
    "argv",
    [
        ["schema", "-o", "/proc/villagecat-x"],
        ["export", str(NATIONAL), "-o", "/proc/villagecat-x.xlsx"],
        ["import", "WORKBOOK", "-o", "/proc/villagecat-x"],
    ],
    ids=["schema", "export", "import"],
)
def test_unwritable_targets_exit_two_with_a_message(tmp_path: Path, argv: list[str]) -> None:
    if not Path("/proc/self").exists():
        pytest.skip("needs /proc")
    if "WORKBOOK" in argv:
        assert invoke("export", str(NATIONAL), "-o", str(tmp_path / "n.xlsx")).code == 0
        argv = [str(tmp_path / "n.xlsx") if a == "WORKBOOK" else a for a in argv]
    result = invoke(*argv)
    assert result.code == 2, result.err
    assert "/proc/villagecat-x" in result.err
    assert "无法" in result.err
    assert "Traceback" not in result.err


def test_init_with_a_bad_code_is_one_clear_error(tmp_path: Path) -> None:
    result = invoke("init", str(tmp_path / "x"), "--level", "county", "--code", "33010", "--name", "某区")
    assert result.code == 1
    assert "行政区划代码应为 6 位数字" in result.err
    assert not (tmp_path / "x").exists()


def test_an_invalid_patch_writes_nothing(tmp_path: Path) -> None:
    duty = json.loads(json.dumps(load_layer(NATIONAL).duties[0].model_dump(mode="json", exclude_none=True)))
    operations = [
        {"op": "add", "path": "/items/duties/cn.duty.copy", "value": {**duty, "id": "cn.duty.publicise-party-policy"}},
        {"op": "add", "path": "/order/duties/-", "value": "cn.duty.copy"},
    ]
    (tmp_path / "bad.json").write_text(json.dumps(operations), encoding="utf-8")
    result = invoke("patch", str(NATIONAL), str(tmp_path / "bad.json"), "-o", str(tmp_path / "out"))
    assert result.code == 1
    assert "重复" in result.err
    assert "未写入任何文件" in result.err
    assert not (tmp_path / "out").exists()


def test_release_dates_are_in_china_standard_time(monkeypatch: pytest.MonkeyPatch) -> None:
    class _Clock(dt.datetime):
        @classmethod
        def now(cls, tz: dt.tzinfo | None = None) -> _Clock:
            instant = dt.datetime(2026, 11, 22, 23, 30, tzinfo=dt.timezone.utc)  # 07:30 on the 23rd in Beijing
            return cls.fromtimestamp(instant.timestamp(), tz=tz)

    monkeypatch.setattr(dt, "datetime", _Clock)
    assert authoring.today_in_china() == dt.date(2026, 11, 23)


_RELEASE = """
import io, sys
from villagecat.cli import run
sys.exit(run(["release", sys.argv[1], "--against", sys.argv[2], "--notes", sys.argv[3]], io.StringIO(), sys.stderr))
"""


def test_two_concurrent_releases_both_finish_and_lose_nothing(tmp_path: Path) -> None:
    folder = save_layer(load_layer(NATIONAL), tmp_path / "n")
    text = (folder / "facilities.csv").read_text(encoding="utf-8").replace(",30,", ",35,")
    (folder / "facilities.csv").write_text(text, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    runs = [
        subprocess.Popen(
            [sys.executable, "-c", _RELEASE, str(folder), str(NATIONAL), notes],
            env=env,
            stderr=subprocess.PIPE,
            text=True,
        )
        for notes in ("第一次发布", "第二次发布")
    ]
    outcomes = [(run.wait(timeout=60), run.communicate()[1]) for run in runs]
    assert [code for code, _ in outcomes] == [0, 0], outcomes
    layer = load_layer(folder).layer
    minor = authoring.bump_version(load_layer(NATIONAL).layer.version, "minor")  # a tightening: minor
    assert layer.version == minor
    entries = [r for r in layer.releases if r.version == minor]
    assert len(entries) == 1
    assert entries[0].notes in ("第一次发布", "第二次发布")
    assert villagecat.validate(folder).valid
