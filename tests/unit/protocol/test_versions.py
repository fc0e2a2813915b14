"""``ocppkit.protocol.versions``: what each OCPP version has, the routing-table check and the
subprotocol choice."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from ocppkit.protocol import models as models_v201
from ocppkit.protocol.errors import (
    FormatViolationError,
    GenericError,
    MessageTypeNotSupportedError,
    NotImplementedOCPPError,
    NotSupportedError,
    OccurenceConstraintViolationError,
    RpcFrameworkError,
)
from ocppkit.protocol.versions import (
    OcppVersion,
    Role,
    RoutingError,
    check_routes,
    profile,
    select_version,
)

ROOT = Path(__file__).resolve().parents[3]

# The CALLERROR codes of each version's table (OCPP-J 1.6 4.2.3; 2.0.1 and 2.1 part 4).
CODES_16 = {
    "NotImplemented",
    "NotSupported",
    "InternalError",
    "ProtocolError",
    "SecurityError",
    "FormationViolation",
    "PropertyConstraintViolation",
    "OccurenceConstraintViolation",
    "TypeConstraintViolation",
    "GenericError",
}
CODES_201 = {
    "FormatViolation",
    "GenericError",
    "InternalError",
    "MessageTypeNotSupported",
    "NotImplemented",
    "NotSupported",
    "OccurenceConstraintViolation",
    "PropertyConstraintViolation",
    "ProtocolError",
    "RpcFrameworkError",
    "SecurityError",
    "TypeConstraintViolation",
}
CODES_21 = (CODES_201 - {"OccurenceConstraintViolation"}) | {"OccurrenceConstraintViolation"}


def test_versions_are_the_websocket_subprotocols() -> None:
    assert [v.value for v in OcppVersion] == ["ocpp1.6", "ocpp2.0.1", "ocpp2.1"]
    assert profile("ocpp2.1") is profile(OcppVersion.V21)
    assert profile(OcppVersion.V16).subprotocol == "ocpp1.6"
    with pytest.raises(ValueError):
        profile("ocpp2.0")


def test_201_profile_is_the_existing_models_module() -> None:
    v201 = profile(OcppVersion.V201)
    assert v201.models is models_v201
    assert dict(v201.actions) == models_v201.ACTIONS
    assert v201.cs_to_csms is models_v201.CS_TO_CSMS
    assert v201.csms_to_cs is models_v201.CSMS_TO_CS


@pytest.mark.parametrize(
    ("version", "codes"),
    [(OcppVersion.V16, CODES_16), (OcppVersion.V201, CODES_201), (OcppVersion.V21, CODES_21)],
)
def test_error_table_per_version(version: OcppVersion, codes: set[str]) -> None:
    assert profile(version).error_codes == codes


def test_wire_names_per_version() -> None:
    v16, v201, v21 = (profile(v) for v in OcppVersion)
    assert v16.wire_code(FormatViolationError()) == "FormationViolation"
    assert v201.wire_code(FormatViolationError()) == "FormatViolation"
    assert v21.wire_code(FormatViolationError()) == "FormatViolation"
    occurrence = OccurenceConstraintViolationError()
    assert [p.wire_code(occurrence) for p in (v16, v201, v21)] == [
        "OccurenceConstraintViolation",
        "OccurenceConstraintViolation",
        "OccurrenceConstraintViolation",
    ]
    assert v16.wire_code(RpcFrameworkError()) == "ProtocolError"
    assert v16.wire_code(MessageTypeNotSupportedError()) == "GenericError"
    assert v16.wire_code(GenericError()) == "GenericError"


def test_message_types_per_version() -> None:
    assert profile(OcppVersion.V16).message_types == {2, 3, 4}
    assert profile(OcppVersion.V201).message_types == {2, 3, 4}
    assert profile(OcppVersion.V21).message_types == {2, 3, 4, 5, 6}
    assert not profile(OcppVersion.V16).answers_unknown_message_type
    assert not profile(OcppVersion.V16).answers_unreadable_id


def test_models_for_per_version() -> None:
    v16, v21 = profile(OcppVersion.V16), profile(OcppVersion.V21)
    request, response = v16.models_for("StartTransaction")
    assert (request.__name__, response.__name__) == (
        "StartTransactionRequest",
        "StartTransactionResponse",
    )
    assert request.__module__ == "ocppkit.protocol.models_v16"
    with pytest.raises(NotImplementedOCPPError):
        v16.models_for("TransactionEvent")
    with pytest.raises(NotSupportedError):
        v21.models_for("NotifyPeriodicEventStream")
    assert v21.send_model("NotifyPeriodicEventStream").__name__ == "NotifyPeriodicEventStream"


def test_directions_per_role() -> None:
    v16 = profile(OcppVersion.V16)
    assert "StartTransaction" in v16.received_by(Role.CSMS)
    assert "RemoteStartTransaction" in v16.received_by("station")
    assert v16.sent_by(Role.STATION) == v16.received_by(Role.CSMS)


# --- routing tables -----------------------------------------------------------------------------


@pytest.mark.parametrize("version", list(OcppVersion))
@pytest.mark.parametrize("role", list(Role))
def test_complete_routing_table_passes(version: OcppVersion, role: Role) -> None:
    check_routes(version, role, sorted(profile(version).received_by(role)))


def test_missing_handler_is_named() -> None:
    handlers = sorted(profile(OcppVersion.V16).received_by(Role.CSMS) - {"StopTransaction"})
    with pytest.raises(RoutingError, match="no handler for StopTransaction"):
        check_routes(OcppVersion.V16, Role.CSMS, handlers)


def test_doubled_handler_is_named() -> None:
    handlers = [*sorted(profile(OcppVersion.V21).received_by(Role.CSMS)), "Heartbeat"]
    with pytest.raises(RoutingError, match="more than one handler for Heartbeat"):
        check_routes(OcppVersion.V21, Role.CSMS, handlers)


def test_action_of_another_version_or_direction_is_refused() -> None:
    csms_21 = sorted(profile(OcppVersion.V21).received_by(Role.CSMS))
    with pytest.raises(RoutingError, match=r"not OCPP 1\.6 actions: TransactionEvent"):
        check_routes(
            OcppVersion.V16,
            Role.CSMS,
            [*profile(OcppVersion.V16).received_by(Role.CSMS), "TransactionEvent"],
        )
    with pytest.raises(RoutingError, match="never received: SetDefaultTariff"):
        check_routes(OcppVersion.V21, Role.CSMS, [*csms_21, "SetDefaultTariff"])


def test_201_csms_table_lacking_21_actions_fails_for_21() -> None:
    handlers = sorted(profile(OcppVersion.V201).received_by(Role.CSMS))
    check_routes(OcppVersion.V201, Role.CSMS, handlers)
    with pytest.raises(RoutingError) as caught:
        check_routes(OcppVersion.V21, Role.CSMS, handlers)
    assert "BatterySwap" in str(caught.value) and "NotifyPeriodicEventStream" in str(caught.value)


def test_a_dict_of_handlers_passes_its_keys() -> None:
    handlers = dict.fromkeys(profile(OcppVersion.V16).received_by(Role.STATION), print)
    check_routes("ocpp1.6", "station", handlers)


# --- the handshake's choice ---------------------------------------------------------------------


def test_station_preference_is_honoured_among_supported() -> None:
    supported = [OcppVersion.V16, OcppVersion.V201, OcppVersion.V21]
    assert select_version(["ocpp2.1", "ocpp2.0.1"], supported) is OcppVersion.V21
    assert select_version(["ocpp2.0.1", "ocpp2.1"], supported) is OcppVersion.V201
    assert select_version(["ocpp2.1", "ocpp1.6"], ["ocpp1.6"]) is OcppVersion.V16


def test_no_common_version_selects_none() -> None:
    assert select_version(["ocpp1.5", "ocpp2.0"], list(OcppVersion)) is None
    assert select_version([], list(OcppVersion)) is None
    assert select_version(["ocpp2.1"], [OcppVersion.V201]) is None


def test_other_versions_models_load_on_first_use_only() -> None:
    code = (
        "import sys\n"
        "import ocppkit.protocol\n"
        "from ocppkit.protocol import RpcSession\n"
        "RpcSession([])\n"
        "assert 'ocppkit.protocol.models_v21' not in sys.modules\n"
        "assert 'ocppkit.protocol.models_v16' not in sys.modules\n"
        "RpcSession([], version='ocpp2.1')\n"
        "assert 'ocppkit.protocol.models_v21' in sys.modules\n"
        "print('ok')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, cwd=ROOT
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"
