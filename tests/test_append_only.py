"""Status updates are append-only: the ORM refuses changes, the database triggers
refuse them (SQLite and PostgreSQL), and no tracker code tries."""

from __future__ import annotations

import ast
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import delete, func, select, text, update
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from tests.factories import World, add_status
from tracker.db import AppendOnlyError
from tracker.models import StatusUpdate
from tracker.vocab import Status

ROOT = Path(__file__).resolve().parent.parent


def stored(session: Session) -> list[tuple[int, int | None, str]]:
    rows = session.execute(
        select(StatusUpdate.id, StatusUpdate.progress, StatusUpdate.comment).order_by(
            StatusUpdate.id
        )
    )
    return [tuple(row) for row in rows]  # type: ignore[misc]


def first_update(session: Session) -> StatusUpdate:
    row = session.scalars(select(StatusUpdate).order_by(StatusUpdate.id).limit(1)).one()
    return row


# --- the ORM ------------------------------------------------------------------------------


def test_orm_update_refused(session: Session, world: World) -> None:
    before = stored(session)
    row = first_update(session)
    row.progress = 99
    with pytest.raises(AppendOnlyError):
        session.flush()
    session.rollback()
    assert stored(session) == before


def test_orm_delete_refused(session: Session, world: World) -> None:
    before = stored(session)
    session.delete(first_update(session))
    with pytest.raises(AppendOnlyError):
        session.commit()
    session.rollback()
    assert stored(session) == before


def test_appending_is_allowed(session: Session, world: World) -> None:
    count = len(stored(session))
    add_status(
        session,
        world.measures["2.1"],
        "2025-Q3",
        Status.IN_PROGRESS,
        15,
        reported_at=datetime(2025, 8, 1, tzinfo=UTC),
    )
    session.commit()
    assert len(stored(session)) == count + 1


# --- the database --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE status_update SET progress = 0",
        "UPDATE status_update SET comment = 'endret' WHERE id = 1",
        "DELETE FROM status_update",
        "DELETE FROM status_update WHERE id = 1",
    ],
)
def test_raw_sql_refused_by_the_database(session: Session, world: World, statement: str) -> None:
    before = stored(session)
    with pytest.raises(DBAPIError, match="append-only"):
        session.execute(text(statement))
    session.rollback()
    assert stored(session) == before


@pytest.mark.parametrize("verb", ["update", "delete"])
def test_bulk_orm_statements_refused_by_the_database(
    session: Session, world: World, verb: str
) -> None:
    # Bulk statements skip the ORM's flush hook; the trigger still says no.
    before = stored(session)
    statement = (
        update(StatusUpdate).values(progress=0) if verb == "update" else delete(StatusUpdate)
    )
    with pytest.raises(DBAPIError, match="append-only"):
        session.execute(statement)
    session.rollback()
    assert stored(session) == before
    assert session.scalar(select(func.count(StatusUpdate.id))) == len(before)


# --- the source code ------------------------------------------------------------------------

_RAW_SQL = re.compile(r"\b(update|delete\s+from)\s+[\"'`]?status_update\b", re.IGNORECASE)


def _mentions_status_update(node: ast.AST) -> bool:
    for child in ast.walk(node):
        if isinstance(child, ast.Name) and child.id == "StatusUpdate":
            return True
        if isinstance(child, ast.Attribute) and child.attr == "StatusUpdate":
            return True
        if isinstance(child, ast.Constant) and child.value == "status_update":
            return True
    return False


def _names(target: ast.AST) -> set[str]:
    return {n.id for n in ast.walk(target) if isinstance(n, ast.Name)}


