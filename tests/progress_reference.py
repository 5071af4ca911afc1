"""The progress rules for one measure at a time: the reference the vectorised column
math of tracker.progress.add_measure_metrics is checked against (tests/test_progress.py).
Production computes whole columns; these say the same rule in plain Python."""

from __future__ import annotations

from datetime import datetime

import pandas as pd

from tracker.progress import BEHIND_MARGIN, reported_progress
from tracker.quarters import Quarter
from tracker.vocab import Status


def effective_progress(status: str | None, progress: float | None) -> float | None:
    """The percentage a measure counts with, or None when it does not count."""
    if status is None or pd.isna(status) or status == Status.CANCELLED:
        return None
    progress = reported_progress(status, progress)
    if progress is None or pd.isna(progress):
        return None
    return float(progress)


def expected_progress(start: Quarter, end: Quarter, as_of: datetime) -> float:
    """Linear in time from the start of `start` to the end of `end`, 0-100."""
    begin, finish = start.start(), end.end()
    if as_of <= begin:
        return 0.0
    if as_of >= finish:
        return 100.0
    return 100.0 * (as_of - begin).total_seconds() / (finish - begin).total_seconds()


def is_behind(progress: float | None, expected: float, margin: float = BEHIND_MARGIN) -> bool:
    return progress is not None and progress < 100.0 and progress < expected - margin
