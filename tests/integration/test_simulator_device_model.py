"""The simulator's device model and monitoring over real sockets (127.0.0.1, ephemeral ports):
reports in parts that match GetVariables (B07/B08), message limits (B05/B06), variables that
drive samples and clock-aligned meter values (J01/J02), monitors that send NotifyEvent (N04-N08),
and the state file (``state_dir``)."""

from __future__ import annotations

import asyncio
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from test_simulator_support import ScriptedCSMS, bounded
from wire import FrameRecorder

from ocppkit.protocol.errors import OccurenceConstraintViolationError
from ocppkit.simulator import ChargerSimulator
from ocppkit.simulator.device import Key

ID = "CP-DM-1"
MOVING = {("ClockCtrlr", "DateTime")}  # a value that changes between report and read


def station(csms: ScriptedCSMS, **kwargs: Any) -> tuple[ChargerSimulator, FrameRecorder]:
    options: dict[str, Any] = {"seed": 5, "sample_interval": 0.2, "reconnect_min_delay": 0.05}
    options.update(kwargs)
    sim = ChargerSimulator(ID, csms.url, num_connectors=2, **options)
    recorder = FrameRecorder()
    sim.frame_observers.append(recorder)
    return sim, recorder


def var(component: str, variable: str, **extra: Any) -> dict[str, Any]:
    return {"component": {"name": component}, "variable": {"name": variable}, **extra}


async def report_parts(csms: ScriptedCSMS, action: str, request_id: int) -> list[dict[str, Any]]:
    """Every part of a report, once the last one (tbc false) arrived."""

    def mine() -> list[dict[str, Any]]:
        return [p for p in csms.calls(action) if p["requestId"] == request_id]

    await csms.wait_for(lambda: any(not p.get("tbc", False) for p in mine()))
    return mine()


async def get_values(csms: ScriptedCSMS, items: list[dict[str, Any]]) -> list[Any]:
    results = []
    for start in range(0, len(items), 50):  # DeviceDataCtrlr.ItemsPerMessage(GetVariables)
        answer = await csms.send("GetVariables", {"getVariableData": items[start : start + 50]})
        results.extend(answer.get_variable_result)
    return results


@bounded
async def test_get_base_report_in_parts_matches_get_variables_b07() -> None:
    async with ScriptedCSMS() as csms:
        sim, recorder = station(csms)
        await sim.connect()
        answer = await csms.send("GetBaseReport", {"requestId": 7, "reportBase": "FullInventory"})
        assert answer.status == "Accepted"
        parts = await report_parts(csms, "NotifyReport", 7)
        # B07.FR.04/05: seqNo from 0, tbc on all but the last, at most ItemsPerMessage each
        assert [p["seqNo"] for p in parts] == list(range(len(parts))) and len(parts) >= 3
        assert [p.get("tbc", False) for p in parts] == [True] * (len(parts) - 1) + [False]
        assert all(len(p["reportData"]) <= 50 for p in parts)
        data = [d for p in parts for d in p["reportData"]]
        asked, expected = [], []
        for d in data:
            if (d["component"]["name"], d["variable"]["name"]) in MOVING:
                continue
            for attribute in d["variableAttribute"]:
                kind = attribute.get("type", "Actual")
                asked.append({**var("", ""), **d, "attributeType": kind})
                expected.append(attribute.get("value"))
        for item in asked:
            item.pop("variableAttribute"), item.pop("variableCharacteristics", None)
        results = await get_values(csms, asked)
        assert [r.attribute_value for r in results] == expected
        for kind in ("ConfigurationInventory", "SummaryInventory"):
            answer = await csms.send("GetBaseReport", {"requestId": 8, "reportBase": kind})
            assert answer.status == "Accepted"
        await sim.disconnect()
    recorder.assert_all_valid()
    csms.recorder.assert_all_valid()


