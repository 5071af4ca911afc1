"""The command line: `python -m tracker …`. Every command prints a clear error in
the chosen language and exits non-zero on failure."""

from __future__ import annotations

import errno
import sqlite3
import sys
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import Any

import click
from sqlalchemy import make_url
from sqlalchemy.exc import ArgumentError, OperationalError
from sqlalchemy.orm import Session

from tracker import db, i18n, settings
from tracker.errors import Problem, Term, TrackerError, ValidationError
from tracker.quarters import Quarter
from tracker.reports.render import Format
from tracker.service.principal import SYSTEM
from tracker.vocab import Role

LANG_OPTION = click.option(
    "--lang",
    type=click.Choice(i18n.LANGUAGES),
    default=lambda: settings.LANG.read(),
    help="Language of messages (nb or en).",
)


class Context:
    def __init__(self, lang: str) -> None:
        self.lang = lang

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        engine = db.make_engine()
        if not db.schema_ready(engine):
            db.migrate(engine)
        try:
            with db.transaction(engine) as session:
                yield session
        finally:
            engine.dispose()

    def fail(self, error: TrackerError) -> None:
        click.echo(error.text(self.lang), err=True)
        raise SystemExit(1)


OS_REASONS = {
    errno.ENOENT: "cli.os.missing",
    errno.ENOTDIR: "cli.os.missing",
    errno.EACCES: "cli.os.denied",
    errno.EPERM: "cli.os.denied",
    errno.EROFS: "cli.os.denied",
    errno.ENOSPC: "cli.os.full",
}


DATABASE_ERRORS: tuple[type[Exception], ...] = (*db.WRITE_REFUSALS, ArgumentError)
"""What the database (or its URL) refuses: one line in the user's words, no traceback."""


def file_failed(error: OSError, lang: str, path: object = None) -> str:
    """An OSError as one line in the user's language (the system's own is English).
    path: the command's file, for errors that do not name theirs (openpyxl's)."""
    key = OS_REASONS.get(error.errno or 0, "cli.os.other")
    if error.errno is None and isinstance(error, FileNotFoundError | NotADirectoryError):
        key = "cli.os.missing"
    elif error.errno is None and isinstance(error, PermissionError):
        key = "cli.os.denied"
    elif error.errno is None and path is not None and not Path(str(path)).parent.is_dir():
        key = "cli.os.missing"  # pandas says so in English, with no errno
    reason = i18n.t(key, lang, code=error.errno or "?")
    shown = error.filename or path or "?"
    return i18n.t("cli.file_failed", lang, path=str(shown), reason=reason)


def database_failed(error: Exception, lang: str) -> str:
    """A database that is not there, a URL that is none, or a write refused, as one
    line in the user's language (the driver's own message is English, and may hold
    SQL)."""
    if isinstance(error, ArgumentError):
        return i18n.t("cli.database_url_invalid", lang)
    if isinstance(error, OperationalError):
        url = make_url(db.database_url()).render_as_string(hide_password=True)
        return i18n.t("cli.database_unavailable", lang, url=url)
    return db.refusal(error).text(lang)


def handles_errors(func: Callable[..., Any]) -> Callable[..., Any]:
    """Turn a TrackerError, a file's OSError or a database's refusal into a message
    in the user's language and exit 1."""

    def wrapper(ctx: Context, *args: Any, **kwargs: Any) -> Any:
        try:
            return func(ctx, *args, **kwargs)
        except TrackerError as error:
            ctx.fail(error)
        except OSError as error:  # a file to write or read: say so in the user's words
            path = kwargs.get("output") or kwargs.get("target") or kwargs.get("path")
            click.echo(file_failed(error, ctx.lang, path), err=True)
            raise SystemExit(1) from None
        except DATABASE_ERRORS as error:  # rolled back, if begun
            click.echo(database_failed(error, ctx.lang), err=True)
            raise SystemExit(1) from None

    wrapper.__name__ = func.__name__
    wrapper.__doc__ = func.__doc__
    return click.pass_obj(wrapper)


@click.group()
@LANG_OPTION
@click.pass_context
def main(click_ctx: click.Context, lang: str) -> None:
    """Næringsplan-tracker. The database is TRACKER_DATABASE_URL, else data/tracker.db."""
    click_ctx.obj = Context(lang)


@main.command()
@handles_errors
def init(ctx: Context) -> None:
    """Create or upgrade the database schema (safe to run again)."""
    from tracker.reports.final import freeze_missing
    from tracker.service.setup import needs_first_admin

    engine = db.make_engine()
    db.migrate(engine)
    with db.transaction(engine) as session:  # quarters closed before summaries were kept
        freeze_missing(session)
        fresh = needs_first_admin(session)
    click.echo(f"OK: {engine.url.render_as_string(hide_password=True)}")
    if fresh:
        click.echo(i18n.t("setup.cli_hint"))


