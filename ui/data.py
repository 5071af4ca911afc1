"""Cached reads and the write helper.

Reads are cached per database URL and data revision: a write anywhere (any
session, any server) bumps the revision, so every session sees it at its next
rerun without a global cache clear. dashboard.py reads the revision once per
script run (refresh_revision); reads in that run use it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from typing import Any, TypeVar

import streamlit as st

from tracker import db, reports
from tracker.demo.seed import has_demo_data
from tracker.planfile import export
from tracker.quarters import Quarter
from tracker.reports import final as final_report
from tracker.reports.meeting_pack import pack_data as meeting_pack_data
from tracker.reports.meeting_pack import pack_file as meeting_pack_file
from tracker.service import audit_log as audit_service
from tracker.service import calendar_feeds, matrix, network
from tracker.service import contributions as contribution_service
from tracker.service import events as event_service
from tracker.service import indicators as indicator_service
from tracker.service import instruments as instrument_service
from tracker.service import measures as measure_service
from tracker.service import meetings as meeting_service
from tracker.service import overlaps as overlap_service
from tracker.service import overview as overview_service
from tracker.service import principal as principal_service
from tracker.service import profiles as profile_service
from tracker.service import quarter_closing as closing_service
from tracker.service import reminders as reminder_service
from tracker.service import rollups as rollup_service
from tracker.service import status as status_service
from tracker.service import structure as structure_service
from tracker.service import users as user_service
from tracker.service.demo_accounts import active_demo_usernames
from tracker.service.principal import Principal
from tracker.service.setup import needs_first_admin as needs_first_admin_service
from ui.state import engine

R = TypeVar("R")
REVISION_KEY = "_data_revision"


def refresh_revision() -> int:
    """Read the data revision (one small query) and remember it for this run."""
    with db.read_session(engine(db.database_url())) as session:
        revision = db.data_revision(session)
    st.session_state[REVISION_KEY] = revision
    return revision


def current_revision() -> int:
    """The data revision read at the start of this run."""
    revision = st.session_state.get(REVISION_KEY)
    return refresh_revision() if revision is None else revision


def cached_read(func: Callable[..., R]) -> Callable[..., R]:
    """Turn f(session, *args) from tracker.service into a cached g(*args).

    Arguments must be hashable plain values (ids, quarters, frozen dataclasses,
    a Principal). Never pass per-user data without the user among the arguments.
    """

    # ttl: results "as of now" (expected progress, what is due) move on with time
    # even when nobody writes.
    @st.cache_data(show_spinner=False, max_entries=512, ttl=3600)
    def run(url: str, revision: int, name: str, *args: Any, **kwargs: Any) -> R:
        with db.read_session(engine(url)) as session:
            return func(session, *args, **kwargs)

    @wraps(func)
    def call(*args: Any, **kwargs: Any) -> R:
        # Every `run` has the same source and name, so Streamlit would give them one
        # shared cache: the wrapped function's name keeps their entries apart.
        name = f"{func.__module__}.{func.__qualname__}"
        return run(db.database_url(), current_revision(), name, *args, **kwargs)

    return call


@contextmanager
def read() -> Iterator[db.Session]:
    """A session for one uncached read (large results: a stored file)."""
    with db.read_session(engine(db.database_url())) as session:
        yield session


@contextmanager
def write() -> Iterator[db.Session]:
    """One write transaction (commits at the end); the revision is read anew after."""
    with db.transaction(engine(db.database_url())) as session:
        yield session
    refresh_revision()


plans = cached_read(structure_service.list_plans)
themes = cached_read(structure_service.list_themes)
goals = cached_read(structure_service.list_goals)
actors = cached_read(structure_service.list_actors)
actor_profile = cached_read(profile_service.get_profile)
measure_status = cached_read(measure_service.measure_status)
measure_history = cached_read(status_service.measure_history)
overview = cached_read(overview_service.overview)
actor_table = cached_read(overview_service.actor_table)
plan_quarters_so_far = cached_read(rollup_service.plan_quarters_so_far)
closed_quarters = cached_read(closing_service.closed_quarters)
reportable_measure_ids = cached_read(principal_service.reportable_measure_ids)
contributable_measure_ids = cached_read(principal_service.contributable_measure_ids)
contributions = cached_read(contribution_service.list_contributions)
users = cached_read(user_service.list_users)
demo_data = cached_read(has_demo_data)
demo_usernames = cached_read(active_demo_usernames)


def needs_first_admin() -> bool:
    """Read anew, not cached: it runs only while nobody is logged in, and a double
    click on the first-admin screen must see the account the first press made."""
    with read() as session:
        return needs_first_admin_service(session)


# admin page
def _plan_details(session: db.Session, plan_id: int) -> dict[str, Any]:
    """The plan's own fields as plain values (list_plans has no description)."""
    plan = structure_service.get_plan(session, plan_id)
    fields = ("id", "name", "start_year", "end_year", "owner", "description")
    return {field: getattr(plan, field) for field in fields}


plan_details = cached_read(_plan_details)
audit = cached_read(audit_service.list_audit)
audit_entities = cached_read(audit_service.audit_entities)
audit_usernames = cached_read(audit_service.audit_usernames)
plan_xlsx = cached_read(export.plan_xlsx_bytes)


# export page: the summary's content, cached per data revision; the cover's stamp
# (who and when) is set when the file is made.
def _summary(session: db.Session, plan_id: int, quarter: Quarter) -> reports.Summary:
    return reports.build_summary(session, plan_id=plan_id, quarter=quarter, produced_by="")


summary = cached_read(_summary)
final_summary = cached_read(final_report.final_summary)
final_overview = cached_read(final_report.final_overview)
final_actor_table = cached_read(final_report.final_actor_table)
reminders = cached_read(reminder_service.reminders)
collaboration = cached_read(network.collaboration)
who_does_what = cached_read(matrix.who_does_what)
events = cached_read(event_service.list_events)
deadline_events = cached_read(event_service.deadline_events)
instruments = cached_read(instrument_service.list_instruments)
instrument_deadlines = cached_read(instrument_service.instrument_deadline_events)
keepable_actor_ids = cached_read(event_service.keepable_actor_ids)
feed_token = cached_read(calendar_feeds.feed_token)
indicators = cached_read(indicator_service.list_indicators)
measures_frame = cached_read(structure_service.measures_frame)
overlap_candidates = cached_read(overlap_service.candidates)
overlap_decisions = cached_read(overlap_service.decisions)
measure_decisions = cached_read(overlap_service.measure_decisions)


def meeting_pack_maker(
    user: Principal, year: int, plan_id: int, lang: str, pdf: bool
) -> Callable[[], bytes]:
    """The meeting pack, made when the download button is pressed (a page per invited
    actor: at 1,200 actors not something to make on every view). Streamlit calls it on
    a thread of its own, outside the script run: it takes the database's address now."""
    url = db.database_url()

    def make() -> bytes:
        with db.read_session(engine(url)) as session:
            data = meeting_pack_data(session, user=user, year=year, plan_id=plan_id, lang=lang)
        return meeting_pack_file(data, lang, pdf=pdf)

    return make


meeting = cached_read(meeting_service.get_meeting)
meeting_years = cached_read(meeting_service.meeting_years)
meeting_actions = cached_read(meeting_service.list_actions)
previous_meeting_actions = cached_read(meeting_service.previous_actions)
