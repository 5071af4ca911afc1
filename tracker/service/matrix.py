"""The who-does-what matrix of the næringsarena.

Target group × kind of work: in each cell the actors that lead or take part in the
plan's measures there (the measures' own target groups and kinds of work) and that
offer instruments there (an instrument's target groups × the kind of work its kind is,
tracker.code_lists.INSTRUMENT_WORK_KINDS). A cell with CROWDED actors or more is
crowded (they may be «in each other's beds»); a cell with none is a gap.

The rows are every TargetGroup of the controlled list, not only the groups some
measure or instrument names: the list is the network's shared word for whom it works,
and a group nobody serves is the biggest gap there is, which a matrix of the named
groups alone would hide.

Theme × actor: the measures each actor leads and takes part in, per theme.

The functions on frames are pure; who_does_what reads them from the database."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from sqlalchemy.orm import Session

from tracker.code_lists import INSTRUMENT_WORK_KINDS, members
from tracker.service.instruments import list_instruments
from tracker.service.structure import measures_frame
from tracker.vocab import InstrumentKind, TargetGroup, WorkKind

CROWDED = 3
"""A cell with this many actors or more is crowded."""

CROWDED_STATE, GAP_STATE = "crowded", "gap"

PRESENCE_COLUMNS = [
    "target_group",
    "work_kind",
    "actor_id",
    "actor",
    "source",  # "measure" or "instrument"
    "role",  # "lead", "partner" (a measure's) or "offer" (an instrument's)
    "item_id",
    "code",  # a measure's code, "" for an instrument
    "title",  # a measure's title or an instrument's name
]
CELL_COLUMNS = [
    "target_group",
    "work_kind",
    "actors",  # how many actors
    "actor_names",  # «Kupa, Næringshagen», by name
    "measures",  # how many measures
    "instruments",  # how many instruments
    "state",  # CROWDED_STATE, GAP_STATE or ""
]
THEME_COLUMNS = ["theme_id", "theme_code", "theme_name", "actor_id", "actor", "led", "partner_in"]
"""led and partner_in: lists of measure codes, in plan order."""


@dataclass(frozen=True)
class Matrix:
    cells: pd.DataFrame  # CELL_COLUMNS: every target group × every kind of work
    presence: pd.DataFrame  # PRESENCE_COLUMNS: who is in which cell through what
    themes: pd.DataFrame  # THEME_COLUMNS: theme × actor


def who_does_what(session: Session, *, plan_id: int) -> Matrix:
    """The matrix of a plan's measures and every actor's instruments."""
    measures = measures_frame(session, plan_id)
    return matrix_of(measures, list_instruments(session))


def matrix_of(measures: pd.DataFrame, instruments: pd.DataFrame) -> Matrix:
    """The matrix from a measures_frame (or measure_status) and list_instruments."""
    presence = presence_of(measures, instruments)
    return Matrix(cells=cells_of(presence), presence=presence, themes=theme_actors(measures))


def presence_of(measures: pd.DataFrame, instruments: pd.DataFrame) -> pd.DataFrame:
    """One row per actor, cell and measure or instrument that puts it there."""
    rows = [*_measure_rows(measures), *_instrument_rows(instruments)]
    return pd.DataFrame(rows, columns=PRESENCE_COLUMNS)


def _measure_rows(measures: pd.DataFrame) -> list[tuple[object, ...]]:
    rows: list[tuple[object, ...]] = []
    for m in measures.to_dict("records"):
        taking_part = [
            (int(m["lead_actor_id"]), str(m["lead_name"]), "lead"),
            *(
                (int(a), str(n), "partner")
                for a, n in zip(m["partner_ids"], m["partner_names"], strict=True)
            ),
        ]
        for group in members(m["target_groups"], TargetGroup):
            for kind in members(m["work_kinds"], WorkKind):
                for actor_id, name, role in taking_part:
                    rows.append(
                        (group.value, kind.value, actor_id, name, "measure", role)
                        + (int(m["id"]), str(m["code"]), str(m["title"]))
                    )
    return rows


def _instrument_rows(instruments: pd.DataFrame) -> list[tuple[object, ...]]:
    rows: list[tuple[object, ...]] = []
    for i in instruments.to_dict("records"):
        kind = INSTRUMENT_WORK_KINDS[InstrumentKind(i["kind"])]
        for group in i["target_groups"]:
            rows.append(
                (TargetGroup(group).value, kind.value, int(i["actor_id"]), str(i["actor"]))
                + ("instrument", "offer", int(i["id"]), "", str(i["name"]))
            )
    return rows


def cells_of(presence: pd.DataFrame) -> pd.DataFrame:
    """Every target group × kind of work (vocabulary order) with its actors and state."""
    grouped = dict(list(presence.groupby(["target_group", "work_kind"])))
    rows = []
    for group in TargetGroup:
        for kind in WorkKind:
            part = grouped.get((group.value, kind.value), presence.iloc[0:0])
            names = sorted(set(part["actor"]), key=str.casefold)
            rows.append(
                (
                    group.value,
                    kind.value,
                    len(names),
                    ", ".join(names),
                    part.loc[part["source"] == "measure", "item_id"].nunique(),
                    part.loc[part["source"] == "instrument", "item_id"].nunique(),
                    cell_state(len(names)),
                )
            )
    return pd.DataFrame(rows, columns=CELL_COLUMNS)


def cell_state(actors: int) -> str:
    """CROWDED_STATE for CROWDED actors or more, GAP_STATE for none, else ""."""
    if actors >= CROWDED:
        return CROWDED_STATE
    return GAP_STATE if actors == 0 else ""


def gaps_by_group(cells: pd.DataFrame) -> list[tuple[str, list[str], bool]]:
    """Per target group that has empty cells: (group, its empty kinds of work, whether
    every kind is empty), in vocabulary order; groups without a gap are left out."""
    rows = []
    for group, part in cells.groupby("target_group", sort=False):
        empty = part.loc[part["state"] == GAP_STATE, "work_kind"].tolist()
        if empty:
            rows.append((str(group), empty, len(empty) == len(part)))
    return rows


def cell_items(presence: pd.DataFrame, target_group: str, work_kind: str) -> pd.DataFrame:
    """What puts actors in one cell: one row per measure or instrument (measures first,
    in plan order), with its actors and their roles («Kupa (leder)» is said by the page)."""
    part = presence[
        (presence["target_group"] == target_group) & (presence["work_kind"] == work_kind)
    ]
    items = part.groupby(["source", "item_id"], sort=False).agg(
        code=("code", "first"),
        title=("title", "first"),
        actor_ids=("actor_id", list),
        actors=("actor", list),
        roles=("role", list),
    )
    items = items.reset_index()
    order = items["source"].map({"measure": 0, "instrument": 1})
    return items.iloc[order.argsort(kind="stable")].reset_index(drop=True)


def theme_actors(measures: pd.DataFrame) -> pd.DataFrame:
    """Per theme and actor the codes of the measures it leads and takes part in."""
    rows: dict[tuple[int, int], tuple[str, str, str, list[str], list[str]]] = {}
    for m in measures.to_dict("records"):
        taking_part = [(int(m["lead_actor_id"]), str(m["lead_name"]), True)]
        taking_part += [
            (int(a), str(n), False)
            for a, n in zip(m["partner_ids"], m["partner_names"], strict=True)
        ]
        for actor_id, name, leads in taking_part:
            key = (int(m["theme_id"]), actor_id)
            row = rows.setdefault(key, (str(m["theme_code"]), str(m["theme_name"]), name, [], []))
            (row[3] if leads else row[4]).append(str(m["code"]))
    return pd.DataFrame(
        [
            (theme_id, code, theme, actor_id, name, led, partner_in)
            for (theme_id, actor_id), (code, theme, name, led, partner_in) in rows.items()
        ],
        columns=THEME_COLUMNS,
    )
