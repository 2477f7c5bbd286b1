"""Every finding code a check reports, declared once: the check it belongs to and what it means.

A code is what a system keys on (``signage-missing``); a clerk reads the message. Each is
declared here, once, with its meaning in Chinese and English; the checks take their codes
from here, ``Finding`` refuses any other, and the check report's JSON Schema
(``schemas/check-report.schema.json``) and ``docs/finding-codes.md`` are derived from here.

One rule grades a code by how strongly its rule binds (:mod:`villagecat.checks._modality`):
a *graded* code's rule is missed under the base code where it binds (不符合), under
``-advised`` where it advises and under ``-unstated`` where its source does not say (both
提示): :meth:`FindingCode.missed`. A rule met keeps the base code. No other code ends in
``-advised`` or ``-unstated``.

``audit`` decides each duty of a ledger as ``admit`` does: its findings carry the admission
code with ``audit-duty-`` for ``admission-`` (:func:`in_audit`), and the facility and signage
codes of the facility and signs it records.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from villagecat.checks._modality import suffix

if TYPE_CHECKING:
    from villagecat.checks._modality import Strength
    from villagecat.checks._report import CheckName

__all__ = ["CODES", "FINDING_CODES", "FindingCode", "codes_markdown", "in_audit"]

#: The endings of a graded code's forms, by how its missed rule binds: 不符合, then the two 提示.
GRADES: tuple[Strength, ...] = ("binds", "advises", "unstated")
#: How each grade is said on the codes page.
_GRADE_WORDS: dict[Strength, tuple[str, str]] = {
    "binds": ("规则具有约束力，未达到为不符合", "the rule binds: a miss fails"),
    "advises": ("来源用语为“一般”“原则上”等建议性用语，未达到为提示", "the rule advises: a miss is a warning"),
    "unstated": ("来源未写明约束力，未达到为提示", "the source does not say how strongly it binds: a warning"),
}


@dataclass(frozen=True)
class FindingCode:
    """One finding code as declared: the check it belongs to, its meaning, and whether it is graded.

    Attributes:
        code: The code (the base code of a graded one), e.g. ``facility-floor-area``.
        check: The check whose findings carry it (``audit`` carries the facility and signage codes too).
        zh: What it means, in Chinese.
        en: What it means, in English.
        graded: Whether a missed rule's code says how strongly the rule binds (:meth:`missed`).
    """

    code: str
    check: CheckName
    zh: str
    en: str
    graded: bool = False

    def missed(self, of: Strength) -> str:
        """The code of this rule missed where it binds as ``of`` says: the base code, ``-advised`` or ``-unstated``."""
        if not self.graded:
            raise ValueError(f"{self.code} is not graded by how strongly its rule binds")
        return self.code + suffix(of)

    def forms(self) -> tuple[str, ...]:
        """Every code a finding of this kind may carry: the base code, and a graded one's endings."""
        return tuple(self.missed(of) for of in GRADES) if self.graded else (self.code,)


_DECLARED: list[FindingCode] = []


def _declare(code: str, check: CheckName, zh: str, en: str, *, graded: bool = False) -> FindingCode:
    entry = FindingCode(code, check, zh, en, graded)
    _DECLARED.append(entry)
    return entry


# check facility
FLOOR_AREA = _declare(
    "facility-floor-area",
    "facility",
    "建筑面积是否达到面积标准",
    "whether the floor area meets the standard",
    graded=True,
)
HOUSEHOLDS_NEEDED = _declare(
    "facility-households-needed",
    "facility",
    "未给出户数，按户数计的面积标准未核查",
    "no household count: the per-100-households rule was not checked",
)
ACTIVITY_SHARE = _declare(
    "facility-activity-share",
    "facility",
    "活动区域占建筑面积的比例是否达到标准",
    "whether the activity area's share of the floor area meets the standard",
    graded=True,
)
FUNCTION_AREAS = _declare(
    "facility-function-areas",
    "facility",
    "设施是否具备所列功能区域",
    "whether the facility has the function areas listed",
    graded=True,
)
NO_STANDARD = _declare(
    "facility-no-standard",
    "facility",
    "本辖区各层未规定适用的设施标准",
    "no layer sets an applicable facility standard",
)

