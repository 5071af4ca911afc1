"""The overlap and interest-conflict finder: pairs of measures led by different
actors that look like the same work (tracker.matching.score), in one plan or across
plans; the decisions the admin records for a pair (decided pairs leave the list);
the decisions on one measure. Leaders and the admin see every pair; an actor's
users see the pairs their actor takes part in."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from tracker.code_lists import members
from tracker.errors import NotFound, ValidationError
from tracker.matching.score import MEASURE_FIELDS, PAIR_COLUMNS, THRESHOLD, describe, rank_pairs
from tracker.matching.similarity import normalised, target_groups
from tracker.matching.suggestions import finder_groups, finder_work
from tracker.models import (
    Actor,
    Event,
    Measure,
    MeasurePartner,
    OverlapDecision,
    Plan,
    Theme,
    User,
)
from tracker.service.audit import record
from tracker.service.checks import Checks
from tracker.service.events import split_groups
from tracker.service.principal import SYSTEM, Principal, acting_user, require_admin
from tracker.vocab import AuditAction, Entity, OverlapVerdict, Role, TargetGroup, WorkKind

MAX_SHOWN = 200  # the page lists the best pairs; a long tail helps nobody
SIDES = ("a", "b")
SIDE_FIELDS = (
    "code",
    "title",
    "description",
    "lead_name",
    "lead_short",
    "plan_name",
    "start_period",
    "end_period",
)
CANDIDATE_COLUMNS = [*PAIR_COLUMNS, *(f"{s}_{f}" for s in SIDES for f in SIDE_FIELDS)]
DECISION_COLUMNS = [
    "a_id",
    "b_id",
    *(f"{s}_{f}" for s in SIDES for f in SIDE_FIELDS),
    "verdict",
    "note",
    "score",
    "decided_by",
    "decided_at",
]


def overlap_measures(session: Session, *, plan_id: int | None = None) -> pd.DataFrame:
    """The measures the finder compares (MEASURE_FIELDS, lead_short, partner_ids), of one
    plan or of all. Target groups and kinds of work are the ones the measure stores,
    else the ones its text names; its events' target groups count too."""
    lead = aliased(Actor)
    query = (
        select(
            Measure.id,
            Measure.code,
            Measure.title,
            Measure.description,
            Measure.plan_id,
            Plan.name.label("plan_name"),
            Theme.name.label("theme_name"),
            Measure.lead_actor_id,
            lead.name.label("lead_name"),
            lead.short_name,
            Measure.start_period,
            Measure.end_period,
            Measure.target_groups.label("stored_groups"),
            Measure.work_kinds.label("stored_work"),
        )
        .join(Plan, Measure.plan_id == Plan.id)
        .join(Theme, Measure.theme_id == Theme.id)
        .join(lead, Measure.lead_actor_id == lead.id)
        .order_by(Measure.id)
    )
    if plan_id is not None:
        query = query.where(Measure.plan_id == plan_id)
    frame = pd.DataFrame(session.execute(query).mappings().all())
    if frame.empty:
        return pd.DataFrame(columns=[*MEASURE_FIELDS, "lead_short", "partner_ids"])
    tags = _event_tags(session)
    partners = _partners(session)
    frame["lead_short"] = frame["short_name"].where(frame["short_name"] != "", frame["lead_name"])
    frame["theme_key"] = frame["theme_name"].map(normalised)
    texts = zip(
        frame["id"], frame["title"], frame["description"], frame["stored_groups"], strict=True
    )
    groups = [
        _groups(f"{title} {text}", stored, tags.get(m, [])) for m, title, text, stored in texts
    ]
    frame["groups"] = pd.Series(groups, index=frame.index, dtype=object)
    work = [members(w, WorkKind) for w in frame["stored_work"]]
    stored_work = [finder_work(w) if w else None for w in work]
    frame["work"] = pd.Series(stored_work, index=frame.index, dtype=object)
    frame["partner_ids"] = [partners.get(m, []) for m in frame["id"]]
    return frame[[*MEASURE_FIELDS, "lead_short", "partner_ids"]]


def _groups(text: str, stored: str, tags: list[str]) -> frozenset[str]:
    """A measure's target groups: stored, else its text's; and its events' tags."""
    chosen = members(stored, TargetGroup)
    if not chosen:
        return target_groups(text, tags)
    return finder_groups(chosen) | target_groups("", tags)


@dataclass(frozen=True)
class Candidates:
    pairs: pd.DataFrame  # CANDIDATE_COLUMNS, best first, at most the limit asked for
    total: int  # how many pairs pass the threshold for this user