@bounded
async def test_get_report_filters_and_empty_result_set_b08() -> None:
    async with ScriptedCSMS() as csms:
        sim, recorder = station(csms)
        await sim.connect()
        evse2 = {"componentVariable": [{"component": {"name": "EVSE", "evse": {"id": 2}}}]}
        answer = await csms.send("GetReport", {"requestId": 3, **evse2})
        assert answer.status == "Accepted"
        (part,) = await report_parts(csms, "NotifyReport", 3)
        assert {(d["component"]["name"], d["component"]["evse"]["id"]) for d in part["reportData"]}
        assert all(d["component"]["evse"] == {"id": 2} for d in part["reportData"])
        power = next(d for d in part["reportData"] if d["variable"]["name"] == "Power")
        assert power["variableCharacteristics"]["unit"] == "W"
        assert {a["type"] for a in power["variableAttribute"]} == {"Actual", "MaxSet"}
        empty = await csms.send("GetReport", {"requestId": 4, "componentCriteria": ["Problem"]})
        assert empty.status == "EmptyResultSet"
        none = await csms.send(
            "GetReport", {"requestId": 5, "componentVariable": [{"component": {"name": "No"}}]}
        )
        assert none.status == "EmptyResultSet"
        await sim.disconnect()
    recorder.assert_all_valid()
    csms.recorder.assert_all_valid()


@bounded
async def test_set_variables_statuses_and_item_limit_b05() -> None:
    async with ScriptedCSMS() as csms:
        sim, recorder = station(csms)
        await sim.connect()
        answer = await csms.send(
            "SetVariables",
            {
                "setVariableData": [
                    var("OCPPCommCtrlr", "OfflineThreshold", attributeValue="120"),
                    var("SecurityCtrlr", "Identity", attributeValue="X"),
                    var("OCPPCommCtrlr", "OfflineThreshold", attributeValue="soon"),
                    var("SecurityCtrlr", "BasicAuthPassword", attributeValue="s3cret-s3cret-16"),
                    var(
                        "TxCtrlr",
                        "TxStartPoint",
                        attributeValue="EVConnected",
                        attributeType="Target",
                    ),
                    var("NoCtrlr", "X", attributeValue="1"),
                    var("TxCtrlr", "X", attributeValue="1"),
                ]
            },
        )
        assert [r.attribute_status for r in answer.set_variable_result] == [
            "Accepted",
            "Rejected",
            "Rejected",
            "RebootRequired",
            "NotSupportedAttributeType",
            "UnknownComponent",
            "UnknownVariable",
        ]
        assert sim.device_model.value(("OCPPCommCtrlr", "OfflineThreshold")) == "120"
        assert sim.basic_auth_password == "s3cret-s3cret-16"  # A01: used on the next connection
        too_many = [var("OCPPCommCtrlr", "OfflineThreshold", attributeValue="1")] * 51
        with pytest.raises(OccurenceConstraintViolationError):  # B05.FR.03
            await csms.send("SetVariables", {"setVariableData": too_many})
        await sim.disconnect()
    recorder.assert_all_valid(allow_call_errors=True)
    csms.recorder.assert_all_valid(allow_call_errors=True)


def measurands(payload: dict[str, Any]) -> set[str]:
    return {v["measurand"] for v in payload["meterValue"][0]["sampledValue"]}


async def set_variables(csms: ScriptedCSMS, *items: tuple[str, str, str]) -> list[str]:
    data = [var(c, v, attributeValue=value) for c, v, value in items]
    answer = await csms.send("SetVariables", {"setVariableData": data})
    return [r.attribute_status for r in answer.set_variable_result]


@bounded
async def test_clock_aligned_meter_values_follow_aligned_data_ctrlr_j01() -> None:
    async with ScriptedCSMS() as csms:
        sim, recorder = station(csms)
        await sim.connect()
        statuses = await set_variables(
            csms,
            ("AlignedDataCtrlr", "Interval", "1"),
            ("AlignedDataCtrlr", "Measurands", "Energy.Active.Import.Register,Voltage"),
        )
        assert statuses == ["Accepted", "Accepted"]
        first, second = (await csms.wait_calls("MeterValues", 2, within=2.5))[:2]
        assert {first["evseId"], second["evseId"]} == {1, 2}  # one per EVSE
        for sent in (first, second):
            assert {v["context"] for v in sent["meterValue"][0]["sampledValue"]} == {"Sample.Clock"}
            assert measurands(sent) == {"Energy.Active.Import.Register", "Voltage"}
            stamp = sent["meterValue"][0]["timestamp"].replace("Z", "+00:00")
            assert datetime.fromisoformat(stamp).microsecond < 300_000  # on the wall-clock second
        assert await set_variables(csms, ("AlignedDataCtrlr", "Interval", "0")) == ["Accepted"]
        await asyncio.sleep(0.05)
        sent_so_far = len(csms.calls("MeterValues"))
        await asyncio.sleep(1.2)
        assert len(csms.calls("MeterValues")) == sent_so_far  # 0: no clock-aligned data
        await sim.disconnect()
    recorder.assert_all_valid()
    csms.recorder.assert_all_valid()