# check signage
OVERSIZE = _declare(
    "signage-oversize", "signage", "标牌超出规定尺寸", "a sign is larger than the size given", graded=True
)
COLOUR = _declare(
    "signage-colour", "signage", "标牌颜色与规定不同", "a sign's colours are not those given", graded=True
)
ORIENTATION = _declare(
    "signage-orientation",
    "signage",
    "标牌版式（横竖）与规定不同",
    "a sign's orientation is not the one given",
    graded=True,
)
CHARACTERS = _declare(
    "signage-characters", "signage", "标牌使用了繁体字", "a sign uses traditional characters, not standard ones"
)
CHARACTERS_NOTED = _declare(
    "signage-characters-noted",
    "signage",
    "标牌用字只在特定用法中是规范字，请核实",
    "a sign uses a character standard in some uses only: check it",
)
NOT_ALLOWED = _declare(
    "signage-not-allowed",
    "signage",
    "标牌不在所列标牌之列，而所列即为全部",
    "a sign is not among the signs listed, and the list is closed",
    graded=True,
)
UNLISTED = _declare(
    "signage-unlisted",
    "signage",
    "外部标牌不在目录之列，请核实是否属于对口挂牌",
    "an outside sign the catalog does not list: check it is no departmental plaque",
)
NONE_LISTED = _declare(
    "signage-none-listed",
    "signage",
    "目录未列出该类村（社区）的标牌，外部标牌无从核对",
    "the catalog lists no signs for this kind of place: its outside signs could not be checked",
)
MISSING = _declare(
    "signage-missing", "signage", "缺少目录列入悬挂的标牌", "a sign the catalog lists is not hung", graded=True
)
PRESENT = _declare("signage-present", "signage", "目录列入悬挂的标牌已悬挂", "a sign the catalog lists is hung")
COUNT = _declare(
    "signage-count", "signage", "标牌数量超过规定", "more signs of a kind than the number given", graded=True
)
COUNT_UNKNOWN_TYPE = _declare(
    "signage-count-unknown-type",
    "signage",
    "有标牌未填写类型，数量核对未能完成",
    "signs of unknown type: the count could not be completed",
)

# admit
PROHIBITED = _declare(
    "admission-prohibited", "admission", "事项属于履职负面事项，不得交由村（社区）承担", "the task is a prohibited duty"
)
LISTED = _declare("admission-listed", "admission", "事项在履职事项目录中", "the task is a listed duty")
CERTIFICATE_RETAINED = _declare(
    "admission-certificate-retained", "admission", "证明事项为保留的，可以出具", "a certificate that may be issued"
)
CERTIFICATE_NOT_ISSUED = _declare(
    "admission-certificate-not-issued",
    "admission",
    "证明事项已取消或不应出具",
    "a certificate cancelled or not to be issued",
)
NEEDS_APPROVAL = _declare(
    "admission-needs-approval",
    "admission",
    "事项不在目录中，须经准入程序",
    "the task is not listed: it needs approval",
)
LISTS_NOT_INCLUDED = _declare(
    "admission-lists-not-included",
    "admission",
    "事项不在已收录的目录中，而本辖区的事项清单未收录全文，无从判断是否须经准入程序（提示）",
    "the task is not in the catalog as recorded, and the jurisdiction's lists of tasks are not recorded: whether it"
    " needs approval cannot be told (a note)",
)
RULE_ON_DEPARTMENTS = _declare(
    "admission-rule-on-departments",
    "admission",
    "事项涉及对部门的要求（提示）",
    "a rule that requires something of departments governs the task (a note)",
)
CONDITIONAL = _declare(
    "admission-conditional",
    "admission",
    "事项受有条件的禁止性规定约束，须先满足条件",
    "a rule forbids the task unless its condition is met",
    graded=True,
)
FORBIDDEN_TO_DEPARTMENTS = _declare(
    "admission-forbidden-to-departments",
    "admission",
    "禁止部门将该事项交给村（社区）",
    "a rule forbids departments to give the task",
    graded=True,
)

