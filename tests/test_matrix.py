"""The who-does-what matrix on the `world` plan (conftest.build_world), on SQLite and
PostgreSQL, with target groups, kinds of work and instruments set so the answer is
known; the summary's sheet; and the Samarbeid page's tab (AppTest, demo data).

Taking part (lead first): 1.1 A,B · 1.2 B,A,C · 2.1 C,B. Set here:
1.1 grundere, sjomat × veiledning · 1.2 grundere × veiledning · 2.1 ungdom × kompetanse;
Kupa (D) offers a course for ungdom (kompetanse), C a grant for grundere (finansiering)."""

from __future__ import annotations

import io
import shutil
import zipfile
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from sqlalchemy.orm import Session

from tests.apptest_helpers import AppDatabase, app, demo_database, frame, no_exception
from tests.conftest import build_world, load_world, utc
from tests.factories import World, make_actor
from tracker import charts, db
from tracker.charts import RAG_COLORS
from tracker.code_lists import INSTRUMENT_WORK_KINDS
from tracker.models import Instrument, InstrumentTargetGroup
from tracker.quarters import Quarter
from tracker.reports import Format, build_summary, render
from tracker.reports.snapshot import freeze, thaw
from tracker.service.matrix import CROWDED, cell_items, who_does_what
from tracker.vocab import InstrumentKind, TargetGroup, WorkKind


def fill(session: Session, world: World) -> None:
    fields = {
        "1.1": ("grundere;sjomat", "veiledning"),
        "1.2": ("grundere", "veiledning"),
        "2.1": ("ungdom", "kompetanse"),
    }
    for code, (groups, kinds) in fields.items():
        world.measures[code].target_groups = groups
        world.measures[code].work_kinds = kinds
    kupa = make_actor(session, "Kupa")
    offers = [
        (kupa, "Gründerkurs for ungdom", InstrumentKind.COURSE, TargetGroup.YOUNG),
        (world.actors["C"], "Etablerertilskudd", InstrumentKind.GRANT, TargetGroup.ENTREPRENEURS),
    ]
    for actor, name, kind, group in offers:
        item = Instrument(actor_id=actor.id, name=name, kind=kind)
        session.add(item)
        session.flush()
        session.add(InstrumentTargetGroup(instrument_id=item.id, target_group=group))
    session.flush()


def cell(cells: pd.DataFrame, group: str, kind: str) -> dict[str, object]:
    found = cells[(cells["target_group"] == group) & (cells["work_kind"] == kind)]
    assert len(found) == 1
    return dict(found.iloc[0])


def test_cells_count_the_actors_of_measures_and_instruments(session: Session, world: World) -> None:
    fill(session, world)
    cells = who_does_what(session, plan_id=world.plan.id).cells
    assert len(cells) == len(TargetGroup) * len(WorkKind)  # every group, every kind
    crowded = cell(cells, "grundere", "veiledning")
    assert (crowded["actors"], crowded["measures"], crowded["instruments"]) == (3, 2, 0)
    assert crowded["actor_names"] == "Innovasjon Norge Arktis, Klyngen Nordvest, Senja Næringshage"
    assert crowded["state"] == "crowded"
    young = cell(cells, "ungdom", "kompetanse")
    assert young["actor_names"] == "Innovasjon Norge Arktis, Klyngen Nordvest, Kupa"
    assert (young["measures"], young["instruments"], young["state"]) == (1, 1, "crowded")
    seafood = cell(cells, "sjomat", "veiledning")
    assert (seafood["actors"], seafood["state"]) == (2, "")
    grant = cell(cells, "grundere", "finansiering")
    assert (grant["actor_names"], grant["instruments"], grant["state"]) == (
        "Innovasjon Norge Arktis",
        1,
        "",
    )
    assert (cells["state"] == "gap").sum() == len(cells) - 4
    assert cell(cells, "landbruk", "kapital")["state"] == "gap"  # no one names landbruk
    assert CROWDED == 3


def test_a_cell_lists_its_measures_and_instruments(session: Session, world: World) -> None:
    fill(session, world)
    presence = who_does_what(session, plan_id=world.plan.id).presence
    items = cell_items(presence, "grundere", "veiledning")
    assert items["code"].tolist() == ["1.1", "1.2"]
    assert items["roles"].tolist() == [["lead", "partner"], ["lead", "partner", "partner"]]
    young = cell_items(presence, "ungdom", "kompetanse")
    assert young["source"].tolist() == ["measure", "instrument"]
    assert young["title"].tolist() == ["Kompetanseløft i reiselivet", "Gründerkurs for ungdom"]
    assert cell_items(presence, "landbruk", "kapital").empty


def test_theme_by_actor_lists_led_and_partner_measures(session: Session, world: World) -> None:
    themes = who_does_what(session, plan_id=world.plan.id).themes
    rows = {
        (r["theme_code"], r["actor"]): (r["led"], r["partner_in"])
        for r in themes.to_dict("records")
    }
    assert rows == {
        ("T1", "Senja Næringshage"): (["1.1", "1.3"], ["1.2"]),
        ("T1", "Klyngen Nordvest"): (["1.2"], ["1.1"]),
        ("T1", "Innovasjon Norge Arktis"): ([], ["1.2"]),
        ("T2", "Innovasjon Norge Arktis"): (["2.1"], ["2.3"]),
        ("T2", "Klyngen Nordvest"): (["2.2"], ["2.1"]),
        ("T2", "Senja Næringshage"): (["2.3"], []),
    }


