"""The limits of what the importer reads, and the checks made before a byte of a
file is parsed: one place for each number. The server's upload limit
(`server.maxUploadSize` in .streamlit/config.toml) is MAX_UPLOAD_MB; a test holds
the two together."""

from __future__ import annotations

import io
import os
import stat
import zipfile
from pathlib import Path

from tracker.errors import Problem

MAX_UPLOAD_MB = 20
MAX_FILE_BYTES = MAX_UPLOAD_MB * 1024 * 1024
MAX_DATA_ROWS = 10_000  # per sheet: rows with any value below the header row
MAX_SHEET_ROWS, MAX_COLUMNS = 100_000, 80  # a sheet's extent, blank rows included
EXACT_DIGITS = 15  # Excel keeps 15 significant digits of a number
MAX_XLSX_PART_MB, MAX_XLSX_TOTAL_MB = 50, 100  # unpacked: each part of the zip, all parts
MAX_XLSX_PART_BYTES = MAX_XLSX_PART_MB * 1024 * 1024
MAX_XLSX_TOTAL_BYTES = MAX_XLSX_TOTAL_MB * 1024 * 1024
MAX_XLSX_PARTS = 1_000
MAX_PACKING_RATIO = 200  # sheet XML packs 5–50 times; a bomb about 1000 times
RATIO_CHECKED_FROM = 4 * 1024 * 1024  # small parts may pack tighter, and cost nothing


def read_file(path: Path) -> bytes | Problem:
    """The bytes of a regular file no larger than MAX_FILE_BYTES, or why not.

    A FIFO, a device or a link to one is refused without reading from it: stat
    first (it follows links), then open without blocking and check again on the
    open file, so a file swapped in between is caught too.
    """
    name = path.name
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return Problem("import.not_a_file", {"name": name})
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY)
    except FileNotFoundError:
        return Problem("import.not_found", {"name": name})
    except PermissionError:
        return Problem("import.no_access", {"name": name})
    except OSError:
        return Problem("import.unreadable", {"name": name})
    with os.fdopen(descriptor, "rb") as file:
        info = os.fstat(file.fileno())
        if not stat.S_ISREG(info.st_mode):
            return Problem("import.not_a_file", {"name": name})
        if info.st_size > MAX_FILE_BYTES:
            return too_large(name)
        data = file.read(MAX_FILE_BYTES + 1)  # the file may have grown since fstat
    return too_large(name) if len(data) > MAX_FILE_BYTES else data


def too_large(name: str) -> Problem:
    return Problem("import.too_large", {"name": name, "limit": MAX_UPLOAD_MB})


def check_xlsx(data: bytes, name: str) -> Problem | None:
    """Why an XLSX (a zip) may not be unpacked, judged from its directory alone.

    The sizes in the directory can be trusted: Python's zipfile, which openpyxl
    reads through, stops a part at its stated size and checks its CRC.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = archive.infolist()
    except Exception:  # zipfile raises several kinds for a damaged directory
        return Problem("import.not_xlsx", {"name": name})
    if len(parts) > MAX_XLSX_PARTS:
        return Problem("import.not_xlsx", {"name": name})
    total = 0
    for part in parts:
        total += part.file_size
        if part.file_size > MAX_XLSX_PART_BYTES:
            return Problem("import.unpacked_too_large", {"name": name, "limit": MAX_XLSX_PART_MB})
        if total > MAX_XLSX_TOTAL_BYTES:
            return Problem("import.unpacked_too_large", {"name": name, "limit": MAX_XLSX_TOTAL_MB})
        packed = max(part.compress_size, 1)
        if part.file_size >= RATIO_CHECKED_FROM and part.file_size > MAX_PACKING_RATIO * packed:
            return Problem("import.packed_too_tightly", {"name": name, "ratio": MAX_PACKING_RATIO})
    return None
