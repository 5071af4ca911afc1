"""The quarterly summary's content on the `world` plan (see conftest.build_world),
on SQLite and PostgreSQL: figures equal the service's, changes worked out by hand,
and a summary of a past quarter that later reports never change."""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, datetime

import openpyxl
import pandas as pd
import pytest
from sqlalchemy.orm import Session

from tests.conftest import utc
from tests.factories import (
    World,
    add_status,
    make_actor,
    make_measure,
    make_plan,
    make_theme,
)
from tests.rollup_reads import plan_rollup, theme_rollup
from tracker.errors import ValidationError
from tracker.quarters import Quarter, quarter_range
from tracker.reports import Format, Stamp, build_summary, render
from tracker.service.principal import SYSTEM
from tracker.service.quarter_closing import close_quarter
from tracker.vocab import Rag, Status

Q2 = Quarter(2025, 2)
NOW = utc(2026, 11, 28, 9)


def summary_of(session: Session, world: World, quarter: Quarter = Q2, now: datetime = NOW):  # type: ignore[no-untyped-def]
    return build_summary(
        session, plan_id=world.plan.id, quarter=quarter, produced_by="Test", now=now
    )


def codes(frame: pd.DataFrame) -> list[str]:
    return frame["code"].tolist()


def test_the_figures_are_the_services_figures_as_of_the_quarters_end(
    session: Session, world: World
) -> None:
    summary = summary_of(session, world)
    expected = plan_rollup(session, plan_id=world.plan.id, as_of=Q2)
    pd.testing.assert_series_equal(
        summary.figures.astype(float), expected.astype(float), check_names=False
    )
    assert summary.figures["measures"] == 5  # 2.2 starts 2026-Q1: not in Q2's figures
    assert summary.figures["completed"] == 1
    assert summary.figures["red"] == 1
    themes = theme_rollup(session, plan_id=world.plan.id, as_of=Q2)
    assert summary.themes["measures"].tolist() == themes["measures"].tolist() == [3, 2]
    assert summary.themes["label"].tolist() == [
        "T1 Næringsutvikling",
        "T2 Kompetanse og rekruttering",
    ]


def test_what_changed_during_the_quarter(session: Session, world: World) -> None:
    summary = summary_of(session, world)
    # 1.2: no report at the end of Q1, completed (reported 5 April); 2.3: first report, red.
    # 1.1 stayed in progress (green -> yellow is no status change); 1.3 was cancelled in Q1.
    # grouped by lead actor in name order: Klyngen Nordvest (1.2), Senja Næringshage (2.3)
    assert codes(summary.transitions) == ["1.2", "2.3"]
    transition = summary.transitions.set_index("code").loc["1.2"]
    assert pd.isna(transition["status_before"]) and transition["status"] == Status.COMPLETED
    assert codes(summary.newly_completed) == ["1.2"]
    assert codes(summary.newly_red) == ["2.3"]
    # Due in Q2: 1.1 and 2.3 are reported for Q2, 1.2 was finished, 1.3 cancelled,
    # 2.2 starts in 2026: only 2.1 lacks its report.
    assert codes(summary.unreported) == ["2.1"]
    assert summary.unreported["lead_name"].tolist() == ["Innovasjon Norge Arktis"]


def test_the_trend_runs_from_the_plans_first_quarter_to_this_one(
    session: Session, world: World
) -> None:
    summary = summary_of(session, world)
    assert summary.trend["quarter"].tolist() == [
        str(q) for q in quarter_range(Quarter(2024, 1), Q2)
    ]
    last = summary.trend.iloc[-1]
    assert last["progress"] == pytest.approx(summary.figures["progress"])
    assert last["completed"] == summary.figures["completed"]


def test_a_later_report_does_not_change_a_past_quarters_summary(
    session: Session, world: World
) -> None:
    before = summary_of(session, world)
    files = {fmt: render(before, fmt, "nb") for fmt in (Format.XLSX, Format.CSV)}
    # A late report *for Q2* made after Q2 ended, and a report for a later quarter.
    add_status(
        session, world.measures["2.1"], "2025-Q2", Status.COMPLETED, 100, Rag.GREEN,
        utc(2025, 7, 3, 8),
    )  # fmt: skip
    add_status(
        session, world.measures["1.1"], "2025-Q4", Status.COMPLETED, 100, Rag.GREEN,
        utc(2025, 12, 1, 8),
    )  # fmt: skip
    session.flush()
    after = summary_of(session, world)
    pd.testing.assert_series_equal(before.figures, after.figures)
    for name in ("themes", "actors", "transitions", "unreported", "measures", "trend"):
        pd.testing.assert_frame_equal(getattr(before, name), getattr(after, name), obj=name)
    assert {fmt: render(after, fmt, "nb") for fmt in files} == files
    # ... while the next quarter's summary does see them.
    later = summary_of(session, world, Quarter(2025, 4))
    assert later.figures["completed"] == before.figures["completed"] + 2


