"""Entry point (`streamlit run dashboard.py`): page config, language, login, and
the navigation built from the logged-in user's role. Nothing else."""

from __future__ import annotations

import streamlit as st

from tracker import i18n
from ui import auth, browser_texts, data, forms, setup
from ui.assets import FAVICON
from ui.failsafe import run_page
from ui.nav import login_pages, pages_for
from ui.state import LANG_KEY, lang, relabel_choices, t, user

SWITCH_KEY = "lang_switch"


def language_switch() -> None:
    """Bokmål or English. The choice lives in session_state[LANG_KEY]; the widget has
    its own key, so a page change that drops widget state cannot blank it."""
    current = lang()
    choice = st.sidebar.segmented_control(
        t("app.language"),
        list(i18n.LANGUAGES),
        default=current,
        format_func=lambda code: {"nb": "Norsk", "en": "English"}[code],
        key=SWITCH_KEY,
        required=True,
    )
    if choice and choice != current:
        st.session_state[LANG_KEY] = choice
        auth.remember_language(choice)
        relabel_choices()
        st.rerun()


def main() -> None:
    st.set_page_config(page_title=t("app.title"), page_icon=FAVICON, layout="wide")
    data.refresh_revision()
    auth.restore_language()
    language_switch()
    browser_texts.apply()
    auth.sign_in_from_sso()
    auth.refresh_user()
    setup.demo_banner()
    principal = user()
    if principal is None and data.needs_first_admin():
        page = st.navigation([st.Page(setup.first_admin_page, title=t("setup.heading"))])
    elif principal is None:
        page = st.navigation(login_pages(auth.login_page, t("login.heading")))
    else:
        auth.sidebar_user()
        forms.show_flash()  # what the last run saved (forms.done), on whichever page
        page = st.navigation(pages_for(principal.role))
    run_page(page)


main()
