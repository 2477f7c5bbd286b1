"""Writing: atomic per file, only a package's own files, killed at any instant and still readable."""

from __future__ import annotations

import contextlib
import dataclasses
import os
import shutil
import stat
import subprocess
import sys
import textwrap
import threading
from pathlib import Path
from typing import Literal

import pytest

import villagecat
from conftest import NATIONAL, invoke
from villagecat._write import atomic_write, package_lock, write_package
from villagecat.errors import InterruptedSaveWarning, StrayFileWarning, WriteRefusedError
from villagecat.models import Release
from villagecat.package import load_layer, package_files, save_layer


def _reading(folder: Path) -> contextlib.AbstractContextManager[object]:
    """Read a folder: where a killed write left its journal, the reader says so."""
    if (folder / ".villagecat-journal.json").exists():
        return pytest.warns(InterruptedSaveWarning)
    return contextlib.nullcontext()


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


def test_atomic_write_uses_the_umask_and_leaves_no_temporary(tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        written = atomic_write(tmp_path / "a.txt", b"hello")
    finally:
        os.umask(old)
    assert written.read_bytes() == b"hello"
    assert oct(written.stat().st_mode & 0o777) == oct(0o640)
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]


def test_saved_packages_follow_the_umask_not_0700(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        folder = save_layer(load_layer(NATIONAL), tmp_path / "pkg")
    finally:
        os.umask(old)
    assert oct(folder.stat().st_mode & 0o777) == oct(0o755)
    assert oct((folder / "duties.csv").stat().st_mode & 0o777) == oct(0o644)


def test_foreign_files_nested_packages_and_git_survive_a_save(tmp_path: Path) -> None:
    folder = save_layer(load_layer(NATIONAL), tmp_path / "pkg")
    (folder / "README.md").write_text("我的说明", encoding="utf-8")
    (folder / "source.pdf").write_bytes(b"%PDF-1.4")
    (folder / ".git").mkdir()
    (folder / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    child = save_layer(load_layer(NATIONAL), folder / "child")
    save_layer(load_layer(NATIONAL), folder, fmt="json")
    assert (folder / "README.md").read_text(encoding="utf-8") == "我的说明"
    assert (folder / "source.pdf").read_bytes() == b"%PDF-1.4"
    assert (folder / ".git" / "HEAD").is_file()
    assert load_layer(child) == load_layer(NATIONAL)
    # The CSV resources the old descriptor listed were villagecat's: they go, nothing else does.
    assert not (folder / "duties.csv").exists()
    assert (folder / "duties.json").is_file()
    assert load_layer(folder) == load_layer(NATIONAL)


def test_a_foreign_non_empty_folder_is_refused_and_untouched(tmp_path: Path) -> None:
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "todo.txt").write_text("x", encoding="utf-8")
    with pytest.raises(WriteRefusedError, match=r"todo\.txt"):
        save_layer(load_layer(NATIONAL), folder)
    assert [p.name for p in folder.iterdir()] == ["todo.txt"]
    save_layer(load_layer(NATIONAL), folder, force=True)
    assert (folder / "todo.txt").read_text(encoding="utf-8") == "x"
    assert load_layer(folder) == load_layer(NATIONAL)


def test_a_file_is_never_turned_into_a_folder(tmp_path: Path) -> None:
    archive = tmp_path / "pkg.zip"
    archive.write_bytes(b"PK\x05\x06" + b"\0" * 18)
    with pytest.raises(WriteRefusedError, match="not a folder"):
        save_layer(load_layer(NATIONAL), archive)
    assert archive.read_bytes() == b"PK\x05\x06" + b"\0" * 18
    folder = save_layer(load_layer(NATIONAL), tmp_path / "pkg")
    assert save_layer(load_layer(NATIONAL), folder / "datapackage.json") == folder


class _Killed(BaseException):
    """Stands for the process dying: not an Exception, so nothing catches it."""


@pytest.mark.parametrize("fail_at", range(12))
@pytest.mark.parametrize("operation", ["replace", "fsync", "write"])
def test_a_writer_killed_between_any_two_operations_leaves_old_or_new_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, operation: str, fail_at: int
) -> None:
    """Whatever operation fails, each file holds its old or its new bytes, and the package reads."""
    old_package = load_layer(NATIONAL)
    folder = save_layer(old_package, tmp_path / "pkg")
    before = _snapshot(folder)
    new_package = villagecat.LayerPackage(
        layer=old_package.layer.model_copy(
            update={
                "version": "9.0.0",
                "releases": (
                    *old_package.layer.releases,
                    Release(version="9.0.0", date="2026-11-22", notes="删去两项"),
                ),
            }
        ),
        documents=old_package.documents,
        clauses=old_package.clauses,
        certificates=old_package.certificates,
        facilities=old_package.facilities,
        duties=old_package.duties[:-1],
        signs=old_package.signs[:-1],
    )
    after = {name: text.encode("utf-8") for name, text in package_files(new_package).items()}
    calls = {"n": 0}
    real = {"replace": os.replace, "fsync": os.fsync, "write": os.write}

    def dying(*args: object, **kwargs: object) -> object:
        calls["n"] += 1
        if calls["n"] > fail_at:
            raise _Killed
        return real[operation](*args, **kwargs)  # type: ignore[operator]

    monkeypatch.setattr(os, operation, dying)
    try:
        write_package(folder, after)
        finished = True
    except _Killed:
        finished = False
    monkeypatch.undo()
    now = {name: data for name, data in _snapshot(folder).items() if ".villagecat-" not in name}
    for name, content in now.items():
        assert content in (before.get(name), after.get(name)), name
    with _reading(folder):
        assert villagecat.validate(folder).valid
    with _reading(folder):
        assert load_layer(folder).layer.version in (old_package.layer.version, "9.0.0")
    if finished:
        assert now == after
    # Dying again while putting back may leave the journal; the next write finishes from it.
    write_package(folder, after)
    assert _snapshot(folder) == after


