"""Effective catalogs and provenance chains as JSON-ready dicts, text, Markdown and YAML."""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any, Literal, TypedDict, get_args

from pydantic import BaseModel

from villagecat._arguments import need_catalog, need_format, need_items, need_lang, need_scope
from villagecat._i18n import MESSAGES, Both, Lang, pair, say
from villagecat._names import alike, looked_up, misspelt, normalise_name, title_key
from villagecat._shown import cited, document_titles, markdown_cell, shown
from villagecat.errors import UnknownItemError, VillagecatError
from villagecat.models import Obligation
from villagecat.models._base import Vocab
from villagecat.models.vocab import Modality, Scope
from villagecat.package import RESOURCE_TITLES, RESOURCE_TITLES_EN

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from typing_extensions import NotRequired

    from villagecat.format.registry import FieldSpec
    from villagecat.merging import Action, Cancelled, Conflict, EffectiveCatalog, EffectiveItem, Step
    from villagecat.models import AdmissionRoute, Layer

__all__ = [
    "ExplainedField",
    "ExplainedStep",
    "Explanation",
    "LayerTookNone",
    "catalog_to_dict",
    "explain_to_dict",
    "find_item",
    "format_catalog",
    "format_explain",
    "reading_order",
]

Format = Literal["text", "json", "yaml", "markdown"]


def _layer_ref(layer: Layer) -> dict[str, str]:
    return {"id": layer.id, "name_zh": layer.name_zh, "name_en": layer.name_en, "version": layer.version}


def effective_admission(catalog: EffectiveCatalog, scope: Scope | None = None) -> tuple[Layer, AdmissionRoute] | None:
    """Return the most specific layer that defines an admission route, and the route.

    With ``scope``, only a layer that covers it: Shangdang's route (a layer of villages only)
    is no community's.
    """
    for layer in reversed(catalog.chain):
        if layer.admission is not None and (scope is None or layer.reach in (Scope.BOTH, scope)):
            return layer, layer.admission
    return None


def _selected(catalog: EffectiveCatalog, scope: Scope | None) -> dict[str, list[EffectiveItem]]:
    return {
        name: [e for e in items.values() if scope is None or catalog.applies(e, scope)]
        for name, items in catalog.items.items()
    }


def _by_reference(
    catalog: EffectiveCatalog, scope: Scope | None, selected: dict[str, list[EffectiveItem]]
) -> list[str]:
    """The items listed for a community that reach it by reference (national 三), as the checks decide it.

    Worded for villages alone (村级组织, no 社区 in its clauses, not addressed to 基层群众性自治组织): a community
    follows it in the opinion's spirit, at a strength its source does not state
    (:func:`villagecat.checks._rules.by_reference`). None for a listing that is not a community's, or a chain without
    national 三. Documents are not rules.
    """
    from villagecat.checks._rules import by_reference  # noqa: PLC0415 - the checks load only for a community

    if scope is not Scope.COMMUNITY:
        return []
    return [
        entry.id
        for resource in reading_order(selected)
        if resource != "documents"
        for entry in selected[resource]
        if by_reference(catalog, scope, entry.item)
    ]


def _reference_note(catalog: EffectiveCatalog, marked: list[str], lang: Lang) -> list[str]:
    """The head's line on the items marked by reference, quoting each clause that makes it so; none if none is.

    National 三 extends the opinion (参照本意见精神执行); a layer that restates it extends its own measures too
    (Jilin's 四: 参照《意见》和本措施精神执行), so its items marked are cited to its clause, not the nation's alone.
    """
    from villagecat.checks._rules import reference_clause  # noqa: PLC0415

    clauses = reference_clause(catalog, Scope.COMMUNITY)
    if not marked or not clauses:
        return []
    titles = document_titles(catalog)
    said = ("；" if lang == "zh" else "; ").join(cited(c, titles) for c in clauses)
    return [say("catalog-by-reference-note", lang, count=len(marked), clauses=said)]


