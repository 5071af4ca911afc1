"""Admin tab Import: upload a plan file, see what it would change (a dry run) or
every row's problem, then import it; and download the plan as XLSX."""

from __future__ import annotations

import re
from typing import Any

import pandas as pd
import streamlit as st

from tracker.errors import Problem
from tracker.importers import ImportResult, import_tables, read_bytes
from tracker.importers.limits import MAX_DATA_ROWS, MAX_UPLOAD_MB
from ui import data, widgets
from ui.admin_common import NEW_PLAN_KEY, done, run_write
from ui.state import lang, require_user, t, tn
from ui.text import MISSING, error_text, t_md

ROUND_KEY = "admin_import_round"
"""Part of the uploader's key: a new round empties the uploader after an import."""
DRY_KEY = "admin_import_dry"
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def render(plan_id: int | None) -> None:
    st.subheader(t("adminpage.import"))
    target = widgets.plan_name(plan_id) if plan_id is not None else None
    st.caption(t_md("adminpage.import_help", plan=target or "–"))
    # Streamlit's own line under the uploader («20MB per file • XLSX, CSV») is hidden
    # (ui.browser_texts): this one says the limits in the user's language.
    st.caption(t("adminpage.import_limits", size=MAX_UPLOAD_MB, rows=widgets.number(MAX_DATA_ROWS)))
    if require_user().username in data.demo_usernames():  # the service refuses it too
        st.warning(t("demo.retire_as_demo"))
    else:
        upload_plan(target)
    st.divider()
    export(plan_id)


def upload_plan(target: str | None) -> None:
    upload = st.file_uploader(
        t("adminpage.import_file"),
        type=["xlsx", "csv"],
        max_upload_size=MAX_UPLOAD_MB,  # the browser's check; the server's is config.toml
        key=f"admin_import_file_{st.session_state.get(ROUND_KEY, 0)}",
    )
    if upload is None:
        st.session_state.pop(DRY_KEY, None)
        st.info(t("adminpage.import_empty"))
    else:
        preview(upload.getvalue(), upload.name, upload.file_id, target)


def run_import(content: bytes, filename: str, target: str | None, *, dry_run: bool) -> Any:
    tables = read_bytes(content, filename)
    ok, result = run_write(
        lambda session, user: import_tables(
            session, user=user, tables=tables, plan=target, dry_run=dry_run
        )
    )
    return result if ok else None


def preview(content: bytes, filename: str, file_id: str, target: str | None) -> None:
    """The dry run, once per uploaded file; then the button that imports for real."""
    stored = st.session_state.get(DRY_KEY)
    if stored is None or stored[0] != (file_id, target):
        dry = run_import(content, filename, target, dry_run=True)
        if dry is None:
            return
        stored = ((file_id, target), dry)
        st.session_state[DRY_KEY] = stored
    result: ImportResult = stored[1]
    show_result(result)
    if not result.ok or not result.changes:
        return
    if st.button(
        tn("adminpage.import_run", len(result.changes)),
        type="primary",
        icon=":material/upload:",
        key="admin_import_run",
    ):
        final = run_import(content, filename, target, dry_run=False)
        if final is None:
            return
        if not final.ok:  # the data changed since the dry run: show the new problems
            st.session_state[DRY_KEY] = ((file_id, target), final)
            st.rerun()
        st.session_state.pop(DRY_KEY, None)
        st.session_state[ROUND_KEY] = st.session_state.get(ROUND_KEY, 0) + 1
        if final.plan_id is not None:
            st.session_state[NEW_PLAN_KEY] = final.plan_id
        said = [error_text(p) for p in final.notices if p.key == "demo.retired"]
        done(" ".join([tn("adminpage.imported", len(final.changes)), *said]))


def show_result(result: ImportResult) -> None:
    if result.notices:
        st.info("\n".join(f"- {error_text(p)}" for p in result.notices))
    if result.problems:
        st.error(tn("adminpage.import_problems", len(result.problems)))
        lines(result.problems, "admin_import_problems")
    elif not result.changes:
        st.info(t("import.no_changes"))
    else:
        st.success(tn("adminpage.import_preview", len(result.changes)))
        lines(result.changes, "admin_import_changes")


def lines(problems: list[Problem], key: str) -> None:
    st.dataframe(
        pd.DataFrame({t("adminpage.message"): [p.text(lang()) for p in problems]}),
        hide_index=True,
        width="stretch",
        key=key,
        placeholder=MISSING,
    )


def export(plan_id: int | None) -> None:
    st.subheader(t("adminpage.export"))
    if plan_id is None:
        st.info(t("adminpage.plan_first"))
        return
    st.caption(t("adminpage.export_help"))
    name = re.sub(r"[^\w\-]+", "_", widgets.plan_name(plan_id)).strip("_") or "plan"
    st.download_button(
        t("adminpage.download_xlsx"),
        data=data.plan_xlsx(plan_id),
        file_name=f"{name}.xlsx",
        mime=XLSX_MIME,
        icon=":material/download:",
        on_click="ignore",
        key="admin_export_xlsx",
    )
