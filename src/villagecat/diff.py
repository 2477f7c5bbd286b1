"""Comparing two versions of a layer (or two effective catalogs): what changed, and what breaks.

Each change has a stable code and a level:

- ``breaking``: a village or a consuming system that followed the old version may now be
  out of line (a certificate it may no longer issue, a minimum area it may no longer meet,
  a plaque it must remake, an id it referenced that is gone);
- ``warning``: it may matter, but the data cannot tell (a field without a direction changed,
  an item was renamed or restored), or it tightens what binds on neither side: advice (一般、原则上,
  ``…-advised``) or a rule whose binding word the source does not state (``…-unstated``), whose miss
  a check reports as a 提示, never 不符合, so nothing that complied is failed;
- ``info``: nothing that followed the old version is out of line (an item added, a limit
  loosened by the layer's own publisher, a citation or note edited).

:data:`CHANGE_LEVELS` documents every code; teams that judge differently pass overrides.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import os
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Literal, cast, get_args

from packaging.version import Version
from pydantic import BaseModel

from villagecat._arguments import (
    kind_of,
    need,
    need_catalog,
    need_format,
    need_items,
    need_lang,
    need_path,
    need_registry,
)
from villagecat._i18n import Both, pair, say
from villagecat._shown import shown
from villagecat.errors import ArgumentTypeError, InvalidRequestError
from villagecat.format.registry import FieldSpec, Kind, kind_by_resource, kind_of_id, kinds
from villagecat.format.rules import (
    DecreaseOnly,
    EarlierOnly,
    Effect,
    Fixed,
    Frozen,
    Graded,
    GrowOnly,
    IncreaseOnly,
    Qualifier,
    Sticky,
    scope_places,
)
from villagecat.models import CertificateStatus, Modality, Scope
from villagecat.models._base import Vocab
from villagecat.models.vocab import BINDING_WORDS

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from villagecat.impact import Children, OutgrownRange, UncheckedLayer
    from villagecat.merging import Conflict, EffectiveCatalog
    from villagecat.models import Document
    from villagecat.models._item import CatalogItem
    from villagecat.package import LayerPackage
    from villagecat.registry import LayerRegistry

__all__ = [
    "CHANGE_LEVELS",
    "CHANGE_MEANINGS",
    "GATE_WORDS",
    "LEVEL_WORDS",
    "SETTABLE_LEVELS",
    "Accepted",
    "Change",
    "ChangeLevel",
    "DiffFormat",
    "DiffReport",
    "codes_markdown",
    "conflict_said",
    "diff_catalogs",
    "diff_packages",
    "format_report",
    "load_accepted",
    "load_levels",
    "rate_operations",
    "renumbering_said",
    "required_bump",
    "rule_violations",
    "suspected_renumberings",
]

ChangeLevel = Literal["violation", "breaking", "warning", "info"]
Bump = Literal["major", "minor", "patch", "none"]
#: What ``--fail-on`` accepts: a level, or ``unannounced`` (the version does not announce the changes).
Gate = Literal["violation", "unannounced", "breaking", "warning"]
_RANK: dict[str, int] = {"none": 0, "info": 1, "warning": 2, "breaking": 3, "violation": 4}
#: What a change does to the obligations of villages or communities, as a report says it.
_EFFECT_KEYS = {Effect.TIGHTENS: "effect-tightens", Effect.LOOSENS: "effect-loosens"}
#: The levels as a report shows them (a violation crosses a rule merge enforces: it cannot be released).
LEVEL_WORDS: dict[str, tuple[str, str]] = {
    level: pair(f"change-level-{level}") for level in ("violation", "breaking", "warning", "info")
}
#: The levels a ``--levels`` file may give a code, by code or word (a violation is merge's verdict, never a team's).
SETTABLE_LEVELS: tuple[ChangeLevel, ...] = ("breaking", "warning", "info")
#: Each gate of ``--fail-on`` as a reader names it: a level by its word, ``unannounced`` by what it fails.
GATE_WORDS: dict[str, tuple[str, str]] = {
    gate: LEVEL_WORDS[gate] if gate in LEVEL_WORDS else pair(f"gate-{gate}") for gate in get_args(Gate)
}
_BUMP_FOR: dict[str, Bump] = {"breaking": "major", "warning": "minor", "info": "patch"}

#: The words a change code uses for each direction of a ruled field: (tightens, loosens).
_DIRECTION_WORDS: dict[type, tuple[str, str]] = {
    IncreaseOnly: ("raised", "lowered"),
    DecreaseOnly: ("reduced", "increased"),
    EarlierOnly: ("brought-forward", "put-off"),
    GrowOnly: ("extended", "shortened"),
    Sticky: ("tightened", "loosened"),
    Graded: ("tightened", "loosened"),
    Qualifier: ("tightened", "loosened"),
}
#: Ruled fields whose changes have codes of their own (a duty's kind, a sign's mandatory flag and colours).
_OWN_CODES = {
    ("duties", "duty_kind"),
    ("signs", "mandatory"),
    ("signs", "background_colour"),
    ("signs", "text_colour"),
}
#: Field changes with a code of their own, whatever their rule: (resource, field) -> code maker.
_SIGN_LOOK = {
    "text_pattern": "text",
    "background_colour": "colour",
    "text_colour": "colour",
    "orientation": "orientation",
}
_QUIET_FIELDS = {"citations", "notes", "name", "title", "aliases"}
#: Fields that hold the source's words for another field: changed with it, they are the same change,
#: said in words (a deadline's 5月底前 → 6月底前 with 2023-05 → 2023-06); changed alone, the data cannot tell.
_WORDS_OF = {("milestones", "due_text"): "due"}


#: Rules of a bound or a list that an item's own modality grades where no modality of a field's own does.
_GRADED_BY_THE_ITEM = (IncreaseOnly, DecreaseOnly, EarlierOnly, GrowOnly, Qualifier)
#: How a value binds on neither side of a change: ``advised`` (一般、原则上、为宜 on both sides), or
#: ``unstated`` (the source states no binding word on one side at least): a miss is a 提示 either way.
Unbound = Literal["advised", "unstated"]


def _grading(kind: Kind, name: str) -> list[FieldSpec]:
    """The modalities that grade field ``name``: those that say they govern it, else the item's own (none: unruled).

    A sign's 尺寸约束力 grades its sizes, a facility's 约束力 its minimums, a quota's its count, a sign's 悬挂约束力
    whether it must hang (必须悬挂, a yes that sticks); a field whose rule is no bound, list or such yes (a name, a
    type) is graded by none.
    """
    spec = kind.field(name)
    yes = isinstance(spec.rule, Sticky) and all(type(v) is bool for v in spec.rule.values) if spec else False
    if spec is None or not (yes or isinstance(spec.rule, _GRADED_BY_THE_ITEM)):
        return []
    grading = [s for s in kind.fields if isinstance(s.rule, Graded) and name in s.rule.governs]
    own = kind.field("modality")
    if not grading and own is not None and isinstance(own.rule, Graded) and not own.rule.governs:
        grading = [own]
    return grading


def _strengths(grading: Sequence[FieldSpec]) -> tuple[Unbound, ...]:
    """How ``grading`` may bind on neither side: advice where any grades, unstated where an empty one has a grade."""
    if not grading:
        return ()
    unstated = any(isinstance(s.rule, Graded) and s.rule.empty is not None for s in grading)
    return ("advised", "unstated") if unstated else ("advised",)


def _unbound_by(grading: Sequence[FieldSpec], items: Iterable[BaseModel]) -> Unbound | None:
    """How ``grading`` binds on ``items`` where it binds on none of them: advice, or unstated; None where it binds.

    Every value advising is advice (a 提示); values advising or empty, where empty has a grade (the source does not
    say), are unstated (a 提示 that says so, as checks report it). An obligation's empty modality, which merge ranks
    as should, is unstated too: admit tells a task it governs as a 提示 that says so, never 不符合.
    """
    values = [(s.rule, getattr(item, s.name, None)) for item in items for s in grading]
    if not values:
        return None
    if all(isinstance(rule, Graded) and rule.advises(v) for rule, v in values):
        return "advised"
    unsaid = all(
        isinstance(rule, Graded) and (rule.advises(v) or (v is None and rule.empty is not None)) for rule, v in values
    )
    return "unstated" if unsaid else None


def _unbound(kind: Kind, name: str, versions: tuple[BaseModel, BaseModel]) -> Unbound | None:
    """How field ``name`` binds on neither version of an item (see :func:`_unbound_by`), or None where it binds.

    The modality that grades a field is the one that says it governs it, else the item's own (:func:`_grading`).
    """
    return _unbound_by(_grading(kind, name), versions)


def _unbound_item(kind: Kind, versions: tuple[BaseModel, BaseModel]) -> Unbound | None:
    """How an item binds on neither version, by every modality grading what it asks; None where one binds.

    A modality grading a requirement the item does not state (a sign's 尺寸约束力 without sizes) grades nothing. A kind
    with no modality (a duty, a certificate) always binds.
    """
    graded = [s for s in kind.fields if isinstance(s.rule, Graded)]
    if not graded:
        return None
    found: set[Unbound | None] = set()
    for item in versions:
        in_force = [s for s in graded if isinstance(s.rule, Graded) and s.rule.in_force(item)]
        found.add(_unbound_by(in_force, [item]) if in_force else "advised")
    if None in found:
        return None
    return "unstated" if "unstated" in found else "advised"


def _rules_by_own_modality(kind: Kind) -> bool:
    """Whether an item of ``kind`` is a rule its own modality grades whole (a facility standard, a rule on others).

    A sign's modality grades its hanging, which has codes of its own (``sign-mandatory-added-advised``).
    """
    spec = kind.field("modality")
    return (
        spec is not None and isinstance(spec.rule, Graded) and not spec.rule.governs and not _grading(kind, "mandatory")
    )


def _own_unbound(kind: Kind, item: BaseModel) -> Unbound | None:
    """How a rule that does not bind asks, by its own modality: as advice (原则上), or unstated; else None.

    Added, it tightens so; removed, it relaxes so. A permission (可、鼓励: the lowest grade) asks
    nothing; a rule that binds is ``…-binding-added``.
    """
    spec = kind.field("modality")
    if spec is None or not isinstance(spec.rule, Graded) or not _rules_by_own_modality(kind) or kind.binds(item):
        return None
    value = getattr(item, "modality", None)
    if value is None:
        return "unstated"
    permits = spec.rule.grade(value) == min(grade for _, grade in spec.rule.grades)
    return "advised" if spec.rule.advises(value) and not permits else None


def _names_whom_it_binds(kind: Kind | None) -> bool:
    """Whether an item of ``kind`` is a rule on those it names (受约束者、责任主体: a department, a county government).

    No check measures those it binds against it: where it binds on neither side, what changes is what it advises or
    asks of them, and no check fails on it (``…-bound`` messages), never a shortfall noted (未达到只作提示), as of a
    facility's minimum or a sign to hang, which checks measure.
    """
    return kind is not None and kind.field("bound") is not None


def _kind_of_code(code: str) -> Kind | None:
    """The kind a change code is of (``sign-quota-…`` a sign quota's, not a sign's), or None (``layer-…``)."""
    return max((k for k in kinds() if code.startswith(f"{k.slug}-")), key=lambda k: len(k.slug), default=None)


def _described(key: str, /, **values: object) -> Both:
    """A change code's meaning from the message catalog, in both languages."""
    return Both(*pair(key, **values))


def _field_codes(kind: Kind, spec: FieldSpec) -> dict[str, tuple[ChangeLevel, Both]]:
    """The codes of changes to one field of a kind, by its rule (its direction words, its own grade of unstated)."""
    codes: dict[str, tuple[ChangeLevel, Both]] = {}
    slug = kind.slug
    field_title = Both(spec.title_zh, spec.title_en)
    of = _WORDS_OF.get((kind.resource, spec.name))
    if of is not None and (of_spec := kind.field(of)) is not None:
        of_title = Both(of_spec.title_zh, of_spec.title_en)
        codes[f"{slug}-{spec.slug}-changed"] = (
            "info",
            _described("change-words-changed", field=field_title, of=of_title),
        )
        # changed alone, the words may say another deadline than the date (8月10日前 → 8月10日起)
        codes[f"{slug}-{spec.slug}-rewritten"] = (
            "warning",
            _described("change-words-rewritten", field=field_title, of=of_title),
        )
    if isinstance(spec.rule, Fixed | Frozen) and (kind.resource, spec.name) not in _OWN_CODES:
        # the sense of a rule (不得 → 应当) or a plaque's style: what complied may no longer
        codes[f"{slug}-{spec.slug}-changed"] = (
            "breaking",
            _described("change-field-changed", field=field_title),
        )
    if spec.rule is not None and spec.rule.rewordable:
        codes[f"{slug}-{spec.slug}-reworded"] = ("info", _described("change-reworded", field=field_title))
    words = _DIRECTION_WORDS.get(type(spec.rule))
    if words is None or spec.name in _QUIET_FIELDS or (kind.resource, spec.name) in _OWN_CODES:
        return codes
    if isinstance(spec.rule, Graded | Qualifier) or (
        isinstance(spec.rule, Sticky) and not all(type(v) is bool for v in spec.rule.values)
    ):  # a change between values of one grade, e.g. should -> mainly (a yes/no has none)
        codes[f"{slug}-{spec.slug}-changed"] = (
            "warning",
            _described("change-field-changed", field=field_title),
        )
    codes[f"{slug}-{spec.slug}-{words[0]}"] = ("breaking", _described("change-tightened", field=field_title))
    codes[f"{slug}-{spec.slug}-{words[1]}"] = ("info", _described("change-loosened", field=field_title))
    bound = "-bound" if _names_whom_it_binds(kind) else ""
    for strength in _strengths(_grading(kind, spec.name)):  # binding on neither side before and after: nothing breaks
        codes[f"{slug}-{spec.slug}-{words[0]}-{strength}"] = (
            "warning",
            _described(f"change-tightened-{strength}{bound}", field=field_title),
        )
    if isinstance(spec.rule, Graded) and isinstance(spec.rule.empty, int):  # a grade of its own: unstated
        codes[f"{slug}-{spec.slug}-unstated"] = (
            "warning",
            _described("change-modality-unstated", field=field_title),
        )
        codes[f"{slug}-{spec.slug}-stated"] = ("info", _described("change-modality-stated", field=field_title))
    return codes


def _codes() -> dict[str, tuple[ChangeLevel, Both]]:
    codes: dict[str, tuple[ChangeLevel, Both]] = {}
    for kind in kinds():
        if not kind.in_catalog:
            continue
        slug = kind.slug
        codes[f"{slug}-added"] = ("info", _described("change-added"))
        if _rules_by_own_modality(kind):  # a new rule binding on no one that complied: a miss is no failure
            for strength in get_args(Unbound):
                codes[f"{slug}-added-{strength}"] = ("warning", _described(f"change-added-{strength}"))
        if kind.field("restates") is not None:
            codes[f"{slug}-restated"] = ("info", _described("change-restated"))
        if kind.can_bind:
            codes[f"{slug}-binding-added"] = ("breaking", _described("change-binding-added"))
        codes[f"{slug}-removed"] = ("breaking", _described("change-removed"))
        codes[f"{slug}-changed"] = ("warning", _described("change-changed"))
        codes[f"{slug}-citation-changed"] = ("info", _described("change-citation-changed"))
        if kind.role == "operation":
            codes[f"{slug}-target-renumbered"] = ("info", _described("change-target-renumbered"))
            continue
        codes[f"{slug}-renamed"] = ("warning", _described("change-renamed"))
        if kind.field("aliases") is not None:
            codes[f"{slug}-name-changed"] = ("warning", _described("change-name-changed"))
        codes[f"{slug}-cancelled"] = ("breaking", _described("change-cancelled"))
        codes[f"{slug}-restored"] = ("warning", _described("change-restored"))
        if kind.field("applies_to") is not None:
            bound = "-bound" if _names_whom_it_binds(kind) else ""  # those it binds act for more places
            codes[f"{slug}-scope-widened"] = ("breaking", _described(f"change-scope-widened{bound}"))
            for strength in _strengths([s for s in kind.fields if isinstance(s.rule, Graded)]):
                codes[f"{slug}-scope-widened-{strength}"] = (
                    "warning",
                    _described(f"change-scope-widened-{strength}{bound}"),
                )
            codes[f"{slug}-scope-narrowed"] = ("info", _described("change-scope-narrowed"))
            codes[f"{slug}-scope-reworded"] = ("info", _described("change-scope-reworded"))
        for spec in kind.fields:
            codes.update(_field_codes(kind, spec))
    fixed: dict[str, ChangeLevel] = {
        "rule-violated": "violation",
        "rule-violation-withdrawn": "info",
        # a clause's quote (or document, section) edited: every item citing it shows it; one change, said once
        "clause-changed": "info",
        # its quote's binding, advising or permitting words or its 等 edited: what the items citing it were graded by
        "clause-force-words-changed": "warning",
        "duty-prohibited-added": "breaking",
        "duty-kind-changed": "breaking",
        "certificate-not-to-issue-added": "breaking",
        "certificate-cancelled": "breaking",
        "certificate-reinstated": "warning",
        "certificate-template-changed": "breaking",
        "sign-mandatory-added": "breaking",
        "sign-text-changed": "breaking",
        "sign-colour-changed": "breaking",
        "sign-orientation-changed": "breaking",
        "sign-made-mandatory": "breaking",
        # hanging advised (一般在……悬挂) or by no binding word: a village without it gets a 提示, never 不符合
        "sign-made-mandatory-advised": "warning",
        "sign-made-mandatory-unstated": "warning",
        "sign-mandatory-added-advised": "warning",
        "sign-mandatory-added-unstated": "warning",
        "sign-made-optional": "info",
        "layer-changed": "warning",
        "layer-metadata-changed": "info",
        "layer-parent-changed": "warning",
        "layer-admission-changed": "warning",
    }
    codes.update({code: (level, _described(f"change-{code}")) for code, level in fixed.items()})
    return codes


_CODES = _codes()
#: Every change code: what it means, in Chinese and English.
CHANGE_MEANINGS: Mapping[str, Both] = MappingProxyType({code: meaning for code, (_, meaning) in _CODES.items()})
#: Every change code: its default level and what it means (Chinese / English).
CHANGE_LEVELS: Mapping[str, tuple[ChangeLevel, str]] = MappingProxyType(
    {code: (level, f"{meaning.zh} / {meaning.en}") for code, (level, meaning) in _CODES.items()}
)


@dataclass(frozen=True)
class Change:
    """One change between two versions.

    Attributes:
        code: The stable code, a key of :data:`CHANGE_LEVELS`.
        level: ``breaking``, ``warning`` or ``info`` (after any overrides).
        resource: The resource (``certificates``), or ``layer``.
        item: The item's id (or the layer's).
        field: The field, for field changes.
        old: The old value; for a removed item, the item (None for additions).
        new: The new value; for an added item, the item (None for removals).
        layer: In an effective diff, the layer that made the change.
        effect: What the change does to the villages' obligations, by the same rules merge
            enforces: ``tightens``, ``loosens`` or ``neutral``.
    """

    code: str
    level: ChangeLevel
    resource: str
    item: str
    field: str | None = None
    old: object = None
    new: object = None
    layer: str | None = None
    effect: Effect = Effect.NEUTRAL
    #: Why a reviewer accepted the change (from an accepted-changes file), or None.
    accepted: str | None = None
    #: For a violation: the rule broken, in Chinese.
    detail: str | None = None
    #: The item's Chinese name and scope (村 / 社区), for readers.
    label: str | None = None
    #: The villages or communities the change concerns: the item's ``applies_to`` (where it does
    #: not say, its layer's coverage), or for a change of ``applies_to`` the places added or dropped.
    scope: Scope | None = None
    #: Who a rule on others binds (党政群机构、乡镇党委和政府), when they are not villages: its change
    #: tightens or relaxes their duties, not the villages'. :data:`UNNAMED` (empty) where the rule
    #: names no one: the source does not say the villages must meet it either.
    bound: str | None = None
    #: Whether the value changed is advice: the modality that grades it (一般、原则上、为宜 …) binds on
    #: neither side, so the change tightens or relaxes what is advised (a shortfall is a note), no obligation.
    advised: bool = False
    #: Whether the value changed binds on neither side and the source states no binding word for it on one side
    #: at least (its modality empty): a miss is a 提示 that says so (来源未写明约束力), never 不符合, nor advice.
    unstated: bool = False
    #: For an operation rated by what it does (an override, a cancellation): the code of the change it makes to
    #: its target in the catalog it applies to (``sign-modality-unstated``), whose meaning its line says where no
    #: effect does; else None. An override's own code says only that a row was added (新增条目).
    does: str | None = None
    #: For a clause changed (``clause-changed``): the ids of the items citing it, whose citations changed with it
    #: (``cited_by`` in JSON).
    cited_by: tuple[str, ...] = ()
    #: Their names, as its line says them (cut as long lists are): an item's name, else its id.
    cited_names: tuple[str, ...] = ()

    def describe(self, lang: Literal["zh", "en"] = "zh", *, codes: bool = True) -> str:
        """Return one line: code, item, field and the two values (a long text as what changed, in context).

        Without ``codes`` (a release's output, read by clerks and the public), the line names the item by
        its name and the field by its column title, and says what the change means where no effect does:
        ``全面自查 · 村和社区 的“截止日期”：2025-06 → 2025-09（对各街道放宽：义务减少或放松）``.
        """
        lang = need_lang(lang)
        if codes:
            # a Chinese reader reads the field by its column title (备注), after the id and name; English its name
            titled = self.field is not None and lang == "zh"
            target = f"{self.item}.{self.field}" if self.field and not titled else self.item
            if self.label:
                target = say("item-named", lang, item=target, name=self.label_in(lang))
            if titled:
                field_of = say("change-field-of", lang, field=_csv_place(self, lang)[1])
                target += field_of.lstrip() if self.label else field_of
            if self.code in CLAUSE_CODES:
                names = self.cited_names or self.cited_by
                target += say("change-clause-cited-by", lang, count=len(names), items=_few(names))
        else:
            target = self.named(lang)
        values = ""
        if self.field is not None or (self.old is not None and self.new is not None):
            old, new = (
                _show(self.old, lang, self.field, self.resource, words=not codes),
                _show(self.new, lang, self.field, self.resource, words=not codes),
            )
            # a clause's quote: one character edited is the change, however short the quote (资 → 咨)
            clause = self.code in CLAUSE_CODES
            if (len(old) + len(new) > _LONG or clause) and self.old is not None and self.new is not None:
                edit = ""
                before, after = self.old, self.new
                if isinstance(before, list | tuple) and isinstance(after, list | tuple) and len(before) != len(after):
                    edit = _entries_diff(before, after, lang)  # entries added or dropped, not one edited in place
                edit = edit or inline_diff(old, new, lang)
                values = say("change-values-inline", lang, diff=edit)
            else:
                values = say("change-values", lang, old=old, new=new)
        by = "" if self.layer is None else say("change-by-layer", lang, layer=self.layer)
        # in words alone, the meaning the code had; with codes, a change that needs attention and tightens or relaxes
        # no one says its code's meaning too (should → ∅: 检查仍只作提示…), or the reviewer reads a bare code
        effect = self._effect(lang) if codes and not self._told(lang) else self.meaning(lang)
        ok = "" if effect is None else say("change-effect", lang, effect=effect)
        if self.accepted is not None:
            ok += say("change-accepted", lang, reason=self.accepted)
        return f"[{self.code}] {target}{values}{by}{ok}" if codes else f"{target}{values}{by}{ok}"

    def label_in(self, lang: Literal["zh", "en"]) -> str | None:
        """The item's label for a reader of ``lang``: its name as written, the scope it says in the reader's words.

        ``label`` is the Chinese one (全面自查 · 村和社区); English reads 全面自查 · villages and communities.
        """
        lang = need_lang(lang)
        if self.label is None or lang == "zh":
            return self.label
        name, sep, word = self.label.rpartition(" · ")
        scope = next((s for s in Scope if s.label == word), None) if sep else None
        return f"{name} · {_whom(scope).en}" if scope is not None else self.label

    def named(self, lang: Literal["zh", "en"] = "zh") -> str:
        """The item by its name, and the field by its column title: ``全面自查 · 村和社区 的“截止日期”``.

        An override or a cancellation is named alone: its name says the change (its one field is 取值).
        """
        lang = need_lang(lang)
        target = self.label_in(lang) or self.item
        kind = kind_by_resource(self.resource)
        operation = kind is not None and kind.role == "operation"
        if self.field and not operation:
            target += say("change-field-of", lang, field=_csv_place(self, lang)[1])
        return target

    def meaning(self, lang: Literal["zh", "en"] = "zh") -> str:
        """What the change does, as a report rates it: its effect on those it concerns, else its code's meaning.

        An override's code says only that a row changed (字段变化，影响无法由数据判断); rated by
        what it does to the catalog, it tightens or relaxes (对村和社区收紧：新增或加严义务), and
        that is what it means, in the report and in release notes alike.
        """
        lang = need_lang(lang)
        effect = self._effect(lang)
        if effect is not None:
            return effect
        code = self.does or self.code  # an operation means what it does to its target
        meaning = CHANGE_MEANINGS.get(code)
        return code if meaning is None else str(meaning.zh if lang == "zh" else meaning.en)

    def _told(self, lang: Literal["zh", "en"]) -> bool:
        """Whether a line with codes says the code's meaning: a change needing attention that no effect describes."""
        return self.level == "warning" and self._effect(lang) is None and (self.does or self.code) in CHANGE_MEANINGS

    def _effect(self, lang: Literal["zh", "en"]) -> str | None:
        """Whom the change tightens or relaxes, and how (None for a neutral change or a violation)."""
        if self.effect is Effect.NEUTRAL or self.level == "violation":
            return None
        whom: object = _whom(self.scope) if self.bound is None else self.bound or Both(*pair("whom-unnamed"))
        key = _EFFECT_KEYS[self.effect]
        suffix = "-advised" if self.advised else "-unstated" if self.unstated else ""
        # tightened on neither side binding: of a rule on those it names, no check notes a shortfall (operations: of
        # the kind of what they do)
        kind = _kind_of_code(self.does) if self.does else kind_by_resource(self.resource)
        if suffix and self.effect is Effect.TIGHTENS and _names_whom_it_binds(kind):
            suffix += "-bound"
        return say(key + suffix, lang, whom=whom)

    def to_dict(self) -> dict[str, Any]:
        """Return the change as a JSON-ready dict."""
        return {
            "code": self.code,
            "level": self.level,
            "resource": self.resource,
            "item": self.item,
            "field": self.field,
            "old": _plain(self.old),
            "new": _plain(self.new),
            "layer": self.layer,
            "effect": self.effect.value,
            "accepted": self.accepted,
            "detail": self.detail,
            "label": self.label,
            "scope": None if self.scope is None else self.scope.value,
            "bound": self.bound,
            "advised": self.advised,
            "unstated": self.unstated,
            "does": self.does,
            # a clause changed names the items citing it: one entry per clause, never one per item
            **({"cited_by": list(self.cited_by)} if self.code in CLAUSE_CODES else {}),
        }


#: How many names a long list of items shows before 等 (the rest are counted).
_FEW = 3


def _few(names: Sequence[str]) -> Both:
    """The first few of ``names``, 、-joined, then 等 where there are more: the count is said beside them."""
    shown = list(names[:_FEW])
    more = len(names) > _FEW
    return Both("、".join(shown) + ("等" if more else ""), ", ".join(shown) + (", …" if more else ""))


#: Two values longer than this together are shown as what changed, in context, not in full.
_LONG = 80
#: Characters of unchanged text kept on each side of a change.
_CONTEXT = 12
#: The most character pairs :func:`inline_diff` lets difflib compare: its matching costs about the
#: product of the two lengths, or worse on text that repeats (two notes of 12,000 characters took minutes).
_MATCHED_PAIRS = 1_000_000


#: Words that name a village's or community's own organisations among those a rule binds
#: (村级组织, 村（社区）组织, 村民委员会, 居民委员会); 县农业农村局 binds a department.
_VILLAGE_BODIES = (
    "村级",
    "村（社区）",
    "村(社区)",
    "村民委员会",
    "村委会",
    "村党组织",
    "社区组织",
    "居民委员会",
    "居委会",
)


#: Those a report counts a change's effect against, in its ``audiences``: villages, communities, the
#: others a rule names (departments, townships), and those a rule that names no one leaves unsaid.
AFFECTED = ("villages", "communities", "others", "unnamed")
#: :attr:`Change.bound` of a rule that names no one it binds (来源未写明受约束者): not the villages either.
UNNAMED = ""


def _bound_others(bound: object) -> str | None:
    """Who a rule binds, when none of them is a village or community organisation; else None.

    A rule that could name them and names no one (a deadline, a rule on departments, its
    ``bound`` empty) is :data:`UNNAMED`: the source does not say the villages must meet it.
    An item with no ``bound`` (a duty, a sign) concerns the villages: None.
    """
    if not isinstance(bound, tuple | list):
        return None
    if not bound:
        return UNNAMED
    if any(word in str(who) for who in bound for word in _VILLAGE_BODIES):
        return None
    return "、".join(map(str, bound))


def _entries_changed(old: object, new: object) -> tuple[object, ...]:
    """The entries one list has and the other has not (who a rule binds, added or dropped)."""
    before = tuple(old) if isinstance(old, tuple | list) else ()
    after = tuple(new) if isinstance(new, tuple | list) else ()
    return tuple(e for e in before if e not in after) + tuple(e for e in after if e not in before)


def _whom(scope: Scope | None) -> Both:
    """Villages, communities or both, as a report names those a change concerns."""
    return Both(*pair(f"whom-{(scope or Scope.VILLAGE).value}"))


def _label(item: BaseModel) -> str | None:
    """An item's Chinese name (or title) and, where it says, its scope: 「健在证明」, 「村级综合服务设施面积 · 村」."""
    name = getattr(item, "name", None) or getattr(item, "title", None)
    if not isinstance(name, str):
        return None
    scope = getattr(item, "applies_to", None)
    return f"{name} · {scope.label}" if scope is not None and hasattr(scope, "label") else name


def inline_diff(old: str, new: str, lang: Literal["zh", "en"] = "zh") -> str:
    """Show what changed between two texts, character by character, with a little context.

    ``「……第二条〔删：原〕〔增：新〕规定……」``: unchanged runs longer than the context are cut
    to ``……``, so a one-character edit in a 600-character citation fits on one line.
    """
    lang = need_lang(lang)
    parts: list[str] = []
    opcodes = _opcodes(old, new)
    for index, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        if tag == "equal":
            text = old[i1:i2]
            first, last = index == 0, index == len(opcodes) - 1
            if len(text) > _CONTEXT * (1 if first or last else 2):
                head = "" if first else _context_after(text[: _CONTEXT + 1])
                tail = "" if last else _context_before(text[-_CONTEXT - 1 :])
                text = f"{head}……{tail}"
            parts.append(text)
            continue
        if i2 > i1:
            parts.append(say("inline-deleted", lang, text=old[i1:i2]))
        if j2 > j1:
            parts.append(say("inline-inserted", lang, text=new[j1:j2]))
    return "".join(parts)


#: A run of the characters an id or a word of Latin script is written in: a context never cuts one.
_WORD = re.compile(r"[A-Za-z0-9_.#/:-]+")


def _context_before(text: str) -> str:
    """The context kept before a change, from ``text``: one character more than it keeps, to see a word cut.

    Within a quote (「…), it starts at the quote's 「, so a reader sees the quote's own words, not the
    document's id before it; otherwise it never starts inside an id or a word (``…res 一(三)``).
    """
    kept = text[1:]
    opened = kept.rfind("「")
    if opened >= 0 and "」" not in kept[opened:]:
        return kept[opened:]
    word = _WORD.match(kept)
    if word and _WORD.match(text[0]):  # the cut falls inside a word: leave it out whole
        kept = kept[word.end() :]
    return kept.lstrip()


def _context_after(text: str) -> str:
    """The context kept after a change, from ``text``: one character more than it keeps, to see a word cut.

    It ends at a quote's 」 that closes within it; otherwise never inside an id or a word.
    """
    kept = text[:-1]
    closed = kept.find("」")
    if closed >= 0:
        return kept[: closed + 1]
    words = [w for w in _WORD.finditer(kept) if w.end() == len(kept)]
    if words and _WORD.match(text[-1]):  # the cut falls inside a word: leave it out whole
        kept = kept[: words[0].start()]
    return kept.rstrip()


def _entries_diff(old: Sequence[object], new: Sequence[object], lang: Literal["zh", "en"] = "zh") -> str:
    """Show what changed between two long lists as the entries dropped and added, each whole.

    A citation added reads 〔增：DOCUMENT SECTION「quote」〕, not as characters inserted into the
    joined list (〔增：；DOCUMENT…〕, the separator with it).
    """
    dropped = [e for e in old if e not in new]
    added = [e for e in new if e not in old]
    parts = [say("inline-deleted", lang, text=_show(e, lang)) for e in dropped]
    parts += [say("inline-inserted", lang, text=_show(e, lang)) for e in added]
    return "".join(parts)  # empty where only a repeated entry went: the caller shows the texts instead


def _opcodes(old: str, new: str) -> Sequence[tuple[str, int, int, int, int]]:
    """The opcodes of difflib's matcher from ``old`` to ``new``, at a cost bounded by :data:`_MATCHED_PAIRS`.

    Long texts are matched only between their common start and end; what lies between, if
    still too long to match, is shown replaced whole.
    """
    from difflib import SequenceMatcher  # noqa: PLC0415 - only long changes need it

    if len(old) * len(new) <= _MATCHED_PAIRS:
        return SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
    start = _common_start(old, new)
    end = _common_start(old[start:][::-1], new[start:][::-1])
    middle_old, middle_new = old[start : len(old) - end], new[start : len(new) - end]
    middle: Sequence[tuple[str, int, int, int, int]]
    if len(middle_old) * len(middle_new) <= _MATCHED_PAIRS:
        middle = SequenceMatcher(None, middle_old, middle_new, autojunk=False).get_opcodes()
    else:
        middle = [("replace", 0, len(middle_old), 0, len(middle_new))]
    opcodes = [("equal", 0, start, 0, start)] if start else []
    opcodes += [(tag, i1 + start, i2 + start, j1 + start, j2 + start) for tag, i1, i2, j1, j2 in middle]
    if end:
        opcodes.append(("equal", len(old) - end, len(old), len(new) - end, len(new)))
    return opcodes


def _common_start(a: str, b: str) -> int:
    """How many characters ``a`` and ``b`` share from their start."""
    return next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))


