"""Every published pattern reads alike in every engine a county might validate with.

A provincial system in TypeScript (Ajv: ECMA-262 with the ``u`` flag) or Java (``java.util.regex``)
uses only ``schemas/``. Its verdict must be villagecat's. Node and Java are not needed here: the
patterns are held to a dialect the engines share (:func:`villagecat.schema.pattern_atoms`), and the
one place they part, what ``$`` matches, is checked by running each pattern with each engine's ``$``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from villagecat.schema import generate_schemas, pattern_atoms

REPO = Path(__file__).resolve().parents[1]
#: What ``$`` (no multiline flag) matches, as a Python lookahead: ECMA-262 and Rust only at the end;
#: java.util.regex also before a final line terminator; Python's ``re`` also before a final ``\n``.
END = {
    "ecma": r"\Z",
    "java": "(?=(?:\r\n|[\n\r\x85\u2028\u2029])?\\Z)",
    "python": "(?=\n?\\Z)",
}
LINE_ENDS = ("\n", "\r", "\r\n", "\x85", "\u2028", "\u2029")


def _string_schemas(node: object) -> list[dict[str, Any]]:
    """Every (sub)schema holding a ``pattern``, but a ``not``'s own."""
    found: list[dict[str, Any]] = []
    if isinstance(node, dict):
        if isinstance(node.get("pattern"), str):
            found.append(node)
        for key, value in node.items():
            if key != "not":
                found += _string_schemas(value)
    elif isinstance(node, list):
        for value in node:
            found += _string_schemas(value)
    return found


SCHEMAS = {path.relative_to(REPO / "schemas").as_posix(): path for path in sorted((REPO / "schemas").rglob("*.json"))}
#: Each distinct pattern-bearing schema of the published JSON Schemas, with where it is.
NODES: dict[str, tuple[str, dict[str, Any]]] = {}
for _name, _path in SCHEMAS.items():
    if _name.endswith(".schema.json"):
        for _node in _string_schemas(json.loads(_path.read_text(encoding="utf-8"))):
            NODES.setdefault(json.dumps([_node["pattern"], _node.get("not")]), (_name, _node))


def _engine(pattern: str, engine: str) -> re.Pattern[str]:
    """``pattern`` as ``engine`` runs it (a search), written for Python's ``re``."""
    return re.compile(pattern[:-1] + END[engine] if pattern.endswith("$") else pattern)


def _takes(node: dict[str, Any], value: str, engine: str) -> bool:
    """Whether a string schema's ``pattern`` and ``not`` take ``value`` as ``engine`` runs them."""
    refused = node.get("not")
    if refused is not None and _engine(refused["pattern"], engine).search(value):
        return False
    return _engine(node["pattern"], engine).search(value) is not None


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_every_published_pattern_is_written_in_the_dialect_every_engine_reads_alike(name: str) -> None:
    """JSON Schemas and Table Schemas alike: no ``\\d``, ``\\Z``, lookbehind, ``.`` … (see pattern_atoms)."""
    for node in _string_schemas(json.loads(SCHEMAS[name].read_text(encoding="utf-8"))):
        assert pattern_atoms(node["pattern"]), node["pattern"]
        if "not" in node:
            assert pattern_atoms(node["not"]["pattern"])


@pytest.mark.parametrize(
    ("pattern", "construct"),
    [
        (r"^[0-9]+\Z", r"'\\Z'"),  # Python's end; ECMA-262 has none
        (r"\A[a-z]+$", r"'\\A'"),
        (r"^\d{6}$", r"'\\d'"),  # Unicode digits in Python, ASCII in ECMA-262
        (r"^\s*$", r"'\\s'"),
        (r"(?<![0-9])x", "'(?<!'"),
        (r"(?<=a|bc)x", "'(?<='"),
        (r"(?P<year>[0-9]{4})", "'(?P<'"),
        (r"(?i)^cn$", "'(?i'"),
        (r"^[0-9]++$", "a quantifier after a quantifier"),  # possessive: Java, not ECMA-262
        (r"^(?>a|ab)c$", "'(?>'"),
        (r"^a.b$", "'.'"),  # ECMA-262's dot stops at \r and U+2028, Python's only at \n
        (r"^\p{Han}+$", r"'\\p'"),
        (r"^[a-z&&[^x]]$", "in a class"),  # an intersection in Java, two characters elsewhere
        (r"^\ud842\udf9f$", "surrogate pair"),  # one character in ECMA-262 and Java, two in Python
        (r"^a{$", "'{'"),  # a syntax error with the u flag
        (r"^\-$", r"'\\-'"),
        (r"^([a-z])\1$", r"'\\1'"),
    ],
)
def test_a_pattern_outside_the_dialect_is_named_and_refused(pattern: str, construct: str) -> None:
    """The dialect check can fail: each construct engines read differently is refused, by name."""
    with pytest.raises(ValueError, match=re.escape(construct)):
        pattern_atoms(pattern)


def test_what_the_dialect_holds_is_read() -> None:
    """Classes, ranges, escapes, groups and bounded quantifiers: the atoms and the code points they name."""
    atoms = pattern_atoms(r"^(?:cn|[0-9]{6})\.[^\u0000-\u001f{}]+?(-[a-z])*$")
    assert atoms == [
        (False, ((ord("c"), ord("c")),)),
        (False, ((ord("n"), ord("n")),)),
        (False, ((ord("0"), ord("9")),)),
        (False, ((ord("."), ord(".")),)),
        (True, ((0, 0x1F), (ord("{"), ord("{")), (ord("}"), ord("}")))),
        (False, ((ord("-"), ord("-")),)),
        (False, ((ord("a"), ord("z")),)),
    ]


def test_the_committed_schemas_are_what_the_dialect_check_saw() -> None:
    """The nodes tried below are the committed schemas', which are the generated ones."""
    generated = generate_schemas()
    for name, path in SCHEMAS.items():
        assert json.loads(path.read_text(encoding="utf-8")) == generated[name], name
    assert NODES


@settings(max_examples=400, suppress_health_check=list(HealthCheck), deadline=None)
@given(st.data())
def test_an_engine_whose_dollar_matches_before_a_final_line_break_reaches_ecmas_verdict(data: st.DataObject) -> None:
    """Java and Python's jsonschema refuse ``cn.duty.x`` with a line break after it, as Ajv and villagecat do.

    Java's ``$`` (and Python's, for ``\\n``) also matches before a final line break, so
    ``^…[a-z0-9]$`` took ``"cn.duty.x\\u2028"``; each such pattern now comes with a ``not`` that
    refuses a line break, which changes nothing ECMA-262 takes.
    """
    key = data.draw(st.sampled_from(sorted(NODES)), label="node")
    where, node = NODES[key]
    base = data.draw(st.from_regex(_engine(node["pattern"], "ecma")), label="value")
    value = base + data.draw(st.sampled_from(("", *LINE_ENDS)), label="after")
    ecma = _takes(node, value, "ecma")
    for engine in ("java", "python"):
        assert _takes(node, value, engine) == ecma, f"{where} {node['pattern']!r}: {engine} on {value!r}"


@pytest.mark.parametrize("after", LINE_ENDS, ids=ascii)
def test_an_id_with_a_line_break_after_it_is_refused_in_every_engine(after: str) -> None:
    """The example a Java validator let through: a duty id followed by U+2028 (or any line break)."""
    duty = generate_schemas()["duty.schema.json"]["properties"]["id"]
    for engine in END:
        assert _takes(duty, "cn.duty.publicise-party-policy", engine), engine
        assert not _takes(duty, "cn.duty.publicise-party-policy" + after, engine), engine
