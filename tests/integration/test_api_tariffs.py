"""Tariffs and costs end to end (block I): tariffs managed over REST, a transaction started
through the REST API priced while it runs (CostUpdated, I02, received by the simulator) and at
its end (totalCost in the Ended event's TransactionEventResponse, I01, and in
``GET /transactions/{id}``), from memory and from SQLite."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from api_support import api_stack, connected_station, until

from ocppkit.csms import OCPPServer

TARIFF = {
    "currency": "EUR",
    "energy_price_kwh": "0.30",
    "time_price_hour": "3600",  # 1 EUR per second: a running cost that moves in a test
    "session_fee": 0.5,
    "station_ids": ["CP_COST"],
    "text": "0.30 EUR/kWh, 1 EUR/s",
}


@pytest.fixture(params=["memory", "sqlite"])
async def stack(request, tmp_path: Path) -> AsyncIterator[tuple[OCPPServer, httpx.AsyncClient]]:
    url = None if request.param == "memory" else f"sqlite+aiosqlite:///{tmp_path / 'cost.db'}"
    async with api_stack(call_timeout=2.0, database_url=url, cost_update_interval=0.2) as pair:
        yield pair


async def test_tariffs_are_managed_over_rest(stack) -> None:
    server, client = stack
    created = await client.put("/tariffs/standard", json=TARIFF)
    assert created.status_code == 201, created.text
    assert created.json()["energy_price_kwh"] == "0.30"
    assert created.json()["session_fee"] == "0.5"
    again = await client.put("/tariffs/standard", json={**TARIFF, "currency": "USD"})
    assert again.status_code == 200 and again.json()["currency"] == "USD"
    assert [t["id"] for t in (await client.get("/tariffs")).json()] == ["standard"]
    assert (await client.get("/tariffs/standard")).json()["station_ids"] == ["CP_COST"]
    bad = await client.put("/tariffs/bad", json={**TARIFF, "energy_price_kwh": -1})
    assert bad.status_code == 422
    window = {**TARIFF, "valid_from": "2026-02-01T00:00:00Z", "valid_to": "2026-01-01T00:00:00Z"}
    bad_window = await client.put("/tariffs/bad", json=window)
    assert bad_window.status_code == 422 and "valid_to" in bad_window.json()["detail"]
    assert (await client.put("/tariffs/bad", json={"currency": "EUR", "x": 1})).status_code == 422
    assert (await client.get("/tariffs/bad")).status_code == 404
    assert (await client.delete("/tariffs/standard")).status_code == 204
    assert (await client.delete("/tariffs/standard")).status_code == 404
    assert server.tariffs.all() == []


async def test_a_transaction_started_over_rest_is_priced_running_and_at_its_end(stack) -> None:
    server, client = stack
    assert (await client.put("/tariffs/standard", json=TARIFF)).status_code == 201
    sim = await connected_station(server, "CP_COST", sample_interval=0.1)
    try:
        started = await client.post("/chargers/CP_COST/start", json={"evse_id": 1})
        assert started.status_code == 200 and started.json()["status"] == "Accepted"

        async def running_cost():
            tx = (await client.get("/chargers/CP_COST")).json()["transaction"]
            costs = sim.tariff_cost.costs
            return tx if tx and costs.get(tx["transaction_id"], 0) > 0.5 else None

        tx = await until(running_cost, 8.0)  # I02: CostUpdated came, above the session fee
        tx_id = tx["transaction_id"]
        running = sim.tariff_cost.costs[tx_id]
        assert sim.tariff_cost.messages[tx_id] == TARIFF["text"]  # I01: the tariff text
        view = (await client.get(f"/transactions/{tx_id}")).json()
        assert view["cost"]["final"] is False and view["cost"]["currency"] == "EUR"
        sent = await server.commands("CP_COST", "CostUpdated")
        assert sent and sent[0]["payload"]["transactionId"] == tx_id
        assert isinstance(sent[0]["payload"]["totalCost"], float)
        assert (await client.post("/chargers/CP_COST/stop", json={})).status_code == 200

        async def final():
            return tx_id in sim.tariff_cost.final or None

        await until(final, 8.0)  # I01/E: totalCost in the Ended event's response
        told = sim.tariff_cost.costs[tx_id]
        ended = (await client.get(f"/transactions/{tx_id}")).json()
        assert ended["active"] is False
        assert ended["cost"] == {
            "total": told,
            "currency": "EUR",
            "tariff_id": "standard",
            "final": True,
        }
        assert told >= running > 0.5  # the session fee, then time and energy on top
    finally:
        await sim.disconnect()


async def test_no_tariff_no_cost(stack) -> None:
    server, client = stack
    other = {**TARIFF, "station_ids": ["ELSEWHERE"]}
    assert (await client.put("/tariffs/elsewhere", json=other)).status_code == 201
    sim = await connected_station(server, "CP_COST", sample_interval=0.1)
    try:
        assert (
            await client.post("/chargers/CP_COST/start", json={"evse_id": 1})
        ).status_code == 200

        async def charging():
            tx = (await client.get("/chargers/CP_COST")).json()["transaction"]
            return tx if tx and tx["energy_kwh"] > 0 else None

        tx = await until(charging, 8.0)
        view = (await client.get(f"/transactions/{tx['transaction_id']}")).json()
        assert view["cost"] is None and sim.tariff_cost.costs == {}
    finally:
        await sim.disconnect()
