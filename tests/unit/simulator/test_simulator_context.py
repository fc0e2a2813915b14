"""``StationContext``: the station as its blocks see it (time, ids, tasks, the CSMS)."""

from __future__ import annotations

import asyncio

import pytest
from unit.simulator.blocks.support import make_station

from ocppkit.protocol.models import (
    ComponentType,
    EventDataType,
    HeartbeatRequest,
    NotifyEventRequest,
    VariableType,
)
from ocppkit.simulator.evse import Status


def test_wall_time_follows_the_station_clock_and_ids_are_seeded() -> None:
    station = make_station()
    ctx = station.ctx
    start = ctx.now_utc()
    station.clock.handle_timer(1000.0 + 3600)
    assert (ctx.now_utc() - start).total_seconds() == pytest.approx(3600)
    assert ctx.wall_origin == start
    ids = {ctx.new_transaction_id() for _ in range(3)}
    assert len(ids) == 3
    assert make_station().ctx.new_transaction_id() == make_station().ctx.new_transaction_id()


async def test_owned_tasks_are_cancelled_and_failures_logged(
    caplog: pytest.LogCaptureFixture,
) -> None:
    ctx = make_station().ctx

    async def fail() -> None:
        raise RuntimeError("boom")

    forever = ctx.spawn(asyncio.Event().wait(), "forever")
    failing = ctx.spawn(fail(), "failing")
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    assert failing.done() and "failing failed" in caplog.text
    await ctx.cancel_tasks()
    assert forever.cancelled()


async def test_notify_logs_a_failure_and_parts_stop_at_it() -> None:
    station = make_station()
    ctx = station.ctx
    assert await ctx.notify("Heartbeat", HeartbeatRequest())
    station.link.unanswered.add("NotifyEvent")
    assert not await ctx.notify("NotifyEvent", _event_part(0, True))
    station.link.calls.clear()
    await ctx.send_parts("NotifyEvent", list(range(5)), 2, _event_part_of)
    assert len(station.link.sent("NotifyEvent")) == 1  # the first part failed: no more
    station.link.unanswered.clear()
    await ctx.send_parts("NotifyEvent", list(range(5)), 2, _event_part_of)
    parts = station.link.sent("NotifyEvent")[1:]
    assert [(p["seqNo"], p.get("tbc", False)) for p in parts] == [(0, True), (1, True), (2, False)]


async def test_announce_only_online_and_only_a_change() -> None:
    station = make_station()
    ctx = station.ctx
    station.link.online = False
    await ctx.announce(ctx.evses[1])  # G01: offline, nothing is sent
    assert station.link.sent("StatusNotification") == []
    station.link.online = True
    await ctx.announce_change(ctx.evses[1], Status.Available)  # unchanged: nothing either
    ctx.evses[1].plugged = True
    ctx.evses[1].settle()
    await ctx.announce_change(ctx.evses[1], Status.Available)
    assert [p["connectorStatus"] for p in station.link.sent("StatusNotification")] == ["Occupied"]
    station.link.unanswered.add("StatusNotification")
    await ctx.announce(ctx.evses[1])  # a failure is logged, not raised


def _event_part(seq_no: int, tbc: bool) -> NotifyEventRequest:
    return NotifyEventRequest(
        generated_at="2026-01-01T00:00:00Z",
        seq_no=seq_no,
        tbc=tbc,
        event_data=[
            EventDataType(
                event_id=seq_no,
                timestamp="2026-01-01T00:00:00Z",
                trigger="Alerting",
                actual_value="1",
                event_notification_type="CustomMonitor",
                component=ComponentType(name="ChargingStation"),
                variable=VariableType(name="Problem"),
            )
        ],
    )


def _event_part_of(seq_no: int, part: list[int], tbc: bool) -> NotifyEventRequest:
    return _event_part(seq_no, tbc)
