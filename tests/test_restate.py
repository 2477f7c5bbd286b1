"""A province writes its list as published, one row per item: restating rows, no override rows."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

import villagecat
from conftest import REPO, invoke
from layers import province
from villagecat.merging import merge
from villagecat.models import Authority, Certificate, Document
from villagecat.package import LayerPackage, load_layer, save_layer
from villagecat.registry import shipped_layer_paths, shipped_registry

if TYPE_CHECKING:
    from pathlib import Path

BASIS = "430000.document.list#"


def _certificate(number: int, name: str, restates: str | None = None, **fields: object) -> Certificate:
    return Certificate.model_validate(
        {
            "id": f"430000.certificate.c{number}",
            "name": name,
            "citations": [f"{BASIS}第{number}项"],
            "status": "not_to_issue",
            "restates": restates,
            **fields,
        }
    )


def _province(tmp_path: Path) -> Path:
    """A provincial not-to-issue list: two national items restated, two reworded, one of its own."""
    layer = province()
    document = Document(
        id="430000.document.list", title="不应由村级组织出具的证明事项清单", authority=Authority.NORMATIVE_DOCUMENT
    )
    rows = [
        _certificate(1, "健在证明", restates="健在证明"),
        _certificate(2, "亲属关系证明", restates="cn.certificate.kinship"),
        _certificate(3, "养犬登记证明", restates="居民养犬证明"),  # the province's own wording
        _certificate(4, "无违法犯罪记录证明", restates="无犯罪记录证明"),
        _certificate(5, "村民身份证明"),  # the province's own item
    ]
    package = LayerPackage.of(layer, {"documents": [document], "certificates": rows})
    return save_layer(package, tmp_path / "hunan")


def test_a_restated_and_reworded_list_needs_no_override_rows(tmp_path: Path) -> None:
    path = _province(tmp_path)
    assert villagecat.validate(path).valid
    catalog = villagecat.resolve("430000", layers=[path])
    assert not catalog.conflicts
    dog = catalog.get("cn.certificate.dog-keeping")
    assert dog is not None
    assert dog.item.name == "养犬登记证明"  # type: ignore[attr-defined]
    assert "居民养犬证明" in dog.item.aliases  # type: ignore[attr-defined]  # the national name still resolves
    assert [(s.layer, s.action) for s in dog.provenance["name"]] == [("cn", "introduced"), ("430000", "set")]
    life = catalog.get("cn.certificate.proof-of-life")
    assert life is not None
    assert [(s.layer, s.action) for s in life.provenance["status"]] == [("cn", "introduced"), ("430000", "restated")]
    own = catalog.get("430000.certificate.c5")
    assert own is not None
    assert own.item.name == "村民身份证明"  # type: ignore[attr-defined]
    assert catalog.get("430000.certificate.c3") is None  # a restating row is not an item of its own
    names = [c.name for c in catalog.certificates()]
    assert names.count("养犬登记证明") == 1
    assert "居民养犬证明" not in names


def test_the_national_names_still_resolve_and_provenance_reads_in_chinese(tmp_path: Path) -> None:
    path = _province(tmp_path)
    refused = invoke("certificate", "render", "居民养犬证明", "-j", "430000", "--layer", str(path))
    assert refused.code == 1
    assert "养犬登记证明" in refused.err
    explained = invoke("explain", "430000", "cn.certificate.dog-keeping", "name", "--layer", str(path))
    assert "改为" in explained.out
    # the row a clerk edits: the province's own row that restates the item, on the item kind's sheet
    assert "      所在行：“证明事项”表（certificates.csv）430000.certificate.c3，重申本条目的行\n" in explained.out
    explained = invoke("explain", "430000", "cn.certificate.proof-of-life", "status", "--layer", str(path))
    assert "重申" in explained.out


def test_restating_a_name_no_inherited_item_has_is_a_clear_problem(tmp_path: Path) -> None:
    path = _province(tmp_path)
    certificates = path / "certificates.csv"
    text = certificates.read_text(encoding="utf-8")
    certificates.write_text(text.replace(",健在证明\n", ",健在证明书\n"), encoding="utf-8")
    (problem,) = villagecat.validate(path).problems
    assert (problem.file, problem.line, problem.code) == ("certificates.csv", 2, "merge-unknown-target")
    assert problem.field == "restates"  # the column that holds it: this row has no value or target
    assert "第 2 行 字段 restates（重申条目）：" in invoke("validate", str(path)).out


@pytest.mark.parametrize("path", shipped_layer_paths(), ids=lambda p: p.name)
def test_a_layer_merges_alike_in_csv_and_in_json(path: Path, tmp_path: Path) -> None:
    """Shanxi's restating rows left 条件 empty: in CSV the national condition was kept, in JSON
    (where the empty cell is null) it was dropped, and Shangdang's restatement then conflicted."""
    registry = shipped_registry()
    chain = registry.chain(load_layer(path))
    as_json = [load_layer(save_layer(p, tmp_path / p.layer.id, fmt="json")) for p in chain]
    from_csv, from_json = merge(chain), merge(as_json)
    assert from_json.conflicts == from_csv.conflicts == ()
    assert from_json.items == from_csv.items