def catalog_to_dict(catalog: EffectiveCatalog, scope: Scope | str | None = None) -> dict[str, Any]:
    """Return the effective catalog as a JSON-ready dict.

    ``items`` holds each resource's items exactly as their schemas describe them;
    ``provenance`` maps item id -> field -> the layer (id and version) that last set it.
    ``scope`` is a :class:`Scope`, its code or its Chinese word; another is refused
    (:class:`~villagecat.errors.InvalidRequestError`).
    """
    need_catalog(catalog)
    scope = need_scope(scope)
    selected = _selected(catalog, scope)
    admission = effective_admission(catalog, scope)
    provenance: dict[str, dict[str, dict[str, str]]] = {}
    for entries in selected.values():
        for entry in entries:
            fields = {}
            for name in type(entry.item).model_fields:
                step = entry.set_by(name)
                if step is not None:
                    fields[name] = {"layer": step.layer, "version": step.version, "action": step.action}
            provenance[entry.id] = fields
    return {
        "jurisdiction": _layer_ref(catalog.layer) | {"level": catalog.layer.level.value},
        "scope": scope.value if scope is not None else "all",
        "chain": [_layer_ref(layer) for layer in catalog.chain],
        "admission": (
            {"layer": admission[0].id, **admission[1].model_dump(mode="json", exclude_none=True)} if admission else None
        ),
        "counts": {name: len(entries) for name, entries in selected.items()},
        "items": {
            name: [e.item.model_dump(mode="json", exclude_none=True) for e in entries]
            for name, entries in selected.items()
        },
        "provenance": provenance,
        "by_reference": _by_reference(catalog, scope, selected),
        "cancelled": [
            {
                "resource": c.resource,
                "id": str(getattr(c.item, "id", "")),
                "name": str(getattr(c.item, "name", getattr(c.item, "title", ""))),
                "layer": c.layer,
                "version": c.version,
                "reason": c.cancellation.reason,
                "citations": [x.model_dump(mode="json", exclude_none=True) for x in c.cancellation.citations],
            }
            for c in catalog.cancelled
        ],
        "conflicts": [c.to_dict() for c in catalog.conflicts],
    }


def _label(value: object) -> str:
    if isinstance(value, Vocab):
        return value.label
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, list):
        return "、".join(_label(v) for v in value)
    return str(value)


def _hedge(modality: object, lang: Lang = "zh") -> str:
    """How a value binds, in the source's words, where it does not simply bind: 一般, 为主, 可."""
    if not isinstance(modality, Modality) or modality is Modality.MUST:
        return ""
    return say(f"hedge-{modality.value}", lang)


def _word(value: object, lang: Lang) -> str:
    """A vocabulary value as its words read (:attr:`Vocab.words`); other values as written."""
    if isinstance(value, Vocab):
        return str(value.words.zh if lang == "zh" else value.words.en)
    return _label(value)


def _summary(item: BaseModel, lang: Lang = "zh") -> str:
    parts: list[str] = []
    for name in ("duty_kind", "status", "mechanism_type", "placement", "sign_type", "orientation"):
        value = getattr(item, name, None)
        if value is not None:
            hedge = _hedge(getattr(item, "orientation_modality", None), lang) if name == "orientation" else ""
            parts.append(f"[{_word(value, lang)}{hedge}]")
    title = str(getattr(item, "name", None) or getattr(item, "title", ""))
    if isinstance(item, Obligation):  # a rule on departments: how strongly, where its words do not simply bind
        title += say("rule-unstated", lang) if item.modality is None else _hedge(item.modality, lang)
    parts.append(title)
    size_hedge = _hedge(getattr(item, "size_modality", None), lang)
    width, height = getattr(item, "max_width_cm", None), getattr(item, "max_height_cm", None)
    if width is not None or height is not None:
        parts.append(f"≤{_label(width or '—')}×{_label(height or '—')}cm{size_hedge}")
    long_side, short_side = getattr(item, "max_long_side_cm", None), getattr(item, "max_short_side_cm", None)
    if long_side is not None or short_side is not None:
        sides = say("sides", lang, long=_label(long_side or "—"), short=_label(short_side or "—"))
        parts.append(sides + size_hedge)
    bg, fg = getattr(item, "background_colour", None), getattr(item, "text_colour", None)
    if bg is not None and fg is not None:
        colours = say("colours", lang, background=_word(bg, lang), text=_word(fg, lang))
        parts.append(colours + _hedge(getattr(item, "colour_modality", None), lang))
    if getattr(item, "mandatory", False):  # listed to hang: how strongly, as its modality says (empty: unstated)
        modality = getattr(item, "modality", None)
        parts.append(say(f"hang-{modality.value if isinstance(modality, Modality) else 'unstated'}", lang))
    facility_hedge = _hedge(getattr(item, "modality", None), lang) if hasattr(item, "min_floor_area_m2") else ""
    for name, unit in (("min_floor_area_m2", "area-unit"), ("min_area_per_100_households_m2", "area-per-100-unit")):
        value = getattr(item, name, None)
        if value is not None:
            parts.append(f"≥{_label(value)}{say(unit, lang)}{facility_hedge}")
    pct = getattr(item, "min_activity_area_pct", None)
    if pct is not None:
        parts.append(say("activity-share", lang, pct=_label(pct)) + facility_hedge)
    count = getattr(item, "max_count", None)
    if count is not None:
        quota = say("quota-exact" if getattr(item, "exact", False) else "quota-max", lang, count=count)
        parts.append(quota + _hedge(getattr(item, "modality", None), lang))  # 限1个（一般）: 原则上 advises
    scope = getattr(item, "applies_to", None)
    if scope is not None:
        parts.append(say("applies-to", lang, scope=_word(scope, lang)))
    return " ".join(parts)


