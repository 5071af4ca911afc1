"""The summary laid out as a document every renderer walks the same way: a cover,
then sections of titled tables, with the columns' names in the reader's language
and the values ready to write (text, whole numbers, or percentages 0–100)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

import pandas as pd

from tracker.charts import rag_texts, status_texts
from tracker.i18n import (
    coverage_text,
    format_date,
    format_datetime,
    format_percent,
    format_value,
    label,
    t,
)
from tracker.i18n import quarter_label as i18n_quarter_label
from tracker.reports.summary import Summary
from tracker.service.indicators import period_kind
from tracker.service.matrix import CROWDED, CROWDED_STATE, GAP_STATE
from tracker.vocab import Status, TargetGroup, WorkKind

STATUS_ORDER = (
    Status.COMPLETED,
    Status.IN_PROGRESS,
    Status.POSTPONED,
    Status.CANCELLED,
    Status.NOT_STARTED,
)
NO_BREAK = "\u00a0"
Kind = Literal["text", "int", "percent", "number"]
Use = Literal["all", "data", "print"]  # data: XLSX and CSV only; print: PDF and DOCX only


@dataclass(frozen=True)
class Column:
    key: str
    title: str
    kind: Kind = "text"
    width: int = 12  # characters in a sheet; the relative width on paper
    use: Use = "all"


@dataclass(frozen=True)
class Table:
    key: str
    title: str
    columns: tuple[Column, ...]
    rows: pd.DataFrame  # one column per Column.key
    chart: str | None = None  # the figure drawn from this table (tracker.reports.figures)
    chart_values: tuple[str, ...] = ()  # the columns a native (XLSX) chart plots
    note: str = ""

    def columns_for(self, use: Use) -> tuple[Column, ...]:
        return tuple(c for c in self.columns if c.use in ("all", use))


@dataclass(frozen=True)
class Section:
    key: str
    sheet: str  # the workbook's sheet name
    title: str
    tables: tuple[Table, ...] = field(default_factory=tuple)
    use: Use = "all"
    new_page: bool = False  # on paper it starts a page (the meeting pack's actor pages)


@dataclass(frozen=True)
class Document:
    title: str
    cover: tuple[tuple[str, str], ...]  # (field, value) lines
    banners: tuple[str, ...]  # provisional / example data warnings
    sections: tuple[Section, ...]
    lang: str
    cover_sheet: str  # the workbook's first sheet
    none_text: str  # what an empty table says
    running_head: str  # plan · quarter (· Foreløpig), at the foot of every page

    def sections_for(self, use: Use) -> tuple[Section, ...]:
        return tuple(s for s in self.sections if s.use in ("all", use))


def document(summary: Summary, lang: str) -> Document:
    """The summary as a Document in `lang` ("nb" or "en")."""
    return Document(
        title=t("summary.title", lang),
        cover=_cover(summary, lang),
        banners=_banners(summary, lang),
        sections=tuple(
            Section(key, t(f"summary.section.{key}", lang), _head(key, lang), tables)
            for key, tables in (
                ("figures", (_figures(summary, lang),)),
                ("themes", (_themes(summary, lang),)),
                ("actors", _actors(summary, lang)),
                ("changes", _changes(summary, lang)),
                ("measures", (measure_table(summary, lang),)),
                ("trend", (_trend(summary, lang),)),
                *(
                    [("indicators", (_indicators(summary, lang),))]
                    if not summary.indicators.empty
                    else []
                ),
            )
        )
        + _matrix_section(summary, lang),
        lang=lang,
        cover_sheet=t("summary.section.cover", lang),
        none_text=t("summary.none", lang),
        running_head=" · ".join(
            [summary.plan_name, quarter_label(summary, lang)]
            + ([t("summary.provisional_short", lang)] if summary.provisional else [])
        ),
    )


def quarter_label(summary: Summary, lang: str) -> str:
    return i18n_quarter_label(summary.quarter, lang)


def _head(key: str, lang: str) -> str:
    return t(f"summary.heading.{key}", lang)


def _cover(summary: Summary, lang: str) -> tuple[tuple[str, str], ...]:
    state = "summary.provisional_short" if summary.provisional else "summary.final"
    return (
        (t("summary.cover.plan", lang), _plan_name(summary, lang)),
        (t("summary.cover.quarter", lang), quarter_label(summary, lang)),
        (t("summary.cover.state", lang), t(state, lang)),
        (t("summary.cover.produced_at", lang), format_datetime(summary.stamp.produced_at, lang)),
        (t("summary.cover.produced_by", lang), summary.stamp.produced_by),
    )


def _plan_name(summary: Summary, lang: str) -> str:
    """The plan's name, with its years when the name does not say them."""
    start, end = summary.plan_years
    if str(start) in summary.plan_name and str(end) in summary.plan_name:
        return summary.plan_name
    return t("summary.plan", lang, name=summary.plan_name, start=start, end=end)


