"""OCPP 2.1 framing: CALLRESULTERROR (5) and SEND (6) parse and serialise when extended; without
it (1.6 and 2.0.1 links) they stay MessageTypeNotSupported, as before."""

from __future__ import annotations

import json

import pytest

from ocppkit.protocol.errors import MessageTypeNotSupportedError, RpcFrameworkError
from ocppkit.protocol.frames import (
    CallResultError,
    FrameError,
    MessageType,
    Send,
    encode_call_result_error,
    encode_send,
    parse_frame,
)


def test_send_round_trip() -> None:
    text = encode_send("s1", "NotifyPeriodicEventStream", '{"id":1}')
    assert json.loads(text) == [6, "s1", "NotifyPeriodicEventStream", {"id": 1}]
    assert parse_frame(text, extended=True) == Send("s1", "NotifyPeriodicEventStream", {"id": 1})


def test_call_result_error_round_trip() -> None:
    text = encode_call_result_error("r1", "FormatViolation", "bad", {"field": "x"})
    assert json.loads(text) == [5, "r1", "FormatViolation", "bad", {"field": "x"}]
    assert parse_frame(text, extended=True) == CallResultError(
        "r1", "FormatViolation", "bad", {"field": "x"}
    )
    assert parse_frame('[5, "r1", "GenericError", ""]', extended=True) == CallResultError(
        "r1", "GenericError", "", {}
    )


def test_message_type_numbers() -> None:
    assert (MessageType.CALLRESULTERROR, MessageType.SEND) == (5, 6)


@pytest.mark.parametrize("text", ['[6, "s1", "X", {}]', '[5, "r1", "GenericError", "", {}]'])
def test_without_extended_5_and_6_are_not_supported(text: str) -> None:
    with pytest.raises(FrameError) as caught:
        parse_frame(text)
    assert isinstance(caught.value.error, MessageTypeNotSupportedError)
    assert (caught.value.message_id, caught.value.reply) == (json.loads(text)[1], True)


@pytest.mark.parametrize(
    "text",
    [
        '[6, "s1", "X"]',  # no payload
        '[6, "s1", 5, {}]',  # action not a string
        '[6, 42, "X", {}]',  # id unreadable
        '[5, "r1", 4, "", {}]',  # code not a string
        '[5, "r1", "GenericError", "", {}, 1]',  # too long
        "[6]",
        "[5, 1]",
    ],
)
def test_malformed_5_and_6_are_never_answered(text: str) -> None:
    with pytest.raises(FrameError) as caught:
        parse_frame(text, extended=True)
    assert isinstance(caught.value.error, RpcFrameworkError)
    assert caught.value.reply is False


def test_extended_still_refuses_other_types() -> None:
    with pytest.raises(FrameError) as caught:
        parse_frame('[7, "m1", "X", {}]', extended=True)
    assert isinstance(caught.value.error, MessageTypeNotSupportedError)
    assert caught.value.reply is True
