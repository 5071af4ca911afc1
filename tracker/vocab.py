"""The one vocabulary of codes. Labels for them live only in tracker.i18n."""

from enum import StrEnum


class Status(StrEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    POSTPONED = "postponed"
    CANCELLED = "cancelled"


class Rag(StrEnum):
    GREEN = "green"
    YELLOW = "yellow"
    RED = "red"


class Role(StrEnum):
    ADMIN = "admin"
    LEADER = "leader"
    ACTOR = "actor"


class PartnerRole(StrEnum):
    PARTNER = "partner"
    FUNDER = "funder"


class ActorKind(StrEnum):
    MUNICIPALITY = "kommune"
    CLUSTER = "naeringsklynge"
    BUSINESS_GARDEN = "naeringshage"
    INCUBATOR = "inkubator"
    FUNDING_AGENCY = "virkemiddelaktor"
    KNOWLEDGE = "kompetansemiljo"
    COMPANY = "bedrift"
    PUBLIC_AGENCY = "offentlig_etat"
    ASSOCIATION = "interesseorganisasjon"
    NETWORK = "naeringsnettverk"
    DESTINATION = "destinasjonsselskap"
    DEVELOPMENT = "utviklingsselskap"


class Entity(StrEnum):
    """What the audit log and import messages speak of."""

    PLAN = "plan"
    THEME = "theme"
    GOAL = "goal"
    ACTOR = "actor"
    MEASURE = "measure"
    USER = "user"


VOCABULARIES: tuple[type[StrEnum], ...] = (Status, Rag, Role, PartnerRole, ActorKind, Entity)