# audit (its duties are decided as admit decides them: in_audit)
MECHANISM_DEDICATED_POST = _declare(
    "audit-mechanism-dedicated-post",
    "audit",
    "工作机制要求专人专岗而台账写明无依据",
    "a mechanism requires a dedicated post and the ledger says it has no basis",
)
MECHANISM_POST_BASIS_UNKNOWN = _declare(
    "audit-mechanism-post-basis-unknown",
    "audit",
    "工作机制要求专人专岗，台账未写明设立依据，未核查",
    "a mechanism requires a dedicated post and the ledger gives no basis: not checked",
)
MECHANISM_BASIS_UNKNOWN = _declare(
    "audit-mechanism-basis-unknown",
    "audit",
    "工作机制不在目录中，台账未写明设立依据，未核查",
    "a mechanism the catalog does not list, and the ledger gives no basis: not checked",
)
MECHANISM_WITHOUT_BASIS = _declare(
    "audit-mechanism-without-basis",
    "audit",
    "工作机制不在目录中且无设立依据",
    "a mechanism the catalog does not list, without basis",
)
MECHANISM_UNLISTED = _declare(
    "audit-mechanism-unlisted",
    "audit",
    "工作机制不在目录中（台账写有依据），请核实",
    "a mechanism the catalog does not list (the ledger gives a basis): check it",
)
CERTIFICATE_UNLISTED = _declare(
    "audit-certificate-unlisted", "audit", "出具的证明不在证明事项目录中", "a certificate the catalog does not list"
)
CERTIFICATE_ALIKE = _declare(
    "audit-certificate-alike",
    "audit",
    "出具的证明不在目录中，名称与不应出具的证明相近，请核实",
    "a certificate the catalog does not list, named like one not to be issued: check it",
)
AUDIT_CERTIFICATE_RETAINED = _declare(
    "audit-certificate-retained", "audit", "出具的证明为保留的证明事项", "a certificate issued is retained"
)
CERTIFICATE_MUST_NOT_ISSUE = _declare(
    "audit-certificate-must-not-issue",
    "audit",
    "出具的证明已取消或不应出具，应停止出具",
    "a certificate issued is cancelled or not to be issued",
)
VILLAGE_EMPTY = _declare(
    "audit-village-empty", "audit", "台账未记录该村任何内容，未作核查", "the ledger records nothing of the village"
)

# lint
LINT_CERTIFICATE_BASIS = _declare(
    "lint-certificate-basis",
    "lint",
    "保留的证明事项的依据不是法律法规或国务院决定，请核实",
    "a retained certificate rests on no law, regulation or State Council decision: check it",
)
LINT_CERTIFICATE_BASIS_UNKNOWN = _declare(
    "lint-certificate-basis-unknown",
    "lint",
    "保留的证明事项未记录依据",
    "a retained certificate records no basis",
)
LINT_MECHANISM_DEDICATED_POST = _declare(
    "lint-mechanism-dedicated-post",
    "lint",
    "工作机制要求专人专岗而记录为无依据",
    "a mechanism requires a dedicated post and records no basis that allows it",
)
LINT_MECHANISM_POST_BASIS_UNKNOWN = _declare(
    "lint-mechanism-post-basis-unknown",
    "lint",
    "工作机制要求专人专岗，未记录设立依据",
    "a mechanism requires a dedicated post and records no basis",
)
LINT_ASSIST_FUNDING = _declare(
    "lint-assist-funding", "lint", "协助事项未写明责任部门或经费保障", "an assisted duty names no department or funding"
)
LINT_REPORT_FREQUENCY = _declare(
    "lint-report-frequency",
    "lint",
    "填报频次不在来源所说为主的频次之列",
    "a duty's report frequency is not among the main ones",
)
LINT_MISSING_CITATION = _declare("lint-missing-citation", "lint", "条目没有出处", "an item cites nothing")
LINT_PARTIAL_LIST = _declare(
    "lint-partial-list", "lint", "来源清单未完整记录", "a source's list is not recorded in full"
)

