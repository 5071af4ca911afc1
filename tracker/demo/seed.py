"""Demo data: the seed plan (data/seed/, example measures), a deterministic
quarterly status history and a handful of demo accounts.

`load_demo` is idempotent, so `make run` can call it every time; it never commits.
"""

from __future__ import annotations

import csv
import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from typing import Any, Literal

import pandas as pd
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from tracker.db import ROOT
from tracker.demo.events import add_demo_events
from tracker.demo.indicators import add_demo_indicators
from tracker.demo.instruments import add_demo_instruments
from tracker.demo.meetings import add_demo_meetings
from tracker.demo.profiles import add_demo_profiles
from tracker.errors import ValidationError
from tracker.models import Measure, Plan, User
from tracker.quarters import OSLO, Quarter, quarter_range
from tracker.service.audit import record
from tracker.service.demo_accounts import in_real_use
from tracker.service.principal import SYSTEM
from tracker.service.status import append_status
from tracker.service.structure import code_sort_key, find_actor, measures_frame
from tracker.service.users import create_user
from tracker.vocab import AuditAction, Entity, Rag, Role, Status

SEED_DIR = ROOT / "data" / "seed"
FIRST_QUARTER = Quarter(2024, 1)
REPORT_WINDOW_DAYS = 21  # reports come in during a quarter's last three weeks

SKIP_RATE = 0.10  # quarters left unreported
UNKNOWN_RATE = 0.05  # reports with unknown progress
LATE_START_RATE = 0.35  # measures whose first report says not started
OVERDUE_SHARE = 0.2  # of the measures already ended: still in progress
POSTPONED_SHARE = 0.12  # of the running measures

Arc = Literal["normal", "complete", "overdue", "postponed", "cancelled"]

# --- sentences for comments and next steps -------------------------------------------

COMMENTS: dict[str, tuple[str, ...]] = {
    "not_started": (
        "Oppstart planlagt neste kvartal.",
        "Venter på at prosjektleder er på plass.",
        "Ikke startet; avventer koordineringsmøtet i næringsarenaen.",
    ),
    "green": (
        "Avholdt møte med næringsarenaen; årshjul vedtatt.",
        "Arbeidet går etter planen.",
        "Arbeidsgruppe etablert og første møte holdt.",
        "Gjennomførte to bedriftsbesøk dette kvartalet.",
        "Prosjektplanen er ferdig og forankret hos partnerne.",
        "God deltakelse fra bedriftene på siste samling.",
        "Innspill fra næringslivet er samlet inn og oppsummert.",
        "Delrapport levert til styringsgruppen.",
    ),
    "risk": (
        "Venter på svar på søknad til Innovasjon Norge.",
        "Forsinket fordi partnerne har hatt lite kapasitet.",
        "Finansieringen av neste fase er ikke avklart.",
        "Færre påmeldte enn ventet; vurderer ny markedsføring.",
        "Venter på politisk behandling før vi kan gå videre.",
        "Prosjektlederen har sluttet; ny rekruttering pågår.",
    ),
    "completed": (
        "Tiltaket er gjennomført og evaluert.",
        "Sluttrapport levert; erfaringene deles på næringsarenaen.",
    ),
    "postponed": (
        "Utsatt til finansieringen er avklart.",
        "Utsatt etter prioritering i styringsgruppen.",
        "Satt på vent; ressursene brukes på andre tiltak i år.",
    ),
    "cancelled": (
        "Avbrutt: tiltaket dekkes av et regionalt prosjekt i Midt-Troms.",
        "Avbrutt etter avklaring i næringsarenaen; en annen aktør har tatt over.",
    ),
}

NEXT_STEPS: dict[str, tuple[str, ...]] = {
    "not_started": (
        "Holde oppstartsmøte med partnerne.",
        "Utarbeide prosjektplan.",
    ),
    "green": (
        "Følge opp på neste møte i næringsarenaen.",
        "Sende søknad til Innovasjon Norge innen fristen.",
        "Invitere bedriftene til oppfølgingsmøte.",
        "Skrive delrapport til styringsgruppen.",
        "Avklare roller og ansvar med partnerne.",
        "Sette neste kvartals aktiviteter inn i årshjulet.",
    ),
    "risk": (
        "Avklare finansiering med kommunen og Innovasjon Norge.",
        "Ta opp forsinkelsen i styringsgruppen.",
        "Revidere framdriftsplanen.",
    ),
    "completed": ("Ingen videre tiltak; resultatene følges opp i årsrapporten.",),
    "postponed": (
        "Vurdere oppstart på nytt ved neste rullering av handlingsdelen.",
        "Søke ny finansiering.",
    ),
    "cancelled": ("",),
}


