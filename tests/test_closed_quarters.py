"""A closed quarter is a document (SQLite and PostgreSQL): its summary is stored
when it is closed, and no later write of any kind changes the final report's data
or files. A measure made after a quarter's end, or starting after it, is not in
that quarter's figures, closed or not."""

from __future__ import annotations

import contextlib
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from sqlalchemy.orm import Session

from tests.factories import World
from tests.rollup_reads import plan_rollup
from tracker.errors import TrackerError
from tracker.models import ClosedPeriod
from tracker.planfile.importer import import_path
from tracker.quarters import Quarter
from tracker.reports import Format, Stamp, build_summary, render
from tracker.reports.final import (
    final_file,
    final_summary,
    forget,
    freeze_missing,
    store_file,
    stored_file,
)
from tracker.reports.snapshot import TABLES
from tracker.service.actors import save_actor
from tracker.service.contributions import ContributionInput, add_contribution
from tracker.service.measure_edits import MeasureInput, delete_measure, save_measure
from tracker.service.principal import SYSTEM
from tracker.service.quarter_closing import close_quarter, reopen_quarter
from tracker.service.status import Report, report_status
from tracker.service.themes import save_theme

CLOSED = Quarter(2025, 2)
NOW = datetime(2025, 8, 15, 12, tzinfo=UTC)  # 2025-Q3, after CLOSED ended
FILES = [(Format.XLSX, "nb"), (Format.CSV, "nb"), (Format.CSV_PLAIN, "en")]


def close(session: Session, world: World) -> None:
    close_quarter(session, user=world.principals["admin"], plan_id=world.plan.id,
                  period=CLOSED, now=NOW)  # fmt: skip
    session.commit()


def files(session: Session, world: World) -> dict[tuple[Format, str], bytes]:
    out = {}
    for fmt, lang in FILES:
        content = final_file(session, plan_id=world.plan.id, quarter=CLOSED, fmt=fmt, lang=lang)
        assert content is not None
        out[(fmt, lang)] = content
    return out


def assert_same_summary(a, b) -> None:  # type: ignore[no-untyped-def]
    for name in TABLES:
        pd.testing.assert_frame_equal(getattr(a, name), getattr(b, name), obj=name)
    assert a.figures.to_dict() == b.figures.to_dict() or a.figures.equals(b.figures)
    assert (a.plan_name, a.quarter, a.as_of, a.stamp) == (b.plan_name, b.quarter, b.as_of, b.stamp)


def test_closing_stores_the_final_summary(session: Session, world: World) -> None:
    live = build_summary(session, plan_id=world.plan.id, quarter=CLOSED, produced_by="x", now=NOW)
    close(session, world)
    for fmt, lang in [(f, lang) for f in (Format.XLSX, Format.CSV, Format.CSV_PLAIN)
                      for lang in ("nb", "en")]:  # fmt: skip
        where = {"plan_id": world.plan.id, "quarter": CLOSED, "fmt": fmt, "lang": lang}
        assert stored_file(session, **where) is not None, (fmt, lang)  # stored at closing
    final = final_summary(session, world.plan.id, CLOSED)
    assert final is not None and not final.provisional
    assert final.stamp.produced_by == world.principals["admin"].display_name
    assert final.figures.to_dict() == live.figures.to_dict()
    assert final_summary(session, world.plan.id, CLOSED.next()) is None


def test_reopening_drops_it_and_closing_again_stores_the_new_state(
    session: Session, world: World
) -> None:
    close(session, world)
    first = files(session, world)
    session.commit()
    admin = world.principals["admin"]
    reopen_quarter(session, user=admin, plan_id=world.plan.id, period=CLOSED)
    assert final_summary(session, world.plan.id, CLOSED) is None
    later_write(session, world, "rename_actor", Path())
    close(session, world)
    csv = files(session, world)[(Format.CSV, "nb")]
    assert csv != first[(Format.CSV, "nb")] and "Omdøpt Næringshage" in csv.decode("utf-8-sig")


def later_write(session: Session, world: World, kind: str, tmp_path: Path) -> None:
    """One write of `kind` made after the quarter was closed (errors are refusals)."""
    admin = world.principals["admin"]
    m11 = world.measures["1.1"]
    session.refresh(m11)
    if kind == "import":
        csv = tmp_path / "tiltak.csv"
        csv.write_text(
            "Kode;Tiltak;Ansvarlig;Satsingsområde;Periode\n"
            "9.9;Nytt tiltak fra Q4;Senja Næringshage;T1;2026-Q4–2027-Q4\n"
            "9.8;Nytt tiltak for hele planen;Klyngen Nordvest;T2;2024–2028\n",
            encoding="utf-8",
        )
        result = import_path(session, user=SYSTEM, path=csv, now=NOW)
        assert result.ok, result.problems
    elif kind == "new_measure":
        save_measure(session, user=admin, plan_id=world.plan.id, measure_id=None,
                     seen_version=None, values=MeasureInput(
                         code="8.1", title="Laget etterpå", theme_id=world.themes["T1"].id,
                         lead_actor_id=world.actors["A"].id, start_period="2024-Q1",
                         end_period="2027-Q4"))  # fmt: skip
    elif kind == "edit_measure":
        save_measure(session, user=admin, plan_id=world.plan.id, measure_id=m11.id,
                     seen_version=m11.version, values=MeasureInput(
                         code="1.1", title="Omdøpt tiltak", theme_id=world.themes["T2"].id,
                         lead_actor_id=world.actors["B"].id, start_period="2025-Q1",
                         end_period="2028-Q4", weight=5.0))  # fmt: skip
    elif kind == "rename_theme":
        theme = world.themes["T1"]
        save_theme(session, user=admin, plan_id=world.plan.id, theme_id=theme.id,
                   code="T1", name="Nytt navn på temaet")  # fmt: skip
    elif kind == "rename_actor":
        save_actor(session, user=admin, actor_id=world.actors["A"].id,
                   name="Omdøpt Næringshage", short_name="SNH")  # fmt: skip
    elif kind == "delete_measure":
        delete_measure(session, user=admin, measure_id=world.measure_id("2.2"))
    elif kind == "late_report":
        with pytest.raises(TrackerError):  # refused: the quarter is closed
            report_status(session, user=admin, measure_id=world.measure_id("2.1"),
                          report=Report(str(CLOSED), "completed", 100, "green"),
                          seen_version=1, now=NOW)  # fmt: skip
    elif kind == "next_quarter_report":
        measure = world.measures["2.1"]
        session.refresh(measure)
        report_status(session, user=admin, measure_id=measure.id,
                      report=Report(str(CLOSED.next()), "completed", 100, "green"),
                      seen_version=measure.version, now=NOW)  # fmt: skip
    elif kind == "contribution":
        add_contribution(session, user=world.principals["actor_b"], measure_id=m11.id,
                         contribution=ContributionInput(str(CLOSED.next()), "Bidrag"),
                         now=NOW)  # fmt: skip
    session.flush()


