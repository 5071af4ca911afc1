"""Reporting reminders: whom to remind for a quarter (service, SQLite and PostgreSQL),
and sending through a real SMTP server the test starts on 127.0.0.1: a refused
recipient and a server that is down are reported per recipient, never dropped."""

from __future__ import annotations

from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from tests.browser import free_port
from tests.conftest import utc
from tests.factories import World
from tests.smtp_server import SMTPServer
from tracker.adapters import mail
from tracker.errors import PermissionDenied
from tracker.models import AuditLog
from tracker.quarters import Quarter
from tracker.service.reminders import Reminder, record_sent, reminders

NOW = utc(2026, 11, 28, 9)
Q1_2024 = Quarter(2024, 1)


def remind(session: Session, world: World, quarter: Quarter = Q1_2024) -> list[Reminder]:
    return reminders(
        session, user=world.principals["admin"], plan_id=world.plan.id, quarter=quarter, now=NOW
    )


def test_the_lead_actors_with_measures_lacking_a_report(session: Session, world: World) -> None:
    world.users["actor_a"].email = "aktor.a@naeringshage.no"
    world.actors["B"].contact = "post@klyngen.no"
    session.flush()
    # 2024-Q1: 1.1 and 1.3 (led by A) and 1.2 (led by B) run and have no report;
    # 2.1 starts in 2024-Q3.
    found = remind(session, world)
    assert [(r.actor, r.measures, r.recipients) for r in found] == [
        ("Klyngen Nordvest", ("1.2 Felles markedsføring av regionen",), ("post@klyngen.no",)),
        (
            "Senja Næringshage",
            ("1.1 Etablere inkubatorprogram for sjømat", "1.3 Næringsareal på Finnsnes"),
            ("aktor.a@naeringshage.no",),
        ),
    ]


def test_who_has_no_address_is_listed_with_none(session: Session, world: World) -> None:
    world.users["actor_a"].email = "aktor.a@naeringshage.no"
    world.users["actor_a"].active = False  # a deactivated user is not written to
    world.actors["B"].contact = "Kari på sentralbordet"  # not an address
    session.flush()
    assert [r.recipients for r in remind(session, world)] == [(), ()]


def test_a_quarter_with_every_report_in_has_no_reminders(session: Session, world: World) -> None:
    # 2025-Q2: 1.1 and 2.3 are reported, 1.2 finished earlier, 1.3 cancelled; 2.1 is not.
    found = remind(session, world, Quarter(2025, 2))
    assert [r.measures for r in found] == [("2.1 Kompetanseløft i reiselivet",)]


def test_only_the_admin_sees_the_reminders(session: Session, world: World) -> None:
    with pytest.raises(PermissionDenied):
        reminders(session, user=world.principals["leader"], plan_id=world.plan.id, quarter=Q1_2024)


def test_sending_is_audited_per_recipient(session: Session, world: World) -> None:
    reminder = Reminder(1, "Senja Næringshage", "2024-Q1", ("1.1 X",), ("a@x.no", "b@x.no"))
    record_sent(
        session, user=world.principals["admin"], reminder=reminder, sent=["a@x.no"],
        failed={"b@x.no": "550 Ukjent mottaker"},
    )  # fmt: skip
    row = session.scalars(select(AuditLog).where(AuditLog.action == "remind")).one()
    assert row.after == {
        "quarter": "2024-Q1", "sent": ["a@x.no"], "failed": ["b@x.no: 550 Ukjent mottaker"],
    }  # fmt: skip


# --- the mail itself ----------------------------------------------------------------

REMINDERS = [
    Reminder(1, "Klyngen Nordvest", "2025-Q3", ("1.2 Felles markedsføring",), ("kn@x.no",)),
    Reminder(
        2, "Senja Næringshage", "2025-Q3", ("1.1 Inkubator", "1.3 Næringsareal på Finnsnes"),
        ("snh@x.no", "avvist@x.no"),
    ),
]  # fmt: skip


def settings(port: int) -> mail.MailSettings:
    return mail.MailSettings(
        host="127.0.0.1", port=port, sender="naering@senja.kommune.no", security="none",
        app_url="https://tracker.senja.kommune.no",
    )  # fmt: skip


