"""Raw-driver writes for the write-behind queue: SQL text built once per dialect and table, rows
as plain lists, one statement per table and batch on the driver's own connection.

Through SQLAlchemy an executemany costs, per row, a parameter dict, an execution-context pass and
a bind processor per column, all Python: ~40 us a row, four rows per TransactionEvent, paid under
the GIL the CSMS's loop needs. Here a row is one ``attrgetter`` call (C) plus the few conversions
the driver cannot do itself. The tables, their column types and the migrations stay SQLAlchemy's;
only the statement text and the parameters bypass it.

A batch's rows of one table go in one statement, not one execution per row: on SQLite a
multi-row ``VALUES`` (one statement per ``SQLITE_CHUNK`` rows; the SQL text per row count is
cached, and so is sqlite3's prepared statement), on PostgreSQL ``INSERT ... SELECT * FROM
unnest($1::type[], ...)`` with one array per column (one prepared statement whatever the count,
one executor run in the server). An executemany would release and retake the GIL around every
row on SQLite, and cost the PostgreSQL server an executor start per row.

Driver values, per dialect, matching what SQLAlchemy's own types store (reads go through it):
  - ``UTCDateTime``: PostgreSQL takes the aware datetime (timestamptz); SQLite stores naive UTC
    text in SQLAlchemy's format, ``YYYY-MM-DD HH:MM:SS.ffffff``, so ordering and reading agree.
  - ``JSONDocument``: JSON text (SQLAlchemy's asyncpg codec for jsonb takes text as well).
"""

from __future__ import annotations

import functools
import json
import operator
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, Column, Table
from sqlalchemy.dialects import postgresql

from ocppkit.storage.tables import Base
from ocppkit.storage.types import UTCDateTime

Row = list[Any]


SQLITE_CHUNK = 200  # rows per multi-row INSERT (x columns stays far below SQLite's 32766 variables)


@dataclass(frozen=True, slots=True)
class RawStatement:
    """One table's write: SQL pieces for the driver and the function that makes its rows.

    Either a multi-row insert (``head`` + rows + ``tail``) or, with ``many``, one statement run
    executemany-style (``head`` is the whole statement).
    """

    dialect: str
    head: str
    tail: str
    width: int
    row: Callable[[Any], Row]  # a record (attributes named as the columns) -> driver values
    many: bool = False

    def run_sqlite(self, cursor: Any, rows: list[Row]) -> None:
        """Write ``rows`` through a sqlite3 cursor (in the caller's transaction)."""
        if self.many:
            cursor.executemany(self.head, rows)
            return
        for start in range(0, len(rows), SQLITE_CHUNK):
            chunk = rows[start:start + SQLITE_CHUNK]
            cursor.execute(self._sqlite_sql(len(chunk)), [v for row in chunk for v in row])

    async def run_postgres(self, connection: Any, rows: list[Row]) -> None:
        """Write ``rows`` through an asyncpg connection (in the caller's transaction)."""
        if self.many:
            await connection.executemany(self.head, rows)
        else:
            await connection.execute(self.head + self.tail, *zip(*rows, strict=True))

    def _sqlite_sql(self, count: int) -> str:
        return _sqlite_sql(self.head, self.tail, self.width, count)


@functools.lru_cache(maxsize=1024)
def _sqlite_sql(head: str, tail: str, width: int, count: int) -> str:
    one = "(" + ", ".join("?" * width) + ")"
    return f"{head} VALUES {', '.join([one] * count)}{tail}"


def sqlite_time(value: datetime | None) -> str | None:
    """An aware datetime as SQLAlchemy's SQLite DATETIME text (naive UTC, microseconds).

    Raises:
        ValueError: a naive datetime (its zone would be a guess), as ``UTCDateTime`` does.
    """
    if value is None:
        return None
    text = _SQLITE_TIMES.get(value)  # a station's event and its meter values share timestamps
    if text is None:
        zone = value.tzinfo
        if zone is not UTC:
            if zone is None:
                raise ValueError(f"naive datetime {value!r}: storage takes aware UTC datetimes")
            value = value.astimezone(UTC)
        text = value.isoformat(" ", "microseconds")[:26]  # drop the "+00:00"
        if len(_SQLITE_TIMES) >= 4096:
            _SQLITE_TIMES.clear()
        _SQLITE_TIMES[value] = text
    return text


_SQLITE_TIMES: dict[datetime, str] = {}  # recent datetimes (compared as instants) -> text


