"""The status form of the Rapporter page: one measure and quarter, the partners'
contributions for the quarter beside it, a live preview of what will change,
validation errors next to their fields, and conflicts shown with both versions
(nothing the user typed is lost). After a save the form shows what was saved, and
a press on its button stores nothing until something changes (ui.save_guard)."""

from __future__ import annotations

from functools import partial
from typing import Any

import pandas as pd
import streamlit as st

from tracker import db
from tracker.errors import ConflictError, TrackerError
from tracker.limits import PROGRESS_MAX, PROGRESS_MIN
from tracker.progress import missing_in, reported_progress
from tracker.quarters import Quarter
from tracker.service.principal import Principal
from tracker.service.status import Report, report_status
from tracker.vocab import Rag, Status
from ui import forms, save_guard, widgets
from ui.state import t, tn
from ui.text import MISSING, error_text, link, plain, t_md

FIELDS = ("status", "progress", "rag", "comment", "next_steps", "period")


def key(measure_id: int, field: str, quarter: Quarter | str = "") -> str:
    """A widget's key: the measure and the quarter it reports on, so nothing typed
    for one carries over to another."""
    return f"report_{measure_id}_{quarter}_{field}" if quarter else f"report_{measure_id}_{field}"


def keep_drafts() -> None:
    """Streamlit drops a widget's value when the widget is not drawn in a run; the
    report fields of other measures (or of a page left for a moment) would then be
    lost. Writing the values back keeps every half-typed report until saved."""
    endings = tuple(f"_{field}" for field in (*FIELDS, "unknown"))
    for name in [k for k in st.session_state if str(k).startswith("report_")]:
        if str(name).endswith(endings):
            st.session_state[name] = st.session_state[name]


def seen_version(measure: pd.Series) -> int:
    """The version the user started from: kept until they save or start over."""
    return st.session_state.setdefault(key(int(measure["id"]), "seen"), int(measure["version"]))


def stored_this_quarter(measure: pd.Series, quarter: Quarter) -> Report | None:
    """The measure's current report when it is for this quarter, as a Report."""
    if measure["status"] is None or measure["period"] != str(quarter):
        return None
    return Report(
        period=str(quarter),
        status=measure["status"],
        progress=None if pd.isna(measure["progress"]) else int(measure["progress"]),
        rag=measure["rag"],
        comment=_text(measure["comment"]),
        next_steps=_text(measure["next_steps"]),
    )


def _text(value: Any) -> str:
    return "" if value is None or pd.isna(value) else str(value)


def report_form(measure: pd.Series, quarter: Quarter, contributions: pd.DataFrame) -> None:
    measure_id = int(measure["id"])
    stored = stored_this_quarter(measure, quarter)
    _defaults(measure, quarter, stored)
    show_contributions(contributions, quarter)
    slots = forms.Slots()
    _fields(measure_id, quarter, slots)
    report = _report_from_state(measure_id, quarter)
    if stored is not None and _comparable(report) == _comparable(stored):
        st.caption(
            t(
                "report.saved_values",
                quarter=widgets.quarter_label(str(quarter)),
                status=widgets.status_text(stored.status),
                progress=widgets.percent(stored.progress),
                rag=widgets.rag_text(stored.rag),
            )
        )
    else:
        _preview(measure, report, stored)
    values, baseline = _comparable(report), _comparable(stored) if stored else None
    save_key = key(measure_id, "save", quarter)
    if save_guard.save_button(t("report.save"), key=save_key, values=values, baseline=baseline):
        _save(measure, report, slots, lambda _: save_guard.remember_saved(save_key, values))
    _conflict(measure, report)


def _fields(measure_id: int, quarter: Quarter, slots: forms.Slots) -> None:
    """The form's widgets, each with the place for its errors right under it."""
    left, right = st.columns(2)
    with left:
        st.selectbox(
            t("col.status"),
            [s.value for s in Status],
            format_func=widgets.status_text,
            key=key(measure_id, "status", quarter),
            placeholder=t("choice.pick"),
        )
        slots.add("status")
        unknown = st.checkbox(t("report.unknown_progress"), key=key(measure_id, "unknown", quarter))
        st.number_input(  # a whole number: 58 % is typed as 58 (a slider's steps cannot)
            t("tables.progress_input", min=PROGRESS_MIN, max=PROGRESS_MAX),
            min_value=PROGRESS_MIN,
            max_value=PROGRESS_MAX,
            step=1,
            format="%d",
            key=key(measure_id, "progress", quarter),
            disabled=unknown,
        )
        slots.add("progress")
        st.radio(
            t("col.rag"),
            [r.value for r in Rag],
            format_func=widgets.rag_text,
            horizontal=True,
            key=key(measure_id, "rag", quarter),
        )
        slots.add("rag")
    with right:
        # No max_chars: Streamlit would cut a long paste without a word. The service
        # checks the length on save and says so; the text stays in the field.
        st.text_area(t("col.comment"), key=key(measure_id, "comment", quarter))
        slots.add("comment")
        st.text_area(t("col.next_steps"), key=key(measure_id, "next_steps", quarter))
        slots.add("next_steps")
    slots.add("period")
    slots.add(None)  # a problem tied to no field


