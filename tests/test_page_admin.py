"""The Admin page with Streamlit's AppTest, on the demo plan in a temporary SQLite
file: every tab renders, and each tab's main flow writes what it should (and an
invalid form writes nothing)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from streamlit.testing.v1 import AppTest

from tests.apptest_helpers import (
    double_click,
    frame,
    language_switch,
    nothing_to_save,
    shown,
    texts,
)
from tests.smtp_server import SMTPServer
from tracker import db, i18n
from tracker.demo.seed import DEMO_PASSWORDS, load_demo
from tracker.models import AuditLog, ClosedPeriod, Measure, User
from tracker.quarters import Quarter
from tracker.service.login import authenticate
from tracker.service.measure_edits import MeasureInput, save_measure
from tracker.service.principal import SYSTEM, Principal
from tracker.service.structure import get_plan, list_actors, list_themes
from tracker.service.users import create_user

ROOT = Path(__file__).resolve().parent.parent
ADMIN = DEMO_PASSWORDS["admin"]


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo plan loaded once; each test gets a copy of the file."""
    path = tmp_path_factory.mktemp("admin") / "demo.db"
    engine = db.make_engine(f"sqlite:///{path}")
    try:
        db.migrate(engine)
        with db.transaction(engine) as session:
            load_demo(session)
        with engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        engine.dispose()
    return path


@pytest.fixture
def engine(
    demo_template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[db.Engine]:
    path = tmp_path / "app.db"
    path.write_bytes(demo_template.read_bytes())
    url = f"sqlite:///{path}"
    monkeypatch.setenv(db.URL_VARIABLE, url)
    engine = db.make_engine(url)
    yield engine
    engine.dispose()


def admin_principal(engine: db.Engine) -> Principal:
    with db.transaction(engine) as session:
        return authenticate(session, "admin", ADMIN)


def real_admin(engine: db.Engine) -> Principal:
    """An admin of the municipality's own, beside the demo's (whose password is public)."""
    with db.transaction(engine) as session:
        user_id = create_user(session, user=SYSTEM, username="kari", role="admin", password=None)
        return Principal.of(session.get_one(User, user_id))


def nb(key: str, **params: Any) -> str:
    return i18n.t(key, "nb", **params)


def open_admin(engine: db.Engine, tab: str = "plan", principal: Principal | None = None) -> AppTest:
    """The Admin page as the demo admin (or principal), with the given tab open."""
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=30)
    app.session_state["principal"] = principal or admin_principal(engine)
    app.run()
    app.switch_page("app_pages/admin.py")
    app.session_state["admin_tab"] = nb(f"adminpage.tab.{tab}")
    app.run()
    assert not app.exception, app.exception
    return app


def audit_rows(engine: db.Engine, **where: str) -> list[AuditLog]:
    with db.read_session(engine) as session:
        query = select(AuditLog)
        for column, wanted in where.items():
            query = query.where(getattr(AuditLog, column) == wanted)
        return list(session.scalars(query))


@pytest.mark.parametrize(
    "tab", ["plan", "measures", "actors", "users", "import", "quarters", "reminders", "audit"]
)
def test_every_tab_renders(engine: db.Engine, tab: str) -> None:
    app = open_admin(engine, tab)
    assert app.title[0].value == nb("page.admin")
    assert [t.label for t in app.tabs] == [
        nb(f"adminpage.tab.{code}")
        for code in (
            "plan",
            "measures",
            "actors",
            "users",
            "import",
            "quarters",
            "reminders",
            "audit",
        )  # fmt: skip
    ]


def node_after(app: AppTest, key: str) -> Any:
    """The element right after the widget with this key, in the same block."""

    def search(block: Any) -> Any:
        children = list(getattr(block, "children", {}).values())
        for index, child in enumerate(children):
            if getattr(child, "key", None) == key:
                return children[index + 1] if index + 1 < len(children) else None
            found = search(child)
            if found is not None:
                return found
        return None

    return search(app.main)


