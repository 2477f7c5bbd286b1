"""The review gate: levels from the merge rules, ``--fail-on``, accepted changes (issue: review gate)."""

from __future__ import annotations

import dataclasses
import json
import re
import shutil
from typing import TYPE_CHECKING

import pytest

import villagecat
from conftest import NINGHE, REPO, edit, invoke
from villagecat.diff import diff_packages
from villagecat.models import Citation, Duty, DutyKind, MergeOp, Override, Release
from villagecat.package import load_layer, save_layer

if TYPE_CHECKING:
    from pathlib import Path

    from villagecat.models import Layer

NATIONAL = REPO / "data" / "national"


def _ninghe_with(tmp_path: Path, **changes: object) -> Path:
    old = load_layer(NINGHE)
    return save_layer(dataclasses.replace(old, **changes), tmp_path / "ninghe")  # type: ignore[arg-type]


def _lowering(value: float) -> Override:
    return Override(
        id="120117.override.community-per-households-lowered",
        name="cn.facility.community-service-facility min_area_per_100_households_m2",
        citations=(Citation(document="120117.document.work-plan", section="三(二)7"),),
        target="cn.facility.community-service-facility",
        field="min_area_per_100_households_m2",
        op=MergeOp.SET,
        value=value,
    )


def test_lowering_an_inherited_minimum_is_a_violation_that_fails_the_default_gate(tmp_path: Path) -> None:
    old = load_layer(NINGHE)
    revised = _ninghe_with(tmp_path, overrides=(*old.overrides, _lowering(20)))
    text = invoke("diff", str(NINGHE), str(revised))
    assert text.code == 1  # the default gate: violation
    assert (
        "违反规则 [rule-violated] cn.facility.community-service-facility（城乡社区综合服务设施 · 村和社区）"
        "的“每百户最小面积（平方米）”" in text.out
    )
    assert "上级值 30" in text.out
    payload = json.loads(invoke("diff", str(NINGHE), str(revised), "--format", "json").out)
    (violation,) = [c for c in payload["changes"] if c["level"] == "violation"]
    assert (violation["item"], violation["old"], violation["new"]) == ("cn.facility.community-service-facility", 30, 20)
    assert payload["summary"]["violation"] == 1
    accepted = tmp_path / "accepted.yaml"
    accepted.write_text("- {code: rule-violated, item: cn.facility.community-service-facility, reason: 试}\n", "utf-8")
    assert invoke("diff", str(NINGHE), str(revised), "--accept", str(accepted)).code == 1  # never accepted


def test_relaxing_its_own_standard_is_a_relaxation_not_a_violation(tmp_path: Path) -> None:
    old = load_layer(NINGHE)
    own = tuple(
        f.model_copy(update={"min_floor_area_m2": 250.0}) if f.id == "120117.facility.village" else f
        for f in old.facilities
    )
    revised = _ninghe_with(tmp_path, facilities=own)
    result = invoke("diff", str(NINGHE), str(revised))
    assert result.code == 0
    assert (
        "120117.facility.village（村党群服务中心（村级综合服务设施） · 村）的“最小建筑面积（平方米）”：300 → 250"
        "（对村放宽：要求放松，来源未写明约束力）" in result.out  # the item's Chinese name and scope beside its id
    )
    assert "违反规则" not in result.out


def test_an_announced_major_release_passes_unannounced_and_an_unannounced_one_fails(tmp_path: Path) -> None:
    old = load_layer(NATIONAL)
    removed = dataclasses.replace(old, certificates=old.certificates[1:])
    quiet = save_layer(removed, tmp_path / "quiet")
    unannounced = invoke("diff", str(NATIONAL), str(quiet), "--fail-on", "unannounced")
    assert unannounced.code == 1
    assert unannounced.err == "未通过审查（--fail-on unannounced）：版本号不足以反映这些变更，须升级主版本号（major）\n"
    release = Release(version="1.0.0", date="2026-11-23", notes="删去一项")
    layer = old.layer.model_copy(update={"version": "1.0.0", "releases": (*old.layer.releases, release)})
    announced = save_layer(dataclasses.replace(removed, layer=layer), tmp_path / "loud")
    assert invoke("diff", str(NATIONAL), str(announced), "--fail-on", "unannounced").code == 0
    breaking = invoke("diff", str(NATIONAL), str(announced), "--fail-on", "breaking")
    assert breaking.code == 1
    assert breaking.err.startswith("未通过审查（--fail-on breaking）：1 项破坏性或更高级别的变更未被接受")
    said = invoke("diff", str(NATIONAL), str(announced), "--fail-on", "破坏性")  # the gate as a clerk says it
    assert said.err == breaking.err
    accepted = tmp_path / "accepted.yaml"
    item = old.certificates[0].id
    accepted.write_text(f"- code: certificate-removed\n  item: {item}\n  reason: 并入省级清单\n", encoding="utf-8")
    gated = invoke("diff", str(NATIONAL), str(announced), "--fail-on", "breaking", "--accept", str(accepted))
    assert gated.code == 0
    assert gated.err == ""
    assert "（已接受：并入省级清单）" in gated.out
    markdown = invoke("diff", str(NATIONAL), str(announced), "--accept", str(accepted), "--format", "markdown").out
    assert f"- `certificate-removed` {item}：并入省级清单" in markdown


