"""Optimistic locking of measures: a write made against an outdated view is refused."""

from __future__ import annotations

from sqlalchemy import update
from sqlalchemy.orm import Session

from tracker.models import Measure


def claim_version(session: Session, measure: Measure, seen_version: int) -> bool:
    """Move the measure's version on by one, but only from seen_version, in one
    atomic UPDATE. Returns False (nothing changed) when someone got there first.
    The measure is refreshed either way."""
    result = session.execute(
        update(Measure)
        .where(Measure.id == measure.id, Measure.version == seen_version)
        .values(version=Measure.version + 1)
        .execution_options(synchronize_session=False)
    )
    session.refresh(measure)
    return result.rowcount == 1
