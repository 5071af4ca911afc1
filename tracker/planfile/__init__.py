"""The plan file: one format for import and export (XLSX sheets or CSV files).

sheets.py says what the file holds (sheets, columns, headers and their aliases);
export.py writes it. Import reads any layout (read.py, layout.py, blocks.py,
merges.py, cells.py, text.py), parses cell values (values.py, periods.py,
names.py, themes.py), matches names (resolve.py), checks rows by the services'
own rules (checks.py, new_plan.py) and writes through the services: importer.py
runs one import (run.py, its state) through the sheets' rows (plan_rows.py,
actor_rows.py, measure_rows.py, status_rows.py, events.py: rows into specs.py's
specs), then writes them (apply.py); report.py and changes.py say what it did.
Import a module by name: this package re-exports nothing.
"""
