"""A closed quarter's final report: its summary is stored when the quarter is
closed (tracker.reports.snapshot) with its workbook and CSV files; PDF and DOCX
(which need Chromium and take seconds) are made from the stored summary and stored
the first time they are asked for. From then on all are served as stored, whatever
is imported, renamed, deleted or reported later. Reopening drops them."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pandas as pd
from sqlalchemy import delete, select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from tracker.i18n import LANGUAGES
from tracker.models import ClosedPeriod, ClosedSummaryFile, User
from tracker.quarters import Quarter
from tracker.reports.render import Format, Step, render
from tracker.reports.snapshot import freeze, thaw
from tracker.reports.summary import Summary, build_summary
from tracker.service.measures import MeasureFilter, filter_measures
from tracker.service.overview import (
    Overview,
    actor_table_of,
    busiest_actors,
    overview,
    theme_labels,
)
from tracker.service.rollups import actors_of, figures_of, themes_of

AT_CLOSING = (Format.XLSX, Format.CSV, Format.CSV_PLAIN)


def freeze_quarter(
    session: Session, closed: ClosedPeriod, *, closed_by: str, now: datetime | None = None
) -> None:
    """Store the quarter's summary as it stands now on its ClosedPeriod row: final,
    stamped with who closed it and when."""
    now = now or datetime.now(UTC)
    summary = build_summary(
        session,
        plan_id=closed.plan_id,
        quarter=Quarter.parse(closed.period),
        produced_by=closed_by,
        now=now,
    )
    final = replace(summary, provisional=False)
    closed.snapshot = freeze(final)
    session.flush()
    forget(session, closed)  # files of an earlier closing of the quarter
    for fmt in AT_CLOSING:  # quick to make; PDF and DOCX are stored when first made
        for lang in LANGUAGES:
            content = render(final, fmt, lang)
            session.add(
                ClosedSummaryFile(
                    closed_period_id=closed.id, lang=lang, format=fmt.value, content=content
                )
            )
    session.flush()


def freeze_missing(session: Session) -> int:
    """Freeze the quarters closed before summaries were stored (from the data as it
    is at the upgrade, stamped with who closed it and when); returns how many."""
    missing = session.scalars(select(ClosedPeriod).where(ClosedPeriod.snapshot.is_(None))).all()
    for closed in missing:
        closer = session.get(User, closed.closed_by_user_id) if closed.closed_by_user_id else None
        name = closer.display_name if closer is not None else ""
        freeze_quarter(session, closed, closed_by=name, now=closed.closed_at)
    return len(missing)


def forget(session: Session, closed: ClosedPeriod) -> None:
    """Drop a quarter's stored files (it is being reopened)."""
    session.execute(
        delete(ClosedSummaryFile).where(ClosedSummaryFile.closed_period_id == closed.id)
    )


def final_summary(session: Session, plan_id: int, quarter: Quarter) -> Summary | None:
    """The stored summary of a closed quarter; None when the quarter is not closed."""
    closed = _closed(session, plan_id, quarter)
    if closed is None:
        return None
    if closed.snapshot is None:  # closed before summaries were stored (init freezes them)
        freeze_missing(session)
    assert closed.snapshot is not None
    return thaw(closed.snapshot)


def stored_file(
    session: Session, *, plan_id: int, quarter: Quarter, fmt: Format, lang: str
) -> bytes | None:
    """A closed quarter's file as stored, or None (not closed, or not made yet)."""
    closed = _closed(session, plan_id, quarter)
    if closed is None:
        return None
    return session.scalar(
        select(ClosedSummaryFile.content).where(
            ClosedSummaryFile.closed_period_id == closed.id,
            ClosedSummaryFile.lang == lang,
            ClosedSummaryFile.format == fmt.value,
        )
    )


def store_file(
    session: Session, *, plan_id: int, quarter: Quarter, fmt: Format, lang: str, content: bytes
) -> bytes | None:
    """Store a closed quarter's file made from its stored summary, unless one is
    stored already (two users making it at once): returns the stored one. None
    when the quarter is not closed (any more)."""
    closed = _closed(session, plan_id, quarter)
    if closed is None:
        return None
    values = {
        "closed_period_id": closed.id,
        "lang": lang,
        "format": fmt.value,
        "content": content,
        "made_at": datetime.now(UTC),
    }
    insert = postgresql_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    session.execute(insert(ClosedSummaryFile).values(**values).on_conflict_do_nothing())
    return stored_file(session, plan_id=plan_id, quarter=quarter, fmt=fmt, lang=lang)


