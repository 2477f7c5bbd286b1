"""Work mechanisms (工作机制) set up in a village: committees, centres, stations, offices."""

from __future__ import annotations

from typing import Annotated, ClassVar

from pydantic import StrictBool, StringConstraints

from villagecat.format.registry import KindSpec
from villagecat.models._base import field, model_meta
from villagecat.models._item import CatalogItem, id_pattern, restates_field
from villagecat.models.document import Name, NonEmpty
from villagecat.models.vocab import MechanismBasis, MechanismType, Scope

__all__ = ["Mechanism", "MechanismId"]

MechanismId = Annotated[str, StringConstraints(pattern=id_pattern("mechanism"))]


class Mechanism(CatalogItem):
    """A village work mechanism and the rules it is kept under (DOMAIN.md §2)."""

    model_config = model_meta(
        "工作机制",
        "Mechanism",
        "在村级设立的分支机构、中心、站、所等工作机制。",
        "A branch, centre, station, office or committee set up in a village.",
    )
    spec: ClassVar[KindSpec] = KindSpec(resource="mechanisms", segment="mechanism", slug="mechanism", role="item")

    id: MechanismId = field(
        "标识",
        "Id",
        desc_zh="形如 <层标识>.mechanism.<名>。",
        desc_en="Of the form <layer>.mechanism.<name>.",
    )
    mechanism_type: MechanismType = field("机制类型", "Mechanism type")
    applies_to: Scope | None = field("适用范围", "Applies to", default=None)
    dedicated_post: StrictBool | None = field(
        "专人专岗",
        "Dedicated post",
        desc_zh="是否要求专人专岗；来源未载明时留空。",
        desc_en="Whether a dedicated post is required; empty where the source is silent.",
        default=None,
    )
    basis: MechanismBasis | None = field(
        "设立依据",
        "Basis",
        desc_zh="允许设立该机制的依据。",
        desc_en="What allows the mechanism.",
        default=None,
    )
    carried_by: NonEmpty | None = field(
        "承担组织",
        "Carried by",
        desc_zh="承担相应职责的村级组织，例如 村民委员会。",
        desc_en="The village organisation that carries the duty.",
        default=None,
    )
    provider: NonEmpty | None = field(
        "保障单位",
        "Staff and funds from",
        desc_zh="提供人员、经费等工作条件的单位。",
        desc_en="Who provides staff and funds.",
        default=None,
    )
    departments: tuple[NonEmpty, ...] = field("相关部门", "Departments", default_factory=tuple)
    restates: Name | None = restates_field()
