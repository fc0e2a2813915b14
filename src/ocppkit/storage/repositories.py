"""Repositories: one small class per aggregate, each working in the caller's ``AsyncSession``.

The caller owns the unit of work (``async with db.session() as s: ...; await s.commit()``), so the
write-behind queue can put many stations' writes in one transaction. Writes are bulk statements
(one executemany per call); upserts and duplicate-skipping inserts use the dialect's
``ON CONFLICT`` (SQLite and PostgreSQL both have it). Reads give back ``records``, never ORM rows.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import fields
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import delete, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql import Executable, Select

import ocppkit.storage.statements as statements
from ocppkit.storage.records import (
    CommandRecord,
    ConnectorStatusRecord,
    DeviceModelRecord,
    IdTokenRecord,
    MeterValueRecord,
    StationMessageRecord,
    StationObjectRecord,
    StationRecord,
    TrackingState,
    TransactionEventRecord,
    TransactionRecord,
)
from ocppkit.storage.tables import (
    Base,
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

RecordT = TypeVar("RecordT")


def _select(orm: type[Base], record: type[Any]) -> Select[Any]:
    """SELECT exactly the columns ``record`` has."""
    return select(*(getattr(orm, f.name) for f in fields(record)))


async def _all(session: AsyncSession, stmt: Select[Any], record: type[RecordT]) -> list[RecordT]:
    result = await session.execute(stmt)
    return [record(**row._mapping) for row in result]


class _Repository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    @property
    def dialect(self) -> str:
        return self.session.get_bind().dialect.name

    async def _write(self, stmt: Executable, records: Iterable[Any]) -> None:
        rows = [record.row() for record in records]
        if rows:
            await self.session.execute(stmt, rows)


class StationRepository(_Repository):
    """Stations: boot record, firmware status, first/last seen, online."""

    async def upsert_many(self, records: Iterable[StationRecord]) -> None:
        """Insert or replace; ``first_seen`` of an existing station is kept."""
        await self._write(statements.upsert(self.dialect, StationRow, ("first_seen",)), records)

    async def set_last_seen(self, seen: dict[str, datetime]) -> None:
        """Move ``last_seen`` of existing stations (unknown ids are ignored)."""
        if seen:
            rows = [{"station": sid, "seen": at} for sid, at in seen.items()]
            await self.session.execute(statements.set_last_seen(), rows)

    async def mark_all_offline(self) -> None:
        """Every station offline (at start-up, before any link is accepted)."""
        await self.session.execute(
            update(StationRow).where(StationRow.online.is_(True)).values(online=False)
        )

    async def get(self, station_id: str) -> StationRecord | None:
        found = await _all(
            self.session,
            _select(StationRow, StationRecord).where(StationRow.id == station_id),
            StationRecord,
        )
        return found[0] if found else None

    async def all(self) -> list[StationRecord]:
        """Every station, by id."""
        stmt = _select(StationRow, StationRecord).order_by(StationRow.id)
        return await _all(self.session, stmt, StationRecord)


class ConnectorStatusRepository(_Repository):
    """The history of connector statuses (G01)."""

    async def add_many(self, records: Iterable[ConnectorStatusRecord]) -> None:
        await self._write(statements.insert(ConnectorStatusRow), records)

    async def history(
        self, station_id: str, evse_id: int | None = None, connector_id: int | None = None
    ) -> list[ConnectorStatusRecord]:
        """A station's status changes in the order received, optionally of one connector."""
        row = ConnectorStatusRow
        stmt = _select(row, ConnectorStatusRecord).where(row.station_id == station_id)
        if evse_id is not None:
            stmt = stmt.where(row.evse_id == evse_id)
        if connector_id is not None:
            stmt = stmt.where(row.connector_id == connector_id)
        return await _all(self.session, stmt.order_by(row.id), ConnectorStatusRecord)

    async def latest(self) -> list[ConnectorStatusRecord]:
        """The current status of every connector of every station."""
        row = ConnectorStatusRow
        newest = select(func.max(row.id)).group_by(row.station_id, row.evse_id, row.connector_id)
        stmt = _select(row, ConnectorStatusRecord).where(row.id.in_(newest)).order_by(row.id)
        return await _all(self.session, stmt, ConnectorStatusRecord)


