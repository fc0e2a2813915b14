"""OCPP-J framing (OCPP 2.0.1 part 4, section 4): CALL, CALLRESULT and CALLERROR, and OCPP 2.1's
CALLRESULTERROR and SEND.

    CALL             [2, "<messageId>", "<action>", {payload}]
    CALLRESULT       [3, "<messageId>", {payload}]
    CALLERROR        [4, "<messageId>", "<errorCode>", "<errorDescription>", {errorDetails}]
    CALLRESULTERROR  [5, "<messageId>", "<errorCode>", "<errorDescription>", {errorDetails}]  2.1
    SEND             [6, "<messageId>", "<action>", {payload}]                                2.1

A CALLRESULTERROR says a received CALLRESULT could not be used; a SEND gets no reply. Neither is
ever answered. They are parsed only when asked for (``extended=True``, an OCPP 2.1 link); on 1.6
and 2.0.1 links message types 5 and 6 stay unsupported.

Parsing turns text into one of the three frame classes or raises the OCPPError to answer with; it
knows nothing of actions (see ``validation``) or of what is pending (see ``session``).
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from enum import IntEnum
from typing import Any

import orjson

from ocppkit.protocol.errors import (
    MessageTypeNotSupportedError,
    OCPPError,
    RpcFrameworkError,
)

MAX_MESSAGE_ID_LENGTH = 36
UNKNOWN_MESSAGE_ID = "-1"  # used in a CALLERROR when the offending frame's id cannot be read


class MessageType(IntEnum):
    CALL = 2
    CALLRESULT = 3
    CALLERROR = 4
    CALLRESULTERROR = 5  # OCPP 2.1
    SEND = 6  # OCPP 2.1


@dataclass(slots=True, frozen=True)
class Call:
    message_id: str
    action: str
    payload: Any


@dataclass(slots=True, frozen=True)
class CallResult:
    message_id: str
    payload: Any


@dataclass(slots=True, frozen=True)
class CallError:
    message_id: str
    error_code: str
    error_description: str
    error_details: Any = field(default_factory=dict)


@dataclass(slots=True, frozen=True)
class CallResultError:
    """OCPP 2.1: the peer could not use our CALLRESULT ``message_id``."""

    message_id: str
    error_code: str
    error_description: str
    error_details: Any = field(default_factory=dict)


@dataclass(slots=True, frozen=True)
class Send:
    """OCPP 2.1: a message that gets no reply (NotifyPeriodicEventStream)."""

    message_id: str
    action: str
    payload: Any


Frame = Call | CallResult | CallError | CallResultError | Send


class FrameError(RpcFrameworkError):
    """A frame that cannot be used. ``message_id`` is the id to answer with; ``reply`` is False
    when the frame was a CALLRESULT/CALLERROR, which is never answered with a CALLERROR."""

    def __init__(self, error: OCPPError, message_id: str, reply: bool) -> None:
        super().__init__(error.description, error.details)
        self.error = error
        self.message_id = message_id
        self.reply = reply


def json_bytes(value: Any, sort_keys: bool = False) -> bytes:
    """``value`` as compact JSON (orjson), also when it holds an integer beyond 64 bits, which
    orjson refuses and OCPP's schemas allow (they bound no integer): then the standard
    library's encoder writes it.

    Raises:
        TypeError: ``value`` holds something JSON cannot express.
    """
    try:
        return orjson.dumps(value, option=orjson.OPT_SORT_KEYS if sort_keys else None)
    except TypeError:
        return json.dumps(
            value, separators=(",", ":"), ensure_ascii=False, sort_keys=sort_keys
        ).encode()


def new_message_id() -> str:
    """A fresh message id: a UUID4 string, 36 characters."""
    return str(uuid.uuid4())


def encode_call(message_id: str, action: str, payload_json: str) -> str:
    """A CALL frame around a serialised payload (``action`` comes from the action table)."""
    return f'[2,{orjson.dumps(message_id).decode()},"{action}",{payload_json}]'


def encode_call_result(message_id: str, payload_json: str) -> str:
    """A CALLRESULT frame around an already-serialised payload."""
    return f"[3,{orjson.dumps(message_id).decode()},{payload_json}]"


def encode_call_error(
    message_id: str, code: str, description: str = "", details: dict[str, Any] | None = None
) -> str:
    return orjson.dumps([4, message_id, code, description, details or {}]).decode()


def encode_call_result_error(
    message_id: str, code: str, description: str = "", details: dict[str, Any] | None = None
) -> str:
    """An OCPP 2.1 CALLRESULTERROR: the CALLRESULT ``message_id`` could not be used."""
    return orjson.dumps([5, message_id, code, description, details or {}]).decode()


def encode_send(message_id: str, action: str, payload_json: str) -> str:
    """An OCPP 2.1 SEND frame around a serialised payload."""
    return f'[6,{orjson.dumps(message_id).decode()},"{action}",{payload_json}]'


def _fail(error: OCPPError, message_id: str, reply: bool) -> FrameError:
    return FrameError(error, message_id, reply)


def _id_ok(message_id: Any) -> bool:
    return type(message_id) is str and 0 < len(message_id) <= MAX_MESSAGE_ID_LENGTH


def _readable_id(msg: Any) -> str:
    if type(msg) is list and len(msg) > 1 and _id_ok(msg[1]):
        return str(msg[1])
    return UNKNOWN_MESSAGE_ID


def _is_reply(msg: Any, extended: bool = False) -> bool:
    # A CALLRESULT or CALLERROR (and on 2.1 a CALLRESULTERROR or SEND), however malformed, is
    # never answered with a CALLERROR.
    return (
        type(msg) is list
        and len(msg) > 0
        and type(msg[0]) is int
        and (msg[0] in (3, 4) or (extended and msg[0] in (5, 6)))
    )


def parse_frame(text: str | bytes, extended: bool = False) -> Frame:
    """Parse one OCPP-J frame; ``extended``: also OCPP 2.1's CALLRESULTERROR (5) and SEND (6).

    Raises:
        FrameError: wrapping the OCPPError to answer with (RpcFrameworkError,
            MessageTypeNotSupported), the id to answer with, and whether to answer at all.
    """
    try:
        msg = orjson.loads(text)
    except orjson.JSONDecodeError:
        raise _fail(
            RpcFrameworkError("frame is not valid JSON"), UNKNOWN_MESSAGE_ID, True
        ) from None
    if type(msg) is not list or len(msg) < 3:
        raise _fail(
            RpcFrameworkError("frame is not a JSON array of at least 3 elements"),
            _readable_id(msg),
            not _is_reply(msg, extended),
        )
    type_id, message_id = msg[0], msg[1]
    id_ok = _id_ok(message_id)
    reply_id = message_id if id_ok else UNKNOWN_MESSAGE_ID
    if type(type_id) is not int:
        raise _fail(RpcFrameworkError("message type is not an integer"), reply_id, True)
    if type_id not in (2, 3, 4):
        if extended and type_id in (5, 6):
            return _parse_extended(msg, type_id, id_ok)
        raise _fail(
            MessageTypeNotSupportedError(f"message type {type_id} is not supported"), reply_id, True
        )
    if not id_ok:
        raise _fail(
            RpcFrameworkError(
                f"message id must be a string of 1 to {MAX_MESSAGE_ID_LENGTH} characters"
            ),
            UNKNOWN_MESSAGE_ID,
            type_id == MessageType.CALL,
        )
    if type_id == MessageType.CALL:
        if len(msg) != 4 or type(msg[2]) is not str:
            raise _fail(
                RpcFrameworkError("a CALL is [2, messageId, action, payload]"), message_id, True
            )
        return Call(message_id, msg[2], msg[3])
    if type_id == MessageType.CALLRESULT:
        if len(msg) != 3:
            raise _fail(
                RpcFrameworkError("a CALLRESULT is [3, messageId, payload]"), message_id, False
            )
        return CallResult(message_id, msg[2])
    if len(msg) not in (4, 5) or type(msg[2]) is not str:
        raise _fail(
            RpcFrameworkError("a CALLERROR is [4, messageId, errorCode, description, details]"),
            message_id,
            False,
        )
    description = msg[3] if type(msg[3]) is str else str(msg[3])
    return CallError(message_id, msg[2], description, msg[4] if len(msg) == 5 else {})


def _parse_extended(msg: list[Any], type_id: int, id_ok: bool) -> Frame:
    """A CALLRESULTERROR or SEND; a malformed one is reported, never answered."""
    message_id = msg[1] if id_ok else UNKNOWN_MESSAGE_ID
    if not id_ok:
        raise _fail(
            RpcFrameworkError(
                f"message id must be a string of 1 to {MAX_MESSAGE_ID_LENGTH} characters"
            ),
            UNKNOWN_MESSAGE_ID,
            False,
        )
    if type_id == MessageType.SEND:
        if len(msg) != 4 or type(msg[2]) is not str:
            raise _fail(
                RpcFrameworkError("a SEND is [6, messageId, action, payload]"), message_id, False
            )
        return Send(message_id, msg[2], msg[3])
    if len(msg) not in (4, 5) or type(msg[2]) is not str:
        raise _fail(
            RpcFrameworkError(
                "a CALLRESULTERROR is [5, messageId, errorCode, description, details]"
            ),
            message_id,
            False,
        )
    description = msg[3] if type(msg[3]) is str else str(msg[3])
    return CallResultError(message_id, msg[2], description, msg[4] if len(msg) == 5 else {})


class OCPPMessage:
    """The seed's framing API: build and parse OCPP-J frames as JSON text."""

    @staticmethod
    def create_call(action: str, payload: dict[str, Any], message_id: str | None = None) -> str:
        """Return a CALL frame; a fresh message id is made when none is given."""
        return orjson.dumps([2, message_id or new_message_id(), action, payload]).decode()

    @staticmethod
    def create_call_result(message_id: str, payload: dict[str, Any]) -> str:
        """Return the CALLRESULT frame answering ``message_id``."""
        return orjson.dumps([3, message_id, payload]).decode()

    @staticmethod
    def create_call_error(
        message_id: str,
        code: str,
        description: str = "",
        details: dict[str, Any] | None = None,
    ) -> str:
        """Return the CALLERROR frame answering ``message_id``."""
        return encode_call_error(message_id, code, description, details)

    @staticmethod
    def parse_message(text: str | bytes) -> tuple[int, str, str | None, Any]:
        """Parse a frame into ``(message_type, message_id, action, payload)``.

        ``action`` is None for CALLRESULT and CALLERROR; a CALLERROR's payload is
        ``{"errorCode", "errorDescription", "errorDetails"}``.

        Raises:
            FrameError: the frame is not a valid OCPP-J message (see ``parse_frame``).
        """
        frame = parse_frame(text)
        if isinstance(frame, Call):
            return MessageType.CALL, frame.message_id, frame.action, frame.payload
        if isinstance(frame, CallResult):
            return MessageType.CALLRESULT, frame.message_id, None, frame.payload
        assert isinstance(frame, CallError)  # types 5 and 6 are parsed only when extended
        return (
            MessageType.CALLERROR,
            frame.message_id,
            None,
            {
                "errorCode": frame.error_code,
                "errorDescription": frame.error_description,
                "errorDetails": frame.error_details,
            },
        )


__all__ = [
    "MAX_MESSAGE_ID_LENGTH",
    "UNKNOWN_MESSAGE_ID",
    "Call",
    "CallError",
    "CallResult",
    "CallResultError",
    "Frame",
    "FrameError",
    "MessageType",
    "OCPPMessage",
    "Send",
    "encode_call",
    "encode_call_error",
    "encode_call_result",
    "encode_call_result_error",
    "encode_send",
    "json_bytes",
    "new_message_id",
    "parse_frame",
]
