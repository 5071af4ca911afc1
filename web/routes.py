"""Every route of web/, in one list for app.py."""

from __future__ import annotations

from starlette.routing import BaseRoute

from web import calendar, health

ROUTES: list[BaseRoute] = [*health.ROUTES, *calendar.ROUTES]
