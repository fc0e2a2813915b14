"""ChargerSimulator against a scripted CSMS over real sockets on 127.0.0.1 (ephemeral ports)."""

from __future__ import annotations

import asyncio
import itertools
import socket

import pytest
from test_simulator_support import WAIT, ScriptedCSMS, bounded
from wire import FrameRecorder

from ocppkit.simulator import ChargerSimulator, SimulatorError

ID = "CP-SIM-1"


def station(csms: ScriptedCSMS, **kwargs: object) -> tuple[ChargerSimulator, FrameRecorder]:
    options: dict[str, object] = {"seed": 7, "sample_interval": 0.2, "reconnect_min_delay": 0.05}
    options.update(kwargs)
    sim = ChargerSimulator(ID, csms.url, **options)  # type: ignore[arg-type]
    recorder = FrameRecorder()
    sim.frame_observers.append(recorder)
    return sim, recorder


def our_tasks() -> list[asyncio.Task[object]]:
    return [t for t in asyncio.all_tasks() if t.get_name().startswith(f"{ID}:")]


@bounded
async def test_boot_status_then_heartbeats_at_the_returned_interval() -> None:
    async with ScriptedCSMS(heartbeat_interval=1) as csms:
        sim, recorder = station(csms, num_connectors=2)
        async with asyncio.timeout(WAIT):
            await sim.connect()
        assert sim.connected and sim.registration_status == "Accepted"
        assert csms.paths == [f"/ocpp/{ID}"] and csms.subprotocols == ["ocpp2.0.1"]
        boot = csms.calls("BootNotification")[0]
        assert boot["reason"] == "PowerUp"
        assert boot["chargingStation"] == {"model": "EVBox Home", "vendorName": "EVBox"}
        statuses = csms.calls("StatusNotification")
        assert [(s["evseId"], s["connectorId"], s["connectorStatus"]) for s in statuses] == [
            (1, 1, "Available"),
            (2, 1, "Available"),
        ]
        await csms.wait_calls("Heartbeat", 2, within=3.5)
        times = [r.at for r in csms.received if r.action in ("StatusNotification", "Heartbeat")]
        gaps = [b - a for a, b in itertools.pairwise(times[1:])]
        assert all(0.9 <= gap <= 2.5 for gap in gaps), gaps
        assert csms.actions()[:3] == [
            "BootNotification",
            "StatusNotification",
            "StatusNotification",
        ]
        await sim.disconnect()
    recorder.assert_all_valid()
    csms.recorder.assert_all_valid()


@bounded
async def test_local_charging_cycle() -> None:
    async with ScriptedCSMS() as csms:
        sim, recorder = station(csms)
        await sim.connect(timeout=WAIT)
        sim.is_charging = True
        assert sim.is_charging
        await csms.wait_for(lambda: len(csms.calls("TransactionEvent")) >= 4)
        sim.is_charging = False
        await csms.wait_for(
            lambda: any(e["eventType"] == "Ended" for e in csms.calls("TransactionEvent"))
        )
        await csms.wait_for(
            lambda: csms.calls("StatusNotification")[-1]["connectorStatus"] == "Available"
        )
        assert not sim.is_charging
        events = csms.calls("TransactionEvent")
        order = [a for a in csms.actions() if a in ("Authorize", "TransactionEvent")]
        assert order[0] == "Authorize"
        started, updates, ended = events[0], events[1:-1], events[-1]
        assert [e["seqNo"] for e in events] == list(range(len(events)))
        assert len({e["transactionInfo"]["transactionId"] for e in events}) == 1
        assert started["eventType"] == "Started" and started["triggerReason"] == "Authorized"
        assert started["transactionInfo"]["chargingState"] == "Charging"
        assert started["idToken"]["idToken"] == "DEMO_TOKEN"
        assert started["evse"] == {"id": 1, "connectorId": 1}
        register = started["meterValue"][0]["sampledValue"][0]
        assert register["measurand"] == "Energy.Active.Import.Register"
        for update in updates:
            assert update["eventType"] == "Updated"
            assert update["triggerReason"] == "MeterValuePeriodic"
            assert update["transactionInfo"]["chargingState"] == "Charging"
            check_sample(update["meterValue"][0]["sampledValue"], phases=3)
        assert ended["eventType"] == "Ended"
        assert ended["transactionInfo"]["stoppedReason"] == "Local"
        assert ended["triggerReason"] == "StopAuthorized"
        registers = [e["meterValue"][0]["sampledValue"][0]["value"] for e in events]
        assert registers == sorted(registers) and registers[-1] > registers[0]
        statuses = [s["connectorStatus"] for s in csms.calls("StatusNotification")]
        assert statuses == ["Available", "Occupied", "Available"]
        assert sim.meter_value > 0
        assert sim.meter_value == pytest.approx((registers[-1] - registers[0]) / 1000, abs=1e-5)
        await sim.disconnect()
    recorder.assert_all_valid()
    csms.recorder.assert_all_valid()


