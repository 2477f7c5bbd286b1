"""Starting a new layer package and releasing a revision of one."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections import Counter
from typing import TYPE_CHECKING

from packaging.version import Version
from pydantic import ValidationError

from villagecat._i18n import Both, pair, say
from villagecat._ids import place_name_pinyin
from villagecat._messages import first_message
from villagecat._names import normalise_name
from villagecat.diff import (
    LEVEL_WORDS,
    DiffReport,
    _bump,
    diff_packages,
    rate_operations,
    rule_violations,
)
from villagecat.errors import InvalidRequestError, VillagecatError
from villagecat.models import Layer, Level, ParentRef, Release, Scope
from villagecat.package import ITEM_RESOURCES, LayerPackage, carry_citations, save_layer

if TYPE_CHECKING:
    import os
    from pathlib import Path

    from pydantic import BaseModel

    from villagecat.diff import Change
    from villagecat.registry import LayerRegistry

__all__ = [
    "CHINA_STANDARD_TIME",
    "bump_version",
    "carry_clause_edits",
    "carry_earlier_ids",
    "default_parent",
    "first_release",
    "init_layer",
    "refuse_uncited",
    "refuse_violations",
    "release_layer",
    "same_layer",
    "skipped_layers",
    "today_in_china",
]

#: China Standard Time (UTC+8, no daylight saving): the date a release is recorded under.
CHINA_STANDARD_TIME = dt.timezone(dt.timedelta(hours=8), "CST")


def today_in_china() -> dt.date:
    """Return today's date in China Standard Time (a release at 07:00 Beijing time is today's, not yesterday's)."""
    return dt.datetime.now(tz=CHINA_STANDARD_TIME).date()


_README = """# {name_zh}村级组织工作事务、机制牌子和证明事项指导目录

本文件夹是一个 villagecat 目录层数据包（Frictionless 数据包）：

- `datapackage.json`：本层信息（层级、行政区划代码、版本、上级层及其版本范围）和各资源的表结构；
- `documents.csv`：本层引用的来源文件（文号、发文机关、效力层级）；
- `duties.csv`、`mechanisms.csv`、`signs.csv`、`sign_quotas.csv`、`certificates.csv`、`facilities.csv`：本层新增的条目；
- `overrides.csv`、`cancellations.csv`：对上级层条目的修改和取消，每行须写明出处。

每个条目的标识形如 `{layer_id}.duty.xxx`，每条都要在 `citations` 列写明出处，如
`{layer_id}.document.xxx#二(一)1`。填好后运行：

    villagecat validate .
    villagecat lint .
    villagecat catalog {layer_id} --layer .

也可以导出为 Excel 填写：`villagecat export . -o 目录.xlsx`，填好后 `villagecat import 目录.xlsx -o .`。
"""


def _above(level: Level, code: str) -> list[str]:
    """The division codes above ``code`` of a ``level``, nearest first (cn above them all)."""
    return {
        Level.PROVINCE: [],
        Level.PREFECTURE: [code[:2] + "0000"],
        Level.COUNTY: [code[:4] + "00", code[:2] + "0000"],
        Level.TOWNSHIP: [code[:6], code[:4] + "00", code[:2] + "0000"],
    }.get(level, [])


def default_parent(level: Level, code: str, registry: LayerRegistry) -> str:
    """Return the nearest known layer above a division code: county → prefecture or province → cn."""
    return next((c for c in _above(level, code) if c != code and c in registry), "cn")


def skipped_layers(level: Level, code: str, parent: str, registry: LayerRegistry) -> list[LayerPackage]:
    """The known layers between a division code and the parent declared for it, nearest first.

    A county of Jilin declared onto ``cn`` skips Jilin's shipped layer: its effective catalog would leave out
    every item and rule of the province, so ``init`` tells the clerk (a choice one may mean, never refused).
    """
    above = [*_above(level, code), "cn"]
    if parent not in above:
        return []
    return [found for c in above[: above.index(parent)] if (found := registry.get(c)) is not None]