def test_two_different_layers_are_compared_only_as_effective_catalogs() -> None:
    result = invoke("diff", "cn", "120117")
    assert result.code == 1
    assert "不是同一层的两个版本" in result.err
    assert "--effective" in result.err
    assert invoke("diff", "cn", "120117", "--effective").code in (0, 1)


def test_a_bad_accepted_changes_file_is_one_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "accepted.yaml"
    bad.write_text("- {code: no-such-code, item: x, reason: y}\n", encoding="utf-8")
    result = invoke("diff", str(NATIONAL), str(NATIONAL), "--accept", str(bad))
    assert result.code == 2
    assert "第 1 项" in result.err


def test_a_new_package_gets_its_first_release_without_against(tmp_path: Path) -> None:
    folder = tmp_path / "wq"
    assert invoke("init", str(folder), "--level", "county", "--code", "120114", "--name", "武清区").code == 0
    declared = load_layer(folder).layer.version
    first = invoke("release", str(folder), "--date", "2026-11-22")
    assert first.code == 0, first.err
    assert first.out == f"120114 首次发布 {declared}\n"
    (entry,) = load_layer(folder).layer.releases
    assert (entry.version, entry.date, entry.notes) == (declared, "2026-11-22", "首次发布")
    again = invoke("release", str(folder), "--notes", "另一说明")  # outside git: nothing to compare with
    assert again.code == 1
    assert "已记有发布" in again.err
    assert "请用 --against 给出上一版的数据包" in again.err
    (entry,) = load_layer(folder).layer.releases
    assert entry.notes == "首次发布"  # an entry's notes are never replaced


def test_a_release_that_breaks_a_merge_rule_is_refused(tmp_path: Path) -> None:
    old = load_layer(NINGHE)
    revised = _ninghe_with(tmp_path, overrides=(*old.overrides, _lowering(20)))
    before = (revised / "datapackage.json").read_bytes()
    result = invoke("release", str(revised), "--against", str(NINGHE))
    assert result.code == 1
    assert "未发布" in result.err
    assert "cn.facility.community-service-facility" in result.err
    assert (revised / "datapackage.json").read_bytes() == before


def test_a_one_character_citation_edit_shows_the_character_in_context_on_one_screen(tmp_path: Path) -> None:
    revised = tmp_path / "national"
    shutil.copytree(NATIONAL, revised)
    clauses = revised / "clauses.csv"
    text = clauses.read_text(encoding="utf-8")
    old = "不得将村级组织作为行政执法、拆迁拆违、招商引资、安全生产等事务的责任主体。"
    assert old in text
    clauses.write_text(text.replace(old, old.replace("招商引资", "招商引咨")), encoding="utf-8")
    result = invoke("diff", str(NATIONAL), str(revised))
    lines = result.out.splitlines()
    assert len(lines) <= 30
    assert all(len(line) <= 200 for line in lines), max(lines, key=len)
    assert "〔删：资〕〔增：咨〕" in result.out
    assert "{'document'" not in result.out  # never a Python repr


def test_every_way_an_item_changes_is_listed() -> None:
    old = load_layer(NATIONAL)
    duty = old.duties[0]
    changed = duty.model_copy(update={"name": duty.name + "（修订）", "notes": "新增说明", "aliases": ("别名甲",)})
    report = diff_packages(old, dataclasses.replace(old, duties=(changed, *old.duties[1:])))
    assert sorted(str(c.field) for c in report.changes if c.item == duty.id) == ["aliases", "name", "notes"]


def test_a_province_adding_a_red_line_is_a_minor_release_that_breaks_no_county(tmp_path: Path) -> None:
    tianjin = REPO / "data" / "provinces" / "120000-tianjin"
    old = load_layer(tianjin)
    duty = Duty(
        id="120000.duty.no-petition-quota",
        name="作为信访维稳指标的责任主体",
        citations=(Citation(document="120000.document.implementation-plan", section="三"),),
        duty_kind=DutyKind.PROHIBITED,
    )
    revised = save_layer(dataclasses.replace(old, duties=(*old.duties, duty)), tmp_path / "tianjin")
    payload = json.loads(invoke("diff", str(tianjin), str(revised), "--format", "json").out)
    assert payload["suggested_bump"] == "minor"  # a new red line that no county's own rows conflict with
    assert payload["audiences"]["child_layers"] == []
    assert payload["audiences"]["villages"]["tightens"] == ["120000.duty.no-petition-quota"]
    text = invoke("diff", str(tianjin), str(revised)).out
    assert "对村：收紧 1 项，放宽" in text
    assert "下级层：新冲突 0 项" in text
    # Released as 0.4.0, beyond Ninghe's declared <0.4.0: Ninghe still resolves, with no conflict.
    release = Release(version="0.4.0", date="2026-11-23", notes="新增履职负面事项一项")
    layer = old.layer.model_copy(update={"version": "0.4.0", "releases": (*old.layer.releases, release)})
    released = save_layer(dataclasses.replace(load_layer(revised), layer=layer), tmp_path / "tianjin-0.4")
    catalog = villagecat.resolve("120117", layers=[released])
    assert catalog.chain[1].version == "0.4.0"
    assert not catalog.conflicts
    assert villagecat.validate(REPO / "data" / "provinces" / "120000-tianjin" / "120117-ninghe").valid