def measure(engine: db.Engine, code: str) -> Measure:
    with db.read_session(engine) as session:
        return session.scalars(select(Measure).where(Measure.code == code)).one()


def count(engine: db.Engine, model: type[Any]) -> int:
    with db.read_session(engine) as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def pick_measure(app: AppTest, measure_id: int) -> AppTest:
    app.selectbox(key="admin_measure_pick").set_value(measure_id).run()
    assert not app.exception, app.exception
    return app


def test_editing_a_measure_title_saves_it_and_is_audited(engine: db.Engine) -> None:
    before = measure(engine, "1.2")
    app = pick_measure(open_admin(engine, "measures"), before.id)
    prefix = f"admin_m_{before.id}"
    assert app.text_input(key=f"{prefix}_title").value == before.title
    app.text_input(key=f"{prefix}_title").input("Én digital inngang for etablerere").run()
    app.button(key=f"{prefix}_save").click().run()
    assert not app.exception, app.exception
    after = measure(engine, "1.2")
    assert after.title == "Én digital inngang for etablerere"
    assert after.version == before.version + 1
    rows = audit_rows(engine, action="update", entity="measure", entity_id="1.2")
    assert [row.after for row in rows] == [{"title": "Én digital inngang for etablerere"}]
    assert rows[0].username == "admin"
    assert nb("adminpage.saved", name="1.2 Én digital inngang for etablerere") in texts(app.toast)
    # The form starts again from the stored measure (its new version).
    assert app.text_input(key=f"{prefix}_title").value == after.title
    assert app.session_state[f"{prefix}_seen"] == after.version


def test_the_measure_form_offers_the_texts_suggestions_and_stores_them_only_when_saved(
    engine: db.Engine,
) -> None:
    before = measure(engine, "1.2")  # the demo: Gründere; Førstelinjetjeneste, Samordning
    app = pick_measure(open_admin(engine, "measures"), before.id)
    prefix = f"admin_m_{before.id}"
    assert app.multiselect(key=f"{prefix}_target_groups").value == ["grundere"]
    assert app.multiselect(key=f"{prefix}_work_kinds").value == ["forstelinje", "samordning"]
    assert f"{prefix}_use_suggestions" not in [b.key for b in app.button]  # nothing new
    app.multiselect(key=f"{prefix}_target_groups").set_value([])
    app.multiselect(key=f"{prefix}_work_kinds").set_value(["kapital"]).run()
    words = "Gründere, Førstelinjetjeneste, Samordning"
    assert nb("adminpage.suggested", words=words) in texts(app.caption)
    app.button(key=f"{prefix}_use_suggestions").click().run()
    assert not app.exception, app.exception
    assert app.multiselect(key=f"{prefix}_target_groups").value == ["grundere"]
    assert app.multiselect(key=f"{prefix}_work_kinds").value == [
        "forstelinje",
        "kapital",
        "samordning",
    ]
    assert measure(engine, "1.2").version == before.version  # offered, not stored
    app.button(key=f"{prefix}_save").click().run()
    assert not app.exception, app.exception
    after = measure(engine, "1.2")
    assert (after.target_groups, after.work_kinds) == ("grundere", "forstelinje;kapital;samordning")
    rows = audit_rows(engine, action="update", entity="measure", entity_id="1.2")
    assert [row.after for row in rows] == [{"work_kinds": "forstelinje;kapital;samordning"}]


def test_a_validation_error_shows_next_to_its_field_and_writes_nothing(
    engine: db.Engine,
) -> None:
    before = measure(engine, "1.2")
    audits = count(engine, AuditLog)
    app = pick_measure(open_admin(engine, "measures"), before.id)
    prefix = f"admin_m_{before.id}"
    app.text_input(key=f"{prefix}_title").input("   ")
    app.number_input(key=f"{prefix}_weight").set_value(0.0).run()
    app.button(key=f"{prefix}_save").click().run()
    assert not app.exception, app.exception
    title_error = node_after(app, f"{prefix}_title")
    assert title_error.type == "error", title_error
    assert title_error.value == nb("admin.required")
    assert "0" in node_after(app, f"{prefix}_weight").value
    assert measure(engine, "1.2").title == before.title
    assert count(engine, AuditLog) == audits
    # What the user typed is still there.
    assert app.text_input(key=f"{prefix}_title").value == "   "


