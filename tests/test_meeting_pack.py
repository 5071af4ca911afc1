"""The meeting pack (tracker.reports.meeting_pack): DOCX read back with python-docx,
PDF with pypdf; the agenda, last year's actions, the open overlaps and a page per
invited actor with its profile, events, instruments and measures; words, never codes;
bokmål and English."""

from __future__ import annotations

import io
from datetime import date

import docx
import pandas as pd
import pytest
from pypdf import PdfReader
from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Spacer
from sqlalchemy.orm import Session

from tests.factories import World, make_actor
from tracker.errors import NotFound
from tracker.reports.document import Column, Document, Section, Table
from tracker.reports.meeting_pack import pack_data, pack_document, pack_file, pack_file_name
from tracker.reports.to_pdf import _story, _styles, fonts
from tracker.service.events import EventInput, save_event
from tracker.service.instruments import Deadline, InstrumentInput, save_instrument
from tracker.service.meetings import ActionInput, MeetingInput, add_action, save_meeting
from tracker.service.profiles import ProfileInput, save_profile
from tracker.vocab import ActionKind, ActorKind, EventKind, InstrumentKind, TargetGroup

CODES = ("avklaring", "open", "done", "samhandlingsmote", "tilskudd", "grundere", "naeringshage")


@pytest.fixture
def prepared(session: Session, world: World) -> World:
    admin = world.principals["admin"]
    make_actor(session, "Senja kommune", "Senja", ActorKind.MUNICIPALITY)
    a, b = world.actors["A"].id, world.actors["B"].id
    last = save_meeting(
        session, user=admin, values=MeetingInput(2026, date(2026, 1, 29), "Finnsnes", (a, b))
    )
    add_action(session, user=admin, meeting_id=last,
               values=ActionInput("Felles gründerkurs", b, ActionKind.MEASURE))  # fmt: skip
    save_meeting(
        session, user=admin, values=MeetingInput(2027, date(2027, 1, 28), "Silsand", (a, b))
    )
    save_profile(session, user=admin, actor_id=a, seen_version=0, values=ProfileInput(
        about="Næringshage for Midt-Troms", cooperation="Felles kurs med klyngen",
        theme_ids=(world.themes["T1"].id,)))  # fmt: skip
    save_event(
        session,
        user=admin,
        values=EventInput(
            actor_id=a, title="Gründerfrokost", kind=EventKind.EVENT, starts=date(2027, 3, 3)
        ),
    )
    save_instrument(
        session,
        user=admin,
        values=InstrumentInput(
            actor_id=a,
            name="Inkubatortilskudd",
            kind=InstrumentKind.GRANT,
            target_groups=(TargetGroup.ENTREPRENEURS,),
            deadlines=(Deadline(date(2027, 4, 1)),),
        ),
    )
    session.flush()
    return world


