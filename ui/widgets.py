"""Widgets and formats several pages share: plan and quarter pickers, status and
RAG texts (RAG always with a symbol, never colour alone), number formats."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from functools import partial
from typing import Any, Literal

import pandas as pd
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from tracker import charts, i18n, tables
from tracker.code_lists import members
from tracker.links import QUARTER_PARAM
from tracker.quarters import OSLO, Quarter
from tracker.service.measures import NEVER_REPORTED, MeasureFilter
from tracker.vocab import Rag, Role, Status, TargetGroup, WorkKind
from ui import data, first_plan
from ui.state import lang, t, tn, user
from ui.text import MISSING, plain

PLAN_KEY = "plan_id"
QUARTER_KEY = "quarter"
LINK_USED_KEY = "link_params_used"


def plan_picker() -> int | None:
    """The plan in the sidebar (hidden when there is only one). None: no plan yet."""
    plans = data.plans()
    if plans.empty:
        return None
    ids = plans["id"].tolist()
    if len(ids) == 1:
        st.session_state[PLAN_KEY] = ids[0]
        return ids[0]
    names = dict(zip(plans["id"], plans["name"], strict=True))
    if st.session_state.get(PLAN_KEY) not in ids:
        st.session_state[PLAN_KEY] = ids[0]
    return st.sidebar.selectbox(
        t("filter.plan"),
        ids,
        format_func=names.__getitem__,
        key=PLAN_KEY,
        placeholder=t("choice.pick"),
    )


def page_start(title_key: str) -> int:
    """The common top of a page: plan picker, title, plan name, example-data note.
    Returns the plan id; with no plan yet, says what to do and stops."""
    plan_id = plan_picker()
    st.title(t(title_key))
    if plan_id is None:
        if (principal := user()) is not None and principal.role == Role.ADMIN:
            first_plan.offer(on_admin_page=False)
        else:
            st.info(t("empty.no_plan"))
        st.stop()
    st.caption(plain(plan_name(plan_id)))
    example_banner()
    return plan_id


def plan_name(plan_id: int) -> str:
    plans = data.plans()
    return str(plans.loc[plans["id"] == plan_id, "name"].iloc[0])


def selectable_quarters(plan_id: int) -> list[Quarter]:
    """The plan's quarters up to and including the current one, newest first."""
    current = Quarter.current()
    quarters = data.plan_quarters_so_far(plan_id, current)
    return list(reversed(quarters))


def quarter_picker(plan_id: int, *, container: DeltaGenerator | None = None) -> Quarter:
    """The as-of quarter; the default is the current one (live figures)."""
    options = [str(q) for q in selectable_quarters(plan_id)]
    if not options:
        return Quarter.current()
    quarter_from_link(QUARTER_KEY, options)
    if st.session_state.get(QUARTER_KEY) not in options:
        st.session_state[QUARTER_KEY] = options[0]
    where = container or st
    chosen = where.selectbox(
        t("filter.quarter"),
        options,
        key=QUARTER_KEY,
        format_func=quarter_label,
        placeholder=t("choice.pick"),
    )
    return Quarter.parse(chosen)


def quarter_from_link(key: str, options: list[str]) -> None:
    """A link's ?kvartal= picks the quarter widget key's quarter, when it is one."""
    asked = from_link(QUARTER_PARAM)
    if asked in options:
        st.session_state[key] = asked


def from_link(param: str) -> str | None:
    """The value a link's query gives param (tracker.links), once per browser
    session: after that the user's own choice in the widget holds."""
    used = st.session_state.setdefault(LINK_USED_KEY, set())
    value = st.query_params.get(param)
    if value is None or param in used:
        return None
    used.add(param)
    return value


def quarter_label(text: str) -> str:
    """A quarter picker's option: «4. kvartal 2026 (nå)» / «Q4 2026 (now)»."""
    quarter = Quarter.parse(text)
    label = period_text(text)
    return label + (f" ({t('quarter.now')})" if quarter == Quarter.current() else "")


def period_text(code: str | float | None) -> str:
    """A stored period code ("2026-Q4") as the reader says it: «4. kvartal 2026»."""
    if code is None or pd.isna(code) or not str(code):
        return "–"
    return i18n.quarter_label(Quarter.parse(str(code)), lang())


def as_of(quarter: Quarter) -> Quarter | None:
    """What to ask the service for: a finished quarter's end, or now (None) for the
    running quarter (its end is in the future)."""
    return quarter if quarter.has_ended() else None


def status_text(code: str | float | None) -> str:
    """The status' label; float: NaN, a frame's missing cell."""
    if code is None or pd.isna(code):
        return t("label.no_report")
    return i18n.label(Status(str(code)), lang())


def rag_text(code: str | float | None) -> str:
    """'✓ I rute': the symbol and the word, never colour alone."""
    if code is None or pd.isna(code):
        return "–"
    return charts.rag_text(Rag(str(code)), lang())


