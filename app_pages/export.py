"""Eksport: the quarterly summary for the council as XLSX, PDF, DOCX or CSV, with a
preview of its key figures. The file is made on request (PDF and DOCX draw the
charts, which takes a few seconds) and then offered for download."""

from __future__ import annotations

from datetime import UTC, datetime

import streamlit as st

from tracker.errors import TrackerError
from tracker.quarters import Quarter
from tracker.reports import Format, Stamp, Summary, file_name, render
from tracker.reports.final import store_file, stored_file
from tracker.reports.render import Step
from tracker.vocab import Role
from ui import data, widgets
from ui.state import lang, require_role, t
from ui.text import error_text, t_md

FILE_KEY = "export_file"
SERVER_FIX = "summary.chart_unavailable"  # its text tells how to install Chromium


def make_file(stamped: Summary, step: Step) -> bytes:
    """A closed quarter's stored file (made and stored the first time), else a new one.
    The file is drawn outside the write transaction: a PDF takes seconds."""
    if final is None:
        return render(stamped, fmt, lang(), step=step)
    with data.read() as session:
        stored = stored_file(session, plan_id=plan_id, quarter=quarter, fmt=fmt, lang=lang())
    if stored is not None:
        return stored
    content = render(final, fmt, lang(), step=step)
    with data.write() as session:
        kept = store_file(
            session, plan_id=plan_id, quarter=quarter, fmt=fmt, lang=lang(), content=content
        )
    return content if kept is None else kept


def failure_text(error: TrackerError) -> str:
    """What went wrong; how to mend the server (install Chromium) is for the admin."""
    if user.role != Role.ADMIN and any(p.key == SERVER_FIX for p in error.problems):
        return t("files.chart_unavailable_leader")
    return error_text(error)


user = require_role(Role.ADMIN, Role.LEADER)
plan_id = widgets.page_start("page.export")
st.write(t("export.intro"))

quarters = widgets.selectable_quarters(plan_id)  # newest first
if not quarters:
    st.info(t("report.none"))
    st.stop()
options = [str(q) for q in quarters]
closed = set(data.closed_quarters(plan_id))


def picker_label(text: str) -> str:
    """«3. kvartal 2026 – lukket» for a closed quarter: its report is final."""
    shown = widgets.quarter_label(text)
    return t("files.quarter_closed", quarter=shown) if text in closed else shown


widgets.quarter_from_link("export_quarter", options)
if st.session_state.get("export_quarter") not in options:  # default: the last finished
    finished = [q for q in quarters if q.has_ended()]
    st.session_state["export_quarter"] = str(finished[0] if finished else quarters[0])
left, right = st.columns(2)
quarter = Quarter.parse(
    left.selectbox(
        t("filter.quarter"),
        options,
        key="export_quarter",
        format_func=picker_label,
        placeholder=t("choice.pick"),
    )
)
fmt = Format(
    right.radio(
        t("export.format"),
        [f.value for f in Format],
        key="export_format",
        format_func=lambda value: t(f"summary.format.{value.replace('-', '_')}"),
    )
)

final = data.final_summary(plan_id, quarter)  # a closed quarter: the stored report
summary = final if final is not None else data.summary(plan_id, quarter)
if final is not None:
    st.success(
        t_md(
            "export.final",
            by=final.stamp.produced_by or "–",
            when=widgets.datetime_text(final.stamp.produced_at),
        )
    )
elif summary.provisional:
    st.warning(t("summary.provisional"))
st.subheader(t("export.preview"))
widgets.key_figures(summary.figures)  # as Oversikt shows them

# The file made is offered only for what is chosen now, by whom (a shared browser).
wanted = (user.user_id, plan_id, str(quarter), fmt.value, lang(), data.current_revision())
if st.button(t("export.make"), key="export_make", type="primary"):
    with st.status(t("export.making"), expanded=False) as status:
        steps = {"drawing": t("export.drawing"), "writing": t("export.writing", format=fmt.name)}
        stamped = summary.stamped(Stamp(datetime.now(UTC), user.display_name))
        try:
            payload = make_file(stamped, lambda name: status.update(label=steps[name]))
        except TrackerError as error:
            status.update(label=failure_text(error), state="error")
            st.error(failure_text(error))
            st.stop()
        status.update(label=t("export.done"), state="complete")
    st.session_state[FILE_KEY] = (wanted, file_name(summary, fmt), payload)

made = st.session_state.get(FILE_KEY)
if made and made[0] == wanted:
    _, name, payload = made
    st.download_button(
        t_md("files.download_final" if final is not None else "export.download", name=name),
        payload,
        file_name=name,
        mime=fmt.mime,
        key="export_download",
        icon=":material/download:",
        on_click="ignore",
    )
if user.role == Role.ADMIN:  # who runs the server; a leader needs no command line
    cli = {"quarter": str(quarter), "format": fmt.value, "file": file_name(summary, fmt)}
    st.caption(t("export.cli", **cli))  # in a code span: no Markdown escapes (2026\-Q3)
