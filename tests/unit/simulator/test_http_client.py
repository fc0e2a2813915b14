"""The simulator's HTTP client against a local server: plain, Content-Length and chunked bodies
(firmware servers often answer chunked), errors as TransferError."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable

import pytest

from ocppkit.simulator.http_client import TransferError, request

Serve = Callable[[bytes], Awaitable[str]]


@pytest.fixture
async def serve() -> AsyncIterator[Serve]:
    """Start a one-shot server answering ``raw`` bytes; yields a function returning its URL."""
    servers: list[asyncio.Server] = []

    async def start(raw: bytes) -> str:
        async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            await reader.readuntil(b"\r\n\r\n")
            writer.write(raw)
            await writer.drain()
            writer.close()

        server = await asyncio.start_server(handle, "127.0.0.1", 0)
        servers.append(server)
        return f"http://127.0.0.1:{server.sockets[0].getsockname()[1]}/fw.bin"

    yield start
    for server in servers:
        server.close()
        await server.wait_closed()


@pytest.mark.parametrize(
    ("raw", "body"),
    [
        (b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello", b"hello"),
        (b"HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nuntil close", b"until close"),
        (
            b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
            b"5\r\nhello\r\n7;ext=1\r\n, world\r\n0\r\nX-Trailer: 1\r\n\r\n",
            b"hello, world",
        ),
        (
            b"HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\nContent-Length: 99\r\n\r\n"
            b"3\r\nabc\r\n0\r\n\r\n",
            b"abc",
        ),
    ],
)
async def test_bodies(serve: Serve, raw: bytes, body: bytes) -> None:
    url = await serve(raw)
    async with asyncio.timeout(5):
        answer = await request("GET", url)
    assert answer.ok and answer.body == body


@pytest.mark.parametrize(
    "raw",
    [
        b"SMTP ready\r\n\r\n",
        b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
        b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhelloXX0\r\n\r\n",
        b"HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort",
    ],
)
async def test_malformed_answers_are_transfer_errors(serve: Serve, raw: bytes) -> None:
    url = await serve(raw)
    with pytest.raises(TransferError):
        async with asyncio.timeout(5):
            await request("GET", url)
