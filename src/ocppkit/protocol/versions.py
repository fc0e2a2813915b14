"""The OCPP versions ocppkit speaks, and what each has: the one place to ask.

A connection speaks one version, picked by the WebSocket subprotocol (``OcppVersion`` values are
the subprotocol names). ``profile(version)`` gives that version's ``VersionProfile``: its models
module, the request/response model of each action, the directions, the message types its
framing has and its CALLERROR table. Model modules other than 2.0.1's are imported on first use.

What differs between the versions' RPC framework (OCPP-J 1.6 section 4; OCPP 2.0.1 and 2.1
part 4, section 4):

==========================  ========================  ====================  ======================
                            1.6J                      2.0.1                 2.1
==========================  ========================  ====================  ======================
message types               2, 3, 4                   2, 3, 4               2-4, 5 CALLRESULTERROR,
                                                                            6 SEND
payload syntactically bad   FormationViolation        FormatViolation       FormatViolation
occurrence violation        OccurenceConstraint-      OccurenceConstraint-  OccurrenceConstraint-
                            Violation (sic)           Violation (sic)       Violation
unknown message type        not answered (1.6J        MessageTypeNot-       MessageTypeNot-
                            4.1.3: ignore it)         Supported             Supported
messageId unreadable        not answered (no id to    RpcFrameworkError,    RpcFrameworkError,
                            answer; 1.6 has no "-1")  id "-1"               id "-1"
other malformed CALL        ProtocolError             RpcFrameworkError     RpcFrameworkError
==========================  ========================  ====================  ======================

Every version accepts every spelling when it receives a CALLERROR (``errors.error_from_code``).
The error classes are one per concept (``errors``); ``VersionProfile.wire_code`` names an error
on a link of that version.
"""

from __future__ import annotations

import functools
import importlib
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType, ModuleType

from ocppkit.protocol.errors import (
    ERROR_CLASSES,
    FormatViolationError,
    MessageTypeNotSupportedError,
    NotImplementedOCPPError,
    NotSupportedError,
    OccurenceConstraintViolationError,
    OCPPError,
    OCPPKitError,
    RpcFrameworkError,
)
from ocppkit.protocol.model_base import OcppModel


class OcppVersion(StrEnum):
    """An OCPP version, by its WebSocket subprotocol name."""

    V16 = "ocpp1.6"
    V201 = "ocpp2.0.1"
    V21 = "ocpp2.1"


class Role(StrEnum):
    """The side of a link: the CSMS (central system) or the charging station (charge point)."""

    CSMS = "csms"
    STATION = "station"


class RoutingError(OCPPKitError, ValueError):
    """A routing table does not cover its version's actions exactly (raised at start-up)."""


ActionModels = tuple[type[OcppModel], type[OcppModel]]


@dataclass(frozen=True, slots=True, eq=False)
class VersionProfile:
    """What one OCPP version has. Build it with ``profile(version)``."""

    version: OcppVersion
    label: str  # "OCPP 2.0.1"
    models: ModuleType  # the generated module
    actions: Mapping[str, ActionModels]  # CALL actions -> (request, response)
    send_actions: Mapping[str, type[OcppModel]]  # SEND actions (2.1) -> payload model
    cs_to_csms: frozenset[str]  # actions the station sends (SEND actions included)
    csms_to_cs: frozenset[str]  # actions the CSMS sends
    message_types: frozenset[int]
    wire_codes: Mapping[type[OCPPError], str]  # where this version's name differs from .code
    answers_unreadable_id: bool  # answer a CALL whose id cannot be read, with id "-1"
    answers_unknown_message_type: bool  # answer MessageTypeNotSupported (else ignore)

    @property
    def subprotocol(self) -> str:
        return self.version.value

    @property
    def has_send(self) -> bool:
        """Whether the framing has SEND (6) and CALLRESULTERROR (5)."""
        return 6 in self.message_types

    def models_for(self, action: str) -> ActionModels:
        """The (request, response) models of a CALL action.

        Raises:
            NotImplementedOCPPError: the action is not one of this version's.
            NotSupportedError: the action is a SEND here (it has no response).
        """
        try:
            return self.actions[action]
        except KeyError:
            if action in self.send_actions:
                raise NotSupportedError(
                    f"{action} is sent as a SEND (message type 6), not as a CALL"
                ) from None
            raise NotImplementedOCPPError(f"unknown {self.label} action {action!r}") from None

    def send_model(self, action: str) -> type[OcppModel]:
        """The payload model of a SEND action.

        Raises:
            NotSupportedError: the action is a CALL action, or this version has no SEND.
            NotImplementedOCPPError: the action is not one of this version's.
        """
        try:
            return self.send_actions[action]
        except KeyError:
            if action in self.actions:
                raise NotSupportedError(f"{action} is a CALL action, not a SEND") from None
            raise NotImplementedOCPPError(f"unknown {self.label} action {action!r}") from None

    def wire_code(self, error: OCPPError) -> str:
        """The CALLERROR code that names ``error`` on a link of this version."""
        if self.wire_codes:
            for cls in type(error).__mro__:
                code = self.wire_codes.get(cls)
                if code is not None:
                    return code
        return error.code

    @property
    def error_codes(self) -> frozenset[str]:
        """Every CALLERROR code this version sends."""
        classes = set(ERROR_CLASSES.values())
        if not self.answers_unknown_message_type:
            classes.discard(MessageTypeNotSupportedError)
        return frozenset(self.wire_codes.get(cls, cls.code) for cls in classes)

    def received_by(self, role: Role | str) -> frozenset[str]:
        """The actions ``role`` receives: the CSMS gets the station's, and the other way."""
        return self.cs_to_csms if Role(role) is Role.CSMS else self.csms_to_cs

    def sent_by(self, role: Role | str) -> frozenset[str]:
        """The actions ``role`` sends."""
        return self.csms_to_cs if Role(role) is Role.CSMS else self.cs_to_csms


