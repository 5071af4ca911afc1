"""The demo's accounts have published passwords: no door into a real deployment.
The demo marks its accounts; it refuses a database in real use; a real import
switches them off (a demo account may not import); a fresh install's first account
is made by the first screen, once; the migration marks an old demo's accounts where
the published password still works."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import Connection, Engine, select, text
from sqlalchemy.orm import Session

from tests.apptest_helpers import DEMO_NOW, app, demo_database, login, no_exception
from tests.migration_helpers import upgrade_to
from tracker import db, i18n
from tracker.cli import main as cli
from tracker.demo.seed import DEMO_PASSWORDS, load_demo
from tracker.errors import AuthError, PermissionDenied, ValidationError
from tracker.models import User
from tracker.planfile.export import export_plan
from tracker.planfile.importer import import_path
from tracker.service.demo_accounts import active_demo_usernames
from tracker.service.login import authenticate
from tracker.service.principal import SYSTEM, Principal
from tracker.service.setup import create_first_admin, needs_first_admin
from tracker.service.structure import list_plans
from tracker.service.users import create_user, set_active
from tracker.vocab import Role


def _exported_plan(session: Session, tmp_path: Path) -> Path:
    path = tmp_path / "plan.xlsx"
    plan_id = int(list_plans(session)["id"].iloc[0])
    export_plan(session, plan_id, path)
    return path


def test_the_demo_marks_its_accounts(session: Session) -> None:
    load_demo(session, now=DEMO_NOW)
    assert active_demo_usernames(session) == list(DEMO_PASSWORDS)


def test_the_demo_refuses_a_database_in_real_use(session: Session) -> None:
    create_user(session, user=SYSTEM, username="kari", role=Role.ADMIN, password=None)
    with pytest.raises(ValidationError) as refused:
        load_demo(session, now=DEMO_NOW)
    assert refused.value.problems[0].key == "demo.real_database"
    assert session.scalar(select(User.id).where(User.is_demo.is_(True))) is None


def test_a_real_import_switches_the_demo_accounts_off_saying_so(
    session: Session, tmp_path: Path
) -> None:
    load_demo(session, now=DEMO_NOW)
    path = _exported_plan(session, tmp_path)
    tried = import_path(session, user=SYSTEM, path=path, dry_run=True)
    assert tried.ok and active_demo_usernames(session) == list(DEMO_PASSWORDS)
    assert "demo.would_retire" in [n.key for n in tried.notices]
    result = import_path(session, user=SYSTEM, path=path)
    assert result.ok, result.lines()
    said = [n.text("nb") for n in result.notices if n.key == "demo.retired"]
    assert said and "admin" in said[0] and "offentlige" in said[0]
    assert active_demo_usernames(session) == []
    with pytest.raises(AuthError):
        authenticate(session, "admin", DEMO_PASSWORDS["admin"])


def test_a_real_admin_importing_closes_the_door_too(session: Session, tmp_path: Path) -> None:
    load_demo(session, now=DEMO_NOW)
    kari_id = create_user(
        session, user=SYSTEM, username="kari", role=Role.ADMIN, password="et langt passord 2026"
    )
    kari = Principal.of(session.get_one(User, kari_id))
    assert import_path(session, user=kari, path=_exported_plan(session, tmp_path)).ok
    assert active_demo_usernames(session) == []
    assert authenticate(session, "kari", "et langt passord 2026").username == "kari"


def test_a_demo_account_may_not_import(session: Session, tmp_path: Path) -> None:
    load_demo(session, now=DEMO_NOW)
    admin = Principal.of(session.scalars(select(User).where(User.username == "admin")).one())
    path = _exported_plan(session, tmp_path)
    result = import_path(session, user=admin, path=path)
    assert not result.ok and [p.key for p in result.problems] == ["demo.retire_as_demo"]
    assert active_demo_usernames(session) == list(DEMO_PASSWORDS)


def test_the_first_admin_is_made_once(session: Session) -> None:
    assert needs_first_admin(session)
    first = create_first_admin(
        session, username="kari", password="et langt passord 2026", display_name="Kari"
    )
    assert first.role == Role.ADMIN and not needs_first_admin(session)
    with pytest.raises(PermissionDenied):
        create_first_admin(session, username="ola", password="et annet langt passord")
    assert authenticate(session, "kari", "et langt passord 2026").user_id == first.user_id


def test_the_cli_demo_refuses_a_real_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = f"sqlite:///{tmp_path / 'real.db'}"
    monkeypatch.setenv(db.URL_VARIABLE, url)
    engine = db.make_engine(url)
    db.migrate(engine)
    with db.transaction(engine) as session:
        create_user(session, user=SYSTEM, username="kari", role=Role.ADMIN, password=None)
    engine.dispose()
    result = CliRunner().invoke(cli, ["demo"])
    assert result.exit_code != 0
    assert i18n.t("demo.real_database", "nb") in result.output


# --- the app -----------------------------------------------------------------------


def test_every_page_says_the_demo_accounts_are_live(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    with demo_database(tmp_path_factory, "door") as database:
        at = app()
        no_exception(at)
        assert any("admin" in w.value and "offentlige" in w.value for w in at.warning)
        at = login(app(), "ordforer")
        no_exception(at)
        assert any("offentlige" in w.value for w in at.warning)
        with database.transaction() as session:
            for account in session.scalars(select(User).where(User.is_demo.is_(True))):
                account.active = False
            db.bump_revision(session)
        at = app()
        assert not any("offentlige" in w.value for w in at.warning)
        assert i18n.t("login.demo_accounts", "nb") not in [e.label for e in at.expander]


def test_a_fresh_install_opens_on_the_first_admin_screen(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    with demo_database(tmp_path_factory, "fresh", demo=False) as database:
        at = app()
        no_exception(at)
        assert at.subheader[0].value == i18n.t("setup.heading", "nb")
        at.text_input(key="setup_username").input("kari")
        at.text_input(key="setup_password").input("et langt passord 2026")
        at.text_input(key="setup_again").input("et langt passord 2026x")
        at.form(key="first_admin").form_submit_button[0].click()
        at.run()
        assert [e.value for e in at.error] == [i18n.t("setup.passwords_differ", "nb")]
        at.text_input(key="setup_again").input("et langt passord 2026")
        at.form(key="first_admin").form_submit_button[0].click()
        at.run()
        no_exception(at)
        # The login follows (its route gives the browser the session cookie).
        assert i18n.t("setup.made", "nb", username="kari") in [s.value for s in at.success]
        login_form = at.get("html")[0].proto.body
        assert 'action="/logg-inn"' in login_form and 'value="kari"' in login_form
        with database.session() as session:
            assert not needs_first_admin(session)


# --- the migration -----------------------------------------------------------------


def test_the_upgrade_marks_old_demo_accounts_whose_password_still_works(
    tmp_path: Path, postgres_scratch_url: str | None
) -> None:
    urls = [f"sqlite:///{tmp_path / 'old.db'}", postgres_scratch_url]
    for url in [u for u in urls if u]:
        engine = db.make_engine(url)
        try:
            upgrade_to(engine, "0005")
            with engine.begin() as connection:
                _old_accounts(connection)
            db.migrate(engine)
            with engine.connect() as connection:
                marks = dict(
                    connection.execute(text("SELECT username, is_demo FROM app_user")).all()
                )
        finally:
            engine.dispose()
        assert {k: bool(v) for k, v in marks.items()} == {
            "admin": True, "ordforer": False, "kari": False, "kupa": True,
        }  # fmt: skip


def _old_accounts(connection: Connection) -> None:
    from argon2 import PasswordHasher

    hasher = PasswordHasher()

    accounts = {
        "admin": "demo-admin-2024",  # the password the demo published then: a door
        "ordforer": "changed to something of its own",  # changed: no door
        "kari": "demo-admin-2024",  # not a demo name
        "kupa": "demo-kupa-2024",
    }
    for number, (name, password) in enumerate(accounts.items(), start=1):
        connection.execute(
            text(
                "INSERT INTO app_user (id, username, display_name, password_hash, role, active, "
                "failed_logins, created_at) VALUES (:id, :name, :name, :hash, 'admin', TRUE, 0, "
                "'2025-01-01 00:00:00')"
            ),
            {"id": number, "name": name, "hash": hasher.hash(password)},
        )


def test_a_second_press_on_the_first_admin_screen_goes_on_to_the_login(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """A double click: the first press made the account, the second finds it there
    and shows the login, with no error."""
    with demo_database(tmp_path_factory, "twice", demo=False) as database:
        at = app()
        with database.transaction() as session:  # the first press, committed meanwhile
            revision = db.data_revision(session)
            create_first_admin(session, username="kari", password="et langt passord 2026")
            # as the second press's run read it: before the first press's commit
            session.execute(text("UPDATE data_revision SET revision = :r"), {"r": revision})
        at.text_input(key="setup_username").input("kari")
        at.text_input(key="setup_password").input("et langt passord 2026")
        at.text_input(key="setup_again").input("et langt passord 2026")
        at.form(key="first_admin").form_submit_button[0].click()
        at.run()
        no_exception(at)
        assert 'action="/logg-inn"' in at.get("html")[0].proto.body
        assert at.subheader[0].value == i18n.t("login.heading", "nb")
        assert not at.error


def test_two_browsers_on_a_fresh_install_make_one_first_admin(engine: Engine) -> None:
    """The second waits for the first's commit, then finds an account and is refused."""
    import threading

    outcome: list[str] = []

    def second() -> None:
        with db.transaction(engine) as other:
            try:
                create_first_admin(other, username="ola", password="et annet langt passord")
                outcome.append("made")
            except PermissionDenied:
                outcome.append("refused")

    with db.transaction(engine) as first:
        create_first_admin(first, username="kari", password="et langt passord 2026")
        thread = threading.Thread(target=second)
        thread.start()
        thread.join(1.5)  # it waits on the first's lock (or, if not, is done already)
    thread.join(30)
    with db.read_session(engine) as session:
        names = list(session.scalars(select(User.username)))
    assert outcome == ["refused"] and names == ["kari"]


