"""The security events of the CSMS: every station connection the handshake refused, with who,
from where and why. Kept in memory (the last ``keep``) and, with a database, in the
``security_events`` table, so they outlive a restart."""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import Any

from ocppkit.storage.database import Database
from ocppkit.storage.records import SecurityEventRecord
from ocppkit.storage.security import SecurityEventRepository

log = logging.getLogger("ocppkit.security")
Runner = Callable[[Callable[[Database], Awaitable[Any]]], Awaitable[Any]]


def _view(record: SecurityEventRecord) -> dict[str, Any]:
    return {
        "id": record.id,
        "at": record.at.isoformat(),
        "charger_id": record.station_id,
        "remote_address": record.remote_address,
        "reason": record.reason,
        "detail": record.detail,
    }


async def _add(db: Database, record: SecurityEventRecord) -> None:
    async with db.session() as session:
        await SecurityEventRepository(session).add_many([record])
        await session.commit()


async def _recent(db: Database, limit: int, station_id: str | None) -> list[SecurityEventRecord]:
    async with db.session() as session:
        return await SecurityEventRepository(session).recent(limit, station_id)


class SecurityEventLog:
    """Refused connections, newest last in memory; in the database through ``bind``."""

    def __init__(self, keep: int = 500) -> None:
        self._memory: deque[SecurityEventRecord] = deque(maxlen=keep)
        self._run: Runner | None = None
        self._next_id = 1

    def bind(self, run: Runner | None) -> None:
        self._run = run

    async def record(
        self, station_id: str, remote_address: str, reason: str, detail: str, at: datetime
    ) -> dict[str, Any]:
        """Keep one event; a database that fails is logged, never raised (the refusal still
        goes out)."""
        record = SecurityEventRecord(station_id, remote_address, reason, detail, at)
        if self._run is not None:
            try:
                await self._run(lambda db: _add(db, record))
            except Exception:
                log.exception("cannot store the security event of %s", station_id)
        record.id, self._next_id = self._next_id, self._next_id + 1
        self._memory.append(record)
        return _view(record)

    async def recent(self, limit: int = 100, station_id: str | None = None) -> list[dict[str, Any]]:
        """The newest ``limit`` events (of one station), newest first."""
        if self._run is not None:
            records: list[SecurityEventRecord] = await self._run(
                lambda db: _recent(db, limit, station_id)
            )
            return [_view(r) for r in records]
        found = [r for r in reversed(self._memory) if station_id in (None, r.station_id)]
        return [_view(r) for r in found[:limit]]


__all__ = ["SecurityEventLog"]
