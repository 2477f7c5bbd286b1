"""Merge rules as typed values, and the one definition of tightening.

A field may carry one rule; an item kind carries :class:`ItemRules`. Merge enforces
them, validation reports their breaches, diff and impact classify changes with them:
all through :func:`effect`, so "tightens" means the same thing everywhere.

- :class:`IncreaseOnly`: a minimum (areas, shares) or a position along an ``order``
  (a certificate's status) may only rise.
- :class:`DecreaseOnly`: a maximum (plaque sizes, sign counts) may only fall.
- :class:`EarlierOnly`: a deadline may only come earlier.
- :class:`Sticky`: once a field holds one of ``values`` (a prohibited duty, a mandatory
  sign), it never changes.
- :class:`GrowOnly`: a list (required function areas) never loses an entry.
- :class:`Qualifier`: a rule's condition or exceptions, which narrow where it holds: a lower
  layer may not give one to a requirement that had none (it may to a permission).
- :class:`Replaceable`: a list a lower layer may ``set`` as a whole.

"Tightens" is always said from the villages' side: a change that gives villages a new
or stricter obligation (or forbids more) tightens; one that relieves them loosens.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from enum import Enum
from typing import TYPE_CHECKING, Any, ClassVar

from villagecat._i18n import Both, pair, say

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = [
    "DecreaseOnly",
    "EarlierOnly",
    "Effect",
    "FieldRule",
    "Fixed",
    "Frozen",
    "Graded",
    "GrowOnly",
    "IncreaseOnly",
    "ItemRules",
    "KeepEntries",
    "Qualifier",
    "Replaceable",
    "Sticky",
    "effect",
    "rule_from_json",
    "scope_effect",
    "scope_places",
]


class Effect(str, Enum):
    """What a change does to the villages' obligations."""

    TIGHTENS = "tightens"
    LOOSENS = "loosens"
    NEUTRAL = "neutral"

    @property
    def label_zh(self) -> str:
        """The Chinese word for the effect."""
        return say(f"effect-word-{self.value}", "zh")


@dataclass(frozen=True)
class FieldRule:
    """A merge rule on one field. Subclasses say which way a value may move."""

    #: The rule's name in ``x-merge`` and in conflicts.
    name: ClassVar[str] = ""
    #: Whether a lower layer may ``set`` a list field as a whole.
    replaceable: ClassVar[bool] = False

    def effect(self, old: Any, new: Any) -> Effect:  # noqa: ANN401, ARG002 - any field value; no direction here
        """Return what moving from ``old`` to ``new`` does to the villages' obligations."""
        return Effect.NEUTRAL

    def allows(self, old: Any, new: Any) -> bool:  # noqa: ANN401 - any field value
        """Whether a lower layer may move the field from ``old`` to ``new``: never by loosening."""
        return self.effect(old, new) is not Effect.LOOSENS

    def to_json(self) -> dict[str, Any]:
        """Return the rule as published in the schemas' ``x-merge``."""
        return {"rule": self.name}

    def explain(self) -> tuple[str, str]:
        """Return the rule in words, Chinese and English."""
        return ("", "")

    def for_item(self, item: Any) -> FieldRule:  # noqa: ANN401, ARG002 - an item of any kind
        """The rule as it holds on ``item`` (most rules hold alike on every item)."""
        return self

    #: Whether two different values may say the same (a date to the month and its last day).
    rewordable: ClassVar[bool] = False

    def same(self, old: Any, new: Any) -> bool:  # noqa: ANN401 - any field value
        """Whether ``old`` and ``new`` say the same, as the rule reads them."""
        return bool(old == new)


def _number(value: Any) -> float | None:  # noqa: ANN401 - any field value
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int | float) and not (isinstance(value, float) and math.isnan(value)):
        return float(value)
    return None


def _ranked(before: float | None, after: float | None) -> Effect:
    """The effect of moving along a ranking where higher binds harder: giving a rank tightens, dropping one loosens."""
    if before == after:
        return Effect.NEUTRAL
    if before is None:
        return Effect.TIGHTENS
    if after is None:
        return Effect.LOOSENS
    return Effect.TIGHTENS if after > before else Effect.LOOSENS


def _slug(value: Any) -> Any:  # noqa: ANN401 - vocab members compare by their slug
    raw = getattr(value, "value", value)
    return raw if isinstance(raw, str | bool | int | float) or raw is None else value


