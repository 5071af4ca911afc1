"""GET /helse: the app and its database answer."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.exc import OperationalError
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from web.engine import engine


async def health(_request: Request) -> JSONResponse:
    try:
        with engine().connect() as connection:
            connection.execute(text("SELECT 1"))
    except OperationalError:  # a monitor reads the status, not a page
        return JSONResponse({"status": "database unavailable"}, status_code=503)
    return JSONResponse({"status": "ok"})


ROUTES = [Route("/helse", health, methods=["GET"])]
