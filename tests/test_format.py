"""The format contract: registry, rules, cell codec, clauses."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from villagecat.format.clauses import ClauseBook, section_slug
from villagecat.format.codec import join_list, split_list
from villagecat.format.registry import kind_by_resource, kind_of_id, kinds
from villagecat.format.rules import (
    DecreaseOnly,
    Effect,
    GrowOnly,
    IncreaseOnly,
    Replaceable,
    Sticky,
    rule_from_json,
    scope_effect,
)
from villagecat.models import KIND_MODELS, Citation

entry = st.text(min_size=1).map(str.strip).filter(bool)


@given(st.lists(entry))
def test_list_cells_are_lossless(values: list[str]) -> None:
    """split_list(join_list(xs)) == xs for any stripped, non-empty entries, '|' and '\\' included."""
    assert split_list(join_list(values)) == values


@pytest.mark.parametrize(
    ("cell", "entries"),
    [
        ("a|b", ["a", "b"]),
        (r"a\|b|c", ["a|b", "c"]),
        ("a\\\\|b", ["a\\", "b"]),
        (r"a\b", [r"a\b"]),
        ("a||b| ", ["a", "b"]),
        ("「甲」|乙", ["「甲」", "乙"]),
        ("", []),
    ],
)
def test_list_cells_read_as_documented(cell: str, entries: list[str]) -> None:
    assert split_list(cell) == entries


def test_every_kind_model_is_in_the_registry_once() -> None:
    assert [k.model for k in kinds()] == list(KIND_MODELS)
    for attribute in ("resource", "segment", "slug", "sheet"):
        values = [getattr(k, attribute) for k in kinds()]
        assert len(values) == len(set(values)), attribute


def test_kinds_are_found_by_resource_and_id() -> None:
    duty = kind_by_resource("duties")
    assert duty is not None
    assert kind_of_id("cn.duty.x") is duty
    quota = kind_of_id("120117.quota.outside-vertical")
    assert quota is not None
    assert quota.resource == "sign_quotas"
    assert quota.slug == "sign-quota"
    assert kind_of_id("nonsense") is None


def test_former_names_find_the_field() -> None:
    duty = kind_by_resource("duties")
    assert duty is not None
    field = duty.field("report_frequency")
    assert field is not None
    assert field.name == "report_frequencies"


def test_every_rule_is_published_and_read_back() -> None:
    seen = 0
    for kind in kinds():
        schema = kind.model.model_json_schema()
        for field in kind.fields:
            if field.rule is None:
                continue
            seen += 1
            published = schema["properties"][field.name]["x-merge"]
            assert rule_from_json(published) == field.rule
    assert seen >= 10


def test_an_unknown_rule_name_is_an_error() -> None:
    with pytest.raises(ValueError, match="unknown merge rule 'increse_only'"):
        rule_from_json({"rule": "increse_only"})


@pytest.mark.parametrize(
    ("rule", "old", "new", "expected"),
    [
        (IncreaseOnly(), 200, 300, Effect.TIGHTENS),
        (IncreaseOnly(), 300, 200, Effect.LOOSENS),
        (IncreaseOnly(), None, 30, Effect.TIGHTENS),
        (IncreaseOnly(), 30, None, Effect.LOOSENS),
        (IncreaseOnly(), 30, 30, Effect.NEUTRAL),
        (IncreaseOnly(order=("retained", "cancelled", "not_to_issue")), "retained", "not_to_issue", Effect.TIGHTENS),
        (IncreaseOnly(order=("retained", "cancelled", "not_to_issue")), "not_to_issue", "retained", Effect.LOOSENS),
        (DecreaseOnly(), 200, 150, Effect.TIGHTENS),
        (DecreaseOnly(), 150, 200, Effect.LOOSENS),
        (DecreaseOnly(), 150, None, Effect.LOOSENS),
        (Sticky(values=("prohibited",)), "prohibited", "assists", Effect.LOOSENS),
        (Sticky(values=("prohibited",)), "assists", "prohibited", Effect.TIGHTENS),
        (Sticky(values=("prohibited",)), "assists", "performs", Effect.NEUTRAL),
        (GrowOnly(), ["a"], ["a", "b"], Effect.TIGHTENS),
        (GrowOnly(), ["a", "b"], ["b"], Effect.LOOSENS),
        (GrowOnly(), ["a", "b"], ["c"], Effect.LOOSENS),
        (Replaceable(), ["a"], ["b"], Effect.NEUTRAL),
    ],
)
def test_one_definition_of_tightening(rule: Any, old: Any, new: Any, expected: Effect) -> None:
    assert rule.effect(old, new) is expected


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("both", "village", Effect.LOOSENS),
        (None, "community", Effect.LOOSENS),
        ("village", "both", Effect.TIGHTENS),
        ("village", "village", Effect.NEUTRAL),
        ("village", "community", Effect.LOOSENS),
    ],
)
def test_scope_changes(old: Any, new: Any, expected: Effect) -> None:
    assert scope_effect(old, new) is expected


@pytest.mark.parametrize(
    ("section", "slug"),
    [("二(一)1", "2-1-1"), ("四(十二)", "4-12"), ("三(二十)", "3-20"), ("附件第5项", "5"), (None, "")],
)
def test_section_slugs(section: str | None, slug: str) -> None:
    assert section_slug(section) == slug


def test_clause_ids_are_stable_and_distinct() -> None:
    book = ClauseBook("cn")
    first = Citation(document="cn.document.tingzi-2022-28", section="二(一)1", quote="甲")
    second = Citation(document="cn.document.tingzi-2022-28", section="二(一)1", quote="乙")
    ids = [book.id_for(first), book.id_for(second), book.id_for(first)]
    assert ids == ["cn.clause.tingzi-2022-28-2-1-1", "cn.clause.tingzi-2022-28-2-1-1-b", ids[0]]
    again = ClauseBook("cn", book.clauses())
    assert again.id_for(second) == ids[1]
    assert [c.citation() for c in book.clauses()] == [first, second]