def _banners(summary: Summary, lang: str) -> tuple[str, ...]:
    banners = [t("summary.as_of", lang, date=format_date(summary.as_of, lang))]
    if summary.provisional:
        banners.append(t("summary.provisional", lang))
    if summary.example_data:
        banners.append(t("summary.example_data", lang))
    return tuple(banners)


def _figures(summary: Summary, lang: str) -> Table:
    f, nan = summary.figures, float("nan")
    total = int(f["measures"])

    def share(count: float) -> float:
        return 100 * count / total if total else float("nan")

    def share_of_counted(count: float) -> float:
        return 100 * count / f["counted"] if f["counted"] else float("nan")

    def status_row(status: Status) -> tuple[str, int, float, str]:
        count = int(f[f"status_{status.value}"])
        return (label(status, lang), count, share(count), t("summary.note.share_of_measures", lang))

    coverage = coverage_text({str(key): value for key, value in f.items()}, lang)
    rows = [
        (t("summary.figure.measures", lang), total, float("nan"), ""),
        *(status_row(s) for s in STATUS_ORDER),
        (t("summary.figure.no_report", lang), int(f["no_report"]), share(f["no_report"]), ""),
        (t("summary.figure.progress", lang), None, f["progress"], coverage),
        (t("summary.figure.expected", lang), None, f["expected"], ""),
        (t("summary.figure.coverage", lang), int(f["reported"]), _ratio(f["coverage"]), coverage),
        (t("kpi.behind", lang), int(f["behind"]), nan, t("summary.note.behind", lang)),
        (
            t("label.reported_now", lang),
            int(f["reported_now"]),
            share_of_counted(f["reported_now"]),
            t("summary.note.share_of_counted", lang),
        ),
        (
            t("label.reported_earlier", lang),
            int(f["reported_earlier"]),
            share_of_counted(f["reported_earlier"]),
            t("summary.note.carried_forward", lang),
        ),
        (t("kpi.red", lang), int(f["red"]), nan, ""),
        (t("label.overdue", lang), int(f["overdue"]), nan, t("label.overdue_help", lang)),
    ]
    columns = (
        Column("figure", t("summary.col.figure", lang), width=28),
        Column("count", t("summary.col.count", lang), "int", 10),
        Column("share", t("summary.col.share", lang), "percent", 10),
        Column("note", t("summary.col.note", lang), width=44),
    )
    frame = pd.DataFrame(rows, columns=[c.key for c in columns])
    frame["count"] = frame["count"].astype("Int64")
    return Table("figures", _head("figures", lang), columns, frame)


def _ratio(value: float) -> float:
    return float("nan") if pd.isna(value) else 100 * float(value)


def _group_columns(first: Column, lang: str) -> tuple[Column, ...]:
    """Paper has room for fewer columns: the status counts stay in the workbook."""
    statuses = (Status.IN_PROGRESS, Status.POSTPONED, Status.CANCELLED)
    return (
        first,
        Column("measures", t("summary.col.measures", lang), "int", 9),
        Column("status_completed", label(Status.COMPLETED, lang), "int", 10),
        *(Column(f"status_{s.value}", label(s, lang), "int", 10, use="data") for s in statuses),
        Column("progress", t("col.progress", lang), "percent", 12),
        Column("expected", t("col.expected", lang), "percent", 12),
        Column("coverage", t("summary.col.coverage", lang), "percent", 12),
        Column("behind", t("kpi.behind", lang), "int", 9),
        Column("red", t("kpi.red", lang), "int", 9),
    )


def _group_rows(frame: pd.DataFrame, columns: tuple[Column, ...]) -> pd.DataFrame:
    rows = frame.assign(coverage=frame["coverage"].map(_ratio))
    return rows[[c.key for c in columns]].reset_index(drop=True)


def _themes(summary: Summary, lang: str) -> Table:
    columns = _group_columns(Column("name", t("col.theme", lang), width=30), lang)
    rows = _group_rows(summary.themes.assign(name=summary.themes["label"]), columns)
    return Table(
        "themes",
        _head("themes", lang),
        columns,
        rows,
        chart="themes",
        chart_values=("progress", "expected"),
    )


