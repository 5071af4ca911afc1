"""Which address a request comes from, for throttling logins (no Streamlit here:
web.login reads the header and the peer and passes them in).

Behind N trusted proxies (TRACKER_TRUSTED_PROXIES=N, e.g. 1 for one load balancer)
the client is the right-most X-Forwarded-For entry that no trusted proxy wrote:
each proxy appends the address it saw, so entries further left are the client's
own and may be forged. Without the setting the header is ignored: the direct peer.
An IPv6 client counts as its /64, which one household or host can fill at will.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Mapping

from tracker import settings

FORWARDED_FOR = "X-Forwarded-For"
UNKNOWN_CLIENT = "unknown"  # Streamlit gives no address for localhost
IPV6_PREFIX = 64


def trusted_proxies(environ: Mapping[str, str] | None = None) -> int:
    """How many proxies in front of the app append to X-Forwarded-For (0: none or
    not a whole number; then the header is not trusted). environ: default, the process's."""
    value = settings.TRUSTED_PROXIES.read(environ)
    return int(value) if value.isdigit() else 0


def client_address(forwarded_for: list[str], peer: str | None, proxies: int) -> str:
    """The client's key: an IPv4 address, an IPv6 /64 network, or UNKNOWN_CLIENT.

    forwarded_for: every X-Forwarded-For header line, in order; peer: the address of
    the connection itself (None for localhost)."""
    hops = [hop.strip() for line in forwarded_for for hop in line.split(",") if hop.strip()]
    if proxies > 0 and hops:
        chosen = _address(hops[-min(proxies, len(hops))])
        if chosen is not None:
            return chosen
    return _address(peer or "") or UNKNOWN_CLIENT


def _address(text: str) -> str | None:
    """text as an address key; None when it is not an address (ports are dropped)."""
    candidate = text.strip()
    if candidate.startswith("["):  # [v6]:port
        candidate = candidate[1 : candidate.find("]")] if "]" in candidate else candidate
    elif candidate.count(":") == 1:  # v4:port
        candidate = candidate.split(":")[0]
    try:
        address = ipaddress.ip_address(candidate)
    except ValueError:
        return None
    if address.version == 6:
        if address.ipv4_mapped is not None:
            return str(address.ipv4_mapped)
        return str(ipaddress.ip_network(f"{address}/{IPV6_PREFIX}", strict=False))
    return str(address)
