"""The ``sites`` table: groups of stations sharing a power limit (``ocppkit.csms.sites``).

Like ``repositories``, it works in the caller's ``AsyncSession`` and gives back records.
"""

from __future__ import annotations

from sqlalchemy import delete

from ocppkit.storage import statements
from ocppkit.storage.records import SiteRecord
from ocppkit.storage.repositories import _all, _Repository, _select
from ocppkit.storage.tables import SiteRow


class SiteRepository(_Repository):
    async def put(self, record: SiteRecord) -> None:
        """Insert or replace."""
        await self._write(statements.upsert(self.dialect, SiteRow), [record])

    async def remove(self, site_id: str) -> None:
        await self.session.execute(delete(SiteRow).where(SiteRow.site_id == site_id))

    async def all(self) -> list[SiteRecord]:
        """Every site, by id."""
        stmt = _select(SiteRow, SiteRecord).order_by(SiteRow.site_id)
        return await _all(self.session, stmt, SiteRecord)
