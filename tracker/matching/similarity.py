"""How alike two measures' texts are, Norwegian-aware: words are lower-cased,
stop words dropped and stemmed (Snowball's Norwegian stemmer), and each text also
gets the concepts its words belong to, so that «gründerfrokost» and «veiledning for
nye etablerere» meet on «gründere». TF-IDF (scikit-learn) over stems and concepts,
plus character n-grams within words for compounds the lexicon does not know."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

import numpy as np
import snowballstemmer
from sklearn.feature_extraction.text import TfidfVectorizer

WORD = re.compile(r"[^\W\d_]+")
_STOPWORD_TEXT = (
    "og i på for til av med som en et ei den det de dem der da å at skal kan får få fra "
    "om ut inn opp ny nye nytt flere fleste hele egne egen eget sine sin sitt mellom "
    "andre annet også blir bli er har ha være vil slik så eller men ikke alle hver hvert "
    "noen mer mest mange ved etter under over mot hos uten gjennom enn seg sammen bedre "
    "jevnlig årlig lokale lokal lokalt særlig blant"
)
STOPWORDS = frozenset(_STOPWORD_TEXT.split())

# Concepts of Norwegian business development: a stem part that marks the concept.
# Parts of five letters or more match anywhere in a word (compounds); shorter ones
# only at its start; a part starting with "=" only as the whole stem.
_CONCEPT_TEXT = {
    "gründere": "gründer etablerer nyetabl oppstart entrepren startup",
    "veiledning": "veiled rådgiv oppfølg mentor coach inkubator sparring",
    "rekruttering": "rekrutt yrke arbeidskraft jobb traine stilling ansett lærepl",
    "ungdom": "ungdom unge =ung elev skole lærling lærepl barnehage nyutdann",
    "kompetanse": "kompetanse kurs studie utdann opplæring fagskole",
    "møteplass": (
        "møteplass nettverk frokost treff samling konferanse seminar arrangement informasjonsdag "
        "messe"
    ),
    "reiseliv": (
        "reiseliv turis reisemål destinasjon attraksjon besøksforvaltning besøksnæring besøkende"
    ),
    "sjømat": "sjømat fisk havbruk oppdrett restråstoff",
    "energi": "klima energi landstrøm elektri utslipp fornybar hybrid",
    "samordning": "samordn koordin årshjul rolleavklar næringsapparat støtteapparat",
    "virkemidler": "virkemid næringsfond tilskudd finansier støtteordning",
    "kartlegging": "kartlegg undersøk analyse oversikt",
    "bedriftsutvikling": (
        "utviklingsprogram forretningsmodell digitaliser bedriftsutvikling produktutvikling "
        "innovasjon"
    ),
    "infrastruktur": "havn =kai =vei =veg bredbånd mobildekn transport",
    "areal": "areal tomt reguler bolig",
    "tilflyttere": "tilflytt innflytt",
    "arbeidssøkere": "arbeidssøk arbeidsledig =ledig",
    "landbruk": "landbruk jordbruk gårdsbruk bonde",
    "handel": "handel butikk servicebedrift",
    "innvandrere": "innvandr flyktning introduksjonsprogram norskopplæring",
    "førstelinje": "=los næringslos førstelinje veiviser inngang henvis",
    "kontorplass": "kontorfellesskap coworking kontorplass hjemmekontor fjernarbeid kontorhotell",
    "kapital": "investor kapital såkorn egenkapital lånefinansier",
    "inkludering": "inkluder kvalifiser arbeidspraksis arbeidstrening",
}
CONCEPTS: dict[str, tuple[str, ...]] = {c: tuple(p.split()) for c, p in _CONCEPT_TEXT.items()}

# Concepts that say what a measure is about or how it works, not what kind of work
# it is: two energy projects, or two surveys, are not for that the same work.
TOPICS = frozenset({"energi", "infrastruktur", "areal", "kartlegging"})

# The concepts that are target groups, by the tag a person would write («gründere»,
# as on the annual wheel's events).
TARGET_GROUPS: dict[str, str] = {
    "gründere": "gründere",
    "ungdom": "skoler og ungdom",
    "sjømat": "sjømatbedrifter",
    "reiseliv": "reiseliv",
    "tilflyttere": "tilflyttere",
    "arbeidssøkere": "arbeidssøkere",
    "landbruk": "landbruk",
    "handel": "handel og service",
    "innvandrere": "innvandrere",
}


def normalised(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


@lru_cache(maxsize=1)
def _stemmer() -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer("norwegian")


def stems(text: str) -> list[str]:
    """The text's stemmed words without stop words."""
    words = [w for w in WORD.findall(normalised(text)) if len(w) > 1 and w not in STOPWORDS]
    return [_stem(w) for w in words]


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    return _stemmer().stemWord(word)


