"""Merging layers into a jurisdiction's effective catalog, with provenance and conflicts.

The rules, declared in the schemas as ``x-merge`` and enforced here:

- Items are matched by id. A lower layer adds items in its own namespace, changes
  fields of inherited items only through ``overrides``, and removes inherited items
  only through ``cancellations`` (each with reason and citation).
- List fields merge by value (``add``/``remove``); a whole list is replaced by
  ``set`` only where the field declares ``"replace": true``.
- Directions: ``increase_only`` fields (minimum areas and shares; certificate status
  along its order) may only rise, ``decrease_only`` fields (maximum plaque sizes,
  sign counts) only fall, ``sticky`` values (a prohibited duty, a mandatory sign)
  never change, ``grow_only`` lists never lose an entry, and items whose schema
  forbids it are never cancelled. A loosening is a :class:`Conflict`, and the
  inherited value stays: there is no silent winner.
- Every field of every effective item records each :class:`Step` that set it:
  which layer (id and version), what it did, the value, and the citations. A value
  set explicitly to what it already was is a ``restated`` step, so "inherited" and
  "explicitly set to the same value" stay distinguishable.
"""

from __future__ import annotations

import copy
import dataclasses
import functools
from collections import Counter
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Generic, Literal, NoReturn, TypeVar, cast, overload

from pydantic import BaseModel, TypeAdapter, ValidationError
from typing_extensions import TypeVar as DefaultedTypeVar

from villagecat._arguments import need, need_items, need_lang, need_member, need_resource, need_scope
from villagecat._budget import exceeded, limit
from villagecat._columns import Column, columns, unknown_field
from villagecat._fields import field_annotation, value_config
from villagecat._i18n import MESSAGES, Both, pair, say
from villagecat._messages import first_message
from villagecat._names import looked_up, normalise_name
from villagecat._shown import shown
from villagecat.errors import ArgumentTypeError, InvalidRequestError, LayerChainError, UnknownItemError
from villagecat.format.registry import Kind, fields_of, kind_of_id, kind_of_model, kinds
from villagecat.format.rules import Effect, Graded, IncreaseOnly, ItemRules, Qualifier, scope_effect
from villagecat.models import (
    Cancellation,
    Certificate,
    Citation,
    Document,
    Duty,
    FacilityStandard,
    Mechanism,
    MergeOp,
    Milestone,
    Obligation,
    Override,
    Scope,
    Sign,
    SignQuota,
)
from villagecat.models._base import Vocab, copy_unchecked
from villagecat.package import ITEM_RESOURCES, RESOURCES, LayerPackage

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping, Sequence

    from villagecat.models import Layer

__all__ = ["Cancelled", "Conflict", "EffectiveCatalog", "EffectiveItem", "MergeCache", "Step", "merge"]

_M = TypeVar("_M", bound=BaseModel)
#: The model of an :class:`EffectiveItem`: ``EffectiveItem[Sign]``; a bare ``EffectiveItem`` is of any kind.
_Item_co = DefaultedTypeVar("_Item_co", bound=BaseModel, default=BaseModel, covariant=True)
Action = Literal["introduced", "default", "set", "restated", "added", "removed"]


@dataclass(frozen=True)
class Step:
    """One layer's part in a field's value.

    Attributes:
        layer: The layer's id.
        version: The layer's version.
        action: ``introduced`` (the item's own row gave it), ``default`` (the row left
            it empty), ``set``, ``restated`` (set to the value it already had),
            ``added`` or ``removed`` (list entries).
        value: The field's value after this step.
        citations: What backs the step: the item's citations, or the override's.
        operation: The override's id, for steps made by an override.
        renamed_from: The id the operation's row names, where the layer above renumbered the item: one of the
            earlier ids it lists (``replaces``); the row holds this id, not the item's (as
            :attr:`Conflict.renamed_from`).
    """

    layer: str
    version: str
    action: Action
    value: object
    citations: tuple[Citation, ...] = ()
    operation: str | None = None
    renamed_from: str = ""

    def to_dict(self) -> dict[str, Any]:
        """Return the step as a JSON-ready dict."""
        return {
            "layer": self.layer,
            "version": self.version,
            "action": self.action,
            "value": _jsonable(self.value),
            "citations": [c.model_dump(mode="json", exclude_none=True) for c in self.citations],
            "operation": self.operation,
        }


@dataclass(frozen=True)
class Conflict:
    """A lower layer's operation that breaks a merge rule; the inherited value stays.

    Attributes:
        layer: The id of the layer whose operation conflicts.
        version: That layer's version.
        item: The inherited item's id.
        field: The field, or None for the item as a whole.
        rule: The rule broken: ``increase_only``, ``decrease_only``, ``sticky``,
            ``grow_only``, ``cancel_forbidden``, ``list_replace``, ``unknown_target``,
            ``unknown_field``, ``invalid_value``, ``own_item``, ``parent_version``,
            ``chain_order``.
        inherited: The value the item had.
        attempted: The value the operation asked for.
        citations: The operation's citations.
        inherited_citations: The citations behind the inherited value.
        operation: The id of the override or cancellation, if any.
        detail: A short explanation in English.
        detail_zh: The explanation in Chinese, as ``detail`` is in English: the conflict's own words
            where the rule's would not tell a clerk what to fix (an add on a single text, an empty
            required value, a field the kind does not have), else its rule's (该字段只能提高，不能降低).
            A conflict given its own words says everything itself, the values included, in both
            languages: ``describe`` prints them, and ``detail``, in place of the rule and values.
        name: The inherited item's name, where it is known: ``describe`` names the item by it too; for a
            conflict of a layer as a whole (``chain_order``, ``parent_version``), the layer's name.
        renamed_from: The id the operation's row named, where the layer above renumbered the item (one of the
            earlier ids it lists in ``replaces``): ``describe`` names it beside the item's, the id the clerk finds in
            the row.
    """

    layer: str
    version: str
    item: str
    field: str | None
    rule: str
    inherited: object = None
    attempted: object = None
    citations: tuple[Citation, ...] = ()
    inherited_citations: tuple[Citation, ...] = ()
    operation: str | None = None
    detail: str = ""
    detail_zh: str = ""
    name: str = ""
    renamed_from: str = ""

    def __post_init__(self) -> None:
        """Hold list values as tuples (a conflict is shared by every result a cached merge returns); word it in Chinese.

        ``detail_zh`` left empty is the rule's label, so Python reads what JSON prints; given (and not that
        label, as ``dataclasses.replace`` passes it back), they are the conflict's own words (:attr:`_own_words`).
        """
        for name in ("inherited", "attempted"):
            value = getattr(self, name)
            if isinstance(value, list):
                object.__setattr__(self, name, tuple(value))
        if not self.detail_zh:
            object.__setattr__(self, "detail_zh", self._rule_words)

    @property
    def _rule_words(self) -> str:
        return say(f"rule-{self.rule}", "zh") if f"rule-{self.rule}" in MESSAGES else self.rule

    @property
    def _own_words(self) -> bool:
        """Whether :attr:`detail_zh` is the conflict's own words (values included), not its rule's label."""
        return self.detail_zh != self._rule_words

    @property
    def label_zh(self) -> str:
        """The Chinese words the conflict is described with: its own (:attr:`detail_zh`), or its rule's label.

        JSON carries them as ``detail_zh`` beside the English ``detail``: 该字段只能降低，不能提高
        where ``detail`` says ``may only fall``.
        """
        return self.detail_zh

    def describe(self, lang: Literal["zh", "en"] = "zh", *, place: Both | None = None) -> str:
        """Return one line naming layer, item and name, field (by its Chinese title in Chinese), rule, what to do.

        ``place`` is the layer as a clerk knows it (南关区（220102）, Nanguan (220102)), where the caller knows its
        name: the version follows it (南关区（220102）0.1.0 版); else the layer is its id (220102（0.1.0）).
        """
        lang = need_lang(lang)
        whole = self.rule in _LAYER_RULES  # the layer as a whole, not an item of it: its words say everything
        if place is not None:
            layer = say("conflict-layer-placed", lang, place=place, version=self.version)
        else:
            known: object = self.layer
            if whole and self.name:  # a layer rule's name is the layer's
                known = Both(*pair("layer-named", id=self.layer, name=self.name))
            layer = say("conflict-layer-version", lang, layer=known, version=self.version)
        if whole:
            rule = Both(self.label_zh, f"{self.rule}: {self.detail}")
            return say("merge-conflict-layer", lang, layer=layer, rule=rule)
        name = Both(self.name, self.name)
        if self.renamed_from:  # the id in the row, which the layer above renumbered
            zh, en = pair("conflict-renamed-from", old=self.renamed_from)
            name = Both(f"{self.name}，{zh}", f"{self.name}, {en}") if self.name else Both(zh, en)
        item: object = Both(*pair("item-named", item=self.item, name=name)) if name.zh else self.item
        target = f"{self.item}.{self.field}" if self.field else item
        kind = kind_of_id(self.item) if self.field else None
        spec = kind.field(self.field) if kind is not None and self.field else None
        key, named = "merge-conflict", {}
        if spec is not None:  # the field by its title in Chinese, by its name in English
            key, target, named = "merge-conflict-field", item, {"field": Both(spec.title_zh, spec.name)}
        values, label = "", self.label_zh
        if not self._own_words:  # its own words say everything, the values included; a rule's label does not
            if self.field:
                inherited, attempted = shown(self.inherited, lang), shown(self.attempted, lang)
                values = say("conflict-values", lang, inherited=inherited, attempted=attempted)
            elif self.inherited is not None:
                values = say("conflict-inherited-item", lang, inherited=shown(self.inherited, lang))
        line = say(
            key,
            lang,
            **named,
            layer=layer,
            target=target,
            rule=Both(label, self.rule),
            detail=self.detail,
            values=values,
        )
        if name.zh and lang == "zh":  # the name's closing bracket needs no space before the Chinese after it
            line = line.replace(f"（{name.zh}） ", f"（{name.zh}）", 1)
        return line + self._fix(lang)

    def _fix(self, lang: Literal["zh", "en"]) -> str:
        """What to do, in the words of the row the operation is on: change the value, or delete the row."""
        kind = kind_of_id(self.operation) if self.operation else None
        row = kind.resource if kind is not None and kind.resource in ("overrides", "cancellations") else "restated"
        remedy = say(f"conflict-remedy-{row}", lang)
        by_order = self.rule in _BY_VALUE and (self._own_words or self.inherited is None)  # no bound to name
        fix = _FIXES.get("order" if by_order else self.rule)
        if fix is None or (row == "restated" and self.rule in ("cancel_forbidden", "own_item")):
            return ""
        return say(fix, lang, inherited=shown(self.inherited, lang), remedy=remedy)

    def to_dict(self) -> dict[str, Any]:
        """Return the conflict as a JSON-ready dict."""
        return {
            "layer": self.layer,
            "version": self.version,
            "item": self.item,
            "field": self.field,
            "rule": self.rule,
            "inherited": _jsonable(self.inherited),
            "attempted": _jsonable(self.attempted),
            "citations": [c.model_dump(mode="json", exclude_none=True) for c in self.citations],
            "inherited_citations": [c.model_dump(mode="json", exclude_none=True) for c in self.inherited_citations],
            "operation": self.operation,
            "detail": self.detail,
            "detail_zh": self.label_zh,
            "message_zh": self.describe("zh"),  # the whole line, values and what to do, as the text report says it
            "message_en": self.describe("en"),
        }


