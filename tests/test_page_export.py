"""AppTest of Eksport (app_pages/export.py) on the demo data: the preview shows the
service's figures for the chosen quarter, "Lag rapport" makes a file that reads
back, and a failure to draw the charts is said in Norwegian, nothing offered."""

from __future__ import annotations

import io

import openpyxl
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from tests.apptest_helpers import (
    AppDatabase,
    app,
    demo_database,
    fresh_database,
    no_exception,
    on_page,
    shown,
)
from tests.rollup_reads import plan_rollup
from tracker import i18n
from tracker.models import Measure
from tracker.quarters import Quarter
from tracker.reports.final import final_summary
from tracker.service.actors import save_actor
from tracker.service.measure_edits import MeasureInput, save_measure
from tracker.service.quarter_closing import close_quarter
from tracker.service.structure import get_plan, list_actors, measures_frame

EXPORT = "app_pages/export.py"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> AppDatabase:
    with demo_database(tmp_path_factory, "export") as database:
        yield database


def open_export(demo: AppDatabase, username: str = "naeringssjef") -> AppTest:
    at = app(demo.principal(username), page=EXPORT)
    no_exception(at)
    assert on_page(at, EXPORT)
    return at


def downloads(at: AppTest) -> list:  # type: ignore[type-arg]
    return list(at.get("download_button"))


def test_the_default_quarter_is_the_last_finished_and_the_preview_is_the_services(
    demo: AppDatabase,
) -> None:
    at = open_export(demo)
    last = Quarter.last_finished()
    assert at.selectbox(key="export_quarter").value == str(last)
    with demo.session() as session:
        plan_id = get_plan(session).id
        figures = plan_rollup(session, plan_id=plan_id, as_of=last)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics[i18n.t("kpi.measures")] == str(int(figures["measures"]))
    assert metrics[i18n.t("kpi.red")] == str(int(figures["red"]))
    assert metrics[i18n.t("kpi.progress")] == i18n.format_percent(figures["progress"])
    assert not downloads(at)  # nothing is made before it is asked for


def test_make_an_xlsx_and_download_it(demo: AppDatabase) -> None:
    at = open_export(demo)
    at.radio(key="export_format").set_value("xlsx").run()
    at.button(key="export_make").click().run()
    no_exception(at)
    [button] = downloads(at)
    quarter = at.selectbox(key="export_quarter").value
    assert shown(button.proto.label) == f"Last ned kvartalsrapport-{quarter}.xlsx"
    payload = at.session_state["export_file"][2]
    book = openpyxl.load_workbook(io.BytesIO(payload))
    assert book.sheetnames[1] == "Nøkkeltall"
    cover = [v for row in book["Forside"].iter_rows(values_only=True) for v in row]
    assert "Næringssjef (demo)" in cover  # who made it, on the cover


def test_a_file_made_for_another_quarter_is_not_offered(demo: AppDatabase) -> None:
    at = open_export(demo)
    at.radio(key="export_format").set_value("csv").run()
    at.button(key="export_make").click().run()
    assert downloads(at)
    options = at.selectbox(key="export_quarter").options
    at.selectbox(key="export_quarter").set_value(options[-1]).run()
    assert not downloads(at)


def test_csv_download_reads_back(demo: AppDatabase) -> None:
    at = open_export(demo)
    at.radio(key="export_format").set_value("csv").run()
    at.button(key="export_make").click().run()
    payload = at.session_state["export_file"][2]
    table = pd.read_csv(io.BytesIO(payload), sep=";", decimal=",", encoding="utf-8-sig")
    with demo.session() as session:
        count = len(measures_frame(session, get_plan(session).id))
    assert len(table) == count
    assert "Satsingsområde" in table.columns