def test_the_pack_has_the_agenda_last_years_actions_and_a_page_per_actor(
    session: Session, prepared: World
) -> None:
    data = pack_data(session, user=prepared.principals["leader"], year=2027,
                     plan_id=prepared.plan.id)  # fmt: skip
    doc = pack_document(data, "nb")
    titles = [s.title for s in doc.sections]
    assert titles[:3] == [
        "Dagsorden",
        "Avtalt oppfølging fra forrige møte",
        "Mulige overlapp å avklare",
    ]
    assert titles[3] == "Hvem gjør hva: trange og tomme ruter"
    assert titles[4:] == ["Klyngen Nordvest", "Senja Næringshage"]
    assert all(s.new_page for s in doc.sections[2:])
    assert doc.title == "Samhandlingsmøte 2027"


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_docx_and_pdf_say_it_in_words(session: Session, prepared: World, lang: str) -> None:
    data = pack_data(session, user=prepared.principals["admin"], year=2027,
                     plan_id=prepared.plan.id)  # fmt: skip
    word = docx.Document(io.BytesIO(pack_file(data, lang, pdf=False)))
    cells = [c.text for t in word.tables for row in t.rows for c in row.cells]
    docx_text = " ".join([p.text for p in word.paragraphs] + cells)
    reader = PdfReader(io.BytesIO(pack_file(data, lang, pdf=True)))
    pdf_text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    words = {
        "nb": ("Dagsorden", "Nytt tiltak", "Åpen", "Gründerfrokost", "Søknadsfrist",
               "Tilskudd", "Gründere", "Næringshage for Midt-Troms", "Felles kurs med klyngen",
               "Næringsutvikling", "Etablere inkubatorprogram", "Leder", "Pågår"),
        "en": ("Agenda", "New measure", "Open", "Gründerfrokost", "Grant", "Entrepreneurs",
               "Etablere inkubatorprogram", "Lead", "In progress"),
    }[lang]  # fmt: skip
    for text in (docx_text, pdf_text):
        for expected in (*words, "Felles gründerkurs", "Klyngen Nordvest", "Senja Næringshage"):
            assert expected in text, expected
        for code in CODES:
            assert code not in text.split(), code  # labels begin with a capital
    assert len(reader.pages) >= 4  # agenda, overlaps, and a page per actor
    assert pack_file_name(2027, lang, pdf=True).endswith("2027.pdf")


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("nb", ("Hvem gjør hva: trange og tomme ruter", "Gründere", "Finansiering")),
        ("en", ("Who does what: crowded and empty cells", "Entrepreneurs", "Funding")),
    ],
)
def test_the_pack_names_the_crowded_cells_actors_and_the_empty_ones(
    session: Session, prepared: World, lang: str, words: tuple[str, ...]
) -> None:
    admin = prepared.principals["admin"]
    third = make_actor(session, "Kupa inkubator", "Kupa", ActorKind.INCUBATOR)
    for actor in (prepared.actors["B"], third):
        grant = InstrumentInput(actor_id=actor.id, name=f"Tilskudd {actor.short_name}",
                                kind=InstrumentKind.GRANT,
                                target_groups=(TargetGroup.ENTREPRENEURS,))  # fmt: skip
        save_instrument(session, user=admin, values=grant)
    session.flush()
    data = pack_data(session, user=admin, year=2027, plan_id=prepared.plan.id)
    word = docx.Document(io.BytesIO(pack_file(data, lang, pdf=False)))
    cells = [c.text for t in word.tables for row in t.rows for c in row.cells]
    docx_text = " ".join([p.text for p in word.paragraphs] + cells)
    reader = PdfReader(io.BytesIO(pack_file(data, lang, pdf=True)))
    pdf_text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    actors = "Klyngen Nordvest, Kupa inkubator, Senja Næringshage"
    for text in (docx_text, pdf_text):
        for expected in (*words, actors):
            assert expected in text, expected
    gaps = pack_document(data, lang).sections[3].tables[1].rows
    assert len(gaps) == len(TargetGroup)  # the world's plan leaves a gap in every group


def test_a_year_without_a_meeting_has_no_pack(session: Session, world: World) -> None:
    with pytest.raises(NotFound):
        pack_data(session, user=world.principals["admin"], year=2030, plan_id=world.plan.id)


def test_no_space_before_a_page_break_of_the_pdf() -> None:
    # a section ending at the foot of a page left its trailing space to begin the next
    # page, and the next section's page break then left that page empty (the demo's
    # pack had two: 20 pages, 18 without them)
    rows = pd.DataFrame({"text": ["Rad"]})
    table = Table("t", "Tabell", (Column("text", "Tekst"),), rows)
    sections = tuple(Section(k, k, f"Del {k}", (table,), new_page=True) for k in "abc")
    doc = Document("Pakke", (("Sted", "Silsand"),), (), sections, "nb", "Forside", "Ingen", "")
    story = _story(doc, {}, _styles(*fonts()), 150 * mm)
    breaks = [i for i, flowable in enumerate(story) if isinstance(flowable, PageBreak)]
    assert len(breaks) == 2
    assert not any(isinstance(story[i - 1], Spacer) for i in breaks)


def test_an_english_pack_names_the_deadlines_in_english(session: Session, prepared: World) -> None:
    """The instruments' deadlines come into the pack titled in the pack's language."""
    admin, plan_id = prepared.principals["admin"], prepared.plan.id
    titles = {
        lang: set(
            pack_data(session, user=admin, year=2027, plan_id=plan_id, lang=lang).events["title"]
        )
        for lang in ("nb", "en")
    }
    assert "Søknadsfrist: Inkubatortilskudd" in titles["nb"]
    assert "Deadline: Inkubatortilskudd" in titles["en"]
    assert "Søknadsfrist: Inkubatortilskudd" not in titles["en"]
