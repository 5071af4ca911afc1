"""Admin tab Import: upload a plan file, see what it would change (a dry run) or
every row's problem, then import it; and download the plan as XLSX."""

from __future__ import annotations

import inspect
import re
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
import streamlit as st

from tracker.errors import Problem
from tracker.importers import ImportResult, import_tables
from tracker.importers.limits import MAX_DATA_ROWS, MAX_UPLOAD_MB
from tracker.importers.report import import_report, import_report_csv
from ui import data, widgets
from ui.admin import import_layout
from ui.admin.tabs import NEW_PLAN_KEY
from ui.forms import done, run_write
from ui.state import lang, require_user, t, tn
from ui.text import MISSING, error_text, t_md

ROUND_KEY = "admin_import_round"
"""Part of the uploader's key: a new round empties the uploader after an import."""
DRY_KEY = "admin_import_dry"
PLAN_NAME_KEY = "admin_import_plan_name"
PERIOD_KEY = "admin_import_period"
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_MIME = "text/csv"


@dataclass
class Target:
    """Where the import goes: a plan's name (None: the file's Plan sheet, or the only
    plan), and on a fresh install the new plan's period («2024-2028»)."""

    plan: str | None = None
    period: str | None = None


@dataclass
class Upload:
    content: bytes
    filename: str
    file_id: str


@dataclass
class DryRun:
    """A dry run's result and how the file was read, kept for the uploaded file."""

    key: tuple[Any, ...]
    result: ImportResult
    layouts: list[Any] = field(default_factory=list)


def render(plan_id: int | None) -> None:
    st.subheader(t("adminpage.import"))
    if plan_id is None:
        target = first_plan_fields()
    else:
        target = Target(widgets.plan_name(plan_id))
        st.caption(t_md("adminpage.import_help", plan=target.plan))
    # Streamlit's own line under the uploader («20MB per file • XLSX, CSV») is hidden
    # (ui.browser_texts): this one says the limits in the user's language.
    st.caption(t("adminpage.import_limits", size=MAX_UPLOAD_MB, rows=widgets.number(MAX_DATA_ROWS)))
    if require_user().username in data.demo_usernames():  # the service refuses it too
        st.warning(t("demo.retire_as_demo"))
    else:
        upload_plan(target)
    st.divider()
    export(plan_id)


def first_plan_fields() -> Target:
    """A fresh install: the new plan's name and period (a file with a Plan sheet
    brings its own)."""
    st.caption(t("importpage.first_help"))
    left, right = st.columns([3, 1])
    name = left.text_input(t("importpage.plan_name"), key=PLAN_NAME_KEY).strip()
    period = right.text_input(
        t("importpage.period"), key=PERIOD_KEY, placeholder=t("importpage.period_hint")
    ).strip()
    return Target(name or None, period or None)


def upload_plan(target: Target) -> None:
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
        preview(Upload(upload.getvalue(), upload.name, upload.file_id), target)


def run_import(
    upload: Upload, target: Target, chosen: import_layout.Choices, *, dry_run: bool
) -> DryRun | None:
    """Read the file as chosen and import it (dry_run: try it). A real import that
    went through starts a new round inside its transaction: a double click's second
    run finds an empty uploader, not the same file to import again."""
    tables = import_layout.read(upload.content, upload.filename, chosen)
    extra = {}
    if target.period and "period" in inspect.signature(import_tables).parameters:
        extra["period"] = target.period  # (a plan created from its name)

    def imported(result: ImportResult) -> None:
        if not dry_run and result.ok:
            st.session_state.pop(DRY_KEY, None)
            st.session_state[ROUND_KEY] = st.session_state.get(ROUND_KEY, 0) + 1

    ok, result = run_write(
        lambda session, user: import_tables(
            session, user=user, tables=tables, plan=target.plan, dry_run=dry_run, **extra
        ),
        saved=imported,
    )
    if not ok:
        return None
    layouts = getattr(result, "layouts", None) or getattr(tables, "layouts", [])
    key = (upload.file_id, target.plan, target.period, chosen.key())
    return DryRun(key, result, list(layouts))


def preview(upload: Upload, target: Target) -> None:
    """The dry run, once per uploaded file and choice; how the file was read; the
    report; then the button that imports for real."""
    chosen = import_layout.choices(upload.file_id)
    key = (upload.file_id, target.plan, target.period, chosen.key())
    stored = st.session_state.get(DRY_KEY)
    if not isinstance(stored, DryRun) or stored.key != key:
        stored = run_import(upload, target, chosen, dry_run=True)
        if stored is None:
            return
        st.session_state[DRY_KEY] = stored
    result = stored.result
    show_result(result)
    import_layout.show(stored.layouts, chosen)
    report_downloads(result)
    if not result.ok or not result.changes:
        return
    if st.button(
        tn("adminpage.import_run", len(result.changes)),
        type="primary",
        icon=":material/upload:",
        key="admin_import_run",
    ):
        final = run_import(upload, target, chosen, dry_run=False)
        if final is None:
            return
        if not final.result.ok:  # the data changed since the dry run: show the new problems
            st.session_state[DRY_KEY] = final
            st.rerun()
        if final.result.plan_id is not None:
            st.session_state[NEW_PLAN_KEY] = final.result.plan_id
        said = [error_text(p) for p in final.result.notices if p.key == "demo.retired"]
        done(" ".join([tn("adminpage.imported", len(final.result.changes)), *said]))


def report_downloads(result: ImportResult) -> None:
    """The report of this run: every rejected row, every notice (tracker.importers.report)."""
    name = t("importpage.report_file")
    left, right = st.columns(2, width=420)
    left.download_button(
        t("importpage.report_xlsx"),
        data=import_report(result, lang()),
        file_name=f"{name}.xlsx",
        mime=XLSX_MIME,
        icon=":material/download:",
        on_click="ignore",
        key="admin_import_report_xlsx",
    )
    right.download_button(
        t("importpage.report_csv"),
        data=import_report_csv(result, lang()),
        file_name=f"{name}.csv",
        mime=CSV_MIME,
        icon=":material/download:",
        on_click="ignore",
        key="admin_import_report_csv",
    )


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