def status_texts(codes: pd.Series) -> pd.Series:
    """status_text for a whole column at once (large lists)."""
    return charts.status_texts(codes, lang())


def rag_texts(codes: pd.Series) -> pd.Series:
    return charts.rag_texts(codes, lang())


def date_texts(moments: pd.Series) -> pd.Series:
    """date_text for a whole column of UTC moments at once."""
    pattern = "%d.%m.%Y" if lang() == "nb" else "%Y-%m-%d"
    local = pd.to_datetime(moments, utc=True).dt.tz_convert(OSLO)
    return local.dt.strftime(pattern).fillna("–")


def percent(value: float | None, decimals: int = 0) -> str:
    if value is None or pd.isna(value):
        return "–"
    return i18n.format_percent(float(value), lang(), decimals)


def number(value: float | None, decimals: int = 0) -> str:
    if value is None or pd.isna(value):
        return "–"
    return i18n.format_number(float(value), lang(), decimals)


def date_text(value: date | str | None) -> str:
    if value is None or pd.isna(value):
        return "–"
    return i18n.format_date(pd.Timestamp(value).to_pydatetime(), lang())


def datetime_text(value: datetime | str | None) -> str:
    if value is None or pd.isna(value):
        return "–"
    return i18n.format_datetime(pd.Timestamp(value).to_pydatetime(), lang())


def example_banner() -> None:
    if data.demo_data():
        st.caption(f":material/info: {t('app.example_data')}")


def measure_filters(plan_id: int, *, key: str, only_groups: bool = False) -> MeasureFilter:
    """Theme, actor, status, RAG and search pickers in one row (only_groups: theme
    and actor)."""
    themes, actors = data.themes(plan_id), data.actors()
    theme_names = dict(zip(themes["id"], themes["name"], strict=True))
    actor_names = dict(zip(actors["id"], actors["name"], strict=True))
    columns = st.columns([1, 1] if only_groups else [3, 3, 2, 2, 3])
    theme_id = columns[0].selectbox(
        t("filter.theme"),
        [None, *themes["id"].tolist()],
        format_func=lambda i: t("filter.all") if i is None else theme_names.get(i, "?"),
        key=f"{key}_theme",
        placeholder=t("filter.all"),
    )
    actor_id = columns[1].selectbox(
        t("filter.actor"),
        [None, *actors["id"].tolist()],
        format_func=lambda i: t("filter.all") if i is None else actor_names.get(i, "?"),
        key=f"{key}_actor",
        placeholder=t("filter.all"),
    )
    if only_groups:
        return MeasureFilter(theme_id=theme_id, actor_id=actor_id)
    status = columns[2].selectbox(
        t("filter.status"),
        [None, *[s.value for s in Status], NEVER_REPORTED],
        format_func=lambda s: (
            t("filter.all") if s is None else status_text(None if s == NEVER_REPORTED else s)
        ),
        key=f"{key}_status",
        placeholder=t("filter.all"),
    )
    rag = columns[3].selectbox(
        t("filter.rag"),
        [None, *[r.value for r in Rag]],
        format_func=lambda r: t("filter.all") if r is None else rag_text(r),
        key=f"{key}_rag",
        placeholder=t("filter.all"),
    )
    text = columns[4].text_input(t("filter.search"), key=f"{key}_search")
    return MeasureFilter(theme_id=theme_id, actor_id=actor_id, status=status, rag=rag, search=text)


def list_filters(key: str) -> dict[str, str | None]:
    """Target group and kind of work pickers in one row: MeasureFilter's fields."""
    fields: dict[str, type[StrEnum]] = {"target_group": TargetGroup, "work_kind": WorkKind}
    chosen: dict[str, str | None] = {}
    for column, (name, kind) in zip(st.columns(len(fields)), fields.items(), strict=True):
        options: list[str | None] = [None, *[m.value for m in kind]]
        chosen[name] = column.selectbox(
            t(f"filter.{name}"),
            options,
            format_func=partial(_choice_text, kind),
            key=f"{key}_{name}",
            placeholder=t("filter.all"),
        )
    return chosen


def _choice_text(kind: type[StrEnum], code: str | None) -> str:
    return t("filter.all") if code is None else code_text(kind, code)


def code_text(kind: type[StrEnum], code: str) -> str:
    """A code of a controlled list by its label."""
    return i18n.label(kind(code), lang())


def code_list_text(kind: type[StrEnum], text: str) -> str:
    """A stored list of codes (tracker.code_lists) as its labels: «Gründere, Reiseliv»."""
    return ", ".join(i18n.label(m, lang()) for m in members(text, kind)) or "–"