@main.command()
@handles_errors
def demo(ctx: Context) -> None:
    """Load the Senja demo (seed plan, example measures, history, demo users) if the
    database has no plan yet, and print the demo accounts."""
    from tracker.demo.seed import demo_accounts, load_demo

    with ctx.transaction() as session:
        summary = load_demo(session)
    if summary.measures:
        click.echo(f"Demo: {summary.measures} tiltak, {summary.reports} statusrapporter.")
    else:
        click.echo("Demo: databasen har allerede en plan; ingenting endret.")
    click.echo("Demokontoer (bare for demo):")
    for username, password, role, actor in demo_accounts():
        click.echo(f"  {username:<16} {password:<24} {role:<7} {actor or ''}")


@main.command("import")
@click.argument("path", type=click.Path(path_type=Path))  # a missing file: the importer's message
@click.option("--dry-run", is_flag=True, help="Show what would change; change nothing.")
@click.option(
    "--plan",
    "plan_name",
    help="The plan to import into (default: the only one); a new name creates the plan.",
)
@click.option("--period", help="A new plan's years, e.g. 2024-2028 (default: from its name).")
@click.option("--sheet", help="The sheet that holds the measures (default: found by its headers).")
@click.option(
    "--column",
    "column_options",
    multiple=True,
    help='A column\'s meaning, "Header=field", the field by key or name (e.g. "Ansvar=lead", '
    '"Merknad=Beskrivelse"; "Ansvar=" ignores it).',
)
@handles_errors
def import_command(
    ctx: Context,
    path: Path,
    dry_run: bool,
    plan_name: str | None,
    period: str | None,
    sheet: str | None,
    column_options: tuple[str, ...],
) -> None:
    """Import a plan file (.xlsx, .csv, or a folder of .csv files)."""
    from tracker.planfile.importer import import_path
    from tracker.planfile.layout import column_choices, layout_lines, preview_lines

    columns = field_keys(column_choices(column_options))
    with ctx.transaction() as session:
        result = import_path(
            session,
            user=SYSTEM,
            path=path,
            plan=plan_name,
            dry_run=dry_run,
            period=period,
            sheet=sheet,
            columns=columns,
        )
    if dry_run:
        read = layout_lines(result.layouts, ctx.lang)
        for line in read + preview_lines(result.preview, ctx.lang):
            click.echo(line)
    for notice in result.notices:
        click.echo(notice.text(ctx.lang), err=True)
    if not result.ok:
        for problem in result.problems:
            click.echo(problem.text(ctx.lang), err=True)
        raise SystemExit(1)
    for change in result.changes:
        click.echo(change.text(ctx.lang))
    if not result.changes:
        click.echo(i18n.t("import.no_changes", ctx.lang))
    if dry_run:
        click.echo(i18n.t("cli.dry_run", ctx.lang))


def field_keys(columns: dict[str, str] | None) -> dict[str, str] | None:
    """--column's fields as keys: a field may be named by its key or its label in
    any language («Merknad=Beskrivelse», «Merknad=description»), any case.

    Raises ValidationError for a field that is neither, listing the labels.
    """
    from tracker.planfile.sheets import FIELD_KEYS

    if not columns:
        return None
    names = {key.casefold(): key for key in FIELD_KEYS}
    for key in FIELD_KEYS:
        for lang in i18n.LANGUAGES:
            names.setdefault(i18n.t(f"importfield.{key}", lang).casefold(), key)
    for field in columns.values():
        if field and field.casefold() not in names:
            labels = tuple(Term(f"importfield.{key}") for key in FIELD_KEYS)
            problem = Problem("import.unknown_field", {"field": field, "choices": labels})
            raise ValidationError(problem)
    return {header: names[field.casefold()] if field else "" for header, field in columns.items()}


@main.command("export")
@click.option("-o", "--output", required=True, type=click.Path(path_type=Path))
@click.option("--plan", "plan_name", help="The plan to export (default: the only one).")
@handles_errors
def export_command(ctx: Context, output: Path, plan_name: str | None) -> None:
    """Export the plan to .xlsx (every sheet) or .csv (the measures)."""
    from tracker.planfile.export import export_plan
    from tracker.service.structure import get_plan

    if output.suffix.lower() not in (".xlsx", ".csv"):
        raise click.BadParameter(i18n.t("cli.export_suffix", ctx.lang), param_hint="-o")
    with ctx.transaction() as session:
        export_plan(session, get_plan(session, plan_name).id, output)
    click.echo(i18n.t("cli.exported", ctx.lang, path=str(output)))


