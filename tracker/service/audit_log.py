"""Reading the audit trail (admin): the log as a table, filtered, newest first,
and the values the filter widgets offer."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

import pandas as pd
from sqlalchemy import String, cast, func, or_, select
from sqlalchemy.orm import Session

from tracker.models import AuditLog
from tracker.service.principal import Principal, require_admin

AUDIT_COLUMNS = ["at", "username", "action", "entity", "entity_id", "before", "after", "summary"]
VALUE_WIDTH = 60
"""A value longer than this is cut short (with …) in the summary."""


def list_audit(
    session: Session,
    *,
    user: Principal,
    entity: str | None = None,
    username: str | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    search: str = "",
    limit: int = 500,
) -> pd.DataFrame:
    """The audit log, newest first, at most `limit` rows (admin only): one SQL statement.

    entity and username match exactly; since/until (aware datetimes) both include
    their moment; search finds text, ignoring case, in the user name, action,
    entity, entity id and the before/after values. Columns AUDIT_COLUMNS: `before`
    and `after` as dicts (or None), `summary` as "field: before → after; …".
    Raises PermissionDenied.
    """
    require_admin(session, user)
    for moment in (since, until):
        if moment is not None and moment.tzinfo is None:
            raise ValueError("since/until must be aware datetimes")
    if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
        raise ValueError("limit must be a positive whole number")
    query = select(
        AuditLog.at,
        AuditLog.username,
        AuditLog.action,
        AuditLog.entity,
        AuditLog.entity_id,
        AuditLog.before,
        AuditLog.after,
    )
    if entity:
        query = query.where(AuditLog.entity == str(entity))
    if username:
        query = query.where(AuditLog.username == username)
    if since is not None:
        query = query.where(AuditLog.at >= since)
    if until is not None:
        query = query.where(AuditLog.at <= until)
    if search.strip():
        query = query.where(_matches(search.strip()))
    query = query.order_by(AuditLog.at.desc(), AuditLog.id.desc()).limit(limit)
    frame = pd.DataFrame(session.execute(query).all(), columns=AUDIT_COLUMNS[:-1])
    frame["at"] = pd.to_datetime(frame["at"], utc=True).astype("datetime64[us, UTC]")
    frame["summary"] = pd.Series(
        [summarize(b, a) for b, a in zip(frame["before"], frame["after"], strict=True)],
        index=frame.index,
        dtype=object,
    )
    return frame


def _matches(needle: str) -> Any:
    """Case-insensitive substring search over the text columns and the JSON values.

    SQLite folds only ASCII case, and the JSON columns may hold non-ASCII letters as
    \\u escapes, so the needle is tried as written, in lower and upper case, and
    each of those JSON-escaped. An empty side is stored as JSON `null`, which must
    not match.
    """
    variants = {needle, needle.lower(), needle.upper()}
    escaped = {json.dumps(v)[1:-1] for v in variants}
    plain_columns = [AuditLog.username, AuditLog.action, AuditLog.entity, AuditLog.entity_id]
    json_columns = [func.nullif(cast(c, String), "null") for c in (AuditLog.before, AuditLog.after)]
    conditions = [c.icontains(v, autoescape=True) for c in plain_columns for v in variants]
    conditions += [
        c.icontains(v, autoescape=True) for c in json_columns for v in variants | escaped
    ]
    return or_(*conditions)


def summarize(before: dict[str, Any] | None, after: dict[str, Any] | None) -> str:
    """The changed fields compactly: "title: Old → New; weight: 1 → 2".

    A create (only after) or a delete (only before) lists "field: value".
    """
    before, after = before or {}, after or {}
    keys = list(after) + [k for k in before if k not in after]
    both = bool(before) and bool(after)
    parts = []
    for key in keys:
        if both:
            old = _show(before.get(key))
            new = _show(after.get(key))
            parts.append(f"{key}: {old} → {new}")
        else:
            parts.append(f"{key}: {_show(after[key] if key in after else before[key])}")
    return "; ".join(parts)


def _show(value: Any) -> str:
    if value is None or value == "" or value == []:
        return "–"
    if isinstance(value, list | tuple):
        text = ", ".join(_show(v) for v in value)
    elif isinstance(value, dict):
        text = json.dumps(value, ensure_ascii=False)
    elif isinstance(value, float):
        text = f"{value:g}"
    else:
        text = str(value)
    text = " ".join(text.split())
    return text if len(text) <= VALUE_WIDTH else text[: VALUE_WIDTH - 1] + "…"


def audit_entities(session: Session) -> list[str]:
    """The entities named in the audit log, sorted (for a filter widget)."""
    return list(session.scalars(select(AuditLog.entity).distinct().order_by(AuditLog.entity)))


def audit_usernames(session: Session) -> list[str]:
    """The user names in the audit log, sorted (for a filter widget)."""
    query = select(AuditLog.username).distinct().order_by(AuditLog.username)
    return list(session.scalars(query))
