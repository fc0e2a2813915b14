"""A small scripted CSMS for the simulator's tests: websockets' server + ocppkit's Connection.

It answers every station CALL with a valid response (BootNotification statuses follow a script),
records every frame (``recorder``) and every CALL it received with the loop time, and sends CALLs
to the station that is online. It holds no test itself.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from websockets.asyncio.server import ServerConnection, serve
from wire import FrameRecorder

from ocppkit.protocol.models import ACTIONS, CS_TO_CSMS, OcppModel
from ocppkit.protocol.validation import to_wire_dict
from ocppkit.transport import SUBPROTOCOL, Connection

WAIT = 5.0  # seconds any single wait in these tests may take
TEST_BUDGET = 20.0  # seconds a whole test may take


def bounded(test: Callable[..., Awaitable[None]]) -> Callable[..., Awaitable[None]]:
    """Run an async test inside ``asyncio.timeout(TEST_BUDGET)``."""

    @functools.wraps(test)
    async def run(*args: Any, **kwargs: Any) -> None:
        async with asyncio.timeout(TEST_BUDGET):
            await test(*args, **kwargs)

    return run


@dataclass
class Received:
    """A CALL from the station: on which link, when (loop time), what."""

    link: int
    at: float
    action: str
    payload: dict[str, Any]


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


class ScriptedCSMS:
    """A CSMS for tests. ``boot_statuses`` are answered in turn (the last one repeats)."""

    def __init__(
        self,
        boot_statuses: tuple[str, ...] = ("Accepted",),
        heartbeat_interval: int = 60,
        retry_interval: int = 1,
        authorize_status: str = "Accepted",
    ) -> None:
        self.boot_statuses = list(boot_statuses)
        self.heartbeat_interval = heartbeat_interval
        self.retry_interval = retry_interval
        self.authorize_status = authorize_status
        self.recorder = FrameRecorder()
        self.received: list[Received] = []
        self.links: list[Connection] = []
        self.close_codes: list[int | None] = []
        self.paths: list[str] = []
        self.subprotocols: list[str | None] = []
        self._changed = asyncio.Condition()
        self._server: Any = None
        self.url = ""

    async def __aenter__(self) -> ScriptedCSMS:
        self._server = await serve(
            self._serve,
            "127.0.0.1",
            0,
            subprotocols=[SUBPROTOCOL],
            compression=None,  # type: ignore[list-item]
        )
        port = self._server.sockets[0].getsockname()[1]
        self.url = f"ws://127.0.0.1:{port}/ocpp"
        return self

    async def __aexit__(self, *exc: object) -> None:
        self._server.close()
        async with asyncio.timeout(WAIT):
            await self._server.wait_closed()

    async def _serve(self, ws: ServerConnection) -> None:
        self.paths.append(ws.request.path if ws.request else "")
        self.subprotocols.append(ws.subprotocol)
        link = len(self.links)
        conn = Connection(
            ws, "station", "SERVER", CS_TO_CSMS, lambda a, r: self._answer(link, a, r)
        )
        conn.observers.append(self.recorder)
        self.links.append(conn)
        await self._notify()
        await conn.run()
        self.close_codes.append(ws.close_code)
        await self._notify()

    async def _notify(self) -> None:
        async with self._changed:
            self._changed.notify_all()

    async def _answer(self, link: int, action: str, request: OcppModel) -> dict[str, Any]:
        payload = to_wire_dict(request)
        self.received.append(Received(link, asyncio.get_running_loop().time(), action, payload))
        await self._notify()
        return self.response(action, payload)

    def response(self, action: str, payload: dict[str, Any]) -> dict[str, Any]:
        """The answer to the station's CALL."""
        if action == "BootNotification":
            status = (
                self.boot_statuses.pop(0) if len(self.boot_statuses) > 1 else self.boot_statuses[0]
            )
            interval = self.heartbeat_interval if status == "Accepted" else self.retry_interval
            return {"currentTime": _now(), "interval": interval, "status": status}
        if action == "Heartbeat":
            return {"currentTime": _now()}
        if action == "Authorize":
            return {"idTokenInfo": {"status": self.authorize_status}}
        if action == "SignCertificate":  # TriggerMessage SignChargingStationCertificate (A02)
            return {"status": "Accepted"}
        ACTIONS[action][1].model_validate({})  # every other answer here has no required field
        return {}

    # --- for the tests ---

    def calls(self, action: str | None = None, link: int | None = None) -> list[dict[str, Any]]:
        """Payloads of the station's CALLs, in order, optionally of one action or link."""
        return [
            r.payload
            for r in self.received
            if (action is None or r.action == action) and (link is None or r.link == link)
        ]

    def actions(self, link: int | None = None) -> list[str]:
        return [r.action for r in self.received if link is None or r.link == link]

    async def wait_for(self, predicate: Callable[[], bool], within: float = WAIT) -> None:
        """Wait until ``predicate()`` holds (checked on every frame and link change)."""
        async with asyncio.timeout(within), self._changed:
            await self._changed.wait_for(predicate)

    async def wait_calls(
        self, action: str, count: int = 1, within: float = WAIT
    ) -> list[dict[str, Any]]:
        """Wait for ``count`` CALLs of ``action`` and return all received so far."""
        await self.wait_for(lambda: len(self.calls(action)) >= count, within)
        return self.calls(action)

    @property
    def link(self) -> Connection:
        """The latest link."""
        return self.links[-1]

    async def send(self, action: str, payload: dict[str, Any] | OcppModel) -> OcppModel:
        """Send a CALL to the station on the latest link and return its answer."""
        async with asyncio.timeout(WAIT):
            return await self.link.call(action, payload)

    async def drop(self) -> None:
        """Cut the latest link as a failing network would (no closing handshake)."""
        self.link.ws.transport.abort()  # type: ignore[attr-defined]