def _comparable(report: Report) -> dict[str, Any]:
    """A report's values as the form and the database both hold them."""
    progress = reported_progress(report.status, report.progress)
    return {
        "status": str(report.status),
        "progress": progress,
        "rag": None if report.rag in (None, "") else str(report.rag),
        "comment": report.comment.strip(),
        "next_steps": report.next_steps.strip(),
    }


def show_contributions(contributions: pd.DataFrame, quarter: Quarter) -> None:
    """The partners' contributions to the measure for the quarter, as plain text."""
    label = widgets.quarter_label(str(quarter))
    if contributions.empty:
        st.caption(t("report.contributions_none", quarter=label))
        return
    with st.container(border=True):
        st.markdown(f"**{t('report.contributions', quarter=label)}**")
        for row in contributions.to_dict("records"):
            when = widgets.date_text(row["created_at"])
            st.markdown(f"**{plain(row['actor'])}** · {when}")
            st.text(str(row["text"]))
            if row["link"]:
                st.markdown(link(row["link"], row["link"]))  # a link field: a link on purpose


def show_stored(measure: pd.Series, quarter: Quarter) -> None:
    """A closed quarter: the report as it stands, read-only, with the reason."""
    label, code = widgets.quarter_label(str(quarter)), str(measure["code"])
    stored = stored_this_quarter(measure, quarter)
    if stored is None:
        st.info(t_md("report.closed_none", quarter=label, code=code))
        return
    st.info(t_md("report.closed_read_only", quarter=label, code=code))
    st.write(
        f"{widgets.status_text(stored.status)} · {widgets.percent(stored.progress)}"
        f" · {widgets.rag_text(stored.rag)}"
    )
    for name, text in (
        (t("col.comment"), stored.comment),
        (t("col.next_steps"), stored.next_steps),
    ):
        if text:
            st.caption(name)
            st.text(text)


def _defaults(measure: pd.Series, quarter: Quarter, stored: Report | None) -> None:
    """Start the widgets once: from this quarter's report when there is one (what was
    saved, comment and all), else from the last report without its comment."""
    measure_id = int(measure["id"])
    last_progress = measure["progress"]
    defaults = {
        "status": measure["status"] or Status.IN_PROGRESS.value,
        "unknown": measure["status"] is not None and pd.isna(last_progress),
        "progress": 0 if pd.isna(last_progress) else int(last_progress),
        "rag": measure["rag"] or Rag.GREEN.value,
        "comment": stored.comment if stored else "",
        "next_steps": _text(measure["next_steps"]),
    }
    for field, value in defaults.items():
        st.session_state.setdefault(key(measure_id, field, quarter), value)
    seen_version(measure)


def _report_from_state(measure_id: int, quarter: Quarter) -> Report:
    state = st.session_state
    status = state[key(measure_id, "status", quarter)]
    unknown = state[key(measure_id, "unknown", quarter)]
    progress = None if unknown else int(state[key(measure_id, "progress", quarter)])
    progress = reported_progress(status, progress)
    return Report(
        period=str(quarter),
        status=status,
        progress=progress,
        rag=state[key(measure_id, "rag", quarter)],
        comment=state[key(measure_id, "comment", quarter)],
        next_steps=state[key(measure_id, "next_steps", quarter)],
    )


def _preview(measure: pd.Series, report: Report, stored: Report | None = None) -> None:
    """What will change against the last report (this quarter's, when there is one),
    before saving."""
    before = {
        t("col.status"): widgets.status_text(measure["status"]),
        t("col.progress"): widgets.percent(measure["progress"]),
        t("col.rag"): widgets.rag_text(measure["rag"]),
        t("col.next_steps"): "" if pd.isna(measure["next_steps"]) else measure["next_steps"],
    }
    after = {
        t("col.status"): widgets.status_text(report.status),
        t("col.progress"): widgets.percent(report.progress),
        t("col.rag"): widgets.rag_text(report.rag),
        t("col.next_steps"): report.next_steps,
    }
    changes = [(name, before[name], after[name]) for name in before if before[name] != after[name]]
    before_comment = stored.comment if stored is not None else ""
    if report.comment.strip() and report.comment.strip() != before_comment:
        changes.append((t("col.comment"), before_comment, report.comment.strip()))
    st.markdown(f"**{t('report.preview')}**")
    if not changes:
        st.caption(t("report.no_change"))
        return
    st.dataframe(
        pd.DataFrame(changes, columns=[t("report.field"), t("report.before"), t("report.after")]),
        hide_index=True,
        width="stretch",
        placeholder=MISSING,
    )


