"""The pages as a person meets them: the real server (`streamlit run app.py`, with the
garbage collection it runs after every script run, which AppTest skips) and Chromium.
Logged in as the admin, each page is opened from the menu RUNS times; the time is from
the click to the page's run being done (Streamlit's running indicator gone).

    .venv/bin/python -m benchmarks.server_pages                    # demo and 100x
    .venv/bin/python -m benchmarks.server_pages --sizes demo --pages actors,meeting

Prints a Markdown table for docs/BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from playwright.sync_api import Page, expect, sync_playwright

from benchmarks.pages import database
from tests.browser import CHROMIUM, CHROMIUM_ARGS, start_app
from tracker.i18n import t
from ui.nav import PAGES

RUNS = 5
BY_NAME = {Path(spec.file).stem: spec for spec in PAGES}


def log_in(page: Page, url: str, login: str) -> None:
    username, password = login.split(":")
    page.goto(url)
    page.fill("form.tracker-form input[name=username]", username)
    page.fill("form.tracker-form input[name=password]", password)
    page.click("form.tracker-form button.primary")
    expect(page.get_by_role("heading", name=t("page.overview"))).to_be_visible(timeout=120_000)


def done(page: Page) -> None:
    page.wait_for_timeout(50)  # the indicator shows once the run has started
    expect(page.get_by_test_id("stStatusWidget")).to_have_count(0, timeout=120_000)


def open_page(page: Page, name: str) -> float:
    spec = BY_NAME[name]
    start = time.perf_counter()
    page.get_by_test_id("stSidebarNav").get_by_role("link", name=t(spec.title_key)).click()
    expect(page.get_by_role("heading", name=t(spec.title_key), exact=True)).to_be_visible(
        timeout=120_000
    )
    done(page)
    return (time.perf_counter() - start) * 1000


def measure(size: str, pages: list[str]) -> list[tuple[str, str, float, float]]:
    rows = []
    with database(size) as (url, login), tempfile.TemporaryDirectory() as home:
        app = start_app(url, Path(home))
        try:
            with sync_playwright() as play:
                browser = play.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
                page = browser.new_page(viewport={"width": 1366, "height": 900})
                log_in(page, app.url, login)
                for name in pages:
                    first = open_page(page, name)  # its data read and cached
                    again = []
                    for _ in range(RUNS):  # from another page, as a person comes back
                        open_page(page, "overview")
                        again.append(open_page(page, name))
                    rows.append((size, name, first, statistics.median(again)))
                browser.close()
        finally:
            app.stop()
    return rows


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="demo,100x")
    parser.add_argument(
        "--pages", default="actors,collaboration,coordination,wheel,instruments,meeting"
    )
    args = parser.parse_args()
    print("| data | page | first view (ms) | again, median (ms) |")
    print("|---|---|---:|---:|")
    for size in args.sizes.split(","):
        for row in measure(size, args.pages.split(",")):
            print(f"| {row[0]} | {row[1]} | {row[2]:.0f} | {row[3]:.0f} |", flush=True)


if __name__ == "__main__":
    main()