def candidates(
    session: Session,
    *,
    user: Principal,
    plan_id: int | None = None,
    threshold: float = THRESHOLD,
    limit: int | None = None,
) -> Candidates:
    """The undecided pairs scoring at least the threshold that the user may see,
    best first (the first `limit` described in full)."""
    current = acting_user(session, user)
    measures = overlap_measures(session, plan_id=plan_id)
    ranked = rank_pairs(measures, threshold=threshold)
    decided = list(
        session.execute(select(OverlapDecision.measure_a_id, OverlapDecision.measure_b_id))
    )
    if decided:
        taken = pd.MultiIndex.from_tuples(decided)
        ranked = ranked[~pd.MultiIndex.from_arrays([ranked["a_id"], ranked["b_id"]]).isin(taken)]
    ranked = _visible(ranked, measures, current)
    shown = ranked if limit is None else ranked.head(limit)
    pairs = _with_sides(describe(shown, measures), measures)
    return Candidates(pairs=pairs[CANDIDATE_COLUMNS].reset_index(drop=True), total=len(ranked))


def record_decision(
    session: Session,
    *,
    user: Principal,
    measure_ids: tuple[int, int],
    verdict: OverlapVerdict | str | None,
    note: str = "",
    score: float | None = None,
) -> None:
    """The admin decides a pair (a second decision replaces the first)."""
    current = require_admin(session, user)
    a_id, b_id = _ordered(session, measure_ids)
    verdict = _verdict(verdict)
    checks = Checks()
    note = checks.text("note", note, OverlapDecision.note)
    checks.raise_if_any()
    after = {"pair": _pair_label(session, a_id, b_id), "verdict": verdict.value, "note": note}
    found = _decision(session, a_id, b_id)
    if found is None:
        session.add(
            OverlapDecision(
                measure_a_id=a_id,
                measure_b_id=b_id,
                verdict=verdict,
                note=note,
                score=score,
                decided_by_user_id=current.user_id,
            )
        )
        record(
            session,
            current,
            action=AuditAction.CREATE,
            entity=Entity.OVERLAP,
            entity_id=f"{a_id}-{b_id}",
            after=after,
        )
    else:
        before = {"pair": after["pair"], "verdict": found.verdict.value, "note": found.note}
        found.verdict, found.note, found.decided_by_user_id = verdict, note, current.user_id
        found.score = score if score is not None else found.score
        record(
            session,
            current,
            action=AuditAction.UPDATE,
            entity=Entity.OVERLAP,
            entity_id=f"{a_id}-{b_id}",
            before=before,
            after=after,
        )
    session.flush()


def reopen_pair(session: Session, *, user: Principal, measure_ids: tuple[int, int]) -> None:
    """The admin takes a decision back: the pair is a candidate again."""
    current = require_admin(session, user)
    a_id, b_id = _ordered(session, measure_ids)
    found = _decision(session, a_id, b_id)
    if found is None:
        raise NotFound.of("overlap.no_decision")
    record(
        session,
        current,
        action=AuditAction.DELETE,
        entity=Entity.OVERLAP,
        entity_id=f"{a_id}-{b_id}",
        before={
            "pair": _pair_label(session, a_id, b_id),
            "verdict": found.verdict.value,
            "note": found.note,
        },
    )
    session.delete(found)
    session.flush()


def forget_measure(session: Session, principal: Principal, measure_id: int) -> None:
    """Before a measure is deleted: its decisions go too, each audited (the database
    would remove them silently). Admin only, like deleting the measure.

    Raises PermissionDenied."""
    principal = require_admin(session, principal)
    found = session.scalars(
        select(OverlapDecision).where(
            (OverlapDecision.measure_a_id == measure_id)
            | (OverlapDecision.measure_b_id == measure_id)
        )
    ).all()
    for decision in found:
        a_id, b_id = decision.measure_a_id, decision.measure_b_id
        record(
            session,
            principal,
            action=AuditAction.DELETE,
            entity=Entity.OVERLAP,
            entity_id=f"{a_id}-{b_id}",
            before={
                "pair": _pair_label(session, a_id, b_id),
                "verdict": decision.verdict.value,
                "note": decision.note,
            },
        )
        session.delete(decision)
    session.flush()


def decisions(session: Session, *, user: Principal, plan_id: int | None = None) -> pd.DataFrame:
    """The decided pairs the user may see (DECISION_COLUMNS), newest first."""
    current = acting_user(session, user)
    frame = _decision_rows(session)
    measures = overlap_measures(session)
    if plan_id is not None:
        in_plan = set(measures.loc[measures["plan_id"] == plan_id, "id"])
        frame = frame[frame["a_id"].isin(in_plan) | frame["b_id"].isin(in_plan)]
    frame = _with_sides(frame, measures)
    return _visible(frame, measures, current)[DECISION_COLUMNS].reset_index(drop=True)