# --- the history ---------------------------------------------------------------------


@dataclass(frozen=True)
class _Span:
    measure_id: int
    actor_id: int
    start: Quarter
    end: Quarter
    quarters: list[Quarter]  # the quarters to report: FIRST_QUARTER..last, within the span


def demo_history(measures: pd.DataFrame, last: Quarter, seed: int = 2024) -> list[dict[str, Any]]:
    """A believable, deterministic quarterly status history for the given measures.

    `measures` needs columns id, code, start_period, end_period, lead_actor_id.
    Reports run from max(2024-Q1, start) to min(last, end) for each measure; one
    dict per report (measure_id, period, status, progress, rag, comment,
    next_steps, actor_id, reported_at). Pure: same input and seed, same output.
    """
    rng = random.Random(seed)
    spans = _spans(measures, last)
    arcs = _assign_arcs(spans, last, rng)
    reports: list[dict[str, Any]] = []
    for span in spans:
        reports.extend(_measure_history(span, arcs.get(span.measure_id, "normal"), rng))
    return reports


def _spans(measures: pd.DataFrame, last: Quarter) -> list[_Span]:
    rows = sorted(measures.to_dict("records"), key=lambda row: code_sort_key(str(row["code"])))
    spans = []
    for row in rows:
        start, end = Quarter.parse(row["start_period"]), Quarter.parse(row["end_period"])
        quarters = quarter_range(max(FIRST_QUARTER, start), min(last, end))
        spans.append(_Span(int(row["id"]), int(row["lead_actor_id"]), start, end, quarters))
    return spans


def _assign_arcs(spans: list[_Span], last: Quarter, rng: random.Random) -> dict[int, Arc]:
    """Exactly one cancelled, a few postponed, most ended ones completed."""
    arcs: dict[int, Arc] = {}
    ended = [s.measure_id for s in spans if s.quarters and s.end <= last]
    running = [s.measure_id for s in spans if len(s.quarters) >= 3 and s.end > last]
    if running:
        longer = [s.measure_id for s in spans if len(s.quarters) >= 5 and s.end > last]
        cancelled = rng.choice(longer or running)
        arcs[cancelled] = "cancelled"
        rest = [m for m in running if m != cancelled]
        count = min(len(rest), max(1, round(len(running) * POSTPONED_SHARE)))
        arcs.update(dict.fromkeys(rng.sample(rest, count), "postponed"))
    overdue = rng.sample(ended, max(0, min(len(ended) - 1, round(len(ended) * OVERDUE_SHARE))))
    for measure_id in ended:
        arcs[measure_id] = "overdue" if measure_id in overdue else "complete"
    return arcs


def _measure_history(span: _Span, arc: Arc, rng: random.Random) -> Iterator[dict[str, Any]]:
    if not span.quarters:
        return
    span_length = len(quarter_range(span.start, span.end))
    offset = len(quarter_range(span.start, span.quarters[0])) - 1
    pace = rng.uniform(0.6, 0.85) if arc == "overdue" else rng.uniform(0.75, 1.15)
    late_start = rng.random() < LATE_START_RATE
    turn = _turn(arc, len(span.quarters), rng)
    progress = 0
    for index, quarter in enumerate(span.quarters):
        expected = 100 * (offset + index + 1) / span_length
        if arc == "cancelled" and index == turn:
            yield _report(span, quarter, Status.CANCELLED, progress, None, "cancelled", rng)
            return
        if arc == "postponed" and index >= turn:
            rag = Rag.YELLOW if index == turn or rng.random() < 0.5 else Rag.RED
            if index == turn or rng.random() >= SKIP_RATE:
                yield _report(span, quarter, Status.POSTPONED, progress, rag, "postponed", rng)
            continue
        if arc == "complete" and quarter == span.end:
            yield _report(span, quarter, Status.COMPLETED, 100, Rag.GREEN, "completed", rng)
            return
        if index == 0 and late_start:
            yield _report(span, quarter, Status.NOT_STARTED, 0, Rag.GREEN, "not_started", rng)
            continue
        target = expected * pace + rng.gauss(0, 6)
        progress = max(progress, min(95, max(1, round(target))))
        final = quarter == span.end  # an ended measure's last quarter is always reported
        if not final and rng.random() < SKIP_RATE:
            continue
        rag = _rag(expected - progress, rng)
        if final:
            rag = Rag.RED if expected - progress > 15 else Rag.YELLOW
        known = None if rng.random() < UNKNOWN_RATE else progress
        pool = "green" if rag == Rag.GREEN else "risk"
        yield _report(span, quarter, Status.IN_PROGRESS, known, rag, pool, rng)


