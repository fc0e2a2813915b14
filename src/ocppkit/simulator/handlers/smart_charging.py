"""Block K, smart charging: the answers to SetChargingProfile (K01), GetCompositeSchedule (K08),
GetChargingProfiles (K09) and ClearChargingProfile (K10); a TxProfile accepted for an ISO 15118
EV is followed by the schedule the EV chose (NotifyEVChargingSchedule, K15/K17). What the
station sends of itself (ChargingRateChanged, NotifyChargingLimit, NotifyEVChargingNeeds...) is
in ``smart_charging.messages``."""

from __future__ import annotations

import logging
from itertools import groupby
from typing import TYPE_CHECKING

from ocppkit.protocol.models import (
    ChargingLimitSourceEnumType,
    ChargingProfilePurposeEnumType,
    ChargingProfileStatusEnumType,
    ChargingRateUnitEnumType,
    ClearChargingProfileRequest,
    ClearChargingProfileResponse,
    ClearChargingProfileStatusEnumType,
    CompositeScheduleType,
    GenericStatusEnumType,
    GetChargingProfilesRequest,
    GetChargingProfilesResponse,
    GetChargingProfileStatusEnumType,
    GetCompositeScheduleRequest,
    GetCompositeScheduleResponse,
    ReportChargingProfilesRequest,
    SetChargingProfileRequest,
    SetChargingProfileResponse,
    StatusInfoType,
)
from ocppkit.simulator.meter import ChargingLimit
from ocppkit.simulator.smart_charging import Electrical, InstalledProfile
from ocppkit.simulator.smart_charging.messages import (
    apply_new_limits,
    ev_charging_schedule,
    ev_max_power_w,
    notify_ev_charging_schedule,
)
from ocppkit.simulator.transactions import wire_time

if TYPE_CHECKING:
    from ocppkit.simulator.evse import Evse, Transaction
    from ocppkit.simulator.station import ChargerSimulator

log = logging.getLogger("ocppkit.simulator")
Purpose = ChargingProfilePurposeEnumType
Source = ChargingLimitSourceEnumType
Unit = ChargingRateUnitEnumType
LIMIT_CHANGE_SIGNIFICANCE = ("SmartChargingCtrlr", "LimitChangeSignificance")
PROFILES_PER_REPORT = 10  # ReportChargingProfiles parts: at most this many profiles each


# --- K01 SetChargingProfile ---


def _rejected(reason: str) -> SetChargingProfileResponse:
    return SetChargingProfileResponse(
        status=ChargingProfileStatusEnumType.Rejected,
        status_info=StatusInfoType(reason_code=reason),
    )


async def on_set_charging_profile(
    station: ChargerSimulator, request: SetChargingProfileRequest
) -> SetChargingProfileResponse:
    """K01: Accepted and in force at once (the next sample obeys it; ChargingRateChanged if the
    power moved), or Rejected with the reason (``smart_charging.validation``)."""
    evse = station.evses.get(request.evse_id)
    tx = evse.transaction if evse is not None else None
    profile = request.charging_profile
    if profile.charging_profile_purpose == Purpose.TxProfile and tx is not None:
        if profile.transaction_id is None:  # K01: the TxProfile of the running transaction
            profile = profile.model_copy(update={"transaction_id": tx.transaction_id})
    phases = max(e.meter.phases for e in station.evses.values())
    reason = station.profiles.check(
        request.evse_id, profile, evse is not None, tx.context if tx else None, phases
    )
    if reason is not None:
        return _rejected(reason)
    station.profiles.install(request.evse_id, profile, station.now_utc())
    await apply_new_limits(station)
    if (
        profile.charging_profile_purpose == Purpose.TxProfile
        and evse is not None
        and tx is not None
        and station.ev_charging_needs
    ):
        _ev_chooses_a_schedule(station, evse, tx, profile.charging_schedule[0].id)
    return SetChargingProfileResponse(status=ChargingProfileStatusEnumType.Accepted)


EV_SCHEDULE_HORIZON = 86_400  # seconds of schedule an EV is offered (ISO 15118: at most 24 h)


def _ev_chooses_a_schedule(
    station: ChargerSimulator, evse: Evse, tx: Transaction, schedule_id: int
) -> None:
    """K15/K17: an ISO 15118 EV is offered the new limits and answers with the schedule it
    will follow, which the station passes on (NotifyEVChargingSchedule)."""
    ev_max = ev_max_power_w(evse)
    circuit = electrical(station, evse.evse_id)
    if ev_max is None or circuit is None:
        return
    start = station.now_utc().replace(microsecond=0)
    offered, duration = station.profiles.composite_schedule(
        evse.evse_id, start, EV_SCHEDULE_HORIZON, Unit.W, tx.context, circuit
    )
    schedule = ev_charging_schedule(schedule_id, offered, duration, ev_max)
    station.spawn(
        notify_ev_charging_schedule(station, evse, schedule, start), "EV charging schedule"
    )


