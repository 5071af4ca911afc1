"""The address the browser connects from, for throttling logins: read here (the only
Streamlit part), decided in tracker.client_address."""

from __future__ import annotations

import streamlit as st

from tracker.client_address import FORWARDED_FOR, client_address, trusted_proxies


def current_client() -> str:
    """This session's client address key (TRACKER_TRUSTED_PROXIES says how many
    proxies' X-Forwarded-For entries to trust)."""
    return client_address(
        st.context.headers.get_all(FORWARDED_FOR), st.context.ip_address, trusted_proxies()
    )
