"""The sans-I/O RPC session (OCPP 2.0.1 part 4, section 4.1): one outstanding CALL per direction,
correlation by message id, deadlines from an injected ``now``, the CALLERROR each bad CALL gets."""

from __future__ import annotations

import itertools
import json
from typing import Any

import pytest

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
    PropertyConstraintViolationError,
    ProtocolError,
    RpcFrameworkError,
    SecurityError,
    TypeConstraintViolationError,
)
from ocppkit.protocol.models import (
    CS_TO_CSMS,
    CSMS_TO_CS,
    BootNotificationResponse,
    HeartbeatRequest,
    HeartbeatResponse,
    RegistrationStatusEnumType,
)
from ocppkit.protocol.session import (
    CallFailed,
    CallReceived,
    CallRejected,
    ResultReceived,
    RpcSession,
    UnexpectedReply,
)

T0 = 1000.0
NOW = "2024-01-01T00:00:00Z"
BOOT = {"reason": "PowerUp", "chargingStation": {"model": "M1", "vendorName": "V"}}


def _ids() -> Any:
    counter = itertools.count(1)
    return lambda: f"id-{next(counter)}"


def station(timeout: float = 30.0) -> RpcSession:
    """The station's session: it answers CSMS->CS actions."""
    return RpcSession(CSMS_TO_CS, timeout=timeout, new_id=_ids())


def csms() -> RpcSession:
    """The CSMS's session: it answers CS->CSMS actions."""
    return RpcSession(CS_TO_CSMS, new_id=_ids())


def sent(session: RpcSession) -> list[list[Any]]:
    return [json.loads(frame) for frame in session.data_to_send()]


def result(message_id: str, payload: dict[str, Any]) -> str:
    return json.dumps([3, message_id, payload])


def heartbeat_result(message_id: str) -> str:
    return result(message_id, {"currentTime": NOW})


# --- our CALLs: one at a time, in order ---


def test_send_call_writes_the_call_frame_once() -> None:
    session = station()
    message_id = session.send_call("Heartbeat", {}, T0)
    assert message_id == "id-1"
    assert sent(session) == [[2, "id-1", "Heartbeat", {}]]
    assert session.data_to_send() == []
    assert session.pending_action == "Heartbeat"


def test_send_call_accepts_a_model_and_writes_its_wire_form() -> None:
    session = station()
    session.send_call("Heartbeat", HeartbeatRequest(), T0)
    assert sent(session) == [[2, "id-1", "Heartbeat", {}]]


def test_second_call_waits_until_the_first_is_answered() -> None:
    session = station()
    session.send_call("BootNotification", BOOT, T0)
    session.send_call("Heartbeat", {}, T0)
    assert [f[2] for f in sent(session)] == ["BootNotification"]
    assert session.queued() == 1
    session.receive(result("id-1", {"currentTime": NOW, "interval": 10, "status": "Accepted"}), T0)
    assert sent(session) == [[2, "id-2", "Heartbeat", {}]]
    assert session.queued() == 0


def test_queued_calls_go_out_in_order_one_per_reply() -> None:
    session = station()
    for _ in range(3):
        session.send_call("Heartbeat", {}, T0)
    order = []
    for _ in range(3):
        (frame,) = sent(session)
        order.append(frame[1])
        session.receive(heartbeat_result(frame[1]), T0)
    assert order == ["id-1", "id-2", "id-3"]
    assert session.pending_action is None


def test_a_call_error_also_releases_the_next_call() -> None:
    session = station()
    session.send_call("Heartbeat", {}, T0)
    session.send_call("Heartbeat", {}, T0)
    sent(session)
    session.receive('[4,"id-1","InternalError","x",{}]', T0)
    assert sent(session) == [[2, "id-2", "Heartbeat", {}]]


def test_invalid_outgoing_payload_raises_and_queues_nothing() -> None:
    session = station()
    with pytest.raises(OccurenceConstraintViolationError):
        session.send_call("BootNotification", {"reason": "PowerUp"}, T0)
    with pytest.raises(NotImplementedOCPPError):
        session.send_call("NoSuchAction", {}, T0)
    assert session.data_to_send() == []
    assert session.pending_action is None and session.queued() == 0


# --- deadlines (OCPPCommCtrlr.MessageTimeout), with ``now`` passed in ---


