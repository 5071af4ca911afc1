"""Actor profiles: what each actor of the næringsarena tells the others about itself
(what it is, its strategy and focus areas, whom it works for and how, where it wants
to cooperate, its contact persons). An actor's own users keep it, the admin any;
every logged-in user reads it. Each save is audited with the text it replaced, and a
save made against an older view of the profile is refused."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any, TypeVar

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from tracker.code_lists import MEASURE_LISTS, joined, members
from tracker.errors import ConflictError, NotFound, PermissionDenied
from tracker.models import Actor, ActorContact, ActorProfile, ActorProfileTheme, Theme, utcnow
from tracker.service.audit import record
from tracker.service.checks import Checks
from tracker.service.principal import Principal, acting_user
from tracker.vocab import ActorKind, AuditAction, Entity, Role, TargetGroup, WorkKind

E = TypeVar("E", bound=StrEnum)

MAX_CONTACTS = 10
"""Contact persons one actor lists: the people others should call, not a staff list."""

TEXT_FIELDS = ("about", "members", "area", "strategy", "focus_areas", "cooperation")
LIST_FIELDS = tuple(MEASURE_LISTS)  # codes of TargetGroup and WorkKind (tracker.code_lists)


@dataclass(frozen=True)
class Contact:
    name: str
    role: str = ""
    email: str = ""


@dataclass(frozen=True)
class ProfileInput:
    """What the profile form (or any other entrypoint) sends."""

    about: str = ""
    members: str = ""
    area: str = ""
    strategy: str = ""
    focus_areas: str = ""
    target_groups: tuple[TargetGroup, ...] = ()
    work_kinds: tuple[WorkKind, ...] = ()
    cooperation: str = ""
    theme_ids: tuple[int, ...] = ()
    contacts: tuple[Contact, ...] = ()


@dataclass(frozen=True)
class Profile:
    """An actor's profile as the pages show it; an actor that wrote none has an
    empty one (version 0)."""

    actor_id: int
    actor_name: str
    kind: ActorKind | None
    values: ProfileInput
    themes: tuple[str, ...] = ()  # the theme names, in the plan's order
    version: int = 0
    updated_at: datetime | None = None
    may_keep: bool = False

    @property
    def is_empty(self) -> bool:
        return self.values == ProfileInput()


def may_keep_profile(session: Session, user: Principal, actor_id: int) -> bool:
    """The admin keeps any profile, an actor's users their own; leadership reads."""
    return _may_keep(acting_user(session, user), actor_id)


def _may_keep(current: Principal, actor_id: int) -> bool:
    if current.role == Role.ADMIN:
        return True
    return current.role == Role.ACTOR and current.actor_id == actor_id


def get_profile(session: Session, *, user: Principal, actor_id: int) -> Profile:
    """The actor's profile; NotFound for an actor that does not exist."""
    found = profiles_of(session, user=user, actor_ids=[actor_id])
    if actor_id not in found:
        raise NotFound.of("profile.actor_unknown", id=actor_id)
    return found[actor_id]


def profiles_of(
    session: Session, *, user: Principal, actor_ids: Iterable[int]
) -> dict[int, Profile]:
    """The profiles of the actors that exist among actor_ids, by actor id: a handful of
    queries whatever their number (a meeting pack has one page per invited actor)."""
    ids = list(actor_ids)
    current = acting_user(session, user)
    actors = {a.id: a for a in session.scalars(select(Actor).where(Actor.id.in_(ids)))}
    stored = {
        p.actor_id: p
        for p in session.scalars(select(ActorProfile).where(ActorProfile.actor_id.in_(ids)))
    }
    values = _values_of(session, ids, stored)
    themes: dict[int, list[str]] = {}
    for actor_id, name in session.execute(
        select(ActorProfileTheme.actor_id, Theme.name)
        .join(Theme, ActorProfileTheme.theme_id == Theme.id)
        .where(ActorProfileTheme.actor_id.in_(ids))
        .order_by(Theme.plan_id, Theme.position, Theme.id)
    ):
        themes.setdefault(actor_id, []).append(name)
    return {
        actor_id: Profile(
            actor_id=actor_id,
            actor_name=actor.name,
            kind=actor.kind,
            values=values[actor_id],
            themes=tuple(themes.get(actor_id, ())),
            version=stored[actor_id].version if actor_id in stored else 0,
            updated_at=stored[actor_id].updated_at if actor_id in stored else None,
            may_keep=_may_keep(current, actor_id),
        )
        for actor_id, actor in actors.items()
    }


def save_profile(
    session: Session, *, user: Principal, actor_id: int, values: ProfileInput, seen_version: int
) -> int:
    """Store the actor's profile; returns its new version. Refuses another actor's
    profile (PermissionDenied), bad input (ValidationError) and a save made against
    an older version than the stored one (ConflictError: someone saved meanwhile)."""
    current = acting_user(session, user)
    if not may_keep_profile(session, current, actor_id):
        raise PermissionDenied.of("profile.not_yours")
    actor = session.get(Actor, actor_id)
    if actor is None:
        raise NotFound.of("profile.actor_unknown", id=actor_id)
    cleaned = _validated(session, values)
    stored = session.get(ActorProfile, actor_id)
    if (stored.version if stored else 0) != seen_version:
        raise ConflictError.of("profile.changed_meanwhile", name=actor.name)
    before = _audit_values(
        session, _values_of(session, [actor_id], {actor_id: stored} if stored else {})[actor_id]
    )
    if stored is None:
        stored = ActorProfile(actor_id=actor_id, version=0)
        session.add(stored)
    for name in TEXT_FIELDS:
        setattr(stored, name, getattr(cleaned, name))
    for name in LIST_FIELDS:
        setattr(stored, name, joined(getattr(cleaned, name)))
    stored.version = seen_version + 1
    stored.updated_at = utcnow()
    _replace_themes(session, actor_id, cleaned.theme_ids)
    _replace_contacts(session, actor_id, cleaned.contacts)
    session.flush()
    after = _audit_values(session, cleaned)
    changed = [name for name in after if before.get(name) != after[name]]
    record(
        session,
        current,
        action=AuditAction.UPDATE,
        entity=Entity.ACTOR_PROFILE,
        entity_id=actor.name,
        before={name: before.get(name) for name in changed},
        after={name: after[name] for name in changed},
    )
    return stored.version


