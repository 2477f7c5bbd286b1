"""What a revision of one layer does to every shipped jurisdiction below it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from villagecat._arguments import need_lang
from villagecat._i18n import Both, Lang, say
from villagecat.diff import DiffReport, conflict_said, diff_catalogs
from villagecat.errors import LayerChainError
from villagecat.merging import Conflict, merge
from villagecat.models import Level
from villagecat.registry import LayerRegistry
from villagecat.render import layer_place

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from villagecat.models import Layer
    from villagecat.package import LayerPackage

__all__ = [
    "Children",
    "Impact",
    "JurisdictionImpact",
    "OutgrownRange",
    "UncheckedLayer",
    "child_conflicts",
    "children",
    "impact",
    "outgrown_ranges",
]


@dataclass(frozen=True)
class UncheckedLayer:
    """A layer that may lie below the revised one but could not be merged: whether it conflicts is not known.

    Attributes:
        layer: The layer's id.
        place: The layer as a clerk knows it (:func:`villagecat.render.layer_place`: 宁河区（120117）).
        reason_zh: Why it could not be merged (a parent that is not known, a cycle), in Chinese.
        reason_en: The same, in English.
    """

    layer: str
    name_zh: str
    reason_zh: str
    reason_en: str

    def describe(self, lang: Lang = "zh") -> str:
        """Return one line: the layer and why it was not checked."""
        lang = need_lang(lang)
        reason = self.reason_zh if lang == "zh" else self.reason_en
        return say("child-unchecked", lang, layer=self.layer, name=self.name_zh, reason=reason)

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict."""
        return {"layer": self.layer, "name_zh": self.name_zh, "reason": self.reason_zh, "reason_en": self.reason_en}


@dataclass(frozen=True)
class OutgrownRange:
    """A layer right below the revised one whose declared parent range admitted the old version, not the new one.

    It still merges where its rows do (a range is what it was written against, not a conflict: ``validate`` says
    注意 of it); the layer must update ``layer.parent.version_range`` and release, which its reviewer does, not the
    parent's.

    Attributes:
        layer: The layer's id.
        place: The layer as a clerk knows it (:func:`villagecat.render.layer_place`: 宁河区（120117）).
        version_range: The parent range it declares.
        version: The revised layer's new version, which the range does not admit.
    """

    layer: str
    place: Both
    version_range: str
    version: str

    def describe(self, lang: Lang = "zh", names: Mapping[str, Both] | None = None) -> str:
        """Return one line: the layer, its range, the version it does not admit, and what it must do."""
        lang = need_lang(lang)
        place = (names or {}).get(self.layer, self.place)
        return say("child-range-outgrown", lang, place=place, range=self.version_range, version=self.version)


def outgrown_ranges(old: Layer, new_version: str, registry: Iterable[LayerPackage]) -> list[OutgrownRange]:
    """The known layers right below ``old`` whose parent range admits ``old``'s version but not ``new_version``.

    What a parent's release leaves for its children to do (a minor release past ``>=0.10.0,<0.11.0``), judged by the
    rule merge and validate judge a range by (:meth:`villagecat.models.ParentRef.admits`).
    """
    return [
        OutgrownRange(package.layer.id, layer_place(package.layer), parent.version_range, new_version)
        for package in registry
        if (parent := package.layer.parent) is not None
        and parent.id == old.id
        and parent.admits(old.version)
        and not parent.admits(new_version)
    ]


