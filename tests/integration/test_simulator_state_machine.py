"""The EVSE/connector state machine driven through ChargerSimulator's public methods, against a
scripted CSMS: StatusNotification on each change, TransactionEvent triggerReason and
chargingState, seqNo contiguous, idToken/remoteStartId/reservationId where they belong."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from typing import Any

from test_simulator_support import ScriptedCSMS, bounded
from wire import FrameRecorder

from ocppkit.simulator import ChargerSimulator

ID = "CP-SM-1"


def station(csms: ScriptedCSMS, **kwargs: Any) -> tuple[ChargerSimulator, FrameRecorder]:
    options: dict[str, Any] = {"seed": 5, "sample_interval": 0.2, "reconnect_min_delay": 0.05}
    options.update(kwargs)
    sim = ChargerSimulator(ID, csms.url, **options)
    recorder = FrameRecorder()
    sim.frame_observers.append(recorder)
    return sim, recorder


def statuses(csms: ScriptedCSMS) -> list[str]:
    return [s["connectorStatus"] for s in csms.calls("StatusNotification")]


def events(csms: ScriptedCSMS) -> list[dict[str, Any]]:
    return csms.calls("TransactionEvent")


def summary(csms: ScriptedCSMS) -> list[tuple[str, str, str]]:
    return [
        (e["eventType"], e["triggerReason"], e["transactionInfo"]["chargingState"])
        for e in events(csms)
        if e["triggerReason"] != "MeterValuePeriodic"
    ]


async def settle(sim: ChargerSimulator) -> None:
    await asyncio.sleep(0.05)
    await sim.engine.settle()


@bounded
async def test_plug_in_authorize_suspend_unplug() -> None:
    async with ScriptedCSMS() as csms:
        sim, recorder = station(csms)
        await sim.connect()
        await sim.plug_in(evse_id=1)
        assert statuses(csms)[-1] == "Occupied" and not events(csms)
        assert await sim.present_token("DRIVER", evse_id=1)
        await sim.suspend_ev(1, True)
        await sim.suspend_ev(1, False)
        await sim.unplug(evse_id=1)
        await settle(sim)
        assert summary(csms) == [
            ("Started", "Authorized", "Charging"),  # E02: authorized with the EV there
            ("Updated", "ChargingStateChanged", "SuspendedEV"),
            ("Updated", "ChargingStateChanged", "Charging"),
            ("Ended", "EVCommunicationLost", "Idle"),  # E06: TxStopPoint EVConnected
        ]
        all_events = events(csms)
        assert [e["seqNo"] for e in all_events] == list(range(len(all_events)))
        assert all_events[0]["idToken"] == {"idToken": "DRIVER", "type": "ISO14443"}
        assert all_events[-1]["transactionInfo"]["stoppedReason"] == "EVDisconnected"
        assert statuses(csms) == ["Available", "Occupied", "Available"]
        assert csms.actions().count("Authorize") == 1
        await sim.disconnect()
    recorder.assert_all_valid()


@bounded
async def test_token_first_then_plug_then_token_ends_it() -> None:
    async with ScriptedCSMS() as csms:
        sim, recorder = station(csms)
        await sim.connect()
        assert await sim.present_token("EARLY", evse_id=1)
        await settle(sim)
        assert statuses(csms)[-1] == "Occupied" and not events(csms)  # waits for the EV
        await sim.plug_in(1)
        assert not await sim.present_token("SOMEONE_ELSE", 1)  # C01: not theirs to stop
        assert await sim.present_token("EARLY", 1)
        await settle(sim)
        assert summary(csms) == [
            ("Started", "CablePluggedIn", "Charging"),
            ("Ended", "StopAuthorized", "EVConnected"),  # the EV is still plugged in
        ]
        assert events(csms)[0]["idToken"]["idToken"] == "EARLY"
        assert events(csms)[-1]["transactionInfo"]["stoppedReason"] == "Local"
        assert statuses(csms)[-1] == "Occupied"
        await sim.unplug(1)
        await settle(sim)
        assert statuses(csms)[-1] == "Available" and len(events(csms)) == 2
        await sim.disconnect()
    recorder.assert_all_valid()


@bounded
async def test_a_fault_suspends_the_transaction_until_cleared() -> None:
    async with ScriptedCSMS() as csms:
        sim, recorder = station(csms)
        await sim.connect()
        await sim.start_transaction()
        await sim.set_fault(1, True)
        assert statuses(csms)[-1] == "Faulted"
        assert sim.power_w == 0
        await sim.set_fault(1, False)
        assert statuses(csms)[-1] == "Occupied"
        await sim.stop_transaction()
        assert summary(csms) == [
            ("Started", "Authorized", "Charging"),
            ("Updated", "AbnormalCondition", "SuspendedEVSE"),
            ("Updated", "AbnormalCondition", "Charging"),
            ("Ended", "StopAuthorized", "EVConnected"),
        ]
        assert statuses(csms) == ["Available", "Occupied", "Faulted", "Occupied", "Available"]
        await sim.disconnect()
    recorder.assert_all_valid()


def _in(seconds: float) -> str:
    moment = datetime.now(UTC) + timedelta(seconds=seconds)
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")


@bounded
async def test_reservation_is_used_expires_and_is_cancelled() -> None:
    async with ScriptedCSMS() as csms:
        sim, recorder = station(csms, num_connectors=2)
        await sim.connect()
        token = {"idToken": "RESERVED", "type": "ISO14443"}
        answer = await csms.send(
            "ReserveNow", {"id": 7, "expiryDateTime": _in(60), "idToken": token, "evseId": 1}
        )
        assert answer.status == "Accepted"  # H01
        await csms.wait_for(lambda: statuses(csms)[-1] == "Reserved")
        again = await csms.send(
            "ReserveNow", {"id": 8, "expiryDateTime": _in(60), "idToken": token, "evseId": 1}
        )
        assert again.status == "Occupied"
        assert not await sim.present_token("STRANGER", 1)  # H01: only the reserved token
        await sim.plug_in(1)
        assert await sim.present_token("RESERVED", 1)
        started = events(csms)[0]
        assert started["reservationId"] == 7 and started["triggerReason"] == "Authorized"
        short = await csms.send(
            "ReserveNow", {"id": 9, "expiryDateTime": _in(0.3), "idToken": token}
        )
        assert short.status == "Accepted"  # on EVSE 2, the free one
        (update,) = await csms.wait_calls("ReservationStatusUpdate")
        assert update == {"reservationId": 9, "reservationUpdateStatus": "Expired"}  # H04
        await csms.wait_for(lambda: statuses(csms)[-1] == "Available")
        await csms.send("ReserveNow", {"id": 10, "expiryDateTime": _in(60), "idToken": token})
        cancel = await csms.send("CancelReservation", {"reservationId": 10})
        assert cancel.status == "Accepted"  # H02
        unknown = await csms.send("CancelReservation", {"reservationId": 10})
        assert unknown.status == "Rejected"
        await csms.wait_for(lambda: statuses(csms)[-1] == "Available")
        assert len(csms.calls("ReservationStatusUpdate")) == 1
        await sim.disconnect()
    recorder.assert_all_valid()
    csms.recorder.assert_all_valid()


@bounded
async def test_remote_start_waits_for_the_ev() -> None:
    async with ScriptedCSMS() as csms:
        sim, recorder = station(csms)
        sim.auto_plug = False
        await sim.connect()
        answer = await csms.send(
            "RequestStartTransaction",
            {"idToken": {"idToken": "APP", "type": "Central"}, "remoteStartId": 77, "evseId": 1},
        )
        assert answer.status == "Accepted"
        await csms.wait_for(lambda: statuses(csms)[-1] == "Occupied")
        assert not events(csms)
        await sim.plug_in(1)
        started = events(csms)[0]
        assert started["triggerReason"] == "CablePluggedIn"
        assert started["transactionInfo"]["remoteStartId"] == 77
        assert started["idToken"]["idToken"] == "APP"
        tx_id = started["transactionInfo"]["transactionId"]
        stop = await csms.send("RequestStopTransaction", {"transactionId": tx_id})
        assert stop.status == "Accepted"
        await csms.wait_for(lambda: events(csms)[-1]["eventType"] == "Ended")
        assert events(csms)[-1]["triggerReason"] == "RemoteStop"
        await sim.disconnect()
    recorder.assert_all_valid()


@bounded
async def test_a_waiting_driver_is_dropped_when_the_evse_goes_inoperative() -> None:
    async with ScriptedCSMS() as csms:
        sim, recorder = station(csms)
        await sim.connect()
        assert await sim.present_token("WAITING", evse_id=1)
        await settle(sim)
        assert statuses(csms)[-1] == "Occupied"  # the driver waits for the EV
        evse = {"id": 1}
        off = await csms.send(
            "ChangeAvailability", {"operationalStatus": "Inoperative", "evse": evse}
        )
        assert off.status == "Accepted"  # no transaction to wait for (G03)
        await csms.wait_for(lambda: statuses(csms)[-1] == "Unavailable")
        on = await csms.send("ChangeAvailability", {"operationalStatus": "Operative", "evse": evse})
        assert on.status == "Accepted"
        await csms.wait_for(lambda: statuses(csms)[-1] == "Available")  # not Occupied again
        await sim.plug_in(1)
        await settle(sim)
        assert statuses(csms)[-1] == "Occupied" and not events(csms)  # no charge on a lapsed token
        await sim.disconnect()
    recorder.assert_all_valid()


@bounded
async def test_change_availability_persists_across_a_reset() -> None:
    async with ScriptedCSMS() as csms:
        sim, recorder = station(csms)
        await sim.connect()
        off = await csms.send("ChangeAvailability", {"operationalStatus": "Inoperative"})
        assert off.status == "Accepted"
        reset = await csms.send("Reset", {"type": "Immediate"})
        assert reset.status == "Accepted"
        await csms.wait_calls("BootNotification", 2)
        await csms.wait_for(lambda: len(csms.calls("StatusNotification", link=1)) == 1)
        assert csms.calls("StatusNotification", link=1)[0]["connectorStatus"] == "Unavailable"
        await sim.disconnect()
    recorder.assert_all_valid()
