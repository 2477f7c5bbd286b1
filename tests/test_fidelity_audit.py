"""An audit of Shanxi, Shangdang, Anhui, Tianjia'an and Tianjin against their sources (issue: source fidelity).

Each test names the sentence of the source that the shipped data had left out or misread.
"""

from __future__ import annotations

import pytest

import villagecat
from conftest import REPO
from villagecat.coverage import pages
from villagecat.models import Modality
from villagecat.registry import shipped_registry

SHARED = REPO.parent / "shared"
CONFIG = REPO / "docs" / "coverage" / "sources.yml"


def _pages() -> dict[str, str]:
    if not (SHARED / "seeds").is_dir():
        pytest.skip("the source documents (../shared) are not beside this checkout")
    return pages(CONFIG, SHARED, shipped_registry())


def _rows(page: str) -> list[list[str]]:
    lines = [line for line in page.splitlines() if line.startswith("| ") and not line.startswith("| 节")]
    return [[cell.strip() for cell in line.strip().strip("|").split(" | ")] for line in lines]


def test_a_sentence_that_binds_without_exception_is_held_by_an_item() -> None:
    """一律 admits no exception: such a sentence is always a rule, never only 组织实施.

    Shangdang 三(二) 「……对没有法律依据或政策依据、没有经费保障、没有实际效用、村民群众不认可的工作事务、
    机制牌子和证明事项，一律坚决取消。」 was listed as 未建模 under the reason for 三 (领导、督查、协调、宣传).
    """
    for name, page in _pages().items():
        if name == "index.md":
            continue
        for section, text, words, held in _rows(page):
            if "一律" in words.split("、"):
                assert not held.startswith("未建模"), (name, section, text)


def test_shangdangs_townships_remove_what_has_no_basis_without_exception() -> None:
    """三(二) restates the nation's 三(二) 「坚决取消……」 in its own words, as must (一律、坚决)."""
    catalog = villagecat.resolve("140404")
    rule = next(o for o in catalog.obligations() if o.id == "cn.obligation.remove-unfounded")
    assert rule.modality is Modality.MUST
    assert rule.forbidden is False
    assert [(c.document, c.section) for c in rule.citations][-1] == ("140404.document.implementation-plan", "三(二)")
    assert "一律坚决取消" in (rule.citations[-1].quote or "")
    assert "没有法律依据或政策依据" in (rule.condition or "")
    # the sentence has no subject of its own: the note names the paragraph's, the bound stays the nation's
    assert "各乡镇（街道）" in (rule.notes or "")
    assert rule.bound == ("各级党委和政府",)


def test_shanxis_fifth_rule_says_what_its_first_half_is() -> None:
    """五 「五是以县(市、区)为单位,清理整合面向村级组织的微信工作群、政务APP,不得简单以……」: the first half,
    with no binding word, was held by nothing: not an item, not a note (only the 不得 half was restated)."""
    catalog = villagecat.resolve("140000")
    rule = next(o for o in catalog.obligations() if o.id == "cn.obligation.no-screenshot-evaluation")
    notes = rule.notes or ""
    assert "清理整合面向村级组织的微信工作群、政务APP" in notes
    assert "范围，不是承办者" in notes
    assert "也未用约束力用语" in notes
    assert "未穷尽" in notes  # the nation's note, which the row's own note replaces, is kept
    assert rule.modality is Modality.MUST  # the 不得 half


def test_shanxis_catalog_notice_is_dated_as_the_source_dates_it() -> None:
    """sources/README.md: the notice is 「(Shanxi, 2023; explained at … 2023-06-26)」; its year was left empty."""
    docs = {d.id: d for d in villagecat.resolve("140000").documents()}
    assert docs["140000.document.catalog-notice"].issued == "2023"  # the year only: no month or day is given


def test_tianjiaan_adjusts_and_publishes_its_certificate_list() -> None:
    """六 「……对“出具证明事项清单”实行动态调整,并主动在政府门户网站、政务服务平台、微信公众平台等同步公布。」
    was held by no item (the sentence names no binding word, so no coverage row asked for it)."""
    catalog = villagecat.resolve("340403")
    rule = next(o for o in catalog.obligations() if o.id == "340403.obligation.adjust-and-publish-certificates")
    assert (rule.bound, rule.forbidden, rule.modality) == ((), False, None)
    notes = rule.notes or ""
    assert "约束力留空" in notes
    assert "未穷尽" in notes  # 等
    assert "未给出周期" in notes  # 定期
    assert [c.section for c in rule.citations] == ["六"]


def test_tianjiaans_ten_prohibitions_are_said_to_be_a_count_without_names() -> None:
    """一 「……特别是严格落实“十个不得”的禁止性要求……」 was 「出台背景，解读性文字，不是规定」: it names ten
    prohibitions by their count alone, which no item can hold; the page says so."""
    page = _pages()["340403.document.interpretation.md"]
    (row,) = [r for r in _rows(page) if "十个不得" in r[1]]
    assert "只给出数量" in row[3]
    assert "不是规定" not in row[3]
