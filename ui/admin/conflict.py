"""A measure someone else changed while the admin edited it: the newer stored
version beside the admin's own (unsaved) one, field by field; save mine anyway,
or start over from the newer version. Nothing typed is lost until then."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict
from typing import Any

import pandas as pd
import streamlit as st

from tracker import i18n
from tracker.code_lists import MEASURE_LISTS, joined
from tracker.errors import ConflictError
from tracker.service.measure_edits import MeasureInput
from tracker.vocab import PartnerRole
from ui import widgets
from ui.state import lang, t
from ui.text import MISSING, error_text

LABELS = {
    "code": "col.code",
    "title": "adminpage.measure_title",
    "description": "adminpage.description",
    "theme_id": "col.theme",
    "goal_id": "adminpage.goal",
    "lead_actor_id": "col.lead",
    "partners": "col.partners",
    "start_period": "adminpage.start",
    "end_period": "adminpage.end",
    "weight": "col.weight",
    "budget": "col.budget",
    "funding": "col.funding",
    "is_example": "adminpage.is_example",
    "target_groups": "field.measure.target_groups",
    "work_kinds": "field.measure.work_kinds",
}


def key(measure_id: int | None) -> str:
    return f"admin_m_{measure_id or 'new'}_conflict"


def remember(measure_id: int | None, error: ConflictError) -> None:
    st.session_state[key(measure_id)] = (error.problems, error.current)


def forget(measure_id: int | None) -> None:
    st.session_state.pop(key(measure_id), None)


def show(
    measure_id: int,
    mine: MeasureInput,
    names: dict[str, dict[int, str]],
    *,
    resave: Callable[[int], None],
) -> None:
    """Both versions and the two ways on, while a conflict is pending."""
    pending = st.session_state.get(key(measure_id))
    if pending is None:
        return
    problems, current = pending
    st.warning("\n\n".join(error_text(p) for p in problems), icon=":material/sync_problem:")
    mine_values = asdict(mine) | {"partners": partner_codes(mine.partners)}
    for name, kind in MEASURE_LISTS.items():  # as the service stores them: «grundere;ungdom»
        mine_values[name] = joined(kind(code) for code in mine_values[name])
    rows = [
        (t(label), shown(field, current.get(field), names), shown(field, mine_values[field], names))
        for field, label in LABELS.items()
        if same(current.get(field)) != same(mine_values[field])
    ]
    if rows:
        columns = [t("report.field"), t("report.theirs"), t("report.mine")]
        st.dataframe(
            pd.DataFrame(rows, columns=columns),
            hide_index=True,
            width="stretch",
            placeholder=MISSING,
        )
    else:
        st.caption(t("adminpage.conflict_same"))
    left, right = st.columns(2)
    if left.button(t("adminpage.keep_mine"), key=f"{key(measure_id)}_mine", type="primary"):
        resave(int(current["version"]))
    if right.button(t("adminpage.take_theirs"), key=f"{key(measure_id)}_theirs"):
        prefix = f"admin_m_{measure_id}_"
        for name in [k for k in st.session_state if str(k).startswith(prefix)]:
            del st.session_state[name]
        st.rerun()


def partner_codes(partners: tuple[tuple[int, PartnerRole], ...]) -> list[str]:
    """As the service stores them in ConflictError.current: "actor_id:role", by id."""
    return [f"{actor_id}:{PartnerRole(role).value}" for actor_id, role in sorted(partners)]


def same(value: Any) -> Any:
    """The form of a value that compares: texts trimmed, numbers as floats."""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    return value


def shown(field: str, value: Any, names: dict[str, dict[int, str]]) -> str:
    if value is None or value == "" or value == []:
        return "–"
    if field in ("theme_id", "goal_id", "lead_actor_id"):
        return names[field].get(int(value), str(value))
    if field == "partners":
        return ", ".join(partner_text(code, names["partners"]) for code in value)
    if field == "is_example":
        return t("adminpage.yes") if value else t("adminpage.no")
    if field == "weight":
        return widgets.number(value, 1)
    if field in MEASURE_LISTS:
        return widgets.code_list_text(MEASURE_LISTS[field], value)
    return str(value)


def partner_text(code: str, actors: dict[int, str]) -> str:
    actor_id, _, role = str(code).partition(":")
    name = actors.get(int(actor_id), actor_id)
    if role == PartnerRole.FUNDER:
        return f"{name} ({i18n.label(PartnerRole.FUNDER, lang())})"
    return name
