"""A conflict in JSON carries the whole line the text report gives, as problems and findings do.

``detail_zh`` of an ``increase_only`` conflict is the rule's label alone (该字段只能提高，不能降低): a
program showing it to a clerk had to put the values and the fix back together itself.
"""

from __future__ import annotations

import dataclasses
import json
from typing import TYPE_CHECKING

from test_output_schemas import valid

from conftest import NINGHE, invoke
from villagecat.models import Citation, MergeOp, Override
from villagecat.package import load_layer, save_layer

if TYPE_CHECKING:
    from pathlib import Path


def test_a_conflict_in_json_carries_the_text_report_s_line(tmp_path: Path) -> None:
    old = load_layer(NINGHE)
    lowering = Override(
        id="120117.override.per-households-lowered",
        name="每百户最小面积降低",
        citations=(Citation(document="120117.document.work-plan", section="三(二)7"),),
        target="cn.facility.community-service-facility",
        field="min_area_per_100_households_m2",
        op=MergeOp.SET,
        value=20,
    )
    county = save_layer(dataclasses.replace(old, overrides=(*old.overrides, lowering)), tmp_path / "ninghe")
    text = invoke("catalog", "120117", "--layer", str(county))
    payload = json.loads(invoke("catalog", "120117", "--layer", str(county), "--format", "json").out)
    [conflict] = [c for c in payload["conflicts"] if c["operation"] == lowering.id]
    assert "上级值 30" in conflict["message_zh"]
    assert "20" in conflict["message_zh"]
    assert conflict["message_zh"] != conflict["detail_zh"]
    assert conflict["message_zh"] in text.out
    assert "30" in conflict["message_en"]
    valid("conflict", json.dumps(conflict, ensure_ascii=False))