def test_an_account_made_by_a_demo_account_goes_with_the_demo(
    session: Session, tmp_path: Path
) -> None:
    """Made through the published door (the reviewer's «drift»): switched off too."""
    load_demo(session, now=DEMO_NOW)
    admin = Principal.of(session.scalars(select(User).where(User.username == "admin")).one())
    create_user(session, user=admin, username="drift", role=Role.ADMIN,
                password="bakdoer-passord-42")  # fmt: skip
    assert import_path(session, user=SYSTEM, path=_exported_plan(session, tmp_path)).ok
    assert active_demo_usernames(session) == []
    with pytest.raises(AuthError):
        authenticate(session, "drift", "bakdoer-passord-42")


def test_a_switched_off_demo_account_cannot_be_switched_on(
    session: Session, tmp_path: Path
) -> None:
    load_demo(session, now=DEMO_NOW)
    kari_id = create_user(
        session, user=SYSTEM, username="kari", role=Role.ADMIN, password="et langt passord 2026"
    )
    kari = Principal.of(session.get_one(User, kari_id))
    assert import_path(session, user=kari, path=_exported_plan(session, tmp_path)).ok
    with pytest.raises(ValidationError) as refused:
        set_active(session, user=kari, username="admin", active=True)
    assert refused.value.problems[0].key == "demo.no_reactivation"


def test_the_demo_refuses_a_database_with_a_plan_of_its_own(
    session: Session, tmp_path: Path
) -> None:
    """A real plan imported from the command line, before any account was made."""
    path = tmp_path / "plan"  # a folder of CSV files, here only its plan
    path.mkdir()
    (path / "plan.csv").write_text(
        "Navn;Startår;Sluttår\nNæringsplan for Eksempel kommune;2025;2029\n", encoding="utf-8"
    )
    result = import_path(session, user=SYSTEM, path=path)
    assert result.ok, result.lines()
    with pytest.raises(ValidationError):
        load_demo(session, now=DEMO_NOW)
    assert active_demo_usernames(session) == []
