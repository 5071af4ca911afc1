"""The texts of widgets and formats (merged into tracker.i18n.CATALOGUE): what an
empty selectbox or multiselect says, the texts Streamlit's frontend writes itself,
which the app puts into the user's language (ui.browser_texts), and the labels of
the kinds of work and target groups the overlap finder names (tracker.matching.similarity's
concepts; keys folded to ASCII by tracker.matching.score.concept_key)."""

from __future__ import annotations

WORD_MESSAGES: dict[str, dict[str, str]] = {
    "choice.pick": {"nb": "Velg ett", "en": "Choose one"},
    "choice.many": {"nb": "Velg ett eller flere", "en": "Choose one or more"},
    "choice.none": {"nb": "Ingenting å velge", "en": "Nothing to choose"},
    "network.lonely_none": {
        "nb": "Alle aktørene deler minst ett tiltak med en annen.",
        "en": "Every actor shares at least one measure with another.",
    },
    "network.solo_none": {
        "nb": "Alle tiltakene har minst to aktører.",
        "en": "Every measure has at least two actors.",
    },
    "browser.upload": {"nb": "Last opp", "en": "Upload"},
    "browser.drop_file": {"nb": "Slipp filen her", "en": "Drop the file here"},
    "browser.skip_to_content": {"nb": "Gå til hovedinnholdet", "en": "Skip to main content"},
    # st.date_input's format, as tracker.i18n.format_date writes dates, and what its
    # empty segments say
    "browser.date_format": {"nb": "DD.MM.YYYY", "en": "YYYY-MM-DD"},
    "browser.date_placeholder": {"nb": "dd.mm.åååå", "en": "yyyy-mm-dd"},
    # tracker.matching.similarity.CONCEPTS and TARGET_GROUPS, as the overlap reasons name them
    "concept.grundere": {"nb": "gründere", "en": "entrepreneurs"},
    "concept.veiledning": {"nb": "veiledning", "en": "guidance"},
    "concept.rekruttering": {"nb": "rekruttering", "en": "recruitment"},
    "concept.ungdom": {"nb": "ungdom", "en": "young people"},
    "concept.kompetanse": {"nb": "kompetanse", "en": "skills"},
    "concept.moteplass": {"nb": "møteplass", "en": "meeting places"},
    "concept.reiseliv": {"nb": "reiseliv", "en": "tourism"},
    "concept.sjomat": {"nb": "sjømat", "en": "seafood"},
    "concept.energi": {"nb": "energi", "en": "energy"},
    "concept.samordning": {"nb": "samordning", "en": "coordination"},
    "concept.virkemidler": {"nb": "virkemidler", "en": "funding schemes"},
    "concept.kartlegging": {"nb": "kartlegging", "en": "surveys"},
    "concept.bedriftsutvikling": {"nb": "bedriftsutvikling", "en": "business development"},
    "concept.infrastruktur": {"nb": "infrastruktur", "en": "infrastructure"},
    "concept.areal": {"nb": "areal", "en": "land use"},
    "concept.tilflyttere": {"nb": "tilflyttere", "en": "newcomers"},
    "concept.arbeidssokere": {"nb": "arbeidssøkere", "en": "job seekers"},
    "concept.landbruk": {"nb": "landbruk", "en": "agriculture"},
    "concept.handel": {"nb": "handel", "en": "retail"},
    "concept.innvandrere": {"nb": "innvandrere", "en": "immigrants"},
    "concept.forstelinje": {"nb": "førstelinjetjeneste", "en": "first-line service"},
    "concept.kontorplass": {"nb": "kontorplass", "en": "office space"},
    "concept.kapital": {"nb": "kapital", "en": "capital"},
    "concept.inkludering": {"nb": "inkludering", "en": "inclusion"},
    "concept.skoler_og_ungdom": {"nb": "skoler og ungdom", "en": "schools and young people"},
    "concept.sjomatbedrifter": {"nb": "sjømatbedrifter", "en": "seafood companies"},
    "concept.handel_og_service": {"nb": "handel og service", "en": "retail and services"},
    # tracker.matching.suggestions.COMPANIES: a target group only a user stores
    "concept.bedrifter": {"nb": "etablerte bedrifter", "en": "established companies"},
}
