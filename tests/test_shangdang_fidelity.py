"""Shangdang's layer says what its plan (长上民字〔2023〕17号) says, for Shangdang, in its words.

Each test quotes the plan's sentence and asserts on Shangdang's effective catalog, never on a version.
"""

from __future__ import annotations

import villagecat
from villagecat.models import DutyKind, Milestone, Modality, Sign
from villagecat.registry import shipped_registry

PLAN = "140404.document.implementation-plan"


def _cited_by_plan(item: object, section: str) -> bool:
    return any(c.document == PLAN and c.section == section for c in getattr(item, "citations", ()))


def test_who_decides_the_inside_plaques_is_not_said_by_the_plan() -> None:
    """二(二)1: 「根据村级组织实际情况确定村级综合服务设施内部悬挂标牌，一般在……」.

    The sentence has no subject: 村级组织 owns the 实际情况 the plaques are decided by, it is not who decides
    (the national 二(二)6 reads 「村级组织根据实际情况确定……」). Shangdang's note on the service guide said
    悬挂与否由村级组织根据实际情况确定, putting the nation's subject into the plan's sentence.
    """
    entry = villagecat.resolve("140404").get("cn.sign.service-guide", Sign)
    assert entry is not None
    notes = entry.item.notes or ""
    assert "由村级组织根据实际情况确定" not in notes
    assert "未写明由谁确定" in notes


def test_the_plan_restates_the_two_other_inside_plaques_for_shangdang() -> None:
    """二(二)1: 「一般在内部显著位置悬挂村级综合服务机构标牌，……在各功能区域入口悬挂简明标牌。」.

    The plan words all three inside plaques of the national 二(二)6 for Shangdang; the layer restated only the
    service guide. The two others cite the plan, keep 一般 (should) and are not listed as plaques to hang.
    """
    catalog = villagecat.resolve("140404")
    for item_id in ("cn.sign.service-organisation", "cn.sign.function-area"):
        entry = catalog.get(item_id, Sign)
        assert entry is not None
        assert _cited_by_plan(entry.item, "二(二)1"), item_id
        assert entry.item.modality is Modality.SHOULD
        assert entry.item.mandatory is False
        assert "未写明由谁确定" in (entry.item.notes or "")
    function_area = catalog.get("cn.sign.function-area", Sign)
    assert function_area is not None
    assert "功能区域入口" in function_area.item.name
    assert "功能区入口简明标牌" in function_area.item.aliases


def test_the_concentrated_clean_up_has_its_period() -> None:
    """二(二): 「（二）集中清理整治（8月 10日-12 月 10日）在摸排自查的基础上，对照台账分类分阶段完成清理整治工作。」.

    A period set for completing the clean-up, modelled nowhere. Its words name no one who does it and no year:
    the year is that of the plan's sub-items (2023 年 8 月 10 日前 …) and of its issue (2023 年 8 月 7 日).
    """
    layer = shipped_registry().find("140404")
    found = [m for m in layer.milestones if _cited_by_plan(m, "二(二)") and "清理整治" in m.name]
    assert len(found) == 1
    milestone: Milestone = found[0]
    assert milestone.due_text == "8月 10日-12 月 10日"
    assert str(milestone.due) == "2023-12-10"
    assert milestone.bound == ()
    assert "未写明由谁完成" in (milestone.notes or "")


def test_fee_follows_task_is_worded_with_yao() -> None:
    """二(二)4: 「政府相关工作部门要遵循“费随事转、权随责走”的原则，为村级组织在工作上创造条件。」.

    要 is no binding word (not 必须、应当): the funding the duty records says so in its notes.
    """
    duty = next(d for d in shipped_registry().find("140404").duties if d.id == "140404.duty.assist-government-services")
    assert duty.duty_kind is DutyKind.ASSISTS
    notes = duty.notes or ""
    assert "要遵循" in notes
    assert "未用约束力用语" in notes
