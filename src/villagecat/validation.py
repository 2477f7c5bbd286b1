"""Validating layer packages: schemas, ids, citations and parents, every problem at once."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from itertools import chain, repeat
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypedDict

from villagecat._arguments import kind_of, need, need_paths
from villagecat._budget import fixed_limits, given_max_bytes
from villagecat._i18n import Both, pair
from villagecat._names import misspelt, normalise_names
from villagecat.errors import ArgumentTypeError, LayerChainError
from villagecat.format.registry import kind_by_resource
from villagecat.models import Certificate, Clause, Document
from villagecat.package import (
    DEPENDENCIES,
    ID_KINDS,
    ITEM_RESOURCES,
    RESOURCES,
    LayerPackage,
    bulk,
    descriptor_files,
    load_layer,
    read_package,
    resource_words,
)
from villagecat.report import Problem, ValidationReport

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Mapping

    from pydantic import BaseModel

    from villagecat._fast import FastPackage, Opened, Table
    from villagecat.format.registry import Kind
    from villagecat.merging import Conflict, MergeCache
    from villagecat.models import Layer
    from villagecat.models.document import Citation
    from villagecat.registry import LayerRegistry

__all__ = [
    "ParentTaken",
    "check_package",
    "parents_taken",
    "validate",
    "validate_layer",
    "validate_many",
    "validate_noting_parents",
    "verified",
]


def _citations(item: object) -> list[tuple[str, Citation]]:
    found: list[tuple[str, Citation]] = [(f"citations[{i}]", c) for i, c in enumerate(getattr(item, "citations", []))]
    if isinstance(item, Certificate):
        found += [(f"basis[{i}]", c) for i, c in enumerate(item.basis)]
    return found


def _positioned(package: LayerPackage) -> Iterator[tuple[str, int, BaseModel]]:
    """Yield every item with its resource and its index there (for ``package.where``)."""
    for resource in RESOURCES:
        for index, item in enumerate(package.resource(resource)):
            yield resource, index, item


def _check_ids(package: LayerPackage, problems: list[Problem]) -> None:
    """Check every id: unique, of its resource's kind, in the layer's namespace; ``replaces`` its own.

    The common case (nothing wrong) is checked with sets and string comparisons; messages and
    positions are built only for the ids that fail.
    """
    layer_id = package.layer.id
    seen: dict[str, str] = {}
    renumbered: list[tuple[str, int, str, str]] = []  # each earlier id an item lists: resource, index, id, old id
    for resource in RESOURCES:
        items = package.resource(resource)
        kind_segment = ID_KINDS[resource]
        expected = f"{layer_id}.{kind_segment}."
        has_replaces = "replaces" in RESOURCES[resource].model_fields  # asked once: a miss is slow per item
        for index, item in enumerate(items):
            item_id: str = item.id  # type: ignore[attr-defined]
            replaces: tuple[str, ...] = item.replaces if has_replaces else ()  # type: ignore[attr-defined]
            repeated = item_id in seen
            fine = not repeated and item_id.startswith(expected)
            seen.setdefault(item_id, resource)
            renumbered.extend((resource, index, item_id, old) for old in replaces)
            if fine and all(old.startswith(f"{layer_id}.") for old in replaces):
                continue
            _id_problems(package, resource, index, item_id, replaces, seen, problems, repeated=repeated)
    _renumbering_problems(package, renumbered, seen, problems)


def _renumbering_problems(
    package: LayerPackage, renumbered: list[tuple[str, int, str, str]], ids: dict[str, str], problems: list[Problem]
) -> None:
    """Each earlier id (``replaces``) merge could not follow, of the layer's own (another's: ``replaces-other-layer``).

    An old id replaced twice (which item would the layers below's operations on it follow?), still an
    item's id (they would name either), or of another kind (merge follows no renumbering across kinds).
    """
    layer_id = package.layer.id
    replaced: dict[str, str] = {}  # an old id -> the item that replaces it
    for resource, index, item_id, old in renumbered:
        kind = ID_KINDS[resource]
        found: list[tuple[str, _Said]] = []
        if replaced.setdefault(old, item_id) != item_id:
            found.append(("replaces-twice", _message("replaces-twice", replaces=old, id=item_id, first=replaced[old])))
        if old in ids:
            found.append(("replaces-present", _message("replaces-present", id=item_id, replaces=old)))
        if old.startswith(f"{layer_id}.") and not old.startswith(f"{layer_id}.{kind}."):
            found.append(("replaces-other-kind", _message("replaces-other-kind", id=item_id, replaces=old, kind=kind)))
        where = package.where(resource, index) if found else {}
        problems.extend(Problem(code=code, **said, field="replaces", **where) for code, said in found)


def _id_problems(  # noqa: PLR0913, PLR0917 - the failing item and what it is checked against
    package: LayerPackage,
    resource: str,
    index: int,
    item_id: str,
    replaces: tuple[str, ...],
    seen: dict[str, str],
    problems: list[Problem],
    *,
    repeated: bool,
) -> None:
    """Describe what is wrong with one item's ids (``repeated``: an item before it has the same id)."""
    layer_id = package.layer.id
    where = package.where(resource, index)
    prefix, _, rest = item_id.partition(".")
    kind = rest.partition(".")[0]
    first = package.where(seen[item_id], 0)["file"] if seen.get(item_id) else where["file"]
    if repeated:  # known from the ids seen, never by comparing with every item before it (rows filled down)
        problems.append(
            Problem(
                code="duplicate-id",
                **_message("duplicate-id", id=item_id, first=first),
                field="id",
                **where,
            )
        )
    if kind != ID_KINDS[resource]:
        problems.append(
            Problem(
                code="id-kind",
                **_message("id-kind", id=item_id, kind=ID_KINDS[resource]),
                field="id",
                **where,
            )
        )
    if prefix != layer_id:
        problems.append(
            Problem(
                code="id-namespace",
                **_message("id-namespace", id=item_id, layer=layer_id),
                field="id",
                **where,
            )
        )
    problems.extend(
        Problem(
            code="replaces-other-layer",
            **_message("replaces-other-layer", layer=layer_id, replaces=old),
            field="replaces",
            **where,
        )
        for old in replaces
        if old.partition(".")[0] != layer_id
    )


class _Said(TypedDict):
    message_zh: str
    message_en: str


def _message(key: str, /, **values: object) -> _Said:
    """A problem's message from the catalog, as the keyword arguments of :class:`Problem`."""
    zh, en = pair(key, **values)
    return {"message_zh": zh, "message_en": en}


def _documents_in_chain(package: LayerPackage, registry: LayerRegistry, problems: list[Problem]) -> set[str] | None:
    """Return the ids of documents in the package and its ancestors; None if the chain is broken."""
    docs = {d.id for d in package.documents}
    layer = package.layer
    if layer.parent is None:
        return docs
    parent = registry.get(layer.parent.id)
    if parent is None:
        problems.append(
            Problem(
                "datapackage.json",
                "unknown-parent",
                *pair("unknown-parent", parent=layer.parent.id),
                field="layer.parent.id",
            )
        )
        return None
    if not layer.parent.admits(parent.layer.version):
        problems.append(
            Problem(
                "datapackage.json",
                "parent-version",
                *pair(
                    "parent-version",
                    parent=parent.layer.id,
                    version=parent.layer.version,
                    range=layer.parent.version_range,
                ),
                field="layer.parent.version_range",
            )
        )
    try:
        chain = registry.chain(package)
    except LayerChainError as exc:
        problems.append(
            Problem(
                "datapackage.json",
                "parent-chain",
                *pair("parent-chain", detail=Both(exc.message_zh, exc.message_en)),
                field="layer.parent.id",
            )
        )
        return None
    for ancestor in chain:
        docs.update(d.id for d in ancestor.documents)
    return docs


@dataclass
class _Lost:
    """What the readers of a package and of its ancestors lost (:class:`~villagecat.package.Unread`), by layer.

    A reference into a resource one of them lost is not judged: :meth:`hides` notes it, and
    :meth:`say` then adds one problem per check and resource so passed over, beside the reason
    it was lost (see :data:`~villagecat.package.DEPENDENCIES`).
    """

    own: LayerPackage
    ancestors: list[LayerPackage]
    passed_over: dict[tuple[str, str, str], LayerPackage] = field(default_factory=dict)

    @classmethod
    def of(cls, package: LayerPackage, registry: LayerRegistry | None) -> _Lost:
        """What ``package`` and, when the registry knows its chain, its ancestors lost."""
        ancestors: list[LayerPackage] = []
        if registry is not None:
            try:
                ancestors = registry.chain(package)[:-1]
            except LayerChainError:  # said by the parent's checks
                ancestors = []
        return cls(package, ancestors)

    def hides(self, check: str, reference: str, *, resource: str | None = None, by_name: bool = False) -> bool:
        """Whether ``reference`` (an id, or a name, ``by_name``) may name an item a reader lost.

        ``check`` is the code of the problem not reported (a key of ``DEPENDENCIES``), which
        names the resource looked in, unless it depends on the item named (then ``resource``).
        An id is looked for in its own namespace's layer; a name in any ancestor.
        """
        resource = resource or DEPENDENCIES[check][0] or ""
        if by_name:
            layers = [p for p in self.ancestors if resource in p.unread.files or p.unread.rows.get(resource)]
        else:
            layer = reference.partition(".")[0]
            mine = (self.own, *self.ancestors)
            layers = [p for p in mine if p.layer.id == layer and p.unread.hides(resource, reference)]
        for package in layers:
            if resource in package.unread.files:  # a refused row's own problem says why it is missing
                self.passed_over.setdefault((check, package.layer.id, resource), package)
        return bool(layers)

    def knows(self, layer: str) -> bool:
        """Whether ``layer`` is the package's or an ancestor's id."""
        return any(p.layer.id == layer for p in (self.own, *self.ancestors))

    def say(self, problems: list[Problem]) -> None:
        """Say once per check, layer and resource that references into what a reader lost were not judged."""
        for (check, _, resource), package in self.passed_over.items():
            message = DEPENDENCIES[check][1]
            if package is self.own:
                words = resource_words(resource)
                where: dict[str, Any] = {"file": package.unread.files[resource]}
            else:
                words = resource_words(resource, package.layer.id)
                where = {"file": "datapackage.json", "field": "layer.parent.id"}
            problems.append(Problem(code="unchecked", **_message(message, resource=words), **where))


def _check_citations(
    package: LayerPackage, docs: set[str], complete: bool, lost: _Lost, problems: list[Problem]
) -> None:
    """Check every citation (and annex link) against the known documents.

    When the chain is not known (``complete`` false), only citations of documents in
    the package's own namespace are checked. A document a reader lost (its file, or its
    refused row: an impossible date) is not judged missing, so one bad cell is one problem,
    not a hundred.
    """
    own = package.layer.id
    failing: list[tuple[str, int, BaseModel]] = []
    for resource in RESOURCES:
        items = package.resource(resource)
        model = RESOURCES[resource]
        # The common case is checked as sets of document ids, per resource; positions only for failures.
        if model is Document:
            cited = {d.part_of for d in items if d.part_of is not None}  # type: ignore[attr-defined]
        elif model is Clause:
            cited = {c.document for c in items}  # type: ignore[attr-defined]
        else:
            cited = {c.document for item in items for c in item.citations}  # type: ignore[attr-defined]
            if model is Certificate:
                cited.update(c.document for item in items for c in item.basis)  # type: ignore[attr-defined]
        if cited <= docs:
            continue
        failing.extend((resource, index, item) for index, item in enumerate(items))
    for resource, index, item in failing:
        refs = [(path, c.document) for path, c in _citations(item)]
        if isinstance(item, Document) and item.part_of is not None:
            refs.append(("part_of", item.part_of))
        if isinstance(item, Clause):
            refs.append(("document", item.document))
        for path, document in refs:
            if not complete and document.partition(".")[0] != own:
                continue
            if document not in docs and not lost.hides("unknown-document", document):
                said = _message("unknown-document", item=getattr(item, "id", ""), document=document)
                meant = misspelt(document, docs)
                if meant is not None:  # 120117.document.workplan for work-plan: say which
                    said = _message("unknown-document-misspelt", said=Both(*said.values()), meant=meant)
                problems.append(
                    Problem(
                        code="unknown-document",
                        **said,
                        field=path,
                        **package.where(resource, index),
                    )
                )


def _check_admission(
    package: LayerPackage, docs: set[str], complete: bool, lost: _Lost, problems: list[Problem]
) -> None:
    admission = package.layer.admission
    if admission is None:
        return
    for index, citation in enumerate(admission.citations):
        if (
            (complete or citation.document.partition(".")[0] == package.layer.id)
            and citation.document not in docs
            and not lost.hides("unknown-document", citation.document)
        ):
            problems.append(
                Problem(
                    "datapackage.json",
                    "unknown-document",
                    *pair("admission-unknown-document", document=citation.document),
                    field=f"layer.admission.citations[{index}]",
                )
            )


def _check_merge(
    package: LayerPackage,
    registry: LayerRegistry,
    lost: _Lost,
    problems: list[Problem],
    merges: MergeCache | None = None,
) -> None:
    """Merge the package onto its ancestors and report its own operations' conflicts."""
    from villagecat._budget import exceeded  # noqa: PLC0415
    from villagecat.merging import crowded_field, merge  # noqa: PLC0415 - merge imports this module's neighbours

    try:
        chain = registry.chain(package)
    except LayerChainError:
        return
    rows: dict[str, tuple[str, int]] = {}
    for resource, index, item in _positioned(package):
        rows[str(getattr(item, "id", ""))] = (resource, index)
    crowded = crowded_field(package)
    if crowded is not None:  # too many operations on one field to merge: a verdict, not a raise
        target, name, most = crowded
        error = exceeded("operations", package.source or package.layer.id, most)
        problems.append(
            Problem("overrides", "budget-operations", error.message_zh, error.message_en, field=f"{target}.{name}")
        )
        return
    for conflict in (merges.merge(chain) if merges is not None else merge(chain)).conflicts:
        # The parent's version and duplicate ids are reported by the checks above.
        if conflict.layer != package.layer.id or conflict.rule in ("parent_version", "chain_order", "duplicate_id"):
            continue
        resource, index = rows.get(conflict.operation or conflict.item, ("", -1))
        if conflict.rule == "unknown_target" and _target_lost(conflict, resource, lost):
            continue
        where = package.where(resource, index) if resource else {"file": "datapackage.json"}
        problems.append(
            Problem(
                code=f"merge-{conflict.rule.replace('_', '-')}",
                message_zh=conflict.describe("zh"),
                message_en=conflict.describe("en"),
                field=_conflict_column(resource, conflict.field, conflict.rule),
                **where,
            )
        )


def _target_lost(conflict: Conflict, resource: str, lost: _Lost) -> bool:
    """Whether the item an operation or restating row names may be one an ancestor's reader lost."""
    if conflict.field == "restates":  # by id or name, an item of the row's own kind in any ancestor
        key = str(conflict.attempted)
        return lost.hides("merge-unknown-target", key, resource=resource, by_name=not lost.knows(key.partition(".")[0]))
    segment = conflict.item.split(".")[1] if conflict.item.count(".") >= 2 else ""
    target = next((name for name, kind in ID_KINDS.items() if kind == segment), None)
    return target is not None and lost.hides("merge-unknown-target", conflict.item, resource=target)


def _conflict_column(resource: str, field: str | None, rule: str) -> str:
    """The cell that holds a merge conflict: an operation's value, field or target; an item's own field, or its name."""
    kind = kind_by_resource(resource)
    if kind is not None and kind.role != "operation":
        return field or "name"  # restates, replaces; or the item itself (a name its parents already use)
    if rule == "unknown_field":
        return "field"
    return "value" if field else "target"


def check_package(
    package: LayerPackage,
    report: ValidationReport,
    registry: LayerRegistry | None = None,
    merges: MergeCache | None = None,
) -> None:
    """Check what a package's schemas cannot: ids, namespaces, citations, the parent.

    Without a registry only the package itself is checked: citations of documents
    in other layers' namespaces, and the parent, need the registry.

    Args:
        package: The package read.
        report: Where problems are added.
        registry: Known layers, for the parent and the documents of ancestors.
        merges: Shared merges of common ancestors, when many packages are checked together.
    """
    _check_ids(package, report.problems)
    docs = None if registry is None else _documents_in_chain(package, registry, report.problems)
    complete = docs is not None
    known = docs if docs is not None else {d.id for d in package.documents}
    lost = _Lost.of(package, registry)
    _check_citations(package, known, complete, lost, report.problems)
    _check_admission(package, known, complete, lost, report.problems)
    if registry is not None and docs is not None:
        before = len(report.problems)
        _check_merge(package, registry, lost, report.problems, merges)
        # A parent range is judged by merging: a parent outside it that the layer still fits
        # (no merge problem of its own) has not stranded the layer, and is not a problem; it is
        # said, so the clerk brings the declared range in line before the next release.
        if len(report.problems) == before:
            report.notes.extend(_merging_anyway(p) for p in report.problems if p.code == "parent-version")
            report.problems[:] = [p for p in report.problems if p.code != "parent-version"]
    lost.say(report.problems)


def _merging_anyway(problem: Problem) -> Problem:
    """The note a parent outside the declared range becomes when the layer still merges onto it."""
    return Problem(
        problem.file,
        "parent-version-merges",
        *pair("parent-version-merges", detail=Both(problem.message_zh, problem.message_en)),
        field=problem.field,
    )


def validate_layer(
    package: LayerPackage, *, parents: Iterable[LayerPackage | str | os.PathLike[str]] = ()
) -> ValidationReport:
    """Validate a package held in memory (before it is written): ids, citations, parent, merge rules.

    Its rows were validated when they were built; this checks what needs the package
    as a whole and its ancestors, as :func:`validate` does for a package on disk.
    """
    from villagecat.registry import shipped_registry  # noqa: PLC0415

    need(package, LayerPackage, "argument-not-package", what=Both("要校验的数据包", "the package to validate"))
    parents = _need_parents(parents)
    report = ValidationReport(target=package.source or package.layer.id)
    registry = shipped_registry([*parents, package])
    check_package(package, report, registry)
    return report


def validate(
    path: str | os.PathLike[str],
    *,
    parents: Iterable[LayerPackage | str | os.PathLike[str]] = (),
    max_bytes: int | None = None,
) -> ValidationReport:
    """Validate one package: its schemas, ids, citations and parent.

    Args:
        path: A package folder, its ``datapackage.json``, a zip, or a git revision's copy of one, ``REV:PATH``
            (``HEAD~1:data/national``, a tag or a commit; the path read from the current folder, as git reads it).
        parents: Layers, besides the shipped ones, that may be its ancestors: packages, or their paths
            (read as ``villagecat validate --layer`` reads them: one that cannot be read or is not valid raises
            :class:`~villagecat.errors.PackageReadError` or :class:`~villagecat.errors.ValidationFailedError`).
        max_bytes: The largest file read (default ``VILLAGECAT_MAX_BYTES`` or 64 MiB).

    Returns:
        The report. ``report.valid`` is the verdict; ``report.raise_for_problems()``
        raises :class:`~villagecat.errors.ValidationFailedError` for those who prefer.
    """
    return validate_many([path], parents=parents, max_bytes=max_bytes)[0]


def validate_many(
    paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str],
    *,
    parents: Iterable[LayerPackage | str | os.PathLike[str]] = (),
    max_bytes: int | None = None,
) -> list[ValidationReport]:
    """Validate several packages together: each may be an ancestor of another.

    Every package is first read for a verdict only (:mod:`villagecat._fast`), one at a time
    after the parents of the others; one that is not certainly valid is read and checked in
    full, so each problem is found and worded as :func:`validate` words it.

    Returns:
        One report per path, in order.

    Raises:
        InvalidRequestError: if ``max_bytes`` is below 1 (no file could be read).
        ArgumentTypeError: if ``paths`` is neither a path nor an iterable of paths.
    """
    given_max_bytes(max_bytes)
    targets = need_paths(paths)  # one path alone is one package, not the characters of its name
    listed = _need_parents(parents)
    with bulk(), fixed_limits():
        # What is read is let go before the collector runs again, so it has little to look at.
        return _validate_many(targets, listed, max_bytes)


