"""What every form shares (the Admin tabs and the other pages' forms): running a write
and showing its errors next to the fields, widget defaults set once, a delete button
that asks first, and the message after a successful write (flash, done). (The Admin
tabs' pickers are in ui.admin.pickers, which tab is open in ui.admin.tabs.)"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from typing import Any, Literal

import streamlit as st

from tracker import db
from tracker.errors import (
    ConflictError,
    NotFound,
    PermissionDenied,
    ValidationError,
    WriteRefused,
)
from tracker.service.principal import Principal
from ui import data, save_guard
from ui.state import require_user, t
from ui.text import error_text, t_md

LOG = logging.getLogger("tracker.ui")
Kind = Literal["toast", "success", "error"]
FLASH_KEYS: dict[Kind, str] = {kind: f"flash_{kind}" for kind in ("toast", "success", "error")}
"""Where flash() keeps a message of each kind until the next run shows it."""
Write = Callable[[db.Session, Principal], Any]
Write1 = Callable[[Any], None]


class Slots:
    """Placeholders right under each field, and one for problems tied to no field."""

    def __init__(self) -> None:
        self._slots: dict[str | None, Any] = {}

    def add(self, field: str | None) -> None:
        """Call right after the field's widget (None: the general place)."""
        self._slots[field] = st.empty()

    def show(self, error: ValidationError) -> None:
        general: list[str] = []
        for field, problems in error.by_field().items():
            texts = [error_text(p) for p in problems]
            slot = self._slots.get(field)
            if slot is None or field is None:
                general += texts
            else:
                slot.error("\n\n".join(texts))
        if general:
            self.show_text(None, "\n\n".join(general))

    def show_text(self, field: str | None, message: str) -> None:
        (self._slots.get(field) or self._slots.get(None) or st).error(message)


def write_or_raise(action: Write, *, saved: Write1 | None = None) -> Any:
    """action(session, user) in one write transaction; its result. Raises what the
    service raises (a TrackerError), and a write the database refuses or cannot take
    (tracker.db.WRITE_REFUSALS) as WriteRefused, the detail logged. Either way the
    transaction is rolled back and nothing is stored. saved: as in run_write."""
    user = require_user()
    try:
        with data.write() as session:
            result = action(session, user)
            if saved is not None:
                saved(result)
            return result
    except db.WRITE_REFUSALS as error:
        LOG.exception("write_refused")  # the detail (SQL, parameters) is for the server log
        raise db.refusal(error) from None


def run_write(
    action: Write,
    *,
    slots: Slots | None = None,
    on_conflict: Callable[[ConflictError], None] | None = None,
    saved: Write1 | None = None,
) -> tuple[bool, Any]:
    """Run action(session, user) in one write transaction (write_or_raise). (True, its
    result) when it went through; else (False, None), the error shown in the user's
    language: a refusal as the service said it, a clash with another write or the
    database out of reach as a plain sentence.

    saved(result) runs inside the transaction, before it commits: what it notes in
    session_state (ui.save_guard.remember_saved, start_fresh) is there before a
    second click's run can start. A second click cuts a run short at its next touch
    of session_state; if that is inside saved(), the transaction rolls back and
    nothing was stored."""
    try:
        return True, write_or_raise(action, saved=saved)
    except ValidationError as error:
        if slots is not None:
            slots.show(error)
        else:
            st.error(error_text(error))
    except ConflictError as error:
        if on_conflict is not None:
            on_conflict(error)
        else:
            st.error(error_text(error))
    except (PermissionDenied, NotFound, WriteRefused) as error:
        st.error(error_text(error))
    return False, None


def flash(message: str, kind: Kind = "toast") -> None:
    """A message shown on the next run, on whichever page (one right before st.rerun()
    would be lost): a toast, or a box that stays at the top of the page (a status
    report saved, what a batch of them could not save)."""
    st.session_state[FLASH_KEYS[kind]] = message


def show_flash() -> None:
    """What flash() kept for this run, shown once."""
    for kind, key in FLASH_KEYS.items():
        message = st.session_state.pop(key, None)
        if not message:
            continue
        if kind == "toast":
            st.toast(message, icon=":material/check_circle:")
        elif kind == "success":
            st.success(message)
        else:
            st.error(message)


def done(message: str, kind: Kind = "toast") -> None:
    """After a write went through: say so (flash), and run the page again."""
    flash(message, kind)
    st.rerun()


def defaults(prefix: str, values: dict[str, Any]) -> bool:
    """Start the widgets `{prefix}_{field}` from values, once: again only after
    forget() or when Streamlit has dropped them. True when they were (re)set."""
    keys = {f"{prefix}_{field}": value for field, value in values.items()}
    if all(k in st.session_state for k in keys):
        return False
    st.session_state.update(keys)
    return True


def forget(prefix: str, fields: Iterable[str]) -> None:
    for field in fields:
        st.session_state.pop(f"{prefix}_{field}", None)


def value(prefix: str, field: str) -> Any:
    return st.session_state[f"{prefix}_{field}"]


def delete_button(
    name: str, *, key: str, action: Write, message: str, then: Callable[[], None]
) -> None:
    """A delete behind a confirming popover; the service's refusal is shown below it."""
    popover = f"{key}_popover"

    def close() -> None:  # so that a refusal below is not hidden behind the popover
        st.session_state[popover] = False

    with st.popover(
        t("adminpage.delete"), icon=":material/delete:", key=popover, on_change="rerun"
    ):
        st.write(t_md("adminpage.delete_confirm", name=name))
        confirmed = st.button(t("adminpage.delete_yes"), key=key, type="primary", on_click=close)
    if confirmed:
        ok, _ = run_write(action)
        if ok:
            then()
            done(message)


def id_labels(ids: Iterable[Any], labels: Iterable[Any]) -> dict[int, str]:
    """{id: label} from two DataFrame columns, the ids as Python ints (the service
    checks isinstance(id, int), which numpy integers fail)."""
    return {int(i): str(label) for i, label in zip(ids, labels, strict=True)}


def text(value: object) -> str:
    """A stored text for a text widget ('' for None/NaN)."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return str(value)


def opt_int(value: object) -> int | None:
    """An id from a DataFrame cell (None for None/NaN)."""
    if value is None or (isinstance(value, float) and value != value):
        return None
    return int(value)  # type: ignore[call-overload]


def save_form_button(label: str, prefix: str, start: dict[str, Any]) -> tuple[bool, dict[str, Any]]:
    """The save button of the fields {prefix}_{field} (ui.save_guard): a press stores
    nothing while they hold start (the stored record, or the empty new form) or what
    this session saved last. Returns (pressed, what the fields hold)."""
    typed = {field: value(prefix, field) for field in start}
    pressed = save_guard.save_button(label, key=f"{prefix}_save", values=typed, baseline=start)
    return pressed, typed


def noting_save(prefix: str, typed: dict[str, Any], *, new: str | None = None) -> Write1:
    """run_write(saved=...) for a form: its values are saved (a press stores nothing
    until they change); a «new record» form `new` starts empty under a new key
    (ui.save_guard.start_fresh)."""

    def saved(_: Any) -> None:
        save_guard.remember_saved(f"{prefix}_save", typed)
        if new is not None:
            save_guard.start_fresh(new)

    return saved
