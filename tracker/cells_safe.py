"""Text made safe for a spreadsheet cell (OWASP's CSV injection rule), and back.

Every CSV and XLSX the app writes from data passes its text cells through
`neutralised`; the plan importer reads them back with `unneutralised`."""

from __future__ import annotations

import re

FORMULA_START = "=+-@\t\r"

# A part is the whole text, or what follows a `;` or `,`: Excel and LibreOffice may
# split a cell there (opening a `,` file with `;` as the list separator, or text to
# columns), and trim the spaces. So each part that starts (after spaces) with a
# formula sign gets its own ': one ' before the whole value would not survive the
# split. A part that starts with ' already gets one more, so unneutralised can take
# exactly one off and every text reads back as it was.
_SIGN = f"'*[{re.escape(FORMULA_START)}]"
_RUNNABLE = re.compile(rf"(^|[;,])( *)(?={_SIGN})")
_OURS = re.compile(rf"(^|[;,])( *)'(?={_SIGN})")


def looks_like_formula(text: str) -> bool:
    """True for text a spreadsheet could run: e.g. `=HYPERLINK(…)` or `ok;=1+1`."""
    return _RUNNABLE.search(text) is not None


def neutralised(value: object) -> object:
    """Text with a ' before each part a spreadsheet could run (`ok;=1+1` ->
    `ok;'=1+1`); anything else (numbers included, negative ones too) as it is."""
    if not isinstance(value, str) or not looks_like_formula(value):
        return value
    return _RUNNABLE.sub(r"\1\2'", value)


def unneutralised(text: str) -> str:
    """The text `neutralised` was given: each ' it added taken off, any other kept."""
    return _OURS.sub(r"\1\2", text)
