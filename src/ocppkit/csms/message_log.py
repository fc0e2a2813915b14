"""The message log: each station's recent OCPP frames, bounded per station and in total bytes
across stations (``BoundedHistory``), and the frame counters behind ``/metrics``.

``MessageLog.attach(server)`` registers it with ``OCPPServer.add_frame_observer`` (so it sees the
links opened from then on: attach it before the server starts). Per frame it reads the frame's
header with one regular expression (the payload is parsed only when the frame is shown), does a
few dict operations and an append to the shared history: no formatting, no I/O. A CALL
is paired with its CALLRESULT/CALLERROR by (station, message id, direction);
both entries then carry the reply latency.

Frame subscribers (the live event stream) get each ``LoggedFrame`` synchronously and must be
cheap (e.g. put it on a queue).
"""

from __future__ import annotations

import bisect
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

import orjson

from ocppkit.csms.history import BoundedHistory

if TYPE_CHECKING:
    from ocppkit.csms import OCPPServer

CALL, CALLRESULT, CALLERROR = 2, 3, 4
MESSAGE_TYPES = {CALL: "CALL", CALLRESULT: "CALLRESULT", CALLERROR: "CALLERROR"}
LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)
"""Upper bounds (seconds) of the reply latency histogram buckets (``+Inf`` is implied)."""

FrameSubscriber = Callable[["LoggedFrame"], None]
FRAMES_PER_STATION = 200
FRAME_LOG_BYTES = 32 << 20
"""The default budget of every station's frames together (their text plus ``FRAME_OVERHEAD``)."""
FRAME_OVERHEAD = 400
"""Bytes an entry costs besides its text: the ``LoggedFrame`` and its small fields (times,
message id, action), its slots in the station's ring and the order queue (measured with
tracemalloc: ~70 MiB for a 32 MiB budget at 200 bytes, so 400)."""


@dataclass(slots=True, eq=False)
class LoggedFrame:
    """One frame as seen on a station's link."""

    seq: int
    charger_id: str
    direction: str  # "in" (from the station) or "out" (to the station)
    time: float  # wall clock, seconds since the epoch
    monotonic: float
    message_type: int | None
    action: str | None  # a reply carries its CALL's action
    message_id: str | None
    text: str
    latency: float | None = None  # seconds between a CALL and its reply (set on both)
    error_code: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The JSON view: the frame's JSON parsed (the raw text if it is not JSON)."""
        try:
            payload: Any = orjson.loads(self.text)
        except orjson.JSONDecodeError:
            payload = self.text
        return {
            "seq": self.seq,
            "charger_id": self.charger_id,
            "direction": self.direction,
            "time": _rfc3339(self.time),
            "message_type": MESSAGE_TYPES.get(self.message_type or 0),
            "action": self.action,
            "message_id": self.message_id,
            "latency_ms": None if self.latency is None else round(self.latency * 1000, 3),
            "error_code": self.error_code,
            "json": payload,
        }


@dataclass(slots=True)
class LatencyHistogram:
    """Cumulative-ready bucket counts, sum and count of reply latencies for one action."""

    counts: list[int]
    total: float = 0.0
    count: int = 0

    def observe(self, seconds: float) -> None:
        self.counts[bisect.bisect_left(LATENCY_BUCKETS, seconds)] += 1
        self.total += seconds
        self.count += 1


def _frame_bytes(frame: LoggedFrame) -> int:
    return len(frame.text) + FRAME_OVERHEAD


