"""Block B, provisioning: variables (GetVariables B06, SetVariables B05), reports (GetBaseReport
B07, GetReport B08, in NotifyReport parts), network profiles (SetNetworkProfile B09) and Reset
(B11/B12).

SetNetworkProfile keeps the profile in its configuration slot (``network_profiles``); the station
keeps using the URL it was given, as a profile becomes active only when
OCPPCommCtrlr.NetworkConfigurationPriority names it (B09) and a reconnect happens. A Reset OnIdle
during a transaction is Scheduled and happens when the last transaction ends (B12).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ocppkit.protocol.models import (
    GenericDeviceModelStatusEnumType,
    GetBaseReportRequest,
    GetBaseReportResponse,
    GetReportRequest,
    GetReportResponse,
    GetVariablesRequest,
    GetVariablesResponse,
    NetworkConnectionProfileType,
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
from ocppkit.simulator.blocks import Handler
from ocppkit.simulator.context import StationContext
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

Report = GenericDeviceModelStatusEnumType
Written = (SetVariableStatusEnumType.Accepted, SetVariableStatusEnumType.RebootRequired)
MAX_SLOTS = 8  # configuration slots (NetworkConfigurationPriority has at most this many)


class Provisioning:
    """The provisioning of one station: its device model seen by the CSMS, its network
    profiles and its resets."""

    __slots__ = ("_ctx", "network_profiles", "reset_when_idle")

    def __init__(self, ctx: StationContext) -> None:
        self._ctx = ctx
        self.network_profiles: dict[int, NetworkConnectionProfileType] = {}  # by slot (B09)
        self.reset_when_idle = False  # a Reset OnIdle was Scheduled (B12)
        ctx.device_model.bind(Key("ClockCtrlr", "DateTime"), lambda: wire_time(ctx.now_utc()))

    def routes(self) -> Mapping[str, Handler]:
        return {
            "GetVariables": self.on_get_variables,
            "SetVariables": self.on_set_variables,
            "GetBaseReport": self.on_get_base_report,
            "GetReport": self.on_get_report,
            "SetNetworkProfile": self.on_set_network_profile,
            "Reset": self.on_reset,
        }

    # --- variables (B05/B06) ---

    async def on_get_variables(self, request: GetVariablesRequest) -> GetVariablesResponse:
        """B06: one result per requested variable, in order (B06.FR.01-17); a request beyond
        ItemsPerMessage/BytesPerMessage(GetVariables) is a CALLERROR (B06.FR.03/04)."""
        model = self._ctx.device_model
        data = request.get_variable_data
        check_limits(model, DEVICE_DATA, "GetVariables", request, len(data))
        return GetVariablesResponse(get_variable_result=[model.get(item) for item in data])

    async def on_set_variables(self, request: SetVariablesRequest) -> SetVariablesResponse:
        """B05: set each entry and say how it went (B05.FR.01-13); a request beyond
        ItemsPerMessage/BytesPerMessage(SetVariables) is a CALLERROR (B05.FR.03/04). A new
        HeartbeatInterval starts the heartbeat timer afresh."""
        model = self._ctx.device_model
        data = request.set_variable_data
        check_limits(model, DEVICE_DATA, "SetVariables", request, len(data))
        results = [model.set(item) for item in data]
        if any(
            r.attribute_status in Written and Key.of(r.component, r.variable) == HEARTBEAT_INTERVAL
            for r in results
        ):
            self._ctx.link.heartbeat_interval_changed()
        return SetVariablesResponse(set_variable_result=results)

    # --- reports (B07/B08) ---

    async def send_report(self, request_id: int, data: Sequence[ReportDataType]) -> None:
        """NotifyReport in parts (B07.FR.04/05, B08.FR.06): seqNo from 0, tbc on all but the
        last, at most DeviceDataCtrlr.ItemsPerMessage(GetReport) entries each."""
        ctx = self._ctx
        generated = wire_time(ctx.now_utc())
        await ctx.send_parts(
            "NotifyReport",
            data,
            report_part_size(ctx.device_model),
            lambda seq_no, chunk, tbc: NotifyReportRequest(
                request_id=request_id,
                generated_at=generated,
                seq_no=seq_no,
                report_data=chunk or None,
                tbc=tbc,
            ),
            before_boot=True,  # B02: a Pending station may be asked for its configuration
        )

    async def on_get_base_report(self, request: GetBaseReportRequest) -> GetBaseReportResponse:
        """B07: Accepted, then the report in NotifyReport parts (Full, Configuration and Summary
        inventories are all supported)."""
        data = base_report(self._ctx.device_model, request.report_base)
        if not data:
            return GetBaseReportResponse(status=Report.EmptyResultSet)
        self._ctx.spawn(self.send_report(request.request_id, data), "NotifyReport")
        return GetBaseReportResponse(status=Report.Accepted)

    async def on_get_report(self, request: GetReportRequest) -> GetReportResponse:
        """B08: Accepted and NotifyReport parts, or EmptyResultSet when nothing matches the
        componentVariable and componentCriteria filters (B08.FR.08); a request with more
        componentVariables than ItemsPerMessage(GetReport) is a CALLERROR (B08.FR.09)."""
        model = self._ctx.device_model
        selectors = request.component_variable
        check_limits(model, DEVICE_DATA, "GetReport", request, len(selectors or ()))
        data = custom_report(model, selectors, request.component_criteria)
        if not data:
            return GetReportResponse(status=Report.EmptyResultSet)
        self._ctx.spawn(self.send_report(request.request_id, data), "NotifyReport")
        return GetReportResponse(status=Report.Accepted)

    # --- network profiles (B09) ---

    async def on_set_network_profile(
        self, request: SetNetworkProfileRequest
    ) -> SetNetworkProfileResponse:
        """B09: Accepted and stored in its slot; Rejected for a slot outside 1..MAX_SLOTS."""
        slot = request.configuration_slot
        if not 1 <= slot <= MAX_SLOTS:
            return SetNetworkProfileResponse(
                status=SetNetworkProfileStatusEnumType.Rejected,
                status_info=StatusInfoType(reason_code="InvalidSlot"),
            )
        self.network_profiles[slot] = request.connection_data
        return SetNetworkProfileResponse(status=SetNetworkProfileStatusEnumType.Accepted)

    # --- reset (B11/B12) ---

    async def on_reset(self, request: ResetRequest) -> ResetResponse:
        """B11/B12: reboot (disconnect, reconnect, BootNotification RemoteReset). Immediate ends
        running transactions (ImmediateReset); OnIdle waits for them (Scheduled). Resetting a
        single EVSE is not supported."""
        ctx = self._ctx
        if request.evse_id is not None:
            return ResetResponse(
                status=ResetStatusEnumType.Rejected,
                status_info=StatusInfoType(reason_code="NoEVSEReset"),
            )
        busy = any(evse.busy for evse in ctx.evses.values())
        if request.type == ResetEnumType.OnIdle and busy:
            self.reset_when_idle = True
            return ResetResponse(status=ResetStatusEnumType.Scheduled)
        ctx.spawn(ctx.reboot(), "reset")
        return ResetResponse(status=ResetStatusEnumType.Accepted)

    def transactions_ended(self) -> None:
        """A transaction ended: a Scheduled reset (B12) takes place once none is left."""
        ctx = self._ctx
        if self.reset_when_idle and not any(e.busy for e in ctx.evses.values()):
            ctx.spawn(ctx.reboot(), "scheduled reset")