@bounded
async def test_tx_measurands_select_the_sampled_values_j02_e01() -> None:
    async with ScriptedCSMS() as csms:
        sim, recorder = station(csms)
        await sim.connect()
        statuses = await set_variables(
            csms,
            ("SampledDataCtrlr", "TxUpdatedMeasurands", "Power.Active.Import"),
            ("SampledDataCtrlr", "TxEndedMeasurands", "Energy.Active.Import.Register,Voltage"),
        )
        assert statuses == ["Accepted", "Accepted"]
        await sim.start_transaction()
        await csms.wait_for(
            lambda: any(e["eventType"] == "Updated" for e in csms.calls("TransactionEvent"))
        )
        await sim.stop_transaction()
        events = {e["eventType"]: e for e in reversed(csms.calls("TransactionEvent"))}
        assert measurands(events["Started"]) == {"Energy.Active.Import.Register"}
        assert measurands(events["Updated"]) == {"Power.Active.Import"}
        assert measurands(events["Ended"]) == {"Energy.Active.Import.Register", "Voltage"}
        await sim.disconnect()
    recorder.assert_all_valid()
    csms.recorder.assert_all_valid()


@bounded
async def test_monitors_set_reported_and_cleared_n02_to_n06_and_delta_event_n08() -> None:
    async with ScriptedCSMS() as csms:
        sim, recorder = station(csms)
        await sim.connect()
        threshold = var("OCPPCommCtrlr", "OfflineThreshold")
        answer = await csms.send(
            "SetVariableMonitoring",
            {
                "setMonitoringData": [
                    {**threshold, "value": 100, "type": "Delta", "severity": 4},
                    {**var("NoCtrlr", "X"), "value": 1, "type": "Delta", "severity": 4},
                    {
                        **var("AuthCtrlr", "Enabled"),
                        "value": 1,
                        "type": "UpperThreshold",
                        "severity": 4,
                    },
                ]
            },
        )
        results = answer.set_monitoring_result
        assert [r.status for r in results] == [
            "Accepted",
            "UnknownComponent",
            "UnsupportedMonitorType",
        ]
        monitor_id = results[0].id
        assert await set_variables(csms, ("OCPPCommCtrlr", "OfflineThreshold", "90")) == [
            "Accepted"
        ]
        assert await set_variables(csms, ("OCPPCommCtrlr", "OfflineThreshold", "300")) == [
            "Accepted"
        ]
        (event,) = (await csms.wait_calls("NotifyEvent"))[0]["eventData"]
        assert (event["trigger"], event["actualValue"]) == ("Delta", "300")  # 90 moved < 100
        assert event["variableMonitoringId"] == monitor_id
        report = await csms.send("GetMonitoringReport", {"requestId": 9})
        assert report.status == "Accepted"
        (part,) = await report_parts(csms, "NotifyMonitoringReport", 9)
        ids = {m["id"] for d in part["monitor"] for m in d["variableMonitoring"]}
        assert monitor_id in ids
        none = await csms.send(
            "GetMonitoringReport", {"requestId": 10, "monitoringCriteria": ["PeriodicMonitoring"]}
        )
        assert none.status == "EmptyResultSet"
        level = await csms.send("SetMonitoringLevel", {"severity": 10})
        assert level.status == "Rejected"
        cleared = await csms.send("ClearVariableMonitoring", {"id": [monitor_id, 999]})
        assert [r.status for r in cleared.clear_monitoring_result] == ["Accepted", "NotFound"]
        base = await csms.send("SetMonitoringBase", {"monitoringBase": "HardWiredOnly"})
        assert base.status == "Accepted"
        await sim.disconnect()
    recorder.assert_all_valid()
    csms.recorder.assert_all_valid()