def test_a_leftover_temporary_does_not_break_the_next_write(tmp_path: Path) -> None:
    folder = save_layer(load_layer(NATIONAL), tmp_path / "pkg")
    (folder / ".duties.csv.villagecat-dead.tmp").write_bytes(b"half")
    save_layer(load_layer(NATIONAL), folder)
    assert not list(folder.glob(".*.tmp"))


def test_the_lock_is_reentrant_and_leaves_nothing_behind(tmp_path: Path) -> None:
    with package_lock(tmp_path / "pkg"), package_lock(tmp_path / "pkg"):
        save_layer(load_layer(NATIONAL), tmp_path / "pkg")
    assert sorted(p.name for p in (tmp_path / "pkg").iterdir()) == sorted(package_files(load_layer(NATIONAL)))


_HOLD = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from villagecat._write import package_lock
    with package_lock(sys.argv[1]):
        print("locked", flush=True)
        time.sleep(1)
        Path(sys.argv[2]).write_text("released", encoding="utf-8")
    """
)


def test_a_second_writer_waits_for_the_first(tmp_path: Path) -> None:
    """A write that starts while another process holds the package's lock ends after it lets go."""
    folder = save_layer(load_layer(NATIONAL), tmp_path / "pkg")
    marker = tmp_path / "released"
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLD, str(folder), str(marker)], stdout=subprocess.PIPE, text=True
    )
    assert holder.stdout is not None
    assert holder.stdout.readline().strip() == "locked"
    assert not marker.exists()
    save_layer(load_layer(NATIONAL), folder)
    assert marker.exists()  # the save could only finish once the holder had released the lock
    holder.wait(timeout=10)
    holder.stdout.close()
    assert holder.returncode == 0


