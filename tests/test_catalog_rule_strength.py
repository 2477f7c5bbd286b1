"""``catalog`` says how strongly a rule on departments binds where its words do not simply bind.

A sign listed without a binding word read 列入悬挂（约束力未写明）, but a rule on departments read as a plain
statement however its source words it: Ninghe's 「……由街镇协调解决」 (no binding word) stood beside 「……不得……」
with nothing to tell them apart (found reviewing Ninghe 1.16.0 as its clerk).
"""

from __future__ import annotations

from conftest import invoke


def _line(out: str, item_id: str) -> str:
    return next(x for x in out.splitlines() if f"  {item_id}  " in x)


def test_a_rule_without_a_binding_word_says_so_and_a_binding_one_says_nothing_more() -> None:
    out = invoke("catalog", "120117").out
    unstated = _line(out, "cn.obligation.township-resolves-unmet-needs")
    assert "由街镇协调解决（约束力未写明）" in unstated
    assert "约束力" not in _line(out, "cn.obligation.no-unassigned-tasks")  # 不得: its words bind, nothing added
    advised = _line(out, "cn.obligation.no-mechanism-where-existing-bodies-serve")
    assert "专人专岗（一般）" in advised  # 原则上: advises
    english = invoke("catalog", "120117", "--lang", "en").out
    assert "由街镇协调解决 (how strongly: unstated)" in _line(english, "cn.obligation.township-resolves-unmet-needs")
