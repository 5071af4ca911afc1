"""The plan file format, one for import and export (XLSX sheets, or CSV files).

Each sheet has a canonical Norwegian header set (what export writes) and the
aliases import accepts, matched ignoring case, spaces and punctuation. Values of a
vocabulary (an actor's kind, a status …) are written as their labels in LANG, and
read back by their label in either language or by their code. A CSV
file is read as the Tiltak sheet; a folder of CSV files as a whole workbook,
each file named after its sheet (e.g. data/seed/tiltak.csv).
"""

from __future__ import annotations

from dataclasses import dataclass

LANG = "nb"
"""The language of the file: its headers, and the words export writes for codes."""


@dataclass(frozen=True)
class Column:
    key: str  # the name code uses
    header: str  # what export writes
    aliases: tuple[str, ...] = ()  # other headers import accepts
    required: bool = False


@dataclass(frozen=True)
class Sheet:
    key: str
    title: str  # the XLSX sheet name; a CSV file in a folder: its stem, normalised
    columns: tuple[Column, ...]
    aliases: tuple[str, ...] = ()

    def headers(self) -> list[str]:
        return [c.header for c in self.columns]


PLAN = Sheet(
    "plan",
    "Plan",
    (
        Column("name", "Navn", ("plan", "plannavn", "name"), required=True),
        Column("start_year", "Startår", ("fra år", "start", "start year"), required=True),
        Column("end_year", "Sluttår", ("til år", "slutt", "end year"), required=True),
        Column("owner", "Eier", ("eier", "kommune", "owner")),
        Column("description", "Beskrivelse", ("description",)),
    ),
)

THEMES = Sheet(
    "themes",
    "Satsingsområder",
    (
        Column("code", "Kode", ("nr", "nummer", "code"), required=True),
        Column("name", "Navn", ("satsingsområde", "tema", "name"), required=True),
        Column("description", "Beskrivelse", ("description",)),
    ),
    aliases=("satsingsomrader", "tema", "themes"),
)

GOALS = Sheet(
    "goals",
    "Mål",
    (
        Column("code", "Kode", ("nr", "code"), required=True),
        Column("text", "Mål", ("tekst", "goal", "text", "delmål"), required=True),
        Column("theme", "Satsingsområde", ("tema", "theme")),
    ),
    aliases=("mal", "goals", "maal"),
)

ACTORS = Sheet(
    "actors",
    "Aktører",
    (
        Column("name", "Navn", ("aktør", "name", "organisasjon"), required=True),
        Column("short_name", "Kortnavn", ("forkortelse", "short name")),
        Column("kind", "Type", ("kategori", "kind")),
        Column("contact", "Kontakt", ("kontaktperson", "e-post", "contact")),
    ),
    aliases=("aktorer", "actors"),
)

