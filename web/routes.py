"""Every route of web/, in one list for app.py."""

from __future__ import annotations

from starlette.routing import BaseRoute, Route

from web import health, login

ROUTES: list[BaseRoute] = [*health.ROUTES, *login.ROUTES]
OWN_PATHS = frozenset(
    route.path.strip("/").split("/")[0] for route in ROUTES if isinstance(route, Route)
)
"""The first segment of each route's path: not a page, but not unknown either."""