def check_sample(values: list[dict[str, object]], phases: int) -> None:
    """A periodic sample: register, power = V x I x phases, current per phase, voltage."""
    by = {(v["measurand"], v.get("phase")): v for v in values}
    assert all(v["context"] == "Sample.Periodic" for v in values)
    power = by[("Power.Active.Import", None)]["value"]
    voltage = by[("Voltage", None)]["value"]
    currents = [by[("Current.Import", f"L{i}")]["value"] for i in range(1, phases + 1)]
    assert by[("Energy.Active.Import.Register", None)]["unitOfMeasure"] == {"unit": "Wh"}
    assert 0.98 * 230 <= voltage <= 1.02 * 230  # type: ignore[operator]
    assert power == pytest.approx(voltage * sum(currents), abs=1.0)  # type: ignore[operator]


@bounded
async def test_pending_boot_is_retried_at_the_interval_then_accepted() -> None:
    async with ScriptedCSMS(boot_statuses=("Pending", "Accepted"), retry_interval=1) as csms:
        sim, _ = station(csms)
        await sim.connect(timeout=WAIT)
        boots = [r for r in csms.received if r.action == "BootNotification"]
        assert len(boots) == 2 and 0.9 <= boots[1].at - boots[0].at <= 2.5
        assert csms.actions()[:3] == ["BootNotification", "BootNotification", "StatusNotification"]
        await sim.disconnect()
    csms.recorder.assert_all_valid()


@bounded
async def test_rejected_boot_fails_connect_with_a_clear_error() -> None:
    async with ScriptedCSMS(boot_statuses=("Rejected",), retry_interval=10) as csms:
        sim, _ = station(csms)
        with pytest.raises(SimulatorError, match="Rejected"):
            await sim.connect(timeout=0.5)
        assert not our_tasks()


@bounded
async def test_connect_fails_when_nothing_listens() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    sim = ChargerSimulator(ID, f"ws://127.0.0.1:{port}", reconnect_min_delay=0.05)
    with pytest.raises(SimulatorError, match="not accepted"):
        await sim.connect(timeout=0.5)
    assert not our_tasks()


@bounded
async def test_reconnects_after_a_drop_without_a_second_boot() -> None:
    async with ScriptedCSMS(heartbeat_interval=1) as csms:
        sim, recorder = station(csms)
        await sim.connect(timeout=WAIT)
        await csms.drop()
        await csms.wait_for(lambda: len(csms.calls("StatusNotification", link=1)) == 1)
        await csms.wait_for(lambda: len(csms.calls("Heartbeat", link=1)) == 1, within=2.5)
        assert len(csms.calls("BootNotification")) == 1
        assert csms.actions(link=1)[0] == "StatusNotification"
        await sim.disconnect()
    recorder.assert_all_valid()


