"""A reviewer gating a revision of Jilin, by the steps of docs/guides/review-revision.md.

The revision is a copy of the shipped package edited as a clerk edits it; the counties below it are made with
``villagecat init --layer county --parent 220000`` and given one override each, as a county publishes.
"""

from __future__ import annotations

import csv
import json
import re
import shutil
from typing import TYPE_CHECKING

import pytest

from conftest import REPO, invoke

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

JILIN = REPO / "data" / "provinces" / "220000-jilin"
_COUNTIES = (("220102", "南关区"), ("220104", "朝阳区"))


def _rows(path: Path, change: Callable[[list[str], list[str]], None]) -> None:
    """Edit a CSV file row by row as a spreadsheet saves it (the header given to find columns)."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    for row in rows[1:]:
        change(rows[0], row)
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)


def _append(path: Path, line: str) -> None:
    with path.open("a", encoding="utf-8") as handle:
        handle.write(line + "\n")


@pytest.fixture
def review(tmp_path: Path) -> tuple[Path, Path, list[str]]:
    """The published Jilin, a copy to revise, and ``--layer`` options for two counties overriding 公共卫生委员会."""
    old, new = tmp_path / "old", tmp_path / "new"
    shutil.copytree(JILIN, old)
    shutil.copytree(JILIN, new)
    layers: list[str] = []
    for code, name in _COUNTIES:
        folder = tmp_path / code
        made = invoke("init", "--level", "county", "--code", code, "--name", name, "--parent", "220000", str(folder))
        assert made.code == 0, made.err
        _append(
            folder / "documents.csv",
            f"{code}.document.plan,{name}工作方案,,{name}民政局,2023-08,,normative_document,,,true",
        )
        _append(folder / "clauses.csv", f"{code}.clause.plan-1,{code}.document.plan,一,公共卫生委员会不设专人专岗。")
        _append(
            folder / "overrides.csv",
            f"{code}.override.public-health-post,公共卫生委员会：专人专岗,{code}.clause.plan-1,,,,"
            "220000.mechanism.public-health,dedicated_post,set,false",
        )
        layers += ["--layer", str(folder)]
    assert invoke("diff", str(old), str(new), *layers).out.endswith("无变化\n")
    return old, new, layers


def _renumber(new: Path) -> None:
    def renumbered(_header: list[str], row: list[str]) -> None:
        if row[0] == "220000.mechanism.public-health":
            row[0] = "220000.mechanism.public-health-committee"

    _rows(new / "mechanisms.csv", renumbered)


_SUSPECTED = (
    "疑似重新编号：新条目 220000.mechanism.public-health-committee 与被删的 220000.mechanism.public-health 同名；"
    "若是同一条目，请在本层 220000.mechanism.public-health-committee 的“替代条目”中填写"
    " 220000.mechanism.public-health（下级层的覆盖随之归 220000.mechanism.public-health-committee）"
)
#: As each county's block of ``impact`` says it: the item is its parent's (吉林省's), not its own.
_SUSPECTED_ABOVE = _SUSPECTED.replace("请在本层", "请在上级层")


def test_a_renumbering_without_replaces_is_said_once_as_suspected_never_decided(
    review: tuple[Path, Path, list[str]],
) -> None:
    """Removed and added under one name, replaces left empty: each county read 请核对所填的标识…或删去这条覆盖.

    The reviewer is told once that it looks like a renumbering, and each county's conflict says so too; the
    changes stay a removal and an addition (a same-named item may be another item).
    """
    old, new, layers = review
    _renumber(new)
    result = invoke("diff", str(old), str(new), *layers)
    assert result.out.count(_SUSPECTED) == 1 + len(_COUNTIES), result.out  # the reviewer's line, each county's
    lines = result.out.splitlines()
    for code, _ in _COUNTIES:
        (conflict,) = [line for line in lines if f"{code}.override.public-health-post" in line]
        assert _SUSPECTED in conflict
    assert "[mechanism-removed]" in result.out
    assert "[mechanism-added]" in result.out
    data = json.loads(invoke("diff", str(old), str(new), *layers, "--format", "json").out)
    assert {c["code"] for c in data["changes"]} == {"mechanism-removed", "mechanism-added"}
    impacted = invoke("impact", str(old), str(new), *layers).out
    assert impacted.count(_SUSPECTED_ABOVE) == len(_COUNTIES), impacted

    # an alias shares the name as well; a different name says nothing
    def aliased(header: list[str], row: list[str]) -> None:
        if row[0] == "220000.mechanism.public-health-committee":
            row[header.index("name")] = "村公共卫生委员会"
            row[header.index("aliases")] = "公共卫生委员会"

    _rows(new / "mechanisms.csv", aliased)
    assert _SUSPECTED in invoke("diff", str(old), str(new), *layers).out

    def other(header: list[str], row: list[str]) -> None:
        if row[0] == "220000.mechanism.public-health-committee":
            row[header.index("aliases")] = ""

    _rows(new / "mechanisms.csv", other)
    assert "疑似重新编号" not in invoke("diff", str(old), str(new), *layers).out


def test_layers_below_are_named_as_a_clerk_knows_them(review: tuple[Path, Path, list[str]]) -> None:
    """层 220102（0.1.0）, 下级层新冲突 2 项（220102、220104）: a clerk knows 南关区（220102）."""
    old, new, layers = review
    _renumber(new)
    result = invoke("diff", str(old), str(new), *layers, "--fail-on", "breaking")
    for code, name in _COUNTIES:
        assert f"层 {code}（" not in result.out
        assert f"{name}（{code}）" in result.out
    assert "下级层新冲突 2 项（南关区（220102）、朝阳区（220104））" in result.err
    impacted = invoke("impact", str(old), str(new), *layers).out
    assert "层 220102（" not in impacted
    assert "南关区（220102）" in impacted
    english = invoke("--lang", "en", "diff", str(old), str(new), *layers, "--fail-on", "breaking")
    assert "Nanguan (220102)" in english.err


def test_a_field_reads_by_its_chinese_title_in_chinese(review: tuple[Path, Path, list[str]]) -> None:
    """…convenience-service-station.notes（便民服务站（大厅））: a Chinese reader saw ``notes``."""
    old, new, layers = review

    def noted(header: list[str], row: list[str]) -> None:
        if row[0] == "220000.mechanism.convenience-service-station":
            row[header.index("notes")] = "来源为“便民服务站（大厅）”。"

    _rows(new / "mechanisms.csv", noted)
    text = invoke("diff", str(old), str(new), *layers).out
    assert ".notes" not in text
    assert "220000.mechanism.convenience-service-station（便民服务站（大厅））的“备注”" in text
    english = invoke("--lang", "en", "diff", str(old), str(new), *layers).out
    assert "220000.mechanism.convenience-service-station.notes" in english
    # English brackets its name as English does (the name itself is data, as written)
    assert "220000.mechanism.convenience-service-station.notes (便民服务站（大厅）): " in english
    effective = invoke("--lang", "en", "diff", "--effective", str(old), str(new), *layers).out
    assert "220000.mechanism.convenience-service-station.notes (便民服务站（大厅）): " in effective
    data = json.loads(invoke("diff", str(old), str(new), *layers, "--format", "json").out)
    assert [c["field"] for c in data["changes"]] == ["notes"]


def test_one_clause_quote_edited_is_one_change_listing_the_items_citing_it(
    review: tuple[Path, Path, list[str]],
) -> None:
    """二(七)'s quote edited once printed one ``…-citation-changed`` line per item citing it (32 lines)."""
    old, new, layers = review

    def quoted(header: list[str], row: list[str]) -> None:
        if row[0] == "220000.clause.measures-2-7":
            row[header.index("quote")] = row[header.index("quote")].replace("一般应在", "一般应当在")

    _rows(new / "clauses.csv", quoted)
    cited = sum(
        re.search(r"220000\.clause\.measures-2-7(?![-\w])", line) is not None
        for path in JILIN.glob("*.csv")
        for line in path.read_text(encoding="utf-8").splitlines()
        if not line.startswith("220000.clause.")
    )
    assert cited > 20
    text = invoke("diff", str(old), str(new), *layers).out
    assert "citation-changed" not in text
    (line,) = [line for line in text.splitlines() if "[clause-changed]" in line]
    assert "220000.clause.measures-2-7" in line
    assert "〔增：当〕" in line
    assert f"引用它的条目 {cited} 项：村党组织标牌：版式、" in line
    assert "等" in line
    assert "破坏性 0 · 需关注 0 · 一般 1" in text
    data = json.loads(invoke("diff", str(old), str(new), *layers, "--format", "json").out)
    assert [c["code"] for c in data["changes"]] == ["clause-changed"]
    codes = (REPO / "docs" / "change-codes.md").read_text(encoding="utf-8")
    assert "`clause-changed`" in codes


