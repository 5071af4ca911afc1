"""The quarterly summary for the council: built once as plain data (summary.py),
laid out as a document (document.py), rendered to XLSX, PDF, DOCX and CSV."""

from tracker.reports.render import Format, file_name, render
from tracker.reports.summary import Stamp, Summary, build_summary

__all__ = ["Format", "Stamp", "Summary", "build_summary", "file_name", "render"]
