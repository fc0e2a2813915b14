"""The CSMS over real sockets: handshake, station messages, registry views, commands, errors."""

from __future__ import annotations

import asyncio
import json
from datetime import timedelta
from typing import Any

import pytest
from test_csms_support import (
    WAIT,
    FixedClock,
    RawStation,
    boot_payload,
    energy,
    power,
    transaction_event,
)
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed, InvalidStatus
from wire import FrameRecorder

from ocppkit.csms import (
    InvalidCommandError,
    NoActiveTransactionError,
    NotConnectedError,
    OCPPServer,
)
from ocppkit.protocol import CallTimeoutError, NotSupportedError, PropertyConstraintViolationError

pytest_plugins = ["test_csms_support"]


async def test_station_session_shows_in_the_registry(
    csms: OCPPServer, station: RawStation, clock: FixedClock, recorder: FrameRecorder
) -> None:
    boot = await station.result("BootNotification", boot_payload())
    assert boot == {"currentTime": "2025-01-02T03:04:05.000Z", "interval": 60, "status": "Accepted"}
    clock.now += timedelta(seconds=30)
    assert await station.result("Heartbeat", {}) == {"currentTime": "2025-01-02T03:04:35.000Z"}
    await station.result(
        "StatusNotification",
        {
            "timestamp": "2025-01-02T03:04:06Z",
            "connectorStatus": "Occupied",
            "evseId": 1,
            "connectorId": 1,
        },
    )
    ok = await station.result("Authorize", {"idToken": {"idToken": "token-ok", "type": "Central"}})
    bad = await station.result("Authorize", {"idToken": {"idToken": "NOPE", "type": "Central"}})
    assert (ok["idTokenInfo"]["status"], bad["idTokenInfo"]["status"]) == ("Accepted", "Invalid")

    started = await station.result(
        "TransactionEvent",
        transaction_event(
            "Started",
            0,
            samples=[energy(1000, context="Transaction.Begin")],
            evse={"id": 1, "connectorId": 1},
            idToken={"idToken": "DEADBEEF", "type": "ISO14443"},
            transactionInfo={
                "transactionId": "TX-1",
                "chargingState": "Charging",
                "remoteStartId": 7,
            },
        ),
    )
    assert started == {"idTokenInfo": {"status": "Accepted"}}
    updated = await station.result(
        "TransactionEvent",
        transaction_event("Updated", 1, samples=[energy(1.5, unit="kWh"), power(7.2, unit="kW")]),
    )
    assert updated == {}

    status = csms.get_charger_status("CP001")
    assert status is not None
    json.dumps(status)  # the REST API returns it as is
    assert status["connection"] == "connected"
    assert status["last_seen"] == "2025-01-02T03:04:35.000Z"
    assert status["boot"]["vendor"] == "Acme" and status["boot"]["firmware_version"] == "1.2.3"
    assert status["evses"][0]["status"] == "Occupied"
    assert status["evses"][0]["connectors"] == [
        {"connector_id": 1, "status": "Occupied", "timestamp": "2025-01-02T03:04:06.000Z"}
    ]
    active = status["transaction"]
    assert active["transaction_id"] == "TX-1" and active["evse_id"] == 1
    assert active["id_token"] == "DEADBEEF"
    assert active["energy_kwh"] == pytest.approx(0.5) and active["power_w"] == pytest.approx(7200)

    ended = await station.result(
        "TransactionEvent",
        transaction_event(
            "Ended",
            2,
            samples=[energy(2500, context="Transaction.End")],
            transactionInfo={"transactionId": "TX-1", "stoppedReason": "EVDisconnected"},
        ),
    )
    assert ended == {}
    tx = csms.get_transaction("TX-1")
    assert tx is not None
    json.dumps(tx)
    assert tx["active"] is False and tx["stopped_reason"] == "EVDisconnected"
    assert (tx["meter_start_wh"], tx["meter_stop_wh"], tx["energy_kwh"]) == (1000, 2500, 1.5)
    assert (tx["seq_no"], tx["remote_start_id"], tx["charger_id"]) == (2, 7, "CP001")
    assert csms.get_charger_status("CP001")["transaction"] is None  # type: ignore[index]
    assert [c["charger_id"] for c in csms.list_chargers()] == ["CP001"]
    assert recorder.assert_all_valid() == 16


