"""RFC 6902 JSON Patches between two versions of a layer package.

A package's *document form* is ``{"layer": {...}, "items": {resource: {id: item}},
"order": {resource: [id, ...]}}``: items keyed by id so a patch names what it touches,
and the order kept apart so applying a patch reproduces the new package's data exactly (its
layer and items, in order). Written out (``villagecat patch``), the files are those villagecat
writes for that data: a citation written inline becomes a clause, an empty cell its field's
value, and files villagecat does not own (a README) are not carried.
"""

from __future__ import annotations

import copy
import json
from collections import Counter
from typing import Any

from villagecat._i18n import Both, pair, shape_of
from villagecat.errors import VillagecatError
from villagecat.models import Layer
from villagecat.package import RESOURCES, LayerPackage

__all__ = ["PatchError", "apply_patch", "from_document", "make_patch", "to_document"]


class PatchError(VillagecatError, ValueError):
    """A patch does not apply: a path is missing, or an operation is malformed."""


def to_document(package: LayerPackage) -> dict[str, Any]:
    """Return the document form of a package: each item as its row says it (what it leaves unsaid left out)."""
    items: dict[str, dict[str, Any]] = {}
    order: dict[str, list[str]] = {}
    for resource in RESOURCES:
        entries = package.resource(resource)
        items[resource] = {
            str(getattr(i, "id", "")): i.model_dump(mode="json", exclude_none=True, exclude_unset=True) for i in entries
        }
        order[resource] = [str(getattr(i, "id", "")) for i in entries]
    return {"layer": package.layer.model_dump(mode="json", exclude_none=True), "items": items, "order": order}


def from_document(document: dict[str, Any]) -> LayerPackage:
    """Build a package from its document form.

    Every item must be in its resource's order and every id in the order an item: an item a
    patch adds without placing it (or places without adding it) is refused, never dropped.

    Raises:
        PatchError: if the document is not a valid package.
    """
    from pydantic import ValidationError  # noqa: PLC0415

    from villagecat._messages import first_message  # noqa: PLC0415

    _check_shape(document)
    try:
        for resource in RESOURCES:
            _check_order(resource, document["items"][resource], document["order"][resource])
        layer = Layer.model_validate(document["layer"])
        resources = {
            resource: tuple(model.model_validate(document["items"][resource][i]) for i in document["order"][resource])
            for resource, model in RESOURCES.items()
        }
    except ValidationError as exc:
        where, zh, en = first_message(exc)
        detail = Both(f"{where}：{zh}" if where else zh, f"{where}: {en}" if where else en)
        raise PatchError.said("patch-invalid-result", detail=detail) from exc
    return LayerPackage.of(layer, resources)


def _check_shape(document: object) -> None:
    """Refuse a document form a patch left without a part, or with a part of the wrong shape, naming its pointer.

    Raises:
        PatchError: naming the first part missing or misshapen (``/order/duties``, ``/order/duties/3``).
    """
    expected: list[tuple[str, object, type]] = [("", document, dict)]
    if isinstance(document, dict):
        expected += [(f"/{part}", document.get(part, _MISSING), dict) for part in ("layer", "items", "order")]
    part_kinds: tuple[tuple[str, type], ...] = (("items", dict), ("order", list))
    for part, kind in part_kinds:
        within = document.get(part) if isinstance(document, dict) else None
        if isinstance(within, dict):
            expected += [(f"/{part}/{resource}", within.get(resource, _MISSING), kind) for resource in RESOURCES]
            for resource in RESOURCES:
                entries = within.get(resource) if part == "order" else None
                if isinstance(entries, list):
                    expected += [(f"/order/{resource}/{n}", entry, str) for n, entry in enumerate(entries)]
    for pointer, value, kind in expected:
        if value is _MISSING:
            detail = Both(*pair("patch-missing-part", part=pointer))
        elif not isinstance(value, kind):
            detail = Both(*pair("patch-part-shape", part=pointer or "/", expected=_SHAPES[kind], got=shape_of(value)))
        else:
            continue
        raise PatchError.said("patch-invalid-result", detail=detail)


#: A part the document form lacks (``None`` is a value a patch may write).
_MISSING = object()

#: The shape each part of the document form has, in words.
_SHAPES: dict[type, Both] = {kind: shape_of(kind()) for kind in (dict, list, str)}


def _check_order(resource: str, items: dict[str, Any], order: list[str]) -> None:
    """Refuse a resource whose items and order disagree (an item would be dropped, or invented)."""
    counted = Counter(order)
    unplaced = [key for key in items if key not in counted]
    unknown = [key for key in counted if key not in items]
    twice = sorted(key for key, times in counted.items() if times > 1)
    for key, ids in (("patch-unplaced", unplaced), ("patch-order-unknown", unknown), ("patch-order-twice", twice)):
        if ids:
            shown = Both("、".join(map(str, ids)), ", ".join(map(str, ids)))
            raise PatchError.said(key, resource=resource, ids=shown)


def _escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def _diff(old: Any, new: Any, path: str, ops: list[dict[str, Any]]) -> None:  # noqa: ANN401 - JSON values
    if isinstance(old, dict) and isinstance(new, dict):
        ops.extend({"op": "remove", "path": f"{path}/{_escape(key)}"} for key in old if key not in new)
        for key, value in new.items():
            if key not in old:
                ops.append({"op": "add", "path": f"{path}/{_escape(key)}", "value": value})
            elif old[key] != value:
                _diff(old[key], value, f"{path}/{_escape(key)}", ops)
        return
    if old != new:
        ops.append({"op": "replace", "path": path, "value": new})