def _plain(value: Any) -> Any:  # noqa: ANN401 - any field value
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json", exclude_none=True)
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(getattr(value, "value", None), str):
        return value.value
    return value


def _show(
    value: Any,  # noqa: ANN401 - any value
    lang: Literal["zh", "en"] = "en",
    field: str | None = None,
    resource: str | None = None,
    *,
    words: bool = False,
) -> str:
    """A value as a reader writes it (:func:`villagecat._shown.shown`); nothing is （空）, (empty) in English.

    An empty ``applies_to`` says what it means: the scope of the item's own layer; an empty modality (约束力, 尺寸约束力
    …) too: the source states no binding word (约束力留空), which a bare （空） did not say. With ``words`` (a
    release's report, read by clerks and the public) a value of a vocabulary is its word alone, as running text
    gives it (:attr:`villagecat.models.Vocab.words`): 必须（应当、不得、一律）, not 必须（应当、不得、一律）（must）.
    """
    if words:
        value = _in_words(value, lang)
    empty = "change-value-empty"
    if field == "applies_to":
        empty = "change-scope-empty"
    elif field is not None and resource is not None and _is_modality(resource, field):
        empty = "change-modality-empty"
    return shown(value, lang, empty=say(empty, lang))


def _in_words(value: Any, lang: Literal["zh", "en"]) -> Any:  # noqa: ANN401 - any value
    """``value`` with each value of a vocabulary, alone or in a list, as its word in ``lang`` (no code in Chinese)."""
    if isinstance(value, Vocab):
        word = value.words
        return word.zh if lang == "zh" else word.en
    if isinstance(value, list | tuple):
        return [_in_words(v, lang) for v in value]
    return value