def _setters(catalog: EffectiveCatalog, entry: EffectiveItem) -> list[str]:
    """Return the layers that set any field of the item, in chain order."""
    touched = {entry.introduced_by} | {s.layer for steps in entry.changes.values() for s in steps}
    return [layer.id for layer in catalog.chain if layer.id in touched]


def reading_order(resources: Iterable[str]) -> list[str]:
    """Resource names as a reader wants them: duties first, the source documents and clauses last."""
    resources = need_items(resources, str, "argument-not-resources")
    last = ("documents", "clauses")
    names = list(resources)
    return [n for n in names if n not in last] + [n for n in last if n in names]


def _resource_title(name: str, lang: Lang) -> str:
    return RESOURCE_TITLES_EN.get(name, name) if lang == "en" else RESOURCE_TITLES.get(name, name)


def _scope_word(scope: Scope | None, lang: Lang) -> str:
    if scope is None:
        return say("all", lang)
    return _word(scope, lang)


def _format_text(catalog: EffectiveCatalog, scope: Scope | None, lang: Lang = "zh") -> str:
    layer = catalog.layer
    name = layer.name_en if lang == "en" else layer.name_zh
    chain = " → ".join(f"{x.name_en if lang == 'en' else x.name_zh} {x.id} {x.version}" for x in catalog.chain)
    lines = [
        say(
            "catalog-title",
            lang,
            heading=say("catalog-heading", lang, name=name, id=layer.id),
            scope=_scope_word(scope, lang),
        ),
        say("catalog-chain", lang, chain=chain),
    ]
    selected = _selected(catalog, scope)
    marked = _by_reference(catalog, scope, selected)
    lines += _reference_note(catalog, marked, lang)
    by_reference = set(marked)
    for resource in reading_order(selected):
        entries = selected[resource]
        lines.append("")
        lines.append(say("catalog-kind", lang, title=_resource_title(resource, lang), count=len(entries)))
        for entry in entries:
            setters = _setters(catalog, entry)
            mark = say("catalog-by-reference", lang) if entry.id in by_reference else ""
            lines.append(f"  {_summary(entry.item, lang)}{mark}  {entry.id}  ← {'、'.join(setters)}")
    admission = effective_admission(catalog, scope)
    lines.append("")
    if admission is not None:
        route_layer = admission[0].name_en if lang == "en" else admission[0].name_zh
        lines.append(say("catalog-admission", lang, layer=route_layer))
        lines.extend(f"  {n}. {step}" for n, step in enumerate(admission[1].steps, start=1))
    else:
        lines.append(say("catalog-no-admission", lang))
    if catalog.cancelled:
        lines.append(say("catalog-cancelled", lang))
        lines.extend("  " + _cancelled_line(catalog, c, lang) for c in catalog.cancelled)
    count = say("none", lang) if not catalog.conflicts else str(len(catalog.conflicts))
    lines.append(say("catalog-conflicts", lang, count=count))
    lines.extend(f"  {c.describe(lang)}" for c in catalog.conflicts)
    return "\n".join(lines) + "\n"


def _cancelled_line(catalog: EffectiveCatalog, cancelled: Cancelled, lang: Lang) -> str:
    """A cancelled item by its id and name, the layer that cancelled it, the row that did, and why.

    A row that holds an id the item's layer renumbered (``replaces``) is told with that id too, as a conflict is.
    """
    by = next((x for x in catalog.chain if x.id == cancelled.layer), None)
    name = "" if by is None else (by.name_en if lang == "en" else by.name_zh)
    item_id = str(getattr(cancelled.item, "id", ""))
    item_name = str(getattr(cancelled.item, "name", "") or getattr(cancelled.item, "title", ""))
    if cancelled.cancellation.target != item_id:  # the id in the row, which the layer above renumbered
        item_name += ("，" if lang == "zh" else ", ") + say(
            "conflict-renamed-from", lang, old=cancelled.cancellation.target
        )
    return say(
        "catalog-cancelled-item",
        lang,
        id=item_id,
        name=item_name,
        by=f"{cancelled.layer} {name}".strip(),
        cancellation=cancelled.cancellation.id,
        reason=cancelled.cancellation.reason,
    )


def _format_markdown(catalog: EffectiveCatalog, scope: Scope | None, lang: Lang = "zh") -> str:
    layer = catalog.layer
    english = lang == "en"
    chain = " → ".join(f"{x.name_en if english else x.name_zh} `{x.id}` {x.version}" for x in catalog.chain)
    lines = [
        "# " + say("catalog-heading", lang, name=layer.name_en if english else layer.name_zh, id=layer.id),
        "",
        say("catalog-scope-chain", lang, scope=_scope_word(scope, lang), chain=chain),
    ]
    selected, titles = _selected(catalog, scope), document_titles(catalog)
    marked = _by_reference(catalog, scope, selected)
    lines += ["", *_reference_note(catalog, marked, lang)] if marked else []
    by_reference = set(marked)
    for name in reading_order(selected):
        entries = selected[name]
        lines += [
            "",
            "## " + say("catalog-kind", lang, title=_resource_title(name, lang), count=len(entries)),
            "",
            say("catalog-table-head", lang),
            "|---|---|---|---|",
        ]
        for entry in entries:
            cites = markdown_cell("；".join(cited(c, titles) for c in getattr(entry.item, "citations", [])))
            setters = _setters(catalog, entry)
            mark = say("catalog-by-reference", lang) if entry.id in by_reference else ""
            summary = _summary(entry.item, lang) + mark
            lines.append(f"| {markdown_cell(summary)} | `{entry.id}` | {cites} | {'、'.join(setters)} |")
    if catalog.conflicts:
        lines += ["", "## " + say("conflicts-heading", lang), ""]
        lines.extend(f"- {c.describe(lang)}" for c in catalog.conflicts)
    return "\n".join(lines) + "\n"


