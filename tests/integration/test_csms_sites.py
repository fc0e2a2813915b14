"""K01 site limits over real sockets: 10 simulated stations share 50 kW while EVs come and go;
the sum of what they actually draw, sampled through the run, never exceeds the limit."""

from __future__ import annotations

import asyncio
import random

import pytest

from ocppkit.csms import OCPPServer
from ocppkit.csms.sites import Site
from ocppkit.simulator import ChargerSimulator

LIMIT_W = 50_000.0


async def _until(check, seconds: float) -> None:  # type: ignore[no-untyped-def]
    async with asyncio.timeout(seconds):
        while not check():  # noqa: ASYNC110 (polling the CSMS's state)
            await asyncio.sleep(0.02)


@pytest.mark.parametrize("strategy", ["equal", "first_come", "needs"])
async def test_a_site_of_ten_stations_stays_under_its_limit(strategy: str) -> None:
    server = OCPPServer(  # the base reports give each station's EVSE Power (its maxLimit)
        "127.0.0.1", 0, heartbeat_interval=30, call_timeout=3.0, request_base_report=True
    )
    await server.start()
    ids = [f"SITE-CP{n:02d}" for n in range(10)]
    sims = [
        ChargerSimulator(
            cid, f"ws://127.0.0.1:{server.port}", station_type="AC3", sample_interval=0.1
        )
        for cid in ids
    ]
    samples: list[float] = []
    stop = asyncio.Event()

    async def sample() -> None:
        while not stop.is_set():
            samples.append(sum(sim.power_w for sim in sims))
            await asyncio.sleep(0.01)

    try:
        async with asyncio.timeout(60):
            for sim in sims:
                await sim.connect()
            await _until(lambda: all(server.chargers.get(c).device_model for c in ids), 20)
            server.sites.put(Site("depot", LIMIT_W, ids, strategy))
            # K01: every station holds its (idle, 0 W) share before any EV comes
            await _until(lambda: server.sites.view("depot")["allocated_w"] == 0.0, 10)
            await _until(
                lambda: all(
                    s["allocated_w"] == 0.0 for s in server.sites.view("depot")["allocation"]
                ),
                10,
            )
            sampler = asyncio.create_task(sample())
            rng = random.Random(13)
            charging: set[int] = set()
            for _ in range(30):  # EVs come and go
                n = rng.randrange(10)
                if n in charging:
                    await sims[n].stop_transaction()
                    charging.discard(n)
                else:
                    await sims[n].start_transaction()
                    charging.add(n)
                await asyncio.sleep(rng.uniform(0.02, 0.15))
            for n in list(charging)[:3]:
                await sims[n].stop_transaction()
                charging.discard(n)
            await asyncio.sleep(0.5)
            stop.set()
            await sampler
            view = server.sites.view("depot")
    finally:
        stop.set()
        for sim in sims:
            await sim.disconnect()
        await server.stop()
    assert len(samples) > 100
    assert max(samples) <= LIMIT_W + 1.0, max(samples)
    assert view["allocated_w"] <= LIMIT_W + 1.0
    assert max(samples) > 0.5 * LIMIT_W or len(charging) < 3  # the limit is used, not wasted
    active = {ids[n] for n in charging}
    given = {s["station_id"]: s["allocated_w"] for s in view["allocation"]}
    assert all(given[cid] > 0 for cid in active)
    assert all(given[cid] == 0 for cid in set(ids) - active)
