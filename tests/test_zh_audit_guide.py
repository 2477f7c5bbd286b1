"""The Chinese self-inspection guide: its columns are the ledger's, and its examples print what it shows."""

from __future__ import annotations

import re
import shlex
from typing import TYPE_CHECKING

import pytest

from conftest import REPO, invoke

if TYPE_CHECKING:
    from pathlib import Path

GUIDE = REPO / "docs" / "guides" / "zh-audit.md"
_BLOCK = re.compile(r"```(?P<lang>\w+)(?: title=\"(?P<title>[^\"]+)\")?\n(?P<body>.*?)```", re.DOTALL)
_CODE = re.compile(r"\s+#\s*退出码\s*(\d)\s*$")


def _text() -> str:
    return GUIDE.read_text(encoding="utf-8")


def _column_rows() -> dict[str, str]:
    """The rows of the guide's table of columns, by their first cell (the column's title)."""
    text = _text()
    start = text.index("## 各列的名称和写法")
    section = text[start : text.index("\n## ", start + 1)]
    rows = [line.strip("|").split("|") for line in section.splitlines() if line.startswith("| ")]
    return {cells[0].strip(): "|".join(cells[1:]) for cells in rows}


def test_the_guide_lists_every_column_a_ledger_may_have() -> None:
    """A clerk who reads only Chinese had no page naming the ledger's columns: each is a row, by its first title."""
    from villagecat.checks._fields import FIELDS  # noqa: PLC0415

    rows = _column_rows()
    assert [t for t, *_ in FIELDS.values() if t not in rows] == []
    for first, *others in FIELDS.values():
        written = {w.strip() for w in rows[first].split("|")[0].split("、")}
        assert [o for o in others if o not in written] == [], first  # every other title the reader accepts


def _files(tmp_path: Path) -> None:
    """The guide's files: each CSV it shows, as the clerk's workbook too, and the CSV with a pasted GBK row."""
    openpyxl = pytest.importorskip("openpyxl")
    for block in _BLOCK.finditer(_text()):
        if block["lang"] != "csv" or not block["title"]:
            continue
        path = tmp_path / block["title"]
        path.write_text(block["body"], encoding="utf-8")
        book = openpyxl.Workbook()
        sheet = book.active
        assert sheet is not None
        for line in block["body"].splitlines():
            sheet.append([int(c) if c.isdigit() else (c or None) for c in line.split(",")])
        book.save(path.with_suffix(".xlsx"))
    lines = (tmp_path / "台账.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    (tmp_path / "粘贴后.csv").write_bytes("".join(lines[:3]).encode() + lines[-1].encode("gbk"))


def test_the_guides_examples_print_what_it_shows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each ``$ villagecat …`` shown with its output prints exactly that, and exits with the code it is marked with."""
    _files(tmp_path)
    monkeypatch.chdir(tmp_path)
    ran = []
    for block in _BLOCK.finditer(_text()):
        if block["lang"] != "console":
            continue
        for run in re.split(r"^\$ ", block["body"], flags=re.MULTILINE)[1:]:
            command, *shown = run.splitlines()
            argv = shlex.split(_CODE.sub("", command))
            if ">" in argv:  # a report saved to a file: it runs
                argv = argv[: argv.index(">")]
            result = invoke(*argv[1:])
            assert "Traceback" not in result.err, command
            if shown:
                assert (result.out + result.err).splitlines() == shown, command
                code = _CODE.search(command)
                assert code is not None, f"{command}: the guide says how it exits"
                assert result.code == int(code[1]), command
            ran.append(argv[1] if argv[1] != "check" else f"check {argv[2]}")
    for verb in ("audit", "check facility", "check signage", "admit"):
        assert verb in ran


def test_the_csv_ledger_reads_as_the_workbook(tmp_path: Path) -> None:
    """The guide says the CSV saved from the workbook gives the same report."""
    _files(tmp_path)
    xlsx = invoke("audit", str(tmp_path / "台账.xlsx"), "-j", "120117")
    csv = invoke("audit", str(tmp_path / "台账.csv"), "-j", "120117")
    assert "用 CSV 文件核查（`villagecat audit 台账.csv -j 120117`）结果相同" in _text()
    assert (csv.code, csv.out) == (xlsx.code, xlsx.out)


def test_the_file_type_and_delimiter_messages_are_what_they_print(tmp_path: Path) -> None:
    text = _text()
    (shown,) = [b["body"] for b in _BLOCK.finditer(text) if b["lang"] == "text" and "台账.xls" in b["body"]]
    (tmp_path / "台账.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504)
    (tmp_path / "台账.csv").write_text("村名;类别;名称\n东棘坨村;证明;健在证明\n", encoding="utf-8")
    printed = []
    for name in ("台账.xls", "台账.csv"):
        result = invoke("audit", str(tmp_path / name), "-j", "120117")
        assert result.code == 2, result.err
        printed.append(result.err.strip().replace(str(tmp_path / name), name))
    assert printed == shown.strip().splitlines()


def test_the_guide_says_how_to_audit_by_a_layer_not_shipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The clerk's publishing guide sends a county that made its own layer here, and this guide never said
    ``--layer``: without it the county is unknown. Its example runs, and the refusal is the one it quotes."""
    paragraph = _text()[_text().index("本地的目录是自己按") :].split("\n\n")[0].replace("\n", "")
    (command,) = re.findall(r"`(villagecat audit [^`]+--layer [^`]+)`", paragraph)
    (quoted,) = re.findall(r"说明“(.+?)”，并提示", paragraph)
    _files(tmp_path)
    monkeypatch.chdir(tmp_path)
    argv = shlex.split(command)
    jurisdiction = argv[argv.index("-j") + 1]
    folder = argv[argv.index("--layer") + 1]
    made = invoke("init", folder, "--level", "county", "--code", jurisdiction, "--name", "永吉县", "--parent", "220000")
    assert made.code == 0, made.err
    unknown = invoke(*argv[1 : argv.index("--layer")])
    assert (unknown.code, quoted in unknown.err) == (2, True), unknown.err
    result = invoke(*argv[1:])
    assert result.code in (0, 1), result.err
    assert result.out.startswith(f"永吉县（{jurisdiction}）· 台账核查")


def test_the_community_example_says_what_ninghe_gives_the_same_ledger(tmp_path: Path) -> None:
    """The guide says the community's ledger, a 提示 by reference in 田家庵区, is 不符合 in 宁河区 (村（社区）)."""
    assert "无依据的专人专岗对社区也是不符合，不写“参照执行”" in _text().replace("\n", "")
    _files(tmp_path)
    for code, level in (("340403", "[提示]"), ("120117", "[不符合]")):
        out = invoke("audit", str(tmp_path / "社区台账.xlsx"), "-j", code).out
        findings = [line for line in out.splitlines() if line.startswith("  [")]
        lines = [line for line in findings if "安全生产事务的责任主体" in line or "要求专人专岗" in line]
        assert len(lines) == 2, code
        assert all(line.lstrip().startswith(level) for line in lines), code
        assert all(("参照执行" in line) is (code == "340403") for line in lines), code