def test_provisional_until_the_quarter_is_closed(session: Session, world: World) -> None:
    assert summary_of(session, world).provisional
    close_quarter(session, user=SYSTEM, plan_id=world.plan.id, period=Q2)
    assert not summary_of(session, world).provisional
    running = Quarter.current(NOW)
    assert summary_of(session, world, running).provisional


def test_example_data_is_flagged(session: Session, world: World) -> None:
    assert not summary_of(session, world).example_data
    world.measures["1.1"].is_example = True
    session.flush()
    assert summary_of(session, world).example_data


def test_a_quarter_outside_the_plan_is_refused_in_the_users_words(
    session: Session, world: World
) -> None:
    with pytest.raises(ValidationError) as caught:
        summary_of(session, world, Quarter(2023, 4))
    assert caught.value.text("nb") == "2023-Q4 er utenfor planperioden 2024–2028."


def test_the_stamp_is_the_only_difference_between_two_summaries(
    session: Session, world: World
) -> None:
    first = summary_of(session, world)
    second = summary_of(session, world).stamped(Stamp(datetime(2030, 1, 1, tzinfo=UTC), "Annen"))
    assert render(first, Format.CSV, "nb") == render(second, Format.CSV, "nb")
    assert render(first, Format.XLSX, "nb") != render(second, Format.XLSX, "nb")  # the cover


def test_the_plans_first_quarter_has_no_earlier_state(session: Session, world: World) -> None:
    summary = summary_of(session, world, Quarter(2024, 1))
    assert summary.trend["quarter"].tolist() == ["2024-Q1"]
    assert summary.transitions.empty and summary.newly_completed.empty
    # Running in 2024-Q1 and never reported: 1.1, 1.2, 1.3 (2.1 starts in 2024-Q3).
    assert sorted(codes(summary.unreported)) == ["1.1", "1.2", "1.3"]


def test_a_plan_without_measures_still_makes_a_summary(session: Session) -> None:
    plan = make_plan(session, name="Tom plan 2025–2026", start_year=2025, end_year=2026)
    summary = build_summary(
        session, plan_id=plan.id, quarter=Quarter(2025, 1), produced_by="Test", now=NOW
    )
    assert summary.figures["measures"] == 0
    assert summary.measures.empty and summary.unreported.empty
    book = render(summary, Format.XLSX, "nb")
    assert book.startswith(b"PK")  # a workbook, with "Ingen." where tables would be
    assert render(summary, Format.CSV, "nb").decode("utf-8-sig").startswith("Nr.;Tiltak;")


def test_a_plan_with_measures_but_no_reports_yet(session: Session) -> None:
    """The first quarter after an import: nothing reported, everything due."""
    plan = make_plan(session, name="Ny plan 2025–2026", start_year=2025, end_year=2026)
    theme = make_theme(session, plan, "1", "Tema")
    actor = make_actor(session, "Ny aktør", "NA")
    make_measure(session, plan, theme, actor, code="1.1", start="2025-Q1", end="2026-Q4")
    summary = build_summary(
        session, plan_id=plan.id, quarter=Quarter(2025, 1), produced_by="Test", now=NOW
    )
    assert summary.figures["measures"] == 1 and summary.figures["no_report"] == 1
    assert codes(summary.unreported) == ["1.1"]
    assert summary.trend["quarter"].tolist() == ["2025-Q1"]


def test_a_report_in_the_quarters_last_second_belongs_to_it(session: Session, world: World) -> None:
    last_second = datetime(2025, 6, 30, 21, 59, 59, 500000, tzinfo=UTC)  # 23:59:59.5 Oslo
    add_status(
        session, world.measures["2.1"], "2025-Q2", Status.IN_PROGRESS, 10, Rag.RED, last_second
    )
    session.flush()
    summary = summary_of(session, world)
    assert "2.1" not in codes(summary.unreported)
    assert "2.1" in codes(summary.newly_red)


def test_the_running_quarter_is_as_of_now(session: Session, world: World) -> None:
    running = Quarter.current(NOW)
    assert summary_of(session, world, running).as_of == NOW
    assert summary_of(session, world).as_of == Q2.end()


def test_indicators_as_reported_by_the_quarters_end(session: Session, world: World) -> None:
    from tracker.reports.document import document
    from tracker.service.indicators import IndicatorInput, report_value, save_indicator

    without = [s.key for s in document(summary_of(session, world), "nb").sections]
    assert "indicators" not in without  # a plan without indicators has no such section
    indicator = save_indicator(
        session, user=world.principals["admin"], plan_id=world.plan.id,
        values=IndicatorInput(name="Lærekontrakter", unit="kontrakter", baseline_year=2024,
                              baseline_value=60, target_year=2028, target_value=80),
    )  # fmt: skip
    admin = world.principals["admin"]
    report_value(session, user=admin, indicator_id=indicator, period="2025-Q1", value=62,
                 now=utc(2025, 4, 10))  # fmt: skip
    report_value(session, user=admin, indicator_id=indicator, period="2025-Q2", value=70,
                 now=utc(2025, 7, 10))  # after Q2 ended: not in the Q2 summary  # fmt: skip
    summary = summary_of(session, world)
    assert summary.indicators["value"].tolist() == [62.0]
    assert summary.indicators["period"].tolist() == ["2025-Q1"]
    sections = [s.key for s in document(summary, "nb").sections]
    assert sections[-1] == "indicators"


