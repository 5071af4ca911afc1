"""Entry point: `streamlit run dashboard.py`. For now one page that shows the
plan's themes read through tracker/; the full dashboard comes next."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from tracker import db, i18n, service
from tracker.demo import has_demo_data
from tracker.errors import NotFound

LANG = i18n.DEFAULT_LANG


@st.cache_resource
def engine(url: str) -> db.Engine:
    return db.make_engine(url)


@st.cache_data(show_spinner=False)
def theme_overview(url: str, revision: int) -> tuple[str, bool, pd.DataFrame]:
    """The plan's name, whether it is demo data, and one row per theme (keyed on revision)."""
    with db.read_session(engine(url)) as session:
        plan = service.get_plan(session)
        rollup = service.theme_rollup(session, plan_id=plan.id)
        return plan.name, has_demo_data(session), rollup


def current_revision(url: str) -> int:
    with db.read_session(engine(url)) as session:
        return db.data_revision(session)


def main() -> None:
    st.set_page_config(page_title=i18n.t("app.title", LANG), page_icon="📈", layout="wide")
    st.title(i18n.t("app.title", LANG))
    try:
        url = db.database_url()
        name, demo, themes = theme_overview(url, current_revision(url))
    except NotFound:
        st.info(i18n.t("app.no_plan", LANG))
        return
    st.subheader(name)
    if demo:
        st.caption(i18n.t("app.example_data", LANG))
    table = pd.DataFrame(
        {
            i18n.t("col.code", LANG): themes["code"],
            i18n.t("col.theme", LANG): themes["name"],
            i18n.t("col.measures", LANG): themes["measures"],
            i18n.t("col.progress", LANG): [
                i18n.format_percent(v, LANG) for v in themes["progress"]
            ],
            i18n.t("col.coverage", LANG): [
                i18n.format_percent(None if pd.isna(v) else 100 * v, LANG)
                for v in themes["coverage"]
            ],
        }
    )
    st.dataframe(table, hide_index=True, width="stretch")


main()
