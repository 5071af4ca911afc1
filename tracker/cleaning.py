"""Cleaning text from users before it is checked and stored: one rule for every
field, the forms, the command line and the importer alike."""

from __future__ import annotations

import re
import unicodedata

INVISIBLE = re.compile("[\u200b-\u200d\u2060\ufeff\u202a-\u202e\u2066-\u2069]")
"""Zero-width characters and bidi overrides: invisible, and able to make a name
look like another one (or read backwards) on screen and in the reports."""
_BREAKS = re.compile(r"\r\n?|[\t\n\v\f\x85\u2028\u2029]")
_LINE_BREAKS = re.compile(r"\r\n?|[\v\f\x85\u2028\u2029]")


def clean_text(value: object, *, multiline: bool = False) -> str:
    """value as text without NUL and other control characters, zero-width
    characters and bidi overrides, lone surrogates (UTF-8 cannot store them), in NFC
    and trimmed. A multi-line field keeps newlines (any kind becomes \\n) and tabs; a
    one-line field gets a space for each. None is ''."""
    text = "" if value is None else str(value)
    text = INVISIBLE.sub("", text)
    text = _LINE_BREAKS.sub("\n", text) if multiline else _BREAKS.sub(" ", text)
    text = "".join(c for c in text if c in "\n\t" or unicodedata.category(c) not in ("Cc", "Cs"))
    return unicodedata.normalize("NFC", text).strip()


ODD_SPACES = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
"""No-break, narrow, thin and other spaces: Norwegian Excel writes '40\u00a0%' and
'2024\u00a0–\u00a02026'; a value read from a file means a plain space by each."""


def plain_spaces(text: str) -> str:
    """text with every odd space a plain space and without invisible characters."""
    return ODD_SPACES.sub(" ", INVISIBLE.sub("", text))
