"""The tables a leader reads at a glance (tracker.tables, ui.widgets): every measure
list in one column order with the status columns first and the partners last and
shortened, each column with its width; Aktører's table likewise. AppTest on the demo
data; tests/e2e/test_tables.py checks the same lists in Chromium at 1366 px."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from tests.apptest_helpers import AppDatabase, app, demo_database, frame, no_exception, texts
from tracker import i18n, tables
from tracker.service.measures import measure_status
from tracker.service.structure import list_actors, list_plans

OVERVIEW, MEASURES, ACTORS = "app_pages/overview.py", "app_pages/measures.py", "app_pages/actors.py"
ORDER = [
    "col.code", "col.title", "col.status", "col.progress", "col.rag", "col.last_reported",
    "col.lead", "col.theme", "col.partners",
]  # fmt: skip


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppDatabase]:
    with demo_database(tmp_path_factory, "tables") as database:
        yield database


@pytest.fixture(scope="module")
def plan_id(demo: AppDatabase) -> int:
    with demo.session() as session:
        return int(list_plans(session)["id"].iloc[0])


def test_short_list_names_two_and_counts_the_rest() -> None:
    assert tables.short_list([]) == ""
    assert tables.short_list(["Kupa"]) == "Kupa"
    assert tables.short_list(["Kupa", "Næringshagen"]) == "Kupa, Næringshagen"
    five = ["Kupa", "Næringshagen", "NAV", "BKN", "IN Arktis"]
    assert tables.short_list(five) == "Kupa, Næringshagen + 3"
    assert tables.short_list(["Kupa", " ", "NAV"]) == "Kupa, NAV"  # no empty names


def test_the_column_order_is_status_first_partners_last() -> None:
    labels = [c.label for c in tables.MEASURE_COLUMNS]
    assert labels == ORDER
    assert labels[2:6] == list(tables.STATUS_COLUMNS)
    compact = [c.label for c in tables.MEASURE_COLUMNS if c.compact]
    assert compact == [*ORDER[:7]]  # Rapporter: without theme and partners


def widths(element: object) -> dict[str, int]:
    """column label -> width as the page sent it to the browser."""
    config = json.loads(element.proto.columns)  # type: ignore[attr-defined]
    return {name: spec.get("width") for name, spec in config.items() if name != "_index"}


def measure_lists(at: object) -> list[object]:
    code = i18n.t("col.code")
    return [d for d in at.dataframe if code in frame(d).columns]  # type: ignore[attr-defined]


@pytest.mark.parametrize("page", [MEASURES, OVERVIEW, ACTORS])
def test_every_measure_list_has_the_one_order_and_widths(demo: AppDatabase, page: str) -> None:
    at = app(demo.principal("ordforer"), page=page)
    no_exception(at)
    lists = measure_lists(at)
    assert lists, f"no measure list on {page}"
    wanted = {i18n.t(c.label): c.width for c in tables.MEASURE_COLUMNS}
    for element in lists:
        assert list(frame(element).columns) == [i18n.t(label) for label in ORDER]
        assert widths(element) == wanted
    # what fits beside the sidebar at 1366 px (906 px wide) holds every status column
    up_to_status = tables.MEASURE_COLUMNS[: ORDER.index("col.last_reported") + 1]
    assert sum(c.width for c in up_to_status) <= 900


def test_the_partners_are_shortened_and_the_detail_has_them_all(
    demo: AppDatabase, plan_id: int
) -> None:
    at = app(demo.principal("ordforer"), page=MEASURES)
    no_exception(at)
    with demo.session() as session:
        measures = measure_status(session, plan_id=plan_id).set_index("code")
        actors = list_actors(session).set_index("id")
    listed = frame(measure_lists(at)[0]).set_index(i18n.t("col.code"))
    many = [code for code, names in measures["partner_names"].items() if len(names) > 2]
    assert many, "the demo has measures with more than two partners"
    for code in many:
        ids = measures.loc[code, "partner_ids"]
        short = [actors.loc[i, "short_name"] or actors.loc[i, "name"] for i in ids]
        cell = listed.loc[code, i18n.t("col.partners")]
        assert cell == f"{short[0]}, {short[1]} + {len(ids) - 2}"
    code = many[0]
    at.selectbox(key="measure_detail").select(int(measures.loc[code, "id"])).run()
    detail = "\n".join(texts(at.markdown))
    assert measures.loc[code, "partners"] in detail  # every partner, by full name


def test_the_actor_table_fits_with_every_column(demo: AppDatabase) -> None:
    at = app(demo.principal("ordforer"), page=ACTORS)
    no_exception(at)
    table = at.dataframe[0]  # the first list on Aktører: every actor
    assert list(frame(table).columns) == [i18n.t(c.label) for c in tables.ACTOR_COLUMNS]
    assert widths(table) == {i18n.t(c.label): c.width for c in tables.ACTOR_COLUMNS}
    assert sum(c.width for c in tables.ACTOR_COLUMNS) <= 900