def _parent_id(parent: str, above: list[str], registry: LayerRegistry) -> str:
    """The id of the parent given by its id, code or name (吉林省, 吉林, Jilin), as ``-j`` takes a jurisdiction.

    A name that names no layer, or one that is not above, is returned as given: the caller names the ones above.
    """
    if parent in above:
        return parent
    try:
        found = registry.find(parent)
    except VillagecatError:
        return parent
    return found.layer.id if found.layer.id in above else parent


def _code_misfit(level: Level, code: str) -> str | None:
    """The message key of the rule a division code of ``level`` breaks (its length, its zeros), or ``None``.

    A province's code ends in 0000 (330000), a prefecture's in 00 (330100), a county's not in
    00 (330106); a township's has 9 digits, its county's 6 first (120117001).
    """
    digits = 9 if level is Level.TOWNSHIP else 6
    if len(code) != digits:
        return f"init-code-{level.value}-length"
    county = code[:6]
    broken = {
        Level.PROVINCE: county[2:] != "0000",
        Level.PREFECTURE: county[4:] != "00" or county[2:4] == "00",
        Level.COUNTY: county[4:] == "00",
        Level.TOWNSHIP: county[4:] == "00",
    }.get(level, False)
    return f"init-code-{level.value}" if broken else None


def init_layer(  # noqa: PLR0913 - every argument is one field of the new layer
    path: str | os.PathLike[str],
    *,
    level: Level,
    code: str,
    name_zh: str,
    registry: LayerRegistry,
    name_en: str | None = None,
    slug: str | None = None,
    parent: str | None = None,
    covers: tuple[Scope, ...] = (Scope.VILLAGE, Scope.COMMUNITY),
) -> Path:
    """Scaffold a new, empty layer package with its parent declared.

    The parent defaults to the nearest known layer above (see :func:`default_parent`) and
    the declared range to the parent's current major version. The English name defaults to
    the Chinese one in pinyin, without its generic part (西湖区 → Xihu, as the shipped layers
    write theirs; never Chinese in an English field), and the slug to ``d<code>``.

    Raises:
        WriteRefusedError: if the path is a file, or a folder that is not empty.
        VillagecatError: if the code is not a division code of the level, or the parent is
            not known or not above it.
    """
    from pathlib import Path  # noqa: PLC0415

    from villagecat._write import atomic_write, write_package  # noqa: PLC0415
    from villagecat.errors import WriteRefusedError  # noqa: PLC0415

    # As -j reads a jurisdiction: full-width digits as an input method types them, spaces around them.
    code = normalise_name(code)
    parent = normalise_name(parent) if parent else parent
    if not re.fullmatch(r"[0-9]{6}|[0-9]{9}", code):
        raise VillagecatError.said("init-code", code=code)
    if code.startswith("00"):
        raise VillagecatError.said("init-code-province-part", code=code)
    misfit = _code_misfit(level, code)
    if misfit is not None:
        shown = Both(f"{level.value}（{level.label}）", level.value)
        raise VillagecatError.said("init-code-level", code=code, level=shown, rule=Both(*pair(misfit)))
    target = Path(path)
    if target.exists() and not target.is_dir():
        raise WriteRefusedError.at(str(target), "write-not-a-folder")
    if target.exists() and any(target.iterdir()):
        raise WriteRefusedError.at(str(target), "init-not-empty")
    above = [*_above(level, code), "cn"]  # nearest first
    parent_id = _parent_id(parent, above, registry) if parent else default_parent(level, code, registry)
    if parent_id not in above:
        named = Both("、".join(above[:-1]) + " 或 cn", ", ".join(above[:-1]) + " or cn") if len(above) > 1 else "cn"
        raise VillagecatError.said("init-parent-not-above", parent=parent_id, code=code, above=named)
    found = registry.get(parent_id)
    if found is None:
        raise VillagecatError.said("init-parent-unknown", parent=parent_id)
    current = Version(found.layer.version)
    upper = f"{current.major + 1}.0.0" if current.major else f"0.{current.minor + 1}.0"
    try:
        layer = Layer(
            id=code,
            level=level,
            division_code=code,
            name_zh=name_zh,
            name_en=name_en or place_name_pinyin(name_zh),
            slug=slug or f"d{code}",
            version="0.1.0",
            parent=ParentRef(id=parent_id, version_range=f">={found.layer.version},<{upper}"),
            covers=tuple(covers),
        )
    except ValidationError as exc:  # a name or slug the caller gave that a layer may not have
        where, zh, en = first_message(exc)
        raise VillagecatError.said("init-invalid", field=where or "layer", detail=Both(zh, en)) from None
    from villagecat.package import package_files  # noqa: PLC0415

    files = {name: text.encode("utf-8") for name, text in package_files(LayerPackage(layer=layer)).items()}
    written = write_package(target, files)
    atomic_write(written / "README.md", _README.format(name_zh=name_zh, layer_id=code).encode("utf-8"))
    return written


