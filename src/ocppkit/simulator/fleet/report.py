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
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, TextIO

import orjson

from ocppkit.logs import live_line
from ocppkit.simulator.fleet.measures import SESSIONS_KEPT, ReplyTimer, Timeline
from ocppkit.simulator.station import ChargerSimulator

_REGISTER = "Energy.Active.Import.Register"
_STARTED = '"eventType":"Started"'
_ENDED = '"eventType":"Ended"'
_TX_EVENT = '"TransactionEvent"'


class FleetStats:
    """Counters of one fleet run."""

    __slots__ = (
        "_began_wh",
        "call_errors",
        "came_online",
        "cut_short_energy_kwh",
        "failed_connects",
        "failed_starts",
        "frames_in",
        "frames_out",
        "last_connect_problem",
        "replies",
        "session_energy_kwh",
        "sessions_completed",
        "sessions_cut_short",
        "sessions_started",
        "stopping",
        "timeline",
        "turned_away",
    )

    def __init__(self) -> None:
        self.frames_in = 0
        self.frames_out = 0
        self.call_errors = 0  # CALLERROR frames, either direction
        self.failed_connects = 0  # websockets that could not open (each attempt)
        self.last_connect_problem: str | None = None  # why the last one could not, one line
        self.came_online: set[str] = set()  # stations that got online at least once
        self.failed_starts = 0  # an EV arrived but its transaction could not start
        self.turned_away = 0  # an EV arrived at a station with no free EVSE, or offline
        self.sessions_started = 0
        self.sessions_completed = 0  # ended before the end of the run
        self.sessions_cut_short = 0  # still running when the run ended
        self.stopping = False  # the run is ending: transactions that end now were cut short
        self.session_energy_kwh: list[float] = []  # of each completed session
        self.cut_short_energy_kwh: list[float] = []
        self._began_wh: dict[str, float] = {}  # transaction id -> register at its start
        self.replies = ReplyTimer()
        self.timeline = Timeline()

    def observe(self, direction: str, text: str) -> None:
        """The frame observer (``ChargerSimulator.frame_observers``)."""
        if direction == "in":
            self.frames_in += 1
            if text.startswith(("[3,", "[4,")):
                self.replies.answered(text, time.monotonic())
        else:
            self.frames_out += 1
            if text.startswith("[2,"):
                self.replies.sent(text, time.monotonic())
                if _TX_EVENT in text:
                    if _STARTED in text:
                        self.sessions_started += 1
                        self._began(text)
                    elif _ENDED in text:
                        self._ended(text)
        if text.startswith("[4,"):
            self.call_errors += 1

    def connect_failed(self, problem: str, _error: BaseException | None = None) -> None:
        """A station's websocket could not open (``CsmsLink.on_connect_failure``)."""
        self.failed_connects += 1
        self.last_connect_problem = problem

    def _began(self, text: str) -> None:
        payload = _payload(text)
        tx_id = _transaction_id(payload)
        register = _register_wh(payload)
        if tx_id is not None and register is not None and len(self._began_wh) < SESSIONS_KEPT:
            self._began_wh[tx_id] = register

    def _ended(self, text: str) -> None:
        if not self.stopping:
            self.sessions_completed += 1
        payload = _payload(text)
        tx_id = _transaction_id(payload)
        began = None if tx_id is None else self._began_wh.pop(tx_id, None)
        register = _register_wh(payload)
        if began is None or register is None:
            return
        kept = self.cut_short_energy_kwh if self.stopping else self.session_energy_kwh
        if len(kept) < SESSIONS_KEPT:
            kept.append(round(max(0.0, register - began) / 1000, 6))

    @property
    def errors(self) -> int:
        """CALLERRORs plus failed connects."""
        return self.call_errors + self.failed_connects


def _payload(text: str) -> dict[str, Any]:
    try:
        frame = orjson.loads(text)
    except orjson.JSONDecodeError:
        return {}
    payload = frame[3] if isinstance(frame, list) and len(frame) > 3 else None
    return payload if isinstance(payload, dict) else {}


def _transaction_id(payload: dict[str, Any]) -> str | None:
    info = payload.get("transactionInfo")
    return info.get("transactionId") if isinstance(info, dict) else None


