"""Admin tab Påminnelser: for a quarter, the actors with measures lacking a report,
whom to write to, a ready mailto: link per actor and the list as CSV; with a mail
server set up, sending them all, with the result for every recipient."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from tracker.adapters import mail
from tracker.quarters import Quarter
from tracker.service.reminders import Reminder, record_sent, reminder_csv, reminder_table
from tracker.settings import SMTP_SECRETS, environment
from ui import data, secrets, widgets
from ui.forms import Write, run_write
from ui.state import lang, require_user, t
from ui.text import MISSING, t_md

RESULT_KEY = "admin_remind_result"


def render(plan_id: int | None) -> None:
    if plan_id is None:
        st.info(t("adminpage.plan_first"))
        return
    st.caption(t("reminders.intro"))
    quarter = _quarter_picker(plan_id)
    found = data.reminders(user=require_user(), plan_id=plan_id, quarter=quarter)
    if not found:
        st.success(t("reminders.none", quarter=widgets.quarter_label(str(quarter))))
        return
    settings = mail.MailSettings.found(_smtp_secrets(), environment())
    table = reminder_table(found, lang())
    st.dataframe(
        table, hide_index=True, width="stretch", key="admin_remind_table", placeholder=MISSING
    )
    name, content = reminder_csv(found, lang())
    st.download_button(
        t("reminders.download"),
        content,
        file_name=name,
        mime="text/csv",
        key="admin_remind_download",
        icon=":material/download:",
        on_click="ignore",
    )
    app_url = settings.app_url if settings else ""
    links = [
        f"[{t_md('reminders.write', actor=r.actor)}]({mail.mailto(r, lang(), app_url)})"
        for r in found
        if r.recipients
    ]
    st.markdown("  \n".join(links))
    if settings is None:
        st.info(t("reminders.no_smtp"))
        return
    sendable = [r for r in found if r.recipients]
    if st.button(
        t("reminders.send", count=len(sendable)),
        type="primary",
        icon=":material/send:",
        key="admin_remind_send",
        disabled=not sendable,
    ):
        st.session_state[RESULT_KEY] = (str(quarter), _send(settings, sendable))
    result = st.session_state.get(RESULT_KEY)
    if result and result[0] == str(quarter):
        _show_result(result[1])


def _quarter_picker(plan_id: int) -> Quarter:
    options = [str(q) for q in widgets.selectable_quarters(plan_id)]
    if st.session_state.get("admin_remind_quarter") not in options:
        st.session_state["admin_remind_quarter"] = options[min(1, len(options) - 1)]
    chosen = st.selectbox(
        t("filter.quarter"),
        options,
        key="admin_remind_quarter",
        format_func=widgets.quarter_label,
        placeholder=t("choice.pick"),
    )
    return Quarter.parse(chosen)


def _smtp_secrets() -> dict[str, object] | None:
    return dict(secrets.section(SMTP_SECRETS) or {}) or None


def _audit(reminder: Reminder, sent: list[str], failed: dict[str, str]) -> Write:
    return lambda session, user: record_sent(
        session, user=user, reminder=reminder, sent=sent, failed=failed
    )


def _send(settings: mail.MailSettings, sendable: list[Reminder]) -> list[tuple[str, str]]:
    """Send, audit each actor's outcome, and return (recipient, result text) rows."""
    outcomes = mail.send(settings, sendable, lang())
    rows: list[tuple[str, str]] = []
    for reminder in sendable:
        results = outcomes[reminder.actor_id]
        sent = [o.recipient for o in results if o.sent]
        failed = {o.recipient: o.reason for o in results if not o.sent}
        run_write(_audit(reminder, sent, failed))
        rows += [
            (o.recipient, t("reminders.sent") if o.sent else t("reminders.failed", reason=o.reason))
            for o in results
        ]
    return rows


def _show_result(rows: list[tuple[str, str]]) -> None:
    failed = sum(1 for _, text in rows if text != t("reminders.sent"))
    summary = t("reminders.summary", sent=len(rows) - failed, failed=failed)
    (st.warning if failed else st.success)(summary)
    st.dataframe(
        pd.DataFrame(rows, columns=[t("reminders.col.recipient"), t("reminders.col.result")]),
        hide_index=True,
        width="stretch",
        key="admin_remind_results",
        placeholder=MISSING,
    )
