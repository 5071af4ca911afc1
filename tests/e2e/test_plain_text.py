"""A measure whose description, budget and funding hold Markdown, HTML and a bare URL
shows them as text in Chromium: no picture fetched from the typed address, no link
to the typed sites, the signs visible as typed."""

from __future__ import annotations

from playwright.sync_api import Page, expect
from sqlalchemy import Engine, select

from tests.browser import App
from tests.e2e.conftest import choose, go, logged_in, principal
from tracker import db
from tracker.models import Measure
from tracker.service.measure_edits import MeasureInput, save_measure

PAYLOAD = (
    "![x](http://127.0.0.1:9/x.png) [klikk](http://evil.example) **fet** <b>b</b> "
    ":red[r] $x^2$ http://bare.example \u202e\u200b"
)


def typed_into_a_measure(engine: Engine) -> str:
    """The payload in the description, budget and funding of one measure (through the
    service, as the admin form writes); the measure's label in the Tiltak picker."""
    admin = principal(engine, "admin")
    with db.transaction(engine) as session:
        measure = session.scalars(select(Measure).order_by(Measure.id)).first()
        assert measure is not None
        save_measure(
            session, user=admin, plan_id=measure.plan_id, measure_id=measure.id,
            seen_version=measure.version,
            values=MeasureInput(
                code=measure.code, title=measure.title, theme_id=measure.theme_id,
                lead_actor_id=measure.lead_actor_id, start_period=measure.start_period,
                end_period=measure.end_period, description=f"Beskrivelse {PAYLOAD}",
                goal_id=measure.goal_id, weight=measure.weight,
                partners=tuple((p.actor_id, p.role) for p in measure.partners),
                budget=f"Budsjett {PAYLOAD}", funding=measure.funding,
                is_example=measure.is_example,
            ),
        )  # fmt: skip
        return f"{measure.code} {measure.title}"


def test_typed_markdown_and_html_show_as_text(
    page: Page, app_server: App, e2e_engine: Engine
) -> None:
    label = typed_into_a_measure(e2e_engine)
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url))
    logged_in(page, app_server, "ordforer")
    go(page, "page.measures")
    choose(page, "measure_detail", label)
    description = page.get_by_test_id("stMarkdown").filter(has_text="Beskrivelse")
    expect(description.first).to_be_visible()
    shown = description.first.inner_text().replace("\u2060", "")  # ui.text: invisible
    for typed in ("![x](http://127.0.0.1:9/x.png)", "[klikk](http://evil.example)", "**fet**",
                  "<b>b</b>", ":red[r]", "$x^2$", "http://bare.example"):  # fmt: skip
        assert typed in shown, (typed, shown)
    assert page.locator("img[src*='127.0.0.1:9']").count() == 0
    assert page.locator("a[href*='evil.example']").count() == 0
    assert page.locator("a[href*='bare.example']").count() == 0
    budget = page.get_by_test_id("stMarkdown").filter(has_text="Budsjett")
    assert budget.locator("a, img, .katex").count() == 0  # (its labels are bold on purpose)
    assert not [url for url in asked if "127.0.0.1:9" in url]
