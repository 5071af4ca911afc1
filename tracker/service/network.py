"""The collaboration network: actors linked when they take part in the same
measures (lead, partner or funder), the link's weight the number of measures they
share, each actor sized by the measures it leads; laid out with networkx."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations

import networkx as nx
import pandas as pd
from sqlalchemy.orm import Session

from tracker.service.structure import list_actors, measures_frame

LAYOUT_SEED = 7  # the same data draws the same map


@dataclass(frozen=True)
class Network:
    nodes: pd.DataFrame  # actor_id, name, led, shared, links, x, y (actors in the measures)
    edges: pd.DataFrame  # source, target (actor ids, source < target), weight, codes
    lonely_actors: pd.DataFrame  # actor_id, name, led: in measures, but never with another
    solo_measures: pd.DataFrame  # code, title, lead_name: measures with one actor only


def collaboration(session: Session, *, plan_id: int, theme_id: int | None = None) -> Network:
    """The network of the plan's measures (of one theme, when given)."""
    measures = measures_frame(session, plan_id)
    if theme_id is not None:
        measures = measures[measures["theme_id"] == theme_id]
    return network_of(measures, list_actors(session))


def network_of(measures: pd.DataFrame, actors: pd.DataFrame) -> Network:
    """Network from a measures_frame and list_actors (pure)."""
    taking_part = {
        int(measure): sorted({int(lead), *map(int, partners)})
        for measure, lead, partners in zip(
            measures["id"], measures["lead_actor_id"], measures["partner_ids"], strict=True
        )
    }
    pairs: dict[tuple[int, int], list[str]] = {}
    codes = dict(zip(measures["id"], measures["code"].astype(str), strict=True))
    for measure_id, members in taking_part.items():
        for pair in combinations(members, 2):
            pairs.setdefault(pair, []).append(codes[measure_id])
    edges = pd.DataFrame(
        [(a, b, len(c), ", ".join(c)) for (a, b), c in sorted(pairs.items())],
        columns=["source", "target", "weight", "codes"],
    )
    names = dict(zip(actors["id"], actors["name"], strict=True))
    led = measures["lead_actor_id"].astype(int).value_counts()
    involved = sorted({a for members in taking_part.values() for a in members})
    nodes = pd.DataFrame({"actor_id": involved})
    nodes["name"] = nodes["actor_id"].map(names)
    nodes["led"] = nodes["actor_id"].map(led).fillna(0).astype(int)
    nodes["shared"] = nodes["actor_id"].map(_shared_counts(taking_part)).fillna(0).astype(int)
    nodes["links"] = nodes["actor_id"].map(_link_counts(edges)).fillna(0).astype(int)
    nodes = _place(nodes, edges)
    alone = pd.Series([len(taking_part[int(i)]) == 1 for i in measures["id"]], dtype=bool)
    solo = measures.loc[alone.to_numpy()] if len(measures) else measures
    return Network(
        nodes=nodes,
        edges=edges,
        lonely_actors=nodes[nodes["links"] == 0][["actor_id", "name", "led"]].reset_index(
            drop=True
        ),
        solo_measures=solo[["code", "title", "lead_name"]].reset_index(drop=True),
    )


def links_of(network: Network, actor_id: int) -> pd.DataFrame:
    """One actor's links: the other actor, how many measures they share, which."""
    edges = network.edges
    mine = edges[(edges["source"] == actor_id) | (edges["target"] == actor_id)]
    other = mine["target"].where(mine["source"] == actor_id, mine["source"])
    names = dict(zip(network.nodes["actor_id"], network.nodes["name"], strict=True))
    out = pd.DataFrame(
        {
            "actor_id": other,
            "name": other.map(names),
            "weight": mine["weight"],
            "codes": mine["codes"],
        }
    )
    return out.sort_values(["weight", "name"], ascending=[False, True]).reset_index(drop=True)


def _shared_counts(taking_part: dict[int, list[int]]) -> dict[int, int]:
    """Per actor: how many of its measures have another actor in them too."""
    counts: dict[int, int] = {}
    for members in taking_part.values():
        if len(members) > 1:
            for actor_id in members:
                counts[actor_id] = counts.get(actor_id, 0) + 1
    return counts


def _link_counts(edges: pd.DataFrame) -> pd.Series:
    return pd.concat([edges["source"], edges["target"]]).value_counts()


def _place(nodes: pd.DataFrame, edges: pd.DataFrame) -> pd.DataFrame:
    """x, y in [-1, 1] from a force-directed layout (more shared measures, closer)."""
    graph = nx.Graph()
    graph.add_nodes_from(nodes["actor_id"])
    graph.add_weighted_edges_from(edges[["source", "target", "weight"]].itertuples(index=False))
    if graph.number_of_nodes() == 0:
        return nodes.assign(x=pd.Series(dtype=float), y=pd.Series(dtype=float))
    positions = nx.spring_layout(graph, weight="weight", seed=LAYOUT_SEED)
    return nodes.assign(
        x=[float(positions[a][0]) for a in nodes["actor_id"]],
        y=[float(positions[a][1]) for a in nodes["actor_id"]],
    )
