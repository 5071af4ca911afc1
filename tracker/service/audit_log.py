"""Reading the audit trail (admin): the log as a table, filtered, newest first,
in words (tracker.audit_words), and the values the filter widgets offer."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

import pandas as pd
from sqlalchemy import Select, String, cast, func, literal, or_, select, union_all
from sqlalchemy.orm import Session

from tracker import audit_words, i18n
from tracker.models import Actor, AuditLog, Event, Goal, Indicator, Measure, Plan, Theme, User
from tracker.service.principal import Principal, require_admin

STORED_COLUMNS = ["at", "user_id", "username", "action", "entity", "entity_id", "before", "after"]
WORD_COLUMNS = ["who", "what", "thing", "which", "summary"]
AUDIT_COLUMNS = STORED_COLUMNS + WORD_COLUMNS

NAMED = {
    "actor": (Actor.id, Actor.name),
    "theme": (Theme.id, Theme.name),
    "goal": (Goal.id, Goal.code + literal(" ") + Goal.text),
    "measure": (Measure.id, Measure.code + literal(" ") + Measure.title),
    "plan": (Plan.id, Plan.name),
    "event": (Event.id, Event.title),
    "indicator": (Indicator.id, Indicator.name),
    "user": (User.id, User.display_name),
}
"""How each kind of thing is named in the log: its id column and its name."""


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
    lang: str = i18n.DEFAULT_LANG,
) -> pd.DataFrame:
    """The audit log, newest first, at most `limit` rows (admin only): one SQL
    statement for the rows and one for the names they mention.

    entity and username match exactly; since/until (aware datetimes) both include
    their moment; search finds text, ignoring case, in the user name, action,
    entity, entity id and the before/after values (as stored: codes and ids).
    Columns AUDIT_COLUMNS: the stored ones (`before` and `after` as dicts or None),
    then in words in `lang`: who (the user's name), what (the action), thing (the
    entity), which (its name) and summary («Tittel: Gammel → Ny; …»).
    Raises PermissionDenied.
    """
    require_admin(session, user)
    for moment in (since, until):
        if moment is not None and moment.tzinfo is None:
            raise ValueError("since/until must be aware datetimes")
    if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
        raise ValueError("limit must be a positive whole number")
    query = _query(entity, username, since, until, search).limit(limit)
    frame = pd.DataFrame(session.execute(query).all(), columns=STORED_COLUMNS)
    frame["at"] = pd.to_datetime(frame["at"], utc=True).astype("datetime64[us, UTC]")
    frame["user_id"] = frame["user_id"].astype("Int64")
    return _in_words(session, frame, lang)


def _query(
    entity: str | None,
    username: str | None,
    since: datetime | None,
    until: datetime | None,
    search: str,
) -> Select[Any]:
    """The audit rows list_audit's filters let through, newest first."""
    query = select(
        AuditLog.at,
        AuditLog.user_id,
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
    return query.order_by(AuditLog.at.desc(), AuditLog.id.desc())


def _in_words(session: Session, frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """frame with WORD_COLUMNS added: each stored row said in words in lang."""
    rows: list[dict[str, Any]] = [
        {str(k): None if k == "user_id" and pd.isna(v) else v for k, v in row.items()}
        for row in frame[STORED_COLUMNS[1:]].to_dict("records")
    ]
    names = audit_names(session, audit_words.wanted_ids(rows))
    words = {
        "who": [audit_words.who_text(row, names) for row in rows],
        "what": [audit_words.action_text(r["action"], r["entity"], lang) for r in rows],
        "thing": [audit_words.entity_text(r["entity"], lang) for r in rows],
        "which": [audit_words.which_text(row, names, lang) for row in rows],
        "summary": [audit_words.changes_text(row, names, lang) for row in rows],
    }
    for column in WORD_COLUMNS:
        frame[column] = pd.Series(words[column], index=frame.index, dtype=object)
    return frame


def audit_names(session: Session, wanted: dict[str, set[int]]) -> dict[str, dict[int, str]]:
    """The names of the things `wanted` (kind -> ids) in one statement (a UNION over
    the kinds asked for). An id not found (deleted since) is left out."""
    parts: list[Any] = [
        select(literal(kind, String).label("kind"), column.label("id"), name.label("name")).where(
            column.in_(sorted(wanted[kind]))
        )
        for kind, (column, name) in NAMED.items()
        if wanted.get(kind)
    ]
    names: dict[str, dict[int, str]] = {kind: {} for kind in NAMED}
    if not parts:
        return names
    for kind, number, name in session.execute(union_all(*parts)):
        names[kind][int(number)] = str(name)
    return names


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


def audit_entities(session: Session) -> list[str]:
    """The entities named in the audit log, sorted (for a filter widget)."""
    return list(session.scalars(select(AuditLog.entity).distinct().order_by(AuditLog.entity)))


def audit_usernames(session: Session) -> list[str]:
    """The user names in the audit log, sorted (for a filter widget)."""
    query = select(AuditLog.username).distinct().order_by(AuditLog.username)
    return list(session.scalars(query))
