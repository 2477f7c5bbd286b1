"""The registry of the format: every kind of item and every field, declared once.

Each model declares its kind with a :class:`KindSpec` (resource name, id segment,
change-code slug, role, item rules) and each field through
:func:`villagecat.models._base.field` (titles, unit, merge rule, change-code slug, former
names). This module turns those declarations into :class:`Kind` and :class:`FieldSpec`
objects; the JSON and Table Schemas, the CSV/JSON/workbook codecs, merging, diff, the
ledger reader, the docs and the upgraders all read them from here. Adding a kind means
declaring its model and listing it in :data:`villagecat.models.KIND_MODELS`; adding a
field means declaring it on its model.
"""

from __future__ import annotations

import types
import typing
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Literal

from villagecat.format.rules import FieldRule, Graded, ItemRules

if typing.TYPE_CHECKING:
    from pydantic import BaseModel
    from pydantic.fields import FieldInfo

    from villagecat.models._base import Vocab

__all__ = [
    "FieldSpec",
    "Kind",
    "KindSpec",
    "Shape",
    "field_spec",
    "fields_of",
    "kind_by_resource",
    "kind_by_segment",
    "kind_of_id",
    "kind_of_model",
    "kinds",
]

Shape = Literal["text", "list", "citations", "bool", "number", "integer", "json"]
Role = Literal["source", "item", "operation"]


@dataclass(frozen=True)
class KindSpec:
    """What a model declares about its kind (the rest is derived from the model).

    Attributes:
        resource: The resource (and file) name in a package: ``duties``.
        segment: The kind segment in ids: ``duty`` in ``cn.duty.x``.
        slug: The kind's part of change codes: ``duty`` in ``duty-added``.
        role: ``source`` (documents, clauses), ``item`` (catalog items) or ``operation``
            (overrides and cancellations of inherited items).
        rules: Rules on items of the kind as a whole.
        sheet: The workbook sheet's title, when it differs from the model's title.
        in_catalog: Whether items of the kind are part of a catalog (merged, compared, shown).
            Clauses are not: they are how a package stores its citations, and a change to
            one shows as a change of the items that cite it.
        checked_together: The fields the model's own validators read (its rules across
            fields, such as a template and its placeholders). A row that leaves every one
            of them at its default passes those validators; the fast reader of
            :mod:`villagecat._fast` relies on it and sends any other row to the model.
    """

    resource: str
    segment: str
    slug: str
    role: Role
    rules: ItemRules = field(default_factory=ItemRules)
    sheet: str | None = None
    in_catalog: bool = True
    checked_together: tuple[str, ...] = ()


@dataclass(frozen=True)
class FieldSpec:
    """One field of one kind: its type, titles, unit, codec shape and merge rule."""

    name: str
    kind: str
    shape: Shape
    required: bool
    #: Whether the field may hold None; one that may not, but has a default, reads an empty cell (a JSON null) as it.
    nullable: bool
    title_zh: str
    title_en: str
    description: str
    unit: str | None
    vocab: type[Vocab] | None
    pattern: str | None
    minimum: float | None
    exclusive_minimum: float | None
    maximum: float | None
    min_length: int | None
    max_length: int | None
    rule: FieldRule | None
    slug: str
    former: tuple[str, ...]
    #: Chinese titles it had before: a workbook exported then heads its column so, and import reads it.
    former_titles: tuple[str, ...] = ()

    @property
    def is_list(self) -> bool:
        """Whether the field holds a list (one cell joined by ``|`` in CSV)."""
        return self.shape in ("list", "citations")

    @property
    def overridable(self) -> bool:
        """Whether a lower layer's override may target the field (never ``id`` or ``citations``)."""
        return self.name not in ("id", "citations", "replaces", "restates")


