"""Counting what a fleet does, the live summary line and the final report.

``FleetStats.observe`` is the one frame observer shared by every station of the fleet: it counts
frames in and out, CALLERRORs, and transactions started and ended (from the TransactionEvent
frames the stations send, so remote starts and reboots count too). It does a few substring
tests per frame and nothing else.
"""

from __future__ import annotations

import asyncio
import json
import sys
import time
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TextIO

from ocppkit.simulator.station import ChargerSimulator

_STARTED = '"eventType":"Started"'
_ENDED = '"eventType":"Ended"'
_TX_EVENT = '"TransactionEvent"'


class FleetStats:
    """Counters of one fleet run."""

    __slots__ = (
        "call_errors",
        "failed_connects",
        "failed_starts",
        "frames_in",
        "frames_out",
        "sessions_completed",
        "sessions_started",
        "turned_away",
    )

    def __init__(self) -> None:
        self.frames_in = 0
        self.frames_out = 0
        self.call_errors = 0  # CALLERROR frames, either direction
        self.failed_connects = 0
        self.failed_starts = 0  # an EV arrived but its transaction could not start
        self.turned_away = 0  # an EV arrived at a station with no free EVSE, or offline
        self.sessions_started = 0
        self.sessions_completed = 0

    def observe(self, direction: str, text: str) -> None:
        """The frame observer (``ChargerSimulator.frame_observers``)."""
        if direction == "in":
            self.frames_in += 1
        else:
            self.frames_out += 1
            if text.startswith("[2,") and _TX_EVENT in text:
                if _STARTED in text:
                    self.sessions_started += 1
                elif _ENDED in text:
                    self.sessions_completed += 1
        if text.startswith("[4,"):
            self.call_errors += 1

    @property
    def errors(self) -> int:
        """CALLERRORs plus failed connects."""
        return self.call_errors + self.failed_connects


@dataclass(frozen=True, slots=True)
class Snapshot:
    """The fleet's state at one moment (the live summary)."""

    online: int
    total: int
    charging: int
    power_kw: float
    frames: int
    errors: int


def snapshot(sims: Iterable[ChargerSimulator], stats: FleetStats) -> Snapshot:
    """Count stations online and charging and their power now."""
    online = total = charging = 0
    power_w = 0.0
    for sim in sims:
        total += 1
        online += sim.connected
        for evse in sim.evses.values():
            if evse.transaction is not None:
                charging += 1
                power_w += evse.meter.power_w
    return Snapshot(
        online, total, charging, power_w / 1000, stats.frames_in + stats.frames_out, stats.errors
    )


def summary_line(now: Snapshot, before: Snapshot | None, seconds: float) -> str:
    """One line: ``online 98/100  charging 12  41.3 kW  350 msg/s  errors 0``."""
    rate = (now.frames - before.frames) / seconds if before is not None and seconds > 0 else 0.0
    return (
        f"online {now.online}/{now.total}  charging {now.charging}  {now.power_kw:.1f} kW  "
        f"{rate:.0f} msg/s  errors {now.errors}"
    )


@dataclass(frozen=True, slots=True)
class FleetReport:
    """The final report of a fleet run."""

    stations: int
    stations_online_at_end: int
    sessions_started: int
    sessions_completed: int
    failed_starts: int
    turned_away: int
    energy_kwh: float
    messages_in: int
    messages_out: int
    call_errors: int
    failed_connects: int
    errors: int
    wall_time_s: float

    def to_json(self) -> str:
        return json.dumps(asdict(self), indent=2)

    def text(self) -> str:
        """The report as lines for a terminal."""
        return "\n".join(
            [
                "fleet report",
                f"  stations           {self.stations} ({self.stations_online_at_end} online "
                "at the end)",
                f"  sessions           {self.sessions_started} started, "
                f"{self.sessions_completed} completed, {self.failed_starts} failed to start, "
                f"{self.turned_away} EVs turned away",
                f"  energy             {self.energy_kwh:.3f} kWh",
                f"  messages           {self.messages_in} in, {self.messages_out} out",
                f"  errors             {self.errors} ({self.call_errors} CALLERRORs, "
                f"{self.failed_connects} failed connects)",
                f"  wall time          {self.wall_time_s:.1f} s",
            ]
        )

    def write(self, path: str | Path) -> None:
        Path(path).write_text(self.to_json() + "\n", encoding="utf-8")


def build_report(
    sims: list[ChargerSimulator], online_at_end: int, stats: FleetStats, wall_time_s: float
) -> FleetReport:
    """The final report; call it after the stations stopped (the registers are final)."""
    energy_wh = sum(sim.energy_wh for sim in sims)
    return FleetReport(
        stations=len(sims),
        stations_online_at_end=online_at_end,
        sessions_started=stats.sessions_started,
        sessions_completed=stats.sessions_completed,
        failed_starts=stats.failed_starts,
        turned_away=stats.turned_away,
        energy_kwh=round(energy_wh / 1000, 6),
        messages_in=stats.frames_in,
        messages_out=stats.frames_out,
        call_errors=stats.call_errors,
        failed_connects=stats.failed_connects,
        errors=stats.errors,
        wall_time_s=round(wall_time_s, 3),
    )


async def live_summary(
    sims: list[ChargerSimulator], stats: FleetStats, stream: TextIO | None = None
) -> None:
    """Print the summary until cancelled: redrawn every second on a terminal, else one line
    every 10 seconds."""
    out = stream or sys.stderr
    tty = out.isatty()
    period = 1.0 if tty else 10.0
    before, at = snapshot(sims, stats), time.monotonic()
    try:
        while True:
            await asyncio.sleep(period)
            now, t = snapshot(sims, stats), time.monotonic()
            line = summary_line(now, before, t - at)
            out.write(f"\r\x1b[2K{line}" if tty else f"{line}\n")
            out.flush()
            before, at = now, t
    finally:
        if tty:
            out.write("\n")
            out.flush()
