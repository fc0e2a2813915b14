"""Block J: clock-aligned meter values (J01) on the station's clock, and triggered MeterValues
(F06)."""

from __future__ import annotations

import math

from ocppkit.simulator.blocks.metering import ALIGNED_ENABLED, Metering
from ocppkit.simulator.device.model import ALIGNED_INTERVAL, ALIGNED_SEND_DURING_IDLE

from .support import charge, make_core


def _metering(interval: int = 900):  # type: ignore[no-untyped-def]
    core = make_core(evses=2)
    model = core.station.ctx.device_model
    model.set_value(ALIGNED_INTERVAL, str(interval))
    model.set_value(ALIGNED_ENABLED, "true")
    return core, Metering(core.station.ctx, core.smart_charging)


async def test_j01_meter_values_at_every_multiple_of_the_interval() -> None:
    core, metering = _metering(900)
    metering.start()
    ctx = core.station.ctx
    epoch = ctx.now_utc().timestamp()
    first = (math.floor(epoch / 900) + 1) * 900 - epoch
    await core.station.clock.advance(first + 2 * 900 + 1)
    sent = core.station.link.sent("MeterValues")
    assert [p["evseId"] for p in sent] == [1, 2] * 3  # one per EVSE at each aligned moment
    contexts = {v["context"] for p in sent for v in p["meterValue"][0]["sampledValue"]}
    assert contexts == {"Sample.Clock"}
    stamps = sorted({p["meterValue"][0]["timestamp"] for p in sent})
    assert all(stamp[14:19] in ("00:00", "15:00", "30:00", "45:00") for stamp in stamps)
    metering.stop()
    await core.station.clock.advance(3600)
    assert len(core.station.link.sent("MeterValues")) == 6


async def test_j01_a_new_interval_realigns_and_zero_stops() -> None:
    core, metering = _metering(900)
    metering.start()
    core.station.ctx.device_model.set_value(ALIGNED_INTERVAL, "0")
    await core.station.clock.advance(3600)
    assert not core.station.link.sent("MeterValues")


async def test_j01_send_during_idle_holds_them_while_a_transaction_runs() -> None:
    core, metering = _metering(60)
    core.station.ctx.device_model.set_value(ALIGNED_SEND_DURING_IDLE, "true")
    await charge(core)
    await metering.send_aligned()
    assert not core.station.link.sent("MeterValues")
    core.station.link.online = False
    core.station.ctx.device_model.set_value(ALIGNED_SEND_DURING_IDLE, "false")
    await metering.send_aligned()  # offline: none either
    assert not core.station.link.sent("MeterValues")


async def test_f06_triggered_meter_values() -> None:
    core, metering = _metering()
    await charge(core)
    await metering.send_triggered([core.station.ctx.evses[1]])
    (sent,) = core.station.link.sent("MeterValues")
    values = sent["meterValue"][0]["sampledValue"]
    assert sent["evseId"] == 1 and {v["context"] for v in values} == {"Trigger"}
    power = [v["value"] for v in values if v.get("measurand") == "Power.Active.Import"]
    assert power and power[0] > 10_000  # 3 x 16 A
    assert metering.routes() == {}
