"""The command line (`python -m tracker …`) through click's CliRunner, on a temporary
SQLite file named by TRACKER_DATABASE_URL."""

from __future__ import annotations

import csv
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from tracker import db, i18n
from tracker.cli import main
from tracker.demo.seed import DEMO_PASSWORDS
from tracker.errors import AuthError
from tracker.models import Actor, Measure
from tracker.service.login import authenticate
from tracker.vocab import Role

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "et-langt-passord-2025"


def run(*args: str, input: str | None = None) -> Result:
    return CliRunner().invoke(main, list(args), input=input)


def table_counts(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as connection:
        names = [
            row[0]
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        counts = {n: connection.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}
    connection.close()
    return counts


@pytest.fixture
def database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty SQLite file for the command line to use."""
    path = tmp_path / "cli.db"
    monkeypatch.setenv("TRACKER_DATABASE_URL", f"sqlite:///{path}")
    monkeypatch.delenv("TRACKER_LANG", raising=False)
    return path


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo loaded once by `demo` (slow-ish); tests get copies."""
    path = tmp_path_factory.mktemp("cli-demo") / "demo.db"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("TRACKER_DATABASE_URL", f"sqlite:///{path}")
        result = run("demo")
    assert result.exit_code == 0, result.output
    return path


@pytest.fixture
def demo_db(database: Path, demo_file: Path) -> Path:
    """A copy of the demo database at the `database` path."""
    for suffix in ("", "-wal", "-shm"):
        source = Path(str(demo_file) + suffix)
        if source.exists():
            shutil.copyfile(source, Path(str(database) + suffix))
    return database


@pytest.fixture
def session_on(database: Path) -> Iterator[Session]:
    engine = db.make_engine(f"sqlite:///{database}")
    with db.session_factory(engine)() as session:
        yield session
    engine.dispose()


# --- init, demo --------------------------------------------------------------------------


def test_init_twice(database: Path) -> None:
    for _ in range(2):
        result = run("init")
        assert result.exit_code == 0, result.output
        assert result.stdout.startswith("OK: sqlite:///") and str(database) in result.stdout
    assert {"plan", "measure", "status_update", "app_user"} <= set(table_counts(database))


def test_demo_prints_the_accounts_and_runs_once(database: Path) -> None:
    first = run("demo")
    assert first.exit_code == 0, first.output
    assert "Demo: " in first.stdout and "tiltak" in first.stdout
    assert "Demokontoer" in first.stdout
    passwords = DEMO_PASSWORDS["admin"], DEMO_PASSWORDS["kupa"]
    for account in ("admin", "sjomatklyngen", *passwords):
        assert account in first.stdout
    counts = table_counts(database)

    second = run("demo")
    assert second.exit_code == 0
    assert "allerede en plan" in second.stdout
    assert table_counts(database) == counts


# --- export and import -------------------------------------------------------------------


@pytest.mark.parametrize("name", ["plan.xlsx", "plan.csv"])
def test_export_then_dry_run_import_says_no_changes(
    demo_db: Path, tmp_path: Path, name: str
) -> None:
    path = tmp_path / name
    exported = run("export", "-o", str(path))
    assert exported.exit_code == 0, exported.output
    assert exported.stdout.strip() == f"Eksportert til {path}."
    assert path.stat().st_size > 1000
    counts = table_counts(demo_db)

    imported = run("import", str(path), "--dry-run")

    assert imported.exit_code == 0, imported.output
    assert "Ingen endringer" in imported.stdout
    assert "Prøvekjøring" in imported.stdout
    demo_names = ", ".join(DEMO_PASSWORDS)
    assert imported.stderr.strip() == i18n.t("demo.would_retire", "nb", names=demo_names)
    assert table_counts(demo_db) == counts


def test_export_needs_xlsx_or_csv(demo_db: Path, tmp_path: Path) -> None:
    result = run("export", "-o", str(tmp_path / "plan.pdf"))
    assert result.exit_code == 2
    assert ".xlsx" in result.stderr


def test_export_without_a_plan_fails_clearly(database: Path, tmp_path: Path) -> None:
    run("init")
    result = run("export", "-o", str(tmp_path / "plan.xlsx"))
    assert result.exit_code == 1
    assert "ingen plan" in result.stderr
    assert not (tmp_path / "plan.xlsx").exists()


def _write(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle, delimiter=";").writerows(rows)
    return path


HEADER = ["Kode", "Tiltak", "Satsingsområde", "Ansvarlig", "Periode", "Status", "Notat"]


def test_import_of_a_bad_file_exits_1_with_every_row_error(demo_db: Path, tmp_path: Path) -> None:
    path = _write(
        tmp_path / "feil.csv",
        [
            HEADER,
            ["9.1", "Gyldig", "1", "Kupa", "2025", "", ""],
            ["9.2", "Feil periode", "1", "Kupa", "i morgen", "", ""],
            ["9.3", "Uten ansvarlig", "1", "", "2025", "", ""],
            ["9.4", "Feil status", "1", "Kupa", "2025", "kanskje", ""],
        ],
    )
    counts = table_counts(demo_db)

    result = run("import", str(path))

    assert result.exit_code == 1
    assert "Rad 3, kolonne «Periode»" in result.stderr
    assert "Rad 4, kolonne «Ansvarlig»" in result.stderr
    assert "Rad 5, kolonne «Status»" in result.stderr
    assert "«Notat»" in result.stderr  # the notice about the ignored column
    assert "Ny:" not in result.stdout
    assert table_counts(demo_db) == counts

    english = run("--lang", "en", "import", str(path))
    assert english.exit_code == 1
    assert "Row 3, column “Periode”" in english.stderr
    assert "Rad " not in english.stderr


def test_lang_from_the_environment(
    demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TRACKER_LANG", "en")
    path = _write(tmp_path / "feil.csv", [HEADER, ["9.2", "Feil", "1", "Kupa", "aldri", "", ""]])
    result = run("import", str(path))
    assert result.exit_code == 1
    assert "Row 2, column “Periode”" in result.stderr


def test_import_writes_and_reports_the_changes(demo_db: Path, tmp_path: Path) -> None:
    path = _write(
        tmp_path / "nytt.csv",
        [HEADER[:6], ["9.1", "Sjømatløft på yttersida", "1", " kupa ", "2025–2026", "Pågår"]],
    )
    dry = run("import", str(path), "--dry-run")
    assert dry.exit_code == 0
    assert "Ny: Tiltak «9.1»" in dry.stdout and "Prøvekjøring" in dry.stdout

    result = run("import", str(path))
    assert result.exit_code == 0, result.output
    assert "Ny: Tiltak «9.1»" in result.stdout
    assert "Prøvekjøring" not in result.stdout
    engine = db.make_engine(f"sqlite:///{demo_db}")
    with db.session_factory(engine)() as session:
        measure = session.query(Measure).filter_by(code="9.1").one()
        assert measure.title == "Sjømatløft på yttersida"
        lead = session.get(Actor, measure.lead_actor_id)
        assert lead is not None and lead.name == "Kupa"
    engine.dispose()
    again = run("import", str(path))
    assert again.exit_code == 0 and "Ingen endringer" in again.stdout


@pytest.mark.parametrize(("lang", "words"), [("nb", "Fant ikke fila"), ("en", "Found no file")])
def test_import_of_a_missing_file_says_so_in_the_chosen_language(
    database: Path, tmp_path: Path, lang: str, words: str
) -> None:
    result = run("--lang", lang, "import", str(tmp_path / "finnes-ikke.xlsx"))
    assert result.exit_code == 1
    assert words in result.stderr
    assert "does not exist" not in result.output + result.stderr


def test_import_of_a_fifo_is_refused_without_waiting(database: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "tiltak.csv"
    os.mkfifo(fifo)
    result = run("import", str(fifo))  # read_path's own tests prove it in a child process
    assert result.exit_code == 1 and "ikke en vanlig fil" in result.stderr


def test_import_of_a_broken_xlsx_exits_1(database: Path, tmp_path: Path) -> None:
    path = tmp_path / "ødelagt.xlsx"
    path.write_bytes(b"PK\x03\x04 ikke en ekte fil")
    result = run("import", str(path))
    assert result.exit_code == 1
    assert "er ikke en gyldig Excel-fil" in result.stderr
    assert "BadZipFile" not in result.stderr and "Error" not in result.stderr


# --- users -------------------------------------------------------------------------------


def test_user_add_reads_the_password_from_stdin(demo_db: Path, session_on: Session) -> None:
    result = run(
        "user", "add", "Kari", "--role", "admin", "--name", "Kari Ø.", input=PASSWORD + "\n"
    )
    assert result.exit_code == 0, result.output
    assert "Bruker «kari» opprettet." in result.stdout
    assert PASSWORD not in result.output

    principal = authenticate(session_on, "kari", PASSWORD)
    assert principal.role == Role.ADMIN and principal.display_name == "Kari Ø."
    with pytest.raises(AuthError):
        authenticate(session_on, "kari", "feil-passord-123")


def test_user_add_for_an_actor(demo_db: Path, session_on: Session) -> None:
    result = run(
        "user", "add", "ola", "--role", "actor", "--actor", " sjømatklyngen ", input=PASSWORD + "\n"
    )
    assert result.exit_code == 0, result.output
    principal = authenticate(session_on, "ola", PASSWORD)
    session_on.commit()  # a login writes (its attempt): end it before the next command
    actor = session_on.get(Actor, principal.actor_id)
    assert actor is not None and actor.name == "Sjømatklyngen Senja"

    listed = run("user", "list")
    assert (
        listed.exit_code == 0 and "ola" in listed.stdout and "Sjømatklyngen Senja" in listed.stdout
    )


@pytest.mark.parametrize(
    ("args", "password", "message"),
    [
        (["kort", "--role", "admin"], "kort", "minst 12 tegn"),
        (["kari", "--role", "admin"], "passord12345", "blant de vanligste"),
        (["kari", "--role", "admin"], "kari-sitt-passord", "inneholde brukernavnet"),
        (["\u0430dmin", "--role", "admin"], PASSWORD, "Brukernavn må være"),
        (["admin", "--role", "admin"], PASSWORD, "er tatt"),
        (["ola", "--role", "actor"], PASSWORD, "må høre til en aktør"),
        (["ola", "--role", "actor", "--actor", "Finnes ikke"], PASSWORD, "Fant ikke aktøren"),
        (["ola", "--role", "leader", "--actor", "Kupa"], PASSWORD, "Bare brukere med rollen"),
        (["x", "--role", "admin"], PASSWORD, "Brukernavn må være"),
    ],
)
def test_user_add_refusals_exit_1(
    demo_db: Path, args: list[str], password: str, message: str
) -> None:
    counts = table_counts(demo_db)
    result = run("user", "add", *args, input=password + "\n")
    assert result.exit_code == 1
    assert message in result.stderr
    assert table_counts(demo_db) == counts


def test_user_add_with_an_unknown_role_is_a_usage_error(demo_db: Path) -> None:
    result = run("user", "add", "ola", "--role", "sjef", input=PASSWORD + "\n")
    assert result.exit_code == 2


def test_user_add_short_password_in_english(demo_db: Path) -> None:
    result = run("--lang", "en", "user", "add", "kari", "--role", "admin", input="kort\n")
    assert result.exit_code == 1
    assert "at least 12 characters" in result.stderr


def test_user_passwd(demo_db: Path, session_on: Session) -> None:
    assert run("user", "add", "kari", "--role", "leader", input=PASSWORD + "\n").exit_code == 0
    new = "et-nytt-passord-2026"

    result = run("user", "passwd", "kari", input=new + "\n")

    assert result.exit_code == 0, result.output
    assert "Nytt passord satt for «kari»." in result.stdout
    assert authenticate(session_on, "kari", new).username == "kari"
    session_on.commit()
    with pytest.raises(AuthError):
        authenticate(session_on, "kari", PASSWORD)
    session_on.commit()

    assert run("user", "passwd", "kari", input="kort\n").exit_code == 1
    common = run("--lang", "en", "user", "passwd", "kari", input="qwertyuiop123\n")
    assert common.exit_code == 1 and "most common" in common.stderr
    missing = run("user", "passwd", "finnes.ikke", input=new + "\n")
    assert missing.exit_code == 1 and "Fant ikke brukeren" in missing.stderr


# --- close-quarter -----------------------------------------------------------------------


def test_close_quarter(demo_db: Path) -> None:
    first = run("close-quarter", "2025-Q3")
    assert first.exit_code == 0, first.output
    assert first.stdout.strip() == "Kvartalet 2025-Q3 er lukket."

    second = run("close-quarter", "2025-Q3")
    assert second.exit_code == 1
    assert "allerede lukket" in second.stderr

    english = run("--lang", "en", "close-quarter", "2025-q3")
    assert english.exit_code == 1 and "already closed" in english.stderr

    reopened = run("close-quarter", "2025-Q3", "--reopen")
    assert reopened.exit_code == 0 and "åpnet igjen" in reopened.stdout
    assert run("close-quarter", "2025-Q3", "--reopen").exit_code == 1


@pytest.mark.parametrize("quarter", ["bogus", "2025-Q5", "2025", "Q3"])
def test_close_quarter_bogus_is_a_usage_error(demo_db: Path, quarter: str) -> None:
    result = run("close-quarter", quarter)
    assert result.exit_code == 2
    assert "ikke et kvartal" in result.stderr


def test_close_quarter_without_a_plan(database: Path) -> None:
    run("init")
    no_plan = run("close-quarter", "2025-Q3")
    assert no_plan.exit_code == 1 and "ingen plan" in no_plan.stderr


def test_close_a_future_quarter_is_refused(demo_db: Path) -> None:
    result = run("close-quarter", "2099-Q1")
    assert result.exit_code == 1
    assert "ikke ferdig" in result.stderr


@pytest.mark.parametrize("quarter", ["0000-Q1", "9999-Q4"])
def test_close_quarter_out_of_range_year_fails_clearly(demo_db: Path, quarter: str) -> None:
    result = run("close-quarter", quarter)
    assert result.exit_code in (1, 2)
    assert isinstance(result.exception, SystemExit), result.exception
    assert result.stderr.strip()


# --- backup ------------------------------------------------------------------------------


def test_backup_makes_a_valid_copy(demo_db: Path, tmp_path: Path) -> None:
    target = tmp_path / "kopi.db"

    result = run("backup", str(target))

    assert result.exit_code == 0, result.output
    assert "Sikkerhetskopi skrevet til" in result.stdout
    with sqlite3.connect(target) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    connection.close()
    counts = table_counts(target)
    assert counts == table_counts(demo_db)
    assert counts["measure"] > 10 and counts["status_update"] > 100


def test_backup_to_an_unwritable_place_fails_clearly(demo_db: Path, tmp_path: Path) -> None:
    result = run("backup", str(tmp_path / "finnes-ikke" / "kopi.db"))
    assert result.exit_code == 1
    assert isinstance(result.exception, SystemExit), result.exception
    assert result.stderr.strip()


def test_backup_of_postgresql_says_use_pg_dump(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("TRACKER_DATABASE_URL", "postgresql://nobody@127.0.0.1:1/tracker")
    result = run("backup", str(tmp_path / "kopi.db"))
    assert result.exit_code == 1
    assert "pg_dump" in result.stderr
    assert not (tmp_path / "kopi.db").exists()
    english = run("--lang", "en", "backup", str(tmp_path / "kopi.db"))
    assert english.exit_code == 1 and "back it up with pg_dump" in english.stderr


# --- python -m tracker ----------------------------------------------------------------------


def test_python_m_tracker_help(tmp_path: Path) -> None:
    env = dict(os.environ, TRACKER_DATABASE_URL=f"sqlite:///{tmp_path / 'help.db'}")
    done = subprocess.run(
        [sys.executable, "-m", "tracker", "--help"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    for command in ("init", "demo", "import", "export", "user", "close-quarter", "backup"):
        assert command in done.stdout
    assert "--lang" in done.stdout
    assert not (tmp_path / "help.db").exists()  # help touches no database


def test_summary_and_calendar_from_the_command_line(demo_db: Path, tmp_path: Path) -> None:
    """What a cron job would run: the quarterly summary and the wheel's calendar."""
    summary = tmp_path / "rapport.csv"
    result = run("summary", "--quarter", "2025-Q3", "-o", str(summary), "--by", "cron")
    assert result.exit_code == 0, result.output
    assert "2025-Q3" in result.output
    assert summary.read_bytes().startswith("\ufeffNr.;Tiltak;".encode())
    bad = run("summary", "--quarter", "2025-Q9", "-o", str(summary))
    assert bad.exit_code == 2 and "Ukjent kvartal «2025-Q9»" in bad.output

    feed = tmp_path / "kupa.ics"
    result = run("calendar", "--actor", "Kupa", "-o", str(feed))
    assert result.exit_code == 0, result.output
    text = feed.read_text(encoding="utf-8")
    assert "SUMMARY:Søknadsfrist: inkubatorprogrammet" in text and "RRULE:FREQ=YEARLY" in text


@pytest.mark.parametrize("same", ["path", "wal", "link"])
def test_backup_onto_the_live_database_refuses(demo_db: Path, tmp_path: Path, same: str) -> None:
    """Issue 12: `backup` to the live database's own path (or its WAL file, or a link
    to it) would overwrite the database being copied; it refuses and changes nothing."""
    target = {"path": demo_db, "wal": Path(f"{demo_db}-wal"), "link": tmp_path / "lenke.db"}[same]
    if same == "link":
        target.symlink_to(demo_db)
    before = table_counts(demo_db)
    result = run("backup", str(target))
    assert result.exit_code == 1
    assert isinstance(result.exception, SystemExit), result.exception
    assert "selve databasen" in result.stderr
    assert table_counts(demo_db) == before


@pytest.mark.parametrize(
    "args",
    [
        ["export", "-o", "/nonexistent/d/plan.xlsx"],
        ["summary", "-o", "/nonexistent/d/x.csv", "--quarter", "2025-Q1"],
        ["calendar", "-o", "/nonexistent/d/x.ics"],
    ],
    ids=["export", "summary", "calendar"],
)
def test_a_file_that_cannot_be_written_is_one_norwegian_line(
    demo_db: Path, args: list[str]
) -> None:
    result = run(*args)
    assert result.exit_code == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert result.stderr.strip() == (
        "Kunne ikke bruke fila «/nonexistent/d/" + Path(args[2]).name
        + "»: mappen eller fila finnes ikke."
    )  # fmt: skip


# --- a database that refuses or is not there -------------------------------------------


def closed_port() -> int:
    """A local TCP port nothing listens on (bound, then let go)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.parametrize("lang", ["nb", "en"])
@pytest.mark.parametrize("args", [["init"], ["user", "list"]], ids=["init", "user-list"])
def test_a_database_that_is_not_there_is_one_line_in_the_chosen_language(
    monkeypatch: pytest.MonkeyPatch, lang: str, args: list[str]
) -> None:
    url = f"postgresql+psycopg://tracker:hemmelig@127.0.0.1:{closed_port()}/ingen"
    monkeypatch.setenv("TRACKER_DATABASE_URL", url)
    result = run("--lang", lang, *args)
    assert result.exit_code == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)
    shown = url.replace("hemmelig", "***")  # the password is never printed
    assert result.stderr.strip() == i18n.t("cli.database_unavailable", lang, url=shown)


def test_a_database_url_that_is_none_is_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRACKER_DATABASE_URL", "ikke-en-url")
    result = run("init")
    assert result.exit_code == 1
    assert result.stderr.strip() == i18n.t("cli.database_url_invalid", "nb")


def test_a_clash_in_the_database_is_one_line_and_rolled_back(
    demo_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another writer took the same unique value first: the database refuses it."""
    import tracker.service.users as users

    def clashing(session: Session, **_: object) -> None:
        session.add(Actor(name="Ny aktør"))
        session.flush()
        raise IntegrityError("INSERT INTO app_user …", {}, Exception("UNIQUE username"))

    monkeypatch.setattr(users, "create_user", clashing)
    counts = table_counts(demo_db)
    result = run("user", "add", "ola", "--role", "admin", input=PASSWORD + "\n")
    assert result.exit_code == 1
    assert result.stderr.strip() == i18n.t("db.clash", "nb")
    assert table_counts(demo_db) == counts
