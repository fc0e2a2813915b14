"""RpcSession per OCPP version: the same exact-CALLERROR guarantees as 2.0.1, with each
version's error names (1.6: FormationViolation, OccurenceConstraintViolation; 2.1:
OccurrenceConstraintViolation) and message types (2.1: CALLRESULTERROR 5 and SEND 6)."""

from __future__ import annotations

import itertools
import json
from typing import Any

import pytest

from ocppkit.protocol.errors import (
    FormatViolationError,
    NotImplementedOCPPError,
    NotSupportedError,
    OccurenceConstraintViolationError,
    PropertyConstraintViolationError,
    TypeConstraintViolationError,
)
from ocppkit.protocol.session import (
    CallFailed,
    CallReceived,
    CallRejected,
    FrameIgnored,
    ResultReceived,
    ResultRejected,
    RpcSession,
    SendReceived,
    SendRejected,
    UnexpectedReply,
)
from ocppkit.protocol.versions import OcppVersion, Role, profile

T0 = 1000.0
NOW = "2024-01-01T00:00:00Z"
BOOT16 = {"chargePointVendor": "V", "chargePointModel": "M1"}
BOOT2X = {"reason": "PowerUp", "chargingStation": {"model": "M1", "vendorName": "V"}}
STREAM = {"id": 1, "pending": 0, "basetime": NOW, "data": [{"t": 0.5, "v": "230.1"}]}


def _ids() -> Any:
    counter = itertools.count(1)
    return lambda: f"id-{next(counter)}"


def session(version: OcppVersion, role: Role = Role.CSMS) -> RpcSession:
    """The ``role`` side of a link: it answers what the other side sends."""
    return RpcSession(profile(version).received_by(role), new_id=_ids(), version=version)


def call(action: str, payload: Any, message_id: str = "m1") -> str:
    return json.dumps([2, message_id, action, payload])


def answers(s: RpcSession) -> list[list[Any]]:
    return [json.loads(frame) for frame in s.data_to_send()]


def error_code(s: RpcSession, text: str) -> str:
    s.receive(text, T0)
    (frame,) = answers(s)
    assert frame[0] == 4, frame
    return str(frame[2])


# --- OCPP 1.6 -----------------------------------------------------------------------------------


def test_v16_boot_notification_is_received_and_answered() -> None:
    csms = session(OcppVersion.V16)
    (event,) = csms.receive(call("BootNotification", BOOT16), T0)
    assert isinstance(event, CallReceived)
    assert event.request.charge_point_vendor == "V"  # type: ignore[attr-defined]
    csms.send_result(
        "m1", "BootNotification", {"status": "Accepted", "currentTime": NOW, "interval": 300}
    )
    assert answers(csms) == [[3, "m1", {"status": "Accepted", "currentTime": NOW, "interval": 300}]]


@pytest.mark.parametrize(
    ("action", "payload", "code"),
    [
        ("BootNotification", [BOOT16], "FormationViolation"),  # not an object
        ("BootNotification", {**BOOT16, "extra": 1}, "FormationViolation"),  # unknown property
        ("BootNotification", {"chargePointVendor": "V"}, "OccurenceConstraintViolation"),
        ("BootNotification", {**BOOT16, "chargePointModel": 5}, "TypeConstraintViolation"),
        (
            "BootNotification",
            {**BOOT16, "chargePointModel": "x" * 21},
            "PropertyConstraintViolation",
        ),
        (
            "StatusNotification",
            {"connectorId": 1, "errorCode": "NoError", "status": "Idle"},
            "PropertyConstraintViolation",
        ),
        (
            "StartTransaction",
            {"connectorId": 1.0, "idTag": "T", "meterStart": 0, "timestamp": NOW},
            "TypeConstraintViolation",
        ),
        ("MeterValues", {"connectorId": 1, "meterValue": []}, "OccurenceConstraintViolation"),
        ("TransactionEvent", {}, "NotImplemented"),  # 2.0.1 only
        ("RemoteStartTransaction", {"idTag": "T"}, "NotSupported"),  # central system -> CP
    ],
)
def test_v16_bad_call_gets_the_16_error_name(action: str, payload: Any, code: str) -> None:
    assert error_code(session(OcppVersion.V16), call(action, payload)) == code


