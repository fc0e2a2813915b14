"""The live registry of the CSMS: every station seen since start, its link, boot record, connector
statuses, latest meter values, and the transactions it runs.

The registry is plain in-memory state owned by one ``OCPPServer`` (no module globals). Its views
(``to_dict``) are the typed, JSON-ready dicts of ``ocppkit.csms.views``: times are RFC 3339 UTC
text, enums are plain strings.
Transactions are keyed by (station, transactionId), since transaction ids are only unique per
station; ended transactions are kept up to a bound, oldest dropped first.
"""

from __future__ import annotations

import itertools
import uuid
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any, cast

from ocppkit.csms.clock import format_optional, format_time
from ocppkit.csms.device_models import DeviceModel
from ocppkit.csms.views import (
    BootView,
    ConnectorView,
    DeviceModelSummaryView,
    EvseView,
    MeterView,
    StationView,
    TransactionSummaryView,
    TransactionView,
)
from ocppkit.protocol.errors import NotConnectedError

if TYPE_CHECKING:
    from ocppkit.csms.cost import TransactionCost
    from ocppkit.transport import Connection

TransactionKey = tuple[str, str]  # (charger id, transaction id)
# An EVSE's status is that of its most significant connector, in this order.
STATUS_ORDER = ("Faulted", "Occupied", "Reserved", "Unavailable", "Available")


def evse_status(connector_statuses: Iterable[str]) -> str | None:
    """An EVSE's status: that of its most significant connector (None without connectors)."""
    present = set(connector_statuses)
    return next((s for s in STATUS_ORDER if s in present), None)


@dataclass(slots=True)
class BootInfo:
    """What a station said in its last BootNotification (B01)."""

    vendor: str
    model: str
    serial_number: str | None
    firmware_version: str | None
    reason: str
    booted_at: datetime
    status: str = "Accepted"

    def to_dict(self) -> BootView:
        return {
            "vendor": self.vendor,
            "model": self.model,
            "serial_number": self.serial_number,
            "firmware_version": self.firmware_version,
            "reason": self.reason,
            "status": self.status,
            "booted_at": format_time(self.booted_at),
        }


@dataclass(slots=True)
class ConnectorStatus:
    """The last StatusNotification for one connector (G01)."""

    status: str
    timestamp: datetime  # the station's time of the change
    received_at: datetime


@dataclass(slots=True)
class MeterSnapshot:
    """The latest meter reading of one EVSE (evse 0 is the station's main meter)."""

    timestamp: datetime
    energy_wh: float | None
    power_w: float | None
    sampled_values: list[dict[str, Any]]

    def to_dict(self) -> MeterView:
        return {
            "timestamp": format_time(self.timestamp),
            "energy_wh": self.energy_wh,
            "power_w": self.power_w,
            "sampled_values": self.sampled_values,
        }


