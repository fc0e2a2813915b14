"""ocppkit's errors.

Every CALLERROR concept has one exception class; ``code`` is its OCPP 2.0.1 name. A CALLERROR
received from a peer is raised as the class of its code (every version's spelling is accepted:
FormationViolation, OccurrenceConstraintViolation), and an exception of these classes raised by a
handler is sent under the name the link's version gives it
(``versions.VersionProfile.wire_code``: FormationViolation on 1.6, OccurrenceConstraintViolation
on 2.1).

    OCPPKitError
    ├── OCPPError                          a CALLERROR code (``code``, ``description``, ``details``)
    │   ├── FormatViolationError
    │   ├── ProtocolError
    │   ├── OccurenceConstraintViolationError
    │   ├── TypeConstraintViolationError
    │   ├── PropertyConstraintViolationError
    │   ├── MessageTypeNotSupportedError
    │   ├── RpcFrameworkError
    │   ├── NotImplementedOCPPError
    │   ├── NotSupportedError
    │   ├── SecurityError
    │   ├── InternalError
    │   └── GenericError
    ├── CallTimeoutError                   no reply to a CALL before its deadline
    └── NotConnectedError                  the peer is not connected
"""

from __future__ import annotations

from typing import Any, ClassVar


class OCPPKitError(Exception):
    """Base of every error ocppkit raises."""


class OCPPError(OCPPKitError):
    """An error that travels as a CALLERROR ``[4, id, code, description, details]``."""

    code: ClassVar[str] = "GenericError"

    def __init__(self, description: str = "", details: dict[str, Any] | None = None) -> None:
        super().__init__(description or self.code)
        self.description = description
        self.details: dict[str, Any] = details if details is not None else {}

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.description!r}, {self.details!r})"


class FormatViolationError(OCPPError):
    """The payload is syntactically wrong for the action (e.g. not an object, unknown property).
    OCPP 1.6 names it FormationViolation."""

    code = "FormatViolation"


class ProtocolError(OCPPError):
    """The payload does not conform to the action's structure."""

    code = "ProtocolError"


class OccurenceConstraintViolationError(OCPPError):
    """A required field is missing, or a field occurs more often than allowed.

    OCPP 2.0.1 keeps the one-r spelling of 1.6; 2.1 sends OccurrenceConstraintViolation. Both
    spellings are accepted when received.
    """

    code = "OccurenceConstraintViolation"


class TypeConstraintViolationError(OCPPError):
    """A field has the wrong JSON type."""

    code = "TypeConstraintViolation"


class PropertyConstraintViolationError(OCPPError):
    """A field has an invalid value: out of range, not in the enum, too long."""

    code = "PropertyConstraintViolation"


class MessageTypeNotSupportedError(OCPPError):
    """The message type number is not one of the version's (2-4; 2.1 adds 5 and 6). OCPP 1.6
    has no such code: it ignores the frame."""

    code = "MessageTypeNotSupported"


class RpcFrameworkError(OCPPError):
    """The frame is not a valid RPC message (not a JSON array, unreadable message id...)."""

    code = "RpcFrameworkError"


class NotImplementedOCPPError(OCPPError):
    """The action is not known."""

    code = "NotImplemented"


class NotSupportedError(OCPPError):
    """The action is known but not supported by the receiver."""

    code = "NotSupported"


class SecurityError(OCPPError):
    """A security problem prevents handling, e.g. a CALL before BootNotification was Accepted."""

    code = "SecurityError"


class InternalError(OCPPError):
    """The receiver failed while handling the CALL."""

    code = "InternalError"


class GenericError(OCPPError):
    """Any other error."""

    code = "GenericError"


class CallTimeoutError(OCPPKitError):
    """No CALLRESULT or CALLERROR arrived before the CALL's deadline."""

    def __init__(self, action: str, message_id: str, timeout: float) -> None:
        super().__init__(f"no reply to {action} (id {message_id}) within {timeout:g} s")
        self.action = action
        self.message_id = message_id
        self.timeout = timeout


class NotConnectedError(OCPPKitError):
    """The peer (station or CSMS) is not connected."""


ERROR_CLASSES: dict[str, type[OCPPError]] = {
    cls.code: cls
    for cls in (
        FormatViolationError,
        ProtocolError,
        OccurenceConstraintViolationError,
        TypeConstraintViolationError,
        PropertyConstraintViolationError,
        MessageTypeNotSupportedError,
        RpcFrameworkError,
        NotImplementedOCPPError,
        NotSupportedError,
        SecurityError,
        InternalError,
        GenericError,
    )
}
# Spellings other implementations send: OCPP 2.1's corrected name and OCPP 1.6's typo.
ERROR_CLASSES["OccurrenceConstraintViolation"] = OccurenceConstraintViolationError
ERROR_CLASSES["FormationViolation"] = FormatViolationError


def error_from_code(
    code: str, description: str = "", details: dict[str, Any] | None = None
) -> OCPPError:
    """Build the exception for a received CALLERROR code (unknown codes become GenericError)."""
    cls = ERROR_CLASSES.get(code)
    if cls is None:
        return GenericError(f"{code}: {description}" if description else code, details)
    return cls(description, details)
