"""A file with only some columns changes only those columns of existing measures:
nothing it does not mention is wiped (descriptions, spans, weights, partners,
funders, goals, progress, comments)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from sqlalchemy.orm import Session

from tracker.demo.seed import load_demo
from tracker.models import Measure
from tracker.planfile.importer import import_path
from tracker.service.principal import SYSTEM
from tracker.service.status import latest_status
from tracker.service.structure import measures_frame


@pytest.fixture
def demo(session: Session) -> int:
    plan_id = load_demo(session).plan_id
    session.commit()
    return plan_id


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "partial.csv"
    path.write_text(text, encoding="utf-8")
    return path


def snapshot(session: Session, plan_id: int) -> dict[str, dict[str, object]]:
    frame = measures_frame(session, plan_id).set_index("code")
    columns = ["title", "description", "start_period", "end_period", "weight", "budget",
               "funding", "goal_id", "partner_ids", "funder_ids", "lead_actor_id"]  # fmt: skip
    return {code: {c: plain(row[c]) for c in columns} for code, row in frame.iterrows()}


def plain(value: object) -> object:
    """NaN (a measure without a goal) as None, so snapshots compare equal."""
    return None if not isinstance(value, list) and pd.isna(value) else value


def test_a_file_with_few_columns_changes_nothing_else(
    session: Session, demo: int, tmp_path: Path
) -> None:
    before = snapshot(session, demo)
    path = write(
        tmp_path,
        "Kode;Tiltak;Satsingsområde;Ansvarlig\n"
        "1.1;Næringsarena Senjaregionen med felles årshjul;1;Senja kommune\n",
    )
    result = import_path(session, user=SYSTEM, path=path)
    session.commit()
    assert result.ok, [p.text() for p in result.problems]
    assert result.changes == []
    assert snapshot(session, demo) == before


def test_only_the_given_column_changes(session: Session, demo: int, tmp_path: Path) -> None:
    before = snapshot(session, demo)
    path = write(
        tmp_path,
        "Kode;Tiltak;Satsingsområde;Ansvarlig;Beskrivelse\n"
        "1.1;Næringsarena Senjaregionen med felles årshjul;1;Senja kommune;Ny tekst\n",
    )
    result = import_path(session, user=SYSTEM, path=path)
    session.commit()
    assert result.ok
    assert [c.text("nb") for c in result.changes] == ["Endret: Tiltak «1.1» (Beskrivelse)"]
    after = snapshot(session, demo)
    assert after["1.1"]["description"] == "Ny tekst"
    assert {k: v for k, v in after["1.1"].items() if k != "description"} == {
        k: v for k, v in before["1.1"].items() if k != "description"
    }


def test_a_partners_column_keeps_the_funders(session: Session, demo: int, tmp_path: Path) -> None:
    frame = measures_frame(session, demo)
    with_funder = frame[frame["funder_ids"].map(len) > 0].iloc[0]
    path = write(
        tmp_path,
        "Kode;Tiltak;Satsingsområde;Ansvarlig;Samarbeidspartnere\n"
        f"{with_funder['code']};{with_funder['title']};{with_funder['theme_code']};"
        f"{with_funder['lead_name']};\n",
    )
    result = import_path(session, user=SYSTEM, path=path)
    session.commit()
    assert result.ok
    measure = session.get(Measure, int(with_funder["id"]))
    assert measure is not None
    roles = {p.actor_id: p.role.value for p in measure.partners}
    assert roles == dict.fromkeys(with_funder["funder_ids"], "funder")


def test_a_status_column_alone_keeps_progress_and_comment(
    session: Session, demo: int, tmp_path: Path
) -> None:
    latest = latest_status(session, demo).set_index("measure_id")
    frame = measures_frame(session, demo)
    running = frame[frame["id"].map(lambda i: latest.loc[i, "status"] == "in_progress")].iloc[0]
    path = write(
        tmp_path,
        "Kode;Tiltak;Satsingsområde;Ansvarlig;Status\n"
        f"{running['code']};{running['title']};{running['theme_code']};"
        f"{running['lead_name']};Pågår\n",
    )
    result = import_path(session, user=SYSTEM, path=path)
    assert result.ok
    assert result.changes == [], [c.text() for c in result.changes]
