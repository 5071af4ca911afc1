"""Which pages exist, and which role may see each. The navigation is built from
this list on every run: a page a role may not see is not registered at all, so
its URL does not work either."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import streamlit as st

from tracker.vocab import Role
from ui.state import t

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
    PageSpec("pages/overview.py", "page.overview", ":material/dashboard:", "oversikt", EVERYONE),
    PageSpec("pages/measures.py", "page.measures", ":material/checklist:", "tiltak", EVERYONE),
    PageSpec("pages/actors.py", "page.actors", ":material/groups:", "aktorer", EVERYONE),
    PageSpec(
        "pages/collaboration.py", "page.collaboration", ":material/hub:", "samarbeid", EVERYONE
    ),
    PageSpec(
        "pages/coordination.py",
        "page.coordination",
        ":material/join_inner:",
        "samordning",
        EVERYONE,
    ),
    PageSpec("pages/wheel.py", "page.wheel", ":material/event:", "arshjul", EVERYONE),
    PageSpec(
        "pages/indicators.py", "page.indicators", ":material/monitoring:", "indikatorer", EVERYONE
    ),
    PageSpec(
        "pages/report.py",
        "page.report",
        ":material/edit_note:",
        "rapporter",
        frozenset({Role.ADMIN, Role.ACTOR}),
    ),
    PageSpec(
        "pages/export.py",
        "page.export",
        ":material/description:",
        "eksport",
        frozenset({Role.ADMIN, Role.LEADER}),
    ),
    PageSpec(
        "pages/admin.py",
        "page.admin",
        ":material/settings:",
        "admin",
        frozenset({Role.ADMIN}),
    ),
)


def visible_specs(role: Role) -> list[PageSpec]:
    return [spec for spec in PAGES if role in spec.roles]


def pages_for(role: Role) -> list[st.Page]:
    return [
        st.Page(
            str(ROOT / spec.file),
            title=t(spec.title_key),
            icon=spec.icon,
            url_path=spec.url_path,
            default=index == 0,
        )
        for index, spec in enumerate(visible_specs(role))
    ]
