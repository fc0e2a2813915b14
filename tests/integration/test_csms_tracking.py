"""The CSMS remembers every command with its answer and progress, every notification, and the
current state of the objects they manage: in memory, on SQLite and on PostgreSQL alike, and
across a restart. A raw websocket station answers the commands; every frame is checked against
the official schemas."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest
from databases import BACKENDS, database_url
from test_csms_support import WAIT, FixedClock, RawStation, boot_payload
from test_csms_support import transaction_event as event
from wire import FrameRecorder, assert_schema_valid

from ocppkit.csms import NotConnectedError, OCPPServer, ev_max_power_policy
from ocppkit.protocol.errors import CallTimeoutError, NotSupportedError

NOW = "2025-01-02T03:04:05Z"
TOKEN = {"idToken": "TOKEN-OK", "type": "ISO14443"}


@pytest.fixture(params=[None, *BACKENDS])
async def url(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[str | None]:
    """None (no database), then each database backend."""
    if request.param is None:
        yield None
        return
    async with database_url(request.param, tmp_path) as address:
        yield address


@pytest.fixture
def recorder() -> FrameRecorder:
    return FrameRecorder()


@asynccontextmanager
async def csms(
    url: str | None, recorder: FrameRecorder, **options: Any
) -> AsyncIterator[OCPPServer]:
    server = OCPPServer(
        "127.0.0.1", 0, clock=FixedClock(), call_timeout=2.0, database_url=url, **options
    )
    server.add_frame_observer(lambda _station, direction, text: recorder(direction, text))
    async with asyncio.timeout(WAIT):
        await server.start()
    try:
        yield server
    finally:
        async with asyncio.timeout(WAIT):
            await server.stop()


@asynccontextmanager
async def station_of(server: OCPPServer) -> AsyncIterator[RawStation]:
    station = await RawStation.connect(server.port)
    try:
        yield station
    finally:
        await station.close()


async def command(
    server: OCPPServer,
    station: RawStation,
    action: str,
    payload: dict[str, Any],
    answer: dict[str, Any],
) -> list[Any]:
    """Send ``action`` from the CSMS, answer it from the station; return the CALL received."""
    task = asyncio.create_task(server.call("CP001", action, payload))
    try:
        call = await station.answer_next_call(answer)
        async with asyncio.timeout(WAIT):
            await task
    finally:
        task.cancel()
    assert call[2] == action
    return call


async def latest(server: OCPPServer, action: str) -> dict[str, Any]:
    found = await server.commands("CP001", action, limit=1)
    assert found, f"no {action} recorded"
    return found[0]


def objects(server: OCPPServer, kind: str) -> dict[str, dict[str, Any]]:
    return {o["key"]: o for o in server.station_objects("CP001", kind)}


def profile(profile_id: int, purpose: str = "TxDefaultProfile") -> dict[str, Any]:
    return {
        "id": profile_id,
        "stackLevel": 1,
        "chargingProfilePurpose": purpose,
        "chargingProfileKind": "Absolute",
        "chargingSchedule": [
            {
                "id": 1,
                "chargingRateUnit": "W",
                "startSchedule": NOW,
                "chargingSchedulePeriod": [{"startPeriod": 0, "limit": 11000}],
            }
        ],
    }


async def test_firmware_publish_and_log_requests_follow_their_status_notifications(
    url: str | None, recorder: FrameRecorder
) -> None:
    async with csms(url, recorder) as server, station_of(server) as station:
        await command(
            server,
            station,
            "UpdateFirmware",
            {
                "requestId": 11,
                "firmware": {"location": "https://fw/x.bin", "retrieveDateTime": NOW},
            },
            {"status": "Accepted"},
        )
        for status in ("Downloading", "Downloaded", "Installed"):
            await station.result("FirmwareStatusNotification", {"status": status, "requestId": 11})
        await station.result("FirmwareStatusNotification", {"status": "Idle"})
        await command(
            server,
            station,
            "PublishFirmware",
            {"location": "https://fw/x.bin", "checksum": "0" * 32, "requestId": 12},
            {"status": "Accepted"},
        )
        await station.result(
            "PublishFirmwareStatusNotification",
            {"status": "Published", "requestId": 12, "location": ["http://cs/x.bin"]},
        )
        await command(
            server,
            station,
            "GetLog",
            {
                "log": {"remoteLocation": "ftp://logs/"},
                "logType": "DiagnosticsLog",
                "requestId": 13,
            },
            {"status": "Accepted", "filename": "cs.log"},
        )
        await station.result("LogStatusNotification", {"status": "Uploading", "requestId": 13})
        await station.result("LogStatusNotification", {"status": "Uploaded", "requestId": 13})
        update, publish, get_log = [
            await latest(server, a) for a in ("UpdateFirmware", "PublishFirmware", "GetLog")
        ]
        messages = await server.station_messages("CP001", "FirmwareStatusNotification")
        charger = server.get_charger_status("CP001")
    assert (update["status"], update["progress"], update["request_id"]) == (
        "Accepted",
        "Installed",
        11,
    )
    assert (publish["progress"], get_log["progress"]) == ("Published", "Uploaded")
    assert get_log["response"] == {"status": "Accepted", "filename": "cs.log"}
    assert [(m["payload"]["status"], m["command_id"]) for m in messages] == [
        ("Idle", None),
        ("Installed", update["id"]),
        ("Downloaded", update["id"]),
        ("Downloading", update["id"]),
    ]
    assert charger is not None and charger["firmware_status"] == "Idle"
    recorder.assert_all_valid()


async def test_reports_in_parts_are_receiving_until_the_last_part(
    url: str | None, recorder: FrameRecorder
) -> None:
    async with csms(url, recorder) as server, station_of(server) as station:
        await command(
            server, station, "GetMonitoringReport", {"requestId": 21}, {"status": "Accepted"}
        )
        part = {"requestId": 21, "generatedAt": NOW}
        await station.result("NotifyMonitoringReport", {**part, "seqNo": 0, "tbc": True})
        receiving = (await latest(server, "GetMonitoringReport"))["progress"]
        await station.result("NotifyMonitoringReport", {**part, "seqNo": 1})
        await command(
            server,
            station,
            "CustomerInformation",
            {"requestId": 22, "report": True, "clear": False, "idToken": TOKEN},
            {"status": "Accepted"},
        )
        info = {"requestId": 22, "generatedAt": NOW}
        await station.result(
            "NotifyCustomerInformation", {**info, "seqNo": 0, "tbc": True, "data": "part one"}
        )
        await station.result("NotifyCustomerInformation", {**info, "seqNo": 1, "data": "part two"})
        await command(
            server,
            station,
            "GetBaseReport",
            {"requestId": 23, "reportBase": "SummaryInventory"},
            {"status": "Accepted"},
        )
        await station.result(
            "NotifyReport", {"requestId": 23, "generatedAt": NOW, "seqNo": 0, "tbc": True}
        )
        base_report = (await latest(server, "GetBaseReport"))["progress"]
        monitoring, customer = [
            await latest(server, a) for a in ("GetMonitoringReport", "CustomerInformation")
        ]
        parts = await server.station_messages("CP001", "NotifyCustomerInformation")
    assert receiving == base_report == "Receiving"
    assert (monitoring["progress"], customer["progress"]) == ("Complete", "Complete")
    assert [p["payload"]["data"] for p in parts] == ["part two", "part one"]
    assert {p["command_id"] for p in parts} == {customer["id"]}
    recorder.assert_all_valid()


async def test_display_messages_set_reported_and_cleared(
    url: str | None, recorder: FrameRecorder
) -> None:
    message = {
        "id": 3,
        "priority": "NormalCycle",
        "message": {"format": "UTF8", "content": "Welcome"},
    }
    async with csms(url, recorder) as server, station_of(server) as station:
        await command(
            server, station, "SetDisplayMessage", {"message": message}, {"status": "Accepted"}
        )
        await command(
            server, station, "GetDisplayMessages", {"requestId": 31}, {"status": "Accepted"}
        )
        await station.result(
            "NotifyDisplayMessages",
            {
                "requestId": 31,
                "messageInfo": [
                    message,
                    {**message, "id": 4, "message": {"format": "ASCII", "content": "Hi"}},
                ],
            },
        )
        reported = objects(server, "display_message")
        progress = (await latest(server, "GetDisplayMessages"))["progress"]
        await command(server, station, "ClearDisplayMessage", {"id": 3}, {"status": "Accepted"})
        await command(server, station, "ClearDisplayMessage", {"id": 4}, {"status": "Unknown"})
        left = objects(server, "display_message")
    assert progress == "Complete"
    assert {k: (o["status"], o["payload"]["message"]["content"]) for k, o in reported.items()} == {
        "3": ("Reported", "Welcome"),
        "4": ("Reported", "Hi"),
    }
    assert list(left) == ["4"]
    recorder.assert_all_valid()


async def test_charging_profiles_set_reported_cleared_and_limits(
    url: str | None, recorder: FrameRecorder
) -> None:
    async with csms(url, recorder) as server, station_of(server) as station:
        await command(
            server,
            station,
            "SetChargingProfile",
            {"evseId": 1, "chargingProfile": profile(100)},
            {"status": "Accepted"},
        )
        await command(
            server,
            station,
            "SetChargingProfile",
            {"evseId": 1, "chargingProfile": profile(101)},
            {"status": "Rejected"},
        )
        await command(
            server,
            station,
            "GetChargingProfiles",
            {"requestId": 41, "chargingProfile": {"chargingLimitSource": ["EMS"]}},
            {"status": "Accepted"},
        )
        await station.result(
            "ReportChargingProfiles",
            {
                "requestId": 41,
                "chargingLimitSource": "EMS",
                "evseId": 1,
                "chargingProfile": [profile(200, "ChargingStationExternalConstraints")],
            },
        )
        await station.result(
            "NotifyChargingLimit",
            {"chargingLimit": {"chargingLimitSource": "EMS", "isGridCritical": False}, "evseId": 1},
        )
        before = (set(objects(server, "charging_profile")), set(objects(server, "charging_limit")))
        report = await latest(server, "GetChargingProfiles")
        await command(
            server,
            station,
            "ClearChargingProfile",
            {"chargingProfileId": 100},
            {"status": "Accepted"},
        )
        await station.result("ClearedChargingLimit", {"chargingLimitSource": "EMS", "evseId": 1})
        after = (objects(server, "charging_profile"), objects(server, "charging_limit"))
        stored = await server.station_messages("CP001")
    assert before == ({"CSMS:1:100", "EMS:1:200"}, {"EMS:1"})
    assert (report["request_id"], report["progress"]) == (41, "Complete")
    assert after == ({}, {})
    assert [m["action"] for m in stored] == [
        "ClearedChargingLimit",
        "NotifyChargingLimit",
        "ReportChargingProfiles",
    ]
    recorder.assert_all_valid()


async def test_reservations_requested_answered_expired_and_cancelled(
    url: str | None, recorder: FrameRecorder
) -> None:
    def reserve(reservation_id: int) -> dict[str, Any]:
        return {
            "id": reservation_id,
            "expiryDateTime": "2025-01-02T04:04:05Z",
            "idToken": TOKEN,
            "evseId": 1,
        }

    async with csms(url, recorder) as server, station_of(server) as station:
        await command(server, station, "ReserveNow", reserve(5), {"status": "Accepted"})
        await station.result(
            "ReservationStatusUpdate", {"reservationId": 5, "reservationUpdateStatus": "Expired"}
        )
        await command(server, station, "ReserveNow", reserve(6), {"status": "Accepted"})
        await command(
            server, station, "CancelReservation", {"reservationId": 6}, {"status": "Accepted"}
        )
        await command(server, station, "ReserveNow", reserve(7), {"status": "Occupied"})
        reservations = objects(server, "reservation")
        expired = (await server.commands("CP001", "ReserveNow"))[-1]
    assert {k: o["status"] for k, o in reservations.items()} == {
        "5": "Expired",
        "6": "Cancelled",
        "7": "Occupied",
    }
    assert reservations["6"]["evse_id"] == 1
    assert (expired["request_id"], expired["progress"]) == (5, "Expired")
    recorder.assert_all_valid()


async def test_local_list_full_then_differential_and_version(
    url: str | None, recorder: FrameRecorder
) -> None:
    def entry(token: str, status: str | None = "Accepted") -> dict[str, Any]:
        found: dict[str, Any] = {"idToken": {"idToken": token, "type": "ISO14443"}}
        if status is not None:
            found["idTokenInfo"] = {"status": status}
        return found

    async with csms(url, recorder) as server, station_of(server) as station:
        await command(
            server,
            station,
            "SendLocalList",
            {
                "versionNumber": 1,
                "updateType": "Full",
                "localAuthorizationList": [entry("AAAA0001"), entry("BBBB0002")],
            },
            {"status": "Accepted"},
        )
        await command(
            server,
            station,
            "SendLocalList",
            {
                "versionNumber": 2,
                "updateType": "Differential",
                "localAuthorizationList": [
                    entry("AAAA0001", None),
                    entry("BBBB0002", "Blocked"),
                    entry("CCCC0003"),
                ],
            },
            {"status": "Accepted"},
        )
        await command(
            server,
            station,
            "SendLocalList",
            {
                "versionNumber": 3,
                "updateType": "Differential",
                "localAuthorizationList": [entry("DDDD0004")],
            },
            {"status": "VersionMismatch"},
        )
        listed = objects(server, "local_list")[""]
        await command(server, station, "GetLocalListVersion", {}, {"versionNumber": 2})
        version = await latest(server, "GetLocalListVersion")
        reported = objects(server, "local_list")[""]
    assert listed["payload"]["version"] == 2
    assert {
        (e["idToken"]["idToken"], e["idTokenInfo"]["status"]) for e in listed["payload"]["entries"]
    } == {("BBBB0002", "Blocked"), ("CCCC0003", "Accepted")}
    assert (version["status"], version["response"]) == ("Answered", {"versionNumber": 2})
    assert reported["payload"] == listed["payload"]
    recorder.assert_all_valid()


async def test_security_and_monitoring_events_are_stored_and_emitted(
    url: str | None, recorder: FrameRecorder
) -> None:
    seen: list[tuple[str, str]] = []
    monitor_event = {
        "eventId": 1,
        "timestamp": NOW,
        "trigger": "Alerting",
        "actualValue": "95",
        "eventNotificationType": "CustomMonitor",
        "component": {"name": "EVSE"},
        "variable": {"name": "Temperature"},
    }
    async with csms(url, recorder) as server, station_of(server) as station:
        server.add_listener(lambda kind, _cid, data: seen.append((kind, data.get("action"))))
        await station.result(
            "SecurityEventNotification",
            {"type": "FirmwareUpdated", "timestamp": NOW, "techInfo": "v2"},
        )
        await station.result(
            "NotifyEvent", {"generatedAt": NOW, "seqNo": 0, "eventData": [monitor_event]}
        )
        security = await server.station_messages("CP001", "SecurityEventNotification")
        events = await server.station_messages("CP001", "NotifyEvent")
        first_page = await server.station_messages("CP001", limit=1)
        second_page = await server.station_messages("CP001", before_id=first_page[0]["id"])
    assert security[0]["payload"]["techInfo"] == "v2"
    assert events[0]["payload"]["eventData"] == [monitor_event]
    assert [m["action"] for m in first_page + second_page] == [
        "NotifyEvent",
        "SecurityEventNotification",
    ]
    assert [s for s in seen if s[0] == "notification"] == [
        ("notification", "SecurityEventNotification"),
        ("notification", "NotifyEvent"),
    ]
    recorder.assert_all_valid()


async def test_data_transfer_goes_to_the_vendor_handlers(
    url: str | None, recorder: FrameRecorder
) -> None:
    async def price(charger_id: str, message_id: str | None, data: Any) -> tuple[str, Any]:
        return "Accepted", {"charger": charger_id, "price": data["kwh"] * 0.3}

    def broken(charger_id: str, message_id: str | None, data: Any) -> str:
        raise RuntimeError("vendor bug")

    async with csms(url, recorder) as server, station_of(server) as station:
        server.register_data_transfer("com.acme", price, "Price")
        server.register_data_transfer("com.acme", broken, "Broken")
        answers = [
            await station.result(
                "DataTransfer", {"vendorId": v, "messageId": m, "data": {"kwh": 10}}
            )
            for v, m in [
                ("com.acme", "Price"),
                ("com.other", "Price"),
                ("com.acme", "Unknown"),
                ("com.acme", "Broken"),
            ]
        ]
        stored = await server.station_messages("CP001", "DataTransfer")
    assert answers == [
        {"status": "Accepted", "data": {"charger": "CP001", "price": 3.0}},
        {"status": "UnknownVendorId"},
        {"status": "UnknownMessageId"},
        {"status": "Rejected"},
    ]
    assert len(stored) == 4
    recorder.assert_all_valid()


async def test_ev_charging_needs_policy_sends_a_tx_profile(
    url: str | None, recorder: FrameRecorder
) -> None:
    needs = {
        "evseId": 1,
        "chargingNeeds": {
            "requestedEnergyTransfer": "DC",
            "dcChargingParameters": {"evMaxCurrent": 200, "evMaxVoltage": 500, "evMaxPower": 7000},
        },
    }
    async with csms(url, recorder) as server, station_of(server) as station:
        without = await station.result("NotifyEVChargingNeeds", needs)  # the default policy
        server.ev_charging_needs_policy = ev_max_power_policy(11_000, iter(range(500, 600)))
        waiting = await station.result("NotifyEVChargingNeeds", needs)  # no transaction yet
        await station.result(
            "TransactionEvent", event("Started", 0, evse={"id": 1, "connectorId": 1}, idToken=TOKEN)
        )
        call = await station.answer_next_call({"status": "Accepted"})  # for the waiting needs
        accepted = await station.result("NotifyEVChargingNeeds", needs)  # K17: renegotiated
        again = await station.answer_next_call({"status": "Accepted"})
        await station.result(
            "NotifyEVChargingSchedule",
            {
                "timeBase": NOW,
                "evseId": 1,
                "chargingSchedule": {
                    "id": 1,
                    "chargingRateUnit": "W",
                    "chargingSchedulePeriod": [{"startPeriod": 0, "limit": 7000}],
                },
            },
        )
        sent = await latest(server, "SetChargingProfile")
        profiles = objects(server, "charging_profile")
        ev = (objects(server, "ev_charging_needs"), objects(server, "ev_charging_schedule"))
    assert (without, waiting, accepted) == (
        {"status": "Processing"},  # K15: the default waits for the transaction too
        {"status": "Processing"},
        {"status": "Accepted"},
    )
    assert again[2] == "SetChargingProfile" and again[3] == call[3]  # the same profile replaced
    assert call[2] == "SetChargingProfile"
    assert_schema_valid("SetChargingProfileRequest", call[3])
    tx_profile = call[3]["chargingProfile"]
    assert (
        call[3]["evseId"],
        tx_profile["chargingProfilePurpose"],
        tx_profile["transactionId"],
        tx_profile["id"],
    ) == (1, "TxProfile", "TX-1", 500)
    assert tx_profile["chargingSchedule"][0]["chargingSchedulePeriod"] == [
        {"startPeriod": 0, "limit": 7000}
    ]
    assert sent["status"] == "Accepted" and list(profiles) == ["CSMS:1:500"]
    assert ev[0]["1"]["status"] == "DC" and list(ev[1]) == ["1"]
    recorder.assert_all_valid()


async def test_waiting_ev_needs_are_dropped_when_the_station_goes_offline(
    url: str | None, recorder: FrameRecorder
) -> None:
    needs = {"evseId": 1, "chargingNeeds": {"requestedEnergyTransfer": "AC_three_phase"}}
    async with csms(url, recorder) as server:
        server.ev_charging_needs_policy = ev_max_power_policy(11_000, iter(range(500, 600)))
        async with station_of(server) as station:
            waiting = await station.result("NotifyEVChargingNeeds", needs)
        async with station_of(server) as station:
            await station.result(
                "TransactionEvent",
                event("Started", 0, evse={"id": 1, "connectorId": 1}, idToken=TOKEN),
            )
            await station.result("Heartbeat", {})  # a TxProfile sent meanwhile would come first
            sent = await server.commands("CP001", "SetChargingProfile")
    assert waiting == {"status": "Processing"} and sent == []
    recorder.assert_all_valid()


async def test_timeouts_call_errors_and_absent_stations_are_recorded_as_such(
    url: str | None, recorder: FrameRecorder
) -> None:
    async with csms(url, recorder) as server:
        with pytest.raises(NotConnectedError):
            await server.call("CP001", "GetLocalListVersion", {})
        async with station_of(server) as station:
            with pytest.raises(CallTimeoutError):
                await server.call("CP001", "ClearCache", {}, timeout=0.2)
            await station.recv()  # the ClearCache the station never answers
            task = asyncio.create_task(
                server.call("CP001", "UnpublishFirmware", {"checksum": "1" * 32})
            )
            call = await station.recv()
            await station.ws.send(f'[4, "{call[1]}", "NotSupported", "", {{}}]')
            with pytest.raises(NotSupportedError):
                async with asyncio.timeout(WAIT):
                    await task
        recorded = await server.commands("CP001")
    assert [(c["action"], c["status"]) for c in recorded] == [
        ("UnpublishFirmware", "CallError:NotSupported"),
        ("ClearCache", "Timeout"),
    ]
    assert all(c["answered_at"] is not None for c in recorded)
    recorder.assert_all_valid(allow_call_errors=True)


@pytest.mark.parametrize("backend", BACKENDS)
async def test_a_restart_loses_nothing(
    backend: str, tmp_path: Path, recorder: FrameRecorder
) -> None:
    async with database_url(backend, tmp_path) as url:
        async with csms(url, recorder) as server, station_of(server) as station:
            await station.result("BootNotification", boot_payload())
            await command(
                server,
                station,
                "UpdateFirmware",
                {
                    "requestId": 11,
                    "firmware": {"location": "https://fw/x.bin", "retrieveDateTime": NOW},
                },
                {"status": "Accepted"},
            )
            await station.result(
                "FirmwareStatusNotification", {"status": "Downloading", "requestId": 11}
            )
            await command(
                server,
                station,
                "SetChargingProfile",
                {"evseId": 1, "chargingProfile": profile(100)},
                {"status": "Accepted"},
            )
            await station.result("SecurityEventNotification", {"type": "Reboot", "timestamp": NOW})
            before = (
                await server.commands("CP001"),
                await server.station_messages("CP001"),
                server.station_objects("CP001"),
            )
        async with csms(url, recorder) as server:
            after = (
                await server.commands("CP001"),
                await server.station_messages("CP001"),
                server.station_objects("CP001"),
            )
            async with station_of(server) as station:
                await station.result(
                    "FirmwareStatusNotification", {"status": "Installed", "requestId": 11}
                )
                await command(server, station, "ClearCache", {}, {"status": "Accepted"})
                update = await latest(server, "UpdateFirmware")
                newest = await server.commands("CP001", limit=1)
    assert after == before
    assert len(before[0]) == 2 and len(before[1]) == 2 and len(before[2]) == 1
    assert update["progress"] == "Installed"
    assert newest[0]["id"] > max(c["id"] for c in before[0])
    recorder.assert_all_valid()


@pytest.mark.parametrize("backend", BACKENDS)
async def test_a_removed_object_stays_removed_after_a_restart(
    backend: str, tmp_path: Path, recorder: FrameRecorder
) -> None:
    def message(n: int) -> dict[str, Any]:
        return {
            "id": n,
            "priority": "NormalCycle",
            "message": {"format": "UTF8", "content": f"Message {n}"},
        }

    async with database_url(backend, tmp_path) as url:
        async with csms(url, recorder) as server, station_of(server) as station:
            await station.result("BootNotification", boot_payload())
            for n in (5, 6):
                await command(
                    server,
                    station,
                    "SetDisplayMessage",
                    {"message": message(n)},
                    {"status": "Accepted"},
                )
            await command(server, station, "ClearDisplayMessage", {"id": 5}, {"status": "Accepted"})
        async with csms(url, recorder) as server:
            kept = objects(server, "display_message")
    assert list(kept) == ["6"]
    recorder.assert_all_valid()


async def test_k15_the_policys_tx_profile_comes_back_as_the_schedule_the_ev_chose(
    url: str | None, recorder: FrameRecorder
) -> None:
    """Our simulator's ISO 15118 EV against our CSMS: needs -> TxProfile -> the EV's schedule,
    stored where the CSMS keeps EV schedules."""
    from ocppkit.simulator import ChargerSimulator

    server = OCPPServer(
        "127.0.0.1",
        0,
        database_url=url,
        call_timeout=2.0,
        ev_charging_needs_policy=ev_max_power_policy(20_000, iter(range(700, 800))),
    )
    server.add_frame_observer(lambda _station, direction, text: recorder(direction, text))
    chosen = asyncio.Event()
    server.add_listener(
        lambda kind, _station, data: (
            chosen.set()
            if kind == "notification" and data.get("action") == "NotifyEVChargingSchedule"
            else None
        )
    )
    async with asyncio.timeout(WAIT):
        await server.start()
        sim = ChargerSimulator(
            "CP001",
            f"ws://127.0.0.1:{server.port}",
            station_type="DC",
            ev="compact",
            ev_charging_needs=True,
            seed=3,
            sample_interval=0.2,
        )
        try:
            await sim.connect(timeout=WAIT)
            await sim.start_transaction(1)
            await chosen.wait()
            schedule = objects(server, "ev_charging_schedule")["1"]
            sent = await latest(server, "SetChargingProfile")
            power = sim.power_w
        finally:
            await sim.disconnect()
            await server.stop()
    profile_sent = sent["payload"]["chargingProfile"]
    assert sent["status"] == "Accepted" and profile_sent["id"] == 700
    chosen = schedule["payload"]["chargingSchedule"]
    assert chosen["id"] == profile_sent["chargingSchedule"][0]["id"]
    assert chosen["chargingSchedulePeriod"][0]["limit"] == 20_000  # the cap, under the EV's 50 kW
    assert power == pytest.approx(20_000)
    recorder.assert_all_valid()
