"""REST API over real sockets: the live event stream (SSE), Prometheus metrics and the protocol
debug log download."""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from websockets.asyncio.client import connect

from ocppkit.api import ApiServer, create_app
from ocppkit.api.routes import events as events_route
from ocppkit.csms import OCPPServer
from ocppkit.logs import PROTOCOL_LOGGER_NAME
from ocppkit.simulator import ChargerSimulator

Stack = tuple[OCPPServer, ApiServer, httpx.AsyncClient]


@pytest.fixture
async def stack(tmp_path: Path) -> AsyncIterator[Stack]:
    server = OCPPServer("127.0.0.1", 0, heartbeat_interval=30, call_timeout=2.0)
    log_file = tmp_path / "protocol.log"
    log_file.write_text("[OCPP-CALL-SEND] Action: Reset, ID: 1\n", encoding="utf-8")
    app = create_app(server, heartbeat_interval=0.2, protocol_log_file=log_file)
    await server.start()
    api = ApiServer(app, "127.0.0.1", 0)
    await api.start()
    async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{api.port}", timeout=10) as client:
        yield server, api, client
    await api.stop()
    await server.stop()


async def _station(server: OCPPServer, charger_id: str = "CP_EV") -> ChargerSimulator:
    sim = ChargerSimulator(charger_id, f"ws://127.0.0.1:{server.port}", sample_interval=0.1)
    async with asyncio.timeout(10):
        await sim.connect()
    return sim


async def _events(response: httpx.Response) -> AsyncIterator[tuple[str, object]]:
    """(kind, data) per event; ("comment", text) per comment line."""
    kind, data = "message", ""
    async for line in response.aiter_lines():
        if line.startswith(":"):
            yield "comment", line[1:].strip()
        elif line.startswith("event: "):
            kind = line[7:]
        elif line.startswith("data: "):
            data = line[6:]
        elif line == "" and data:
            yield kind, json.loads(data)
            kind, data = "message", ""


def _listeners(server: OCPPServer) -> int:
    return len(server.events._listeners)


async def _until(condition, seconds: float = 5.0) -> None:
    async with asyncio.timeout(seconds):
        while True:
            if condition():
                return
            await asyncio.sleep(0.02)


async def test_station_lifecycle_is_streamed_and_the_listener_removed(stack) -> None:
    server, _, client = stack
    baseline = _listeners(server)
    seen: dict[str, dict] = {}
    sim = None
    async with asyncio.timeout(10):
        async with client.stream(
            "GET", "/events", params={"kinds": "connected,booted,status"}
        ) as response:
            assert response.status_code == 200
            assert response.headers["content-type"].startswith("text/event-stream")
            async for kind, data in _events(response):
                if kind == "comment" and sim is None:
                    assert _listeners(server) == baseline + 1
                    sim = await _station(server)
                elif kind != "comment":
                    assert kind in ("connected", "booted", "status")
                    seen.setdefault(kind, data)
                    if len(seen) == 3:
                        break
    assert seen["connected"]["charger_id"] == "CP_EV"
    assert seen["booted"]["vendor"] == "EVBox"
    assert seen["status"]["status"] == "Available"
    await _until(lambda: _listeners(server) == baseline)
    assert sim is not None
    await sim.disconnect()


async def test_frames_only_when_asked_and_filtered_by_station(stack) -> None:
    server, api, client = stack
    frames = []
    sim = other = None
    async with asyncio.timeout(10):
        async with client.stream(
            "GET", "/events", params={"frames": "true", "kinds": "frame", "charger_id": "CP_EV"}
        ) as response:
            async for kind, data in _events(response):
                if kind == "comment" and sim is None:
                    other = await _station(server, "CP_OTHER")
                    sim = await _station(server)
                elif kind == "frame":
                    frames.append(data)
                    if len(frames) == 2:
                        break
    assert {f["charger_id"] for f in frames} == {"CP_EV"}
    call, reply = frames
    assert (call["direction"], call["message_type"], call["action"]) == (
        "in",
        "CALL",
        "BootNotification",
    )
    assert reply["message_type"] == "CALLRESULT" and reply["message_id"] == call["message_id"]
    assert reply["json"][2]["status"] == "Accepted"
    messages = api.app.state.operator.messages
    await _until(lambda: messages.subscriber_count == 0)  # it ends with the stream
    for station in (sim, other):
        assert station is not None
        await station.disconnect()


