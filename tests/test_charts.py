"""The chart builders (tracker.charts): figure JSON checked against the frames
they were built from, the palette, and RAG never shown by colour alone."""

from __future__ import annotations

import re
import string
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import pytest

from tracker import charts
from tracker.charts.rag import RAG_VALUES
from tracker.charts.style import (
    NO_REPORT_COLOR,
    STATUS_COLUMNS,
    bar_height,
    quarter_axis,
    wrap_label,
)
from tracker.i18n import CATALOGUE, label, t
from tracker.progress import ROLLUP_COLUMNS, add_measure_metrics, roll_up
from tracker.quarters import OSLO, Quarter
from tracker.vocab import Rag, Status

AS_OF = datetime(2025, 6, 30, 21, 59, 59, tzinfo=UTC)  # end of 2025-Q2, Oslo


# --- frames ----------------------------------------------------------------------------


def measure(theme_id: int, status: str | None, progress: float | None, **extra: Any) -> dict:
    return {
        "theme_id": theme_id,
        "weight": 1.0,
        "start_period": "2024-Q1",
        "end_period": "2027-Q4",
        "status": status,
        "progress": progress,
        "rag": None,
        "period": None if status is None else str(Quarter.containing(AS_OF)),
        **extra,
    }


@pytest.fixture
def rollup() -> pd.DataFrame:
    """Three themes as theme_rollup returns them: one reported in part, one fully,
    one with no reports at all."""
    frame = pd.DataFrame(
        [
            measure(10, Status.IN_PROGRESS, 40, rag=Rag.GREEN),
            measure(10, Status.COMPLETED, None, rag=Rag.GREEN),
            measure(10, None, None),
            measure(10, Status.POSTPONED, 10, rag=Rag.RED),
            measure(20, Status.NOT_STARTED, 0, rag=Rag.YELLOW),
            measure(20, Status.CANCELLED, None),
            measure(30, None, None),
            measure(30, None, None),
        ]
    )
    rolled = roll_up(add_measure_metrics(frame, AS_OF), "theme_id")
    names = pd.DataFrame(
        {
            "theme_id": [10, 20, 30],
            "name": ["Attraktiv – Næringsvennlig kommune", "Ung", "Sterk"],
        }
    )
    return names.merge(rolled, left_on="theme_id", right_index=True).reset_index(drop=True)


@pytest.fixture
def trend() -> pd.DataFrame:
    rows = [
        {"quarter": "2024-Q4", "coverage": 0.5, "progress": 20.0, "expected": 25.0},
        {"quarter": "2025-Q1", "coverage": 0.75, "progress": float("nan"), "expected": 30.0},
        {"quarter": "2025-Q2", "coverage": 1.0, "progress": 45.5, "expected": 40.0},
    ]
    frame = pd.DataFrame(rows)
    for index, column in enumerate(STATUS_COLUMNS):
        frame[column] = [index, index + 1, index + 2]
    for column in ROLLUP_COLUMNS:
        if column not in frame:
            frame[column] = 0
    return frame[["quarter", *ROLLUP_COLUMNS]]


@pytest.fixture
def grid() -> pd.DataFrame:
    return pd.DataFrame(
        [
            ("Attraktiv", "2025-Q1", "green", ""),
            ("Attraktiv", "2025-Q2", "red", "2 tiltak med alvorlig avvik"),
            ("Ung", "2025-Q1", "yellow", ""),
            ("Ung", "2025-Q2", None, ""),
        ],
        columns=["theme_label", "quarter", "rag", "text"],
    )


@pytest.fixture
def history() -> pd.DataFrame:
    def at(day: str) -> pd.Timestamp:
        return pd.Timestamp(day, tz="UTC")

    frame = pd.DataFrame(
        [
            ("2024-Q1", "not_started", 0, "green", "Oppstart", at("2024-03-20 10:00")),
            ("2024-Q2", "in_progress", 30, "yellow", "", at("2024-06-20 10:00")),
            ("2024-Q3", "in_progress", None, "red", "Uklart", at("2024-09-20 10:00")),
            ("2024-Q4", "completed", None, "green", "Ferdig <3", at("2024-12-20 10:00")),
        ],
        columns=["period", "status", "progress", "rag", "comment", "reported_at"],
    )
    frame["progress"] = frame["progress"].astype("Float64")
    return frame


