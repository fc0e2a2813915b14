"""Block B, provisioning: variables (B05/B06), reports (B07/B08), network profile, reset."""

from __future__ import annotations

from collections.abc import Sequence
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
from ocppkit.simulator.device.model import HEARTBEAT_INTERVAL
from ocppkit.simulator.device.reports import (
    DEVICE_DATA,
    base_report,
    check_limits,
    custom_report,
    report_part_size,
)
from ocppkit.simulator.device.variables import Key
from ocppkit.simulator.transactions import wire_time

if TYPE_CHECKING:
    from ocppkit.simulator.station import ChargerSimulator

Report = GenericDeviceModelStatusEnumType
Written = (SetVariableStatusEnumType.Accepted, SetVariableStatusEnumType.RebootRequired)


async def on_get_variables(
    station: ChargerSimulator, request: GetVariablesRequest
) -> GetVariablesResponse:
    """B06: one result per requested variable, in order (B06.FR.01-17); a request beyond
    ItemsPerMessage/BytesPerMessage(GetVariables) is a CALLERROR (B06.FR.03/04)."""
    model = station.device_model
    data = request.get_variable_data
    check_limits(model, DEVICE_DATA, "GetVariables", request, len(data))
    return GetVariablesResponse(get_variable_result=[model.get(item) for item in data])


async def on_set_variables(
    station: ChargerSimulator, request: SetVariablesRequest
) -> SetVariablesResponse:
    """B05: set each entry and say how it went (B05.FR.01-13); a request beyond
    ItemsPerMessage/BytesPerMessage(SetVariables) is a CALLERROR (B05.FR.03/04). A new
    HeartbeatInterval starts the heartbeat timer afresh."""
    model = station.device_model
    data = request.set_variable_data
    check_limits(model, DEVICE_DATA, "SetVariables", request, len(data))
    results = [model.set(item) for item in data]
    if any(
        r.attribute_status in Written and Key.of(r.component, r.variable) == HEARTBEAT_INTERVAL
        for r in results
    ):
        station.link.heartbeat_interval_changed()
    return SetVariablesResponse(set_variable_result=results)


async def send_report(
    station: ChargerSimulator, request_id: int, data: Sequence[ReportDataType]
) -> None:
    """NotifyReport in parts (B07.FR.04/05, B08.FR.06): seqNo from 0, tbc on all but the last,
    at most DeviceDataCtrlr.ItemsPerMessage(GetReport) entries each."""
    generated = wire_time(station.now_utc())
    await station.send_parts(
        "NotifyReport",
        data,
        report_part_size(station.device_model),
        lambda seq_no, chunk, tbc: NotifyReportRequest(
            request_id=request_id,
            generated_at=generated,
            seq_no=seq_no,
            report_data=chunk or None,
            tbc=tbc,
        ),
        before_boot=True,  # B02: a Pending station may be asked for its configuration
    )


async def on_get_base_report(
    station: ChargerSimulator, request: GetBaseReportRequest
) -> GetBaseReportResponse:
    """B07: Accepted, then the report in NotifyReport parts (Full, Configuration and Summary
    inventories are all supported)."""
    data = base_report(station.device_model, request.report_base)
    if not data:
        return GetBaseReportResponse(status=Report.EmptyResultSet)
    station.spawn(send_report(station, request.request_id, data), "NotifyReport")
    return GetBaseReportResponse(status=Report.Accepted)


async def on_get_report(station: ChargerSimulator, request: GetReportRequest) -> GetReportResponse:
    """B08: Accepted and NotifyReport parts, or EmptyResultSet when nothing matches the
    componentVariable and componentCriteria filters (B08.FR.08); a request with more
    componentVariables than ItemsPerMessage(GetReport) is a CALLERROR (B08.FR.09)."""
    model = station.device_model
    selectors = request.component_variable
    check_limits(model, DEVICE_DATA, "GetReport", request, len(selectors or ()))
    data = custom_report(model, selectors, request.component_criteria)
    if not data:
        return GetReportResponse(status=Report.EmptyResultSet)
    station.spawn(send_report(station, request.request_id, data), "NotifyReport")
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
