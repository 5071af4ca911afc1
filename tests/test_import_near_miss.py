"""The importer's near-miss finder gives what difflib gives, only faster: the fast
prefilter may never drop a name difflib would take."""

from __future__ import annotations

import difflib

from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.planfile.resolve import NEAR_MISS, Lookup, close_match

LETTERS = "abcdeæøå -"
names = st.text(alphabet=LETTERS, min_size=1, max_size=30)


@settings(max_examples=300, deadline=None)
@given(word=names, known=st.lists(names, max_size=40), cutoff=st.sampled_from([0.6, NEAR_MISS]))
def test_close_match_is_difflibs_choice(word: str, known: list[str], cutoff: float) -> None:
    expected = difflib.get_close_matches(word, known, n=1, cutoff=cutoff)
    found = close_match(word, known, cutoff)
    if expected:  # a tie may be broken otherwise: the ratio must be the best one
        assert found is not None
        ratio = difflib.SequenceMatcher(None, word, found).ratio()
        best = difflib.SequenceMatcher(None, word, expected[0]).ratio()
        assert ratio == best
    else:
        assert found is None


@given(word=names, typo=st.sampled_from(["x", "y"]))
def test_a_typo_of_a_known_name_is_found(word: str, typo: str) -> None:
    lookup: Lookup[object] = Lookup()
    known = "Næringshagen i Senja " + word
    lookup.add(object(), known)
    assert lookup.near_miss(known[:-1] + typo) == known.strip()


def test_an_item_added_twice_is_held_once() -> None:
    lookup: Lookup[object] = Lookup()
    item = object()
    lookup.add(item, "Kupa")
    lookup.add(item, "Kunnskapsparken")
    assert lookup.items == [item]
    assert lookup.find("kunnskapsparken") is item
