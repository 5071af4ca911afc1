"""The login and logout forms, plain HTML that posts to web.login's routes (the
script shows them with st.html). Templates in web/templates; every value is escaped."""

from __future__ import annotations

import html
from functools import cache
from pathlib import Path
from string import Template

from tracker import i18n
from web.login import LOGIN_PATH, LOGOUT_PATH

TEMPLATES = Path(__file__).parent / "templates"


def login_form(target: str, username: str, language: str) -> str:
    """target: where the login sends the browser on (this page's own address)."""
    return _render(
        "login.html",
        action=LOGIN_PATH,
        target=target,
        username=username,
        username_label=i18n.t("login.username", language),
        password_label=i18n.t("login.password", language),
        submit=i18n.t("login.submit", language),
    )


def logout_form(language: str) -> str:
    """Ends the session in every tab that holds it and clears the cookie."""
    return _render("logout.html", action=LOGOUT_PATH, submit=i18n.t("login.logout", language))


@cache
def _template(name: str) -> Template:
    return Template((TEMPLATES / name).read_text(encoding="utf-8"))


def _render(name: str, **values: str) -> str:
    escaped = {key: html.escape(value, quote=True) for key, value in values.items()}
    return _template(name).substitute(css=_template("forms.css").template, **escaped)
