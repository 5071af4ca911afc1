"""Measures say whom they are for and what kind of work they do (issue 16): the
target groups and kinds of work stored from the controlled lists, checked and
audited by the measure save; suggested from the text (never stored unasked); and
what the overlap finder compares a measure by once a user has said them."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from tests.factories import World, make_measure
from tracker import audit_words, i18n
from tracker.code_lists import joined, members
from tracker.demo.seed import load_demo
from tracker.errors import ValidationError
from tracker.matching.score import MEASURE_FIELDS, reasons, score_pairs
from tracker.matching.similarity import CONCEPTS, TARGET_GROUPS, TOPICS, target_groups, work_of
from tracker.matching.suggestions import (
    GROUP_CONCEPTS,
    WORK_CONCEPTS,
    finder_groups,
    finder_work,
    suggested,
)
from tracker.models import AuditLog, Measure
from tracker.planfile.export import export_plan, plan_book
from tracker.planfile.importer import ImportResult, import_path
from tracker.service.measure_edits import MeasureInput, save_measure
from tracker.service.measures import MeasureFilter, filter_measures
from tracker.service.overlaps import candidates, overlap_measures
from tracker.service.principal import SYSTEM
from tracker.vocab import TargetGroup, WorkKind


def form_of(measure: Measure, **changes: Any) -> MeasureInput:
    values = MeasureInput(
        code=measure.code, title=measure.title, theme_id=measure.theme_id,
        lead_actor_id=measure.lead_actor_id, start_period=measure.start_period,
        end_period=measure.end_period, description=measure.description,
        goal_id=measure.goal_id, partners=tuple((p.actor_id, p.role) for p in measure.partners),
        weight=measure.weight, budget=measure.budget, funding=measure.funding,
        is_example=measure.is_example,
        target_groups=members(measure.target_groups, TargetGroup),
        work_kinds=members(measure.work_kinds, WorkKind),
    )  # fmt: skip
    return replace(values, **changes)


def save(session: Session, world: World, measure: Measure, **changes: Any) -> None:
    save_measure(
        session,
        user=world.principals["admin"],
        plan_id=world.plan.id,
        measure_id=measure.id,
        seen_version=measure.version,
        values=form_of(measure, **changes),
    )
    session.flush()


# --- the column ---------------------------------------------------------------------


def test_a_list_is_kept_in_the_vocabularys_order_each_code_once() -> None:
    text = joined([TargetGroup.YOUNG, TargetGroup.ENTREPRENEURS, TargetGroup.YOUNG])
    assert text == "grundere;ungdom"
    assert members(text, TargetGroup) == (TargetGroup.ENTREPRENEURS, TargetGroup.YOUNG)
    assert joined([]) == "" and members("", WorkKind) == ()
    assert members("grundere;borte", TargetGroup) == (TargetGroup.ENTREPRENEURS,)


# --- the save -----------------------------------------------------------------------


def test_the_save_stores_and_audits_them_in_words(session: Session, world: World) -> None:
    measure = world.measures["1.1"]
    save(session, world, measure, target_groups=("ungdom", TargetGroup.ENTREPRENEURS),
         work_kinds=(WorkKind.SKILLS,))  # fmt: skip
    session.refresh(measure)
    assert (measure.target_groups, measure.work_kinds) == ("grundere;ungdom", "kompetanse")
    assert measure.version == 2
    row = session.scalars(select(AuditLog).order_by(AuditLog.id.desc())).first()
    assert row is not None and row.after == {
        "target_groups": "grundere;ungdom",
        "work_kinds": "kompetanse",
    }
    entry = {"entity": row.entity, "before": row.before, "after": row.after}
    assert audit_words.changes_text(entry, {}, "nb") == (
        "Målgrupper: – → Gründere, Skoler og ungdom; Arbeidsformer: – → Kurs og utdanning"
    )
    assert audit_words.changes_text(entry, {}, "en") == (
        "Target groups: – → Entrepreneurs, Schools and young people; "
        "Kinds of work: – → Courses and education"
    )


def test_the_same_groups_in_another_order_change_nothing(session: Session, world: World) -> None:
    measure = world.measures["1.1"]
    save(session, world, measure, target_groups=(TargetGroup.YOUNG, TargetGroup.ENTREPRENEURS))
    session.refresh(measure)
    version = measure.version
    save(session, world, measure, target_groups=(TargetGroup.ENTREPRENEURS, TargetGroup.YOUNG))
    session.refresh(measure)
    assert measure.version == version


def test_a_word_off_the_list_is_refused_naming_the_list(session: Session, world: World) -> None:
    measure = world.measures["1.1"]
    with pytest.raises(ValidationError) as caught:
        save(session, world, measure, target_groups=("hytteeiere",), work_kinds=("kurs",))
    assert [(p.key, p.field) for p in caught.value.problems] == [
        ("field.not_one_of", "target_groups"),
        ("field.not_one_of", "work_kinds"),
    ]
    assert tuple(caught.value.problems[0].params["choices"]) == tuple(TargetGroup)
    session.refresh(measure)
    assert (measure.target_groups, measure.work_kinds) == ("", "")


# --- suggestions --------------------------------------------------------------------


def test_the_text_suggests_groups_and_kinds_of_work() -> None:
    groups, work = suggested(
        "Gründerveiledning for ungdom", "Rådgivning og nettverk for elever som vil starte opp."
    )
    assert groups == (TargetGroup.ENTREPRENEURS, TargetGroup.YOUNG)
    assert work == (WorkKind.ADVICE, WorkKind.MEETING_PLACES)
    assert suggested("Regulering av næringsareal", "")[1] == (WorkKind.INFRASTRUCTURE,)
    assert suggested("", "") == ((), ())


def test_suggestions_are_never_stored_unasked(session: Session, world: World) -> None:
    measure = make_measure(
        session, world.plan, world.themes["T1"], world.actors["A"], code="1.9",
        title="Veiledning for gründere",
    )  # fmt: skip
    session.flush()
    overlap_measures(session)
    assert (measure.target_groups, measure.work_kinds) == ("", "")


TEXTS = [
    ("Veiledning for gründere", "Rådgivning og oppfølging av nye gründere."),
    ("Sjømatklyngens kompetanseprogram", "Kurs og rekruttering for havbruk og fiskeri."),
    ("Kontorfellesskap for fjernarbeidere", "Coworking for tilflyttere og innflyttere."),
    ("Næringsareal og havn", "Regulering av tomter; kartlegging av energibehov."),
    ("Introduksjonsprogram", "Arbeidspraksis og norskopplæring for flyktninger."),
    ("Næringslos", "Én inngang og veiviser til virkemidler og investorer for handel."),
]


def test_every_concept_the_finder_compares_belongs_to_one_member() -> None:
    work = [c for concepts_ in WORK_CONCEPTS.values() for c in concepts_]
    named = [*GROUP_CONCEPTS.values(), *work]
    assert len(named) == len(set(named))
    assert set(CONCEPTS) - TOPICS <= set(named)
    assert set(TARGET_GROUPS) == set(GROUP_CONCEPTS.values())


@pytest.mark.parametrize(("title", "text"), TEXTS)
def test_the_suggestions_stored_compare_as_the_text_did(title: str, text: str) -> None:
    groups, work = suggested(title, text)
    assert finder_groups(groups) == target_groups(f"{title} {text}")
    assert finder_work(work) == work_of(title, text)


# --- the finder ---------------------------------------------------------------------


def row(id_: int, title: str, description: str = "", **more: Any) -> dict[str, Any]:
    return {
        "id": id_, "code": f"{id_}", "title": title, "description": description,
        "plan_id": 1, "plan_name": "Plan", "theme_key": f"tema {id_}", "theme_name": "Tema",
        "lead_actor_id": id_, "lead_name": f"Aktør {id_}", "start_period": "2025-Q1",
        "end_period": "2026-Q4", "groups": target_groups(f"{title} {description}"),
    } | more  # fmt: skip


def test_stored_fields_override_the_text_for_that_measure_only() -> None:
    a = row(1, "Veiledning for gründere")
    b = row(2, "Oppfølging av nye etablerere", "Rådgivning til gründere.")
    before = score_pairs(pd.DataFrame([a, b], columns=MEASURE_FIELDS)).iloc[0]
    assert before["groups"] == ("gründere",) and before["activities"] == ("veiledning",)
    told = a | {
        "groups": finder_groups([TargetGroup.YOUNG]),
        "work": finder_work([WorkKind.RECRUITMENT]),
    }
    after = score_pairs(pd.DataFrame([told, b], columns=MEASURE_FIELDS)).iloc[0]
    assert after["groups"] == () and after["activities"] == ()
    assert after["score"] < before["score"]


def test_stored_infrastructure_is_no_shared_work() -> None:
    a = row(1, "Ny kai", work=finder_work([WorkKind.INFRASTRUCTURE]))
    b = row(2, "Ny havn", work=finder_work([WorkKind.INFRASTRUCTURE]))
    pair = score_pairs(pd.DataFrame([a, b], columns=MEASURE_FIELDS)).iloc[0]
    assert pair["activities"] == ()


def test_the_finder_reads_the_stored_fields(session: Session, world: World) -> None:
    first = make_measure(
        session, world.plan, world.themes["T1"], world.actors["A"], code="1.4",
        title="Veiledning for gründere", description="Rådgivning og oppfølging av nye gründere.",
    )  # fmt: skip
    second = make_measure(
        session, world.plan, world.themes["T1"], world.actors["C"], code="1.5",
        title="Oppfølging av nye etablerere", description="Veiledning til gründere.",
    )  # fmt: skip
    session.flush()
    measures = overlap_measures(session).set_index("id")
    assert measures.loc[first.id, "groups"] == {"gründere"}
    assert measures.loc[first.id, "work"] is None
    save(session, world, first, target_groups=(TargetGroup.COMPANIES, TargetGroup.SEAFOOD),
         work_kinds=(WorkKind.CAPITAL,))  # fmt: skip
    measures = overlap_measures(session).set_index("id")
    assert measures.loc[first.id, "groups"] == {"bedrifter", "sjømatbedrifter"}
    assert measures.loc[first.id, "work"] == {"kapital"}
    assert measures.loc[second.id, "groups"] == {"gründere"}  # the other keeps its text's
    pairs = candidates(session, user=world.principals["admin"], threshold=0.0).pairs
    pair = pairs[(pairs["a_id"] == first.id) & (pairs["b_id"] == second.id)].iloc[0]
    assert "gründere" not in reasons(pair, "nb")


# --- the plan file ------------------------------------------------------------------


def import_rows(session: Session, tmp_path: Path, *rows: dict[str, str]) -> ImportResult:
    base = {"Kode": "9.1", "Tiltak": "Tiltak", "Satsingsområde": "T1", "Ansvarlig": "SNH"}
    wanted = [base | {"Kode": f"9.{i}"} | row for i, row in enumerate(rows, start=1)]
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(wanted[0]), delimiter=";")
    writer.writeheader()
    writer.writerows(wanted)
    path = tmp_path / "tiltak.csv"
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return import_path(session, user=SYSTEM, path=path)


def stored(session: Session, code: str) -> tuple[str, str]:
    measure = session.scalars(select(Measure).where(Measure.code == code)).one()
    return measure.target_groups, measure.work_kinds


def test_the_columns_read_labels_in_either_language_or_codes(
    session: Session, world: World, tmp_path: Path
) -> None:
    result = import_rows(
        session,
        tmp_path,
        {"Målgrupper": "Skoler og ungdom; Gründere", "Arbeidsformer": "Kurs og utdanning"},
        {"Målgrupper": "Seafood companies, job seekers", "Arbeidsformer": "moteplass;kapital"},
        {"Målgrupper": "", "Arbeidsformer": ""},
    )
    assert result.ok, [p.text("en") for p in result.problems]
    assert stored(session, "9.1") == ("grundere;ungdom", "kompetanse")
    assert stored(session, "9.2") == ("arbeidssokere;sjomat", "moteplass;kapital")
    assert stored(session, "9.3") == ("", "")


def test_a_word_off_the_list_is_a_problem_naming_the_allowed_ones(
    session: Session, world: World, tmp_path: Path
) -> None:
    result = import_rows(session, tmp_path, {"Målgrupper": "Gründere; hytteeiere"})
    assert not result.ok
    [problem] = result.problems
    assert (problem.key, problem.row) == ("import.not_on_list", 2)
    text = problem.text("nb")
    assert "«hytteeiere» står ikke på listen" in text and "Målgrupper" in text
    assert all(i18n.label(g, "nb") in text for g in TargetGroup)
    assert session.scalar(select(Measure).where(Measure.code == "9.1")) is None


def test_a_file_without_the_columns_keeps_what_the_measure_says(
    session: Session, world: World, tmp_path: Path
) -> None:
    assert import_rows(session, tmp_path, {"Målgrupper": "Gründere"}).ok
    session.commit()
    assert import_rows(session, tmp_path, {"Beskrivelse": "Ny tekst"}).ok
    assert stored(session, "9.1") == ("grundere", "")


def test_export_writes_labels_and_they_read_back(
    session: Session, world: World, tmp_path: Path
) -> None:
    measure = world.measures["1.1"]
    save(session, world, measure, target_groups=(TargetGroup.TRADE, TargetGroup.YOUNG),
         work_kinds=(WorkKind.ADVICE, WorkKind.FIRST_LINE))  # fmt: skip
    session.commit()
    book = plan_book(session, world.plan.id)
    row = book["measures"].set_index("Kode").loc["1.1"]
    assert row["Målgrupper"] == "Skoler og ungdom; Handel og service"
    assert row["Arbeidsformer"] == "Veiledning og rådgivning; Førstelinjetjeneste"
    path = tmp_path / "plan.xlsx"
    export_plan(session, world.plan.id, path)
    save(session, world, measure, target_groups=(), work_kinds=())
    session.commit()
    result = import_path(session, user=SYSTEM, path=path)
    assert result.ok, [p.text("en") for p in result.problems]
    assert stored(session, "1.1") == ("ungdom;handel", "veiledning;forstelinje")


# --- the demo -----------------------------------------------------------------------


def test_the_demo_measures_say_them_and_the_finder_finds_the_same(session: Session) -> None:
    load_demo(session)
    session.flush()
    measures = list(session.scalars(select(Measure)))
    assert sum(bool(m.target_groups) for m in measures) > len(measures) / 2
    assert sum(bool(m.work_kinds) for m in measures) > len(measures) / 2
    for m in measures:  # the seed holds what the text suggests, confirmed once
        groups, work = suggested(m.title, m.description)
        assert (m.target_groups, m.work_kinds) == (joined(groups), joined(work)), m.code
    told = score_pairs(overlap_measures(session))
    session.execute(update(Measure).values(target_groups="", work_kinds=""))
    session.expire_all()
    assert score_pairs(overlap_measures(session)).equals(told)


def test_a_measure_list_narrows_to_a_target_group_and_a_kind_of_work() -> None:
    frame = pd.DataFrame(
        {
            "code": ["1", "2", "3"],
            "target_groups": ["grundere;ungdom", "ungdom", ""],
            "work_kinds": ["kompetanse", "veiledning;kompetanse", "kompetanse"],
        }
    )
    young = filter_measures(frame, MeasureFilter(target_group="ungdom"))
    assert young["code"].tolist() == ["1", "2"]
    advice = MeasureFilter(target_group="ungdom", work_kind="veiledning")
    assert filter_measures(frame, advice)["code"].tolist() == ["2"]
