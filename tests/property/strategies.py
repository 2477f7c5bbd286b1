"""Hypothesis strategies shared by the property tests: small layers and operations."""

from __future__ import annotations

from hypothesis import strategies as st

from villagecat.models import (
    Authority,
    Citation,
    Document,
    DutyKind,
    FacilityStandard,
    Layer,
    Level,
    Override,
    ParentRef,
    Placement,
    Scope,
    Sign,
    SignType,
)
from villagecat.package import LayerPackage

DOC = "cn.document.base"
CITE = Citation(document=DOC, section="一")
#: Short Chinese names, from the CJK Unified Ideographs block.
names = st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF), min_size=1, max_size=8)
areas = st.one_of(st.none(), st.integers(min_value=0, max_value=2000).map(float))
sizes = st.one_of(st.none(), st.integers(min_value=1, max_value=500).map(float))


@st.composite
def national(draw: st.DrawFn) -> LayerPackage:
    """A national layer with one facility standard and one sign of random limits."""
    facility = FacilityStandard(
        id="cn.facility.f",
        name=draw(names),
        applies_to=Scope.VILLAGE,
        min_floor_area_m2=draw(areas),
        min_area_per_100_households_m2=draw(areas),
        citations=(CITE,),
    )
    sign = Sign(
        id="cn.sign.s",
        name=draw(names),
        sign_type=SignType.PLAQUE,
        placement=Placement.OUTSIDE,
        max_width_cm=draw(sizes),
        max_height_cm=draw(sizes),
        mandatory=draw(st.booleans()),
        citations=(CITE,),
    )
    layer = Layer(
        id="cn",
        level=Level.NATIONAL,
        name_zh="全国",
        name_en="National",
        slug="national",
        version="0.1.0",
        covers=(Scope.VILLAGE,),
    )
    return LayerPackage(
        layer=layer,
        documents=(Document(id=DOC, title="基础文件", authority=Authority.NORMATIVE_DOCUMENT),),
        signs=(sign,),
        facilities=(facility,),
    )


def child(overrides: tuple[Override, ...] = ()) -> LayerPackage:
    """A province under ``cn`` holding only the given overrides."""
    layer = Layer(
        id="220000",
        level=Level.PROVINCE,
        division_code="220000",
        name_zh="省",
        name_en="P",
        slug="p",
        version="0.1.0",
        parent=ParentRef(id="cn", version_range=">=0.1.0"),
        covers=(Scope.VILLAGE,),
    )
    return LayerPackage(layer=layer, overrides=overrides)


#: Fields with a direction, the item they belong to, and whether a higher value is tighter.
DIRECTED = [
    ("cn.facility.f", "min_floor_area_m2", True),
    ("cn.facility.f", "min_area_per_100_households_m2", True),
    ("cn.sign.s", "max_width_cm", False),
    ("cn.sign.s", "max_height_cm", False),
]


@st.composite
def directed_override(draw: st.DrawFn) -> tuple[str, str, bool, float | None]:
    """An override of a directed field to a random value (or to empty)."""
    target, field_name, rises = draw(st.sampled_from(DIRECTED))
    value = draw(st.one_of(st.none(), st.integers(min_value=1, max_value=2000).map(float)))
    return target, field_name, rises, value


def override(target: str, field_name: str, value: str | None, n: int = 0) -> Override:
    """An override with a citation."""
    return Override(
        id=f"220000.override.o{n}", name="覆盖", target=target, field=field_name, value=value, citations=(CITE,)
    )


@st.composite
def revision(draw: st.DrawFn, base: LayerPackage) -> LayerPackage:
    """A random revision of ``base``: limits moved, flags flipped, items added or removed."""
    from villagecat.models import Duty  # noqa: PLC0415

    facility = base.facilities[0].model_copy(
        update={"min_floor_area_m2": draw(areas), "min_area_per_100_households_m2": draw(areas)}
    )
    sign = base.signs[0].model_copy(
        update={"max_width_cm": draw(sizes), "mandatory": draw(st.booleans()), "name": draw(names)}
    )
    duties = tuple(
        Duty(id=f"cn.duty.d{n}", name=name, duty_kind=DutyKind(kind), citations=(CITE,))
        for n, (name, kind) in enumerate(
            draw(st.lists(st.tuples(names, st.sampled_from(["performs", "assists", "prohibited"])), max_size=3))
        )
    )
    return LayerPackage(
        layer=base.layer,
        documents=base.documents,
        duties=duties,
        signs=(sign,) if draw(st.booleans()) else (),
        facilities=(facility,),
    )
