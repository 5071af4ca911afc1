"""Texts of the quarterly loop (merged into tracker.i18n.CATALOGUE): who reports
what (status by the lead, contributions by partners), past and closed quarters,
coverage this quarter and earlier, overdue measures."""

from __future__ import annotations

QUARTERLY_MESSAGES: dict[str, dict[str, str]] = {
    # who reports what
    "perm.partner_contributes": {
        "nb": "Aktøren din er partner i {code}: status rapporteres av ansvarlig aktør. "
        "Legg inn et bidrag i stedet.",
        "en": "Your actor is a partner in {code}: the lead actor reports its status. "
        "Add a contribution instead.",
    },
    "perm.lead_reports": {
        "nb": "Aktøren din leder {code}: rapporter status på tiltaket i stedet for et bidrag.",
        "en": "Your actor leads {code}: report its status instead of a contribution.",
    },
    "perm.not_partner": {
        "nb": "Bare partnere i {code} kan legge inn bidrag på tiltaket.",
        "en": "Only partners in {code} can add contributions to it.",
    },
    "contribution.text_empty": {
        "nb": "Skriv hva dere har bidratt med.",
        "en": "Write what you contributed.",
    },
    "contribution.link_invalid": {
        "nb": "Lenken må begynne med https:// eller http:// og være høyst {limit} tegn.",
        "en": "The link must start with https:// or http:// and be at most {limit} characters.",
    },
    # the Rapporter status page
    "report.we_lead": {"nb": "Tiltak vi leder", "en": "Measures we lead"},
    "report.all_measures": {
        "nb": "Tiltak som løper i kvartalet",
        "en": "Measures running in the quarter",
    },
    "report.we_partner": {"nb": "Tiltak vi er partner i", "en": "Measures we are a partner in"},
    "report.we_lead_none": {
        "nb": "Aktøren din leder ingen tiltak som løper dette kvartalet.",
        "en": "Your actor leads no measure running this quarter.",
    },
    "report.we_partner_none": {
        "nb": "Aktøren din er ikke partner i noe tiltak som løper dette kvartalet.",
        "en": "Your actor is a partner in no measure running this quarter.",
    },
    "report.partner_help": {
        "nb": "Status rapporteres av ansvarlig aktør. Fortell hva dere har bidratt med; "
        "ansvarlig aktør ser bidraget når den rapporterer, og det står i kvartalsrapporten.",
        "en": "The lead actor reports the status. Tell what you contributed; the lead "
        "sees it when reporting, and it is in the quarterly summary.",
    },
    "report.our_contribution": {"nb": "Vårt bidrag", "en": "Our contribution"},
    "report.contribution_given": {"nb": "Gitt", "en": "Given"},
    "report.pick_partner": {
        "nb": "Tiltak å legge inn bidrag på",
        "en": "Measure to add a contribution to",
    },
    "report.contributions": {
        "nb": "Bidrag fra partnere i {quarter}",
        "en": "Contributions from partners in {quarter}",
    },
    "report.contributions_none": {
        "nb": "Ingen bidrag fra partnere i {quarter} ennå.",
        "en": "No contributions from partners in {quarter} yet.",
    },
    "report.contribution_text": {"nb": "Bidrag", "en": "Contribution"},
    "report.contribution_link": {
        "nb": "Lenke (valgfri)",
        "en": "Link (optional)",
    },
    "report.contribution_link_placeholder": {
        "nb": "https://… (en side om bidraget)",
        "en": "https://… (a page about it)",
    },
    "report.contribution_save": {"nb": "Lagre bidrag", "en": "Save contribution"},
    "report.contribution_saved": {
        "nb": "Bidraget til {code} er lagret.",
        "en": "The contribution to {code} is saved.",
    },
    "report.saved_values": {
        "nb": "Lagret for {quarter}: {status} · {progress} · {rag}. Endre noe for å lagre på nytt.",
        "en": "Saved for {quarter}: {status} · {progress} · {rag}. Change something to save again.",
    },
    "report.as_of_past": {
        "nb": "Du ser på et kvartal som er over ({quarter}): tabellen viser rapportene slik "
        "de sto ved kvartalets slutt.",
        "en": "You are looking at a quarter that is over ({quarter}): the table shows the "
        "reports as they stood at its end.",
    },
    "report.closed_read_only": {
        "nb": "Kvartalet er lukket ({quarter}), så rapporten kan ikke endres. Slik ble {code} "
        "rapportert:",
        "en": "The quarter is closed ({quarter}), so the report cannot be changed. This is "
        "how {code} was reported:",
    },
    "report.closed_none": {
        "nb": "Kvartalet er lukket ({quarter}), og {code} ble ikke rapportert for det.",
        "en": "The quarter is closed ({quarter}), and {code} was not reported for it.",
    },
    "report.partner_report": {
        "nb": "{actor} (partner; teller ikke som status)",
        "en": "{actor} (partner; not counted as status)",
    },
    # coverage and overdue
    "label.overdue": {"nb": "Forfalt", "en": "Overdue"},
    "label.overdue_help": {
        "nb": "Sluttdatoen er passert, og tiltaket er verken fullført eller avbrutt.",
        "en": "Past its end date, and neither completed nor cancelled.",
    },
    "label.reported_now": {
        "nb": "Rapportert for dette kvartalet",
        "en": "Reported for this quarter",
    },
    "label.reported_earlier": {
        "nb": "Sist rapportert tidligere",
        "en": "Last reported earlier",
    },
    "chart.no_measures": {"nb": "ingen tiltak", "en": "no measures"},
    "chart.only_cancelled": {"nb": "bare avbrutte", "en": "all cancelled"},
    "chart.group_progress_unknown": {"nb": "fremdrift ukjent", "en": "progress unknown"},
    "kpi.coverage": {
        "nb": "{now} av {counted} rapportert for kvartalet, {earlier} sist rapportert tidligere",
        "en": "{now} of {counted} reported for the quarter, {earlier} last reported earlier",
    },
    "kpi.overdue": {"nb": "Forfalt", "en": "Overdue"},
    "kpi.overdue_list": {
        "nb": "Forfalt: sluttdatoen er passert, men tiltaket er verken fullført eller avbrutt",
        "en": "Overdue: past the end date, but neither completed nor cancelled",
    },
    "export.final": {
        "nb": "Endelig: kvartalet er lukket. Rapporten er lagret slik den var da {by} lukket "
        "kvartalet {when}, og den endres ikke av senere rapporter, importer eller navneendringer.",
        "en": "Final: the quarter is closed. The report is stored as it was when {by} closed "
        "the quarter {when}, and later reports, imports or renames do not change it.",
    },
    "overview.with_partner_measures": {
        "nb": "Ta med tiltak der aktøren er partner",
        "en": "Include measures where the actor is a partner",
    },
    "overview.actor_scope_lead": {
        "nb": "Tallene gjelder tiltakene aktøren leder.",
        "en": "The figures are for the measures the actor leads.",
    },
    "overview.actor_scope_partners": {
        "nb": "Tallene gjelder tiltakene aktøren leder og tiltakene den er partner i.",
        "en": "The figures are for the measures the actor leads and those it is a partner in.",
    },
    "summary.heading.overdue": {
        "nb": "Forfalt: sluttdatoen er passert, men tiltaket er verken fullført eller avbrutt",
        "en": "Overdue: past the end date, but neither completed nor cancelled",
    },
    "summary.col.contributions": {
        "nb": "Bidrag fra partnere i kvartalet",
        "en": "Contributions from partners in the quarter",
    },
    "summary.contributions_label": {"nb": "Bidrag: {text}", "en": "Contributions: {text}"},
    "measures.contributions": {"nb": "Bidrag fra partnere", "en": "Contributions from partners"},
    "summary.col.partner": {"nb": "Partner", "en": "Partner"},
    "summary.col.link": {"nb": "Lenke", "en": "Link"},
    "overview.from_final": {
        "nb": "Kvartalet er lukket: tallene, diagrammene per satsingsområde og aktør og "
        "tiltakslisten er fra den endelige rapporten, slik de var da kvartalet ble lukket.",
        "en": "The quarter is closed: the figures, the charts per theme and actor and the "
        "list of measures are from the final report, as they were when it was closed.",
    },
}
