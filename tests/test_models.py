from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from pydantic import ValidationError

from villagecat._messages import pydantic_message
from villagecat.models import (
    Certificate,
    CertificateStatus,
    Citation,
    Duty,
    DutyKind,
    FacilityStandard,
    Layer,
    Level,
    Orientation,
    Placement,
    Scope,
    SignType,
    template_placeholders,
)

if TYPE_CHECKING:
    from villagecat.models._base import Vocab


def test_citation_reads_cell_form_with_quote() -> None:
    citation = Citation.model_validate("cn.document.tingzi-2022-28#二(一)1「不得将村级组织作为责任主体」")
    assert citation == Citation(
        document="cn.document.tingzi-2022-28", section="二(一)1", quote="不得将村级组织作为责任主体"
    )
    assert Citation.model_validate(citation.to_text()) == citation


def test_citation_without_section() -> None:
    citation = Citation.model_validate("cn.document.villagers-committee-law#")
    assert citation.section is None
    assert citation.to_text() == "cn.document.villagers-committee-law#"


@pytest.mark.parametrize("text", ["no-hash-here", "cn.document.x", "#二(一)1"])
def test_citation_rejects_malformed_cells(text: str) -> None:
    with pytest.raises(ValidationError):
        Citation.model_validate(text)


def test_vocab_values_are_slugs_with_chinese_labels() -> None:
    assert DutyKind("prohibited") is DutyKind.PROHIBITED
    assert DutyKind.PROHIBITED.label == "履职负面事项"
    assert DutyKind.from_text("履职负面事项") is DutyKind.PROHIBITED
    assert str(DutyKind.ASSISTS) == "assists"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("履職負面事項", DutyKind.PROHIBITED),  # a label typed in traditional characters
        ("標牌", SignType.PLAQUE),
        ("外部", Placement.OUTSIDE),
        ("豎排", Orientation.VERTICAL),  # a synonym (竖排) in traditional characters
        ("Prohibited", DutyKind.PROHIBITED),  # a slug in capitals
    ],
)
def test_a_vocabulary_word_in_traditional_characters_or_capitals_is_read(text: str, expected: Vocab) -> None:
    """A workbook's or ledger's 標牌 was refused (应为 … 之一); names were read in traditional characters already."""
    assert type(expected).from_text(text) is expected


def test_a_word_no_vocabulary_value_is_stays_refused() -> None:
    with pytest.raises(ValueError, match="標語"):
        SignType.from_text("標語")


def test_unknown_fields_are_rejected() -> None:
    with pytest.raises(ValidationError) as info:
        Duty.model_validate({"id": "cn.duty.x", "name": "x", "duty_kind": "performs", "colour": "red"})
    assert info.value.errors()[0]["type"] == "extra_forbidden"


def test_item_id_pattern_names_layer_and_kind() -> None:
    Duty(id="120117.duty.p-01", name="x", duty_kind=DutyKind.PERFORMS)
    with pytest.raises(ValidationError):
        Duty(id="120117.sign.p-01", name="x", duty_kind=DutyKind.PERFORMS)
    with pytest.raises(ValidationError):
        Duty(id="Ninghe.duty.p-01", name="x", duty_kind=DutyKind.PERFORMS)


def test_template_placeholders_in_order() -> None:
    assert template_placeholders("兹证明{姓名}（身份证号{身份证号}）系{姓名}") == [
        "姓名",
        "身份证号",
    ]