def format_catalog(
    catalog: EffectiveCatalog, fmt: Format = "text", scope: Scope | str | None = None, lang: Lang = "zh"
) -> str:
    """Return the effective catalog in one of the output formats (text in ``lang``, ``zh`` or ``en``)."""
    need_catalog(catalog)
    lang = need_lang(lang)
    need_format(fmt, get_args(Format))
    scope = need_scope(scope)
    if fmt == "json":
        return json.dumps(catalog_to_dict(catalog, scope), ensure_ascii=False, indent=2) + "\n"
    if fmt == "yaml":
        import yaml  # noqa: PLC0415 - only this format needs it

        return str(yaml.safe_dump(catalog_to_dict(catalog, scope), allow_unicode=True, sort_keys=False))
    if fmt == "markdown":
        return _format_markdown(catalog, scope, lang)
    return _format_text(catalog, scope, lang)


def _place(catalog: EffectiveCatalog) -> Both:
    """The jurisdiction a look-up was made in, as a clerk reads it: 宁河区（120117）, Ninghe (120117)."""
    return layer_place(catalog.layer)


def layer_place(layer: Layer) -> Both:
    """A layer as a clerk knows it, its name and its code: 南关区（220102）, Nanguan (220102)."""
    return Both(f"{layer.name_zh}（{layer.id}）", f"{layer.name_en or layer.name_zh} ({layer.id})")


def find_item(catalog: EffectiveCatalog, key: str) -> EffectiveItem:
    """Return the one effective item ``key`` names: its id, or its name or an alias (normalised), or an id it replaced.

    An id renumbered (``replaces``) names the item that replaces it, as merge reads a lower layer's row that holds it;
    the id of a row acting on an item (an override, a row restating it, one a merge rule refused) names that item.
    Ids are compared as names are (:func:`~villagecat._names.normalise_name`): ids are lower case by the format, so
    one typed in capitals, or in full-width letters with a Chinese input method (``ｃｎ.facility…``), names the same.

    Raises:
        UnknownItemError: if no item is so named, or several are (naming each, with its kind).
        InvalidRequestError: if ``key`` is empty or blank.
    """
    need_catalog(catalog)
    wanted = normalise_name(key)  # catalog.find compares ids so too (CN.FACILITY…, ｃｎ.facility…)
    found = catalog.find(key) or _replacing(catalog, wanted) or _acted_on(catalog, wanted)
    if not found:
        cancelled = _cancelled(catalog, key)
        if cancelled is not None:  # why the village has it no more: who cancelled it, by which row, and why
            by = next(x for x in catalog.chain if x.id == cancelled.layer)
            raise UnknownItemError.said(
                "item-cancelled",
                layer=_place(catalog),
                item=key,
                by=Both(f"{by.id} {by.name_zh}", f"{by.id} {by.name_en}"),
                cancellation=cancelled.cancellation.id,
                id=str(getattr(cancelled.item, "id", "")),
                name=str(getattr(cancelled.item, "name", "") or getattr(cancelled.item, "title", "")),
                reason=cancelled.cancellation.reason,
            )
        raise _no_item(catalog, key)
    if len(found) > 1:
        named = [(e.id, getattr(e.item, "name", ""), e.resource) for e in found]
        candidates = Both(
            "、".join(f"{i}（{RESOURCE_TITLES[r]}：{name}）" for i, name, r in named),
            ", ".join(f"{i} ({RESOURCE_TITLES_EN[r]}: {name})" for i, name, r in named),
        )
        raise UnknownItemError.said("item-ambiguous", layer=_place(catalog), item=key, candidates=candidates)
    return found[0]


#: How many items a key no item has suggests, those whose names hold it (综合服务设施: 城乡社区综合服务设施).
_ALIKE = 5


def _names_of(item: object) -> list[str]:
    """An item's name (or title) and aliases, as a clerk reads them."""
    said = [getattr(item, "name", None) or getattr(item, "title", None), *getattr(item, "aliases", ())]
    return [n for n in said if isinstance(n, str) and n]


