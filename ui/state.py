"""Per-browser-session state: language, the logged-in user, the chosen plan and
quarter. Plain values only (never ORM objects) live in st.session_state."""

from __future__ import annotations

from contextlib import suppress
from typing import Any

import streamlit as st
from streamlit.errors import StreamlitWidgetAlreadyInstantiatedError
from streamlit.runtime.state import get_session_state

from tracker import db, i18n
from tracker.service.principal import Principal
from tracker.vocab import Role

LANG_KEY = "lang"
USER_KEY = "principal"


@st.cache_resource
def engine(url: str) -> db.Engine:
    """One Engine per database URL for the whole server process."""
    return db.make_engine(url)


def current_engine() -> db.Engine:
    return engine(db.database_url())


def lang() -> str:
    value = st.session_state.get(LANG_KEY, i18n.DEFAULT_LANG)
    return value if value in i18n.LANGUAGES else i18n.DEFAULT_LANG


def t(key: str, **params: Any) -> str:
    """The catalogue text for key in the session's language."""
    return i18n.t(key, lang(), **params)


def tn(key: str, count: float, **params: Any) -> str:
    """The catalogue text for a count (tracker.i18n.tn) in the session's language."""
    return i18n.tn(key, count, lang(), **params)


LABELLED = {"string_value", "string_array_value"}
"""How Streamlit sends the value of a selectbox, multiselect, radio, segmented
control, pills or select slider: as its label (format_func's text)."""


def relabel_choices() -> None:
    """Call when the language changes: the browser holds each choice as its label
    and goes on showing the old language's («Alle», «4. kvartal 2026 (nå)» on an
    English page), since the value behind it did not change and Streamlit sends
    nothing. Setting each such widget's value again makes Streamlit send the label
    in the new language. (Streamlit has no public way to list a session's widgets:
    its session state's metadata is read, Streamlit 1.67.)"""
    state = get_session_state()._state
    for key in list(st.session_state.keys()):
        widget_id = state.get_widget_id_from_key(str(key))
        metadata = state.get_widget_metadata(widget_id) if widget_id else None
        if metadata is None or metadata.value_type not in LABELLED:
            continue
        current = st.session_state[key]
        if isinstance(current, dict):  # a data_editor's edits may not be set
            continue
        # Drawn in this run already (the language switch): it shows its new label.
        with suppress(StreamlitWidgetAlreadyInstantiatedError):
            st.session_state[key] = current


def user() -> Principal | None:
    return st.session_state.get(USER_KEY)


def require_user() -> Principal:
    """The logged-in user; pages are only registered for logged-in users."""
    principal = user()
    if principal is None:
        st.stop()
    return principal


def require_role(*roles: Role, message_key: str = "perm.read_only") -> Principal:
    """The logged-in user if its role is among roles; else an error and stop. The
    navigation already hides such pages; this guards a page reached another way."""
    principal = require_user()
    if principal.role not in roles:
        st.error(t(message_key))
        st.stop()
    return principal


def set_user(principal: Principal | None) -> None:
    if principal is None:
        st.session_state.pop(USER_KEY, None)
    else:
        st.session_state[USER_KEY] = principal