@pytest.mark.parametrize(
    ("template", "message"),
    [
        ("兹证明{姓名", "unclosed"),
        ("兹证明姓名}", "unmatched"),
        ("{{姓名}}", "nested"),
        ("兹证明{ }", "empty"),
    ],
)
def test_template_placeholders_reject_unbalanced(template: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        template_placeholders(template)


def test_certificate_placeholders_must_match_template() -> None:
    with pytest.raises(ValidationError, match="undeclared"):
        Certificate(
            id="cn.certificate.x", name="x", status=CertificateStatus.RETAINED, template="{姓名}", placeholders=()
        )
    cert = Certificate(
        id="cn.certificate.x",
        name="x",
        status=CertificateStatus.RETAINED,
        template="兹证明{姓名}",
        placeholders=("姓名",),
    )
    assert cert.placeholders == ("姓名",)


def test_facility_share_is_a_percentage() -> None:
    with pytest.raises(ValidationError):
        FacilityStandard(id="cn.facility.x", name="x", applies_to=Scope.VILLAGE, min_activity_area_pct=160)


def test_layer_levels_are_consistent() -> None:
    with pytest.raises(ValidationError, match="declares its parent"):
        Layer(
            id="220000",
            level=Level.PROVINCE,
            division_code="220000",
            name_zh="吉林省",
            name_en="Jilin",
            slug="jilin",
            version="0.1.0",
            covers=(Scope.VILLAGE,),
        )
    with pytest.raises(ValidationError) as caught:
        Layer.model_validate(
            {
                "id": "220000",
                "level": "province",
                "division_code": "220000",
                "name_zh": "吉林省",
                "name_en": "Jilin",
                "slug": "jilin",
                "version": "0.1.0",
                "covers": ["village"],
                "parent": {"id": "cn", "version_range": "about one"},
            }
        )
    zh, _ = pydantic_message(dict(caught.value.errors(include_url=False)[0]))
    assert zh.startswith("版本范围写作 >=0.3.0,<0.4.0 这样"), zh  # a clerk reads words, never the pattern


def _duty() -> Duty:
    return Duty(
        id="cn.duty.example",
        name="宣传党的路线方针政策",
        citations=(Citation(document="cn.document.tingzi-2022-28", section="二(一)1"),),
        duty_kind=DutyKind.PERFORMS,
    )


@pytest.mark.parametrize(
    "update",
    [
        {"duty_kind": "performz"},  # a value outside the vocabulary
        {"name": ""},  # a required text left empty
        {"id": "cn.certificate.example"},  # an id of another kind
        {"colour": "red"},  # a field the model does not have
    ],
)
def test_a_copy_with_changes_is_validated_as_a_new_model_is(update: dict[str, object]) -> None:
    """model_copy(update=...) put any value in place: the item broke the rules until it was saved and read."""
    with pytest.raises(ValidationError):
        _duty().model_copy(update=update)


def test_a_copy_with_changes_takes_what_the_constructor_takes_and_keeps_the_fields_given() -> None:
    duty = _duty()
    renamed = duty.model_copy(update={"name": "宣传政策", "aliases": ["宣传党的路线方针政策"], "duty_kind": "assists"})
    assert (renamed.name, renamed.aliases) == ("宣传政策", ("宣传党的路线方针政策",))
    assert renamed.duty_kind is DutyKind.ASSISTS
    assert renamed.model_fields_set == duty.model_fields_set | {"name", "aliases", "duty_kind"}
    assert duty.model_copy() == duty


def test_a_rule_across_fields_holds_for_a_copy() -> None:
    """A layer's version, a certificate's template: the model's own validators run on the copy too."""
    from conftest import NATIONAL  # noqa: PLC0415
    from villagecat.package import load_layer  # noqa: PLC0415

    national = load_layer(NATIONAL)
    with pytest.raises(ValidationError):
        national.layer.model_copy(update={"version": "1.0"})
    with pytest.raises(ValidationError):
        national.certificates[0].model_copy(update={"template": "兹证明{姓名"})


def test_a_section_may_hold_a_hash_but_not_another_citation() -> None:
    """``#`` is a section's own text (the property test's ``d0##``); another document's id and ``#`` is a second
    citation run into the first with a comma, refused."""
    from villagecat.models import Citation  # noqa: PLC0415

    assert Citation.model_validate("cn.document.plan##").section == "#"
    with pytest.raises(ValueError, match="是几个出处连在了一起"):
        Citation.model_validate("cn.document.plan#三，cn.document.notice#二")
