"""``DatabaseStore``: the CSMS registry kept in a database, through ``ocppkit.storage``.

At ``open`` the schema is migrated and the registry rebuilt: every station (offline until it
reconnects) with its boot record and connector statuses, the active transactions with their last
seqNo and meter registers, and the most recently ended ones. From then on every change goes to the
write-behind queue; handlers await the group commit that holds their change, so a CALLRESULT
never acknowledges something that is not stored. The database is used from a worker thread with
its own event loop (``DatabaseWorker``), so the CSMS's loop neither blocks nor queues behind
statement round trips.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TypeVar

import orjson

import ocppkit.csms.snapshots as snapshots
from ocppkit.csms.clock import Clock
from ocppkit.csms.device_models import DeviceModel
from ocppkit.csms.registry import Charger, ChargerRegistry, ConnectorStatus, Transaction
from ocppkit.csms.store import Store, TrackingChange
from ocppkit.csms.tokens import TokenEntry, TokenStore
from ocppkit.protocol.frames import json_bytes
from ocppkit.protocol.models import MeterValueType, TransactionEventRequest
from ocppkit.storage import (
    ConnectorStatusRecord,
    ConnectorStatusRepository,
    Database,
    DatabaseWorker,
    DeviceModelRecord,
    DeviceModelRepository,
    IdTokenRecord,
    IdTokenRepository,
    StationRecord,
    StationRepository,
    TrackingRepository,
    TrackingState,
    TransactionRecord,
    TransactionRepository,
    WriteBehind,
)
from ocppkit.storage.records import CommandRecord, StationMessageRecord
from ocppkit.storage.retention import BATCH, INTERVAL, PAUSE, RetentionPolicy, prune_batch

log = logging.getLogger("ocppkit.csms")
T = TypeVar("T")

# last_seen is stored at most this often per station: a Heartbeat needs no write of its own.
LAST_SEEN_STEP = timedelta(seconds=1)
# Commands per station read back at start-up, to match the notifications that follow them.
RECENT_COMMANDS = 200


@dataclass(frozen=True, slots=True)
class _Stored:
    """What ``open`` reads back."""

    stations: list[StationRecord]
    statuses: list[ConnectorStatusRecord]
    ended: list[TransactionRecord]
    active: list[TransactionRecord]
    active_events: list[tuple[str, int, datetime]]
    tokens: list[IdTokenRecord]
    device_models: list[DeviceModelRecord]
    tracking: TrackingState


async def _read_stored(db: Database, max_ended: int, now: datetime) -> _Stored:
    """Migrate, mark every station offline (none is connected yet), read the registry's rows."""
    await db.migrate()
    async with db.session() as session:
        await StationRepository(session).mark_all_offline()
        await session.commit()
        transactions = TransactionRepository(session)
        return _Stored(
            stations=await StationRepository(session).all(),
            statuses=await ConnectorStatusRepository(session).latest(),
            ended=await transactions.recent_ended(max_ended),
            active=await transactions.active(),
            active_events=await transactions.active_event_keys(),
            tokens=await IdTokenRepository(session).all(),
            device_models=await DeviceModelRepository(session).all(),
            tracking=await TrackingRepository(session).state(RECENT_COMMANDS),
        )


