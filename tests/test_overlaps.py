"""The overlap and interest-conflict finder: the Norwegian-aware text comparison and
the pair score (pure), the decisions on SQLite and PostgreSQL (who may decide, who
sees which pairs, decided pairs leave the list, audit, shown on both measures), and
the page Samordning (AppTest, demo data)."""

from __future__ import annotations

from collections.abc import Iterator

import pandas as pd
import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session
from streamlit.testing.v1 import AppTest

from tests.apptest_helpers import (
    AppDatabase,
    app,
    demo_database,
    double_click,
    frame,
    no_exception,
    nothing_to_save,
    on_page,
)
from tests.factories import World, make_measure
from tracker.errors import NotFound, PermissionDenied, ValidationError
from tracker.matching import score
from tracker.matching.score import MEASURE_FIELDS, THRESHOLD, reasons, score_pairs
from tracker.matching.similarity import compare_texts, concepts, stems, target_groups
from tracker.models import AuditLog, Event, Measure, OverlapDecision
from tracker.service.measure_edits import delete_measure
from tracker.service.overlaps import (
    candidates,
    decisions,
    measure_decisions,
    overlap_measures,
    record_decision,
    reopen_pair,
)
from tracker.service.structure import get_plan
from tracker.vocab import EventKind, OverlapVerdict
from ui import widgets

PAGE = "app_pages/coordination.py"


def measure(
    id_: int,
    title: str,
    description: str = "",
    *,
    lead: int = 0,
    theme: str = "kompetanse",
    start: str = "2025-Q1",
    end: str = "2026-Q4",
) -> dict[str, object]:
    return {
        "id": id_, "code": f"{id_}", "title": title, "description": description,
        "plan_id": 1, "plan_name": "Plan", "theme_key": theme, "theme_name": theme,
        "lead_actor_id": lead if lead else id_, "lead_name": f"Aktør {lead or id_}",
        "start_period": start, "end_period": end,
        "groups": target_groups(f"{title} {description}"),
    }  # fmt: skip


def frame_of(*rows: dict[str, object]) -> pd.DataFrame:
    return pd.DataFrame(list(rows), columns=MEASURE_FIELDS)


def score_of(pairs: pd.DataFrame, a: int, b: int) -> float:
    found = pairs[(pairs["a_id"] == min(a, b)) & (pairs["b_id"] == max(a, b))]
    return float(found["score"].iloc[0]) if len(found) else 0.0


# --- the text ---------------------------------------------------------------------


def test_words_are_stemmed_and_stop_words_dropped() -> None:
    assert stems("Veiledning for gründere og bedriftene") == ["veiledning", "gründer", "bedrift"]


def test_concepts_reach_across_compounds_and_synonyms() -> None:
    assert "gründere" in concepts(stems("Jevnlige gründerfrokoster"))
    assert "gründere" in concepts(stems("Oppfølging av nye etablerere"))
    assert "veiledning" in concepts(stems("Inkubatorløp med mentor"))
    # «bedriftsbesøk» is a visit, not tourism; «etablerte bedrifter» are not start-ups
    assert "reiseliv" not in concepts(stems("Bedriftsbesøk i hele kommunen"))
    assert "gründere" not in concepts(stems("Program for etablerte bedrifter"))
    # «vei» is a road only as a word of its own, never inside «veiledning»
    assert "infrastruktur" not in concepts(stems("Veiledning"))
    assert "infrastruktur" in concepts(stems("Vei til industriområdet"))


def test_target_groups_come_from_the_text_and_from_event_tags() -> None:
    assert target_groups("Møteplass for gründere") == {"gründere"}
    assert target_groups("Skolebesøk i sjømatbedrifter") == {"skoler og ungdom", "sjømatbedrifter"}
    # an event's tag naming a known group counts as that group; others as written
    assert target_groups("Bredbånd", ["Gründere", "Hytteeiere"]) == {"gründere", "hytteeiere"}
    assert target_groups("Bredbånd") == frozenset()


def test_alike_texts_score_higher_than_unlike_ones() -> None:
    similarity, found = compare_texts(
        ["Gründerveiledning", "Oppfølging av nye etablerere", "Bredbånd i hele kommunen"],
        ["Rådgivning for gründere.", "Veiledning til dem som starter bedrift.", "Utbygging."],
    )
    assert similarity.shape == (3, 3)
    assert similarity[0, 1] > 2 * similarity[0, 2]
    assert similarity[0, 0] == pytest.approx(1.0, abs=1e-5)
    assert "gründere" in found[0] & found[1]