def test_a_conflicting_edit_shows_both_versions_and_keeps_what_was_typed(
    engine: db.Engine,
) -> None:
    before = measure(engine, "1.2")
    app = pick_measure(open_admin(engine, "measures"), before.id)
    prefix = f"admin_m_{before.id}"
    # Someone else renames the measure after the form was opened.
    with db.transaction(engine) as session:
        other = MeasureInput(
            code="1.2",
            title="Endret av en annen",
            theme_id=before.theme_id,
            lead_actor_id=before.lead_actor_id,
            start_period=before.start_period,
            end_period=before.end_period,
            goal_id=before.goal_id,
            partners=tuple((p.actor_id, p.role) for p in measure_partners(engine, before.id)),
            description=before.description,
            weight=before.weight,
            budget=before.budget,
            funding=before.funding,
            is_example=before.is_example,
        )
        save_measure(
            session,
            user=SYSTEM,
            plan_id=before.plan_id,
            measure_id=before.id,
            seen_version=before.version,
            values=other,
        )
    app.text_input(key=f"{prefix}_title").input("Min tittel").run()
    app.button(key=f"{prefix}_save").click().run()
    assert not app.exception, app.exception
    assert measure(engine, "1.2").title == "Endret av en annen"
    conflict = [w for w in texts(app.warning) if w.startswith("Tiltaket 1.2 er endret av")]
    assert len(conflict) == 1  # beside the demo's banner
    table = app.dataframe[0].value
    assert list(table.iloc[0]) == [
        nb("adminpage.measure_title"),
        "Endret av en annen",
        "Min tittel",
    ]
    assert app.text_input(key=f"{prefix}_title").value == "Min tittel"
    app.button(key=f"admin_m_{before.id}_conflict_mine").click().run()
    assert not app.exception, app.exception
    assert measure(engine, "1.2").title == "Min tittel"
    assert not [w for w in texts(app.warning) if w.startswith("Tiltaket 1.2 er endret av")]


def measure_partners(engine: db.Engine, measure_id: int) -> list[Any]:
    with db.read_session(engine) as session:
        return list(session.get(Measure, measure_id).partners)


def test_creating_a_user(engine: db.Engine) -> None:
    app = open_admin(engine, "users")
    app.text_input(key="admin_user_new_username").input("Kari.Nordmann")
    app.text_input(key="admin_user_new_display_name").input("Kari Nordmann")
    app.text_input(key="admin_user_new_email").input("kari@senja.kommune.no")
    app.selectbox(key="admin_user_new_role").set_value("leader")
    app.text_input(key="admin_user_new_password").input("et-langt-passord").run()
    app.button(key="admin_user_new_save").click().run()
    assert not app.exception, app.exception
    with db.read_session(engine) as session:
        user = session.scalars(select(User).where(User.username == "kari.nordmann")).one()
        assert (user.display_name, user.email, user.role.value) == (
            "Kari Nordmann",
            "kari@senja.kommune.no",
            "leader",
        )
    assert audit_rows(engine, action="create", entity="user", entity_id="kari.nordmann")
    assert "kari.nordmann" in list(app.dataframe[0].value["Brukernavn"])
    # The new user is shown; the form below it is empty, under new keys.
    assert texts(app.success) == [nb("adminpage.user_created", name="kari.nordmann")]
    assert not [w for w in app.text_input if w.key == "admin_user_new_username"]
    assert app.text_input(key="admin_user_new1_username").value == ""


