"""The fast path of ``validate_many``: it gives the full reader's reports, never a verdict of its own.

``validate_many`` reads each package for a verdict first (:mod:`villagecat._fast`) and reads
in full only what that path does not vouch for. These tests break packages cell by cell, in
CSV and JSON, in a county and in the province above it, and require the reports to be
exactly those of reading and checking every package in full.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import sys
import tempfile
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from villagecat import _fast
from villagecat._names import normalise_name, normalise_names
from villagecat.format import FORMAT_VERSION
from villagecat.merging import MergeCache
from villagecat.models import Authority
from villagecat.package import RESOURCES, bulk, load_layer, read_package, save_layer
from villagecat.registry import shipped_layer_paths, shipped_registry
from villagecat.validation import check_package, validate_many, verified

if TYPE_CHECKING:
    from villagecat.report import ValidationReport

REPO = Path(__file__).resolve().parent.parent
NATIONAL = REPO / "data" / "national"
SHANXI = REPO / "data" / "provinces" / "140000-shanxi"
SHANGDANG = SHANXI / "140404-shangdang"
CHAIN = (NATIONAL, SHANXI, SHANGDANG)


def full_reports(paths: list[Path], max_bytes: int | None = None) -> list[ValidationReport]:
    """What validate_many gave before it had a fast path: every package read and checked in full."""
    with bulk():
        read = [read_package(p, max_bytes=max_bytes) for p in paths]
        registry = shipped_registry([package for package, _ in read if package is not None])
        merges = MergeCache()
        for package, report in read:
            if package is not None:
                check_package(package, report, registry, merges)
    return [report for _, report in read]


@pytest.fixture(scope="module")
def chain(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, ...]]:
    """The nation, Shanxi and Shangdang as shipped (CSV) and rewritten in JSON, each in its own folder."""
    root = tmp_path_factory.mktemp("chain")
    found = {}
    for fmt in ("csv", "json"):
        found[fmt] = tuple(save_layer(load_layer(p), root / fmt / p.name, fmt=fmt) for p in CHAIN)
    return found


def _fresh(base: tuple[Path, ...], into: Path) -> list[Path]:
    return [Path(shutil.copytree(path, into / path.name)) for path in base]


# -- what it reads --------------------------------------------------------------------


@pytest.mark.parametrize("path", shipped_layer_paths(), ids=lambda p: p.name)
def test_every_shipped_layer_is_read_fast_and_built_as_the_full_reader_builds_it(path: Path) -> None:
    fast = _fast.read_fast(path)
    assert fast is not None, "the fast path must read what villagecat ships"
    built, (package, report) = fast.materialise(), read_package(path)
    assert report.valid
    assert built == package
    for name in RESOURCES:
        for ours, theirs in zip(built.resource(name), package.resource(name), strict=True):
            assert ours.model_fields_set == theirs.model_fields_set, (name, ours)


@pytest.mark.parametrize("leaf", [p for p in shipped_layer_paths() if not list(p.glob("*/datapackage.json"))])
def test_shipped_leaves_are_vouched_for_without_the_full_reader(leaf: Path) -> None:
    fast = _fast.read_fast(leaf)
    assert fast is not None
    assert verified(fast, shipped_registry([fast.skeleton]), MergeCache())


def test_shipped_layers_give_the_full_readers_reports() -> None:
    paths = shipped_layer_paths()
    reports = validate_many(paths)
    assert reports == full_reports(paths)
    assert all(r.valid for r in reports)


# -- breaking cells ---------------------------------------------------------------------

TRICKY = [
    "",
    " ",
    "  padded  ",
    "true",
    "TRUE",
    "false",
    "是",
    "否",
    "yes",
    "0",
    "-1",
    "1.5",
    "nan",
    "inf",
    "1e999",
    "a|b",
    "a\\|b",
    "\\",
    "|",
    "x\x00y",
    "x\u200by",
    "line\nbreak",
    "（全角）",
    "cn.duty.village-affairs",
    "120117.duty.d0",
    "120117.clause.nope",
    "120000.clause.nope",
    "cn.document.tingzi-2022-28",
    "cn.document.unknown",
    "120117.document.unknown",
    "村务监督委员会",
    "村民委员会",
    "居民身份信息证明",
    "prohibited",
    "assists",
    "village",
    "both",
    "must",
    "2023-09",
    "2023-13-45",
    "2023/9/1",
    "2023年9月",
    "1.0.0",
]
JSON_EXTRA: list[Any] = [None, 0, 1.5, -3, True, False, [], ["x"], [""], {"a": 1}, [["x"]], "", 10**30]


def _break_csv(folder: Path, resource: str, row: int, column: int, value: str) -> None:
    path = folder / f"{resource}.csv"
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
    if len(rows) < 2:  # no row to break: break the header instead
        rows[0][column % len(rows[0])] = value
    else:
        rows[1 + row % (len(rows) - 1)][column % len(rows[0])] = value
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")


def _break_json(folder: Path, resource: str, row: int, column: int, value: Any) -> None:
    path = folder / f"{resource}.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    target = data[1 + row % (len(data) - 1)] if len(data) > 1 else data[0]
    target[column % len(target)] = value
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def _break(fmt: str, folder: Path, resource: str, row: int, column: int, value: Any) -> None:  # noqa: PLR0917
    if fmt == "csv":  # a list of texts as a list cell, anything else as its JSON
        texts = isinstance(value, list) and all(isinstance(entry, str) for entry in value)
        cell = value if isinstance(value, str) else "|".join(value) if texts else json.dumps(value)
        _break_csv(folder, resource, row, column, cell)
    else:
        _break_json(folder, resource, row, column, value)


@given(
    fmt=st.sampled_from(["csv", "json"]),
    which=st.sampled_from([1, 2, 2]),
    resource=st.sampled_from(list(RESOURCES)),
    row=st.integers(0, 200),
    column=st.integers(0, 30),
    value=st.one_of(st.sampled_from(TRICKY), st.text(max_size=6), st.sampled_from(JSON_EXTRA)),
)
def test_a_broken_cell_gets_the_full_readers_report(  # noqa: PLR0917 - what hypothesis draws
    chain: dict[str, tuple[Path, ...]],
    fmt: str,
    which: int,
    resource: str,
    row: int,
    column: int,
    value: Any,
) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        paths = _fresh(chain[fmt][1:], Path(scratch))
        _break(fmt, paths[which - 1], resource, row, column, value)
        assert validate_many(paths) == full_reports(paths)


def _row_of(path: Path, resource: str, test: Any = None) -> int:
    items = load_layer(path).resource(resource)
    return next(i for i, item in enumerate(items) if test is None or test(item))


def _column(resource: str, name: str) -> int:
    return list(RESOURCES[resource].model_fields).index(name)


#: Breaks aimed at each check of the fast path: (package in the chain, resource, field, row test, value).
AIMED: dict[str, tuple[int, str, str, Any, Any]] = {
    "an id twice": (2, "obligations", "id", lambda i: i.restates is None, "{last-id}"),
    "an id of another kind": (2, "obligations", "id", None, "140404.duty.x"),
    "an id in another namespace": (2, "milestones", "id", None, "140000.milestone.x"),
    "replaces in another namespace": (2, "milestones", "replaces", None, "140000.milestone.x"),
    "an unknown clause": (2, "milestones", "citations", None, ["140404.clause.nope"]),
    "a clause of the parent": (2, "milestones", "citations", None, ["140000.clause.nope"]),
    "a template without its placeholders": (0, "certificates", "template", None, "兹证明{姓名}"),
    "placeholders without a template": (0, "certificates", "placeholders", None, ["姓名"]),
    "an inherited name": (2, "duties", "name", lambda i: i.restates is None, "{national}"),
    "a name its own layer gives another item": (2, "milestones", "name", None, "{sibling}"),
    "an alias its own layer gives another item": (2, "milestones", "aliases", None, ["{sibling}"]),
    "a name the nation gives another item": (0, "certificates", "name", None, "{sibling}"),
    "restating an unknown item": (1, "duties", "restates", lambda i: i.restates is not None, "没有这个事项"),
    "restating its own item": (2, "obligations", "restates", lambda i: i.restates is not None, "{own}"),
    "a clause citing an unknown document": (2, "clauses", "document", None, "140404.document.unknown"),
    "an override of an unknown item": (2, "overrides", "target", None, "cn.duty.unknown"),
    "a document of another layer": (2, "documents", "id", None, "140000.document.x"),
    "a date a spreadsheet rewrote": (2, "milestones", "due", None, "2023/9/1"),
    "a date of a month a spreadsheet rewrote": (1, "documents", "issued", None, "2023年9月"),
    "a name broken by a line separator": (2, "milestones", "name", None, "摸排自查\u2028分类建立工作台账"),
    "a name broken by a paragraph separator": (2, "duties", "name", lambda i: i.restates is None, "摸排\u2029自查"),
    "an alias broken by a line separator": (1, "duties", "aliases", None, ["摸排\u2028自查"]),
    "a note broken by a paragraph separator": (2, "milestones", "notes", None, "第一行\u2029第二行"),
    "a name of a Hangul filler": (2, "milestones", "name", None, "\u3164"),
    "a name of a blank braille pattern": (2, "duties", "name", lambda i: i.restates is None, "\u2800"),
    "a name of a lone variation selector": (2, "milestones", "name", None, "\ufe0f"),
    "a name beginning with a combining accent": (2, "milestones", "name", None, "\u0301摸排自查"),
    "a name with a soft hyphen": (2, "milestones", "name", None, "摸排\u00ad自查"),
    "a name with a tag character": (2, "milestones", "name", None, "摸排\U000e0041自查"),
    "an alias with a noncharacter": (1, "duties", "aliases", None, ["摸排\ufffe自查"]),
    "a note with an interlinear annotation mark": (2, "milestones", "notes", None, "第一行\ufff9第二行"),
}


@pytest.mark.parametrize("fmt", ["csv", "json"])
@pytest.mark.parametrize("case", list(AIMED))
def test_an_aimed_break_is_found_and_worded_by_the_full_reader(
    chain: dict[str, tuple[Path, ...]], tmp_path: Path, fmt: str, case: str
) -> None:
    which, resource, field, test, value = AIMED[case]
    paths = _fresh(chain[fmt], tmp_path)
    row = _row_of(paths[which], resource, test)
    items = load_layer(paths[which]).resource(resource)
    sibling = next((i for n, i in enumerate(items) if n != row and getattr(i, "restates", None) is None), None)
    filled = {
        "{last-id}": getattr(items[-1], "id", ""),
        "{national}": load_layer(paths[0]).duties[0].name,
        "{own}": getattr(load_layer(paths[2]).duties[0], "name", ""),
        "{sibling}": getattr(sibling, "name", ""),  # another of the layer's own new items of the kind
    }
    if isinstance(value, str):
        value = filled.get(value, value)
    elif isinstance(value, list):
        value = [filled.get(entry, entry) for entry in value]
    _break(fmt, paths[which], resource, row, _column(resource, field), value)
    reports = validate_many(paths)
    assert reports == full_reports(paths)
    assert not reports[which].valid, case


# -- breaking the whole --------------------------------------------------------------------


def _edit_descriptor(folder: Path, change: Any) -> None:
    path = folder / "datapackage.json"
    path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")


STAND_IN = json.dumps(_fast._SENTINEL)  # noqa: SLF001 - the stand-in itself, as an attacker would write it

WHOLE_CASES = {
    "descriptor re-indented": lambda t: json.dumps(json.loads(t), ensure_ascii=False, indent=4),
    "descriptor with CRLF": lambda t: t.replace("\n", "\r\n"),
    "descriptor with a BOM": lambda t: "\ufeff" + t,
    "duplicate key in the layer": lambda t: t.replace('"layer": {', '"layer": {"id": "x", ', 1),
    "resources named twice": lambda t: t.replace('"layer": {', '"resources": [], "layer": {', 1),
    "the stand-in as the resources, real ones nested": lambda t: (
        t.replace('"resources": [', f'"resources": {STAND_IN}, "x": {{"resources": [', 1).rstrip()[:-1] + "}}\n"
    ),
    "the resources nested, a string at the top": lambda t: (
        t.replace('"resources": [', '"resources": "nope", "x": {"resources": [', 1).rstrip()[:-1] + "}}\n"
    ),
    "format 0": lambda t: t.replace(f'"format": {FORMAT_VERSION}', '"format": 0', 1),
    "format 9": lambda t: t.replace(f'"format": {FORMAT_VERSION}', '"format": 9', 1),
    "parent version outside the range": lambda t: t.replace('"version_range": ">=', '"version_range": ">=9.', 1),
    "no layer": lambda t: t.replace('"layer": {', '"nolayer": {', 1),
}


#: Forms the fast path leaves to the full reader, which reads them (a parent's newer release that the layer
#: still fits is not a problem; format 0 is upgraded).
STILL_VALID = {
    "descriptor re-indented",
    "descriptor with CRLF",
    "descriptor with a BOM",
    "format 0",
    "parent version outside the range",
}


@pytest.mark.parametrize("fmt", ["csv", "json"])
@pytest.mark.parametrize("case", list(WHOLE_CASES))
@pytest.mark.parametrize("where", ["province", "county"])
def test_a_broken_descriptor_gets_the_full_readers_report(
    chain: dict[str, tuple[Path, ...]], tmp_path: Path, fmt: str, case: str, where: str
) -> None:
    paths = _fresh(chain[fmt][1:], tmp_path)
    _edit_descriptor(paths[0] if where == "province" else paths[1], WHOLE_CASES[case])
    reports = validate_many(paths)
    assert reports == full_reports(paths)
    if case not in STILL_VALID:
        assert not all(r.valid for r in reports)


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_files_missing_or_replaced_get_the_full_readers_report(
    chain: dict[str, tuple[Path, ...]], tmp_path: Path, fmt: str
) -> None:
    province, county = paths = _fresh(chain[fmt][1:], tmp_path)
    (county / f"duties.{fmt}").unlink()
    (county / f"signs.{fmt}").write_bytes(b"\xff\xfe not text")
    (province / f"clauses.{fmt}").write_text("", encoding="utf-8")
    assert validate_many(paths) == full_reports(paths)
    assert not any(r.valid for r in validate_many(paths))


@pytest.mark.parametrize("fmt", ["csv", "json"])
@pytest.mark.parametrize("broken", [False, True])
def test_a_zip_or_a_descriptor_path_gets_the_full_readers_report(
    chain: dict[str, tuple[Path, ...]], tmp_path: Path, fmt: str, broken: bool
) -> None:
    province, county = _fresh(chain[fmt][1:], tmp_path)
    if broken:
        _break(fmt, county, "obligations", 0, _column("obligations", "id"), "140404.duty.x")
    archive = tmp_path / "county.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        for file in sorted(county.iterdir()):
            zipped.write(file, f"county/{file.name}")
    paths = [province / "datapackage.json", archive]
    reports = validate_many(paths)
    assert reports == full_reports(paths)
    assert reports[1].valid is not broken


@pytest.mark.parametrize("fmt", ["csv", "json"])
@pytest.mark.parametrize("slack", [-1, 0, 1])
def test_the_row_budget_is_counted_as_the_full_reader_counts_it(
    chain: dict[str, tuple[Path, ...]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str, slack: int
) -> None:
    paths = _fresh(chain[fmt][1:], tmp_path)
    rows = max(len(load_layer(p).resource(name)) for p in paths for name in RESOURCES)
    shipped_registry()  # the shipped layers are read once, under their own budget, before it is lowered
    monkeypatch.setenv("VILLAGECAT_MAX_ROWS", str(rows + slack))
    reports = validate_many(paths)
    assert reports == full_reports(paths)
    assert all(r.valid for r in reports) == (slack > 0 or (slack == 0 and fmt == "csv"))


@pytest.mark.parametrize("which", [0, 1])
@pytest.mark.parametrize("resource", ["duties", "signs", "milestones", "cancellations"])
@pytest.mark.parametrize("spacing", ["", " ", "\n"])
def test_a_json_header_with_a_trailing_comma_is_not_an_empty_table(
    chain: dict[str, tuple[Path, ...]], tmp_path: Path, which: int, resource: str, spacing: str
) -> None:
    """``[[header],]`` is not JSON: the fast path once read it as a table without rows (found by a hostile test)."""
    paths = _fresh(chain["json"][1:], tmp_path)
    path = paths[which] / f"{resource}.json"
    header = json.loads(path.read_text(encoding="utf-8"))[0]
    path.write_text(f"[{json.dumps(header, ensure_ascii=False)}{spacing},{spacing}]\n", encoding="utf-8")
    reports = validate_many(paths)
    assert reports == full_reports(paths)
    assert not reports[which].valid


def _drop_row(folder: Path, resource: str, fmt: str, row_id: str) -> None:
    path = folder / f"{resource}.{fmt}"
    if fmt == "csv":
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        kept = [line for line in lines if not line.startswith(f"{row_id},")]
    else:
        lines = json.loads(path.read_text(encoding="utf-8"))
        kept = [row for row in lines if row[0] != row_id]
    assert len(kept) == len(lines) - 1
    path.write_text("".join(kept) if fmt == "csv" else json.dumps(kept, ensure_ascii=False), encoding="utf-8")


@pytest.mark.parametrize("fmt", ["csv", "json"])
@pytest.mark.parametrize("edit", ["the overridden sign removed", "a duty named as the county's own"])
def test_a_county_is_checked_against_the_given_nation_when_its_province_is_not_given(
    chain: dict[str, tuple[Path, ...]], tmp_path: Path, fmt: str, edit: str
) -> None:
    """The county's chain runs through the shipped province to the given nation, which is read whole too.

    Only the direct parents of the packages given were read whole once, so the county was
    checked against the shipped nation (found by a hostile test).
    """
    national, _, county = _fresh(chain[fmt], tmp_path)
    if edit == "the overridden sign removed":
        _drop_row(national, "signs", fmt, "cn.sign.service-guide")  # the county overrides this sign
    else:
        own = next(d for d in load_layer(county).duties if d.restates is None)
        _break(fmt, national, "duties", 0, _column("duties", "name"), own.name)
    reports = validate_many([national, county])
    assert reports == full_reports([national, county])
    assert reports[0].valid
    assert not reports[1].valid


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_an_ancestor_that_cannot_be_read_is_in_no_chain(
    chain: dict[str, tuple[Path, ...]], tmp_path: Path, fmt: str
) -> None:
    """A given province that cannot be read leaves the shipped one in its place, and the given nation above it.

    Its descriptor (which names another parent) once decided the walk up the chains, so the
    given nation was not read whole and the county was checked against the shipped one
    (found by a hostile test).
    """
    national, province, _ = paths = _fresh(chain[fmt], tmp_path)
    _drop_row(national, "signs", fmt, "cn.sign.service-guide")  # the county overrides this sign
    _edit_descriptor(province, lambda t: t.replace('"id": "cn"', '"id": "999999"', 1))
    with (province / f"milestones.{fmt}").open("ab") as file:
        file.write(b" " * 200_000)  # over the byte budget below: the province cannot be read
    reports = validate_many(paths, max_bytes=150_000)
    assert reports == full_reports(paths, max_bytes=150_000)
    assert [r.readable for r in reports] == [True, False, True]
    assert not reports[2].valid


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_the_resources_budget_is_kept_by_the_fast_path(
    chain: dict[str, tuple[Path, ...]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    paths = _fresh(chain[fmt][1:], tmp_path)
    shipped_registry()  # the shipped layers are read under the default budgets in any case
    monkeypatch.setenv("VILLAGECAT_MAX_RESOURCES", str(len(RESOURCES) - 1))
    reports = validate_many(paths)
    assert reports == full_reports(paths)
    assert not any(r.valid for r in reports)
    monkeypatch.setenv("VILLAGECAT_MAX_RESOURCES", str(len(RESOURCES)))
    assert all(r.valid for r in validate_many(paths))


# -- names, normalised at once -------------------------------------------------------------


@given(st.lists(st.text(alphabet=st.characters(codec="utf-8"), max_size=8), max_size=12))
def test_names_normalised_at_once_are_each_names_form(names: list[str]) -> None:
    assert normalise_names(names) == [normalise_name(n) for n in names]


def test_every_character_names_clear_of_is_a_space_or_unprintable() -> None:
    """normalise_names skips clearing white space and invisible characters on a printable text without " "."""
    from villagecat._names import _SPACE_BUT_LINE_BREAK, _visible  # noqa: PLC0415

    kept = [chr(c) for c in range(sys.maxunicode + 1) if chr(c) != " " and chr(c).isprintable()]
    joined = "".join(kept)
    assert _visible(_SPACE_BUT_LINE_BREAK.sub("", joined)) == joined


def test_names_normalised_at_once_handle_width_script_and_case() -> None:
    names = ["健在證明", "（全角）", "ＡＢＣ", "Straße", "村\u3000委", "㈱"]
    assert normalise_names(names) == [normalise_name(n) for n in names]


def test_a_json_null_where_a_field_cannot_be_none_is_read_fast_as_an_empty_cell(tmp_path: Path) -> None:
    """Rows that leave a yes/no or a list unsaid are written with nulls; the fast path refused them, so
    a nation written that way was read in full (the bench's stages found no fast read)."""
    from layers import province  # noqa: PLC0415
    from villagecat.models import Document, Duty  # noqa: PLC0415

    layer = province()
    document = Document(id="430000.document.list", title="清单", authority=Authority.NORMATIVE_DOCUMENT)
    duty = Duty.model_validate(
        {"id": "430000.duty.d", "name": "宣传推广", "duty_kind": "performs", "citations": [f"{document.id}#一"]}
    )
    from villagecat.package import LayerPackage  # noqa: PLC0415

    path = save_layer(LayerPackage.of(layer, {"documents": [document], "duties": [duty]}), tmp_path / "p", fmt="json")
    assert "null" in (path / "duties.json").read_text(encoding="utf-8")
    fast = _fast.read_fast(path)
    assert fast is not None
    built, (package, report) = fast.materialise(), read_package(path)
    assert report.valid
    assert built == package
    for name in RESOURCES:
        for ours, theirs in zip(built.resource(name), package.resource(name), strict=True):
            said = {n for n in ours.model_fields_set if getattr(ours, n) not in (None, ())}
            assert said == {n for n in theirs.model_fields_set if getattr(theirs, n) not in (None, ())}, name


# -- CSV cells validated column by column ----------------------------------------------------


def _row_wise(kind: Any, raw: bytes) -> tuple[tuple[str, ...], list[tuple[Any, ...]]] | None:
    """A CSV resource's cells validated as rows, one tuple per row, as the fast path once validated them."""
    records = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    header, body = tuple(h.strip() for h in records[0]), records[1:]
    plan = _fast._plan(kind.resource, header)  # noqa: SLF001 - the plan's two validators are compared
    assert plan is not None
    cells = list(zip(*body, strict=True)) if body else [() for _ in header]
    decoded = [_fast._decode_column(s, d, c) for s, d, c in zip(plan.shapes, plan.defaults, cells, strict=True)]  # noqa: SLF001
    if any(column is None for column in decoded):
        return None
    try:
        return header, plan.adapter.validate_python(list(zip(*decoded, strict=True)))
    except ValidationError:
        return None


@pytest.mark.parametrize("path", shipped_layer_paths()[:3], ids=lambda p: p.name)
def test_csv_columns_validated_at_once_take_and_refuse_what_rows_do(path: Path) -> None:
    """Each column is validated by its field's own rules: the values and the verdicts are the rows' own."""
    from villagecat.format.registry import kind_by_resource  # noqa: PLC0415

    clauses = set(_fast.read_fast(path).citations)  # type: ignore[union-attr]
    for name in RESOURCES:
        kind = kind_by_resource(name)
        raw = (path / f"{name}.csv").read_bytes()
        if kind is None or not _fast._positional(name) or raw.count(b"\n") < 2:  # noqa: SLF001
            continue
        header = next(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
        for column in range(len(header)):
            for value in ("", "x", "true", "-1", "1.5", "a|b", "2023-13-45", "120117.clause.nope", "（全角）"):
                rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
                rows[-1][column] = value
                buffer = io.StringIO()
                csv.writer(buffer, lineterminator="\n").writerows(rows)
                broken = buffer.getvalue().encode()
                by_rows, by_columns = _row_wise(kind, broken), _fast._csv_table(kind, broken, clauses)  # noqa: SLF001
                if by_columns is not None:
                    assert by_rows is not None, (name, header[column], value)
                    assert by_columns.columns == dict(zip(by_rows[0], zip(*by_rows[1], strict=True), strict=True))
                elif by_rows is not None:  # refused for what no rule of a cell says: a clause id, a template
                    assert header[column] in (*_fast._cited(name), *kind.checked_together), (name, value)  # noqa: SLF001


@given(st.text(alphabet=st.sampled_from([",", "\n", "\r", '"', "\x00", " ", "a", "名", "\u2028", "\x1c", "\x0b"])))
def test_csv_records_split_in_c_are_the_readers_records(text: str) -> None:
    """The fast path splits a plain text at line feeds and commas: it must read what the stdlib reader reads."""
    from villagecat._budget import csv_reader  # noqa: PLC0415

    try:
        expected: list[list[str]] | type[csv.Error] = list(csv_reader(text))
    except csv.Error:
        expected = csv.Error
    try:
        found: list[list[str]] | type[csv.Error] = _fast._records(text)  # noqa: SLF001 - the split itself
    except csv.Error:
        found = csv.Error
    assert found == expected