# --- the score --------------------------------------------------------------------


def test_a_paraphrased_overlap_ranks_above_an_unrelated_pair() -> None:
    pairs = score_pairs(
        frame_of(
            measure(1, "Gründerveiledning", "Rådgivning og oppfølging for nye gründere."),
            measure(2, "Oppfølging av etablerere", "Veiledning til personer som vil starte."),
            measure(3, "Bredbånd i hele kommunen", "Utbygging der markedet ikke bygger.",
                    theme="infrastruktur"),
        )
    )  # fmt: skip
    assert score_of(pairs, 1, 2) >= THRESHOLD
    assert score_of(pairs, 1, 2) > score_of(pairs, 1, 3) + 0.2
    assert (pairs["a_id"] < pairs["b_id"]).all()
    assert pairs["score"].is_monotonic_decreasing


def test_measures_of_the_same_lead_actor_are_never_paired() -> None:
    pairs = score_pairs(
        frame_of(
            measure(1, "Møteplass for gründere", lead=9),
            measure(2, "Møteplass for gründere", lead=9),
            measure(3, "Møteplass for gründere", lead=8),
        )
    )
    assert {(a, b) for a, b in zip(pairs["a_id"], pairs["b_id"], strict=True)} == {(1, 3), (2, 3)}


def test_the_threshold_keeps_only_pairs_at_or_above_it() -> None:
    rows = frame_of(
        measure(1, "Møteplass for gründere"),
        measure(2, "Gründerfrokost"),
        measure(3, "Landstrøm i havnene", theme="energi", start="2028-Q1", end="2028-Q4"),
    )
    every = score_pairs(rows)
    some = score_pairs(rows, threshold=0.3)
    assert len(every) == 3
    assert (some["score"] >= 0.3).all()
    assert len(some) == (every["score"] >= 0.3).sum()


def test_no_pairs_from_fewer_than_two_measures() -> None:
    assert score_pairs(frame_of()).empty
    assert score_pairs(frame_of(measure(1, "Alene"))).empty


def test_the_reasons_say_why_in_both_languages() -> None:
    pairs = score_pairs(
        frame_of(
            measure(1, "Møteplass for gründere", start="2024-Q1", end="2026-Q2"),
            measure(2, "Gründerfrokost", "Frokostmøter for gründere.", start="2025-Q3",
                    end="2027-Q4"),
        )
    )  # fmt: skip
    pair = pairs.iloc[0]
    assert (pair["overlap_from"], pair["overlap_to"]) == ("2025-Q3", "2026-Q2")
    text = f"{pair['text']:.2f}".replace(".", ",")
    assert reasons(pair, "nb") == (
        f"samme tema, overlapper i 2025–2026, {text} teksttreff, begge gjelder møteplass, "
        "begge retter seg mot gründere"
    )
    assert reasons(pair, "en").startswith("same theme, overlap in 2025–2026, ")
    assert reasons(pair, "en").endswith(
        "text similarity, both about meeting places, both target entrepreneurs"
    )  # the vocabulary in the UI's language, not the stems' bokmål


def test_measures_that_never_run_together_get_no_period_reason() -> None:
    pairs = score_pairs(
        frame_of(
            measure(1, "Møteplass for gründere", start="2024-Q1", end="2024-Q4"),
            measure(2, "Møteplass for gründere", theme="annet", start="2026-Q1", end="2026-Q4"),
        )
    )
    pair = pairs.iloc[0]
    assert pair["overlap_from"] == "" and not pair["same_theme"]
    assert "overlapper" not in reasons(pair, "nb") and "samme tema" not in reasons(pair, "nb")


def test_many_free_tags_give_the_same_shares_as_few() -> None:
    """Past 62 target groups the bit masks give way to sets: the same answer."""
    few = frame_of(measure(1, "A"), measure(2, "B"), measure(3, "C"))
    few["groups"] = [frozenset({"x", "y"}), frozenset({"y"}), frozenset({"z"})]
    many = few.copy()
    extra = frozenset(f"tag{i}" for i in range(70))
    many["groups"] = [few["groups"][0], few["groups"][1], few["groups"][2] | extra]
    assert score_pairs(few)["score"].tolist() == score_pairs(many)["score"].tolist()


