"""The status form of the Rapporter page: one measure, a live preview of what will
change, validation errors next to their fields, and conflicts shown with both
versions (nothing the user typed is lost)."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from tracker import service
from tracker.errors import ConflictError, PermissionDenied, ValidationError
from tracker.quarters import Quarter
from tracker.service.status import TEXT_LIMIT
from tracker.vocab import Rag, Status
from ui import data, widgets
from ui.state import lang, require_user, t

FIELDS = ("status", "progress", "rag", "comment", "next_steps", "period")


def key(measure_id: int, field: str) -> str:
    return f"report_{measure_id}_{field}"


def keep_drafts() -> None:
    """Streamlit drops a widget's value when the widget is not drawn in a run; the
    report fields of other measures (or of a page left for a moment) would then be
    lost. Writing the values back keeps every half-typed report until saved."""
    for name in [k for k in st.session_state if str(k).startswith("report_")]:
        if name.rsplit("_", 1)[-1] in (*FIELDS, "unknown"):
            st.session_state[name] = st.session_state[name]


def seen_version(measure: pd.Series) -> int:
    """The version the user started from: kept until they save or start over."""
    return st.session_state.setdefault(key(int(measure["id"]), "seen"), int(measure["version"]))


def report_form(measure: pd.Series, quarter: Quarter) -> None:
    measure_id = int(measure["id"])
    _defaults(measure)
    slots: dict[str, Any] = {}
    left, right = st.columns(2)
    with left:
        st.selectbox(
            t("col.status"),
            [s.value for s in Status],
            format_func=widgets.status_text,
            key=key(measure_id, "status"),
        )
        slots["status"] = st.empty()
        unknown = st.checkbox(t("report.unknown_progress"), key=key(measure_id, "unknown"))
        st.slider(
            t("col.progress"),
            0,
            100,
            step=5,
            format="%d %%",
            key=key(measure_id, "progress"),
            disabled=unknown,
        )
        slots["progress"] = st.empty()
        st.radio(
            t("col.rag"),
            [r.value for r in Rag],
            format_func=widgets.rag_text,
            horizontal=True,
            key=key(measure_id, "rag"),
        )
        slots["rag"] = st.empty()
    with right:
        st.text_area(t("col.comment"), max_chars=TEXT_LIMIT, key=key(measure_id, "comment"))
        slots["comment"] = st.empty()
        st.text_area(t("col.next_steps"), max_chars=TEXT_LIMIT, key=key(measure_id, "next_steps"))
        slots["next_steps"] = st.empty()
    slots["period"] = st.empty()
    report = _report_from_state(measure_id, quarter)
    _preview(measure, report)
    if st.button(t("report.save"), type="primary", key=key(measure_id, "save")):
        _save(measure, report, slots)
    _conflict(measure, report)


def _defaults(measure: pd.Series) -> None:
    """Start the widgets from the last report, once."""
    measure_id = int(measure["id"])
    last_progress = measure["progress"]
    defaults = {
        "status": measure["status"] or Status.IN_PROGRESS.value,
        "unknown": measure["status"] is not None and pd.isna(last_progress),
        "progress": 0 if pd.isna(last_progress) else int(last_progress),
        "rag": measure["rag"] or Rag.GREEN.value,
        "comment": "",
        "next_steps": "" if pd.isna(measure["next_steps"]) else str(measure["next_steps"]),
    }
    for field, value in defaults.items():
        st.session_state.setdefault(key(measure_id, field), value)
    seen_version(measure)


def _report_from_state(measure_id: int, quarter: Quarter) -> service.Report:
    state = st.session_state
    status = state[key(measure_id, "status")]
    unknown = state[key(measure_id, "unknown")]
    progress = None if unknown else int(state[key(measure_id, "progress")])
    if status == Status.COMPLETED:
        progress = 100
    return service.Report(
        period=str(quarter),
        status=status,
        progress=progress,
        rag=state[key(measure_id, "rag")],
        comment=state[key(measure_id, "comment")],
        next_steps=state[key(measure_id, "next_steps")],
    )


def _preview(measure: pd.Series, report: service.Report) -> None:
    """What will change against the last report, before saving."""
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
    if report.comment.strip():
        changes.append((t("col.comment"), "", report.comment.strip()))
    st.markdown(f"**{t('report.preview')}**")
    if not changes:
        st.caption(t("report.no_change"))
        return
    st.dataframe(
        pd.DataFrame(changes, columns=[t("report.field"), t("report.before"), t("report.after")]),
        hide_index=True,
        width="stretch",
    )


def _save(measure: pd.Series, report: service.Report, slots: dict[str, Any]) -> None:
    measure_id = int(measure["id"])
    user = require_user()
    try:
        with data.write() as session:
            service.report_status(
                session,
                user=user,
                measure_id=measure_id,
                report=report,
                seen_version=seen_version(measure),
            )
    except ValidationError as error:
        for field, problems in error.by_field().items():
            slot = slots.get(field or "period", slots["period"])
            slot.error("\n\n".join(p.text(lang()) for p in problems))
        return
    except PermissionDenied as error:
        st.error(error.text(lang()))
        return
    except ConflictError as error:
        st.session_state[key(measure_id, "conflict")] = error.current
        st.session_state[key(measure_id, "conflict_text")] = error.text(lang())
        return
    _forget(measure_id)
    st.session_state["report_saved"] = t("report.saved", code=measure["code"])
    st.rerun()


def _conflict(measure: pd.Series, report: service.Report) -> None:
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
        st.caption(str(values["comment"]))


def _forget(measure_id: int) -> None:
    for field in (*FIELDS, "unknown", "seen", "conflict", "conflict_text"):
        st.session_state.pop(key(measure_id, field), None)


def confirm_unchanged(measures: pd.DataFrame, quarter: Quarter) -> None:
    """Quick mode: tick measures whose status is unchanged since their last report and
    confirm them together: each gets a copy of its last report for this quarter."""
    candidates = measures[measures["status"].notna() & (measures["period"] != str(quarter))]
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
    )
    chosen = edited.loc[edited[t("report.unchanged")], "id"].tolist()
    if st.button(
        t("report.confirm_unchanged", count=len(chosen)),
        disabled=not chosen,
        key="report_quick_confirm",
    ):
        _save_unchanged(candidates[candidates["id"].isin(chosen)], quarter)


def _save_unchanged(chosen: pd.DataFrame, quarter: Quarter) -> None:
    user = require_user()
    problems: list[str] = []
    saved = 0
    for row in chosen.itertuples():
        report = service.Report(
            period=str(quarter),
            status=row.status,
            progress=None if pd.isna(row.progress) else int(row.progress),
            rag=row.rag,
            comment="" if pd.isna(row.comment) else str(row.comment),
            next_steps="" if pd.isna(row.next_steps) else str(row.next_steps),
        )
        try:
            with data.write() as session:
                service.report_status(
                    session,
                    user=user,
                    measure_id=int(row.id),
                    report=report,
                    seen_version=int(row.version),
                )
            saved += 1
            _forget(int(row.id))
        except (ValidationError, PermissionDenied, ConflictError) as error:
            problems.append(f"{row.code}: {error.text(lang())}")
    st.session_state["report_saved"] = t("report.saved_many", count=saved)
    st.session_state["report_problems"] = problems
    st.rerun()
