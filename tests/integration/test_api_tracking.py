"""REST API over real sockets: what the CSMS tracked of a station (commands with their answer
and progress, notifications, security and monitoring events, station objects), paged by cursor,
and the "command"/"notification" kinds of the live event stream. A raw websocket station sends
the notifications and answers the commands."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from api_support import api_stack
from test_csms_support import WAIT, RawStation, boot_payload

from ocppkit.csms import OCPPServer

CP = "CP001"
NOW = "2026-01-01T00:00:00Z"
GET_LOG = {
    "logType": "DiagnosticsLog",
    "requestId": 42,
    "log": {"remoteLocation": "https://logs.example.com/upload"},
}
PROFILE = {
    "id": 5,
    "stackLevel": 0,
    "chargingProfilePurpose": "TxDefaultProfile",
    "chargingProfileKind": "Absolute",
    "chargingSchedule": [
        {
            "id": 1,
            "chargingRateUnit": "A",
            "startSchedule": NOW,
            "chargingSchedulePeriod": [{"startPeriod": 0, "limit": 16.0}],
        }
    ],
}


def security_event(kind: str = "TamperDetectionActivated") -> dict[str, Any]:
    return {"type": kind, "timestamp": NOW}


def monitoring_event(event_id: int) -> dict[str, Any]:
    return {
        "generatedAt": NOW,
        "seqNo": 0,
        "eventData": [
            {
                "eventId": event_id,
                "timestamp": NOW,
                "trigger": "Alerting",
                "actualValue": "85",
                "eventNotificationType": "HardWiredMonitor",
                "component": {"name": "EVSE"},
                "variable": {"name": "Temperature"},
            }
        ],
    }


@pytest.fixture(params=["memory", "sqlite"])
async def stack(
    request: pytest.FixtureRequest, tmp_path: Path
) -> AsyncIterator[tuple[OCPPServer, httpx.AsyncClient, RawStation]]:
    """Reads come from memory, or from the database when there is one."""
    url = None if request.param == "memory" else f"sqlite+aiosqlite:///{tmp_path / 'api.db'}"
    async with api_stack(database_url=url) as (server, client):
        station = await RawStation.connect(server.port, CP)
        try:
            await station.result("BootNotification", boot_payload())
            yield server, client, station
        finally:
            await station.close()


Stack = tuple[OCPPServer, httpx.AsyncClient, RawStation]


async def command_via_api(
    client: httpx.AsyncClient,
    station: RawStation,
    action: str,
    payload: dict[str, Any],
    answer: dict[str, Any],
) -> httpx.Response:
    """``POST /chargers/CP001/commands/{action}``, answered by the station."""
    task = asyncio.create_task(client.post(f"/chargers/{CP}/commands/{action}", json=payload))
    try:
        call = await station.answer_next_call(answer)
        async with asyncio.timeout(WAIT):
            response = await task
    finally:
        task.cancel()
    assert call[2] == action
    return response


async def pages(client: httpx.AsyncClient, path: str, limit: int, **params: Any) -> list[Any]:
    """Every page of a cursor-paged list; each item once, newest first."""
    items: list[dict[str, Any]] = []
    cursor = None
    for _ in range(100):
        query = {**params, "limit": limit, **({} if cursor is None else {"before_id": cursor})}
        response = await client.get(path, params=query)
        assert response.status_code == 200, response.text
        page = response.json()
        assert len(page["items"]) <= limit
        items += page["items"]
        cursor = page["next"]
        if cursor is None:
            return items
        assert cursor == page["items"][-1]["id"]
    raise AssertionError("the cursor never ended")


async def test_get_log_command_with_its_progress(stack: Stack) -> None:
    _, client, station = stack
    response = await command_via_api(
        client, station, "GetLog", GET_LOG, {"status": "Accepted", "filename": "diag.log"}
    )
    assert response.status_code == 200, response.text
    await station.result("LogStatusNotification", {"status": "Uploading", "requestId": 42})
    await station.result("LogStatusNotification", {"status": "Uploaded", "requestId": 42})

    page = (await client.get(f"/chargers/{CP}/commands", params={"action": "GetLog"})).json()
    assert page["next"] is None
    [cmd] = page["items"]
    assert cmd["charger_id"] == CP
    assert cmd["action"] == "GetLog"
    assert cmd["request_id"] == 42
    assert cmd["payload"] == GET_LOG
    assert cmd["response"] == {"status": "Accepted", "filename": "diag.log"}
    assert cmd["status"] == "Accepted"
    assert cmd["progress"] == "Uploaded"
    assert cmd["sent_at"] and cmd["answered_at"] and cmd["progress_at"]

    notes = (
        await client.get(
            f"/chargers/{CP}/notifications", params={"action": "LogStatusNotification"}
        )
    ).json()
    assert [n["payload"]["status"] for n in notes["items"]] == ["Uploaded", "Uploading"]
    assert {n["command_id"] for n in notes["items"]} == {cmd["id"]}
    assert {n["request_id"] for n in notes["items"]} == {42}
    other = await client.get(f"/chargers/{CP}/commands", params={"action": "UpdateFirmware"})
    assert other.json() == {"items": [], "next": None}


async def test_security_and_monitoring_events(stack: Stack) -> None:
    _, client, station = stack
    await station.result("SecurityEventNotification", security_event("FirmwareUpdated"))
    await station.result("NotifyEvent", monitoring_event(7))
    await station.result("SecurityEventNotification", security_event())

    security = (await client.get(f"/chargers/{CP}/security-events")).json()
    assert [e["payload"]["type"] for e in security["items"]] == [
        "TamperDetectionActivated",
        "FirmwareUpdated",
    ]
    assert {e["action"] for e in security["items"]} == {"SecurityEventNotification"}
    assert security["next"] is None
    monitoring = (await client.get(f"/chargers/{CP}/monitoring-events")).json()
    [event] = monitoring["items"]
    assert event["action"] == "NotifyEvent"
    assert event["payload"]["eventData"][0]["eventId"] == 7
    assert event["received_at"]
    everything = (await client.get(f"/chargers/{CP}/notifications")).json()["items"]
    assert [n["action"] for n in everything] == [
        "SecurityEventNotification",
        "NotifyEvent",
        "SecurityEventNotification",
    ]
    ids = [n["id"] for n in everything]
    assert ids == sorted(ids, reverse=True)


async def test_cursor_paging_gives_every_item_once(stack: Stack) -> None:
    _, client, station = stack
    for n in range(7):
        await station.result("NotifyEvent", monitoring_event(n))
    for _ in range(3):
        await station.result("SecurityEventNotification", security_event())
        await command_via_api(client, station, "ClearCache", {}, {"status": "Accepted"})

    expected = (await client.get(f"/chargers/{CP}/notifications", params={"limit": 1000})).json()[
        "items"
    ]
    assert len(expected) == 10
    for limit in (1, 3, 10):
        assert await pages(client, f"/chargers/{CP}/notifications", limit) == expected
    events = await pages(client, f"/chargers/{CP}/monitoring-events", 2)
    assert [e["payload"]["eventData"][0]["eventId"] for e in events] == list(range(6, -1, -1))
    assert len(await pages(client, f"/chargers/{CP}/security-events", 2)) == 3
    commands = await pages(client, f"/chargers/{CP}/commands", 2, action="ClearCache")
    assert [c["status"] for c in commands] == ["Accepted"] * 3
    assert len({c["id"] for c in commands}) == 3
    first = (await client.get(f"/chargers/{CP}/notifications", params={"limit": 3})).json()
    assert first["next"] == first["items"][-1]["id"]


async def test_charging_profiles_and_objects(stack: Stack) -> None:
    _, client, station = stack
    assert (await client.get(f"/chargers/{CP}/charging-profiles")).json() == []
    response = await command_via_api(
        client,
        station,
        "SetChargingProfile",
        {"evseId": 1, "chargingProfile": PROFILE},
        {"status": "Accepted"},
    )
    assert response.status_code == 200, response.text

    profiles = await client.get(f"/chargers/{CP}/charging-profiles")
    assert profiles.headers["X-Total-Count"] == "1"
    [profile] = profiles.json()
    assert profile["kind"] == "charging_profile"
    assert profile["key"] == "CSMS:1:5"
    assert profile["evse_id"] == 1
    assert profile["payload"]["id"] == 5
    objects = (await client.get(f"/chargers/{CP}/objects")).json()
    assert profile in objects
    assert (
        await client.get(f"/chargers/{CP}/objects", params={"kind": "charging_profile"})
    ).json() == [profile]
    assert (
        await client.get(f"/chargers/{CP}/objects", params={"kind": "reservation"})
    ).json() == []


@pytest.mark.parametrize(
    "path",
    [
        "commands",
        "notifications",
        "security-events",
        "monitoring-events",
        "objects",
        "charging-profiles",
    ],
)
async def test_unknown_station_is_404(stack: Stack, path: str) -> None:
    _, client, _ = stack
    response = await client.get(f"/chargers/NOPE/{path}")
    assert response.status_code == 404
    assert response.json() == {"detail": "charger 'NOPE' is not known", "code": "charger_not_found"}


@pytest.mark.parametrize(
    ("path", "params", "field"),
    [
        ("objects", {"kind": "gadget"}, "kind"),
        ("commands", {"action": "Nonsense"}, "action"),
        ("commands", {"action": "BootNotification"}, "action"),
        ("notifications", {"action": "Reset"}, "action"),
        ("commands", {"limit": 0}, "limit"),
        ("notifications", {"limit": 1001}, "limit"),
        ("security-events", {"before_id": 0}, "before_id"),
        ("monitoring-events", {"before_id": "x"}, "before_id"),
    ],
)
async def test_bad_parameters_are_422(
    stack: Stack, path: str, params: dict[str, Any], field: str
) -> None:
    _, client, _ = stack
    response = await client.get(f"/chargers/{CP}/{path}", params=params)
    assert response.status_code == 422
    body = response.json()
    assert body["code"] == "invalid_parameter"
    assert isinstance(body["detail"], str)
    assert [e["field"] for e in body["errors"]] == [f"query.{field}"]


async def test_unknown_kind_lists_the_allowed_kinds(stack: Stack) -> None:
    _, client, _ = stack
    body = (await client.get(f"/chargers/{CP}/objects", params={"kind": "gadget"})).json()
    for kind in (
        "charging_profile",
        "reservation",
        "display_message",
        "local_list",
        "ev_charging_needs",
        "ev_charging_schedule",
        "charging_limit",
    ):
        assert kind in body["detail"]


async def _events(response: httpx.Response) -> AsyncIterator[tuple[str, Any]]:
    """(kind, data) per event; ("comment", text) per comment line."""
    kind, data = "message", ""
    async for line in response.aiter_lines():
        if line.startswith(":"):
            yield "comment", line[1:].strip()
        elif line.startswith("event: "):
            kind = line[7:]
        elif line.startswith("data: "):
            data = line[6:]
        elif line == "" and data:
            yield kind, json.loads(data)
            kind, data = "message", ""


async def test_event_stream_carries_commands_and_notifications(stack: Stack) -> None:
    _, client, station = stack
    params = {"charger_id": CP, "kinds": "command,notification"}
    seen: list[tuple[str, Any]] = []
    async with client.stream("GET", "/events", params=params) as response:
        assert response.status_code == 200
        stream = _events(response)
        async with asyncio.timeout(WAIT):
            async for kind, _ in stream:
                if kind == "comment":
                    break  # subscribed
            await station.result("SecurityEventNotification", security_event())
            await command_via_api(client, station, "ClearCache", {}, {"status": "Accepted"})
            async for kind, data in stream:
                if kind != "comment":
                    seen.append((kind, data))
                if kind == "command" and data.get("event") == "answered":
                    break
    notification = next(data for kind, data in seen if kind == "notification")
    assert notification["charger_id"] == CP
    assert notification["action"] == "SecurityEventNotification"
    assert notification["payload"]["type"] == "TamperDetectionActivated"
    commands = [data for kind, data in seen if kind == "command"]
    assert [c["event"] for c in commands] == ["sent", "answered"]
    assert {c["action"] for c in commands} == {"ClearCache"}
    assert commands[-1]["status"] == "Accepted"


async def test_event_stream_filters_out_other_kinds(stack: Stack) -> None:
    _, client, station = stack
    params = {"charger_id": CP, "kinds": "command"}
    async with client.stream("GET", "/events", params=params) as response:
        stream = _events(response)
        async with asyncio.timeout(WAIT):
            async for kind, _ in stream:
                if kind == "comment":
                    break
            await station.result("SecurityEventNotification", security_event())
            await command_via_api(client, station, "ClearCache", {}, {"status": "Accepted"})
            kinds = []
            async for kind, data in stream:
                kinds.append(kind)
                if kind == "command" and data.get("event") == "answered":
                    break
    assert "notification" not in kinds


async def test_openapi_documents_the_tracking_endpoints(stack: Stack) -> None:
    _, client, _ = stack
    spec = (await client.get("/openapi.json")).json()
    for path in (
        "commands",
        "notifications",
        "security-events",
        "monitoring-events",
        "objects",
        "charging-profiles",
    ):
        operation = spec["paths"][f"/chargers/{{charger_id}}/{path}"]["get"]
        assert {"200", "404", "422"} <= set(operation["responses"]), path
    schemas = spec["components"]["schemas"]
    for name in (
        "CommandPage",
        "NotificationPage",
        "TrackedCommand",
        "StationNotification",
        "StationObject",
    ):
        assert schemas[name].get("examples"), name
    events = spec["paths"]["/events"]["get"]["description"]
    assert "command" in events and "notification" in events
    assert (await client.get("/events", params={"kinds": "command,gossip"})).status_code == 422
