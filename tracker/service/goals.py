"""Keeping the plan's goals (mål, admin): save and delete. The rules every edit
follows: tracker.service.edits."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.errors import ValidationError
from tracker.models import Goal, Measure, Theme
from tracker.service.checks import Checks
from tracker.service.edits import (
    REQUIRED,
    check_code_free,
    check_ref,
    codes,
    delete_values,
    existing,
    get_plan,
    in_plan,
    save_values,
)
from tracker.service.principal import Principal, require_admin
from tracker.vocab import Entity


def save_goal(
    session: Session,
    *,
    user: Principal,
    plan_id: int,
    goal_id: int | None,
    code: str,
    text: str,
    theme_id: int | None,
) -> int:
    """Create a goal (goal_id None) or change one; theme_id None for an overall goal.

    Raises PermissionDenied, NotFound (plan, or goal not in the plan), ValidationError.
    """
    principal = require_admin(session, user)
    plan = get_plan(session, plan_id)
    goal = in_plan(session, Goal, Entity.GOAL, goal_id, plan) if goal_id is not None else None
    checks = Checks()
    values: dict[str, Any] = {
        "code": checks.text("code", code, Goal.code, required=REQUIRED),
        "text": checks.text("text", text, Goal.text, required=REQUIRED),
        "theme_id": theme_id,
    }
    if theme_id is not None:
        check_ref(checks, session, Theme, Entity.THEME, theme_id, plan, "theme_id")
    if values["code"]:
        check_code_free(session, checks, Goal, plan, values["code"], goal_id)
    checks.raise_if_any()
    item = goal or Goal(plan_id=plan.id)
    save_values(session, principal, item, values, entity=Entity.GOAL, label=values["code"])
    return item.id


def delete_goal(session: Session, *, user: Principal, goal_id: int) -> None:
    """Delete a goal no measure points to.

    Raises PermissionDenied, NotFound, ValidationError (naming what still uses it).
    """
    principal = require_admin(session, user)
    goal = existing(session, Goal, Entity.GOAL, goal_id)
    measures = session.scalars(select(Measure.code).where(Measure.goal_id == goal.id)).all()
    if measures:
        raise ValidationError.of("admin.used_by_measures", name=goal.code, codes=codes(measures))
    fields = ("plan_id", "code", "text", "theme_id")
    delete_values(session, principal, goal, fields, entity=Entity.GOAL, label=goal.code)
