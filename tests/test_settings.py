"""tracker.settings is the one place that reads the environment, and ui.secrets the
one place that reads `.streamlit/secrets.toml`; each setting reads as documented."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tracker import db, i18n, settings
from tracker.adapters import mail
from tracker.client_address import trusted_proxies

ROOT = Path(__file__).resolve().parent.parent
PRODUCT = ("tracker", "ui", "web", "app_pages", "app.py", "dashboard.py")
ENVIRONMENT_READER = ROOT / "tracker" / "settings.py"
SECRETS_READER = ROOT / "ui" / "secrets.py"


def product_files() -> list[Path]:
    found: list[Path] = []
    for part in PRODUCT:
        target = ROOT / part
        found += [target] if target.is_file() else sorted(target.rglob("*.py"))
    return found


def reads(path: Path) -> set[str]:
    """Which of os.environ, os.getenv, os.putenv and st.secrets the file names."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    wanted = {("os", "environ"), ("os", "getenv"), ("os", "putenv"), ("st", "secrets")}
    named = {
        (node.value.id, node.attr)
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
    }
    imported = {
        ("os", alias.name)
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module == "os"
        for alias in node.names
    }
    return {f"{owner}.{name}" for owner, name in (named | imported) & wanted}


@pytest.mark.parametrize("path", product_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_only_the_settings_module_reads_the_environment_and_secrets(path: Path) -> None:
    allowed = {ENVIRONMENT_READER: {"os.environ"}, SECRETS_READER: {"st.secrets"}}
    assert reads(path) <= allowed.get(path, set())


def test_the_readers_are_the_ones_the_check_looks_for() -> None:
    assert reads(ENVIRONMENT_READER) == {"os.environ"}
    assert reads(SECRETS_READER) == {"st.secrets"}


def test_every_setting_is_listed_once() -> None:
    names = [s.name for s in (*settings.SETTINGS, *settings.TEST_SETTINGS)]
    assert len(names) == len(set(names))
    assert len({s.name for s in settings.SECRETS}) == len(settings.SECRETS)


def test_an_unset_or_blank_setting_reads_as_its_default() -> None:
    assert settings.LANG.read({}) == "nb"
    assert settings.LANG.read({"TRACKER_LANG": "  "}) == "nb"
    assert settings.LANG.read({"TRACKER_LANG": "en"}) == "en"


def test_the_defaults_are_the_ones_the_code_uses() -> None:
    assert settings.LANG.default == i18n.DEFAULT_LANG
    assert settings.DATABASE_URL.default.endswith("/data/tracker.db")
    assert trusted_proxies({}) == int(settings.TRUSTED_PROXIES.default)
    found = mail.MailSettings.found(None, {settings.SMTP_HOST.name: "smtp.example.org"})
    assert found is not None
    assert str(found.port) == settings.SMTP_PORT.default
    assert found.security == settings.SMTP_SECURITY.default


def test_the_smtp_settings_are_the_fields_mail_reads() -> None:
    fields = {s.name.removeprefix(settings.SMTP_PREFIX).lower() for s in settings.SMTP}
    assert fields == set(mail.MailSettings.__dataclass_fields__)


def test_the_database_url_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(settings.DATABASE_URL.name, "postgresql://u@h/x")
    assert db.database_url() == "postgresql+psycopg://u@h/x"
    monkeypatch.delenv(settings.DATABASE_URL.name)
    assert db.database_url() == settings.DATABASE_URL.default
