"""Admin tab Import: upload a plan file, see what it would change (a dry run) or
every row's problem, then import it; and download the plan as XLSX."""

from __future__ import annotations

import inspect
import re
from dataclasses import dataclass, field, replace
from typing import Any

import pandas as pd
import streamlit as st

from tracker.errors import Problem
from tracker.models import Plan
from tracker.planfile.importer import ImportResult, import_tables
from tracker.planfile.limits import MAX_DATA_ROWS, MAX_UPLOAD_MB
from tracker.planfile.report import import_report, import_report_csv, made
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
IMPORTED_KEY = "admin_import_imported"
"""The last real import's result: its summary stays until the next file."""
OVERVIEW_PAGE = "app_pages/overview.py"
MADE_KEYS = {
    "theme": "importpage.done_theme",
    "goal": "importpage.done_goal",
    "actor": "importpage.done_actor",
    "measure": "importpage.done_measure",
    "event": "importpage.done_event",
    "report": "importpage.done_report",
    "updated": "importpage.done_updated",
}
"""What the summary counts (tracker.planfile.report.made), in order, and its words."""
NAME_FROM_FILE_KEY = "admin_import_name_from_file"
"""A plan name from the file's title row, for the name field on the next run."""
NAMED_FILE_KEY = "admin_import_named_file"
"""The file whose title row was offered as the name: once per file (the user's word stands)."""
ON_THE_PAGE = {
    "import.plan_name_needed": "importpage.plan_name_needed",
    "import.plan_needs_period": "importpage.plan_needs_period",
}
"""Problems the command line's words say (--plan, --period): on the page, the fields above."""
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_MIME = "text/csv"
MAX_PLAN_NAME = Plan.name.type.length  # a longer title row is no plan name


@dataclass
class Target:
    """Where the import goes: a plan's name (None: the file's Plan sheet, or the only
    plan), and on a fresh install the new plan's period («2024-2028»)."""

    plan: str | None = None
    period: str | None = None
    first: bool = False  # a fresh install: the name and period fields are shown


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
    if NAME_FROM_FILE_KEY in st.session_state:  # before the field is drawn
        st.session_state[PLAN_NAME_KEY] = st.session_state.pop(NAME_FROM_FILE_KEY)
    left, right = st.columns([3, 1])
    name = left.text_input(t("importpage.plan_name"), key=PLAN_NAME_KEY).strip()
    period = right.text_input(
        t("importpage.period"), key=PERIOD_KEY, placeholder=t("importpage.period_hint")
    ).strip()
    return Target(name or None, period or None, first=True)


def name_from_file(upload: Upload, target: Target, layouts: list[Any]) -> bool:
    """On a fresh install with no name given: the file's first title row («Strategisk
    næringsplan for … 2024–2028») as the name, once per file. True when it was set
    (the page runs again with it)."""
    if not target.first or target.plan or st.session_state.get(NAMED_FILE_KEY) == upload.file_id:
        return False
    st.session_state[NAMED_FILE_KEY] = upload.file_id
    titles = [str(text).strip() for lay in layouts for text in getattr(lay, "title_rows", [])]
    name = next((text for text in titles if len(text) <= MAX_PLAN_NAME), "")
    if not any(c.isalpha() for c in name):
        return False
    st.session_state[NAME_FROM_FILE_KEY] = name
    return True


def upload_plan(target: Target) -> None:
    upload = st.file_uploader(
        t("adminpage.import_file"),
        type=["xlsx", "csv"],
        max_upload_size=MAX_UPLOAD_MB,  # the browser's check; the server's is config.toml
        key=f"admin_import_file_{st.session_state.get(ROUND_KEY, 0)}",
    )
    if upload is None:
        st.session_state.pop(DRY_KEY, None)
        imported_summary()
        st.info(t("adminpage.import_empty"))
    else:
        st.session_state.pop(IMPORTED_KEY, None)
        preview(Upload(upload.getvalue(), upload.name, upload.file_id), target)


def run_import(
    upload: Upload, target: Target, chosen: import_layout.Choices, *, dry_run: bool
) -> DryRun | None:
    """Read the file as chosen and import it (dry_run: try it). A real import that
    went through starts a new round inside its transaction: a double click's second
    run finds an empty uploader, not the same file to import again."""
    tables = import_layout.read(upload.content, upload.filename, chosen)
    extra: dict[str, Any] = {}
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
        if name_from_file(upload, target, stored.layouts):
            st.rerun()
    result = stored.result
    show_result(result)
    import_layout.show(stored.layouts, chosen, getattr(result, "preview", None))
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
        st.session_state[IMPORTED_KEY] = final.result
        said = [error_text(p) for p in final.result.notices if p.key == "demo.retired"]
        done(" ".join([tn("adminpage.imported", len(final.result.changes)), *said]))


def imported_summary() -> None:
    """What the last import made (the new plan, counts of the rest), and the way to
    the overview."""
    result = st.session_state.get(IMPORTED_KEY)
    if not isinstance(result, ImportResult):
        return
    counts = made(result)
    lines = [f"**{t('importpage.done')}**"]
    lines += [f"- {error_text(p)}" for p in result.changes if p.key == "import.change_new_plan"]
    lines += [f"- {tn(key, counts[kind])}" for kind, key in MADE_KEYS.items() if kind in counts]
    st.success("\n".join(lines))
    st.page_link(OVERVIEW_PAGE, label=t("importpage.to_overview"), icon=":material/dashboard:")


def report_downloads(result: ImportResult) -> None:
    """The report of this run: every rejected row, every notice (tracker.planfile.report)."""
    name = t("importpage.report_file")
    row = st.container(horizontal=True)  # each button as wide as its label
    row.download_button(
        t("importpage.report_xlsx"),
        data=import_report(result, lang()),
        file_name=f"{name}.xlsx",
        mime=XLSX_MIME,
        icon=":material/download:",
        on_click="ignore",
        key="admin_import_report_xlsx",
    )
    row.download_button(
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
    fields = [p for p in result.problems if p.key in ON_THE_PAGE]
    in_file = [p for p in result.problems if p.key not in ON_THE_PAGE]
    for problem in fields:  # not the file's fault: the fields above
        st.error(error_text(replace(problem, key=ON_THE_PAGE[problem.key])))
    if in_file:
        st.error(tn("adminpage.import_problems", len(in_file)))
        lines(in_file, "admin_import_problems")
    elif fields:
        return
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
        st.info(t("importpage.export_first"))  # the import is just above
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
