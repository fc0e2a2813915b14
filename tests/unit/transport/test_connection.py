"""Connection: the asyncio pump around an RpcSession, over an in-memory websocket pair (and once
over real websockets on 127.0.0.1). Every wait is bounded by ``asyncio.timeout``."""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

import pytest
from fake_ws import FakeWebSocket, fake_pair
from wire import FrameRecorder

from ocppkit.protocol.errors import (
    CallTimeoutError,
    InternalError,
    NotConnectedError,
    NotImplementedOCPPError,
    OccurenceConstraintViolationError,
    OCPPError,
    SecurityError,
)
from ocppkit.protocol.models import (
    CS_TO_CSMS,
    CSMS_TO_CS,
    BootNotificationResponse,
    ClearCacheResponse,
    GetVariablesResponse,
    HeartbeatResponse,
    OcppModel,
)
from ocppkit.transport import SUBPROTOCOL, Connection

NOW = "2024-05-01T12:00:00Z"
BOOT = {"reason": "PowerUp", "chargingStation": {"model": "M1", "vendorName": "V"}}
GET_VARIABLES = {
    "getVariableData": [
        {"component": {"name": "OCPPCommCtrlr"}, "variable": {"name": "HeartbeatInterval"}}
    ]
}
WAIT = 5.0  # seconds: generous bound for steps that take milliseconds

Reply = OcppModel | dict[str, Any]
HandlerFn = Callable[[str, OcppModel], Awaitable[Reply]]


async def csms_default(action: str, request: OcppModel) -> Reply:
    if action == "Heartbeat":
        return HeartbeatResponse(current_time=NOW)
    if action == "BootNotification":
        return {"currentTime": NOW, "interval": 300, "status": "Accepted"}
    raise NotImplementedOCPPError(action)


async def station_default(action: str, request: OcppModel) -> Reply:
    if action == "ClearCache":
        return ClearCacheResponse(status="Accepted")
    if action == "GetVariables":
        return {
            "getVariableResult": [
                {
                    "attributeStatus": "Accepted",
                    "attributeValue": "300",
                    "component": {"name": "OCPPCommCtrlr"},
                    "variable": {"name": "HeartbeatInterval"},
                }
            ]
        }
    raise NotImplementedOCPPError(action)


@dataclass
class Link:
    csms: Connection
    station: Connection
    csms_ws: FakeWebSocket
    station_ws: FakeWebSocket
    recorder: FrameRecorder = field(default_factory=FrameRecorder)
    runs: list[asyncio.Task[None]] = field(default_factory=list)


@asynccontextmanager
async def link(
    csms_handler: HandlerFn = csms_default,
    station_handler: HandlerFn = station_default,
    reply_timeout: float = 30.0,
) -> AsyncIterator[Link]:
    """A CSMS Connection and a station Connection joined by a fake websocket pair."""
    csms_ws, station_ws = fake_pair()
    csms = Connection(csms_ws, "CS001", "SERVER", CS_TO_CSMS, csms_handler, reply_timeout)
    station = Connection(station_ws, "CS001", "CHARGER", CSMS_TO_CS, station_handler, reply_timeout)
    pair = Link(csms, station, csms_ws, station_ws)
    station.observers.append(pair.recorder)  # the station's view: "out" = station -> CSMS
    async with asyncio.TaskGroup() as group:
        pair.runs = [group.create_task(csms.run()), group.create_task(station.run())]
        try:
            yield pair
        finally:
            await station_ws.close()
            async with asyncio.timeout(WAIT):
                await asyncio.gather(*pair.runs)


async def test_call_and_result_over_the_link() -> None:
    async with link() as pair, asyncio.timeout(WAIT):
        response = await pair.station.call("Heartbeat", {})
        assert isinstance(response, HeartbeatResponse)
        assert response.current_time == NOW
        boot = await pair.station.call("BootNotification", BOOT)
        assert isinstance(boot, BootNotificationResponse) and boot.interval == 300
    assert pair.recorder.assert_all_valid() == 4


async def test_handler_that_calls_the_same_peer_completes() -> None:
    """A CSMS answering BootNotification may first query the station (no deadlock)."""
    seen: list[OcppModel] = []

    async def csms_handler(action: str, request: OcppModel) -> Reply:
        if action == "BootNotification":
            seen.append(await pair.csms.call("GetVariables", GET_VARIABLES))
        return await csms_default(action, request)

    async with link(csms_handler=csms_handler) as pair, asyncio.timeout(WAIT):
        boot = await pair.station.call("BootNotification", BOOT)
        assert isinstance(boot, BootNotificationResponse)
        assert len(seen) == 1 and isinstance(seen[0], GetVariablesResponse)
    pair.recorder.assert_all_valid()


