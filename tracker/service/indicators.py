"""Indicators (KPIs): the plan's key figures with a baseline, a target and a
direction, and values reported per year or quarter by the responsible actor's
users or the admin (append-only: the latest report for a period counts). On track
means at or beyond the straight path from baseline to target at that period."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, replace
from datetime import UTC, datetime

import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.cleaning import clean_text
from tracker.errors import NotFound, PermissionDenied
from tracker.models import Actor, Indicator, IndicatorValue, User
from tracker.quarters import year_position
from tracker.service.audit import record
from tracker.service.checks import Checks
from tracker.service.principal import Principal, acting_user, require_admin
from tracker.vocab import AuditAction, Direction, Entity, Role

PERIOD = re.compile(r"^\d{4}(-Q[1-4])?$")
INDICATOR_COLUMNS = [
    "id",
    "name",
    "unit",
    "theme_id",
    "actor_id",
    "actor",
    "baseline_year",
    "baseline_value",
    "target_year",
    "target_value",
    "direction",
    "source",
    "is_example",
    "period",
    "value",
    "expected",
    "on_track",
]


@dataclass(frozen=True)
class IndicatorInput:
    name: str
    unit: str
    baseline_year: int
    baseline_value: float
    target_year: int
    target_value: float
    direction: Direction | str = Direction.UP
    actor_id: int | None = None
    theme_id: int | None = None
    source: str = ""
    is_example: bool = False


def save_indicator(
    session: Session, *, user: Principal, plan_id: int, values: IndicatorInput
) -> int:
    """Create an indicator (admin only); returns its id."""
    current = require_admin(session, user)
    cleaned = _checked(values)
    row = Indicator(plan_id=plan_id, **asdict(cleaned))
    session.add(row)
    session.flush()
    record(
        session,
        current,
        action=AuditAction.CREATE,
        entity=Entity.INDICATOR,
        entity_id=row.id,
        after=asdict(cleaned),
    )
    return row.id


def _checked(values: IndicatorInput) -> IndicatorInput:
    """Every rule for an indicator at once; the values cleaned."""
    checks = Checks()
    name = checks.text("name", values.name, Indicator.name, required="indicators.name_required")
    first = checks.year("baseline_year", values.baseline_year)
    last = checks.year("target_year", values.target_year)
    if first is not None and last is not None and last <= first:
        checks.add("indicators.target_after_baseline", "target_year")
    unit = checks.text("unit", values.unit, Indicator.unit)
    source = checks.text("source", values.source, Indicator.source)
    baseline = checks.number("baseline_value", values.baseline_value, Indicator.baseline_value)
    target = checks.number("target_value", values.target_value, Indicator.target_value)
    direction = checks.member("direction", values.direction, Direction, Indicator.direction)
    checks.raise_if_any()
    assert baseline is not None and target is not None and direction is not None  # else raised
    return replace(
        values,
        name=name,
        unit=unit,
        source=source,
        baseline_value=baseline,
        target_value=target,
        direction=direction,
        is_example=bool(values.is_example),
    )


def report_value(
    session: Session,
    *,
    user: Principal,
    indicator_id: int,
    period: str,
    value: float,
    comment: str = "",
    now: datetime | None = None,
) -> int:
    """Append a value for a year ("2025") or a quarter ("2025-Q3")."""
    indicator = session.get(Indicator, indicator_id)
    if indicator is None:
        raise NotFound.of("indicators.not_found", id=indicator_id)
    current = acting_user(session, user)
    if current.role != Role.ADMIN and not (
        current.role == Role.ACTOR and current.actor_id == indicator.actor_id
    ):
        raise PermissionDenied.of("indicators.not_yours")
    period = clean_text(period).upper()
    checks = Checks()
    if not PERIOD.match(period):
        checks.add("indicators.bad_period", "period", period=period)
    elif not indicator.baseline_year <= int(period[:4]) <= indicator.target_year:
        checks.add(
            "indicators.period_outside",
            "period",
            period=period,
            start=indicator.baseline_year,
            end=indicator.target_year,
        )
    number = checks.number("value", value, IndicatorValue.value)
    comment = checks.text("comment", comment, IndicatorValue.comment)
    checks.raise_if_any()
    assert number is not None
    if (same := _latest_if_same(session, indicator_id, period, number, comment)) is not None:
        return same  # the same report again (a double click): nothing new to store
    row = IndicatorValue(
        indicator_id=indicator_id,
        period=period,
        value=number,
        comment=comment,
        reported_by_user_id=current.user_id,
        reported_at=now or datetime.now(UTC),
    )
    session.add(row)
    session.flush()
    record(
        session,
        current,
        action=AuditAction.REPORT,
        entity=Entity.INDICATOR,
        entity_id=indicator_id,
        after={"period": period, "value": number},
    )
    return row.id


def _latest_if_same(
    session: Session, indicator_id: int, period: str, value: float, comment: str
) -> int | None:
    """The id of the latest value for the indicator and period when it says the same
    (value and comment); else None."""
    latest = session.scalars(
        select(IndicatorValue)
        .where(IndicatorValue.indicator_id == indicator_id, IndicatorValue.period == period)
        .order_by(IndicatorValue.reported_at.desc(), IndicatorValue.id.desc())
        .limit(1)
    ).first()
    if latest is None or latest.value != value or latest.comment != comment:
        return None
    return latest.id


def indicator_values(
    session: Session, indicator_ids: list[int], as_of: datetime | None = None
) -> pd.DataFrame:
    """The value per indicator and period (the latest report on or before as_of;
    default: now), by period."""
    query = (
        select(
            IndicatorValue.indicator_id,
            IndicatorValue.period,
            IndicatorValue.value,
            IndicatorValue.comment,
            User.display_name.label("reported_by"),
        )
        .outerjoin(User, IndicatorValue.reported_by_user_id == User.id)
        .where(IndicatorValue.indicator_id.in_(indicator_ids))
        .order_by(IndicatorValue.reported_at, IndicatorValue.id)
    )
    if as_of is not None:
        query = query.where(IndicatorValue.reported_at <= as_of)
    columns = ["indicator_id", "period", "value", "comment", "reported_by"]
    rows = pd.DataFrame(session.execute(query).mappings().all(), columns=columns)
    latest = rows.drop_duplicates(["indicator_id", "period"], keep="last")
    return latest.sort_values(["indicator_id", "period"], kind="stable").reset_index(drop=True)


def period_kind(period: str) -> str:
    """'year' for a value reported for a year ("2025"), 'quarter' for a quarter ("2025-Q3")."""
    return "quarter" if "-Q" in period else "year"


def list_indicators(
    session: Session, plan_id: int, as_of: datetime | None = None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(indicators with their latest value, expected value and on-track flag;
    every value with its expected value) for the plan, as reported by as_of."""
    query = (
        select(Indicator, Actor.name.label("actor"))
        .outerjoin(Actor, Indicator.actor_id == Actor.id)
        .where(Indicator.plan_id == plan_id)
        .order_by(Indicator.id)
    )
    found = session.execute(query).all()
    base = pd.DataFrame(
        [
            {
                **{c: getattr(i, c) for c in INDICATOR_COLUMNS[:13] if hasattr(i, c)},
                "actor": actor,
                "direction": i.direction.value,
            }
            for i, actor in found
        ],
        columns=INDICATOR_COLUMNS[:13],
    )
    values = indicator_values(session, base["id"].tolist(), as_of)
    values = values.merge(base, left_on="indicator_id", right_on="id", how="left")
    values["expected"] = [expected(r) for r in values.to_dict("records")]
    values["on_track"] = [on_track(r) for r in values.to_dict("records")]
    latest = values.sort_values("period").drop_duplicates("indicator_id", keep="last")
    columns = ["period", "value", "expected", "on_track"]
    table = base.merge(
        latest[["indicator_id", *columns]], left_on="id", right_on="indicator_id", how="left"
    ).drop(columns=["indicator_id"])
    return table[INDICATOR_COLUMNS], values


def expected(row: dict) -> float:
    """The straight path from baseline to target at a period (a quarter counts at
    its middle: 2025-Q3 is 2025.625)."""
    span = row["target_year"] - row["baseline_year"]
    at = year_position(row["period"])
    share = min(max((at - row["baseline_year"]) / span, 0.0), 1.0) if span else 1.0
    return row["baseline_value"] + (row["target_value"] - row["baseline_value"]) * share


def on_track(row: dict) -> bool:
    if row["direction"] == Direction.DOWN:
        return bool(row["value"] <= row["expected"])
    return bool(row["value"] >= row["expected"])
