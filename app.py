"""What `make run` serves: the Streamlit script (dashboard.py) inside an ASGI app
with the routes of web/ beside it (`streamlit run app.py`)."""

from __future__ import annotations

from starlette.middleware import Middleware
from streamlit.starlette import App

from web.not_found import NotFoundPage
from web.routes import OWN_PATHS, ROUTES

app = App(
    "dashboard.py",
    routes=ROUTES,
    middleware=[Middleware(NotFoundPage, own_paths=OWN_PATHS)],
)
