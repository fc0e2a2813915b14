"""The OCPP 2.0.1 protocol core, sans I/O: frames, models, validation and the RPC session.

Nothing here imports asyncio, opens a socket or reads a clock.
"""

from ocppkit.protocol import models
from ocppkit.protocol.errors import (
    CallTimeoutError,
    FormatViolationError,
    GenericError,
    InternalError,
    MessageTypeNotSupportedError,
    NotConnectedError,
    NotImplementedOCPPError,
    NotSupportedError,
    OccurenceConstraintViolationError,
    OCPPError,
    OCPPKitError,
    PropertyConstraintViolationError,
    ProtocolError,
    RpcFrameworkError,
    SecurityError,
    TypeConstraintViolationError,
)
from ocppkit.protocol.frames import (
    Call,
    CallError,
    CallResult,
    FrameError,
    MessageType,
    OCPPMessage,
    parse_frame,
)
from ocppkit.protocol.models import ACTIONS, CS_TO_CSMS, CSMS_TO_CS, OcppModel
from ocppkit.protocol.session import (
    CallFailed,
    CallReceived,
    CallRejected,
    ResultReceived,
    RpcSession,
    UnexpectedReply,
)
from ocppkit.protocol.validation import dump, to_wire_dict, validate_request, validate_response

__all__ = [
    "ACTIONS",
    "CSMS_TO_CS",
    "CS_TO_CSMS",
    "Call",
    "CallError",
    "CallFailed",
    "CallReceived",
    "CallRejected",
    "CallResult",
    "CallTimeoutError",
    "FormatViolationError",
    "FrameError",
    "GenericError",
    "InternalError",
    "MessageType",
    "MessageTypeNotSupportedError",
    "NotConnectedError",
    "NotImplementedOCPPError",
    "NotSupportedError",
    "OCPPError",
    "OCPPKitError",
    "OCPPMessage",
    "OccurenceConstraintViolationError",
    "OcppModel",
    "PropertyConstraintViolationError",
    "ProtocolError",
    "ResultReceived",
    "RpcFrameworkError",
    "RpcSession",
    "SecurityError",
    "TypeConstraintViolationError",
    "UnexpectedReply",
    "dump",
    "models",
    "parse_frame",
    "to_wire_dict",
    "validate_request",
    "validate_response",
]
