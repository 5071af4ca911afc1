"""The Virkemidler page's parts: the search filters, one instrument (virkemiddel) in
detail, and the form its actor's users (or the admin) add, change and delete
instruments in."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from enum import StrEnum
from typing import Any

import pandas as pd
import streamlit as st

from tracker import i18n
from tracker.service.instruments import (
    MAX_DEADLINES,
    Deadline,
    InstrumentInput,
    delete_instrument,
    save_instrument,
)
from tracker.vocab import InstrumentKind, Stage, TargetGroup
from ui import browser_texts, save_guard, widgets
from ui.forms import Slots, defaults, delete_button, done, forget, noting_save, run_write, value
from ui.state import lang, t
from ui.text import plain, t_md

NEW = "instr_new"
LINES = ("name", "industries", "amount", "link")
DEADLINE_ROWS_FREE = 2  # empty deadline rows under the stored ones


def pick(column: Any, key: str, options: list[Any], name: Callable[[Any], str | None]) -> Any:
    """A search filter: «Alle» (None) or one of options, shown by name."""
    return column.selectbox(
        t(key),
        [None, *options],
        format_func=lambda option: t("filter.all") if option is None else name(option),
        key=f"instruments_{key.rsplit('.', 1)[-1]}",
        placeholder=t("filter.all"),
    )


def for_whom(row: dict[Any, Any]) -> str:
    """A list_instruments row's target groups, stages and industries in words."""
    codes: list[StrEnum] = [TargetGroup(g) for g in row["target_groups"]]
    codes += [Stage(s) for s in row["stages"]]
    return ", ".join([*(i18n.label(c, lang()) for c in codes), *row["industries"]])


def show_instrument(row: dict[Any, Any], for_whom: str) -> None:
    """An instrument as the search shows it (a list_instruments row)."""
    st.subheader(plain(row["name"]))
    st.caption(f"{plain(row['actor'])} · {i18n.label(InstrumentKind(row['kind']), lang())}")
    if row["description"]:
        st.text(row["description"])
    for key, text in (
        ("instruments.col.for", for_whom),
        ("field.instrument.amount", row["amount"]),
    ):
        if text:
            st.markdown(f"**{t(key)}**")
            st.text(text)
    if row["deadlines"]:
        st.markdown(f"**{t('instruments.deadlines')}**")
        st.markdown("\n".join(f"- {_deadline_text(d)}" for d in row["deadlines"]))
    if row["link"]:
        st.link_button(t("instruments.col.link"), row["link"], icon=":material/open_in_new:")


def _deadline_text(deadline: Deadline) -> str:
    shown = widgets.date_text(deadline.due)
    return f"{shown} ({t('instruments.yearly')})" if deadline.yearly else shown


def instrument_form(mine: pd.DataFrame, owners: list[int], actor_names: dict[int, str]) -> None:
    """Pick one of `mine` (list_instruments rows the user keeps) or a new one; owners:
    the actors the user may keep instruments for."""
    st.subheader(t("instruments.keep"))
    labels = {int(r["id"]): f"{r['name']} ({r['actor']})" for r in mine.to_dict("records")}
    picked = st.selectbox(
        t("instruments.edit_pick"),
        [None, *labels],
        format_func=lambda i: t("instruments.new") if i is None else labels[i],
        key="instruments_edit",
        placeholder=t("choice.pick"),
    )
    if picked is None:
        _new_form(owners, actor_names)
    else:
        row = mine[mine["id"] == picked].iloc[0].to_dict()
        _edit_form(row, owners, actor_names)


def _new_form(owners: list[int], actor_names: dict[int, str]) -> None:
    prefix = save_guard.fresh_key(NEW)  # a new key after each save: an empty form
    if note := save_guard.saved_note(NEW):
        st.success(note, icon=":material/check_circle:")
    empty = _start(None, owners[0], DEADLINE_ROWS_FREE)
    defaults(prefix, empty)
    slots = _fields(prefix, owners, actor_names, rows=DEADLINE_ROWS_FREE)
    typed = {field: value(prefix, field) for field in empty}
    if save_guard.save_button(
        t("instruments.save"), key=f"{prefix}_save", values=typed, empty=empty
    ):
        values = _typed_input(prefix, DEADLINE_ROWS_FREE)
        shown = t_md("instruments.saved", name=values.name.strip())
        ok, _ = run_write(
            lambda session, user: save_instrument(session, user=user, values=values),
            slots=slots,
            saved=lambda _: save_guard.start_fresh(NEW, shown),
        )
        if ok:
            done(shown)


