"""An in-memory websocket pair for Connection tests (``WebSocketLike``: send, recv, close)."""

from __future__ import annotations

import asyncio


class LinkClosed(ConnectionError):
    """The fake link is closed (stands in for websockets.ConnectionClosed)."""


_CLOSE = object()


class FakeWebSocket:
    def __init__(self) -> None:
        self.inbox: asyncio.Queue[str | bytes | object] = asyncio.Queue()
        self.peer: FakeWebSocket | None = None
        self.closed = False
        self.sent: list[str] = []

    async def send(self, message: str) -> None:
        if self.closed or self.peer is None:
            raise LinkClosed("send on a closed link")
        self.sent.append(message)
        await self.peer.inbox.put(message)

    async def recv(self) -> str | bytes:
        message = await self.inbox.get()
        if message is _CLOSE:
            self.closed = True
            raise LinkClosed("link closed")
        assert isinstance(message, str | bytes)
        return message

    async def close(self, code: int = 1000, reason: str = "") -> None:
        if self.closed:
            return
        self.closed = True
        await self.inbox.put(_CLOSE)
        if self.peer is not None:
            await self.peer.inbox.put(_CLOSE)

    async def inject(self, message: str | bytes) -> None:
        """Deliver ``message`` as if the peer had sent it."""
        await self.inbox.put(message)


def fake_pair() -> tuple[FakeWebSocket, FakeWebSocket]:
    a, b = FakeWebSocket(), FakeWebSocket()
    a.peer, b.peer = b, a
    return a, b