def test_a_province_change_that_a_county_conflicts_with_is_major(tmp_path: Path) -> None:
    national = load_layer(NATIONAL)
    raised = tuple(
        s.model_copy(update={"max_long_side_cm": 150.0}) if s.id == "cn.sign.party-organisation" else s
        for s in national.signs
    )
    revised = save_layer(dataclasses.replace(national, signs=raised), tmp_path / "national")
    payload = json.loads(invoke("diff", str(NATIONAL), str(revised), "--format", "json").out)
    conflicts = payload["audiences"]["child_layers"]
    # Jilin's 200 cm long side no longer lowers the national one: Jilin's row now loosens it, and
    # its 一般 (should) softens the nation's limit, which binds (its modality left empty).
    assert sorted((c["layer"], c["item"], c["field"]) for c in conflicts) == [
        ("220000", "cn.sign.party-organisation", "max_long_side_cm"),
        ("220000", "cn.sign.party-organisation", "size_modality"),
    ]
    assert payload["suggested_bump"] == "major"


def test_the_text_report_in_english(tmp_path: Path) -> None:
    old = load_layer(NATIONAL)
    revised = save_layer(dataclasses.replace(old, certificates=old.certificates[1:]), tmp_path / "national")
    result = invoke("diff", str(NATIONAL), str(revised), "--lang", "en")
    lines = result.out.splitlines()
    assert lines[1] == "breaking 1 · warning 0 · info 0 · suggested bump: major"
    assert lines[3].startswith(
        "villages: 0 tightened, 1 relaxed · communities: 0 tightened, 1 relaxed · integrators: 1 id-level changes"
    )
    assert lines[4].startswith("  breaking [certificate-removed]")
    assert "破坏性" not in result.out


def test_check_reports_in_english() -> None:
    result = invoke("check", "facility", "-j", "220000", "--floor-area", "250", "--households", "900", "--lang", "en")
    assert result.out.startswith("220000 · facility: 0 failed, 1 notes\n")
    assert "[note]" in result.out
    assert "不符合" not in result.out


def test_a_release_against_another_layer_is_refused_and_writes_nothing(tmp_path: Path) -> None:
    """``release --against`` the nation bumped Ninghe to 1.0.0, where ``diff`` refuses the pair."""
    ninghe = tmp_path / "ninghe"
    shutil.copytree(NINGHE, ninghe)
    before = {p.name: p.read_bytes() for p in ninghe.iterdir()}
    result = invoke("release", str(ninghe), "--against", str(NATIONAL), "--date", "2026-12-01")
    assert (result.code, result.out) == (1, "")
    assert "上一版本是 cn 层，要发布的是 120117 层" in result.err
    assert {p.name: p.read_bytes() for p in ninghe.iterdir()} == before
    from villagecat.authoring import release_layer  # noqa: PLC0415
    from villagecat.errors import InvalidRequestError  # noqa: PLC0415

    with pytest.raises(InvalidRequestError, match="120117"):
        release_layer(load_layer(NATIONAL), load_layer(ninghe), ninghe)
    assert {p.name: p.read_bytes() for p in ninghe.iterdir()} == before


def test_an_override_that_tightens_the_villages_rule_is_as_grave_as_the_effective_diff_says(tmp_path: Path) -> None:
    """Raising the nation's 30 m² per 100 households to 60 was ``override-added`` (info) and a patch release.

    The nation's figure is a planning target whose source names no grading word, so raising it tightens a rule of
    unstated strength: 需关注, a shortfall a 提示 (not advice), as the effective diff says too.
    """
    old = load_layer(NINGHE)
    revised = _ninghe_with(tmp_path, overrides=(*old.overrides, _lowering(60)))
    data = json.loads(invoke("diff", str(NINGHE), str(revised), "--format", "json").out)
    (added,) = [c for c in data["changes"] if c["code"] == "override-added"]
    assert (added["level"], added["effect"], added["advised"]) == ("warning", "tightens", False)
    effective = json.loads(invoke("diff", str(NINGHE), str(revised), "--effective", "--format", "json").out)
    (raised,) = [c for c in effective["changes"] if c["effect"] == "tightens"]  # the two diffs now agree
    assert (raised["level"], raised["item"]) == ("warning", "cn.facility.community-service-facility")
    # As when a layer raises a minimum of its own: a tightening for villages, and, since no county
    # below conflicts with it, a minor release (issue: review gate).
    own = old.facilities[0].model_copy(update={"min_floor_area_m2": (old.facilities[0].min_floor_area_m2 or 0) + 50})
    raised_own = _ninghe_with(tmp_path / "own", facilities=(own, *old.facilities[1:]))
    own_data = json.loads(invoke("diff", str(NINGHE), str(raised_own), "--format", "json").out)
    assert data["suggested_bump"] == own_data["suggested_bump"] == "minor"
    released = invoke("release", str(revised), "--against", str(NINGHE), "--date", "2026-12-06")
    assert released.code == 0, released.err
    major, minor, _ = (int(n) for n in old.layer.version.split("."))
    assert load_layer(revised).layer.version == f"{major}.{minor + 1}.0"


