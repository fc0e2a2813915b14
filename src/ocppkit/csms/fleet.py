"""Fleet views over the registry for the dashboard: stations selected (search, filters, sort)
without building the view of every station, fleet totals, each EVSE's live state (charging
state, SoC, per-phase current and voltage) and a transaction's power/energy curve.

Everything here reads what the CSMS already keeps: the registry (``ChargerRegistry``), the
latest meter snapshot per EVSE (the samples of its latest meter value) and a transaction's
stored meter values (``CsmsQueries.transaction_detail``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from pydantic import ValidationError

from ocppkit.csms.blocks.metering import ENERGY, POWER, measure
from ocppkit.csms.clock import format_time, parse_time
from ocppkit.csms.registry import STATUS_ORDER, Charger, ChargerRegistry, evse_status
from ocppkit.protocol.models import SampledValueType

SortKey = Literal["id", "connection", "status", "version", "model", "power", "energy", "last_seen"]
SORT_KEYS: tuple[str, ...] = SortKey.__args__  # type: ignore[attr-defined]
CURRENT, VOLTAGE, SOC = "Current.Import", "Voltage", "SoC"
PHASES = ("L1", "L2", "L3")


@dataclass(frozen=True, slots=True)
class StationFilter:
    """Which stations to list: every given criterion must hold.

    ``search`` is a case-insensitive part of the station id; ``status`` the status of one of
    its EVSEs (its most significant connector's); ``charging_state`` that of one of its active
    transactions (transactionInfo.chargingState, E02); ``version`` the firmware version of its
    last boot.
    """

    search: str | None = None
    connection: str | None = None
    status: str | None = None
    charging_state: str | None = None
    version: str | None = None

    def matches(self, charger: Charger) -> bool:
        if self.search and self.search.casefold() not in charger.charger_id.casefold():
            return False
        if self.connection is not None:
            if charger.connected != (self.connection == "connected"):
                return False
        if self.status is not None and self.status not in evse_statuses(charger).values():
            return False
        if self.charging_state is not None:
            if not any(tx.charging_state == self.charging_state for tx in charger.active.values()):
                return False
        return self.version is None or _version(charger) == self.version


def _version(charger: Charger) -> str:
    return (charger.boot.firmware_version or "") if charger.boot else ""


def _model(charger: Charger) -> str:
    return f"{charger.boot.vendor} {charger.boot.model}" if charger.boot else ""


def power_w(charger: Charger) -> float:
    """The power of the station's running transactions now (W)."""
    return sum(tx.power_w or 0.0 for tx in charger.active.values())


def _energy(charger: Charger) -> float:
    return sum(tx.energy_kwh for tx in charger.active.values())


def _charging(charger: Charger) -> bool:
    return any(tx.charging_state == "Charging" for tx in charger.active.values())


def evse_statuses(charger: Charger) -> dict[int, str | None]:
    """Each EVSE's status (its most significant connector's), by EVSE id."""
    by_evse: dict[int, list[str]] = {}
    for (evse_id, _), status in charger.connectors.items():
        by_evse.setdefault(evse_id, []).append(status.status)
    return {evse_id: evse_status(statuses) for evse_id, statuses in by_evse.items()}


def _status_rank(charger: Charger) -> int:
    """Its most significant EVSE status first (Faulted, Occupied, ...), stations without last."""
    status = evse_status(s for s in evse_statuses(charger).values() if s is not None)
    return len(STATUS_ORDER) if status is None else STATUS_ORDER.index(status)


_SORTS: dict[str, Callable[[Charger], Any]] = {
    "id": lambda c: c.charger_id,
    "connection": lambda c: (not c.connected, c.charger_id),
    "status": lambda c: (_status_rank(c), c.charger_id),
    "version": lambda c: (_version(c), c.charger_id),
    "model": lambda c: (_model(c), c.charger_id),
    "power": lambda c: (power_w(c), c.charger_id),
    "energy": lambda c: (_energy(c), c.charger_id),
    "last_seen": lambda c: (c.last_seen.timestamp() if c.last_seen else 0.0, c.charger_id),
}


def select_stations(
    registry: ChargerRegistry,
    where: StationFilter,
    sort: str = "id",
    descending: bool = False,
    offset: int = 0,
    limit: int = 100,
) -> tuple[int, list[Charger]]:
    """(how many stations match, the page of them in ``sort`` order).

    Only the stations themselves are compared: at 10,000 stations a page costs a pass over
    them, not 10,000 status views.
    """
    matching = [c for c in registry.chargers.values() if where.matches(c)]
    matching.sort(key=_SORTS[sort], reverse=descending)
    return len(matching), matching[offset : offset + limit]


def fleet_totals(registry: ChargerRegistry) -> dict[str, Any]:
    """Stations known/online/charging, EVSEs charging, power now, and the firmware versions
    seen (for a filter)."""
    chargers = list(registry.chargers.values())
    charging = [c for c in chargers if _charging(c)]
    return {
        "stations_known": len(chargers),
        "stations_online": sum(1 for c in chargers if c.connected),
        "stations_charging": len(charging),
        "transactions_active": sum(len(c.active) for c in chargers),
        "power_w": round(sum(power_w(c) for c in chargers), 3),
        "versions": sorted({_version(c) for c in chargers if c.boot}),
    }


# --- one EVSE now ---


def _samples(raw: Iterable[dict[str, Any]]) -> list[SampledValueType]:
    samples = []
    for entry in raw:
        try:
            samples.append(SampledValueType.model_validate(entry))
        except ValidationError:  # a lenient station's sample the models refuse: not shown
            continue
    return samples


def _phase(phase: object) -> str | None:
    """L1, L2 or L3 for a phase-to-neutral (or phase) value; None otherwise."""
    text = None if phase is None else str(phase)
    return text[:2] if text in ("L1", "L2", "L3", "L1-N", "L2-N", "L3-N") else None


def per_phase(samples: list[SampledValueType], measurand: str, unit: str) -> dict[str, float]:
    """``measurand`` per phase (L1-L3, from phase-tagged samples), scaled to ``unit``."""
    found = {}
    for phase in PHASES:
        tagged = [s for s in samples if _phase(s.phase) == phase]
        value = measure(tagged, measurand, unit) if tagged else None
        if value is not None:
            found[phase] = value
    return found


def _unphased(samples: list[SampledValueType], measurand: str, unit: str) -> float | None:
    return measure([s for s in samples if s.phase is None], measurand, unit)


def evse_live(charger: Charger) -> list[dict[str, Any]]:
    """Each EVSE's status, its transaction's charging state (E02 transactionInfo.chargingState)
    and energy, and its latest meter values: power, energy register, SoC, current and voltage
    (per phase when the station tags them, else one value)."""
    evse_ids = sorted({e for e, _ in charger.connectors} | set(charger.meters) | _tx_evses(charger))
    views = []
    for evse_id in evse_ids:
        if evse_id == 0:
            continue  # the station's main meter, not an EVSE
        statuses = [s.status for (e, _), s in charger.connectors.items() if e == evse_id]
        tx = next((t for t in reversed(charger.active.values()) if t.evse_id == evse_id), None)
        meter = charger.meters.get(evse_id)
        samples = _samples(meter.sampled_values) if meter else []
        currents, voltages = per_phase(samples, CURRENT, "A"), per_phase(samples, VOLTAGE, "V")
        views.append(
            {
                "evse_id": evse_id,
                "status": evse_status(statuses),
                "charging_state": None if tx is None else tx.charging_state,
                "transaction_id": None if tx is None else tx.transaction_id,
                "energy_kwh": None if tx is None else tx.energy_kwh,
                "power_w": (tx.power_w if tx is not None else None)
                if meter is None or meter.power_w is None
                else meter.power_w,
                "energy_register_wh": None if meter is None else meter.energy_wh,
                "soc": measure(samples, SOC, "Percent"),
                "current_a": _unphased(samples, CURRENT, "A"),
                "voltage_v": _unphased(samples, VOLTAGE, "V"),
                "phases": [
                    {"phase": p, "current_a": currents.get(p), "voltage_v": voltages.get(p)}
                    for p in PHASES
                    if p in currents or p in voltages
                ],
                "measured_at": None if meter is None else format_time(meter.timestamp),
            }
        )
    return views


def _tx_evses(charger: Charger) -> set[int]:
    return {tx.evse_id for tx in charger.active.values() if tx.evse_id is not None}


# --- a transaction's curve ---


def transaction_curve(detail: Mapping[str, Any], max_points: int = 500) -> list[dict[str, Any]]:
    """The power (W) and delivered energy (kWh) of a transaction over time, oldest first, from
    ``CsmsQueries.transaction_detail``: its stored sampled values (database) or the readings
    kept in memory. At most ``max_points`` (evenly thinned, the last one always kept)."""
    start_wh = detail.get("meter_start_wh")
    if detail.get("source") == "database":
        readings = _stored_readings(detail.get("meter_values") or [])
    else:
        readings = [
            (parse_time(v["timestamp"]), v.get("energy_wh"), v.get("power_w"))
            for v in detail.get("meter_values") or []
            if v.get("timestamp")
        ]
    readings.sort(key=lambda r: r[0])
    points = [
        {
            "timestamp": format_time(at),
            "power_w": power,
            "energy_kwh": None
            if energy is None or start_wh is None
            else round(max(0.0, energy - start_wh) / 1000.0, 4),
        }
        for at, energy, power in readings
        if energy is not None or power is not None
    ]
    return _thin(points, max_points)


def _stored_readings(values: list[dict[str, Any]]) -> list[tuple[datetime, Any, Any]]:
    """Stored sampled values (one row each) grouped back into readings by timestamp."""
    by_time: dict[str, list[SampledValueType]] = {}
    for row in values:
        if row.get("measurand") not in (ENERGY, POWER):
            continue
        try:
            uom = {"unit": row.get("unit") or None, "multiplier": row.get("multiplier") or 0}
            sample = SampledValueType.model_validate(
                {
                    "value": row["value"],
                    "measurand": row["measurand"],
                    "phase": row.get("phase"),
                    "context": row.get("context"),
                    "unitOfMeasure": {k: v for k, v in uom.items() if v is not None},
                }
            )
        except (ValidationError, KeyError):
            continue
        by_time.setdefault(row["timestamp"], []).append(sample)
    return [
        (parse_time(at), measure(samples, ENERGY, "Wh"), measure(samples, POWER, "W"))
        for at, samples in by_time.items()
    ]


def _thin(points: list[dict[str, Any]], max_points: int) -> list[dict[str, Any]]:
    if len(points) <= max_points:
        return points
    step = len(points) / (max_points - 1)
    kept = [points[int(i * step)] for i in range(max_points - 1)]
    return [*kept, points[-1]]


__all__ = [
    "SORT_KEYS",
    "SortKey",
    "StationFilter",
    "evse_live",
    "fleet_totals",
    "per_phase",
    "power_w",
    "select_stations",
    "transaction_curve",
]
