"""Smoke test of the placeholder dashboard with Streamlit's AppTest."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tracker import db
from tracker.demo import load_demo

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def sqlite_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    url = f"sqlite:///{tmp_path / 'app.db'}"
    monkeypatch.setenv(db.URL_VARIABLE, url)
    engine = db.make_engine(url)
    db.migrate(engine)
    engine.dispose()
    return url


def run_app() -> AppTest:
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=30)
    app.run()
    assert not app.exception, app.exception
    return app


def test_empty_database_says_what_to_do(sqlite_url: str) -> None:
    app = run_app()
    assert "python -m tracker demo" in app.info[0].value


def test_demo_shows_the_five_themes(sqlite_url: str) -> None:
    engine = db.make_engine(sqlite_url)
    with db.transaction(engine) as session:
        load_demo(session)
    engine.dispose()
    app = run_app()
    table = app.dataframe[0].value
    assert list(table["Satsingsområde"]) == [
        "Attraktiv – Næringsvennlig kommune",
        "Ung – Kompetanse og rekruttering",
        "Nyskapende – Innovasjon og entreprenørskap",
        "Bærekraftig – Bærekraft og grønn omstilling",
        "Sterk – Areal, infrastruktur og mobilitet",
    ]
    assert table["Tiltak"].sum() > 30
    assert any("Eksempeldata" in c.value for c in app.caption)
