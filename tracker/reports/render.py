"""One entry point for every format: render(summary, Format.PDF, lang) -> bytes."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum

from tracker.reports.document import document
from tracker.reports.summary import Summary

Step = Callable[[str], None]  # told "drawing" / "writing" as long work begins


class Format(StrEnum):
    XLSX = "xlsx"
    PDF = "pdf"
    DOCX = "docx"
    CSV = "csv"  # Norwegian Excel: `;`, decimal comma, BOM
    CSV_PLAIN = "csv-plain"  # `,`, decimal point

    @property
    def suffix(self) -> str:
        return ".csv" if self in (Format.CSV, Format.CSV_PLAIN) else f".{self.value}"

    @property
    def mime(self) -> str:
        return MIME[self]

    @property
    def has_charts_as_images(self) -> bool:
        return self in (Format.PDF, Format.DOCX)


MIME = {
    Format.XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    Format.PDF: "application/pdf",
    Format.DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    Format.CSV: "text/csv",
    Format.CSV_PLAIN: "text/csv",
}


def render(summary: Summary, fmt: Format, lang: str, step: Step | None = None) -> bytes:
    """The summary as the bytes of a file in `fmt`. PDF and DOCX draw the charts
    with Chromium (tracker.reports.images) and may raise TrackerError."""
    step = step or (lambda _name: None)
    if fmt in (Format.CSV, Format.CSV_PLAIN):
        from tracker.reports.to_csv import summary_csv

        return summary_csv(summary, lang, plain=fmt == Format.CSV_PLAIN)
    doc = document(summary, lang)
    if fmt == Format.XLSX:
        from tracker.reports.to_xlsx import summary_xlsx

        return summary_xlsx(summary, doc)
    from tracker.reports.figures import chart_images

    step("drawing")
    images = chart_images(summary, lang)
    step("writing")
    if fmt == Format.PDF:
        from tracker.reports.to_pdf import summary_pdf

        return summary_pdf(summary, doc, images)
    from tracker.reports.to_docx import summary_docx

    return summary_docx(summary, doc, images)


def file_name(summary: Summary, fmt: Format) -> str:
    """e.g. kvartalsrapport-2025-Q3.xlsx"""
    extra = "-komma" if fmt == Format.CSV_PLAIN else ""
    return f"kvartalsrapport-{summary.quarter}{extra}{fmt.suffix}"
