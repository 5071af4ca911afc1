"""Cleaning text from users before it is checked and stored: one rule for every
field, the forms, the command line and the importer alike."""

from __future__ import annotations

import re
import unicodedata

INVISIBLE = re.compile("[\u200b-\u200d\u2060\ufeff\u202a-\u202e\u2066-\u2069]")
"""Zero-width characters and bidi overrides: invisible, and able to make a name
look like another one (or read backwards) on screen and in the reports."""
ODD_SPACES = re.compile("[\u00a0\u2007\u202f]")
"""No-break, figure and narrow no-break spaces: they look like a space, and are one
here (a name typed with one must be the same name as typed without)."""
_BREAKS = re.compile(r"\r\n?|[\t\n\v\f\x85\u2028\u2029]")
_LINE_BREAKS = re.compile(r"\r\n?|[\v\f\x85\u2028\u2029]")


def clean_text(value: object, *, multiline: bool = False) -> str:
    """value as text without NUL and other control characters, zero-width
    characters and bidi overrides, lone surrogates (UTF-8 cannot store them), in NFC,
    no-break spaces as plain ones, and trimmed. A multi-line field keeps newlines
    (any kind becomes \\n) and tabs; a one-line field gets a space for each. None is ''."""
    text = "" if value is None else str(value)
    text = plain_spaces(INVISIBLE.sub("", text))
    text = _LINE_BREAKS.sub("\n", text) if multiline else _BREAKS.sub(" ", text)
    text = "".join(c for c in text if c in "\n\t" or unicodedata.category(c) not in ("Cc", "Cs"))
    return unicodedata.normalize("NFC", text).strip()


def plain_spaces(text: str) -> str:
    """text with each of the ODD_SPACES as a plain space."""
    return ODD_SPACES.sub(" ", text)