def _turn(arc: Arc, count: int, rng: random.Random) -> int:
    """The quarter (index) where a cancelled or postponed measure turns."""
    if arc == "cancelled":
        return rng.randint(2, count - 1)
    if arc == "postponed":
        return rng.randint(max(1, count // 2), count - 1)
    return -1


def _rag(behind: float, rng: random.Random) -> Rag:
    if behind > 25:
        return Rag.RED
    if behind > 12 or rng.random() < 0.08:
        return Rag.YELLOW
    return Rag.GREEN


def _report(
    span: _Span,
    quarter: Quarter,
    status: Status,
    progress: int | None,
    rag: Rag | None,
    pool: str,
    rng: random.Random,
) -> dict[str, Any]:
    return {
        "measure_id": span.measure_id,
        "period": str(quarter),
        "status": status,
        "progress": progress,
        "rag": rag,
        "comment": rng.choice(COMMENTS[pool]),
        "next_steps": rng.choice(NEXT_STEPS[pool]),
        "actor_id": span.actor_id,
        "reported_at": reported_at(quarter, rng),
    }


def reported_at(quarter: Quarter, rng: random.Random) -> datetime:
    """A working-day moment (08–16 Oslo time) in the quarter's last three weeks, as UTC."""
    last_day = quarter.end().astimezone(OSLO).date()
    day = last_day - timedelta(days=rng.randint(1, REPORT_WINDOW_DAYS - 3))
    while day.weekday() >= 5:  # Saturday or Sunday: the Friday before
        day -= timedelta(days=1)
    clock = time(rng.randint(8, 15), rng.randrange(0, 60, 5))
    return datetime.combine(day, clock, tzinfo=OSLO).astimezone(UTC)


# --- demo accounts -------------------------------------------------------------------


@dataclass(frozen=True)
class DemoUser:
    username: str
    display_name: str
    role: Role
    password: str  # demo only: printed by the CLI and shown on the login page
    actor: str | None = None  # an actor's short name (or name), for role actor

    @property
    def email(self) -> str:
        """An example address (example.org reaches nobody), so the demo's reminders
        have recipients: a mail server for tests, or mailto links, shows them."""
        return f"{self.username}@{DEMO_EMAIL_DOMAIN}"


DEMO_EMAIL_DOMAIN = "example.org"
"""The domain of the demo accounts' addresses (RFC 2606: reserved for examples)."""


DEMO_USERS: tuple[DemoUser, ...] = (
    DemoUser("admin", "Næringsavdelingen (admin)", Role.ADMIN, "demo-nordlys-plan"),
    DemoUser("ordforer", "Ordfører (demo)", Role.LEADER, "demo-raadhus-senja"),
    DemoUser("naeringssjef", "Næringssjef (demo)", Role.LEADER, "demo-kai-og-kran"),
    DemoUser(
        "sjomatklyngen",
        "Sjømatklyngen Senja (demo)",
        Role.ACTOR,
        "demo-torsk-og-laks",
        "Sjømatklyngen",
    ),
    DemoUser(
        "naeringshagen",
        "Næringshagen Midt-Troms (demo)",
        Role.ACTOR,
        "demo-gruender-hus",
        "Næringshagen",
    ),
    DemoUser("kupa", "Kupa (demo)", Role.ACTOR, "demo-ide-og-vekst", "Kupa"),
    DemoUser(
        "studiesenteret",
        "Studiesenteret Midt-Troms (demo)",
        Role.ACTOR,
        "demo-kurs-paa-nett",
        "Studiesenteret",
    ),
    DemoUser(
        "bkn", "Blått kompetansesenter Nord (demo)", Role.ACTOR, "demo-blaa-kompetanse", "BKN"
    ),
)

DEMO_PASSWORDS: dict[str, str] = {user.username: user.password for user in DEMO_USERS}


def demo_accounts() -> list[tuple[str, str, str, str | None]]:
    """(username, password, role, actor short name or None) for every demo account."""
    return [(u.username, u.password, u.role.value, u.actor) for u in DEMO_USERS]


# --- loading -------------------------------------------------------------------------


@dataclass(frozen=True)
class DemoSummary:
    plan_id: int | None
    measures: int
    reports: int
    users: int


class DemoLoadError(RuntimeError):
    """The seed could not be imported; `problems` holds the importer's problems."""

    def __init__(self, problems: list[Any]) -> None:
        self.problems = problems
        texts = [p.text("en") if hasattr(p, "text") else str(p) for p in problems]
        super().__init__("demo seed import failed: " + "; ".join(texts))


def seed_plan_name() -> str:
    with (SEED_DIR / "plan.csv").open(encoding="utf-8", newline="") as handle:
        return next(csv.DictReader(handle))["Navn"].strip()


def load_demo(session: Session, *, now: datetime | None = None) -> DemoSummary:
    """Import the seed plan, add the demo history and the demo accounts (never commits).

    Does nothing (and returns zeros) when the seed plan is already there with measures.
    Raises DemoLoadError when the importer reports problems, and ValidationError
    (demo.real_database) in a database in real use: one with accounts the demo did
    not make, or a plan besides the demo's. The demo's accounts have published
    passwords; it has its own database.
    """
    if in_real_use(session, seed_plan_name()):
        raise ValidationError.of("demo.real_database")
    existing = session.scalar(select(Plan.id).where(Plan.name == seed_plan_name()))
    if existing is not None and _measure_count(session, existing) > 0:
        return DemoSummary(existing, 0, 0, 0)
    plan_id = _import_seed(session, now)
    start_year = session.get_one(Plan, plan_id).start_year
    # The history goes back to the plan's start: the measures have been there since.
    session.execute(
        update(Measure)
        .where(Measure.plan_id == plan_id)
        .values(created_at=Quarter(start_year, 1).start())
    )
    frame = measures_frame(session, plan_id)
    reports = _append_history(session, frame, Quarter.last_finished(now))
    users = _create_users(session)
    events = add_demo_events(session, start_year)
    indicators = add_demo_indicators(session, plan_id, start_year)
    profiles = add_demo_profiles(session, plan_id)
    instruments = add_demo_instruments(session, start_year)
    meetings = add_demo_meetings(session, (now or datetime.now(UTC)).year)
    after = {
        "measures": len(frame),
        "reports": reports,
        "users": users,
        "events": events,
        "indicators": indicators,
        "profiles": profiles,
        "instruments": instruments,
        "meetings": meetings,
    }
    record(
        session, SYSTEM, action=AuditAction.DEMO, entity=Entity.PLAN, entity_id=plan_id, after=after
    )
    return DemoSummary(plan_id, len(frame), reports, users)


def _measure_count(session: Session, plan_id: int) -> int:
    return session.scalar(select(func.count(Measure.id)).where(Measure.plan_id == plan_id)) or 0


def _import_seed(session: Session, now: datetime | None) -> int:
    from tracker.planfile.importer import import_path  # the importer package imports heavier deps

    result = import_path(session, user=SYSTEM, path=SEED_DIR, now=now, keep_demo_accounts=True)
    if not result.ok or result.plan_id is None:
        raise DemoLoadError(list(result.problems))
    return result.plan_id


def _append_history(session: Session, frame: pd.DataFrame, last: Quarter) -> int:
    ids = [int(i) for i in frame["id"]]
    measures = {m.id: m for m in session.scalars(select(Measure).where(Measure.id.in_(ids)))}
    history = demo_history(frame, last)
    for report in history:
        append_status(
            session,
            measures[report["measure_id"]],
            period=Quarter.parse(report["period"]),
            status=report["status"],
            progress=report["progress"],
            rag=report["rag"],
            comment=report["comment"],
            next_steps=report["next_steps"],
            user_id=None,
            actor_id=report["actor_id"],
            reported_at=report["reported_at"],
        )
    return len(history)


def _create_users(session: Session) -> int:
    """Create the demo accounts that do not exist yet; returns how many were made."""
    created = 0
    for demo in DEMO_USERS:
        if session.scalar(select(User.id).where(User.username == demo.username)) is not None:
            continue
        user_id = create_user(
            session,
            user=SYSTEM,
            username=demo.username,
            role=demo.role,
            password=demo.password,
            display_name=demo.display_name,
            actor_id=find_actor(session, demo.actor).id if demo.actor else None,
            email=demo.email,
        )
        session.get_one(User, user_id).is_demo = True
        created += 1
    return created


def has_demo_data(session: Session) -> bool:
    """True when any measure is example data (the login page then shows demo accounts)."""
    return (
        session.scalar(select(Measure.id).where(Measure.is_example.is_(True)).limit(1)) is not None
    )