def test_the_library_s_release_refuses_a_version_that_breaks_a_merge_rule(tmp_path: Path) -> None:
    """``release_layer`` released 1.1.2 with an override loosening a prohibited duty; only the CLI refused it."""
    from villagecat.authoring import release_layer  # noqa: PLC0415
    from villagecat.errors import InvalidRequestError  # noqa: PLC0415
    from villagecat.registry import shipped_registry  # noqa: PLC0415

    old = load_layer(NINGHE)
    revised = _ninghe_with(tmp_path, overrides=(*old.overrides, _lowering(20)))
    before = {p.name: p.read_bytes() for p in revised.iterdir()}
    with pytest.raises(InvalidRequestError, match="未发布"):
        release_layer(old, load_layer(revised), revised, registry=shipped_registry())
    assert {p.name: p.read_bytes() for p in revised.iterdir()} == before


def test_a_modality_left_empty_cannot_be_softened_below() -> None:
    """An empty modality ranks above should: a township set Tianjia'an's ceiling of nine plaques to should, unrefused.

    The source does not say how strongly the ceiling binds (「……内部标牌9个」): a check tells a
    village over it, never fails it, yet no layer below may say it only advises. The ceiling is
    emptied here whatever the shipped data records: the law is the format's, not the data's.
    """
    from layers import child_layer  # noqa: PLC0415
    from villagecat.merging import merge  # noqa: PLC0415
    from villagecat.registry import shipped_registry  # noqa: PLC0415

    registry = shipped_registry()
    shipped = registry.find("340403")
    tianjiaan = dataclasses.replace(shipped, sign_quotas=tuple(
        q.model_copy(update={"modality": None}) if q.id == "340403.quota.inside-plaques" else q
        for q in shipped.sign_quotas
    ))  # fmt: skip
    quota = next(q for q in tianjiaan.sign_quotas if q.modality is None)
    town = child_layer(
        "340403",
        "340403001",
        level="township",
        version_range=f"=={tianjiaan.layer.version}",
        overrides=[{"target": quota.id, "field": "modality", "op": "set", "value": "should"}],
    )
    conflicts = merge([*registry.chain(shipped)[:-1], tianjiaan, town]).conflicts
    assert [(c.item, c.field, c.rule) for c in conflicts] == [(quota.id, "modality", "graded")]
    softened = dataclasses.replace(tianjiaan, sign_quotas=tuple(
        q.model_copy(update={"modality": "should"}) if q.id == quota.id else q for q in tianjiaan.sign_quotas
    ))  # fmt: skip
    (change,) = [c for c in diff_packages(tianjiaan, softened).changes if c.field == "modality"]
    # in its own layer it ranks lower, which no layer below may do, yet a miss is a 提示 either way: no one relaxed
    assert (change.code, change.effect.value) == ("sign-quota-modality-stated", "neutral")


@pytest.mark.parametrize(("modality", "effect"), [("must", "tightens"), ("should", "neutral"), ("may", "neutral")])
def test_a_modality_the_source_left_unsaid_ranks_between_advice_and_must(modality: str, effect: str) -> None:
    """Empty counted as must, so making Ninghe's 「……300平方米以上」 must was neutral, though a check then fails it.

    An empty modality does not bind (a miss is a 提示 that says the source does not say), yet nothing
    says it only advises: must above it tightens; should or may rank below it, and a layer below may
    not do either of the latter, yet a miss stays a 提示, so diff relaxes no one (``-stated``). Nor does
    a layer below loosen a must by leaving the cell empty.
    """
    from layers import child_layer  # noqa: PLC0415
    from villagecat.merging import merge  # noqa: PLC0415
    from villagecat.registry import shipped_registry  # noqa: PLC0415

    registry = shipped_registry()
    shipped = registry.find("120117")
    unsaid = dataclasses.replace(
        shipped, facilities=tuple(f.model_copy(update={"modality": None}) for f in shipped.facilities)
    )
    graded = dataclasses.replace(
        shipped, facilities=tuple(f.model_copy(update={"modality": modality}) for f in shipped.facilities)
    )
    changes = [c for c in diff_packages(unsaid, graded).changes if c.field == "modality"]
    assert changes
    assert {c.effect.value for c in changes} == {effect}
    (village,) = [f for f in unsaid.facilities if f.id == "120117.facility.village"]
    town = child_layer(
        "120117",
        "120117001",
        level="township",
        version_range=f"=={shipped.layer.version}",
        overrides=[{"target": village.id, "field": "modality", "op": "set", "value": modality}],
    )
    conflicts = merge([*registry.chain(shipped)[:-1], unsaid, town]).conflicts
    assert [(c.item, c.field) for c in conflicts] == ([] if modality == "must" else [(village.id, "modality")])