async def test_heartbeats_while_idle(stack) -> None:
    _, _, client = stack
    comments = 0
    async with asyncio.timeout(5):
        async with client.stream("GET", "/events") as response:
            async for kind, _ in _events(response):
                assert kind == "comment"
                comments += 1
                if comments == 3:  # connected + two heartbeats
                    break


async def test_overflow_drops_oldest_and_says_lagged(stack, monkeypatch) -> None:
    server, _, client = stack
    monkeypatch.setattr(events_route, "QUEUE_SIZE", 2)
    got: list[tuple[str, object]] = []
    async with asyncio.timeout(5):
        async with client.stream("GET", "/events", params={"kinds": "status"}) as response:
            async for kind, data in _events(response):
                if kind == "comment":
                    if not got:
                        for n in range(10):  # one burst, faster than any client drains
                            server.events.emit("status", "CP_Z", {"n": n})
                    continue
                got.append((kind, data))
                if len(got) == 3:
                    break
    assert got[0] == ("lagged", {"dropped": 8})
    assert [d["n"] for _, d in got[1:]] == [8, 9]


async def test_unknown_kind_is_422(stack) -> None:
    _, _, client = stack
    response = await client.get("/events", params={"kinds": "status,gossip"})
    assert response.status_code == 422
    assert response.json()["code"] == "invalid_parameter" and "gossip" in response.json()["detail"]


async def test_open_streams_end_when_the_api_stops(stack) -> None:
    server, api, client = stack
    baseline = _listeners(server)
    async with asyncio.timeout(10):
        async with client.stream("GET", "/events") as response:
            stopping = None
            async for _kind, _data in _events(response):
                if stopping is None:
                    stopping = asyncio.create_task(api.stop())
            await stopping
    assert _listeners(server) == baseline


async def test_metrics_exposition(stack) -> None:
    server, _, client = stack
    sim = await _station(server)
    assert (
        await client.post("/chargers/CP_EV/trigger", json={"requested_message": "Heartbeat"})
    ).status_code == 200
    url = f"ws://127.0.0.1:{server.port}/CP_RAW"
    async with connect(url, subprotocols=["ocpp2.0.1"]) as ws:
        await ws.send('[2,"x1","Teleport",{}]')
        async with asyncio.timeout(5):
            assert "NotImplemented" in await ws.recv()
    started = await client.post("/chargers/CP_EV/start", json={"evse_id": 1})
    assert started.json()["status"] == "Accepted"

    async def scrape() -> str | None:
        text = (await client.get("/metrics")).text
        return (
            text
            if "ocppkit_transactions_active 1" in text
            and "ocppkit_energy_delivered_wh_total 0.0" not in text
            else None
        )

    async with asyncio.timeout(8):
        while True:
            if (text := await scrape()) is not None:
                break
            await asyncio.sleep(0.05)
    response = await client.get("/metrics")
    assert response.headers["content-type"].startswith("text/plain; version=0.0.4")
    lines = text.splitlines()
    assert "ocppkit_stations_connected 1" in lines
    assert 'ocppkit_frames_total{direction="in",action="BootNotification"} 1' in lines
    assert 'ocppkit_callerrors_total{code="NotImplemented"} 1' in lines
    assert 'ocppkit_reply_latency_seconds_count{action="TriggerMessage"} 1' in lines
    assert 'ocppkit_reply_latency_seconds_bucket{action="TriggerMessage",le="+Inf"} 1' in lines
    assert "# TYPE ocppkit_reply_latency_seconds histogram" in lines
    energy = next(line for line in lines if line.startswith("ocppkit_energy_delivered_wh_total"))
    assert float(energy.split()[1]) > 0
    await sim.disconnect()


async def test_protocol_log_download(stack) -> None:
    _, _, client = stack
    response = await client.get("/logs/protocol")
    assert response.status_code == 200
    assert "[OCPP-CALL-SEND]" in response.text
    assert "protocol.log" in response.headers["content-disposition"]


async def test_protocol_log_not_configured_is_404(monkeypatch) -> None:
    monkeypatch.setattr(logging.getLogger(PROTOCOL_LOGGER_NAME), "level", logging.WARNING)
    server = OCPPServer("127.0.0.1", 0)
    api = ApiServer(create_app(server), "127.0.0.1", 0)
    await api.start()
    try:
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{api.port}", timeout=10) as c:
            response = await c.get("/logs/protocol")
    finally:
        await api.stop()
    assert response.status_code == 404
    assert response.json()["code"] == "protocol_log_not_configured"
    assert "OCPP_PROTOCOL_DEBUG" in response.json()["detail"]