def _need_parents(parents: object) -> list[LayerPackage]:
    """The parents given, as a list: packages, or their paths (read by :func:`load_layer`, as ``--layer`` reads them).

    One package or path alone, or None, is refused: write ``[parent]``.

    Raises:
        ArgumentTypeError: for anything else.
        PackageReadError: if a parent's path cannot be read.
        ValidationFailedError: if a parent read from its path is not valid.
    """
    what = Both("上级层", "parents")
    if isinstance(parents, LayerPackage | str | bytes | os.PathLike) or not hasattr(parents, "__iter__"):
        raise ArgumentTypeError.because("argument-not-parents", kind=kind_of(parents), what=what)
    listed = []
    for parent in parents:  # read once: a generator's paths are read as a list's are
        if isinstance(parent, str | os.PathLike):
            listed.append(load_layer(parent))
        elif isinstance(parent, LayerPackage):
            listed.append(parent)
        else:
            raise ArgumentTypeError.because("argument-not-parents", kind=kind_of(parent), what=what)
    return listed


def _validate_many(
    targets: list[str | os.PathLike[str]],
    parents: list[LayerPackage],
    max_bytes: int | None,
    ids_read: dict[str | os.PathLike[str], _Ids] | None = None,
) -> list[ValidationReport]:
    """:func:`validate_many`'s work; ``ids_read`` (if given) gets each descriptor's layer ids read fast, by path."""
    from villagecat._fast import open_fast, read_fast  # noqa: PLC0415 - the fast path loads only when it runs
    from villagecat.merging import MergeCache  # noqa: PLC0415 - merge imports this module's neighbours
    from villagecat.registry import shipped_registry  # noqa: PLC0415 - loads shipped data only when needed

    # First the descriptors: which layer each package is, and which are the parents of others.
    opened = [open_fast(p, max_bytes) for p in targets]
    if ids_read is not None:
        ids_read.update((p, _ids_of(o.layer)) for p, o in zip(targets, opened, strict=True) if o is not None)
    read = [
        None if o is not None else read_package(p, max_bytes=max_bytes) for p, o in zip(targets, opened, strict=True)
    ]
    layers = [
        o.layer if o is not None else r[0].layer if r and r[0] else None for o, r in zip(opened, read, strict=True)
    ]
    # An ancestor's items are merged for its descendants: it is read whole, every row a model.
    whole: list[LayerPackage | None] = [None] * len(targets)
    known = shipped_registry(parents)
    while True:
        needed = _ancestors_given(layers, known)
        todo = [i for i, o in enumerate(opened) if o is not None and whole[i] is None and o.layer.id in needed]
        if not todo:
            break
        for index in todo:
            o = opened[index]
            fast = read_fast(o) if o is not None else None
            if fast is not None:
                whole[index] = fast.materialise()
                continue
            in_full = read_package(targets[index], max_bytes=max_bytes)
            opened[index], read[index] = None, in_full
            if in_full[0] is None:
                # Not in the registry, so in no chain: walk the chains again without it (another given
                # layer, or a shipped one, stands in its place, and its ancestors may be given too).
                layers[index] = None
    held = [w if w is not None else r[0] if r is not None else None for w, r in zip(whole, read, strict=True)]
    registry = shipped_registry([*parents, *(p for p in held if p is not None)])
    merges = MergeCache()  # a province is merged once for all its counties
    reports = []
    for index, target in enumerate(targets):
        # The others one at a time, each let go once judged: what is held at once stays small.
        o, done = opened[index], read[index]
        certain = None if o is None else _certain(o, whole[index], registry, merges)
        if certain is not None:
            reports.append(ValidationReport(target=str(target), notes=certain))
            continue
        # Read in full what the fast path did not vouch for, so that every problem is worded.
        package, report = done if done is not None else read_package(target, max_bytes=max_bytes)
        if package is not None:
            check_package(package, report, registry, merges)
        reports.append(report)
    return reports