@dataclass(frozen=True)
class Kind:
    """One kind of item in the format."""

    name: str
    resource: str
    segment: str
    slug: str
    role: Role
    title_zh: str
    title_en: str
    sheet: str
    model: type[BaseModel]
    rules: ItemRules
    fields: tuple[FieldSpec, ...]
    in_catalog: bool
    checked_together: tuple[str, ...] = ()

    def binds(self, item: BaseModel) -> bool:
        """Whether an item of this kind binds: a red line, a rule whose modality binds, or a deadline.

        A red line is a prohibited duty, a mandatory sign…; a modality binds when it is must (an
        empty one, a source that does not say, ranks as should and does not bind).
        """
        if self.rules.binding or self.rules.is_red_line(dict(item)):
            return True
        spec = self.field("modality")
        return isinstance(spec.rule, Graded) and spec.rule.binds(getattr(item, "modality", None)) if spec else False

    def firm(self, item: BaseModel) -> bool:
        """Whether no lower layer may narrow where an item reaches: it binds, or its source does not say how strongly.

        A facility's or a sign's empty modality does not bind (a check tells its miss), yet nothing says
        it only advises: it ranks above should, so its reach is kept as a binding rule's is.
        """
        if self.binds(item):
            return True
        spec = self.field("modality")
        return spec is not None and isinstance(spec.rule, Graded) and spec.rule.firm(getattr(item, "modality", None))

    @property
    def can_bind(self) -> bool:
        """Whether an item of this kind may bind by what it says: a deadline, or a graded modality at its top."""
        spec = self.field("modality")
        return self.rules.binding or (spec is not None and isinstance(spec.rule, Graded))

    def field(self, name: str) -> FieldSpec | None:
        """Return the field called ``name`` (or formerly called so), or None."""
        for spec in self.fields:
            if name == spec.name or name in spec.former:
                return spec
        return None


def _strip_optional(annotation: Any) -> Any:  # noqa: ANN401 - typing objects
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return annotation


def _unwrap(annotation: Any) -> tuple[Any, list[Any]]:  # noqa: ANN401 - typing objects
    """Return the bare type and the metadata of an ``Annotated`` type."""
    metadata: list[Any] = []
    while typing.get_origin(annotation) is typing.Annotated:
        args = typing.get_args(annotation)
        annotation, metadata = args[0], [*metadata, *args[1:]]
    return annotation, metadata


def _shape(annotation: Any) -> tuple[Shape, Any]:  # noqa: ANN401 - typing objects
    from villagecat.models.document import Citation  # noqa: PLC0415 - models import this module's rules

    bare, _ = _unwrap(_strip_optional(annotation))
    if bare is Any:  # a class since Python 3.11: test it before the types
        return "json", bare
    origin = typing.get_origin(bare)
    if origin in (list, tuple):
        inner = typing.get_args(bare)[0]
        inner_bare, _ = _unwrap(inner)
        return ("citations" if inner_bare is Citation else "list"), inner_bare
    if bare is bool:
        return "bool", bare
    if bare is int:
        return "integer", bare
    if bare is float:
        return "number", bare
    if bare is str or isinstance(bare, type):
        return "text", bare
    return "json", bare


def _first(meta: list[Any], kind: type[Any], attribute: str) -> Any:  # noqa: ANN401
    for item in meta:
        if isinstance(item, kind):
            return getattr(item, attribute)
    return None