# --- the decisions (SQLite and PostgreSQL) ----------------------------------------


def add_overlap(session: Session, world: World) -> tuple[int, int]:
    """Two measures of different actors that do the same: gründer guidance."""
    first = make_measure(
        session, world.plan, world.themes["T1"], world.actors["A"], code="1.4",
        title="Veiledning for gründere", description="Rådgivning og oppfølging av nye gründere.",
    )  # fmt: skip
    second = make_measure(
        session, world.plan, world.themes["T1"], world.actors["C"], code="1.5",
        title="Oppfølging av nye etablerere", description="Veiledning til gründere.",
    )  # fmt: skip
    session.flush()
    return first.id, second.id


def pair_ids(frame: pd.DataFrame) -> set[tuple[int, int]]:
    return set(zip(frame["a_id"], frame["b_id"], strict=True))


def test_the_overlap_is_a_candidate_with_its_sides(session: Session, world: World) -> None:
    first, second = add_overlap(session, world)
    found = candidates(session, user=world.principals["leader"], plan_id=world.plan.id).pairs
    assert (first, second) in pair_ids(found)
    row = found[(found["a_id"] == first) & (found["b_id"] == second)].iloc[0]
    assert (row["a_code"], row["b_code"]) == ("1.4", "1.5")
    assert (row["a_lead_name"], row["b_lead_name"]) == (
        "Senja Næringshage",
        "Innovasjon Norge Arktis",
    )
    assert "gründere" in row["groups"]
    assert found.iloc[0]["score"] == found["score"].max()


def test_an_actor_sees_only_the_pairs_it_takes_part_in(session: Session, world: World) -> None:
    add_overlap(session, world)
    every = candidates(session, user=world.principals["admin"], threshold=0.0).pairs
    mine = candidates(session, user=world.principals["actor_b"], threshold=0.0).pairs
    measures = overlap_measures(session)
    b = world.actors["B"].id
    ours = {
        m
        for m, lead, partners in zip(
            measures["id"], measures["lead_actor_id"], measures["partner_ids"], strict=True
        )
        if lead == b or b in partners
    }
    assert pair_ids(mine) == {p for p in pair_ids(every) if p[0] in ours or p[1] in ours}
    assert pair_ids(mine) < pair_ids(every)


def test_a_decided_pair_leaves_the_list_and_shows_on_both_measures(
    session: Session, world: World
) -> None:
    first, second = add_overlap(session, world)
    admin = world.principals["admin"]
    record_decision(session, user=admin, measure_ids=(second, first),
                    verdict=OverlapVerdict.COOPERATE, note="Felles eierskap fra 2026.",
                    score=0.5)  # fmt: skip
    assert (first, second) not in pair_ids(candidates(session, user=admin, threshold=0.0).pairs)
    for measure_id, other in ((first, "1.5"), (second, "1.4")):
        shown = measure_decisions(session, user=world.principals["leader"], measure_id=measure_id)
        assert shown["other_code"].tolist() == [other]
        assert shown["verdict"].tolist() == ["samarbeid"]
        assert shown["note"].tolist() == ["Felles eierskap fra 2026."]
    listed = decisions(session, user=world.principals["leader"], plan_id=world.plan.id)
    assert pair_ids(listed) == {(first, second)}
    assert listed["decided_by"].tolist() == [world.users["admin"].display_name or "admin"]


def test_a_second_decision_replaces_the_first_and_both_are_audited(
    session: Session, world: World
) -> None:
    first, second = add_overlap(session, world)
    admin = world.principals["admin"]
    record_decision(session, user=admin, measure_ids=(first, second), verdict="avklar_roller")
    record_decision(session, user=admin, measure_ids=(first, second), verdict="sla_sammen",
                    note="Slås sammen i 2026.")  # fmt: skip
    stored = session.scalars(select(OverlapDecision)).one()
    assert stored.verdict == OverlapVerdict.MERGE and stored.note == "Slås sammen i 2026."
    audit = session.scalars(
        select(AuditLog).where(AuditLog.entity == "overlap").order_by(AuditLog.id)
    ).all()
    assert [a.action for a in audit] == ["create", "update"]
    assert audit[1].before is not None and audit[1].before["verdict"] == "avklar_roller"
    assert (
        audit[1].after is not None and "1.4 Veiledning for gründere ↔ 1.5" in audit[1].after["pair"]
    )


