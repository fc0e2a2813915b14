"""Per-station security settings (OCPP 2.0.1 A00-A05): the lowest security profile a station
may connect with and its Basic auth password, hashed.

``StationSecurityStore`` keeps them in memory for the handshake (a dict lookup per connection)
and, when the CSMS has a database, in the ``station_security`` table: read at start, written
through on every change. Without an entry a station connects as before (profile 0: nothing
required) unless the CSMS is told a minimum for stations it does not know.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, TypeVar

from ocppkit.security.passwords import check_password_rules, hash_password
from ocppkit.storage.database import Database
from ocppkit.storage.records import StationSecurityRecord
from ocppkit.storage.security import StationSecurityRepository

T = TypeVar("T")
Runner = Callable[[Callable[[Database], Awaitable[Any]]], Awaitable[Any]]
PROFILES = (0, 1, 2, 3)


class SecuritySettingError(ValueError):
    """Settings that cannot be applied (the message says why, in one sentence)."""


@dataclass(frozen=True, slots=True)
class StationSecurity:
    """What the handshake checks for one station."""

    profile: int
    password_hash: str | None = None
    previous_password_hash: str | None = None  # still accepted until the new one is used (A01)

    def view(self, station_id: str) -> dict[str, Any]:
        """The JSON view: never the password, only whether one is set."""
        return {
            "charger_id": station_id,
            "profile": self.profile,
            "password_set": self.password_hash is not None,
        }


def _record(station_id: str, security: StationSecurity) -> StationSecurityRecord:
    return StationSecurityRecord(
        station_id,
        security.profile,
        security.password_hash,
        security.previous_password_hash,
        datetime.now(UTC),
    )


async def _put(db: Database, record: StationSecurityRecord) -> None:
    async with db.session() as session:
        await StationSecurityRepository(session).put_many([record])
        await session.commit()


async def _remove(db: Database, station_id: str) -> None:
    async with db.session() as session:
        await StationSecurityRepository(session).remove(station_id)
        await session.commit()


async def _all(db: Database) -> list[StationSecurityRecord]:
    async with db.session() as session:
        return await StationSecurityRepository(session).all()


class StationSecurityStore:
    """Station security settings, in memory and (with ``run``) in the database.

    Args:
        run: runs ``work(database)`` where the database lives (``DatabaseWorker.run``), or None
            to keep everything in memory.
    """

    def __init__(self, run: Runner | None = None) -> None:
        self._run = run
        self._stations: dict[str, StationSecurity] = {}
        self.upgrades: dict[str, int] = {}  # A05: profile a station was told to move up to

    def bind(self, run: Runner | None) -> None:
        """Persist through ``run`` from now on (the CSMS binds its database at start)."""
        self._run = run

    async def load(self) -> int:
        """Read every station's settings from the database; how many there are."""
        if self._run is None:
            return len(self._stations)
        records: list[StationSecurityRecord] = await self._run(_all)
        for r in records:
            self._stations[r.station_id] = StationSecurity(
                r.profile, r.password_hash, r.previous_password_hash
            )
        return len(self._stations)

    def get(self, station_id: str) -> StationSecurity | None:
        """The station's settings, None when it has none (it follows the CSMS's default)."""
        return self._stations.get(station_id)

    def view(self, station_id: str) -> dict[str, Any]:
        """``StationSecurity.view`` of the station (profile 0, no password, if it has none)."""
        return self._stations.get(station_id, StationSecurity(0)).view(station_id)

    async def configure(
        self, station_id: str, profile: int, password: str | None = None
    ) -> StationSecurity:
        """Set the station's lowest accepted profile and, optionally, a new password.

        A new password replaces the old one at once (``begin_rotation`` keeps the old one
        accepted while a station is told its new one).

        Raises:
            SecuritySettingError: an unknown profile, a password that breaks the rules, or
                profile 1 or 2 without any password.
        """
        if profile not in PROFILES:
            raise SecuritySettingError(f"security profile {profile!r} is not 0, 1, 2 or 3")
        current = self._stations.get(station_id)
        password_hash = None if current is None else current.password_hash
        if password is not None:
            problem = check_password_rules(password)
            if problem:
                raise SecuritySettingError(problem)
            password_hash = await asyncio.to_thread(hash_password, password)
        if profile in (1, 2) and password_hash is None:
            raise SecuritySettingError(
                f"security profile {profile} needs a password (HTTP Basic auth)"
            )
        return await self._save(station_id, StationSecurity(profile, password_hash))

    async def begin_rotation(self, station_id: str, password: str) -> StationSecurity:
        """A01: the station is being given ``password``; both it and the current one are
        accepted until ``confirm_rotation``.

        Raises:
            SecuritySettingError: the password breaks the rules.
        """
        problem = check_password_rules(password)
        if problem:
            raise SecuritySettingError(problem)
        current = self._stations.get(station_id, StationSecurity(1))
        new_hash = await asyncio.to_thread(hash_password, password)
        previous = current.password_hash or current.previous_password_hash
        return await self._save(
            station_id, StationSecurity(max(current.profile, 1), new_hash, previous)
        )

    async def confirm_rotation(self, station_id: str) -> None:
        """A01: the station connected with its new password: the old one is refused from now."""
        current = self._stations.get(station_id)
        if current is not None and current.previous_password_hash is not None:
            await self._save(station_id, StationSecurity(current.profile, current.password_hash))

    async def connected_at(self, station_id: str, achieved: int) -> None:
        """A05: a station told to move up connected at ``achieved``: once that reaches the new
        profile, it becomes the station's minimum (no way back down)."""
        target = self.upgrades.get(station_id)
        if target is None or achieved < target:
            return
        del self.upgrades[station_id]
        current = self._stations.get(station_id, StationSecurity(0))
        if target > current.profile:
            await self._save(
                station_id,
                StationSecurity(target, current.password_hash, current.previous_password_hash),
            )

    async def restore(self, station_id: str, security: StationSecurity | None) -> None:
        """Put back settings read before (a rotation that failed); None removes them."""
        if security is not None:
            await self._save(station_id, security)
        elif station_id in self._stations:
            if self._run is not None:
                await self._run(lambda db: _remove(db, station_id))
            del self._stations[station_id]

    async def _save(self, station_id: str, security: StationSecurity) -> StationSecurity:
        if self._run is not None:
            record = _record(station_id, security)
            await self._run(lambda db: _put(db, record))
        self._stations[station_id] = security
        return security


__all__ = [
    "PROFILES",
    "SecuritySettingError",
    "StationSecurity",
    "StationSecurityStore",
]