class IdTokenRepository(_Repository):
    """Id tokens and their authorization status."""

    async def put(self, record: IdTokenRecord) -> None:
        await self._write(statements.upsert(self.dialect, IdTokenRow), [record])

    async def get(self, id_token: str, token_type: str) -> IdTokenRecord | None:
        stmt = _select(IdTokenRow, IdTokenRecord).where(
            IdTokenRow.id_token == id_token, IdTokenRow.type == token_type
        )
        found = await _all(self.session, stmt, IdTokenRecord)
        return found[0] if found else None

    async def accepted(self, now: datetime) -> list[IdTokenRecord]:
        """Tokens whose status is Accepted and that have not expired at ``now``."""
        row = IdTokenRow
        stmt = _select(row, IdTokenRecord).where(
            row.status == "Accepted", or_(row.expires_at.is_(None), row.expires_at > now)
        )
        return await _all(self.session, stmt.order_by(row.id_token), IdTokenRecord)

    async def all(self) -> list[IdTokenRecord]:
        """Every token, whatever its status, by id."""
        stmt = _select(IdTokenRow, IdTokenRecord).order_by(IdTokenRow.id_token, IdTokenRow.type)
        return await _all(self.session, stmt, IdTokenRecord)

    async def delete(self, id_token: str, token_type: str) -> None:
        await self.session.execute(
            delete(IdTokenRow).where(IdTokenRow.id_token == id_token, IdTokenRow.type == token_type)
        )


class TransactionRepository(_Repository):
    """Transactions and every TransactionEvent of each."""

    async def upsert_many(self, records: Iterable[TransactionRecord]) -> None:
        await self._write(statements.upsert(self.dialect, TransactionRow), records)

    async def add_events(self, records: Iterable[TransactionEventRecord]) -> None:
        """Store events; one whose (transaction, seqNo) is already stored is skipped."""
        await self._write(
            statements.insert_ignoring(
                self.dialect, TransactionEventRow, ("transaction_ref", "seq_no")
            ),
            records,
        )

    async def get(self, ref: str) -> TransactionRecord | None:
        stmt = _select(TransactionRow, TransactionRecord).where(TransactionRow.id == ref)
        found = await _all(self.session, stmt, TransactionRecord)
        return found[0] if found else None

    async def find(self, station_id: str, transaction_id: str) -> list[TransactionRecord]:
        """The station's transactions with this id, oldest first."""
        row = TransactionRow
        stmt = _select(row, TransactionRecord).where(
            row.station_id == station_id, row.transaction_id == transaction_id
        )
        return await _all(self.session, stmt.order_by(row.started_at), TransactionRecord)

    async def active(self) -> list[TransactionRecord]:
        """Transactions not ended, oldest start first."""
        row = TransactionRow
        stmt = _select(row, TransactionRecord).where(row.ended_at.is_(None))
        return await _all(self.session, stmt.order_by(row.started_at, row.id), TransactionRecord)

    async def recent_ended(self, limit: int) -> list[TransactionRecord]:
        """The ``limit`` most recently ended transactions, oldest end first."""
        row = TransactionRow
        stmt = _select(row, TransactionRecord).where(row.ended_at.is_not(None))
        newest = await _all(
            self.session, stmt.order_by(row.ended_at.desc()).limit(limit), TransactionRecord
        )
        return newest[::-1]

    async def events(self, ref: str) -> list[TransactionEventRecord]:
        """A transaction's events by seqNo."""
        row = TransactionEventRow
        stmt = _select(row, TransactionEventRecord).where(row.transaction_ref == ref)
        return await _all(self.session, stmt.order_by(row.seq_no), TransactionEventRecord)

    async def active_event_keys(self) -> list[tuple[str, int, datetime]]:
        """(transaction ref, seqNo, timestamp) of every event of the transactions not ended:
        what the CSMS needs to recognise a resent event and fold in a late one."""
        event, tx = TransactionEventRow, TransactionRow
        stmt = (
            select(event.transaction_ref, event.seq_no, event.timestamp)
            .join(tx, tx.id == event.transaction_ref)
            .where(tx.ended_at.is_(None))
        )
        return [(ref, seq_no, at) for ref, seq_no, at in await self.session.execute(stmt)]


