"""The app's own HTTP routes beside Streamlit's (Starlette, served by `app.py`):
login and logout that set the session cookie, calendar feeds, health. No Streamlit
script API here; every write goes through tracker.service like any other entrypoint."""
