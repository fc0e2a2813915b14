"""Read-only views of the CSMS for operators (the REST API): transactions with their events and
meter values, per-station settings made at run time, and the energy delivered.

``CsmsQueries(server)`` registers one event listener (``TransactionHistory``) and keeps what the
registry does not: the recent events and meter values of each transaction when no database is
configured (bounded), the notes operators attach to stations, and a running total of energy.
With a database, a transaction's events and meter values are read from it.
"""

from __future__ import annotations

from collections import OrderedDict, deque
from dataclasses import dataclass
from datetime import date, datetime
from functools import partial
from typing import TYPE_CHECKING, Any

from ocppkit.csms.clock import Clock, format_time, utc_now
from ocppkit.csms.registry import Transaction
from ocppkit.csms.views import (
    MeterValueView,
    TransactionDetailView,
    TransactionEventView,
    TransactionView,
)
from ocppkit.storage.queries import transaction_history
from ocppkit.storage.worker import DatabaseWorker

if TYPE_CHECKING:
    from ocppkit.csms import OCPPServer

TxKey = tuple[str, str]  # (charger id, transaction id)


@dataclass(slots=True)
class _TxHistory:
    events: deque[TransactionEventView]
    meter_values: deque[MeterValueView]


class TransactionHistory:
    """Recent events and meter readings per transaction, from the CSMS's events (memory only).

    Args:
        max_transactions: transactions remembered, oldest dropped first.
        max_events, max_meter_values: kept per transaction, oldest dropped first.
        clock: the time, for the day of ``energy_today_wh``.
    """

    def __init__(
        self,
        max_transactions: int = 1_000,
        max_events: int = 200,
        max_meter_values: int = 1_000,
        clock: Clock = utc_now,
    ) -> None:
        self._history: OrderedDict[TxKey, _TxHistory] = OrderedDict()
        self._max_transactions = max_transactions
        self._max_events = max_events
        self._max_meter_values = max_meter_values
        self._last_energy: dict[TxKey, float] = {}
        self.energy_delivered_wh = 0.0
        """Energy delivered in every transaction seen since start (Wh, never decreasing)."""
        self._clock = clock
        self._today: tuple[date | None, float] = (None, 0.0)  # (UTC day, Wh delivered on it)

    def get(
        self, station_id: str, transaction_id: str
    ) -> tuple[list[TransactionEventView], list[MeterValueView]]:
        """(events, meter values) remembered for a transaction, oldest first."""
        found = self._history.get((station_id, transaction_id))
        if found is None:
            return [], []
        return list(found.events), list(found.meter_values)

    def on_event(self, kind: str, station_id: str, data: dict[str, Any]) -> None:
        """The CSMS event listener."""
        if kind == "transaction":
            self._on_transaction(station_id, data)

    def on_meter_values(
        self, station_id: str, transactions: list[Transaction], data: dict[str, Any]
    ) -> None:
        for tx in transactions:
            self._entry((station_id, tx.transaction_id)).meter_values.append(
                {
                    "timestamp": data.get("timestamp"),
                    "energy_wh": data.get("energy_wh"),
                    "power_w": data.get("power_w"),
                }
            )

    def _on_transaction(self, station_id: str, data: dict[str, Any]) -> None:
        key = (station_id, str(data.get("transaction_id")))
        entry = self._entry(key)
        entry.events.append(
            {
                "seq_no": data.get("seq_no"),
                "event_type": data.get("event_type"),
                "trigger_reason": data.get("trigger_reason"),
                "timestamp": data.get("updated_at"),
                "charging_state": data.get("charging_state"),
                "energy_kwh": data.get("energy_kwh"),
                "power_w": data.get("power_w"),
            }
        )
        self._meter_point(entry, data)
        energy = data.get("meter_stop_wh") or data.get("meter_last_wh")
        if energy is not None and data.get("meter_start_wh") is not None:
            delivered = max(0.0, float(energy) - float(data["meter_start_wh"]))
            increment = max(0.0, delivered - self._last_energy.get(key, 0.0))
            self.energy_delivered_wh += increment
            self._count_today(increment)
            self._last_energy[key] = max(delivered, self._last_energy.get(key, 0.0))
        if data.get("event_type") == "Ended":
            self._last_energy.pop(key, None)

    def energy_today_wh(self) -> float:
        """Energy delivered today (UTC day, as the events arrived since the CSMS started)."""
        day, total = self._today
        return total if day == self._clock().date() else 0.0

    def _count_today(self, increment: float) -> None:
        day, total = self._today
        today = self._clock().date()
        self._today = (today, (total if day == today else 0.0) + increment)

    @staticmethod
    def _meter_point(entry: _TxHistory, data: dict[str, Any]) -> None:
        """A TransactionEvent's meter reading, when it changed (stations sample in them too)."""
        energy, power = data.get("meter_last_wh"), data.get("power_w")
        if energy is None and power is None:
            return
        last = entry.meter_values[-1] if entry.meter_values else None
        if last is not None and (last["energy_wh"], last["power_w"]) == (energy, power):
            return
        entry.meter_values.append(
            {"timestamp": data.get("updated_at"), "energy_wh": energy, "power_w": power}
        )

    def _entry(self, key: TxKey) -> _TxHistory:
        entry = self._history.get(key)
        if entry is None:
            entry = self._history[key] = _TxHistory(
                deque(maxlen=self._max_events), deque(maxlen=self._max_meter_values)
            )
            while len(self._history) > self._max_transactions:
                old, _ = self._history.popitem(last=False)
                self._last_energy.pop(old, None)
        return entry


