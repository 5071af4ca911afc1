"""Login: local accounts (a form that posts to web.login, which sets the session
cookie), and single sign-on with st.login when an [auth] section exists in
.streamlit/secrets.toml (the identity's e-mail is mapped to a user). Every run reads
the user anew from the session cookie. Logout in the sidebar."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from urllib.parse import urlencode, urlsplit

import streamlit as st

from tracker import db, i18n, settings
from tracker.demo.seed import demo_accounts
from tracker.errors import PermissionDenied
from tracker.service import sessions
from tracker.service.users import principal_by_email
from tracker.vocab import Role
from ui import data, secrets, state
from ui.state import LANG_KEY, lang, set_user, t, user
from ui.text import MISSING, plain, t_md
from web.cookies import NOTE_COOKIE, SESSION_COOKIE, LoginNote
from web.forms import login_form, logout_form
from web.login import NOTE_KEYS

ENDED_KEY = "session_ended"
TOUCHED_KEY = "session_touched"
MADE_KEY = "first_admin_made"


def refresh_user() -> None:
    """Read the logged-in user anew each run, from the session cookie when the
    browser has one: a logout in another tab, an expired or ended session, a
    deactivated or locked account log this one out; a changed role changes the
    pages at once (not only at the next write)."""
    token = session_token()
    if token is not None:
        _resume(token)
        return
    principal = user()
    if principal is None or principal.is_system:
        return
    with db.read_session(state.current_engine()) as session:
        try:
            set_user(sessions.check_session(session, principal))
        except PermissionDenied as ended:
            _ended(ended)


def restore_language() -> None:
    """A new browser session (a reload, a new tab) takes the language last chosen
    in this browser; the language switch stores it (remember_language)."""
    token = session_token()
    if token is None or LANG_KEY in st.session_state:
        return
    with db.read_session(state.current_engine()) as session:
        chosen = sessions.session_language(session, token)
    # Set either way: a browser that never chose is not asked again at every rerun.
    st.session_state[LANG_KEY] = chosen if chosen in i18n.LANGUAGES else i18n.DEFAULT_LANG


def remember_language(chosen: str) -> None:
    if token := session_token():
        with db.transaction(state.current_engine()) as session:
            sessions.set_session_language(session, token, chosen)


def session_token() -> str | None:
    """The browser session's token from its cookie (None: no cookie, e.g. single
    sign-on, or a test that runs the script without a browser)."""
    return cookie(SESSION_COOKIE)


def cookie(name: str) -> str | None:
    """A cookie the browser sent (AppTest has none: it gives no strings here)."""
    value = st.context.cookies.get(name)
    return value if isinstance(value, str) and value else None


def _resume(token: str) -> None:
    engine = state.current_engine()
    with db.read_session(engine) as session:
        try:
            principal = sessions.resume_session(session, token)
        except PermissionDenied as ended:
            if user() is not None or not _logged_out_here():
                _ended(ended)
            return
    set_user(principal)
    now = datetime.now(UTC)
    last = st.session_state.get(TOUCHED_KEY)
    if last is None or now - last >= sessions.TOUCH_EVERY:
        with db.transaction(engine) as session:
            sessions.touch_session(session, token, now=now)
        st.session_state[TOUCHED_KEY] = now


def _logged_out_here() -> bool:
    """The login page already says why (a rerun of it must not say it twice)."""
    return st.session_state.get(ENDED_KEY) is not None


def _ended(ended: PermissionDenied) -> None:
    set_user(None)
    st.session_state[ENDED_KEY] = ended.text(lang())


def keep_own_session(username: str, epoch: int) -> None:
    """After a password change: the session that made it stays logged in."""
    principal = user()
    if principal is not None and principal.username == username:
        set_user(principal.with_session_epoch(epoch))
        if token := session_token():
            with db.transaction(state.current_engine()) as session:
                sessions.keep_session(session, token, epoch)


def sso_configured() -> bool:
    return secrets.section(settings.AUTH_SECRETS) is not None


def sso_provider() -> str | None:
    """The provider name for st.login: None for a flat [auth] section (client_id in
    it), else the first [auth.<name>] section, e.g. "microsoft" for [auth.microsoft]."""
    section = secrets.section(settings.AUTH_SECRETS) or {}
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
        principal = principal_by_email(session, email) if email else None
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
    if message := st.session_state.get(ENDED_KEY):
        st.info(message)
    note = login_note()
    if note is not None:
        st.error(t(note.key, **note.params))
    made = st.session_state.get(MADE_KEY)
    if made:
        st.success(t_md("setup.made", username=made))
    target = requested_target()
    if target != "/":
        st.caption(t("login.then_page"))
    st.html(login_form(target, note.username if note else made or "", lang()))
    if sso_configured():
        st.button(t("login.sso"), key="login_sso", on_click=st.login, args=(sso_provider(),))
    if active := data.demo_usernames():
        _demo_accounts(active)


def login_note() -> LoginNote | None:
    """Why the last login was refused (set by web.login for the next page load);
    only the notes it sets, since the cookie comes back from the browser."""
    note = LoginNote.decode(cookie(NOTE_COOKIE))
    if note is None or note.key not in NOTE_KEYS:
        return None
    minutes = note.params.get("minutes")
    if note.key == "auth.invalid" and not isinstance(minutes, int):
        return None
    params = {"minutes": minutes} if note.key == "auth.invalid" else {}
    return LoginNote(note.key, params, note.username)


def requested_target() -> str:
    """The address this page was opened at, query included: after the login the
    browser goes back there (a deep link from a reminder opens its page)."""
    path = urlsplit(st.context.url or "/").path or "/"
    query = [(key, value) for key in st.query_params for value in st.query_params.get_all(key)]
    return f"{path}?{urlencode(query)}" if query else path


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
        if session_token() is not None:
            st.html(logout_form(lang()))
        elif st.button(t("login.logout"), key="logout", icon=":material/logout:"):
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