async def test_remote_start_and_stop_reach_the_station(
    csms: OCPPServer, station: RawStation
) -> None:
    await station.result("BootNotification", boot_payload())
    async with asyncio.timeout(WAIT):
        start = asyncio.create_task(csms.request_start_transaction("CP001", 2, "DEMO_TOKEN"))
        call = await station.answer_next_call({"status": "Accepted"})
        response = await start
    assert response.status == "Accepted"
    assert call[2] == "RequestStartTransaction"
    assert call[3]["idToken"] == {"idToken": "DEMO_TOKEN", "type": "Central"}
    assert call[3]["evseId"] == 2 and isinstance(call[3]["remoteStartId"], int)
    assert "connectorId" not in call[3]

    with pytest.raises(NoActiveTransactionError):
        await csms.request_stop_transaction("CP001")
    # The token of a remote start is accepted even though it is not in authorized_tokens.
    started = await station.result(
        "TransactionEvent",
        transaction_event(
            "Started", 0, idToken={"idToken": "DEMO_TOKEN", "type": "Central"}, evse={"id": 2}
        ),
    )
    assert started["idTokenInfo"]["status"] == "Accepted"
    async with asyncio.timeout(WAIT):
        stop = asyncio.create_task(csms.request_stop_transaction("CP001"))
        call = await station.answer_next_call({"status": "Accepted"})
        assert (await stop).status == "Accepted"
    assert call[2:] == ["RequestStopTransaction", {"transactionId": "TX-1"}]


async def test_generic_call_and_charging_profile(csms: OCPPServer, station: RawStation) -> None:
    await station.result("Heartbeat", {})
    async with asyncio.timeout(WAIT):
        reset = asyncio.create_task(csms.call("CP001", "Reset", {"type": "OnIdle"}))
        call = await station.answer_next_call({"status": "Scheduled"})
        assert (await reset).status == "Scheduled"  # type: ignore[attr-defined]
    assert call[2:] == ["Reset", {"type": "OnIdle"}]

    profile = {
        "id": 1,
        "stackLevel": 0,
        "chargingProfilePurpose": "TxDefaultProfile",
        "chargingProfileKind": "Absolute",
        "chargingSchedule": [
            {
                "id": 1,
                "startSchedule": "2025-01-02T00:00:00Z",
                "chargingRateUnit": "W",
                "chargingSchedulePeriod": [{"startPeriod": 0, "limit": 11000.0}],
            }
        ],
    }
    async with asyncio.timeout(WAIT):
        task = asyncio.create_task(csms.set_charging_profile("CP001", 1, profile))
        call = await station.answer_next_call({"status": "Accepted"})
        assert (await task).status == "Accepted"
    assert call[2:] == ["SetChargingProfile", {"evseId": 1, "chargingProfile": profile}]


async def test_command_errors(csms: OCPPServer, station: RawStation) -> None:
    with pytest.raises(InvalidCommandError, match="a station sends"):
        await csms.call("CP001", "Heartbeat", {})
    with pytest.raises(InvalidCommandError, match=r"not an OCPP 2\.0\.1 action"):
        await csms.call("CP001", "Teleport", {})
    with pytest.raises(NotConnectedError):
        await csms.call("NOBODY", "Reset", {"type": "OnIdle"})
    with pytest.raises(NotConnectedError):
        await csms.request_stop_transaction("NOBODY")
    with pytest.raises(PropertyConstraintViolationError):  # nothing is sent
        await csms.request_start_transaction("CP001", id_token="X" * 37)
    async with asyncio.timeout(WAIT):
        reset = asyncio.create_task(csms.call("CP001", "Reset", {"type": "OnIdle"}))
        call = await station.recv()
        await station.ws.send(json.dumps([4, call[1], "NotSupported", "no", {}]))
        with pytest.raises(NotSupportedError):
            await reset
    async with asyncio.timeout(WAIT):
        with pytest.raises(CallTimeoutError):
            await csms.call("CP001", "Reset", {"type": "OnIdle"}, timeout=0.1)
        await station.recv()  # the unanswered CALL


@pytest.mark.parametrize(
    ("path", "subprotocols", "needle"),
    [
        ("/CP001", [], "ocpp2.0.1"),
        ("/CP001", ["ocpp1.5"], "ocpp1.6, ocpp2.0.1"),  # names the configured set
        ("/", ["ocpp2.0.1"], "identity"),
        ("/bad%20id", ["ocpp2.0.1"], "identity"),
        ("/" + "x" * 49, ["ocpp2.0.1"], "identity"),
    ],
)
async def test_handshake_refused(
    csms: OCPPServer,
    caplog: pytest.LogCaptureFixture,
    path: str,
    subprotocols: list[str],
    needle: str,
) -> None:
    async with asyncio.timeout(WAIT):
        with pytest.raises(InvalidStatus) as refused:
            await connect(f"ws://127.0.0.1:{csms.port}{path}", subprotocols=subprotocols)  # type: ignore[arg-type]
    assert refused.value.response.status_code == 400
    assert needle in refused.value.response.body.decode()
    assert any("refused connection" in r.getMessage() for r in caplog.records)
    assert csms.list_chargers() == []


