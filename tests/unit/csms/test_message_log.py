"""The message log: bounded rings, CALL/reply pairing, counters (pure: no sockets)."""

from __future__ import annotations

import itertools

import pytest

from ocppkit.csms import message_log
from ocppkit.csms.message_log import LATENCY_BUCKETS, MessageLog


def _log(size: int = 3) -> MessageLog:
    ticks = itertools.count(1_700_000_000)
    return MessageLog(size, clock=lambda: float(next(ticks)))


def test_ring_keeps_the_most_recent_frames_per_station() -> None:
    log = _log(3)
    for n in range(5):
        log.observe("A", "in", f'[2,"{n}","Heartbeat",{{}}]')
    log.observe("B", "in", '[2,"x","Heartbeat",{}]')
    assert [f.message_id for f in log.frames("A")] == ["2", "3", "4"]
    assert [f.message_id for f in log.frames("A", limit=1)] == ["4"]
    assert len(log.frames("B")) == 1 and log.frames("C") == []


def test_reply_is_paired_with_its_call_and_timed() -> None:
    log = _log(10)
    log.observe("A", "out", '[2,"m1","Reset",{"type":"Immediate"}]')
    log.observe("A", "in", '[2,"m1","Heartbeat",{}]')  # same id, other direction: not a reply
    log.observe("A", "in", '[3,"m1",{"status":"Accepted"}]')
    log.observe("A", "out", '[4,"m1","NotImplemented","",{}]')  # answers the station's CALL
    reset, heartbeat, result, error = log.frames("A")
    assert result.action == "Reset" and result.latency == reset.latency is not None
    assert error.action == "Heartbeat" and error.error_code == "NotImplemented"
    assert heartbeat.latency == error.latency
    assert log.frames_total[("in", "Reset")] == 1 and log.frames_total[("out", "Reset")] == 1
    assert log.callerrors_total == {"NotImplemented": 1}
    histogram = log.latency["Reset"]
    assert histogram.count == 1 and len(histogram.counts) == len(LATENCY_BUCKETS) + 1


def test_unreadable_frames_are_logged_not_paired() -> None:
    log = _log(10)
    for text in ("not json", "{}", "[2]", '[9,"x",{}]'):
        log.observe("A", "in", text)
    assert [f.message_type for f in log.frames("A")] == [None, None, None, 9]
    assert log.frames("A")[0].to_dict()["json"] == "not json"
    assert log.frames_total[("in", "unknown")] == 4


def test_unanswered_calls_do_not_pile_up() -> None:
    log = _log(3)
    for n in range(10):
        log.observe("A", "out", f'[2,"{n}","Reset",{{"type":"Immediate"}}]')
    assert len(log._pending["A"]) <= 3


def test_filters_and_subscribers() -> None:
    log = _log(10)
    seen = []
    log.subscribe(seen.append)
    log.observe("A", "out", '[2,"m1","Reset",{"type":"Immediate"}]')
    log.observe("A", "in", '[3,"m1",{"status":"Accepted"}]')
    log.unsubscribe(seen.append)
    log.unsubscribe(seen.append)  # no error twice
    log.observe("A", "in", '[2,"m2","Heartbeat",{}]')
    assert len(seen) == 2 and log.subscriber_count == 0
    assert [f.message_id for f in log.frames("A", action="Reset")] == ["m1", "m1"]
    assert [f.direction for f in log.frames("A", direction="out")] == ["out"]
    assert log.frames("A")[0].to_dict()["time"] == "2023-11-14T22:13:20.000Z"


@pytest.mark.parametrize(
    "text",
    [
        '[2,"m-1","Heartbeat",{}]',
        '[ 2 , "m-1" , "BootNotification" , {"reason": "PowerUp"} ]',
        '[3,"m-1",{"currentTime":"2025-01-01T00:00:00Z"}]',
        '[3,"m-1",[]]',
        '[4,"m-1","FormatViolation","bad",{}]',
        '[2,"m-\\"1","Heartbeat",{}]',  # an escaped id: read by the JSON parser
        '[2,"m-1","Heart\\u0062eat",{}]',
        '[5,"m-1","Heartbeat",{}]',
        '[2,"m-1",{}]',
        '[2,1,"Heartbeat",{}]',
        '[2,"m-1"]',
        '{"not": "a frame"}',
        "not json",
        '[2,"m-1","Heartbeat",{}',  # truncated: not a frame, however readable its header
    ],
)
def test_header_parse_agrees_with_the_json_parser(text: str) -> None:
    assert message_log._parse(text) == message_log._parse_json(text)


def test_the_event_stream_writes_integers_beyond_64_bits() -> None:
    """A station's notification may hold any integer (the schemas bound none): the SSE stream
    writes it rather than breaking."""
    from ocppkit.api.routes.events import _format

    assert _format("notification", {"payload": {"eventId": 2**70}}) == (
        b'event: notification\ndata: {"payload":{"eventId":1180591620717411303424}}\n\n'
    )
