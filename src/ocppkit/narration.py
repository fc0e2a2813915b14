"""What ``ocppkit charger`` (and ``all``) tells its user: one log line per thing that happens.

``Narrator`` watches simulated stations and logs, on the ``ocppkit.charger`` logger, when each
boots (and what the CSMS answered), goes offline and comes back, when a transaction starts and
ends (with its energy), and, while charging, a status line every ``status_interval`` seconds
(power, energy so far, the EV's state of charge). It looks after every frame a station sends or
receives (a frame observer schedules a look) and once a second (a lost link sends no frame).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field

from ocppkit.simulator import ChargerSimulator

log = logging.getLogger("ocppkit.charger")

CHECK_PERIOD = 1.0  # s between looks without a frame


@dataclass(slots=True)
class _Seen:
    """What was last told of one station."""

    registration: str | None = None
    online: bool = False
    booted: bool = False
    transactions: dict[int, str | None] = field(default_factory=dict)  # evse id -> tx id


class Narrator:
    """Logs what happens to ``sims``; ``start`` once the loop runs, ``close`` at the end.

    Args:
        sims: the stations.
        status_interval: seconds between status lines of a charging EVSE; None for none.
    """

    def __init__(
        self, sims: Sequence[ChargerSimulator], status_interval: float | None = None
    ) -> None:
        self.sims = list(sims)
        self.status_interval = status_interval
        self._seen = {sim.charger_id: _Seen() for sim in self.sims}
        self._task: asyncio.Task[None] | None = None
        self._scheduled = False
        self._loop: asyncio.AbstractEventLoop | None = None
        self.shutting_down = False  # set before the stations disconnect: no "offline" lines

    @property
    def booted(self) -> int:
        """How many of the stations booted (were Accepted) at least once."""
        return sum(seen.booted for seen in self._seen.values())

    def start(self) -> None:
        self._loop = asyncio.get_running_loop()
        for sim in self.sims:
            sim.frame_observers.append(self._frame)
        self._task = self._loop.create_task(self._watch(), name="charger narration")

    async def close(self) -> None:
        """Stop watching (tells what is still to tell first)."""
        self.check()
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None
        for sim in self.sims:
            with contextlib.suppress(ValueError):
                sim.frame_observers.remove(self._frame)

    def _frame(self, _direction: str, _text: str) -> None:
        if not self._scheduled and self._loop is not None:
            self._scheduled = True
            self._loop.call_soon(self._scheduled_check)

    def _scheduled_check(self) -> None:
        self._scheduled = False
        self.check()

    async def _watch(self) -> None:
        since_status = 0.0
        while True:
            await asyncio.sleep(CHECK_PERIOD)
            self.check()
            since_status += CHECK_PERIOD
            if self.status_interval is not None and since_status >= self.status_interval:
                since_status = 0.0
                self.status_lines()

    def check(self) -> None:
        """Log what changed since the last look."""
        for sim in self.sims:
            self._check(sim, self._seen[sim.charger_id])

    def _check(self, sim: ChargerSimulator, seen: _Seen) -> None:
        name = sim.charger_id
        status = sim.registration_status
        registration = None if status is None else status.value
        if registration != seen.registration:
            seen.registration = registration
            if registration is not None and registration != "Accepted":
                log.info(
                    "[%s] the CSMS answered the BootNotification %s; booting again later",
                    name,
                    registration,
                )
        online = sim.connected
        if online != seen.online:
            seen.online = online
            if online and not seen.booted:
                seen.booted = True
                log.info(
                    "[%s] booted: Accepted by %s (heartbeat every %g s)",
                    name,
                    sim.url,
                    sim.heartbeat_interval,
                )
            elif online:
                log.info("[%s] back online at %s", name, sim.url)
            elif not self.shutting_down:
                log.info("[%s] offline: the link to %s is down", name, sim.url)
        for evse_id, evse in sim.evses.items():
            now = None if evse.transaction is None else evse.transaction.transaction_id
            before = seen.transactions.get(evse_id)
            if now == before:
                continue
            seen.transactions[evse_id] = now
            if before is not None:
                log.info(
                    "[%s] EVSE %d: transaction %s ended: %.3f kWh",
                    name,
                    evse_id,
                    before,
                    evse.last_transaction_wh / 1000,
                )
            if now is not None:
                log.info("[%s] EVSE %d: transaction %s started", name, evse_id, now)

    def status_lines(self) -> None:
        """One line per EVSE in a transaction: power, energy so far, the EV's SoC."""
        for sim in self.sims:
            for evse_id, evse in sim.evses.items():
                if evse.transaction is None:
                    continue
                meter = evse.meter
                energy_wh = evse.energy_wh(meter.energy_at(sim.clock()))
                soc = meter.soc
                log.info(
                    "[%s] EVSE %d: charging at %.1f kW, %.3f kWh so far, SoC %s",
                    sim.charger_id,
                    evse_id,
                    meter.power_w / 1000,
                    energy_wh / 1000,
                    "unknown" if soc is None else f"{soc:.0f} %",
                )


__all__ = ["Narrator"]
