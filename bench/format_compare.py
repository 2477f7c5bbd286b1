"""Is validating the nation in format 1 any slower than it was in format 0? Both measured in this run.

    python bench/format_compare.py                       # a third of the nation, 3 rounds
    python bench/format_compare.py --scale 1 --rounds 5

The last format-0 version of villagecat (``--before``, default the commit before format 1)
is taken from this repository's own history with ``git archive`` into a temporary folder;
each version generates the same synthetic nation (same seed) in its own format and reads
and checks every package (``read_package`` + ``check_package``, the bench's "validate"). The
two run in fresh processes, interleaved, after a warm-up round, so the noise of a shared
machine falls on both alike. Nothing of the old version is kept.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

_GENERATE = """
import sys
from pathlib import Path
sys.path[:0] = [{src!r}, {bench!r}]
from nation import generate
generate(Path({root!r}), scale={scale}, fmt={fmt!r})
"""

_TIME = """
import sys, time
from pathlib import Path
sys.path[:0] = [{src!r}]
from villagecat.package import bulk, read_package
from villagecat.validation import check_package
paths = sorted(p.parent for p in Path({root!r}).rglob("datapackage.json"))
started = time.perf_counter()
with bulk():
    for path in paths:
        package, report = read_package(path)
        assert package is not None and report.valid, report.format_text("en")
        check_package(package, report)
print(time.perf_counter() - started, len(paths))
"""


def _run(code: str) -> str:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(done.stderr)
    return done.stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--before", default="cbd3a6f", help="the last format-0 commit (default cbd3a6f)")
    parser.add_argument("--scale", type=float, default=0.33)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--fmt", choices=("json", "csv"), default="json")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        old = Path(tmp) / "before"
        old.mkdir()
        archive = subprocess.run(
            ["git", "-C", str(REPO), "archive", args.before, "src", "bench", "data", "schemas"],  # noqa: S607
            capture_output=True,
            check=True,
        ).stdout
        subprocess.run(["tar", "-x", "-C", str(old)], input=archive, check=True)  # noqa: S607
        (old / "src" / "villagecat" / "data").unlink(missing_ok=True)
        (old / "src" / "villagecat" / "data").symlink_to(old / "data")
        (old / "src" / "villagecat" / "schemas").unlink(missing_ok=True)
        (old / "src" / "villagecat" / "schemas").symlink_to(old / "schemas")
        versions = {
            "format 0": (str(old / "src"), str(old / "bench"), Path(tmp) / "nation-0"),
            "format 1": (str(REPO / "src"), str(REPO / "bench"), Path(tmp) / "nation-1"),
        }
        for src, bench, root in versions.values():
            _run(_GENERATE.format(src=src, bench=bench, root=str(root), scale=args.scale, fmt=args.fmt))
        timings: dict[str, list[float]] = {name: [] for name in versions}
        count = 0
        for round_ in range(args.rounds + 1):
            for name, (src, _, root) in versions.items():
                seconds, packages = _run(_TIME.format(src=src, root=str(root))).split()
                count = int(packages)
                if round_:  # the first round warms the page cache and is not counted
                    timings[name].append(float(seconds))
    before, after = (statistics.median(timings[n]) for n in versions)
    print(f"validate {count} packages ({args.fmt}, scale {args.scale}), {args.rounds} interleaved rounds:")
    for name, values in timings.items():
        print(f"  {name}: median {statistics.median(values):.2f} s (range {min(values):.2f}–{max(values):.2f})")
    print(f"  format 1 / format 0: {after / before:.2f}×")


if __name__ == "__main__":
    main()