def test_deadline_is_now_plus_timeout_and_clears_when_answered() -> None:
    session = station(timeout=30.0)
    assert session.next_deadline() is None
    session.send_call("Heartbeat", {}, T0)
    assert session.next_deadline() == T0 + 30.0
    session.receive(heartbeat_result("id-1"), T0 + 1)
    assert session.next_deadline() is None


def test_per_call_timeout_overrides_the_default() -> None:
    session = station(timeout=30.0)
    session.send_call("Heartbeat", {}, T0, timeout=5.0)
    assert session.next_deadline() == T0 + 5.0


def test_handle_timer_before_the_deadline_does_nothing() -> None:
    session = station(timeout=10.0)
    session.send_call("Heartbeat", {}, T0)
    assert session.handle_timer(T0 + 9.999) == []
    assert session.pending_action == "Heartbeat"


def test_timeout_fails_the_call_with_call_timeout_error() -> None:
    session = station(timeout=10.0)
    session.send_call("Heartbeat", {}, T0)
    (event,) = session.handle_timer(T0 + 10.0)
    assert isinstance(event, CallFailed)
    assert (event.message_id, event.action) == ("id-1", "Heartbeat")
    assert isinstance(event.error, CallTimeoutError)
    assert (event.error.action, event.error.message_id, event.error.timeout) == (
        "Heartbeat",
        "id-1",
        10.0,
    )
    assert session.next_deadline() is None


def test_timeout_releases_the_next_call_with_its_own_deadline() -> None:
    session = station(timeout=10.0)
    session.send_call("Heartbeat", {}, T0)
    session.send_call("Heartbeat", {}, T0 + 1, timeout=3.0)
    sent(session)
    session.handle_timer(T0 + 12.0)
    assert sent(session) == [[2, "id-2", "Heartbeat", {}]]
    assert session.next_deadline() == T0 + 12.0 + 3.0


def test_late_reply_after_timeout_is_unexpected_and_dropped() -> None:
    session = station(timeout=10.0)
    session.send_call("Heartbeat", {}, T0)
    session.handle_timer(T0 + 10.0)
    sent(session)
    (event,) = session.receive(heartbeat_result("id-1"), T0 + 11)
    assert isinstance(event, UnexpectedReply) and event.message_id == "id-1"
    assert session.data_to_send() == []


# --- correlation of replies ---


def test_result_is_correlated_and_validated_into_the_response_model() -> None:
    session = station()
    session.send_call("BootNotification", BOOT, T0)
    (event,) = session.receive(
        result("id-1", {"currentTime": NOW, "interval": 300, "status": "Accepted"}), T0
    )
    assert isinstance(event, ResultReceived)
    assert (event.message_id, event.action) == ("id-1", "BootNotification")
    assert isinstance(event.response, BootNotificationResponse)
    assert event.response.status is RegistrationStatusEnumType.Accepted
    assert event.response.interval == 300


def test_reply_with_unknown_id_is_dropped_and_the_call_stays_pending() -> None:
    session = station()
    session.send_call("Heartbeat", {}, T0)
    sent(session)
    (event,) = session.receive(heartbeat_result("other"), T0)
    assert isinstance(event, UnexpectedReply) and event.message_id == "other"
    assert session.pending_action == "Heartbeat"
    assert session.data_to_send() == []  # never answered with a CALLERROR
    (event,) = session.receive(heartbeat_result("id-1"), T0)
    assert isinstance(event, ResultReceived)


def test_reply_when_nothing_is_pending_is_dropped() -> None:
    session = station()
    for text in (heartbeat_result("x"), '[4,"x","GenericError","",{}]'):
        (event,) = session.receive(text, T0)
        assert isinstance(event, UnexpectedReply)
    assert session.data_to_send() == []


def test_duplicate_reply_is_dropped() -> None:
    session = station()
    session.send_call("Heartbeat", {}, T0)
    session.receive(heartbeat_result("id-1"), T0)
    (event,) = session.receive(heartbeat_result("id-1"), T0)
    assert isinstance(event, UnexpectedReply)


@pytest.mark.parametrize("text", ['[3,"id-1"]', '[3,"id-1",{},1]', '[4,"id-1",1,"x",{}]'])
def test_malformed_reply_is_dropped_without_a_call_error(text: str) -> None:
    session = station()
    session.send_call("Heartbeat", {}, T0)
    sent(session)
    (event,) = session.receive(text, T0)
    assert isinstance(event, UnexpectedReply)
    assert session.data_to_send() == []


# --- CALLERROR received: raised as the class of its code ---

