"""What the real-browser tests share: Debian's Chromium, and `streamlit run
app.py` as a child process on a free port of 127.0.0.1 with its own database
and home folder, its log kept for failure reports."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import Page

from tracker import db

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-proxy-server",
    "--disable-dev-shm-usage",
]
NO_CHROMIUM = f"{CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium)"
STARTUP_TIMEOUT = 90.0  # seconds for `streamlit run` to answer /_stcore/health
UI_TIMEOUT = 60_000  # ms for the browser to show what a step should (CI machines can be busy)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class App:
    """A running `streamlit run app.py`."""

    def __init__(self, process: subprocess.Popen[bytes], url: str, log: Path) -> None:
        self.process = process
        self.url = url
        self.log = log

    def log_tail(self, lines: int = 40) -> str:
        text = self.log.read_text(encoding="utf-8", errors="replace").splitlines()
        return "\n".join(text[-lines:])

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)


def start_app(database_url: str, home: Path, *extra_args: str, port: int | None = None) -> App:
    """Start the app (on a free port unless given) with HOME=home (no ~/.streamlit
    from the machine: the repository's .streamlit/config.toml as shipped, so the
    browser tests see its settings, gatherUsageStats = false among them); returns
    once /_stcore/health answers. Raises RuntimeError with the log's tail when it
    does not start."""
    port = port or free_port()
    log = home / "streamlit.log"
    env = {
        **os.environ,
        db.URL_VARIABLE: database_url,
        "HOME": str(home),
        "NO_PROXY": "127.0.0.1,localhost",
        "no_proxy": "127.0.0.1,localhost",
    }
    command = [
        sys.executable, "-m", "streamlit", "run", "app.py",
        "--server.headless=true",
        f"--server.port={port}",
        "--server.address=127.0.0.1",
        "--server.fileWatcherType=none",
        *extra_args,
    ]  # fmt: skip
    with log.open("wb") as out:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    app = App(process, f"http://127.0.0.1:{port}", log)
    try:
        _wait_healthy(app)
    except RuntimeError:
        app.stop()
        raise
    return app


def _wait_healthy(app: App) -> None:
    deadline = time.monotonic() + STARTUP_TIMEOUT
    while time.monotonic() < deadline:
        if app.process.poll() is not None:
            raise RuntimeError(f"streamlit exited with {app.process.returncode}:\n{app.log_tail()}")
        try:
            with urllib.request.urlopen(f"{app.url}/_stcore/health", timeout=2) as answer:
                if answer.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.25)
    raise RuntimeError(f"streamlit did not answer /_stcore/health in {STARTUP_TIMEOUT}s")


def nav_titles(page: Page) -> list[str]:
    links = page.get_by_test_id("stSidebarNav").get_by_role("link")
    # A link's text is "<icon ligature>\n\n<title>": keep the title.
    return [text.strip().splitlines()[-1] for text in links.all_inner_texts()]
