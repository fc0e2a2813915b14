"""Seeded random streams made at their first draw.

A ``random.Random`` holds ~2.5 KB of state, and most of a station's streams (back-off jitter,
transaction ids, voltage noise, arriving EVs) are never drawn from while it idles; a fleet of
thousands of idle stations would hold them all. ``LazyRandom`` keeps the seed and makes the
generator when a draw first needs it, so a seeded run draws exactly the same numbers.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import TypeVar

T = TypeVar("T")


class LazyRandom:
    """A ``random.Random(seed)`` made at the first draw.

    Args:
        seed: what ``random.Random`` is seeded with (None: from the system).
    """

    __slots__ = ("_random", "_seed")

    def __init__(self, seed: int | str | None) -> None:
        self._seed = seed
        self._random: random.Random | None = None

    @property
    def random(self) -> random.Random:
        """The generator (made now if not yet)."""
        if self._random is None:
            self._random = random.Random(self._seed)
        return self._random

    def uniform(self, a: float, b: float) -> float:
        """As ``random.Random.uniform``."""
        return self.random.uniform(a, b)

    def choices(self, population: Sequence[T], weights: Sequence[float]) -> list[T]:
        """As ``random.Random.choices`` (one draw: ``k`` is 1)."""
        return self.random.choices(population, weights)

    def getrandbits(self, k: int) -> int:
        """As ``random.Random.getrandbits``."""
        return self.random.getrandbits(k)


Stream = random.Random | LazyRandom  # what takes draws accepts either