#: The words saying what to do about a conflict, by its rule; a rule not here says it in its own words (set_twice).
_FIXES = {
    "increase_only": "conflict-fix-raise",
    "decrease_only": "conflict-fix-lower",
    "earlier_only": "conflict-fix-earlier",
    "graded": "conflict-fix-graded",
    "order": "conflict-fix-drop",  # a move against an order (a certificate's status): its own words name the order
    "sticky": "conflict-fix-drop",
    "fixed": "conflict-fix-drop",
    "frozen": "conflict-fix-drop",
    "grow_only": "conflict-fix-drop",
    "keep_entries": "conflict-fix-drop",
    "red_line_scope": "conflict-fix-drop",
    "qualifier": "conflict-fix-drop",
    "cancel_forbidden": "conflict-fix-drop",
    "own_item": "conflict-fix-own-item",
    "unknown_target": "conflict-fix-unknown-target",
    "list_replace": "conflict-fix-list-replace",
}
#: The rules broken by a layer as a whole (its place in the chain, its parent's version), not by an item of it.
_LAYER_RULES = frozenset({"chain_order", "parent_version"})
#: The rules whose fix names a bound (not lower than 30); said along an order instead where the conflict has its words.
_BY_VALUE = frozenset({"increase_only", "decrease_only", "earlier_only", "graded"})


def _jsonable(value: Any) -> Any:  # noqa: ANN401 - any field value
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json", exclude_none=True)
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if hasattr(value, "value") and isinstance(getattr(value, "value", None), str):
        return value.value
    return value


#: The history of an item no layer below changed: one read-only empty mapping, shared (a merge copies before a step).
_NO_CHANGES: Mapping[str, tuple[Step, ...]] = MappingProxyType({})


@dataclass(frozen=True)
class EffectiveItem(Generic[_Item_co]):
    """An item of the effective catalog and the history of each of its fields.

    The item's own row is kept as it was introduced; only the steps that operations of
    lower layers made are stored. :attr:`provenance` derives the full per-field history on
    demand, so merging a large catalog does not build a step for every field of every item.
    Like the whole effective catalog, it cannot be changed once merged.
    """

    resource: str
    item: _Item_co
    introduced_by: str
    introduced_version: str = ""
    original: _Item_co | None = None
    changes: Mapping[str, tuple[Step, ...]] = field(default_factory=lambda: _NO_CHANGES)

    @property
    def id(self) -> str:
        """The item's id."""
        return str(getattr(self.item, "id", ""))

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle its history as a plain mapping (a read-only one cannot be), read-only again when unpickled.

        A system that resolves catalogs in a process pool gets them back: ``TypeError: cannot pickle
        'mappingproxy' object`` ended every such call.
        """
        fields = (self.resource, self.item, self.introduced_by, self.introduced_version, self.original)
        return _unpickled_item, (*fields, dict(self.changes))

    def _introduced(self, name: str) -> Step:
        row = self.original if self.original is not None else self.item
        action: Action = "introduced" if _given(row, name) else "default"
        return Step(
            self.introduced_by,
            self.introduced_version,
            action,
            getattr(row, name),
            tuple(getattr(row, "citations", ())),
        )

    @property
    def provenance(self) -> Mapping[str, tuple[Step, ...]]:
        """Every field's steps, layer by layer: how it was introduced, then each change.

        Read-only, as the whole catalog is: a mapping of field name to a tuple of frozen steps (:class:`Step`)
        (``entry.provenance["orientation"][-1].layer``).
        """
        fields = type(self.item).model_fields
        return MappingProxyType({name: (self._introduced(name), *self.changes.get(name, ())) for name in fields})

    def set_by(self, name: str) -> Step | None:
        """Return the last step that set a field, or None if no layer gave it a value.

        Raises:
            UnknownItemError: if the item's kind has no field ``name`` (its fields are listed).
            InvalidRequestError: if ``name`` is empty or blank.
            ArgumentTypeError: if ``name`` is not text.
        """
        if not (isinstance(name, str) and name in type(self.item).model_fields):  # merge, diff and render ask often
            self._unknown_field(name)
        if self.changes.get(name):
            return self.changes[name][-1]
        step = self._introduced(name)
        return step if step.action != "default" else None

    def _unknown_field(self, name: object) -> NoReturn:
        """Refuse a field the item's kind does not have, naming its fields, as ``explain`` does."""
        looked_up(name, "field")
        specs = fields_of(type(self.item))
        known = Both("、".join(f"{s.title_zh}（{s.name}）" for s in specs), ", ".join(s.name for s in specs))
        raise UnknownItemError.said("no-field", item=self.id, field=name, known=known)


