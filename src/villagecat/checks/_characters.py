"""Characters of the 通用规范汉字表 that the character test's converter takes for traditional-only.

The signage check finds non-standard characters with ``hanzidentifier`` (CC-CEDICT data),
which knows traditional and simplified forms, not the 通用规范汉字表 (国务院, 2013). Thirteen of
the table's 8105 characters are traditional-only to it. Three of them are standard with no
condition; the other ten are standard characters of the table that its 附件1 (规范字与繁体字、
异体字对照表) also lists as the traditional form or a variant of another standard character:
they stand as standard characters only in some uses, which 附件1's notes give (甯: 可用于姓氏
人名; 陞: 可用于姓氏人名、地名; 剋: 读 kēi 时…), or in one reading (苧 níng, where 苎's
traditional form is 苧 too). Whether a sign uses one rightly depends on the word it is in,
which a character test cannot tell: such a character is a note (提示), never a failure.

Sources, checked against each other: the table's 附件1 as published with the State Council's
notice (国发〔2013〕23号), its notes as reprinted at https://qqxiuzi.cn/wz/zixun/1680.htm (陞、
耑、昇…); the table's numbers and 附件1's rows and 52 notes as digitised in
https://github.com/cdtym/digital-table-of-general-standard-chinese-characters (通用规范汉字表.xlsx,
sheets 字表8105, 附表一序号编码, 附表一附注), which agree with the numbers reprinted at
http://m.yczyjg.com/article/8732163_521793215.html (甯 7442, 甦 7335). The thirteen are the
table's characters that ``hanzidentifier`` 1.3 identifies as traditional.
"""

from __future__ import annotations

__all__ = ["STANDARD", "STANDARD_IN_NOTED_USES"]

#: Standard characters of the table that no row of 附件1 lists as another's traditional form or
#: variant: 琊 (6929), 萹 (7320), 畬 (7398).
STANDARD = frozenset("琊萹畬")

#: Standard characters of the table (its number) that 附件1 also lists under another standard
#: character, as its traditional form (繁体字, ``traditional``) or its variant (异体字,
#: ``variant``): 附件1's notes F6, F9, F12, F18, F19, F31, F46, F47 and F50 (as the digitised
#: table numbers them) give their uses; 苧 has none.
STANDARD_IN_NOTED_USES: dict[str, tuple[int, str, str]] = {
    "剋": (4134, "克", "traditional"),
    "苧": (6660, "苎", "traditional"),
    "耑": (6837, "专", "variant"),
    "陞": (6909, "升", "variant"),
    "椀": (7332, "碗", "variant"),
    "甦": (7335, "苏", "variant"),
    "甯": (7442, "宁", "variant"),
    "劄": (7692, "札", "variant"),
    "谿": (7959, "溪", "variant"),
    "釐": (7982, "厘", "variant"),
}
