"""Typed operations a lower layer applies to inherited items: overrides and cancellations.

A lower layer never edits an inherited row. It adds its own items, and changes
inherited ones only through these operations, each carrying its citation, so the
effective catalog knows which layer set every value and on what basis.
"""

from __future__ import annotations

import functools
from typing import Annotated, Any, ClassVar

from pydantic import ConfigDict, StringConstraints, TypeAdapter, ValidationError, ValidationInfo, field_validator

from villagecat._i18n import Both, model_error
from villagecat._patterns import described
from villagecat.format.registry import KindSpec
from villagecat.models._base import ITEM_REF_PATTERN, Vocab, model_meta
from villagecat.models._base import field as describe
from villagecat.models._item import CatalogItem, id_pattern
from villagecat.models.document import Citation, NonEmpty

__all__ = ["Cancellation", "MergeOp", "Override"]

TargetId = Annotated[str, StringConstraints(pattern=ITEM_REF_PATTERN)]
FieldName = Annotated[
    str,
    StringConstraints(
        pattern=described(
            r"^[a-z][a-z0-9_]*$",
            (
                "字段写目标条目所在 CSV 文件的列名（小写英文字母、数字和下划线），"
                "如 min_floor_area_m2（见 docs/format.md 各字段）"
            ),
            (
                "a field is a column name of the target's CSV file (lower-case letters, digits and underscores),"
                " such as min_floor_area_m2 (see docs/format.md)"
            ),
        )
    ),
]


class MergeOp(Vocab):
    """What an override does to the field of an inherited item."""

    __titles__ = ("操作", "Operation")

    SET = "set", "设为"
    ADD = "add", "增加条目"
    REMOVE = "remove", "删除条目"


class Override(CatalogItem):
    """A change a lower layer makes to one field of an inherited item.

    ``set`` replaces a single value (or a whole list, where the field's rule allows
    it); ``add`` and ``remove`` change entries of a list field, matched by value.
    ``value`` is typed by the field it targets and checked when the override is read:
    a JSON value in the JSON form (a list for a list field, a number for a number
    field), the target field's own cell in CSV.
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
    value: Any = describe(
        "取值",
        "Value",
        desc_zh="类型与目标字段相同：CSV 中按目标字段单元格的写法填写（列表用 | 分隔）；"
        "JSON 中为相应的 JSON 值；留空表示清空。",
        desc_en="Typed as the target field: in CSV written as that field's cell (lists joined by |); "
        "in JSON the matching JSON value; empty clears.",
        default=None,
    )

    @field_validator("value")
    @classmethod
    def _typed_by_target(cls, value: Any, info: ValidationInfo) -> Any:  # noqa: ANN401 - typed by the target
        """Check the value against the target field's type (the registry knows it from the target's id)."""
        target, name = info.data.get("target"), info.data.get("field")
        if value is None or not isinstance(target, str) or not isinstance(name, str):
            return value
        from villagecat.format.registry import kind_of_id  # noqa: PLC0415 - the registry imports the models

        kind = kind_of_id(target)
        spec = kind.field(name) if kind is not None else None
        if kind is None or spec is None:
            return value  # an unknown target or field is a merge conflict, reported with the layer
        annotation = kind.model.model_fields[spec.name].annotation
        try:
            return _adapter(annotation).validate_python(value)  # type: ignore[arg-type]
        except ValidationError as exc:
            from villagecat._messages import first_message  # noqa: PLC0415 - worded only when a value fails

            _, zh, en = first_message(exc)
            where = f"{kind.resource}.{spec.name}"
            raise model_error("override-value", field=where, detail=Both(zh, en)) from None


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
    citations: tuple[Citation, ...] = describe(
        "出处", "Citations", desc_zh="取消所依据的文件和条款。", desc_en="What the cancellation rests on.", min_length=1
    )


@functools.cache
def _adapter(annotation: Any) -> TypeAdapter[Any]:  # noqa: ANN401 - a field's annotation
    """Validate as the target's model does: its annotation under the models' config (no NaN or infinity).

    A bare ``TypeAdapter(float | None)`` took ``nan`` and ``inf``, which no item may hold and JSON cannot
    write: a package saved in JSON said null where the override had a value.
    """
    return TypeAdapter(annotation, config=ConfigDict(allow_inf_nan=False))