@dataclass(frozen=True)
class ParentTaken:
    """Where a package's parent was taken from, as :func:`validate_many` resolves it, and the folder above it.

    Attributes:
        parent: The parent's layer id.
        shipped: The parent is villagecat's shipped layer (None: neither shipped nor given).
        name: The shipped parent's name (Chinese, English), when shipped.
        version: The shipped parent's version, when shipped.
        around: The nearest folder above the package that holds a package of the parent's id,
            when that package is not the one used: not given, and not the shipped one byte for byte.
        used: When packages of the parent's id given are not all the same: the one used (the last
            given: --layer first, then the PATHs), its folder and version.
        unused: Then the others given, their folders and versions, in the order given.
    """

    parent: str
    shipped: bool | None
    name: Both | None = None
    version: str | None = None
    around: Path | None = None
    used: tuple[Path, str | None] | None = None
    unused: tuple[tuple[Path, str | None], ...] = ()


#: A package's layer id, its parent's id and its version, as its descriptor gives them.
_Ids = tuple[str, str | None, str | None]


def _ids_of(layer: Layer) -> _Ids:
    return layer.id, (layer.parent.id if layer.parent is not None else None), layer.version


def _layer_ids(folder: Path) -> _Ids | None:
    """A package folder's layer id, its parent's id and its version, read from its descriptor alone; None if unread.

    A descriptor in the form villagecat writes is read as :func:`validate_many` reads it, its
    resources recognised by their bytes, not parsed: their Table Schemas are most of its bytes,
    and parsing them for every package cost `validate` over many packages a half again.
    """
    import json  # noqa: PLC0415

    from villagecat._fast import open_fast  # noqa: PLC0415 - the fast path loads only when it runs

    descriptor = folder / "datapackage.json"
    try:
        if descriptor.stat().st_size > _DESCRIPTOR_BYTES:
            return None
        opened = open_fast(folder)  # None: any other form, read whole below
        if opened is not None:
            return _ids_of(opened.layer)
        layer = json.loads(descriptor.read_text(encoding="utf-8-sig")).get("layer")
        parent = layer.get("parent") or {}
        version = layer.get("version")
        return (
            str(layer["id"]),
            (str(parent["id"]) if parent.get("id") is not None else None),
            (str(version) if isinstance(version, str) else None),
        )
    except (OSError, ValueError, AttributeError, KeyError, TypeError, RecursionError):  # nested past reading
        return None


