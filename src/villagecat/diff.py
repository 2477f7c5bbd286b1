"""Comparing two versions of a layer (or two effective catalogs): what changed, and what breaks.

Each change has a stable code and a level:

- ``breaking``: a village or a consuming system that followed the old version may now be
  out of line (a certificate it may no longer issue, a minimum area it may no longer meet,
  a plaque it must remake, an id it referenced that is gone);
- ``warning``: it may matter, but the data cannot tell (a field without a direction changed,
  an item was renamed or restored);
- ``info``: nothing that followed the old version is out of line (an item added, a limit
  loosened by the layer's own publisher, a citation or note edited).

:data:`CHANGE_LEVELS` documents every code; teams that judge differently pass overrides.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from packaging.version import Version
from pydantic import BaseModel

from villagecat.format.registry import Kind, kind_by_resource, kind_of_id, kinds
from villagecat.format.rules import DecreaseOnly, Effect, GrowOnly, IncreaseOnly, Sticky
from villagecat.models import CertificateStatus

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from villagecat.merging import EffectiveCatalog
    from villagecat.package import LayerPackage

__all__ = [
    "CHANGE_LEVELS",
    "Change",
    "ChangeLevel",
    "DiffReport",
    "codes_markdown",
    "diff_catalogs",
    "diff_packages",
    "format_report",
    "load_levels",
    "required_bump",
]

ChangeLevel = Literal["breaking", "warning", "info"]
Bump = Literal["major", "minor", "patch", "none"]
_RANK: dict[str, int] = {"none": 0, "info": 1, "warning": 2, "breaking": 3}
_BUMP_FOR: dict[str, Bump] = {"breaking": "major", "warning": "minor", "info": "patch"}

#: The words a change code uses for each direction of a ruled field: (tightens, loosens).
_DIRECTION_WORDS: dict[type, tuple[str, str]] = {
    IncreaseOnly: ("raised", "lowered"),
    DecreaseOnly: ("reduced", "increased"),
    GrowOnly: ("extended", "shortened"),
}
#: Field changes with a code of their own, whatever their rule: (resource, field) -> code maker.
_SIGN_LOOK = {
    "text_pattern": "text",
    "background_colour": "colour",
    "text_colour": "colour",
    "orientation": "orientation",
}
_QUIET_FIELDS = {"citations", "notes", "name", "title", "aliases"}


def _codes() -> dict[str, tuple[ChangeLevel, str]]:
    codes: dict[str, tuple[ChangeLevel, str]] = {}
    for kind in kinds():
        if not kind.in_catalog:
            continue
        slug = kind.slug
        codes[f"{slug}-added"] = ("info", "新增条目 / item added")
        codes[f"{slug}-removed"] = (
            "breaking",
            "删除条目，引用其标识的系统将失效 / item removed; references to its id break",
        )
        codes[f"{slug}-changed"] = (
            "warning",
            "字段变化，影响无法由数据判断 / a field changed; its effect cannot be told from the data",
        )
        codes[f"{slug}-citation-changed"] = (
            "info",
            "出处、名称、别名或备注变化 / citations, name, aliases or notes edited",
        )
        if kind.role == "operation":
            continue
        codes[f"{slug}-renamed"] = ("warning", "条目改用新标识（replaces）/ item renumbered (declared with replaces)")
        codes[f"{slug}-cancelled"] = ("breaking", "下级层取消所继承的条目 / an inherited item is cancelled")
        codes[f"{slug}-restored"] = ("warning", "撤回对所继承条目的取消 / a cancellation is withdrawn")
        for spec in kind.fields:
            words = _DIRECTION_WORDS.get(type(spec.rule))
            if words is None or spec.name in _QUIET_FIELDS:
                continue
            codes[f"{slug}-{spec.slug}-{words[0]}"] = (
                "breaking",
                f"{spec.title_zh}收紧，原符合的村可能不再符合 / {spec.title_en}: tightened",
            )
            codes[f"{slug}-{spec.slug}-{words[1]}"] = ("info", f"{spec.title_zh}放宽 / {spec.title_en}: loosened")
    codes.update(
        {
            "duty-prohibited-added": ("breaking", "新增履职负面事项 / a new prohibited duty"),
            "duty-kind-changed": ("breaking", "事项类别变化 / the kind of a duty changed"),
            "certificate-not-to-issue-added": ("breaking", "新增不应出具的证明 / a new certificate not to be issued"),
            "certificate-cancelled": (
                "breaking",
                "证明事项被取消或列为不应出具 / a certificate is cancelled or not to be issued",
            ),
            "certificate-reinstated": ("warning", "证明事项恢复保留 / a certificate is retained again"),
            "certificate-template-changed": (
                "breaking",
                "证明内容范本或占位符变化 / the template or placeholders changed",
            ),
            "sign-mandatory-added": ("breaking", "新增必须悬挂的标牌 / a new mandatory sign"),
            "sign-text-changed": (
                "breaking",
                "标牌文字变化，须重新制作 / a sign's text changed; plaques must be remade",
            ),
            "sign-colour-changed": ("breaking", "标牌颜色变化 / a sign's colours changed"),
            "sign-orientation-changed": ("breaking", "标牌版式变化 / a sign's orientation changed"),
            "sign-made-mandatory": ("breaking", "标牌改为必须悬挂 / a sign became mandatory"),
            "sign-made-optional": ("info", "标牌不再必须悬挂 / a sign is no longer mandatory"),
            "layer-changed": (
                "warning",
                "层的标识、层级、区划代码或覆盖范围变化 / the layer's identity or coverage changed",
            ),
            "layer-metadata-changed": ("info", "层的名称、发布机关或日期变化 / names, publisher or dates changed"),
            "layer-parent-changed": ("warning", "上级层或其版本范围变化 / the parent or its version range changed"),
            "layer-admission-changed": ("warning", "准入审批程序变化 / the admission route changed"),
        }
    )
    return codes


#: Every change code: its default level and what it means (Chinese / English).
CHANGE_LEVELS: dict[str, tuple[ChangeLevel, str]] = _codes()


@dataclass(frozen=True)
class Change:
    """One change between two versions.

    Attributes:
        code: The stable code, a key of :data:`CHANGE_LEVELS`.
        level: ``breaking``, ``warning`` or ``info`` (after any overrides).
        resource: The resource (``certificates``), or ``layer``.
        item: The item's id (or the layer's).
        field: The field, for field changes.
        old: The old value (None for additions).
        new: The new value (None for removals).
        layer: In an effective diff, the layer that made the change.
        effect: What the change does to the villages' obligations, by the same rules merge
            enforces: ``tightens``, ``loosens`` or ``neutral``.
    """

    code: str
    level: ChangeLevel
    resource: str
    item: str
    field: str | None = None
    old: Any = None
    new: Any = None
    layer: str | None = None
    effect: Effect = Effect.NEUTRAL

    def describe(self, lang: Literal["zh", "en"] = "zh") -> str:
        """Return one line: code, item, field and the two values."""
        target = f"{self.item}.{self.field}" if self.field else self.item
        values = ""
        if self.field is not None or (self.old is not None and self.new is not None):
            values = (
                f"：{_show(self.old)} → {_show(self.new)}"
                if lang == "zh"
                else f": {_show(self.old)} -> {_show(self.new)}"
            )
        by = "" if self.layer is None else (f"（{self.layer} 层）" if lang == "zh" else f" (layer {self.layer})")
        return f"[{self.code}] {target}{values}{by}"

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
        }


def _plain(value: Any) -> Any:  # noqa: ANN401 - any field value
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json", exclude_none=True)
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(getattr(value, "value", None), str):
        return value.value
    return value


def _show(value: Any) -> str:  # noqa: ANN401 - any field value
    plain = _plain(value)
    if plain is None:
        return "∅"
    if isinstance(plain, float) and plain.is_integer():
        return str(int(plain))
    if isinstance(plain, list):
        return "[" + ", ".join(str(v) for v in plain) + "]"
    return str(plain)


@dataclass
class DiffReport:
    """Every change between two versions, the bump they need, and the bump declared."""

    old: dict[str, str]
    new: dict[str, str]
    changes: list[Change] = field(default_factory=list)
    #: The bump the new version declares over the old one (None in effective diffs).
    declared_bump: Bump | None = None

    @property
    def worst(self) -> str:
        """The highest level among the changes, or ``none``."""
        return max((c.level for c in self.changes), key=_RANK.__getitem__, default="none")

    @property
    def suggested_bump(self) -> Bump:
        """The semantic version bump the changes require."""
        return required_bump(c.level for c in self.changes)

    @property
    def version_ok(self) -> bool:
        """Whether the declared bump is at least the suggested one (always true in effective diffs)."""
        order = ["none", "patch", "minor", "major"]
        return self.declared_bump is None or order.index(self.declared_bump) >= order.index(self.suggested_bump)

    def counts(self) -> dict[str, int]:
        """Return the number of changes per level."""
        return {level: sum(c.level == level for c in self.changes) for level in ("breaking", "warning", "info")}

    def fails(self, threshold: ChangeLevel | None) -> bool:
        """Whether any change is at or above ``threshold``, or goes unannounced by the version.

        A version that declares a smaller bump than the changes need hides them, so it
        fails at the level of the changes it fails to announce.
        """
        if threshold is None:
            return False
        if any(_RANK[c.level] >= _RANK[threshold] for c in self.changes):
            return True
        unannounced = {"major": "breaking", "minor": "warning", "patch": "info", "none": "none"}[self.suggested_bump]
        return not self.version_ok and _RANK[unannounced] >= _RANK[threshold]

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
        }


def required_bump(levels: Iterable[str]) -> Bump:
    """Return the smallest semantic version bump that announces changes of these levels."""
    worst = max(levels, key=_RANK.__getitem__, default="none")
    return "none" if worst == "none" else _BUMP_FOR[worst]


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


def _field_change(resource: str, name: str, old: Any, new: Any) -> tuple[str, Effect]:  # noqa: ANN401
    """Return the code of a field change and its effect, by the field's rule in the registry."""
    kind = _kind(resource)
    spec = kind.field(name)
    rule = spec.rule if spec is not None else None
    effect = Effect.NEUTRAL if rule is None else rule.effect(old, new)
    slug = kind.slug
    if name in _QUIET_FIELDS:
        return f"{slug}-citation-changed", effect
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
    if isinstance(rule, Sticky) and spec is not None:
        return f"{slug}-{spec.slug}-changed", effect
    words = _DIRECTION_WORDS.get(type(rule))
    if words is not None and spec is not None and effect is not Effect.NEUTRAL:
        return f"{slug}-{spec.slug}-{words[0] if effect is Effect.TIGHTENS else words[1]}", effect
    return f"{slug}-changed", effect