class MessageLog:
    """Recent frames per station and frame counters.

    Args:
        size: frames kept per station.
        clock: the wall clock for frame times, seconds since the epoch (``time.time``).
        total_bytes: what every station's frames may hold together (text plus
            ``FRAME_OVERHEAD`` each); the oldest frames across stations go first.
    """

    def __init__(
        self,
        size: int = FRAMES_PER_STATION,
        clock: Callable[[], float] = time.time,
        total_bytes: int = FRAME_LOG_BYTES,
    ) -> None:
        if size < 1:
            raise ValueError("the message log keeps at least one frame per station")
        if total_bytes < 1:
            raise ValueError("the message log needs a byte budget of at least 1")
        self.size = size
        self._clock = clock
        self.history: BoundedHistory[str, LoggedFrame] = BoundedHistory(
            total_bytes, size, _frame_bytes
        )
        self._pending: dict[str, dict[tuple[str, str], LoggedFrame]] = {}
        self._seq = 0
        self._subscribers: list[FrameSubscriber] = []
        self.frames_total: dict[tuple[str, str], int] = {}
        self.callerrors_total: dict[str, int] = {}
        self.latency: dict[str, LatencyHistogram] = {}

    @classmethod
    def attach(
        cls,
        server: OCPPServer,
        size: int = FRAMES_PER_STATION,
        total_bytes: int = FRAME_LOG_BYTES,
    ) -> MessageLog:
        """A message log fed by ``server``'s frames (of links opened from now on)."""
        log = cls(size, total_bytes=total_bytes)
        server.add_frame_observer(log.observe)
        return log

    # --- the hot path ---

    def observe(self, station_id: str, direction: str, text: str) -> None:
        """Record one frame (a ``FrameObserver``)."""
        now = time.monotonic()
        message_type, message_id, action, error_code = _parse(text)
        self._seq += 1
        entry = LoggedFrame(
            self._seq,
            station_id,
            direction,
            self._clock(),
            now,
            message_type,
            action,
            message_id,
            text,
            None,
            error_code,
        )
        if message_type == CALL and message_id is not None:
            self._remember_call(station_id, entry)
        elif message_id is not None and message_type in (CALLRESULT, CALLERROR):
            self._pair_reply(station_id, entry)
        key = (direction, entry.action or "unknown")
        self.frames_total[key] = self.frames_total.get(key, 0) + 1
        if error_code is not None:
            self.callerrors_total[error_code] = self.callerrors_total.get(error_code, 0) + 1
        self.history.append(station_id, entry)
        for subscriber in self._subscribers:
            subscriber(entry)

    def _remember_call(self, station_id: str, entry: LoggedFrame) -> None:
        pending = self._pending.get(station_id)
        if pending is None:
            pending = self._pending[station_id] = {}
        pending[(entry.direction, entry.message_id or "")] = entry
        if len(pending) > self.size:  # unanswered CALLs must not pile up
            del pending[next(iter(pending))]

    def _pair_reply(self, station_id: str, entry: LoggedFrame) -> None:
        call_direction = "out" if entry.direction == "in" else "in"
        pending = self._pending.get(station_id)
        key = (call_direction, entry.message_id or "")
        call = None if pending is None else pending.pop(key, None)
        if call is None:
            return
        if not pending:  # per-station state stays small: no empty dict per idle station
            del self._pending[station_id]
        latency = entry.monotonic - call.monotonic
        call.latency = entry.latency = latency
        entry.action = call.action
        histogram = self.latency.get(call.action or "unknown")
        if histogram is None:
            histogram = LatencyHistogram([0] * (len(LATENCY_BUCKETS) + 1))
            self.latency[call.action or "unknown"] = histogram
        histogram.observe(latency)

    # --- readers ---

    def frames(
        self,
        station_id: str,
        limit: int = 100,
        action: str | None = None,
        direction: str | None = None,
    ) -> list[LoggedFrame]:
        """The station's most recent frames (oldest first), at most ``limit``, filtered."""
        if limit <= 0:
            return []
        selected = []
        for f in self.history.newest_first(station_id):
            if (action is None or f.action == action) and (
                direction is None or f.direction == direction
            ):
                selected.append(f)
                if len(selected) >= limit:
                    break
        selected.reverse()
        return selected

    def subscribe(self, subscriber: FrameSubscriber) -> None:
        """Call ``subscriber(frame)`` with every frame from now on."""
        self._subscribers.append(subscriber)

    def unsubscribe(self, subscriber: FrameSubscriber) -> None:
        """Stop calling ``subscriber`` (no error if it was not subscribed)."""
        if subscriber in self._subscribers:
            self._subscribers.remove(subscriber)

    @property
    def subscriber_count(self) -> int:
        return len(self._subscribers)


def _rfc3339(seconds: float) -> str:
    moment = datetime.fromtimestamp(seconds, UTC)
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")


# The header of a well-formed frame: [type, "id", "action or error code" | payload. Ids and
# names with escapes, or anything unusual, go through the full JSON parser instead.
_HEADER = re.compile(r'\[\s*([234])\s*,\s*"([^"\\]*)"\s*,\s*(?:"([^"\\]*)"|[{\[])')


def _parse(text: str) -> tuple[int | None, str | None, str | None, str | None]:
    """(message type, message id, action of a CALL, error code of a CALLERROR) of a frame; Nones
    for what cannot be read (the CSMS answers those frames itself). Only the header is read:
    the payload is not parsed on this path."""
    match = _HEADER.match(text)
    if match is not None and text.rstrip().endswith("]"):
        message_type, message_id, name = int(match[1]), match[2], match[3]
        if name is None:
            if message_type == CALLRESULT:
                return CALLRESULT, message_id, None, None
        elif message_type == CALL:
            return CALL, message_id, name, None
        elif message_type == CALLERROR:
            return CALLERROR, message_id, None, name
    return _parse_json(text)


def _parse_json(text: str) -> tuple[int | None, str | None, str | None, str | None]:
    try:
        frame = orjson.loads(text)
    except orjson.JSONDecodeError:
        return None, None, None, None
    if type(frame) is not list or len(frame) < 3:
        return None, None, None, None
    message_type, message_id = frame[0], frame[1]
    if type(message_type) is not int or type(message_id) is not str:
        return None, None, None, None
    if message_type == CALL and type(frame[2]) is str:
        return CALL, message_id, frame[2], None
    if message_type == CALLERROR and type(frame[2]) is str:
        return CALLERROR, message_id, None, frame[2]
    return message_type, message_id, None, None


__all__ = [
    "FRAMES_PER_STATION",
    "FRAME_LOG_BYTES",
    "LATENCY_BUCKETS",
    "LatencyHistogram",
    "LoggedFrame",
    "MessageLog",
]
