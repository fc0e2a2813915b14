"""REST API for the dashboard's fleet views over real sockets: the station list searched,
filtered, sorted and paged at 10,000 stations; fleet totals; each EVSE live (charging state,
SoC, per-phase current); a transaction's curve from its stored meter values (memory, SQLite)."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from datetime import datetime, timedelta
from pathlib import Path

import httpx
import pytest
from api_support import api_stack, until
from fleet_support import fill_registry

from ocppkit.csms import OCPPServer
from ocppkit.simulator import ChargerSimulator


@pytest.fixture
async def stack() -> AsyncIterator[tuple[OCPPServer, httpx.AsyncClient]]:
    async with api_stack(call_timeout=2.0) as pair:
        yield pair


def _ids(response: httpx.Response) -> list[str]:
    assert response.status_code == 200, response.text
    return [c["charger_id"] for c in response.json()]


async def test_list_pages_searches_filters_and_sorts_10000_stations(stack) -> None:
    server, client = stack
    fill_registry(server, 10_000)
    began = time.perf_counter()
    first = await client.get("/chargers", params={"limit": 50})
    elapsed = time.perf_counter() - began
    assert _ids(first) == [f"FLEET_{n:05d}" for n in range(50)]
    assert first.headers["X-Total-Count"] == "10000"
    # One page, not the fleet: the answer holds 50 stations, and it does not take a second.
    assert len(first.content) < 100_000
    assert elapsed < 1.5, f"a page of 10,000 stations took {elapsed:.2f} s"
    last = await client.get("/chargers", params={"limit": 50, "offset": 9_990})
    assert _ids(last)[-1] == "FLEET_09999" and len(_ids(last)) == 10

    found = await client.get("/chargers", params={"search": "fleet_0012"})
    assert _ids(found) == [f"FLEET_0012{n}" for n in range(10)]
    assert found.headers["X-Total-Count"] == "10"
    faulted_v1 = await client.get(
        "/chargers", params={"status": "Faulted", "version": "1.0", "limit": 3}
    )
    assert _ids(faulted_v1) == ["FLEET_00000", "FLEET_00030", "FLEET_00060"]
    assert faulted_v1.headers["X-Total-Count"] == "334"  # multiples of 30 below 10,000
    assert (await client.get("/chargers", params={"version": "2.0"})).headers[
        "X-Total-Count"
    ] == "6666"
    charging = await client.get(
        "/chargers", params={"charging_state": "Charging", "sort": "power", "order": "desc"}
    )
    assert _ids(charging)[:3] == ["FLEET_09900", "FLEET_09800", "FLEET_09700"]
    assert charging.headers["X-Total-Count"] == "100"
    assert charging.json()[0]["transaction"]["power_w"] == 9900.0
    recent = await client.get("/chargers", params={"sort": "last_seen", "order": "desc"})
    assert _ids(recent)[0] == "FLEET_09999"
    by_status = await client.get("/chargers", params={"sort": "status", "limit": 2})
    assert [c["evses"][0]["status"] for c in by_status.json()] == ["Faulted", "Faulted"]
    for bad in ({"sort": "colour"}, {"order": "up"}, {"charging_state": "Sleeping"}):
        refused = await client.get("/chargers", params=bad)
        assert refused.status_code == 422 and refused.json()["code"] == "invalid_parameter"

    totals = (await client.get("/fleet")).json()
    assert totals["stations_known"] == 10_000 and totals["stations_online"] == 0
    assert totals["stations_charging"] == 100 and totals["transactions_active"] == 100
    assert totals["power_w"] == sum(float(n) for n in range(0, 10_000, 100))
    assert totals["versions"] == ["1.0", "2.0"]


async def _charging(server: OCPPServer, charger_id: str, **options: object) -> ChargerSimulator:
    sim = ChargerSimulator(
        charger_id,
        f"ws://127.0.0.1:{server.port}",
        sample_interval=0.1,
        **options,  # type: ignore[arg-type]
    )
    await sim.connect()
    await sim.start_transaction()
    return sim


async def test_fleet_totals_and_each_evse_live_with_phases_and_soc(stack) -> None:
    server, client = stack
    ac = await _charging(server, "CP_AC3", station_type="AC3")
    dc = await _charging(server, "CP_DC", station_type="DC")
    try:

        async def totals():
            found = (await client.get("/fleet")).json()
            return found if found["energy_today_kwh"] > 0 and found["power_w"] > 0 else None

        summary = await until(totals, 8.0)
        assert summary["stations_online"] == 2 and summary["stations_charging"] == 2

        async def live(charger_id: str, key: str):
            evse = (await client.get(f"/chargers/{charger_id}/live")).json()["evses"][0]
            return evse if evse[key] else None

        evse = await until(lambda: live("CP_AC3", "phases"), 8.0)
        assert evse["evse_id"] == 1 and evse["status"] == "Occupied"
        assert evse["charging_state"] == "Charging"
        assert [p["phase"] for p in evse["phases"]] == ["L1", "L2", "L3"]
        assert all(p["current_a"] > 0 for p in evse["phases"])
        assert evse["voltage_v"] > 200 and evse["power_w"] > 0
        assert evse["soc"] is None  # an AC station measures no SoC
        dc_evse = await until(lambda: live("CP_DC", "soc"), 8.0)
        assert 0 < dc_evse["soc"] <= 100 and dc_evse["phases"] == []
        assert dc_evse["current_a"] > 0
        missing = await client.get("/chargers/NOPE/live")
        assert missing.status_code == 404 and missing.json()["code"] == "charger_not_found"
    finally:
        await ac.disconnect()
        await dc.disconnect()


@pytest.mark.parametrize("storage", ["memory", "sqlite"])
async def test_a_transactions_curve_covers_it_from_the_start(storage, tmp_path: Path) -> None:
    url = None if storage == "memory" else f"sqlite+aiosqlite:///{tmp_path / 'curve.db'}"
    async with api_stack(call_timeout=2.0, database_url=url) as (server, client):
        sim = await _charging(server, "CP_CURVE")
        try:
            tx = (await client.get("/chargers/CP_CURVE")).json()["transaction"]
            path = f"/transactions/{tx['transaction_id']}/curve"

            async def enough():
                found = (await client.get(path, params={"charger_id": "CP_CURVE"})).json()
                return found if len(found["points"]) >= 6 else None

            curve = await until(enough, 8.0)
        finally:
            await sim.disconnect()
        assert curve["source"] == ("database" if url else "memory")
        points = curve["points"]
        times = [p["timestamp"] for p in points]
        assert times == sorted(times)
        started = datetime.fromisoformat(tx["started_at"])
        assert abs(datetime.fromisoformat(times[0]) - started) < timedelta(seconds=1)
        energies = [p["energy_kwh"] for p in points if p["energy_kwh"] is not None]
        assert energies[0] == 0.0 and energies[-1] > 0 and energies == sorted(energies)
        assert any((p["power_w"] or 0) > 0 for p in points)
        thinned = await client.get(path, params={"points": 3})
        assert len(thinned.json()["points"]) == 3
        assert thinned.json()["points"][-1] == (await client.get(path)).json()["points"][-1]
        assert (await client.get(path, params={"points": 1})).status_code == 422
        assert (await client.get("/transactions/NOPE/curve")).status_code == 404
