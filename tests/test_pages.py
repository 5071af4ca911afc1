"""AppTest of every page for every role, on the demo data: the page renders, the
navigation holds exactly the role's pages, the language switch, and the numbers on
Oversikt, Tiltak and Aktører are the service's numbers."""

from __future__ import annotations

import io
import json
import math
from collections.abc import Iterator
from typing import Any

import openpyxl
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from tests import rollup_reads
from tests.apptest_helpers import (
    AppDatabase,
    app,
    demo_database,
    frame,
    language_switch,
    no_exception,
    on_page,
    page_title,
    registered_pages,
    table_with,
    texts,
)
from tests.rollup_reads import actor_rollup, plan_rollup, theme_rollup
from tracker import i18n
from tracker.quarters import Quarter
from tracker.reports import Format, build_summary, render
from tracker.service.measures import MeasureFilter, filter_measures, measure_status
from tracker.service.rollups import figures_of
from tracker.service.structure import list_actors, list_plans, list_themes
from tracker.vocab import Status

NAMES = "overview measures actors collaboration coordination wheel instruments meeting"
NAMES += " indicators report export admin"
ALL_PAGES = tuple(f"app_pages/{name}.py" for name in NAMES.split())
(
    OVERVIEW, MEASURES, ACTORS, COLLABORATION, COORDINATION, WHEEL, INSTRUMENTS, MEETING,
    INDICATORS, REPORT, EXPORT, ADMIN,
) = ALL_PAGES  # fmt: skip
SHARED = (
    OVERVIEW, MEASURES, ACTORS, COLLABORATION, COORDINATION, WHEEL, INSTRUMENTS, MEETING,
    INDICATORS,
)  # fmt: skip

# The specification (the README's page table), written out here rather than read from ui/nav.py,
# so that a wrong entry there fails a test.
ROLE_PAGES = {
    "admin": (*SHARED, REPORT, EXPORT, ADMIN),
    "ordforer": (*SHARED, EXPORT),
    "kupa": (*SHARED, REPORT),
}
VISITS = [(user, page) for user, pages in ROLE_PAGES.items() for page in pages]
HIDDEN = [
    (user, page) for user, pages in ROLE_PAGES.items() for page in ALL_PAGES if page not in pages
]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppDatabase]:
    with demo_database(tmp_path_factory, "pages") as database:
        yield database


@pytest.fixture(scope="module")
def plan_id(demo: AppDatabase) -> int:
    with demo.session() as session:
        return int(list_plans(session)["id"].iloc[0])


def close(a: object, b: object, tolerance: float = 0.01) -> bool:
    """Equal numbers (NaN/None equal each other: a group without reports)."""
    missing_a = a is None or (isinstance(a, float) and math.isnan(a))
    missing_b = b is None or (isinstance(b, float) and math.isnan(b))
    if missing_a or missing_b:
        return missing_a and missing_b
    return abs(float(a) - float(b)) <= tolerance  # type: ignore[arg-type]


def chart_spec(at: AppTest, key: str) -> dict[str, Any]:
    """The figure JSON of the plotly chart with this key (proto.spec)."""
    found = [c for c in at.get("plotly_chart") if c.proto.id.endswith(f"-{key}")]
    assert len(found) == 1, f"plotly charts: {[c.proto.id for c in at.get('plotly_chart')]}"
    return json.loads(found[0].proto.spec)


def metric(at: AppTest, label_key: str, lang: str = "nb") -> Any:
    label = i18n.t(label_key, lang)
    found = [m for m in at.metric if m.label == label]
    assert len(found) == 1, [m.label for m in at.metric]
    return found[0]


# --- every page, every role ------------------------------------------------------------


@pytest.mark.parametrize(("username", "page"), VISITS, ids=[f"{u}-{p[6:-3]}" for u, p in VISITS])
def test_page_renders_for_the_role(demo: AppDatabase, username: str, page: str) -> None:
    at = app(demo.principal(username), page=page)
    no_exception(at)
    assert on_page(at, page), [t.value for t in at.title]
    assert not at.error, [e.value for e in at.error]


