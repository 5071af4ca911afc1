"""Choosing from lists whose labels change: the "choose to edit / new" picker, and
keeping a selectbox's choice when its label changes under it (a rename by someone
else, or a language switch)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from ui.state import t


def picker(
    label: str,
    options: list[Any],
    *,
    key: str,
    format_func: Callable[[Any], str],
) -> Any:
    """A selectbox whose choice a write can set for the next run (select_next)."""
    pending = f"{key}__next"
    if pending in st.session_state:
        st.session_state[key] = st.session_state.pop(pending)
    keep_choice(key, options, format_func)
    if st.session_state.get(key) not in options:
        st.session_state[key] = options[0]
    chosen = st.selectbox(
        label,
        options,
        format_func=format_func,
        placeholder=format_func(options[0]),  # shown when the state is None ("new")
        key=key,
    )
    return resolve(key, chosen, options, options[0])


def keep_choice(
    key: str, options: list[Any], format_func: Callable[[Any], str], *, multi: bool = False
) -> None:
    """Call before a selectbox or multiselect whose labels can change.

    The browser holds a choice as its label, so when the chosen item is renamed
    (by someone else, or by a language switch) the choice would come back as the
    old label, a plain string. Every label shown in this session is remembered,
    and an old one is mapped back to its option here.
    """
    labels: dict[str, Any] = st.session_state.setdefault(f"{key}__labels", {})

    def fixed(choice: Any) -> Any:
        if choice in options or not isinstance(choice, str):
            return choice
        return labels.get(choice)

    if key in st.session_state:
        current = st.session_state[key]
        if multi:
            wanted = [fixed(c) for c in current or []]
            wanted = [c for c in wanted if c in options]
        else:
            wanted = fixed(current)
        if wanted != current:
            st.session_state[key] = wanted
    labels.update({format_func(option): option for option in options})


def resolve(key: str, chosen: Any, options: list[Any], default: Any = None) -> Any:
    """A selectbox's return value as one of its options: in the run where a label
    changes, the widget still returns the old label (keep_choice fixes the next runs)."""
    if chosen in options:
        return chosen
    labels = st.session_state.get(f"{key}__labels", {})
    found = labels.get(chosen) if isinstance(chosen, str) else None
    return found if found in options else default


def select_next(key: str, value: Any) -> None:
    st.session_state[f"{key}__next"] = value


def new_or(name: str) -> Callable[[Any], str]:
    """format_func for a picker whose None means "new"."""
    return lambda value: t(name) if value is None else str(value)