def _edit_form(row: dict[Any, Any], owners: list[int], actor_names: dict[int, str]) -> None:
    prefix = f"instr_{row['id']}"
    rows = _rows(len(row["deadlines"]))
    start = _start(row, owners[0], rows)
    defaults(prefix, start)
    slots = _fields(prefix, owners, actor_names, rows=rows)
    typed = {field: value(prefix, field) for field in start}
    if save_guard.save_button(
        t("instruments.save"), key=f"{prefix}_save", values=typed, baseline=start
    ):
        values = _typed_input(prefix, rows)
        ok, _ = run_write(
            lambda session, user: save_instrument(
                session,
                user=user,
                values=values,
                instrument_id=int(row["id"]),
                seen_version=int(start["version"]),
            ),
            slots=slots,
            saved=noting_save(prefix, typed),
        )
        if ok:
            forget(prefix, start)
            done(t_md("instruments.saved", name=values.name.strip()))
    delete_button(
        row["name"],
        key=f"{prefix}_delete",
        action=lambda session, user: delete_instrument(
            session, user=user, instrument_id=int(row["id"])
        ),
        message=t_md("instruments.deleted", name=row["name"]),
        then=lambda: forget(prefix, start),
    )


def _rows(stored: int) -> int:
    return min(stored + DEADLINE_ROWS_FREE, MAX_DEADLINES)


def _start(row: dict[Any, Any] | None, owner: int, rows: int) -> dict[str, Any]:
    """The form's fields as the stored instrument (row) or an empty one has them,
    with `rows` deadline rows."""
    if row is None:
        start: dict[str, Any] = dict.fromkeys((*LINES, "description"), "")
        start |= {
            "actor": owner,
            "kind": InstrumentKind.GRANT.value,
            "groups": [],
            "stages": [],
            "version": 0,
        }
        deadlines: list[Deadline] = []
    else:
        start = {name: row[name] for name in (*LINES, "description")}
        start |= {
            "actor": int(row["actor_id"]),
            "kind": row["kind"],
            "groups": list(row["target_groups"]),
            "stages": list(row["stages"]),
            "industries": "; ".join(row["industries"]),
            "version": int(row["version"]),
        }
        deadlines = list(row["deadlines"])
    for number in range(rows):
        found = deadlines[number] if number < len(deadlines) else None
        start[f"due{number}"] = found.due if found else None
        start[f"yearly{number}"] = found.yearly if found else False
    return start


def _fields(prefix: str, owners: list[int], actor_names: dict[int, str], *, rows: int) -> Slots:
    slots = Slots()
    left, right = st.columns(2)
    left.selectbox(
        t("col.actor"),
        owners,
        format_func=lambda actor: actor_names[actor],
        key=f"{prefix}_actor",
        placeholder=t("choice.pick"),
    )
    slots.add("actor_id")
    right.selectbox(
        t("field.instrument.kind"),
        [k.value for k in InstrumentKind],
        format_func=lambda k: i18n.label(InstrumentKind(k), lang()),
        key=f"{prefix}_kind",
        placeholder=t("choice.pick"),
    )
    st.text_input(t("field.instrument.name"), key=f"{prefix}_name")
    slots.add("name")
    st.text_area(t("field.instrument.description"), key=f"{prefix}_description", height=90)
    slots.add("description")
    _codes(f"{prefix}_groups", "field.instrument.target_groups", TargetGroup)
    slots.add("target_groups")
    _codes(f"{prefix}_stages", "field.instrument.stages", Stage)
    slots.add("stages")
    st.text_input(
        t("field.instrument.industries"),
        key=f"{prefix}_industries",
        help=t("instruments.industries_help"),
    )
    slots.add("industries")
    for name in ("amount", "link"):
        st.text_input(t(f"field.instrument.{name}"), key=f"{prefix}_{name}")
        slots.add(name)
    _deadline_fields(prefix, rows)
    slots.add("deadlines")
    slots.add(None)
    return slots


def _codes(key: str, label_key: str, enum: type[StrEnum]) -> None:
    """A multiselect of a vocabulary's codes, shown by their labels."""
    st.multiselect(
        t(label_key),
        [member.value for member in enum],
        format_func=lambda code: i18n.label(enum(code), lang()),
        key=key,
        placeholder=t("choice.pick"),
    )


def _deadline_fields(prefix: str, rows: int) -> None:
    st.markdown(f"**{t('instruments.deadlines')}**")
    st.caption(t("instruments.deadlines_help"))
    for number in range(rows):
        left, right = st.columns([2, 1], vertical_alignment="bottom")
        left.date_input(
            t("instruments.field.due"),
            key=f"{prefix}_due{number}",
            format=browser_texts.date_format(),
            label_visibility="visible" if number == 0 else "collapsed",
        )
        right.checkbox(t("instruments.field.yearly"), key=f"{prefix}_yearly{number}")


def _typed_input(prefix: str, rows: int) -> InstrumentInput:
    deadlines = tuple(
        Deadline(due, bool(value(prefix, f"yearly{number}")))
        for number in range(rows)
        if isinstance(due := value(prefix, f"due{number}"), date)
    )
    return InstrumentInput(
        actor_id=int(value(prefix, "actor")),
        name=value(prefix, "name"),
        kind=value(prefix, "kind"),
        description=value(prefix, "description"),
        target_groups=tuple(value(prefix, "groups")),
        stages=tuple(value(prefix, "stages")),
        industries=value(prefix, "industries"),
        amount=value(prefix, "amount"),
        link=value(prefix, "link"),
        deadlines=deadlines,
    )
