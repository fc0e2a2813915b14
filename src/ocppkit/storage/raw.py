"""Raw-driver writes for the write-behind queue: SQL text built once per dialect and table, rows
as plain lists, one statement per table and batch on the driver's own connection.

Through SQLAlchemy an executemany costs, per row, a parameter dict, an execution-context pass and
a bind processor per column, all Python: ~40 us a row, four rows per TransactionEvent, paid under
the GIL the CSMS's loop needs. Here a row is one ``attrgetter`` call (C) plus the few conversions
the driver cannot do itself. The tables, their column types and the migrations stay SQLAlchemy's;
only the statement text and the parameters bypass it.

A batch's rows of one table go in one statement, not one execution per row: on SQLite a
multi-row ``VALUES`` (one statement per ``SQLITE_CHUNK`` rows; the SQL text per row count is
cached, and so is sqlite3's prepared statement), on PostgreSQL ``INSERT ... SELECT ... FROM
json_populate_recordset(NULL::table, $1)`` with the rows as one JSON array of objects keyed by
column (one prepared statement whatever the count, one executor run in the server; orjson
writes the document in C, where asyncpg's array encoder checks every element against
``collections.abc`` classes in Python). An executemany would release and retake the GIL around
every row on SQLite, and cost the PostgreSQL server an executor start per row.

On PostgreSQL a whole batch is one statement (``postgres_batch``): each table's write is a
data-modifying ``WITH`` item of it, so the batch costs one round trip and commits on its own
(a single statement is atomic; foreign keys are checked at its end, when every item has run).
Each round trip costs the worker thread a wait for the GIL the CSMS's loop holds, and BEGIN,
three writes and COMMIT were five of them.

A row is made from a record (``row``) or from a sequence of the table's written columns in order
(``values``; the write queue takes those, built without a record on the CSMS's hot path).

Driver values, per dialect, matching what SQLAlchemy's own types store (reads go through it):
  - ``UTCDateTime``: PostgreSQL takes the aware datetime (RFC 3339 with its offset, read as
    timestamptz); SQLite stores naive UTC text in SQLAlchemy's format,
    ``YYYY-MM-DD HH:MM:SS.ffffff``, so ordering and reading agree.
  - ``JSONDocument``: JSON text on SQLite; on PostgreSQL the value inside the row's document
    (JSON text given is embedded as is, not parsed again).
  - ``OcppInteger``, ``OcppText``, ``JSONDocument``: the rules of ``ocppkit.storage.types``
    (integers saturated to 64 bits; no NUL on PostgreSQL).
"""

from __future__ import annotations

import functools
import json
import operator
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import orjson
from sqlalchemy import JSON, Column, Table

from ocppkit.storage.tables import Base
from ocppkit.storage.types import (
    OcppInteger,
    OcppText,
    UTCDateTime,
    int64,
    nul_free,
    nul_free_json,
)

Row = Any  # SQLite: a list of the columns' values; PostgreSQL: a dict by column name


SQLITE_CHUNK = 200  # rows per multi-row INSERT (x columns stays far below SQLite's 32766 variables)


@dataclass(frozen=True, slots=True)
class RawStatement:
    """One table's write: SQL pieces for the driver and the function that makes its rows.

    Either a multi-row insert (``head`` + rows + ``tail``) or, with ``many``, one statement run
    executemany-style (``head`` is the whole statement). On PostgreSQL every statement takes its
    rows as one JSON document, ``$1``.
    """

    dialect: str
    head: str
    tail: str
    columns: tuple[str, ...]  # a row's values, in order
    values: Callable[[Sequence[Any]], Row]  # column values in order -> driver values
    many: bool = False

    @property
    def width(self) -> int:
        """Values per row."""
        return len(self.columns)

    def row(self, record: Any) -> Row:
        """A record's driver values (its attributes are named as the columns)."""
        return self.values(_getter(self.columns)(record))

    def run_sqlite(self, cursor: Any, rows: list[Row]) -> None:
        """Write ``rows`` through a sqlite3 cursor (in the caller's transaction)."""
        if self.many:
            cursor.executemany(self.head, rows)
            return
        for start in range(0, len(rows), SQLITE_CHUNK):
            chunk = rows[start : start + SQLITE_CHUNK]
            cursor.execute(self._sqlite_sql(len(chunk)), [v for row in chunk for v in row])

    async def run_postgres(self, connection: Any, rows: list[Row]) -> None:
        """Write ``rows`` through an asyncpg connection (in the caller's transaction)."""
        await connection.execute(self.head + self.tail, _document(rows))

    def _sqlite_sql(self, count: int) -> str:
        return _sqlite_sql(self.head, self.tail, self.width, count)