def test_a_file_a_user_listed_in_the_descriptor_is_never_deleted(tmp_path: Path) -> None:
    """``save_layer`` removed every file the old descriptor listed and the new one did not: a user's PDF too."""
    import json  # noqa: PLC0415

    folder = save_layer(load_layer(NATIONAL), tmp_path / "pkg")
    (folder / "工作方案.pdf").write_bytes(b"%PDF-1.4 the county's plan")
    descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    descriptor["resources"].append({"name": "plan", "path": "工作方案.pdf"})
    (folder / "datapackage.json").write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")
    save_layer(load_layer(NATIONAL), folder)
    assert (folder / "工作方案.pdf").read_bytes() == b"%PDF-1.4 the county's plan"
    json_form = save_layer(load_layer(NATIONAL), folder, fmt="json")  # villagecat's own CSVs go
    assert not list(json_form.glob("*.csv"))
    assert (folder / "工作方案.pdf").exists()


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="names an open file through /proc (Linux)")
def test_a_write_that_fails_part_way_leaves_the_old_package_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A full disk at one file left the files written before it new, beside old ones."""
    import errno  # noqa: PLC0415

    old = load_layer(NATIONAL)
    folder = save_layer(old, tmp_path / "pkg")
    before = _snapshot(folder)
    new = dataclasses.replace(old, duties=old.duties[:-1], obligations=old.obligations[:-1])
    real = os.fsync

    def full(fd: int) -> None:  # the disk fills up as obligations.csv, after duties.csv, is flushed
        if "obligations.csv" in str(Path(f"/proc/self/fd/{fd}").readlink()):
            raise OSError(errno.ENOSPC, "No space left on device")
        real(fd)

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(WriteRefusedError, match="磁盘空间不足"):
        save_layer(new, folder)
    monkeypatch.undo()
    assert _snapshot(folder) == before
    assert not [p for p in folder.iterdir() if ".villagecat-" in p.name]
    assert villagecat.validate(folder).valid


def test_a_single_file_output_never_overwrites_a_file_it_did_not_write(tmp_path: Path) -> None:
    """``export -o 笔记.txt`` and ``certificate render -o 西湖/certificates.csv`` overwrote the user's files."""
    from conftest import invoke  # noqa: PLC0415

    package = save_layer(load_layer(NATIONAL), tmp_path / "pkg")
    notes = tmp_path / "笔记.xlsx"
    notes.write_bytes(b"a workbook the clerk has been filling in")
    result = invoke("export", str(package), "-o", str(notes))
    assert (result.code, result.out) == (2, "")
    assert "文件已存在" in result.err
    assert notes.read_bytes() == b"a workbook the clerk has been filling in"
    assert invoke("export", str(package), "-o", str(notes), "--force").code == 0
    assert notes.read_bytes().startswith(b"PK")
    text = tmp_path / "笔记.txt"
    assert "应以 .xlsx 结尾" in invoke("export", str(package), "-o", str(text)).err
    assert not text.exists()
    before = _snapshot(package)
    for target in ("datapackage.json", "certificates.csv"):
        with pytest.raises(WriteRefusedError, match="数据包自己的文件"):
            atomic_write(package / target, b"x")
        with pytest.raises(WriteRefusedError, match="数据包自己的文件"):
            atomic_write(package / target, b"x", replace=False)
    assert _snapshot(package) == before
    fresh = tmp_path / "new.txt"
    atomic_write(fresh, b"1", replace=False)
    with pytest.raises(WriteRefusedError, match="文件已存在"):
        atomic_write(fresh, b"2", replace=False)
    assert fresh.read_bytes() == b"1"
    assert not [p for p in tmp_path.iterdir() if ".villagecat-" in p.name]