@pytest.mark.parametrize("username", list(ROLE_PAGES))
def test_navigation_holds_exactly_the_roles_pages(demo: AppDatabase, username: str) -> None:
    at = app(demo.principal(username))
    no_exception(at)
    pages = registered_pages(at)
    assert set(pages) == set(ROLE_PAGES[username])
    assert pages == {page: page_title(page) for page in ROLE_PAGES[username]}
    assert on_page(at, OVERVIEW)  # the first page is the default
    # The same through AppTest's public API: a page outside the list cannot be opened.
    for page in ALL_PAGES:
        if page in ROLE_PAGES[username]:
            at.switch_page(page)
        else:
            with pytest.raises(ValueError, match="Could not find a navigation page"):
                at.switch_page(page)


PAGE_WIDGETS = {REPORT: "report_", EXPORT: "export_", ADMIN: "admin_"}


@pytest.mark.parametrize(("username", "page"), HIDDEN, ids=[f"{u}-{p[6:-3]}" for u, p in HIDDEN])
def test_a_page_outside_the_role_cannot_be_opened_by_its_url(
    demo: AppDatabase, username: str, page: str
) -> None:
    """Asking for the page's URL (its page hash) does not show the page: its address
    holds a page that says, in the user's language, that it is not for this role."""
    at = app(demo.principal(username), page=page)
    no_exception(at)
    prefix = PAGE_WIDGETS[page]
    widgets = [*at.selectbox, *at.button, *at.text_input, *at.text_area, *at.tabs]
    assert not [w.key for w in widgets if getattr(w, "key", None) and w.key.startswith(prefix)]
    title = page_title(page)
    role = i18n.label(demo.principal(username).role)
    assert i18n.t("page.not_for_role", page=title, role=role) in [w.value for w in at.warning]


def test_without_login_only_the_login_page_exists(demo: AppDatabase) -> None:
    at = app()
    no_exception(at)
    assert registered_pages(at) == {}  # the login page is a function, not a file
    assert 'action="/logg-inn"' in at.get("html")[0].proto.body
    for page in ALL_PAGES:
        with pytest.raises(ValueError):
            at.switch_page(page)


# --- language ----------------------------------------------------------------------


def test_the_language_switch_changes_titles_and_labels(demo: AppDatabase) -> None:
    at = app(demo.principal("admin"))
    assert [t.value for t in at.title] == ["Oversikt"]
    assert registered_pages(at) == {page: page_title(page, "nb") for page in ALL_PAGES}
    assert registered_pages(at)[MEASURES] == "Tiltak"
    assert at.selectbox(key="quarter").label == "Kvartal"
    assert metric(at, "kpi.progress").label == "Vektet fremdrift"

    language_switch(at).set_value("en").run()
    no_exception(at)
    assert at.session_state["lang"] == "en"
    assert [t.value for t in at.title] == ["Overview"]
    assert registered_pages(at) == {page: page_title(page, "en") for page in ALL_PAGES}
    assert registered_pages(at)[MEASURES] == "Measures"
    assert at.selectbox(key="quarter").label == "Quarter"
    assert metric(at, "kpi.progress", "en").label == "Weighted progress"
    assert at.button(key="logout").label == "Log out"
    assert language_switch(at).label == "Language"
    # No further run of this AppTest: AppTest calls a selectbox's format_func in the
    # test's thread, where st.session_state (and so the language) is not the app's,
    # so the Norwegian option labels no longer match the English ones it shows.


@pytest.mark.parametrize("page", ALL_PAGES, ids=lambda p: p[6:-3])
def test_every_page_has_its_english_title(demo: AppDatabase, page: str) -> None:
    at = app(demo.principal("admin"), "en", page=page)
    no_exception(at)
    assert [t.value for t in at.title][:1] == [page_title(page, "en")]
    assert page_title(page, "en") != page_title(page, "nb") or page == ADMIN


