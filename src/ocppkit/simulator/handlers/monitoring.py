"""Block N, monitoring (N02-N06): the CSMS sets, clears and reads the station's variable
monitors; the events they raise go out as NotifyEvent (``device.runtime``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ocppkit.protocol.models import (
    ClearVariableMonitoringRequest,
    ClearVariableMonitoringResponse,
    GenericDeviceModelStatusEnumType,
    GenericStatusEnumType,
    GetMonitoringReportRequest,
    GetMonitoringReportResponse,
    MonitoringDataType,
    NotifyMonitoringReportRequest,
    SetMonitoringBaseRequest,
    SetMonitoringBaseResponse,
    SetMonitoringLevelRequest,
    SetMonitoringLevelResponse,
    SetVariableMonitoringRequest,
    SetVariableMonitoringResponse,
    StatusInfoType,
)
from ocppkit.simulator.device.reports import DEVICE_DATA, check_limits, report_part_size
from ocppkit.simulator.transactions import wire_time

if TYPE_CHECKING:
    from ocppkit.simulator.station import ChargerSimulator

MONITORING = "MonitoringCtrlr"


async def on_set_variable_monitoring(
    station: ChargerSimulator, request: SetVariableMonitoringRequest
) -> SetVariableMonitoringResponse:
    """N04: one result per monitor (Accepted with its id, UnknownComponent, UnknownVariable,
    UnsupportedMonitorType, Rejected, Duplicate); beyond ItemsPerMessage/BytesPerMessage
    (SetVariableMonitoring) the request is a CALLERROR (N04.FR.03/04)."""
    data = request.set_monitoring_data
    check_limits(station.device_model, MONITORING, "SetVariableMonitoring", request, len(data))
    results = [station.monitoring.set(item) for item in data]
    station.device_runtime.changed()
    return SetVariableMonitoringResponse(set_monitoring_result=results)


async def on_clear_variable_monitoring(
    station: ChargerSimulator, request: ClearVariableMonitoringRequest
) -> ClearVariableMonitoringResponse:
    """N06: Accepted for each monitor removed, NotFound for an unknown id."""
    ids = request.id
    check_limits(station.device_model, MONITORING, "ClearVariableMonitoring", request, len(ids))
    results = station.monitoring.clear(ids)
    return ClearVariableMonitoringResponse(clear_monitoring_result=results)


async def on_set_monitoring_base(
    station: ChargerSimulator, request: SetMonitoringBaseRequest
) -> SetMonitoringBaseResponse:
    """N03: All, FactoryDefault and HardWiredOnly are all Accepted."""
    station.monitoring.set_base(request.monitoring_base)
    station.device_runtime.changed()
    return SetMonitoringBaseResponse(status=GenericDeviceModelStatusEnumType.Accepted)


async def on_set_monitoring_level(
    station: ChargerSimulator, request: SetMonitoringLevelRequest
) -> SetMonitoringLevelResponse:
    """N05: Accepted for a severity of 0 to 9, Rejected otherwise."""
    if station.monitoring.set_level(request.severity):
        return SetMonitoringLevelResponse(status=GenericStatusEnumType.Accepted)
    return SetMonitoringLevelResponse(
        status=GenericStatusEnumType.Rejected,
        status_info=StatusInfoType(reason_code="SeverityOutOfRange"),
    )


async def send_monitoring_report(
    station: ChargerSimulator, request_id: int, data: Sequence[MonitoringDataType]
) -> None:
    """NotifyMonitoringReport in parts: seqNo from 0, tbc on all but the last (N02)."""
    generated = wire_time(station.now_utc())
    await station.send_parts(
        "NotifyMonitoringReport",
        data,
        report_part_size(station.device_model),
        lambda seq_no, chunk, tbc: NotifyMonitoringReportRequest(
            request_id=request_id,
            seq_no=seq_no,
            generated_at=generated,
            monitor=chunk or None,
            tbc=tbc,
        ),
    )


async def on_get_monitoring_report(
    station: ChargerSimulator, request: GetMonitoringReportRequest
) -> GetMonitoringReportResponse:
    """N02: Accepted and NotifyMonitoringReport parts, or EmptyResultSet when no monitor matches
    the componentVariable and monitoringCriteria filters."""
    selectors = request.component_variable
    check_limits(station.device_model, DEVICE_DATA, "GetReport", request, len(selectors or ()))
    data = station.monitoring.report(selectors, request.monitoring_criteria)
    if not data:
        return GetMonitoringReportResponse(status=GenericDeviceModelStatusEnumType.EmptyResultSet)
    station.spawn(send_monitoring_report(station, request.request_id, data), "monitoring report")
    return GetMonitoringReportResponse(status=GenericDeviceModelStatusEnumType.Accepted)


HANDLERS = {
    "SetVariableMonitoring": on_set_variable_monitoring,
    "ClearVariableMonitoring": on_clear_variable_monitoring,
    "SetMonitoringBase": on_set_monitoring_base,
    "SetMonitoringLevel": on_set_monitoring_level,
    "GetMonitoringReport": on_get_monitoring_report,
}
