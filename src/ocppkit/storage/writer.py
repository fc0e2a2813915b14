"""``WriteBehind``: a write queue with group commit, so persistence does not throttle the CSMS.

Handlers put records (no I/O, no await) and then ``await writer.committed()``, which resolves when
the batch holding their records has committed. One batch is committed at a time: the whole batch
that piled up while the previous commit ran goes to the ``DatabaseWorker``'s thread, which writes
it in one transaction through the driver itself (``raw``): on SQLite one statement per table, on
PostgreSQL one statement in all (one round trip). Under load many stations' writes share a
commit; with a single station a write waits for one commit.

Full-row snapshots (stations, transactions, tokens, device models, commands, station objects) are
coalesced per batch, the newest winning (a removal is a snapshot too); appends (events, meter
values, status changes, station messages) are kept in order. Rows that need work to build
(a TransactionEvent's payload as JSON, a record per sampled value) can be queued as a function
(``add_deferred``) that the database thread calls: the CSMS's loop, which every station waits
for, only takes a snapshot of what may change after the handler returns. Tables are written
parents first, so a batch never breaks a foreign key. A failed commit fails the futures of its
batch (their handlers answer a CALLERROR and the station resends) and the queue carries on with
the next one.
"""

from __future__ import annotations

import asyncio
import dataclasses
import functools
import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import ocppkit.storage.raw as raw
from ocppkit.storage.database import Database
from ocppkit.storage.errors import StorageError
from ocppkit.storage.records import (
    CommandRecord,
    ConnectorStatusRecord,
    DeviceModelRecord,
    IdTokenRecord,
    MeterValueRecord,
    StationMessageRecord,
    StationObjectRecord,
    StationRecord,
    TransactionEventRecord,
    TransactionRecord,
)
from ocppkit.storage.tables import (
    CommandRow,
    ConnectorStatusRow,
    DeviceModelRow,
    IdTokenRow,
    MeterValueRow,
    StationMessageRow,
    StationObjectRow,
    StationRow,
    TransactionEventRow,
    TransactionRow,
)
from ocppkit.storage.worker import DatabaseWorker

log = logging.getLogger("ocppkit.storage")

# Rows built on the database thread: an event (or None) and sampled values.
DeferredRows = Callable[[], tuple[TransactionEventRecord | None, Sequence[MeterValueRecord]]]
ObjectKey = tuple[str, str, str]  # a station object's (station id, kind, key)


@dataclass(slots=True, eq=False)
class _Batch:
    """What one commit writes, and who waits for it."""

    waiters: list[asyncio.Future[None]] = field(default_factory=list)
    stations: dict[str, StationRecord] = field(default_factory=dict)
    last_seen: dict[str, datetime] = field(default_factory=dict)
    tokens: dict[tuple[str, str], IdTokenRecord | None] = field(default_factory=dict)  # None: gone
    device_models: dict[str, DeviceModelRecord] = field(default_factory=dict)
    transactions: dict[str, TransactionRecord] = field(default_factory=dict)
    events: list[TransactionEventRecord] = field(default_factory=list)
    meter_values: list[MeterValueRecord] = field(default_factory=list)
    statuses: list[ConnectorStatusRecord] = field(default_factory=list)
    deferred: list[DeferredRows] = field(default_factory=list)
    commands: dict[int, CommandRecord] = field(default_factory=dict)
    messages: list[StationMessageRecord] = field(default_factory=list)
    objects: dict[ObjectKey, StationObjectRecord | None] = field(default_factory=dict)  # None: gone
    writes: int = 0


