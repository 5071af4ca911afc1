"""The last resort around every page: a refusal a page did not catch is shown as
its message, and a database error as a plain sentence in the user's language. The
detail (SQL, parameters, traceback) goes to the server log, never to the screen.
Streamlit's own handler, for anything else, shows no detail either
(client.showErrorDetails = "none" in .streamlit/config.toml)."""

from __future__ import annotations

import logging
from typing import Protocol

import streamlit as st

from tracker.db import DATABASE_ERRORS
from tracker.errors import TrackerError
from ui.state import lang, t

LOG = logging.getLogger("tracker.ui")


class Runnable(Protocol):
    def run(self) -> None: ...


def run_page(page: Runnable) -> None:
    """page.run(), with the last-resort handling above. (st.rerun and st.stop are
    not errors and pass through.)"""
    try:
        page.run()
    except TrackerError as error:
        st.error(error.text(lang()))
    except DATABASE_ERRORS:
        LOG.exception("page_database_error")  # the detail: SQL, parameters, traceback
        st.error(t("app.unexpected_error"))