async def test_slow_handler_does_not_stop_replies_to_our_call() -> None:
    release = asyncio.Event()

    async def station_handler(action: str, request: OcppModel) -> Reply:
        await release.wait()  # ClearCache takes "forever"
        return await station_default(action, request)

    async with link(station_handler=station_handler) as pair, asyncio.timeout(WAIT):
        clear_cache = asyncio.create_task(pair.csms.call("ClearCache", {}))
        await asyncio.sleep(0)
        heartbeat = await pair.station.call("Heartbeat", {})  # read while ClearCache waits
        assert isinstance(heartbeat, HeartbeatResponse)
        assert not clear_cache.done()
        release.set()
        assert isinstance(await clear_cache, ClearCacheResponse)


async def test_handler_raising_an_ocpp_error_answers_that_call_error() -> None:
    async def station_handler(action: str, request: OcppModel) -> Reply:
        raise SecurityError("not before boot", {"requirement": "boot first"})

    async with link(station_handler=station_handler) as pair, asyncio.timeout(WAIT):
        with pytest.raises(SecurityError) as caught:
            await pair.csms.call("ClearCache", {})
    assert caught.value.description == "not before boot"
    assert caught.value.details == {"requirement": "boot first"}
    frames = [m for d, m in pair.recorder.parsed() if d == "out"]
    assert frames[-1][2:] == ["SecurityError", "not before boot", {"requirement": "boot first"}]


async def test_handler_crash_answers_internal_error_and_the_link_survives(
    caplog: pytest.LogCaptureFixture,
) -> None:
    calls = 0

    async def station_handler(action: str, request: OcppModel) -> Reply:
        nonlocal calls
        calls += 1
        if calls == 1:
            raise ValueError("disk full")
        return await station_default(action, request)

    with caplog.at_level(logging.ERROR, logger="ocppkit.transport"):
        async with link(station_handler=station_handler) as pair, asyncio.timeout(WAIT):
            with pytest.raises(InternalError) as caught:
                await pair.csms.call("ClearCache", {})
            assert "disk full" in caught.value.description
            assert isinstance(await pair.csms.call("ClearCache", {}), ClearCacheResponse)
    assert "handler for ClearCache failed" in caplog.text


async def test_invalid_handler_response_is_answered_with_a_call_error() -> None:
    async def station_handler(action: str, request: OcppModel) -> Reply:
        return {"status": "Maybe"}

    async with link(station_handler=station_handler) as pair, asyncio.timeout(WAIT):
        with pytest.raises(OCPPError):
            await pair.csms.call("ClearCache", {})
    assert [m[0] for d, m in pair.recorder.parsed() if d == "out"] == [4]


async def test_invalid_handler_response_is_our_internal_error() -> None:
    async def station_handler(action: str, request: OcppModel) -> Reply:
        return {"status": "Maybe"}

    async with link(station_handler=station_handler) as pair, asyncio.timeout(WAIT):
        with pytest.raises(InternalError):
            await pair.csms.call("ClearCache", {})


async def test_invalid_payload_raises_before_anything_is_sent() -> None:
    async with link() as pair, asyncio.timeout(WAIT):
        with pytest.raises(OccurenceConstraintViolationError):
            await pair.station.call("BootNotification", {"reason": "PowerUp"})
    assert pair.recorder.frames == []


async def test_no_reply_raises_call_timeout_error_and_the_next_call_proceeds() -> None:
    async def csms_handler(action: str, request: OcppModel) -> Reply:
        if action == "BootNotification":
            await asyncio.Event().wait()  # never answers
        return await csms_default(action, request)

    async with link(csms_handler=csms_handler) as pair, asyncio.timeout(WAIT):
        boot = asyncio.create_task(pair.station.call("BootNotification", BOOT, timeout=0.05))
        heartbeat = asyncio.create_task(pair.station.call("Heartbeat", {}))
        with pytest.raises(CallTimeoutError) as caught:
            await boot
        assert caught.value.action == "BootNotification" and caught.value.timeout == 0.05
        assert isinstance(await heartbeat, HeartbeatResponse)


async def test_calls_are_sent_one_at_a_time_in_order() -> None:
    async with link() as pair, asyncio.timeout(WAIT):
        results = await asyncio.gather(*(pair.station.call("Heartbeat", {}) for _ in range(5)))
    assert all(isinstance(r, HeartbeatResponse) for r in results)
    kinds = [(d, m[0]) for d, m in pair.recorder.parsed()]
    assert kinds == [("out", 2), ("in", 3)] * 5  # each CALL waits for the previous reply