def test_labels_on_a_page_follow_the_language(demo: AppDatabase) -> None:
    nb = app(demo.principal("ordforer"), "nb", page=MEASURES)
    en = app(demo.principal("ordforer"), "en", page=MEASURES)
    keys = ["measures_theme", "measures_actor", "measures_status", "measures_rag"]
    assert [nb.selectbox(key=k).label for k in keys] == [
        "Satsingsområde",
        "Aktør",
        "Status",
        "Vurdering",
    ]
    assert [en.selectbox(key=k).label for k in keys] == ["Theme", "Actor", "Status", "Rating"]
    assert en.text_input(key="measures_search").label == "Search"
    nb_columns = list(frame(nb.dataframe[0]).columns)
    en_columns = list(frame(en.dataframe[0]).columns)
    assert nb_columns[:2] == ["Nr.", "Tiltak"] and en_columns[:2] == ["No.", "Measure"]


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_numbers_follow_the_language(demo: AppDatabase, plan_id: int, lang: str) -> None:
    """Decimal comma and '%' spacing come from i18n, not from the page."""
    at = app(demo.principal("ordforer"), lang)
    with demo.session() as session:
        totals = plan_rollup(session, plan_id=plan_id)
    assert metric(at, "kpi.progress", lang).value == i18n.format_percent(
        float(totals["progress"]), lang
    )


# --- Oversikt: the numbers are the service's ------------------------------------------


@pytest.fixture(scope="module")
def overview(demo: AppDatabase) -> AppTest:
    at = app(demo.principal("ordforer"))
    no_exception(at)
    return at


def test_key_figures_are_the_plan_rollup(
    demo: AppDatabase, plan_id: int, overview: AppTest
) -> None:
    with demo.session() as session:
        totals = plan_rollup(session, plan_id=plan_id)
    measures, completed = int(totals["measures"]), int(totals["completed"])
    assert measures > 30  # the demo plan, not an empty one
    assert metric(overview, "kpi.measures").value == i18n.format_number(measures)
    done = metric(overview, "kpi.completed")
    assert done.value == i18n.format_percent(100 * completed / measures)
    assert done.delta == i18n.tn("count.measures", completed)
    progress = metric(overview, "kpi.progress")
    assert progress.value == i18n.format_percent(float(totals["progress"]))
    counted, known = int(totals["counted"]), int(totals["reported"])
    assert progress.delta == i18n.t("kpi.progress_known", known=known, counted=counted)
    assert i18n.coverage_text(totals) in texts(overview.caption)
    assert metric(overview, "kpi.behind").value == i18n.format_number(int(totals["behind"]))
    assert metric(overview, "kpi.red").value == i18n.format_number(int(totals["red"]))


def test_theme_chart_carries_the_theme_rollup(
    demo: AppDatabase, plan_id: int, overview: AppTest
) -> None:
    with demo.session() as session:
        themes = theme_rollup(session, plan_id=plan_id)
    spec = chart_spec(overview, "overview_theme_progress")
    bars, expected = spec["data"][0], spec["data"][1]
    assert bars["type"] == "bar" and expected["type"] == "scatter"
    assert [int(i) for i in bars["customdata"]] == themes["theme_id"].tolist()
    for theme_id, progress, wanted in zip(
        bars["customdata"], bars["x"], expected["x"], strict=True
    ):
        row = themes[themes["theme_id"] == int(theme_id)].iloc[0]
        assert close(progress, row["progress"]), (row["code"], progress, row["progress"])
        assert close(wanted, row["expected"], 0.1), (row["code"], wanted, row["expected"])
    assert sum(x is not None for x in bars["x"]) >= 3  # real numbers, not an empty chart


