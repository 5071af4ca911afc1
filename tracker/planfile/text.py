"""The text of a cell as the importer reads it: control characters XLSX cannot hold
taken out, spaces made plain, and the forms in which headers and names are compared."""

from __future__ import annotations

import re
import unicodedata

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from tracker.cleaning import plain_spaces

_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
"""Characters that show as nothing in a header: soft hyphen, zero-width spaces, BOM."""
_HEADER_PUNCTUATION = re.compile(r"[.:*()\[\]]")
_BROKEN_WORD = re.compile(r"-[ \t]*\n\s*")  # "Samarbeids-\npartnere": one word


def clean(text: str) -> str:
    """Text without the control characters XLSX cannot hold (NUL, \\x0b from Word …)."""
    return ILLEGAL_CHARACTERS_RE.sub("", text)


def plain(text: str) -> str:
    """A cell's value as read: no-break spaces as plain ones (the rule of
    cleaning.clean_text, which the services store by), trimmed. Line breaks inside
    stay (a description may have them)."""
    return plain_spaces(text).strip()


def normalise(text: object) -> str:
    """Header/lookup form: NFC, case-folded, inner spaces collapsed, trimmed of : *."""
    value = plain(_INVISIBLE.sub("", clean(str(text or ""))))
    value = unicodedata.normalize("NFC", value).casefold()
    value = re.sub(r"\s+", " ", value).strip().strip(":*").strip()
    return value


def header_key(text: object) -> str:
    """A header as matched: normalised, without punctuation ('Tiltak nr.' -> 'tiltak nr');
    a word broken over two lines is one word again."""
    value = _HEADER_PUNCTUATION.sub("", normalise(_BROKEN_WORD.sub("", str(text or ""))))
    return re.sub(r"\s+", " ", value).strip()


def shown_header(text: str) -> str:
    """A header as written, on one line: 'Tiltak\\nnr.' -> 'Tiltak nr.'."""
    return " ".join(plain(_BROKEN_WORD.sub("", text)).split())


def ascii_letters(text: str) -> str:
    """æ ø å as ae o a, the way names are written where the keyboard has none."""
    return text.replace("æ", "ae").replace("ø", "o").replace("å", "a")
