"""The limits the importer enforces before and while it reads a file (no database):
file size and kind (regular files only), the unpacked size of an XLSX, rows, numbers
that Excel cannot hold exactly, and messages that never name a Python exception."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
import textwrap
import tomllib
import tracemalloc
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from tracker.planfile.limits import (
    MAX_DATA_ROWS,
    MAX_FILE_BYTES,
    MAX_SHEET_ROWS,
    MAX_UPLOAD_MB,
    MAX_XLSX_PART_BYTES,
)
from tracker.planfile.read import Tables, read_bytes, read_path

ROOT = Path(__file__).resolve().parent.parent
EXCEPTION_NAMES = re.compile(
    r"\b\w*(Error|Exception)\b|BadZipFile|Errno|No such file|Traceback|field larger"
)
HEADER = ["Kode", "Tiltak", "Satsingsområde", "Ansvarlig"]


def keys(tables: Tables) -> list[str]:
    return [p.key for p in tables.problems]


def assert_readable_messages(tables: Tables) -> None:
    for problem in [*tables.problems, *tables.notices]:
        for lang in ("nb", "en"):
            assert not EXCEPTION_NAMES.search(problem.text(lang)), problem.text(lang)


def xlsx(rows: list[list[object]], title: str = "Tiltak") -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def rewrite(data: bytes, name: str, content: bytes | None = None, *, pattern: str = "") -> bytes:
    """The XLSX with one member replaced, or with `pattern` removed from it."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as old, zipfile.ZipFile(out, "w") as new:
        for info in old.infolist():
            body = old.read(info.filename)
            if info.filename == name:
                body = content if content is not None else re.sub(pattern.encode(), b"", body)
            new.writestr(info, body, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def without_dimension(data: bytes) -> bytes:
    return rewrite(data, "xl/worksheets/sheet1.xml", pattern=r"<dimension[^>]*/>")


def peak_memory(function: object) -> tuple[object, int]:
    tracemalloc.start()
    try:
        result = function()  # type: ignore[operator]
        return result, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


# --- the server and the uploader --------------------------------------------------------


def test_the_server_limit_is_the_importers_limit() -> None:
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["maxUploadSize"] == MAX_UPLOAD_MB
    assert MAX_FILE_BYTES == MAX_UPLOAD_MB * 1024 * 1024


# --- size and kind of file, before reading ---------------------------------------------


@pytest.mark.parametrize("name", ["stor.csv", "stor.xlsx"])
def test_a_26_mb_file_is_refused_without_reading_it(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    with path.open("wb") as file:
        file.truncate(26 * 1024 * 1024)  # sparse: costs no disk
    tables, peak = peak_memory(lambda: read_path(path))
    assert keys(tables) == ["import.too_large"]  # type: ignore[arg-type]
    assert peak < 2 * 1024 * 1024
    assert "20 MB" in tables.problems[0].text("nb")  # type: ignore[attr-defined]


@pytest.mark.parametrize("name", ["stor.csv", "stor.xlsx"])
def test_uploaded_bytes_over_the_limit_are_refused(name: str) -> None:
    assert keys(read_bytes(b"\0" * (MAX_FILE_BYTES + 1), name)) == ["import.too_large"]


def read_in_child(path: Path) -> list[str]:
    """read_path in a child process with a memory cap and a timeout: a hang or a
    runaway read fails the test instead of the machine."""
    code = textwrap.dedent(
        f"""
        import resource, sys
        resource.setrlimit(resource.RLIMIT_AS, (2 * 1024**3, 2 * 1024**3))
        from pathlib import Path
        from tracker.planfile.read import read_path
        tables = read_path(Path({str(path)!r}))
        print(",".join(p.key for p in tables.problems))
        print(tables.problems[0].text("nb") if tables.problems else "")
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout.splitlines()


def test_a_fifo_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "tiltak.csv"
    os.mkfifo(fifo)
    found, message = read_in_child(fifo)
    assert found == "import.not_a_file"
    assert not EXCEPTION_NAMES.search(message)


@pytest.mark.parametrize("name", ["null.csv", "null.xlsx"])
def test_a_link_to_dev_zero_is_refused_at_once(tmp_path: Path, name: str) -> None:
    link = tmp_path / name
    link.symlink_to("/dev/zero")
    assert read_in_child(link)[0] == "import.not_a_file"


def test_a_link_to_dev_zero_in_a_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "tiltak.csv").symlink_to("/dev/zero")
    assert read_in_child(tmp_path)[0] == "import.not_a_file"


def test_a_missing_file_says_so_in_words(tmp_path: Path) -> None:
    tables = read_path(tmp_path / "finnes-ikke.csv")
    assert keys(tables) == ["import.not_found"]
    assert_readable_messages(tables)


# --- XLSX: the unpacked size -----------------------------------------------------------


SHARED_STRINGS = (
    b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
    b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>'
)


def bomb(unpacked: int) -> bytes:
    """A small XLSX with a sharedStrings.xml that unpacks to `unpacked` bytes."""
    data = xlsx([HEADER, ["1.1", "Tekst", "T1", "SNH"]])
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as old,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as new,
    ):
        for info in old.infolist():
            body = old.read(info.filename)
            if info.filename == "[Content_Types].xml":
                body = body.replace(b"</Types>", SHARED_STRINGS)
            new.writestr(info, body, compress_type=zipfile.ZIP_DEFLATED)
        with new.open("xl/sharedStrings.xml", "w", force_zip64=True) as part:
            part.write(b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">')
            part.write(b"<si><t>")
            chunk = b"A" * (1024 * 1024)
            for _ in range(unpacked // len(chunk)):
                part.write(chunk)
            part.write(b"</t></si></sst>")
    return out.getvalue()


def test_a_zip_bomb_is_refused_before_it_is_unpacked() -> None:
    data = bomb(MAX_XLSX_PART_BYTES + 1024 * 1024)
    assert len(data) < 1024 * 1024
    tables, peak = peak_memory(lambda: read_bytes(data, "bombe.xlsx"))
    assert keys(tables) == ["import.unpacked_too_large"]  # type: ignore[arg-type]
    assert "pakker seg ut til over" in tables.problems[0].text("nb")  # type: ignore[attr-defined]
    assert peak < 10 * 1024 * 1024


def test_a_part_packed_far_too_tightly_is_refused() -> None:
    data = bomb(20 * 1024 * 1024)  # under the size limit, but about 1000 times packed
    assert keys(read_bytes(data, "bombe.xlsx")) == ["import.packed_too_tightly"]


@pytest.mark.parametrize("data", [b"PK\x03\x04 not a zip", b"hello", xlsx([HEADER])[:300]])
def test_a_broken_xlsx_says_so_without_exception_names(data: bytes) -> None:
    tables = read_bytes(data, "tiltak.xlsx")
    assert keys(tables) == ["import.not_xlsx"]
    assert_readable_messages(tables)


def test_a_broken_csv_says_so_without_exception_names() -> None:
    data = ("Kode;Tiltak;Satsingsområde;Ansvarlig\n1.1;" + "x" * 200_000 + ";T1;SNH\n").encode()
    tables = read_bytes(data, "tiltak.csv")
    assert keys(tables) == ["import.csv_broken"]
    assert_readable_messages(tables)


# --- rows --------------------------------------------------------------------------------


def measure_rows(count: int) -> list[list[object]]:
    return [HEADER, *([f"1.{n}", f"Tiltak {n}", "T1", "SNH"] for n in range(1, count + 1))]


def test_a_csv_with_more_rows_than_the_limit_is_refused() -> None:
    text = "\n".join(";".join(row) for row in measure_rows(MAX_DATA_ROWS + 1))  # type: ignore[arg-type]
    tables = read_bytes(text.encode(), "tiltak.csv")
    assert keys(tables) == ["import.too_many_rows"]
    assert str(MAX_DATA_ROWS) in tables.problems[0].text("nb")


@pytest.mark.parametrize("line", [b"x\n", b"\n"], ids=["short lines", "blank lines"])
def test_a_csv_of_millions_of_lines_is_refused_without_reading_them_all(line: bytes) -> None:
    """A reviewer's 20 MB of «x» lines took 3.5 GB: the rows are counted as read."""
    data = line * (MAX_UPLOAD_MB * 1024 * 1024 // len(line) - 1)
    tracemalloc.start()
    try:
        tables = read_bytes(data, "tiltak.csv")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert keys(tables) == ["import.too_many_rows"]
    assert peak < 400 * 1024 * 1024, f"{peak / 2**20:.0f} MiB"


def test_a_csv_at_the_limit_is_read_whole() -> None:
    text = "\n".join(";".join(row) for row in measure_rows(MAX_DATA_ROWS))  # type: ignore[arg-type]
    tables = read_bytes(text.encode(), "tiltak.csv")
    assert not tables.problems and len(tables.tables["measures"].rows) == MAX_DATA_ROWS


def test_an_xlsx_without_dimension_is_read_to_its_last_row() -> None:
    data = without_dimension(xlsx(measure_rows(MAX_DATA_ROWS)))
    assert b"<dimension" not in zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml")
    tables = read_bytes(data, "tiltak.xlsx")
    assert not tables.problems
    assert len(tables.tables["measures"].rows) == MAX_DATA_ROWS


def test_an_xlsx_without_dimension_over_the_row_limit_is_refused() -> None:
    data = without_dimension(xlsx(measure_rows(MAX_DATA_ROWS + 1)))
    assert keys(read_bytes(data, "tiltak.xlsx")) == ["import.too_many_rows"]


def test_an_xlsx_without_dimension_and_a_row_far_down_is_not_cut_silently() -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Tiltak"
    sheet.append(HEADER)
    sheet.append(["1.1", "Først", "T1", "SNH"])
    for column, value in enumerate(["1.2", "Langt nede", "T1", "SNH"], start=1):
        sheet.cell(row=MAX_SHEET_ROWS + 5, column=column, value=value)
    buffer = io.BytesIO()
    workbook.save(buffer)
    tables = read_bytes(without_dimension(buffer.getvalue()), "tiltak.xlsx")
    assert keys(tables) == ["import.sheet_too_large"]


def test_an_xlsx_whose_dimension_is_too_small_is_read_whole() -> None:
    data = xlsx(measure_rows(3))
    sheet = zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml")
    lying = re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1"/>', sheet)
    assert lying != sheet
    tables = read_bytes(rewrite(data, "xl/worksheets/sheet1.xml", lying), "tiltak.xlsx")
    assert not tables.problems and len(tables.tables["measures"].rows) == 3


# --- numbers as codes ---------------------------------------------------------------------


def test_a_20_digit_number_in_xlsx_is_refused_with_a_hint() -> None:
    data = xlsx([HEADER, [12345678901234567890.0, "Tjue sifre", "T1", "SNH"]])
    tables = read_bytes(data, "tiltak.xlsx")
    assert [(p.key, p.row, p.field) for p in tables.problems] == [
        ("import.number_inexact", 2, "Kode")
    ]
    assert "tekst" in tables.problems[0].text("nb")
    assert_readable_messages(tables)


def test_codes_in_csv_are_kept_as_written() -> None:
    codes = ["03", "3.50", "12345678901234567890", "1e5"]
    text = "\n".join([";".join(HEADER), *(f"{c};Tiltak {c};T1;SNH" for c in codes)])
    tables = read_bytes(text.encode(), "tiltak.csv")
    assert [values["code"] for _, values in tables.tables["measures"].rows] == codes
    assert not tables.notices


def test_numeric_codes_in_xlsx_are_read_as_shown_and_noticed_once() -> None:
    data = xlsx(
        [HEADER, [3.5, "A", "T1", "SNH"], [3.1, "B", "T1", "SNH"], ["03", "C", "T1", "SNH"]]
    )
    tables = read_bytes(data, "tiltak.xlsx")
    assert [values["code"] for _, values in tables.tables["measures"].rows] == ["3.5", "3.1", "03"]
    assert [p.key for p in tables.notices] == ["import.codes_as_numbers"]
    assert "3.10" in tables.notices[0].text("nb")


# --- every value dropped is said ---------------------------------------------------------


def test_removed_control_characters_are_noticed_by_row_and_column() -> None:
    text = "Kode;Tiltak;Satsingsområde;Ansvarlig\n1.1;Blå\x0b vekst;T1;SNH\n1.2;Rent;T1;SNH\n"
    tables = read_bytes(text.encode(), "tiltak.csv")
    assert tables.tables["measures"].rows[0][1]["title"] == "Blå vekst"
    assert [(p.key, p.row, p.field) for p in tables.notices] == [
        ("import.characters_removed", 2, "Tiltak")
    ]


def test_values_right_of_the_headers_are_noticed_by_row() -> None:
    text = "Kode;Tiltak;Satsingsområde;Ansvarlig\n1.1;Blå vekst;T1;SNH;glemt verdi\n"
    tables = read_bytes(text.encode(), "tiltak.csv")
    assert [(p.key, p.row) for p in tables.notices] == [("import.value_without_header", 2)]
    assert "E" in tables.notices[0].text("nb") and "glemt verdi" in tables.notices[0].text("nb")
    assert_readable_messages(tables)