@bounded
async def test_disconnect_is_clean() -> None:
    async with ScriptedCSMS() as csms:
        sim, _ = station(csms)
        await sim.connect(timeout=WAIT)
        sim.is_charging = True
        await csms.wait_for(lambda: len(csms.calls("TransactionEvent")) >= 2)
        await sim.disconnect()
        await csms.wait_for(lambda: len(csms.close_codes) == 1)
        assert csms.close_codes == [1000]
        assert csms.calls("TransactionEvent")[-1]["eventType"] == "Ended"
        assert not our_tasks()
        assert not sim.connected
        await asyncio.sleep(0.2)  # would be enough for a reconnect at 0.05 s
        assert len(csms.links) == 1


@bounded
async def test_reset_reboots_with_a_remote_reset_boot() -> None:
    async with ScriptedCSMS() as csms:
        sim, recorder = station(csms)
        await sim.connect(timeout=WAIT)
        await sim.start_transaction()
        answer = await csms.send("Reset", {"type": "Immediate"})
        assert answer.status == "Accepted"
        await csms.wait_calls("BootNotification", 2)
        await csms.wait_for(lambda: len(csms.calls("StatusNotification", link=1)) == 1)
        assert csms.calls("BootNotification")[1]["reason"] == "RemoteReset"
        ended = csms.calls("TransactionEvent", link=0)[-1]
        assert ended["transactionInfo"]["stoppedReason"] == "ImmediateReset"
        assert ended["triggerReason"] == "ResetCommand"
        assert csms.close_codes == [1000]
        await sim.disconnect()
    recorder.assert_all_valid()


@bounded
async def test_remote_start_profile_and_remote_stop() -> None:
    async with ScriptedCSMS() as csms:
        sim, recorder = station(csms)
        await sim.connect(timeout=WAIT)
        answer = await csms.send(
            "RequestStartTransaction",
            {
                "idToken": {"idToken": "REMOTE", "type": "Central"},
                "remoteStartId": 42,
                "evseId": 1,
            },
        )
        assert answer.status == "Accepted"
        started = (await csms.wait_calls("TransactionEvent"))[0]
        assert started["triggerReason"] == "RemoteStart"
        assert started["transactionInfo"]["remoteStartId"] == 42
        assert "Authorize" not in csms.actions()  # AuthorizeRemoteStart is false
        busy = await csms.send(
            "RequestStartTransaction",
            {
                "idToken": {"idToken": "OTHER", "type": "Central"},
                "remoteStartId": 43,
                "evseId": 1,
            },
        )
        assert busy.status == "Rejected"
        tx_id = started["transactionInfo"]["transactionId"]
        limit = await csms.send(
            "SetChargingProfile",
            {
                "evseId": 1,
                "chargingProfile": {
                    "id": 1,
                    "stackLevel": 0,
                    "chargingProfilePurpose": "TxProfile",
                    "chargingProfileKind": "Relative",
                    "transactionId": tx_id,
                    "chargingSchedule": [
                        {
                            "id": 1,
                            "chargingRateUnit": "W",
                            "chargingSchedulePeriod": [{"startPeriod": 0, "limit": 4000}],
                        }
                    ],
                },
            },
        )
        assert limit.status == "Accepted"
        seen = len(csms.calls("TransactionEvent"))
        await csms.wait_calls("TransactionEvent", seen + 1)
        sample = csms.calls("TransactionEvent")[seen]["meterValue"][0]["sampledValue"]
        power = next(v["value"] for v in sample if v["measurand"] == "Power.Active.Import")
        assert 3900 < power <= 4000
        stop = await csms.send("RequestStopTransaction", {"transactionId": tx_id})
        assert stop.status == "Accepted"
        await csms.wait_for(lambda: csms.calls("TransactionEvent")[-1]["eventType"] == "Ended")
        ended = csms.calls("TransactionEvent")[-1]
        assert ended["transactionInfo"]["stoppedReason"] == "Remote"
        assert ended["triggerReason"] == "RemoteStop"
        again = await csms.send("RequestStopTransaction", {"transactionId": tx_id})
        assert again.status == "Rejected"
        await sim.disconnect()
    recorder.assert_all_valid()


