"""The audit log in words (tracker.audit_words via list_audit): who did what to which
thing, fields by the forms' names, values as the pages show them, names for ids, in
the reader's language; the stored rows stay as written. SQLite and PostgreSQL."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

import pandas as pd
import pytest
from sqlalchemy import event, select
from sqlalchemy.orm import Session

from tests.factories import World
from tracker import audit_words
from tracker.models import AuditLog
from tracker.service.audit_log import list_audit
from tracker.service.indicators import IndicatorInput, report_value, save_indicator
from tracker.service.measure_edits import MeasureInput, save_measure
from tracker.service.overlaps import record_decision
from tracker.service.status import Report, report_status
from tracker.vocab import OverlapVerdict, PartnerRole, Rag, Status

WORDS = ["who", "what", "thing", "which", "summary"]


def edit_form(world: World, code: str, **changes: Any) -> MeasureInput:
    measure = world.measures[code]
    values = MeasureInput(
        code=measure.code, title=measure.title, theme_id=measure.theme_id,
        lead_actor_id=measure.lead_actor_id, start_period=measure.start_period,
        end_period=measure.end_period, description=measure.description,
        goal_id=measure.goal_id, partners=tuple((p.actor_id, p.role) for p in measure.partners),
        weight=measure.weight, budget=measure.budget, funding=measure.funding,
        is_example=measure.is_example,
    )  # fmt: skip
    return replace(values, **changes)


@pytest.fixture
def logged(session: Session, world: World) -> World:
    """A status report, a measure edit with partners, an overlap decision and an
    indicator value, each through its service."""
    admin, actor_a = world.principals["admin"], world.principals["actor_a"]
    m13, m11, m23 = (world.measures[c] for c in ("1.3", "1.1", "2.3"))
    report_status(
        session, user=actor_a, measure_id=m23.id, seen_version=m23.version,
        report=Report("2025-Q4", Status.IN_PROGRESS, 40, Rag.YELLOW, "God fremdrift"),
    )  # fmt: skip
    partners = ((world.actors["B"].id, PartnerRole.PARTNER),
                (world.actors["C"].id, PartnerRole.FUNDER))  # fmt: skip
    form = edit_form(world, "1.3", theme_id=world.themes["T2"].id, partners=partners,
                     end_period="2026-Q4")  # fmt: skip
    save_measure(session, user=admin, plan_id=world.plan.id, measure_id=m13.id,
                 seen_version=m13.version, values=form)  # fmt: skip
    record_decision(session, user=admin, measure_ids=(m11.id, m23.id),
                    verdict=OverlapVerdict.COOPERATE, note="Felles søknad")  # fmt: skip
    indicator = save_indicator(
        session, user=admin, plan_id=world.plan.id,
        values=IndicatorInput(name="Sysselsatte i havbruk", unit="personer", baseline_year=2023,
                              baseline_value=410, target_year=2028, target_value=520,
                              actor_id=world.actors["A"].id),
    )  # fmt: skip
    report_value(session, user=admin, indicator_id=indicator, period="2025", value=1234.5)
    session.commit()
    return world


def entries(session: Session, world: World, lang: str) -> pd.DataFrame:
    frame = list_audit(session, user=world.principals["admin"], lang=lang, limit=5)
    return frame.iloc[::-1].reset_index(drop=True)  # oldest of the five first


EXPECTED = {
    "nb": [
        ("Statusrapport", "Tiltak", "2.3",
         "Kvartal: 4. kvartal 2025; Status: Pågår; Fremdrift: 40 %; Vurdering: Risiko; "
         "Kommentar: God fremdrift; Neste steg: –"),
        ("Endret", "Tiltak", "1.3",
         "Satsingsområde: Næringsutvikling → Kompetanse og rekruttering; "
         "Slutt (kvartal): 4. kvartal 2027 → 4. kvartal 2026; "
         "Samarbeidspartnere: – → Klyngen Nordvest, Innovasjon Norge Arktis (finansiør)"),
        ("Opprettet", "Overlapp",
         "1.1 Etablere inkubatorprogram for sjømat ↔ 2.3 Lærlingordning for små bedrifter",
         "Beslutning: Samarbeid – felles eierskap; Notat: Felles søknad"),
        ("Opprettet", "Indikator", "Sysselsatte i havbruk",
         "Navn: Sysselsatte i havbruk; Enhet: personer; År for utgangspunktet: 2023; "
         "Utgangspunkt: 410; Målår: 2028; Mål: 520; Retning: Opp; Aktør: Senja Næringshage; "
         "Satsingsområde: –; Kilde: –; Eksempeldata: Nei"),
        ("Ny indikatorverdi", "Indikator", "Sysselsatte i havbruk",
         "Periode: 2025; Verdi: 1 234,5"),
    ],
    "en": [
        ("Status report", "Measure", "2.3",
         "Quarter: Q4 2025; Status: In progress; Progress: 40%; Rating: At risk; "
         "Comment: God fremdrift; Next steps: –"),
        ("Changed", "Measure", "1.3",
         "Theme: Næringsutvikling → Kompetanse og rekruttering; "
         "End (quarter): Q4 2027 → Q4 2026; "
         "Partners: – → Klyngen Nordvest, Innovasjon Norge Arktis (funder)"),
        ("Created", "Overlap",
         "1.1 Etablere inkubatorprogram for sjømat ↔ 2.3 Lærlingordning for små bedrifter",
         "Decision: Cooperate – joint ownership; Note: Felles søknad"),
        ("Created", "Indicator", "Sysselsatte i havbruk",
         "Name: Sysselsatte i havbruk; Unit: personer; Baseline year: 2023; "
         "Baseline value: 410; Target year: 2028; Target value: 520; Direction: Up; "
         "Actor: Senja Næringshage; Theme: –; Source: –; Example data: No"),
        ("Indicator value", "Indicator", "Sysselsatte i havbruk",
         "Period: 2025; Value: 1,234.5"),
    ],
}  # fmt: skip


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_the_log_says_each_entry_in_words(session: Session, logged: World, lang: str) -> None:
    frame = entries(session, logged, lang)
    shown = list(frame[["what", "thing", "which", "summary"]].itertuples(index=False, name=None))
    assert shown == EXPECTED[lang]
    assert list(frame["who"]) == [_who(logged, "actor_a")] + [_who(logged, "admin")] * 4


def _who(world: World, user: str) -> str:
    account = world.users[user]
    return f"{account.display_name} ({account.username})"


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_no_code_and_no_id_is_shown(session: Session, logged: World, lang: str) -> None:
    frame = entries(session, logged, lang)
    text = " | ".join(" | ".join(map(str, frame[c])) for c in WORDS)
    codes = ["_", "yellow", "2025-Q4", "2026-Q4", ":funder", ":partner", "samarbeid ", "None",
             "True", "[", "{"]  # fmt: skip
    assert [code for code in codes if code in text] == []
    ids = {str(m.id) for m in logged.measures.values()} | {
        str(a.id) for a in logged.actors.values()
    }
    stored = list(frame["entity_id"])
    assert re.fullmatch(r"\d+-\d+", stored[2]) and stored[4].isdigit()  # stored as ids …
    numbers = set(re.findall(r"(?<![\d.,])\d+(?![\d.,%])", " ".join(frame["which"])))
    assert numbers.isdisjoint(ids - {"1", "2"}) and stored[2] not in text  # … shown by name


def test_the_stored_rows_keep_their_codes(session: Session, logged: World) -> None:
    rows = session.scalars(select(AuditLog).order_by(AuditLog.id.desc()).limit(5)).all()
    report = next(row for row in rows if row.action == "report" and row.entity == "measure")
    assert report.after is not None and report.after["status"] == "in_progress"
    edit = next(row for row in rows if row.action == "update")
    assert edit.after is not None and edit.after["partners"][1].endswith(":funder")


def test_names_are_looked_up_in_one_statement(session: Session, logged: World, engine: Any) -> None:
    statements: list[str] = []

    def count(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        statements.append(statement)

    event.listen(engine, "before_cursor_execute", count)
    try:
        list_audit(session, user=logged.principals["admin"], lang="nb")
    finally:
        event.remove(engine, "before_cursor_execute", count)
    audit = [s for s in statements if "audit_log" in s]
    assert len(audit) == 1  # the rows
    assert len([s for s in statements if "UNION" in s.upper()]) == 1  # every name at once
    assert len(statements) <= 4  # + the admin check; not one per row


def test_a_name_that_is_gone_is_said_so() -> None:
    row = {"action": "update", "entity": "measure", "entity_id": "1.1", "user_id": None,
           "username": "system", "before": {"lead_actor_id": 7, "partners": ["8:partner"]},
           "after": {"lead_actor_id": 9, "partners": []}}  # fmt: skip
    names = {"actor": {9: "Kupa"}}
    assert audit_words.wanted_ids([row]) == {"actor": {7, 8, 9}}
    assert audit_words.changes_text(row, names, "nb") == (
        "Ansvarlig: (slettet) → Kupa; Samarbeidspartnere: (slettet) → –"
    )
    assert audit_words.who_text(row, names) == "system"


@pytest.mark.parametrize(
    ("field", "value", "nb", "en"),
    [
        ("status", "completed", "Fullført", "Completed"),
        ("rag", "red", "Alvorlig avvik", "Off track"),
        ("start_period", "2026-Q1", "1. kvartal 2026", "Q1 2026"),
        ("starts", "2026-03-05", "05.03.2026", "2026-03-05"),
        ("is_example", True, "Ja", "Yes"),
        ("start_year", 2024, "2024", "2024"),
        ("weight", 2.5, "2,5", "2.5"),
        ("progress", 55, "55 %", "55%"),
        ("role", "leader", "Ledelse", "Leadership"),
        ("partners", [3], "Kupa", "Kupa"),
        ("text", "line\none  two", "line one two", "line one two"),
        ("text", "x" * 100, "x" * 59 + "…", "x" * 59 + "…"),
    ],
)
def test_values_as_the_pages_show_them(field: str, value: Any, nb: str, en: str) -> None:
    names = {"actor": {3: "Kupa"}}
    assert audit_words.value_text("measure", field, value, names, "nb") == nb
    assert audit_words.value_text("measure", field, value, names, "en") == en


def test_an_actor_kind_and_an_event_kind_are_labels() -> None:
    assert audit_words.value_text("actor", "kind", "kompetansemiljo", {}, "nb") == "Kompetansemiljø"
    assert audit_words.value_text("event", "kind", "kurs", {}, "en") == "Course"


def test_a_long_list_of_partners_is_not_cut_short() -> None:
    names = {"actor": {i: f"Aktør med et langt navn nummer {i}" for i in range(1, 6)}}
    shown = audit_words.value_text("measure", "partners", [1, 2, 3, 4, "5:funder"], names, "nb")
    assert shown.endswith("Aktør med et langt navn nummer 5 (finansiør)") and "…" not in shown


@pytest.mark.parametrize(
    ("display", "shown"),
    [
        ("Kari Nordmann", "Kari Nordmann (kari)"),
        ("Næringsavdelingen (kari)", "Næringsavdelingen (kari)"),
        ("kari", "kari"),
        (None, "kari"),
    ],
)
def test_who_is_named_once_with_the_user_name(display: str | None, shown: str) -> None:
    row = {"user_id": 1, "username": "kari"}
    names = {"user": {1: display}} if display else {}
    assert audit_words.who_text(row, names) == shown
