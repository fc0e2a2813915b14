"""K01 site limits over real sockets: 10 simulated stations share 50 kW while EVs come and go;
the sum of what they actually draw, sampled through the run, never exceeds the limit."""

from __future__ import annotations

import asyncio
import random
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from api_support import api_stack, connected_station, until
from databases import BACKENDS, database_url

from ocppkit import cli
from ocppkit.config import ConfigError
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


def test_sites_come_from_the_config_file(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "csms.toml"
    path.write_text(
        '[[sites]]\nid = "depot"\nlimit_w = 50000\nstations = ["CP1", "CP2"]\n'
        'strategy = "first_come"\n',
        encoding="utf-8",
    )
    args = cli.build_parser().parse_args(["server", "--config", str(path)])
    assert cli._server_options(args).sites == (
        Site("depot", 50_000.0, ["CP1", "CP2"], "first_come"),
    )
    path.write_text('[[sites]]\nid = "x"\nlimit_w = 0\nstations = ["CP1"]\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="limit_w"):
        cli._server_options(cli.build_parser().parse_args(["server", "--config", str(path)]))


async def test_sites_over_rest_with_the_current_allocation() -> None:
    async with api_stack(call_timeout=2.0, request_base_report=True) as (server, client):
        sims = [await connected_station(server, cid, 0.1) for cid in ("R1", "R2")]
        try:
            body = {"limit_w": 15000, "stations": ["R1", "R2"], "strategy": "equal"}
            put = await client.put("/sites/yard", json=body)
            assert put.status_code == 200, put.text
            await sims[0].start_transaction()

            async def shared():  # type: ignore[no-untyped-def]
                site = (await client.get("/sites/yard")).json()
                shares = {s["station_id"]: s["allocated_w"] for s in site["allocation"]}
                return site if shares == {"R1": 11040.0, "R2": 0.0} else None

            site = await until(shared, 10)  # R1 takes its EVSE Power maxLimit, no more
            assert (site["limit_w"], site["strategy"], site["allocated_w"]) == (
                15000.0,
                "equal",
                11040.0,
            )
            await sims[1].start_transaction()

            async def both():  # type: ignore[no-untyped-def]
                site = (await client.get("/sites/yard")).json()
                shares = [s["allocated_w"] for s in site["allocation"]]
                return site if shares == [7500.0, 7500.0] else None

            await until(both, 10)
            assert [s["site_id"] for s in (await client.get("/sites")).json()] == ["yard"]
            bad = await client.put("/sites/y2", json={**body, "strategy": "random"})
            assert bad.status_code == 422 and "no allocation strategy" in bad.text
            taken = await client.put("/sites/y2", json={"limit_w": 1, "stations": ["R1"]})
            assert taken.status_code == 422 and "in site 'yard' already" in taken.text
            assert (await client.get("/sites/nope")).status_code == 404
            assert (await client.delete("/sites/yard")).status_code == 204
            assert (await client.get("/sites")).json() == []
        finally:
            for sim in sims:
                await sim.disconnect()


@pytest.fixture(params=BACKENDS)
async def url(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[str]:
    async with database_url(request.param, tmp_path) as address:
        yield address


async def test_sites_are_stored_in_the_database(url: str) -> None:
    """A site put over REST is in the ``sites`` table and back after a restart."""
    body = {"limit_w": 22000, "stations": ["S1", "S2"], "strategy": "needs"}
    async with api_stack(database_url=url) as (_, client):
        assert (await client.put("/sites/kept", json=body)).status_code == 200
        assert (await client.put("/sites/gone", json={**body, "stations": ["S3"]})).is_success
        assert (await client.delete("/sites/gone")).status_code == 204
    async with api_stack(database_url=url) as (_, client):
        sites = (await client.get("/sites")).json()
    assert [(s["site_id"], s["limit_w"], s["stations"], s["strategy"]) for s in sites] == [
        ("kept", 22000.0, ["S1", "S2"], "needs")
    ]