def postgres_time(value: datetime | None) -> datetime | None:
    """An aware datetime as is (asyncpg encodes timestamptz itself).

    Raises:
        ValueError: a naive datetime, as ``UTCDateTime`` does.
    """
    if value is not None and value.tzinfo is None:
        raise ValueError(f"naive datetime {value!r}: storage takes aware UTC datetimes")
    return value


def json_text(value: Any) -> str | None:
    """A JSON value as text (text given is taken to be JSON already)."""
    if value is None or isinstance(value, str):
        return value
    return json.dumps(value)


_TIME = {"sqlite": sqlite_time, "postgresql": postgres_time}


def _table(orm: type[Base]) -> Table:
    found = orm.__table__
    assert isinstance(found, Table)
    return found


def _written(table: Table) -> list[Column[Any]]:
    """The columns a write gives: all but a database-made (autoincrement) key."""
    auto = table.autoincrement_column
    return [c for c in table.columns if c is not auto]


def _converter(dialect: str, columns: Sequence[Column[Any]]) -> Callable[[Any], Row]:
    """record -> its column values in ``columns`` order, converted for the driver."""
    get = operator.attrgetter(*(c.name for c in columns))
    time = _TIME[dialect]
    fixes: list[tuple[int, Callable[[Any], Any]]] = []
    for index, column in enumerate(columns):
        if isinstance(column.type, UTCDateTime):
            fixes.append((index, time))
        elif isinstance(column.type, JSON) or isinstance(
            getattr(column.type, "impl", None), JSON
        ):
            fixes.append((index, json_text))

    def convert(record: Any) -> Row:
        values = list(get(record))
        for index, fix in fixes:
            values[index] = fix(values[index])
        return values

    return convert


def _quote(name: str) -> str:
    return f'"{name}"'


def _statement(dialect: str, orm: type[Base], tail: str = "") -> RawStatement:
    """An INSERT of every written column of ``orm``'s table, then ``tail`` (ON CONFLICT ...)."""
    table = _table(orm)
    columns = _written(table)
    head = f"INSERT INTO {_quote(table.name)} ({', '.join(_quote(c.name) for c in columns)})"
    if dialect == "postgresql":
        pg = postgresql.dialect()
        arrays = ", ".join(f"${n}::{c.type.compile(dialect=pg)}[]"
                           for n, c in enumerate(columns, start=1))
        head = f"{head} SELECT * FROM unnest({arrays})"
    return RawStatement(dialect, head, tail, len(columns), _converter(dialect, columns))


@functools.cache
def insert(dialect: str, orm: type[Base]) -> RawStatement:
    """A plain INSERT of records."""
    return _statement(dialect, orm)


@functools.cache
def upsert(dialect: str, orm: type[Base], keep: tuple[str, ...] = ()) -> RawStatement:
    """INSERT ... ON CONFLICT (primary key) DO UPDATE every column but the key and ``keep``.
    The rows of one statement must have distinct keys (PostgreSQL refuses to update a row
    twice in one statement): the write queue coalesces them."""
    table = _table(orm)
    key = [c.name for c in table.primary_key.columns]
    changed = ", ".join(f"{_quote(c.name)} = excluded.{_quote(c.name)}" for c in _written(table)
                        if c.name not in key and c.name not in keep)
    conflict = ", ".join(_quote(name) for name in key)
    return _statement(dialect, orm, f" ON CONFLICT ({conflict}) DO UPDATE SET {changed}")


@functools.cache
def insert_ignoring(dialect: str, orm: type[Base], unique: tuple[str, ...]) -> RawStatement:
    """INSERT ... ON CONFLICT (``unique``) DO NOTHING."""
    conflict = ", ".join(_quote(name) for name in unique)
    return _statement(dialect, orm, f" ON CONFLICT ({conflict}) DO NOTHING")


@functools.cache
def set_last_seen(dialect: str, orm: type[Base]) -> RawStatement:
    """UPDATE the stations' ``last_seen``; a row is a ``(station id, seen)`` pair."""
    table = _table(orm)
    time = _TIME[dialect]
    a, b = ("$1", "$2") if dialect == "postgresql" else ("?", "?")
    sql = f"UPDATE {_quote(table.name)} SET {_quote('last_seen')} = {a} WHERE {_quote('id')} = {b}"
    return RawStatement(dialect, sql, "", 2, lambda pair: [time(pair[1]), pair[0]], many=True)


__all__ = ["SQLITE_CHUNK", "RawStatement", "insert", "insert_ignoring", "json_text",
           "postgres_time", "set_last_seen", "sqlite_time", "upsert"]