RECEIVED_CODES: list[tuple[str, type[OCPPError]]] = [
    ("FormatViolation", FormatViolationError),
    ("FormationViolation", FormatViolationError),  # OCPP 1.6's name
    ("ProtocolError", ProtocolError),
    ("OccurenceConstraintViolation", OccurenceConstraintViolationError),  # 2.0.1 spelling
    ("OccurrenceConstraintViolation", OccurenceConstraintViolationError),  # 2.1 spelling
    ("TypeConstraintViolation", TypeConstraintViolationError),
    ("PropertyConstraintViolation", PropertyConstraintViolationError),
    ("MessageTypeNotSupported", MessageTypeNotSupportedError),
    ("RpcFrameworkError", RpcFrameworkError),
    ("NotImplemented", NotImplementedOCPPError),
    ("NotSupported", NotSupportedError),
    ("SecurityError", SecurityError),
    ("InternalError", InternalError),
    ("GenericError", GenericError),
]


@pytest.mark.parametrize(("code", "error_class"), RECEIVED_CODES)
def test_call_error_received_fails_the_call_with_its_class(
    code: str, error_class: type[OCPPError]
) -> None:
    session = station()
    session.send_call("Heartbeat", {}, T0)
    (event,) = session.receive(json.dumps([4, "id-1", code, "why", {"k": "v"}]), T0)
    assert isinstance(event, CallFailed) and event.action == "Heartbeat"
    assert type(event.error) is error_class
    assert event.error.description == "why"
    assert event.error.details == {"k": "v"}


def test_call_error_with_an_unknown_code_becomes_generic_error() -> None:
    session = station()
    session.send_call("Heartbeat", {}, T0)
    (event,) = session.receive('[4,"id-1","Overheated","too hot",{}]', T0)
    assert type(event.error) is GenericError  # type: ignore[union-attr]
    assert "Overheated" in event.error.description  # type: ignore[union-attr]


def test_call_error_details_that_are_not_an_object_are_kept() -> None:
    session = station()
    session.send_call("Heartbeat", {}, T0)
    (event,) = session.receive('[4,"id-1","InternalError","x",[1,2]]', T0)
    assert event.error.details == {"details": [1, 2]}  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("payload", "error_class"),
    [
        ({}, OccurenceConstraintViolationError),
        ({"currentTime": 5}, TypeConstraintViolationError),
        ({"currentTime": "yesterday"}, PropertyConstraintViolationError),
        ({"currentTime": NOW, "extra": 1}, FormatViolationError),
        ([], FormatViolationError),
    ],
)
def test_invalid_call_result_fails_the_call_and_is_not_answered(
    payload: Any, error_class: type[OCPPError]
) -> None:
    session = station()
    session.send_call("Heartbeat", {}, T0)
    sent(session)
    (event,) = session.receive(json.dumps([3, "id-1", payload]), T0)
    assert isinstance(event, CallFailed)
    assert type(event.error) is error_class
    assert session.data_to_send() == []
    assert session.pending_action is None


# --- the peer's CALLs ---


def test_valid_call_is_received_as_a_model_and_answered() -> None:
    session = csms()
    (event,) = session.receive('[2,"c1","Heartbeat",{}]', T0)
    assert isinstance(event, CallReceived)
    assert (event.message_id, event.action) == ("c1", "Heartbeat")
    assert isinstance(event.request, HeartbeatRequest)
    assert session.data_to_send() == []  # nothing is sent until the handler answers
    session.send_result("c1", "Heartbeat", HeartbeatResponse(current_time=NOW))
    assert sent(session) == [[3, "c1", {"currentTime": NOW}]]


def test_send_result_takes_a_wire_dict() -> None:
    session = csms()
    session.send_result("c1", "Heartbeat", {"currentTime": NOW})
    assert sent(session) == [[3, "c1", {"currentTime": NOW}]]


def test_answering_a_call_does_not_disturb_our_outstanding_call() -> None:
    session = station()
    session.send_call("Heartbeat", {}, T0)
    sent(session)
    (event,) = session.receive('[2,"c1","ClearCache",{}]', T0)
    assert isinstance(event, CallReceived)
    session.send_result("c1", "ClearCache", {"status": "Accepted"})
    assert sent(session) == [[3, "c1", {"status": "Accepted"}]]
    assert session.pending_action == "Heartbeat"