#: A descriptor larger than this is not read to find a parent (the reader says what is wrong with it).
_DESCRIPTOR_BYTES = 1 << 20


def _folder_of(path: str | os.PathLike[str]) -> Path | None:
    """The package folder a path names (a folder or its ``datapackage.json``), resolved; else None (a zip)."""
    try:
        resolved = Path(path).resolve()
        if resolved.name == "datapackage.json":
            resolved = resolved.parent
        return resolved if (resolved / "datapackage.json").is_file() else None
    except (OSError, RuntimeError):  # a folder not to be read, a loop of links: the reader says so
        return None


def _same_files(one: Path, other: Path) -> bool:
    """Whether two package folders hold the same descriptor and resources, byte for byte."""
    import filecmp  # noqa: PLC0415

    names = descriptor_files(one)
    try:
        return (
            names is not None
            and names == descriptor_files(other)
            and all(filecmp.cmp(one / n, other / n, shallow=False) for n in names)
        )
    except OSError:
        return False


class _Parents:
    """The packages given to one ``validate`` run, each descriptor read once, for :func:`parents_taken`.

    Asked for every package of the run, a look-up per package over every given path read each
    descriptor once per package: 300 packages took 35 s, the whole nation hours.
    """

    def __init__(
        self,
        given: Iterable[LayerPackage | str | os.PathLike[str]],
        ids_read: Mapping[str | os.PathLike[str], _Ids] | None = None,
    ) -> None:
        #: A given layer's id -> its folders (None: a package read already, of no folder) and versions, in the
        #: order given (the last is used).
        self.order: dict[str, list[tuple[Path | None, str | None]]] = {}
        self.zipped = False  # a given path that is no folder (a zip): which layer it holds is not read
        self._read: dict[Path, _Ids | None] = {}
        self._same: dict[tuple[Path, Path], bool] = {}
        self._folders: dict[str | os.PathLike[str], Path | None] = {}  # each path resolved once
        for path, read in (ids_read or {}).items():  # what validate_many read of a path is not read again
            if (folder := self.folder_of(path)) is not None:
                self._read[folder] = read
        for other in given:
            if isinstance(other, LayerPackage):
                folder = _folder_of(other.source) if other.source else None
                self.order.setdefault(other.layer.id, []).append((folder, other.layer.version))
                continue
            folder = self.folder_of(other)
            if folder is None:
                self.zipped = True
            elif (ids := self.layer_ids(folder)) is not None:
                self.order.setdefault(ids[0], []).append((folder, ids[2]))

    def folder_of(self, path: str | os.PathLike[str]) -> Path | None:
        if path not in self._folders:
            self._folders[path] = _folder_of(path)
        return self._folders[path]

    def layer_ids(self, folder: Path) -> _Ids | None:
        if folder not in self._read:
            self._read[folder] = _layer_ids(folder)
        return self._read[folder]

    def same(self, one: Path, other: Path) -> bool:
        if (one, other) not in self._same:
            self._same[one, other] = one == other or _same_files(one, other)
        return self._same[one, other]

    def given(self, parent: str, given: list[tuple[Path | None, str | None]]) -> ParentTaken:
        """The parent given with the package: the last of its id given, and the others when they differ from it.

        A package read already (of no folder) cannot be compared: only folders are named.
        """
        used_folder, used_version = given[-1]
        unused: dict[Path, str | None] = {}
        for other, version in given[:-1]:
            if used_folder is not None and other is not None and not self.same(other, used_folder):
                unused.setdefault(other, version)
        used = (used_folder, used_version) if used_folder is not None and unused else None
        return ParentTaken(parent, shipped=False, used=used, unused=tuple(unused.items()) if used else ())

    def taken(self, target: str | os.PathLike[str]) -> ParentTaken | None:
        from villagecat.registry import shipped_registry  # noqa: PLC0415

        folder = self.folder_of(target)
        ids = self.layer_ids(folder) if folder is not None else None
        if folder is None or ids is None or ids[1] is None:
            return None
        parent = ids[1]
        around = next((p for p in folder.parents if self.folder_of(p) == p), None)
        if around is not None and (self.layer_ids(around) or ("", None, None))[0] != parent:
            around = None
        given = [g for g in self.order.get(parent, []) if g[0] != folder]
        if given:
            return self.given(parent, given)
        if self.zipped:
            return None
        shipped = shipped_registry().get(parent)
        if shipped is None:
            return ParentTaken(parent, shipped=None, around=around)
        source = self.folder_of(shipped.source) if shipped.source else None
        if around is not None and source is not None and self.same(around, source):
            around = None
        name = Both(shipped.layer.name_zh, shipped.layer.name_en)
        return ParentTaken(parent, shipped=True, name=name, version=shipped.layer.version, around=around)


