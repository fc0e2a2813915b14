"""EVSEs, their connector state machine and their transactions, pure.

Each EVSE has one connector (connectorId 1), as most AC stations are modelled. The connector
status (the StatusNotification ``connectorStatus``, G01) follows one transition table; an event not
in it is a programming error (``InvalidTransition``)::

    status       event               -> status        when
    Available    PLUG_IN             -> Occupied      an EV plugs in
    Available    AUTHORIZE           -> Occupied      a driver is authorized (or a tx begins)
    Available    RESERVE             -> Reserved      ReserveNow (H01)
    Available    INOPERATIVE         -> Unavailable   ChangeAvailability Inoperative (G03/G04)
    Available    OPERATIVE           -> Available
    Available    FAULT               -> Faulted
    Occupied     PLUG_IN | AUTHORIZE -> Occupied
    Occupied     FREED               -> Available     no EV, no transaction, no authorization left
    Occupied     OPERATIVE           -> Occupied      (a scheduled Inoperative is dropped)
    Occupied     INOPERATIVE         -> Unavailable   no transaction runs (else it waits, G03)
    Occupied     FAULT               -> Faulted
    Reserved     PLUG_IN | AUTHORIZE -> Occupied      the reservation is being used (H01)
    Reserved     RESERVATION_ENDED   -> Available     expired or cancelled (H02, H03)
    Reserved     INOPERATIVE         -> Unavailable   (the reservation is removed)
    Reserved     OPERATIVE           -> Reserved
    Reserved     FAULT               -> Faulted       (the reservation is removed)
    Unavailable  OPERATIVE           -> Available
    Unavailable  INOPERATIVE | PLUG_IN | FREED -> Unavailable
    Unavailable  FAULT               -> Faulted
    Faulted      FAULT_CLEARED       -> Available
    Faulted      FAULT | OPERATIVE | INOPERATIVE | PLUG_IN | FREED -> Faulted

An event only moves the status; what stands (the EV still plugged, the EVSE set Inoperative, a
reservation held) is re-applied by ``Evse.settle`` after FAULT_CLEARED, OPERATIVE and FREED, so
that e.g. a fault cleared with the EV plugged in ends Occupied. A driver's authorization that
waits for the EV lapses when the EVSE turns Unavailable or Faulted: no charge can start there,
and the EVSE must not come back Occupied for a driver who has left. An EVSE made Inoperative
during a transaction becomes Unavailable once the transaction ends (G03: Scheduled).

The charging state of a transaction (TransactionEvent ``chargingState``) is derived, not stored:
``charging_state`` reads it from the EV (plugged, suspended) and the EVSE (authorized, faulted,
offering no power).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum

from ocppkit.protocol.models import (
    ChargingProfileType,
    ChargingStateEnumType,
    ConnectorStatusEnumType,
    IdTokenType,
)
from ocppkit.simulator.meter import MeterModel
from ocppkit.simulator.smart_charging import TransactionContext

Status = ConnectorStatusEnumType
ChargingState = ChargingStateEnumType
CONNECTOR_ID = 1


class EvseEvent(Enum):
    PLUG_IN = "plug-in"
    AUTHORIZE = "authorize"
    FREED = "freed"
    RESERVE = "reserve"
    RESERVATION_ENDED = "reservation-ended"
    INOPERATIVE = "inoperative"
    OPERATIVE = "operative"
    FAULT = "fault"
    FAULT_CLEARED = "fault-cleared"


E = EvseEvent
TRANSITIONS: dict[tuple[Status, EvseEvent], Status] = {
    (Status.Available, E.PLUG_IN): Status.Occupied,
    (Status.Available, E.AUTHORIZE): Status.Occupied,
    (Status.Available, E.RESERVE): Status.Reserved,
    (Status.Available, E.INOPERATIVE): Status.Unavailable,
    (Status.Available, E.OPERATIVE): Status.Available,
    (Status.Available, E.FAULT): Status.Faulted,
    (Status.Occupied, E.PLUG_IN): Status.Occupied,
    (Status.Occupied, E.AUTHORIZE): Status.Occupied,
    (Status.Occupied, E.FREED): Status.Available,
    (Status.Occupied, E.OPERATIVE): Status.Occupied,
    (Status.Occupied, E.INOPERATIVE): Status.Unavailable,
    (Status.Occupied, E.FAULT): Status.Faulted,
    (Status.Reserved, E.PLUG_IN): Status.Occupied,
    (Status.Reserved, E.AUTHORIZE): Status.Occupied,
    (Status.Reserved, E.RESERVATION_ENDED): Status.Available,
    (Status.Reserved, E.INOPERATIVE): Status.Unavailable,
    (Status.Reserved, E.OPERATIVE): Status.Reserved,
    (Status.Reserved, E.FAULT): Status.Faulted,
    (Status.Unavailable, E.OPERATIVE): Status.Available,
    (Status.Unavailable, E.INOPERATIVE): Status.Unavailable,
    (Status.Unavailable, E.PLUG_IN): Status.Unavailable,
    (Status.Unavailable, E.FREED): Status.Unavailable,
    (Status.Unavailable, E.FAULT): Status.Faulted,
    (Status.Faulted, E.FAULT_CLEARED): Status.Available,
    (Status.Faulted, E.FAULT): Status.Faulted,
    (Status.Faulted, E.OPERATIVE): Status.Faulted,
    (Status.Faulted, E.INOPERATIVE): Status.Faulted,
    (Status.Faulted, E.PLUG_IN): Status.Faulted,
    (Status.Faulted, E.FREED): Status.Faulted,
}


class InvalidTransition(RuntimeError):
    """An event the EVSE's state does not allow."""


