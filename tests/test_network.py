"""The collaboration map on the `world` plan (see conftest.build_world), on SQLite
and PostgreSQL: who is linked to whom and how strongly, worked out by hand; the
layout is the same every time; and the page shows it (AppTest, demo data)."""

from __future__ import annotations

import math
from collections.abc import Iterator

import pandas as pd
import pytest
from sqlalchemy.orm import Session

from tests.apptest_helpers import AppDatabase, app, demo_database, frame, no_exception, on_page
from tests.factories import World
from tracker import i18n
from tracker.charts import network_map
from tracker.service.network import collaboration, links_of, network_of

# Taking part (lead first): 1.1 A,B · 1.2 B,A,C · 1.3 A · 2.1 C,B · 2.2 B · 2.3 A,C.


def names(world: World) -> dict[str, int]:
    return {key: actor.id for key, actor in world.actors.items()}


def test_links_and_weights(session: Session, world: World) -> None:
    net = collaboration(session, plan_id=world.plan.id)
    a, b, c = (names(world)[k] for k in "ABC")
    weights = {
        frozenset((s, t)): (w, codes)
        for s, t, w, codes in net.edges[["source", "target", "weight", "codes"]].itertuples(
            index=False
        )
    }
    assert weights == {
        frozenset((a, b)): (2, "1.1, 1.2"),
        frozenset((a, c)): (2, "1.2, 2.3"),
        frozenset((b, c)): (2, "1.2, 2.1"),
    }
    nodes = net.nodes.set_index("actor_id")
    assert nodes.loc[[a, b, c], "led"].tolist() == [3, 2, 1]
    assert nodes.loc[[a, b, c], "shared"].tolist() == [3, 3, 3]
    assert net.solo_measures["code"].tolist() == ["1.3", "2.2"]
    assert net.lonely_actors.empty


def test_a_theme_narrows_the_network(session: Session, world: World) -> None:
    net = collaboration(session, plan_id=world.plan.id, theme_id=world.themes["T2"].id)
    a, b, c = (names(world)[k] for k in "ABC")
    pairs = {frozenset((s, t)): w for s, t, w in net.edges[["source", "target", "weight"]].values}
    assert pairs == {frozenset((b, c)): 1, frozenset((a, c)): 1}  # 2.1 and 2.3
    assert net.solo_measures["code"].tolist() == ["2.2"]
    links = links_of(net, c)
    assert links["name"].tolist() == ["Klyngen Nordvest", "Senja Næringshage"]
    assert links["codes"].tolist() == ["2.1", "2.3"]


def test_the_layout_is_the_same_every_time(session: Session, world: World) -> None:
    first = collaboration(session, plan_id=world.plan.id).nodes
    second = collaboration(session, plan_id=world.plan.id).nodes
    assert first[["x", "y"]].values.tolist() == second[["x", "y"]].values.tolist()
    assert all(math.isfinite(v) and -1.01 <= v <= 1.01 for v in first[["x", "y"]].values.ravel())


def test_the_map_sizes_actors_by_measures_led(session: Session, world: World) -> None:
    net = collaboration(session, plan_id=world.plan.id)
    fig = network_map(net.nodes, net.edges, "nb")
    actors = fig.data[-1]
    assert list(actors.customdata) == net.nodes["actor_id"].tolist()
    by_led = sorted(zip(net.nodes["led"], actors.marker.size, strict=True))
    assert [size for _, size in by_led] == sorted(size for _, size in by_led)
    assert "Leder 3 tiltak" in " ".join(actors.hovertext)


# --- the page ------------------------------------------------------------------------

PAGE = "app_pages/collaboration.py"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppDatabase]:
    with demo_database(tmp_path_factory, "network") as database:
        yield database


def test_the_page_lists_links_lonely_actors_and_solo_measures(demo: AppDatabase) -> None:
    at = app(demo.principal("kupa"), page=PAGE)
    no_exception(at)
    assert on_page(at, PAGE)
    assert at.title[0].value == "Samarbeid"
    at.selectbox(key="network_pick").set_value(
        next(o for o in at.selectbox(key="network_pick").options if o == "Kupa")
    ).run()
    no_exception(at)
    links = frame(next(d for d in at.dataframe if "Felles tiltak" in frame(d).columns))
    assert len(links) > 0 and (links["Felles tiltak"] > 0).all()
    headings = [h.value for h in at.subheader]
    assert i18n.t("network.links", actor="Kupa") in headings
    assert any(h.startswith("Tiltak med bare én aktør") for h in headings)


def test_a_network_of_many_actors_is_laid_out() -> None:
    """Above 500 actors networkx switches to its sparse layout (scipy)."""
    count = 600
    actors = pd.DataFrame({"id": range(1, count + 1), "name": [f"Aktør {i}" for i in range(count)]})
    measures = pd.DataFrame(
        {
            "id": range(1, count),
            "code": [f"1.{i}" for i in range(1, count)],
            "title": ["Tiltak"] * (count - 1),
            "theme_id": [1] * (count - 1),
            "lead_actor_id": range(1, count),
            "lead_name": [f"Aktør {i}" for i in range(count - 1)],
            "partner_ids": [[i + 1] for i in range(1, count)],
        }
    )
    net = network_of(measures, actors)
    assert len(net.nodes) == count and len(net.edges) == count - 1
    assert net.nodes[["x", "y"]].notna().all().all()


def test_a_theme_without_measures_gives_an_empty_network(session: Session, world: World) -> None:
    from tests.factories import make_theme

    empty = make_theme(session, world.plan, "T3", "Tomt tema", position=3)
    net = collaboration(session, plan_id=world.plan.id, theme_id=empty.id)
    assert net.nodes.empty and net.edges.empty and net.solo_measures.empty
