"""Plan import: read a file (read.py), parse cell values (values.py), match names
(resolve.py), check by the services' own rules (checks.py), validate and write
(plan_import.py)."""

from tracker.importers.plan_import import ImportResult, import_path, import_tables
from tracker.importers.read import read_bytes, read_path

__all__ = ["ImportResult", "import_path", "import_tables", "read_bytes", "read_path"]
