"""The simulator's public API and the parts of the station that need no socket."""

from __future__ import annotations

import subprocess
import sys

import pytest

import ocppkit.simulator as simulator
from ocppkit.protocol.errors import NotConnectedError
from ocppkit.protocol.models import CSMS_TO_CS
from ocppkit.simulator import ChargerSimulator, SimulatorError
from ocppkit.simulator.blocks import route_table


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_public_names() -> None:
    assert simulator.__all__ == [
        "ChargerSimulator",
        "ChargingLimit",
        "MeterModel",
        "SimulatorError",
    ]
    assert issubclass(SimulatorError, Exception)


def test_one_handler_per_csms_to_cs_action() -> None:
    routes = route_table(ChargerSimulator("CP-1", "ws://h").blocks)
    assert set(routes) == CSMS_TO_CS and len(routes) == 40


def test_constructor_defaults_and_url() -> None:
    sim = ChargerSimulator("CP-1", "ws://host:9000/ocpp/")
    assert sim.url == "ws://host:9000/ocpp/CP-1"
    assert (
        sim.charging_station.model == "EVBox Home" and sim.charging_station.vendor_name == "EVBox"
    )
    assert list(sim.evses) == [1] and sim.evses[1].connector_id == 1
    assert sim.sample_interval == 5.0 and not sim.is_charging and not sim.connected
    assert sim.meter_value == 0.0 and sim.power_w == 0.0 and sim.voltage_v == 230.0
    with pytest.raises(ValueError):
        ChargerSimulator("CP-1", "ws://h", charger_model="x" * 21)
    with pytest.raises(ValueError):
        ChargerSimulator("CP-1", "ws://h", num_connectors=0)


def test_seeded_stations_draw_the_same_ids() -> None:
    a, b = (ChargerSimulator("CP", "ws://h", seed=4) for _ in range(2))
    assert a.new_transaction_id() == b.new_transaction_id()
    assert ChargerSimulator("CP", "ws://h", seed=5).new_transaction_id() != a.new_transaction_id()


def test_meter_readings_follow_the_injected_clock() -> None:
    clock = FakeClock()
    sim = ChargerSimulator("CP", "ws://h", seed=1, clock=clock, num_connectors=2)
    meter = sim.evses[2].meter
    meter.update(clock.now, charging=True)
    clock.now += 3600
    assert sim.energy_wh == pytest.approx(meter.power_w)
    assert sim.power_w == meter.power_w and sim.current_a == 16.0
    assert (sim.now_utc() - sim._wall_origin).total_seconds() == pytest.approx(3600)


async def test_charging_needs_a_connection() -> None:
    sim = ChargerSimulator("CP", "ws://h")
    with pytest.raises(NotConnectedError):
        sim.is_charging = True
    with pytest.raises(SimulatorError):
        await sim.stop_transaction()
    with pytest.raises(SimulatorError):
        await sim.start_transaction(evse_id=3)


def test_the_simulator_does_not_depend_on_the_csms() -> None:
    code = (
        "import sys, ocppkit.simulator; "
        "sys.exit(any(m.startswith(('ocppkit.csms', 'ocppkit.api')) for m in sys.modules))"
    )
    assert subprocess.run([sys.executable, "-c", code], timeout=60).returncode == 0
