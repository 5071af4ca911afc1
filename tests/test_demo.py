"""The demo data: the seed CSV files, the generated status history and load_demo."""

from __future__ import annotations

import csv
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pandas as pd
import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tracker.demo import seed
from tracker.demo.profiles import DEMO_PROFILES
from tracker.models import Actor, AuditLog, Measure, StatusUpdate, User
from tracker.planfile import sheets
from tracker.quarters import Quarter, quarter_range
from tracker.service.login import authenticate
from tracker.service.passwords import password_problems
from tracker.service.principal import SYSTEM
from tracker.service.profiles import get_profile
from tracker.service.structure import find_actor
from tracker.vocab import ActorKind, Rag, Role, Status

LAST = Quarter(2026, 3)
NOW = datetime(2026, 11, 28, 12, tzinfo=UTC)  # last finished quarter: 2026-Q3

THEME_NAMES = [
    "Attraktiv – Næringsvennlig kommune",
    "Ung – Kompetanse og rekruttering",
    "Nyskapende – Innovasjon og entreprenørskap",
    "Bærekraftig – Bærekraft og grønn omstilling",
    "Sterk – Areal, infrastruktur og mobilitet",
]
SEED_FILES = {
    "plan.csv": sheets.PLAN,
    "satsingsomrader.csv": sheets.THEMES,
    "mal.csv": sheets.GOALS,
    "aktorer.csv": sheets.ACTORS,
    "tiltak.csv": sheets.MEASURES,
}
STATUS_HEADERS = {"Status", "Fremdrift", "Vurdering", "Kvartal", "Kommentar", "Neste steg"}


def read_seed(name: str) -> tuple[list[str], list[dict[str, str]]]:
    with (seed.SEED_DIR / name).open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        rows = list(reader)
        return list(reader.fieldnames or []), rows


def split_names(cell: str) -> list[str]:
    return [part.strip() for part in cell.split(",") if part.strip()]


# --- the seed files ------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(SEED_FILES))
def test_seed_headers_are_the_canonical_ones(name: str) -> None:
    headers, rows = read_seed(name)
    canonical = SEED_FILES[name].headers()
    assert headers == [h for h in canonical if h in headers]  # canonical names, in order
    required = [c.header for c in SEED_FILES[name].columns if c.required]
    assert set(required) <= set(headers)
    assert rows


def test_seed_plan_row() -> None:
    _, rows = read_seed("plan.csv")
    assert len(rows) == 1
    plan = rows[0]
    assert plan["Navn"] == "Strategisk næringsplan for Senja kommune 2024–2028"
    assert (plan["Startår"], plan["Sluttår"], plan["Eier"]) == ("2024", "2028", "Senja kommune")
    assert plan["Beskrivelse"].strip()
    assert seed.seed_plan_name() == plan["Navn"]


def test_seed_has_the_five_themes_in_order() -> None:
    _, rows = read_seed("satsingsomrader.csv")
    assert [r["Kode"] for r in rows] == ["1", "2", "3", "4", "5"]
    assert [r["Navn"] for r in rows] == THEME_NAMES
    assert all(r["Beskrivelse"].strip() for r in rows)


def test_seed_has_the_three_overall_goals() -> None:
    _, rows = read_seed("mal.csv")
    assert [r["Kode"] for r in rows] == ["H1", "H2", "H3"]
    assert rows[0]["Mål"] == "Attraktive arbeidsplasser og økt lokal verdiskapning"
    assert all(not r["Satsingsområde"] for r in rows)


def test_seed_actors_have_valid_kinds_and_unique_names() -> None:
    _, rows = read_seed("aktorer.csv")
    kinds = {kind.value for kind in ActorKind}
    assert all(r["Type"] in kinds for r in rows)
    assert len({r["Navn"].casefold() for r in rows}) == len(rows)
    short_names = {r["Kortnavn"] for r in rows}
    for user in seed.DEMO_USERS:
        assert user.actor is None or user.actor in short_names
    companies = {r["Navn"] for r in rows if r["Type"] == ActorKind.COMPANY}
    assert {"Br. Karlsen", "Wilsgård", "Smart Senja"} <= companies


def test_seed_measures() -> None:
    _, rows = read_seed("tiltak.csv")
    assert 30 <= len(rows) <= 40
    codes = [r["Kode"] for r in rows]
    assert len(set(codes)) == len(codes)
    assert all(r["Eksempel"] == "ja" for r in rows)
    per_theme = Counter(r["Satsingsområde"] for r in rows)
    assert sorted(per_theme) == ["1", "2", "3", "4", "5"]
    assert all(6 <= count <= 8 for count in per_theme.values())
    assert all(r["Kode"].split(".")[0] == r["Satsingsområde"] for r in rows)
    assert all(r["Mål"] in ("", "H1", "H2", "H3") for r in rows)
    assert all(r["Tiltak"].strip() and r["Beskrivelse"].strip() for r in rows)
    assert all(bool(r["Periode"]) != bool(r["Start"] and r["Slutt"]) for r in rows)
    periods = {r["Periode"] for r in rows}
    assert {"Løpende", "2024"} <= periods
    assert any("–" in p for p in periods) and any("-" in p for p in periods)