def _register_wh(payload: dict[str, Any]) -> float | None:
    """The Energy.Active.Import.Register (Wh) of a TransactionEvent's meter values."""
    for meter_value in payload.get("meterValue") or ():
        for sampled in meter_value.get("sampledValue") or ():
            if sampled.get("measurand", _REGISTER) != _REGISTER or sampled.get("phase"):
                continue
            unit = (sampled.get("unitOfMeasure") or {}).get("unit", "Wh")
            value = float(sampled["value"])
            return value * 1000 if unit == "kWh" else value
    return None


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
class FleetRecord:
    """What a fleet run recorded over time (for the HTML report's plots)."""

    timeline: list[tuple[float, int, float]] = field(default_factory=list)  # (s, online, kW)
    session_energy_kwh: list[float] = field(default_factory=list)  # completed sessions
    cut_short_energy_kwh: list[float] = field(default_factory=list)
    latency_samples_s: dict[str, list[float]] = field(default_factory=dict)  # per action


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
    sessions_cut_short: int = 0
    stations_never_online: int = 0
    connect_problem: str | None = None  # why the last failed connect failed
    reply_latency_ms: dict[str, dict[str, float]] = field(default_factory=dict)  # per action
    total_cost: float = 0.0  # the sum of the costs the CSMS told the stations (block I)
    cost_currency: str | None = None  # their currency (the stations' TariffCostCtrlr.Currency)
    record: FleetRecord = field(default_factory=FleetRecord, repr=False, compare=False)

    def to_dict(self) -> dict[str, Any]:
        """The report as JSON data (the recorded series left out)."""
        data = asdict(self)
        del data["record"]
        return data

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=2)

    def text(self) -> str:
        """The report as lines for a terminal."""
        lines = [
            "fleet report",
            f"  stations           {self.stations} ({self.stations_online_at_end} online "
            f"at the end, {self.stations_never_online} never online)",
            f"  sessions           {self.sessions_started} started: "
            f"{self.sessions_completed} completed, {self.sessions_cut_short} cut short by "
            f"the end of the run; {self.failed_starts} failed to start, "
            f"{self.turned_away} EVs turned away",
            f"  energy             {self.energy_kwh:.3f} kWh",
            *(
                [f"  cost               {self.total_cost:.2f} {self.cost_currency or ''}".rstrip()]
                if self.total_cost
                else []
            ),
            f"  messages           {self.messages_in} in, {self.messages_out} out",
            f"  errors             {self.errors} ({self.call_errors} CALLERRORs, "
            f"{self.failed_connects} failed connects)",
        ]
        if self.connect_problem is not None:
            lines.append(f"  connect problem    {self.connect_problem}")
        for action, latency in sorted(self.reply_latency_ms.items()):
            lines.append(
                f"  reply latency      {action}: p50 {latency['p50_ms']:.1f} ms, "
                f"p95 {latency['p95_ms']:.1f} ms, max {latency['max_ms']:.1f} ms "
                f"({latency['count']:.0f} replies)"
            )
        lines.append(f"  wall time          {self.wall_time_s:.1f} s")
        return "\n".join(lines)

    def write(self, path: str | Path) -> None:
        Path(path).write_text(self.to_json() + "\n", encoding="utf-8")


def build_report(
    sims: list[ChargerSimulator],
    online_at_end: int,
    stats: FleetStats,
    wall_time_s: float,
    cut_short: int = 0,
) -> FleetReport:
    """The final report; call it after the stations stopped (the registers are final)."""
    energy_wh = sum(sim.energy_wh for sim in sims)
    latencies = stats.replies.by_action
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
        sessions_cut_short=cut_short,
        stations_never_online=sum(sim.charger_id not in stats.came_online for sim in sims),
        connect_problem=stats.last_connect_problem,
        reply_latency_ms={action: lat.summary_ms() for action, lat in sorted(latencies.items())},
        total_cost=round(sum(sim.tariff_cost.total() for sim in sims), 2),
        cost_currency=next((c for sim in sims if (c := sim.tariff_cost.currency)), None),
        record=FleetRecord(
            list(stats.timeline.points),
            list(stats.session_energy_kwh),
            list(stats.cut_short_energy_kwh),
            {action: list(lat.samples) for action, lat in latencies.items()},
        ),
    )


async def live_summary(
    sims: list[ChargerSimulator], stats: FleetStats, stream: TextIO | None = None
) -> None:
    """Print the summary until cancelled: on a terminal a line kept below the log and redrawn
    every second (``logs.live_line``), else one line every 10 seconds."""
    out = stream or sys.stderr
    tty = out.isatty()
    period = 1.0 if tty else 10.0
    before, at = snapshot(sims, stats), time.monotonic()
    try:
        while True:
            await asyncio.sleep(period)
            now, t = snapshot(sims, stats), time.monotonic()
            line = summary_line(now, before, t - at)
            if tty:
                live_line.show(out, line)
            else:
                out.write(f"{line}\n")
                out.flush()
            before, at = now, t
    finally:
        if tty:
            live_line.end()


async def record_timeline(sims: list[ChargerSimulator], stats: FleetStats) -> None:
    """Sample stations online and total power into ``stats.timeline`` until cancelled."""
    began = time.monotonic()
    while True:
        now = snapshot(sims, stats)
        stats.timeline.add(time.monotonic() - began, now.online, now.power_kw)
        await asyncio.sleep(stats.timeline.period)