def test_an_actor_user_needs_an_actor(engine: db.Engine) -> None:
    users = count(engine, User)
    app = open_admin(engine, "users")
    app.text_input(key="admin_user_new_username").input("per")
    app.selectbox(key="admin_user_new_role").set_value("actor")
    app.text_input(key="admin_user_new_password").input("kort").run()
    app.button(key="admin_user_new_save").click().run()
    assert not app.exception, app.exception
    assert node_after(app, "admin_user_new_actor_id").value == nb("user.actor_required")
    assert "12" in node_after(app, "admin_user_new_password").value
    assert count(engine, User) == users


def test_closing_and_reopening_a_quarter(engine: db.Engine) -> None:
    quarter = str(Quarter.last_finished())
    app = open_admin(engine, "quarters")
    app.button(key=f"admin_q_{quarter}_close").click().run()
    assert not app.exception, app.exception
    with db.read_session(engine) as session:
        assert session.scalar(select(ClosedPeriod.period)) == quarter
    assert [row.after for row in audit_rows(engine, action="close_quarter")] == [
        {"period": quarter}
    ]
    app.button(key=f"admin_q_{quarter}_reopen").click().run()
    assert not app.exception, app.exception
    assert count(engine, ClosedPeriod) == 0
    assert audit_rows(engine, action="reopen_quarter")


NEW_MEASURE_CSV = (
    "Kode;Tiltak;Satsingsområde;Ansvarlig;Start;Slutt\n"
    "1.99;Testtiltak fra import;1;Senja kommune;2026-Q1;2026-Q4\n"
).encode()


def test_import_dry_run_shows_changes_and_writes_nothing_then_imports(
    engine: db.Engine,
) -> None:
    measures = count(engine, Measure)
    app = open_admin(engine, "import", real_admin(engine))
    app.file_uploader(key="admin_import_file_0").set_value(
        ("tiltak.csv", NEW_MEASURE_CSV, "text/csv")
    )
    app.run()
    assert not app.exception, app.exception
    assert app.success[0].value == i18n.tn("adminpage.import_preview", 1, "nb")
    changes = list(app.dataframe[0].value[nb("adminpage.message")])
    assert any("1.99" in line for line in changes), changes
    assert count(engine, Measure) == measures
    app.button(key="admin_import_run").click().run()
    assert not app.exception, app.exception
    assert count(engine, Measure) == measures + 1
    assert measure(engine, "1.99").title == "Testtiltak fra import"
    [toast] = [shown(t.value) for t in app.toast]  # and the demo's door closed, said
    assert toast.startswith(i18n.tn("adminpage.imported", 1, "nb"))
    assert "Demokontoene er slått av" in toast
    assert app.file_uploader(key="admin_import_file_1").value is None


def test_the_demo_admin_may_not_import_and_is_told_why(engine: db.Engine) -> None:
    app = open_admin(engine, "import")
    assert not app.exception, app.exception
    assert nb("demo.retire_as_demo") in texts(app.warning)
    assert not list(app.get("file_uploader"))  # (the service refuses it as well)


def test_import_with_problems_lists_them_and_offers_no_import(engine: db.Engine) -> None:
    measures = count(engine, Measure)
    bad = "Kode;Tiltak;Satsingsområde;Ansvarlig\n1.98;;1;Senja kommune\n".encode()
    app = open_admin(engine, "import", real_admin(engine))
    app.file_uploader(key="admin_import_file_0").set_value(("tiltak.csv", bad, "text/csv"))
    app.run()
    assert not app.exception, app.exception
    assert app.error[0].value == i18n.tn("adminpage.import_problems", 1, "nb")
    problems = list(app.dataframe[0].value[nb("adminpage.message")])
    assert problems[0].startswith("Rad 2")
    assert "admin_import_run" not in [b.key for b in app.button]
    assert count(engine, Measure) == measures