def test_theme_status_chart_carries_the_counts(
    demo: AppDatabase, plan_id: int, overview: AppTest
) -> None:
    with demo.session() as session:
        themes = theme_rollup(session, plan_id=plan_id)
    spec = chart_spec(overview, "overview_theme_status")
    columns = {trace["meta"]: trace for trace in spec["data"]}
    assert set(columns) == {*(f"status_{s.value}" for s in Status), "no_report"}
    for column, trace in columns.items():
        by_id = dict(zip((int(i) for i in trace["customdata"]), trace["x"], strict=True))
        assert by_id == dict(zip(themes["theme_id"], themes[column].astype(int), strict=True))


def test_actor_chart_carries_the_actor_rollup(
    demo: AppDatabase, plan_id: int, overview: AppTest
) -> None:
    with demo.session() as session:
        actors = actor_rollup(session, plan_id=plan_id)
    leads = actors[actors["measures"] > 0]  # the chart shows lead actors
    spec = chart_spec(overview, "overview_actor_progress")
    bars = spec["data"][0]
    shown = [int(i) for i in bars["customdata"]]
    assert sorted(shown) == sorted(leads["actor_id"].tolist())
    for actor_id, progress in zip(shown, bars["x"], strict=True):
        row = leads[leads["actor_id"] == actor_id].iloc[0]
        assert close(progress, row["progress"]), (row["name"], progress, row["progress"])


def test_trend_chart_carries_the_trend(demo: AppDatabase, plan_id: int, overview: AppTest) -> None:
    [trend_chart] = [
        json.loads(c.proto.spec)
        for c in overview.get("plotly_chart")
        if any(
            trace.get("name") == i18n.t("chart.progress") and trace.get("type") == "scatter"
            for trace in json.loads(c.proto.spec)["data"]
        )
    ]
    line = next(tr for tr in trend_chart["data"] if tr["name"] == i18n.t("chart.progress"))
    quarters = [Quarter.parse(q) for q in line["x"]]
    with demo.session() as session:
        trend = rollup_reads.trend(session, plan_id=plan_id, quarters=quarters)
    by_quarter = dict(zip(trend["quarter"].astype(str), trend["progress"], strict=True))
    for quarter, progress in zip(line["x"], line["y"], strict=True):
        assert close(progress, by_quarter[quarter]), (quarter, progress, by_quarter[quarter])
    assert line["x"][0] == "2024-Q1" and len(line["x"]) >= 10


@pytest.mark.parametrize("with_partners", [False, True], ids=["lead_only", "with_partners"])
def test_narrowing_the_overview_to_an_actor_gives_the_services_figures(
    demo: AppDatabase, plan_id: int, with_partners: bool
) -> None:
    """Seen: Kupa 70 % on the chart and 75 % with the actor filter, which silently
    took in its partner measures. The filter counts the measures it leads unless
    asked, and says which."""
    kupa = demo.principal("kupa")
    at = app(kupa)
    at.selectbox(key="overview_actor").select(kupa.actor_id).run()
    if with_partners:
        at.toggle(key="overview_with_partners").set_value(True).run()
    no_exception(at)
    with demo.session() as session:
        measures = measure_status(session, plan_id=plan_id)
        by_actor = actor_rollup(session, plan_id=plan_id).set_index("actor_id")
    where = MeasureFilter(actor_id=kupa.actor_id, lead_only=not with_partners)
    narrowed = filter_measures(measures, where)
    totals = figures_of(narrowed)
    assert 0 < int(totals["measures"]) < len(measures)
    assert metric(at, "kpi.measures").value == i18n.format_number(int(totals["measures"]))
    assert metric(at, "kpi.progress").value == i18n.format_percent(float(totals["progress"]))
    scope = "overview.actor_scope_partners" if with_partners else "overview.actor_scope_lead"
    assert i18n.t(scope) in texts(at.caption)
    if not with_partners:  # the same figure as Kupa's bar in the actor chart
        assert int(totals["measures"]) == int(by_actor.loc[kupa.actor_id, "measures"])
    code = i18n.t("col.code")
    shown = [frame(d) for d in at.dataframe if code in frame(d).columns][-1]  # the list
    assert sorted(shown[code]) == sorted(narrowed["code"])


