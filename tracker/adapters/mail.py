"""E-mail: the SMTP settings (from `.streamlit/secrets.toml` [smtp] or TRACKER_SMTP_*
environment variables), reporting reminders as messages or mailto: links, and
sending them with a result for every recipient (nothing dropped silently)."""

from __future__ import annotations

import re
import smtplib
import ssl
from collections.abc import Mapping
from dataclasses import dataclass
from email.message import EmailMessage
from urllib.parse import quote

from tracker import settings
from tracker.i18n import quarter_label, t, tn
from tracker.links import report_link
from tracker.quarters import Quarter
from tracker.service.reminders import Reminder

ENV_PREFIX = settings.SMTP_PREFIX
SSL_PORT = 465  # SMTP over TLS from the first byte (security `ssl`)
TIMEOUT_SECONDS = 20
SECURITY = ("starttls", "ssl", "none")
ADDRESS = re.compile(r"[^@\s,;<>\"]+@[^@\s,;<>\"]+\.[^@\s,;<>\"]+")


@dataclass(frozen=True)
class MailSettings:
    host: str
    sender: str
    port: int = 587
    username: str = ""
    password: str = ""
    security: str = "starttls"  # starttls | ssl | none
    app_url: str = ""  # put in the message so people can go straight to the app

    @classmethod
    def found(
        cls, secrets: Mapping[str, object] | None, environ: Mapping[str, str]
    ) -> MailSettings | None:
        """From a [smtp] secrets section (host, port, username, password, sender,
        security, app_url) or else TRACKER_SMTP_HOST, …_PORT, …; None when no host."""
        values = {k.lower(): str(v) for k, v in (secrets or {}).items()}
        if not values.get("host"):  # the settings' own names; their defaults below
            values = {
                s.name.removeprefix(ENV_PREFIX).lower(): environ.get(s.name, "").strip()
                for s in settings.SMTP
            }
        if not values.get("host"):
            return None
        default_security = settings.SMTP_SECURITY.default
        security = (values.get("security") or default_security).lower()
        if security not in SECURITY:  # never fall back to sending a password unencrypted
            security = default_security
        default_port = SSL_PORT if security == "ssl" else int(settings.SMTP_PORT.default)
        return cls(
            host=values["host"],
            sender=values.get("sender") or values.get("username") or f"tracker@{values['host']}",
            port=int(values.get("port") or default_port),
            username=values.get("username", ""),
            password=values.get("password", ""),
            security=security,
            app_url=values.get("app_url", ""),
        )


def subject(reminder: Reminder, lang: str) -> str:
    return t("remind.subject", lang, quarter=quarter_label(Quarter.parse(reminder.quarter), lang))


def body(reminder: Reminder, lang: str, app_url: str = "") -> str:
    label = quarter_label(Quarter.parse(reminder.quarter), lang)
    lines = [t("remind.greeting", lang, actor=reminder.actor), ""]
    if reminder.measures:
        lines += [tn("remind.intro", len(reminder.measures), lang, quarter=label), ""]
        lines += [*(f"- {measure}" for measure in reminder.measures), ""]
    if reminder.overdue:
        lines += [tn("remind.overdue", len(reminder.overdue), lang), ""]
        lines += [*(f"- {measure}" for measure in reminder.overdue), ""]
    link = report_link(app_url, Quarter.parse(reminder.quarter)) if app_url else ""
    lines.append(t("remind.where", lang, url=link) if link else t("remind.where_no_url", lang))
    return "\n".join(lines)


def mailto(reminder: Reminder, lang: str, app_url: str = "") -> str:
    """A mailto: link with the recipients, subject and text filled in."""
    to = ",".join(quote(address, safe="@") for address in reminder.recipients)
    text = f"subject={quote(subject(reminder, lang))}&body={quote(body(reminder, lang, app_url))}"
    return f"mailto:{to}?{text}"


@dataclass(frozen=True)
class Outcome:
    recipient: str
    sent: bool
    reason: str = ""  # why not, in the words of the mail server or the network


def send(settings: MailSettings, reminders: list[Reminder], lang: str) -> dict[int, list[Outcome]]:
    """Send each actor's reminder over one SMTP connection; per actor id, the
    outcome for each of its recipients. A failed connection fails every recipient
    with the reason; a recipient the server refuses fails alone."""
    outcomes: dict[int, list[Outcome]] = {}
    try:
        with _connect(settings) as server:
            for reminder in reminders:
                outcomes[reminder.actor_id] = _send_one(server, settings, reminder, lang)
    except (OSError, smtplib.SMTPException) as error:
        reason = _reason(error)
        for reminder in reminders:
            if reminder.actor_id not in outcomes:
                outcomes[reminder.actor_id] = [
                    Outcome(address, False, reason) for address in reminder.recipients
                ]
    return outcomes


def _connect(settings: MailSettings) -> smtplib.SMTP:
    if settings.security == "ssl":
        context = ssl.create_default_context()
        server: smtplib.SMTP = smtplib.SMTP_SSL(
            settings.host, settings.port, timeout=TIMEOUT_SECONDS, context=context
        )
    else:
        server = smtplib.SMTP(settings.host, settings.port, timeout=TIMEOUT_SECONDS)
        if settings.security == "starttls":
            server.starttls(context=ssl.create_default_context())
    if settings.username:
        server.login(settings.username, settings.password)
    return server


def _send_one(
    server: smtplib.SMTP, settings: MailSettings, reminder: Reminder, lang: str
) -> list[Outcome]:
    good = [a for a in reminder.recipients if ADDRESS.fullmatch(a)]
    bad = [
        Outcome(a, False, t("reminders.bad_address", lang))
        for a in reminder.recipients
        if a not in good
    ]
    if not good:
        return bad
    try:
        message = EmailMessage()
        message["From"] = settings.sender
        message["To"] = ", ".join(good)
        message["Subject"] = subject(reminder, lang)
        message.set_content(body(reminder, lang, settings.app_url))
        refused = server.send_message(message)
    except smtplib.SMTPRecipientsRefused as error:
        refused = error.recipients
    except (smtplib.SMTPException, ValueError) as error:  # ValueError: a header it refuses
        return [Outcome(address, False, _reason(error)) for address in good] + bad
    sent = [
        Outcome(address, False, _refusal(refused[address]))
        if address in refused
        else Outcome(address, True)
        for address in good
    ]
    return sent + bad


def _refusal(answer: tuple[int, bytes]) -> str:
    code, text = answer
    return f"{code} {text.decode(errors='replace')}"


def _reason(error: BaseException) -> str:
    if isinstance(error, smtplib.SMTPResponseException):
        reason = error.smtp_error
        text = reason.decode(errors="replace") if isinstance(reason, bytes) else reason
        return f"{error.smtp_code} {text}"
    return str(error) or type(error).__name__