def _is_modality(resource: str, field: str) -> bool:
    """Whether ``field`` of ``resource`` is a modality: a field graded by how strongly it binds."""
    kind = kind_by_resource(resource)
    spec = None if kind is None else kind.field(field)
    return spec is not None and isinstance(spec.rule, Graded)


@dataclass(frozen=True)
class UnratedOperations:
    """The overrides, cancellations and restating rows a diff could not rate: the layer's parents were not at hand.

    Rated, an override's change takes what it does to its target (raising a binding minimum is
    破坏性); unrated, it is only 字段变化 (需关注), so a gate must not read it as "nothing breaks".
    """

    #: The ids of the changes left unrated.
    items: tuple[str, ...]
    #: Why the parents could not be merged, in Chinese and in English.
    reason_zh: str
    reason_en: str

    def describe(self, lang: Literal["zh", "en"] = "zh") -> str:
        """One line: how many could not be rated, why, and what to give."""
        lang = need_lang(lang)
        reason = self.reason_zh if lang == "zh" else self.reason_en
        return say("operations-unrated", lang, count=len(self.items), reason=reason)

    def to_dict(self) -> dict[str, Any]:
        """The record as JSON: the changes' ids and the reason in both languages."""
        return {"items": list(self.items), "reason": self.reason_zh, "reason_en": self.reason_en}


@dataclass
class DiffReport:
    """Every change between two versions, the bump they need, and the bump declared."""

    old: dict[str, str]
    new: dict[str, str]
    changes: list[Change] = field(default_factory=list)
    #: The bump the new version declares over the old one (None in effective diffs).
    declared_bump: Bump | None = None
    #: Conflicts the new version causes in the layers below it (known children, merged), or
    #: None when they were not computed (no registry of children at hand).
    child_conflicts: list[Conflict] | None = None
    #: The layers that may lie below the new version but could not be merged (a parent not known):
    #: whether they conflict is not known, so they are never counted among those that do not.
    children_unchecked: list[UncheckedLayer] = field(default_factory=list)
    #: The layers below merged with both versions, by id, or None when they were not computed: none
    #: merged means no layer below is known, which the report says (not 新冲突 0 项).
    children_checked: list[str] | None = None
    #: The operations whose effect could not be rated, their layer's parents not at hand; None where
    #: there were none or they were rated.
    unrated: UnratedOperations | None = None
    #: Where the new version's layer applies (villages, communities or both): who a report speaks to.
    scope: Scope = Scope.VILLAGE
    #: The layers below (and any other known), by id, as a clerk knows them (南关区（220102）): how a report names them.
    layer_names: dict[str, Both] = field(default_factory=dict)
    #: Items removed and added under one name, by id (removed, added): maybe renumbered without 替代条目 filled.
    renumbered: list[tuple[str, str]] = field(default_factory=list)
    #: The layers right below whose declared parent range does not admit the new version: told, never a conflict.
    children_outgrown: list[OutgrownRange] = field(default_factory=list)

    def renumbering(self, item: str, lang: Literal["zh", "en"] = "zh") -> str | None:
        """The note on ``item`` removed (an override's target, now unknown) where an item added holds its name."""
        lang = need_lang(lang)
        own = self.new.get("id")  # a layer's own diff renumbers its own items; an effective one may its parents'
        notes = [
            renumbering_said(gone, came, lang, own=came.partition(".")[0] == own)
            for gone, came in self.renumbered
            if gone == item
        ]
        return ("；" if lang == "zh" else "; ").join(notes) or None

    def judge_children(self, below: Children) -> None:
        """Record what the new version does to the layers below (:func:`villagecat.impact.children`)."""
        self.child_conflicts, self.children_unchecked, self.children_checked, self.children_outgrown = (
            below.conflicts,
            below.unchecked,
            below.checked,
            below.outgrown,
        )
        self.layer_names = {**self.layer_names, **below.names}

    def audiences(self) -> dict[str, Any]:
        """Who is affected, and how: villages, communities, the child layers below, systems that integrate the data.

        A change concerns villages, communities or both as its item applies (an item that does
        not say applies wherever its layer does).
        """

        def concerning(whom: Scope | Literal["others", "unnamed"]) -> dict[str, list[Change]]:
            def concerns(c: Change) -> bool:
                if whom == "others":  # rules on others: departments, townships
                    return bool(c.bound)
                if whom == "unnamed":  # rules that name no one
                    return c.bound == UNNAMED
                return c.bound is None and c.scope in (whom, Scope.BOTH, None)

            return {
                effect.value: [c for c in self.changes if c.effect is effect and c.level != "violation" and concerns(c)]
                for effect in (Effect.TIGHTENS, Effect.LOOSENS)
            }

        integrators = [c for c in self.changes if _breaks_integrators(c)]
        return {
            "villages": concerning(Scope.VILLAGE),
            "communities": concerning(Scope.COMMUNITY),
            "others": concerning("others"),
            "unnamed": concerning("unnamed"),
            "integrators": integrators,
            "child_layers": self.child_conflicts,
        }

    def audiences_said(self, lang: Literal["zh", "en"] = "zh") -> str:
        """Whom the changes tighten or relax, in one line (the layers below aside): what every report says of them.

        ``对村：收紧 1 项，放宽 0 项 · 对社区：… · 对系统集成方：标识或结构变化 0 项``: communities where the
        layer covers them or a change concerns them, others and those unnamed where a change concerns them.
        """
        lang = need_lang(lang)
        audiences = self.audiences()
        parts = [
            say(
                "audience-scope",
                lang,
                whom=_whom(scope),
                tightened=len(found["tightens"]),
                relaxed=len(found["loosens"]),
            )
            for scope, found in ((Scope.VILLAGE, audiences["villages"]), (Scope.COMMUNITY, audiences["communities"]))
            if scope is Scope.VILLAGE or self.scope is not Scope.VILLAGE or any(found.values())
        ]
        for whom in ("others", "unnamed"):
            found = audiences[whom]
            if any(found.values()):
                parts.append(
                    say(f"audience-{whom}", lang, tightened=len(found["tightens"]), relaxed=len(found["loosens"]))
                )
        parts.append(say("audience-integrators", lang, integrators=len(audiences["integrators"])))
        return " · ".join(parts)

    def audiences_listed(self) -> dict[str, Any]:
        """Whom the changes tighten or relax, as JSON lists the items: ``{"villages": {"tightens": [id…], …}, …}``.

        The layers below aside (``to_dict`` adds them where they were merged).
        """
        audiences = self.audiences()
        return {
            **{whom: {k: [c.item for c in v] for k, v in audiences[whom].items()} for whom in AFFECTED},
            "integrators": [c.item for c in audiences["integrators"]],
        }

    @property
    def worst(self) -> str:
        """The highest level among the changes, or ``none``."""
        return max((c.level for c in self.changes), key=_RANK.__getitem__, default="none")

    @property
    def suggested_bump(self) -> Bump:
        """The semantic version bump the changes require.

        Where the child layers were merged (:attr:`child_conflicts` known), the bump follows
        compatibility: major only for what breaks integrators (ids removed or renamed, the
        layer's identity) or a child layer (a conflict its own operations now cause); a new
        red line that conflicts with no child is a minor release. Otherwise it follows the
        change levels.
        """
        if self.child_conflicts or any(_breaks_integrators(c) for c in self.changes):
            return "major"  # ids removed or renumbered break integrators, whether the children are known or not
        if self.child_conflicts is None:
            return required_bump(c.level for c in self.changes)
        ranked = [c.level for c in self.changes if c.level != "violation"]
        if any(level in ("breaking", "warning") for level in ranked):
            return "minor"
        return "patch" if ranked else "none"

    @property
    def version_ok(self) -> bool:
        """Whether the declared bump is at least the suggested one (always true in effective diffs)."""
        order = ["none", "patch", "minor", "major"]
        return self.declared_bump is None or order.index(self.declared_bump) >= order.index(self.suggested_bump)

    def counts(self) -> dict[str, int]:
        """Return the number of changes per level."""
        return {level: sum(c.level == level for c in self.changes) for level in LEVEL_WORDS}

    def counts_said(self, lang: Literal["zh", "en"] = "zh") -> str:
        """The changes counted by level: ``破坏性 1 · 需关注 0 · 一般 0`` (violations where there are any)."""
        lang = need_lang(lang)
        counts = self.counts()
        shown = [level for level in LEVEL_WORDS if level != "violation" or counts[level]]
        return " · ".join(f"{say(f'change-level-{level}', lang)} {counts[level]}" for level in shown)

    def summary(self, lang: Literal["zh", "en"] = "zh") -> str:
        """The changes counted by level, and the bump they need: the report's first line, and a release's notes'.

        ``破坏性 1 · 需关注 0 · 一般 0 · 建议版本升级：次版本号（minor）``: a breaking change that
        breaks no integrator and no child layer is a minor release, said where it is counted.
        """
        lang = need_lang(lang)
        return self.counts_said(lang) + say("suggested-bump", lang, bump=_bump(self.suggested_bump))

    def children_said(self, lang: Literal["zh", "en"] = "zh") -> str | None:
        """The layers below that conflict or are not checked, named: ``下级层新冲突 1 项（330106）``; else None.

        A release's notes say it beside the summary, since a child's conflict alone makes a
        release major (:attr:`suggested_bump`) and the changes' own words do not tell why.
        """
        lang = need_lang(lang)
        parts = []
        if self.child_conflicts:
            shown = self._layers_named(dict.fromkeys(c.layer for c in self.child_conflicts))
            parts.append(say("children-conflicts-named", lang, count=len(self.child_conflicts), layers=shown))
        if self.children_unchecked:
            layers = [u.layer for u in self.children_unchecked]
            shown = self._layers_named(layers)
            parts.append(say("children-unchecked-named", lang, count=len(layers), layers=shown))
        return ("；" if lang == "zh" else "; ").join(parts) or None

    def _layers_named(self, layers: Iterable[str]) -> Both:
        """Layers listed as a clerk knows them: 南关区（220102）、朝阳区（220104）; an unknown one by its id."""
        named = [self.layer_names.get(layer, Both(layer, layer)) for layer in layers]
        return Both("、".join(str(n.zh) for n in named), ", ".join(str(n.en) for n in named))

    def fails(self, gate: Gate | None) -> bool:
        """Whether the revision fails the review gate.

        - ``violation``: a change crosses a rule merge enforces (always fails, whatever else);
        - ``unannounced``: as ``violation``, or the declared version is smaller than the
          changes need;
        - ``breaking`` / ``warning``: as ``unannounced``, or any change not accepted is at
          that level or above, or a layer below now conflicts (:attr:`child_conflicts`: its
          catalog no longer merges, which no accepted change here makes good), or there are
          changes and a layer below could not be checked (:attr:`children_unchecked`): whether
          they conflict with it is not known.

        Accepted changes (an accepted-changes file) do not fail ``breaking`` or ``warning``;
        a violation cannot be accepted.

        Raises:
            InvalidRequestError: if ``gate`` is none of :data:`Gate`'s (nor None): it passed every revision.
        """
        if gate is not None and gate not in get_args(Gate):
            raise InvalidRequestError.because("argument-not-gate", text=gate, known=", ".join(get_args(Gate)))
        if gate is None:
            return False
        if any(c.level == "violation" for c in self.changes):
            return True
        if gate == "violation":
            return False
        if not self.version_ok:
            return True
        if gate == "unannounced":
            return False
        if (
            self.child_conflicts  # a layer below no longer merges: its catalog breaks, whatever was accepted here
            or (self.changes and self.children_unchecked)  # what it does to them is not known: not "no conflict"
            or self.unrated is not None  # what the operations do is not known: not "nothing breaks"
        ):
            return True
        return any(c.accepted is None and _RANK[c.level] >= _RANK[gate] for c in self.changes)

    def why_fails(self, gate: Gate | None, lang: Literal["zh", "en"] = "zh") -> str | None:
        """Why the revision fails the gate, in one line (None if it passes): what the reviewer must fix."""
        lang = need_lang(lang)
        if not self.fails(gate):
            return None
        reasons = []  # every reason the gate fails for, so one fix is not followed by another surprise
        violations = sum(c.level == "violation" for c in self.changes)
        if violations:
            reasons.append(say("gate-violations", lang, count=violations))
        if gate != "violation" and not self.version_ok:
            reasons.append(say("gate-version", lang, needed=_bump(self.suggested_bump)))
        if gate in ("breaking", "warning"):
            count = sum(
                c.accepted is None and c.level != "violation" and _RANK[c.level] >= _RANK[gate] for c in self.changes
            )
            if count:
                reasons.append(say("gate-unaccepted", lang, count=count, level=Both(*LEVEL_WORDS[gate])))
            if self.child_conflicts:
                shown = self._layers_named(dict.fromkeys(c.layer for c in self.child_conflicts))
                reasons.append(say("gate-children-conflicts", lang, count=len(self.child_conflicts), layers=shown))
            if self.changes and self.children_unchecked:
                layers = [u.layer for u in self.children_unchecked]
                shown = self._layers_named(layers)
                reasons.append(say("gate-children-unchecked", lang, count=len(layers), layers=shown))
            if self.unrated is not None:
                reasons.append(say("gate-operations-unrated", lang, count=len(self.unrated.items)))
        return say("gate-failed", lang, gate=gate, reason=("；" if lang == "zh" else "; ").join(reasons))

    def accept(self, entries: Sequence[Accepted]) -> list[Accepted]:
        """Mark the changes a reviewer accepted; return the entries that matched no change.

        A violation is never accepted: it stays a violation.

        Raises:
            ArgumentTypeError: if ``entries`` is no list of :class:`Accepted` (as :func:`load_accepted` reads).
        """
        entries = need_items(entries, Accepted, "argument-not-accepted")
        unused = []
        for entry in entries:
            matched = False
            for index, change in enumerate(self.changes):
                if change.code == entry.code and change.item == entry.item and change.level != "violation":
                    self.changes[index] = dataclasses.replace(change, accepted=entry.reason)
                    matched = True
            if not matched:
                unused.append(entry)
        return unused

    def to_dict(self) -> dict[str, Any]:
        """Return the report as a JSON-ready dict (see ``schemas/diff-report.schema.json``)."""
        return {
            "old": self.old,
            "new": self.new,
            "summary": self.counts(),
            "suggested_bump": self.suggested_bump,
            "declared_bump": self.declared_bump,
            "version_ok": self.version_ok,
            "changes": [c.to_dict() for c in self.changes],
            "audiences": {
                **self.audiences_listed(),
                "child_layers": None if self.child_conflicts is None else [c.to_dict() for c in self.child_conflicts],
                "unchecked_child_layers": [u.to_dict() for u in self.children_unchecked],
                "checked_child_layers": self.children_checked,
            },
            "unrated_operations": None if self.unrated is None else self.unrated.to_dict(),
        }


