"""Who is acting, and what that user may do. Permissions live here, not in the UI."""

from __future__ import annotations

from dataclasses import dataclass, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.errors import PermissionDenied
from tracker.models import Measure, MeasurePartner, User
from tracker.vocab import Role


@dataclass(frozen=True)
class Principal:
    """The acting user as plain values (safe to keep in a UI session).

    Every write re-reads the user from the database (see acting_user), so a
    deactivated user or a changed role takes effect at once.
    """

    user_id: int | None
    username: str
    display_name: str
    role: Role
    actor_id: int | None = None
    session_epoch: int = 0  # the user's session stamp when this session logged in

    @classmethod
    def of(cls, user: User) -> Principal:
        return cls(
            user.id, user.username, user.display_name, user.role, user.actor_id, user.session_epoch
        )

    def with_session_epoch(self, epoch: int) -> Principal:
        return replace(self, session_epoch=epoch)

    @property
    def is_system(self) -> bool:
        return self.user_id is None


SYSTEM = Principal(None, "system", "System (kommandolinje)", Role.ADMIN)
"""The local operator at the command line: trusted like an administrator."""


def acting_user(session: Session, principal: Principal) -> Principal:
    """The principal as the database knows it now. Raises PermissionDenied if inactive."""
    if principal.is_system:
        return principal
    user = session.get(User, principal.user_id)
    if user is None or not user.active:
        raise PermissionDenied.of("perm.inactive")
    return Principal.of(user)


def require_admin(session: Session, principal: Principal) -> Principal:
    current = acting_user(session, principal)
    if current.role != Role.ADMIN:
        raise PermissionDenied.of("perm.admin_only")
    return current


def actor_takes_part(session: Session, actor_id: int, measure: Measure) -> bool:
    """The actor leads the measure or is a partner or funder in it."""
    return measure.lead_actor_id == actor_id or _is_partner(session, actor_id, measure)


def require_reporter(session: Session, principal: Principal, measure: Measure) -> Principal:
    """Status is the lead's: the admin reports on anything, an actor user on the
    measures its actor leads. A partner adds contributions instead; a leader reads."""
    current = acting_user(session, principal)
    if current.role == Role.ADMIN:
        return current
    if current.role == Role.LEADER:
        raise PermissionDenied.of("perm.read_only")
    if current.actor_id is not None and _is_partner(session, current.actor_id, measure):
        raise PermissionDenied.of("perm.partner_contributes", code=measure.code)
    if current.actor_id != measure.lead_actor_id:
        raise PermissionDenied.of("perm.not_your_measure")
    return current


def require_contributor(session: Session, principal: Principal, measure: Measure) -> Principal:
    """A contribution is a partner's: an actor user whose actor is a partner or
    funder of the measure (the lead reports status instead)."""
    current = acting_user(session, principal)
    if current.role == Role.LEADER:
        raise PermissionDenied.of("perm.read_only")
    if current.role == Role.ACTOR and current.actor_id == measure.lead_actor_id:
        raise PermissionDenied.of("perm.lead_reports", code=measure.code)
    if current.actor_id is None or not _is_partner(session, current.actor_id, measure):
        raise PermissionDenied.of("perm.not_partner", code=measure.code)
    return current


def _is_partner(session: Session, actor_id: int, measure: Measure) -> bool:
    """The actor is a partner or funder in the measure."""
    return session.get(MeasurePartner, (measure.id, actor_id)) is not None


def reportable_measure_ids(session: Session, principal: Principal) -> set[int] | None:
    """Measures the user may report status on: None means all (admin); an actor
    user's are those its actor leads; empty for leaders."""
    if principal.role == Role.ADMIN:
        return None
    if principal.role != Role.ACTOR or principal.actor_id is None:
        return set()
    led = select(Measure.id).where(Measure.lead_actor_id == principal.actor_id)
    return set(session.scalars(led))


def contributable_measure_ids(session: Session, principal: Principal) -> set[int]:
    """Measures the user may add a contribution to: its actor's partner roles."""
    if principal.role != Role.ACTOR or principal.actor_id is None:
        return set()
    partnered = select(MeasurePartner.measure_id).where(
        MeasurePartner.actor_id == principal.actor_id
    )
    return set(session.scalars(partnered))