class DatabaseStore(Store):
    """Persistence to the database at ``url``.

    Args:
        url: a database URL (see ``ocppkit.storage.Database``).
        clock: the CSMS's clock.
        retention: how long each kind of history is kept (``storage.retention``; pruned in
            the background every ``retention.INTERVAL`` seconds while open); None: forever.

    Raises:
        DatabaseUrlError: from the constructor, for a URL that cannot be used.
    """

    def __init__(self, url: str, clock: Clock, retention: RetentionPolicy | None = None) -> None:
        self.worker = DatabaseWorker(url)
        self._clock = clock
        self.retention = retention or RetentionPolicy()
        self._pruner: asyncio.Task[None] | None = None
        self._writer = WriteBehind(self.worker)
        self._seen_stored: dict[str, datetime] = {}
        self._opened = False
        self._tracking_state: TrackingState | None = None

    async def open(self, registry: ChargerRegistry, tokens: TokenStore) -> None:
        """Connect, migrate, rebuild ``registry`` and ``tokens``, start the writer.

        Raises:
            DatabaseUrlError, DatabaseUnavailableError: the database cannot be used.
        """
        await self.worker.start()
        try:
            max_ended, now = registry.max_ended_transactions, self._clock()
            stored = await self.worker.run(lambda db: _read_stored(db, max_ended, now))
        except BaseException:
            await self.worker.close()
            raise
        snapshots.restore(
            registry,
            stored.stations,
            stored.statuses,
            [*stored.ended, *stored.active],
            stored.active_events,
        )
        unsaved = tokens.restore(_token_entry(record) for record in stored.tokens)
        _restore_device_models(registry, stored.device_models)
        self._tracking_state = stored.tracking
        log.info(
            "database %s: %d station(s), %d active transaction(s) restored",
            self.worker.display_url,
            len(stored.stations),
            len(stored.active),
        )
        self._writer.start()
        self._opened = True
        if self.retention.active:
            self._pruner = asyncio.create_task(self._prune_forever(), name="ocppkit-retention")
        for entry in unsaved:  # tokens added before start
            await self.id_token_saved(entry)

    async def close(self) -> None:
        """Commit what is queued and close the database."""
        self._opened = False
        if self._pruner is not None:
            self._pruner.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._pruner
            self._pruner = None
        try:
            await self._writer.close()
        finally:
            await self.worker.close()

    def station_seen(self, charger: Charger) -> None:
        seen = charger.last_seen
        stored = self._seen_stored.get(charger.charger_id)
        if seen is None or (stored is not None and seen - stored < LAST_SEEN_STEP):
            return
        self._seen_stored[charger.charger_id] = seen
        self._writer.touch_station(charger.charger_id, seen)

    def station_link_changed(self, charger: Charger) -> None:
        self._writer.put_station(snapshots.station_record(charger, self._clock()))

    async def station_updated(self, charger: Charger) -> None:
        self._writer.put_station(snapshots.station_record(charger, self._clock()))
        await self._writer.committed()

    async def status_changed(
        self, charger: Charger, evse_id: int, connector_id: int, status: ConnectorStatus
    ) -> None:
        record = snapshots.status_record(charger.charger_id, evse_id, connector_id, status)
        self._writer.add_status(record)
        await self._writer.committed()

    async def transaction_event(
        self, charger: Charger, tx: Transaction, request: TransactionEventRequest
    ) -> None:
        # The loop copies the transaction; the event's rows are built on the database thread.
        rows = functools.partial(
            snapshots.event_rows,
            tx.record_id,
            charger.charger_id,
            tx.transaction_id,
            tx.evse_id,
            request,
            self._clock(),
        )
        self._writer.add_deferred((snapshots.transaction_record(tx),), rows)
        await self._writer.committed()

    async def transaction_changed(self, charger: Charger, tx: Transaction) -> None:
        self._writer.add_deferred((snapshots.transaction_record(tx),), _no_rows)
        await self._writer.committed()

    async def meter_values(
        self,
        charger: Charger,
        evse_id: int,
        meter_values: Sequence[MeterValueType],
        transactions: Sequence[Transaction],
    ) -> None:
        tx_ref = transactions[0].record_id if transactions else None
        rows = functools.partial(
            snapshots.meter_value_rows, charger.charger_id, evse_id, tx_ref, meter_values
        )
        self._writer.add_deferred([snapshots.transaction_record(tx) for tx in transactions], rows)
        await self._writer.committed()

    # Tokens and device models change rarely: written at once, not through the write queue.

    async def id_token_saved(self, entry: TokenEntry) -> None:
        if not self._opened:  # before start: written by ``open``
            return
        record = IdTokenRecord(entry.id_token, entry.type, entry.status, entry.expiry, entry.group)
        self._writer.put_id_token(record)
        await self._writer.committed()

    async def id_token_removed(self, entry: TokenEntry) -> None:
        if self._opened:
            self._writer.remove_id_token(entry.id_token, entry.type)
            await self._writer.committed()

    async def device_model_reported(self, charger: Charger, model: DeviceModel) -> None:
        # As JSON text now: the model is updated in place afterwards (B05/B06 answers).
        report = json_bytes(model.report_data).decode()
        self._writer.put_station(snapshots.station_record(charger, self._clock()))
        self._writer.put_device_model(
            DeviceModelRecord(
                charger.charger_id, model.request_id, model.generated_at, model.received_at, report
            )
        )
        await self._writer.committed()

    # Tracking: through the write queue like the rest (station rows are written first).

    def tracking_state(self) -> TrackingState | None:
        state, self._tracking_state = self._tracking_state, None
        return state

    async def tracking_changed(self, change: TrackingChange) -> None:
        writer = self._writer
        for command in change.commands:
            writer.put_command(command)
        for message in change.messages:
            writer.add_station_message(message)
        for obj in change.objects:
            writer.put_station_object(obj)
        for key in change.removed:
            writer.remove_station_object(key)
        await writer.committed()

    async def prune(self, batch: int = BATCH, pause: float = PAUSE) -> int:
        """Delete what the retention policy no longer keeps, ``batch`` rows a statement with
        ``pause`` seconds between statements; the rows deleted."""
        deleted = 0
        for row, column, cutoff in self.retention.cutoffs(self._clock()):
            work = functools.partial(
                prune_batch, row=row, column=column, cutoff=cutoff, batch=batch
            )
            while True:
                count = await self.worker.run(work)
                deleted += count
                if count < batch:
                    break
                await asyncio.sleep(pause)
        return deleted

    async def _prune_forever(self) -> None:
        while True:
            try:
                deleted = await self.prune()
            except Exception as exc:  # the next round tries again
                log.warning("retention: pruning failed: %s", exc)
            else:
                if deleted:
                    log.info("retention: %d old row(s) deleted", deleted)
            await asyncio.sleep(INTERVAL)

    async def stored_commands(
        self, station_id: str, action: str | None, limit: int, before_id: int | None
    ) -> list[CommandRecord] | None:
        return await self.worker.run(
            lambda db: _read_tracking(
                db, lambda repo: repo.commands(station_id, action, limit, before_id)
            )
        )

    async def stored_messages(
        self, station_id: str, action: str | None, limit: int, before_id: int | None
    ) -> list[StationMessageRecord] | None:
        return await self.worker.run(
            lambda db: _read_tracking(
                db, lambda repo: repo.messages(station_id, action, limit, before_id)
            )
        )


def _token_entry(record: IdTokenRecord) -> TokenEntry:
    return TokenEntry(
        record.id_token, record.type, record.status, record.expires_at, record.group_id_token
    )


def _restore_device_models(registry: ChargerRegistry, records: list[DeviceModelRecord]) -> None:
    for record in records:  # read back, report_data is always a list
        data = record.report_data
        registry.ensure(record.station_id).device_model = DeviceModel(
            record.request_id,
            record.generated_at,
            record.received_at,
            orjson.loads(data) if isinstance(data, str) else data,
        )


async def _read_tracking(
    db: Database, read: Callable[[TrackingRepository], Awaitable[list[T]]]
) -> list[T]:
    async with db.session() as session:
        return await read(TrackingRepository(session))


def _no_rows() -> tuple[None, tuple[()]]:
    return None, ()


__all__ = ["DatabaseStore"]
