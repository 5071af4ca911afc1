"""The Admin page's tabs, forms and tables."""

from __future__ import annotations

ADMIN_PAGE_MESSAGES: dict[str, dict[str, str]] = {
    "adminpage.tab.plan": {"nb": "Plan", "en": "Plan"},
    "adminpage.tab.measures": {"nb": "Tiltak", "en": "Measures"},
    "adminpage.tab.actors": {"nb": "Aktører", "en": "Actors"},
    "adminpage.tab.users": {"nb": "Brukere", "en": "Users"},
    "adminpage.tab.import": {"nb": "Import og eksport", "en": "Import and export"},
    "adminpage.tab.quarters": {"nb": "Kvartaler", "en": "Quarters"},
    "adminpage.tab.audit": {"nb": "Revisjonslogg", "en": "Audit log"},
    "adminpage.save": {"nb": "Lagre", "en": "Save"},
    "adminpage.saved": {"nb": "«{name}» er lagret.", "en": "“{name}” saved."},
    "adminpage.delete": {"nb": "Slett …", "en": "Delete …"},
    "adminpage.delete_confirm": {
        "nb": "Vil du slette «{name}»? Slettingen blir logget.",
        "en": "Delete “{name}”? The deletion is logged.",
    },
    "adminpage.delete_yes": {"nb": "Ja, slett", "en": "Yes, delete"},
    "adminpage.deleted": {"nb": "«{name}» er slettet.", "en": "“{name}” deleted."},
    "adminpage.yes": {"nb": "Ja", "en": "Yes"},
    "adminpage.no": {"nb": "Nei", "en": "No"},
    "adminpage.choose": {"nb": "– velg –", "en": "– choose –"},
    "adminpage.choose_actors": {"nb": "Velg aktører", "en": "Choose actors"},
    "adminpage.choose_from_list": {"nb": "Velg fra listen", "en": "Choose from the list"},
    "adminpage.suggested": {
        "nb": "Forslag ut fra teksten: {words}",
        "en": "Suggested by the text: {words}",
    },
    "adminpage.use_suggestions": {"nb": "Bruk forslagene", "en": "Use the suggestions"},
    "adminpage.name": {"nb": "Navn", "en": "Name"},
    "adminpage.description": {"nb": "Beskrivelse", "en": "Description"},
    "adminpage.message": {"nb": "Melding", "en": "Message"},
    "adminpage.plan_first": {
        "nb": "Ingen plan ennå. Opprett en under fanen Plan, eller importer en under "
        "Import og eksport.",
        "en": "No plan yet. Create one on the Plan tab, or import one under Import and export.",
    },
    "adminpage.plan": {"nb": "Planen", "en": "The plan"},
    "adminpage.no_plan": {
        "nb": "Ingen plan ennå. Fyll inn skjemaet under, eller importer hele planen fra en "
        "fil under fanen Import og eksport.",
        "en": "No plan yet. Fill in the form below, or import the whole plan from a file "
        "on the Import and export tab.",
    },
    "adminpage.new_plan": {"nb": "Opprett en ny plan", "en": "Create a new plan"},
    "adminpage.create_plan": {"nb": "Opprett plan", "en": "Create plan"},
    "adminpage.plan_name": {"nb": "Plannavn", "en": "Plan name"},
    "adminpage.start_year": {"nb": "Startår", "en": "First year"},
    "adminpage.end_year": {"nb": "Sluttår", "en": "Last year"},
    "adminpage.owner": {
        "nb": "Eier (kommune eller region)",
        "en": "Owner (municipality or region)",
    },
    "adminpage.themes": {"nb": "Satsingsområder", "en": "Themes"},
    "adminpage.no_themes": {
        "nb": "Planen har ingen satsingsområder ennå. Legg til det første under.",
        "en": "The plan has no themes yet. Add the first one below.",
    },
    "adminpage.pick_theme": {"nb": "Velg satsingsområde", "en": "Choose a theme"},
    "adminpage.new_theme": {"nb": "+ Nytt satsingsområde", "en": "+ New theme"},
    "adminpage.goals": {"nb": "Mål", "en": "Goals"},
    "adminpage.no_goals": {
        "nb": "Planen har ingen mål ennå. Mål er valgfrie; legg dem til under.",
        "en": "The plan has no goals yet. Goals are optional; add them below.",
    },
    "adminpage.pick_goal": {"nb": "Velg mål", "en": "Choose a goal"},
    "adminpage.new_goal": {"nb": "+ Nytt mål", "en": "+ New goal"},
    "adminpage.goal_text": {"nb": "Mål", "en": "Goal"},
    "adminpage.overall": {
        "nb": "Overordnet (ikke knyttet til et satsingsområde)",
        "en": "Overall (not tied to a theme)",
    },
    "adminpage.themes_first": {
        "nb": "Planen har ingen satsingsområder ennå. Legg dem til under fanen Plan først.",
        "en": "The plan has no themes yet. Add them on the Plan tab first.",
    },
    "adminpage.pick_measure": {"nb": "Velg tiltak", "en": "Choose a measure"},
    "adminpage.new_measure": {"nb": "+ Nytt tiltak", "en": "+ New measure"},
    "adminpage.create_measure": {"nb": "Opprett tiltak", "en": "Create measure"},
    "adminpage.measure_title": {"nb": "Tittel", "en": "Title"},
    "adminpage.goal": {"nb": "Mål", "en": "Goal"},
    "adminpage.no_goal": {"nb": "– intet mål –", "en": "– no goal –"},
    "adminpage.funders": {"nb": "Finansiører", "en": "Funders"},
    "adminpage.start": {"nb": "Start (kvartal)", "en": "Start (quarter)"},
    "adminpage.end": {"nb": "Slutt (kvartal)", "en": "End (quarter)"},
    "adminpage.is_example": {
        "nb": "Eksempeltiltak (ikke en del av den vedtatte planen)",
        "en": "Example measure (not part of the adopted plan)",
    },
    "adminpage.measure_keeps_history": {
        "nb": "Tiltaket har statusrapporter og kan ikke slettes. Sett status Avbrutt i stedet.",
        "en": "The measure has status reports and cannot be deleted. Set it to Cancelled instead.",
    },
    "adminpage.conflict_same": {
        "nb": "Feltene dine er like den nye versjonen; bare versjonsnummeret er endret "
        "(for eksempel av en statusrapport).",
        "en": "Your fields match the newer version; only the version number moved on "
        "(for example by a status report).",
    },
    "adminpage.keep_mine": {"nb": "Lagre min versjon likevel", "en": "Save my version anyway"},
    "adminpage.take_theirs": {
        "nb": "Forkast mine endringer og last inn den nye versjonen",
        "en": "Discard my changes and load the newer version",
    },
    "adminpage.no_actors": {
        "nb": "Ingen aktører ennå. Legg til den første under.",
        "en": "No actors yet. Add the first one below.",
    },
    "adminpage.pick_actor": {"nb": "Velg aktør", "en": "Choose an actor"},
    "adminpage.new_actor": {"nb": "+ Ny aktør", "en": "+ New actor"},
    "adminpage.create_actor": {"nb": "Opprett aktør", "en": "Create actor"},
    "adminpage.short_name": {"nb": "Kortnavn", "en": "Short name"},
    "adminpage.kind": {"nb": "Type", "en": "Kind"},
    "adminpage.contact": {"nb": "Kontakt", "en": "Contact"},
    "adminpage.no_users": {
        "nb": "Ingen brukere ennå. Opprett den første under.",
        "en": "No users yet. Create the first one below.",
    },
    "adminpage.display_name": {"nb": "Navn", "en": "Name"},
    "adminpage.email": {"nb": "E-post", "en": "E-mail"},
    "adminpage.active": {"nb": "Aktiv", "en": "Active"},
    "adminpage.locked_until": {"nb": "Låst til", "en": "Locked until"},
    "adminpage.new_user": {"nb": "Ny bruker", "en": "New user"},
    "adminpage.create_user": {"nb": "Opprett bruker", "en": "Create user"},
    "adminpage.initial_password": {"nb": "Første passord", "en": "Initial password"},
    "adminpage.password_help": {
        "nb": "Minst {length} tegn, ikke brukernavnet og ikke et vanlig passord; gjerne "
        "flere ord. Gi det til brukeren på en trygg måte.",
        "en": "At least {length} characters, not the username and not a common password; "
        "several words work well. Give it to the user safely.",
    },
    "adminpage.no_actor": {"nb": "– ingen aktør –", "en": "– no actor –"},
    "adminpage.actor_help": {
        "nb": "Bare for rollen Aktør: organisasjonen brukeren rapporterer for.",
        "en": "Only for the role Actor: the organisation the user reports for.",
    },
    "adminpage.user_created": {
        "nb": "Brukeren «{name}» er opprettet.",
        "en": "User “{name}” created.",
    },
    "adminpage.manage_user": {"nb": "Endre en bruker", "en": "Change a user"},
    "adminpage.pick_user": {"nb": "Velg bruker", "en": "Choose a user"},
    "adminpage.new_password": {"nb": "Nytt passord", "en": "New password"},
    "adminpage.repeat_password": {"nb": "Gjenta passordet", "en": "Repeat the password"},
    "adminpage.set_password": {
        "nb": "Sett nytt passord (låser også opp kontoen)",
        "en": "Set new password (also unlocks the account)",
    },
    "adminpage.passwords_differ": {
        "nb": "Passordene er ikke like.",
        "en": "The passwords are not the same.",
    },
    "adminpage.password_set": {
        "nb": "Nytt passord er satt for «{name}».",
        "en": "New password set for “{name}”.",
    },
    "adminpage.not_yourself": {
        "nb": "Du kan ikke deaktivere din egen konto.",
        "en": "You cannot deactivate your own account.",
    },
    "adminpage.deactivate": {"nb": "Deaktiver brukeren", "en": "Deactivate the user"},
    "adminpage.reactivate": {"nb": "Aktiver brukeren igjen", "en": "Reactivate the user"},
    "adminpage.deactivated": {
        "nb": "«{name}» er deaktivert og kan ikke logge inn.",
        "en": "“{name}” is deactivated and cannot log in.",
    },
    "adminpage.reactivated": {
        "nb": "«{name}» er aktiv igjen.",
        "en": "“{name}” is active again.",
    },
    "adminpage.import": {"nb": "Importer en plan", "en": "Import a plan"},
    "adminpage.import_help": {
        "nb": "En XLSX-fil med arkene Plan, Satsingsområder, Mål, Aktører, Tiltak og Årshjul "
        "(som eksporten under), eller en CSV-fil med tiltakene (eller med årshjulet, når "
        "filen heter arshjul.csv). Uten et Plan-ark går importen til planen «{plan}». Du ser "
        "hva som blir endret før noe lagres.",
        "en": "An XLSX file with the sheets Plan, Satsingsområder, Mål, Aktører, Tiltak and "
        "Årshjul (as the export below), or a CSV file of the measures (or of the annual "
        "wheel, when named arshjul.csv). Without a Plan sheet the import goes into the plan "
        "“{plan}”. You see what will change before anything is saved.",
    },
    "adminpage.import_file": {"nb": "Planfil (XLSX eller CSV)", "en": "Plan file (XLSX or CSV)"},
    "adminpage.import_empty": {
        "nb": "Velg en fil for å se hva den ville endre. Ingenting lagres før du trykker Importer.",
        "en": "Choose a file to see what it would change. Nothing is saved until you press Import.",
    },
    "adminpage.export": {"nb": "Eksporter planen", "en": "Export the plan"},
    "adminpage.export_help": {
        "nb": "Hele planen som XLSX, i samme format som importen leser.",
        "en": "The whole plan as XLSX, in the same format the import reads.",
    },
    "adminpage.download_xlsx": {"nb": "Last ned planen (XLSX)", "en": "Download the plan (XLSX)"},
    "adminpage.no_finished_quarters": {
        "nb": "Ingen av planens kvartaler er ferdige ennå. Et kvartal kan lukkes når det er over.",
        "en": "None of the plan's quarters has ended yet. A quarter can be closed once it is over.",
    },
    "adminpage.quarters_help": {
        "nb": "Et lukket kvartal tar ikke imot flere statusrapporter. Lukk kvartalet når "
        "kvartalsrapporten er lagt fram; åpne det igjen om noe må rettes. Begge deler logges.",
        "en": "A closed quarter takes no more status reports. Close it once the quarterly "
        "report is presented; reopen it if something must be corrected. Both are logged.",
    },
    "adminpage.closed": {"nb": "Lukket", "en": "Closed"},
    "adminpage.open": {"nb": "Åpent for rapportering", "en": "Open for reporting"},
    "adminpage.close": {"nb": "Lukk", "en": "Close"},
    "adminpage.reopen": {"nb": "Åpne igjen", "en": "Reopen"},
    "adminpage.closed_now": {"nb": "{quarter} er lukket.", "en": "{quarter} is closed."},
    "adminpage.reopened": {"nb": "{quarter} er åpnet igjen.", "en": "{quarter} is open again."},
    "adminpage.audit_entity": {"nb": "Objekt", "en": "Entity"},
    "adminpage.audit_user": {"nb": "Bruker", "en": "User"},
    "adminpage.audit_from": {"nb": "Fra dato", "en": "From date"},
    "adminpage.audit_to": {"nb": "Til dato", "en": "To date"},
    "adminpage.audit_action": {"nb": "Handling", "en": "Action"},
    "adminpage.audit_which": {"nb": "Hvilket", "en": "Which"},
    "adminpage.audit_change": {"nb": "Endring", "en": "Change"},
    "adminpage.audit_empty": {
        "nb": "Ingen oppføringer passer filtrene. Velg «Alle» eller tøm datoene og søket.",
        "en": "No entries match the filters. Choose “All” or clear the dates and the search.",
    },
    "adminpage.audit_dates_swapped": {
        "nb": "Til-datoen er før fra-datoen, så ingen oppføringer kan passe.",
        "en": "The to date is before the from date, so no entries can match.",
    },
}