def test_a_conflict_below_names_its_layer_and_version_in_one_bracket_each(
    review: tuple[Path, Path, list[str]],
) -> None:
    """层 南关区（220102）（0.1.0）的条目…: two brackets in a row, the version's reading as a second name."""
    old, new, layers = review
    _renumber(new)
    for command in ("diff", "impact"):
        text = invoke(command, str(old), str(new), *layers).out
        assert "）（0.1.0）" not in text
        assert "层 南关区（220102）0.1.0 版的条目 220000.mechanism.public-health 不符合合并规则" in text
        english = invoke("--lang", "en", command, str(old), str(new), *layers).out
        assert ") (0.1.0)" not in english
        assert "layer Nanguan (220102), version 0.1.0, item 220000.mechanism.public-health: breaks rule" in english
    # known by its id alone (the JSON's message, as a catalog's own conflicts), the layer reads as it did
    data = json.loads(invoke("diff", str(old), str(new), *layers, "--format", "json").out)
    (said, *_) = [c["message_zh"] for c in data["audiences"]["child_layers"]]
    assert said.startswith("层 220102（0.1.0）的条目 220000.mechanism.public-health 不符合合并规则"), said


def _quote_edited(new: Path) -> None:
    def quoted(header: list[str], row: list[str]) -> None:
        if row[0] == "220000.clause.measures-2-7":
            row[header.index("quote")] = row[header.index("quote")].replace("一般应在", "一般应当在")

    _rows(new / "clauses.csv", quoted)