def test_v16_handler_errors_are_sent_with_16_names() -> None:
    csms = session(OcppVersion.V16)
    csms.send_error("m1", FormatViolationError("bad"))
    csms.send_error("m2", OccurenceConstraintViolationError("missing"))
    assert [f[2] for f in answers(csms)] == ["FormationViolation", "OccurenceConstraintViolation"]


@pytest.mark.parametrize(
    "text",
    [
        '[7, "m1", "Heartbeat", {}]',  # unknown message type: ignored (OCPP-J 1.6 4.1.3)
        '[6, "m1", "Heartbeat", {}]',  # no SEND in 1.6
        '[5, "m1", "GenericError", "", {}]',  # no CALLRESULTERROR in 1.6
        "not json",  # no message id to answer with
        '[2, 42, "Heartbeat", {}]',  # message id unreadable
        '[2, "' + "x" * 37 + '", "Heartbeat", {}]',  # id longer than 36 characters
    ],
)
def test_v16_unknown_message_types_and_unreadable_ids_are_ignored(text: str) -> None:
    csms = session(OcppVersion.V16)
    (event,) = csms.receive(text, T0)
    assert isinstance(event, FrameIgnored)
    assert csms.data_to_send() == []


def test_v16_malformed_call_with_a_readable_id_gets_protocol_error() -> None:
    csms = session(OcppVersion.V16)
    (event,) = csms.receive('[2, "m1", "Heartbeat"]', T0)
    assert isinstance(event, CallRejected)
    assert answers(csms) == [
        [4, "m1", "ProtocolError", "a CALL is [2, messageId, action, payload]", {}]
    ]


def test_v16_start_transaction_round_trip_with_integer_transaction_id() -> None:
    cp = session(OcppVersion.V16, Role.STATION)
    start = {"connectorId": 1, "idTag": "TAG", "meterStart": 1200, "timestamp": NOW}
    message_id = cp.send_call("StartTransaction", start, T0)
    assert answers(cp) == [[2, message_id, "StartTransaction", start]]
    result = {"transactionId": 42, "idTagInfo": {"status": "Accepted"}}
    (event,) = cp.receive(json.dumps([3, message_id, result]), T0 + 1)
    assert isinstance(event, ResultReceived)
    assert event.response.transaction_id == 42  # type: ignore[attr-defined]


def test_v16_received_error_names_map_to_the_concepts() -> None:
    cp = session(OcppVersion.V16, Role.STATION)
    for code, cls in [
        ("FormationViolation", FormatViolationError),
        ("OccurenceConstraintViolation", OccurenceConstraintViolationError),
        ("PropertyConstraintViolation", PropertyConstraintViolationError),
    ]:
        message_id = cp.send_call("Heartbeat", {}, T0)
        cp.data_to_send()
        (event,) = cp.receive(json.dumps([4, message_id, code, "", {}]), T0)
        assert isinstance(event, CallFailed) and type(event.error) is cls


def test_v16_invalid_result_is_not_answered() -> None:
    cp = session(OcppVersion.V16, Role.STATION)
    message_id = cp.send_call("Heartbeat", {}, T0)
    cp.data_to_send()
    (event,) = cp.receive(json.dumps([3, message_id, {"currentTime": 5}]), T0)
    assert isinstance(event, CallFailed)
    assert isinstance(event.error, TypeConstraintViolationError)
    assert cp.data_to_send() == []


# --- OCPP 2.0.1: types 5 and 6 stay unsupported -----------------------------------------------