@dataclass(slots=True, eq=False)
class Transaction:
    """One transaction as the CSMS knows it from TransactionEvent (E01-E15) and MeterValues."""

    transaction_id: str
    charger_id: str
    started_at: datetime
    seq_no: int
    evse_id: int | None = None
    connector_id: int | None = None
    id_token: str | None = None
    id_token_type: str | None = None
    remote_start_id: int | None = None
    charging_state: str | None = None
    meter_start_wh: float | None = None
    meter_last_wh: float | None = None
    meter_stop_wh: float | None = None
    power_w: float | None = None
    stopped_reason: str | None = None
    updated_at: datetime | None = None
    ended_at: datetime | None = None
    peak_power_w: float | None = None
    # The CSMS's own key for this transaction (transaction ids are only unique per station).
    record_id: str = field(default_factory=lambda: uuid.uuid4().hex)
    # The seqNos received (E01: one per event); None when unknown (an ended transaction read
    # back from storage), then every seqNo up to ``seq_no`` counts as received.
    seq_nos: set[int] | None = field(default_factory=set)
    # The station's time of the newest event applied, and of the meter start / last readings:
    # events sent late (offline, E04) are folded in by these, never over newer state.
    last_event_at: datetime | None = None
    meter_start_at: datetime | None = None
    meter_last_at: datetime | None = None
    _seq_low: int = 0  # the lowest seqNo in ``seq_nos``
    # What the transaction costs (block I): set by ``ocppkit.csms.blocks.tariff_cost`` once a
    # tariff prices it; in memory only.
    cost: TransactionCost | None = None

    @property
    def active(self) -> bool:
        return self.ended_at is None

    @property
    def energy_kwh(self) -> float:
        """Energy delivered so far (or in total, once ended), in kWh."""
        end = self.meter_stop_wh if self.meter_stop_wh is not None else self.meter_last_wh
        if self.meter_start_wh is None or end is None:
            return 0.0
        return round(max(0.0, end - self.meter_start_wh) / 1000.0, 4)

    def record_energy(self, energy_wh: float, at: datetime | None = None) -> None:
        """An Energy.Active.Import.Register reading taken at ``at`` (the station's time): the
        earliest reading is the meter start, the latest the current register. Without a time,
        the reading is taken as the latest."""
        if self.meter_start_wh is None or _earlier(at, self.meter_start_at):
            self.meter_start_wh, self.meter_start_at = energy_wh, at
        if self.meter_last_wh is None or not _earlier(at, self.meter_last_at):
            self.meter_last_wh, self.meter_last_at = energy_wh, at
        if self.ended_at is not None:
            self.meter_stop_wh = self.meter_last_wh

    def record_power(self, power_w: float, at: datetime | None = None) -> None:
        """A Power.Active.Import reading taken at ``at``: the highest one is kept as the peak;
        it is the current power unless a later reading was recorded already."""
        if not _earlier(at, self.meter_last_at) and self.ended_at is None:
            self.power_w = power_w
        if self.peak_power_w is None or power_w > self.peak_power_w:
            self.peak_power_w = power_w

    def has_seq_no(self, seq_no: int) -> bool:
        """Whether the event with this seqNo was received already (E01: a resend)."""
        if self.seq_nos is None:
            return seq_no <= self.seq_no
        return seq_no in self.seq_nos

    def add_seq_no(self, seq_no: int) -> None:
        if self.seq_nos is not None:
            if not self.seq_nos or seq_no < self._seq_low:
                self._seq_low = seq_no
            self.seq_nos.add(seq_no)
        self.seq_no = max(self.seq_no, seq_no)

    @property
    def missing_seq_nos(self) -> list[int]:
        """seqNos between the lowest and the highest received that never arrived (at most
        100 listed): events lost, or still queued at the station."""
        seen = self.seq_nos
        if not seen:
            return []
        low, high = self._seq_low, self.seq_no
        if high - low + 1 == len(seen):  # contiguous: the usual case, answered in O(1)
            return []
        missing = (n for n in range(low, high) if n not in seen)
        return list(itertools.islice(missing, 100))

    def summary(self) -> TransactionSummaryView:
        """The short view used in station status: id, EVSE, token, energy, power, start."""
        return {
            "transaction_id": self.transaction_id,
            "evse_id": self.evse_id,
            "connector_id": self.connector_id,
            "id_token": self.id_token,
            "energy_kwh": self.energy_kwh,
            "power_w": self.power_w,
            "charging_state": self.charging_state,
            "started_at": format_time(self.started_at),
        }

    def to_dict(self) -> TransactionView:
        """The full view (``OCPPServer.get_transaction``)."""
        return {
            **self.summary(),
            "charger_id": self.charger_id,
            "active": self.active,
            "id_token_type": self.id_token_type,
            "remote_start_id": self.remote_start_id,
            "seq_no": self.seq_no,
            "missing_seq_nos": self.missing_seq_nos,
            "meter_start_wh": self.meter_start_wh,
            "meter_last_wh": self.meter_last_wh,
            "meter_stop_wh": self.meter_stop_wh,
            "peak_power_w": self.peak_power_w,
            "stopped_reason": self.stopped_reason,
            "updated_at": format_optional(self.updated_at),
            "ended_at": format_optional(self.ended_at),
            "cost": None if self.cost is None else self.cost.view(not self.active),
        }


def _earlier(at: datetime | None, than: datetime | None) -> bool:
    return at is not None and than is not None and at < than


@dataclass(slots=True, eq=False)
class Charger:
    """One charging station known to the CSMS, connected or not."""

    charger_id: str
    connection: Connection | None = None
    connected_at: datetime | None = None
    disconnected_at: datetime | None = None
    last_seen: datetime | None = None
    boot: BootInfo | None = None
    firmware_status: str | None = None
    connectors: dict[tuple[int, int], ConnectorStatus] = field(default_factory=dict)
    meters: dict[int, MeterSnapshot] = field(default_factory=dict)
    # running transactions by transaction id, in start order
    active: dict[str, Transaction] = field(default_factory=dict)
    device_model: DeviceModel | None = None  # from the last complete NotifyReport (B07/B08)
    ocpp_version: str | None = None  # the subprotocol of its latest link ("ocpp1.6", ...)

    @property
    def connected(self) -> bool:
        return self.connection is not None

    @property
    def registration_status(self) -> str | None:
        """The status of the last BootNotificationResponse (B01-B03); None before any boot."""
        return None if self.boot is None else self.boot.status

    def active_transaction(self) -> Transaction | None:
        """The most recently started transaction still running, if any."""
        return next(reversed(self.active.values()), None)

    def to_dict(self, lenient: bool = False, lenient_violations: int = 0) -> StationView:
        """The status view; see ``OCPPServer.get_charger_status`` for its keys.

        Args:
            lenient, lenient_violations: what the server knows of its validation.
        """
        current = self.active_transaction()
        model = self.device_model
        return {
            "charger_id": self.charger_id,
            "ocpp_version": self.ocpp_version,
            "connection": "connected" if self.connected else "disconnected",
            "connected_at": format_optional(self.connected_at),
            "disconnected_at": format_optional(self.disconnected_at),
            "last_seen": format_optional(self.last_seen),
            "boot": None if self.boot is None else self.boot.to_dict(),
            "registration_status": self.registration_status,
            "device_model": None
            if model is None
            else cast(DeviceModelSummaryView, model.summary()),
            "firmware_status": self.firmware_status,
            "evses": self.evses(),
            "transaction": None if current is None else current.summary(),
            "active_transactions": [tx.summary() for tx in self.active.values()],
            "lenient": lenient,
            "lenient_violations": lenient_violations,
        }

    def evses(self) -> list[EvseView]:
        """Its EVSEs by id: those it reported a connector status or a meter reading of."""
        evse_ids = sorted({evse for evse, _ in self.connectors} | set(self.meters))
        return [self._evse(evse_id) for evse_id in evse_ids]

    def _evse(self, evse_id: int) -> EvseView:
        connectors: list[ConnectorView] = [
            {
                "connector_id": connector_id,
                "status": status.status,
                "timestamp": format_time(status.timestamp),
            }
            for (evse, connector_id), status in sorted(self.connectors.items())
            if evse == evse_id
        ]
        statuses = (s.status for (evse, _), s in self.connectors.items() if evse == evse_id)
        return {
            "evse_id": evse_id,
            "status": evse_status(statuses),
            "connectors": connectors,
            "meter": self.meters[evse_id].to_dict() if evse_id in self.meters else None,
        }


