"""The importer at scale: a plan of 3,500 measures (benchmarks.scale factor 100)
exported to XLSX, then imported into an empty database, as a dry run and for real.

    .venv/bin/python -m benchmarks.importer            # factor 100
    .venv/bin/python -m benchmarks.importer --factor 10

Each import runs in its own process, so its peak memory (ru_maxrss) is the
import's and the interpreter's, nothing left over from making the file. Time is
the wall time of import_path (reading, checking, writing and committing).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.scale import generate
from tracker import db

TARGET_SECONDS, TARGET_MIB = 5.0, 500


def make_file(folder: Path, factor: int) -> Path:
    from tracker.exporters import export_plan
    from tracker.service.structure import get_plan

    source = f"sqlite:///{folder / 'source.db'}"
    generate(source, factor)
    path = folder / "plan.xlsx"
    engine = db.make_engine(source)
    with db.read_session(engine) as session:
        export_plan(session, get_plan(session).id, path)
    engine.dispose()
    return path


def child(path: Path, url: str, dry_run: bool) -> None:
    """Run one import in this process and print what it cost as JSON."""
    from tracker.importers import import_path
    from tracker.service.principal import SYSTEM

    engine = db.make_engine(url)
    started = time.perf_counter()
    with db.transaction(engine) as session:
        result = import_path(session, user=SYSTEM, path=path, dry_run=dry_run)
    seconds = time.perf_counter() - started
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    problems = [p.text("en") for p in result.problems[:5]]
    cost = {"ok": result.ok, "changes": len(result.changes), "seconds": seconds}
    print(json.dumps(cost | {"peak_mib": peak_mib, "problems": problems}))


def run(path: Path, folder: Path, dry_run: bool) -> dict:
    url = f"sqlite:///{folder / ('dry.db' if dry_run else 'real.db')}"
    env = {**os.environ, "TRACKER_DATABASE_URL": url}
    subprocess.run([sys.executable, "-m", "tracker", "init"], env=env, check=True,
                   capture_output=True)  # fmt: skip
    args = [sys.executable, "-m", "benchmarks.importer", "--child", str(path), url]
    done = subprocess.run(args + (["--dry-run"] if dry_run else []), env=env,
                          capture_output=True, text=True)  # fmt: skip
    if done.returncode != 0:
        raise SystemExit(done.stderr)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--factor", type=int, default=100)
    parser.add_argument("--child", nargs=2, metavar=("PATH", "URL"))
    parser.add_argument("--dry-run", action="store_true")
    args = parser.parse_args()
    if args.child:
        child(Path(args.child[0]), args.child[1], args.dry_run)
        return
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        path = make_file(folder, args.factor)
        size = path.stat().st_size / 1024
        print(f"file: {size:.0f} KiB, factor {args.factor}; load average {os.getloadavg()}")
        print("| import | ok | changes | seconds | peak MiB |")
        print("|---|---|---:|---:|---:|")
        for dry_run in (True, False):
            cost = run(path, folder, dry_run)
            kind = "dry run" if dry_run else "real"
            print(f"| {kind} | {cost['ok']} | {cost['changes']} | {cost['seconds']:.2f} | "
                  f"{cost['peak_mib']:.0f} |")  # fmt: skip
            if not cost["ok"]:
                print("  problems:", cost["problems"])
        print(f"targets: ≤ {TARGET_SECONDS} s and ≤ {TARGET_MIB} MiB")


if __name__ == "__main__":
    main()