def field_spec(kind: str, name: str, info: FieldInfo) -> FieldSpec:
    """Return the spec of one pydantic field of a kind."""
    from annotated_types import Ge, Gt, Le, MaxLen, MinLen  # noqa: PLC0415 - only when the registry is built

    from villagecat.models._base import Vocab  # noqa: PLC0415

    shape, inner = _shape(info.annotation)
    _, meta = _unwrap(_strip_optional(info.annotation))
    meta = [*meta, *info.metadata]
    extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
    pattern = next((str(m.pattern) for m in meta if getattr(m, "pattern", None)), None)
    minimum = _first(meta, Ge, "ge")
    exclusive = _first(meta, Gt, "gt")
    maximum = _first(meta, Le, "le")
    former = extra.get("x-former-names", [])
    former_titles = extra.get("x-former-titles", [])
    return FieldSpec(
        name=name,
        kind=kind,
        shape=shape,
        required=info.is_required(),
        nullable=type(None) in typing.get_args(info.annotation),
        title_zh=info.title or name,
        title_en=str(extra.get("x-title-en", name)),
        description=info.description or "",
        unit=str(extra["x-unit"]) if "x-unit" in extra else None,
        vocab=inner if isinstance(inner, type) and issubclass(inner, Vocab) else None,
        pattern=pattern if shape == "text" else None,
        minimum=None if minimum is None else float(minimum),
        exclusive_minimum=None if exclusive is None else float(exclusive),
        maximum=None if maximum is None else float(maximum),
        min_length=_first(meta, MinLen, "min_length"),
        max_length=_first(meta, MaxLen, "max_length"),
        rule=next((m for m in meta if isinstance(m, FieldRule)), None),
        slug=str(extra.get("x-change", name.replace("_", "-"))),
        former=tuple(str(f) for f in former) if isinstance(former, list) else (),
        former_titles=tuple(str(t) for t in former_titles) if isinstance(former_titles, list) else (),
    )


@cache
def fields_of(model: type[BaseModel]) -> tuple[FieldSpec, ...]:
    """Return the field specs of any model (a kind's, or the layer's), in declaration order."""
    spec: KindSpec | None = getattr(model, "spec", None)
    kind = spec.segment if spec is not None else model.__name__.lower()
    return tuple(field_spec(kind, name, info) for name, info in model.model_fields.items())


@cache
def kind_of_model(model: type[BaseModel]) -> Kind:
    """Return the kind a model declares.

    Raises:
        TypeError: if the model declares no :class:`KindSpec`.
    """
    spec = getattr(model, "spec", None)
    if not isinstance(spec, KindSpec):
        raise TypeError(f"{model.__name__} declares no KindSpec")
    config = model.model_config
    extra = config.get("json_schema_extra")
    title_en = str(extra.get("x-title-en", model.__name__)) if isinstance(extra, dict) else model.__name__
    title_zh = str(config.get("title") or model.__name__)
    return Kind(
        name=spec.segment,
        resource=spec.resource,
        segment=spec.segment,
        slug=spec.slug,
        role=spec.role,
        title_zh=title_zh,
        title_en=title_en,
        sheet=spec.sheet or title_zh,
        model=model,
        rules=spec.rules,
        fields=fields_of(model),
        in_catalog=spec.in_catalog,
        checked_together=spec.checked_together,
    )


@cache
def kinds() -> tuple[Kind, ...]:
    """Return every kind, in the order packages list their resources."""
    from villagecat.models import KIND_MODELS  # noqa: PLC0415 - the models import the rules module

    found = tuple(kind_of_model(model) for model in KIND_MODELS)
    for attribute in ("resource", "segment", "slug", "sheet"):
        values = [getattr(kind, attribute) for kind in found]
        duplicates = {v for v in values if values.count(v) > 1}
        if duplicates:
            raise TypeError(f"two kinds share the {attribute} {sorted(duplicates)}")
    return found


def kind_by_resource(resource: str) -> Kind | None:
    """Return the kind stored in the resource called ``resource``."""
    return _by_resource().get(resource)


@cache
def _by_resource() -> dict[str, Kind]:
    return {kind.resource: kind for kind in kinds()}


def kind_by_segment(segment: str) -> Kind | None:
    """Return the kind whose ids carry ``segment``."""
    return next((k for k in kinds() if k.segment == segment), None)


def kind_of_id(item_id: str) -> Kind | None:
    """Return the kind of an item id (``cn.duty.x`` → duties), or None."""
    parts = item_id.split(".")
    return kind_by_segment(parts[1]) if len(parts) >= 3 else None