def test_one_clause_quote_edited_is_one_change_in_the_effective_diff_and_impact_too(
    review: tuple[Path, Path, list[str]],
) -> None:
    """The package diff said one clause-changed; --effective and impact still counted one citation change per item."""
    old, new, layers = review
    _quote_edited(new)
    text = invoke("diff", "--effective", str(old), str(new), *layers).out
    assert "citation-changed" not in text
    (line,) = [line for line in text.splitlines() if "[clause-changed]" in line]
    data = json.loads(invoke("diff", "--effective", str(old), str(new), *layers, "--format", "json").out)
    (change,) = data["changes"]
    assert change["code"] == "clause-changed"
    citing = change["cited_by"]
    assert "cn.sign.party-organisation" in citing
    assert len(citing) > 1
    # the package diff's words: the clause's 原文, the items citing it, the characters edited; and the layer
    assert "220000.document.measures#二(七) 的“原文”" in line
    assert f"（引用它的条目 {len(citing)} 项：" in line
    assert "〔增：当〕" in line
    assert line.endswith("（220000 层）")
    assert "破坏性 0 · 需关注 0 · 一般 1" in text
    impact = invoke("impact", str(old), str(new), *layers).out
    assert "一般 1 · 新冲突 0" in impact
    assert "一般 2" not in impact
    # the package diff's JSON names the citing items by id too (its text by name)
    package = json.loads(invoke("diff", str(old), str(new), *layers, "--format", "json").out)
    (clause,) = package["changes"]
    assert "220000.override.party-organisation-orientation" in clause["cited_by"]


def test_an_item_whose_citations_changed_otherwise_keeps_its_line_in_the_effective_diff(
    review: tuple[Path, Path, list[str]],
) -> None:
    """Only items whose citations changed identically are one change: one that also cites another clause is apart."""
    old, new, layers = review
    _quote_edited(new)

    def cites_more(header: list[str], row: list[str]) -> None:
        if row[0] == "220000.override.party-organisation-orientation":
            row[header.index("citations")] += "|220000.clause.measures-1-1"

    _rows(new / "overrides.csv", cites_more)
    text = invoke("diff", "--effective", str(old), str(new), *layers).out
    (own,) = [line for line in text.splitlines() if "-citation-changed]" in line]
    assert "cn.sign.party-organisation（" in own
    (line,) = [line for line in text.splitlines() if "[clause-changed]" in line]
    assert "村党组织标牌" not in line


def test_a_restating_row_loosening_a_rule_is_reported_as_the_violation_alone(
    review: tuple[Path, Path, list[str]],
) -> None:
    """must → should on a row restating a national rule read 违反规则 and again 一般 obligation-modality-loosened."""
    old, new, layers = review

    def loosened(header: list[str], row: list[str]) -> None:
        if row[0] == "220000.obligation.no-unassigned-tasks":
            row[header.index("modality")] = "should"

    _rows(new / "obligations.csv", loosened)
    result = invoke("diff", str(old), str(new), *layers)
    assert result.code == 1
    assert "obligation-modality-loosened" not in result.out
    assert "违反规则 1 · 破坏性 0 · 需关注 0 · 一般 0" in result.out
    data = json.loads(invoke("diff", str(old), str(new), *layers, "--format", "json").out)
    assert [c["code"] for c in data["changes"]] == ["rule-violated"]
    # the next revision taking it back is the violation withdrawn, as a refused cancellation's is
    back = invoke("diff", str(new), str(old), *layers)
    assert "[rule-violation-withdrawn]" in back.out, back.out
