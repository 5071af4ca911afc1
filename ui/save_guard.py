"""Save buttons that cannot store twice.

A double click sends two script runs, each with the button pressed. The guard
compares what the form holds with what is already saved (the stored record's
values, or what this session saved last under the same key): while they are
equal the button is disabled and a press does nothing, in this run and the next.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

import streamlit as st

_SAVED = "_saved_values_"


def fingerprint(values: Mapping[str, Any]) -> str:
    """The values as one comparable text (order of keys does not matter)."""
    return json.dumps(values, sort_keys=True, default=str, ensure_ascii=False)


def remember_saved(key: str, values: Mapping[str, Any]) -> None:
    """Note that `values` were just saved by the form whose button is `key`."""
    st.session_state[_SAVED + key] = fingerprint(values)


def forget_saved(key: str) -> None:
    st.session_state.pop(_SAVED + key, None)


def is_saved(key: str, values: Mapping[str, Any], baseline: Mapping[str, Any] | None) -> bool:
    """True when the form holds what is stored already: `baseline` (the record's
    stored values) when given, else what this session last saved under key."""
    current = fingerprint(values)
    if baseline is not None and current == fingerprint(baseline):
        return True
    return st.session_state.get(_SAVED + key) == current


def save_button(
    label: str,
    *,
    key: str,
    values: Mapping[str, Any],
    baseline: Mapping[str, Any] | None = None,
    help: str | None = None,
) -> bool:
    """A primary button, pressed only if the form holds something not yet saved."""
    unchanged = is_saved(key, values, baseline)
    pressed = st.button(label, type="primary", key=key, disabled=unchanged, help=help)
    return pressed and not unchanged