class WriteBehind:
    """The write queue of one database; ``start`` it on the loop, ``close`` it to flush.

    No task of its own: a batch is handed to the database thread by a callback scheduled when its
    first write is queued (so it holds everything queued in that loop iteration), or at once when
    the previous batch commits. The database thread hands the outcome back with one
    ``call_soon_threadsafe``, which resolves every waiter: a handler resumes two loop iterations
    after its commit, not four (a writer task and ``asyncio.shield`` each cost one). Under load a
    loop iteration holds many stations' frames, so every iteration saved is latency every
    station's next CALL waits for.

    Args:
        worker: the started worker of the database to write to.
    """

    def __init__(self, worker: DatabaseWorker) -> None:
        self._worker = worker
        self._loop: asyncio.AbstractEventLoop | None = None
        self._current: _Batch | None = None  # being filled
        self._inflight: _Batch | None = None  # being committed
        self._scheduled = False  # a _dispatch is scheduled
        self._closing = False
        self._drained: asyncio.Future[None] | None = None
        self.commits = 0  # batches committed, for tests and benchmarks

    def start(self) -> None:
        """Start writing, on the running loop."""
        if self._loop is not None:
            raise RuntimeError("the writer is already started")
        self._closing = False
        self._loop = asyncio.get_running_loop()

    # --- queueing (synchronous, no I/O) ---

    def _batch(self) -> _Batch:
        if self._loop is None or self._closing:
            raise StorageError("the write queue is not running")
        batch = self._current
        if batch is None:
            batch = self._current = _Batch()
            if self._inflight is None and not self._scheduled:
                self._scheduled = True
                self._loop.call_soon(self._dispatch)
        batch.writes += 1
        return batch

    def put_station(self, record: StationRecord) -> None:
        """Insert or replace a station (its ``first_seen`` stays as first written)."""
        self._batch().stations[record.id] = record

    def touch_station(self, station_id: str, last_seen: datetime) -> None:
        """Move a stored station's ``last_seen``."""
        self._batch().last_seen[station_id] = last_seen

    def put_id_token(self, record: IdTokenRecord) -> None:
        """Insert or replace an id token."""
        self._batch().tokens[(record.id_token, record.type)] = record

    def remove_id_token(self, id_token: str, token_type: str) -> None:
        """Delete an id token."""
        self._batch().tokens[(id_token, token_type)] = None

    def put_device_model(self, record: DeviceModelRecord) -> None:
        """Insert or replace a station's device model (``report_data`` may be JSON text)."""
        self._batch().device_models[record.station_id] = record

    def put_transaction(self, record: TransactionRecord) -> None:
        """Insert or replace a transaction's state."""
        self._batch().transactions[record.id] = record

    def add_event(self, record: TransactionEventRecord) -> None:
        """Append a TransactionEvent (skipped if its transaction and seqNo are stored)."""
        self._batch().events.append(record)

    def add_deferred(self, transactions: Iterable[TransactionRecord], rows: DeferredRows) -> None:
        """The transactions' new state now, and the rows ``rows()`` gives when the batch is
        written, on the database thread (events skipped if stored, as ``add_event``).

        ``rows`` must only read what does not change once queued (the request a handler got,
        values copied when queueing), never registry state.
        """
        batch = self._batch()
        for transaction in transactions:
            batch.transactions[transaction.id] = transaction
        batch.deferred.append(rows)

    def add_status(self, record: ConnectorStatusRecord) -> None:
        """Append a connector status change."""
        self._batch().statuses.append(record)

    # Tracking (commands, station messages, station objects): their owner keeps changing the
    # records it puts (a command is answered, then makes progress), so each is copied here.

    def put_command(self, record: CommandRecord) -> None:
        """Insert or replace a command (by its id, made by the caller)."""
        self._batch().commands[record.id] = dataclasses.replace(record)

    def add_station_message(self, record: StationMessageRecord) -> None:
        """Append a station's notification (its id made by the caller)."""
        self._batch().messages.append(dataclasses.replace(record))

    def put_station_object(self, record: StationObjectRecord) -> None:
        """Insert or replace a station object."""
        key = (record.station_id, record.kind, record.key)
        self._batch().objects[key] = dataclasses.replace(record)

    def remove_station_object(self, key: ObjectKey) -> None:
        """Delete a station object (station id, kind, key)."""
        self._batch().objects[key] = None

    # --- waiting ---

    async def committed(self) -> None:
        """Wait until everything queued so far is committed.

        Raises:
            StorageError: the batch holding those writes failed to commit.
        """
        batch = self._current or self._inflight
        if batch is None:
            return
        assert self._loop is not None
        waiter = self._loop.create_future()  # one per caller: cancelling it harms nobody else
        batch.waiters.append(waiter)
        await waiter

    async def close(self) -> None:
        """Commit what is queued, then stop. Queueing afterwards fails."""
        loop, self._closing = self._loop, True
        if loop is None:
            return
        try:
            if self._current is not None or self._inflight is not None:
                self._drained = loop.create_future()
                if self._inflight is None and not self._scheduled:
                    self._dispatch()
                await asyncio.shield(self._drained)
        finally:
            self._loop = None

    # --- committing ---

    def _dispatch(self) -> None:
        """Hand the current batch to the database thread (unless one is being committed)."""
        self._scheduled = False
        batch, loop, worker = self._current, self._loop, self._worker
        if batch is None or self._inflight is not None or loop is None:
            return
        self._current, self._inflight = None, batch

        def done(_result: object, error: BaseException | None) -> None:  # on the worker thread
            try:
                loop.call_soon_threadsafe(self._finished, batch, error)
            except RuntimeError:  # the loop is closed: nobody is left to tell
                pass

        try:
            if worker.db.dialect == "sqlite":
                worker.submit(functools.partial(_commit_sync, batch), done)
            else:
                worker.submit_async(functools.partial(_commit_async, batch), done)
        except Exception as exc:  # the worker is gone: fail the batch, never leave it hanging
            self._finished(batch, exc)

    def _finished(self, batch: _Batch, error: BaseException | None) -> None:
        """On the loop: resolve the batch's waiters, then send the batch that piled up."""
        self._inflight = None
        if error is None:
            self.commits += 1
            for waiter in batch.waiters:
                if not waiter.done():
                    waiter.set_result(None)
        else:
            log.error(
                "database %s: a batch of %d writes failed",
                self._worker.display_url,
                batch.writes,
                exc_info=error,
            )
            failure = StorageError(f"database {self._worker.display_url}: commit failed: {error}")
            failure.__cause__ = error
            for waiter in batch.waiters:
                if not waiter.done():
                    waiter.set_exception(failure)
        if self._current is not None:
            self._dispatch()
        elif self._drained is not None and not self._drained.done():
            self._drained.set_result(None)


