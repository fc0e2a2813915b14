"""B Provisioning over real sockets: boot policies and per-station status (B01-B03), the
SecurityError gate before Accepted, GetBaseReport after the first Accepted boot and NotifyReport
parts assembled into the station's device model (B07/B08), kept in the database."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest
from databases import BACKENDS, database_url
from test_csms_support import WAIT, FixedClock, RawStation, boot_payload

from ocppkit.csms import OCPPServer, StationRejectedError

pytest_plugins = ["test_csms_support"]


@asynccontextmanager
async def running(**options: Any) -> AsyncIterator[OCPPServer]:
    server = OCPPServer(
        "127.0.0.1", 0, heartbeat_interval=60, call_timeout=2.0, clock=FixedClock(), **options
    )
    async with asyncio.timeout(WAIT):
        await server.start()
    try:
        yield server
    finally:
        async with asyncio.timeout(WAIT):
            await server.stop()


def variable(component: str, name: str, value: str) -> dict[str, Any]:
    return {
        "component": {"name": component},
        "variable": {"name": name},
        "variableAttribute": [{"type": "Actual", "value": value}],
    }


def report_part(
    request_id: int, seq_no: int, tbc: bool, *entries: dict[str, Any]
) -> dict[str, Any]:
    return {
        "requestId": request_id,
        "generatedAt": "2025-01-02T03:04:05Z",
        "seqNo": seq_no,
        "tbc": tbc,
        "reportData": list(entries),
    }


async def test_B01_accept_policy_accepts_every_station_and_shows_registration() -> None:
    async with running() as server:
        station = await RawStation.connect(server.port, "CP-ANY")
        # The default policy keeps the seed's behaviour: no boot needed before a Heartbeat.
        assert (await station.call("Heartbeat", {}))[0] == 3
        assert server.get_charger_status("CP-ANY")["registration_status"] is None
        boot = await station.result("BootNotification", boot_payload())
        assert boot["status"] == "Accepted"
        status = server.get_charger_status("CP-ANY")
        assert (status["registration_status"], status["device_model"]) == ("Accepted", None)
        await station.close()


async def test_B03_known_only_rejects_unknown_stations_and_refuses_their_calls() -> None:
    async with running(boot_policy="known-only", known_stations=["CP-KNOWN"]) as server:
        stranger = await RawStation.connect(server.port, "CP-STRANGER")
        assert (await stranger.result("BootNotification", boot_payload()))["status"] == "Rejected"
        refused = await stranger.call("Heartbeat", {})
        assert refused[:3] == [4, refused[1], "SecurityError"]  # B03.FR.08
        assert server.get_charger_status("CP-STRANGER")["registration_status"] == "Rejected"
        with pytest.raises(StationRejectedError):  # B03: no commands to a Rejected station
            await server.call("CP-STRANGER", "ClearCache", {})

        known = await RawStation.connect(server.port, "CP-KNOWN")
        assert (await known.result("BootNotification", boot_payload()))["status"] == "Accepted"
        assert (await known.call("Heartbeat", {}))[0] == 3
        await stranger.close()
        await known.close()


async def test_B02_pending_station_gets_security_error_but_csms_may_send_commands() -> None:
    async with running(boot_policy="auto-register") as server:
        server.set_boot_status("CP001", "Pending")
        station = await RawStation.connect(server.port)
        assert (await station.result("BootNotification", boot_payload()))["status"] == "Pending"
        refused = await station.call(
            "StatusNotification",
            {
                "timestamp": "2025-01-02T03:04:05Z",
                "connectorStatus": "Available",
                "evseId": 1,
                "connectorId": 1,
            },
        )
        assert refused[2] == "SecurityError"  # B02.FR.09
        # B02: while Pending, the CSMS may still configure the station.
        command = asyncio.create_task(server.call("CP001", "ClearCache", {}))
        call = await station.answer_next_call({"status": "Accepted"})
        assert call[2] == "ClearCache"
        async with asyncio.timeout(WAIT):
            assert (await command).status == "Accepted"

        server.set_boot_status("CP001", "Accepted")
        assert (await station.result("BootNotification", boot_payload()))["status"] == "Accepted"
        assert (await station.call("Heartbeat", {}))[0] == 3
        with pytest.raises(ValueError):
            server.set_boot_status("CP001", "Maybe")
        await station.close()


async def test_B02_auto_register_refuses_calls_before_the_first_boot() -> None:
    async with running(boot_policy="auto-register") as server:
        station = await RawStation.connect(server.port)
        assert (await station.call("Heartbeat", {}))[2] == "SecurityError"
        assert (await station.result("BootNotification", boot_payload()))["status"] == "Accepted"
        assert (await station.call("Heartbeat", {}))[0] == 3
        await station.close()


def test_B01_an_unknown_boot_policy_is_refused() -> None:
    with pytest.raises(ValueError, match="boot policy"):
        OCPPServer("127.0.0.1", 0, boot_policy="everyone")


async def _boot_and_report(server: OCPPServer, station: RawStation) -> None:
    """Boot; answer the GetBaseReport the CSMS sends; send its report in two parts, the last
    one first (B08: parts may arrive in any order)."""
    assert (await station.result("BootNotification", boot_payload()))["status"] == "Accepted"
    call = await station.answer_next_call({"status": "Accepted"})
    assert (call[2], call[3]["reportBase"]) == ("GetBaseReport", "FullInventory")
    request_id = call[3]["requestId"]
    await station.result(
        "NotifyReport",
        report_part(request_id, 1, False, variable("DeviceDataCtrlr", "ItemsPerMessage", "10")),
    )
    assert server.get_device_model("CP001") is None  # part 0 still missing
    await station.result(
        "NotifyReport",
        report_part(
            request_id,
            0,
            True,
            variable("ChargingStation", "Available", "true"),
            variable("OCPPCommCtrlr", "HeartbeatInterval", "60"),
        ),
    )


async def test_B07_base_report_after_the_first_accepted_boot_becomes_the_device_model() -> None:
    async with running(request_base_report=True) as server:
        station = await RawStation.connect(server.port)
        await _boot_and_report(server, station)
        model = server.get_device_model("CP001")
        assert model is not None
        names = [entry["variable"]["name"] for entry in model["report_data"]]
        assert names == ["Available", "HeartbeatInterval", "ItemsPerMessage"]  # by seqNo
        summary = server.get_charger_status("CP001")["device_model"]
        assert (summary["components"], summary["variables"]) == (3, 3)
        # A later boot does not ask again: the device model is known.
        await station.result("BootNotification", boot_payload("RemoteReset"))
        assert (await station.call("Heartbeat", {}))[0] == 3
        await station.close()


@pytest.fixture(params=BACKENDS)
async def url(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[str]:
    async with database_url(request.param, tmp_path) as address:
        yield address


async def test_B01_registered_stations_and_device_models_survive_a_restart(url: str) -> None:
    async with running(
        boot_policy="auto-register", request_base_report=True, database_url=url
    ) as server:
        station = await RawStation.connect(server.port)
        await _boot_and_report(server, station)
        await station.close()
    async with running(boot_policy="known-only", database_url=url) as server:
        model = server.get_device_model("CP001")
        assert model is not None and model["variables"] == 3
        station = await RawStation.connect(server.port)
        # Registered before (kept in the database): Accepted under known-only.
        assert (await station.call("Heartbeat", {}))[0] == 3
        assert (await station.result("BootNotification", boot_payload()))["status"] == "Accepted"
        other = await RawStation.connect(server.port, "CP-NEW")
        assert (await other.result("BootNotification", boot_payload()))["status"] == "Rejected"
        await other.close()
        await station.close()
