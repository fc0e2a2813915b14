"""Repositories of the security tables: station security settings and REST API keys.

Like ``repositories``, each works in the caller's ``AsyncSession`` and gives back records.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import delete, select, update

from ocppkit.storage import statements
from ocppkit.storage.records import ApiKeyRecord, SecurityEventRecord, StationSecurityRecord
from ocppkit.storage.repositories import _all, _Repository, _select
from ocppkit.storage.tables import ApiKeyRow, SecurityEventRow, StationSecurityRow


class StationSecurityRepository(_Repository):
    """Per-station security profile and hashed passwords (A00-A05)."""

    async def put_many(self, records: Iterable[StationSecurityRecord]) -> None:
        """Insert or replace."""
        await self._write(statements.upsert(self.dialect, StationSecurityRow), records)

    async def remove(self, station_id: str) -> None:
        await self.session.execute(
            delete(StationSecurityRow).where(StationSecurityRow.station_id == station_id)
        )

    async def get(self, station_id: str) -> StationSecurityRecord | None:
        row = StationSecurityRow
        stmt = _select(row, StationSecurityRecord).where(row.station_id == station_id)
        found = await _all(self.session, stmt, StationSecurityRecord)
        return found[0] if found else None

    async def all(self) -> list[StationSecurityRecord]:
        """Every station's settings, by id."""
        stmt = _select(StationSecurityRow, StationSecurityRecord).order_by(
            StationSecurityRow.station_id
        )
        return await _all(self.session, stmt, StationSecurityRecord)


class ApiKeyRepository(_Repository):
    """REST API keys, looked up by their hash."""

    async def add(self, record: ApiKeyRecord) -> None:
        await self._write(statements.insert(ApiKeyRow), [record])

    async def by_hash(self, key_hash: str) -> ApiKeyRecord | None:
        """The key with this hash, revoked or not."""
        stmt = _select(ApiKeyRow, ApiKeyRecord).where(ApiKeyRow.key_hash == key_hash)
        found = await _all(self.session, stmt, ApiKeyRecord)
        return found[0] if found else None

    async def all(self) -> list[ApiKeyRecord]:
        """Every key, oldest first."""
        stmt = _select(ApiKeyRow, ApiKeyRecord).order_by(ApiKeyRow.created_at, ApiKeyRow.id)
        return await _all(self.session, stmt, ApiKeyRecord)

    async def revoke(self, key_id: str, at: datetime) -> bool:
        """Mark a key revoked; False if no such key is active."""
        result = await self.session.execute(
            update(ApiKeyRow)
            .where(ApiKeyRow.id == key_id, ApiKeyRow.revoked_at.is_(None))
            .values(revoked_at=at)
        )
        return bool(result.rowcount)  # type: ignore[attr-defined]

    async def active_count(self) -> int:
        """How many keys are not revoked."""
        rows = await self.session.execute(
            select(ApiKeyRow.id).where(ApiKeyRow.revoked_at.is_(None))
        )
        return len(rows.all())


class SecurityEventRepository(_Repository):
    """Refused station connections, newest first."""

    async def add_many(self, records: Iterable[SecurityEventRecord]) -> None:
        rows = [{k: v for k, v in r.row().items() if k != "id"} for r in records]
        if rows:
            await self.session.execute(statements.insert(SecurityEventRow), rows)

    async def recent(self, limit: int, station_id: str | None = None) -> list[SecurityEventRecord]:
        stmt = _select(SecurityEventRow, SecurityEventRecord)
        if station_id is not None:
            stmt = stmt.where(SecurityEventRow.station_id == station_id)
        stmt = stmt.order_by(SecurityEventRow.id.desc()).limit(limit)
        return await _all(self.session, stmt, SecurityEventRecord)


__all__ = ["ApiKeyRepository", "SecurityEventRepository", "StationSecurityRepository"]
