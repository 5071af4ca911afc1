"""Generate a plan at scale for benchmarks: `python -m benchmarks.scale 100 out.db`.

factor 1 ≈ the demo (35 measures, 12 actors, 7 instruments); 10 → 350 measures, 120
actors; 100 → 3,500 measures, 1,200 actors, 700 instruments. Always 20 quarters of
history ending with the last finished quarter. Deterministic (fixed seed). Writes with bulk inserts.
"""

from __future__ import annotations

import random
import sys
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import insert

from tracker import db
from tracker.models import (
    Actor,
    Instrument,
    InstrumentDeadline,
    InstrumentStage,
    InstrumentTargetGroup,
    Measure,
    MeasurePartner,
    Plan,
    StatusUpdate,
    Theme,
)
from tracker.quarters import Quarter, quarter_range
from tracker.service.principal import SYSTEM
from tracker.service.users import create_user
from tracker.vocab import (
    ActorKind,
    InstrumentKind,
    PartnerRole,
    Rag,
    Role,
    Stage,
    Status,
    TargetGroup,
)

MEASURES_PER_FACTOR = 35
ACTORS_PER_FACTOR = 12
INSTRUMENTS_PER_FACTOR = 7
QUARTERS = 20
THEMES = ("Attraktiv", "Ung", "Nyskapende", "Bærekraftig", "Sterk")
BENCH_PASSWORD = "bench-password-1"


@dataclass(frozen=True)
class Scale:
    factor: int
    measures: int
    actors: int
    reports: int


def generate(url: str, factor: int, seed: int = 7) -> Scale:
    """Create a fresh schema at url and fill it; returns what was made."""
    engine = db.make_engine(url)
    db.migrate(engine)
    rng = random.Random(seed)
    last = Quarter.last_finished()
    quarters = quarter_range(_back(last, QUARTERS - 1), last)
    with db.transaction(engine) as session:
        plan = Plan(name=f"Skalaplan ×{factor}", start_year=quarters[0].year, end_year=last.year)
        session.add(plan)
        session.flush()
        themes = [
            Theme(plan_id=plan.id, code=str(i + 1), name=n, position=i + 1)
            for i, n in enumerate(THEMES)
        ]
        session.add_all(themes)
        actor_ids = _actors(session, ACTORS_PER_FACTOR * factor, rng)
        session.flush()
        measures = _measures(
            session, plan, themes, actor_ids, MEASURES_PER_FACTOR * factor, quarters, rng
        )
        reports = _history(session, measures, quarters, rng)
        _instruments(session, actor_ids, INSTRUMENTS_PER_FACTOR * factor, quarters[0].year, rng)
        create_user(
            session, user=SYSTEM, username="bench-admin", role=Role.ADMIN, password=BENCH_PASSWORD
        )
        create_user(
            session,
            user=SYSTEM,
            username="bench-actor",
            role=Role.ACTOR,
            password=BENCH_PASSWORD,
            actor_id=actor_ids[0],
        )
    engine.dispose()
    return Scale(factor, len(measures), len(actor_ids), reports)


def _back(quarter: Quarter, steps: int) -> Quarter:
    for _ in range(steps):
        quarter = quarter.previous()
    return quarter


def _actors(session: db.Session, count: int, rng: random.Random) -> list[int]:
    kinds = list(ActorKind)
    rows = [
        {"name": f"Aktør {i:04d}", "short_name": f"A{i}", "kind": rng.choice(kinds), "contact": ""}
        for i in range(count)
    ]
    session.execute(insert(Actor), rows)
    return [
        a
        for (a,) in session.execute(
            Actor.__table__.select().with_only_columns(Actor.id).order_by(Actor.id)
        )
    ]


