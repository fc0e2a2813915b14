"""G Availability over real sockets: offline detection (G02: a station that sends nothing for
longer than the grace is closed and shown disconnected), and connector statuses (G01)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import timedelta
from typing import Any

import pytest
from test_csms_support import WAIT, FixedClock, RawStation, boot_payload
from websockets.exceptions import ConnectionClosed

from ocppkit.csms import OCPPServer

pytest_plugins = ["test_csms_support"]


@pytest.fixture
async def watched(clock: FixedClock) -> AsyncIterator[OCPPServer]:
    server = OCPPServer("127.0.0.1", 0, clock=clock, heartbeat_interval=60, offline_grace=1.0)
    async with asyncio.timeout(WAIT):
        await server.start()
    yield server
    async with asyncio.timeout(WAIT):
        await server.stop()


async def test_G02_a_silent_station_is_closed_after_the_grace(
    watched: OCPPServer, clock: FixedClock
) -> None:
    events: list[str] = []
    gone = asyncio.Event()

    def listen(kind: str, charger_id: str, data: dict[str, Any]) -> None:
        events.append(f"{kind}:{charger_id}")
        if kind == "disconnected":
            gone.set()

    watched.add_listener(listen)
    station = await RawStation.connect(watched.port)
    await station.result("BootNotification", boot_payload())
    clock.now += timedelta(seconds=2)  # past the 1 s grace, by the CSMS's clock
    with pytest.raises(ConnectionClosed):
        async with asyncio.timeout(WAIT):
            await station.ws.recv()
    async with asyncio.timeout(WAIT):
        await gone.wait()
    assert watched.get_charger_status("CP001")["connection"] == "disconnected"
    assert "unresponsive:CP001" in events


async def test_G02_a_station_that_keeps_talking_stays_connected(
    watched: OCPPServer, clock: FixedClock
) -> None:
    station = await RawStation.connect(watched.port)
    for _ in range(4):
        clock.now += timedelta(seconds=0.6)
        await station.result("Heartbeat", {})
        await asyncio.sleep(0.3)  # the watch runs every 0.25 s
    assert watched.is_connected("CP001")
    await station.close()


def test_G02_the_default_grace_is_twice_the_heartbeat_interval_plus_10_s() -> None:
    assert OCPPServer(heartbeat_interval=30).offline_grace == 70
    assert OCPPServer(offline_grace=None).offline_grace is None


async def test_G01_connector_statuses_are_kept_per_connector(
    csms: OCPPServer, station: RawStation
) -> None:
    for evse, connector, value in [(1, 1, "Available"), (1, 2, "Occupied"), (2, 1, "Faulted")]:
        await station.result(
            "StatusNotification",
            {
                "timestamp": "2025-01-02T03:04:05Z",
                "connectorStatus": value,
                "evseId": evse,
                "connectorId": connector,
            },
        )
    evses = csms.get_charger_status("CP001")["evses"]
    assert [(e["evse_id"], e["status"]) for e in evses] == [(1, "Occupied"), (2, "Faulted")]
    assert [c["status"] for c in evses[0]["connectors"]] == ["Available", "Occupied"]