def measure_decisions(session: Session, *, user: Principal, measure_id: int) -> pd.DataFrame:
    """The decisions that name one measure and that the user may see (as on the page
    Samordning): the other measure (code, title, lead), verdict, note, who and when;
    newest first."""
    current = acting_user(session, user)
    frame = _decision_rows(session)
    frame = frame[(frame["a_id"] == measure_id) | (frame["b_id"] == measure_id)]
    measures = overlap_measures(session)
    frame = _visible(_with_sides(frame, measures), measures, current)
    other_is_b = frame["a_id"] == measure_id
    out = pd.DataFrame({"other_id": frame["b_id"].where(other_is_b, frame["a_id"])})
    for field in ("code", "title", "lead_name"):
        out[f"other_{field}"] = frame[f"b_{field}"].where(other_is_b, frame[f"a_{field}"])
    for field in ("verdict", "note", "decided_by", "decided_at"):
        out[field] = frame[field]
    return out.reset_index(drop=True)


def _decision_rows(session: Session) -> pd.DataFrame:
    query = (
        select(
            OverlapDecision.measure_a_id.label("a_id"),
            OverlapDecision.measure_b_id.label("b_id"),
            OverlapDecision.verdict,
            OverlapDecision.note,
            OverlapDecision.score,
            User.display_name,
            User.username,
            OverlapDecision.decided_at,
        )
        .outerjoin(User, OverlapDecision.decided_by_user_id == User.id)
        .order_by(OverlapDecision.decided_at.desc(), OverlapDecision.id.desc())
    )
    rows = session.execute(query).mappings().all()
    frame = pd.DataFrame(
        [
            {
                **row,
                "verdict": row["verdict"].value,
                "decided_by": row["display_name"] or row["username"] or SYSTEM.display_name,
            }
            for row in rows
        ],
        columns=["a_id", "b_id", "verdict", "note", "score", "decided_by", "decided_at"],
    )
    return frame


def _with_sides(pairs: pd.DataFrame, measures: pd.DataFrame) -> pd.DataFrame:
    """Add each side's code, title, lead and plan."""
    pairs = pairs.copy()
    facts = measures.set_index("id")
    for side in SIDES:
        ids = pairs[f"{side}_id"]
        for field in SIDE_FIELDS:
            pairs[f"{side}_{field}"] = ids.map(facts[field]) if len(pairs) else pd.Series(dtype=str)
    return pairs


def _visible(pairs: pd.DataFrame, measures: pd.DataFrame, user: Principal) -> pd.DataFrame:
    """Leaders and the admin see all pairs; an actor's users those their actor is in."""
    if user.role != Role.ACTOR:
        return pairs
    if user.actor_id is None:
        return pairs.iloc[0:0]
    ours = {
        int(m)
        for m, lead, partners in zip(
            measures["id"], measures["lead_actor_id"], measures["partner_ids"], strict=True
        )
        if lead == user.actor_id or user.actor_id in partners
    }
    return pairs[pairs["a_id"].isin(ours) | pairs["b_id"].isin(ours)]


def _ordered(session: Session, measure_ids: tuple[int, int]) -> tuple[int, int]:
    a_id, b_id = sorted(int(m) for m in measure_ids)
    if a_id == b_id:
        raise ValidationError.of("overlap.same_measure")
    for measure_id in (a_id, b_id):
        if session.get(Measure, measure_id) is None:
            raise NotFound.of("notfound.measure")
    return a_id, b_id


def _verdict(value: OverlapVerdict | str | None) -> OverlapVerdict:
    try:
        return OverlapVerdict(value or "")  # None: refused as any unknown word
    except ValueError:
        raise ValidationError.of("overlap.bad_verdict", "verdict") from None


def _decision(session: Session, a_id: int, b_id: int) -> OverlapDecision | None:
    return session.scalars(
        select(OverlapDecision).where(
            OverlapDecision.measure_a_id == a_id, OverlapDecision.measure_b_id == b_id
        )
    ).one_or_none()


def _pair_label(session: Session, a_id: int, b_id: int) -> str:
    first, second = session.get(Measure, a_id), session.get(Measure, b_id)
    assert first is not None and second is not None
    return f"{first.code} {first.title} ↔ {second.code} {second.title}"


def _event_tags(session: Session) -> dict[int, list[str]]:
    """Per measure: the target-group tags of the årshjul events tied to it."""
    tags: dict[int, list[str]] = {}
    query = select(Event.measure_id, Event.target_groups)
    for measure_id, groups in session.execute(query):
        if measure_id is not None:
            tags.setdefault(measure_id, []).extend(split_groups(groups))
    return tags


def _partners(session: Session) -> dict[int, list[int]]:
    partners: dict[int, list[int]] = {}
    for measure_id, actor_id in session.execute(
        select(MeasurePartner.measure_id, MeasurePartner.actor_id)
    ):
        partners.setdefault(measure_id, []).append(actor_id)
    return partners