# --- Tiltak and Aktører ---------------------------------------------------------------


def test_measures_filter_narrows_the_table(demo: AppDatabase, plan_id: int) -> None:
    at = app(demo.principal("ordforer"), page=MEASURES)
    no_exception(at)
    column = i18n.t("col.code")
    everything = table_with(at, column)
    with demo.session() as session:
        themes = list_themes(session, plan_id)
        measures = measure_status(session, plan_id=plan_id)
    assert sorted(everything[column]) == sorted(measures["code"])

    theme = themes.iloc[1]
    at.selectbox(key="measures_theme").select(int(theme["id"])).run()
    no_exception(at)
    narrowed = table_with(at, column)
    wanted = measures[measures["theme_id"] == theme["id"]]
    assert 0 < len(narrowed) < len(everything)
    assert sorted(narrowed[column]) == sorted(wanted["code"])
    assert set(narrowed[i18n.t("col.theme")]) == {theme["name"]}
    count = i18n.tn("measures.count", len(measures), shown=len(wanted))
    assert count in [c.value for c in at.caption]

    code = str(wanted["code"].iloc[0])
    title = str(wanted["title"].iloc[0])
    at.text_input(key="measures_search").input(title).run()
    searched = table_with(at, column)
    assert code in list(searched[column])
    assert len(searched) <= len(narrowed)

    at.text_input(key="measures_search").input("ingen-slik-tekst-finnes").run()
    no_exception(at)
    assert table_with(at, column).empty
    assert i18n.t("measures.none_match") in [i.value for i in at.info]


def test_measures_filter_by_target_group_and_kind_of_work_and_the_detail_names_them(
    demo: AppDatabase, plan_id: int
) -> None:
    at = app(demo.principal("ordforer"), page=MEASURES)
    column = i18n.t("col.code")
    with demo.session() as session:
        measures = measure_status(session, plan_id=plan_id)
    at.selectbox(key="measures_target_group").select("sjomat").run()
    no_exception(at)
    seafood = measures[measures["target_groups"].str.contains("sjomat")]
    assert 0 < len(seafood) < len(measures)
    assert sorted(table_with(at, column)[column]) == sorted(seafood["code"])
    at.selectbox(key="measures_work_kind").select("infrastruktur").run()
    both = seafood[seafood["work_kinds"].str.contains("infrastruktur")]
    assert 0 < len(both) < len(seafood)
    assert sorted(table_with(at, column)[column]) == sorted(both["code"])
    at.selectbox(key="measure_detail").select(int(both["id"].iloc[0])).run()
    no_exception(at)
    detail = "\n".join(m.value for m in at.markdown)
    assert "**Målgrupper:** Sjømatbedrifter" in detail
    assert "**Arbeidsformer:** Areal og infrastruktur" in detail


def reporting(measures: pd.DataFrame, quarter: Quarter) -> dict[int, tuple[int, int]]:
    """Per lead actor: (reported, due) for the quarter, worked out here from the
    measure list: due = running in the quarter and not cancelled."""
    period = str(quarter)
    running = measures[
        (measures["start_period"] <= period)
        & (measures["end_period"] >= period)
        & (measures["status"] != Status.CANCELLED.value)
    ]
    out = {}
    for actor_id, group in running.groupby("lead_actor_id"):
        out[int(actor_id)] = (int((group["period"] == period).sum()), len(group))
    return out