def test_a_file_the_package_never_listed_is_not_replaced_by_a_resource_of_its_name(tmp_path: Path) -> None:
    """Upgrading a format-0 package adds clauses.csv: a user's own clauses.csv beside it was overwritten."""
    import json  # noqa: PLC0415

    folder = save_layer(load_layer(NATIONAL), tmp_path / "pkg")
    descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    descriptor["resources"] = [r for r in descriptor["resources"] if r["path"] != "clauses.csv"]
    (folder / "datapackage.json").write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")
    (folder / "clauses.csv").write_bytes(b"my own notes on the clauses")
    before = _snapshot(folder)
    with pytest.raises(WriteRefusedError, match="数据包没有列出它"):
        save_layer(load_layer(NATIONAL), folder)
    assert _snapshot(folder) == before


def test_one_layer_is_never_written_over_another(tmp_path: Path) -> None:
    """``import``, ``patch`` and ``upgrade`` with ``-o`` on Shangdang's folder replaced it with Ninghe, exit 0."""
    from conftest import REPO, invoke  # noqa: PLC0415

    shangdang = tmp_path / "shangdang"
    shutil.copytree(REPO / "data" / "provinces" / "140000-shanxi" / "140404-shangdang", shangdang)
    before = _snapshot(shangdang)
    ninghe = load_layer(REPO / "data" / "provinces" / "120000-tianjin" / "120117-ninghe")
    with pytest.raises(WriteRefusedError, match="140404"):
        save_layer(ninghe, shangdang)
    with pytest.raises(WriteRefusedError):
        save_layer(ninghe, shangdang, force=True)
    workbook = tmp_path / "ninghe.xlsx"
    assert invoke("export", "120117", "-o", str(workbook)).code == 0
    result = invoke("import", str(workbook), "-o", str(shangdang))
    assert result.code == 2
    assert "文件夹中是另一层（140404）的数据包，不是 120117" in result.err
    assert invoke("upgrade", "120117", "-o", str(shangdang)).code == 2
    assert _snapshot(shangdang) == before


def test_force_never_writes_over_someone_else_s_descriptor(tmp_path: Path) -> None:
    """``--force`` writes beside the files, removing nothing, yet replaced a Frictionless survey's descriptor."""
    folder = tmp_path / "survey"
    folder.mkdir()
    (folder / "datapackage.json").write_text('{"name": "my-survey", "resources": []}', encoding="utf-8")
    with pytest.raises(WriteRefusedError, match=r"不是 villagecat 数据包的 datapackage\.json"):
        save_layer(load_layer(NATIONAL), folder, force=True)
    assert "my-survey" in (folder / "datapackage.json").read_text(encoding="utf-8")


