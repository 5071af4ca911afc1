"""Which pages exist, and which role may see each. The navigation is built from
this list on every run. A page a role may not see is not in its menu, and its
address says so in the user's language (the service refuses its writes anyway);
before the login every page's address shows the login, which then opens it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import streamlit as st

from tracker import i18n
from tracker.links import MEASURES_PATH, REPORT_PATH
from tracker.vocab import Role
from ui.state import lang, t

ROOT = Path(__file__).resolve().parent.parent
EVERYONE = frozenset(Role)


@dataclass(frozen=True)
class PageSpec:
    file: str
    title_key: str
    icon: str
    url_path: str
    roles: frozenset[Role]


PAGES = (
    PageSpec(
        "app_pages/overview.py", "page.overview", ":material/dashboard:", "oversikt", EVERYONE
    ),
    PageSpec(
        "app_pages/measures.py", "page.measures", ":material/checklist:", MEASURES_PATH, EVERYONE
    ),
    PageSpec("app_pages/actors.py", "page.actors", ":material/groups:", "aktorer", EVERYONE),
    PageSpec(
        "app_pages/collaboration.py", "page.collaboration", ":material/hub:", "samarbeid", EVERYONE
    ),
    PageSpec(
        "app_pages/coordination.py",
        "page.coordination",
        ":material/join_inner:",
        "samordning",
        EVERYONE,
    ),
    PageSpec("app_pages/wheel.py", "page.wheel", ":material/event:", "arshjul", EVERYONE),
    PageSpec(
        "app_pages/instruments.py",
        "page.instruments",
        ":material/volunteer_activism:",
        "virkemidler",
        EVERYONE,
    ),
    PageSpec(
        "app_pages/meeting.py",
        "page.meeting",
        ":material/handshake:",
        "samhandlingsmote",
        EVERYONE,
    ),
    PageSpec(
        "app_pages/indicators.py",
        "page.indicators",
        ":material/monitoring:",
        "indikatorer",
        EVERYONE,
    ),
    PageSpec(
        "app_pages/report.py",
        "page.report",
        ":material/edit_note:",
        REPORT_PATH,
        frozenset({Role.ADMIN, Role.ACTOR}),
    ),
    PageSpec(
        "app_pages/export.py",
        "page.export",
        ":material/description:",
        "eksport",
        frozenset({Role.ADMIN, Role.LEADER}),
    ),
    PageSpec(
        "app_pages/admin.py",
        "page.admin",
        ":material/settings:",
        "admin",
        frozenset({Role.ADMIN}),
    ),
)


def visible_specs(role: Role) -> list[PageSpec]:
    return [spec for spec in PAGES if role in spec.roles]


def pages_for(role: Role) -> list[st.Page]:
    visible = [
        st.Page(
            str(ROOT / spec.file),
            title=t(spec.title_key),
            icon=spec.icon,
            url_path="" if index == 0 else spec.url_path,
            default=index == 0,
        )
        for index, spec in enumerate(visible_specs(role))
    ]
    start = visible_specs(role)[0]
    # The default page lives at "/", and Streamlit does not find it by its own path
    # (it serves "/oversikt" as «Page not found»): a hidden twin there opens it.
    alias = st.Page(
        str(ROOT / start.file),
        title=t(start.title_key),
        url_path=start.url_path,
        visibility="hidden",
    )
    hidden = [
        st.Page(
            _not_for_role(spec, role),
            title=t(spec.title_key),
            url_path=spec.url_path,
            visibility="hidden",
        )
        for spec in PAGES
        if role not in spec.roles
    ]
    return [*visible, alias, *hidden]


def login_pages(login: Callable[[], None], title: str) -> list[st.Page]:
    """The login at the start page and at every page's address (hidden): a deep
    link or a reload while logged out keeps its address, and the login returns to it."""
    return [st.Page(login, title=title, default=True)] + [
        st.Page(login, title=title, url_path=spec.url_path, visibility="hidden") for spec in PAGES
    ]


def _not_for_role(spec: PageSpec, role: Role) -> Callable[[], None]:
    def page() -> None:
        st.title(t(spec.title_key))
        st.warning(t("page.not_for_role", page=t(spec.title_key), role=i18n.label(role, lang())))

    page.__name__ = f"not_for_role_{spec.url_path}"
    return page
