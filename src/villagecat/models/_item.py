"""The base of every cited catalog item."""

from __future__ import annotations

from typing import Annotated, ClassVar

from pydantic import BaseModel, StringConstraints

from villagecat._patterns import described
from villagecat.format.registry import KindSpec
from villagecat.format.rules import KeepEntries
from villagecat.models._base import ITEM_REF_PATTERN, LAYER_ID_PATTERN, LOCAL_ID_PATTERN, field
from villagecat.models.document import Citation, Name, NonEmpty

__all__ = ["CatalogItem", "id_pattern"]


def id_pattern(kind: str) -> str:
    """Return the id pattern of one item kind: ``<layer>.<kind>.<local>``."""
    return described(
        rf"^(?:{LAYER_ID_PATTERN})\.{kind}\.{LOCAL_ID_PATTERN}$",
        f"标识写作“层级代码.{kind}.小写英文字母或数字（可用连字符连接）”，如 cn.{kind}.example-1",
        f"an id is written <layer>.{kind}.<lower-case letters or digits joined by hyphens>, "
        f"such as cn.{kind}.example-1",
    )


class CatalogItem(BaseModel):
    """Fields every item shares: a stable id, a name, its citations and notes.

    Subclasses narrow ``id`` to their own kind's pattern and declare their ``spec``.
    """

    spec: ClassVar[KindSpec]

    id: str
    name: Name = field("名称", "Name")
    citations: tuple[Citation, ...] = field(
        "出处",
        "Citations",
        desc_zh="条目所依据的文件和条款。",
        desc_en="The documents and sections the item rests on.",
        default_factory=tuple,
    )
    notes: NonEmpty | None = field("备注", "Notes", default=None)
    aliases: tuple[Name, ...] = field(
        "别名",
        "Aliases",
        desc_zh="条目的其他名称（如上级文件的原有表述），查找和跨层同名判断时与名称同等看待；下级层只能增加，不能删除。",
        desc_en="Other names of the item (such as a parent's wording); lookups and identity across layers treat them "
        "as the name. A lower layer may add aliases, never remove them.",
        default_factory=tuple,
        rule=KeepEntries(),
    )
    replaces: Annotated[str, StringConstraints(pattern=ITEM_REF_PATTERN)] | None = field(
        "替代条目",
        "Replaces",
        desc_zh="本条目取代的旧标识（重新编号时填写），比较版本时视为改名而非删除加新增。",
        desc_en="The id this item replaces after a renumbering; a diff shows a rename, not a delete plus an insert.",
        default=None,
    )
