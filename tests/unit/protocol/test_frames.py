"""OCPP-J framing (OCPP 2.0.1 part 4, section 4): building and parsing CALL, CALLRESULT, CALLERROR,
and the RPC framework error each malformed frame is answered with (or not answered at all)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from ocppkit.protocol.errors import (
    MessageTypeNotSupportedError,
    OCPPError,
    RpcFrameworkError,
)
from ocppkit.protocol.frames import (
    MAX_MESSAGE_ID_LENGTH,
    UNKNOWN_MESSAGE_ID,
    Call,
    CallError,
    CallResult,
    FrameError,
    MessageType,
    OCPPMessage,
    encode_call,
    encode_call_error,
    encode_call_result,
    new_message_id,
    parse_frame,
)

BOOT = {"reason": "PowerUp", "chargingStation": {"model": "M1", "vendorName": "V"}}


# --- building frames (the seed's OCPPMessage API) ---


def test_message_type_numbers() -> None:
    assert (MessageType.CALL, MessageType.CALLRESULT, MessageType.CALLERROR) == (2, 3, 4)


def test_create_call_with_given_id() -> None:
    text = OCPPMessage.create_call("BootNotification", BOOT, message_id="abc-1")
    assert json.loads(text) == [2, "abc-1", "BootNotification", BOOT]


def test_create_call_makes_a_fresh_id_of_at_most_36_characters() -> None:
    ids = [json.loads(OCPPMessage.create_call("Heartbeat", {}))[1] for _ in range(500)]
    assert len(set(ids)) == len(ids)
    assert all(isinstance(i, str) and 0 < len(i) <= MAX_MESSAGE_ID_LENGTH for i in ids)


def test_new_message_id_is_a_36_character_uuid() -> None:
    assert len(new_message_id()) == 36
    assert new_message_id() != new_message_id()


def test_create_call_result() -> None:
    text = OCPPMessage.create_call_result("abc-1", {"currentTime": "2024-01-01T00:00:00Z"})
    assert json.loads(text) == [3, "abc-1", {"currentTime": "2024-01-01T00:00:00Z"}]


def test_create_call_error_defaults_details_to_an_empty_object() -> None:
    text = OCPPMessage.create_call_error("abc-1", "NotImplemented", "unknown action")
    assert json.loads(text) == [4, "abc-1", "NotImplemented", "unknown action", {}]


def test_create_call_error_with_details() -> None:
    text = OCPPMessage.create_call_error("abc-1", "InternalError", "boom", {"hint": 1})
    assert json.loads(text) == [4, "abc-1", "InternalError", "boom", {"hint": 1}]


def test_encoders_match_the_seed_api() -> None:
    payload = json.dumps(BOOT, separators=(",", ":"))
    call = encode_call("a", "BootNotification", payload)
    assert json.loads(call) == [2, "a", "BootNotification", BOOT]
    assert json.loads(encode_call_result("a", "{}")) == [3, "a", {}]
    assert json.loads(encode_call_error("a", "GenericError")) == [4, "a", "GenericError", "", {}]


def test_encode_call_escapes_the_message_id() -> None:
    assert json.loads(encode_call('a"b\\c', "Heartbeat", "{}"))[1] == 'a"b\\c'


# --- parsing valid frames ---


def test_parse_message_call() -> None:
    text = OCPPMessage.create_call("BootNotification", BOOT, message_id="m1")
    assert OCPPMessage.parse_message(text) == (2, "m1", "BootNotification", BOOT)


def test_parse_message_call_result() -> None:
    assert OCPPMessage.parse_message('[3,"m1",{"status":"Accepted"}]') == (
        3,
        "m1",
        None,
        {"status": "Accepted"},
    )


def test_parse_message_call_error() -> None:
    parsed = OCPPMessage.parse_message('[4,"m1","NotSupported","no",{"a":1}]')
    assert parsed == (
        4,
        "m1",
        None,
        {"errorCode": "NotSupported", "errorDescription": "no", "errorDetails": {"a": 1}},
    )


def test_parse_frame_returns_typed_frames_from_text_or_bytes() -> None:
    assert parse_frame(b'[2,"m1","Heartbeat",{}]') == Call("m1", "Heartbeat", {})
    assert parse_frame('[3,"m1",{}]') == CallResult("m1", {})
    assert parse_frame('[4,"m1","GenericError","x",{}]') == CallError("m1", "GenericError", "x", {})


def test_call_error_without_details_and_with_a_non_string_description() -> None:
    assert parse_frame('[4,"m1","GenericError","x"]') == CallError("m1", "GenericError", "x", {})
    assert parse_frame('[4,"m1","GenericError",12,{}]').error_description == "12"


def test_message_id_of_exactly_36_characters_is_accepted() -> None:
    message_id = "x" * MAX_MESSAGE_ID_LENGTH
    assert parse_frame(f'[2,"{message_id}","Heartbeat",{{}}]').message_id == message_id


def test_call_payload_is_passed_on_unchecked() -> None:
    # Payload checks belong to validation (FormatViolation etc.), not to framing.
    assert parse_frame('[2,"m1","Heartbeat",[1]]') == Call("m1", "Heartbeat", [1])


# --- malformed frames: the error, the id to answer with, and whether to answer at all ---

LONG_ID = "x" * (MAX_MESSAGE_ID_LENGTH + 1)
# (frame text, error class, message id of the CALLERROR, answered with a CALLERROR?)
MALFORMED: list[tuple[str, type[OCPPError], str, bool]] = [
    ("not json", RpcFrameworkError, UNKNOWN_MESSAGE_ID, True),
    ("[2,", RpcFrameworkError, UNKNOWN_MESSAGE_ID, True),
    ('{"a": 1}', RpcFrameworkError, UNKNOWN_MESSAGE_ID, True),
    ('"text"', RpcFrameworkError, UNKNOWN_MESSAGE_ID, True),
    ("[]", RpcFrameworkError, UNKNOWN_MESSAGE_ID, True),
    ("[2]", RpcFrameworkError, UNKNOWN_MESSAGE_ID, True),
    ('[2,"m1"]', RpcFrameworkError, "m1", True),
    ('["2","m1","Heartbeat",{}]', RpcFrameworkError, "m1", True),
    ('[2.0,"m1","Heartbeat",{}]', RpcFrameworkError, "m1", True),
    ('[true,"m1","Heartbeat",{}]', RpcFrameworkError, "m1", True),
    ('[7,"m1","Heartbeat",{}]', MessageTypeNotSupportedError, "m1", True),
    ('[5,"m1",{}]', MessageTypeNotSupportedError, "m1", True),
    ("[7,42,{}]", MessageTypeNotSupportedError, UNKNOWN_MESSAGE_ID, True),
    ('[2,42,"Heartbeat",{}]', RpcFrameworkError, UNKNOWN_MESSAGE_ID, True),
    ('[2,null,"Heartbeat",{}]', RpcFrameworkError, UNKNOWN_MESSAGE_ID, True),
    ('[2,"","Heartbeat",{}]', RpcFrameworkError, UNKNOWN_MESSAGE_ID, True),
    (f'[2,"{LONG_ID}","Heartbeat",{{}}]', RpcFrameworkError, UNKNOWN_MESSAGE_ID, True),
    ('[2,"m1","Heartbeat"]', RpcFrameworkError, "m1", True),
    ('[2,"m1","Heartbeat",{},{}]', RpcFrameworkError, "m1", True),
    ('[2,"m1",42,{}]', RpcFrameworkError, "m1", True),
    # A CALLRESULT or CALLERROR is never answered with a CALLERROR, however broken it is.
    ("[3]", RpcFrameworkError, UNKNOWN_MESSAGE_ID, False),
    ('[3,"m1"]', RpcFrameworkError, "m1", False),
    ('[3,"m1",{},{}]', RpcFrameworkError, "m1", False),
    ("[3,42,{}]", RpcFrameworkError, UNKNOWN_MESSAGE_ID, False),
    (f'[3,"{LONG_ID}",{{}}]', RpcFrameworkError, UNKNOWN_MESSAGE_ID, False),
    ('[4,"m1"]', RpcFrameworkError, "m1", False),
    ('[4,"m1","GenericError"]', RpcFrameworkError, "m1", False),
    ('[4,"m1",42,"x",{}]', RpcFrameworkError, "m1", False),
    ('[4,"m1","GenericError","x",{},1]', RpcFrameworkError, "m1", False),
    ('[4,42,"GenericError","x",{}]', RpcFrameworkError, UNKNOWN_MESSAGE_ID, False),
]


@pytest.mark.parametrize(("text", "error", "message_id", "reply"), MALFORMED)
def test_malformed_frame(text: str, error: type[OCPPError], message_id: str, reply: bool) -> None:
    with pytest.raises(FrameError) as caught:
        parse_frame(text)
    assert type(caught.value.error) is error
    assert caught.value.message_id == message_id
    assert caught.value.reply is reply


def test_frame_error_is_an_rpc_framework_error_carrying_the_description() -> None:
    with pytest.raises(FrameError) as caught:
        parse_frame('[7,"m1",{}]')
    assert isinstance(caught.value, RpcFrameworkError)
    assert caught.value.error.code == "MessageTypeNotSupported"
    assert "7" in caught.value.description


def test_parse_message_raises_frame_error_too() -> None:
    with pytest.raises(FrameError):
        OCPPMessage.parse_message("[2]")


def test_reply_ids_are_never_longer_than_36_characters() -> None:
    frames: list[Any] = [[2, LONG_ID, "Heartbeat", {}], [9, LONG_ID], [2, LONG_ID]]
    for frame in frames:
        with pytest.raises(FrameError) as caught:
            parse_frame(json.dumps(frame))
        assert caught.value.message_id == UNKNOWN_MESSAGE_ID


def test_json_bytes_writes_integers_beyond_64_bits() -> None:
    """OCPP's schemas bound no integer; orjson refuses those beyond 64 bits, json_bytes does not."""
    from ocppkit.protocol.frames import json_bytes

    assert json_bytes({"b": 1, "a": [2.5, "é"]}) == '{"b":1,"a":[2.5,"é"]}'.encode()
    assert json_bytes({"b": 2**70, "a": -(2**63) - 1}, sort_keys=True) == (
        b'{"a":-9223372036854775809,"b":1180591620717411303424}'
    )
    with pytest.raises(TypeError):
        json_bytes({"x": object()})