def test_reopening_brings_the_pair_back(session: Session, world: World) -> None:
    first, second = add_overlap(session, world)
    admin = world.principals["admin"]
    record_decision(session, user=admin, measure_ids=(first, second), verdict="ikke_overlapp")
    reopen_pair(session, user=admin, measure_ids=(second, first))
    assert (first, second) in pair_ids(candidates(session, user=admin, threshold=0.0).pairs)
    assert measure_decisions(session, user=admin, measure_id=first).empty
    with pytest.raises(NotFound) as refused:
        reopen_pair(session, user=admin, measure_ids=(first, second))
    assert refused.value.text() == "Paret har ingen beslutning å angre."
    actions = session.scalars(select(AuditLog.action).where(AuditLog.entity == "overlap")).all()
    assert actions == ["create", "delete"]


def test_only_the_admin_decides(session: Session, world: World) -> None:
    first, second = add_overlap(session, world)
    for who in ("leader", "actor_a"):
        with pytest.raises(PermissionDenied):
            record_decision(session, user=world.principals[who], measure_ids=(first, second),
                            verdict="samarbeid")  # fmt: skip
        with pytest.raises(PermissionDenied):
            reopen_pair(session, user=world.principals[who], measure_ids=(first, second))
    assert session.scalars(select(OverlapDecision)).all() == []


def test_bad_decisions_are_refused_in_norwegian(session: Session, world: World) -> None:
    first, second = add_overlap(session, world)
    admin = world.principals["admin"]
    cases = [
        ((first, first), "samarbeid", "", "Et tiltak kan ikke overlappe seg selv."),
        ((first, second), "kanskje", "", "Velg en av beslutningene i listen."),
        (
            (first, second),
            "samarbeid",
            "x" * 2001,
            "Notat kan være høyst 2000 tegn (du skrev 2001).",
        ),
    ]
    for ids, verdict, note, message in cases:
        with pytest.raises(ValidationError) as refused:
            record_decision(session, user=admin, measure_ids=ids, verdict=verdict, note=note)
        assert refused.value.text() == message
    with pytest.raises(NotFound):
        record_decision(session, user=admin, measure_ids=(first, 999_999), verdict="samarbeid")
    assert session.scalars(select(OverlapDecision)).all() == []


def test_a_deleted_measure_takes_its_decisions_along_audited(
    session: Session, world: World
) -> None:
    first, second = add_overlap(session, world)
    admin = world.principals["admin"]
    record_decision(session, user=admin, measure_ids=(first, second), verdict="sla_sammen",
                    note="1.5 går inn i 1.4.")  # fmt: skip
    delete_measure(session, user=admin, measure_id=second)
    session.expire_all()
    assert session.scalars(select(OverlapDecision)).all() == []
    gone = session.scalars(
        select(AuditLog).where(AuditLog.entity == "overlap", AuditLog.action == "delete")
    ).one()
    assert gone.before is not None and gone.before["note"] == "1.5 går inn i 1.4."


def test_the_database_alone_also_removes_them(session: Session, world: World) -> None:
    """A measure deleted outside the service (by hand in SQL) leaves no dangling pair."""
    first, second = add_overlap(session, world)
    record_decision(session, user=world.principals["admin"], measure_ids=(first, second),
                    verdict="samarbeid")  # fmt: skip
    session.delete(session.get(Measure, second))
    session.flush()
    session.expire_all()
    assert session.scalars(select(OverlapDecision)).all() == []


def test_an_actor_sees_decisions_only_on_pairs_it_is_in(session: Session, world: World) -> None:
    first, second = add_overlap(session, world)  # led by A and C; B takes no part
    record_decision(session, user=world.principals["admin"], measure_ids=(first, second),
                    verdict="sla_sammen", note="Internt.")  # fmt: skip
    for who, sees in (("actor_a", 1), ("actor_b", 0), ("leader", 1)):
        user = world.principals[who]
        assert len(measure_decisions(session, user=user, measure_id=first)) == sees, who
        assert len(decisions(session, user=user)) == sees, who