def test_an_indicator_added_later_leaves_an_old_summary_alone(
    session: Session, world: World
) -> None:
    from tracker.service.indicators import IndicatorInput, save_indicator

    before = summary_of(session, world)
    save_indicator(
        session, user=world.principals["admin"], plan_id=world.plan.id,
        values=IndicatorInput(name="Folketall", unit="innbyggere", baseline_year=2024,
                              baseline_value=14900, target_year=2028, target_value=15100),
    )  # fmt: skip
    after = summary_of(session, world)
    assert after.indicators.empty
    assert render(after, Format.XLSX, "nb") == render(before, Format.XLSX, "nb")


def test_the_xlsx_draws_each_indicator_from_its_own_cells(session: Session, world: World) -> None:
    from tracker.service.indicators import IndicatorInput, report_value, save_indicator

    admin = world.principals["admin"]
    for name, values in (("Lærekontrakter", (62, 66)), ("Nye foretak", (101,))):
        indicator = save_indicator(
            session, user=admin, plan_id=world.plan.id,
            values=IndicatorInput(name=name, unit="stk", baseline_year=2024, baseline_value=60,
                                  target_year=2028, target_value=80),
        )  # fmt: skip
        for quarter, value in zip(("2025-Q1", "2025-Q2"), values, strict=False):
            report_value(session, user=admin, indicator_id=indicator, period=quarter,
                         value=value, now=utc(2025, 6, 1))  # fmt: skip
    data = render(summary_of(session, world), Format.XLSX, "nb")
    parts = zipfile.ZipFile(io.BytesIO(data))
    charts = sorted(p for p in parts.namelist() if p.startswith("xl/charts/chart"))
    assert len(charts) == 3 + 2  # themes, actors, trend; one per indicator
    sheet = openpyxl.load_workbook(io.BytesIO(data))["Indikatorer"]
    rows = [r for r in sheet.iter_rows(values_only=True) if r[0] == "Lærekontrakter" and r[1]]
    assert [(r[1], r[2], r[3]) for r in rows][-4:] == [
        ("Linje mot målet", 2024, 60), ("Linje mot målet", 2028, 80),
        ("Faktisk", 2025.125, 62), ("Faktisk", 2025.375, 66),
    ]  # fmt: skip
    xml = parts.read(charts[3]).decode()
    start = next(i for i, r in enumerate(sheet.iter_rows(values_only=True), 1)
                 if r[:2] == ("Lærekontrakter", "Faktisk"))  # fmt: skip
    assert f"Indikatorer!$D${start}:$D${start + 1}" in xml  # the actual values' own cells


def test_partners_contributions_show_under_their_measure(session: Session, world: World) -> None:
    """Kept in the summary: made for the quarter by its end; later ones never."""
    from tracker.service.contributions import ContributionInput, add_contribution

    def contribute(text: str, period: Quarter, when: datetime) -> None:
        add_contribution(session, user=world.principals["actor_b"],
                         measure_id=world.measure_id("1.1"),
                         contribution=ContributionInput(str(period), text,
                                                        "https://example.org/x"),
                         now=when)  # fmt: skip

    contribute("Kurs for 12 bedrifter", Q2, utc(2025, 6, 10, 9))
    contribute("Sent bidrag", Q2, utc(2025, 7, 10, 9))  # after the quarter's end
    contribute("Neste kvartal", Q2.next(), utc(2025, 8, 1, 9))
    session.commit()
    summary = summary_of(session, world)
    assert summary.contributions.to_dict("records") == [
        {"code": "1.1", "title": "Etablere inkubatorprogram for sjømat",
         "actor": "Klyngen Nordvest", "text": "Kurs for 12 bedrifter",
         "link": "https://example.org/x"}
    ]  # fmt: skip
    csv = render(summary, Format.CSV, "nb").decode("utf-8-sig")
    assert "Klyngen Nordvest: Kurs for 12 bedrifter (https://example.org/x)" in csv
    assert "Sent bidrag" not in csv and "Neste kvartal" not in csv


def test_overdue_measures_are_counted_and_listed(session: Session, world: World) -> None:
    """1.1 and 2.3 end 2025-Q4 still in progress: overdue in 2026-Q1. 1.2 completed
    and 1.3 cancelled are not, whatever their end."""
    summary = summary_of(session, world, Quarter(2026, 1), now=utc(2026, 5, 1))
    assert sorted(codes(summary.overdue)) == ["1.1", "2.3"]
    assert summary.figures["overdue"] == 2
    assert summary_of(session, world).figures["overdue"] == 0  # 2025-Q2: none ended yet