async def postgres_batch(connection: Any, plan: Sequence[tuple[RawStatement, list[Row]]]) -> None:
    """Write every ``(statement, rows)`` of ``plan`` in one PostgreSQL statement, so in one
    round trip and one transaction of its own: committed (durably, as any commit) when this
    returns. The plan must not write one row twice (PostgreSQL leaves it undefined which write
    wins); the write queue coalesces snapshots and keeps the station rows apart (see ``writer``).
    """
    if len(plan) == 1:
        stmt, rows = plan[0]
        await stmt.run_postgres(connection, rows)
        return
    sql = _postgres_with(tuple(stmt for stmt, _rows in plan))
    await connection.execute(sql, *(_document(rows) for _stmt, rows in plan))


def _document(rows: list[Row]) -> str:
    return orjson.dumps(rows).decode()


@functools.lru_cache(maxsize=256)
def _postgres_with(statements: tuple[RawStatement, ...]) -> str:
    """One statement of ``statements`` (each taking ``$1``) as ``WITH`` items: ``$1``..``$n``."""
    items = [
        f"w{n} AS ({(stmt.head + stmt.tail).replace('$1', f'${n + 1}')})"
        for n, stmt in enumerate(statements)
    ]
    return f"WITH {', '.join(items)} SELECT 1"


def _postgres_json(value: Any) -> Any:
    """A JSON value for a PostgreSQL row document, without NUL (JSONB cannot hold one)."""
    if isinstance(value, str):
        return orjson.Fragment(nul_free_json(value))
    return nul_free(value)


@functools.lru_cache(maxsize=64)
def _getter(columns: tuple[str, ...]) -> Callable[[Any], tuple[Any, ...]]:
    get = operator.attrgetter(*columns)
    return get if len(columns) > 1 else lambda record: (get(record),)


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


def _written(table: Table, with_id: bool = False) -> list[Column[Any]]:
    """The columns a write gives: all but a database-made (autoincrement) key, unless the
    writer makes the ids (``with_id``)."""
    auto = None if with_id else table.autoincrement_column
    return [c for c in table.columns if c is not auto]


def _converter(dialect: str, columns: Sequence[Column[Any]]) -> Callable[[Sequence[Any]], Row]:
    """Column values in ``columns`` order -> converted for the driver."""
    postgres = dialect == "postgresql"
    fixes: list[tuple[int, Callable[[Any], Any]]] = []
    for index, column in enumerate(columns):
        kind = column.type
        if isinstance(kind, UTCDateTime):
            fixes.append((index, _TIME[dialect]))
        elif isinstance(kind, OcppInteger):
            fixes.append((index, int64))
        elif isinstance(kind, OcppText) and postgres:
            fixes.append((index, nul_free))
        elif isinstance(kind, JSON) or isinstance(getattr(kind, "impl", None), JSON):
            fixes.append((index, _postgres_json if postgres else json_text))
    names = [column.name for column in columns]

    def convert(given: Sequence[Any]) -> Row:
        values = list(given)
        for index, fix in fixes:
            values[index] = fix(values[index])
        return dict(zip(names, values, strict=True)) if postgres else values

    return convert


def _quote(name: str) -> str:
    return f'"{name}"'


def _rows_of(table: str) -> str:
    """PostgreSQL: the rows of the JSON document ``$1`` as records of ``table``'s row type."""
    return f"json_populate_recordset(NULL::{_quote(table)}, $1::text::json)"


