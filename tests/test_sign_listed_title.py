"""A sign's ``mandatory`` says the catalog lists it to hang; how strongly is its 悬挂约束力 (issue: fidelity).

The national 二(二)6 says 「一般在……悬挂」: the sign is listed, as advice. Titled 必须悬挂, the field showed
必须悬挂 = 是 beside 悬挂约束力 = 一般应当: the title hardened the hedge its neighbour records.
"""

from __future__ import annotations

import json
import subprocess
from typing import TYPE_CHECKING

import pytest

from conftest import NATIONAL, REPO, invoke, libreoffice
from villagecat._i18n import MESSAGES
from villagecat.diff import CHANGE_MEANINGS
from villagecat.models import Sign
from villagecat.models.vocab import BINDING_WORDS
from villagecat.package import load_layer

if TYPE_CHECKING:
    from pathlib import Path

#: The title workbooks exported before the field was retitled carry as the column's header.
OLD_TITLE = "必须悬挂"


def _mandatory_line(out: str) -> str:
    return next(line for line in out.splitlines() if "（mandatory） =" in line)


def test_explain_of_a_sign_hung_as_a_rule_says_no_binding_word_for_its_listing() -> None:
    result = invoke("explain", "120117", "cn.sign.party-service-centre")
    assert result.code == 0, result.err
    line = _mandatory_line(result.out)
    assert BINDING_WORDS.search(line) is None, line
    assert "一般应当" in next(x for x in result.out.splitlines() if "（modality） =" in x)


def test_the_published_title_of_the_listing_has_no_binding_word() -> None:
    schema = json.loads((REPO / "schemas" / "sign.schema.json").read_text(encoding="utf-8"))
    prop = schema["properties"]["mandatory"]
    table = json.loads((REPO / "schemas" / "table" / "signs.tableschema.json").read_text(encoding="utf-8"))
    (column,) = [f for f in table["fields"] if f["name"] == "mandatory"]
    for title in (prop["title"], column["title"], Sign.model_fields["mandatory"].title or ""):
        assert BINDING_WORDS.search(title) is None, title
    assert "mandatory" not in prop["x-title-en"].lower()
    assert "悬挂约束力" in prop["description"]  # how strongly it hangs is said by the field beside it


def test_what_a_sign_listed_to_hang_changes_says_no_binding_word_where_it_may_be_advice() -> None:
    """A sign no longer listed, or one whose reach may not shrink, may be one the source hangs 一般 (as advice)."""
    for said in (str(CHANGE_MEANINGS["sign-made-optional"].zh), MESSAGES["rule-red_line_scope"][0]):
        assert OLD_TITLE not in said, said
    for code in ("sign-made-mandatory-advised", "sign-mandatory-added-advised"):
        assert BINDING_WORDS.search(str(CHANGE_MEANINGS[code].zh).split("，")[0]) is None, code
    for code in ("sign-made-mandatory", "sign-mandatory-added"):  # only a sign whose hanging binds: says so
        assert "悬挂约束力为必须" in str(CHANGE_MEANINGS[code].zh)


def _old_workbook(tmp_path: Path) -> tuple[Path, object]:
    """The national workbook as exported before the retitle: headed 必须悬挂, one sign set 是 (its CSV: false)."""
    openpyxl = pytest.importorskip("openpyxl")
    path = tmp_path / "old.xlsx"
    assert invoke("export", str(NATIONAL), "-o", str(path)).code == 0
    book = openpyxl.load_workbook(path)
    sheet = book["标牌标识"]
    header = [c.value for c in sheet[1]]
    column = header.index(Sign.model_fields["mandatory"].title) + 1
    sheet.cell(1, column).value = OLD_TITLE
    ids = [c.value for c in sheet["A"]]
    row = ids.index("cn.sign.service-guide") + 1
    sheet.cell(row, column).value = "是"
    book.save(path)
    return path, book


def test_a_workbook_exported_with_the_old_title_still_imports(tmp_path: Path) -> None:
    path, _ = _old_workbook(tmp_path)
    result = invoke("import", str(path), "-o", str(tmp_path / "out"))
    assert result.code == 0, result.err
    signs = {s.id: s.mandatory for s in load_layer(tmp_path / "out").signs}
    assert signs["cn.sign.service-guide"] is True  # the column was read, not left out
    assert signs["cn.sign.party-organisation"] is True
    assert signs == {s.id: s.mandatory for s in load_layer(NATIONAL).signs} | {"cn.sign.service-guide": True}


def test_an_override_naming_the_field_by_its_old_title_still_imports(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    ninghe = REPO / "data" / "provinces" / "120000-tianjin" / "120117-ninghe"
    path = tmp_path / "nh.xlsx"
    assert invoke("export", str(ninghe), "-o", str(path)).code == 0
    book = openpyxl.load_workbook(path)
    sheet = book["覆盖"]
    cols = {c.value: c.column for c in sheet[1]}
    row = next(n for n in range(2, sheet.max_row + 1) if sheet.cell(n, cols["字段"]).value == "版式")
    sheet.cell(row, cols["字段"]).value = OLD_TITLE
    sheet.cell(row, cols["取值"]).value = "是"
    book.save(path)
    result = invoke("import", str(path), "-o", str(tmp_path / "out"))
    assert result.code == 0, result.err
    values = {(o.target, o.field): o.value for o in load_layer(tmp_path / "out").overrides}
    assert values["cn.sign.party-service-centre", "mandatory"] is True


def test_a_workbook_with_the_old_title_saved_by_libreoffice_still_imports(tmp_path: Path) -> None:
    soffice = libreoffice()
    path, _ = _old_workbook(tmp_path)
    saved = tmp_path / "saved"
    subprocess.run(
        [soffice, f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}", "--headless", "--calc",
         "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(saved), str(path)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    result = invoke("import", str(saved / path.name), "-o", str(tmp_path / "out"))
    assert result.code == 0, result.err
    signs = {s.id: s.mandatory for s in load_layer(tmp_path / "out").signs}
    assert signs["cn.sign.service-guide"] is True
    assert signs["cn.sign.party-organisation"] is True
