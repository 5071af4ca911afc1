"""Indicators (SQLite and PostgreSQL): who may report, what is refused and why,
append-only values where the latest report for a period counts, the straight path
and on-track rule worked out by hand; the chart and the page (AppTest, demo)."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session
from streamlit.testing.v1 import AppTest

from tests.apptest_helpers import (
    AppDatabase,
    app,
    demo_database,
    double_click,
    frame,
    no_exception,
    nothing_to_save,
    on_page,
)
from tests.conftest import utc
from tests.factories import World
from tracker.charts import indicator_grid
from tracker.db import AppendOnlyError
from tracker.errors import PermissionDenied, ValidationError
from tracker.models import Indicator, IndicatorValue
from tracker.quarters import Quarter
from tracker.service.indicators import (
    IndicatorInput,
    expected,
    list_indicators,
    report_value,
    save_indicator,
)
from tracker.vocab import Direction


def make(session: Session, world: World, direction: Direction = Direction.UP) -> int:
    return save_indicator(
        session, user=world.principals["admin"], plan_id=world.plan.id,
        values=IndicatorInput(
            name="Nye foretak per år", unit="foretak", baseline_year=2024, baseline_value=100,
            target_year=2028, target_value=140, direction=direction,
            actor_id=world.actors["A"].id,
        ),
    )  # fmt: skip


def test_the_responsible_actor_and_the_admin_report_values(session: Session, world: World) -> None:
    indicator = make(session, world)
    report_value(session, user=world.principals["actor_a"], indicator_id=indicator,
                 period="2025", value=108, now=utc(2026, 1, 5))  # fmt: skip
    report_value(session, user=world.principals["admin"], indicator_id=indicator,
                 period="2025", value=112, now=utc(2026, 2, 5))  # a correction  # fmt: skip
    with pytest.raises(PermissionDenied):
        report_value(session, user=world.principals["actor_b"], indicator_id=indicator,
                     period="2025", value=1)  # fmt: skip
    with pytest.raises(PermissionDenied):
        report_value(session, user=world.principals["leader"], indicator_id=indicator,
                     period="2025", value=1)  # fmt: skip
    table, values = list_indicators(session, world.plan.id)
    assert values["value"].tolist() == [112.0]  # the latest report for 2025 counts
    row = table.iloc[0]
    # The path: 100 in 2024 to 140 in 2028, so 110 in 2025; 112 is on track.
    assert row["expected"] == pytest.approx(110.0)
    assert bool(row["on_track"]) is True
    assert len(session.scalars(select(IndicatorValue)).all()) == 2  # both kept


def test_values_are_append_only(session: Session, world: World) -> None:
    indicator = make(session, world)
    report_value(session, user=world.principals["admin"], indicator_id=indicator,
                 period="2025", value=108)  # fmt: skip
    stored = session.scalars(select(IndicatorValue)).one()
    stored.value = 1
    with pytest.raises(AppendOnlyError):
        session.flush()
    session.rollback()


def test_bad_reports_are_refused_in_norwegian(session: Session, world: World) -> None:
    indicator = make(session, world)
    cases = {
        "neste år": "«NESTE ÅR» er ikke et år eller kvartal (skriv 2025 eller 2025-Q3).",
        "2031": "2031 er utenfor indikatorens periode 2024–2028.",
    }
    for period, message in cases.items():
        with pytest.raises(ValidationError) as refused:
            report_value(session, user=world.principals["admin"], indicator_id=indicator,
                         period=period, value=1)  # fmt: skip
        assert refused.value.text("nb") == message
    with pytest.raises(ValidationError) as refused:
        report_value(session, user=world.principals["admin"], indicator_id=indicator,
                     period="2025-q3", value=float("nan"))  # fmt: skip
    assert refused.value.text("nb") == "Verdi må være et endelig tall."


def test_the_path_and_the_direction() -> None:
    row = {"baseline_year": 2024, "baseline_value": 100.0, "target_year": 2028,
           "target_value": 60.0}  # fmt: skip
    assert expected({**row, "period": "2026"}) == pytest.approx(80.0)
    assert expected({**row, "period": "2026-Q3"}) == pytest.approx(100 - 40 * 2.625 / 4)
    assert expected({**row, "period": "2030"}) == pytest.approx(60.0)  # no further than the target


def test_falling_is_on_track_when_the_direction_is_down(session: Session, world: World) -> None:
    indicator = make(session, world, Direction.DOWN)
    report_value(session, user=world.principals["admin"], indicator_id=indicator,
                 period="2026", value=115)  # fmt: skip
    table, values = list_indicators(session, world.plan.id)
    assert table.iloc[0]["expected"] == pytest.approx(120.0)
    assert bool(table.iloc[0]["on_track"]) is True
    fig = indicator_grid(table, values, "nb")
    assert "✓ I rute" in fig.layout.annotations[0].text


# --- the page ------------------------------------------------------------------------

PAGE = "app_pages/indicators.py"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppDatabase]:
    with demo_database(tmp_path_factory, "indicators") as database:
        yield database


def indicator_table(at):  # type: ignore[no-untyped-def]
    return next(frame(d) for d in at.dataframe if "Indikator" in frame(d).columns)


def test_the_page_shows_the_example_indicators(demo: AppDatabase) -> None:
    at = app(demo.principal("ordforer"), page=PAGE)
    no_exception(at)
    assert on_page(at, PAGE)
    table = indicator_table(at)
    assert table["Indikator"].tolist()[3] == "Folketall (eksempel)"
    assert table.set_index("Indikator").loc["Folketall (eksempel)", "Vurdering"] == "✕ Ikke i rute"
    assert not [b for b in at.button if str(b.key).endswith("_save")]  # a leader only reads


def test_the_responsible_actor_reports_on_the_page(demo: AppDatabase) -> None:
    at = app(demo.principal("naeringshagen"), page=PAGE)
    assert at.selectbox(key="indicators_pick").options == ["Nye foretak per år"]
    prefix = f"indicators_{at.selectbox(key='indicators_pick').value}"  # the indicator's id
    at.text_input(key=f"{prefix}_period").input("2026")
    at.number_input(key=f"{prefix}_value").set_value(131).run()
    at.button(key=f"{prefix}_save").click().run()
    no_exception(at)
    table = indicator_table(at).set_index("Indikator")
    assert table.loc["Nye foretak per år (eksempel)", "Siste verdi"] == "131 (2026)"


def test_the_admin_adds_an_indicator_on_the_page(demo: AppDatabase) -> None:
    at = app(demo.principal("admin"), page=PAGE)
    at.text_input(key="indicators_new_name").input("Overnattinger i Senja")
    at.text_input(key="indicators_new_unit").input("gjestedøgn")
    at.number_input(key="indicators_new_bv").set_value(180000)
    at.number_input(key="indicators_new_tv").set_value(220000).run()
    at.button(key="indicators_new_save").click().run()
    no_exception(at)
    names = indicator_table(at)["Indikator"].tolist()
    assert "Overnattinger i Senja" in names


def test_a_double_click_reports_one_value_and_the_form_shows_it(demo: AppDatabase) -> None:
    at = app(demo.principal("naeringshagen"), page=PAGE)
    indicator = at.selectbox(key="indicators_pick").value
    prefix = f"indicators_{indicator}"
    assert nothing_to_save(at, f"{prefix}_save")
    at.text_input(key=f"{prefix}_period").input("2027")
    at.number_input(key=f"{prefix}_value").set_value(140)
    at.text_input(key=f"{prefix}_comment").input("Foreløpig tall").run()
    double_click(at, f"{prefix}_save")
    no_exception(at)
    with demo.session() as session:
        stored = session.scalars(
            select(IndicatorValue).where(
                IndicatorValue.indicator_id == indicator, IndicatorValue.period == "2027"
            )
        ).all()
    assert [(v.value, v.comment) for v in stored] == [(140.0, "Foreløpig tall")]
    # The form shows what was saved, and there is nothing new to save.
    assert at.text_input(key=f"{prefix}_period").value == "2027"
    assert at.number_input(key=f"{prefix}_value").value == 140
    assert at.text_input(key=f"{prefix}_comment").value == "Foreløpig tall"
    assert nothing_to_save(at, f"{prefix}_save")
    assert [s.value for s in at.success] == ["Lagret: 140 for 2027 (Foreløpig tall)."]


def test_a_double_click_adds_one_indicator_and_starts_an_empty_form(demo: AppDatabase) -> None:
    at = app(demo.principal("admin"), page=PAGE)
    at.text_input(key="indicators_new_name").input("Besøkende på Senjatunet")
    at.text_input(key="indicators_new_unit").input("besøkende")
    at.number_input(key="indicators_new_tv").set_value(5000).run()
    double_click(at, "indicators_new_save")
    no_exception(at)
    with demo.session() as session:
        found = session.scalars(
            select(Indicator).where(Indicator.name == "Besøkende på Senjatunet")
        ).all()
    assert len(found) == 1
    assert not at.error
    assert "Besøkende på Senjatunet" in indicator_table(at)["Indikator"].tolist()
    assert [s.value for s in at.success] == ["«Besøkende på Senjatunet» er lagt til."]
    assert not [w for w in at.text_input if w.key == "indicators_new_name"]
    assert at.text_input(key="indicators_new1_name").value == ""
    assert nothing_to_save(at, "indicators_new1_save")


def test_the_database_refuses_changing_or_deleting_a_value(session: Session, world: World) -> None:
    from sqlalchemy import text
    from sqlalchemy.exc import DBAPIError

    indicator = make(session, world)
    report_value(session, user=world.principals["admin"], indicator_id=indicator,
                 period="2025", value=108)  # fmt: skip
    session.commit()
    for statement in ("UPDATE indicator_value SET value = 1", "DELETE FROM indicator_value"):
        with pytest.raises(DBAPIError, match="append-only"):
            session.execute(text(statement))
        session.rollback()


def test_decimals_show_where_they_matter(session: Session, world: World) -> None:
    indicator = save_indicator(
        session, user=world.principals["admin"], plan_id=world.plan.id,
        values=IndicatorInput(name="Ledighet", unit="%", baseline_year=2024, baseline_value=5.0,
                              target_year=2028, target_value=3.0, direction=Direction.DOWN),
    )  # fmt: skip
    report_value(session, user=world.principals["admin"], indicator_id=indicator,
                 period="2025-Q2", value=4.4)  # fmt: skip
    table, values = list_indicators(session, world.plan.id)
    fig = indicator_grid(table, values, "nb")
    assert fig.layout.yaxis.tickformat == ",.1~f"
    assert bool(table.iloc[0]["on_track"]) is False  # 4.4 is above the path's 4.3125


def actual_points(at: AppTest) -> int:
    """How many reported values the Oversikt's indicator charts draw."""
    found = [c for c in at.get("plotly_chart") if c.proto.id.endswith("-overview_indicators")]
    assert len(found) == 1
    traces = json.loads(found[0].proto.spec)["data"]
    return sum(len(trace["x"]) for trace in traces if trace["mode"] == "lines+markers")


