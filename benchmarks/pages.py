"""Time each page's script run with AppTest and count its SQL statements.

    .venv/bin/python -m benchmarks.pages            # demo, 10x and 100x
    .venv/bin/python -m benchmarks.pages --sizes demo

For each page: one warm-up run, then the median of repeated reruns with the
cache warm (what a user sees on every click) and with the cache cleared (the
first view after a write). Prints a Markdown table for docs/BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import streamlit as st
from sqlalchemy import Engine, event
from streamlit import config as st_config
from streamlit.testing.v1 import AppTest

from benchmarks.scale import generate
from tracker import db
from tracker.demo.seed import DEMO_PASSWORDS, load_demo
from tracker.service.login import authenticate
from tracker.service.principal import Principal

ROOT = Path(__file__).resolve().parent.parent
PAGES = (
    "overview", "measures", "actors", "collaboration", "coordination", "wheel", "instruments",
    "meeting",
    "report", "export", "admin",
)  # fmt: skip
WARM_RUNS = 7
COLD_RUNS = 3


class StatementCounter:
    def __init__(self) -> None:
        self.count = 0
        event.listen(Engine, "before_cursor_execute", self._count)

    def _count(self, *_args: object) -> None:
        self.count += 1


@contextmanager
def database(size: str) -> Iterator[tuple[str, str]]:
    """A temp database of the given size and the (username, password) to use."""
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{folder}/bench.db"
        if size == "demo":
            engine = db.make_engine(url)
            db.migrate(engine)
            with db.transaction(engine) as session:
                load_demo(session)
            engine.dispose()
            yield url, f"admin:{DEMO_PASSWORDS['admin']}"
        else:
            generate(url, int(size.rstrip("x")))
            yield url, "bench-admin:bench-password-1"


def principal(url: str, login: str) -> Principal:
    username, password = login.split(":")
    engine = db.make_engine(url)
    with db.transaction(engine) as session:
        found = authenticate(session, username, password)
    engine.dispose()
    return found


def run_page(page: str, who: Principal) -> AppTest:
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
    app.session_state["principal"] = who
    app.run()
    app.switch_page(f"app_pages/{page}.py")
    return app


def measure(app: AppTest, counter: StatementCounter, runs: int, cold: bool) -> tuple[float, int]:
    times, statements = [], []
    for _ in range(runs):
        if cold:
            st.cache_data.clear()
        before = counter.count
        start = time.perf_counter()
        app.run()
        times.append(time.perf_counter() - start)
        statements.append(counter.count - before)
        if app.exception:
            raise RuntimeError(f"page failed: {app.exception}")
    return statistics.median(times) * 1000, max(statements)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="demo,10x,100x")
    parser.add_argument("--pages", default=",".join(PAGES))
    args = parser.parse_args()
    st_config.set_option("runner.magicEnabled", False)
    counter = StatementCounter()
    print("| data | page | warm median (ms) | SQL warm | cold median (ms) | SQL cold |")
    print("|---|---|---:|---:|---:|---:|")
    for size in args.sizes.split(","):
        with database(size) as (url, login):
            os.environ[db.URL_VARIABLE] = url
            who = principal(url, login)
            for page in args.pages.split(","):
                app = run_page(page, who)
                warm, warm_sql = measure(app, counter, WARM_RUNS, cold=False)
                cold, cold_sql = measure(app, counter, COLD_RUNS, cold=True)
                print(
                    f"| {size} | {page} | {warm:.0f} | {warm_sql} | {cold:.0f} | {cold_sql} |",
                    flush=True,
                )
            st.cache_resource.clear()


if __name__ == "__main__":
    main()