def _unpickled_item(  # noqa: PLR0913, PLR0917 - the fields, as pickled
    resource: str,
    item: BaseModel,
    introduced_by: str,
    introduced_version: str,
    original: BaseModel | None,
    changes: dict[str, tuple[Step, ...]],
) -> EffectiveItem:
    """An effective item as :meth:`EffectiveItem.__reduce__` pickled it, its history read-only."""
    history = MappingProxyType(changes) if changes else _NO_CHANGES
    return EffectiveItem(resource, item, introduced_by, introduced_version, original, history)


def _unpickled_catalog(  # noqa: PLR0913, PLR0917 - the fields, as pickled
    layer: Layer,
    chain: tuple[Layer, ...],
    items: dict[str, dict[str, EffectiveItem]],
    cancelled: tuple[Cancelled, ...],
    conflicts: tuple[Conflict, ...],
    renumbered: dict[str, str],
) -> EffectiveCatalog:
    """An effective catalog as :meth:`EffectiveCatalog.__reduce__` pickled it, read-only all the way down."""
    return EffectiveCatalog(
        layer=layer,
        chain=chain,
        items=MappingProxyType({name: MappingProxyType(entries) for name, entries in items.items()}),
        cancelled=cancelled,
        conflicts=conflicts,
        renumbered=MappingProxyType(renumbered),
    )


@dataclass(frozen=True)
class Cancelled:
    """An inherited item that a lower layer cancelled."""

    resource: str
    item: BaseModel
    layer: str
    version: str
    cancellation: Cancellation


def _follow(renamed: Mapping[str, str], present: Callable[[str], bool], item_id: str) -> str:
    """Where ``item_id``'s renumberings lead (A → B → C), followed only from an id no item has; a cycle stops."""
    seen = {item_id}
    while not present(item_id) and (new := renamed.get(item_id)) is not None and new not in seen:
        seen.add(new)
        item_id = new
    return item_id


