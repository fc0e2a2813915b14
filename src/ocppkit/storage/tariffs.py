"""Repository of the ``tariffs`` table; like ``repositories``, it works in the caller's
``AsyncSession`` and gives back records."""

from __future__ import annotations

from sqlalchemy import delete

from ocppkit.storage import statements
from ocppkit.storage.records import TariffRecord
from ocppkit.storage.repositories import _all, _Repository, _select
from ocppkit.storage.tables import TariffRow


class TariffRepository(_Repository):
    """Tariffs by id (block I)."""

    async def put(self, record: TariffRecord) -> None:
        """Insert or replace."""
        await self._write(statements.upsert(self.dialect, TariffRow), [record])

    async def remove(self, tariff_id: str) -> None:
        await self.session.execute(delete(TariffRow).where(TariffRow.id == tariff_id))

    async def all(self) -> list[TariffRecord]:
        """Every tariff, by id."""
        stmt = _select(TariffRow, TariffRecord).order_by(TariffRow.id)
        return await _all(self.session, stmt, TariffRecord)


__all__ = ["TariffRepository"]
