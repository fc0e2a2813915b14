"""The device model's timed behaviour in a running station: clock-aligned meter values
(AlignedDataCtrlr, J01) and monitor checks with NotifyEvent (N07/N08); and the live values the
station binds into its device model (connector states, EVSE power, the clock, counters).

Timers on the loop, not tasks: the next clock-aligned moment, and a monitor check soon after a
change of the device model (a new interval re-aligns at once; a changed value is checked at once)
or every ``MONITOR_POLL`` seconds while a monitor watches a live value or time. An idle station
without monitors set by its CSMS holds one timer (or none, AlignedDataCtrlr.Interval 0).
"""

from __future__ import annotations

import asyncio
import logging
import math
from collections import deque
from typing import TYPE_CHECKING

from ocppkit.protocol.models import (
    EventDataType,
    MeterValuesRequest,
    MeterValueType,
    MonitorEnumType,
    NotifyEventRequest,
    ReadingContextEnumType,
)
from ocppkit.simulator.device.model import (
    ALIGNED_MEASURANDS,
    ALIGNED_SEND_DURING_IDLE,
    DeviceModel,
)
from ocppkit.simulator.device.sampling import sample
from ocppkit.simulator.device.variables import Key
from ocppkit.simulator.monitoring import Monitor, Monitoring
from ocppkit.simulator.transactions import wire_time

if TYPE_CHECKING:
    from ocppkit.simulator.station import ChargerSimulator

log = logging.getLogger("ocppkit.simulator")
MONITOR_POLL = 0.5  # s between checks of monitors on live values (EVSE power, states)
ALIGNED_ENABLED = Key("AlignedDataCtrlr", "Enabled")
PROBLEM = Key("ChargingStation", "Problem")
BASIC_AUTH_PASSWORD = Key("SecurityCtrlr", "BasicAuthPassword")
EVENTS_PER_MESSAGE = 50
OFFLINE_QUEUING_SEVERITY = Key("MonitoringCtrlr", "OfflineQueuingSeverity")
MAX_QUEUED_EVENTS = 1_000  # events kept while offline; the oldest go first beyond this


# The monitors a station comes with: a Delta monitor on ChargingStation.Problem (shared: a
# station's monitoring keeps its own copy of each, see ``Monitoring``).
PRECONFIGURED_MONITORS = (Monitor(1, PROBLEM, MonitorEnumType.Delta, 1.0, 2),)


def preconfigured_monitors() -> list[Monitor]:
    """The monitors a station comes with."""
    return list(PRECONFIGURED_MONITORS)


def bind_station(model: DeviceModel, station: ChargerSimulator) -> None:
    """Bind the live ReadOnly values of ``station`` into ``model``."""
    model.bind(Key("ClockCtrlr", "DateTime"), lambda: wire_time(station.now_utc()))
    model.bind(
        Key("SmartChargingCtrlr", "Entries", variable_instance="ChargingProfiles"),
        lambda: str(len(station.profiles)),
    )
    monitoring = "MonitoringCtrlr"
    model.bind(Key(monitoring, "ActiveMonitoringBase"), lambda: station.monitoring.base.value)
    model.bind(Key(monitoring, "ActiveMonitoringLevel"), lambda: str(station.monitoring.level))
    model.bind(Key("ChargingStation", "AvailabilityState"), lambda: _station_state(station))
    model.bind(
        Key("LocalAuthListCtrlr", "Entries"),
        lambda: str(len(station.local_auth.local_list.entries)),
    )
    for evse_id, evse in station.evses.items():
        model.bind(Key("EVSE", "AvailabilityState", evse_id), lambda e=evse: e.status.value)
        model.bind(Key("EVSE", "Power", evse_id), lambda e=evse: f"{e.meter.power_w:.1f}")
        state = Key("Connector", "AvailabilityState", evse_id, evse.connector_id)
        model.bind(state, lambda e=evse: e.status.value)


def adopt_basic_auth_password(model: DeviceModel, station: ChargerSimulator) -> None:
    """Keep SecurityCtrlr.BasicAuthPassword and the password the link sends in step (A01): a
    value kept in the state file wins over the constructor's; a new value set by the CSMS is used
    from the next connection on (hence RebootRequired)."""
    kept = model.value(BASIC_AUTH_PASSWORD)
    if kept:
        station.basic_auth_password = kept
    elif station.basic_auth_password:
        model.set_value(BASIC_AUTH_PASSWORD, station.basic_auth_password, notify=False)

    def changed(key: Key) -> None:
        if key == BASIC_AUTH_PASSWORD:
            station.basic_auth_password = model.value(BASIC_AUTH_PASSWORD) or None

    model.listen(changed)


def _station_state(station: ChargerSimulator) -> str:
    states = {evse.status.value for evse in station.evses.values()}
    for whole in ("Unavailable", "Faulted"):
        if states == {whole}:
            return whole
    return "Available"


