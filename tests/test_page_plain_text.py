"""Everything users typed shows as text on every page: every text field holds a
payload of Markdown, HTML, Streamlit directives, a bare URL and right-to-left and
zero-width characters (written through the service functions), and every element
that reads Markdown (text, captions, alerts, titles, toasts, labels, radio options,
help, st.table cells) on every page and Admin tab, for the admin and for an actor,
holds it escaped, never raw. Selectbox options, which show text as text, hold it raw."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from typing import Any

import pandas as pd
import pytest
import streamlit as st
from sqlalchemy import select
from streamlit.testing.v1 import AppTest

from tests.apptest_helpers import AppDatabase, app, demo_database, no_exception
from tracker.models import Actor, Measure, MeasurePartner, Theme, User
from tracker.quarters import Quarter
from tracker.service import events as wheel
from tracker.service import indicators as kpi
from tracker.service import overlaps
from tracker.service.actors import save_actor
from tracker.service.contributions import ContributionInput, add_contribution
from tracker.service.instruments import Deadline, InstrumentInput, save_instrument
from tracker.service.measure_edits import MeasureInput, save_measure
from tracker.service.meetings import (
    ActionInput,
    MeetingInput,
    add_action,
    save_meeting,
    save_minutes,
)
from tracker.service.plans import save_plan
from tracker.service.principal import SYSTEM, Principal
from tracker.service.status import Report, report_status
from tracker.service.structure import list_plans
from tracker.service.themes import save_theme
from tracker.service.users import create_user
from tracker.vocab import InstrumentKind, OverlapVerdict, Role, TargetGroup

PAYLOAD = (
    "![x](http://127.0.0.1:9/x.png) [klikk](http://evil.example) **fet** <b>b</b> "
    '<a href="http://evil.example">a</a> :red[r] $x^2$ http://bare.example \u202e\u200b'
)
WORD = "klikk"  # in every payload; an element holding it shows a stored text
SHORT = "[klikk](http://evil.example) **f**"  # for the short fields (60 characters)
# The payload's signs unescaped (a backslash before a sign shows the sign itself).
RAW = re.compile(
    r"(?<!\\)!\\?\[x|(?<!\\)\[klikk|(?<!\\)\*\*f|(?<!\\)<[ab]\b|(?<!\\):red|(?<!\\)\$x"
    r"|(?<!\u2060)http(?!\\:)"
)
MAILTO_TARGET = re.compile(r"\]\(mailto:[^()\s]*\)")
"""The target of a reminder's mailto: link (Admin → Påminnelser): percent-encoded
(tracker.adapters.mail.mailto), so the payload in it is no Markdown; its text is checked."""
MARKDOWN_TYPES = {
    "markdown", "caption", "title", "header", "subheader", "alert", "toast", "exception",
}  # fmt: skip
PLAIN_TYPES = {
    "text", "code", "json", "arrow_data_frame", "plotly_chart", "text_input", "text_area",
}  # fmt: skip
ADMIN_TABS = ("plan", "measures", "actors", "users", "import", "quarters", "reminders", "audit")
PAGES = "overview measures actors collaboration coordination wheel instruments meeting"
PAGES += " indicators report"
PAGES += " export"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppDatabase]:
    with demo_database(tmp_path_factory, "plain_text") as database:
        with database.transaction() as session:
            fill_every_text_field(session)
        yield database
    # ui.figures keys its cache by plan, scope and data revision, not by database: the
    # next module's copy of the demo would be shown these charts.
    st.cache_data.clear()


def fill_every_text_field(session: Any) -> None:
    """The payload in every text a user can type, written as the app writes it."""
    admin = Principal.of(session.scalar(select(User).where(User.username == "admin")))
    plan = list_plans(session).iloc[0]
    plan_id = int(plan["id"])
    save_plan(
        session, user=admin, plan_id=plan_id, name=f"Plan {PAYLOAD}",
        start_year=int(plan["start_year"]), end_year=int(plan["end_year"]),
        owner=f"Eier {PAYLOAD}", description=f"Om {PAYLOAD}",
    )  # fmt: skip
    for theme in session.scalars(select(Theme).where(Theme.plan_id == plan_id)):
        save_theme(
            session, user=admin, plan_id=plan_id, theme_id=theme.id, code=theme.code,
            name=f"{theme.code} {PAYLOAD}", description=f"Tema {PAYLOAD}",
        )  # fmt: skip
    kupa = session.scalar(select(Actor).where(Actor.short_name == "Kupa"))
    led = session.scalar(select(Measure).where(Measure.lead_actor_id == kupa.id))
    other = session.scalar(select(Measure).where(Measure.lead_actor_id != kupa.id))
    partner = session.scalar(select(MeasurePartner).where(MeasurePartner.measure_id == led.id))
    save_actor(
        session, user=admin, actor_id=kupa.id, name=f"Kupa {PAYLOAD}", short_name="Kupa",
        kind=kupa.kind, contact=f"post@kupa.example {PAYLOAD}",
    )  # fmt: skip
    for measure in (led, other):
        save_measure(
            session, user=admin, plan_id=plan_id, measure_id=measure.id,
            seen_version=measure.version,
            values=MeasureInput(
                code=measure.code, title=f"Tiltak {PAYLOAD}", theme_id=measure.theme_id,
                lead_actor_id=measure.lead_actor_id, start_period=measure.start_period,
                end_period=measure.end_period, description=f"Beskrivelse {PAYLOAD}",
                partners=((partner.actor_id, partner.role),) if measure is led else (),
                budget=f"Budsjett {PAYLOAD}", funding=f"Midler {PAYLOAD}",
            ),
        )  # fmt: skip
    users = {
        "admin2": (Role.ADMIN, None), "kupa2": (Role.ACTOR, kupa.id),
        "partner2": (Role.ACTOR, partner.actor_id),
    }  # fmt: skip
    for username, (role, actor_id) in users.items():
        create_user(
            session, user=SYSTEM, username=username, role=role, password="riktig-passord-123",
            display_name=f"{username} {PAYLOAD}", actor_id=actor_id,
        )  # fmt: skip
    quarter = str(Quarter.current())
    session.refresh(led)
    report_status(
        session, user=principal(session, "kupa2"), measure_id=led.id, seen_version=led.version,
        report=Report(period=quarter, status="in_progress", progress=40, rag="yellow",
                              comment=f"Kommentar {PAYLOAD}", next_steps=f"Neste {PAYLOAD}"),
    )  # fmt: skip
    add_contribution(
        session, user=principal(session, "partner2"), measure_id=led.id,
        contribution=ContributionInput(quarter, f"Bidrag {PAYLOAD}", "http://evil.example/x"),
    )  # fmt: skip
    overlaps.record_decision(
        session, user=admin, measure_ids=(led.id, other.id), verdict=next(iter(OverlapVerdict)),
        note=f"Merknad {PAYLOAD}",
    )  # fmt: skip
    wheel.save_event(
        session, user=admin,
        values=wheel.EventInput(
            actor_id=kupa.id, title=f"Møte {PAYLOAD}", kind=next(iter(wheel.EventKind)),
            starts=date.today(), target_groups=f"Gründere {PAYLOAD}", place=f"Sted {PAYLOAD}",
        ),
    )  # fmt: skip
    save_instrument(
        session, user=admin,
        values=InstrumentInput(
            actor_id=kupa.id, name=f"Tilskudd {PAYLOAD}", kind=InstrumentKind.GRANT,
            description=f"Om {PAYLOAD}", industries=f"Sjømat {PAYLOAD}", amount=f"Beløp {PAYLOAD}",
            deadlines=(Deadline(date.today()),),
            target_groups=(TargetGroup.ENTREPRENEURS,),  # pairs on Samordning
        ),
    )  # fmt: skip
    next_year = date.today().year + 1
    meeting_id = save_meeting(session, user=admin, values=MeetingInput(
        next_year, date(next_year, 1, 28), f"Sted {PAYLOAD}", (kupa.id,)))  # fmt: skip
    add_action(session, user=admin, meeting_id=meeting_id,
               values=ActionInput(f"Avtalt {PAYLOAD}", kupa.id, "tiltak"))  # fmt: skip
    save_minutes(session, user=admin, meeting_id=meeting_id, minutes=f"Referat {PAYLOAD}")
    indicator = kpi.save_indicator(
        session, user=admin, plan_id=plan_id,
        values=kpi.IndicatorInput(
            name=f"Indikator {PAYLOAD}", unit=SHORT, baseline_year=2023, baseline_value=1,
            target_year=2028, target_value=5, actor_id=kupa.id, source=f"Kilde {PAYLOAD}",
        ),
    )  # fmt: skip
    kpi.report_value(
        session, user=admin, indicator_id=indicator, period=quarter, value=2,
        comment=f"Verdi {PAYLOAD}",
    )  # fmt: skip


def principal(session: Any, username: str) -> Principal:
    return Principal.of(session.scalar(select(User).where(User.username == username)))


def markdown_read(at: AppTest) -> tuple[list[str], list[str]]:
    """(every text an element shows as Markdown, every selectbox/multiselect option)."""
    read: list[str] = []
    options: list[str] = []
    for node in walk(at._tree):
        kind = getattr(node, "type", "")
        proto = getattr(node, "proto", None)
        if kind in PLAIN_TYPES or proto is None:
            continue
        if kind in MARKDOWN_TYPES:
            read.append(str(getattr(node, "value", "") or getattr(proto, "body", "")))
        for field in ("label", "help", "placeholder"):
            value = getattr(proto, field, None)
            if isinstance(value, str) and not (field == "placeholder" and kind == "selectbox"):
                read.append(value)
        if kind in ("selectbox", "multiselect"):
            options += [str(o) for o in proto.options]
        elif kind in ("radio", "select_slider", "button_group"):
            read += [str(o) for o in getattr(proto, "options", [])]
        if kind == "table":
            read += [str(v) for v in pd.DataFrame(node.value).to_numpy().ravel()]
    return read, options


def walk(node: Any) -> Iterator[Any]:
    yield node
    children = getattr(node, "children", None)
    for child in children.values() if isinstance(children, dict) else children or []:
        yield from walk(child)


def check(at: AppTest, where: str) -> int:
    """Assert the page shows the payload only escaped; the number of stored texts seen."""
    no_exception(at)
    read, options = markdown_read(at)
    stored = [MAILTO_TARGET.sub("](mailto:)", text) for text in read if WORD in text]
    raw = [text for text in stored if RAW.search(text)]
    assert not raw, f"{where}: shown as Markdown: {raw[:3]}"
    escaped = [o for o in options if "\\[klikk" in o]
    assert not escaped, f"{where}: a selectbox shows the escapes: {escaped[:2]}"
    return len(stored)


@pytest.mark.parametrize("page", PAGES.split())
@pytest.mark.parametrize("username", ["admin2", "kupa2"])
def test_every_page_shows_stored_text_as_text(demo: AppDatabase, username: str, page: str) -> None:
    if username == "kupa2" and page == "export":
        pytest.skip("the export page is for leaders and the admin")
    at = app(demo.principal(username), page=f"app_pages/{page}.py")
    assert check(at, f"{username} on {page}") > 0  # the plan's name at least


@pytest.mark.parametrize("tab", ADMIN_TABS)
def test_every_admin_tab_shows_stored_text_as_text(demo: AppDatabase, tab: str) -> None:
    at = app(demo.principal("admin2"), page="app_pages/admin.py", state={"admin_tab_open": tab})
    check(at, f"admin tab {tab}")


def test_a_toast_after_a_save_shows_the_name_as_typed(demo: AppDatabase) -> None:
    at = app(demo.principal("admin2"), page="app_pages/admin.py", state={"admin_tab_open": "plan"})
    names = [k for k in at.session_state if re.fullmatch(r"admin_plan_\d+_name", str(k))]
    at.text_input(key=names[0]).input(f"Plan {PAYLOAD} ny").run()
    at.button(key=names[0].removesuffix("_name") + "_save").click().run()
    toasts = [t.value for t in at.toast]
    assert any(WORD in t for t in toasts), toasts
    check(at, "after saving the plan")


def test_another_users_comment_in_the_conflict_view_is_text(demo: AppDatabase) -> None:
    kupa = demo.principal("kupa2")
    at = app(kupa, page="app_pages/report.py")
    quarter = at.selectbox(key="report_quarter").value
    measure_id = at.selectbox(key="report_measure").value
    seen = at.session_state[f"report_{measure_id}_seen"]
    with demo.transaction() as session:  # meanwhile the admin reports on the same measure
        report_status(
            session, user=demo.principal("admin2"), measure_id=measure_id, seen_version=seen,
            report=Report(period=quarter, status="in_progress", progress=50, rag="red",
                                  comment=f"Admins {PAYLOAD}"),
        )  # fmt: skip
    at.text_area(key=f"report_{measure_id}_{quarter}_comment").input("Min kommentar")
    at.button(key=f"report_{measure_id}_{quarter}_save").click().run()
    captions = [c.value for c in at.caption]
    assert any("Admins" in c and WORD in c for c in captions), captions  # the conflict view
    check(at, "the conflict view")
