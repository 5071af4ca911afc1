"""What `make run` serves: the Streamlit script (dashboard.py) inside an ASGI app
with the routes of web/ beside it (`streamlit run app.py`)."""

from __future__ import annotations

from streamlit.starlette import App

from web.headers import CSP
from web.routes import ROUTES

app = App("dashboard.py", routes=ROUTES, middleware=[CSP])
