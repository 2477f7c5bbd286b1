"""villagecat's benchmarks: one command, ratios against baselines measured in the same run.

    pip install -e ".[bench]"
    python bench/run.py                 # the whole synthetic nation (about 470,000 items)
    python bench/run.py --scale 0.1     # a tenth of it, for a quick look

Writes the table to standard output and, with ``--write``, into bench/README.md. Every figure
is a ratio of two timings taken in this run on this machine, so the noise of a shared
machine largely cancels; absolute seconds are shown for orientation only.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import io
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

import msgspec

sys.path.insert(0, str(Path(__file__).resolve().parent))
from nation import fresh_nation

from villagecat._columns import columns
from villagecat.diff import diff_packages
from villagecat.merging import merge
from villagecat.package import RESOURCES, LayerPackage, bulk, read_package
from villagecat.registry import LayerRegistry
from villagecat.validation import check_package

if TYPE_CHECKING:
    from collections.abc import Callable

HERE = Path(__file__).resolve().parent


def with_bulk(fn: Callable[..., Any], *args: Any) -> Any:
    """Run a baseline under the same collector pause as villagecat's bulk operations."""
    with bulk():
        return fn(*args)


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def _struct(model: type) -> Any:
    types = {
        "text": str | None,
        "list": list[str] | None,
        "citations": list[str] | None,  # clause ids in format 1
        "bool": bool | None,
        "number": float | None,
        "integer": int | None,
        "json": Any,
    }
    fields = [(c.name, types[c.shape], None) for c in columns(model)]
    return msgspec.defstruct(model.__name__, fields, array_like=True)


def _rules_struct(model: type) -> Any:
    """A msgspec record with villagecat's rules on each field: types, enums, patterns, bounds, lengths.

    Built from the format registry, the one source of the rules, so the same-rules floor
    checks what villagecat checks field by field (not citations' clause lookups, ids' kinds or
    the checks across items).
    """
    from typing import Annotated, Literal

    from villagecat.format.registry import kind_by_resource

    kind = next(k for k in (kind_by_resource(r) for r in RESOURCES) if k is not None and k.model is model)
    fields = []
    for spec in kind.fields:
        bounds = (("pattern", spec.pattern), ("ge", spec.minimum), ("gt", spec.exclusive_minimum), ("le", spec.maximum))
        meta: dict[str, Any] = {key: value for key, value in bounds if value is not None}
        if spec.shape == "integer":
            meta = {k: int(v) if k != "pattern" else v for k, v in meta.items()}
        if spec.vocab is not None:
            inner: Any = Literal[tuple(m.value for m in spec.vocab)]  # type: ignore[valid-type]
        else:
            inner = {"text": str, "bool": bool, "number": float, "integer": int, "json": Any}.get(spec.shape, str)
            if meta and spec.shape in ("text", "number", "integer", "list"):
                inner = Annotated[inner, msgspec.Meta(**meta)]
        if spec.shape in ("list", "citations"):
            lengths = {k: v for k, v in (("min_length", spec.min_length), ("max_length", spec.max_length)) if v}
            inner = Annotated[list[inner], msgspec.Meta(**lengths)] if lengths else list[inner]
        # Every column is present in the array form: required means "not null", not "present".
        fields.append((spec.name, inner if spec.required else inner | None))
    return msgspec.defstruct(f"{model.__name__}Rules", fields, array_like=True)


class _Resource(msgspec.Struct):
    name: str
    path: str
    format: str = ""


class _Descriptor(msgspec.Struct):
    """What a reader needs of a descriptor: its resources' names, paths and formats, the layer, the format.

    The floors decode only this; the Table Schemas embedded in the descriptor (two thirds of
    its bytes) are skipped, as villagecat skips them.
    """

    resources: list[_Resource]
    layer: dict[str, Any]
    villagecat: dict[str, Any] | None = None


_DESCRIPTOR = msgspec.json.Decoder(_Descriptor)


def rules_floor(paths: list[Path]) -> int:
    """Decode every JSON resource's rows into msgspec records that apply villagecat's field rules."""
    decoders = {name: msgspec.json.Decoder(list[_rules_struct(model)]) for name, model in RESOURCES.items()}
    count = 0
    for path in paths:
        _DESCRIPTOR.decode((path / "datapackage.json").read_bytes())
        for name, decoder in decoders.items():
            count += len(decoder.decode(_rows((path / f"{name}.json").read_bytes())))
    return count