def _actors(summary: Summary, lang: str) -> tuple[Table, ...]:
    columns = (
        *_group_columns(Column("name", t("col.actor", lang), width=30), lang),
        Column("partner_in", t("files.col.partner_in", lang), "int", 10),
    )
    shown, total = len(summary.chart_actors), len(summary.actors)
    note = t("summary.actors_limited", lang, shown=shown, total=total) if total > shown else ""
    table = Table(
        "actors",
        _head("actors", lang),
        columns,
        _group_rows(summary.actors, columns),
        chart="actors",
        chart_values=("progress", "expected"),
        note=note,
    )
    return (table,)


def _changes(summary: Summary, lang: str) -> tuple[Table, ...]:
    frames = {
        "transitions": summary.transitions,
        "newly_completed": summary.newly_completed,
        "newly_red": summary.newly_red,
        "unreported": summary.unreported,
        "overdue": summary.overdue,
    }
    columns = (
        Column("lead_name", t("col.lead", lang), width=30),
        Column("code", t("col.code", lang), width=8),
        Column("title", t("col.title", lang), width=50),
        Column("status_before", t("summary.col.status_before", lang), width=16),
        Column("status", t("summary.col.status_now", lang), width=16),
        Column("rag_before", t("summary.col.rag_before", lang), width=18),
        Column("rag", t("summary.col.rag_now", lang), width=18),
    )
    tables = []
    for key, frame in frames.items():
        rows = frame.assign(
            status_before=status_texts(frame["status_before"], lang),
            status=status_texts(frame["status"], lang),
            rag_before=rag_texts(frame["rag_before"], lang),
            rag=rag_texts(frame["rag"], lang),
        )
        tables.append(Table(key, t(f"summary.heading.{key}", lang), columns, rows))
    return tuple(tables)


def measure_table(summary: Summary, lang: str) -> Table:
    """Every measure as of the quarter's end (also the CSV's content)."""
    m = summary.measures
    comment, next_steps = _texts(m["comment"]), _texts(m["next_steps"])
    contributions = _contribution_texts(summary, lang)
    both = [
        "\n".join(
            p
            for p in (
                c,
                t("summary.next_label", lang, text=n) if n else "",
                t("summary.contributions_label", lang, text=b) if b else "",
            )
            if p
        )
        for c, n, b in zip(comment, next_steps, contributions, strict=True)
    ]
    rows = pd.DataFrame(
        {
            "code": m["code"].astype(str),
            "title": m["title"],
            "theme": m["theme_code"].astype(str) + " " + m["theme_name"].astype(str),
            "lead_name": m["lead_name"],
            "partners": m["partners"],
            "status": status_texts(m["status"], lang),
            "progress": pd.to_numeric(m["effective"], errors="coerce"),
            "rag": rag_texts(m["rag"], lang),
            "period": _texts(m["period"]),
            "comment": comment,
            "next_steps": next_steps,
            "contributions": contributions,
            "comment_next": both,
        }
    )
    columns = (
        Column("code", t("col.code", lang), width=9),
        Column("title", t("col.title", lang), width=36),
        Column("theme", t("col.theme", lang), width=30, use="data"),
        Column("lead_name", t("col.lead", lang), width=26),
        Column("partners", t("col.partners", lang), width=36, use="data"),
        Column("status", t("col.status", lang), width=14),
        Column("progress", t("col.progress", lang), "percent", 16),
        Column("rag", t("col.rag", lang), width=17),
        Column("period", t("summary.col.report_quarter", lang), width=12, use="data"),
        Column("comment", t("col.comment", lang), width=60, use="data"),
        Column("next_steps", t("col.next_steps", lang), width=60, use="data"),
        Column("contributions", t("summary.col.contributions", lang), width=60, use="data"),
        Column("comment_next", t("summary.col.comment_next", lang), width=44, use="print"),
    )
    return Table("measures", _head("measures", lang), columns, rows)


def _contribution_texts(summary: Summary, lang: str) -> list[str]:
    """Per measure (in the table's order) its partners' contributions for the quarter:
    «Kupa: Holdt kurs (https://…)», one a line."""
    lines: dict[str, list[str]] = {}
    for row in summary.contributions.to_dict("records"):
        link = f" ({row['link']})" if row["link"] else ""
        lines.setdefault(str(row["code"]), []).append(f"{row['actor']}: {row['text']}{link}")
    return ["\n".join(lines.get(str(code), [])) for code in summary.measures["code"]]


def _texts(values: pd.Series) -> list[str]:
    return ["" if pd.isna(v) else str(v) for v in values]


