"""What a fleet run measures over time, bounded in memory whatever the run's length: the CSMS's
reply latency per action (a reservoir of samples), the fleet's state over time (a timeline that
halves its resolution when full) and each session's energy.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field

RESERVOIR = 2000  # latency samples kept per action
TIMELINE_POINTS = 600  # points kept; past that every other one goes and the period doubles
SESSIONS_KEPT = 100_000  # session energies kept


def percentile(values: list[float], q: float) -> float:
    """The ``q``-quantile (0..1) of ``values`` (nearest rank); 0.0 for none."""
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(q * len(ordered)) - 1))]


@dataclass(slots=True)
class Latency:
    """The reply latencies of one action: a count, the largest, and a uniform sample."""

    count: int = 0
    max_s: float = 0.0
    total_s: float = 0.0
    samples: list[float] = field(default_factory=list)

    def add(self, seconds: float, rng: random.Random) -> None:
        self.count += 1
        self.total_s += seconds
        self.max_s = max(self.max_s, seconds)
        if len(self.samples) < RESERVOIR:
            self.samples.append(seconds)
        else:  # reservoir sampling: each reply equally likely to be kept
            slot = rng.randrange(self.count)
            if slot < RESERVOIR:
                self.samples[slot] = seconds

    def summary_ms(self) -> dict[str, float]:
        """count, mean, p50, p95 and max, in milliseconds (the count as is)."""
        return {
            "count": self.count,
            "mean_ms": round(1000 * self.total_s / self.count, 3) if self.count else 0.0,
            "p50_ms": round(1000 * percentile(self.samples, 0.50), 3),
            "p95_ms": round(1000 * percentile(self.samples, 0.95), 3),
            "max_ms": round(1000 * self.max_s, 3),
        }


class ReplyTimer:
    """Times the CSMS's replies to the CALLs the stations send, per action, from the frames.

    Message ids are UUIDs (``protocol.frames.new_message_id``), unique across stations.
    """

    __slots__ = ("_pending", "_rng", "by_action")

    MAX_PENDING = 100_000  # CALLs never answered (links lost) are forgotten past this

    def __init__(self) -> None:
        self._pending: dict[str, tuple[str, float]] = {}
        self._rng = random.Random(0)
        self.by_action: dict[str, Latency] = {}

    def sent(self, text: str, now: float) -> None:
        """A CALL the station sent: ``[2,"<id>","<action>",{...}]``."""
        start = text.find('"')
        end = text.find('"', start + 1)
        action_start = text.find('"', end + 1)
        action_end = text.find('"', action_start + 1)
        if min(start, end, action_start, action_end) < 0:
            return
        if len(self._pending) >= self.MAX_PENDING:
            self._pending.pop(next(iter(self._pending)))
        self._pending[text[start + 1 : end]] = (text[action_start + 1 : action_end], now)

    def answered(self, text: str, now: float) -> None:
        """A CALLRESULT or CALLERROR the station received: ``[3,"<id>",...]``."""
        start = text.find('"')
        end = text.find('"', start + 1)
        if start < 0 or end < 0:
            return
        call = self._pending.pop(text[start + 1 : end], None)
        if call is None:
            return
        action, at = call
        latency = self.by_action.get(action)
        if latency is None:
            latency = self.by_action[action] = Latency()
        latency.add(now - at, self._rng)


class Timeline:
    """(seconds since start, stations online, total power kW) every ``period`` seconds."""

    __slots__ = ("period", "points")

    def __init__(self, period: float = 1.0) -> None:
        self.period = period
        self.points: list[tuple[float, int, float]] = []

    def add(self, at: float, online: int, power_kw: float) -> None:
        if self.points and at - self.points[-1][0] < self.period * 0.999:
            return
        self.points.append((round(at, 3), online, round(power_kw, 3)))
        if len(self.points) > TIMELINE_POINTS:
            self.points = self.points[::2]
            self.period *= 2


__all__ = ["Latency", "ReplyTimer", "Timeline", "percentile"]
