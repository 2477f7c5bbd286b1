"""One field of a model, validated on its own: its annotation with its constraints, and the model's settings.

The fast reader (:mod:`villagecat._fast`) validates rows as tuples of fields, and the merge
validates one changed field of an item; both build their validators here, from the model's
own declarations, so the rules stay the models' and run in pydantic-core as the models do.
"""

from __future__ import annotations

import typing
from typing import TYPE_CHECKING, Annotated, Any

if TYPE_CHECKING:
    from pydantic import BaseModel, ConfigDict
    from pydantic.fields import FieldInfo

__all__ = ["field_annotation", "value_config"]

#: Model settings that change nothing in how a field's value is validated.
_NEUTRAL = {"extra", "frozen", "title", "json_schema_extra", "use_attribute_docstrings", "defer_build"}
#: Model settings that do, and that a validator of its fields takes over.
_VALUE = {"allow_inf_nan", "validate_default", "strict", "str_strip_whitespace", "str_to_lower", "str_to_upper"}


def value_config(model: type[BaseModel]) -> ConfigDict | None:
    """The model's settings that validate values; None if it has one these validators do not know."""
    config = dict(model.model_config)
    if set(config) - _NEUTRAL - _VALUE:
        return None
    return typing.cast("ConfigDict", {k: v for k, v in config.items() if k in _VALUE})


def field_annotation(info: FieldInfo, bare: Any = None) -> Any:  # noqa: ANN401 - typing objects
    """The field's type with its constraints (``bare`` in place of its own type, if given)."""
    annotation = info.annotation if bare is None else bare
    return Annotated.__class_getitem__((annotation, *info.metadata)) if info.metadata else annotation  # type: ignore[attr-defined]