@dataclass(frozen=True)
class IncreaseOnly(FieldRule):
    """A minimum, or a position along ``order``, that a lower layer may only raise.

    Setting a value where there was none adds an obligation (tightens); clearing one
    removes it (loosens).
    """

    name: ClassVar[str] = "increase_only"
    order: tuple[str, ...] | None = None

    def _rank(self, value: Any) -> float | None:  # noqa: ANN401
        if self.order is not None:
            slug = _slug(value)
            return float(self.order.index(slug)) if slug in self.order else None
        return _number(value)

    def effect(self, old: Any, new: Any) -> Effect:  # noqa: ANN401
        """Higher (or later in ``order``) tightens; lower loosens."""
        return _ranked(self._rank(old), self._rank(new))

    def to_json(self) -> dict[str, Any]:
        """``{"rule": "increase_only"}``, with ``order`` where there is one."""
        data: dict[str, Any] = {"rule": self.name}
        if self.order is not None:
            data["order"] = list(self.order)
        return data

    def explain(self) -> tuple[str, str]:
        """Only rises."""
        if self.order is not None:
            chain = " → ".join(self.order)
            return pair("rule-explain-order", chain=chain)
        return pair("rule-explain-increase")


@dataclass(frozen=True)
class DecreaseOnly(FieldRule):
    """A maximum that a lower layer may only lower."""

    name: ClassVar[str] = "decrease_only"

    def effect(self, old: Any, new: Any) -> Effect:  # noqa: ANN401
        """Lower tightens; higher, or no limit where there was one, loosens."""
        before, after = _number(old), _number(new)
        return _ranked(None if before is None else -before, None if after is None else -after)

    def explain(self) -> tuple[str, str]:
        """Only falls."""
        return pair("rule-explain-decrease")


def _last_day(value: Any) -> float | None:  # noqa: ANN401 - any field value
    """The last day a date given to the year, month or day denotes (2023-05 is 2023-05-31), as an ordinal."""
    import calendar  # noqa: PLC0415 - keep import light
    import datetime as dt  # noqa: PLC0415

    if not isinstance(value, str):
        return None
    try:
        year, month, day = ([*map(int, value.split("-")), 0, 0])[:3]
        month = month or 12
        found = dt.date(year, month, day or calendar.monthrange(year, month)[1])
    except ValueError:
        return None
    return float(found.toordinal())


@dataclass(frozen=True)
class EarlierOnly(FieldRule):
    """A deadline that a lower layer may only bring forward, never put off.

    A date given to the month or the year is due by its last day: 2023-05 is later than
    2023-05-20 and the same as 2023-05-31.
    """

    name: ClassVar[str] = "earlier_only"
    rewordable: ClassVar[bool] = True

    def same(self, old: Any, new: Any) -> bool:  # noqa: ANN401
        """The same deadline however written: 2023-05 and 2023-05-31, 2023 and 2023-12-31."""
        return old == new or (_last_day(old) is not None and _last_day(old) == _last_day(new))

    def effect(self, old: Any, new: Any) -> Effect:  # noqa: ANN401
        """Earlier tightens; later loosens."""
        before, after = _last_day(old), _last_day(new)
        return _ranked(None if before is None else -before, None if after is None else -after)

    def explain(self) -> tuple[str, str]:
        """Only comes earlier."""
        return pair("rule-explain-earlier")


@dataclass(frozen=True)
class Sticky(FieldRule):
    """Once the field holds one of ``values``, it never changes (a modality's grades are :class:`Graded`)."""

    name: ClassVar[str] = "sticky"
    values: tuple[Any, ...] = ()

    def holds(self, value: Any) -> bool:  # noqa: ANN401
        """Whether ``value`` is one of the sticky values."""
        return _slug(value) in self.values

    def effect(self, old: Any, new: Any) -> Effect:  # noqa: ANN401
        """Leaving a sticky value loosens; taking one tightens."""
        if _slug(old) == _slug(new):
            return Effect.NEUTRAL
        if self.holds(old):
            return Effect.LOOSENS
        if self.holds(new):
            return Effect.TIGHTENS
        return Effect.NEUTRAL

    def to_json(self) -> dict[str, Any]:
        """``{"rule": "sticky", "values": [...]}``."""
        return {"rule": self.name, "values": list(self.values)}

    def explain(self) -> tuple[str, str]:
        """Never leaves its sticky values."""
        from villagecat._shown import shown  # noqa: PLC0415 - a value as a reader reads it (是, not True)

        return pair(
            "rule-explain-sticky",
            values=Both("、".join(shown(v, "zh") for v in self.values), ", ".join(shown(v, "en") for v in self.values)),
        )


def _entries(value: Any) -> set[Any]:  # noqa: ANN401
    if value is None:
        return set()
    if isinstance(value, list | tuple | set | frozenset):
        return {_slug(v) for v in value}
    return {_slug(value)}