@dataclass(slots=True)
class Transaction:
    """One transaction on an EVSE (E01-E15).

    ``seq_no`` is the next TransactionEvent's sequence number: 0 for Started, then +1 per event.
    ``charging_state`` is the last one reported (ChargingStateChanged is sent when it moves).
    """

    transaction_id: str
    id_token: IdTokenType | None
    started_at: datetime
    started_mono: float
    start_register_wh: float
    remote_start_id: int | None = None
    seq_no: int = 0
    authorized: bool = True
    reservation_id: int | None = None
    charging_state: ChargingState | None = None

    def next_seq_no(self) -> int:
        """Take the sequence number of the next TransactionEvent."""
        seq_no = self.seq_no
        self.seq_no += 1
        return seq_no

    @property
    def context(self) -> TransactionContext:
        return TransactionContext(self.transaction_id, self.started_at)


@dataclass(frozen=True, slots=True)
class Authorization:
    """A driver authorized on an EVSE before its transaction starts (TxStartPoint not reached)."""

    id_token: IdTokenType
    remote_start_id: int | None = None
    at_mono: float = 0.0
    transaction_id: str | None = None  # chosen at RequestStartTransaction (its TxProfile's)
    profile: ChargingProfileType | None = None  # the TxProfile that came with it (F01/K05)


@dataclass(frozen=True, slots=True)
class Reservation:
    """A reservation held by an EVSE (H01): ``expires_mono`` on the station's clock."""

    reservation_id: int
    id_token: IdTokenType
    group_id_token: IdTokenType | None
    expires_mono: float

    def admits(self, token: IdTokenType, group: IdTokenType | None = None) -> bool:
        """H01: the reserved idToken, or one of the reservation's group, may use it."""
        if _same(token, self.id_token):
            return True
        return (
            self.group_id_token is not None
            and group is not None
            and _same(group, self.group_id_token)
        )


def _same(a: IdTokenType, b: IdTokenType) -> bool:
    return a.id_token == b.id_token and a.type == b.type


