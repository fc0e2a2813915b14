"""A day of charging on a virtual clock, in seconds of wall time.

The station's timers all run on its scheduler (heartbeats G02, TransactionEvent samples E01/J02,
clock-aligned meter values J01, ...). With a ``VirtualScheduler`` the clock moves only when the
test says so, timer by timer, while the CSMS (a real websocket server) answers each CALL: hours
of samples and heartbeats take seconds, and what the CSMS receives is what a real day would
give it, timestamps included.
"""

from __future__ import annotations

import itertools
import time
from datetime import datetime

import pytest
from integration.test_simulator_support import ScriptedCSMS

from ocppkit.simulator import ChargerSimulator
from ocppkit.simulator.scheduler import VirtualScheduler

HOUR = 3600.0
SAMPLE = 60.0  # s, SampledDataCtrlr.TxUpdatedInterval
HEARTBEAT = 300  # s, the BootNotificationResponse interval
WALL_BUDGET = 30.0  # s of wall time the whole day may take (a few seconds on a quiet machine)


def _at(payload: dict[str, object]) -> datetime:
    return datetime.fromisoformat(str(payload["timestamp"]).replace("Z", "+00:00"))


def _register(event: dict[str, object]) -> float:
    (meter_value,) = event["meterValue"]  # type: ignore[misc]
    return next(
        float(v["value"])
        for v in meter_value["sampledValue"]
        if v.get("measurand", "Energy.Active.Import.Register") == "Energy.Active.Import.Register"
    )


async def test_six_hours_of_charging_and_a_whole_day_run_in_seconds() -> None:
    virtual = VirtualScheduler()
    wall = time.monotonic()
    async with ScriptedCSMS(heartbeat_interval=HEARTBEAT) as csms:
        sim = ChargerSimulator(
            "CP-DAY", csms.url, seed=3, sample_interval=SAMPLE, scheduler=virtual, ev=None
        )
        await sim.connect()
        await sim.start_transaction()
        await virtual.advance(6 * HOUR)
        assert sim.meter_value == pytest.approx(11.04 * 6, rel=1e-3)  # 3 x 16 A x 230 V
        await sim.stop_transaction()
        await virtual.advance(18 * HOUR)  # the rest of the day, idle
        await sim.disconnect()
    wall = time.monotonic() - wall
    assert wall < WALL_BUDGET

    events = csms.calls("TransactionEvent")
    started, *updated, ended = events
    assert started["eventType"] == "Started" and ended["eventType"] == "Ended"
    # E01/J02: one periodic sample every TxUpdatedInterval of station time, seqNo contiguous
    assert len(updated) == int(6 * HOUR / SAMPLE)
    assert {e["triggerReason"] for e in updated} == {"MeterValuePeriodic"}
    assert [e["seqNo"] for e in events] == list(range(len(events)))
    times = [_at(e) for e in events]
    samples = times[:-1]  # Started and the samples; Ended came with the last one
    gaps = {round((b - a).total_seconds(), 3) for a, b in itertools.pairwise(samples)}
    assert gaps == {SAMPLE}
    assert (times[-1] - times[0]).total_seconds() == pytest.approx(6 * HOUR)
    # the register never decreases, and the energy is the power over the time
    registers = [_register(e) for e in events]
    assert registers == sorted(registers)
    assert registers[-1] - registers[0] == pytest.approx(11_040 * 6, rel=1e-3)
    assert ended["transactionInfo"]["timeSpentCharging"] == int(6 * HOUR)
    # G02: a Heartbeat every interval after the last one was answered, all day long
    beats = len(csms.calls("Heartbeat"))
    assert int(24 * HOUR / HEARTBEAT) - 2 <= beats <= int(24 * HOUR / HEARTBEAT)
    assert virtual.time() == pytest.approx(24 * HOUR, abs=1.0)
    csms.recorder.assert_all_valid()


async def test_the_default_clock_stays_real_time() -> None:
    sim = ChargerSimulator("CP-REAL", "ws://127.0.0.1:9")
    before = time.monotonic()
    assert before <= sim.clock() <= time.monotonic()


async def test_an_ev_charges_to_full_over_hours_and_is_then_suspended() -> None:
    virtual = VirtualScheduler()
    async with ScriptedCSMS(heartbeat_interval=HEARTBEAT) as csms:
        sim = ChargerSimulator(
            "CP-EV", csms.url, seed=8, sample_interval=300, scheduler=virtual, ev="sedan"
        )
        await sim.connect()
        await sim.start_transaction()
        ev = sim.evses[1].meter.ev
        assert ev is not None
        arrival_soc, battery_wh = ev.soc, ev.model.battery_wh
        await virtual.advance(12 * HOUR)
        assert ev.soc == pytest.approx(100.0, abs=0.1)
        await sim.stop_transaction()
        await sim.disconnect()
    events = csms.calls("TransactionEvent")
    # E01/E02: the EV that is full stops drawing power: SuspendedEV, ChargingStateChanged
    suspended = [
        e
        for e in events
        if e["triggerReason"] == "ChargingStateChanged"
        and e["transactionInfo"]["chargingState"] == "SuspendedEV"
    ]
    assert len(suspended) == 1
    full_after = (_at(suspended[0]) - _at(events[0])).total_seconds()
    assert 3 * HOUR < full_after < 10 * HOUR  # 11 kW into what the sedan lacked, then a taper
    delivered = _register(events[-1]) - _register(events[0])
    assert delivered == pytest.approx(battery_wh * (100.0 - arrival_soc) / 100.0, rel=0.01)
    csms.recorder.assert_all_valid()
