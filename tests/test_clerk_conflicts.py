"""A merge conflict at import or validate says what to do, in the clerk's words.

「该条目不得由下级层取消」 gave no "delete this row"; a lowered minimum gave no "raise it to at least 30";
the column was named without its letter (字段 取值) and the item by its id alone.
"""

from __future__ import annotations

import shutil
from typing import TYPE_CHECKING

import pytest

from conftest import NINGHE, exported, invoke
from villagecat.package import load_layer

if TYPE_CHECKING:
    from pathlib import Path

openpyxl = pytest.importorskip("openpyxl")

CITE = "120117.document.work-plan#三(一)3"


def _problems(out: str) -> list[str]:
    return [line.strip() for line in out.splitlines() if line.startswith("    ")]


def test_each_conflict_in_a_workbook_names_column_letter_item_name_and_what_to_do(tmp_path: Path) -> None:
    book_path = tmp_path / "ninghe.xlsx"
    book = exported(NINGHE, book_path)
    overrides = book["覆盖"]
    overrides.append(
        [
            None,
            "每百户面积改为20",
            CITE,
            None,
            None,
            None,
            "cn.facility.community-service-facility",
            "每百户最小面积（平方米）",
            "设为",
            20,
        ]
    )
    lowered = overrides.max_row
    overrides.append(
        [None, "养犬证明改为保留", CITE, None, None, None, "cn.certificate.dog-keeping", "状态", "设为", "保留"]
    )
    kept = overrides.max_row
    cancellations = book["取消"]
    cancellations.append([None, "取消拆迁拆违", CITE, None, None, None, "cn.duty.no-demolition", "本区无拆迁"])
    book.save(book_path)
    version = load_layer(NINGHE).layer.version

    result = invoke("import", str(book_path), "-o", str(tmp_path / "out"))
    assert result.code == 1, result.out + result.err
    assert _problems(result.out) == [
        (
            f"第 {lowered} 行 字段 J（取值）：层 120117（{version}）的条目 cn.facility.community-service-facility"
            "（城乡社区综合服务设施）的“每百户最小面积（平方米）”不符合合并规则：该字段只能提高，不能降低"
            "（上级值 30，本层值 20）；请改为不低于 30，或删去这条覆盖（整行删除）"
        ),
        (
            f"第 {kept} 行 字段 J（取值）：层 120117（{version}）的条目 cn.certificate.dog-keeping（居民养犬证明）"
            "的“状态”不符合合并规则：只能沿 保留 → 取消 → 不应出具 的方向改变（上级值 不应出具，本层值 保留）；"
            "请删去这条覆盖（整行删除）"
        ),
        (
            f"第 2 行 字段 G（目标条目）：层 120117（{version}）的条目 cn.duty.no-demolition"
            "（作为拆迁拆违事务的责任主体）不符合合并规则：该条目不得由下级层取消；请删去这条取消（整行删除）"
        ),
    ], result.out
    english = invoke("import", str(book_path), "-o", str(tmp_path / "out"), "--lang", "en")
    said = _problems(english.out)
    assert said[0].endswith("(inherited 30, attempted 20); raise it to at least 30, or delete this override (its row)")
    assert said[2].endswith("a lower layer may not cancel this item; delete this cancellation (its row)")


def test_a_conflict_in_a_csv_says_what_to_do_at_its_line_and_csv_column(tmp_path: Path) -> None:
    folder = tmp_path / "ninghe"
    shutil.copytree(NINGHE, folder)
    overrides = folder / "overrides.csv"
    lines = overrides.read_text(encoding="utf-8").splitlines()
    lines.append(
        "120117.override.lower,每百户面积改为20,120117.clause.work-plan-3-1-3,,,,"
        "cn.facility.community-service-facility,min_area_per_100_households_m2,set,20"
    )
    overrides.write_text("\n".join(lines) + "\n", encoding="utf-8")
    cancellations = folder / "cancellations.csv"
    cancellations.write_text(
        cancellations.read_text(encoding="utf-8")
        + "120117.cancellation.demolition,取消拆迁拆违,120117.clause.work-plan-3-1-3,,,,"
        + "cn.duty.no-demolition,本区无拆迁\n",
        encoding="utf-8",
    )
    version = load_layer(NINGHE).layer.version
    result = invoke("validate", str(folder))
    assert result.code == 1
    assert _problems(result.out) == [
        (
            f"第 {len(lines)} 行 字段 value（取值）：层 120117（{version}）的条目 "
            "cn.facility.community-service-facility（城乡社区综合服务设施）的“每百户最小面积（平方米）”不符合合并规则：该字段只能提高，不能降低"
            "（上级值 30，本层值 20）；请改为不低于 30，或删去这条覆盖（整行删除）"
        ),
        (
            f"第 2 行 字段 target（目标条目）：层 120117（{version}）的条目 "
            "cn.duty.no-demolition（作为拆迁拆违事务的责任主体）不符合合并规则：该条目不得由下级层取消；请删去这条取消（整行删除）"
        ),
    ], result.out


def test_a_bound_is_named_only_where_the_inherited_value_gives_one() -> None:
    """A modality softened where no layer above gave one would read 请改为不弱于 空 的约束力."""
    from villagecat.merging import Conflict  # noqa: PLC0415
    from villagecat.models.vocab import Modality  # noqa: PLC0415

    softened = Conflict(
        layer="220102",
        version="0.1.0",
        item="cn.facility.community-service-facility",
        field="modality",
        rule="graded",
        inherited=None,
        attempted=Modality.MAY,
        operation="220102.override.o0",
    )
    assert softened.describe("zh").endswith("；请删去这条覆盖（整行删除）"), softened.describe("zh")
    raised = Conflict(**{**softened.__dict__, "inherited": Modality.SHOULD})
    said = f"；请改为不弱于 {Modality.SHOULD.label}（should） 的约束力，或删去这条覆盖（整行删除）"
    assert raised.describe("zh").endswith(said)