#: Every declared code by its (base) code.
CODES: dict[str, FindingCode] = {}
for _entry in _DECLARED:
    if _entry.code in CODES:
        raise ValueError(f"finding code {_entry.code} is declared twice")
    CODES[_entry.code] = _entry


def in_audit(code: str) -> str:
    """An admission code as ``audit`` reports a ledger's duty: ``admission-listed`` is ``audit-duty-listed``."""
    return "audit-duty-" + code.removeprefix("admission-")


def _audit_form(entry: FindingCode) -> FindingCode:
    return FindingCode(
        in_audit(entry.code), "audit", f"台账所列事项：{entry.zh}", f"a duty of the ledger: {entry.en}", entry.graded
    )


#: Every declared code, the audit's forms of the admission codes included, by its base code.
_ALL: dict[str, FindingCode] = CODES | {
    in_audit(e.code): _audit_form(e) for e in CODES.values() if e.check == "admission"
}
#: Every code a finding may carry (each form of a graded one) -> its declaration.
FINDING_CODES: dict[str, FindingCode] = {form: e for e in _ALL.values() for form in e.forms()}


def _ending(of: Strength, none: str) -> str:
    return f"`{suffix(of)}`" if suffix(of) else none


def codes_markdown() -> str:
    """Return the table of every finding code, its check and meaning (``docs/finding-codes.md``)."""
    from villagecat._i18n import say  # noqa: PLC0415 - the messages are loaded by whoever writes the page

    lines = [
        "# 结果代码 / Finding codes",
        "",
        "`villagecat check facility`、`check signage`、`admit`、`audit` 和 `lint` 的每一项结果都有一个稳定的代码",
        "（JSON 输出的 `code`，供系统对接使用）。“分级”一栏列出后缀的代码，按未达到的规则的约束力取后缀，",
        "规则达到时用原代码：",
        "",
        *(f"- {_ending(of, '无后缀（原代码）')}：{_GRADE_WORDS[of][0]}" for of in GRADES),
        "",
        "`audit` 按 `admit` 的方式核查台账所列事项，代码把 `admission-` 换为 `audit-duty-`；台账中的设施和标牌",
        "使用 `facility-` 和 `signage-` 代码。",
        "",
        "Every finding of `villagecat check facility`, `check signage`, `admit`, `audit` and `lint` has a stable code",
        "(`code` in JSON, for systems to key on). A code with endings in the graded column takes one by how strongly",
        "the missed rule binds; a rule met keeps the base code:",
        "",
        *(f"- {_ending(of, 'no ending (the base code)')}: {_GRADE_WORDS[of][1]}" for of in GRADES),
        "",
        "`audit` decides a ledger's duties as `admit` does, under `audit-duty-` for `admission-`, and its facility",
        "and signs under the `facility-` and `signage-` codes. Generated from `villagecat.checks._codes`; a test",
        "fails when this page drifts.",
        "",
        "| 代码 code | 核查 check | 分级 graded | 含义 meaning |",
        "|---|---|---|---|",
    ]
    lines.extend(
        f"| `{e.code}` | {say(f'check-{e.check}', 'zh')} `{e.check}` | "
        f"{'、'.join(f'`{suffix(of)}`' for of in GRADES if suffix(of)) if e.graded else ''} | {e.zh} / {e.en} |"
        for e in sorted(_ALL.values(), key=lambda e: e.code)
    )
    return "\n".join(lines) + "\n"