@pytest.mark.parametrize(
    "text", ['[6, "m1", "NotifyPeriodicEventStream", {}]', '[5, "m1", "GenericError", "", {}]']
)
def test_v201_message_types_5_and_6_get_message_type_not_supported(text: str) -> None:
    csms = session(OcppVersion.V201)
    csms.receive(text, T0)
    (frame,) = answers(csms)
    assert frame[:3] == [4, "m1", "MessageTypeNotSupported"]


def test_v201_missing_field_keeps_the_one_r_spelling() -> None:
    csms = session(OcppVersion.V201)
    assert error_code(csms, call("BootNotification", {"reason": "PowerUp"})) == (
        "OccurenceConstraintViolation"
    )


def test_v201_send_message_is_not_supported() -> None:
    with pytest.raises(NotImplementedOCPPError):
        session(OcppVersion.V201, Role.STATION).send_message("NotifyPeriodicEventStream", STREAM)


# --- OCPP 2.1 -----------------------------------------------------------------------------------


def test_v21_missing_field_is_occurrence_with_two_rs() -> None:
    csms = session(OcppVersion.V21)
    assert error_code(csms, call("BootNotification", {"reason": "PowerUp"})) == (
        "OccurrenceConstraintViolation"
    )
    assert error_code(csms, call("BootNotification", "x")) == "FormatViolation"


@pytest.mark.parametrize("code", ["OccurrenceConstraintViolation", "OccurenceConstraintViolation"])
def test_v21_both_spellings_are_accepted_when_received(code: str) -> None:
    cs = session(OcppVersion.V21, Role.STATION)
    message_id = cs.send_call("Heartbeat", {}, T0)
    cs.data_to_send()
    (event,) = cs.receive(json.dumps([4, message_id, code, "", {}]), T0)
    assert isinstance(event, CallFailed)
    assert type(event.error) is OccurenceConstraintViolationError


def test_v21_new_action_is_received() -> None:
    csms = session(OcppVersion.V21)
    payload = {
        "batteryData": [],
        "eventType": "BatteryIn",
        "idToken": {"idToken": "T", "type": "ISO14443"},
        "requestId": 1,
    }
    (event,) = csms.receive(call("BatterySwap", payload), T0)
    # batteryData needs at least one item
    assert isinstance(event, CallRejected)
    assert answers(csms)[0][2] == "OccurrenceConstraintViolation"
    payload["batteryData"] = [{"evseId": 1, "serialNumber": "B1", "soC": 80.0, "soH": 95.0}]
    (event,) = csms.receive(call("BatterySwap", payload, "m2"), T0)
    assert isinstance(event, CallReceived), event


def test_v21_send_is_parsed_and_not_answered() -> None:
    csms = session(OcppVersion.V21)
    (event,) = csms.receive(json.dumps([6, "s1", "NotifyPeriodicEventStream", STREAM]), T0)
    assert isinstance(event, SendReceived)
    assert event.action == "NotifyPeriodicEventStream"
    assert event.message.pending == 0  # type: ignore[attr-defined]
    assert csms.data_to_send() == []


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        (json.dumps([6, "s1", "NotifyPeriodicEventStream", {"id": 1}]), SendRejected),
        (json.dumps([6, "s1", "Heartbeat", {}]), SendRejected),  # a CALL action
        (json.dumps([6, "s1", "NoSuchAction", {}]), SendRejected),
        ('[6, "s1", "NotifyPeriodicEventStream"]', UnexpectedReply),  # malformed
        ('[6, 42, "NotifyPeriodicEventStream", {}]', UnexpectedReply),  # unreadable id
    ],
)
def test_v21_bad_send_is_reported_and_never_answered(text: str, event_type: type) -> None:
    csms = session(OcppVersion.V21)
    (event,) = csms.receive(text, T0)
    assert isinstance(event, event_type), event
    assert csms.data_to_send() == []