@dataclass(frozen=True)
class EffectiveCatalog:
    """A jurisdiction's catalog: its layers merged, with provenance and conflicts.

    It is immutable all the way down (read-only mappings, tuples, frozen models), so no
    caller can change what a later :func:`~villagecat.resolve` returns.
    """

    layer: Layer
    chain: tuple[Layer, ...]
    items: Mapping[str, Mapping[str, EffectiveItem]]
    cancelled: tuple[Cancelled, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    #: Each id a layer renumbered (every earlier id an item lists in ``replaces``) that merge follows, and the id
    #: replacing it: a lower layer's row on the old id applies to the item that replaces it (see :meth:`followed`).
    renumbered: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle its mappings as plain ones (a read-only one cannot be), read-only again when unpickled."""
        items = {name: dict(entries) for name, entries in self.items.items()}
        fields = (self.layer, self.chain, items, self.cancelled, self.conflicts, dict(self.renumbered))
        return _unpickled_catalog, fields

    def followed(self, item_id: str) -> str:
        """The id of the item that now stands for ``item_id``, as merge reads a row that holds it.

        Itself, or where its renumberings lead (A → B → C), followed only from an id no item has.
        """
        return _follow(self.renumbered, lambda i: self.get(i) is not None, item_id)

    @overload
    def get(self, item_id: str) -> EffectiveItem | None: ...
    @overload
    def get(self, item_id: str, kind: type[_M]) -> EffectiveItem[_M] | None: ...
    def get(self, item_id: str, kind: type[BaseModel] | None = None) -> EffectiveItem | None:
        """Return an effective item by id (None if the catalog has none).

        With ``kind``, the model of an item kind (``Sign``, ``FacilityStandard``), the item is typed
        as that model (``catalog.get(id, Sign).item.orientation``): no ``isinstance`` to narrow it.

        Raises:
            InvalidRequestError: if ``item_id`` is empty, blank or not text (``None`` found nothing, silently),
                or names an item of another kind than ``kind``.
            ArgumentTypeError: if ``kind`` is no model of an item kind of the catalog.
        """
        item_id = looked_up(item_id, "item")
        wanted = None if kind is None else _catalog_kind(kind)
        for items in self.items.values():
            if item_id in items:
                found = items[item_id]
                if wanted is not None and not isinstance(found.item, wanted.model):
                    actual = kind_of_model(type(found.item))
                    raise InvalidRequestError.because(
                        "item-of-another-kind",
                        item=item_id,
                        actual=Both(actual.title_zh, actual.title_en),
                        actual_model=actual.model.__name__,
                        wanted=Both(wanted.title_zh, wanted.title_en),
                        wanted_model=wanted.model.__name__,
                    )
                return found
        return None

    def find(self, key: str, resource: str | None = None) -> list[EffectiveItem]:
        """Return the effective items ``key`` names: the one whose id it is, else each whose name or alias it is.

        Names are compared normalised, as merge identifies items across layers (traditional or
        simplified, full- or half-width, spaces ignored): a renamed item answers to its new name
        and, as an alias, to the one it inherited. An id is too: one typed in capitals or in
        full-width letters (``ｃｎ.facility…``, a Chinese input method's) names the same item. A
        name may be borne by items of several kinds; ``resource`` keeps one kind's.

        Raises:
            InvalidRequestError: if ``key`` is empty or blank, or ``resource`` is none the catalog has
                (``"dutys"``: it found nothing).
        """
        key = looked_up(key, "item")
        if resource is not None:
            need_resource(resource, ITEM_RESOURCES)
        pools = [self.items.get(resource, {})] if resource is not None else list(self.items.values())
        for items in pools:
            if key in items:
                return [items[key]]
        wanted = normalise_name(key)
        for items in pools:  # an id typed in capitals or full-width letters (ids are lower case by the format)
            if wanted in items:
                return [items[wanted]]
        return [entry for items in pools for entry in items.values() if wanted in _identity(entry.item)]

    def resource(self, name: str, scope: Scope | str | None = None) -> list[BaseModel]:
        """Return the effective items of one resource, optionally those that apply to ``scope``.

        An item that does not say whom it applies to applies where the layer that introduced it
        does: Tianjia'an's 外部标牌4个 (a layer of villages only) is no community's quota.
        ``scope`` is a :class:`Scope`, its code or its Chinese word (村, 社区).

        Raises:
            InvalidRequestError: for a resource the catalog does not have (``"dutys"``), or a scope
                that names none (``"villag"``): either would have given an empty or unfiltered list.
        """
        entries = self.items.get(need_resource(name, ITEM_RESOURCES), {}).values()
        wanted = need_scope(scope)
        if wanted is None:
            return [e.item for e in entries]
        return [e.item for e in entries if self.applies(e, wanted)]

    def applies(self, entry: EffectiveItem, scope: Scope | str) -> bool:
        """Whether an effective item applies to villages or to communities.

        Its ``applies_to`` says (``both`` applies to all); where it is empty, the coverage
        (``covers``) of the layer that introduced the item does, as :mod:`villagecat.diff` reads it.

        Raises:
            ArgumentTypeError: if ``entry`` is no item of a catalog (an id: ask ``catalog.get(id)`` first).
            InvalidRequestError: if ``scope`` is no scope.
        """
        need(entry, EffectiveItem, "argument-not-entry")  # an id is asked through catalog.get(id) first
        scope = need_member(scope, Scope)
        if getattr(entry.item, "applies_to", None) is not None:
            return applies(entry.item, scope)
        reach = next((layer.reach for layer in self.chain if layer.id == entry.introduced_by), Scope.BOTH)
        return reach in (Scope.BOTH, scope)

    def _typed(self, name: str, model: type[_M], scope: Scope | str | None) -> list[_M]:
        return [item for item in self.resource(name, scope) if isinstance(item, model)]

    def documents(self) -> list[Document]:
        """Return the documents of every layer in the chain."""
        return self._typed("documents", Document, None)

    def duties(self, scope: Scope | str | None = None) -> list[Duty]:
        """Return the effective duties, optionally those that apply to ``scope``."""
        return self._typed("duties", Duty, scope)

    def mechanisms(self, scope: Scope | str | None = None) -> list[Mechanism]:
        """Return the effective mechanisms."""
        return self._typed("mechanisms", Mechanism, scope)

    def signs(self, scope: Scope | str | None = None) -> list[Sign]:
        """Return the effective signs."""
        return self._typed("signs", Sign, scope)

    def sign_quotas(self, scope: Scope | str | None = None) -> list[SignQuota]:
        """Return the effective sign quotas."""
        return self._typed("sign_quotas", SignQuota, scope)

    def certificates(self, scope: Scope | str | None = None) -> list[Certificate]:
        """Return the effective certificate items, optionally those that apply to ``scope``.

        A certificate says nothing of whom it applies to, so it applies where the layer that
        listed it does: Shanxi's list (a layer of villages only) is no community's.
        """
        return self._typed("certificates", Certificate, scope)

    def facilities(self, scope: Scope | str | None = None) -> list[FacilityStandard]:
        """Return the effective facility standards."""
        return self._typed("facilities", FacilityStandard, scope)

    def obligations(self, scope: Scope | str | None = None) -> list[Obligation]:
        """Return the effective rules on departments (减负措施)."""
        return self._typed("obligations", Obligation, scope)

    def milestones(self, scope: Scope | str | None = None) -> list[Milestone]:
        """Return the effective deadlines, earliest first (ties in chain order)."""
        return sorted(self._typed("milestones", Milestone, scope), key=lambda m: _latest(m.due))

    def counts(self) -> dict[str, int]:
        """Return the number of effective items per resource."""
        return {name: len(items) for name, items in self.items.items()}


def _catalog_kind(model: object) -> Kind:
    """The kind of the catalog whose model ``model`` is (the format registry's), or the refusal naming them."""
    for kind in kinds():
        if kind.model is model and kind.resource in ITEM_RESOURCES:
            return kind
    known = [kind.model.__name__ for kind in kinds() if kind.resource in ITEM_RESOURCES]
    raise ArgumentTypeError.because(
        "argument-not-item-kind",
        value=getattr(model, "__name__", None) or type(model).__name__,
        known=Both("、".join(known), ", ".join(known)),
    )


def _latest(due: str) -> str:
    """A partial date as the end of its period, for ordering: 2023-05 after 2023-05-10, 2023 after 2023-12."""
    parts = due.split("-")
    return "-".join([*parts, *["99"] * (3 - len(parts))])


def applies(item: BaseModel, scope: Scope) -> bool:
    """Whether an item applies to villages or to communities by its own ``applies_to`` (``both``, unset: to all).

    An item of a catalog is better asked through :meth:`EffectiveCatalog.applies`, which reads an
    unset ``applies_to`` as the coverage of the item's layer.
    """
    value = getattr(item, "applies_to", None)
    return value in (None, Scope.BOTH, scope)


class _Merger:
    def __init__(self, layers: Sequence[LayerPackage]) -> None:
        self.layers = layers
        self.items: dict[str, dict[str, EffectiveItem]] = {name: {} for name in ITEM_RESOURCES}
        self.index: dict[str, str] = {}
        self.cancelled: list[Cancelled] = []
        #: Normalised names and aliases of the items so far, per resource: name -> item id.
        self._names: dict[str, dict[str, str]] = {}
        self.conflicts: list[Conflict] = []
        #: The entries this merger may change in place; others are shared with a fork's parent.
        self._owned: set[int] | None = None
        self._previous: LayerPackage | None = None
        #: Entries whose history this merger extended (only these need freezing in a fork).
        self._touched: list[EffectiveItem] = []
        #: The layer being fed: (item, field) -> the operation of that layer that set it, and the value it found.
        self._set_here: dict[tuple[str, str], tuple[Override, Any]] = {}
        #: Where each layer fed so far applies: the scope of an item it introduced without saying its own.
        self._reach: dict[str, Scope] = {}
        #: Renumbered ids: the old id -> the id of the item of the same kind that replaces it (``replaces``).
        self.renamed: dict[str, str] = {}
        #: In a layer merged out of its chain, how many of its operations name items of layers not merged.
        self._unchecked: int | None = None
        #: The layer being fed: its operations (by id) that named an id renumbered above, and that id.
        self._via: dict[str, str] = {}

    def fork(self, layers: Sequence[LayerPackage]) -> _Merger:
        """Return a merger that goes on from this one's state towards ``layers``, sharing what it does not change.

        Entries are copied only when an operation of a later layer changes them, so a
        province merged once serves all its counties.
        """
        other = _Merger(layers)
        other.items = {name: dict(items) for name, items in self.items.items()}
        other.index = dict(self.index)
        other.cancelled = list(self.cancelled)
        other._names = {name: dict(names) for name, names in self._names.items()}
        other.conflicts = list(self.conflicts)
        other._owned = set()
        other._previous = self._previous
        other._reach = dict(self._reach)
        other.renamed = dict(self.renamed)
        return other

    def feed(self, package: LayerPackage) -> None:
        """Merge one more layer onto the state so far."""
        start = len(self.conflicts)
        self._set_here = {}
        self._via = {}
        self._reach[package.layer.id] = package.layer.reach
        broken = self._check_chain(self._previous, package)
        self._unchecked = 0 if broken else None
        self._add_items(package)
        _bound_operations(package)
        for override in sorted(package.overrides, key=_judged_after):
            self._override(package, override)
        for cancellation in package.cancellations:
            self._cancel(package, cancellation)
        if broken and self._unchecked:  # said once, on the chain's conflict: not one unknown_target per row
            conflict = self.conflicts[start]
            zh, en = pair("detail-unchecked-operations", count=self._unchecked)
            self.conflicts[start] = dataclasses.replace(
                conflict, detail=conflict.detail + en, detail_zh=conflict.detail_zh + zh
            )
        self._unchecked = None
        self._judge_parent_range(start)
        self._previous = package

    def run(self) -> EffectiveCatalog:
        for package in self.layers:
            self.feed(package)
        return self.result()

    def freeze(self) -> None:
        """Make the histories of the entries changed so far read-only (a fork copies before changing)."""
        entries = (
            self._touched if self._owned is not None else [e for items in self.items.values() for e in items.values()]
        )
        for entry in entries:
            if isinstance(entry.changes, dict):  # an empty one too: a caller must not write a step into it
                frozen = MappingProxyType({name: tuple(steps) for name, steps in entry.changes.items()})
                object.__setattr__(entry, "changes", frozen if entry.changes else _NO_CHANGES)
        self._touched = []

    def result(self) -> EffectiveCatalog:
        """The effective catalog of the layers fed so far (the last of :attr:`layers`)."""
        last = self.layers[-1].layer
        self.freeze()
        return EffectiveCatalog(
            layer=last,
            chain=tuple(p.layer for p in self.layers),
            items=MappingProxyType({name: MappingProxyType(items) for name, items in self.items.items()}),
            cancelled=tuple(self.cancelled),
            conflicts=tuple(self.conflicts),
            renumbered=MappingProxyType(dict(self.renamed)),
        )

    def _own(self, entry: EffectiveItem) -> EffectiveItem:
        """The entry, copied first if it is shared with another merger (copy on write)."""
        if self._owned is None or id(entry) in self._owned:
            return entry
        mine = copy.copy(entry)
        object.__setattr__(mine, "changes", {name: list(steps) for name, steps in entry.changes.items()})
        self.items[entry.resource][entry.id] = mine
        self._owned.add(id(mine))
        self._touched.append(mine)  # frozen with the others, even if the operation then conflicts
        return mine

    def _judge_parent_range(self, start: int) -> None:
        """A parent version outside the declared range is a conflict only if the layer no longer fits.

        A layer's parent range records what it was written against; whether a newer parent
        breaks it is judged by merging: if the layer's own rows still merge without conflict,
        the parent's release has not stranded it, and the range mismatch is not reported.
        """
        own = self.conflicts[start:]
        mismatch = [c for c in own if c.rule == "parent_version"]
        if mismatch and len(own) == len(mismatch):
            del self.conflicts[start:]

    def _step(self, target: EffectiveItem, name: str, step: Step) -> None:
        """Record a step while merging (the changes become read-only when the merge ends).

        A step whose row names the item by an id the layer above renumbered says that id, as a conflict does.
        """
        old = self._via.get(step.operation or "")
        if old is not None and old != target.id:
            step = dataclasses.replace(step, renamed_from=old)
        if isinstance(target.changes, dict):
            changes = cast("dict[str, list[Step]]", target.changes)
        else:  # read-only from an earlier result: go on from a copy
            changes = {key: list(steps) for key, steps in target.changes.items()}
        changes.setdefault(name, []).append(step)
        object.__setattr__(target, "changes", changes)

    def _conflict(self, package: LayerPackage, item: str, field_name: str | None, rule: str, **kw: Any) -> None:  # noqa: ANN401
        entry = self.items.get(self.index.get(item, ""), {}).get(item)  # its name, that a clerk knows it by
        name = kw.pop("name", None) or (str(getattr(entry.item, "name", "") or "") if entry is not None else "")
        if kw.get("operation") in self._via and item != self._via[kw["operation"]]:
            kw["renamed_from"] = self._via[kw["operation"]]
        self.conflicts.append(
            Conflict(
                layer=package.layer.id,
                version=package.layer.version,
                item=item,
                field=field_name,
                rule=rule,
                name=name,
                **kw,
            )
        )

    def _check_chain(self, previous: LayerPackage | None, package: LayerPackage) -> bool:
        """Judge a layer's place below ``previous``: whether it is out of its chain (a ``chain_order`` conflict).

        The conflict is the layer's, named by its id and name, and names its parent and the layer it was merged
        onto the same way; a parent version out of the declared range is a ``parent_version`` conflict only.
        """
        parent = package.layer.parent
        layer = package.layer
        said: tuple[str, str] | None = None
        if previous is None:
            if parent is not None:
                said = pair("detail-first-has-parent", parent=self._layer_named(parent.id))
        elif parent is None:
            said = pair("detail-no-parent-below", previous=self._layer_named(previous.layer.id))
        elif parent.id != previous.layer.id:
            merged = any(p.layer.id == parent.id for p in self.layers)
            key = "detail-wrong-parent" if merged else "detail-missing-parent"
            said = pair(key, parent=self._layer_named(parent.id), previous=self._layer_named(previous.layer.id))
        elif not parent.admits(previous.layer.version):
            zh, en = pair(
                "detail-parent-version",
                parent=self._layer_named(parent.id),
                range=parent.version_range,
                version=previous.layer.version,
            )
            self._conflict(
                package,
                layer.id,
                "parent.version_range",
                "parent_version",
                inherited=previous.layer.version,
                attempted=parent.version_range,
                detail=en,
                detail_zh=zh,
                name=layer.name_zh,
            )
        if said is None:
            return False
        zh, en = said
        self._conflict(package, layer.id, None, "chain_order", detail=en, detail_zh=zh, name=layer.name_zh)
        return True

    def _layer_named(self, layer_id: str) -> Both:
        """A layer by its id and, where known (merged here, or shipped), its name: 220000 吉林省, 220000 Jilin."""
        found = next((p.layer for p in self.layers if p.layer.id == layer_id), None)
        if found is None:
            from villagecat.registry import shipped_registry  # noqa: PLC0415 - only for a chain out of order

            shipped = shipped_registry().get(layer_id)
            found = shipped.layer if shipped is not None else None
        if found is None:
            return Both(layer_id, layer_id)
        return Both(
            *(
                say("layer-named", lang, id=layer_id, name=name)
                for lang, name in (("zh", found.name_zh), ("en", found.name_en))
            )
        )

    def _unchecked_target(self, target: str) -> bool:
        """Whether an operation's unknown target is left unchecked: named in a layer out of its chain, not merged.

        Counted, and said once on the chain's conflict; an id of a layer that was merged is checked as ever.
        """
        if self._unchecked is None or target.partition(".")[0] in self._reach:
            return False
        self._unchecked += 1
        return True

    def _add_items(self, package: LayerPackage) -> None:
        layer = package.layer
        restating: list[tuple[str, BaseModel]] = []
        replacing: list[tuple[str, str, str]] = []  # (resource, old id, new id), once all the layer's items are in
        for resource in ITEM_RESOURCES:
            if not package.resource(resource):
                continue
            names = self._names.setdefault(resource, {})
            added: list[tuple[str, str]] = []
            here: dict[str, str] = {}  # this layer's own names so far: a second item of one name is ambiguous
            for item, identity in zip(package.resource(resource), package.identities(resource), strict=True):
                item_id = str(getattr(item, "id", ""))
                if getattr(item, "restates", None) is not None:
                    restating.append((resource, item))
                    continue
                if item_id in self.index:
                    self._conflict(package, item_id, None, "duplicate_id", detail=say("detail-duplicate-id", "en"))
                    continue
                twin = next((here[n] for n in identity if n in here), None)
                if twin is not None:
                    self._conflict(
                        package,
                        item_id,
                        None,
                        "same_name",
                        inherited=twin,
                        attempted=getattr(item, "name", None),
                        citations=tuple(getattr(item, "citations", ())),
                        detail=say("detail-same-name-here", "en", other=twin),
                        detail_zh=say("detail-same-name-here", "zh", other=twin),  # not an inherited item's name
                    )
                    continue
                same_id = next((names[n] for n in identity if n in names), None)
                same = self.items[resource].get(same_id) if same_id is not None else None
                if same is not None:
                    self._conflict(
                        package,
                        item_id,
                        None,
                        "same_name",
                        inherited=same.id,
                        attempted=getattr(item, "name", None),
                        citations=tuple(getattr(item, "citations", ())),
                        inherited_citations=tuple(getattr(same.item, "citations", ())),
                        detail=say("detail-same-name", "en", inherited=same.id),
                    )
                    continue
                entry = EffectiveItem(resource, item, layer.id, layer.version, item)
                self.items[resource][item_id] = entry
                if self._owned is not None:
                    self._owned.add(id(entry))
                self.index[item_id] = resource
                replacing.extend((resource, old, item_id) for old in getattr(item, "replaces", ()))
                added.extend((name, item_id) for name in identity)
                here.update((name, item_id) for name in identity)
            for name, item_id in added:  # a layer's own items become "inherited" for the layers below
                names.setdefault(name, item_id)
        self._rename(layer.id, replacing)
        for resource, item in restating:
            self._restate(package, resource, item)

    def _rename(self, layer_id: str, replacing: Sequence[tuple[str, str, str]]) -> None:
        """Record a layer's renumbered ids, as a diff reads ``replaces``: each old id is gone, the new item is it.

        Only the layer's own id (validation refuses another's), of the same kind, and no longer an item's
        own: an id still present names that item. An id two items replace names neither: no silent winner.
        """
        claimed = Counter(old for _, old, _ in replacing)
        for resource, old, new in replacing:
            kind = kind_of_id(old)
            if (
                old.partition(".")[0] == layer_id
                and kind is not None
                and kind.resource == resource
                and old not in self.index
                and claimed[old] == 1
            ):
                self.renamed[old] = new

    def _followed(self, item_id: str) -> str:
        """The id of the item that now stands for ``item_id``: itself, or where its renumberings lead (A → B → C).

        A rename is followed only from an id no item has (an id still present is that item's).
        """
        return _follow(self.renamed, self.index.__contains__, item_id)

    def _restate(self, package: LayerPackage, resource: str, row: BaseModel) -> None:
        """Merge a row that restates an inherited item: each field it sets, as an override would.

        The row names its item by id, or by exact name or alias (normalised); the fields it
        sets are restated (重申) where they equal the inherited values and changed (改为) where
        they differ, under the same rules as overrides; a new name keeps the old as an alias.
        """
        row_id = str(getattr(row, "id", ""))
        key = str(getattr(row, "restates", ""))
        followed = self._followed(key)  # an id its layer renumbered names the item that replaces it
        by_name = self._names.get(resource, {}).get(normalise_name(key))
        target_id = followed if self.index.get(followed) == resource else by_name
        if target_id == followed != key:
            self._via[row_id] = key
        if target_id is None or target_id not in self.items[resource] or target_id.startswith(f"{package.layer.id}."):
            if target_id is None and self._unchecked_target(key):  # a name, or an id of a layer left out
                return
            self._conflict(
                package,
                row_id,
                "restates",
                "unknown_target",
                operation=row_id,
                attempted=key,
                citations=tuple(getattr(row, "citations", ())),
                detail=say("detail-restates-unknown", "en", key=key),
            )
            return
        inherited = self.items[resource][target_id].item
        defaults = type(row).model_fields
        overridable = {c.name for c in columns(type(row)) if c.overridable}
        for name, info in defaults.items():
            if name not in overridable:
                continue
            value = getattr(row, name)
            # A value not given restates nothing (an empty cell leaves a field as inherited). A value
            # at its default is not restated either, unless the row gave it and it differs from the
            # inherited one (禁止性=是 on a 应当 rule): that is a change, judged like any other.
            if not _given(row, name) or (
                value == info.get_default(call_default_factory=True) and value == getattr(inherited, name, None)
            ):
                continue
            column = next((c for c in columns(type(row)) if c.name == name), None)
            grows = column is not None and column.is_list and (column.rule is None or not column.rule.replaceable)
            operation = Override.model_construct(
                id=row_id,
                name=f"{target_id} {name}",
                citations=tuple(getattr(row, "citations", ())),
                target=target_id,
                field=name,
                op=MergeOp.ADD if grows else MergeOp.SET,
                value=list(value) if isinstance(value, tuple) else value,
            )
            self._override(package, operation)

    def _target(self, package: LayerPackage, operation: Override | Cancellation) -> EffectiveItem | None:
        if operation.target.partition(".")[0] == package.layer.id:
            self._conflict(
                package,
                operation.target,
                None,
                "own_item",
                operation=operation.id,
                citations=tuple(operation.citations),
                detail=say("rule-own_item", "en"),
            )
            return None
        target_id = self._followed(operation.target)  # an id its layer renumbered names the item that replaces it
        resource = self.index.get(target_id)
        if resource is None or target_id not in self.items[resource]:
            if resource is None and self._unchecked_target(operation.target):
                return None
            self._conflict(
                package,
                operation.target,
                None,
                "unknown_target",
                operation=operation.id,
                citations=tuple(operation.citations),
                detail=say("rule-unknown_target", "en"),
            )
            return None
        if target_id != operation.target:
            self._via[operation.id] = operation.target
        return self._own(self.items[resource][target_id])

    def _override(self, package: LayerPackage, override: Override) -> None:
        target = self._target(package, override)
        if target is None:
            return
        model = type(target.item)
        column = next((c for c in columns(model) if c.name == override.field), None)
        cites = tuple(override.citations)
        base = {"operation": override.id, "citations": cites}
        if column is None or not column.overridable:
            zh, en = unknown_field(kind_of_model(model), override.field, override.value)
            self._conflict(
                package,
                target.id,
                override.field,
                "unknown_field",
                attempted=override.value,
                detail=en,
                detail_zh=zh,
                **base,
            )
            return
        old = getattr(target.item, column.name)
        if override.op is MergeOp.SET:  # one layer, one value per field: a second would win by row order
            first, inherited = self._set_here.setdefault((target.id, column.name), (override, old))
            if first.id != override.id:
                self._conflict(
                    package,
                    target.id,
                    column.name,
                    "set_twice",
                    inherited=inherited,
                    attempted=override.value,
                    **_set_twice(first, inherited, override),
                    **base,
                )
                return
        setter = target.set_by(column.name)
        inherited_cites = setter.citations if setter is not None else ()
        new, error = self._new_value(column, old, override)
        base["inherited_citations"] = inherited_cites
        if error is not None:
            rule, en, zh = error
            self._conflict(
                package,
                target.id,
                column.name,
                rule,
                inherited=old,
                attempted=override.value,
                detail=en,
                detail_zh=zh,
                **base,
            )
            return
        try:
            updated = _with_value(target.item, column, new, override.op.value)
        except ValidationError as exc:
            self._invalid_value(package, target.id, column.name, old, new, exc, base)
            return
        new = getattr(updated, column.name)
        # Adding list entries never loosens a list rule; only the red-line checks apply.
        growing = override.op.value == "add" and column.is_list
        graded = column.rule if isinstance(column.rule, Graded) else None
        in_force = graded is None or _inherited_in_force(target, graded, package.layer.id)
        broken = (None if growing else _direction(column, old, new, in_force=in_force, item=target.item)) or _red_line(
            target.item, column, old, new, package.layer.reach, self._reach.get(target.introduced_by)
        )
        if broken is not None:
            self._conflict(
                package,
                target.id,
                column.name,
                broken[0],
                inherited=old,
                attempted=new,
                detail=broken[1],
                detail_zh=broken[2],  # a rule's own words where its label would not say it (an order)
                **base,
            )
            return
        try:
            updated = _with_citations(updated, cites)
            if column.name == "name" and new != old:
                updated = self._keep_name_as_alias(package, target, updated, str(old), cites, override.id)
        except ValidationError as exc:  # a list grown past its bound
            self._invalid_value(package, target.id, column.name, old, new, exc, base)
            return
        action: Action = {"add": "added", "remove": "removed"}.get(override.op.value, "set")  # type: ignore[assignment]
        if action in ("set", "added") and (
            getattr(updated, column.name) == old or (column.rule is not None and column.rule.same(old, new))
        ):
            action = "restated"  # a value, or list entries, it already had (2023-05 written 2023-05-31)
        layer = package.layer
        self._step(
            target,
            column.name,
            Step(layer.id, layer.version, action, getattr(updated, column.name), cites, override.id),
        )
        if getattr(updated, "citations", None) != getattr(target.item, "citations", None):
            self._step(
                target,
                "citations",
                Step(layer.id, layer.version, "added", updated.citations, cites, override.id),  # type: ignore[attr-defined]
            )
        object.__setattr__(target, "item", updated)  # the merger builds what callers then cannot change
        self._touched.append(target)
        if column.name in _item_rules(updated).identity_fields or column.name == "name":
            names = self._names.setdefault(target.resource, {})
            for name in _identity(updated):
                names.setdefault(name, target.id)

    def _invalid_value(  # noqa: PLR0913, PLR0917 - the conflict's parts
        self,
        package: LayerPackage,
        item: str,
        field_name: str,
        old: Any,  # noqa: ANN401 - any field's value
        new: Any,  # noqa: ANN401 - any field's value
        exc: ValidationError,
        base: dict[str, Any],
    ) -> None:
        """Report an operation whose result the item's model refuses, in the model's own words."""
        _, _, en = first_message(exc)
        self._conflict(package, item, field_name, "invalid_value", inherited=old, attempted=new, detail=en, **base)

    def _keep_name_as_alias(  # noqa: PLR0913, PLR0917 - one call site; every argument has its role
        self,
        package: LayerPackage,
        target: EffectiveItem,
        updated: BaseModel,
        old_name: str,
        cites: tuple[Citation, ...],
        operation: str,
    ) -> BaseModel:
        """A renamed item keeps its inherited name as an alias, so lookups by that name still find it."""
        aliases = list(getattr(updated, "aliases", ()))
        if normalise_name(old_name) in {normalise_name(a) for a in aliases}:
            return updated
        renamed = _grown(updated, "aliases", (*aliases, old_name))
        layer = package.layer
        self._step(target, "aliases", Step(layer.id, layer.version, "added", renamed.aliases, cites, operation))  # type: ignore[attr-defined]
        return renamed

    @staticmethod
    def _new_value(
        column: Column,
        old: Any,  # noqa: ANN401 - any field's value
        override: Override,
    ) -> tuple[Any, tuple[str, str, str] | None]:
        """The field's value after ``override``, or the conflict it makes: its rule, English and Chinese words.

        The Chinese words are empty where the rule's own words say it (the values are shown beside them).
        """
        value = override.value  # already typed by the field it targets
        op = override.op.value
        if not column.is_list:
            if op != "set" or (column.required and (value is None or (isinstance(value, str) and not value.strip()))):
                zh, en = _misfit(column, old, override)
                return None, ("invalid_value", en, zh)
            return value, None
        entries = [_plain(v) for v in value] if isinstance(value, list | tuple) else []
        current = list(old or ()) if column.shape == "list" else [_plain(v) for v in (old or ())]
        if op == "set":
            if column.rule is None or not column.rule.replaceable:
                return None, ("list_replace", say("detail-list-replace", "en"), "")
            return entries, None
        if op == "add":
            present = set(current)
            return current + [e for e in dict.fromkeys(entries) if e not in present], None
        dropped = set(entries)
        return [v for v in current if v not in dropped], None

    def _cancel(self, package: LayerPackage, cancellation: Cancellation) -> None:
        target = self._target(package, cancellation)
        if target is None:
            return
        if not _item_rules(target.item).may_cancel(dict(target.item)):
            self._conflict(
                package,
                target.id,
                None,
                "cancel_forbidden",
                operation=cancellation.id,
                citations=tuple(cancellation.citations),
                inherited_citations=tuple(getattr(target.item, "citations", ())),
                detail=say("rule-cancel_forbidden", "en"),
            )
            return
        del self.items[target.resource][target.id]
        names = self._names.get(target.resource, {})
        for name in [n for n, item_id in names.items() if item_id == target.id]:
            del names[name]
        layer = package.layer
        self.cancelled.append(Cancelled(target.resource, target.item, layer.id, layer.version, cancellation))


def _both(value: Any) -> Both:  # noqa: ANN401 - any field value
    return Both(shown(value, "zh"), shown(value, "en"))


def _set_twice(first: Override, old: Any, override: Override) -> dict[str, str]:  # noqa: ANN401 - any field value
    """What to say of a second setting of one field in one layer (``detail``, ``detail_zh``): where the first is.

    The first is an override, or a restating row (an item of the layer whose 重申条目 names the
    target), which a clerk finds on its kind's sheet: its id may have been made on import.
    """
    kind = kind_of_id(first.id)
    if kind is None or kind.role == "operation":
        where = pair("set-twice-by-override", id=first.id)
    else:
        where = pair("set-twice-by-restating-row", id=first.id, sheet=Both(kind.sheet, kind.resource))
    zh, en = pair(
        "detail-set-twice",
        first=Both(*where),
        earlier=_both(first.value),
        attempted=_both(override.value),
        inherited=_both(old),
    )
    return {"detail": en, "detail_zh": zh}


def _misfit(column: Column, old: Any, override: Override) -> tuple[str, str]:  # noqa: ANN401 - any field value
    """What to say of an override that does not fit a single-valued field: add/remove, or nothing for a required one."""
    field_name = Both(column.title_zh, column.name)
    if override.op is MergeOp.SET:
        return pair("detail-required-empty", field=field_name, inherited=_both(old))
    shape = f"field-shape-{column.shape}"
    return pair(
        "detail-op-list-only",
        field=field_name,
        what=Both(*pair(shape if shape in MESSAGES else "field-shape-other")),
        op=Both(override.op.shown("zh"), override.op.shown("en")),
        set=Both(MergeOp.SET.shown("zh"), MergeOp.SET.shown("en")),
        inherited=_both(old),
        value=_both(override.value),
    )


def _plain(value: Any) -> Any:  # noqa: ANN401 - any field value
    if isinstance(value, Citation):
        return value.to_text()
    return getattr(value, "value", value) if not isinstance(value, str | int | float | bool) else value


def _item_rules(item: BaseModel) -> ItemRules:
    return kind_of_model(type(item)).rules


def _identity(item: BaseModel) -> list[str]:
    """Return the normalised names that identify an item across layers (its name and aliases)."""
    found: list[str] = []
    for name in _item_rules(item).identity_fields:
        value = getattr(item, name, None)
        texts = value if isinstance(value, list | tuple) else [value]
        found.extend(normalise_name(t) for t in texts if isinstance(t, str) and t.strip())
    return found


def _judged_after(override: Override) -> bool:
    """Apply a layer's operations on what other rules read first (a rule's modality, before its condition).

    A qualifier is judged by whether its item requires or permits: by the modality the layer
    gives it, whatever the order of its rows (a restating row sets its fields in the model's
    order, where the modality comes first too).
    """
    return override.field not in _read_by_rules()


@functools.cache
def _read_by_rules() -> frozenset[str]:
    """The fields a rule reads on the item it judges (a qualifier's ``of``): set before the fields it judges."""
    return frozenset(spec.rule.of for kind in kinds() for spec in kind.fields if isinstance(spec.rule, Qualifier))


def _given(row: BaseModel, name: str) -> bool:
    """Whether ``row`` gives field ``name`` a value: set, and not empty.

    An empty value is how a row leaves a field unsaid, in CSV (the cell is not given) and in
    JSON (it is null, or an empty list) alike: a package merges the same in either form.
    """
    return name in row.model_fields_set and getattr(row, name) not in (None, ())


def _inherited_in_force(target: EffectiveItem, rule: Graded, layer: str) -> bool:
    """Whether a layer above ``layer`` gave the requirement a modality grades (a size limit, an orientation)."""
    if not rule.governs:
        return True
    return any((step := target.set_by(name)) is not None and step.layer != layer for name in rule.governs)


def _direction(
    column: Column,
    old: Any,  # noqa: ANN401 - any field value
    new: Any,  # noqa: ANN401 - any field value
    *,
    in_force: bool = True,
    item: BaseModel | None = None,
) -> tuple[str, str, str] | None:
    """Return the rule a change breaks (by the one definition of tightening) and its words, English and Chinese.

    An empty modality of a requirement no layer above gave (a size limit the nation does not
    set) grades nothing: the layer that gives the requirement gives its modality. A rule that
    holds differently by item (a condition on a permission) is taken as it holds on ``item``.
    The Chinese words are empty where the rule's label says it (该字段只能降低，不能提高); a
    position along an order (a certificate's status) is said along its order, which 提高 is not.
    None if the change breaks no rule.
    """
    rule = column.rule if column.rule is None or item is None else column.rule.for_item(item)
    if rule is None or rule.allows(old, new):
        return None
    if isinstance(rule, Graded) and old is None and not in_force:
        return None
    if isinstance(rule, IncreaseOnly) and rule.order is not None:
        return rule.name, *_along(rule.order, old, new)
    return rule.name, rule.explain()[1], ""


def _along(order: tuple[str, ...], old: Any, new: Any) -> tuple[str, str]:  # noqa: ANN401 - any field value
    """A move against an order in its own words, the values included: English, then Chinese.

    只能沿 保留 → 取消 → 不应出具 的方向改变（上级值 不应出具（not_to_issue），本层值 保留（retained））:
    the order by its values' Chinese labels, where the values are a vocabulary's.
    """
    vocab = next((type(v) for v in (old, new) if isinstance(v, Vocab)), None)
    labels = [vocab(slug).label if vocab is not None else slug for slug in order]
    zh, en = pair(
        "conflict-order",
        chain=Both(" → ".join(labels), " → ".join(order)),
        inherited=Both(shown(old, "zh"), shown(old, "en")),
        attempted=Both(shown(new, "zh"), shown(new, "en")),
    )
    return en, zh


def _red_line(  # noqa: PLR0913, PLR0917 - the change, and the reach of the layers making and introducing it
    item: BaseModel,
    column: Column,
    old: Any,  # noqa: ANN401 - any field value
    new: Any,  # noqa: ANN401 - any field value
    within: Any = None,  # noqa: ANN401 - a Scope
    otherwise: Any = None,  # noqa: ANN401 - a Scope
) -> tuple[str, str, str] | None:
    """Return the item-level rule a change to a red-line or binding item breaks, or None.

    A red line (a prohibited duty, a certificate not to be issued, a mandatory sign), a rule
    that binds (its modality ``must``), and one whose source does not say how strongly it binds
    (a facility's or a sign's empty modality, ranked above should: Jilin's 60 % activity share)
    keep every place they reach: a lower layer may widen them, never narrow them. (A renamed
    item of any kind keeps its inherited name as an alias; aliases only grow.)
    """
    if column.name != "applies_to" or scope_effect(old, new, within, otherwise) is not Effect.LOOSENS:
        return None  # the common case, told first: the item's own rules are read only for a narrowing
    if not kind_of_model(type(item)).firm(item):
        return None
    return "red_line_scope", say("detail-red-line-scope", "en"), ""


def crowded_field(package: LayerPackage) -> tuple[str, str, int] | None:
    """The item and field a layer operates on more often than the budget allows, with the count; or None.

    A field's history holds its value after every step, so 10,000 ``add`` rows on one list
    cost 10,000 lists of up to 10,000 entries (2.7 GiB for three such lists in a 3 MB package).
    """
    if sum(len(package.resource(name)) for name in RESOURCES) <= limit("operations"):
        return None  # the common case: too few rows of any kind to cross the budget
    restating = [
        (str(restates), "restates")
        for _, item in package.iter_items()
        if (restates := getattr(item, "restates", None)) is not None
    ]  # a restating row is operations on its target, one per field it sets
    if len(package.overrides) + len(restating) <= limit("operations"):
        return None
    counts = Counter([(o.target, o.field) for o in package.overrides] + restating)
    (target, name), most = counts.most_common(1)[0]
    return (target, name, most) if most > limit("operations") else None


def _bound_operations(package: LayerPackage) -> None:
    """Refuse a layer with more operations on one field than the budget.

    Raises:
        BudgetExceededError: naming the layer, the item and the field.
    """
    crowded = crowded_field(package)
    if crowded is not None:
        target, name, most = crowded
        raise exceeded("operations", f"{package.source or package.layer.id}：{target}.{name}", most)


def _with_value(item: BaseModel, column: Column, new: Any, op: str) -> BaseModel:  # noqa: ANN401 - any field value
    """Return ``item`` with one field changed, validated.

    Adding or removing list entries whose values were already checked (an override's value
    is typed by its field when read) only rebuilds the tuple, so many such operations on one
    list stay cheap; anything else, or a model with rules across fields, is validated whole.
    """
    model = type(item)
    decorators = model.__pydantic_decorators__
    cheap = op in ("add", "remove") and not decorators.model_validators
    bound = _max_length(model, column.name)
    if cheap and column.shape == "list" and (bound is None or len(new) <= bound):
        return copy_unchecked(item, {column.name: tuple(new)})
    # A list grown past its bound is validated: the model's own rule words the conflict.
    alone = None if decorators.model_validators or decorators.field_validators else _field_adapter(model, column.name)
    if alone is not None:  # no rule reads two fields: the changed one validated alone is the item validated whole
        return copy_unchecked(item, {column.name: alone.validate_python(new)})
    return model.model_validate({**item.model_dump(), column.name: new})


def _grown(item: BaseModel, name: str, value: tuple[Any, ...]) -> BaseModel:
    """``item`` with a list field grown; past the field's bound, validated whole (the model raises ValidationError)."""
    bound = _max_length(type(item), name)
    if bound is not None and len(value) > bound:
        return type(item).model_validate({**item.model_dump(), name: value})
    return copy_unchecked(item, {name: value})  # the entries were validated, and the list is within its bound


@functools.lru_cache(maxsize=512)
def _max_length(model: type[BaseModel], name: str) -> int | None:
    """The most entries a model's list field takes (the list budget, fixed when the models were imported)."""
    info = model.model_fields.get(name)
    if info is None:
        return None
    bounds = [getattr(m, "max_length", None) for m in info.metadata]  # pydantic's MaxLen, or another bound
    return min((b for b in bounds if isinstance(b, int)), default=None)


@functools.lru_cache(maxsize=512)
def _field_adapter(model: type[BaseModel], name: str) -> TypeAdapter[Any] | None:
    """The validator of one field of a model, or None if the model has settings it does not know."""
    config = value_config(model)
    if config is None:
        return None
    return TypeAdapter(field_annotation(model.model_fields[name]), config=config)


def _with_citations(item: BaseModel, citations: tuple[Citation, ...]) -> BaseModel:
    if "citations" not in type(item).model_fields:  # documents carry no citations of their own
        return item
    current = list(getattr(item, "citations", []))
    added = [c for c in citations if c not in current]
    if not added:
        return item
    return _grown(item, "citations", (*current, *added))


def merge(layers: Sequence[LayerPackage]) -> EffectiveCatalog:
    """Merge layers, national first, into the effective catalog of the last one.

    Args:
        layers: The chain from the national layer down to the jurisdiction.

    Returns:
        The effective catalog, with provenance for every field and every conflict.

    Raises:
        LayerChainError: if ``layers`` is empty (a ``ValueError`` too).
        ArgumentTypeError: if ``layers`` is no list of LayerPackage (one alone, or a jurisdiction's name: see
            :func:`villagecat.resolve`).
    """
    layers = need_items(layers, LayerPackage, "argument-not-packages", what=Both("合并的层", "the layers merged"))
    if not layers:
        raise LayerChainError.said("merge-no-layers")
    return _Merger(layers).run()


class MergeCache:
    """Merges many chains that share their upper layers, merging each shared prefix once.

    ``cache.merge(chain)`` returns what :func:`merge` returns for the chain; the state after
    each prefix (the nation, then the nation and a province) is kept and forked for the next
    chain that starts the same way, so validating or resolving every county of a province
    merges the province once. The packages must not change while the cache is in use.
    """

    def __init__(self) -> None:
        """Start with nothing merged."""
        self._states: dict[tuple[int, ...], _Merger] = {}

    def merge(self, layers: Sequence[LayerPackage]) -> EffectiveCatalog:
        """Merge ``layers`` (national first), reusing the merged state of any prefix seen before."""
        if not layers:
            raise LayerChainError.said("merge-no-layers")
        key = tuple(id(p) for p in layers)
        done = next((n for n in range(len(layers) - 1, 0, -1) if key[:n] in self._states), 0)
        merger = self._states[key[:done]].fork(layers) if done else _Merger(layers)
        for n in range(done, len(layers)):
            merger.feed(layers[n])
            if n < len(layers) - 1:
                merger.freeze()  # what forks share is read-only
                self._states[key[: n + 1]] = merger
                merger = merger.fork(layers)
        return merger.result()

    def inherited_names(self, layers: Sequence[LayerPackage]) -> Mapping[str, Mapping[str, str]]:
        """Return, per resource, the normalised names and aliases the last of ``layers`` inherits: name -> item id.

        A layer's own new item may not bear one of them (it restates the inherited item
        instead); this is what the merge checks its items against.
        """
        if len(layers) < 2:
            return {}
        key = tuple(id(p) for p in layers[:-1])
        state = self._states.get(key)
        if state is None:
            self.merge(layers)
            state = self._states[key]
        names = state._names  # noqa: SLF001 - the cache keeps its own mergers' state
        return MappingProxyType({resource: MappingProxyType(found) for resource, found in names.items()})