def test_audit_log_lists_entries_newest_first_and_filters(engine: db.Engine) -> None:
    app = open_admin(engine, "quarters")
    app.button(key=f"admin_q_{Quarter.last_finished()}_close").click().run()
    app.session_state["admin_tab"] = nb("adminpage.tab.audit")
    app.run()
    assert not app.exception, app.exception
    table = app.dataframe[0].value
    assert len(table) > 1
    assert table.iloc[0][nb("adminpage.audit_action")] == nb("auditaction.close_quarter")
    assert table.iloc[0][nb("adminpage.audit_user")].endswith("(admin)")
    app.selectbox(key="admin_audit_user").set_value("admin").run()
    shown = list(app.dataframe[0].value[nb("adminpage.audit_user")])
    assert shown and all(who.endswith("(admin)") for who in shown)
    app.text_input(key="admin_audit_search").input("ingen slik tekst").run()
    assert app.info[0].value == nb("adminpage.audit_empty")


def test_deleting_a_theme_in_use_is_refused_with_the_reason(engine: db.Engine) -> None:
    with db.read_session(engine) as session:
        themes = list_themes(session, get_plan(session).id)
    first = int(themes["id"].iloc[0])
    app = open_admin(engine, "plan")
    app.selectbox(key="admin_theme_pick").set_value(first).run()
    app.button(key=f"admin_theme_{first}_delete").click().run()
    assert not app.exception, app.exception
    assert "kan ikke slettes" in app.error[0].value
    with db.read_session(engine) as session:
        assert len(list_themes(session, get_plan(session).id)) == len(themes)


def test_creating_and_deleting_an_actor(engine: db.Engine) -> None:
    app = open_admin(engine, "actors")
    app.text_input(key="admin_actor_new_name").input("Senja Havbruksnettverk")
    app.text_input(key="admin_actor_new_short_name").input("SHN")
    app.selectbox(key="admin_actor_new_kind").set_value("naeringsnettverk").run()
    app.button(key="admin_actor_new_save").click().run()
    assert not app.exception, app.exception
    with db.read_session(engine) as session:
        actors = list_actors(session)
    row = actors[actors["name"] == "Senja Havbruksnettverk"].iloc[0]
    assert (row["short_name"], row["kind"]) == ("SHN", "naeringsnettverk")
    # The new actor is chosen for editing; delete it again.
    assert app.selectbox(key="admin_actor_pick").value == int(row["id"])
    app.button(key=f"admin_actor_{int(row['id'])}_delete").click().run()
    assert not app.exception, app.exception
    with db.read_session(engine) as session:
        assert "Senja Havbruksnettverk" not in set(list_actors(session)["name"])
    rows = audit_rows(engine, entity="actor", entity_id="Senja Havbruksnettverk")
    assert [r.action for r in rows] == ["create", "delete"]


def test_the_page_speaks_english(engine: db.Engine) -> None:
    app = open_admin(engine, "users")
    language_switch(app).set_value("en").run()
    assert not app.exception, app.exception
    assert [t.label for t in app.tabs][-1] == "Audit log"
    # The open tab stays open although its label changed language.
    assert app.subheader[0].value == "New user"


def test_editing_the_plan_and_an_error_next_to_the_year(engine: db.Engine) -> None:
    with db.read_session(engine) as session:
        plan_id = get_plan(session).id
    prefix = f"admin_plan_{plan_id}"
    app = open_admin(engine, "plan")
    app.number_input(key=f"{prefix}_end_year").set_value(2020).run()
    app.button(key=f"{prefix}_save").click().run()
    assert not app.exception, app.exception
    assert node_after(app, f"{prefix}_end_year").value == nb(
        "admin.end_before_start", start=2024, end=2020
    )
    with db.read_session(engine) as session:
        assert get_plan(session).end_year == 2028
    app.number_input(key=f"{prefix}_end_year").set_value(2028)
    app.text_input(key=f"{prefix}_owner").input("Senja kommune, næringsavdelingen").run()
    app.button(key=f"{prefix}_save").click().run()
    assert not app.exception, app.exception
    with db.read_session(engine) as session:
        assert get_plan(session).owner == "Senja kommune, næringsavdelingen"
    assert [r.after for r in audit_rows(engine, action="update", entity="plan")] == [
        {"owner": "Senja kommune, næringsavdelingen"}
    ]


