"""C Authorization over real sockets: managed id tokens with status, expiry and group
(C01, C09, C10), the list policy (Invalid for unknown tokens), ConcurrentTx (E05), the same
answers in TransactionEvent (E01/E03), and tokens kept in the database."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from databases import BACKENDS, database_url
from test_csms_support import WAIT, FixedClock, RawStation, transaction_event

from ocppkit.csms import OCPPServer

pytest_plugins = ["test_csms_support"]


def token(value: str, kind: str = "ISO14443") -> dict[str, Any]:
    return {"idToken": {"idToken": value, "type": kind}}


async def authorize(station: RawStation, value: str) -> dict[str, Any]:
    return (await station.result("Authorize", token(value)))["idTokenInfo"]


async def test_C01_managed_tokens_answer_their_status_expiry_and_group(clock: FixedClock) -> None:
    server = OCPPServer("127.0.0.1", 0, clock=clock)  # accept-all: the default policy
    await server.tokens.add("BLOCKED-1", status="Blocked")
    await server.tokens.add("OLD-1", expiry=clock.now - timedelta(hours=1))
    await server.tokens.add(
        "FLEET-7", type="ISO14443", group="FLEET", expiry=clock.now + timedelta(days=1)
    )
    async with asyncio.timeout(WAIT):
        await server.start()
    try:
        station = await RawStation.connect(server.port)
        assert await authorize(station, "blocked-1") == {"status": "Blocked"}
        assert await authorize(station, "OLD-1") == {"status": "Expired"}
        assert await authorize(station, "FLEET-7") == {
            "status": "Accepted",
            "cacheExpiryDateTime": "2025-01-03T03:04:05.000Z",
            "groupIdToken": {"idToken": "FLEET", "type": "Central"},
        }
        assert await authorize(station, "ANYONE") == {"status": "Accepted"}
        with pytest.raises(ValueError):
            await server.tokens.add("X", status="Maybe")
        await station.close()
    finally:
        await server.stop()


async def test_C01_list_policy_unknown_is_invalid_and_block_remove_apply_at_once(
    csms: OCPPServer, station: RawStation
) -> None:
    assert await authorize(station, "NOPE") == {"status": "Invalid"}
    assert await authorize(station, "TOKEN-OK") == {"status": "Accepted"}
    await csms.tokens.block("TOKEN-OK")
    assert await authorize(station, "TOKEN-OK") == {"status": "Blocked"}
    started = await station.result(
        "TransactionEvent", transaction_event("Started", 0, idToken=token("token-ok")["idToken"])
    )
    assert started["idTokenInfo"]["status"] == "Blocked"  # E01/E03: the same answer
    assert await csms.tokens.remove("TOKEN-OK")
    assert await authorize(station, "TOKEN-OK") == {"status": "Accepted"}  # listed again
    assert not await csms.tokens.remove("TOKEN-OK")
    assert await authorize(station, "NoAuth") == {"status": "Invalid"}
    reply = await station.result("Authorize", token("", "NoAuthorization"))
    assert reply["idTokenInfo"]["status"] == "Accepted"  # C03


async def test_E05_a_token_in_a_transaction_elsewhere_is_concurrent_tx(clock: FixedClock) -> None:
    server = OCPPServer("127.0.0.1", 0, clock=clock, allow_concurrent_tx=False)
    async with asyncio.timeout(WAIT):
        await server.start()
    try:
        first = await RawStation.connect(server.port, "CP-A")
        second = await RawStation.connect(server.port, "CP-B")
        card = token("CARD-1")["idToken"]
        started = await first.result(
            "TransactionEvent",
            transaction_event("Started", 0, idToken=card, evse={"id": 1, "connectorId": 1}),
        )
        assert started["idTokenInfo"]["status"] == "Accepted"
        updated = await first.result(
            "TransactionEvent", transaction_event("Updated", 1, idToken=card)
        )
        assert updated["idTokenInfo"]["status"] == "Accepted"  # its own transaction
        assert await authorize(second, "card-1") == {"status": "ConcurrentTx"}
        other = await second.result(
            "TransactionEvent", transaction_event("Started", 0, tx_id="TX-B", idToken=card)
        )
        assert other["idTokenInfo"]["status"] == "ConcurrentTx"
        await first.result("TransactionEvent", transaction_event("Ended", 2))
        await second.result("TransactionEvent", transaction_event("Ended", 1, tx_id="TX-B"))
        assert await authorize(second, "CARD-1") == {"status": "Accepted"}
        await first.close()
        await second.close()
    finally:
        await server.stop()


@pytest.fixture(params=BACKENDS)
async def url(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[str]:
    async with database_url(request.param, tmp_path) as address:
        yield address


async def test_C01_tokens_are_kept_in_the_database(url: str, clock: FixedClock) -> None:
    server = OCPPServer("127.0.0.1", 0, clock=clock, database_url=url, authorized_tokens=["LISTED"])
    await server.tokens.add("EARLY", status="Blocked")  # before start: stored at start
    async with asyncio.timeout(WAIT):
        await server.start()
    await server.tokens.add("CARD-9", group="G1", expiry=clock.now + timedelta(hours=2))
    await server.tokens.add("GONE")
    assert await server.tokens.remove("GONE")
    async with asyncio.timeout(WAIT):
        await server.stop()

    restarted = OCPPServer(
        "127.0.0.1", 0, clock=clock, database_url=url, authorized_tokens=["LISTED"]
    )
    async with asyncio.timeout(WAIT):
        await restarted.start()
    try:
        station = await RawStation.connect(restarted.port)
        assert await authorize(station, "EARLY") == {"status": "Blocked"}
        assert (await authorize(station, "CARD-9"))["groupIdToken"]["idToken"] == "G1"
        assert await authorize(station, "GONE") == {"status": "Invalid"}
        clock.now += timedelta(hours=3)
        assert (await authorize(station, "CARD-9"))["status"] == "Expired"
        await station.close()
    finally:
        await restarted.stop()
