"""Text made safe for a spreadsheet cell (OWASP's CSV injection rule), and back.

Every CSV and XLSX the app writes from data passes its text cells through
`neutralised`; the plan importer reads them back with `unneutralised`."""

from __future__ import annotations

import re

FORMULA_START = "=+-@\t\r"

# Excel and LibreOffice may split a cell on `;` or `,` (the separator they guess,
# or text-to-columns), so a part after either can become a cell of its own: it
# counts as a start too, after any spaces a spreadsheet trims. The whole value is
# prefixed then, the simplest treatment that reads back exactly.
_RUNNABLE = re.compile(rf"(?:^|[;,])\s*[{re.escape(FORMULA_START)}]")


def looks_like_formula(text: str) -> bool:
    """True for text a spreadsheet could run: e.g. `=HYPERLINK(…)` or `ok;=1+1`.
    Text that starts with our own ' before such text counts too, so that
    `unneutralised` can tell a stored ' from ours."""
    if _RUNNABLE.search(text):
        return True
    return text.startswith("'") and looks_like_formula(text[1:])


def neutralised(value: object) -> object:
    """Text a spreadsheet could run, with a leading '; anything else (numbers
    included, negative ones too) as it is."""
    if isinstance(value, str) and looks_like_formula(value):
        return f"'{value}"
    return value


def unneutralised(text: str) -> str:
    """The text `neutralised` was given: our leading ' taken off, any other kept."""
    if text.startswith("'") and looks_like_formula(text[1:]):
        return text[1:]
    return text
