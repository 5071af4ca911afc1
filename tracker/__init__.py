"""Næringsplan-tracker: the domain package. Never imports streamlit."""
