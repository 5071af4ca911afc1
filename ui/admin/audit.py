"""Admin tab Revisjonslogg: who changed what and when, newest first, filtered by
entity, user, date range and free text."""

from __future__ import annotations

from datetime import date, datetime, time

import pandas as pd
import streamlit as st

from tracker import audit_words
from tracker.quarters import OSLO
from ui import browser_texts, data, widgets
from ui.admin.pickers import keep_choice, resolve
from ui.state import lang, require_user, t, tn
from ui.text import MISSING

LIMIT = 500


def entity_text(code: object) -> str:
    if code is None:
        return t("filter.all")
    return audit_words.entity_text(str(code), lang())


def render(plan_id: int | None) -> None:
    user = require_user()
    entity_column, user_column, since_column, until_column, search_column = st.columns(
        [2, 2, 2, 2, 3]
    )
    # No choice (None) means all: the placeholder says so in the current language.
    entities = data.audit_entities()
    keep_choice("admin_audit_entity", entities, entity_text)
    entity = entity_column.selectbox(
        t("adminpage.audit_entity"),
        entities,
        index=None,
        format_func=entity_text,
        placeholder=t("filter.all"),
        key="admin_audit_entity",
    )
    entity = resolve("admin_audit_entity", entity, entities)
    username = user_column.selectbox(
        t("adminpage.audit_user"),
        data.audit_usernames(),
        index=None,
        placeholder=t("filter.all"),
        key="admin_audit_user",
    )
    date_format = browser_texts.date_format()
    since: date | None = since_column.date_input(
        t("adminpage.audit_from"), value=None, format=date_format, key="admin_audit_from"
    )
    until: date | None = until_column.date_input(
        t("adminpage.audit_to"), value=None, format=date_format, key="admin_audit_to"
    )
    search = search_column.text_input(t("filter.search"), key="admin_audit_search")
    if since and until and until < since:
        st.warning(t("adminpage.audit_dates_swapped"))
    frame = data.audit(
        user=user,
        entity=entity,
        username=username,
        since=datetime.combine(since, time.min, tzinfo=OSLO) if since else None,
        until=datetime.combine(until, time.max, tzinfo=OSLO) if until else None,
        search=search,
        limit=LIMIT,
        lang=lang(),
    )
    if frame.empty:
        st.info(t("adminpage.audit_empty"))
        return
    if len(frame) >= LIMIT:
        st.caption(tn("adminpage.audit_limited", LIMIT))
    else:
        st.caption(tn("adminpage.audit_count", len(frame)))
    st.dataframe(
        pd.DataFrame(
            {
                t("col.reported_at"): [widgets.datetime_text(v) for v in frame["at"]],
                t("adminpage.audit_user"): frame["who"],
                t("adminpage.audit_action"): frame["what"],
                t("adminpage.audit_entity"): frame["thing"],
                t("adminpage.audit_which"): frame["which"],
                t("adminpage.audit_change"): frame["summary"],
            }
        ),
        hide_index=True,
        width="stretch",
        height=min(36 * (len(frame) + 1) + 2, 640),
        column_config={
            t("adminpage.audit_which"): st.column_config.TextColumn(width="medium"),
            t("adminpage.audit_change"): st.column_config.TextColumn(width="large"),
        },
        key="admin_audit_table",
        placeholder=MISSING,
    )