def test_an_unraised_version_is_told_plainly_and_a_release_does_not_warn_of_itself(tmp_path: Path) -> None:
    """It read 1.1.1 → 1.1.1 只升级了无需升级（none）, and release printed it after bumping."""
    old = load_layer(NINGHE)
    revised = _ninghe_with(tmp_path, overrides=(*old.overrides, _lowering(60)))
    text = invoke("diff", str(NINGHE), str(revised)).out
    assert f"版本号未升级：{old.layer.version} → {old.layer.version}，这些变更需要升级次版本号（minor）" in text
    released = invoke("release", str(revised), "--against", str(NINGHE), "--date", "2026-12-06")
    assert released.code == 0, released.err
    assert "版本号未" not in released.out


def test_a_release_compares_with_the_package_s_own_repository_wherever_it_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Run from outside the repository, ``release`` found no commit and said 已发布，未作改动, exit 0."""
    import subprocess  # noqa: PLC0415

    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    repo = tmp_path / "repo"
    shutil.copytree(NINGHE, repo / "ninghe")
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "1.3"]):
        subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args], cwd=repo, check=True)  # noqa: S607
    facilities = repo / "ninghe" / "facilities.csv"
    facilities.write_text(
        facilities.read_text(encoding="utf-8").replace(",village,,300,", ",village,,400,"), encoding="utf-8"
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    result = invoke("release", str(repo / "ninghe"))
    assert result.code == 0, result.err
    old = load_layer(NINGHE).layer.version
    assert result.out.startswith(f"120117 {old} → ")
    assert load_layer(repo / "ninghe").layer.version != old
    assert invoke("diff", f"HEAD:{repo / 'ninghe'}", str(repo / "ninghe")).code == 0  # an absolute REV:path too
    untracked = repo / "copy"  # in the repository, never committed: no previous version to compare with
    shutil.copytree(repo / "ninghe", untracked)
    refused = invoke("release", str(untracked))
    assert refused.code == 1
    assert "请用 --against 给出上一版的数据包" in refused.err


def test_an_item_that_cites_nothing_is_not_released(tmp_path: Path) -> None:
    """Removing 居民委员会标牌's citation passed validate and release as 一般 [sign-citation-changed]."""
    old = load_layer(NINGHE)
    uncited = dataclasses.replace(old, signs=tuple(
        s.model_copy(update={"citations": ()}) if s.id == "120117.sign.residents-committee" else s for s in old.signs
    ))  # fmt: skip
    folder = save_layer(uncited, tmp_path / "ninghe")
    before = (folder / "datapackage.json").read_bytes()
    result = invoke("release", str(folder), "--against", str(NINGHE))
    assert result.code == 1
    assert "1 个条目没有出处（120117.sign.residents-committee）" in result.err
    assert (folder / "datapackage.json").read_bytes() == before


@pytest.mark.parametrize("option", ["--accept", "--levels"])
def test_a_malformed_review_file_is_one_chinese_line_naming_its_line(tmp_path: Path, option: str) -> None:
    """PyYAML's own multi-line English (while parsing a flow sequence…) was the whole message."""
    bad = tmp_path / "review.yaml"
    bad.write_text("a: [1\n", encoding="utf-8")
    result = invoke("diff", "120117", "120117", option, str(bad))
    assert result.code == 2
    assert result.err.count("\n") == 1
    assert f"{bad}：YAML 格式错误或不安全（第 2 行第 1 列）：方括号 [ 没有闭合" in result.err
    assert "while parsing" not in result.err


def test_a_lowered_version_is_called_lowered() -> None:
    """2.0.0 → 1.3.0 read 版本号未升级."""
    old = load_layer(NINGHE)
    # a layer's releases end at its version: a lowered one is a layer whose release notes were rewritten too
    lowered = old.layer.model_copy(update={"version": "0.1.0", "releases": ()})
    report = diff_packages(old, dataclasses.replace(old, layer=lowered, signs=old.signs[1:]))
    from villagecat.diff import format_report  # noqa: PLC0415

    assert f"版本号降低了：{old.layer.version} → 0.1.0" in format_report(report, "text")