KINDS = ["import", "new_measure", "edit_measure", "rename_theme", "rename_actor",
         "delete_measure", "late_report", "next_quarter_report", "contribution"]  # fmt: skip


@settings(max_examples=12, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])  # fmt: skip
@given(writes=st.lists(st.sampled_from(KINDS), min_size=1, max_size=5, unique=True))
def test_no_later_write_changes_a_closed_quarters_final_report(
    session: Session, world: World, tmp_path: Path, writes: list[str]
) -> None:
    if final_summary(session, world.plan.id, CLOSED) is None or session.info.get("fresh"):
        close(session, world)
    before_summary = final_summary(session, world.plan.id, CLOSED)
    before_files = files(session, world)
    session.commit()  # the files are stored from their first making on
    try:
        for kind in writes:
            with contextlib.suppress(TrackerError):  # refused after an earlier write: fine
                later_write(session, world, kind, tmp_path)
        after = final_summary(session, world.plan.id, CLOSED)
        assert after is not None and before_summary is not None
        assert_same_summary(after, before_summary)
        if "rename_actor" in writes:  # the live tables did change: the test can fail
            live = build_summary(session, plan_id=world.plan.id, quarter=CLOSED,
                                 produced_by="x", now=NOW)  # fmt: skip
            assert "Omdøpt Næringshage" in set(live.measures["lead_name"])
            assert "Omdøpt Næringshage" not in set(after.measures["lead_name"])
        assert files(session, world) == before_files
    finally:
        session.rollback()  # the next example starts from the closed quarter again


@pytest.mark.parametrize("closed", [False, True])
def test_a_measure_made_or_starting_later_is_not_in_the_quarters_figures(
    session: Session, world: World, tmp_path: Path, closed: bool
) -> None:
    """Seen: after closing 2026-Q3, importing a measure whose period starts 2026-Q4
    changed the Endelig Q3 summary (36 -> 37 measures)."""
    if closed:
        close(session, world)
    figures = plan_rollup(session, plan_id=world.plan.id, as_of=CLOSED)
    later_write(session, world, "import", tmp_path)  # 9.9 starts later, 9.8 is made later
    session.commit()
    assert plan_rollup(session, plan_id=world.plan.id, as_of=CLOSED).equals(figures)
    live = build_summary(session, plan_id=world.plan.id, quarter=CLOSED, produced_by="x", now=NOW)
    assert not {"9.8", "9.9"} & set(live.measures["code"])
    if closed:
        final = final_summary(session, world.plan.id, CLOSED)
        assert final is not None and final.figures.to_dict() == figures.to_dict()


def test_a_stored_file_is_served_as_stored(session: Session, world: World) -> None:
    close(session, world)
    first = files(session, world)
    session.commit()
    again = files(session, world)
    assert again == first
    summary = final_summary(session, world.plan.id, CLOSED)
    assert summary is not None
    assert render(summary, Format.CSV, "nb") == first[(Format.CSV, "nb")]


def test_two_first_makings_of_a_file_keep_one(
    session: Session, other_session: Session, world: World
) -> None:
    """Two users make the same file at once: both store, the first one stays and
    both get it (no unique-constraint error)."""
    close(session, world)
    where = {"plan_id": world.plan.id, "quarter": CLOSED, "fmt": Format.DOCX, "lang": "nb"}
    assert stored_file(session, **where) is None  # made when first asked for
    first = store_file(session, **where, content=b"first")
    session.commit()
    second = store_file(other_session, **where, content=b"second")
    other_session.commit()
    assert first == second == b"first"


def test_a_quarter_closed_before_summaries_were_kept_is_frozen_at_the_upgrade(
    session: Session, world: World
) -> None:
    """init (after migration 0005) freezes quarters closed before: from the data as
    it is then, stamped with who closed it and when."""
    close(session, world)
    closed = session.scalars(select(ClosedPeriod)).one()
    forget(session, closed)
    closed.snapshot = None
    session.commit()
    assert freeze_missing(session) == 1
    session.commit()
    final = final_summary(session, world.plan.id, CLOSED)
    assert final is not None and not final.provisional
    assert final.stamp == Stamp(closed.closed_at, world.principals["admin"].display_name)
    assert freeze_missing(session) == 0