def csv_floor(paths: list[Path]) -> int:
    """Read every CSV resource with the standard library's csv module (no types, no rules): the CSV floor."""
    import csv
    import io

    count = 0
    for path in paths:
        _DESCRIPTOR.decode((path / "datapackage.json").read_bytes())
        for name in RESOURCES:
            text = (path / f"{name}.csv").read_text(encoding="utf-8")
            count += sum(1 for _ in csv.reader(io.StringIO(text, newline=""))) - 1
    return count


def _cells(shape: str, cells: tuple[str, ...]) -> list[Any]:
    """One CSV column's cells as the values its structs take: lists split, booleans and numbers read, empty as null."""
    if shape in ("list", "citations"):
        return [[e for e in map(str.strip, c.split("|")) if e] if c else None for c in cells]
    if shape == "bool":
        return [c == "true" if c else None for c in cells]
    if shape in ("number", "integer"):
        return [(int(c) if shape == "integer" else float(c)) if c else None for c in cells]
    return [c or None for c in cells]


def csv_rules_floor(paths: list[Path]) -> int:
    """Read every CSV resource with csv.reader, decode its cells and check them against villagecat's field rules.

    The cells become typed values column by column (lists split on ``|``, booleans, numbers,
    empty cells null), then msgspec records carrying the rules, as the JSON same-rules floor.
    """
    import csv
    import io

    structs = {name: _rules_struct(model) for name, model in RESOURCES.items()}
    shapes = {name: {c.name: c.shape for c in columns(model)} for name, model in RESOURCES.items()}
    count = 0
    for path in paths:
        _DESCRIPTOR.decode((path / "datapackage.json").read_bytes())
        for name, struct in structs.items():
            text = (path / f"{name}.csv").read_text(encoding="utf-8")
            header, *body = csv.reader(io.StringIO(text, newline=""))
            cells = list(zip(*body, strict=True)) if body else [() for _ in header]
            typed = [_cells(shapes[name][h], column) for h, column in zip(header, cells, strict=True)]
            count += len(msgspec.convert(list(zip(*typed, strict=True)), list[struct]))
    return count


def cli_validate(paths: list[Path]) -> int:
    """``validate_many``, the core of ``villagecat validate PATH…``: every package with its parents, merge checks."""
    from villagecat.validation import validate_many

    reports = validate_many(paths)
    assert all(r.valid for r in reports)
    return len(reports)


def cli_argv(paths: list[Path], *options: str) -> list[str]:
    """``validate`` over every package, as one command line: the whole argv must fit a shell's ``ARG_MAX``.

    A user validates the nation in one command (2,882 paths of about 45 bytes: some 130 KB, where
    Linux allows 2 MiB with the environment), so the packages are checked together, each county
    with its province given beside it. Batched by ``xargs``, a county would be checked against a
    province read again in its batch, or the shipped one: not what this measures.
    """
    argv = ["validate", *map(str, paths), *options]
    size = sum(len(os.fsencode(a)) + 1 for a in ["villagecat", *argv]) + sum(
        len(os.fsencode(k)) + len(os.fsencode(v)) + 2 for k, v in os.environ.items()
    )
    assert size < os.sysconf("SC_ARG_MAX"), f"{size} bytes of argv and environment exceed ARG_MAX"
    return argv


def cli_run(argv: list[str]) -> int:
    """What a user runs: the console script's own entry (``villagecat.cli:main``), in this process.

    Everything ``villagecat validate`` does after the interpreter starts: argument handling, reading
    the packages' roots, ``validate_many``, the notes on which parent each was checked against,
    the report rendered and written, encoded, to the null device as to a terminal or a pipe.
    """
    from villagecat.cli import main

    status: object = None
    errors = io.StringIO()  # said only if the command fails
    with (
        Path(os.devnull).open("w", encoding="utf-8") as out,
        contextlib.redirect_stdout(out),
        contextlib.redirect_stderr(errors),
    ):
        try:
            main(argv)
        except SystemExit as exc:
            status = exc.code
    assert status == 0, f"villagecat validate exited {status}: {errors.getvalue()[:2000]}"
    return len(argv)


def rounds(named: dict[str, Callable[[], Any]], count: int) -> dict[str, list[float]]:
    """Time each function ``count`` times, interleaved, after one warm-up round (not counted)."""
    times: dict[str, list[float]] = {name: [] for name in named}
    for round_ in range(count + 1):
        for name, fn in named.items():
            gc.collect()
            seconds, _ = timed(fn)
            if round_:
                times[name].append(seconds)
    return times