def test_a_failed_gate_gives_every_reason_at_once(tmp_path: Path) -> None:
    """Only 版本号不足 was told; the unaccepted breaking change surfaced after the version was raised."""
    old = load_layer(NATIONAL)
    quiet = save_layer(dataclasses.replace(old, certificates=old.certificates[1:]), tmp_path / "quiet")
    result = invoke("diff", str(NATIONAL), str(quiet), "--fail-on", "breaking")
    assert result.code == 1
    assert "版本号不足以反映这些变更" in result.err
    assert "1 项破坏性或更高级别的变更未被接受" in result.err


def test_a_committed_package_never_released_makes_its_first_release(tmp_path: Path) -> None:
    """Committed, then released: 与上一版本相比没有变化, exit 1; after an edit, 0.1.0 → 0.2.0 (0.1.0 never recorded)."""
    import subprocess  # noqa: PLC0415

    if shutil.which("git") is None:
        pytest.skip("git is not installed")

    def commit(message: str) -> None:
        for args in (["add", "-A"], ["commit", "-q", "-m", message]):
            subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args], cwd=repo, check=True)  # noqa: S607

    repo = tmp_path / "repo"
    repo.mkdir()
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True)  # noqa: S607
    for name, code in (("浙江", "330000"), ("江苏", "320000")):
        made = invoke("init", str(repo / name), "--level", "province", "--code", code, "--name", f"{name}省")
        assert made.code == 0, made.err
    commit("init")  # committing before releasing is the normal order in a province's repository
    first = invoke("release", str(repo / "浙江"), "--date", "2026-12-07")
    assert first.code == 0, first.err
    assert first.out == "330000 首次发布 0.1.0\n"
    (entry,) = load_layer(repo / "浙江").layer.releases
    assert (entry.version, entry.date, entry.notes) == ("0.1.0", "2026-12-07", "首次发布")
    # Edited after the commit, never released: still its declared version, nothing released to diff against.
    jiangsu = load_layer(repo / "江苏")

    def rename(name_en: str, layer: Layer) -> None:
        save_layer(dataclasses.replace(jiangsu, layer=layer.model_copy(update={"name_en": name_en})), repo / "江苏")

    rename("Jiangsu", jiangsu.layer)
    edited = invoke("release", str(repo / "江苏"), "--date", "2026-12-07")
    assert edited.code == 0, edited.err
    assert edited.out == "320000 首次发布 0.1.0\n"
    layer = load_layer(repo / "江苏").layer
    assert (layer.version, layer.name_en, [r.version for r in layer.releases]) == ("0.1.0", "Jiangsu", ["0.1.0"])
    commit("release 0.1.0")
    # Released once: the next release is compared with the committed one and bumped from it.
    rename("Jiangsu Province", layer)
    second = invoke("release", str(repo / "江苏"), "--date", "2026-12-08")
    assert second.code == 0, second.err
    assert second.out.startswith("320000 0.1.0 → 0.1.1\n")
    assert [r.version for r in load_layer(repo / "江苏").layer.releases] == ["0.1.0", "0.1.1"]


def test_release_notes_say_what_the_diff_report_says(tmp_path: Path) -> None:
    """Notes said 破坏性变更 1 项…字段变化，影响无法由数据判断 where the report said 对村和社区收紧, minor."""
    old = load_layer(NINGHE)
    released = _ninghe_with(tmp_path, overrides=(*old.overrides, _lowering(35)))  # 30 → 35: raised, then to 40
    revised = save_layer(dataclasses.replace(old, overrides=(*old.overrides, _lowering(40))), tmp_path / "revised")
    report = invoke("diff", str(released), str(revised))
    summary = report.out.splitlines()[1]
    assert summary.startswith("破坏性 0 · 需关注 1 · 一般 0 · 建议版本升级：")  # the nation's figure is advice
    (line,) = [line for line in report.out.splitlines() if "[override-changed]" in line]
    effect = line.rsplit("（", 1)[1].rstrip("）")  # 对社区收紧：新增或加严义务, as the report rates the override
    assert "收紧" in effect
    result = invoke("release", str(revised), "--against", str(released), "--date", "2026-12-07")
    assert result.code == 0, result.err
    notes = load_layer(revised).layer.releases[-1].notes
    counts = summary.split(" · 建议版本升级：")[0]
    bump = summary.split(" · 建议版本升级：")[1].split("（")[0]  # 次版本号（minor）: the notes say the word alone
    assert notes == f"{counts} · 版本升级：{bump}。{effect}（{_lowering(40).name}）"  # no override-changed
    assert "影响无法由数据判断" not in notes


