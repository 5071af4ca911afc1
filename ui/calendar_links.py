"""The Årshjul page's calendar feeds: for each, the subscription link to copy (the
full URL of web/calendar.py's route, its token made the first time it is shown),
the file to download, and for the admin «Forny lenke» behind a confirmation.

The admin renews a link here, beside the link itself: it is where the admin sees
what subscribers see, and a leaked link is found by the same filter (actor or
theme) that shows it. The audit log (Admin) records each renewal."""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

import pandas as pd
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from tracker.adapters import calendar_feed
from tracker.service.calendar_feeds import (
    FeedScope,
    calendar_name,
    make_feed_token,
    renew_feed_token,
)
from tracker.vocab import Role
from ui import data
from ui.forms import done, run_write
from ui.state import lang, require_user, t
from ui.text import t_md
from web.calendar import feed_path


def base_url() -> str:
    """'https://host[:port]' as the browser reached the app; our routes sit at the
    server's root (st.App), whatever page the browser is on."""
    url = st.context.url
    if url:
        parts = urlsplit(url)
        return f"{parts.scheme}://{parts.netloc}"
    host = st.context.headers.get("host")  # no URL from the browser yet
    return urlunsplit(("http", host, "", "", "")) if host else ""


def feed(scope: FeedScope, title: str, title_md: str, rows: pd.DataFrame) -> None:
    """One feed: its title (title_md: as Markdown), link, download and renewal.
    rows: the events it holds (tracker.service.calendar_feeds.feed_rows)."""
    user = require_user()
    key = f"wheel_ics_{scope.kind}"
    token = data.feed_token(user=user, scope=scope)
    if token is None:
        ok, token = run_write(lambda session, who: make_feed_token(session, user=who, scope=scope))
        if not ok:
            return
    st.markdown(f"**{title_md}**")
    st.code(base_url() + feed_path(token, lang()), language=None, wrap_lines=True)
    buttons = st.container(horizontal=True)
    buttons.download_button(
        t("calendar.download"),
        calendar_feed.feed(rows, calendar_name(title, lang()), lang()),
        file_name=calendar_feed.file_name(scope.kind),
        mime="text/calendar",
        key=key,
        icon=":material/download:",
        on_click="ignore",
    )
    if user.role == Role.ADMIN:
        _renew_button(buttons, scope, title, key=f"{key}_renew")


def _renew_button(container: DeltaGenerator, scope: FeedScope, title: str, *, key: str) -> None:
    """«Forny lenke» behind a confirming popover (subscribers must add the new link)."""
    popover = f"{key}_popover"

    def close() -> None:  # the new link shows, not the question
        st.session_state[popover] = False

    with container.popover(
        t("calendar.renew"), icon=":material/autorenew:", key=popover, on_change="rerun"
    ):
        st.write(t_md("calendar.renew_confirm", name=title))
        confirmed = st.button(t("calendar.renew_yes"), key=key, type="primary", on_click=close)
    if confirmed:
        ok, _ = run_write(lambda session, who: renew_feed_token(session, user=who, scope=scope))
        if ok:
            done(t_md("calendar.renewed", name=title))
