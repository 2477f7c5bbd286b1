"""Names are compared normalised: script, width and spaces do not make a different item."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import pytest

import villagecat
import villagecat.checks.admission
import villagecat.checks.certificate
import villagecat.errors
import villagecat.registry
import villagecat.render
from conftest import invoke
from layers import write_child
from villagecat._names import normalise_name, normalise_names
from villagecat.models import Certificate, CertificateStatus, Citation

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
        status=CertificateStatus.RETAINED,
        citations=(Citation(document="cn.document.tingzi-2022-28", section="二(三)7"),),
    )
    (problem,) = villagecat.validate(write_child(tmp_path, "220000", certificates=(own,))).problems
    assert problem.code == "merge-same-name"


def test_a_ledger_in_traditional_characters_is_audited_the_same(tmp_path: Path) -> None:
    (tmp_path / "ledger.csv").write_text("village,category,name\n甲村,certificate,無犯罪記錄證明\n", encoding="utf-8")
    result = invoke("audit", str(tmp_path / "ledger.csv"), "-j", "120117", "--format", "json")
    assert result.code == 1
    assert "audit-certificate-must-not-issue" in result.out


@pytest.mark.parametrize("written", ["妇女儿童之家", "妇女之家", "妇女(儿童)之家", "妇女（儿童）之家"])
def test_a_function_area_with_a_part_in_brackets_is_found_written_with_or_without_it(written: str) -> None:
    """Jilin lists 妇女（儿童）之家: a village's 妇女儿童之家 was reported missing (提示 缺少功能区域)."""
    areas = "文体活动室|多功能室|{}|村民议事厅|矛盾纠纷调解室|标准化卫生室"
    result = invoke(
        "check", "facility", "-j", "220000", "--floor-area", "300", "--households", "500",
        "--function-areas", areas.format(written), "--format", "json",
    )  # fmt: skip
    assert result.code == 0
    (finding,) = [f for f in json.loads(result.out)["findings"] if f["code"] == "facility-function-areas"]
    assert finding["level"] == "pass", finding["message_zh"]
    missing = invoke(
        "check", "facility", "-j", "220000", "--floor-area", "300", "--households", "500",
        "--function-areas", areas.format("儿童之家"),
    )  # fmt: skip
    # the bracketed part is optional, not the rest
    assert "[提示] 缺少来源所列的功能区域：妇女（儿童）之家（来源未写明约束力）" in missing.out


def test_the_forms_of_a_name_are_itself_with_and_without_each_bracketed_part() -> None:
    """Law: a name is among its own forms, and a name without brackets has no other."""
    from villagecat._names import name_forms  # noqa: PLC0415

    assert name_forms("妇女（儿童）之家") == {"妇女(儿童)之家", "妇女儿童之家", "妇女之家"}
    assert name_forms("便民服务站（大厅）（室）") == {
        "便民服务站(大厅)(室)", "便民服务站大厅室", "便民服务站大厅", "便民服务站室", "便民服务站",
    }  # fmt: skip
    assert name_forms("文体活动室") == {"文体活动室"}
    assert name_forms("（儿童）") == {"(儿童)", "儿童"}  # never the empty name


@pytest.mark.parametrize("invisible", ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"])
def test_a_name_copied_with_an_invisible_character_is_still_found(invisible: str) -> None:
    """居民养犬证明 copied from a web page with a zero-width space in it found nothing (no item may hold one)."""
    catalog = villagecat.resolve("120117")
    key = f"居民养犬{invisible}证明"
    assert [e.id for e in catalog.find(key)] == [e.id for e in catalog.find("居民养犬证明")] != []
    assert normalise_names([key, "  居民 养犬证明"]) == [normalise_name(key)] * 2


_ITEM = "cn.duty.self-building"
_LAYER = "目录层的行政区划代码、中文名称或英文简称不能为空"
_NAME, _TASK = "条目的标识、名称或别名不能为空", "事项的名称不能为空"


@pytest.fixture(scope="module")
def ninghe() -> villagecat.EffectiveCatalog:
    return villagecat.resolve("120117")


@pytest.mark.parametrize("empty", ["", " ", "\u3000"])
@pytest.mark.parametrize(
    ("lookup", "said"),
    [
        (lambda _, e: villagecat.resolve(e), _LAYER),
        (lambda _, e: villagecat.registry.shipped_registry().find(e), _LAYER),
        (villagecat.render.format_explain, _NAME),
        (villagecat.render.explain_to_dict, _NAME),
        (villagecat.render.find_item, _NAME),
        (villagecat.EffectiveCatalog.find, _NAME),
        (lambda c, e: villagecat.render.format_explain(c, _ITEM, e), "字段名不能为空"),
        (lambda c, e: villagecat.render.explain_to_dict(c, _ITEM, e), "字段名不能为空"),
        (villagecat.checks.certificate.find_certificate, _NAME),
        (lambda c, e: villagecat.checks.certificate.render_certificate(c, e, {}), _NAME),
        (villagecat.checks.admission.admit, _TASK),
        (villagecat.checks.admission.match_duties, _TASK),
        (villagecat.checks.admission.match_obligations, _TASK),
        (villagecat.checks.admission.similar_certificates, _TASK),
    ],
)
def test_a_lookup_by_an_empty_name_is_one_clear_error(
    ninghe: villagecat.EffectiveCatalog, lookup: Any, said: str, empty: str
) -> None:
    """Every library function that looks something up by name says so of an empty one, as the CLI does.

    ``format_explain(catalog, "")`` said 没有条目 （…）, an item called nothing; an empty field
    explained every field; an empty task was 过短; ``resolve("")`` was an unknown layer.
    """
    with pytest.raises(villagecat.errors.InvalidRequestError) as raised:
        lookup(ninghe, empty)
    assert str(raised.value).startswith(said), raised.value


def test_a_name_far_longer_than_any_other_is_alike_to_none_without_comparing(monkeypatch: pytest.MonkeyPatch) -> None:
    """A ledger cell of two million characters took 13 s: difflib compared it with every certificate's name.

    No two names of such lengths can share :data:`ALIKE_SHARE` of both, so none is compared.
    """
    from villagecat import _names  # noqa: PLC0415

    def compared(*_: object, **__: object) -> None:
        raise AssertionError("compared")

    names = ["无犯罪记录证明", "婚姻状况证明"]
    assert _names.alike("无犯罪记录证明" * 2, names, lambda n: [n]) == ["无犯罪记录证明"]  # alike: compared
    monkeypatch.setattr(_names, "SequenceMatcher", compared)
    assert _names.alike("无犯罪记录证明" + "村" * 200_000, names, lambda n: [n]) == []
