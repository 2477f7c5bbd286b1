"""Fuzzing the loaders, merge and diff: nothing but villagecat's own errors may escape.

Run long with ``HYPOTHESIS_PROFILE=fuzz pytest tests/property/test_fuzz.py`` (10,000 examples).
"""

from __future__ import annotations

import dataclasses
import json
import shutil
import tempfile
import warnings
from pathlib import Path

from hypothesis import example, given
from hypothesis import strategies as st
from pydantic import ValidationError

import villagecat
from villagecat._columns import override_cell_value
from villagecat.checks.ledger import read_ledger
from villagecat.diff import diff_packages
from villagecat.errors import VillagecatError, WorkbookNotice
from villagecat.merging import merge
from villagecat.models import Citation, MergeOp, Override
from villagecat.package import RESOURCES, load_layer
from villagecat.registry import shipped_registry

NATIONAL = Path(__file__).resolve().parents[2] / "data" / "national"
CHAIN = shipped_registry().chain(shipped_registry().find("120117"))
ITEM_IDS = sorted({str(getattr(i, "id", "")) for p in CHAIN for _, i in p.iter_items()})
FIELDS = sorted({name for model in RESOURCES.values() for name in model.model_fields})
csv_text = st.one_of(
    st.text(max_size=400),
    st.lists(st.lists(st.text(alphabet=st.characters(codec="utf-8"), max_size=12), max_size=14), max_size=8).map(
        lambda rows: "\n".join(",".join(r) for r in rows)
    ),
)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=20,
)


def _package(tmp: str) -> Path:
    target = Path(tmp) / "pkg"
    shutil.copytree(NATIONAL, target)
    return target


@given(st.sampled_from(sorted(p.name for p in NATIONAL.glob("*.csv"))), st.one_of(csv_text, st.binary(max_size=300)))
def test_any_resource_bytes_give_a_report_or_a_villagecat_error(name: str, content: str | bytes) -> None:
    """Whatever a CSV holds, validate answers with a report and load_layer with a VillagecatError."""
    with tempfile.TemporaryDirectory() as tmp:
        path = _package(tmp)
        target = path / name
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
        report = villagecat.validate(path)
        assert report.exit_code in (0, 1, 2)
        try:
            load_layer(path)
        except VillagecatError:
            assert not report.valid


@given(json_values)
def test_any_descriptor_gives_a_report(descriptor: object) -> None:
    """Whatever datapackage.json holds, validate answers with a report."""
    with tempfile.TemporaryDirectory() as tmp:
        path = _package(tmp)
        (path / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
        assert villagecat.validate(path).exit_code in (1, 2)


@given(
    st.lists(
        st.tuples(
            st.sampled_from(ITEM_IDS),
            st.sampled_from(FIELDS),
            st.one_of(st.none(), st.text(max_size=30)),
            st.sampled_from(["set", "add", "remove"]),
        ),
        max_size=6,
    )
)
def test_any_overrides_merge_into_conflicts_never_exceptions(ops: list[tuple[str, str, str | None, str]]) -> None:
    """Overrides of any field of any inherited item to any value merge or conflict; nothing raises."""
    overrides = []
    for n, (t, f, v, o) in enumerate(ops):
        try:  # a value is typed by its target field when read: one that is not, never reaches merge
            overrides.append(
                Override(
                    id=f"120117.override.f{n}",
                    name="f",
                    target=t,
                    field=f,
                    value=override_cell_value({"target": t, "field": f, "value": v}),
                    op=MergeOp(o),
                    citations=(Citation(document="cn.document.tingzi-2022-28", section="一"),),
                )
            )
        except ValidationError:
            continue
    county = CHAIN[-1]
    fuzzed = dataclasses.replace(county, overrides=county.overrides + tuple(overrides), origins={})
    catalog = merge([*CHAIN[:-1], fuzzed])
    assert len(catalog.conflicts) <= len(ops)
    report = diff_packages(county, fuzzed)
    assert {c.resource for c in report.changes} <= {"overrides"}


@given(csv_text)
@example("制表人\n")  # a footer alone: told as a notice, then refused as a ledger with no records
def test_any_ledger_reads_or_raises_a_villagecat_error(content: str) -> None:
    """A ledger of any text is read, or refused with a VillagecatError naming where; a row not read is a notice.

    A row that reads as a footer (制表人) is told as a :class:`WorkbookNotice` naming its row, not an exception.
    """
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "ledger.csv"
        path.write_text("village,category,name,placement,width_cm\n" + content, encoding="utf-8")
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", WorkbookNotice)
            try:
                read_ledger(path)
            except VillagecatError as exc:
                message = str(exc)
            else:
                message = "read"
        assert message
        assert all(isinstance(w.message, WorkbookNotice) and "行" in str(w.message) for w in caught)
