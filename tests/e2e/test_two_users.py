"""Two users, two browsers, one measure both may report status on (its lead actor's
user and the municipality's admin), both pressing Lagre at the same moment: one
report is stored, the other user is shown the conflict with both versions and their
own text intact, saves again, and the history keeps both."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect
from sqlalchemy import Engine

from tests.browser import UI_TIMEOUT, App
from tests.e2e.conftest import (
    choose,
    expect_in_preview,
    failed,
    go,
    logged_in,
    principal,
    results_folder,
)
from tracker import db
from tracker.quarters import Quarter
from tracker.service.measures import measure_status
from tracker.service.principal import reportable_measure_ids
from tracker.service.status import measure_history
from tracker.service.structure import get_plan

ACTOR_USERS = ("sjomatklyngen", "naeringshagen", "kupa", "studiesenteret", "bkn")
SAVED = re.compile(r"Rapport for .+ er lagret\.")
CONFLICT = re.compile(r"er oppdatert av .+ etter at du åpnet det")


def shared_measure(engine: Engine) -> tuple[str, str, int, str]:
    """A lead actor's user, the admin, and a measure running now the actor leads
    (status is the lead's; the admin may report on anything)."""
    with db.read_session(engine) as session:
        plan_id = get_plan(session).id
        status = measure_status(session, plan_id=plan_id)
        now = str(Quarter.current())
        running = status[(status["start_period"] <= now) & (status["end_period"] >= now)]
        for user in ACTOR_USERS:
            led = running[running["id"].isin(
                reportable_measure_ids(session, principal(engine, user)) or ()
            )]  # fmt: skip
            if not led.empty:
                row = led.iloc[0]
                return user, "admin", int(row["id"]), f"{row['code']} {row['title']}"
    pytest.fail("the demo has no running measure led by an actor with a demo user")


def field(measure_id: int, name: str) -> str:
    """The report form's widget (its keys hold the quarter: ui.report_form.key)."""
    return f".st-key-report_{measure_id}_{Quarter.current()}_{name}"


@pytest.fixture
def two_pages(
    browser: Browser, browser_context_args: dict[str, Any], request: pytest.FixtureRequest
) -> Iterator[tuple[Page, Page]]:
    contexts = [browser.new_context(**browser_context_args) for _ in range(2)]
    pages = [context.new_page() for context in contexts]
    for page in pages:
        page.set_default_timeout(UI_TIMEOUT)
    yield pages[0], pages[1]
    if failed(request.node):  # keep what each user saw
        for number, page in enumerate(pages, start=1):
            page.screenshot(path=results_folder(request.node) / f"user-{number}.png")
    for context in contexts:
        context.close()


def open_form(page: Page, app: App, username: str, label: str, measure_id: int, text: str) -> None:
    logged_in(page, app, username)
    go(page, "page.report")
    choose(page, "report_measure", label)
    box = page.locator(f"{field(measure_id, 'comment')} textarea")
    box.fill(text)
    box.press("Control+Enter")
    expect_in_preview(page, text)


def test_two_users_report_on_one_measure_at_once_and_nothing_is_lost(
    two_pages: tuple[Page, Page], app_server: App, e2e_engine: Engine
) -> None:
    first_user, second_user, measure_id, label = shared_measure(e2e_engine)
    texts = {u: f"E2E samtidig fra {u} {uuid.uuid4().hex[:6]}" for u in (first_user, second_user)}
    pages = dict(zip((first_user, second_user), two_pages, strict=True))
    for user, page in pages.items():
        open_form(page, app_server, user, label, measure_id, texts[user])

    for page in pages.values():  # both press Lagre, neither waiting for the other
        page.locator(f"{field(measure_id, 'save')} button").click(no_wait_after=True)

    outcome = {}
    for user, page in pages.items():
        message = page.get_by_text(SAVED).or_(page.get_by_text(CONFLICT))
        expect(message.first).to_be_visible()
        outcome[user] = "saved" if page.get_by_text(SAVED).count() else "conflict"
    assert sorted(outcome.values()) == ["conflict", "saved"], outcome

    late = next(user for user, result in outcome.items() if result == "conflict")
    page = pages[late]
    box = page.locator(f"{field(measure_id, 'comment')} textarea")
    expect(box).to_have_value(texts[late])  # what the user typed is still there
    page.locator(f".st-key-report_{measure_id}_keep_mine button").click()
    expect(page.get_by_text(CONFLICT)).to_have_count(0)  # that rerun is done
    page.locator(f"{field(measure_id, 'save')} button").click()
    expect(page.get_by_text(SAVED)).to_be_visible()

    with db.read_session(e2e_engine) as session:
        comments = measure_history(session, measure_id)["comment"].tolist()
    assert texts[first_user] in comments and texts[second_user] in comments
