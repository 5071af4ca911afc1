"""The use cases. Each takes a Session (and, for writes, the acting Principal),
never commits, and returns plain values or DataFrames."""

from tracker.service.asof import as_of_moment
from tracker.service.measures import MeasureFilter, filter_measures, list_measures, measure_status
from tracker.service.periods import close_quarter, closed_quarters, reopen_quarter
from tracker.service.principal import SYSTEM, Principal, reportable_measure_ids
from tracker.service.rollups import (
    actor_rollup,
    goal_rollup,
    plan_quarters_so_far,
    plan_rollup,
    quarterly_metrics,
    rag_grid,
    theme_rollup,
    trend,
)
from tracker.service.status import (
    Report,
    Saved,
    latest_status,
    measure_history,
    plan_history,
    report_status,
)
from tracker.service.structure import (
    get_plan,
    list_actors,
    list_goals,
    list_plans,
    list_themes,
    measures_frame,
)
from tracker.service.users import (
    authenticate,
    create_user,
    list_users,
    principal_by_email,
    set_active,
    set_password,
)

__all__ = [
    "SYSTEM",
    "MeasureFilter",
    "Principal",
    "Report",
    "Saved",
    "actor_rollup",
    "as_of_moment",
    "authenticate",
    "close_quarter",
    "closed_quarters",
    "create_user",
    "filter_measures",
    "get_plan",
    "goal_rollup",
    "latest_status",
    "list_actors",
    "list_goals",
    "list_measures",
    "list_plans",
    "list_themes",
    "list_users",
    "measure_history",
    "measure_status",
    "measures_frame",
    "plan_quarters_so_far",
    "plan_rollup",
    "plan_history",
    "quarterly_metrics",
    "rag_grid",
    "principal_by_email",
    "reopen_quarter",
    "report_status",
    "reportable_measure_ids",
    "set_active",
    "set_password",
    "theme_rollup",
    "trend",
]
