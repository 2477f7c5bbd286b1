"""Typed operations a lower layer applies to inherited items: overrides and cancellations.

A lower layer never edits an inherited row. It adds its own items, and changes
inherited ones only through these operations, each carrying its citation, so the
effective catalog knows which layer set every value and on what basis.
"""

from __future__ import annotations

from typing import Annotated, ClassVar

from pydantic import StringConstraints

from villagecat.format.registry import KindSpec
from villagecat.models._base import ITEM_ID_PATTERN, Vocab, model_meta
from villagecat.models._base import field as describe
from villagecat.models._item import CatalogItem, id_pattern
from villagecat.models.document import Citation, NonEmpty

__all__ = ["Cancellation", "MergeOp", "Override"]

TargetId = Annotated[str, StringConstraints(pattern=rf"^{ITEM_ID_PATTERN}$")]
FieldName = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$")]


class MergeOp(Vocab):
    """What an override does to the field of an inherited item."""

    __titles__ = ("操作", "Operation")

    SET = "set", "设为"
    ADD = "add", "增加条目"
    REMOVE = "remove", "删除条目"


class Override(CatalogItem):
    """A change a lower layer makes to one field of an inherited item.

    ``set`` replaces a single value (or a whole list, where the field's schema
    allows it); ``add`` and ``remove`` change entries of a list field, matched by
    value. ``value`` is written as in a CSV cell of the target's resource.
    """

    model_config = model_meta(
        "覆盖",
        "Override",
        "下级层对所继承条目某一字段的修改，附出处。",
        "A lower layer's change to one field of an inherited item, with its citation.",
    )
    spec: ClassVar[KindSpec] = KindSpec(
        resource="overrides", segment="override", slug="override", role="operation", sheet="覆盖"
    )

    id: Annotated[str, StringConstraints(pattern=id_pattern("override"))] = describe(
        "标识", "Id", desc_zh="形如 <层标识>.override.<名>。", desc_en="Of the form <layer>.override.<name>."
    )
    target: TargetId = describe(
        "目标条目", "Target", desc_zh="被修改的上级条目标识。", desc_en="The inherited item's id."
    )
    field: FieldName = describe("字段", "Field")
    op: MergeOp = describe("操作", "Operation", default=MergeOp.SET)
    value: str | None = describe(
        "取值",
        "Value",
        desc_zh="按目标资源 CSV 单元格的写法填写；列表用 | 分隔；留空表示清空。",
        desc_en="Written as in a CSV cell of the target's resource; lists joined by |; empty clears.",
        default=None,
    )


class Cancellation(CatalogItem):
    """A lower layer's explicit removal of an inherited item, with its reason."""

    model_config = model_meta(
        "取消",
        "Cancellation",
        "下级层明确取消所继承的条目，须写明理由和出处。",
        "A lower layer's explicit removal of an inherited item, with reason and citation.",
    )
    spec: ClassVar[KindSpec] = KindSpec(
        resource="cancellations", segment="cancellation", slug="cancellation", role="operation", sheet="取消"
    )

    id: Annotated[str, StringConstraints(pattern=id_pattern("cancellation"))] = describe(
        "标识", "Id", desc_zh="形如 <层标识>.cancellation.<名>。", desc_en="Of the form <layer>.cancellation.<name>."
    )
    target: TargetId = describe("目标条目", "Target")
    reason: NonEmpty = describe("理由", "Reason")
    citations: list[Citation] = describe(
        "出处", "Citations", desc_zh="取消所依据的文件和条款。", desc_en="What the cancellation rests on.", min_length=1
    )
