"""``WriteBehind``: a write queue with group commit, so persistence does not throttle the CSMS.

Handlers put records (no I/O, no await) and then ``await writer.committed()``, which resolves when
the batch holding their records has committed. One writer task takes the whole batch that piled up
while the previous commit ran and has the ``DatabaseWorker`` write it in one transaction, with one
bulk statement per table: one hop of the caller's loop per batch. Under load many stations' writes
share a commit; with a single station a write waits for one commit.

Full-row snapshots (stations, transactions, tokens) are coalesced per batch, the newest winning;
appends (events, meter values, status changes) are kept in order. Tables are written parents first,
so a batch never breaks a foreign key. A failed commit fails the futures of its batch (their
handlers answer a CALLERROR and the station resends) and the writer carries on with the next one.
"""

from __future__ import annotations

import asyncio
import functools
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy.sql import Executable

from ocppkit.storage import statements
from ocppkit.storage.database import Database
from ocppkit.storage.errors import StorageError
from ocppkit.storage.records import (
    ConnectorStatusRecord,
    IdTokenRecord,
    MeterValueRecord,
    Record,
    StationRecord,
    TransactionEventRecord,
    TransactionRecord,
)
from ocppkit.storage.tables import (
    ConnectorStatusRow,
    IdTokenRow,
    MeterValueRow,
    StationRow,
    TransactionEventRow,
    TransactionRow,
)
from ocppkit.storage.worker import DatabaseWorker

log = logging.getLogger("ocppkit.storage")


@dataclass(slots=True, eq=False)
class _Batch:
    """What one commit writes."""

    done: asyncio.Future[None]
    stations: dict[str, StationRecord] = field(default_factory=dict)
    last_seen: dict[str, datetime] = field(default_factory=dict)
    tokens: dict[tuple[str, str], IdTokenRecord] = field(default_factory=dict)
    transactions: dict[str, TransactionRecord] = field(default_factory=dict)
    events: list[TransactionEventRecord] = field(default_factory=list)
    meter_values: list[MeterValueRecord] = field(default_factory=list)
    statuses: list[ConnectorStatusRecord] = field(default_factory=list)
    writes: int = 0


class WriteBehind:
    """The write queue of one database; ``start`` it on the loop, ``close`` it to flush.

    Args:
        worker: the started worker of the database to write to.
    """

    def __init__(self, worker: DatabaseWorker) -> None:
        self._worker = worker
        self._current: _Batch | None = None
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._closing = False
        self.commits = 0  # batches committed, for tests and benchmarks

    def start(self) -> None:
        """Start the writer task on the running loop."""
        if self._task is not None:
            raise RuntimeError("the writer is already started")
        self._closing = False
        self._task = asyncio.get_running_loop().create_task(self._run(), name="ocppkit-writer")

    # --- queueing (synchronous, no I/O) ---

    def _batch(self) -> _Batch:
        if self._task is None or self._closing:
            raise StorageError("the write queue is not running")
        if self._current is None:
            self._current = _Batch(asyncio.get_running_loop().create_future())
        self._current.writes += 1
        self._wake.set()
        return self._current

    def put_station(self, record: StationRecord) -> None:
        """Insert or replace a station (its ``first_seen`` stays as first written)."""
        self._batch().stations[record.id] = record

    def touch_station(self, station_id: str, last_seen: datetime) -> None:
        """Move a stored station's ``last_seen``."""
        self._batch().last_seen[station_id] = last_seen

    def put_id_token(self, record: IdTokenRecord) -> None:
        """Insert or replace an id token."""
        self._batch().tokens[(record.id_token, record.type)] = record

    def put_transaction(self, record: TransactionRecord) -> None:
        """Insert or replace a transaction's state."""
        self._batch().transactions[record.id] = record

    def add_event(self, record: TransactionEventRecord) -> None:
        """Append a TransactionEvent (skipped if its transaction and seqNo are stored)."""
        self._batch().events.append(record)

    def add_meter_values(self, records: list[MeterValueRecord]) -> None:
        """Append sampled values."""
        self._batch().meter_values.extend(records)

    def add_status(self, record: ConnectorStatusRecord) -> None:
        """Append a connector status change."""
        self._batch().statuses.append(record)

    # --- waiting ---

    async def committed(self) -> None:
        """Wait until everything queued so far is committed.

        Raises:
            StorageError: the batch holding those writes failed to commit.
        """
        batch = self._current
        if batch is not None:
            await asyncio.shield(batch.done)

    async def close(self) -> None:
        """Commit what is queued, then stop the writer task. Queueing afterwards fails."""
        task, self._closing = self._task, True
        if task is None:
            return
        self._wake.set()
        try:
            await task
        finally:
            self._task = None

    # --- the writer task ---

    async def _run(self) -> None:
        while not (self._closing and self._current is None):
            await self._wake.wait()
            self._wake.clear()
            batch, self._current = self._current, None
            if batch is not None:
                await self._commit(batch)

    async def _commit(self, batch: _Batch) -> None:
        try:
            if self._worker.db.dialect == "sqlite":
                await self._worker.call(functools.partial(_commit_sync, batch))
            else:
                await self._worker.run(functools.partial(_commit_async, batch))
        except Exception as exc:  # any failure must resolve the batch, or its handlers hang
            log.exception("database %s: a batch of %d writes failed", self._worker.display_url,
                          batch.writes)
            error = StorageError(f"database {self._worker.display_url}: commit failed: {exc}")
            error.__cause__ = exc
            batch.done.set_exception(error)
            batch.done.exception()  # retrieved: the awaiting handlers re-raise it, or nobody does
            return
        self.commits += 1
        batch.done.set_result(None)


Plan = list[tuple[Executable, list[dict[str, Any]]]]
_EVENT_KEY = ("transaction_ref", "seq_no")


def _plan(batch: _Batch, dialect: str) -> Plan:
    """The batch's statements with their rows, parents before children: stations, tokens,
    transactions, then what refers to them. Each runs executemany-style from a cached statement
    (multi-row VALUES statements were measured slower: each one is compiled anew)."""
    plan: Plan = [(statements.upsert(dialect, StationRow, ("first_seen",)),
                   _rows(batch.stations.values()))]
    plan.append((statements.set_last_seen(),
                 [{"station": sid, "seen": at} for sid, at in batch.last_seen.items()]))
    plan.append((statements.upsert(dialect, IdTokenRow), _rows(batch.tokens.values())))
    plan.append((statements.upsert(dialect, TransactionRow), _rows(batch.transactions.values())))
    plan.append((statements.insert_ignoring(dialect, TransactionEventRow, _EVENT_KEY),
                 _rows(batch.events)))
    plan.append((statements.insert(MeterValueRow), _rows(batch.meter_values)))
    plan.append((statements.insert(ConnectorStatusRow), _rows(batch.statuses)))
    return [(stmt, parameters) for stmt, parameters in plan if parameters]


def _rows(records: Iterable[Record]) -> list[dict[str, Any]]:
    return [record.row() for record in records]


def _commit_sync(batch: _Batch, db: Database) -> None:
    """SQLite: the whole batch on the worker thread's own sync connection, in one call."""
    with db.sync_engine.begin() as conn:
        for stmt, parameters in _plan(batch, db.dialect):
            conn.execute(stmt, parameters)


async def _commit_async(batch: _Batch, db: Database) -> None:
    """PostgreSQL: the batch through asyncpg on the worker's loop."""
    async with db.session() as session:
        for stmt, parameters in _plan(batch, db.dialect):
            await session.execute(stmt, parameters)
        await session.commit()


__all__ = ["WriteBehind"]
