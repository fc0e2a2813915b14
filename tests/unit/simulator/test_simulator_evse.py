"""The EVSE state machine and its transactions."""

from __future__ import annotations

import random
from datetime import UTC, datetime

import pytest

from ocppkit.protocol.models import IdTokenType
from ocppkit.simulator.evse import (
    TRANSITIONS,
    Evse,
    EvseEvent,
    InvalidTransition,
    Status,
    Transaction,
)
from ocppkit.simulator.meter import MeterModel

TOKEN = IdTokenType(id_token="T", type="ISO14443")


def evse() -> Evse:
    return Evse(1, MeterModel(3, 230.0, 16.0, random.Random(0)))


def transaction(start_wh: float = 100.0) -> Transaction:
    return Transaction("tx-1", TOKEN, datetime(2025, 1, 1, tzinfo=UTC), 0.0, start_wh)


def test_a_transaction_occupies_then_frees_the_connector() -> None:
    e = evse()
    assert e.available
    e.starting = True
    assert not e.available and e.busy
    e.begin(transaction())
    assert e.status == Status.Occupied and not e.starting
    tx = e.end(350.0)
    assert tx.transaction_id == "tx-1"
    assert e.status == Status.Available and e.last_transaction_wh == 250.0
    assert e.energy_wh(400.0) == 250.0


def test_an_inoperative_request_waits_for_the_transaction() -> None:
    e = evse()
    e.begin(transaction())
    e.inoperative_when_idle = True
    e.end(100.0)
    assert e.status == Status.Unavailable and not e.available
    assert e.fire(EvseEvent.OPERATIVE) == Status.Available


def test_events_outside_the_table_are_refused() -> None:
    e = evse()
    with pytest.raises(InvalidTransition):
        e.fire(EvseEvent.END)
    e.fire(EvseEvent.INOPERATIVE)
    with pytest.raises(InvalidTransition):
        e.begin(transaction())
    assert (Status.Occupied, EvseEvent.INOPERATIVE) not in TRANSITIONS


def test_sequence_numbers_count_from_zero() -> None:
    tx = transaction()
    assert [tx.next_seq_no() for _ in range(4)] == [0, 1, 2, 3]