def test_reminders_arrive_and_a_refused_recipient_is_reported_alone() -> None:
    with SMTPServer() as server:
        outcomes = mail.send(settings(server.port), REMINDERS, "nb")
    assert outcomes[1] == [mail.Outcome("kn@x.no", True)]
    assert outcomes[2][0] == mail.Outcome("snh@x.no", True)
    refused = outcomes[2][1]
    assert refused.recipient == "avvist@x.no" and not refused.sent
    assert refused.reason.startswith("550") and "Ukjent mottaker" in refused.reason
    assert [to for to, _ in server.received] == [["kn@x.no"], ["snh@x.no"]]
    message = server.received[1][1]
    assert message["Subject"] == "Påminnelse: statusrapport for 3. kvartal 2025"
    assert message["From"] == "naering@senja.kommune.no"
    text = message.get_content()
    assert "Hei, Senja Næringshage!" in text
    assert "- 1.3 Næringsareal på Finnsnes" in text
    assert "https://tracker.senja.kommune.no" in text


def test_a_server_that_is_down_fails_every_recipient_with_the_reason() -> None:
    outcomes = mail.send(settings(free_port()), REMINDERS, "nb")
    flat = [o for results in outcomes.values() for o in results]
    assert [o.recipient for o in flat] == ["kn@x.no", "snh@x.no", "avvist@x.no"]
    assert not any(o.sent for o in flat)
    assert all(o.reason for o in flat)


def test_mailto_link_carries_recipients_subject_and_text() -> None:
    link = urlsplit(mail.mailto(REMINDERS[1], "nb"))
    assert link.scheme == "mailto"
    assert unquote(link.path) == "snh@x.no,avvist@x.no"
    fields = parse_qs(link.query)
    assert fields["subject"] == ["Påminnelse: statusrapport for 3. kvartal 2025"]
    assert "- 1.1 Inkubator\n- 1.3 Næringsareal på Finnsnes" in fields["body"][0]


def test_settings_from_secrets_or_environment() -> None:
    assert mail.MailSettings.found(None, {}) is None
    from_env = mail.MailSettings.found(
        None, {"TRACKER_SMTP_HOST": "smtp.x.no", "TRACKER_SMTP_PORT": "2525"}
    )
    assert from_env == mail.MailSettings(host="smtp.x.no", sender="tracker@smtp.x.no", port=2525)
    secrets = {"host": "smtp.office365.com", "username": "u@senja.no", "password": "p"}
    found = mail.MailSettings.found(secrets, {"TRACKER_SMTP_HOST": "ignored"})
    assert found is not None and found.host == "smtp.office365.com"
    assert found.sender == "u@senja.no" and found.security == "starttls"


def test_a_bad_address_fails_alone_and_the_rest_are_sent() -> None:
    broken = Reminder(3, "Sjømat", "2025-Q3", ("1.4 X",), ("post@sjomat.no\nBcc:x@y.no",))
    with SMTPServer() as server:
        outcomes = mail.send(settings(server.port), [broken, REMINDERS[0]], "nb")
    assert outcomes[3] == [
        mail.Outcome("post@sjomat.no\nBcc:x@y.no", False, "ugyldig e-postadresse")
    ]
    assert outcomes[1] == [mail.Outcome("kn@x.no", True)]
    assert [to for to, _ in server.received] == [["kn@x.no"]]


def test_an_unknown_security_setting_never_means_unencrypted() -> None:
    found = mail.MailSettings.found({"host": "smtp.x.no", "security": "tls"}, {})
    assert found is not None and found.security == "starttls"
    ssl_default = mail.MailSettings.found({"host": "smtp.x.no", "security": "ssl"}, {})
    assert ssl_default is not None and ssl_default.port == 465


def test_overdue_measures_are_reminded(session: Session, world: World) -> None:
    """1.1 and 2.3 (led by A) ended 2025-Q4 still in progress: overdue in 2026-Q1,
    though no report is due for them any more. A is reminded of them, in the mail."""
    found = {r.actor: r for r in remind(session, world, Quarter(2026, 1))}
    reminder = found["Senja Næringshage"]
    assert reminder.measures == ()
    assert [m.split(" ")[0] for m in reminder.overdue] == ["1.1", "2.3"]
    text = mail.body(reminder, "nb")
    assert "forfalt" in text and "- 2.3 Lærlingordning for små bedrifter" in text
    assert all(not r.overdue for name, r in found.items() if name != "Senja Næringshage")
