"""What a revision of one layer does to every shipped jurisdiction below it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from villagecat._i18n import Lang, say
from villagecat.diff import DiffReport, diff_catalogs
from villagecat.merging import Conflict, merge

if TYPE_CHECKING:
    from villagecat.package import LayerPackage
    from villagecat.registry import LayerRegistry

__all__ = ["Impact", "JurisdictionImpact", "child_conflicts", "impact"]


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
        }

    def format_text(self, lang: Lang = "zh") -> str:
        """Return the impact as text, one block per affected jurisdiction, in ``lang``."""
        lines = [
            say(
                "impact-title",
                lang,
                layer=self.layer,
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
                    id=entry.jurisdiction,
                    name=entry.name_zh,
                    breaking=counts["breaking"],
                    warning=counts["warning"],
                    info=counts["info"],
                    conflicts=len(entry.new_conflicts),
                )
            )
            lines.extend("    " + say("conflict", lang, detail=c.describe(lang)) for c in entry.new_conflicts)
        return "\n".join(lines) + "\n"


def impact(old: LayerPackage, new: LayerPackage, registry: LayerRegistry) -> Impact:
    """Merge every known jurisdiction whose chain holds ``old``'s layer, with old and with new.

    A change is attributed to the layer that made it; conflicts the new version causes
    in lower layers (a county override no longer above the new minimum) are listed.
    """
    layer_id = old.layer.id
    result = Impact(layer_id, old.layer.version, new.layer.version)
    for package in registry:
        chain = registry.chain(package)
        if layer_id not in [p.layer.id for p in chain]:
            continue
        before = merge([old if p.layer.id == layer_id else p for p in chain])
        after = merge([new if p.layer.id == layer_id else p for p in chain])
        report = diff_catalogs(before, after)
        fresh = tuple(c for c in after.conflicts if c not in before.conflicts)
        if report.changes or fresh:
            result.jurisdictions.append(JurisdictionImpact(package.layer.id, package.layer.name_zh, report, fresh))
    return result


def child_conflicts(old: LayerPackage, new: LayerPackage, registry: LayerRegistry) -> list[Conflict]:
    """The conflicts the new version causes in the known layers below it (their declared parent ranges aside).

    What a release's bump is judged by (:attr:`villagecat.diff.DiffReport.suggested_bump`):
    ``diff`` and ``release`` alike.
    """
    from villagecat.errors import LayerChainError  # noqa: PLC0415

    try:
        result = impact(old, new, registry)
    except LayerChainError:
        return []
    found: dict[tuple[str, str, str | None, str], Conflict] = {}
    for jurisdiction in result.jurisdictions:
        for conflict in jurisdiction.new_conflicts:
            if conflict.layer == new.layer.id or conflict.rule in ("parent_version", "chain_order"):
                continue
            found.setdefault((conflict.layer, conflict.item, conflict.field, conflict.rule), conflict)
    return list(found.values())
