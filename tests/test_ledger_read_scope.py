"""An entry of a ledger is what the ledger was read as (``--scope``, ``read_ledger(scope=)``) unless its rows say.

``audit --scope 社区`` of a ledger whose 和平社区 records nothing said 「台账未记录该村…」: the entry
was made a village whatever scope the ledger was read with.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from conftest import invoke
from villagecat.checks import read_ledger
from villagecat.models import Scope

if TYPE_CHECKING:
    from pathlib import Path

EMPTY_COMMUNITY = "villages:\n  - village: 和平社区\n  - village: 柳树社区\n    duties: [组织开展换届选举]\n"


def test_an_empty_entry_is_what_the_ledger_was_read_as(tmp_path: Path) -> None:
    """「台账未记录该村的任何…」 of 和平社区 read with --scope 社区: the place is the ledger's scope, not always 村."""
    ledger = tmp_path / "ledger.yaml"
    ledger.write_text(EMPTY_COMMUNITY, encoding="utf-8")
    result = invoke("audit", str(ledger), "-j", "cn", "--scope", "社区")
    assert "和平社区：台账未记录该社区的任何标牌、事项、机制、证明或设施，未作核查" in result.out
    assert "该村" not in result.out
    assert [v.scope for v in read_ledger(ledger, scope=Scope.COMMUNITY).villages] == [Scope.COMMUNITY] * 2
    assert [v.scope for v in read_ledger(ledger).villages] == [Scope.VILLAGE] * 2
    english = invoke("audit", str(ledger), "-j", "cn", "--scope", "社区", "--lang", "en")
    assert "the ledger records no sign, duty, mechanism, certificate or facility of this community" in english.out


def test_an_entry_of_signs_alone_is_what_the_ledger_was_read_as_and_a_row_s_own_scope_wins(tmp_path: Path) -> None:
    """A CSV without 村或社区: every entry the read scope; a duty's own 村 still makes its place a village."""
    signs = tmp_path / "signs.csv"
    signs.write_text("村名,类别,名称,位置\n和平社区,标牌,和平社区居民委员会,外部\n", encoding="utf-8")
    (entry,) = read_ledger(signs, scope=Scope.COMMUNITY).villages
    assert (entry.scope, entry.signs[0].scope) == (Scope.COMMUNITY, Scope.COMMUNITY)
    own = tmp_path / "own.csv"
    own.write_text("村名,类别,名称,村或社区\n柳树村,事项,拆迁拆违,村\n和平社区,事项,拆迁拆违,\n", encoding="utf-8")
    assert [(v.village, v.scope) for v in read_ledger(own, scope=Scope.COMMUNITY).villages] == [
        ("柳树村", Scope.VILLAGE),
        ("和平社区", Scope.COMMUNITY),
    ]