def test_seed_measure_names_resolve_to_actors() -> None:
    _, actors = read_seed("aktorer.csv")
    known = {a["Navn"].casefold() for a in actors} | {a["Kortnavn"].casefold() for a in actors}
    _, rows = read_seed("tiltak.csv")
    for row in rows:
        names = [row["Ansvarlig"], *split_names(row["Samarbeidspartnere"])]
        names += split_names(row["Finansiører"])
        unknown = [name for name in names if name.casefold() not in known]
        assert not unknown, f"{row['Kode']}: {unknown}"
        involved = [n.casefold() for n in names]
        assert len(set(involved)) == len(involved), f"{row['Kode']}: an actor twice"


# --- the history ---------------------------------------------------------------------

SPANS = [  # code, start, end: like the seed (whole plan, a year, ranges, quarter pairs)
    ("1.1", "2024-Q1", "2028-Q4"),
    ("1.2", "2024-Q1", "2025-Q4"),
    ("1.3", "2024-Q1", "2028-Q4"),
    ("1.4", "2024-Q1", "2024-Q4"),
    ("1.5", "2025-Q1", "2027-Q4"),
    ("1.6", "2025-Q1", "2026-Q4"),
    ("1.7", "2024-Q2", "2024-Q4"),
    ("2.1", "2024-Q1", "2028-Q4"),
    ("2.2", "2024-Q1", "2026-Q4"),
    ("2.3", "2025-Q1", "2027-Q4"),
    ("2.4", "2024-Q3", "2026-Q2"),
    ("2.5", "2024-Q1", "2028-Q4"),
    ("2.6", "2024-Q1", "2024-Q4"),
    ("2.7", "2024-Q1", "2025-Q4"),
    ("3.1", "2025-Q1", "2028-Q4"),
    ("3.2", "2024-Q1", "2026-Q4"),
    ("3.3", "2024-Q1", "2028-Q4"),
    ("3.4", "2024-Q1", "2028-Q4"),
    ("3.5", "2025-Q2", "2026-Q4"),
    ("3.6", "2025-Q1", "2027-Q4"),
    ("3.7", "2026-Q1", "2027-Q4"),
    ("3.8", "2027-Q1", "2028-Q4"),  # not begun by LAST: no reports
    ("3.9", "2023-Q3", "2025-Q2"),  # begins before the plan's reporting
    ("3.10", "2024-Q1", "2026-Q4"),
    ("4.1", "2024-Q1", "2026-Q4"),
    ("4.2", "2024-Q1", "2027-Q4"),
    ("4.3", "2025-Q1", "2028-Q4"),
    ("4.4", "2025-Q2", "2027-Q4"),
    ("4.5", "2024-Q1", "2025-Q4"),
    ("4.6", "2025-Q1", "2025-Q4"),
    ("5.1", "2024-Q1", "2028-Q4"),
    ("5.2", "2024-Q1", "2025-Q4"),
    ("5.3", "2024-Q1", "2024-Q4"),
    ("5.4", "2025-Q1", "2027-Q4"),
    ("5.5", "2024-Q2", "2026-Q4"),
]


@pytest.fixture
def measures() -> pd.DataFrame:
    rows = [
        {"id": 100 + n, "code": c, "start_period": s, "end_period": e, "lead_actor_id": 10 + n % 7}
        for n, (c, s, e) in enumerate(SPANS)
    ]
    return pd.DataFrame(rows).sample(frac=1, random_state=3)  # input order must not matter


@pytest.fixture
def history(measures: pd.DataFrame) -> list[dict]:
    return seed.demo_history(measures, LAST)


def by_measure(history: list[dict]) -> dict[int, list[dict]]:
    grouped: dict[int, list[dict]] = {}
    for report in history:
        grouped.setdefault(report["measure_id"], []).append(report)
    return grouped


def test_history_is_deterministic(measures: pd.DataFrame, history: list[dict]) -> None:
    assert seed.demo_history(measures, LAST) == history
    assert seed.demo_history(measures.sort_values("code"), LAST) == history
    assert seed.demo_history(measures, LAST, seed=7) != history


def test_history_report_shape(measures: pd.DataFrame, history: list[dict]) -> None:
    leads = dict(zip(measures["id"], measures["lead_actor_id"], strict=True))
    for report in history:
        assert set(report) == {
            "measure_id",
            "period",
            "status",
            "progress",
            "rag",
            "comment",
            "next_steps",
            "actor_id",
            "reported_at",
        }
        assert isinstance(report["status"], Status)
        assert report["rag"] is None or isinstance(report["rag"], Rag)
        assert report["progress"] is None or 0 <= report["progress"] <= 100
        assert report["actor_id"] == leads[report["measure_id"]]
        assert report["comment"]


