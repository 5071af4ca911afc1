"""Roll-ups per plan, theme, goal and actor of a measure_status frame (progress math
in tracker.progress), the figures at every quarter's end in one pass
(quarterly_metrics), and the trend and theme × quarter RAG grid from them. The
functions that roll up are pure: tracker.service.overview and the quarterly summary
read the frames once and roll them up several ways."""

from __future__ import annotations

from datetime import UTC, datetime

import pandas as pd
from sqlalchemy.orm import Session

from tracker.progress import (
    ROLLUP_COLUMNS,
    add_measure_metrics,
    due_in,
    group_rag,
    in_figures,
    roll_up,
)
from tracker.quarters import Quarter, quarter_range
from tracker.service.status import code_column, plan_history
from tracker.service.structure import get_plan, measures_frame
from tracker.vocab import Rag

RAG_CODES = [r.value for r in Rag]
MOMENT = "datetime64[us, UTC]"


def figures_of(metrics: pd.DataFrame) -> pd.Series:
    """ROLLUP_COLUMNS over all rows of a measure_status frame (pure)."""
    rolled = roll_up(metrics) if not metrics.empty else _empty()
    if rolled.empty:
        ratios = ("coverage", "progress", "expected")
        return pd.Series({c: float("nan") if c in ratios else 0 for c in ROLLUP_COLUMNS})
    return rolled.astype(object).iloc[0]


def themes_of(metrics: pd.DataFrame, themes: pd.DataFrame) -> pd.DataFrame:
    """Roll a measure_status frame up per theme (pure); themes from list_themes."""
    rolled = roll_up(metrics, "theme_id") if not metrics.empty else _empty()
    return _label(themes.rename(columns={"id": "theme_id"}), rolled, "theme_id")


def goals_of(metrics: pd.DataFrame, goals: pd.DataFrame) -> pd.DataFrame:
    """Roll a measure_status frame up per goal (pure); goals from list_goals. Measures
    without a goal are in no row."""
    metrics = metrics[metrics["goal_id"].notna()]
    rolled = roll_up(metrics, "goal_id") if not metrics.empty else _empty()
    return _label(goals.rename(columns={"id": "goal_id"}), rolled, "goal_id")


def actors_of(metrics: pd.DataFrame, actors: pd.DataFrame) -> pd.DataFrame:
    """Roll a measure_status frame up per lead actor (pure): figures over the measures
    it leads; `partner_in` counts apart the measures where it is a partner or funder.
    Actors with neither are left out."""
    rolled = roll_up(metrics, "lead_actor_id") if not metrics.empty else _empty()
    out = _label(actors.rename(columns={"id": "actor_id"}), rolled, "actor_id")
    partnered = in_figures(metrics)["partner_ids"] if not metrics.empty else metrics["partner_ids"]
    partner_counts = partnered.explode().dropna().astype(int).value_counts()
    out["partner_in"] = out["actor_id"].map(partner_counts).fillna(0).astype(int)
    return out[(out["measures"] > 0) | (out["partner_in"] > 0)].reset_index(drop=True)


def reporting_of(metrics: pd.DataFrame, quarter: Quarter) -> pd.DataFrame:
    """Per lead actor: how many of the measures it leads run in `quarter`
    (quarter_due), and how many of those have a report for it (quarter_reported). Pure."""
    running = due_in(metrics, quarter)
    due = running.groupby("lead_actor_id").size()
    reported = running[running["period"] == str(quarter)].groupby("lead_actor_id").size()
    out = pd.DataFrame({"quarter_due": due, "quarter_reported": reported})
    out = out.fillna(0).astype(int)
    out["quarter_missing"] = out["quarter_due"] - out["quarter_reported"]
    return out.rename_axis("actor_id").reset_index()