# --- Påminnelser ----------------------------------------------------------------------


def reminder_table(app: AppTest, column: str) -> Any:
    return next(frame(d) for d in app.dataframe if column in frame(d).columns)


def test_reminders_list_the_actors_and_send_through_the_mail_server(
    engine: db.Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The demo's actor users have example addresses (example.org), so reminders work
    in the demo as they would for real."""
    monkeypatch.delenv("TRACKER_SMTP_HOST", raising=False)
    app = open_admin(engine, "reminders")
    app.selectbox(key="admin_remind_quarter").set_value(str(Quarter.current())).run()
    table = reminder_table(app, nb("reminders.col.recipients")).set_index(nb("col.actor"))
    assert table.loc["Kupa", nb("reminders.col.recipients")] == "kupa@example.org"
    assert table.loc["NAV", nb("reminders.col.recipients")] == nb("reminders.no_address")
    assert nb("reminders.no_smtp") in [e.value for e in app.info]
    assert any("mailto:kupa@example.org?subject=" in m.value for m in app.markdown)
    assert not [b for b in app.button if b.key == "admin_remind_send"]

    with SMTPServer() as server:
        monkeypatch.setenv("TRACKER_SMTP_HOST", "127.0.0.1")
        monkeypatch.setenv("TRACKER_SMTP_PORT", str(server.port))
        monkeypatch.setenv("TRACKER_SMTP_SECURITY", "none")
        app.run()
        app.button(key="admin_remind_send").click().run()
    assert not app.exception, app.exception
    results = reminder_table(app, nb("reminders.col.result"))
    sent = sorted(to for recipients, _ in server.received for to in recipients)
    assert "kupa@example.org" in sent
    assert all(address.endswith("@example.org") for address in sent)
    assert sorted(results.values.tolist()) == [[to, nb("reminders.sent")] for to in sent]
    assert [e.value for e in app.success] == [nb("reminders.summary", sent=len(sent), failed=0)]
    audits = audit_rows(engine, action="remind")  # one per actor reminded
    assert sorted(to for audit in audits for to in audit.after["sent"]) == sent


# --- a second click never stores a second or a wrong record ------------------------


def test_a_double_click_creates_one_actor_and_shows_it(engine: db.Engine) -> None:
    app = open_admin(engine, "actors")
    assert nothing_to_save(app, "admin_actor_new_save")  # an empty form: nothing to save
    app.text_input(key="admin_actor_new_name").input("Senja Havbruksnettverk")
    app.text_input(key="admin_actor_new_short_name").input("SHN").run()
    double_click(app, "admin_actor_new_save")
    assert not app.exception, app.exception
    assert not app.error
    assert [
        r.action for r in audit_rows(engine, entity="actor", entity_id="Senja Havbruksnettverk")
    ] == ["create"]
    with db.read_session(engine) as session:
        actors = list_actors(session)
    row = actors[actors["name"] == "Senja Havbruksnettverk"]
    assert len(row) == 1
    # The saved form is gone (the second press came from the page before the save,
    # so the picker may show «new» again: then an empty form under a new key).
    assert not [w for w in app.text_input if w.key == "admin_actor_new_name"]
    if app.selectbox(key="admin_actor_pick").value is None:
        assert app.text_input(key="admin_actor_new1_name").value == ""
    # The saved actor in its own form (its id in the keys), with nothing to save.
    actor_id = int(row["id"].iloc[0])
    app.selectbox(key="admin_actor_pick").set_value(actor_id).run()
    assert app.text_input(key=f"admin_actor_{actor_id}_name").value == "Senja Havbruksnettverk"
    assert nothing_to_save(app, f"admin_actor_{actor_id}_save")


def test_a_double_click_on_an_edited_theme_saves_it_once_and_keeps_it(engine: db.Engine) -> None:
    with db.read_session(engine) as session:
        themes = list_themes(session, get_plan(session).id)
    theme_id = int(themes["id"].iloc[0])
    prefix = f"admin_theme_{theme_id}"
    app = open_admin(engine, "plan")
    app.selectbox(key="admin_theme_pick").set_value(theme_id).run()
    assert nothing_to_save(app, f"{prefix}_save")  # as stored: nothing to save
    app.text_input(key=f"{prefix}_name").input("Gründerskap og nye bedrifter").run()
    double_click(app, f"{prefix}_save")
    assert not app.exception, app.exception
    updates = audit_rows(engine, action="update", entity="theme")
    assert [r.after for r in updates] == [{"name": "Gründerskap og nye bedrifter"}]
    assert app.text_input(key=f"{prefix}_name").value == "Gründerskap og nye bedrifter"
    assert nothing_to_save(app, f"{prefix}_save")


def test_a_double_click_on_the_plan_form_saves_once(engine: db.Engine) -> None:
    with db.read_session(engine) as session:
        plan_id = get_plan(session).id
    prefix = f"admin_plan_{plan_id}"
    app = open_admin(engine, "plan")
    app.text_input(key=f"{prefix}_owner").input("Senja kommune, næringsavdelingen").run()
    double_click(app, f"{prefix}_save")
    assert not app.exception, app.exception
    assert len(audit_rows(engine, action="update", entity="plan")) == 1
    assert app.text_input(key=f"{prefix}_owner").value == "Senja kommune, næringsavdelingen"
    assert nothing_to_save(app, f"{prefix}_save")


def test_a_double_click_on_a_new_password_sets_it_once(engine: db.Engine) -> None:
    app = open_admin(engine, "users")
    username = app.selectbox(key="admin_user_pick").value
    prefix = f"admin_user_{username}"
    app.text_input(key=f"{prefix}_password").input("et-nytt-langt-passord")
    app.text_input(key=f"{prefix}_repeat").input("et-nytt-langt-passord").run()
    double_click(app, f"{prefix}_save")
    assert not app.exception, app.exception
    assert len(audit_rows(engine, action="set_password")) == 1
    assert app.text_input(key=f"{prefix}1_password").value == ""  # a fresh, empty form
    assert nothing_to_save(app, f"{prefix}1_save")


def test_a_common_password_is_refused_under_its_field(engine: db.Engine) -> None:
    users = count(engine, User)
    app = open_admin(engine, "users")
    app.text_input(key="admin_user_new_username").input("kari")
    app.selectbox(key="admin_user_new_role").set_value("leader")
    app.text_input(key="admin_user_new_password").input("Passord12345").run()
    app.button(key="admin_user_new_save").click().run()
    assert not app.exception, app.exception
    assert node_after(app, "admin_user_new_password").value == nb("user.password_common")
    assert count(engine, User) == users


def test_the_admin_changing_its_own_password_stays_logged_in(engine: db.Engine) -> None:
    app = open_admin(engine, "users")
    app.selectbox(key="admin_user_pick").set_value("admin").run()
    app.text_input(key="admin_user_admin_password").input("et-nytt-langt-passord")
    app.text_input(key="admin_user_admin_repeat").input("et-nytt-langt-passord").run()
    app.button(key="admin_user_admin_save").click().run()
    assert not app.exception, app.exception
    assert len(audit_rows(engine, action="set_password", entity_id="admin")) == 1
    app.run()
    assert app.session_state["principal"].username == "admin"
    with db.read_session(engine) as session:
        epoch = session.scalars(select(User.session_epoch).where(User.username == "admin")).one()
    assert app.session_state["principal"].session_epoch == epoch == 1
