"""An audit of the national layer, Jilin and Ninghe against their sources (issue: source fidelity).

Each test states a rule of reading the source and names the sentence the shipped data had misread.
"""

from __future__ import annotations

import re

import pytest

from conftest import REPO
from villagecat.coverage import coverage, source_texts, split_statements
from villagecat.models import Modality
from villagecat.models.vocab import BINDING_WORDS
from villagecat.registry import shipped_registry

SHARED = REPO.parent / "shared"
CONFIG = REPO / "docs" / "coverage" / "sources.yml"
AUDITED = ("cn.document.tingzi-2022-28", "220000.document.measures", "120117.document.work-plan")
PACKAGES = ("cn", "220000", "120117")

#: Who a sentence binds, where it names them right before its binding word (「乡镇党委和政府应联系……」).
ORGANS = (
    "乡镇党委和政府",
    "县级党委和政府",
    "党政群机构",
    "村级组织",
    "村（社区）组织",
    "街镇",
    "任何部门、单位",
)
BOUND_BY_NAME = re.compile(f"({'|'.join(map(re.escape, ORGANS))})(?:原则上)?(?:一律)?(?=({BINDING_WORDS.pattern}))")

#: The words that grade a rule, by the grade they give.
GRADE_WORDS = {
    Modality.MUST: BINDING_WORDS,
    Modality.SHOULD: re.compile(r"一般|原则上|为宜"),
    Modality.MAINLY: re.compile(r"为主|主要"),
    Modality.MAY: re.compile(r"(?<![认许宁])可(?![能持靠])|鼓励|允许"),
}


def _texts() -> dict[str, str]:
    if not (SHARED / "seeds").is_dir():
        pytest.skip("the source documents (../shared) are not beside this checkout")
    return source_texts(CONFIG, SHARED)


def _items() -> dict[str, object]:
    return {str(getattr(item, "id", "")): item for package in shipped_registry() for _, item in package.iter_items()}


def _statements(document: str) -> list[tuple[str, str]]:
    return split_statements(_texts()[document].splitlines())


@pytest.mark.parametrize("document", AUDITED)
def test_every_sentence_with_a_binding_word_is_held_or_says_why_not(document: str) -> None:
    """A sentence that binds (必须、应当、须、不得、一律……) is held by an item or listed with its reason.

    Jilin 四(十二) 「省级党政群机构拟提请审议的地方性法规草案……须提前征求省民政厅、省委组织部、省委农办意见。」
    was held by nothing and, its 须 not being on the coverage page's word list, was not even listed.
    """
    binding = [(s, t) for s, t in _statements(document) if BINDING_WORDS.search(t)]
    listed = {(s.section, s.text) for s in coverage(document, binding, shipped_registry()).statements}
    missing = [(s, t) for s, t in binding if (s, t) not in listed]
    assert not missing, missing


@pytest.mark.parametrize("document", AUDITED)
def test_whoever_a_held_sentence_binds_by_name_is_the_bound_of_an_item_holding_it(document: str) -> None:
    """「X应……」「X不得……」 binds X: an item that holds the sentence names X as bound.

    National 二(三)8 「……乡镇党委和政府应联系有关党政群机构协调处理。」 was only in a note, and Ninghe 三(一)3
    「……任何部门、单位不得向村（社区）组织进行部署」 was held by the four red lines of its second half alone.
    """
    items = _items()
    found = coverage(document, _statements(document), shipped_registry())
    unbound = []
    for statement in found.statements:
        if not statement.held:
            continue
        bounds = [getattr(items.get(i), "bound", None) or () for i in statement.items]
        for match in BOUND_BY_NAME.finditer(statement.text):
            organ = match.group(1)
            if not any(organ in b for bound in bounds for b in bound):
                unbound.append((statement.section, organ, statement.text))
    assert not unbound, unbound


@pytest.mark.parametrize("package", PACKAGES)
def test_a_graded_rule_on_someone_has_a_word_of_its_grade_in_what_it_quotes(package: str) -> None:
    """must, should, mainly and may are the source's words: an obligation of its own (not restating) has a word of
    its grade in its quotes. 「……须提前征求……」 is must by 须 (Jilin 四(十二)).

    Facility standards are left out here: the nation's 30 m² per 100 households is a briefing, not quoted (its
    modality is empty, see tests/test_fidelity_audit3.py).
    """
    layer = shipped_registry().find(package)
    wrong = []
    for item in layer.obligations:
        if item.restates:
            continue  # its grade is the restated item's, checked where that item is shipped
        quotes = "".join(c.quote or "" for c in item.citations)
        if item.modality in GRADE_WORDS and not GRADE_WORDS[item.modality].search(quotes):
            wrong.append((item.id, item.modality))
    assert not wrong, wrong


def test_ninghes_fee_rule_names_no_bound_of_its_own() -> None:
    """三(一)2 「同时，应遵循“费随事转”原则……」 has no subject: the bound stays empty, the note says whose the
    sentence before is (区级相关部门及街镇), rather than carrying it over."""
    item = _items()["120117.obligation.fee-follows-task"]
    assert not getattr(item, "bound", None)
    assert "区级相关部门" in (getattr(item, "notes", "") or "")