def _added_code(resource: str, item: BaseModel) -> tuple[str, Effect]:
    """Return the code of an added item, and whether it adds a red line (tightens)."""
    kind = _kind(resource)
    if kind.rules.is_red_line(dict(item)):
        red = {
            "duties": "duty-prohibited-added",
            "certificates": "certificate-not-to-issue-added",
            "signs": "sign-mandatory-added",
        }.get(resource)
        if red is not None:
            return red, Effect.TIGHTENS
    return f"{kind.slug}-added", Effect.NEUTRAL


class _Differ:
    def __init__(self, levels: Mapping[str, ChangeLevel]) -> None:
        self.levels = levels
        self.changes: list[Change] = []

    def add(self, code: str, resource: str, item: str, **kw: Any) -> None:  # noqa: ANN401
        level = self.levels.get(code) or CHANGE_LEVELS.get(code, ("warning", ""))[0]
        self.changes.append(Change(code=code, level=level, resource=resource, item=item, **kw))

    def items(
        self,
        resource: str,
        old: dict[str, BaseModel],
        new: dict[str, BaseModel],
        attribute: Mapping[str, str] | None = None,
    ) -> None:
        kind = _kind(resource).slug
        renamed = {
            str(getattr(item, "replaces", None)): item_id
            for item_id, item in new.items()
            if getattr(item, "replaces", None) in old and getattr(item, "replaces", None) not in new
        }
        for item_id, before in old.items():
            if item_id in new:
                self.fields(resource, item_id, (before, new[item_id]), attribute=attribute)
            elif item_id in renamed:
                target = renamed[item_id]
                self.add(f"{kind}-renamed", resource, target, old=item_id, new=target)
                self.fields(resource, target, (before, new[target]), attribute=attribute, skip={"id", "replaces"})
            else:
                self.add(f"{kind}-removed", resource, item_id, layer=(attribute or {}).get(item_id))
        for item_id, after in new.items():
            if item_id not in old and item_id not in renamed.values():
                code, effect = _added_code(resource, after)
                self.add(code, resource, item_id, layer=(attribute or {}).get(item_id), effect=effect)

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
        quiet = False
        for name in type(after).model_fields:
            if skip and name in skip:
                continue
            old, new = getattr(before, name, None), getattr(after, name, None)
            if old == new:
                continue
            code, effect = _field_change(resource, name, old, new)
            if code.endswith("-citation-changed"):
                if not quiet:
                    self.add(
                        code,
                        resource,
                        item_id,
                        field=name,
                        old=old,
                        new=new,
                        layer=(attribute or {}).get(f"{item_id}.{name}"),
                    )
                quiet = True
                continue
            self.add(
                code,
                resource,
                item_id,
                field=name,
                old=old,
                new=new,
                layer=(attribute or {}).get(f"{item_id}.{name}"),
                effect=effect,
            )


