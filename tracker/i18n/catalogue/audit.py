"""The audit log's words (merged into tracker.i18n.CATALOGUE): what was done
(tracker.vocab.AuditAction), the fields the forms do not name shortly, and the
words for what is gone. tracker.audit_words puts them together."""

from __future__ import annotations

AUDIT_MESSAGES: dict[str, dict[str, str]] = {
    # what was done (AuditAction); auditaction.<action>.<entity> where it differs
    "auditaction.create": {"nb": "Opprettet", "en": "Created"},
    "auditaction.update": {"nb": "Endret", "en": "Changed"},
    "auditaction.delete": {"nb": "Slettet", "en": "Deleted"},
    "auditaction.import": {"nb": "Importert", "en": "Imported"},
    "auditaction.report": {"nb": "Statusrapport", "en": "Status report"},
    "auditaction.report.indicator": {"nb": "Ny indikatorverdi", "en": "Indicator value"},
    "auditaction.contribute": {"nb": "Bidrag fra partner", "en": "Partner's contribution"},
    "auditaction.set_password": {"nb": "Nytt passord", "en": "New password"},
    "auditaction.activate": {"nb": "Aktivert", "en": "Activated"},
    "auditaction.deactivate": {"nb": "Deaktivert", "en": "Deactivated"},
    "auditaction.close_quarter": {"nb": "Kvartal lukket", "en": "Quarter closed"},
    "auditaction.reopen_quarter": {"nb": "Kvartal åpnet", "en": "Quarter reopened"},
    "auditaction.demo": {"nb": "Demodata lastet", "en": "Demo data loaded"},
    "auditaction.remind": {"nb": "Påminnelse sendt", "en": "Reminder sent"},
    "auditaction.renew": {"nb": "Ny lenke", "en": "New link"},
    # fields without a short form label of their own
    "audit.field.position": {"nb": "Rekkefølge", "en": "Order"},
    "audit.field.is_example": {"nb": "Eksempeldata", "en": "Example data"},
    "audit.field.period": {"nb": "Periode", "en": "Period"},
    "audit.field.sent": {"nb": "Sendt til", "en": "Sent to"},
    "audit.field.failed": {"nb": "Ikke sendt", "en": "Not sent"},
    "audit.field.reason": {"nb": "Grunn", "en": "Reason"},
    "audit.field.reports": {"nb": "Statusrapporter", "en": "Status reports"},
    "audit.field.ends": {"nb": "Til dato", "en": "To"},
    "audit.field.events": {"nb": "Hendelser", "en": "Events"},
    "audit.field.pair": {"nb": "Tiltakspar", "en": "Pair of measures"},
    "audit.reason.demo": {
        "nb": "demodøren er lukket",
        "en": "the demo door is closed",
    },
    "audit.gone": {"nb": "(slettet)", "en": "(deleted)"},
    "audit.funder": {"nb": "{name} (finansiør)", "en": "{name} (funder)"},
    "audit.pair": {"nb": "{first} ↔ {second}", "en": "{first} ↔ {second}"},
}
