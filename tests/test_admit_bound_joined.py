"""A rule's bound is said as the catalog says it: an entry that holds a 、 itself is not read as two bodies.

Ninghe's 三(二)6 names 「区委、区政府」 as one bound (the 区's party committee and government, together), and a
restated national rule keeps the nation's bound beside it (县级党委和政府；区委、区政府, as `explain` shows it).
`admit` prefixed a rule's sentence with the bound joined by 、 alone, so 「区委、区政府」 and 「街镇」 read as
「区委、区政府、街镇……」: three bodies, not two. It now joins them as every other place does (；).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import villagecat
from layers import child_layer
from villagecat.checks import admit
from villagecat.models import Citation, Obligation
from villagecat.package import save_layer

if TYPE_CHECKING:
    from pathlib import Path

_CITE = (Citation(document="cn.document.tingzi-2022-28", section="二(一)3"),)


def _finding_message(tmp_path: Path, bound: tuple[str, ...]) -> str:
    rule = Obligation(
        id="430000.obligation.tidy-test-groups",
        name="清理整合面向村级组织的测试工作群",
        citations=_CITE,
        bound=bound,
        tasks=("测试工作群",),
    )
    package = child_layer("cn", "430000", level="province", obligations=(rule,))
    catalog = villagecat.resolve("430000", layers=[save_layer(package, tmp_path / "430000")])
    (finding,) = [f for f in admit(catalog, ["建测试工作群"]).findings if f.item == rule.id]
    assert finding.level == "warn"  # no binding word: a note, never 不符合
    return finding.message_zh


def test_a_bound_holding_a_comma_of_its_own_is_not_split(tmp_path: Path) -> None:
    message = _finding_message(tmp_path, ("区委、区政府", "街镇"))
    assert "区委、区政府；街镇清理整合面向村级组织的测试工作群" in message
    assert "区委、区政府、街镇" not in message


def test_plain_bounds_still_read_as_a_clerk_writes_a_list(tmp_path: Path) -> None:
    message = _finding_message(tmp_path, ("区级相关部门", "街镇"))
    assert "区级相关部门、街镇清理整合面向村级组织的测试工作群" in message


def _requirement(tmp_path: Path, modality: str | None) -> str:
    rule = Obligation.model_validate(
        {
            "id": "430000.obligation.tidy-test-groups",
            "name": "区委、区政府清理整合面向村级组织的测试工作群",
            "citations": _CITE,
            "bound": ("区委、区政府",),
            "forbidden": False,
            "modality": modality,
            "tasks": ("测试工作群",),
        }
    )
    package = child_layer("cn", "430000", level="province", obligations=(rule,))
    catalog = villagecat.resolve("430000", layers=[save_layer(package, tmp_path / "430000")])
    (finding,) = [f for f in admit(catalog, ["建测试工作群"]).findings if f.item == rule.id]
    assert finding.level == "warn"  # a rule that asks something of departments is a note on the task
    return finding.message_zh


def test_a_requirement_whose_source_has_no_binding_word_says_so(tmp_path: Path) -> None:
    """Ninghe's 「清理整合……微信工作群、政务APP」 and 「区委、区政府整合……表格」 have no 应.

    The note said 涉及对部门的要求 just as it does beside the national 「县级党委和政府应整合……」: a clerk could not
    tell the two apart.
    """
    assert "来源未写明约束力" in _requirement(tmp_path, None)
    assert "来源未写明约束力" not in _requirement(tmp_path, "must")
