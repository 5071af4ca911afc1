"""Instruments that may overlap (issue 16): two instruments of different actors of the
same kind for at least one shared target group are a candidate pair, ranked higher
when they share a stage too; the pure finder, on SQLite and PostgreSQL through the
service's list, and the read-only section on Samordning (AppTest, demo data)."""

from __future__ import annotations

from collections.abc import Iterator

import pandas as pd
import pytest
from sqlalchemy.orm import Session
from streamlit.testing.v1 import AppTest

from tests.apptest_helpers import AppDatabase, app, demo_database, frame, no_exception
from tests.factories import World
from tracker.matching.instrument_pairs import instrument_pairs, reasons
from tracker.service.instruments import InstrumentInput, list_instruments, save_instrument
from tracker.service.principal import SYSTEM
from tracker.vocab import InstrumentKind, Stage, TargetGroup

PAGE = "app_pages/coordination.py"


def instrument(
    id_: int,
    actor_id: int,
    kind: str = "tilskudd",
    groups: tuple[str, ...] = ("grundere",),
    stages: tuple[str, ...] = (),
) -> dict[str, object]:
    return {
        "id": id_, "actor_id": actor_id, "actor": f"Aktør {actor_id}", "name": f"V{id_}",
        "kind": kind, "target_groups": list(groups), "stages": list(stages),
    }  # fmt: skip


def pairs_of(*rows: dict[str, object]) -> list[tuple[int, int]]:
    found = instrument_pairs(pd.DataFrame(rows))
    return list(zip(found["a_id"], found["b_id"], strict=True))


def test_same_kind_and_a_shared_group_make_a_pair() -> None:
    assert pairs_of(
        instrument(1, 10, groups=("grundere", "sjomat")), instrument(2, 20, groups=("sjomat",))
    ) == [(1, 2)]


def test_the_same_actor_makes_no_pair() -> None:
    assert pairs_of(instrument(1, 10), instrument(2, 10)) == []


def test_a_different_kind_makes_no_pair() -> None:
    assert pairs_of(instrument(1, 10), instrument(2, 20, kind="lan")) == []


def test_no_shared_group_makes_no_pair() -> None:
    assert pairs_of(instrument(1, 10), instrument(2, 20, groups=("bedrifter",))) == []


def test_a_shared_stage_ranks_a_pair_first() -> None:
    found = pairs_of(
        instrument(1, 10, groups=("grundere", "sjomat")),
        instrument(2, 20, groups=("grundere", "sjomat")),
        instrument(3, 30, stages=("ide",)),
        instrument(4, 40, stages=("ide", "vekst")),
    )
    assert found[0] == (3, 4)
    assert set(found) == {(1, 2), (1, 3), (1, 4), (2, 3), (2, 4), (3, 4)}


def test_no_instruments_no_pairs() -> None:
    assert instrument_pairs(pd.DataFrame(columns=["id", "actor_id"])).empty


def test_the_reasons_say_kind_groups_and_stages_in_both_languages() -> None:
    pair = instrument_pairs(
        pd.DataFrame(
            [
                instrument(1, 10, groups=("grundere", "sjomat"), stages=("oppstart",)),
                instrument(2, 20, groups=("sjomat", "grundere"), stages=("oppstart", "ide")),
            ]
        )
    ).iloc[0]
    assert reasons(pair, "nb") == (
        "samme type: Tilskudd · felles målgrupper: Gründere, Sjømatbedrifter"
        " · felles faser: Oppstart"
    )
    assert reasons(pair, "en").startswith("same kind: Grant · shared target groups: ")


def test_the_service_list_feeds_the_finder(session: Session, world: World) -> None:
    """On both databases: two grants of two actors for seafood pair, a loan does not."""
    ids = [
        save_instrument(
            session,
            user=SYSTEM,
            values=InstrumentInput(
                actor_id=world.actors[actor].id,
                name=name,
                kind=kind,
                target_groups=(TargetGroup.SEAFOOD,),
                stages=(Stage.GROWTH,),
            ),
        )
        for actor, name, kind in (
            ("A", "Vekstmidler", InstrumentKind.GRANT),
            ("C", "Sjømattilskudd", InstrumentKind.GRANT),
            ("B", "Lån", InstrumentKind.LOAN),
        )
    ]
    found = instrument_pairs(list_instruments(session))
    assert [{a, b} for a, b in zip(found["a_id"], found["b_id"], strict=True)] == [{ids[0], ids[1]}]


# --- the page (AppTest, demo data) ------------------------------------------------


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppDatabase]:
    with demo_database(tmp_path_factory, "instrument_pairs") as database:
        yield database


def instrument_table(at: AppTest) -> pd.DataFrame:
    found = [frame(t) for t in at.table if "Til felles" in frame(t).columns]
    assert len(found) == 1
    return found[0]


def test_samordning_shows_the_demos_instrument_pair(demo: AppDatabase) -> None:
    """The demo's two grants for entrepreneurs and seafood (Innovasjon Norge, the
    municipality) are the one pair; the section is read-only."""
    at = app(demo.principal("admin"), page=PAGE)
    no_exception(at)
    assert "Virkemidler som kan overlappe" in [h.value for h in at.subheader]
    table = instrument_table(at)
    assert len(table) == 1
    row = " ".join(table.iloc[0].astype(str))
    assert "Etableringstilskudd" in row and "Kommunalt næringsfond" in row
    assert "Innovasjon Norge Arktis" in row and "Senja kommune" in row
    assert "samme type: Tilskudd" in row and "felles faser: Oppstart" in row


def test_the_section_speaks_english(demo: AppDatabase) -> None:
    at = app(demo.principal("kupa"), "en", page=PAGE)
    no_exception(at)
    assert "Instruments that may overlap" in [h.value for h in at.subheader]
    table = [frame(t) for t in at.table if "In common" in frame(t).columns]
    assert len(table) == 1 and table[0]["In common"].str.startswith("same kind: Grant").all()
