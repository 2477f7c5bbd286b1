"""pydantic's refusal of a model built in code, as villagecat's problems: Chinese and English, as ``validate`` says."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pydantic import ValidationError

from villagecat._arguments import need, need_optional_text
from villagecat._messages import field_path, pydantic_message

if TYPE_CHECKING:
    from villagecat.report import Problem


def problems_of(error: ValidationError, *, file: str | None = None) -> list[Problem]:
    """Return villagecat's problems for a ``pydantic.ValidationError`` a model raised, one per error.

    A model built in code (``Duty(...)``, ``Duty.model_validate(row)``) is refused by pydantic
    in its English (``String should match pattern '^(?:cn|…'``); these are the problems
    :func:`villagecat.validate` reports for the same value in a package's row: the message in
    Chinese and English (``message_zh``, ``message_en``; ``describe("zh")`` for one line), the
    field's path (``citations[0].section``) and a stable ``code`` (pydantic's error type).

    Args:
        error: What pydantic raised.
        file: Where the problems are placed; by default the model, as ``工作事务（Duty）``.

    Raises:
        ArgumentTypeError: (a TypeError) if ``error`` is no ``pydantic.ValidationError``, or ``file`` no text.
    """
    need(error, ValidationError, "argument-not-validation-error")
    need_optional_text(file, "file")
    return problems_in(error, file if file is not None else _model_title(error.title), in_code=True)


def problems_in(error: ValidationError, file: str, *, in_code: bool) -> list[Problem]:
    """The problems of ``error`` placed in ``file``; ``in_code`` false for a row read from a package's file.

    A file's cell gets the advice true of a file alone (an id left empty is made from the name).
    """
    from villagecat.report import Problem  # noqa: PLC0415 - a report is built only when a model was refused

    problems = []
    for entry in error.errors(include_url=False):
        zh, en = pydantic_message(dict(entry), in_code=in_code)
        path = field_path(entry["loc"])
        problems.append(Problem(file=file, code=str(entry["type"]), message_zh=zh, message_en=en, field=path or None))
    return problems


def _model_title(title: str) -> str:
    """A model as a developer knows it: its Chinese title and its class (``工作事务（Duty）``), or pydantic's title."""
    from pydantic import BaseModel  # noqa: PLC0415

    from villagecat import models  # noqa: PLC0415 - the package is loaded when one of its models raised

    for name in models.__all__:
        model = getattr(models, name)
        if isinstance(model, type) and issubclass(model, BaseModel) and model.model_config.get("title") == title:
            return f"{title}（{name}）"
    return title