def test_history_periods_inside_span_and_last(measures: pd.DataFrame, history) -> None:
    spans = {row.id: (row.start_period, row.end_period) for row in measures.itertuples()}
    for report in history:
        period = Quarter.parse(report["period"])
        start, end = (Quarter.parse(p) for p in spans[report["measure_id"]])
        assert max(start, Quarter(2024, 1)) <= period <= min(end, LAST)
    reported = {r["measure_id"] for r in history}
    assert 121 not in reported  # 3.8 starts after LAST
    assert min(r["period"] for r in history if r["measure_id"] == 122) == "2024-Q1"


def test_history_reported_in_the_last_three_weeks(history: list[dict]) -> None:
    for report in history:
        quarter = Quarter.parse(report["period"])
        moment = report["reported_at"]
        assert moment.tzinfo is not None and moment.utcoffset() == timedelta(0)
        assert quarter.end() - timedelta(weeks=3) < moment <= quarter.end()
    for reports in by_measure(history).values():
        moments = [r["reported_at"] for r in reports]
        assert moments == sorted(moments)
        periods = [r["period"] for r in reports]
        assert len(set(periods)) == len(periods)


def test_history_arcs(measures: pd.DataFrame, history: list[dict]) -> None:
    grouped = by_measure(history)
    final = {m: reports[-1]["status"] for m, reports in grouped.items()}
    assert Counter(final.values())[Status.CANCELLED] == 1
    assert Status.COMPLETED in final.values()
    assert Status.POSTPONED in final.values()
    for reports in grouped.values():
        statuses = [r["status"] for r in reports]
        if Status.CANCELLED in statuses:  # reporting stops once cancelled
            assert statuses.index(Status.CANCELLED) == len(statuses) - 1
        if Status.COMPLETED in statuses:
            assert statuses[-1] == Status.COMPLETED and reports[-1]["progress"] == 100
        known = [r["progress"] for r in reports if r["progress"] is not None]
        if statuses[-1] != Status.COMPLETED:
            assert known == sorted(known)  # progress never goes back
        if Status.POSTPONED in statuses:
            first = statuses.index(Status.POSTPONED)
            assert set(statuses[first:]) == {Status.POSTPONED}
            assert len({r["progress"] for r in reports[first:]}) == 1  # flat
            assert all(r["rag"] in (Rag.YELLOW, Rag.RED) for r in reports[first:])


def test_history_gaps_unknowns_and_mix(measures: pd.DataFrame, history: list[dict]) -> None:
    spans = {row.id: (row.start_period, row.end_period) for row in measures.itertuples()}
    due = 0
    for start, end in spans.values():
        first = max(Quarter.parse(start), Quarter(2024, 1))
        due += len(quarter_range(first, min(Quarter.parse(end), LAST)))
    assert len(history) < due  # some quarters unreported
    grouped = by_measure(history)
    stopped = sum(  # quarters after a completion or cancellation are not gaps
        len(quarter_range(Quarter.parse(r[-1]["period"]), min(Quarter.parse(spans[m][1]), LAST)))
        - 1
        for m, r in grouped.items()
        if r[-1]["status"] in (Status.CANCELLED, Status.COMPLETED)
    )
    assert len(history) < due - stopped
    assert any(r["progress"] is None for r in history)
    statuses = Counter(r["status"] for r in history)
    assert statuses.most_common(1)[0][0] == Status.IN_PROGRESS
    assert statuses[Status.IN_PROGRESS] > len(history) / 2
    assert statuses[Status.NOT_STARTED] > 0
    rags = Counter(r["rag"] for r in history)
    assert rags[Rag.GREEN] > rags[Rag.YELLOW] > rags[Rag.RED] > 0


def test_history_before_the_plan_is_empty(measures: pd.DataFrame) -> None:
    assert seed.demo_history(measures, Quarter(2023, 4)) == []


# --- accounts ------------------------------------------------------------------------


def test_demo_accounts() -> None:
    accounts = seed.demo_accounts()
    usernames = [a[0] for a in accounts]
    assert len(set(usernames)) == len(usernames)
    assert {"admin", "ordforer", "naeringssjef", "sjomatklyngen", "kupa"} <= set(usernames)
    for username, password, role, actor in accounts:
        assert password_problems(password, username) == []  # the policy holds for the demo too
        assert seed.DEMO_PASSWORDS[username] == password
        assert (actor is not None) == (role == Role.ACTOR)
    roles = {a[0]: a[2] for a in accounts}
    assert roles["admin"] == "admin" and roles["ordforer"] == "leader"


