"""REST API over real sockets: station list filters and pagination, EVSEs, device model,
run-time settings, the message log, OpenAPI and the common error shape."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from api_support import api_stack, connected_station, until

from ocppkit.csms import OCPPServer
from ocppkit.simulator import ChargerSimulator


@pytest.fixture
async def stack() -> AsyncIterator[tuple[OCPPServer, httpx.AsyncClient]]:
    async with api_stack({"message_log_size": 20}, call_timeout=2.0) as pair:
        yield pair


_station = connected_station


@pytest.fixture
async def stations(stack) -> AsyncIterator[list[ChargerSimulator]]:
    server, _ = stack
    sims = [await _station(server, f"CP_{i}") for i in range(3)]
    yield sims
    for sim in sims:
        await sim.disconnect()


_until = until


async def test_list_is_paginated_with_total_header(stack, stations) -> None:
    _, client = stack
    everything = await client.get("/chargers")
    assert [c["charger_id"] for c in everything.json()] == ["CP_0", "CP_1", "CP_2"]
    assert everything.headers["X-Total-Count"] == "3"
    page = await client.get("/chargers", params={"limit": 2, "offset": 1})
    assert [c["charger_id"] for c in page.json()] == ["CP_1", "CP_2"]
    assert page.headers["X-Total-Count"] == "3"
    for bad in ({"limit": 0}, {"limit": 1001}, {"offset": -1}):
        response = await client.get("/chargers", params=bad)
        assert response.status_code == 422
        assert response.json()["code"] == "invalid_parameter"
        assert response.json()["errors"][0]["field"] in ("query.limit", "query.offset")


async def test_list_filters_by_connection_and_status(stack, stations) -> None:
    _, client = stack
    await stations[0].disconnect()

    async def one_gone():
        found = (await client.get("/chargers", params={"connection": "disconnected"})).json()
        return found if found else None

    gone = await _until(one_gone)
    assert [c["charger_id"] for c in gone] == ["CP_0"]
    connected = (await client.get("/chargers", params={"connection": "connected"})).json()
    assert [c["charger_id"] for c in connected] == ["CP_1", "CP_2"]
    available = await client.get("/chargers", params={"status": "Available"})
    assert {c["charger_id"] for c in available.json()} >= {"CP_1", "CP_2"}
    assert (await client.get("/chargers", params={"status": "Faulted"})).json() == []
    assert (await client.get("/chargers", params={"status": "Sleepy"})).status_code == 422


async def test_evses_and_device_model(stack, stations) -> None:
    _, client = stack

    async def evses():
        found = (await client.get("/chargers/CP_1/evses")).json()
        return found if found and found[0]["connectors"] else None

    found = await _until(evses)
    assert found[0]["evse_id"] == 1
    assert found[0]["connectors"][0]["status"] == "Available"
    missing = await client.get("/chargers/CP_1/device-model")
    assert missing.status_code == 404 and missing.json()["code"] == "device_model_unknown"
    sent = await client.post(
        "/chargers/CP_1/commands/GetBaseReport",
        json={"requestId": 7, "reportBase": "FullInventory"},
    )
    assert sent.status_code == 200, sent.text

    async def model():
        response = await client.get("/chargers/CP_1/device-model")
        return response.json() if response.status_code == 200 else None

    reported = await _until(model)
    assert reported["request_id"] == 7 and reported["report_data"]
    assert (await client.get("/chargers/nope/evses")).json()["code"] == "charger_not_found"


async def test_settings_read_and_patch(stack, stations) -> None:
    server, client = stack
    initial = (await client.get("/chargers/CP_2/settings")).json()
    assert initial == {
        "boot_status": None,
        "lenient": False,
        "items_per_message": None,
        "bytes_per_message": None,
        "notes": "",
    }
    patched = await client.patch(
        "/chargers/CP_2/settings",
        json={"boot_status": "Pending", "lenient": True, "items_per_message": 5, "notes": "bay 3"},
    )
    assert patched.status_code == 200, patched.text
    assert patched.json() == {
        "boot_status": "Pending",
        "lenient": True,
        "items_per_message": 5,
        "bytes_per_message": None,
        "notes": "bay 3",
    }
    assert server.is_lenient("CP_2")
    assert (await client.get("/chargers/CP_2")).json()["lenient"] is True
    again = await client.patch("/chargers/CP_2/settings", json={"boot_status": None})
    assert again.json()["boot_status"] is None and again.json()["notes"] == "bay 3"
    for bad in (
        {"boot_status": "Maybe"},
        {"items_per_message": 0},
        {"lenient": None},
        {"colour": "red"},
    ):
        response = await client.patch("/chargers/CP_2/settings", json=bad)
        assert response.status_code == 422, bad
        assert response.json()["code"] == "invalid_body"
    assert (await client.patch("/chargers/nope/settings", json={})).status_code == 404


async def test_message_log_pairs_calls_with_replies(stack, stations) -> None:
    _, client = stack
    sent = await client.post(
        "/chargers/CP_0/commands/TriggerMessage", json={"requestedMessage": "Heartbeat"}
    )
    assert sent.status_code == 200, sent.text

    async def heartbeat_logged():
        frames = (
            await client.get("/chargers/CP_0/messages", params={"action": "Heartbeat"})
        ).json()
        return frames if len(frames) >= 2 else None

    frames = await _until(heartbeat_logged)
    assert {f["direction"] for f in frames} == {"in", "out"}
    log = (await client.get("/chargers/CP_0/messages", params={"action": "TriggerMessage"})).json()
    call, reply = log[0], log[1]
    assert call["message_type"] == "CALL" and call["direction"] == "out"
    assert reply["message_type"] == "CALLRESULT" and reply["direction"] == "in"
    assert call["message_id"] == reply["message_id"]
    assert call["latency_ms"] is not None and call["latency_ms"] == reply["latency_ms"]
    assert call["json"] == [
        2,
        call["message_id"],
        "TriggerMessage",
        {"requestedMessage": "Heartbeat"},
    ]
    outgoing = (
        await client.get("/chargers/CP_0/messages", params={"direction": "out", "limit": 3})
    ).json()
    assert len(outgoing) <= 3 and all(f["direction"] == "out" for f in outgoing)
    assert (await client.get("/chargers/nope/messages")).status_code == 404


async def test_message_log_is_a_bounded_ring(stack, stations) -> None:
    _, client = stack
    for _ in range(12):
        response = await client.post(
            "/chargers/CP_1/commands/TriggerMessage", json={"requestedMessage": "Heartbeat"}
        )
        assert response.status_code == 200
    frames = (await client.get("/chargers/CP_1/messages", params={"limit": 1000})).json()
    assert len(frames) == 20  # message_log_size
    assert [f["seq"] for f in frames] == sorted(f["seq"] for f in frames)


async def test_unknown_path_and_method_use_the_error_shape(stack) -> None:
    _, client = stack
    missing = await client.get("/no/such/path")
    assert missing.status_code == 404 and missing.json()["code"] == "not_found"
    wrong = await client.delete("/chargers")
    assert wrong.status_code == 405 and wrong.json()["code"] == "method_not_allowed"


async def test_openapi_documents_every_endpoint_with_examples(stack) -> None:
    _, client = stack
    spec = (await client.get("/openapi.json")).json()
    paths = spec["paths"]
    for path in (
        "/chargers/{charger_id}/evses",
        "/chargers/{charger_id}/device-model",
        "/chargers/{charger_id}/settings",
        "/chargers/{charger_id}/messages",
        "/chargers/{charger_id}/commands/{action}",
        "/actions",
        "/chargers/{charger_id}/reset",
        "/chargers/{charger_id}/unlock",
        "/chargers/{charger_id}/availability",
        "/chargers/{charger_id}/trigger",
        "/chargers/{charger_id}/variables/get",
        "/chargers/{charger_id}/variables/set",
        "/chargers/{charger_id}/charging-profile",
        "/transactions",
        "/transactions/{transaction_id}",
        "/tokens",
        "/tokens/{id_token}",
        "/tokens/{id_token}/block",
        "/events",
        "/metrics",
        "/logs/protocol",
    ):
        assert path in paths, path
    schemas = spec["components"]["schemas"]
    for name in (
        "ResetBody",
        "TokenCreate",
        "StationSettingsPatch",
        "CommandResult",
        "ErrorBody",
        "ValidationErrorBody",
    ):
        assert schemas[name].get("examples"), name


def _described(schema: dict[str, Any], components: dict[str, Any]) -> bool:
    """Whether a JSON schema says what the answer holds: an object with properties, a list of
    described items, a scalar; not ``{}`` or a bare ``object``."""
    if "$ref" in schema:
        return _described(components[schema["$ref"].rsplit("/", 1)[-1]], components)
    options = schema.get("anyOf") or schema.get("oneOf")
    if options:
        return all(_described(o, components) for o in options if o != {"type": "null"})
    kind = schema.get("type")
    if kind == "array":
        return _described(schema.get("items", {}), components)
    if kind == "object":
        return bool(schema.get("properties"))
    return kind in ("string", "integer", "number", "boolean")


async def test_openapi_describes_every_answer(stack) -> None:
    """Every 2xx answer of every route has a schema: JSON ones a described model, streams and
    files a declared non-JSON content type; 204 has no body."""
    _, client = stack
    spec = (await client.get("/openapi.json")).json()
    components = spec["components"]["schemas"]
    undescribed = []
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            for status, answer in operation["responses"].items():
                if not status.startswith("2") or status == "204":
                    continue
                content = answer.get("content") or {}
                json_schema = content.get("application/json", {}).get("schema")
                if json_schema is None:
                    ok = bool(content)  # e.g. text/event-stream, text/plain
                else:
                    ok = _described(json_schema, components)
                if not ok:
                    undescribed.append(f"{method.upper()} {path} {status}")
    assert undescribed == []
    station = components["StationView"]
    assert {"charger_id", "connection", "evses", "transaction", "lenient"} <= set(
        station["properties"]
    )


async def test_the_typed_views_answer_the_python_views_unchanged(stack, stations) -> None:
    """The REST answers are the CSMS's views as they are (no key dropped or added by the
    response models), so the dashboard and the Python API read the same JSON."""
    server, client = stack

    async def same() -> bool:
        one = (await client.get("/chargers/CP_1")).json()
        listed = (await client.get("/chargers")).json()
        evses = (await client.get("/chargers/CP_1/evses")).json()
        python = server.get_charger_status("CP_1")
        return (
            one == python
            and listed == server.list_chargers()
            and evses == python["evses"]  # type: ignore[index]
            and bool(evses)
        )

    await _until(same)
