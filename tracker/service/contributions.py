"""Contributions (bidrag): what a partner did on a measure in a quarter. The lead
reports the measure's status and sees its partners' contributions while doing it;
contributions never change the status. Append-only, like status reports."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime

import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.errors import NotFound
from tracker.limits import column_limit
from tracker.models import Actor, Contribution, Measure, User
from tracker.quarters import Quarter
from tracker.service.audit import record
from tracker.service.checks import Checks
from tracker.service.principal import Principal, require_contributor
from tracker.service.status import check_period
from tracker.vocab import AuditAction, Entity

LINK_LIMIT = column_limit(Contribution.link)
LINK = re.compile(r"^https?://\S+$")

COLUMNS = ["id", "measure_id", "period", "text", "link", "actor_id", "actor", "user", "created_at"]


@dataclass(frozen=True)
class ContributionInput:
    period: str
    text: str
    link: str = ""


def add_contribution(
    session: Session,
    *,
    user: Principal,
    measure_id: int,
    contribution: ContributionInput,
    now: datetime | None = None,
) -> int:
    """Add a partner's contribution to a measure for a quarter; returns its id.

    The same text and link from the same actor for the same quarter again (a second
    click) stores nothing new and returns the stored one.
    Raises NotFound, PermissionDenied, ValidationError (all problems at once).
    """
    now = now or datetime.now(UTC)
    measure = session.get(Measure, measure_id)
    if measure is None:
        raise NotFound.of("notfound.measure")
    principal = require_contributor(session, user, measure)
    assert principal.actor_id is not None
    text, link, period = _checked(session, measure, contribution, now)
    stored = session.scalar(
        select(Contribution.id).where(
            Contribution.measure_id == measure.id,
            Contribution.period == str(period),
            Contribution.actor_id == principal.actor_id,
            Contribution.text == text,
            Contribution.link == link,
        )
    )
    if stored is not None:
        return stored
    row = Contribution(
        measure_id=measure.id,
        period=str(period),
        text=text,
        link=link,
        actor_id=principal.actor_id,
        user_id=principal.user_id,
        created_at=now,
    )
    session.add(row)
    session.flush()
    record(
        session,
        principal,
        action=AuditAction.CONTRIBUTE,
        entity=Entity.MEASURE,
        entity_id=measure.code,
        after={"period": str(period), "text": text, "link": link},
    )
    return row.id


def _checked(
    session: Session, measure: Measure, contribution: ContributionInput, now: datetime
) -> tuple[str, str, Quarter]:
    """The text, link and quarter, checked (ValidationError with every problem)."""
    checks = Checks()
    text = checks.text(
        "text", contribution.text, Contribution.text, required="contribution.text_empty"
    )
    link = checks.text("link", contribution.link, Contribution.link)
    if link and len(link) <= LINK_LIMIT and not LINK.match(link):
        checks.add("contribution.link_invalid", "link", limit=LINK_LIMIT)
    period = check_period(session, measure, contribution.period, now, checks.problems, latest=False)
    checks.raise_if_any()
    assert period is not None
    return text, link, period


def list_contributions(
    session: Session,
    *,
    plan_id: int,
    measure_id: int | None = None,
    period: Quarter | None = None,
    as_of: datetime | None = None,
) -> pd.DataFrame:
    """Contributions of a plan (or one measure), oldest first, with the actor's and
    user's names (COLUMNS); only one quarter's when period is given, only those made
    by as_of when it is given."""
    query = (
        select(
            Contribution.id,
            Contribution.measure_id,
            Contribution.period,
            Contribution.text,
            Contribution.link,
            Contribution.actor_id,
            Actor.name.label("actor"),
            User.display_name.label("user"),
            Contribution.created_at,
        )
        .join(Measure, Contribution.measure_id == Measure.id)
        .join(Actor, Contribution.actor_id == Actor.id)
        .outerjoin(User, Contribution.user_id == User.id)
        .where(Measure.plan_id == plan_id)
        .order_by(Contribution.created_at, Contribution.id)
    )
    if measure_id is not None:
        query = query.where(Contribution.measure_id == measure_id)
    if period is not None:
        query = query.where(Contribution.period == str(period))
    if as_of is not None:
        query = query.where(Contribution.created_at <= as_of)
    frame = pd.DataFrame.from_records(session.execute(query).all(), columns=COLUMNS)
    frame["created_at"] = pd.to_datetime(frame["created_at"], utc=True)
    return frame
