"""Repositories of the security tables: station security settings and REST API keys.

Like ``repositories``, each works in the caller's ``AsyncSession`` and gives back records.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import delete, select, update

from ocppkit.storage import statements
from ocppkit.storage.records import ApiKeyRecord, StationSecurityRecord
from ocppkit.storage.repositories import _all, _Repository, _select
from ocppkit.storage.tables import ApiKeyRow, StationSecurityRow


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


__all__ = ["ApiKeyRepository", "StationSecurityRepository"]