def parents_taken(
    targets: Iterable[str | os.PathLike[str]], given: Iterable[LayerPackage | str | os.PathLike[str]] = ()
) -> list[ParentTaken | None]:
    """Where :func:`validate_many` takes the parent of each package at ``targets`` from, beside ``given`` packages.

    ``given`` are the packages named (validated together, or parents; read, or their paths): one of
    the parent's id, other than the package itself, is used; given in the order the run takes them
    (the ``--layer`` packages, then the paths), several of that id that differ are named, the last
    as the one used. Else the shipped layer is, even when
    the package sits inside a folder holding an edited copy of its parent (``around``), which a
    clerk would take for the parent. None for a package without a parent, one whose descriptor
    does not read (its report says why), or when a given path is a zip (which layer it holds is not
    read here). Each descriptor is read once, however many targets there are.
    """
    with bulk(), fixed_limits():  # the budgets read once, not for each descriptor, as validate_many reads them
        parents = _Parents(given)
        return [parents.taken(target) for target in targets]


def validate_noting_parents(
    paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str],
    *,
    parents: Iterable[LayerPackage | str | os.PathLike[str]] = (),
    max_bytes: int | None = None,
) -> tuple[list[ValidationReport], list[ParentTaken | None]]:
    """:func:`validate_many` of ``paths``, and :func:`parents_taken` of each readable report, as ``validate`` says both.

    ``parents`` and ``paths`` are the packages given (``--layer``, then the paths), as :func:`parents_taken`
    takes them. Each descriptor is read once for both: the ids a package's descriptor gave the validation are
    not read again to say which parent it was checked against (on the nation, a tenth of the command).

    Returns:
        The reports, one per path in order, and for each readable report (in the same order) where its
        parent was taken from.

    Raises:
        As :func:`validate_many`.
    """
    given_max_bytes(max_bytes)
    targets = need_paths(paths)
    listed = _need_parents(parents)
    ids_read: dict[str | os.PathLike[str], _Ids] = {}
    with bulk(), fixed_limits():
        reports = _validate_many(targets, listed, max_bytes, ids_read)
        known = _Parents([*listed, *targets], ids_read)
        return reports, [known.taken(r.target) for r in reports if r.readable]


