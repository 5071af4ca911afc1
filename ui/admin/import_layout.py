"""Admin → Import: how the file was read (tracker.planfile.read.Layout): the sheet
and its header row, which column became which field, the first rows as they will be
stored; and the user's choices that change the reading: the sheet that holds the
measures, and what a column means. The choices go to read_bytes(sheet=, columns=)."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
import streamlit as st

from tracker import i18n
from tracker.planfile import sheets
from tracker.planfile.read import read_bytes
from tracker.quarters import span_text
from tracker.vocab import Status
from ui.state import lang, t
from ui.text import MISSING, plain, t_md

CHOICES_KEY = "admin_import_choices"
SHEET_KEY = "admin_import_sheet"
COLUMN_PREFIX = "admin_import_col_"
IGNORED = ""
"""The field choice «Ignoreres» (last in the menu): read_bytes(columns={header: ""})
skips the column."""
PICKER_COLUMNS = 2
"""Column pickers side by side: wide enough for «Samarbeidspartnere» untruncated."""
LABEL_PREFIX = "importfield."


@dataclass
class Choices:
    """What the user chose for one uploaded file (file_id)."""

    file_id: str = ""
    sheet: str | None = None
    columns: dict[str, str] = field(default_factory=dict)
    seen: Any = None  # the last measure layout read: its pickers stay when a choice fails

    def key(self) -> tuple[Any, ...]:
        return (self.sheet, tuple(sorted(self.columns.items())))

    def read_args(self, reader: Callable[..., Any]) -> dict[str, Any]:
        """The keyword arguments for reader: only what was chosen, and only what the
        reader takes."""
        wanted = {"sheet": self.sheet, "columns": self.columns or None}
        takes = inspect.signature(reader).parameters
        return {name: value for name, value in wanted.items() if value and name in takes}


def choices(file_id: str) -> Choices:
    """The choices for this file; a new file starts with none (and fresh pickers)."""
    current = st.session_state.get(CHOICES_KEY)
    if not isinstance(current, Choices) or current.file_id != file_id:
        forget_pickers(columns_only=False)
        current = Choices(file_id)
        st.session_state[CHOICES_KEY] = current
    return current


def forget_pickers(*, columns_only: bool) -> None:
    for key in list(st.session_state):
        if str(key).startswith(COLUMN_PREFIX) or (not columns_only and key == SHEET_KEY):
            del st.session_state[key]


def read(content: bytes, filename: str, chosen: Choices) -> Any:
    return read_bytes(content, filename, **chosen.read_args(read_bytes))


# --- what the reader said ----------------------------------------------------------


def measure_layout(layouts: list[Any]) -> Any | None:
    """The layout of the measures' table (Layout.table; without it: the one among its
    own candidates)."""
    return next((lay for lay in layouts if _is_measures(lay)), None)


def _is_measures(layout: Any) -> bool:
    table = getattr(layout, "table", None)
    return table == sheets.MEASURES.key if table is not None else layout.sheet in layout.candidates


def field_keys() -> tuple[str, ...]:
    """The fields a column may be given (sheets.FIELD_KEYS once the reader has it)."""
    try:
        from tracker.planfile.sheets import FIELD_KEYS
    except ImportError:
        return tuple(c.key for c in sheets.MEASURES.columns)
    return tuple(FIELD_KEYS)


def field_label(key: str | None) -> str:
    """A field's label in the user's language (importfield.<key>), «Ignoreres» for none."""
    if not key:
        return t("importpage.ignored")
    if LABEL_PREFIX + key in i18n.CATALOGUE:
        return t(LABEL_PREFIX + key)
    headers = {c.key: c.header for c in sheets.MEASURES.columns}
    return headers.get(key, key)  # the file's own header word, until the catalogue has it


def show(layouts: list[Any], chosen: Choices, preview: list[dict[str, Any]] | None = None) -> None:
    """How the file was read, with the pickers that change it; the first measures
    as they will be stored (ImportResult.preview), or else as read."""
    main = measure_layout(layouts)
    if main is not None:
        chosen.seen = main
    elif chosen.seen is not None and (chosen.sheet or chosen.columns):
        failed(chosen)
        return
    if not layouts:
        return
    st.markdown(f"**{t('importpage.how_read')}**")
    for layout in layouts:
        if layout is not main:
            st.caption(t_md("importpage.other_sheet", sheet=layout.sheet, row=layout.header_row))
    if main is None:
        return
    said = t_md("importpage.read_sheet", sheet=main.sheet, row=main.header_row)
    if main.theme_rows:
        said += " " + t("importpage.theme_rows")
    st.write(said)
    sheet_picker(main, chosen)
    column_table(main)
    column_pickers(main, chosen)
    if preview:
        stored_rows(preview)
    else:
        first_rows(main)


def failed(chosen: Choices) -> None:
    """The choices left no measure table to read (a required column ignored): the
    pickers of the last reading stay, to change them back, and a reset."""
    st.markdown(f"**{t('importpage.how_read')}**")
    st.caption(t("importpage.choices_failed"))
    sheet_picker(chosen.seen, chosen)
    column_pickers(chosen.seen, chosen, expanded=True)

    def reset() -> None:
        chosen.sheet, chosen.columns = None, {}
        forget_pickers(columns_only=False)

    st.button(t("importpage.reset"), key="admin_import_reset", on_click=reset)


def sheet_picker(layout: Any, chosen: Choices) -> None:
    if len(layout.candidates) < 2:
        return
    st.caption(t_md("importpage.several_sheets", sheets=", ".join(layout.candidates)))

    def picked() -> None:
        chosen.sheet = st.session_state[SHEET_KEY]
        chosen.columns = {}  # another sheet has other columns
        forget_pickers(columns_only=True)

    st.selectbox(
        t("importpage.sheet"),
        layout.candidates,
        index=layout.candidates.index(layout.sheet),
        key=SHEET_KEY,
        on_change=picked,
        placeholder=t("choice.pick"),
    )


def named_columns(layout: Any) -> list[tuple[int, str, str | None]]:
    """(index, header, field key) of the columns with a header (blank ones are no choice)."""
    return [(i, header, key) for i, (header, key) in enumerate(layout.columns) if header.strip()]


def column_table(layout: Any) -> None:
    named = named_columns(layout)
    st.dataframe(
        pd.DataFrame(
            {
                t("importpage.file_column"): [header for _, header, _ in named],
                t("importpage.field"): [field_label(key) for _, _, key in named],
            }
        ),
        hide_index=True,
        width="content",
        placeholder=MISSING,
    )


def column_pickers(layout: Any, chosen: Choices, *, expanded: bool = False) -> None:
    """One picker per column: a change is read again at once (on_change)."""
    options = [*field_keys(), IGNORED]
    with st.expander(t("importpage.change_columns"), expanded=expanded):
        st.caption(t("importpage.change_columns_help"))
        cells = st.columns(PICKER_COLUMNS)
        for place, (index, header, key) in enumerate(named_columns(layout)):
            widget = f"{COLUMN_PREFIX}{index}"

            def picked(header: str = header, widget: str = widget) -> None:
                chosen.columns[header] = st.session_state[widget]

            cells[place % PICKER_COLUMNS].selectbox(
                plain(header),
                options,
                index=options.index(key if key in options else IGNORED),
                format_func=field_label,
                key=widget,
                on_change=picked,
                placeholder=t("choice.pick"),
            )


PREVIEW_FIELDS = ("code", "title", "theme", "lead", "partners")
"""The preview's fields shown as they are, in order; then the span and the status."""