def _rows(catalog: EffectiveCatalog) -> dict[str, str]:
    """The id of each layer's row acting on an item (override, restating row, cancellation), with the item's name.

    They name an item when exact (:func:`_acted_on`, :func:`_cancelled`), so one mistyped is told as an item id is.
    """
    rows: dict[str, str] = {}
    for items in catalog.items.values():
        for entry in items.values():
            name = next(iter(_names_of(entry.item)), "")
            for steps in entry.changes.values():
                rows.update((s.operation, name) for s in steps if s.operation)
    for conflict in catalog.conflicts:
        refused = catalog.get(conflict.item) if conflict.operation else None
        if conflict.operation and refused is not None:
            rows.setdefault(conflict.operation, next(iter(_names_of(refused.item)), ""))
    for cancelled in catalog.cancelled:
        rows.setdefault(cancelled.cancellation.id, next(iter(_names_of(cancelled.item)), ""))
    return rows


def _no_item(catalog: EffectiveCatalog, key: str) -> VillagecatError:
    """The error for a key no item has: with the id it likely mistypes, or the items whose names hold it, if any.

    The id is an item's, or a row's acting on one (override, restating row, cancellation); ``key`` is said as typed,
    and compared as :func:`find_item` compares it.
    """
    entries = {e.id: e for items in catalog.items.values() for e in items.values()}
    known = {**_rows(catalog), **{i: next(iter(_names_of(e.item)), "") for i, e in entries.items()}}
    named = normalise_name(key)
    typed = misspelt(named, known)
    meant = [typed] if typed is not None else []
    if not meant and len(named) > 1:  # one character is in too many names to tell anything
        meant = [i for i, e in entries.items() if any(named in normalise_name(n) for n in _names_of(e.item))]
    if not meant and len(named) > 1:  # a name retyped from memory (its 等 left out): the items most alike
        meant = [e.id for e in alike(key, entries.values(), lambda e: _names_of(e.item), closest=True)]
    if not meant:
        return UnknownItemError.said("no-item", layer=_place(catalog), item=key)
    listed = [(i, known[i]) for i in meant[:_ALIKE]]
    zh = "、".join(f"{i}（{n}）" if n else i for i, n in listed)
    en = ", ".join(f"{i} ({n})" if n else i for i, n in listed)
    if len(meant) > _ALIKE:  # the first few, and how many hold it: a longer name tells them apart
        more = pair("no-item-alike-more", count=len(meant))
        zh, en = zh + more[0], en + more[1]
    return UnknownItemError.said("no-item-alike", layer=_place(catalog), item=key, meant=Both(zh, en))


def _replacing(catalog: EffectiveCatalog, key: str) -> list[EffectiveItem]:
    """The item that stands for ``key``, an id a layer renumbered (``replaces``), as merge follows a row's id."""
    followed = catalog.followed(key)
    entry = catalog.get(followed) if followed != key else None
    return [entry] if entry is not None else []


def _acted_on(catalog: EffectiveCatalog, key: str) -> list[EffectiveItem]:
    """The item a layer's row ``key`` acts on: an override, a row restating it, or one a merge rule refused.

    A reviewer reads the row's id in its sheet (overrides.csv, a province's duties.csv) and asks for it. ``key`` is
    the id as :func:`find_item` compares it (:func:`~villagecat._names.normalise_name`).
    """
    refused = {c.item for c in catalog.conflicts if c.operation == key}
    return [
        entry
        for items in catalog.items.values()
        for entry in items.values()
        if entry.id in refused or any(s.operation == key for steps in entry.changes.values() for s in steps)
    ]


def _fields_acted_on(catalog: EffectiveCatalog, entry: EffectiveItem, row: str) -> Both:
    """The field of the item the layer's row ``row`` sets, or tried to (a merge rule refused it): 版式（orientation）.

    Its citations join the item's (a step on ``citations``): named only where they are what the row changes.
    """
    from villagecat.format.registry import fields_of  # noqa: PLC0415

    names = [name for name, steps in entry.changes.items() if any(s.operation == row for s in steps)]
    names += [c.field for c in catalog.conflicts if c.operation == row and c.field and c.field not in names]
    names = [n for n in names if n != "citations"] or names
    titles = {spec.name: spec.title_zh for spec in fields_of(type(entry.item))}
    return Both("、".join(f"{titles[n]}（{n}）" if n in titles else n for n in names), ", ".join(names))


def _cancelled(catalog: EffectiveCatalog, key: str) -> Cancelled | None:
    """The item a layer of the chain cancelled that ``key`` names, if one.

    ``key`` is its id, its name or an alias, the id the cancellation row holds (its target), the cancellation row's
    own id, or an id it replaces: an earlier id its layer renumbered (``replaces``), which merge follows to the item
    that replaces it, as :func:`find_item` does. Ids and names are compared normalised, as :func:`find_item` does.
    """
    named = normalise_name(key)
    for cancelled in catalog.cancelled:
        item = cancelled.item
        names = [getattr(item, "name", None), *getattr(item, "aliases", ())]
        ids = {str(getattr(item, "id", "")), cancelled.cancellation.target, cancelled.cancellation.id}
        ids.update(getattr(item, "replaces", ()))
        if named in {normalise_name(n) for n in [*ids, *names] if isinstance(n, str) and n}:
            return cancelled
    return None


