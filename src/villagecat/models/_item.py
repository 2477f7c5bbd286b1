"""The base of every cited catalog item."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, ClassVar

from pydantic import BeforeValidator, GetJsonSchemaHandler, StringConstraints

from villagecat._patterns import described
from villagecat.format.registry import KindSpec
from villagecat.format.rules import Fixed, KeepEntries
from villagecat.models._base import ITEM_REF_PATTERN, LAYER_ID_PATTERN, LOCAL_ID_PATTERN, Model, field
from villagecat.models.document import Citation, Name, NonEmpty

if TYPE_CHECKING:
    from pydantic.json_schema import JsonSchemaValue
    from pydantic_core import CoreSchema

__all__ = ["CatalogItem", "catch_all_field", "id_pattern", "restates_field", "truncated_field"]


def id_pattern(kind: str) -> str:
    """Return the id pattern of one item kind: ``<layer>.<kind>.<local>``."""
    return described(
        rf"^(?:{LAYER_ID_PATTERN})\.{kind}\.{LOCAL_ID_PATTERN}$",
        f"标识写作“层级代码.{kind}.小写英文字母或数字（可用连字符连接）”，如 cn.{kind}.example-1",
        f"an id is written <layer>.{kind}.<lower-case letters or digits joined by hyphens>, "
        f"such as cn.{kind}.example-1",
        in_files="；也可以留空，由系统按名称生成",
    )


def _one_or_many(value: object) -> object:
    """Read a single id (``replaces`` as format 2 first wrote it, in JSON) as a list of one; None as none."""
    if value is None:
        return ()
    return (value,) if isinstance(value, str) else value


class _FormerSingle:
    """Publish that a JSON row may still hold one id alone (as format 2 first wrote ``replaces``) or null."""

    @classmethod
    def __get_pydantic_json_schema__(cls, core: CoreSchema, handler: GetJsonSchemaHandler) -> JsonSchemaValue:
        listed = handler(core)
        return {"anyOf": [listed, listed["items"], {"type": "null"}]}


#: Every earlier id of an item (``replaces``): a list, read from one id alone as format 2 first wrote it.
EarlierIds = Annotated[
    tuple[Annotated[str, StringConstraints(pattern=ITEM_REF_PATTERN)], ...],
    BeforeValidator(_one_or_many),
    _FormerSingle,
]


class CatalogItem(Model):
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
    replaces: EarlierIds = field(
        "替代条目",
        "Replaces",
        desc_zh="本条目以前用过的每个标识（重新编号时填写，多次重新编号时逐一列出，用“|”分隔），都须是本层自己的标识；"
        "比较版本时视为改名而非删除加新增，下级层按其中任一旧标识填写的行仍归本条目。",
        desc_en="Every earlier id of the item, each of the layer's own (one per renumbering, joined by | in a cell): "
        "a diff shows a rename, not a delete plus an insert, and a lower layer's row on any of them applies to the "
        "item.",
        default_factory=tuple,
    )


def truncated_field() -> bool:
    """Declare ``truncated``: the source shows only the start of this list entry.

    A source may cut an entry off (a repost ending in 「……」). The name records only what is
    visible, and checks never decide a task on the words it lacks. How many entries the
    whole list has is the cited document's ``list_size``.
    """
    return field(  # type: ignore[no-any-return]
        "原文不全",
        "Truncated",
        desc_zh="来源中本条只见开头（被截断），名称只录可见部分；检查不据缺失的文字作出判断。",
        desc_en="The source shows only the start of this entry; checks never decide on the words it lacks.",
        default=False,
        rule=Fixed(),  # a lower layer marking an inherited rule truncated would switch its checks off
    )


def catch_all_field() -> bool:
    """Declare ``catch_all``: a 「其他……」 entry standing for unnamed others, not an item of its own."""
    return field(  # type: ignore[no-any-return]
        "兜底条目",
        "Catch-all",
        desc_zh="“其他……”一类兜底条目，代表未列名的事项，不是一个具体事项；不按普通条目检查或出具。",
        desc_en="A catch-all entry (其他…) standing for unnamed others; not checked or rendered as an item.",
        default=False,
    )


def restates_field() -> str | None:
    """Declare ``restates``: the inherited item this row restates, by id or by exact name or alias.

    A province writes its list as it is published, one row per item: a row that restates a
    national item (in the same or its own wording) names it here instead of needing override
    rows. The row is merged into the inherited item: every field it sets is restated (重申) or
    changed (改为) under the same rules as an override, and a changed name keeps the inherited
    one as an alias, so lookups by either name find the item.
    """
    return field(  # type: ignore[no-any-return]
        "重申条目",
        "Restates",
        desc_zh="本行重申（或改写）的上级条目：填其标识，或其名称、别名；留空表示本层新增的条目。",
        desc_en="The inherited item this row restates or rewords: its id, name or an alias; empty for a new item.",
        default=None,
    )