def _status_update_names(scope: ast.AST) -> set[str]:
    """Names bound (in this scope) to something built from StatusUpdate."""
    names: set[str] = set()
    for node in ast.walk(scope):
        if isinstance(node, ast.Assign) and _mentions_status_update(node.value):
            for target in node.targets:
                names |= _names(target)
        elif isinstance(node, ast.AnnAssign | ast.NamedExpr) and node.value is not None:
            if _mentions_status_update(node.value) or _mentions_status_update(
                getattr(node, "annotation", ast.Constant(None))
            ):
                names |= _names(node.target)
        elif isinstance(node, ast.For | ast.comprehension) and _mentions_status_update(node.iter):
            names |= _names(node.target)
    return names


def append_only_violations(source: str, filename: str = "<source>") -> list[str]:
    """Places where code would update or delete status updates."""
    tree = ast.parse(source, filename=filename)
    found: list[str] = []
    scopes = [tree] + [
        n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)
    ]
    for scope in scopes:
        rows = _status_update_names(scope)
        for node in ast.walk(scope):
            if isinstance(node, ast.Call):
                found += _check_call(node, rows, filename)
    texts = [n for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)]
    found += [
        f"{filename}:{n.lineno}: raw SQL on status_update"
        for n in texts
        if _RAW_SQL.search(n.value)
    ]
    return sorted(set(found))


def _check_call(node: ast.Call, rows: set[str], filename: str) -> list[str]:
    func = node.func
    name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
    if name not in ("update", "delete"):
        return []
    target = [*node.args, *(k.value for k in node.keywords)]
    if isinstance(func, ast.Attribute):
        target.append(func.value)  # session.query(StatusUpdate).delete(), __table__...
    if any(_mentions_status_update(t) for t in target):
        return [f"{filename}:{node.lineno}: {name}() on StatusUpdate"]
    if name == "delete" and any(isinstance(a, ast.Name) and a.id in rows for a in node.args):
        return [f"{filename}:{node.lineno}: session.delete() of a status update"]
    return []


def tracker_sources() -> list[Path]:
    return sorted((ROOT / "tracker").rglob("*.py"))


def test_there_is_tracker_code_to_check() -> None:
    names = {path.name for path in tracker_sources()}
    assert {"status.py", "db.py", "models.py"} <= names


@pytest.mark.parametrize(
    "path", tracker_sources(), ids=lambda p: str(p.relative_to(ROOT / "tracker"))
)
def test_no_tracker_code_changes_status_updates(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    assert append_only_violations(source, str(path.relative_to(ROOT))) == []


@pytest.mark.parametrize(
    "snippet",
    [
        "session.execute(update(StatusUpdate).values(progress=0))",
        "session.execute(sa.delete(StatusUpdate).where(StatusUpdate.id == 1))",
        "session.execute(models.StatusUpdate.__table__.delete())",
        "session.query(StatusUpdate).filter_by(id=1).update({'progress': 1})",
        "session.query(StatusUpdate).delete()",
        "row = session.get(StatusUpdate, 1)\nsession.delete(row)",
        "def f(s):\n    for r in s.scalars(select(StatusUpdate)):\n        s.delete(r)",
        "def f(s):\n    row: StatusUpdate = load()\n    s.delete(row)",
        "session.execute(text('UPDATE status_update SET progress = 1'))",
        "connection.exec_driver_sql('delete from status_update where id = 3')",
    ],
)
def test_the_checker_catches(snippet: str) -> None:
    assert append_only_violations(snippet) != []


@pytest.mark.parametrize(
    "snippet",
    [
        "session.execute(update(Measure).values(version=Measure.version + 1))",
        "found = session.scalar(select(ClosedPeriod))\nsession.delete(found)",
        "n = count(StatusUpdate.id)\ndef f(s, item):\n    s.delete(item)",
        "values.update({'a': 1})",
        "session.add(StatusUpdate(progress=1))\nparams.update(x=1)",
        "TRIGGER = 'CREATE TRIGGER t BEFORE UPDATE ON status_update'",
    ],
)
def test_the_checker_lets_through(snippet: str) -> None:
    assert append_only_violations(snippet) == []
