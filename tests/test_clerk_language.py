"""A clerk reads one language: Chinese alone by default (or ``--lang zh``), English alone with ``--lang en``.

Every command's errors of reading and writing (a missing file, a folder for a file, a file that is no
workbook, an output that exists) are one line in the language asked for: no English detail after the
Chinese, no Chinese in the English.
"""

from __future__ import annotations

import re
import zipfile
from typing import TYPE_CHECKING

import pytest

from conftest import NINGHE, invoke

if TYPE_CHECKING:
    from pathlib import Path


#: Three English words in a row: a sentence, where a command (``villagecat import``) or a name (Excel) is not.
_ENGLISH = re.compile(r"\b[A-Za-z]{2,}[ ,;:'()]+[A-Za-z]{2,}[ ,;:'()]+[A-Za-z]{2,}\b")
#: What may stand in a Chinese line in Latin letters: commands as typed, and the suites' names.
_COMMANDS = re.compile(r"villagecat [a-z]+|pip install [a-z]+|--[a-z-]+|Excel 2007-365|WPS 或 LibreOffice")
_CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


def _cases(tmp_path: Path) -> dict[str, list[str]]:
    """Each command's error paths, every path in ASCII (a Chinese name in an English line is the user's)."""
    folder = tmp_path / "folder"
    folder.mkdir()
    text = tmp_path / "text.xlsx"
    text.write_text("not a workbook\n", encoding="utf-8")
    docx = tmp_path / "doc.xlsx"  # a zip, but of another kind (a Word file renamed)
    with zipfile.ZipFile(docx, "w") as archive:
        archive.writestr("word/document.xml", "<w/>")
    book = tmp_path / "book.xlsx"
    assert invoke("export", str(NINGHE), "-o", str(book)).code == 0
    missing = str(tmp_path / "missing")
    return {
        "import: missing": ["import", f"{missing}.xlsx", "-o", str(tmp_path / "out")],
        "import: folder": ["import", str(folder), "-o", str(tmp_path / "out")],
        "import: not a workbook": ["import", str(text), "-o", str(tmp_path / "out")],
        "import: another zip": ["import", str(docx), "-o", str(tmp_path / "out")],
        "import: output is a file": ["import", str(book), "-o", str(text)],
        "export: output exists": ["export", str(NINGHE), "-o", str(book)],
        "export: output no .xlsx": ["export", str(NINGHE), "-o", str(folder)],
        "export: a workbook": ["export", str(book), "-o", str(tmp_path / "again.xlsx")],
        "catalog: layer missing": ["catalog", "120117", "--layer", missing],
        "validate: workbook": ["validate", str(book)],
        "init: exists": ["init", str(text), "--level", "county", "--code", "120117", "--name", "x", "--parent", "cn"],
        "quotes: text missing": ["quotes", str(NINGHE), "--text", f"120117.document.x={missing}.txt"],
        "audit: ledger missing": ["audit", f"{missing}.csv", "-j", "120117"],
        "patch: patch missing": ["patch", str(NINGHE), f"{missing}.json", "-o", str(tmp_path / "out")],
    }


@pytest.mark.parametrize("lang", [None, "zh", "en"])
def test_every_read_and_write_error_is_in_one_language(tmp_path: Path, lang: str | None) -> None:
    said: dict[str, str] = {}
    for case, argv in _cases(tmp_path).items():
        result = invoke(*argv, *(["--lang", lang] if lang else []))
        assert result.code != 0, case
        said[case] = result.err + result.out
    if lang == "en":
        mixed = {case: line for case, line in said.items() if _CJK.search(line)}
    else:
        mixed = {case: line for case, line in said.items() if _ENGLISH.search(_COMMANDS.sub("", line))}
    assert not mixed, "\n".join(f"{case}: {line}" for case, line in mixed.items())


def test_a_missing_workbook_is_said_in_chinese_alone(tmp_path: Path) -> None:
    result = invoke("import", str(tmp_path / "nope.xlsx"), "-o", str(tmp_path / "out"))
    assert (result.code, result.err) == (2, f"villagecat: {tmp_path / 'nope.xlsx'}：文件不存在\n")
    result = invoke("import", str(tmp_path / "nope.xlsx"), "-o", str(tmp_path / "out"), "--lang", "en")
    assert (result.code, result.err) == (2, f"villagecat: {tmp_path / 'nope.xlsx'}: no such file\n")
