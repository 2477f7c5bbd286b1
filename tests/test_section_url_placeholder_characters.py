"""A citation's section, a document's URL and a certificate's placeholder refuse what every other text refuses.

Their patterns were built from the unprintable characters alone: a section of U+3164 (a blank that shows as
nothing) was valid, and a line break in a section was told as 应为一行文字 without naming the character.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

import pytest
from pydantic import TypeAdapter, ValidationError

from conftest import invoke
from test_line_separators import _package, _set
from villagecat.models.certificate import Placeholder
from villagecat.models.document import Section

if TYPE_CHECKING:
    from pathlib import Path

BLANKS = ["\u3164", "二(一)\u2800", "\u115f", "\uffa0"]


def _refused(kind: Any, value: str) -> str:
    with pytest.raises(ValidationError) as caught:
        TypeAdapter(kind).validate_python(value)
    return str(caught.value)


@pytest.mark.parametrize("value", BLANKS)
def test_a_section_of_a_blank_is_refused(value: str) -> None:
    _refused(Section, value)


@pytest.mark.parametrize("value", BLANKS)
def test_a_placeholder_of_a_blank_is_refused(value: str) -> None:
    _refused(Placeholder, value)


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_a_line_break_in_a_section_is_named(tmp_path: Path, fmt: Literal["csv", "json"]) -> None:
    package = _package(tmp_path, fmt)
    _set(package, fmt, "clauses", "section", "二(一)\n2")
    result = invoke("validate", str(package))
    assert result.code == 1
    assert "字段 section（条款号）：条款号应为一行文字" in result.out, result.out
    assert "含有 换行（U+000A），请删去" in result.out, result.out


def test_a_url_with_a_blank_is_refused() -> None:
    from villagecat.models import Document  # noqa: PLC0415

    url = Document.model_fields["url"].annotation
    _refused(url, "https://www.gov.cn/\u3164")