class MeterValueRepository(_Repository):
    """Sampled meter values."""

    async def add_many(self, records: Iterable[MeterValueRecord]) -> None:
        await self._write(statements.insert(MeterValueRow), records)

    async def for_transaction(self, ref: str) -> list[MeterValueRecord]:
        row = MeterValueRow
        stmt = _select(row, MeterValueRecord).where(row.transaction_ref == ref)
        return await _all(self.session, stmt.order_by(row.timestamp, row.id), MeterValueRecord)

    async def for_station(
        self, station_id: str, evse_id: int | None = None
    ) -> list[MeterValueRecord]:
        row = MeterValueRow
        stmt = _select(row, MeterValueRecord).where(row.station_id == station_id)
        if evse_id is not None:
            stmt = stmt.where(row.evse_id == evse_id)
        return await _all(self.session, stmt.order_by(row.timestamp, row.id), MeterValueRecord)


class DeviceModelRepository(_Repository):
    """Stations' device models (one row per station, the last complete report)."""

    async def put(self, record: DeviceModelRecord) -> None:
        await self._write(statements.upsert(self.dialect, DeviceModelRow), [record])

    async def all(self) -> list[DeviceModelRecord]:
        stmt = _select(DeviceModelRow, DeviceModelRecord).order_by(DeviceModelRow.station_id)
        return await _all(self.session, stmt, DeviceModelRecord)


"""(station_id, kind, key) of a station object."""


class TrackingRepository(_Repository):
    """Commands sent to stations, the stations' notifications, and the objects they manage."""

    async def commands(
        self,
        station_id: str,
        action: str | None = None,
        limit: int = 50,
        before_id: int | None = None,
    ) -> list[CommandRecord]:
        """A station's commands, newest first, optionally of one action / older than an id."""
        stmt = _page(
            _select(CommandRow, CommandRecord), CommandRow, station_id, action, limit, before_id
        )
        return await _all(self.session, stmt, CommandRecord)

    async def messages(
        self,
        station_id: str,
        action: str | None = None,
        limit: int = 50,
        before_id: int | None = None,
    ) -> list[StationMessageRecord]:
        """A station's notifications, newest first, optionally of one action / before an id."""
        stmt = _page(
            _select(StationMessageRow, StationMessageRecord),
            StationMessageRow,
            station_id,
            action,
            limit,
            before_id,
        )
        return await _all(self.session, stmt, StationMessageRecord)

    async def objects(self, station_id: str | None = None) -> list[StationObjectRecord]:
        """Station objects (of one station or all), by station, kind and key."""
        row = StationObjectRow
        stmt = _select(row, StationObjectRecord)
        if station_id is not None:
            stmt = stmt.where(row.station_id == station_id)
        return await _all(
            self.session, stmt.order_by(row.station_id, row.kind, row.key), StationObjectRecord
        )

    async def state(self, recent: int) -> TrackingState:
        """Every object, the ``recent`` newest commands of each station (oldest first) and the
        highest command and message ids."""
        row = CommandRow
        rank = func.row_number().over(partition_by=row.station_id, order_by=row.id.desc())
        ranked = select(row.id, rank.label("rank")).subquery()
        newest = select(ranked.c.id).where(ranked.c.rank <= recent)
        stmt = _select(row, CommandRecord).where(row.id.in_(newest)).order_by(row.id)
        last_message = await self.session.scalar(select(func.max(StationMessageRow.id)))
        return TrackingState(
            commands=await _all(self.session, stmt, CommandRecord),
            objects=await self.objects(),
            last_command_id=await self.session.scalar(select(func.max(row.id))) or 0,
            last_message_id=last_message or 0,
        )


def _page(
    stmt: Select[Any],
    row: Any,
    station_id: str,
    action: str | None,
    limit: int,
    before_id: int | None,
) -> Select[Any]:
    stmt = stmt.where(row.station_id == station_id)
    if action is not None:
        stmt = stmt.where(row.action == action)
    if before_id is not None:
        stmt = stmt.where(row.id < before_id)
    return stmt.order_by(row.id.desc()).limit(limit)


__all__ = [
    "ConnectorStatusRepository",
    "DeviceModelRepository",
    "IdTokenRepository",
    "MeterValueRepository",
    "StationRepository",
    "TrackingRepository",
    "TransactionRepository",
]