def trace(fig: go.Figure, name: str) -> Any:
    found = [tr for tr in fig.data if tr.name == name]
    assert len(found) == 1, [tr.name for tr in fig.data]
    return found[0]


def nan_to_none(values: pd.Series) -> list[float | None]:
    return [None if pd.isna(v) else float(v) for v in values]


# --- palette and look ------------------------------------------------------------------


def test_palette_covers_the_vocabulary_with_distinct_colours() -> None:
    assert set(charts.STATUS_COLORS) == set(Status)
    assert set(charts.RAG_COLORS) == set(Rag)
    colours = [*charts.STATUS_COLORS.values(), *charts.RAG_COLORS.values(), NO_REPORT_COLOR]
    assert all(re.fullmatch(r"#[0-9A-Fa-f]{6}", c) for c in colours)
    assert len({c.upper() for c in colours}) == len(colours)


def test_every_rag_has_its_own_symbol() -> None:
    assert set(charts.RAG_SYMBOLS) == set(Rag)
    symbols = list(charts.RAG_SYMBOLS.values())
    assert all(s.strip() for s in symbols)
    assert len(set(symbols)) == len(symbols)
    for rag in Rag:
        assert charts.rag_text(rag, "nb") == f"{charts.RAG_SYMBOLS[rag]} {label(rag, 'nb')}"


def test_common_layout_number_format_and_background(rollup: pd.DataFrame) -> None:
    nb = charts.progress_bars(rollup, "name", "theme_id", "nb").layout
    en = charts.progress_bars(rollup, "name", "theme_id", "en").layout
    assert nb.separators == ", "
    assert en.separators == ".,"
    assert nb.plot_bgcolor == "white" and nb.paper_bgcolor == "white"
    assert nb.title.text is None


def test_chart_messages_exist_in_both_languages_with_the_same_placeholders() -> None:
    keys = [key for key in CATALOGUE if key.startswith("chart.")]
    assert keys
    for key in keys:
        assert set(CATALOGUE[key]) == {"nb", "en"}, key
        fields = [
            {f for _, f, _, _ in string.Formatter().parse(CATALOGUE[key][lang]) if f}
            for lang in ("nb", "en")
        ]
        assert fields[0] == fields[1], key


def test_wrap_label_breaks_long_labels_once() -> None:
    assert wrap_label("Ung") == "Ung"
    wrapped = wrap_label("Nyskapende – Innovasjon og entreprenørskap")
    assert wrapped.count("<br>") == 1
    assert wrapped.replace("<br>", " ") == "Nyskapende – Innovasjon og entreprenørskap"


def test_quarter_axis_writes_the_year_where_it_changes() -> None:
    axis = quarter_axis(["2024-Q3", "2024-Q4", "2025-Q1"], "nb")
    assert axis["type"] == "category"
    assert axis["tickvals"] == ["2024-Q3", "2024-Q4", "2025-Q1"]
    assert axis["ticktext"] == ["Q3<br>2024", "Q4", "Q1<br>2025"]


# --- progress_bars ---------------------------------------------------------------------


def test_a_typed_name_is_text_on_the_axis_not_markup(rollup: pd.DataFrame) -> None:
    """Plotly reads <b>, <a href> and <br> in tick texts: a name typed with them
    must show as typed, never as a link or a line break of the name's own."""
    typed = '<a href="http://evil.example">Klikk</a> <b>fet</b> og en lang nok tekst'
    rollup.loc[0, "name"] = typed
    for fig in (
        charts.progress_bars(rollup, "name", "theme_id", "nb"),
        charts.status_mix(rollup, "name", "theme_id", "nb"),
    ):
        ticks = " ".join(fig.layout.yaxis.ticktext)
        assert "<a" not in ticks and "<b>" not in ticks
        for shown in fig.data:  # the hover names the group as typed, escaped
            hover = " ".join(shown.hovertext or [])
            template = shown.hovertemplate or ""  # one per bar, or one for all
            template = template if isinstance(template, str) else " ".join(template)
            assert "%{y}" not in template and "<a" not in hover
        assert "&lt;a" in ticks and "evil.example&quot;&gt;Klikk&lt;/a&gt;" in ticks