@bounded
async def test_trigger_message_sends_what_was_asked() -> None:
    async with ScriptedCSMS() as csms:
        sim, recorder = station(csms)
        await sim.connect(timeout=WAIT)
        for message, action in [
            ("Heartbeat", "Heartbeat"),
            ("MeterValues", "MeterValues"),
            ("StatusNotification", "StatusNotification"),
        ]:
            count = len(csms.calls(action))
            answer = await csms.send("TriggerMessage", {"requestedMessage": message})
            assert answer.status == "Accepted"
            await csms.wait_calls(action, count + 1)
        boot = await csms.send("TriggerMessage", {"requestedMessage": "BootNotification"})
        assert boot.status == "Rejected"  # F06.FR.17: already Accepted
        tx = await csms.send("TriggerMessage", {"requestedMessage": "TransactionEvent"})
        assert tx.status == "Rejected"  # no transaction
        other = await csms.send("TriggerMessage", {"requestedMessage": "SignV2GCertificate"})
        assert other.status == "NotImplemented"
        await sim.disconnect()
    recorder.assert_all_valid()


@bounded
async def test_variables_drive_the_heartbeat() -> None:
    async with ScriptedCSMS(heartbeat_interval=60) as csms:
        sim, _ = station(csms)
        await sim.connect(timeout=WAIT)
        hb = {"component": {"name": "OCPPCommCtrlr"}, "variable": {"name": "HeartbeatInterval"}}
        got = await csms.send(
            "GetVariables",
            {
                "getVariableData": [
                    hb,
                    {"component": {"name": "NoSuchCtrlr"}, "variable": {"name": "X"}},
                ]
            },
        )
        results = [(r.attribute_status, r.attribute_value) for r in got.get_variable_result]
        assert results == [("Accepted", "60"), ("UnknownComponent", None)]
        put = await csms.send("SetVariables", {"setVariableData": [{**hb, "attributeValue": "1"}]})
        assert put.set_variable_result[0].attribute_status == "Accepted"
        changed = asyncio.get_running_loop().time()
        await csms.wait_calls("Heartbeat", 2, within=3.0)  # the new interval starts at once
        beats = [r.at for r in csms.received if r.action == "Heartbeat"]
        assert 0.9 <= beats[0] - changed <= 2.5 and 0.9 <= beats[1] - beats[0] <= 2.5
        await sim.disconnect()
    csms.recorder.assert_all_valid()


def _current(event: dict[str, object]) -> float:
    values = event["meterValue"][0]["sampledValue"]  # type: ignore[index]
    return max(v["value"] for v in values if v["measurand"] == "Current.Import")  # type: ignore[union-attr]


@bounded
async def test_a_drop_while_charging_leaves_no_gap_in_seq_no() -> None:
    async with ScriptedCSMS() as csms:
        sim, recorder = station(csms)
        await sim.connect(timeout=WAIT)
        await sim.start_transaction()
        await csms.wait_calls("TransactionEvent", 2)
        await csms.drop()
        await csms.wait_for(lambda: len(csms.calls("TransactionEvent", link=1)) >= 2)
        assert csms.calls("StatusNotification", link=1)[0]["connectorStatus"] == "Occupied"
        await sim.stop_transaction()
        events = csms.calls("TransactionEvent")
        assert [e["seqNo"] for e in events] == list(range(len(events)))
        assert events[-1]["eventType"] == "Ended"
        assert len(csms.calls("BootNotification")) == 1
        await sim.disconnect()
    recorder.assert_all_valid()