def concepts(words: Sequence[str]) -> set[str]:
    """The concepts (CONCEPTS keys) any of the stemmed words belongs to."""
    return set().union(*map(_word_concepts, words))


@lru_cache(maxsize=65536)
def _word_concepts(word: str) -> frozenset[str]:
    return frozenset(
        name for name, parts in CONCEPTS.items() if any(_marks(p, word) for p in parts)
    )


def target_groups(text: str, tags: Sequence[str] = ()) -> frozenset[str]:
    """The target groups a measure's text names, and its events' tags (free tags
    that name a known group count as that group; others as written, lower-cased)."""
    found = {TARGET_GROUPS[c] for c in concepts(stems(text)) if c in TARGET_GROUPS}
    for tag in tags:
        known = {TARGET_GROUPS[c] for c in concepts(stems(tag)) if c in TARGET_GROUPS}
        found |= known or {normalised(tag).strip()}
    return frozenset(found - {""})


def _marks(part: str, word: str) -> bool:
    if part.startswith("="):
        return word == part[1:]
    return part in word if len(part) >= 5 else word.startswith(part)


def compare_texts(
    titles: Sequence[str], descriptions: Sequence[str]
) -> tuple[np.ndarray, list[frozenset[str]]]:
    """How alike every pair of texts is (n × n, float32, in [0, 1]; the mean of the
    TF-IDF cosines over stems and concepts and over character n-grams), and each
    text's concepts."""
    if not titles:
        return np.zeros((0, 0), dtype=np.float32), []
    word_lists = [stems(f"{t} {t} {d}") for t, d in zip(titles, descriptions, strict=True)]
    found = [frozenset(concepts(w)) for w in word_lists]
    documents = [
        " ".join([*w, *(f"concept_{c}" for c in sorted(f))])
        for w, f in zip(word_lists, found, strict=True)
    ]
    raw = [normalised(f"{t} {d}") for t, d in zip(titles, descriptions, strict=True)]
    words = _cosines(TfidfVectorizer(token_pattern=r"\S+", sublinear_tf=True), documents)
    chars = _cosines(
        TfidfVectorizer(analyzer="char_wb", ngram_range=(4, 5), sublinear_tf=True), raw
    )
    words += chars
    words /= 2
    return words, found


def work_of(title: str, description: str) -> frozenset[str]:
    """The kinds of work one measure's text names (its activity concepts)."""
    return activities(frozenset(concepts(stems(f"{title} {description}"))))


def activities(found: frozenset[str]) -> frozenset[str]:
    """The concepts that say what kind of work a measure does (not for whom, and not
    what it is about: TOPICS)."""
    return found - TARGET_GROUPS.keys() - TOPICS


def _cosines(vectoriser: TfidfVectorizer, texts: list[str]) -> np.ndarray:
    try:
        matrix = vectoriser.fit_transform(texts).astype(np.float32)  # rows L2-normalised
    except ValueError:  # every text empty after cleaning
        return np.zeros((len(texts), len(texts)), dtype=np.float32)
    return (matrix @ matrix.T).toarray()
