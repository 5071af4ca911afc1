"""Admin → Import as the admin uses it: the dry run says how the file was read (the
sheet, the header row, which column became which field, the first rows as they
will be stored) and lets the user pick the sheet and change a column's meaning; the
import report can be downloaded; a double click imports once; a fresh install's
first screen offers «Importer planen din» beside «Last inn demoen».

The reader is stood in for here (its Layout following the choices), around the
real reader."""

from __future__ import annotations

import inspect
import io
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from streamlit.testing.v1 import AppTest

from tests.apptest_helpers import (
    AppDatabase,
    app,
    copy_database,
    double_click,
    fresh_database,
    no_exception,
    shown,
    table_with,
    template,
    texts,
)
from tracker import db, i18n
from tracker.models import AuditLog, Measure, Plan, User
from tracker.planfile.importer import import_tables
from tracker.planfile.layout import Layout
from tracker.planfile.read import read_bytes as real_read_bytes
from tracker.service.principal import SYSTEM, Principal
from tracker.service.users import create_user
from tracker.vocab import Status
from ui.admin import import_layout as admin_import_layout
from ui.admin import import_tab as admin_import

CSV = (
    "Kode;Tiltak;Satsingsområde;Ansvarlig;Start;Slutt\n"
    "1.99;Testtiltak fra import;1;Senja kommune;2026-Q1;2026-Q4\n"
).encode()
BAD_CSV = "Kode;Tiltak;Satsingsområde;Ansvarlig\n1.98;;1;Senja kommune\n".encode()
SHEETS = ["Handlingsdel 2024-2028", "Gammel handlingsdel"]


def nb(key: str, **params: Any) -> str:
    return i18n.t(key, "nb", **params)


class Reader:
    """read_bytes as the contract has it: the real reader's tables, with a Layout
    that follows the choices (sheet, columns); every call noted."""

    def __init__(self) -> None:
        self.calls: list[dict[str, Any]] = []

    def __call__(
        self,
        data: bytes,
        filename: str,
        *,
        sheet: str | None = None,
        columns: dict[str, str] | None = None,
    ) -> Any:
        self.calls.append({"sheet": sheet, "columns": columns})
        tables = real_read_bytes(data, filename)
        read = {"Kode": "code", "Tiltak": "title", "Satsingsområde": "theme", "Ansvarlig": None}
        read.update(columns or {})
        tables.layouts = [  # type: ignore[attr-defined]
            Layout(
                sheet or SHEETS[0],
                4,
                [*((header, key or None) for header, key in read.items()), ("", None)],
                SHEETS,
                first_rows=[(5, {"code": "1.99", "title": "Testtiltak fra import", "theme": "1"})],
            )
        ]
        return tables


def label(key: str) -> str:
    """A field's label as the page gives it (importfield.<key>, once the reader has it)."""
    wanted = f"importfield.{key}"
    return nb(wanted) if wanted in i18n.CATALOGUE else {"lead": "Ansvarlig"}[key]


@pytest.fixture
def reader(monkeypatch: pytest.MonkeyPatch) -> Reader:
    stand_in = Reader()
    monkeypatch.setattr(admin_import_layout, "read_bytes", stand_in)
    return stand_in