async def test_link_closing_fails_pending_calls_with_not_connected_error() -> None:
    async def csms_handler(action: str, request: OcppModel) -> Reply:
        await asyncio.Event().wait()
        raise AssertionError("unreachable")

    async with link(csms_handler=csms_handler) as pair, asyncio.timeout(WAIT):
        first = asyncio.create_task(pair.station.call("Heartbeat", {}))
        queued = asyncio.create_task(pair.station.call("Heartbeat", {}))
        await asyncio.sleep(0.01)
        await pair.csms_ws.close()
        for task in (first, queued):
            with pytest.raises(NotConnectedError):
                await task
        await asyncio.gather(*pair.runs)
        assert pair.station.closed and pair.csms.closed
        with pytest.raises(NotConnectedError):
            await pair.station.call("Heartbeat", {})


async def test_closing_cancels_running_handlers() -> None:
    started, cancelled = asyncio.Event(), asyncio.Event()

    async def csms_handler(action: str, request: OcppModel) -> Reply:
        started.set()
        try:
            await asyncio.Event().wait()
        except asyncio.CancelledError:
            cancelled.set()
            raise
        raise AssertionError("unreachable")

    async with link(csms_handler=csms_handler) as pair, asyncio.timeout(WAIT):
        call = asyncio.create_task(pair.station.call("Heartbeat", {}))
        await started.wait()
        await pair.station.close()
        await asyncio.gather(*pair.runs)
        assert cancelled.is_set()
        with pytest.raises(NotConnectedError):
            await call


async def test_unreadable_frame_is_answered_with_message_id_minus_one() -> None:
    async with link() as pair, asyncio.timeout(WAIT):
        await pair.csms_ws.inject("this is not OCPP")
        await pair.csms_ws.inject('[3,"nobody-asked",{}]')  # dropped, never answered
        await pair.station.call("Heartbeat", {})  # a round trip: the frames above were handled
    answers = [json.loads(f) for f in pair.csms_ws.sent]
    assert answers[0][:3] == [4, "-1", "RpcFrameworkError"]
    assert [a[0] for a in answers] == [4, 3]


async def test_unexpected_reply_is_logged_and_dropped(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="ocppkit.transport"):
        async with link() as pair, asyncio.timeout(WAIT):
            await pair.station_ws.inject('[3,"nobody-asked",{}]')
            await pair.station.call("Heartbeat", {})
    assert "dropped a reply (id nobody-asked)" in caplog.text


async def test_over_real_websockets_on_localhost() -> None:
    from websockets.asyncio.client import connect
    from websockets.asyncio.server import ServerConnection, serve

    served: list[Connection] = []

    async def on_station(ws: ServerConnection) -> None:
        assert ws.subprotocol == SUBPROTOCOL
        connection = Connection(ws, "CS001", "SERVER", CS_TO_CSMS, csms_default)
        served.append(connection)
        await connection.run()

    async with asyncio.timeout(WAIT):
        async with serve(on_station, "127.0.0.1", 0, subprotocols=[SUBPROTOCOL]) as server:
            port = server.sockets[0].getsockname()[1]
            async with connect(f"ws://127.0.0.1:{port}/CS001", subprotocols=[SUBPROTOCOL]) as ws:
                station = Connection(ws, "CS001", "CHARGER", CSMS_TO_CS, station_default)
                reader = asyncio.create_task(station.run())
                assert isinstance(await station.call("Heartbeat", {}), HeartbeatResponse)
                assert isinstance(await served[0].call("ClearCache", {}), ClearCacheResponse)
                await station.close()
                await reader
    assert station.closed


class _SlowFirstSendWs:
    """A websocket whose first send is slow; records frames when a send completes."""

    def __init__(self) -> None:
        self.sent: list[str] = []

    async def send(self, message: str) -> None:
        await asyncio.sleep(0.05 if not self.sent and "first" in message else 0)
        self.sent.append(message)

    async def recv(self) -> str:
        await asyncio.Event().wait()
        raise AssertionError("unreachable")

    async def close(self, code: int = 1000, reason: str = "") -> None:
        return None


async def test_frames_are_written_in_the_order_they_were_produced() -> None:
    from ocppkit.protocol.errors import GenericError
    from ocppkit.protocol.models import CS_TO_CSMS
    from ocppkit.transport import Connection

    async def never(action: str, request: OcppModel) -> Reply:
        raise AssertionError("no CALL expected")

    ws = _SlowFirstSendWs()
    conn = Connection(ws, "CP1", "SERVER", CS_TO_CSMS, never)
    conn.session.send_error("first", GenericError("one"))
    first = asyncio.create_task(conn._flush())
    await asyncio.sleep(0)  # the first flush is now inside its slow send
    conn.session.send_error("second", GenericError("two"))
    async with asyncio.timeout(WAIT):
        await asyncio.gather(first, conn._flush())
    assert [json.loads(m)[1] for m in ws.sent] == ["first", "second"]
