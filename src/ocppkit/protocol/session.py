"""The OCPP-J RPC session of one connection, sans I/O.

Text frames go in through ``receive(text, now)``, which returns events; frames to write come out of
``data_to_send()``. The session never reads a clock: deadlines are computed from the ``now`` passed
in, ``next_deadline()`` says when ``handle_timer(now)`` is due (the shape of aioquic's
``get_timer``/``handle_timer``).

A session speaks one OCPP version (``version``, default 2.0.1): that version's models, its
CALLERROR names and its message types (``versions``). On an OCPP 2.1 link a SEND (type 6) is
validated and reported (``SendReceived``), never answered; an invalid CALLRESULT to our CALL is
answered with a CALLRESULTERROR (type 5), and one we receive is reported (``ResultRejected``).
On a 1.6 link a frame of an unknown message type, or whose message id cannot be read, is ignored
(``FrameIgnored``): OCPP-J 1.6 (4.1.3) says to ignore it, and has no id to answer with.

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
    MessageTypeNotSupportedError,
    NotSupportedError,
    OCPPError,
    OCPPKitError,
    error_from_code,
)
from ocppkit.protocol.frames import (
    UNKNOWN_MESSAGE_ID,
    Call,
    CallResult,
    CallResultError,
    FrameError,
    Send,
    encode_call,
    encode_call_error,
    encode_call_result,
    encode_call_result_error,
    encode_send,
    new_message_id,
    parse_frame,
)
from ocppkit.protocol.lenient import Violation, validate_lenient
from ocppkit.protocol.model_base import OcppModel
from ocppkit.protocol.validation import coerce, dump, validate_payload
from ocppkit.protocol.versions import OcppVersion, VersionProfile, profile

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


@dataclass(slots=True, frozen=True)
class SendReceived:
    """OCPP 2.1: a valid SEND from the peer (never answered; ``violations`` as in
    CallReceived)."""

    message_id: str
    action: str
    message: OcppModel
    violations: tuple[Violation, ...] = ()


@dataclass(slots=True, frozen=True)
class SendRejected:
    """OCPP 2.1: a SEND that cannot be used (unknown action, invalid payload). A SEND is never
    answered, so ``error`` is only reported."""

    message_id: str
    action: str
    error: OCPPError


@dataclass(slots=True, frozen=True)
class ResultRejected:
    """OCPP 2.1: the peer sent a CALLRESULTERROR: it could not use our CALLRESULT
    ``message_id``."""

    message_id: str
    error: OCPPError


@dataclass(slots=True, frozen=True)
class FrameIgnored:
    """OCPP 1.6: a frame of an unknown message type, or whose message id cannot be read; not
    answered (OCPP-J 1.6 4.1.3)."""

    message_id: str
    reason: str


Event = (
    CallReceived
    | CallRejected
    | ResultReceived
    | CallFailed
    | UnexpectedReply
    | SendReceived
    | SendRejected
    | ResultRejected
    | FrameIgnored
)


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
        version: the OCPP version of the link (an ``OcppVersion`` or its subprotocol name).
    """

    def __init__(
        self,
        accepts: Iterable[str],
        timeout: float = 30.0,
        new_id: Callable[[], str] = new_message_id,
        lenient: bool = False,
        version: OcppVersion | str = OcppVersion.V201,
    ) -> None:
        self.profile: VersionProfile = profile(version)
        self.version = self.profile.version
        self._models_for = self.profile.models_for
        self._extended = self.profile.has_send
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
        request_model = self._models_for(action)[0]
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

    def send_message(self, action: str, payload: OcppModel | dict[str, Any]) -> str:
        """Send an OCPP 2.1 SEND (message type 6) at once: it gets no reply, so it neither waits
        for nor holds up our CALLs.

        Returns:
            the SEND's message id.

        Raises:
            OCPPError: the action is not a SEND action of this version (NotSupported on 1.6 and
                2.0.1) or the payload is invalid; nothing is sent.
        """
        model = self.profile.send_model(action)
        message = coerce(model, payload, action)
        message_id = self._new_id()
        self._outbox.append(encode_send(message_id, action, dump(message)))
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
        response = coerce(self._models_for(action)[1], payload, f"{action}Response")
        self._outbox.append(encode_call_result(message_id, dump(response)))

    def send_error(self, message_id: str, error: OCPPError) -> None:
        """Answer a CALL with a CALLERROR (the error's code as this version names it)."""
        code = self.profile.wire_code(error)
        self._outbox.append(encode_call_error(message_id, code, error.description, error.details))

    # --- input ---

    def receive(self, text: str | bytes, now: float) -> list[Event]:
        """Take one text frame from the peer and return what it means."""
        try:
            frame = parse_frame(text, self._extended)
        except FrameError as exc:
            if exc.reply:
                if self._ignores(exc):
                    return [FrameIgnored(exc.message_id, exc.error.description)]
                self.send_error(exc.message_id, exc.error)
                return [CallRejected(exc.message_id, None, exc.error)]
            return [UnexpectedReply(exc.message_id, exc.error.description)]
        if type(frame) is Call:
            return [self._receive_call(frame, text)]
        if type(frame) is Send:
            return [self._receive_send(frame, text)]
        if type(frame) is CallResultError:
            return [self._receive_result_error(frame)]
        return self._receive_reply(frame, text, now)

    def _ignores(self, exc: FrameError) -> bool:
        """Whether this version leaves an unusable CALL unanswered (1.6: unknown message type,
        unreadable message id)."""
        prof = self.profile
        if exc.message_id == UNKNOWN_MESSAGE_ID and not prof.answers_unreadable_id:
            return True
        unknown_type = isinstance(exc.error, MessageTypeNotSupportedError)
        return unknown_type and not prof.answers_unknown_message_type

    def _receive_call(self, call: Call, text: str | bytes) -> Event:
        try:
            model = self._models_for(call.action)[0]
            if call.action not in self.accepts:
                raise NotSupportedError(f"{call.action} is not accepted by this side of the link")
            may_have_null = (b"null" in text) if isinstance(text, bytes) else ("null" in text)
            request = validate_payload(model, call.payload, f"{call.action}Request", may_have_null)
        except OCPPError as error:
            if self.lenient and call.action in self.accepts:
                return self._receive_call_leniently(call)
            self.send_error(call.message_id, error)
            return CallRejected(call.message_id, call.action, error)
        return CallReceived(call.message_id, call.action, request)

    def _receive_call_leniently(self, call: Call) -> Event:
        try:
            model = self._models_for(call.action)[0]
            request, violations = validate_lenient(model, call.payload, f"{call.action}Request")
        except OCPPError as error:
            self.send_error(call.message_id, error)
            return CallRejected(call.message_id, call.action, error)
        return CallReceived(call.message_id, call.action, request, tuple(violations))

    def _receive_send(self, send: Send, text: str | bytes) -> Event:
        # A SEND is never answered: what is wrong with it is only reported.
        try:
            model = self.profile.send_model(send.action)
            if send.action not in self.accepts:
                raise NotSupportedError(f"{send.action} is not accepted by this side of the link")
            may_have_null = (b"null" in text) if isinstance(text, bytes) else ("null" in text)
            message = validate_payload(model, send.payload, send.action, may_have_null)
        except OCPPError as error:
            if (
                self.lenient
                and send.action in self.accepts
                and send.action in self.profile.send_actions
            ):
                try:
                    message, violations = validate_lenient(
                        self.profile.send_actions[send.action], send.payload, send.action
                    )
                except OCPPError as lenient_error:
                    return SendRejected(send.message_id, send.action, lenient_error)
                return SendReceived(send.message_id, send.action, message, tuple(violations))
            return SendRejected(send.message_id, send.action, error)
        return SendReceived(send.message_id, send.action, message)

    def _receive_result_error(self, frame: CallResultError) -> Event:
        error = error_from_code(frame.error_code, frame.error_description, _details(frame))
        return ResultRejected(frame.message_id, error)

    def _receive_reply(self, frame: Any, text: str | bytes, now: float) -> list[Event]:
        pending = self._pending
        if pending is None or frame.message_id != pending.message_id:
            return [UnexpectedReply(frame.message_id, "no outstanding CALL has this message id")]
        self._send_next(now)
        event: Event
        if type(frame) is CallResult:
            try:
                may_have_null = (b"null" in text) if isinstance(text, bytes) else ("null" in text)
                model = self._models_for(pending.action)[1]
                what = f"{pending.action}Response"
                response = validate_payload(model, frame.payload, what, may_have_null)
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
                model = self._models_for(pending.action)[1]
                what = f"{pending.action}Response"
                response, violations = validate_lenient(model, payload, what)
            except OCPPError as lenient_error:
                error = lenient_error
            else:
                return ResultReceived(
                    pending.message_id, pending.action, response, tuple(violations)
                )
        if self._extended:  # OCPP 2.1: tell the peer its CALLRESULT could not be used
            code = self.profile.wire_code(error)
            self._outbox.append(
                encode_call_result_error(pending.message_id, code, error.description, error.details)
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
