"""Live events as Server-Sent Events: ``GET /events``.

Each client gets a bounded queue fed synchronously by the CSMS's event listener (and the message
log's frame subscription when ``frames=true``); on overflow the oldest events are dropped and a
``lagged`` event says how many. A comment line is sent every ``heartbeat_interval`` seconds so
proxies keep the stream open. The stream ends when the client disconnects or the API stops, and
its listener and subscription are removed then.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections import deque
from collections.abc import AsyncIterator
from typing import Annotated, Any

import orjson
from fastapi import APIRouter, Query, Request
from fastapi.responses import StreamingResponse

from ocppkit.api.deps import ApiError, Operator, OperatorDep
from ocppkit.api.schemas import error_responses
from ocppkit.csms.message_log import MESSAGE_TYPES, LoggedFrame
from ocppkit.protocol.frames import json_bytes

router = APIRouter(tags=["events"])
EVENT_KINDS = frozenset(
    {
        "connected",
        "disconnected",
        "booted",
        "status",
        "transaction",
        "meter_values",
        "unresponsive",
        "command",
        "notification",
        "frame",
    }
)
QUEUE_SIZE = 1000


class Subscription:
    """One client's bounded queue of (kind, data); data is a dict or a ``LoggedFrame``."""

    def __init__(self, station_id: str | None, kinds: frozenset[str], size: int = QUEUE_SIZE):
        self.charger_id, self.kinds, self.size = station_id, kinds, size
        self.queue: deque[tuple[str, Any]] = deque()
        self.ready = asyncio.Event()
        self.dropped = 0

    def _push(self, kind: str, data: Any) -> None:
        if len(self.queue) >= self.size:
            self.queue.popleft()
            self.dropped += 1
        self.queue.append((kind, data))
        self.ready.set()

    def on_event(self, kind: str, station_id: str, data: dict[str, Any]) -> None:
        if kind in self.kinds and self.charger_id in (None, station_id):
            self._push(kind, {"charger_id": station_id, **data})

    def on_frame(self, frame: LoggedFrame) -> None:
        if self.charger_id in (None, frame.charger_id):
            self._push("frame", frame)


def _format(kind: str, data: Any) -> bytes:
    if isinstance(data, LoggedFrame):
        try:
            payload: Any = orjson.loads(data.text)
        except orjson.JSONDecodeError:
            payload = data.text
        data = {
            "charger_id": data.charger_id,
            "direction": data.direction,
            "message_type": MESSAGE_TYPES.get(data.message_type or 0),
            "action": data.action,
            "message_id": data.message_id,
            "json": payload,
        }
    return b"event: " + kind.encode() + b"\ndata: " + json_bytes(data) + b"\n\n"


async def _disconnected(request: Request) -> None:
    while (await request.receive())["type"] != "http.disconnect":
        pass


async def _stream(
    operator: Operator, sub: Subscription, frames: bool, request: Request
) -> AsyncIterator[bytes]:
    # Subscribed here, not in the endpoint: a stream never iterated then leaves nothing behind.
    operator.server.add_listener(sub.on_event)
    if frames:
        operator.messages.subscribe(sub.on_frame)
    gone = asyncio.ensure_future(_disconnected(request))
    closing = asyncio.ensure_future(operator.closing.wait())
    try:
        yield b"retry: 3000\n: connected\n\n"
        while not (gone.done() or closing.done()):
            if sub.dropped:
                yield _format("lagged", {"dropped": sub.dropped})
                sub.dropped = 0
            while sub.queue:
                yield _format(*sub.queue.popleft())
            sub.ready.clear()
            waiter = asyncio.ensure_future(sub.ready.wait())
            try:
                done, _ = await asyncio.wait(
                    {waiter, gone, closing},
                    timeout=operator.heartbeat_interval,
                    return_when=asyncio.FIRST_COMPLETED,
                )
            finally:
                waiter.cancel()
            if not done:
                yield b": heartbeat\n\n"
    finally:
        operator.server.remove_listener(sub.on_event)
        operator.messages.unsubscribe(sub.on_frame)
        for task in (gone, closing):
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task


@router.get(
    "/events",
    responses={
        **error_responses(422),
        200: {
            "content": {
                "text/event-stream": {
                    "example": 'event: status\ndata: {"charger_id":"CP_1","evse_id":1,'
                    '"connector_id":1,"status":"Occupied","timestamp":"2026-01-01T00:00:00Z"}\n\n'
                }
            },
            "description": "an endless text/event-stream",
        },
    },
    response_class=StreamingResponse,
    summary="Live CSMS events as Server-Sent Events",
    description="`event: <kind>` + `data: <json>` per event. Kinds: connected, disconnected, "
    "booted, status, transaction, meter_values, unresponsive, command (a command sent, "
    "answered or failed: {event: sent|answered|failed, ...the command as in "
    "`/chargers/{id}/commands`}), notification (a station notification as in "
    "`/chargers/{id}/notifications`: security and monitoring events, firmware/log status "
    "(its `command_id` names the command whose progress it moved), ...), frame (only "
    "with `frames=true`: {charger_id, direction, message_type, action, message_id, json}), "
    "and `lagged` {dropped} when this client fell behind and events were dropped. "
    "`charger_id` keeps one station's events, `kinds` the listed kinds.",
)
async def events(
    operator: OperatorDep,
    request: Request,
    charger_id: Annotated[str | None, Query(max_length=255)] = None,
    kinds: Annotated[
        str | None, Query(description="comma-separated kinds; default all", max_length=200)
    ] = None,
    frames: Annotated[bool, Query(description="include every OCPP frame")] = False,
) -> StreamingResponse:
    wanted = EVENT_KINDS if kinds is None else frozenset(k.strip() for k in kinds.split(",") if k)
    unknown = wanted - EVENT_KINDS
    if unknown:
        raise ApiError(
            422,
            "invalid_parameter",
            f"kinds: unknown {sorted(unknown)}; known: {sorted(EVENT_KINDS)}",
        )
    sub = Subscription(charger_id, wanted, QUEUE_SIZE)
    return StreamingResponse(
        _stream(operator, sub, frames and "frame" in wanted, request),
        media_type="text/event-stream",
        headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
    )