def _values_of(
    session: Session, ids: list[int], stored: dict[int, ActorProfile]
) -> dict[int, ProfileInput]:
    """What each actor's profile holds, by actor id (an actor without one: empty)."""
    theme_ids: dict[int, list[int]] = {}
    for actor_id, theme_id in session.execute(
        select(ActorProfileTheme.actor_id, ActorProfileTheme.theme_id)
        .where(ActorProfileTheme.actor_id.in_(ids))
        .order_by(ActorProfileTheme.theme_id)
    ):
        theme_ids.setdefault(actor_id, []).append(theme_id)
    contacts: dict[int, list[Contact]] = {}
    for c in session.scalars(
        select(ActorContact)
        .where(ActorContact.actor_id.in_(ids))
        .order_by(ActorContact.position, ActorContact.id)
    ):
        contacts.setdefault(c.actor_id, []).append(Contact(c.name, c.role, c.email))
    return {i: _input(stored.get(i), theme_ids, contacts, i) for i in ids}


def _input(
    stored: ActorProfile | None,
    theme_ids: dict[int, list[int]],
    contacts: dict[int, list[Contact]],
    actor_id: int,
) -> ProfileInput:
    texts: dict[str, Any] = {name: getattr(stored, name) for name in TEXT_FIELDS} if stored else {}
    return ProfileInput(
        **texts,
        target_groups=members(stored.target_groups if stored else "", TargetGroup),
        work_kinds=members(stored.work_kinds if stored else "", WorkKind),
        theme_ids=tuple(theme_ids.get(actor_id, ())),
        contacts=tuple(contacts.get(actor_id, ())),
    )


def _validated(session: Session, values: ProfileInput) -> ProfileInput:
    checks = Checks()
    texts: dict[str, Any] = {
        name: checks.text(name, getattr(values, name), getattr(ActorProfile, name))
        for name in TEXT_FIELDS
    }
    groups = _codes(checks, "target_groups", values.target_groups, TargetGroup)
    kinds = _codes(checks, "work_kinds", values.work_kinds, WorkKind)
    theme_ids = tuple(sorted(set(values.theme_ids)))
    known = set(session.scalars(select(Theme.id).where(Theme.id.in_(theme_ids))))
    if set(theme_ids) - known:
        checks.add("profile.theme_unknown", "theme_ids")
    contacts = tuple(_checked_contacts(checks, values.contacts))
    if len(contacts) > MAX_CONTACTS:
        checks.add("profile.too_many_contacts", "contacts", most=MAX_CONTACTS)
    checks.raise_if_any()
    return ProfileInput(
        **texts, target_groups=groups, work_kinds=kinds, theme_ids=theme_ids, contacts=contacts
    )


def _codes(
    checks: Checks, name: str, values: tuple[object, ...], vocabulary: type[E]
) -> tuple[E, ...]:
    """The members named (codes or members), each once, in the vocabulary's order."""
    found = {checks.member(name, v, vocabulary, getattr(ActorProfile, name)) for v in values}
    return tuple(m for m in vocabulary if m in found)


def _checked_contacts(checks: Checks, contacts: tuple[Contact, ...]) -> list[Contact]:
    """The contacts with something in them, cleaned; a role or address needs a name."""
    kept = []
    for number, contact in enumerate(contacts, start=1):
        name = checks.text("contacts", contact.name, ActorContact.name)
        role = checks.text("contacts", contact.role, ActorContact.role)
        email = checks.email("contacts", contact.email, ActorContact.email) or ""
        if not (name or role or email):
            continue
        if not name:
            checks.add("profile.contact_needs_name", "contacts", number=number)
        kept.append(Contact(name, role, email))
    return kept


def _replace_themes(session: Session, actor_id: int, theme_ids: tuple[int, ...]) -> None:
    session.execute(delete(ActorProfileTheme).where(ActorProfileTheme.actor_id == actor_id))
    session.add_all(ActorProfileTheme(actor_id=actor_id, theme_id=i) for i in theme_ids)


def _replace_contacts(session: Session, actor_id: int, contacts: tuple[Contact, ...]) -> None:
    session.execute(delete(ActorContact).where(ActorContact.actor_id == actor_id))
    session.add_all(
        ActorContact(actor_id=actor_id, position=i, **asdict(c)) for i, c in enumerate(contacts)
    )


def _audit_values(session: Session, values: ProfileInput) -> dict[str, Any]:
    """The profile as the audit log keeps it: texts, theme names, contacts in words."""
    names: dict[int, str] = dict(session.execute(select(Theme.id, Theme.name)).all())
    kept: dict[str, Any] = {name: getattr(values, name) for name in TEXT_FIELDS}
    kept |= {name: joined(getattr(values, name)) for name in LIST_FIELDS}
    kept["themes"] = [names.get(i, str(i)) for i in values.theme_ids]
    kept["contacts"] = [
        ", ".join(part for part in (c.name, c.role, c.email) if part) for c in values.contacts
    ]
    return kept