def test_a_rewrite_keeps_the_descriptor_s_metadata_villagecat_did_not_write(tmp_path: Path) -> None:
    """``licenses`` and ``contributors`` a province added were dropped by every load and save."""
    import json  # noqa: PLC0415

    from conftest import invoke  # noqa: PLC0415

    folder = save_layer(load_layer(NATIONAL), tmp_path / "national")
    data = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    data["licenses"] = [{"name": "CC-BY-4.0"}]
    data["contributors"] = [{"title": "省民政厅"}]
    (folder / "datapackage.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    package = load_layer(folder)
    save_layer(dataclasses.replace(package, duties=package.duties[1:]), folder)
    assert invoke("release", str(folder), "--against", str(NATIONAL)).code == 0
    kept = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    assert (kept["licenses"], kept["contributors"]) == ([{"name": "CC-BY-4.0"}], [{"title": "省民政厅"}])
    assert invoke("validate", str(folder)).code == 0


def test_a_rewrite_keeps_a_resource_s_own_description(tmp_path: Path) -> None:
    """A resource's ``title`` or ``x-…`` note a province added was dropped by every rewrite (upgrade, release)."""
    import json  # noqa: PLC0415

    from conftest import invoke  # noqa: PLC0415

    folder = save_layer(load_layer(NATIONAL), tmp_path / "national")
    data = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    signs = next(r for r in data["resources"] if r["name"] == "signs")
    signs.update({"title": "标牌标识", "x-province-note": "本省补充"})
    (folder / "datapackage.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert invoke("validate", str(folder)).code == 0  # a publisher's description passes
    assert invoke("upgrade", str(folder)).code == 0
    package = load_layer(folder)
    save_layer(dataclasses.replace(package, signs=package.signs[1:]), folder)
    kept = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    signs = next(r for r in kept["resources"] if r["name"] == "signs")
    assert (signs["title"], signs["x-province-note"]) == ("标牌标识", "本省补充")
    assert all("x-province-note" not in r for r in kept["resources"] if r["name"] != "signs")
    assert invoke("validate", str(folder)).code == 0


def test_a_move_that_fails_part_way_puts_back_the_files_already_moved(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An I/O error at a later move left the files moved before it new, beside old ones."""
    import errno  # noqa: PLC0415

    old = load_layer(NATIONAL)
    folder = save_layer(old, tmp_path / "pkg")
    before = _snapshot(folder)
    new = dataclasses.replace(old, duties=old.duties[:-1], signs=old.signs[:-1])
    real = Path.replace

    def failing(self: Path, target: str | os.PathLike[str]) -> Path:
        if self.name.startswith(".signs.csv") and self.name.endswith(".tmp"):  # after duties.csv has moved
            raise OSError(errno.EIO, "Input/output error")
        return real(self, target)

    monkeypatch.setattr(Path, "replace", failing)
    with pytest.raises(WriteRefusedError):
        save_layer(new, folder)
    monkeypatch.undo()
    assert _snapshot(folder) == before
    assert not [p for p in folder.iterdir() if ".villagecat-" in p.name]
    assert villagecat.validate(folder).valid


# A write killed for real: a child process runs the CLI and signals itself right after a
# chosen step (the journal's move, a resource's, the descriptor's, a stale file's removal),
# so the point of death is exact, never a matter of timing.
_DIE_AT = textwrap.dedent(
    """
    import os, signal, sys
    from pathlib import Path
    from villagecat import _write
    from villagecat.cli import run

    folder, at, sig, fmt = sys.argv[1], sys.argv[2], getattr(signal, sys.argv[3]), sys.argv[4]
    commit, unlink, moves = _write._commit, Path.unlink, [0]

    def commit_then_die(temporary, target, *, replace=True):
        commit(temporary, target, replace=replace)
        moves[0] += 1
        if at.isdigit() and moves[0] == int(at):
            os.kill(os.getpid(), sig)

    def unlink_then_die(self, missing_ok=False):
        unlink(self, missing_ok=missing_ok)
        if at == "stale" and ".villagecat-" not in self.name and self.suffix == ".csv":
            os.kill(os.getpid(), sig)

    _write._commit, Path.unlink = commit_then_die, unlink_then_die
    code = run(["upgrade", folder, "--format", fmt], sys.stdout, sys.stderr)
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL, "the CLI put back the handler it found"
    sys.exit(code)
    """
)

#: Where the child dies: after the journal is in place, after one resource, half of them,
#: all but the descriptor, the descriptor, and the first stale CSV's removal.
_POINTS = ("journal", "one", "half", "no-descriptor", "descriptor", "stale")


def _die_at(folder: Path, point: str, signal_name: str, fmt: str = "json") -> subprocess.CompletedProcess[str]:
    moves = len(package_files(load_layer(NATIONAL), "json")) + 1  # the journal's move, then each file's
    at = {"journal": 1, "one": 2, "half": moves // 2, "no-descriptor": moves - 1, "descriptor": moves}
    return subprocess.run(
        [sys.executable, "-c", _DIE_AT, str(folder), str(at.get(point, point)), signal_name, fmt],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def _user_files(folder: Path) -> dict[str, bytes]:
    """A README and a notes folder the user keeps beside the package."""
    (folder / "README.md").write_text("本县目录的说明", encoding="utf-8")
    (folder / "notes").mkdir()
    (folder / "notes" / "会议纪要.txt").write_text("纪要", encoding="utf-8")
    return _theirs(folder)


def _theirs(folder: Path) -> dict[str, bytes]:
    return {"README.md": (folder / "README.md").read_bytes(), "notes": (folder / "notes" / "会议纪要.txt").read_bytes()}


def _package_files(folder: Path) -> dict[str, bytes]:
    """The folder's files but the user's (a journal or a temporary left behind included)."""
    return {name: data for name, data in _snapshot(folder).items() if name != "README.md"}


@pytest.mark.parametrize("point", _POINTS)
@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_a_conversion_killed_at_any_step_is_finished_by_the_next_write(
    tmp_path: Path, point: str, fmt: Literal["csv", "json"]
) -> None:
    """SIGKILL between the moves left documents.json… beside the CSVs; writing again was refused.

    Killed at any step, the folder holds a valid package (the old one, or the new one once
    its descriptor has landed) and the user's files; the next write, in either format, ends
    with exactly that format's files, nothing left over.
    """
    folder = save_layer(load_layer(NATIONAL), tmp_path / "pkg")
    theirs = _user_files(folder)
    killed = _die_at(folder, point, "SIGKILL")
    assert killed.returncode == -9, killed.stderr
    with _reading(folder):
        assert villagecat.validate(folder).valid
    with _reading(folder):
        assert load_layer(folder) == load_layer(NATIONAL)
    assert _theirs(folder) == theirs

    save_layer(load_layer(NATIONAL), folder, fmt=fmt)
    expected = _snapshot(save_layer(load_layer(NATIONAL), tmp_path / "expected", fmt=fmt))
    assert _package_files(folder) == expected
    assert _theirs(folder) == theirs


@pytest.mark.parametrize("point", _POINTS)
def test_sigterm_rolls_a_write_back_as_ctrl_c_does(tmp_path: Path, point: str) -> None:
    """``kill`` (and a CI timeout) sends SIGTERM, which killed a write between two moves."""
    folder = save_layer(load_layer(NATIONAL), tmp_path / "pkg")
    theirs = _user_files(folder)
    before = _package_files(folder)
    terminated = _die_at(folder, point, "SIGTERM")
    assert terminated.returncode == 143, terminated.stderr
    assert terminated.stderr == "\nvillagecat: 已终止（收到 SIGTERM）\n"
    assert _theirs(folder) == theirs
    assert villagecat.validate(folder).valid
    if point != "stale":  # before the descriptor's move returned: rolled back, nothing left behind
        assert _package_files(folder) == before
    save_layer(load_layer(NATIONAL), folder, fmt="json")  # after it: the next write finishes
    assert _package_files(folder) == _snapshot(save_layer(load_layer(NATIONAL), tmp_path / "expected", fmt="json"))


@pytest.mark.parametrize(("signal_name", "code", "said"), [("SIGTERM", 143, "已终止"), ("SIGINT", 130, "已中断")])
def test_a_signal_once_the_descriptor_has_landed_lets_the_save_finish_and_leaves_nothing_behind(
    tmp_path: Path, signal_name: str, code: int, said: str
) -> None:
    """Ctrl-C or SIGTERM during the clean-up left the journal and hidden ``.old`` copies in the user's folder.

    Once the descriptor has landed the save cannot be undone (a stale file is gone): it is
    finished, then the command ends as interrupted.
    """
    folder = save_layer(load_layer(NATIONAL), tmp_path / "pkg")
    theirs = _user_files(folder)
    ended = _die_at(folder, "stale", signal_name)
    assert ended.returncode == code, ended.stderr
    assert said in ended.stderr
    assert _theirs(folder) == theirs
    assert _package_files(folder) == _snapshot(save_layer(load_layer(NATIONAL), tmp_path / "expected", fmt="json"))


def test_a_file_the_journal_names_but_someone_changed_is_refused_and_kept(tmp_path: Path) -> None:
    """The journal proves a file villagecat's only while it holds the bytes villagecat wrote."""
    folder = save_layer(load_layer(NATIONAL), tmp_path / "pkg")
    theirs = _user_files(folder)
    assert _die_at(folder, "half", "SIGKILL").returncode == -9
    moved = sorted(p.name for p in folder.glob("[!.]*.json") if p.name != "datapackage.json")
    assert moved
    (folder / moved[0]).write_bytes(b'{"mine": "edited after the crash"}')
    journal = (folder / ".villagecat-journal.json").read_bytes()
    after_refusal = _package_files(folder)
    for fmt in ("json", "csv"):
        with pytest.raises(WriteRefusedError, match="此后又被改过") as refused:
            save_layer(load_layer(NATIONAL), folder, fmt=fmt)
        assert refused.value.path == str(folder / moved[0])
    assert (folder / moved[0]).read_bytes() == b'{"mine": "edited after the crash"}'
    assert (folder / ".villagecat-journal.json").read_bytes() == journal  # kept, for when it is moved away
    assert _package_files(folder) == after_refusal  # nothing the journal names was touched
    with _reading(folder):
        assert villagecat.validate(folder).valid
    (folder / moved[0]).rename(tmp_path / moved[0])
    save_layer(load_layer(NATIONAL), folder)
    assert _package_files(folder) == _snapshot(save_layer(load_layer(NATIONAL), tmp_path / "expected"))
    assert _theirs(folder) == theirs


def test_a_stale_file_someone_changed_after_the_descriptor_landed_is_left_and_named(tmp_path: Path) -> None:
    """The CSVs a conversion to JSON removes go only while they hold villagecat's bytes."""
    folder = save_layer(load_layer(NATIONAL), tmp_path / "pkg")
    assert _die_at(folder, "descriptor", "SIGKILL").returncode == -9
    (folder / "duties.csv").write_bytes(b"my own edit")
    with pytest.warns(StrayFileWarning, match=r"duties\.csv") as warned:
        save_layer(load_layer(NATIONAL), folder, fmt="json")
    assert [w.message.names for w in warned if isinstance(w.message, StrayFileWarning)] == [("duties.csv",)]
    assert (folder / "duties.csv").read_bytes() == b"my own edit"
    assert sorted(p.name for p in folder.glob("*.csv")) == ["duties.csv"]


def test_resource_files_nothing_proves_villagecat_s_are_left_and_the_cli_says_so(tmp_path: Path) -> None:
    """An earlier villagecat, killed converting to JSON, left documents.json with no journal.

    Nothing proves it villagecat's: a write in CSV leaves it and says so on one line; one in
    JSON refuses to replace it, as any file the package does not list.
    """
    from conftest import invoke  # noqa: PLC0415

    folder = save_layer(load_layer(NATIONAL), tmp_path / "pkg")
    json_form = save_layer(load_layer(NATIONAL), tmp_path / "json", fmt="json")
    (folder / "documents.json").write_bytes((json_form / "documents.json").read_bytes())
    result = invoke("upgrade", str(folder))
    assert result.code == 0, result.err
    assert result.err == (
        f"villagecat: 注意：{folder}：文件夹中还有 documents.json：数据包没有列出，也没有记录证明是 villagecat 写的，"
        "所以没有删除；如果是早先中断的写入留下的，请自行删除\n"
    )
    assert (folder / "documents.json").read_bytes() == (json_form / "documents.json").read_bytes()
    refused = invoke("upgrade", str(folder), "--format", "json")
    assert refused.code == 2
    assert "也没有哪次中断的 villagecat 写入记下它" in refused.err


def test_a_journal_villagecat_did_not_write_proves_nothing(tmp_path: Path) -> None:
    """A journal in a package someone sent may name only villagecat's files, with their digests."""
    import hashlib  # noqa: PLC0415
    import json  # noqa: PLC0415

    folder = save_layer(load_layer(NATIONAL), tmp_path / "pkg")
    theirs = _user_files(folder)
    (folder / "duties.json").write_bytes(b"[]")
    readme = hashlib.sha256(theirs["README.md"]).hexdigest()
    forged = {
        "journal": "villagecat",
        "version": 1,
        "placed": [
            {"name": "README.md", "old": None, "new": readme, "aside": None},
            {"name": "duties.json", "old": None, "new": hashlib.sha256(b"[]").hexdigest(), "aside": None},
        ],
        "removed": [],
    }
    (folder / ".villagecat-journal.json").write_text(json.dumps(forged), encoding="utf-8")
    with pytest.raises(WriteRefusedError, match="也没有哪次中断的 villagecat 写入记下它"):
        save_layer(load_layer(NATIONAL), folder, fmt="json")
    assert _theirs(folder) == theirs
    assert (folder / "duties.json").read_bytes() == b"[]"
    national = load_layer(NATIONAL)
    with pytest.warns(StrayFileWarning):  # a write that changes a file (one that changes none writes no journal)
        save_layer(dataclasses.replace(national, duties=national.duties[:-1]), folder)
    assert not (folder / ".villagecat-journal.json").exists()  # replaced by the write's own, then removed
    assert _theirs(folder) == theirs


def _unblock_later(fifo: Path) -> threading.Timer:
    """Open the FIFO's other end after a while: a writer that opens it to read then gets an end, not a hang."""

    def open_and_close() -> None:
        with contextlib.suppress(OSError):
            fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
            os.close(fd)

    timer = threading.Timer(5, open_and_close)
    timer.daemon = True
    timer.start()
    return timer


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
@pytest.mark.parametrize("name", ["duties.csv", "datapackage.json", ".villagecat-journal.json"])
def test_a_fifo_in_a_package_file_s_place_is_refused_not_read(tmp_path: Path, name: str) -> None:
    """A FIFO where duties.csv goes hung save_layer for ever: its old bytes' digest read the FIFO.

    Its descriptor (whose folder is it?) and the journal of a killed write were read the same way.
    """
    package = load_layer(NATIONAL)
    folder = save_layer(package, tmp_path / "n")
    (folder / name).unlink(missing_ok=True)
    os.mkfifo(folder / name)
    timer = _unblock_later(folder / name)
    try:
        with pytest.raises(WriteRefusedError) as refused:
            save_layer(package, folder, force=True)
    finally:
        timer.cancel()
    assert refused.value.where == str(folder / name)
    # a descriptor that does not read is no villagecat package's: refused as another's datapackage.json
    assert ("不是普通文件" if name != "datapackage.json" else "不是 villagecat 数据包") in str(refused.value)
    assert stat.S_ISFIFO((folder / name).lstat().st_mode)


def test_a_loop_of_links_is_refused_in_one_line_not_a_crash(tmp_path: Path) -> None:
    """A folder that is a link to itself ended ``save_layer``, ``validate`` and ``init`` in RuntimeError (exit 3)."""
    loop = tmp_path / "loop"
    loop.symlink_to(loop)
    with pytest.raises(WriteRefusedError, match="符号链接过多或形成循环"):
        save_layer(load_layer(NATIONAL), loop)
    report = villagecat.validate(loop)
    assert not report.readable
    assert "符号链接过多或形成循环" in report.problems[0].describe("zh")
    for args in (["validate", str(loop)], ["validate", str(loop / "duties.csv")]):
        result = invoke(*args)
        assert (result.code, "符号链接过多或形成循环" in result.out + result.err) == (2, True), args
    made = invoke("init", str(loop), "--level", "county", "--code", "220102", "--name", "南关区", "--parent", "220000")
    assert made.code == 2
    assert "符号链接过多或形成循环" in made.err
