"""A minimal HTTP/1.1 client on asyncio streams, for firmware downloads (L01, L03) and log
uploads (N01): one request per connection, a bounded body, a deadline, no dependency.

Every failure (unreachable host, bad URL, timeout, malformed answer) is a ``TransferError``.
"""

from __future__ import annotations

import asyncio
import ssl
from dataclasses import dataclass
from urllib.parse import urlsplit

from ocppkit.simulator.errors import SimulatorError

MAX_BODY = 64 * 1024 * 1024  # the largest body read (bytes)


class TransferError(SimulatorError):
    """An HTTP transfer failed."""


@dataclass(frozen=True, slots=True)
class HttpResponse:
    """The status code and body of an answer."""

    status: int
    body: bytes

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300


def _target(url: str) -> tuple[str, int, bool, str]:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise TransferError(f"not an http(s) URL: {url!r}")
    tls = parts.scheme == "https"
    try:
        port = parts.port or (443 if tls else 80)
    except ValueError as exc:
        raise TransferError(f"bad port in {url!r}") from exc
    path = parts.path or "/"
    if parts.query:
        path += "?" + parts.query
    return parts.hostname, port, tls, path


async def request(
    method: str,
    url: str,
    body: bytes = b"",
    *,
    timeout: float = 5.0,  # noqa: ASYNC109
) -> HttpResponse:
    """Send one HTTP request and read the answer.

    Raises:
        TransferError: the URL is not http(s), the host cannot be reached, the answer is
            malformed or larger than ``MAX_BODY``, or it all took longer than ``timeout``.
    """
    host, port, tls, path = _target(url)
    head = (
        f"{method} {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n"
        f"User-Agent: ocppkit-simulator\r\nContent-Length: {len(body)}\r\n"
        "Content-Type: application/octet-stream\r\n\r\n"
    )
    try:
        async with asyncio.timeout(timeout):
            context = ssl.create_default_context() if tls else None
            reader, writer = await asyncio.open_connection(host, port, ssl=context)
            try:
                writer.write(head.encode("latin-1") + body)
                await writer.drain()
                return await _read_response(reader)
            finally:
                writer.close()
    except (OSError, TimeoutError, ValueError, asyncio.IncompleteReadError) as exc:
        raise TransferError(f"{method} {url}: {exc!r}") from exc


async def _read_response(reader: asyncio.StreamReader) -> HttpResponse:
    status_line = (await reader.readline()).decode("latin-1").split()
    if len(status_line) < 2 or not status_line[0].startswith("HTTP/"):
        raise TransferError(f"not an HTTP answer: {status_line!r}")
    status = int(status_line[1])
    length: int | None = None
    chunked = False
    while (line := (await reader.readline()).decode("latin-1").strip()) != "":
        name, _, value = line.partition(":")
        name = name.strip().lower()
        if name == "content-length":
            length = int(value.strip())
        elif name == "transfer-encoding":
            chunked = value.strip().lower().endswith("chunked")
    if chunked:  # RFC 9112 6.3: chunked wins over any Content-Length
        return HttpResponse(status, await _read_chunked(reader))
    if length is not None and length > MAX_BODY:
        raise TransferError(f"body of {length} bytes is too large")
    body = await (reader.readexactly(length) if length is not None else reader.read(MAX_BODY))
    return HttpResponse(status, body)


async def _read_chunked(reader: asyncio.StreamReader) -> bytes:
    """A chunked body (RFC 9112 7.1): size lines in hex, each chunk, a zero-size last chunk,
    then optional trailer fields, which are read and dropped."""
    body = bytearray()
    while True:
        size_line = (await reader.readline()).decode("latin-1")
        size = int(size_line.split(";", 1)[0].strip(), 16)  # a chunk extension is ignored
        if size == 0:
            break
        if len(body) + size > MAX_BODY:
            raise TransferError(f"chunked body beyond {MAX_BODY} bytes")
        body += await reader.readexactly(size)
        if await reader.readexactly(2) != b"\r\n":
            raise TransferError("chunk not followed by CRLF")
    while (await reader.readline()).strip():  # trailer fields
        pass
    return bytes(body)
