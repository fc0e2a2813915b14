"""The asyncio pump around one ``RpcSession``: one reader, handler tasks, timers, the debug log.

Used by both the CSMS (``side="SERVER"``) and the simulator (``side="CHARGER"``). The reader never
waits for a handler: each CALL from the peer is handled in its own tracked task, so a handler may
itself ``await call(...)`` towards the same peer (the reply is read meanwhile) and a slow handler
never stops replies from being read.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any, Protocol

import orjson

from ocppkit.logs import FrameLogger
from ocppkit.protocol.errors import (
    InternalError,
    NotConnectedError,
    OCPPError,
    OCPPKitError,
    RpcFrameworkError,
)
from ocppkit.protocol.lenient import Violation
from ocppkit.protocol.models import OcppModel
from ocppkit.protocol.session import (
    CallFailed,
    CallReceived,
    CallRejected,
    Event,
    ResultReceived,
    RpcSession,
    UnexpectedReply,
)
from ocppkit.protocol.versions import OcppVersion

log = logging.getLogger("ocppkit.transport")

Handler = Callable[[str, OcppModel], Awaitable[OcppModel | dict[str, Any]]]
FrameObserver = Callable[[str, str], None]  # (direction "in"/"out", raw text)
ViolationObserver = Callable[[str, tuple[Violation, ...]], None]  # (action, violations)


LimitObserver = Callable[[str], None]  # the name of the limit hit
CLOSE_MESSAGE_TOO_BIG = 1009  # websockets closes so on a frame over its max_size


class TooManyCallsError(OCPPKitError):
    """Our CALLs to the peer are queued up to ``max_pending_calls``: this one is not sent."""


class RateLimit(Protocol):
    """A message-rate limiter (``ocppkit.security.limits.TokenBucket`` fits)."""

    def take(self, now: float) -> float: ...


class WebSocketLike(Protocol):
    """What Connection needs of a websocket (websockets' asyncio connections fit)."""

    async def send(self, message: str) -> None: ...
    async def recv(self) -> str | bytes: ...
    async def close(self, code: int = 1000, reason: str = "") -> None: ...


class Connection:
    """An OCPP-J link to one peer.

    Args:
        ws: an open websocket.
        identity: the station identity (for logs).
        side: "SERVER" (we are the CSMS) or "CHARGER" (we are a station).
        accepts: the actions we answer.
        handler: ``await handler(action, request_model)`` returns the response (model or wire
            dict) or raises OCPPError to answer with a CALLERROR.
        timeout: default seconds to wait for the peer's reply to our CALL.
        lenient: accept the peer's payloads that break the schema in harmless ways; each
            violation is logged at WARNING and passed to ``on_violations``.
        rate: the peer's messages are read no faster than this limiter allows (backpressure).
        max_pending_calls: the peer's CALLs handled at once (more get RpcFrameworkError) and
            our CALLs queued towards it (more raise ``TooManyCallsError``); None: no bound.
        on_limit: called with the limit's name ("message_rate", "max_pending_calls") each time
            one is hit.
        version: the OCPP version the link speaks (its negotiated subprotocol).
    """

    def __init__(
        self,
        ws: WebSocketLike,
        identity: str,
        side: str,
        accepts: frozenset[str],
        handler: Handler,
        timeout: float = 30.0,
        lenient: bool = False,
        rate: RateLimit | None = None,
        max_pending_calls: int | None = None,
        on_limit: LimitObserver | None = None,
        version: OcppVersion | str = OcppVersion.V201,
    ) -> None:
        self.ws = ws
        self._rate = rate
        self._max_pending = max_pending_calls
        self._on_limit = on_limit
        self._handling = 0
        self._limits_logged: set[str] = set()
        self.identity = identity
        self.session = RpcSession(accepts, timeout, lenient=lenient, version=version)
        self.on_violations: ViolationObserver | None = None
        self._handler = handler
        self._flog = FrameLogger(identity, side)
        self._waiters: dict[str, asyncio.Future[OcppModel]] = {}
        self._tasks: set[asyncio.Task[None]] = set()
        self._timer: asyncio.TimerHandle | None = None
        self._timer_at: float | None = None
        self._loop = asyncio.get_running_loop()
        self._closed = False
        self.observers: list[FrameObserver] = []
        self._write_lock = asyncio.Lock()
        self._answering: dict[str, str] = {}  # message id -> action, only while debug logging

    @property
    def closed(self) -> bool:
        return self._closed

    @property
    def lenient(self) -> bool:
        """Whether the peer's payloads are validated leniently (takes effect at once)."""
        return self.session.lenient

    @lenient.setter
    def lenient(self, value: bool) -> None:
        self.session.lenient = value

    # --- running ---

    async def run(self) -> None:
        """Read frames until the websocket closes; then fail what is pending and stop handlers."""
        try:
            rate = self._rate
            while True:
                text = await self.ws.recv()
                if rate is not None:
                    wait = rate.take(self._loop.time())
                    if wait:
                        self._limit_hit("message_rate")
                        await asyncio.sleep(wait)
                await self._on_text(text)
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # websockets.ConnectionClosed and transport errors end the link
            log.debug("[%s] link ended: %r", self.identity, exc)
            sent = getattr(exc, "sent", None)  # the close frame websockets sent, if any
            if sent is not None and sent.code == CLOSE_MESSAGE_TOO_BIG:
                self._limit_hit("max_frame_bytes")
        finally:
            await self._shutdown()

    async def _shutdown(self) -> None:
        self._closed = True
        if self._timer:
            self._timer.cancel()
        self._dispatch(self.session.cancel_all(NotConnectedError(f"{self.identity}: link closed")))
        tasks = list(self._tasks)
        for task in tasks:
            task.cancel()
        if tasks:
            await asyncio.gather(*tasks, return_exceptions=True)

    async def drain(self, timeout: float) -> bool:  # noqa: ASYNC109 (a bound, not a deadline)
        """Wait up to ``timeout`` seconds for the peer's CALLs being handled to be answered
        (before a graceful close); True when none is left."""
        tasks = list(self._tasks)
        if tasks:
            await asyncio.wait(tasks, timeout=timeout)
        return all(task.done() for task in tasks)

    async def close(self, code: int = 1000, reason: str = "") -> None:
        """Close the websocket cleanly (``run`` then returns)."""
        await self.ws.close(code, reason)

    # --- our CALLs ---

    async def call(
        self,
        action: str,
        payload: OcppModel | dict[str, Any],
        timeout: float | None = None,  # noqa: ASYNC109 (a per-CALL deadline)
    ) -> OcppModel:
        """Send a CALL and wait for its reply; CALLs queue in order behind an outstanding one.

        Returns:
            the peer's response, validated, as the action's response model.

        Raises:
            OCPPError: the payload is invalid (nothing sent), or the peer answered a CALLERROR
                (the class of its code), or its CALLRESULT was invalid.
            CallTimeoutError: no reply within the timeout.
            NotConnectedError: the link is closed, or closed before the reply.
        """
        if self._closed:
            raise NotConnectedError(f"{self.identity} is not connected")
        if self._max_pending is not None and self.session.queued() >= self._max_pending:
            self._limit_hit("max_pending_calls")
            raise TooManyCallsError(
                f"{self.identity}: {self._max_pending} CALLs already wait for the station"
            )
        message_id = self.session.send_call(action, payload, self._loop.time(), timeout)
        future: asyncio.Future[OcppModel] = self._loop.create_future()
        self._waiters[message_id] = future
        await self._flush()
        return await future

    # --- input ---

    async def _on_text(self, text: str | bytes) -> None:
        debug = self._flog.enabled()
        if debug:
            self._flog.raw_received(text)
        for observer in self.observers:
            observer("in", text if isinstance(text, str) else text.decode("utf-8", "replace"))
        events = self.session.receive(text, self._loop.time())
        if debug:
            self._log_received(events, text)
        self._dispatch(events)
        await self._flush()

    def _dispatch(self, events: list[Event]) -> None:
        for event in events:
            if isinstance(event, CallReceived):
                if self._max_pending is not None and self._handling >= self._max_pending:
                    self._limit_hit("max_pending_calls")
                    self.session.send_error(
                        event.message_id,
                        RpcFrameworkError(f"more than {self._max_pending} CALLs in progress"),
                    )
                    continue
                if event.violations:
                    self._violations(event.action, event.violations)
                self._handling += 1
                task = self._loop.create_task(self._handle(event))
                self._tasks.add(task)
                task.add_done_callback(self._tasks.discard)
            elif isinstance(event, ResultReceived | CallFailed):
                if isinstance(event, ResultReceived) and event.violations:
                    self._violations(event.action, event.violations)
                future = self._waiters.pop(event.message_id, None)
                if future is not None and not future.done():
                    if isinstance(event, ResultReceived):
                        future.set_result(event.response)
                    else:
                        future.set_exception(event.error)
            elif isinstance(event, CallRejected):
                log.warning(
                    "[%s] rejected a frame with %s: %s",
                    self.identity,
                    event.error.code,
                    event.error.description,
                )
            elif isinstance(event, UnexpectedReply):
                log.warning(
                    "[%s] dropped a reply (id %s): %s",
                    self.identity,
                    event.message_id,
                    event.reason,
                )

    def _violations(self, action: str, violations: tuple[Violation, ...]) -> None:
        for violation in violations:
            log.warning(
                "[%s] %s breaks the schema (accepted, lenient): %s: %s, %s %r",
                self.identity,
                action,
                violation.field,
                violation.rule,
                violation.repair,
                violation.value,
            )
        if self.on_violations is not None:
            self.on_violations(action, violations)

    def _limit_hit(self, name: str) -> None:
        if name not in self._limits_logged:  # once per link and limit: a flood is not a log flood
            self._limits_logged.add(name)
            log.warning("[%s] limit hit: %s", self.identity, name)
        if self._on_limit is not None:
            self._on_limit(name)

    async def _handle(self, event: CallReceived) -> None:
        try:
            await self._answer(event)
        finally:
            self._handling -= 1

    async def _answer(self, event: CallReceived) -> None:
        if self._flog.enabled():
            self._answering[event.message_id] = event.action
        try:
            response = await self._handler(event.action, event.request)
        except OCPPError as error:
            self.session.send_error(event.message_id, error)
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            log.exception("[%s] handler for %s failed", self.identity, event.action)
            self._send_internal_error(event, f"{event.action} handler failed: {exc}")
        else:
            try:
                self.session.send_result(event.message_id, event.action, response)
            except OCPPError as error:
                # Our own response is invalid: our failure, not the peer's request's.
                log.error("[%s] invalid %s response: %s", self.identity, event.action, error)
                self._send_internal_error(event, f"invalid {event.action} response")
        await self._flush()

    def _send_internal_error(self, event: CallReceived, description: str) -> None:
        self.session.send_error(event.message_id, InternalError(description[:200]))

    # --- output ---

    async def _flush(self) -> None:
        # Frames are taken from the session under the write lock, so frames produced later are
        # written later even when several tasks flush at once (asyncio.Lock is FIFO).
        async with self._write_lock:
            frames = self.session.data_to_send()
            self._arm_timer()
            debug = self._flog.enabled() if frames else False
            for frame in frames:
                if debug:
                    self._log_sent(frame)
                for observer in self.observers:
                    observer("out", frame)
                try:
                    await self.ws.send(frame)
                except Exception as exc:
                    log.debug("[%s] send failed: %r", self.identity, exc)
                    return

    # --- timers ---

    def _arm_timer(self) -> None:
        deadline = self.session.next_deadline()
        if deadline == self._timer_at:
            return
        if self._timer:
            self._timer.cancel()
        self._timer_at = deadline
        self._timer = None if deadline is None else self._loop.call_at(deadline, self._on_timer)

    def _on_timer(self) -> None:
        self._timer = self._timer_at = None
        self._dispatch(self.session.handle_timer(self._loop.time()))
        task = self._loop.create_task(self._flush())
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    # --- debug log (only called when protocol debug is on) ---

    def _log_sent(self, frame: str) -> None:
        self._flog.raw_sent(frame)
        msg = orjson.loads(frame)
        if msg[0] == 2:
            self._flog.call("SEND", msg[2], msg[1], msg[3])
        elif msg[0] == 3:
            self._flog.result("SEND", self._answering.pop(msg[1], None), msg[1], msg[2])
        else:
            self._answering.pop(msg[1], None)
            self._flog.error("SEND", msg[1], msg[2], msg[3], msg[4])

    def _log_received(self, events: list[Event], text: str | bytes) -> None:
        try:
            msg = orjson.loads(text)
        except orjson.JSONDecodeError:
            return
        for event in events:
            if isinstance(event, CallReceived | CallRejected) and event.action:
                self._flog.call("RECV", event.action, event.message_id, msg[3])
            elif isinstance(event, ResultReceived):
                self._flog.result("RECV", event.action, event.message_id, msg[2])
            elif isinstance(event, CallFailed) and isinstance(event.error, OCPPError):
                if msg[0] == 4:
                    self._flog.error("RECV", event.message_id, msg[2], msg[3], event.error.details)
                else:
                    self._flog.result("RECV", event.action, event.message_id, msg[2])
