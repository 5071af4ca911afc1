"""Candidate overlaps between measures of different lead actors (pure): a score in
[0, 1] from text similarity, same theme, overlapping period and shared target
groups, with the reasons in words."""

from __future__ import annotations

from collections.abc import Iterator
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

import numpy as np
import pandas as pd

from tracker.i18n import CATALOGUE, format_number, t
from tracker.matching.similarity import activities, compare_texts, work_of
from tracker.quarters import Quarter

# The text carries the most weight; the same kind of work (a shared activity
# concept such as «veiledning») for the same target group carries the rest with
# theme and period. Chosen on the demo's pairs; docs/BENCHMARKS.md has the results.
WEIGHTS = {"text": 0.5, "activity": 0.15, "groups": 0.15, "theme": 0.15, "period": 0.05}
TEXT_REASON_FLOOR = 0.1  # a text similarity below this is no reason to name
THRESHOLD = 0.25  # the page's default: recall first, a look costs less than a miss

MEASURE_FIELDS = [
    "id",
    "code",
    "title",
    "description",
    "plan_id",
    "plan_name",
    "theme_key",
    "theme_name",
    "lead_actor_id",
    "lead_name",
    "start_period",
    "end_period",
    "groups",
    "work",
]
"""What a measure is compared by. groups: its target groups (the finder's names);
work: the kinds of work its user stored, as activity concepts (suggestions.finder_work),
or None (or missing) for the ones its text names."""
RANK_COLUMNS = ["a_id", "b_id", "score", "text", "same_theme"]
PAIR_COLUMNS = [*RANK_COLUMNS, "overlap_from", "overlap_to", "groups", "activities"]


PAIRS_PER_BLOCK = 1_000_000  # pairs scored at once: bounds the memory at any size


@dataclass(frozen=True)
class Compared:
    """What pairs are scored from, per measure (in row order), computed once."""

    text: np.ndarray  # n × n text similarity
    activities: list[frozenset[str]]
    groups: list[frozenset[str]]
    lead: np.ndarray
    theme: np.ndarray
    start: np.ndarray  # quarter ordinals
    end: np.ndarray

    @classmethod
    def of(cls, measures: pd.DataFrame) -> Compared:
        text, found = compare_texts(measures["title"].tolist(), measures["description"].tolist())
        return cls(
            text=text,
            activities=[
                stored if stored is not None else activities(f)
                for stored, f in zip(_stored_work(measures), found, strict=True)
            ],
            groups=measures["groups"].tolist(),
            lead=measures["lead_actor_id"].to_numpy(),
            theme=measures["theme_key"].to_numpy(),
            start=measures["start_period"].map(_ordinal).to_numpy(),
            end=measures["end_period"].map(_ordinal).to_numpy(),
        )


@dataclass(frozen=True)
class Features:
    """Per pair of a block (different lead actors): the row of each measure."""

    first: np.ndarray
    second: np.ndarray
    text: np.ndarray
    activity: np.ndarray  # 1 where they share an activity concept
    same_theme: np.ndarray
    period: np.ndarray  # share of the shorter measure's quarters that both run
    groups: np.ndarray  # shared target groups / the smaller set's size (0 if none)

    def score(self) -> np.ndarray:
        return (
            WEIGHTS["text"] * self.text
            + WEIGHTS["activity"] * self.activity
            + WEIGHTS["theme"] * self.same_theme
            + WEIGHTS["period"] * self.period
            + WEIGHTS["groups"] * np.minimum(self.groups, 1.0)
        )


def score_pairs(measures: pd.DataFrame, *, threshold: float = 0.0) -> pd.DataFrame:
    """Every pair of measures with different lead actors scoring at least the
    threshold (PAIR_COLUMNS; a_id < b_id), best first. measures has MEASURE_FIELDS."""
    return describe(rank_pairs(measures, threshold=threshold), measures)


