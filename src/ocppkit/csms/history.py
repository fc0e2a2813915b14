"""``BoundedHistory``: the newest entries per station, bounded per station AND in total.

The CSMS keeps recent frames (``message_log``), commands and notifications (``tracking``) in
memory for fast reads; the database, when there is one, is the full history. Bounding each
station's ring alone makes memory grow with the station count (200 frames x 10,000 stations is
gigabytes), so the rings share one budget: when the total weight (entries, or bytes with a
``weight`` function) passes ``total``, the oldest entry across all stations goes first. A
station's ring is also capped at ``per_key`` entries, so one chatty station cannot push the
others' histories out entirely within its own share.

Cost per append: a deque append on the station's ring and one on a shared order queue (a
reference to the station's key), O(1) amortised eviction. An entry evicted by its station's cap
leaves its key in the order queue, counted in ``_stale`` and skipped when it reaches the front;
the order queue is rebuilt without them whenever it passes ``2 * total`` keys (one pointer
each), so it stays bounded whatever the traffic, at O(1) amortised cost.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Hashable, Iterator
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
T = TypeVar("T")


class BoundedHistory(Generic[K, T]):
    """Entries per key, oldest first, within ``per_key`` entries per key and ``total`` in all.

    Args:
        total: the budget shared by every key, in ``weight`` units (entries by default).
        per_key: entries kept per key.
        weight: an entry's cost (e.g. its bytes); called when it is appended and again when it
            goes, so it must not change meanwhile (it is not stored: one object less per entry).

    Raises:
        ValueError: a bound below 1.
    """

    def __init__(self, total: int, per_key: int, weight: Callable[[T], int] | None = None) -> None:
        if total < 1 or per_key < 1:
            raise ValueError("a history keeps at least one entry (total and per station >= 1)")
        self.total, self.per_key = total, per_key
        self._weight = weight
        self._rings: dict[K, deque[T]] = {}
        self._order: deque[K] = deque()
        self._stale: dict[K, int] = {}
        self._used = 0

    def append(self, key: K, item: T) -> None:
        """Add ``item`` as ``key``'s newest entry, evicting the oldest entries beyond the
        bounds (an item heavier than ``total`` alone is still kept, as the only entry)."""
        ring = self._rings.get(key)
        if ring is None:
            ring = self._rings[key] = deque()
        ring.append(item)
        self._order.append(key)
        self._used += self._cost(item)
        if len(ring) > self.per_key:
            self._used -= self._cost(ring.popleft())
            self._stale[key] = self._stale.get(key, 0) + 1
        while self._used > self.total and len(self._order) > 1:
            self._evict_oldest()
        if len(self._order) > 2 * self.total:
            self._compact()

    def _evict_oldest(self) -> None:
        key = self._order.popleft()
        stale = self._stale.get(key)
        if stale:  # that entry went already, by its station's cap
            if stale == 1:
                del self._stale[key]
            else:
                self._stale[key] = stale - 1
            return
        ring = self._rings[key]
        self._used -= self._cost(ring.popleft())
        if not ring:
            del self._rings[key]

    def _cost(self, item: T) -> int:
        return 1 if self._weight is None else max(1, self._weight(item))

    def _compact(self) -> None:
        """Drop the keys of entries evicted by their station's cap from the order queue (once
        every ``total`` appends at most: after it the queue holds only live entries)."""
        stale, order = self._stale, deque[K]()
        for key in self._order:
            count = stale.get(key)
            if count:
                stale[key] = count - 1
            else:
                order.append(key)
        self._order, self._stale = order, {}

    def entries(self, key: K) -> list[T]:
        """``key``'s entries, oldest first."""
        ring = self._rings.get(key)
        return [] if ring is None else list(ring)

    def newest_first(self, key: K) -> Iterator[T]:
        """``key``'s entries, newest first (lazily: a search can stop early)."""
        ring = self._rings.get(key)
        if ring is not None:
            yield from reversed(ring)

    @property
    def used(self) -> int:
        """The total weight held now (never above ``total`` but for one oversized entry)."""
        return self._used

    def __len__(self) -> int:
        """Entries held, across keys."""
        return sum(len(ring) for ring in self._rings.values())

    def keys(self) -> list[K]:
        """The keys that hold entries."""
        return list(self._rings)


__all__ = ["BoundedHistory"]