def rule_violations(old: LayerPackage | None, new: LayerPackage, registry: LayerRegistry) -> list[Change]:
    """Return the merge-rule conflicts the new version's own operations and items cause.

    The new version is merged onto its ancestors in ``registry`` (the old one, if given, too);
    each conflict of the new version's own that the old version did not already have is a
    ``rule-violated`` change at level ``violation``. A layer whose parents cannot be found
    has nothing to merge onto, and no violations are reported (``validate`` says why).

    Raises:
        ArgumentTypeError: if ``new`` (or ``old``, where given) is no LayerPackage, or ``registry`` no LayerRegistry.
    """
    from villagecat.errors import LayerChainError  # noqa: PLC0415
    from villagecat.merging import merge  # noqa: PLC0415 - merging imports this module's neighbours

    _need_versions(old, new, optional_old=True)
    need_registry(registry)

    def conflicts(package: LayerPackage) -> dict[tuple[str, str | None, str], tuple[Conflict, str | None]]:
        """The package's own conflicts, each with its item's Chinese name, as every other change shows it."""
        try:
            chain = registry.chain(package)  # its parents from the registry, the package itself at the foot
        except LayerChainError:
            return {}
        catalog = merge(chain)
        own = [c for c in catalog.conflicts if c.layer == package.layer.id and c.rule != "chain_order"]
        entries = {c.item: catalog.get(c.item) for c in own}
        return {
            (c.item, c.field, c.rule): (c, _label(entry.item) if (entry := entries[c.item]) is not None else None)
            for c in own
        }

    before = conflicts(old) if old is not None else {}
    kind_of = {kind.segment: kind.resource for kind in kinds()}
    return [
        Change(
            code="rule-violated",
            level="violation",
            resource=kind_of.get(item.split(".")[1], "layer") if item.count(".") >= 2 else "layer",
            item=item,
            field=field_name,
            old=conflict.inherited,
            new=conflict.attempted,
            detail=conflict.describe("zh"),
            label=label,
        )
        for (item, field_name, rule), (conflict, label) in conflicts(new).items()
        if (item, field_name, rule) not in before
    ]


@dataclass(frozen=True)
class Accepted:
    """One entry of an accepted-changes file: a change a reviewer approves, and why."""

    code: str
    item: str
    reason: str


def load_accepted(path: str | os.PathLike[str]) -> list[Accepted]:
    """Read an accepted-changes file: a YAML or JSON list of ``{code, item, reason}``.

    Raises:
        PackageReadError: if the file cannot be read, is not such a list, or names an
            unknown change code or no reason.
    """
    from villagecat._yaml import load_file  # noqa: PLC0415
    from villagecat.errors import PackageReadError  # noqa: PLC0415

    need_path(path, Both("接受变更的文件", "an accepted-changes file"))
    path = os.fspath(path)
    data = load_file(path)
    if not isinstance(data, list):
        zh, en = pair("accepted-not-a-list")
        raise PackageReadError(path, en, zh)
    entries = []
    for number, entry in enumerate(data, start=1):
        fine = isinstance(entry, dict) and all(
            isinstance(entry.get(k), str) and entry[k].strip() for k in ("code", "item", "reason")
        )
        if not fine or entry["code"] not in CHANGE_LEVELS:
            zh, en = pair("accepted-entry", number=number)
            raise PackageReadError(path, en, zh)
        entries.append(Accepted(entry["code"], entry["item"], entry["reason"].strip()))
    return entries


def _for_integrators(code: str) -> bool:
    """Whether a change breaks systems built on the ids: removed, renumbered or cancelled items, the layer's id."""
    # certificate-cancelled is a certificate's status (取消), not an item taken out of the catalog.
    if code == "certificate-cancelled":
        return False
    if code.startswith(_OPERATION_CODES):  # an override's id is no catalog item's: no system builds on it
        return False
    return code.endswith(("-removed", "-renamed", "-cancelled")) or code == "layer-changed"


def _breaks_integrators(change: Change) -> bool:
    """Whether ``change`` breaks systems built on the ids: as its code says, but a restating row's removal.

    A row restating an inherited item holds no item of its own: the catalog keeps the inherited item's id, so no
    system built on the ids ever saw the row's (as an override's).
    """
    if not _for_integrators(change.code):
        return False
    return not (change.code.endswith("-removed") and getattr(change.old, "restates", None) is not None)


#: The codes of the operations' own rows (``override-removed``): what they do is rated on their targets.
_OPERATION_CODES = tuple(f"{kind.slug}-" for kind in kinds() if kind.role == "operation")


def required_bump(levels: Iterable[str]) -> Bump:
    """Return the smallest semantic version bump that announces changes of these levels.

    A violation is not released at all, so it asks for no bump of its own.

    Raises:
        ArgumentTypeError: if ``levels`` is no list of levels (one level alone, a ``str``, included).
        InvalidRequestError: if a level is none of :data:`ChangeLevel`'s.
    """
    levels = need_items(levels, str, "argument-not-level-list")
    known = get_args(ChangeLevel)
    for level in levels:
        if level not in known:
            raise InvalidRequestError.because("argument-unknown-level", text=level, known=", ".join(known))
    worst = max((lv for lv in levels if lv != "violation"), key=_RANK.__getitem__, default="none")
    return "none" if worst == "none" else _BUMP_FOR[worst]


@functools.lru_cache(maxsize=1024)  # a nation's packages share a few versions: each pair is parsed once
def _declared_bump(old: str, new: str) -> Bump:
    a, b = Version(old), Version(new)
    if b.major > a.major:
        return "major"
    if b.major == a.major and b.minor > a.minor:
        return "minor"
    if b.release[:2] == a.release[:2] and b.micro > a.micro:
        return "patch"
    return "none"


def _kind(resource: str) -> Kind:
    kind = kind_by_resource(resource)
    if kind is None:  # pragma: no cover - resources come from the registry
        raise KeyError(resource)
    return kind


def _field_change(  # noqa: PLR0911 - one return per family of codes
    resource: str,
    name: str,
    old: Any,  # noqa: ANN401 - any field value
    new: Any,  # noqa: ANN401 - any field value
    before: BaseModel | None = None,
) -> tuple[str, Effect]:
    """Return the code of a field change and its effect, by the field's rule in the registry.

    An empty modality of a requirement ``before`` does not give grades nothing: giving it one tightens.
    """
    kind = _kind(resource)
    spec = kind.field(name)
    rule = spec.rule if spec is not None else None
    if rule is not None and before is not None:
        rule = rule.for_item(before)
    effect = Effect.NEUTRAL if rule is None else rule.effect(old, new)
    if isinstance(rule, Graded) and old is None and before is not None and not rule.in_force(before):
        effect = Effect.TIGHTENS
    slug = kind.slug
    told = _advice_told(rule, old, new, before)
    if told is not None and spec is not None:
        return f"{slug}-{spec.slug}-{told}", Effect.NEUTRAL
    if name in _QUIET_FIELDS:
        return f"{slug}-citation-changed", effect
    if rule is not None and spec is not None and rule.rewordable and rule.same(old, new):
        return f"{slug}-{spec.slug}-reworded", effect
    if resource == "certificates":
        if name == "status":
            return ("certificate-reinstated" if new is CertificateStatus.RETAINED else "certificate-cancelled"), effect
        if name in ("template", "placeholders"):
            return "certificate-template-changed", effect
    if resource == "signs":
        if name in _SIGN_LOOK:
            return f"sign-{_SIGN_LOOK[name]}-changed", effect
        if name == "mandatory":
            return ("sign-made-mandatory" if new else "sign-made-optional"), effect
    words = None if (resource, name) in _OWN_CODES else _DIRECTION_WORDS.get(type(rule))
    if words is not None and spec is not None and effect is not Effect.NEUTRAL:
        return f"{slug}-{spec.slug}-{words[0] if effect is Effect.TIGHTENS else words[1]}", effect
    if isinstance(rule, Sticky | Graded | Fixed | Frozen | Qualifier) and spec is not None:
        return f"{slug}-{spec.slug}-changed", effect
    return f"{slug}-changed", effect


def _advice_told(rule: object, old: object, new: object, before: BaseModel | None) -> str | None:
    """``unstated`` or ``stated`` where a modality moves between advice and the source's unstated force, else None.

    Advice (一般、可) said to be unstated ranks higher, as merge needs it to, and unstated said to be advice ranks
    lower; yet a miss is a 提示 on either side (only must is 不符合), so no village's verdict changes either way.
    An empty modality of a requirement the item does not give grades nothing: giving it one is no such move.
    """
    if _unstated(rule, old, new):
        return "unstated"
    given = before is None or not isinstance(rule, Graded) or rule.in_force(before)
    return "stated" if given and _unstated(rule, new, old) else None


def _unstated(rule: object, old: object, new: object) -> bool:
    """Whether a modality that advised (should, mainly, may) is now empty, ranked as unstated (a grade of its own)."""
    return isinstance(rule, Graded) and isinstance(rule.empty, int) and new is None and rule.advises(old)