@dataclass(frozen=True)
class GrowOnly(FieldRule):
    """A list of requirements that never loses an entry."""

    name: ClassVar[str] = "grow_only"

    def effect(self, old: Any, new: Any) -> Effect:  # noqa: ANN401
        """Losing any entry loosens; gaining entries only tightens."""
        before, after = _entries(old), _entries(new)
        if before - after:
            return Effect.LOOSENS
        if after - before:
            return Effect.TIGHTENS
        return Effect.NEUTRAL

    def explain(self) -> tuple[str, str]:
        """Only grows."""
        return pair("rule-grow_only")


@dataclass(frozen=True)
class Graded(FieldRule):
    """How strongly a rule binds: a lower layer may make it bind harder, never softer.

    ``grades`` ranks each value (``may`` below ``should`` and ``mainly``, which advise alike,
    below ``must``); ``empty`` is what an empty field ranks as: a value's grade (an obligation's
    empty modality ranks as ``should``), or a grade of its own. A facility's or a sign's empty
    modality is a source that does not say how strongly its rule binds: it does not bind (a check
    reports its miss as a 提示 that says so), yet nothing says it only advises, so it ranks
    between ``should`` and ``must``: a lower layer may make it ``must`` (tightens), never ``should``
    or ``may``. should → may loosens as must → should does. A lower layer's own empty cell leaves
    the field unsaid (it merges nothing), so it never loosens an inherited ``must``.
    """

    name: ClassVar[str] = "graded"
    grades: tuple[tuple[str, int], ...] = ()
    empty: str | int | None = None
    #: The fields whose requirement this modality grades (a size, an orientation); where none of
    #: them is given, an empty modality grades nothing, and giving one adds a rule (tightens).
    governs: tuple[str, ...] = ()

    def in_force(self, item: Any) -> bool:  # noqa: ANN401 - an item of any kind
        """Whether the requirement this modality grades is given on ``item`` (always, if it governs no field)."""
        return not self.governs or any(getattr(item, name, None) not in (None, ()) for name in self.governs)

    def grade(self, value: Any) -> int | None:  # noqa: ANN401
        """The grade of ``value`` (an empty one as what it ranks as), or None."""
        if value is None and isinstance(self.empty, int):
            return self.empty
        slug = _slug(self.empty if value is None else value)
        return dict(self.grades).get(slug) if isinstance(slug, str) else None

    def binds(self, value: Any) -> bool:  # noqa: ANN401
        """Whether ``value`` is of the highest grade: a rule that binds."""
        found = self.grade(value)
        return found is not None and found == max(g for _, g in self.grades)

    def advises(self, value: Any) -> bool:  # noqa: ANN401
        """Whether ``value`` is given and only advises (一般、原则上、可): a grade of its own, not the highest.

        An empty value never advises: the source's word is not known.
        """
        return value is not None and self.grade(value) is not None and not self.binds(value)

    def firm(self, value: Any) -> bool:  # noqa: ANN401
        """Whether ``value`` ranks above every grade that only advises: it binds, or (empty) the source does not say."""
        found = self.grade(value)
        top = max(g for _, g in self.grades)
        return found is not None and found > max((g for _, g in self.grades if g < top), default=-1)

    def effect(self, old: Any, new: Any) -> Effect:  # noqa: ANN401
        """A higher grade tightens, a lower one loosens; values of one grade are neutral."""
        return _ranked(self.grade(old), self.grade(new))

    def to_json(self) -> dict[str, Any]:
        """``{"rule": "graded", "grades": {...}}``, with ``"empty"`` where an empty field ranks as a value or grade."""
        found: dict[str, Any] = {"rule": self.name, "grades": dict(self.grades)}
        if self.empty is not None:
            found["empty"] = self.empty
        if self.governs:
            found["governs"] = list(self.governs)
        return found

    def explain(self) -> tuple[str, str]:
        """Only binds harder; an empty field's own grade, if it has one, in its place along the chain."""
        steps: dict[int, list[tuple[str, str]]] = {}
        for value, grade in sorted(self.grades, key=lambda pair_: pair_[1]):
            steps.setdefault(grade, []).append((value, value))
        if isinstance(self.empty, int) and self.empty not in steps:
            steps[self.empty] = [(say("graded-empty", "zh"), say("graded-empty", "en"))]
        ordered = [steps[grade] for grade in sorted(steps)]
        zh, en = (" → ".join("/".join(v[i] for v in values) for values in ordered) for i in (0, 1))
        chain = Both(zh, en)
        return pair("rule-explain-graded", chain=chain)