# --- K10 ClearChargingProfile ---


async def on_clear_charging_profile(
    station: ChargerSimulator, request: ClearChargingProfileRequest
) -> ClearChargingProfileResponse:
    """K10: Accepted when a profile was removed (by id, or by evse, purpose and stackLevel),
    Unknown when none matched."""
    if station.profiles.clear(request):
        await apply_new_limits(station)
        return ClearChargingProfileResponse(status=ClearChargingProfileStatusEnumType.Accepted)
    return ClearChargingProfileResponse(status=ClearChargingProfileStatusEnumType.Unknown)


# --- K09 GetChargingProfiles ---


def report_parts(
    request_id: int, found: list[InstalledProfile]
) -> list[ReportChargingProfilesRequest]:
    """The ReportChargingProfiles of ``found``: one per chargingLimitSource and EVSE, split in
    parts of PROFILES_PER_REPORT, ``tbc`` on all but the last (K09)."""

    def key(item: InstalledProfile) -> tuple[str, int]:
        return item.source.value, item.evse_id

    parts = []
    for (source, evse_id), items in groupby(sorted(found, key=key), key=key):
        profiles = [item.profile for item in items]
        for first in range(0, len(profiles), PROFILES_PER_REPORT):
            parts.append(
                ReportChargingProfilesRequest(
                    request_id=request_id,
                    charging_limit_source=Source(source),
                    charging_profile=profiles[first : first + PROFILES_PER_REPORT],
                    evse_id=evse_id,
                )
            )
    for part in parts[:-1]:
        part.tbc = True
    return parts


async def _report(station: ChargerSimulator, parts: list[ReportChargingProfilesRequest]) -> None:
    for part in parts:
        await station.call("ReportChargingProfiles", part)


async def on_get_charging_profiles(
    station: ChargerSimulator, request: GetChargingProfilesRequest
) -> GetChargingProfilesResponse:
    """K09: Accepted, then ReportChargingProfiles with the profiles selected; NoProfiles when
    none is."""
    found = station.profiles.select(request.charging_profile, request.evse_id)
    if not found:
        return GetChargingProfilesResponse(status=GetChargingProfileStatusEnumType.NoProfiles)
    parts = report_parts(request.request_id, found)
    station.spawn(_report(station, parts), "ReportChargingProfiles")
    return GetChargingProfilesResponse(status=GetChargingProfileStatusEnumType.Accepted)


# --- K08 GetCompositeSchedule ---


def electrical(station: ChargerSimulator, evse_id: int) -> Electrical | None:
    """How A and W convert on ``evse_id`` (0: the whole station), with its rating; None for an
    unknown EVSE."""
    if evse_id == 0:
        meters = [e.meter for e in station.evses.values()]
    elif evse_id in station.evses:
        meters = [station.evses[evse_id].meter]
    else:
        return None
    first = meters[0]
    volts = first.voltage_v if first.dc and first.ev is not None else first.nominal_voltage
    rating = ChargingLimit(
        amps=sum(m.max_current for m in meters), watts=sum(m.max_power_w for m in meters)
    )
    return Electrical(volts, first.phases, first.dc, rating)


def _rejected_schedule(reason: str) -> GetCompositeScheduleResponse:
    return GetCompositeScheduleResponse(
        status=GenericStatusEnumType.Rejected, status_info=StatusInfoType(reason_code=reason)
    )


async def on_get_composite_schedule(
    station: ChargerSimulator, request: GetCompositeScheduleRequest
) -> GetCompositeScheduleResponse:
    """K08: Accepted with the composite schedule from now over ``duration`` in the requested
    unit (K08.FR.02; by default A on AC, W on DC); Rejected for an unknown EVSE (K08.FR.05)
    or a negative duration."""
    circuit = electrical(station, request.evse_id)
    if circuit is None:
        return _rejected_schedule("UnknownEVSE")
    if request.duration < 0:
        return _rejected_schedule("InvalidDuration")
    unit = request.charging_rate_unit or (Unit.W if circuit.dc else Unit.A)
    evse = station.evses.get(request.evse_id)
    tx = evse.transaction if evse is not None else None
    start = station.now_utc().replace(microsecond=0)
    periods, duration = station.profiles.composite_schedule(
        request.evse_id, start, request.duration, unit, tx.context if tx else None, circuit
    )
    schedule = CompositeScheduleType(
        charging_schedule_period=periods,
        evse_id=request.evse_id,
        duration=duration,
        schedule_start=wire_time(start),
        charging_rate_unit=unit,
    )
    return GetCompositeScheduleResponse(status=GenericStatusEnumType.Accepted, schedule=schedule)


HANDLERS = {
    "SetChargingProfile": on_set_charging_profile,
    "ClearChargingProfile": on_clear_charging_profile,
    "GetChargingProfiles": on_get_charging_profiles,
    "GetCompositeSchedule": on_get_composite_schedule,
}
