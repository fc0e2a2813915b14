"""The bulk write statements, shared by the repositories and the write-behind queue.

Upserts and duplicate-skipping inserts use ``INSERT ... ON CONFLICT``, which SQLite and
PostgreSQL both have. Each statement is built once (per dialect) and run executemany-style with a
list of column dicts, so SQLAlchemy compiles it once.
"""

from __future__ import annotations

import functools

from sqlalchemy import Table, bindparam, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.sql import Executable

from ocppkit.storage.tables import Base, StationRow


def table(orm: type[Base]) -> Table:
    """The Core table of a model."""
    found = orm.__table__
    assert isinstance(found, Table)
    return found


def _insert(dialect: str, target: Table) -> sqlite.Insert | postgresql.Insert:
    """The dialect's INSERT, which has ON CONFLICT."""
    if dialect == "sqlite":
        return sqlite.insert(target)
    if dialect == "postgresql":
        return postgresql.insert(target)
    raise KeyError(f"no INSERT ... ON CONFLICT for the {dialect!r} dialect")


@functools.cache
def insert(orm: type[Base]) -> Executable:
    """A plain INSERT."""
    return table(orm).insert()


@functools.cache
def upsert(dialect: str, orm: type[Base], keep: tuple[str, ...] = ()) -> Executable:
    """INSERT ... ON CONFLICT (primary key) DO UPDATE every column but the key and ``keep``."""
    target = table(orm)
    stmt = _insert(dialect, target)
    key = [c.name for c in target.primary_key.columns]
    changed = {
        c.name: stmt.excluded[c.name]
        for c in target.columns
        if c.name not in key and c.name not in keep
    }
    return stmt.on_conflict_do_update(index_elements=key, set_=changed)


@functools.cache
def insert_ignoring(dialect: str, orm: type[Base], unique: tuple[str, ...]) -> Executable:
    """INSERT ... ON CONFLICT (``unique``) DO NOTHING."""
    return _insert(dialect, table(orm)).on_conflict_do_nothing(index_elements=list(unique))


@functools.cache
def set_last_seen() -> Executable:
    """UPDATE stations SET last_seen; parameters ``station`` and ``seen``."""
    stations = table(StationRow)
    return (
        update(stations)
        .where(stations.c.id == bindparam("station"))
        .values(last_seen=bindparam("seen"))
    )