def make_patch(old: LayerPackage, new: LayerPackage) -> list[dict[str, Any]]:
    """Return the JSON Patch that turns ``old``'s document form into ``new``'s.

    A patch that changes anything opens by testing the layer and version it was made on
    (RFC 6902 ``test``), so applied to another layer or version it stops at once, saying so,
    rather than changing what happens to share a path.
    """
    ops: list[dict[str, Any]] = []
    _diff(to_document(old), to_document(new), "", ops)
    if not ops:
        return ops
    base = [{"op": "test", "path": f"/layer/{key}", "value": getattr(old.layer, key)} for key in ("id", "version")]
    return base + ops


def _index(part: str) -> int | None:
    """An array index as RFC 6901 writes one: digits, without leading zeros (``01`` is no index)."""
    return int(part) if part.isdigit() and (part == "0" or not part.startswith("0")) else None


def _walk(document: Any, path: str, number: int) -> tuple[Any, str]:  # noqa: ANN401 - JSON values
    if path == "":
        raise PatchError.said("patch-root")
    if not path.startswith("/"):
        raise PatchError.said("patch-pointer", path=path)
    tokens = [t.replace("~1", "/").replace("~0", "~") for t in path[1:].split("/")]
    parent = document
    for token in tokens[:-1]:
        index = _index(token)
        if isinstance(parent, list) and index is not None and index < len(parent):
            parent = parent[index]
        elif isinstance(parent, dict) and token in parent:
            parent = parent[token]
        else:
            raise PatchError.said("patch-op-no-path", index=number, path=path)
    return parent, tokens[-1]


#: The operations of RFC 6902, all of which apply.
_OPS = ("add", "remove", "replace", "move", "copy", "test")


def _locate(document: Any, path: str, number: int, *, adding: bool = False) -> tuple[Any, Any]:  # noqa: ANN401
    """Return the container at ``path`` and the key or position in it (one past the end, or ``-``, when adding)."""
    parent, key = _walk(document, path, number)
    if isinstance(parent, list):
        index = _index(key)
        position = len(parent) if key == "-" and adding else index if index is not None else -1
        if not 0 <= position < len(parent) + adding:
            raise PatchError.said("patch-op-range", index=number, key=key, path=path)
        return parent, position
    if not isinstance(parent, dict) or (not adding and key not in parent):
        raise PatchError.said("patch-op-no-path", index=number, path=path)
    return parent, key


def _add(document: Any, path: str, value: Any, number: int) -> None:  # noqa: ANN401 - JSON values
    parent, key = _locate(document, path, number, adding=True)
    if isinstance(parent, list):
        parent.insert(key, value)
    else:
        parent[key] = value


def _test_failed(number: int, path: str, wanted: Any, found: Any) -> VillagecatError:  # noqa: ANN401 - JSON values
    """A ``test`` that does not hold, with both values where each is one short text or number."""
    if all(isinstance(v, str | int | float) and len(str(v)) <= _SHOWN_VALUE for v in (wanted, found)):
        why = Both(*pair(_TESTED.get(path, "patch-for-other-data")))
        return PatchError.said("patch-op-test-value", index=number, path=path, wanted=wanted, got=found, why=why)
    return PatchError.said("patch-op-test", index=number, path=path)


#: What a failed ``test`` of the layer's identity says of the patch (``diff --format patch`` writes them first).
_TESTED = {"/layer/id": "patch-for-another-layer", "/layer/version": "patch-for-another-version"}
#: The longest value a failed test shows (an item's whole row is not a message).
_SHOWN_VALUE = 80


def apply_patch(document: dict[str, Any], patch: list[dict[str, Any]]) -> dict[str, Any]:
    """Apply a JSON Patch (RFC 6902: ``add``, ``remove``, ``replace``, ``move``, ``copy``, ``test``) to a copy.

    Operations are numbered from 1 in messages, as a reader counts them.

    Raises:
        PatchError: if an operation is malformed or unknown, a path is missing, or a test fails.
    """
    result = copy.deepcopy(document)
    for number, op in enumerate(patch, start=1):
        if not isinstance(op, dict) or "op" not in op or "path" not in op:
            raise PatchError.said("patch-op-incomplete", index=number)
        kind, path = op["op"], op["path"]
        if not isinstance(kind, str) or kind not in _OPS:
            kind = kind if isinstance(kind, str) else json.dumps(kind, ensure_ascii=False)
            known = Both("、".join(_OPS), ", ".join(_OPS))
            raise PatchError.said("patch-op-unsupported", index=number, kind=kind, known=known)
        if not isinstance(path, str) or ("from" in op and not isinstance(op["from"], str)):
            shown = json.dumps(path if not isinstance(path, str) else op["from"], ensure_ascii=False)
            raise PatchError.said("patch-pointer", path=shown)
        if kind in ("add", "replace", "test") and "value" not in op:
            raise PatchError.said("patch-op-no-value", index=number, kind=kind, path=path)
        if kind in ("move", "copy"):
            if "from" not in op:
                raise PatchError.said("patch-op-no-from", index=number, kind=kind, path=path)
            source = str(op["from"])
            if kind == "move" and path.startswith(f"{source}/"):
                raise PatchError.said("patch-op-into-itself", index=number, source=source, path=path)
            parent, key = _locate(result, source, number)
            value = parent.pop(key) if kind == "move" else copy.deepcopy(parent[key])
            _add(result, path, value, number)
        elif kind == "add":
            _add(result, path, op["value"], number)
        else:
            parent, key = _locate(result, path, number)
            if kind == "remove":
                del parent[key]
            elif kind == "replace":
                parent[key] = op["value"]
            elif parent[key] != op["value"]:
                raise _test_failed(number, path, op["value"], parent[key])
    return result
