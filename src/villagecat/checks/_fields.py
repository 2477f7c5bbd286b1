"""What the checks' inputs are called: each field of a ledger, a facility or a sign, with its Chinese titles."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["FIELDS", "PERCENT", "UNITS", "Unit", "title"]

#: Each column a ledger may have, with the Chinese titles a clerk may write for it (the first
#: is the one messages use when the column is missing). ``notes``, ``number``, ``township`` and ``department``
#: (a clerk's 备注, 序号, 乡镇 and 部门: who gave the task, for the clerk's own record) are read and left alone,
#: as the guides say; any other column is refused, never ignored.
FIELDS: dict[str, tuple[str, ...]] = {
    # a community's clerk heads the column 社区名称 (it was told 是否应为“名称”, the certificate's column)
    "village": ("村名", "村", "村（社区）", "社区", "社区名称", "村（社区）名称"),
    "category": ("类别",), "name": ("名称",), "text": ("文字",),
    "placement": ("位置", "悬挂位置"), "sign_type": ("标牌类型", "类型"), "orientation": ("版式",),
    "width_cm": ("宽度", "宽（厘米）"), "height_cm": ("高度", "高（厘米）"), "background_colour": ("底色",),
    "text_colour": ("字色",), "organisation": ("所属组织",), "dedicated_post": ("专人专岗",), "basis": ("设立依据",),
    "floor_area_m2": ("建筑面积",), "households": ("户数",),
    "activity_area_m2": ("活动区域面积", "村民活动区域面积", "居民活动区域面积", "村（居）民活动区域面积"),
    "function_areas": ("功能区域",), "department": ("部门",), "scope": ("村或社区",),
    "sign": ("目录条目",), "notes": ("备注", "说明"), "number": ("序号", "编号"),
    "township": ("乡镇", "街道", "乡镇（街道）", "镇（街道）", "所属乡镇", "所属街道"),
}  # fmt: skip


@dataclass(frozen=True)
class Unit:
    """The unit a measure is in, as a clerk writes it after a number (300平方米) or in a title (建筑面积（平方米）).

    Attributes:
        key: The message catalog's phrase for what the column holds (面积，以平方米计).
        words: The unit as written, compared half-width and case-folded (so ㎡ and m² are ``m2``).
        share_of: The measure a percentage in this column is a share of, if a share may be
            written in it; every other column refuses a percentage.
    """

    key: str
    words: tuple[str, ...]
    share_of: str | None = None


_AREA = Unit("unit-m2", ("平方米", "平米", "m2"))
_LENGTH = Unit("unit-cm", ("厘米", "公分", "cm"))

#: The unit of each measure a ledger records. A share (65%) is read only where the rule that
#: uses the figure is a share: the activity area, as Ninghe and Jilin word it
#: (「村民活动区域面积占…总建筑面积60%以上」), so 65% there is 65% of the row's floor area.
UNITS: dict[str, Unit] = {
    "width_cm": _LENGTH,
    "height_cm": _LENGTH,
    "floor_area_m2": _AREA,
    "activity_area_m2": Unit(_AREA.key, _AREA.words, share_of="floor_area_m2"),
    "households": Unit("unit-households", ("户", "个")),
}

#: A percentage as written after a number or in a title, once compared (％ is %).
PERCENT = "%"


def title(name: str) -> str:
    """A field's Chinese title (户数 for households), or its name if it has none."""
    return FIELDS.get(name, (name,))[0]