def measure_table(frame: pd.DataFrame, *, compact: bool = False) -> pd.DataFrame:
    """The columns a measure list shows, in tracker.tables' order, labelled in the
    session's language (compact: without theme and partners). Partners are
    shortened («Kupa, Næringshagen + 3»); the measure's detail has them all."""
    values = {
        "col.code": frame["code"],
        "col.title": frame["title"],
        "col.status": overdue_marked(frame),
        "col.progress": frame["effective"],
        "col.rag": rag_texts(frame["rag"]),
        "col.last_reported": date_texts(frame["reported_at"]),
        "col.lead": frame["lead_name"],
        "col.theme": frame["theme_name"],
        "col.partners": short_partners(frame),
    }
    shown = [c.label for c in tables.MEASURE_COLUMNS if c.compact or not compact]
    return pd.DataFrame({t(label): values[label] for label in shown}, index=frame.index)


def short_partners(frame: pd.DataFrame) -> pd.Series:
    """Each measure's partners by short name, the first two and «+ N»."""
    if "partner_ids" not in frame or "partner_names" not in frame:
        return frame["partners"]
    actors = data.actors()
    short = {
        int(i): str(s or n)
        for i, s, n in zip(actors["id"], actors["short_name"], actors["name"], strict=True)
    }
    return pd.Series(
        [
            tables.short_list([short.get(int(i), n) for i, n in zip(ids, names, strict=True)])
            for ids, names in zip(frame["partner_ids"], frame["partner_names"], strict=True)
        ],
        index=frame.index,
        dtype="object",
    )


def measure_column_config(*, compact: bool = False) -> dict[str, Any]:
    """st.dataframe's column_config for measure_table."""
    return column_config(tables.MEASURE_COLUMNS, compact=compact)


def column_config(
    columns: tuple[tables.ListColumn, ...], *, compact: bool = False
) -> dict[str, Any]:
    """st.dataframe's column_config for a table laid out by tracker.tables: each
    column's width, progress as a bar, and where the partners are in full."""
    config: dict[str, Any] = {}
    for column in columns:
        if compact and not column.compact:
            continue
        name = t(column.label)
        if column.label == "col.progress":
            config[name] = st.column_config.ProgressColumn(
                name, width=column.width, min_value=0, max_value=100, format="%.0f %%"
            )
        elif column.label == "col.partners":
            config[name] = st.column_config.Column(
                name, width=column.width, help=t("tables.partners_help")
            )
        else:
            config[name] = st.column_config.Column(name, width=column.width)
    return config


def key_figures(totals: pd.Series) -> None:
    """The quarter's key figures in a row of cards (Oversikt, and Eksport's preview of
    the file), the reports of the quarter apart from those carried forward below."""
    cells = [*st.columns(3, border=True), *st.columns(3, border=True)]  # six in a row: cut
    measures, completed = int(totals["measures"]), int(totals["completed"])
    # The average is of the measures whose progress is known: say how many, so 100 % of
    # one measure among twelve reported without a percentage does not pass for the plan.
    known = t("kpi.progress_known", known=int(totals["reported"]), counted=int(totals["counted"]))
    cells[0].metric(t("kpi.measures"), number(measures))
    cells[1].metric(
        t("kpi.completed"),
        percent(100 * completed / measures if measures else None),
        tn("count.measures", completed),
        delta_color="off",
        delta_arrow="off",
    )
    cells[2].metric(
        t("kpi.progress"),
        percent(totals["progress"]),
        known,
        delta_color="off",
        delta_arrow="off",
        help=t("kpi.progress_help"),
    )
    cells[3].metric(t("kpi.behind"), number(totals["behind"]), help=t("kpi.behind_help"))
    cells[4].metric(t("kpi.red"), number(totals["red"]))
    cells[5].metric(t("kpi.overdue"), number(totals["overdue"]), help=t("label.overdue_help"))
    st.caption(i18n.coverage_text({str(key): value for key, value in totals.items()}, lang()))


def overdue_marked(frame: pd.DataFrame) -> pd.Series:
    """Each measure's status text, «⚠ Forfalt · …» first where it is overdue."""
    texts = status_texts(frame["status"])
    if "overdue" not in frame:
        return texts
    flag = f"⚠ {t('label.overdue')} · "
    return texts.where(~frame["overdue"].astype(bool), flag + texts)


def show_measure_table(
    frame: pd.DataFrame, *, key: str, height: int | Literal["auto"] = "auto"
) -> None:
    st.dataframe(
        measure_table(frame),
        hide_index=True,
        width="stretch",
        height=height,
        key=key,
        column_config=measure_column_config(),
        placeholder=MISSING,
    )


def clicked_id(event: object) -> int | None:
    """The group id (customdata) of the bar clicked in a plotly chart, if any."""
    try:
        points = event.selection.points  # type: ignore[attr-defined]
    except AttributeError:
        return None
    for point in points or []:
        value = point.get("customdata")
        if isinstance(value, list):
            value = value[0] if value else None
        if value is not None:
            return int(value)
    return None
