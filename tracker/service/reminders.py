"""Reporting reminders: for a quarter, the lead actors with measures due a report
and none given, each with the e-mail addresses to remind; and recording that
reminders were sent (audited, per recipient)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.cells_safe import neutralised
from tracker.i18n import t
from tracker.models import Actor, User
from tracker.progress import in_figures, missing_in
from tracker.quarters import Quarter
from tracker.service.audit import record
from tracker.service.measures import measure_status
from tracker.service.principal import Principal, require_admin
from tracker.vocab import AuditAction, Entity


@dataclass(frozen=True)
class Reminder:
    actor_id: int
    actor: str
    quarter: str
    measures: tuple[str, ...]  # "1.2 Title" of each measure without a report
    recipients: tuple[str, ...]  # e-mail addresses; empty when the actor has none
    overdue: tuple[str, ...] = ()  # "1.2 Title" of each overdue measure (Forfalt)


def reminders(
    session: Session,
    *,
    user: Principal,
    plan_id: int,
    quarter: Quarter,
    now: datetime | None = None,
) -> list[Reminder]:
    """One Reminder per lead actor with measures due a report for `quarter` (running
    then, not cancelled, not finished before) that have none, or with overdue
    measures (past their end, neither completed nor cancelled), in actor name order.
    Recipients: the actor's active users with an e-mail, else its contact if that
    is an e-mail address."""
    require_admin(session, user)
    as_of = quarter.end_or_now(now)
    metrics = measure_status(session, plan_id=plan_id, as_of=as_of)
    missing = _names_by_actor(missing_in(metrics, quarter))
    overdue = _names_by_actor(in_figures(metrics).query("overdue"))
    actor_ids = sorted(set(missing) | set(overdue))
    if not actor_ids:
        return []
    addresses = _addresses(session, actor_ids)
    actors = {a.id: a for a in session.scalars(select(Actor).where(Actor.id.in_(addresses)))}
    out = [
        Reminder(
            actor_id=actor_id,
            actor=actors[actor_id].name,
            quarter=str(quarter),
            measures=missing.get(actor_id, ()),
            recipients=addresses[actor_id],
            overdue=overdue.get(actor_id, ()),
        )
        for actor_id in addresses
    ]
    return sorted(out, key=lambda r: r.actor.casefold())


def _names_by_actor(frame: pd.DataFrame) -> dict[int, tuple[str, ...]]:
    """ "1.2 Title" of each measure, grouped by lead actor id."""
    names: dict[int, list[str]] = {}
    for lead, code, title in zip(
        frame["lead_actor_id"], frame["code"], frame["title"], strict=True
    ):
        names.setdefault(int(lead), []).append(f"{code} {title}")
    return {lead: tuple(found) for lead, found in names.items()}


def _addresses(session: Session, actor_ids: list[int]) -> dict[int, tuple[str, ...]]:
    query = (
        select(User.actor_id, User.email)
        .where(User.actor_id.in_(actor_ids), User.active.is_(True), User.email.is_not(None))
        .order_by(User.email)
    )
    found: dict[int, list[str]] = {actor_id: [] for actor_id in actor_ids}
    for actor_id, email in session.execute(query):
        if actor_id is not None and email is not None:  # as the query asks: for the type checker
            found[actor_id].append(email)
    query = select(Actor.id, Actor.contact).where(Actor.id.in_(actor_ids))
    contacts = dict(session.execute(query).all())  # a list: a Result has keys()
    for actor_id, emails in found.items():
        contact = (contacts.get(actor_id) or "").strip()
        if not emails and "@" in contact and " " not in contact:
            emails.append(contact)
    return {actor_id: tuple(emails) for actor_id, emails in found.items()}


def record_sent(
    session: Session,
    *,
    user: Principal,
    reminder: Reminder,
    sent: list[str],
    failed: dict[str, str],
) -> None:
    """Audit one actor's reminder: who got it, who did not and why."""
    require_admin(session, user)
    record(
        session,
        user,
        action=AuditAction.REMIND,
        entity=Entity.ACTOR,
        entity_id=reminder.actor_id,
        after={
            "quarter": reminder.quarter,
            "sent": sent,
            "failed": [f"{address}: {reason}" for address, reason in failed.items()],
        },
    )


def reminder_table(found: list[Reminder], lang: str) -> pd.DataFrame:
    """The reminders as a table with headers in `lang` (shown, and downloaded)."""
    return pd.DataFrame(
        {
            t("col.actor", lang): [r.actor for r in found],
            t("summary.col.count", lang): [len(r.measures) for r in found],
            t("reminders.col.measures", lang): ["; ".join(r.measures) for r in found],
            t("label.overdue", lang): ["; ".join(r.overdue) for r in found],
            t("reminders.col.recipients", lang): [
                ", ".join(r.recipients) or t("reminders.no_address", lang) for r in found
            ],
        }
    )


def reminder_csv(found: list[Reminder], lang: str) -> tuple[str, bytes]:
    """(file name, content): the table for Norwegian Excel (UTF-8 with BOM, `;`)."""
    name = f"paminnelser-{found[0].quarter if found else 'tom'}.csv"
    table = reminder_table(found, lang).map(neutralised)
    return name, table.to_csv(sep=";", index=False).encode("utf-8-sig")