def ratio(times: dict[str, list[float]], ours: str, base: str) -> tuple[str, str]:
    """``(seconds, ratio)`` cells: medians with the range of the per-round ratios."""
    per_round = [a / b for a, b in zip(times[ours], times[base], strict=True)]
    med_a, med_b = statistics.median(times[ours]), statistics.median(times[base])
    return (
        f"{med_a:.2f} s / {med_b:.2f} s",
        f"{statistics.median(per_round):.2f}× ({min(per_round):.2f}–{max(per_round):.2f})",
    )


def _rows(data: bytes) -> bytes:
    """The rows of a format-1 JSON resource without its header array (the writer puts it on the first line)."""
    end = data.find(b"],\n")
    return b"[" + data[end + 3 :] if end != -1 else b"[]"


def parse_floor(paths: list[Path]) -> int:
    """Decode every JSON resource's rows into typed msgspec records: the floor."""
    decoders = {name: msgspec.json.Decoder(list[_struct(model)]) for name, model in RESOURCES.items()}
    count = 0
    for path in paths:
        _DESCRIPTOR.decode((path / "datapackage.json").read_bytes())
        for name, decoder in decoders.items():
            count += len(decoder.decode(_rows((path / f"{name}.json").read_bytes())))
    return count


def read_all(paths: list[Path]) -> list[LayerPackage]:
    with bulk():
        return _read_all(paths)


def _read_all(paths: list[Path]) -> list[LayerPackage]:
    packages = []
    for path in paths:
        package, report = read_package(path)
        assert package is not None, report.format_text("en")
        assert report.valid, report.format_text("en")
        check_package(package, report)
        packages.append(package)
    return packages


def revise(packages: list[LayerPackage], share: float, seed: int = 7) -> list[LayerPackage]:
    """Return the nation with ``share`` of its items renamed (the diff benchmark's new version)."""
    rng = random.Random(seed)
    result = []
    for package in packages:
        changed = {}
        for name in RESOURCES:
            items = package.resource(name)
            changed[name] = tuple(
                i.model_copy(update={"name": f"{getattr(i, 'name', '')}（修订）"})
                if hasattr(i, "name") and rng.random() < share
                else i
                for i in items
            )
        result.append(LayerPackage(layer=package.layer, **changed))  # type: ignore[arg-type]
    return result


def resolve_counties(registry: LayerRegistry, counties: list[LayerPackage]) -> int:
    with bulk():
        return sum(len(merge(registry.chain(p)).items) for p in counties)


def keyed_compare(old: list[LayerPackage], new: list[LayerPackage]) -> int:
    """The fair baseline: both sides' models keyed by id, compared with ``==`` (no dumping)."""
    changed = 0
    for a, b in zip(old, new, strict=True):
        for name in RESOURCES:
            before = {i.id: i for i in a.resource(name)}  # type: ignore[attr-defined]
            after = {i.id: i for i in b.resource(name)}  # type: ignore[attr-defined]
            changed += sum(1 for k in before.keys() | after.keys() if before.get(k) != after.get(k))
    return changed


def separately_loaded(revised: list[LayerPackage], root: Path) -> list[LayerPackage]:
    """Write the revised nation and read it back: its models share no object with the original's."""
    from villagecat.package import save_layer

    shutil.rmtree(root, ignore_errors=True)
    paths = [save_layer(p, root / f"{n:05d}", fmt="json") for n, p in enumerate(revised)]
    return read_all(paths)


def villagecat_diff(old: list[LayerPackage], new: list[LayerPackage]) -> int:
    with bulk():
        return sum(len(diff_packages(a, b).changes) for a, b in zip(old, new, strict=True))


def deepdiff_compare(old: list[LayerPackage], new: list[LayerPackage]) -> int:
    from deepdiff import DeepDiff

    total = 0
    for a, b in zip(old, new, strict=True):
        for name in RESOURCES:
            before = {i.id: i.model_dump() for i in a.resource(name)}  # type: ignore[attr-defined]
            after = {i.id: i.model_dump() for i in b.resource(name)}  # type: ignore[attr-defined]
            total += len(DeepDiff(before, after))
    return total