def _layer_ref(package_layer: Any) -> dict[str, str]:  # noqa: ANN401 - a Layer
    return {"id": package_layer.id, "name_zh": package_layer.name_zh, "version": package_layer.version}


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
    """
    differ = _Differ(levels or {})
    _layer_changes(differ, old, new)
    for resource in (kind.resource for kind in kinds() if kind.in_catalog):
        before = {str(getattr(i, "id", "")): i for i in old.resource(resource)}
        after = {str(getattr(i, "id", "")): i for i in new.resource(resource)}
        if resource == "cancellations":
            _cancellation_changes(differ, before, after)
            continue
        differ.items(resource, before, after)
    return DiffReport(
        _layer_ref(old.layer),
        _layer_ref(new.layer),
        differ.changes,
        declared_bump=_declared_bump(old.layer.version, new.layer.version),
    )


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


def diff_catalogs(
    old: EffectiveCatalog, new: EffectiveCatalog, *, levels: Mapping[str, ChangeLevel] | None = None
) -> DiffReport:
    """Compare two effective catalogs; each change is attributed to the layer that made it."""
    differ = _Differ(levels or {})
    for resource in old.items.keys() | new.items.keys():
        before = {i: e.item for i, e in old.items.get(resource, {}).items()}
        after = {i: e.item for i, e in new.items.get(resource, {}).items()}
        attribute: dict[str, str] = {}
        for catalog in (old, new):
            for item_id, entry in catalog.items.get(resource, {}).items():
                attribute[item_id] = entry.introduced_by
                for name in type(entry.item).model_fields:
                    step = entry.set_by(name)
                    if step is not None:
                        attribute[f"{item_id}.{name}"] = step.layer
        differ.items(resource, before, after, attribute)
    order = [kind.resource for kind in kinds()]
    differ.changes.sort(key=lambda c: (order.index(c.resource) if c.resource in order else -1, c.item))
    return DiffReport(_layer_ref(old.layer), _layer_ref(new.layer), differ.changes)


_LEVEL_ZH = {"breaking": "破坏性变更", "warning": "需关注", "info": "一般变更"}
_COLOURS = {"breaking": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}


def load_levels(path: str) -> dict[str, ChangeLevel]:
    """Read a level override file: a YAML or JSON mapping of change code to level.

    Raises:
        PackageReadError: if the file cannot be read or is not such a mapping.
    """
    import yaml  # noqa: PLC0415 - only override files need it

    from villagecat._budget import read_regular_file  # noqa: PLC0415
    from villagecat._yaml import safe_load  # noqa: PLC0415
    from villagecat.errors import PackageReadError  # noqa: PLC0415

    raw = read_regular_file(path)
    try:
        data = safe_load(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, yaml.YAMLError) as exc:
        raise PackageReadError(
            path, f"cannot read the level overrides: {exc}", f"无法读取变更级别覆盖文件：{exc}"
        ) from exc
    if not isinstance(data, dict):
        raise PackageReadError(path, "must map change codes to levels", "应为“变更代码: 级别”的映射")
    result: dict[str, ChangeLevel] = {}
    for code, level in data.items():
        if code not in CHANGE_LEVELS or level not in ("breaking", "warning", "info"):
            raise PackageReadError(
                path,
                f"{code}: {level} is not a known code with a level breaking, warning or info",
                f"{code}: {level} 不是已知的变更代码或级别（breaking、warning、info）",
            )
        result[str(code)] = level
    return result


def _format_text(report: DiffReport, colour: bool) -> str:
    old, new = report.old, report.new
    lines = [f"{old['name_zh']} {old['id']} {old['version']} → {new['id']} {new['version']}"]
    if not report.changes:
        lines.append("无变化 / no changes")
        return "\n".join(lines) + "\n"
    counts = report.counts()
    lines.append(
        f"破坏性 {counts['breaking']} · 需关注 {counts['warning']} · 一般 {counts['info']}"
        f" · 建议版本升级：{report.suggested_bump}"
    )
    if not report.version_ok:
        lines.append(
            f"版本号不足：{report.old['version']} → {report.new['version']} 仅为 {report.declared_bump}，"
            f"需要 {report.suggested_bump} / the declared version does not announce these changes"
        )
    for change in report.changes:
        mark = f"{_COLOURS[change.level]}{change.level:<8}\033[0m" if colour else f"{change.level:<8}"
        lines.append(f"  {mark} {change.describe('zh')}")
    return "\n".join(lines) + "\n"


def _format_markdown(report: DiffReport) -> str:
    lines = [f"## {report.new['name_zh']} {report.new['version']}（{report.new['id']}）", ""]
    if not report.changes:
        return "\n".join([*lines, "无变化。", ""])
    lines.append(f"建议版本升级：**{report.suggested_bump}**（相对于 {report.old['version']}）")
    if not report.version_ok:
        lines.append(f"\n> 声明的版本 {report.new['version']} 仅为 {report.declared_bump} 升级，不足以反映以下变更。")
    for level in ("breaking", "warning", "info"):
        changes = [c for c in report.changes if c.level == level]
        if changes:
            lines += ["", f"### {_LEVEL_ZH[level]}（{level}）", ""]
            lines.extend(f"- `{c.code}` {c.describe('zh').split('] ', 1)[1]}" for c in changes)
    return "\n".join(lines) + "\n"


def _format_csv(report: DiffReport) -> str:
    import csv  # noqa: PLC0415
    import io  # noqa: PLC0415

    from villagecat._columns import neutralise  # noqa: PLC0415

    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["action", "level", "code", "resource", "id", "field", "old", "new", "layer"])
    for change in report.changes:
        action = (
            "added" if change.code.endswith("-added") else "removed" if change.code.endswith("-removed") else "changed"
        )
        old, new = _show(change.old), _show(change.new)
        row = [
            action,
            change.level,
            change.code,
            change.resource,
            change.item,
            change.field or "",
            old,
            new,
            change.layer or "",
        ]
        writer.writerow([neutralise(cell) for cell in row])
    return buffer.getvalue()


def format_report(report: DiffReport, fmt: str = "text", *, colour: bool = False) -> str:
    """Return a diff report as ``text``, ``markdown``, ``json`` or ``csv``."""
    if fmt == "json":
        import json  # noqa: PLC0415

        return json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n"
    if fmt == "markdown":
        return _format_markdown(report)
    if fmt == "csv":
        return _format_csv(report)
    return _format_text(report, colour)


def codes_markdown() -> str:
    """Return the table of every change code, its level and meaning (``docs/change-codes.md``)."""
    lines = [
        "# 变更代码 / Change codes",
        "",
        "`villagecat diff` 给出的每一项变更都有一个稳定的代码和级别。级别可用 `--levels FILE`",
        "（YAML 或 JSON，`代码: 级别`）按本单位的判断覆盖。",
        "",
        "Every change `villagecat diff` reports has a stable code and a level; override levels",
        "with `--levels FILE` (YAML or JSON mapping code to level). Generated from",
        "`villagecat.diff.CHANGE_LEVELS`; a test fails when this page drifts.",
        "",
        "| code | level | meaning |",
        "|---|---|---|",
    ]
    lines.extend(f"| `{code}` | {level} | {text} |" for code, (level, text) in sorted(CHANGE_LEVELS.items()))
    return "\n".join(lines) + "\n"