def test_v21_send_on_the_receiving_side_only() -> None:
    station = session(OcppVersion.V21, Role.STATION)  # a station does not receive the stream
    (event,) = station.receive(json.dumps([6, "s1", "NotifyPeriodicEventStream", STREAM]), T0)
    assert isinstance(event, SendRejected)
    assert station.data_to_send() == []


def test_v21_call_of_a_send_action_gets_not_supported() -> None:
    csms = session(OcppVersion.V21)
    assert error_code(csms, call("NotifyPeriodicEventStream", STREAM)) == "NotSupported"


def test_v21_send_message_goes_out_at_once_beside_an_outstanding_call() -> None:
    cs = session(OcppVersion.V21, Role.STATION)
    call_id = cs.send_call("BootNotification", BOOT2X, T0)
    send_id = cs.send_message("NotifyPeriodicEventStream", STREAM)
    assert answers(cs) == [
        [2, call_id, "BootNotification", BOOT2X],
        [6, send_id, "NotifyPeriodicEventStream", STREAM],
    ]
    assert cs.pending_action == "BootNotification"
    with pytest.raises(PropertyConstraintViolationError):
        cs.send_message("NotifyPeriodicEventStream", {**STREAM, "pending": -1})
    with pytest.raises(NotSupportedError, match="is a CALL action"):
        cs.send_message("Heartbeat", {})


def test_v21_invalid_result_is_answered_with_callresulterror() -> None:
    cs = session(OcppVersion.V21, Role.STATION)
    message_id = cs.send_call("Heartbeat", {}, T0)
    cs.data_to_send()
    (event,) = cs.receive(json.dumps([3, message_id, {}]), T0)
    assert isinstance(event, CallFailed)
    (frame,) = answers(cs)
    assert frame[:3] == [5, message_id, "OccurrenceConstraintViolation"]


def test_v21_received_callresulterror_is_reported_not_answered() -> None:
    csms = session(OcppVersion.V21)
    text = json.dumps([5, "r1", "PropertyConstraintViolation", "bad status", {"field": "status"}])
    (event,) = csms.receive(text, T0)
    assert isinstance(event, ResultRejected)
    assert type(event.error) is PropertyConstraintViolationError
    assert event.error.details == {"field": "status"}
    assert csms.data_to_send() == []
    (event,) = csms.receive('[5, "r1"]', T0)  # malformed: reported, not answered
    assert isinstance(event, UnexpectedReply)
    assert csms.data_to_send() == []


def test_v21_unknown_message_type_still_gets_message_type_not_supported() -> None:
    csms = session(OcppVersion.V21)
    csms.receive('[7, "m1", "Heartbeat", {}]', T0)
    assert answers(csms)[0][:3] == [4, "m1", "MessageTypeNotSupported"]


def test_v21_lenient_session_takes_a_send_with_an_over_long_value() -> None:
    csms = session(OcppVersion.V21)
    csms.lenient = True
    payload = {**STREAM, "data": [{"t": 0.5, "v": "x" * 2501}]}  # v over maxLength 2500
    (event,) = csms.receive(json.dumps([6, "s1", "NotifyPeriodicEventStream", payload]), T0)
    assert isinstance(event, SendReceived)
    assert [v.rule for v in event.violations] == ["maxLength"]


def test_session_version_by_subprotocol_name_and_default() -> None:
    assert RpcSession([], version="ocpp1.6").version is OcppVersion.V16
    assert RpcSession([]).version is OcppVersion.V201
    with pytest.raises(ValueError):
        RpcSession([], version="ocpp1.5")


def test_v16_lenient_session_drops_a_null_data_string_and_reports_it() -> None:
    csms = session(OcppVersion.V16)
    csms.lenient = True
    (event,) = csms.receive(call("DataTransfer", {"vendorId": "v", "data": None}), T0)
    assert isinstance(event, CallReceived)
    assert [(v.field, v.rule, v.repair) for v in event.violations] == [("data", "null", "dropped")]