def _explained(catalog: EffectiveCatalog, key: str, field: str | None) -> tuple[EffectiveItem, list[str]]:
    """The item ``key`` names (id, name or alias) and the fields to explain.

    Raises:
        UnknownItemError: if no item is so named, several are, or it has no such field.
        InvalidRequestError: if ``key`` or ``field`` is empty or blank.
    """
    entry = find_item(catalog, key)
    item_id = entry.id
    from villagecat.format.registry import fields_of  # noqa: PLC0415

    specs = fields_of(type(entry.item))
    if field is None:
        fields = [spec.name for spec in specs]
    else:
        named = looked_up(field, "field").strip()
        fields = [_titled(specs).get(title_key(named), named)]
    for name in fields:
        if name not in type(entry.item).model_fields:
            known = Both("、".join(f"{s.title_zh}（{s.name}）" for s in specs), ", ".join(s.name for s in specs))
            titled = _titled(specs)
            close = misspelt(title_key(name), titled)
            if close is not None:  # 每百户面积 for 每百户最小面积: the one it likely is, then the whole list
                spec = next(s for s in specs if s.name == titled[close])
                meant = Both(f"{spec.title_zh}（{spec.name}）", spec.name)
                raise UnknownItemError.said("no-field-misspelt", item=item_id, field=name, meant=meant, known=known)
            raise UnknownItemError.said("no-field", item=item_id, field=name, known=known)
    return entry, fields


def _titled(specs: Sequence[FieldSpec]) -> dict[str, str]:
    """Each field by its title as a clerk reads it (版式), its title without its unit (最小建筑面积), and its name.

    Its English title (``Minimum floor area``), its slug, its former names and titles too; each as a title is
    compared (:func:`~villagecat._names.title_key`: 別名 is 别名, ｍｉｎ is min). A title without its unit that
    two fields share names neither.
    """
    found: dict[str, set[str]] = {}
    for spec in specs:
        keys = {title_key(n) for n in (spec.name, spec.slug, *spec.former)}
        for title in map(title_key, (spec.title_zh, spec.title_en, *spec.former_titles)):
            keys |= {title, re.sub(r"\([^()]*\)$", "", title)}  # and without the unit in brackets it ends with
        for key in keys:
            found.setdefault(key, set()).add(spec.name)
    return {key: next(iter(names)) for key, names in found.items() if len(names) == 1}


#: What a layer that took no step on a field did: kept the value from above, or none has the item yet.
TookNone = Literal["inherited", "absent"]


def _by_layer(catalog: EffectiveCatalog, entry: EffectiveItem, name: str) -> list[tuple[Layer, list[Step] | TookNone]]:
    """Each layer of the chain with its steps on the field, or ``inherited`` (or ``absent``) when it took none."""
    history = entry.provenance[name]
    result: list[tuple[Layer, list[Step] | TookNone]] = []
    for position, layer in enumerate(catalog.chain):
        steps = [s for s in history if s.layer == layer.id]
        if steps:
            result.append((layer, steps))
        else:
            above = {x.id for x in catalog.chain[:position]}
            result.append((layer, "inherited" if any(s.layer in above for s in history) else "absent"))
    return result


def _refused(catalog: EffectiveCatalog, entry: EffectiveItem, layer: str, name: str | None) -> list[Conflict]:
    """The operations of ``layer`` on the item's field ``name`` that a merge rule refused; the value stays the parent's.

    ``name`` None: those on the item as a whole (a cancellation, an override of a field its kind does not have).
    """
    fields = type(entry.item).model_fields
    return [
        c
        for c in catalog.conflicts
        if c.item == entry.id
        and c.layer == layer
        and (c.field == name if name is not None else c.field is None or c.field not in fields)
    ]


def _item_refused(catalog: EffectiveCatalog, entry: EffectiveItem) -> list[tuple[Layer, list[Conflict]]]:
    """Each layer of the chain with its refused operations on the item as a whole, where it has any."""
    found = [(layer, _refused(catalog, entry, layer.id, None)) for layer in catalog.chain]
    return [(layer, refused) for layer, refused in found if refused]


class ExplainedStep(TypedDict):
    """What one layer did to a field (``explain.schema.json``'s step): the value after it, and its citations."""

    name_zh: str
    name_en: str
    layer: str
    version: str
    action: Action
    #: The field's value after the step, as JSON has it: of the field's type, or None.
    value: object
    citations: list[dict[str, object]]
    operation: str | None
    #: The layer's operations on the field a merge rule refused (``conflict.schema.json``), where it has any.
    refused: NotRequired[list[dict[str, Any]]]