@pytest.fixture
def demo(
    tmp_path_factory: pytest.TempPathFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> AppDatabase:
    return fresh_database(tmp_path_factory, tmp_path, monkeypatch)


@pytest.fixture
def empty(
    tmp_path_factory: pytest.TempPathFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> AppDatabase:
    """A fresh install after `init`: no plan, one admin of the municipality's own."""
    database = copy_database(template(tmp_path_factory, demo=False), tmp_path / "app.db")
    monkeypatch.setenv(db.URL_VARIABLE, database.url)
    return database


def real_admin(database: AppDatabase) -> Principal:
    with database.transaction() as session:
        user_id = create_user(session, user=SYSTEM, username="kari", role="admin", password=None)
        return Principal.of(session.get_one(User, user_id))


def import_tab(database: AppDatabase) -> AppTest:
    at = app(
        real_admin(database),
        page="app_pages/admin.py",
        state={"admin_tab": nb("adminpage.tab.import")},
    )
    no_exception(at)
    return at


def upload(at: AppTest, content: bytes = CSV, name: str = "tiltak.csv") -> AppTest:
    uploader = at.get("file_uploader")[0]  # its key has the round: a new one after an import
    uploader.set_value((name, content, "text/csv"))
    at.run()
    no_exception(at)
    return at


def count(database: AppDatabase, model: Any) -> int:
    with database.session() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


# --- how the file was read -------------------------------------------------------------


def test_the_dry_run_shows_the_sheet_header_row_columns_and_first_rows(
    demo: AppDatabase, reader: Reader, monkeypatch: pytest.MonkeyPatch
) -> None:
    with_preview(monkeypatch, [])  # no preview: the first rows as read
    measures = count(demo, Measure)
    at = upload(import_tab(demo))
    said = texts(at.markdown)
    assert nb("importpage.read_sheet", sheet=SHEETS[0], row=4) in said
    columns = table_with(at, nb("importpage.file_column"))
    assert list(columns[nb("importpage.file_column")]) == [
        "Kode", "Tiltak", "Satsingsområde", "Ansvarlig"
    ]  # fmt: skip
    assert list(columns[nb("importpage.field")])[-1] == nb("importpage.ignored")
    rows = table_with(at, nb("importreport.row"))
    assert list(rows[nb("importreport.row")]) == [5]
    assert "Testtiltak fra import" in rows.iloc[0].tolist()
    assert count(demo, Measure) == measures  # nothing written yet


def test_the_reading_is_said_in_english_too(demo: AppDatabase, reader: Reader) -> None:
    at = app(
        real_admin(demo),
        "en",
        page="app_pages/admin.py",
        state={"admin_tab": i18n.t("adminpage.tab.import", "en")},
    )
    upload(at)
    assert i18n.t("importpage.read_sheet", "en", sheet=SHEETS[0], row=4) in texts(at.markdown)
    columns = table_with(at, i18n.t("importpage.file_column", "en"))
    assert list(columns[i18n.t("importpage.field", "en")])[-1] == i18n.t("importpage.ignored", "en")


PREVIEW = [
    {
        "code": "1.99",
        "title": "Testtiltak fra import",
        "theme": "1 Attraktiv",
        "lead": "Senja kommune",
        "partners": ["NAV", "Plan- og byggesaksavdelingen"],
        "start": "2025-Q1",
        "end": "2028-Q4",
        "status": "in_progress",
    },
    {"code": "1.98", "title": "Uten status", "theme": "1 Attraktiv", "lead": "Senja kommune",
     "partners": [], "start": "2026-Q1", "end": "2026-Q4", "status": None},
]  # fmt: skip


def with_preview(monkeypatch: pytest.MonkeyPatch, preview: list[dict[str, Any]]) -> None:
    """import_tables as it is, its result carrying the preview (ImportResult.preview)."""

    def previewing(session: Any, **kwargs: Any) -> Any:
        result = import_tables(session, **kwargs)
        result.preview = preview
        return result

    monkeypatch.setattr(admin_import, "import_tables", previewing)


def test_the_first_rows_are_shown_as_they_will_be_stored(
    demo: AppDatabase, reader: Reader, monkeypatch: pytest.MonkeyPatch
) -> None:
    with_preview(monkeypatch, PREVIEW)
    at = upload(import_tab(demo))
    rows = table_with(at, label("partners"))
    assert list(rows[label("code")]) == ["1.99", "1.98"]
    assert list(rows[label("lead")]) == ["Senja kommune"] * 2
    assert rows[label("partners")][0] == "NAV, Plan- og byggesaksavdelingen"
    assert list(rows[nb("col.span")]) == ["2025-Q1 – 2028-Q4", "2026-Q1 – 2026-Q4"]
    assert rows[label("status")][0] == i18n.label(Status.IN_PROGRESS, "nb")
    assert rows[label("status")][1] in ("", None)
    assert nb("importpage.first_rows") in texts(at.caption)


def test_picking_another_sheet_reads_that_sheet(demo: AppDatabase, reader: Reader) -> None:
    at = upload(import_tab(demo))
    assert nb("importpage.several_sheets", sheets=", ".join(SHEETS)) in texts(at.caption)
    at.selectbox(key=admin_import_layout.SHEET_KEY).select(SHEETS[1]).run()
    no_exception(at)
    assert reader.calls[-1] == {"sheet": SHEETS[1], "columns": None}
    assert nb("importpage.read_sheet", sheet=SHEETS[1], row=4) in texts(at.markdown)


def test_changing_a_columns_meaning_reads_the_file_again_with_it(
    demo: AppDatabase, reader: Reader
) -> None:
    at = upload(import_tab(demo))
    assert reader.calls[-1] == {"sheet": None, "columns": None}  # nothing chosen: as read
    picker = at.selectbox(key=f"{admin_import_layout.COLUMN_PREFIX}3")
    assert shown(picker.label) == "Ansvarlig" and picker.value == admin_import_layout.IGNORED
    picker.select("lead").run()
    no_exception(at)
    assert reader.calls[-1] == {"sheet": None, "columns": {"Ansvarlig": "lead"}}
    columns = table_with(at, nb("importpage.file_column"))
    assert list(columns[nb("importpage.field")])[-1] == label("lead")


def test_the_column_menu_lists_the_fields_then_ignored_last_capitalised(
    demo: AppDatabase, reader: Reader
) -> None:
    at = upload(import_tab(demo))
    picker = at.selectbox(key=f"{admin_import_layout.COLUMN_PREFIX}0")
    assert picker.options[-1] == nb("importpage.ignored") == "Ignoreres"
    assert picker.options[0] == label("code") and picker.value == "code"
    assert at.selectbox(key=f"{admin_import_layout.COLUMN_PREFIX}3").value == ""


def test_a_new_file_starts_without_the_last_files_choices(
    demo: AppDatabase, reader: Reader
) -> None:
    at = upload(import_tab(demo))
    at.selectbox(key=admin_import_layout.SHEET_KEY).select(SHEETS[1]).run()
    upload(at, CSV.replace(b"Testtiltak", b"Annet tiltak"), "annen.csv")
    assert reader.calls[-1] == {"sheet": None, "columns": None}
    assert at.selectbox(key=admin_import_layout.SHEET_KEY).value == SHEETS[0]


# --- the report, the import --------------------------------------------------------


def test_the_import_report_can_be_downloaded_as_xlsx_and_csv(demo: AppDatabase) -> None:
    at = upload(import_tab(demo), BAD_CSV)
    assert at.error[0].value == i18n.tn("adminpage.import_problems", 1, "nb")
    labels = [button.proto.label for button in at.get("download_button")]
    assert nb("importpage.report_xlsx") in labels and nb("importpage.report_csv") in labels


def test_a_double_click_on_import_imports_once(demo: AppDatabase) -> None:
    measures, entries = count(demo, Measure), count(demo, AuditLog)
    at = upload(import_tab(demo))
    double_click(at, "admin_import_run")
    no_exception(at)
    assert count(demo, Measure) == measures + 1
    with demo.session() as session:
        imported = session.scalars(
            select(AuditLog.entity_id).where(AuditLog.id > entries, AuditLog.action == "import")
        ).all()
    assert imported.count("1.99") == 1, imported


def test_after_the_import_a_summary_stays_with_a_link_to_the_overview(
    demo: AppDatabase,
) -> None:
    at = upload(import_tab(demo))
    at.button(key="admin_import_run").click().run()
    no_exception(at)
    said = [s.value for s in at.success]
    assert any(i18n.tn("importpage.done_measure", 1, "nb") in text for text in said), said
    links = at.get("page_link")
    assert [link.proto.label for link in links] == [nb("importpage.to_overview")]
    target = at._registered_pages[links[0].proto.page_script_hash]  # (as registered_pages)
    assert Path(str(target["script_path"])).name == "overview.py"
    at.run()  # it stays until the next file
    assert any(i18n.tn("importpage.done_measure", 1, "nb") in s.value for s in at.success)
    upload(at, CSV.replace(b"Testtiltak", b"Annet tiltak"), "annen.csv")
    assert not at.get("page_link")


# --- a fresh install ---------------------------------------------------------------


def test_the_first_screen_offers_import_your_plan_beside_the_demo(empty: AppDatabase) -> None:
    at = app(real_admin(empty))  # what the admin sees first: Oversikt
    no_exception(at)
    assert nb("firstplan.heading") in [h.value for h in at.subheader]
    buttons = {b.key: b.label for b in at.button}
    assert buttons["first_plan_import"] == nb("firstplan.import")
    assert buttons["first_plan_demo"] == nb("firstplan.demo")
    at.button(key="first_plan_demo").click().run()
    no_exception(at)
    assert nb("firstplan.demo_how") in [info.value for info in at.info]
    assert "make demo" in at.code[0].value
    assert count(empty, Plan) == 0  # the demo never goes into a database in real use


def test_export_on_a_fresh_install_points_up_to_the_import(empty: AppDatabase) -> None:
    at = import_tab(empty)
    assert nb("importpage.export_first") in [info.value for info in at.info]
    assert "over" in nb("importpage.export_first") and "under Import" not in nb(
        "importpage.export_first"
    )


def test_without_a_name_the_page_asks_for_it_in_the_field_above(empty: AppDatabase) -> None:
    at = upload(import_tab(empty))
    shown_errors = [e.value for e in at.error]
    assert nb("importpage.plan_name_needed") in shown_errors
    assert not any("--plan" in e or "Rett feil" in e for e in shown_errors), shown_errors
    assert "feltet over" in nb("importpage.plan_name_needed")
    assert i18n.t("importpage.plan_name_needed", "en") != nb("importpage.plan_name_needed")


def test_a_title_row_of_the_file_fills_in_the_plans_name(
    empty: AppDatabase, monkeypatch: pytest.MonkeyPatch
) -> None:
    name = "Strategisk næringsplan for Senja kommune 2024–2028"
    stand_in = Reader()
    monkeypatch.setattr(admin_import_layout, "read_bytes", stand_in)

    def titled(data: bytes, filename: str, **kwargs: Any) -> Any:
        tables = stand_in(data, filename, **kwargs)
        tables.layouts[0].title_rows = [name, "Handlingsdel"]
        return tables

    monkeypatch.setattr(admin_import_layout, "read_bytes", titled)
    at = upload(import_tab(empty))
    assert at.text_input(key=admin_import.PLAN_NAME_KEY).value == name
    assert nb("importpage.plan_name_needed") not in [e.value for e in at.error]
    at.text_input(key=admin_import.PLAN_NAME_KEY).input("").run()  # the user's word stands
    no_exception(at)
    assert at.text_input(key=admin_import.PLAN_NAME_KEY).value == ""


def test_import_your_plan_opens_the_import_tab_with_the_plans_name_and_period(
    empty: AppDatabase, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[dict[str, Any]] = []
    takes_period = "period" in inspect.signature(import_tables).parameters

    def recording(session: Any, *, period: str | None = None, **kwargs: Any) -> Any:
        calls.append({"plan": kwargs["plan"], "period": period})
        extra = {"period": period} if takes_period else {}
        return import_tables(session, **kwargs, **extra)

    monkeypatch.setattr(admin_import, "import_tables", recording)
    at = app(real_admin(empty))
    at.button(key="first_plan_import").click().run()
    no_exception(at)
    assert at.title[0].value == nb("page.admin")
    assert at.session_state["admin_tab"] == nb("adminpage.tab.import")
    assert nb("firstplan.heading") not in [h.value for h in at.subheader]
    name = "Strategisk næringsplan for Senja kommune 2024–2028"
    at.text_input(key=admin_import.PLAN_NAME_KEY).input(name)
    at.text_input(key=admin_import.PERIOD_KEY).input("2024-2028")
    at.run()
    at.file_uploader(key="admin_import_file_0").set_value(("tiltak.csv", CSV, "text/csv"))
    at.run()
    no_exception(at)
    assert calls[-1] == {"plan": name, "period": "2024-2028"}


@pytest.mark.skipif(
    "period" not in inspect.signature(import_tables).parameters,
    reason="import_tables(period=...) comes with the imp-first branch",
)
def test_the_first_plan_is_made_from_its_name_on_a_fresh_install(empty: AppDatabase) -> None:
    at = app(real_admin(empty), page="app_pages/admin.py")
    at.button(key="first_plan_import").click().run()
    name = "Strategisk næringsplan for Senja kommune 2024–2028"
    at.text_input(key=admin_import.PLAN_NAME_KEY).input(name).run()
    csv = "Nr.;Tiltak;Satsingsområde;Ansvarlig\n1.1;Første tiltak;1 Attraktiv;Senja kommune\n"
    at.file_uploader(key="admin_import_file_0").set_value(("tiltak.csv", csv.encode(), "text/csv"))
    at.run()
    no_exception(at)
    at.button(key="admin_import_run").click().run()
    no_exception(at)
    with empty.session() as session:
        plan = session.scalar(select(Plan).where(Plan.name == name))
        assert plan is not None and (plan.start_year, plan.end_year) == (2024, 2028)
    assert nb("firstplan.heading") not in [h.value for h in at.subheader]  # the plan is there


# --- with the reader itself --------------------------------------------------------


def workbook() -> bytes:
    """Two sheets that could hold the measures, each below a title and a blank row."""
    from openpyxl import Workbook

    book = Workbook()
    header = ["Nr.", "Tiltak", "Satsingsområde", "Ansvar", "Start", "Slutt"]
    for index, (title, code) in enumerate(((SHEETS[0], "1.99"), (SHEETS[1], "1.98"))):
        sheet = book.active if index == 0 else book.create_sheet()
        sheet.title = title
        sheet.append([f"Handlingsdel {code}"])
        sheet.append([])
        sheet.append(header)
        sheet.append([code, f"Tiltak {code}", "1", "Senja kommune", "2026-Q1", "2026-Q4"])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@pytest.mark.skipif(
    "sheet" not in inspect.signature(real_read_bytes).parameters,
    reason="read_bytes(sheet=, columns=) and Layout come with the imp-read branch",
)
def test_with_the_reader_the_sheet_and_a_columns_meaning_can_be_chosen(
    demo: AppDatabase,
) -> None:
    at = upload(import_tab(demo), workbook(), "handlingsdel.xlsx")
    assert nb("importpage.read_sheet", sheet=SHEETS[0], row=3) in texts(at.markdown)
    assert any("1.99" in line for line in table_with(at, nb("adminpage.message")).iloc[:, 0])
    at.selectbox(key=admin_import_layout.SHEET_KEY).select(SHEETS[1]).run()
    no_exception(at)
    assert nb("importpage.read_sheet", sheet=SHEETS[1], row=3) in texts(at.markdown)
    assert any("1.98" in line for line in table_with(at, nb("adminpage.message")).iloc[:, 0])
    picker = f"{admin_import_layout.COLUMN_PREFIX}3"
    at.selectbox(key=picker).select("").run()  # Ansvar ignored: a measure needs its lead
    no_exception(at)
    assert at.error and nb("importpage.choices_failed") in texts(at.caption)
    at.selectbox(key=picker).select("lead").run()  # the pickers stay: changed back
    no_exception(at)
    columns = table_with(at, nb("importpage.file_column"))
    assert list(columns[nb("importpage.file_column")])[3] == "Ansvar"
    assert list(columns[nb("importpage.field")])[3] == nb("importfield.lead")
    at.selectbox(key=picker).select("").run()
    at.button(key="admin_import_reset").click().run()  # or all choices undone
    no_exception(at)
    assert nb("importpage.read_sheet", sheet=SHEETS[0], row=3) in texts(at.markdown)
