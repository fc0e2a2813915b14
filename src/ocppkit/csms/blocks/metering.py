"""J Meter values: MeterValues, and the reading of sampled values TransactionEvent shares.

Energy is read from ``Energy.Active.Import.Register`` and power from ``Power.Active.Import``,
scaled by the unit (Wh/kWh, W/kW) and ``unitOfMeasure.multiplier`` (a power of ten). When a
measurand is given per phase only, the phases are summed.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from ocppkit.csms.blocks import Block, handles
from ocppkit.csms.clock import format_time, parse_time
from ocppkit.csms.registry import Charger, MeterSnapshot
from ocppkit.protocol.models import (
    MeterValuesRequest,
    MeterValuesResponse,
    MeterValueType,
    SampledValueType,
)

ENERGY = "Energy.Active.Import.Register"
POWER = "Power.Active.Import"
_MAX_MULTIPLIER = 30  # beyond 10**30 a reading is nonsense, and 10.0**400 would overflow
_PHASE_TOTALS = frozenset({"L1", "L2", "L3", "L1-N", "L2-N", "L3-N"})


@dataclass(frozen=True, slots=True)
class MeterReading:
    """What a list of meter values says, at the time of the latest one."""

    timestamp: datetime
    energy_wh: float | None
    power_w: float | None
    sampled_values: list[dict[str, Any]]  # the latest meter value's samples, wire form
    energy_at: datetime | None = None  # the time of the meter value the energy comes from
    power_at: datetime | None = None


def _scaled(sample: SampledValueType, base_unit: str) -> float | None:
    uom = sample.unit_of_measure
    unit = (uom.unit if uom is not None and uom.unit is not None else base_unit).lower()
    multiplier = uom.multiplier if uom is not None and uom.multiplier is not None else 0
    factor = {base_unit.lower(): 1.0, "k" + base_unit.lower(): 1000.0}.get(unit)
    if factor is None or abs(multiplier) > _MAX_MULTIPLIER:
        return None
    value = sample.value * factor * 10.0**multiplier
    return value if math.isfinite(value) else None


def measure(samples: Iterable[SampledValueType], measurand: str, base_unit: str) -> float | None:
    """The value of ``measurand`` in ``base_unit``: the all-phase sample if there is one,
    else the sum of the per-phase samples; Outlet samples are preferred over other locations."""
    matching = [s for s in samples if str(s.measurand) == measurand]
    outlet = [s for s in matching if str(s.location) == "Outlet"]
    chosen = outlet or matching
    total = [s for s in chosen if s.phase is None]
    if total:
        return _scaled(total[-1], base_unit)
    phases = [_scaled(s, base_unit) for s in chosen if str(s.phase) in _PHASE_TOTALS]
    known = [p for p in phases if p is not None]
    return sum(known) if known else None


def read_meter_values(meter_values: Sequence[MeterValueType]) -> MeterReading:
    """Energy (Wh) and power (W) as of the latest meter value that carries each."""
    ordered = sorted(
        ((parse_time(mv.timestamp), mv) for mv in meter_values), key=lambda pair: pair[0]
    )
    energy = power = None
    energy_at = power_at = None
    for at, meter_value in ordered:
        value = measure(meter_value.sampled_value, ENERGY, "Wh")
        if value is not None:
            energy, energy_at = value, at
        value = measure(meter_value.sampled_value, POWER, "W")
        if value is not None:
            power, power_at = value, at
    latest_at, latest = ordered[-1]
    samples = [
        s.model_dump(mode="json", by_alias=True, exclude_unset=True, exclude_none=True)
        for s in latest.sampled_value
    ]
    return MeterReading(latest_at, energy, power, samples, energy_at, power_at)


def store_reading(charger: Charger, evse_id: int, reading: MeterReading) -> None:
    """Keep ``reading`` as the EVSE's latest meter snapshot."""
    charger.meters[evse_id] = MeterSnapshot(
        reading.timestamp, reading.energy_wh, reading.power_w, reading.sampled_values
    )


class Metering(Block):
    """Keeps the latest meter values per EVSE (J01) and feeds them to a running transaction."""

    @handles("MeterValues")
    async def on_meter_values(
        self, charger: Charger, request: MeterValuesRequest
    ) -> MeterValuesResponse:
        """J01: store the EVSE's latest values (evseId 0 is the main meter)."""
        reading = read_meter_values(request.meter_value)
        store_reading(charger, request.evse_id, reading)
        fed = [
            tx
            for tx in charger.active.values()
            if tx.evse_id == request.evse_id and request.evse_id != 0
        ]
        for tx in fed:
            if reading.energy_wh is not None:
                tx.record_energy(reading.energy_wh, reading.energy_at)
            if reading.power_w is not None:
                tx.record_power(reading.power_w, reading.power_at)
        await self.ctx.store.meter_values(charger, request.evse_id, request.meter_value, fed)
        self.ctx.events.emit(
            "meter_values",
            charger.charger_id,
            {
                "evse_id": request.evse_id,
                "timestamp": format_time(reading.timestamp),
                "energy_wh": reading.energy_wh,
                "power_w": reading.power_w,
            },
        )
        return MeterValuesResponse()
