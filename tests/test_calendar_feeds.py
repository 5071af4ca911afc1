"""Calendar subscriptions: a secret token per feed (the plan's whole wheel, an actor's
events, a theme's), made on first need by any user, renewed by the admin only, both
audited without the token (service, SQLite and PostgreSQL); what each feed holds;
the feed over HTTP from the real server (tests/browser.py start_app): fetched,
parsed, an event added, fetched again, renewed away; the Årshjul page's links
(AppTest); the migration up and down."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from icalendar import Calendar
from sqlalchemy import inspect, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from tests.apptest_helpers import AppDatabase, app, build_database, demo_database, no_exception
from tests.browser import start_app
from tests.factories import World, make_actor
from tests.migration_helpers import downgrade_to, upgrade_to
from tracker import db
from tracker.errors import NotFound, PermissionDenied
from tracker.models import AuditLog, CalendarFeed, User
from tracker.service.actors import delete_actor
from tracker.service.calendar_feeds import (
    FeedScope,
    feed_file,
    feed_token,
    make_feed_token,
    renew_feed_token,
    scope_of_token,
)
from tracker.service.events import EventInput, save_event
from tracker.service.instruments import Deadline, InstrumentInput, save_instrument
from tracker.service.structure import get_plan
from tracker.vocab import EventKind, InstrumentKind, Role


def add(session: Session, world: World, actor: str, title: str, **fields: object) -> int:
    values = EventInput(
        actor_id=world.actors[actor].id, title=title, kind=EventKind.EVENT,
        starts=fields.pop("starts", date(2026, 3, 12)), **fields,  # type: ignore[arg-type]
    )  # fmt: skip
    return save_event(session, user=world.principals["admin"], values=values)


def titles(raw: bytes) -> set[str]:
    return {str(e["summary"]) for e in Calendar.from_ical(raw).walk("VEVENT")}


def audit(session: Session) -> list[AuditLog]:
    query = select(AuditLog).where(AuditLog.entity == "calendar_feed").order_by(AuditLog.id)
    return list(session.scalars(query))


# --- the service ---------------------------------------------------------------------


def test_any_user_gets_a_feeds_token_made_once_on_first_need(
    session: Session, world: World
) -> None:
    everything = FeedScope(plan_id=world.plan.id)
    leader = world.principals["leader"]
    assert feed_token(session, user=leader, scope=everything) is None
    token = make_feed_token(session, user=leader, scope=everything)
    session.commit()
    assert len(token) >= 43  # secrets.token_urlsafe(32): 256 bits
    for who in ("leader", "actor_a", "admin"):  # every role sees the wheel, so its links
        assert make_feed_token(session, user=world.principals[who], scope=everything) == token
        assert feed_token(session, user=world.principals[who], scope=everything) == token
    actor_feed = make_feed_token(
        session, user=world.principals["actor_b"], scope=FeedScope(actor_id=world.actors["A"].id)
    )
    theme_feed = make_feed_token(
        session, user=leader, scope=FeedScope(theme_id=world.themes["T1"].id)
    )
    session.commit()
    assert len({token, actor_feed, theme_feed}) == 3
    made = audit(session)
    assert [(a.action, a.entity_id, a.username) for a in made] == [
        ("create", f"all-{world.plan.id}", "leder"),
        ("create", f"actor-{world.actors['A'].id}", "aktor.b"),
        ("create", f"theme-{world.themes['T1'].id}", "leder"),
    ]
    assert made[1].after == {"feed": "actor", "name": "Senja Næringshage"}
    assert not any(t in json.dumps([a.after for a in made]) for t in (token, actor_feed))


def test_only_the_admin_renews_and_the_old_token_stops_at_once(
    session: Session, world: World
) -> None:
    scope = FeedScope(actor_id=world.actors["B"].id)
    old = make_feed_token(session, user=world.principals["actor_b"], scope=scope)
    session.commit()
    for who in ("leader", "actor_b"):
        with pytest.raises(PermissionDenied):
            renew_feed_token(session, user=world.principals[who], scope=scope)
    assert scope_of_token(session, old) == scope
    new = renew_feed_token(session, user=world.principals["admin"], scope=scope)
    session.commit()
    assert new != old
    assert scope_of_token(session, old) is None
    assert scope_of_token(session, new) == scope
    assert feed_token(session, user=world.principals["leader"], scope=scope) == new
    renewal = audit(session)[-1]
    assert (renewal.action, renewal.username, renewal.entity_id) == ("renew", "admin", str(scope))
    assert old not in json.dumps(renewal.after) and new not in json.dumps(renewal.after)
    assert session.scalars(select(CalendarFeed)).all()[0].token == new  # one row per feed


def test_an_inactive_user_gets_no_link_and_a_missing_target_no_token(
    session: Session, world: World
) -> None:
    session.get_one(User, world.users["leader"].id).active = False
    session.commit()
    with pytest.raises(PermissionDenied):
        feed_token(session, user=world.principals["leader"], scope=FeedScope(plan_id=1))
    with pytest.raises(NotFound):
        make_feed_token(session, user=world.principals["admin"], scope=FeedScope(actor_id=999))
    assert scope_of_token(session, "") is None
    assert scope_of_token(session, "x" * 500) is None
    with pytest.raises(ValueError):
        FeedScope(plan_id=1, actor_id=2)  # one scope per feed


def test_each_feed_holds_what_the_wheel_shows_for_it(session: Session, world: World) -> None:
    add(session, world, "A", "Gründerkveld", theme_id=world.themes["T1"].id)
    add(session, world, "B", "Klyngemøte", theme_id=world.themes["T2"].id)
    add(session, world, "B", "Styremøte i klyngen")
    session.commit()
    everything = feed_file(session, scope=FeedScope(plan_id=world.plan.id), lang="nb")
    by_actor = feed_file(session, scope=FeedScope(actor_id=world.actors["B"].id), lang="nb")
    by_theme = feed_file(session, scope=FeedScope(theme_id=world.themes["T1"].id), lang="en")
    assert {"Gründerkveld", "Klyngemøte", "Styremøte i klyngen"} < titles(everything)
    assert "Frist: statusrapport for 1. kvartal 2024" in titles(everything)  # the deadlines
    assert len(titles(everything)) == 3 + 20
    assert titles(by_actor) == {"Klyngemøte", "Styremøte i klyngen"}
    assert titles(by_theme) == {"Gründerkveld"}
    assert str(Calendar.from_ical(by_actor)["x-wr-calname"]) == "Årshjul – Bare Klyngen Nordvest"
    assert str(Calendar.from_ical(by_theme)["x-wr-calname"]).endswith("Only Næringsutvikling")


def test_instrument_deadlines_are_in_the_whole_wheel_and_their_actors_feed(
    session: Session, world: World
) -> None:
    values = InstrumentInput(
        actor_id=world.actors["B"].id, name="Næringsfond", kind=InstrumentKind.GRANT,
        deadlines=(Deadline(date(2026, 3, 1), yearly=True), Deadline(date(2026, 9, 1))),
    )  # fmt: skip
    first = save_instrument(session, user=world.principals["admin"], values=values)
    session.commit()
    everything = feed_file(session, scope=FeedScope(plan_id=world.plan.id), lang="nb")
    by_actor = feed_file(session, scope=FeedScope(actor_id=world.actors["B"].id), lang="nb")
    by_other = feed_file(session, scope=FeedScope(actor_id=world.actors["A"].id), lang="nb")
    assert "Søknadsfrist: Næringsfond" in titles(everything)
    assert titles(by_actor) == {"Søknadsfrist: Næringsfond"} and titles(by_other) == set()
    events = {str(e["uid"]): e for e in Calendar.from_ical(by_actor).walk("VEVENT")}
    assert set(events) == {
        f"virkemiddel-{first}-2026-03-01@naeringsplan-tracker",
        f"virkemiddel-{first}-2026-09-01@naeringsplan-tracker",
    }
    assert "RRULE" in events[f"virkemiddel-{first}-2026-03-01@naeringsplan-tracker"]
    once = events[f"virkemiddel-{first}-2026-09-01@naeringsplan-tracker"]
    assert "RRULE" not in once and once["categories"].to_ical().decode() == "Søknadsfrist"


def test_a_feed_goes_with_its_actor(session: Session, world: World) -> None:
    """The row is deleted with the actor (ON DELETE CASCADE), so its token opens nothing,
    and a later actor with the same id never inherits it."""
    scope = FeedScope(actor_id=make_actor(session, "Visit Senja", "VS").id)
    session.commit()
    token = make_feed_token(session, user=world.principals["admin"], scope=scope)
    session.commit()
    delete_actor(session, user=world.principals["admin"], actor_id=scope.actor_id)
    session.commit()
    assert scope_of_token(session, token) is None
    assert session.scalars(select(CalendarFeed)).all() == []


# --- over HTTP, from the real server --------------------------------------------------


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, AppDatabase]]:
    folder = tmp_path_factory.mktemp("calendar_http")
    path = build_database(folder / "app.db", demo=True)
    database = AppDatabase(f"sqlite:///{path}", db.make_engine(f"sqlite:///{path}"))
    server = start_app(database.url, folder)
    try:
        yield server.url, database
    finally:
        server.stop()
        database.engine.dispose()


def fetch(url: str, **headers: str) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            return answer.status, dict(answer.headers), answer.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def test_a_subscription_over_http_follows_the_wheel_until_renewed(
    served: tuple[str, AppDatabase],
) -> None:
    base, database = served
    admin = database.principal("admin")
    with database.transaction() as session:
        plan_id = get_plan(session).id
        token = make_feed_token(session, user=admin, scope=FeedScope(plan_id=plan_id))
    url = f"{base}/kalender/{token}.ics"

    status, headers, body = fetch(url)  # no login, no cookie: the token is the key
    assert status == 200
    assert headers["content-type"] == "text/calendar; charset=utf-8"
    assert headers["cache-control"] == "private, no-cache"
    assert headers["referrer-policy"] == "no-referrer"
    first = Calendar.from_ical(body)
    assert str(first["x-wr-calname"]) == "Årshjul – Hele årshjulet"
    before = titles(body)
    assert "Sjømatkonferansen" in before and "Pitchemøte på taket" not in before
    assert fetch(url, **{"If-None-Match": headers["etag"]})[0] == 304  # nothing changed

    kupa = database.principal("kupa")
    values = EventInput(actor_id=kupa.actor_id, title="Pitchemøte på taket",  # type: ignore[arg-type]
                        kind=EventKind.EVENT, starts=date(2026, 9, 3))  # fmt: skip
    with database.transaction() as session:
        event_id = save_event(session, user=kupa, values=values)

    status, again, body = fetch(url, **{"If-None-Match": headers["etag"]})
    assert status == 200 and again["etag"] != headers["etag"]
    added = next(e for e in Calendar.from_ical(body).walk("VEVENT")
                 if str(e["summary"]) == "Pitchemøte på taket")  # fmt: skip
    assert str(added["uid"]) == f"hendelse-{event_id}@naeringsplan-tracker"
    assert added["dtstart"].dt == date(2026, 9, 3)
    assert titles(body) == before | {"Pitchemøte på taket"}
    assert "Only" not in fetch(url + "?lang=en")[2].decode()  # the whole wheel, in English
    assert "The whole wheel" in fetch(url + "?lang=en")[2].decode()

    with database.transaction() as session:
        renewed = renew_feed_token(session, user=admin, scope=FeedScope(plan_id=plan_id))
    status, gone_headers, gone = fetch(url)
    assert (status, gone) == (404, b"")  # the old link stops at once, saying nothing
    assert gone_headers["cache-control"] == "private, no-cache"
    assert fetch(f"{base}/kalender/{renewed}.ics")[0] == 200
    assert fetch(f"{base}/kalender/not-a-token.ics")[:3:2] == (404, b"")


# --- the page --------------------------------------------------------------------------

PAGE = "app_pages/wheel.py"


@pytest.fixture
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppDatabase]:
    with demo_database(tmp_path_factory, "calendar_page") as database:
        yield database


def links(at: object) -> list[str]:
    return [c.value for c in at.code if "/kalender/" in c.value]  # type: ignore[attr-defined]


def test_the_page_shows_each_feeds_link_to_copy(demo: AppDatabase) -> None:
    at = app(demo.principal("ordforer"), page=PAGE)
    no_exception(at)
    [everything] = links(at)
    with demo.session() as session:
        [row] = session.scalars(select(CalendarFeed)).all()
    assert everything.endswith(f"/kalender/{row.token}.ics")
    assert "Outlook" in " ".join(m.value for m in at.markdown)
    assert [b for b in at.button if b.key and "renew" in b.key] == []  # a leader renews not
    kupa = next(o for o in at.selectbox(key="wheel_actor").options if o == "Kupa")
    at.selectbox(key="wheel_actor").select(kupa).run()
    no_exception(at)
    assert len(links(at)) == 2
    assert at.get("download_button")  # the file is there as well
    english = app(demo.principal("ordforer"), "en", page=PAGE)
    assert links(english)[0].endswith(f"/kalender/{row.token}.ics?lang=en")


def test_the_admin_renews_a_link_on_the_page(demo: AppDatabase) -> None:
    at = app(demo.principal("admin"), page=PAGE)
    [old] = links(at)
    at.button(key="wheel_ics_all_renew").click().run()
    no_exception(at)
    [new] = links(at)
    assert new != old
    with demo.session() as session:
        assert session.scalars(select(CalendarFeed.token)).all() == [new.rsplit("/", 1)[1][:-4]]
        renewed = audit(session)[-1]
    assert (renewed.action, renewed.username) == ("renew", "admin")


# --- the migration ----------------------------------------------------------------------


def test_the_calendar_feed_migration_upgrades_and_downgrades(
    tmp_path: Path, postgres_scratch_url: str | None
) -> None:
    """0009 adds calendar_feed (exactly one scope per row) and event.updated_at
    (empty for the events there); down drops both and keeps the events; up again."""
    urls = [f"sqlite:///{tmp_path / 'old.db'}", postgres_scratch_url]
    for url in [u for u in urls if u]:
        engine = db.make_engine(url)
        try:
            upgrade_to(engine, "0008")
            with engine.begin() as connection:
                run = connection.execute
                run(text("INSERT INTO actor (id, name, short_name, contact) "
                         "VALUES (1, 'Kupa', 'K', '')"))  # fmt: skip
                run(text("INSERT INTO event (id, actor_id, title, kind, starts, yearly, "
                         "target_groups, place, link, created_at) VALUES (1, 1, 'Møte', "
                         "'annet', '2026-03-01', FALSE, '', '', '', CURRENT_TIMESTAMP)"
                         ))  # fmt: skip
            upgrade_to(engine, "0009")
            with engine.connect() as connection:
                updated = connection.execute(text("SELECT updated_at FROM event")).all()
            with pytest.raises(DBAPIError), engine.begin() as connection:  # no scope at all
                connection.execute(text(
                    "INSERT INTO calendar_feed (token, made_at) VALUES ('x', CURRENT_TIMESTAMP)"
                ))  # fmt: skip
            with pytest.raises(DBAPIError), engine.begin() as connection:  # two at once
                connection.execute(text(
                    "INSERT INTO calendar_feed (token, actor_id, plan_id, made_at) "
                    "VALUES ('y', 1, 1, CURRENT_TIMESTAMP)"
                ))  # fmt: skip
            downgrade_to(engine, "0008")
            with engine.connect() as connection:
                columns = {c["name"] for c in inspect(connection).get_columns("event")}
                tables = set(inspect(connection).get_table_names())
                events = connection.execute(text("SELECT title FROM event")).scalars().all()
            upgrade_to(engine, "head")
        finally:
            engine.dispose()
        assert updated == [(None,)]
        assert "updated_at" not in columns and "calendar_feed" not in tables
        assert events == ["Møte"]


def test_roles_that_see_the_wheel_all_see_its_links() -> None:
    """Every role is offered the Årshjul page (ui.nav), so every role may read a link."""
    from ui.nav import PAGES

    wheel = next(p for p in PAGES if p.file == PAGE)
    assert set(wheel.roles) == set(Role)
