"""Running a fleet: N ``ChargerSimulator``s in one process, connected over a ramp-up.

    fleet = Fleet(FleetOptions("ws://127.0.0.1:9000/ocpp", 1000, scenario, ramp_up=60))
    await fleet.start()          # stations connect, spread over ramp_up seconds
    ...                          # EVs arrive and leave, faults come and go (the scenario)
    report = await fleet.stop()  # transactions end, stations disconnect, counters are final

``run_fleet`` adds what the ``ocppkit fleet`` command shows: the live summary, the control API
and the final report.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import resource
import ssl
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, TextIO

from ocppkit.protocol.errors import OCPPKitError
from ocppkit.simulator.errors import SimulatorError
from ocppkit.simulator.ev import DEFAULT_EV, EvMix
from ocppkit.simulator.fleet.report import (
    FleetReport,
    FleetStats,
    build_report,
    live_summary,
    record_timeline,
)
from ocppkit.simulator.fleet.scenario import Scenario, StationType, stream
from ocppkit.simulator.fleet.station import FleetContext, FleetStation
from ocppkit.simulator.station import ChargerSimulator

log = logging.getLogger("ocppkit.fleet")

DISCONNECT_BATCH = 500  # stations closing at once at the end


def station_arguments(kind: StationType, station_id: str = "") -> dict[str, Any]:
    """Keyword arguments for ``ChargerSimulator`` describing a station of ``kind`` named
    ``station_id``: its identity (``StationType.identity``), its ``station_type``, phases,
    voltage and current only where the scenario gives them (the simulator's defaults
    otherwise, so that a DC kind keeps its DC rating)."""
    arguments: dict[str, Any] = {
        **kind.identity(station_id).arguments(),
        "num_connectors": kind.num_connectors,
        "ev_charging_needs": kind.iso15118,
    }
    for name in ("station_type", "phases", "voltage", "max_current"):
        if getattr(kind, name) is not None:
            arguments[name] = getattr(kind, name)
    return arguments


def raise_open_file_limit() -> int:
    """Raise this process's open-file limit (RLIMIT_NOFILE) to the hard limit, as far as the
    system allows; one websocket is one file. Returns the soft limit in force."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    targets = [hard] if hard != resource.RLIM_INFINITY else []
    for target in [*targets, 1 << 20, 1 << 16]:
        if target <= soft:
            break
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
            break
        except (ValueError, OSError):
            continue
    return resource.getrlimit(resource.RLIMIT_NOFILE)[0]


@dataclass(frozen=True, slots=True)
class FleetOptions:
    """How to run a fleet.

    Args:
        url: the CSMS websocket URL; each station's identity is appended.
        count: number of stations.
        scenario: station types, EVs, arrivals, dwell, faults, seed.
        ramp_up: seconds over which the stations' connections are spread.
        connect_timeout: seconds a station may take to connect and be Accepted.
        max_connecting: connections being opened at once, at most.
        random_events: EV arrivals and faults from the scenario (False: control API only).
        basic_auth_password: HTTP Basic auth password (security profiles 1 and 2).
        ssl_context: TLS settings for ``wss://`` (CA, client certificate: profiles 2 and 3).
        state_dir: folder keeping each station's device model and offline queue between runs.
    """

    url: str
    count: int
    scenario: Scenario = field(default_factory=Scenario)
    ramp_up: float = 0.0
    connect_timeout: float = 60.0
    max_connecting: int = 200
    random_events: bool = True
    basic_auth_password: str | None = None
    ssl_context: ssl.SSLContext | None = None
    state_dir: str | None = None