def test_a_citation_added_is_shown_whole_without_the_lists_separator(tmp_path: Path) -> None:
    """A second citation read 〔增：；220000.document.measures 一(一)「…」〕: the list's 「；」 went with it."""
    revised = tmp_path / "jilin"
    shutil.copytree(REPO / "data/provinces/220000-jilin", revised)
    edit(
        revised / "obligations.csv",
        "220000.obligation.reports-mainly,村级组织报表以月报、季报、年报为主,220000.clause.measures-1-3,",
        "220000.obligation.reports-mainly,村级组织报表以月报、季报、年报为主,"
        "220000.clause.measures-1-3|220000.clause.measures-1-1,",
    )
    result = invoke("diff", str(REPO / "data/provinces/220000-jilin"), str(revised))
    (line,) = [line for line in result.out.splitlines() if "reports-mainly" in line]
    assert "：〔增：220000.document.measures 一(一)「需村级组织协助开展的工作事务" in line
    assert "〔增：；" not in line
    assert "……" not in line  # the citation kept is not shown cut as context


def test_a_package_validate_refuses_is_not_released(tmp_path: Path) -> None:
    """A county whose parent is neither shipped nor given was released as 220102 首次发布 0.1.0: release published
    what validate refuses. It now prints validate's problems, the command's own hint, and writes nothing."""
    made = invoke(
        "init",
        str(tmp_path / "南关"),
        "--level",
        "county",
        "--code",
        "220102",
        "--name",
        "南关区",
        "--parent",
        "220000",
    )
    assert made.code == 0, made.err
    descriptor = tmp_path / "南关" / "datapackage.json"
    text = descriptor.read_text(encoding="utf-8")
    descriptor.write_text(text.replace('"id": "220000"', '"id": "220100"', 1), encoding="utf-8")  # 长春市: not shipped
    before = descriptor.read_bytes()
    result = invoke("release", str(tmp_path / "南关"), "--date", "2026-12-07")
    assert result.code == 1
    assert "上级层 220100 不存在" in result.err
    assert "villagecat release" in result.err
    assert "--layer" in result.err
    assert "未发布：数据包有问题" in result.err
    assert descriptor.read_bytes() == before
    assert load_layer(tmp_path / "南关").layer.releases == ()


def test_an_accepted_change_that_matches_no_change_is_told_not_dropped_in_silence(tmp_path: Path) -> None:
    """An accepted-changes file whose entry names a change this revision does not make (a mistyped id, a stale
    entry, a violation, which no one may accept) was ignored without a word: the reviewer believed it in force.
    """
    old = load_layer(NATIONAL)
    removed = dataclasses.replace(old, certificates=old.certificates[1:])
    release = Release(version="1.0.0", date="2026-11-23", notes="删去一项")
    layer = old.layer.model_copy(update={"version": "1.0.0", "releases": (*old.layer.releases, release)})
    announced = save_layer(dataclasses.replace(removed, layer=layer), tmp_path / "loud")
    item = old.certificates[0].id
    accepted = tmp_path / "accepted.yaml"
    accepted.write_text(
        f"- {{code: certificate-removed, item: {item}, reason: 并入省级清单}}\n"
        f"- {{code: certificate-removed, item: {item}-typo, reason: 拼错}}\n",
        encoding="utf-8",
    )
    gated = invoke("diff", str(NATIONAL), str(announced), "--fail-on", "breaking", "--accept", str(accepted))
    assert gated.code == 0  # a note, not a failure: every change it needs accepted is accepted
    assert "accepted.yaml" in gated.err
    assert "第 2 项" in gated.err
    assert f"certificate-removed {item}-typo" in gated.err
    assert "第 1 项" not in gated.err
    json_out = invoke("diff", str(NATIONAL), str(announced), "--accept", str(accepted), "--format", "json")
    json.loads(json_out.out)  # the note goes to stderr: the report stays JSON
    assert "第 2 项" in json_out.err


def test_a_new_conflict_in_a_layer_below_fails_the_breaking_gate_even_with_every_change_accepted(
    tmp_path: Path,
) -> None:
    """Jilin's override no longer applies under the revised national layer: the county-level catalog breaks.

    A reviewer had accepted the change itself and raised the version to major; the gate still passed, so a CI
    job let through a release that makes a layer below invalid.
    """
    national = load_layer(NATIONAL)
    raised = tuple(
        s.model_copy(update={"max_long_side_cm": 150.0}) if s.id == "cn.sign.party-organisation" else s
        for s in national.signs
    )
    major = f"{int(national.layer.version.split('.')[0]) + 1}.0.0"
    release = Release(version=major, date="2026-12-08", notes="国家层标牌长边上限改为 150 厘米")
    layer = national.layer.model_copy(update={"version": major, "releases": (*national.layer.releases, release)})
    revised = save_layer(dataclasses.replace(national, signs=raised, layer=layer), tmp_path / "national")
    payload = json.loads(invoke("diff", str(NATIONAL), str(revised), "--format", "json").out)
    assert payload["audiences"]["child_layers"]  # the conflict the gate must not let through
    accepted = tmp_path / "accepted.yaml"
    accepted.write_text(
        "".join(f"- {{code: {c['code']}, item: {c['item']}, reason: 已核对}}\n" for c in payload["changes"]), "utf-8"
    )
    for gate in ("breaking", "warning", "破坏性"):
        result = invoke("diff", str(NATIONAL), str(revised), "--fail-on", gate, "--accept", str(accepted))
        assert result.code == 1, gate
        assert "下级层新冲突 2 项（吉林省（220000））" in result.err
    assert invoke("diff", str(NATIONAL), str(revised), "--fail-on", "unannounced", "--accept", str(accepted)).code == 0


