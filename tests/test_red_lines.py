"""Red lines cannot be bypassed: not by a same-name item, not field by field, not by replaces."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

import villagecat
from layers import child_layer, write_child
from villagecat.merging import merge
from villagecat.models import Certificate, CertificateStatus, Citation
from villagecat.registry import shipped_registry

if TYPE_CHECKING:
    from pathlib import Path

CITE = (Citation(document="cn.document.tingzi-2022-28", section="二(三)7"),)


def _chain(code: str) -> list[villagecat.LayerPackage]:
    registry = shipped_registry()
    return list(registry.chain(registry.find(code)))


def test_an_own_item_named_like_an_inherited_red_line_is_invalid(tmp_path: Path) -> None:
    """A province cannot list its own 健在证明 as retained beside the national 不应出具 one."""
    own = Certificate(
        id="220102.certificate.alive", name="健在证明 ", status=CertificateStatus.RETAINED, citations=CITE
    )
    path = write_child(tmp_path, "220000", certificates=(own,))
    (problem,) = villagecat.validate(path).problems
    assert (problem.file, problem.line, problem.code) == ("certificates.csv", 2, "merge-same-name")
    assert "层 220102" in problem.message_zh
    assert "220102.certificate.alive" in problem.message_zh
    assert "上级条目 cn.certificate.proof-of-life" in problem.message_zh
    assert "与上级层同类条目同名" in problem.message_zh
    assert "same_name" not in problem.message_zh  # the rule in words, never its slug
    # It points at the column the guide recommends for a row that repeats an inherited item, not overrides alone.
    assert "重申上级条目请在“重申条目”一列（restates）填它的名称或标识" in problem.message_zh
    assert "name it in the restates column" in problem.message_en
    catalog = merge([*_chain("220000"), child_layer("220000", certificates=(own,))])
    assert [c.name for c in catalog.certificates() if "健在" in c.name] == ["健在证明"]


def test_a_status_moved_back_is_said_along_its_order_not_as_lowered(tmp_path: Path) -> None:
    """状态 保留 on a not-to-issue certificate said 该字段只能提高，不能降低: a status is not raised."""
    row = Certificate(
        id="220102.certificate.dog",
        name="居民养犬证明",
        status=CertificateStatus.RETAINED,
        citations=CITE,
        restates="居民养犬证明",
    )
    path = write_child(tmp_path, "220000", certificates=(row,))
    (problem,) = villagecat.validate(path).problems
    assert problem.message_zh.endswith(
        "cn.certificate.dog-keeping（居民养犬证明）的“状态”不符合合并规则：只能沿 保留 → 取消 → 不应出具 的方向改变"
        "（上级值 不应出具（not_to_issue），本层值 保留（retained））；请清空这一格（沿用上级层的取值）"
    )
    assert "提高" not in problem.message_zh
    assert problem.message_en.endswith(
        "breaks rule increase_only: may only move along retained → cancelled → not_to_issue"
        " (inherited not_to_issue, attempted retained); empty this cell (the inherited value stands)"
    )
    (conflict,) = merge([*_chain("220000"), child_layer("220000", certificates=(row,))]).conflicts
    assert conflict.to_dict()["detail_zh"] == conflict.label_zh == conflict.detail_zh
    assert "只能沿 保留 → 取消 → 不应出具" in conflict.detail_zh


def test_a_prohibited_duty_cannot_be_narrowed_to_communities(tmp_path: Path) -> None:
    overrides = [{"target": "cn.duty.no-work-safety", "field": "applies_to", "value": "community"}]
    path = write_child(tmp_path, "220000", overrides=overrides)
    (problem,) = villagecat.validate(path).problems
    assert (problem.file, problem.line, problem.code) == ("overrides.csv", 2, "merge-red-line-scope")
    assert "cn.duty.no-work-safety（作为安全生产事务的责任主体）的“适用范围”" in problem.message_zh
    assert problem.message_zh.endswith("；请删去这条覆盖（整行删除）")


def test_a_mandatory_sign_cannot_be_narrowed_either() -> None:
    overrides = [{"target": "cn.sign.villagers-committee", "field": "applies_to", "value": "community"}]
    catalog = merge([*_chain("220000"), child_layer("220000", overrides=overrides)])
    assert [c.rule for c in catalog.conflicts] == ["red_line_scope"]
    entry = catalog.get("cn.sign.villagers-committee")
    assert entry is not None
    assert str(entry.item.applies_to) == "village"  # type: ignore[attr-defined]


def test_a_renamed_red_line_keeps_its_inherited_name() -> None:
    inherited = next(d.name for d in _chain("cn")[0].duties if d.id == "cn.duty.no-work-safety")
    overrides = [{"target": "cn.duty.no-work-safety", "field": "name", "value": "安全生产监管"}]
    catalog = merge([*_chain("220000"), child_layer("220000", overrides=overrides)])
    assert catalog.conflicts == ()
    entry = catalog.get("cn.duty.no-work-safety")
    assert entry is not None
    duty = entry.item
    assert duty.name == "安全生产监管"  # type: ignore[attr-defined]
    assert inherited in duty.aliases  # type: ignore[attr-defined]
    assert str(duty.duty_kind) == "prohibited"  # type: ignore[attr-defined]
    assert [s.action for s in entry.provenance["aliases"]][-1] == "added"


def test_replaces_may_only_name_the_layers_own_ids(tmp_path: Path) -> None:
    own = Certificate(
        id="220102.certificate.x",
        name="某证明",
        status=CertificateStatus.RETAINED,
        citations=CITE,
        replaces=("cn.certificate.birth",),
    )
    path = write_child(tmp_path, "220000", certificates=(own,))
    codes = [p.code for p in villagecat.validate(path).problems]
    assert "replaces-other-layer" in codes


def test_a_village_only_layer_writing_village_narrows_nothing() -> None:
    """Shanxi (villages only) restating a binding rule with 适用范围=村 was refused: 适用范围不得缩小."""
    from villagecat.models import Obligation  # noqa: PLC0415
    from villagecat.registry import shipped_registry  # noqa: PLC0415

    registry = shipped_registry()
    national = registry.find("cn")
    binding = next(o for o in national.obligations if o.id == "cn.obligation.no-unassigned-tasks")
    row = Obligation.model_validate(
        {
            "id": "140000.obligation.restated-village",
            "name": binding.name,
            "citations": ["cn.document.tingzi-2022-28#二(一)3"],
            "restates": binding.id,
            "applies_to": "village",
        }
    )
    shanxi = registry.find("140000")
    assert tuple(s.value for s in shanxi.layer.covers) == ("village",)
    restated = dataclasses.replace(shanxi, obligations=(*shanxi.obligations, row))
    conflicts = [c for c in merge([national, restated]).conflicts if c.field == "applies_to"]
    assert conflicts == []
    both = dataclasses.replace(restated, layer=shanxi.layer.model_copy(update={"covers": ("village", "community")}))
    assert [c.rule for c in merge([national, both]).conflicts if c.field == "applies_to"] == ["red_line_scope"]
