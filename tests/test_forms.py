"""ui.forms.run_write, the write every form goes through: a write the database
refuses (a unique value two users race into) or cannot take (locked, unreachable)
is a message in the user's language, next to the form, with nothing stored and
the rest of the page still drawn; never a traceback or SQL."""

from __future__ import annotations

import logging

import pytest
from sqlalchemy import Engine, select
from streamlit.testing.v1 import AppTest

from tracker import db, i18n
from tracker.models import Actor
from tracker.service.principal import SYSTEM


def clashing_form(lang: str, clash: bool) -> None:
    import streamlit as st
    from sqlalchemy.exc import OperationalError

    from tracker.models import Actor
    from ui import forms

    st.session_state["lang"] = lang

    def action(session, _user) -> None:  # type: ignore[no-untyped-def]
        session.add(Actor(name="Ny aktør"))
        session.flush()
        if not clash:
            raise OperationalError("UPDATE actor SET name = ?", {"x": 1}, Exception("locked"))
        session.add(Actor(name="Samme navn"))  # another user saved it a moment ago
        session.flush()

    ok, _ = forms.run_write(action)
    st.write(f"ok={ok}; the page goes on")


def run_form(engine: Engine, monkeypatch: pytest.MonkeyPatch, lang: str, clash: bool) -> AppTest:
    monkeypatch.setenv("TRACKER_DATABASE_URL", engine.url.render_as_string(hide_password=False))
    with db.transaction(engine) as session:
        session.add(Actor(name="Samme navn"))
    at = AppTest.from_function(clashing_form, args=(lang, clash), default_timeout=30)
    at.session_state["principal"] = SYSTEM
    return at.run()


@pytest.mark.parametrize("lang", ["nb", "en"])
@pytest.mark.parametrize(("clash", "key"), [(True, "db.clash"), (False, "db.unavailable")])
def test_a_refused_write_is_a_message_and_stores_nothing(
    engine: Engine,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    lang: str,
    clash: bool,
    key: str,
) -> None:
    with caplog.at_level(logging.ERROR, logger="tracker.ui"):
        at = run_form(engine, monkeypatch, lang, clash)
    assert not at.exception
    assert [e.value for e in at.error] == [i18n.t(key, lang)]
    assert "ok=False; the page goes on" in [m.value for m in at.markdown]
    shown = " ".join(str(e.value) for e in [*at.markdown, *at.error])
    assert "UPDATE" not in shown and "INSERT" not in shown and "Error" not in shown
    with db.read_session(engine) as session:  # rolled back: the first insert is gone
        assert session.scalars(select(Actor.name)).all() == ["Samme navn"]
    assert "write_refused" in caplog.text  # the detail is in the server log