#: A first release's notes, where none are given: Chinese alone, as every release's notes (:func:`_notes`), read by
#: clerks and the public; the words ``release`` prints of it (120118 首次发布 0.1.0).
FIRST_RELEASE_NOTES = "首次发布"


def bump_version(version: str, bump: str) -> str:
    """Return ``version`` raised by ``major``, ``minor`` or ``patch`` (``none`` returns it unchanged)."""
    v = Version(version)
    if bump == "major":
        return f"{v.major + 1}.0.0"
    if bump == "minor":
        return f"{v.major}.{v.minor + 1}.0"
    if bump == "patch":
        return f"{v.major}.{v.minor}.{v.micro + 1}"
    return version


def first_release(
    current: LayerPackage,
    path: str | os.PathLike[str],
    *,
    notes: str | None = None,
    date: dt.date | None = None,
) -> LayerPackage:
    """Record the first release of a package that was never released: its declared version.

    When the package already records a release of its version, it is returned unchanged
    (an existing entry's notes are never replaced).
    """
    version = current.layer.version
    if any(r.version == version for r in current.layer.releases):
        return current
    refuse_uncited(current)
    when = (date or today_in_china()).isoformat()
    entry = Release(version=version, date=when, notes=notes or FIRST_RELEASE_NOTES)
    layer = current.layer.model_copy(update={"releases": (*current.layer.releases, entry)})  # validated
    released = dataclasses.replace(current, layer=layer)
    save_layer(released, path)
    return released


def carry_clause_edits(package: LayerPackage, previous: LayerPackage) -> LayerPackage:
    """Carry what was edited on a clause (the workbook's 条款 sheet) into every item that cites it.

    A workbook shows each quote twice: on the 条款 sheet, and in each citing item's 出处.
    A clause whose document, section or quote differs from ``previous``'s clause of the same
    id was edited there; every citation in ``package`` still equal to the old clause takes
    the new text, so the edit is not left behind in an uncited clause. A citation edited in
    the item itself is left as it is.
    """
    before = {clause.id: clause.citation() for clause in previous.clauses}
    edits = {
        before[clause.id]: clause.citation()
        for clause in package.clauses
        if clause.id in before and clause.citation() != before[clause.id]
    }
    return carry_citations(package, edits)


