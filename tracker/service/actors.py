"""Keeping the actors (aktører, admin): save and delete, and the rules for their
names that the plan import checks too. The rules every edit follows:
tracker.service.edits."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tracker.models import Actor, Contribution, Measure, MeasurePartner, StatusUpdate, User
from tracker.service.checks import Checks
from tracker.service.edits import REQUIRED, codes, delete_values, existing, listing, save_values
from tracker.service.principal import Principal, require_admin
from tracker.vocab import ActorKind, Entity


def save_actor(
    session: Session,
    *,
    user: Principal,
    actor_id: int | None,
    name: str,
    short_name: str = "",
    kind: ActorKind | str | None = None,
    contact: str = "",
) -> int:
    """Create an actor (actor_id None) or change one. Returns the actor's id.

    Names are unique ignoring case, and so are short names when given; a short name
    may not be another actor's name either (actors are looked up by both).
    Raises PermissionDenied, NotFound (no such actor), ValidationError.
    """
    principal = require_admin(session, user)
    actor = existing(session, Actor, Entity.ACTOR, actor_id) if actor_id is not None else None
    checks = Checks()
    values = actor_fields(checks, name, short_name, kind, contact)
    others = session.execute(
        select(Actor.name, Actor.short_name).where(Actor.id != (actor_id or -1))
    ).all()
    check_actor_names(checks, values, name_index((n, s or "") for n, s in others))
    checks.raise_if_any()
    item = actor or Actor()
    save_values(session, principal, item, values, entity=Entity.ACTOR, label=values["name"])
    return item.id


def actor_fields(
    checks: Checks, name: object, short_name: object, kind: object, contact: object
) -> dict[str, Any]:
    """An actor's values cleaned and checked (a name, sizes, a kind of the vocabulary)."""
    values: dict[str, Any] = {
        "name": checks.text("name", name, Actor.name, required=REQUIRED),
        "short_name": checks.text("short_name", short_name, Actor.short_name),
        "kind": None,
        "contact": checks.text("contact", contact, Actor.contact),
    }
    if kind not in (None, ""):
        try:
            values["kind"] = ActorKind(str(kind))
        except ValueError:
            checks.add("admin.kind_invalid", "kind", value=kind)
    return values


def check_actor_names(checks: Checks, values: dict[str, Any], others: Mapping[str, str]) -> None:
    """An actor's name and short name are no other actor's name or short name,
    ignoring case. others maps the other actors' names and short names, casefolded,
    to their names (name_index)."""
    for field in ("name", "short_name"):
        wanted = values[field].casefold()
        if wanted and wanted in others:
            key = "admin.actor_name_taken" if field == "name" else "admin.short_name_taken"
            checks.add(key, field, name=values[field], actor=others[wanted])


def name_index(actors: Iterable[tuple[str, str]]) -> dict[str, str]:
    """(name, short name) pairs as check_actor_names' others: the first actor
    holding a name or short name is the one named."""
    index: dict[str, str] = {}
    for name, short in actors:
        for key in (name.casefold(), short.casefold()):
            if key:
                index.setdefault(key, name)
    return index


def delete_actor(session: Session, *, user: Principal, actor_id: int) -> None:
    """Delete an actor nothing refers to: no measure it leads or partners, no user
    account, no status report made on its behalf, no contribution.

    Raises PermissionDenied, NotFound, ValidationError (naming what still uses it).
    """
    principal = require_admin(session, user)
    actor = existing(session, Actor, Entity.ACTOR, actor_id)
    checks = Checks()
    _check_measures_of(session, checks, actor)
    _check_records_of(session, checks, actor)
    checks.raise_if_any()
    fields = ("name", "short_name", "kind", "contact")
    delete_values(session, principal, actor, fields, entity=Entity.ACTOR, label=actor.name)


def _check_measures_of(session: Session, checks: Checks, actor: Actor) -> None:
    """The measures the actor leads or is a partner in, each kind as one problem."""
    led = session.scalars(select(Measure.code).where(Measure.lead_actor_id == actor.id)).all()
    if led:
        checks.add("admin.leads_measures", name=actor.name, codes=codes(led))
    partnered = session.scalars(
        select(Measure.code)
        .join(MeasurePartner, MeasurePartner.measure_id == Measure.id)
        .where(MeasurePartner.actor_id == actor.id)
    ).all()
    if partnered:
        checks.add("admin.partner_in_measures", name=actor.name, codes=codes(partnered))


def _check_records_of(session: Session, checks: Checks, actor: Actor) -> None:
    """The user accounts, status reports and contributions that name the actor."""
    users = session.scalars(
        select(User.username).where(User.actor_id == actor.id).order_by(User.username)
    ).all()
    if users:
        checks.add("admin.used_by_users", name=actor.name, names=listing(users))
    reports = session.scalar(
        select(func.count(StatusUpdate.id)).where(StatusUpdate.reported_by_actor_id == actor.id)
    )
    if reports:
        checks.add("admin.used_by_reports", name=actor.name, count=reports)
    contributions = session.scalar(
        select(func.count(Contribution.id)).where(Contribution.actor_id == actor.id)
    )
    if contributions:
        checks.add("admin.used_by_contributions", name=actor.name, count=contributions)