def quarterly_metrics(
    session: Session, *, plan_id: int, quarters: list[Quarter], now: datetime | None = None
) -> pd.DataFrame:
    """measure_status for every quarter end at once: one row per measure and quarter
    (column `quarter`), oldest quarter first. Three SQL statements whatever the number
    of quarters; the as-of matching is one merge_asof."""
    measures = measures_frame(session, plan_id)
    if not quarters or measures.empty:
        return pd.DataFrame(columns=[*measures.columns, "quarter"])
    now = now or datetime.now(UTC)  # the running quarter is shown as it stands now
    ends = pd.DataFrame(
        {"quarter": [str(q) for q in quarters], "as_of": [q.end_or_now(now) for q in quarters]}
    )
    ends["as_of"] = ends["as_of"].astype(MOMENT)  # type: ignore[call-overload]  # pandas-stubs: a dtype string
    grid = measures.merge(ends, how="cross").sort_values("as_of", kind="stable")
    grid = grid[~(grid["created_at"] > grid["as_of"])]  # not made yet (empty: always there)
    # measure_id as int64 even when there are no reports yet (merge_asof's keys must match)
    history = plan_history(session, plan_id).astype({"reported_at": MOMENT, "measure_id": "int64"})
    # Reports come oldest first (reported_at, id): merge_asof takes the last report
    # at or before each quarter end, the same one latest_status picks.
    frame = pd.merge_asof(
        grid,
        history,
        left_on="as_of",
        right_on="reported_at",
        left_by="id",
        right_by="measure_id",
        direction="backward",
    ).drop(columns=["measure_id"])
    frame["status"] = code_column(frame["status"])
    frame["rag"] = code_column(frame["rag"])
    metrics = add_measure_metrics(frame, frame["as_of"])
    return metrics.drop(columns=["as_of"]).reset_index(drop=True)


def plan_quarters_so_far(
    session: Session, plan_id: int, until: Quarter | None = None
) -> list[Quarter]:
    """The plan's quarters from its first to `until` (default: the last finished one)."""
    plan = get_plan(session, plan_id)
    last = min(until or Quarter.last_finished(), Quarter(plan.end_year, 4))
    return quarter_range(Quarter(plan.start_year, 1), last)


def trend_of(quarterly: pd.DataFrame) -> pd.DataFrame:
    """Roll a quarterly_metrics frame up per quarter (pure)."""
    if quarterly.empty:
        return pd.DataFrame(columns=["quarter", *ROLLUP_COLUMNS])
    rolled = roll_up(quarterly, "quarter")
    return rolled.rename_axis("quarter").reset_index()


def rag_grid_of(
    quarterly: pd.DataFrame, themes: pd.DataFrame, quarters: list[Quarter]
) -> pd.DataFrame:
    """Theme × quarter RAG from a quarterly_metrics frame (pure); see rag_grid."""
    columns = ["theme_id", "theme_code", "theme_name", "quarter", "rag", *RAG_CODES]
    metrics = quarterly
    if metrics.empty or themes.empty:
        return pd.DataFrame(columns=columns)
    counting = metrics[metrics["counts"]]
    counts = pd.crosstab([counting["theme_id"], counting["quarter"]], counting["rag"]).reindex(
        columns=RAG_CODES, fill_value=0
    )
    grid = pd.MultiIndex.from_product(
        [themes["id"], [str(q) for q in quarters]], names=["theme_id", "quarter"]
    )
    counts = counts.reindex(grid, fill_value=0).reset_index()
    counts["rag"] = [group_rag(g, y, r) for g, y, r in counts[RAG_CODES].itertuples(index=False)]
    names = themes.rename(columns={"id": "theme_id", "code": "theme_code", "name": "theme_name"})
    out = counts.merge(names[["theme_id", "theme_code", "theme_name"]], on="theme_id")
    return out[columns]


def _empty() -> pd.DataFrame:
    return pd.DataFrame(columns=ROLLUP_COLUMNS)


def _label(names: pd.DataFrame, rolled: pd.DataFrame, key: str) -> pd.DataFrame:
    out = names.merge(rolled, how="left", left_on=key, right_index=True)
    counts = [c for c in ROLLUP_COLUMNS if c not in ("coverage", "progress", "expected")]
    out[counts] = out[counts].fillna(0).astype(int)
    return out.reset_index(drop=True)