@main.command("summary")
@click.option("-o", "--output", required=True, type=click.Path(path_type=Path))
@click.option("--quarter", help="e.g. 2025-Q3 (default: the last finished quarter).")
@click.option(
    "--format", "fmt", help="xlsx, pdf, docx, csv or csv-plain (default: from the file name)."
)
@click.option("--plan", "plan_name", help="The plan (default: the only one).")
@click.option("--by", "produced_by", help="Who produced it, for the cover (default: $USER).")
@handles_errors
def summary_command(
    ctx: Context,
    output: Path,
    quarter: str | None,
    fmt: str | None,
    plan_name: str | None,
    produced_by: str | None,
) -> None:
    """Write the quarterly summary for the council (usable from cron)."""
    from tracker.reports import build_summary, render
    from tracker.reports.final import final_file
    from tracker.service.structure import get_plan

    period = _quarter_option(ctx, quarter)
    chosen = _format_option(ctx, fmt, output)
    by = produced_by or settings.USER.read()
    with ctx.transaction() as session:  # a closed quarter: its stored final report
        plan_id = get_plan(session, plan_name).id
        content = final_file(session, plan_id=plan_id, quarter=period, fmt=chosen, lang=ctx.lang)
        if content is None:
            summary = build_summary(session, plan_id=plan_id, quarter=period, produced_by=by)
            content = render(summary, chosen, ctx.lang)
    output.write_bytes(content)
    click.echo(i18n.t("cli.summary_written", ctx.lang, quarter=str(period), path=str(output)))


def _quarter_option(ctx: Context, value: str | None) -> Quarter:
    if value is None:
        return Quarter.last_finished()
    try:
        return Quarter.parse(value)
    except ValueError:
        message = i18n.t("cli.summary_bad_quarter", ctx.lang, value=value)
        raise click.BadParameter(message, param_hint="--quarter") from None


def _format_option(ctx: Context, value: str | None, output: Path) -> Format:
    text = (value or output.suffix.lstrip(".")).lower()
    try:
        return Format(text)
    except ValueError:
        choices = ", ".join(f.value for f in Format)
        message = i18n.t("cli.summary_bad_format", ctx.lang, value=text, choices=choices)
        raise click.BadParameter(message, param_hint="--format") from None


@main.command("calendar")
@click.option("-o", "--output", required=True, type=click.Path(path_type=Path))
@click.option("--actor", "actor_name", help="Only this actor's events.")
@click.option("--theme", "theme_code", help="Only the events of this theme (its code).")
@click.option("--plan", "plan_name", help="The plan (default: the only one).")
@handles_errors
def calendar_command(
    ctx: Context,
    output: Path,
    actor_name: str | None,
    theme_code: str | None,
    plan_name: str | None,
) -> None:
    """Write the annual wheel as a calendar feed (.ics): everything (with the plan's
    reporting deadlines), or one actor's or one theme's events."""
    from tracker.service.calendar_feeds import FeedScope, feed_file
    from tracker.service.structure import find_actor, get_plan, list_themes

    with ctx.transaction() as session:
        plan_id = get_plan(session, plan_name).id
        scope = FeedScope(plan_id=plan_id)
        if actor_name:
            scope = FeedScope(actor_id=find_actor(session, actor_name).id)
        elif theme_code:
            themes = list_themes(session, plan_id)
            match = themes[themes["code"].astype(str) == theme_code]
            if match.empty:
                message = i18n.t("wheel.theme_unknown", ctx.lang)
                raise click.BadParameter(message, param_hint="--theme")
            scope = FeedScope(theme_id=int(match["id"].iloc[0]))
        content = feed_file(session, scope=scope, lang=ctx.lang)
    output.write_bytes(content)
    count = content.count(b"BEGIN:VEVENT")
    click.echo(i18n.tn("wheel.ics_written", count, ctx.lang, path=str(output)))


@main.group()
def user() -> None:
    """Manage user accounts."""


