"""One station of a fleet: its simulator, its seeded streams, and its EVs coming and going.

An idle fleet station owns no task: the next EV arrival, each departure and each random fault is
a timer handle on the loop (``loop.call_later``); only the work a timer starts (sending a
transaction's messages) runs as a task, owned by the station (``ChargerSimulator.spawn``).

Driving an EVSE (``plug``, ``present_token``, ``unplug``) is the simulator's EV calls
(``plug_in``/``present_token``/``unplug``): an arriving EV plugs in, then its driver presents a
token.
"""

from __future__ import annotations

import asyncio
import logging
import random
from dataclasses import dataclass, field
from typing import Any

from ocppkit.protocol.errors import NotConnectedError, OCPPKitError
from ocppkit.simulator.errors import SimulatorError
from ocppkit.simulator.fleet.faults import ONE_SHOT, FaultKind, apply_fault
from ocppkit.simulator.fleet.report import FleetStats
from ocppkit.simulator.fleet.scenario import (
    Scenario,
    StationType,
    dwell_seconds,
    next_arrival,
    next_fault,
    stream,
)
from ocppkit.simulator.station import ChargerSimulator

log = logging.getLogger("ocppkit.fleet")


@dataclass(slots=True)
class FleetContext:
    """What every station of one fleet shares (one object per fleet, not per station)."""

    scenario: Scenario
    stats: FleetStats
    loop: asyncio.AbstractEventLoop
    random_events: bool = True  # arrivals and faults from the scenario (off: control API only)
    fault_rates: dict[str, float] = field(default_factory=dict)


