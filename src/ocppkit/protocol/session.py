"""The OCPP-J RPC session of one connection, sans I/O.

Text frames go in through ``receive(text, now)``, which returns events; frames to write come out of
``data_to_send()``. The session never reads a clock: deadlines are computed from the ``now`` passed
in, ``next_deadline()`` says when ``handle_timer(now)`` is due (the shape of aioquic's
``get_timer``/``handle_timer``).

Rules it enforces (OCPP 2.0.1 part 4):
- at most one CALL of ours is outstanding; further CALLs wait in order and each is sent when the
  previous one got its CALLRESULT or CALLERROR, or timed out;
- a reply is matched to the outstanding CALL by message id; a late or unknown reply is reported
  (``UnexpectedReply``) and dropped;
- a CALL that cannot be used is answered with the CALLERROR code that says why (see
  ``validation``); a CALLRESULT or CALLERROR is never answered with a CALLERROR;
- a lenient session (``lenient = True``) accepts a CALL or CALLRESULT that fails the schema in
  harmless ways (see ``lenient``) and reports the violations on its event.

State machine of our outgoing side::

    idle --send_call--> awaiting reply --CALLRESULT/CALLERROR/deadline--> idle (next queued CALL)
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from ocppkit.protocol.errors import (
    CallTimeoutError,
    NotSupportedError,
    OCPPError,
    OCPPKitError,
    error_from_code,
)
from ocppkit.protocol.frames import (
    Call,
    CallResult,
    FrameError,
    encode_call,
    encode_call_error,
    encode_call_result,
    new_message_id,
    parse_frame,
)
from ocppkit.protocol.lenient import (
    Violation,
    validate_request_lenient,
    validate_response_lenient,
)
from ocppkit.protocol.models import OcppModel
from ocppkit.protocol.validation import (
    coerce,
    dump,
    models_for,
    validate_request,
    validate_response,
)

# --- Events -------------------------------------------------------------------------------------


@dataclass(slots=True, frozen=True)
class CallReceived:
    """A valid CALL from the peer; answer it with ``send_result`` or ``send_error``.
    ``violations``: what a lenient session let through (empty when the CALL was valid)."""

    message_id: str
    action: str
    request: OcppModel
    violations: tuple[Violation, ...] = ()


@dataclass(slots=True, frozen=True)
class CallRejected:
    """A CALL (or unreadable frame) we answered with a CALLERROR ourselves."""

    message_id: str
    action: str | None
    error: OCPPError


@dataclass(slots=True, frozen=True)
class ResultReceived:
    """The valid CALLRESULT to our outstanding CALL (``violations`` as in CallReceived)."""

    message_id: str
    action: str
    response: OcppModel
    violations: tuple[Violation, ...] = ()


@dataclass(slots=True, frozen=True)
class CallFailed:
    """Our CALL got a CALLERROR, an invalid CALLRESULT, or no reply in time (``error``)."""

    message_id: str
    action: str
    error: OCPPKitError


@dataclass(slots=True, frozen=True)
class UnexpectedReply:
    """A reply that matches no outstanding CALL (late, duplicate, unknown) or a malformed one."""

    message_id: str
    reason: str


Event = CallReceived | CallRejected | ResultReceived | CallFailed | UnexpectedReply


@dataclass(slots=True)
class _OutgoingCall:
    message_id: str
    action: str
    frame: str
    timeout: float
    deadline: float = 0.0


class RpcSession:
    """One side of an OCPP-J connection.

    Args:
        accepts: the actions this side answers (the CS->CSMS set for a CSMS); any other known
            action is answered NotSupported, an unknown one NotImplemented.
        timeout: default seconds to wait for a reply to our CALL.
        new_id: message-id factory (injected for reproducible tests).
        lenient: accept payloads that break the schema in harmless ways (settable later).
    """

    def __init__(
        self,
        accepts: Iterable[str],
        timeout: float = 30.0,
        new_id: Callable[[], str] = new_message_id,
        lenient: bool = False,
    ) -> None:
        self.accepts = frozenset(accepts)
        self.lenient = lenient
        self.timeout = timeout
        self._new_id = new_id
        self._outbox: list[str] = []
        self._queue: deque[_OutgoingCall] = deque()
        self._pending: _OutgoingCall | None = None

    # --- our CALLs ---

    def send_call(
        self,
        action: str,
        payload: OcppModel | dict[str, Any],
        now: float,
        timeout: float | None = None,
    ) -> str:
        """Queue a CALL; it goes out at once when no other CALL of ours is outstanding.

        Returns:
            the CALL's message id (its outcome arrives as ResultReceived or CallFailed).

        Raises:
            OCPPError: the action is unknown or the payload is invalid; nothing is queued.
        """
        request_model = models_for(action)[0]
        request = coerce(request_model, payload, f"{action}Request")
        message_id = self._new_id()
        call = _OutgoingCall(
            message_id,
            action,
            encode_call(message_id, action, dump(request)),
            self.timeout if timeout is None else timeout,
        )
        self._queue.append(call)
        if self._pending is None:
            self._send_next(now)
        return message_id

    @property
    def pending_action(self) -> str | None:
        """The action of our outstanding CALL, if any."""
        return self._pending.action if self._pending else None

    def queued(self) -> int:
        """CALLs of ours waiting behind the outstanding one."""
        return len(self._queue)

    def _send_next(self, now: float) -> None:
        if self._queue:
            call = self._queue.popleft()
            call.deadline = now + call.timeout
            self._pending = call
            self._outbox.append(call.frame)
        else:
            self._pending = None

    # --- answering the peer's CALLs ---

    def send_result(
        self, message_id: str, action: str, payload: OcppModel | dict[str, Any]
    ) -> None:
        """Answer a CALL with a CALLRESULT.

        Raises:
            OCPPError: the response payload is invalid (answer with ``send_error`` instead).
        """
        response = coerce(models_for(action)[1], payload, f"{action}Response")
        self._outbox.append(encode_call_result(message_id, dump(response)))

    def send_error(self, message_id: str, error: OCPPError) -> None:
        """Answer a CALL with a CALLERROR."""
        self._outbox.append(
            encode_call_error(message_id, error.code, error.description, error.details)
        )

    # --- input ---

    def receive(self, text: str | bytes, now: float) -> list[Event]:
        """Take one text frame from the peer and return what it means."""
        try:
            frame = parse_frame(text)
        except FrameError as exc:
            if exc.reply:
                self.send_error(exc.message_id, exc.error)
                return [CallRejected(exc.message_id, None, exc.error)]
            return [UnexpectedReply(exc.message_id, exc.error.description)]
        if type(frame) is Call:
            return [self._receive_call(frame, text)]
        return self._receive_reply(frame, text, now)

    def _receive_call(self, call: Call, text: str | bytes) -> Event:
        try:
            models_for(call.action)
            if call.action not in self.accepts:
                raise NotSupportedError(f"{call.action} is not accepted by this side of the link")
            may_have_null = (b"null" in text) if isinstance(text, bytes) else ("null" in text)
            request = validate_request(call.action, call.payload, may_have_null)
        except OCPPError as error:
            if self.lenient and call.action in self.accepts:
                return self._receive_call_leniently(call)
            self.send_error(call.message_id, error)
            return CallRejected(call.message_id, call.action, error)
        return CallReceived(call.message_id, call.action, request)

    def _receive_call_leniently(self, call: Call) -> Event:
        try:
            request, violations = validate_request_lenient(call.action, call.payload)
        except OCPPError as error:
            self.send_error(call.message_id, error)
            return CallRejected(call.message_id, call.action, error)
        return CallReceived(call.message_id, call.action, request, tuple(violations))

    def _receive_reply(self, frame: Any, text: str | bytes, now: float) -> list[Event]:
        pending = self._pending
        if pending is None or frame.message_id != pending.message_id:
            return [UnexpectedReply(frame.message_id, "no outstanding CALL has this message id")]
        self._send_next(now)
        event: Event
        if type(frame) is CallResult:
            try:
                may_have_null = (b"null" in text) if isinstance(text, bytes) else ("null" in text)
                response = validate_response(pending.action, frame.payload, may_have_null)
            except OCPPError as error:
                event = self._invalid_result(pending, frame.payload, error)
            else:
                event = ResultReceived(pending.message_id, pending.action, response)
        else:
            failure = error_from_code(frame.error_code, frame.error_description, _details(frame))
            event = CallFailed(pending.message_id, pending.action, failure)
        return [event]

    def _invalid_result(self, pending: _OutgoingCall, payload: Any, error: OCPPError) -> Event:
        if self.lenient:
            try:
                response, violations = validate_response_lenient(pending.action, payload)
            except OCPPError as lenient_error:
                error = lenient_error
            else:
                return ResultReceived(
                    pending.message_id, pending.action, response, tuple(violations)
                )
        return CallFailed(pending.message_id, pending.action, error)

    # --- time ---

    def next_deadline(self) -> float | None:
        """When ``handle_timer`` must next be called, or None."""
        return self._pending.deadline if self._pending else None

    def handle_timer(self, now: float) -> list[Event]:
        """Expire our outstanding CALL if its deadline has passed."""
        pending = self._pending
        if pending is None or now < pending.deadline:
            return []
        self._send_next(now)
        error = CallTimeoutError(pending.action, pending.message_id, pending.timeout)
        return [CallFailed(pending.message_id, pending.action, error)]

    def cancel_all(self, error: OCPPKitError) -> list[Event]:
        """Fail the outstanding and queued CALLs (the connection is gone)."""
        calls = ([self._pending] if self._pending else []) + list(self._queue)
        self._pending = None
        self._queue.clear()
        return [CallFailed(c.message_id, c.action, error) for c in calls]

    # --- output ---

    def data_to_send(self) -> list[str]:
        """The frames to write, in order; each is returned once."""
        out, self._outbox = self._outbox, []
        return out


def _details(frame: Any) -> dict[str, Any]:
    details = frame.error_details
    return details if isinstance(details, dict) else {"details": details}
