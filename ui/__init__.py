"""Streamlit helpers shared by dashboard.py and app_pages/: session state, cached
reads keyed by the data revision, login. No SQL here: all data via tracker."""
