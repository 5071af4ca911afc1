"""The message catalogue: every user-facing text, bokmål and English, one module per
part of the product (labels.py holds the vocabulary's labels). merged() joins the
parts and refuses a key that two parts both define, so no text hides another.
"""

from __future__ import annotations

from collections.abc import Mapping

from tracker.i18n.catalogue.accounts import ACCOUNT_MESSAGES
from tracker.i18n.catalogue.admin import ADMIN_MESSAGES
from tracker.i18n.catalogue.admin_page import ADMIN_PAGE_MESSAGES
from tracker.i18n.catalogue.audit import AUDIT_MESSAGES
from tracker.i18n.catalogue.calendar import CALENDAR_MESSAGES
from tracker.i18n.catalogue.charts import CHART_MESSAGES
from tracker.i18n.catalogue.cli import CLI_MESSAGES
from tracker.i18n.catalogue.coordination import COORDINATION_MESSAGES
from tracker.i18n.catalogue.database import DATABASE_MESSAGES
from tracker.i18n.catalogue.fields import FIELD_MESSAGES
from tracker.i18n.catalogue.files import FILE_MESSAGES
from tracker.i18n.catalogue.forms import FORM_MESSAGES
from tracker.i18n.catalogue.import_page import IMPORT_PAGE_MESSAGES
from tracker.i18n.catalogue.imports import IMPORT_MESSAGES
from tracker.i18n.catalogue.instruments import INSTRUMENT_MESSAGES
from tracker.i18n.catalogue.labels import LABELS
from tracker.i18n.catalogue.layouts import LAYOUT_MESSAGES
from tracker.i18n.catalogue.meetings import MEETING_MESSAGES
from tracker.i18n.catalogue.overlaps import OVERLAP_MESSAGES
from tracker.i18n.catalogue.pages import PAGE_MESSAGES
from tracker.i18n.catalogue.plurals import PLURAL_MESSAGES
from tracker.i18n.catalogue.profiles import PROFILE_MESSAGES
from tracker.i18n.catalogue.quarterly import QUARTERLY_MESSAGES
from tracker.i18n.catalogue.rules import RULE_MESSAGES
from tracker.i18n.catalogue.sessions import SESSION_MESSAGES
from tracker.i18n.catalogue.setup import SETUP_MESSAGES
from tracker.i18n.catalogue.summary import SUMMARY_MESSAGES
from tracker.i18n.catalogue.tables import TABLE_MESSAGES
from tracker.i18n.catalogue.users import USER_MESSAGES
from tracker.i18n.catalogue.words import WORD_MESSAGES

Entry = dict[str, str]
"""One text: {"nb": ..., "en": ...}."""

PARTS: dict[str, dict[str, Entry]] = {
    "accounts": ACCOUNT_MESSAGES,
    "admin": ADMIN_MESSAGES,
    "admin_page": ADMIN_PAGE_MESSAGES,
    "audit": AUDIT_MESSAGES,
    "calendar": CALENDAR_MESSAGES,
    "charts": CHART_MESSAGES,
    "cli": CLI_MESSAGES,
    "coordination": COORDINATION_MESSAGES,
    "database": DATABASE_MESSAGES,
    "fields": FIELD_MESSAGES,
    "files": FILE_MESSAGES,
    "forms": FORM_MESSAGES,
    "import_page": IMPORT_PAGE_MESSAGES,
    "imports": IMPORT_MESSAGES,
    "instruments": INSTRUMENT_MESSAGES,
    "labels": LABELS,
    "layouts": LAYOUT_MESSAGES,
    "meetings": MEETING_MESSAGES,
    "overlaps": OVERLAP_MESSAGES,
    "pages": PAGE_MESSAGES,
    "plurals": PLURAL_MESSAGES,
    "profiles": PROFILE_MESSAGES,
    "quarterly": QUARTERLY_MESSAGES,
    "rules": RULE_MESSAGES,
    "sessions": SESSION_MESSAGES,
    "setup": SETUP_MESSAGES,
    "summary": SUMMARY_MESSAGES,
    "tables": TABLE_MESSAGES,
    "users": USER_MESSAGES,
    "words": WORD_MESSAGES,
}


def merged(parts: Mapping[str, Mapping[str, Entry]]) -> dict[str, Entry]:
    """Every part's keys in one dict; a key in two parts raises ValueError naming both."""
    catalogue: dict[str, Entry] = {}
    home: dict[str, str] = {}
    for name, part in parts.items():
        for key, entry in part.items():
            if key in home:
                raise ValueError(f"{key} is in both {home[key]}.py and {name}.py")
            home[key] = name
            catalogue[key] = entry
    return catalogue


CATALOGUE: dict[str, Entry] = merged(PARTS)
