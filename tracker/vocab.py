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
    EVENT = "event"
    INDICATOR = "indicator"
    OVERLAP = "overlap"
    CALENDAR_FEED = "calendar_feed"
    ACTOR_PROFILE = "actor_profile"
    INSTRUMENT = "instrument"
    MEETING = "meeting"
    MEETING_ACTION = "meeting_action"


class AuditAction(StrEnum):
    """What an audit row says was done (tracker.service.audit.record)."""

    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"
    IMPORT = "import"
    REPORT = "report"
    CONTRIBUTE = "contribute"
    SET_PASSWORD = "set_password"
    ACTIVATE = "activate"
    DEACTIVATE = "deactivate"
    CLOSE_QUARTER = "close_quarter"
    REOPEN_QUARTER = "reopen_quarter"
    DEMO = "demo"
    REMIND = "remind"
    RENEW = "renew"


class EventKind(StrEnum):
    """What an event in the shared annual wheel (årshjul) is."""

    MEETING = "samhandlingsmote"
    EVENT = "arrangement"
    APPLICATION_DEADLINE = "soknadsfrist"
    REPORTING_DEADLINE = "rapporteringsfrist"
    BOARD_MEETING = "styremote"
    COURSE = "kurs"
    OTHER = "annet"


class ActionKind(StrEnum):
    """What an action agreed at the coordination meeting becomes."""

    MEASURE = "tiltak"  # a new measure in the plan
    CLARIFICATION = "avklaring"  # a decision on an overlap pair


class ActionStatus(StrEnum):
    """Whether an agreed action is carried out."""

    OPEN = "open"
    DONE = "done"


class Direction(StrEnum):
    """Which way an indicator should move."""

    UP = "up"
    DOWN = "down"


class OverlapVerdict(StrEnum):
    """What the coordination decided about a candidate overlap between two measures."""

    NO_OVERLAP = "ikke_overlapp"
    COOPERATE = "samarbeid"
    MERGE = "sla_sammen"
    CLARIFY_ROLES = "avklar_roller"


class TargetGroup(StrEnum):
    """Whom a measure, an instrument or an actor works for: one controlled list, so the
    overlap finder, the who-does-what matrix and the profiles speak of the same groups.
    (Industries the plan names are groups too: a measure for seafood companies.)"""

    ENTREPRENEURS = "grundere"
    COMPANIES = "bedrifter"
    YOUNG = "ungdom"
    JOB_SEEKERS = "arbeidssokere"
    NEWCOMERS = "tilflyttere"
    IMMIGRANTS = "innvandrere"
    SEAFOOD = "sjomat"
    TOURISM = "reiseliv"
    AGRICULTURE = "landbruk"
    TRADE = "handel"


class WorkKind(StrEnum):
    """What kind of work a measure, an instrument or an actor does (one controlled list)."""

    ADVICE = "veiledning"
    FIRST_LINE = "forstelinje"
    SKILLS = "kompetanse"
    RECRUITMENT = "rekruttering"
    MEETING_PLACES = "moteplass"
    FUNDING = "finansiering"
    CAPITAL = "kapital"
    BUSINESS_DEVELOPMENT = "bedriftsutvikling"
    PREMISES = "lokaler"
    INFRASTRUCTURE = "infrastruktur"
    INCLUSION = "inkludering"
    COORDINATION = "samordning"


class InstrumentKind(StrEnum):
    """What an instrument (virkemiddel) of the network is."""

    GRANT = "tilskudd"
    LOAN = "lan"
    ADVICE = "radgivning"
    COURSE = "kurs"
    NETWORK = "nettverk"
    EVENT = "arena"
    PREMISES = "lokaler"
    CAPITAL = "kapital"


class Stage(StrEnum):
    """Where a company is that an instrument is for."""

    IDEA = "ide"
    START_UP = "oppstart"
    GROWTH = "vekst"
    ESTABLISHED = "etablert"


VOCABULARIES: tuple[type[StrEnum], ...] = (
    Status,
    Rag,
    Role,
    PartnerRole,
    ActorKind,
    Entity,
    AuditAction,
    EventKind,
    Direction,
    OverlapVerdict,
    TargetGroup,
    WorkKind,
    InstrumentKind,
    Stage,
    ActionKind,
    ActionStatus,
)
