"""Reading energy and power out of sampled values."""

from typing import Any

import pytest

from ocppkit.csms.blocks.metering import ENERGY, POWER, measure, read_meter_values
from ocppkit.protocol.models import MeterValueType, SampledValueType

from .support import Csms


def sv(value: float, measurand: str | None = None, **extra: Any) -> SampledValueType:
    wire: dict[str, Any] = {"value": value, **extra}
    if measurand:
        wire["measurand"] = measurand
    return SampledValueType.model_validate(wire, by_alias=True)


@pytest.mark.parametrize(
    ("sample", "expected"),
    [
        (sv(1200.0), 1200.0),  # the default measurand is the energy register, in Wh
        (sv(1.2, ENERGY, unitOfMeasure={"unit": "kWh"}), 1200.0),
        (sv(12.0, ENERGY, unitOfMeasure={"unit": "Wh", "multiplier": 2}), 1200.0),
        (sv(1.2, ENERGY, unitOfMeasure={"unit": "kWh", "multiplier": -1}), 120.0),
        (sv(5.0, ENERGY, unitOfMeasure={"unit": "varh"}), None),
        (sv(5.0, ENERGY, unitOfMeasure={"multiplier": 400}), None),
    ],
)
def test_energy_units(sample: SampledValueType, expected: float | None) -> None:
    assert measure([sample], ENERGY, "Wh") == expected


def test_power_prefers_the_total_and_sums_phases_otherwise() -> None:
    phases = [sv(2.0, POWER, phase=p, unitOfMeasure={"unit": "kW"}) for p in ("L1", "L2", "L3")]
    assert measure(phases, POWER, "W") == 6000.0
    assert measure([*phases, sv(5500.0, POWER, unitOfMeasure={"unit": "W"})], POWER, "W") == 5500.0
    assert measure([sv(1.0, POWER, location="EV"), sv(2.0, POWER)], POWER, "W") == 2.0
    assert measure([sv(3.0, ENERGY)], POWER, "W") is None


def test_latest_meter_value_wins() -> None:
    values = [
        MeterValueType.model_validate(
            {"timestamp": ts, "sampledValue": [{"value": v}]}, by_alias=True
        )
        for ts, v in [("2025-01-01T10:05:00Z", 200.0), ("2025-01-01T10:00:00Z", 100.0)]
    ]
    reading = read_meter_values(values)
    assert reading.energy_wh == 200.0 and reading.power_w is None
    assert reading.sampled_values == [{"value": 200.0}]


async def test_meter_values_feed_the_transaction_on_that_evse() -> None:
    csms = Csms()
    started = {
        "eventType": "Started",
        "timestamp": "2025-01-02T03:00:00Z",
        "triggerReason": "Authorized",
        "seqNo": 0,
        "transactionInfo": {"transactionId": "T1"},
        "evse": {"id": 1},
        "meterValue": energy(1000),
    }
    await csms.send("CP", "TransactionEvent", started)
    await csms.send("CP", "MeterValues", {"evseId": 1, "meterValue": energy(3000)})
    await csms.send("CP", "MeterValues", {"evseId": 2, "meterValue": energy(9000)})
    tx = csms.registry.find_transaction("T1")
    assert tx is not None and tx.energy_kwh == 2.0  # J01: only EVSE 1 feeds it
    assert csms.registry.ensure("CP").meters[2].energy_wh == 9000


def energy(wh: float) -> list[dict[str, Any]]:
    return [{"timestamp": "2025-01-02T03:00:00Z", "sampledValue": [{"value": wh}]}]
