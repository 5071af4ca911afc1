"""Keeping the plan's themes (satsingsområder, admin): save and delete. The rules
every edit follows: tracker.service.edits."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tracker.models import Goal, Measure, Plan, Theme
from tracker.service.checks import Checks
from tracker.service.edits import (
    REQUIRED,
    check_code_free,
    codes,
    delete_values,
    existing,
    get_plan,
    in_plan,
    save_values,
)
from tracker.service.principal import Principal, require_admin
from tracker.vocab import Entity


def save_theme(
    session: Session,
    *,
    user: Principal,
    plan_id: int,
    theme_id: int | None,
    code: str,
    name: str,
    description: str = "",
    position: int | None = None,
) -> int:
    """Create a theme (theme_id None) or change one. position None: last (new) or as is.

    Raises PermissionDenied, NotFound (plan, or theme not in the plan), ValidationError.
    """
    principal = require_admin(session, user)
    plan = get_plan(session, plan_id)
    theme = in_plan(session, Theme, Entity.THEME, theme_id, plan) if theme_id is not None else None
    checks = Checks()
    values: dict[str, Any] = {
        "code": checks.text("code", code, Theme.code, required=REQUIRED),
        "name": checks.text("name", name, Theme.name, required=REQUIRED),
        "description": checks.text("description", description, Theme.description),
    }
    if position is not None or theme is None:
        values["position"] = _position(session, checks, plan, position)
    if values["code"]:
        check_code_free(session, checks, Theme, plan, values["code"], theme_id)
    checks.raise_if_any()
    item = theme or Theme(plan_id=plan.id)
    save_values(session, principal, item, values, entity=Entity.THEME, label=values["name"])
    return item.id


def _position(session: Session, checks: Checks, plan: Plan, position: object) -> int | None:
    """The position asked for (a whole number from 0), or after the plan's last
    theme when None."""
    if position is None:
        highest = session.scalar(select(func.max(Theme.position)).where(Theme.plan_id == plan.id))
        return (highest or 0) + 1
    if isinstance(position, bool) or not isinstance(position, int) or position < 0:
        checks.add("admin.position_invalid", "position", value=position)
        return None
    return position


def delete_theme(session: Session, *, user: Principal, theme_id: int) -> None:
    """Delete a theme no measure and no goal belongs to.

    Raises PermissionDenied, NotFound, ValidationError (naming what still uses it).
    """
    principal = require_admin(session, user)
    theme = existing(session, Theme, Entity.THEME, theme_id)
    checks = Checks()
    measures = session.scalars(select(Measure.code).where(Measure.theme_id == theme.id)).all()
    if measures:
        checks.add("admin.used_by_measures", name=theme.name, codes=codes(measures))
    goals = session.scalars(select(Goal.code).where(Goal.theme_id == theme.id)).all()
    if goals:
        checks.add("admin.used_by_goals", name=theme.name, codes=codes(goals))
    checks.raise_if_any()
    fields = ("plan_id", "code", "name", "description", "position")
    delete_values(session, principal, theme, fields, entity=Entity.THEME, label=theme.name)