@pytest.mark.parametrize("form", ["csv", "json", "xlsx"])
def test_a_restating_row_leaves_unsaid_what_it_left_empty_when_written_out(tmp_path: Path, form: str) -> None:
    """A restatement of the party plaque listed to hang, 列入悬挂 left empty, was written back 否 (and a
    catch-all's 兜底条目 empty written 否): read again, it changed the inherited item or was refused."""
    from villagecat.models import Sign  # noqa: PLC0415
    from villagecat.workbook import export_workbook, import_workbook  # noqa: PLC0415

    national = load_layer(REPO / "data" / "national")
    layer = province(f">={national.layer.version}")
    document = Document(id="430000.document.list", title="村级组织挂牌清单", authority=Authority.NORMATIVE_DOCUMENT)
    row = Sign.model_validate(
        {
            "id": "430000.sign.party",
            "name": "村党组织标牌",
            "citations": [f"{document.id}#一"],
            "sign_type": "plaque",
            "placement": "outside",
            "restates": "cn.sign.party-organisation",
        }
    )
    written = save_layer(LayerPackage.of(layer, {"documents": [document], "signs": [row]}), tmp_path / "hunan")
    if form == "xlsx":
        export_workbook(load_layer(written), tmp_path / "hunan.xlsx")
        again = import_workbook(tmp_path / "hunan.xlsx")
    else:
        again = load_layer(save_layer(load_layer(written), tmp_path / form, fmt=form))  # type: ignore[arg-type]
    (restated,) = again.signs
    assert "mandatory" not in restated.model_fields_set
    catalog = merge([national, again])
    assert catalog.conflicts == ()
    entry = catalog.get("cn.sign.party-organisation")
    assert entry is not None
    assert entry.item.mandatory is True  # type: ignore[attr-defined]


@pytest.mark.parametrize("form", ["csv", "json", "xlsx"])
def test_what_a_new_item_left_unsaid_stays_unsaid_when_written_out(tmp_path: Path, form: str) -> None:
    """A document whose 全文可得 was left empty was written back 是: provenance then said 设立 是 where
    the source had said nothing (未设定), and the effective catalog differed after one rewrite."""
    from villagecat.workbook import export_workbook, import_workbook  # noqa: PLC0415

    document = Document(id="430000.document.list", title="村级组织挂牌清单", authority=Authority.NORMATIVE_DOCUMENT)
    written = save_layer(LayerPackage.of(province(), {"documents": [document]}), tmp_path / "hunan")
    if form == "xlsx":
        export_workbook(load_layer(written), tmp_path / "hunan.xlsx")
        again = import_workbook(tmp_path / "hunan.xlsx")
    else:
        again = load_layer(save_layer(load_layer(written), tmp_path / form, fmt=form))  # type: ignore[arg-type]
    (read,) = again.documents
    assert read == document

    def said(item: Document) -> set[str]:  # a null says nothing, as an empty cell does
        return {name for name in item.model_fields_set if getattr(item, name) is not None}

    assert said(read) == said(document) == {"id", "title", "authority"}
