"""The EVSE state machine (one transition table) and its transactions."""

from __future__ import annotations

import random
from datetime import UTC, datetime

import pytest

from ocppkit.protocol.models import IdTokenType
from ocppkit.simulator.evse import (
    TRANSITIONS,
    Authorization,
    Evse,
    EvseEvent,
    InvalidTransition,
    Reservation,
    Status,
    Transaction,
    charging_state,
)
from ocppkit.simulator.meter import MeterModel

TOKEN = IdTokenType(id_token="T", type="ISO14443")
OTHER = IdTokenType(id_token="U", type="ISO14443")


def evse() -> Evse:
    return Evse(1, MeterModel(3, 230.0, 16.0, random.Random(0)))


def transaction(start_wh: float = 100.0, token: IdTokenType | None = TOKEN) -> Transaction:
    return Transaction(
        "tx-1", token, datetime(2025, 1, 1, tzinfo=UTC), 0.0, start_wh, authorized=token is not None
    )


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


def test_plug_in_then_unplug_without_a_transaction() -> None:
    e = evse()
    e.plugged = True
    assert e.settle() == Status.Occupied
    assert e.available  # an EV waiting for its driver: a transaction may still start
    e.plugged = False
    assert e.settle() == Status.Available


def test_the_ev_stays_after_a_stop_until_it_leaves() -> None:
    e = evse()
    e.plugged = True
    e.begin(transaction())
    assert charging_state(e) == "Charging"
    e.end(100.0)
    assert e.status == Status.Occupied  # the EV is still plugged in
    e.plugged = False
    assert e.settle() == Status.Available


def test_charging_states_follow_the_ev_and_the_evse() -> None:
    e = evse()
    e.begin(transaction(token=None))
    assert charging_state(e) == "Idle"  # no EV yet
    e.plugged = True
    assert charging_state(e) == "EVConnected"  # not authorized yet
    assert e.transaction is not None
    e.transaction.authorized = True
    assert charging_state(e) == "Charging"
    e.ev_suspended = True
    assert charging_state(e) == "SuspendedEV"
    e.faulted = True
    assert charging_state(e) == "SuspendedEVSE"
    assert e.settle() == Status.Faulted


def test_an_inoperative_request_waits_for_the_transaction() -> None:
    e = evse()
    e.begin(transaction())
    e.inoperative = True
    assert e.settle() == Status.Occupied and e.inoperative_when_idle
    e.end(100.0)
    assert e.status == Status.Unavailable and not e.available
    e.inoperative = False
    assert e.settle() == Status.Available


def test_a_plugged_ev_on_an_inoperative_evse_without_transaction() -> None:
    e = evse()
    e.plugged = True
    e.settle()
    e.inoperative = True
    assert e.settle() == Status.Unavailable  # G03: nothing to wait for
    e.inoperative = False
    assert e.settle() == Status.Occupied


@pytest.mark.parametrize("cause", ["inoperative", "faulted"])
def test_a_waiting_authorization_lapses_when_the_evse_cannot_charge(cause: str) -> None:
    e = evse()
    e.authorization = Authorization(TOKEN, None, 0.0)
    assert e.settle() == Status.Occupied  # the driver waits for the EV
    setattr(e, cause, True)
    assert e.settle() in (Status.Unavailable, Status.Faulted)
    assert e.authorization is None
    setattr(e, cause, False)
    assert e.settle() == Status.Available  # not Occupied for a driver who has gone


def test_a_transaction_keeps_its_driver_through_a_fault() -> None:
    e = evse()
    e.starting = True  # Authorize in flight: its outcome decides
    e.authorization = Authorization(TOKEN, None, 0.0)
    e.faulted = True
    assert e.settle() == Status.Faulted and e.authorization is not None


def test_reservation_states() -> None:
    e = evse()
    e.reservation = Reservation(7, TOKEN, None, 100.0)
    assert e.settle() == Status.Reserved and not e.available
    assert e.reservation.admits(TOKEN) and not e.reservation.admits(OTHER)
    e.faulted = True
    assert e.settle() == Status.Faulted
    e.faulted = False
    assert e.settle() == Status.Reserved  # a fault cleared: what stands comes back
    e.reservation = None
    assert e.settle() == Status.Available


def test_group_token_admits() -> None:
    group = IdTokenType(id_token="G", type="Central")
    reservation = Reservation(1, TOKEN, group, 0.0)
    assert reservation.admits(OTHER, group) and not reservation.admits(OTHER)


def test_events_outside_the_table_are_refused() -> None:
    e = evse()
    with pytest.raises(InvalidTransition):
        e.fire(EvseEvent.FREED)
    e.fire(EvseEvent.INOPERATIVE)
    with pytest.raises(InvalidTransition):
        e.begin(transaction())
    assert (Status.Unavailable, EvseEvent.RESERVE) not in TRANSITIONS
    assert (Status.Faulted, EvseEvent.AUTHORIZE) not in TRANSITIONS


def test_every_status_has_a_way_out() -> None:
    for status in Status:
        assert any(s == status and to != status for (s, _), to in TRANSITIONS.items()), status


def test_sequence_numbers_count_from_zero() -> None:
    tx = transaction()
    assert [tx.next_seq_no() for _ in range(4)] == [0, 1, 2, 3]
