"""Charging-station groups ("sites") sharing one power limit (K01 with
ChargingStationMaxProfile).

Each site has a limit in W, its stations and an allocation strategy. The CSMS keeps the sum of
the stations' shares under the limit as transactions start and end: each station gets its
share as a ChargingStationMaxProfile on EVSE 0 (K01), always with the same id, so a new share
replaces the old one (K01.FR.05).

Why ChargingStationMaxProfile per station and not recomputed TxProfiles: it is what site load
managers of real CSMSs send (the station-level cap is the one limit every OCPP 2.0.1 station
obeys, with or without ISO 15118, for every EVSE and before a transaction id exists, and the
station stays under it even when the link to the CSMS is lost); TxProfiles sent for ISO 15118
EVs then derive from it (``SmartCharging.derived_profile``).

Shares that go down are sent (and answered) before shares that go up, so the sum of what the
stations may draw stays under the limit during the change too. A station offline keeps the share
it was last given (it may be charging offline), which the others' shares leave free. Idle
stations get 0 W; their share is raised once a transaction starts there.

Strategies (``STRATEGIES``, extendable with ``register_strategy``): ``equal`` (the limit split
evenly among the stations charging), ``first_come`` (in the order their transactions started,
each as much as it takes), ``needs`` (by what the EVs asked for, K15: the power that delivers
their requested energy by their departure, else their maximum, the rest split evenly).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from ocppkit.csms.charging_limits import ev_max_power, ev_needed_power, station_max_power
from ocppkit.csms.clock import format_time
from ocppkit.csms.context import CsmsContext
from ocppkit.protocol.errors import OCPPKitError
from ocppkit.protocol.models import (
    ChargingProfileType,
    ChargingSchedulePeriodType,
    ChargingScheduleType,
    NotifyEVChargingNeedsRequest,
    SetChargingProfileRequest,
)
from ocppkit.storage.database import Database
from ocppkit.storage.records import SiteRecord
from ocppkit.storage.sites import SiteRepository

log = logging.getLogger("ocppkit.csms")

SITE_PROFILE_ID = 1_900_000_000  # the id of every site share (K01.FR.05: replaced in place)


@dataclass(slots=True)
class Site:
    """A group of stations sharing ``limit_w`` W."""

    site_id: str
    limit_w: float
    stations: list[str]
    strategy: str = "equal"

    def check(self) -> None:
        """Raises ValueError with a one-sentence reason for a site that cannot be used."""
        if not self.site_id or len(self.site_id) > 64:
            raise ValueError("a site id has 1 to 64 characters")
        if self.limit_w <= 0:
            raise ValueError("a site's limit_w must be above 0 W")
        if self.strategy not in STRATEGIES:
            raise ValueError(
                f"no allocation strategy {self.strategy!r}; choose from {', '.join(STRATEGIES)}"
            )
        if len(set(self.stations)) != len(self.stations):
            raise ValueError("a station is named twice in the site")


@dataclass(frozen=True, slots=True)
class Demand:
    """What a strategy knows of one station: whether it charges, since when, what its EVs
    want (W) and the most it can take (W)."""

    station_id: str
    charging: bool
    since: datetime | None = None
    wanted_w: float | None = None
    max_w: float | None = None


Strategy = Callable[[float, list[Demand]], dict[str, float]]
"""``strategy(available_w, demands)``: each station's share (W); the sum at most
``available_w``."""


def _fill(available: float, caps: dict[str, float | None]) -> dict[str, float]:
    """Water-filling: an even split, a station capped at its ``caps`` value leaves the rest
    to the others."""
    shares = dict.fromkeys(caps, 0.0)
    open_ = {s for s in caps}
    left = available
    while open_ and left > 1e-9:
        each = left / len(open_)
        capped = {s for s in open_ if (cap := caps[s]) is not None and cap - shares[s] <= each}
        if not capped:
            for station in open_:
                shares[station] += each
            break
        for station in capped:
            cap = caps[station]
            assert cap is not None
            left -= cap - shares[station]
            shares[station] = cap
        open_ -= capped
    return shares


def equal_share(available: float, demands: list[Demand]) -> dict[str, float]:
    charging = {d.station_id: d.max_w for d in demands if d.charging}
    return {d.station_id: 0.0 for d in demands} | _fill(available, charging)


def first_come(available: float, demands: list[Demand]) -> dict[str, float]:
    shares = {d.station_id: 0.0 for d in demands}
    order = sorted(
        (d for d in demands if d.charging), key=lambda d: (d.since or datetime.max, d.station_id)
    )
    left = available
    for demand in order:
        caps = [w for w in (demand.wanted_w, demand.max_w) if w is not None]
        share = min([left, *caps])
        shares[demand.station_id] = share
        left -= share
    return shares


def by_needs(available: float, demands: list[Demand]) -> dict[str, float]:
    charging = [d for d in demands if d.charging]
    wanted: dict[str, float | None] = {}
    for d in charging:
        want = d.wanted_w if d.wanted_w is not None else d.max_w
        wanted[d.station_id] = want if d.max_w is None or want is None else min(want, d.max_w)
    first = _fill(available, wanted)
    rest = available - sum(first.values())
    extra = _fill(
        rest,
        {
            d.station_id: None if d.max_w is None else d.max_w - first[d.station_id]
            for d in charging
        },
    )
    shares = {d.station_id: 0.0 for d in demands}
    for station, share in first.items():
        shares[station] = share + extra.get(station, 0.0)
    return shares


STRATEGIES: dict[str, Strategy] = {
    "equal": equal_share,
    "first_come": first_come,
    "needs": by_needs,
}


def register_strategy(name: str, strategy: Strategy) -> None:
    """Make ``strategy`` available to sites under ``name``."""
    STRATEGIES[name] = strategy


def share_profile(limit_w: float, now: datetime) -> ChargingProfileType:
    """K01: a station's site share as its ChargingStationMaxProfile (Absolute from now)."""
    start = (now - timedelta(seconds=1)).replace(microsecond=0)
    return ChargingProfileType(
        id=SITE_PROFILE_ID,
        stack_level=0,
        charging_profile_purpose="ChargingStationMaxProfile",
        charging_profile_kind="Absolute",
        charging_schedule=[
            ChargingScheduleType(
                id=1,
                charging_rate_unit="W",
                start_schedule=format_time(start),
                charging_schedule_period=[
                    ChargingSchedulePeriodType(start_period=0, limit=round(max(limit_w, 0), 1))
                ],
            )
        ],
    )


