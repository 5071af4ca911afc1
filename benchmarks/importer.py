"""The importer at scale: two files of 3,500 measures (factor 100) imported into an
empty database, as a dry run and for real: the plan exported to XLSX (benchmarks.scale,
every sheet, with statuses), and a plan laid out as municipalities keep it (a title row,
group rows for themes, partners as «A, B og C», 1,200 new actors' names).

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
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.scale import generate
from tracker import db

TARGET_SECONDS, TARGET_MIB = 5.0, 500
THEME_NAMES = ("Attraktiv kommune", "Reiseliv", "Nyskapende", "Kompetanse", "Grønn omstilling")
ACTOR_WORDS = ("AS", "kommune", "næringsforening", "og omegn", "klynge", "senter")


def make_file(folder: Path, factor: int) -> Path:
    from tracker.planfile.export import export_plan
    from tracker.service.structure import get_plan

    source = f"sqlite:///{folder / 'source.db'}"
    generate(source, factor)
    path = folder / "plan.xlsx"
    engine = db.make_engine(source)
    with db.read_session(engine) as session:
        export_plan(session, get_plan(session).id, path)
    engine.dispose()
    return path


def made_up_name(rng: random.Random) -> str:
    """A name far from every other (two made-up words): no near misses among them."""
    syllables = ("ka", "ve", "lo", "ri", "sto", "mu", "ne", "ta", "gra", "fi", "bu", "sel")
    words = ("".join(rng.choices(syllables, k=4)).capitalize() for _ in range(2))
    return " ".join(words) + " " + rng.choice(ACTOR_WORDS)


def distinct_names(rng: random.Random, count: int) -> list[str]:
    """count made-up names, none a near miss of another (as the importer judges)."""
    from tracker.planfile.read import normalise
    from tracker.planfile.resolve import NEAR_MISS, close_match

    names: list[str] = []
    while len(names) < count:
        name = made_up_name(rng)
        if close_match(normalise(name), [normalise(n) for n in names], NEAR_MISS) is None:
            names.append(name)
    return names


def make_kept_file(folder: Path, factor: int, seed: int = 7) -> Path:
    """A plan laid out as municipalities keep it: a title row, a header below it,
    each theme a group row above its block, partners as «A, B og C», new names only."""
    from openpyxl import Workbook

    rng = random.Random(seed)
    actors = distinct_names(rng, 12 * factor)
    book = Workbook()
    sheet = book.active
    sheet.title = "Handlingsdel 2024-2028"
    sheet.append(["Strategisk næringsplan for Benchmark kommune 2024–2028"])
    sheet.append([])
    sheet.append(["Nr.", "Tiltak", "Ansvar", "Samarbeidspartnere", "Periode", "Status", "Merknad"])
    per_theme = 35 * factor // len(THEME_NAMES)
    for number, theme in enumerate(THEME_NAMES, start=1):
        sheet.append([f"{number} {theme}"])
        for item in range(1, per_theme + 1):
            lead, *partners = rng.sample(actors, 4)
            listed = ", ".join(partners[:-1]) + " og " + partners[-1]
            start = rng.randint(2024, 2026)
            sheet.append([f"{number}.{item}", f"Tiltak {number}.{item} {theme.lower()}", lead,
                          listed, f"{start}–{rng.randint(start, 2028)}",
                          rng.choice(["Pågår", "Ferdig", "Utsatt"]), "Merknad"])  # fmt: skip
    sheet.append(["Sist oppdatert 01.11.2026"])
    path = folder / "handlingsdel.xlsx"
    book.save(path)
    return path


def child(path: Path, url: str, dry_run: bool) -> None:
    """Run one import in this process and print what it cost as JSON."""
    from tracker.planfile.importer import import_path
    from tracker.service.principal import SYSTEM

    engine = db.make_engine(url)
    plan = None if path.name == "plan.xlsx" else "Strategisk næringsplan for Benchmark 2024–2028"
    started = time.perf_counter()
    with db.transaction(engine) as session:
        result = import_path(session, user=SYSTEM, path=path, plan=plan, dry_run=dry_run)
    seconds = time.perf_counter() - started
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    problems = [p.text("en") for p in result.problems[:5]]
    cost = {"ok": result.ok, "changes": len(result.changes), "seconds": seconds}
    print(json.dumps(cost | {"peak_mib": peak_mib, "problems": problems}))


def run(path: Path, folder: Path, dry_run: bool) -> dict:
    url = f"sqlite:///{folder / (path.stem + ('-dry.db' if dry_run else '-real.db'))}"
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
        files = {"export": make_file(folder, args.factor),
                 "kept": make_kept_file(folder, args.factor)}  # fmt: skip
        print(f"factor {args.factor}; load average {os.getloadavg()}")
        print("| file | KiB | import | ok | changes | seconds | peak MiB |")
        print("|---|---:|---|---|---:|---:|---:|")
        for name, path in files.items():
            size = path.stat().st_size / 1024
            for dry_run in (True, False):
                cost = run(path, folder, dry_run)
                kind = "dry run" if dry_run else "real"
                print(f"| {name} | {size:.0f} | {kind} | {cost['ok']} | {cost['changes']} | "
                      f"{cost['seconds']:.2f} | {cost['peak_mib']:.0f} |")  # fmt: skip
                if not cost["ok"]:
                    print("  problems:", cost["problems"])
        print(f"targets: ≤ {TARGET_SECONDS} s and ≤ {TARGET_MIB} MiB")


if __name__ == "__main__":
    main()
