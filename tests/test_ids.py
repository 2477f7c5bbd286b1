"""A clerk never invents an ASCII id: empty 标识 cells, and Chinese ones, get readable ids."""

from __future__ import annotations

from typing import TYPE_CHECKING

from conftest import invoke
from villagecat._ids import assign_ids, readable_slug
from villagecat.package import load_layer

if TYPE_CHECKING:
    from pathlib import Path


def test_readable_slugs_are_pinyin() -> None:
    assert readable_slug("不得签订责任状") == "bu-de-qian-ding-ze-ren-zhuang"
    assert readable_slug("健在證明（表现证明）") == "jian-zai-zheng-ming-biao-xian-zheng-ming"
    assert readable_slug("APP 清理") == "app-qing-li"
    assert readable_slug("！！") == "item"


def test_ids_are_unique_and_left_alone_where_given() -> None:
    rows = [
        {"id": "430000.duty.kept", "name": "甲"},
        {"name": "网格巡查"},
        {"id": "", "name": "网格巡查"},
        {"id": "430000.duty.不得签订责任状", "name": "不得签订责任状"},
    ]
    assign_ids("430000", "duty", rows)
    assert [r["id"] for r in rows] == [
        "430000.duty.kept",
        "430000.duty.wang-ge-xun-cha",
        "430000.duty.wang-ge-xun-cha-2",
        "430000.duty.bu-de-qian-ding-ze-ren-zhuang",
    ]


def test_a_package_with_empty_ids_validates_and_gets_them_written_on_save(tmp_path: Path) -> None:
    folder = tmp_path / "wq"
    assert invoke("init", str(folder), "--level", "county", "--code", "120114", "--name", "武清区").code == 0
    (folder / "documents.csv").write_text(
        (folder / "documents.csv").read_text(encoding="utf-8")
        + "120114.document.plan,武清区工作方案,,,,,normative_document,,,true\n",
        encoding="utf-8",
    )
    duties = folder / "duties.csv"
    header = duties.read_text(encoding="utf-8").splitlines()[0]
    width = header.count(",")
    rows = [
        ",网格巡查中发现问题的报告,120114.document.plan#三",
        "120114.duty.不得签订责任状,不得签订责任状,120114.document.plan#四",
    ]
    duties.write_text(
        header + "\n" + "".join(r + ",,,,performs" + "," * (width - r.count(",") - 4) + "\n" for r in rows),
        encoding="utf-8",
    )
    result = invoke("validate", str(folder))
    assert result.code == 0, result.out
    ids = [d.id for d in load_layer(folder).duties]
    assert ids == ["120114.duty.wang-ge-xun-cha-zhong-fa-xian-wen", "120114.duty.bu-de-qian-ding-ze-ren-zhuang"]
    assert invoke("upgrade", str(folder)).code == 0  # a save writes them into the file
    assert "120114.duty.wang-ge-xun-cha-zhong-fa-xian-wen," in duties.read_text(encoding="utf-8")
    assert [d.id for d in load_layer(folder).duties] == ids
