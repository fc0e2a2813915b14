"""Connections: lenient subprotocol lists (raw socket handshakes), station identities refused
at the handshake, a lingering old socket replaced, graceful shutdown."""

from __future__ import annotations

import asyncio
import base64
import dataclasses
import os
from typing import Any

import pytest
from test_csms_support import WAIT, FixedClock, RawStation
from websockets.exceptions import ConnectionClosed

from ocppkit.csms import OCPPServer
from ocppkit.protocol.versions import OcppVersion

pytest_plugins = ["test_csms_support"]


async def raw_handshake(
    port: int, path: str, protocol_header: str | None
) -> tuple[str, asyncio.StreamReader, asyncio.StreamWriter]:
    """Open a TCP connection, send an upgrade request exactly as given, return the response
    head (and the streams, left open)."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    key = base64.b64encode(os.urandom(16)).decode()
    lines = [
        f"GET {path} HTTP/1.1",
        f"Host: 127.0.0.1:{port}",
        "Upgrade: websocket",
        "Connection: Upgrade",
        f"Sec-WebSocket-Key: {key}",
        "Sec-WebSocket-Version: 13",
    ]
    if protocol_header is not None:
        lines.append(f"Sec-WebSocket-Protocol: {protocol_header}")
    writer.write(("\r\n".join(lines) + "\r\n\r\n").encode())
    await writer.drain()
    async with asyncio.timeout(WAIT):
        head = (await reader.readuntil(b"\r\n\r\n")).decode()
    return head, reader, writer


@pytest.mark.parametrize(
    ("header", "chosen"),
    [
        (",ocpp2.0.1", "ocpp2.0.1"),
        (" ocpp2.0.1 , ocpp1.6", "ocpp2.0.1"),
        ("ocpp1.6,,ocpp2.0.1,", "ocpp1.6"),  # the station's first choice, also offered here
        ("ocpp1.6 ocpp2.0.1", "ocpp1.6"),
        ("ocpp1.6; ocpp2.0.1", "ocpp1.6"),
        ("ocpp1.5; ocpp2.0.1", "ocpp2.0.1"),
    ],
)
async def test_stray_separators_in_the_subprotocol_list_still_match(
    csms: OCPPServer, header: str, chosen: str
) -> None:
    head, _, writer = await raw_handshake(csms.port, "/CP001", header)
    assert head.startswith("HTTP/1.1 101"), head
    assert f"Sec-WebSocket-Protocol: {chosen}\r\n" in head
    writer.close()


@pytest.mark.parametrize(
    "path",
    ["/" + "A" * 49, "/" + "%41" * 49, "/CP%2F1", "/CP%201", "/CP%FF", "/CP%23", "/caf%C3%A9", "/"],
)
async def test_invalid_identities_are_refused_at_the_handshake(csms: OCPPServer, path: str) -> None:
    head, _, writer = await raw_handshake(csms.port, path, "ocpp2.0.1")
    assert head.startswith("HTTP/1.1 400"), head
    writer.close()
    assert csms.list_chargers() == []


@pytest.mark.parametrize(
    ("path", "identity"),
    [
        ("/" + "%41" * 48, "A" * 48),
        ("/ocpp/CP%2A%3A%7C%40", "CP*:|@"),
        ("/a-b_c=d+e.f", "a-b_c=d+e.f"),
    ],
)
async def test_percent_encoded_valid_identities_are_accepted(
    csms: OCPPServer, path: str, identity: str
) -> None:
    head, _, writer = await raw_handshake(csms.port, path, "ocpp2.0.1")
    assert head.startswith("HTTP/1.1 101"), head
    connected = asyncio.Event()
    csms.add_listener(lambda kind, cid, _data: connected.set() if cid == identity else None)
    if not csms.is_connected(identity):
        async with asyncio.timeout(WAIT):
            await connected.wait()
    writer.close()


async def test_reconnect_replaces_an_old_socket_that_never_closes(csms: OCPPServer) -> None:
    head, _, old_writer = await raw_handshake(csms.port, "/CP001", "ocpp2.0.1")
    assert head.startswith("HTTP/1.1 101")
    # The old socket is never read from again, and never answers a close frame.
    new = await RawStation.connect(csms.port)
    assert "currentTime" in await new.result("Heartbeat", {})
    assert csms.is_connected("CP001")
    await new.close()
    old_writer.close()


async def slow_heartbeats(server: OCPPServer, seconds: float) -> None:
    """Make the Heartbeat handler take ``seconds`` (a handler still running at shutdown)."""
    router = server._versions.routers[OcppVersion.V201]
    route = router.routes["Heartbeat"]

    async def slow(charger: Any, request: Any) -> Any:
        await asyncio.sleep(seconds)
        return await route.handler(charger, request)

    router.routes = {**router.routes, "Heartbeat": dataclasses.replace(route, handler=slow)}


async def test_stop_lets_handlers_finish_then_closes_1001(clock: FixedClock) -> None:
    server = OCPPServer("127.0.0.1", 0, clock=clock)
    await server.start()
    await slow_heartbeats(server, 0.3)
    station = await RawStation.connect(server.port)
    await station.ws.send('[2, "hb", "Heartbeat", {}]')
    await asyncio.sleep(0.05)
    await server.stop()
    assert (await station.recv())[:2] == [3, "hb"]  # answered before the close
    with pytest.raises(ConnectionClosed):
        await station.recv()
    assert station.ws.close_code == 1001


async def test_stop_cancels_handlers_beyond_the_grace(clock: FixedClock) -> None:
    server = OCPPServer("127.0.0.1", 0, clock=clock, shutdown_grace=0.1)
    await server.start()
    await slow_heartbeats(server, 30)
    station = await RawStation.connect(server.port)
    await station.ws.send('[2, "hb", "Heartbeat", {}]')
    await asyncio.sleep(0.05)
    async with asyncio.timeout(2):
        await server.stop()
    with pytest.raises(ConnectionClosed):
        await station.recv()
    assert station.ws.close_code == 1001
