"""Names are compared normalised: script, width and spaces do not make a different item."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

import villagecat
from conftest import invoke
from layers import write_child
from villagecat._names import normalise_name
from villagecat.models import Certificate

if TYPE_CHECKING:
    from pathlib import Path


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("健在證明", "健在证明"),
        ("社區戒毒社區康復人員情況證明(表現證明)", "社区戒毒社区康复人员情况证明（表现证明）"),
        (" 无犯罪 记录证明 ", "无犯罪记录证明"),
    ],
)
def test_names_that_differ_only_in_script_width_or_spaces_are_one(a: str, b: str) -> None:
    assert normalise_name(a) == normalise_name(b)


def test_different_names_stay_different() -> None:
    assert normalise_name("出生证明") != normalise_name("死亡证明")


def test_a_traditional_name_is_refused_exactly_as_the_simplified_one() -> None:
    traditional = invoke("certificate", "render", "健在證明", "-j", "cn")
    simplified = invoke("certificate", "render", "健在证明", "-j", "cn")
    assert traditional.code == simplified.code == 1
    assert traditional.err == simplified.err
    assert "不应出具“健在证明”" in traditional.err


def test_a_traditional_same_name_item_is_still_the_inherited_one(tmp_path: Path) -> None:
    own = Certificate(
        id="220102.certificate.alive",
        name="健在證明",
        status="retained",
        citations=["cn.document.tingzi-2022-28#二(三)7"],
    )
    (problem,) = villagecat.validate(write_child(tmp_path, "220000", certificates=(own,))).problems
    assert problem.code == "merge-same-name"


def test_a_ledger_in_traditional_characters_is_audited_the_same(tmp_path: Path) -> None:
    (tmp_path / "ledger.csv").write_text("village,category,name\n甲村,certificate,無犯罪記錄證明\n", encoding="utf-8")
    result = invoke("audit", str(tmp_path / "ledger.csv"), "-j", "120117")
    assert result.code == 1
    assert "audit-certificate-must-not-issue" in result.out