# --- loading into a database ---------------------------------------------------------


def test_load_demo(session: Session) -> None:
    assert not seed.has_demo_data(session)
    summary = seed.load_demo(session, now=NOW)
    session.commit()
    assert summary.plan_id is not None
    assert summary.measures == 36
    assert summary.users == len(seed.DEMO_USERS)
    assert summary.reports == session.scalar(select(func.count(StatusUpdate.id)))
    assert summary.reports > 150
    assert seed.has_demo_data(session)
    assert session.scalar(select(func.count(Measure.id)).where(~Measure.is_example)) == 0
    audit = session.scalars(select(AuditLog).where(AuditLog.action == "demo")).all()
    assert [(a.entity, a.entity_id) for a in audit] == [("plan", str(summary.plan_id))]
    latest = session.scalar(select(func.max(StatusUpdate.period)))
    assert latest == str(LAST)
    assert session.scalar(select(func.max(StatusUpdate.reported_at))) <= LAST.end()


def test_load_demo_users_can_log_in(session: Session) -> None:
    seed.load_demo(session, now=NOW)
    session.commit()
    for username, password, role, actor in seed.demo_accounts():
        principal = authenticate(session, username, password, now=NOW)
        assert principal.role == role
        if actor is not None:
            found = session.get(Actor, principal.actor_id)
            assert found is not None and found.short_name == actor
    admin = session.scalar(select(User).where(User.username == "admin"))
    assert admin is not None and admin.display_name == "Næringsavdelingen (admin)"


def test_demo_users_have_example_addresses_the_reminders_use(session: Session) -> None:
    from tracker.service.reminders import reminders

    summary = seed.load_demo(session, now=NOW)
    session.commit()
    emails = dict(session.execute(select(User.username, User.email)).all())
    assert emails == {u.username: f"{u.username}@example.org" for u in seed.DEMO_USERS}
    assert summary.plan_id is not None
    sent_to = {
        r.actor: r.recipients
        for r in reminders(
            session, user=SYSTEM, plan_id=summary.plan_id, quarter=LAST.next(), now=NOW
        )
    }
    assert sent_to["Kupa"] == ("kupa@example.org",)


def test_load_demo_is_idempotent(session: Session) -> None:
    first = seed.load_demo(session, now=NOW)
    session.commit()
    reports = session.scalar(select(func.count(StatusUpdate.id)))
    again = seed.load_demo(session, now=NOW + timedelta(days=200))
    session.commit()
    assert again == seed.DemoSummary(first.plan_id, 0, 0, 0)
    assert session.scalar(select(func.count(StatusUpdate.id))) == reports


def test_seed_dir_is_in_the_repository() -> None:
    assert Path(seed.ROOT) / "data" / "seed" == seed.SEED_DIR
    assert sorted(p.name for p in seed.SEED_DIR.glob("*.csv")) == sorted(SEED_FILES)


def test_the_demo_tells_who_some_actors_are(session: Session) -> None:
    seed.load_demo(session, now=NOW)
    session.commit()
    kupa = find_actor(session, "Kupa")
    profile = get_profile(session, user=SYSTEM, actor_id=kupa.id)
    assert profile.values.about.startswith("Inkubator")
    assert profile.themes == ("Nyskapende – Innovasjon og entreprenørskap",)
    assert all(c.email.endswith("@example.org") for c in profile.values.contacts)
    seed.load_demo(session, now=NOW)  # again: nothing written twice
    assert session.scalar(
        select(func.count(AuditLog.id)).where(AuditLog.entity == "actor_profile")
    ) == len(DEMO_PROFILES)


def test_the_demo_says_what_some_actors_offer_as_examples(session: Session) -> None:
    from tracker.demo.instruments import DEMO_INSTRUMENTS
    from tracker.service.instruments import find_instruments

    seed.load_demo(session, now=NOW)
    session.commit()
    everything = find_instruments(session, today=date(2026, 12, 1))
    assert 5 <= len(everything) == len(DEMO_INSTRUMENTS) <= 8
    assert everything["description"].str.startswith("Eksempel").all()
    assert everything["amount"].map(lambda a: a == "" or a.startswith("Eksempel")).all()
    seafood_start = find_instruments(
        session, target_group="sjomat", stage="oppstart", today=date(2026, 12, 1)
    )
    assert "Kommunalt næringsfond" in seafood_start["name"].tolist()
    fund = everything[everything["name"] == "Kommunalt næringsfond"].iloc[0]
    assert fund["actor"] == "Senja kommune" and fund["next_deadline"] == date(2027, 3, 1)
    seed.load_demo(session, now=NOW)  # again: nothing written twice
    assert session.scalar(
        select(func.count(AuditLog.id)).where(AuditLog.entity == "instrument")
    ) == len(DEMO_INSTRUMENTS)
