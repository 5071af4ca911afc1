"""What `make run` serves: the Streamlit script (dashboard.py) inside an ASGI app
with the routes of web/ beside it (`streamlit run app.py`)."""

from __future__ import annotations

from starlette.middleware import Middleware
from streamlit.starlette import App

from web.headers import CSP
from web.not_found import NotFoundPage
from web.routes import OWN_PATHS, ROUTES
from web.unavailable import EXCEPTION_HANDLERS

# The policy wraps everything, the 404 page too.
app = App(
    "dashboard.py",
    routes=ROUTES,
    middleware=[CSP, Middleware(NotFoundPage, own_paths=OWN_PATHS)],
    exception_handlers=EXCEPTION_HANDLERS,
)
