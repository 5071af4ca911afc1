"""The controlled lists and the overlap finder's concepts, both ways (pure): a
measure's text suggests target groups and kinds of work (the user confirms them:
nothing here is stored), and the ones a user stored stand in for the text-derived
ones when the finder compares measures.

Each concept of tracker.matching.similarity belongs to one member at most, so a
measure that stores just what its text suggests is compared exactly as before."""

from __future__ import annotations

from collections.abc import Iterable

from tracker.matching.similarity import TARGET_GROUPS, activities, concepts, stems
from tracker.vocab import TargetGroup, WorkKind

GROUP_CONCEPTS: dict[TargetGroup, str] = {
    TargetGroup.ENTREPRENEURS: "gründere",
    TargetGroup.YOUNG: "ungdom",
    TargetGroup.JOB_SEEKERS: "arbeidssøkere",
    TargetGroup.NEWCOMERS: "tilflyttere",
    TargetGroup.IMMIGRANTS: "innvandrere",
    TargetGroup.SEAFOOD: "sjømat",
    TargetGroup.TOURISM: "reiseliv",
    TargetGroup.AGRICULTURE: "landbruk",
    TargetGroup.TRADE: "handel",
}
"""The concept each target group is; established companies have none (every measure
of a business plan is for companies, so the text cannot tell)."""

COMPANIES = "bedrifter"
"""The finder's name for TargetGroup.COMPANIES, a group only a user says."""

WORK_CONCEPTS: dict[WorkKind, tuple[str, ...]] = {
    WorkKind.ADVICE: ("veiledning",),
    WorkKind.FIRST_LINE: ("førstelinje",),
    WorkKind.SKILLS: ("kompetanse",),
    WorkKind.RECRUITMENT: ("rekruttering",),
    WorkKind.MEETING_PLACES: ("møteplass",),
    WorkKind.FUNDING: ("virkemidler",),
    WorkKind.CAPITAL: ("kapital",),
    WorkKind.BUSINESS_DEVELOPMENT: ("bedriftsutvikling",),
    WorkKind.PREMISES: ("kontorplass",),
    WorkKind.INFRASTRUCTURE: ("infrastruktur", "areal"),
    WorkKind.INCLUSION: ("inkludering",),
    WorkKind.COORDINATION: ("samordning",),
}
"""The concepts each kind of work is. Land and infrastructure are topics to the finder
(two infrastructure measures are not for that the same work): suggested, not compared."""


def suggested(title: str, description: str) -> tuple[tuple[TargetGroup, ...], tuple[WorkKind, ...]]:
    """The target groups and kinds of work the measure's text names, in the lists' order."""
    found = concepts(stems(f"{title} {description}"))
    groups = tuple(g for g in TargetGroup if GROUP_CONCEPTS.get(g) in found)
    work = tuple(w for w in WorkKind if found.intersection(WORK_CONCEPTS[w]))
    return groups, work


def finder_groups(groups: Iterable[TargetGroup]) -> frozenset[str]:
    """Stored target groups as the finder names groups (similarity.target_groups)."""
    return frozenset(
        TARGET_GROUPS[GROUP_CONCEPTS[g]] if g in GROUP_CONCEPTS else COMPANIES for g in groups
    )


def finder_work(work: Iterable[WorkKind]) -> frozenset[str]:
    """Stored kinds of work as the finder's activity concepts (similarity.activities)."""
    return frozenset(activities(frozenset(c for w in work for c in WORK_CONCEPTS[w])))
