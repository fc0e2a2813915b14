"""The registry <-> storage records mapping: snapshots of stations and transactions written by
``DatabaseStore``, and the registry rebuilt from records at start-up."""

from __future__ import annotations

import dataclasses
import operator
from collections.abc import Iterable, Sequence
from datetime import datetime

from ocppkit.csms.clock import parse_time
from ocppkit.csms.registry import BootInfo, Charger, ChargerRegistry, ConnectorStatus, Transaction
from ocppkit.protocol.models import MeterValueType, TransactionEventRequest
from ocppkit.storage import (
    ConnectorStatusRecord,
    MeterValueRecord,
    StationRecord,
    TransactionEventRecord,
    TransactionRecord,
)

# Transaction fields stored under the same name (the rest: record_id -> id, charger_id).
_TX_FIELDS = (
    "transaction_id",
    "started_at",
    "seq_no",
    "evse_id",
    "connector_id",
    "id_token",
    "id_token_type",
    "remote_start_id",
    "updated_at",
    "ended_at",
    "meter_start_wh",
    "meter_last_wh",
    "meter_stop_wh",
    "power_w",
    "peak_power_w",
    "charging_state",
    "stopped_reason",
)
# A Transaction's values in TransactionRecord's field order, in one C call.
_TX_VALUES = operator.attrgetter(
    *(
        {"id": "record_id", "station_id": "charger_id"}.get(f.name, f.name)
        for f in dataclasses.fields(TransactionRecord)
    )
)


def station_record(charger: Charger, now: datetime) -> StationRecord:
    """The station row: boot record, firmware status, link state (first seen: ``now``)."""
    boot = charger.boot
    record = StationRecord(
        id=charger.charger_id,
        firmware_status=charger.firmware_status,
        first_seen=charger.connected_at or now,
        last_seen=charger.last_seen,
        online=charger.connected,
        ocpp_version=charger.ocpp_version,
    )
    if boot is not None:
        record.vendor, record.model = boot.vendor, boot.model
        record.serial_number, record.firmware_version = boot.serial_number, boot.firmware_version
        record.boot_reason, record.registration_status = boot.reason, boot.status
        record.booted_at = boot.booted_at
    return record


def transaction_record(tx: Transaction) -> TransactionRecord:
    """The transaction row as of now."""
    return TransactionRecord(*_TX_VALUES(tx))


def _event_record(
    tx_ref: str,
    station_id: str,
    transaction_id: str,
    request: TransactionEventRequest,
    received_at: datetime,
) -> TransactionEventRecord:
    return TransactionEventRecord(
        tx_ref,
        station_id,
        transaction_id,
        request.seq_no,
        str(request.event_type),
        str(request.trigger_reason),
        parse_time(request.timestamp),
        bool(request.offline),
        request.model_dump_json(by_alias=True, exclude_unset=True),  # serialised once, kept
        received_at,
    )


def event_rows(
    tx_ref: str,
    station_id: str,
    transaction_id: str,
    evse_id: int | None,
    request: TransactionEventRequest,
    received_at: datetime,
) -> tuple[TransactionEventRecord, list[MeterValueRecord]]:
    """The event's record and its sampled values' (for ``WriteBehind.add_deferred``: built on
    the database thread, from values copied when the event was handled and the request)."""
    meter_values = (
        meter_value_records(station_id, evse_id, tx_ref, request.meter_value)
        if request.meter_value
        else []
    )
    return _event_record(tx_ref, station_id, transaction_id, request, received_at), meter_values


def meter_value_records(
    station_id: str, evse_id: int | None, tx_ref: str | None, values: Iterable[MeterValueType]
) -> list[MeterValueRecord]:
    """One record per sampled value, unscaled, with its measurand, phase, unit and context."""
    records = []
    for meter_value in values:
        timestamp = parse_time(meter_value.timestamp)
        for sample in meter_value.sampled_value:
            uom = sample.unit_of_measure
            records.append(
                MeterValueRecord(
                    station_id=station_id,
                    evse_id=evse_id,
                    transaction_ref=tx_ref,
                    timestamp=timestamp,
                    value=float(sample.value),
                    measurand=str(sample.measurand or "Energy.Active.Import.Register"),
                    phase=_text(sample.phase),
                    location=_text(sample.location),
                    context=_text(sample.context),
                    unit=None if uom is None else uom.unit,
                    multiplier=0 if uom is None or uom.multiplier is None else uom.multiplier,
                )
            )
    return records


def meter_value_rows(
    station_id: str, evse_id: int | None, tx_ref: str | None, values: Sequence[MeterValueType]
) -> tuple[None, list[MeterValueRecord]]:
    """``meter_value_records`` for ``WriteBehind.add_deferred`` (no event)."""
    return None, meter_value_records(station_id, evse_id, tx_ref, values)


def _text(value: object) -> str | None:
    return None if value is None else str(value)


def status_record(
    station_id: str, evse_id: int, connector_id: int, status: ConnectorStatus
) -> ConnectorStatusRecord:
    return ConnectorStatusRecord(
        station_id, evse_id, connector_id, status.status, status.timestamp, status.received_at
    )


def restore(
    registry: ChargerRegistry,
    stations: Sequence[StationRecord],
    statuses: Sequence[ConnectorStatusRecord],
    transactions: Sequence[TransactionRecord],
    active_events: Iterable[tuple[str, int, datetime]] = (),
) -> None:
    """Rebuild the registry: stations (all offline), their connectors' latest statuses, and
    ``transactions`` (ended ones first, then the active ones, each in order). ``active_events``
    are (transaction ref, seqNo, timestamp) of the active transactions' events: an active
    transaction knows which seqNos it received and the time of its newest event. An ended one
    only knows its highest seqNo."""
    for record in stations:
        _restore_station(registry.ensure(record.id), record)
    for status in statuses:
        charger = registry.ensure(status.station_id)
        charger.connectors[(status.evse_id, status.connector_id)] = ConnectorStatus(
            status.status, status.timestamp, status.received_at
        )
    active: dict[str, Transaction] = {}
    for tx_record in transactions:
        charger = registry.ensure(tx_record.station_id)
        tx = _transaction(tx_record)
        if tx.active:
            active[tx.record_id] = tx
            tx.meter_start_at = tx.started_at
        else:
            tx.seq_nos = None
        registry.restore_transaction(charger, tx)
    for ref, seq_no, at in active_events:
        open_tx = active.get(ref)
        if open_tx is not None and open_tx.seq_nos is not None:
            open_tx.add_seq_no(seq_no)
            if open_tx.last_event_at is None or at > open_tx.last_event_at:
                tx.last_event_at = tx.meter_last_at = at


def _restore_station(charger: Charger, record: StationRecord) -> None:
    charger.last_seen = charger.disconnected_at = record.last_seen
    charger.firmware_status = record.firmware_status
    charger.ocpp_version = record.ocpp_version
    if record.vendor is not None and record.model is not None and record.booted_at is not None:
        charger.boot = BootInfo(
            vendor=record.vendor,
            model=record.model,
            serial_number=record.serial_number,
            firmware_version=record.firmware_version,
            reason=record.boot_reason or "Unknown",
            booted_at=record.booted_at,
            status=record.registration_status or "Accepted",
        )


def _transaction(record: TransactionRecord) -> Transaction:
    values = {name: getattr(record, name) for name in _TX_FIELDS}
    return Transaction(charger_id=record.station_id, record_id=record.id, **values)
