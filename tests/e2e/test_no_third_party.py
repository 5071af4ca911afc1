"""No request leaves the app's host: the login page, and an admin, a leader and an
actor, each in a browser of its own on every page the navigation gives them
(ui/nav.py PAGES), every Admin tab and a drawn chart. Every request the browser
makes is recorded, and any to another host fails the test with its URLs; so does
anything the Content-Security-Policy (web/headers.py) refused, since that is an
outside fetch or something of the app's own that the policy broke."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import ConsoleMessage, Page, Request, expect

from tests.browser import App, nav_titles
from tests.e2e.conftest import go, logged_in, open_tab, settled
from tracker.i18n import CATALOGUE, t
from tracker.vocab import Role
from ui.assets import FAVICON
from ui.nav import visible_specs
from web.headers import content_security_policy

USERS = {Role.ADMIN: "admin", Role.LEADER: "ordforer", Role.ACTOR: "kupa"}
OUTSIDE_IMAGE = "https://fonts.gstatic.com/s/i/insights.svg"  # where the favicon came from
ADMIN_TABS = sorted(key for key in CATALOGUE if key.startswith("adminpage.tab."))


class Requests:
    """What the browser asked for, and what the CSP refused, while it was watched."""

    def __init__(self, page: Page, app: App) -> None:
        self.host = urlsplit(app.url).netloc
        self.outside: list[str] = []
        self.refused: list[str] = []
        page.context.on("request", self._request)
        page.on("console", self._console)

    def _request(self, request: Request) -> None:
        parts = urlsplit(request.url)
        if parts.scheme in ("data", "blob", "about"):
            return  # made in the browser, sent nowhere
        if parts.netloc != self.host:
            self.outside.append(f"{request.method} {request.url}")

    def _console(self, message: ConsoleMessage) -> None:
        if "Content Security Policy" in message.text:
            self.refused.append(message.text)

    def check(self, where: str) -> None:
        assert not self.outside, f"{where}: requests to other hosts:\n" + "\n".join(self.outside)
        assert not self.refused, f"{where}: refused by the CSP:\n" + "\n".join(self.refused)


def favicon_is_the_apps(page: Page, app: App) -> None:
    """The tab's icon is assets/favicon.png, from the app's host (not Streamlit's
    default, which the page replaces once set_page_config has run)."""
    icon = page.locator("link[rel='shortcut icon']")
    expect(icon).to_have_attribute("href", re.compile(rf"^{re.escape(app.url)}/media/"))
    href = icon.get_attribute("href") or ""
    answer = page.request.get(href)
    assert answer.ok and answer.headers["content-type"] == "image/png", href
    assert answer.body() == FAVICON.read_bytes()


def every_page(page: Page, role: Role) -> None:
    specs = visible_specs(role)
    assert nav_titles(page) == [t(spec.title_key) for spec in specs]
    for spec in specs:
        go(page, spec.title_key)
        settled(page)
        if spec.url_path == "oversikt":  # a chart, drawn: plotly's code has loaded
            chart = page.get_by_test_id("stPlotlyChart").first
            expect(chart.locator(".main-svg").first).to_be_visible()
        if spec.url_path == "admin":
            for key in ADMIN_TABS:
                open_tab(page, t(key))
                settled(page)


def test_the_login_page_asks_nothing_of_another_host(page: Page, app_server: App) -> None:
    watched = Requests(page, app_server)
    answer = page.goto(app_server.url)
    assert answer is not None
    assert answer.headers["content-security-policy"] == content_security_policy()
    expect(page.get_by_label(t("login.username"))).to_be_visible()
    settled(page)
    page.wait_for_load_state("networkidle")
    watched.check("the login page")
    favicon_is_the_apps(page, app_server)


def test_the_browser_refuses_what_would_go_elsewhere(page: Page, app_server: App) -> None:
    """Should a page ever point at another host, the CSP stops the browser."""
    page.goto(app_server.url)
    expect(page.get_by_label(t("login.username"))).to_be_visible()
    refused = page.evaluate(
        """url => new Promise(resolve => {
            document.addEventListener("securitypolicyviolation",
                event => resolve([event.blockedURI, event.effectiveDirective]));
            const image = new Image();
            image.src = url;
            document.body.append(image);
        })""",
        OUTSIDE_IMAGE,
    )
    assert refused == [OUTSIDE_IMAGE, "img-src"]


@pytest.mark.parametrize("role", list(USERS), ids=lambda role: role.value)
def test_no_page_sends_the_browser_to_another_host(page: Page, app_server: App, role: Role) -> None:
    """Each role in a browser of its own, from the login page to its last page."""
    watched = Requests(page, app_server)
    logged_in(page, app_server, USERS[role])
    every_page(page, role)
    page.wait_for_load_state("networkidle")
    watched.check(f"{role.value} ({USERS[role]})")
    favicon_is_the_apps(page, app_server)
