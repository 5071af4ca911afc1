"""Time the quarterly summary: build it, then render each format, at each size.

    .venv/bin/python -m benchmarks.summary                  # demo, 10x and 100x
    .venv/bin/python -m benchmarks.summary --sizes 100x

Build is tracker.reports.build_summary (the SQL and the pandas behind it); each
format's time is render() alone, charts drawn in Chromium included for PDF and DOCX.
Median of --runs runs (after one warm-up). Also the peak memory of the process
(ru_maxrss) and the file sizes. Prints a Markdown table for docs/BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import time

from benchmarks.pages import database
from tracker import db
from tracker.quarters import Quarter
from tracker.reports import Format, build_summary, render
from tracker.service.structure import get_plan


def timed(func, runs: int) -> tuple[float, object]:  # type: ignore[no-untyped-def]
    func()  # warm-up: imports, font loading, caches
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = func()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def bench(size: str, runs: int) -> list[str]:
    rows = []
    with database(size) as (url, _login):
        engine = db.make_engine(url)
        quarter = Quarter.last_finished()
        with db.read_session(engine) as session:
            plan_id = get_plan(session).id
            seconds, summary = timed(
                lambda: build_summary(
                    session, plan_id=plan_id, quarter=quarter, produced_by="benchmark"
                ),
                runs,
            )
        measures = len(summary.measures)  # type: ignore[union-attr]
        rows.append(f"| {size} | {measures} | build | {seconds:.2f} | |")
        for fmt in Format:
            seconds, payload = timed(lambda fmt=fmt: render(summary, fmt, "nb"), runs)
            size_kb = len(payload) / 1024  # type: ignore[arg-type]
            rows.append(f"| {size} | {measures} | {fmt.value} | {seconds:.2f} | {size_kb:,.0f} |")
        engine.dispose()
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="+", default=["demo", "10x", "100x"])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print("| data | measures | step | median (s) | file (KiB) |")
    print("|---|---:|---|---:|---:|")
    for size in args.sizes:
        for row in bench(size, args.runs):
            print(row, flush=True)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\nPeak memory of the benchmark process: {peak:,.0f} MiB")


if __name__ == "__main__":
    main()