class ChargerRegistry:
    """Stations and transactions, by id.

    Args:
        max_ended_transactions: how many ended transactions to keep for ``find_transaction``.
    """

    def __init__(self, max_ended_transactions: int = 10_000) -> None:
        self.chargers: dict[str, Charger] = {}
        self._transactions: dict[TransactionKey, Transaction] = {}
        self._ended: deque[TransactionKey] = deque()
        self._max_ended = max_ended_transactions

    # --- stations ---

    def get(self, station_id: str) -> Charger | None:
        return self.chargers.get(station_id)

    def ensure(self, station_id: str) -> Charger:
        charger = self.chargers.get(station_id)
        if charger is None:
            charger = self.chargers[station_id] = Charger(station_id)
        return charger

    def attach(self, station_id: str, connection: Connection, now: datetime) -> Connection | None:
        """Make ``connection`` the station's link; returns the link it replaces, if any."""
        charger = self.ensure(station_id)
        old, charger.connection = charger.connection, connection
        charger.connected_at = charger.last_seen = now
        return old

    def detach(self, station_id: str, connection: Connection, now: datetime) -> bool:
        """Forget ``connection``; False when it had already been replaced by a newer link."""
        charger = self.chargers.get(station_id)
        if charger is None or charger.connection is not connection:
            return False
        charger.connection = None
        charger.disconnected_at = now
        return True

    def connection(self, station_id: str) -> Connection:
        """The station's open link.

        Raises:
            NotConnectedError: the station is unknown or not connected.
        """
        charger = self.chargers.get(station_id)
        if charger is None or charger.connection is None or charger.connection.closed:
            raise NotConnectedError(f"charging station {station_id!r} is not connected")
        return charger.connection

    # --- transactions ---

    def transaction(self, station_id: str, transaction_id: str) -> Transaction | None:
        return self._transactions.get((station_id, transaction_id))

    def find_transaction(
        self, transaction_id: str, station_id: str | None = None
    ) -> Transaction | None:
        """A transaction by id; without ``charger_id`` the most recent one with that id."""
        if station_id is not None:
            return self._transactions.get((station_id, transaction_id))
        for (_, tx_id), tx in reversed(self._transactions.items()):
            if tx_id == transaction_id:
                return tx
        return None

    def open_transaction(self, charger: Charger, tx: Transaction) -> None:
        """Register a transaction the station started (or that first shows up mid-way)."""
        self._transactions[(charger.charger_id, tx.transaction_id)] = tx
        charger.active[tx.transaction_id] = tx

    def restore_transaction(self, charger: Charger, tx: Transaction) -> None:
        """Register a transaction read back from storage, active or ended, as it was."""
        if tx.active:
            self.open_transaction(charger, tx)
            return
        self._transactions[(charger.charger_id, tx.transaction_id)] = tx
        self._remember_ended(charger, tx)

    def close_transaction(self, charger: Charger, tx: Transaction, now: datetime) -> None:
        """Mark a transaction ended and drop the oldest ended ones beyond the bound."""
        tx.ended_at = tx.updated_at = now
        charger.active.pop(tx.transaction_id, None)
        self._remember_ended(charger, tx)

    @property
    def max_ended_transactions(self) -> int:
        return self._max_ended

    def _remember_ended(self, charger: Charger, tx: Transaction) -> None:
        self._ended.append((charger.charger_id, tx.transaction_id))
        while len(self._ended) > self._max_ended:
            key = self._ended.popleft()
            old = self._transactions.get(key)
            if old is not None and not old.active:
                del self._transactions[key]
