"""Limits that hold under hostile input, and the counters that show them in ``/metrics``.

``Limits`` is every bound the CSMS enforces, in one place (``ServerConfig`` and the command line
set them). ``TokenBucket`` is the rate limiter of a station's messages and of REST clients;
``FailureThrottle`` slows down an address after repeated handshake failures; ``SecurityCounters``
counts refusals and limits hit by reason.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Limits:
    """The CSMS's bounds; None turns a bound off.

    Attributes:
        max_frame_bytes: a WebSocket message over this closes that link with 1009.
        message_rate: messages per second a station may send on average ...
        message_burst: ... and in a burst; beyond, its link is read no faster (backpressure).
        handshake_timeout: seconds for the TCP, TLS and WebSocket opening handshakes.
        max_connections: open station links; more are refused with HTTP 503.
        max_pending_calls: a station's CALLs being handled at once; more get a CALLERROR.
        api_rate: REST requests per second per client address (burst ``api_burst``); beyond,
            HTTP 429.
        auth_concurrency: password verifications (scrypt) running at once.
        auth_failure_max_delay: the longest an address's repeated handshake failures are
            held before their answer (``FailureThrottle``); 0: never held.
    """

    max_frame_bytes: int | None = 1 << 20
    message_rate: float | None = 50.0
    message_burst: int = 200
    handshake_timeout: float = 10.0
    max_connections: int | None = 10_000
    max_pending_calls: int | None = 20
    api_rate: float | None = 50.0
    api_burst: int = 100
    auth_concurrency: int = 2
    auth_failure_max_delay: float = 8.0


class TokenBucket:
    """``rate`` tokens a second, at most ``burst`` saved up."""

    __slots__ = ("_at", "_tokens", "burst", "rate")

    def __init__(self, rate: float, burst: int, now: float) -> None:
        self.rate, self.burst = rate, float(burst)
        self._tokens, self._at = float(burst), now

    def take(self, now: float) -> float:
        """Take one token; 0.0 when one was there, else the seconds until it would be (the
        token is owed: the caller waits that long)."""
        tokens = min(self.burst, self._tokens + (now - self._at) * self.rate)
        self._at = now
        self._tokens = tokens - 1.0
        return 0.0 if tokens >= 1.0 else (1.0 - tokens) / self.rate


class BucketsByKey:
    """One ``TokenBucket`` per key (a client address), the least recently used dropped beyond
    ``max_keys`` so a scan from many addresses cannot grow memory without bound."""

    def __init__(self, rate: float, burst: int, max_keys: int = 10_000) -> None:
        self.rate, self.burst, self.max_keys = rate, burst, max_keys
        self._buckets: OrderedDict[str, TokenBucket] = OrderedDict()

    def take(self, key: str, now: float) -> float:
        bucket = self._buckets.get(key)
        if bucket is None:
            bucket = self._buckets[key] = TokenBucket(self.rate, self.burst, now)
            if len(self._buckets) > self.max_keys:
                self._buckets.popitem(last=False)
        else:
            self._buckets.move_to_end(key)
        return bucket.take(now)


class FailureThrottle:
    """Repeated handshake failures from one address wait longer each time: nothing for the
    first ``free`` failures, then 0.5 s doubling up to ``max_delay``; forgotten ``window``
    seconds after the last one, or at the address's next success."""

    def __init__(
        self,
        free: int = 3,
        max_delay: float = 8.0,
        window: float = 600.0,
        max_addresses: int = 10_000,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.free, self.max_delay, self.window = free, max_delay, window
        self._clock = clock
        self._max = max_addresses
        self._failures: OrderedDict[str, tuple[int, float]] = OrderedDict()

    def delay(self, address: str) -> float:
        """Seconds to wait before answering this address's next failure."""
        count, at = self._failures.get(address, (0, 0.0))
        if count < self.free or self._clock() - at > self.window:
            return 0.0
        return min(self.max_delay, 0.5 * 2.0 ** (count - self.free))

    def failed(self, address: str) -> None:
        now = self._clock()
        count, at = self._failures.pop(address, (0, now))
        self._failures[address] = (1 if now - at > self.window else count + 1, now)
        if len(self._failures) > self._max:
            self._failures.popitem(last=False)

    def succeeded(self, address: str) -> None:
        self._failures.pop(address, None)


class SecurityCounters:
    """Refusals and limits hit, by reason (``ocppkit_security_refusals_total`` and
    ``ocppkit_limits_hit_total`` in /metrics)."""

    def __init__(self) -> None:
        self.refusals: dict[str, int] = {}
        self.limits_hit: dict[str, int] = {}

    def refused(self, reason: str) -> None:
        self.refusals[reason] = self.refusals.get(reason, 0) + 1

    def limit_hit(self, limit: str) -> None:
        self.limits_hit[limit] = self.limits_hit.get(limit, 0) + 1


__all__ = ["BucketsByKey", "FailureThrottle", "Limits", "SecurityCounters", "TokenBucket"]