@dataclass(frozen=True)
class Fixed(FieldRule):
    """A value a lower layer may give where there is none, but never change or empty.

    The province sets the style of its plaques (式样) and the sense of its rules (不得 or 应当):
    a county below neither recolours a plaque nor turns a prohibition into a requirement.
    """

    name: ClassVar[str] = "fixed"

    def allows(self, old: Any, new: Any) -> bool:  # noqa: ANN401
        """Unset may be set; a set value stays."""
        return old is None or _slug(old) == _slug(new)

    def explain(self) -> tuple[str, str]:
        """Never changes once set."""
        return pair("rule-explain-fixed")


@dataclass(frozen=True)
class Frozen(FieldRule):
    """A value that says what a rule is about (what a quota counts): a lower layer may not change it, nor give one.

    A quota of "4 outside plaques" given an orientation would count only vertical ones, moved
    inside it would count inside ones: either way the parent's rule no longer holds.
    """

    name: ClassVar[str] = "frozen"

    def allows(self, old: Any, new: Any) -> bool:  # noqa: ANN401
        """Only the value it has."""
        return bool(_slug(old) == _slug(new))

    def explain(self) -> tuple[str, str]:
        """Never changes."""
        return pair("rule-explain-frozen")


@dataclass(frozen=True)
class KeepEntries(FieldRule):
    """A list whose inherited entries stay (aliases: lookups by an inherited name keep working).

    It says nothing about the villages' obligations: its changes are neutral.
    """

    name: ClassVar[str] = "keep_entries"

    def allows(self, old: Any, new: Any) -> bool:  # noqa: ANN401
        """No inherited entry may go."""
        return not (_entries(old) - _entries(new))

    def explain(self) -> tuple[str, str]:
        """Keeps its entries."""
        return pair("rule-explain-keep")


@dataclass(frozen=True)
class Replaceable(FieldRule):
    """A list that a lower layer may ``set`` as a whole; no direction is implied."""

    name: ClassVar[str] = "replaceable"
    replaceable: ClassVar[bool] = True

    def explain(self) -> tuple[str, str]:
        """May be replaced."""
        return pair("rule-explain-replaceable")


@dataclass(frozen=True)
class Qualifier(FieldRule):
    """A rule's condition (未经县级党委和政府统一部署) or exceptions (…的除外): each narrows where it holds.

    Giving one to a requirement that had none relieves whoever it binds whenever the
    qualifier is met: it loosens, and a lower layer may not. Dropping one tightens. On a
    permission (its ``of`` field one of ``permits``: 可以) the directions turn: a condition
    narrows what is allowed. A qualifier reworded (each layer quotes its own source) is a
    change whose direction words cannot tell: it is allowed, and diff reports it for review.
    """

    name: ClassVar[str] = "qualifier"
    #: The field that says whether the item requires or permits (its modality).
    of: str = "modality"
    #: The values of ``of`` that make the item a permission.
    permits: tuple[str, ...] = ("may",)
    #: Whether the item at hand is a permission (see :meth:`for_item`); not published.
    permission: bool = False

    def for_item(self, item: Any) -> Qualifier:  # noqa: ANN401 - an item of any kind
        """The rule on ``item``: turned where the item is a permission."""
        return replace(self, permission=_slug(getattr(item, self.of, None)) in self.permits)

    def effect(self, old: Any, new: Any) -> Effect:  # noqa: ANN401
        """Giving a qualifier loosens a requirement (tightens a permission); dropping one does the reverse."""
        if (old is None) == (new is None):
            return Effect.NEUTRAL
        narrowed = old is None
        return Effect.TIGHTENS if narrowed == self.permission else Effect.LOOSENS

    def to_json(self) -> dict[str, Any]:
        """``{"rule": "qualifier", "of": "modality", "permits": ["may"]}``."""
        return {"rule": self.name, "of": self.of, "permits": list(self.permits)}

    def explain(self) -> tuple[str, str]:
        """Never given where a requirement had none."""
        return pair("rule-explain-qualifier", permits="、".join(self.permits))


_RULES: dict[str, type[FieldRule]] = {
    rule.name: rule
    for rule in (
        IncreaseOnly,
        DecreaseOnly,
        EarlierOnly,
        Sticky,
        Graded,
        Fixed,
        Frozen,
        GrowOnly,
        KeepEntries,
        Qualifier,
        Replaceable,
    )
}


