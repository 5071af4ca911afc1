"""What users typed, shown as itself where Streamlit reads Markdown (st.markdown,
st.write, captions, alerts, titles, toasts, widget and tab labels, radio options,
st.table cells, help texts). Selectbox and multiselect options and dataframe cells
show text as text already: they take the raw text."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from tracker import i18n
from tracker.errors import Problem, Term, TrackerError
from tracker.markdown_text import as_plain_markdown
from tracker.service.contributions import LINK
from ui.state import lang

MISSING = "–"
"""What a missing value shows (a table cell, a figure), as tracker.i18n's formats write it."""
_URL_SAFE = ":/?#@!$&'*+,;=%~-._"  # kept as typed; brackets, <, > and backslashes quoted


def plain(value: object) -> str:
    """Stored text for a Markdown-reading element: it shows exactly as typed."""
    return as_plain_markdown(value)


def t_md(key: str, **params: Any) -> str:
    """The catalogue text for a Markdown-reading element, its values shown as typed
    (the catalogue's own Markdown stays)."""
    shown = {name: plain(v) if isinstance(v, str) else v for name, v in params.items()}
    return i18n.t(key, lang(), **shown)


def error_text(error: TrackerError | Problem) -> str:
    """An error's or a problem's message for a Markdown-reading element (st.error …),
    the stored values in it shown as typed. A form's text over its limit is said with
    both numbers and that the text is still in the field (no form cuts a paste)."""
    problems = [error] if isinstance(error, Problem) else error.problems
    if not any(_too_long_in_form(p) for p in problems):
        return error.text(lang(), shown=plain)
    return "\n".join(
        _too_long_text(p) if _too_long_in_form(p) else p.text(lang(), shown=plain) for p in problems
    )


def _too_long_in_form(problem: Problem) -> bool:
    return problem.key == "field.too_long" and problem.row is None  # a row: an import


def _too_long_text(problem: Problem) -> str:
    """«Kommentar er 25 000 tegn; grensen er 20 000. …» from the service's problem."""
    name = problem.params["name"]
    return i18n.t(
        "tables.too_long",
        lang(),
        name=i18n.t(name.key, lang()) if isinstance(name, Term) else plain(name),
        length=i18n.format_number(problem.params["length"], lang()),
        limit=i18n.format_number(problem.params["limit"], lang()),
    )


def link(text: object, url: object) -> str:
    """A Markdown link for a link field: the text shown as typed; only an http(s) URL
    becomes a link, anything else is shown as plain text."""
    address = "" if url is None else str(url).strip()
    if not LINK.match(address):  # the link fields' own rule
        return plain(address if text is None else text)
    return f"[{plain(text or address)}]({quote(address, safe=_URL_SAFE)})"