class DeviceRuntime:
    """The timed behaviour of one station's device model: timers on the loop, no task while
    nothing is due (a task only to send what a timer found: MeterValues, NotifyEvent).

    The clock-aligned timer is set for the next multiple of AlignedDataCtrlr.Interval and set
    afresh on every change of the device model (a new interval re-aligns at once). Monitors are
    checked soon after every change, and every ``MONITOR_POLL`` seconds while one watches a live
    value or time. ``monitoring`` is made at first use: a station whose CSMS never sets a monitor
    holds only the preconfigured one, which watches a constant.
    """

    __slots__ = ("_aligned", "_check", "_monitoring", "_queued", "_running", "_station")

    def __init__(self, station: ChargerSimulator) -> None:
        self._station = station
        self._monitoring: Monitoring | None = None
        self._aligned: asyncio.TimerHandle | None = None
        self._check: asyncio.TimerHandle | None = None  # the next monitor check
        self._running = False
        # N07: events raised while offline, of a severity at most OfflineQueuingSeverity
        self._queued: deque[EventDataType] = deque(maxlen=MAX_QUEUED_EVENTS)
        station.device_model.listen(self.changed)

    @property
    def _model(self) -> DeviceModel:
        return self._station.device_model

    @property
    def monitoring(self) -> Monitoring:
        """The station's monitors (N02-N08), made at first use."""
        if self._monitoring is None:
            self._monitoring = Monitoring(self._station.device_model, PRECONFIGURED_MONITORS)
        return self._monitoring

    def changed(self, key: Key | None = None) -> None:
        """A setting or a monitored value may have changed: re-align, check monitors soon."""
        if not self._running:
            return
        self._schedule_aligned()
        if self._monitoring is not None:
            self._schedule_check(0.0)

    def start(self) -> None:
        """Start the timers (unless they run)."""
        if not self._running:
            self._running = True
            self._schedule_aligned()
            self._poll()

    def stop(self) -> None:
        """Stop the timers."""
        self._running = False
        for handle in (self._aligned, self._check):
            if handle is not None:
                handle.cancel()
        self._aligned = self._check = None

    # --- clock-aligned meter values (J01) ---

    def _schedule_aligned(self) -> None:
        if self._aligned is not None:
            self._aligned.cancel()
            self._aligned = None
        model = self._model
        interval = model.aligned_interval
        if interval > 0 and model.flag(ALIGNED_ENABLED):
            epoch = self._station.now_utc().timestamp()
            delay = (math.floor(epoch / interval) + 1) * interval - epoch
            self._aligned = asyncio.get_running_loop().call_later(delay, self._aligned_due)

    def _aligned_due(self) -> None:
        self._aligned = None
        self._station.spawn(self._send_aligned_then_schedule(), "aligned meter values")

    async def _send_aligned_then_schedule(self) -> None:
        try:
            await self.send_aligned()
        finally:
            if self._running:
                self._schedule_aligned()

    async def send_aligned(self) -> None:
        """MeterValues with context Sample.Clock for each EVSE (J01); none while a transaction
        runs when AlignedDataCtrlr.SendDuringIdle is true."""
        station = self._station
        busy = any(e.transaction is not None for e in station.evses.values())
        if not station.connected or (busy and self._model.flag(ALIGNED_SEND_DURING_IDLE)):
            return
        station.engine.apply_limits()
        now, at = station.clock(), wire_time(station.now_utc())
        measurands = self._model.members(ALIGNED_MEASURANDS)
        for evse in station.evses.values():
            values = sample(
                evse.meter,
                evse.meter.energy_at(now),
                ReadingContextEnumType.Sample_Clock,
                measurands,
            )
            if not values:
                return
            request = MeterValuesRequest(
                evse_id=evse.evse_id,
                meter_value=[MeterValueType(sampled_value=values, timestamp=at)],
            )
            if not await station.notify("MeterValues", request):
                return

    # --- monitors (N07/N08) ---

    def _schedule_check(self, delay: float) -> None:
        if self._check is not None:
            self._check.cancel()
        self._check = asyncio.get_running_loop().call_later(delay, self._check_due)

    def _poll(self) -> None:
        """Check again in ``MONITOR_POLL`` seconds if a monitor watches a live value or time."""
        if self._running and self._monitoring is not None and self._monitoring.needs_polling:
            self._schedule_check(MONITOR_POLL)

    def _check_due(self) -> None:
        self._check = None
        events = self._evaluate()
        if events:
            self._station.spawn(self._send_events(events), "NotifyEvent")
        self._poll()

    def _evaluate(self) -> list[EventDataType]:
        station = self._station
        in_tx = any(e.transaction is not None for e in station.evses.values())
        return self.monitoring.evaluate(station.clock(), station.now_utc(), in_tx)

    def _queue_offline(self, events: list[EventDataType]) -> None:
        """N07: keep, for when the CSMS is back, the events whose monitor's severity is at
        most OfflineQueuingSeverity (0 Danger ... 9 Debug); the others are dropped."""
        limit = self._model.integer(OFFLINE_QUEUING_SEVERITY)
        monitors = self.monitoring.monitors
        for event in events:
            monitor = monitors.get(event.variable_monitoring_id or -1)
            if monitor is not None and monitor.severity <= limit:
                self._queued.append(event)

    async def send_queued(self) -> None:
        """Send the events queued while offline (in the order they were raised), once online."""
        if not self._queued or not self._station.connected:
            return
        events, self._queued = list(self._queued), deque(maxlen=MAX_QUEUED_EVENTS)
        await self._send_events(events)

    async def check_monitors(self) -> None:
        """Evaluate every monitor now and send NotifyEvent for what fired (N07/N08)."""
        await self._send_events(self._evaluate())

    async def _send_events(self, events: list[EventDataType]) -> None:
        station = self._station
        if not events:
            return
        if not station.connected:
            self._queue_offline(events)
            return
        generated = wire_time(station.now_utc())
        await station.send_parts(
            "NotifyEvent",
            events,
            EVENTS_PER_MESSAGE,
            lambda seq_no, chunk, tbc: NotifyEventRequest(
                generated_at=generated, seq_no=seq_no, event_data=chunk, tbc=tbc
            ),
        )
