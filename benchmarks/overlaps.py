"""How good and how fast the overlap finder is.

    .venv/bin/python -m benchmarks.overlaps            # quality on both labelled sets, speed
    .venv/bin/python -m benchmarks.overlaps --no-speed

Quality: precision and recall of the candidates at the page's default threshold
(tracker.matching.score.THRESHOLD) on two labelled sets in tests/data/:
- overlap_pairs_demo.csv: the overlapping pairs among the demo's measures; every
  other pair of measures with different lead actors counts as no overlap.
- overlap_pairs_heldout.csv: 100 pairs written and labelled by someone who never saw
  the scorer. It was first scored once the scorer was frozen; then its odd-numbered
  pairs were used to tune the lexicon and threshold, and the even-numbered half was
  scored only once, at the end: that half is the honest figure.
Speed: candidates() across all plans at demo, 10x and 100x, the first MAX_SHOWN described.
Prints Markdown for docs/BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from benchmarks.scale import generate
from tracker import db
from tracker.demo.seed import load_demo
from tracker.matching.score import THRESHOLD, score_pairs
from tracker.matching.similarity import normalised, target_groups
from tracker.service.overlaps import MAX_SHOWN, candidates, overlap_measures
from tracker.service.principal import SYSTEM
from tracker.service.structure import get_plan

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"


@dataclass(frozen=True)
class Quality:
    pairs: int
    overlaps: int
    found: int  # candidates at the threshold
    right: int  # of them, labelled overlap

    @property
    def precision(self) -> float:
        return self.right / self.found if self.found else 0.0

    @property
    def recall(self) -> float:
        return self.right / self.overlaps if self.overlaps else 0.0


def quality(scores: pd.Series, labels: pd.Series, threshold: float = THRESHOLD) -> Quality:
    """Precision and recall of score >= threshold against yes/no labels (same index)."""
    found = scores >= threshold
    return Quality(
        pairs=len(labels),
        overlaps=int(labels.sum()),
        found=int(found.sum()),
        right=int((found & labels).sum()),
    )


def demo_set() -> tuple[pd.Series, pd.Series, pd.DataFrame]:
    """Scores and labels of every pair of the demo's measures with different leads."""
    engine = db.make_engine("sqlite://")
    db.migrate(engine)
    with db.transaction(engine) as session:
        load_demo(session)
    with db.read_session(engine) as session:
        measures = overlap_measures(session, plan_id=get_plan(session).id)
    pairs = score_pairs(measures)
    code = dict(zip(measures["id"], measures["code"], strict=True))
    keys = [
        frozenset((code[a], code[b])) for a, b in zip(pairs["a_id"], pairs["b_id"], strict=True)
    ]
    labelled = pd.read_csv(DATA / "overlap_pairs_demo.csv", dtype=str)
    yes = _demo_yes(labelled)
    every = _all_pairs(measures, code)
    scores = pd.Series(0.0, index=list(every))
    scores.update(pd.Series(pairs["score"].to_numpy(), index=keys))
    labels = pd.Series([key in yes for key in scores.index], index=scores.index)
    return scores, labels, measures


def _demo_yes(labelled: pd.DataFrame) -> set[frozenset[str]]:
    return {
        frozenset((row.a_code, row.b_code)) for row in labelled.itertuples() if row.overlap == "ja"
    }


def _all_pairs(measures: pd.DataFrame, code: dict[int, str]) -> list[frozenset[str]]:
    rows = list(measures[["id", "lead_actor_id"]].itertuples(index=False, name=None))
    return [
        frozenset((code[a], code[b]))
        for i, (a, lead_a) in enumerate(rows)
        for b, lead_b in rows[i + 1 :]
        if lead_a != lead_b
    ]


