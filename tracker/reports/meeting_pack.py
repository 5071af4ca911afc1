"""The meeting pack for the annual coordination meeting (samhandlingsmøte): the
agenda, last year's agreed actions and their status, the open overlap candidates to
settle, the who-does-what matrix's crowded cells and each target group's empty ones
(tracker.service.matrix), then a page per invited actor (its profile, focus areas and
cooperation wishes, this year's events and instrument deadlines, its instruments, its
measures' status). Laid out as a tracker.reports.document.Document, so it is written
as DOCX and PDF by the summary's own renderers, in its style and fonts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import pandas as pd
from sqlalchemy.orm import Session

from tracker.charts import rag_texts, status_texts
from tracker.errors import NotFound
from tracker.i18n import format_date, format_datetime, label, t
from tracker.matching.score import reasons
from tracker.reports.document import Column, Document, Section, Table
from tracker.service import events as event_service
from tracker.service import instruments as instrument_service
from tracker.service.matrix import CROWDED_STATE, Matrix, gaps_by_group, matrix_of
from tracker.service.measures import measure_status
from tracker.service.meetings import MeetingView, get_meeting, previous_actions
from tracker.service.overlaps import candidates
from tracker.service.principal import Principal, acting_user
from tracker.service.profiles import Profile, profiles_of
from tracker.vocab import (
    ActionKind,
    ActionStatus,
    ActorKind,
    EventKind,
    InstrumentKind,
    Stage,
    TargetGroup,
    WorkKind,
)

AGENDA = ("welcome", "previous", "actors", "overlaps", "calendar", "actions", "other")
MAX_PAIRS = 15  # the best candidates: a meeting settles a handful, not the long tail
PROFILE_FIELDS = (
    "about",
    "members",
    "area",
    "strategy",
    "focus_areas",
    "target_groups",
    "work_kinds",
    "cooperation",
)


@dataclass(frozen=True)
class PackData:
    """What the pack is made from, read once."""

    meeting: MeetingView
    profiles: tuple[Profile, ...]  # the invited actors, by name
    previous: pd.DataFrame  # tracker.service.meetings.ACTION_COLUMNS
    pairs: pd.DataFrame  # tracker.service.overlaps.CANDIDATE_COLUMNS
    events: pd.DataFrame  # the year's occurrences, instrument deadlines too
    instruments: pd.DataFrame  # tracker.service.instruments.COLUMNS
    measures: pd.DataFrame  # measure_status of the plan, with partner_ids
    matrix: Matrix  # who does what, from those measures and instruments
    made_by: str
    made_at: datetime


def pack_data(
    session: Session, *, user: Principal, year: int, plan_id: int, lang: str = "nb"
) -> PackData:
    """Everything the year's pack shows (the deadlines' titles in lang, the pack's
    language); NotFound when the meeting is not prepared."""
    current = acting_user(session, user)
    meeting = get_meeting(session, year=year)
    if meeting is None:
        raise NotFound.of("meetings.not_prepared", year=year)
    instruments = instrument_service.list_instruments(session)
    deadlines = instrument_service.instrument_deadline_events(
        session, lang=lang, instruments=instruments
    )
    stored = event_service.list_events(session)
    measures = measure_status(session, plan_id=plan_id)
    return PackData(
        meeting=meeting,
        profiles=tuple(
            sorted(
                profiles_of(session, user=current, actor_ids=meeting.actor_ids).values(),
                key=lambda p: p.actor_name.casefold(),
            )
        ),
        previous=previous_actions(session, year=year),
        pairs=candidates(session, user=current, plan_id=plan_id, limit=MAX_PAIRS).pairs,
        events=event_service.occurrences(event_service.joined(stored, deadlines), year),
        instruments=instruments,
        measures=measures,
        matrix=matrix_of(measures, instruments),
        made_by=current.username,
        made_at=datetime.now(UTC),
    )


def pack_document(data: PackData, lang: str) -> Document:
    """The pack as a Document in `lang` ("nb" or "en")."""
    year = data.meeting.year
    sections = [
        Section("agenda", t("pack.agenda", lang), t("pack.agenda", lang), (_agenda(lang),)),
        Section(
            "previous",
            t("pack.previous", lang),
            t("pack.previous", lang),
            (_previous(data.previous, lang),),
        ),
        Section(
            "overlaps",
            t("pack.overlaps", lang),
            t("pack.overlaps", lang),
            (_pairs(data.pairs, lang),),
            new_page=True,
        ),
        Section(
            "matrix",
            t("pack.matrix_sheet", lang),
            t("pack.matrix", lang),
            (_crowded(data.matrix.cells, lang), _gaps(data.matrix.cells, lang)),
            new_page=True,
        ),
        *(_actor_page(data, profile, index, lang) for index, profile in enumerate(data.profiles)),
    ]
    return Document(
        title=t("meetings.event_title", lang, year=year),
        cover=_cover(data, lang),
        banners=(),
        sections=tuple(sections),
        lang=lang,
        cover_sheet=t("pack.cover", lang),
        none_text=t("summary.none", lang),
        running_head=t("meetings.event_title", lang, year=year),
    )


def pack_file(data: PackData, lang: str, *, pdf: bool) -> bytes:
    """The pack as the bytes of a PDF (pdf) or DOCX file; no charts, so no browser."""
    doc = pack_document(data, lang)
    if pdf:
        from tracker.reports.to_pdf import document_pdf

        return document_pdf(doc, {}, author=data.made_by)
    from tracker.reports.to_docx import document_docx

    return document_docx(doc, {}, author=data.made_by, created=data.made_at)


def pack_file_name(year: int, lang: str, *, pdf: bool) -> str:
    return f"{t('pack.file_name', lang, year=year)}.{'pdf' if pdf else 'docx'}"


def _cover(data: PackData, lang: str) -> tuple[tuple[str, str], ...]:
    meeting = data.meeting
    return (
        (t("field.meeting.held_on", lang), format_date(meeting.held_on, lang)),
        (t("field.meeting.place", lang), meeting.place or "–"),
        (
            t("field.meeting.invited", lang),
            ", ".join(p.actor_name for p in data.profiles) or "–",
        ),
        (t("summary.cover.produced_at", lang), format_datetime(data.made_at, lang)),
        (t("summary.cover.produced_by", lang), data.made_by),
    )


def _agenda(lang: str) -> Table:
    columns = (
        Column("number", t("pack.col.number", lang), width=4),
        Column("item", t("pack.col.item", lang), width=60),
    )
    rows = pd.DataFrame(
        {
            "number": [str(n) for n in range(1, len(AGENDA) + 1)],
            "item": [t(f"pack.agenda.{key}", lang) for key in AGENDA],
        }
    )
    return Table("agenda", t("pack.agenda", lang), columns, rows)


def _previous(actions: pd.DataFrame, lang: str) -> Table:
    columns = (
        Column("text", t("field.meeting_action.text", lang), width=44),
        Column("lead", t("col.lead", lang), width=24),
        Column("kind", t("field.meeting_action.kind", lang), width=18),
        Column("status", t("col.status", lang), width=10),
        Column("measure", t("field.meeting_action.measure", lang), width=10),
    )
    rows = pd.DataFrame(
        {
            "text": actions["text"],
            "lead": actions["lead"],
            "kind": [label(ActionKind(k), lang) for k in actions["kind"]],
            "status": [label(ActionStatus(s), lang) for s in actions["status"]],
            "measure": actions["measure_code"].fillna(""),
        },
        columns=[c.key for c in columns],
    )
    return Table("previous", t("pack.previous", lang), columns, rows)


def _pairs(pairs: pd.DataFrame, lang: str) -> Table:
    columns = (
        Column("a", t("coord.col.first", lang), width=30),
        Column("b", t("coord.col.second", lang), width=30),
        Column("why", t("pack.col.why", lang), width=40),
    )
    rows = pd.DataFrame(
        {
            "a": [_side(row, "a") for _, row in pairs.iterrows()],
            "b": [_side(row, "b") for _, row in pairs.iterrows()],
            "why": [reasons(row, lang) for _, row in pairs.iterrows()],
        },
        columns=[c.key for c in columns],
    )
    return Table("overlaps", t("pack.overlaps", lang), columns, rows)


def _side(row: pd.Series, side: str) -> str:
    return f"{row[f'{side}_code']} {row[f'{side}_title']} ({row[f'{side}_lead_short']})"


def _crowded(cells: pd.DataFrame, lang: str) -> Table:
    crowded = cells[cells["state"] == CROWDED_STATE]
    columns = (
        Column("group", t("matrix.col.target_group", lang), width=20),
        Column("kind", t("matrix.col.work_kind", lang), width=20),
        Column("actors", t("matrix.col.who", lang), width=60),
    )
    rows = pd.DataFrame(
        {
            "group": [label(TargetGroup(g), lang) for g in crowded["target_group"]],
            "kind": [label(WorkKind(k), lang) for k in crowded["work_kind"]],
            "actors": crowded["actor_names"].tolist(),
        },
        columns=[c.key for c in columns],
    )
    title = t("matrix.crowded", lang, count=len(crowded))
    return Table("crowded", title, columns, rows)


def _gaps(cells: pd.DataFrame, lang: str) -> Table:
    columns = (
        Column("group", t("matrix.col.target_group", lang), width=20),
        Column("kinds", t("matrix.col.gaps", lang), width=80),
    )
    lines = [
        (
            label(TargetGroup(group), lang),
            t("matrix.gaps_all", lang)
            if every
            else ", ".join(label(WorkKind(k), lang) for k in kinds),
        )
        for group, kinds, every in gaps_by_group(cells)
    ]
    rows = pd.DataFrame(lines, columns=[c.key for c in columns])
    return Table("gaps", t("matrix.gaps", lang), columns, rows)


def _actor_page(data: PackData, profile: Profile, index: int, lang: str) -> Section:
    actor_id = profile.actor_id
    tables = (
        _profile(profile, lang),
        _events(data.events[data.events["actor_id"] == actor_id], lang),
        _instruments(data.instruments[data.instruments["actor_id"] == actor_id], lang),
        _measures(data.measures, actor_id, lang),
    )
    return Section(
        f"actor{index + 1}", profile.actor_name[:31], profile.actor_name, tables, new_page=True
    )


def _profile(profile: Profile, lang: str) -> Table:
    values = profile.values
    kind = label(ActorKind(profile.kind), lang) if profile.kind else ""
    lines = [(t("adminpage.kind", lang), kind)] if kind else []
    for name in PROFILE_FIELDS:
        text = getattr(values, name)
        if isinstance(text, tuple):  # target groups, kinds of work: their labels
            text = ", ".join(label(member, lang) for member in text)
        if name == "focus_areas" and profile.themes:
            themes = t("pack.plan_themes", lang, themes=", ".join(profile.themes))
            text = "\n".join(p for p in (text, themes) if p)
        if text:
            lines.append((t(f"field.actor_profile.{name}", lang), text))
    columns = (
        Column("field", t("pack.col.field", lang), width=18),
        Column("value", t("pack.col.value", lang), width=60),
    )
    rows = pd.DataFrame(lines, columns=[c.key for c in columns])
    return Table("profile", t("pack.profile", lang), columns, rows)


def _events(events: pd.DataFrame, lang: str) -> Table:
    columns = (
        Column("date", t("wheel.field.starts", lang), width=10),
        Column("title", t("pack.col.event", lang), width=44),
        Column("kind", t("adminpage.kind", lang), width=16),
        Column("place", t("field.event.place", lang), width=16),
    )
    rows = pd.DataFrame(
        {
            "date": [format_date(d, lang) for d in events["date"]],
            "title": events["title"],
            "kind": [label(EventKind(k), lang) for k in events["kind"]],
            "place": events["place"].fillna(""),
        },
        columns=[c.key for c in columns],
    )
    return Table("events", t("pack.events", lang), columns, rows)


def _instruments(instruments: pd.DataFrame, lang: str) -> Table:
    columns = (
        Column("name", t("instruments.col.name", lang), width=28),
        Column("kind", t("instruments.col.kind", lang), width=12),
        Column("for", t("instruments.col.for", lang), width=30),
        Column("amount", t("instruments.col.amount", lang), width=16),
        Column("next", t("instruments.col.next_deadline", lang), width=11),
    )
    records = instruments.to_dict("records")
    rows = pd.DataFrame(
        {
            "name": [r["name"] for r in records],
            "kind": [label(InstrumentKind(r["kind"]), lang) for r in records],
            "for": [_for_whom(r, lang) for r in records],
            "amount": [r["amount"] for r in records],
            "next": [
                format_date(r["next_deadline"], lang)
                if r["next_deadline"]
                else t("instruments.open", lang)
                for r in records
            ],
        },
        columns=[c.key for c in columns],
    )
    return Table("instruments", t("page.instruments", lang), columns, rows)


def _for_whom(row: dict, lang: str) -> str:
    groups = [label(TargetGroup(g), lang) for g in row["target_groups"]]
    stages = [label(Stage(s), lang) for s in row["stages"]]
    return ", ".join([*groups, *stages, *row["industries"]])


def _measures(measures: pd.DataFrame, actor_id: int, lang: str) -> Table:
    leads = measures["lead_actor_id"] == actor_id
    takes_part = measures["partner_ids"].map(lambda ids: actor_id in ids)
    mine = measures[leads | takes_part]
    columns = (
        Column("code", t("col.code", lang), width=6),
        Column("title", t("col.title", lang), width=40),
        Column("role", t("pack.col.role", lang), width=10),
        Column("status", t("col.status", lang), width=14),
        Column("progress", t("col.progress", lang), "percent", 10),
        Column("rag", t("col.rag", lang), width=16),
    )
    lead_word, partner_word = t("pack.role.lead", lang), t("pack.role.partner", lang)
    rows = pd.DataFrame(
        {
            "code": mine["code"].astype(str),
            "title": mine["title"],
            "role": [lead_word if lead else partner_word for lead in leads[mine.index]],
            "status": status_texts(mine["status"], lang),
            "progress": pd.to_numeric(mine["effective"], errors="coerce"),
            "rag": rag_texts(mine["rag"], lang),
        },
        columns=[c.key for c in columns],
    )
    return Table("measures", t("pack.measures", lang), columns, rows)