def _ancestors_given(layers: list[Layer | None], known: LayerRegistry) -> set[str]:
    """The ids of the given layers that are an ancestor of a given layer, however far up.

    Each layer's chain is walked as the registry of :func:`validate_many` will resolve it: a
    given layer before a known one of the same id (the later given one, on a clash). A
    county given with the nation but not its province is checked against the given nation,
    which must therefore be read whole too.
    """
    given = {layer.id: layer for layer in layers if layer is not None}
    needed: set[str] = set()
    for layer in layers:
        seen: set[str] = set()
        current = layer
        while current is not None and current.parent is not None and current.parent.id not in seen:
            parent_id = current.parent.id
            seen.add(parent_id)
            if parent_id in given:
                needed.add(parent_id)
                current = given[parent_id]
            else:
                found = known.get(parent_id)
                current = found.layer if found is not None else None
    return needed


def _certain(
    opened: Opened, whole: LayerPackage | None, registry: LayerRegistry, merges: MergeCache
) -> list[Problem] | None:
    """A package opened fast that is certainly valid: its notes; None when it is not certain.

    It is checked whole if it was read whole, else by :func:`verified`.
    """
    from villagecat._fast import read_fast  # noqa: PLC0415 - the fast path loads only when it runs

    scratch = ValidationReport(target=opened.path)
    try:
        if whole is None:
            fast = read_fast(opened)
            return scratch.notes if fast is not None and verified(fast, registry, merges, scratch.notes) else None
        check_package(whole, scratch, registry, merges)
    except Exception:  # noqa: BLE001 - a verdict only: what this did not expect, the full reader judges
        return None
    return None if scratch.problems else scratch.notes