@dataclass(slots=True)
class StationSettings:
    """What operators set on a station at run time (besides boot status and lenient mode)."""

    items_per_message: int | None = None
    bytes_per_message: int | None = None
    notes: str = ""


class CsmsQueries:
    """Operator queries over one ``OCPPServer``.

    Args:
        server: the CSMS; one listener is added to it (``close`` removes it).
    """

    def __init__(self, server: OCPPServer) -> None:
        self.server = server
        self.history = TransactionHistory()
        self._settings: dict[str, StationSettings] = {}
        server.add_listener(self._on_event)

    def close(self) -> None:
        """Stop listening to the server."""
        self.server.remove_listener(self._on_event)

    def _on_event(self, kind: str, station_id: str, data: dict[str, Any]) -> None:
        if kind == "meter_values":
            charger = self.server.chargers.get(station_id)
            evse_id = data.get("evse_id")
            if charger is not None and evse_id:
                fed = [tx for tx in charger.active.values() if tx.evse_id == evse_id]
                self.history.on_meter_values(station_id, fed, data)
        else:
            self.history.on_event(kind, station_id, data)

    # --- transactions ---

    def transactions(
        self,
        station_id: str | None = None,
        id_token: str | None = None,
        active: bool | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
    ) -> list[TransactionView]:
        """Transactions the registry holds (every active one and the most recent ended ones),
        newest start first, filtered: ``since``/``until`` bound the start time."""
        token = None if id_token is None else id_token.casefold()
        selected = [
            tx
            for tx in self._all_transactions()
            if (station_id is None or tx.charger_id == station_id)
            and (token is None or (tx.id_token or "").casefold() == token)
            and (active is None or tx.active == active)
            and (since is None or tx.started_at >= since)
            and (until is None or tx.started_at < until)
        ]
        selected.sort(key=lambda tx: tx.started_at, reverse=True)
        return [tx.to_dict() for tx in selected]

    def _all_transactions(self) -> list[Transaction]:
        return list(self.server.chargers._transactions.values())  # private to the csms package

    async def transaction_detail(
        self, transaction_id: str, station_id: str | None = None
    ) -> TransactionDetailView | None:
        """A transaction (``get_transaction``) with ``events`` and ``meter_values``: from the
        database when one is configured, else the recent ones kept in memory. None if unknown."""
        tx = self.server.chargers.find_transaction(transaction_id, station_id)
        if tx is None:
            return None
        # The database store runs its worker as ``worker``; the memory store has none.
        worker = getattr(self.server._store, "worker", None)  # private to the csms package
        if isinstance(worker, DatabaseWorker):
            stored_events, stored_values = await worker.run(
                partial(transaction_history, transaction_ref=tx.record_id)
            )
            return {
                **tx.to_dict(),
                "source": "database",
                "events": [_stored_event(e) for e in stored_events],
                "meter_values": [_stored_value(v) for v in stored_values],
            }
        events, meter_values = self.history.get(tx.charger_id, tx.transaction_id)
        return {**tx.to_dict(), "source": "memory", "events": events, "meter_values": meter_values}

    # --- station settings ---

    def settings(self, station_id: str) -> dict[str, Any]:
        """A station's run-time settings: boot_status (the override, or None for the policy),
        lenient, items_per_message, bytes_per_message, notes."""
        own = self._settings.get(station_id) or StationSettings()
        boot = self.server._ctx.boot  # private to the csms package
        return {
            "boot_status": boot.overrides.get(station_id),
            "lenient": self.server.is_lenient(station_id),
            "items_per_message": own.items_per_message,
            "bytes_per_message": own.bytes_per_message,
            "notes": own.notes,
        }

    def update_settings(self, station_id: str, changes: dict[str, Any]) -> dict[str, Any]:
        """Apply the given keys of ``settings`` (others untouched) and return the settings.

        Raises:
            ValueError: a boot status or a limit that is not allowed (nothing is changed).
        """
        own = self._settings.setdefault(station_id, StationSettings())
        if "items_per_message" in changes or "bytes_per_message" in changes:
            items = changes.get("items_per_message", own.items_per_message)
            size = changes.get("bytes_per_message", own.bytes_per_message)
            self.server.set_station_limits(station_id, items, size)
            own.items_per_message, own.bytes_per_message = items, size
        if "boot_status" in changes:
            self.server.set_boot_status(station_id, changes["boot_status"])
        if "lenient" in changes:
            self.server.set_lenient(station_id, bool(changes["lenient"]))
        if "notes" in changes:
            own.notes = changes["notes"]
        return self.settings(station_id)

    # --- metrics ---

    def transactions_active(self) -> int:
        return sum(len(c.active) for c in self.server.chargers.chargers.values())


def _stored_event(record: Any) -> TransactionEventView:
    return {
        "seq_no": record.seq_no,
        "event_type": record.event_type,
        "trigger_reason": record.trigger_reason,
        "timestamp": format_time(record.timestamp),
        "offline": record.offline,
        "payload": record.payload,
    }


def _stored_value(record: Any) -> MeterValueView:
    return {
        "timestamp": format_time(record.timestamp),
        "evse_id": record.evse_id,
        "measurand": record.measurand,
        "value": record.value,
        "unit": record.unit,
        "multiplier": record.multiplier,
        "phase": record.phase,
        "context": record.context,
    }


__all__ = ["CsmsQueries", "StationSettings", "TransactionHistory"]
