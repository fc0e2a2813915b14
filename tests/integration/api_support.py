"""Shared by the REST API tests: the CSMS with its REST API on 127.0.0.1 (ephemeral ports), an
HTTP client, simulated stations and a bounded poll."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any

import httpx

from ocppkit.api import ApiServer, create_app
from ocppkit.csms import OCPPServer
from ocppkit.simulator import ChargerSimulator


@asynccontextmanager
async def api_stack(
    app_options: dict[str, Any] | None = None, **server_options: Any
) -> AsyncIterator[tuple[OCPPServer, httpx.AsyncClient]]:
    """An ``OCPPServer`` and its API started, with a client for the API; stopped on exit."""
    options: dict[str, Any] = {"heartbeat_interval": 30, "call_timeout": 1.0, **server_options}
    server = OCPPServer("127.0.0.1", 0, **options)
    # built before any station connects, so the message log sees every link
    app = create_app(server, **(app_options or {}))
    await server.start()
    api = ApiServer(app, "127.0.0.1", 0)
    await api.start()
    try:
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{api.port}", timeout=10) as client:
            yield server, client
    finally:
        await api.stop()
        await server.stop()


async def connected_station(
    server: OCPPServer, charger_id: str, sample_interval: float = 0.2
) -> ChargerSimulator:
    """A simulated station connected to ``server`` and booted."""
    sim = ChargerSimulator(
        charger_id, f"ws://127.0.0.1:{server.port}", sample_interval=sample_interval
    )
    async with asyncio.timeout(10):
        await sim.connect()
    return sim


async def until(predicate: Callable[[], Awaitable[Any]], seconds: float = 5.0) -> Any:
    """Poll ``predicate`` until it returns something truthy; fail after ``seconds``."""
    async with asyncio.timeout(seconds):
        while not (value := await predicate()):  # noqa: ASYNC110 (polling the REST API)
            await asyncio.sleep(0.05)
    return value
