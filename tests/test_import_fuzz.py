"""Property-based tests of the importer (hypothesis), on SQLite and PostgreSQL:
arbitrary bytes and arbitrary cell values never crash it, and a file with
problems never changes the database. Each example runs on the committed `world`
and is rolled back afterwards, so every example starts from the same state."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.cleaning import clean_text
from tracker.models import Base, Measure
from tracker.planfile.importer import ImportResult, import_path
from tracker.service.principal import SYSTEM

if TYPE_CHECKING:
    from tests.factories import World

ROOT = Path(__file__).resolve().parent.parent

NOW = datetime(2025, 8, 15, 10, tzinfo=UTC)

# TRACKER_FUZZ_EXAMPLES=5000 fuzzes longer, with fresh random examples each run.
EXAMPLES = int(os.environ.get("TRACKER_FUZZ_EXAMPLES", "0"))
FUZZ = settings(
    max_examples=EXAMPLES or 60,
    deadline=None,
    derandomize=not EXAMPLES,  # by default the same examples every run: a stable suite
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def snapshot(session: Session) -> dict[str, list[str]]:
    """Every row of every table (data_revision included), as sorted text."""
    session.flush()
    return {
        table.name: sorted(repr(tuple(row)) for row in session.execute(select(table)).all())
        for table in Base.metadata.sorted_tables
    }


@contextmanager
def example(session: Session) -> Iterator[dict[str, list[str]]]:
    """One hypothesis example: the state before, and a rollback after, whatever happens."""
    before = snapshot(session)
    try:
        yield before
    finally:
        session.rollback()


def run_import(session: Session, path: Path) -> ImportResult:
    result = import_path(session, user=SYSTEM, path=path, now=NOW)
    assert result.ok or result.problems
    for problem in [*result.problems, *result.notices, *result.changes]:
        assert problem.text("nb") and problem.text("en")  # every message can be shown
    return result


def assert_unchanged_unless_ok(
    session: Session, result: ImportResult, before: dict[str, list[str]]
) -> None:
    if not result.ok:
        assert result.changes == []
        assert snapshot(session) == before


# --- arbitrary bytes -----------------------------------------------------------------------


def _valid_csv() -> bytes:
    rows = [
        ["Kode", "Tiltak", "Satsingsområde", "Ansvarlig", "Samarbeidspartnere", "Periode"],
        ["7.1", "Blå vekst på Senja", "T1", "SNH", "KN; IN", "2024–2026"],
        ["7.2", "Kompetanseløft", "T2", "Klyngen Nordvest", "", "Løpende"],
    ]
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";").writerows(rows)
    return b"\xef\xbb\xbf" + buffer.getvalue().encode()


def _valid_xlsx() -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Tiltak"
    sheet.append(["Kode", "Tiltak", "Satsingsområde", "Ansvarlig", "Periode", "Status"])
    sheet.append(["7.1", "Blå vekst på Senja", "T1", "SNH", "2024–2026", "Pågår"])
    sheet.append(["7.2", "Kompetanseløft", "T2", "KN", 2025, None])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


VALID_CSV = _valid_csv()
VALID_XLSX = _valid_xlsx()


@st.composite
def mutated(draw: st.DrawFn, original: bytes) -> bytes:
    """A valid file with a few bytes overwritten, some inserted, perhaps cut short."""
    data = bytearray(original)
    for _ in range(draw(st.integers(0, 6))):
        position = draw(st.integers(0, len(data) - 1))
        data[position] = draw(st.integers(0, 255))
    for _ in range(draw(st.integers(0, 2))):
        position = draw(st.integers(0, len(data)))
        data[position:position] = draw(st.binary(min_size=1, max_size=8))
    cut = draw(st.one_of(st.none(), st.integers(0, len(data))))
    return bytes(data if cut is None else data[:cut])


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_arbitrary_bytes_never_crash_and_change_nothing(
    session: Session, world: World, tmp_path: Path, suffix: str
) -> None:
    path = tmp_path / f"fil{suffix}"

    @FUZZ
    @given(data=st.binary(max_size=3000))
    def check(data: bytes) -> None:
        path.write_bytes(data)
        with example(session) as before:
            result = run_import(session, path)
            assert not result.ok
            assert snapshot(session) == before

    check()


@pytest.mark.parametrize(
    ("suffix", "original"), [(".csv", VALID_CSV), (".xlsx", VALID_XLSX)], ids=["csv", "xlsx"]
)
def test_damaged_files_never_crash(
    session: Session, world: World, tmp_path: Path, suffix: str, original: bytes
) -> None:
    path = tmp_path / f"fil{suffix}"

    @FUZZ
    @given(data=mutated(original))
    def check(data: bytes) -> None:
        path.write_bytes(data)
        with example(session) as before:
            result = run_import(session, path)
            assert_unchanged_unless_ok(session, result, before)

    check()


def test_the_undamaged_originals_import(session: Session, world: World, tmp_path: Path) -> None:
    """The fuzzers above start from files that really import."""
    for suffix, original in ((".csv", VALID_CSV), (".xlsx", VALID_XLSX)):
        path = tmp_path / f"fil{suffix}"
        path.write_bytes(original)
        with example(session):
            result = run_import(session, path)
            assert result.ok, [p.text("en") for p in result.problems]
            assert len(result.changes) >= 2


# --- arbitrary cell values ------------------------------------------------------------------

HUGE = st.sampled_from(["x" * 600, "æøå" * 1500, "Ø" * 5000, "🐟" * 70_000, "y" * 200_000])
WILD = st.one_of(
    st.text(),  # NUL, control characters, any plane
    st.text(alphabet=st.characters(codec="utf-8"), max_size=30),
    st.text(alphabet="æøåÆØÅ🐟 ;,\n\r\t\"'–-0123456789QK%", max_size=20),
    HUGE,
)

# What people write in each column; a row uses these except in a few "wild" columns.
SENSIBLE: dict[str, list[str]] = {
    "Kode": ["", "", "7.1", "7.2", "1.1", "7.\x003"],
    "Tiltak": ["Blå vekst", "Næringsareal på Finnsnes", "🐟 Sjømat – æøå ÆØÅ", " Ny\nlinje "],
    "Satsingsområde": ["T1", "t2", " Næringsutvikling ", "Nytt tema 🐟"],
    "Ansvarlig": ["SNH", " kn ", "Innovasjon Norge Arktis", "Ny aktør æøå"],
    "Samarbeidspartnere": ["", "KN; IN", "snh, kn", "Ny partner\nIN"],
    "Periode": ["", "2025", "2024–2026", "2024-2026", "2025-Q2", "Løpende"],
    "Vekt": ["", "2", "1,5"],
    "Status": ["Pågår", "Fullført", "in_progress", "Utsatt", "IKKE STARTET"],
    "Fremdrift": ["", "40", "40 %", "0,4", "ukjent"],
    "Vurdering": ["", "I rute", "red", "Risiko"],
    "Kommentar": ["", "Godt i gang – æøå", "«sitat»\r\nny linje"],
}


@st.composite
def csv_files(draw: st.DrawFn, *, codes: bool = False) -> tuple[bytes, list[dict[str, str]]]:
    """A CSV made with the csv module: some of the columns, rows of mostly sensible
    values with a few arbitrary ones (or all arbitrary), `;` or `,`, BOM or not.

    codes=True: every row has its own code (F1, F2 …), so that no code is generated.
    """
    headers = draw(st.lists(st.sampled_from(list(SENSIBLE)), unique=True, min_size=1))
    if codes:
        headers = ["Kode", *(h for h in headers if h != "Kode")]
    usual = ["Tiltak", "Satsingsområde", "Ansvarlig", "Status"]
    left_out = draw(st.sets(st.sampled_from(usual), max_size=1))  # mostly none
    headers += [h for h in usual if h not in headers and h not in left_out]
    rows = []
    for _ in range(draw(st.integers(1, 3))):
        everything = draw(st.sampled_from(range(10))) == 9
        wild = set(headers) if everything else draw(st.sets(st.sampled_from(headers), max_size=2))
        row = {h: draw(WILD if h in wild else st.sampled_from(SENSIBLE[h])) for h in headers}
        if codes:
            row["Kode"] = f"F{len(rows) + 1}"
        rows.append(row)
    delimiter = draw(st.sampled_from([";", ","]))
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=headers, delimiter=delimiter)
    writer.writeheader()
    writer.writerows(rows)
    bom = b"\xef\xbb\xbf" if draw(st.booleans()) else b""
    return bom + buffer.getvalue().encode("utf-8"), rows


def _stored_title(text: str) -> str:
    """Import cleans a title as every service does (tracker.cleaning): control
    characters dropped, line breaks made spaces, NFC, trimmed."""
    return clean_text(text)


def check_titles(session: Session, rows: list[dict[str, str]]) -> None:
    """After a successful import every written title is stored exactly (æøå, emoji)."""
    titles = set(session.scalars(select(Measure.title)))
    for row in rows:
        if "Tiltak" in row and any(_stored_title(v) for v in row.values()):
            assert _stored_title(row["Tiltak"]) in titles


def check_csv_files(session: Session, path: Path, file: tuple[bytes, list[dict[str, str]]]) -> None:
    data, rows = file
    path.write_bytes(data)
    with example(session) as before:
        result = run_import(session, path)
        event("imported" if result.ok else "refused")
        assert_unchanged_unless_ok(session, result, before)
        if result.ok:
            check_titles(session, rows)


def test_arbitrary_cell_values_in_csv_with_codes(
    session: Session, world: World, tmp_path: Path
) -> None:
    """Every value arbitrary but the codes: no code is generated."""

    @FUZZ
    @given(file=csv_files(codes=True))
    def check(file: tuple[bytes, list[dict[str, str]]]) -> None:
        check_csv_files(session, tmp_path / "tiltak.csv", file)

    check()


def test_arbitrary_cell_values_in_csv(session: Session, world: World, tmp_path: Path) -> None:
    @FUZZ
    @given(file=csv_files())  # codes left out or arbitrary: codes are generated
    def check(file: tuple[bytes, list[dict[str, str]]]) -> None:
        check_csv_files(session, tmp_path / "tiltak.csv", file)

    check()


def _xlsx_cell(text: str) -> str:
    cleaned = ILLEGAL_CHARACTERS_RE.sub("", text)
    return "'" + cleaned if cleaned.startswith("=") else cleaned  # no formulas


def test_arbitrary_cell_values_in_xlsx(session: Session, world: World, tmp_path: Path) -> None:
    path = tmp_path / "tiltak.xlsx"

    @settings(FUZZ, max_examples=EXAMPLES or 30)
    @given(file=csv_files(codes=True))
    def check(file: tuple[bytes, list[dict[str, str]]]) -> None:
        _, rows = file
        written = [{h: _xlsx_cell(v[:32_000]) for h, v in row.items()} for row in rows]
        workbook = Workbook()
        sheet = workbook.active
        sheet.append(list(written[0]))
        for row in written:
            sheet.append(list(row.values()))
        workbook.save(path)
        with example(session) as before:
            result = run_import(session, path)
            event("imported" if result.ok else "refused")
            assert_unchanged_unless_ok(session, result, before)
            if result.ok:  # XML reads every line break as \n
                lines = [{h: v.replace("\r\n", "\n").replace("\r", "\n") for h, v in row.items()}
                         for row in written]  # fmt: skip
                check_titles(session, lines)

    check()


# --- a tiny file that asks for a huge sheet --------------------------------------------------


@pytest.mark.slow
def test_far_away_cell_does_not_hang_the_reader(tmp_path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Tiltak", "Satsingsområde", "Ansvarlig"])
    sheet.append(["A", "T1", "SNH"])
    sheet["XFD1048576"] = "x"
    path = tmp_path / "bombe.xlsx"
    workbook.save(path)
    assert path.stat().st_size < 20_000
    code = textwrap.dedent(
        f"""
        import resource, sys
        resource.setrlimit(resource.RLIMIT_AS, (3 * 2**30, 3 * 2**30))
        sys.path.insert(0, {str(ROOT)!r})
        from pathlib import Path
        from tracker.planfile.read import read_path
        tables = read_path(Path({str(path)!r}))
        print("rows", sum(len(t.rows) for t in tables.tables.values()), len(tables.problems))
        """
    )
    try:
        done = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, timeout=8
        )
    except subprocess.TimeoutExpired:
        pytest.fail("reading a 5 kB xlsx took more than 8 seconds")
    assert done.returncode == 0, done.stderr[-500:]