def carry_earlier_ids(package: LayerPackage, previous: LayerPackage) -> LayerPackage:
    """Carry the earlier ids of an item renumbered again into the item that now replaces it (``replaces``).

    Y listed X (renumbered before); the clerk renumbers Y to Z and writes only Y in Z's 替代条目: a county's row
    on X would name nothing. Z takes X too, where that is unambiguous: Y is gone, Z alone lists it, and X is no
    item's id and listed by no other item. What it carries, :func:`earlier_ids_carried` says.
    """
    ids = {str(getattr(i, "id", "")) for r in ITEM_RESOURCES for i in package.resource(r)}
    listed = Counter(old for r in ITEM_RESOURCES for i in package.resource(r) for old in getattr(i, "replaces", ()))
    before = {str(getattr(i, "id", "")): i for r in ITEM_RESOURCES for i in previous.resource(r)}
    changed: dict[str, tuple[BaseModel, ...]] = {}
    for resource in ITEM_RESOURCES:
        items = list(package.resource(resource))
        for n, item in enumerate(items):
            mine: tuple[str, ...] = getattr(item, "replaces", ())
            carried = [
                old
                for y in mine
                if y in before and y not in ids and listed[y] == 1
                for old in getattr(before[y], "replaces", ())
                if old not in mine and old not in ids and listed[old] == 0
            ]
            if carried:
                items[n] = item.model_copy(update={"replaces": (*mine, *dict.fromkeys(carried))})
                listed.update(carried)
                changed[resource] = tuple(items)
    return dataclasses.replace(package, **changed) if changed else package  # type: ignore[arg-type]


def earlier_ids_carried(before: LayerPackage, after: LayerPackage) -> list[Both]:
    """Say, per item, which earlier ids :func:`carry_earlier_ids` added to its ``replaces`` (Chinese first)."""
    said: list[Both] = []
    for resource in ITEM_RESOURCES:
        for old, new in zip(before.resource(resource), after.resource(resource), strict=True):
            added = [i for i in getattr(new, "replaces", ()) if i not in getattr(old, "replaces", ())]
            if added:
                listed = getattr(old, "replaces", ())
                said.append(
                    Both(
                        *pair(
                            "replaces-carried",
                            id=str(getattr(new, "id", "")),
                            earlier=Both("、".join(added), ", ".join(added)),
                            via=Both("、".join(listed), ", ".join(listed)),
                        )
                    )
                )
    return said


def same_layer(previous: LayerPackage, current: LayerPackage) -> None:
    """Refuse to version a layer against another one: their difference is no release of either.

    Raises:
        InvalidRequestError: if the two packages are different layers.
    """
    if previous.layer.id != current.layer.id:
        raise InvalidRequestError.because("release-two-layers", old=previous.layer.id, new=current.layer.id)


def _described(meaning: str, changes: list[Change]) -> str:
    """The changes of one meaning as release notes give them: what they do, then the items and fields touched.

    In words alone: a release's notes are read by clerks and by the public, who read no change code
    (``milestone-due-put-off``); the code stays in ``diff``'s output and its JSON.
    """
    items = list(dict.fromkeys(c.named("zh") for c in changes if c.meaning("zh") == meaning))
    shown = "、".join(items[:5]) + ("等" if len(items) > 5 else "")  # 社区党群服务中心 · 社区: whose rule it was
    return say("release-notes-change", "zh", meaning=meaning, items=shown)


def _notes(report: DiffReport) -> str:
    """A release's default notes, in the report's own words: counts and bump, the layers below, what each change does.

    All come from the report (:meth:`DiffReport.counts_said`, :meth:`DiffReport.children_said`,
    :meth:`Change.meaning`), so the notes never say 影响无法由数据判断 of an override the report
    rates 对村收紧, nor count without the bump, nor make a release major without saying which
    layer below conflicts with it. Chinese sentences alone: no change code, no English bump word.
    """
    ranked = [c for level in LEVEL_WORDS for c in report.changes if c.level == level]  # gravest first, as the report
    meanings = dict.fromkeys(c.meaning("zh") for c in ranked)
    changes = "；".join(_described(meaning, report.changes) for meaning in meanings)
    summary = say(
        "released-summary", "zh", counts=report.counts_said("zh"), bump=_bump(report.suggested_bump, codes=False)
    )
    children = report.children_said("zh")  # a child's conflict makes it major: the notes say which
    if children is None:
        return say("release-notes", "zh", summary=summary, changes=changes)
    return say("release-notes-children", "zh", summary=summary, children=children, changes=changes)