def stored_rows(preview: list[dict[str, Any]]) -> None:
    """The first measures as the import will store them: the status by its label,
    the span as the measure list shows it, the partners joined."""
    table: dict[str, list[Any]] = {}
    for key in PREVIEW_FIELDS:
        table[field_label(key)] = [_cell(row.get(key)) for row in preview]
    table[t("col.span")] = [span_text(row.get("start"), row.get("end")) for row in preview]
    table[field_label("status")] = [status_label(row.get("status")) for row in preview]
    st.caption(t("importpage.first_rows"))
    st.dataframe(pd.DataFrame(table), hide_index=True, width="stretch", placeholder=MISSING)


def _cell(value: Any) -> str:
    if isinstance(value, list | tuple):
        return ", ".join(str(item) for item in value)
    return "" if value is None else str(value)


def status_label(code: Any) -> str:
    return i18n.label(Status(code), lang()) if code else ""


def first_rows(layout: Any) -> None:
    """The first rows as read (when the import gives no preview), one column per field."""
    if not layout.first_rows:
        return
    keys = [key for _, key in layout.columns if key]
    if any(key == "theme" for _, values in layout.first_rows for key in values):
        keys = list(dict.fromkeys(["theme", *keys]))  # from group header rows too
    table = {t("importreport.row"): [row for row, _ in layout.first_rows]}
    for key in keys:
        table[field_label(key)] = [values.get(key, "") for _, values in layout.first_rows]
    st.caption(t("importpage.first_rows_read"))
    st.dataframe(pd.DataFrame(table), hide_index=True, width="stretch", placeholder=MISSING)