def _instruments(session, actor_ids, count, year, rng) -> None:  # type: ignore[no-untyped-def]
    """count instruments of random actors, each with two groups, a stage and a yearly deadline."""
    rows = [
        {"actor_id": rng.choice(actor_ids), "name": f"Virkemiddel {i:04d}",
         "kind": rng.choice(list(InstrumentKind)), "description": f"Beskrivelse {i}",
         "industries": "sjømat; reiseliv", "amount": "", "link": "", "version": 1}
        for i in range(count)
    ]  # fmt: skip
    session.execute(insert(Instrument), rows)
    ids = [i for (i,) in session.execute(Instrument.__table__.select().with_only_columns(
        Instrument.id).order_by(Instrument.id))]  # fmt: skip
    groups = list(TargetGroup)
    session.execute(insert(InstrumentTargetGroup), [
        {"instrument_id": i, "target_group": g} for i in ids for g in rng.sample(groups, 2)
    ])  # fmt: skip
    session.execute(insert(InstrumentStage), [
        {"instrument_id": i, "stage": rng.choice(list(Stage))} for i in ids
    ])  # fmt: skip
    session.execute(insert(InstrumentDeadline), [
        {"instrument_id": i, "due": date(year, rng.randint(1, 12), 15), "yearly": True}
        for i in ids
    ])  # fmt: skip


def _measures(session, plan, themes, actor_ids, count, quarters, rng) -> list[dict]:  # type: ignore[no-untyped-def]
    rows = []
    for i in range(count):
        theme = themes[i % len(themes)]
        start = rng.randrange(0, len(quarters) - 4)
        end = rng.randrange(start + 3, len(quarters))
        rows.append(
            {
                "plan_id": plan.id,
                "theme_id": theme.id,
                "code": f"{theme.code}.{i // len(themes) + 1}",
                "title": f"Tiltak {i + 1} for {theme.name.lower()}",
                "description": "Generert for ytelsestest.",
                "start_period": str(quarters[start]),
                "end_period": str(quarters[end]),
                "lead_actor_id": rng.choice(actor_ids),
                "weight": rng.choice((1.0, 1.0, 1.0, 2.0, 3.0)),
                "budget": "",
                "funding": "",
                "is_example": False,
                "version": 1,
            }
        )
    session.execute(insert(Measure), rows)
    measures = [
        dict(m._mapping)
        for m in session.execute(Measure.__table__.select().where(Measure.plan_id == plan.id))
    ]
    partners = []
    for measure in measures:
        for actor_id in rng.sample(actor_ids, k=min(len(actor_ids), rng.randrange(0, 4))):
            if actor_id != measure["lead_actor_id"]:
                role = PartnerRole.FUNDER if rng.random() < 0.15 else PartnerRole.PARTNER
                partners.append({"measure_id": measure["id"], "actor_id": actor_id, "role": role})
    if partners:
        session.execute(insert(MeasurePartner), partners)
    return measures


def _history(session, measures, quarters, rng) -> int:  # type: ignore[no-untyped-def]
    rows = []
    for measure in measures:
        progress = 0
        for quarter in quarters:
            if not measure["start_period"] <= str(quarter) <= measure["end_period"]:
                continue
            if rng.random() < 0.1:
                continue
            progress = min(100, progress + rng.randrange(0, 20))
            status = (
                Status.COMPLETED
                if progress == 100
                else rng.choice((Status.IN_PROGRESS,) * 8 + (Status.POSTPONED, Status.NOT_STARTED))
            )
            rows.append(
                {
                    "measure_id": measure["id"],
                    "period": str(quarter),
                    "status": status,
                    "progress": None if rng.random() < 0.05 else progress,
                    "rag": rng.choice((Rag.GREEN,) * 6 + (Rag.YELLOW, Rag.YELLOW, Rag.RED)),
                    "comment": "Arbeidet går som planlagt.",
                    "next_steps": "",
                    "reported_by_user_id": None,
                    "reported_by_actor_id": measure["lead_actor_id"],
                    "reported_at": quarter.end() - timedelta(days=rng.randrange(1, 20)),
                }
            )
    for start in range(0, len(rows), 5000):
        session.execute(insert(StatusUpdate), rows[start : start + 5000])
    return len(rows)


if __name__ == "__main__":
    made = generate(f"sqlite:///{sys.argv[2]}", int(sys.argv[1]))
    print(made)