class LayerTookNone(TypedDict):
    """A layer of the chain that did nothing to a field: it kept the value from above, or none has the item yet."""

    layer: str
    name_zh: str
    name_en: str
    version: str
    action: TookNone
    #: The layer's operations on the field a merge rule refused (``conflict.schema.json``): the value stays the
    #: parent's. Present only where the layer has one.
    refused: NotRequired[list[dict[str, Any]]]


class ExplainedField(TypedDict):
    """A field's effective value (as JSON has it) and what each layer of the chain did to it."""

    value: object
    chain: list[ExplainedStep | LayerTookNone]


class Explanation(TypedDict):
    """What :func:`explain_to_dict` returns, as ``explain.schema.json`` describes it."""

    jurisdiction: str
    item: str
    fields: dict[str, ExplainedField]
    #: The operations on the item as a whole a merge rule refused (a cancellation of a red line, a field the kind
    #: does not have), as ``conflict.schema.json`` has them; present only where there are some.
    refused: NotRequired[list[dict[str, Any]]]


def explain_to_dict(catalog: EffectiveCatalog, item_id: str, field: str | None = None) -> Explanation:
    """Return, for one item (and optionally one field), what each layer of the chain did.

    The item is named by its id, or by its name or an alias (:func:`find_item`); ``item`` in the
    result is its id.

    Raises:
        UnknownItemError: if the item is not in the effective catalog, or has no such field.
        InvalidRequestError: if ``item_id`` or ``field`` is empty or blank.
    """
    entry, fields = _explained(catalog, item_id, field)
    result = Explanation(jurisdiction=catalog.layer.id, item=entry.id, fields={})
    whole = [c.to_dict() for _, refused in _item_refused(catalog, entry) for c in refused]
    if whole:
        result["refused"] = whole
    for name in fields:
        chain: list[ExplainedStep | LayerTookNone] = []
        for layer, steps in _by_layer(catalog, entry, name):
            if isinstance(steps, str):
                took = LayerTookNone(
                    layer=layer.id, name_zh=layer.name_zh, name_en=layer.name_en, version=layer.version, action=steps
                )
                chain.append(took)
            else:
                chain.extend(_explained_step(layer, step) for step in steps)
            refused = [c.to_dict() for c in _refused(catalog, entry, layer.id, name)]
            if refused:  # on the layer's last entry: what it tried after its steps, or in place of one
                chain[-1]["refused"] = refused
        value = getattr(entry.item, name)
        result["fields"][name] = ExplainedField(value=json.loads(json.dumps(value, default=_default)), chain=chain)
    return result


def _explained_step(layer: Layer, step: Step) -> ExplainedStep:
    """A step as :func:`explain_to_dict` lists it: the layer's names first, then the step's JSON."""
    said = step.to_dict()
    return ExplainedStep(
        name_zh=layer.name_zh,
        name_en=layer.name_en,
        layer=said["layer"],
        version=said["version"],
        action=said["action"],
        value=said["value"],
        citations=said["citations"],
        operation=said["operation"],
    )


def _default(value: object) -> object:
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json", exclude_none=True)
    if isinstance(value, Vocab):
        return value.value
    raise TypeError(type(value).__name__)


def _step_entries(step: Step, before: object) -> object:
    """What a step on a list says: the entries it added (or removed), where the list had some before; else its value.

    Ninghe adds its plan to a national duty's citations: 增加 the plan, not the national citation with it.
    """
    if step.action not in ("added", "removed") or not isinstance(step.value, (tuple, list)):
        return step.value
    had = tuple(before) if isinstance(before, (tuple, list)) else ()
    after = tuple(step.value)
    if step.action == "added":
        return tuple(e for e in after if e not in had) or after
    return tuple(e for e in had if e not in after) or after


def _row(entry: EffectiveItem, step: Step | Conflict, lang: Lang) -> str:
    """The row that made a step (or tried to, a conflict), by its sheet (file) and id: the row a clerk edits.

    The item's own row, an override or a cancellation, or the layer's row that restates the item.
    """
    from villagecat.format.registry import kind_of_id, kind_of_model  # noqa: PLC0415

    row, kind = step.operation or entry.id, kind_of_model(type(entry.item))
    key = "explain-row-own"
    if step.operation is not None:  # an override's id, or the id of the layer's row that restates the item
        kind = kind_of_id(step.operation) or kind
        key = "explain-row-override" if kind.role == "operation" else "explain-row-restating"
    line = say(key, lang, sheet=Both(kind.sheet, kind.title_en), file=f"{kind.resource}.csv", id=row)
    if step.renamed_from:  # the row holds the id the layer above renumbered: the clerk finds it by that one
        line += ("，" if lang == "zh" else ", ") + say("conflict-renamed-from", lang, old=step.renamed_from)
    return line


