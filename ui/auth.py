"""Login: local accounts (a form), and single sign-on with st.login when an
[auth] section exists in .streamlit/secrets.toml (the identity's e-mail is mapped
to a user). Logout in the sidebar."""

from __future__ import annotations

from collections.abc import Mapping

import streamlit as st

from tracker import db, i18n, service
from tracker.demo import demo_accounts
from tracker.errors import AuthError, PermissionDenied
from tracker.vocab import Role
from ui import data, state
from ui.client import current_client
from ui.state import lang, set_user, t, user
from ui.text import MISSING, error_text, plain, t_md

ENDED_KEY = "session_ended"


def refresh_user() -> None:
    """Read the logged-in user anew each run: a deactivated user is logged out, a
    password changed elsewhere ends this session, and a changed role changes the
    pages at once (not only at the next write)."""
    principal = user()
    if principal is None or principal.is_system:
        return
    with db.read_session(state.current_engine()) as session:
        try:
            set_user(service.check_session(session, principal))
        except PermissionDenied as ended:
            set_user(None)
            st.session_state[ENDED_KEY] = ended.text(lang())


def keep_own_session(username: str, epoch: int) -> None:
    """After a password change: the session that made it stays logged in."""
    principal = user()
    if principal is not None and principal.username == username:
        set_user(principal.with_session_epoch(epoch))


def sso_configured() -> bool:
    try:
        return "auth" in st.secrets
    except Exception:  # no secrets file at all: Streamlit raises its own error type
        return False


def sso_provider() -> str | None:
    """The provider name for st.login: None for a flat [auth] section (client_id in
    it), else the first [auth.<name>] section, e.g. "microsoft" for [auth.microsoft]."""
    section = st.secrets.get("auth", {})
    if "client_id" in section:
        return None
    return next((name for name, value in section.items() if isinstance(value, Mapping)), None)


def sign_in_from_sso() -> None:
    """After an st.login round trip, map the identity's e-mail to a user."""
    if user() is not None or not sso_configured() or not st.user.is_logged_in:
        return
    # A provider that says the e-mail is not verified does not prove who this is.
    verified = st.user.get("email_verified") is not False
    email = str(st.user.get("email") or "") if verified else ""
    with data.write() as session:
        principal = service.principal_by_email(session, email) if email else None
    if principal is None:
        # No st.logout() here: it reloads the page into a new session, which would
        # lose this message. The login page shows it while the identity is unknown;
        # the SSO button lets the user pick another account.
        st.session_state["sso_error"] = t_md("login.sso_unknown", email=email or "?")
        return
    set_user(principal)


def login_page() -> None:
    st.title(t("app.title"))
    st.subheader(t("login.heading"))
    if message := st.session_state.pop("sso_error", None):
        st.error(message)
    if message := st.session_state.pop(ENDED_KEY, None):
        st.info(message)
    with st.form("login", clear_on_submit=False, enter_to_submit=True):
        username = st.text_input(t("login.username"), key="login_username")
        password = st.text_input(t("login.password"), type="password", key="login_password")
        submitted = st.form_submit_button(t("login.submit"), type="primary", key="login_submit")
    if submitted:
        check_password(username, password)
    if sso_configured():
        st.button(t("login.sso"), key="login_sso", on_click=st.login, args=(sso_provider(),))
    if active := data.demo_usernames():
        _demo_accounts(active)


def check_password(username: str, password: str) -> None:
    # log_in verifies with no transaction open: a login never holds the write lock.
    try:
        principal = service.log_in(
            state.current_engine(), username, password, client=current_client()
        )
    except AuthError as refused:
        st.error(error_text(refused))
        return
    set_user(principal)
    st.rerun()


def _demo_accounts(active: list[str]) -> None:
    with st.expander(t("login.demo_accounts"), expanded=True):
        st.caption(t("login.demo_only"))
        rows = [
            {
                t("login.username"): name,
                t("login.password"): password,
                t("login.role"): i18n.label(Role(role), lang()),
                t("col.actor"): actor or "",
            }
            for name, password, role, actor in demo_accounts()
            if name in active
        ]
        st.dataframe(rows, hide_index=True, placeholder=MISSING)


def sidebar_user() -> None:
    principal = user()
    if principal is None:
        return
    with st.sidebar:
        st.markdown(f"**{plain(principal.display_name)}**")
        role = i18n.label(principal.role, lang())
        actor_name = _actor_name(principal.actor_id)
        st.caption(f"{role} · {plain(actor_name)}" if actor_name else role)
        if st.button(t("login.logout"), key="logout", icon=":material/logout:"):
            set_user(None)
            if sso_configured() and st.user.is_logged_in:
                # st.logout() redirects the browser (the identity cookie goes, a new
                # session starts); st.rerun() would drop that redirect, so stop instead.
                st.logout()
                st.stop()
            st.rerun()


def _actor_name(actor_id: int | None) -> str:
    if actor_id is None:
        return ""
    actors = data.actors()
    match = actors[actors["id"] == actor_id]
    return "" if match.empty else str(match.iloc[0]["name"])
