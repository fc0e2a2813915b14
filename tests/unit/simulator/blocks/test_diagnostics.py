"""Block N: GetLog (N01), variable monitoring (N02-N08) and customer information (N09/N10)."""

from __future__ import annotations

from ocppkit.protocol.models import (
    ClearVariableMonitoringRequest,
    ComponentType,
    CustomerInformationRequest,
    GetLogRequest,
    GetMonitoringReportRequest,
    IdTokenInfoType,
    LogParametersType,
    SetMonitoringBaseRequest,
    SetMonitoringDataType,
    SetMonitoringLevelRequest,
    SetVariableMonitoringRequest,
    VariableType,
)
from ocppkit.simulator.blocks.authorization import Authorization
from ocppkit.simulator.blocks.diagnostics import Diagnostics
from ocppkit.simulator.blocks.firmware import Firmware
from ocppkit.simulator.blocks.local_auth_list import LocalAuthList
from ocppkit.simulator.device.model import HEARTBEAT_INTERVAL
from ocppkit.simulator.device.variables import Key

from .support import TOKEN, Core, charge, http_server, make_core, until


def diagnostics(core: Core) -> Diagnostics:
    ctx = core.station.ctx
    authorization = Authorization(ctx, LocalAuthList(ctx))
    return Diagnostics(ctx, core.engine, Firmware(ctx), authorization)


def get_log(location: str, **kwargs: object) -> GetLogRequest:
    return GetLogRequest(
        log=LogParametersType(remote_location=location),
        log_type="DiagnosticsLog",
        request_id=11,
        **kwargs,
    )


def log_statuses(core: Core) -> list[str]:
    return [p["status"] for p in core.station.link.sent("LogStatusNotification")]


async def test_n01_the_generated_log_is_uploaded() -> None:
    core = make_core()
    block = diagnostics(core)
    await charge(core)
    async with http_server(b"") as url:
        answer = await block.on_get_log(get_log(url.rsplit("/", 1)[0] + "/"))
        assert answer.status == "Accepted"
        assert answer.filename == "CP-UNIT-DiagnosticsLog-11.log"
        await until(core.station, lambda: "Uploaded" in log_statuses(core), step=1)
    assert log_statuses(core) == ["Uploading", "Uploaded"]
    text = block.generate_log(get_log("http://x/")).decode()
    assert "DiagnosticsLog of CP-UNIT" in text and "EVSE 1 Occupied" in text
    assert block.current_log_status().status == "Idle"


async def test_n01_a_failed_upload_is_retried_then_reported_and_a_new_one_cancels() -> None:
    core = make_core()
    block = diagnostics(core)
    began = core.station.clock.time()
    await block.on_get_log(get_log("http://127.0.0.1:9/up", retries=1, retry_interval=60))
    await until(core.station, lambda: "UploadFailure" in log_statuses(core))
    assert log_statuses(core) == ["Uploading", "UploadFailure"]
    assert core.station.clock.time() - began >= 60
    await block.on_get_log(get_log("http://127.0.0.1:9/up", retries=3, retry_interval=600))
    again = await block.on_get_log(get_log("http://127.0.0.1:9/up"))
    assert again.status == "AcceptedCanceled"


async def test_n09_n10_customer_information_reports_then_clears() -> None:
    core = make_core()
    block = diagnostics(core)
    invalid = await block.on_customer_information(
        CustomerInformationRequest(request_id=1, report=True, clear=False)
    )
    assert invalid.status == "Invalid"
    block._authorization.cache.store(TOKEN, IdTokenInfoType(status="Accepted"))
    answer = await block.on_customer_information(
        CustomerInformationRequest(request_id=2, report=True, clear=True, id_token=TOKEN)
    )
    assert answer.status == "Accepted"
    await core.station.settle()
    (part,) = core.station.link.sent("NotifyCustomerInformation")
    assert "authorization cache: Accepted" in part["data"]
    assert "cleared: authorization cache" in part["data"]
    assert not block._authorization.cache.entries


async def test_n04_n07_a_monitor_fires_on_the_station_clock_and_n06_clears_it() -> None:
    core = make_core()
    block = diagnostics(core)
    block.start()
    interval = SetMonitoringDataType(
        value=1000,
        type="UpperThreshold",
        severity=5,
        component=ComponentType(name="OCPPCommCtrlr"),
        variable=VariableType(name="HeartbeatInterval"),
    )
    answer = await block.on_set_variable_monitoring(
        SetVariableMonitoringRequest(set_monitoring_data=[interval])
    )
    (result,) = answer.set_monitoring_result
    assert result.status == "Accepted"
    await core.station.clock.advance(2)
    assert not core.station.link.sent("NotifyEvent")
    core.station.ctx.device_model.set_value(HEARTBEAT_INTERVAL, "3600")  # above the threshold
    await core.station.clock.advance(0.1)  # checked soon after the change (N07)
    (event,) = core.station.link.sent("NotifyEvent")
    assert event["eventData"][0]["variableMonitoringId"] == result.id
    cleared = await block.on_clear_variable_monitoring(
        ClearVariableMonitoringRequest(id=[result.id, 999])
    )
    assert [r.status for r in cleared.clear_monitoring_result] == ["Accepted", "NotFound"]
    block.stop()


async def test_n07_events_raised_offline_wait_for_the_link() -> None:
    core = make_core()
    block = diagnostics(core)
    core.station.ctx.device_model.set_value(Key("MonitoringCtrlr", "OfflineQueuingSeverity"), "9")
    assert block.monitoring.monitors  # made now: the Delta monitor's baseline is "false"
    core.station.link.online = False
    core.station.ctx.device_model.set_value(Key("ChargingStation", "Problem"), "true")
    await block.check_monitors()  # the preconfigured Delta monitor on Problem (N08)
    assert not core.station.link.sent("NotifyEvent")
    core.station.link.online = True
    await block.send_queued()
    (event,) = core.station.link.sent("NotifyEvent")
    assert event["eventData"][0]["trigger"] == "Delta"


async def test_n02_n03_n05_report_base_and_level() -> None:
    core = make_core()
    block = diagnostics(core)
    assert (await block.on_set_monitoring_level(SetMonitoringLevelRequest(severity=10))).status == (
        "Rejected"
    )
    assert (await block.on_set_monitoring_level(SetMonitoringLevelRequest(severity=3))).status == (
        "Accepted"
    )
    report = await block.on_get_monitoring_report(GetMonitoringReportRequest(request_id=9))
    assert report.status == "Accepted"  # the preconfigured monitor
    await core.station.settle()
    (part,) = core.station.link.sent("NotifyMonitoringReport")
    assert part["requestId"] == 9 and part["monitor"]
    base = await block.on_set_monitoring_base(
        SetMonitoringBaseRequest(monitoring_base="HardWiredOnly")
    )
    assert base.status == "Accepted"
    empty = await block.on_get_monitoring_report(GetMonitoringReportRequest(request_id=10))
    assert empty.status == "EmptyResultSet"