def _save(measure: pd.Series, report: Report, slots: forms.Slots, saved: forms.Write1) -> None:
    """Save the report and run the page again saying so; else the problem is shown
    (a conflict: both versions, by _conflict)."""
    measure_id = int(measure["id"])

    def write(session: db.Session, user: Principal) -> None:
        report_status(
            session,
            user=user,
            measure_id=measure_id,
            report=report,
            seen_version=seen_version(measure),
        )

    def conflict(error: ConflictError) -> None:
        st.session_state[key(measure_id, "conflict")] = error.current
        st.session_state[key(measure_id, "conflict_text")] = error_text(error)

    ok, _ = forms.run_write(write, slots=slots, on_conflict=conflict, saved=saved)
    if ok:
        _forget(measure_id, Quarter.parse(report.period))
        forms.done(t_md("report.saved", code=measure["code"]), "success")


def _conflict(measure: pd.Series, report: Report) -> None:
    measure_id = int(measure["id"])
    current = st.session_state.get(key(measure_id, "conflict"))
    if current is None:
        return
    st.warning(st.session_state.get(key(measure_id, "conflict_text"), ""))
    theirs, mine = st.columns(2)
    with theirs:
        st.markdown(f"**{t('report.theirs')}**")
        _show_version(current)
    with mine:
        st.markdown(f"**{t('report.mine')}**")
        _show_version(
            {
                "status": report.status,
                "progress": report.progress,
                "rag": report.rag,
                "comment": report.comment,
                "next_steps": report.next_steps,
            }
        )
    if st.button(t("report.keep_mine"), key=key(measure_id, "keep_mine")):
        st.session_state[key(measure_id, "seen")] = int(measure["version"])
        st.session_state.pop(key(measure_id, "conflict"), None)
        st.rerun()


def _show_version(values: dict[str, Any]) -> None:
    st.write(
        f"{widgets.status_text(values.get('status'))} · {widgets.percent(values.get('progress'))}"
        f" · {widgets.rag_text(values.get('rag'))}"
    )
    if values.get("comment"):
        st.caption(plain(values["comment"]))


def _forget(measure_id: int, quarter: Quarter) -> None:
    """Drop the form's state after a save: the next run starts it from what was saved."""
    for field in (*FIELDS, "unknown"):
        st.session_state.pop(key(measure_id, field, quarter), None)
    for field in ("seen", "conflict", "conflict_text"):
        st.session_state.pop(key(measure_id, field), None)


def confirm_unchanged(measures: pd.DataFrame, quarter: Quarter) -> None:
    """Quick mode: tick measures whose status is unchanged since their last report and
    confirm them together: each gets a copy of its last report for this quarter."""
    missing = missing_in(measures, quarter)
    candidates = missing[missing["status"].notna()]  # a last report to copy
    if candidates.empty:
        st.caption(t("report.quick_none"))
        return
    table = pd.DataFrame(
        {
            "id": candidates["id"],
            t("report.unchanged"): False,
            t("col.code"): candidates["code"],
            t("col.title"): candidates["title"],
            t("col.status"): [widgets.status_text(s) for s in candidates["status"]],
            t("col.progress"): [widgets.percent(p) for p in candidates["progress"]],
            t("col.rag"): [widgets.rag_text(r) for r in candidates["rag"]],
            t("col.period"): candidates["period"],
        }
    )
    edited = st.data_editor(
        table,
        hide_index=True,
        width="stretch",
        column_config={"id": None},
        disabled=[c for c in table.columns if c != t("report.unchanged")],
        key="report_quick",
        placeholder=MISSING,
    )
    chosen = edited.loc[edited[t("report.unchanged")], "id"].tolist()
    if st.button(
        t("report.confirm_unchanged", count=len(chosen)),
        disabled=not chosen,
        key="report_quick_confirm",
    ):
        _save_unchanged(candidates[candidates["id"].isin(chosen)], quarter)


def _save_unchanged(chosen: pd.DataFrame, quarter: Quarter) -> None:
    """Each chosen measure's last report again for this quarter, one write each: what
    one refuses (a conflict, a closed quarter) does not stop the others."""
    problems: list[str] = []
    saved = 0
    for row in chosen.to_dict("records"):
        report = Report(
            period=str(quarter),
            status=row["status"],
            progress=None if pd.isna(row["progress"]) else int(row["progress"]),
            rag=row["rag"],
            comment=_text(row["comment"]),
            next_steps=_text(row["next_steps"]),
        )
        measure_id = int(row["id"])
        confirm = partial(_confirm, measure_id=measure_id, report=report, seen=int(row["version"]))
        try:
            forms.write_or_raise(confirm)
            saved += 1
            _forget(measure_id, quarter)
        except TrackerError as error:
            problems.append(f"{plain(row['code'])}: {error_text(error)}")
    if problems:
        forms.flash("\n\n".join(problems), "error")
    forms.done(tn("report.saved_many", saved), "success")


def _confirm(
    session: db.Session, user: Principal, *, measure_id: int, report: Report, seen: int
) -> None:
    report_status(session, user=user, measure_id=measure_id, report=report, seen_version=seen)
