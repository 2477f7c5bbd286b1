"""The Chinese guide for civil-affairs staff, followed step by step from an empty folder."""

from __future__ import annotations

import json
import re
import shlex
import shutil
from typing import TYPE_CHECKING

import pytest

from conftest import REPO, invoke

if TYPE_CHECKING:
    from pathlib import Path

GUIDE = REPO / "docs" / "guides" / "zh-publish.md"
_BLOCK = re.compile(r"```(?P<lang>\w+)(?: title=\"(?P<title>[^\"]+)\")?\n(?P<body>.*?)```", re.DOTALL)


def steps() -> list[tuple[str, str, str | None]]:
    """Return the guide's console commands and file additions, in order."""
    found: list[tuple[str, str, str | None]] = []
    for match in _BLOCK.finditer(GUIDE.read_text(encoding="utf-8")):
        if match["lang"] == "console":
            found += [("run", line[2:], None) for line in match["body"].splitlines() if line.startswith("$ ")]
        elif match["lang"] == "csv":
            found.append(("append", match["body"], match["title"]))
        elif match["lang"] == "text" and match["title"]:  # a file the reader saves beside the package
            found.append(("write", match["body"], match["title"]))
    return found


def test_following_the_guide_gives_a_package_that_both_validators_accept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    frictionless = pytest.importorskip("frictionless")
    monkeypatch.chdir(tmp_path)
    package = tmp_path / "西湖区目录"
    ran = []
    for kind, text, title in steps():
        if kind == "append":
            with (package / str(title)).open("a", encoding="utf-8") as handle:
                handle.write(text)
            continue
        if kind == "write":
            (tmp_path / str(title)).write_text(text, encoding="utf-8")
            continue
        argv = shlex.split(text)
        if argv[0] != "villagecat":
            continue  # installing is CI's job
        result = invoke(*argv[1:])
        assert result.code == 0, f"{text}\n{result.out}{result.err}"
        if argv[1] == "quotes":  # what the guide says it prints, it prints
            assert f"“{result.out.strip()}”" in GUIDE.read_text(encoding="utf-8"), result.out
        ran.append(argv[1])
    assert ran == ["init", "export", "import", "validate", "lint", "quotes", "catalog", "explain", "release"]
    assert invoke("validate", str(package)).out.strip().endswith("有效")
    report = frictionless.validate(str(package / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    catalog = invoke("catalog", "330106", "--layer", str(package), "--format", "json").out
    assert "330106.duty.grid-patrol" in catalog


def test_the_guide_says_which_columns_have_drop_downs_as_the_export_makes_them(tmp_path: Path) -> None:
    """It named 协助方式 among the columns with a drop-down: a list of several values has none."""
    openpyxl = pytest.importorskip("openpyxl")
    from villagecat._columns import columns  # noqa: PLC0415
    from villagecat.package import RESOURCES  # noqa: PLC0415

    assert invoke("export", str(REPO / "data" / "national"), "-o", str(tmp_path / "cn.xlsx")).code == 0
    offered: set[str] = set()
    for sheet in openpyxl.load_workbook(tmp_path / "cn.xlsx").worksheets:
        header = {cell.column_letter: cell.value for cell in sheet[1]}
        for check in sheet.data_validations.dataValidation:
            offered.add(header[str(check.sqref).split(":")[0].rstrip("0123456789")])
    several = {c.title_zh for m in RESOURCES.values() for c in columns(m) if c.is_list and c.vocab is not None}
    titles = {c.title_zh for m in RESOURCES.values() for c in columns(m)}
    text = GUIDE.read_text(encoding="utf-8")
    bullets = [" ".join(b.split()) for b in re.split(r"\n- ", text) if "下拉箭头" in b.split("\n\n")[0]]
    named = {
        b: {t for group in re.findall(r"（(?:如 )?([^）]+)）", b.split("\n\n")[0]) for t in group.split("、")}
        for b in bullets
    }
    with_arrow = {t for b, ts in named.items() if "没有下拉箭头" not in b for t in ts & titles}
    without = {t for b, ts in named.items() if "没有下拉箭头" in b for t in ts & titles}
    assert with_arrow, bullets
    assert with_arrow <= offered, with_arrow - offered
    assert without == several  # every column of several values is named, and says how to write them
    assert not without & offered


def test_the_guide_names_every_column_the_overrides_sheet_requires() -> None:
    """It described 目标条目、字段、取值、出处 only: a row without 名称 is refused."""
    from villagecat._columns import columns  # noqa: PLC0415
    from villagecat.models import Override  # noqa: PLC0415

    text = GUIDE.read_text(encoding="utf-8")
    paragraph = text[text.index("“覆盖”表的每一行") :].split("\n\n")[0]
    required = [c.title_zh for c in columns(Override) if c.required and c.name != "id"]  # 标识 may be left empty
    assert "名称" in required
    assert [t for t in required if f"“{t}”" not in paragraph] == []


def test_the_guide_leaves_the_villagecat_folder_before_making_a_package() -> None:
    """Followed literally, the package was made inside the villagecat checkout, where it was installed."""
    commands = [text for kind, text, _ in steps() if kind == "run"]
    install = next(n for n, c in enumerate(commands) if "pip install" in c)
    first = next(n for n, c in enumerate(commands) if c.startswith("villagecat "))
    assert commands[install - 1].startswith("cd ")  # into villagecat's folder to install
    assert any(c.startswith("cd ") or " cd " in c for c in commands[install + 1 : first])  # then out of it
    before = GUIDE.read_text(encoding="utf-8").split("## 第二步")[0]
    assert before.count(".venv/bin/activate") >= 2  # and how to take the environment up in a new window


def test_the_guides_name_every_binding_word_the_code_reads_as_must() -> None:
    """The clerk's guide listed five binding words; the data and the import read ten (须 and 禁止 among them)."""
    from villagecat.models.vocab import BINDING  # noqa: PLC0415

    guide = (REPO / "docs" / "guides" / "zh-publish.md").read_text(encoding="utf-8")
    (listed,) = re.findall(r"\*\*约束力\*\*照来源的用语填：“([^”]+)”填 必须", guide)
    assert listed.split("、") == list(BINDING)
    for path in (REPO / "README.md", REPO / "docs" / "guides" / "audit-ledgers.md"):
        said = " ".join(path.read_text(encoding="utf-8").split())
        (words,) = re.findall(r"必须、应当、 ?不得、一律、严禁 and their kin ([^ :]+)[ :]", said)
        assert {"必须", "应当", "不得", "一律", "严禁", *words.split("、")} == set(BINDING), path


def test_the_guides_release_example_prints_what_release_prints(tmp_path: Path) -> None:
    """It showed a deadline put off as 0.1.0 → 0.2.0 (次版本号): a change that relaxes alone is a patch."""
    text = GUIDE.read_text(encoding="utf-8")
    (shown,) = [b["body"] for b in _BLOCK.finditer(text) if b["lang"] == "text" and "$ villagecat release" in b["body"]]
    command, *printed = shown.strip().splitlines()
    (noted,) = re.findall(r"记入 `datapackage.json` 的说明为“(.+?)”。", text.replace("\n", ""))
    (old_due, new_due) = re.findall(r"“截止日期”：(\S+) → (\S+)（", shown)[0]
    old, new = tmp_path / "上一版", tmp_path / "西湖区目录"
    init = invoke("init", str(old), "--level", "county", "--code", "330106", "--name", "西湖区", "--parent", "cn")
    assert init.code == 0, init.err
    with (old / "documents.csv").open("a", encoding="utf-8") as handle:
        handle.write("330106.document.work-plan,西湖区工作方案,,,,,normative_document,,,true\n")
    with (old / "milestones.csv").open("a", encoding="utf-8") as handle:
        handle.write(
            f"330106.milestone.self-inspection,全面自查,330106.document.work-plan#三,,,,{old_due},年内,各街道,both,\n"
        )
    assert invoke("release", str(old)).code == 0, "the first release"
    shutil.copytree(old, new)
    milestones = new / "milestones.csv"
    milestones.write_text(milestones.read_text(encoding="utf-8").replace(old_due, new_due), encoding="utf-8")
    result = invoke("release", str(new), "--against", str(old), "--date", "2025-01-01")
    assert result.code == 0, result.err
    assert command == "$ villagecat release 西湖区目录"
    assert result.out.strip().splitlines() == printed
    notes = json.loads((new / "datapackage.json").read_text(encoding="utf-8"))["layer"]["releases"][-1]["notes"]
    assert notes == noted


def test_the_guide_says_to_export_again_after_a_release_and_the_refusal_is_what_it_quotes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A clerk who revised the workbook exported before the first release was refused, and the guide never said so:
    it now says to export again under another name, quotes the refusal, and its export command runs."""
    text = GUIDE.read_text(encoding="utf-8")
    paragraph = text[text.index("用工作簿修订时") :].split("\n\n")[0].replace("\n", "")
    (quoted,) = re.findall(r"提示“([^”]+)”", paragraph)
    (command,) = re.findall(r"`(villagecat export [^`]+)`", paragraph)
    monkeypatch.chdir(tmp_path)
    package = tmp_path / "西湖区目录"
    init = invoke("init", "西湖区目录", "--level", "county", "--code", "330106", "--name", "西湖区", "--parent", "cn")
    assert init.code == 0, init.err
    assert invoke("export", "西湖区目录", "-o", "西湖区目录.xlsx").code == 0
    assert invoke("release", "西湖区目录").code == 0
    before = {p.name: p.read_bytes() for p in package.iterdir()}
    stale = invoke("import", "西湖区目录.xlsx", "-o", "西湖区目录")
    assert stale.code == 1
    assert quoted in stale.err
    assert {p.name: p.read_bytes() for p in package.iterdir()} == before  # "不写入任何文件"
    assert invoke("export", "西湖区目录", "-o", "西湖区目录.xlsx").code == 2  # "导出不会覆盖已有的工作簿"
    argv = shlex.split(command)
    assert invoke(*argv[1:]).code == 0
    fresh = invoke("import", argv[-1], "-o", "西湖区目录")
    assert fresh.code == 0, fresh.err