Plan = list[tuple[raw.RawStatement, list[raw.Row]]]
_EVENT_KEY = ("transaction_ref", "seq_no")
_TX_FIXED = ("station_id", "transaction_id")


def _plan(batch: _Batch, dialect: str) -> Plan:
    """The batch's statements with their rows, parents before children: stations, tokens,
    transactions, then what refers to them. Each table's rows go in one statement built once per
    dialect (see ``raw``): no SQLAlchemy work per row."""
    plan: Plan = []

    def add(stmt: raw.RawStatement, records: Iterable[Any]) -> None:
        row = stmt.row
        rows = [row(record) for record in records]
        if rows:
            plan.append((stmt, rows))

    events, meter_values = batch.events, batch.meter_values
    for deferred in batch.deferred:
        event, values = deferred()
        if event is not None:
            events.append(event)
        meter_values.extend(values)
    batch.deferred.clear()  # expanded once, whatever happens to this commit
    add(raw.upsert(dialect, StationRow, ("first_seen",)), batch.stations.values())
    last_seen = raw.set_last_seen(dialect, StationRow)
    if batch.last_seen:
        plan.append((last_seen, [last_seen.values(pair) for pair in batch.last_seen.items()]))
    add(raw.upsert(dialect, DeviceModelRow), batch.device_models.values())
    add(raw.upsert(dialect, IdTokenRow), (t for t in batch.tokens.values() if t is not None))
    _add_deletes(
        plan,
        raw.delete(dialect, IdTokenRow),
        [key for key, token in batch.tokens.items() if token is None],
    )
    # A transaction's station and OCPP id never change under its key: left out of the UPDATE,
    # their index is not rewritten by every event.
    add(raw.upsert(dialect, TransactionRow, _TX_FIXED), batch.transactions.values())
    add(raw.insert_ignoring(dialect, TransactionEventRow, _EVENT_KEY), events)
    add(raw.insert(dialect, MeterValueRow), meter_values)
    add(raw.insert(dialect, ConnectorStatusRow), batch.statuses)
    add(raw.upsert(dialect, CommandRow, with_id=True), batch.commands.values())
    add(raw.insert(dialect, StationMessageRow, with_id=True), batch.messages)  # after commands
    objects = batch.objects
    add(raw.upsert(dialect, StationObjectRow), (o for o in objects.values() if o is not None))
    _add_deletes(
        plan,
        raw.delete(dialect, StationObjectRow),
        [key for key, obj in objects.items() if obj is None],
    )
    return plan


def _add_deletes(plan: Plan, stmt: raw.RawStatement, keys: list[tuple[str, ...]]) -> None:
    if keys:
        plan.append((stmt, [stmt.values(key) for key in keys]))


def _commit_sync(batch: _Batch, db: Database) -> None:
    """SQLite: the whole batch on the worker thread's own sqlite3 connection, in one call.

    The stdlib driver opens the transaction before the first write; ``commit`` ends it.
    """
    plan = _plan(batch, db.dialect)
    connection = db.sync_engine.raw_connection()
    try:
        cursor = connection.cursor()
        try:
            for stmt, rows in plan:
                stmt.run_sqlite(cursor, rows)
        finally:
            cursor.close()
        connection.commit()
    except BaseException:
        connection.rollback()
        raise
    finally:
        connection.close()  # back to the pool


async def _commit_async(batch: _Batch, db: Database) -> None:
    """PostgreSQL: the batch through the pooled asyncpg connection, on the worker's loop, as one
    statement (one round trip; it commits on its own: see ``raw.postgres_batch``). A station
    both upserted and touched in the batch would be written twice by that one statement: then
    the batch goes as one transaction of a statement per table."""
    plan = _plan(batch, db.dialect)
    if not plan:
        return
    async with db.engine.connect() as conn:
        pooled = await conn.get_raw_connection()
        driver = pooled.driver_connection
        assert driver is not None
        if batch.last_seen.keys().isdisjoint(batch.stations):
            await raw.postgres_batch(driver, plan)
            return
        async with driver.transaction():
            for stmt, rows in plan:
                await stmt.run_postgres(driver, rows)


__all__ = ["DeferredRows", "ObjectKey", "WriteBehind"]
