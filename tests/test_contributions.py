"""The lead reports the status, partners contribute (SQLite and PostgreSQL): a
partner's report is refused, a contribution never changes the status, coverage and
reminders count the lead's reports only, and a second click stores nothing new."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tests.factories import World
from tracker.db import AppendOnlyError
from tracker.errors import PermissionDenied, ValidationError
from tracker.models import Contribution, StatusUpdate
from tracker.quarters import Quarter
from tracker.service.contributions import (
    ContributionInput,
    add_contribution,
    list_contributions,
)
from tracker.service.measures import measure_status
from tracker.service.principal import contributable_measure_ids, reportable_measure_ids
from tracker.service.quarter_closing import close_quarter
from tracker.service.reminders import reminders
from tracker.service.rollups import reporting_of
from tracker.service.status import Report, latest_status, measure_history, report_status
from tracker.vocab import Rag, Status

NOW = datetime(2025, 8, 15, 12, tzinfo=UTC)  # in 2025-Q3
Q3 = "2025-Q3"


def reports(session: Session) -> int:
    return session.scalar(select(func.count(StatusUpdate.id))) or 0


def contributions(session: Session) -> int:
    return session.scalar(select(func.count(Contribution.id))) or 0


def report(session: Session, world: World, who: str, code: str, **changes: object) -> int:
    values = {"period": Q3, "status": Status.IN_PROGRESS, "progress": 60, "rag": Rag.RED}
    values.update(changes)
    measure = world.measures[code]
    session.refresh(measure)
    saved = report_status(
        session,
        user=world.principals[who],
        measure_id=measure.id,
        report=Report(**values),  # type: ignore[arg-type]
        seen_version=measure.version,
        now=NOW,
    )
    return saved.status_id


def contribute(session: Session, world: World, who: str, code: str, text: str, link: str = ""):
    return add_contribution(
        session,
        user=world.principals[who],
        measure_id=world.measures[code].id,
        contribution=ContributionInput(Q3, text, link),
        now=NOW,
    )


def test_a_partner_cannot_report_the_status(session: Session, world: World) -> None:
    before = reports(session)
    with pytest.raises(PermissionDenied) as refused:
        report(session, world, "actor_b", "1.1")  # B is a partner in 1.1, A leads it
    assert refused.value.problems[0].key == "perm.partner_contributes"
    assert "1.1" in refused.value.text("nb")
    assert reports(session) == before


def test_the_lead_and_the_admin_report_the_status(session: Session, world: World) -> None:
    report(session, world, "actor_a", "1.1", progress=60)
    report(session, world, "admin", "2.1", progress=30)
    session.commit()
    latest = latest_status(session, world.plan.id).set_index("measure_id")
    assert latest.loc[world.measure_id("1.1"), "progress"] == 60
    assert latest.loc[world.measure_id("2.1"), "progress"] == 30


def test_a_partner_contributes_and_the_status_stays(session: Session, world: World) -> None:
    before = latest_status(session, world.plan.id).set_index("measure_id")
    contribute(session, world, "actor_b", "1.1", "Holdt gründerkurs for 12 bedrifter",
               "https://example.org/kurs")  # fmt: skip
    session.commit()
    after = latest_status(session, world.plan.id).set_index("measure_id")
    assert after.equals(before)
    found = list_contributions(session, plan_id=world.plan.id, period=Quarter.parse(Q3))
    assert found[["text", "link", "actor", "period"]].to_dict("records") == [
        {
            "text": "Holdt gründerkurs for 12 bedrifter",
            "link": "https://example.org/kurs",
            "actor": "Klyngen Nordvest",
            "period": Q3,
        }
    ]


@pytest.mark.parametrize(
    ("who", "code", "key"),
    [
        ("actor_a", "1.1", "perm.lead_reports"),  # A leads 1.1
        ("actor_a", "2.1", "perm.not_partner"),  # A has no part in 2.1
        ("leader", "1.1", "perm.read_only"),
        ("admin", "1.1", "perm.not_partner"),  # the admin reports status instead
    ],
)
def test_only_partners_contribute(
    session: Session, world: World, who: str, code: str, key: str
) -> None:
    with pytest.raises(PermissionDenied) as refused:
        contribute(session, world, who, code, "Noe")
    assert refused.value.problems[0].key == key
    assert contributions(session) == 0


def test_a_contribution_is_checked(session: Session, world: World) -> None:
    with pytest.raises(ValidationError) as refused:
        add_contribution(
            session,
            user=world.principals["actor_b"],
            measure_id=world.measure_id("1.1"),
            contribution=ContributionInput("2027-Q1", "   ", "javascript:alert(1)"),
            now=NOW,
        )
    keys = {p.key for p in refused.value.problems}
    assert keys == {"contribution.text_empty", "contribution.link_invalid",
                    "report.period_outside_span", "report.period_in_future"}  # fmt: skip
    close_quarter(session, user=world.principals["admin"], plan_id=world.plan.id,
                  period=Quarter(2025, 2), now=NOW)  # fmt: skip
    with pytest.raises(ValidationError) as closed:
        add_contribution(
            session,
            user=world.principals["actor_b"],
            measure_id=world.measure_id("1.1"),
            contribution=ContributionInput("2025-Q2", "Sent", ""),
            now=NOW,
        )
    assert [p.key for p in closed.value.problems] == ["report.period_closed"]
    assert contributions(session) == 0


def test_a_second_click_stores_nothing_new(session: Session, world: World) -> None:
    first = contribute(session, world, "actor_b", "1.1", "Samme tekst")
    again = contribute(session, world, "actor_b", "1.1", "Samme tekst ")
    assert first == again and contributions(session) == 1
    before = reports(session)
    status_id = report(session, world, "actor_a", "1.1", comment="Til kommunestyret")
    again_id = report(session, world, "actor_a", "1.1", comment="Til kommunestyret")
    assert status_id == again_id and reports(session) == before + 1
    changed = report(session, world, "actor_a", "1.1", comment="Rettet")
    assert changed != status_id and reports(session) == before + 2


def test_contributions_are_append_only(session: Session, world: World) -> None:
    contribute(session, world, "actor_b", "1.1", "Første")
    session.commit()
    row = session.scalars(select(Contribution)).one()
    row.text = "Omskrevet"
    with pytest.raises(AppendOnlyError):
        session.flush()
    session.rollback()
    session.delete(session.scalars(select(Contribution)).one())
    with pytest.raises(AppendOnlyError):
        session.flush()


def test_what_each_actor_reports_on(session: Session, world: World) -> None:
    b = world.principals["actor_b"]
    codes = {m.id: code for code, m in world.measures.items()}
    assert {codes[i] for i in reportable_measure_ids(session, b) or set()} == {"1.2", "2.2"}
    assert {codes[i] for i in contributable_measure_ids(session, b)} == {"1.1", "2.1"}


def test_old_partner_reports_never_count(session: Session, world: World) -> None:
    """A report a partner made under the old rule (marked by the migration) stays in
    the history but is not the status, and the lead still owes its report."""
    measure = world.measures["2.1"]  # led by C, B is partner
    session.execute(
        StatusUpdate.__table__.insert().values(
            measure_id=measure.id, period=Q3, status="in_progress", progress=90, rag="red",
            comment="", next_steps="", reported_by_user_id=world.users["actor_b"].id,
            reported_by_actor_id=world.actors["B"].id, reported_at=NOW, by_partner=True,
        )
    )  # fmt: skip
    session.commit()
    assert measure.id not in set(latest_status(session, world.plan.id)["measure_id"])
    history = measure_history(session, measure.id)
    assert history[["progress", "by_partner"]].to_dict("records") == [
        {"progress": 90, "by_partner": True}
    ]
    metrics = measure_status(session, plan_id=world.plan.id, as_of=NOW)
    assert metrics.set_index("code").loc["2.1", "status"] is None
    due = reporting_of(metrics, Quarter.parse(Q3)).set_index("actor_id")
    assert due.loc[world.actors["C"].id, "quarter_reported"] == 0
    owed = reminders(session, user=world.principals["admin"], plan_id=world.plan.id,
                     quarter=Quarter.parse(Q3), now=NOW)  # fmt: skip
    assert any(r.actor_id == world.actors["C"].id and any(m.startswith("2.1 ") for m in r.measures)
               for r in owed)  # fmt: skip


def test_a_measure_or_actor_with_contributions_is_not_deleted(
    session: Session, world: World
) -> None:
    """Found in review: only status reports were counted, so the delete reached the
    database's foreign key and failed there."""
    from tracker.service.actors import delete_actor
    from tracker.service.measure_edits import MeasureInput, delete_measure, save_measure

    admin = world.principals["admin"]
    measure = world.measures["2.1"]  # led by C, B partner; no status report
    contribute(session, world, "actor_b", "2.1", "Bidrag")
    with pytest.raises(ValidationError) as refused:
        delete_measure(session, user=admin, measure_id=measure.id)
    assert [p.key for p in refused.value.problems] == ["admin.measure_has_contributions"]
    session.refresh(measure)
    save_measure(
        session,
        user=admin,
        plan_id=world.plan.id,
        measure_id=measure.id,
        seen_version=measure.version,
        values=MeasureInput(
            code="2.1",
            title=measure.title,
            theme_id=measure.theme_id,
            lead_actor_id=measure.lead_actor_id,
            start_period=measure.start_period,
            end_period=measure.end_period,
        ),
    )  # fmt: skip  (B is no partner now)
    with pytest.raises(ValidationError) as kept:
        delete_actor(session, user=admin, actor_id=world.actors["B"].id)
    assert "admin.used_by_contributions" in {p.key for p in kept.value.problems}
