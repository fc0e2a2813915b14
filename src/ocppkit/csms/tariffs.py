"""The CSMS's tariffs (block I): ``TariffBook`` keeps them in memory for pricing and, when the
CSMS has a database, in the ``tariffs`` table (read at start, written through on every change),
the way ``ocppkit.security.stations.StationSecurityStore`` keeps station settings.

A tariff's JSON form (REST and storage) carries its prices as decimal text, so no price ever
goes through a float.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from datetime import UTC, datetime
from typing import Any

from ocppkit.csms.clock import format_optional, parse_time
from ocppkit.csms.cost import PRICE_FIELDS, Tariff, TariffError, select_tariff
from ocppkit.storage.database import Database
from ocppkit.storage.records import TariffRecord
from ocppkit.storage.tariffs import TariffRepository

Runner = Callable[[Callable[[Database], Awaitable[Any]]], Awaitable[Any]]
_KEYS = frozenset(
    (*PRICE_FIELDS, "currency", "valid_from", "valid_to", "station_ids", "id_token_groups", "text")
)


def _strings(name: str, value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        raise TariffError(f"{name} must be a list of strings")
    return tuple(dict.fromkeys(value))


def _time(name: str, value: Any) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value
    try:
        return parse_time(str(value))
    except ValueError as error:
        raise TariffError(f"{name} must be an RFC 3339 time with a time zone") from error


def tariff_from_dict(tariff_id: str, data: Mapping[str, Any]) -> Tariff:
    """A tariff from its JSON form (prices as numbers or decimal text).

    Raises:
        TariffError: an unknown key, a missing currency, or a bad value.
    """
    unknown = sorted(set(data) - _KEYS - {"id"})
    if unknown:
        raise TariffError(f"unknown tariff field(s): {', '.join(unknown)}")
    if "currency" not in data:
        raise TariffError("a tariff needs a currency")
    prices = {name: data[name] for name in PRICE_FIELDS if data.get(name) is not None}
    return Tariff(
        id=tariff_id,
        currency=str(data["currency"]),
        valid_from=_time("valid_from", data.get("valid_from")),
        valid_to=_time("valid_to", data.get("valid_to")),
        station_ids=_strings("station_ids", data.get("station_ids")),
        id_token_groups=_strings("id_token_groups", data.get("id_token_groups")),
        text=data.get("text"),
        **prices,
    )


def tariff_to_dict(tariff: Tariff) -> dict[str, Any]:
    """The JSON form: prices as decimal text, times as OCPP time text."""
    return {
        "id": tariff.id,
        "currency": tariff.currency,
        **{name: str(getattr(tariff, name)) for name in PRICE_FIELDS},
        "valid_from": format_optional(tariff.valid_from),
        "valid_to": format_optional(tariff.valid_to),
        "station_ids": list(tariff.station_ids),
        "id_token_groups": list(tariff.id_token_groups),
        "text": tariff.text,
    }


async def _put(db: Database, record: TariffRecord) -> None:
    async with db.session() as session:
        await TariffRepository(session).put(record)
        await session.commit()


async def _remove(db: Database, tariff_id: str) -> None:
    async with db.session() as session:
        await TariffRepository(session).remove(tariff_id)
        await session.commit()


async def _all(db: Database) -> list[TariffRecord]:
    async with db.session() as session:
        return await TariffRepository(session).all()


class TariffBook:
    """The tariffs, in memory and (once bound to a database runner) stored."""

    def __init__(self) -> None:
        self._tariffs: dict[str, Tariff] = {}
        self._run: Runner | None = None

    def bind(self, run: Runner | None) -> None:
        """Store through ``run`` (``DatabaseWorker.run``) from now on; None: memory only."""
        self._run = run

    async def open(self, store: object) -> None:
        """Keep the tariffs in the CSMS store's database, if it has one, and read them."""
        worker = getattr(store, "worker", None)
        self.bind(None if worker is None else worker.run)
        await self.load()

    async def load(self) -> None:
        """Read the stored tariffs (kept ones added before start are written)."""
        if self._run is None:
            return
        added = dict(self._tariffs)
        records: list[TariffRecord] = await self._run(_all)
        for record in records:
            self._tariffs[record.id] = tariff_from_dict(record.id, record.document)
        for tariff in added.values():
            await self.put(tariff)

    def get(self, tariff_id: str) -> Tariff | None:
        return self._tariffs.get(tariff_id)

    def all(self) -> list[Tariff]:
        return [self._tariffs[key] for key in sorted(self._tariffs)]

    async def put(self, tariff: Tariff) -> bool:
        """Add or replace a tariff; True when it was new."""
        new = tariff.id not in self._tariffs
        if self._run is not None:
            record = TariffRecord(tariff.id, tariff_to_dict(tariff), datetime.now(UTC))
            await self._run(lambda db: _put(db, record))
        self._tariffs[tariff.id] = tariff
        return new

    async def remove(self, tariff_id: str) -> bool:
        """Remove a tariff; False when there was none."""
        if tariff_id not in self._tariffs:
            return False
        if self._run is not None:
            await self._run(lambda db: _remove(db, tariff_id))
        del self._tariffs[tariff_id]
        return True

    def tariff_for(self, station_id: str, token_group: str | None, at: datetime) -> Tariff | None:
        """The tariff that prices a transaction (``ocppkit.csms.cost.select_tariff``)."""
        return select_tariff(self._tariffs.values(), station_id, token_group, at)


__all__ = ["TariffBook", "tariff_from_dict", "tariff_to_dict"]