def test_progress_bars_show_the_rollup_numbers(rollup: pd.DataFrame) -> None:
    fig = charts.progress_bars(rollup, "name", "theme_id", "nb")
    bar = trace(fig, t("chart.progress", "nb"))
    expected = trace(fig, t("chart.expected", "nb"))
    assert bar.type == "bar" and bar.orientation == "h"
    assert list(bar.y) == list(rollup["name"])
    assert list(bar.x) == nan_to_none(rollup["progress"])
    assert bar.x[2] is None  # theme 30 has no reports: no bar ...
    assert list(expected.x) == nan_to_none(rollup["expected"])
    assert expected.marker.symbol == "line-ns"
    assert list(bar.customdata) == [10, 20, 30]
    assert list(expected.customdata) == [10, 20, 30]
    # ... but its row stays, and says why.
    assert list(fig.layout.yaxis.categoryarray) == list(rollup["name"])
    summaries = [a.text for a in fig.layout.annotations]
    assert [a.y for a in fig.layout.annotations] == list(rollup["name"])
    assert summaries[2] == "ingen rapporter"


def test_progress_bars_numbers_match_hand_arithmetic(rollup: pd.DataFrame) -> None:
    # theme 10: 40, 100 (completed), 10 reported; one unknown → 3 of 4 counted.
    assert rollup.loc[0, "progress"] == pytest.approx(50.0)
    fig = charts.progress_bars(rollup, "name", "theme_id", "en")
    assert trace(fig, "Progress").x[0] == pytest.approx(50.0)
    assert fig.layout.annotations[0].text == "<b>50%</b><br>3 of 4 this quarter"
    assert fig.layout.annotations[1].text == "<b>0%</b><br>1 of 1 this quarter"


def test_progress_bars_height_grows_with_rows(rollup: pd.DataFrame) -> None:
    fig = charts.progress_bars(rollup, "name", "theme_id", "nb")
    assert fig.layout.height == bar_height(list(rollup["name"]))
    assert fig.layout.height == 60 + 48 * 3 + 30  # one label wraps: 48 px rows
    assert bar_height(["A", "B"]) == 60 + 38 * 2 + 30


def test_progress_bars_hover_is_in_the_ui_language(rollup: pd.DataFrame) -> None:
    nb = trace(charts.progress_bars(rollup, "name", "theme_id", "nb"), "Fremdrift")
    en = trace(charts.progress_bars(rollup, "name", "theme_id", "en"), "Progress")
    assert "Forventet fremdrift: " in nb.hovertext[0]
    assert "Expected progress: " in en.hovertext[0]
    assert "ingen rapporter" in nb.hovertext[2]


def test_progress_bars_axis_titles_from_the_group(rollup: pd.DataFrame) -> None:
    fig = charts.progress_bars(rollup, "name", "theme_id", "nb")
    assert fig.layout.yaxis.title.text == "Satsingsområde"
    assert fig.layout.xaxis.title.text == t("chart.progress_axis", "nb")
    actors = rollup.rename(columns={"theme_id": "actor_id"})
    fig = charts.progress_bars(actors, "name", "actor_id", "en")
    assert fig.layout.yaxis.title.text == "Actor"


# --- status_mix ------------------------------------------------------------------------


def test_status_mix_one_trace_per_status_in_fixed_order(rollup: pd.DataFrame) -> None:
    fig = charts.status_mix(rollup, "name", "theme_id", "nb")
    assert fig.layout.barmode == "stack"
    names = [tr.name for tr in fig.data]
    assert names == [*(label(s, "nb") for s in Status), "Ikke rapportert"]
    for status, tr in zip(Status, fig.data, strict=False):
        assert tr.marker.color == charts.STATUS_COLORS[status]
        assert list(tr.x) == list(rollup[f"status_{status.value}"])
        assert list(tr.customdata) == [10, 20, 30]
        assert list(tr.y) == list(rollup["name"])
    no_report = fig.data[-1]
    assert list(no_report.x) == [1, 0, 2]
    assert no_report.marker.pattern.shape  # hatched, not colour alone


