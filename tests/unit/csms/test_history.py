"""Memory bounded by configuration, not by station count (issue 12 point 3): the shared history
behind the message log and the tracker never holds more than its total across stations, each
station's reads still give its newest entries, and the bounds come from the server's flags and
its --config file."""

from __future__ import annotations

import random
from datetime import UTC, datetime

import pytest

from ocppkit.csms.context import EventHub
from ocppkit.csms.history import BoundedHistory
from ocppkit.csms.message_log import FRAME_OVERHEAD, MessageLog
from ocppkit.csms.store import Store
from ocppkit.csms.tracking import Notice, Tracker
from ocppkit.protocol.models import ClearCacheRequest, SecurityEventNotificationRequest

T0 = datetime(2025, 1, 2, 3, 4, 5, tzinfo=UTC)


def test_many_keys_never_exceed_the_total_and_keep_their_newest() -> None:
    history: BoundedHistory[str, int] = BoundedHistory(total=500, per_key=20)
    rng = random.Random(7)
    last: dict[str, int] = {}
    for n in range(20_000):
        key = f"CP{rng.randrange(2_000)}"
        history.append(key, n)
        last[key] = n
        assert history.used <= 500
        assert len(history) == history.used  # weight 1 per entry
    assert len(history._order) <= 1_000  # the order queue is bounded too
    for key in history.keys():
        entries = history.entries(key)
        assert 1 <= len(entries) <= 20
        assert entries == sorted(entries)
        assert entries[-1] == last[key]  # what a key keeps is its newest
        assert list(history.newest_first(key)) == entries[::-1]


def test_the_oldest_entry_across_keys_goes_first() -> None:
    history: BoundedHistory[str, int] = BoundedHistory(total=3, per_key=10)
    for key, n in (("A", 1), ("B", 2), ("A", 3), ("C", 4)):
        history.append(key, n)
    assert (history.entries("A"), history.entries("B"), history.entries("C")) == ([3], [2], [4])
    history.append("C", 5)
    assert history.keys() == ["A", "C"]  # B's last entry went: no empty ring stays


def test_a_key_over_its_own_cap_leaves_the_others_alone() -> None:
    history: BoundedHistory[str, int] = BoundedHistory(total=10, per_key=3)
    history.append("quiet", 0)
    for n in range(1, 100):
        history.append("chatty", n)
    assert history.entries("quiet") == [0]
    assert history.entries("chatty") == [97, 98, 99]
    assert history.used == 4


def test_weights_bound_bytes_and_an_oversized_entry_is_kept_alone() -> None:
    history: BoundedHistory[str, str] = BoundedHistory(total=100, per_key=50, weight=len)
    for n in range(30):
        history.append(f"CP{n % 3}", "x" * 15)
        assert history.used <= 100
    history.append("CP9", "y" * 500)
    assert history.keys() == ["CP9"] and history.used == 500
    history.append("CP1", "z")
    assert history.keys() == ["CP1"] and history.used == 1


def test_bounds_below_one_are_refused() -> None:
    with pytest.raises(ValueError, match="at least one"):
        BoundedHistory(total=0, per_key=1)


def test_the_message_log_of_many_stations_stays_within_its_bytes() -> None:
    budget = 200_000
    log = MessageLog(size=200, total_bytes=budget)
    for n in range(30_000):
        station = f"CP{n % 1_000:04d}"
        log.observe(station, "in", f'[2,"{n}","Heartbeat",{{}}]')
        log.observe(station, "out", f'[3,"{n}",{{"currentTime":"2025-01-01T00:00:00Z"}}]')
    assert log.history.used <= budget
    held = sum(len(f.text) + FRAME_OVERHEAD for s in log.history.keys() for f in log.frames(s, 500))
    assert held == log.history.used
    newest = log.frames("CP0999", limit=2)
    assert [f.message_id for f in newest] == ["29999", "29999"]  # the CALL and its reply
    assert newest[0].latency is not None  # still paired
    assert log._pending == {}  # answered CALLs leave no per-station state behind
    assert log.frames_total[("in", "Heartbeat")] == 30_000  # the counters count everything


async def test_the_trackers_histories_are_bounded_in_total() -> None:
    track = Tracker(lambda: T0, Store(), EventHub(), history=50, history_total=300)
    notice = Notice()
    event = SecurityEventNotificationRequest(
        type="FirmwareUpdated", timestamp="2025-01-02T03:04:05Z"
    )
    for n in range(3_000):
        station = f"CP{n % 100}"
        await track.sent(station, "ClearCache", ClearCacheRequest())
        await track.notified(station, "SecurityEventNotification", event, notice)
    assert track._commands.used <= 300 and track._messages.used <= 300
    # a station's reads give its newest entries (no database: memory is the history)
    page = await track.commands("CP99", limit=2)
    assert [c["id"] for c in page] == [3_000, 2_900]
    [message] = await track.messages("CP99", limit=1)
    assert message["id"] == 3_000
