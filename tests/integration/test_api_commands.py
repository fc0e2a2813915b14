"""REST API over real sockets: every CSMS->CS action at /chargers/{id}/commands/{Action}, the
action catalogue, and the convenience endpoints."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from api_support import api_stack, connected_station
from websockets.asyncio.client import connect

from ocppkit.csms import OCPPServer
from ocppkit.protocol.models import CSMS_TO_CS
from ocppkit.simulator import ChargerSimulator
from ocppkit.simulator.device import Key


@pytest.fixture
async def stack() -> AsyncIterator[tuple[OCPPServer, httpx.AsyncClient]]:
    async with api_stack() as pair:
        yield pair


@pytest.fixture
async def charger(stack) -> AsyncIterator[ChargerSimulator]:
    server, _ = stack
    sim = await connected_station(server, "CP_CMD", sample_interval=0.2)
    yield sim
    await sim.disconnect()


async def test_actions_lists_the_40_with_wire_schemas(stack) -> None:
    _, client = stack
    actions = (await client.get("/actions")).json()
    assert [a["action"] for a in actions] == sorted(CSMS_TO_CS)
    assert len(actions) == 40
    reset = next(a for a in actions if a["action"] == "Reset")
    assert "type" in reset["request_schema"]["properties"]
    assert reset["request_schema"]["required"] == ["type"]
    trigger = next(a for a in actions if a["action"] == "TriggerMessage")
    assert "requestedMessage" in trigger["request_schema"]["properties"]  # camelCase, wire names
    # the wire's schema: an optional field is absent, never null; validators spelled out
    assert '"null"' not in json.dumps([a["request_schema"] for a in actions])
    reserve = next(a for a in actions if a["action"] == "ReserveNow")["request_schema"]
    assert reserve["properties"]["expiryDateTime"] == {
        "type": "string",
        "format": "date-time",
        "title": "Expirydatetime",
    }
    assert "$ref" in reserve["properties"]["groupIdToken"]
    tariff = next(a for a in actions if a["action"] == "SetChargingProfile")["request_schema"]
    assert tariff["$defs"]["SalesTariffEntryType"]["properties"]["ePriceLevel"] == {
        "type": "integer",
        "minimum": 0,
        "title": "Epricelevel",
    }


async def test_any_action_is_sent_and_answered(stack, charger) -> None:
    _, client = stack
    response = await client.post(
        "/chargers/CP_CMD/commands/GetVariables",
        json={
            "getVariableData": [
                {"component": {"name": "OCPPCommCtrlr"}, "variable": {"name": "HeartbeatInterval"}}
            ]
        },
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["action"] == "GetVariables"
    result = body["response"]["getVariableResult"][0]
    assert result["attributeStatus"] == "Accepted"
    assert result["variable"]["name"] == "HeartbeatInterval"
    reset = await client.post("/chargers/CP_CMD/commands/Reset", json={"type": "OnIdle"})
    assert reset.status_code == 200 and reset.json()["response"]["status"] in (
        "Accepted",
        "Scheduled",
    )


@pytest.mark.parametrize(
    "payload, field",
    [
        ({"type": "Sometime"}, "type"),
        ({}, "type"),
        ({"type": "Immediate", "colour": "red"}, "colour"),
        ({"type": "Immediate", "evseId": "one"}, "evseId"),
    ],
)
async def test_invalid_payload_is_422_with_violations(stack, charger, payload, field) -> None:
    _, client = stack
    response = await client.post("/chargers/CP_CMD/commands/Reset", json=payload)
    assert response.status_code == 422, response.text
    body = response.json()
    assert body["code"] == "invalid_payload" and body["detail"]
    assert body["errors"][0]["field"] == field
    assert set(body["errors"][0]) == {"field", "rule", "message"}


async def test_unknown_or_wrong_way_action_is_404(stack, charger) -> None:
    _, client = stack
    for action in ("Teleport", "BootNotification", "Heartbeat"):
        response = await client.post(f"/chargers/CP_CMD/commands/{action}", json={})
        assert response.status_code == 404
        assert response.json()["code"] == "unknown_action"


async def test_command_errors_match_the_seed_endpoints(stack, charger) -> None:
    server, client = stack
    unknown = await client.post("/chargers/nope/commands/Reset", json={"type": "Immediate"})
    assert unknown.status_code == 404 and unknown.json()["code"] == "charger_not_found"
    not_object = await client.post("/chargers/CP_CMD/commands/Reset", json=[1])
    assert not_object.status_code == 422 and not_object.json()["code"] == "invalid_body"
    await charger.disconnect()
    async with asyncio.timeout(5):
        while True:
            if not server.is_connected("CP_CMD"):
                break
            await asyncio.sleep(0.05)
    offline = await client.post("/chargers/CP_CMD/commands/Reset", json={"type": "Immediate"})
    assert offline.status_code == 409 and offline.json()["code"] == "charger_not_connected"


async def test_callerror_is_502_and_silence_is_504(stack) -> None:
    server, client = stack
    url = f"ws://127.0.0.1:{server.port}/CP_RAW"
    async with connect(url, subprotocols=["ocpp2.0.1"]) as ws:
        await ws.send(
            '[2,"b1","BootNotification",{"chargingStation":{"model":"M",'
            '"vendorName":"V"},"reason":"PowerUp"}]'
        )
        async with asyncio.timeout(5):
            await ws.recv()
        pending = asyncio.create_task(
            client.post("/chargers/CP_RAW/commands/Reset", json={"type": "Immediate"})
        )
        async with asyncio.timeout(5):
            call = await ws.recv()
        message_id = call.split('"')[1]
        await ws.send(f'[4,"{message_id}","NotSupported","no resets here",{{}}]')
        answered = await asyncio.wait_for(pending, 5)
        assert answered.status_code == 502
        assert answered.json()["code"] == "station_call_error"
        assert answered.json()["error_code"] == "NotSupported"
        silent = await client.post(
            "/chargers/CP_RAW/trigger", json={"requested_message": "Heartbeat"}
        )
        assert silent.status_code == 504 and silent.json()["code"] == "station_timeout"


async def test_convenience_endpoints(stack, charger) -> None:
    _, client = stack
    cases = [
        ("/trigger", {"requested_message": "StatusNotification", "evse_id": 1}, "TriggerMessage"),
        (
            "/variables/set",
            {
                "variables": [
                    {"component": "OCPPCommCtrlr", "variable": "HeartbeatInterval", "value": "45"}
                ]
            },
            "SetVariables",
        ),
        (
            "/variables/get",
            {"variables": [{"component": "OCPPCommCtrlr", "variable": "HeartbeatInterval"}]},
            "GetVariables",
        ),
        (
            "/availability",
            {"operational_status": "Inoperative", "evse_id": 1},
            "ChangeAvailability",
        ),
        (
            "/availability",
            {"operational_status": "Operative", "evse_id": 1, "connector_id": 1},
            "ChangeAvailability",
        ),
        ("/unlock", {"evse_id": 1, "connector_id": 1}, "UnlockConnector"),
        (
            "/charging-profile",
            {
                "evse_id": 1,
                "charging_profile": {
                    "id": 1,
                    "stackLevel": 0,
                    "chargingProfilePurpose": "TxDefaultProfile",
                    "chargingProfileKind": "Relative",
                    "chargingSchedule": [
                        {
                            "id": 1,
                            "chargingRateUnit": "A",
                            "chargingSchedulePeriod": [{"startPeriod": 0, "limit": 16.0}],
                        }
                    ],
                },
            },
            "SetChargingProfile",
        ),
        ("/reset", {"type": "OnIdle"}, "Reset"),
    ]
    for path, body, action in cases:
        response = await client.post(f"/chargers/CP_CMD{path}", json=body)
        assert response.status_code == 200, (path, response.text)
        assert response.json()["action"] == action
        assert isinstance(response.json()["response"], dict)
    got = (
        await client.post(
            "/chargers/CP_CMD/variables/get",
            json={"variables": [{"component": "OCPPCommCtrlr", "variable": "HeartbeatInterval"}]},
        )
    ).json()
    assert got["response"]["getVariableResult"][0]["attributeValue"] == "45"


async def test_convenience_bodies_are_checked(stack, charger) -> None:
    _, client = stack
    bad_profile = await client.post(
        "/chargers/CP_CMD/charging-profile", json={"evse_id": 1, "charging_profile": {"id": 1}}
    )
    assert bad_profile.status_code == 422 and bad_profile.json()["code"] == "invalid_payload"
    bad_trigger = await client.post(
        "/chargers/CP_CMD/trigger", json={"requested_message": "Coffee"}
    )
    assert bad_trigger.status_code == 422
    assert bad_trigger.json()["errors"][0]["field"] == "requestedMessage"
    bad_reset = await client.post("/chargers/CP_CMD/reset", json={"type": "Later"})
    assert bad_reset.status_code == 422 and bad_reset.json()["code"] == "invalid_body"
    empty = await client.post("/chargers/CP_CMD/variables/get", json={"variables": []})
    assert empty.status_code == 422


# --- the one command pipeline: REST commands are split, merged and learned from ---

HEARTBEAT = {"component": "OCPPCommCtrlr", "variable": "HeartbeatInterval"}


def _wire_ref(component: str, variable: str, instance: str | None = None) -> dict[str, Any]:
    wire_variable: dict[str, Any] = {"name": variable}
    if instance is not None:
        wire_variable["instance"] = instance
    return {"component": {"name": component}, "variable": wire_variable}


async def _calls_sent(client: httpx.AsyncClient, station: str, action: str) -> int:
    frames = (
        await client.get(
            f"/chargers/{station}/messages",
            params={"action": action, "direction": "out", "limit": 1000},
        )
    ).json()
    return sum(1 for f in frames if f["message_type"] == "CALL")


@pytest.mark.parametrize(
    "path, body",
    [
        ("/variables/get", {"variables": [HEARTBEAT] * 5}),
        (
            "/commands/GetVariables",
            {"getVariableData": [_wire_ref("OCPPCommCtrlr", "HeartbeatInterval")] * 5},
        ),
    ],
)
async def test_b06_rest_get_variables_is_split_per_the_items_per_message_it_learned(
    stack, charger, path: str, body: dict[str, Any]
) -> None:
    """The station takes 2 items per GetVariables (B06.FR.03: more is a CALLERROR); the CSMS
    learns that from a REST GetVariables answer and splits the next REST request in 3 CALLs,
    answered as one response in request order."""
    _, client = stack
    charger.device_model.set_value(
        Key("DeviceDataCtrlr", "ItemsPerMessage", variable_instance="GetVariables"), "2"
    )
    limit = _wire_ref("DeviceDataCtrlr", "ItemsPerMessage", "GetVariables")
    learned = await client.post(
        "/chargers/CP_CMD/commands/GetVariables", json={"getVariableData": [limit]}
    )
    assert learned.status_code == 200, learned.text
    assert learned.json()["response"]["getVariableResult"][0]["attributeValue"] == "2"
    before = await _calls_sent(client, "CP_CMD", "GetVariables")
    response = await client.post(f"/chargers/CP_CMD{path}", json=body)
    assert response.status_code == 200, response.text
    results = response.json()["response"]["getVariableResult"]
    assert [r["attributeStatus"] for r in results] == ["Accepted"] * 5
    assert [r["variable"]["name"] for r in results] == ["HeartbeatInterval"] * 5
    assert await _calls_sent(client, "CP_CMD", "GetVariables") - before == 3


@pytest.mark.parametrize("route", ["/variables/set", "/commands/SetVariables"])
async def test_b05_rest_set_variables_is_split_per_the_configured_items_per_message(
    stack, charger, route: str
) -> None:
    _, client = stack
    charger.device_model.set_value(
        Key("DeviceDataCtrlr", "ItemsPerMessage", variable_instance="SetVariables"), "2"
    )
    patched = await client.patch("/chargers/CP_CMD/settings", json={"items_per_message": 2})
    assert patched.status_code == 200, patched.text
    values = [str(30 + i) for i in range(3)]
    if route == "/variables/set":
        body: dict[str, Any] = {"variables": [{**HEARTBEAT, "value": v} for v in values]}
    else:
        ref = _wire_ref("OCPPCommCtrlr", "HeartbeatInterval")
        body = {"setVariableData": [{**ref, "attributeValue": v} for v in values]}
    before = await _calls_sent(client, "CP_CMD", "SetVariables")
    response = await client.post(f"/chargers/CP_CMD{route}", json=body)
    assert response.status_code == 200, response.text
    results = response.json()["response"]["setVariableResult"]
    assert [r["attributeStatus"] for r in results] == ["Accepted"] * 3
    assert await _calls_sent(client, "CP_CMD", "SetVariables") - before == 2
    assert charger.device_model.value(("OCPPCommCtrlr", "HeartbeatInterval")) == "32"


async def test_b05_rest_set_variables_accepted_updates_the_stored_device_model(
    tmp_path: Path,
) -> None:
    """As ``OCPPServer.set_variables`` does: an Accepted value goes into the CSMS's device model
    (``GET /device-model``), stored, so a restarted CSMS still has it; a rejected one does not."""
    url = f"sqlite+aiosqlite:///{tmp_path / 'csms.db'}"
    async with api_stack(database_url=url) as (server, client):
        sim = await connected_station(server, "CP_DM")
        try:
            assert (await client.get("/chargers/CP_DM/device-model")).status_code == 404
            response = await client.post(
                "/chargers/CP_DM/variables/set",
                json={
                    "variables": [
                        {**HEARTBEAT, "value": "77"},
                        {"component": "NoSuchCtrlr", "variable": "NoSuchVariable", "value": "1"},
                    ]
                },
            )
            assert response.status_code == 200, response.text
            statuses = [
                r["attributeStatus"] for r in response.json()["response"]["setVariableResult"]
            ]
            assert statuses == ["Accepted", "UnknownComponent"]
            model = (await client.get("/chargers/CP_DM/device-model")).json()
        finally:
            await sim.disconnect()
    values = {
        (e["component"]["name"], e["variable"]["name"]): e["variableAttribute"][0]["value"]
        for e in model["report_data"]
    }
    assert values == {("OCPPCommCtrlr", "HeartbeatInterval"): "77"}
    restarted = OCPPServer("127.0.0.1", 0, database_url=url)
    async with asyncio.timeout(10):
        await restarted.start()
        await restarted.stop()
    assert restarted.get_device_model("CP_DM") == model