@bounded
async def test_threshold_monitor_on_evse_power_sends_notify_event_n07() -> None:
    async with ScriptedCSMS() as csms:
        sim, recorder = station(csms)
        await sim.connect()
        power = {"component": {"name": "EVSE", "evse": {"id": 1}}, "variable": {"name": "Power"}}
        answer = await csms.send(
            "SetVariableMonitoring",
            {
                "setMonitoringData": [
                    {**power, "value": 1000, "type": "UpperThreshold", "severity": 4}
                ]
            },
        )
        (result,) = answer.set_monitoring_result
        assert result.status == "Accepted"
        await sim.start_transaction()
        (event,) = (await csms.wait_calls("NotifyEvent"))[0]["eventData"]
        assert event["trigger"] == "Alerting" and event["variableMonitoringId"] == result.id
        assert float(event["actualValue"]) > 1000 and event["cleared"] is False
        await sim.stop_transaction()
        cleared = (await csms.wait_calls("NotifyEvent", 2))[1]["eventData"][0]
        assert cleared["cleared"] is True and float(cleared["actualValue"]) == 0
        await sim.disconnect()
    recorder.assert_all_valid()
    csms.recorder.assert_all_valid()


@bounded
async def test_state_dir_keeps_the_device_model_between_runs(tmp_path: Path) -> None:
    async with ScriptedCSMS() as csms:
        sim, _ = station(csms, state_dir=tmp_path)
        await sim.connect()
        await csms.send(
            "SetVariables",
            {"setVariableData": [var("OCPPCommCtrlr", "OfflineThreshold", attributeValue="321")]},
        )
        await sim.disconnect()
        again, _ = station(csms, state_dir=tmp_path)
        await again.connect()
        got = await csms.send(
            "GetVariables", {"getVariableData": [var("OCPPCommCtrlr", "OfflineThreshold")]}
        )
        assert got.get_variable_result[0].attribute_value == "321"
        await again.disconnect()
    csms.recorder.assert_all_valid()


async def test_state_dir_from_the_runner_keeps_a_changed_variable_between_runs(tmp_path) -> None:
    """`ocppkit charger --state-dir` (run.ChargerOptions.state_dir): a value the CSMS set is
    still there when the station runs again."""
    import asyncio

    from ocppkit.csms import OCPPServer
    from ocppkit.run import ChargerOptions, chargers

    async with OCPPServer("127.0.0.1", 0) as server, asyncio.timeout(30):
        options = ChargerOptions(
            f"ws://127.0.0.1:{server.port}", ["CP_STATE"], state_dir=str(tmp_path)
        )
        async with chargers(options):
            answer = await server.set_variables(
                "CP_STATE", [("TxCtrlr", "EVConnectionTimeOut", "77")]
            )
            assert answer.set_variable_result[0].attribute_status == "Accepted"
        async with chargers(options):
            answer = await server.get_variables("CP_STATE", [("TxCtrlr", "EVConnectionTimeOut")])
    assert answer.get_variable_result[0].attribute_value == "77"
    assert any(tmp_path.iterdir())


@bounded
async def test_events_raised_offline_are_queued_by_offline_queuing_severity_n07() -> None:
    """While the CSMS is unreachable, a monitor event is kept when its severity is at most
    MonitoringCtrlr.OfflineQueuingSeverity (2 here), and sent once the link is back; a less
    severe one is dropped (online, both would have been sent)."""
    async with ScriptedCSMS() as csms:
        sim, recorder = station(csms)
        await sim.connect()
        severe, minor = (
            var("OCPPCommCtrlr", "OfflineThreshold"),
            var("OCPPCommCtrlr", "ResetRetries"),
        )
        answer = await csms.send(
            "SetVariableMonitoring",
            {
                "setMonitoringData": [
                    {**severe, "value": 1, "type": "Delta", "severity": 1},
                    {**minor, "value": 1, "type": "Delta", "severity": 7},
                ]
            },
        )
        severe_id, minor_id = (r.id for r in answer.set_monitoring_result)
        old_link = len(csms.links) - 1
        await csms.drop()
        await csms.wait_for(lambda: not sim.connected)
        sim.device_model.set_value(Key("OCPPCommCtrlr", "OfflineThreshold"), "321")
        sim.device_model.set_value(Key("OCPPCommCtrlr", "ResetRetries"), "5")
        await csms.wait_for(lambda: bool(csms.calls("NotifyEvent")))
        (sent,) = csms.calls("NotifyEvent")
        assert sent in csms.calls("NotifyEvent", link=old_link + 1)  # after the reconnection
        assert [(e["variableMonitoringId"], e["actualValue"]) for e in sent["eventData"]] == [
            (severe_id, "321")
        ]
        assert minor_id != severe_id
        await sim.disconnect()
    recorder.assert_all_valid()
    csms.recorder.assert_all_valid()
