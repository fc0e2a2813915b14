"""The station's timers, on the station's clock (the aioquic way: the core never sleeps on the
wall clock by itself).

Every timed step of the simulator goes through one ``Scheduler`` that the station owns and its
blocks get through the ``StationContext``: heartbeats (G02), the boot retry (B02/B03), reconnect
back-off, TransactionEvent sampling (E01/J02), clock-aligned meter values (J01), monitor checks
(N07/N08), reservation expiry (H01), EVConnectionTimeOut (E03), firmware and log steps (L01, N01)
and reboot delays (B11).

- ``LoopScheduler`` (the default) is asyncio's loop: ``call_later`` and ``sleep`` are the loop's,
  so a station runs in real time exactly as before.
- ``VirtualScheduler`` is a clock of its own that moves only when told: ``next_deadline()`` says
  when the next timer is due, ``handle_timer(now)`` fires what is due by ``now``, and
  ``advance(seconds)`` does both in order while the station's CALLs (``busy``) get their answers,
  so that a day of charging runs in seconds of wall time. It is also the station's clock.
"""

from __future__ import annotations

import asyncio
import heapq
import itertools
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, suppress
from typing import Protocol

SETTLE_ROUNDS = 8  # loop iterations without activity that make the station idle
SETTLE_POLL = 0.0005  # s of wall time between looks at a CALL in flight
SETTLE_BUDGET = 10.0  # s of wall time one ``settle`` may take


class Timer(Protocol):
    """A scheduled callback that can be cancelled."""

    def cancel(self) -> None: ...


class Scheduler(Protocol):
    """What the station's blocks schedule with."""

    def time(self) -> float:
        """Monotonic seconds on the station's clock."""
        ...

    def call_later(self, delay: float, callback: Callable[[], object]) -> Timer:
        """Call ``callback`` once ``delay`` seconds have passed on the clock."""
        ...

    async def sleep(self, delay: float) -> None:
        """Return after ``delay`` seconds on the clock."""
        ...

    async def wait(self, event: asyncio.Event, within: float) -> bool:
        """Wait for ``event`` at most ``within`` seconds; whether it was set."""
        ...

    def busy(self) -> AbstractContextManager[None]:
        """Mark a CALL in flight (a virtual clock waits for it before moving on)."""
        ...


class LoopScheduler:
    """Real time: the asyncio loop's timers, and ``clock`` for reading the time."""

    __slots__ = ("_clock",)

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock

    def time(self) -> float:
        return self._clock()

    def call_later(self, delay: float, callback: Callable[[], object]) -> Timer:
        return asyncio.get_running_loop().call_later(delay, callback)

    async def sleep(self, delay: float) -> None:
        await asyncio.sleep(delay)

    async def wait(self, event: asyncio.Event, within: float) -> bool:
        with suppress(TimeoutError):
            async with asyncio.timeout(within):
                await event.wait()
        return event.is_set()

    @contextmanager
    def busy(self) -> Iterator[None]:
        yield


class VirtualTimer:
    """A timer of a ``VirtualScheduler``."""

    __slots__ = ("callback", "cancelled", "deadline", "seq")

    def __init__(self, deadline: float, seq: int, callback: Callable[[], object]) -> None:
        self.deadline, self.seq, self.callback = deadline, seq, callback
        self.cancelled = False

    def cancel(self) -> None:
        self.cancelled = True

    def __lt__(self, other: VirtualTimer) -> bool:
        return (self.deadline, self.seq) < (other.deadline, other.seq)


class VirtualScheduler:
    """A virtual clock with its timers: time moves only by ``handle_timer``/``advance``.

    Use it as both the clock and the scheduler of a station::

        virtual = VirtualScheduler()
        sim = ChargerSimulator("CP-1", url, scheduler=virtual)
        await sim.connect()
        await virtual.advance(8 * 3600)  # eight hours of samples, heartbeats, expiries
    """

    __slots__ = ("_busy", "_heap", "_now", "_seq")

    def __init__(self, start: float = 0.0) -> None:
        self._now = start
        self._heap: list[VirtualTimer] = []
        self._seq = itertools.count()
        self._busy = 0

    def __call__(self) -> float:
        return self._now

    def time(self) -> float:
        return self._now

    def call_later(self, delay: float, callback: Callable[[], object]) -> VirtualTimer:
        timer = VirtualTimer(self._now + max(0.0, delay), next(self._seq), callback)
        heapq.heappush(self._heap, timer)
        return timer

    async def sleep(self, delay: float) -> None:
        if delay <= 0:
            await asyncio.sleep(0)
            return
        done = asyncio.get_running_loop().create_future()

        def wake() -> None:
            if not done.done():
                done.set_result(None)

        timer = self.call_later(delay, wake)
        try:
            await done
        finally:
            timer.cancel()

    async def wait(self, event: asyncio.Event, within: float) -> bool:
        if event.is_set():
            return True
        waiter = asyncio.ensure_future(event.wait())
        timer = self.call_later(within, waiter.cancel)
        with suppress(asyncio.CancelledError):
            await waiter
        timer.cancel()
        return event.is_set()

    @contextmanager
    def busy(self) -> Iterator[None]:
        self._busy += 1
        try:
            yield
        finally:
            self._busy -= 1

    # --- driving the clock ---

    def next_deadline(self) -> float | None:
        """When the next timer is due (None: no timer)."""
        while self._heap and self._heap[0].cancelled:
            heapq.heappop(self._heap)
        return self._heap[0].deadline if self._heap else None

    def handle_timer(self, now: float) -> int:
        """Move the clock to ``now`` (never back) and fire every timer due by then, in order;
        returns how many fired."""
        self._now = max(self._now, now)
        fired = 0
        while (deadline := self.next_deadline()) is not None and deadline <= self._now:
            timer = heapq.heappop(self._heap)
            timer.callback()
            fired += 1
        return fired

    async def settle(self) -> None:
        """Let the loop run until the station is idle: no CALL in flight and nothing woken for
        ``SETTLE_ROUNDS`` iterations (bounded by ``SETTLE_BUDGET`` s of wall time)."""
        async with asyncio.timeout(SETTLE_BUDGET):
            quiet = 0
            while quiet < SETTLE_ROUNDS:
                if self._busy:
                    quiet = 0
                    await asyncio.sleep(SETTLE_POLL)
                else:
                    quiet += 1
                    await asyncio.sleep(0)

    async def advance(self, seconds: float) -> None:
        """Let ``seconds`` pass: each timer fires at its deadline, in order, and the station
        settles after each before the clock moves on."""
        target = self._now + seconds
        await self.settle()
        while (deadline := self.next_deadline()) is not None and deadline <= target:
            self.handle_timer(deadline)
            await self.settle()
        self._now = max(self._now, target)
        await self.settle()
