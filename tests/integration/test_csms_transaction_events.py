"""E01/E04 TransactionEvent semantics on every store (memory, SQLite, PostgreSQL): a resent event
(same station, transactionId, seqNo) changes nothing; events sent late (``offline: true``) or in
any order are folded in by their timestamps; seqNo gaps are noted; after a restart the CSMS still
recognises resent events and folds late ones."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest
from databases import BACKENDS, database_url
from test_csms_support import WAIT, FixedClock, RawStation, energy, power

from ocppkit.csms import OCPPServer
from ocppkit.storage import Database, TransactionRepository

EVSE_1 = {"evse": {"id": 1, "connectorId": 1}}
TOKEN = {"idToken": {"idToken": "TOKEN-OK", "type": "ISO14443"}}


def at(minute: int) -> str:
    return f"2025-01-02T03:{minute:02d}:00Z"


def event(
    kind: str, seq_no: int, minute: int, *samples: dict[str, Any], **extra: Any
) -> dict[str, Any]:
    """A TransactionEvent of TX-1 at 03:mm, its meter value sampled at the same time."""
    trigger = {"Started": "Authorized", "Updated": "MeterValuePeriodic"}.get(kind, "EVDeparted")
    payload: dict[str, Any] = {
        "eventType": kind,
        "timestamp": at(minute),
        "triggerReason": trigger,
        "seqNo": seq_no,
        "transactionInfo": {"transactionId": "TX-1", **extra.pop("info", {})},
        **extra,
    }
    if samples:
        payload["meterValue"] = [{"timestamp": at(minute), "sampledValue": list(samples)}]
    return payload


@pytest.fixture(params=["memory", *BACKENDS])
async def url(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[str | None]:
    if request.param == "memory":
        yield None
        return
    async with database_url(request.param, tmp_path) as address:
        yield address


@pytest.fixture(params=BACKENDS)
async def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[str]:
    async with database_url(request.param, tmp_path) as address:
        yield address


@asynccontextmanager
async def csms(url: str | None) -> AsyncIterator[OCPPServer]:
    server = OCPPServer("127.0.0.1", 0, clock=FixedClock(), call_timeout=2.0, database_url=url)
    async with asyncio.timeout(WAIT):
        await server.start()
    try:
        yield server
    finally:
        async with asyncio.timeout(WAIT):
            await server.stop()


async def send(server: OCPPServer, *payloads: dict[str, Any]) -> list[dict[str, Any]]:
    station = await RawStation.connect(server.port)
    try:
        return [await station.result("TransactionEvent", p) for p in payloads]
    finally:
        await station.close()


def tx(server: OCPPServer) -> dict[str, Any]:
    found = server.get_transaction("TX-1", "CP001")
    assert found is not None
    return found


async def stored_seq_nos(url: str | None) -> list[int] | None:
    if url is None:
        return None
    async with Database(url) as db, db.session() as session:
        records = await TransactionRepository(session).find("CP001", "TX-1")
        assert len(records) == 1
        return [e.seq_no for e in await TransactionRepository(session).events(records[0].id)]


async def test_e01_a_resent_event_changes_nothing(url: str | None) -> None:
    async with csms(url) as server:
        answers = await send(
            server,
            event("Started", 0, 0, energy(1000), **EVSE_1, **TOKEN),
            event("Updated", 1, 1, energy(2000), info={"chargingState": "Charging"}),
            event("Updated", 2, 2, energy(3000), power(7000)),
            # seqNo 1 again, with different content: a resend, ignored
            event("Updated", 1, 5, energy(9000), power(22000), info={"chargingState": "Idle"}),
            event("Started", 0, 0, energy(1000), **EVSE_1, **TOKEN),
        )
        state = tx(server)
    assert answers[-1]["idTokenInfo"]["status"] == "Accepted"  # a resend is answered again
    assert (state["seq_no"], state["charging_state"], state["meter_last_wh"]) == (
        2,
        "Charging",
        3000,
    )
    assert (state["power_w"], state["peak_power_w"], state["energy_kwh"]) == (7000, 7000, 2.0)
    assert await stored_seq_nos(url) in (None, [0, 1, 2])


async def test_e04_offline_events_in_any_order_are_folded_in_by_timestamp(
    url: str | None,
) -> None:
    async with csms(url) as server:
        await send(
            server,
            # the station was offline: it sends its queue newest-first, the Started event last
            event("Updated", 2, 20, energy(3000), power(5000), offline=True),
            event(
                "Updated",
                1,
                10,
                energy(2000),
                power(9000),
                offline=True,
                info={"chargingState": "SuspendedEV"},
            ),
            event(
                "Started",
                0,
                0,
                energy(1000),
                offline=True,
                **EVSE_1,
                **TOKEN,
                info={"chargingState": "Charging"},
            ),
        )
        running = tx(server)
        await send(
            server, event("Ended", 3, 30, energy(4500), info={"stoppedReason": "EVDisconnected"})
        )
        ended = tx(server)
    # the newest event (03:20) wins: its charging state was never given, the older ones' apply
    # only where nothing newer is known
    assert running["started_at"] == at(0).replace("Z", ".000Z")
    assert (running["meter_start_wh"], running["meter_last_wh"]) == (1000, 3000)
    assert (running["power_w"], running["peak_power_w"]) == (5000, 9000)
    assert running["charging_state"] == "SuspendedEV"  # the only one known before 03:20
    assert running["evse_id"] == 1 and running["id_token"] == "TOKEN-OK"
    assert (ended["meter_stop_wh"], ended["energy_kwh"]) == (4500, 3.5)
    assert ended["stopped_reason"] == "EVDisconnected" and not ended["active"]
    assert ended["missing_seq_nos"] == []
    assert await stored_seq_nos(url) in (None, [0, 1, 2, 3])


async def test_e04_a_late_event_never_overwrites_newer_state(url: str | None) -> None:
    async with csms(url) as server:
        await send(
            server,
            event("Started", 0, 0, energy(1000), **EVSE_1, **TOKEN),
            event(
                "Updated", 2, 20, energy(3000), power(4000), info={"chargingState": "SuspendedEVSE"}
            ),
            event(
                "Updated",
                1,
                10,
                energy(2000),
                power(11000),
                offline=True,
                info={"chargingState": "Charging"},
            ),
        )
        state = tx(server)
        meter = server.get_charger_status("CP001")
    assert (state["charging_state"], state["meter_last_wh"], state["power_w"]) == (
        "SuspendedEVSE",
        3000,
        4000,
    )
    assert state["peak_power_w"] == 11000  # the peak is a peak whenever it was sampled
    assert meter is not None and meter["evses"][0]["meter"]["energy_wh"] == 3000


async def test_e01_seq_no_gaps_are_noted(url: str | None, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING, logger="ocppkit.csms")
    async with csms(url) as server:
        await send(
            server,
            event("Started", 0, 0, energy(0), **EVSE_1),
            event("Updated", 1, 1, energy(10)),
            event("Updated", 3, 3, energy(30)),
        )
        running = tx(server)
        await send(server, event("Ended", 5, 5, energy(50)))
        ended = tx(server)
    assert running["missing_seq_nos"] == [2]
    assert ended["missing_seq_nos"] == [2, 4]
    assert "TX-1 ended with seqNo(s) [2, 4] never received" in caplog.text


async def test_after_a_restart_resent_events_are_recognised_and_late_ones_folded(
    db_url: str,
) -> None:
    url = db_url
    async with csms(url) as server:
        await send(
            server,
            event("Started", 0, 0, energy(1000), **EVSE_1, **TOKEN),
            event("Updated", 2, 20, energy(3000), power(6000)),
        )
    async with csms(url) as server:
        restored = tx(server)
        await send(
            server,
            event("Updated", 2, 20, energy(3000), power(6000)),  # resent: nothing changes
            event("Updated", 1, 10, energy(2000), power(8000), offline=True),  # late: folded
        )
        folded = tx(server)
        await send(server, event("Ended", 3, 30, energy(4000)))
        ended = tx(server)
    assert restored["missing_seq_nos"] == [1]
    assert (folded["meter_last_wh"], folded["power_w"], folded["peak_power_w"]) == (
        3000,
        6000,
        8000,
    )
    assert folded["missing_seq_nos"] == []
    assert (ended["energy_kwh"], ended["meter_stop_wh"]) == (3.0, 4000)
    assert await stored_seq_nos(url) == [0, 1, 2, 3]