class Fleet:
    """The stations of one fleet run and their counters.

    Raises:
        ScenarioError: from the constructor, if the scenario needs what the fleet cannot do.
    """

    def __init__(self, options: FleetOptions) -> None:
        self.options = options
        self.stats = FleetStats()
        self.stations: dict[str, FleetStation] = {}
        self._context: FleetContext | None = None
        self._ramp: asyncio.Task[None] | None = None
        self._started_at = 0.0

    def _build(self, context: FleetContext) -> None:
        scenario = self.options.scenario
        # the EV mix: each arrival draws a car from it by share (default: the simulator's car)
        mix: EvMix = [(m.to_simulator(), m.share) for m in scenario.ev_models]
        for index, kind in enumerate(scenario.assign_types(self.options.count)):
            sim = ChargerSimulator(
                scenario.station_id(index),
                self.options.url,
                id_token=scenario.id_tokens[0],
                seed=stream(scenario.seed, index, "station").getrandbits(64),
                sample_interval=scenario.sample_interval,
                state_dir=self.options.state_dir,
                basic_auth_password=self.options.basic_auth_password,
                ssl_context=self.options.ssl_context,
                **station_arguments(kind, scenario.station_id(index)),
                ev=mix if scenario.ev_models else DEFAULT_EV,
            )
            sim.frame_observers.append(self.stats.observe)
            sim.link.on_connect_failure = self.stats.connect_failed  # counted from the first
            self.stations[sim.charger_id] = FleetStation(index, sim, kind, context)

    @property
    def sims(self) -> list[ChargerSimulator]:
        return [station.sim for station in self.stations.values()]

    async def start(self) -> None:
        """Build the stations and start connecting them over the ramp-up (returns at once;
        ``wait_ramped`` waits until every station tried)."""
        limit = raise_open_file_limit()
        if limit < self.options.count + 64:
            log.warning("open-file limit %d is low for %d stations", limit, self.options.count)
        scenario = self.options.scenario
        rates = scenario.faults.rates() if self.options.random_events else {}
        self._context = FleetContext(
            scenario, self.stats, asyncio.get_running_loop(), self.options.random_events, rates
        )
        self._build(self._context)
        self._started_at = time.monotonic()
        self._ramp = asyncio.create_task(self._connect_all(), name="fleet ramp-up")

    async def wait_ramped(self) -> None:
        """Wait until every station connected or failed to."""
        if self._ramp is not None:
            await asyncio.shield(self._ramp)

    async def _connect_all(self) -> None:
        loop = asyncio.get_running_loop()
        begin, total = loop.time(), len(self.stations)
        gate = asyncio.Semaphore(self.options.max_connecting)
        async with asyncio.TaskGroup() as group:
            for i, station in enumerate(self.stations.values()):
                delay = begin + self.options.ramp_up * i / total - loop.time()
                if delay > 0:
                    await asyncio.sleep(delay)
                await gate.acquire()
                group.create_task(self._connect_one(station, gate))

    async def _connect_one(self, station: FleetStation, gate: asyncio.Semaphore) -> None:
        try:
            await self.connect(station)
        finally:
            gate.release()

    async def connect(self, station: FleetStation) -> bool:
        """Connect one station and start its events; False (and counted) if it failed."""
        try:
            await station.sim.connect(self.options.connect_timeout)
        except (SimulatorError, OCPPKitError, OSError) as exc:
            if station.sim.link.last_problem is None:  # not counted by the link
                self.stats.connect_failed(str(exc), exc)
            log.warning("[%s] did not connect: %s", station.sim.charger_id, exc)
            return False
        self.stats.came_online.add(station.sim.charger_id)
        station.start_events()
        return True

    async def disconnect(self, station: FleetStation) -> None:
        """Stop one station's events and disconnect it (transactions end first)."""
        station.stop_events()
        await station.sim.disconnect()

    async def stop(self) -> FleetReport:
        """Stop the ramp-up, every station's events and the stations; return the report."""
        if self._ramp is not None:
            self._ramp.cancel()
            await asyncio.gather(self._ramp, return_exceptions=True)
        stations = list(self.stations.values())
        online = sum(station.sim.connected for station in stations)
        self.stats.stopping = True  # transactions ending from here on are cut short
        cut_short = sum(
            evse.transaction is not None for s in stations for evse in s.sim.evses.values()
        )
        for batch in _batches(stations, DISCONNECT_BATCH):
            await asyncio.gather(*(self.disconnect(s) for s in batch), return_exceptions=True)
        wall = time.monotonic() - self._started_at
        return build_report(self.sims, online, self.stats, wall, cut_short)


def _batches(items: list[FleetStation], size: int) -> Iterator[list[FleetStation]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


async def run_fleet(
    options: FleetOptions,
    stop: asyncio.Event,
    duration: float | None = None,
    *,
    control: tuple[str, int] | None = None,
    live: TextIO | None = None,
) -> FleetReport:
    """Run a fleet until ``stop`` is set or ``duration`` seconds passed, with the live summary
    on ``live`` (default stderr) and the control API on ``control`` (host, port) if given.

    Raises:
        OSError: the control API's port cannot be bound.
    """
    from ocppkit.http import ApiServer
    from ocppkit.simulator.fleet.control import create_control_app

    fleet = Fleet(options)
    await fleet.start()
    api = None
    summary = asyncio.create_task(live_summary(fleet.sims, fleet.stats, live or sys.stderr))
    timeline = asyncio.create_task(record_timeline(fleet.sims, fleet.stats))
    try:
        if control is not None:
            api = ApiServer(create_control_app(fleet), *control)
            await api.start()
            log.info("fleet control API on http://%s:%d (docs at /docs)", control[0], api.port)
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(duration):
                await stop.wait()
    finally:
        summary.cancel()
        timeline.cancel()
        await asyncio.gather(summary, timeline, return_exceptions=True)
        if api is not None:
            await api.stop()
        report = await fleet.stop()
    return report
