"""The tables and charts a leader reads at a glance, in Chromium at 1366 × 768 (a
common laptop): on Tiltak, Oversikt and Aktører every measure list shows its status
columns without a sideways scroll, and a click on a bar of Oversikt's theme or
actor chart narrows a list that is in view right under the chart."""

from __future__ import annotations

from playwright.sync_api import Locator, Page, expect

from tests.browser import App
from tests.e2e.conftest import click_bar, go, logged_in, settled
from tracker import tables
from tracker.i18n import t

WIDTH, HEIGHT = 1366, 768
STATUS_HEADERS = [t(label) for label in tables.STATUS_COLUMNS]


def at_laptop_size(page: Page, app: App) -> None:
    page.set_viewport_size({"width": WIDTH, "height": HEIGHT})
    logged_in(page, app, "ordforer")
    settled(page)


def measure_lists(page: Page) -> list[Locator]:
    """The page's measure lists: the data grids whose first header is «Nr.»."""
    code = t(tables.MEASURE_COLUMNS[0].label)
    grids = page.get_by_test_id("stDataFrame")
    for _ in range(20):  # a rerun under way redraws the grids: ask again until they stand
        expect(grids.locator("th").filter(has_text=code).first).to_be_attached()
        found = [  # a list in a closed expander draws no header: not in view, not counted
            grid
            for grid in grids.all()
            if grid.locator("th").count() and grid.locator("th").first.inner_text().strip() == code
        ]
        if found:
            return found
        page.wait_for_timeout(500)
    return []


def visible_headers(grid: Locator) -> list[str]:
    """The header cells the grid draws: its accessible table holds the columns in
    its visible area only (those scrolled off sideways are not in it)."""
    return [text.strip() for text in grid.locator("th").all_inner_texts()]


def header_boxes(grid: Locator) -> dict[str, tuple[float, float]]:
    """Each column's header cell as (left, right) on the screen: the grid draws its
    headers on a canvas, so they are the grid's left edge plus the widths before
    them (the widths the page gives, tracker.tables), less any sideways scroll."""
    box = grid.bounding_box()
    assert box is not None
    scrolled = grid.locator(".dvn-scroller").first.evaluate("e => e.scrollLeft")
    left = box["x"] - scrolled
    edges = {}
    for column in tables.MEASURE_COLUMNS:
        edges[t(column.label)] = (left, left + column.width)
        left += column.width
    return edges


def assert_status_columns_in_view(grid: Locator) -> None:
    grid.scroll_into_view_if_needed()
    expect(grid.locator("th").first).to_be_attached()
    shown = visible_headers(grid)
    assert all(name in shown for name in STATUS_HEADERS), shown
    box = grid.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= WIDTH
    edges = header_boxes(grid)
    for name in [t(tables.MEASURE_COLUMNS[1].label), *STATUS_HEADERS]:
        left, right = edges[name]
        assert box["x"] <= left and right <= box["x"] + box["width"] <= WIDTH, (name, edges, box)


def in_window(locator: Locator) -> bool:
    box = locator.bounding_box()
    return box is not None and box["y"] >= 0 and box["y"] + 60 <= HEIGHT


def test_the_status_columns_fit_on_tiltak_and_aktorer_at_1366(page: Page, app_server: App) -> None:
    at_laptop_size(page, app_server)
    for title in ("page.measures", "page.actors"):
        go(page, title)
        settled(page)
        lists = measure_lists(page)
        assert lists, title
        for grid in lists:
            assert_status_columns_in_view(grid)
    # Aktører's table of every actor: each column is drawn, none scrolled off
    table = page.get_by_test_id("stDataFrame").first
    assert visible_headers(table) == [t(c.label) for c in tables.ACTOR_COLUMNS]


def test_a_bar_click_narrows_a_list_in_view_with_its_status_columns(
    page: Page, app_server: App
) -> None:
    at_laptop_size(page, app_server)
    go(page, "page.overview")
    for chart in ("overview_theme_progress", "overview_actor_progress"):
        click_bar(page, chart)
        narrowed = page.locator(f".st-key-{chart}_narrowed")
        expect(narrowed).to_be_visible()
        settled(page)
        expect(narrowed).to_contain_text(t("tables.clear"))
        assert in_window(narrowed), narrowed.bounding_box()  # no scrolling to find it
        grid = narrowed.get_by_test_id("stDataFrame")
        assert in_window(grid), grid.bounding_box()
        assert_status_columns_in_view(grid)
        narrowed.get_by_role("button", name=t("tables.clear")).click()
        expect(narrowed).to_have_count(0)
        settled(page)
    assert_status_columns_in_view(measure_lists(page)[-1])  # the list of all at the bottom
