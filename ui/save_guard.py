"""Save buttons that cannot store twice.

A double click sends two script runs, each with the button pressed. The guard
compares what the form holds with what is already saved (the stored record's
values, or what this session saved last under the same key): while they are
equal a press stores nothing and says so.

The button is never disabled for this: a text field sends its value when it loses
focus, and a disabled button takes no focus, so the press that should send an edit
and save it would do neither (seen in Chromium).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

import streamlit as st

from ui.state import t

_SAVED = "_saved_values_"


def fingerprint(values: Mapping[str, Any]) -> str:
    """The values as one comparable text (order of keys does not matter)."""
    return json.dumps(values, sort_keys=True, default=str, ensure_ascii=False)


def remember_saved(key: str, values: Mapping[str, Any]) -> None:
    """Note that `values` were just saved by the form whose button is `key`."""
    st.session_state[_SAVED + key] = fingerprint(values)


def is_saved(
    key: str,
    values: Mapping[str, Any],
    baseline: Mapping[str, Any] | None,
    empty: Mapping[str, Any] | None = None,
) -> bool:
    """True when the form holds nothing new: the empty form (`empty`), or what is
    stored already: `baseline` (the record's stored values, read anew every run) when
    given, else what this session last saved under key. A baseline that differs from
    what this session saved wins: someone else may have saved since."""
    current = fingerprint(values)
    if empty is not None and current == fingerprint(empty):
        return True
    if baseline is not None:
        return current == fingerprint(baseline)
    return st.session_state.get(_SAVED + key) == current


def save_button(
    label: str,
    *,
    key: str,
    values: Mapping[str, Any],
    baseline: Mapping[str, Any] | None = None,
    empty: Mapping[str, Any] | None = None,
    help: str | None = None,
) -> bool:
    """A primary button; True when pressed and the form holds something not yet
    saved. A press on what is saved already says so and returns False."""
    pressed = st.button(label, type="primary", key=key, help=help)
    if pressed and is_saved(key, values, baseline, empty):
        st.info(t("form.nothing_to_save"))
        return False
    return pressed


# --- «new record» forms -----------------------------------------------------------

_ROUND = "_form_round_"
_NOTE = "_form_saved_note_"


def fresh_key(name: str) -> str:
    """The key prefix of the «new record» form `name`: `name` itself at first, and a
    new one after every start_fresh(name). The saved form's widgets (what was typed,
    and a second press of its button) then reach nothing in the next one."""
    count = st.session_state.get(_ROUND + name, 0)
    return name if count == 0 else f"{name}{count}"


def start_fresh(name: str, note: str | None = None) -> None:
    """After a save: the form `name` starts empty under a new key; `note` (what was
    saved, in the user's language) is shown by saved_note until the next save."""
    st.session_state[_ROUND + name] = st.session_state.get(_ROUND + name, 0) + 1
    if note is not None:
        st.session_state[_NOTE + name] = note


def saved_note(name: str) -> str | None:
    """What the form `name` saved last in this session (see start_fresh)."""
    return st.session_state.get(_NOTE + name)
