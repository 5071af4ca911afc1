"""The upload limit is the server's, not only the browser's: against the running app,
an upload over tracker.planfile.limits.MAX_UPLOAD_MB sent past the browser's check
(the same request the uploader makes, with its session and XSRF token) is refused
with 413, and the same request with a small file is taken."""

from __future__ import annotations

import uuid
from pathlib import Path

from playwright.sync_api import Page, Request

from tests.browser import App
from tests.e2e.conftest import REAL_ADMIN, go, logged_in, open_tab
from tracker.i18n import t
from tracker.planfile.limits import MAX_UPLOAD_MB

UPLOAD_PATH = "/_stcore/upload_file/"


def an_upload_request(page: Page, app: App, tmp_path: Path) -> Request:
    """The PUT the Admin page's uploader makes for a small file."""
    logged_in(page, app, *REAL_ADMIN)
    go(page, "page.admin")
    open_tab(page, t("adminpage.tab.import"))
    small = tmp_path / "liten.csv"
    small.write_text("Tiltak;Satsingsområde;Ansvarlig\n", encoding="utf-8")
    uploader = page.locator("[class*='st-key-admin_import_file_'] input[type=file]")
    with page.expect_request(lambda r: r.method == "PUT" and UPLOAD_PATH in r.url) as sent:
        uploader.set_input_files(small)
    return sent.value


def put(page: Page, request: Request, body: bytes) -> int:
    url = request.url.rsplit("/", 1)[0] + "/" + uuid.uuid4().hex  # a new file id
    headers = {k: v for k, v in request.all_headers().items() if k.lower() == "x-xsrftoken"}
    file = {"name": "tiltak.csv", "mimeType": "text/csv", "buffer": body}
    return page.request.put(url, headers=headers, multipart={"file": file}).status


def test_the_server_refuses_an_upload_over_the_limit(
    page: Page, app_server: App, tmp_path: Path
) -> None:
    request = an_upload_request(page, app_server, tmp_path)
    assert put(page, request, b"x" * ((MAX_UPLOAD_MB + 6) * 1024 * 1024)) == 413
    assert put(page, request, b"Tiltak;Satsingsomr\xc3\xa5de;Ansvarlig\n") == 204
