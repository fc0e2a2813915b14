"""The REST API over real sockets: uvicorn on 127.0.0.1, an HTTP client, simulated stations."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import httpx
import pytest
from api_support import api_stack, connected_station, until
from websockets.asyncio.client import connect

from ocppkit.csms import OCPPServer
from ocppkit.simulator import ChargerSimulator


@pytest.fixture
async def stack() -> AsyncIterator[tuple[OCPPServer, httpx.AsyncClient]]:
    async with api_stack() as pair:
        yield pair


@pytest.fixture
async def charger(stack) -> AsyncIterator[ChargerSimulator]:
    server, _ = stack
    sim = await connected_station(server, "CP_REST", sample_interval=0.2)
    yield sim
    await sim.disconnect()


_until = until


async def test_health_and_empty_list(stack) -> None:
    _, client = stack
    health = (await client.get("/health")).json()
    assert health == {"status": "ok", "chargers_connected": 0, "chargers_known": 0}
    assert (await client.get("/chargers")).json() == []


async def test_unknown_charger_is_404_json(stack) -> None:
    _, client = stack
    for response in (
        await client.get("/chargers/nope"),
        await client.post("/chargers/nope/start", json={"evse_id": 1}),
        await client.post("/chargers/nope/stop", json={}),
    ):
        assert response.status_code == 404
        assert response.json()["code"] == "charger_not_found"
        assert "nope" in response.json()["detail"]


async def test_charger_listed_with_boot_info_and_status(stack, charger) -> None:
    _, client = stack
    chargers = (await client.get("/chargers")).json()
    assert [c["charger_id"] for c in chargers] == ["CP_REST"]
    one = (await client.get("/chargers/CP_REST")).json()
    assert one["connection"] == "connected"
    assert one["boot"]["vendor"] == "EVBox" and one["boot"]["model"] == "EVBox Home"
    assert (await client.get("/health")).json()["chargers_connected"] == 1


async def test_start_then_stop_over_rest(stack, charger) -> None:
    _, client = stack
    started = await client.post("/chargers/CP_REST/start", json={"evse_id": 1, "connector_id": 1})
    assert started.status_code == 200, started.text
    assert started.json()["status"] == "Accepted"

    async def charging():
        tx = (await client.get("/chargers/CP_REST")).json().get("transaction")
        return tx if tx and tx["energy_kwh"] > 0 else None

    tx = await _until(charging)
    assert tx["power_w"] > 0
    stopped = await client.post(
        "/chargers/CP_REST/stop", json={"transaction_id": tx["transaction_id"]}
    )
    assert stopped.status_code == 200, stopped.text
    assert stopped.json()["status"] == "Accepted"

    async def idle():
        return (await client.get("/chargers/CP_REST")).json().get("transaction") is None

    await _until(idle)
    assert not charger.is_charging


@pytest.mark.parametrize(
    "body, field",
    [
        ({"evse_id": "one"}, "evse_id"),
        ({"evse_id": 0}, "evse_id"),
        ({"evse_id": 1, "colour": "red"}, "colour"),
        ({"id_token": ""}, "id_token"),
    ],
)
async def test_bad_start_body_is_422_naming_the_field(stack, charger, body, field) -> None:
    _, client = stack
    response = await client.post("/chargers/CP_REST/start", json=body)
    assert response.status_code == 422
    assert response.json()["code"] == "invalid_body"
    assert field in response.json()["detail"]


async def test_malformed_json_body_is_422(stack, charger) -> None:
    _, client = stack
    response = await client.post(
        "/chargers/CP_REST/start",
        content=b"{not json",
        headers={"content-type": "application/json"},
    )
    assert response.status_code == 422
    assert response.json()["code"] == "invalid_body"


async def test_disconnected_charger_is_409(stack, charger) -> None:
    _, client = stack
    await charger.disconnect()

    async def gone():
        return (await client.get("/chargers/CP_REST")).json()["connection"] == "disconnected"

    await _until(gone)
    response = await client.post("/chargers/CP_REST/start", json={"evse_id": 1})
    assert response.status_code == 409
    assert response.json()["code"] == "charger_not_connected"


async def test_silent_station_is_504(stack) -> None:
    server, client = stack
    url = f"ws://127.0.0.1:{server.port}/CP_SILENT"
    async with connect(url, subprotocols=["ocpp2.0.1"]) as ws:
        boot = (
            '[2,"b1","BootNotification",{"chargingStation":{"model":"M","vendorName":"V"},'
            '"reason":"PowerUp"}]'
        )
        await ws.send(boot)
        async with asyncio.timeout(5):
            await ws.recv()  # BootNotification accepted; from now on it never answers
        response = await client.post("/chargers/CP_SILENT/start", json={"evse_id": 1})
    assert response.status_code == 504
    assert response.json()["code"] == "station_timeout"


async def test_openapi_documents_the_seed_endpoints(stack) -> None:
    _, client = stack
    paths = (await client.get("/openapi.json")).json()["paths"]
    for path in (
        "/health",
        "/chargers",
        "/chargers/{charger_id}",
        "/chargers/{charger_id}/start",
        "/chargers/{charger_id}/stop",
    ):
        assert path in paths
    assert (await client.get("/docs")).status_code == 200
