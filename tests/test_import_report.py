"""The import report a user downloads: every rejected row (row, column, message),
every notice, and a summary, as XLSX and as CSV, in the user's language."""

from __future__ import annotations

import csv
import io

from openpyxl import load_workbook

from tracker import i18n
from tracker.errors import Problem
from tracker.planfile.importer import ImportResult
from tracker.planfile.report import import_report, import_report_csv, made
from tracker.vocab import Entity

REFUSED = ImportResult(
    ok=False,
    dry_run=True,
    problems=[
        Problem("import.required", {}, "Tiltak", 4),
        Problem("import.one_actor", {"value": "=HYPERLINK(1)"}, "Ansvarlig", 7),
        Problem("import.nothing"),
    ],
    notices=[Problem("import.column_ignored", {"name": "Ark1", "column": "Notat"})],
)


def sheet_rows(data: bytes, title: str) -> list[tuple[object, ...]]:
    book = load_workbook(io.BytesIO(data))
    return [tuple(row) for row in book[title].iter_rows(values_only=True)]


def message(problem: Problem, lang: str) -> str:
    return Problem(problem.key, problem.params).text(lang)


def test_the_xlsx_lists_each_problem_with_its_row_column_and_message() -> None:
    data = import_report(REFUSED, "nb")
    rows = sheet_rows(data, i18n.t("importreport.sheet_problems", "nb"))
    assert rows[0] == tuple(i18n.t(f"importreport.{c}", "nb") for c in ("row", "column", "message"))
    assert rows[1] == (4, "Tiltak", message(REFUSED.problems[0], "nb"))
    assert rows[2] == (7, "Ansvarlig", message(REFUSED.problems[1], "nb"))
    assert rows[3] == (None, None, message(REFUSED.problems[2], "nb"))
    assert len(rows) == 4


def test_the_xlsx_lists_the_notices_and_a_summary() -> None:
    data = import_report(REFUSED, "en")
    notices = sheet_rows(data, i18n.t("importreport.sheet_notices", "en"))
    assert notices[1] == (None, None, message(REFUSED.notices[0], "en"))
    summary = dict(sheet_rows(data, i18n.t("importreport.sheet_summary", "en")))
    assert summary[i18n.t("importreport.outcome", "en")] == i18n.t("importreport.refused", "en")
    assert summary[i18n.t("importreport.problems", "en")] == 3
    assert summary[i18n.t("importreport.notices", "en")] == 1
    assert summary[i18n.t("importreport.changes", "en")] == 0
    book = load_workbook(io.BytesIO(data))
    assert book.sheetnames[0] == i18n.t("importreport.sheet_summary", "en")


def test_a_dry_run_that_would_go_through_says_so_and_lists_the_changes() -> None:
    result = ImportResult(ok=True, dry_run=True, changes=[Problem("import.where_row", {"row": 3})])
    data = import_report(result, "nb")
    summary = dict(sheet_rows(data, i18n.t("importreport.sheet_summary", "nb")))
    assert summary[i18n.t("importreport.outcome", "nb")] == i18n.t(
        "importreport.would_import", "nb"
    )
    changes = sheet_rows(data, i18n.t("importreport.sheet_changes", "nb"))
    assert changes[1] == (None, None, i18n.t("import.where_row", "nb", row=3))


def test_the_summary_names_the_sheet_and_header_row_it_read() -> None:
    result = ImportResult(ok=True, dry_run=True)
    result.layouts = [_Layout("Handlingsdel 2024-2028", 4)]  # type: ignore[attr-defined]
    data = import_report(result, "nb")
    summary = sheet_rows(data, i18n.t("importreport.sheet_summary", "nb"))
    assert (i18n.t("importreport.sheet_read", "nb"), "Handlingsdel 2024-2028") in summary
    assert (i18n.t("importreport.header_row", "nb"), 4) in summary


class _Layout:
    """What the report reads of read.Layout (the reader's class)."""

    def __init__(self, sheet: str, header_row: int) -> None:
        self.sheet, self.header_row = sheet, header_row


def test_the_csv_has_one_line_per_problem_and_notice_for_norwegian_excel() -> None:
    data = import_report_csv(REFUSED, "nb")
    assert data.startswith("\ufeff".encode())
    lines = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert lines[0] == [
        i18n.t(f"importreport.{c}", "nb") for c in ("kind", "row", "column", "message")
    ]
    problem, notice = i18n.t("importreport.problem", "nb"), i18n.t("importreport.notice", "nb")
    assert lines[1] == [problem, "4", "Tiltak", message(REFUSED.problems[0], "nb")]
    assert lines[3] == [problem, "", "", message(REFUSED.problems[2], "nb")]
    assert lines[4] == [notice, "", "", message(REFUSED.notices[0], "nb")]
    assert lines[2][3] == message(REFUSED.problems[1], "nb")  # «=HYPERLINK(1)» is quoted
    assert len(lines) == 5


def test_no_cell_of_the_report_is_a_formula() -> None:
    """Messages and columns carry the file's own text: a spreadsheet must not run it."""
    result = ImportResult(
        ok=False, dry_run=True, problems=[Problem("audit.funder", {"name": "=1+1"}, "@x", 2)]
    )
    rows = sheet_rows(import_report(result, "nb"), i18n.t("importreport.sheet_problems", "nb"))
    assert rows[1] == (2, "'@x", "'=1+1 (finansiør)")
    lines = import_report_csv(result, "nb").decode("utf-8-sig").splitlines()
    assert lines[1].endswith(";2;'@x;'=1+1 (finansiør)")


def test_the_csv_holds_what_the_xlsx_holds_problems_notices_and_changes() -> None:
    result = ImportResult(
        ok=True,
        dry_run=True,
        notices=[Problem("import.column_ignored", {"name": "Ark1", "column": "Notat"})],
        changes=[Problem("import.change_new", {"entity": "measure", "name": "1.1"}, None, 5)],
    )
    lines = list(
        csv.reader(io.StringIO(import_report_csv(result, "en").decode("utf-8-sig")), delimiter=";")
    )
    notice, change = i18n.t("importreport.notice", "en"), i18n.t("importreport.change", "en")
    assert lines[1] == [notice, "", "", message(result.notices[0], "en")]
    assert lines[2] == [change, "5", "", message(result.changes[0], "en")]
    assert len(lines) == 3
    xlsx = sheet_rows(import_report(result, "en"), i18n.t("importreport.sheet_changes", "en"))
    assert xlsx[1] == (5, None, message(result.changes[0], "en"))


def test_what_an_import_made_is_counted_from_its_changes() -> None:
    new = "import.change_new"
    changes = [
        Problem("import.change_new_plan", {"name": "P", "start_year": 2024, "end_year": 2028}),
        Problem(new, {"entity": Entity.THEME, "name": "Attraktiv"}),
        Problem(new, {"entity": Entity.THEME, "name": "Nyskapende"}),
        Problem(new, {"entity": Entity.ACTOR, "name": "NAV"}),
        Problem(new, {"entity": Entity.MEASURE, "name": "1.1"}),
        Problem("import.change_updated", {"entity": Entity.MEASURE, "name": "1.2", "fields": "x"}),
        Problem("import.change_updated", {"entity": Entity.MEASURE, "name": "1.2", "fields": "y"}),
        Problem("import.change_status", {"code": "1.1", "status": "completed", "period": "x"}),
    ]
    counts = made(ImportResult(ok=True, dry_run=False, changes=changes))
    assert counts == {"plan": 1, "theme": 2, "actor": 1, "measure": 1, "report": 1, "updated": 1}
    assert made(ImportResult(ok=True, dry_run=False)) == {}
