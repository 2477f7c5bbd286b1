"""``villagecat quotes``: a reviewer checks every quote against its document's text."""

from __future__ import annotations

import json
import os
from typing import TYPE_CHECKING

import pytest

from conftest import NATIONAL, REPO, edit, invoke, quote_texts
from villagecat.package import load_layer
from villagecat.quotes import iter_quotes
from villagecat.registry import shipped_layer_paths

if TYPE_CHECKING:
    from pathlib import Path

SHARED = REPO.parent / "shared"
CONFIG = REPO / "docs" / "coverage" / "sources.yml"
CLAUSE = "cn.clause.tingzi-2022-28-2-1-1"
DOCUMENT = "cn.document.tingzi-2022-28"


def test_a_misquoted_clause_exits_one_naming_its_file_line_field_and_the_items(
    national_copy: Path, tmp_path: Path
) -> None:
    texts = quote_texts(tmp_path)
    count = len(list(iter_quotes(load_layer(NATIONAL))))
    edit(national_copy / "clauses.csv", "村级组织工作事务包括", "村级组织工作事务包含")
    citing = [
        d.id
        for d in load_layer(national_copy).duties
        if any((c.quote or "").startswith("村级组织工作事务包含") for c in d.citations)
    ]
    quoted = next(c.quote for c in load_layer(national_copy).clauses if c.id == CLAUSE)
    assert quoted is not None
    assert len(quoted) > 100
    result = invoke("quotes", str(national_copy), *texts)
    assert result.code == 1
    assert (
        result.out.splitlines()
        == [
            f"{national_copy}：{count} 处引文，1 处与原文不符，0 处因缺少原文未核对",
            "  clauses.csv",
            (
                f"    [不符合] 第 2 行 字段 quote（原文）：引文不见于 {DOCUMENT} 的原文："
                f"「{quoted}」"  # whole: the clerk's evidence, never cut short
                f"（条款 {CLAUSE}，引用它的条目：{'、'.join(citing[:3])} 等 {len(citing)} 项）；"
                "从“含宣传贯彻执行党的理…”起与原文不同，原文此处为“括宣传贯彻执行党的理…”"
            ),
        ]
    )
    assert len(citing) > 3


def test_a_misquoted_item_exits_one_naming_item_file_line_and_field(national_copy: Path, tmp_path: Path) -> None:
    texts = quote_texts(tmp_path)
    edit(national_copy / "duties.csv", CLAUSE, f"{DOCUMENT}#二(一)1「村级组织工作事务包含宣传」")
    result = invoke("quotes", str(national_copy), *texts, "--lang", "en")
    assert result.code == 1
    assert result.out.splitlines()[1:] == [
        "  duties.csv",
        (
            "    [fail] line 2, field citations[0].quote: the quote is not in the text of "
            f"{DOCUMENT}: 「村级组织工作事务包含宣传」 (item cn.duty.publicise-party-policy);"
            " it parts from the text at “含宣传”, where the text has “括宣传贯彻执行党的理…”"
        ),
    ]


def test_the_json_report_carries_the_item_file_line_and_field(national_copy: Path, tmp_path: Path) -> None:
    texts = quote_texts(tmp_path)
    edit(national_copy / "duties.csv", CLAUSE, f"{DOCUMENT}#二(一)1「村级组织工作事务包含宣传」")
    result = invoke("quotes", str(national_copy), *texts, "--format", "json")
    assert result.code == 1
    payload = json.loads(result.out)
    assert payload["passed"] is False
    (problem,) = payload["reports"][0]["problems"]
    assert problem | {"message": None, "message_zh": None, "message_en": None} == {
        "file": "duties.csv",
        "line": 2,
        "row": None,
        "field": "citations[0].quote",
        "code": "quote-not-found",
        "message": None,
        "message_zh": None,
        "message_en": None,
        "level": "fail",
        "document": DOCUMENT,
        "clause": None,
        "items": ["cn.duty.publicise-party-policy"],
        "quote": "村级组织工作事务包含宣传",
        "differs_at": 9,
        "differs": "含宣传",
        "text_there": "括宣传贯彻执行党的理…",
        "misspelt": None,
    }
    assert problem["message_zh"].startswith(f"引文不见于 {DOCUMENT} 的原文")
    assert problem["message_en"].startswith(f"the quote is not in the text of {DOCUMENT}")
    assert problem["message"] == problem["message_zh"]


def test_a_document_without_text_is_a_note_and_fails_only_when_strict() -> None:
    count = len(list(iter_quotes(load_layer(NATIONAL))))
    result = invoke("quotes", str(NATIONAL))
    assert result.code == 0
    assert result.out.splitlines()[0] == f"{NATIONAL}：{count} 处引文，0 处与原文不符，{count} 处因缺少原文未核对"
    assert result.out.splitlines()[2] == (
        f"    [提示] 第 2 行 字段 quote（原文）：没有 {DOCUMENT} 的原文，其 {count} 处引文未核对"
        "（用 --texts 或 --text 给出原文）"
    )
    strict = invoke("quotes", str(NATIONAL), "--strict")
    assert strict.code == 1
    assert strict.out.splitlines()[2].startswith("    [不符合] 第 2 行 字段 quote（原文）：没有")


