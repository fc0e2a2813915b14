"""Block J, metering: clock-aligned meter values (J01, AlignedDataCtrlr) and MeterValues sent on
TriggerMessage (F06); the samples in transactions (J02) go out in TransactionEvents
(``transactions``).

The clock-aligned timer, on the station's scheduler, is set for the next multiple of
AlignedDataCtrlr.Interval and set afresh on every change of the device model (a new interval
re-aligns at once). An idle station holds that one timer, or none (AlignedDataCtrlr.Interval 0,
or AlignedDataCtrlr.Enabled false).
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable, Mapping

from ocppkit.protocol.models import (
    MeterValuesRequest,
    MeterValueType,
    ReadingContextEnumType,
)
from ocppkit.simulator.blocks import Handler
from ocppkit.simulator.blocks.smart_charging import SmartCharging
from ocppkit.simulator.context import StationContext
from ocppkit.simulator.device.model import ALIGNED_MEASURANDS, ALIGNED_SEND_DURING_IDLE
from ocppkit.simulator.device.sampling import sample
from ocppkit.simulator.device.variables import Key
from ocppkit.simulator.evse import Evse
from ocppkit.simulator.scheduler import Timer
from ocppkit.simulator.transactions import Context, meter_value, sampled_values, wire_time

log = logging.getLogger("ocppkit.simulator")
ALIGNED_ENABLED = Key("AlignedDataCtrlr", "Enabled")


def _power_of(evse: Evse) -> Callable[[], str]:
    """The live EVSE.Power variable of ``evse`` (W)."""
    return lambda: f"{evse.meter.power_w:.1f}"


class Metering:
    """The meter values one station sends outside its TransactionEvents."""

    __slots__ = ("_aligned", "_ctx", "_running", "_smart_charging")

    def __init__(self, ctx: StationContext, smart_charging: SmartCharging) -> None:
        self._ctx = ctx
        self._smart_charging = smart_charging
        self._aligned: Timer | None = None
        self._running = False
        model = ctx.device_model
        model.listen(self.changed)
        for evse_id, evse in ctx.evses.items():
            model.bind(Key("EVSE", "Power", evse_id), _power_of(evse))

    def routes(self) -> Mapping[str, Handler]:
        return {}  # block J answers no CSMS->CS action of its own

    def start(self) -> None:
        """Start the clock-aligned timer (unless it runs)."""
        if not self._running:
            self._running = True
            self._schedule_aligned()

    def stop(self) -> None:
        """Stop the clock-aligned timer."""
        self._running = False
        if self._aligned is not None:
            self._aligned.cancel()
            self._aligned = None

    def changed(self, key: Key | None = None) -> None:
        """A setting may have changed: re-align (J01)."""
        if self._running:
            self._schedule_aligned()

    # --- clock-aligned meter values (J01) ---

    def _schedule_aligned(self) -> None:
        if self._aligned is not None:
            self._aligned.cancel()
            self._aligned = None
        ctx = self._ctx
        model = ctx.device_model
        interval = model.aligned_interval
        if interval > 0 and model.flag(ALIGNED_ENABLED):
            epoch = ctx.now_utc().timestamp()
            delay = (math.floor(epoch / interval) + 1) * interval - epoch
            self._aligned = ctx.scheduler.call_later(delay, self._aligned_due)

    def _aligned_due(self) -> None:
        self._aligned = None
        self._ctx.spawn(self._send_aligned_then_schedule(), "aligned meter values")

    async def _send_aligned_then_schedule(self) -> None:
        try:
            await self.send_aligned()
        finally:
            if self._running:
                self._schedule_aligned()

    async def send_aligned(self) -> None:
        """MeterValues with context Sample.Clock for each EVSE (J01); none while a transaction
        runs when AlignedDataCtrlr.SendDuringIdle is true."""
        ctx = self._ctx
        model = ctx.device_model
        busy = any(e.transaction is not None for e in ctx.evses.values())
        if not ctx.connected or (busy and model.flag(ALIGNED_SEND_DURING_IDLE)):
            return
        self._smart_charging.apply_limits()
        now, at = ctx.clock(), wire_time(ctx.now_utc())
        measurands = model.members(ALIGNED_MEASURANDS)
        for evse in ctx.evses.values():
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
            if not await ctx.notify("MeterValues", request):
                return

    # --- triggered (F06) ---

    async def send_triggered(self, evses: list[Evse]) -> None:
        """MeterValues of ``evses`` with context Trigger (F06; before the boot is Accepted
        too, B02)."""
        ctx = self._ctx
        self._smart_charging.apply_limits()
        now = ctx.clock()
        for evse in evses:
            values = sampled_values(evse.meter, evse.meter.energy_at(now), Context.Trigger)
            await ctx.call(
                "MeterValues",
                MeterValuesRequest(
                    evse_id=evse.evse_id, meter_value=[meter_value(values, ctx.now_utc())]
                ),
                before_boot=True,
            )