def test_event_tags_add_target_groups(session: Session, world: World) -> None:
    first, _ = add_overlap(session, world)
    session.add(Event(actor_id=world.actors["A"].id, title="Frokost", kind=EventKind.EVENT,
                      starts=pd.Timestamp("2026-03-10").date(), measure_id=first,
                      target_groups="reiseliv; hytteeiere"))  # fmt: skip
    session.flush()
    groups = overlap_measures(session).set_index("id").loc[first, "groups"]
    assert groups == {"gründere", "reiseliv", "hytteeiere"}


# --- the page (AppTest, demo data) ------------------------------------------------


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppDatabase]:
    with demo_database(tmp_path_factory, "coordination") as database:
        yield database


def pairs_table(at: AppTest) -> pd.DataFrame:
    """The candidates (a static table, so the reasons wrap)."""
    found = [frame(t) for t in at.table if "Hvorfor" in frame(t).columns]
    assert len(found) == 1
    return found[0]


def form_key(at: AppTest, field: str) -> str:
    """The decision form's key for field, for the pair chosen now: the form's keys
    carry the pair's two measure ids, so nothing carries over to the next pair."""
    a_id, b_id = at.selectbox(key="coord_pick").value
    return f"coord_{a_id}_{b_id}_{field}"


def test_the_admin_decides_a_pair_on_the_page(demo: AppDatabase) -> None:
    at = app(demo.principal("admin"), page=PAGE)
    no_exception(at)
    assert on_page(at, PAGE)
    before = pairs_table(at)
    assert len(before) > 0 and (before["Hvorfor"].str.len() > 0).all()
    assert before["Hvorfor"].str.contains("teksttreff").any()
    pick = at.selectbox(key="coord_pick")
    chosen = pick.value
    at.radio(key=form_key(at, "verdict")).set_value("avklar_roller")
    at.text_area(key=form_key(at, "note")).input(
        "Kupa tar gründerne, næringshagen de etablerte."
    ).run()
    at.button(key=form_key(at, "save")).click()
    at.run()
    no_exception(at)
    assert len(pairs_table(at)) == len(before) - 1
    with demo.session() as session:
        stored = session.scalars(select(OverlapDecision)).one()
    assert (stored.measure_a_id, stored.measure_b_id) == tuple(int(i) for i in chosen)
    assert stored.note == "Kupa tar gründerne, næringshagen de etablerte."
    assert [tab.label for tab in at.tabs] == [
        f"{len(before) - 1} mulige overlapp",
        "Avgjorte par (1)",
    ]


def test_saving_without_a_decision_says_what_is_missing(demo: AppDatabase) -> None:
    """An empty form stores nothing (a press says there is nothing to save); a note
    without a decision says what is missing."""
    at = app(demo.principal("admin"), page=PAGE)
    assert at.radio(key=form_key(at, "verdict")).value is None
    assert nothing_to_save(at, form_key(at, "save"))
    at.text_area(key=form_key(at, "note")).input("Må avklares.").run()
    at.button(key=form_key(at, "save")).click().run()
    no_exception(at)
    assert [e.value for e in at.error] == ["Velg en av beslutningene i listen."]


def test_after_a_save_the_next_pair_starts_without_a_decision(demo: AppDatabase) -> None:
    at = app(demo.principal("admin"), page=PAGE)
    first = at.selectbox(key="coord_pick").value
    at.radio(key=form_key(at, "verdict")).set_value("ikke_overlapp")
    at.text_area(key=form_key(at, "note")).input("Ulike målgrupper.").run()
    at.button(key=form_key(at, "save")).click()
    at.run()
    no_exception(at)
    assert at.selectbox(key="coord_pick").value != first
    assert at.radio(key=form_key(at, "verdict")).value is None
    assert at.text_area(key=form_key(at, "note")).value == ""


def test_an_actor_sees_its_pairs_and_no_decision_form(demo: AppDatabase) -> None:
    at = app(demo.principal("kupa"), page=PAGE)
    no_exception(at)
    assert not [r for r in at.radio if str(r.key).endswith("_verdict")]  # only the admin decides
    with demo.session() as session:
        kupa = demo.principal("kupa")
        theirs = candidates(session, user=kupa, plan_id=get_plan(session).id).pairs
        every = candidates(
            session, user=demo.principal("admin"), plan_id=get_plan(session).id
        ).pairs
    assert 0 < len(pairs_table(at)) == len(theirs) < len(every)