def test_send_result_with_an_invalid_response_raises_and_sends_nothing() -> None:
    session = csms()
    with pytest.raises(OccurenceConstraintViolationError):
        session.send_result("c1", "Heartbeat", {})
    with pytest.raises(FormatViolationError):
        session.send_result("c1", "Heartbeat", HeartbeatRequest())  # the wrong model
    assert session.data_to_send() == []


def test_send_error_writes_a_call_error() -> None:
    session = csms()
    session.send_error("c1", SecurityError("boot first", {"hint": "boot first"}))
    assert sent(session) == [[4, "c1", "SecurityError", "boot first", {"hint": "boot first"}]]


def _rejected(session: RpcSession, text: str) -> tuple[CallRejected, list[Any]]:
    (event,) = session.receive(text, T0)
    assert isinstance(event, CallRejected)
    (frame,) = sent(session)
    return event, frame


def test_call_for_an_action_this_side_does_not_answer_is_not_supported() -> None:
    event, frame = _rejected(csms(), '[2,"c1","Reset",{"type":"Immediate"}]')
    assert type(event.error) is NotSupportedError and event.action == "Reset"
    assert frame[:3] == [4, "c1", "NotSupported"]


def test_call_for_an_unknown_action_is_not_implemented() -> None:
    event, frame = _rejected(csms(), '[2,"c1","Teleport",{}]')
    assert type(event.error) is NotImplementedOCPPError
    assert frame[:3] == [4, "c1", "NotImplemented"]


def test_call_with_an_action_from_another_version_is_not_implemented() -> None:
    # StartTransaction is OCPP 1.6; 2.0.1 has TransactionEvent.
    _, frame = _rejected(csms(), '[2,"c1","StartTransaction",{}]')
    assert frame[2] == "NotImplemented"


@pytest.mark.parametrize(
    ("payload", "code"),
    [
        ("[]", "FormatViolation"),
        ('{"reason":"PowerUp"}', "OccurenceConstraintViolation"),
        (
            '{"reason":"Sneeze","chargingStation":{"model":"M","vendorName":"V"}}',
            "PropertyConstraintViolation",
        ),
        (
            '{"reason":1,"chargingStation":{"model":"M","vendorName":"V"}}',
            "TypeConstraintViolation",
        ),
        (
            '{"reason":"PowerUp","chargingStation":{"model":"M","vendorName":"V"},"x":1}',
            "FormatViolation",
        ),
        (
            '{"reason":"PowerUp","chargingStation":{"model":"M","vendorName":null}}',
            "TypeConstraintViolation",
        ),
    ],
)
def test_invalid_call_payload_is_answered_with_its_code(payload: str, code: str) -> None:
    event, frame = _rejected(csms(), f'[2,"c1","BootNotification",{payload}]')
    assert event.error.code == code
    assert frame[:3] == [4, "c1", code]
    assert isinstance(frame[4], dict)


def test_unreadable_call_is_answered_with_message_id_minus_one() -> None:
    event, frame = _rejected(csms(), "[2,42]")
    assert event.action is None and event.message_id == "-1"
    assert frame[:3] == [4, "-1", "RpcFrameworkError"]


def test_unknown_message_type_is_answered_message_type_not_supported() -> None:
    _, frame = _rejected(csms(), '[6,"c1",{}]')
    assert frame[:3] == [4, "c1", "MessageTypeNotSupported"]


def test_frames_arrive_as_bytes_too() -> None:
    session = csms()
    (event,) = session.receive(b'[2,"c1","Heartbeat",{}]', T0)
    assert isinstance(event, CallReceived)


# --- the link goes away ---


def test_cancel_all_fails_the_outstanding_and_queued_calls_in_order() -> None:
    session = station()
    for _ in range(3):
        session.send_call("Heartbeat", {}, T0)
    error = NotConnectedError("gone")
    events = session.cancel_all(error)
    assert [e.message_id for e in events] == ["id-1", "id-2", "id-3"]
    assert all(isinstance(e, CallFailed) and e.error is error for e in events)
    assert session.pending_action is None and session.queued() == 0
    assert session.next_deadline() is None
    assert session.cancel_all(error) == []


def test_after_cancel_all_a_new_call_goes_out_at_once() -> None:
    session = station()
    session.send_call("Heartbeat", {}, T0)
    session.cancel_all(NotConnectedError("gone"))
    sent(session)
    session.send_call("Heartbeat", {}, T0)
    assert sent(session) == [[2, "id-2", "Heartbeat", {}]]