def test_status_mix_labels_follow_the_language(rollup: pd.DataFrame) -> None:
    nb = [tr.name for tr in charts.status_mix(rollup, "name", "theme_id", "nb").data]
    en = [tr.name for tr in charts.status_mix(rollup, "name", "theme_id", "en").data]
    assert en == [*(label(s, "en") for s in Status), "Not reported"]
    assert all(a != b for a, b in zip(nb, en, strict=True))


# --- trend -----------------------------------------------------------------------------


def test_trend_progress_one_point_per_quarter(trend: pd.DataFrame) -> None:
    fig = charts.trend_progress(trend, "nb")
    assert len(fig.data) == 3
    for tr in fig.data:
        assert list(tr.x) == ["2024-Q4", "2025-Q1", "2025-Q2"]
        assert len(tr.y) == 3
    assert list(trace(fig, "Fremdrift").y) == [20.0, None, 45.5]
    assert list(trace(fig, "Forventet fremdrift").y) == [25.0, 30.0, 40.0]
    coverage = trace(fig, "Rapporteringsgrad")
    assert list(coverage.y) == [50.0, 75.0, 100.0]  # on the same 0–100 % axis
    assert coverage.line.dash == "dot"
    assert list(fig.layout.yaxis.range) == [0, 100]


def test_trend_status_stacks_counts_per_quarter(trend: pd.DataFrame) -> None:
    fig = charts.trend_status(trend, "en")
    assert fig.layout.barmode == "stack"
    assert len(fig.data) == len(STATUS_COLUMNS)
    for column, tr in zip(STATUS_COLUMNS, fig.data, strict=True):
        assert list(tr.x) == ["2024-Q4", "2025-Q1", "2025-Q2"]
        assert list(tr.y) == list(trend[column])
        assert tr.orientation == "v"
    assert fig.layout.xaxis.title.text == "Quarter"


# --- rag_grid --------------------------------------------------------------------------


def test_rag_grid_maps_rag_to_z_and_symbols(grid: pd.DataFrame) -> None:
    fig = charts.rag_grid(grid, "nb")
    heat = fig.data[0]
    assert heat.type == "heatmap"
    assert list(heat.x) == ["2025-Q1", "2025-Q2"]
    assert list(heat.y) == ["Attraktiv", "Ung"]
    green, yellow, red = (RAG_VALUES[r] for r in (Rag.GREEN, Rag.YELLOW, Rag.RED))
    assert [list(row) for row in heat.z] == [[green, red], [yellow, None]]
    assert [list(row) for row in heat.text] == [["✓", "✕"], ["!", ""]]
    assert heat.texttemplate == "%{text}"
    assert "2 tiltak med alvorlig avvik" in heat.hovertext[0][1]


def test_rag_grid_colorscale_gives_each_value_its_colour(grid: pd.DataFrame) -> None:
    heat = charts.rag_grid(grid, "nb").data[0]
    scale = [(float(stop), colour) for stop, colour in heat.colorscale]

    def colour_at(z: int) -> str:
        position = (z - heat.zmin) / (heat.zmax - heat.zmin)
        below = [c for stop, c in scale if stop <= position]
        above = [c for stop, c in scale if stop >= position]
        assert below[-1] == above[0]  # inside a flat band, not on a blend
        return below[-1]

    for rag, value in RAG_VALUES.items():
        assert colour_at(value) == charts.RAG_COLORS[rag]