async def test_identity_is_the_last_url_decoded_segment(csms: OCPPServer) -> None:
    raw = await RawStation.connect(csms.port, "ocpp/v201/CP%2B1")
    await raw.result("Heartbeat", {})
    assert csms.is_connected("CP+1")
    await raw.close()


async def test_reconnect_replaces_the_old_link(csms: OCPPServer) -> None:
    events: list[tuple[str, str]] = []
    gone = asyncio.Event()

    def listen(kind: str, charger_id: str, data: dict[str, Any]) -> None:
        events.append((kind, charger_id))
        if kind == "disconnected":
            gone.set()

    csms.add_listener(listen)
    old = await RawStation.connect(csms.port)
    await old.result("Heartbeat", {})
    new = await RawStation.connect(csms.port)
    async with asyncio.timeout(WAIT):
        with pytest.raises(ConnectionClosed):
            await old.ws.recv()
    assert old.ws.close_code == 1000
    await new.result("Heartbeat", {})
    assert csms.get_charger_status("CP001")["connection"] == "connected"  # type: ignore[index]
    await new.close()
    async with asyncio.timeout(WAIT):
        await gone.wait()
    assert events == [("connected", "CP001"), ("connected", "CP001"), ("disconnected", "CP001")]
    assert csms.get_charger_status("CP001")["connection"] == "disconnected"  # type: ignore[index]


MALFORMED = [
    ("not json", "-1", "RpcFrameworkError"),
    ('[7, "m1", "Heartbeat", {}]', "m1", "MessageTypeNotSupported"),
    ('[2, "m1", "Teleport", {}]', "m1", "NotImplemented"),
    ('[2, "m1", "Authorize", {}]', "m1", "OccurenceConstraintViolation"),
    (
        '[2, "m1", "StatusNotification", {"timestamp": "2025-01-02T03:04:05Z", '
        '"connectorStatus": "Available", "evseId": "one", "connectorId": 1}]',
        "m1",
        "TypeConstraintViolation",
    ),
    (
        '[2, "m1", "BootNotification", {"chargingStation": {"model": "m", "vendorName": "v"}, '
        '"reason": "Bored"}]',
        "m1",
        "PropertyConstraintViolation",
    ),
    ('[2, "m1", "Heartbeat", {"surprise": 1}]', "m1", "FormatViolation"),
    ('[2, "m1", "Heartbeat", []]', "m1", "FormatViolation"),
    ('[2, "m1", "RequestStartTransaction", {}]', "m1", "NotSupported"),
]


@pytest.mark.parametrize(("frame", "message_id", "code"), MALFORMED)
async def test_malformed_frames_get_the_2_0_1_error_code(
    csms: OCPPServer, station: RawStation, frame: str, message_id: str, code: str
) -> None:
    reply = await station.send_raw(frame)
    assert reply[:3] == [4, message_id, code]
    assert len(reply) == 5 and isinstance(reply[3], str) and isinstance(reply[4], dict)
    assert "currentTime" in await station.result("Heartbeat", {})  # the link stays up


async def test_stop_closes_links_going_away(clock: FixedClock) -> None:
    server = OCPPServer("127.0.0.1", 0, clock=clock)
    async with server:
        raw = await RawStation.connect(server.port)
        await raw.result("Heartbeat", {})
    async with asyncio.timeout(WAIT):
        with pytest.raises(ConnectionClosed):
            await raw.ws.recv()
    assert raw.ws.close_code == 1001
    assert not server.running and not server.is_connected("CP001")


async def test_listeners_see_boot_status_and_transactions(
    csms: OCPPServer, station: RawStation
) -> None:
    seen: list[tuple[str, dict[str, Any]]] = []
    csms.add_listener(lambda kind, _charger_id, data: seen.append((kind, data)))
    csms.add_listener(lambda *_: 1 / 0)  # a failing listener disturbs nothing
    await station.result("BootNotification", boot_payload())
    await station.result(
        "StatusNotification",
        {
            "timestamp": "2025-01-02T03:04:06Z",
            "connectorStatus": "Available",
            "evseId": 1,
            "connectorId": 1,
        },
    )
    await station.result("TransactionEvent", transaction_event("Started", 0))
    await station.result(
        "MeterValues",
        {
            "evseId": 1,
            "meterValue": [
                {"timestamp": "2025-01-02T03:04:07Z", "sampledValue": [energy(5, unit="kWh")]}
            ],
        },
    )
    assert [kind for kind, _ in seen] == ["booted", "status", "transaction", "meter_values"]
    assert seen[2][1]["event_type"] == "Started"
    assert seen[3][1]["energy_wh"] == 5000
    json.dumps(seen)