# version -> (label, models module, answers unreadable id / unknown type, wire codes)
_V16_WIRE_CODES: dict[type[OCPPError], str] = {
    FormatViolationError: "FormationViolation",  # the 1.6J error-code table (sic)
    RpcFrameworkError: "ProtocolError",  # 1.6 has no RpcFrameworkError: a CALL cut short
    MessageTypeNotSupportedError: "GenericError",  # only if a handler raises it
}
_V21_WIRE_CODES: dict[type[OCPPError], str] = {
    OccurenceConstraintViolationError: "OccurrenceConstraintViolation",  # 2.1 part 4 table
}


def profile(version: OcppVersion | str) -> VersionProfile:
    """The profile of a version (an ``OcppVersion`` or its subprotocol name); one per version.

    Raises:
        ValueError: not a version ocppkit speaks.
    """
    return _profile(OcppVersion(version))


@functools.cache
def _profile(version: OcppVersion) -> VersionProfile:
    if version is OcppVersion.V201:
        return _build(version, "OCPP 2.0.1", "models", {}, True)
    if version is OcppVersion.V16:
        return _build(version, "OCPP 1.6", "models_v16", _V16_WIRE_CODES, False)
    return _build(version, "OCPP 2.1", "models_v21", _V21_WIRE_CODES, True)


def _build(
    version: OcppVersion,
    label: str,
    module_name: str,
    wire_codes: dict[type[OCPPError], str],
    two_x: bool,
) -> VersionProfile:
    # Imported on first use: the 2.1 models take a third of a second to build.
    module = importlib.import_module(f"ocppkit.protocol.{module_name}")
    sends: dict[str, type[OcppModel]] = getattr(module, "SEND_ACTIONS", {})
    return VersionProfile(
        version=version,
        label=label,
        models=module,
        actions=MappingProxyType(module.ACTIONS),
        send_actions=MappingProxyType(sends),
        cs_to_csms=module.CS_TO_CSMS,
        csms_to_cs=module.CSMS_TO_CS,
        message_types=frozenset({2, 3, 4, 5, 6} if sends else {2, 3, 4}),
        wire_codes=MappingProxyType(wire_codes),
        answers_unreadable_id=two_x,
        answers_unknown_message_type=two_x,
    )


def check_routes(version: OcppVersion | str, role: Role | str, handlers: Iterable[str]) -> None:
    """Check at start-up that a routing table covers the actions ``role`` receives, exactly.

    ``handlers`` names the action of each registered handler, in registration order (a dict of
    handlers passes its keys). The CSMS must handle every station-sent action of the version
    (SEND actions included), a station every CSMS-sent one.

    Raises:
        RoutingError: naming every action missing, registered twice, not of this version, or
            sent the other way only.
    """
    prof = profile(version)
    role = Role(role)
    names = list(handlers)
    expected = prof.received_by(role)
    known = set(prof.actions) | set(prof.send_actions)
    problems = []
    missing = sorted(expected - set(names))
    if missing:
        problems.append(f"no handler for {', '.join(missing)}")
    doubled = sorted(a for a, n in Counter(names).items() if n > 1)
    if doubled:
        problems.append(f"more than one handler for {', '.join(doubled)}")
    unknown = sorted(set(names) - known)
    if unknown:
        problems.append(f"not {prof.label} actions: {', '.join(unknown)}")
    wrong_way = sorted((set(names) & known) - expected)
    if wrong_way:
        problems.append(f"only sent by the {role.value}, never received: {', '.join(wrong_way)}")
    if problems:
        raise RoutingError(f"{prof.label} {role.value} routing table: {'; '.join(problems)}")


def select_version(
    offered: Iterable[str], supported: Iterable[OcppVersion | str]
) -> OcppVersion | None:
    """The version to speak: the first subprotocol in the station's order of preference
    (``Sec-WebSocket-Protocol``, as offered) that the CSMS is configured for; None when there is
    none (refuse the handshake). Unknown names in ``offered`` are skipped."""
    allowed = {OcppVersion(v) for v in supported}
    for name in offered:
        try:
            version = OcppVersion(name.strip())
        except ValueError:
            continue
        if version in allowed:
            return version
    return None


__all__ = [
    "OcppVersion",
    "Role",
    "RoutingError",
    "VersionProfile",
    "check_routes",
    "profile",
    "select_version",
]
