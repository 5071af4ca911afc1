"""Import coverage on a labelled set of action-plan spreadsheets.

Each file is imported the way a municipality's first step does it: a fresh
SQLite database, `python -m tracker init`, then `python -m tracker import FILE
--plan NAME` (and, only when that asks for it, `--period START-END`). The stored
measures are then compared with the labels, field by field.

    .venv/bin/python -m benchmarks.import_coverage FOLDER

FOLDER holds files/*.xlsx and labels/*.json (one per file: plan, period and the
measures as a person reads them; see docs/BENCHMARKS.md). The labels were written
by someone who never saw the importer.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, select
from sqlalchemy.orm import Session

from tracker.models import Actor, Measure, MeasurePartner, StatusUpdate, Theme
from tracker.quarters import Quarter

FIELDS = ("code", "theme", "lead", "partners", "start", "end", "status")


@dataclass
class FileScore:
    name: str
    labelled: int
    imported: bool
    needed_period: bool
    found: int = 0
    all_right: int = 0
    right: Counter[str] = field(default_factory=Counter)
    misses: list[str] = field(default_factory=list)
    output: str = ""


def key(text: object) -> str:
    value = unicodedata.normalize("NFC", str(text or "")).replace("\u00a0", " ")
    return " ".join(value.split()).casefold()


def run_cli(url: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "TRACKER_DATABASE_URL": url}
    return subprocess.run(
        [sys.executable, "-m", "tracker", *args], env=env, capture_output=True, text=True
    )


def import_file(path: Path, label: dict[str, Any], url: str) -> tuple[bool, bool, str]:
    """(imported, needed --period, what the CLI said)."""
    run_cli(url, "init")
    done = run_cli(url, "import", str(path), "--plan", label["plan"])
    if done.returncode == 0:
        return True, False, done.stdout + done.stderr
    start, end = label["period"]
    again = run_cli(url, "import", str(path), "--plan", label["plan"], "--period", f"{start}-{end}")
    said = done.stdout + done.stderr + "\n--- with --period ---\n" + again.stdout + again.stderr
    return again.returncode == 0, True, said


def import_in_process(path: Path, label: dict[str, Any], url: str) -> tuple[bool, bool, str]:
    """import_file without the CLI's processes (for the tests): the same import_path."""
    from tracker import db
    from tracker.planfile.importer import import_path
    from tracker.service.principal import SYSTEM

    engine = db.make_engine(url)
    db.migrate(engine)
    said = ""
    for period in (None, "{}-{}".format(*label["period"])):
        with db.transaction(engine) as session:
            result = import_path(session, user=SYSTEM, path=path, plan=label["plan"], period=period)
            said += "\n".join(result.lines("nb")) + "\n"
        if result.ok:  # a refused import has written nothing
            engine.dispose()
            return True, period is not None, said
    engine.dispose()
    return False, True, said


def stored_measures(url: str) -> dict[str, dict[str, Any]]:
    """Each stored measure by its title (normalised), as the labels name its fields."""
    engine = create_engine(url)
    with Session(engine) as session:
        actors = {a.id: a.name for a in session.scalars(select(Actor))}
        themes = {t.id: t for t in session.scalars(select(Theme))}
        partners: dict[int, set[str]] = {}
        for link in session.scalars(select(MeasurePartner)):
            partners.setdefault(link.measure_id, set()).add(key(actors[link.actor_id]))
        latest: dict[int, StatusUpdate] = {}
        for report in session.scalars(
            select(StatusUpdate).order_by(StatusUpdate.period, StatusUpdate.reported_at)
        ):
            latest[report.measure_id] = report
        out = {}
        for measure in session.scalars(select(Measure)):
            theme = themes[measure.theme_id]
            report = latest.get(measure.id)
            out[key(measure.title)] = {
                "code": measure.code,
                "theme_code": key(theme.code),
                "theme_name": key(theme.name),
                "lead": key(actors.get(measure.lead_actor_id)),
                "partners": partners.get(measure.id, set()),
                "start": measure.start_period,
                "end": measure.end_period,
                "status": report.status.value if report else None,
            }
    engine.dispose()
    return out


