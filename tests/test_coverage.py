"""Coverage pages: every normative statement of a source, mapped to the items that hold it."""

from __future__ import annotations

import os

import pytest

from conftest import REPO
from villagecat.coverage import NORMATIVE, coverage, pages, split_statements
from villagecat.registry import shipped_registry

SHARED = REPO.parent / "shared"
CONFIG = REPO / "docs" / "coverage" / "sources.yml"


def _shared_or_skip() -> None:
    if (SHARED / "seeds").is_dir() and (SHARED / "sources").is_dir():
        return
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail("the source documents (../shared) must be beside the checkout in CI")
    pytest.skip("the source documents (../shared) are not beside this checkout")


def test_sections_are_numbered_as_citations_number_them() -> None:
    text = [
        "一、总体要求",
        "总的要求是这样。",
        "二、主要任务",
        "(一)减轻负担",
        "1. 明确事项。未经县级党委和政府统一部署,党政群机构不得将自身权责事项派交村级组织承担。",
        "(二)精简牌子",
        "4. 规范挂牌。一般在外部悬挂标牌；",
        "内部标牌由村级组织确定。",
    ]
    pairs = split_statements(text)
    assert ("二(一)1", "未经县级党委和政府统一部署,党政群机构不得将自身权责事项派交村级组织承担。") in pairs
    assert ("二(二)4", "一般在外部悬挂标牌；") in pairs
    assert ("二(二)", "(二)精简牌子") in pairs  # the heading does not carry the number before it
    assert pairs[-1] == ("二(二)4", "内部标牌由村级组织确定。")


def test_a_statement_is_held_by_the_item_that_quotes_it_and_otherwise_says_why_not() -> None:
    statements = [
        (
            "二(二)6",
            "省级党委和政府统一规定村级组织和工作机制挂牌数量、名称和式样,党政群机构不得要求村级组织对口挂牌。",
        ),
        ("三(一)", "各级党委和政府要重视规范村级组织工作事务。"),
        ("三(一)", "这一句只是叙述。"),
    ]
    result = coverage(
        "cn.document.tingzi-2022-28", statements, shipped_registry(), reasons={"三": "组织实施，不是目录条目"}
    )
    held, organisational = result.statements  # the narrative sentence is not normative: left out
    assert "cn.obligation.no-matching-plaques" in held.items
    assert not organisational.held
    assert organisational.reason == "组织实施，不是目录条目"
    assert "要" in organisational.words
    assert result.share == 0.5


def test_the_committed_pages_are_the_generated_ones() -> None:
    """Regenerate: python -m villagecat.coverage docs/coverage/sources.yml ../shared docs/coverage"""
    _shared_or_skip()
    generated = pages(CONFIG, SHARED, shipped_registry())
    for name, text in generated.items():
        committed = REPO / "docs" / "coverage" / name
        assert committed.is_file(), f"docs/coverage/{name} is missing"
        assert committed.read_text(encoding="utf-8") == text, f"docs/coverage/{name} is stale: regenerate it"
    documents = [name for name in generated if name != "index.md"]
    # The five seeds and the national first batch (民发〔2020〕20号).
    assert len(documents) == 6
    assert "cn.document.minfa-2020-20-annex.md" in documents


def test_every_page_reports_its_share_and_no_statement_is_left_without_a_word() -> None:
    _shared_or_skip()
    generated = pages(CONFIG, SHARED, shipped_registry())
    for name, text in generated.items():
        if name == "index.md":
            continue
        assert "已作为数据收录" in text
        rows = [line for line in text.splitlines() if line.startswith("| ") and not line.startswith("| 节")]
        assert rows, name
        assert all(line.rstrip().endswith(("` |", "`） |")) or "未建模：" in line for line in rows), name
    national = generated["cn.document.tingzi-2022-28.md"]
    table = national[national.index("| 节 |") :]
    assert "电影节" not in table  # the page's unrelated news is not the document
    assert "宽城" not in table
    assert "cn.obligation.remove-unfounded" in national  # the four removal criteria


def test_every_reason_in_the_configuration_is_still_used() -> None:
    """A reason no statement needs any more (the data now holds it) is removed, not left to mislead."""
    _shared_or_skip()
    from villagecat._yaml import safe_load  # noqa: PLC0415

    generated = pages(CONFIG, SHARED, shipped_registry())
    for entry in safe_load(CONFIG.read_text(encoding="utf-8")):
        if entry.get("page") is False:  # a text for the quote check alone
            assert not entry.get("reasons"), f"{entry['document']}: reasons, but no page to give them"
            assert f"{entry['document']}.md" not in generated
            continue
        page = generated[f"{entry['document']}.md"]
        for key, reason in (entry.get("reasons") or {}).items():
            assert reason in page, f"{entry['document']}: the reason for {key!r} is no longer used"


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        ("每年年初须提交本级联审机制，审核通过后方可实施。", ["须", "可"]),  # 须 binds: its sentence was not listed
        ("由乡镇党委和政府提供必要工作条件。", []),  # 必要 is no 要
        ("对不应出具证明事项清单的，村（社区）组织要做好解释说明工作。", ["要"]),  # 不应 in a title is no 应
    ],
)
def test_the_words_that_make_a_sentence_normative_are_the_binding_words_and_the_others(
    sentence: str, words: list[str]
) -> None:
    """The coverage pages' word list missed 须 (Jilin 四(十二)'s rule on provincial departments was on no page)."""
    assert [m.group(0) for m in NORMATIVE.finditer(sentence)] == words


def test_the_pages_name_each_item_in_chinese_beside_its_id() -> None:
    """A clerk read 收录条目 as bare ids (`120117.obligation.no-unassigned-tasks`): no word of what the item is."""
    from villagecat.coverage import coverage_markdown  # noqa: PLC0415

    statements = [
        (
            "二(二)6",
            "省级党委和政府统一规定村级组织和工作机制挂牌数量、名称和式样,党政群机构不得要求村级组织对口挂牌。",
        ),
    ]
    registry = shipped_registry()
    result = coverage("cn.document.tingzi-2022-28", statements, registry)
    (statement,) = result.statements
    page = coverage_markdown(result)
    national = registry.find("cn")
    names = {getattr(item, "id", ""): getattr(item, "name", "") for _, item in national.iter_items()}
    for item in statement.items:
        assert f"{names[item]}（`{item}`）" in page, page
