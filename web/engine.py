"""The one database engine the HTTP routes use: the same URL as the script's."""

from __future__ import annotations

from functools import cache

from sqlalchemy import Engine

from tracker import db


@cache
def engine() -> Engine:
    return db.make_engine(db.database_url())