def compare(want: dict[str, Any], got: dict[str, Any]) -> dict[str, bool]:
    theme_ok = True
    if want.get("theme_number"):
        theme_ok &= got["theme_code"] == key(want["theme_number"])
    if want.get("theme_name"):
        theme_ok &= got["theme_name"] == key(want["theme_name"])
    return {
        "code": want["code"] is None or key(got["code"]) == key(want["code"]),
        "theme": theme_ok,
        "lead": got["lead"] == key(want["lead"]),
        "partners": got["partners"] == {key(p) for p in want["partners"]},
        "start": got["start"] == want["start"],
        "end": got["end"] == want["end"],
        "status": got["status"] == stored_status(want),
    }


def stored_status(want: dict[str, Any]) -> str | None:
    """The status a label's row is stored as: «Ikke startet» on a measure that begins
    after this quarter is no report (the importer says so; the measure counts from its
    start)."""
    if want["status"] == "not_started" and Quarter.parse(want["start"]) > Quarter.current():
        return None
    return want["status"]


def score_file(
    path: Path, label: dict[str, Any], workdir: Path, importer: Callable[..., Any] = import_file
) -> FileScore:
    url = f"sqlite:///{workdir / (path.stem + '.db')}"
    imported, needed_period, said = importer(path, label, url)
    score = FileScore(path.name, len(label["measures"]), imported, needed_period, output=said)
    stored = stored_measures(url) if imported else {}
    for want in label["measures"]:
        got = stored.get(key(want["title"]))
        if got is None:
            score.misses.append(f"missing: {want['title']}")
            continue
        score.found += 1
        checks = compare(want, got)
        score.right.update(name for name, ok in checks.items() if ok)
        if all(checks.values()):
            score.all_right += 1
        else:
            wrong = [f"{n}: want {want_value(want, n)!r}, got {got_value(got, n)!r}"
                     for n, ok in checks.items() if not ok]  # fmt: skip
            score.misses.append(f"{want['title']}: " + "; ".join(wrong))
    return score


def want_value(want: dict[str, Any], name: str) -> Any:
    if name == "theme":
        return (want.get("theme_number"), want.get("theme_name"))
    return stored_status(want) if name == "status" else want[name]


def got_value(got: dict[str, Any], name: str) -> Any:
    if name == "theme":
        return (got["theme_code"], got["theme_name"])
    return sorted(got[name]) if name == "partners" else got[name]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--details", action="store_true", help="print every miss")
    args = parser.parse_args()
    labels = sorted((args.folder / "labels").glob("*.json"))
    scores = []
    with tempfile.TemporaryDirectory() as temp:
        for label_path in labels:
            label = json.loads(label_path.read_text(encoding="utf-8"))
            scores.append(score_file(args.folder / "files" / label["file"], label, Path(temp)))
    report(scores, args.details)


def report(scores: list[FileScore], details: bool) -> None:
    total = sum(s.labelled for s in scores)
    print("| file | measures | imported | needed --period | found | all fields right |")
    print("|---|---:|---|---|---:|---:|")
    for s in scores:
        print(f"| {s.name} | {s.labelled} | {'yes' if s.imported else 'no'} | "
              f"{'yes' if s.needed_period else 'no'} | {s.found} | {s.all_right} |")  # fmt: skip
    found = sum(s.found for s in scores)
    right = sum(s.all_right for s in scores)
    print(f"\nmeasures labelled: {total}; imported: {found} ({found / total:.0%}); "
          f"every field right: {right} ({right / total:.0%})")  # fmt: skip
    fields = Counter[str]()
    for s in scores:
        fields.update(s.right)
    print("per field, of the labelled measures: " + ", ".join(
        f"{name} {fields[name] / total:.0%}" for name in FIELDS))  # fmt: skip
    if details:
        for s in scores:
            print(f"\n## {s.name}\n" + "\n".join(s.misses))
            if not s.imported:
                print(s.output[-3000:])


if __name__ == "__main__":
    main()