@dataclass(frozen=True)
class JurisdictionImpact:
    """How one jurisdiction's effective catalog changes, and which of its rules stop holding."""

    jurisdiction: str
    name_zh: str
    diff: DiffReport
    new_conflicts: tuple[Conflict, ...]

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict."""
        return {
            "jurisdiction": self.jurisdiction,
            "name_zh": self.name_zh,
            "summary": self.diff.counts(),
            "audiences": self.diff.audiences_listed(),
            "changes": [c.to_dict() for c in self.diff.changes],
            "new_conflicts": [c.to_dict() for c in self.new_conflicts],
        }


@dataclass
class Impact:
    """The effect of replacing one layer by a revision, on every jurisdiction below it."""

    layer: str
    old_version: str
    new_version: str
    jurisdictions: list[JurisdictionImpact] = field(default_factory=list)
    #: The layers that may lie below the revised one but could not be merged: not checked.
    unchecked: list[UncheckedLayer] = field(default_factory=list)
    #: The layers below the revised one merged with both versions, by id, changed or not: what was checked.
    checked: list[str] = field(default_factory=list)
    #: Every layer known, by id, as a clerk knows it (南关区（220102）): how the report names a layer.
    names: dict[str, Both] = field(default_factory=dict)
    #: The layers right below whose declared parent range does not admit the new version (:func:`outgrown_ranges`).
    outgrown: list[OutgrownRange] = field(default_factory=list)

    @property
    def broken(self) -> bool:
        """Whether any jurisdiction gains a conflict."""
        return any(j.new_conflicts for j in self.jurisdictions)

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict."""
        return {
            "layer": self.layer,
            "old_version": self.old_version,
            "new_version": self.new_version,
            "jurisdictions": [j.to_dict() for j in self.jurisdictions],
            "unchecked": [u.to_dict() for u in self.unchecked],
            "checked": self.checked,
        }

    def format_text(self, lang: Lang = "zh") -> str:
        """Return the impact as text, one block per affected jurisdiction, in ``lang``."""
        lang = need_lang(lang)
        lines = [
            say(
                "impact-title",
                lang,
                layer=self.names.get(self.layer, self.layer),
                old=self.old_version,
                new=self.new_version,
                count=len(self.jurisdictions),
            )
        ]
        for entry in self.jurisdictions:
            counts = entry.diff.counts()
            lines.append(
                "  "
                + say(
                    "impact-entry",
                    lang,
                    place=self.names.get(entry.jurisdiction, Both(entry.name_zh, entry.name_zh)),
                    breaking=counts["breaking"],
                    warning=counts["warning"],
                    info=counts["info"],
                    conflicts=len(entry.new_conflicts),
                )
            )
            lines.append("    " + entry.diff.audiences_said(lang))  # whom it tightens or relaxes there, as diff says it
            for conflict in entry.new_conflicts:
                detail = conflict_said(conflict, lang, self.names)
                if (note := entry.diff.renumbering(conflict.item, lang)) is not None:  # maybe renumbered: 替代条目
                    detail += ("；" if lang == "zh" else "; ") + note
                lines.append("    " + say("conflict", lang, detail=detail))
        lines.extend("  " + u.describe(lang) for u in self.unchecked)
        lines.extend("  " + o.describe(lang, self.names) for o in self.outgrown)
        if not self.checked and not self.unchecked:
            lines.append("  " + say("impact-none-below", lang))
        return "\n".join(lines) + "\n"


def impact(old: LayerPackage, new: LayerPackage, registry: LayerRegistry) -> Impact:
    """Merge every known jurisdiction whose chain holds ``old``'s layer, with old and with new.

    A change is attributed to the layer that made it; conflicts the new version causes
    in lower layers (a county override no longer above the new minimum) are listed. The
    revised layer need not be in ``registry``: a lower layer whose parent it is finds it as
    ``old`` (the two sides of a diff are not registered layers). A layer that may lie below
    it (its chain passes through it, or its division code lies within it) but whose chain
    cannot be followed is listed as unchecked, never counted as free of conflicts.
    """
    layer_id = old.layer.id
    known = LayerRegistry(registry)
    if layer_id not in known:
        known.add(old)  # replaced by old and new below: only its own parents are read from it
    result = Impact(layer_id, old.layer.version, new.layer.version)
    result.names = {package.layer.id: layer_place(package.layer) for package in known}
    result.names[layer_id] = layer_place(new.layer)
    result.outgrown = outgrown_ranges(old.layer, new.layer.version, known)
    for package in known:
        try:
            chain = known.chain(package)
        except LayerChainError as exc:
            if package.layer.id != layer_id and _may_lie_below(package.layer, old.layer, known):
                result.unchecked.append(
                    UncheckedLayer(package.layer.id, package.layer.name_zh, exc.message_zh, exc.message_en)
                )
            continue
        if layer_id not in [p.layer.id for p in chain]:
            continue
        if package.layer.id != layer_id:
            result.checked.append(package.layer.id)
        before = merge([old if p.layer.id == layer_id else p for p in chain])
        after = merge([new if p.layer.id == layer_id else p for p in chain])
        report = diff_catalogs(before, after)
        had = {_conflict_key(c) for c in before.conflicts}  # the same row broken on both sides is no new conflict
        fresh = tuple(c for c in after.conflicts if _conflict_key(c) not in had)
        if report.changes or fresh:
            result.jurisdictions.append(JurisdictionImpact(package.layer.id, package.layer.name_zh, report, fresh))
    return result