def test_rag_grid_key_names_symbol_and_word(grid: pd.DataFrame) -> None:
    for lang in ("nb", "en"):
        fig = charts.rag_grid(grid, lang)
        keys = [tr.name for tr in fig.data[1:]]
        assert keys == [charts.rag_text(rag, lang) for rag in (Rag.GREEN, Rag.YELLOW, Rag.RED)]
        assert [tr.marker.color for tr in fig.data[1:]] == [
            charts.RAG_COLORS[r] for r in (Rag.GREEN, Rag.YELLOW, Rag.RED)
        ]
    assert charts.rag_grid(grid, "nb").data[1].name != charts.rag_grid(grid, "en").data[1].name


def test_rag_never_relies_on_colour_alone(grid: pd.DataFrame, history: pd.DataFrame) -> None:
    heat = charts.rag_grid(grid, "en").data[0]
    symbols = set(charts.RAG_SYMBOLS.values())
    for z_row, text_row in zip(heat.z, heat.text, strict=True):
        for z, text in zip(z_row, text_row, strict=True):
            assert (z is None and text == "") or text in symbols
    fig = charts.measure_timeline(history, "2024-Q1", "2024-Q4", "en")
    hovers = [h for tr in fig.data if tr.hovertext for h in tr.hovertext]
    for rag in history["rag"]:
        assert any(charts.rag_text(rag, "en") in h for h in hovers)


# --- measure_timeline ------------------------------------------------------------------


def test_measure_timeline_points_and_expected_line(history: pd.DataFrame) -> None:
    fig = charts.measure_timeline(history, "2024-Q1", "2024-Q4", "nb")
    expected = trace(fig, "Forventet fremdrift")
    start = Quarter(2024, 1).start().astimezone(OSLO).replace(tzinfo=None)
    end = Quarter(2024, 4).end().astimezone(OSLO).replace(tzinfo=None)
    assert list(expected.x) == [start, end]
    assert list(expected.y) == [0.0, 100.0]
    line = trace(fig, "Fremdrift")
    assert list(line.y) == [0.0, 30.0, 100.0]  # completed counts as 100
    unknown = trace(fig, "Fremdrift ukjent")  # the report without a percentage
    assert len(unknown.x) == 1
    assert "Fremdrift: Fremdrift ukjent" in unknown.hovertext[0]
    labels = [text for tr in fig.data if tr.mode == "markers+text" for text in tr.text]
    assert labels == ["Ikke startet", "Pågår", "Fullført"]
    completed = trace(fig, "Fullført")
    assert completed.marker.color == charts.STATUS_COLORS[Status.COMPLETED]
    assert "&lt;3" in completed.hovertext[0]  # comments are escaped


def test_measure_timeline_uses_period_end_when_reported_at_is_missing(
    history: pd.DataFrame,
) -> None:
    frame = history.drop(columns=["reported_at"])
    fig = charts.measure_timeline(frame, "2024-Q1", "2024-Q4", "en")
    end_q1 = Quarter(2024, 1).end().astimezone(OSLO).replace(tzinfo=None)
    assert trace(fig, "Progress").x[0] == end_q1


def test_measure_timeline_puts_each_report_at_its_quarter_not_its_date(
    history: pd.DataFrame,
) -> None:
    """A late report for Q2, saved in Q4 after the Q3 one, stands at Q2: the end of
    its quarter, where the expected line says what was due by then."""
    late = pd.DataFrame(
        [("2024-Q2", "in_progress", 40, "green", "Sent", pd.Timestamp("2024-11-02", tz="UTC"))],
        columns=history.columns,
    )
    frame = pd.concat([history.iloc[[0, 2]], late], ignore_index=True)  # saved order
    frame["progress"] = frame["progress"].astype("Float64")
    fig = charts.measure_timeline(frame, "2024-Q1", "2024-Q4", "nb")
    end = {q: Quarter.parse(q).end().astimezone(OSLO).replace(tzinfo=None) for q in frame["period"]}
    line = trace(fig, "Fremdrift")
    assert list(line.x) == [end["2024-Q1"], end["2024-Q2"]]  # the Q3 report has no percentage
    assert list(line.y) == [0.0, 40.0]
    unknown = trace(fig, "Fremdrift ukjent")
    assert list(unknown.x) == [end["2024-Q3"]]
    running = trace(fig, "Pågår")
    assert list(running.x) == [end["2024-Q2"]]
    assert "02.11.2024" in running.hovertext[0]  # the day it was saved, in the hover
    axis = fig.layout.xaxis
    assert list(axis.ticktext) == ["2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"]
    q4 = Quarter(2024, 4).end().astimezone(OSLO).replace(tzinfo=None)
    assert list(axis.tickvals) == [end["2024-Q1"], end["2024-Q2"], end["2024-Q3"], q4]
    assert axis.title.text == "Kvartal"


