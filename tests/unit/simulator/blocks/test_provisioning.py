"""Block B: variables (B05/B06), reports (B07/B08), network profiles (B09) and Reset (B11/B12)."""

from __future__ import annotations

from ocppkit.protocol.models import (
    ComponentType,
    ComponentVariableType,
    GetBaseReportRequest,
    GetReportRequest,
    GetVariableDataType,
    GetVariablesRequest,
    NetworkConnectionProfileType,
    ResetRequest,
    SetNetworkProfileRequest,
    SetVariableDataType,
    SetVariablesRequest,
    VariableType,
)
from ocppkit.simulator.blocks.provisioning import MAX_SLOTS, Provisioning

from .support import make_station

COMM = ComponentType(name="OCPPCommCtrlr")
HEARTBEAT = VariableType(name="HeartbeatInterval")


async def test_b05_b06_a_new_heartbeat_interval_restarts_the_heartbeat() -> None:
    station = make_station()
    block = Provisioning(station.ctx)
    wrote = await block.on_set_variables(
        SetVariablesRequest(
            set_variable_data=[
                SetVariableDataType(attribute_value="120", component=COMM, variable=HEARTBEAT)
            ]
        )
    )
    assert wrote.set_variable_result[0].attribute_status == "Accepted"
    assert station.link.heartbeat_restarts == 1
    read = await block.on_get_variables(
        GetVariablesRequest(
            get_variable_data=[GetVariableDataType(component=COMM, variable=HEARTBEAT)]
        )
    )
    assert read.get_variable_result[0].attribute_value == "120"
    refused = await block.on_set_variables(
        SetVariablesRequest(
            set_variable_data=[
                SetVariableDataType(attribute_value="soon", component=COMM, variable=HEARTBEAT)
            ]
        )
    )
    assert refused.set_variable_result[0].attribute_status == "Rejected"
    assert station.link.heartbeat_restarts == 1  # nothing was written


async def test_b07_b08_reports_go_out_in_parts() -> None:
    station = make_station()
    block = Provisioning(station.ctx)
    answer = await block.on_get_base_report(
        GetBaseReportRequest(request_id=4, report_base="FullInventory")
    )
    assert answer.status == "Accepted"
    await station.settle()
    parts = station.link.sent("NotifyReport")
    # B07.FR.04/05: seqNo from 0, tbc on all but the last
    assert [p["seqNo"] for p in parts] == list(range(len(parts))) and len(parts) > 1
    assert [p.get("tbc", False) for p in parts] == [True] * (len(parts) - 1) + [False]
    unknown = ComponentVariableType(component=ComponentType(name="NoSuchCtrlr"))
    empty = await block.on_get_report(GetReportRequest(request_id=5, component_variable=[unknown]))
    assert empty.status == "EmptyResultSet"  # B08.FR.08
    comm = ComponentVariableType(component=COMM, variable=HEARTBEAT)
    one = await block.on_get_report(GetReportRequest(request_id=6, component_variable=[comm]))
    await station.settle()
    (part,) = [p for p in station.link.sent("NotifyReport") if p["requestId"] == 6]
    assert one.status == "Accepted" and len(part["reportData"]) == 1


async def test_b09_network_profiles_are_kept_in_their_slot() -> None:
    block = Provisioning(make_station().ctx)
    profile = NetworkConnectionProfileType(
        ocpp_version="OCPP20",
        ocpp_transport="JSON",
        ocpp_csms_url="wss://csms.example/ocpp",
        message_timeout=30,
        security_profile=2,
        ocpp_interface="Wired0",
    )
    stored = await block.on_set_network_profile(
        SetNetworkProfileRequest(configuration_slot=2, connection_data=profile)
    )
    assert stored.status == "Accepted" and block.network_profiles[2] == profile
    refused = await block.on_set_network_profile(
        SetNetworkProfileRequest(configuration_slot=MAX_SLOTS + 1, connection_data=profile)
    )
    assert refused.status == "Rejected" and refused.status_info.reason_code == "InvalidSlot"


async def test_b11_b12_reset_now_when_idle_or_when_the_last_transaction_ends() -> None:
    station = make_station()
    block = Provisioning(station.ctx)
    single = await block.on_reset(ResetRequest(type="Immediate", evse_id=1))
    assert single.status == "Rejected" and single.status_info.reason_code == "NoEVSEReset"
    assert (await block.on_reset(ResetRequest(type="OnIdle"))).status == "Accepted"  # idle
    await station.settle()
    assert station.reboots == ["RemoteReset"]
    station.ctx.evses[1].starting = True  # a transaction is under way
    assert (await block.on_reset(ResetRequest(type="OnIdle"))).status == "Scheduled"
    block.transactions_ended()
    await station.settle()
    assert len(station.reboots) == 1  # B12: not while a transaction runs
    station.ctx.evses[1].starting = False
    block.transactions_ended()
    await station.settle()
    assert len(station.reboots) == 2