def _added_code(resource: str, item: BaseModel) -> tuple[str, Effect, Unbound | None]:
    """Return the code of an added item, whether it tightens, and how where it binds no one (advice, unstated)."""
    kind = _kind(resource)
    if getattr(item, "restates", None) is not None:  # no item of its own: rated by what it does to its target
        return f"{kind.slug}-restated", Effect.NEUTRAL, None
    red = (
        {
            "duties": "duty-prohibited-added",
            "certificates": "certificate-not-to-issue-added",
            "signs": "sign-mandatory-added",
        }.get(resource)
        if kind.rules.is_red_line(dict(item))
        else None
    )
    code = red or (f"{kind.slug}-binding-added" if kind.binds(item) else None)
    if code is not None:  # a red line or a rule that binds: what complied may no longer, as removing one relaxes
        # a sign to hang whose hanging binds not: what it adds is a 提示 where it is missing
        hanging = _unbound_by(_grading(kind, "mandatory"), [item])
        if hanging is not None and f"{code}-{hanging}" in CHANGE_LEVELS:
            return f"{code}-{hanging}", Effect.TIGHTENS, hanging
        return code, Effect.TIGHTENS, None
    unbound = _own_unbound(kind, item)
    if unbound is not None:  # a new rule asking as advice or by no binding word: it tightens, and fails no one
        return f"{kind.slug}-added-{unbound}", Effect.TIGHTENS, unbound
    return f"{kind.slug}-added", Effect.NEUTRAL, None


class _Differ:
    def __init__(
        self, levels: Mapping[str, ChangeLevel], reach: Scope, reaches: Mapping[str, Scope] | None = None
    ) -> None:
        self.levels = levels
        self.changes: list[Change] = []
        #: Where the new version's layer applies: the places a change can concern.
        self.scope = reach
        #: Where the layer that introduced each item applies, by item id (in an effective catalog, an inherited
        #: item's layer): what an empty ``applies_to`` means (留空表示与所在层的适用范围相同); else :attr:`scope`.
        self.reaches: Mapping[str, Scope] = reaches or {}
        #: Items removed whose name (or an alias) an item added of the same kind holds: (removed, added), by id.
        self.renumbered: list[tuple[str, str]] = []

    def add(self, code: str, resource: str, item: str, **kw: Any) -> None:  # noqa: ANN401
        level = self.levels.get(code) or CHANGE_LEVELS[code][0]  # every code a diff makes is declared
        self.changes.append(Change(code=code, level=level, resource=resource, item=item, **kw))

    def labelled(self, start: int, item: BaseModel) -> None:
        """Give the changes recorded since ``start`` the item's Chinese name, scope and who it binds."""
        if start == len(self.changes):  # nothing changed: no label to make
            return
        label = _label(item)
        scope = getattr(item, "applies_to", None)
        bound = _bound_others(getattr(item, "bound", None))
        for index in range(start, len(self.changes)):
            change = self.changes[index]
            self.changes[index] = dataclasses.replace(
                change,
                label=change.label if change.label is not None else label,
                scope=change.scope or (scope if isinstance(scope, Scope) else None),
                # who is bound, changed: it concerns those added or dropped, not those the rule binds now
                bound=_bound_others(_entries_changed(change.old, change.new) or None)
                if change.field == "bound"
                else change.bound
                if change.bound is not None
                else bound,
            )

    def finished(self) -> list[Change]:
        """The changes, each concerning its item's layer's places (of this one's) where nothing narrower was said."""
        return [c if c.scope is not None else dataclasses.replace(c, scope=self._reach(c.item)) for c in self.changes]

    def _reach(self, item_id: str) -> Scope:
        """Where an item that does not say its scope applies, of the places this layer covers."""
        places = self._places(None, item_id)
        return Scope.BOTH if len(places) > 1 else next(iter(places), self.scope)

    def _places(self, value: object, item_id: str) -> set[Scope]:
        """The places ``value`` reaches (unset: where the item's own layer applies), of those this layer covers.

        A village-only province's item left empty is no community's, even in the catalog of a county that covers
        both; and as merge reads a scope, a layer of villages writing 村 over 村和社区 narrows nothing.
        """
        reach = scope_places(value, self.reaches.get(item_id, self.scope)) & scope_places(self.scope)
        return {Scope(place) for place in reach}

    def scope_change(  # noqa: PLR0913, PLR0917 - one field's two values, and the item's two versions
        self,
        resource: str,
        item_id: str,
        old: object,
        new: object,
        layer: str | None,
        versions: tuple[BaseModel, BaseModel] | None = None,
    ) -> None:
        """Record a change of ``applies_to`` as the places it adds (tightens) and drops (relaxes).

        Written otherwise and reaching the same places (empty, where the layer covers 村和社区, written
        村和社区), it changes no one's rule: one ``info`` change saying so. An item that binds on neither
        of ``versions`` (原则上: every modality grading what it asks advises; or one is empty, the source stating no
        binding word) is said so: the places added are advised, a miss there a 提示, not given a duty, and widening
        it is ``…-scope-widened-advised`` (or ``-unstated``), 需关注, not 破坏性.
        """
        before, after = self._places(old, item_id), self._places(new, item_id)
        if before == after:
            slug = _kind(resource).slug
            self.add(f"{slug}-scope-reworded", resource, item_id, field="applies_to", old=old, new=new, layer=layer)
            return
        slug = _kind(resource).slug
        unbound = None if versions is None else _unbound_item(_kind(resource), versions)
        for places, word, effect in (
            (after - before, "widened", Effect.TIGHTENS),
            (before - after, "narrowed", Effect.LOOSENS),
        ):
            if places:
                where = Scope.BOTH if len(places) > 1 else next(iter(places))
                code = f"{slug}-scope-{word}"
                if effect is Effect.TIGHTENS and unbound is not None and f"{code}-{unbound}" in CHANGE_LEVELS:
                    code = f"{code}-{unbound}"  # a miss in the places added is a 提示: nothing there breaks
                self.add(
                    code, resource, item_id, field="applies_to", old=old, new=new, layer=layer, effect=effect,
                    scope=where, advised=unbound == "advised", unstated=unbound == "unstated",
                )  # fmt: skip

    def items(
        self,
        resource: str,
        old: dict[str, BaseModel],
        new: dict[str, BaseModel],
        attribute: Mapping[str, str] | None = None,
    ) -> None:
        # a rename is declared by the new side listing the old id (the old side's own list says what it was before);
        # only an id gone from the new side can have been renamed, and in most revisions none is
        renamed = (
            {
                earlier: item_id
                for item_id, item in new.items()
                for earlier in getattr(item, "replaces", ())
                if earlier in old and earlier not in new
            }
            if not old.keys() <= new.keys()
            else {}
        )
        # the common case, an item as it was, is decided in one comparison each, in a comprehension
        changed = old.keys() if renamed else [k for k, before in old.items() if new.get(k) != before]
        for item_id in changed:
            before = old[item_id]
            start = len(self.changes)
            self._item(resource, item_id, before, new, renamed, attribute)
            self.labelled(start, new.get(renamed.get(item_id, item_id), before))
        self.renumbered.extend(suspected_renumberings(old, new, renamed))
        if new.keys() <= old.keys():  # nothing added
            return
        for item_id, after in new.items():
            if item_id not in old and item_id not in renamed.values():
                code, effect, unbound = _added_code(resource, after)
                self.add(
                    code, resource, item_id, new=after, layer=(attribute or {}).get(item_id), effect=effect,
                    advised=unbound == "advised", unstated=unbound == "unstated",
                )  # fmt: skip
                self.labelled(len(self.changes) - 1, after)

    def _item(  # noqa: PLR0913, PLR0917 - one old item, and what it is compared against
        self,
        resource: str,
        item_id: str,
        before: BaseModel,
        new: dict[str, BaseModel],
        renamed: dict[str, str],
        attribute: Mapping[str, str] | None,
    ) -> None:
        kind = _kind(resource).slug
        if item_id in new:
            if before != new[item_id]:  # most items are unchanged: one comparison, not one per field
                self.fields(resource, item_id, (before, new[item_id]), attribute=attribute)
        elif item_id in renamed:
            target = renamed[item_id]
            self.add(f"{kind}-renamed", resource, target, old=item_id, new=target, layer=(attribute or {}).get(target))
            self.fields(resource, target, (before, new[target]), attribute=attribute, skip={"id", "replaces"})
        else:  # an item that bound the villages, gone: their obligations relax
            # and one that asked as advice or by no binding word, gone: what it asked relaxes, as adding it tightened
            unbound = _own_unbound(_kind(resource), before)
            binds = _kind(resource).binds(before)
            effect = Effect.LOOSENS if binds or unbound is not None else Effect.NEUTRAL
            layer = (attribute or {}).get(item_id)
            self.add(
                f"{kind}-removed", resource, item_id, old=before, layer=layer, effect=effect,
                advised=unbound == "advised", unstated=unbound == "unstated",
            )  # fmt: skip

    def fields(
        self,
        resource: str,
        item_id: str,
        versions: tuple[BaseModel, BaseModel],
        *,
        attribute: Mapping[str, str] | None = None,
        skip: set[str] | None = None,
    ) -> None:
        before, after = versions
        for name in type(after).model_fields:
            if skip and name in skip:
                continue
            old, new = getattr(before, name, None), getattr(after, name, None)
            if old == new:
                continue
            layer = (attribute or {}).get(f"{item_id}.{name}")
            if name == "applies_to":
                self.scope_change(resource, item_id, old, new, layer, versions)
                continue
            code, effect = _field_change(resource, name, old, new, before)
            of = _WORDS_OF.get((resource, name))
            words = _kind(resource).field(name)
            if of is not None and words is not None:  # the same change as ``of``'s, in words; or words alone
                alone = getattr(before, of, None) == getattr(after, of, None)
                code = f"{_kind(resource).slug}-{words.slug}-{'rewritten' if alone else 'changed'}"
            unbound = None if effect is Effect.NEUTRAL else _unbound(_kind(resource), name, versions)
            if effect is Effect.TIGHTENS and unbound is not None and f"{code}-{unbound}" in CHANGE_LEVELS:
                code = f"{code}-{unbound}"  # a miss is a 提示 before and after: what complied still does
            if name == "name" and old not in (getattr(after, "aliases", None) or ()) and _kind(resource).role == "item":
                code = f"{_kind(resource).slug}-name-changed"  # the old name no longer finds it
            self.add(
                code,
                resource,
                item_id,
                field=name,
                old=old,
                new=new,
                layer=(attribute or {}).get(f"{item_id}.{name}"),
                effect=effect,
                advised=unbound == "advised",
                unstated=unbound == "unstated",
            )


def _names_of(item: BaseModel) -> set[str]:
    """An item's name and aliases, normalised as look-ups compare them."""
    from villagecat._names import normalise_name  # noqa: PLC0415

    names = [getattr(item, "name", None), *(getattr(item, "aliases", None) or ())]
    return {normalise_name(n) for n in names if isinstance(n, str) and n.strip()}


def suspected_renumberings(
    old: Mapping[str, BaseModel], new: Mapping[str, BaseModel], renamed: Mapping[str, str]
) -> list[tuple[str, str]]:
    """Each item removed and item added of one kind that share a name or alias, no ``replaces`` joining them.

    Maybe one item renumbered without its earlier id in 替代条目, maybe two items: the report says it may be one,
    never decides it (a removal stays a removal).
    """
    if old.keys() == new.keys():  # the common case, compared in C: no item removed, none added
        return []
    gone, came = old.keys() - new.keys() - renamed.keys(), new.keys() - old.keys() - set(renamed.values())
    if not gone or not came:  # the common case: nothing both removed and added
        return []
    removed = {i: _names_of(item) for i, item in old.items() if i in gone}
    added = {i: _names_of(item) for i, item in new.items() if i in came}
    return [(gone, came) for gone, was in removed.items() for came, now in added.items() if was & now]


def renumbering_said(removed: str, added: str, lang: Literal["zh", "en"] = "zh", *, own: bool = False) -> str:
    """The note a report gives an item removed and one added under its name: maybe renumbered, 替代条目 to fill.

    ``own``: the items are the reported layer's own (a county's own diff), whose 替代条目 it fills itself; else
    they are a layer's above it (a parent's revision, read where a layer below conflicts with it).
    """
    lang = need_lang(lang)
    kind = kind_of_id(added)
    spec = None if kind is None else kind.field("replaces")
    column = Both("替代条目", "replaces") if spec is None else Both(spec.title_zh, spec.name)
    key = "renumbering-suspected-own" if own else "renumbering-suspected"
    return say(key, lang, removed=removed, added=added, field=column)


def _layer_ref(package_layer: Any) -> dict[str, str]:  # noqa: ANN401 - a Layer
    return {
        "id": package_layer.id,
        "name_zh": package_layer.name_zh,
        "name_en": package_layer.name_en,
        "version": package_layer.version,
    }


def _side_name(side: Mapping[str, str], lang: Literal["zh", "en"]) -> str:
    """A side's layer named in ``lang`` (a report read from JSON written before ``name_en`` has only Chinese)."""
    return (side.get("name_en") or side["name_zh"]) if lang == "en" else side["name_zh"]


def _need_versions(old: object, new: object, *, optional_old: bool = False) -> None:
    """Refuse an old or new version that is no LayerPackage (None for the old one, where it may be absent)."""
    from villagecat.package import LayerPackage  # noqa: PLC0415 - diff reads no package itself

    if not (optional_old and old is None):
        need(old, LayerPackage, "argument-not-package", what=Both("旧版本", "the old version"))
    need(new, LayerPackage, "argument-not-package", what=Both("新版本", "the new version"))


def diff_packages(
    old: LayerPackage, new: LayerPackage, *, levels: Mapping[str, ChangeLevel] | None = None
) -> DiffReport:
    """Compare two versions of a layer package, item by item and field by field.

    Args:
        old: The published version.
        new: The revision.
        levels: Overrides of :data:`CHANGE_LEVELS`, code -> level.

    Returns:
        The report, with the bump the changes require.

    Raises:
        InvalidRequestError: if the two are different layers (compare their effective
            catalogs with :func:`diff_catalogs` instead).
        ArgumentTypeError: if either is no LayerPackage.
    """
    _need_versions(old, new)
    levels = _given_levels(levels)
    if old.layer.id != new.layer.id:  # two layers' difference is no release of either
        raise InvalidRequestError.because("diff-two-layers-api", old=_named(old), new=_named(new))
    differ = _Differ(levels, new.layer.reach)
    _layer_changes(differ, old, new)
    for resource in (kind.resource for kind in kinds() if kind.in_catalog):
        # every kind has an id (the registry requires it): read as the baseline reads it, without a fallback
        before: dict[str, BaseModel] = {
            i.id: i for i in cast("tuple[CatalogItem | Document, ...]", old.resource(resource))
        }
        after: dict[str, BaseModel] = {
            i.id: i for i in cast("tuple[CatalogItem | Document, ...]", new.resource(resource))
        }
        if resource == "cancellations":
            _cancellation_changes(differ, before, after)
            continue
        differ.items(resource, before, after)
    return DiffReport(
        _layer_ref(old.layer),
        _layer_ref(new.layer),
        _clauses_changed(differ.finished(), old, new, levels),
        declared_bump=_declared_bump(old.layer.version, new.layer.version),
        scope=differ.scope,
        renumbered=differ.renumbered,
    )


