"""The queue of TransactionEvents the CSMS has not received yet (E04, E12), pure file I/O.

While the CSMS is unreachable, transaction messages wait here in the order they occurred and go
out in that order once the link is back, before any newer one (E04.FR.01). With a state
directory, the queue is kept in ``<state_dir>/<charger_id>.queue.jsonl`` (one wire payload per
line) so that a station restarted with the same directory still delivers them: an append per new
event, a rewrite when events leave (the file stays small: it holds only what is undelivered).
"""

from __future__ import annotations

import json
import logging
from collections import deque
from pathlib import Path

from ocppkit.protocol.models import TransactionEventEnumType, TransactionEventRequest
from ocppkit.protocol.validation import to_wire_dict

log = logging.getLogger("ocppkit.simulator")

MAX_QUEUED = (
    20_000  # beyond this, the oldest Updated events are dropped (Started and Ended are kept)
)


class OfflineQueue:
    """TransactionEvents waiting for the CSMS, oldest first.

    Args:
        path: the file that keeps the queue across runs; None keeps it in memory only.
        limit: the most events held; when full, the oldest Updated event makes room (Started
            and Ended are never dropped).
    """

    def __init__(self, path: Path | None = None, limit: int = MAX_QUEUED) -> None:
        self._path = path
        self._limit = limit
        self._events: deque[TransactionEventRequest] = deque()
        if path is not None and path.exists():
            self._load(path)

    def _load(self, path: Path) -> None:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                self._events.append(TransactionEventRequest.model_validate(json.loads(line)))
            except ValueError as exc:  # a torn last line after a crash: skip it
                log.warning("skipping line %d of %s: %r", number, path, exc)

    def __len__(self) -> int:
        return len(self._events)

    def __bool__(self) -> bool:
        return bool(self._events)

    def holds(self, transaction_id: str) -> bool:
        """Whether an event of ``transaction_id`` waits here (E14 messagesInQueue)."""
        return any(e.transaction_info.transaction_id == transaction_id for e in self._events)

    def append(self, event: TransactionEventRequest) -> None:
        """Queue ``event`` behind the others (and on disk)."""
        if len(self._events) >= self._limit and self._drop_oldest_update():
            self._rewrite()
        self._events.append(event)
        if self._path is not None:
            with self._path.open("a", encoding="utf-8") as out:
                out.write(json.dumps(to_wire_dict(event), separators=(",", ":")) + "\n")

    def peek(self) -> TransactionEventRequest | None:
        """The oldest event, left in the queue."""
        return self._events[0] if self._events else None

    def pop(self) -> TransactionEventRequest:
        """Remove and return the oldest event (once the CSMS answered it)."""
        event = self._events.popleft()
        self._rewrite()
        return event

    def _drop_oldest_update(self) -> bool:
        for event in self._events:
            if event.event_type == TransactionEventEnumType.Updated:
                self._events.remove(event)
                log.warning("offline queue full: dropped seqNo %d", event.seq_no)
                return True
        return False

    def _rewrite(self) -> None:
        if self._path is None:
            return
        lines = (json.dumps(to_wire_dict(e), separators=(",", ":")) + "\n" for e in self._events)
        tmp = self._path.with_suffix(".tmp")
        tmp.write_text("".join(lines), encoding="utf-8")
        tmp.replace(self._path)