def import_time(code: str, runs: int = 7) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def peak_memory(root: Path) -> float:
    """Peak RSS (GiB) of a fresh process that reads, validates and resolves the whole nation."""
    code = (
        f"import sys, resource; sys.path.insert(0, {str(HERE)!r})\n"
        "from pathlib import Path\n"
        "from villagecat.package import read_package\n"
        "from villagecat.registry import LayerRegistry\n"
        "from villagecat.merging import merge\n"
        f"paths = sorted(p.parent for p in Path({str(root)!r}).rglob('datapackage.json'))\n"
        "registry = LayerRegistry(read_package(p)[0] for p in paths)\n"
        "for package in registry:\n"
        "    if package.layer.level.value == 'county': merge(registry.chain(package))\n"
        # VmHWM is this process's own high-water mark; ru_maxrss would include the parent's
        # resident size at fork time, which Linux carries over to the child.
        "print(next(l.split()[1] for l in open('/proc/self/status') if l.startswith('VmHWM')))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    return int(done.stdout.strip()) / 1024 / 1024


def peak_memory_validate(root: Path) -> float:
    """Peak RSS (GiB) of a fresh process that runs ``villagecat validate`` on every package under ``root``."""
    code = (
        "from pathlib import Path\n"
        "from villagecat.validation import validate_many\n"
        f"paths = sorted(p.parent for p in Path({str(root)!r}).rglob('datapackage.json'))\n"
        "assert all(r.valid for r in validate_many(paths))\n"
        "print(next(l.split()[1] for l in open('/proc/self/status') if l.startswith('VmHWM')))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    return int(done.stdout.strip()) / 1024 / 1024


def main() -> None:  # noqa: PLR0915 - one measurement after another, in the order of the table
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=1.0, help="share of the 2,850 counties (default 1.0)")
    parser.add_argument("--work", default="/tmp/villagecat-bench", help="where the synthetic nation is written")
    parser.add_argument("--sample", type=int, default=40, help="packages compared with frictionless and deepdiff")
    parser.add_argument("--write", action="store_true", help="write the table into bench/README.md")
    parser.add_argument("--rounds", type=int, default=3, help="timed rounds of the validation figures (default 3)")
    args = parser.parse_args()

    work = Path(args.work) / f"scale-{args.scale}"
    rows: list[tuple[str, str, str, str]] = []
    fresh_nation(work, args.scale)
    json_paths = sorted(p.parent for p in (work / "json").rglob("datapackage.json"))
    csv_paths = sorted(p.parent for p in (work / "csv").rglob("datapackage.json"))

    gc.collect()
    items = with_bulk(parse_floor, json_paths)
    packages = read_all(json_paths)
    json_argv, csv_argv = cli_argv(json_paths), cli_argv(csv_paths)
    json_argv_json = cli_argv(json_paths, "--format", "json")
    timings = rounds(
        {
            "cli-json": lambda: cli_validate(json_paths),
            "cli-csv": lambda: cli_validate(csv_paths),
            "cmd-json": lambda: cli_run(json_argv),
            "cmd-csv": lambda: cli_run(csv_argv),
            "cmd-json-json": lambda: cli_run(json_argv_json),
            "rules-floor": lambda: with_bulk(rules_floor, json_paths),
            "json-floor": lambda: with_bulk(parse_floor, json_paths),
            "csv-rules-floor": lambda: with_bulk(csv_rules_floor, csv_paths),
            "csv-floor": lambda: with_bulk(csv_floor, csv_paths),
        },
        args.rounds,
    )
    for label, ours, base, target in (
        (
            "validate_many on the nation (JSON) vs same-rules floor (msgspec with the rules)",
            "cli-json",
            "rules-floor",
            "≤ 3×",
        ),
        (
            "validate_many on the nation (JSON) vs no-rules floor (msgspec, types only)",
            "cli-json",
            "json-floor",
            "≤ 2×",
        ),
        (
            "validate_many on the nation (CSV) vs same-rules floor (csv.reader, cells decoded, msgspec rules)",
            "cli-csv",
            "csv-rules-floor",
            "≤ 3×",
        ),
        (
            "validate_many on the nation (CSV) vs no-rules floor (stdlib csv.reader, no types)",
            "cli-csv",
            "csv-floor",
            "≤ 2×",
        ),
    ):
        rows.append((label, *ratio(timings, ours, base), target))
    for label, ours, base in (
        ("`villagecat validate PATH…` on the nation (JSON, the text report) vs validate_many", "cmd-json", "cli-json"),
        ("`villagecat validate PATH…` on the nation (CSV, the text report) vs validate_many", "cmd-csv", "cli-csv"),
        (
            "`villagecat validate PATH… --format json` on the nation (JSON) vs validate_many",
            "cmd-json-json",
            "cli-json",
        ),
    ):
        rows.append((label, *ratio(timings, ours, base), "≈ 1× (handler overhead)"))

    import frictionless

    sample = csv_paths[1 : 1 + args.sample]
    ours, _ = timed(lambda: read_all(sample))
    theirs, reports = timed(lambda: [frictionless.validate(str(p / "datapackage.json")) for p in sample])
    assert all(r.valid for r in reports)
    rows.append(
        (
            f"frictionless validate vs villagecat, same {len(sample)} packages",
            f"{theirs:.2f} s / {ours:.2f} s",
            f"{theirs / ours:.1f}× faster",
            "≥ 4× faster",
        )
    )

    revised = separately_loaded(revise(packages, 0.01), work / "revised")
    n_keyed = with_bulk(keyed_compare, packages, revised)
    n_ours = villagecat_diff(packages, revised)
    diffs = rounds(
        {
            "ours": lambda: villagecat_diff(packages, revised),
            "keyed": lambda: with_bulk(keyed_compare, packages, revised),
        },
        args.rounds,
    )
    ours_diff = statistics.median(diffs["ours"])
    rows.append(
        (
            "diff the nation (1 % changed, revisions loaded separately) vs keyed == comparison of the models",
            *ratio(diffs, "ours", "keyed"),
            "≤ 1.2×",
        )
    )
    small_old, small_new = packages[1 : 1 + args.sample], revised[1 : 1 + args.sample]
    dd, _ = timed(lambda: with_bulk(deepdiff_compare, small_old, small_new))
    vd, _ = timed(lambda: villagecat_diff(small_old, small_new))
    rows.append(
        (
            f"deepdiff vs villagecat diff, same {len(small_old)} packages",
            f"{dd:.2f} s / {vd:.3f} s",
            f"{dd / vd:.0f}× faster",
            "≥ 50× faster",
        )
    )
    fifth = max(2, len(packages) // 5)
    part, _ = timed(lambda: villagecat_diff(packages[:fifth], revised[:fifth]))
    per_small = part / sum(sum(p.counts().values()) for p in packages[:fifth])
    per_large = ours_diff / items
    rows.append(
        (
            "diff cost per item, whole nation vs a fifth of it",
            f"{per_large * 1e6:.2f} µs / {per_small * 1e6:.2f} µs",
            f"{per_large / per_small:.2f}×",
            "≈ 1× (linear)",
        )
    )

    registry = LayerRegistry(packages)
    counties = [p for p in packages if p.layer.level.value == "county"]
    resolve_all, _ = timed(lambda: resolve_counties(registry, counties))
    county_paths = [p for p in json_paths if len(p.relative_to(work / "json").parts) == 2]
    reload, _ = timed(lambda: read_all(county_paths))
    rows.append(
        (
            f"resolve all {len(counties)} counties vs loading them again",
            f"{resolve_all:.2f} s / {reload:.2f} s",
            f"{resolve_all / reload:.2f}×",
            "≤ 1×",
        )
    )

    ours_import = import_time("import villagecat")
    base_import = import_time("from pydantic import BaseModel, TypeAdapter")
    rows.append(
        (
            "import villagecat vs from pydantic import BaseModel, TypeAdapter",
            f"{ours_import * 1000:.0f} ms / {base_import * 1000:.0f} ms",
            f"{ours_import / base_import:.2f}×",
            "≤ 2×",
        )
    )
    peak = peak_memory(work / "json")
    rows.append(("peak memory: read, validate and resolve the whole nation", f"{peak:.2f} GiB", "—", "≤ 1 GiB"))
    for fmt in ("json", "csv"):
        peak = peak_memory_validate(work / fmt)
        rows.append(
            (
                f"peak memory: validate the whole nation ({fmt.upper()}, validate_many)",
                f"{peak:.2f} GiB",
                "—",
                "≤ 1 GiB",
            )
        )

    when = time.strftime("%Y-%m-%d")
    summary = (
        f"Run: scale {args.scale} ({items:,} items in {len(json_paths):,} packages), Python {sys.version.split()[0]}"
    )
    table = [
        f"{summary}, {when}. Ratios are of two timings taken in this run.",
        "",
        "| measure | seconds (ours / baseline) | ratio | target |",
        "|---|---|---|---|",
        *(f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows),
    ]
    text = "\n".join(table) + "\n"
    print(text)
    print(json.dumps({"items": items, "keyed_changes": n_keyed, "villagecat_changes": n_ours}), file=sys.stderr)
    if args.write:
        readme = HERE / "README.md"
        content = readme.read_text(encoding="utf-8")
        start, end = "<!-- results -->", "<!-- /results -->"
        head, _, rest = content.partition(start)
        _, _, tail = rest.partition(end)
        readme.write_text(f"{head}{start}\n{text}{end}{tail}", encoding="utf-8")


if __name__ == "__main__":
    main()
