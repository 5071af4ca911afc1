"""A fresh install's first screen (make the first admin), and the banner every page
shows while the demo's accounts, whose passwords are published, still log in."""

from __future__ import annotations

import streamlit as st

from tracker.errors import PermissionDenied, TrackerError
from tracker.service.setup import create_first_admin
from ui import auth, data
from ui.state import t
from ui.text import error_text, t_md


def demo_banner() -> None:
    """On every page, logged in or not, while a demo account is active."""
    names = data.demo_usernames()
    if names:
        st.warning(t_md("demo.banner", names=", ".join(names)), icon=":material/warning:")


def first_admin_page() -> None:
    st.title(t("app.title"))
    st.subheader(t("setup.heading"))
    st.write(t("setup.intro"))
    with st.form("first_admin", enter_to_submit=False):
        username = st.text_input(t("login.username"), key="setup_username")
        display_name = st.text_input(t("adminpage.display_name"), key="setup_display_name")
        email = st.text_input(t("adminpage.email"), key="setup_email")
        password = st.text_input(t("login.password"), type="password", key="setup_password")
        again = st.text_input(t("setup.password_again"), type="password", key="setup_again")
        submitted = st.form_submit_button(t("setup.submit"), type="primary", key="setup_submit")
    if submitted:
        _make_first_admin(username, display_name, email, password, again)


def _make_first_admin(
    username: str, display_name: str, email: str, password: str, again: str
) -> None:
    if password != again:
        st.error(t("setup.passwords_differ"))
        return
    try:
        with data.write() as session:
            principal = create_first_admin(
                session,
                username=username,
                password=password,
                display_name=display_name,
                email=email,
            )
    except PermissionDenied:  # a second press (or browser): the first made the account
        st.rerun()  # the login page follows
    except TrackerError as refused:
        st.error(error_text(refused))
        return
    # The login form posts to web.login, which gives this browser its session cookie.
    st.session_state[auth.MADE_KEY] = principal.username
    st.rerun()
