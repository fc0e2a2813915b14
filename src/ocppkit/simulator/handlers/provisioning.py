"""Block B, provisioning: variables, reports, network profile, reset."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ocppkit.protocol.models import (
    GenericDeviceModelStatusEnumType,
    GetBaseReportRequest,
    GetBaseReportResponse,
    GetReportRequest,
    GetReportResponse,
    GetVariablesRequest,
    GetVariablesResponse,
    NotifyReportRequest,
    ReportDataType,
    ResetEnumType,
    ResetRequest,
    ResetResponse,
    ResetStatusEnumType,
    SetNetworkProfileRequest,
    SetNetworkProfileResponse,
    SetNetworkProfileStatusEnumType,
    SetVariablesRequest,
    SetVariablesResponse,
    SetVariableStatusEnumType,
    StatusInfoType,
)
from ocppkit.simulator.device_model import HEARTBEAT_INTERVAL
from ocppkit.simulator.transactions import wire_time

if TYPE_CHECKING:
    from ocppkit.simulator.station import ChargerSimulator

Report = GenericDeviceModelStatusEnumType


async def on_get_variables(
    station: ChargerSimulator, request: GetVariablesRequest
) -> GetVariablesResponse:
    """B06: one result per requested variable (UnknownComponent/UnknownVariable when absent)."""
    results = [station.device_model.get(data) for data in request.get_variable_data]
    return GetVariablesResponse(get_variable_result=results)


async def on_set_variables(
    station: ChargerSimulator, request: SetVariablesRequest
) -> SetVariablesResponse:
    """B05: set each writable variable; read-only or invalid values are Rejected."""
    results = [station.device_model.set(data) for data in request.set_variable_data]
    if any(
        r.attribute_status == SetVariableStatusEnumType.Accepted
        and (r.component.name, r.variable.name) == HEARTBEAT_INTERVAL
        for r in results
    ):
        station.link.heartbeat_interval_changed()
    return SetVariablesResponse(set_variable_result=results)


async def _notify_report(
    station: ChargerSimulator, request_id: int, data: list[ReportDataType]
) -> None:
    await station.call(
        "NotifyReport",
        NotifyReportRequest(
            request_id=request_id,
            generated_at=wire_time(station.now_utc()),
            seq_no=0,
            report_data=data,
        ),
        before_boot=True,
    )  # B02: a Pending station may be asked for its configuration


async def on_get_base_report(
    station: ChargerSimulator, request: GetBaseReportRequest
) -> GetBaseReportResponse:
    """B07: Accepted, then the report in a NotifyReport; SummaryInventory is NotSupported."""
    data = station.device_model.base_report(request.report_base)
    if data is None:
        return GetBaseReportResponse(status=Report.NotSupported)
    station.spawn(_notify_report(station, request.request_id, data), "NotifyReport")
    return GetBaseReportResponse(status=Report.Accepted)


async def on_get_report(station: ChargerSimulator, request: GetReportRequest) -> GetReportResponse:
    """B08: Accepted and a NotifyReport, or EmptyResultSet when nothing matches."""
    data = station.device_model.custom_report(
        request.component_variable, request.component_criteria
    )
    if not data:
        return GetReportResponse(status=Report.EmptyResultSet)
    station.spawn(_notify_report(station, request.request_id, data), "NotifyReport")
    return GetReportResponse(status=Report.Accepted)


async def on_set_network_profile(
    station: ChargerSimulator, request: SetNetworkProfileRequest
) -> SetNetworkProfileResponse:
    """B09: the simulator has one fixed CSMS URL, so new network profiles are Rejected."""
    return SetNetworkProfileResponse(
        status=SetNetworkProfileStatusEnumType.Rejected,
        status_info=StatusInfoType(reason_code="NotSupported", additional_info="fixed CSMS URL"),
    )


async def on_reset(station: ChargerSimulator, request: ResetRequest) -> ResetResponse:
    """B11/B12: reboot (disconnect, reconnect, BootNotification RemoteReset). Immediate ends
    running transactions (ImmediateReset); OnIdle waits for them (Scheduled). Resetting a single
    EVSE is not supported."""
    if request.evse_id is not None:
        return ResetResponse(
            status=ResetStatusEnumType.Rejected,
            status_info=StatusInfoType(reason_code="NoEVSEReset"),
        )
    busy = any(evse.busy for evse in station.evses.values())
    if request.type == ResetEnumType.OnIdle and busy:
        station.reset_when_idle = True
        return ResetResponse(status=ResetStatusEnumType.Scheduled)
    station.spawn(station.reboot(), "reset")
    return ResetResponse(status=ResetStatusEnumType.Accepted)


HANDLERS = {
    "GetVariables": on_get_variables,
    "SetVariables": on_set_variables,
    "GetBaseReport": on_get_base_report,
    "GetReport": on_get_report,
    "SetNetworkProfile": on_set_network_profile,
    "Reset": on_reset,
}