@dataclass(slots=True)
class Evse:
    """One EVSE with one connector, its meter, the EV at it and its transaction (if any)."""

    evse_id: int
    meter: MeterModel
    status: Status = Status.Available
    transaction: Transaction | None = None
    starting: bool = False  # a transaction is being started (Authorize in flight)
    plugged: bool = False  # an EV's cable is in the connector
    ev_suspended: bool = False  # the EV draws no power (SuspendedEV)
    inoperative: bool = False  # ChangeAvailability Inoperative (kept across reboots)
    faulted: bool = False
    authorization: Authorization | None = None
    reservation: Reservation | None = None
    ev_follows_transaction: bool = False  # the EV was plugged for the transaction: leaves with it
    last_transaction_wh: float = 0.0  # energy of the last ended transaction
    connector_id: int = field(default=CONNECTOR_ID)

    @property
    def busy(self) -> bool:
        """A transaction is running or being started."""
        return self.transaction is not None or self.starting

    @property
    def available(self) -> bool:
        """A new transaction may start here (an EV may already be plugged in)."""
        return self.status in (Status.Available, Status.Occupied) and not self.busy

    @property
    def inoperative_when_idle(self) -> bool:
        """ChangeAvailability Inoperative was Scheduled: it takes effect once the transaction
        ends."""
        return self.inoperative and self.status == Status.Occupied

    def fire(self, event: EvseEvent) -> Status:
        """Apply ``event`` and return the new status.

        Raises:
            InvalidTransition: the event is not allowed in the present status.
        """
        try:
            self.status = TRANSITIONS[(self.status, event)]
        except KeyError:
            raise InvalidTransition(
                f"EVSE {self.evse_id}: {event.value} while {self.status}"
            ) from None
        return self.status

    def settle(self) -> Status:
        """Bring the status in line with what stands (fault, Inoperative, EV or driver,
        reservation), through the table's transitions only, and return it."""
        status = self._settle()
        if status in (Status.Unavailable, Status.Faulted) and not self.busy:
            self.authorization = None  # the driver cannot charge here now (see above)
        return status

    def _settle(self) -> Status:
        if self.faulted:
            return self.fire(E.FAULT)
        in_use = self.plugged or self.busy or self.authorization is not None
        if self.status == Status.Faulted:
            self.fire(E.FAULT_CLEARED)
        if self.status == Status.Unavailable and not self.inoperative:
            self.fire(E.OPERATIVE)
        if self.status == Status.Reserved and self.reservation is None:
            self.fire(E.RESERVATION_ENDED)
        if self.status == Status.Reserved and in_use:
            self.fire(E.AUTHORIZE)
        if self.status == Status.Occupied and not in_use:
            self.fire(E.FREED)
        if self.status == Status.Occupied and self.inoperative and not self.busy:
            self.fire(E.INOPERATIVE)  # G03: no transaction to wait for
        if self.status == Status.Available:
            if in_use:
                self.fire(E.PLUG_IN if self.plugged else E.AUTHORIZE)
            elif self.inoperative:
                self.fire(E.INOPERATIVE)
            elif self.reservation is not None:
                self.fire(E.RESERVE)
        return self.status

    def begin(self, transaction: Transaction) -> None:
        """A transaction starts: the connector is Occupied (an Authorization is consumed).

        Raises:
            InvalidTransition: the EVSE is Unavailable or Faulted.
        """
        if self.status in (Status.Unavailable, Status.Faulted):
            raise InvalidTransition(f"EVSE {self.evse_id}: a transaction while {self.status}")
        self.transaction = transaction
        self.starting = False
        self.authorization = None
        self.settle()

    def end(self, register_wh: float) -> Transaction:
        """The transaction ends; the EVSE is Available again unless the EV is still plugged
        (and then Unavailable once free if it was set Inoperative meanwhile, G03)."""
        transaction = self.transaction
        if transaction is None:
            raise InvalidTransition(f"EVSE {self.evse_id}: no transaction to end")
        self.transaction = None
        self.last_transaction_wh = register_wh - transaction.start_register_wh
        if self.ev_follows_transaction:
            self.plugged = self.ev_follows_transaction = self.ev_suspended = False
        self.settle()
        return transaction

    def energy_wh(self, register_wh: float) -> float:
        """Energy of the current transaction, or of the last one when idle (Wh)."""
        if self.transaction is not None:
            return register_wh - self.transaction.start_register_wh
        return self.last_transaction_wh

    @property
    def power_path_closed(self) -> bool:
        """The EVSE offers power: EV plugged, driver authorized, no fault."""
        tx = self.transaction
        return self.plugged and tx is not None and tx.authorized and not self.faulted


def charging_state(evse: Evse) -> ChargingState | None:
    """The chargingState of ``evse``'s transaction as its state machine has it (None without
    a transaction); the meter refines Charging (a full EV, a limit of 0)."""
    tx = evse.transaction
    if tx is None:
        return None
    if not evse.plugged:
        return ChargingState.Idle
    if not tx.authorized:
        return ChargingState.EVConnected
    if evse.faulted:
        return ChargingState.SuspendedEVSE
    if evse.ev_suspended:
        return ChargingState.SuspendedEV
    return ChargingState.Charging