def refuse_uncited(package: LayerPackage) -> None:
    """Refuse to release items that cite nothing: every released item names its source and section.

    Raises:
        InvalidRequestError: naming the items (up to ten), if any cites nothing.
    """
    uncited = [
        str(getattr(item, "id", "")) for _, item in package.iter_items() if getattr(item, "citations", None) == ()
    ]
    if uncited:
        shown = "、".join(uncited[:10]) + ("等" if len(uncited) > 10 else "")
        raise InvalidRequestError.because(
            "release-uncited", count=len(uncited), items=Both(shown, ", ".join(uncited[:10]))
        )


def refuse_violations(violations: list[Change]) -> None:
    """Refuse to release a version that breaks a merge rule: it would not apply as written.

    Raises:
        InvalidRequestError: naming each rule broken, if any is.
    """
    if violations:
        lines = Both(
            "；".join(c.detail or c.describe("zh") for c in violations), "; ".join(c.describe("en") for c in violations)
        )
        raise InvalidRequestError.because("release-violations", count=len(violations), lines=lines)


def release_layer(  # noqa: PLR0913 - the release, and what it is judged against
    previous: LayerPackage,
    current: LayerPackage,
    path: str | os.PathLike[str],
    *,
    notes: str | None = None,
    date: dt.date | None = None,
    registry: LayerRegistry | None = None,
) -> tuple[LayerPackage, DiffReport]:
    """Give ``current`` the version its changes since ``previous`` require, with a changelog entry.

    The version is bumped from the previous release's; the entry's notes default to a
    summary of the changes by code, and its date to today in China Standard Time. The
    package at ``path`` is rewritten file by file (only its own files). When ``current``
    already records a release of that version, it is returned unchanged: an existing
    entry's notes are never replaced, and a second run (or a concurrent one) loses nothing.

    With ``registry`` (the layers above and below it), a version that breaks a merge rule is
    refused, each operation is rated by what it does to the effective catalog
    (:func:`villagecat.diff.rate_operations`: raising an inherited minimum is breaking), and
    the bump follows compatibility as ``diff`` judges it: major only for what breaks
    integrators or a child layer. Without it, only the layer's own rows are compared, and
    the bump follows their levels.

    Raises:
        InvalidRequestError: if ``previous`` is another layer, not an earlier version of this
            one, or (with ``registry``) the new version breaks a merge rule.
        VillagecatError: if nothing changed.
    """
    same_layer(previous, current)
    refuse_uncited(current)
    current = carry_earlier_ids(current, previous)  # an item renumbered again keeps every earlier id
    report = diff_packages(previous, current)
    if registry is not None:
        from villagecat.impact import children  # noqa: PLC0415 - impact imports the merge

        refuse_violations(rule_violations(previous, current, registry))
        report = rate_operations(report, previous, current, registry)
        report.judge_children(children(previous, current, registry))  # the bump, as diff judges it
    if not report.changes:
        raise VillagecatError.said("release-nothing-changed", version=previous.layer.version)
    version = bump_version(previous.layer.version, report.suggested_bump)
    if current.layer.version == version and any(r.version == version for r in current.layer.releases):
        return current, report
    summary = notes or _notes(report)
    when = (date or today_in_china()).isoformat()
    releases = [r for r in current.layer.releases if r.version != version]
    layer = current.layer.model_copy(
        update={"version": version, "releases": (*releases, Release(version=version, date=when, notes=summary))}
    )
    released = dataclasses.replace(current, layer=layer)  # model_copy validates the layer as changed
    save_layer(released, path)
    report.new = {**report.new, "version": version}  # the report is of the release made: it announces them
    report.declared_bump = report.suggested_bump
    return released, report
