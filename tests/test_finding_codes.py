"""Finding codes: declared once (``villagecat.checks._codes``), graded by one rule, and enumerated from there."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest

import villagecat
from villagecat._output_schemas import check_report_schema
from villagecat.checks import ActualSign, Finding, check_signage
from villagecat.checks._codes import CODES, FINDING_CODES, codes_markdown, in_audit
from villagecat.checks._modality import suffix
from villagecat.errors import InvalidRequestError
from villagecat.models import Orientation, Placement

REPO = Path(__file__).resolve().parents[1]
CHECKS = REPO / "src" / "villagecat" / "checks"


def test_a_finding_of_an_undeclared_code_is_refused() -> None:
    """No check can report a code the schema's enum and the codes page do not list."""
    with pytest.raises(InvalidRequestError, match="signage-missing-advice"):
        Finding("signage-missing-advice", "warn", "缺少", "missing")
    assert Finding("signage-missing-advised", "warn", "缺少", "missing").code == "signage-missing-advised"


def test_every_check_takes_its_codes_from_the_registry() -> None:
    """No code is written at a call site: a ``Finding``'s code is taken from the registry (_FROM_REGISTRY).

    A code written as a literal or an f-string is refused; with :func:`test_a_finding_of_an_undeclared_code_is_refused`,
    a check runs only with declared codes.
    """
    found = []
    for path in sorted(CHECKS.glob("*.py")):
        if path.name == "_codes.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "Finding"):
                continue
            for code in _code_arguments(node):
                parts = list(ast.walk(code))
                written = [c for c in parts if isinstance(c, ast.JoinedStr | ast.BinOp) or _text(c)]
                declared = [
                    c for c in parts if isinstance(c, ast.Attribute) and c.attr in ("code", "missed", "in_audit")
                ]
                if written or not declared:
                    found.append(f"{path.name}:{node.lineno}: {ast.unparse(code)}")
    assert not found, found


#: How a check takes a code from the registry: ``codes.X.code``, ``codes.X.missed(of)``, ``codes.in_audit(code)``.
_FROM_REGISTRY = ("code", "missed", "in_audit")


def _text(node: ast.AST) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def _code_arguments(call: ast.Call) -> list[ast.expr]:
    """The expressions a ``Finding(...)`` takes its code from: its first argument, ``code=``, or ``**{"code": …}``."""
    if call.args:
        return [call.args[0]]
    found = [k.value for k in call.keywords if k.arg == "code"]
    for spread in (k.value for k in call.keywords if k.arg is None and isinstance(k.value, ast.Dict)):
        found += [
            v
            for k, v in zip(spread.keys, spread.values, strict=True)
            if isinstance(k, ast.Constant) and k.value == "code"
        ]
    assert found, f"Finding at line {call.lineno} takes no code"
    return found


def test_a_graded_code_is_its_base_code_and_the_strength_s_ending_and_no_other_code_ends_so() -> None:
    for code, entry in FINDING_CODES.items():
        if code.endswith(("-advised", "-unstated")):
            assert entry.graded, code
            assert code in {entry.code + suffix("advises"), entry.code + suffix("unstated")}, code
    graded = {e.code for e in CODES.values() if e.graded}
    assert {"facility-floor-area", "facility-activity-share", "facility-function-areas"} <= graded
    assert {"signage-orientation", "signage-missing", "signage-count", "admission-conditional"} <= graded
    assert CODES["signage-missing"].missed("advises") == "signage-missing-advised"
    assert CODES["signage-missing"].missed("binds") == "signage-missing"
    assert in_audit("admission-conditional-advised") in FINDING_CODES


def test_every_code_has_its_meaning_in_chinese_and_english() -> None:
    for entry in CODES.values():
        assert entry.code.startswith(f"{entry.check}-"), entry.code
        assert entry.zh.strip()
        assert entry.en.strip()
        assert any("\u4e00" <= ch <= "\u9fff" for ch in entry.zh), entry.code


def test_the_report_schema_enumerates_the_declared_codes() -> None:
    enum = _find_code_enum(check_report_schema())
    assert enum == sorted(FINDING_CODES)
    written = json.loads((REPO / "schemas" / "check-report.schema.json").read_text(encoding="utf-8"))
    assert _find_code_enum(written) == enum, "regenerate the schemas with villagecat schema"


def _find_code_enum(schema: object) -> list[str] | None:
    if isinstance(schema, dict):
        if "code" in schema.get("properties", {}) and "enum" in schema["properties"]["code"]:
            return list(schema["properties"]["code"]["enum"])
        for value in schema.values():
            found = _find_code_enum(value)
            if found is not None:
                return found
    if isinstance(schema, list):
        for value in schema:
            found = _find_code_enum(value)
            if found is not None:
                return found
    return None


def test_finding_codes_page_is_generated_from_the_registry() -> None:
    page = (REPO / "docs" / "finding-codes.md").read_text(encoding="utf-8")
    assert page == codes_markdown(), "regenerate docs/finding-codes.md from villagecat.checks._codes.codes_markdown()"
    assert "| `signage-missing` | 标牌检查 `signage` | `-advised`、`-unstated` |" in page
    assert "| `audit-duty-prohibited` | 台账核查 `audit` |  |" in page


def test_an_advised_rule_missed_says_so_in_its_code() -> None:
    """Jilin's 以长条竖排为宜 advises: a horizontal plaque is ``signage-orientation-advised``, as oversize is."""
    sign = ActualSign(
        "中共甲村支部委员会", Placement.OUTSIDE, width_cm=200, height_cm=30, orientation=Orientation.HORIZONTAL
    )
    codes = {(f.code, f.level) for f in check_signage(villagecat.resolve("220000"), [sign]).findings}
    assert ("signage-orientation-advised", "warn") in codes
    assert not [c for c, _ in codes if c == "signage-orientation"]
    missing = {c for c, level in codes if c.startswith("signage-missing")}
    assert missing == {"signage-missing-advised"}  # national 二(二)6: 一般在…悬挂
