"""Does auditing self-inspection ledgers scale linearly? A province has about 69,000 villages.

    python bench/audit_scale.py                 # 1,000 / 8,000 / 69,000 villages, 3 rounds each
    python bench/audit_scale.py --sizes 1000 8000 --rounds 5

Each village's ledger holds a sign, a duty, a mechanism and two certificates (one of them
not to be issued), as a CSV. Sizes are timed in warmed, interleaved rounds (every size
once per round, in turn) so the noise of a shared machine falls on all of them alike; the
table gives the median time per ledger row and each size's ratio to the smallest. Linear
scaling means ratios near 1.
"""

from __future__ import annotations

import argparse
import csv
import statistics
import tempfile
import time
from pathlib import Path

import villagecat
from villagecat.checks import audit, read_ledger


def write_ledger(path: Path, villages: int) -> int:
    """Write a ledger of ``villages`` villages; return its number of rows."""
    rows = 0
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(
            ["village", "category", "name", "placement", "sign_type", "orientation", "width_cm", "height_cm"]
        )
        for n in range(villages):
            village = f"第{n}村"
            writer.writerow([village, "sign", "XX村民委员会", "outside", "plaque", "vertical", "30", "200"])
            writer.writerow([village, "duty", "人口普查入户登记", "", "", "", "", ""])
            writer.writerow([village, "mechanism", "村民调解委员会", "", "", "", "", ""])
            writer.writerow([village, "certificate", "无犯罪记录证明", "", "", "", "", ""])
            writer.writerow([village, "certificate", "在职党员干部到居住地报到情况反馈", "", "", "", "", ""])
            rows += 5
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 8_000, 69_000])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--jurisdiction", default="120117")
    args = parser.parse_args()
    catalog = villagecat.resolve(args.jurisdiction)
    with tempfile.TemporaryDirectory() as tmp:
        ledgers = {}
        for size in args.sizes:
            path = Path(tmp) / f"ledger-{size}.csv"
            ledgers[size] = (path, write_ledger(path, size))
        audit(catalog, read_ledger(ledgers[args.sizes[0]][0]))  # warm up
        timings: dict[int, list[float]] = {size: [] for size in args.sizes}
        for _ in range(args.rounds):
            for size in args.sizes:
                path, _rows = ledgers[size]
                started = time.perf_counter()
                report = audit(catalog, read_ledger(path))
                timings[size].append(time.perf_counter() - started)
                assert report.findings, "the audit found nothing: the benchmark is not measuring audit"
    smallest = args.sizes[0]
    base = statistics.median(timings[smallest]) / ledgers[smallest][1]
    print(f"audit of self-inspection ledgers, {args.rounds} interleaved rounds, jurisdiction {args.jurisdiction}")
    print("| villages | rows | median s (range) | µs per row | ratio to the smallest |")
    print("|---|---|---|---|---|")
    for size in args.sizes:
        rows = ledgers[size][1]
        median = statistics.median(timings[size])
        per_row = median / rows
        print(
            f"| {size:,} | {rows:,} | {median:.2f} ({min(timings[size]):.2f}–{max(timings[size]):.2f}) "
            f"| {per_row * 1e6:.1f} | {per_row / base:.2f}× |"
        )


if __name__ == "__main__":
    main()