MEASURES = Sheet(
    "measures",
    "Tiltak",
    (
        Column(
            "code",
            "Kode",
            ("nr", "nummer", "tiltaksnr", "tiltak nr", "tiltaksnummer", "løpenr", "id", "code"),
        ),
        Column(
            "title",
            "Tiltak",
            ("tittel", "navn", "tiltaksnavn", "aktivitet", "aktiviteter", "title", "measure"),
            required=True,
        ),
        Column("description", "Beskrivelse", ("innhold", "description")),
        Column(
            "theme",
            "Satsingsområde",
            ("satsingsomrade", "satsing", "tema", "innsatsområde", "theme"),
        ),  # not required: themes may come as group header rows, or from the codes
        Column("goal", "Mål", ("delmål", "maal", "goal")),
        Column(
            "lead",
            "Ansvarlig",
            (
                "ansvar",
                "hovedansvar",
                "hovedansvarlig",
                "ansvarlig aktør",
                "ansvarleg",
                "eier",
                "lead",
            ),
            required=True,
        ),
        Column(
            "partners",
            "Samarbeidspartnere",
            (
                "samarbeidspartner",
                "partnere",
                "partnere/samarbeid",
                "samarbeid",
                "involverte",
                "samarbeidspartnarar",
                "medvirkende",
                "partners",
            ),
        ),
        Column("funders", "Finansiører", ("finansiør", "funders")),
        Column("period", "Periode", ("tidsrom", "tidsperiode", "tidsramme", "år", "period")),
        Column("start", "Start", ("oppstart", "fra", "start")),
        Column("end", "Slutt", ("til", "ferdig", "frist", "ferdigstilt", "end")),
        Column("weight", "Vekt", ("vekting", "weight")),
        Column("budget", "Budsjett", ("kostnad", "ramme", "budget")),
        Column("funding", "Finansiering", ("virkemidler", "finansieringskilde", "funding")),
        Column("example", "Eksempel", ("eksempeldata", "example")),
        Column("target_groups", "Målgrupper", ("målgruppe", "for hvem", "target groups")),
        Column(
            "work_kinds",
            "Arbeidsformer",
            ("arbeidsform", "type arbeid", "kinds of work", "kind of work", "work kinds"),
        ),
        Column("status", "Status", ()),
        Column("progress", "Fremdrift", ("fremdrift %", "fremdrift (%)", "progress")),
        Column("rag", "Vurdering", ("trafikklys", "rag", "rating")),
        Column("status_period", "Kvartal", ("rapportert for", "quarter")),
        Column("comment", "Kommentar", ("merknad", "merknader", "kommentarer", "comment")),
        Column("next_steps", "Neste steg", ("videre arbeid", "next steps")),
    ),
    aliases=("tiltak", "measures", "handlingsdel", "handlingsplan"),
)

EVENTS = Sheet(
    "events",
    "Årshjul",
    (
        Column("actor", "Aktør", ("ansvarlig", "arrangør", "actor"), required=True),
        Column("title", "Hendelse", ("tittel", "navn", "title", "event"), required=True),
        Column("kind", "Type", ("kategori", "kind")),
        Column("starts", "Fra", ("dato", "start", "fra dato", "from", "date"), required=True),
        Column("ends", "Til", ("slutt", "til dato", "to")),
        Column("yearly", "Hvert år", ("årlig", "gjentas", "yearly")),
        Column("theme", "Satsingsområde", ("tema", "theme")),
        Column("groups", "Målgrupper", ("målgruppe", "target groups")),
        Column("place", "Sted", ("place",)),
        Column("link", "Lenke", ("url", "link")),
    ),
    aliases=("arshjul", "aarshjul", "hendelser", "events"),
)

INSTRUMENTS = Sheet(
    "instruments",
    "Virkemidler",
    (
        Column("actor", "Aktør", ("tilbyder", "ansvarlig", "actor"), required=True),
        Column("name", "Virkemiddel", ("navn", "tittel", "name", "instrument"), required=True),
        Column("kind", "Type", ("kategori", "kind"), required=True),
        Column("description", "Beskrivelse", ("description",)),
        Column("groups", "Målgrupper", ("målgruppe", "target groups")),
        Column("stages", "Fase", ("faser", "stage", "stages")),
        Column("industries", "Bransjer", ("bransje", "industries")),
        Column("amount", "Beløp", ("beløp eller ramme", "ramme", "amount")),
        Column("link", "Lenke", ("søknad", "slik søker du", "url", "link")),
        Column("deadlines", "Frister", ("frist", "søknadsfrist", "søknadsfrister", "deadlines")),
    ),
    aliases=("virkemiddel", "instruments"),
)
"""Målgrupper and Fase: labels (or codes) separated by «;». Frister: dates separated
by «;», each followed by «(hvert år)» when it comes back every year."""

SHEETS: tuple[Sheet, ...] = (PLAN, THEMES, GOALS, ACTORS, MEASURES, EVENTS, INSTRUMENTS)

FIELD_KEYS: tuple[str, ...] = tuple(c.key for c in MEASURES.columns)
"""The measure fields a user may give a column of the file (labels: importfield.<key>)."""

ONGOING = (
    *("løpende", "lopende", "fortløpende", "løpande", "hele perioden", "hele planperioden"),
    *("heile perioden", "kontinuerlig", "kontinuerleg", "årlig", "årleg", "hvert år"),
    *("ongoing", "continuous", "annually", "yearly"),
)
"""Period words meaning the plan's whole period."""
