"""The command line's messages (python -m tracker)."""

from __future__ import annotations

CLI_MESSAGES: dict[str, dict[str, str]] = {
    "cli.database_unavailable": {
        "nb": "Får ikke kontakt med databasen {url}: den finnes ikke, er nede eller er "
        "opptatt. Sjekk TRACKER_DATABASE_URL, og prøv igjen.",
        "en": "Cannot reach the database {url}: it does not exist, is down or is busy. "
        "Check TRACKER_DATABASE_URL, and try again.",
    },
    "cli.database_url_invalid": {
        "nb": "TRACKER_DATABASE_URL er ingen database-adresse appen kan bruke (for "
        "eksempel sqlite:///data/tracker.db eller postgresql://bruker@vert/database).",
        "en": "TRACKER_DATABASE_URL is no database address the app can use (for "
        "example sqlite:///data/tracker.db or postgresql://user@host/database).",
    },
    "cli.dry_run": {
        "nb": "Prøvekjøring: ingenting er lagret.",
        "en": "Dry run: nothing was saved.",
    },
    "cli.export_suffix": {
        "nb": "Filnavnet må slutte på .xlsx eller .csv.",
        "en": "The file name must end in .xlsx or .csv.",
    },
    "cli.exported": {"nb": "Eksportert til {path}.", "en": "Exported to {path}."},
    "cli.user_added": {"nb": "Bruker «{name}» opprettet.", "en": "User “{name}” created."},
    "cli.password_set": {
        "nb": "Nytt passord satt for «{name}».",
        "en": "New password set for “{name}”.",
    },
    "cli.password_prompt": {"nb": "Passord", "en": "Password"},
    "cli.sso_needs_email": {
        "nb": "--sso-only krever --email (e-posten fra innloggingstjenesten).",
        "en": "--sso-only needs --email (the e-mail from the identity provider).",
    },
    "cli.inactive": {"nb": "deaktivert", "en": "deactivated"},
    "cli.closed": {"nb": "Kvartalet {period} er lukket.", "en": "The quarter {period} is closed."},
    "cli.reopened": {
        "nb": "Kvartalet {period} er åpnet igjen.",
        "en": "The quarter {period} is open again.",
    },
    "cli.backup_postgres": {
        "nb": "Databasen er PostgreSQL: ta sikkerhetskopi med pg_dump, f.eks. "
        "«pg_dump -Fc -f tracker.dump DATABASE».",
        "en": "The database is PostgreSQL: back it up with pg_dump, e.g. "
        "“pg_dump -Fc -f tracker.dump DATABASE”.",
    },
    "cli.file_failed": {
        "nb": "Kunne ikke bruke fila «{path}»: {reason}",
        "en": "Could not use the file “{path}”: {reason}",
    },
    "cli.os.missing": {"nb": "mappen eller fila finnes ikke.", "en": "no such folder or file."},
    "cli.os.denied": {"nb": "ingen tilgang.", "en": "permission denied."},
    "cli.os.full": {"nb": "disken er full.", "en": "the disk is full."},
    "cli.os.other": {
        "nb": "filsystemet sa nei (feilkode {code}).",
        "en": "the file system refused (error code {code}).",
    },
    "cli.backup_done": {
        "nb": "Sikkerhetskopi skrevet til {path}.",
        "en": "Backup written to {path}.",
    },
    "cli.backup_no_database": {
        "nb": "Fant ingen database å ta sikkerhetskopi av: «{path}» finnes ikke.",
        "en": "Found no database to back up: “{path}” does not exist.",
    },
    "cli.backup_onto_itself": {
        "nb": "«{path}» er selve databasen (eller en av filene dens): velg en annen fil til "
        "sikkerhetskopien.",
        "en": "“{path}” is the database itself (or one of its files): choose another file "
        "for the backup.",
    },
    "user.last_admin": {
        "nb": "«{username}» er den siste aktive administratoren og kan ikke deaktiveres: "
        "lag en annen administrator først.",
        "en": "“{username}” is the last active administrator and cannot be deactivated: "
        "make another administrator first.",
    },
    "cli.backup_failed": {
        "nb": "Kunne ikke skrive sikkerhetskopi til {path}: {error}",
        "en": "Could not write the backup to {path}: {error}",
    },
    "import.where_row_column": {
        "nb": "Rad {row}, kolonne «{column}»",
        "en": "Row {row}, column “{column}”",
    },
}