def test_the_heatmap_writes_the_count_in_every_cell_without_rag_colours(
    session: Session, world: World
) -> None:
    fill(session, world)
    cells = who_does_what(session, plan_id=world.plan.id).cells
    heatmap = charts.who_does_what(cells, "nb", CROWDED).data[0]
    assert len(heatmap.text) == len(TargetGroup) and len(heatmap.text[0]) == len(WorkKind)
    rows, cols = list(TargetGroup).index(TargetGroup.ENTREPRENEURS), 0  # Veiledning first
    assert heatmap.text[rows][cols] == "3 ▲"  # crowded, marked beside the count
    assert heatmap.text[list(TargetGroup).index(TargetGroup.AGRICULTURE)][0] == "0"
    assert "Senja Næringshage" in heatmap.hovertext[rows][cols]
    palette = {str(colour).upper() for _, colour in heatmap.colorscale}
    assert not palette & {c.upper() for c in RAG_COLORS.values()}


def test_every_instrument_kind_is_a_kind_of_work() -> None:
    assert set(INSTRUMENT_WORK_KINDS) == set(InstrumentKind)


# --- the summary's sheet -----------------------------------------------------------


@pytest.fixture(scope="module")
def summary_bytes(tmp_path_factory: pytest.TempPathFactory, sqlite_template: Path) -> bytes:
    """The world filled as above, summarised for 2025-Q2 and frozen (as a closed quarter
    stores it)."""
    path = tmp_path_factory.mktemp("matrix") / "matrix.db"
    shutil.copy(sqlite_template, path)
    engine = db.make_engine(f"sqlite:///{path}")
    with db.transaction(engine) as session:
        build_world(session)
        world = load_world(session)
        fill(session, world)
        plan_id = world.plan.id
    with db.read_session(engine) as session:
        summary = build_summary(
            session,
            plan_id=plan_id,
            quarter=Quarter(2025, 2),
            produced_by="Næringssjefen",
            now=utc(2026, 11, 28, 9),
        )
    engine.dispose()
    return freeze(summary)


@pytest.fixture(scope="module")
def workbook(summary_bytes: bytes) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(render(thaw(summary_bytes), Format.XLSX, "nb")))


def test_the_sheet_speaks_english_too(summary_bytes: bytes) -> None:
    book = openpyxl.load_workbook(io.BytesIO(render(thaw(summary_bytes), Format.XLSX, "en")))
    sheet = book["Who does what"]
    assert [c.value for c in sheet[4]][:2] == ["Target group", "Kind of work"]


def test_the_summary_has_a_who_does_what_sheet(workbook: openpyxl.Workbook) -> None:
    sheet = workbook["Hvem gjør hva"]
    assert sheet["A3"].value.startswith("Trangt: 3 aktører eller flere")  # the rule, in words
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=4)]
    header = rows[0]
    assert header == [
        "Målgruppe", "Arbeidsform", "Aktører", "Hvem", "Tiltak", "Virkemidler", "Merknad",
    ]  # fmt: skip
    by_cell = {(r[0], r[1]): r for r in rows[1:] if r[0]}
    assert by_cell[("Gründere", "Veiledning og rådgivning")][2:] == [
        3,
        "Innovasjon Norge Arktis, Klyngen Nordvest, Senja Næringshage",
        2,
        0,
        "Trangt: 3 aktører eller flere",
    ]
    assert by_cell[("Sjømatbedrifter", "Veiledning og rådgivning")][6] in (None, "")
    assert by_cell[("Landbruk", "Kapital og investorer")][2] == 0
    assert by_cell[("Landbruk", "Kapital og investorer")][6] == "Tomt: ingen aktør"
    assert len(by_cell) == len(TargetGroup) * len(WorkKind)


def test_a_summary_stored_before_the_matrix_reads_back_without_it(
    summary_bytes: bytes,
) -> None:
    with zipfile.ZipFile(io.BytesIO(summary_bytes)) as archive:
        old = io.BytesIO()
        with zipfile.ZipFile(old, "w") as copy:
            for name in archive.namelist():
                if name != "matrix.parquet":
                    copy.writestr(name, archive.read(name))
    summary = thaw(old.getvalue())
    assert summary.matrix.empty
    book = openpyxl.load_workbook(io.BytesIO(render(summary, Format.XLSX, "en")))
    assert "Who does what" not in book.sheetnames  # nothing to show: no sheet


# --- the page ----------------------------------------------------------------------

PAGE = "app_pages/collaboration.py"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppDatabase]:
    with demo_database(tmp_path_factory, "matrix") as database:
        yield database


@pytest.mark.parametrize("who", ["ordforer", "kupa"])
def test_the_tab_shows_the_matrix_and_a_cell_lists_its_measures(
    demo: AppDatabase, who: str
) -> None:
    at = app(demo.principal(who), page=PAGE)
    no_exception(at)
    assert [tab.label for tab in at.tabs] == ["Nettverket", "Hvem gjør hva"]
    assert at.get("plotly_chart")  # the map and the matrix
    pick = at.selectbox(key="matrix_cell")
    crowded = next(o for o in pick.options if "trangt" in o)
    pick.set_value(crowded).run()
    no_exception(at)
    assert "Tiltak her" in [h.value for h in at.subheader]
    tables = [frame(d) for d in at.dataframe]
    measures = next(f for f in tables if list(f.columns) == ["Nr.", "Tiltak", "Hvem"])
    assert len(measures) > 0
    assert all("(leder)" in who for who in measures["Hvem"])
    crowded = next(f for f in tables if "Arbeidsform" in f.columns)
    assert (crowded["Aktører"] >= CROWDED).all()