def _conflict_key(conflict: Conflict) -> tuple[str, str, str | None, str, str | None]:
    """A conflict by the row and rule it breaks, not the values it names.

    A layer written for an older parent conflicts with both sides of its parent's revision (合并在其 4.0.0 版之下,
    then 4.0.1), and a minimum raised again names another 上级值: the same row broken by the same rule, not new.
    """
    return (conflict.layer, conflict.item, conflict.field, conflict.rule, conflict.operation)


#: How many leading digits of a division code name the area of a layer at each level (a county: all six).
_AREA_DIGITS = {Level.PROVINCE: 2, Level.PREFECTURE: 4}


def _may_lie_below(layer: Layer, revised: Layer, known: LayerRegistry) -> bool:
    """Whether ``layer`` may lie below ``revised``: a parent on its way up is ``revised``, or its area within."""
    current: Layer | None = layer
    seen: set[str] = set()
    while current is not None and current.parent is not None and current.parent.id not in seen:
        if current.parent.id == revised.id:
            return True
        seen.add(current.parent.id)
        found = known.get(current.parent.id)
        current = None if found is None else found.layer
    if revised.division_code is None:  # the national layer: every layer lies below it
        return True
    area = revised.division_code[: _AREA_DIGITS.get(revised.level, len(revised.division_code))]
    return layer.id != revised.id and (layer.division_code or "").startswith(area)


@dataclass(frozen=True)
class Children:
    """What a revision does to the known layers below it: the conflicts it causes, and the layers not checked."""

    conflicts: list[Conflict]
    unchecked: list[UncheckedLayer]
    #: The layers below merged with both versions, by id (none: no layer below is known).
    checked: list[str]
    #: Every layer known, by id, as a clerk knows it (南关区（220102）).
    names: dict[str, Both] = field(default_factory=dict)
    #: The layers right below whose declared parent range does not admit the new version: told, not conflicts.
    outgrown: list[OutgrownRange] = field(default_factory=list)


def children(old: LayerPackage, new: LayerPackage, registry: LayerRegistry) -> Children:
    """The conflicts the new version causes in the known layers below it, and the layers that could not be checked.

    What a release's bump is judged by (:attr:`villagecat.diff.DiffReport.suggested_bump`),
    ``diff`` and ``release`` alike; an unchecked layer fails the gate at ``breaking`` and
    above (:meth:`villagecat.diff.DiffReport.fails`). A child's declared parent range is
    not a conflict of the revision: one that no longer admits the new version is told (``outgrown``).
    """
    result = impact(old, new, registry)
    found: dict[tuple[str, str, str | None, str], Conflict] = {}
    for jurisdiction in result.jurisdictions:
        for conflict in jurisdiction.new_conflicts:
            if conflict.layer == new.layer.id or conflict.rule in ("parent_version", "chain_order"):
                continue
            found.setdefault((conflict.layer, conflict.item, conflict.field, conflict.rule), conflict)
    return Children(list(found.values()), result.unchecked, result.checked, result.names, result.outgrown)


def child_conflicts(old: LayerPackage, new: LayerPackage, registry: LayerRegistry) -> list[Conflict]:
    """The conflicts the new version causes in the known layers below it (see :func:`children`)."""
    return children(old, new, registry).conflicts