def _trend(summary: Summary, lang: str) -> Table:
    trend = summary.trend
    columns = (
        Column("quarter", t("col.period", lang), width=10),
        Column("progress", t("col.progress", lang), "percent", 10),
        Column("expected", t("col.expected", lang), "percent", 10),
        Column("coverage", t("summary.col.coverage", lang), "percent", 12),
        Column("completed", t("kpi.completed", lang), "int", 10),
        Column("behind", t("kpi.behind", lang), "int", 10),
        Column("red", t("kpi.red", lang), "int", 10),
    )
    rows = trend.assign(coverage=trend["coverage"].map(_ratio))[[c.key for c in columns]]
    return Table(
        "trend",
        _head("trend", lang),
        columns,
        rows.reset_index(drop=True),
        chart="trend",
        chart_values=("progress", "expected"),
    )


def _indicators(summary: Summary, lang: str) -> Table:
    rows = summary.indicators
    state = [
        t("indicators.no_value", lang)
        if pd.isna(on)
        else t("indicators.on_track" if on else "indicators.off_track", lang)
        for on in rows["on_track"]
    ]
    frame = pd.DataFrame(
        {
            "name": rows["name"],
            "unit": rows["unit"],
            "baseline": rows["baseline_value"],
            "baseline_year": rows["baseline_year"].astype(str),
            "target": rows["target_value"],
            "target_year": rows["target_year"].astype(str),
            "value": rows["value"],
            "period": rows["period"].fillna(""),
            "expected": rows["expected"],
            "state": state,
        }
    )
    columns = (
        Column("name", t("indicators.col.name", lang), width=34),
        Column("unit", t("indicators.unit", lang), width=12),
        Column("baseline", t("files.col.baseline", lang), "number", 12),
        Column("baseline_year", t("files.col.baseline_year", lang), width=10),
        Column("target", t("indicators.col.target", lang), "number", 12),
        Column("target_year", t("indicators.target_year", lang), width=8),
        Column("value", t("indicators.col.latest", lang), "number", 12),
        Column("period", _period_title(frame["period"], lang), width=9),
        Column("expected", t("indicators.col.expected", lang), "number", 12),
        Column("state", t("indicators.col.state", lang), width=16),
    )
    return Table("indicators", _head("indicators", lang), columns, frame, chart="indicators")


def _matrix_section(summary: Summary, lang: str) -> tuple[Section, ...]:
    """The who-does-what matrix, one row a cell, in the workbook only (paper has no
    room for 120 cells); none when no measure or instrument names a group and a kind."""
    cells = summary.matrix
    if not (cells["actors"] > 0).any():
        return ()
    notes = {
        CROWDED_STATE: t("matrix.crowded_note", lang, least=CROWDED),
        GAP_STATE: t("matrix.gap_note", lang),
    }
    rows = pd.DataFrame(
        {
            "target_group": [label(TargetGroup(c), lang) for c in cells["target_group"]],
            "work_kind": [label(WorkKind(c), lang) for c in cells["work_kind"]],
            "actors": cells["actors"],
            "actor_names": cells["actor_names"],
            "measures": cells["measures"],
            "instruments": cells["instruments"],
            "state": cells["state"].map(notes).fillna(""),
        }
    )
    columns = (
        Column("target_group", t("matrix.col.target_group", lang), width=20),
        Column("work_kind", t("matrix.col.work_kind", lang), width=22),
        Column("actors", t("matrix.col.actors", lang), "int", 9),
        Column("actor_names", t("matrix.col.who", lang), width=50),
        Column("measures", t("matrix.col.measures", lang), "int", 9),
        Column("instruments", t("matrix.col.instruments", lang), "int", 11),
        Column("state", t("matrix.col.state", lang), width=30),
    )
    table = Table(
        "matrix", _head("matrix", lang), columns, rows, note=t("matrix.rule", lang, least=CROWDED)
    )
    key = "matrix"
    return (
        Section(key, t(f"summary.section.{key}", lang), _head(key, lang), (table,), use="data"),
    )


def _period_title(periods: pd.Series, lang: str) -> str:
    """«År» when every value is for a year, «Kvartal» for a quarter, else «Periode»."""
    kinds = {period_kind(p) for p in periods if p}
    return t(f"files.period.{kinds.pop() if len(kinds) == 1 else 'mixed'}", lang)


def percent_text(value: float | None, lang: str) -> str:
    return format_percent(None if pd.isna(value) else float(value), lang)


def value_text(value: float | None, column: Column, lang: str) -> str:
    """A number cell on paper: '46 %', '7 480', '12,5', or '–' when missing; one
    word (no-break spaces), as a number is never broken across lines."""
    if value is None or pd.isna(value):
        return "–"
    if column.kind == "percent":
        return percent_text(value, lang).replace(" ", NO_BREAK)
    return format_value(float(value), lang).replace(" ", NO_BREAK)