def _clauses_changed(
    changes: list[Change], old: LayerPackage, new: LayerPackage, levels: Mapping[str, ChangeLevel]
) -> list[Change]:
    """``changes`` with citations changed only as a clause they cite changed, said once as that clause's change.

    A clause is written once and cited by id: its quote edited changed every citing item's citations, one
    ``…-citation-changed`` per item (28 lines for one word). Each item whose citations differ by such clauses alone
    is listed on the clause's one change (``clause-changed``); an item whose citations changed otherwise too keeps
    its own change.
    """
    from villagecat.models import Citation  # noqa: PLC0415

    if not any(change.field == "citations" for change in changes):  # no citation changed: no clause to say
        return changes

    def place(clause: BaseModel) -> tuple[object, ...]:
        return tuple(getattr(clause, k) for k in ("document", "section", "quote"))

    def cited(clause: BaseModel) -> Citation:
        return Citation.model_validate(dict(zip(("document", "section", "quote"), place(clause), strict=True)))

    before = {str(getattr(c, "id", "")): c for c in old.clauses}
    after = {str(getattr(c, "id", "")): c for c in new.clauses}
    # a citation is built only for a clause edited: most of a revision's clauses are as they were
    edited = {
        k: (cited(before[k]), cited(after[k]))
        for k in before.keys() & after.keys()
        if place(before[k]) != place(after[k])
    }
    edited = {k: pair for k, pair in edited.items() if pair[0] != pair[1]}
    if not edited:
        return changes
    by_pair = {pair: k for k, pair in edited.items()}
    citing: dict[str, list[Change]] = {}
    kept: list[Change] = []
    for change in changes:
        olds, news = change.old, change.new
        if change.field != "citations" or not isinstance(olds, list | tuple) or not isinstance(news, list | tuple):
            kept.append(change)
            continue
        pairs = [(a, b) for a, b in zip(olds, news, strict=False) if a != b]
        clauses = [by_pair.get(p) for p in pairs]
        if len(olds) != len(news) or not clauses or None in clauses:
            kept.append(change)
            continue
        for clause in dict.fromkeys(clauses):
            citing.setdefault(str(clause), []).append(change)
    kept.extend(
        _clause_change(levels, clause_id, edited[clause_id], items) for clause_id, items in sorted(citing.items())
    )
    return kept


#: The codes of a clause's edit, said once with the items citing it (``cited_by``).
CLAUSE_CODES = frozenset({"clause-changed", "clause-force-words-changed"})
#: The words a quote grades its items by: the binding words, the source's hedges and permissions (Modality's
#: synonyms, declared once in the vocabulary), and 等, which leaves a list open.
_FORCE_WORDS = re.compile(
    "|".join([BINDING_WORDS.pattern, *(re.escape(w) for w in Modality.__synonyms__ if len(w) > 1), "等"])
)


def _force_words(quote: str | None) -> list[str]:
    """The force of ``quote``'s words in order (should, must, 等 …): changed, the items citing it may be graded wrong.

    A word is read as the modality it writes, so one binding word for another (应 → 应当) changes nothing.
    """
    return [Modality.__synonyms__.get(word, word) for word in _FORCE_WORDS.findall(quote or "")]


def _clause_change(
    levels: Mapping[str, ChangeLevel],
    place: str,
    edit: tuple[BaseModel, BaseModel],
    items: list[Change],
    layer: str | None = None,
) -> Change:
    """One clause's edit (``clause-changed``) at ``place``, listing the items whose citations changed with it.

    The one field that changed (document, section or quote) is shown alone; several, the citation before and after.
    """
    was, now = edit
    fields = [k for k in ("document", "section", "quote") if getattr(was, k) != getattr(now, k)]
    one = fields[0] if len(fields) == 1 else None
    reworded = _force_words(getattr(was, "quote", None)) != _force_words(getattr(now, "quote", None))
    code = "clause-force-words-changed" if reworded else "clause-changed"
    return Change(
        code=code,
        level=levels.get(code) or CHANGE_LEVELS[code][0],
        resource="clauses",
        item=place,
        field=one,
        old=getattr(was, one) if one else was,
        new=getattr(now, one) if one else now,
        layer=layer,
        cited_by=tuple(dict.fromkeys(c.item for c in items)),
        cited_names=tuple(dict.fromkeys(c.label or c.item for c in items)),
    )


def _citations_grouped(changes: list[Change], levels: Mapping[str, ChangeLevel]) -> list[Change]:
    """``changes`` of effective catalogs with the items whose citations changed identically said once.

    An effective catalog carries no clauses: a clause's quote edited shows as each citing item's citations changed
    (``…-citation-changed``), the same citation changed the same way. Such a citation changed is one
    ``clause-changed``, as :func:`diff_packages` says a clause's edit, listing the items: its place kept (the same
    document and section, its quote edited) or changed identically for two items or more. An item whose citations
    changed otherwise too (a citation added, dropped, or pointed elsewhere alone) keeps its own change.
    """
    from villagecat.models import Citation  # noqa: PLC0415

    def edits(change: Change) -> list[tuple[Citation, Citation]] | None:
        olds, news = change.old, change.new
        if change.field != "citations" or not isinstance(olds, list | tuple) or not isinstance(news, list | tuple):
            return None
        if len(olds) != len(news) or not all(isinstance(c, Citation) for c in (*olds, *news)):
            return None
        return [(a, b) for a, b in zip(olds, news, strict=True) if a != b] or None

    edited = {id(c): e for c in changes if (e := edits(c)) is not None}
    shared: dict[tuple[str | None, Citation, Citation], int] = {}
    for change in changes:
        for a, b in edited.get(id(change), []):
            shared[change.layer, a, b] = shared.get((change.layer, a, b), 0) + 1

    def clause(layer: str | None, a: Citation, b: Citation) -> bool:
        return (a.document, a.section) == (b.document, b.section) or shared[layer, a, b] > 1

    citing: dict[tuple[str | None, Citation, Citation], list[Change]] = {}
    kept: list[Change] = []
    for change in changes:
        pairs = edited.get(id(change))
        if pairs is None or not all(clause(change.layer, a, b) for a, b in pairs):
            kept.append(change)
            continue
        for a, b in dict.fromkeys(pairs):
            citing.setdefault((change.layer, a, b), []).append(change)
    kept.extend(
        _clause_change(
            levels, str(was.document) + ("" if was.section is None else f"#{was.section}"), (was, now), items, layer
        )
        for (layer, was, now), items in citing.items()
    )
    return kept


def _named(package: LayerPackage) -> Both:
    """A package as a library error names it: its path, or held in memory its layer's name, and its layer."""
    layer = package.layer
    if package.source:
        return Both(*pair("package-of-layer", name=package.source, layer=layer.id))
    return Both(*pair("package-of-layer", name=Both(layer.name_zh, layer.name_en or layer.name_zh), layer=layer.id))


def _operation_rows(old: LayerPackage, new: LayerPackage) -> tuple[set[str], set[str]]:
    """The resources of operations (overrides, cancellations), and the ids of the two versions' restating rows."""
    operations = {k.resource for k in kinds() if k.role == "operation"}
    restating = {
        str(getattr(item, "id", ""))
        for package in (old, new)
        for _, item in package.iter_items()
        if getattr(item, "restates", None) is not None
    }
    return operations, restating


def rate_operations(
    report: DiffReport,
    old: LayerPackage,
    new: LayerPackage,
    registry: LayerRegistry,
    *,
    levels: Mapping[str, ChangeLevel] | None = None,
) -> DiffReport:
    """Rate each added, changed or removed operation by what it does to the catalog it applies to.

    Comparing a layer's own rows, an override is a row like any other: ``override-added``
    is ``info``. What it does is another matter: raising a binding minimum tightens every
    village's rule, as the effective diff says (breaking); raising the nation's advised 30 m² per
    100 households to 60 tightens advice (需关注, a shortfall a 提示).
    Each operation's change takes the gravest level, and the effect, of the changes the
    effective catalogs show on its target; without the parents at hand the report says which
    it could not rate (:class:`UnratedOperations`), and a gate fails it.
    """
    from villagecat.errors import LayerChainError  # noqa: PLC0415
    from villagecat.merging import merge  # noqa: PLC0415

    need(report, DiffReport, "argument-not-diff-report")
    _need_versions(old, new)
    need_registry(registry)
    levels = _given_levels(levels)

    operations, restating = _operation_rows(old, new)
    if not any(c.resource in operations or c.item in restating for c in report.changes):
        return report
    try:
        catalogs = [merge(registry.chain(package)) for package in (old, new)]
    except LayerChainError as exc:  # said, and failed by a gate: never read as rated
        items = tuple(c.item for c in report.changes if c.resource in operations or c.item in restating)
        return dataclasses.replace(report, unrated=UnratedOperations(items, exc.describe("zh"), exc.describe("en")))
    effective = diff_catalogs(*catalogs, levels=levels)
    targets = _operation_targets((old, new), operations, restating, catalogs)
    # An override sets one field of its target: what it does is what changed there, not another override's work.
    fields = {
        str(getattr(op, "id", "")): str(getattr(op, "field", ""))
        for package in (old, new)
        for op in package.resource("overrides")
    }
    # a restating row's field merge refuses (must → should on a national rule) changes nothing: the violation says it;
    # one merge had refused, changed back, is the violation withdrawn
    withdrawn, refused_now, refused_before = (
        _withdrawn_refusals(old, catalogs[0], effective),
        *(
            _refused_restatements(package, catalog, effective, targets, restating)
            for package, catalog in ((new, catalogs[1]), (old, catalogs[0]))
        ),
    )
    changes = [  # an operation merge had refused, withdrawn: it never applied (nothing found below to rate it by)
        _violation_withdrawn(c, withdrawn[c.item], catalogs, levels or {})
        if c.resource in operations and c.new is None and c.item in withdrawn
        else _violation_withdrawn(c, targets[c.item], catalogs, levels or {})
        if (c.item, c.field) in refused_before
        else c
        for c in _without_refused_cancellations(report.changes, new, catalogs[1], effective)
        if (c.item, c.field) not in refused_now
    ]
    rated: list[Change] = []
    for change in changes:
        operation = change.resource in operations or change.item in restating
        target = targets.get(change.item, change.item) if operation else None
        found = [e for e in effective.changes if target is not None and e.item == target and e.level != "violation"]
        if change.item in fields:
            found = [e for e in found if e.field == fields[change.item]] or found
        gravest = max(found, key=lambda e: _RANK[e.level], default=None)
        if gravest is not None:  # whom it concerns: the target's places and bound, as the catalog shows them
            change = dataclasses.replace(change, scope=gravest.scope, bound=gravest.bound)  # noqa: PLW2901
        if change.resource == "cancellations" and gravest is None and target is not None:
            change = _refused_cancellation(change, target, catalogs)  # noqa: PLW2901
        if change.resource == "cancellations" and gravest is not None:
            # the item it cancels is gone from the catalog: what that does, and its name, as the effective diff says
            change = dataclasses.replace(  # noqa: PLW2901
                change,
                level=max(change.level, gravest.level, key=_RANK.__getitem__),
                effect=gravest.effect,
                label=change.label or gravest.label,
                advised=gravest.advised,
                unstated=gravest.unstated,
                does=gravest.code,
            )
        elif change.item in restating and change.item in targets:  # no item of its own: only what it does counts
            if change.field is not None:  # a field of the row changed: what that does to the same field of its target
                # a note or citation the target does not show did nothing to it: never the effect of a field beside it
                found = [e for e in found if e.field == change.field] or (
                    [] if change.field in _QUIET_FIELDS else found
                )
                gravest = max(found, key=lambda e: _RANK[e.level], default=None)
            doing = [e for e in found if e.effect is not Effect.NEUTRAL]  # what it tightens or relaxes, for whom
            if change.field is None and len({(e.effect, e.scope, e.bound) for e in doing}) > 1:
                # a row added or removed that tightens for some and relaxes for others: one change for each,
                # each for whom it concerns, as the effective diff counts them
                rated.extend(
                    dataclasses.replace(
                        change,
                        field=e.field,
                        old=e.old,
                        new=e.new,
                        level=e.level,
                        effect=e.effect,
                        scope=e.scope,
                        bound=e.bound,
                        advised=e.advised,
                        unstated=e.unstated,
                    )
                    for e in sorted(found, key=lambda e: -_RANK[e.level])
                )
                continue
            if gravest is not None and gravest.effect is Effect.NEUTRAL and doing:
                # as grave as its gravest change, and doing what the one that does something does (drops communities)
                gravest = dataclasses.replace(doing[0], level=gravest.level)
            level, effect = (gravest.level, gravest.effect) if gravest is not None else ("info", Effect.NEUTRAL)
            advised, unstated = (gravest.advised, gravest.unstated) if gravest is not None else (False, False)
            change = dataclasses.replace(  # noqa: PLW2901
                change,
                level=level,
                effect=effect,
                advised=advised,
                unstated=unstated,
                scope=gravest.scope if gravest is not None else change.scope,
                bound=gravest.bound if gravest is not None else change.bound,
            )
        elif gravest is not None and (
            change.resource == "overrides"  # no item of its own: what it does counts, graver or not
            or _RANK[gravest.level] > _RANK[change.level]
        ):
            change = dataclasses.replace(  # noqa: PLW2901
                change,
                level=gravest.level,
                effect=gravest.effect,
                advised=gravest.advised,
                unstated=gravest.unstated,
                does=gravest.code,
            )
        elif gravest is not None and change.effect is Effect.NEUTRAL:
            change = dataclasses.replace(  # noqa: PLW2901
                change, effect=gravest.effect, advised=gravest.advised, unstated=gravest.unstated, does=gravest.code
            )
        rated.append(change)
    rated = _retargeted(rated, targets, effective, catalogs, levels or {})
    return dataclasses.replace(report, changes=_same_item(rated, catalogs, levels or {}))