def test_measure_timeline_names_half_years_or_years_on_a_long_span() -> None:
    empty = pd.DataFrame(columns=["period", "status", "progress", "rag", "reported_at"])
    axis = charts.measure_timeline(empty, "2024-Q1", "2028-Q4", "nb").layout.xaxis  # 20
    assert list(axis.ticktext) == ["2024-Q4", "2025-Q4", "2026-Q4", "2027-Q4", "2028-Q4"]
    assert len(axis.minor.tickvals) == 20  # a grid line at every quarter's end
    axis = charts.measure_timeline(empty, "2024-Q3", "2027-Q2", "nb").layout.xaxis  # 12
    halves = [f"{year}-Q{n}" for year in (2024, 2025, 2026, 2027) for n in (2, 4)]
    assert list(axis.ticktext) == halves[1:-1]


# --- every figure ----------------------------------------------------------------------

Builder = Callable[[str], go.Figure]


def builders(
    rollup: pd.DataFrame, trend: pd.DataFrame, grid: pd.DataFrame, history: pd.DataFrame
) -> dict[str, Builder]:
    return {
        "progress_bars": lambda lang: charts.progress_bars(rollup, "name", "theme_id", lang),
        "status_mix": lambda lang: charts.status_mix(rollup, "name", "theme_id", lang),
        "trend_progress": lambda lang: charts.trend_progress(trend, lang),
        "trend_status": lambda lang: charts.trend_status(trend, lang),
        "rag_grid": lambda lang: charts.rag_grid(grid, lang),
        "measure_timeline": lambda lang: charts.measure_timeline(
            history, "2024-Q1", "2024-Q4", lang
        ),
    }


def test_every_figure_serialises_untitled_in_both_languages(
    rollup: pd.DataFrame, trend: pd.DataFrame, grid: pd.DataFrame, history: pd.DataFrame
) -> None:
    for name, build in builders(rollup, trend, grid, history).items():
        texts = {}
        for lang in ("nb", "en"):
            fig = build(lang)
            assert isinstance(fig, go.Figure), name
            texts[lang] = fig.to_json()
            assert fig.layout.title.text is None, name
            assert fig.layout.height and fig.layout.height >= 200, name
            assert fig.layout.xaxis.title.text and fig.layout.yaxis.title.text, name
            assert all(tr.hovertemplate or tr.hoverinfo == "skip" for tr in fig.data), name
        assert texts["nb"] != texts["en"], name


def test_empty_frames_give_an_empty_figure_that_says_so(trend: pd.DataFrame) -> None:
    empty_rollup = pd.DataFrame(columns=["theme_id", "name", *ROLLUP_COLUMNS])
    empty_grid = pd.DataFrame(columns=["theme_label", "quarter", "rag", "text"])
    figures = [
        charts.progress_bars(empty_rollup, "name", "theme_id", "nb"),
        charts.status_mix(empty_rollup, "name", "theme_id", "nb"),
        charts.trend_progress(trend.iloc[0:0], "nb"),
        charts.trend_status(trend.iloc[0:0], "nb"),
        charts.rag_grid(empty_grid, "nb"),
    ]
    for fig in figures:
        fig.to_json()
        assert [a.text for a in fig.layout.annotations] == [t("chart.no_data", "nb")]
    empty_history = pd.DataFrame(columns=["period", "status", "progress", "rag", "reported_at"])
    fig = charts.measure_timeline(empty_history, "2025-Q1", "2026-Q4", "nb")
    assert [tr.name for tr in fig.data] == ["Forventet fremdrift"]
    fig.to_json()