def heldout_set() -> tuple[pd.Series, pd.Series]:
    """Scores and labels of the held-out pairs, all its measures scored together."""
    labelled = pd.read_csv(DATA / "overlap_pairs_heldout.csv", dtype=str, keep_default_na=False)
    measures = pd.DataFrame(
        [_measure(row, side, number) for number, row in enumerate(labelled.itertuples())
         for side in ("a", "b")]
    )  # fmt: skip
    pairs = score_pairs(measures).set_index(["a_id", "b_id"])["score"]
    scores = pd.Series(
        [pairs.get((2 * n, 2 * n + 1), 0.0) for n in range(len(labelled))],
        index=labelled["pair"],
    )
    labels = pd.Series((labelled["overlap"] == "ja").to_numpy(), index=labelled["pair"])
    return scores, labels


def _measure(row: object, side: str, number: int) -> dict[str, object]:
    def field(name: str) -> str:
        return str(getattr(row, f"{side}_{name}"))

    text = f"{field('title')} {field('description')}"
    return {
        "id": 2 * number + (side == "b"), "code": f"{row.pair}{side}",  # type: ignore[attr-defined]
        "title": field("title"), "description": field("description"),
        "plan_id": 1, "plan_name": "", "theme_key": normalised(field("theme")),
        "theme_name": field("theme"), "lead_actor_id": field("actor"),
        "lead_name": field("actor"), "start_period": field("start"),
        "end_period": field("end"), "groups": target_groups(text),
    }  # fmt: skip


def speed(factor: int) -> tuple[int, int, float, float]:
    """(measures, candidates, seconds, peak MiB of the process so far) for
    candidates() across a generated plan."""
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{folder}/bench.db"
        if factor == 1:
            engine = db.make_engine(url)
            db.migrate(engine)
            with db.transaction(engine) as session:
                load_demo(session)
        else:
            generate(url, factor)
            engine = db.make_engine(url)
        with db.read_session(engine) as session:
            started = time.perf_counter()
            found = candidates(session, user=SYSTEM, limit=MAX_SHOWN)
            seconds = time.perf_counter() - started
            count = len(overlap_measures(session))
        engine.dispose()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    return count, found.total, seconds, peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--no-speed", action="store_true")
    args = parser.parse_args()
    print(f"Threshold {THRESHOLD:.2f}\n")
    print("| labelled set | pairs | overlaps | candidates | right | precision | recall |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    scores, labels, _ = demo_set()
    _row("demo (all pairs)", quality(scores, labels))
    held_scores, held_labels = heldout_set()
    odd = [int(p[1:]) % 2 == 1 for p in held_scores.index]
    even = [not o for o in odd]
    _row("held-out, odd half (tuned on)", quality(held_scores[odd], held_labels[odd]))
    _row("held-out, even half (blind)", quality(held_scores[even], held_labels[even]))
    _row("held-out, all 100", quality(held_scores, held_labels))
    print("\nBlind half at other thresholds (for reading the ranking, not for choosing):\n")
    print("| threshold | candidates | precision | recall |")
    print("|---:|---:|---:|---:|")
    for threshold in (0.25, 0.3, 0.35, 0.4, 0.45, 0.5):
        q = quality(held_scores[even], held_labels[even], threshold)
        print(f"| {threshold:.2f} | {q.found} | {q.precision:.2f} | {q.recall:.2f} |")
    if not args.no_speed:
        print("\n| size | measures | candidates | candidates() | peak memory so far |")
        print("|---|---:|---:|---:|---:|")
        for factor, name in ((1, "demo"), (10, "10x"), (100, "100x")):
            count, found, seconds, peak = speed(factor)
            print(f"| {name} | {count} | {found} | {seconds:.2f} s | {peak:.0f} MiB |")


def _row(name: str, q: Quality) -> None:
    print(
        f"| {name} | {q.pairs} | {q.overlaps} | {q.found} | {q.right} "
        f"| {q.precision:.2f} | {q.recall:.2f} |"
    )


if __name__ == "__main__":
    main()
