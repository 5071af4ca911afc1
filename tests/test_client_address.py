"""Which address a login comes from: the direct peer, or behind trusted proxies the
right-most address in X-Forwarded-For that no trusted proxy wrote."""

from __future__ import annotations

import pytest

from tracker.client_address import UNKNOWN_CLIENT, client_address, trusted_proxies


@pytest.mark.parametrize(
    ("forwarded", "peer", "proxies", "expected"),
    [
        ([], "192.0.2.10", 0, "192.0.2.10"),
        (["6.6.6.6"], "192.0.2.10", 0, "192.0.2.10"),  # a header nobody trusts
        (["192.0.2.10"], "10.0.0.2", 1, "192.0.2.10"),
        (["6.6.6.6, 192.0.2.10"], "10.0.0.2", 1, "192.0.2.10"),  # the client's own lie
        (["6.6.6.6", "192.0.2.10"], "10.0.0.2", 1, "192.0.2.10"),  # two header lines
        (["6.6.6.6, 192.0.2.10, 10.0.0.9"], "10.0.0.2", 2, "192.0.2.10"),
        (["192.0.2.10"], "10.0.0.2", 2, "192.0.2.10"),  # fewer hops than proxies
        ([], "10.0.0.2", 1, "10.0.0.2"),  # no header: the peer
        (["not-an-address"], "10.0.0.2", 1, "10.0.0.2"),
        (["192.0.2.10:5555"], "10.0.0.2", 1, "192.0.2.10"),
        ([], None, 0, UNKNOWN_CLIENT),  # Streamlit says None for localhost
        (["2001:db8:1:2:aaaa::1"], "10.0.0.2", 1, "2001:db8:1:2::/64"),
        (["[2001:db8:1:2::77]:443"], None, 1, "2001:db8:1:2::/64"),
        ([], "2001:DB8:1:2:3:4:5:6", 0, "2001:db8:1:2::/64"),
    ],
)
def test_client_address(
    forwarded: list[str], peer: str | None, proxies: int, expected: str
) -> None:
    assert client_address(forwarded, peer, proxies) == expected


@pytest.mark.parametrize(
    ("value", "expected"), [(None, 0), ("", 0), ("1", 1), (" 2 ", 2), ("-1", 0), ("mange", 0)]
)
def test_trusted_proxies_setting(value: str | None, expected: int) -> None:
    environ = {} if value is None else {"TRACKER_TRUSTED_PROXIES": value}
    assert trusted_proxies(environ) == expected
