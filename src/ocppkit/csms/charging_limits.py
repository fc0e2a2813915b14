"""What the CSMS knows of the power an EV may take on an EVSE (K15-K17), pure.

From the station's device model: the EVSE's and the station's ``Power`` (its ``maxLimit``
characteristic, else its MaxSet value; its Actual is the power drawn now) in W. From the
profiles installed on the station (those the CSMS set and those it reported): the
ChargingStationMaxProfile and ChargingStationExternalConstraints in force now (the station's or
the site's limit, K01). From the EV's needs: the most power it takes, and the power that
delivers its requested energy by its departure time.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from ocppkit.csms.clock import parse_time
from ocppkit.csms.device_models import DeviceModel
from ocppkit.protocol.models import (
    ChargingNeedsType,
    ChargingProfileType,
    ChargingScheduleType,
)

NOMINAL_VOLTAGE = 230.0  # V per phase: an A limit in W, when the station says nothing else
STATION_LIMIT_PURPOSES = ("ChargingStationMaxProfile", "ChargingStationExternalConstraints")


def watts(limit: float, unit: str, phases: int | None) -> float:
    """A schedule's limit in W (an A limit per phase, on ``phases`` phases, default 3)."""
    return limit if str(unit) == "W" else limit * NOMINAL_VOLTAGE * (phases or 3)


def schedule_limit_at(
    schedule: ChargingScheduleType, start: datetime | None, now: datetime
) -> float | None:
    """The schedule's limit (W) in force at ``now`` when it started at ``start``; with no known
    start (Relative, Recurring) the lowest of its periods, the one it surely keeps."""
    periods = sorted(schedule.charging_schedule_period, key=lambda p: p.start_period)
    if not periods:
        return None
    unit = str(schedule.charging_rate_unit)
    if start is None:
        return min(watts(p.limit, unit, p.number_phases) for p in periods)
    offset = (now - start).total_seconds()
    if offset < periods[0].start_period:
        return None
    if schedule.duration is not None and offset >= schedule.duration:
        return None
    current = [p for p in periods if p.start_period <= offset][-1]
    return watts(current.limit, unit, current.number_phases)


def profile_limit_at(profile: ChargingProfileType, now: datetime) -> float | None:
    """The limit (W) a profile sets at ``now``, None when it sets none then (K01: outside its
    validity or its schedule)."""
    if profile.valid_from is not None and now < parse_time(profile.valid_from):
        return None
    if profile.valid_to is not None and now >= parse_time(profile.valid_to):
        return None
    limits: list[float] = []
    for schedule in profile.charging_schedule:
        start = (
            parse_time(schedule.start_schedule)
            if str(profile.charging_profile_kind) == "Absolute" and schedule.start_schedule
            else None
        )
        limit = schedule_limit_at(schedule, start, now)
        if limit is not None:
            limits.append(limit)
    return min(limits) if limits else None


def station_profile_limit(profiles: Iterable[ChargingProfileType], now: datetime) -> float | None:
    """The station-wide limit (W) of its installed profiles at ``now``: per purpose the
    highest stack level in force wins (K08 composite), the lowest across purposes counts."""
    by_purpose: dict[str, tuple[int, float]] = {}
    for profile in profiles:
        purpose = str(profile.charging_profile_purpose)
        if purpose not in STATION_LIMIT_PURPOSES:
            continue
        limit = profile_limit_at(profile, now)
        if limit is None:
            continue
        held = by_purpose.get(purpose)
        if held is None or profile.stack_level > held[0]:
            by_purpose[purpose] = (profile.stack_level, limit)
    return min((limit for _, limit in by_purpose.values()), default=None)


def _power_of(model: DeviceModel, component: str, evse_id: int | None) -> float | None:
    for entry in model.find(component, "Power"):
        evse = entry["component"].get("evse")
        if (evse_id is None) != (evse is None):
            continue
        if evse_id is not None and evse.get("id") != evse_id:
            continue
        characteristics = entry.get("variableCharacteristics") or {}
        if characteristics.get("maxLimit") is not None:
            return float(characteristics["maxLimit"])
        for attribute in entry.get("variableAttribute", ()):  # its Actual is the power now
            if attribute.get("type") == "MaxSet" and "value" in attribute:
                try:
                    return float(attribute["value"])
                except ValueError:
                    continue
    return None


def device_model_limit(model: DeviceModel | None, evse_id: int) -> float | None:
    """The EVSE's ``Power`` (and the station's, the lower) from its device model, in W."""
    if model is None:
        return None
    found = [
        limit
        for limit in (_power_of(model, "EVSE", evse_id), _power_of(model, "ChargingStation", None))
        if limit is not None and limit > 0
    ]
    return min(found, default=None)


def station_max_power(model: DeviceModel | None) -> float | None:
    """The most the station takes (W): its ChargingStation Power, else the sum of its EVSEs'."""
    if model is None:
        return None
    station = _power_of(model, "ChargingStation", None)
    if station is not None:
        return station
    evses = {
        entry["component"]["evse"]["id"]
        for entry in model.find("EVSE", "Power")
        if entry["component"].get("evse")
    }
    limits = [_power_of(model, "EVSE", evse_id) for evse_id in evses]
    known = [w for w in limits if w is not None]
    return sum(known) if known and len(known) == len(limits) else None


def ev_max_power(needs: ChargingNeedsType) -> float | None:
    """The most the EV takes (W): DC evMaxPower, else AC evMaxCurrent x voltage x phases."""
    dc, ac = needs.dc_charging_parameters, needs.ac_charging_parameters
    if dc is not None:
        if dc.ev_max_power is not None:
            return float(dc.ev_max_power)
        return float(dc.ev_max_current * dc.ev_max_voltage)
    if ac is not None:
        phases = 1 if str(needs.requested_energy_transfer) == "AC_single_phase" else 3
        voltage = min(float(ac.ev_max_voltage), NOMINAL_VOLTAGE * 1.1)
        return ac.ev_max_current * min(voltage, NOMINAL_VOLTAGE) * phases
    return None


def ev_needed_power(needs: ChargingNeedsType, now: datetime) -> float | None:
    """The power (W) that delivers the EV's requested energy by its departure time (K15:
    energyAmount and departureTime), None when it gives not both."""
    params = needs.dc_charging_parameters or needs.ac_charging_parameters
    energy = None if params is None else params.energy_amount
    if energy is None or needs.departure_time is None:
        return None
    hours = (parse_time(needs.departure_time) - now).total_seconds() / 3600
    return None if hours <= 0 else energy / hours


@dataclass(frozen=True, slots=True)
class KnownLimits:
    """The limits (W) the CSMS knows for one EVSE; None: unknown."""

    evse_w: float | None = None  # the device model's EVSE / station Power
    station_w: float | None = None  # ChargingStationMaxProfile / external constraints
    cap_w: float | None = None  # the operator's cap (--ev-max-power)
    ev_w: float | None = None  # the EV's maximum

    def limit(self) -> float | None:
        """The lowest known limit; None when none is known."""
        known = [w for w in (self.evse_w, self.station_w, self.cap_w, self.ev_w) if w is not None]
        return min(known, default=None)


def schedule_exceeds(
    schedule: ChargingScheduleType, limit_w: float, tolerance: float = 0.01
) -> bool:
    """K15.FR.12: whether an EV's schedule asks for more than ``limit_w`` in some period."""
    unit = str(schedule.charging_rate_unit)
    return any(
        watts(p.limit, unit, p.number_phases) > limit_w * (1 + tolerance)
        for p in schedule.charging_schedule_period
    )