def rank_pairs(measures: pd.DataFrame, *, threshold: float = 0.0) -> pd.DataFrame:
    """The pairs scoring at least the threshold, best first: a_id, b_id, score, text,
    same_theme (cheap, for many pairs; describe() adds the rest for those shown)."""
    if len(measures) < 2:
        return pd.DataFrame(columns=RANK_COLUMNS)
    measures = measures.reset_index(drop=True)
    compared = Compared.of(measures)
    ids = measures["id"].to_numpy().astype(np.int64)
    blocks = []
    for first, second in _pair_blocks(compared.lead):
        features = _features(compared, first, second)
        score = features.score()
        keep = score >= threshold
        first, second = features.first[keep], features.second[keep]
        blocks.append(
            pd.DataFrame(
                {
                    "a_id": np.minimum(ids[first], ids[second]),
                    "b_id": np.maximum(ids[first], ids[second]),
                    "score": score[keep].round(3),
                    "text": features.text[keep].round(3),
                    "same_theme": features.same_theme[keep].astype(bool),
                }
            )
        )
    pairs = pd.concat(blocks, ignore_index=True)
    return pairs.sort_values(
        ["score", "a_id", "b_id"], ascending=[False, True, True], ignore_index=True
    )


def _pair_blocks(lead: np.ndarray) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """The rows (i, j), i < j, of measures with different leads, a block of rows at
    a time."""
    n = len(lead)
    rows = max(1, PAIRS_PER_BLOCK // n)
    for top in range(0, n - 1, rows):
        bottom = min(top + rows, n)
        upper = np.triu(np.ones((bottom - top, n), dtype=bool), k=top + 1)
        first, second = np.nonzero(upper)
        first = (first + top).astype(np.int32)
        second = second.astype(np.int32)
        different = lead[first] != lead[second]
        yield first[different], second[different]


def describe(pairs: pd.DataFrame, measures: pd.DataFrame) -> pd.DataFrame:
    """Ranked pairs with the quarters both run (overlap_from, overlap_to; "" when
    they never meet), the target groups and the kinds of work they share
    (PAIR_COLUMNS)."""
    facts = measures.set_index("id")
    ids = set(pairs["a_id"]) | set(pairs["b_id"])
    texts = zip(
        measures["id"],
        measures["title"],
        measures["description"],
        _stored_work(measures),
        strict=True,
    )
    work = {
        m: stored if stored is not None else work_of(title, text)
        for m, title, text, stored in texts
        if m in ids
    }
    groups = dict(zip(measures["id"], measures["groups"], strict=True))
    both = list(zip(pairs["a_id"], pairs["b_id"], strict=True))
    start = facts["start_period"].map(_ordinal)
    end = facts["end_period"].map(_ordinal)
    first = np.maximum(pairs["a_id"].map(start).to_numpy(), pairs["b_id"].map(start).to_numpy())
    last = np.minimum(pairs["a_id"].map(end).to_numpy(), pairs["b_id"].map(end).to_numpy())
    meet = first <= last
    pairs = pairs.assign(
        overlap_from=[_period(o) if m else "" for o, m in zip(first, meet, strict=True)],
        overlap_to=[_period(o) if m else "" for o, m in zip(last, meet, strict=True)],
        groups=_tuples([groups[a] & groups[b] for a, b in both], pairs.index),
        activities=_tuples([work[a] & work[b] for a, b in both], pairs.index),
    )
    return pairs[PAIR_COLUMNS].reset_index(drop=True)


def _stored_work(measures: pd.DataFrame) -> list[frozenset[str] | None]:
    """Each measure's stored kinds of work, None where it has none stored."""
    if "work" not in measures:
        return [None] * len(measures)
    return [frozenset(w) if isinstance(w, AbstractSet) else None for w in measures["work"]]


def _tuples(sets: list[frozenset[str]], index: pd.Index) -> pd.Series:
    """Each set as a sorted tuple, a column of the frame with that index."""
    return pd.Series([tuple(sorted(s)) for s in sets], index=index, dtype=object)


def _features(compared: Compared, first: np.ndarray, second: np.ndarray) -> Features:
    start, end = compared.start, compared.end
    both = np.minimum(end[first], end[second]) - np.maximum(start[first], start[second]) + 1
    shorter = np.minimum(end[first] - start[first], end[second] - start[second]) + 1
    return Features(
        first=first,
        second=second,
        text=compared.text[first, second],
        activity=_shared_any(compared.activities, first, second),
        same_theme=(compared.theme[first] == compared.theme[second]).astype(np.float32),
        period=np.clip(both / np.maximum(shorter, 1), 0, 1).astype(np.float32),
        groups=_group_overlap(compared.groups, first, second),
    )


def _shared_any(sets: list[frozenset[str]], first: np.ndarray, second: np.ndarray) -> np.ndarray:
    masks = _masks(sets)
    if masks is None:
        return np.array(
            [bool(sets[i] & sets[j]) for i, j in zip(first, second, strict=True)], dtype=np.float32
        )
    return ((masks[first] & masks[second]) != 0).astype(np.float32)


def _masks(sets: list[frozenset[str]]) -> np.ndarray | None:
    """Each set as a bit mask, or None when there are more names than a mask holds."""
    names = sorted(set().union(*sets))
    if len(names) > 62:
        return None
    bit = {name: 1 << i for i, name in enumerate(names)}
    return np.array([sum(bit[n] for n in these) for these in sets], dtype=np.int64)


def _group_overlap(
    groups: list[frozenset[str]], first: np.ndarray, second: np.ndarray
) -> np.ndarray:
    """Shared groups over the smaller set, as bit masks (fast for many pairs)."""
    masks = _masks(groups)
    if masks is None:  # more free tags than a mask holds: count them one by one
        return np.array(
            [_share(groups[i], groups[j]) for i, j in zip(first, second, strict=True)],
            dtype=np.float32,
        )
    sizes = np.array([len(gs) for gs in groups])
    shared = np.bitwise_count(masks[first] & masks[second])
    smaller = np.maximum(np.minimum(sizes[first], sizes[second]), 1)
    return (shared / smaller).astype(np.float32)


def _share(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / max(min(len(a), len(b)), 1)


def _ordinal(period: str) -> int:
    quarter = Quarter.parse(period)
    return quarter.year * 4 + quarter.number - 1


def _period(ordinal: int) -> str:
    return str(Quarter(int(ordinal) // 4, int(ordinal) % 4 + 1))


def reasons(pair: pd.Series, lang: str) -> str:
    """Why a pair is a candidate, in words: «samme tema, overlapper i 2025–2026,
    0,71 teksttreff, begge gjelder veiledning, begge retter seg mot gründere»."""
    parts = []
    if pair["same_theme"]:
        parts.append(t("overlap.reason.theme", lang))
    if pair["overlap_from"]:
        first, last = Quarter.parse(pair["overlap_from"]), Quarter.parse(pair["overlap_to"])
        span = str(first.year) if first.year == last.year else f"{first.year}–{last.year}"
        parts.append(t("overlap.reason.period", lang, span=span))
    if pair["text"] >= TEXT_REASON_FLOOR:
        parts.append(t("overlap.reason.text", lang, value=format_number(pair["text"], lang, 2)))
    if pair["activities"]:
        work = ", ".join(concept_label(c, lang) for c in pair["activities"])
        parts.append(t("overlap.reason.work", lang, work=work))
    if pair["groups"]:
        groups = ", ".join(concept_label(g, lang) for g in pair["groups"])
        parts.append(t("overlap.reason.groups", lang, groups=groups))
    return ", ".join(parts)


_ASCII = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "ü": "u", " ": "_", "-": "_"})


def concept_key(name: str) -> str:
    """The catalogue key of a concept or target group of tracker.matching.similarity."""
    return "concept." + name.casefold().translate(_ASCII)


def concept_label(name: str, lang: str) -> str:
    """A kind of work or target group in lang («rekruttering» -> «recruitment»); a
    free tag someone wrote on an event is data and stays as written."""
    key = concept_key(name)
    return t(key, lang) if key in CATALOGUE else name
