"""Where `villagecat validate`'s time goes, part by part, against the parts of the no-rules floor.

    python bench/stages.py                  # a tenth of the nation, JSON and CSV, 3 rounds
    python bench/stages.py --scale 1 --rounds 3

``bench/run.py`` says how far validation is from its floors; this says why. Each part is
timed on its own, on inputs prepared in memory beforehand, in interleaved rounds after a
warm-up round, and shown as a share of the no-rules floor timed in the same rounds:

- reading the files: every file of every package, by villagecat's reader (the floors read
  the same files);
- the rows, by the floor: the same bytes decoded as the no-rules floor decodes them (JSON:
  msgspec structs with types only; CSV: ``csv.reader``), and as the same-rules floor does;
- the rows, by villagecat: each resource's rows validated with their rules into columns,
  as :func:`villagecat._fast.read_fast` does (JSON: one pydantic-core call per resource;
  CSV: ``csv.reader``, cells decoded column by column, one pydantic-core call);
- the checks: every county judged against its parents
  (:func:`villagecat.validation.verified`: ids, namespaces, the merge of its own operations
  onto its province, the inherited names it may not reuse) and every province checked
  whole, the merges shared as ``validate_many`` shares them;
- the whole of ``validate_many``.

What the whole takes beyond reading, rows and checks is the rest of the work per package:
its descriptor and layer, its parents read whole, the few models the merge needs, its
overrides read by the full reader's functions.
"""

from __future__ import annotations

import argparse
import csv
import io
import statistics
import sys
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

import msgspec

sys.path.insert(0, str(Path(__file__).resolve().parent))
from nation import fresh_nation
from run import _cells, _rows, _rules_struct, _struct, csv_floor, csv_rules_floor, parse_floor, rounds, with_bulk

from villagecat import _fast
from villagecat._budget import fixed_limits
from villagecat._columns import columns
from villagecat._source import open_source
from villagecat.format.registry import kind_by_resource
from villagecat.merging import MergeCache
from villagecat.package import RESOURCES, bulk
from villagecat.registry import shipped_registry
from villagecat.report import ValidationReport
from villagecat.validation import check_package, validate_many, verified

if TYPE_CHECKING:
    from collections.abc import Callable

    from villagecat.format.registry import Kind


def _files(paths: list[Path], fmt: str) -> list[tuple[Path, list[str]]]:
    """Each package's files: its descriptor, then its resources."""
    return [(path, ["datapackage.json", *(f"{name}.{fmt}" for name in RESOURCES)]) for path in paths]


def _read(files: list[tuple[Path, list[str]]]) -> int:
    """Read every file as villagecat reads it (one open, budget and link checks)."""
    total = 0
    with fixed_limits():
        for path, names in files:
            source = open_source(path, None)
            total += sum(len(source.read(name)) for name in names)
    return total


class _Prepared:
    """What the parts are timed on: every package's rows in memory, read and opened once."""

    def __init__(self, paths: list[Path]) -> None:
        with bulk(), fixed_limits():
            opened = [_fast.open_fast(path) for path in paths]
            assert all(o is not None for o in opened), "the synthetic nation is read fast throughout"
            self.opened = [o for o in opened if o is not None]
            fast = [_fast.read_fast(o) for o in self.opened]
            assert all(f is not None for f in fast)
            self.fast = [f for f in fast if f is not None]
        #: Per package: its clause ids and each positionally read resource's kind and bytes.
        self.rows: list[tuple[set[str], list[tuple[Kind, bytes]]]] = []
        for o, f in zip(self.opened, self.fast, strict=True):
            resources = []
            for spec in _fast._in_reading_order(o.fmt):  # noqa: SLF001 - the bench times the fast path's parts
                kind = kind_by_resource(spec["name"])
                if kind is not None and _fast._positional(spec["name"]):  # noqa: SLF001
                    resources.append((kind, o.source.read(spec["path"])))
            self.rows.append((set(f.citations), resources))
        self.parents = {o.layer.parent.id for o in self.opened if o.layer.parent is not None}
        self.whole = [
            f.materialise() for o, f in zip(self.opened, self.fast, strict=True) if o.layer.id in self.parents
        ]


def _villagecat_rows(prepared: _Prepared, fmt: str) -> int:
    """Validate every positionally read resource's rows with their rules, into columns, as read_fast does."""
    table = _fast._json_table if fmt == "json" else _fast._csv_table  # noqa: SLF001
    count = 0
    with fixed_limits():
        for clauses, resources in prepared.rows:
            for kind, raw in resources:
                found = table(kind, raw, clauses)
                assert found is not None
                count += len(found)
    return count