def test_actors_page_shows_reported_and_missing_for_the_quarter(
    demo: AppDatabase, plan_id: int
) -> None:
    kupa = demo.principal("kupa")
    at = app(kupa, page=ACTORS)
    no_exception(at)
    quarter = Quarter(2026, 2)  # the demo's last reported quarter (tracker.demo.seed, DEMO_NOW)
    at.selectbox(key="quarter").select(str(quarter)).run()
    no_exception(at)
    with demo.session() as session:
        measures = measure_status(session, plan_id=plan_id, as_of=quarter)
        actors = list_actors(session)
    names = dict(zip(actors["id"], actors["name"], strict=True))
    expected = reporting(measures, quarter)
    assert any(0 < done < due for done, due in expected.values())  # some are missing

    table = table_with(at, i18n.t("actors.reported"))
    shown = dict(zip(table[i18n.t("col.actor")], table[i18n.t("actors.reported")], strict=True))
    for actor_id, (done, due) in expected.items():
        assert shown[names[actor_id]] == i18n.t("actors.reported_of", reported=done, due=due)

    # The actor's own line, preselected for an actor user: reported of due, and
    # a warning when some are missing.
    assert at.selectbox(key="actors_pick").value == kupa.actor_id
    done, due = expected[kupa.actor_id]
    message = i18n.tn("actors.quarter_status", due, reported=done)
    box = at.success if done == due else at.warning
    assert message in [b.value for b in box]


# --- one number, one rounding ------------------------------------------------------------


def test_every_figure_the_pages_show_is_the_summary_files(demo: AppDatabase, plan_id: int) -> None:
    """Seen: Senja kommune 72 % on Oversikt and 73 % on Aktører (72.5). For the last
    finished quarter, Oversikt's key figures, its actor chart and the Aktører table
    say what the summary's XLSX says, rounded the one way."""
    quarter = str(Quarter.last_finished())
    with demo.session() as session:
        summary = build_summary(session, plan_id=plan_id, quarter=Quarter.parse(quarter),
                                produced_by="test")  # fmt: skip
    book = openpyxl.load_workbook(io.BytesIO(render(summary, Format.XLSX, "nb")))
    sheet = {row[0]: row for row in book["Nøkkeltall"].iter_rows(min_row=4, values_only=True)}
    actors = {row[0]: row for row in book["Aktører"].iter_rows(min_row=4, values_only=True)}

    def share(value: float | None) -> str:
        return i18n.format_percent(None if value is None else 100 * value)

    at = app(demo.principal("ordforer"), state={"quarter": quarter})
    no_exception(at)
    assert metric(at, "kpi.measures").value == str(sheet["Tiltak i alt"][1])
    assert metric(at, "kpi.completed").value == share(sheet[i18n.label(Status.COMPLETED)][2])
    progress = metric(at, "kpi.progress")
    assert progress.value == share(sheet["Vektet fremdrift"][2])
    assert sheet["Vektet fremdrift"][3] in texts(at.caption)  # the coverage, said in full
    assert metric(at, "kpi.behind").value == str(sheet["Bak skjema"][1])
    assert metric(at, "kpi.red").value == str(sheet["Alvorlig avvik"][1])
    assert metric(at, "kpi.overdue").value == str(sheet["Forfalt"][1])

    chart = chart_spec(at, "overview_actor_progress")
    on_chart = {
        name: text.split("</b>")[0].removeprefix("<b>")
        for name, text in zip(chart["data"][0]["y"],
                              [a["text"] for a in chart["layout"]["annotations"]], strict=True)
    }  # fmt: skip
    with_progress = {n: v for n, v in on_chart.items() if actors[n][6] is not None}
    assert with_progress and {n: share(actors[n][6]) for n in with_progress} == with_progress
    keys = ("chart.no_measures", "chart.only_cancelled", "chart.group_progress_unknown")
    reasons = {i18n.t(k) for k in (*keys, "chart.no_reports")}
    assert all(on_chart[n] in reasons for n in set(on_chart) - set(with_progress))

    page = app(demo.principal("ordforer"), page="app_pages/actors.py", state={"quarter": quarter})
    no_exception(page)
    table = table_with(page, i18n.t("actors.leads"))
    for name, shown in zip(table[i18n.t("col.actor")], table[i18n.t("col.progress")],
                           strict=True):  # fmt: skip
        if name in actors and not pd.isna(shown):
            assert i18n.format_percent(shown) == share(actors[name][6]), name
