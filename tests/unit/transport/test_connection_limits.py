"""Connection's bounds: our CALLs queued towards a peer, and the limit observer."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from fake_ws import fake_pair

from ocppkit.transport import Connection, TooManyCallsError


async def _never(action: str, request: Any) -> Any:
    raise AssertionError("not called")


async def test_our_calls_beyond_the_pending_bound_are_not_sent() -> None:
    ours, _theirs = fake_pair()
    hits: list[str] = []
    link = Connection(
        ours, "CS1", "SERVER", frozenset(), _never, 5, max_pending_calls=1, on_limit=hits.append
    )
    first = asyncio.create_task(link.call("Reset", {"type": "Immediate"}))
    second = asyncio.create_task(link.call("Reset", {"type": "Immediate"}))  # queued
    await asyncio.sleep(0)
    with pytest.raises(TooManyCallsError, match="1 CALLs already wait"):
        await link.call("Reset", {"type": "Immediate"})
    assert hits == ["max_pending_calls"] and len(ours.sent) == 1  # only the first went out
    for task in (first, second):
        task.cancel()
    await asyncio.gather(first, second, return_exceptions=True)
