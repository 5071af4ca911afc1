"""Actors in a plan file: the Aktører sheet (checked as the admin form checks an
actor), and the names in a measure's or event's actor columns, found among the
known actors or made new ones; a cell may list several («Kupa, NAV og Vekst»)."""

from __future__ import annotations

from tracker.cleaning import clean_text
from tracker.models import Actor
from tracker.planfile.checks import actor_problems
from tracker.planfile.read import normalise
from tracker.planfile.run import ImportRun
from tracker.planfile.sheets import ACTORS
from tracker.planfile.values import parse_actor_kind, split_names
from tracker.service.edits import REQUIRED
from tracker.vocab import ActorKind


def parse_actors(run: ImportRun) -> None:
    """The Aktører sheet, checked as the admin form checks an actor (admin.
    actor_fields, check_actor_names) against every other actor, the file's too."""
    rows = []
    for row, values in run.rows(ACTORS):
        name, short = (
            clean_text(values.get("name", "")),
            clean_text(values.get("short_name", "")),
        )
        actor = run.actors.find(name) or Actor()
        if id(actor) in run.actor_values:
            run.problem("import.duplicate", row, "name", value=name)
            continue
        wanted = {
            "name": values.get("name", ""),
            "short_name": values.get("short_name", ""),
            "kind": actor_kind(run, values.get("kind", ""), row),
            "contact": values.get("contact", ""),
        }
        run.actor_values[id(actor)] = {"name": name, "short_name": short}
        run.actors.add(actor, name, short)
        rows.append((row, actor, wanted))
    taken = actor_names(run)
    position = {id(actor): n for n, actor in enumerate(run.actors.items)}
    for row, actor, wanted in rows:
        cleaned, problems = actor_problems(wanted, taken, position[id(actor)])
        run.refuse(problems, row)
        run.actor_values[id(actor)] = cleaned


def actor_names(run: ImportRun) -> dict[str, list[tuple[int, str]]]:
    """Every actor's name and short name (casefolded) -> [(its position, its
    name)], as the import leaves them: the file's values, else the stored ones."""
    taken: dict[str, list[tuple[int, str]]] = {}
    for position, actor in enumerate(run.actors.items):
        values = run.actor_values.get(id(actor)) or {
            "name": actor.name,
            "short_name": actor.short_name or "",
        }
        for key in {values["name"].casefold(), values["short_name"].casefold()} - {""}:
            taken.setdefault(key, []).append((position, values["name"]))
    return taken


def actor_kind(run: ImportRun, text: str, row: int) -> ActorKind | None:
    if not text.strip():
        return None
    try:
        return parse_actor_kind(text)
    except ValueError:
        run.problem("import.bad_kind", row, "kind", value=text)
        return None


def leads(run: ImportRun, rows: list[tuple[int, dict[str, str]]]) -> dict[int, Actor | None]:
    """Every measure row's lead, before any row's partners, so that no row's order
    changes what a cell means: names alone first, then cells that may be lists
    («Kupa og NAV»), each split on the names known after the names alone."""
    cells = {row: values.get("lead", "") for row, values in rows}
    run.known = tuple(run.actors.spelling.values())
    lists = {row: cell for row, cell in cells.items() if len(names(run, cell)) > 1}
    found = {
        row: find_one_actor(run, cell, row, "lead", required=True)
        for row, cell in cells.items()
        if row not in lists
    }
    run.known = tuple(run.actors.spelling.values())
    listed = {row: is_list(run, cell) for row, cell in lists.items()}
    for row, cell in lists.items():
        found[row] = find_one_actor(run, cell, row, "lead", True, listed[row])
    return found


def find_one_actor(
    run: ImportRun,
    name: str,
    row: int,
    column: str,
    required: bool = False,
    listed: bool | None = None,
) -> Actor | None:
    """The actor of a column that takes one: a cell with a list in it ('Kupa;Kupa',
    'Kupa; NAV') is refused, not made a new actor of that name. listed: whether
    the cell is a list, when the caller decided it (leads)."""
    parts = names(run, name)
    if listed is None:
        listed = is_list(run, name)
    if len(parts) < 2 or not listed:
        return find_or_new_actor(run, name, row, column, required)
    if len({normalise(p) for p in parts}) == 1:
        known = run.actors.find(parts[0])
        near = known.name if known is not None and known.name else parts[0]
        run.problem("import.one_actor_repeated", row, column, value=name.strip(), near=near)
    else:
        run.problem("import.one_actor", row, column, value=name.strip())
    return None


def find_or_new_actor(
    run: ImportRun, name: str, row: int, column: str, required: bool = False
) -> Actor | None:
    """A known actor, or a new one of that name; None with the row's problem (a name
    missing, too long, or a near miss of a known one)."""
    name = clean_text(name)
    if not name:
        if required:
            run.problem(REQUIRED, row, column)
        return None
    found = run.actors.find(name)
    if found is not None:
        return found
    if (near := run.actors.near_miss(name)) is not None:
        run.problem("import.near_miss", row, column, value=name, near=near)
        return None
    if not run.fits(name, Actor.name, row, column):
        return None
    actor = Actor()
    run.actor_values[id(actor)] = {
        "name": name.strip(),
        "short_name": "",
        "kind": None,
        "contact": "",
    }
    run.actors.add(actor, name)
    return actor


def names(run: ImportRun, text: str) -> list[str]:
    """A list of actors; a whole cell naming one known actor is that one, even if
    the name has a comma in it. Known: the names known when the measures' leads
    (then partners) began to be read, so that no row changes another's split."""
    return split_names(text, run.actors.spelling.values() if run.known is None else run.known)


def is_list(run: ImportRun, name: str) -> bool:
    """A cell of a one-actor column names several: split hard, or all known."""
    parts = names(run, name)
    return ";" in name or "\n" in name or all(run.actors.find(p) for p in parts)


def actor_name(run: ImportRun, actor: Actor) -> str:
    """An actor's name as the import leaves it: the file's, else the stored one."""
    return (run.actor_values.get(id(actor)) or {}).get("name") or actor.name