@user.command("add")
@click.argument("username")
@click.option("--role", required=True, type=click.Choice([role.value for role in Role]))
@click.option("--actor", "actor_name", help="The actor (name or short name) for role actor.")
@click.option("--name", "display_name", default="", help="Display name.")
@click.option("--email", default=None, help="E-mail, for single sign-on.")
@click.option(
    "--sso-only", is_flag=True, help="No local password: the user logs in with single sign-on."
)
@handles_errors
def user_add(
    ctx: Context,
    username: str,
    role: str,
    actor_name: str | None,
    display_name: str,
    email: str | None,
    sso_only: bool,
) -> None:
    """Add a user; the password comes from a prompt, or from standard input."""
    from tracker.service.structure import find_actor
    from tracker.service.users import create_user

    if sso_only and not email:
        raise click.UsageError(i18n.t("cli.sso_needs_email", ctx.lang))
    password = None if sso_only else _read_password(ctx)
    with ctx.transaction() as session:
        actor_id = find_actor(session, actor_name).id if actor_name else None
        create_user(
            session,
            user=SYSTEM,
            username=username,
            role=role,
            password=password,
            display_name=display_name,
            actor_id=actor_id,
            email=email,
        )
    click.echo(i18n.t("cli.user_added", ctx.lang, name=username.strip().lower()))


@user.command("passwd")
@click.argument("username")
@handles_errors
def user_passwd(ctx: Context, username: str) -> None:
    """Set a user's password (also unlocks the account)."""
    from tracker.service.users import set_password

    password = _read_password(ctx)
    with ctx.transaction() as session:
        set_password(session, user=SYSTEM, username=username, password=password)
    click.echo(i18n.t("cli.password_set", ctx.lang, name=username))


@user.command("list")
@handles_errors
def user_list(ctx: Context) -> None:
    """List the user accounts."""
    from tracker.service.users import list_users

    with ctx.transaction() as session:
        users = list_users(session)
    for row in users.to_dict("records"):
        active = "" if row["active"] else f" ({i18n.t('cli.inactive', ctx.lang)})"
        name = row["actor_name"] or ""
        click.echo(f"{row['username']:<20} {row['role']:<7} {name:<30}{active}")


def _read_password(ctx: Context) -> str:
    if sys.stdin.isatty():
        return click.prompt(
            i18n.t("cli.password_prompt", ctx.lang), hide_input=True, confirmation_prompt=True
        )
    return sys.stdin.readline().rstrip("\r\n")


@main.command("close-quarter")
@click.argument("quarter")
@click.option("--plan", "plan_name")
@click.option("--reopen", is_flag=True, help="Reopen a closed quarter instead.")
@handles_errors
def close_quarter_command(ctx: Context, quarter: str, plan_name: str | None, reopen: bool) -> None:
    """Close a finished quarter (e.g. 2025-Q3): reports for it are refused after."""
    from tracker.service.quarter_closing import close_quarter, reopen_quarter
    from tracker.service.structure import get_plan

    try:
        period = Quarter.parse(quarter)
    except ValueError:
        raise click.BadParameter(
            i18n.t("report.period_invalid", ctx.lang, period=quarter), param_hint="QUARTER"
        ) from None
    with ctx.transaction() as session:
        plan_id = get_plan(session, plan_name).id
        action = reopen_quarter if reopen else close_quarter
        action(session, user=SYSTEM, plan_id=plan_id, period=period)
    key = "cli.reopened" if reopen else "cli.closed"
    click.echo(i18n.t(key, ctx.lang, period=str(period)))


@main.command()
@click.argument("target", type=click.Path(path_type=Path))
@click.pass_obj
def backup(ctx: Context, target: Path) -> None:
    """Copy the SQLite database to TARGET while the app runs (online backup)."""
    engine = db.make_engine()
    if engine.url.get_backend_name() != "sqlite":
        click.echo(i18n.t("cli.backup_postgres", ctx.lang), err=True)
        raise SystemExit(1)
    database = engine.url.database or ""
    if not Path(database).is_file():  # sqlite3.connect would create an empty one
        click.echo(i18n.t("cli.backup_no_database", ctx.lang, path=database), err=True)
        raise SystemExit(1)
    if _same_file(target, database):  # the copy would overwrite what it copies
        click.echo(i18n.t("cli.backup_onto_itself", ctx.lang, path=str(target)), err=True)
        raise SystemExit(1)
    try:
        _copy_sqlite(database, target)
    except (sqlite3.Error, OSError) as error:
        message = i18n.t("cli.backup_failed", ctx.lang, path=str(target), error=str(error))
        click.echo(message, err=True)
        raise SystemExit(1) from None
    click.echo(i18n.t("cli.backup_done", ctx.lang, path=str(target)))


def _same_file(target: Path, database: str) -> bool:
    """True when target is the database, its -wal or -shm file, or a link to one."""
    live = Path(database).resolve()
    own = {live, *(live.with_name(live.name + suffix) for suffix in ("-wal", "-shm", "-journal"))}
    return target.resolve() in own


def _copy_sqlite(source: str, target: Path) -> None:
    with closing(sqlite3.connect(source)) as db_from, closing(sqlite3.connect(target)) as db_to:
        db_from.backup(db_to)
