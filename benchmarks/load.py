"""Several people at once: N Chromium pages, each logged in as a different actor,
open Oversikt and save a status report, over and over for a fixed time, against one
`streamlit run dashboard.py` on the 10x data set.

    .venv/bin/python -m benchmarks.load            # 5, 10, 20 users; SQLite and PostgreSQL
    .venv/bin/python -m benchmarks.load --users 10 --seconds 60 --databases sqlite

Per run: the time from clicking Oversikt to its key figures being drawn (p50, p95),
reports saved per second, reports that failed (an error, a conflict, a timeout),
and the server's peak memory (VmHWM of the streamlit process). PostgreSQL runs use
their own database (--postgres-url, default tracker_load), made afresh each run.
Prints a Markdown table for docs/BENCHMARKS.md. Needs Debian's chromium.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from playwright.async_api import Page, async_playwright
from sqlalchemy import create_engine, select, text, update
from sqlalchemy.engine import make_url

from benchmarks.scale import generate
from tests.browser import CHROMIUM, CHROMIUM_ARGS, App, start_app
from tracker import db
from tracker.i18n import t
from tracker.models import Measure
from tracker.quarters import Quarter
from tracker.service.principal import SYSTEM
from tracker.service.users import create_user
from tracker.vocab import Role

PASSWORD = "load-password-1"
STEP_TIMEOUT = 60_000  # ms


@dataclass
class Tally:
    overview_seconds: list[float] = field(default_factory=list)
    saved: int = 0
    failed: int = 0


def prepare(url: str, users: int) -> None:
    """The 10x data, its measures ending last quarter running on into this one (so
    there is something to report now), and one actor user per leading actor."""
    generate(url, 10)
    engine = db.make_engine(url)
    last, now = str(Quarter.last_finished()), str(Quarter.current())
    with db.transaction(engine) as session:
        session.execute(update(Measure).where(Measure.end_period == last).values(end_period=now))
        running = select(Measure.lead_actor_id).where(Measure.end_period == now).distinct()
        actors = list(session.scalars(running))[:users]
        for number, actor_id in enumerate(actors):
            create_user(
                session, user=SYSTEM, username=f"last{number}", role=Role.ACTOR,
                password=PASSWORD, actor_id=actor_id,
            )  # fmt: skip
    engine.dispose()
    if len(actors) < users:
        raise SystemExit(f"only {len(actors)} actors lead running measures; asked for {users}")


def fresh_postgres(url: str) -> None:
    """Drop and create the benchmark's own PostgreSQL database."""
    target = make_url(url)
    admin = create_engine(target.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{target.database}" WITH (FORCE)'))
        connection.execute(text(f'CREATE DATABASE "{target.database}"'))
    admin.dispose()


async def settled(page: Page) -> None:
    await page.get_by_test_id("stStatusWidget").wait_for(state="detached", timeout=STEP_TIMEOUT)


async def user_loop(page: Page, app: App, username: str, deadline: float, tally: Tally) -> None:
    await page.goto(app.url)
    await page.get_by_label(t("login.username")).fill(username)
    await page.get_by_label(t("login.password"), exact=True).fill(PASSWORD)
    await page.get_by_role("button", name=t("login.submit")).click()
    nav = page.get_by_test_id("stSidebarNav")
    await nav.wait_for(timeout=STEP_TIMEOUT)
    number = 0
    while time.monotonic() < deadline:
        number += 1
        start = time.perf_counter()
        await nav.get_by_role("link", name=t("page.overview")).click()
        await page.get_by_test_id("stMetricLabel").get_by_text(t("kpi.progress")).wait_for()
        await settled(page)
        tally.overview_seconds.append(time.perf_counter() - start)
        try:
            await nav.get_by_role("link", name=t("page.report")).click()
            box = page.locator("[class*='st-key-report_'][class*='_comment'] textarea")
            await box.fill(f"Lasttest {username} nr. {number}")
            await box.press("Control+Enter")
            await settled(page)
            await page.locator("[class*='st-key-report_'][class*='_save'] button").click()
            await page.get_by_text(" er lagret.").wait_for(timeout=STEP_TIMEOUT)
            tally.saved += 1
        except Exception:  # a timeout, a conflict message instead of "lagret", an error
            tally.failed += 1


def cpu_seconds(pid: int) -> float:
    """User + system CPU time the process has used so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def peak_memory_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


@dataclass
class Result:
    tally: Tally
    elapsed: float
    peak_mib: float
    server_cpu: float  # share of one core the server used during the run


async def run(url: str, users: int, seconds: float, home: Path) -> Result:
    app = start_app(url, home)
    tally = Tally()
    try:
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(
                executable_path=str(CHROMIUM), args=CHROMIUM_ARGS
            )
            contexts = [await browser.new_context(locale="nb-NO") for _ in range(users)]
            pages = [await context.new_page() for context in contexts]
            for page in pages:
                page.set_default_timeout(STEP_TIMEOUT)
            began, cpu_before = time.monotonic(), cpu_seconds(app.process.pid)
            deadline = began + seconds
            await asyncio.gather(
                *(user_loop(p, app, f"last{i}", deadline, tally) for i, p in enumerate(pages))
            )
            elapsed = time.monotonic() - began
            cpu = (cpu_seconds(app.process.pid) - cpu_before) / elapsed
            await browser.close()
        return Result(tally, elapsed, peak_memory_mib(app.process.pid), cpu)
    finally:
        app.stop()


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, nargs="+", default=[5, 10, 20])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--databases", nargs="+", default=["sqlite", "postgres"])
    parser.add_argument(
        "--postgres-url", default="postgresql+psycopg://postgres@127.0.0.1:5432/tracker_load"
    )
    args = parser.parse_args()
    print("| database | users | Oversikt p50 (s) | p95 (s) | reports saved | per second "
          "| failed | server CPU (cores) | server peak (MiB) |")  # fmt: skip
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for kind in args.databases:
        for users in args.users:
            with tempfile.TemporaryDirectory() as folder:
                if kind == "postgres":
                    url = args.postgres_url
                    fresh_postgres(url)
                else:
                    url = f"sqlite:///{folder}/load.db"
                prepare(url, users)
                result = asyncio.run(run(url, users, args.seconds, Path(folder)))
            times, tally = result.tally.overview_seconds, result.tally
            print(
                f"| {kind} | {users} | {statistics.median(times):.2f} | "
                f"{percentile(times, 0.95):.2f} | {tally.saved} | "
                f"{tally.saved / result.elapsed:.2f} | {tally.failed} | "
                f"{result.server_cpu:.2f} | {result.peak_mib:,.0f} |",
                flush=True,
            )


if __name__ == "__main__":
    main()
