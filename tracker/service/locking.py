"""Optimistic locking of measures: a write made against an outdated view is refused."""

from __future__ import annotations

from typing import Any, cast

from sqlalchemy import CursorResult, update
from sqlalchemy.orm import Session

from tracker.models import Measure


def claim_version(session: Session, measure: Measure, seen_version: int) -> bool:
    """Move the measure's version on by one, but only from seen_version, in one
    atomic UPDATE. Returns False (nothing changed) when someone got there first.
    The measure is refreshed either way."""
    statement = (
        update(Measure)
        .where(Measure.id == measure.id, Measure.version == seen_version)
        .values(version=Measure.version + 1)
        .execution_options(synchronize_session=False)
    )
    result = cast(CursorResult[Any], session.execute(statement))  # an UPDATE's result
    session.refresh(measure)
    return result.rowcount == 1
