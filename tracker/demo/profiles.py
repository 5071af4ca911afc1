"""The demo's actor profiles: what some of Senja's actors tell the network about
themselves (from the municipality's own account of the næringsarena; the contact
persons are invented, with example.org addresses). Written through the service."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.models import ActorProfile, Theme
from tracker.service.principal import SYSTEM
from tracker.service.profiles import Contact, ProfileInput, save_profile
from tracker.service.structure import find_actor
from tracker.vocab import TargetGroup, WorkKind


@dataclass(frozen=True)
class DemoProfile:
    actor: str
    about: str
    members: str = ""
    area: str = "Senja"
    strategy: str = ""
    focus_areas: tuple[str, ...] = ()
    theme_codes: tuple[str, ...] = ()
    target_groups: tuple[TargetGroup, ...] = ()
    work_kinds: tuple[WorkKind, ...] = ()
    cooperation: str = ""
    contact: Contact | None = None


DEMO_PROFILES = (
    DemoProfile(
        actor="Sjømatklyngen Senja",
        about="Næringsklynge for sjømatnæringen i Senja.",
        members="Om lag 50 sjømatbedrifter",
        strategy="En konkurransedyktig og grønn sjømatnæring som rekrutterer lokalt.",
        focus_areas=("Rekruttering til sjømatnæringen", "Landstrøm og elektriske arbeidsbåter"),
        theme_codes=("2", "4"),
        target_groups=(TargetGroup.SEAFOOD, TargetGroup.YOUNG),
        work_kinds=(WorkKind.MEETING_PLACES, WorkKind.SKILLS, WorkKind.RECRUITMENT),
        cooperation="Skolebesøk med Blått kompetansesenter Nord; restråstoff",
        contact=Contact("Eksempel Klyngeleder", "Klyngeleder", "klyngeleder@example.org"),
    ),
    DemoProfile(
        actor="Næringshagen Midt-Troms",
        about="Næringshage i Siva-programmet for bedrifter i Midt-Troms.",
        members="Eid av bedrifter og kommuner i regionen",
        area="Midt-Troms",
        strategy="Vekst i etablerte småbedrifter gjennom rådgivning og nettverk.",
        focus_areas=("Bedriftsutvikling", "Næringshageprogrammet"),
        theme_codes=("3",),
        target_groups=(TargetGroup.COMPANIES, TargetGroup.ENTREPRENEURS),
        work_kinds=(WorkKind.ADVICE, WorkKind.SKILLS, WorkKind.MEETING_PLACES),
        cooperation="Felles inngang for gründere med Kupa og kommunen",
        contact=Contact("Eksempel Rådgiver", "Rådgiver", "radgiver@example.org"),
    ),
    DemoProfile(
        actor="Kupa",
        about="Inkubator og kunnskapspark for nye bedrifter.",
        strategy="Flere vekstbedrifter fra idé til marked.",
        focus_areas=("Inkubatortilbud", "Entreprenørskap"),
        theme_codes=("3",),
        target_groups=(TargetGroup.ENTREPRENEURS, TargetGroup.YOUNG),
        work_kinds=(WorkKind.ADVICE, WorkKind.BUSINESS_DEVELOPMENT, WorkKind.CAPITAL),
        cooperation="Felles inngang for gründere med Næringshagen og kommunen",
        contact=Contact("Eksempel Inkubatorleder", "Inkubatorleder", "inkubator@example.org"),
    ),
    DemoProfile(
        actor="Studiesenteret Midt-Troms",
        about="Kompetansemiljø som gir desentralisert høyere utdanning i regionen.",
        area="Midt-Troms",
        strategy="Utdanning der folk bor, etter det næringslivet trenger.",
        focus_areas=("Desentraliserte studietilbud",),
        theme_codes=("2",),
        target_groups=(TargetGroup.COMPANIES, TargetGroup.JOB_SEEKERS),
        work_kinds=(WorkKind.SKILLS,),
        cooperation="Studietilbud for sjømat og reiseliv sammen med næringen",
    ),
)


def add_demo_profiles(session: Session, plan_id: int) -> int:
    """Write the demo profiles of actors that have none yet; returns how many."""
    query = select(Theme.code, Theme.id).where(Theme.plan_id == plan_id)
    themes: dict[str, int] = dict(session.execute(query).all())
    added = 0
    for demo in DEMO_PROFILES:
        actor = find_actor(session, demo.actor)
        if session.get(ActorProfile, actor.id) is not None:
            continue
        values = ProfileInput(
            about=demo.about,
            members=demo.members,
            area=demo.area,
            strategy=demo.strategy,
            focus_areas="\n".join(demo.focus_areas),
            target_groups=demo.target_groups,
            work_kinds=demo.work_kinds,
            cooperation=demo.cooperation,
            theme_ids=tuple(themes[code] for code in demo.theme_codes if code in themes),
            contacts=(demo.contact,) if demo.contact else (),
        )
        save_profile(session, user=SYSTEM, actor_id=actor.id, values=values, seen_version=0)
        added += 1
    return added