def test_a_double_click_decides_the_pair_once_and_the_next_pair_starts_empty(
    demo: AppDatabase,
) -> None:
    """Seen in the app: the form kept the decision and note after the jump to the
    next pair, so a second click put the first pair's note on the next one."""
    at = app(demo.principal("admin"), page=PAGE)
    chosen = at.selectbox(key="coord_pick").value
    note = "Én felles inngang for gründere, avtalt 3. juni."
    at.radio(key=form_key(at, "verdict")).set_value("samarbeid")
    at.text_area(key=form_key(at, "note")).input(note).run()
    save = form_key(at, "save")
    double_click(at, save)
    no_exception(at)
    with demo.session() as session:
        with_note = session.scalars(
            select(OverlapDecision).where(OverlapDecision.note == note)
        ).all()
        writes = session.scalars(select(AuditLog).where(AuditLog.entity == "overlap")).all()
    assert [(d.measure_a_id, d.measure_b_id, d.verdict) for d in with_note] == [
        (*(int(i) for i in chosen), OverlapVerdict.COOPERATE)
    ]
    assert len([w for w in writes if w.after and w.after.get("note") == note]) == 1
    assert not at.error
    # The next pair: another form (its own ids in the keys), empty, nothing to save.
    assert at.selectbox(key="coord_pick").value != chosen
    assert form_key(at, "save") != save
    assert at.radio(key=form_key(at, "verdict")).value is None
    assert at.text_area(key=form_key(at, "note")).value == ""
    assert nothing_to_save(at, form_key(at, "save"))


def test_the_page_speaks_english(demo: AppDatabase) -> None:
    at = app(demo.principal("ordforer"), "en", page=PAGE)
    no_exception(at)
    assert at.title[0].value == "Coordination"
    assert set(frame(at.table[0]).columns) == {"Score", "Measure", "Possible overlap with", "Why"}


def test_a_limit_describes_the_best_pairs_and_counts_them_all(
    session: Session, world: World
) -> None:
    add_overlap(session, world)
    every = candidates(session, user=world.principals["admin"], threshold=0.0)
    best = candidates(session, user=world.principals["admin"], threshold=0.0, limit=2)
    assert best.total == every.total == len(every.pairs) > 2
    assert best.pairs.equals(every.pairs.head(2))


def test_plain_keeps_markdown_and_streamlit_signs_as_text() -> None:
    assert widgets.plain("Tilskudd $x$ :red[viktig] **fet** [lenke](x)") == (
        r"Tilskudd \$x\$ \:red\[viktig\] \*\*fet\*\* \[lenke\]\(x\)"
    )


def test_a_faint_text_likeness_is_not_named_as_a_reason() -> None:
    pairs = score_pairs(
        frame_of(
            measure(1, "Bredbånd til hyttefelt"),
            measure(2, "Inkubator for gründere"),
        )
    )
    pair = pairs.iloc[0]
    assert pair["text"] < 0.1
    assert "teksttreff" not in reasons(pair, "nb")


def test_scoring_in_blocks_gives_the_same_pairs(monkeypatch: pytest.MonkeyPatch) -> None:
    rows = frame_of(
        *(measure(i, title, lead=i % 3 + 1) for i, title in enumerate(
            ["Møteplass for gründere", "Gründerfrokost", "Inkubator for gründere",
             "Rekruttering til sjømat", "Traineeordning", "Flere læreplasser",
             "Landstrøm i havnene", "Bredbånd"], start=1))
    )  # fmt: skip
    whole = score_pairs(rows)
    monkeypatch.setattr(score, "PAIRS_PER_BLOCK", 5)  # one or two rows a block
    assert score_pairs(rows).equals(whole)
    assert len(whole) == 8 * 7 // 2 - sum(1 for i in range(1, 9) for j in range(i + 1, 9)
                                          if i % 3 == j % 3)  # fmt: skip


@pytest.mark.parametrize("role", ["leader", "actor_a"])
def test_forgetting_a_measures_decisions_is_for_the_admin_only(
    session: Session, world: World, role: str
) -> None:
    """Issue 12: overlaps.forget_measure had no permission check of its own."""
    from tracker.errors import PermissionDenied
    from tracker.service.overlaps import forget_measure

    with pytest.raises(PermissionDenied):
        forget_measure(session, world.principals[role], world.measure_id("1.1"))
