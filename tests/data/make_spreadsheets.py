"""Action-plan spreadsheets laid out the way Norwegian municipalities lay them out,
kept in tests/data for the importer's tests (tests/test_import_layouts.py).

Rebuild them with `python -m tests.data.make_spreadsheets` from the repository root.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

TITLE = "Strategisk næringsplan for Senja kommune 2024–2028"
HEADER = [
    "Nr.",
    "Tiltak",
    "Beskrivelse",
    "Ansvar",
    "Samarbeidspartnere",
    "Tidsperiode",
    "Status",
    "Prioritet",
]


def handlingsdel_grupper() -> Workbook:
    """Title rows, then each theme as a group header row (merged or not) above its
    block of measures, no theme column, and a note under the table."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Handlingsdel 2024-2028"
    rows: list[list[object]] = [
        [TITLE],
        ["Handlingsdel"],
        [],
        HEADER,
        ["Satsingsområde 1: Attraktiv – Næringsvennlig kommune"],
        ["1.1", "Næringsvennlig saksbehandling", "Raskere svar", "Senja kommune",
         "Plan- og byggesaksavdelingen", "2024–2026", "Pågår", "Høy"],
        ["1.2", "Næringsarealer", "", "Senja kommune", "Troms og Finnmark fylkeskommune",
         "Løpende", "ikke startet ", "Middels"],
        ["2 Reiseliv og opplevelser"],
        ["2.1", "Helårsturisme", "", "Visit Senja\u00a0", "Senja Næringshage og NAV",
         "Q2 2025", "", ""],
        ["3. Nyskapende næringsliv"],
        [3.1, "Gründerhus", "", "Kunnskapsparken", "Innovasjon Norge; Sparebank1",
         "2025", "Pågår", ""],
        [3.2, "Havbruksklynge", "", "Kunnskapsparken", "", "høst 2025", "", ""],
        [],
        ["Sist oppdatert 12.03.2025 av næringsavdelingen"],
    ]  # fmt: skip
    for row in rows:
        sheet.append(row)
    sheet.merge_cells("A1:H1")
    sheet.merge_cells("A5:H5")
    sheet.merge_cells("A10:H10")
    for cell in ("A1", "A5", "A8", "A10"):
        sheet[cell].font = Font(bold=True)
    sheet["A11"].number_format = sheet["A12"].number_format = "0.0"
    return workbook


def handlingsdel_flere_ark() -> Workbook:
    """A front page, then two sheets that could hold measures (this year's and the
    old one), a theme column with number and word, dates as cells."""
    workbook = Workbook()
    front = workbook.active
    front.title = "Forside"
    front.append([TITLE])
    front.append(["Vedtatt i kommunestyret 14.03.2024"])
    for title in ("Handlingsplan 2025", "Handlingsplan 2024 (gammel)"):
        sheet = workbook.create_sheet(title)
        sheet.append([f"{TITLE} – {title}"])
        sheet.append([])
        sheet.append(["Tiltak nr.", "Aktivitet", "Satsingsområde", "Hovedansvar",
                      "Involverte", "Oppstart", "Frist", "Merknad"])  # fmt: skip
        sheet.append(["1.1", "Bedriftsbesøk", "1 Attraktiv", "Senja kommune", "Senja Næringshage",
                      datetime(2025, 1, 15), "31.12.2025", "Månedlig"])  # fmt: skip
        sheet.append(["3.10", "Sjømatnettverk", "3 Nyskapende", "Senja Næringshage",
                      "Sjømatbedriftene og NAV", "2025-Q2", "2. kvartal 2026", ""])  # fmt: skip
    return workbook


def handlingsdel_flettet() -> Workbook:
    """Themes as rows merged across, a lead merged down over its block, measures
    that lack a lead (one with a number, one without), a blank row inside the table
    and a note under it."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Handlingsplan"
    rows: list[list[object]] = [
        ["Handlingsplan for næringsutvikling 2024-2028"],
        [],
        ["Nr.", "Tiltak", "Ansvar", "Periode", "Status"],
        ["1 Reiseliv"],
        ["1.1", "Bærekraftig reisemål", "Næringsavdelingen", "2024-2025", "Pågår"],
        ["1.2", "Helårsturisme", None, "2025", ""],
        ["2", "Kartlegge behov", None, "2025", ""],
        ["1.3", "Vinterturisme", "Visit Senja", "2025", ""],
        [],
        ["2 Nyskapende"],
        ["2.1", "Gründerhus", "Kunnskapsparken", "2025", "Ikke startet"],
        [None, "Sjømatnettverk"],
        [],
        ["Sist oppdatert 01.02.2025"],
    ]  # fmt: skip
    for row in rows:
        sheet.append(row)
    for cells in ("A1:E1", "A4:E4", "A10:E10", "C5:C6"):
        sheet.merge_cells(cells)
    return workbook


BUILDERS: dict[str, Callable[[], Workbook]] = {
    "handlingsdel_grupper.xlsx": handlingsdel_grupper,
    "handlingsdel_flere_ark.xlsx": handlingsdel_flere_ark,
    "handlingsdel_flettet.xlsx": handlingsdel_flettet,
}
"""The kept files and the functions that build them."""


def main() -> None:
    folder = Path(__file__).parent
    for name, build in BUILDERS.items():
        build().save(folder / name)


if __name__ == "__main__":
    main()
