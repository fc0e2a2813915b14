"""EVSEs, their connector state machine and their transactions, pure.

Each EVSE has one connector (connectorId 1), as most AC stations are modelled. The connector
status (the StatusNotification ``connectorStatus``, G01) follows this table; an event not in it is
a programming error (``InvalidTransition``)::

    Available   --START-->        Occupied      a transaction begins (the EV is plugged in)
    Occupied    --END-->          Available     the transaction ended (the EV left)
    Available   --INOPERATIVE-->  Unavailable   ChangeAvailability Inoperative (G03/G04)
    Unavailable --OPERATIVE-->    Available     ChangeAvailability Operative
    (Available --OPERATIVE--> and Unavailable --INOPERATIVE--> change nothing; an Occupied EVSE
    made Inoperative becomes Unavailable when its transaction ends: see ``Evse.end``.)

Reserved and Faulted are not modelled.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum

from ocppkit.protocol.models import ConnectorStatusEnumType, IdTokenType
from ocppkit.simulator.meter import MeterModel
from ocppkit.simulator.smart_charging import TransactionContext

Status = ConnectorStatusEnumType
CONNECTOR_ID = 1


class EvseEvent(Enum):
    START = "start"
    END = "end"
    INOPERATIVE = "inoperative"
    OPERATIVE = "operative"


TRANSITIONS: dict[tuple[Status, EvseEvent], Status] = {
    (Status.Available, EvseEvent.START): Status.Occupied,
    (Status.Occupied, EvseEvent.END): Status.Available,
    (Status.Available, EvseEvent.INOPERATIVE): Status.Unavailable,
    (Status.Unavailable, EvseEvent.OPERATIVE): Status.Available,
    (Status.Available, EvseEvent.OPERATIVE): Status.Available,
    (Status.Unavailable, EvseEvent.INOPERATIVE): Status.Unavailable,
}


class InvalidTransition(RuntimeError):
    """An event the EVSE's state does not allow."""


@dataclass(slots=True)
class Transaction:
    """One transaction on an EVSE (E01-E15).

    ``seq_no`` is the next TransactionEvent's sequence number: 0 for Started, then +1 per event.
    """

    transaction_id: str
    id_token: IdTokenType
    started_at: datetime
    started_mono: float
    start_register_wh: float
    remote_start_id: int | None = None
    seq_no: int = 0

    def next_seq_no(self) -> int:
        """Take the sequence number of the next TransactionEvent."""
        seq_no = self.seq_no
        self.seq_no += 1
        return seq_no

    @property
    def context(self) -> TransactionContext:
        return TransactionContext(self.transaction_id, self.started_at)


@dataclass(slots=True)
class Evse:
    """One EVSE with one connector, its meter and its transaction (if any)."""

    evse_id: int
    meter: MeterModel
    status: Status = Status.Available
    transaction: Transaction | None = None
    starting: bool = False  # a transaction is being started (Authorize in flight)
    inoperative_when_idle: bool = False  # ChangeAvailability Inoperative was Scheduled
    last_transaction_wh: float = 0.0  # energy of the last ended transaction
    connector_id: int = field(default=CONNECTOR_ID)

    @property
    def busy(self) -> bool:
        """A transaction is running or being started."""
        return self.transaction is not None or self.starting

    @property
    def available(self) -> bool:
        """A new transaction may start here."""
        return self.status == Status.Available and not self.busy

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

    def begin(self, transaction: Transaction) -> None:
        """A transaction starts: the connector becomes Occupied."""
        self.fire(EvseEvent.START)
        self.transaction = transaction
        self.starting = False

    def end(self, register_wh: float) -> Transaction:
        """The transaction ends; a scheduled Inoperative takes effect now (G03)."""
        transaction = self.transaction
        if transaction is None:
            raise InvalidTransition(f"EVSE {self.evse_id}: no transaction to end")
        self.transaction = None
        self.last_transaction_wh = register_wh - transaction.start_register_wh
        self.fire(EvseEvent.END)
        if self.inoperative_when_idle:
            self.inoperative_when_idle = False
            self.fire(EvseEvent.INOPERATIVE)
        return transaction

    def energy_wh(self, register_wh: float) -> float:
        """Energy of the current transaction, or of the last one when idle (Wh)."""
        if self.transaction is not None:
            return register_wh - self.transaction.start_register_wh
        return self.last_transaction_wh