def test_a_text_that_cannot_be_read_exits_two_in_one_line_naming_the_file(tmp_path: Path) -> None:
    (tmp_path / "plan.txt").write_bytes("工作方案".encode("gb18030"))
    result = invoke("quotes", str(NATIONAL), "--text", f"{DOCUMENT}={tmp_path / 'plan.txt'}")
    assert result.code == 2
    assert result.err == f"villagecat: {tmp_path / 'plan.txt'}：不是 UTF-8 编码的文本\n"
    missing = invoke("quotes", str(NATIONAL), "--texts", str(tmp_path / "sources.yml"))
    assert missing.code == 2
    assert missing.err == f"villagecat: {tmp_path / 'sources.yml'}：文件不存在\n"


def test_a_text_for_a_document_no_package_cites_is_refused_naming_the_ids_they_cite(tmp_path: Path) -> None:
    """``--text 330106.document.workplan=…`` (work-plan misspelt) exited 0, saying only that no text was given.

    Exit 2, as for any name the command line gives that the data does not hold (``explain`` an
    unknown item): the packages may be right; the command is what is wrong.
    """
    (tmp_path / "plan.txt").write_text("工作方案", encoding="utf-8")
    result = invoke("quotes", str(NATIONAL), "--text", f"cn.document.tingzi-2022-82={tmp_path / 'plan.txt'}")
    assert (result.code, result.out) == (2, "")
    assert result.err.startswith(
        "villagecat: 给出了 cn.document.tingzi-2022-82 的原文，但所查的数据包均未引用或收录该文件，请核对文件标识；"
        f"数据包引用的文件有（最接近的在前）：{DOCUMENT}、"
    )
    assert result.err.count("\n") == 1
    english = invoke("quotes", str(NATIONAL), "--text", f"cn.document.x={tmp_path / 'plan.txt'}", "--lang", "en")
    assert english.err.startswith(
        "villagecat: a text is given for cn.document.x, which none of the packages checked cites or holds:"
    )
    # A document the package holds but does not quote is no mistake: its text is just not needed.
    held = invoke("quotes", str(NATIONAL), "--text", f"cn.document.minfa-2020-20-annex={tmp_path / 'plan.txt'}")
    assert held.code == 0


def test_a_list_entry_whose_id_reads_like_a_document_without_text_is_named_in_its_note(tmp_path: Path) -> None:
    """A shared list (--texts) holds other packages' documents, so an unused entry is no mistake by itself."""
    (tmp_path / "plan.txt").write_text("工作方案", encoding="utf-8")
    (tmp_path / "sources.yml").write_text(
        "- document: cn.document.tingzi-2022-82\n  source: plan.txt\n"
        "- document: 330106.document.work-plan\n  source: plan.txt\n",
        encoding="utf-8",
    )
    result = invoke("quotes", str(NATIONAL), "--texts", str(tmp_path / "sources.yml"))
    assert result.code == 0
    count = len(list(iter_quotes(load_layer(NATIONAL))))
    assert result.out.splitlines()[2].endswith(
        f"没有 {DOCUMENT} 的原文，其 {count} 处引文未核对（用 --texts 或 --text 给出原文）；"
        "清单中有 cn.document.tingzi-2022-82 的原文，但没有数据包引用 cn.document.tingzi-2022-82："
        "是否即此文件、文件标识写错了？"
    )
    assert "330106.document.work-plan" not in result.out
    assert invoke("quotes", str(NATIONAL), "--texts", str(tmp_path / "sources.yml"), "--strict").code == 1


def test_a_text_option_without_its_document_is_a_usage_error() -> None:
    result = invoke("quotes", str(NATIONAL), "--text", "工作方案.txt")
    assert result.code == 2
    assert result.err.startswith("villagecat quotes: 用法错误：参数 --text：应写作 文件标识=原文文件")


def test_every_shipped_package_quotes_its_sources_verbatim() -> None:
    """The shipped data passes the reviewer's own command, with every text it quotes at hand (--strict)."""
    if not (SHARED / "seeds").is_dir():
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("the source documents (../shared) must be beside the checkout in CI")
        pytest.skip("the source documents (../shared) are not beside this checkout")
    paths = [str(p) for p in shipped_layer_paths()]
    result = invoke("quotes", *paths, "--texts", str(CONFIG), "--root", str(SHARED), "--strict")
    assert result.code == 0, result.out
    lines = result.out.splitlines()
    assert len(lines) == len(paths)
    assert all(line.endswith(("处引文均逐字见于所引文件的原文", "没有需要核对的引文")) for line in lines)


def test_a_text_over_the_byte_budget_is_refused_naming_the_file_and_the_budget(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "plan.txt").write_text("工作方案" * 100, encoding="utf-8")
    monkeypatch.setenv("VILLAGECAT_MAX_BYTES", "100")
    result = invoke("quotes", str(NATIONAL), "--text", f"{DOCUMENT}={tmp_path / 'plan.txt'}")
    assert result.code == 2
    assert result.err.startswith(f"villagecat: {tmp_path / 'plan.txt'}：文件大小为 1200 字节，超过上限 100 字节")
    assert "VILLAGECAT_MAX_BYTES" in result.err
    assert result.err.count("\n") == 1