def test_oversikt_shows_the_indicators_as_reported_by_the_chosen_quarter(
    demo: AppDatabase,
) -> None:
    """The demo reports a year's value on 1 February the year after: in 2025-Q1 the
    2024 values are known, the 2025 ones are not (as in that quarter's summary)."""
    at = app(demo.principal("ordforer"), page="app_pages/overview.py")
    now = actual_points(at)
    at.selectbox(key="quarter").select("2025-Q1").run()
    no_exception(at)
    then = actual_points(at)
    with demo.session() as session:
        plan_id = session.scalars(select(Indicator.plan_id)).first()
        assert plan_id is not None
        _, known = list_indicators(session, plan_id, Quarter.parse("2025-Q1").end())
    assert then == len(known) < now


# --- one value, however many times it is sent --------------------------------------


def test_the_same_value_again_stores_nothing_new(session: Session, world: World) -> None:
    """A double click sends the value twice: the second time the latest value for
    that indicator and period is returned, not stored again."""
    from tracker.models import AuditLog

    indicator = make(session, world)
    actor = world.principals["actor_a"]
    first = report_value(session, user=actor, indicator_id=indicator, period="2025",
                         value=108, comment="Fra Brønnøysund", now=utc(2026, 1, 5))  # fmt: skip
    again = report_value(session, user=actor, indicator_id=indicator, period=" 2025 ",
                         value=108.0, comment=" Fra Brønnøysund ", now=utc(2026, 1, 6))  # fmt: skip
    assert again == first
    stored = session.scalars(select(IndicatorValue.id)).all()
    assert stored == [first]
    reports = session.scalars(select(AuditLog).where(AuditLog.action == "report")).all()
    assert len(reports) == 1
    # Another comment, value or period is a new report; back to the first value is too
    # (it is then again the latest).
    other = report_value(session, user=actor, indicator_id=indicator, period="2025",
                         value=108, comment="Rettet kilde", now=utc(2026, 1, 7))  # fmt: skip
    report_value(session, user=actor, indicator_id=indicator, period="2025",
                 value=109, comment="Rettet kilde", now=utc(2026, 1, 8))  # fmt: skip
    report_value(session, user=actor, indicator_id=indicator, period="2026",
                 value=109, comment="Rettet kilde", now=utc(2026, 1, 9))  # fmt: skip
    back = report_value(session, user=actor, indicator_id=indicator, period="2025",
                        value=108, comment="Fra Brønnøysund", now=utc(2026, 1, 10))  # fmt: skip
    assert len({first, other, back}) == 3
    assert len(session.scalars(select(IndicatorValue.id)).all()) == 5
    # The check runs after the permission and validation checks, as before.
    with pytest.raises(PermissionDenied):
        report_value(session, user=world.principals["actor_b"], indicator_id=indicator,
                     period="2025", value=108, comment="Fra Brønnøysund")  # fmt: skip
