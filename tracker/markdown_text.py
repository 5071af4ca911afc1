"""Text shown as itself where Markdown is read (Streamlit's st.markdown and the
elements like it): pure text functions; ui.text applies them in the interface."""

from __future__ import annotations

import re

# CommonMark lets a backslash escape any ASCII punctuation; escaping all of it covers
# Markdown, GFM and Streamlit's own signs ($ LaTeX, :red[…] directives, :material/…:).
_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")
# Streamlit turns bare URLs and :emoji: into links and pictures in the text after
# Markdown is parsed, where escapes no longer count. An invisible word joiner (U+2060)
# in front of the URL stops it and changes nothing the reader sees; it sits before the
# URL, not inside it, so a selected URL copies as typed. (E-mail addresses still become
# mailto: links: they open no page, and an address shown in a message stays findable.)
_JOINER = "\u2060"
_AUTOLINKED = re.compile(r"(?i)(?=https?://|www\.)")
_SHORTCODE = re.compile(r":(?=[\w+/-]+:)")
# Bidirectional controls a text opens (U+202A–U+202E embeddings and overrides,
# U+2066–U+2068 isolates) and the ones that close them: a text that leaves one open
# would turn the app's own words after it around.
_EMBEDDINGS, _END_EMBEDDING = "\u202a\u202b\u202d\u202e", "\u202c"
_ISOLATES, _END_ISOLATE = "\u2066\u2067\u2068", "\u2069"


def as_plain_markdown(value: object) -> str:
    """Stored text for a Markdown-reading element: it shows exactly as typed."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    text = _SHORTCODE.sub(":" + _JOINER, _AUTOLINKED.sub(_JOINER, str(value)))
    return _PUNCTUATION.sub(r"\\\1", text) + _bidi_closers(text)


def _bidi_closers(text: str) -> str:
    embeddings = sum(text.count(c) for c in _EMBEDDINGS) - text.count(_END_EMBEDDING)
    isolates = sum(text.count(c) for c in _ISOLATES) - text.count(_END_ISOLATE)
    return _END_EMBEDDING * max(embeddings, 0) + _END_ISOLATE * max(isolates, 0)
