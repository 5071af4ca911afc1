"""The sections of `.streamlit/secrets.toml` the app reads (tracker.settings.SECRETS
lists them); the one place that touches st.secrets."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import streamlit as st

from tracker.settings import SecretSection


def section(wanted: SecretSection) -> Mapping[str, Any] | None:
    """The section, or None when it or the whole secrets file is missing."""
    try:
        return st.secrets.get(wanted.name)
    except Exception:  # no secrets file at all: Streamlit raises its own error type
        return None
