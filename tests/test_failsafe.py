"""No user sees a traceback or SQL: the app's config hides Streamlit's error
detail, and ui.failsafe turns a database error on a page into a plain message in
the user's language (the detail goes to the server log)."""

from __future__ import annotations

import logging
import tomllib
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tracker import i18n

ROOT = Path(__file__).resolve().parent.parent


def test_the_app_shows_no_error_details() -> None:
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    # "none": no message, type or trace (False would still show the trace).
    assert config["client"]["showErrorDetails"] == "none"


def failing_page(lang: str) -> None:
    import streamlit as st
    from sqlalchemy.exc import OperationalError

    from ui.failsafe import run_page

    class Page:
        def run(self) -> None:
            st.write("før feilen")
            raise OperationalError("SELECT password_hash FROM app_user", {"x": 1}, Exception())

    st.session_state["lang"] = lang
    run_page(Page())


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_a_database_error_on_a_page_is_a_plain_message_and_logged(
    lang: str, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.ERROR, logger="tracker.ui"):
        at = AppTest.from_function(failing_page, args=(lang,), default_timeout=30).run()
    assert not at.exception
    assert [e.value for e in at.error] == [i18n.t("app.unexpected_error", lang)]
    shown = " ".join(str(e.value) for e in [*at.markdown, *at.error])
    assert "SELECT" not in shown and "OperationalError" not in shown
    assert "SELECT password_hash" in caplog.text  # the detail is in the server log


def refusing_page() -> None:
    from tracker.errors import TrackerError
    from ui.failsafe import run_page

    class Page:
        def run(self) -> None:
            raise TrackerError.of("user.last_admin", username="admin")

    run_page(Page())


def test_a_refusal_a_page_did_not_catch_is_shown_as_its_message() -> None:
    at = AppTest.from_function(refusing_page, default_timeout=30).run()
    assert not at.exception
    assert [e.value for e in at.error] == [i18n.t("user.last_admin", "nb", username="admin")]


def test_every_page_runs_inside_the_failsafe() -> None:
    source = (ROOT / "dashboard.py").read_text(encoding="utf-8")
    assert "run_page(page)" in source and "page.run()" not in source