def diff_versions(
    old: LayerPackage,
    new: LayerPackage,
    *,
    registry: LayerRegistry | None = None,
    levels: Mapping[str, ChangeLevel] | None = None,
) -> DiffReport:
    """Compare two versions of one layer as ``villagecat diff OLD NEW`` does: the gate's report.

    :func:`diff_packages` compares the layer's own rows; this is what the command reports on
    top of it: each override or restatement rated by what it does to the catalog it applies to
    (:func:`rate_operations`: raising a binding minimum is breaking, not a changed row), the
    rules the new version breaks (:func:`rule_violations`), and the conflicts it causes in the
    known layers below it, or those that could not be checked. ``accept`` and
    :func:`format_report` apply to it as to the command's.

    Args:
        old: The published version.
        new: The revision.
        registry: The layers the two are merged with, their parents and the layers below
            them; default the shipped ones (``shipped_registry([province])`` adds your own, as
            ``--layer`` does).
        levels: Overrides of :data:`CHANGE_LEVELS`, code -> level.

    Raises:
        InvalidRequestError: if the two are different layers.
        ArgumentTypeError: if either is no LayerPackage, or ``registry`` is no LayerRegistry.
    """
    from villagecat.impact import children  # noqa: PLC0415 - impact imports this module
    from villagecat.registry import shipped_registry  # noqa: PLC0415

    _need_versions(old, new)
    need_registry(registry, optional=True)
    known = registry if registry is not None else shipped_registry()
    report = rate_operations(diff_packages(old, new, levels=levels), old, new, known, levels=levels)
    report.changes[:0] = rule_violations(old, new, known)
    report.judge_children(children(old, new, known))
    return report


def _withdrawn_refusals(package: LayerPackage, catalog: EffectiveCatalog, effective: DiffReport) -> dict[str, str]:
    """The operations of ``package`` that merge refused in ``catalog`` and that the effective diff shows unchanged.

    Keyed as the package diff names their changes: a cancellation by its target, an override by its row's id;
    each with the item it would have changed. Withdrawn, such an operation changes nothing: it never applied.
    """
    cancelled = {str(getattr(c, "id", "")): str(getattr(c, "target", "")) for c in package.resource("cancellations")}
    refused = {c.operation: c.item for c in catalog.conflicts if c.layer == package.layer.id and c.operation}
    changed = {e.item for e in effective.changes if e.level != "violation"}
    return {
        cancelled.get(operation, operation): target for operation, target in refused.items() if target not in changed
    }


def _refused_restatements(
    package: LayerPackage,
    catalog: EffectiveCatalog,
    effective: DiffReport,
    targets: Mapping[str, str],
    restating: set[str],
) -> set[tuple[str, str]]:
    """The fields of ``package``'s restating rows merge refused in ``catalog``, their target unchanged: (row, field).

    Merge left the inherited value where it was (the effective diff shows no change of it): the row's change did
    nothing, as a refused cancellation does nothing, and the violation alone says it.
    """
    changed = {(e.item, e.field) for e in effective.changes if e.level != "violation"}
    return {
        (c.operation, c.field)
        for c in catalog.conflicts
        if c.layer == package.layer.id
        and c.operation in restating
        and c.field is not None
        and (targets.get(c.operation, c.item), c.field) not in changed
    }


def _neutral(change: Change, code: str, levels: Mapping[str, ChangeLevel], **changed: Any) -> Change:  # noqa: ANN401
    """``change`` recoded as ``code`` at its level (the review's own, else the declared one): it changes nothing."""
    level = levels.get(code) or CHANGE_LEVELS[code][0]
    return dataclasses.replace(change, code=code, level=level, effect=Effect.NEUTRAL, **changed)


def _violation_withdrawn(
    change: Change, target: str, catalogs: Sequence[EffectiveCatalog], levels: Mapping[str, ChangeLevel]
) -> Change:
    """An operation merge had refused, withdrawn: the violation gone, nothing changed for anyone (its target named)."""
    inherited = catalogs[0].get(target) or catalogs[1].get(target)
    return _neutral(
        change,
        "rule-violation-withdrawn",
        levels,
        advised=False,
        unstated=False,
        label=change.label or (None if inherited is None else _label(inherited.item)),
    )


def _without_refused_cancellations(
    changes: Sequence[Change], package: LayerPackage, catalog: EffectiveCatalog, effective: DiffReport
) -> list[Change]:
    """``changes`` but the cancellations ``package`` adds that merge refused in ``catalog`` (a violation says so).

    Merge left their targets as they were (the effective diff shows no change of them): they change nothing.
    """
    own = {str(getattr(c, "id", "")): str(getattr(c, "target", "")) for c in package.resource("cancellations")}
    changed = {e.item for e in effective.changes if e.level != "violation"}
    refused = {  # named by the target its row holds, as the package diff names it: maybe an id renumbered above
        own[c.operation]
        for c in catalog.conflicts
        if c.layer == package.layer.id and c.operation in own and c.item not in changed
    }
    return [
        c for c in changes if not (c.resource == "cancellations" and c.effect is Effect.LOOSENS and c.item in refused)
    ]


def _refused_cancellation(change: Change, target: str, catalogs: Sequence[EffectiveCatalog]) -> Change:
    """A cancellation whose target the catalog shows unchanged (one withdrawn that merge had refused): whom it concerns.

    One merge refuses now is no change at all (:func:`_without_refused_cancellations`).
    It concerns whom its target does (a rule on departments, or one naming no one, is no village's) and is
    named by it, as a cancellation merge applies is by the effective diff.
    """
    inherited = catalogs[0].get(target) or catalogs[1].get(target)
    if inherited is None:
        return change
    scope = getattr(inherited.item, "applies_to", None)
    return dataclasses.replace(
        change,
        label=change.label or _label(inherited.item),
        scope=scope if isinstance(scope, Scope) else change.scope,
        bound=_bound_others(getattr(inherited.item, "bound", None)),
    )


def _retargeted(
    changes: Sequence[Change],
    targets: Mapping[str, str],
    effective: DiffReport,
    catalogs: Sequence[EffectiveCatalog],
    levels: Mapping[str, ChangeLevel],
) -> list[Change]:
    """``changes`` with each cancellation that now names its target by another id of the same item as one change.

    A county that writes the new id its province gave an item (``replaces``) in place of the old one still cancels
    that item: the catalog shows no change of it. Not a cancellation (放宽) and a withdrawal (收紧), but its
    row's target changed, named by the item.
    """
    changed = {e.item for e in effective.changes if e.level != "violation"}

    def by_target(suffix: str) -> dict[str, Change]:
        return {
            targets.get(c.item, c.item): c
            for c in changes
            if c.resource == "cancellations" and c.code.endswith(suffix) and c.field is None
        }

    cancelled, restored = by_target("-cancelled"), by_target("-restored")
    moved = {
        target: (restored[target], cancelled[target])
        for target in cancelled.keys() & restored.keys()
        if target not in changed and cancelled[target].item != restored[target].item
    }
    if not moved:
        return list(changes)
    gone = {id(c) for pair in moved.values() for c in pair}
    items = {str(getattr(c.item, "id", "")): c.item for catalog in catalogs for c in catalog.cancelled}
    result = [c for c in changes if id(c) not in gone]
    result.extend(
        _neutral(  # the same item, still cancelled: nothing changes
            now,
            "cancellation-target-renumbered",
            levels,
            field="target",
            old=before.item,
            new=now.item,
            label=now.label or before.label or (_label(items[target]) if target in items else None),
            does=None,
        )
        for target, (before, now) in moved.items()
    )
    return result


def _same_item(
    changes: Sequence[Change],
    catalogs: Sequence[EffectiveCatalog],
    levels: Mapping[str, ChangeLevel],
) -> list[Change]:
    """``changes`` with each override whose target changed but names the same item, as merge read it, so coded (info).

    A county that writes the new id its province gave an item (``replaces``) in place of the old one: merge applies
    the row to the same item before and after, so its new target changes nothing (原来符合的仍然符合), which the
    data tells; it was 需关注 (影响无法由数据判断).
    """
    moved = {c.item for c in changes if c.field == "target" and c.resource == "overrides"}
    if not moved:
        return list(changes)
    before, after = _merged_targets(catalogs[:1], moved), _merged_targets(catalogs[1:], moved)
    same = {row for row in moved if row in before and before[row] == after.get(row)}
    return [
        _neutral(c, "override-target-renumbered", levels, does=None) if c.item in same and c.field == "target" else c
        for c in changes
    ]


def _operation_targets(
    packages: Sequence[LayerPackage], operations: set[str], restating: set[str], catalogs: Sequence[EffectiveCatalog]
) -> dict[str, str]:
    """Each operation's target by its id (a cancellation's also by the target its row holds, as its change is named).

    The target is the item merge applied it to, or refused it on: an id the parent renumbered (``replaces``) names
    the item that replaces it, as a row that restates an inherited item (an operation per field it sets) names the
    item it restates.
    """
    targets = {
        str(getattr(op, "id", "")): str(getattr(op, "target", ""))
        for package in packages
        for resource in operations
        for op in package.resource(resource)
    }
    merged = _merged_targets(catalogs, {*targets, *restating})
    targets.update(merged)
    targets.update(
        (str(getattr(c, "target", "")), merged[str(getattr(c, "id", ""))])
        for package in packages
        for c in package.resource("cancellations")
        if str(getattr(c, "id", "")) in merged
    )
    return targets


def _merged_targets(catalogs: Sequence[EffectiveCatalog], rows: set[str]) -> dict[str, str]:
    """The item each operation of ``rows`` (by id) was merged into, or refused on, as merge says it.

    From the steps it made (an override, a restating row), the item it cancelled, or its conflict: the id its
    row holds may be one its layer renumbered (``replaces``), which merge follows to the item that replaces it.
    """
    found: dict[str, str] = {}
    for catalog in catalogs:
        found.update((c.operation, c.item) for c in catalog.conflicts if c.operation in rows)
        found.update(
            (c.cancellation.id, str(getattr(c.item, "id", ""))) for c in catalog.cancelled if c.cancellation.id in rows
        )
        for entries in catalog.items.values():
            for entry in entries.values():
                for steps in entry.changes.values():
                    found.update((s.operation, entry.id) for s in steps if s.operation in rows)
    return found


def _cancellation_changes(differ: _Differ, before: dict[str, BaseModel], after: dict[str, BaseModel]) -> None:
    old_targets = {str(getattr(c, "target", "")): c for c in before.values()}
    new_targets = {str(getattr(c, "target", "")): c for c in after.values()}
    for target in new_targets.keys() - old_targets.keys():
        differ.add(
            f"{_kind_slug(target)}-cancelled",
            "cancellations",
            target,
            new=getattr(new_targets[target], "reason", None),
            effect=Effect.LOOSENS,
        )
    for target in old_targets.keys() - new_targets.keys():
        differ.add(
            f"{_kind_slug(target)}-restored",
            "cancellations",
            target,
            old=getattr(old_targets[target], "reason", None),
            effect=Effect.TIGHTENS,
        )


def _kind_slug(item_id: str) -> str:
    kind = kind_of_id(item_id)
    return kind.slug if kind is not None else "item"


def _layer_changes(differ: _Differ, old: LayerPackage, new: LayerPackage) -> None:
    a, b = old.layer, new.layer
    layer_id = b.id
    start = len(differ.changes)
    if a.parent != b.parent:
        differ.add("layer-parent-changed", "layer", layer_id, field="parent", old=a.parent, new=b.parent)
    if a.admission != b.admission:
        differ.add("layer-admission-changed", "layer", layer_id, field="admission", old=a.admission, new=b.admission)
    for name in ("id", "level", "division_code", "covers"):
        if getattr(a, name) != getattr(b, name):
            differ.add("layer-changed", "layer", layer_id, field=name, old=getattr(a, name), new=getattr(b, name))
    for name in ("name_zh", "name_en", "slug", "publisher", "published", "effective"):
        if getattr(a, name) != getattr(b, name):
            differ.add(
                "layer-metadata-changed", "layer", layer_id, field=name, old=getattr(a, name), new=getattr(b, name)
            )
    for index in range(start, len(differ.changes)):  # named as its items are, by its Chinese name (吉林省)
        differ.changes[index] = dataclasses.replace(differ.changes[index], label=b.name_zh)


def diff_catalogs(
    old: EffectiveCatalog, new: EffectiveCatalog, *, levels: Mapping[str, ChangeLevel] | None = None
) -> DiffReport:
    """Compare two effective catalogs; each change is attributed to the layer that made it.

    Raises:
        ArgumentTypeError: if either is no effective catalog (two packages: :func:`diff_packages`).
    """
    need_catalog(old)
    need_catalog(new)
    levels = _given_levels(levels)
    reach = {layer.id: layer.reach for catalog in (old, new) for layer in catalog.chain}
    introduced = {i: e.introduced_by for c in (old, new) for entries in c.items.values() for i, e in entries.items()}
    differ = _Differ(levels, new.layer.reach, {i: reach[by] for i, by in introduced.items() if by in reach})
    depth = {layer.id: index for catalog in (old, new) for index, layer in enumerate(catalog.chain)}
    for resource in old.items.keys() | new.items.keys():
        before = {i: e.item for i, e in old.items.get(resource, {}).items()}
        after = {i: e.item for i, e in new.items.get(resource, {}).items()}
        attribute: dict[str, str] = {}
        for catalog in (old, new):
            for item_id, entry in catalog.items.get(resource, {}).items():
                attribute[item_id] = entry.introduced_by
                for name in type(entry.item).model_fields:
                    step = entry.set_by(name)
                    key = f"{item_id}.{name}"
                    # The lower of the two layers that set the value made the change: one that set the old value and
                    # no longer does dropped its operation (the parent's value shows again, the parent unchanged).
                    if step is not None and depth.get(step.layer, 0) >= depth.get(attribute.get(key, ""), -1):
                        attribute[key] = step.layer
        # An item a lower layer cancels (or stops cancelling) is removed (or back) by that layer, not the one
        # that introduced it.
        for cancelled in (*old.cancelled, *new.cancelled):
            item_id = str(getattr(cancelled.item, "id", ""))
            if cancelled.resource == resource and (item_id in before) != (item_id in after):
                attribute[item_id] = cancelled.layer
        differ.items(resource, before, after, attribute)
    order = [kind.resource for kind in kinds()]
    differ.changes.sort(key=lambda c: (order.index(c.resource) if c.resource in order else -1, c.item))
    return DiffReport(
        _layer_ref(old.layer),
        _layer_ref(new.layer),
        _citations_grouped(differ.finished(), levels),
        scope=differ.scope,
        renumbered=differ.renumbered,
    )


_COLOURS = {"violation": "\033[1;31m", "breaking": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}


def load_levels(path: str | os.PathLike[str]) -> dict[str, ChangeLevel]:
    """Read a level override file: a YAML or JSON mapping of change code to level (its code or Chinese word).

    Raises:
        PackageReadError: if the file cannot be read or is not such a mapping.
    """
    from villagecat._yaml import load_file  # noqa: PLC0415
    from villagecat.errors import PackageReadError  # noqa: PLC0415

    need_path(path, Both("变更级别文件", "a levels file"))
    path = os.fspath(path)
    data = load_file(path)
    if not isinstance(data, dict):
        zh, en = pair("levels-not-a-mapping")
        raise PackageReadError(path, en, zh)
    try:
        return _given_levels(data)
    except InvalidRequestError as exc:
        raise PackageReadError(path, exc.message_en, exc.message_zh) from None


