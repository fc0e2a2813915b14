"""REST API over real sockets: transactions (filters, pagination, events and meter values from
memory and from SQLite) and id token administration."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from api_support import api_stack, connected_station, until

from ocppkit.csms import OCPPServer
from ocppkit.simulator import ChargerSimulator


@pytest.fixture(params=["memory", "sqlite"])
async def stack(request, tmp_path: Path) -> AsyncIterator[tuple[OCPPServer, httpx.AsyncClient]]:
    url = None if request.param == "memory" else f"sqlite+aiosqlite:///{tmp_path / 'api.db'}"
    async with api_stack(call_timeout=2.0, database_url=url) as pair:
        yield pair


@pytest.fixture
async def charger(stack) -> AsyncIterator[ChargerSimulator]:
    server, _ = stack
    sim = await connected_station(server, "CP_TX", sample_interval=0.1)
    yield sim
    await sim.disconnect()


async def _until(predicate, seconds: float = 8.0):
    return await until(predicate, seconds)


async def _charge_once(client: httpx.AsyncClient, token: str) -> str:
    started = await client.post("/chargers/CP_TX/start", json={"evse_id": 1, "id_token": token})
    assert started.status_code == 200 and started.json()["status"] == "Accepted"

    async def charging():
        tx = (await client.get("/chargers/CP_TX")).json()["transaction"]
        return tx if tx and tx["energy_kwh"] > 0 else None

    tx = await _until(charging)
    stopped = await client.post("/chargers/CP_TX/stop", json={})
    assert stopped.status_code == 200

    async def ended():
        one = await client.get(f"/transactions/{tx['transaction_id']}")
        return one.json() if one.json().get("ended_at") else None

    await _until(ended)
    return str(tx["transaction_id"])


async def test_transactions_filtered_and_paginated(stack, charger) -> None:
    _, client = stack
    first = await _charge_once(client, "TOKEN_A")
    second = await _charge_once(client, "TOKEN_B")
    listed = await client.get("/transactions")
    assert [t["transaction_id"] for t in listed.json()] == [second, first]  # newest first
    assert listed.headers["X-Total-Count"] == "2"
    by_token = (await client.get("/transactions", params={"id_token": "token_a"})).json()
    assert [t["transaction_id"] for t in by_token] == [first]
    assert (await client.get("/transactions", params={"active": "true"})).json() == []
    page = await client.get("/transactions", params={"limit": 1, "offset": 1})
    assert [t["transaction_id"] for t in page.json()] == [first]
    assert page.headers["X-Total-Count"] == "2"
    assert (await client.get("/transactions", params={"charger_id": "other"})).json() == []
    started = listed.json()[0]["started_at"]
    since = (await client.get("/transactions", params={"since": started})).json()
    assert [t["transaction_id"] for t in since] == [second]
    until = (await client.get("/transactions", params={"until": started})).json()
    assert [t["transaction_id"] for t in until] == [first]
    naive = await client.get("/transactions", params={"since": "2026-01-01T00:00:00"})
    assert naive.status_code == 422 and naive.json()["code"] == "invalid_parameter"


async def test_transaction_detail_has_events_and_meter_values(stack, charger) -> None:
    server, client = stack
    tx_id = await _charge_once(client, "TOKEN_C")

    async def detail():
        found = (await client.get(f"/transactions/{tx_id}", params={"charger_id": "CP_TX"})).json()
        kinds = [e["event_type"] for e in found["events"]]
        return found if "Ended" in kinds and found["meter_values"] else None

    found = await _until(detail)
    assert found["source"] == (
        "memory" if server._store.__class__.__name__ == "Store" else "database"
    )
    assert found["events"][0]["event_type"] == "Started"
    assert found["charger_id"] == "CP_TX" and found["active"] is False
    assert found["energy_kwh"] > 0
    missing = await client.get("/transactions/nope")
    assert missing.status_code == 404 and missing.json()["code"] == "transaction_not_found"
    wrong_station = await client.get(f"/transactions/{tx_id}", params={"charger_id": "CP_X"})
    assert wrong_station.status_code == 404


async def test_token_lifecycle(stack) -> None:
    server, client = stack
    created = await client.post(
        "/tokens",
        json={
            "id_token": "04A2B3C4D5E6F7",
            "type": "ISO14443",
            "status": "Accepted",
            "expiry": "2030-01-01T00:00:00Z",
            "group": "FLEET_1",
        },
    )
    assert created.status_code == 201, created.text
    assert created.json() == {
        "id_token": "04A2B3C4D5E6F7",
        "type": "ISO14443",
        "status": "Accepted",
        "expiry": "2030-01-01T00:00:00.000Z",
        "group": "FLEET_1",
    }
    duplicate = await client.post("/tokens", json={"id_token": "04a2b3c4d5e6f7"})
    assert duplicate.status_code == 409 and duplicate.json()["code"] == "token_exists"
    for i in range(3):
        assert (await client.post("/tokens", json={"id_token": f"T{i}"})).status_code == 201
    listed = await client.get("/tokens", params={"limit": 2})
    assert listed.headers["X-Total-Count"] == "4" and len(listed.json()) == 2
    got = await client.get("/tokens/04A2B3C4D5E6F7")
    assert got.json()["group"] == "FLEET_1"
    patched = await client.patch(
        "/tokens/04A2B3C4D5E6F7", json={"status": "Expired", "expiry": None}
    )
    assert patched.json()["status"] == "Expired" and patched.json()["expiry"] is None
    assert patched.json()["type"] == "ISO14443"
    blocked = await client.post("/tokens/UNMANAGED/block")
    assert blocked.status_code == 200 and blocked.json()["status"] == "Blocked"
    assert server.tokens.decide("UNMANAGED", "Central", None).status == "Blocked"
    deleted = await client.delete("/tokens/T0")
    assert deleted.status_code == 204
    assert (await client.get("/tokens/T0")).json()["code"] == "token_not_found"
    assert (await client.delete("/tokens/T0")).status_code == 404
    for bad in (
        {"id_token": ""},
        {"id_token": "X", "status": "Maybe"},
        {"id_token": "X", "type": "Card"},
        {"id_token": "X" * 37},
        {"id_token": "X", "expiry": "2030-01-01T00:00:00"},
    ):
        response = await client.post("/tokens", json=bad)
        assert response.status_code == 422 and response.json()["code"] == "invalid_body"
    assert (await client.patch("/tokens/T1", json={"status": None})).status_code == 422