def verified(
    fast: FastPackage, registry: LayerRegistry, merges: MergeCache, notes: list[Problem] | None = None
) -> bool:
    """Whether a package read by :func:`villagecat._fast.read_fast` is certainly valid.

    ``notes``, if given, receives what the package's report would note (the notes of a valid one).

    Its documents, clauses, overrides, cancellations and restating rows are models:
    :func:`check_package` checks them, its parent and the merge of its operations. The other
    rows are checked here as columns, by the same rules as :func:`_check_ids` and the merge's
    names across layers; False sends the package to the full reader. Their citations need no
    check of their own: the fast reader admits only clause ids of the package's clauses, and
    :func:`check_package` has checked each clause's document.
    """
    package = fast.skeleton
    scratch = ValidationReport(target=package.source or "")
    check_package(package, scratch, registry, merges)
    if scratch.problems:
        return False
    if notes is not None:
        notes.extend(scratch.notes)
    layer_id = package.layer.id
    ids = fast.ids()
    for resource, table in fast.tables.items():
        own = table.column("id") or ()
        if not all(map(str.startswith, own, repeat(f"{layer_id}.{ID_KINDS[resource]}."))):
            return False
        replaces = [old for earlier in table.column("replaces") or () if earlier for old in earlier]
        if not all(map(str.startswith, replaces, repeat(f"{layer_id}."))):
            return False
    if len(set(ids)) != len(ids) or _refused_replaces(fast):
        return False
    return not _reuses_names(fast, registry, merges)