class FleetStation:
    """A ``ChargerSimulator`` in a fleet, with its scheduled arrivals, departures and faults.

    Args:
        index: the station's place in the fleet (0-based), which seeds its streams.
        sim: the simulator.
        kind: the station type it was built from.
        context: the fleet's shared context.
    """

    __slots__ = ("_arrival", "_ctx", "_rng", "_timers", "faults", "index", "kind", "sim")

    def __init__(
        self, index: int, sim: ChargerSimulator, kind: StationType, context: FleetContext
    ) -> None:
        self.index = index
        self.sim = sim
        self.kind = kind
        self._ctx = context
        self._rng: random.Random | None = None  # made on first use: ~2.5 KB each
        self._arrival: asyncio.TimerHandle | None = None
        self._timers: dict[tuple[str, int], asyncio.TimerHandle] = {}
        self.faults: set[tuple[FaultKind, int]] = set()  # active faults: (kind, evse id)

    @property
    def rng(self) -> random.Random:
        """The station's seeded stream of events (arrivals, dwell, tokens, EVs, faults)."""
        if self._rng is None:
            self._rng = stream(self._ctx.scenario.seed, self.index, "events")
        return self._rng

    # --- driving an EVSE ---

    async def plug(self, evse_id: int) -> None:
        """An EV plugs in at ``evse_id``.

        Raises:
            NotConnectedError: the station is offline.
            SimulatorError: the EVSE is unknown, busy or unavailable.
        """
        self._require_online()
        await self.sim.plug_in(evse_id)

    async def present_token(self, id_token: str, evse_id: int) -> None:
        """A driver presents ``id_token`` (ISO14443) for ``evse_id``."""
        self._require_online()
        await self.sim.present_token(id_token, evse_id)

    async def unplug(self, evse_id: int) -> None:
        """The EV at ``evse_id`` leaves (its transaction ends: EVDisconnected).

        Raises:
            SimulatorError: nothing is plugged in there.
        """
        self._cancel_timer(("depart", evse_id))
        await self.sim.unplug(evse_id)

    async def fault(self, kind: FaultKind, evse_id: int, active: bool) -> None:
        """Inject or clear a fault (see ``fleet.faults``).

        Raises:
            SimulatorError: the fault does not apply in the present state.
        """
        await apply_fault(self.sim, kind, evse_id, active)
        if kind in ONE_SHOT:
            return
        if active:
            self.faults.add((kind, evse_id))
        else:
            self.faults.discard((kind, evse_id))

    def _require_online(self) -> None:
        if not self.sim.connected:
            raise NotConnectedError(f"{self.sim.charger_id} is not connected to its CSMS")

    # --- random events (scenario) ---

    def start_events(self) -> None:
        """Schedule the first EV arrival and the first fault of each kind."""
        if not self._ctx.random_events:
            return
        self._schedule_arrival()
        for kind in self._ctx.fault_rates:
            self._schedule_fault(FaultKind(kind))

    def stop_events(self) -> None:
        """Cancel every scheduled arrival, departure and fault."""
        if self._arrival is not None:
            self._arrival.cancel()
            self._arrival = None
        for handle in self._timers.values():
            handle.cancel()
        self._timers.clear()

    def _schedule_arrival(self) -> None:
        delay = next_arrival(self._ctx.scenario.arrivals, self.rng)
        if delay is not None:
            self._arrival = self._ctx.loop.call_later(delay, self._on_arrival)

    def _on_arrival(self) -> None:
        self._arrival = None
        self._schedule_arrival()
        scenario, stats = self._ctx.scenario, self._ctx.stats
        evse = next((e for e in self.sim.evses.values() if e.available), None)
        if evse is None or not self.sim.connected:
            stats.turned_away += 1
            return
        token = self.rng.choice(scenario.id_tokens)
        dwell = dwell_seconds(scenario.dwell, self.rng)
        self.sim.spawn(self._session(evse.evse_id, token, dwell), "fleet arrival")

    async def _session(self, evse_id: int, token: str, dwell: float) -> None:
        try:
            await self.plug(evse_id)
            await self.present_token(token, evse_id)
        except (SimulatorError, OCPPKitError) as exc:
            self._ctx.stats.failed_starts += 1
            log.info("[%s] EV at EVSE %d could not charge: %s", self.sim.charger_id, evse_id, exc)
            return
        self._set_timer(("depart", evse_id), dwell, self._on_departure, evse_id)

    def _on_departure(self, evse_id: int) -> None:
        self._timers.pop(("depart", evse_id), None)
        self.sim.spawn(self._leave(evse_id), "fleet departure")

    async def _leave(self, evse_id: int) -> None:
        try:
            await self.unplug(evse_id)
        except (SimulatorError, OCPPKitError) as exc:  # ended meanwhile (remote stop, reset)
            log.debug("[%s] EV left EVSE %d: %s", self.sim.charger_id, evse_id, exc)

    def _schedule_fault(self, kind: FaultKind) -> None:
        delay = next_fault(self._ctx.fault_rates[kind.value], self.rng)
        self._set_timer((kind.value, 0), delay, self._on_fault, kind)

    def _on_fault(self, kind: FaultKind) -> None:
        self._timers.pop((kind.value, 0), None)
        self._schedule_fault(kind)
        if not self.sim.connected:
            return
        evse_id = self.rng.choice(list(self.sim.evses))
        self.sim.spawn(self._fault_episode(kind, evse_id), f"fleet fault {kind.value}")

    async def _fault_episode(self, kind: FaultKind, evse_id: int) -> None:
        try:
            await self.fault(kind, evse_id, True)
            if kind in ONE_SHOT:
                return
            await asyncio.sleep(self._ctx.scenario.faults.duration_s)
            await self.fault(kind, evse_id, False)
        except (SimulatorError, OCPPKitError) as exc:
            log.info("[%s] fault %s not applied: %s", self.sim.charger_id, kind.value, exc)

    def _set_timer(self, key: tuple[str, int], delay: float, callback: Any, *args: Any) -> None:
        self._cancel_timer(key)
        self._timers[key] = self._ctx.loop.call_later(delay, callback, *args)

    def _cancel_timer(self, key: tuple[str, int]) -> None:
        handle = self._timers.pop(key, None)
        if handle is not None:
            handle.cancel()
