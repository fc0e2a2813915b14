"""E Transactions: TransactionEvent through the router (no sockets)."""

from datetime import UTC, datetime
from typing import Any

from ocppkit.csms.registry import Charger, Transaction

from .support import NOW, Csms


def event(kind: str, seq: int, tx: str = "T1", **extra: Any) -> dict[str, Any]:
    return {
        "eventType": kind,
        "timestamp": "2025-01-02T03:00:00Z",
        "triggerReason": "Authorized",
        "seqNo": seq,
        "transactionInfo": {"transactionId": tx},
        **extra,
    }


def energy(wh: float) -> list[dict[str, Any]]:
    return [{"timestamp": "2025-01-02T03:00:00Z", "sampledValue": [{"value": wh}]}]


async def test_transaction_lifecycle_without_begin_reading() -> None:
    csms = Csms()
    assert await csms.send("CP", "TransactionEvent", event("Started", 0, evse={"id": 2})) == {}
    await csms.send("CP", "TransactionEvent", event("Updated", 1, meterValue=energy(100)))
    await csms.send("CP", "TransactionEvent", event("Updated", 2, meterValue=energy(400)))
    charger = csms.registry.get("CP")
    assert isinstance(charger, Charger) and charger.meters[2].energy_wh == 400
    await csms.send("CP", "TransactionEvent", event("Ended", 3))
    tx = csms.registry.find_transaction("T1")
    assert isinstance(tx, Transaction)
    assert (tx.meter_start_wh, tx.meter_stop_wh, tx.energy_kwh) == (100, 400, 0.3)
    assert tx.stopped_reason == "Local"  # E06: an omitted stoppedReason means Local
    assert tx.started_at == datetime(2025, 1, 2, 3, 0, tzinfo=UTC) and tx.ended_at == NOW
    assert not charger.active


async def test_unknown_transaction_is_opened_from_any_event() -> None:
    csms = Csms(tokens=["GOOD"])
    reply = await csms.send(
        "CP", "TransactionEvent", event("Updated", 5, idToken={"idToken": "bad", "type": "Central"})
    )
    assert reply == {"idTokenInfo": {"status": "Invalid"}}  # E01/E03: the token's status
    charger = csms.registry.get("CP")
    assert charger is not None and charger.active_transaction() is not None  # E04, E12


async def test_transaction_ids_are_per_station_and_ended_ones_are_bounded() -> None:
    csms = Csms(max_ended=2)
    for station in ("A", "B"):
        await csms.send(station, "TransactionEvent", event("Started", 0, tx="T1"))
    first, second = (csms.registry.find_transaction("T1", s) for s in ("A", "B"))
    assert first is not None and second is not None and first is not second
    for n in range(4):
        await csms.send("A", "TransactionEvent", event("Started", 0, tx=f"X{n}"))
        await csms.send("A", "TransactionEvent", event("Ended", 1, tx=f"X{n}"))
    assert csms.registry.find_transaction("X0") is None
    assert csms.registry.find_transaction("X3") is not None
    assert csms.registry.find_transaction("T1", "A") is not None  # active ones are kept


async def test_a_resent_event_changes_nothing_and_is_not_a_station_message() -> None:
    csms = Csms()
    await csms.send("CP", "TransactionEvent", event("Started", 0, meterValue=energy(100)))
    await csms.send("CP", "TransactionEvent", event("Started", 0, meterValue=energy(900)))
    tx = csms.registry.find_transaction("T1")
    assert tx is not None and tx.meter_last_wh == 100  # idempotent on (station, tx, seqNo)
    assert await csms.tracker.messages("CP") == []