@bounded
async def test_a_station_maximum_is_shared_by_the_charging_evses() -> None:
    async with ScriptedCSMS() as csms:
        sim, recorder = station(csms, num_connectors=2)
        await sim.connect(timeout=WAIT)
        await sim.start_transaction(1)
        await sim.start_transaction(2, id_token="SECOND")
        answer = await csms.send(
            "SetChargingProfile",
            {
                "evseId": 0,
                "chargingProfile": {
                    "id": 9,
                    "stackLevel": 0,
                    "chargingProfilePurpose": "ChargingStationMaxProfile",
                    "chargingProfileKind": "Absolute",
                    "chargingSchedule": [
                        {
                            "id": 9,
                            "startSchedule": "2025-01-01T00:00:00Z",  # K01.FR.40: Absolute
                            "chargingRateUnit": "A",
                            "chargingSchedulePeriod": [{"startPeriod": 0, "limit": 20.0}],
                        }
                    ],
                },
            },
        )
        assert answer.status == "Accepted"
        assert sim.current_a == pytest.approx(20.0)
        seen = len(csms.calls("TransactionEvent"))
        await csms.wait_calls("TransactionEvent", seen + 2)
        for event in csms.calls("TransactionEvent")[seen:]:
            assert _current(event) <= 10.0
        report = await csms.send("GetChargingProfiles", {"requestId": 5, "chargingProfile": {}})
        assert report.status == "Accepted"
        (reported,) = await csms.wait_calls("ReportChargingProfiles")
        assert reported["evseId"] == 0 and reported["chargingProfile"][0]["id"] == 9
        cleared = await csms.send("ClearChargingProfile", {"chargingProfileId": 9})
        assert cleared.status == "Accepted"
        assert sim.current_a == pytest.approx(32.0)
        await sim.disconnect()
    recorder.assert_all_valid()


@bounded
async def test_reset_on_idle_waits_for_the_transaction() -> None:
    async with ScriptedCSMS() as csms:
        sim, _ = station(csms)
        await sim.connect(timeout=WAIT)
        await sim.start_transaction()
        answer = await csms.send("Reset", {"type": "OnIdle"})
        assert answer.status == "Scheduled"
        await asyncio.sleep(0.3)
        assert len(csms.calls("BootNotification")) == 1
        await sim.stop_transaction()
        await csms.wait_calls("BootNotification", 2)
        assert csms.calls("BootNotification")[1]["reason"] == "RemoteReset"
        await sim.disconnect()
    csms.recorder.assert_all_valid()


@bounded
async def test_change_availability_makes_the_evse_unavailable() -> None:
    async with ScriptedCSMS() as csms:
        sim, _ = station(csms)
        await sim.connect(timeout=WAIT)
        off = await csms.send("ChangeAvailability", {"operationalStatus": "Inoperative"})
        assert off.status == "Accepted"
        await csms.wait_for(
            lambda: csms.calls("StatusNotification")[-1]["connectorStatus"] == "Unavailable"
        )
        start = await csms.send(
            "RequestStartTransaction",
            {
                "idToken": {"idToken": "R", "type": "Central"},
                "remoteStartId": 1,
            },
        )
        assert start.status == "Rejected"
        with pytest.raises(SimulatorError):
            sim.is_charging = True
        on = await csms.send(
            "ChangeAvailability", {"operationalStatus": "Operative", "evse": {"id": 1}}
        )
        assert on.status == "Accepted"
        await csms.wait_for(
            lambda: csms.calls("StatusNotification")[-1]["connectorStatus"] == "Available"
        )
        await sim.start_transaction()
        later = await csms.send("ChangeAvailability", {"operationalStatus": "Inoperative"})
        assert later.status == "Scheduled"
        await sim.stop_transaction()
        assert csms.calls("StatusNotification")[-1]["connectorStatus"] == "Unavailable"
        await sim.disconnect()
    csms.recorder.assert_all_valid()


@bounded
async def test_disconnect_right_after_stopping_still_sends_ended() -> None:
    async with ScriptedCSMS() as csms:
        sim, _ = station(csms)
        await sim.connect(timeout=WAIT)
        await sim.start_transaction()
        sim.is_charging = False
        assert not sim.is_charging  # at once; the messages follow
        await sim.disconnect()
        events = csms.calls("TransactionEvent")
        assert [e["eventType"] for e in events][-1] == "Ended"
        assert events[-1]["transactionInfo"]["stoppedReason"] == "Local"
        assert csms.calls("StatusNotification")[-1]["connectorStatus"] == "Available"