def rule_from_json(data: Mapping[str, Any]) -> FieldRule:
    """Return the rule an ``x-merge`` object declares.

    Raises:
        ValueError: for a rule name that does not exist (a typo must not disable a rule).
    """
    name = data.get("rule")
    rule = _RULES.get(str(name))
    if rule is None:
        raise ValueError(f"unknown merge rule {name!r}; known: {', '.join(_RULES)}")
    if rule is IncreaseOnly and data.get("order") is not None:
        return IncreaseOnly(order=tuple(data["order"]))
    if rule is Sticky:
        return Sticky(values=tuple(data.get("values", ())))
    if rule is Graded:
        grades = sorted(dict(data.get("grades", {})).items(), key=lambda entry: (entry[1], entry[0]))
        empty = data.get("empty")
        return Graded(
            grades=tuple(grades),
            empty=empty if isinstance(empty, str | int) and not isinstance(empty, bool) else None,
            governs=tuple(data.get("governs", ())),
        )
    if rule is Qualifier:
        return Qualifier(of=str(data.get("of", "modality")), permits=tuple(data.get("permits", ("may",))))
    return rule()


#: How wide each scope is: a scope's places. ``None`` (the layer's own coverage) counts as both.
_SCOPE_PLACES = {
    "village": {"village"},
    "community": {"community"},
    "both": {"village", "community"},
    None: {"village", "community"},
}


def scope_places(value: Any, otherwise: Any = None) -> frozenset[str]:  # noqa: ANN401 - a Scope member or slug
    """The places a scope reaches (``village``, ``community``); an empty one reaches what ``otherwise`` does."""
    return frozenset(_SCOPE_PLACES.get(_slug(otherwise if value is None else value), ()))


def scope_effect(old: Any, new: Any, within: Any = None, otherwise: Any = None) -> Effect:  # noqa: ANN401 - Scope members or slugs
    """Return whether a change of an obligation's scope reaches fewer places (loosens) or more (tightens).

    ``within`` is where the layer making the change applies: a layer that covers villages only
    narrows nothing by writing 村 over an inherited 村和社区. ``otherwise`` is where an item that
    does not say its scope applies: where the layer that introduced it does (Shangdang's
    deadlines, a layer of villages, are no community's; writing 村 narrows nothing).
    """
    reach = scope_places(within)
    before, after = scope_places(old, otherwise) & reach, scope_places(new, otherwise) & reach
    if before == after:
        return Effect.NEUTRAL
    if before - after:
        return Effect.LOOSENS
    return Effect.TIGHTENS


@dataclass(frozen=True)
class ItemRules:
    """Rules on an item kind as a whole.

    Attributes:
        sticky_when: Field values that make an item a red line (``{"duty_kind":
            ("prohibited",)}``). A red line cannot be cancelled, renamed away, narrowed in
            scope, or loosened through any field, by any combination of operations.
        always_sticky: Every item of the kind is kept as it is (documents): it cannot be
            cancelled.
        cancel_forbidden: Items of this kind can never be cancelled (facility standards,
            sign quotas, documents), red line or not.
        identity_fields: The fields whose normalised text identifies an item across
            layers (its name and aliases): a new item matching an inherited one must say
            that it restates it.
        binding: Every item of the kind binds whatever its fields (a deadline): it keeps
            every place it reaches, as a rule whose modality binds does.
    """

    sticky_when: Mapping[str, tuple[Any, ...]] = field(default_factory=dict)
    cancel_forbidden: bool = False
    identity_fields: tuple[str, ...] = ("name", "aliases")
    binding: bool = False

    def is_red_line(self, values: Mapping[str, Any]) -> bool:
        """Whether an item with these field values is a red line."""
        return any(_slug(values.get(name)) in sticky for name, sticky in self.sticky_when.items())

    def may_cancel(self, values: Mapping[str, Any]) -> bool:
        """Whether a lower layer may cancel an item with these values."""
        return not self.cancel_forbidden and not self.is_red_line(values)

    def to_json(self) -> dict[str, Any]:
        """Return the item rules as published in the schemas' ``x-merge``."""
        data: dict[str, Any] = {"key": "id", "identity": list(self.identity_fields)}
        if self.cancel_forbidden:
            data["cancel"] = "forbidden"
        if self.sticky_when:
            data["red_line_when"] = {k: list(v) for k, v in self.sticky_when.items()}
        if self.binding:
            data["binding"] = True
        return data


def effect(rule: FieldRule | None, old: Any, new: Any) -> Effect:  # noqa: ANN401
    """Return what a change of a field under ``rule`` does to the villages' obligations.

    Fields without a rule change neutrally.
    """
    return Effect.NEUTRAL if rule is None else rule.effect(old, new)
