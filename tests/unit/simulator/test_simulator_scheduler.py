"""The station's scheduler: the loop's timers in real time, or a virtual clock that moves only
when told (``next_deadline``/``handle_timer``/``advance``)."""

from __future__ import annotations

import asyncio
import time

import pytest

from ocppkit.simulator.scheduler import LoopScheduler, VirtualScheduler


def test_timers_fire_in_deadline_order_and_only_when_due() -> None:
    virtual = VirtualScheduler(start=100.0)
    fired: list[str] = []
    virtual.call_later(5, lambda: fired.append("b"))
    virtual.call_later(1, lambda: fired.append("a"))
    virtual.call_later(5, lambda: fired.append("c"))  # same deadline: in the order set
    cancelled = virtual.call_later(3, lambda: fired.append("never"))
    cancelled.cancel()
    assert virtual.next_deadline() == 101.0
    assert virtual.handle_timer(100.5) == 0 and virtual.time() == 100.5
    assert virtual.handle_timer(105.0) == 3
    assert fired == ["a", "b", "c"] and virtual.next_deadline() is None
    assert virtual.handle_timer(90.0) == 0 and virtual() == 105.0  # the clock never goes back


async def test_sleep_and_wait_run_on_the_virtual_clock() -> None:
    virtual = VirtualScheduler()
    woke: list[float] = []

    async def sleeper() -> None:
        await virtual.sleep(3600)
        woke.append(virtual.time())

    task = asyncio.create_task(sleeper())
    event = asyncio.Event()
    waiter = asyncio.create_task(virtual.wait(event, 60))
    started = time.monotonic()
    await virtual.advance(59)
    assert not woke and not waiter.done()
    await virtual.advance(2)
    assert waiter.done() and waiter.result() is False  # timed out at 60 s
    await virtual.advance(3600)
    assert woke == [3600.0] and time.monotonic() - started < 5
    await task
    event.set()
    assert await virtual.wait(event, 1) is True


async def test_advance_waits_for_calls_in_flight() -> None:
    virtual = VirtualScheduler()
    answered: list[float] = []

    async def call() -> None:
        with virtual.busy():
            await asyncio.sleep(0.02)  # a round trip on a real socket
        answered.append(virtual.time())

    virtual.call_later(10, lambda: asyncio.ensure_future(call()))
    virtual.call_later(20, lambda: answered.append(-1.0))
    await virtual.advance(30)
    assert answered == [10.0, -1.0]  # the answer came before the clock moved on


async def test_the_loop_scheduler_is_real_time() -> None:
    loop = LoopScheduler()
    assert loop.time() == pytest.approx(time.monotonic(), abs=0.5)
    fired = asyncio.Event()
    loop.call_later(0.01, fired.set)
    assert await loop.wait(fired, 2.0)
    started = time.monotonic()
    await loop.sleep(0.02)
    assert time.monotonic() - started >= 0.015
    assert not await loop.wait(asyncio.Event(), 0.01)
    with loop.busy():
        pass
    assert LoopScheduler(lambda: 42.0).time() == 42.0
