"""Station passwords (scrypt, off the loop), the limiters and the failure throttle."""

from __future__ import annotations

import asyncio

import pytest

from ocppkit.security.limits import BucketsByKey, FailureThrottle, TokenBucket
from ocppkit.security.passwords import (
    PasswordVerifier,
    check_password_rules,
    hash_password,
    verify_password,
)

PASSWORD = "correct-horse-battery"


def test_hashes_are_salted_scrypt_and_verify() -> None:
    first, second = hash_password(PASSWORD), hash_password(PASSWORD)
    assert first != second and first.startswith("scrypt$16384$8$1$")
    assert PASSWORD not in first
    assert verify_password(PASSWORD, first) and verify_password(PASSWORD, second)
    assert not verify_password(PASSWORD + "x", first)
    assert not verify_password(PASSWORD, "sha256$abc")
    assert not verify_password(PASSWORD, "scrypt$garbage")


@pytest.mark.parametrize(
    "password, problem",
    [
        ("a" * 15, "16 to 40"),
        ("a" * 41, "16 to 40"),
        ("a" * 15 + "\n", "printable"),
        ("é" * 16, "ASCII"),
    ],
)
def test_password_rules(password: str, problem: str) -> None:
    assert problem in (check_password_rules(password) or "")


def test_a_good_password_passes_the_rules() -> None:
    assert check_password_rules("with:colon and spaces") is None


async def test_the_verifier_works_off_the_loop_and_remembers_successes() -> None:
    stored = hash_password(PASSWORD)
    verifier = PasswordVerifier(concurrency=1)
    ticks = 0

    async def ticker() -> None:
        nonlocal ticks
        while True:
            ticks += 1
            await asyncio.sleep(0.005)

    task = asyncio.create_task(ticker())
    try:
        assert await verifier.verify(PASSWORD, stored)
        assert ticks > 2  # the loop ran while scrypt did
        assert not await verifier.verify("wrong-password-123", stored)
        loop = asyncio.get_running_loop()
        started = loop.time()
        for _ in range(20):
            assert await verifier.verify(PASSWORD, stored)
        assert loop.time() - started < 0.05  # remembered: no scrypt again
        assert not await verifier.verify(PASSWORD, hash_password("another-password-1"))
    finally:
        task.cancel()


def test_token_bucket_allows_a_burst_then_the_rate() -> None:
    bucket = TokenBucket(rate=10.0, burst=3, now=0.0)
    assert [bucket.take(0.0) for _ in range(3)] == [0.0, 0.0, 0.0]
    assert bucket.take(0.0) == pytest.approx(0.1)
    assert bucket.take(1.0) == 0.0  # refilled


def test_buckets_by_key_are_bounded() -> None:
    buckets = BucketsByKey(rate=1.0, burst=1, max_keys=2)
    assert buckets.take("a", 0.0) == 0.0 and buckets.take("a", 0.0) > 0
    buckets.take("b", 0.0)
    buckets.take("c", 0.0)  # "a" dropped
    assert buckets.take("a", 0.0) == 0.0


def test_the_failure_throttle_doubles_and_forgets() -> None:
    now = [0.0]
    throttle = FailureThrottle(free=2, max_delay=2.0, window=60.0, clock=lambda: now[0])
    delays = []
    for _ in range(6):
        delays.append(throttle.delay("10.0.0.1"))
        throttle.failed("10.0.0.1")
    assert delays == [0.0, 0.0, 0.5, 1.0, 2.0, 2.0]
    assert throttle.delay("10.0.0.2") == 0.0  # per address
    now[0] = 100.0
    assert throttle.delay("10.0.0.1") == 0.0  # the window passed
