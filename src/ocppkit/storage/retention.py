"""Retention: rows older than an operator's limit, deleted in the background in small batches.

Kinds (each with its own number of days; None keeps everything, the default):
  - ``frames``: the OCPP requests stored as records: commands (CSMS->CS, by ``sent_at``) and
    station messages (notifications, by ``received_at``). The raw frame log itself is in memory
    only (``csms.message_log``) and in the protocol log file, never in the database.
  - ``events``: TransactionEvents, connector status history (``received_at``) and refused
    connections (``security_events.at``).
  - ``meter_values``: sampled values (by their ``timestamp``).
Stations, transactions, id tokens, device models and station objects are current state, never
pruned. A transaction active for longer than ``events`` days loses its oldest events (the
transaction row keeps its totals).

One batch looks at the ``BATCH`` oldest rows of one table by primary key (ids grow with time) and
deletes those older than the cutoff: the primary key index is all it reads, whatever the table's
size, and no batch holds the write lock for long. Batches run on the database worker between the
write queue's commits (``DatabaseWorker.run`` is gated), with a pause between them, so the hot
path waits for one small DELETE at most.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, select

from ocppkit.storage.database import Database
from ocppkit.storage.tables import (
    CommandRow,
    ConnectorStatusRow,
    MeterValueRow,
    SecurityEventRow,
    StationMessageRow,
    TransactionEventRow,
)

BATCH = 500  # rows looked at (and at most deleted) per statement
PAUSE = 0.05  # seconds between two batches
INTERVAL = 300.0  # seconds between two rounds of pruning

# kind -> (row class, its time column name)
TABLES: dict[str, tuple[tuple[Any, str], ...]] = {
    "frames": ((CommandRow, "sent_at"), (StationMessageRow, "received_at")),
    "events": (
        (TransactionEventRow, "received_at"),
        (ConnectorStatusRow, "received_at"),
        (SecurityEventRow, "at"),
    ),
    "meter_values": ((MeterValueRow, "timestamp"),),
}


@dataclass(frozen=True, slots=True)
class RetentionPolicy:
    """Days each kind of history is kept (None: forever)."""

    frames: float | None = None
    events: float | None = None
    meter_values: float | None = None

    @property
    def active(self) -> bool:
        return any(days is not None for days in (self.frames, self.events, self.meter_values))

    def cutoffs(self, now: datetime) -> list[tuple[Any, str, datetime]]:
        """(row class, time column, rows older than this go) for each table with a limit."""
        found = []
        for kind, tables in TABLES.items():
            days = getattr(self, kind)
            if days is not None:
                found += [(row, column, now - timedelta(days=days)) for row, column in tables]
        return found


async def prune_batch(db: Database, row: Any, column: str, cutoff: datetime, batch: int) -> int:
    """Delete the rows among ``row``'s ``batch`` oldest (by id) whose ``column`` is before
    ``cutoff``; the number deleted (``batch`` means there may be more)."""
    table = row.__table__
    oldest = select(table.c.id, table.c[column]).order_by(table.c.id).limit(batch).subquery()
    doomed = select(oldest.c.id).where(oldest.c[column] < cutoff)
    async with db.session() as session:
        result = await session.execute(delete(table).where(table.c.id.in_(doomed)))
        await session.commit()
    return int(getattr(result, "rowcount", 0) or 0)  # a CursorResult for DELETE


__all__ = ["BATCH", "INTERVAL", "PAUSE", "TABLES", "RetentionPolicy", "prune_batch"]
