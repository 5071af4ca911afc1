"""Texts of the Admin page's import (merged into tracker.i18n.CATALOGUE): how a file
was read, the sheet and column choices, the import report, and a fresh install's
first screen (import your plan, or the demo)."""

from __future__ import annotations

IMPORT_PAGE_MESSAGES: dict[str, dict[str, str]] = {
    # the import report (tracker.importers.report)
    "importreport.sheet_summary": {"nb": "Sammendrag", "en": "Summary"},
    "importreport.sheet_problems": {"nb": "Feil", "en": "Problems"},
    "importreport.sheet_notices": {"nb": "Merknader", "en": "Notices"},
    "importreport.sheet_changes": {"nb": "Endringer", "en": "Changes"},
    "importreport.kind": {"nb": "Type", "en": "Kind"},
    "importreport.problem": {"nb": "Feil", "en": "Problem"},
    "importreport.notice": {"nb": "Merknad", "en": "Notice"},
    "importreport.row": {"nb": "Rad", "en": "Row"},
    "importreport.column": {"nb": "Kolonne", "en": "Column"},
    "importreport.message": {"nb": "Melding", "en": "Message"},
    "importreport.outcome": {"nb": "Resultat", "en": "Outcome"},
    "importreport.refused": {
        "nb": "Kan ikke importeres: ingenting er lagret",
        "en": "Cannot be imported: nothing was saved",
    },
    "importreport.would_import": {
        "nb": "Prøvekjøring: kan importeres, ingenting er lagret ennå",
        "en": "Dry run: can be imported, nothing is saved yet",
    },
    "importreport.imported": {"nb": "Importert", "en": "Imported"},
    "importreport.problems": {"nb": "Feil", "en": "Problems"},
    "importreport.notices": {"nb": "Merknader", "en": "Notices"},
    "importreport.changes": {"nb": "Endringer", "en": "Changes"},
    "importreport.sheet_read": {"nb": "Ark lest", "en": "Sheet read"},
    "importreport.header_row": {"nb": "Overskriftsrad", "en": "Header row"},
}
