"""The device model's timed behaviour in a running station: clock-aligned meter values
(AlignedDataCtrlr, J01) and monitor checks with NotifyEvent (N07/N08); and the live values the
station binds into its device model (connector states, EVSE power, the clock, counters).

One task (``run``), owned by the station, runs two loops. Each sleeps until its next moment or
until the device model changes (a new interval re-aligns at once; a changed value is checked at
once); an idle station without live monitors sleeps without a timer.
"""

from __future__ import annotations

import asyncio
import logging
import math
from contextlib import suppress
from typing import TYPE_CHECKING

from ocppkit.protocol.errors import OCPPKitError
from ocppkit.protocol.models import (
    AttributeEnumType,
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
from ocppkit.simulator.device.reports import parts
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


def preconfigured_monitors() -> list[Monitor]:
    """The monitors a station comes with: a Delta monitor on ChargingStation.Problem."""
    return [Monitor(1, PROBLEM, MonitorEnumType.Delta, 1.0, 2)]


def bind_station(model: DeviceModel, station: ChargerSimulator, monitoring: Monitoring) -> None:
    """Bind the live ReadOnly values of ``station`` into ``model``."""
    model.bind(Key("ClockCtrlr", "DateTime"), lambda: wire_time(station.now_utc()))
    model.bind(
        Key("SmartChargingCtrlr", "Entries", variable_instance="ChargingProfiles"),
        lambda: str(len(station.profiles)),
    )
    model.bind(Key("MonitoringCtrlr", "ActiveMonitoringBase"), lambda: monitoring.base.value)
    model.bind(Key("MonitoringCtrlr", "ActiveMonitoringLevel"), lambda: str(monitoring.level))
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
        variable = model.find(BASIC_AUTH_PASSWORD)
        if variable is not None:
            variable.attributes[AttributeEnumType.Actual].value = station.basic_auth_password

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
    """The timed behaviour of one station's device model."""

    def __init__(self, station: ChargerSimulator, monitoring: Monitoring) -> None:
        self._station = station
        self._model = station.device_model
        self.monitoring = monitoring
        self._aligned_changed = asyncio.Event()
        self._monitors_changed = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._model.listen(self.changed)

    def changed(self, key: Key | None = None) -> None:
        """Wake both loops: a setting or a monitored value may have changed."""
        self._aligned_changed.set()
        self._monitors_changed.set()

    def start(self) -> None:
        """Start the loops (a task the station owns) unless they run."""
        if self._task is None or self._task.done():
            self._task = self._station.spawn(self.run(), "device model")

    async def run(self) -> None:
        """Run both loops until cancelled."""
        async with asyncio.TaskGroup() as group:
            group.create_task(self._aligned_loop())
            group.create_task(self._monitor_loop())

    # --- clock-aligned meter values (J01) ---

    async def _aligned_loop(self) -> None:
        while True:
            self._aligned_changed.clear()
            interval = self._model.aligned_interval
            delay: float | None = None
            if interval > 0 and self._model.flag(ALIGNED_ENABLED):
                epoch = self._station.now_utc().timestamp()
                delay = (math.floor(epoch / interval) + 1) * interval - epoch
            with suppress(TimeoutError):
                async with asyncio.timeout(delay):
                    await self._aligned_changed.wait()
            if not self._aligned_changed.is_set():
                await self.send_aligned()

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
            try:
                await station.call("MeterValues", request)
            except OCPPKitError as exc:
                log.warning("[%s] MeterValues not delivered: %r", station.charger_id, exc)
                return

    # --- monitors (N07/N08) ---

    async def _monitor_loop(self) -> None:
        while True:
            self._monitors_changed.clear()
            delay = MONITOR_POLL if self.monitoring.needs_polling else None
            with suppress(TimeoutError):
                async with asyncio.timeout(delay):
                    await self._monitors_changed.wait()
            await self.check_monitors()

    async def check_monitors(self) -> None:
        """Evaluate every monitor now and send NotifyEvent for what fired (N07.FR.?)."""
        station = self._station
        in_tx = any(e.transaction is not None for e in station.evses.values())
        events = self.monitoring.evaluate(station.clock(), station.now_utc(), in_tx)
        if not events or not station.connected:
            return
        chunks = parts(events, EVENTS_PER_MESSAGE)
        generated = wire_time(station.now_utc())
        for seq_no, chunk in enumerate(chunks):
            request = NotifyEventRequest(
                generated_at=generated,
                seq_no=seq_no,
                event_data=chunk,
                tbc=seq_no < len(chunks) - 1,
            )
            try:
                await station.call("NotifyEvent", request)
            except OCPPKitError as exc:
                log.warning("[%s] NotifyEvent not delivered: %r", station.charger_id, exc)
                return
