"""Every setting the app reads, in one list: environment variables (read here and
nowhere else) and the sections of `.streamlit/secrets.toml` (read by ui.secrets,
since only Streamlit can). Each has its default and the file that documents it;
tests/test_docs.py checks that file, and the README's settings table, name it.

No Streamlit here: `tracker/` never imports it."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = "README.md"
SSO_DOC = "docs/SSO.md"


@dataclass(frozen=True)
class Setting:
    """An environment variable: its name, the value used when it is unset or
    empty ("" when there is none), what it does, and where it is documented."""

    name: str
    default: str
    meaning: str
    documented: str = README
    shown_default: str = ""  # the default as the docs say it, when not the value itself

    def read(self, environ: Mapping[str, str] | None = None) -> str:
        """The value in environ (default: the process's environment), else the default."""
        found = (os.environ if environ is None else environ).get(self.name, "")
        return found.strip() or self.default


@dataclass(frozen=True)
class SecretSection:
    """A section of `.streamlit/secrets.toml`."""

    name: str
    meaning: str
    documented: str = README


DATABASE_URL = Setting(
    "TRACKER_DATABASE_URL",
    f"sqlite:///{ROOT / 'data' / 'tracker.db'}",
    "the database (`postgresql://…` is read as psycopg 3)",
    shown_default="data/tracker.db",
)
LANG = Setting(
    "TRACKER_LANG", "nb", "language of the command line's messages (nb or en); `--lang` wins"
)
TRUSTED_PROXIES = Setting(
    "TRACKER_TRUSTED_PROXIES",
    "0",
    "how many proxies in front of the app append to X-Forwarded-For (0: the header is ignored)",
)
SMTP_PREFIX = "TRACKER_SMTP_"
SMTP_HOST = Setting(
    SMTP_PREFIX + "HOST", "", "the mail server for reminders; unset: no sending, mailto links"
)
SMTP_PORT = Setting(SMTP_PREFIX + "PORT", "587", "its port (465 with `ssl`: mail.SSL_PORT)")
SMTP_USERNAME = Setting(SMTP_PREFIX + "USERNAME", "", "the login at the mail server")
SMTP_PASSWORD = Setting(SMTP_PREFIX + "PASSWORD", "", "its password")
SMTP_SENDER = Setting(
    SMTP_PREFIX + "SENDER", "", "the From address (default: the username, else tracker@HOST)"
)
SMTP_SECURITY = Setting(SMTP_PREFIX + "SECURITY", "starttls", "`starttls`, `ssl` or `none`")
SMTP_APP_URL = Setting(
    SMTP_PREFIX + "APP_URL", "", "the app's address, put in each reminder as a link"
)
BROWSER_PATH = Setting(
    "BROWSER_PATH", "", "the Chrome or Chromium that draws the PDF/DOCX charts (default: found)"
)
USER = Setting("USER", "tracker", "who `summary` says made the summary, when `--by` is not given")

SMTP = (
    SMTP_HOST,
    SMTP_PORT,
    SMTP_USERNAME,
    SMTP_PASSWORD,
    SMTP_SENDER,
    SMTP_SECURITY,
    SMTP_APP_URL,
)
SETTINGS = (DATABASE_URL, LANG, TRUSTED_PROXIES, *SMTP, BROWSER_PATH, USER)
"""Every environment variable the app reads."""

AUTH_SECRETS = SecretSection(
    "auth", "single sign-on (OpenID Connect): the login page then offers it", SSO_DOC
)
SMTP_SECRETS = SecretSection(
    "smtp", "the mail server for reminders (host, port, …: the TRACKER_SMTP_* names in lower case)"
)
SECRETS = (AUTH_SECRETS, SMTP_SECRETS)
"""Every section of `.streamlit/secrets.toml` the app reads."""

TEST_POSTGRES_URL = Setting(
    "TRACKER_TEST_POSTGRES_URL",
    "",
    "tests only: the service tests run on this PostgreSQL database too (CI sets it)",
)
TEST_FUZZ_EXAMPLES = Setting(
    "TRACKER_FUZZ_EXAMPLES", "0", "tests only: more generated files for the importer's fuzz test"
)
TEST_ROUNDTRIP_EXAMPLES = Setting(
    "TRACKER_ROUNDTRIP_EXAMPLES",
    "0",
    "tests only: more generated plans for the export-import round trip",
)
TEST_SETTINGS = (TEST_POSTGRES_URL, TEST_FUZZ_EXAMPLES, TEST_ROUNDTRIP_EXAMPLES)
"""The environment variables only the tests read."""


def environment() -> Mapping[str, str]:
    """The process's environment, for a reader that takes the whole mapping
    (mail.MailSettings.found picks the TRACKER_SMTP_* names from it)."""
    return os.environ