def test_when_the_charts_cannot_be_drawn_the_user_is_told_and_nothing_is_offered(
    demo: AppDatabase, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BROWSER_PATH", "/finnes/ikke/chromium")
    at = open_export(demo, "admin")  # who can mend the server is told how
    at.radio(key="export_format").set_value("pdf").run()
    at.button(key="export_make").click().run()
    no_exception(at)
    assert i18n.t("summary.chart_unavailable") in [e.value for e in at.error]
    assert not downloads(at)


def test_an_actor_cannot_open_the_export_page(demo: AppDatabase) -> None:
    at = app(demo.principal("kupa"), page=EXPORT)
    no_exception(at)
    assert not [w for w in at.button if (w.key or "").startswith("export_")]
    said = i18n.t("page.not_for_role", page=i18n.t("page.export"), role=i18n.t("role.actor"))
    assert said in [w.value for w in at.warning]


def test_a_closed_quarter_offers_its_stored_final_report(
    tmp_path_factory: pytest.TempPathFactory, tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Closed: the page says Endelig (who closed it, when), and the file is the one
    stored, the same after a later rename as before it."""
    own = fresh_database(tmp_path_factory, tmp_path, monkeypatch)
    last = Quarter.last_finished()
    with own.transaction() as session:
        plan_id = get_plan(session).id
        close_quarter(session, user=own.principal("admin"), plan_id=plan_id, period=last)
    at = open_export(own)
    assert at.selectbox(key="export_quarter").value == str(last)
    assert any(m.startswith(i18n.t("summary.final")[:8]) for m in (s.value for s in at.success))
    at.radio(key="export_format").set_value("csv").run()
    at.button(key="export_make").click().run()
    no_exception(at)
    first = at.session_state["export_file"][2]
    with own.transaction() as session:
        leads = set(measures_frame(session, plan_id)["lead_actor_id"])
        actors = list_actors(session)
        actor = actors[actors["id"].isin(leads)].iloc[0]  # its name is in the CSV
        assert str(actor["name"]) in first.decode("utf-8-sig")
        save_actor(session, user=own.principal("admin"), actor_id=int(actor["id"]),
                           name="Omdøpt aktør AS", short_name=str(actor["short_name"]))  # fmt: skip
    again = open_export(own)
    again.radio(key="export_format").set_value("csv").run()
    again.button(key="export_make").click().run()
    assert again.session_state["export_file"][2] == first
    assert "Omdøpt aktør AS" not in first.decode("utf-8-sig")


def test_a_closed_quarters_pages_show_its_final_reports_figures(
    tmp_path_factory: pytest.TempPathFactory, tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Found in review: Oversikt and Aktører computed a closed quarter from the live
    tables, so after a later edit they disagreed with its final report."""
    own = fresh_database(tmp_path_factory, tmp_path, monkeypatch)
    last = Quarter.last_finished()
    admin = own.principal("admin")
    with own.transaction() as session:
        plan_id = get_plan(session).id
        close_quarter(session, user=admin, plan_id=plan_id, period=last)
    with own.transaction() as session:  # a later edit: the heaviest measure weighs 50
        measure = session.get(Measure, int(measures_frame(session, plan_id)["id"][0]))
        assert measure is not None
        values = MeasureInput(
            code=measure.code, title=measure.title, theme_id=measure.theme_id,
            lead_actor_id=measure.lead_actor_id, start_period=measure.start_period,
            end_period=measure.end_period, weight=50.0,
            partners=tuple((p.actor_id, p.role) for p in measure.partners),
        )  # fmt: skip
        save_measure(session, user=admin, plan_id=plan_id, measure_id=measure.id,
                             seen_version=measure.version, values=values)  # fmt: skip
    with own.session() as session:
        final = final_summary(session, plan_id, last)
        live = plan_rollup(session, plan_id=plan_id, as_of=last)
    assert final is not None
    assert i18n.format_percent(live["progress"]) != i18n.format_percent(final.figures["progress"])
    at = app(own.principal("ordforer"), state={"quarter": str(last)})
    no_exception(at)
    shown = {m.label: m.value for m in at.metric}
    assert shown[i18n.t("kpi.progress")] == i18n.format_percent(final.figures["progress"])
    assert i18n.t("overview.from_final") in [c.value for c in at.caption]
    actors = app(
        own.principal("ordforer"), page="app_pages/actors.py", state={"quarter": str(last)}
    )
    no_exception(actors)
    assert i18n.t("overview.from_final") in [c.value for c in actors.caption]


def every_text(at: AppTest) -> str:
    """All the page says: its texts, captions, notes, labels and choices."""
    parts: list[str] = []
    for kind in ("markdown", "caption", "info", "success", "warning", "error", "text"):
        parts += [str(e.value) for e in at.get(kind)]
    for kind in ("selectbox", "radio", "button", "download_button"):
        for element in at.get(kind):
            parts.append(str(element.proto.label))
            parts += [str(o) for o in getattr(element.proto, "options", [])]
    return "\n".join(parts)


@pytest.fixture
def closed_last(
    tmp_path_factory: pytest.TempPathFactory, tmp_path, monkeypatch: pytest.MonkeyPatch
) -> tuple[AppDatabase, Quarter]:
    """A demo database whose last finished quarter the admin has closed."""
    own = fresh_database(tmp_path_factory, tmp_path, monkeypatch)
    last = Quarter.last_finished()
    with own.transaction() as session:
        plan_id = get_plan(session).id
        close_quarter(session, user=own.principal("admin"), plan_id=plan_id, period=last)
    return own, last


def test_the_quarter_picker_marks_closed_quarters(closed_last: tuple[AppDatabase, Quarter]) -> None:
    """Seen: nothing in the picker said which quarters were closed (final)."""
    own, last = closed_last
    at = open_export(own)
    picker = at.selectbox(key="export_quarter")
    quarters = _back(Quarter.current(), len(picker.proto.options))  # newest first
    labels = dict(zip(picker.proto.options, [str(q) for q in quarters], strict=True))
    marked = i18n.t("files.quarter_closed", quarter=i18n.quarter_label(last))
    assert marked in labels and labels[marked] == str(last)
    others = [label for label, quarter in labels.items() if quarter != str(last)]
    assert others and not any(label.endswith(marked[-8:]) for label in others)


def _back(quarter: Quarter, count: int) -> list[Quarter]:
    """`count` quarters back from `quarter`, it first."""
    found = []
    for _ in range(count):
        found.append(quarter)
        quarter = quarter.previous()
    return found


def test_a_closed_quarters_download_says_final(closed_last: tuple[AppDatabase, Quarter]) -> None:
    own, last = closed_last
    at = open_export(own)
    at.radio(key="export_format").set_value("csv").run()
    at.button(key="export_make").click().run()
    no_exception(at)
    [button] = downloads(at)
    name = f"kvartalsrapport-{last}.csv"
    assert shown(button.proto.label) == i18n.t("files.download_final", name=name)
    assert shown(button.proto.label).startswith("Last ned endelig")


@pytest.mark.parametrize("username", ["naeringssjef", "ordforer"])
def test_a_leader_sees_no_command_line(demo: AppDatabase, username: str) -> None:
    """Seen: the council's leaders were shown `python -m tracker summary …`."""
    at = open_export(demo, username)
    at.button(key="export_make").click().run()
    text = every_text(at)
    assert i18n.t("export.intro") in text  # the page was read
    assert "python -m" not in text and "cron" not in text and "--quarter" not in text


def test_the_admin_is_shown_the_command_line(demo: AppDatabase) -> None:
    at = open_export(demo, "admin")
    quarter = at.selectbox(key="export_quarter").value
    line = f"python -m tracker summary --quarter {quarter} --format xlsx"
    assert line in every_text(at)  # as typed: seen shown as «2026\\-Q3» in its code span


def test_a_leader_is_not_told_to_install_chromium(
    demo: AppDatabase, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The server's fix is the admin's to read; a leader is told to ask, or pick XLSX."""
    monkeypatch.setenv("BROWSER_PATH", "/finnes/ikke/chromium")
    at = open_export(demo, "ordforer")
    at.radio(key="export_format").set_value("pdf").run()
    at.button(key="export_make").click().run()
    no_exception(at)
    assert [e.value for e in at.error] == [i18n.t("files.chart_unavailable_leader")]
    assert "apt-get" not in every_text(at)
    assert not downloads(at)