def _floor_rows(prepared: _Prepared, fmt: str, *, rules: bool) -> int:
    """Decode the same bytes as a floor does: with the rules (the same-rules floor) or without (the no-rules one)."""
    count = 0
    if fmt == "json":
        make = _rules_struct if rules else _struct
        decoders = {name: msgspec.json.Decoder(list[make(model)]) for name, model in RESOURCES.items()}
        for _, resources in prepared.rows:
            for kind, raw in resources:
                count += len(decoders[kind.resource].decode(_rows(raw)))
        return count
    structs = {name: _rules_struct(model) for name, model in RESOURCES.items()}
    shapes = {name: {c.name: c.shape for c in columns(model)} for name, model in RESOURCES.items()}
    for _, resources in prepared.rows:
        for kind, raw in resources:
            records = csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""))
            if not rules:
                count += sum(1 for _ in records) - 1
                continue
            header, *body = records
            cells = list(zip(*body, strict=True)) if body else [() for _ in header]
            typed = [_cells(shapes[kind.resource][h], c) for h, c in zip(header, cells, strict=True)]
            count += len(msgspec.convert(list(zip(*typed, strict=True)), list[structs[kind.resource]]))
    return count


def _checks(prepared: _Prepared) -> int:
    """Check every province whole and judge every county against its parents, as validate_many does."""
    registry = shipped_registry(prepared.whole)
    merges = MergeCache()
    for package in prepared.whole:
        report = ValidationReport(target="")
        check_package(package, report, registry, merges)
        assert report.valid
    judged = 0
    for o, fast in zip(prepared.opened, prepared.fast, strict=True):
        if o.layer.id not in prepared.parents:
            assert verified(fast, registry, merges)
            judged += 1
    return judged


def measure(paths: list[Path], fmt: str, count: int) -> list[tuple[str, float]]:
    """Time the parts and the wholes, interleaved; return (part, median seconds) in the order shown."""
    prepared = _Prepared(paths)
    files = _files(paths, fmt)
    floor = parse_floor if fmt == "json" else csv_floor
    rules_floor = _rules_floor_fn(fmt)
    named: dict[str, Callable[[], Any]] = {
        "no-rules floor (whole)": lambda: with_bulk(floor, paths),
        "same-rules floor (whole)": lambda: with_bulk(rules_floor, paths),
        "reading the files (villagecat's reader)": lambda: _read(files),
        "rows: the no-rules floor's decoding": lambda: with_bulk(partial(_floor_rows, rules=False), prepared, fmt),
        "rows: villagecat's, with the rules, into columns": lambda: with_bulk(_villagecat_rows, prepared, fmt),
        "rows: the same-rules floor's decoding": lambda: with_bulk(partial(_floor_rows, rules=True), prepared, fmt),
        "checks: counties against their parents, provinces whole": lambda: with_bulk(_checks, prepared),
        "validate_many (whole)": lambda: all(r.valid for r in validate_many(paths)),
    }
    times = rounds(named, count)
    return [(name, statistics.median(values)) for name, values in times.items()]


def _rules_floor_fn(fmt: str) -> Callable[[list[Path]], int]:
    if fmt == "csv":
        return csv_rules_floor
    from run import rules_floor

    return rules_floor


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=0.1, help="share of the 2,850 counties (default 0.1)")
    parser.add_argument("--work", default="/tmp/villagecat-bench", help="where the synthetic nation is written")
    parser.add_argument("--rounds", type=int, default=3, help="timed rounds (default 3)")
    args = parser.parse_args()
    work = Path(args.work) / f"scale-{args.scale}"
    fresh_nation(work, args.scale)
    for fmt in ("json", "csv"):
        paths = sorted(p.parent for p in (work / fmt).rglob("datapackage.json"))
        parts = measure(paths, fmt, args.rounds)
        base = dict(parts)["no-rules floor (whole)"]
        print(f"\n{fmt.upper()}, {len(paths):,} packages, scale {args.scale}, medians of {args.rounds} rounds:\n")
        print("| part | seconds | × the no-rules floor |")
        print("|---|---|---|")
        for name, seconds in parts:
            print(f"| {name} | {seconds:.3f} | {seconds / base:.2f}× |")
        known = dict(parts)
        rest = (
            known["validate_many (whole)"]
            - known["reading the files (villagecat's reader)"]
            - known["rows: villagecat's, with the rules, into columns"]
            - known["checks: counties against their parents, provinces whole"]
        )
        print(
            f"| the rest of validate_many (descriptors, parents read whole, models, overrides) | {rest:.3f} | "
            f"{rest / base:.2f}× |"
        )


if __name__ == "__main__":
    main()