def _refused_replaces(fast: FastPackage) -> bool:
    """Whether a ``replaces`` is one :func:`_check_ids` refuses: replaced twice, still present, of another kind."""
    found: list[str] = []
    layer_id = fast.skeleton.layer.id
    for resource in ITEM_RESOURCES:
        table = fast.tables.get(resource)
        if table is not None:  # every row, the restating ones too
            mine = [old for earlier in table.column("replaces") or () if earlier for old in earlier]
        else:
            mine = [old for item in fast.skeleton.resource(resource) for old in getattr(item, "replaces", ())]
        own_kind = f"{layer_id}.{ID_KINDS[resource]}."
        if not all(map(str.startswith, mine, repeat(own_kind))):
            return True
        found.extend(mine)
    return len(set(found)) != len(found) or not set(found).isdisjoint(fast.ids())


def _shared_by_two_rows(kind: Kind, table: Table) -> bool:
    """Whether two rows of a table bear one name or alias, compared normalised (row by row: the rare case)."""
    columns = [(spec, table.column(spec.name)) for spec in map(kind.field, kind.rules.identity_fields) if spec]
    owner: dict[str, int] = {}
    for row in range(len(table)):
        texts = [
            text
            for spec, values in columns
            if values is not None
            for text in (values[row] or () if spec.is_list else (values[row],))
            if text and text.strip()
        ]
        if any(owner.setdefault(name, row) != row for name in normalise_names(texts)):
            return True
    return False


def _reuses_names(fast: FastPackage, registry: LayerRegistry, merges: MergeCache) -> bool:
    """Whether an item of the rows bears a name or alias already taken (a merge conflict, ``same_name``).

    Taken by an inherited item of its kind, or by another of the layer's own new items of its kind:
    within a layer a name names one item, as the merge checks it.
    """
    inherited = merges.inherited_names(registry.chain(fast.skeleton))
    for resource, table in fast.tables.items():
        names = inherited.get(resource, {})
        kind = kind_by_resource(resource)
        if kind is None or resource not in ITEM_RESOURCES:
            continue
        restates = table.column("restates") or ()
        own = table
        if restates.count(None) != len(restates):  # restating rows are merged from the skeleton
            own = table.select([i for i, key in enumerate(restates) if key is None])
        texts: list[str] = []
        for field_name in kind.rules.identity_fields:
            spec, values = kind.field(field_name), own.column(field_name)
            if spec is None or values is None:
                continue
            texts.extend(chain.from_iterable(values) if spec.is_list else filter(None, values))
        normalised = normalise_names(list(filter(str.strip, texts)))
        if not names.keys().isdisjoint(normalised):
            return True
        # A name written twice: by two rows (a conflict), or by one, its alias its own name in another script?
        if len(set(normalised)) != len(normalised) and _shared_by_two_rows(kind, own):
            return True
    return False
