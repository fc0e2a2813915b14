"""Block K, smart charging: set, clear and report charging profiles (K01, K09, K10)."""

from __future__ import annotations

from itertools import groupby
from typing import TYPE_CHECKING

from ocppkit.protocol.models import (
    ChargingLimitSourceEnumType,
    ChargingProfileStatusEnumType,
    ClearChargingProfileRequest,
    ClearChargingProfileResponse,
    ClearChargingProfileStatusEnumType,
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
from ocppkit.simulator.smart_charging import InstalledProfile

if TYPE_CHECKING:
    from ocppkit.simulator.station import ChargerSimulator


async def on_set_charging_profile(
    station: ChargerSimulator, request: SetChargingProfileRequest
) -> SetChargingProfileResponse:
    """K01: Accepted and in force at once (the next meter sample obeys it), or Rejected with
    the reason (unknown EVSE, TxProfile without a transaction, conflicting stack level...)."""
    evse = station.evses.get(request.evse_id)
    tx = evse.transaction if evse is not None else None
    reason = station.profiles.check(
        request.evse_id, request.charging_profile, evse is not None, tx.context if tx else None
    )
    if reason is not None:
        return SetChargingProfileResponse(
            status=ChargingProfileStatusEnumType.Rejected,
            status_info=StatusInfoType(reason_code=reason),
        )
    station.profiles.install(request.evse_id, request.charging_profile, station.now_utc())
    station.engine.apply_limits()
    return SetChargingProfileResponse(status=ChargingProfileStatusEnumType.Accepted)


async def on_clear_charging_profile(
    station: ChargerSimulator, request: ClearChargingProfileRequest
) -> ClearChargingProfileResponse:
    """K10: Accepted when a profile was removed, Unknown when none matched."""
    if station.profiles.clear(request):
        station.engine.apply_limits()
        return ClearChargingProfileResponse(status=ClearChargingProfileStatusEnumType.Accepted)
    return ClearChargingProfileResponse(status=ClearChargingProfileStatusEnumType.Unknown)


async def _report(
    station: ChargerSimulator, request_id: int, found: list[InstalledProfile]
) -> None:
    groups = [
        (evse_id, [item.profile for item in items])
        for evse_id, items in groupby(
            sorted(found, key=lambda i: i.evse_id), key=lambda i: i.evse_id
        )
    ]
    for index, (evse_id, profiles) in enumerate(groups):
        await station.call(
            "ReportChargingProfiles",
            ReportChargingProfilesRequest(
                request_id=request_id,
                charging_limit_source=ChargingLimitSourceEnumType.CSO,
                charging_profile=profiles,
                evse_id=evse_id,
                tbc=index < len(groups) - 1,
            ),
        )


async def on_get_charging_profiles(
    station: ChargerSimulator, request: GetChargingProfilesRequest
) -> GetChargingProfilesResponse:
    """K09: Accepted and ReportChargingProfiles (one per EVSE), or NoProfiles."""
    found = station.profiles.select(request.charging_profile, request.evse_id)
    if not found:
        return GetChargingProfilesResponse(status=GetChargingProfileStatusEnumType.NoProfiles)
    station.spawn(_report(station, request.request_id, found), "ReportChargingProfiles")
    return GetChargingProfilesResponse(status=GetChargingProfileStatusEnumType.Accepted)


async def on_get_composite_schedule(
    station: ChargerSimulator, request: GetCompositeScheduleRequest
) -> GetCompositeScheduleResponse:
    """K08: Rejected; the simulator applies the profile in force now but does not yet compute
    composite schedules over a duration."""
    return GetCompositeScheduleResponse(
        status=GenericStatusEnumType.Rejected,
        status_info=StatusInfoType(
            reason_code="NotSupported", additional_info="no composite schedules"
        ),
    )


HANDLERS = {
    "SetChargingProfile": on_set_charging_profile,
    "ClearChargingProfile": on_clear_charging_profile,
    "GetChargingProfiles": on_get_charging_profiles,
    "GetCompositeSchedule": on_get_composite_schedule,
}