def _statement(
    dialect: str, orm: type[Base], tail: str = "", with_id: bool = False
) -> RawStatement:
    """An INSERT of every written column of ``orm``'s table, then ``tail`` (ON CONFLICT ...)."""
    table = _table(orm)
    columns = _written(table, with_id)
    names = ", ".join(_quote(c.name) for c in columns)
    head = f"INSERT INTO {_quote(table.name)} ({names})"
    if dialect == "postgresql":
        head = f"{head} SELECT {names} FROM {_rows_of(table.name)}"
    column_names = tuple(c.name for c in columns)
    return RawStatement(dialect, head, tail, column_names, _converter(dialect, columns))


@functools.cache
def insert(dialect: str, orm: type[Base], with_id: bool = False) -> RawStatement:
    """A plain INSERT of records (``with_id``: their ids too, made by the writer)."""
    return _statement(dialect, orm, with_id=with_id)


@functools.cache
def upsert(
    dialect: str, orm: type[Base], keep: tuple[str, ...] = (), with_id: bool = False
) -> RawStatement:
    """INSERT ... ON CONFLICT (primary key) DO UPDATE every column but the key and ``keep``.
    The rows of one statement must have distinct keys (PostgreSQL refuses to update a row
    twice in one statement): the write queue coalesces them."""
    table = _table(orm)
    key = [c.name for c in table.primary_key.columns]
    changed = ", ".join(
        f"{_quote(c.name)} = excluded.{_quote(c.name)}"
        for c in _written(table, with_id)
        if c.name not in key and c.name not in keep
    )
    conflict = ", ".join(_quote(name) for name in key)
    return _statement(dialect, orm, f" ON CONFLICT ({conflict}) DO UPDATE SET {changed}", with_id)


@functools.cache
def delete(dialect: str, orm: type[Base]) -> RawStatement:
    """DELETE rows by primary key; a row is the key's values in the key's column order."""
    table = _table(orm)
    key = list(table.primary_key.columns)
    names = tuple(c.name for c in key)
    convert = _converter(dialect, key)
    if dialect == "postgresql":
        match = " AND ".join(f"{_quote(table.name)}.{_quote(n)} = v.{_quote(n)}" for n in names)
        sql = f"DELETE FROM {_quote(table.name)} USING {_rows_of(table.name)} AS v WHERE {match}"
        return RawStatement(dialect, sql, "", names, convert)
    match = " AND ".join(f"{_quote(n)} = ?" for n in names)
    return RawStatement(
        dialect, f"DELETE FROM {_quote(table.name)} WHERE {match}", "", names, convert, many=True
    )


@functools.cache
def insert_ignoring(dialect: str, orm: type[Base], unique: tuple[str, ...]) -> RawStatement:
    """INSERT ... ON CONFLICT (``unique``) DO NOTHING."""
    conflict = ", ".join(_quote(name) for name in unique)
    return _statement(dialect, orm, f" ON CONFLICT ({conflict}) DO NOTHING")


@functools.cache
def set_last_seen(dialect: str, orm: type[Base]) -> RawStatement:
    """UPDATE the stations' ``last_seen``; a row is a ``(station id, seen)`` pair."""
    table, time = _quote(_table(orm).name), _TIME[dialect]

    if dialect == "postgresql":
        sql = (
            f"UPDATE {table} SET last_seen = v.last_seen FROM {_rows_of(_table(orm).name)} "
            f"AS v WHERE {table}.id = v.id"
        )
        return RawStatement(
            dialect,
            sql,
            "",
            ("id", "last_seen"),
            lambda pair: {"id": pair[0], "last_seen": time(pair[1])},
        )
    sql = f"UPDATE {table} SET last_seen = ? WHERE id = ?"
    return RawStatement(
        dialect, sql, "", ("id", "last_seen"), lambda pair: [time(pair[1]), pair[0]], many=True
    )


__all__ = [
    "SQLITE_CHUNK",
    "RawStatement",
    "delete",
    "insert",
    "insert_ignoring",
    "json_text",
    "postgres_batch",
    "postgres_time",
    "set_last_seen",
    "sqlite_time",
    "upsert",
]