@dataclass(slots=True)
class _Shares:
    sent: dict[str, float] = field(default_factory=dict)  # Accepted by the station
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    again: bool = False


Runner = Callable[[Callable[[Database], Awaitable[Any]]], Awaitable[Any]]


class SiteManager:
    """The CSMS's sites: kept under their limits as transactions start and end; in the
    ``sites`` table when the CSMS has a database (``bind``)."""

    def __init__(self, ctx: CsmsContext) -> None:
        self.ctx = ctx
        self._sites: dict[str, Site] = {}
        self._shares: dict[str, _Shares] = {}
        self._run: Runner | None = None
        ctx.events.add(self._on_event)

    def bind(self, run: Runner | None) -> None:
        """Keep the sites in the database ``run`` works on (None: in memory only)."""
        self._run = run

    async def load(self) -> None:
        """Read the stored sites (at start-up, before stations connect)."""
        if self._run is None:
            return

        async def read(db: Database) -> list[SiteRecord]:
            async with db.session() as session:
                return await SiteRepository(session).all()

        for record in await self._run(read):
            site = Site(record.site_id, record.limit_w, list(record.stations), record.strategy)
            if site.strategy not in STRATEGIES:  # a strategy registered in an earlier run
                log.warning(
                    "site %s: no strategy %r here, using equal", site.site_id, site.strategy
                )
                site.strategy = "equal"
            self._sites[site.site_id] = site
            self._shares.setdefault(site.site_id, _Shares())

    async def save(self, site: Site) -> None:
        """``put`` the site, then store it (when bound)."""
        self.put(site)
        if self._run is None:
            return
        record = SiteRecord(
            site.site_id, site.limit_w, site.strategy, list(site.stations), self.ctx.now()
        )

        async def write(db: Database) -> None:
            async with db.session() as session:
                await SiteRepository(session).put(record)
                await session.commit()

        await self._run(write)

    async def delete(self, site_id: str) -> bool:
        """``remove`` the site, and from the database (when bound)."""
        found = self.remove(site_id)
        if found and self._run is not None:

            async def write(db: Database) -> None:
                async with db.session() as session:
                    await SiteRepository(session).remove(site_id)
                    await session.commit()

            await self._run(write)
        return found

    def sites(self) -> list[Site]:
        return [self._sites[k] for k in sorted(self._sites)]

    def get(self, site_id: str) -> Site | None:
        return self._sites.get(site_id)

    def site_of(self, station_id: str) -> Site | None:
        return next((s for s in self._sites.values() if station_id in s.stations), None)

    def put(self, site: Site) -> None:
        """Add or replace a site, then allocate its limit again.

        Raises:
            ValueError: the site cannot be used, or names a station of another site.
        """
        site.check()
        for other in self._sites.values():
            shared = set(other.stations) & set(site.stations)
            if other.site_id != site.site_id and shared:
                raise ValueError(
                    f"station {sorted(shared)[0]!r} is in site {other.site_id!r} already"
                )
        old = self._sites.get(site.site_id)
        self._sites[site.site_id] = site
        held = self._shares.setdefault(site.site_id, _Shares())
        if old is not None:
            for station in set(old.stations) - set(site.stations):
                held.sent.pop(station, None)
        self.reallocate(site.site_id)

    def remove(self, site_id: str) -> bool:
        self._shares.pop(site_id, None)
        return self._sites.pop(site_id, None) is not None

    def view(self, site_id: str) -> dict[str, Any] | None:
        """The site with what each station is given now (W, Accepted by the station)."""
        site = self._sites.get(site_id)
        if site is None:
            return None
        sent = self._shares.get(site_id, _Shares()).sent
        stations = []
        for station_id in site.stations:
            charger = self.ctx.registry.get(station_id)
            stations.append(
                {
                    "station_id": station_id,
                    "allocated_w": sent.get(station_id),
                    "charging": bool(charger is not None and charger.active),
                    "connected": bool(charger is not None and charger.connected),
                }
            )
        return {
            "site_id": site.site_id,
            "limit_w": site.limit_w,
            "strategy": site.strategy,
            "stations": site.stations,
            "allocated_w": round(sum(sent.get(s, 0.0) for s in site.stations), 1),
            "allocation": stations,
        }

    # --- allocation ---

    def _on_event(self, kind: str, station_id: str, data: dict[str, Any]) -> None:
        if kind not in ("transaction", "booted", "connected", "disconnected"):
            return
        site = self.site_of(station_id)
        if site is not None:
            self.reallocate(site.site_id)

    def reallocate(self, site_id: str) -> None:
        """Allocate the site's limit again, in a task the server owns."""
        if self.ctx.spawn is not None and site_id in self._sites:
            self.ctx.spawn(self.apply(site_id))

    def _demand(self, station_id: str) -> Demand:
        charger = self.ctx.registry.get(station_id)
        if charger is None or not charger.active:
            return Demand(station_id, False)
        since = min((tx.started_at for tx in charger.active.values()), default=None)
        wanted: float | None = None
        reader = self.ctx.station_objects
        for obj in [] if reader is None else reader(station_id, "ev_charging_needs"):
            needs = NotifyEVChargingNeedsRequest.model_validate(obj["payload"]).charging_needs
            want = ev_needed_power(needs, self.ctx.now()) or ev_max_power(needs)
            if want is not None:
                wanted = (wanted or 0.0) + want
        return Demand(station_id, True, since, wanted, station_max_power(charger.device_model))

    async def apply(self, site_id: str) -> None:
        """Send the shares that change: those going down first (K01: the stations' sum stays
        under the limit throughout), then those going up."""
        held = self._shares.setdefault(site_id, _Shares())
        if held.lock.locked():
            held.again = True  # allocated once more after the running one
            return
        async with held.lock:
            while True:
                held.again = False
                await self._apply_once(site_id, held)
                if not held.again:
                    return

    async def _apply_once(self, site_id: str, held: _Shares) -> None:
        site = self._sites.get(site_id)
        if site is None:
            return
        online, reserved = [], 0.0
        for station_id in site.stations:
            charger = self.ctx.registry.get(station_id)
            if charger is not None and charger.connected:
                online.append(station_id)
            else:
                reserved += held.sent.get(station_id, 0.0)  # it may charge offline
        demands = [self._demand(s) for s in online]
        shares = STRATEGIES[site.strategy](max(site.limit_w - reserved, 0.0), demands)
        down = [s for s in online if shares[s] < held.sent.get(s, float("inf")) - 0.05]
        up = [s for s in online if shares[s] > held.sent.get(s, float("inf")) + 0.05]
        for group in (down, up):
            await asyncio.gather(*(self._send(site_id, s, shares[s], held) for s in group))

    async def _send(self, site_id: str, station_id: str, share: float, held: _Shares) -> None:
        if self.ctx.send is None:
            return
        request = SetChargingProfileRequest(
            evse_id=0, charging_profile=share_profile(share, self.ctx.now())
        )
        try:
            response = await self.ctx.send(station_id, "SetChargingProfile", request)
        except (OCPPKitError, ValueError, TimeoutError) as exc:
            log.warning("[%s] site %s share not sent: %r", station_id, site_id, exc)
            return
        if getattr(response, "status", None) == "Accepted":
            held.sent[station_id] = share
        else:
            log.warning("[%s] site %s share of %.0f W: %s", station_id, site_id, share, response)
