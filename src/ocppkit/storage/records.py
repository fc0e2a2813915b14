"""Plain records that repositories take and give back, one per table row kind.

They keep SQLAlchemy sessions and ORM instances inside ``storage``: the CSMS builds records from its
registry and reads records back at start-up. ``row()`` gives the column dict used for bulk writes.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, fields
from datetime import datetime
from typing import Any


@functools.cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


class Record:
    """Mixin: the record as a column -> value dict, for executemany-style bulk statements."""

    __slots__ = ()

    def row(self) -> dict[str, Any]:
        """The record's fields, by column name."""
        cls: type = type(self)  # any class is hashable (mypy checks type[Record] by its instances)
        return {name: getattr(self, name) for name in _field_names(cls)}


@dataclass(slots=True)
class StationRecord(Record):
    """A station row; ``first_seen`` is only written when the row is created."""

    id: str
    vendor: str | None = None
    model: str | None = None
    serial_number: str | None = None
    firmware_version: str | None = None
    boot_reason: str | None = None
    registration_status: str | None = None
    booted_at: datetime | None = None
    firmware_status: str | None = None
    first_seen: datetime | None = None
    last_seen: datetime | None = None
    online: bool = False
    ocpp_version: str | None = None


@dataclass(slots=True)
class ConnectorStatusRecord(Record):
    """One connector status change (G01)."""

    station_id: str
    evse_id: int
    connector_id: int
    status: str
    timestamp: datetime
    received_at: datetime


@dataclass(slots=True)
class IdTokenRecord(Record):
    """An id token and its authorization status (an IdTokenInfo status value)."""

    id_token: str
    type: str
    status: str = "Accepted"
    expires_at: datetime | None = None
    group_id_token: str | None = None


@dataclass(slots=True)
class TransactionRecord(Record):
    """A transaction's state; ``id`` is the CSMS's own key for it."""

    id: str
    station_id: str
    transaction_id: str
    started_at: datetime
    seq_no: int
    evse_id: int | None = None
    connector_id: int | None = None
    id_token: str | None = None
    id_token_type: str | None = None
    remote_start_id: int | None = None
    updated_at: datetime | None = None
    ended_at: datetime | None = None
    meter_start_wh: float | None = None
    meter_last_wh: float | None = None
    meter_stop_wh: float | None = None
    power_w: float | None = None
    peak_power_w: float | None = None
    charging_state: str | None = None
    stopped_reason: str | None = None


@dataclass(slots=True)
class TransactionEventRecord(Record):
    """One TransactionEvent; ``payload`` is its wire (camelCase) JSON object, or that object's
    JSON text (written as is; read back as the object)."""

    transaction_ref: str
    station_id: str
    transaction_id: str
    seq_no: int
    event_type: str
    trigger_reason: str
    timestamp: datetime
    offline: bool
    payload: dict[str, Any] | str
    received_at: datetime


@dataclass(slots=True)
class MeterValueRecord(Record):
    """One sampled value as sent: ``value`` scaled by neither ``unit`` nor ``multiplier``."""

    station_id: str
    evse_id: int | None
    transaction_ref: str | None
    timestamp: datetime
    measurand: str
    value: float
    phase: str | None = None
    location: str | None = None
    unit: str | None = None
    multiplier: int = 0
    context: str | None = None


@dataclass(slots=True)
class DeviceModelRecord(Record):
    """A station's device model: ``report_data`` is the report's entries, wire form (as JSON
    text when written through the write queue; always a list when read)."""

    station_id: str
    request_id: int
    generated_at: datetime
    received_at: datetime
    report_data: list[dict[str, Any]] | str


@dataclass(slots=True)
class CommandRecord(Record):
    """A CSMS->CS request: ``payload`` and ``response`` in wire form (JSON objects, or their JSON
    text: written as is, read back as the objects); ``status`` is the answer's
    status (or "Sent", "Answered", "Timeout", "CallError:<code>", "NotConnected"); ``progress``
    the latest status a notification reported for it."""

    id: int
    station_id: str
    action: str
    request_id: int | None
    payload: dict[str, Any] | str
    sent_at: datetime
    status: str = "Sent"
    response: dict[str, Any] | str | None = None
    progress: str | None = None
    progress_at: datetime | None = None
    answered_at: datetime | None = None


@dataclass(slots=True)
class StationMessageRecord(Record):
    """A notification from a station, wire form (its JSON object or JSON text, as
    ``CommandRecord``'s payload), and the request it belongs to (if any)."""

    id: int
    station_id: str
    action: str
    payload: dict[str, Any] | str
    received_at: datetime
    request_id: int | None = None
    command_id: int | None = None


@dataclass(slots=True)
class StationObjectRecord(Record):
    """The current state of one object a station holds, by (``kind``, ``key``); ``payload`` as
    ``CommandRecord``'s."""

    station_id: str
    kind: str
    key: str
    payload: dict[str, Any] | str
    updated_at: datetime
    evse_id: int | None = None
    status: str | None = None


@dataclass(slots=True)
class TrackingState:
    """What the CSMS reads back at start-up: the recent commands (for matching notifications),
    every station object, and the highest ids used so far."""

    commands: list[CommandRecord]
    objects: list[StationObjectRecord]
    last_command_id: int = 0
    last_message_id: int = 0


@dataclass(slots=True)
class StationSecurityRecord(Record):
    """A station's security profile (1-3, or 0: none required) and hashed passwords."""

    station_id: str
    profile: int
    password_hash: str | None
    previous_password_hash: str | None
    updated_at: datetime


@dataclass(slots=True)
class ApiKeyRecord(Record):
    """A REST API key as stored: its id, SHA-256, role, name, creation and revocation."""

    id: str
    key_hash: str
    role: str
    name: str | None
    created_at: datetime
    revoked_at: datetime | None = None


@dataclass(slots=True)
class SecurityEventRecord(Record):
    """A refused station connection; ``id`` is None until stored."""

    station_id: str
    remote_address: str
    reason: str
    detail: str
    at: datetime
    id: int | None = None


@dataclass(slots=True)
class SiteRecord(Record):
    """A site as stored: its id, limit (W), strategy, station ids and last change."""

    site_id: str
    limit_w: float
    strategy: str
    stations: list[str]
    updated_at: datetime


@dataclass(slots=True)
class TariffRecord(Record):
    """A tariff as stored: its id, its JSON document and when it last changed."""

    id: str
    document: dict[str, Any]
    updated_at: datetime


__all__ = [
    "CommandRecord",
    "ConnectorStatusRecord",
    "DeviceModelRecord",
    "IdTokenRecord",
    "MeterValueRecord",
    "SiteRecord",
    "StationMessageRecord",
    "StationObjectRecord",
    "StationRecord",
    "TariffRecord",
    "TrackingState",
    "TransactionEventRecord",
    "TransactionRecord",
]
