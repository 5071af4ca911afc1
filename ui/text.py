"""What users typed, shown as itself where Streamlit reads Markdown (st.markdown,
st.write, captions, alerts, titles, toasts, widget and tab labels, radio options,
st.table cells, help texts). Selectbox and multiselect options and dataframe cells
show text as text already: they take the raw text."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import quote

from tracker import i18n
from tracker.errors import Problem, TrackerError
from ui.state import lang

# CommonMark lets a backslash escape any ASCII punctuation; escaping all of it covers
# Markdown, GFM and Streamlit's own signs ($ LaTeX, :red[…] directives, :material/…:).
_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")
# Streamlit turns bare URLs, e-mail addresses and :emoji: into links and pictures in
# the text after Markdown is parsed, where escapes no longer count. An invisible word
# joiner (U+2060) in front of the URL or address stops it and changes nothing the
# reader sees; it sits before the URL, not inside it, so a selected URL copies as typed.
_JOINER = "\u2060"
_AUTOLINKED = re.compile(r"(?i)(?=https?://|www\.)|(?<![\w.+-])(?=[\w.+-]+@[\w-]+\.)")
_SHORTCODE = re.compile(r":(?=[\w+/-]+:)")
# Bidirectional controls a text opens (U+202A–U+202E embeddings and overrides,
# U+2066–U+2068 isolates) and the ones that close them: a text that leaves one open
# would turn the app's own words after it around.
_EMBEDDINGS, _END_EMBEDDING = "\u202a\u202b\u202d\u202e", "\u202c"
_ISOLATES, _END_ISOLATE = "\u2066\u2067\u2068", "\u2069"
_LINK_URL = re.compile(r"^https?://\S+$", re.IGNORECASE)
_URL_SAFE = ":/?#@!$&'*+,;=%~-._"  # kept as typed; brackets, <, > and backslashes quoted


def plain(value: object) -> str:
    """Stored text for a Markdown-reading element: it shows exactly as typed."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    text = _SHORTCODE.sub(":" + _JOINER, _AUTOLINKED.sub(_JOINER, str(value)))
    return _PUNCTUATION.sub(r"\\\1", text) + _bidi_closers(text)


def t_md(key: str, **params: Any) -> str:
    """The catalogue text for a Markdown-reading element, its values shown as typed
    (the catalogue's own Markdown stays)."""
    shown = {name: plain(v) if isinstance(v, str) else v for name, v in params.items()}
    return i18n.t(key, lang(), **shown)


def error_text(error: TrackerError | Problem) -> str:
    """An error's or a problem's message for a Markdown-reading element (st.error …),
    the stored values in it shown as typed."""
    return error.text(lang(), shown=plain)


def link(text: object, url: object) -> str:
    """A Markdown link for a link field: the text shown as typed; only an http(s) URL
    becomes a link, anything else is shown as plain text."""
    address = "" if url is None else str(url).strip()
    if not _LINK_URL.match(address):
        return plain(address if text is None else text)
    return f"[{plain(text or address)}]({quote(address, safe=_URL_SAFE)})"


def _bidi_closers(text: str) -> str:
    embeddings = sum(text.count(c) for c in _EMBEDDINGS) - text.count(_END_EMBEDDING)
    isolates = sum(text.count(c) for c in _ISOLATES) - text.count(_END_ISOLATE)
    return _END_EMBEDDING * max(embeddings, 0) + _END_ISOLATE * max(isolates, 0)