def _given_levels(levels: object) -> dict[str, ChangeLevel]:
    """Levels given in code, checked as :func:`load_levels` checks a file's: a known code to a level's code or word.

    Raises:
        ArgumentTypeError: if ``levels`` is neither None nor a mapping.
        InvalidRequestError: if a code is unknown or a level none of ``breaking``, ``warning``, ``info``
            (given as it was, it was ignored, or failed deep inside a report).
    """
    if levels is None:
        return {}
    if not isinstance(levels, Mapping):
        raise ArgumentTypeError.because("argument-not-levels", kind=kind_of(levels))
    result: dict[str, ChangeLevel] = {}
    for code, level in levels.items():
        given = _level_given(level)
        if code not in CHANGE_LEVELS or given is None:
            said = {"code": _as_written(code), "level": _as_written(level), "levels": _LEVELS_GIVEN}
            if (meant := _meant_in_levels(code, level, known=code in CHANGE_LEVELS)) is not None:
                raise InvalidRequestError.because("levels-entry-meant", **said, meant=meant)
            raise InvalidRequestError.because("levels-entry", **said)
        result[str(code)] = given
    return result


_LEVELS_GIVEN = Both(
    "、".join(f"{level}（{LEVEL_WORDS[level][0]}）" for level in SETTABLE_LEVELS), ", ".join(SETTABLE_LEVELS)
)


def _meant_in_levels(code: object, level: object, *, known: bool) -> str | None:
    """The change code (or, the code known, the level) a ``--levels`` entry most likely mistypes, or None."""
    from villagecat._names import misspelt  # noqa: PLC0415 - only for a mistyped entry

    if not known:
        return misspelt(_as_written(code), CHANGE_LEVELS)
    words = [word for level in SETTABLE_LEVELS for word in (level, LEVEL_WORDS[level][0])]
    return misspelt(unicodedata.normalize("NFKC", _as_written(level)).strip(), words)


def _as_written(value: object) -> str:
    """A value of a user's YAML or JSON file as the file can write it (null, true, [一般, info]), not as Python."""
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)


def _level_given(text: object) -> ChangeLevel | None:
    """The level a ``--levels`` file gives, written as its code (``info``) or its Chinese word (一般); else None."""
    key = unicodedata.normalize("NFKC", str(text)).strip()
    return next((level for level in SETTABLE_LEVELS if key in (level, LEVEL_WORDS[level][0])), None)


def _bump(level: Bump, *, codes: bool = True) -> Both:
    """A version bump's level in words: 次版本号（minor） / minor; 次版本号 alone without ``codes`` (release notes)."""
    word = Both(*pair(f"bump-{level}"))
    return Both(f"{word.zh}（{level}）", word.en) if codes else word  # as Vocab.shown gives a label its code


def _version_line(report: DiffReport, lang: Literal["zh", "en"] = "zh") -> str | None:
    if report.version_ok or report.declared_bump is None:
        return None
    lowered = Version(report.new["version"]) < Version(report.old["version"])
    return say(
        "version-lowered"
        if lowered
        else "version-not-raised"
        if report.declared_bump == "none"
        else "version-unannounced",
        lang,
        old=report.old["version"],
        new=report.new["version"],
        declared=_bump(report.declared_bump),
        needed=_bump(report.suggested_bump),
    )


def conflict_said(conflict: Conflict, lang: Literal["zh", "en"], names: Mapping[str, Both]) -> str:
    """A conflict's line with its layer named as a clerk knows it (南关区（220102）), where ``names`` holds it."""
    lang = need_lang(lang)
    return conflict.describe(lang, place=names.get(conflict.layer))


def _child_conflict(conflict: Conflict, lang: Literal["zh", "en"], report: DiffReport) -> str:
    """A layer below's conflict, naming the row to change where it is an operation's: its files are not shown.

    Its target removed and an item of its name added, it says the item may have been renumbered (替代条目 to fill).
    """
    detail = conflict_said(conflict, lang, report.layer_names)
    if (note := report.renumbering(conflict.item, lang)) is not None:
        detail += ("；" if lang == "zh" else "; ") + note
    if conflict.operation is None or conflict.operation == conflict.item:
        return say("child-conflict", lang, detail=detail)
    return say("child-conflict-row", lang, operation=conflict.operation, detail=detail)


def _audience_lines(report: DiffReport, lang: Literal["zh", "en"]) -> list[str]:
    children = report.child_conflicts
    head = report.audiences_said(lang)
    if children is None:
        head += say("children-unchecked", lang)
    elif report.children_checked == [] and not children and not report.children_unchecked:
        head += say("children-none-known", lang)  # nothing was merged: not "0 new conflicts"
    else:
        head += say("children-conflicts", lang, count=len(children))
    if report.children_unchecked:  # never 0 conflicts where some could not be looked for
        head += say("children-some-unchecked", lang, count=len(report.children_unchecked))
    lines = [head]
    lines.extend("    " + _child_conflict(c, lang, report) for c in children or ())
    lines.extend("    " + u.describe(lang) for u in report.children_unchecked)
    lines.extend("    " + o.describe(lang, report.layer_names) for o in report.children_outgrown)
    if report.unrated is not None:
        lines.append("    " + report.unrated.describe(lang))
    return lines


def _format_text(report: DiffReport, colour: bool, lang: Literal["zh", "en"] = "zh") -> str:
    old, new = report.old, report.new
    lines = [f"{_side_name(old, lang)} {old['id']} {old['version']} → {new['id']} {new['version']}"]
    if not report.changes:
        lines.append(say("no-changes", lang))
        return "\n".join(lines) + "\n"
    lines.append(report.summary(lang))
    if (line := _version_line(report, lang)) is not None:
        lines.append(line)
    lines.extend(_audience_lines(report, lang))
    for change in report.changes:
        word = say(f"change-level-{change.level}", lang)
        mark = f"{_COLOURS[change.level]}{word}\033[0m" if colour else word
        lines.append(f"  {mark} {change.describe(lang)}")
        if change.detail and lang == "zh":
            lines.append(f"      {change.detail}")
        if change.code.endswith("-removed") and (note := report.renumbering(change.item, lang)) is not None:
            lines.append(f"      {note}")  # said once, beside the removal, never decided
    return "\n".join(lines) + "\n"


def _format_markdown(report: DiffReport, lang: Literal["zh", "en"] = "zh", *, codes: bool = True) -> str:
    """The report in Markdown; without ``codes`` (a release's output), in words alone: no change code, no slug."""
    name = _side_name(report.new, lang)
    lines = [say("diff-heading", lang, name=name, version=report.new["version"], id=report.new["id"]), ""]
    if not report.changes:
        return "\n".join([*lines, say("no-changes", lang), ""])
    bump = _bump(report.suggested_bump, codes=codes)
    lines.append(say("diff-bump" if codes else "diff-bump-words", lang, bump=bump, old=report.old["version"]))
    if (line := _version_line(report, lang)) is not None:
        lines.append(f"\n> {line}")
    audience, *children = _audience_lines(report, lang)  # who is affected, the layers below named, as in text
    lines += ["", audience]
    if children:
        lines += ["", *(f"- {line.strip()}" for line in children)]
    for level in LEVEL_WORDS:
        changes = [c for c in report.changes if c.level == level]
        if changes:
            word = Both(say(f"change-level-{level}", "zh"), "")
            heading = (
                say("diff-level-heading", lang, word=word, level=level) if codes else say(f"change-level-{level}", lang)
            )
            lines += ["", "### " + heading, ""]
            for change in changes:
                said = change.describe(lang).split("] ", 1)[1] if codes else change.describe(lang, codes=False)
                lines.append(f"- `{change.code}` {said}" if codes else f"- {said}")
                if change.detail:
                    lines.append(f"  - {change.detail}")
                if change.code.endswith("-removed") and (note := report.renumbering(change.item, lang)) is not None:
                    lines.append(f"  - {note}")
    accepted = [c for c in report.changes if c.accepted is not None]
    if accepted:
        lines += ["", "### " + say("diff-accepted-heading", lang), ""]
        colon = "：" if lang == "zh" else ": "
        lines.extend(
            f"- `{c.code}` {c.item}{colon}{c.accepted}" if codes else f"- {c.label or c.item}{colon}{c.accepted}"
            for c in accepted
        )
    return "\n".join(lines) + "\n"


#: The columns of ``--format csv``, in order; each is titled by the catalog's ``diff-csv-<column>``.
_CSV_COLUMNS = (
    "action",
    "level",
    "code",
    "resource",
    "id",
    "name",
    "field",
    "old",
    "new",
    "layer",
    "accepted",
    "meaning",
)


def _csv_place(change: Change, lang: Literal["zh", "en"]) -> tuple[str, str]:
    """The change's table and field as ``lang`` reads them: in Chinese the workbook's sheet and column titles.

    In English, the package's own names (``duties``, ``max_count``), as before.
    """
    if lang == "en":
        return change.resource, change.field or ""
    from villagecat.format.registry import fields_of  # noqa: PLC0415
    from villagecat.models import Layer  # noqa: PLC0415
    from villagecat.package import RESOURCE_TITLES, RESOURCES  # noqa: PLC0415
    from villagecat.workbook import LAYER_SHEET  # noqa: PLC0415

    kind = kind_by_resource(change.resource)
    model = RESOURCES.get(change.resource, Layer if change.resource == "layer" else kind.model if kind else None)
    sheet = LAYER_SHEET if change.resource == "layer" else RESOURCE_TITLES.get(change.resource, change.resource)
    titles = {spec.name: spec.title_zh for spec in fields_of(model)} if model is not None else {}
    return sheet, titles.get(change.field, change.field) if change.field else ""


#: How the code of an item or row added ends: ``-added``, as advice or of unstated force (``-added-advised``), or a
#: restating row (``-restated``).
_ADDED_ENDINGS = ("-added", *(f"-added-{strength}" for strength in get_args(Unbound)), "-restated")


def _format_csv(report: DiffReport, lang: Literal["zh", "en"] = "zh") -> str:
    """One row per change, for a spreadsheet: the item's name beside its id, values as a reader writes them.

    In Chinese the columns are titled in Chinese (变更、级别、变更代码、表、标识、名称、字段、原值、新值、
    变更层、接受理由、说明), the kind of change and its level are words (新增、破坏性), and the table and
    field are the workbook's sheet and column titles (工作事务, 数量上限); the code stays the code.
    In English, as the package names them (``added``, ``breaking``, ``duties``, ``max_count``).
    An added or removed item's row shows the item itself, field by field (名称：…；类型：…), in
    ``new`` or ``old``. The last column, 说明, says what the change does as the report rates it: whom it
    tightens or relaxes (对未写明的承办者收紧：新增或加严义务), else its code's meaning. Every cell is
    neutralised, so a spreadsheet never runs one as a formula.
    """
    import csv  # noqa: PLC0415
    import io  # noqa: PLC0415

    from villagecat._columns import neutralise  # noqa: PLC0415

    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([say(f"diff-csv-{column}", lang) for column in _CSV_COLUMNS])
    for change in report.changes:
        action = (  # a refused operation withdrawn is its row removed; an item added as advice is added too
            "added"
            if change.code.endswith(_ADDED_ENDINGS)
            else "removed"
            if change.code.endswith(("-removed", "-withdrawn"))
            else "changed"
        )
        old, new = (
            _show(change.old, lang, change.field, change.resource),
            _show(change.new, lang, change.field, change.resource),
        )
        resource, field_title = _csv_place(change, lang)
        row = [
            say(f"diff-csv-{action}", lang),
            say(f"change-level-{change.level}", lang),
            change.code,
            resource,
            change.item,
            change.label_in(lang) or str(getattr(_few(change.cited_names or change.cited_by), lang)),
            field_title,
            old,
            new,
            change.layer or "",
            change.accepted or "",
            change.meaning(lang),  # whom it tightens or relaxes (对未写明的承办者收紧), as the text says it
        ]
        writer.writerow([neutralise(cell) for cell in row])
    # A BOM, so that Excel in a Chinese locale reads UTF-8 rather than GBK.
    return "\ufeff" + buffer.getvalue()


#: The forms :func:`format_report` writes a report in.
DiffFormat = Literal["text", "markdown", "json", "csv"]
REPORT_FORMATS: tuple[DiffFormat, ...] = get_args(DiffFormat)


def format_report(
    report: DiffReport,
    fmt: DiffFormat = "text",
    *,
    colour: bool = False,
    lang: Literal["zh", "en"] = "zh",
    codes: bool = True,
) -> str:
    """Return a diff report as ``text`` (in Chinese, or English with ``lang``), ``markdown``, ``json`` or ``csv``.

    ``codes=False`` writes the Markdown in words alone (``release``'s output): each change by its item's
    name and column title and what it means, never its code (``milestone-due-put-off``) or ids.

    Raises:
        InvalidRequestError: (a ValueError) for another ``fmt``, which was written as text (``jsno``, ``JSON``).
    """
    lang = need_lang(lang)
    need(report, DiffReport, "argument-not-diff-report")
    need_format(fmt, REPORT_FORMATS)
    if fmt == "json":
        import json  # noqa: PLC0415

        return json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n"
    if fmt == "markdown":
        return _format_markdown(report, lang, codes=codes)
    if fmt == "csv":
        return _format_csv(report, lang)
    return _format_text(report, colour, lang)


def codes_markdown() -> str:
    """Return the table of every change code, its level and meaning (``docs/change-codes.md``)."""
    lines = [
        "# 变更代码 / Change codes",
        "",
        "`villagecat diff` 给出的每一项变更都有一个稳定的代码和级别。级别可用 `--levels FILE`",
        f"（YAML 或 JSON，`代码: 级别`，级别为 {_LEVELS_GIVEN.zh}）按本单位的判断覆盖。",
        "",
        "Every change `villagecat diff` reports has a stable code and a level; override levels",
        f"with `--levels FILE` (YAML or JSON mapping code to level: {_LEVELS_GIVEN.en}, or its Chinese word).",
        "Generated from",
        "`villagecat.diff.CHANGE_LEVELS`; a test fails when this page drifts.",
        "",
        "各级别的含义见[概念：变更级别](concepts.md#change-levels)。",
        "What each level means: [Concepts](concepts.md#change-levels).",
        "",
        (
            "覆盖（`override-…`）、取消（`cancellation-…`）和重申上级条目的一行（`…-restated`）没有自己的条目："
            "有上级层在手时，按它对所改动条目的改动定级（取消取两者中较重的），覆盖和取消在 JSON 的 `does` 中"
            "给出该改动的代码（如 `duty-citation-changed`）；下表中它们的级别只用于上级层不在手、改动未核对时。"
        ),
        "",
        "An override (`override-…`), a cancellation (`cancellation-…`) or a row restating an inherited item",
        "(`…-restated`) holds no item of its own: with the parents at hand it is rated by what it does to its",
        "target (a cancellation by the graver of the two), and an override's or a cancellation's `does` in JSON",
        "is that change's code (`duty-citation-changed`); their levels below apply only where the parents are not",
        "at hand.",
        "",
        "| 代码 code | 级别 level | 含义 meaning |",
        "|---|---|---|",
    ]
    lines.extend(
        f"| `{code}` | {LEVEL_WORDS[level][0]} `{level}` | {text} |"
        for code, (level, text) in sorted(CHANGE_LEVELS.items())
    )
    return "\n".join(lines) + "\n"