def final_file(
    session: Session,
    *,
    plan_id: int,
    quarter: Quarter,
    fmt: Format,
    lang: str,
    step: Step | None = None,
) -> bytes | None:
    """A closed quarter's file: as stored, or made from the stored summary and
    stored (in the caller's transaction). None when the quarter is not closed.
    May raise TrackerError (PDF and DOCX need Chromium for the charts). The app
    makes the file outside its write transaction (stored_file, render, store_file)."""
    stored = stored_file(session, plan_id=plan_id, quarter=quarter, fmt=fmt, lang=lang)
    if stored is not None:
        return stored
    summary = final_summary(session, plan_id, quarter)
    if summary is None:
        return None
    content = render(summary, fmt, lang, step)
    return store_file(
        session, plan_id=plan_id, quarter=quarter, fmt=fmt, lang=lang, content=content
    )


def _closed(session: Session, plan_id: int, quarter: Quarter) -> ClosedPeriod | None:
    return session.scalar(
        select(ClosedPeriod).where(
            ClosedPeriod.plan_id == plan_id, ClosedPeriod.period == str(quarter)
        )
    )


# --- the pages of a closed quarter: the same figures as its final report -------------


def final_overview(
    session: Session,
    *,
    plan_id: int,
    quarter: Quarter,
    quarters: tuple[Quarter, ...],
    theme_id: int | None = None,
    actor_id: int | None = None,
    with_partner_measures: bool = False,
) -> Overview | None:
    """Oversikt for a closed quarter: key figures, themes, actors and the measure list
    from its stored summary (names as they were then); the trend and the rating grid
    over all quarters are the live ones. None when the quarter is not closed."""
    final = final_summary(session, plan_id, quarter)
    if final is None:
        return None
    live = overview(
        session,
        plan_id=plan_id,
        as_of=quarter,
        quarters=quarters,
        theme_id=theme_id,
        actor_id=actor_id,
        with_partner_measures=with_partner_measures,
    )
    where = MeasureFilter(theme_id=theme_id, actor_id=actor_id, lead_only=not with_partner_measures)
    metrics = filter_measures(final.measures, where)
    themes = themes_of(metrics, frozen_themes(final))
    themes["label"] = theme_labels(themes["code"], themes["name"])
    actor_rows = actors_of(metrics, frozen_actors(final))
    return replace(
        live,
        totals=figures_of(metrics),
        themes=themes,
        actors=busiest_actors(actor_rows),
        actors_leading=int((actor_rows["measures"] > 0).sum()),
        measures=metrics,
    )


def final_actor_table(
    session: Session, *, plan_id: int, quarter: Quarter
) -> tuple[pd.DataFrame, pd.DataFrame] | None:
    """Aktører for a closed quarter (as service.actor_table) from its stored summary."""
    final = final_summary(session, plan_id, quarter)
    if final is None:
        return None
    return actor_table_of(final.measures, frozen_actors(final), quarter)


def frozen_themes(final: Summary) -> pd.DataFrame:
    """The plan's themes as the summary holds them (list_themes' columns)."""
    themes = final.themes.rename(columns={"theme_id": "id"})
    return themes[["id", "code", "name", "description"]]


def frozen_actors(final: Summary) -> pd.DataFrame:
    """The actors the summary's measures name, by their names then (list_actors' id and
    name), in name order."""
    measures = final.measures
    leads = dict(zip(measures["lead_actor_id"], measures["lead_name"], strict=True))
    for ids, names in zip(measures["partner_ids"], measures["partner_names"], strict=True):
        leads.update(zip(ids, names, strict=True))
    frame = pd.DataFrame({"id": list(leads), "name": list(leads.values())})
    return frame.sort_values("name", key=lambda n: n.str.casefold()).reset_index(drop=True)