def _refusal_lines(entry: EffectiveItem, refused: Sequence[Conflict], titles: dict[str, str], lang: Lang) -> list[str]:
    """Each refused operation: its row, the conflict's own words (as ``catalog`` prints them), the row's citations."""
    lines = []
    for conflict in refused:
        lines.append("      " + _row(entry, conflict, lang))
        lines.append("      " + say("explain-refused", lang, conflict=conflict.describe(lang)))
        cites = conflict.citations
        lines.extend("      " + say("explain-refused-source", lang, citation=cited(c, titles)) for c in cites)
    return lines


def format_explain(catalog: EffectiveCatalog, item_id: str, field: str | None = None, lang: Lang = "zh") -> str:
    """Return the provenance chain of an item's fields as text, national layer first, in ``lang``.

    The item is named by its id, or by its name or an alias (:func:`find_item`).

    Values read as a clerk reads them (:func:`villagecat._shown.shown`): 横牌（horizontal）, 空,
    [党员活动室、图书室], never JSON's ``"horizontal"``, ``null`` or ``[]``. Each step names the row that made it
    (所在行: the item's own row, an override, or the layer's row that restates the item), and a step on a list
    the entries it added or removed, not the list after it.

    Raises:
        UnknownItemError: if the item is not in the effective catalog (one a layer cancelled names the cancellation),
            or has no such field.
        InvalidRequestError: if ``item_id`` or ``field`` is empty or blank.
    """
    lang = need_lang(lang)
    from villagecat.format.registry import fields_of  # noqa: PLC0415

    entry, fields = _explained(catalog, item_id, field)
    asked = normalise_name(item_id)  # an id as found (ＣＮ is cn): the row named below is the one in the sheet
    titles = document_titles(catalog)
    name, item_id = catalog.layer.name_en if lang == "en" else catalog.layer.name_zh, entry.id
    lines = [
        f"{name}（{catalog.layer.id}） · {item_id}" if lang != "en" else f"{name} ({catalog.layer.id}) · {item_id}"
    ]
    if entry.id != asked and asked in getattr(entry.item, "replaces", ()):  # asked by an id it had
        lines.append("  " + say("explain-found-by-former-id", lang, old=asked))
    elif entry.id != asked and _acted_on(catalog, asked) == [entry]:  # asked by the id of a row acting on it
        from villagecat.format.registry import kind_of_id  # noqa: PLC0415

        kind = kind_of_id(asked)
        row = kind.resource if kind is not None and kind.role == "operation" else "restating"
        lines.append(
            "  " + say(f"explain-found-by-{row}", lang, row=asked, field=_fields_acted_on(catalog, entry, asked))
        )
    colon = ": " if lang == "en" else "："

    def where(layer: Layer) -> str:
        return f"{layer.id} {layer.name_en if lang == 'en' else layer.name_zh} {layer.version}"

    for layer, refused in _item_refused(catalog, entry):  # a cancellation refused: why the item is still here
        lines.append(f"  {where(layer)}{colon}{say('explain-refused-item', lang)}")
        lines.extend(line[2:] for line in _refusal_lines(entry, refused, titles, lang))
    field_titles = {spec.name: spec.title_zh for spec in fields_of(type(entry.item))}
    for field_name in fields:
        title = f"{field_titles[field_name]}（{field_name}）" if lang == "zh" else field_name
        lines.append(f"  {title} = {shown(getattr(entry.item, field_name), lang, titles=titles)}")
        before: object = None
        for layer, steps in _by_layer(catalog, entry, field_name):
            refused = _refused(catalog, entry, layer.id, field_name)
            if isinstance(steps, str):
                took = "inherited-refused" if refused and steps == "inherited" else steps
                lines.append(f"    {where(layer)}{colon}{say(f'explain-{took}', lang)}")
                lines.extend(_refusal_lines(entry, refused, titles, lang))
                continue
            for step in steps:
                # a value given where there was none is set (设定), not changed (改为)
                action = "set-first" if step.action == "set" and before in (None, (), []) else step.action
                said = _step_entries(step, before)  # a list's entries the step added or removed, not the list after
                before = step.value
                label = say(f"action-{action}", lang) if f"action-{action}" in MESSAGES else step.action
                if step.action == "default":  # the row left it empty: nothing was said, so nothing is cited
                    lines.append(f"    {where(layer)}{colon}{label}")
                    continue
                lines.append(f"    {where(layer)}{colon}{label} {shown(said, lang, titles=titles)}")
                lines.append("      " + _row(entry, step, lang))
                own_basis = isinstance(said, (tuple, list)) and tuple(said) == step.citations
                if field_name != "citations" or not own_basis:  # a value that is its own basis is not cited again
                    lines.extend("      " + say("source", lang, citation=cited(c, titles)) for c in step.citations)
            if refused:  # what the layer tried besides its steps (a second value for the field), and why not
                lines.append("      " + say("explain-refused-also", lang))
                lines.extend("  " + line for line in _refusal_lines(entry, refused, titles, lang))
    return "\n".join(lines) + "\n"
