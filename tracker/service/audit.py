"""The audit trail and the data revision: every write goes through record()."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from tracker.db import bump_revision
from tracker.models import AuditLog
from tracker.service.principal import Principal
from tracker.vocab import AuditAction, Entity


def record(
    session: Session,
    principal: Principal,
    *,
    action: AuditAction,
    entity: Entity,
    entity_id: object = "",
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    bump: bool = True,
) -> None:
    """Write one audit row and bump the data revision, in the caller's transaction.

    A bulk write (an import) passes bump=False for its rows and bumps once itself.
    action and entity are of the vocabulary (AuditAction, Entity): the log shows
    their labels. A plain string is refused (ValueError) unless it is one of them.
    """
    action_code, entity_code = AuditAction(action).value, Entity(entity).value
    session.add(
        AuditLog(
            user_id=principal.user_id,
            username=principal.username,
            action=action_code,
            entity=entity_code,
            entity_id=str(entity_id),
            before=_jsonable(before),
            after=_jsonable(after),
        )
    )
    if bump:
        bump_revision(session)


def _jsonable(values: dict[str, Any] | None) -> dict[str, Any] | None:
    if values is None:
        return None
    return {key: _plain(value) for key, value in values.items()}


def _plain(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, list | tuple | set):
        return [_plain(v) for v in value]
    return str(value)
