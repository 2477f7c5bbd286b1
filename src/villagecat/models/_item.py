"""The base of every cited catalog item."""

from __future__ import annotations

from typing import Annotated, ClassVar

from pydantic import BaseModel, StringConstraints

from villagecat.models._base import ITEM_ID_PATTERN, LAYER_ID_PATTERN, LOCAL_ID_PATTERN, field
from villagecat.models.document import Citation, NonEmpty

__all__ = ["CatalogItem", "id_pattern"]


def id_pattern(kind: str) -> str:
    """Return the id pattern of one item kind: ``<layer>.<kind>.<local>``."""
    return rf"^(?:{LAYER_ID_PATTERN})\.{kind}\.{LOCAL_ID_PATTERN}$"


class CatalogItem(BaseModel):
    """Fields every item shares: a stable id, a name, its citations and notes.

    Subclasses narrow ``id`` to their own kind's pattern and set ``kind``.
    """

    kind: ClassVar[str]

    id: str
    name: NonEmpty = field("名称", "Name")
    citations: list[Citation] = field(
        "出处",
        "Citations",
        desc_zh="条目所依据的文件和条款。",
        desc_en="The documents and sections the item rests on.",
        default_factory=list,
    )
    notes: NonEmpty | None = field("备注", "Notes", default=None)
    replaces: Annotated[str, StringConstraints(pattern=rf"^{ITEM_ID_PATTERN}$")] | None = field(
        "替代条目",
        "Replaces",
        desc_zh="本条目取代的旧标识（重新编号时填写），比较版本时视为改名而非删除加新增。",
        desc_en="The id this item replaces after a renumbering; a diff shows a rename, not a delete plus an insert.",
        default=None,
    )