def test_a_release_shows_values_in_words_without_their_codes(tmp_path: Path) -> None:
    """A release's report read 必须（应当、不得、一律）（must） → 一般应当（…）（should）: codes, for a clerk."""
    revised = tmp_path / "jilin"
    shutil.copytree(REPO / "data/provinces/220000-jilin", revised)
    edit(
        revised / "obligations.csv",
        ",党政群机构,false,must,需村级组织协助开展的工作事务,",
        ",党政群机构,false,should,需村级组织协助开展的工作事务,",
    )
    edit(revised / "duties.csv", "|persuade|report_findings,", "|persuade,")
    result = invoke(
        "release", str(revised), "--against", str(REPO / "data/provinces/220000-jilin"), "--date", "2026-12-08"
    )
    assert result.code == 0, result.err
    changes = [line for line in result.out.splitlines() if line.startswith("- ")]
    assert len(changes) == 2, result.out
    assert any("必须（应当、不得、一律） → 一般应当（一般、原则上、为宜）" in line for line in changes), result.out
    for line in changes:
        assert not re.search(r"[A-Za-z_]{3,}", line), line  # no code of a value: must, should, report_findings
    # the reviewer's diff keeps the codes beside the words, as validate names what a CSV cell holds
    diff = invoke("diff", str(REPO / "data/provinces/220000-jilin"), str(revised)).out
    assert "必须（应当、不得、一律）（must）" in diff


def test_a_renumbering_released_is_said_in_chinese_words(tmp_path: Path) -> None:
    """The notes of a renumbering read 条目改用新标识（replaces）: a field's English name, in notes for the public."""
    revised = tmp_path / "jilin"
    shutil.copytree(REPO / "data/provinces/220000-jilin", revised)
    old_id = "220000.mechanism.people-mediation"
    edit(revised / "mechanisms.csv", f"{old_id},人民调解委员会,", "220000.mechanism.mediation,人民调解委员会,")
    edit(
        revised / "mechanisms.csv",
        "村民委员会下属委员会”：列举以“等”结尾，未穷尽。来源未载明这些委员会是否要求专人专岗，专人专岗一栏留空（同句“原则上不得……要求专人专岗”说的是可由现有组织承担职责时不另设机制、不要求专人专岗）。,,,",
        f"村民委员会下属委员会”：列举以“等”结尾，未穷尽。来源未载明这些委员会是否要求专人专岗，专人专岗一栏留空（同句“原则上不得……要求专人专岗”说的是可由现有组织承担职责时不另设机制、不要求专人专岗）。,,{old_id},",
    )
    result = invoke(
        "release", str(revised), "--against", str(REPO / "data/provinces/220000-jilin"), "--date", "2026-12-08"
    )
    assert result.code == 0, result.err
    notes = load_layer(revised).layer.releases[-1].notes
    assert "条目改用新标识" in notes
    assert not re.search(r"[A-Za-z]{3,}", notes), notes


def _national_at(tmp_path: Path, name: str, version: str, note: str = "") -> Path:
    """The national layer at ``version``, its party organisation's plaque at most 150 cm long: Jilin's 200 conflicts."""
    national = load_layer(NATIONAL)
    signs = tuple(
        s.model_copy(update={"max_long_side_cm": 150.0, "notes": (s.notes or "") + note})
        if s.id == "cn.sign.party-organisation"
        else s
        for s in national.signs
    )
    release = Release(version=version, date="2026-12-08", notes="修订。")
    layer = national.layer.model_copy(update={"version": version, "releases": (*national.layer.releases, release)})
    return save_layer(dataclasses.replace(national, layer=layer, signs=signs), tmp_path / name)


def test_a_conflict_a_layer_below_had_before_the_revision_is_not_new(tmp_path: Path) -> None:
    """Jilin conflicted with both sides, written for an older national layer; impact called its range conflict new
    (合并在其 X.0.1 版之下 differs from X.0.0 in words only) and exited 1 on a revision that only edits a note."""
    national = load_layer(NATIONAL)
    major = f"{int(national.layer.version.split('.')[0]) + 1}.0"
    old = _national_at(tmp_path, "old", f"{major}.0")
    new = _national_at(tmp_path, "new", f"{major}.1", note="（审核补注）")
    result = invoke("impact", str(old), str(new))
    assert "220000" in result.out, result.out  # the note reaches Jilin's catalog too
    assert "冲突：" not in result.out, result.out
    assert result.code == 0, result.out + result.err
    payload = json.loads(invoke("impact", str(old), str(new), "--format", "json").out)
    assert all(not j["new_conflicts"] for j in payload["jurisdictions"])
