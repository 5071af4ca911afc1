"""Whether a logged-in browser session still holds: the one check every way of
keeping a login (session_state now, a session cookie later) runs on each request."""

from __future__ import annotations

from sqlalchemy.orm import Session

from tracker.errors import PermissionDenied
from tracker.models import User
from tracker.service.principal import Principal


def check_session(session: Session, principal: Principal) -> Principal:
    """The principal as the database knows it now, if its session still holds.

    Raises PermissionDenied: perm.inactive (deactivated or deleted), perm.session_ended
    (the password was changed since this session logged in; the session that changed
    it carries the new stamp, see set_password)."""
    if principal.is_system:
        return principal
    user = session.get(User, principal.user_id)
    if user is None or not user.active:
        raise PermissionDenied.of("perm.inactive")
    if user.session_epoch != principal.session_epoch:
        raise PermissionDenied.of("perm.session_ended")
    return Principal.of(user)
