"""Instruments that may overlap (pure): two instruments of different actors of the
same kind for at least one shared target group, with the reasons in words. A
shared stage ranks a pair first, then the more groups and stages they share."""

from __future__ import annotations

from itertools import combinations
from typing import Any

import pandas as pd

from tracker.i18n import label, t
from tracker.vocab import InstrumentKind, Stage, TargetGroup

PAIR_COLUMNS = [
    "a_id",
    "a_name",
    "a_actor",
    "b_id",
    "b_name",
    "b_actor",
    "kind",
    "groups",
    "stages",
]
"""groups and stages: the codes the two share, in the vocabulary's order."""


def instrument_pairs(instruments: pd.DataFrame) -> pd.DataFrame:
    """The candidate pairs (PAIR_COLUMNS) among instruments (id, actor_id, actor,
    name, kind, target_groups, stages: as service.instruments.list_instruments), best first."""
    rows: list[dict[str, Any]] = []
    if instruments.empty:
        return pd.DataFrame(columns=PAIR_COLUMNS)
    for kind, same_kind in instruments.groupby("kind", sort=False):
        for (_, a), (_, b) in combinations(same_kind.iterrows(), 2):
            groups = _shared(a["target_groups"], b["target_groups"], TargetGroup)
            if a["actor_id"] == b["actor_id"] or not groups:
                continue
            first, second = (a, b) if a["id"] < b["id"] else (b, a)
            rows.append(
                {
                    **{f"a_{c}": first[c] for c in ("id", "name", "actor")},
                    **{f"b_{c}": second[c] for c in ("id", "name", "actor")},
                    "kind": kind,
                    "groups": groups,
                    "stages": _shared(a["stages"], b["stages"], Stage),
                }
            )
    rows.sort(key=_rank)
    return pd.DataFrame(rows, columns=PAIR_COLUMNS)


def _rank(pair: dict[str, Any]) -> tuple[bool, int, int, int, int]:
    """A shared stage first, then more shared groups, more shared stages; then by id."""
    stages, groups = pair["stages"], pair["groups"]
    return (not stages, -len(groups), -len(stages), pair["a_id"], pair["b_id"])


def _shared(
    first: list[str], second: list[str], vocabulary: type[TargetGroup] | type[Stage]
) -> tuple[str, ...]:
    both = set(first) & set(second)
    return tuple(member.value for member in vocabulary if member.value in both)


def reasons(pair: pd.Series, lang: str) -> str:
    """«samme type: Tilskudd · felles målgrupper: Gründere · felles faser: Oppstart»."""
    parts = [t("instrument_pair.reason.kind", lang, kind=label(InstrumentKind(pair["kind"]), lang))]
    groups = ", ".join(label(TargetGroup(g), lang) for g in pair["groups"])
    parts.append(t("instrument_pair.reason.groups", lang, groups=groups))
    if pair["stages"]:
        stages = ", ".join(label(Stage(s), lang) for s in pair["stages"])
        parts.append(t("instrument_pair.reason.stages", lang, stages=stages))
    return " · ".join(parts)
